/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-i18n.h"

#include <glib/gi18n-lib.h>

#include <string.h>

struct _AttainCatalogue
{
  char        *language;
  GMappedFile *file;     /* NULL for the source language */
  GHashTable  *messages; /* msgid (with "context\004") -> msgstr, both inside the file */
};

static GMutex      lock;
static GHashTable *catalogues; /* language -> AttainCatalogue*, kept for the process's life */
static GPrivate    current;    /* the building thread's catalogue */

/* A GNU .mo file: a header, then two tables of (length, offset) pairs, originals and
 * translations, in the file's byte order. */
static gboolean
read_mo (AttainCatalogue *catalogue, const char *path)
{
  const guint8 *data;
  gsize         size;
  guint32       magic, n, originals, translations;
  gboolean      swap;

  catalogue->file = g_mapped_file_new (path, FALSE, NULL);
  if (catalogue->file == NULL)
    return FALSE;
  data = (const guint8 *) g_mapped_file_get_contents (catalogue->file);
  size = g_mapped_file_get_length (catalogue->file);
  if (size < 28)
    return FALSE;
  memcpy (&magic, data, 4);
  swap = magic == 0xde120495;
  if (!swap && magic != 0x950412de)
    return FALSE;
#define U32(offset)                                                                                \
  (swap ? GUINT32_SWAP_LE_BE (*(const guint32 *) (data + (offset)))                                \
        : *(const guint32 *) (data + (offset)))
  n = U32 (8);
  originals = U32 (12);
  translations = U32 (16);
  if ((guint64) originals + (guint64) n * 8 > size
      || (guint64) translations + (guint64) n * 8 > size)
    return FALSE;
  for (guint32 i = 0; i < n; i++)
    {
      guint32 ol = U32 (originals + i * 8), oo = U32 (originals + i * 8 + 4);
      guint32 tl = U32 (translations + i * 8), to = U32 (translations + i * 8 + 4);
      if ((guint64) oo + ol >= size || (guint64) to + tl >= size || data[oo + ol] != '\0'
          || data[to + tl] != '\0')
        continue;
      g_hash_table_insert (catalogue->messages, (gpointer) (data + oo), (gpointer) (data + to));
    }
#undef U32
  return TRUE;
}

/* The catalogue of a language ("zh_CN", "zh_TW", "en"), read once from the folder the text
 * domain is bound to. English, or a language without a catalogue, gives the source strings. */
const AttainCatalogue *
attain_catalogue_get (const char *language)
{
  AttainCatalogue *catalogue;

  g_return_val_if_fail (language != NULL, NULL);
  g_mutex_lock (&lock);
  if (catalogues == NULL)
    catalogues = g_hash_table_new (g_str_hash, g_str_equal);
  catalogue = g_hash_table_lookup (catalogues, language);
  if (catalogue == NULL)
    {
      const char *dir = bindtextdomain (GETTEXT_PACKAGE, NULL);
      catalogue = g_new0 (AttainCatalogue, 1);
      catalogue->language = g_strdup (language);
      catalogue->messages = g_hash_table_new (g_str_hash, g_str_equal);
      if (!g_str_has_prefix (language, "en") && dir != NULL)
        {
          g_autofree char *path
              = g_build_filename (dir, language, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
          if (!read_mo (catalogue, path))
            g_hash_table_remove_all (catalogue->messages);
        }
      g_hash_table_insert (catalogues, catalogue->language, catalogue);
    }
  g_mutex_unlock (&lock);
  return catalogue;
}

const char *
attain_catalogue_language (const AttainCatalogue *catalogue)
{
  return catalogue ? catalogue->language : NULL;
}

void
attain_i18n_push (const AttainCatalogue *catalogue)
{
  g_private_set (&current, (gpointer) catalogue);
}

void
attain_i18n_pop (void)
{
  g_private_set (&current, NULL);
}

const AttainCatalogue *
attain_i18n_current (void)
{
  return g_private_get (&current);
}

const char *
attain_gettext (const char *msgid)
{
  const AttainCatalogue *catalogue = g_private_get (&current);
  const char            *found;

  if (catalogue == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  found = g_hash_table_lookup (catalogue->messages, msgid);
  return found && *found ? found : msgid;
}

const char *
attain_pgettext (const char *context_msgid, gsize msgid_offset)
{
  const AttainCatalogue *catalogue = g_private_get (&current);
  const char            *found;

  if (catalogue == NULL)
    return g_dpgettext (GETTEXT_PACKAGE, context_msgid, msgid_offset);
  found = g_hash_table_lookup (catalogue->messages, context_msgid);
  return found && *found ? found : context_msgid + msgid_offset;
}

const char *
attain_ngettext (const char *singular, const char *plural, gulong n)
{
  const AttainCatalogue *catalogue = g_private_get (&current);
  const char            *found;

  if (catalogue == NULL)
    return g_dngettext (GETTEXT_PACKAGE, singular, plural, n);
  /* Chinese has one plural form; English is the source. */
  found = g_hash_table_lookup (catalogue->messages, singular);
  if (found && *found)
    return found;
  return n == 1 ? singular : plural;
}

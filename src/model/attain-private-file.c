/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-private-file.h"

#include <string.h>

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "attain-gettext.h"

/* Returns the temporary file's name: it exists, empty, mode 0600, in @path's folder. */
char *
attain_private_file_create (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *temporary = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  int              fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _ ("Could not write in “%s”: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&temporary);
}

static gboolean
fsync_path (const char *path)
{
  int      fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = fsync (fd) == 0;
  close (fd);
  return ok;
}

/* Syncs @temporary and renames it to @path; on failure @temporary is removed. */
gboolean
attain_private_file_commit (const char *temporary, const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  /* Mode again, in case the writer recreated the file instead of writing into it. */
  if (g_chmod (temporary, 0600) != 0 || !fsync_path (temporary) || g_rename (temporary, path) != 0)
    {
      int saved_errno = errno;
      g_unlink (temporary);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _ ("Could not save “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  /* The rename itself lasts once the folder is synced. */
  fsync_path (dir);
  return TRUE;
}

void
attain_private_file_discard (const char *temporary)
{
  if (temporary != NULL)
    g_unlink (temporary);
}

/* The same, relative to an open folder: @name is one file name (no "/", not "." or ".."), the
 * temporary file is made with O_EXCL | O_NOFOLLOW inside @dirfd, so nothing written can land
 * outside that folder whatever the name or a link in it. Returns the open descriptor and sets
 * *@temporary to the temporary name. */
int
attain_private_file_create_at (int dirfd, const char *name, char **temporary, GError **error)
{
  *temporary = NULL;
  if (name == NULL || name[0] == '\0' || strchr (name, '/') != NULL || g_str_equal (name, ".")
      || g_str_equal (name, ".."))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, _ ("“%s” is not a file name."),
                   name ? name : "");
      return -1;
    }
  /* Bounded: a clash of 64 random bits a hundred times over is not a clash. */
  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *candidate
          = g_strdup_printf (".%s.%08x%08x", name, g_random_int (), g_random_int ());
      int fd = openat (dirfd, candidate, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);

      if (fd >= 0)
        {
          *temporary = g_steal_pointer (&candidate);
          return fd;
        }
      if (errno != EEXIST)
        break;
    }
  {
    int saved_errno = errno;
    g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                 _ ("Could not write “%s”: %s"), name, g_strerror (saved_errno));
  }
  return -1;
}

/* Syncs and closes @fd, then renames @temporary to @name inside @dirfd; on failure the
 * temporary file is removed. */
gboolean
attain_private_file_commit_at (int         dirfd,
                               int         fd,
                               const char *temporary,
                               const char *name,
                               GError    **error)
{
  gboolean ok = fchmod (fd, 0600) == 0 && fsync (fd) == 0;
  int      saved_errno = errno;

  ok = close (fd) == 0 && ok;
  if (ok && renameat (dirfd, temporary, dirfd, name) == 0)
    {
      fsync (dirfd);
      return TRUE;
    }
  if (ok)
    saved_errno = errno;
  unlinkat (dirfd, temporary, 0);
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _ ("Could not save “%s”: %s"), name, g_strerror (saved_errno));
  return FALSE;
}

void
attain_private_file_discard_at (int dirfd, int fd, const char *temporary)
{
  if (fd >= 0)
    close (fd);
  if (temporary != NULL)
    unlinkat (dirfd, temporary, 0);
}

/* A person's or unit's name made safe as part of a file name: no folder separators, no control
 * or direction-formatting characters (each becomes "_"), no leading dot and no "..", so a file
 * named after "x/../../escaped" stays in the chosen folder; at most @max_chars characters (a
 * 2,000-character name would exceed the file system's 255 bytes). Never empty. */
char *
attain_file_name_part (const char *text, guint max_chars)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  GString         *out = g_string_new (NULL);
  guint            n = 0;

  for (const char *p = valid; *p != '\0' && n < max_chars; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);
      gboolean unsafe = c == '/' || c == '\\' || c == ':' || g_unichar_iscntrl (c)
                        || g_unichar_type (c) == G_UNICODE_FORMAT
                        || (c == '.' && (out->len == 0 || out->str[out->len - 1] == '.'));

      if (unsafe)
        g_string_append_c (out, '_');
      else
        g_string_append_unichar (out, c);
    }
  if (out->len == 0)
    g_string_append_c (out, '_');
  return g_string_free (out, FALSE);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-sheet.h"

#include <gio/gio.h>
#include "attain-gettext.h"
#include <string.h>

/* CSV as Excel, WPS and CRMs write it (RFC 4180 plus what those tools do besides), decoded to
 * UTF-8 first. Our own parser rather than libcsv: every error message names the physical line
 * where the record starts, which needs positions libcsv does not keep. */

/* The quark name is a string, not a subtraction. */
/* clang-format off */
G_DEFINE_QUARK (attain-sheet-error-quark, attain_sheet_error)
/* clang-format on */

AttainSheet *
attain_sheet_new (void)
{
  AttainSheet *sheet = g_new0 (AttainSheet, 1);
  sheet->rows = g_ptr_array_new ();
  return sheet;
}

static void
sheet_row_free (AttainSheetRow *row)
{
  g_strfreev (row->cells);
  g_free (row);
}

void
attain_sheet_free (AttainSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_ptr_array_set_free_func (sheet->rows, (GDestroyNotify) sheet_row_free);
  g_ptr_array_unref (sheet->rows);
  g_free (sheet->encoding);
  g_strfreev (sheet->sheet_names);
  g_free (sheet);
}

const char *
attain_sheet_cell (const AttainSheet *sheet, guint row, guint column)
{
  const AttainSheetRow *r;

  g_return_val_if_fail (sheet != NULL, "");
  if (row >= sheet->rows->len)
    return "";
  r = g_ptr_array_index (sheet->rows, row);
  return column < r->n_cells ? r->cells[column] : "";
}

const char *
attain_text_detect_encoding (const char *data, gsize length)
{
  const guchar *bytes = (const guchar *) data;

  if (length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
    return "UTF-8";
  if (length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
    return "UTF-16LE";
  if (length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
    return "UTF-16BE";
  if (g_utf8_validate_len (data, length, NULL))
    return "UTF-8";
  /* GB18030 is the superset of GBK and GB2312: what Excel and WPS save on a Chinese desktop. */
  return "GB18030";
}

static const char *
canonical_encoding (const char *name)
{
  static const struct
  {
    const char *alias, *iconv;
  } names[] = {
    { "utf-8", "UTF-8" },     { "utf8", "UTF-8" },        { "gb18030", "GB18030" },
    { "gbk", "GB18030" },     { "gb2312", "GB18030" },    { "cp936", "GB18030" },
    { "big5", "BIG5" },       { "cp950", "BIG5" },        { "utf-16le", "UTF-16LE" },
    { "utf-16", "UTF-16LE" }, { "utf-16be", "UTF-16BE" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i].alias) == 0)
      return names[i].iconv;
  return NULL;
}

static guint
line_at_offset (const char *data, gsize offset, gboolean utf16)
{
  guint line = 1;
  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n' && (!utf16 || i % 2 == 0))
      line++;
  return line;
}

char *
attain_text_decode (const char *data,
                    gsize       length,
                    const char *encoding,
                    char      **chosen,
                    gsize      *out_length,
                    GError    **error)
{
  const char   *iconv_name;
  const guchar *bytes = (const guchar *) data;
  gsize         skip = 0, bytes_read = 0, bytes_written = 0;
  g_autoptr (GError) local_error = NULL;
  char *text;

  if (encoding == NULL || g_ascii_strcasecmp (encoding, "auto") == 0)
    iconv_name = attain_text_detect_encoding (data, length);
  else if ((iconv_name = canonical_encoding (encoding)) == NULL)
    {
      g_set_error (error, ATTAIN_SHEET_ERROR, ATTAIN_SHEET_ERROR_ENCODING,
                   _ ("“%s” is not an encoding Attain reads. Choose auto, utf-8, gb18030, big5 or "
                      "utf-16le."),
                   encoding);
      return NULL;
    }

  if (g_str_equal (iconv_name, "UTF-8") && length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB
      && bytes[2] == 0xBF)
    skip = 3;
  else if (g_str_equal (iconv_name, "UTF-16LE") && length >= 2 && bytes[0] == 0xFF
           && bytes[1] == 0xFE)
    skip = 2;
  else if (g_str_equal (iconv_name, "UTF-16BE") && length >= 2 && bytes[0] == 0xFE
           && bytes[1] == 0xFF)
    skip = 2;

  if (chosen != NULL)
    *chosen = g_strdup (iconv_name);

  if (g_str_equal (iconv_name, "UTF-8"))
    {
      const char *end;
      if (!g_utf8_validate_len (data + skip, length - skip, &end))
        {
          g_set_error (error, ATTAIN_SHEET_ERROR, ATTAIN_SHEET_ERROR_ENCODING,
                       _ ("Line %u is not valid UTF-8 text. Choose the file’s encoding (GB18030 "
                          "for files saved by Chinese Excel or WPS)."),
                       line_at_offset (data, end - data, FALSE));
          return NULL;
        }
      if (out_length != NULL)
        *out_length = length - skip;
      return g_strndup (data + skip, length - skip);
    }

  text = g_convert (data + skip, length - skip, "UTF-8", iconv_name, &bytes_read, &bytes_written,
                    &local_error);
  if (text == NULL)
    {
      if (g_error_matches (local_error, G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE)
          || g_error_matches (local_error, G_CONVERT_ERROR, G_CONVERT_ERROR_PARTIAL_INPUT))
        g_set_error (error, ATTAIN_SHEET_ERROR, ATTAIN_SHEET_ERROR_ENCODING,
                     _ ("Line %u is not valid %s text. Choose another encoding for this file."),
                     line_at_offset (data + skip, MIN (bytes_read, length - skip),
                                     g_str_has_prefix (iconv_name, "UTF-16")),
                     iconv_name);
      else
        g_set_error (error, ATTAIN_SHEET_ERROR, ATTAIN_SHEET_ERROR_ENCODING,
                     _ ("The file could not be read as %s: %s"), iconv_name, local_error->message);
      return NULL;
    }
  if (out_length != NULL)
    *out_length = bytes_written;
  return text;
}

char
attain_csv_detect_separator (const char *text, gsize length)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint             counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean          quoted = FALSE;
  guint             lines = 0;
  char              best = ',';
  guint             best_count = 0;

  if (length >= 5 && g_ascii_strncasecmp (text, "sep=", 4) == 0 && text[4] != '\0')
    return text[4];

  /* The separator is what the first lines have most of outside quotes; a title row above the
   * header has none, so looking at a few lines finds it. */
  for (gsize i = 0; i < length && lines < 30; i++)
    {
      char c = text[i];
      if (c == '"')
        quoted = !quoted;
      else if (!quoted && c == '\n')
        lines++;
      else if (!quoted)
        for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
          if (c == candidates[k])
            counts[k]++;
    }
  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    if (counts[k] > best_count)
      {
        best = candidates[k];
        best_count = counts[k];
      }
  return best;
}

static gboolean
row_is_blank (GPtrArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    {
      const char *cell = g_ptr_array_index (cells, i);
      for (const char *p = cell; *p; p++)
        if (!g_ascii_isspace (*p))
          return FALSE;
    }
  return TRUE;
}

static gboolean
finish_row (AttainSheet *sheet, GPtrArray *cells, guint line, GError **error)
{
  AttainSheetRow *row;

  if (row_is_blank (cells))
    {
      g_ptr_array_set_size (cells, 0);
      return TRUE;
    }
  row = g_new0 (AttainSheetRow, 1);
  row->line = line;
  row->n_cells = cells->len;
  g_ptr_array_add (cells, NULL);
  row->cells = (char **) g_ptr_array_steal (cells, NULL);
  g_ptr_array_add (sheet->rows, row);
  return TRUE;
}

AttainSheet *
attain_csv_parse (const char *text, gsize length, char separator, GError **error)
{
  g_autoptr (AttainSheet) sheet = attain_sheet_new ();
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) field = g_string_new (NULL);
  guint line = 1, record_line = 1;
  gsize i = 0;

  if (separator == 0)
    separator = attain_csv_detect_separator (text, length);
  sheet->separator = separator;

  /* Excel's "sep=;" first line names the separator and is not data. */
  if (length >= 5 && g_ascii_strncasecmp (text, "sep=", 4) == 0 && text[4] == separator)
    {
      while (i < length && text[i] != '\n')
        i++;
      if (i < length)
        i++;
      line = record_line = 2;
    }

  while (i < length)
    {
      gboolean quoted_field = FALSE, at_row_end = FALSE;

      g_string_truncate (field, 0);
      if (text[i] == '"')
        {
          guint quote_line = line;
          quoted_field = TRUE;
          i++;
          for (;;)
            {
              if (i >= length)
                {
                  g_set_error (
                      error, ATTAIN_SHEET_ERROR, ATTAIN_SHEET_ERROR_SYNTAX,
                      _ ("Line %u: a quoted field starts here and is never closed. Add the "
                         "missing closing quote (\") or remove the opening one."),
                      quote_line);
                  return NULL;
                }
              if (text[i] == '"')
                {
                  if (i + 1 < length && text[i + 1] == '"')
                    {
                      g_string_append_c (field, '"');
                      i += 2;
                      continue;
                    }
                  i++;
                  break;
                }
              if (text[i] == '\0')
                goto nul_byte;
              /* A line break inside quotes is part of the field; the editor's line count still
               * moves on. */
              if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= length || text[i + 1] != '\n')))
                line++;
              /* A line break inside a cell is "\n" whatever the file's line ends are, as in
               * Excel (Alt+Enter). */
              if (text[i] == '\r' && i + 1 < length && text[i + 1] == '\n')
                {
                  i++;
                  continue;
                }
              g_string_append_c (field, text[i]);
              i++;
            }
        }
      /* Unquoted text, or what follows a closing quote before the separator: taken as it is,
       * the way Excel reads a stray quote. */
      while (i < length && text[i] != separator && text[i] != '\n' && text[i] != '\r')
        {
          if (text[i] == '\0')
            goto nul_byte;
          g_string_append_c (field, text[i]);
          i++;
        }
      if (!quoted_field)
        {
          /* Unquoted fields lose surrounding spaces; quoted ones keep what is inside quotes. */
          g_strstrip (field->str);
          g_string_set_size (field, strlen (field->str));
        }
      if (cells->len >= ATTAIN_SHEET_MAX_COLUMNS)
        {
          g_set_error (error, ATTAIN_SHEET_ERROR, ATTAIN_SHEET_ERROR_TOO_LARGE,
                       _ ("Line %u has more than %d columns. Check that the separator is right."),
                       record_line, ATTAIN_SHEET_MAX_COLUMNS);
          return NULL;
        }
      g_ptr_array_add (cells, g_strndup (field->str, field->len));

      if (i >= length)
        at_row_end = TRUE;
      else if (text[i] == separator)
        {
          i++;
          if (i >= length)
            g_ptr_array_add (cells, g_strdup (""));
          at_row_end = i >= length;
        }
      else
        {
          if (text[i] == '\r' && i + 1 < length && text[i + 1] == '\n')
            i++;
          i++;
          line++;
          at_row_end = TRUE;
        }

      if (at_row_end)
        {
          if (!finish_row (sheet, cells, record_line, error))
            return NULL;
          record_line = line;
        }
    }
  if (cells->len > 0 && !finish_row (sheet, cells, record_line, error))
    return NULL;
  return g_steal_pointer (&sheet);

nul_byte:
  g_set_error (error, ATTAIN_SHEET_ERROR, ATTAIN_SHEET_ERROR_SYNTAX,
               _ ("Line %u holds a NUL byte, which text files do not. Check that this is a CSV "
                  "file and its encoding is right."),
               line);
  return NULL;
}

gboolean
attain_sheet_is_xlsx (const char *data, gsize length)
{
  /* Every zip starts with a local file header. */
  return length >= 4 && memcmp (data, "PK\003\004", 4) == 0;
}

AttainSheet *
attain_sheet_load (const char *path,
                   const char *encoding,
                   int         sheet_index,
                   char      **sha256,
                   GError    **error)
{
  g_autoptr (GMappedFile) mapped = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *text = NULL, *chosen = NULL;
  const char      *data;
  gsize            length, text_length = 0;
  AttainSheet     *sheet;

  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, ATTAIN_SHEET_ERROR, ATTAIN_SHEET_ERROR_READ,
                   _ ("Could not read “%s”: %s"), path, local_error->message);
      return NULL;
    }
  data = g_mapped_file_get_contents (mapped);
  length = g_mapped_file_get_length (mapped);
  if ((gint64) length > ATTAIN_SHEET_MAX_BYTES)
    {
      g_set_error (error, ATTAIN_SHEET_ERROR, ATTAIN_SHEET_ERROR_TOO_LARGE,
                   _ ("“%s” is larger than 2 GB. Split it into smaller files."), path);
      return NULL;
    }
  if (sha256 != NULL)
    *sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) (data ? data : ""),
                                           length);

  if (attain_sheet_is_xlsx (data, length))
    return attain_xlsx_read (path, sheet_index, error);

  text = attain_text_decode (data ? data : "", length, encoding, &chosen, &text_length, error);
  if (text == NULL)
    return NULL;
  sheet = attain_csv_parse (text, text_length, 0, error);
  if (sheet != NULL)
    sheet->encoding = g_steal_pointer (&chosen);
  return sheet;
}

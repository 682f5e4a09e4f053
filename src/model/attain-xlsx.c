/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One sheet of an XLSX workbook as rows of text. libgsf opens the zip and resolves the OPC
 * relationships (as Gnumeric does); libxml2's reader streams each part. Cells come out the way
 * a director reads them: shared and inline strings as text, numbers with a date format as
 * ISO dates (1900 or 1904 date system), other numbers as plain decimal text. */
#include "attain-sheet.h"

#include "attain-gettext.h"
#include <gsf/gsf.h>
#include <libxml/xmlreader.h>
#include <math.h>
#include <string.h>

#define REL_OFFICE_DOCUMENT                                                                        \
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
#define REL_OFFICE_DOCUMENT_STRICT                                                                 \
  "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
#define REL_SHARED_STRINGS                                                                         \
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
#define REL_STYLES "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
#define NS_RELATIONSHIPS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
/* A part larger than this is not a spreadsheet a person exported. */
#define MAX_PART_BYTES (G_GINT64_CONSTANT (1) << 30)

/* libgsf 1.14 declares no autoptr cleanups of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)

typedef struct
{
  GPtrArray *shared;     /* char* */
  GArray    *xf_is_date; /* gboolean per cellXfs index */
  gboolean   date1904;
} Workbook;

static void
ensure_gsf (void)
{
  static gsize once = 0;
  if (g_once_init_enter (&once))
    {
      gsf_init ();
      g_once_init_leave (&once, 1);
    }
}

static GBytes *
read_part (GsfInput *input, GError **error)
{
  gsf_off_t size = gsf_input_size (input);
  guint8   *buffer;

  if (size < 0 || size > MAX_PART_BYTES)
    {
      g_set_error (error, ATTAIN_SHEET_ERROR, ATTAIN_SHEET_ERROR_TOO_LARGE,
                   _ ("The workbook holds a part larger than 1 GB; it cannot be read."));
      return NULL;
    }
  buffer = g_malloc (size + 1);
  if (size > 0 && gsf_input_read (input, size, buffer) == NULL)
    {
      g_free (buffer);
      g_set_error (error, ATTAIN_SHEET_ERROR, ATTAIN_SHEET_ERROR_READ,
                   _ ("The workbook is damaged: a part could not be unpacked."));
      return NULL;
    }
  return g_bytes_new_take (buffer, size);
}

static xmlTextReaderPtr
reader_for (GBytes *bytes)
{
  gsize       size;
  const char *data = g_bytes_get_data (bytes, &size);
  /* No network, no entity expansion: a workbook is untrusted input. */
  return xmlReaderForMemory (data ? data : "", (int) MIN (size, (gsize) G_MAXINT), NULL, NULL,
                             XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
}

static gboolean
is_element (xmlTextReaderPtr reader, const char *name)
{
  return xmlTextReaderNodeType (reader) == XML_READER_TYPE_ELEMENT
         && g_strcmp0 ((const char *) xmlTextReaderConstLocalName (reader), name) == 0;
}

static gboolean
is_end (xmlTextReaderPtr reader, const char *name)
{
  return xmlTextReaderNodeType (reader) == XML_READER_TYPE_END_ELEMENT
         && g_strcmp0 ((const char *) xmlTextReaderConstLocalName (reader), name) == 0;
}

static char *
attribute (xmlTextReaderPtr reader, const char *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (reader, (const xmlChar *) name);
  char    *copy = value ? g_strdup ((const char *) value) : NULL;
  xmlFree (value);
  return copy;
}

/* Excel writes characters XML cannot hold as _xHHHH_ (a carriage return is _x000D_). */
static void
append_unescaped (GString *out, const char *text)
{
  while (*text)
    {
      if (text[0] == '_' && text[1] == 'x' && strlen (text) >= 7 && text[6] == '_'
          && g_ascii_isxdigit (text[2]) && g_ascii_isxdigit (text[3]) && g_ascii_isxdigit (text[4])
          && g_ascii_isxdigit (text[5]))
        {
          gunichar c = (gunichar) g_ascii_strtoull (text + 2, NULL, 16);
          if (c != 0 && g_unichar_validate (c))
            g_string_append_unichar (out, c);
          text += 7;
          continue;
        }
      g_string_append_c (out, *text++);
    }
}

/* The text of a <si> or <is>: every <t>, including those of rich-text runs, but not the
 * phonetic guide (<rPh>) Japanese and Chinese Excel add. */
static char *
read_rich_text (xmlTextReaderPtr reader, const char *container)
{
  g_autoptr (GString) text = g_string_new (NULL);
  int      phonetic = 0;
  gboolean in_t = FALSE;

  if (xmlTextReaderIsEmptyElement (reader))
    return g_strdup ("");
  while (xmlTextReaderRead (reader) == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      if (is_end (reader, container))
        break;
      if (is_element (reader, "rPh"))
        phonetic += !xmlTextReaderIsEmptyElement (reader);
      else if (is_end (reader, "rPh"))
        phonetic--;
      else if (is_element (reader, "t"))
        in_t = !xmlTextReaderIsEmptyElement (reader);
      else if (is_end (reader, "t"))
        in_t = FALSE;
      else if (in_t && phonetic == 0
               && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE
                   || type == XML_READER_TYPE_CDATA))
        append_unescaped (text, (const char *) xmlTextReaderConstValue (reader));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
read_shared_strings (Workbook *book, GBytes *bytes)
{
  xmlTextReaderPtr reader = reader_for (bytes);
  if (reader == NULL)
    return;
  while (xmlTextReaderRead (reader) == 1)
    if (is_element (reader, "si"))
      g_ptr_array_add (book->shared, read_rich_text (reader, "si"));
  xmlFreeTextReader (reader);
}

/* Built-in number formats that are dates: 14-22 and 45-47 everywhere, 27-36 and 50-58 in the
 * Chinese, Japanese and Korean builds (yyyy"年"m"月"d"日" and friends). */
static gboolean
builtin_is_date (int id)
{
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47)
         || (id >= 50 && id <= 58);
}

static gboolean
format_code_is_date (const char *code)
{
  gboolean quoted = FALSE, bracket = FALSE;

  for (const char *p = code; *p; p++)
    {
      char c = *p;
      if (c == '\\' && p[1])
        {
          p++;
          continue;
        }
      if (c == '"')
        quoted = !quoted;
      else if (!quoted && c == '[')
        bracket = TRUE;
      else if (!quoted && c == ']')
        bracket = FALSE;
      else if (!quoted && !bracket && strchr ("yYdD", c) != NULL)
        return TRUE;
      else if (!quoted && !bracket && (c == 'm' || c == 'M'))
        {
          /* m alone is month or minute; with y or d somewhere it is a date either way, and a
           * plain time (h:mm) is not a date a sales file needs. */
          continue;
        }
    }
  return FALSE;
}

static void
read_styles (Workbook *book, GBytes *bytes)
{
  xmlTextReaderPtr reader = reader_for (bytes);
  g_autoptr (GHashTable) custom_dates = g_hash_table_new (NULL, NULL);
  gboolean in_cell_xfs = FALSE;

  if (reader == NULL)
    return;
  while (xmlTextReaderRead (reader) == 1)
    {
      if (is_element (reader, "numFmt"))
        {
          g_autofree char *id = attribute (reader, "numFmtId");
          g_autofree char *code = attribute (reader, "formatCode");
          if (id != NULL && code != NULL && format_code_is_date (code))
            g_hash_table_add (custom_dates, GINT_TO_POINTER (atoi (id)));
        }
      else if (is_element (reader, "cellXfs"))
        in_cell_xfs = !xmlTextReaderIsEmptyElement (reader);
      else if (is_end (reader, "cellXfs"))
        in_cell_xfs = FALSE;
      else if (in_cell_xfs && is_element (reader, "xf"))
        {
          g_autofree char *id_text = attribute (reader, "numFmtId");
          int              id = id_text ? atoi (id_text) : 0;
          gboolean         is_date
              = builtin_is_date (id) || g_hash_table_contains (custom_dates, GINT_TO_POINTER (id));
          g_array_append_val (book->xf_is_date, is_date);
        }
    }
  xmlFreeTextReader (reader);
}

char *
attain_xlsx_serial_to_iso (double serial, gboolean date1904)
{
  g_autoptr (GDate) date = NULL;
  gint64 days;

  if (!isfinite (serial) || serial < 1 || serial > 2958465) /* 9999-12-31 */
    return NULL;
  days = (gint64) floor (serial);
  date = g_date_new_dmy (date1904 ? 1 : 30, date1904 ? G_DATE_JANUARY : G_DATE_DECEMBER,
                         date1904 ? 1904 : 1899);
  /* Lotus 1-2-3's phantom 1900-02-29 (serial 60): serials below it are one day early. */
  if (!date1904 && days < 61)
    days += 1;
  g_date_add_days (date, (guint) days);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* "AB12" -> column 27 (0-based), or -1. */
static int
column_of_reference (const char *ref)
{
  int column = 0, letters = 0;
  for (const char *p = ref; *p && g_ascii_isalpha (*p); p++, letters++)
    {
      column = column * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (column > ATTAIN_SHEET_MAX_COLUMNS)
        return -1;
    }
  return letters ? column - 1 : -1;
}

static char *
cell_text (const Workbook *book, const char *type, int style, const char *value, char *inline_text)
{
  if (g_strcmp0 (type, "inlineStr") == 0)
    return inline_text ? inline_text : g_strdup ("");
  g_free (inline_text);
  if (value == NULL)
    return g_strdup ("");
  if (g_strcmp0 (type, "s") == 0)
    {
      guint64 index = g_ascii_strtoull (value, NULL, 10);
      return g_strdup (index < book->shared->len ? g_ptr_array_index (book->shared, index) : "");
    }
  if (g_strcmp0 (type, "b") == 0)
    return g_strdup (g_str_equal (value, "1") ? "TRUE" : "FALSE");
  if (type == NULL || g_str_equal (type, "n"))
    {
      if (style >= 0 && (guint) style < book->xf_is_date->len
          && g_array_index (book->xf_is_date, gboolean, style))
        {
          char *iso = attain_xlsx_serial_to_iso (g_ascii_strtod (value, NULL), book->date1904);
          if (iso != NULL)
            return iso;
        }
    }
  {
    GString *out = g_string_new (NULL);
    append_unescaped (out, value);
    return g_string_free (out, FALSE);
  }
}

static void
add_row (AttainSheet *sheet, guint line, GPtrArray *cells)
{
  AttainSheetRow *row;
  gboolean        blank = TRUE;

  for (guint i = 0; i < cells->len && blank; i++)
    {
      const char *c = g_ptr_array_index (cells, i);
      blank = c == NULL || *g_strstrip ((char *) c) == '\0';
    }
  if (blank)
    {
      g_ptr_array_set_size (cells, 0);
      return;
    }
  for (guint i = 0; i < cells->len; i++)
    if (g_ptr_array_index (cells, i) == NULL)
      g_ptr_array_index (cells, i) = g_strdup ("");
  row = g_new0 (AttainSheetRow, 1);
  row->line = line;
  row->n_cells = cells->len;
  g_ptr_array_add (cells, NULL);
  row->cells = (char **) g_ptr_array_steal (cells, NULL);
  g_ptr_array_add (sheet->rows, row);
}

static gboolean
read_sheet (AttainSheet *sheet, const Workbook *book, GBytes *bytes, GError **error)
{
  xmlTextReaderPtr reader = reader_for (bytes);
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  guint    row_number = 0;
  int      next_column = 0;
  gboolean in_row = FALSE;

  if (reader == NULL)
    {
      g_set_error (error, ATTAIN_SHEET_ERROR, ATTAIN_SHEET_ERROR_SYNTAX,
                   _ ("The sheet could not be read: it is not XML."));
      return FALSE;
    }
  while (xmlTextReaderRead (reader) == 1)
    {
      if (is_element (reader, "row"))
        {
          g_autofree char *r = attribute (reader, "r");
          guint64          n = r ? g_ascii_strtoull (r, NULL, 10) : 0;
          row_number = n > row_number ? (guint) MIN (n, G_MAXUINT) : row_number + 1;
          next_column = 0;
          g_ptr_array_set_size (cells, 0);
          in_row = !xmlTextReaderIsEmptyElement (reader);
        }
      else if (is_end (reader, "row"))
        {
          add_row (sheet, row_number, cells);
          in_row = FALSE;
        }
      else if (in_row && is_element (reader, "c"))
        {
          g_autofree char *ref = attribute (reader, "r");
          g_autofree char *type = attribute (reader, "t");
          g_autofree char *style_text = attribute (reader, "s");
          g_autofree char *value = NULL;
          char            *inline_text = NULL;
          int              column = ref ? column_of_reference (ref) : next_column;

          if (column < 0 || column >= ATTAIN_SHEET_MAX_COLUMNS)
            column = next_column;
          if (column >= ATTAIN_SHEET_MAX_COLUMNS)
            {
              xmlFreeTextReader (reader);
              g_set_error (error, ATTAIN_SHEET_ERROR, ATTAIN_SHEET_ERROR_TOO_LARGE,
                           _ ("Row %u has more than %d columns."), row_number,
                           ATTAIN_SHEET_MAX_COLUMNS);
              return FALSE;
            }
          if (!xmlTextReaderIsEmptyElement (reader))
            while (xmlTextReaderRead (reader) == 1 && !is_end (reader, "c"))
              {
                if (is_element (reader, "v") && !xmlTextReaderIsEmptyElement (reader))
                  {
                    xmlChar *text = xmlTextReaderReadString (reader);
                    g_free (value);
                    value = g_strdup (text ? (const char *) text : "");
                    xmlFree (text);
                  }
                else if (is_element (reader, "is"))
                  {
                    g_free (inline_text);
                    inline_text = read_rich_text (reader, "is");
                  }
              }
          if ((guint) column >= cells->len)
            g_ptr_array_set_size (cells, column + 1);
          g_free (g_ptr_array_index (cells, column));
          g_ptr_array_index (cells, column)
              = cell_text (book, type, style_text ? atoi (style_text) : -1, value, inline_text);
          next_column = column + 1;
        }
    }
  xmlFreeTextReader (reader);
  return TRUE;
}

AttainSheet *
attain_xlsx_read (const char *path, int sheet_index, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GsfInput) input = NULL;
  g_autoptr (GsfInfile) zip = NULL;
  g_autoptr (GsfInput) workbook_part = NULL;
  g_autoptr (GsfInput) part = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (AttainSheet) sheet = attain_sheet_new ();
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) rel_ids = g_ptr_array_new_with_free_func (g_free);
  Workbook         book = { 0 };
  xmlTextReaderPtr reader;
  gboolean         ok = FALSE;

  ensure_gsf ();
  book.shared = g_ptr_array_new_with_free_func (g_free);
  book.xf_is_date = g_array_new (FALSE, FALSE, sizeof (gboolean));

  input = gsf_input_stdio_new (path, &local_error);
  if (input != NULL)
    zip = gsf_infile_zip_new (input, &local_error);
  if (zip == NULL)
    {
      g_set_error (error, ATTAIN_SHEET_ERROR, ATTAIN_SHEET_ERROR_READ,
                   _ ("“%s” is not an Excel workbook (.xlsx) Attain can open: %s"), path,
                   local_error ? local_error->message : "");
      goto out;
    }
  workbook_part = gsf_open_pkg_open_rel_by_type (GSF_INPUT (zip), REL_OFFICE_DOCUMENT, NULL);
  if (workbook_part == NULL)
    workbook_part
        = gsf_open_pkg_open_rel_by_type (GSF_INPUT (zip), REL_OFFICE_DOCUMENT_STRICT, NULL);
  if (workbook_part == NULL || (bytes = read_part (workbook_part, error)) == NULL)
    {
      if (workbook_part == NULL)
        g_set_error (error, ATTAIN_SHEET_ERROR, ATTAIN_SHEET_ERROR_READ,
                     _ ("“%s” is a zip file but not an Excel workbook: it has no workbook part."),
                     path);
      goto out;
    }

  reader = reader_for (bytes);
  while (reader != NULL && xmlTextReaderRead (reader) == 1)
    {
      if (is_element (reader, "workbookPr"))
        {
          g_autofree char *d1904 = attribute (reader, "date1904");
          book.date1904
              = d1904 && (g_str_equal (d1904, "1") || g_ascii_strcasecmp (d1904, "true") == 0);
        }
      else if (is_element (reader, "sheet"))
        {
          xmlChar *rid = xmlTextReaderGetAttributeNs (reader, (const xmlChar *) "id",
                                                      (const xmlChar *) NS_RELATIONSHIPS);
          g_ptr_array_add (names, attribute (reader, "name"));
          g_ptr_array_add (rel_ids, g_strdup (rid ? (const char *) rid : ""));
          xmlFree (rid);
        }
    }
  if (reader != NULL)
    xmlFreeTextReader (reader);
  g_clear_pointer (&bytes, g_bytes_unref);

  if (names->len == 0)
    {
      g_set_error (error, ATTAIN_SHEET_ERROR, ATTAIN_SHEET_ERROR_READ,
                   _ ("The workbook “%s” has no sheets."), path);
      goto out;
    }
  if (sheet_index < 0 || (guint) sheet_index >= names->len)
    {
      g_set_error (error, ATTAIN_SHEET_ERROR, ATTAIN_SHEET_ERROR_READ,
                   _ ("The workbook has %u sheets; sheet %d does not exist. Sheets are numbered "
                      "from 1."),
                   names->len, sheet_index + 1);
      goto out;
    }

  part = gsf_open_pkg_open_rel_by_type (workbook_part, REL_SHARED_STRINGS, NULL);
  if (part != NULL)
    {
      bytes = read_part (part, error);
      if (bytes == NULL)
        goto out;
      read_shared_strings (&book, bytes);
      g_clear_pointer (&bytes, g_bytes_unref);
      g_clear_object (&part);
    }
  part = gsf_open_pkg_open_rel_by_type (workbook_part, REL_STYLES, NULL);
  if (part != NULL)
    {
      bytes = read_part (part, error);
      if (bytes == NULL)
        goto out;
      read_styles (&book, bytes);
      g_clear_pointer (&bytes, g_bytes_unref);
      g_clear_object (&part);
    }

  part = gsf_open_pkg_open_rel_by_id (workbook_part, g_ptr_array_index (rel_ids, sheet_index),
                                      &local_error);
  if (part == NULL)
    {
      g_set_error (error, ATTAIN_SHEET_ERROR, ATTAIN_SHEET_ERROR_READ,
                   _ ("The sheet “%s” could not be found in the workbook; it may be damaged."),
                   (const char *) g_ptr_array_index (names, sheet_index));
      goto out;
    }
  bytes = read_part (part, error);
  if (bytes == NULL || !read_sheet (sheet, &book, bytes, error))
    goto out;

  sheet->encoding = g_strdup ("XLSX");
  sheet->sheet_index = sheet_index;
  g_ptr_array_add (names, NULL);
  sheet->sheet_names = (char **) g_ptr_array_steal (names, NULL);
  ok = TRUE;

out:
  g_ptr_array_unref (book.shared);
  g_array_unref (book.xf_is_date);
  return ok ? g_steal_pointer (&sheet) : NULL;
}

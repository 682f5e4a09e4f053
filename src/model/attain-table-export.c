/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-table-export.h"
#include "attain-private-file.h"

#include <errno.h>
#include <fcntl.h>
#include "attain-gettext.h"
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "attain-period.h"

typedef struct
{
  char            *title;
  AttainColumnKind kind;
  double           width;
} Column;

typedef struct
{
  char  *text;   /* NULL for a number or an empty cell */
  double number; /* NAN when empty */
} Cell;

struct _AttainTable
{
  char      *sheet_name;
  char      *title;
  GArray    *columns;   /* Column */
  GPtrArray *rows;      /* GArray of Cell */
  guint      cut_cells; /* texts the last XLSX write had to shorten */
};

static void
row_free (GArray *row)
{
  for (guint i = 0; i < row->len; i++)
    g_free (g_array_index (row, Cell, i).text);
  g_array_unref (row);
}

AttainTable *
attain_table_new (const char *sheet_name, const char *title)
{
  AttainTable *table = g_new0 (AttainTable, 1);
  table->sheet_name = g_strdup (sheet_name);
  table->title = g_strdup (title);
  table->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  return table;
}

void
attain_table_free (AttainTable *table)
{
  if (table == NULL)
    return;
  for (guint i = 0; i < table->columns->len; i++)
    g_free (g_array_index (table->columns, Column, i).title);
  g_array_unref (table->columns);
  g_ptr_array_unref (table->rows);
  g_free (table->sheet_name);
  g_free (table->title);
  g_free (table);
}

void
attain_table_add_column (AttainTable *table, const char *title, AttainColumnKind kind, double width)
{
  Column column = { g_strdup (title), kind, width };
  g_array_append_val (table->columns, column);
}

void
attain_table_add_row (AttainTable *table)
{
  GArray *row = g_array_new (FALSE, TRUE, sizeof (Cell));
  g_array_set_size (row, table->columns->len);
  for (guint i = 0; i < row->len; i++)
    g_array_index (row, Cell, i).number = NAN;
  g_ptr_array_add (table->rows, row);
}

static Cell *
current_cell (AttainTable *table, guint column)
{
  GArray *row;
  g_return_val_if_fail (table->rows->len > 0 && column < table->columns->len, NULL);
  row = g_ptr_array_index (table->rows, table->rows->len - 1);
  return &g_array_index (row, Cell, column);
}

void
attain_table_set_text (AttainTable *table, guint column, const char *text)
{
  Cell *cell = current_cell (table, column);
  if (cell == NULL)
    return;
  g_free (cell->text);
  cell->text = g_strdup (text);
}

void
attain_table_set_number (AttainTable *table, guint column, double value)
{
  Cell *cell = current_cell (table, column);
  if (cell != NULL)
    cell->number = value;
}

void
attain_csv_append_cell (GString *out, const char *text)
{
  gboolean quote;

  if (text == NULL)
    text = "";
  /* A cell starting like a formula (or with a tab or carriage return, which some spreadsheet
   * programs strip before looking) is neutralised, so opening the file runs nothing. */
  if (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t'
      || text[0] == '\r')
    {
      g_autofree char *guarded = g_strconcat ("'", text, NULL);
      attain_csv_append_cell (out, guarded);
      return;
    }
  quote = strpbrk (text, ",\"\r\n") != NULL;
  if (!quote)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Written under a temporary name, synced and renamed: a failed or killed export never leaves a
 * half file under the name the director chose. 0600: these are people's figures. */
gboolean
attain_write_file_atomic (const char *path, const char *data, gsize length, GError **error)
{
  return g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

static double
file_value (AttainColumnKind kind, double value)
{
  return kind == ATTAIN_COLUMN_MONEY ? value / 100.0 : value;
}

gboolean
attain_table_write_csv (AttainTable *table, const char *path, GError **error)
{
  g_autoptr (GString) out = g_string_new ("\xEF\xBB\xBF"); /* BOM: Chinese Excel reads UTF-8 then */

  for (guint c = 0; c < table->columns->len; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      attain_csv_append_cell (out, g_array_index (table->columns, Column, c).title);
    }
  g_string_append (out, "\r\n");
  for (guint r = 0; r < table->rows->len; r++)
    {
      GArray *row = g_ptr_array_index (table->rows, r);
      for (guint c = 0; c < row->len; c++)
        {
          Cell            *cell = &g_array_index (row, Cell, c);
          AttainColumnKind kind = g_array_index (table->columns, Column, c).kind;
          if (c > 0)
            g_string_append_c (out, ',');
          if (cell->text != NULL)
            attain_csv_append_cell (out, cell->text);
          else if (!isnan (cell->number))
            {
              char        number[G_ASCII_DTOSTR_BUF_SIZE];
              const char *format = kind == ATTAIN_COLUMN_MONEY   ? "%.2f"
                                   : kind == ATTAIN_COLUMN_RATE  ? "%.4f"
                                   : kind == ATTAIN_COLUMN_SCORE ? "%.1f"
                                                                 : "%.0f";
              g_ascii_formatd (number, sizeof number, format, file_value (kind, cell->number));
              g_string_append (out, number);
            }
        }
      g_string_append (out, "\r\n");
    }
  if (!attain_write_file_atomic (path, out->str, out->len, error))
    {
      g_prefix_error (error, _ ("Could not save the CSV file: "));
      return FALSE;
    }
  return TRUE;
}

static double
excel_date (const char *iso)
{
  GDate date, epoch;
  if (!attain_date_parse_iso (iso, &date))
    return NAN;
  g_date_clear (&epoch, 1);
  g_date_set_dmy (&epoch, 30, G_DATE_DECEMBER, 1899);
  return g_date_days_between (&epoch, &date);
}

/* An Excel cell holds at most 32,767 characters; libxlsxwriter refuses a longer string and the
 * cell would stay empty. Such a text is cut with a visible marker, and counted so the export can
 * say so. */
#define XLSX_CELL_MAX_CHARS 32767

static void
write_text (AttainTable   *table,
            lxw_worksheet *sheet,
            int            row,
            int            column,
            const char    *text,
            lxw_format    *format)
{
  glong length = g_utf8_strlen (text, -1);

  if (length <= XLSX_CELL_MAX_CHARS)
    {
      worksheet_write_string (sheet, row, column, text, format);
      return;
    }
  {
    /* Translators: ends a text cut to fit an Excel cell */
    const char      *marker = _ ("… [cut: longer than an Excel cell holds]");
    glong            keep = XLSX_CELL_MAX_CHARS - g_utf8_strlen (marker, -1);
    g_autofree char *head = g_utf8_substring (text, 0, keep);
    g_autofree char *cut = g_strconcat (head, marker, NULL);
    worksheet_write_string (sheet, row, column, cut, format);
    table->cut_cells++;
  }
}

/* A workbook that writes into a private temporary file beside @path (renamed over it by
 * attain_xlsx_close()), with libxlsxwriter's own scratch files in the same folder rather than
 * in the shared /tmp: they hold the same names and figures. */
lxw_workbook *
attain_xlsx_open (const char *path, char **temporary, GError **error)
{
  g_autofree char     *folder = g_path_get_dirname (path);
  lxw_workbook_options options = { .tmpdir = folder };
  lxw_workbook        *workbook;

  *temporary = attain_private_file_create (path, error);
  if (*temporary == NULL)
    return NULL;
  workbook = workbook_new_opt (*temporary, &options);
  if (workbook == NULL)
    {
      g_clear_pointer (temporary, attain_private_file_discard);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _ ("Could not create “%s”. Check that the folder exists and can be written."),
                   path);
    }
  return workbook;
}

/* Writes the workbook out and puts it in place; on failure nothing is left under @path's name. */
gboolean
attain_xlsx_close (lxw_workbook *workbook, char *temporary, const char *path, GError **error)
{
  g_autofree char *owned = temporary;
  lxw_error        status = workbook_close (workbook);

  if (status != LXW_NO_ERROR)
    {
      attain_private_file_discard (owned);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _ ("Could not save “%s” as Excel: %s"),
                   path, lxw_strerror (status));
      return FALSE;
    }
  return attain_private_file_commit (owned, path, error);
}

gboolean
attain_table_write_xlsx (AttainTable *table, const char *path, GError **error)
{
  g_autofree char *temporary = NULL;
  lxw_workbook    *workbook;
  lxw_worksheet   *sheet;
  lxw_format      *header, *heading, *formats[6] = { NULL };
  int              first_row = table->title ? 2 : 1;

  table->cut_cells = 0;
  workbook = attain_xlsx_open (path, &temporary, error);
  if (workbook == NULL)
    return FALSE;
  sheet = workbook_add_worksheet (workbook, table->sheet_name);
  heading = workbook_add_format (workbook);
  format_set_bold (heading);
  format_set_font_size (heading, 14);
  header = workbook_add_format (workbook);
  format_set_bold (header);
  format_set_bottom (header, LXW_BORDER_THIN);
  formats[ATTAIN_COLUMN_MONEY] = workbook_add_format (workbook);
  format_set_num_format (formats[ATTAIN_COLUMN_MONEY], "#,##0.00");
  formats[ATTAIN_COLUMN_COUNT] = workbook_add_format (workbook);
  format_set_num_format (formats[ATTAIN_COLUMN_COUNT], "#,##0");
  formats[ATTAIN_COLUMN_DATE] = workbook_add_format (workbook);
  format_set_num_format (formats[ATTAIN_COLUMN_DATE], "yyyy-mm-dd");
  formats[ATTAIN_COLUMN_RATE] = workbook_add_format (workbook);
  format_set_num_format (formats[ATTAIN_COLUMN_RATE], "0.0%");
  formats[ATTAIN_COLUMN_SCORE] = workbook_add_format (workbook);
  format_set_num_format (formats[ATTAIN_COLUMN_SCORE], "0.0");

  if (table->title)
    write_text (table, sheet, 0, 0, table->title, heading);
  for (guint c = 0; c < table->columns->len; c++)
    {
      Column *column = &g_array_index (table->columns, Column, c);
      worksheet_write_string (sheet, first_row - 1, c, column->title, header);
      worksheet_set_column (sheet, c, c, column->width > 0 ? column->width : 14, NULL);
    }
  worksheet_freeze_panes (sheet, first_row, 0);
  for (guint r = 0; r < table->rows->len; r++)
    {
      GArray *row = g_ptr_array_index (table->rows, r);
      for (guint c = 0; c < row->len; c++)
        {
          Cell            *cell = &g_array_index (row, Cell, c);
          AttainColumnKind kind = g_array_index (table->columns, Column, c).kind;
          if (kind == ATTAIN_COLUMN_DATE && cell->text != NULL && !isnan (excel_date (cell->text)))
            worksheet_write_number (sheet, first_row + r, c, excel_date (cell->text),
                                    formats[kind]);
          else if (cell->text != NULL)
            write_text (table, sheet, first_row + r, c, cell->text, NULL);
          else if (!isnan (cell->number))
            worksheet_write_number (sheet, first_row + r, c, file_value (kind, cell->number),
                                    formats[kind]);
        }
    }
  return attain_xlsx_close (workbook, g_steal_pointer (&temporary), path, error);
}

/* What to add to "Exported" when the last XLSX write had to cut texts; NULL when it did not. */
char *
attain_table_cut_notice (AttainTable *table)
{
  if (table->cut_cells == 0)
    return NULL;
  return g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE,
                   "%u text was longer than an Excel cell holds (32,767 characters) and was cut; "
                   "a CSV export keeps it whole.",
                   "%u texts were longer than an Excel cell holds (32,767 characters) and were "
                   "cut; a CSV export keeps them whole.",
                   table->cut_cells),
      table->cut_cells);
}

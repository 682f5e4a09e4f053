/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <xlsxwriter.h>

G_BEGIN_DECLS

typedef enum
{
  ATTAIN_COLUMN_TEXT,
  ATTAIN_COLUMN_MONEY, /* cells hold fen; files show yuan with two decimals */
  ATTAIN_COLUMN_COUNT,
  ATTAIN_COLUMN_DATE,  /* cells hold ISO dates; Excel gets real dates */
  ATTAIN_COLUMN_RATE,  /* cells hold fractions; Excel shows percent */
  ATTAIN_COLUMN_SCORE, /* one decimal */
} AttainColumnKind;

/* A sheet to hand to HR or finance: titled columns of one kind each, then rows. Written as CSV
 * (UTF-8 with BOM, formula cells neutralised) or XLSX with real number and date formats, always
 * to a temporary file in the same folder that is renamed into place, mode 0600. */
typedef struct _AttainTable AttainTable;

AttainTable  *attain_table_new (const char *sheet_name, const char *title);
void          attain_table_add_column (AttainTable     *table,
                                       const char      *title,
                                       AttainColumnKind kind,
                                       double           width);
void          attain_table_add_row (AttainTable *table);
void          attain_table_set_text (AttainTable *table, guint column, const char *text);
void          attain_table_set_number (AttainTable *table, guint column, double value);
gboolean      attain_table_write_csv (AttainTable *table, const char *path, GError **error);
gboolean      attain_table_write_xlsx (AttainTable *table, const char *path, GError **error);
void          attain_table_free (AttainTable *table);
char         *attain_table_cut_notice (AttainTable *table);
void          attain_csv_append_cell (GString *out, const char *text);
lxw_workbook *attain_xlsx_open (const char *path, char **temporary, GError **error);
gboolean
attain_xlsx_close (lxw_workbook *workbook, char *temporary, const char *path, GError **error);
gboolean
attain_write_file_atomic (const char *path, const char *data, gsize length, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttainTable, attain_table_free)

G_END_DECLS

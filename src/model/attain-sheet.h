/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ATTAIN_SHEET_ERROR (attain_sheet_error_quark ())

typedef enum
{
  ATTAIN_SHEET_ERROR_READ,
  ATTAIN_SHEET_ERROR_ENCODING,
  ATTAIN_SHEET_ERROR_SYNTAX,
  ATTAIN_SHEET_ERROR_TOO_LARGE,
  ATTAIN_SHEET_ERROR_CANCELLED,
} AttainSheetError;

/* One row of a file as its user sees it: line is the physical line a text editor shows for the
 * start of the record (CSV), or the row number Excel shows (XLSX). */
typedef struct
{
  guint  line;
  guint  n_cells;
  char **cells; /* UTF-8, never NULL; empty cells are "" */
} AttainSheetRow;

/* A file read into rows of text, whatever it was: CSV in any of the encodings Chinese desktops
 * write, or one sheet of an XLSX workbook. Dates of XLSX cells with a date format come as
 * ISO 8601 text, numbers as plain decimal text. */
typedef struct
{
  GPtrArray *rows;        /* AttainSheetRow* */
  char      *encoding;    /* what the text was decoded from: "UTF-8", "GB18030", … or "XLSX" */
  char       separator;   /* CSV only */
  char     **sheet_names; /* XLSX only */
  guint      sheet_index;
} AttainSheet;

/* Limits that keep a hostile file from exhausting memory; Excel's own column limit. */
#define ATTAIN_SHEET_MAX_COLUMNS 16384
#define ATTAIN_SHEET_MAX_BYTES (G_GINT64_CONSTANT (2) << 30)

typedef void (*AttainSheetProgress) (guint64 done, guint64 total, gpointer user_data);

GQuark       attain_sheet_error_quark (void);
char        *attain_text_decode (const char *data,
                                 gsize       length,
                                 const char *encoding,
                                 char      **chosen,
                                 gsize      *out_length,
                                 GError    **error);
const char  *attain_text_detect_encoding (const char *data, gsize length);
char         attain_csv_detect_separator (const char *text, gsize length);
AttainSheet *attain_csv_parse (const char *text, gsize length, char separator, GError **error);
AttainSheet *attain_xlsx_read (const char *path, int sheet_index, GError **error);
AttainSheet *attain_sheet_load (const char *path,
                                const char *encoding,
                                int         sheet_index,
                                char      **sha256,
                                GError    **error);
gboolean     attain_sheet_is_xlsx (const char *data, gsize length);
const char  *attain_sheet_cell (const AttainSheet *sheet, guint row, guint column);
AttainSheet *attain_sheet_new (void);
void         attain_sheet_free (AttainSheet *sheet);
char        *attain_xlsx_serial_to_iso (double serial, gboolean date1904);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttainSheet, attain_sheet_free)

G_END_DECLS

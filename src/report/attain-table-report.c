/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-table-report.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "charts/attain-chart-style.h"

#define MARGIN 42.5      /* 15 mm: inside any printer's hard margins */
#define TITLE_SIZE 15.0
#define TEXT_SIZE 8.5
#define CELL_PAD 3.0
#define INDENT_STEP 10.0

typedef struct
{
  char   *title;
  double  share;
  double  xalign;
} Column;

typedef struct
{
  char  **cells;
  int     indent;
  gboolean bold;
  guint   marked;  /* bit per column drawn in the alert colour */
  double  height;
} Row;

struct _AttainTableReport
{
  char             *title;
  char             *subtitle;
  char             *printed;
  AttainChartStyle  style;
  GArray           *columns; /* Column */
  GPtrArray        *rows;    /* Row* */
  GArray           *page_starts; /* guint: first row of each page */
  double            header_height;
};

static void
row_free (Row *row)
{
  g_strfreev (row->cells);
  g_free (row);
}

static void
column_clear (Column *column)
{
  g_free (column->title);
}

AttainTableReport *
attain_table_report_new (const char *title,
                         const char *subtitle,
                         const char *language)
{
  AttainTableReport *report = g_new0 (AttainTableReport, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");

  report->title = g_strdup (title);
  report->subtitle = g_strdup (subtitle);
  /* Translators: page footer, %s is the date the page was printed */
  report->printed = g_strdup_printf (_("Printed %s"), date);
  attain_chart_style_init_light (&report->style);
  report->style.language = language;
  report->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (report->columns, (GDestroyNotify) column_clear);
  report->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  report->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  return report;
}

void
attain_table_report_free (AttainTableReport *report)
{
  if (report == NULL)
    return;
  g_free (report->title);
  g_free (report->subtitle);
  g_free (report->printed);
  g_array_unref (report->columns);
  g_ptr_array_unref (report->rows);
  g_array_unref (report->page_starts);
  g_free (report);
}

void
attain_table_report_add_column (AttainTableReport *report,
                                const char        *title,
                                double             share,
                                double             xalign)
{
  Column column = { g_strdup (title), share, xalign };

  g_array_append_val (report->columns, column);
}

void
attain_table_report_add_row (AttainTableReport  *report,
                             int                 indent,
                             gboolean            bold,
                             const char * const *cells)
{
  Row *row = g_new0 (Row, 1);

  row->cells = g_strdupv ((char **) cells);
  row->indent = indent;
  row->bold = bold;
  g_ptr_array_add (report->rows, row);
}

void
attain_table_report_mark_cell (AttainTableReport *report,
                               guint              column)
{
  g_return_if_fail (report->rows->len > 0);
  ((Row *) g_ptr_array_index (report->rows, report->rows->len - 1))->marked |= 1u << column;
}

static double
column_width (AttainTableReport *report,
              guint              index,
              double             width)
{
  double total = 0;

  for (guint i = 0; i < report->columns->len; i++)
    total += g_array_index (report->columns, Column, i).share;
  return (width - 2 * MARGIN) * g_array_index (report->columns, Column, index).share / total;
}

static PangoLayout *
cell_layout (AttainTableReport *report,
             cairo_t           *cr,
             const char        *text,
             gboolean           bold,
             double             width,
             double             xalign)
{
  PangoLayout *layout = attain_chart_layout (cr, &report->style, TEXT_SIZE, bold, text ? text : "");

  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, xalign > 0.75 ? PANGO_ALIGN_RIGHT : xalign > 0.25 ? PANGO_ALIGN_CENTER
                                                                                        : PANGO_ALIGN_LEFT);
  return layout;
}

static double
measure_row (AttainTableReport  *report,
             cairo_t            *cr,
             const char * const *cells,
             int                 indent,
             gboolean            bold,
             double              width)
{
  double height = 0;

  for (guint c = 0; c < report->columns->len && cells[c] != NULL; c++)
    {
      double w = column_width (report, c, width) - 2 * CELL_PAD - (c == 0 ? indent * INDENT_STEP : 0);
      g_autoptr(PangoLayout) layout = cell_layout (report, cr, cells[c], bold, w,
                                                   g_array_index (report->columns, Column, c).xalign);
      double lw, lh;
      attain_chart_layout_size (layout, &lw, &lh);
      height = MAX (height, lh);
    }
  return height + 2 * CELL_PAD;
}

static double
body_top (void)
{
  return MARGIN + TITLE_SIZE * 1.6 + TEXT_SIZE * 2.4;
}

guint
attain_table_report_paginate (AttainTableReport *report,
                              cairo_t           *cr,
                              double             width,
                              double             height)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  double bottom = height - MARGIN - TEXT_SIZE * 2.5;
  double y;

  for (guint c = 0; c < report->columns->len; c++)
    g_ptr_array_add (titles, g_array_index (report->columns, Column, c).title);
  g_ptr_array_add (titles, NULL);
  report->header_height = measure_row (report, cr, (const char * const *) titles->pdata, 0, TRUE, width);

  g_array_set_size (report->page_starts, 0);
  y = bottom; /* forces the first page */
  for (guint i = 0; i < report->rows->len; i++)
    {
      Row *row = g_ptr_array_index (report->rows, i);
      row->height = measure_row (report, cr, (const char * const *) row->cells, row->indent, row->bold, width);
      /* A row moves whole to the next page, under a repeated header. */
      if (y + row->height > bottom || report->page_starts->len == 0)
        {
          g_array_append_val (report->page_starts, i);
          y = body_top () + report->header_height;
        }
      y += row->height;
    }
  if (report->page_starts->len == 0)
    {
      guint zero = 0;
      g_array_append_val (report->page_starts, zero);
    }
  return report->page_starts->len;
}

static void
draw_row (AttainTableReport  *report,
          cairo_t            *cr,
          const char * const *cells,
          int                 indent,
          gboolean            bold,
          guint               marked,
          double              y,
          double              width)
{
  double x = MARGIN;

  for (guint c = 0; c < report->columns->len && cells[c] != NULL; c++)
    {
      Column *column = &g_array_index (report->columns, Column, c);
      double w = column_width (report, c, width);
      double shift = c == 0 ? indent * INDENT_STEP : 0;
      g_autoptr(PangoLayout) layout = cell_layout (report, cr, cells[c], bold, w - 2 * CELL_PAD - shift, column->xalign);

      if (marked & (1u << c))
        cairo_set_source_rgb (cr, 0.75, 0.11, 0.16);
      else
        attain_chart_set_color (cr, &report->style.foreground);
      cairo_move_to (cr, x + CELL_PAD + shift, y + CELL_PAD);
      pango_cairo_show_layout (cr, layout);
      x += w;
    }
}

void
attain_table_report_draw_page (AttainTableReport *report,
                               cairo_t           *cr,
                               guint              page,
                               double             width,
                               double             height)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  guint first, last;
  double y;

  g_return_if_fail (page < report->page_starts->len);

  first = g_array_index (report->page_starts, guint, page);
  last = page + 1 < report->page_starts->len ? g_array_index (report->page_starts, guint, page + 1)
                                             : report->rows->len;
  cairo_save (cr);

  {
    g_autoptr(PangoLayout) title = attain_chart_layout (cr, &report->style, TITLE_SIZE, TRUE, report->title);
    g_autoptr(PangoLayout) subtitle = attain_chart_layout (cr, &report->style, TEXT_SIZE + 1, FALSE,
                                                           report->subtitle ? report->subtitle : "");
    attain_chart_set_color (cr, &report->style.foreground);
    cairo_move_to (cr, MARGIN, MARGIN);
    pango_cairo_show_layout (cr, title);
    attain_chart_set_color (cr, &report->style.dim);
    cairo_move_to (cr, MARGIN, MARGIN + TITLE_SIZE * 1.5);
    pango_cairo_show_layout (cr, subtitle);
  }

  /* Header, shaded, on every page. */
  y = body_top ();
  for (guint c = 0; c < report->columns->len; c++)
    g_ptr_array_add (titles, g_array_index (report->columns, Column, c).title);
  g_ptr_array_add (titles, NULL);
  cairo_set_source_rgb (cr, 0.93, 0.93, 0.94);
  cairo_rectangle (cr, MARGIN, y, width - 2 * MARGIN, report->header_height);
  cairo_fill (cr);
  draw_row (report, cr, (const char * const *) titles->pdata, 0, TRUE, 0, y, width);
  y += report->header_height;

  for (guint i = first; i < last; i++)
    {
      Row *row = g_ptr_array_index (report->rows, i);
      draw_row (report, cr, (const char * const *) row->cells, row->indent, row->bold, row->marked, y, width);
      y += row->height;
      cairo_set_source_rgba (cr, 0, 0, 0, 0.12);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, MARGIN, y);
      cairo_line_to (cr, width - MARGIN, y);
      cairo_stroke (cr);
    }

  {
    /* Translators: page footer, "Page 2 of 5" */
    g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, report->page_starts->len);
    g_autoptr(PangoLayout) left = attain_chart_layout (cr, &report->style, TEXT_SIZE - 0.5, FALSE, report->printed);
    g_autoptr(PangoLayout) right = attain_chart_layout (cr, &report->style, TEXT_SIZE - 0.5, FALSE, number);
    double w, h;

    attain_chart_set_color (cr, &report->style.dim);
    cairo_move_to (cr, MARGIN, height - MARGIN - TEXT_SIZE);
    pango_cairo_show_layout (cr, left);
    attain_chart_layout_size (right, &w, &h);
    cairo_move_to (cr, width - MARGIN - w, height - MARGIN - TEXT_SIZE);
    pango_cairo_show_layout (cr, right);
  }
  cairo_restore (cr);
}

gboolean
attain_table_report_write_pdf (AttainTableReport  *report,
                               const char         *path,
                               gboolean            landscape,
                               GError            **error)
{
  double width = landscape ? 841.89 : 595.276, height = landscape ? 595.276 : 841.89;
  cairo_surface_t *surface = cairo_pdf_surface_create (path, width, height);
  cairo_status_t status;
  cairo_t *cr;
  guint pages;

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _("Could not write “%s”: %s"), path,
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return FALSE;
    }
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, report->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Attain");
  cr = cairo_create (surface);
  pages = attain_table_report_paginate (report, cr, width, height);
  for (guint page = 0; page < pages; page++)
    {
      attain_table_report_draw_page (report, cr, page, width, height);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _("Could not write “%s”: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

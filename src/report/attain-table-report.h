/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A titled table laid out on pages: the header row repeats on every page, the first column is
 * indented by each row's level, long cells wrap within their column, rows never split across pages, and each page says "Page x of y". The
 * same drawing serves a PDF file and a GtkPrintOperation; coordinates are points. */
typedef struct _AttainTableReport AttainTableReport;

AttainTableReport *attain_table_report_new        (const char        *title,
                                                   const char        *subtitle,
                                                   const char        *language);
void               attain_table_report_free       (AttainTableReport *report);
void               attain_table_report_add_column (AttainTableReport *report,
                                                   const char        *title,
                                                   double             share,
                                                   double             xalign);
void               attain_table_report_add_row    (AttainTableReport *report,
                                                   int                indent,
                                                   gboolean           bold,
                                                   const char * const *cells);
void               attain_table_report_mark_cell  (AttainTableReport *report,
                                                   guint              column);
guint              attain_table_report_paginate   (AttainTableReport *report,
                                                   cairo_t           *cr,
                                                   double             width,
                                                   double             height);
void               attain_table_report_draw_page  (AttainTableReport *report,
                                                   cairo_t           *cr,
                                                   guint              page,
                                                   double             width,
                                                   double             height);
gboolean           attain_table_report_write_pdf  (AttainTableReport *report,
                                                   const char        *path,
                                                   gboolean           landscape,
                                                   GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttainTableReport, attain_table_report_free)

G_END_DECLS

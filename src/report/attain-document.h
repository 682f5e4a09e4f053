/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A printed document that flows over pages: paragraphs split between lines, tables break
 * between rows and repeat their header, headings stay with what follows, charts and signature
 * lines stay whole. Every page carries the header (with "Confidential") and "Page x of y".
 * Coordinates are points; the same pages go to a PDF file or a GtkPrintOperation. */
typedef struct _AttainDocument AttainDocument;

typedef void (*AttainDocumentDrawFunc) (cairo_t    *cr,
                                        double      width,
                                        double      height,
                                        const char *language,
                                        gpointer    data);

AttainDocument *attain_document_new (const char *language, const char *header, const char *footer);
void            attain_document_free (AttainDocument *document);
void attain_document_add_title (AttainDocument *document, const char *title, const char *subtitle);
void attain_document_add_fields (AttainDocument *document, const char *const *labels_and_values);
void attain_document_add_heading (AttainDocument *document, const char *text);
void attain_document_add_paragraph (AttainDocument *document, const char *text);
void attain_document_add_table (AttainDocument    *document,
                                const char *const *titles,
                                const double      *shares,
                                const double      *xaligns);
void
attain_document_add_table_row (AttainDocument *document, const char *const *cells, gboolean bold);
void  attain_document_add_tree_row (AttainDocument    *document,
                                    const char *const *cells,
                                    gboolean           bold,
                                    int                indent,
                                    guint              marked);
void  attain_document_set_confidential (AttainDocument *document, gboolean confidential);
void  attain_document_add_chart (AttainDocument        *document,
                                 double                 height,
                                 AttainDocumentDrawFunc draw,
                                 gpointer               data,
                                 GDestroyNotify         destroy);
void  attain_document_add_signatures (AttainDocument    *document,
                                      const char *const *roles,
                                      const char *const *names);
void  attain_document_add_writing_space (AttainDocument *document, guint n_lines);
guint attain_document_paginate (AttainDocument *document, cairo_t *cr, double width, double height);
void  attain_document_draw_page (AttainDocument *document,
                                 cairo_t        *cr,
                                 guint           page,
                                 double          width,
                                 double          height);
gboolean attain_documents_write_pdf (GPtrArray  *documents,
                                     const char *path,
                                     const char *title,
                                     GError    **error);
gboolean attain_documents_write_pdf_at (GPtrArray  *documents,
                                        int         dirfd,
                                        const char *name,
                                        const char *title,
                                        GError    **error);
gboolean attain_documents_write_pdf_full (GPtrArray  *documents,
                                          const char *path,
                                          const char *title,
                                          gboolean    landscape,
                                          GError    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttainDocument, attain_document_free)

G_END_DECLS

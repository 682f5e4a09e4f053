/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Prints documents (AttainDocument*: a review, a whole team's reviews, the goal tree) as one
 * print job through the desktop's print dialog (or straight to the default printer with
 * ACTION_PRINT), or, with export_path, into a PDF through the same operation. */
gboolean attain_document_print_run (GPtrArray              *documents,
                                    const char             *job_name,
                                    GtkWindow              *parent,
                                    GtkPrintOperationAction action,
                                    const char             *export_path,
                                    gboolean                landscape,
                                    GError                **error);

G_END_DECLS

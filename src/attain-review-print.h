/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Prints review documents (AttainDocument*, one or a whole team) as one print job through the
 * desktop's print dialog (or straight to the default printer with ACTION_PRINT), or, with
 * export_path, into a PDF through the same operation. One job
 * for a team: inside a sandbox the portal shows one dialog per operation. */
gboolean attain_review_print_run (GPtrArray               *documents,
                                  const char              *job_name,
                                  GtkWindow               *parent,
                                  GtkPrintOperationAction  action,
                                  const char              *export_path,
                                  GError                 **error);

G_END_DECLS

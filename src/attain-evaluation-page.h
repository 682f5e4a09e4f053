/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "attain-context.h"

G_BEGIN_DECLS

#define ATTAIN_TYPE_EVALUATION_PAGE (attain_evaluation_page_get_type ())
G_DECLARE_FINAL_TYPE (AttainEvaluationPage,
                      attain_evaluation_page,
                      ATTAIN,
                      EVALUATION_PAGE,
                      GtkWidget)

/* The review cycles: each member's composite and rating, the distribution against the
 * guideline, and calibration with a reason. */
GtkWidget  *attain_evaluation_page_new (AttainContext *context);
gboolean    attain_evaluation_page_is_loading (AttainEvaluationPage *self);
GListModel *attain_evaluation_page_get_cycles (AttainEvaluationPage *self);
GtkListBox *attain_evaluation_page_get_members (AttainEvaluationPage *self);
const char *attain_evaluation_page_get_heading (AttainEvaluationPage *self);
GtkWidget  *attain_evaluation_page_get_dialog (AttainEvaluationPage *self);

/* Writes the chosen cycle's scores for HR, on a worker; a toast says where or what failed. */
void attain_evaluation_page_export (AttainEvaluationPage *self, const char *path, gboolean xlsx);
gboolean attain_evaluation_page_is_exporting (AttainEvaluationPage *self);

/* Self-assessment forms of the cycle shown, one a person into @directory, on a worker. */
void attain_evaluation_page_export_forms (AttainEvaluationPage *self, const char *directory);
guint
attain_evaluation_page_import_forms (AttainEvaluationPage *self, GSList *paths, GError **error);

G_END_DECLS

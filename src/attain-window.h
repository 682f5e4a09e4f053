/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "attain-context.h"
#include "attain-dashboard-page.h"
#include "attain-goals-page.h"
#include "attain-evaluation-page.h"
#include "attain-pay-page.h"
#include "attain-people-page.h"
#include "attain-review-page.h"
#include "model/attain-import.h"
#include "model/attain-table-export.h"

G_BEGIN_DECLS

#define ATTAIN_TYPE_WINDOW (attain_window_get_type ())
G_DECLARE_FINAL_TYPE (AttainWindow, attain_window, ATTAIN, WINDOW, AdwApplicationWindow)

AttainContext *attain_window_get_context (AttainWindow *self);
const char    *attain_window_get_damage (AttainWindow *self);
void           attain_window_add_lasting_toast (AttainWindow *self, const char *text);
/* context is NULL when the database could not be opened; open_error then says why. */
AttainWindow *
attain_window_new (AdwApplication *application, AttainContext *context, const char *open_error);
void                  attain_window_add_toast (AttainWindow *self, const char *text);
AttainDashboardPage  *attain_window_get_dashboard_page (AttainWindow *self);
const char           *attain_window_get_visible_page (AttainWindow *self);
gboolean              attain_window_is_folded (AttainWindow *self);
AttainGoalsPage      *attain_window_get_goals_page (AttainWindow *self);
AttainReviewPage     *attain_window_get_review_page (AttainWindow *self);
AttainEvaluationPage *attain_window_get_evaluation_page (AttainWindow *self);
AttainPayPage        *attain_window_get_pay_page (AttainWindow *self);
AttainPeoplePage     *attain_window_get_people_page (AttainWindow *self);
void
attain_window_export_table (AttainWindow *self, AttainTable *table, const char *suggested_name);
GtkWidget *attain_window_setup_by_hand (AttainWindow *self);
GtkWidget *attain_window_open_import (AttainWindow *self, AttainImportKind kind, const char *path);

G_END_DECLS

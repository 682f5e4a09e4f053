/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "attain-context.h"
#include "model/attain-goal-tree.h"

G_BEGIN_DECLS

#define ATTAIN_TYPE_GOALS_PAGE (attain_goals_page_get_type ())
G_DECLARE_FINAL_TYPE (AttainGoalsPage, attain_goals_page, ATTAIN, GOALS_PAGE, GtkWidget)

GtkWidget            *attain_goals_page_new (AttainContext *context);
void                  attain_goals_page_reload (AttainGoalsPage *self);
gboolean              attain_goals_page_is_loading (AttainGoalsPage *self);
const AttainGoalTree *attain_goals_page_get_tree (AttainGoalsPage *self);
GListModel           *attain_goals_page_get_rows (AttainGoalsPage *self);
GtkWindow            *attain_goals_page_get_dialog (AttainGoalsPage *self);

G_END_DECLS

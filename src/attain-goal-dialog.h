/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "attain-context.h"
#include "model/attain-goal-tree.h"

G_BEGIN_DECLS

#define ATTAIN_TYPE_GOAL_DIALOG (attain_goal_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AttainGoalDialog, attain_goal_dialog, ATTAIN, GOAL_DIALOG, AdwWindow)

/* The full SMART form of one owner's goal for the tree's metric and period, with the weights
 * of all that owner's goals in the period. Saving is one undoable edit; emits "saved". */
GtkWidget *attain_goal_dialog_new (GtkWindow            *parent,
                                   AttainContext        *context,
                                   AttainGoalHistory    *history,
                                   const AttainGoalTree *tree,
                                   guint                 index);
void attain_goal_dialog_set_field (AttainGoalDialog *self, const char *field, const char *text);
const char *attain_goal_dialog_get_error (AttainGoalDialog *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "attain-goal-tree.h"

G_BEGIN_DECLS

/* The tree as a table for finance: one row per node, indented by level, in the UI language. */
gboolean attain_goal_tree_export_csv (const AttainGoalTree *tree, const char *path, GError **error);
gboolean
       attain_goal_tree_export_xlsx (const AttainGoalTree *tree, const char *path, GError **error);
char **attain_goal_tree_column_titles (const AttainGoalTree *tree);

G_END_DECLS

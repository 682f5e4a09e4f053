/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "attain-goal-tree.h"

G_BEGIN_DECLS

#define ATTAIN_TYPE_GOAL_ITEM (attain_goal_item_get_type ())
G_DECLARE_FINAL_TYPE (AttainGoalItem, attain_goal_item, ATTAIN, GOAL_ITEM, GObject)

/* One row of the goal tree as properties a GtkColumnView can bind, with its children as a
 * GListModel for GtkTreeListModel. Items are updated in place when the figures change, so an
 * edit does not collapse the rows the director opened. */
GListModel *attain_goal_items_build (const AttainGoalTree *tree);
gboolean    attain_goal_items_update (GListModel *roots, const AttainGoalTree *tree);
GListModel *attain_goal_item_get_children (AttainGoalItem *self);
guint       attain_goal_item_get_index (AttainGoalItem *self);
const char *attain_goal_item_get_scope (AttainGoalItem *self);
const char *attain_goal_item_get_name (AttainGoalItem *self);
const char *attain_goal_item_get_target_text (AttainGoalItem *self);
gboolean    attain_goal_item_get_target_derived (AttainGoalItem *self);
const char *attain_goal_item_get_variance_text (AttainGoalItem *self);
const char *attain_goal_item_get_gap_text (AttainGoalItem *self);

G_END_DECLS

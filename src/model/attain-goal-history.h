/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "attain-goal.h"

G_BEGIN_DECLS

/* One user action on goals (edit a target, split, roll up, copy last year...): a list of
 * before/after pairs. A NULL before creates, a NULL after deletes. It is written in one
 * transaction with an audit row per changed field, and can be undone and redone. */
typedef struct _AttainGoalEdit    AttainGoalEdit;
typedef struct _AttainGoalHistory AttainGoalHistory;

AttainGoalEdit *attain_goal_edit_new (const char *label);
void attain_goal_edit_add (AttainGoalEdit *edit, const AttainGoal *before, const AttainGoal *after);
gboolean    attain_goal_edit_add_delete_subtree (AttainGoalEdit   *edit,
                                                 AttainDb         *db,
                                                 const AttainGoal *goal,
                                                 GError          **error);
guint       attain_goal_edit_get_size (AttainGoalEdit *edit);
const char *attain_goal_edit_get_label (AttainGoalEdit *edit);
void        attain_goal_edit_free (AttainGoalEdit *edit);
GPtrArray  *attain_goal_edit_reopened (const AttainGoalEdit *edit);

AttainGoalHistory *attain_goal_history_new (AttainDb *db);
void               attain_goal_history_free (AttainGoalHistory *history);
gint64             attain_goal_history_reserve_id (AttainGoalHistory *history, GError **error);
gboolean
attain_goal_history_apply (AttainGoalHistory *history, AttainGoalEdit *edit, GError **error);
/* Other writes that belong with a goal edit, run in its transaction after the goals; FALSE (with
 * @error set) rolls the whole edit back. Undo and redo replay only the goals. */
typedef gboolean (*AttainGoalAlsoFunc) (AttainDb *db, gpointer data, GError **error);
gboolean    attain_goal_history_apply_with (AttainGoalHistory *history,
                                            AttainGoalEdit    *edit,
                                            AttainGoalAlsoFunc also,
                                            gpointer           also_data,
                                            GError           **error);
gboolean    attain_goal_history_undo (AttainGoalHistory *history, GError **error);
gboolean    attain_goal_history_redo (AttainGoalHistory *history, GError **error);
const char *attain_goal_history_get_undo_label (AttainGoalHistory *history);
const char *attain_goal_history_get_redo_label (AttainGoalHistory *history);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttainGoalEdit, attain_goal_edit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttainGoalHistory, attain_goal_history_free)

G_END_DECLS

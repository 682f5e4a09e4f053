/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-goal-history.h"

#include "attain-gettext.h"
#include <string.h>

typedef struct
{
  AttainGoal *before;
  AttainGoal *after;
} Change;

struct _AttainGoalEdit
{
  char   *label;
  GArray *changes; /* Change */
};

struct _AttainGoalHistory
{
  AttainDb  *db;
  GPtrArray *undo; /* AttainGoalEdit*, newest last */
  GPtrArray *redo;
  gint64     next_id;
};

static void
change_clear (Change *change)
{
  g_clear_pointer (&change->before, attain_goal_free);
  g_clear_pointer (&change->after, attain_goal_free);
}

AttainGoalEdit *
attain_goal_edit_new (const char *label)
{
  AttainGoalEdit *edit = g_new0 (AttainGoalEdit, 1);

  edit->label = g_strdup (label);
  edit->changes = g_array_new (FALSE, TRUE, sizeof (Change));
  g_array_set_clear_func (edit->changes, (GDestroyNotify) change_clear);
  return edit;
}

void
attain_goal_edit_add (AttainGoalEdit *edit, const AttainGoal *before, const AttainGoal *after)
{
  Change change = { NULL, NULL };

  g_return_if_fail (edit != NULL);
  g_return_if_fail (before != NULL || after != NULL);

  if (before != NULL && after != NULL && attain_goal_equal (before, after))
    return;
  change.before = before ? attain_goal_copy (before) : NULL;
  change.after = after ? attain_goal_copy (after) : NULL;
  g_array_append_val (edit->changes, change);
}

gboolean
attain_goal_edit_add_delete_subtree (AttainGoalEdit   *edit,
                                     AttainDb         *db,
                                     const AttainGoal *goal,
                                     GError          **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, goal->id);
  /* Deepest first, so no goal is deleted before its sub-goals and undo can restore parents
   * before children (it replays in reverse). */
  g_autoptr (GPtrArray) subtree = attain_goals_query (
      db,
      "id IN (WITH RECURSIVE sub (id, depth) AS (SELECT CAST (?1 AS INTEGER), 0 UNION ALL "
      "SELECT g.id, sub.depth + 1 FROM goals g JOIN sub ON g.parent_id = sub.id) "
      "SELECT id FROM sub) AND ?2 IS NULL AND ?3 IS NULL",
      id, NULL, NULL, error);

  if (subtree == NULL)
    return FALSE;
  for (guint i = subtree->len; i > 0; i--)
    attain_goal_edit_add (edit, g_ptr_array_index (subtree, i - 1), NULL);
  return TRUE;
}

guint
attain_goal_edit_get_size (AttainGoalEdit *edit)
{
  return edit->changes->len;
}

const char *
attain_goal_edit_get_label (AttainGoalEdit *edit)
{
  return edit->label;
}

void
attain_goal_edit_free (AttainGoalEdit *edit)
{
  if (edit == NULL)
    return;
  g_array_unref (edit->changes);
  g_free (edit->label);
  g_free (edit);
}

AttainGoalHistory *
attain_goal_history_new (AttainDb *db)
{
  AttainGoalHistory *history = g_new0 (AttainGoalHistory, 1);

  history->db = db;
  history->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_goal_edit_free);
  history->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_goal_edit_free);
  return history;
}

void
attain_goal_history_free (AttainGoalHistory *history)
{
  if (history == NULL)
    return;
  g_ptr_array_unref (history->undo);
  g_ptr_array_unref (history->redo);
  g_free (history);
}

gint64
attain_goal_history_reserve_id (AttainGoalHistory *history, GError **error)
{
  sqlite3_stmt *stmt
      = attain_db_prepare (history->db, "SELECT coalesce (max (id), 0) + 1 FROM goals", error);
  gint64 id;

  if (stmt == NULL)
    return 0;
  sqlite3_step (stmt);
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  /* Ids handed out but not yet written (a split creating parents and children) stay taken. */
  history->next_id = MAX (history->next_id, id);
  return history->next_id++;
}

static void
bind_text_or_null (sqlite3_stmt *stmt, int index, const char *text)
{
  if (text != NULL && text[0] != '\0')
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_id_or_null (sqlite3_stmt *stmt, int index, gint64 id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
write_row (AttainDb *db, const AttainGoal *goal, gboolean insert, GError **error)
{
  sqlite3_stmt *stmt = attain_db_prepare (
      db,
      insert ? "INSERT INTO goals (id, parent_id, owner_unit_id, owner_person_id, metric, type, "
               "target, "
               "unit, period_kind, period_start, period_end, deadline, weight, lower_is_better, "
               "description, proposed_by, agreed_on, rating) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
               "?17, ?18)"
             : "UPDATE goals SET parent_id = ?2, owner_unit_id = ?3, owner_person_id = ?4, metric "
               "= ?5, "
               "type = ?6, target = ?7, unit = ?8, period_kind = ?9, period_start = ?10, "
               "period_end = ?11, deadline = ?12, weight = ?13, lower_is_better = ?14, "
               "description = ?15, proposed_by = ?16, agreed_on = ?17, rating = ?18 WHERE id = ?1",
      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, goal->id);
  bind_id_or_null (stmt, 2, goal->parent_id);
  bind_id_or_null (stmt, 3, goal->owner.kind == ATTAIN_SCOPE_UNIT ? goal->owner.id : 0);
  bind_id_or_null (stmt, 4, goal->owner.kind == ATTAIN_SCOPE_PERSON ? goal->owner.id : 0);
  sqlite3_bind_text (stmt, 5, goal->metric, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, goal->type, -1, SQLITE_TRANSIENT);
  if (goal->has_target)
    sqlite3_bind_int64 (stmt, 7, goal->target);
  else
    sqlite3_bind_null (stmt, 7);
  bind_text_or_null (stmt, 8, goal->unit);
  sqlite3_bind_text (stmt, 9, goal->period_kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, goal->period_start, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, goal->period_end, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 12, goal->deadline);
  sqlite3_bind_int (stmt, 13, goal->weight);
  sqlite3_bind_int (stmt, 14, goal->lower_is_better);
  bind_text_or_null (stmt, 15, goal->description);
  bind_text_or_null (stmt, 16, goal->proposed_by);
  bind_text_or_null (stmt, 17, goal->agreed_on);
  if (goal->rating > 0)
    sqlite3_bind_int (stmt, 18, goal->rating);
  else
    sqlite3_bind_null (stmt, 18);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return attain_db_set_error (db, error, _ ("Saving a goal"));
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
delete_row (AttainDb *db, const AttainGoal *goal, GError **error)
{
  sqlite3_stmt *stmt = attain_db_prepare (db, "DELETE FROM goals WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, goal->id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return attain_db_set_error (db, error, _ ("Deleting a goal"));
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Keep month_goals (the dashboard's targets) in step: a person's monthly goal counts for them
 * and for every unit above them. Only the goal's own rows move, never a rebuild. */
static gboolean
rollup_goal (AttainDb *db, const AttainGoal *goal, int sign, GError **error)
{
  static const char *sql[2] = {
    "INSERT INTO month_goals (scope_kind, scope_id, metric, month, target, n_goals) "
    "SELECT 1, ?5, ?1, ?2, ?3, ?4 WHERE true "
    "ON CONFLICT DO UPDATE SET target = target + excluded.target, n_goals = n_goals + "
    "excluded.n_goals",
    "INSERT INTO month_goals (scope_kind, scope_id, metric, month, target, n_goals) "
    "SELECT 0, c.ancestor_id, ?1, ?2, ?3, ?4 FROM person_units pu "
    "JOIN org_closure c ON c.descendant_id = pu.unit_id "
    "WHERE pu.person_id = ?5 AND ?2 BETWEEN pu.from_month AND pu.to_month "
    "ON CONFLICT DO UPDATE SET target = target + excluded.target, n_goals = n_goals + "
    "excluded.n_goals",
  };
  GDate start;

  if (goal == NULL || !goal->has_target || goal->owner.kind != ATTAIN_SCOPE_PERSON
      || g_strcmp0 (goal->period_kind, "month") != 0
      || !attain_date_parse_iso (goal->period_start, &start))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt = attain_db_prepare (db, sql[i], error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, goal->metric, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, attain_month_from_date (&start));
      sqlite3_bind_int64 (stmt, 3, sign * goal->target);
      sqlite3_bind_int (stmt, 4, sign);
      sqlite3_bind_int64 (stmt, 5, goal->owner.id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          sqlite3_reset (stmt);
          return attain_db_set_error (db, error, _ ("Updating the summary tables"));
        }
      sqlite3_reset (stmt);
    }
  return attain_db_exec (db, "DELETE FROM month_goals WHERE n_goals <= 0", error);
}

static char *
describe (const AttainGoal *goal)
{
  g_autofree char *target
      = goal->has_target ? g_strdup_printf ("%" G_GINT64_FORMAT, goal->target) : g_strdup ("");

  return g_strdup_printf ("%s %s %s..%s target=%s weight=%d", goal->metric, goal->period_kind,
                          goal->period_start, goal->period_end, target, goal->weight);
}

static gboolean
audit (AttainDb   *db,
       gint64      goal_id,
       const char *field,
       const char *old_value,
       const char *new_value,
       const char *reason,
       GError    **error)
{
  sqlite3_stmt *stmt
      = attain_db_prepare (db,
                           "INSERT INTO audit_log (actor, entity, entity_id, field, "
                           "old_value, new_value, reason) VALUES (?1, 'goal', ?2, ?3, ?4, ?5, ?6)",
                           error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, g_get_user_name (), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, goal_id);
  bind_text_or_null (stmt, 3, field);
  bind_text_or_null (stmt, 4, old_value);
  bind_text_or_null (stmt, 5, new_value);
  bind_text_or_null (stmt, 6, reason);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return attain_db_set_error (db, error, _ ("Writing the audit log"));
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
audit_change (AttainDb         *db,
              const AttainGoal *from,
              const AttainGoal *to,
              const char       *reason,
              GError          **error)
{
  if (from == NULL || to == NULL)
    {
      g_autofree char *summary = describe (from ? from : to);
      return audit (db, (from ? from : to)->id, NULL, from ? summary : NULL, to ? summary : NULL,
                    reason, error);
    }

#define AUDIT_TEXT(field)                                                                          \
  if (g_strcmp0 (from->field, to->field) != 0                                                      \
      && !audit (db, to->id, #field, from->field, to->field, reason, error))                       \
  return FALSE
#define AUDIT_INT(field, present_from, present_to)                                                 \
  if ((present_from) != (present_to) || ((present_from) && from->field != to->field))              \
    {                                                                                              \
      g_autofree char *a                                                                           \
          = (present_from) ? g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) from->field) : NULL;   \
      g_autofree char *b                                                                           \
          = (present_to) ? g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) to->field) : NULL;       \
      if (!audit (db, to->id, #field, a, b, reason, error))                                        \
        return FALSE;                                                                              \
    }

  AUDIT_INT (target, from->has_target, to->has_target);
  AUDIT_INT (weight, TRUE, TRUE);
  AUDIT_INT (parent_id, from->parent_id != 0, to->parent_id != 0);
  AUDIT_INT (rating, from->rating != 0, to->rating != 0);
  AUDIT_TEXT (metric);
  AUDIT_TEXT (type);
  AUDIT_TEXT (unit);
  AUDIT_TEXT (period_start);
  AUDIT_TEXT (period_end);
  AUDIT_TEXT (deadline);
  AUDIT_TEXT (description);
  AUDIT_TEXT (proposed_by);
  AUDIT_TEXT (agreed_on);
#undef AUDIT_TEXT
#undef AUDIT_INT
  return TRUE;
}

/* Writes the edit forwards (before → after) or backwards, as one transaction. */
/* A goal agreed for the next period in a review that has been signed off is part of that
 * record: read inside the edit's transaction, so a sign-off in another window counts too. The
 * schema refuses the write as well (migration 6); this says it as a sentence. */
static gboolean
check_not_locked (AttainDb *db, const AttainGoal *goal, GError **error)
{
  sqlite3_stmt *stmt;

  if (goal == NULL || goal->id == 0)
    return TRUE;
  stmt = attain_db_prepare (
      db,
      "SELECT p.name, r.signed_off_at FROM goals g JOIN reviews r ON r.id = g.review_id "
      "JOIN people p ON p.id = r.person_id WHERE g.id = ?1 AND r.signed_off_at IS NOT NULL",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, goal->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_LOCKED,
                   _ ("This goal was agreed in the review of %s, signed off on %s, and can no "
                      "longer be changed. "
                      "Agree a new goal in the next review instead."),
                   (const char *) sqlite3_column_text (stmt, 0),
                   (const char *) sqlite3_column_text (stmt, 1));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Every goal of the edit that a signed-off review holds, named in one sentence: the whole edit
 * is refused before anything is written, rather than stopping at the first. */
static gboolean
check_none_locked (AttainDb *db, AttainGoalEdit *edit, gboolean forwards, GError **error)
{
  g_autoptr (GString) names = g_string_new (NULL);
  guint n_locked = 0;

  for (guint k = 0; k < edit->changes->len; k++)
    {
      Change           *change = &g_array_index (edit->changes, Change, k);
      const AttainGoal *from = forwards ? change->before : change->after;
      g_autoptr (GError) locked = NULL;
      sqlite3_stmt *stmt;

      if (check_not_locked (db, from, &locked))
        continue;
      if (!g_error_matches (locked, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_LOCKED))
        {
          g_propagate_error (error, g_steal_pointer (&locked));
          return FALSE;
        }
      stmt = attain_db_prepare (
          db,
          "SELECT p.name, r.signed_off_at FROM goals g JOIN reviews r ON r.id = g.review_id "
          "JOIN people p ON p.id = r.person_id WHERE g.id = ?1",
          error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, from->id);
      if (sqlite3_step (stmt) == SQLITE_ROW && n_locked < 10)
        {
          const AttainGoalMetric *info = attain_goal_metric_lookup (from->metric);
          if (names->len > 0)
            /* Translators: separates the goals named in a list */
            g_string_append (names, _ ("; "));
          /* Translators: one locked goal: person, metric and the date its review was signed off */
          g_string_append_printf (
              names, _ ("%s’s %s (signed off %s)"), (const char *) sqlite3_column_text (stmt, 0),
              info ? _ (info->label) : from->metric, (const char *) sqlite3_column_text (stmt, 1));
        }
      sqlite3_reset (stmt);
      n_locked++;
    }
  if (n_locked == 0)
    return TRUE;
  if (n_locked > 10)
    g_string_append (names, _ ("; …"));
  g_set_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_LOCKED,
               g_dngettext (GETTEXT_PACKAGE,
                            "Nothing was changed: %u goal was agreed in a signed-off review and is "
                            "locked: %s. Change the goals around it, or agree a new goal in the "
                            "next review.",
                            "Nothing was changed: %u goals were agreed in signed-off reviews and "
                            "are locked: %s. Change the goals around them, or agree new goals in "
                            "the next review.",
                            n_locked),
               n_locked, names->str);
  return FALSE;
}

/* The goals this edit changes that their owners had agreed to (their agreed_on is cleared by
 * the tree's operations: back to proposed), as they were: the window asks before writing. The
 * array holds pointers into @edit. */
GPtrArray *
attain_goal_edit_reopened (const AttainGoalEdit *edit)
{
  GPtrArray *reopened = g_ptr_array_new ();

  for (guint k = 0; k < edit->changes->len; k++)
    {
      const Change *change = &g_array_index (edit->changes, Change, k);
      if (change->before != NULL && change->before->agreed_on != NULL && change->after != NULL
          && change->after->agreed_on == NULL)
        g_ptr_array_add (reopened, change->before);
    }
  return reopened;
}

/* Compare-and-set: the row on disk, read inside the edit's transaction, must still be what the
 * edit was made from (or, for a new goal, its id must be free). Another window, the CLI or an
 * import may have changed it since it was shown; writing the in-memory row and subtracting a
 * stale "before" from the sums would lose their change and leave the sums wrong. */
static gboolean
check_unchanged (AttainDb *db, const AttainGoal *from, const AttainGoal *to, GError **error)
{
  gint64           id = from != NULL ? from->id : to != NULL ? to->id : 0;
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autoptr (GPtrArray) stored = NULL;
  gboolean same;

  if (id == 0)
    return TRUE;
  stored = attain_goals_query (db, "id = CAST (?1 AS INTEGER)", id_text, NULL, NULL, error);
  if (stored == NULL)
    return FALSE;
  same = from == NULL ? stored->len == 0
                      : stored->len == 1 && attain_goal_equal (g_ptr_array_index (stored, 0), from);
  if (!same)
    g_set_error (
        error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_CHANGED,
        _ ("These goals were changed elsewhere (in another window, from the command line or by an "
           "import) since they were shown. Nothing was saved; the goals are shown again as they "
           "are "
           "now, so make the change again."));
  return same;
}

static gboolean
write_edit (AttainGoalHistory *history,
            AttainGoalEdit    *edit,
            gboolean           forwards,
            const char        *reason,
            AttainGoalAlsoFunc also,
            gpointer           also_data,
            GError           **error)
{
  AttainDb *db = history->db;
  guint     n = edit->changes->len;

  if (!attain_db_begin (db, error))
    return FALSE;
  if (!check_none_locked (db, edit, forwards, error))
    {
      attain_db_rollback (db);
      return FALSE;
    }
  for (guint k = 0; k < n; k++)
    {
      Change           *change = &g_array_index (edit->changes, Change, forwards ? k : n - 1 - k);
      const AttainGoal *from = forwards ? change->before : change->after;
      const AttainGoal *to = forwards ? change->after : change->before;
      gboolean          ok;

      ok = check_unchanged (db, from, to, error) && rollup_goal (db, from, -1, error);
      if (ok && to == NULL)
        ok = delete_row (db, from, error);
      else if (ok)
        ok = write_row (db, to, from == NULL, error);
      ok = ok && rollup_goal (db, to, +1, error) && audit_change (db, from, to, reason, error);
      if (!ok)
        {
          attain_db_rollback (db);
          return FALSE;
        }
    }
  if ((also != NULL && !also (db, also_data, error)) || !attain_db_commit (db, error))
    {
      attain_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_weights (AttainGoalHistory *history, AttainGoalEdit *edit, GError **error)
{
  /* Every owner and period whose weights the edit touches must still total 100%. */
  for (guint k = 0; k < edit->changes->len; k++)
    {
      Change           *change = &g_array_index (edit->changes, Change, k);
      const AttainGoal *probe = change->after ? change->after : change->before;
      g_autoptr (GPtrArray) goals = NULL;
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, probe->owner.id);

      if ((change->before ? change->before->weight : 0)
          == (change->after ? change->after->weight : 0))
        continue;
      goals = attain_goals_query (
          history->db,
          probe->owner.kind == ATTAIN_SCOPE_UNIT
              ? "owner_unit_id = CAST (?1 AS INTEGER) AND period_start = ?2 AND period_end = ?3"
              : "owner_person_id = CAST (?1 AS INTEGER) AND period_start = ?2 AND period_end = ?3",
          id, probe->period_start, probe->period_end, error);
      if (goals == NULL)
        return FALSE;
      /* Replace what is stored with what the edit will leave. */
      for (guint j = 0; j < edit->changes->len; j++)
        {
          Change           *other = &g_array_index (edit->changes, Change, j);
          const AttainGoal *o = other->after ? other->after : other->before;
          if (!attain_scope_equal (&o->owner, &probe->owner)
              || g_strcmp0 (o->period_start, probe->period_start) != 0
              || g_strcmp0 (o->period_end, probe->period_end) != 0)
            continue;
          for (guint i = goals->len; i > 0; i--)
            if (((AttainGoal *) g_ptr_array_index (goals, i - 1))->id == o->id && o->id != 0)
              g_ptr_array_remove_index (goals, i - 1);
          if (other->after != NULL)
            g_ptr_array_add (goals, attain_goal_copy (other->after));
        }
      if (!attain_goal_check_weights (goals, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
attain_goal_history_apply (AttainGoalHistory *history, AttainGoalEdit *edit, GError **error)
{
  return attain_goal_history_apply_with (history, edit, NULL, NULL, error);
}

gboolean
attain_goal_history_apply_with (AttainGoalHistory *history,
                                AttainGoalEdit    *edit,
                                AttainGoalAlsoFunc also,
                                gpointer           also_data,
                                GError           **error)
{
  g_autoptr (AttainGoalEdit) owned = edit;

  g_return_val_if_fail (history != NULL && edit != NULL, FALSE);

  if (edit->changes->len == 0)
    {
      g_set_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_NOTHING_TO_DO,
                   _ ("Nothing changed."));
      return FALSE;
    }
  /* Check everything before writing anything. */
  for (guint k = 0; k < edit->changes->len; k++)
    {
      Change *change = &g_array_index (edit->changes, Change, k);
      if (change->after != NULL && !attain_goal_validate (change->after, error))
        return FALSE;
    }
  if (!check_weights (history, edit, error))
    return FALSE;
  for (guint k = 0; k < edit->changes->len; k++)
    {
      Change *change = &g_array_index (edit->changes, Change, k);
      if (change->after != NULL && change->after->id == 0)
        {
          change->after->id = attain_goal_history_reserve_id (history, error);
          if (change->after->id == 0)
            return FALSE;
        }
    }

  if (!write_edit (history, edit, TRUE, edit->label, also, also_data, error))
    return FALSE;
  g_ptr_array_add (history->undo, g_steal_pointer (&owned));
  g_ptr_array_set_size (history->redo, 0);
  return TRUE;
}

gboolean
attain_goal_history_undo (AttainGoalHistory *history, GError **error)
{
  AttainGoalEdit  *edit;
  g_autofree char *reason = NULL;

  g_return_val_if_fail (history != NULL, FALSE);
  if (history->undo->len == 0)
    {
      g_set_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_NOTHING_TO_DO,
                   _ ("There is nothing to undo."));
      return FALSE;
    }
  edit = g_ptr_array_index (history->undo, history->undo->len - 1);
  /* Translators: audit log reason, %s is what was undone */
  reason = g_strdup_printf (_ ("Undo: %s"), edit->label);
  if (!write_edit (history, edit, FALSE, reason, NULL, NULL, error))
    return FALSE;
  g_ptr_array_add (history->redo, g_ptr_array_steal_index (history->undo, history->undo->len - 1));
  return TRUE;
}

gboolean
attain_goal_history_redo (AttainGoalHistory *history, GError **error)
{
  AttainGoalEdit  *edit;
  g_autofree char *reason = NULL;

  g_return_val_if_fail (history != NULL, FALSE);
  if (history->redo->len == 0)
    {
      g_set_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_NOTHING_TO_DO,
                   _ ("There is nothing to redo."));
      return FALSE;
    }
  edit = g_ptr_array_index (history->redo, history->redo->len - 1);
  /* Translators: audit log reason, %s is what was redone */
  reason = g_strdup_printf (_ ("Redo: %s"), edit->label);
  if (!write_edit (history, edit, TRUE, reason, NULL, NULL, error))
    return FALSE;
  g_ptr_array_add (history->undo, g_ptr_array_steal_index (history->redo, history->redo->len - 1));
  return TRUE;
}

const char *
attain_goal_history_get_undo_label (AttainGoalHistory *history)
{
  return history->undo->len > 0
             ? ((AttainGoalEdit *) g_ptr_array_index (history->undo, history->undo->len - 1))->label
             : NULL;
}

const char *
attain_goal_history_get_redo_label (AttainGoalHistory *history)
{
  return history->redo->len > 0
             ? ((AttainGoalEdit *) g_ptr_array_index (history->redo, history->redo->len - 1))->label
             : NULL;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-rating-grid.h"

#include "attain-gettext.h"

GPtrArray *
attain_capability_metrics (void)
{
  guint                   n;
  const AttainGoalMetric *metrics = attain_goal_metrics (&n);
  GPtrArray              *out = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (metrics[i].type, "capability") == 0)
      g_ptr_array_add (out, (gpointer) &metrics[i]);
  return out;
}

GHashTable *
attain_capability_ratings (AttainDb *db, const AttainPeriod *period, GError **error)
{
  g_autoptr (GHashTable) out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GDate            first, last;
  g_autofree char *from = NULL, *to = NULL;
  sqlite3_stmt    *stmt = attain_db_prepare (
         db,
         "SELECT owner_person_id, metric, rating FROM goals WHERE type = 'capability' AND "
            "owner_person_id IS NOT NULL AND rating IS NOT NULL AND period_start = ?1 AND "
            "period_end = ?2",
         error);
  int rc;

  if (stmt == NULL)
    return NULL;
  attain_period_bounds (period, &first, &last);
  from = attain_date_to_iso (&first);
  to = attain_date_to_iso (&last);
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (out,
                         g_strdup_printf ("%" G_GINT64_FORMAT ":%s",
                                          (gint64) sqlite3_column_int64 (stmt, 0),
                                          (const char *) sqlite3_column_text (stmt, 1)),
                         GINT_TO_POINTER (sqlite3_column_int (stmt, 2)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Reading the capability ratings"));
      return NULL;
    }
  return g_steal_pointer (&out);
}

static AttainGoal *
capability_goal (AttainDb           *db,
                 gint64              person_id,
                 const char         *metric,
                 const AttainPeriod *period,
                 GError            **error)
{
  AttainScope owner = { ATTAIN_SCOPE_PERSON, person_id };
  g_autoptr (GPtrArray) goals = attain_goals_of_owner (db, &owner, period, error);

  for (guint i = 0; goals != NULL && i < goals->len; i++)
    {
      AttainGoal *goal = g_ptr_array_index (goals, i);
      if (g_strcmp0 (goal->metric, metric) == 0 && attain_goal_in_period (goal, period))
        return attain_goal_copy (goal);
    }
  return NULL;
}

static char *
person_name (AttainDb *db, gint64 person_id)
{
  sqlite3_stmt *stmt = attain_db_prepare (db, "SELECT name FROM people WHERE id = ?1", NULL);
  char         *name = NULL;

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, person_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  return name != NULL ? name : g_strdup ("?");
}

gboolean
attain_capability_ratings_save (AttainGoalHistory            *history,
                                AttainDb                     *db,
                                const AttainPeriod           *period,
                                const AttainCapabilityRating *ratings,
                                guint                         n_ratings,
                                GError                      **error)
{
  g_autoptr (AttainGoalEdit) edit = attain_goal_edit_new (_ ("Capability ratings"));

  for (guint i = 0; i < n_ratings; i++)
    {
      const AttainCapabilityRating *r = &ratings[i];
      const AttainGoalMetric       *info = attain_goal_metric_lookup (r->metric);
      g_autoptr (GError) local_error = NULL;
      g_autoptr (AttainGoal) before = NULL;
      g_autoptr (AttainGoal) after = NULL;

      if (info == NULL || g_strcmp0 (info->type, "capability") != 0 || r->rating < 0
          || r->rating > 5)
        {
          g_set_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_RATING,
                       _ ("A capability is rated from 1 to 5 (or left empty); nothing was saved."));
          return FALSE;
        }
      before = capability_goal (db, r->person_id, r->metric, period, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* Compare-and-set against what the grid showed: another window's rating in between is
       * refused, not overwritten. */
      if ((before != NULL ? before->rating : 0) != r->expected)
        {
          g_autofree char *name = person_name (db, r->person_id);
          g_set_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_CHANGED,
                       _ ("%s’s %s rating was changed elsewhere meanwhile; nothing was saved. "
                          "Open the grid again to see it."),
                       name, _ (info->label));
          return FALSE;
        }
      if (before == NULL && r->rating == 0)
        continue;
      if (before != NULL && before->rating == r->rating)
        continue;
      if (before != NULL)
        after = attain_goal_copy (before);
      else
        {
          AttainScope owner = { ATTAIN_SCOPE_PERSON, r->person_id };
          after = attain_goal_new (&owner, r->metric, period);
        }
      after->rating = r->rating;
      attain_goal_edit_add (edit, before, after);
    }
  if (attain_goal_edit_get_size (edit) == 0)
    return TRUE;
  /* The history owns the edit from here, for undo. */
  return attain_goal_history_apply (history, g_steal_pointer (&edit), error);
}

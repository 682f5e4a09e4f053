/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-rating-grid.h"

#include "attain-gettext.h"
#include "attain-review.h"

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

GHashTable *
attain_rating_comments (AttainDb *db, const AttainPeriod *period, GError **error)
{
  g_autoptr (GHashTable) out = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GDate            first, last;
  g_autofree char *from = NULL, *to = NULL;
  sqlite3_stmt    *stmt = attain_db_prepare (db,
                                             "SELECT person_id, rating_comment FROM reviews WHERE "
                                                "rating_comment IS NOT NULL AND period_start = ?1 "
                                                "AND period_end = ?2",
                                             error);
  int              rc;

  if (stmt == NULL)
    return NULL;
  attain_period_bounds (period, &first, &last);
  from = attain_date_to_iso (&first);
  to = attain_date_to_iso (&last);
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (out,
                         g_memdup2 (&(gint64){ sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Reading the comments on the ratings"));
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

typedef struct
{
  AttainDb                  *db;
  const AttainPeriod        *period;
  const AttainRatingComment *comments;
  guint                      n_comments;
} CommentsToWrite;

/* Inside the save's transaction: each comment on its person's review, compare-and-set. */
static gboolean
write_comments (AttainDb *db, gpointer data, GError **error)
{
  const CommentsToWrite *pending = data;

  for (guint i = 0; i < pending->n_comments; i++)
    {
      const AttainRatingComment *c = &pending->comments[i];
      g_autoptr (GError) local_error = NULL;

      if (g_strcmp0 (c->base ? c->base : "", c->comment ? c->comment : "") == 0)
        continue;
      if (!attain_review_write_text_in_transaction (db, c->person_id, pending->period,
                                                    "rating_comment", c->base, c->comment,
                                                    &local_error))
        {
          g_autofree char *name = person_name (db, c->person_id);
          if (g_error_matches (local_error, ATTAIN_REVIEW_ERROR, ATTAIN_REVIEW_ERROR_CHANGED))
            g_set_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_CHANGED,
                         _ ("%s’s comment was changed elsewhere meanwhile; nothing was saved. "
                            "Open the grid again to see it."),
                         name);
          else
            /* Translators: a person's name, then why their review refused the comment */
            g_set_error (error, local_error->domain, local_error->code, _ ("%s: %s"), name,
                         local_error->message);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
attain_capability_ratings_save (AttainGoalHistory            *history,
                                AttainDb                     *db,
                                const AttainPeriod           *period,
                                const AttainCapabilityRating *ratings,
                                guint                         n_ratings,
                                const AttainRatingComment    *comments,
                                guint                         n_comments,
                                GError                      **error)
{
  g_autoptr (AttainGoalEdit) edit = attain_goal_edit_new (_ ("Capability ratings"));
  CommentsToWrite pending = { db, period, comments, n_comments };

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
    {
      /* Only comments changed: they are written alone, still in one transaction. */
      if (n_comments == 0)
        return TRUE;
      if (!attain_db_begin (db, error))
        return FALSE;
      if (!write_comments (db, &pending, error) || !attain_db_commit (db, error))
        {
          attain_db_rollback (db);
          return FALSE;
        }
      return TRUE;
    }
  /* The history owns the edit from here, for undo. */
  return attain_goal_history_apply_with (history, g_steal_pointer (&edit), write_comments, &pending,
                                         error);
}

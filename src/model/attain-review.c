/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-review.h"

#include "attain-feedback.h"
#include "attain-review-sheet.h"

#include "attain-gettext.h"
#include <math.h>
#include <string.h>

/* The quark name is a string, not a subtraction. */
/* clang-format off */
G_DEFINE_QUARK (attain-review-error-quark, attain_review_error)
/* clang-format on */

/* The text fields a form may save, each with its own constant statement. */
static const struct
{
  const char *field;
  const char *sql;
  gsize       offset;
} text_fields[] = {
  { "reviewer",
    "UPDATE reviews SET reviewer = ?2, updated_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE "
    "id = ?1",
    G_STRUCT_OFFSET (AttainReview, reviewer) },
  { "interview_on",
    "UPDATE reviews SET interview_on = ?2, updated_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') "
    "WHERE id = ?1",
    G_STRUCT_OFFSET (AttainReview, interview_on) },
  { "self_review",
    "UPDATE reviews SET self_review = ?2, updated_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') "
    "WHERE id = ?1",
    G_STRUCT_OFFSET (AttainReview, self_review) },
  { "strengths",
    "UPDATE reviews SET strengths = ?2, updated_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE "
    "id = ?1",
    G_STRUCT_OFFSET (AttainReview, strengths) },
  { "improvements",
    "UPDATE reviews SET improvements = ?2, updated_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') "
    "WHERE id = ?1",
    G_STRUCT_OFFSET (AttainReview, improvements) },
  { "employee_view",
    "UPDATE reviews SET employee_view = ?2, updated_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') "
    "WHERE id = ?1",
    G_STRUCT_OFFSET (AttainReview, employee_view) },
  { "training",
    "UPDATE reviews SET training = ?2, updated_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE "
    "id = ?1",
    G_STRUCT_OFFSET (AttainReview, training) },
  { "rating_comment",
    "UPDATE reviews SET rating_comment = ?2, updated_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') "
    "WHERE id = ?1",
    G_STRUCT_OFFSET (AttainReview, rating_comment) },
};

AttainMilestone *
attain_milestone_new (const char           *what,
                      const char           *due_on,
                      const char           *measure,
                      AttainMilestoneStatus status)
{
  AttainMilestone *milestone = g_new0 (AttainMilestone, 1);

  milestone->what = g_strdup (what);
  milestone->due_on = g_strdup (due_on);
  milestone->measure = g_strdup (measure);
  milestone->status = MIN (status, ATTAIN_MILESTONE_MISSED);
  return milestone;
}

AttainMilestone *
attain_milestone_copy (const AttainMilestone *milestone)
{
  return attain_milestone_new (milestone->what, milestone->due_on, milestone->measure,
                               milestone->status);
}

static const char *const milestone_keys[] = { "planned", "in_progress", "done", "missed" };

const char *
attain_milestone_status_to_key (AttainMilestoneStatus status)
{
  return milestone_keys[MIN (status, ATTAIN_MILESTONE_MISSED)];
}

/* An unknown key (a newer program's) reads as planned rather than failing the review. */
AttainMilestoneStatus
attain_milestone_status_from_key (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (milestone_keys); i++)
    if (g_strcmp0 (key, milestone_keys[i]) == 0)
      return i;
  return ATTAIN_MILESTONE_PLANNED;
}

void
attain_milestone_free (AttainMilestone *milestone)
{
  if (milestone == NULL)
    return;
  g_free (milestone->what);
  g_free (milestone->due_on);
  g_free (milestone->measure);
  g_free (milestone);
}

const char *
attain_milestone_status_label (AttainMilestoneStatus status)
{
  switch (status)
    {
    case ATTAIN_MILESTONE_IN_PROGRESS:
      return _ ("In progress");
    case ATTAIN_MILESTONE_DONE:
      return _ ("Done");
    case ATTAIN_MILESTONE_MISSED:
      return _ ("Missed");
    case ATTAIN_MILESTONE_PLANNED:
    case ATTAIN_MILESTONE_N_STATUSES:
    default:
      return _ ("Planned");
    }
}

void
attain_review_free (AttainReview *review)
{
  if (review == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    g_free (G_STRUCT_MEMBER (char *, review, text_fields[i].offset));
  g_free (review->signed_off_at);
  g_free (review->revised_after_appeal_on);
  g_clear_pointer (&review->milestones, g_ptr_array_unref);
  g_free (review);
}

gboolean
attain_review_is_locked (const AttainReview *review)
{
  return review->signed_off_at != NULL;
}

const char *
attain_review_get_field (const AttainReview *review, const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    if (g_str_equal (text_fields[i].field, field))
      return G_STRUCT_MEMBER (char *, review, text_fields[i].offset);
  return NULL;
}

static gboolean
period_bounds_iso (const AttainPeriod *period, char **first_iso, char **last_iso)
{
  GDate first, last;

  attain_period_bounds (period, &first, &last);
  *first_iso = attain_date_to_iso (&first);
  *last_iso = attain_date_to_iso (&last);
  return TRUE;
}

AttainReview *
attain_review_find (AttainDb *db, gint64 person_id, const AttainPeriod *period, GError **error)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autoptr (AttainReview) review = NULL;
  sqlite3_stmt *stmt;
  int           rc;

  period_bounds_iso (period, &first, &last);
  stmt = attain_db_prepare (
      db,
      "SELECT id, reviewer, interview_on, self_review, strengths, improvements, "
      "employee_view, training, rating_comment, signed_off_at, revised_after_appeal_on FROM "
      "reviews "
      "WHERE person_id = ?1 AND period_start = ?2 AND period_end = ?3",
      error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_text (stmt, 2, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, last, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        attain_db_set_error (db, error, _ ("Reading the review"));
      return NULL;
    }
  review = g_new0 (AttainReview, 1);
  review->id = sqlite3_column_int64 (stmt, 0);
  review->person_id = person_id;
  review->period = *period;
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    G_STRUCT_MEMBER (char *, review, text_fields[i].offset)
        = g_strdup ((const char *) sqlite3_column_text (stmt, 1 + i));
  review->signed_off_at
      = g_strdup ((const char *) sqlite3_column_text (stmt, 1 + G_N_ELEMENTS (text_fields)));
  review->revised_after_appeal_on
      = g_strdup ((const char *) sqlite3_column_text (stmt, 2 + G_N_ELEMENTS (text_fields)));
  sqlite3_reset (stmt);

  review->milestones = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_milestone_free);
  stmt = attain_db_prepare (db,
                            "SELECT what, due_on, measure, status FROM review_milestones "
                            "WHERE review_id = ?1 ORDER BY position",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, review->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (review->milestones,
                     attain_milestone_new ((const char *) sqlite3_column_text (stmt, 0),
                                           (const char *) sqlite3_column_text (stmt, 1),
                                           (const char *) sqlite3_column_text (stmt, 2),
                                           attain_milestone_status_from_key (
                                               (const char *) sqlite3_column_text (stmt, 3))));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Reading the improvement plan"));
      return NULL;
    }
  return g_steal_pointer (&review);
}

AttainReview *
attain_review_open (AttainDb *db, gint64 person_id, const AttainPeriod *period, GError **error)
{
  static const char *kinds[] = { "month", "quarter", "year" };
  g_autofree char   *first = NULL;
  g_autofree char   *last = NULL;
  g_autoptr (GError) local_error = NULL;
  AttainReview *review;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (db != NULL && period != NULL, NULL);

  review = attain_review_find (db, person_id, period, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (review != NULL)
    return review;
  if (!attain_org_describe (db, &(AttainScope){ ATTAIN_SCOPE_PERSON, person_id }, NULL, NULL, NULL,
                            NULL, error))
    return NULL;

  period_bounds_iso (period, &first, &last);
  stmt
      = attain_db_prepare (db,
                           "INSERT INTO reviews (person_id, period_kind, period_start, period_end) "
                           "VALUES (?1, ?2, ?3, ?4)",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_text (stmt, 2, kinds[period->kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, last, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      attain_db_set_error (db, error, _ ("Starting the review"));
      return NULL;
    }
  sqlite3_reset (stmt);
  return attain_review_find (db, person_id, period, error);
}

static gboolean
refuse_if_locked (const AttainReview *review, GError **error)
{
  if (attain_review_is_locked (review))
    {
      g_set_error (error, ATTAIN_REVIEW_ERROR, ATTAIN_REVIEW_ERROR_LOCKED,
                   _ ("This review was signed off on %s and is locked. Appeals and later notes go "
                      "into the next review."),
                   review->signed_off_at);
      return FALSE;
    }
  return TRUE;
}

static const char *
field_label (const char *field)
{
  static const struct
  {
    const char *field, *label;
  } labels[] = {
    { "reviewer", N_ ("Reviewer") },
    { "interview_on", N_ ("Interview date") },
    { "self_review", N_ ("Self-review") },
    { "strengths", N_ ("Strengths") },
    { "improvements", N_ ("Areas to improve") },
    { "employee_view", N_ ("The employee's view") },
    { "training", N_ ("Training") },
    { "rating_comment", N_ ("Supervisor's comment on the ratings") },
  };
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].field, field))
      return _ (labels[i].label);
  return field;
}

/* Writes text field @index of review @review_id and its audit row (old text as on disk, new text,
 * who), inside the caller's transaction. With @check_base the write is a compare-and-set: it
 * happens only while the field on disk still holds @base, the text the form started from;
 * another writer's text in between is refused, not overwritten. */
static gboolean
write_field (AttainDb   *db,
             gint64      review_id,
             guint       index,
             gboolean    check_base,
             const char *base,
             const char *value,
             GError    **error)
{
  const char      *field = text_fields[index].field;
  g_autofree char *sql
      = g_strdup_printf ("%s AND (?3 = 0 OR %s IS nullif (?4, ''))", text_fields[index].sql, field);
  g_autofree char *read_sql = g_strdup_printf ("SELECT %s FROM reviews WHERE id = ?1", field);
  g_autofree char *old_value = NULL;
  sqlite3_stmt    *stmt;
  int              rc;

  stmt = attain_db_prepare (db, read_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, review_id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    old_value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  stmt = attain_db_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, review_id);
  if (value != NULL && value[0] != '\0')
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_int (stmt, 3, check_base);
  sqlite3_bind_text (stmt, 4, base ? base : "", -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Saving the review"));
      return FALSE;
    }
  if (attain_db_changes (db) == 0)
    {
      g_set_error (error, ATTAIN_REVIEW_ERROR, ATTAIN_REVIEW_ERROR_CHANGED,
                   _ ("“%s” was changed elsewhere since this review was opened here. What you "
                      "typed is kept in the form: choose Keep My Text to save it over the "
                      "other version."),
                   field_label (field));
      return FALSE;
    }
  stmt = attain_db_prepare (db,
                            "INSERT INTO audit_log (actor, entity, entity_id, field, old_value, "
                            "new_value) VALUES (?1, 'review', ?2, ?3, ?4, nullif (?5, ''))",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, g_get_user_name (), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, review_id);
  sqlite3_bind_text (stmt, 3, field, -1, SQLITE_STATIC);
  if (old_value != NULL)
    sqlite3_bind_text (stmt, 4, old_value, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 4);
  sqlite3_bind_text (stmt, 5, value ? value : "", -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Writing the audit log"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
field_index (const char *field, guint *out, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    if (g_str_equal (text_fields[i].field, field))
      {
        *out = i;
        return TRUE;
      }
  g_set_error (error, ATTAIN_REVIEW_ERROR, ATTAIN_REVIEW_ERROR_INVALID, "No review field “%s”",
               field);
  return FALSE;
}

/* Writes one field with its audit row in one transaction (see write_field). */
static gboolean
set_field (AttainDb     *db,
           AttainReview *review,
           const char   *field,
           gboolean      check_base,
           const char   *base,
           const char   *value,
           GError      **error)
{
  GDate  date;
  guint  index;
  char **slot;

  g_return_val_if_fail (db != NULL && review != NULL && field != NULL, FALSE);

  if (!refuse_if_locked (review, error))
    return FALSE;
  if (g_str_equal (field, "interview_on") && value != NULL && value[0] != '\0'
      && !attain_date_parse_iso (value, &date))
    {
      g_set_error (error, ATTAIN_REVIEW_ERROR, ATTAIN_REVIEW_ERROR_INVALID,
                   _ ("“%s” is not a date. Use a date like 2026-03-05."), value);
      return FALSE;
    }
  if (!field_index (field, &index, error))
    return FALSE;
  slot = &G_STRUCT_MEMBER (char *, review, text_fields[index].offset);
  if (g_strcmp0 (*slot, value && value[0] ? value : NULL) == 0)
    return TRUE;
  if (!attain_db_begin (db, error))
    return FALSE;
  if (!write_field (db, review->id, index, check_base, base, value, error)
      || !attain_db_commit (db, error))
    {
      attain_db_rollback (db);
      return FALSE;
    }
  g_free (*slot);
  *slot = value && value[0] != '\0' ? g_strdup (value) : NULL;
  return TRUE;
}

gboolean
attain_review_write_text_in_transaction (AttainDb           *db,
                                         gint64              person_id,
                                         const AttainPeriod *period,
                                         const char         *field,
                                         const char         *base,
                                         const char         *value,
                                         GError            **error)
{
  g_autoptr (AttainReview) review = NULL;
  guint index;

  if (!field_index (field, &index, error))
    return FALSE;
  review = attain_review_open (db, person_id, period, error);
  if (review == NULL || !refuse_if_locked (review, error))
    return FALSE;
  return write_field (db, review->id, index, TRUE, base, value, error);
}

gboolean
attain_review_set_field (AttainDb     *db,
                         AttainReview *review,
                         const char   *field,
                         const char   *value,
                         GError      **error)
{
  return set_field (db, review, field, FALSE, NULL, value, error);
}

/* The form's save: only over @base, the text it was typed over (NULL or "" for empty). */
gboolean
attain_review_set_field_over (AttainDb     *db,
                              AttainReview *review,
                              const char   *field,
                              const char   *base,
                              const char   *value,
                              GError      **error)
{
  return set_field (db, review, field, TRUE, base, value, error);
}

gboolean
attain_review_set_milestones (AttainDb     *db,
                              AttainReview *review,
                              GPtrArray    *milestones,
                              GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (db != NULL && review != NULL && milestones != NULL, FALSE);

  if (!refuse_if_locked (review, error))
    return FALSE;
  for (guint i = 0; i < milestones->len; i++)
    {
      AttainMilestone *m = g_ptr_array_index (milestones, i);
      GDate            date;
      if (m->due_on != NULL && m->due_on[0] != '\0' && !attain_date_parse_iso (m->due_on, &date))
        {
          g_set_error (error, ATTAIN_REVIEW_ERROR, ATTAIN_REVIEW_ERROR_INVALID,
                       _ ("Milestone %u: “%s” is not a date. Use a date like 2026-03-05."), i + 1,
                       m->due_on);
          return FALSE;
        }
    }

  if (!attain_db_begin (db, error))
    return FALSE;
  stmt = attain_db_prepare (db, "DELETE FROM review_milestones WHERE review_id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, review->id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      attain_db_set_error (db, error, _ ("Saving the improvement plan"));
      goto fail;
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < milestones->len; i++)
    {
      AttainMilestone *m = g_ptr_array_index (milestones, i);
      stmt = attain_db_prepare (
          db,
          "INSERT INTO review_milestones (review_id, position, what, due_on, measure, status) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
          error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, review->id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_text (stmt, 3, m->what ? m->what : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, m->due_on, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, m->measure, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, attain_milestone_status_to_key (m->status), -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          sqlite3_reset (stmt);
          attain_db_set_error (db, error, _ ("Saving the improvement plan"));
          goto fail;
        }
      sqlite3_reset (stmt);
    }
  if (!attain_db_commit (db, error))
    goto fail;

  g_ptr_array_set_size (review->milestones, 0);
  for (guint i = 0; i < milestones->len; i++)
    {
      AttainMilestone *m = g_ptr_array_index (milestones, i);
      g_ptr_array_add (review->milestones, attain_milestone_copy (m));
    }
  return TRUE;

fail:
  attain_db_rollback (db);
  return FALSE;
}

AttainPeriod
attain_review_next_period (const AttainReview *review)
{
  return attain_period_shift (&review->period, 1);
}

gboolean
attain_review_add_next_goal (AttainDb     *db,
                             AttainReview *review,
                             const char   *metric,
                             const char   *target_text,
                             GError      **error)
{
  const AttainGoalMetric *info = attain_goal_metric_lookup (metric);
  AttainPeriod            next = attain_review_next_period (review);
  AttainScope             owner = { ATTAIN_SCOPE_PERSON, review->person_id };
  g_autoptr (AttainGoalHistory) history = attain_goal_history_new (db);
  g_autoptr (AttainGoal) goal = NULL;
  AttainGoalEdit *edit;
  sqlite3_stmt   *stmt;

  if (!refuse_if_locked (review, error))
    return FALSE;
  if (info == NULL)
    {
      g_set_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_METRIC,
                   _ ("Choose what the goal measures."));
      return FALSE;
    }
  goal = attain_goal_new (&owner, metric, &next);
  goal->has_target = TRUE;
  if (!attain_goal_parse_value (info, target_text, &goal->target, error))
    return FALSE;
  goal->proposed_by = g_strdup (_ ("Review interview"));
  /* Agreed in the meeting: the salesperson was at the table. */
  goal->agreed_on = review->interview_on ? g_strdup (review->interview_on) : NULL;
  goal->id = attain_goal_history_reserve_id (history, error);
  if (goal->id == 0)
    return FALSE;
  edit = attain_goal_edit_new (_ ("Goal agreed in a review"));
  attain_goal_edit_add (edit, NULL, goal);
  if (!attain_goal_history_apply (history, edit, error))
    return FALSE;

  stmt = attain_db_prepare (db, "UPDATE goals SET review_id = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, review->id);
  sqlite3_bind_int64 (stmt, 2, goal->id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return attain_db_set_error (db, error, _ ("Saving a goal"));
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Takes back a goal agreed in this review while it is not signed off, with anything split from
 * it since: one undoable edit of the goal tree. */
gboolean
attain_review_remove_next_goal (AttainDb *db, AttainReview *review, gint64 goal_id, GError **error)
{
  g_autoptr (AttainGoalHistory) history = NULL;
  g_autoptr (GPtrArray) goals = NULL;
  AttainGoalEdit *edit;

  if (!refuse_if_locked (review, error))
    return FALSE;
  goals = attain_review_next_goals (db, review, error);
  if (goals == NULL)
    return FALSE;
  for (guint i = 0; i < goals->len; i++)
    {
      AttainGoal *goal = g_ptr_array_index (goals, i);
      if (goal->id != goal_id)
        continue;
      history = attain_goal_history_new (db);
      edit = attain_goal_edit_new (_ ("Remove a goal agreed in a review"));
      if (!attain_goal_edit_add_delete_subtree (edit, db, goal, error))
        {
          attain_goal_edit_free (edit);
          return FALSE;
        }
      return attain_goal_history_apply (history, edit, error);
    }
  g_set_error (error, ATTAIN_REVIEW_ERROR, ATTAIN_REVIEW_ERROR_CHANGED,
               _ ("This goal is no longer one of the review's: it was changed elsewhere. The "
                  "review shows what is saved now."));
  return FALSE;
}

GPtrArray *
attain_review_next_goals (AttainDb *db, const AttainReview *review, GError **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, review->id);

  return attain_goals_query (db, "review_id = CAST (?1 AS INTEGER)", id, NULL, NULL, error);
}

gboolean
attain_review_sign_off (AttainDb *db, AttainReview *review, const GDate *today, GError **error)
{
  g_autofree char *date = attain_date_to_iso (today);
  sqlite3_stmt    *stmt;

  if (!refuse_if_locked (review, error))
    return FALSE;
  /* A signed report names who held the interview and when; both go on paper for good. */
  if (review->reviewer == NULL || review->reviewer[0] == '\0')
    {
      g_set_error (error, ATTAIN_REVIEW_ERROR, ATTAIN_REVIEW_ERROR_INVALID,
                   _ ("Enter who held the interview (the reviewer) before signing off."));
      return FALSE;
    }
  if (review->interview_on == NULL)
    {
      g_set_error (error, ATTAIN_REVIEW_ERROR, ATTAIN_REVIEW_ERROR_INVALID,
                   _ ("Enter the date the interview was held before signing off."));
      return FALSE;
    }
  if (!attain_db_begin (db, error))
    return FALSE;
  stmt = attain_db_prepare (db, "UPDATE reviews SET signed_off_at = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, review->id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      attain_db_set_error (db, error, _ ("Signing off the review"));
      goto fail;
    }
  sqlite3_reset (stmt);
  /* What the report prints now is what it prints for good: the figures go with the sign-off. */
  {
    g_autoptr (AttainReviewSheet) sheet
        = attain_review_sheet_load (db, review->person_id, &review->period, today, error);
    g_autofree char *figures = NULL;

    if (sheet == NULL)
      goto fail;
    figures = attain_review_sheet_figures_to_json (sheet);
    stmt = attain_db_prepare (db,
                              "INSERT INTO review_snapshots (review_id, taken_on, figures) "
                              "VALUES (?1, ?2, ?3)",
                              error);
    if (stmt == NULL)
      goto fail;
    sqlite3_bind_int64 (stmt, 1, review->id);
    sqlite3_bind_text (stmt, 2, date, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 3, figures, -1, SQLITE_STATIC);
    if (sqlite3_step (stmt) != SQLITE_DONE)
      {
        sqlite3_reset (stmt);
        attain_db_set_error (db, error, _ ("Signing off the review"));
        goto fail;
      }
    sqlite3_reset (stmt);
  }
  stmt = attain_db_prepare (
      db,
      "INSERT INTO audit_log (actor, entity, entity_id, field, new_value, reason) "
      "VALUES (?1, 'review', ?2, 'signed_off_at', ?3, 'Sign-off')",
      error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, g_get_user_name (), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, review->id);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      attain_db_set_error (db, error, _ ("Writing the audit log"));
      goto fail;
    }
  sqlite3_reset (stmt);
  if (!attain_db_commit (db, error))
    goto fail;
  review->signed_off_at = g_steal_pointer (&date);
  return TRUE;

fail:
  attain_db_rollback (db);
  return FALSE;
}

GArray *
attain_review_result_lines (AttainDb            *db,
                            gint64               person_id,
                            const AttainPeriod  *period,
                            const AttainMetrics *metrics,
                            double              *weighted_score,
                            int                 *total_weight)
{
  GArray      *lines = g_array_new (FALSE, FALSE, sizeof (AttainReviewLine));
  AttainScope  owner = { ATTAIN_SCOPE_PERSON, person_id };
  AttainPeriod year = attain_period_fiscal_year (period);
  g_autoptr (GPtrArray) own_goals = attain_goals_of_owner (db, &owner, period, NULL);
  g_autoptr (GPtrArray) year_goals = attain_goals_of_owner (db, &owner, &year, NULL);
  const AttainGoalMetric *goal_metrics;
  double                  weighted = 0;
  int                     weights = 0;
  guint                   n;

  goal_metrics = attain_goal_metrics (&n);
  for (guint i = 0; i < n; i++)
    {
      AttainReviewLine         line = { 0 };
      const AttainMetricValue *v;

      if (!attain_metric_from_key (goal_metrics[i].key, &line.metric)
          || isnan (metrics->values[line.metric].target))
        continue;
      v = &metrics->values[line.metric];
      line.label = goal_metrics[i].label;
      /* The period's own goal weighs it; else the year's, as a quarter is judged by the
       * year's scorecard. */
      for (guint g = 0; own_goals && g < own_goals->len; g++)
        if (g_str_equal (((AttainGoal *) g_ptr_array_index (own_goals, g))->metric,
                         goal_metrics[i].key))
          line.weight = ((AttainGoal *) g_ptr_array_index (own_goals, g))->weight;
      for (guint g = 0; line.weight == 0 && year_goals && g < year_goals->len; g++)
        if (g_str_equal (((AttainGoal *) g_ptr_array_index (year_goals, g))->metric,
                         goal_metrics[i].key))
          line.weight = ((AttainGoal *) g_ptr_array_index (year_goals, g))->weight;
      /* A rate inherited from a unit's goal, unweighted in the person's scorecard, is not one
       * of the person's lines. */
      if (attain_goal_metric_is_rate (&goal_metrics[i]) && line.weight == 0)
        continue;
      attain_score_rule_init (&line.rule, ATTAIN_RULE_LINEAR);
      line.score = attain_score_rule_apply (&line.rule, v->attainment, NAN);
      weighted += (double) line.weight * line.score;
      weights += line.weight;
      g_array_append_val (lines, line);
    }
  if (weighted_score != NULL)
    *weighted_score = weights > 0 ? weighted / weights : NAN;
  if (total_weight != NULL)
    *total_weight = weights;
  return lines;
}

/* The lines of a scorecard: each KPI's target is the person's for the period (their goal, else
 * the unit's above), scored by the line's rule. A line without a target cannot be scored and is
 * left out of the mean (its weight goes to the others). */
static GArray *
scorecard_lines (const AttainScorecard *card, const AttainMetrics *metrics, double *weighted_score)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (AttainReviewLine));
  double  weighted = 0;
  int     weights = 0;

  for (guint i = 0; i < card->lines->len; i++)
    {
      const AttainScorecardLine *card_line = &g_array_index (card->lines, AttainScorecardLine, i);
      const AttainGoalMetric    *info = attain_goal_metric_lookup (card_line->metric);
      AttainReviewLine           line = { 0 };
      const AttainMetricValue   *v;

      if (info == NULL || !attain_metric_from_key (card_line->metric, &line.metric))
        continue;
      v = &metrics->values[line.metric];
      line.label = info->label;
      line.weight = card_line->weight;
      line.rule = card_line->rule;
      {
        /* target ÷ actual has no value at an actual of 0 for a lower-is-better metric; on a
         * scorecard that is the target beaten as far as it can be. */
        double attainment = v->attainment;
        if (isnan (attainment) && attain_metric_info (line.metric)->lower_is_better && v->value == 0
            && v->target > 0)
          attainment = INFINITY;
        line.score = attain_score_rule_apply (&line.rule, attainment, v->value - v->target);
      }
      if (!isnan (v->target))
        {
          weighted += (double) line.weight * line.score;
          weights += line.weight;
        }
      g_array_append_val (lines, line);
    }
  *weighted_score = weights > 0 ? weighted / weights : NAN;
  return lines;
}

static gboolean
card_has_line (const AttainScorecard *card, const char *metric)
{
  for (guint i = 0; card != NULL && i < card->lines->len; i++)
    if (g_str_equal (g_array_index (card->lines, AttainScorecardLine, i).metric, metric))
      return TRUE;
  return FALSE;
}

/* The MBO part: the person's own goals of the period that the scorecard's KPI lines do not
 * score, each on its attainment (linear up to 120), and the capabilities rated this period as
 * (r − 1) × 25, weighted by their goals (equal weights when none is weighted); NAN when there is
 * nothing to score. Without a scorecard every metric goal is a KPI line, so only the ratings are
 * objectives. A metric set month by month counts once, on the period's attainment. */
static double
mbo_score (AttainDb              *db,
           gint64                 person_id,
           const AttainPeriod    *period,
           const AttainScorecard *card,
           const AttainMetrics   *metrics,
           GArray               **items_out)
{
  AttainScope owner = { ATTAIN_SCOPE_PERSON, person_id };
  g_autoptr (GPtrArray) goals = attain_goals_of_owner (db, &owner, period, NULL);
  g_autoptr (GArray) items = g_array_new (FALSE, FALSE, sizeof (AttainMboItem));
  double sum = 0, plain = 0;
  int    weights = 0;

  for (guint i = 0; goals != NULL && i < goals->len; i++)
    {
      AttainGoal             *goal = g_ptr_array_index (goals, i);
      const AttainGoalMetric *info = attain_goal_metric_lookup (goal->metric);
      AttainMboItem           item = { 0 };
      gboolean                seen = FALSE;

      if (info == NULL)
        continue;
      item.metric = info->key;
      item.weight = goal->weight;
      item.attainment = NAN;
      if (g_strcmp0 (goal->type, "capability") == 0)
        {
          if (goal->rating < 1)
            continue;
          item.rating = goal->rating;
          item.score = (goal->rating - 1) * 25.0;
        }
      else
        {
          AttainMetricId  id;
          AttainScoreRule linear;
          if (card == NULL || card_has_line (card, info->key) || goal->weight <= 0
              || !attain_metric_from_key (info->key, &id) || isnan (metrics->values[id].attainment))
            continue;
          for (guint k = 0; k < items->len; k++)
            seen = seen || g_array_index (items, AttainMboItem, k).metric == info->key;
          if (seen)
            continue;
          attain_score_rule_init (&linear, ATTAIN_RULE_LINEAR);
          item.attainment = metrics->values[id].attainment;
          item.score = attain_score_rule_apply (&linear, item.attainment, NAN);
        }
      sum += item.score * item.weight;
      weights += item.weight;
      plain += item.score;
      g_array_append_val (items, item);
    }
  if (items->len == 0)
    return NAN;
  *items_out = g_steal_pointer (&items);
  return weights > 0 ? sum / weights : plain / (*items_out)->len;
}

gboolean
attain_review_evaluate (AttainDb            *db,
                        gint64               person_id,
                        const AttainPeriod  *period,
                        const AttainMetrics *metrics,
                        GArray             **lines,
                        AttainEvaluation    *out,
                        GError             **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (AttainScorecard) card
      = attain_scorecard_for_person (db, person_id, period, &local_error);
  double parts[3];

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  memset (out, 0, sizeof *out);
  /* A closed 360 collection of the period's cycle, else none. */
  out->feedback = attain_feedback_score_for (db, person_id, period);
  if (card != NULL && card->lines->len > 0)
    {
      *lines = scorecard_lines (card, metrics, &out->kpi);
      out->scorecard = g_strdup (card->name);
      out->weights[0] = card->kpi_weight;
      out->weights[1] = card->mbo_weight;
      out->weights[2] = card->feedback_weight;
    }
  else
    {
      *lines = attain_review_result_lines (db, person_id, period, metrics, &out->kpi, NULL);
      /* Without a scorecard the goals' weights make the KPI part the whole score, and ratings
       * given count beside it only once a scorecard weighs them. */
      out->weights[0] = 10000;
    }
  out->mbo = mbo_score (db, person_id, period, card, metrics, &out->mbo_items);
  parts[0] = out->kpi;
  parts[1] = out->mbo;
  parts[2] = out->feedback;
  out->composite = attain_composite (parts, out->weights, 3, &out->weight_present);
  out->rating = attain_rating_for (db, out->composite);
  return TRUE;
}

void
attain_evaluation_clear (AttainEvaluation *evaluation)
{
  g_clear_pointer (&evaluation->scorecard, g_free);
  g_clear_pointer (&evaluation->mbo_items, g_array_unref);
}

static char *
one_decimal (double value)
{
  char number[32];
  g_ascii_formatd (number, sizeof number, "%.1f", value);
  return g_strdup (number);
}

/* "103.2 points, rating A" */
char *
attain_evaluation_composite_text (const AttainEvaluation *e)
{
  g_autofree char *points = NULL;

  if (isnan (e->composite))
    return g_strdup ("—");
  points = one_decimal (e->composite);
  /* Translators: the composite score and its rating band, "103.2 points, rating A" */
  return g_strdup_printf (_ ("%s points, rating %s"), points, e->rating);
}

/* The MBO part's objectives with their numbers: "Visits 110.0% → 110.0 × 50.0%; Negotiation
 * rated 4 → 75.0 × 50.0%". An objective whose goal has no weight is left out of a weighted
 * part and shows no share. */
char *
attain_evaluation_mbo_text (const AttainEvaluation *e)
{
  g_autoptr (GString) out = g_string_new (NULL);
  int total = 0;

  /* Each objective's share of the part: its goal's weight over the weighted objectives'. */
  for (guint i = 0; e->mbo_items != NULL && i < e->mbo_items->len; i++)
    total += g_array_index (e->mbo_items, AttainMboItem, i).weight;
  for (guint i = 0; e->mbo_items != NULL && i < e->mbo_items->len; i++)
    {
      const AttainMboItem    *item = &g_array_index (e->mbo_items, AttainMboItem, i);
      const AttainGoalMetric *info = attain_goal_metric_lookup (item->metric);
      g_autofree char        *score = one_decimal (item->score);
      g_autofree char        *input = NULL;

      if (out->len > 0)
        g_string_append (out, "; ");
      if (item->rating > 0)
        /* Translators: a capability in the MBO part, "Negotiation rated 4 → 75.0" */
        input = g_strdup_printf (_ ("%s rated %d"), _ (info->label), item->rating);
      else
        {
          g_autofree char *attainment = attain_format_percent (item->attainment);
          input = g_strdup_printf ("%s %s", _ (info->label), attainment);
        }
      g_string_append_printf (out, "%s → %s", input, score);
      if (item->weight > 0)
        {
          g_autofree char *weight = attain_format_percent ((double) item->weight / total);
          g_string_append_printf (out, " × %s", weight);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* How the composite is made, and what is missing from it: "KPI 105.1 × 70% · MBO not rated
 * (30%) · 360 not collected (0%): weighed over the 70% present". */
char *
attain_evaluation_parts_text (const AttainEvaluation *e)
{
  const char *names[] = { N_ ("KPI"), N_ ("MBO"), N_ ("360") };
  double      scores[] = { e->kpi, e->mbo, e->feedback };
  g_autoptr (GString) out = g_string_new (NULL);
  int total = e->weights[0] + e->weights[1] + e->weights[2];

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *weight = attain_format_percent (e->weights[i] / 10000.0);
      if (e->weights[i] == 0)
        continue;
      if (out->len > 0)
        g_string_append (out, " · ");
      if (isnan (scores[i]))
        /* Translators: a part of the composite without a score, "360 not scored (10.0%)" */
        g_string_append_printf (out, _ ("%s not scored (%s)"), _ (names[i]), weight);
      else
        {
          g_autofree char *score = one_decimal (scores[i]);
          /* Translators: a part of the composite, "KPI 105.1 × 70.0%" */
          g_string_append_printf (out, _ ("%s %s × %s"), _ (names[i]), score, weight);
          if (i == 1 && e->mbo_items != NULL)
            {
              g_autofree char *objectives = attain_evaluation_mbo_text (e);
              g_string_append_printf (out, " (%s)", objectives);
            }
        }
    }
  if (e->weight_present > 0 && e->weight_present < total)
    {
      g_autofree char *present = attain_format_percent (e->weight_present / 10000.0);
      /* Translators: the composite renormalised over the parts that were there */
      g_string_append_printf (out, _ (": weighed over the %s present"), present);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A line's score with its numbers: "Revenue: 111.0% → linear, cap 120 → 111.0 × 60% = 66.6". */
char *
attain_review_line_formula (const AttainReviewLine *line, const AttainMetrics *metrics)
{
  const AttainMetricValue *v = &metrics->values[line->metric];
  g_autofree char         *rule = attain_score_rule_describe (&line->rule);
  g_autofree char         *input = line->rule.kind == ATTAIN_RULE_POINTS
                                       ? attain_format_difference (ATTAIN_VALUE_SCORE, v->variance, NULL,
                                                                   ATTAIN_NUMBER_STYLE_WESTERN)
                                       : attain_format_percent (v->attainment);
  g_autofree char         *score = one_decimal (line->score);
  g_autofree char         *weight = attain_format_percent (line->weight / 10000.0);
  g_autofree char         *weighted = one_decimal (line->score * line->weight / 10000.0);

  /* Translators: a score with its numbers: metric, attainment, rule, score, weight, weighted */
  return g_strdup_printf (_ ("%s: %s → %s → %s × %s = %s"), _ (line->label), input, rule, score,
                          weight, weighted);
}

/* The active people of a unit and everything below it, team by team, leads first: a team's
 * reviews in the order they are printed. */
GArray *
attain_review_team_people (AttainDb *db, gint64 unit_id, GError **error)
{
  GArray       *people = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = attain_db_prepare (
      db,
      "SELECT p.id FROM org_closure c JOIN people p ON p.unit_id = c.descendant_id "
      "JOIN positions pos ON pos.id = p.position_id "
      "WHERE c.ancestor_id = ?1 AND p.active "
      "ORDER BY c.descendant_id, pos.rank DESC, p.id",
      error);
  int rc;

  if (stmt == NULL)
    {
      g_array_unref (people);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, unit_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (people, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_array_unref (people);
      attain_db_set_error (db, error, _ ("Reading the people"));
      return NULL;
    }
  return people;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-cycle.h"

#include <math.h>

#include "attain-feedback.h"
#include "attain-gettext.h"
#include "attain-json.h"
#include "attain-metrics.h"
#include "attain-review.h"

/* clang-format off */
G_DEFINE_QUARK (attain-cycle-error-quark, attain_cycle_error)
/* clang-format on */

/* A review cycle for @period and everyone active under @unit_id (0: the company), each on the
 * scorecard version of their position as it is now: one transaction. Returns its id. */
gint64
attain_cycle_start (AttainDb           *db,
                    const char         *name,
                    const AttainPeriod *period,
                    gint64              unit_id,
                    GError            **error)
{
  g_autofree char *kind = g_strdup (attain_period_kind_to_string (period->kind));
  g_autofree char *first_iso = NULL, *last_iso = NULL;
  sqlite3_stmt    *stmt;
  GDate            first, last;
  gint64           id;

  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));

  if (trimmed[0] == '\0')
    {
      g_set_error (error, ATTAIN_CYCLE_ERROR, ATTAIN_CYCLE_ERROR_INVALID,
                   _ ("Give the review cycle a name, such as “2026 Q3 reviews”."));
      return 0;
    }
  attain_period_bounds (period, &first, &last);
  first_iso = attain_date_to_iso (&first);
  last_iso = attain_date_to_iso (&last);
  if (!attain_db_begin (db, error))
    return 0;
  stmt = attain_db_prepare (db,
                            "INSERT INTO review_cycles (name, period_kind, period_start, "
                            "period_end, unit_id, due_on) VALUES (?1, ?2, ?3, ?4, "
                            "coalesce (nullif (?5, 0), (SELECT id FROM org_units WHERE parent_id "
                            "IS NULL ORDER BY id LIMIT 1)), date (?4, printf ('+%d days', ?6)))",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, first_iso, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, last_iso, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, unit_id);
  sqlite3_bind_int (stmt, 6, CLAMP (attain_db_get_setting_int (db, "review_due_days", 30), 0, 365));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      attain_db_set_error (db, error, _ ("Starting the review cycle"));
      goto fail;
    }
  sqlite3_reset (stmt);
  id = attain_db_last_insert_id (db);
  stmt = attain_db_prepare (
      db,
      "INSERT INTO cycle_members (cycle_id, person_id, scorecard_id) "
      "SELECT ?1, p.id, coalesce ((SELECT s.id FROM scorecards s WHERE s.position_id = "
      "  p.position_id AND s.retired = 0), (SELECT s.id FROM scorecards s WHERE s.position_id IS "
      "  NULL AND s.retired = 0)) "
      "FROM people p JOIN org_closure c ON c.descendant_id = p.unit_id "
      "WHERE p.active AND c.ancestor_id = (SELECT unit_id FROM review_cycles WHERE id = ?1)",
      error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      attain_db_set_error (db, error, _ ("Starting the review cycle"));
      goto fail;
    }
  sqlite3_reset (stmt);
  if (attain_db_changes (db) == 0)
    {
      g_set_error (error, ATTAIN_CYCLE_ERROR, ATTAIN_CYCLE_ERROR_INVALID,
                   _ ("Nobody active works in that unit: the cycle was not started. Choose a "
                      "unit with people, or the whole company."));
      goto fail;
    }
  if (!attain_db_commit (db, error))
    goto fail;
  return id;

fail:
  attain_db_rollback (db);
  return 0;
}

void
attain_cycle_free (AttainCycle *cycle)
{
  if (cycle == NULL)
    return;
  g_free (cycle->name);
  g_free (cycle->due_on);
  g_free (cycle);
}

/* Where a member stands, read from what exists rather than kept beside it (the stored
 * cycle_members.state would go stale with every edit of the review): signed off, interview held,
 * calibrated, rated by the supervisor (strengths, improvements or a comment on the ratings
 * written), self-assessment
 * written, or still a draft. Needs the member as m and the cycle as c. */
#define MEMBER_STATE_SQL                                                                           \
  "coalesce ((SELECT CASE WHEN r.signed_off_at IS NOT NULL THEN 'signed' "                         \
  "WHEN r.interview_on IS NOT NULL THEN 'interview' "                                              \
  "WHEN EXISTS (SELECT 1 FROM calibrations k WHERE k.cycle_id = m.cycle_id "                       \
  "AND k.person_id = m.person_id) THEN 'calibration' "                                             \
  "WHEN length (trim (coalesce (r.strengths, '') || coalesce (r.improvements, '') || "             \
  "coalesce (r.rating_comment, ''))) > 0 "                                                         \
  "THEN 'supervisor' WHEN length (trim (coalesce (r.self_review, ''))) > 0 THEN 'self' "           \
  "ELSE 'draft' END FROM reviews r WHERE r.person_id = m.person_id "                               \
  "AND r.period_start = c.period_start AND r.period_end = c.period_end), "                         \
  "CASE WHEN EXISTS (SELECT 1 FROM calibrations k WHERE k.cycle_id = m.cycle_id "                  \
  "AND k.person_id = m.person_id) THEN 'calibration' ELSE 'draft' END)"

GPtrArray *
attain_cycle_list (AttainDb *db, GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_cycle_free);
  int           fy_start = attain_db_get_setting_int (db, "fiscal_year_start_month", 1);
  sqlite3_stmt *stmt = attain_db_prepare (
      db,
      "SELECT c.id, c.name, c.period_kind, c.period_start, coalesce (c.unit_id, 0), "
      "(SELECT count (*) FROM cycle_members m WHERE m.cycle_id = c.id), "
      "(SELECT count (*) FROM cycle_members m WHERE m.cycle_id = c.id AND " MEMBER_STATE_SQL
      " = 'signed') "
      ", c.due_on FROM review_cycles c ORDER BY c.period_start DESC, c.id DESC",
      error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AttainCycle *cycle = g_new0 (AttainCycle, 1);
      GDate        start;
      cycle->id = sqlite3_column_int64 (stmt, 0);
      cycle->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      attain_date_parse_iso ((const char *) sqlite3_column_text (stmt, 3), &start);
      cycle->period = attain_period_containing (
          attain_period_kind_from_string ((const char *) sqlite3_column_text (stmt, 2)), &start,
          fy_start);
      cycle->unit_id = sqlite3_column_int64 (stmt, 4);
      cycle->n_members = sqlite3_column_int (stmt, 5);
      cycle->n_signed = sqlite3_column_int (stmt, 6);
      cycle->due_on = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      g_ptr_array_add (out, cycle);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Reading the review cycles"));
      return NULL;
    }
  return g_steal_pointer (&out);
}

static void
add_evaluation (JsonBuilder *builder, const AttainEvaluation *e)
{
  attain_json_add_number (builder, "kpi", e->kpi);
  attain_json_add_number (builder, "mbo", e->mbo);
  attain_json_add_number (builder, "feedback", e->feedback);
  json_builder_set_member_name (builder, "weights");
  json_builder_begin_object (builder);
  attain_json_add_number (builder, "kpi", e->weights[0] / 10000.0);
  attain_json_add_number (builder, "mbo", e->weights[1] / 10000.0);
  attain_json_add_number (builder, "feedback", e->weights[2] / 10000.0);
  json_builder_end_object (builder);
  attain_json_add_number (builder, "weight_present", e->weight_present / 10000.0);
  attain_json_add_number (builder, "composite", e->composite);
  json_builder_set_member_name (builder, "rating");
  if (e->rating != NULL)
    json_builder_add_string_value (builder, e->rating);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "scorecard");
  if (e->scorecard != NULL)
    json_builder_add_string_value (builder, e->scorecard);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "mbo_objectives");
  json_builder_begin_array (builder);
  for (guint i = 0; e->mbo_items != NULL && i < e->mbo_items->len; i++)
    {
      const AttainMboItem *item = &g_array_index (e->mbo_items, AttainMboItem, i);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "metric");
      json_builder_add_string_value (builder, item->metric);
      attain_json_add_number (builder, "weight", item->weight / 10000.0);
      attain_json_add_number (builder, "attainment", item->attainment);
      json_builder_set_member_name (builder, "rating");
      if (item->rating > 0)
        json_builder_add_int_value (builder, item->rating);
      else
        json_builder_add_null_value (builder);
      attain_json_add_number (builder, "score", item->score);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static const char *bands[] = { "S", "A", "B", "C", "D" };

const char *
attain_cycle_state_label (const char *state)
{
  if (g_strcmp0 (state, "self") == 0)
    return _ ("self-assessment written");
  if (g_strcmp0 (state, "supervisor") == 0)
    return _ ("rated by the supervisor");
  if (g_strcmp0 (state, "calibration") == 0)
    return _ ("calibrated");
  if (g_strcmp0 (state, "interview") == 0)
    return _ ("interview held");
  if (g_strcmp0 (state, "signed") == 0)
    return _ ("signed off");
  return _ ("draft");
}

typedef struct
{
  char *band;
  char *reason;
  char *actor;
  char *at;
} LatestCalibration;

static void
latest_calibration_clear (LatestCalibration *c)
{
  g_clear_pointer (&c->band, g_free);
  g_clear_pointer (&c->reason, g_free);
  g_clear_pointer (&c->actor, g_free);
  g_clear_pointer (&c->at, g_free);
}

static gboolean
latest_calibration (AttainDb *db, gint64 cycle_id, gint64 person_id, LatestCalibration *out)
{
  sqlite3_stmt *stmt
      = attain_db_prepare (db,
                           "SELECT to_band, reason, actor, at FROM calibrations WHERE "
                           "cycle_id = ?1 AND person_id = ?2 ORDER BY id DESC LIMIT 1",
                           NULL);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cycle_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      out->band = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      out->reason = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      out->actor = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      out->at = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      found = TRUE;
    }
  sqlite3_reset (stmt);
  return found;
}

/* The latest appeal against the member's review of the cycle's period, for HR: its outcome and
 * the day it was decided. */
static void
add_latest_appeal (AttainDb    *db,
                   JsonBuilder *builder,
                   gint64       cycle_id,
                   gint64       person_id,
                   const GDate *today)
{
  g_autofree char *today_iso = attain_date_to_iso (today);
  sqlite3_stmt    *stmt = attain_db_prepare (
         db,
         "SELECT a.outcome, a.decided_on, a.lodged_on, a.deadline, a.reason, a.handler, a.id, "
            "a.outcome = 'open' AND a.deadline < ?3 FROM appeals a JOIN reviews r ON r.id = "
            "a.review_id JOIN review_cycles c ON c.id = ?1 WHERE r.person_id = ?2 AND r.period_start = "
            "c.period_start AND r.period_end = c.period_end ORDER BY a.id DESC LIMIT 1",
         NULL);

  json_builder_set_member_name (builder, "appeal");
  if (stmt == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  sqlite3_bind_int64 (stmt, 1, cycle_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_text (stmt, 3, today_iso, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      for (int column = 0; column < 6; column++)
        {
          json_builder_set_member_name (builder, sqlite3_column_name (stmt, column));
          if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
            json_builder_add_null_value (builder);
          else
            json_builder_add_string_value (builder,
                                           (const char *) sqlite3_column_text (stmt, column));
        }
      attain_json_add_number (builder, "id", (double) sqlite3_column_int64 (stmt, 6));
      /* Open past its deadline: the cycle page flags it. */
      json_builder_set_member_name (builder, "overdue");
      json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, 7));
      json_builder_end_object (builder);
    }
  sqlite3_reset (stmt);
}

/* The bands' counts against the guideline: the top bands (S and A) at most top_max percent of
 * the people rated, the bottom ones (C and D) at least bottom_min percent. */
static void
add_distribution (AttainDb *db, JsonBuilder *builder, const guint counts[5])
{
  guint  total = 0;
  double top, bottom;
  int    top_max = attain_db_get_setting_int (db, "calibration_top_max", 30);
  int    bottom_min = attain_db_get_setting_int (db, "calibration_bottom_min", 10);

  for (guint b = 0; b < 5; b++)
    total += counts[b];
  top = total > 0 ? (double) (counts[0] + counts[1]) / total : NAN;
  bottom = total > 0 ? (double) (counts[3] + counts[4]) / total : NAN;
  json_builder_set_member_name (builder, "distribution");
  json_builder_begin_object (builder);
  for (guint b = 0; b < 5; b++)
    attain_json_add_number (builder, bands[b], counts[b]);
  attain_json_add_number (builder, "top_share", top);
  attain_json_add_number (builder, "bottom_share", bottom);
  attain_json_add_number (builder, "top_max", top_max / 100.0);
  attain_json_add_number (builder, "bottom_min", bottom_min / 100.0);
  json_builder_set_member_name (builder, "within_guideline");
  json_builder_add_boolean_value (builder, total > 0 && top <= top_max / 100.0 + 1e-9
                                               && bottom >= bottom_min / 100.0 - 1e-9);
  json_builder_end_object (builder);
}

const char *
attain_cycle_scores_rating (JsonNode *scores, gint64 person_id)
{
  JsonArray *people;

  if (scores == NULL)
    return NULL;
  people = json_object_get_array_member (json_node_get_object (scores), "people");
  for (guint i = 0; people != NULL && i < json_array_get_length (people); i++)
    {
      JsonObject *p = json_array_get_object_element (people, i);
      if ((gint64) attain_json_get_number (p, "person") == person_id)
        return attain_json_get_string (p, "rating");
    }
  return NULL;
}

char *
attain_cycle_guideline_text (JsonObject *distribution)
{
  g_autofree char *top = attain_format_percent (attain_json_get_number (distribution, "top_share"));
  g_autofree char *bottom
      = attain_format_percent (attain_json_get_number (distribution, "bottom_share"));
  g_autofree char *top_max
      = attain_format_percent (attain_json_get_number (distribution, "top_max"));
  g_autofree char *bottom_min
      = attain_format_percent (attain_json_get_number (distribution, "bottom_min"));

  /* Translators: the distribution against the calibration guideline */
  return g_strdup_printf (
      json_object_get_boolean_member (distribution, "within_guideline")
          ? _ ("S and A: %s (guideline at most %s) · C and D: %s (at least %s): within the "
               "guideline.")
          : _ ("S and A: %s (guideline at most %s) · C and D: %s (at least %s): outside the "
               "guideline; calibrate with a reason for each move."),
      top, top_max, bottom, bottom_min);
}

/* Moves a member's band in calibration: never without a reason; the move is kept, with the band
 * before it, who and when. */
gboolean
attain_cycle_calibrate (AttainDb   *db,
                        gint64      cycle_id,
                        gint64      person_id,
                        const char *to_band,
                        const char *reason,
                        const char *from_band,
                        GError    **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (reason ? reason : ""));
  sqlite3_stmt    *stmt;
  gboolean         valid = FALSE;

  for (guint b = 0; b < G_N_ELEMENTS (bands); b++)
    valid |= g_strcmp0 (to_band, bands[b]) == 0;
  if (!valid)
    {
      g_set_error (error, ATTAIN_CYCLE_ERROR, ATTAIN_CYCLE_ERROR_INVALID,
                   _ ("“%s” is not a rating. Use S, A, B, C or D."), to_band ? to_band : "");
      return FALSE;
    }
  if (trimmed[0] == '\0')
    {
      g_set_error (error, ATTAIN_CYCLE_ERROR, ATTAIN_CYCLE_ERROR_INVALID,
                   _ ("A calibration move needs its reason: say why this rating changes."));
      return FALSE;
    }
  stmt = attain_db_prepare (db,
                            "INSERT INTO calibrations (cycle_id, person_id, from_band, to_band, "
                            "reason, actor) SELECT m.cycle_id, m.person_id, ?3, ?4, ?5, ?6 FROM "
                            "cycle_members m WHERE m.cycle_id = ?1 AND m.person_id = ?2",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cycle_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  if (from_band != NULL)
    sqlite3_bind_text (stmt, 3, from_band, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 4, to_band, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, trimmed, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, g_get_user_name (), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return attain_db_set_error (db, error, _ ("Saving the calibration"));
    }
  sqlite3_reset (stmt);
  if (attain_db_changes (db) != 1)
    {
      g_set_error (error, ATTAIN_CYCLE_ERROR, ATTAIN_CYCLE_ERROR_INVALID,
                   _ ("That person is not in this review cycle: nothing was calibrated."));
      return FALSE;
    }
  return TRUE;
}

/* Every member's lines, parts, composite and rating, from the same code as the review form. */
JsonNode *
attain_cycle_scores_to_json (AttainDb *db, gint64 cycle_id, const GDate *today, GError **error)
{
  g_autofree char *today_iso = attain_date_to_iso (today);
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (GPtrArray) cycles = attain_cycle_list (db, error);
  AttainCycle  *cycle = NULL;
  sqlite3_stmt *stmt;
  int           rc;
  guint         counts[5] = { 0 };

  if (cycles == NULL)
    return NULL;
  for (guint i = 0; i < cycles->len; i++)
    if (((AttainCycle *) g_ptr_array_index (cycles, i))->id == cycle_id)
      cycle = g_ptr_array_index (cycles, i);
  if (cycle == NULL)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, cycle_id);
      g_set_error (error, ATTAIN_CYCLE_ERROR, ATTAIN_CYCLE_ERROR_NOT_FOUND,
                   _ ("There is no review cycle %s. `attain-cli cycle list` shows them."), number);
      return NULL;
    }

  json_builder_begin_object (builder);
  attain_json_add_number (builder, "cycle", (double) cycle->id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, cycle->name);
  {
    g_autofree char *period = attain_period_to_string (&cycle->period);
    json_builder_set_member_name (builder, "period");
    json_builder_add_string_value (builder, period);
  }
  json_builder_set_member_name (builder, "due_on");
  if (cycle->due_on != NULL)
    json_builder_add_string_value (builder, cycle->due_on);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "people");
  json_builder_begin_array (builder);
  stmt = attain_db_prepare (db,
                            "SELECT m.person_id, p.name, p.employee_no, " MEMBER_STATE_SQL
                            ", u.name, c.due_on < ?2 AND " MEMBER_STATE_SQL
                            " <> 'signed' FROM cycle_members m JOIN review_cycles c ON c.id = "
                            "m.cycle_id JOIN people p ON p.id = m.person_id JOIN org_units u ON "
                            "u.id = p.unit_id WHERE m.cycle_id = ?1 "
                            "ORDER BY p.unit_id, p.id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cycle_id);
  sqlite3_bind_text (stmt, 2, today_iso, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64      person_id = sqlite3_column_int64 (stmt, 0);
      AttainScope scope = { ATTAIN_SCOPE_PERSON, person_id };
      g_autoptr (AttainMetrics) metrics = NULL;
      g_autoptr (GArray) lines = NULL;
      AttainEvaluation evaluation;

      json_builder_begin_object (builder);
      attain_json_add_number (builder, "person", (double) person_id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 1));
      json_builder_set_member_name (builder, "employee_no");
      if (sqlite3_column_type (stmt, 2) == SQLITE_NULL)
        json_builder_add_null_value (builder);
      else
        json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 2));
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 3));
      json_builder_set_member_name (builder, "team");
      json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 4));
      /* Not signed off and the cycle's due day has passed. */
      json_builder_set_member_name (builder, "late");
      json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, 5));

      metrics = attain_metrics_compute_for_scoring (db, &scope, &cycle->period, today, error);
      if (metrics == NULL
          || !attain_review_evaluate (db, person_id, &cycle->period, metrics, &lines, &evaluation,
                                      error))
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      json_builder_set_member_name (builder, "lines");
      json_builder_begin_array (builder);
      for (guint i = 0; i < lines->len; i++)
        {
          const AttainReviewLine  *line = &g_array_index (lines, AttainReviewLine, i);
          const AttainMetricValue *v = &metrics->values[line->metric];
          g_autofree char         *formula = attain_review_line_formula (line, metrics);
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "metric");
          json_builder_add_string_value (builder, attain_metric_info (line->metric)->key);
          attain_json_add_number (builder, "weight", line->weight / 10000.0);
          json_builder_set_member_name (builder, "rule");
          json_builder_add_string_value (builder, attain_rule_kind_to_string (line->rule.kind));
          attain_json_add_number (builder, "target", v->target);
          attain_json_add_number (builder, "actual", v->value);
          attain_json_add_number (builder, "attainment", v->attainment);
          attain_json_add_number (builder, "score", line->score);
          json_builder_set_member_name (builder, "formula");
          json_builder_add_string_value (builder, formula);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      add_evaluation (builder, &evaluation);
      {
        /* Calibration moves the band; the computed one stays beside it, with the reason. */
        LatestCalibration calibration = { 0 };
        const char       *effective = evaluation.rating;
        if (latest_calibration (db, cycle_id, person_id, &calibration))
          {
            effective = calibration.band;
            json_builder_set_member_name (builder, "rating_computed");
            if (evaluation.rating != NULL)
              json_builder_add_string_value (builder, evaluation.rating);
            else
              json_builder_add_null_value (builder);
            json_builder_set_member_name (builder, "rating");
            json_builder_add_string_value (builder, calibration.band);
            json_builder_set_member_name (builder, "calibration_reason");
            json_builder_add_string_value (builder, calibration.reason);
            json_builder_set_member_name (builder, "calibrated_by");
            json_builder_add_string_value (builder, calibration.actor);
            json_builder_set_member_name (builder, "calibrated_at");
            json_builder_add_string_value (builder, calibration.at);
          }
        for (guint b = 0; effective != NULL && b < G_N_ELEMENTS (bands); b++)
          if (g_str_equal (effective, bands[b]))
            counts[b]++;
        latest_calibration_clear (&calibration);
      }
      add_latest_appeal (db, builder, cycle_id, person_id, today);
      attain_evaluation_clear (&evaluation);
      {
        AttainFeedbackResult feedback;
        if (attain_feedback_result (db, cycle_id, person_id, &feedback, NULL))
          {
            json_builder_set_member_name (builder, "feedback_detail");
            attain_feedback_result_to_json (&feedback, builder);
            attain_feedback_result_clear (&feedback);
          }
      }
      json_builder_end_object (builder);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Reading the review cycle"));
      return NULL;
    }
  json_builder_end_array (builder);
  add_distribution (db, builder, counts);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-review-sheet.h"

#include "attain-rating-grid.h"
#include "attain-self-assessment.h"

#include <string.h>

#include <math.h>

#include "attain-json.h"
#include "attain-loader.h"

void
attain_review_sheet_free (AttainReviewSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_free (sheet->company);
  g_free (sheet->team);
  g_clear_pointer (&sheet->dashboard, attain_dashboard_free);
  g_clear_pointer (&sheet->review, attain_review_free);
  g_clear_pointer (&sheet->previous, attain_review_free);
  g_clear_pointer (&sheet->lines, g_array_unref);
  g_clear_pointer (&sheet->next_goals, g_ptr_array_unref);
  g_clear_pointer (&sheet->capabilities, g_array_unref);
  g_clear_pointer (&sheet->training, g_array_unref);
  attain_evaluation_clear (&sheet->evaluation);
  attain_feedback_result_clear (&sheet->feedback);
  g_free (sheet);
}

/* Reading never creates: a period without a review gives a sheet with an empty form. */
/* A signed-off review shows and prints the figures of its sign-off; it says when today's data
 * would give other results (an import or a goal edit since). */
static void
use_signed_figures (AttainDb *db, AttainReviewSheet *sheet)
{
  sqlite3_stmt *stmt
      = attain_db_prepare (db, "SELECT figures FROM review_snapshots WHERE review_id = ?1", NULL);
  g_autofree char *figures = NULL;
  double           live_composite = sheet->evaluation.composite, live_kpi = sheet->weighted_score;
  double           live[ATTAIN_N_METRICS][2];

  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, sheet->review->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    figures = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (figures == NULL)
    return;
  for (guint m = 0; m < ATTAIN_N_METRICS; m++)
    {
      live[m][0] = sheet->dashboard->metrics->values[m].value;
      live[m][1] = sheet->dashboard->metrics->values[m].target;
    }
  if (!attain_review_sheet_apply_figures (sheet, figures))
    return;
  sheet->from_sign_off = TRUE;
#define DIFFER(a, b) (isnan (a) != isnan (b) || (!isnan (a) && fabs ((a) - (b)) > 1e-6))
  sheet->changed_since_sign_off = DIFFER (live_composite, sheet->evaluation.composite)
                                  || DIFFER (live_kpi, sheet->weighted_score);
  for (guint i = 0; i < sheet->lines->len; i++)
    {
      AttainMetricId           m = g_array_index (sheet->lines, AttainReviewLine, i).metric;
      const AttainMetricValue *v = &sheet->dashboard->metrics->values[m];
      sheet->changed_since_sign_off
          |= DIFFER (live[m][0], v->value) || DIFFER (live[m][1], v->target);
    }
#undef DIFFER
}

/* Self beside supervisor for each capability either of them rated. */
static GArray *
capability_pairs (AttainDb *db, gint64 person_id, const AttainPeriod *period, AttainReview *review)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (AttainCapabilityPair));
  g_autoptr (GPtrArray) metrics = attain_capability_metrics ();
  g_autoptr (GHashTable) supervisor = attain_capability_ratings (db, period, NULL);
  g_autoptr (GHashTable) self = review ? attain_self_ratings (db, review->id, NULL) : NULL;

  for (guint i = 0; i < metrics->len; i++)
    {
      const AttainGoalMetric *info = g_ptr_array_index (metrics, i);
      g_autofree char     *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", person_id, info->key);
      AttainCapabilityPair pair = { info->key, info->label, 0, 0 };

      pair.self = self ? GPOINTER_TO_INT (g_hash_table_lookup (self, info->key)) : 0;
      pair.supervisor = supervisor ? GPOINTER_TO_INT (g_hash_table_lookup (supervisor, key)) : 0;
      if (pair.self > 0 || pair.supervisor > 0)
        g_array_append_val (out, pair);
    }
  return out;
}

/* The position the person held at the period's end, from their dated history: a report of a
 * past period keeps the title of then, not today's after a promotion. */
static gboolean
position_in_period (AttainDb *db, AttainReviewSheet *sheet)
{
  sqlite3_stmt *stmt = attain_db_prepare (
      db,
      "SELECT pos.name FROM person_positions h JOIN positions pos ON pos.id = h.position_id WHERE "
      "h.person_id = ?1 AND h.from_date <= ?2 ORDER BY h.from_date DESC LIMIT 1",
      NULL);
  g_autofree char *last_iso = NULL;
  GDate            first, last;

  if (stmt == NULL)
    return FALSE;
  attain_period_bounds (&sheet->period, &first, &last);
  last_iso = attain_date_to_iso (&last);
  sqlite3_bind_int64 (stmt, 1, sheet->person_id);
  sqlite3_bind_text (stmt, 2, last_iso, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_free (sheet->dashboard->scope_kind);
      sheet->dashboard->scope_kind = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_reset (stmt);
  return TRUE;
}

AttainReviewSheet *
attain_review_sheet_load (AttainDb           *db,
                          gint64              person_id,
                          const AttainPeriod *period,
                          const GDate        *today,
                          GError            **error)
{
  g_autoptr (AttainReviewSheet) sheet = g_new0 (AttainReviewSheet, 1);
  AttainScope  scope = { ATTAIN_SCOPE_PERSON, person_id };
  AttainPeriod last = attain_period_shift (period, -1);
  GError      *local_error = NULL;

  g_return_val_if_fail (db != NULL && period != NULL && today != NULL, NULL);

  sheet->person_id = person_id;
  sheet->period = *period;
  sheet->today = *today;
  sheet->weighted_score = NAN;
  sheet->company = attain_db_get_setting (db, "company_name", "");
  sheet->dashboard = attain_dashboard_load (db, &scope, period, today, error);
  if (sheet->dashboard == NULL)
    return NULL;
  if (!attain_org_describe (db, &sheet->dashboard->parent, &sheet->team, NULL, NULL, NULL, error))
    return NULL;
  sheet->review = attain_review_find (db, person_id, period, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  sheet->previous = attain_review_find (db, person_id, &last, NULL);
  if (!attain_review_evaluate (db, person_id, period, sheet->dashboard->metrics, &sheet->lines,
                               &sheet->evaluation, error))
    return NULL;
  sheet->weighted_score = sheet->evaluation.kpi;
  sheet->training = attain_training_for_person (db, person_id, period, error);
  if (sheet->training == NULL)
    return NULL;
  if (!position_in_period (db, sheet))
    return NULL;
  if (!attain_feedback_result_for (db, person_id, period, &sheet->feedback))
    memset (&sheet->feedback, 0, sizeof sheet->feedback);
  for (guint i = 0; i < sheet->lines->len; i++)
    sheet->total_weight += g_array_index (sheet->lines, AttainReviewLine, i).weight;
  if (sheet->review != NULL && attain_review_is_locked (sheet->review))
    use_signed_figures (db, sheet);
  if (sheet->review != NULL)
    sheet->next_goals = attain_review_next_goals (db, sheet->review, NULL);
  if (sheet->next_goals == NULL)
    sheet->next_goals = g_ptr_array_new ();
  sheet->capabilities = capability_pairs (db, person_id, period, sheet->review);
  return g_steal_pointer (&sheet);
}

gboolean
attain_review_sheet_is_locked (const AttainReviewSheet *sheet)
{
  return sheet != NULL && sheet->review != NULL && attain_review_is_locked (sheet->review);
}

typedef struct
{
  gint64       person_id;
  AttainPeriod period;
  GDate        today;
} SheetRequest;

static gpointer
load_sheet (AttainDb *db, gpointer data, GCancellable *cancellable, GError **error)
{
  SheetRequest *request = data;
  return attain_review_sheet_load (db, request->person_id, &request->period, &request->today,
                                   error);
}

void
attain_review_sheet_load_async (const char         *path,
                                gint64              person_id,
                                const AttainPeriod *period,
                                const GDate        *today,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  SheetRequest *request = g_new0 (SheetRequest, 1);

  request->person_id = person_id;
  request->period = *period;
  request->today = *today;
  attain_load_async (path, load_sheet, request, g_free, (GDestroyNotify) attain_review_sheet_free,
                     attain_review_sheet_load_async, cancellable, callback, user_data);
}

AttainReviewSheet *
attain_review_sheet_load_finish (GAsyncResult *result, GError **error)
{
  return attain_load_finish (result, attain_review_sheet_load_async, error);
}

/* What the signed report printed, as JSON (NAN as null): the sheet's figures, not its texts
 * (the review's own text is locked in its row). */
static void
add_numbers (JsonBuilder *b, const char *name, const double *values, guint n)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    if (isnan (values[i]) || isinf (values[i]))
      json_builder_add_null_value (b);
    else
      json_builder_add_double_value (b, values[i]);
  json_builder_end_array (b);
}

static void
add_string (JsonBuilder *b, const char *name, const char *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

char *
attain_review_sheet_figures_to_json (const AttainReviewSheet *sheet)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  const AttainMetrics    *metrics = sheet->dashboard->metrics;
  const AttainTrendData  *trend = sheet->dashboard->trend;
  const AttainFunnelData *funnel = sheet->dashboard->funnel;
  const AttainEvaluation *e = &sheet->evaluation;

  json_builder_begin_object (b);
  attain_json_add_number (b, "version", 1);
  add_string (b, "name", sheet->dashboard->scope_name);
  add_string (b, "position", sheet->dashboard->scope_kind);
  add_string (b, "team", sheet->team);
  add_string (b, "company", sheet->company);
  json_builder_set_member_name (b, "metrics");
  json_builder_begin_array (b);
  for (guint m = 0; m < ATTAIN_N_METRICS; m++)
    {
      const AttainMetricValue *v = &metrics->values[m];
      const double values[] = { v->value, v->target, v->attainment, v->variance, (double) v->pace };
      json_builder_begin_object (b);
      add_numbers (b, "v", values, G_N_ELEMENTS (values));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (trend != NULL)
    {
      json_builder_set_member_name (b, "trend");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "labels");
      json_builder_begin_array (b);
      for (guint i = 0; i < trend->n_points; i++)
        json_builder_add_string_value (b, trend->labels[i]);
      json_builder_end_array (b);
      add_numbers (b, "actual", trend->actual, trend->n_points);
      add_numbers (b, "target", trend->target, trend->n_points);
      add_numbers (b, "previous", trend->previous, trend->n_points);
      attain_json_add_number (b, "period_first", trend->period_first);
      attain_json_add_number (b, "period_last", trend->period_last);
      attain_json_add_number (b, "partial_index", trend->partial_index);
      add_string (b, "partial_label", trend->partial_label);
      json_builder_end_object (b);
    }
  if (funnel != NULL)
    {
      json_builder_set_member_name (b, "funnel");
      json_builder_begin_array (b);
      for (guint i = 0; i < funnel->n_stages; i++)
        {
          const AttainFunnelStage *st = &funnel->stages[i];
          const double             values[] = { (double) st->count,      st->amount,
                                                st->conversion,          st->mean_days,
                                                (double) st->open_count, st->open_amount,
                                                st->weighted_amount,     (double) st->advanced };
          json_builder_begin_object (b);
          add_string (b, "name", st->name);
          add_numbers (b, "v", values, G_N_ELEMENTS (values));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  json_builder_set_member_name (b, "lines");
  json_builder_begin_array (b);
  for (guint i = 0; i < sheet->lines->len; i++)
    {
      const AttainReviewLine *line = &g_array_index (sheet->lines, AttainReviewLine, i);
      const double            values[]
          = { line->weight,        line->rule.kind,      line->rule.cap,        line->rule.floor,
              line->rule.band_low, line->rule.band_high, line->rule.band_slope, line->score };
      json_builder_begin_object (b);
      add_string (b, "metric", attain_metric_info (line->metric)->key);
      add_numbers (b, "v", values, G_N_ELEMENTS (values));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  {
    const double values[] = { e->kpi,
                              e->mbo,
                              e->feedback,
                              e->weights[0],
                              e->weights[1],
                              e->weights[2],
                              e->weight_present,
                              e->composite,
                              sheet->weighted_score,
                              sheet->total_weight };
    add_numbers (b, "evaluation", values, G_N_ELEMENTS (values));
    add_string (b, "scorecard", e->scorecard);
    add_string (b, "rating", e->rating);
  }
  json_builder_set_member_name (b, "mbo");
  json_builder_begin_array (b);
  for (guint i = 0; e->mbo_items != NULL && i < e->mbo_items->len; i++)
    {
      const AttainMboItem *item = &g_array_index (e->mbo_items, AttainMboItem, i);
      const double         values[] = { item->weight, item->attainment, item->rating, item->score };
      json_builder_begin_object (b);
      add_string (b, "metric", item->metric);
      add_numbers (b, "v", values, G_N_ELEMENTS (values));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "feedback");
  attain_feedback_result_to_json (&sheet->feedback, b);
  json_builder_set_member_name (b, "training");
  json_builder_begin_array (b);
  for (guint i = 0; sheet->training != NULL && i < sheet->training->len; i++)
    {
      const AttainTrainingRecord *record
          = &g_array_index (sheet->training, AttainTrainingRecord, i);
      json_builder_begin_object (b);
      attain_json_add_number (b, "plan", (double) record->plan_id);
      add_string (b, "topic", record->topic);
      add_string (b, "course", record->course);
      add_string (b, "starts_on", record->starts_on);
      add_string (b, "ends_on", record->ends_on);
      add_string (b, "status", attain_training_status_to_string (record->status));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

static double
number_at (JsonArray *array, guint i)
{
  JsonNode *node = i < json_array_get_length (array) ? json_array_get_element (array, i) : NULL;
  return node == NULL || JSON_NODE_HOLDS_NULL (node) ? NAN : json_node_get_double (node);
}

static char *
string_member (JsonObject *o, const char *name)
{
  JsonNode *node = json_object_get_member (o, name);
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? g_strdup (json_node_get_string (node))
                                                      : NULL;
}

static const char *
static_rating (const char *band)
{
  static const char *bands[] = { "S", "A", "B", "C", "D" };
  for (guint i = 0; band != NULL && i < G_N_ELEMENTS (bands); i++)
    if (g_str_equal (band, bands[i]))
      return bands[i];
  return NULL;
}

/* Puts the figures a signed report printed back into @sheet. FALSE (sheet untouched) when the
 * text is not a snapshot this version reads. */
gboolean
attain_review_sheet_apply_figures (AttainReviewSheet *sheet, const char *json)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject      *root, *feedback;
  JsonArray       *metrics, *lines, *evaluation;
  AttainDashboard *d = sheet->dashboard;

  if (!json_parser_load_from_data (parser, json, -1, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return FALSE;
  root = json_node_get_object (json_parser_get_root (parser));
  if (!json_object_has_member (root, "metrics") || !json_object_has_member (root, "lines"))
    return FALSE;
  metrics = json_object_get_array_member (root, "metrics");
  for (guint m = 0; m < ATTAIN_N_METRICS && m < json_array_get_length (metrics); m++)
    {
      JsonArray *v = json_object_get_array_member (json_array_get_object_element (metrics, m), "v");
      AttainMetricValue *value = &d->metrics->values[m];
      value->value = number_at (v, 0);
      value->target = number_at (v, 1);
      value->attainment = number_at (v, 2);
      value->variance = number_at (v, 3);
      value->pace = isnan (number_at (v, 4)) ? ATTAIN_PACE_NONE : (AttainPace) number_at (v, 4);
    }
  g_free (d->scope_name);
  d->scope_name = string_member (root, "name");
  g_free (d->scope_kind);
  d->scope_kind = string_member (root, "position");
  g_free (sheet->team);
  sheet->team = string_member (root, "team");
  g_free (sheet->company);
  sheet->company = string_member (root, "company");
  if (json_object_has_member (root, "trend") && d->trend != NULL)
    {
      JsonObject *t = json_object_get_object_member (root, "trend");
      JsonArray  *labels = json_object_get_array_member (t, "labels");
      guint       n = json_array_get_length (labels);
      g_autoptr (AttainTrendData) trend = attain_trend_data_new (n);
      for (guint i = 0; i < n; i++)
        {
          trend->labels[i] = g_strdup (json_array_get_string_element (labels, i));
          trend->actual[i] = number_at (json_object_get_array_member (t, "actual"), i);
          trend->target[i] = number_at (json_object_get_array_member (t, "target"), i);
          trend->previous[i] = number_at (json_object_get_array_member (t, "previous"), i);
        }
      trend->period_first = (int) json_object_get_double_member (t, "period_first");
      trend->period_last = (int) json_object_get_double_member (t, "period_last");
      trend->partial_index = (int) json_object_get_double_member (t, "partial_index");
      trend->partial_label = string_member (t, "partial_label");
      trend->actual_label = g_strdup (d->trend->actual_label);
      trend->target_label = g_strdup (d->trend->target_label);
      trend->previous_label = g_strdup (d->trend->previous_label);
      trend->kind = d->trend->kind;
      trend->currency = g_strdup (d->trend->currency);
      trend->style = d->trend->style;
      attain_trend_data_free (d->trend);
      d->trend = g_steal_pointer (&trend);
    }
  if (json_object_has_member (root, "funnel") && d->funnel != NULL)
    {
      JsonArray *stages = json_object_get_array_member (root, "funnel");
      guint      n = json_array_get_length (stages);
      g_autoptr (AttainFunnelData) funnel = attain_funnel_data_new (n);
      for (guint i = 0; i < n; i++)
        {
          JsonObject        *o = json_array_get_object_element (stages, i);
          JsonArray         *v = json_object_get_array_member (o, "v");
          AttainFunnelStage *st = &funnel->stages[i];
          st->name = string_member (o, "name");
          st->count = (gint64) number_at (v, 0);
          st->amount = number_at (v, 1);
          st->conversion = number_at (v, 2);
          st->mean_days = number_at (v, 3);
          st->open_count = (gint64) number_at (v, 4);
          st->open_amount = number_at (v, 5);
          st->weighted_amount = number_at (v, 6);
          st->advanced = (gint64) number_at (v, 7);
        }
      funnel->currency = g_strdup (d->funnel->currency);
      funnel->style = d->funnel->style;
      attain_funnel_data_free (d->funnel);
      d->funnel = g_steal_pointer (&funnel);
    }
  lines = json_object_get_array_member (root, "lines");
  g_array_set_size (sheet->lines, 0);
  for (guint i = 0; i < json_array_get_length (lines); i++)
    {
      JsonObject             *o = json_array_get_object_element (lines, i);
      JsonArray              *v = json_object_get_array_member (o, "v");
      g_autofree char        *key = string_member (o, "metric");
      const AttainGoalMetric *info = attain_goal_metric_lookup (key);
      AttainReviewLine        line = { 0 };
      if (info == NULL || !attain_metric_from_key (key, &line.metric))
        continue;
      line.label = info->label;
      line.weight = (int) number_at (v, 0);
      line.rule.kind = (AttainRuleKind) number_at (v, 1);
      line.rule.cap = (int) number_at (v, 2);
      line.rule.floor = (int) number_at (v, 3);
      line.rule.band_low = (int) number_at (v, 4);
      line.rule.band_high = (int) number_at (v, 5);
      line.rule.band_slope = (int) number_at (v, 6);
      line.score = number_at (v, 7);
      g_array_append_val (sheet->lines, line);
    }
  evaluation = json_object_get_array_member (root, "evaluation");
  attain_evaluation_clear (&sheet->evaluation);
  sheet->evaluation.kpi = number_at (evaluation, 0);
  sheet->evaluation.mbo = number_at (evaluation, 1);
  sheet->evaluation.feedback = number_at (evaluation, 2);
  for (guint i = 0; i < 3; i++)
    sheet->evaluation.weights[i] = (int) number_at (evaluation, 3 + i);
  sheet->evaluation.weight_present = (int) number_at (evaluation, 6);
  sheet->evaluation.composite = number_at (evaluation, 7);
  sheet->weighted_score = number_at (evaluation, 8);
  sheet->total_weight = (int) number_at (evaluation, 9);
  sheet->evaluation.scorecard = string_member (root, "scorecard");
  /* Snapshots signed before the MBO part had objectives have none. */
  if (json_object_has_member (root, "mbo"))
    {
      JsonArray *mbo = json_object_get_array_member (root, "mbo");
      for (guint i = 0; mbo != NULL && i < json_array_get_length (mbo); i++)
        {
          JsonObject             *o = json_array_get_object_element (mbo, i);
          g_autofree char        *key = string_member (o, "metric");
          const AttainGoalMetric *info = key != NULL ? attain_goal_metric_lookup (key) : NULL;
          JsonArray              *v;
          AttainMboItem           item;
          if (info == NULL || !json_object_has_member (o, "v"))
            continue;
          v = json_object_get_array_member (o, "v");
          item.metric = info->key;
          item.weight = (int) number_at (v, 0);
          item.attainment = number_at (v, 1);
          item.rating = (int) number_at (v, 2);
          item.score = number_at (v, 3);
          if (sheet->evaluation.mbo_items == NULL)
            sheet->evaluation.mbo_items = g_array_new (FALSE, FALSE, sizeof (AttainMboItem));
          g_array_append_val (sheet->evaluation.mbo_items, item);
        }
    }
  {
    g_autofree char *band = string_member (root, "rating");
    sheet->evaluation.rating = static_rating (band);
  }
  /* The courses as they stood at sign-off (snapshots from before training plans keep today's). */
  if (json_object_has_member (root, "training") && sheet->training != NULL)
    {
      JsonArray *training = json_object_get_array_member (root, "training");
      g_array_set_size (sheet->training, 0);
      for (guint i = 0; training != NULL && i < json_array_get_length (training); i++)
        {
          JsonObject          *o = json_array_get_object_element (training, i);
          g_autofree char     *status = string_member (o, "status");
          AttainTrainingRecord record = { 0 };
          record.plan_id = (gint64) json_object_get_double_member (o, "plan");
          record.topic = string_member (o, "topic");
          record.course = string_member (o, "course");
          record.starts_on = string_member (o, "starts_on");
          record.ends_on = string_member (o, "ends_on");
          attain_training_status_from_string (status, &record.status);
          g_array_append_val (sheet->training, record);
        }
    }
  feedback = json_object_get_object_member (root, "feedback");
  if (feedback != NULL)
    {
      JsonArray *groups = json_object_get_array_member (feedback, "groups");
      JsonArray *comments = json_object_get_array_member (feedback, "comments");
      attain_feedback_result_clear (&sheet->feedback);
      memset (&sheet->feedback, 0, sizeof sheet->feedback);
      sheet->feedback.released = json_object_get_boolean_member (feedback, "released");
      sheet->feedback.score = json_object_get_null_member (feedback, "score")
                                  ? NAN
                                  : json_object_get_double_member (feedback, "score");
      sheet->feedback.renormalised = json_object_get_boolean_member (feedback, "renormalised");
      sheet->feedback.comments = g_ptr_array_new_with_free_func (g_free);
      for (guint t = 0; t < ATTAIN_N_RATER_TYPES; t++)
        for (guint dim = 0; dim < ATTAIN_FEEDBACK_N_DIMENSIONS; dim++)
          sheet->feedback.groups[t].means[dim] = NAN;
      for (guint i = 0; groups != NULL && i < json_array_get_length (groups); i++)
        {
          JsonObject     *g = json_array_get_object_element (groups, i);
          AttainRaterType type;
          if (!attain_rater_type_parse (json_object_get_string_member (g, "type"), &type))
            continue;
          sheet->feedback.groups[type].shown = TRUE;
          sheet->feedback.groups[type].n_answers
              = (guint) json_object_get_double_member (g, "answers");
          for (guint dim = 0; dim < ATTAIN_FEEDBACK_N_DIMENSIONS; dim++)
            {
              JsonNode *node = json_object_get_member (g, attain_feedback_dimension_key (dim));
              sheet->feedback.groups[type].means[dim]
                  = node == NULL || JSON_NODE_HOLDS_NULL (node) ? NAN : json_node_get_double (node);
            }
        }
      for (guint i = 0; comments != NULL && i < json_array_get_length (comments); i++)
        g_ptr_array_add (sheet->feedback.comments,
                         g_strdup (json_array_get_string_element (comments, i)));
    }
  return TRUE;
}

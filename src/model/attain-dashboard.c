/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-dashboard.h"

#include "attain-results.h"

#include "attain-gettext.h"

#include "attain-json.h"
#include "attain-loader.h"
#include <string.h>

const AttainMetricId attain_dashboard_cards[ATTAIN_DASHBOARD_N_CARDS] = {
  ATTAIN_METRIC_REVENUE,       ATTAIN_METRIC_COLLECTION_RATE, ATTAIN_METRIC_GROSS_MARGIN,
  ATTAIN_METRIC_NEW_CUSTOMERS, ATTAIN_METRIC_WEIGHTED_VISITS, ATTAIN_METRIC_NPS,
  ATTAIN_METRIC_LEAD_TO_WON,
};

static void
ranking_row_free (AttainRankingRow *row)
{
  g_free (row->name);
  g_free (row->detail);
  g_free (row);
}

void
attain_dashboard_free (AttainDashboard *dashboard)
{
  if (dashboard == NULL)
    return;
  g_free (dashboard->scope_name);
  g_free (dashboard->scope_kind);
  g_free (dashboard->period_label);
  g_clear_pointer (&dashboard->metrics, attain_metrics_free);
  g_clear_pointer (&dashboard->trend, attain_trend_data_free);
  g_clear_pointer (&dashboard->funnel, attain_funnel_data_free);
  g_clear_pointer (&dashboard->ranking, g_ptr_array_unref);
  g_free (dashboard->recognition);
  g_free (dashboard);
}

static gboolean
fill_month_values (AttainDb          *db,
                   const char        *sql,
                   const AttainScope *scope,
                   int                first_month,
                   double            *values,
                   guint              n_values,
                   GError           **error)
{
  sqlite3_stmt *stmt = attain_db_prepare (db, sql, error);
  int           rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, scope->kind);
  sqlite3_bind_int64 (stmt, 2, scope->id);
  sqlite3_bind_int (stmt, 3, first_month);
  sqlite3_bind_int (stmt, 4, attain_month_add (first_month, n_values - 1));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int month = sqlite3_column_int (stmt, 0);
      for (guint i = 0; i < n_values; i++)
        if (attain_month_add (first_month, i) == month)
          values[i] = sqlite3_column_double (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return attain_db_set_error (db, error, _ ("Reading the monthly figures"));
  return TRUE;
}

static AttainTrendData *
load_trend (AttainDb           *db,
            const AttainScope  *scope,
            const AttainPeriod *period,
            const GDate        *today,
            const char         *currency,
            GError            **error)
{
  AttainPeriod year = attain_period_fiscal_year (period);
  int          first = attain_period_first_month (&year);
  int          this_month = attain_month_from_date (today);
  g_autoptr (AttainTrendData) trend = attain_trend_data_new (12);
  static const char *series_sql
      = "SELECT month, won_amount FROM month_stats WHERE scope_kind = ?1 AND scope_id = ?2 "
        "AND month BETWEEN ?3 AND ?4";
  static const char *targets_sql
      = "SELECT month, target FROM month_goals WHERE scope_kind = ?1 AND scope_id = ?2 "
        "AND metric = 'revenue' AND month BETWEEN ?3 AND ?4";

  trend->kind = ATTAIN_VALUE_MONEY;
  trend->currency = g_strdup (currency);
  trend->style = attain_number_style_default ();
  trend->actual_label = g_strdup (_ ("Revenue"));
  trend->target_label = g_strdup (_ ("Target"));
  trend->previous_label = g_strdup (_ ("Last year"));

  for (guint i = 0; i < 12; i++)
    {
      int month = attain_month_add (first, i);
      /* Translators: short month label on the trend chart's x axis, %d is 1-12 */
      trend->labels[i] = g_strdup_printf (C_ ("chart month", "%d"), month % 100);
      trend->previous[i] = 0;
      if (month <= this_month)
        trend->actual[i] = 0;
    }

  if (!fill_month_values (db, series_sql, scope, first, trend->actual, 12, error)
      || !fill_month_values (db, series_sql, scope, attain_month_add (first, -12), trend->previous,
                             12, error)
      || !fill_month_values (db, targets_sql, scope, first, trend->target, 12, error))
    return NULL;

  /* Months after today have no actual yet: a zero would draw a false collapse. */
  for (guint i = 0; i < 12; i++)
    if (attain_month_add (first, i) > this_month)
      trend->actual[i] = NAN;

  /* The period looked at is shaded within its year; today's month holds only the days gone
   * by, and its column says so rather than reading as a month's collapse. */
  for (guint i = 0; i < 12; i++)
    {
      int month = attain_month_add (first, i);
      if (month >= attain_period_first_month (period) && month <= attain_period_last_month (period))
        {
          if (trend->period_first < 0)
            trend->period_first = (int) i;
          trend->period_last = (int) i;
        }
      if (month == this_month
          && g_date_get_day (today)
                 < g_date_get_days_in_month (g_date_get_month (today), g_date_get_year (today)))
        trend->partial_index = (int) i;
    }
  if (period->kind == ATTAIN_PERIOD_YEAR)
    trend->period_first = trend->period_last = -1;
  if (trend->partial_index >= 0)
    {
      /* Translators: trend legend for the running month, %d is today's day of the month */
      trend->partial_label
          = g_strdup_printf (_ ("This month to day %d"), (int) g_date_get_day (today));
    }

  return g_steal_pointer (&trend);
}

static AttainFunnelData *
load_funnel (AttainDb           *db,
             const AttainScope  *scope,
             const AttainPeriod *period,
             const char         *currency,
             GError            **error)
{
  static const char *sql
      = "SELECT st.position, st.key, st.name, f.reached, f.amount, f.days, "
        "  o.open_count, o.open_amount, o.weighted_amount, "
        "  (SELECT SUM (advanced_count) FROM month_funnel_cohort WHERE scope_kind = ?1 "
        "   AND scope_id = ?2 AND month BETWEEN ?3 AND ?4 AND stage_position = st.position "
        "   AND to_month <= ?4) FROM stages st "
        "LEFT JOIN (SELECT stage_position, SUM (reached_count) AS reached, "
        "  SUM (reached_amount) AS amount, SUM (days_to_reach) AS days FROM month_funnel "
        "  WHERE scope_kind = ?1 AND scope_id = ?2 AND month BETWEEN ?3 AND ?4 "
        "  GROUP BY stage_position) f ON f.stage_position = st.position "
        "LEFT JOIN open_pipeline o ON o.scope_kind = ?1 AND o.scope_id = ?2 "
        "  AND o.stage_position = st.position "
        "ORDER BY st.position";
  g_autoptr (GArray) stages = g_array_new (FALSE, TRUE, sizeof (AttainFunnelStage));
  g_autoptr (AttainFunnelData) funnel = NULL;
  sqlite3_stmt *stmt = attain_db_prepare (db, sql, error);
  int           rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, scope->kind);
  sqlite3_bind_int64 (stmt, 2, scope->id);
  sqlite3_bind_int (stmt, 3, attain_period_first_month (period));
  sqlite3_bind_int (stmt, 4, attain_period_last_month (period));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AttainFunnelStage stage = { 0 };
      stage.name = g_strdup (attain_stage_label ((const char *) sqlite3_column_text (stmt, 1),
                                                 (const char *) sqlite3_column_text (stmt, 2)));
      stage.count = sqlite3_column_int64 (stmt, 3);
      stage.amount = sqlite3_column_double (stmt, 4);
      stage.mean_days = attain_ratio (sqlite3_column_double (stmt, 5), stage.count);
      stage.open_count = sqlite3_column_int64 (stmt, 6);
      stage.open_amount = sqlite3_column_double (stmt, 7);
      stage.weighted_amount = sqlite3_column_double (stmt, 8);
      stage.advanced = sqlite3_column_int64 (stmt, 9);
      stage.conversion = NAN;
      /* Of the deals that entered the stage before in the period, the share that went on to
       * this stage or any later one by the period's end. */
      if (stages->len > 0)
        {
          const AttainFunnelStage *before
              = &g_array_index (stages, AttainFunnelStage, stages->len - 1);
          stage.conversion = attain_ratio (before->advanced, before->count);
        }
      g_array_append_val (stages, stage);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      for (guint i = 0; i < stages->len; i++)
        g_free (g_array_index (stages, AttainFunnelStage, i).name);
      attain_db_set_error (db, error, _ ("Reading the funnel"));
      return NULL;
    }

  funnel = attain_funnel_data_new (stages->len);
  memcpy (funnel->stages, stages->data, stages->len * sizeof (AttainFunnelStage));
  funnel->currency = g_strdup (currency);
  funnel->style = attain_number_style_default ();
  return g_steal_pointer (&funnel);
}

static int
compare_ranking (gconstpointer a, gconstpointer b)
{
  const AttainRankingRow *ra = *(AttainRankingRow **) a;
  const AttainRankingRow *rb = *(AttainRankingRow **) b;
  double                  va = isnan (ra->attainment) ? -1.0 : ra->attainment;
  double                  vb = isnan (rb->attainment) ? -1.0 : rb->attainment;

  if (va != vb)
    return va < vb ? 1 : -1;
  if (ra->actual != rb->actual)
    return ra->actual < rb->actual ? 1 : -1;
  return g_strcmp0 (ra->name, rb->name);
}

/* Revenue, revenue target for each child unit (or each person of a team) in one pass each,
 * never one query per row. */
static GPtrArray *
load_ranking (AttainDb           *db,
              gint64              unit_id,
              gint64              self_person,
              const AttainPeriod *period,
              double              elapsed,
              double              tolerance,
              GError            **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ranking_row_free);
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  gboolean      people = FALSE;
  int           rc;

  /* Units closed before the period (a team that moved on) are not in its ranking. */
  stmt = attain_db_prepare (db,
                            "SELECT id, name, kind FROM org_units WHERE parent_id = ?1 "
                            "AND (closed_month IS NULL OR closed_month >= ?2) ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_int (stmt, 2, attain_period_first_month (period));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AttainRankingRow *row = g_new0 (AttainRankingRow, 1);
      row->scope = (AttainScope){ ATTAIN_SCOPE_UNIT, sqlite3_column_int64 (stmt, 0) };
      row->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row->detail
          = g_strdup (attain_unit_kind_label ((const char *) sqlite3_column_text (stmt, 2)));
      row->target = NAN;
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Reading the ranking"));
      return NULL;
    }

  if (rows->len == 0)
    {
      people = TRUE;
      /* The team's members in the period: who was in it then (a person who moved later still
       * ranks in their old team's past quarters), and who had not left before it began. */
      stmt = attain_db_prepare (db,
                                "SELECT DISTINCT p.id, p.name, pos.key, pos.name FROM people p "
                                "JOIN positions pos ON pos.id = p.position_id "
                                "JOIN person_units pu ON pu.person_id = p.id AND pu.unit_id = ?1 "
                                "AND pu.from_month <= ?3 AND pu.to_month >= ?2 "
                                "WHERE p.active OR p.left_on >= ?4 ORDER BY p.id",
                                error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, unit_id);
      sqlite3_bind_int (stmt, 2, attain_period_first_month (period));
      sqlite3_bind_int (stmt, 3, attain_period_last_month (period));
      {
        GDate            first, last;
        g_autofree char *start = NULL;
        attain_period_bounds (period, &first, &last);
        start = attain_date_to_iso (&first);
        sqlite3_bind_text (stmt, 4, start, -1, SQLITE_TRANSIENT);
      }
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          AttainRankingRow *row = g_new0 (AttainRankingRow, 1);
          row->scope = (AttainScope){ ATTAIN_SCOPE_PERSON, sqlite3_column_int64 (stmt, 0) };
          row->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          row->detail
              = g_strdup (attain_position_label ((const char *) sqlite3_column_text (stmt, 2),
                                                 (const char *) sqlite3_column_text (stmt, 3)));
          row->target = NAN;
          row->is_self = row->scope.id == self_person;
          g_ptr_array_add (rows, row);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          attain_db_set_error (db, error, _ ("Reading the ranking"));
          return NULL;
        }
    }

  for (guint i = 0; i < rows->len; i++)
    {
      AttainRankingRow *row = g_ptr_array_index (rows, i);
      g_hash_table_insert (by_id, &row->scope.id, row);
    }

  for (int pass = 0; pass < 2; pass++)
    {
      static const char *unit_sql[2] = {
        "SELECT u.id, SUM (s.won_amount) FROM org_units u JOIN month_stats s "
        "ON s.scope_kind = 0 AND s.scope_id = u.id "
        "WHERE u.parent_id = ?1 AND s.month BETWEEN ?2 AND ?3 GROUP BY u.id",
        "SELECT u.id, SUM (g.target) FROM org_units u JOIN month_goals g "
        "ON g.scope_kind = 0 AND g.scope_id = u.id AND g.metric = 'revenue' "
        "WHERE u.parent_id = ?1 AND g.month BETWEEN ?2 AND ?3 GROUP BY u.id",
      };
      static const char *people_sql[2] = {
        /* Only the months they were in this team count for it. */
        "SELECT pu.person_id, SUM (s.won_amount) FROM person_units pu JOIN month_stats s "
        "ON s.scope_kind = 1 AND s.scope_id = pu.person_id AND s.month BETWEEN pu.from_month AND "
        "pu.to_month "
        "WHERE pu.unit_id = ?1 AND s.month BETWEEN ?2 AND ?3 GROUP BY pu.person_id",
        "SELECT pu.person_id, SUM (g.target) FROM person_units pu JOIN month_goals g "
        "ON g.scope_kind = 1 AND g.scope_id = pu.person_id AND g.metric = 'revenue' "
        "AND g.month BETWEEN pu.from_month AND pu.to_month "
        "WHERE pu.unit_id = ?1 AND g.month BETWEEN ?2 AND ?3 GROUP BY pu.person_id",
      };

      stmt = attain_db_prepare (db, people ? people_sql[pass] : unit_sql[pass], error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, unit_id);
      sqlite3_bind_int (stmt, 2, attain_period_first_month (period));
      sqlite3_bind_int (stmt, 3, attain_period_last_month (period));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64            id = sqlite3_column_int64 (stmt, 0);
          AttainRankingRow *row = g_hash_table_lookup (by_id, &id);
          if (row == NULL)
            continue;
          if (pass == 0)
            row->actual = sqlite3_column_double (stmt, 1);
          else
            row->target = sqlite3_column_double (stmt, 1);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          attain_db_set_error (db, error, _ ("Reading the ranking"));
          return NULL;
        }
    }

  for (guint i = 0; i < rows->len; i++)
    {
      AttainRankingRow *row = g_ptr_array_index (rows, i);
      row->attainment = attain_attainment (row->actual, row->target, FALSE);
      row->pace = attain_pace_cumulative (row->attainment, elapsed, tolerance);
    }
  g_ptr_array_sort (rows, compare_ranking);
  return g_steal_pointer (&rows);
}

AttainDashboard *
attain_dashboard_load (AttainDb           *db,
                       const AttainScope  *scope,
                       const AttainPeriod *period,
                       const GDate        *today,
                       GError            **error)
{
  g_autoptr (AttainDashboard) dashboard = g_new0 (AttainDashboard, 1);
  double tolerance;
  gint64 ranking_unit;

  g_return_val_if_fail (db != NULL && scope != NULL && period != NULL && today != NULL, NULL);

  dashboard->scope = *scope;
  if (!attain_org_describe (db, scope, &dashboard->scope_name, &dashboard->scope_kind,
                            &dashboard->parent, &dashboard->has_parent, error))
    return NULL;
  dashboard->period_label = attain_period_to_label (period);

  dashboard->metrics = attain_metrics_compute (db, scope, period, today, error);
  if (dashboard->metrics == NULL)
    return NULL;

  dashboard->trend = load_trend (db, scope, period, today, dashboard->metrics->currency, error);
  if (dashboard->trend == NULL)
    return NULL;
  dashboard->funnel = load_funnel (db, scope, period, dashboard->metrics->currency, error);
  if (dashboard->funnel == NULL)
    return NULL;

  /* A person has no children: rank them among their team, themselves marked. */
  tolerance = attain_db_get_setting_int (db, "pace_tolerance_percent", 5) / 100.0;
  dashboard->ranking_is_peers = scope->kind == ATTAIN_SCOPE_PERSON;
  ranking_unit = dashboard->ranking_is_peers ? dashboard->parent.id : scope->id;
  dashboard->ranking = load_ranking (db, ranking_unit, dashboard->ranking_is_peers ? scope->id : 0,
                                     period, dashboard->metrics->elapsed, tolerance, error);
  if (dashboard->ranking == NULL)
    return NULL;
  dashboard->recognition = attain_recognition_current (
      db, scope, scope->kind == ATTAIN_SCOPE_PERSON ? 0 : scope->id, error);
  if (dashboard->recognition == NULL)
    return NULL;

  return g_steal_pointer (&dashboard);
}

static void
add_scope (JsonBuilder *builder, const char *name, const AttainScope *scope)
{
  g_autofree char *text = attain_scope_to_string (scope);

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, text);
}

static void
add_metric_value (JsonBuilder *builder, AttainMetricId metric, const AttainMetricValue *v)
{
  const AttainMetricInfo *info = attain_metric_info (metric);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "metric");
  json_builder_add_string_value (builder, info->key);
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, _ (info->label));
  attain_json_add_number (builder, "value", v->value);
  attain_json_add_number (builder, "target", v->target);
  /* A score's share of its target means nothing (NPS can be negative): its distance instead. */
  attain_json_add_number (builder, "attainment",
                          attain_metric_target_in_points (info) ? NAN : v->attainment);
  attain_json_add_number (builder, "variance", v->variance);
  attain_json_add_number (builder, "last_year", v->previous);
  attain_json_add_number (builder, "change", v->change);
  attain_json_add_number (builder, "period_before", v->before);
  attain_json_add_number (builder, "change_before", v->change_before);
  /* "points": change is a difference (0.05 = 5 points for a rate); "relative": growth. */
  json_builder_set_member_name (builder, "change_unit");
  json_builder_add_string_value (builder,
                                 attain_metric_change_in_points (info) ? "points" : "relative");
  json_builder_set_member_name (builder, "pace");
  json_builder_add_string_value (builder, attain_pace_to_string (v->pace));
  json_builder_end_object (builder);
}

static void
add_metrics_members (JsonBuilder *builder, const AttainMetrics *metrics)
{
  g_autofree char *period = attain_period_to_string (&metrics->period);

  add_scope (builder, "scope", &metrics->scope);
  json_builder_set_member_name (builder, "period");
  json_builder_add_string_value (builder, period);
  json_builder_set_member_name (builder, "currency");
  json_builder_add_string_value (builder, metrics->currency);
  attain_json_add_number (builder, "elapsed", metrics->elapsed);
}

JsonNode *
attain_metrics_to_json (const AttainMetrics *metrics)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_metrics_members (builder, metrics);
  json_builder_set_member_name (builder, "metrics");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ATTAIN_N_METRICS; i++)
    add_metric_value (builder, i, &metrics->values[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
attain_dashboard_to_json (const AttainDashboard *dashboard)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  const AttainTrendData *trend = dashboard->trend;

  json_builder_begin_object (builder);
  add_metrics_members (builder, dashboard->metrics);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, dashboard->scope_name);
  json_builder_set_member_name (builder, "period_label");
  json_builder_add_string_value (builder, dashboard->period_label);
  json_builder_set_member_name (builder, "recognition");
  json_builder_add_string_value (builder, dashboard->recognition);
  if (dashboard->has_parent)
    add_scope (builder, "parent", &dashboard->parent);

  json_builder_set_member_name (builder, "cards");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ATTAIN_DASHBOARD_N_CARDS; i++)
    add_metric_value (builder, attain_dashboard_cards[i],
                      &dashboard->metrics->values[attain_dashboard_cards[i]]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "trend");
  json_builder_begin_array (builder);
  for (guint i = 0; i < trend->n_points; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, trend->labels[i]);
      attain_json_add_number (builder, "actual", trend->actual[i]);
      attain_json_add_number (builder, "target", trend->target[i]);
      attain_json_add_number (builder, "last_year", trend->previous[i]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "funnel");
  json_builder_begin_array (builder);
  for (guint i = 0; i < dashboard->funnel->n_stages; i++)
    {
      const AttainFunnelStage *stage = &dashboard->funnel->stages[i];
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "stage");
      json_builder_add_string_value (builder, stage->name);
      json_builder_set_member_name (builder, "count");
      json_builder_add_int_value (builder, stage->count);
      attain_json_add_number (builder, "amount", stage->amount);
      attain_json_add_number (builder, "conversion", stage->conversion);
      attain_json_add_number (builder, "mean_days", stage->mean_days);
      /* Today's pipeline at this stage, whatever the period. */
      json_builder_set_member_name (builder, "open_count");
      json_builder_add_int_value (builder, stage->open_count);
      attain_json_add_number (builder, "open_amount", stage->open_amount);
      attain_json_add_number (builder, "weighted_open_amount", stage->weighted_amount);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "ranking");
  json_builder_begin_array (builder);
  for (guint i = 0; i < dashboard->ranking->len; i++)
    {
      const AttainRankingRow *row = g_ptr_array_index (dashboard->ranking, i);
      json_builder_begin_object (builder);
      add_scope (builder, "scope", &row->scope);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, row->name);
      attain_json_add_number (builder, "actual", row->actual);
      attain_json_add_number (builder, "target", row->target);
      attain_json_add_number (builder, "attainment", row->attainment);
      json_builder_set_member_name (builder, "pace");
      json_builder_add_string_value (builder, attain_pace_to_string (row->pace));
      json_builder_set_member_name (builder, "is_self");
      json_builder_add_boolean_value (builder, row->is_self);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

typedef struct
{
  AttainScope  scope;
  AttainPeriod period;
  GDate        today;
} DashboardRequest;

static gpointer
load_dashboard (AttainDb *db, gpointer data, GCancellable *cancellable, GError **error)
{
  DashboardRequest *request = data;
  return attain_dashboard_load (db, &request->scope, &request->period, &request->today, error);
}

/* The dashboard of @scope in @period, loaded on a worker from the file at @path. */
void
attain_dashboard_load_async (const char         *path,
                             const AttainScope  *scope,
                             const AttainPeriod *period,
                             const GDate        *today,
                             GCancellable       *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer            user_data)
{
  DashboardRequest *request = g_new0 (DashboardRequest, 1);

  request->scope = *scope;
  request->period = *period;
  request->today = *today;
  attain_load_async (path, load_dashboard, request, g_free, (GDestroyNotify) attain_dashboard_free,
                     attain_dashboard_load_async, cancellable, callback, user_data);
}

AttainDashboard *
attain_dashboard_load_finish (GAsyncResult *result, GError **error)
{
  return attain_load_finish (result, attain_dashboard_load_async, error);
}

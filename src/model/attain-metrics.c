/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-metrics.h"
#include "attain-rollup.h"

#include "attain-gettext.h"
#include <string.h>

static const AttainMetricInfo metric_infos[ATTAIN_N_METRICS] = {
  [ATTAIN_METRIC_REVENUE] = { "revenue", N_ ("Revenue"), ATTAIN_VALUE_MONEY, TRUE, FALSE, 1 },
  [ATTAIN_METRIC_GROSS_PROFIT]
  = { "gross_profit", N_ ("Gross profit"), ATTAIN_VALUE_MONEY, TRUE, FALSE, 1 },
  [ATTAIN_METRIC_GROSS_MARGIN]
  = { "gross_margin", N_ ("Order gross margin"), ATTAIN_VALUE_RATE, FALSE, FALSE, 10000 },
  [ATTAIN_METRIC_COLLECTIONS]
  = { "collections", N_ ("Collections"), ATTAIN_VALUE_MONEY, TRUE, FALSE, 1 },
  [ATTAIN_METRIC_COLLECTION_RATE]
  = { "collection_rate", N_ ("Collection rate"), ATTAIN_VALUE_RATE, FALSE, FALSE, 10000 },
  [ATTAIN_METRIC_DEALS_WON] = { "deals_won", N_ ("Deals won"), ATTAIN_VALUE_COUNT, TRUE, FALSE, 1 },
  [ATTAIN_METRIC_AVERAGE_DEAL_SIZE]
  = { "average_deal_size", N_ ("Average deal size"), ATTAIN_VALUE_MONEY, FALSE, FALSE, 1 },
  [ATTAIN_METRIC_NEW_CUSTOMERS]
  = { "new_customers", N_ ("New customers signed"), ATTAIN_VALUE_COUNT, TRUE, FALSE, 1 },
  [ATTAIN_METRIC_NEW_LEADS] = { "new_leads", N_ ("New leads"), ATTAIN_VALUE_COUNT, TRUE, FALSE, 1 },
  [ATTAIN_METRIC_LEAD_TO_WON]
  = { "lead_to_won", N_ ("Lead-to-won conversion"), ATTAIN_VALUE_RATE, FALSE, FALSE, 10000 },
  [ATTAIN_METRIC_SALES_CYCLE]
  = { "sales_cycle", N_ ("Sales cycle"), ATTAIN_VALUE_DAYS, FALSE, TRUE, 1 },
  [ATTAIN_METRIC_PIPELINE]
  = { "pipeline", N_ ("Open pipeline"), ATTAIN_VALUE_MONEY, FALSE, FALSE, 1 },
  [ATTAIN_METRIC_WEIGHTED_PIPELINE]
  = { "weighted_pipeline", N_ ("Weighted pipeline"), ATTAIN_VALUE_MONEY, FALSE, FALSE, 1 },
  [ATTAIN_METRIC_VISITS] = { "visits", N_ ("Visits"), ATTAIN_VALUE_COUNT, TRUE, FALSE, 1 },
  [ATTAIN_METRIC_WEIGHTED_VISITS]
  = { "weighted_visits", N_ ("Tier-weighted visits"), ATTAIN_VALUE_COUNT, TRUE, FALSE, 1 },
  [ATTAIN_METRIC_MARKET_SHARE]
  = { "market_share", N_ ("Market share"), ATTAIN_VALUE_RATE, FALSE, FALSE, 10000 },
  [ATTAIN_METRIC_NPS] = { "nps", N_ ("NPS"), ATTAIN_VALUE_SCORE, FALSE, FALSE, 100 },
  [ATTAIN_METRIC_SATISFACTION]
  = { "satisfaction", N_ ("Satisfaction (of 5)"), ATTAIN_VALUE_SCORE, FALSE, FALSE, 100 },
  [ATTAIN_METRIC_SATISFIED_SHARE]
  = { "satisfied_share", N_ ("Satisfied customers"), ATTAIN_VALUE_RATE, FALSE, FALSE, 10000 },
  [ATTAIN_METRIC_COMPLAINT_RATE]
  = { "complaint_rate", N_ ("Complaint rate"), ATTAIN_VALUE_RATE, FALSE, TRUE, 10000 },
  [ATTAIN_METRIC_RESOLUTION_DAYS]
  = { "resolution_days", N_ ("Complaint resolution time"), ATTAIN_VALUE_DAYS, FALSE, TRUE, 1 },
};

/* ?1 is the scope kind (0 unit, 1 person, as in AttainScopeKind), ?2 its id, ?3..?4 the months. */
#define STATS_SUMS                                                                                 \
  "SELECT SUM (won_amount), SUM (won_gross_profit), SUM (won_count), SUM (won_cycle_days), "       \
  "SUM (new_customers), SUM (collected), SUM (activities), SUM (visits), SUM (weighted_visits), "  \
  "SUM (surveys), TOTAL (satisfaction_sum), SUM (satisfaction_top), SUM (recommend_answers), "     \
  "SUM (promoters), SUM (detractors), SUM (complaints), SUM (complaints_resolved), "               \
  "SUM (resolution_days) "
static const char *stats_sql = STATS_SUMS
    "FROM month_stats WHERE scope_kind = ?1 AND scope_id = ?2 AND month BETWEEN ?3 AND ?4";
/* Lead-to-won is by cohort: of the leads that came in during the months, those won by the last
 * of them (a lead won later does not count for a closed period; it cannot exceed 100%). */
static const char *leads_sql
    = "SELECT (SELECT SUM (reached_count) FROM month_funnel WHERE scope_kind = ?1 AND scope_id = "
      "?2 AND month BETWEEN ?3 AND ?4 AND stage_position = 1), "
      "(SELECT SUM (won_count) FROM month_funnel_cohort WHERE scope_kind = ?1 AND scope_id = ?2 "
      "AND month BETWEEN ?3 AND ?4 AND stage_position = 1 AND to_month <= ?4)";
static const char *market_sql = "SELECT COUNT (*), SUM (m.amount) FROM org_closure c "
                                "JOIN market_size m ON m.unit_id = c.descendant_id "
                                "WHERE ?1 = 0 AND c.ancestor_id = ?2 AND m.month BETWEEN ?3 AND ?4";

const AttainMetricInfo *
attain_metric_info (AttainMetricId metric)
{
  g_return_val_if_fail (metric < ATTAIN_N_METRICS, NULL);
  return &metric_infos[metric];
}

gboolean
attain_metric_from_key (const char *key, AttainMetricId *out)
{
  for (guint i = 0; i < ATTAIN_N_METRICS; i++)
    if (g_strcmp0 (metric_infos[i].key, key) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

char *
attain_metric_format (const AttainMetrics *metrics, AttainMetricId metric, double value)
{
  return attain_format_value (metric_infos[metric].kind, value, metrics->currency,
                              attain_number_style_default ());
}

static gboolean
run_scoped (AttainDb          *db,
            const char        *sql,
            const AttainScope *scope,
            int                first_month,
            int                last_month,
            sqlite3_stmt     **out,
            GError           **error)
{
  sqlite3_stmt *stmt = attain_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, scope->kind);
  sqlite3_bind_int64 (stmt, 2, scope->id);
  sqlite3_bind_int (stmt, 3, first_month);
  sqlite3_bind_int (stmt, 4, last_month);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      attain_db_set_error (db, error, _ ("Reading the figures"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  *out = stmt;
  return TRUE;
}

static void read_stats_row (sqlite3_stmt *stmt, AttainStats *out);

gboolean
attain_stats_query (AttainDb          *db,
                    const AttainScope *scope,
                    int                first_month,
                    int                last_month,
                    AttainStats       *out,
                    GError           **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (db != NULL, FALSE);
  memset (out, 0, sizeof *out);

  if (!run_scoped (db, stats_sql, scope, first_month, last_month, &stmt, error))
    return FALSE;
  read_stats_row (stmt, out);
  sqlite3_reset (stmt);

  if (!run_scoped (db, leads_sql, scope, first_month, last_month, &stmt, error))
    return FALSE;
  out->leads = sqlite3_column_int64 (stmt, 0);
  out->leads_won = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);

  if (!run_scoped (db, market_sql, scope, first_month, last_month, &stmt, error))
    return FALSE;
  out->market_size = sqlite3_column_int64 (stmt, 0) > 0 ? sqlite3_column_int64 (stmt, 1) : -1;
  sqlite3_reset (stmt);
  return TRUE;
}

static void
read_stats_row (sqlite3_stmt *stmt, AttainStats *out)
{
  out->won_amount = sqlite3_column_int64 (stmt, 0);
  out->won_gross_profit = sqlite3_column_int64 (stmt, 1);
  out->won_count = sqlite3_column_int64 (stmt, 2);
  out->won_cycle_days = sqlite3_column_int64 (stmt, 3);
  out->new_customers = sqlite3_column_int64 (stmt, 4);
  out->collected = sqlite3_column_int64 (stmt, 5);
  out->activities = sqlite3_column_int64 (stmt, 6);
  out->visits = sqlite3_column_int64 (stmt, 7);
  out->weighted_visits = sqlite3_column_int64 (stmt, 8);
  out->surveys = sqlite3_column_int64 (stmt, 9);
  out->satisfaction_sum = sqlite3_column_double (stmt, 10);
  out->satisfaction_top = sqlite3_column_int64 (stmt, 11);
  out->recommend_answers = sqlite3_column_int64 (stmt, 12);
  out->promoters = sqlite3_column_int64 (stmt, 13);
  out->detractors = sqlite3_column_int64 (stmt, 14);
  out->complaints = sqlite3_column_int64 (stmt, 15);
  out->complaints_resolved = sqlite3_column_int64 (stmt, 16);
  out->resolution_days = sqlite3_column_int64 (stmt, 17);
}

static gboolean
query_pipeline (AttainDb          *db,
                const AttainScope *scope,
                double            *amount,
                double            *weighted,
                GError           **error)
{
  sqlite3_stmt *stmt;

  if (!run_scoped (db,
                   "SELECT TOTAL (open_amount), TOTAL (weighted_amount) FROM open_pipeline "
                   "WHERE scope_kind = ?1 AND scope_id = ?2 AND ?3 <= ?4",
                   scope, 0, 0, &stmt, error))
    return FALSE;
  *amount = sqlite3_column_double (stmt, 0);
  *weighted = sqlite3_column_double (stmt, 1);
  sqlite3_reset (stmt);
  return TRUE;
}

/* Exact sums over days @from..@to of one month: the raw rows of the people in the scope that
 * month, read by date (only this one partial month, so the reading stays small). */
static gboolean
query_days (AttainDb          *db,
            const AttainScope *scope,
            const GDate       *stretch_start,
            const GDate       *from,
            const GDate       *to,
            AttainStats       *out,
            GError           **error)
{
  g_autofree char *from_iso = attain_date_to_iso (from);
  g_autofree char *to_iso = attain_date_to_iso (to);
  g_autofree char *start_iso = attain_date_to_iso (stretch_start);
  sqlite3_stmt    *stmt;
  int              month = attain_month_from_date (from);
  gint64           n_people;

  memset (out, 0, sizeof *out);
  out->market_size = -1;
  if (!attain_db_exec (db,
                       "CREATE TEMP TABLE IF NOT EXISTS day_people (id INTEGER PRIMARY KEY);"
                       "DELETE FROM temp.day_people",
                       error))
    return FALSE;
  stmt = attain_db_prepare (
      db,
      "INSERT OR IGNORE INTO temp.day_people (id) SELECT ?2 WHERE ?1 = 1 UNION ALL "
      "SELECT pu.person_id FROM org_closure c JOIN person_units pu ON pu.unit_id = "
      "c.descendant_id AND ?3 BETWEEN pu.from_month AND pu.to_month "
      "WHERE ?1 = 0 AND c.ancestor_id = ?2",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, scope->kind);
  sqlite3_bind_int64 (stmt, 2, scope->id);
  sqlite3_bind_int (stmt, 3, month);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return attain_db_set_error (db, error, _ ("Reading the figures"));
    }
  sqlite3_reset (stmt);
  n_people = attain_db_changes (db);
  if (!attain_rollup_sum_days (db, from_iso, to_iso, error))
    return FALSE;

  stmt = attain_db_prepare (db, STATS_SUMS "FROM temp.day_stats", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return attain_db_set_error (db, error, _ ("Reading the figures"));
    }
  read_stats_row (stmt, out);
  sqlite3_reset (stmt);

  /* The leads of those days, and the deals won in those days that came in as leads from
   * @stretch_start on: added to the cohorts of the whole months before (counted up to the
   * month before), lead-to-won is of the stretch's leads, those won by its last day. */
#define LEADS_OF_DAYS                                                                              \
  "SELECT SUM (st.position = 1), SUM (st.position > 1 AND (SELECT h2.entered_on "                  \
  "  FROM deal_stage_history h2 JOIN stages s2 ON s2.id = h2.stage_id AND s2.position = 1 "        \
  "  WHERE h2.deal_id = h.deal_id) BETWEEN ?3 AND ?2) "
  /* A few people: from their deals (by owner); many: from the days' stage entries (by date). */
  stmt = attain_db_prepare (
      db,
      n_people <= 32
          ? LEADS_OF_DAYS "FROM temp.day_people p CROSS JOIN deals d ON d.owner_id = p.id "
                          "CROSS JOIN stages st CROSS JOIN deal_stage_history h "
                          "  ON h.deal_id = d.id AND h.stage_id = st.id "
                          "WHERE (st.position = 1 OR st.position = (SELECT MAX (position) FROM "
                          "stages)) AND h.entered_on BETWEEN ?1 AND ?2"
          : LEADS_OF_DAYS "FROM stages st JOIN deal_stage_history h ON h.stage_id = st.id "
                          "  AND h.entered_on BETWEEN ?1 AND ?2 JOIN deals d ON d.id = h.deal_id "
                          "WHERE (st.position = 1 OR st.position = (SELECT MAX (position) FROM "
                          "stages)) AND d.owner_id IN (SELECT id FROM temp.day_people)",
      error);
#undef LEADS_OF_DAYS
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from_iso, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to_iso, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, start_iso, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return attain_db_set_error (db, error, _ ("Reading the figures"));
    }
  out->leads = sqlite3_column_int64 (stmt, 0);
  out->leads_won = sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);
  return TRUE;
}

static void
add_stats (AttainStats *sum, const AttainStats *part)
{
#define ADD(field) sum->field += part->field
  ADD (won_amount);
  ADD (won_gross_profit);
  ADD (won_count);
  ADD (won_cycle_days);
  ADD (new_customers);
  ADD (collected);
  ADD (activities);
  ADD (visits);
  ADD (weighted_visits);
  ADD (surveys);
  ADD (satisfaction_sum);
  ADD (satisfaction_top);
  ADD (recommend_answers);
  ADD (promoters);
  ADD (detractors);
  ADD (complaints);
  ADD (complaints_resolved);
  ADD (resolution_days);
  ADD (leads);
  ADD (leads_won);
#undef ADD
}

/* The figures of @earlier (last year's period, or the one before) over the same stretch that
 * has passed of @period: its whole months before today's month, plus exactly the same days of
 * today's month (1 to today's day, or the month's last day when it is shorter). Comparing a
 * half-run quarter with a whole one would always read as a collapse. */
static gboolean
query_same_stretch (AttainDb           *db,
                    const AttainScope  *scope,
                    const AttainPeriod *period,
                    const AttainPeriod *earlier,
                    const GDate        *today,
                    AttainStats        *out,
                    GError            **error)
{
  int         first = attain_period_first_month (earlier);
  int         last = attain_period_last_month (earlier);
  int         offset, month;
  GDate       start, from, to;
  AttainStats partial;

  if (attain_period_elapsed_share (period, today) >= 1.0)
    return attain_stats_query (db, scope, first, last, out, error);

  offset = 0;
  while (attain_month_add (attain_period_first_month (period), offset)
         < attain_month_from_date (today))
    offset++;
  month = attain_month_add (first, offset);
  if (month > last)
    return attain_stats_query (db, scope, first, last, out, error);

  memset (out, 0, sizeof *out);
  out->market_size = -1;
  if (month > first
      && !attain_stats_query (db, scope, first, attain_month_add (month, -1), out, error))
    return FALSE;
  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, month % 100, month / 100);
  g_date_set_dmy (&to,
                  MIN (g_date_get_day (today), g_date_get_days_in_month (month % 100, month / 100)),
                  month % 100, month / 100);
  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 1, first % 100, first / 100);
  if (!query_days (db, scope, &start, &from, &to, &partial, error))
    return FALSE;
  add_stats (out, &partial);

  /* Market sizes are known by the month only: the month's share of its days. */
  {
    AttainStats whole;
    double      share
        = (double) g_date_get_day (&to) / g_date_get_days_in_month (month % 100, month / 100);
    if (!attain_stats_query (db, scope, month, month, &whole, error))
      return FALSE;
    if (whole.market_size >= 0)
      out->market_size = MAX (out->market_size, 0) + (gint64) llround (whole.market_size * share);
  }
  return TRUE;
}

void
attain_stats_to_values (const AttainStats *s, double v[ATTAIN_N_METRICS])
{
  v[ATTAIN_METRIC_REVENUE] = s->won_amount;
  v[ATTAIN_METRIC_GROSS_PROFIT] = s->won_gross_profit;
  v[ATTAIN_METRIC_GROSS_MARGIN] = attain_ratio (s->won_gross_profit, s->won_amount);
  v[ATTAIN_METRIC_COLLECTIONS] = s->collected;
  v[ATTAIN_METRIC_COLLECTION_RATE] = attain_ratio (s->collected, s->won_amount);
  v[ATTAIN_METRIC_DEALS_WON] = s->won_count;
  v[ATTAIN_METRIC_AVERAGE_DEAL_SIZE] = attain_ratio (s->won_amount, s->won_count);
  v[ATTAIN_METRIC_NEW_CUSTOMERS] = s->new_customers;
  v[ATTAIN_METRIC_NEW_LEADS] = s->leads;
  v[ATTAIN_METRIC_LEAD_TO_WON] = attain_ratio (s->leads_won, s->leads);
  v[ATTAIN_METRIC_SALES_CYCLE] = attain_ratio (s->won_cycle_days, s->won_count);
  /* Only today's open deals are kept; attain_metrics_compute fills these for running periods. */
  v[ATTAIN_METRIC_PIPELINE] = NAN;
  v[ATTAIN_METRIC_WEIGHTED_PIPELINE] = NAN;
  v[ATTAIN_METRIC_VISITS] = s->visits;
  v[ATTAIN_METRIC_WEIGHTED_VISITS] = s->weighted_visits;
  v[ATTAIN_METRIC_MARKET_SHARE]
      = s->market_size < 0 ? NAN : attain_ratio (s->won_amount, s->market_size);
  v[ATTAIN_METRIC_NPS] = attain_nps (s->promoters, s->detractors, s->recommend_answers);
  v[ATTAIN_METRIC_SATISFACTION] = attain_ratio (s->satisfaction_sum, s->surveys);
  v[ATTAIN_METRIC_SATISFIED_SHARE] = attain_ratio (s->satisfaction_top, s->surveys);
  v[ATTAIN_METRIC_COMPLAINT_RATE] = attain_ratio (s->complaints, s->activities);
  v[ATTAIN_METRIC_RESOLUTION_DAYS] = attain_ratio (s->resolution_days, s->complaints_resolved);
}

static gboolean
read_target_rows (AttainDb     *db,
                  sqlite3_stmt *stmt,
                  gboolean      sums,
                  gboolean      exact_only,
                  double        targets[ATTAIN_N_METRICS],
                  GError      **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AttainMetricId          metric;
      const AttainMetricInfo *info;

      if (!attain_metric_from_key ((const char *) sqlite3_column_text (stmt, 0), &metric))
        continue;
      info = &metric_infos[metric];
      if (!isnan (targets[metric]) || sqlite3_column_type (stmt, 1) == SQLITE_NULL)
        continue;
      /* Summed monthly goals only make sense for amounts and counts; a rate's goal is taken
       * from the nearest owner, and an amount's unit goal only when it covers exactly this
       * period (the director set "¥50M for this quarter", not a share of a year). */
      if (sums != info->cumulative)
        {
          if (!(info->cumulative && exact_only && sqlite3_column_int (stmt, 2)))
            continue;
        }
      targets[metric] = sqlite3_column_double (stmt, 1) / info->target_scale;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return attain_db_set_error (db, error, _ ("Reading the goals"));
  return TRUE;
}

gboolean
attain_targets_query (AttainDb           *db,
                      const AttainScope  *scope,
                      const AttainPeriod *period,
                      double              targets[ATTAIN_N_METRICS],
                      GError            **error)
{
  GDate            first, last;
  g_autofree char *first_iso = NULL;
  g_autofree char *last_iso = NULL;
  sqlite3_stmt    *stmt;
  gint64           unit_id = scope->id;

  for (guint i = 0; i < ATTAIN_N_METRICS; i++)
    targets[i] = NAN;

  attain_period_bounds (period, &first, &last);
  first_iso = attain_date_to_iso (&first);
  last_iso = attain_date_to_iso (&last);

  /* 1. Amounts and counts: the sum of the monthly goals of everyone in scope. */
  stmt = attain_db_prepare (db,
                            "SELECT metric, SUM (target), 0 FROM month_goals WHERE scope_kind = ?1 "
                            "AND scope_id = ?2 AND month BETWEEN ?3 AND ?4 GROUP BY metric",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, scope->kind);
  sqlite3_bind_int64 (stmt, 2, scope->id);
  sqlite3_bind_int (stmt, 3, attain_period_first_month (period));
  sqlite3_bind_int (stmt, 4, attain_period_last_month (period));
  if (!read_target_rows (db, stmt, TRUE, FALSE, targets, error))
    return FALSE;

  /* 2. The person's own goals covering the period, shortest first. */
  if (scope->kind == ATTAIN_SCOPE_PERSON)
    {
      stmt = attain_db_prepare (db,
                                "SELECT metric, target, period_start = ?2 AND period_end = ?3 "
                                "FROM goals WHERE owner_person_id = ?1 AND period_start <= ?2 "
                                "AND period_end >= ?3 "
                                "ORDER BY julianday (period_end) - julianday (period_start)",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, scope->id);
      sqlite3_bind_text (stmt, 2, first_iso, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, last_iso, -1, SQLITE_STATIC);
      if (!read_target_rows (db, stmt, FALSE, TRUE, targets, error))
        return FALSE;

      stmt = attain_db_prepare (db, "SELECT unit_id FROM people WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, scope->id);
      unit_id = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
      sqlite3_reset (stmt);
    }

  /* 3. Goals of the unit and then of each unit above it, nearest first. Only the scope's own
   *    unit may supply an exact-period amount goal. */
  stmt = attain_db_prepare (
      db,
      "SELECT g.metric, g.target, "
      "c.depth = 0 AND ?4 AND g.period_start = ?2 AND g.period_end = ?3 "
      "FROM org_closure c JOIN goals g ON g.owner_unit_id = c.ancestor_id "
      "WHERE c.descendant_id = ?1 AND g.period_start <= ?2 "
      "AND g.period_end >= ?3 "
      "ORDER BY c.depth, julianday (g.period_end) - julianday (g.period_start)",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_text (stmt, 2, first_iso, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, last_iso, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, scope->kind == ATTAIN_SCOPE_UNIT);
  return read_target_rows (db, stmt, FALSE, TRUE, targets, error);
}

/* Growth for amounts and counts, a difference in points for rates and scores. A period that has
 * not started has no stretch to compare with: no change, rather than "-100%". */
static double
compare (const AttainMetricInfo *info, double elapsed, double value, double earlier)
{
  if (elapsed <= 0.0 || isnan (earlier))
    return NAN;
  if (attain_metric_change_in_points (info))
    return value - earlier;
  return attain_growth (value, earlier);
}

gboolean
attain_metric_change_in_points (const AttainMetricInfo *info)
{
  return info->kind == ATTAIN_VALUE_RATE || info->kind == ATTAIN_VALUE_SCORE;
}

/* Scores (NPS runs from -100 to 100) are read as a distance to their target, never as a share
 * of it: an NPS of -5 against 40 is "-45 vs target", not "-12.5% attained". */
gboolean
attain_metric_target_in_points (const AttainMetricInfo *info)
{
  return info->kind == ATTAIN_VALUE_SCORE;
}

/* Every metric of @scope for @period; with @comparisons also last year's and the period
 * before's same stretch and the open pipeline, which a scorecard never reads. */
static AttainMetrics *
compute (AttainDb           *db,
         const AttainScope  *scope,
         const AttainPeriod *period,
         const GDate        *today,
         gboolean            comparisons,
         GError            **error)
{
  g_autoptr (AttainMetrics) metrics = g_new0 (AttainMetrics, 1);
  AttainPeriod last_year, before;
  double       current[ATTAIN_N_METRICS];
  double       previous[ATTAIN_N_METRICS];
  double       earlier[ATTAIN_N_METRICS];
  double       targets[ATTAIN_N_METRICS];
  double       tolerance;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (scope != NULL && period != NULL && today != NULL, NULL);

  metrics->scope = *scope;
  metrics->period = *period;
  last_year = attain_period_same_last_year (period);
  /* A year's period before is last year: one comparison is enough. */
  before = attain_period_shift (period, -1);
  metrics->elapsed = attain_period_elapsed_share (period, today);
  metrics->currency = attain_db_get_setting (db, "currency", "CNY");
  tolerance = attain_db_get_setting_int (db, "pace_tolerance_percent", 5) / 100.0;

  if (!attain_org_describe (db, scope, NULL, NULL, NULL, NULL, error)
      || !attain_stats_query (db, scope, attain_period_first_month (period),
                              attain_period_last_month (period), &metrics->current, error)
      || (comparisons
          && !query_same_stretch (db, scope, period, &last_year, today, &metrics->previous, error))
      || (comparisons && period->kind != ATTAIN_PERIOD_YEAR
          && !query_same_stretch (db, scope, period, &before, today, &metrics->before, error))
      || !attain_targets_query (db, scope, period, targets, error))
    return NULL;

  attain_stats_to_values (&metrics->current, current);
  attain_stats_to_values (&metrics->previous, previous);
  attain_stats_to_values (&metrics->before, earlier);

  for (guint i = 0; i < ATTAIN_N_METRICS; i++)
    {
      const AttainMetricInfo *info = &metric_infos[i];
      AttainMetricValue      *v = &metrics->values[i];

      v->value = current[i];
      v->target = targets[i];
      v->previous = previous[i];
      v->attainment = attain_attainment (v->value, v->target, info->lower_is_better);
      /* A period that has not started has no stretch to compare with last year's: no change,
       * rather than "-100%". */
      v->before = period->kind == ATTAIN_PERIOD_YEAR ? NAN : earlier[i];
      v->variance = v->value - v->target;
      v->change = compare (info, metrics->elapsed, v->value, v->previous);
      v->change_before = compare (info, metrics->elapsed, v->value, v->before);
      v->pace = info->cumulative
                    ? attain_pace_cumulative (v->attainment, metrics->elapsed, tolerance)
                    : attain_pace_rate (v->attainment, metrics->elapsed, tolerance);
    }

  if (!comparisons)
    for (guint i = 0; i < ATTAIN_N_METRICS; i++)
      {
        AttainMetricValue *v = &metrics->values[i];
        v->previous = v->before = v->change = v->change_before = NAN;
      }

  /* The open pipeline is what is open today: shown for periods not yet over, and never
   * compared with a last year that was not kept. */
  if (comparisons && metrics->elapsed < 1.0)
    {
      double amount, weighted;

      if (!query_pipeline (db, scope, &amount, &weighted, error))
        return NULL;
      metrics->values[ATTAIN_METRIC_PIPELINE].value = amount;
      metrics->values[ATTAIN_METRIC_WEIGHTED_PIPELINE].value = weighted;
    }

  return g_steal_pointer (&metrics);
}

AttainMetrics *
attain_metrics_compute (AttainDb           *db,
                        const AttainScope  *scope,
                        const AttainPeriod *period,
                        const GDate        *today,
                        GError            **error)
{
  return compute (db, scope, period, today, TRUE, error);
}

AttainMetrics *
attain_metrics_compute_for_scoring (AttainDb           *db,
                                    const AttainScope  *scope,
                                    const AttainPeriod *period,
                                    const GDate        *today,
                                    GError            **error)
{
  return compute (db, scope, period, today, FALSE, error);
}

void
attain_metrics_free (AttainMetrics *metrics)
{
  if (metrics == NULL)
    return;
  g_free (metrics->currency);
  g_free (metrics);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-rollup.h"

#include "attain-gettext.h"

#include <string.h>

/* Dashboards read month sums per person and per unit instead of the raw tables: at 1,000,000
 * deals and 5,000,000 activities a company quarter is 3 rows instead of millions. Every path
 * that writes deals, collections, activities, feedback or goals calls this inside its own
 * transaction, so readers never see raw rows without their sums. Person rows come from the raw
 * tables, unit rows from the person rows through the org closure. */

#define MONTH_OF(col)                                                                              \
  "(CAST (substr (" col ", 1, 4) AS INTEGER) * 100 + CAST (substr (" col ", 6, 2) AS INTEGER))"
#define DAYS_BETWEEN(a, b) "CAST (julianday (" b ") - julianday (" a ") AS INTEGER)"
#define STATS_COLUMNS                                                                              \
  "won_amount, won_gross_profit, won_count, won_cycle_days, new_customers, collected, "            \
  "activities, visits, weighted_visits, surveys, satisfaction_sum, satisfaction_top, "             \
  "recommend_answers, promoters, detractors, complaints, complaints_resolved, resolution_days"
#define SUM_STATS_COLUMNS                                                                          \
  "SUM (won_amount), SUM (won_gross_profit), SUM (won_count), SUM (won_cycle_days), "              \
  "SUM (new_customers), SUM (collected), SUM (activities), SUM (visits), SUM (weighted_visits), "  \
  "SUM (surveys), TOTAL (satisfaction_sum), SUM (satisfaction_top), SUM (recommend_answers), "     \
  "SUM (promoters), SUM (detractors), SUM (complaints), SUM (complaints_resolved), "               \
  "SUM (resolution_days)"
/* Every unit with each person somewhere below it (including the person's own team): for sums
 * by month, the team the person was in that month; for today's pipeline, the team they are in. */
#define PERSON_UNITS                                                                               \
  "JOIN person_units pu ON pu.person_id = r.scope_id AND r.month BETWEEN pu.from_month AND "       \
  "pu.to_month "                                                                                   \
  "JOIN org_closure c ON c.descendant_id = pu.unit_id "
#define PERSON_UNITS_NOW                                                                           \
  "JOIN people p ON p.id = r.scope_id JOIN org_closure c ON c.descendant_id = p.unit_id "

static const char *clear_sql[] = {
  /* A customer's first won deal is a new customer signed; a later import of an older deal can
   * move that first deal, so the flag is derived again with the sums. */
  "UPDATE deals SET new_customer = NOT new_customer WHERE customer_id @CUSTOMERS@ "
  "AND new_customer <> (id IN ("
  "  SELECT id FROM (SELECT id, row_number () OVER ("
  "    PARTITION BY customer_id ORDER BY closed_on, id) AS n "
  "  FROM deals WHERE status = 'won' AND customer_id @CUSTOMERS@) WHERE n = 1))",
  "DELETE FROM month_stats WHERE (scope_kind = 1 AND scope_id @PEOPLE@) OR (scope_kind = 0 AND "
  "scope_id @UNITS@)",
  "DELETE FROM month_funnel WHERE (scope_kind = 1 AND scope_id @PEOPLE@) OR (scope_kind = 0 AND "
  "scope_id @UNITS@)",
  "DELETE FROM month_funnel_cohort WHERE (scope_kind = 1 AND scope_id @PEOPLE@) OR (scope_kind = "
  "0 AND scope_id @UNITS@)",
  "DELETE FROM open_pipeline WHERE (scope_kind = 1 AND scope_id @PEOPLE@) OR (scope_kind = 0 AND "
  "scope_id @UNITS@)",
  "DELETE FROM month_goals WHERE (scope_kind = 1 AND scope_id @PEOPLE@) OR (scope_kind = 0 AND "
  "scope_id @UNITS@)",
};

/* Each person's month sums from the raw rows, in the months between @FROM@ and @TO@ (every month
 * for a rebuild). The same statements give exact sums over a few days of one month for the
 * comparison with last year's same stretch (attain_rollup_sum_days). */
static const char *person_stats_sql[] = {
  "INSERT INTO month_stats (scope_kind, scope_id, month, won_amount, won_gross_profit, won_count, "
  "  won_cycle_days, new_customers) "
  "SELECT 1, owner_id, " MONTH_OF (
      "closed_on") " AS m, SUM (amount), SUM (gross_profit), "
                   "  COUNT (*), SUM (" DAYS_BETWEEN (
                       "created_on",
                       "closed_on") "), SUM (new_customer) "
                                    "FROM deals WHERE status = 'won' AND owner_id @PEOPLE@ AND "
                                    "closed_on BETWEEN @FROM@ AND @TO@ GROUP "
                                    "BY owner_id, m",

  "INSERT INTO month_stats (scope_kind, scope_id, month, collected) "
  "SELECT 1, owner_id, " MONTH_OF (
      "collected_on") " AS m, SUM (collected_amount) "
                      "FROM collections WHERE collected_on IS NOT NULL AND owner_id @PEOPLE@ AND "
                      "collected_on BETWEEN @FROM@ AND @TO@ GROUP "
                      "BY owner_id, m "
                      "ON CONFLICT DO UPDATE SET collected = collected + excluded.collected",

  "INSERT INTO month_stats (scope_kind, scope_id, month, activities, visits, weighted_visits) "
  "SELECT 1, owner_id, " MONTH_OF (
      "happened_on") " AS m, COUNT (*), SUM (kind = 'visit'), "
                     "  SUM (CASE WHEN kind = 'visit' THEN CASE tier WHEN 'A' THEN ?1 WHEN 'B' "
                     "THEN ?2 ELSE ?3 END "
                     "       ELSE 0 END) "
                     "FROM activities WHERE owner_id @PEOPLE@ AND happened_on BETWEEN @FROM@ AND "
                     "@TO@ GROUP BY owner_id, m "
                     "ON CONFLICT DO UPDATE SET activities = activities + excluded.activities, "
                     "  visits = visits + excluded.visits, weighted_visits = weighted_visits + "
                     "excluded.weighted_visits",

  "INSERT INTO month_stats (scope_kind, scope_id, month, surveys, satisfaction_sum, "
  "  satisfaction_top, recommend_answers, promoters, detractors) "
  "SELECT 1, owner_id, " MONTH_OF (
      "given_on") " AS m, SUM (score IS NOT NULL), "
                  "  TOTAL (score * 5.0 / scale_max), "
                  "  SUM ((scale_max = 5 AND score >= 4) OR (scale_max = 10 AND score >= 9)), "
                  "  SUM (recommend IS NOT NULL), SUM (recommend >= 9), SUM (recommend <= 6) "
                  "FROM feedback WHERE kind = 'survey' AND owner_id @PEOPLE@ AND given_on BETWEEN "
                  "@FROM@ AND @TO@ GROUP BY owner_id, m "
                  "ON CONFLICT DO UPDATE SET surveys = surveys + excluded.surveys, "
                  "  satisfaction_sum = satisfaction_sum + excluded.satisfaction_sum, "
                  "  satisfaction_top = satisfaction_top + excluded.satisfaction_top, "
                  "  recommend_answers = recommend_answers + excluded.recommend_answers, "
                  "  promoters = promoters + excluded.promoters, detractors = detractors + "
                  "excluded.detractors",

  "INSERT INTO month_stats (scope_kind, scope_id, month, complaints, complaints_resolved, "
  "  resolution_days) "
  "SELECT 1, owner_id, " MONTH_OF (
      "given_on") " AS m, COUNT (*), SUM (resolved_on IS NOT NULL), "
                  "  TOTAL (" DAYS_BETWEEN (
                      "given_on",
                      "resolved_on") ") "
                                     "FROM feedback WHERE kind = 'complaint' AND owner_id @PEOPLE@ "
                                     "AND given_on BETWEEN @FROM@ AND @TO@ "
                                     "GROUP BY owner_id, m "
                                     "ON CONFLICT DO UPDATE SET complaints = complaints + "
                                     "excluded.complaints, "
                                     "  complaints_resolved = complaints_resolved + "
                                     "excluded.complaints_resolved, "
                                     "  resolution_days = resolution_days + "
                                     "excluded.resolution_days",

  /* Reversals and refunds count, negatively, in the month they happened. */
  "INSERT INTO month_stats (scope_kind, scope_id, month, won_amount, won_gross_profit, won_count) "
  "SELECT 1, owner_id, " MONTH_OF (
      "reversed_on") " AS m, -SUM (amount), -SUM (gross_profit), -COUNT (*) "
                     "FROM deal_reversals WHERE owner_id @PEOPLE@ AND reversed_on BETWEEN @FROM@ "
                     "AND @TO@ GROUP BY owner_id, m "
                     "ON CONFLICT DO UPDATE SET won_amount = won_amount + excluded.won_amount, "
                     "  won_gross_profit = won_gross_profit + excluded.won_gross_profit, won_count "
                     "= won_count + excluded.won_count",

  "INSERT INTO month_stats (scope_kind, scope_id, month, collected) "
  "SELECT 1, owner_id, " MONTH_OF (
      "refunded_on") " AS m, -SUM (amount) "
                     "FROM refunds WHERE owner_id @PEOPLE@ AND refunded_on BETWEEN @FROM@ AND @TO@ "
                     "GROUP BY owner_id, m "
                     "ON CONFLICT DO UPDATE SET collected = collected + excluded.collected",

};

static const char *derived_sql[] = {
  "INSERT INTO month_stats (scope_kind, scope_id, month, " STATS_COLUMNS ") "
  "SELECT 0, c.ancestor_id, r.month, " SUM_STATS_COLUMNS " "
  "FROM month_stats r " PERSON_UNITS
  "WHERE r.scope_kind = 1 AND c.ancestor_id @UNITS@ GROUP BY c.ancestor_id, r.month",

  /* The funnel counts stage entries by the month they happened, so a period's funnel is what
   * moved in that period (lead-to-won is then stable for the running quarter, where a cohort of
   * this quarter's new deals would look like a collapse). */
  "INSERT INTO month_funnel (scope_kind, scope_id, month, stage_position, reached_count, "
  "  reached_amount, days_to_reach) "
  "SELECT 1, d.owner_id, " MONTH_OF (
      "h.entered_on") " AS m, st.position, COUNT (*), "
                      "  SUM (d.amount), TOTAL (" DAYS_BETWEEN (
                          "d.created_on",
                          "h.entered_on") ") "
                                          "FROM deal_stage_history h JOIN deals d ON d.id = "
                                          "h.deal_id JOIN stages st ON st.id = h.stage_id "
                                          "WHERE d.owner_id @PEOPLE@ GROUP BY d.owner_id, m, "
                                          "st.position",
  "INSERT INTO month_funnel (scope_kind, scope_id, month, stage_position, reached_count, "
  "  reached_amount, days_to_reach) "
  "SELECT 0, c.ancestor_id, r.month, r.stage_position, SUM (r.reached_count), "
  "  SUM (r.reached_amount), SUM (r.days_to_reach) "
  "FROM month_funnel r " PERSON_UNITS "WHERE r.scope_kind = 1 AND c.ancestor_id @UNITS@ "
  "GROUP BY c.ancestor_id, r.month, r.stage_position",

  /* Conversion is by cohort: of the deals that entered a stage in a month, the month each first
   * reached any later stage and the month it was won, so that "by the period's end" is a sum
   * over to_month <= the period's last month. The correlated look-ups use the history's key. */
  "WITH x AS (SELECT d.owner_id, " MONTH_OF (
      "h.entered_on") " AS m, st.position, "
                      "  (SELECT MIN (h2.entered_on) FROM deal_stage_history h2 JOIN stages s2 ON "
                      "s2.id = "
                      "     h2.stage_id WHERE h2.deal_id = h.deal_id AND s2.position > "
                      "st.position) AS advanced_on, "
                      "  (SELECT h2.entered_on FROM deal_stage_history h2 JOIN stages s2 ON s2.id "
                      "= h2.stage_id "
                      "     WHERE h2.deal_id = h.deal_id AND s2.position > st.position "
                      "     AND s2.position = (SELECT MAX (position) FROM stages)) AS won_on "
                      "  FROM deal_stage_history h JOIN deals d ON d.id = h.deal_id JOIN stages st "
                      "ON st.id = "
                      "  h.stage_id WHERE d.owner_id @PEOPLE@) "
                      "INSERT INTO month_funnel_cohort (scope_kind, scope_id, month, "
                      "stage_position, to_month, "
                      "  advanced_count, won_count) "
                      "SELECT 1, owner_id, m, position, " MONTH_OF (
                          "t") " AS tm, SUM (won = 0), SUM (won) FROM ("
                               "  SELECT owner_id, m, position, advanced_on AS t, 0 AS won FROM x "
                               "WHERE advanced_on NOT NULL"
                               "  UNION ALL SELECT owner_id, m, position, won_on, 1 FROM x WHERE "
                               "won_on NOT NULL) "
                               "GROUP BY owner_id, m, position, tm",
  "INSERT INTO month_funnel_cohort (scope_kind, scope_id, month, stage_position, to_month, "
  "  advanced_count, won_count) "
  "SELECT 0, c.ancestor_id, r.month, r.stage_position, r.to_month, SUM (r.advanced_count), "
  "  SUM (r.won_count) "
  "FROM month_funnel_cohort r " PERSON_UNITS "WHERE r.scope_kind = 1 AND c.ancestor_id @UNITS@ "
  "GROUP BY c.ancestor_id, r.month, r.stage_position, r.to_month",

  "INSERT INTO open_pipeline (scope_kind, scope_id, stage_position, open_count, open_amount, "
  "  weighted_amount) "
  "SELECT 1, d.owner_id, st.position, COUNT (*), SUM (d.amount), "
  "  TOTAL (d.amount * st.probability / 100.0) "
  "FROM deals d JOIN stages st ON st.id = d.stage_id WHERE d.status = 'open' AND d.owner_id "
  "@PEOPLE@ "
  "GROUP BY d.owner_id, st.position",
  "INSERT INTO open_pipeline (scope_kind, scope_id, stage_position, open_count, open_amount, "
  "  weighted_amount) "
  "SELECT 0, c.ancestor_id, r.stage_position, SUM (r.open_count), SUM (r.open_amount), "
  "  TOTAL (r.weighted_amount) "
  "FROM open_pipeline r " PERSON_UNITS_NOW "WHERE r.scope_kind = 1 AND c.ancestor_id @UNITS@ "
  "GROUP BY c.ancestor_id, r.stage_position",

  "INSERT INTO month_goals (scope_kind, scope_id, metric, month, target, n_goals) "
  "SELECT 1, owner_person_id, metric, " MONTH_OF (
      "period_start") " AS m, SUM (target), COUNT (*) "
                      "FROM goals WHERE period_kind = 'month' AND owner_person_id @PEOPLE@ AND "
                      "target IS NOT NULL "
                      "GROUP BY owner_person_id, metric, m",
  "INSERT INTO month_goals (scope_kind, scope_id, metric, month, target, n_goals) "
  "SELECT 0, c.ancestor_id, r.metric, r.month, SUM (r.target), SUM (r.n_goals) "
  "FROM month_goals r " PERSON_UNITS "WHERE r.scope_kind = 1 AND c.ancestor_id @UNITS@ "
  "GROUP BY c.ancestor_id, r.metric, r.month",
};

typedef struct
{
  const char *people; /* what @PEOPLE@ becomes */
  const char *units;
  const char *customers;
  const char *from; /* a quoted ISO date: what @FROM@ becomes */
  const char *to;
  const char *stats_table; /* where the person sums go */
} Expansion;

static const Expansion rebuild_all = { "IS NOT NULL",  "IS NOT NULL",  "IS NOT NULL",
                                       "'0000-00-00'", "'9999-99-99'", "month_stats" };
static const Expansion rebuild_touched = { "IN (SELECT id FROM temp.rollup_people)",
                                           "IN (SELECT id FROM temp.rollup_units)",
                                           "IN (SELECT id FROM temp.rollup_customers)",
                                           "'0000-00-00'",
                                           "'9999-99-99'",
                                           "month_stats" };

static char *
expand (const char *sql, const Expansion *e)
{
  g_autoptr (GString) text = g_string_new (sql);
  g_string_replace (text, "@PEOPLE@", e->people, 0);
  g_string_replace (text, "@UNITS@", e->units, 0);
  g_string_replace (text, "@CUSTOMERS@", e->customers, 0);
  g_string_replace (text, "@FROM@", e->from, 0);
  g_string_replace (text, "@TO@", e->to, 0);
  g_string_replace (text, "INSERT INTO month_stats ", "INSERT INTO @STATS@ ", 0);
  g_string_replace (text, "@STATS@", e->stats_table, 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
run_statements (AttainDb          *db,
                const char *const *statements,
                guint              n_statements,
                const Expansion   *e,
                GError           **error)
{
  int weight_a = attain_db_get_setting_int (db, "tier_weight_a", 3);
  int weight_b = attain_db_get_setting_int (db, "tier_weight_b", 2);
  int weight_c = attain_db_get_setting_int (db, "tier_weight_c", 1);

  for (guint i = 0; i < n_statements; i++)
    {
      g_autofree char *sql = expand (statements[i], e);
      sqlite3_stmt    *stmt = NULL;
      int              rc;

      if ((stmt = attain_db_prepare_uncached (db, sql, NULL)) == NULL)
        return attain_db_set_error (db, error, _ ("Preparing the summary tables"));
      if (sqlite3_bind_parameter_count (stmt) == 3)
        {
          sqlite3_bind_int (stmt, 1, weight_a);
          sqlite3_bind_int (stmt, 2, weight_b);
          sqlite3_bind_int (stmt, 3, weight_c);
        }
      rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return attain_db_set_error (db, error, _ ("Updating the summary tables"));
    }
  return TRUE;
}

static gboolean
run_rollup (AttainDb *db, gboolean scoped, GError **error)
{
  const Expansion *e = scoped ? &rebuild_touched : &rebuild_all;
  guint            first = scoped ? 1 : 0;

  return run_statements (db, clear_sql + first, G_N_ELEMENTS (clear_sql) - first, e, error)
         && run_statements (db, person_stats_sql, G_N_ELEMENTS (person_stats_sql), e, error)
         && run_statements (db, derived_sql, G_N_ELEMENTS (derived_sql), e, error);
}

/* Exact sums of the people in temp.day_people over the days @from to @to (ISO dates) into
 * temp.day_stats, one row per person: the month rollups cannot split a month. */
gboolean
attain_rollup_sum_days (AttainDb *db, const char *from, const char *to, GError **error)
{
  g_autofree char *quoted_from = NULL, *quoted_to = NULL;
  Expansion        e = {
           "IN (SELECT id FROM temp.day_people)", "IS NULL", "IS NULL", NULL, NULL, "temp.day_stats"
  };

  g_return_val_if_fail (db != NULL && from != NULL && to != NULL, FALSE);
  /* Dates are digits and dashes (they come from attain_date_to_iso), never user text. */
  g_return_val_if_fail (strspn (from, "0123456789-") == strlen (from)
                            && strspn (to, "0123456789-") == strlen (to),
                        FALSE);
  quoted_from = g_strdup_printf ("'%s'", from);
  quoted_to = g_strdup_printf ("'%s'", to);
  e.from = quoted_from;
  e.to = quoted_to;
  if (!attain_db_exec (
          db,
          "CREATE TEMP TABLE IF NOT EXISTS day_stats (scope_kind INTEGER NOT NULL, "
          "scope_id INTEGER NOT NULL, month INTEGER NOT NULL, "
          "won_amount INTEGER NOT NULL DEFAULT 0, "
          "won_gross_profit INTEGER NOT NULL DEFAULT 0, "
          "won_count INTEGER NOT NULL DEFAULT 0, "
          "won_cycle_days INTEGER NOT NULL DEFAULT 0, "
          "new_customers INTEGER NOT NULL DEFAULT 0, "
          "collected INTEGER NOT NULL DEFAULT 0, "
          "activities INTEGER NOT NULL DEFAULT 0, visits INTEGER NOT NULL DEFAULT 0, "
          "weighted_visits INTEGER NOT NULL DEFAULT 0, "
          "surveys INTEGER NOT NULL DEFAULT 0, "
          "satisfaction_sum REAL NOT NULL DEFAULT 0, "
          "satisfaction_top INTEGER NOT NULL DEFAULT 0, "
          "recommend_answers INTEGER NOT NULL DEFAULT 0, "
          "promoters INTEGER NOT NULL DEFAULT 0, detractors INTEGER NOT NULL DEFAULT 0, "
          "complaints INTEGER NOT NULL DEFAULT 0, "
          "complaints_resolved INTEGER NOT NULL DEFAULT 0, "
          "resolution_days INTEGER NOT NULL DEFAULT 0, "
          "PRIMARY KEY (scope_kind, scope_id, month));"
          "DELETE FROM temp.day_stats",
          error))
    return FALSE;
  return run_statements (db, person_stats_sql, G_N_ELEMENTS (person_stats_sql), &e, error);
}

gboolean
attain_rollup_rebuild (AttainDb *db, GError **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  return run_rollup (db, FALSE, error);
}

gboolean
attain_rollup_touch_begin (AttainDb *db, GError **error)
{
  return attain_db_exec (
      db,
      "CREATE TEMP TABLE IF NOT EXISTS rollup_people (id INTEGER PRIMARY KEY);"
      "CREATE TEMP TABLE IF NOT EXISTS rollup_units (id INTEGER PRIMARY KEY);"
      "CREATE TEMP TABLE IF NOT EXISTS rollup_customers (id INTEGER PRIMARY KEY);"
      "DELETE FROM temp.rollup_people; DELETE FROM temp.rollup_units;"
      "DELETE FROM temp.rollup_customers",
      error);
}

/* Marks a person's sums (and those of every unit above where they sit now) as to be redone. Call
 * it before moving someone too, so that the old team's sums are redone as well. */
gboolean
attain_rollup_touch_person (AttainDb *db, gint64 person_id, GError **error)
{
  sqlite3_stmt *stmt
      = attain_db_prepare (db, "INSERT OR IGNORE INTO temp.rollup_people (id) VALUES (?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return attain_db_set_error (db, error, _ ("Updating the summary tables"));
  stmt = attain_db_prepare (
      db,
      "INSERT OR IGNORE INTO temp.rollup_units (id) SELECT c.ancestor_id "
      "FROM person_units pu JOIN org_closure c ON c.descendant_id = pu.unit_id "
      "WHERE pu.person_id = ?1",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return attain_db_set_error (db, error, _ ("Updating the summary tables"));
  return TRUE;
}

gboolean
attain_rollup_touch_customer (AttainDb *db, gint64 customer_id, GError **error)
{
  sqlite3_stmt *stmt = attain_db_prepare (
      db, "INSERT OR IGNORE INTO temp.rollup_customers (id) VALUES (?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return attain_db_set_error (db, error, _ ("Updating the summary tables"));
  return TRUE;
}

static gboolean
step_bound (AttainDb *db, const char *sql, gint64 value, GError **error)
{
  sqlite3_stmt *stmt = attain_db_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, value);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return attain_db_set_error (db, error, _ ("Updating the summary tables"));
  return TRUE;
}

/* Adds what new deals of one person bring to their month sums; the caller marks their units
 * with attain_rollup_touch_units_of. Rows of people who are recomputed are replaced anyway. */
gboolean
attain_rollup_add_person_stats (AttainDb *db,
                                gint64    person_id,
                                int       month,
                                gint64    won_amount,
                                gint64    won_gross_profit,
                                gint64    won_count,
                                gint64    won_cycle_days,
                                GError  **error)
{
  sqlite3_stmt *stmt = attain_db_prepare (
      db,
      "INSERT INTO month_stats (scope_kind, scope_id, month, won_amount, "
      "won_gross_profit, won_count, won_cycle_days) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6) "
      "ON CONFLICT DO UPDATE SET won_amount = won_amount + excluded.won_amount, "
      "won_gross_profit = won_gross_profit + excluded.won_gross_profit, "
      "won_count = won_count + excluded.won_count, "
      "won_cycle_days = won_cycle_days + excluded.won_cycle_days",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int (stmt, 2, month);
  sqlite3_bind_int64 (stmt, 3, won_amount);
  sqlite3_bind_int64 (stmt, 4, won_gross_profit);
  sqlite3_bind_int64 (stmt, 5, won_count);
  sqlite3_bind_int64 (stmt, 6, won_cycle_days);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return attain_db_set_error (db, error, _ ("Updating the summary tables"));
  return TRUE;
}

gboolean
attain_rollup_add_person_funnel (AttainDb *db,
                                 gint64    person_id,
                                 int       month,
                                 int       stage_position,
                                 gint64    count,
                                 gint64    amount,
                                 gint64    days,
                                 GError  **error)
{
  sqlite3_stmt *stmt = attain_db_prepare (
      db,
      "INSERT INTO month_funnel (scope_kind, scope_id, month, stage_position, "
      "reached_count, reached_amount, days_to_reach) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6) "
      "ON CONFLICT DO UPDATE SET reached_count = reached_count + excluded.reached_count, "
      "reached_amount = reached_amount + excluded.reached_amount, "
      "days_to_reach = days_to_reach + excluded.days_to_reach",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int (stmt, 2, month);
  sqlite3_bind_int (stmt, 3, stage_position);
  sqlite3_bind_int64 (stmt, 4, count);
  sqlite3_bind_int64 (stmt, 5, amount);
  sqlite3_bind_int64 (stmt, 6, days);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return attain_db_set_error (db, error, _ ("Updating the summary tables"));
  return TRUE;
}

gboolean
attain_rollup_add_person_funnel_cohort (AttainDb *db,
                                        gint64    person_id,
                                        int       month,
                                        int       stage_position,
                                        int       to_month,
                                        gint64    advanced,
                                        gint64    won,
                                        GError  **error)
{
  sqlite3_stmt *stmt = attain_db_prepare (
      db,
      "INSERT INTO month_funnel_cohort (scope_kind, scope_id, month, stage_position, to_month, "
      "advanced_count, won_count) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6) "
      "ON CONFLICT DO UPDATE SET advanced_count = advanced_count + excluded.advanced_count, "
      "won_count = won_count + excluded.won_count",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int (stmt, 2, month);
  sqlite3_bind_int (stmt, 3, stage_position);
  sqlite3_bind_int (stmt, 4, to_month);
  sqlite3_bind_int64 (stmt, 5, advanced);
  sqlite3_bind_int64 (stmt, 6, won);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return attain_db_set_error (db, error, _ ("Updating the summary tables"));
  return TRUE;
}

gboolean
attain_rollup_add_person_pipeline (AttainDb *db,
                                   gint64    person_id,
                                   int       stage_position,
                                   gint64    count,
                                   gint64    amount,
                                   double    weighted,
                                   GError  **error)
{
  sqlite3_stmt *stmt = attain_db_prepare (
      db,
      "INSERT INTO open_pipeline (scope_kind, scope_id, stage_position, open_count, "
      "open_amount, weighted_amount) VALUES (1, ?1, ?2, ?3, ?4, ?5) "
      "ON CONFLICT DO UPDATE SET open_count = open_count + excluded.open_count, "
      "open_amount = open_amount + excluded.open_amount, "
      "weighted_amount = weighted_amount + excluded.weighted_amount",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int (stmt, 2, stage_position);
  sqlite3_bind_int64 (stmt, 3, count);
  sqlite3_bind_int64 (stmt, 4, amount);
  sqlite3_bind_double (stmt, 5, weighted);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return attain_db_set_error (db, error, _ ("Updating the summary tables"));
  return TRUE;
}

/* The units above a person whose sums came as deltas: their unit rows are redone from the
 * person rows. */
gboolean
attain_rollup_touch_units_of (AttainDb *db, gint64 person_id, GError **error)
{
  return step_bound (db,
                     "INSERT OR IGNORE INTO temp.rollup_units (id) SELECT c.ancestor_id "
                     "FROM person_units pu JOIN org_closure c ON c.descendant_id = pu.unit_id "
                     "WHERE pu.person_id = ?1",
                     person_id, error);
}

/* Redoes the sums touched since attain_rollup_touch_begin, inside the writing transaction:
 * customers whose first won deal may have moved get their new-customer flags derived again
 * (the owners of deals that flip are recomputed, unless the deal came with import delta_import,
 * whose new customers are added as a delta); the people marked are recomputed from the raw
 * tables with the same statements as a full rebuild; every unit above them, or above people
 * whose sums came as deltas, is summed again from the person rows. */
gboolean
attain_rollup_refresh_touched (AttainDb *db, gint64 delta_import, GError **error)
{
  g_return_val_if_fail (db != NULL, FALSE);

  if (!attain_db_exec (db,
                       "CREATE TEMP TABLE IF NOT EXISTS rollup_flips (id INTEGER PRIMARY KEY);"
                       "DELETE FROM temp.rollup_flips;"
                       "INSERT INTO temp.rollup_flips (id) SELECT d.id FROM deals d "
                       "LEFT JOIN (SELECT id FROM (SELECT id, row_number () OVER ("
                       "    PARTITION BY customer_id ORDER BY closed_on, id) AS n "
                       "  FROM deals WHERE status = 'won' AND customer_id IN (SELECT id FROM "
                       "temp.rollup_customers)) "
                       "  WHERE n = 1) f ON f.id = d.id "
                       "WHERE d.customer_id IN (SELECT id FROM temp.rollup_customers) "
                       "AND d.new_customer <> (f.id IS NOT NULL);"
                       "UPDATE deals SET new_customer = NOT new_customer WHERE id IN (SELECT id "
                       "FROM temp.rollup_flips)",
                       error))
    return FALSE;
  /* A flip on a deal that was there before changes its owner's figures in some month: that
   * owner is recomputed. New deals of the delta import are counted below. */
  if (!step_bound (
          db,
          "INSERT OR IGNORE INTO temp.rollup_people (id) SELECT DISTINCT owner_id FROM deals "
          "WHERE id IN (SELECT id FROM temp.rollup_flips) AND import_id IS NOT ?1",
          delta_import, error))
    return FALSE;
  if (delta_import != 0
      && !step_bound (
          db,
          "INSERT INTO month_stats (scope_kind, scope_id, month, new_customers) "
          "SELECT 1, owner_id, " MONTH_OF (
              "closed_on") " AS m, COUNT (*) FROM deals "
                           "WHERE import_id = ?1 AND new_customer = 1 AND status = 'won' "
                           "AND owner_id NOT IN (SELECT id FROM temp.rollup_people) GROUP BY "
                           "owner_id, m "
                           "ON CONFLICT DO UPDATE SET new_customers = new_customers + "
                           "excluded.new_customers",
          delta_import, error))
    return FALSE;
  if (!attain_db_exec (db,
                       "INSERT OR IGNORE INTO temp.rollup_units (id) "
                       "SELECT c.ancestor_id FROM person_units pu JOIN org_closure c "
                       "ON c.descendant_id = pu.unit_id WHERE pu.person_id IN (SELECT id FROM "
                       "temp.rollup_people)",
                       error))
    return FALSE;
  return run_rollup (db, TRUE, error);
}

/* The summary tables a rebuild rewrites, and the derived column of deals. */
static const char *summary_tables[]
    = { "month_stats", "month_funnel", "month_funnel_cohort", "open_pipeline", "month_goals" };

/* Recomputes every summary from the raw tables in one transaction and counts, per table, the
 * rows that differ from what was stored (in either direction). With @repair the recomputed
 * sums are kept; without, nothing changes. @report gets one line per table that differs. */
gboolean
attain_rollup_check (AttainDb *db,
                     gboolean  repair,
                     GString  *report,
                     guint64  *n_different,
                     GError  **error)
{
  guint64 total = 0;

  g_return_val_if_fail (db != NULL && n_different != NULL, FALSE);

  if (!attain_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (summary_tables); i++)
    {
      g_autofree char *sql
          = g_strdup_printf ("DROP TABLE IF EXISTS temp.check_%s; "
                             "CREATE TEMP TABLE check_%s AS SELECT * FROM main.%s",
                             summary_tables[i], summary_tables[i], summary_tables[i]);
      if (!attain_db_exec (db, sql, error))
        goto fail;
    }
  if (!attain_db_exec (db,
                       "DROP TABLE IF EXISTS temp.check_deals; "
                       "CREATE TEMP TABLE check_deals AS SELECT id, new_customer FROM main.deals",
                       error)
      || !attain_rollup_rebuild (db, error))
    goto fail;
  for (guint i = 0; i <= G_N_ELEMENTS (summary_tables); i++)
    {
      const char      *table = i < G_N_ELEMENTS (summary_tables) ? summary_tables[i] : "deals";
      g_autofree char *sql
          = i < G_N_ELEMENTS (summary_tables)
                ? g_strdup_printf ("SELECT (SELECT count (*) FROM (SELECT * FROM main.%s EXCEPT "
                                   "SELECT * FROM temp.check_%s))"
                                   " + (SELECT count (*) FROM (SELECT * FROM temp.check_%s EXCEPT "
                                   "SELECT * FROM main.%s))",
                                   table, table, table, table)
                : g_strdup (
                    "SELECT count (*) FROM main.deals d JOIN temp.check_deals c ON c.id = d.id "
                    "WHERE d.new_customer IS NOT c.new_customer");
      sqlite3_stmt *stmt = attain_db_prepare_uncached (db, sql, error);
      gint64        differing;

      if (stmt == NULL)
        goto fail;
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          sqlite3_finalize (stmt);
          attain_db_set_error (db, error, _ ("Checking the summary tables"));
          goto fail;
        }
      differing = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      if (differing > 0 && report != NULL)
        g_string_append_printf (report, "%s: %" G_GINT64_FORMAT "\n", table, differing);
      total += (guint64) differing;
    }
  for (guint i = 0; i <= G_N_ELEMENTS (summary_tables); i++)
    {
      g_autofree char *sql
          = g_strdup_printf ("DROP TABLE temp.check_%s",
                             i < G_N_ELEMENTS (summary_tables) ? summary_tables[i] : "deals");
      if (!attain_db_exec (db, sql, error))
        goto fail;
    }
  *n_different = total;
  if (repair && total > 0)
    return attain_db_commit (db, error) || (attain_db_rollback (db), FALSE);
  attain_db_rollback (db);
  return TRUE;

fail:
  attain_db_rollback (db);
  return FALSE;
}

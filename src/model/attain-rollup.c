/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-rollup.h"

#include <glib/gi18n-lib.h>

/* Dashboards read person × month sums instead of the raw tables: at 1,000,000 deals and
 * 5,000,000 activities a company quarter is 6,000 rollup rows instead of millions. Every path
 * that writes deals, collections, activities or feedback calls this inside its own transaction,
 * so readers never see raw rows without their sums. */

#define MONTH_OF(col) "(CAST (substr (" col ", 1, 4) AS INTEGER) * 100 + CAST (substr (" col ", 6, 2) AS INTEGER))"
#define DAYS_BETWEEN(a, b) "CAST (julianday (" b ") - julianday (" a ") AS INTEGER)"

static const char *rebuild_sql[] = {
  /* A customer's first won deal is a new customer signed; a later import of an older deal can
   * move that first deal, so the flag is derived again with the sums. */
  "UPDATE deals SET new_customer = NOT new_customer WHERE new_customer <> (id IN ("
  "  SELECT id FROM (SELECT id, row_number () OVER ("
  "    PARTITION BY customer_id ORDER BY closed_on, id) AS n "
  "  FROM deals WHERE status = 'won') WHERE n = 1))",
  "DELETE FROM person_month_stats",
  "DELETE FROM person_month_funnel",

  "INSERT INTO person_month_stats (person_id, month, won_amount, won_gross_profit, won_count, "
  "  won_cycle_days, new_customers) "
  "SELECT owner_id, " MONTH_OF ("closed_on") " AS m, SUM (amount), SUM (gross_profit), COUNT (*), "
  "  SUM (" DAYS_BETWEEN ("created_on", "closed_on") "), SUM (new_customer) "
  "FROM deals WHERE status = 'won' GROUP BY owner_id, m",

  "INSERT INTO person_month_stats (person_id, month, collected) "
  "SELECT owner_id, " MONTH_OF ("collected_on") " AS m, SUM (collected_amount) "
  "FROM collections WHERE collected_on IS NOT NULL GROUP BY owner_id, m "
  "ON CONFLICT (person_id, month) DO UPDATE SET collected = collected + excluded.collected",

  "INSERT INTO person_month_stats (person_id, month, activities, visits, weighted_visits) "
  "SELECT owner_id, " MONTH_OF ("happened_on") " AS m, COUNT (*), SUM (kind = 'visit'), "
  "  SUM (CASE WHEN kind = 'visit' THEN CASE tier WHEN 'A' THEN ?1 WHEN 'B' THEN ?2 ELSE ?3 END "
  "       ELSE 0 END) "
  "FROM activities WHERE true GROUP BY owner_id, m "
  "ON CONFLICT (person_id, month) DO UPDATE SET activities = activities + excluded.activities, "
  "  visits = visits + excluded.visits, weighted_visits = weighted_visits + excluded.weighted_visits",

  "INSERT INTO person_month_stats (person_id, month, surveys, satisfaction_sum, satisfaction_top, "
  "  recommend_answers, promoters, detractors) "
  "SELECT owner_id, " MONTH_OF ("given_on") " AS m, SUM (score IS NOT NULL), "
  "  TOTAL (score * 5.0 / scale_max), "
  "  SUM ((scale_max = 5 AND score >= 4) OR (scale_max = 10 AND score >= 9)), "
  "  SUM (recommend IS NOT NULL), SUM (recommend >= 9), SUM (recommend <= 6) "
  "FROM feedback WHERE kind = 'survey' GROUP BY owner_id, m "
  "ON CONFLICT (person_id, month) DO UPDATE SET surveys = surveys + excluded.surveys, "
  "  satisfaction_sum = satisfaction_sum + excluded.satisfaction_sum, "
  "  satisfaction_top = satisfaction_top + excluded.satisfaction_top, "
  "  recommend_answers = recommend_answers + excluded.recommend_answers, "
  "  promoters = promoters + excluded.promoters, detractors = detractors + excluded.detractors",

  "INSERT INTO person_month_stats (person_id, month, complaints, complaints_resolved, "
  "  resolution_days) "
  "SELECT owner_id, " MONTH_OF ("given_on") " AS m, COUNT (*), SUM (resolved_on IS NOT NULL), "
  "  TOTAL (" DAYS_BETWEEN ("given_on", "resolved_on") ") "
  "FROM feedback WHERE kind = 'complaint' GROUP BY owner_id, m "
  "ON CONFLICT (person_id, month) DO UPDATE SET complaints = complaints + excluded.complaints, "
  "  complaints_resolved = complaints_resolved + excluded.complaints_resolved, "
  "  resolution_days = resolution_days + excluded.resolution_days",

  /* The funnel counts stage entries by the month they happened, so a period's funnel is what
   * moved in that period (lead-to-won is then stable for the running quarter, where a cohort of
   * this quarter's new deals would look like a collapse). Open deals are kept at the stage they
   * sit in now, in the month they entered it. */
  "INSERT INTO person_month_funnel (person_id, month, stage_position, reached_count, "
  "  reached_amount, open_count, open_amount, days_to_reach) "
  "SELECT d.owner_id, " MONTH_OF ("h.entered_on") " AS m, st.position, COUNT (*), SUM (d.amount), "
  "  SUM (d.status = 'open' AND h.stage_id = d.stage_id), "
  "  SUM (CASE WHEN d.status = 'open' AND h.stage_id = d.stage_id THEN d.amount ELSE 0 END), "
  "  TOTAL (" DAYS_BETWEEN ("d.created_on", "h.entered_on") ") "
  "FROM deal_stage_history h JOIN deals d ON d.id = h.deal_id JOIN stages st ON st.id = h.stage_id "
  "GROUP BY d.owner_id, m, st.position",
};

gboolean
attain_rollup_rebuild (AttainDb  *db,
                       GError   **error)
{
  int weight_a, weight_b, weight_c;

  g_return_val_if_fail (db != NULL, FALSE);

  weight_a = attain_db_get_setting_int (db, "tier_weight_a", 3);
  weight_b = attain_db_get_setting_int (db, "tier_weight_b", 2);
  weight_c = attain_db_get_setting_int (db, "tier_weight_c", 1);

  for (guint i = 0; i < G_N_ELEMENTS (rebuild_sql); i++)
    {
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (sqlite3_prepare_v2 (attain_db_handle (db), rebuild_sql[i], -1, &stmt, NULL) != SQLITE_OK)
        return attain_db_set_error (db, error, _("Preparing the summary tables"));
      if (sqlite3_bind_parameter_count (stmt) == 3)
        {
          sqlite3_bind_int (stmt, 1, weight_a);
          sqlite3_bind_int (stmt, 2, weight_b);
          sqlite3_bind_int (stmt, 3, weight_c);
        }
      rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return attain_db_set_error (db, error, _("Updating the summary tables"));
    }
  return TRUE;
}

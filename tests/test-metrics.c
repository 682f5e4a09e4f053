/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every expectation here is worked out by hand from the small company in attain-test-util.c. */
#include "attain-test-util.h"
#include "model/attain-dashboard.h"

#include <string.h>

#define EPS 1e-9

typedef struct
{
  char     *dir;
  AttainDb *db;
  GDate     today;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *path = NULL;

  f->dir = attain_test_make_tmp_dir ();
  path = attain_test_db_path (f->dir, "small.db");
  f->db = attain_test_small_company (path);
  attain_test_date (&f->today, "2026-11-23");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_pointer (&f->db, attain_db_close);
  attain_test_rm_rf (f->dir);
  g_free (f->dir);
}

static AttainMetrics *
compute (Fixture *f, AttainScopeKind kind, gint64 id, const char *period_text)
{
  g_autoptr (GError) error = NULL;
  AttainScope    scope = { kind, id };
  AttainPeriod   period;
  AttainMetrics *metrics;

  g_assert_true (attain_period_parse (
      period_text, attain_db_get_setting_int (f->db, "fiscal_year_start_month", 1), &period,
      &error));
  metrics = attain_metrics_compute (f->db, &scope, &period, &f->today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (metrics);
  return metrics;
}

#define VALUE(m, id) ((m)->values[ATTAIN_METRIC_##id])

static void
test_company_quarter (Fixture *f, gconstpointer data)
{
  g_autoptr (AttainMetrics) m = compute (f, ATTAIN_SCOPE_UNIT, SMALL_COMPANY, "2026-Q1");

  /* Won in Q1 2026: ¥100,000 + ¥50,000 (fen in the database). */
  g_assert_cmpfloat_with_epsilon (VALUE (m, REVENUE).value, 15000000, EPS);
  /* Monthly goals A 40,000 + B 20,000 + D 10,000, three months: ¥210,000. */
  g_assert_cmpfloat_with_epsilon (VALUE (m, REVENUE).target, 21000000, EPS);
  g_assert_cmpfloat_with_epsilon (VALUE (m, REVENUE).attainment, 150.0 / 210.0, EPS);
  /* Q1 2025: ¥40,000 + ¥60,000 = ¥100,000, so +50%. */
  g_assert_cmpfloat_with_epsilon (VALUE (m, REVENUE).previous, 10000000, EPS);
  g_assert_cmpfloat_with_epsilon (VALUE (m, REVENUE).change, 0.5, EPS);
  /* The quarter is over and 71% < 95%: behind. */
  g_assert_cmpint (VALUE (m, REVENUE).pace, ==, ATTAIN_PACE_BEHIND);

  g_assert_cmpfloat_with_epsilon (VALUE (m, GROSS_MARGIN).value, 40000.0 / 150000.0, EPS);
  g_assert_cmpfloat_with_epsilon (VALUE (m, DEALS_WON).value, 2, EPS);
  g_assert_cmpfloat_with_epsilon (VALUE (m, AVERAGE_DEAL_SIZE).value, 7500000, EPS);
  /* Deal 1 took 30 days (10 Jan to 9 Feb), deal 2 30 days (1 Feb to 3 Mar 2026). */
  g_assert_cmpfloat_with_epsilon (VALUE (m, SALES_CYCLE).value, 30, EPS);
  /* Lower is better: a 45-day target met in 30 days is 150%, ahead. */
  g_assert_cmpfloat_with_epsilon (VALUE (m, SALES_CYCLE).target, 45, EPS);
  g_assert_cmpfloat_with_epsilon (VALUE (m, SALES_CYCLE).attainment, 1.5, EPS);
  g_assert_cmpint (VALUE (m, SALES_CYCLE).pace, ==, ATTAIN_PACE_AHEAD);

  /* Collected ¥90,000 of ¥150,000 sold: 60%; last year ¥40,000 of ¥100,000 in Q1: 40%. */
  g_assert_cmpfloat_with_epsilon (VALUE (m, COLLECTION_RATE).value, 0.6, EPS);
  g_assert_cmpfloat_with_epsilon (VALUE (m, COLLECTION_RATE).previous, 0.4, EPS);
  g_assert_cmpfloat_with_epsilon (VALUE (m, COLLECTION_RATE).change, 0.2, EPS);
  g_assert_cmpfloat_with_epsilon (VALUE (m, COLLECTION_RATE).target, 0.9, EPS);
  g_assert_cmpfloat_with_epsilon (VALUE (m, COLLECTION_RATE).attainment, 0.6 / 0.9, EPS);

  /* c1's first win is deal 1 (new); c2 was first won in 2025. Last year: c2 and c3. */
  g_assert_cmpfloat_with_epsilon (VALUE (m, NEW_CUSTOMERS).value, 1, EPS);
  g_assert_cmpfloat_with_epsilon (VALUE (m, NEW_CUSTOMERS).previous, 2, EPS);

  /* Visits A:2 A-tier + 1 C-tier, B: 2 B-tier: 5 visits, weighted 2*3 + 1*1 + 2*2 = 11. */
  g_assert_cmpfloat_with_epsilon (VALUE (m, VISITS).value, 5, EPS);
  g_assert_cmpfloat_with_epsilon (VALUE (m, WEIGHTED_VISITS).value, 11, EPS);

  /* Recommend answers 10, 8, 3, 9: promoters 2, detractors 1 of 4 → NPS 25. */
  g_assert_cmpfloat_with_epsilon (VALUE (m, NPS).value, 25, EPS);
  /* Scores on 5: 5, 4, 2 and 9/10 = 4.5 → mean 3.875; 3 of 4 satisfied. */
  g_assert_cmpfloat_with_epsilon (VALUE (m, SATISFACTION).value, 3.875, EPS);
  g_assert_cmpfloat_with_epsilon (VALUE (m, SATISFIED_SHARE).value, 0.75, EPS);
  /* 2 complaints over 8 interactions; the resolved one took 4 days. */
  g_assert_cmpfloat_with_epsilon (VALUE (m, COMPLAINT_RATE).value, 0.25, EPS);
  g_assert_cmpfloat_with_epsilon (VALUE (m, RESOLUTION_DAYS).value, 4, EPS);

  /* Market: East ¥300,000 a month for three months. */
  g_assert_cmpfloat_with_epsilon (VALUE (m, MARKET_SHARE).value, 150000.0 / 900000.0, EPS);

  /* Stage entries in Q1: leads 4 (deals 1-4), won 2 → 50%. */
  g_assert_cmpfloat_with_epsilon (VALUE (m, NEW_LEADS).value, 4, EPS);
  g_assert_cmpfloat_with_epsilon (VALUE (m, LEAD_TO_WON).value, 0.5, EPS);
  /* Only today's open pipeline is known; the quarter is over, so none is shown for it. */
  g_assert_true (isnan (VALUE (m, PIPELINE).value));
}

static void
test_team_and_person (Fixture *f, gconstpointer data)
{
  g_autoptr (AttainMetrics) team = compute (f, ATTAIN_SCOPE_UNIT, SMALL_TEAM_ONE, "2026-Q1");
  g_autoptr (AttainMetrics) a = compute (f, ATTAIN_SCOPE_PERSON, SMALL_PERSON_A, "2026-Q1");
  g_autoptr (AttainMetrics) b = compute (f, ATTAIN_SCOPE_PERSON, SMALL_PERSON_B, "2026-Q1");

  /* Team one is A (¥150,000) and B (¥0) against ¥120,000 + ¥60,000: 83.3%, weighted by size
   * rather than the average of 125% and 0%. */
  g_assert_cmpfloat_with_epsilon (VALUE (team, REVENUE).value, 15000000, EPS);
  g_assert_cmpfloat_with_epsilon (VALUE (team, REVENUE).target, 18000000, EPS);
  g_assert_cmpfloat_with_epsilon (VALUE (team, REVENUE).attainment, 150.0 / 180.0, EPS);
  /* No market size below the region. */
  g_assert_true (isnan (VALUE (team, MARKET_SHARE).value));

  g_assert_cmpfloat_with_epsilon (VALUE (a, REVENUE).attainment, 1.25, EPS);
  g_assert_cmpint (VALUE (a, REVENUE).pace, ==, ATTAIN_PACE_AHEAD);
  /* A's own collection rate, against the company's 90% goal inherited down the tree. */
  g_assert_cmpfloat_with_epsilon (VALUE (a, COLLECTION_RATE).value, 0.6, EPS);
  g_assert_cmpfloat_with_epsilon (VALUE (a, COLLECTION_RATE).target, 0.9, EPS);

  /* B sold nothing: 0% of ¥60,000, and no growth figure against an empty last year. */
  g_assert_cmpfloat_with_epsilon (VALUE (b, REVENUE).value, 0, EPS);
  g_assert_cmpfloat_with_epsilon (VALUE (b, REVENUE).attainment, 0, EPS);
  g_assert_true (isnan (VALUE (b, REVENUE).change));
  g_assert_true (isnan (VALUE (b, GROSS_MARGIN).value));
  g_assert_cmpfloat_with_epsilon (VALUE (b, NEW_LEADS).value, 2, EPS);
  g_assert_cmpfloat_with_epsilon (VALUE (b, LEAD_TO_WON).value, 0, EPS);
}

static void
test_unit_goal_and_empty_unit (Fixture *f, gconstpointer data)
{
  g_autoptr (AttainMetrics) empty = compute (f, ATTAIN_SCOPE_UNIT, SMALL_TEAM_EMPTY, "2026-Q1");
  g_autoptr (AttainMetrics) other = compute (f, ATTAIN_SCOPE_UNIT, SMALL_TEAM_EMPTY, "2026-Q2");

  /* Nobody in the team, but its own goal for exactly this quarter counts. */
  g_assert_cmpfloat_with_epsilon (VALUE (empty, REVENUE).value, 0, EPS);
  g_assert_cmpfloat_with_epsilon (VALUE (empty, REVENUE).target, 5000000, EPS);
  g_assert_cmpfloat_with_epsilon (VALUE (empty, REVENUE).attainment, 0, EPS);
  /* That goal is for Q1 only. */
  g_assert_true (isnan (VALUE (other, REVENUE).target));
  g_assert_cmpint (VALUE (other, REVENUE).pace, ==, ATTAIN_PACE_NONE);
}

static void
test_empty_period (Fixture *f, gconstpointer data)
{
  g_autoptr (AttainMetrics) m = compute (f, ATTAIN_SCOPE_UNIT, SMALL_COMPANY, "2026-Q3");

  g_assert_cmpfloat_with_epsilon (VALUE (m, REVENUE).value, 0, EPS);
  g_assert_true (isnan (VALUE (m, REVENUE).target));
  g_assert_true (isnan (VALUE (m, REVENUE).attainment));
  g_assert_true (isnan (VALUE (m, COLLECTION_RATE).value));
  g_assert_true (isnan (VALUE (m, NPS).value));
  g_assert_true (isnan (VALUE (m, SALES_CYCLE).value));
  /* The yearly 90% goal still covers Q3, but there is nothing to measure against it. */
  g_assert_cmpfloat_with_epsilon (VALUE (m, COLLECTION_RATE).target, 0.9, EPS);
  g_assert_cmpint (VALUE (m, COLLECTION_RATE).pace, ==, ATTAIN_PACE_NONE);
}

static void
test_running_period (Fixture *f, gconstpointer data)
{
  g_autoptr (AttainMetrics) m = NULL;

  /* On 14 February 2026, 45 of 90 days of Q1 have gone by. */
  attain_test_date (&f->today, "2026-02-14");
  m = compute (f, ATTAIN_SCOPE_UNIT, SMALL_COMPANY, "2026-Q1");
  g_assert_cmpfloat_with_epsilon (m->elapsed, 45.0 / 90.0, EPS);
  /* ¥150,000 of ¥210,000 (71.4%) against 50% elapsed, more than 5 points ahead. */
  g_assert_cmpint (VALUE (m, REVENUE).pace, ==, ATTAIN_PACE_AHEAD);
  /* Last year to date: January 2025 in full and 1 to 14 February 2025, which holds deal 5
   * (¥40,000, won on the 14th). A month × 14/28 estimate said ¥20,000. */
  g_assert_cmpfloat_with_epsilon (VALUE (m, REVENUE).previous, 4000000, EPS);
  /* Deals 5 (lead on 5 January 2025) and 6 (1 February) came in; by 14 February only deal 5
   * was won (deal 6 on 13 March): 1 of 2. */
  g_assert_cmpfloat_with_epsilon (VALUE (m, NEW_LEADS).previous, 2, EPS);
  g_assert_cmpfloat_with_epsilon (VALUE (m, LEAD_TO_WON).previous, 0.5, EPS);
  /* The quarter before, to the same day (October 2025 and 1 to 14 November): nothing won. */
  g_assert_cmpfloat_with_epsilon (VALUE (m, REVENUE).before, 0, EPS);
  g_clear_pointer (&m, attain_metrics_free);

  /* A day earlier, the 14th is not in last year's stretch: nothing (the estimate: ¥18,571). */
  attain_test_date (&f->today, "2026-02-13");
  m = compute (f, ATTAIN_SCOPE_UNIT, SMALL_COMPANY, "2026-Q1");
  g_assert_cmpfloat_with_epsilon (VALUE (m, REVENUE).previous, 0, EPS);
  g_assert_true (isnan (VALUE (m, REVENUE).change));
  /* Deal 6 (¥60,000, 13 March 2025) is in the same stretch only from 13 March. */
  g_clear_pointer (&m, attain_metrics_free);
  attain_test_date (&f->today, "2026-03-13");
  m = compute (f, ATTAIN_SCOPE_UNIT, SMALL_COMPANY, "2026-Q1");
  g_assert_cmpfloat_with_epsilon (VALUE (m, REVENUE).previous, 10000000, EPS);
  g_assert_cmpfloat_with_epsilon (VALUE (m, REVENUE).change, 0.5, EPS);
  g_clear_pointer (&m, attain_metrics_free);
  attain_test_date (&f->today, "2026-02-14");
  m = compute (f, ATTAIN_SCOPE_UNIT, SMALL_COMPANY, "2026-Q1");
  /* Deal 4 is open at proposal (50%): ¥80,000, weighted ¥40,000. */
  g_assert_cmpfloat_with_epsilon (VALUE (m, PIPELINE).value, 8000000, EPS);
  g_assert_cmpfloat_with_epsilon (VALUE (m, WEIGHTED_PIPELINE).value, 4000000, EPS);

  /* A future period has not started. */
  g_clear_pointer (&m, attain_metrics_free);
  m = compute (f, ATTAIN_SCOPE_UNIT, SMALL_COMPANY, "2026-Q2");
  g_assert_cmpfloat (m->elapsed, ==, 0.0);
}

/* March 2026 (over by 23 November) against February: ¥50,000 (deal 2) after ¥100,000 (deal 1),
 * −50% month on month; against March 2025's ¥60,000 (deal 6), −16.7%. Variance: March's
 * monthly goals are ¥70,000, so −¥20,000. A year has no separate period before. */
static void
test_period_before_and_variance (Fixture *f, gconstpointer data)
{
  g_autoptr (AttainMetrics) m = compute (f, ATTAIN_SCOPE_UNIT, SMALL_COMPANY, "2026-03");

  g_assert_cmpfloat_with_epsilon (VALUE (m, REVENUE).before, 10000000, EPS);
  g_assert_cmpfloat_with_epsilon (VALUE (m, REVENUE).change_before, -0.5, EPS);
  g_assert_cmpfloat_with_epsilon (VALUE (m, REVENUE).change, 50000.0 / 60000.0 - 1, EPS);
  g_assert_cmpfloat_with_epsilon (VALUE (m, REVENUE).variance, -2000000, EPS);
  /* Rates change in points: March's margin 1,000,000/5,000,000 = 20% after February's
   * 3,000,000/10,000,000 = 30%, −10 points. */
  g_assert_true (attain_metric_change_in_points (attain_metric_info (ATTAIN_METRIC_GROSS_MARGIN)));
  g_assert_false (attain_metric_change_in_points (attain_metric_info (ATTAIN_METRIC_REVENUE)));
  g_assert_cmpfloat_with_epsilon (VALUE (m, GROSS_MARGIN).change_before, -0.1, EPS);
  g_clear_pointer (&m, attain_metrics_free);

  m = compute (f, ATTAIN_SCOPE_UNIT, SMALL_COMPANY, "2026");
  g_assert_true (isnan (VALUE (m, REVENUE).before));
  g_assert_true (isnan (VALUE (m, REVENUE).change_before));
}

static void
test_fiscal_year_april (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainMetrics) year = NULL;
  g_autoptr (AttainMetrics) q4 = NULL;

  g_assert_true (attain_db_set_setting (f->db, "fiscal_year_start_month", "4", &error));
  /* Fiscal 2025 is April 2025 to March 2026: deals 1 and 2. Fiscal 2024 holds deals 5 and 6
   * (February and March 2025). */
  year = compute (f, ATTAIN_SCOPE_UNIT, SMALL_COMPANY, "2025");
  g_assert_cmpfloat_with_epsilon (VALUE (year, REVENUE).value, 15000000, EPS);
  g_assert_cmpfloat_with_epsilon (VALUE (year, REVENUE).previous, 10000000, EPS);
  g_assert_cmpfloat_with_epsilon (VALUE (year, REVENUE).change, 0.5, EPS);
  /* Its fourth quarter is January to March 2026. */
  q4 = compute (f, ATTAIN_SCOPE_UNIT, SMALL_COMPANY, "2025-Q4");
  g_assert_cmpfloat_with_epsilon (VALUE (q4, REVENUE).value, 15000000, EPS);
  g_assert_cmpfloat_with_epsilon (VALUE (q4, REVENUE).target, 21000000, EPS);
}

static void
test_dashboard (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  AttainScope  scope = { ATTAIN_SCOPE_UNIT, SMALL_REGION_EAST };
  AttainPeriod period;
  g_autoptr (AttainDashboard) d = NULL;
  AttainRankingRow *first, *second;

  g_assert_true (attain_period_parse ("2026-Q1", 1, &period, NULL));
  d = attain_dashboard_load (f->db, &scope, &period, &f->today, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (d->scope_name, ==, "East");
  g_assert_true (d->has_parent);
  g_assert_cmpint (d->parent.id, ==, SMALL_COMPANY);

  /* Ranking: team one 150/180 = 83.3% before team two 0/30. */
  g_assert_cmpuint (d->ranking->len, ==, 2);
  first = g_ptr_array_index (d->ranking, 0);
  second = g_ptr_array_index (d->ranking, 1);
  g_assert_cmpstr (first->name, ==, "Team one");
  g_assert_cmpfloat_with_epsilon (first->attainment, 150.0 / 180.0, EPS);
  g_assert_cmpint (first->pace, ==, ATTAIN_PACE_BEHIND);
  g_assert_cmpstr (second->name, ==, "Team two");
  g_assert_cmpfloat_with_epsilon (second->actual, 0, EPS);
  g_assert_cmpfloat_with_epsilon (second->target, 3000000, EPS);

  /* Trend over calendar 2026: January nothing won, February ¥100,000, March ¥50,000;
   * targets A+B+D = ¥70,000 in each of the first three months; last year February ¥40,000. */
  g_assert_cmpuint (d->trend->n_points, ==, 12);
  g_assert_cmpfloat_with_epsilon (d->trend->actual[0], 0, EPS);
  g_assert_cmpfloat_with_epsilon (d->trend->actual[1], 10000000, EPS);
  g_assert_cmpfloat_with_epsilon (d->trend->actual[2], 5000000, EPS);
  g_assert_cmpfloat_with_epsilon (d->trend->target[0], 7000000, EPS);
  g_assert_true (isnan (d->trend->target[5]));
  g_assert_cmpfloat_with_epsilon (d->trend->previous[1], 4000000, EPS);
  g_assert_cmpfloat_with_epsilon (d->trend->previous[2], 6000000, EPS);
  /* December 2026 lies after today (23 November): no actual yet. */
  g_assert_true (isnan (d->trend->actual[11]));
  /* Q1 is shaded (January to March), November holds 23 of its 30 days and says so. */
  g_assert_cmpint (d->trend->period_first, ==, 0);
  g_assert_cmpint (d->trend->period_last, ==, 2);
  g_assert_cmpint (d->trend->partial_index, ==, 10);
  g_assert_cmpstr (d->trend->partial_label, ==, "This month to day 23");

  /* Funnel of stage entries in Q1: 4, 4, 3, 2, 2. */
  g_assert_cmpuint (d->funnel->n_stages, ==, 5);
  g_assert_cmpint (d->funnel->stages[0].count, ==, 4);
  g_assert_cmpint (d->funnel->stages[1].count, ==, 4);
  g_assert_cmpint (d->funnel->stages[2].count, ==, 3);
  g_assert_cmpint (d->funnel->stages[3].count, ==, 2);
  g_assert_cmpint (d->funnel->stages[4].count, ==, 2);
  g_assert_true (isnan (d->funnel->stages[0].conversion));
  g_assert_cmpfloat_with_epsilon (d->funnel->stages[2].conversion, 0.75, EPS);
  g_assert_cmpfloat_with_epsilon (d->funnel->stages[3].conversion, 2.0 / 3.0, EPS);
  /* Leads worth 100k + 50k + 20k + 80k; qualified reached after 10, 7, 10 and 9 days. */
  g_assert_cmpfloat_with_epsilon (d->funnel->stages[0].amount, 25000000, EPS);
  g_assert_cmpfloat_with_epsilon (d->funnel->stages[1].mean_days, 9.0, EPS);
  /* Today's pipeline by stage: deal 4, ¥80,000 at proposal (50%), nothing elsewhere. */
  g_assert_cmpint (d->funnel->stages[2].open_count, ==, 1);
  g_assert_cmpfloat_with_epsilon (d->funnel->stages[2].open_amount, 8000000, EPS);
  g_assert_cmpfloat_with_epsilon (d->funnel->stages[2].weighted_amount, 4000000, EPS);
  g_assert_cmpint (d->funnel->stages[1].open_count, ==, 0);
}

/* February 2026 in East: deal 1 entered negotiation on 1 February and was won on the 9th; deal 2
 * went from lead (1 February) to negotiation (22 February) and was won on 3 March. Counting
 * entries, negotiation (2) against proposal (1) read "200%". */
static void
test_funnel_by_cohort (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  AttainScope  scope = { ATTAIN_SCOPE_UNIT, SMALL_REGION_EAST };
  AttainPeriod period;
  g_autoptr (AttainDashboard) d = NULL;
  g_autoptr (AttainMetrics) m = NULL;

  g_assert_true (attain_period_parse ("2026-02", 1, &period, NULL));
  d = attain_dashboard_load (f->db, &scope, &period, &f->today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (d->funnel->stages[2].count, ==, 1);
  g_assert_cmpint (d->funnel->stages[3].count, ==, 2);
  /* Of the one deal that reached proposal in February (deal 2), one went on: 100%, not 200%. */
  g_assert_cmpfloat_with_epsilon (d->funnel->stages[3].conversion, 1.0, EPS);
  /* Of the two that reached negotiation, deal 1 was won in February and deal 2 only in March:
   * by the month's end, one of two. */
  g_assert_cmpfloat_with_epsilon (d->funnel->stages[4].conversion, 0.5, EPS);
  for (guint i = 1; i < d->funnel->n_stages; i++)
    g_assert_cmpfloat (d->funnel->stages[i].conversion, <=, 1.0);

  /* February's one lead (deal 2) was won after February: 0% lead-to-won for the month ... */
  m = compute (f, ATTAIN_SCOPE_UNIT, SMALL_REGION_EAST, "2026-02");
  g_assert_cmpfloat_with_epsilon (VALUE (m, NEW_LEADS).value, 1, EPS);
  g_assert_cmpfloat_with_epsilon (VALUE (m, LEAD_TO_WON).value, 0, EPS);
  g_clear_pointer (&m, attain_metrics_free);
  /* ... and January's qualified deals (1 and 3) half went on; January's two leads both did. */
  g_clear_pointer (&d, attain_dashboard_free);
  g_assert_true (attain_period_parse ("2026-01", 1, &period, NULL));
  d = attain_dashboard_load (f->db, &scope, &period, &f->today, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (d->funnel->stages[1].conversion, 1.0, EPS);
  g_assert_cmpfloat_with_epsilon (d->funnel->stages[2].conversion, 0.5, EPS);
  /* The quarter: of four leads, deals 1 and 2 were won by 31 March. */
  m = compute (f, ATTAIN_SCOPE_UNIT, SMALL_REGION_EAST, "2026-Q1");
  g_assert_cmpfloat_with_epsilon (VALUE (m, LEAD_TO_WON).value, 0.5, EPS);
}

static void
test_person_dashboard_ranks_peers (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  AttainScope  scope = { ATTAIN_SCOPE_PERSON, SMALL_PERSON_B };
  AttainPeriod period;
  g_autoptr (AttainDashboard) d = NULL;
  AttainRankingRow *row;

  g_assert_true (attain_period_parse ("2026-Q1", 1, &period, NULL));
  d = attain_dashboard_load (f->db, &scope, &period, &f->today, &error);
  g_assert_no_error (error);
  g_assert_true (d->ranking_is_peers);
  g_assert_cmpint (d->parent.id, ==, SMALL_TEAM_ONE);
  g_assert_cmpuint (d->ranking->len, ==, 2);
  row = g_ptr_array_index (d->ranking, 1);
  g_assert_cmpstr (row->name, ==, "B");
  g_assert_true (row->is_self);
  g_assert_false (((AttainRankingRow *) g_ptr_array_index (d->ranking, 0))->is_self);
}

static void
test_unknown_scope (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  AttainScope    scope = { ATTAIN_SCOPE_PERSON, 999 };
  AttainPeriod   period;
  AttainMetrics *m;

  g_assert_true (attain_period_parse ("2026-Q1", 1, &period, NULL));
  m = attain_metrics_compute (f->db, &scope, &period, &f->today, &error);
  g_assert_null (m);
  g_assert_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "999"));
}

/* 2027 has not started on 23 November 2026: nothing is compared with last year ("-100%" before),
 * for every metric; its targets and pace are still there. */
static void
test_period_not_started (Fixture *f, gconstpointer data)
{
  g_autoptr (AttainMetrics) year = compute (f, ATTAIN_SCOPE_UNIT, SMALL_COMPANY, "2027");
  g_autoptr (AttainMetrics) quarter = compute (f, ATTAIN_SCOPE_PERSON, SMALL_PERSON_A, "2027-Q1");

  for (guint i = 0; i < ATTAIN_N_METRICS; i++)
    {
      g_assert_true (isnan (year->values[i].change));
      g_assert_true (isnan (quarter->values[i].change));
    }
  g_assert_cmpfloat_with_epsilon (year->elapsed, 0.0, EPS);
  /* The running year still compares: Jan–23 Nov 2026 against the same stretch of 2025. */
  {
    g_autoptr (AttainMetrics) running = compute (f, ATTAIN_SCOPE_UNIT, SMALL_COMPANY, "2026");
    g_assert_false (isnan (running->values[ATTAIN_METRIC_REVENUE].change));
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  attain_number_style_override (ATTAIN_NUMBER_STYLE_WESTERN);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/metrics/company-quarter", test_company_quarter);
  ADD ("/metrics/team-and-person", test_team_and_person);
  ADD ("/metrics/unit-goal-and-empty-unit", test_unit_goal_and_empty_unit);
  ADD ("/metrics/empty-period", test_empty_period);
  ADD ("/metrics/running-period", test_running_period);
  ADD ("/metrics/period-not-started", test_period_not_started);
  ADD ("/metrics/fiscal-year-april", test_fiscal_year_april);
  ADD ("/metrics/dashboard", test_dashboard);
  ADD ("/metrics/funnel-by-cohort", test_funnel_by_cohort);
  ADD ("/metrics/period-before-and-variance", test_period_before_and_variance);
  ADD ("/metrics/person-dashboard-ranks-peers", test_person_dashboard_ranks_peers);
  ADD ("/metrics/unknown-scope", test_unknown_scope);
  return g_test_run ();
}

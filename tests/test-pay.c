/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The arithmetic of paying out results, each figure worked out by hand in the comments. */
#include <glib.h>
#include <string.h>

#include "attain-test-util.h"
#include "model/attain-bonus.h"
#include "model/attain-cycle.h"
#include "model/attain-feedback.h"
#include "model/attain-pay.h"
#include "model/attain-review.h"
#include "model/attain-results.h"
#include "model/attain-rollup.h"
#include "model/attain-settings.h"
#include "model/attain-scorecard.h"

/* The default curve: 0 below 60, a step to 50% at 60, then linear: 80 → 50 + 50 × 20/40 = 75%,
 * 110 → 100 + 50 × 10/20 = 125%, 135 → 150 + 50 × 15/30 = 175%, flat at 200% from 150. */
static void
test_default_curve (void)
{
  g_autoptr (GArray) curve = attain_curve_default ();
  const AttainCurvePoint *p = (const AttainCurvePoint *) curve->data;
  const struct
  {
    int score, payout;
  } expected[] = {
    { 0, 0 },         { 5999, 0 },      { 6000, 5000 },   { 8000, 7500 },
    { 9999, 9999 },   { 10000, 10000 }, { 11000, 12500 }, { 12000, 15000 },
    { 13500, 17500 }, { 15000, 20000 }, { 20000, 20000 }, { 100000, 20000 },
  };

  g_assert_true (attain_curve_validate (p, curve->len, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (attain_curve_payout (p, curve->len, expected[i].score), ==,
                     expected[i].payout);
}

/* A step written as two points at 60 (0% then 50%): at 60 the upper side pays; just below it
 * the lower side's segment from 40 pays (59 → 0%). A curve that goes back in score, or three
 * points at one score, is refused with the point named. */
static void
test_curve_steps_and_refusals (void)
{
  const AttainCurvePoint step[] = { { 4000, 0 }, { 6000, 0 }, { 6000, 5000 }, { 10000, 10000 } };
  const AttainCurvePoint back[] = { { 6000, 5000 }, { 5000, 10000 } };
  const AttainCurvePoint three[] = { { 6000, 0 }, { 6000, 5000 }, { 6000, 6000 } };
  const AttainCurvePoint too_much[] = { { 6000, 100001 } };
  g_autoptr (GError) error = NULL;

  g_assert_true (attain_curve_validate (step, G_N_ELEMENTS (step), &error));
  g_assert_cmpint (attain_curve_payout (step, G_N_ELEMENTS (step), 5900), ==, 0);
  g_assert_cmpint (attain_curve_payout (step, G_N_ELEMENTS (step), 6000), ==, 5000);
  g_assert_cmpint (attain_curve_payout (step, G_N_ELEMENTS (step), 8000), ==, 7500);

  g_assert_false (attain_curve_validate (back, G_N_ELEMENTS (back), &error));
  g_assert_error (error, ATTAIN_PAY_ERROR, ATTAIN_PAY_ERROR_CURVE);
  g_assert_nonnull (strstr (error->message, "Point 2 of the curve is at score 50, below"));
  g_clear_error (&error);
  g_assert_false (attain_curve_validate (three, G_N_ELEMENTS (three), &error));
  g_assert_nonnull (strstr (error->message, "Three points of the curve are at score 60"));
  g_clear_error (&error);
  g_assert_false (attain_curve_validate (too_much, 1, &error));
  g_clear_error (&error);
  g_assert_false (attain_curve_validate (NULL, 0, &error));
}

/* Marginal, 3% up to target and 5% above, target ¥12,000,000, base ¥13,800,000:
 * ¥12,000,000 × 3% + ¥1,800,000 × 5% = ¥360,000 + ¥90,000 = ¥450,000. Exactly at target the
 * boundary is the upper tier's, but marginal puts nothing above it: ¥360,000. Whole-tier at
 * exactly 100%: the upper rate on everything, ¥12,000,000 × 5% = ¥600,000; at 99.9999…%, 3%. */
static void
test_commission_tiers (void)
{
  const AttainCommissionTier tiers[] = { { 0, 300 }, { 10000, 500 } };
  const gint64               target = G_GINT64_CONSTANT (1200000000); /* fen */
  g_autoptr (GArray) parts = g_array_new (FALSE, FALSE, sizeof (AttainCommissionPart));

  g_assert_true (attain_commission_tiers_validate (tiers, 2, NULL));
  g_assert_cmpint (attain_commission_compute (tiers, 2, ATTAIN_COMMISSION_MARGINAL,
                                              G_GINT64_CONSTANT (1380000000), target, parts),
                   ==, G_GINT64_CONSTANT (45000000));
  g_assert_cmpuint (parts->len, ==, 2);
  g_assert_cmpint (g_array_index (parts, AttainCommissionPart, 0).amount, ==, target);
  g_assert_cmpint (g_array_index (parts, AttainCommissionPart, 0).earned, ==, 36000000);
  g_assert_cmpint (g_array_index (parts, AttainCommissionPart, 1).amount, ==, 180000000);
  g_assert_cmpint (g_array_index (parts, AttainCommissionPart, 1).earned, ==, 9000000);
  g_array_set_size (parts, 0);

  g_assert_cmpint (
      attain_commission_compute (tiers, 2, ATTAIN_COMMISSION_MARGINAL, target, target, parts), ==,
      36000000);
  g_assert_cmpuint (parts->len, ==, 1);
  g_assert_cmpint (
      attain_commission_compute (tiers, 2, ATTAIN_COMMISSION_WHOLE, target, target, NULL), ==,
      60000000);
  g_assert_cmpint (
      attain_commission_compute (tiers, 2, ATTAIN_COMMISSION_WHOLE, target - 1, target, NULL), ==,
      attain_pay_scale (target - 1, 300, 10000));
  /* ¥10,000,000 whole-tier, below target: 3%, ¥300,000. */
  g_assert_cmpint (attain_commission_compute (tiers, 2, ATTAIN_COMMISSION_WHOLE,
                                              G_GINT64_CONSTANT (1000000000), target, NULL),
                   ==, 30000000);
  /* No target: the first tier's rate, ¥100 × 3% = ¥3; 33 fen × 3% = 0.99 fen → 1 fen. */
  g_assert_cmpint (attain_commission_compute (tiers, 2, ATTAIN_COMMISSION_MARGINAL, 10000, 0, NULL),
                   ==, 300);
  g_assert_cmpint (attain_commission_compute (tiers, 2, ATTAIN_COMMISSION_WHOLE, 33, 0, NULL), ==,
                   1);
  /* A reversal larger than the period's base: ¥-1,000 × 3% = ¥-30. */
  g_assert_cmpint (
      attain_commission_compute (tiers, 2, ATTAIN_COMMISSION_MARGINAL, -100000, target, NULL), ==,
      -3000);
}

/* Tiers that leave a gap at the bottom or overlap are refused, naming the tier. */
static void
test_commission_tier_refusals (void)
{
  const AttainCommissionTier gap[] = { { 5000, 300 } };
  const AttainCommissionTier overlap[] = { { 0, 300 }, { 10000, 500 }, { 10000, 800 } };
  const AttainCommissionTier rate[] = { { 0, 10001 } };
  g_autoptr (GError) error = NULL;

  g_assert_false (attain_commission_tiers_validate (gap, 1, &error));
  g_assert_error (error, ATTAIN_PAY_ERROR, ATTAIN_PAY_ERROR_TIERS);
  g_clear_error (&error);
  g_assert_false (attain_commission_tiers_validate (overlap, 3, &error));
  g_assert_nonnull (strstr (error->message, "Tier 3 starts at 100% of target, not above tier 2"));
  g_clear_error (&error);
  g_assert_false (attain_commission_tiers_validate (rate, 1, &error));
}

/* Computed 1,000.00, 2,000.00 and 3,000.00 (sum 6,000.00). A pool of 7,000.00 does not bind.
 * A pool of 1,000.01 does: exact shares 166.668333…, 333.336666…, 500.005 yuan, floored
 * 166.66 + 333.33 + 500.00 = 999.99; the 2 fen left go to the largest remainders (the first
 * two), so 166.67 + 333.34 + 500.00 = 1,000.01 exactly. The factor is 1,000.01 / 6,000 =
 * 16.667%, 1667 basis points. Three equal figures sharing 2 fen: the earlier rows get them. */
static void
test_pool (void)
{
  const gint64 computed[] = { 100000, 200000, 300000 };
  const gint64 equal[] = { 1, 1, 1 };
  gint64       paid[3];
  int          factor = 0;
  g_autoptr (GError) error = NULL;

  g_assert_true (attain_pool_scale (computed, 3, 700000, paid, &factor, &error));
  g_assert_cmpint (paid[0], ==, 100000);
  g_assert_cmpint (paid[2], ==, 300000);
  g_assert_cmpint (factor, ==, 10000);

  g_assert_true (attain_pool_scale (computed, 3, 100001, paid, &factor, &error));
  g_assert_cmpint (paid[0], ==, 16667);
  g_assert_cmpint (paid[1], ==, 33334);
  g_assert_cmpint (paid[2], ==, 50000);
  g_assert_cmpint (paid[0] + paid[1] + paid[2], ==, 100001);
  g_assert_cmpint (factor, ==, 1667);

  g_assert_true (attain_pool_scale (equal, 3, 2, paid, NULL, &error));
  g_assert_cmpint (paid[0], ==, 1);
  g_assert_cmpint (paid[1], ==, 1);
  g_assert_cmpint (paid[2], ==, 0);

  g_assert_true (attain_pool_scale (computed, 3, 0, paid, &factor, &error));
  g_assert_cmpint (paid[0] + paid[1] + paid[2], ==, 0);
  g_assert_false (attain_pool_scale (computed, 3, -1, paid, &factor, &error));
  g_assert_error (error, ATTAIN_PAY_ERROR, ATTAIN_PAY_ERROR_POOL);
}

/* Rounding half away from zero, and products beyond 64 bits. */
static void
test_scale (void)
{
  g_assert_cmpint (attain_pay_scale (5, 1, 2), ==, 3);
  g_assert_cmpint (attain_pay_scale (-5, 1, 2), ==, -3);
  g_assert_cmpint (attain_pay_scale (4, 1, 3), ==, 1);
  /* ¥10 billion in fen × 20000 bp overflows 64 bits on the way: 1e12 × 2e4 / 1e4 = 2e12. */
  g_assert_cmpint (attain_pay_scale (G_GINT64_CONSTANT (1000000000000), 20000, 10000), ==,
                   G_GINT64_CONSTANT (2000000000000));
  /* Days worked: 31 of 92 days of a quarter, of ¥9,200 → ¥3,100. */
  g_assert_cmpint (attain_pay_scale (920000, 31, 92), ==, 310000);
}

static JsonObject *
person_row (JsonNode *sheet, gint64 person)
{
  JsonArray *people = json_object_get_array_member (json_node_get_object (sheet), "people");
  for (guint i = 0; i < json_array_get_length (people); i++)
    {
      JsonObject *row = json_array_get_object_element (people, i);
      if (json_object_get_int_member (row, "person") == person)
        return row;
    }
  g_assert_not_reached ();
}

/* The small company's A, scored on revenue in bands (KPI 100%), her 2026-Q1 review signed off:
 * 125% of target scores 100 + 0.5 × 25 = 112.5, rated S. */
static void
sign_off_a (AttainDb *db, const AttainPeriod *q1, const GDate *today)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainScorecard) card = attain_scorecard_new ("Reps");
  g_autoptr (AttainReview) review = NULL;
  AttainScoreRule bands;

  attain_score_rule_init (&bands, ATTAIN_RULE_BANDS);
  card->kpi_weight = 10000;
  attain_scorecard_add_line (card, "revenue", 10000, &bands);
  g_assert_cmpint (attain_scorecard_save (db, card, &error), >, 0);
  review = attain_review_open (db, 1, q1, &error);
  g_assert_true (attain_review_set_field (db, review, "reviewer", "王经理", &error));
  g_assert_true (attain_review_set_field (db, review, "interview_on", "2026-04-08", &error));
  g_assert_true (attain_review_sign_off (db, review, today, &error));
  g_assert_no_error (error);
}

/* The small company's Q1 2026 (90 days). One plan for every position: fixed ¥5,000 and target
 * bonus ¥3,000 a month (a quarter: ¥15,000 and ¥9,000), commission on revenue 3% up to target
 * and 5% above, ¥1,000 for each full 10 points of revenue attainment above 100%. A scorecard of
 * revenue in bands (KPI 100%).
 * - A: revenue ¥150,000 against ¥120,000 (125%): commission ¥120,000 × 3% + ¥30,000 × 5% =
 *   ¥5,100. Her signed-off review scores 100 + 0.5 × 25 = 112.5; on the default curve 100% +
 *   50% × 12.5/20 = 131.25%, so the variable part is ¥9,000 × 131.25% = ¥11,812.50; awards 2 ×
 *   ¥1,000. Total ¥15,000 + ¥5,100 + ¥11,812.50 + ¥2,000 = ¥33,912.50.
 * - B: no signed-off review: fixed pay only, ¥15,000, and the reason.
 * - D joined on 15 February: 45 of 90 days, fixed ¥7,500.
 * A pool of ¥10,000 binds: A's variable part is paid ¥10,000.00 exactly (the factor
 * ¥10,000 / ¥11,812.50 = 84.66%), her total ¥32,100. Approved, the sheet is locked: the pool
 * cannot change (nor the row by SQL), and a deal imported afterwards changes nothing on it. */
static void
test_bonus_sheet (void)
{
  g_autofree char *dir = attain_test_make_tmp_dir ();
  g_autofree char *path = attain_test_db_path (dir, "bonus.db");
  g_autoptr (AttainDb) db = attain_test_small_company (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainPayPlan) plan = attain_pay_plan_new ();
  g_autoptr (JsonNode) sheet = NULL;
  AttainPeriod q1;
  GDate        today;
  JsonObject  *a, *b, *d;

  attain_test_date (&today, "2026-04-20");
  g_assert_true (attain_period_parse ("2026-Q1", 1, &q1, NULL));

  plan->fixed_monthly = 500000;
  plan->bonus_monthly = 300000;
  plan->over_award = 100000;
  g_free (plan->commission_base);
  plan->commission_base = g_strdup ("revenue");
  g_array_unref (plan->tiers);
  plan->tiers = attain_tiers_parse ("0:3, 100:5", &error);
  g_assert_no_error (error);
  /* A curve listed out of order is refused and nothing saved. */
  g_array_unref (plan->curve);
  plan->curve = attain_curve_parse ("100:100,60:50", &error);
  g_assert_cmpint (attain_pay_plan_save (db, plan, &error), ==, 0);
  g_assert_error (error, ATTAIN_PAY_ERROR, ATTAIN_PAY_ERROR_CURVE);
  g_clear_error (&error);
  g_assert_cmpint (attain_test_query_int (db, "SELECT count (*) FROM pay_plans"), ==, 0);
  g_array_unref (plan->curve);
  plan->curve = attain_curve_parse ("60:50,100:100,120:150,150:200", &error);
  g_assert_cmpint (attain_pay_plan_save (db, plan, &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (
      attain_db_exec (db, "UPDATE people SET hired_on = '2026-02-15' WHERE id = 3", &error));
  sign_off_a (db, &q1, &today);

  sheet = attain_bonus_sheet (db, 1, &q1, &today, &error);
  g_assert_no_error (error);
  a = person_row (sheet, 1);
  b = person_row (sheet, 2);
  d = person_row (sheet, 3);
  g_assert_cmpint (json_object_get_int_member (a, "commission"), ==, 510000);
  g_assert_cmpstr (json_object_get_string_member (a, "commission_formula"), ==,
                   "¥120,000 × 3.0% + ¥30,000 × 5.0% = ¥5,100");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (a, "payout"), 1.3125, 1e-9);
  g_assert_cmpint (json_object_get_int_member (a, "target_bonus"), ==, 900000);
  g_assert_cmpint (json_object_get_int_member (a, "variable"), ==, 1181250);
  g_assert_cmpint (json_object_get_int_member (a, "awards"), ==, 200000);
  g_assert_cmpint (json_object_get_int_member (a, "total"), ==, 3391250);
  g_assert_cmpint (json_object_get_int_member (b, "total"), ==, 1500000);
  g_assert_cmpint (json_object_get_int_member (b, "variable"), ==, 0);
  g_assert_nonnull (json_object_get_string_member (b, "missing"));
  g_assert_cmpint (json_object_get_int_member (d, "days"), ==, 45);
  g_assert_cmpint (json_object_get_int_member (d, "fixed"), ==, 750000);
  g_clear_pointer (&sheet, json_node_unref);

  g_assert_false (attain_bonus_sheet_set_pool (db, 1, &q1, TRUE, -1, &error));
  g_assert_error (error, ATTAIN_PAY_ERROR, ATTAIN_PAY_ERROR_POOL);
  g_clear_error (&error);
  g_assert_true (attain_bonus_sheet_set_pool (db, 1, &q1, TRUE, 1000000, &error));
  sheet = attain_bonus_sheet (db, 1, &q1, &today, &error);
  a = person_row (sheet, 1);
  g_assert_cmpint (json_object_get_int_member (a, "pooled_paid"), ==, 1000000);
  g_assert_cmpint (json_object_get_int_member (a, "total_paid"), ==, 3210000);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (sheet), "pooled_paid"), ==,
                   1000000);
  g_assert_cmpfloat_with_epsilon (
      json_object_get_double_member (json_node_get_object (sheet), "factor"), 0.8466, 1e-9);
  g_assert_nonnull (
      strstr (json_object_get_string_member (json_node_get_object (sheet), "pool_formula"),
              "above the pool of ¥10,000:"));
  g_clear_pointer (&sheet, json_node_unref);

  g_assert_true (attain_bonus_sheet_approve (db, 1, &q1, &today, &error));
  g_assert_no_error (error);
  g_assert_false (attain_bonus_sheet_set_pool (db, 1, &q1, TRUE, 2000000, &error));
  g_assert_error (error, ATTAIN_BONUS_ERROR, ATTAIN_BONUS_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (attain_bonus_sheet_approve (db, 1, &q1, &today, &error));
  g_clear_error (&error);
  g_assert_false (attain_db_exec (db, "UPDATE bonus_sheets SET pool = 0", NULL));
  g_assert_false (attain_db_exec (db, "DELETE FROM bonus_sheets", NULL));
  g_assert_true (attain_db_begin (db, NULL));
  g_assert_true (attain_db_exec (
      db,
      "INSERT INTO deals (id, owner_id, customer_id, stage_id, status, amount, gross_profit, "
      "created_on, closed_on) VALUES (99, 2, 1, (SELECT id FROM stages WHERE key = 'won'), "
      "'won', 9000000, 0, '2026-03-01', '2026-03-20')",
      &error));
  g_assert_true (attain_rollup_rebuild (db, &error));
  g_assert_true (attain_db_commit (db, &error));
  sheet = attain_bonus_sheet (db, 1, &q1, &today, &error);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (sheet), "approved"));
  g_assert_cmpint (json_object_get_int_member (person_row (sheet, 2), "commission"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (person_row (sheet, 1), "total_paid"), ==, 3210000);
  g_clear_pointer (&sheet, json_node_unref);
  g_clear_pointer (&db, attain_db_close);
  attain_test_rm_rf (dir);
}

/* Commission on money that went back is deducted in the period it went back, at the rate it
 * was paid. The small company's A, commission on revenue 3% up to target and 5% above:
 * - Q1 2026 paid ¥5,100 on ¥150,000 (see the bonus sheet's case): a rate of 3.4%.
 * - Q2 2026, target ¥120,000: she wins ¥60,000 (deal 7) and ¥20,000 (deal 8, reversed on 1 June:
 *   within the period, it just lowers the base); deal 2 (¥50,000, won 3 March) is reversed on
 *   10 May. The rollup's revenue is 60,000 + 20,000 − 20,000 − 50,000 = ¥10,000, but the tier is
 *   set by the quarter's own business, ¥60,000 (50%): ¥60,000 × 3% = ¥1,800. The reversal costs
 *   ¥50,000 × 3.4% = ¥1,700: net ¥100.
 * - Q1's sheet approved, the plan then changed to a flat 10%: Q2's commission is ¥6,000, and the
 *   deduction stays ¥1,700 (the approved rate), not ¥5,000 at today's plan: net ¥4,300.
 * - On collections, a flat 2%: Q1 collected ¥90,000 (¥1,800). ¥9,000 of deal 1 refunded on
 *   20 April: Q2 has nothing of its own (¥0), the refund costs ¥9,000 × 2% = ¥180, net −¥180.
 *   The approved Q1 sheet paid on revenue, so its rate is not this plan's. */
static void
test_commission_reversal (void)
{
  g_autofree char *dir = attain_test_make_tmp_dir ();
  g_autofree char *path = attain_test_db_path (dir, "reversal.db");
  g_autoptr (AttainDb) db = attain_test_small_company (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainPayPlan) plan = attain_pay_plan_new ();
  g_autoptr (JsonNode) sheet = NULL;
  AttainPeriod q1, q2;
  GDate        today;
  JsonObject  *a, *reversal;
  JsonArray   *reversals;

  attain_test_date (&today, "2026-07-10");
  g_assert_true (attain_period_parse ("2026-Q1", 1, &q1, NULL));
  g_assert_true (attain_period_parse ("2026-Q2", 1, &q2, NULL));
  g_assert_true (attain_db_exec (
      db,
      "INSERT INTO deals (id, owner_id, customer_id, stage_id, status, amount, gross_profit, "
      "created_on, closed_on) VALUES (7, 1, 1, (SELECT id FROM stages WHERE key = 'won'), 'won', "
      "6000000, 0, '2026-04-01', '2026-04-15'), (8, 1, 2, (SELECT id FROM stages WHERE key = "
      "'won'), 'won', 2000000, 0, '2026-04-02', '2026-04-20');"
      "INSERT INTO deal_reversals (deal_id, owner_id, amount, reversed_on) VALUES "
      "(8, 1, 2000000, '2026-06-01'), (2, 1, 5000000, '2026-05-10');"
      "INSERT INTO refunds (owner_id, deal_id, amount, refunded_on) VALUES "
      "(1, 1, 900000, '2026-04-20');"
      "INSERT INTO goals (owner_person_id, metric, type, target, unit, period_kind, period_start, "
      "period_end) VALUES (1, 'revenue', 'result', 12000000, 'CNY', 'quarter', '2026-04-01', "
      "'2026-06-30');",
      &error));
  g_assert_true (attain_rollup_rebuild (db, &error));
  g_free (plan->commission_base);
  plan->commission_base = g_strdup ("revenue");
  g_array_unref (plan->tiers);
  plan->tiers = attain_tiers_parse ("0:3, 100:5", &error);
  g_assert_cmpint (attain_pay_plan_save (db, plan, &error), >, 0);

  sheet = attain_bonus_sheet (db, 1, &q2, &today, &error);
  g_assert_no_error (error);
  a = person_row (sheet, 1);
  g_assert_cmpint (json_object_get_int_member (a, "commission_base"), ==, 6000000);
  g_assert_cmpint (json_object_get_int_member (a, "commission_gross"), ==, 180000);
  g_assert_cmpint (json_object_get_int_member (a, "commission"), ==, 10000);
  g_assert_cmpstr (json_object_get_string_member (a, "commission_formula"), ==,
                   "¥60,000 × 3.0% = ¥1,800; ¥50,000 reversed on 2026-05-10 × 3.40%, the rate paid "
                   "in Q1 2026 = -¥1,700; net ¥100");
  reversals = json_object_get_array_member (a, "commission_reversals");
  g_assert_cmpuint (json_array_get_length (reversals), ==, 1);
  reversal = json_array_get_object_element (reversals, 0);
  g_assert_cmpstr (json_object_get_string_member (reversal, "earned"), ==, "2026-Q1");
  g_assert_cmpint (json_object_get_int_member (reversal, "deduction"), ==, 170000);
  g_assert_cmpint (json_object_get_int_member (a, "total"), ==,
                   json_object_get_int_member (a, "fixed") + 10000);
  g_clear_pointer (&sheet, json_node_unref);

  g_assert_true (attain_bonus_sheet_approve (db, 1, &q1, &today, &error));
  g_array_unref (plan->tiers);
  plan->tiers = attain_tiers_parse ("0:10", &error);
  g_assert_cmpint (attain_pay_plan_save (db, plan, &error), >, 0);
  sheet = attain_bonus_sheet (db, 1, &q2, &today, &error);
  a = person_row (sheet, 1);
  g_assert_cmpint (json_object_get_int_member (a, "commission_gross"), ==, 600000);
  g_assert_cmpint (json_object_get_int_member (a, "commission"), ==, 430000);
  g_clear_pointer (&sheet, json_node_unref);

  g_free (plan->commission_base);
  plan->commission_base = g_strdup ("collections");
  g_array_unref (plan->tiers);
  plan->tiers = attain_tiers_parse ("0:2", &error);
  g_assert_cmpint (attain_pay_plan_save (db, plan, &error), >, 0);
  sheet = attain_bonus_sheet (db, 1, &q2, &today, &error);
  g_assert_no_error (error);
  a = person_row (sheet, 1);
  g_assert_cmpint (json_object_get_int_member (a, "commission_gross"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (a, "commission"), ==, -18000);
  g_assert_nonnull (strstr (json_object_get_string_member (a, "commission_formula"),
                            "¥9,000 reversed on 2026-04-20 × 2.00%, the rate paid in Q1 2026 = "
                            "-¥180; net -¥180"));
  g_clear_pointer (&sheet, json_node_unref);
  g_clear_pointer (&db, attain_db_close);
  attain_test_rm_rf (dir);
}

/* Commission per product line. The small company's A in Q1 2026 on revenue, 3% up to target
 * and 5% above: ¥5,100 on ¥150,000, a rate of 3.40% at her 125%. Deal 2 (¥50,000) is 运维服务,
 * whose own tiers pay a flat 10%: ¥50,000 × 10% = ¥5,000; the other ¥100,000 earns the plan's
 * 3.40%: ¥3,400. Together ¥8,400. Lines written without "=", with a bad pair, or with tiers that
 * leave a gap at the bottom are refused with the line named, and nothing saved. */
static void
test_commission_by_line (void)
{
  g_autofree char *dir = attain_test_make_tmp_dir ();
  g_autofree char *path = attain_test_db_path (dir, "lines.db");
  g_autoptr (AttainDb) db = attain_test_small_company (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainPayPlan) plan = attain_pay_plan_new ();
  g_autoptr (JsonNode) sheet = NULL;
  g_autoptr (GPtrArray) gap = NULL;
  g_autofree char *text = NULL;
  AttainPeriod     q1;
  GDate            today;
  JsonObject      *a;

  attain_test_date (&today, "2026-04-20");
  g_assert_true (attain_period_parse ("2026-Q1", 1, &q1, NULL));
  g_assert_true (
      attain_db_exec (db, "UPDATE deals SET product_line = '运维服务' WHERE id = 2", &error));
  g_free (plan->commission_base);
  plan->commission_base = g_strdup ("revenue");
  g_array_unref (plan->tiers);
  plan->tiers = attain_tiers_parse ("0:3, 100:5", &error);
  g_assert_null (attain_commission_lines_parse ("运维服务 0:10", &error));
  g_assert_nonnull (strstr (error->message, "is not a product line with its tiers"));
  g_clear_error (&error);
  g_assert_null (attain_commission_lines_parse ("运维服务=0:abc", &error));
  g_clear_error (&error);
  gap = attain_commission_lines_parse ("控制系统=10:5", &error);
  g_assert_no_error (error);
  g_ptr_array_unref (plan->lines);
  plan->lines = g_steal_pointer (&gap);
  g_assert_cmpint (attain_pay_plan_save (db, plan, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "Product line “控制系统”"));
  g_clear_error (&error);
  g_assert_cmpint (attain_test_query_int (db, "SELECT count (*) FROM pay_plans"), ==, 0);

  g_ptr_array_unref (plan->lines);
  plan->lines = attain_commission_lines_parse ("运维服务 = 0:10", &error);
  g_assert_cmpint (attain_pay_plan_save (db, plan, &error), >, 0);
  g_assert_no_error (error);
  {
    g_autoptr (AttainPayPlan) stored = attain_pay_plan_for_position (db, 0, &error);
    text = attain_commission_lines_to_text (stored->lines);
    g_assert_cmpstr (text, ==, "运维服务=0:10");
  }
  sheet = attain_bonus_sheet (db, 1, &q1, &today, &error);
  g_assert_no_error (error);
  a = person_row (sheet, 1);
  g_assert_cmpint (json_object_get_int_member (a, "commission"), ==, 840000);
  g_assert_cmpstr (json_object_get_string_member (a, "commission_formula"), ==,
                   "运维服务 ¥50,000 × 10.00% + other lines ¥100,000 × 3.40% = ¥8,400");
  g_clear_pointer (&db, attain_db_close);
  attain_test_rm_rf (dir);
}

/* Incentive awards as rules, a person's own plan, and saving over a stale version. The small
 * company's Q1 2026, one plan for everyone: ¥1,000 per full 10 points of revenue attainment
 * above 100%, ¥5,000 to the quarter's champion, ¥500 per new customer signed. A (signed off,
 * revenue 125%, the champion, and c1 her one new customer: c2 and c3 had won deals in 2025):
 * 2 × ¥1,000 + ¥5,000 + 1 × ¥500 = ¥7,500. B gets a plan of his own (fixed ¥9,000 a month:
 * ¥27,000 the quarter), D keeps everyone's (¥5,000: ¥7,500 for her 45 days). Saving over a
 * version someone has replaced meanwhile is refused and nothing is saved; a plan for a person
 * who does not exist is refused with a sentence. */
static void
test_awards_and_person_plans (void)
{
  g_autofree char *dir = attain_test_make_tmp_dir ();
  g_autofree char *path = attain_test_db_path (dir, "awards.db");
  g_autoptr (AttainDb) db = attain_test_small_company (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainPayPlan) plan = attain_pay_plan_new ();
  g_autoptr (AttainPayPlan) own = attain_pay_plan_new ();
  g_autoptr (JsonNode) sheet = NULL;
  AttainPeriod q1;
  GDate        today;
  gint64       first;
  JsonObject  *a;

  attain_test_date (&today, "2026-04-20");
  g_assert_true (attain_period_parse ("2026-Q1", 1, &q1, NULL));
  g_assert_true (
      attain_db_exec (db, "UPDATE people SET hired_on = '2026-02-15' WHERE id = 3", &error));
  plan->fixed_monthly = 500000;
  plan->over_award = 100000;
  plan->champion_award = 500000;
  plan->new_customer_award = 50000;
  first = attain_pay_plan_save (db, plan, &error);
  g_assert_cmpint (first, >, 0);
  own->person_id = 2;
  own->fixed_monthly = 900000;
  g_assert_cmpint (attain_pay_plan_save_over (db, own, 0, &error), >, 0);
  g_assert_no_error (error);
  sign_off_a (db, &q1, &today);

  sheet = attain_bonus_sheet (db, 1, &q1, &today, &error);
  g_assert_no_error (error);
  a = person_row (sheet, 1);
  g_assert_cmpint (json_object_get_int_member (a, "awards"), ==, 750000);
  g_assert_cmpstr (json_object_get_string_member (a, "awards_formula"), ==,
                   "over-achievement 2 × ¥1,000 + sales champion ¥5,000 + new customers 1 × ¥500 "
                   "= ¥7,500");
  g_assert_cmpint (json_object_get_int_member (person_row (sheet, 2), "fixed"), ==, 2700000);
  g_assert_cmpint (json_object_get_int_member (person_row (sheet, 3), "fixed"), ==, 750000);
  g_clear_pointer (&sheet, json_node_unref);

  /* Two editors opened version `first`; one saves, then the other's save is refused. */
  plan->over_award = 200000;
  g_assert_cmpint (attain_pay_plan_save_over (db, plan, first, &error), >, first);
  plan->over_award = 300000;
  g_assert_cmpint (attain_pay_plan_save_over (db, plan, first, &error), ==, 0);
  g_assert_error (error, ATTAIN_BONUS_ERROR, ATTAIN_BONUS_ERROR_CHANGED);
  g_clear_error (&error);
  g_assert_cmpint (attain_test_query_int (db, "SELECT over_award FROM pay_plans WHERE person_id "
                                              "IS NULL ORDER BY id DESC LIMIT 1"),
                   ==, 200000);
  own->person_id = 99;
  g_assert_cmpint (attain_pay_plan_save (db, own, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "Person 99 is not in the database"));
  g_clear_pointer (&db, attain_db_close);
  attain_test_rm_rf (dir);
}

/* Promotion after 2026-Q1, judged on that one quarter (promotion_quarters 1) and 12 months in
 * the company:
 * - A: revenue 125% of target, rated S on her signed-off review, hired 2020: eligible, and the
 *   next step of the ladder is 销售经理 (she is 销售组长).
 * - B: revenue ¥0 against ¥60,000: 0.0%, 100.0 points short; no signed-off rating: not eligible,
 *   both said.
 * Recognition, the quarter's champion: only A met her target, so she is the champion; in a
 * month nobody met theirs (January: A won nothing until February), nobody is. */
static void
test_promotion_and_recognition (void)
{
  g_autofree char *dir = attain_test_make_tmp_dir ();
  g_autofree char *path = attain_test_db_path (dir, "results.db");
  g_autoptr (AttainDb) db = attain_test_small_company (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) promotion = NULL;
  g_autoptr (JsonNode) champion = NULL;
  g_autoptr (JsonNode) month = NULL;
  AttainPeriod q1, january;
  GDate        today;
  JsonArray   *people;

  attain_test_date (&today, "2026-04-20");
  g_assert_true (attain_period_parse ("2026-Q1", 1, &q1, NULL));
  g_assert_true (attain_period_parse ("2026-01", 1, &january, NULL));
  sign_off_a (db, &q1, &today);
  g_assert_true (attain_settings_set_int (db, "promotion_quarters", 1, &error));
  g_assert_false (attain_settings_set_int (db, "promotion_quarters", 9, NULL));

  promotion = attain_promotion_candidates (db, 1, &q1, &today, &error);
  g_assert_no_error (error);
  people = json_object_get_array_member (json_node_get_object (promotion), "people");
  g_assert_cmpuint (json_array_get_length (people), ==, 3);
  {
    JsonObject *a = json_array_get_object_element (people, 0);
    JsonObject *b = json_array_get_object_element (people, 1);
    g_assert_cmpint (json_object_get_int_member (a, "person"), ==, 1);
    g_assert_true (json_object_get_boolean_member (a, "eligible"));
    g_assert_cmpstr (json_object_get_string_member (a, "rating"), ==, "S");
    g_assert_cmpstr (json_object_get_string_member (a, "next_position"), ==, "销售经理");
    g_assert_cmpint (json_object_get_int_member (a, "months"), ==, 74);
    g_assert_false (json_object_get_boolean_member (b, "eligible"));
    g_assert_nonnull (strstr (json_object_get_string_member (b, "misses"),
                              "revenue 0.0% in Q1 2026, 100.0 points short of 100%"));
    g_assert_nonnull (
        strstr (json_object_get_string_member (b, "misses"), "no signed-off rating yet"));
  }

  champion = attain_recognition (db, 1, &q1, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (champion), "winner"), ==, 1);
  month = attain_recognition (db, 1, &january, &today, &error);
  g_assert_true (json_object_get_null_member (json_node_get_object (month), "winner"));
  g_clear_pointer (&db, attain_db_close);
  attain_test_rm_rf (dir);
}

/* The recognition of @period, kept in @node for a look at its other members; the winner's id,
 * 0 for nobody. */
static gint64
recognition_winner (AttainDb *db, const AttainPeriod *period, const GDate *today, JsonNode **node)
{
  g_autoptr (GError) error = NULL;
  JsonObject *root;

  g_clear_pointer (node, json_node_unref);
  *node = attain_recognition (db, 1, period, today, &error);
  g_assert_no_error (error);
  root = json_node_get_object (*node);
  return json_object_get_null_member (root, "winner") ? 0
                                                      : json_object_get_int_member (root, "winner");
}

/* Recognition by an editable rule, with a history. The small company's Q1 2026: A won ¥150,000
 * against ¥120,000 (125%), collected ¥90,000, gross profit ¥40,000. B wins a ¥150,000 deal
 * (gross profit ¥50,000) on 10 March against ¥60,000 (250%), collecting nothing.
 * - Default rule (revenue, from 100%, ties by collections): a tie at ¥150,000, A's ¥90,000 of
 *   collections beat B's ¥0: A is the champion.
 * - Ties by gross profit: B's ¥50,000 beat A's ¥40,000: B.
 * - From 130%: A (125%) no longer qualifies, B (250%) does.
 * - From 300%: nobody, and the sentence says so.
 * Recording: refused while the quarter runs (20 March), done once it is over (20 April), refused
 * the second time; the row cannot be changed or removed; the history and the dashboard's line
 * name B; A's own dashboard line is empty, B's names her. Choices outside a setting's list are
 * refused. */
static void
test_recognition_rule_and_history (void)
{
  g_autofree char *dir = attain_test_make_tmp_dir ();
  g_autofree char *path = attain_test_db_path (dir, "recognition.db");
  g_autoptr (AttainDb) db = attain_test_small_company (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *line = NULL;
  AttainScope      person_a = { ATTAIN_SCOPE_PERSON, 1 }, person_b = { ATTAIN_SCOPE_PERSON, 2 };
  AttainScope      company = { ATTAIN_SCOPE_UNIT, 1 };
  AttainPeriod     q1;
  GDate            march, april;

  attain_test_date (&march, "2026-03-20");
  attain_test_date (&april, "2026-04-20");
  g_assert_true (attain_period_parse ("2026-Q1", 1, &q1, NULL));
  g_assert_true (attain_db_exec (
      db,
      "INSERT INTO deals (id, owner_id, customer_id, stage_id, status, amount, gross_profit, "
      "created_on, closed_on) VALUES (7, 2, 1, (SELECT id FROM stages WHERE key = 'won'), 'won', "
      "15000000, 5000000, '2026-03-01', '2026-03-10')",
      &error));
  g_assert_true (attain_rollup_rebuild (db, &error));

  g_assert_cmpint (recognition_winner (db, &q1, &april, &node), ==, 1);
  g_assert_cmpuint (
      json_array_get_length (json_object_get_array_member (json_node_get_object (node), "ranking")),
      ==, 2);
  g_assert_true (attain_settings_set_choice (db, "recognition_tiebreak", "gross_profit", &error));
  g_assert_cmpint (recognition_winner (db, &q1, &april, &node), ==, 2);
  g_assert_nonnull (strstr (json_object_get_string_member (json_node_get_object (node), "rule"),
                            "a tie goes to the higher gross profit"));
  g_assert_true (attain_settings_set_int (db, "recognition_min_attainment", 130, &error));
  g_assert_cmpint (recognition_winner (db, &q1, &april, &node), ==, 2);
  g_assert_true (attain_settings_set_int (db, "recognition_min_attainment", 300, &error));
  g_assert_cmpint (recognition_winner (db, &q1, &april, &node), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "reason"), ==,
                   "Nobody reached 300% of their revenue target.");
  g_assert_cmpint (attain_recognition_record (db, 1, &q1, &april, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "Nobody qualifies in Q1 2026"));
  g_clear_error (&error);
  g_assert_true (attain_settings_set_int (db, "recognition_min_attainment", 130, &error));

  g_assert_false (attain_settings_set_choice (db, "recognition_metric", "visits", &error));
  g_clear_error (&error);
  g_assert_false (attain_settings_set_choice (db, "promotion_min_rating", "X", &error));
  g_clear_error (&error);
  g_assert_false (attain_settings_set_int (db, "recognition_min_attainment", 301, &error));
  g_clear_error (&error);

  g_assert_cmpint (attain_recognition_record (db, 1, &q1, &march, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "Q1 2026 is not over yet"));
  g_clear_error (&error);
  g_assert_cmpint (attain_recognition_record (db, 1, &q1, &april, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (attain_recognition_record (db, 1, &q1, &april, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "was recorded on"));
  g_clear_error (&error);
  g_assert_false (attain_db_exec (db, "UPDATE recognitions SET person_id = 1", NULL));
  g_assert_false (attain_db_exec (db, "DELETE FROM recognitions", NULL));
  g_assert_cmpint (attain_test_query_int (db, "SELECT person_id FROM recognitions"), ==, 2);

  g_clear_pointer (&node, json_node_unref);
  node = attain_recognition_history (db, 3, &error);
  g_assert_cmpuint (
      json_array_get_length (json_object_get_array_member (json_node_get_object (node), "history")),
      ==, 0);
  g_clear_pointer (&node, json_node_unref);
  node = attain_recognition_history (db, 1, &error);
  g_assert_cmpstr (
      json_object_get_string_member (
          json_array_get_object_element (
              json_object_get_array_member (json_node_get_object (node), "history"), 0),
          "name"),
      ==, "B");
  line = attain_recognition_current (db, &company, 1, &error);
  g_assert_cmpstr (line, ==, "Sales champion of the quarter (Q1 2026): B");
  g_clear_pointer (&line, g_free);
  line = attain_recognition_current (db, &person_a, 0, &error);
  g_assert_cmpstr (line, ==, "");
  g_clear_pointer (&line, g_free);
  line = attain_recognition_current (db, &person_b, 0, &error);
  g_assert_cmpstr (line, ==, "Sales champion of the quarter (Q1 2026): B");
  g_clear_pointer (&node, json_node_unref);
  g_clear_pointer (&db, attain_db_close);
  attain_test_rm_rf (dir);
}

/* The curve's other bases, on the small company's signed-off A (rated S, revenue 125%, target
 * bonus ¥9,000 a quarter):
 * - rating: the coefficient table S 150% → ¥9,000 × 1.5 = ¥13,500;
 * - revenue: 125 points on the default curve, 150% + 50% × 5/30 = 158.33% → ¥9,000 × 158.33% =
 *   ¥14,249.70.
 * A table that leaves a band out is refused, naming it. */
static void
test_curve_bases (void)
{
  g_autofree char *dir = attain_test_make_tmp_dir ();
  g_autofree char *path = attain_test_db_path (dir, "bases.db");
  g_autoptr (AttainDb) db = attain_test_small_company (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainPayPlan) plan = attain_pay_plan_new ();
  AttainPeriod q1;
  GDate        today;
  int          table[5];

  attain_test_date (&today, "2026-04-20");
  g_assert_true (attain_period_parse ("2026-Q1", 1, &q1, NULL));
  sign_off_a (db, &q1, &today);

  g_assert_false (attain_coefficients_parse ("S:150,A:120,B:100,C:60", table, &error));
  g_assert_nonnull (strstr (error->message, "D is missing"));
  g_clear_error (&error);
  plan->bonus_monthly = 300000;
  plan->curve_basis = ATTAIN_CURVE_BASIS_RATING;
  g_assert_cmpint (attain_pay_plan_save (db, plan, &error), >, 0);
  {
    g_autoptr (JsonNode) sheet = attain_bonus_sheet (db, 1, &q1, &today, &error);
    JsonObject *a = person_row (sheet, 1);
    g_assert_cmpint (json_object_get_int_member (a, "variable"), ==, 1350000);
    g_assert_nonnull (
        strstr (json_object_get_string_member (a, "variable_formula"), "coefficient of rating S"));
  }
  plan->curve_basis = ATTAIN_CURVE_BASIS_REVENUE;
  g_assert_cmpint (attain_pay_plan_save (db, plan, &error), >, 0);
  {
    g_autoptr (JsonNode) sheet = attain_bonus_sheet (db, 1, &q1, &today, &error);
    JsonObject *a = person_row (sheet, 1);
    g_assert_cmpint (json_object_get_int_member (a, "variable"), ==, 1424970);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (a, "curve_score"), 125, 1e-9);
  }
  g_clear_pointer (&db, attain_db_close);
  attain_test_rm_rf (dir);
}

/* Training needs of the small company in 2026-Q1: B and D won nothing against their revenue
 * goals (0% of target, below 80%), so "closing deals" has 2 people; A is rated 2 in negotiation
 * (at most 2), so negotiation has 1; A's 125% suggests nothing. Most people first. */
static void
test_training_needs (void)
{
  g_autofree char *dir = attain_test_make_tmp_dir ();
  g_autofree char *path = attain_test_db_path (dir, "training.db");
  g_autoptr (AttainDb) db = attain_test_small_company (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) needs = NULL;
  AttainPeriod q1;
  GDate        today;
  JsonArray   *topics;

  attain_test_date (&today, "2026-04-20");
  g_assert_true (attain_period_parse ("2026-Q1", 1, &q1, NULL));
  g_assert_true (attain_db_exec (
      db,
      "INSERT INTO goals (owner_person_id, metric, type, target, unit, period_kind, period_start, "
      "period_end, rating) VALUES (1, 'negotiation', 'capability', 4, 'rating', 'quarter', "
      "'2026-01-01', '2026-03-31', 2)",
      &error));
  needs = attain_training_needs (db, 1, &q1, &today, &error);
  g_assert_no_error (error);
  topics = json_object_get_array_member (json_node_get_object (needs), "topics");
  g_assert_cmpuint (json_array_get_length (topics), ==, 2);
  g_assert_cmpstr (
      json_object_get_string_member (json_array_get_object_element (topics, 0), "summary"), ==,
      "Closing deals: 2 people");
  g_assert_cmpstr (
      json_object_get_string_member (json_array_get_object_element (topics, 1), "summary"), ==,
      "Negotiation: 1 person");
  {
    JsonArray *people
        = json_object_get_array_member (json_array_get_object_element (topics, 1), "people");
    g_assert_cmpstr (
        json_object_get_string_member (json_array_get_object_element (people, 0), "why"), ==,
        "A (rated 2)");
  }
  g_clear_pointer (&needs, json_node_unref);

  /* A closed 360 where D's superior rates her sales skills 2, 2, 2 and the rest 4: "Sales
   * skills: 1 person", D at 2.0 of 5. */
  {
    gint64           cycle = attain_cycle_start (db, "Q1", &q1, 0, &error);
    g_autofree char *code
        = attain_feedback_assign (db, cycle, 3, ATTAIN_RATER_SUPERIOR, "经理", &error);
    int      ratings[ATTAIN_FEEDBACK_N_DIMENSIONS * ATTAIN_FEEDBACK_QUESTIONS_PER_DIMENSION];
    gboolean reopened = FALSE;
    gboolean found = FALSE;
    for (guint q = 0; q < G_N_ELEMENTS (ratings); q++)
      ratings[q] = q < ATTAIN_FEEDBACK_QUESTIONS_PER_DIMENSION ? 2 : 4;
    g_assert_true (attain_feedback_enter (db, cycle, code, ratings, NULL, &reopened, &error));
    g_assert_true (attain_feedback_close (db, cycle, &error));
    g_assert_no_error (error);
    needs = attain_training_needs (db, 1, &q1, &today, &error);
    topics = json_object_get_array_member (json_node_get_object (needs), "topics");
    for (guint i = 0; i < json_array_get_length (topics); i++)
      {
        JsonObject *topic = json_array_get_object_element (topics, i);
        if (g_strcmp0 (json_object_get_string_member (topic, "topic"), "sales") != 0)
          continue;
        found = TRUE;
        g_assert_cmpstr (json_object_get_string_member (topic, "summary"), ==,
                         "Sales skills: 1 person");
        g_assert_cmpstr (
            json_object_get_string_member (
                json_array_get_object_element (json_object_get_array_member (topic, "people"), 0),
                "why"),
            ==, "D (360: 2.0 of 5)");
      }
    g_assert_true (found);
    g_clear_pointer (&needs, json_node_unref);
  }

  /* On 15 February (46 of 90 days) the quarter is judged on pace: B's and D's ¥0 are needs,
   * A's ¥100,000 of ¥120,000 (83%, over 80% × 46/90 = 41%) is not. Before the quarter starts, no KPI suggests anything. */
  {
    GDate february, december;
    guint closing = 0;
    attain_test_date (&february, "2026-02-15");
    attain_test_date (&december, "2025-12-01");
    needs = attain_training_needs (db, 1, &q1, &february, &error);
    topics = json_object_get_array_member (json_node_get_object (needs), "topics");
    for (guint i = 0; i < json_array_get_length (topics); i++)
      {
        JsonObject *topic = json_array_get_object_element (topics, i);
        JsonArray  *people = json_object_get_array_member (topic, "people");
        if (!g_str_equal (json_object_get_string_member (topic, "topic"), "closing"))
          continue;
        closing = json_array_get_length (people);
        g_assert_cmpstr (
            json_object_get_string_member (json_array_get_object_element (people, 0), "why"), ==,
            "B (0.0% of target)");
      }
    g_assert_cmpuint (closing, ==, 2);
    g_clear_pointer (&needs, json_node_unref);
    needs = attain_training_needs (db, 1, &q1, &december, &error);
    topics = json_object_get_array_member (json_node_get_object (needs), "topics");
    for (guint i = 0; i < json_array_get_length (topics); i++)
      g_assert_cmpstr (
          json_object_get_string_member (json_array_get_object_element (topics, i), "topic"), !=,
          "closing");
  }
  g_clear_pointer (&db, attain_db_close);
  attain_test_rm_rf (dir);
}

/* A promotion proposed for 1 May moves A (销售组长) up one step on that day, not before: on 20
 * April nothing changes; on 2 May her position is 销售经理 and her history says since
 * 2026-05-01, so after 2026-Q2 she has held it for 1 month. A second proposal while one waits,
 * and a proposal for someone at the ladder's top, are refused. */
static void
test_promotion_proposal (void)
{
  g_autofree char *dir = attain_test_make_tmp_dir ();
  g_autofree char *path = attain_test_db_path (dir, "promote.db");
  g_autoptr (AttainDb) db = attain_test_small_company (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) candidates = NULL;
  AttainPeriod q2;
  GDate        may_first, april, may;

  attain_test_date (&may_first, "2026-05-01");
  attain_test_date (&april, "2026-04-20");
  attain_test_date (&may, "2026-05-02");
  g_assert_cmpint (attain_promotion_propose (db, 1, &may_first, "连续三个季度超额", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (attain_promotion_propose (db, 1, &may_first, "again", &error), ==, 0);
  g_assert_error (error, ATTAIN_PROMOTION_ERROR, ATTAIN_PROMOTION_ERROR_PENDING);
  g_clear_error (&error);
  g_assert_cmpint (attain_promotions_apply_due (db, &april, &error), ==, 0);
  g_assert_cmpint (attain_test_query_int (db, "SELECT rank FROM positions WHERE id = (SELECT "
                                              "position_id FROM people WHERE id = 1)"),
                   ==, 3);
  g_assert_cmpint (attain_promotions_apply_due (db, &may, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpint (attain_test_query_int (db, "SELECT rank FROM positions WHERE id = (SELECT "
                                              "position_id FROM people WHERE id = 1)"),
                   ==, 4);
  g_assert_cmpint (attain_test_query_int (db, "SELECT count (*) FROM person_positions WHERE "
                                              "person_id = 1"),
                   ==, 2);
  g_assert_cmpint (attain_test_query_int (db, "SELECT count (*) FROM person_positions WHERE "
                                              "person_id = 1 AND from_date = '2026-05-01'"),
                   ==, 1);
  g_assert_true (attain_period_parse ("2026-Q2", 1, &q2, NULL));
  /* The bonus sheet of Q1 keeps the title she held then; Q2's (ending after the promotion)
   * has the new one. */
  {
    AttainPeriod q1;
    g_autoptr (JsonNode) sheet = NULL;
    g_assert_true (attain_period_parse ("2026-Q1", 1, &q1, NULL));
    sheet = attain_bonus_sheet (db, 1, &q1, &may, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (json_object_get_string_member (person_row (sheet, 1), "position"), ==,
                     "销售组长");
    g_clear_pointer (&sheet, json_node_unref);
    sheet = attain_bonus_sheet (db, 1, &q2, &may, &error);
    g_assert_cmpstr (json_object_get_string_member (person_row (sheet, 1), "position"), !=,
                     "销售组长");
  }
  candidates = attain_promotion_candidates (db, 1, &q2, &may, &error);
  g_assert_cmpint (
      json_object_get_int_member (
          json_array_get_object_element (
              json_object_get_array_member (json_node_get_object (candidates), "people"), 0),
          "months"),
      ==, 1);
  g_assert_true (attain_db_exec (
      db, "UPDATE people SET position_id = (SELECT id FROM positions WHERE rank = 5) WHERE id = 3",
      &error));
  g_assert_cmpint (attain_promotion_propose (db, 3, &may_first, NULL, &error), ==, 0);
  g_assert_error (error, ATTAIN_PROMOTION_ERROR, ATTAIN_PROMOTION_ERROR_TOP);
  g_clear_pointer (&db, attain_db_close);
  attain_test_rm_rf (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pay/default-curve", test_default_curve);
  g_test_add_func ("/pay/curve-steps-and-refusals", test_curve_steps_and_refusals);
  g_test_add_func ("/pay/commission-tiers", test_commission_tiers);
  g_test_add_func ("/pay/commission-tier-refusals", test_commission_tier_refusals);
  g_test_add_func ("/pay/pool", test_pool);
  g_test_add_func ("/pay/scale", test_scale);
  g_test_add_func ("/pay/bonus-sheet", test_bonus_sheet);
  g_test_add_func ("/pay/commission-reversal", test_commission_reversal);
  g_test_add_func ("/pay/awards-and-person-plans", test_awards_and_person_plans);
  g_test_add_func ("/pay/commission-by-line", test_commission_by_line);
  g_test_add_func ("/pay/promotion-and-recognition", test_promotion_and_recognition);
  g_test_add_func ("/pay/recognition-rule-and-history", test_recognition_rule_and_history);
  g_test_add_func ("/pay/curve-bases", test_curve_bases);
  g_test_add_func ("/pay/training-needs", test_training_needs);
  g_test_add_func ("/pay/promotion-proposal", test_promotion_proposal);
  return g_test_run ();
}

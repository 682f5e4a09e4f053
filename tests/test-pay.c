/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The arithmetic of paying out results, each figure worked out by hand in the comments. */
#include <glib.h>
#include <string.h>

#include "model/attain-pay.h"

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
  return g_test_run ();
}

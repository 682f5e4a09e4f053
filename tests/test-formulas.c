/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-test-util.h"
#include "model/attain-formulas.h"

static void
test_attainment (void)
{
  g_assert_cmpfloat_with_epsilon (attain_attainment (150000, 210000, FALSE), 5.0 / 7.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (attain_attainment (130, 100, FALSE), 1.3, 1e-12);
  /* No target, or a zero target: undefined, never 0% or infinite. */
  g_assert_true (isnan (attain_attainment (100, 0, FALSE)));
  g_assert_true (isnan (attain_attainment (100, NAN, FALSE)));
  /* Lower is better: a 45-day cycle target met in 30 days is 150%. */
  g_assert_cmpfloat_with_epsilon (attain_attainment (30, 45, TRUE), 1.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (attain_attainment (90, 45, TRUE), 0.5, 1e-12);
  g_assert_true (isnan (attain_attainment (0, 45, TRUE)));
}

static void
test_growth (void)
{
  g_assert_cmpfloat_with_epsilon (attain_growth (150, 100), 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (attain_growth (80, 100), -0.2, 1e-12);
  g_assert_true (isnan (attain_growth (80, 0)));
  /* Recovering from a loss reads as growth. */
  g_assert_cmpfloat_with_epsilon (attain_growth (50, -100), 1.5, 1e-12);
}

static void
test_nps (void)
{
  /* 5 promoters, 3 passives, 2 detractors of 10: (5 - 2) / 10 * 100 = 30. */
  g_assert_cmpfloat_with_epsilon (attain_nps (5, 2, 10), 30.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (attain_nps (0, 4, 4), -100.0, 1e-12);
  g_assert_true (isnan (attain_nps (0, 0, 0)));
}

static void
test_pace (void)
{
  /* Halfway through the period with 40% attained is behind (tolerance 5 points). */
  g_assert_cmpint (attain_pace_cumulative (0.40, 0.5, 0.05), ==, ATTAIN_PACE_BEHIND);
  g_assert_cmpint (attain_pace_cumulative (0.46, 0.5, 0.05), ==, ATTAIN_PACE_ON);
  g_assert_cmpint (attain_pace_cumulative (0.56, 0.5, 0.05), ==, ATTAIN_PACE_AHEAD);
  g_assert_cmpint (attain_pace_cumulative (NAN, 0.5, 0.05), ==, ATTAIN_PACE_NONE);
  g_assert_cmpint (attain_pace_cumulative (0.0, 0.0, 0.05), ==, ATTAIN_PACE_NOT_STARTED);
  /* A rate at 96% of its target is on target on the first day as on the last. */
  g_assert_cmpint (attain_pace_rate (0.96, 0.1, 0.05), ==, ATTAIN_PACE_ON);
  g_assert_cmpint (attain_pace_rate (0.90, 0.9, 0.05), ==, ATTAIN_PACE_BEHIND);
  g_assert_cmpstr (attain_pace_to_string (ATTAIN_PACE_BEHIND), ==, "behind");
}

static void
test_ratio_and_weights (void)
{
  g_assert_cmpfloat_with_epsilon (attain_ratio (9, 15), 0.6, 1e-12);
  g_assert_true (isnan (attain_ratio (1, 0)));
  /* 2 A visits, 2 B, 1 C with weights 3/2/1: 6 + 4 + 1 = 11. */
  g_assert_cmpint (attain_tier_weighted (2, 2, 1, 3, 2, 1), ==, 11);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/formulas/attainment", test_attainment);
  g_test_add_func ("/formulas/growth", test_growth);
  g_test_add_func ("/formulas/nps", test_nps);
  g_test_add_func ("/formulas/pace", test_pace);
  g_test_add_func ("/formulas/ratio-and-weights", test_ratio_and_weights);
  return g_test_run ();
}

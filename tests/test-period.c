/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-test-util.h"
#include "model/attain-period.h"

#include <string.h>

static void
assert_bounds (const AttainPeriod *period, const char *first_iso, const char *last_iso)
{
  GDate            first, last;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  attain_period_bounds (period, &first, &last);
  a = attain_date_to_iso (&first);
  b = attain_date_to_iso (&last);
  g_assert_cmpstr (a, ==, first_iso);
  g_assert_cmpstr (b, ==, last_iso);
}

static void
test_parse (void)
{
  g_autoptr (GError) error = NULL;
  AttainPeriod     p;
  g_autofree char *text = NULL;

  g_assert_true (attain_period_parse ("2026-Q3", 1, &p, &error));
  g_assert_no_error (error);
  g_assert_cmpint (p.kind, ==, ATTAIN_PERIOD_QUARTER);
  g_assert_cmpint (p.year, ==, 2026);
  g_assert_cmpint (p.index, ==, 3);
  assert_bounds (&p, "2026-07-01", "2026-09-30");

  g_assert_true (attain_period_parse ("2026-07", 1, &p, &error));
  g_assert_cmpint (p.kind, ==, ATTAIN_PERIOD_MONTH);
  assert_bounds (&p, "2026-07-01", "2026-07-31");
  text = attain_period_to_string (&p);
  g_assert_cmpstr (text, ==, "2026-07");

  g_assert_true (attain_period_parse ("2026", 1, &p, &error));
  g_assert_cmpint (p.kind, ==, ATTAIN_PERIOD_YEAR);
  assert_bounds (&p, "2026-01-01", "2026-12-31");
  g_assert_cmpint (attain_period_n_months (&p), ==, 12);

  for (guint i = 0; i < 6; i++)
    {
      const char *bad[] = { "2026-Q5", "2026-13", "26-Q1", "2026x", "Q3", "" };
      g_clear_error (&error);
      g_assert_false (attain_period_parse (bad[i], 1, &p, &error));
      g_assert_error (error, ATTAIN_PERIOD_ERROR, ATTAIN_PERIOD_ERROR_INVALID);
      /* The message tells the user what to write instead. */
      g_assert_nonnull (strstr (error->message, "2026-Q3"));
    }
}

static void
test_fiscal_april (void)
{
  AttainPeriod p;
  GDate        date;

  /* Fiscal year 2026 starting in April runs 2026-04-01 to 2027-03-31. */
  g_assert_true (attain_period_parse ("2026", 4, &p, NULL));
  assert_bounds (&p, "2026-04-01", "2027-03-31");
  g_assert_true (attain_period_parse ("2026-Q1", 4, &p, NULL));
  assert_bounds (&p, "2026-04-01", "2026-06-30");
  g_assert_true (attain_period_parse ("2026-Q4", 4, &p, NULL));
  assert_bounds (&p, "2027-01-01", "2027-03-31");
  g_assert_cmpint (attain_period_first_month (&p), ==, 202701);
  g_assert_cmpint (attain_period_last_month (&p), ==, 202703);

  /* February 2027 belongs to fiscal 2026, Q4; May 2026 to fiscal 2026, Q1. */
  attain_test_date (&date, "2027-02-10");
  p = attain_period_containing (ATTAIN_PERIOD_QUARTER, &date, 4);
  g_assert_cmpint (p.year, ==, 2026);
  g_assert_cmpint (p.index, ==, 4);
  p = attain_period_containing (ATTAIN_PERIOD_YEAR, &date, 4);
  g_assert_cmpint (p.year, ==, 2026);
  attain_test_date (&date, "2026-05-31");
  p = attain_period_containing (ATTAIN_PERIOD_QUARTER, &date, 4);
  g_assert_cmpint (p.year, ==, 2026);
  g_assert_cmpint (p.index, ==, 1);
  attain_test_date (&date, "2026-03-31");
  p = attain_period_containing (ATTAIN_PERIOD_YEAR, &date, 4);
  g_assert_cmpint (p.year, ==, 2025);
}

static void
test_shift_and_last_year (void)
{
  AttainPeriod p, q;

  g_assert_true (attain_period_parse ("2026-Q1", 1, &p, NULL));
  q = attain_period_shift (&p, -1);
  g_assert_cmpint (q.year, ==, 2025);
  g_assert_cmpint (q.index, ==, 4);
  q = attain_period_shift (&p, 4);
  g_assert_cmpint (q.year, ==, 2027);
  g_assert_cmpint (q.index, ==, 1);

  g_assert_true (attain_period_parse ("2026-01", 1, &p, NULL));
  q = attain_period_shift (&p, -1);
  assert_bounds (&q, "2025-12-01", "2025-12-31");

  /* Same period last year of February 2025 is February 2024, which has 29 days. */
  g_assert_true (attain_period_parse ("2025-02", 1, &p, NULL));
  q = attain_period_same_last_year (&p);
  assert_bounds (&q, "2024-02-01", "2024-02-29");

  g_assert_cmpint (attain_month_add (202611, 3), ==, 202702);
  g_assert_cmpint (attain_month_add (202601, -1), ==, 202512);
  g_assert_cmpint (attain_month_add (202601, -13), ==, 202412);
}

static void
test_elapsed_share (void)
{
  AttainPeriod p;
  GDate        today;

  /* 15 of 29 days of February 2024 (a leap year) have gone by on the 15th. */
  g_assert_true (attain_period_parse ("2024-02", 1, &p, NULL));
  attain_test_date (&today, "2024-02-15");
  g_assert_cmpfloat_with_epsilon (attain_period_elapsed_share (&p, &today), 15.0 / 29.0, 1e-12);
  /* 2025 has 28 days in February. */
  g_assert_true (attain_period_parse ("2025-02", 1, &p, NULL));
  attain_test_date (&today, "2025-02-14");
  g_assert_cmpfloat_with_epsilon (attain_period_elapsed_share (&p, &today), 0.5, 1e-12);

  /* Q4 2026 has 92 days; on 23 November 54 have gone by (31 in October, 23 in November
   * counting today). */
  g_assert_true (attain_period_parse ("2026-Q4", 1, &p, NULL));
  attain_test_date (&today, "2026-11-23");
  g_assert_cmpfloat_with_epsilon (attain_period_elapsed_share (&p, &today), 54.0 / 92.0, 1e-12);

  attain_test_date (&today, "2026-09-30");
  g_assert_cmpfloat (attain_period_elapsed_share (&p, &today), ==, 0.0);
  attain_test_date (&today, "2027-01-01");
  g_assert_cmpfloat (attain_period_elapsed_share (&p, &today), ==, 1.0);
  attain_test_date (&today, "2026-12-31");
  g_assert_cmpfloat (attain_period_elapsed_share (&p, &today), ==, 1.0);
}

static void
test_iso_dates (void)
{
  GDate date;

  g_assert_true (attain_date_parse_iso ("2024-02-29", &date));
  g_assert_false (attain_date_parse_iso ("2025-02-29", &date));
  g_assert_false (attain_date_parse_iso ("2026/03/05", &date));
  g_assert_false (attain_date_parse_iso ("2026-03-05x", &date));
  g_assert_false (attain_date_parse_iso (NULL, &date));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/period/parse", test_parse);
  g_test_add_func ("/period/fiscal-april", test_fiscal_april);
  g_test_add_func ("/period/shift-and-last-year", test_shift_and_last_year);
  g_test_add_func ("/period/elapsed-share", test_elapsed_share);
  g_test_add_func ("/period/iso-dates", test_iso_dates);
  return g_test_run ();
}

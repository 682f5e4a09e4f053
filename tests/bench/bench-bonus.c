/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark (not a test): the bonus sheet of a large company — every person's commission from
 * the period's figures, curve payout, proration, the pool scaled to the fen — as the Pay page and
 * `attain-cli bonus` compute it, and prints the median time of three runs and the time per
 * person. Uses the scores benchmark's company (built on first run). Run: meson test -C _build
 * --benchmark bonus, or directly: bench-bonus [PEOPLE]. */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

#include "model/attain-bonus.h"
#include "model/attain-results.h"
#include "model/attain-demo.h"
#include "model/attain-org.h"

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

int
main (int argc, char **argv)
{
  guint            people = argc > 1 ? (guint) atoi (argv[1]) : 2000;
  g_autofree char *path
      = g_strdup_printf ("%s/attain-bench-scores-%u.db", g_get_tmp_dir (), people);
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainDb) db = NULL;
  g_autoptr (AttainPayPlan) plan = attain_pay_plan_new ();
  AttainPeriod period;
  AttainScope  company;
  GDate        today;
  double       runs[3];
  guint        rows = 0;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);
  db = attain_db_open (path, &error);
  g_assert_no_error (error);
  if (attain_db_is_empty (db))
    {
      AttainDemoOptions options;
      attain_demo_options_init (&options, &today);
      options.people = people;
      options.years = 2;
      printf ("Building a company of %u salespeople in %s ...\n", people, path);
      if (!attain_demo_generate (db, &options, NULL, NULL, &error))
        g_error ("%s", error->message);
    }
  plan->fixed_monthly = 600000;
  plan->bonus_monthly = 300000;
  g_array_unref (plan->tiers);
  plan->tiers = attain_tiers_parse ("0:2,100:4,120:6", &error);
  g_assert_no_error (error);
  g_assert_cmpint (attain_pay_plan_save (db, plan, &error), >, 0);
  g_assert_true (attain_org_company (db, &company, &error));
  g_assert_true (attain_period_parse ("2026-Q3", 1, &period, NULL));

  /* Twice: the plain plan, then one with every rule that costs reads of its own (the champion
   * award ranks the whole company, product lines read each line's base). */
  for (int pass = 0; pass < 2; pass++)
    {
      if (pass == 1)
        {
          plan->champion_award = 500000;
          plan->new_customer_award = 50000;
          g_ptr_array_unref (plan->lines);
          plan->lines = attain_commission_lines_parse ("运维服务=0:5,100:8; 控制系统=0:3", &error);
          g_assert_no_error (error);
          g_assert_cmpint (attain_pay_plan_save (db, plan, &error), >, 0);
        }
      for (int r = 0; r < 3; r++)
        {
          gint64 start = g_get_monotonic_time ();
          g_autoptr (JsonNode) sheet = attain_bonus_sheet (db, company.id, &period, &today, &error);
          g_assert_no_error (error);
          rows = json_array_get_length (
              json_object_get_array_member (json_node_get_object (sheet), "people"));
          runs[r] = (g_get_monotonic_time () - start) / 1e6;
        }
      qsort (runs, 3, sizeof runs[0], compare_double);
      printf ("The bonus sheet of %u people%s: %.0f ms (median of 3), %.2f ms a person\n", rows,
              pass == 0 ? "" : " with awards and product-line tiers", runs[1] * 1000,
              runs[1] * 1000 / MAX (rows, 1));
    }
  /* The champion award ranks the company when someone signed off is on such a plan: the
   * recognition on its own. */
  for (int r = 0; r < 3; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (JsonNode) recognition
          = attain_recognition (db, company.id, &period, &today, &error);
      g_assert_no_error (error);
      runs[r] = (g_get_monotonic_time () - start) / 1e6;
    }
  qsort (runs, 3, sizeof runs[0], compare_double);
  printf ("The quarter's champion among %u people: %.0f ms (median of 3)\n", rows, runs[1] * 1000);
  return 0;
}

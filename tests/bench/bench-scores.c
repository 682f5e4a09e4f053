/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark (not a test): scores a review cycle of a large company — every member's KPI lines,
 * capability ratings, 360 part, composite, rating and the distribution, as the Evaluation page
 * and `attain-cli scores` do — and prints the median time of three runs and the time per person.
 * Run: meson test -C _build --benchmark scores, or directly: bench-scores [PEOPLE]. */
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "model/attain-cycle.h"
#include "model/attain-demo.h"

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
  AttainPeriod period;
  GDate        today;
  double       runs[3];
  gint64       cycle;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);
  /* Built once and kept in the temporary folder, like the dashboard benchmark's company. */
  db = attain_db_open (path, &error);
  g_assert_no_error (error);
  if (attain_db_is_empty (db))
    {
      AttainDemoOptions options;
      gint64            start = g_get_monotonic_time ();
      attain_demo_options_init (&options, &today);
      options.people = people;
      options.years = 2;
      printf ("Building a company of %u salespeople in %s ...\n", people, path);
      if (!attain_demo_generate (db, &options, NULL, NULL, &error))
        g_error ("%s", error->message);
      printf ("  built in %.1f s\n", (g_get_monotonic_time () - start) / 1e6);
    }
  g_assert_true (attain_period_parse ("2026-Q3", 1, &period, NULL));
  cycle = attain_cycle_start (db, "Bench", &period, 0, &error);
  g_assert_no_error (error);

  for (int r = 0; r < 3; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (JsonNode) scores = attain_cycle_scores_to_json (db, cycle, &today, &error);
      g_assert_no_error (error);
      runs[r] = (g_get_monotonic_time () - start) / 1e6;
    }
  qsort (runs, 3, sizeof runs[0], compare_double);
  printf ("Scoring the cycle of %u people: %.0f ms (median of 3), %.2f ms a person\n", people,
          runs[1] * 1000, runs[1] * 1000 / people);
  return 0;
}

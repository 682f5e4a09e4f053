/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark (not a test): builds the scale demo once, then prints how long a dashboard refresh
 * takes for the company, a region, a team and a person next to a plain full-table scan of the
 * deals on the same file. Run: meson test -C _build --benchmark, or directly with --help. */
#include <glib.h>
#include <stdio.h>

#include "model/attain-dashboard.h"
#include "model/attain-demo.h"
#include "model/attain-goal-item.h"
#include "report/attain-review-report.h"

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (double *values, int n)
{
  qsort (values, n, sizeof (double), (int (*) (const void *, const void *)) compare_double);
  return values[n / 2];
}

static double
time_scan (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainDb) db = attain_db_open_reader (path, &error);
  double runs[3];

  g_assert_no_error (error);
  for (int r = 0; r < 3; r++)
    {
      sqlite3_stmt *stmt = attain_db_prepare (
          db, "SELECT owner_id, SUM(amount) FROM deals GROUP BY owner_id", &error);
      gint64 start = g_get_monotonic_time ();
      gint64 rows = 0;

      while (sqlite3_step (stmt) == SQLITE_ROW)
        rows++;
      sqlite3_reset (stmt);
      runs[r] = seconds_since (start);
      g_assert_cmpint (rows, >, 0);
    }
  return median (runs, 3);
}

static double
time_dashboard (const char         *path,
                const AttainScope  *scope,
                const AttainPeriod *period,
                const GDate        *today)
{
  double runs[7];

  for (int r = 0; r < 7; r++)
    {
      g_autoptr (GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      /* As the page does it: a fresh reader connection on a worker, then the whole load. */
      g_autoptr (AttainDb) db = attain_db_open_reader (path, &error);
      g_autoptr (AttainDashboard) dashboard
          = attain_dashboard_load (db, scope, period, today, &error);

      g_assert_no_error (error);
      g_assert_nonnull (dashboard);
      runs[r] = seconds_since (start);
    }
  return median (runs, 7);
}

int
main (int argc, char *argv[])
{
  g_autofree char *path = NULL;
  int              people = 2000, years = 5;
  gint64           deals = 1000000;
  g_autoptr (GOptionContext) context = g_option_context_new ("— dashboard refresh vs full scan");
  g_autoptr (GError) error = NULL;
  GOptionEntry entries[] = { { "database", 'd', 0, G_OPTION_ARG_FILENAME, &path,
                               "Scale database (built when missing)", "FILE" },
                             { "people", 0, 0, G_OPTION_ARG_INT, &people, "Salespeople", "N" },
                             { "years", 0, 0, G_OPTION_ARG_INT, &years, "Years", "N" },
                             { "deals", 0, 0, G_OPTION_ARG_INT64, &deals, "Deals", "N" },
                             { NULL } };
  GDate        today;
  AttainPeriod quarter, year;
  struct
  {
    const char     *label;
    const char     *sql;
    AttainScopeKind kind;
  } scopes[] = {
    { "company", "SELECT id FROM org_units WHERE parent_id IS NULL", ATTAIN_SCOPE_UNIT },
    { "region", "SELECT id FROM org_units WHERE kind = 'region' ORDER BY id LIMIT 1",
      ATTAIN_SCOPE_UNIT },
    { "team", "SELECT id FROM org_units WHERE kind = 'team' ORDER BY id LIMIT 1",
      ATTAIN_SCOPE_UNIT },
    { "person", "SELECT id FROM people ORDER BY id LIMIT 1", ATTAIN_SCOPE_PERSON },
  };
  double scan;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (path == NULL)
    path = g_build_filename (g_get_tmp_dir (), "attain-bench-scale.db", NULL);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, 11, 2026);
  quarter = attain_period_containing (ATTAIN_PERIOD_QUARTER, &today, 1);
  year = attain_period_containing (ATTAIN_PERIOD_YEAR, &today, 1);

  {
    g_autoptr (AttainDb) db = attain_db_open (path, &error);
    if (db == NULL)
      {
        g_printerr ("%s\n", error->message);
        return 1;
      }
    if (attain_db_is_empty (db))
      {
        AttainDemoOptions options;
        gint64            start = g_get_monotonic_time ();

        attain_demo_options_init (&options, &today);
        options.people = people;
        options.years = years;
        options.deals = deals;
        printf ("Building the scale demo in %s ...\n", path);
        fflush (stdout);
        if (!attain_demo_generate (db, &options, NULL, NULL, &error))
          {
            g_printerr ("%s\n", error->message);
            return 1;
          }
        printf ("built in %.1f s\n", seconds_since (start));
      }
    {
      sqlite3_stmt *stmt = attain_db_prepare_uncached (
          db,
          "SELECT (SELECT count(*) FROM people), (SELECT count(*) FROM deals), "
          "(SELECT count(*) FROM activities), (SELECT count(*) FROM month_stats)",
          NULL);
      sqlite3_step (stmt);
      printf ("people %lld, deals %lld, activities %lld, rollup rows %lld\n",
              sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
              sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 3));
      sqlite3_finalize (stmt);
    }

    scan = time_scan (path);
    printf ("\nfull scan  SELECT owner, SUM(amount) FROM deals GROUP BY owner: %8.1f ms (median of "
            "3)\n\n",
            scan * 1000);
    printf ("%-8s %14s %14s %16s\n", "scope", "quarter (ms)", "year (ms)", "scan / quarter");
    for (guint i = 0; i < G_N_ELEMENTS (scopes); i++)
      {
        sqlite3_stmt *stmt = attain_db_prepare_uncached (db, scopes[i].sql, NULL);
        AttainScope   scope;
        double        q, y;

        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        scope = (AttainScope){ scopes[i].kind, sqlite3_column_int64 (stmt, 0) };
        sqlite3_finalize (stmt);

        q = time_dashboard (path, &scope, &quarter, &today);
        y = time_dashboard (path, &scope, &year, &today);
        printf ("%-8s %14.1f %14.1f %15.0fx\n", scopes[i].label, q * 1000, y * 1000, scan / q);
      }
  }

  /* The goal tree of every unit and person: loading (four queries) and the rows the page
   * binds, built once and then updated in place as after an edit. */
  {
    g_autoptr (AttainDb) db = attain_db_open_reader (path, &error);
    double load[5], build[5], update[5];
    guint  nodes = 0;

    g_assert_no_error (error);
    for (int r = 0; r < 5; r++)
      {
        gint64 start = g_get_monotonic_time ();
        g_autoptr (AttainGoalTree) tree
            = attain_goal_tree_load (db, &year, "revenue", &today, &error);
        g_autoptr (GListModel) rows = NULL;

        g_assert_no_error (error);
        load[r] = seconds_since (start);
        start = g_get_monotonic_time ();
        rows = attain_goal_items_build (tree);
        build[r] = seconds_since (start);
        start = g_get_monotonic_time ();
        g_assert_true (attain_goal_items_update (rows, tree));
        update[r] = seconds_since (start);
        nodes = tree->nodes->len;
      }
    printf (
        "\ngoal tree, %u units and people: load %.1f ms, build rows %.1f ms, update rows %.1f ms "
        "(medians of 5)\n",
        nodes, median (load, 5) * 1000, median (build, 5) * 1000, median (update, 5) * 1000);
  }

  /* Review reports of the demo company's 60 people: one PDF, and one file a person. */
  {
    g_autofree char *dir = g_dir_make_tmp ("attain-bench-XXXXXX", &error);
    g_autofree char *demo_path = g_build_filename (dir, "demo.db", NULL);
    g_autofree char *pdf = g_build_filename (dir, "team.pdf", NULL);
    g_autofree char *folder = g_build_filename (dir, "team", NULL);
    g_autoptr (AttainDb) demo = attain_db_open (demo_path, &error);
    g_autoptr (GArray) people = NULL;
    AttainDemoOptions options;
    AttainPeriod      q3;
    double            one[3], each[3];

    attain_demo_options_init (&options, &today);
    g_assert_true (attain_demo_generate (demo, &options, NULL, NULL, &error));
    people = attain_review_team_people (demo, 1, &error);
    g_assert_true (attain_period_parse ("2026-Q3", 1, &q3, NULL));
    for (int r = 0; r < 3; r++)
      {
        gint64 start = g_get_monotonic_time ();
        g_assert_true (attain_review_reports_write (demo, people, &q3, &today, "zh-cn", FALSE, pdf,
                                                    NULL, NULL, NULL, &error));
        one[r] = seconds_since (start);
        start = g_get_monotonic_time ();
        g_assert_true (attain_review_reports_write (demo, people, &q3, &today, "zh-cn", FALSE, NULL,
                                                    folder, NULL, NULL, &error));
        each[r] = seconds_since (start);
      }
    printf ("\nreview reports, %u people: one PDF %.2f s, one PDF each %.2f s (medians of 3)\n",
            people->len, median (one, 3), median (each, 3));
  }
  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark (not a test): the wall time of a whole validated deals import (read, decode,
 * parse, check every row against the organisation, write in one transaction, sums brought up
 * to date, committed) into the demo company, next to SQLite's own CSV import
 * (sqlite3 F '.import --csv FILE deals_raw') into a bare table of an empty file. Run:
 * meson test -C _build --benchmark import, or directly: bench-import [ROWS]. */
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "model/attain-demo.h"
#include "model/attain-import.h"

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int argc, char *argv[])
{
  guint rows = argc > 1 ? (guint) atoi (argv[1]) : 1000000;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("attain-bench-import-XXXXXX", &error);
  g_autofree char *db_path = g_build_filename (dir, "company.db", NULL);
  g_autofree char *raw_path = g_build_filename (dir, "raw.db", NULL);
  g_autofree char *csv = g_build_filename (dir, "deals.csv", NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (AttainImportPlan) plan = NULL;
  AttainImportOptions options;
  AttainImportSummary summary = { 0 };
  AttainDemoOptions   demo;
  AttainDb           *db;
  FILE               *out;
  GDate               today;
  gint64              start;
  double              prepare_s, apply_s, sqlite_s;
  int                 status;

  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, 11, 2026);
  db = attain_db_open (db_path, &error);
  g_assert_no_error (error);
  attain_demo_options_init (&demo, &today);
  g_assert_true (attain_demo_generate (db, &demo, NULL, NULL, &error));
  {
    sqlite3_stmt *stmt = attain_db_prepare (db, "SELECT name FROM people ORDER BY id", &error);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    sqlite3_reset (stmt);
  }

  /* A CRM export: id, owner, customer, stage, amount with separators, two date styles. */
  out = g_fopen (csv, "w");
  fputs ("商机编号,负责人,客户名称,销售阶段,商机金额,创建时间,结单日期\n", out);
  for (guint i = 0; i < rows; i++)
    {
      const char *stage = i % 4 == 0 ? "商务谈判" : i % 4 == 1 ? "输单" : "赢单";
      fprintf (out, "BENCH-%u,%s,客户%u有限公司,%s,\"%u,%03u.50\",2025/%u/%u,%s\n", i,
               (const char *) g_ptr_array_index (names, i % names->len), i % 20000, stage,
               1 + i % 900, i % 1000, 1 + i % 12, 1 + i % 28, i % 4 == 0 ? "" : "2026-03-15");
    }
  fclose (out);

  attain_import_options_init (&options, ATTAIN_IMPORT_DEALS);
  options.as_of = g_strdup ("2026-11-23");
  start = g_get_monotonic_time ();
  plan = attain_import_prepare (db, csv, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attain_import_plan_get_problems (plan)->len, ==, 0);
  prepare_s = seconds_since (start);
  start = g_get_monotonic_time ();
  g_assert_true (attain_import_apply (db, plan, NULL, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  apply_s = seconds_since (start);
  g_assert_cmpuint (summary.added, ==, rows);
  attain_import_summary_clear (&summary);
  attain_import_options_clear (&options);
  {
    /* The write-ahead log grows with the one transaction; its size after the commit is the peak. */
    g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
    GStatBuf         st;
    if (g_stat (wal, &st) == 0)
      g_print ("  write-ahead log    %7.0f MB after the commit\n", st.st_size / 1048576.0);
  }
  attain_db_close (db);

  {
    g_autofree char *command = g_strdup_printf (
        "sqlite3 %s \"CREATE TABLE deals_raw (id, owner, customer, "
        "stage, amount, created, closed)\" \".import --csv --skip 1 %s deals_raw\"",
        raw_path, csv);
    start = g_get_monotonic_time ();
    if (!g_spawn_command_line_sync (command, NULL, NULL, &status, &error) || status != 0)
      {
        g_printerr ("sqlite3 CLI failed: %s\n", error ? error->message : "exit status");
        sqlite_s = 0;
      }
    else
      sqlite_s = seconds_since (start);
  }

  g_print ("deals import of %u rows into the demo company (%u people):\n", rows, names->len);
  g_print ("  read and validate  %7.2f s\n", prepare_s);
  g_print ("  write and sums     %7.2f s\n", apply_s);
  g_print ("  whole import       %7.2f s  (%.0f rows/s)\n", prepare_s + apply_s,
           rows / (prepare_s + apply_s));
  g_print ("  sqlite3 .import    %7.2f s  into a bare table of an empty file\n", sqlite_s);
  if (sqlite_s > 0)
    g_print ("  ratio              %7.2f x\n", (prepare_s + apply_s) / sqlite_s);

  g_unlink (csv);
  g_unlink (db_path);
  g_unlink (raw_path);
  {
    g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  return 0;
}

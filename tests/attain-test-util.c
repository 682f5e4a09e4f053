/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-test-util.h"

#include <glib/gstdio.h>

#include "model/attain-period.h"
#include "model/attain-rollup.h"

char *
attain_test_make_tmp_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("attain-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

char *
attain_test_db_path (const char *dir, const char *name)
{
  return g_build_filename (dir, name, NULL);
}

void
attain_test_rm_rf (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        attain_test_rm_rf (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

gint64
attain_test_query_int (AttainDb *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64        value;

  stmt = attain_db_prepare_uncached (db, sql, NULL);
  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

void
attain_test_date (GDate *date, const char *iso)
{
  g_assert_true (attain_date_parse_iso (iso, date));
}

/* A company small enough to compute every figure by hand (see test-metrics.c for the sums):
 *
 *   1 Company ─ 2 East region ─ 3 Team one: A (1), B (2)
 *             │               └ 4 Team two: D (3)
 *             └ 5 West region ─ 6 Empty team (nobody, one exact-quarter goal)
 *
 * Amounts below are yuan; the database holds fen. */
static const char *small_company_sql
    = "INSERT INTO org_units (id, parent_id, kind, name) VALUES "
      "  (1, NULL, 'company', 'Small Co'), (2, 1, 'region', 'East'), (3, 2, 'team', 'Team one'), "
      "  (4, 2, 'team', 'Team two'), (5, 1, 'region', 'West'), (6, 5, 'team', 'Empty team');"
      "INSERT INTO people (id, unit_id, position_id, name, hired_on) VALUES "
      "  (1, 3, (SELECT id FROM positions WHERE rank = 3), 'A', '2020-01-01'), "
      "  (2, 3, (SELECT id FROM positions WHERE rank = 1), 'B', '2020-01-01'), "
      "  (3, 4, (SELECT id FROM positions WHERE rank = 1), 'D', '2020-01-01');"
      "INSERT INTO customers (id, name, tier, unit_id) VALUES "
      "  (1, 'c1', 'A', 2), (2, 'c2', 'B', 2), (3, 'c3', 'C', 2);"
      /* Deals: 1 and 2 won by A in Q1 2026, 3 lost by B, 4 open at proposal, 5 (D) and 6 (A)
   * won in Q1 2025. */
      "INSERT INTO deals (id, owner_id, customer_id, stage_id, status, amount, gross_profit, "
      "  created_on, closed_on) VALUES "
      "  (1, 1, 1, (SELECT id FROM stages WHERE key = 'won'), 'won', 10000000, 3000000, "
      "'2026-01-10', '2026-02-09'), "
      "  (2, 1, 2, (SELECT id FROM stages WHERE key = 'won'), 'won', 5000000, 1000000, "
      "'2026-02-01', '2026-03-03'), "
      "  (3, 2, 3, (SELECT id FROM stages WHERE key = 'qualified'), 'lost', 2000000, 0, "
      "'2026-01-15', '2026-02-20'), "
      "  (4, 2, 1, (SELECT id FROM stages WHERE key = 'proposal'), 'open', 8000000, 0, "
      "'2026-03-01', NULL), "
      "  (5, 3, 2, (SELECT id FROM stages WHERE key = 'won'), 'won', 4000000, 800000, "
      "'2025-01-05', '2025-02-14'), "
      "  (6, 1, 3, (SELECT id FROM stages WHERE key = 'won'), 'won', 6000000, 1200000, "
      "'2025-02-01', '2025-03-13');"
      "WITH v (d, k, day) AS (VALUES "
      "  (1, 'lead', '2026-01-10'), (1, 'qualified', '2026-01-20'), (1, 'proposal', '2026-01-25'), "
      "  (1, 'negotiation', '2026-02-01'), (1, 'won', '2026-02-09'), "
      "  (2, 'lead', '2026-02-01'), (2, 'qualified', '2026-02-08'), (2, 'proposal', '2026-02-15'), "
      "  (2, 'negotiation', '2026-02-22'), (2, 'won', '2026-03-03'), "
      "  (3, 'lead', '2026-01-15'), (3, 'qualified', '2026-01-25'), "
      "  (4, 'lead', '2026-03-01'), (4, 'qualified', '2026-03-10'), (4, 'proposal', '2026-03-20'), "
      "  (5, 'lead', '2025-01-05'), (5, 'qualified', '2025-01-10'), (5, 'proposal', '2025-01-20'), "
      "  (5, 'negotiation', '2025-02-01'), (5, 'won', '2025-02-14'), "
      "  (6, 'lead', '2025-02-01'), (6, 'qualified', '2025-02-10'), (6, 'proposal', '2025-02-20'), "
      "  (6, 'negotiation', '2025-03-01'), (6, 'won', '2025-03-13')) "
      "INSERT INTO deal_stage_history (deal_id, stage_id, entered_on) "
      "  SELECT d, (SELECT id FROM stages WHERE key = k), day FROM v;"
      "INSERT INTO collections (deal_id, owner_id, invoice_amount, collected_amount, invoiced_on, "
      "collected_on) VALUES "
      "  (1, 1, 10000000, 9000000, '2026-02-10', '2026-03-15'), "
      "  (2, 1, 5000000, 0, '2026-03-05', NULL), "
      "  (5, 3, 4000000, 4000000, '2025-02-15', '2025-03-01'), "
      "  (6, 1, 6000000, 6000000, '2025-03-14', '2025-04-10');"
      "INSERT INTO activities (owner_id, customer_id, kind, tier, happened_on) VALUES "
      "  (1, 1, 'visit', 'A', '2026-01-12'), (1, 1, 'visit', 'A', '2026-02-12'), "
      "  (1, 3, 'visit', 'C', '2026-03-02'), (1, 2, 'call', 'B', '2026-03-03'), "
      "  (2, 2, 'visit', 'B', '2026-01-20'), (2, 2, 'visit', 'B', '2026-02-20'), "
      "  (2, 2, 'email', 'B', '2026-02-21'), (3, 1, 'demo', 'A', '2026-03-25');"
      "INSERT INTO feedback (owner_id, customer_id, kind, score, scale_max, recommend, given_on, "
      "resolved_on) VALUES "
      "  (1, 1, 'survey', 5, 5, 10, '2026-01-30', NULL), (1, 2, 'survey', 4, 5, 8, '2026-02-28', "
      "NULL), "
      "  (2, 3, 'survey', 2, 5, 3, '2026-03-01', NULL), (3, 2, 'survey', 9, 10, 9, '2026-03-30', "
      "NULL), "
      "  (2, 3, 'complaint', NULL, NULL, NULL, '2026-02-01', '2026-02-05'), "
      "  (3, 1, 'complaint', NULL, NULL, NULL, '2026-03-10', NULL);"
      "INSERT INTO market_size (unit_id, month, amount) VALUES "
      "  (2, 202601, 30000000), (2, 202602, 30000000), (2, 202603, 30000000);"
      /* Monthly revenue goals: A 40,000, B 20,000, D 10,000 per month of Q1 2026. */
      "WITH who (p, t) AS (VALUES (1, 4000000), (2, 2000000), (3, 1000000)), "
      "  m (s, e) AS (VALUES ('2026-01-01', '2026-01-31'), ('2026-02-01', '2026-02-28'), "
      "  ('2026-03-01', '2026-03-31')) "
      "INSERT INTO goals (owner_person_id, metric, type, target, unit, period_kind, period_start, "
      "period_end) "
      "  SELECT p, 'revenue', 'result', t, 'CNY', 'month', s, e FROM who, m;"
      "INSERT INTO goals (owner_unit_id, metric, type, target, unit, period_kind, period_start, "
      "period_end, lower_is_better) VALUES "
      "  (1, 'collection_rate', 'result', 9000, '%', 'year', '2026-01-01', '2026-12-31', 0), "
      "  (1, 'sales_cycle', 'result', 45, 'days', 'year', '2026-01-01', '2026-12-31', 1), "
      "  (6, 'revenue', 'result', 5000000, 'CNY', 'quarter', '2026-01-01', '2026-03-31', 0);";

AttainDb *
attain_test_small_company (const char *path)
{
  g_autoptr (GError) error = NULL;
  AttainDb *db = attain_db_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (attain_db_exec (db, small_company_sql, &error));
  g_assert_no_error (error);
  g_assert_true (attain_rollup_rebuild (db, &error));
  g_assert_no_error (error);
  return db;
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

/* A digest of every row of every table, to tell whether anything at all changed. */
static char *digest (AttainDb *db, gboolean without_times);

char *
attain_test_database_digest (AttainDb *db)
{
  return digest (db, FALSE);
}

/* The same, leaving out the columns that hold when a row was written ("at", "..._at"): two runs
 * of one write then give the same digest. */
char *
attain_test_database_digest_without_times (AttainDb *db)
{
  return digest (db, TRUE);
}

static char *
digest (AttainDb *db, gboolean without_times)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3_stmt *tables = NULL;

  tables = attain_db_prepare_uncached (db,
                                       "SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                       "name NOT LIKE 'sqlite_%' ORDER BY name",
                                       NULL);
  g_assert_nonnull (tables);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char      *name = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", name);
      g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
      sqlite3_stmt *stmt = NULL;

      stmt = attain_db_prepare_uncached (db, sql, NULL);
      g_assert_nonnull (stmt);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          GString *row = g_string_new (NULL);
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            if (without_times
                && (g_str_equal (sqlite3_column_name (stmt, c), "at")
                    || g_str_has_suffix (sqlite3_column_name (stmt, c), "_at")))
              continue;
            else
              g_string_append_printf (row, "%s\x1f",
                                      sqlite3_column_type (stmt, c) == SQLITE_NULL
                                          ? "\x01"
                                          : (const char *) sqlite3_column_text (stmt, c));
          g_ptr_array_add (rows, g_string_free (row, FALSE));
        }
      sqlite3_finalize (stmt);
      g_ptr_array_sort (rows, compare_strings);
      {
        g_autoptr (GChecksum) table_sum = g_checksum_new (G_CHECKSUM_SHA256);
        for (guint i = 0; i < rows->len; i++)
          g_checksum_update (table_sum, (const guchar *) g_ptr_array_index (rows, i), -1);
        if (g_getenv ("DEBUG_DIGEST"))
          g_printerr ("TABLE %s %u %s\n", name, rows->len, g_checksum_get_string (table_sum));
        g_checksum_update (sum, (const guchar *) name, -1);
        g_checksum_update (sum, (const guchar *) g_checksum_get_string (table_sum), -1);
      }
    }
  sqlite3_finalize (tables);
  return g_strdup (g_checksum_get_string (sum));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-test-util.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

static void
test_new_file (void)
{
  g_autofree char *dir = attain_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "sub", "folder", "attain.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainDb) db = attain_db_open (path, &error);
  GStatBuf         st;
  g_autofree char *currency = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (db);
  /* Created with its folders, private to the user. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (attain_db_get_version (db), ==, attain_db_latest_version ());
  g_assert_cmpint (attain_test_query_int (db, "PRAGMA user_version"), ==,
                   attain_db_latest_version ());
  g_assert_cmpint (attain_test_query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (attain_test_query_int (db, "PRAGMA synchronous"), ==, 2); /* FULL */
  g_assert_cmpint (attain_test_query_int (db, "SELECT count(*) FROM positions"), ==, 5);
  g_assert_cmpint (attain_test_query_int (db, "SELECT count(*) FROM stages"), ==, 5);
  g_assert_true (attain_db_is_empty (db));
  currency = attain_db_get_setting (db, "currency", NULL);
  g_assert_cmpstr (currency, ==, "CNY");
  g_assert_cmpint (attain_db_get_setting_int (db, "fiscal_year_start_month", 0), ==, 1);
  g_assert_cmpint (attain_db_get_setting_int (db, "no such key", 42), ==, 42);
  {
    sqlite3_stmt *stmt = attain_db_prepare (db, "PRAGMA journal_mode", &error);
    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
    sqlite3_reset (stmt);
  }

  g_clear_pointer (&db, attain_db_close);
  attain_test_rm_rf (dir);
}

static void
test_old_file_is_upgraded (void)
{
  g_autofree char *dir = attain_test_make_tmp_dir ();
  g_autofree char *path = attain_test_db_path (dir, "old.db");
  g_autoptr (GBytes) v1 = attain_db_migration_sql (1);
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainDb) db = NULL;
  sqlite3 *raw = NULL;

  /* A file as version 1 of Attain left it, with a company in it. */
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, g_bytes_get_data (v1, NULL), NULL, NULL, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw,
                                 "INSERT INTO org_units (kind, name) VALUES ('company', '老公司');"
                                 "PRAGMA user_version = 1;",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (raw);

  db = attain_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (attain_db_get_version (db), ==, attain_db_latest_version ());
  /* The data survived and the defaults of migration 2 arrived. */
  g_assert_cmpint (
      attain_test_query_int (db, "SELECT count(*) FROM org_units WHERE name = '老公司'"), ==, 1);
  g_assert_cmpint (
      attain_test_query_int (db, "SELECT count(*) FROM positions WHERE key IS NOT NULL"), ==, 5);
  g_assert_cmpint (
      attain_test_query_int (db, "SELECT count(*) FROM settings WHERE key = 'currency'"), ==, 1);
  /* Migration 3: capability ratings. */
  g_assert_cmpint (attain_test_query_int (
                       db, "SELECT count(*) FROM pragma_table_info('goals') WHERE name = 'rating'"),
                   ==, 1);
  g_assert_false (attain_db_is_empty (db));

  g_clear_pointer (&db, attain_db_close);
  attain_test_rm_rf (dir);
}

static void
test_newer_file_is_refused_untouched (void)
{
  g_autofree char *dir = attain_test_make_tmp_dir ();
  g_autofree char *path = attain_test_db_path (dir, "future.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize            before_len, after_len;
  g_autoptr (GError) error = NULL;
  AttainDb *db;
  sqlite3  *raw = NULL;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (
      sqlite3_exec (raw, "CREATE TABLE x (y); PRAGMA user_version = 99;", NULL, NULL, NULL), ==,
      SQLITE_OK);
  sqlite3_close (raw);
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  db = attain_db_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "newer version"));
  g_assert_nonnull (strstr (error->message, "99"));

  /* Byte for byte the same file, and no WAL was started beside it. */
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }
  attain_test_rm_rf (dir);
}

static void
test_not_a_database (void)
{
  g_autofree char *dir = attain_test_make_tmp_dir ();
  g_autofree char *path = attain_test_db_path (dir, "notes.txt");
  g_autoptr (GError) error = NULL;
  AttainDb *db;

  g_assert_true (g_file_set_contents (path,
                                      "Quarterly notes, not a database at all. ............"
                                      "................................................",
                                      -1, NULL));
  db = attain_db_open (path, &error);
  g_assert_null (db);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, path));
  attain_test_rm_rf (dir);
}

static void
test_reader_sees_writer (void)
{
  g_autofree char *dir = attain_test_make_tmp_dir ();
  g_autofree char *path = attain_test_db_path (dir, "a.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainDb) writer = attain_db_open (path, &error);
  g_autoptr (AttainDb) reader = NULL;

  g_assert_no_error (error);
  g_assert_true (attain_db_set_setting (writer, "company_name", "甲", &error));
  reader = attain_db_open_reader (path, &error);
  g_assert_no_error (error);
  {
    g_autofree char *name = attain_db_get_setting (reader, "company_name", NULL);
    g_assert_cmpstr (name, ==, "甲");
  }
  /* The reader cannot write. */
  g_assert_false (attain_db_set_setting (reader, "company_name", "乙", &error));
  g_assert_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_QUERY);

  g_clear_pointer (&reader, attain_db_close);
  g_clear_pointer (&writer, attain_db_close);
  attain_test_rm_rf (dir);
}

/* A database left readable by others (made under umask 022 by an older version, or copied in)
 * is made 0600 on open, with its -wal, and the user is told once. */
static void
test_made_private (void)
{
  g_autofree char *dir = attain_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "shared.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr (GError) error = NULL;
  GStatBuf st;

  {
    g_autoptr (AttainDb) db = attain_db_open (path, &error);
    g_autofree char *notice = attain_db_made_private_notice (db);
    g_assert_no_error (error);
    g_assert_null (notice); /* a new file is private from the start */
  }
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_true (g_file_set_contents (wal, "", 0, NULL));
  g_assert_cmpint (g_chmod (wal, 0644), ==, 0);
  {
    g_autoptr (AttainDb) db = attain_db_open (path, &error);
    g_autofree char *notice = attain_db_made_private_notice (db);
    g_assert_no_error (error);
    g_assert_nonnull (notice);
    g_assert_nonnull (strstr (notice, "shared.db"));
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    g_assert_cmpint (g_stat (wal, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
  {
    g_autoptr (AttainDb) db = attain_db_open (path, &error);
    g_autofree char *notice = attain_db_made_private_notice (db);
    g_assert_null (notice); /* said once */
  }
  attain_test_rm_rf (dir);
}

typedef struct
{
  guint    calls;
  guint    changes;
  GThread *thread;
} Heard;

static void
heard_cb (const char *path, guint changes, gpointer data)
{
  Heard *heard = data;

  heard->calls++;
  heard->changes |= changes;
  heard->thread = g_thread_self ();
}

static gpointer
commit_on_worker (gpointer path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainDb) db = attain_db_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (attain_db_begin (db, NULL));
  g_assert_true (attain_db_set_setting (db, "company_name", "甲公司", NULL));
  g_assert_true (
      attain_db_exec (db, "INSERT INTO org_units (name, kind) VALUES ('乙公司', 'company')", NULL));
  g_assert_true (attain_db_commit (db, NULL));
  return NULL;
}

/* A commit is announced once, with what it changed, on the listener's main context even when
 * a worker made it on its own connection; a rolled-back transaction is not announced. */
static void
test_commit_is_announced (void)
{
  g_autofree char *dir = attain_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "announce.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainDb) db = attain_db_open (path, &error);
  Heard heard = { 0 };
  guint id;

  g_assert_no_error (error);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  id = attain_db_add_commit_listener (heard_cb, &heard, NULL);
  g_thread_join (g_thread_new ("commit", commit_on_worker, path));
  /* Queued, not called from inside the commit. */
  g_assert_cmpuint (heard.calls, ==, 0);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (heard.calls, ==, 1);
  g_assert_true (heard.thread == g_thread_self ());
  g_assert_cmpuint (heard.changes, ==, ATTAIN_DB_CHANGE_SETTINGS | ATTAIN_DB_CHANGE_ORG);

  heard.calls = heard.changes = 0;
  g_assert_true (attain_db_begin (db, NULL));
  g_assert_true (attain_db_set_setting (db, "company_name", "丙公司", NULL));
  attain_db_rollback (db);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (heard.calls, ==, 0);

  /* A single statement outside a transaction is a commit too. */
  g_assert_true (attain_db_set_setting (db, "company_name", "丁公司", NULL));
  attain_db_remove_commit_listener (id);
  /* Removed before delivery: not called. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (heard.calls, ==, 0);
  attain_test_rm_rf (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* The usual desktop umask: every file written must still be private (0600). */
  umask (022);
  g_test_add_func ("/db/new-file", test_new_file);
  g_test_add_func ("/db/made-private", test_made_private);
  g_test_add_func ("/db/old-file-is-upgraded", test_old_file_is_upgraded);
  g_test_add_func ("/db/newer-file-is-refused-untouched", test_newer_file_is_refused_untouched);
  g_test_add_func ("/db/not-a-database", test_not_a_database);
  g_test_add_func ("/db/reader-sees-writer", test_reader_sees_writer);
  g_test_add_func ("/db/commit-is-announced", test_commit_is_announced);
  return g_test_run ();
}

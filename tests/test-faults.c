/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The fault suite: writers killed with SIGKILL part way, and writes, syncs and renames that
 * fail. After each, the file passes integrity_check, every summary equals its records, and its
 * contents are what they were before the write or what the whole write makes, never between;
 * a failed export leaves no half file under its name. Seeded; the seed and the figures are
 * printed. Needs the io-shim (LD_PRELOAD), so it runs on the build without sanitizers. */
#include "attain-test-util.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include "model/attain-rollup.h"

static char  *dir;
static char  *pristine; /* the demo company, closed: one file, no -wal */
static GRand *rand_source;

static char **
fault_env (const char *call, guint at, guint delay_us, const char *report)
{
  char **env = g_get_environ ();
  env = g_environ_setenv (env, "LD_PRELOAD", g_getenv ("ATTAIN_IO_SHIM"), TRUE);
  env = g_environ_setenv (env, "ATTAIN_FAULT_CALL", call ? call : "", TRUE);
  {
    g_autofree char *n = g_strdup_printf ("%u", at);
    g_autofree char *d = g_strdup_printf ("%u", delay_us);
    env = g_environ_setenv (env, "ATTAIN_FAULT_AT", n, TRUE);
    env = g_environ_setenv (env, "ATTAIN_FAULT_DELAY_US", d, TRUE);
  }
  if (report != NULL)
    env = g_environ_setenv (env, "ATTAIN_FAULT_REPORT", report, TRUE);
  return env;
}

static void
copy_file (const char *from, const char *to)
{
  g_autofree char *bytes = NULL;
  gsize            length;
  g_autofree char *wal = g_strconcat (to, "-wal", NULL);
  g_autofree char *shm = g_strconcat (to, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
  g_assert_true (g_file_get_contents (from, &bytes, &length, NULL));
  g_assert_true (
      g_file_set_contents_full (to, bytes, length, G_FILE_SET_CONTENTS_NONE, 0600, NULL));
}

/* Opens the file as the app would (recovering the write-ahead log), checks it, and returns the
 * digest of its contents without write times. */
static char *
check_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainDb) db = attain_db_open (path, &error);
  g_autoptr (GString) report = g_string_new (NULL);
  sqlite3_stmt *stmt;
  guint64       different = 0;

  g_assert_no_error (error);
  stmt = attain_db_prepare_uncached (db, "PRAGMA integrity_check", &error);
  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  g_assert_true (attain_rollup_check (db, FALSE, report, &different, &error));
  g_assert_no_error (error);
  if (different != 0)
    g_error ("%" G_GUINT64_FORMAT " summary rows differ from their records:\n%s", different,
             report->str);
  return attain_test_database_digest_without_times (db);
}

static const char *
writer (void)
{
  return g_getenv ("ATTAIN_FAULT_WRITER");
}

/* Runs the writer to the end (slowed, as when killed) and returns how long it took. */
/* Writes and syncs are slowed so that a kill lands inside a transaction; the demo makes tens of
 * thousands of writes, so less for it. */
static guint
slowdown (const char *op)
{
  return g_str_equal (op, "demo") ? 20 : 300;
}

static gint64
run_whole (const char *op, const char *file, const char *folder)
{
  const char *argv[] = { writer (), op, file, folder, NULL };
  g_auto (GStrv) env = fault_env (NULL, 0, slowdown (op), NULL);
  gint64 started = g_get_monotonic_time ();
  int    status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                               &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_get_monotonic_time () - started;
}

/* The file a write starts from: a new empty one for the demo, else the demo company (with
 * the review already open for the plan's save, a transaction of its own). */
static void
prepare (const char *op, const char *file)
{
  g_unlink (file);
  if (g_str_equal (op, "demo"))
    {
      g_autoptr (AttainDb) fresh = attain_db_open (file, NULL);
      g_assert_nonnull (fresh);
      return;
    }
  copy_file (pristine, file);
  if (g_str_equal (op, "review"))
    {
      const char *argv[] = { writer (), "open-review", file, NULL };
      int         status;
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                                   NULL, &status, NULL));
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }
}

static void
kill_at (const char *op, const char *file, const char *folder, gint64 after_us)
{
  const char *argv[] = { writer (), op, file, folder, NULL };
  g_auto (GStrv) env = fault_env (NULL, 0, slowdown (op), NULL);
  GPid pid;
  int  status;

  g_assert_true (g_spawn_async (NULL, (char **) argv, env,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                &pid, NULL));
  g_usleep ((gulong) after_us);
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
}

/* Every file under its final name is a whole PDF; only hidden temporary files may be cut. */
static guint
whole_pdfs (const char *folder)
{
  g_autoptr (GDir) handle = g_dir_open (folder, 0, NULL);
  const char *entry;
  guint       whole = 0;

  while (handle != NULL && (entry = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, entry, NULL);
      g_autofree char *bytes = NULL;
      gsize            length = 0;

      if (entry[0] == '.')
        continue;
      g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
      g_assert_true (length > 1000 && g_str_has_prefix (bytes, "%PDF"));
      g_assert_nonnull (g_strrstr_len (bytes + length - 32, 32, "%%EOF"));
      whole++;
    }
  return whole;
}

static void
test_killed_writers (void)
{
  static const char *ops[] = { "demo", "split", "review", "export" };
  guint              kills = 0;

  for (guint o = 0; o < G_N_ELEMENTS (ops); o++)
    {
      const char      *op = ops[o];
      g_autofree char *file = g_build_filename (dir, "killed.db", NULL);
      g_autofree char *folder = g_build_filename (dir, "killed-export", NULL);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      guint            as_before = 0, as_after = 0;
      gint64           duration;

      prepare (op, file);
      before = check_file (file);
      duration = run_whole (op, file, folder);
      after = check_file (file);
      if (g_str_equal (op, "export"))
        {
          g_assert_cmpstr (before, ==, after); /* an export writes no data */
          g_assert_cmpuint (whole_pdfs (folder), >, 1);
        }
      else
        g_assert_cmpstr (before, !=, after);
      attain_test_rm_rf (folder);

      for (guint k = 0; k < 5; k++)
        {
          gint64           at = g_rand_int_range (rand_source, (gint32) (duration / 20),
                                                  (gint32) (duration * 19 / 20));
          g_autofree char *now = NULL;

          prepare (op, file);
          kill_at (op, file, folder, at);
          kills++;
          now = check_file (file);
          if (g_str_equal (now, before))
            as_before++;
          else if (g_str_equal (now, after))
            as_after++;
          else
            g_error ("%s killed after %" G_GINT64_FORMAT
                     " µs left the file between before and after",
                     op, at);
          if (g_str_equal (op, "export"))
            whole_pdfs (folder);
          attain_test_rm_rf (folder);
        }
      g_test_message ("%s (%.2f s slowed): 5 kills, %u left it as before, %u as after", op,
                      duration / 1e6, as_before, as_after);
    }
  g_assert_cmpuint (kills, ==, 20);
}

static gint64
file_size (const char *path)
{
  GStatBuf st;
  return g_stat (path, &st) == 0 ? (gint64) st.st_size : -1;
}

typedef struct
{
  const char *name;
  const char *args[6]; /* after attain-cli --database FILE; "@OUT" is the output path */
  gboolean    writes_data;
} CliWrite;

static void
read_counts (const char *report, guint counts[3])
{
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (report, &text, NULL, NULL));
  g_assert_cmpint (sscanf (text, "%u %u %u", &counts[0], &counts[1], &counts[2]), ==, 3);
}

static int
run_cli_faulted (const CliWrite *op,
                 const char     *file,
                 const char     *out,
                 const char     *call,
                 guint           at,
                 const char     *report,
                 char          **err)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_auto (GStrv) env = fault_env (call, at, 0, report);
  int status;

  g_ptr_array_add (argv, (char *) g_getenv ("ATTAIN_CLI"));
  g_ptr_array_add (argv, (char *) "--database");
  g_ptr_array_add (argv, (char *) file);
  g_ptr_array_add (argv, (char *) "--today");
  g_ptr_array_add (argv, (char *) "2026-11-23");
  for (guint i = 0; op->args[i] != NULL; i++)
    g_ptr_array_add (argv, g_str_equal (op->args[i], "@OUT") ? (char *) out : (char *) op->args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                               NULL, NULL, err, &status, NULL));
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* Each write, and each of its writes, syncs and renames failing in turn (the first, one in the
 * middle, the last): a sentence, and the file as it was, or the whole write. */
static void
test_failing_io (void)
{
  g_autofree char *deals = g_build_filename (dir, "deals.csv", NULL);
  const CliWrite   ops[] = {
      { "import", { "import", "deals", deals, NULL }, TRUE },
      { "backup", { "backup", "@OUT", NULL }, FALSE },
      { "export", { "export", "org", "--csv", "@OUT", NULL }, FALSE },
      { "report", { "report", "--person", "5", "--output", "@OUT", NULL }, FALSE },
  };
  static const char *calls[] = { "write", "fsync", "rename" };
  guint              injected = 0, refused = 0, survived = 0;

  /* 300 deals of the demo's own people, as a CRM would export them. */
  {
    g_autoptr (AttainDb) db = attain_db_open (pristine, NULL);
    g_autoptr (GString) csv
        = g_string_new ("商机编号,负责人,客户名称,销售阶段,金额,创建时间,结单日期\n");
    sqlite3_stmt *names
        = attain_db_prepare_uncached (db, "SELECT name FROM people ORDER BY id LIMIT 12", NULL);
    g_autoptr (GPtrArray) people = g_ptr_array_new_with_free_func (g_free);

    while (sqlite3_step (names) == SQLITE_ROW)
      g_ptr_array_add (people, g_strdup ((const char *) sqlite3_column_text (names, 0)));
    sqlite3_finalize (names);
    for (guint i = 0; i < 300; i++)
      g_string_append_printf (csv, "F-%u,%s,故障测试客户 %u,赢单,%u,2026-10-%02u,2026-11-%02u\n", i,
                              (char *) g_ptr_array_index (people, i % people->len), i % 40,
                              10000 + i * 37, 1 + i % 28, 1 + i % 20);
    g_assert_true (g_file_set_contents (deals, csv->str, -1, NULL));
  }

  for (guint o = 0; o < G_N_ELEMENTS (ops); o++)
    {
      g_autofree char *file = g_build_filename (dir, "faulted.db", NULL);
      g_autofree char *out = g_build_filename (dir, "faulted-output", NULL);
      g_autofree char *report = g_build_filename (dir, "counts", NULL);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      CliWrite         op = ops[o];
      guint            counts[3];
      gint64           whole_size;

      copy_file (pristine, file);
      before = check_file (file);
      g_unlink (out);
      g_assert_cmpint (run_cli_faulted (&op, file, out, NULL, 0, report, NULL), ==, 0);
      read_counts (report, counts);
      whole_size = file_size (out);
      after = check_file (file);

      for (guint c = 0; c < G_N_ELEMENTS (calls); c++)
        {
          guint points[3] = { 1, (counts[c] + 1) / 2, counts[c] };
          for (guint p = 0; p < 3; p++)
            {
              g_autofree char *err = NULL;
              g_autofree char *now = NULL;
              int              status;

              if (points[p] == 0 || (p > 0 && points[p] == points[p - 1]))
                continue;
              copy_file (pristine, file);
              g_unlink (out);
              status = run_cli_faulted (&op, file, out, calls[c], points[p], NULL, &err);
              injected++;
              now = check_file (file);
              g_assert_null (strstr (err, "CRITICAL"));
              g_assert_null (strstr (err, "WARNING"));
              if (status != 0)
                {
                  /* Refused: said in a sentence, nothing changed, no file under the name. */
                  refused++;
                  g_assert_cmpuint (strlen (g_strstrip (err)), >, 10);
                  g_assert_cmpstr (now, ==, before);
                  if (!op.writes_data)
                    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
                }
              else
                {
                  survived++;
                  g_assert_cmpstr (now, ==, after);
                  /* What it wrote is all there. */
                  g_assert_cmpint (file_size (out), ==, whole_size);
                }
            }
        }
      g_test_message ("%s: %u writes, %u syncs, %u renames", op.name, counts[0], counts[1],
                      counts[2]);
    }
  g_test_message ("%u faults injected: %u refused with a sentence and the file as it was, %u "
                  "completed whole",
                  injected, refused, survived);
  g_assert_cmpuint (injected, >=, 20);
}

/* Two processes importing into one file at the same moment, three times over: each import is
 * whole (all its deals, exactly once) and every summary equals its records afterwards. */
static void
test_two_writers (void)
{
  g_autofree char *file = g_build_filename (dir, "two-writers.db", NULL);
  g_autoptr (AttainDb) db = NULL;
  g_autoptr (GPtrArray) people = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *digest = NULL;
  sqlite3_stmt    *names;

  copy_file (pristine, file);
  db = attain_db_open (file, NULL);
  names = attain_db_prepare_uncached (db, "SELECT name FROM people ORDER BY id LIMIT 8", NULL);
  while (sqlite3_step (names) == SQLITE_ROW)
    g_ptr_array_add (people, g_strdup ((const char *) sqlite3_column_text (names, 0)));
  sqlite3_finalize (names);
  g_clear_pointer (&db, attain_db_close);

  for (guint round = 0; round < 3; round++)
    {
      GPid pids[2];
      for (guint w = 0; w < 2; w++)
        {
          g_autofree char *csv_path = g_strdup_printf ("%s/writer-%u-%u.csv", dir, round, w);
          g_autoptr (GString) csv
              = g_string_new ("商机编号,负责人,客户名称,销售阶段,金额,创建时间,结单日期\n");
          const char *argv[] = { g_getenv ("ATTAIN_CLI"),
                                 "--database",
                                 file,
                                 "--today",
                                 "2026-11-23",
                                 "import",
                                 "deals",
                                 csv_path,
                                 NULL };
          for (guint i = 0; i < 400; i++)
            g_string_append_printf (
                csv, "W%u-%u-%u,%s,并发客户 %u,赢单,%u,2026-10-05,2026-11-%02u\n", w, round, i,
                (char *) g_ptr_array_index (people, (i + w) % people->len), i % 25, 1000 + i,
                1 + i % 20);
          g_assert_true (g_file_set_contents (csv_path, csv->str, -1, NULL));
          g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                        G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                        NULL, NULL, &pids[w], NULL));
        }
      for (guint w = 0; w < 2; w++)
        {
          int status;
          g_assert_cmpint (waitpid (pids[w], &status, 0), ==, pids[w]);
          g_assert_true (g_spawn_check_wait_status (status, NULL));
          g_spawn_close_pid (pids[w]);
        }
    }
  digest = check_file (file);
  db = attain_db_open (file, NULL);
  for (guint w = 0; w < 2; w++)
    for (guint round = 0; round < 3; round++)
      {
        g_autofree char *sql = g_strdup_printf (
            "SELECT count(*) FROM deals WHERE external_id LIKE 'W%u-%u-%%'", w, round);
        g_assert_cmpint (attain_test_query_int (db, sql), ==, 400);
      }
}

int
main (int argc, char *argv[])
{
  int     status;
  guint32 seed;

  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("ATTAIN_IO_SHIM") == NULL || writer () == NULL || g_getenv ("ATTAIN_CLI") == NULL)
    {
      g_printerr ("the fault tests need ATTAIN_IO_SHIM, ATTAIN_FAULT_WRITER and ATTAIN_CLI\n");
      return 77;
    }
  seed
      = g_getenv ("ATTAIN_FAULT_SEED") ? (guint32) atoi (g_getenv ("ATTAIN_FAULT_SEED")) : 20261201;
  rand_source = g_rand_new_with_seed (seed);
  g_printerr ("# fault seed %u (ATTAIN_FAULT_SEED to repeat)\n", seed);
  dir = attain_test_make_tmp_dir ();
  pristine = g_build_filename (dir, "pristine.db", NULL);
  {
    const char *demo[] = { writer (), "demo", pristine, NULL };
    int         exit_status;
    g_assert_true (g_spawn_sync (NULL, (char **) demo, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                                 NULL, &exit_status, NULL));
    g_assert_true (g_spawn_check_wait_status (exit_status, NULL));
  }
  g_test_add_func ("/faults/killed-writers", test_killed_writers);
  g_test_add_func ("/faults/failing-io", test_failing_io);
  g_test_add_func ("/faults/two-writers", test_two_writers);
  status = g_test_run ();
  attain_test_rm_rf (dir);
  g_rand_free (rand_source);
  return status;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* attain-cli as a shell user runs it: the demo, the dashboard's JSON and its error messages. */
#include "attain-test-util.h"

#include <unistd.h>

#include <glib/gstdio.h>

#include <gio/gio.h>

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

static char *dir;
static char *db_path;

static char **spawn_env;

static int
run_cli (char **out, char **err, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  const char *cli = g_getenv ("ATTAIN_CLI");
  int         status = 0;
  va_list     args;
  const char *arg;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  g_ptr_array_add (argv, (char *) "--database");
  g_ptr_array_add (argv, db_path);
  g_ptr_array_add (argv, (char *) "--today");
  g_ptr_array_add (argv, (char *) "2026-11-23");
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, spawn_env, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static JsonObject *
parse_object (JsonParser *parser, const char *text)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static JsonObject *
find_metric (JsonArray *array, const char *key)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *item = json_array_get_object_element (array, i);
      if (g_strcmp0 (json_object_get_string_member (item, "metric"), key) == 0)
        return item;
    }
  g_assert_not_reached ();
}

static void
test_demo_then_dashboard_json (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainDb) db = NULL;
  JsonObject *root, *revenue;
  JsonArray  *cards, *trend, *funnel, *ranking;
  gint64      expected;

  g_assert_cmpint (run_cli (&out, &err, "demo", "--quiet", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "dashboard", "--period", "2026-Q3", "--json", NULL), ==, 0);
  root = parse_object (parser, out);
  g_assert_cmpstr (json_object_get_string_member (root, "period"), ==, "2026-Q3");
  g_assert_cmpstr (json_object_get_string_member (root, "scope"), ==, "unit:1");
  g_assert_cmpstr (json_object_get_string_member (root, "currency"), ==, "CNY");

  cards = json_object_get_array_member (root, "cards");
  g_assert_cmpuint (json_array_get_length (cards), ==, 7);

  /* The card's revenue equals what the raw deal table says, read independently. */
  db = attain_db_open (db_path, &error);
  g_assert_no_error (error);
  expected = attain_test_query_int (db, "SELECT sum(amount) FROM deals WHERE status = 'won' "
                                        "AND closed_on BETWEEN '2026-07-01' AND '2026-09-30'");
  revenue = find_metric (cards, "revenue");
  g_assert_cmpfloat (json_object_get_double_member (revenue, "value"), ==, (double) expected);
  expected = attain_test_query_int (
      db, "SELECT sum(target) FROM goals WHERE metric = 'revenue' "
          "AND period_kind = 'month' AND period_start BETWEEN '2026-07-01' AND '2026-09-30'");
  g_assert_cmpfloat (json_object_get_double_member (revenue, "target"), ==, (double) expected);
  /* Q3 is over: pace is decided. */
  g_assert_cmpstr (json_object_get_string_member (revenue, "pace"), !=, "none");

  trend = json_object_get_array_member (root, "trend");
  g_assert_cmpuint (json_array_get_length (trend), ==, 12);
  /* December 2026 is after today: null, not zero. */
  g_assert_true (json_object_get_null_member (json_array_get_object_element (trend, 11), "actual"));
  expected = attain_test_query_int (db, "SELECT sum(amount) FROM deals WHERE status = 'won' "
                                        "AND closed_on BETWEEN '2026-08-01' AND '2026-08-31'");
  g_assert_cmpfloat (
      json_object_get_double_member (json_array_get_object_element (trend, 7), "actual"), ==,
      (double) expected);

  funnel = json_object_get_array_member (root, "funnel");
  g_assert_cmpuint (json_array_get_length (funnel), ==, 5);
  for (guint i = 1; i < 5; i++)
    g_assert_cmpint (
        json_object_get_int_member (json_array_get_object_element (funnel, i), "count"), <=,
        json_object_get_int_member (json_array_get_object_element (funnel, i - 1), "count"));

  /* The company's children: three regions, best attainment first. */
  ranking = json_object_get_array_member (root, "ranking");
  g_assert_cmpuint (json_array_get_length (ranking), ==, 3);
  g_assert_cmpfloat (
      json_object_get_double_member (json_array_get_object_element (ranking, 0), "attainment"), >=,
      json_object_get_double_member (json_array_get_object_element (ranking, 2), "attainment"));

  g_clear_pointer (&db, attain_db_close);
}

static void
test_metrics_person_json (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray  *metrics;

  g_assert_cmpint (
      run_cli (&out, &err, "metrics", "--person", "5", "--period", "2025", "--json", NULL), ==, 0);
  root = parse_object (parser, out);
  g_assert_cmpstr (json_object_get_string_member (root, "scope"), ==, "person:5");
  metrics = json_object_get_array_member (root, "metrics");
  g_assert_cmpuint (json_array_get_length (metrics), ==, 21);
  /* A person has no market size: null. */
  g_assert_true (json_object_get_null_member (find_metric (metrics, "market_share"), "value"));
  g_assert_cmpfloat (json_object_get_double_member (find_metric (metrics, "revenue"), "value"), >,
                     0);
}

static void
test_errors_are_sentences (void)
{
  struct
  {
    const char *args[4];
    int         status;
    const char *says;
  } cases[] = {
    { { "dashboard", "--period", "2026-Q5", NULL }, 2, "is not a period" },
    { { "dashboard", "--unit", "abc", NULL }, 2, "is not an id" },
    { { "dashboard", "--unit", "999", NULL }, 1, "no organisation unit with id 999" },
    { { "metrics", "--person", "999", NULL }, 1, "no person with id 999" },
    { { "demo", "--quiet", NULL }, 1, "already holds a company" },
    { { "frobnicate", NULL }, 2, "is not a command" },
    { { "goals", "--metric", "happiness", NULL }, 2, "is not a metric goals can be set for" },
    { { "report", "--team=9999", "--output=never.pdf", NULL },
      1,
      "no organisation unit with id 9999" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status = run_cli (&out, &err, cases[i].args[0], cases[i].args[1], cases[i].args[2],
                            cases[i].args[3]);

      g_assert_cmpint (status, ==, cases[i].status);
      if (strstr (err, cases[i].says) == NULL)
        g_error ("expected “%s” in: %s", cases[i].says, err);
    }
  g_assert_false (g_file_test ("never.pdf", G_FILE_TEST_EXISTS));

  /* A mistyped database path: read-only commands say so and create neither folder nor file. */
  {
    g_autofree char *saved = db_path;
    g_autofree char *missing_dir
        = g_build_filename (g_get_tmp_dir (), "attain-no-such-folder-for-test", NULL);
    const char *commands[] = { "units", "dashboard", "goals", "metrics" };
    db_path = g_build_filename (missing_dir, "typo.db", NULL);
    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      {
        g_autofree char *out = NULL;
        g_autofree char *err = NULL;
        g_assert_cmpint (run_cli (&out, &err, commands[i], NULL), ==, 1);
        g_assert_nonnull (strstr (err, "There is no database"));
        g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));
      }
    g_free (db_path);
    db_path = g_steal_pointer (&saved);
  }
}

static void
test_chinese_output (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  /* LANGUAGE picks the catalog even under C.UTF-8, so this needs no generated locale. */
  spawn_env = g_environ_setenv (g_get_environ (), "LANGUAGE", "zh_CN", TRUE);
  g_assert_cmpint (run_cli (&out, &err, "dashboard", "--period", "2026-Q3", NULL), ==, 0);
  g_clear_pointer (&spawn_env, g_strfreev);

  g_assert_nonnull (strstr (out, "2026年第3季度"));
  g_assert_nonnull (strstr (out, "销售额"));
  g_assert_nonnull (strstr (out, "回款率"));
  /* Amounts in 万 for a Chinese reader. */
  g_assert_nonnull (strstr (out, "万"));
  g_assert_null (strstr (out, "Revenue"));
}

static char *
run_tool (const char *const *argv)
{
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    return NULL;
  return WIFEXITED (status) && WEXITSTATUS (status) == 0 ? g_steal_pointer (&out) : NULL;
}

static void
test_goals_json_and_exports (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *csv = g_build_filename (dir, "goals.csv", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "goals.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (dir, "goals.pdf", NULL);
  g_autofree char *csv_text = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (AttainDb) db = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *root, *company;
  JsonArray  *regions;
  double      sum = 0;
  gsize       length;

  g_assert_cmpint (run_cli (&out, &err, "goals", "--period", "2026", "--metric", "revenue",
                            "--json", "--csv", csv, "--xlsx", xlsx, "--pdf", pdf, NULL),
                   ==, 0);
  root = parse_object (parser, out);
  g_assert_cmpstr (json_object_get_string_member (root, "period"), ==, "2026");
  company = json_object_get_object_member (root, "tree");
  regions = json_object_get_array_member (company, "children");
  g_assert_cmpuint (json_array_get_length (regions), ==, 3);
  for (guint i = 0; i < 3; i++)
    sum += json_object_get_double_member (json_array_get_object_element (regions, i), "target");
  /* The demo's company goal is its regions' sum; no gap. */
  g_assert_cmpfloat (json_object_get_double_member (company, "children_sum"), ==, sum);
  g_assert_true (json_object_get_null_member (company, "gap"));
  db = attain_db_open (db_path, &error);
  g_assert_cmpfloat (
      json_object_get_double_member (company, "target"), ==,
      (double) attain_test_query_int (db, "SELECT target FROM goals WHERE owner_unit_id = 1 "
                                          "AND metric = 'revenue' AND period_start = '2026-01-01' "
                                          "AND period_kind = 'year'"));
  g_assert_cmpfloat (
      json_object_get_double_member (company, "actual"), ==,
      (double) attain_test_query_int (db, "SELECT sum(amount) FROM deals WHERE status = 'won' "
                                          "AND closed_on LIKE '2026-%'"));

  /* CSV: BOM, a header and one line per unit and person, money in yuan. */
  g_assert_true (g_file_get_contents (csv, &csv_text, &length, NULL));
  g_assert_true (g_str_has_prefix (csv_text, "\xEF\xBB\xBFLevel,Owner,Kind,Target"));
  {
    g_auto (GStrv) lines = g_strsplit (csv_text, "\r\n", -1);
    gint64 units_and_people
        = attain_test_query_int (db, "SELECT (SELECT count(*) FROM org_units) + "
                                     "(SELECT count(*) FROM people WHERE active)");
    g_assert_cmpuint (g_strv_length (lines), ==,
                      units_and_people + 2); /* header and the final empty */
    g_assert_true (g_str_has_prefix (lines[1], "0,华辰智能科技有限公司,Company,"));
  }

  /* PDF: landscape A4, fonts embedded, the names and the page count on the pages. */
  {
    const char      *info_argv[] = { "pdfinfo", pdf, NULL };
    const char      *fonts_argv[] = { "pdffonts", pdf, NULL };
    const char      *text_argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
    g_autofree char *info = run_tool (info_argv);
    g_autofree char *fonts = run_tool (fonts_argv);
    g_autofree char *text = run_tool (text_argv);

    if (info == NULL)
      {
        g_test_message ("poppler-utils missing; PDF not checked");
        return;
      }
    g_assert_nonnull (strstr (info, "841.89 x 595.276 pts (A4)"));
    g_assert_nonnull (strstr (info, "Title:           Revenue goals"));
    g_assert_null (strstr (fonts, " no  "));
    g_assert_nonnull (strstr (text, "华辰智能科技有限公司"));
    g_assert_nonnull (strstr (text, "华东区"));
    g_assert_nonnull (strstr (text, "Page 1 of "));
    /* The header repeats on every page. */
    {
      g_auto (GStrv) headers = g_strsplit (text, "Sum Below", -1);
      g_auto (GStrv) pages = g_strsplit (text, "\f", -1);
      g_assert_cmpuint (g_strv_length (headers) - 1, ==, g_strv_length (pages) - 1);
      g_assert_cmpuint (g_strv_length (pages) - 1, >=, 3);
    }
  }

  /* XLSX, read back by an independent reader when the machine has one. */
  {
    const char      *argv[] = { "/usr/bin/python3", "-c",
                                "import sys, openpyxl; ws = openpyxl.load_workbook(sys.argv[1]).active; "
                                     "print(ws.title, ws.cell(3, 2).value, ws.cell(3, 4).value)",
                                xlsx, NULL };
    g_autofree char *read = run_tool (argv);
    g_autofree char *expected = g_strdup_printf (
        "Goals 华辰智能科技有限公司 %" G_GINT64_FORMAT "\n",
        attain_test_query_int (db, "SELECT target / 100 FROM goals WHERE owner_unit_id = 1 "
                                   "AND metric = 'revenue' AND period_start = '2026-01-01' "
                                   "AND period_kind = 'year'"));
    if (read != NULL)
      g_assert_cmpstr (read, ==, expected);
    else
      g_test_message ("python3-openpyxl missing; XLSX not read back");
  }
}

static void
test_newer_database_refused (void)
{
  g_autofree char *path = attain_test_db_path (dir, "future.db");
  char            *saved = db_path;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  sqlite3         *raw = NULL;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  sqlite3_exec (raw, "PRAGMA user_version = 50; CREATE TABLE t (x);", NULL, NULL, NULL);
  sqlite3_close (raw);
  db_path = path;
  g_assert_cmpint (run_cli (&out, &err, "units", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "newer version of Attain"));
  db_path = saved;
}

/* A 繁體 report printed from a shell in 简体 Chinese: its own words and its own glyphs. */
static void
test_report_in_another_language (void)
{
  g_autofree char *out = NULL, *err = NULL, *fonts = NULL, *text = NULL;
  g_autofree char *pdf = g_build_filename (dir, "tw.pdf", NULL);

  spawn_env = g_environ_setenv (g_get_environ (), "LANGUAGE", "zh_CN", TRUE);
  spawn_env = g_environ_setenv (spawn_env, "LC_ALL", "zh_CN.UTF-8", TRUE);
  g_assert_cmpint (run_cli (&out, &err, "report", "--person", "1", "--period", "2026-Q3",
                            "--output", pdf, "--language", "zh_TW", "-q", NULL),
                   ==, 0);
  g_clear_pointer (&spawn_env, g_strfreev);
  {
    const char *fonts_argv[] = { "pdffonts", pdf, NULL };
    const char *text_argv[] = { "pdftotext", pdf, "-", NULL };
    fonts = run_tool (fonts_argv);
    text = run_tool (text_argv);
  }
  if (fonts == NULL || text == NULL)
    {
      g_test_skip ("poppler-utils is not installed");
      return;
    }
  g_assert_nonnull (strstr (text, "績效面談報告"));
  g_assert_null (strstr (text, "绩效面谈"));
  g_assert_nonnull (strstr (fonts, "CJKtc"));
  g_assert_null (strstr (fonts, "CJKsc"));
}

/* check: the demo's summaries equal its records; a summary row changed behind the model's back
 * is found (exit 1, the table named), --repair recomputes it, and check passes again. */
static void
test_check_and_repair (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (run_cli (&out, &err, "check", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "every summary equals"));
  {
    g_autoptr (AttainDb) db = attain_db_open (db_path, &error);
    g_assert_no_error (error);
    g_assert_true (
        attain_db_exec (db,
                        "UPDATE month_goals SET target = target + 1 WHERE scope_kind = 0 "
                        "AND scope_id = 1 AND month = 202607",
                        &error));
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "check", NULL), ==, 1);
  g_assert_nonnull (strstr (out, "month_goals: "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "check", "--repair", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "recomputed"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "check", NULL), ==, 0);
}

/* Two demos started at once on one new file: one company, not two, and the other says why. */
static void
test_two_demos_at_once (void)
{
  g_autofree char *dir = attain_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "race.db", NULL);
  const char      *cli = g_getenv ("ATTAIN_CLI");
  g_autoptr (GError) error = NULL;
  GSubprocess *runs[2];
  int          succeeded = 0;

  for (guint i = 0; i < 2; i++)
    {
      runs[i] = g_subprocess_new (
          G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error, cli,
          "--database", path, "--today", "2026-11-23", "demo", "--quiet", NULL);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (g_subprocess_wait (runs[i], NULL, &error));
      succeeded
          += g_subprocess_get_if_exited (runs[i]) && g_subprocess_get_exit_status (runs[i]) == 0;
      g_object_unref (runs[i]);
    }
  g_assert_cmpint (succeeded, ==, 1);
  {
    g_autoptr (AttainDb) db = attain_db_open (path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (
        attain_test_query_int (db, "SELECT count(*) FROM org_units WHERE parent_id IS NULL"), ==,
        1);
  }
  attain_test_rm_rf (dir);
}

/* kill -9 in the middle of a demo leaves an empty file (one transaction), and a new demo then
 * makes the company, instead of the half-built one being kept as a company. */
static void
test_killed_demo_leaves_empty (void)
{
  g_autofree char *dir = attain_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "killed.db", NULL);
  const char      *cli = g_getenv ("ATTAIN_CLI");
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) run = NULL;

  run = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                          &error, cli, "--database", path, "--today", "2026-11-23", "demo",
                          "--quiet", "--people", "200", NULL);
  g_assert_no_error (error);
  g_usleep (400 * 1000);
  g_subprocess_force_exit (run);
  g_assert_true (g_subprocess_wait (run, NULL, &error));
  if (g_subprocess_get_if_exited (run))
    {
      g_test_skip ("the demo finished before it could be killed");
      attain_test_rm_rf (dir);
      return;
    }
  {
    g_autoptr (AttainDb) db = attain_db_open (path, &error);
    g_assert_no_error (error);
    g_assert_true (attain_db_is_empty (db));
    g_assert_cmpint (attain_test_query_int (db, "SELECT count(*) FROM deals"), ==, 0);
  }
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    int              status = 0;
    const char      *argv[]
        = { cli, "--database", path, "--today", "2026-11-23", "demo", "--quiet", NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                                 &err, &status, &error));
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  }
  attain_test_rm_rf (dir);
}

/* A file this user cannot write is opened to be read: reports and lists work, and every write
 * is refused with one sentence, the file unchanged. Run as "nobody" on a root-owned 0644 file
 * in a folder nobody may write (so even the -shm cannot be made). */
static void
test_read_only_file (void)
{
  g_autofree char *folder = g_build_filename (dir, "read-only", NULL);
  g_autofree char *file = g_build_filename (folder, "shared.db", NULL);
  g_autofree char *shm = g_strconcat (file, "-shm", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char      *cli = g_getenv ("ATTAIN_CLI");
  int              status;

  if (getuid () != 0 || !g_file_test ("/usr/sbin/runuser", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("needs root and runuser to act as another user");
      return;
    }
  {
    const char *demo[] = { cli, "--database", file, "--today", "2026-11-23", "demo", NULL };
    g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
    g_assert_true (g_spawn_sync (NULL, (char **) demo, spawn_env, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                                 NULL, NULL, NULL, &status, NULL));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
  g_assert_cmpint (g_chmod (file, 0644), ==, 0);
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (file, &before, NULL, NULL));
  {
    const char *probe[] = { "/usr/sbin/runuser", "-u", "nobody", "--", cli, "--help", NULL };
    if (!g_spawn_sync (NULL, (char **) probe, spawn_env,
                       G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL,
                       NULL, &status, NULL)
        || !g_spawn_check_wait_status (status, NULL))
      {
        g_test_skip ("nobody cannot run the build's attain-cli (a folder on its path is private)");
        return;
      }
  }
  {
    const char *units[]
        = { "/usr/sbin/runuser", "-u", "nobody", "--", cli, "--database", file, "units", NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) units, spawn_env, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, NULL));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (out, "华东区"));
  }
  {
    g_autofree char *org
        = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "org.csv", NULL);
    const char *import[] = {
      "/usr/sbin/runuser", "-u", "nobody", "--", cli, "--database", file, "import", "org", org, NULL
    };
    g_clear_pointer (&err, g_free);
    g_assert_true (g_spawn_sync (NULL, (char **) import, spawn_env, G_SPAWN_STDOUT_TO_DEV_NULL,
                                 NULL, NULL, NULL, &err, &status, NULL));
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (err, "is read-only, so nothing can be changed in it"));
  }
  g_assert_true (g_file_get_contents (file, &after, NULL, NULL));
  g_assert_true (g_str_equal (before, after));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
}

/* A scorecard for sales reps (revenue in bands, KPI 70%, MBO 30%), a cycle of the company for
 * 2026-Q3, and every member's scores as JSON: each rep's composite is the bands score of their
 * revenue attainment, worked out here from the target and actual the JSON gives (no ratings were
 * given, so MBO is absent and the composite renormalises over the KPI part). */
static void
test_scores_json (void)
{
  g_autofree char *out = NULL, *err = NULL, *cycle = NULL, *out2 = NULL, *err2 = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonArray *people;
  guint      reps = 0;

  g_assert_cmpint (run_cli (&out, &err, "scorecard", "--name", "Reps", "--parts", "70,20,0",
                            "--line", "revenue=100:bands", NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err, "must total 100%"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "scorecard", "--name", "Reps", "--position", "sales_rep",
                            "--parts", "70,30,0", "--line", "revenue=100:bands", NULL),
                   ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (
      run_cli (&cycle, &err, "cycle", "start", "--period", "2026-Q3", "--name", "Q3", NULL), ==, 0);
  g_strstrip (cycle);
  g_assert_cmpint (run_cli (&out2, &err2, "scores", "--cycle", cycle, "--json", NULL), ==, 0);
  people = json_object_get_array_member (parse_object (parser, out2), "people");
  g_assert_cmpuint (json_array_get_length (people), ==, 60);
  for (guint i = 0; i < json_array_get_length (people); i++)
    {
      JsonObject *p = json_array_get_object_element (people, i);
      JsonObject *line;
      double      att, expected;

      if (json_object_get_null_member (p, "scorecard"))
        continue;
      g_assert_cmpstr (json_object_get_string_member (p, "scorecard"), ==, "Reps");
      line = json_array_get_object_element (json_object_get_array_member (p, "lines"), 0);
      att = json_object_get_double_member (line, "actual")
            / json_object_get_double_member (line, "target");
      expected = att < 0.8 ? 0 : att <= 1 ? att * 100 : 100 + 0.5 * (att * 100 - 100);
      expected = MIN (expected, 130);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (p, "composite"), expected,
                                      1e-6);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (p, "weight_present"), 0.7,
                                      1e-9);
      reps++;
    }
  g_assert_cmpuint (reps, >, 0);
}

/* Pay plans and the bonus sheet from the shell. A plan out of order is refused with the point
 * named; a plan of 2% up to the collections target and 4% above pays each person of a team
 * min(base, target) × 2% + (base − target) × 4% above it, worked out here from the base and
 * target the JSON gives, to the fen. Nobody in the demo has a signed-off review for 2026-Q3, so
 * nobody gets a variable part and each row says why; a pool of ¥1,000 does not bind. Approved,
 * the sheet is locked: a new pool is refused, and the CSV for finance (BOM, one row a person)
 * is still written. */
/* What a person's earlier money that went back costs: each reversal × the commission ÷ base of
 * the period it was paid in, to the fen half up. */
static gint64
reversed_at_rate_paid (JsonObject *person)
{
  JsonArray *reversals = json_object_get_array_member (person, "commission_reversals");
  gint64     sum = 0;

  for (guint i = 0; i < json_array_get_length (reversals); i++)
    {
      JsonObject *r = json_array_get_object_element (reversals, i);
      gint64      amount = json_object_get_int_member (r, "amount");
      gint64      paid = json_object_get_int_member (r, "paid_commission");
      gint64      base = json_object_get_int_member (r, "paid_base");
      gint64      deduction
          = base > 0 ? (gint64) floor ((amount * (double) paid + base / 2.0) / base) : 0;
      g_assert_cmpint (json_object_get_int_member (r, "deduction"), ==, deduction);
      sum += deduction;
    }
  return sum;
}

static void
test_bonus_sheet (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *csv = g_build_filename (dir, "bonus.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *sheet;
  JsonArray  *people;

  g_assert_cmpint (run_cli (&out, &err, "pay-plan", "--curve", "100:100,60:50", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "Point 2 of the curve is at score 60, below"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "pay-plan", "--fixed", "6000", "--bonus", "3000", "--base",
                            "collections", "--tiers", "0:2,100:4", NULL),
                   ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "bonus", "--period", "2026-Q3", "--unit", "5", "--pool",
                            "1000", "--json", NULL),
                   ==, 0);
  sheet = parse_object (parser, out);
  people = json_object_get_array_member (sheet, "people");
  g_assert_cmpuint (json_array_get_length (people), >, 0);
  for (guint i = 0; i < json_array_get_length (people); i++)
    {
      JsonObject *p = json_array_get_object_element (people, i);
      gint64      base = json_object_get_int_member (p, "commission_base");
      gint64      target = json_object_get_int_member (p, "commission_target");
      /* In hundredths of a fen (fen × percent), then to the fen, half up. */
      gint64 hundredths
          = target > 0 && base > 0 ? MIN (base, target) * 2 + MAX (0, base - target) * 4 : base * 2;
      g_assert_cmpint (json_object_get_int_member (p, "commission_gross"), ==,
                       hundredths >= 0 ? (hundredths + 50) / 100 : -((-hundredths + 50) / 100));
      g_assert_cmpint (json_object_get_int_member (p, "commission"), ==,
                       json_object_get_int_member (p, "commission_gross")
                           - reversed_at_rate_paid (p));
      g_assert_cmpint (json_object_get_int_member (p, "variable"), ==, 0);
      g_assert_nonnull (json_object_get_string_member (p, "missing"));
      g_assert_cmpint (json_object_get_int_member (p, "total_paid"), ==,
                       json_object_get_int_member (p, "fixed")
                           + json_object_get_int_member (p, "commission"));
    }
  g_assert_cmpint (json_object_get_int_member (sheet, "pool"), ==, 100000);
  g_assert_nonnull (strstr (json_object_get_string_member (sheet, "pool_formula"), "within"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The demo refunds part of some collections; in Q4 2026 the company's sheet deducts their
   * commission, and each statement that has one prints it as its own line. */
  {
    g_autoptr (JsonParser) q4_parser = json_parser_new ();
    g_autofree char *statements = g_build_filename (dir, "statements.pdf", NULL);
    g_autofree char *pdf_text = NULL;
    const char      *text_argv[] = { "pdftotext", statements, "-", NULL };
    guint            with_reversal = 0, lines = 0;
    JsonArray       *q4_people;

    g_assert_cmpint (run_cli (&out, &err, "bonus", "--period", "2026-Q4", "--json", NULL), ==, 0);
    q4_people = json_object_get_array_member (parse_object (q4_parser, out), "people");
    for (guint i = 0; i < json_array_get_length (q4_people); i++)
      {
        JsonObject *p = json_array_get_object_element (q4_people, i);
        gint64      reversed = reversed_at_rate_paid (p);
        with_reversal += reversed > 0;
        g_assert_cmpint (json_object_get_int_member (p, "commission_reversed"), ==, reversed);
      }
    g_assert_cmpuint (with_reversal, >, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (
        run_cli (&out, &err, "bonus", "--period", "2026-Q4", "--statements", statements, NULL), ==,
        0);
    pdf_text = run_tool (text_argv);
    g_assert_nonnull (pdf_text);
    for (const char *at = pdf_text; (at = strstr (at, "Commission reversed")) != NULL; at++)
      lines++;
    g_assert_cmpuint (lines, >=, with_reversal);
    g_assert_nonnull (strstr (pdf_text, "the rate paid in"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  g_assert_cmpint (
      run_cli (&out, &err, "bonus", "--period", "2026-Q3", "--unit", "5", "--approve", NULL), ==,
      0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (
      run_cli (&out, &err, "bonus", "--period", "2026-Q3", "--unit", "5", "--pool", "500", NULL),
      ==, 1);
  g_assert_nonnull (strstr (err, "is locked"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (
      run_cli (&out, &err, "bonus", "--period", "2026-Q3", "--unit", "5", "--csv", csv, NULL), ==,
      0);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbf"));
  g_assert_nonnull (strstr (text, "Total paid"));
  {
    g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
    guint rows = 0;
    for (guint i = 0; lines[i] != NULL; i++)
      rows += lines[i][0] != '\0';
    /* The title lines, the header, one line a person. */
    g_assert_cmpuint (rows, >=, json_array_get_length (people) + 1);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* XLSX for finance, read back by an independent reader: under the header, one row a person
   * with the total paid in yuan, in a money format. */
  {
    g_autofree char *xlsx = g_build_filename (dir, "bonus.xlsx", NULL);
    const char      *argv[]
        = { "/usr/bin/python3", "-c",
            "import sys, openpyxl\n"
            "ws = openpyxl.load_workbook(sys.argv[1]).active\n"
            "rows = list(ws.iter_rows())\n"
            "h = next(i for i, r in enumerate(rows) if any(c.value == 'Total paid' for c in r))\n"
            "col = [c.value for c in rows[h]].index('Total paid')\n"
            "for r in rows[h + 1:]:\n"
            "  if r[1].value: print(r[1].value, '%.2f' % r[col].value, '0.00' in "
            "r[col].number_format)\n",
            xlsx, NULL };
    g_autofree char *read = NULL;
    g_autoptr (GString) expected = g_string_new (NULL);

    g_assert_cmpint (
        run_cli (&out, &err, "bonus", "--period", "2026-Q3", "--unit", "5", "--xlsx", xlsx, NULL),
        ==, 0);
    for (guint i = 0; i < json_array_get_length (people); i++)
      {
        JsonObject *p = json_array_get_object_element (people, i);
        gint64      paid = json_object_get_int_member (p, "total_paid");
        g_string_append_printf (expected, "%s %" G_GINT64_FORMAT ".%02d True\n",
                                json_object_get_string_member (p, "name"), paid / 100,
                                (int) (paid % 100));
      }
    read = run_tool (argv);
    if (read != NULL)
      g_assert_cmpstr (read, ==, expected->str);
    else
      g_test_message ("python3-openpyxl missing; XLSX not read back");
  }

  /* A review with the person's bonus statement after it, from the shell. */
  {
    g_autofree char *pdf = g_build_filename (dir, "review-statement.pdf", NULL);
    g_autofree char *pdf_text = NULL;
    const char      *text_argv[] = { "pdftotext", pdf, "-", NULL };
    const char      *review, *statement;
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run_cli (&out, &err, "report", "--person", "5", "--period", "2026-Q3",
                              "--output", pdf, "--with-statement", "--quiet", NULL),
                     ==, 0);
    pdf_text = run_tool (text_argv);
    g_assert_nonnull (pdf_text);
    review = strstr (pdf_text, "Performance Review");
    statement = strstr (pdf_text, "Bonus statement —");
    g_assert_nonnull (review);
    g_assert_nonnull (statement);
    g_assert_true (statement > review);
  }
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  dir = attain_test_make_tmp_dir ();
  db_path = attain_test_db_path (dir, "cli.db");
  /* Order matters: the first test creates the demo the others read. */
  g_test_add_func ("/cli/demo-then-dashboard-json", test_demo_then_dashboard_json);
  g_test_add_func ("/cli/metrics-person-json", test_metrics_person_json);
  g_test_add_func ("/cli/errors-are-sentences", test_errors_are_sentences);
  g_test_add_func ("/cli/check-and-repair", test_check_and_repair);
  g_test_add_func ("/cli/read-only-file", test_read_only_file);
  g_test_add_func ("/cli/two-demos-at-once", test_two_demos_at_once);
  g_test_add_func ("/cli/killed-demo-leaves-empty", test_killed_demo_leaves_empty);
  g_test_add_func ("/cli/chinese-output", test_chinese_output);
  g_test_add_func ("/cli/goals-json-and-exports", test_goals_json_and_exports);
  g_test_add_func ("/cli/newer-database-refused", test_newer_database_refused);
  g_test_add_func ("/cli/report-in-another-language", test_report_in_another_language);
  g_test_add_func ("/cli/scores-json", test_scores_json);
  g_test_add_func ("/cli/bonus-sheet", test_bonus_sheet);
  status = g_test_run ();
  attain_test_rm_rf (dir);
  g_free (dir);
  g_free (db_path);
  return status;
}

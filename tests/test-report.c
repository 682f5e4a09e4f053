/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The printed review report, checked as a reader would: with poppler's tools on the PDF. */
#include "attain-test-util.h"
#include "model/attain-lock-exception.h"
#include "report/attain-review-report.h"
#include "model/attain-goal-history.h"
#include "model/attain-i18n.h"
#include "model/attain-review-sheet.h"
#include "model/attain-training.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sys/stat.h>

#include <string.h>
#include <unistd.h>

typedef struct
{
  char        *dir;
  AttainDb    *db;
  GDate        today;
  AttainPeriod q1;
} Fixture;

static char *
run_tool (const char *const *argv)
{
  g_autofree char *out = NULL;
  int              status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, NULL))
    return NULL;
  return WIFEXITED (status) && WEXITSTATUS (status) == 0 ? g_steal_pointer (&out) : NULL;
}

static char *
strip_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  f->dir = attain_test_make_tmp_dir ();
  path = attain_test_db_path (f->dir, "report.db");
  f->db = attain_test_small_company (path);
  attain_test_date (&f->today, "2026-11-23");
  g_assert_true (attain_period_parse ("2026-Q1", 1, &f->q1, NULL));
  /* A's 2026 scorecard: revenue weighs 60%, collections 40%. */
  g_assert_true (attain_db_exec (
      f->db,
      "INSERT INTO goals (owner_person_id, metric, type, target, unit, period_kind, "
      "period_start, period_end, weight) VALUES "
      "(1, 'revenue', 'result', 48000000, 'CNY', 'year', '2026-01-01', '2026-12-31', 6000), "
      "(1, 'collections', 'result', 40000000, 'CNY', 'year', '2026-01-01', '2026-12-31', 4000)",
      &error));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_pointer (&f->db, attain_db_close);
  attain_test_rm_rf (f->dir);
  g_free (f->dir);
}

static char *
long_self_review (void)
{
  GString *text = g_string_new ("开头标记BEGIN。");

  /* About 5,000 characters: more than a page. Numbered, so a lost line is noticed. */
  for (int i = 1; i <= 120; i++)
    g_string_append_printf (
        text, "第%d条：本季度我重点跟进了华东区的重点客户，完成了方案报价与商务谈判。", i);
  g_string_append (text, "结束标记END。");
  return g_string_free (text, FALSE);
}

static void
test_review_report (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainReview) review = NULL;
  g_autoptr (GPtrArray) milestones
      = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_milestone_free);
  g_autoptr (GPtrArray) documents
      = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_document_free);
  g_autofree char *pdf = g_build_filename (f->dir, "a.pdf", NULL);
  g_autofree char *self_review = long_self_review ();
  g_autofree char *info = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *flat_review = NULL;
  g_autofree char *first_page = NULL;
  AttainDocument  *document;

  review = attain_review_open (f->db, SMALL_PERSON_A, &f->q1, &error);
  g_assert_no_error (error);
  g_assert_true (attain_review_set_field (f->db, review, "reviewer", "王经理", &error));
  g_assert_true (attain_review_set_field (f->db, review, "interview_on", "2026-04-08", &error));
  g_assert_true (attain_review_set_field (f->db, review, "self_review", self_review, &error));
  g_assert_true (attain_review_set_field (f->db, review, "strengths", "客户关系稳固", &error));
  g_assert_true (attain_review_set_field (f->db, review, "improvements",
                                          "回款跟进不及时：2 月发票 3 月才催收", &error));
  g_ptr_array_add (milestones,
                   attain_milestone_new ("每周复盘应收账款", "2026-05-31", "逾期应收低于 10%",
                                         ATTAIN_MILESTONE_IN_PROGRESS));
  g_ptr_array_add (milestones, attain_milestone_new ("参加谈判技巧培训", "2026-06-30", "结业证书",
                                                     ATTAIN_MILESTONE_PLANNED));
  g_assert_true (attain_review_set_milestones (f->db, review, milestones, &error));
  g_assert_true (attain_review_add_next_goal (f->db, review, "revenue", "180,000", &error));
  g_assert_no_error (error);

  document = attain_review_report_build (f->db, SMALL_PERSON_A, &f->q1, &f->today, "zh-cn", &error);
  g_assert_no_error (error);
  g_ptr_array_add (documents, document);
  g_assert_true (attain_documents_write_pdf (documents, pdf, "A", &error));

  {
    const char *argv[] = { "pdfinfo", pdf, NULL };
    info = run_tool (argv);
  }
  if (info == NULL)
    {
      g_test_skip ("poppler-utils is not installed");
      return;
    }
  {
    const char *fonts_argv[] = { "pdffonts", pdf, NULL };
    const char *text_argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
    const char *page1_argv[] = { "pdftotext", "-f", "1", "-l", "1", pdf, "-", NULL };
    fonts = run_tool (fonts_argv);
    text = run_tool (text_argv);
    first_page = run_tool (page1_argv);
  }

  /* A4 portrait, several pages, every font embedded, a CJK one among them. */
  g_assert_nonnull (strstr (info, "595.276 x 841.89 pts (A4)"));
  g_assert_null (strstr (info, "Pages:           1\n"));
  g_assert_nonnull (strstr (fonts, "CJK"));
  g_assert_null (strstr (fonts, " no  "));

  /* Header fields. */
  g_assert_nonnull (strstr (text, "Performance Review"));
  g_assert_nonnull (strstr (text, "Team one"));
  g_assert_nonnull (strstr (text, "Q1 2026"));
  g_assert_nonnull (strstr (text, "王经理"));
  g_assert_nonnull (strstr (text, "2026-04-08"));

  /* Results: revenue ¥120,000 target (three months of ¥40,000), ¥150,000 won, 125.0%,
   * score capped at 120.0, weight 60%; collections: no monthly target, so no line. Weighted:
   * 120 × 60% / 60% = 120.0. */
  flat = strip_spaces (text);
  g_assert_nonnull (strstr (flat, "Revenue60.0%¥120K¥150K125.0%120.0"));
  g_assert_nonnull (strstr (flat, "Weightedresultsscore60.0%120.0"));

  /* The long self-review flows onto the next page without losing a character: the body text,
   * without each page's header and footer lines, holds it whole. */
  flat_review = strip_spaces (self_review);
  {
    const char      *argv[] = { "pdftotext", pdf, "-", NULL };
    g_autofree char *plain = run_tool (argv);
    g_auto (GStrv) lines = g_strsplit (plain, "\n", -1);
    g_autoptr (GString) body = g_string_new (NULL);
    g_autofree char *flat_body = NULL;

    for (guint i = 0; lines[i] != NULL; i++)
      if (strstr (lines[i], "Confidential") == NULL && strstr (lines[i], "Printed ") == NULL
          && strstr (lines[i], "Page ") == NULL && strstr (lines[i], " · ") == NULL)
        g_string_append (body, lines[i]);
    flat_body = strip_spaces (body->str);
    g_assert_nonnull (strstr (flat_body, flat_review));
  }
  {
    g_auto (GStrv) pages = g_strsplit (text, "\f", -1);
    int begin = -1, end = -1;
    for (int i = 0; pages[i] != NULL; i++)
      {
        if (begin < 0 && strstr (pages[i], "BEGIN") != NULL)
          begin = i;
        if (strstr (pages[i], "END") != NULL)
          end = i;
      }
    g_assert_cmpint (begin, >=, 0);
    g_assert_cmpint (end, >, begin);
  }

  /* Plan, next goals, signatures, page numbers and the mark on every page. */
  g_assert_nonnull (strstr (flat, "每周复盘应收账款2026-05-31逾期应收低于10%Inprogress"));
  g_assert_nonnull (strstr (flat, "Revenue¥180,0002026-06-30"));
  g_assert_nonnull (strstr (flat, "EmployeeManagerHR"));
  /* The person and the reviewer are named under their signature lines. */
  g_assert_nonnull (strstr (flat, "EmployeeManagerHRA王经理Date:"));
  /* The score is in points, never "of 100" beside a score above 100. */
  g_assert_nonnull (strstr (flat, "points(100points=everytargetmet"));
  g_assert_null (strstr (flat, "of100"));
  g_assert_nonnull (strstr (text, "Date:"));
  g_assert_nonnull (strstr (first_page, "Page 1 of "));
  {
    g_auto (GStrv) pages = g_strsplit (text, "\f", -1);
    g_auto (GStrv) marks = g_strsplit (text, "Confidential", -1);
    guint            n_pages = g_strv_length (pages) - 1;
    g_autofree char *last = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
    g_assert_cmpuint (n_pages, >=, 3);
    g_assert_cmpuint (g_strv_length (marks) - 1, ==, n_pages);
    g_assert_nonnull (strstr (text, last));
  }
}

static void
test_sign_off_locks (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainReview) review = attain_review_open (f->db, SMALL_PERSON_B, &f->q1, &error);
  g_autoptr (AttainReview) again = NULL;
  g_autoptr (GPtrArray) none = g_ptr_array_new ();

  g_assert_no_error (error);
  /* No interview date yet: not signable. */
  g_assert_false (attain_review_sign_off (f->db, review, &f->today, &error));
  g_assert_error (error, ATTAIN_REVIEW_ERROR, ATTAIN_REVIEW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (attain_review_set_field (f->db, review, "interview_on", "2026-13-40", &error));
  g_assert_nonnull (strstr (error->message, "is not a date"));
  g_clear_error (&error);

  g_assert_true (attain_review_set_field (f->db, review, "interview_on", "2026-04-09", &error));
  /* Nobody named as reviewer: not signable either; the sentence says what is missing. */
  g_assert_false (attain_review_sign_off (f->db, review, &f->today, &error));
  g_assert_nonnull (strstr (error->message, "the reviewer"));
  g_clear_error (&error);
  g_assert_true (attain_review_set_field (f->db, review, "reviewer", "王建国", &error));
  g_assert_true (attain_review_set_field (f->db, review, "strengths", "勤奋", &error));
  g_assert_true (attain_review_add_next_goal (f->db, review, "revenue", "2,000,000", &error));
  g_assert_no_error (error);
  g_assert_true (attain_review_sign_off (f->db, review, &f->today, &error));
  g_assert_no_error (error);

  /* Locked for the form... */
  g_assert_false (attain_review_set_field (f->db, review, "strengths", "改过", &error));
  g_assert_error (error, ATTAIN_REVIEW_ERROR, ATTAIN_REVIEW_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "signed off on 2026-11-23"));
  g_clear_error (&error);
  g_assert_false (attain_review_set_milestones (f->db, review, none, &error));
  g_clear_error (&error);
  /* ...and for anything else that writes to the file. */
  g_assert_false (attain_db_exec (f->db, "UPDATE reviews SET strengths = 'x'", &error));
  g_assert_nonnull (strstr (error->message, "signed off"));
  g_clear_error (&error);
  /* Every other route in the schema, with foreign keys on and off: delete, replace (which
   * deletes without firing delete triggers), the next-period goal agreed in it, its person,
   * and the audit log. */
  for (int fk = 1; fk >= 0; fk--)
    {
      const char *attacks[] = {
        "DELETE FROM reviews",
        "INSERT OR REPLACE INTO reviews (id, person_id, period_kind, period_start, period_end) "
        "SELECT id, person_id, period_kind, period_start, period_end FROM reviews",
        "INSERT OR REPLACE INTO reviews (person_id, period_kind, period_start, period_end) "
        "SELECT person_id, period_kind, period_start, period_end FROM reviews",
        "UPDATE goals SET target = 1 WHERE review_id IS NOT NULL",
        "DELETE FROM goals WHERE review_id IS NOT NULL",
        "INSERT OR REPLACE INTO goals (id, owner_person_id, metric, type, target, unit, "
        "period_kind, period_start, "
        "period_end, weight) SELECT id, owner_person_id, metric, type, 1, unit, period_kind, "
        "period_start, "
        "period_end, weight FROM goals WHERE review_id IS NOT NULL",
        "DELETE FROM people WHERE id = 2",
        "INSERT OR REPLACE INTO people (id, name, unit_id, position_id) SELECT id, 'x', unit_id, "
        "position_id "
        "FROM people WHERE id = 2",
        "UPDATE audit_log SET new_value = 'x'",
        "DELETE FROM audit_log",
      };
      g_autofree char *pragma = g_strdup_printf ("PRAGMA foreign_keys = %d", fk);
      g_autofree char *path = attain_test_db_path (f->dir, "report.db");
      g_autofree char *shell = g_find_program_in_path ("sqlite3");
      g_assert_true (attain_db_exec (f->db, pragma, &error));
      for (guint i = 0; i < G_N_ELEMENTS (attacks); i++)
        {
          if (attain_db_exec (f->db, attacks[i], &error))
            g_error ("the lock let through: %s", attacks[i]);
          g_clear_error (&error);
        }
      /* The same from the sqlite3 shell, another client with its own defaults. */
      for (guint i = 0; i < G_N_ELEMENTS (attacks) && shell != NULL; i++)
        {
          g_autofree char *script = g_strdup_printf ("%s; %s;", pragma, attacks[i]);
          const char      *argv[] = { "sqlite3", "-bail", path, script, NULL };
          g_autofree char *err = NULL;
          int              status;

          g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                                       G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                       NULL, &err, &status, NULL));
          if (g_spawn_check_wait_status (status, NULL))
            g_error ("the lock let the sqlite3 shell through: %s", attacks[i]);
          g_assert_nonnull (strstr (err, "signed") ? err : strstr (err, "append-only"));
        }
    }
  g_assert_true (attain_db_exec (f->db, "PRAGMA foreign_keys = 1", &error));
  g_assert_cmpint (
      attain_test_query_int (f->db, "SELECT target FROM goals WHERE review_id IS NOT NULL"), ==,
      200000000);
  /* The goal tree says so in a sentence. */
  {
    g_autoptr (GPtrArray) goals
        = attain_goals_query (f->db, "review_id IS NOT NULL", NULL, NULL, NULL, &error);
    g_autoptr (AttainGoalHistory) history = attain_goal_history_new (f->db);
    AttainGoalEdit *edit = attain_goal_edit_new ("Edit target"); /* the history takes it */
    g_autoptr (AttainGoal) changed = NULL;
    g_assert_cmpuint (goals->len, ==, 1);
    changed = attain_goal_copy (g_ptr_array_index (goals, 0));
    changed->target = 1;
    attain_goal_edit_add (edit, g_ptr_array_index (goals, 0), changed);
    g_assert_false (attain_goal_history_apply (history, edit, &error));
    g_assert_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_LOCKED);
    /* The whole change is refused, naming each locked goal. */
    g_assert_nonnull (strstr (error->message, "Nothing was changed"));
    g_assert_nonnull (strstr (error->message, "B’s Revenue (signed off 2026-11-23)"));
    g_clear_error (&error);
  }
  again = attain_review_find (f->db, SMALL_PERSON_B, &f->q1, &error);
  g_assert_cmpstr (again->strengths, ==, "勤奋");
  g_assert_cmpstr (again->signed_off_at, ==, "2026-11-23");
  g_assert_cmpint (attain_test_query_int (f->db,
                                          "SELECT count(*) FROM audit_log WHERE entity = 'review' "
                                          "AND field = 'signed_off_at'"),
                   ==, 1);
}

/* The two sanctioned ways past the lock (migration 7): a milestone's status followed up after
 * sign-off, and erasing a leaver's personal data after the retention period. Each is audited;
 * the same writes without the model's permit, or a permit without its audit entry, are refused. */
static void
test_lock_exceptions (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainReview) review = attain_review_open (f->db, SMALL_PERSON_B, &f->q1, &error);
  g_autoptr (GPtrArray) plan
      = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_milestone_free);
  gint64 audits;
  GDate  day;

  g_assert_no_error (error);
  g_ptr_array_add (plan, attain_milestone_new ("每周复盘应收账款", "2026-05-31", "逾期应收低于 10%",
                                               ATTAIN_MILESTONE_PLANNED));
  g_assert_true (attain_review_set_milestones (f->db, review, plan, &error));
  g_assert_true (attain_review_set_field (f->db, review, "interview_on", "2026-04-09", &error));
  g_assert_true (attain_review_set_field (f->db, review, "reviewer", "王建国", &error));
  g_assert_true (attain_review_set_field (f->db, review, "strengths", "客户关系扎实", &error));
  g_assert_true (attain_review_sign_off (f->db, review, &f->today, &error));
  g_assert_no_error (error);

  /* Followed up at the next meeting: done. Only the status changes, with an audit entry. */
  audits = attain_test_query_int (f->db, "SELECT count(*) FROM audit_log");
  g_assert_true (
      attain_review_follow_up_milestone (f->db, review->id, 0, ATTAIN_MILESTONE_DONE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (attain_test_query_int (f->db, "SELECT count(*) FROM review_milestones WHERE "
                                                 "status = 'done' AND what = '每周复盘应收账款'"),
                   ==, 1);
  g_assert_cmpint (attain_test_query_int (f->db, "SELECT count(*) FROM audit_log"), ==, audits + 1);
  g_assert_cmpint (attain_test_query_int (f->db, "SELECT count(*) FROM audit_log WHERE entity = "
                                                 "'lock-exception' AND old_value = 'planned' AND "
                                                 "new_value = 'done'"),
                   ==, 1);
  g_assert_cmpint (
      attain_test_query_int (f->db, "SELECT count(*) FROM lock_permits WHERE NOT closed"), ==, 0);
  /* From any other client: the status alone, the text, and a forged permit, all refused. */
  {
    const char *attacks[] = {
      "UPDATE review_milestones SET status = 'missed'",
      "UPDATE review_milestones SET what = 'x'",
      "INSERT INTO lock_permits (kind, review_id, audit_id) SELECT 'milestone-status', id, 1 FROM "
      "reviews",
      "INSERT INTO lock_permits (kind, person_id, audit_id) SELECT 'purge', person_id, "
      "(SELECT max (id) FROM audit_log) FROM reviews",
      "UPDATE reviews SET strengths = NULL",
      /* Replaying the audit entry of the follow-up just made. */
      "INSERT INTO lock_permits (kind, review_id, audit_id) SELECT 'milestone-status', entity_id, "
      "id FROM audit_log WHERE id = (SELECT max (id) FROM audit_log)",
      "UPDATE lock_permits SET closed = 0",
      "DELETE FROM lock_permits",
    };
    for (guint i = 0; i < G_N_ELEMENTS (attacks); i++)
      {
        if (attain_db_exec (f->db, attacks[i], &error))
          g_error ("the lock let through: %s", attacks[i]);
        g_clear_error (&error);
      }
  }

  /* Erasing: not while the person is there, not before the retention period is over. */
  g_assert_false (attain_person_erase (f->db, SMALL_PERSON_B, &f->today, &error));
  g_assert_nonnull (strstr (error->message, "has not left"));
  g_clear_error (&error);
  g_assert_true (attain_db_exec (f->db,
                                 "UPDATE people SET left_on = '2025-06-30', active = 0, "
                                 "employee_no = 'S-0002' WHERE id = 2",
                                 &error));
  g_assert_false (attain_person_erase (f->db, SMALL_PERSON_B, &f->today, &error));
  g_assert_nonnull (strstr (error->message, "until 2027-06-30"));
  g_clear_error (&error);
  g_assert_cmpint (attain_test_query_int (
                       f->db, "SELECT count(*) FROM reviews WHERE strengths = '客户关系扎实'"),
                   ==, 1);

  /* Two years after leaving: name, number, review text and what the audit log recorded of them
   * go; the sign-off, the figures and the audit entries themselves stay. */
  attain_test_date (&day, "2027-07-01");
  audits = attain_test_query_int (f->db, "SELECT count(*) FROM audit_log");
  g_assert_true (attain_person_erase (f->db, SMALL_PERSON_B, &day, &error));
  g_assert_no_error (error);
  g_assert_cmpint (attain_test_query_int (f->db,
                                          "SELECT count(*) FROM people WHERE id = 2 AND "
                                          "name = 'Former employee #2' AND employee_no IS NULL"),
                   ==, 1);
  g_assert_cmpint (attain_test_query_int (f->db,
                                          "SELECT count(*) FROM reviews WHERE person_id = 2 AND "
                                          "strengths IS NULL AND signed_off_at = '2026-11-23'"),
                   ==, 1);
  g_assert_cmpint (attain_test_query_int (f->db,
                                          "SELECT count(*) FROM review_milestones WHERE what = "
                                          "'每周复盘应收账款' OR measure IS NOT NULL"),
                   ==, 0);
  g_assert_cmpint (attain_test_query_int (f->db,
                                          "SELECT count(*) FROM audit_log WHERE "
                                          "new_value LIKE '%客户关系扎实%' OR old_value LIKE "
                                          "'%客户关系扎实%'"),
                   ==, 0);
  g_assert_cmpint (attain_test_query_int (f->db, "SELECT count(*) FROM audit_log"), ==, audits + 1);
  g_assert_cmpint (attain_test_query_int (f->db, "SELECT count(*) FROM deals WHERE owner_id = 2"),
                   >, 0);
  g_assert_cmpint (
      attain_test_query_int (f->db, "SELECT count(*) FROM lock_permits WHERE NOT closed"), ==, 0);
  /* And the lock holds again afterwards. */
  g_assert_false (attain_db_exec (f->db, "UPDATE reviews SET strengths = 'x'", NULL));
}

static void
test_team_reports (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) people = attain_review_team_people (f->db, SMALL_REGION_EAST, &error);
  g_autofree char *pdf = g_build_filename (f->dir, "team.pdf", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "team", NULL);
  g_autoptr (GDir) dir = NULL;
  guint files = 0;

  /* East is A and B (Team one) and D (Team two). */
  g_assert_cmpuint (people->len, ==, 3);
  g_assert_true (attain_review_reports_write (f->db, people, &f->q1, &f->today, "zh-cn", FALSE, pdf,
                                              NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (attain_review_reports_write (f->db, people, &f->q1, &f->today, "zh-cn", FALSE,
                                              NULL, folder, NULL, NULL, &error));
  dir = g_dir_open (folder, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    files++;
  g_assert_cmpuint (files, ==, 3);
  {
    const char      *argv[] = { "pdftotext", pdf, "-", NULL };
    g_autofree char *text = run_tool (argv);
    g_auto (GStrv) titles = NULL;
    if (text == NULL)
      return;
    /* One report each, in one file, each numbered from its own page 1. */
    titles = g_strsplit (text, "Performance Review", -1);
    g_assert_cmpuint (g_strv_length (titles) - 1, ==, 3);
    g_assert_nonnull (strstr (text, "Team two"));
  }
}

static char *
report_text_and_fonts (Fixture *f, const char *language, char **fonts)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) documents
      = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_document_free);
  g_autofree char *pdf = g_strdup_printf ("%s/%s.pdf", f->dir, language);
  g_autoptr (AttainReview) review = attain_review_open (f->db, SMALL_PERSON_A, &f->q1, &error);
  const char     *pango_language;
  AttainDocument *document;

  g_assert_true (attain_review_set_field (f->db, review, "strengths", "客户关系稳固", &error));
  pango_language = attain_report_language_push (language);
  document = attain_review_report_build (f->db, SMALL_PERSON_A, &f->q1, &f->today, pango_language,
                                         &error);
  attain_i18n_pop ();
  g_assert_no_error (error);
  g_ptr_array_add (documents, document);
  g_assert_true (attain_documents_write_pdf (documents, pdf, "A", &error));
  {
    const char *fonts_argv[] = { "pdffonts", pdf, NULL };
    const char *text_argv[] = { "pdftotext", pdf, "-", NULL };
    *fonts = run_tool (fonts_argv);
    return run_tool (text_argv);
  }
}

/* The report's language is its own: an English report built while the process's LANGUAGE (and
 * locale) say Chinese has no Chinese interface string, and each report sets Han text in the
 * glyphs of its own script. */
static void
test_report_language (Fixture *f, gconstpointer data)
{
  g_autofree char *en = NULL, *cn = NULL, *tw = NULL, *en_fonts = NULL, *cn_fonts = NULL,
                  *tw_fonts = NULL;
  const char *dir = g_getenv ("ATTAIN_LOCALEDIR");

  if (dir == NULL)
    {
      g_test_skip ("ATTAIN_LOCALEDIR is not set");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL
      || g_strcmp0 (g_dgettext (GETTEXT_PACKAGE, "Performance Review"), "Performance Review") == 0)
    {
      setlocale (LC_ALL, "C.UTF-8");
      g_unsetenv ("LANGUAGE");
      g_test_skip ("no zh_CN.UTF-8 locale to make the process Chinese");
      return;
    }

  en = report_text_and_fonts (f, "en", &en_fonts);
  cn = report_text_and_fonts (f, "zh_CN", &cn_fonts);
  tw = report_text_and_fonts (f, "zh_TW", &tw_fonts);
  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("LANGUAGE");
  if (en == NULL)
    {
      g_test_skip ("poppler-utils is not installed");
      return;
    }
  /* English: English titles, and the Chinese of the review's own text only. */
  g_assert_nonnull (strstr (en, "Performance Review"));
  g_assert_nonnull (strstr (en, "Confidential"));
  g_assert_null (strstr (en, "绩效"));
  g_assert_null (strstr (en, "机密"));
  g_assert_nonnull (strstr (en, "客户关系稳固"));
  /* 简体 and 繁體 each from its own catalogue. */
  g_assert_nonnull (strstr (cn, "绩效面谈"));
  g_assert_null (strstr (cn, "Performance Review"));
  g_assert_nonnull (strstr (tw, "績效面談"));
  /* The person is labelled 姓名 (a person's name), not 名称 (the name of a thing). */
  g_assert_nonnull (strstr (cn, "姓名"));
  g_assert_null (strstr (cn, "名称"));
  g_assert_nonnull (strstr (tw, "姓名"));
  /* Han text in the glyphs of the report's script: SC for English and 简体, TC for 繁體. */
  g_assert_nonnull (strstr (en_fonts, "CJKsc"));
  g_assert_null (strstr (en_fonts, "CJKjp"));
  g_assert_nonnull (strstr (cn_fonts, "CJKsc"));
  g_assert_nonnull (strstr (tw_fonts, "CJKtc"));
}

/* A review not yet held prints ruled lines to write on in the meeting, not "—" in every section;
 * once signed off, an empty section says so with "—". */
static void
test_blank_review_has_writing_space (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) documents
      = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_document_free);
  g_autofree char *pdf = g_build_filename (f->dir, "blank.pdf", NULL);
  g_autofree char *text = NULL;
  AttainDocument  *document;

  document = attain_review_report_build (f->db, SMALL_PERSON_B, &f->q1, &f->today, "en", &error);
  g_assert_no_error (error);
  g_ptr_array_add (documents, document);
  g_assert_true (attain_documents_write_pdf (documents, pdf, "B", &error));
  {
    const char *argv[] = { "pdftotext", pdf, "-", NULL };
    text = run_tool (argv);
  }
  if (text == NULL)
    {
      g_test_skip ("poppler-utils is not installed");
      return;
    }
  g_assert_nonnull (strstr (text, "Self-review"));
  /* Headings follow each other with nothing printed between: the lines are drawn, not text. */
  g_assert_nonnull (strstr (text, "Strengths\n\nAreas to improve\n\nThe employee's view"));
  g_assert_nonnull (strstr (text, "Training\n\nSignatures"));
  g_assert_null (strstr (text, "No milestones were set"));
  g_assert_null (strstr (text, "No goals were agreed"));
  /* The plan's table heading is printed above its lines. */
  g_assert_nonnull (strstr (text, "How it is measured"));
}

/* A milestone of thousands of characters makes a table row taller than a page: the report still
 * finishes (layout used to retry the row on a fresh page forever), the row continues over pages
 * under the repeated table header, and no numbered piece of it goes missing. */
static void
test_tall_row (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainReview) review = NULL;
  g_autoptr (GPtrArray) milestones
      = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_milestone_free);
  g_autoptr (GPtrArray) documents
      = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_document_free);
  g_autofree char *pdf = g_build_filename (f->dir, "tall.pdf", NULL);
  g_autoptr (GString) title = g_string_new (NULL);
  g_autofree char *plain = NULL;
  g_autoptr (GString) body = g_string_new (NULL);
  g_autofree char *flat_body = NULL;
  g_auto (GStrv) lines = NULL;
  const int       n_pieces = 150;
  AttainDocument *document;

  /* 150 pieces of 20 characters: 3,000 characters, about 130 lines in the milestone column. */
  for (int i = 1; i <= n_pieces; i++)
    g_string_append_printf (title, "[%03d]跟进重点客户回款计划", i);
  review = attain_review_open (f->db, SMALL_PERSON_A, &f->q1, &error);
  g_assert_no_error (error);
  /* The measure holds U+FFFE, a noncharacter GLib accepts as UTF-8 and cairo's PDF text refuses;
   * it once failed the whole file. */
  g_ptr_array_add (milestones,
                   attain_milestone_new (title->str, "2026-05-31", "逾期应收\uFFFE低于 10%",
                                         ATTAIN_MILESTONE_PLANNED));
  g_assert_true (attain_review_set_milestones (f->db, review, milestones, &error));
  g_assert_no_error (error);

  document = attain_review_report_build (f->db, SMALL_PERSON_A, &f->q1, &f->today, "zh-cn", &error);
  g_assert_no_error (error);
  g_ptr_array_add (documents, document);
  g_assert_true (attain_documents_write_pdf (documents, pdf, "A", &error));
  g_assert_no_error (error);

  {
    const char *argv[] = { "pdftotext", pdf, "-", NULL };
    plain = run_tool (argv);
  }
  if (plain == NULL)
    {
      g_test_skip ("poppler-utils is not installed");
      return;
    }
  lines = g_strsplit (plain, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_string_append (body, lines[i]);
  flat_body = strip_spaces (body->str);
  for (int i = 1; i <= n_pieces; i++)
    {
      g_autofree char *piece = g_strdup_printf ("[%03d]", i);
      if (strstr (flat_body, piece) == NULL)
        g_error ("piece %s of the milestone is missing from the report", piece);
    }
  {
    g_auto (GStrv) pages = g_strsplit (plain, "\f", -1);
    int first = -1, last = -1;
    for (int i = 0; pages[i] != NULL; i++)
      {
        if (first < 0 && strstr (pages[i], "[001]") != NULL)
          first = i;
        if (strstr (pages[i], "[150]") != NULL)
          last = i;
      }
    g_assert_cmpint (first, >=, 0);
    g_assert_cmpint (last, >, first);
    /* Every page the row continues on repeats the table's header. */
    for (int i = first; i <= last; i++)
      g_assert_nonnull (strstr (pages[i], "How it is measured"));
  }
}

static guint
mode_of (const char *path)
{
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

/* People named to break out of the folder, with separators, a right-to-left override and 2,000
 * characters: under umask 022 a team's folder export writes exactly one private (0600) file a
 * person, all inside the chosen folder, nothing left under a temporary name; the single team PDF
 * and a re-export over an existing file are 0600 too. */
static void
test_hostile_names (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) people = NULL;
  g_autofree char *outside = g_build_filename (f->dir, "outside", NULL);
  g_autofree char *folder = g_build_filename (outside, "chosen", "team", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "team.pdf", NULL);
  g_autofree char *long_name = g_strnfill (2000, 'N');
  g_autofree char *set_names
      = g_strdup_printf ("UPDATE people SET name = CASE id WHEN %d THEN 'x/../../../escaped' "
                         "WHEN %d THEN 'a/b\\c' ELSE '%s' END",
                         SMALL_PERSON_A, SMALL_PERSON_B, long_name);
  g_autoptr (GDir) dir = NULL;
  const char *entry;
  guint       files = 0;
  mode_t      saved = umask (022);

  g_assert_true (attain_db_exec (f->db, set_names, &error));
  g_assert_no_error (error);
  people = attain_review_team_people (f->db, SMALL_REGION_EAST, &error);
  g_assert_cmpuint (people->len, ==, 3);
  /* A link planted under the name a file will get: the file replaces the link, inside the
   * folder, and what it pointed at is untouched. */
  {
    g_autofree char *target = g_build_filename (f->dir, "planted-target", NULL);
    g_autofree char *planted = NULL;
    g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
    g_assert_true (g_file_set_contents (target, "keep", -1, NULL));
    planted = g_strdup_printf ("%s/review-2026-Q1-%04d-a_b_c.pdf", folder, SMALL_PERSON_B);
    g_assert_cmpint (symlink (target, planted), ==, 0);
  }
  g_assert_true (attain_review_reports_write (f->db, people, &f->q1, &f->today, "en", FALSE, NULL,
                                              folder, NULL, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *target = g_build_filename (f->dir, "planted-target", NULL);
    g_autofree char *kept = NULL;
    g_autofree char *planted
        = g_strdup_printf ("%s/review-2026-Q1-%04d-a_b_c.pdf", folder, SMALL_PERSON_B);
    g_assert_true (g_file_get_contents (target, &kept, NULL, NULL));
    g_assert_cmpstr (kept, ==, "keep");
    g_assert_false (g_file_test (planted, G_FILE_TEST_IS_SYMLINK));
    g_assert_true (g_file_test (planted, G_FILE_TEST_IS_REGULAR));
    g_unlink (target);
  }
  dir = g_dir_open (folder, 0, NULL);
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, entry, NULL);
      g_assert_true (g_str_has_prefix (entry, "review-2026-Q1-"));
      g_assert_true (g_str_has_suffix (entry, ".pdf"));
      g_assert_cmpuint (strlen (entry), <, 255);
      g_assert_cmpuint (mode_of (path), ==, 0600);
      files++;
    }
  g_assert_cmpuint (files, ==, 3);
  /* Nothing escaped upwards: the folders above hold only the way down. */
  {
    g_autofree char *escaped = g_build_filename (f->dir, "escaped", NULL);
    g_autofree char *escaped_pdf = g_build_filename (outside, "escaped.pdf", NULL);
    g_autoptr (GDir) above = g_dir_open (outside, 0, NULL);
    g_assert_false (g_file_test (escaped, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (escaped_pdf, G_FILE_TEST_EXISTS));
    g_assert_cmpstr (g_dir_read_name (above), ==, "chosen");
    g_assert_null (g_dir_read_name (above));
  }

  /* The 2,000-character name is cut with "…" in the page header, title and fields: the report
   * has at most one page more than the same person's under a short name — the fields show up to
   * four lines of the name, which can move one block that is kept whole to the next page — where
   * it had two more, with the name running over "Confidential" and under the footer. */
  {
    guint pages[2];
    for (guint round = 0; round < 2; round++)
      {
        g_autoptr (GPtrArray) one
            = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_document_free);
        g_autofree char *file = g_strdup_printf ("%s/long-name-%u.pdf", f->dir, round);
        const char      *argv[] = { "pdfinfo", file, NULL };
        g_autofree char *info = NULL;
        const char      *line;
        if (round == 1)
          g_assert_true (
              attain_db_exec (f->db, "UPDATE people SET name = 'D' WHERE id = 3", &error));
        g_ptr_array_add (one, attain_review_report_build (f->db, SMALL_PERSON_D, &f->q1, &f->today,
                                                          "zh-cn", &error));
        g_assert_no_error (error);
        g_assert_true (attain_documents_write_pdf (one, file, "D", &error));
        info = run_tool (argv);
        if (info == NULL)
          break;
        line = strstr (info, "Pages:");
        g_assert_nonnull (line);
        pages[round] = (guint) atoi (line + strlen ("Pages:"));
        if (round == 1)
          g_assert_cmpuint (pages[0], <=, pages[1] + 1);
      }
  }

  g_assert_true (g_file_set_contents (pdf, "old", -1, NULL));
  g_assert_true (g_chmod (pdf, 0644) == 0);
  g_assert_true (attain_review_reports_write (f->db, people, &f->q1, &f->today, "en", FALSE, pdf,
                                              NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mode_of (pdf), ==, 0600);
  umask (saved);
}

/* Training plans feed the next review. In Q1 2026, 商务谈判 (Negotiation, 2026-03-10 to
 * 2026-03-12) is booked for A and B, 回款管理 (Collecting, 2025-12-01 to 2025-12-02) for A only.
 * Refused and nothing saved: no name, an end before the start, nobody, someone unknown.
 * B attends (planned → done); a second change from "planned" is refused (compare-and-set).
 * A's Q1 review lists both: the Q1 course planned, and last year's still planned (overdue);
 * B's lists the Q1 course as done. B's review is signed off, then the course is marked missed:
 * B's Q1 report keeps "Done" (the snapshot), while live data say missed. In Q2, A's review
 * lists both courses again (neither is done: both overdue), B's none. The report prints the
 * courses under Training with their status. A is promoted on 2026-04-01: her Q1 report still
 * names her position of then (销售组长), her Q2 sheet the new one. */
static void
test_training_in_review (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) records = NULL;
  g_autoptr (AttainReviewSheet) sheet = NULL;
  g_autoptr (GPtrArray) documents
      = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_document_free);
  g_autofree char *pdf = g_build_filename (f->dir, "training.pdf", NULL);
  g_autofree char *text = NULL;
  const gint64     both[] = { SMALL_PERSON_A, SMALL_PERSON_B }, unknown[] = { 99 };
  GDate            s1, e1, s2, e2;
  gint64           negotiation, collecting;
  AttainPeriod     q2;

  attain_test_date (&s1, "2026-03-10");
  attain_test_date (&e1, "2026-03-12");
  attain_test_date (&s2, "2025-12-01");
  attain_test_date (&e2, "2025-12-02");
  g_assert_true (attain_period_parse ("2026-Q2", 1, &q2, NULL));
  negotiation
      = attain_training_plan_create (f->db, "negotiation", "商务谈判", &s1, &e1, both, 2, &error);
  g_assert_no_error (error);
  collecting
      = attain_training_plan_create (f->db, "collecting", "回款管理", &s2, &e2, both, 1, &error);
  g_assert_cmpint (negotiation, >, 0);
  g_assert_cmpint (collecting, >, negotiation);

  g_assert_cmpint (attain_training_plan_create (f->db, NULL, "  ", &s1, &e1, both, 2, &error), ==,
                   0);
  g_assert_nonnull (strstr (error->message, "needs the course’s name"));
  g_clear_error (&error);
  g_assert_cmpint (attain_training_plan_create (f->db, NULL, "X", &e1, &s1, both, 2, &error), ==,
                   0);
  g_assert_nonnull (strstr (error->message, "ends on 2026-03-10, before it starts on 2026-03-12"));
  g_clear_error (&error);
  g_assert_cmpint (attain_training_plan_create (f->db, NULL, "X", &s1, &e1, both, 0, &error), ==,
                   0);
  g_clear_error (&error);
  g_assert_cmpint (attain_training_plan_create (f->db, NULL, "X", &s1, &e1, unknown, 1, &error), ==,
                   0);
  g_assert_nonnull (strstr (error->message, "Person 99 is not in the database"));
  g_clear_error (&error);
  g_assert_cmpint (attain_test_query_int (f->db, "SELECT count (*) FROM training_plans"), ==, 2);
  g_assert_cmpint (attain_test_query_int (f->db, "SELECT count (*) FROM training_attendees"), ==,
                   3);

  g_assert_true (attain_training_set_status (
      f->db, negotiation, SMALL_PERSON_B, ATTAIN_TRAINING_PLANNED, ATTAIN_TRAINING_DONE, &error));
  g_assert_false (attain_training_set_status (
      f->db, negotiation, SMALL_PERSON_B, ATTAIN_TRAINING_PLANNED, ATTAIN_TRAINING_MISSED, &error));
  g_assert_error (error, ATTAIN_TRAINING_ERROR, ATTAIN_TRAINING_ERROR_CHANGED);
  g_clear_error (&error);

  records = attain_training_for_person (f->db, SMALL_PERSON_A, &f->q1, &error);
  g_assert_cmpuint (records->len, ==, 2);
  g_assert_cmpstr (g_array_index (records, AttainTrainingRecord, 0).course, ==, "回款管理");
  g_assert_cmpstr (g_array_index (records, AttainTrainingRecord, 1).course, ==, "商务谈判");
  g_clear_pointer (&records, g_array_unref);
  /* In Q2 only what is still not done shows: both of A's, none of B's. */
  records = attain_training_for_person (f->db, SMALL_PERSON_A, &q2, &error);
  g_assert_cmpuint (records->len, ==, 2);
  g_clear_pointer (&records, g_array_unref);
  records = attain_training_for_person (f->db, SMALL_PERSON_B, &q2, &error);
  g_assert_cmpuint (records->len, ==, 0);
  g_clear_pointer (&records, g_array_unref);

  {
    g_autoptr (AttainReview) review = attain_review_open (f->db, SMALL_PERSON_B, &f->q1, &error);
    g_assert_true (attain_review_set_field (f->db, review, "interview_on", "2026-04-09", &error));
    g_assert_true (attain_review_set_field (f->db, review, "reviewer", "王建国", &error));
    g_assert_true (attain_review_sign_off (f->db, review, &f->today, &error));
    g_assert_no_error (error);
  }
  g_assert_true (attain_training_set_status (f->db, negotiation, SMALL_PERSON_B,
                                             ATTAIN_TRAINING_DONE, ATTAIN_TRAINING_MISSED, &error));
  sheet = attain_review_sheet_load (f->db, SMALL_PERSON_B, &f->q1, &f->today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheet->training->len, ==, 1);
  g_assert_cmpint (g_array_index (sheet->training, AttainTrainingRecord, 0).status, ==,
                   ATTAIN_TRAINING_DONE);
  g_clear_pointer (&sheet, attain_review_sheet_free);

  /* Corrected: 回款管理 moves a day, compared with what was shown; a second edit from the old
   * dates is refused. A attends it: a plan someone attended cannot be removed; one nobody did
   * can, attendees and all. */
  {
    GDate new_start;
    attain_test_date (&new_start, "2025-12-02");
    g_assert_true (attain_training_plan_update (f->db, collecting, "回款管理", "2025-12-01",
                                                "2025-12-02", "回款管理实务", &new_start, &e2,
                                                &error));
    g_assert_no_error (error);
    g_assert_false (attain_training_plan_update (f->db, collecting, "回款管理", "2025-12-01",
                                                 "2025-12-02", "X", &s2, &e2, &error));
    g_assert_error (error, ATTAIN_TRAINING_ERROR, ATTAIN_TRAINING_ERROR_CHANGED);
    g_clear_error (&error);
    g_assert_false (attain_training_plan_update (f->db, collecting, "回款管理实务", "2025-12-02",
                                                 "2025-12-02", "X", &e1, &s1, &error));
    g_assert_error (error, ATTAIN_TRAINING_ERROR, ATTAIN_TRAINING_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_true (attain_training_set_status (
        f->db, collecting, SMALL_PERSON_A, ATTAIN_TRAINING_PLANNED, ATTAIN_TRAINING_DONE, &error));
    g_assert_false (attain_training_plan_delete (f->db, collecting, &error));
    g_assert_nonnull (strstr (error->message, "A attended this course"));
    g_clear_error (&error);
    {
      gint64 spare
          = attain_training_plan_create (f->db, NULL, "临时课程", &s1, &e1, both, 2, &error);
      g_assert_true (attain_training_plan_delete (f->db, spare, &error));
      g_assert_cmpint (attain_test_query_int (f->db, "SELECT count (*) FROM training_attendees "
                                                     "WHERE plan_id NOT IN (SELECT id FROM "
                                                     "training_plans)"),
                       ==, 0);
      g_assert_false (attain_training_plan_delete (f->db, spare, &error));
      g_clear_error (&error);
    }
  }

  /* A is promoted on 1 April: her Q1 report keeps the position of then. */
  g_assert_true (attain_db_exec (
      f->db,
      "INSERT INTO person_positions (person_id, position_id, from_date) VALUES (1, (SELECT id "
      "FROM positions WHERE rank = 4), '2026-04-01'); UPDATE people SET position_id = (SELECT id "
      "FROM positions WHERE rank = 4) WHERE id = 1",
      &error));
  g_assert_no_error (error);
  sheet = attain_review_sheet_load (f->db, SMALL_PERSON_A, &f->q1, &f->today, &error);
  g_assert_cmpint (attain_test_query_int (f->db, "SELECT count (*) FROM positions WHERE name = '"
                                                 "销售组长' AND rank = 3"),
                   ==, 1);
  g_assert_cmpstr (sheet->dashboard->scope_kind, ==, "销售组长");
  g_clear_pointer (&sheet, attain_review_sheet_free);
  sheet = attain_review_sheet_load (f->db, SMALL_PERSON_A, &q2, &f->today, &error);
  g_assert_cmpstr (sheet->dashboard->scope_kind, !=, "销售组长");
  g_clear_pointer (&sheet, attain_review_sheet_free);

  g_ptr_array_add (documents, attain_review_report_build (f->db, SMALL_PERSON_A, &f->q1, &f->today,
                                                          "en", &error));
  g_ptr_array_add (documents, attain_review_report_build (f->db, SMALL_PERSON_B, &f->q1, &f->today,
                                                          "en", &error));
  g_assert_no_error (error);
  g_assert_true (attain_documents_write_pdf (documents, pdf, "training", &error));
  {
    const char *argv[] = { "pdftotext", pdf, "-", NULL };
    text = run_tool (argv);
  }
  if (text == NULL)
    {
      g_test_skip ("poppler-utils is not installed");
      return;
    }
  /* Done in December, before the quarter: no longer A's to follow up in Q1. */
  g_assert_null (strstr (text, "回款管理实务"));
  g_assert_nonnull (strstr (text, "2026-03-10 to 2026-03-12"));
  g_assert_nonnull (strstr (text, "商务谈判"));
  g_assert_nonnull (strstr (text, "销售组长"));
  /* A's Q1 course is planned; B's was done when she signed. */
  g_assert_nonnull (strstr (text, "Planned"));
  g_assert_nonnull (strstr (text, "Done"));
  g_assert_null (strstr (text, "Missed"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  attain_number_style_override (ATTAIN_NUMBER_STYLE_WESTERN);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/report/review-report", test_review_report);
  ADD ("/report/blank-review-has-writing-space", test_blank_review_has_writing_space);
  ADD ("/report/sign-off-locks", test_sign_off_locks);
  ADD ("/report/lock-exceptions", test_lock_exceptions);
  ADD ("/report/team-reports", test_team_reports);
  ADD ("/report/language", test_report_language);
  ADD ("/report/tall-row", test_tall_row);
  ADD ("/report/hostile-names", test_hostile_names);
  ADD ("/report/training-in-review", test_training_in_review);
  return g_test_run ();
}

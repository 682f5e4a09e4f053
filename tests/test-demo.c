/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-test-util.h"
#include "model/attain-demo.h"

typedef struct
{
  char     *dir;
  AttainDb *db;
} Fixture;

static AttainDb *
make_demo (const char *dir, const char *name, guint32 seed)
{
  g_autofree char *path = attain_test_db_path (dir, name);
  g_autoptr (GError) error = NULL;
  AttainDb         *db = attain_db_open (path, &error);
  AttainDemoOptions options;
  GDate             today;

  g_assert_no_error (error);
  attain_test_date (&today, "2026-11-23");
  attain_demo_options_init (&options, &today);
  options.seed = seed;
  g_assert_true (attain_demo_generate (db, &options, NULL, NULL, &error));
  g_assert_no_error (error);
  return db;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = attain_test_make_tmp_dir ();
  f->db = make_demo (f->dir, "demo.db", 7);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_pointer (&f->db, attain_db_close);
  attain_test_rm_rf (f->dir);
  g_free (f->dir);
}

#define COUNT(sql) attain_test_query_int (f->db, sql)

static void
test_organisation (Fixture *f, gconstpointer data)
{
  /* One company, 3 regions, 8 teams of 7 or 8, 60 people. */
  g_assert_cmpint (COUNT ("SELECT count(*) FROM org_units WHERE kind = 'company'"), ==, 1);
  g_assert_cmpint (COUNT ("SELECT count(*) FROM org_units WHERE kind = 'region'"), ==, 3);
  g_assert_cmpint (COUNT ("SELECT count(*) FROM org_units WHERE kind = 'team'"), ==, 8);
  g_assert_cmpint (COUNT ("SELECT count(*) FROM people"), ==, 60);
  g_assert_cmpint (COUNT ("SELECT min(n) FROM (SELECT count(*) AS n FROM people GROUP BY unit_id)"),
                   >=, 7);
  /* Every team has exactly one team lead; everyone sits in a team. */
  g_assert_cmpint (
      COUNT ("SELECT count(*) FROM people p JOIN positions pos ON pos.id = p.position_id "
             "WHERE pos.key = 'team_lead'"),
      ==, 8);
  g_assert_cmpint (COUNT ("SELECT count(*) FROM people p JOIN org_units u ON u.id = p.unit_id "
                          "WHERE u.kind <> 'team'"),
                   ==, 0);
  /* Names are Chinese (first character in the CJK block). */
  g_assert_cmpint (
      COUNT ("SELECT count(*) FROM people WHERE unicode(name) BETWEEN 19968 AND 40959"), ==, 60);
  g_assert_cmpint (COUNT ("SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
}

static void
test_deals (Fixture *f, gconstpointer data)
{
  g_assert_cmpint (COUNT ("SELECT count(*) FROM deals"), >, 10000);
  /* Every owner exists, won and lost deals have a close date on or after creation, open ones
   * none, nothing happens after today. */
  g_assert_cmpint (
      COUNT ("SELECT count(*) FROM deals WHERE owner_id NOT IN (SELECT id FROM people)"), ==, 0);
  g_assert_cmpint (COUNT ("SELECT count(*) FROM deals WHERE status <> 'open' AND "
                          "(closed_on IS NULL OR closed_on < created_on)"),
                   ==, 0);
  g_assert_cmpint (
      COUNT ("SELECT count(*) FROM deals WHERE status = 'open' AND closed_on IS NOT NULL"), ==, 0);
  g_assert_cmpint (
      COUNT (
          "SELECT count(*) FROM deals WHERE created_on > '2026-11-23' OR closed_on > '2026-11-23'"),
      ==, 0);
  g_assert_cmpint (COUNT ("SELECT count(*) FROM activities WHERE happened_on > '2026-11-23'"), ==,
                   0);
  g_assert_cmpint (COUNT ("SELECT count(*) FROM deals WHERE status = 'won' AND "
                          "stage_id <> (SELECT id FROM stages WHERE key = 'won')"),
                   ==, 0);
  /* Stage history: one row per stage reached, dates never go backwards, the current stage is
   * the last one entered. */
  g_assert_cmpint (
      COUNT ("SELECT count(*) FROM deals d JOIN stages s ON s.id = d.stage_id WHERE "
             "(SELECT count(*) FROM deal_stage_history h WHERE h.deal_id = d.id) <> s.position"),
      ==, 0);
  g_assert_cmpint (
      COUNT (
          "SELECT count(*) FROM deal_stage_history a JOIN stages sa ON sa.id = a.stage_id "
          "JOIN deal_stage_history b ON b.deal_id = a.deal_id JOIN stages sb ON sb.id = b.stage_id "
          "WHERE sa.position < sb.position AND a.entered_on > b.entered_on"),
      ==, 0);
  /* Collections never exceed the invoice, which is the deal's amount. */
  g_assert_cmpint (
      COUNT ("SELECT count(*) FROM collections WHERE collected_amount > invoice_amount"), ==, 0);
  g_assert_cmpint (COUNT ("SELECT count(*) FROM collections c JOIN deals d ON d.id = c.deal_id "
                          "WHERE d.status <> 'won' OR c.invoice_amount <> d.amount"),
                   ==, 0);
  /* Win rate in a plausible band for B2B sales. */
  g_assert_cmpint (COUNT ("SELECT 100 * sum(status = 'won') / sum(status <> 'open') FROM deals"),
                   >=, 15);
  g_assert_cmpint (COUNT ("SELECT 100 * sum(status = 'won') / sum(status <> 'open') FROM deals"),
                   <=, 40);
}

static void
test_rollup_matches_raw_rows (Fixture *f, gconstpointer data)
{
  /* The dashboard reads the rollup; it must hold exactly what the raw tables say. */
  g_assert_cmpint (COUNT ("SELECT sum(won_amount) FROM month_stats WHERE scope_kind = 1"), ==,
                   COUNT ("SELECT sum(amount) FROM deals WHERE status = 'won'"));
  g_assert_cmpint (COUNT ("SELECT sum(won_amount) FROM month_stats WHERE scope_kind = 1 AND month "
                          "BETWEEN 202507 AND 202509"),
                   ==,
                   COUNT ("SELECT sum(amount) FROM deals WHERE status = 'won' AND closed_on "
                          "BETWEEN '2025-07-01' AND '2025-09-30'"));
  /* Collections net of the refunds (the demo refunds a few). */
  g_assert_cmpint (COUNT ("SELECT count(*) FROM refunds"), >, 0);
  g_assert_cmpint (
      COUNT ("SELECT sum(collected) FROM month_stats WHERE scope_kind = 1"), ==,
      COUNT ("SELECT (SELECT sum(collected_amount) FROM collections WHERE collected_on IS NOT "
             "NULL) - (SELECT sum(amount) FROM refunds)"));
  g_assert_cmpint (COUNT ("SELECT sum(visits) FROM month_stats WHERE scope_kind = 1"), ==,
                   COUNT ("SELECT count(*) FROM activities WHERE kind = 'visit'"));
  g_assert_cmpint (COUNT ("SELECT sum(weighted_visits) FROM month_stats WHERE scope_kind = 1"), ==,
                   COUNT ("SELECT sum(CASE tier WHEN 'A' THEN 3 WHEN 'B' THEN 2 ELSE 1 END) FROM "
                          "activities WHERE kind = 'visit'"));
  g_assert_cmpint (COUNT ("SELECT sum(new_customers) FROM month_stats WHERE scope_kind = 1"), ==,
                   COUNT ("SELECT count(DISTINCT customer_id) FROM deals WHERE status = 'won'"));
  g_assert_cmpint (COUNT ("SELECT sum(reached_count) FROM month_funnel WHERE scope_kind = 1 AND "
                          "stage_position = 1"),
                   ==, COUNT ("SELECT count(*) FROM deals"));
  g_assert_cmpint (COUNT ("SELECT sum(open_count) FROM open_pipeline WHERE scope_kind = 1"), ==,
                   COUNT ("SELECT count(*) FROM deals WHERE status = 'open'"));
  /* Unit rows add up their people: the company's row equals the sum over everyone, and a
   * region's equals its teams'. */
  g_assert_cmpint (
      COUNT ("SELECT sum(won_amount) FROM month_stats WHERE scope_kind = 0 AND scope_id = 1"), ==,
      COUNT ("SELECT sum(won_amount) FROM month_stats WHERE scope_kind = 1"));
  g_assert_cmpint (
      COUNT ("SELECT sum(s.visits) FROM month_stats s WHERE s.scope_kind = 0 AND s.scope_id = 2"),
      ==,
      COUNT ("SELECT sum(s.visits) FROM month_stats s JOIN org_units u ON u.id = s.scope_id "
             "WHERE s.scope_kind = 0 AND u.parent_id = 2"));
  g_assert_cmpint (
      COUNT ("SELECT sum(target) FROM month_goals WHERE scope_kind = 0 AND scope_id = 1 AND metric "
             "= 'revenue'"),
      ==,
      COUNT ("SELECT sum(target) FROM goals WHERE metric = 'revenue' AND period_kind = 'month'"));
}

static void
test_goals (Fixture *f, gconstpointer data)
{
  /* Every person has twelve monthly revenue goals per year (2024-2026). */
  g_assert_cmpint (
      COUNT ("SELECT count(*) FROM goals WHERE metric = 'revenue' AND period_kind = 'month'"), ==,
      60 * 12 * 3);
  /* The decomposition adds up: each parent's target is the sum of its children's. */
  g_assert_cmpint (
      COUNT ("SELECT count(*) FROM goals p WHERE EXISTS (SELECT 1 FROM goals c WHERE c.parent_id = "
             "p.id) "
             "AND p.target <> (SELECT sum(target) FROM goals c WHERE c.parent_id = p.id)"),
      ==, 0);
  g_assert_cmpint (COUNT ("SELECT count(*) FROM goals WHERE metric = 'revenue' AND period_kind = "
                          "'year' AND parent_id IS NULL"),
                   ==, 3);
  /* Targets are round thousands of yuan. */
  g_assert_cmpint (
      COUNT ("SELECT count(*) FROM goals WHERE metric = 'revenue' AND target % 100000 <> 0"), ==,
      0);
}

static void
test_deterministic (Fixture *f, gconstpointer data)
{
  g_autoptr (AttainDb) same = make_demo (f->dir, "same.db", 7);
  g_autoptr (AttainDb) other = make_demo (f->dir, "other.db", 8);
  const char *fingerprint = "SELECT sum(amount) + count(*) FROM deals";

  g_assert_cmpint (attain_test_query_int (same, fingerprint), ==, COUNT (fingerprint));
  g_assert_cmpint (attain_test_query_int (other, fingerprint), !=, COUNT (fingerprint));
}

static void
test_refuses_non_empty (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  AttainDemoOptions options;
  GDate             today;
  gint64            deals = COUNT ("SELECT count(*) FROM deals");

  attain_test_date (&today, "2026-11-23");
  attain_demo_options_init (&options, &today);
  g_assert_false (attain_demo_generate (f->db, &options, NULL, NULL, &error));
  g_assert_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_INVALID);
  g_assert_cmpint (COUNT ("SELECT count(*) FROM deals"), ==, deals);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/demo/organisation", test_organisation);
  ADD ("/demo/deals", test_deals);
  ADD ("/demo/rollup-matches-raw-rows", test_rollup_matches_raw_rows);
  ADD ("/demo/goals", test_goals);
  ADD ("/demo/deterministic", test_deterministic);
  ADD ("/demo/refuses-non-empty", test_refuses_non_empty);
  return g_test_run ();
}

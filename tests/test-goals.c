/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The goal tree on the small company of attain-test-util.c; every figure worked out by hand. */
#include "attain-test-util.h"
#include "model/attain-i18n.h"
#include <glib/gi18n-lib.h>
#include "model/attain-goal-tree.h"
#include "model/attain-metrics.h"
#include "model/attain-rollup.h"

#include <math.h>
#include <string.h>

#define YUAN(x) ((gint64) (x) *100)

typedef struct
{
  char              *dir;
  AttainDb          *db;
  AttainGoalHistory *history;
  AttainPeriod       year;
  GDate              today;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *path = NULL;

  f->dir = attain_test_make_tmp_dir ();
  path = attain_test_db_path (f->dir, "goals.db");
  f->db = attain_test_small_company (path);
  f->history = attain_goal_history_new (f->db);
  g_assert_true (attain_period_parse ("2026", 1, &f->year, NULL));
  attain_test_date (&f->today, "2026-11-23");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_pointer (&f->history, attain_goal_history_free);
  g_clear_pointer (&f->db, attain_db_close);
  attain_test_rm_rf (f->dir);
  g_free (f->dir);
}

static AttainGoalTree *
load (Fixture *f, const char *metric)
{
  g_autoptr (GError) error = NULL;
  AttainGoalTree *tree = attain_goal_tree_load (f->db, &f->year, metric, &f->today, &error);

  g_assert_no_error (error);
  return tree;
}

static AttainGoalNode *
node_of (AttainGoalTree *tree, AttainScopeKind kind, gint64 id)
{
  AttainScope scope = { kind, id };
  int         index = attain_goal_tree_find (tree, &scope);

  g_assert_cmpint (index, >=, 0);
  return attain_goal_tree_node (tree, index);
}

static guint
index_of (AttainGoalTree *tree, AttainScopeKind kind, gint64 id)
{
  AttainScope scope = { kind, id };
  return attain_goal_tree_find (tree, &scope);
}

static void
apply (Fixture *f, AttainGoalEdit *edit)
{
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (edit);
  g_assert_true (attain_goal_history_apply (f->history, edit, &error));
  g_assert_no_error (error);
}

/* Company 2026 revenue ¥300,000 split evenly to East and West, East by last year's share. */
static void
plan_company (Fixture *f)
{
  g_autoptr (AttainGoalTree) tree = load (f, "revenue");
  g_autoptr (AttainGoal) goal = NULL;
  g_autoptr (GError) error = NULL;
  AttainGoalEdit *edit = attain_goal_edit_new ("Set the company target");
  AttainScope     company = { ATTAIN_SCOPE_UNIT, SMALL_COMPANY };

  goal = attain_goal_new (&company, "revenue", &f->year);
  goal->has_target = TRUE;
  goal->target = YUAN (300000);
  attain_goal_edit_add (edit, NULL, goal);
  apply (f, edit);

  g_clear_pointer (&tree, attain_goal_tree_free);
  tree = load (f, "revenue");
  apply (f, attain_goal_tree_split_children (tree, 0, ATTAIN_SPLIT_EVEN, NULL, 1, &error));
  g_clear_pointer (&tree, attain_goal_tree_free);
  tree = load (f, "revenue");
  apply (f, attain_goal_tree_split_children (tree,
                                             index_of (tree, ATTAIN_SCOPE_UNIT, SMALL_REGION_EAST),
                                             ATTAIN_SPLIT_LAST_YEAR, NULL, 1, &error));
}

static void
test_splits_are_exact (void)
{
  gint64 parts[7];
  double weights[3] = { 1, 1, 1 };
  double skewed[4] = { 0.5, 0, 2.25, 1e-9 };
  gint64 sum;

  /* ¥1.00 in three: 34 + 33 + 33 fen. */
  attain_split_even (100, 3, parts);
  g_assert_cmpint (parts[0], ==, 34);
  g_assert_cmpint (parts[1], ==, 33);
  g_assert_cmpint (parts[2], ==, 33);

  /* ¥1,000,000.01 by equal weights: no fen lost, the odd fen to the first. */
  g_assert_true (attain_split_by_weights (100000001, weights, 3, parts));
  g_assert_cmpint (parts[0] + parts[1] + parts[2], ==, 100000001);
  g_assert_cmpint (parts[0], ==, 33333334);
  g_assert_cmpint (parts[2], ==, 33333333);

  /* Uneven weights: 0.5 : 0 : 2.25 : ~0 of 1,000 fen → 181.8, 0, 818.2, 0 → 182, 0, 818, 0. */
  g_assert_true (attain_split_by_weights (1000, skewed, 4, parts));
  g_assert_cmpint (parts[0], ==, 182);
  g_assert_cmpint (parts[1], ==, 0);
  g_assert_cmpint (parts[2], ==, 818);
  g_assert_cmpint (parts[3], ==, 0);

  /* Seven months of a prime: always the whole. */
  attain_split_even (1000003, 7, parts);
  sum = 0;
  for (int i = 0; i < 7; i++)
    sum += parts[i];
  g_assert_cmpint (sum, ==, 1000003);

  /* Nothing to take shares from. */
  weights[0] = weights[1] = weights[2] = 0;
  g_assert_false (attain_split_by_weights (100, weights, 3, parts));
}

static void
test_manual_split_remainder (void)
{
  g_autoptr (GError) error = NULL;
  gint64 short_parts[2] = { YUAN (100), YUAN (99) + 99 };
  gint64 exact[2] = { YUAN (100), YUAN (100) };

  g_assert_false (
      attain_split_check_manual (YUAN (200), short_parts, 2, "CNY", ATTAIN_VALUE_MONEY, &error));
  g_assert_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_SPLIT);
  /* One fen short, and the sentence says so. */
  g_assert_nonnull (strstr (error->message, "¥0.01"));
  g_clear_error (&error);
  g_assert_true (
      attain_split_check_manual (YUAN (200), exact, 2, "CNY", ATTAIN_VALUE_MONEY, &error));
}

static void
test_parse_target (void)
{
  g_autoptr (GError) error = NULL;
  gint64 value;

  g_assert_true (attain_parse_target ("1,200,000", ATTAIN_VALUE_MONEY, &value, &error));
  g_assert_cmpint (value, ==, YUAN (1200000));
  g_assert_true (attain_parse_target ("¥120万", ATTAIN_VALUE_MONEY, &value, &error));
  g_assert_cmpint (value, ==, YUAN (1200000));
  g_assert_true (attain_parse_target ("1.5億", ATTAIN_VALUE_MONEY, &value, &error));
  g_assert_cmpint (value, ==, YUAN (150000000));
  g_assert_true (attain_parse_target ("99.99", ATTAIN_VALUE_MONEY, &value, &error));
  g_assert_cmpint (value, ==, 9999);
  g_assert_true (attain_parse_target ("12", ATTAIN_VALUE_COUNT, &value, &error));
  g_assert_cmpint (value, ==, 12);

  g_assert_false (attain_parse_target ("abc", ATTAIN_VALUE_MONEY, &value, &error));
  g_assert_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_TARGET);
  g_assert_nonnull (strstr (error->message, "“abc” is not a number"));
  g_clear_error (&error);
  g_assert_false (attain_parse_target ("-5", ATTAIN_VALUE_MONEY, &value, &error));
  g_assert_nonnull (strstr (error->message, "negative"));
  g_clear_error (&error);
  g_assert_false (attain_parse_target ("2.5", ATTAIN_VALUE_COUNT, &value, &error));
  g_assert_nonnull (strstr (error->message, "whole number"));
}

static void
test_tree_sums_and_attainment (Fixture *f, gconstpointer data)
{
  g_autoptr (AttainGoalTree) tree = NULL;
  AttainGoalNode *company, *east, *one, *two, *a;

  plan_company (f);
  tree = load (f, "revenue");
  company = node_of (tree, ATTAIN_SCOPE_UNIT, SMALL_COMPANY);
  east = node_of (tree, ATTAIN_SCOPE_UNIT, SMALL_REGION_EAST);
  one = node_of (tree, ATTAIN_SCOPE_UNIT, SMALL_TEAM_ONE);
  two = node_of (tree, ATTAIN_SCOPE_UNIT, SMALL_TEAM_TWO);
  a = node_of (tree, ATTAIN_SCOPE_PERSON, SMALL_PERSON_A);

  /* 300,000 evenly: 150,000 each region. */
  g_assert_cmpint (company->goal->target, ==, YUAN (300000));
  g_assert_cmpint (company->children_sum, ==, YUAN (300000));
  g_assert_false (company->has_gap);
  g_assert_cmpint (east->goal->target, ==, YUAN (150000));
  /* Last year Team one won ¥60,000 and Team two ¥40,000: 90,000 and 60,000. */
  g_assert_cmpint (one->goal->target, ==, YUAN (90000));
  g_assert_cmpint (two->goal->target, ==, YUAN (60000));
  g_assert_cmpint (one->goal->parent_id, ==, east->goal->id);
  g_assert_cmpint (east->children_sum, ==, YUAN (150000));
  g_assert_null (a->goal);

  /* East sold ¥150,000 in 2026 (all Team one's): 100% of its ¥150,000, though Team one is at
   * 166.7% and Team two at 0%, an average of 83.3%. */
  g_assert_cmpfloat_with_epsilon (east->actual, YUAN (150000), 0.5);
  g_assert_cmpfloat_with_epsilon (east->attainment, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (one->attainment, 150.0 / 90.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (two->attainment, 0.0, 1e-9);
  /* Variance, actual minus target, beside attainment: Team one +¥60,000, Team two -¥60,000,
   * East exactly on its target. */
  {
    g_autofree char *one_text = attain_goal_node_variance_text (tree, one);
    g_autofree char *two_text = attain_goal_node_variance_text (tree, two);
    g_autofree char *east_text = attain_goal_node_variance_text (tree, east);
    g_assert_cmpstr (one_text, ==, "+¥60,000");
    g_assert_cmpstr (two_text, ==, "-¥60,000");
    g_assert_cmpstr (east_text, ==, "¥0");
  }
  /* A has no goal for the year, but her monthly goals (¥40,000 in each month of Q1) plan it at
   * ¥120,000, marked as derived: ¥150,000 is 125%. */
  g_assert_cmpfloat_with_epsilon (a->actual, YUAN (150000), 0.5);
  g_assert_cmpfloat_with_epsilon (a->derived_target, YUAN (120000), 0.5);
  g_assert_cmpfloat_with_epsilon (a->attainment, 1.25, 1e-9);
}

/* The dashboard's Q1 target for the company is its people's monthly goals (A+B+D ¥70,000 × 3 =
 * ¥210,000); the goal tree's Q1 view, where nobody has a quarterly goal, shows the same, marked
 * as derived, and each team and person its own months' sum. */
static void
test_quarter_targets_from_months (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainGoalTree) tree = NULL;
  g_autoptr (AttainMetrics) metrics = NULL;
  AttainPeriod    q1;
  AttainScope     company = { ATTAIN_SCOPE_UNIT, SMALL_COMPANY };
  AttainGoalNode *root, *one, *b;

  g_assert_true (attain_period_parse ("2026-Q1", 1, &q1, NULL));
  tree = attain_goal_tree_load (f->db, &q1, "revenue", &f->today, &error);
  g_assert_no_error (error);
  metrics = attain_metrics_compute (f->db, &company, &q1, &f->today, &error);
  g_assert_no_error (error);
  root = node_of (tree, ATTAIN_SCOPE_UNIT, SMALL_COMPANY);
  one = node_of (tree, ATTAIN_SCOPE_UNIT, SMALL_TEAM_ONE);
  b = node_of (tree, ATTAIN_SCOPE_PERSON, SMALL_PERSON_B);
  g_assert_null (root->goal);
  g_assert_cmpfloat_with_epsilon (root->derived_target, YUAN (210000), 0.5);
  g_assert_cmpfloat_with_epsilon (metrics->values[ATTAIN_METRIC_REVENUE].target,
                                  root->derived_target, 0.5);
  /* Team one is A and B: (40,000 + 20,000) × 3. */
  g_assert_cmpfloat_with_epsilon (one->derived_target, YUAN (180000), 0.5);
  g_assert_cmpfloat_with_epsilon (b->derived_target, YUAN (60000), 0.5);
  g_assert_cmpint (one->children_sum, ==, YUAN (180000));

  /* B's quarter set to ¥100,000 goes to her three months in proportion (equal here), exact to
   * the fen: ¥33,333.34 + ¥33,333.33 + ¥33,333.33; the quarter stays derived. */
  apply (f, attain_goal_tree_spread_over_months (
                f->db, tree, index_of (tree, ATTAIN_SCOPE_PERSON, SMALL_PERSON_B), YUAN (100000),
                &error));
  {
    g_autofree char *targets = NULL;
    sqlite3_stmt    *stmt = attain_db_prepare (
           f->db,
           "SELECT group_concat (target, ' ') FROM (SELECT target FROM goals WHERE owner_person_id "
              "= 2 AND period_kind = 'month' AND metric = 'revenue' ORDER BY period_start)",
           NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    targets = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_reset (stmt);
    g_assert_cmpstr (targets, ==, "3333334 3333333 3333333");
  }
  g_clear_pointer (&tree, attain_goal_tree_free);
  tree = attain_goal_tree_load (f->db, &q1, "revenue", &f->today, &error);
  b = node_of (tree, ATTAIN_SCOPE_PERSON, SMALL_PERSON_B);
  g_assert_null (b->goal);
  g_assert_cmpfloat_with_epsilon (b->derived_target, YUAN (100000), 0.5);
  /* The company's quarter follows: 120,000 + 100,000 + 30,000. */
  g_assert_cmpfloat_with_epsilon (node_of (tree, ATTAIN_SCOPE_UNIT, SMALL_COMPANY)->derived_target,
                                  YUAN (250000), 0.5);

  /* Q2 has no monthly goals: nothing derived. */
  g_clear_pointer (&tree, attain_goal_tree_free);
  g_assert_true (attain_period_parse ("2026-Q2", 1, &q1, NULL));
  tree = attain_goal_tree_load (f->db, &q1, "revenue", &f->today, &error);
  g_assert_true (isnan (node_of (tree, ATTAIN_SCOPE_UNIT, SMALL_COMPANY)->derived_target));
}

static void
test_edit_shows_gap_then_roll_up (Fixture *f, gconstpointer data)
{
  g_autoptr (AttainGoalTree) tree = NULL;
  g_autoptr (AttainGoal) raised = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *warning = NULL;
  AttainGoalEdit  *edit;
  AttainGoalNode  *east, *one;

  plan_company (f);
  tree = load (f, "revenue");
  one = node_of (tree, ATTAIN_SCOPE_UNIT, SMALL_TEAM_ONE);
  raised = attain_goal_copy (one->goal);
  raised->target = YUAN (100000);
  edit = attain_goal_edit_new ("Edit target");
  attain_goal_edit_add (edit, one->goal, raised);
  apply (f, edit);

  /* East: 150,000 against 100,000 + 60,000 → a gap of -10,000. */
  g_clear_pointer (&tree, attain_goal_tree_free);
  tree = load (f, "revenue");
  east = node_of (tree, ATTAIN_SCOPE_UNIT, SMALL_REGION_EAST);
  g_assert_true (east->has_gap);
  g_assert_cmpint (east->gap, ==, -YUAN (10000));

  /* Roll up: East takes its children's 160,000 and warns that the company's 300,000 now
   * differs from East + West = 310,000. */
  edit = attain_goal_tree_roll_up (tree, index_of (tree, ATTAIN_SCOPE_UNIT, SMALL_REGION_EAST),
                                   &warning, &error);
  g_assert_no_error (error);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "¥300,000"));
  g_assert_nonnull (strstr (warning, "¥310,000"));
  apply (f, edit);
  g_clear_pointer (&tree, attain_goal_tree_free);
  tree = load (f, "revenue");
  east = node_of (tree, ATTAIN_SCOPE_UNIT, SMALL_REGION_EAST);
  g_assert_cmpint (east->goal->target, ==, YUAN (160000));
  g_assert_false (east->has_gap);
  g_assert_true (node_of (tree, ATTAIN_SCOPE_UNIT, SMALL_COMPANY)->has_gap);
}

static void
test_undo_redo_and_audit (Fixture *f, gconstpointer data)
{
  g_autoptr (AttainGoalTree) tree = NULL;
  g_autoptr (AttainGoal) raised = NULL;
  g_autoptr (GError) error = NULL;
  AttainGoalEdit *edit;
  gint64          goal_id, audits;

  plan_company (f);
  tree = load (f, "revenue");
  goal_id = node_of (tree, ATTAIN_SCOPE_UNIT, SMALL_TEAM_TWO)->goal->id;
  raised = attain_goal_copy (node_of (tree, ATTAIN_SCOPE_UNIT, SMALL_TEAM_TWO)->goal);
  raised->target = YUAN (70000);
  edit = attain_goal_edit_new ("Edit target");
  attain_goal_edit_add (edit, node_of (tree, ATTAIN_SCOPE_UNIT, SMALL_TEAM_TWO)->goal, raised);
  audits = attain_test_query_int (f->db, "SELECT count(*) FROM audit_log");
  apply (f, edit);

  /* Who, when, old and new, and why. */
  {
    g_autofree char *sql = g_strdup_printf (
        "SELECT count(*) FROM audit_log WHERE entity = 'goal' AND entity_id = %" G_GINT64_FORMAT
        " AND field = 'target' AND old_value = '6000000' "
        "AND new_value = '7000000' AND reason = 'Edit target' AND actor <> '' "
        "AND at LIKE '20%%'",
        goal_id);
    g_assert_cmpint (attain_test_query_int (f->db, sql), ==, 1);
  }
  g_assert_cmpint (attain_test_query_int (f->db, "SELECT count(*) FROM audit_log"), ==, audits + 1);
  g_assert_cmpstr (attain_goal_history_get_undo_label (f->history), ==, "Edit target");

  g_assert_true (attain_goal_history_undo (f->history, &error));
  g_assert_no_error (error);
  g_clear_pointer (&tree, attain_goal_tree_free);
  tree = load (f, "revenue");
  g_assert_cmpint (node_of (tree, ATTAIN_SCOPE_UNIT, SMALL_TEAM_TWO)->goal->target, ==,
                   YUAN (60000));
  g_assert_cmpint (attain_test_query_int (
                       f->db, "SELECT count(*) FROM audit_log WHERE reason = 'Undo: Edit target'"),
                   ==, 1);
  g_assert_cmpstr (attain_goal_history_get_redo_label (f->history), ==, "Edit target");

  g_assert_true (attain_goal_history_redo (f->history, &error));
  g_clear_pointer (&tree, attain_goal_tree_free);
  tree = load (f, "revenue");
  g_assert_cmpint (node_of (tree, ATTAIN_SCOPE_UNIT, SMALL_TEAM_TWO)->goal->target, ==,
                   YUAN (70000));
  g_assert_false (attain_goal_history_redo (f->history, &error));
  g_assert_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_NOTHING_TO_DO);

  /* Undo the whole plan, step by step: no goal is left for 2026. */
  while (attain_goal_history_get_undo_label (f->history) != NULL)
    g_assert_true (attain_goal_history_undo (f->history, NULL));
  g_assert_cmpint (
      attain_test_query_int (
          f->db, "SELECT count(*) FROM goals WHERE period_kind = 'year' AND metric = 'revenue'"),
      ==, 0);
  /* And redo all of it: ids and parents come back as they were. */
  while (attain_goal_history_get_redo_label (f->history) != NULL)
    g_assert_true (attain_goal_history_redo (f->history, NULL));
  g_clear_pointer (&tree, attain_goal_tree_free);
  tree = load (f, "revenue");
  g_assert_cmpint (node_of (tree, ATTAIN_SCOPE_UNIT, SMALL_TEAM_TWO)->goal->id, ==, goal_id);
  g_assert_cmpint (node_of (tree, ATTAIN_SCOPE_UNIT, SMALL_TEAM_TWO)->goal->target, ==,
                   YUAN (70000));
}

static void
test_smart_checks (Fixture *f, gconstpointer data)
{
  g_autoptr (AttainGoalTree) tree = NULL;
  g_autoptr (AttainGoal) high = NULL;
  g_autoptr (AttainGoal) low = NULL;
  AttainGoalEdit  *edit;
  AttainGoalNode  *one, *two;
  g_autofree char *text = NULL;

  plan_company (f);
  tree = load (f, "revenue");
  one = node_of (tree, ATTAIN_SCOPE_UNIT, SMALL_TEAM_ONE);
  two = node_of (tree, ATTAIN_SCOPE_UNIT, SMALL_TEAM_TWO);
  /* 90,000 against last year's 60,000 and 60,000 against 40,000: both within history. */
  g_assert_cmpuint (one->smart, ==, 0);
  g_assert_cmpuint (two->smart, ==, 0);

  /* Team one at 50,000 is below last year's 60,000; Team two at 100,000 is more than twice
   * last year's 40,000 and has lost its deadline. */
  low = attain_goal_copy (one->goal);
  low->target = YUAN (50000);
  high = attain_goal_copy (two->goal);
  high->target = YUAN (100000);
  g_clear_pointer (&high->deadline, g_free);
  edit = attain_goal_edit_new ("Edit");
  attain_goal_edit_add (edit, one->goal, low);
  attain_goal_edit_add (edit, two->goal, high);
  apply (f, edit);

  g_clear_pointer (&tree, attain_goal_tree_free);
  tree = load (f, "revenue");
  one = node_of (tree, ATTAIN_SCOPE_UNIT, SMALL_TEAM_ONE);
  two = node_of (tree, ATTAIN_SCOPE_UNIT, SMALL_TEAM_TWO);
  g_assert_cmpuint (one->smart, ==, ATTAIN_SMART_BELOW_HISTORY);
  g_assert_cmpuint (two->smart, ==, ATTAIN_SMART_ABOVE_HISTORY | ATTAIN_SMART_NO_DEADLINE);
  text = attain_goal_node_smart_text (tree, two);
  g_assert_nonnull (strstr (text, "no deadline"));
  g_assert_nonnull (strstr (text, "more than twice last year's ¥40,000"));
}

static void
test_bad_input_saves_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainGoal) goal = NULL;
  g_autoptr (AttainGoal) second = NULL;
  AttainScope     a = { ATTAIN_SCOPE_PERSON, SMALL_PERSON_A };
  gint64          goals = attain_test_query_int (f->db, "SELECT count(*) FROM goals");
  gint64          audits = attain_test_query_int (f->db, "SELECT count(*) FROM audit_log");
  AttainGoalEdit *edit;

  /* A deadline outside the year. */
  goal = attain_goal_new (&a, "revenue", &f->year);
  goal->has_target = TRUE;
  goal->target = YUAN (100000);
  goal->weight = 6000;
  g_free (goal->deadline);
  goal->deadline = g_strdup ("2027-01-15");
  edit = attain_goal_edit_new ("New goal");
  attain_goal_edit_add (edit, NULL, goal);
  g_assert_false (attain_goal_history_apply (f->history, edit, &error));
  g_assert_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_DEADLINE);
  g_assert_nonnull (strstr (error->message, "2027-01-15 lies outside"));
  g_clear_error (&error);

  /* Weights of A's 2026 goals: 60% + 30% is not 100%. */
  g_free (goal->deadline);
  goal->deadline = g_strdup ("2026-12-31");
  second = attain_goal_new (&a, "collections", &f->year);
  second->has_target = TRUE;
  second->target = YUAN (90000);
  second->weight = 3000;
  edit = attain_goal_edit_new ("New goals");
  attain_goal_edit_add (edit, NULL, goal);
  attain_goal_edit_add (edit, NULL, second);
  g_assert_false (attain_goal_history_apply (f->history, edit, &error));
  g_assert_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_WEIGHTS);
  g_assert_nonnull (strstr (error->message, "90.00%"));
  g_clear_error (&error);

  /* A negative target. */
  goal->target = -1;
  edit = attain_goal_edit_new ("New goal");
  attain_goal_edit_add (edit, NULL, goal);
  g_assert_false (attain_goal_history_apply (f->history, edit, &error));
  g_assert_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_TARGET);
  g_clear_error (&error);

  /* A capability rated 7 of 5. */
  g_clear_pointer (&goal, attain_goal_free);
  goal = attain_goal_new (&a, "negotiation", &f->year);
  goal->has_target = TRUE;
  goal->target = 7;
  edit = attain_goal_edit_new ("New goal");
  attain_goal_edit_add (edit, NULL, goal);
  g_assert_false (attain_goal_history_apply (f->history, edit, &error));
  g_assert_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_TARGET);

  g_assert_cmpint (attain_test_query_int (f->db, "SELECT count(*) FROM goals"), ==, goals);
  g_assert_cmpint (attain_test_query_int (f->db, "SELECT count(*) FROM audit_log"), ==, audits);
  g_assert_null (attain_goal_history_get_undo_label (f->history));

  /* 60% + 40% is fine. */
  g_clear_pointer (&goal, attain_goal_free);
  goal = attain_goal_new (&a, "revenue", &f->year);
  goal->has_target = TRUE;
  goal->target = YUAN (100000);
  goal->weight = 6000;
  second->weight = 4000;
  edit = attain_goal_edit_new ("New goals");
  attain_goal_edit_add (edit, NULL, goal);
  attain_goal_edit_add (edit, NULL, second);
  apply (f, edit);
}

static void
test_split_in_time_keeps_dashboard_targets (Fixture *f, gconstpointer data)
{
  g_autoptr (AttainGoalTree) tree = NULL;
  g_autoptr (AttainGoal) goal = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainMetrics) before = NULL;
  g_autoptr (AttainMetrics) after = NULL;
  g_autoptr (AttainMetrics) rebuilt = NULL;
  AttainScope     a = { ATTAIN_SCOPE_PERSON, SMALL_PERSON_A };
  AttainScope     company = { ATTAIN_SCOPE_UNIT, SMALL_COMPANY };
  AttainPeriod    q1;
  AttainGoalEdit *edit;

  g_assert_true (attain_period_parse ("2026-Q1", 1, &q1, NULL));
  before = attain_metrics_compute (f->db, &company, &q1, &f->today, &error);
  /* A 40,000 + B 20,000 + D 10,000 a month. */
  g_assert_cmpfloat (before->values[ATTAIN_METRIC_REVENUE].target, ==, YUAN (210000));

  goal = attain_goal_new (&a, "revenue", &f->year);
  goal->has_target = TRUE;
  goal->target = YUAN (120000);
  edit = attain_goal_edit_new ("New goal");
  attain_goal_edit_add (edit, NULL, goal);
  apply (f, edit);

  /* A's ¥120,000 a year into months evenly: ¥10,000 each, replacing A's ¥40,000 Q1 months. */
  tree = load (f, "revenue");
  edit = attain_goal_tree_split_in_time (f->db, tree,
                                         index_of (tree, ATTAIN_SCOPE_PERSON, SMALL_PERSON_A),
                                         ATTAIN_PERIOD_MONTH, ATTAIN_SPLIT_EVEN, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attain_goal_edit_get_size (edit), ==, 12);
  apply (f, edit);
  g_assert_cmpint (
      attain_test_query_int (f->db, "SELECT sum(target) FROM goals WHERE owner_person_id = 1 "
                                    "AND period_kind = 'month' AND period_start LIKE '2026-%'"),
      ==, YUAN (120000));

  /* The dashboard's Q1 target follows at once: 30,000 + 60,000 + 30,000. */
  after = attain_metrics_compute (f->db, &company, &q1, &f->today, &error);
  g_assert_cmpfloat (after->values[ATTAIN_METRIC_REVENUE].target, ==, YUAN (120000));
  /* The incremental update equals a full rebuild. */
  g_assert_true (attain_rollup_rebuild (f->db, &error));
  rebuilt = attain_metrics_compute (f->db, &company, &q1, &f->today, &error);
  g_assert_cmpfloat (rebuilt->values[ATTAIN_METRIC_REVENUE].target, ==, YUAN (120000));

  /* Undo brings A's ¥40,000 months back, and the dashboard with them. */
  g_assert_true (attain_goal_history_undo (f->history, &error));
  g_clear_pointer (&after, attain_metrics_free);
  after = attain_metrics_compute (f->db, &company, &q1, &f->today, &error);
  g_assert_cmpfloat (after->values[ATTAIN_METRIC_REVENUE].target, ==, YUAN (210000));
}

static void
test_split_by_season (Fixture *f, gconstpointer data)
{
  g_autoptr (AttainGoalTree) tree = NULL;
  g_autoptr (GError) error = NULL;
  AttainGoalEdit *edit;

  plan_company (f);
  tree = load (f, "revenue");
  /* The company won ¥40,000 in February 2025 and ¥60,000 in March: ¥300,000 → 120,000 and
   * 180,000, nothing in the other quarters' months. By quarter: all in Q1. */
  edit = attain_goal_tree_split_in_time (f->db, tree, 0, ATTAIN_PERIOD_MONTH,
                                         ATTAIN_SPLIT_LAST_YEAR, &error);
  g_assert_no_error (error);
  apply (f, edit);
  g_assert_cmpint (attain_test_query_int (
                       f->db,
                       "SELECT target FROM goals WHERE owner_unit_id = 1 AND metric = 'revenue' "
                       "AND period_kind = 'month' AND period_start = '2026-02-01'"),
                   ==, YUAN (120000));
  g_assert_cmpint (attain_test_query_int (
                       f->db,
                       "SELECT target FROM goals WHERE owner_unit_id = 1 AND metric = 'revenue' "
                       "AND period_kind = 'month' AND period_start = '2026-03-01'"),
                   ==, YUAN (180000));
  g_assert_cmpint (
      attain_test_query_int (
          f->db, "SELECT sum(target) FROM goals WHERE owner_unit_id = 1 AND metric = 'revenue' "
                 "AND period_kind = 'month'"),
      ==, YUAN (300000));

  /* West had nothing last year: no seasons to split by. */
  g_assert_null (attain_goal_tree_split_in_time (
      f->db, tree, index_of (tree, ATTAIN_SCOPE_UNIT, SMALL_REGION_WEST), ATTAIN_PERIOD_QUARTER,
      ATTAIN_SPLIT_LAST_YEAR, &error));
  g_assert_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_SPLIT);
}

static void
test_raise_and_copy (Fixture *f, gconstpointer data)
{
  g_autoptr (AttainGoalTree) tree = NULL;
  g_autoptr (GError) error = NULL;

  plan_company (f);
  tree = load (f, "revenue");
  /* +10%: 330,000; 165,000 per region; East's teams 99,000 and 66,000, still adding up. */
  apply (f, attain_goal_tree_raise (tree, 0, 10, &error));
  g_clear_pointer (&tree, attain_goal_tree_free);
  tree = load (f, "revenue");
  g_assert_cmpint (node_of (tree, ATTAIN_SCOPE_UNIT, SMALL_COMPANY)->goal->target, ==,
                   YUAN (330000));
  g_assert_cmpint (node_of (tree, ATTAIN_SCOPE_UNIT, SMALL_REGION_WEST)->goal->target, ==,
                   YUAN (165000));
  g_assert_cmpint (node_of (tree, ATTAIN_SCOPE_UNIT, SMALL_TEAM_ONE)->goal->target, ==,
                   YUAN (99000));
  g_assert_cmpint (node_of (tree, ATTAIN_SCOPE_UNIT, SMALL_TEAM_TWO)->goal->target, ==,
                   YUAN (66000));
  g_assert_false (node_of (tree, ATTAIN_SCOPE_UNIT, SMALL_REGION_EAST)->has_gap);

  /* Next year starts from this one: five goals copied with their tree, not yet agreed. */
  g_assert_true (attain_period_parse ("2027", 1, &f->year, NULL));
  g_clear_pointer (&tree, attain_goal_tree_free);
  tree = load (f, "revenue");
  apply (f, attain_goal_tree_copy_last_year (f->db, f->history, tree, &error));
  g_clear_pointer (&tree, attain_goal_tree_free);
  tree = load (f, "revenue");
  g_assert_cmpint (node_of (tree, ATTAIN_SCOPE_UNIT, SMALL_TEAM_TWO)->goal->target, ==,
                   YUAN (66000));
  g_assert_cmpstr (node_of (tree, ATTAIN_SCOPE_UNIT, SMALL_TEAM_TWO)->goal->deadline, ==,
                   "2027-12-31");
  g_assert_cmpint (node_of (tree, ATTAIN_SCOPE_UNIT, SMALL_TEAM_TWO)->goal->parent_id, ==,
                   node_of (tree, ATTAIN_SCOPE_UNIT, SMALL_REGION_EAST)->goal->id);
  g_assert_cmpint (node_of (tree, ATTAIN_SCOPE_UNIT, SMALL_COMPANY)->children_sum, ==,
                   YUAN (330000));
  /* Copying again has nothing left to do. */
  g_assert_null (attain_goal_tree_copy_last_year (f->db, f->history, tree, &error));
  g_assert_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_NOTHING_TO_DO);
}

static void
test_capability_ratings (Fixture *f, gconstpointer data)
{
  g_autoptr (AttainGoalTree) tree = NULL;
  g_autoptr (AttainGoal) goal = NULL;
  AttainScope     b = { ATTAIN_SCOPE_PERSON, SMALL_PERSON_B };
  AttainGoalEdit *edit;
  AttainGoalNode *node;

  /* B is expected at level 4 in negotiation and was rated 3: 75%. */
  goal = attain_goal_new (&b, "negotiation", &f->year);
  g_assert_cmpstr (goal->type, ==, "capability");
  goal->has_target = TRUE;
  goal->target = 4;
  goal->rating = 3;
  edit = attain_goal_edit_new ("Rate");
  attain_goal_edit_add (edit, NULL, goal);
  apply (f, edit);
  tree = load (f, "negotiation");
  node = node_of (tree, ATTAIN_SCOPE_PERSON, SMALL_PERSON_B);
  g_assert_cmpfloat (node->actual, ==, 3);
  g_assert_cmpfloat_with_epsilon (node->attainment, 0.75, 1e-9);
}

/* Two windows (two connections) on one file set the same person's March target. The second to
 * save was made from a row that has changed since: it is refused with a sentence, the first
 * value stays, and every summary still equals what the goals add up to (attain-cli check). */
static void
test_two_writers (Fixture *f, gconstpointer data)
{
  g_autofree char *path = attain_test_db_path (f->dir, "goals.db");
  g_autoptr (GError) error = NULL;
  AttainDb          *other = attain_db_open (path, &error);
  AttainGoalHistory *other_history = attain_goal_history_new (other);
  const char        *where = "owner_person_id = 1 AND metric = 'revenue' AND period_kind = 'month' "
                             "AND period_start = '2026-03-01'";
  g_autoptr (GPtrArray) mine = attain_goals_query (f->db, where, NULL, NULL, NULL, &error);
  g_autoptr (GPtrArray) theirs = attain_goals_query (other, where, NULL, NULL, NULL, &error);
  g_autoptr (AttainGoal) my_change = NULL;
  g_autoptr (AttainGoal) their_change = NULL;
  AttainGoalEdit *edit;
  guint64         different = 99;

  g_assert_no_error (error);
  g_assert_cmpuint (mine->len, ==, 1);
  g_assert_cmpuint (theirs->len, ==, 1);
  their_change = attain_goal_copy (g_ptr_array_index (theirs, 0));
  their_change->target = YUAN (50000);
  edit = attain_goal_edit_new ("Edit target");
  attain_goal_edit_add (edit, g_ptr_array_index (theirs, 0), their_change);
  g_assert_true (attain_goal_history_apply (other_history, edit, &error));
  g_assert_no_error (error);

  my_change = attain_goal_copy (g_ptr_array_index (mine, 0));
  my_change->target = YUAN (45000);
  edit = attain_goal_edit_new ("Edit target");
  attain_goal_edit_add (edit, g_ptr_array_index (mine, 0), my_change);
  g_assert_false (attain_goal_history_apply (f->history, edit, &error));
  g_assert_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_CHANGED);
  g_assert_nonnull (strstr (error->message, "changed elsewhere"));
  g_clear_error (&error);

  g_assert_cmpint (attain_test_query_int (f->db,
                                          "SELECT target FROM goals WHERE owner_person_id = 1 AND "
                                          "metric = 'revenue' AND period_kind = 'month' AND "
                                          "period_start = '2026-03-01'"),
                   ==, YUAN (50000));
  /* The company's March target is the sum of its people's: 50,000 + 20,000 + 10,000. */
  g_assert_cmpint (attain_test_query_int (f->db,
                                          "SELECT target FROM month_goals WHERE scope_kind = 0 AND "
                                          "scope_id = 1 AND metric = 'revenue' AND month = 202603"),
                   ==, YUAN (80000));
  g_assert_true (attain_rollup_check (f->db, FALSE, NULL, &different, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (different, ==, 0);

  /* The other window's undo still applies: the row on disk is what it wrote. */
  g_assert_true (attain_goal_history_undo (other_history, &error));
  g_assert_no_error (error);
  g_assert_true (attain_rollup_check (f->db, FALSE, NULL, &different, &error));
  g_assert_cmpuint (different, ==, 0);
  attain_goal_history_free (other_history);
  attain_db_close (other);
}

/* The goal form showed the stored codes "CNY" and "director" to a Chinese reader; they read as
 * 元 and 销售总监, and a form saved unchanged stores the codes again. */
static void
test_words_in_readers_language (void)
{
  const char *dir = g_getenv ("ATTAIN_LOCALEDIR");

  if (dir == NULL)
    {
      g_test_skip ("ATTAIN_LOCALEDIR is not set");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, dir);
  attain_i18n_push (attain_catalogue_get ("zh_CN"));
  g_assert_cmpstr (attain_goal_word_label ("CNY"), ==, "元");
  g_assert_cmpstr (attain_goal_word_label ("director"), ==, "销售总监");
  g_assert_cmpstr (attain_goal_word_code ("元"), ==, "CNY");
  g_assert_cmpstr (attain_goal_word_code ("销售总监"), ==, "director");
  /* Anything else is the user's own word, kept as typed. */
  g_assert_cmpstr (attain_goal_word_label ("台"), ==, "台");
  g_assert_cmpstr (attain_goal_word_code ("王总"), ==, "王总");
  attain_i18n_pop ();
  attain_i18n_push (attain_catalogue_get ("zh_TW"));
  g_assert_cmpstr (attain_goal_word_label ("director"), ==, "銷售總監");
  attain_i18n_pop ();
}

/* Parts rounded to ¥1,000 with the total exact: ¥1,000,000.01 in three is ¥334,000.01 +
 * ¥333,000 + ¥333,000 (whole thousands by largest remainder, the odd fen to the largest part). */
static void
test_split_rounding (void)
{
  gint64 parts[3];

  attain_split_even (100000001, 3, parts);
  g_assert_cmpint (parts[0], ==, 33333334);
  attain_split_round (parts, 3, 100000);
  g_assert_cmpint (parts[0], ==, 33400001);
  g_assert_cmpint (parts[1], ==, 33300000);
  g_assert_cmpint (parts[2], ==, 33300000);
  /* By last year's shares 3:1 of ¥100,000 in ¥10,000s: ¥75,000 is not a multiple, so 8 and 2
   * tens of thousands (7.5 rounds up first by remainder, ties to the first). */
  {
    const double weights[] = { 3, 1 };
    gint64       two[2];
    g_assert_true (attain_split_by_weights (10000000, weights, 2, two));
    attain_split_round (two, 2, 1000000);
    g_assert_cmpint (two[0], ==, 8000000);
    g_assert_cmpint (two[1], ==, 2000000);
  }
}

/* East and West had agreed their shares; splitting the company again changes them, so they go
 * back to proposed and the edit says which were agreed. */
static void
test_split_reopens_agreed_goals (Fixture *f, gconstpointer data)
{
  g_autoptr (AttainGoalTree) tree = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reopened = NULL;
  AttainGoalEdit *edit;

  plan_company (f);
  g_assert_true (attain_db_exec (
      f->db, "UPDATE goals SET agreed_on = '2026-01-05' WHERE owner_unit_id IN (2, 5)", &error));
  g_assert_no_error (error);
  tree = load (f, "revenue");
  /* ¥300,000 evenly is ¥150,000 each, as now: nothing changes, nothing is reopened. */
  edit = attain_goal_tree_split_children (tree, 0, ATTAIN_SPLIT_EVEN, NULL, 1, &error);
  g_assert_nonnull (edit);
  reopened = attain_goal_edit_reopened (edit);
  g_assert_cmpuint (reopened->len, ==, 0);
  g_clear_pointer (&reopened, g_ptr_array_unref);
  attain_goal_edit_free (edit);

  /* Raised by 10%, both agreed shares change: both are reopened. */
  edit = attain_goal_tree_raise (tree, 0, 10, &error);
  reopened = attain_goal_edit_reopened (edit);
  g_assert_cmpuint (reopened->len, ==, 2);
  apply (f, edit);
  g_assert_cmpint (attain_test_query_int (f->db, "SELECT count(*) FROM goals WHERE owner_unit_id "
                                                 "IN (2, 5) AND agreed_on IS NULL AND target = "
                                                 "16500000"),
                   ==, 2);
}

/* Collection rate in the goal tree: the company's own 90% goal; Team one 80% and Team two 95%
 * set here; East has none, so it is planned at its teams' rates weighted by their revenue
 * (Team one ¥150,000, Team two nothing in 2026): 80%, not the plain mean 87.5%. Actuals are
 * ratios of sums: the company collected ¥90,000 of ¥150,000, 60%. Rates are never summed. */
static void
test_rate_targets (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainGoalTree) tree = NULL;
  const AttainGoalMetric *rate = attain_goal_metric_lookup ("collection_rate");
  const AttainGoalMetric *nps = attain_goal_metric_lookup ("nps");
  AttainGoalNode         *company, *east, *one;
  gint64                  value = 0;

  g_assert_nonnull (rate);
  g_assert_true (attain_goal_parse_value (rate, "87.5%", &value, &error));
  g_assert_cmpint (value, ==, 8750);
  g_assert_true (attain_goal_parse_value (rate, "90", &value, &error));
  g_assert_cmpint (value, ==, 9000);
  g_assert_false (attain_goal_parse_value (rate, "很多", &value, &error));
  g_assert_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_TARGET);
  g_clear_error (&error);
  g_assert_false (attain_goal_parse_value (rate, "1200%", &value, &error));
  g_clear_error (&error);
  g_assert_true (attain_goal_parse_value (nps, "-5", &value, &error));
  g_assert_cmpint (value, ==, -500);
  g_assert_false (attain_goal_parse_value (nps, "150", &value, &error));
  g_clear_error (&error);

  g_assert_true (attain_db_exec (
      f->db,
      "INSERT INTO goals (owner_unit_id, metric, type, target, unit, period_kind, period_start, "
      "period_end) VALUES (3, 'collection_rate', 'result', 8000, '%', 'year', '2026-01-01', "
      "'2026-12-31'), (4, 'collection_rate', 'result', 9500, '%', 'year', '2026-01-01', "
      "'2026-12-31')",
      &error));
  tree = load (f, "collection_rate");
  company = node_of (tree, ATTAIN_SCOPE_UNIT, SMALL_COMPANY);
  east = node_of (tree, ATTAIN_SCOPE_UNIT, SMALL_REGION_EAST);
  one = node_of (tree, ATTAIN_SCOPE_UNIT, SMALL_TEAM_ONE);
  g_assert_cmpint (company->goal->target, ==, 9000);
  g_assert_cmpfloat_with_epsilon (company->actual, 6000, 1e-6);
  g_assert_cmpfloat_with_epsilon (company->attainment, 6000.0 / 9000.0, 1e-9);
  g_assert_false (company->has_gap);
  g_assert_null (east->goal);
  g_assert_cmpfloat_with_epsilon (east->derived_target, 8000, 1e-6);
  g_assert_cmpfloat_with_epsilon (one->attainment, 0.75, 1e-9);
  {
    g_autofree char *text = attain_goal_tree_format (tree, east->derived_target);
    g_assert_cmpstr (text, ==, "80.0%");
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  attain_number_style_override (ATTAIN_NUMBER_STYLE_WESTERN);
  g_test_add_func ("/goals/words-in-the-readers-language", test_words_in_readers_language);
  g_test_add_func ("/goals/splits-are-exact", test_splits_are_exact);
  g_test_add_func ("/goals/split-rounding", test_split_rounding);
  g_test_add_func ("/goals/manual-split-remainder", test_manual_split_remainder);
  g_test_add_func ("/goals/parse-target", test_parse_target);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/goals/two-writers", test_two_writers);
  ADD ("/goals/split-reopens-agreed-goals", test_split_reopens_agreed_goals);
  ADD ("/goals/quarter-targets-from-months", test_quarter_targets_from_months);
  ADD ("/goals/rate-targets", test_rate_targets);
  ADD ("/goals/tree-sums-and-attainment", test_tree_sums_and_attainment);
  ADD ("/goals/edit-shows-gap-then-roll-up", test_edit_shows_gap_then_roll_up);
  ADD ("/goals/undo-redo-and-audit", test_undo_redo_and_audit);
  ADD ("/goals/smart-checks", test_smart_checks);
  ADD ("/goals/bad-input-saves-nothing", test_bad_input_saves_nothing);
  ADD ("/goals/split-in-time-keeps-dashboard-targets", test_split_in_time_keeps_dashboard_targets);
  ADD ("/goals/split-by-season", test_split_by_season);
  ADD ("/goals/raise-and-copy", test_raise_and_copy);
  ADD ("/goals/capability-ratings", test_capability_ratings);
  return g_test_run ();
}

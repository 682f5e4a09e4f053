/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Scoring rules at and around their edges, composites with parts missing, rating bands and
 * exact weights; every expectation is worked out by hand. */
#include "attain-test-util.h"
#include "model/attain-cycle.h"
#include "model/attain-history.h"
#include "model/attain-rating-grid.h"
#include "model/attain-self-assessment.h"
#include "model/attain-sheet.h"
#include "model/attain-feedback.h"
#include "model/attain-lock-exception.h"
#include "model/attain-review-sheet.h"
#include "model/attain-rollup.h"
#include "model/attain-review.h"
#include "model/attain-scorecard.h"
#include "model/attain-settings.h"
#include "report/attain-document.h"
#include "report/attain-review-report.h"

#include <glib/gstdio.h>
#include <math.h>
#include <xlsxwriter.h>
#include <string.h>

#define EPS 1e-9

static void
test_linear_and_floor (void)
{
  AttainScoreRule rule;

  attain_score_rule_init (&rule, ATTAIN_RULE_LINEAR);
  g_assert_cmpfloat_with_epsilon (attain_score_rule_apply (&rule, 1.11, NAN), 111.0, EPS);
  g_assert_cmpfloat_with_epsilon (attain_score_rule_apply (&rule, 1.20, NAN), 120.0, EPS);
  g_assert_cmpfloat_with_epsilon (attain_score_rule_apply (&rule, 1.30, NAN), 120.0, EPS);
  g_assert_cmpfloat_with_epsilon (attain_score_rule_apply (&rule, NAN, NAN), 0.0, EPS);
  g_assert_cmpfloat_with_epsilon (attain_score_rule_apply (&rule, 0.0, NAN), 0.0, EPS);

  /* 0 below 80%, at 80% exactly the line scores 80. */
  attain_score_rule_init (&rule, ATTAIN_RULE_FLOOR);
  g_assert_cmpfloat_with_epsilon (attain_score_rule_apply (&rule, 0.7999, NAN), 0.0, EPS);
  g_assert_cmpfloat_with_epsilon (attain_score_rule_apply (&rule, 0.80, NAN), 80.0, EPS);
  g_assert_cmpfloat_with_epsilon (attain_score_rule_apply (&rule, 1.25, NAN), 120.0, EPS);
}

/* The seed's bands: below 80% nothing, linear to 100%, then half a point per point, cap 130. */
static void
test_bands (void)
{
  AttainScoreRule rule;

  attain_score_rule_init (&rule, ATTAIN_RULE_BANDS);
  g_assert_cmpint (rule.cap, ==, 13000);
  g_assert_cmpfloat_with_epsilon (attain_score_rule_apply (&rule, 0.79, NAN), 0.0, EPS);
  g_assert_cmpfloat_with_epsilon (attain_score_rule_apply (&rule, 0.80, NAN), 80.0, EPS);
  g_assert_cmpfloat_with_epsilon (attain_score_rule_apply (&rule, 1.00, NAN), 100.0, EPS);
  /* 120%: 100 + 0.5 × 20 = 110. */
  g_assert_cmpfloat_with_epsilon (attain_score_rule_apply (&rule, 1.20, NAN), 110.0, EPS);
  /* 160%: 100 + 0.5 × 60 = 130, the cap; 180% stays at 130. */
  g_assert_cmpfloat_with_epsilon (attain_score_rule_apply (&rule, 1.60, NAN), 130.0, EPS);
  g_assert_cmpfloat_with_epsilon (attain_score_rule_apply (&rule, 1.80, NAN), 130.0, EPS);
  /* A lower-is-better line at zero beats its target without limit: the rule's highest score. */
  {
    AttainScoreRule linear, flat;
    attain_score_rule_init (&linear, ATTAIN_RULE_LINEAR);
    g_assert_cmpfloat_with_epsilon (attain_score_rule_apply (&linear, INFINITY, NAN), 120, EPS);
    g_assert_cmpfloat_with_epsilon (attain_score_rule_apply (&rule, INFINITY, NAN), 130, EPS);
    flat = rule;
    flat.band_slope = 0;
    g_assert_cmpfloat_with_epsilon (attain_score_rule_apply (&flat, INFINITY, NAN), 100, EPS);
  }
}

/* NPS scores on points against its target: 23.1 points short is 76.9. */
static void
test_points (void)
{
  AttainScoreRule rule;

  attain_score_rule_init (&rule, ATTAIN_RULE_POINTS);
  g_assert_cmpfloat_with_epsilon (attain_score_rule_apply (&rule, NAN, -23.1), 76.9, 1e-9);
  g_assert_cmpfloat_with_epsilon (attain_score_rule_apply (&rule, NAN, 30), 120.0, EPS);
  g_assert_cmpfloat_with_epsilon (attain_score_rule_apply (&rule, NAN, -150), 0.0, EPS);
  g_assert_cmpfloat_with_epsilon (attain_score_rule_apply (&rule, NAN, NAN), 0.0, EPS);
}

/* KPI 105.1 at 70%, no MBO (20%), 360 at 90 (10%): (105.1 × 70 + 90 × 10) / 80 = 103.2125,
 * over the 80% present. Nothing present: no composite. */
static void
test_composite_renormalises (void)
{
  const double scores[] = { 105.1, NAN, 90 };
  const int    weights[] = { 7000, 2000, 1000 };
  const double none[] = { NAN, NAN, NAN };
  int          present = 0;

  g_assert_cmpfloat_with_epsilon (attain_composite (scores, weights, 3, &present), 103.2125, EPS);
  g_assert_cmpint (present, ==, 8000);
  g_assert_true (isnan (attain_composite (none, weights, 3, &present)));
  g_assert_cmpint (present, ==, 0);
}

static void
test_weights_are_exact (void)
{
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (attain_parse_weight ("0.75", &error), ==, 75);
  g_assert_cmpint (attain_parse_weight ("99.25%", &error), ==, 9925);
  g_assert_cmpint (attain_parse_weight ("0.75", NULL) + attain_parse_weight ("99.25", NULL), ==,
                   10000);
  g_assert_cmpint (attain_parse_weight ("60", &error), ==, 6000);
  g_assert_cmpint (attain_parse_weight ("0.750", &error), ==, 75);
  g_assert_cmpint (attain_parse_weight ("100", &error), ==, 10000);
  g_assert_no_error (error);
  g_assert_cmpint (attain_parse_weight ("0.755", &error), ==, -1);
  g_assert_error (error, ATTAIN_SCORECARD_ERROR, ATTAIN_SCORECARD_ERROR_WEIGHTS);
  g_clear_error (&error);
  g_assert_cmpint (attain_parse_weight ("101", NULL), ==, -1);
  g_assert_cmpint (attain_parse_weight ("百分之六十", NULL), ==, -1);
  g_assert_cmpint (attain_parse_weight ("", NULL), ==, -1);
}

typedef struct
{
  char     *dir;
  AttainDb *db;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *path = NULL;

  f->dir = attain_test_make_tmp_dir ();
  path = attain_test_db_path (f->dir, "scorecard.db");
  f->db = attain_test_small_company (path);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_pointer (&f->db, attain_db_close);
  attain_test_rm_rf (f->dir);
  g_free (f->dir);
}

static AttainScorecard *
sales_card (int revenue_weight, int collections_weight)
{
  AttainScorecard *card = attain_scorecard_new ("Sales");
  AttainScoreRule  linear;

  attain_score_rule_init (&linear, ATTAIN_RULE_LINEAR);
  card->kpi_weight = 7000;
  card->mbo_weight = 2000;
  card->feedback_weight = 1000;
  attain_scorecard_add_line (card, "revenue", revenue_weight, &linear);
  attain_scorecard_add_line (card, "collections", collections_weight, &linear);
  return card;
}

/* Weights that do not total 100% are refused with the total; a capability is not a KPI; a
 * saved card gets a new version each time and the one before is retired, not changed. */
static void
test_save_and_versions (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainScorecard) short_card = sales_card (6000, 3000);
  g_autoptr (AttainScorecard) card = sales_card (6000, 4000);
  g_autoptr (AttainScorecard) again = sales_card (5000, 5000);
  g_autoptr (AttainScorecard) loaded = NULL;
  g_autoptr (AttainScorecard) skill = sales_card (6000, 4000);
  AttainPeriod    q1;
  AttainScoreRule linear;
  gint64          first, second;

  g_assert_cmpint (attain_scorecard_save (f->db, short_card, &error), ==, 0);
  g_assert_error (error, ATTAIN_SCORECARD_ERROR, ATTAIN_SCORECARD_ERROR_WEIGHTS);
  g_assert_nonnull (strstr (error->message, "90%"));
  g_clear_error (&error);
  attain_score_rule_init (&linear, ATTAIN_RULE_LINEAR);
  attain_scorecard_add_line (skill, "negotiation", 0, &linear);
  g_assert_cmpint (attain_scorecard_save (f->db, skill, &error), ==, 0);
  g_assert_error (error, ATTAIN_SCORECARD_ERROR, ATTAIN_SCORECARD_ERROR_METRIC);
  g_clear_error (&error);
  g_assert_cmpint (attain_test_query_int (f->db, "SELECT count(*) FROM scorecards"), ==, 0);

  first = attain_scorecard_save (f->db, card, &error);
  g_assert_no_error (error);
  second = attain_scorecard_save (f->db, again, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->version, ==, 2);
  {
    g_autofree char *sql
        = g_strdup_printf ("SELECT retired FROM scorecards WHERE id = %" G_GINT64_FORMAT, first);
    g_assert_cmpint (attain_test_query_int (f->db, sql), ==, 1);
  }
  loaded = attain_scorecard_load (f->db, second, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->lines->len, ==, 2);
  g_assert_cmpint (g_array_index (loaded->lines, AttainScorecardLine, 0).weight, ==, 5000);

  /* Person A (no cycle) is scored on the current version for every position. */
  g_assert_true (attain_period_parse ("2026-Q1", 1, &q1, NULL));
  g_clear_pointer (&loaded, attain_scorecard_free);
  loaded = attain_scorecard_for_person (f->db, SMALL_PERSON_A, &q1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->id, ==, second);

  /* A version a cycle uses cannot change, even with raw SQL. */
  g_assert_true (attain_db_exec (
      f->db,
      "INSERT INTO review_cycles (id, name, period_kind, period_start, period_end) VALUES "
      "(1, 'Q1', 'quarter', '2026-01-01', '2026-03-31');"
      "INSERT INTO cycle_members (cycle_id, person_id, scorecard_id) VALUES (1, 1, 1)",
      &error));
  g_assert_false (
      attain_db_exec (f->db, "UPDATE scorecard_lines SET weight = 1 WHERE scorecard_id = 1", NULL));
  g_assert_false (attain_db_exec (f->db, "DELETE FROM scorecards WHERE id = 1", NULL));
  /* The cycle keeps the version it started with. */
  g_clear_pointer (&loaded, attain_scorecard_free);
  loaded = attain_scorecard_for_person (f->db, SMALL_PERSON_A, &q1, &error);
  g_assert_cmpint (loaded->id, ==, first);
}

static void
test_rating_bands (Fixture *f, gconstpointer data)
{
  /* Defaults: S from 110, A from 100, B from 85, C from 70, D below. */
  g_assert_cmpstr (attain_rating_for (f->db, 110), ==, "S");
  g_assert_cmpstr (attain_rating_for (f->db, 109.99), ==, "A");
  g_assert_cmpstr (attain_rating_for (f->db, 100), ==, "A");
  g_assert_cmpstr (attain_rating_for (f->db, 85), ==, "B");
  g_assert_cmpstr (attain_rating_for (f->db, 84.99), ==, "C");
  g_assert_cmpstr (attain_rating_for (f->db, 70), ==, "C");
  g_assert_cmpstr (attain_rating_for (f->db, 69.99), ==, "D");
  g_assert_null (attain_rating_for (f->db, NAN));
  /* Thresholds are settings: S from 120. */
  g_assert_true (attain_db_set_setting (f->db, "rating_s", "12000", NULL));
  g_assert_cmpstr (attain_rating_for (f->db, 115), ==, "A");

  /* Through Settings: the bands stay in order, the 360 threshold stays within 3-10. */
  {
    g_autoptr (GError) error = NULL;
    g_assert_false (attain_settings_set_int (f->db, "rating_a", 12500, &error));
    g_assert_nonnull (strstr (error->message, "S ≥ A ≥ B ≥ C"));
    g_clear_error (&error);
    g_assert_cmpint (attain_db_get_setting_int (f->db, "rating_a", 0), ==, 10000);
    g_assert_true (attain_settings_set_int (f->db, "rating_a", 11500, &error));
    g_assert_cmpstr (attain_rating_for (f->db, 115), ==, "A");
    g_assert_cmpstr (attain_rating_for (f->db, 114.99), ==, "B");
    g_assert_false (attain_settings_set_int (f->db, "feedback_min_group", 2, &error));
    g_clear_error (&error);
    g_assert_true (attain_settings_set_int (f->db, "feedback_min_group", 5, &error));
    g_assert_true (attain_settings_set_int (f->db, "review_due_days", 45, &error));
    g_assert_false (attain_settings_set_int (f->db, "calibration_top_max", 101, &error));
  }
}

/* A on a scorecard of one KPI line, revenue in bands, KPI 80% and MBO 20%: Q1 2026 revenue
 * ¥150,000 against her monthly goals ¥120,000 is 125%, 100 + 0.5 × 25 = 112.5. Without a rating
 * the composite is the KPI part alone (renormalised over the 80% present): 112.5, S. With a
 * capability rated 4, MBO is (4 − 1) × 25 = 75 and the composite 112.5 × 0.8 + 75 × 0.2 = 105,
 * A. The cycle's JSON says the same. */
static void
test_evaluate_person (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainScorecard) card = attain_scorecard_new ("Reps");
  g_autoptr (AttainMetrics) metrics = NULL;
  g_autoptr (GArray) lines = NULL;
  g_autoptr (JsonNode) json = NULL;
  AttainScope      a = { ATTAIN_SCOPE_PERSON, SMALL_PERSON_A };
  AttainScoreRule  bands;
  AttainEvaluation e;
  AttainPeriod     q1;
  GDate            today;
  gint64           cycle;

  attain_test_date (&today, "2026-11-23");
  g_assert_true (attain_period_parse ("2026-Q1", 1, &q1, NULL));
  attain_score_rule_init (&bands, ATTAIN_RULE_BANDS);
  card->kpi_weight = 8000;
  card->mbo_weight = 2000;
  attain_scorecard_add_line (card, "revenue", 10000, &bands);
  g_assert_cmpint (attain_scorecard_save (f->db, card, &error), >, 0);
  metrics = attain_metrics_compute (f->db, &a, &q1, &today, &error);
  g_assert_no_error (error);

  g_assert_true (attain_review_evaluate (f->db, SMALL_PERSON_A, &q1, metrics, &lines, &e, &error));
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (g_array_index (lines, AttainReviewLine, 0).score, 112.5, EPS);
  g_assert_true (isnan (e.mbo));
  g_assert_cmpint (e.weight_present, ==, 8000);
  g_assert_cmpfloat_with_epsilon (e.composite, 112.5, EPS);
  g_assert_cmpstr (e.rating, ==, "S");
  {
    g_autofree char *formula
        = attain_review_line_formula (&g_array_index (lines, AttainReviewLine, 0), metrics);
    g_assert_cmpstr (formula, ==,
                     "Revenue: 125.0% → 0 below 80%, linear to 100%, then 0.5 × excess, cap 130 → "
                     "112.5 × 100.0% = 112.5");
  }
  attain_evaluation_clear (&e);
  g_clear_pointer (&lines, g_array_unref);

  g_assert_true (attain_db_exec (
      f->db,
      "INSERT INTO goals (owner_person_id, metric, type, target, unit, period_kind, period_start, "
      "period_end, rating) VALUES (1, 'negotiation', 'capability', 4, 'rating', 'quarter', "
      "'2026-01-01', '2026-03-31', 4)",
      &error));
  g_assert_true (attain_review_evaluate (f->db, SMALL_PERSON_A, &q1, metrics, &lines, &e, &error));
  g_assert_cmpfloat_with_epsilon (e.mbo, 75, EPS);
  g_assert_cmpfloat_with_epsilon (e.composite, 105, EPS);
  g_assert_cmpstr (e.rating, ==, "A");
  attain_evaluation_clear (&e);

  /* A cycle of the company: everyone in it, scored the same way. */
  cycle = attain_cycle_start (f->db, "Q1", &q1, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (attain_test_query_int (f->db, "SELECT count(*) FROM cycle_members"), ==, 3);
  json = attain_cycle_scores_to_json (f->db, cycle, &today, &error);
  g_assert_no_error (error);
  {
    JsonArray  *people = json_object_get_array_member (json_node_get_object (json), "people");
    JsonObject *first = json_array_get_object_element (people, 0);
    g_assert_cmpint (json_object_get_int_member (first, "person"), ==, SMALL_PERSON_A);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (first, "composite"), 105, EPS);
    g_assert_cmpstr (json_object_get_string_member (first, "rating"), ==, "A");
  }
  /* B and D won nothing in Q1: 0 points, D. One A of three is 33% in the top bands, above the
   * 30% guideline; calibrated down to B (with its reason) the cycle is within it. */
  {
    JsonObject *d = json_object_get_object_member (json_node_get_object (json), "distribution");
    g_assert_cmpint (json_object_get_int_member (d, "A"), ==, 1);
    g_assert_cmpint (json_object_get_int_member (d, "D"), ==, 2);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (d, "top_share"), 1.0 / 3, EPS);
    g_assert_false (json_object_get_boolean_member (d, "within_guideline"));
  }
  g_assert_false (attain_cycle_calibrate (f->db, cycle, SMALL_PERSON_A, "B", " ", "A", &error));
  g_assert_error (error, ATTAIN_CYCLE_ERROR, ATTAIN_CYCLE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (attain_cycle_calibrate (f->db, cycle, SMALL_PERSON_A, "E", "理由", "A", &error));
  g_clear_error (&error);
  g_assert_true (attain_cycle_calibrate (f->db, cycle, SMALL_PERSON_A, "B",
                                         "与同组对比，回款质量不及预期", "A", &error));
  g_assert_no_error (error);
  g_assert_false (attain_db_exec (f->db, "DELETE FROM calibrations", NULL));
  g_clear_pointer (&json, json_node_unref);
  json = attain_cycle_scores_to_json (f->db, cycle, &today, &error);
  {
    JsonObject *root = json_node_get_object (json);
    JsonObject *d = json_object_get_object_member (root, "distribution");
    JsonObject *first
        = json_array_get_object_element (json_object_get_array_member (root, "people"), 0);
    g_assert_cmpstr (json_object_get_string_member (first, "rating"), ==, "B");
    g_assert_cmpstr (json_object_get_string_member (first, "rating_computed"), ==, "A");
    g_assert_cmpint (json_object_get_int_member (d, "A"), ==, 0);
    g_assert_true (json_object_get_boolean_member (d, "within_guideline"));
  }

  /* No name, no cycle. */
  g_assert_cmpint (attain_cycle_start (f->db, " ", &q1, 0, &error), ==, 0);
  g_assert_error (error, ATTAIN_CYCLE_ERROR, ATTAIN_CYCLE_ERROR_INVALID);
}

static char *
file_text (const char *path)
{
  char *bytes = NULL;
  gsize length = 0;
  if (!g_file_get_contents (path, &bytes, &length, NULL))
    return g_strdup ("");
  /* NULs to spaces, so strstr runs over the whole file. */
  for (gsize i = 0; i < length; i++)
    if (bytes[i] == '\0')
      bytes[i] = ' ';
  return bytes;
}

static guint
count_of (const char *haystack, const char *needle)
{
  guint n = 0;
  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* A's 360: her superior (all 4s), three named peers (all 3s) and two subordinates (all 5s, one
 * group too small to show) answer with unique markers in their comments. Released only once
 * closed; the score is over the groups shown: (75 × 40% + 50 × 25%) / 65% = 65.38, the
 * subordinates' 15% left out and said so. No rater's name appears with any answer: not in the
 * results, the cycle's JSON or the progress; and in the database file each marker is stored once
 * (no pending copy survives the close). A late answer reopens the collection. */
static void
test_feedback_anonymity (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *csv = g_build_filename (f->dir, "survey.csv", NULL);
  g_autofree char *late = g_build_filename (f->dir, "late.csv", NULL);
  g_autofree char *db_path = attain_test_db_path (f->dir, "scorecard.db");
  g_autoptr (GString) rows
      = g_string_new ("被评人,关系,答题码,S1,S2,S3,C1,C2,C3,P1,P2,P3,R1,R2,R3,评语\n");
  const char *peers[] = { "PeerZhangMARK1", "PeerLiMARK2", "PeerWangMARK3", "PeerLateMARK4" };
  const char *subs[] = { "SubChenMARK5", "SubZhouMARK6" };
  char       *codes[8] = { NULL };
  AttainFeedbackResult result;
  AttainPeriod         q1;
  GDate                today;
  gint64               cycle;
  guint                n = 0;
  gboolean             reopened = FALSE;

  attain_test_date (&today, "2026-11-23");
  g_assert_true (attain_period_parse ("2026-Q1", 1, &q1, NULL));
  cycle = attain_cycle_start (f->db, "Q1", &q1, 0, &error);
  g_assert_no_error (error);
  codes[0] = attain_feedback_assign (f->db, cycle, SMALL_PERSON_A, ATTAIN_RATER_SUPERIOR,
                                     "BossMARK0", &error);
  for (guint i = 0; i < 4; i++)
    codes[1 + i] = attain_feedback_assign (f->db, cycle, SMALL_PERSON_A, ATTAIN_RATER_PEER,
                                           peers[i], &error);
  for (guint i = 0; i < 2; i++)
    codes[5 + i] = attain_feedback_assign (f->db, cycle, SMALL_PERSON_A, ATTAIN_RATER_SUBORDINATE,
                                           subs[i], &error);
  g_assert_no_error (error);

  g_string_append_printf (rows, "A,上级,%s,4,4,4,4,4,4,4,4,4,4,4,4,COMMENT-BOSS\n", codes[0]);
  for (guint i = 0; i < 3; i++)
    g_string_append_printf (rows, "A,同事,%s,3,3,3,3,3,3,3,3,3,3,3,3,COMMENT-PEER-%u\n",
                            codes[1 + i], i);
  for (guint i = 0; i < 2; i++)
    g_string_append_printf (rows, "A,下属,%s,5,5,5,5,5,5,5,5,5,5,5,5,COMMENT-SUB-%u\n",
                            codes[5 + i], i);
  g_assert_true (g_file_set_contents (csv, rows->str, -1, NULL));

  /* A wrong relation for a code is refused, and nothing at all is kept. */
  {
    g_autofree char *bad = g_build_filename (f->dir, "bad.csv", NULL);
    g_autofree char *text
        = g_strdup_printf ("被评人,关系,答题码,S1\nA,同事,%s,3\nA,下属,%s,9\n", codes[1], codes[5]);
    g_assert_true (g_file_set_contents (bad, text, -1, NULL));
    g_assert_false (attain_feedback_import (f->db, cycle, bad, &n, &reopened, &error));
    g_assert_nonnull (strstr (error->message, "Line 3, column 4"));
    g_clear_error (&error);
    g_assert_cmpint (attain_test_query_int (f->db, "SELECT count(*) FROM feedback_pending"), ==, 0);
    g_assert_cmpint (attain_test_query_int (f->db, "SELECT sum(used) FROM feedback_raters"), ==, 0);
  }

  g_assert_true (attain_feedback_import (f->db, cycle, csv, &n, &reopened, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 6);
  /* Not released while open. */
  g_assert_true (attain_feedback_result (f->db, cycle, SMALL_PERSON_A, &result, &error));
  g_assert_false (result.released);
  g_assert_true (isnan (result.score));
  attain_feedback_result_clear (&result);

  g_assert_true (attain_feedback_close (f->db, cycle, &error));
  g_assert_cmpint (attain_test_query_int (f->db, "SELECT count(*) FROM feedback_pending"), ==, 0);
  g_assert_true (attain_feedback_result (f->db, cycle, SMALL_PERSON_A, &result, &error));
  g_assert_true (result.released);
  g_assert_cmpuint (result.groups[ATTAIN_RATER_PEER].n_answers, ==, 3);
  g_assert_true (result.groups[ATTAIN_RATER_PEER].shown);
  g_assert_cmpfloat_with_epsilon (result.groups[ATTAIN_RATER_PEER].means[0], 3, EPS);
  g_assert_false (result.groups[ATTAIN_RATER_SUBORDINATE].shown);
  g_assert_cmpuint (result.groups[ATTAIN_RATER_SUBORDINATE].n_answers, ==, 0);
  g_assert_cmpfloat_with_epsilon (result.score, (75.0 * 4000 + 50.0 * 2500) / 6500, 1e-9);
  g_assert_true (result.renormalised);
  g_assert_cmpuint (result.comments->len, ==, 4);
  for (guint i = 0; i < result.comments->len; i++)
    g_assert_null (strstr (g_ptr_array_index (result.comments, i), "COMMENT-SUB"));
  attain_feedback_result_clear (&result);

  /* Everything Attain says about the cycle: no rater's name, no subordinate's answer. */
  {
    g_autoptr (JsonNode) scores = attain_cycle_scores_to_json (f->db, cycle, &today, &error);
    g_autoptr (JsonNode) progress = attain_feedback_progress_to_json (f->db, cycle, &error);
    g_autofree char *scores_text = json_to_string (scores, FALSE);
    g_autofree char *progress_text = json_to_string (progress, FALSE);
    g_assert_no_error (error);
    for (guint i = 0; i < 4; i++)
      g_assert_null (strstr (scores_text, peers[i]));
    g_assert_null (strstr (scores_text, "BossMARK0"));
    g_assert_null (strstr (scores_text, "COMMENT-SUB"));
    g_assert_null (strstr (scores_text, "subordinate"));
    g_assert_nonnull (strstr (scores_text, "COMMENT-PEER-1"));
    /* The progress names only who has not answered: the late peer. */
    g_assert_nonnull (strstr (progress_text, "PeerLateMARK4"));
    g_assert_null (strstr (progress_text, "PeerZhangMARK1"));
    g_assert_null (strstr (progress_text, "COMMENT"));
  }
  /* The printed review: the shown groups' means and comments, nothing of the subordinates,
   * nobody's name but the person's. */
  {
    g_autoptr (GPtrArray) documents
        = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_document_free);
    g_autofree char *pdf = g_build_filename (f->dir, "a.pdf", NULL);
    g_autofree char *text = NULL;
    const char      *argv[] = { "pdftotext", pdf, "-", NULL };
    int              status = 0;
    AttainDocument  *document
        = attain_review_report_build (f->db, SMALL_PERSON_A, &q1, &today, "en", &error);
    g_assert_no_error (error);
    g_ptr_array_add (documents, document);
    g_assert_true (attain_documents_write_pdf (documents, pdf, "A", &error));
    if (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, &text, NULL, &status, NULL)
        && status == 0)
      {
        g_assert_nonnull (strstr (text, "Sales skills"));
        g_assert_nonnull (strstr (text, "Peers"));
        g_assert_nonnull (strstr (text, "COMMENT-PEER-2"));
        g_assert_null (strstr (text, "Subordinates"));
        g_assert_null (strstr (text, "COMMENT-SUB"));
        for (guint i = 0; i < 4; i++)
          g_assert_null (strstr (text, peers[i]));
        g_assert_null (strstr (text, "BossMARK0"));
      }
  }
  /* The file itself: each answer once, in the table without any rater. */
  g_assert_true (attain_db_exec (f->db, "PRAGMA wal_checkpoint (TRUNCATE)", NULL));
  {
    g_autofree char *bytes = file_text (db_path);
    g_autofree char *wal_path = g_strconcat (db_path, "-wal", NULL);
    g_autofree char *wal = file_text (wal_path);
    g_assert_cmpuint (count_of (bytes, "COMMENT-PEER-0") + count_of (wal, "COMMENT-PEER-0"), ==, 1);
    g_assert_cmpuint (count_of (bytes, "COMMENT-SUB-1") + count_of (wal, "COMMENT-SUB-1"), ==, 1);
  }

  /* The fourth peer answers late: the collection reopens and releases nothing until closed. */
  {
    g_autofree char *text = g_strdup_printf ("被评人,关系,答题码,S1\nA,同事,%s,2\n", codes[4]);
    g_assert_true (g_file_set_contents (late, text, -1, NULL));
    g_assert_true (attain_feedback_import (f->db, cycle, late, &n, &reopened, &error));
    g_assert_true (reopened);
    g_assert_true (attain_feedback_result (f->db, cycle, SMALL_PERSON_A, &result, &error));
    g_assert_false (result.released);
    attain_feedback_result_clear (&result);
    /* A used code does not answer twice. */
    g_assert_false (attain_feedback_import (f->db, cycle, late, &n, &reopened, &error));
    g_assert_error (error, ATTAIN_FEEDBACK_ERROR, ATTAIN_FEEDBACK_ERROR_FILE);
  }
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    g_free (codes[i]);
}

/* An appeal: only against a signed-off review, due 15 calendar days (or 15 working days) after
 * the employee received the report; upheld, it reopens the review through the audited permit
 * (raw SQL cannot), the decision stays as it was decided, and the re-signed report says it was
 * revised after the appeal. */
static void
test_appeal_reopens (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainReview) review = NULL;
  AttainPeriod q1;
  GDate        today, received, deadline;
  gint64       appeal;

  attain_test_date (&today, "2026-04-20");
  attain_test_date (&received, "2026-04-10"); /* a Friday */
  attain_appeal_deadline (&received, 15, FALSE, &deadline);
  {
    g_autofree char *iso = attain_date_to_iso (&deadline);
    g_assert_cmpstr (iso, ==, "2026-04-25");
  }
  attain_appeal_deadline (&received, 15, TRUE, &deadline);
  {
    g_autofree char *iso = attain_date_to_iso (&deadline);
    g_assert_cmpstr (iso, ==, "2026-05-01");
  }

  g_assert_true (attain_period_parse ("2026-Q1", 1, &q1, NULL));
  review = attain_review_open (f->db, SMALL_PERSON_A, &q1, &error);
  g_assert_no_error (error);
  g_assert_true (attain_review_set_field (f->db, review, "reviewer", "王经理", &error));
  g_assert_true (attain_review_set_field (f->db, review, "interview_on", "2026-04-08", &error));
  g_assert_true (attain_review_set_field (f->db, review, "strengths", "客户关系稳固", &error));
  /* Not signed off yet: nothing to appeal. */
  g_assert_cmpint (
      attain_appeal_record (f->db, review->id, &received, "分数不公", NULL, FALSE, &today, &error),
      ==, 0);
  g_assert_error (error, ATTAIN_REVIEW_ERROR, ATTAIN_REVIEW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (attain_review_sign_off (f->db, review, &today, &error));
  g_assert_no_error (error);

  /* No reason, no appeal. */
  g_assert_cmpint (
      attain_appeal_record (f->db, review->id, &received, "  ", NULL, FALSE, &today, &error), ==,
      0);
  g_clear_error (&error);
  appeal = attain_appeal_record (f->db, review->id, &received, "回款额统计漏了 3 月到账的一笔",
                                 "HR 李", FALSE, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (appeal, >, 0);
  g_assert_cmpint (attain_appeals_overdue (f->db, &today, &error), ==, 0);
  {
    GDate later;
    attain_test_date (&later, "2026-04-26");
    g_assert_cmpint (attain_appeals_overdue (f->db, &later, &error), ==, 1);
  }
  /* The lock holds against raw SQL: only the upheld appeal's permit reopens it. */
  g_assert_false (attain_db_exec (f->db, "UPDATE reviews SET signed_off_at = NULL", NULL));
  g_assert_false (attain_db_exec (f->db, "DELETE FROM reviews", NULL));
  g_assert_false (attain_appeal_decide (f->db, appeal, TRUE, "", &today, &error));
  g_clear_error (&error);
  g_assert_true (
      attain_appeal_decide (f->db, appeal, TRUE, "核实后确有遗漏，重新评分", &today, &error));
  g_assert_no_error (error);
  g_assert_cmpint (attain_test_query_int (f->db, "SELECT signed_off_at IS NULL FROM reviews"), ==,
                   1);
  g_assert_cmpint (attain_test_query_int (f->db, "SELECT count(*) FROM audit_log WHERE field = "
                                                 "'appeal'"),
                   ==, 2);
  /* Decided is decided. */
  g_assert_false (attain_appeal_decide (f->db, appeal, FALSE, "改判", &today, &error));
  g_clear_error (&error);
  g_assert_false (attain_db_exec (f->db, "UPDATE appeals SET outcome = 'rejected'", NULL));
  g_assert_false (attain_db_exec (f->db, "DELETE FROM appeals", NULL));

  /* Changed and signed again: the report says it was revised after the appeal. */
  g_clear_pointer (&review, attain_review_free);
  review = attain_review_open (f->db, SMALL_PERSON_A, &q1, &error);
  g_assert_cmpstr (review->revised_after_appeal_on, ==, "2026-04-20");
  g_assert_true (
      attain_review_set_field (f->db, review, "strengths", "客户关系稳固，回款及时", &error));
  g_assert_true (attain_review_sign_off (f->db, review, &today, &error));
  g_assert_no_error (error);
  {
    g_autoptr (GPtrArray) documents
        = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_document_free);
    g_autofree char *pdf = g_build_filename (f->dir, "appeal.pdf", NULL);
    g_autofree char *text = NULL;
    const char      *argv[] = { "pdftotext", pdf, "-", NULL };
    int              status = 0;
    g_ptr_array_add (documents,
                     attain_review_report_build (f->db, SMALL_PERSON_A, &q1, &today, "en", &error));
    g_assert_no_error (error);
    g_assert_true (attain_documents_write_pdf (documents, pdf, "A", &error));
    if (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, &text, NULL, &status, NULL)
        && status == 0)
      {
        /* Words may wrap in the header's field column: compare without white space. */
        g_autoptr (GString) flat = g_string_new (NULL);
        for (const char *p = text; *p != '\0'; p++)
          if (!g_ascii_isspace (*p))
            g_string_append_c (flat, *p);
        g_assert_nonnull (strstr (flat->str, "revisedafterappealon2026-04-20"));
      }
  }
}

/* Sign-off keeps what the report printed: A's Q1 revenue was ¥150,000; a deal won in March and
 * imported afterwards (¥50,000) changes today's figures, not the signed review's, and the sheet
 * says the data changed since. The kept figures cannot be changed or removed with SQL. */
static void
test_signed_figures_are_kept (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainReview) review = NULL;
  g_autoptr (AttainReviewSheet) sheet = NULL;
  AttainPeriod q1;
  GDate        today;

  attain_test_date (&today, "2026-04-20");
  g_assert_true (attain_period_parse ("2026-Q1", 1, &q1, NULL));
  review = attain_review_open (f->db, SMALL_PERSON_A, &q1, &error);
  g_assert_true (attain_review_set_field (f->db, review, "reviewer", "王经理", &error));
  g_assert_true (attain_review_set_field (f->db, review, "interview_on", "2026-04-08", &error));
  g_assert_true (attain_review_sign_off (f->db, review, &today, &error));
  g_assert_no_error (error);
  g_assert_cmpint (attain_test_query_int (f->db, "SELECT count(*) FROM review_snapshots"), ==, 1);

  g_assert_true (attain_db_begin (f->db, NULL));
  g_assert_true (attain_db_exec (
      f->db,
      "INSERT INTO deals (id, owner_id, customer_id, stage_id, status, amount, gross_profit, "
      "created_on, closed_on) VALUES (99, 1, 1, (SELECT id FROM stages WHERE key = 'won'), "
      "'won', 5000000, 0, '2026-03-01', '2026-03-20')",
      &error));
  g_assert_true (attain_rollup_rebuild (f->db, &error));
  g_assert_true (attain_db_commit (f->db, &error));

  sheet = attain_review_sheet_load (f->db, SMALL_PERSON_A, &q1, &today, &error);
  g_assert_no_error (error);
  g_assert_true (sheet->from_sign_off);
  g_assert_true (sheet->changed_since_sign_off);
  g_assert_cmpfloat_with_epsilon (sheet->dashboard->metrics->values[ATTAIN_METRIC_REVENUE].value,
                                  15000000, 0.5);
  g_assert_false (attain_db_exec (f->db, "UPDATE review_snapshots SET figures = '{}'", NULL));
  g_assert_false (attain_db_exec (f->db, "DELETE FROM review_snapshots", NULL));
}

/* Every change of a review's text is in the audit log with the text before (as on disk), the
 * text after and who; a write refused by compare-and-set leaves no trace and changes nothing. */
static void
test_review_changes_are_audited (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainReview) review = NULL;
  AttainPeriod  q1;
  sqlite3_stmt *stmt;
  const char   *expected[][2]
      = { { NULL, "稳固" }, { "稳固", "稳固，回款及时" }, { "稳固，回款及时", NULL } };
  guint n = 0;

  g_assert_true (attain_period_parse ("2026-Q1", 1, &q1, NULL));
  review = attain_review_open (f->db, SMALL_PERSON_A, &q1, &error);
  g_assert_no_error (error);
  g_assert_true (attain_review_set_field (f->db, review, "strengths", "稳固", &error));
  g_assert_true (attain_review_set_field (f->db, review, "strengths", "稳固，回款及时", &error));
  /* Saved over a text that is not the one on disk: refused. */
  g_assert_false (
      attain_review_set_field_over (f->db, review, "strengths", "别的文字", "覆盖", &error));
  g_assert_error (error, ATTAIN_REVIEW_ERROR, ATTAIN_REVIEW_ERROR_CHANGED);
  g_clear_error (&error);
  g_assert_true (attain_review_set_field (f->db, review, "strengths", "", &error));

  stmt = attain_db_prepare_uncached (f->db,
                                     "SELECT old_value, new_value, actor FROM audit_log WHERE "
                                     "entity = 'review' AND field = 'strengths' ORDER BY id",
                                     NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_assert_cmpuint (n, <, G_N_ELEMENTS (expected));
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, expected[n][0]);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, expected[n][1]);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, g_get_user_name ());
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n, ==, 3);
}

/* A person's history: the signed review with the composite and rating it was signed with, the
 * calibration move with its reason, a review still in draft, newest first. */
static void
test_person_history (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainReview) review = NULL;
  g_autoptr (AttainReview) draft = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autofree char *q1_label = NULL, *q2_label = NULL, *signed_title = NULL, *draft_title = NULL;
  AttainPeriod     q1, q2;
  GDate            today;
  gint64           cycle;

  attain_test_date (&today, "2026-04-20");
  g_assert_true (attain_period_parse ("2026-Q1", 1, &q1, NULL));
  g_assert_true (attain_period_parse ("2026-Q2", 1, &q2, NULL));
  /* The scorecard of /scorecard/evaluate-person: 125% of the revenue goal scores 112.5, S. */
  {
    g_autoptr (AttainScorecard) card = attain_scorecard_new ("Reps");
    AttainScoreRule bands;
    attain_score_rule_init (&bands, ATTAIN_RULE_BANDS);
    attain_scorecard_add_line (card, "revenue", 10000, &bands);
    g_assert_cmpint (attain_scorecard_save (f->db, card, &error), >, 0);
  }
  q1_label = attain_period_to_label (&q1);
  q2_label = attain_period_to_label (&q2);
  review = attain_review_open (f->db, SMALL_PERSON_A, &q1, &error);
  g_assert_true (attain_review_set_field (f->db, review, "reviewer", "王经理", &error));
  g_assert_true (attain_review_set_field (f->db, review, "interview_on", "2026-04-08", &error));
  g_assert_true (attain_review_sign_off (f->db, review, &today, &error));
  draft = attain_review_open (f->db, SMALL_PERSON_A, &q2, &error);
  g_assert_no_error (error);
  cycle = attain_cycle_start (f->db, "2026 Q1", &q1, 0, &error);
  g_assert_cmpint (cycle, >, 0);
  g_assert_true (
      attain_cycle_calibrate (f->db, cycle, SMALL_PERSON_A, "A", "大客户续约", "B", &error));

  history = attain_person_history (f->db, SMALL_PERSON_A, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);

  /* Newest first: the calibration (stamped when it was made, today's clock), the draft (dated by
   * its period's end, 2026-06-30), the review signed on 2026-04-20. */
  draft_title = g_strdup_printf ("Review of %s", q2_label);
  signed_title = g_strdup_printf ("Review of %s", q1_label);
  g_assert_cmpint (((AttainHistoryEntry *) history->pdata[0])->kind, ==,
                   ATTAIN_HISTORY_CALIBRATION);
  g_assert_cmpstr (((AttainHistoryEntry *) history->pdata[0])->title, ==,
                   "Calibrated in “2026 Q1”");
  g_assert_nonnull (
      strstr (((AttainHistoryEntry *) history->pdata[0])->detail, "B → A: 大客户续约 (by "));
  g_assert_cmpstr (((AttainHistoryEntry *) history->pdata[1])->title, ==, draft_title);
  g_assert_cmpstr (((AttainHistoryEntry *) history->pdata[1])->date, ==, "2026-06-30");
  g_assert_cmpstr (((AttainHistoryEntry *) history->pdata[1])->detail, ==,
                   "Draft: no interview yet");
  g_assert_cmpstr (((AttainHistoryEntry *) history->pdata[2])->title, ==, signed_title);
  g_assert_cmpstr (((AttainHistoryEntry *) history->pdata[2])->detail, ==,
                   "Signed off on 2026-04-20 · 112.5 points · rating S · reviewer 王经理");
}

/* The rating grid's save: several ratings in one undoable edit on the capability goals (made
 * when missing), becoming the MBO part as (r − 1) × 25, and the comments on the reviews (audited),
 * in one transaction; compare-and-set against what the grid showed, ratings and comments alike;
 * a rating outside 1-5 refuses everything. */
static void
test_capability_ratings (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainGoalHistory) history = attain_goal_history_new (f->db);
  g_autoptr (GHashTable) ratings = NULL;
  g_autoptr (AttainMetrics) metrics = NULL;
  g_autoptr (GArray) lines = NULL;
  AttainScope                  a = { ATTAIN_SCOPE_PERSON, SMALL_PERSON_A };
  AttainEvaluation             e;
  AttainPeriod                 q1;
  GDate                        today;
  g_autofree char             *key = g_strdup_printf ("%d:product_knowledge", SMALL_PERSON_A);
  const AttainCapabilityRating first[]
      = { { SMALL_PERSON_A, "product_knowledge", 4, 0 }, { SMALL_PERSON_A, "negotiation", 3, 0 } };
  const AttainCapabilityRating stale[] = { { SMALL_PERSON_A, "product_knowledge", 5, 0 } };
  const AttainCapabilityRating bad[]
      = { { SMALL_PERSON_A, "negotiation", 2, 3 }, { SMALL_PERSON_A, "product_knowledge", 6, 4 } };
  const AttainCapabilityRating lower[] = { { SMALL_PERSON_A, "negotiation", 2, 3 } };
  const AttainRatingComment    comment[] = { { SMALL_PERSON_A, NULL, "谈判进步明显" } };
  const AttainRatingComment    stale_comment[] = { { SMALL_PERSON_A, NULL, "另一个评语" } };
  const AttainRatingComment    next[]
      = { { SMALL_PERSON_A, "谈判进步明显", "谈判与产品知识均有进步" } };
  g_autoptr (GHashTable) comments = NULL;

  attain_test_date (&today, "2026-04-20");
  g_assert_true (attain_period_parse ("2026-Q1", 1, &q1, NULL));
  g_assert_true (
      attain_capability_ratings_save (history, f->db, &q1, first, 2, comment, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (attain_test_query_int (f->db, "SELECT rating_comment = '谈判进步明显' FROM "
                                                 "reviews WHERE person_id = 1 AND period_start = "
                                                 "'2026-01-01'"),
                   ==, 1);
  g_assert_cmpint (attain_test_query_int (f->db, "SELECT count (*) FROM audit_log WHERE field = "
                                                 "'rating_comment' AND new_value = '谈判进步明显'"),
                   ==, 1);
  g_assert_cmpint (attain_test_query_int (f->db, "SELECT count (*) FROM goals WHERE type = "
                                                 "'capability' AND rating IS NOT NULL"),
                   ==, 2);
  ratings = attain_capability_ratings (f->db, &q1, &error);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (ratings, key)), ==, 4);

  /* (4 − 1) × 25 = 75 and (3 − 1) × 25 = 50, unweighted: 62.5. */
  metrics = attain_metrics_compute (f->db, &a, &q1, &today, &error);
  g_assert_true (attain_review_evaluate (f->db, SMALL_PERSON_A, &q1, metrics, &lines, &e, &error));
  g_assert_cmpfloat_with_epsilon (e.mbo, 62.5, EPS);
  attain_evaluation_clear (&e);

  /* The grid showed no rating, but 4 is on disk now: refused, 4 stays. */
  g_assert_false (attain_capability_ratings_save (history, f->db, &q1, stale, 1, NULL, 0, &error));
  g_assert_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_CHANGED);
  g_clear_error (&error);
  /* 6 is not a rating: the negotiation change before it is not saved either. */
  g_assert_false (attain_capability_ratings_save (history, f->db, &q1, bad, 2, NULL, 0, &error));
  g_assert_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_RATING);
  g_clear_error (&error);
  g_assert_cmpint (attain_test_query_int (f->db, "SELECT rating FROM goals WHERE metric = "
                                                 "'negotiation' AND type = 'capability'"),
                   ==, 3);
  /* A comment the grid showed as empty while another window wrote one: refused, and the rating
   * change saved with it is not kept either (one transaction). */
  g_assert_false (
      attain_capability_ratings_save (history, f->db, &q1, lower, 1, stale_comment, 1, &error));
  g_assert_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_CHANGED);
  g_assert_nonnull (strstr (error->message, "A’s comment was changed elsewhere"));
  g_clear_error (&error);
  g_assert_cmpint (attain_test_query_int (f->db, "SELECT rating FROM goals WHERE metric = "
                                                 "'negotiation' AND type = 'capability'"),
                   ==, 3);
  /* A comment alone, from the text on disk. */
  g_assert_true (attain_capability_ratings_save (history, f->db, &q1, NULL, 0, next, 1, &error));
  comments = attain_rating_comments (f->db, &q1, &error);
  g_assert_cmpstr (g_hash_table_lookup (comments, &(gint64){ SMALL_PERSON_A }), ==,
                   "谈判与产品知识均有进步");

  /* One edit: one undo takes both ratings back. */
  g_assert_true (attain_goal_history_undo (history, &error));
  g_assert_cmpint (attain_test_query_int (f->db, "SELECT count (*) FROM goals WHERE type = "
                                                 "'capability' AND rating IS NOT NULL"),
                   ==, 0);
}

/* What Excel leaves after a salesperson filled in the form: the form's hidden keys in column J,
 * the ratings in B, the text in A. */
static void
write_filled_form (const char *path, const char *key, const char *product, const char *text)
{
  lxw_workbook  *workbook = workbook_new (path);
  lxw_worksheet *ws = workbook_add_worksheet (workbook, NULL);

  worksheet_write_string (ws, 0, 0, "自我评估", NULL);
  worksheet_write_string (ws, 0, 9, key, NULL);
  worksheet_write_string (ws, 10, 0, "产品知识", NULL);
  if (g_ascii_isdigit (product[0]))
    worksheet_write_number (ws, 10, 1, g_ascii_strtod (product, NULL), NULL);
  else
    worksheet_write_string (ws, 10, 1, product, NULL);
  worksheet_write_string (ws, 10, 9, "rating:product_knowledge", NULL);
  worksheet_write_string (ws, 11, 0, "谈判能力", NULL);
  worksheet_write_number (ws, 11, 1, 3, NULL);
  worksheet_write_string (ws, 11, 9, "rating:negotiation", NULL);
  worksheet_write_string (ws, 14, 0, text, NULL);
  worksheet_write_string (ws, 14, 9, "text", NULL);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
}

/* The self-assessment form: exported per person (0600, the results in it, a key the import
 * reads), filled ratings and text come back into the review in one go, a rating outside 1-5
 * names its row and imports nothing, a signed-off review refuses it. */
static void
test_self_assessment (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainReview) review = NULL;
  g_autoptr (GHashTable) ratings = NULL;
  g_autoptr (AttainSheet) form = NULL;
  g_autofree char *exported = g_build_filename (f->dir, "forms", NULL);
  g_autofree char *filled = g_build_filename (f->dir, "filled.xlsx", NULL);
  g_autofree char *who = NULL;
  g_autofree char *key = g_strdup_printf ("attain-self-assessment/1/%d/2026-Q1", SMALL_PERSON_A);
  AttainPeriod     q1;
  GDate            today;
  GStatBuf         st;

  attain_test_date (&today, "2026-04-20");
  g_assert_true (attain_period_parse ("2026-Q1", 1, &q1, NULL));
  g_assert_true (
      attain_self_assessment_write_into (f->db, SMALL_PERSON_A, &q1, &today, exported, &error));
  g_assert_no_error (error);
  {
    g_autoptr (GDir) folder = g_dir_open (exported, 0, NULL);
    const char      *name = g_dir_read_name (folder);
    g_autofree char *file = g_build_filename (exported, name, NULL);
    g_assert_true (g_str_has_prefix (name, "self-assessment-2026-Q1-"));
    g_assert_true (g_str_has_suffix (name, ".xlsx"));
    g_assert_cmpint (g_stat (file, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    form = attain_xlsx_read (file, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (attain_sheet_cell (form, 0, 9), ==, key);
    /* Unfilled, it imports as nothing given. */
    g_assert_true (attain_self_assessment_import (f->db, file, NULL, &error));
    g_assert_no_error (error);
  }

  write_filled_form (filled, key, "7", "客户拓展顺利");
  g_assert_false (attain_self_assessment_import (f->db, filled, NULL, &error));
  g_assert_nonnull (strstr (error->message, "Row 11"));
  g_assert_nonnull (strstr (error->message, "“7”"));
  g_clear_error (&error);
  g_assert_cmpint (attain_test_query_int (f->db, "SELECT count (*) FROM self_ratings"), ==, 0);

  write_filled_form (filled, key, "4", "客户拓展顺利，回款需加强");
  g_assert_true (attain_self_assessment_import (f->db, filled, &who, &error));
  g_assert_no_error (error);
  g_assert_nonnull (who);
  review = attain_review_find (f->db, SMALL_PERSON_A, &q1, &error);
  g_assert_cmpstr (review->self_review, ==, "客户拓展顺利，回款需加强");
  ratings = attain_self_ratings (f->db, review->id, &error);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (ratings, "product_knowledge")), ==, 4);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (ratings, "negotiation")), ==, 3);

  /* A file that is not such a form. */
  write_filled_form (filled, "something else", "4", "x");
  g_assert_false (attain_self_assessment_import (f->db, filled, NULL, &error));
  g_assert_nonnull (strstr (error->message, "is not a self-assessment form"));
  g_clear_error (&error);

  /* Signed off: locked, in the model and in the schema. */
  g_assert_true (attain_review_set_field (f->db, review, "reviewer", "王经理", &error));
  g_assert_true (attain_review_set_field (f->db, review, "interview_on", "2026-04-08", &error));
  g_assert_true (attain_review_sign_off (f->db, review, &today, &error));
  write_filled_form (filled, key, "2", "改掉");
  g_assert_false (attain_self_assessment_import (f->db, filled, NULL, &error));
  g_assert_error (error, ATTAIN_REVIEW_ERROR, ATTAIN_REVIEW_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (attain_db_exec (f->db, "UPDATE self_ratings SET rating = 1", NULL));
  g_assert_false (attain_db_exec (f->db, "DELETE FROM self_ratings", NULL));
  g_assert_cmpint (attain_test_query_int (f->db, "SELECT sum (rating) FROM self_ratings"), ==, 7);
}

/* A paper questionnaire typed in under its code joins the waiting answers without anything
 * that links it to the rater; a code used, unknown, or a rating outside 1-5 saves nothing. */
static void
test_feedback_typed_in (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *code = NULL;
  AttainPeriod     q1;
  gboolean         reopened = FALSE;
  gint64           cycle;
  int              ratings[ATTAIN_FEEDBACK_N_DIMENSIONS * ATTAIN_FEEDBACK_QUESTIONS_PER_DIMENSION];

  g_assert_true (attain_period_parse ("2026-Q1", 1, &q1, NULL));
  cycle = attain_cycle_start (f->db, "Q1", &q1, 0, &error);
  code = attain_feedback_assign (f->db, cycle, SMALL_PERSON_A, ATTAIN_RATER_PEER, "PaperPeerMARK",
                                 &error);
  g_assert_no_error (error);
  for (guint q = 0; q < G_N_ELEMENTS (ratings); q++)
    ratings[q] = 4;
  ratings[5] = 7;
  g_assert_false (
      attain_feedback_enter (f->db, cycle, code, ratings, "纸质问卷", &reopened, &error));
  g_assert_nonnull (strstr (error->message, "C3: 7 is not a rating"));
  g_clear_error (&error);
  ratings[5] = 0; /* not ticked */
  g_assert_false (
      attain_feedback_enter (f->db, cycle, "NOSUCHCODE", ratings, NULL, &reopened, &error));
  g_clear_error (&error);
  g_assert_cmpint (attain_test_query_int (f->db, "SELECT count (*) FROM feedback_pending"), ==, 0);

  g_assert_true (
      attain_feedback_enter (f->db, cycle, code, ratings, "纸质问卷", &reopened, &error));
  g_assert_no_error (error);
  g_assert_cmpint (attain_test_query_int (f->db, "SELECT count (*) FROM feedback_pending WHERE "
                                                 "comment = '纸质问卷' AND scores NOT LIKE "
                                                 "'%customer_3%'"),
                   ==, 1);
  g_assert_cmpint (attain_test_query_int (f->db, "SELECT used FROM feedback_raters"), ==, 1);
  /* Nothing of the rater goes with the answer. */
  g_assert_cmpint (attain_test_query_int (f->db, "SELECT count (*) FROM feedback_pending WHERE "
                                                 "scores LIKE '%MARK%' OR comment LIKE '%MARK%'"),
                   ==, 0);
  /* Typed in twice: the code has answered. */
  g_assert_false (attain_feedback_enter (f->db, cycle, code, ratings, NULL, &reopened, &error));
  g_assert_nonnull (strstr (error->message, "has answered already"));
}

/* A cycle is due 30 days after its period (Settings): a member not signed off by then is late. */
static void
test_cycle_due (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) before = NULL;
  g_autoptr (JsonNode) after = NULL;
  AttainPeriod q1;
  GDate        april, may;
  gint64       cycle;
  JsonArray   *people;

  attain_test_date (&april, "2026-04-30");
  attain_test_date (&may, "2026-05-01");
  g_assert_true (attain_period_parse ("2026-Q1", 1, &q1, NULL));
  cycle = attain_cycle_start (f->db, "Q1", &q1, 0, &error);
  g_assert_no_error (error);
  before = attain_cycle_scores_to_json (f->db, cycle, &april, &error);
  after = attain_cycle_scores_to_json (f->db, cycle, &may, &error);
  g_assert_no_error (error);
  /* 2026-03-31 + 30 days. */
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (after), "due_on"), ==,
                   "2026-04-30");
  people = json_object_get_array_member (json_node_get_object (before), "people");
  g_assert_cmpuint (json_array_get_length (people), >, 0);
  for (guint i = 0; i < json_array_get_length (people); i++)
    g_assert_false (
        json_object_get_boolean_member (json_array_get_object_element (people, i), "late"));
  people = json_object_get_array_member (json_node_get_object (after), "people");
  for (guint i = 0; i < json_array_get_length (people); i++)
    g_assert_true (
        json_object_get_boolean_member (json_array_get_object_element (people, i), "late"));
}

/* MBO objectives: A's own Q1 goal of 2 visits, weighted 30%, is not on the scorecard (revenue in
 * bands, KPI 80%, MBO 20%), so it is an objective: 3 visits are 150%, linear capped at 120 →
 * 120. Negotiation rated 4 on a goal weighted 10% is 75. MBO = (120 × 30 + 75 × 10) / 40 =
 * 108.75; the composite 112.5 × 0.8 + 108.75 × 0.2 = 111.75, S. The revenue goal is a KPI line
 * and never an objective; the parts text names both objectives with their share of the part. A
 * signed-off review's snapshot keeps them when the visits are later removed. */
static void
test_mbo_objectives (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainScorecard) card = attain_scorecard_new ("Reps");
  g_autoptr (AttainMetrics) metrics = NULL;
  g_autoptr (GArray) lines = NULL;
  AttainScope      a = { ATTAIN_SCOPE_PERSON, SMALL_PERSON_A };
  AttainScoreRule  bands;
  AttainEvaluation e;
  AttainPeriod     q1;
  GDate            today;

  attain_test_date (&today, "2026-11-23");
  g_assert_true (attain_period_parse ("2026-Q1", 1, &q1, NULL));
  attain_score_rule_init (&bands, ATTAIN_RULE_BANDS);
  card->kpi_weight = 8000;
  card->mbo_weight = 2000;
  attain_scorecard_add_line (card, "revenue", 10000, &bands);
  g_assert_cmpint (attain_scorecard_save (f->db, card, &error), >, 0);
  g_assert_true (attain_db_exec (
      f->db,
      "INSERT INTO goals (owner_person_id, metric, type, target, unit, period_kind, period_start, "
      "period_end, weight, rating) VALUES "
      "(1, 'visits', 'process', 2, 'visits', 'quarter', '2026-01-01', '2026-03-31', 3000, NULL), "
      "(1, 'negotiation', 'capability', 4, 'rating', 'quarter', '2026-01-01', '2026-03-31', 1000, "
      "4)",
      &error));
  g_assert_no_error (error);
  metrics = attain_metrics_compute (f->db, &a, &q1, &today, &error);
  g_assert_no_error (error);

  g_assert_true (attain_review_evaluate (f->db, SMALL_PERSON_A, &q1, metrics, &lines, &e, &error));
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_nonnull (e.mbo_items);
  g_assert_cmpuint (e.mbo_items->len, ==, 2);
  g_assert_cmpfloat_with_epsilon (e.mbo, 108.75, EPS);
  g_assert_cmpfloat_with_epsilon (e.composite, 111.75, EPS);
  g_assert_cmpstr (e.rating, ==, "S");
  {
    g_autofree char *parts = attain_evaluation_parts_text (&e);
    g_assert_cmpstr (parts, ==,
                     "KPI 112.5 × 80.0% · MBO 108.8 × 20.0% (Visits 150.0% → 120.0 × 75.0%; "
                     "Negotiation rated 4 → 75.0 × 25.0%)");
  }
  attain_evaluation_clear (&e);

  /* Signed off, the snapshot prints the same objectives after A's visits are gone. */
  {
    g_autoptr (AttainReviewSheet) sheet = NULL;
    g_autoptr (AttainReview) review = attain_review_open (f->db, SMALL_PERSON_A, &q1, &error);
    g_autofree char *parts = NULL;
    g_assert_no_error (error);
    g_assert_true (attain_review_set_field (f->db, review, "reviewer", "王经理", &error));
    g_assert_true (attain_review_set_field (f->db, review, "interview_on", "2026-04-08", &error));
    g_assert_true (attain_review_sign_off (f->db, review, &today, &error));
    g_assert_no_error (error);
    g_assert_true (attain_db_begin (f->db, NULL));
    g_assert_true (attain_db_exec (
        f->db, "DELETE FROM activities WHERE owner_id = 1 AND kind = 'visit'", &error));
    g_assert_true (attain_rollup_rebuild (f->db, &error));
    g_assert_true (attain_db_commit (f->db, &error));
    sheet = attain_review_sheet_load (f->db, SMALL_PERSON_A, &q1, &today, &error);
    g_assert_no_error (error);
    parts = attain_evaluation_parts_text (&sheet->evaluation);
    g_assert_nonnull (strstr (parts, "Visits 150.0% → 120.0 × 75.0%"));
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/scorecard/linear-and-floor", test_linear_and_floor);
  g_test_add_func ("/scorecard/bands", test_bands);
  g_test_add_func ("/scorecard/points", test_points);
  g_test_add_func ("/scorecard/composite-renormalises", test_composite_renormalises);
  g_test_add_func ("/scorecard/weights-are-exact", test_weights_are_exact);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/scorecard/save-and-versions", test_save_and_versions);
  ADD ("/scorecard/rating-bands", test_rating_bands);
  ADD ("/scorecard/evaluate-person", test_evaluate_person);
  ADD ("/scorecard/feedback-anonymity", test_feedback_anonymity);
  ADD ("/scorecard/appeal-reopens", test_appeal_reopens);
  ADD ("/scorecard/signed-figures-are-kept", test_signed_figures_are_kept);
  ADD ("/scorecard/review-changes-are-audited", test_review_changes_are_audited);
  ADD ("/scorecard/person-history", test_person_history);
  ADD ("/scorecard/capability-ratings", test_capability_ratings);
  ADD ("/scorecard/self-assessment", test_self_assessment);
  ADD ("/scorecard/feedback-typed-in", test_feedback_typed_in);
  ADD ("/scorecard/cycle-due", test_cycle_due);
  ADD ("/scorecard/mbo-objectives", test_mbo_objectives);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-goal.h"

#include "attain-gettext.h"
#include <math.h>
#include <string.h>

/* The quark name is a string, not a subtraction. */
/* clang-format off */
G_DEFINE_QUARK (attain-goal-error-quark, attain_goal_error)
/* clang-format on */

/* Per scope: this period's numerator and denominator (?1..?2), last year's (?3..?4), and the
 * base a parent's mean weighs it by (the denominator: revenue for collection rate and margin). */
#define RATIO_OF_STATS(numerator, denominator)                                                     \
  "SELECT scope_kind, scope_id, TOTAL (CASE WHEN month BETWEEN ?1 AND ?2 THEN " numerator          \
  " END), "                                                                                        \
  "TOTAL (CASE WHEN month BETWEEN ?1 AND ?2 THEN " denominator " END), "                           \
  "TOTAL (CASE WHEN month BETWEEN ?3 AND ?4 THEN " numerator " END), "                             \
  "TOTAL (CASE WHEN month BETWEEN ?3 AND ?4 THEN " denominator " END), "                           \
  "TOTAL (CASE WHEN month BETWEEN ?1 AND ?2 THEN " denominator " END) "                            \
  "FROM month_stats WHERE month BETWEEN ?3 AND ?2 GROUP BY scope_kind, scope_id"

static const AttainGoalMetric goal_metrics[] = {
  { "revenue", N_ ("Revenue"), "result", "CNY", ATTAIN_VALUE_MONEY, "won_amount" },
  { "collections", N_ ("Collections"), "result", "CNY", ATTAIN_VALUE_MONEY, "collected" },
  { "gross_profit", N_ ("Gross profit"), "result", "CNY", ATTAIN_VALUE_MONEY, "won_gross_profit" },
  { "new_customers", N_ ("New customers signed"), "process", "customers", ATTAIN_VALUE_COUNT,
    "new_customers" },
  { "deals_won", N_ ("Deals won"), "process", "deals", ATTAIN_VALUE_COUNT, "won_count" },
  { "visits", N_ ("Visits"), "process", "visits", ATTAIN_VALUE_COUNT, "visits" },
  { "weighted_visits", N_ ("Tier-weighted visits"), "process", "visits", ATTAIN_VALUE_COUNT,
    "weighted_visits" },
  { "product_knowledge", N_ ("Product knowledge"), "capability", "rating", ATTAIN_VALUE_SCORE,
    NULL },
  { "negotiation", N_ ("Negotiation"), "capability", "rating", ATTAIN_VALUE_SCORE, NULL },
  { "collection_rate", N_ ("Collection rate"), "result", "%", ATTAIN_VALUE_RATE, NULL,
    RATIO_OF_STATS ("collected", "won_amount"), 10000 },
  { "gross_margin", N_ ("Order gross margin"), "result", "%", ATTAIN_VALUE_RATE, NULL,
    RATIO_OF_STATS ("won_gross_profit", "won_amount"), 10000 },
  { "nps", N_ ("NPS"), "result", "points", ATTAIN_VALUE_SCORE, NULL,
    RATIO_OF_STATS ("100.0 * (promoters - detractors)", "recommend_answers"), 100 },
  /* Of the leads that came in, those won by the period's end (the dashboard's cohort). */
  { "lead_to_won", N_ ("Lead-to-won conversion"), "result", "%", ATTAIN_VALUE_RATE, NULL,
    "SELECT scope_kind, scope_id, TOTAL (cw), TOTAL (cl), TOTAL (lw), TOTAL (ll), TOTAL (cl) "
    "FROM (SELECT scope_kind, scope_id, 0 AS cw, "
    "  CASE WHEN month BETWEEN ?1 AND ?2 THEN reached_count END AS cl, 0 AS lw, "
    "  CASE WHEN month BETWEEN ?3 AND ?4 THEN reached_count END AS ll FROM month_funnel "
    "  WHERE stage_position = 1 AND month BETWEEN ?3 AND ?2 "
    "  UNION ALL SELECT scope_kind, scope_id, "
    "  CASE WHEN month BETWEEN ?1 AND ?2 AND to_month <= ?2 THEN won_count END, 0, "
    "  CASE WHEN month BETWEEN ?3 AND ?4 AND to_month <= ?4 THEN won_count END, 0 "
    "  FROM month_funnel_cohort WHERE stage_position = 1 AND month BETWEEN ?3 AND ?2) "
    "GROUP BY scope_kind, scope_id",
    10000 },
};

/* Codes stored in goals.unit and goals.proposed_by (the demo's, the defaults above and what
 * imports write), shown in the reader's language and stored back as the code. */
static const struct
{
  const char *code;
  const char *label;
} goal_words[] = {
  { "CNY", N_ ("yuan") },
  { "customers", N_ ("customers") },
  { "deals", N_ ("deals") },
  { "visits", N_ ("visits") },
  { "rating", N_ ("rating (1–5)") },
  { "days", N_ ("days") },
  { "director", N_ ("Sales director") },
  { "manager", N_ ("Team manager") },
  { "employee", N_ ("The salesperson") },
};

const char *
attain_goal_word_label (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (goal_words); i++)
    if (g_str_equal (goal_words[i].code, code))
      return _ (goal_words[i].label);
  return code;
}

const char *
attain_goal_word_code (const char *text)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (goal_words); i++)
    if (g_str_equal (_ (goal_words[i].label), text) || g_str_equal (goal_words[i].label, text))
      return goal_words[i].code;
  return text;
}

const AttainGoalMetric *
attain_goal_metrics (guint *n_metrics)
{
  *n_metrics = G_N_ELEMENTS (goal_metrics);
  return goal_metrics;
}

const AttainGoalMetric *
attain_goal_metric_lookup (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (goal_metrics); i++)
    if (g_strcmp0 (goal_metrics[i].key, key) == 0)
      return &goal_metrics[i];
  return NULL;
}

void
attain_goal_set_period (AttainGoal *goal, const AttainPeriod *period)
{
  static const char *kinds[] = { "month", "quarter", "year" };
  GDate              first, last;

  attain_period_bounds (period, &first, &last);
  g_free (goal->period_kind);
  g_free (goal->period_start);
  g_free (goal->period_end);
  goal->period_kind = g_strdup (kinds[period->kind]);
  goal->period_start = attain_date_to_iso (&first);
  goal->period_end = attain_date_to_iso (&last);
}

gboolean
attain_goal_in_period (const AttainGoal *goal, const AttainPeriod *period)
{
  GDate            first, last;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  attain_period_bounds (period, &first, &last);
  a = attain_date_to_iso (&first);
  b = attain_date_to_iso (&last);
  return g_strcmp0 (goal->period_start, a) == 0 && g_strcmp0 (goal->period_end, b) == 0;
}

AttainGoal *
attain_goal_new (const AttainScope *owner, const char *metric, const AttainPeriod *period)
{
  AttainGoal             *goal = g_new0 (AttainGoal, 1);
  const AttainGoalMetric *info = attain_goal_metric_lookup (metric);
  GDate                   first, last;

  goal->owner = *owner;
  goal->metric = g_strdup (metric);
  goal->type = g_strdup (info ? info->type : "result");
  goal->unit = g_strdup (info ? info->default_unit : NULL);
  attain_goal_set_period (goal, period);
  /* A period's goal is due when the period ends. */
  attain_period_bounds (period, &first, &last);
  goal->deadline = attain_date_to_iso (&last);
  return goal;
}

AttainGoal *
attain_goal_copy (const AttainGoal *goal)
{
  AttainGoal *copy = g_memdup2 (goal, sizeof *goal);

  copy->metric = g_strdup (goal->metric);
  copy->type = g_strdup (goal->type);
  copy->unit = g_strdup (goal->unit);
  copy->period_kind = g_strdup (goal->period_kind);
  copy->period_start = g_strdup (goal->period_start);
  copy->period_end = g_strdup (goal->period_end);
  copy->deadline = g_strdup (goal->deadline);
  copy->description = g_strdup (goal->description);
  copy->proposed_by = g_strdup (goal->proposed_by);
  copy->agreed_on = g_strdup (goal->agreed_on);
  return copy;
}

void
attain_goal_free (AttainGoal *goal)
{
  if (goal == NULL)
    return;
  g_free (goal->metric);
  g_free (goal->type);
  g_free (goal->unit);
  g_free (goal->period_kind);
  g_free (goal->period_start);
  g_free (goal->period_end);
  g_free (goal->deadline);
  g_free (goal->description);
  g_free (goal->proposed_by);
  g_free (goal->agreed_on);
  g_free (goal);
}

gboolean
attain_goal_equal (const AttainGoal *a, const AttainGoal *b)
{
  return a->id == b->id && a->parent_id == b->parent_id && attain_scope_equal (&a->owner, &b->owner)
         && g_strcmp0 (a->metric, b->metric) == 0 && g_strcmp0 (a->type, b->type) == 0
         && a->has_target == b->has_target && (!a->has_target || a->target == b->target)
         && g_strcmp0 (a->unit, b->unit) == 0 && g_strcmp0 (a->period_kind, b->period_kind) == 0
         && g_strcmp0 (a->period_start, b->period_start) == 0
         && g_strcmp0 (a->period_end, b->period_end) == 0
         && g_strcmp0 (a->deadline, b->deadline) == 0 && a->weight == b->weight
         && a->lower_is_better == b->lower_is_better
         && g_strcmp0 (a->description, b->description) == 0
         && g_strcmp0 (a->proposed_by, b->proposed_by) == 0
         && g_strcmp0 (a->agreed_on, b->agreed_on) == 0 && a->rating == b->rating;
}

#define GOAL_COLUMNS                                                                               \
  "id, parent_id, owner_unit_id, owner_person_id, metric, type, target, unit, period_kind, "       \
  "period_start, period_end, deadline, weight, lower_is_better, description, proposed_by, "        \
  "agreed_on, rating"

static char *
column_text (sqlite3_stmt *stmt, int column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static AttainGoal *
goal_from_row (sqlite3_stmt *stmt)
{
  AttainGoal *goal = g_new0 (AttainGoal, 1);

  goal->id = sqlite3_column_int64 (stmt, 0);
  goal->parent_id = sqlite3_column_int64 (stmt, 1);
  if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
    goal->owner = (AttainScope){ ATTAIN_SCOPE_UNIT, sqlite3_column_int64 (stmt, 2) };
  else
    goal->owner = (AttainScope){ ATTAIN_SCOPE_PERSON, sqlite3_column_int64 (stmt, 3) };
  goal->metric = column_text (stmt, 4);
  goal->type = column_text (stmt, 5);
  goal->has_target = sqlite3_column_type (stmt, 6) != SQLITE_NULL;
  goal->target = sqlite3_column_int64 (stmt, 6);
  goal->unit = column_text (stmt, 7);
  goal->period_kind = column_text (stmt, 8);
  goal->period_start = column_text (stmt, 9);
  goal->period_end = column_text (stmt, 10);
  goal->deadline = column_text (stmt, 11);
  goal->weight = sqlite3_column_int (stmt, 12);
  goal->lower_is_better = sqlite3_column_int (stmt, 13);
  goal->description = column_text (stmt, 14);
  goal->proposed_by = column_text (stmt, 15);
  goal->agreed_on = column_text (stmt, 16);
  goal->rating = sqlite3_column_int (stmt, 17);
  return goal;
}

GPtrArray *
attain_goals_query (AttainDb   *db,
                    const char *where_sql,
                    const char *text1,
                    const char *text2,
                    const char *text3,
                    GError    **error)
{
  g_autoptr (GPtrArray) goals = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_goal_free);
  /* where_sql is always a constant of this program; values are bound, never spliced. */
  g_autofree char *sql
      = g_strconcat ("SELECT " GOAL_COLUMNS " FROM goals WHERE ", where_sql, " ORDER BY id", NULL);
  sqlite3_stmt *stmt = NULL;
  int           rc;

  g_return_val_if_fail (db != NULL, NULL);

  /* Cached: a review cycle reads every member's goals, and parsing this statement each time
   * was a fifth of scoring the cycle. The few where_sql constants make a few statements. */
  if ((stmt = attain_db_prepare (db, sql, NULL)) == NULL)
    {
      attain_db_set_error (db, error, _ ("Reading the goals"));
      return NULL;
    }
  sqlite3_clear_bindings (stmt);
  if (text1 != NULL)
    sqlite3_bind_text (stmt, 1, text1, -1, SQLITE_STATIC);
  if (text2 != NULL)
    sqlite3_bind_text (stmt, 2, text2, -1, SQLITE_STATIC);
  if (text3 != NULL)
    sqlite3_bind_text (stmt, 3, text3, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (goals, goal_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Reading the goals"));
      return NULL;
    }
  return g_steal_pointer (&goals);
}

AttainGoal *
attain_goal_load (AttainDb *db, gint64 id, GError **error)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autoptr (GPtrArray) goals
      = attain_goals_query (db, "id = CAST (?1 AS INTEGER)", text, NULL, NULL, error);

  if (goals == NULL)
    return NULL;
  if (goals->len == 0)
    {
      g_set_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_NOT_FOUND,
                   _ ("The goal %s no longer exists; it may have been deleted."), text);
      return NULL;
    }
  return attain_goal_copy (g_ptr_array_index (goals, 0));
}

GPtrArray *
attain_goals_of_owner (AttainDb           *db,
                       const AttainScope  *owner,
                       const AttainPeriod *period,
                       GError            **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, owner->id);
  GDate            first, last;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  attain_period_bounds (period, &first, &last);
  a = attain_date_to_iso (&first);
  b = attain_date_to_iso (&last);
  return attain_goals_query (
      db,
      owner->kind == ATTAIN_SCOPE_UNIT
          ? "owner_unit_id = CAST (?1 AS INTEGER) AND period_start = ?2 AND period_end = ?3"
          : "owner_person_id = CAST (?1 AS INTEGER) AND period_start = ?2 AND period_end = ?3",
      id, a, b, error);
}

gboolean
attain_parse_target (const char *text, AttainValueKind kind, gint64 *out, GError **error)
{
  g_autoptr (GString) digits = g_string_new (NULL);
  double      multiplier = 1, value;
  char       *end = NULL;
  const char *p;

  g_return_val_if_fail (text != NULL, FALSE);

  /* Directors write 1,200,000 or ¥120万 or 1.2亿; take all of them. */
  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == ',' || c == ' '
          || c == 0xFF0C /* ， */ || c == 0x00A5 /* ¥ */ || c == 0xFFE5 /* ￥ */
          || c == '$')
        continue;
      if (c == 0x4E07 /* 万 */ || c == 0x842C /* 萬 */)
        multiplier = 1e4;
      else if (c == 0x4EBF /* 亿 */ || c == 0x5104 /* 億 */)
        multiplier = 1e8;
      else
        g_string_append_unichar (digits, c);
    }
  value = g_ascii_strtod (digits->str, &end);
  if (digits->len == 0 || end == NULL || *end != '\0' || isnan (value) || isinf (value))
    {
      g_set_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_TARGET,
                   _ ("“%s” is not a number. Write the target like 1,200,000 or 120万."), text);
      return FALSE;
    }
  if (value < 0)
    {
      g_set_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_TARGET,
                   _ ("A target cannot be negative (“%s”). Enter zero or more."), text);
      return FALSE;
    }
  value *= multiplier;
  if (kind == ATTAIN_VALUE_MONEY)
    value *= 100; /* yuan to fen */
  if (value > 9e15)
    {
      g_set_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_TARGET,
                   _ ("“%s” is too large for a target."), text);
      return FALSE;
    }
  if (kind != ATTAIN_VALUE_MONEY && fabs (value - round (value)) > 1e-9)
    {
      g_set_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_TARGET,
                   _ ("“%s” is not a whole number; this target counts, so enter a whole number."),
                   text);
      return FALSE;
    }
  *out = (gint64) llround (value);
  return TRUE;
}

char *
attain_format_target (const AttainGoal *goal, gint64 value)
{
  const AttainGoalMetric *info = attain_goal_metric_lookup (goal->metric);

  if (info != NULL && info->kind == ATTAIN_VALUE_MONEY)
    return attain_format_money_exact (
        value, goal->unit != NULL && strlen (goal->unit) == 3 ? goal->unit : "CNY");
  if (info != NULL && attain_goal_metric_is_rate (info))
    return attain_goal_format_value (info, (double) value, NULL);
  return attain_format_grouped (value);
}

gboolean
attain_goal_metric_is_rate (const AttainGoalMetric *info)
{
  return info != NULL && info->ratio_sql != NULL;
}

/* A stored target (or actual in the same unit) as the reader sees it: ¥1,200,000, 85.0%, 40.0
 * (NPS), 1,200 (counts), 4 (a rating). */
char *
attain_goal_format_value (const AttainGoalMetric *info, double stored, const char *currency)
{
  if (isnan (stored))
    return g_strdup ("—");
  if (info->kind == ATTAIN_VALUE_MONEY)
    return attain_format_money_exact ((gint64) llround (stored), currency ? currency : "CNY");
  if (info->kind == ATTAIN_VALUE_RATE && info->target_scale > 0)
    return attain_format_percent (stored / info->target_scale);
  if (info->kind == ATTAIN_VALUE_SCORE)
    return attain_format_value (ATTAIN_VALUE_SCORE, stored / MAX (info->target_scale, 1), NULL,
                                ATTAIN_NUMBER_STYLE_WESTERN);
  return attain_format_grouped ((gint64) llround (stored));
}

/* A target as typed into the goal tree, a form or a file: "1,200,000" or "120万" for money,
 * "90%" or "90" for a rate (stored as 9000), "40" or "-5" for NPS (4000, -500). */
gboolean
attain_goal_parse_value (const AttainGoalMetric *info,
                         const char             *text,
                         gint64                 *out,
                         GError                **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  char            *end = NULL;
  double           value;
  gsize            len;

  if (!attain_goal_metric_is_rate (info))
    return attain_parse_target (
        text, info->kind == ATTAIN_VALUE_MONEY ? ATTAIN_VALUE_MONEY : ATTAIN_VALUE_COUNT, out,
        error);
  len = strlen (trimmed);
  if (len > 0 && trimmed[len - 1] == '%')
    trimmed[--len] = '\0';
  else if (len >= 3 && g_str_has_suffix (trimmed, "％"))
    trimmed[len -= 3] = '\0';
  g_strstrip (trimmed);
  value = g_ascii_strtod (trimmed, &end);
  if (trimmed[0] == '\0' || end == NULL || *end != '\0' || !isfinite (value))
    {
      g_set_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_TARGET,
                   info->kind == ATTAIN_VALUE_RATE
                       ? _ ("“%s” is not a percentage. Write the target like 90%% or 87.5.")
                       : _ ("“%s” is not a score. Write the target like 40 or -5."),
                   text);
      return FALSE;
    }
  if (info->kind == ATTAIN_VALUE_RATE ? (value < 0 || value > 1000) : (value < -100 || value > 100))
    {
      g_set_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_TARGET,
                   info->kind == ATTAIN_VALUE_RATE
                       ? _ ("A rate target runs from 0%% to 1,000%% (“%s”).")
                       : _ ("An NPS target runs from -100 to 100 (“%s”)."),
                   text);
      return FALSE;
    }
  /* Percent points to basis points (× 100), NPS points to hundredths (× 100). */
  *out
      = (gint64) llround (value * info->target_scale / (info->kind == ATTAIN_VALUE_RATE ? 100 : 1));
  return TRUE;
}

gboolean
attain_goal_validate (const AttainGoal *goal, GError **error)
{
  const AttainGoalMetric *info = attain_goal_metric_lookup (goal->metric);
  gboolean                capability = g_strcmp0 (goal->type, "capability") == 0;
  GDate                   deadline, start, end, agreed;

  if (goal->metric == NULL || goal->metric[0] == '\0')
    {
      g_set_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_METRIC,
                   _ ("Choose what the goal measures."));
      return FALSE;
    }
  if (goal->has_target && goal->target < 0)
    {
      g_set_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_TARGET,
                   _ ("A target cannot be negative. Enter zero or more."));
      return FALSE;
    }
  if (capability && goal->has_target && (goal->target < 1 || goal->target > 5))
    {
      g_set_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_TARGET,
                   _ ("A capability is rated from 1 to 5; enter the level expected, 1 to 5."));
      return FALSE;
    }
  if (goal->rating != 0 && (!capability || goal->rating < 1 || goal->rating > 5))
    {
      g_set_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_RATING,
                   _ ("Only capability goals are rated, from 1 to 5."));
      return FALSE;
    }
  if (info != NULL && capability != (g_strcmp0 (info->type, "capability") == 0))
    {
      g_set_error (
          error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_METRIC,
          _ ("%s is measured by counting, not by a 1-5 rating; choose the result or process type."),
          _ (info->label));
      return FALSE;
    }
  if (goal->weight < 0 || goal->weight > 10000)
    {
      g_set_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_WEIGHTS,
                   _ ("A weight lies between 0%% and 100%%."));
      return FALSE;
    }
  if (goal->deadline != NULL && goal->deadline[0] != '\0')
    {
      if (!attain_date_parse_iso (goal->deadline, &deadline))
        {
          g_set_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_DEADLINE,
                       _ ("“%s” is not a date. Use a date like 2026-03-05."), goal->deadline);
          return FALSE;
        }
      if (attain_date_parse_iso (goal->period_start, &start)
          && attain_date_parse_iso (goal->period_end, &end)
          && (g_date_compare (&deadline, &start) < 0 || g_date_compare (&deadline, &end) > 0))
        {
          g_set_error (
              error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_DEADLINE,
              _ ("The deadline %s lies outside the goal's period (%s to %s). Choose a date "
                 "within the period."),
              goal->deadline, goal->period_start, goal->period_end);
          return FALSE;
        }
    }
  if (goal->agreed_on != NULL && goal->agreed_on[0] != '\0'
      && !attain_date_parse_iso (goal->agreed_on, &agreed))
    {
      g_set_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_AGREED,
                   _ ("“%s” is not a date. Use a date like 2026-03-05."), goal->agreed_on);
      return FALSE;
    }
  return TRUE;
}

gboolean
attain_goal_check_weights (GPtrArray *goals, GError **error)
{
  gint64 total = 0;

  for (guint i = 0; i < goals->len; i++)
    total += ((AttainGoal *) g_ptr_array_index (goals, i))->weight;
  /* Unweighted goals (all 0%) are fine; weighted ones make up a scorecard and total 100%. */
  if (total != 0 && total != 10000)
    {
      char number[32];
      g_ascii_formatd (number, sizeof number, "%.2f", total / 100.0);
      g_set_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_WEIGHTS,
                   _ ("The weights of this owner's goals for the period add up to %s%%; they must "
                      "total 100%%. Adjust them before saving."),
                   number);
      return FALSE;
    }
  return TRUE;
}

void
attain_split_even (gint64 total, guint n, gint64 *parts)
{
  gint64 base, remainder;

  g_return_if_fail (n > 0 && total >= 0);

  /* The fen that do not divide evenly go one each to the first parts. */
  base = total / n;
  remainder = total % n;
  for (guint i = 0; i < n; i++)
    parts[i] = base + ((gint64) i < remainder ? 1 : 0);
}

typedef struct
{
  guint  index;
  double fraction;
} Share;

static int
compare_shares (gconstpointer a, gconstpointer b)
{
  const Share *x = a, *y = b;

  if (x->fraction != y->fraction)
    return x->fraction < y->fraction ? 1 : -1;
  return x->index < y->index ? -1 : 1;
}

gboolean
attain_split_by_weights (gint64 total, const double *weights, guint n, gint64 *parts)
{
  g_autofree Share *shares = NULL;
  double            sum = 0;
  gint64            given = 0;

  g_return_val_if_fail (n > 0 && total >= 0, FALSE);

  for (guint i = 0; i < n; i++)
    if (weights[i] > 0 && isfinite (weights[i]))
      sum += weights[i];
  if (sum <= 0)
    return FALSE;

  /* Largest remainder: round every share down, then hand the missing fen to the shares that
   * lost most to rounding. Exact: the parts add up to total. */
  shares = g_new0 (Share, n);
  for (guint i = 0; i < n; i++)
    {
      double      w = weights[i] > 0 && isfinite (weights[i]) ? weights[i] : 0;
      long double exact = (long double) total * w / sum;
      parts[i] = (gint64) floorl (exact);
      shares[i] = (Share){ i, (double) (exact - floorl (exact)) };
      given += parts[i];
    }
  qsort (shares, n, sizeof (Share), (int (*) (const void *, const void *)) compare_shares);
  for (guint k = 0; given < total; k = (k + 1) % n)
    {
      parts[shares[k].index]++;
      given++;
    }
  return TRUE;
}

/* Rounds exact @parts (adding up to their total) to multiples of @unit, keeping the total exact:
 * whole units go out by largest remainder, and what is left under one unit goes to the largest
 * part, so ¥10,000,001 over three in ¥1,000s is ¥3,334,001 + ¥3,333,000 + ¥3,333,000. */
void
attain_split_round (gint64 *parts, guint n, gint64 unit)
{
  g_autofree double *weights = NULL;
  gint64             total = 0, units;
  guint              largest = 0;

  if (n == 0 || unit <= 1)
    return;
  weights = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      total += parts[i];
      weights[i] = (double) parts[i];
      if (parts[i] > parts[largest])
        largest = i;
    }
  units = total / unit;
  if (!attain_split_by_weights (units, weights, n, parts))
    return;
  for (guint i = 0; i < n; i++)
    parts[i] *= unit;
  parts[largest] += total - units * unit;
}

gboolean
attain_split_check_manual (gint64          total,
                           const gint64   *parts,
                           guint           n,
                           const char     *currency,
                           AttainValueKind kind,
                           GError        **error)
{
  gint64 sum = 0;

  for (guint i = 0; i < n; i++)
    {
      if (parts[i] < 0)
        {
          g_set_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_SPLIT,
                       _ ("A part cannot be negative. Enter zero or more."));
          return FALSE;
        }
      sum += parts[i];
    }
  if (sum != total)
    {
      g_autofree char *left = kind == ATTAIN_VALUE_MONEY
                                  ? attain_format_money_exact (ABS (total - sum), currency)
                                  : attain_format_grouped (ABS (total - sum));
      if (sum < total)
        g_set_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_SPLIT,
                     _ ("%s of the target is not given to anyone yet. Give it out before saving."),
                     left);
      else
        g_set_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_SPLIT,
                     _ ("The parts add up to %s more than the target. Take it back before saving."),
                     left);
      return FALSE;
    }
  return TRUE;
}

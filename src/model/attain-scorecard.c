/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-scorecard.h"

#include <math.h>
#include <string.h>

#include "attain-gettext.h"
#include "attain-goal.h"

/* clang-format off */
G_DEFINE_QUARK (attain-scorecard-error-quark, attain_scorecard_error)
/* clang-format on */

static const char *rule_names[] = { "linear", "floor", "bands", "points" };

const char *
attain_rule_kind_to_string (AttainRuleKind kind)
{
  return kind < G_N_ELEMENTS (rule_names) ? rule_names[kind] : "linear";
}

gboolean
attain_rule_kind_from_string (const char *text, AttainRuleKind *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (rule_names); i++)
    if (g_strcmp0 (text, rule_names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

/* The defaults of the seed's example: linear to 120; bands 0 below 80%, linear to 100%, then half
 * a point per point, up to 130. */
void
attain_score_rule_init (AttainScoreRule *rule, AttainRuleKind kind)
{
  rule->kind = kind;
  rule->cap = kind == ATTAIN_RULE_BANDS ? 13000 : 12000;
  rule->floor = 8000;
  rule->band_low = 8000;
  rule->band_high = 10000;
  rule->band_slope = 5000;
}

/* A line's score in points from its attainment (a fraction, target / actual for lower-is-better
 * metrics) or, for the points rule, from how far the actual is above its target. NAN in, 0 out:
 * a line with a target and no result scores nothing. */
double
attain_score_rule_apply (const AttainScoreRule *rule, double attainment, double points_over_target)
{
  double cap = rule->cap / 100.0, score;

  /* Beaten without limit: a lower-is-better line at zero (no complaint against a target of 2)
   * scores as high as its rule goes, never 0. */
  if (rule->kind != ATTAIN_RULE_POINTS && isinf (attainment) && attainment > 0)
    return rule->kind == ATTAIN_RULE_BANDS && rule->band_slope == 0
               ? MIN (rule->band_high / 100.0, cap)
               : cap;

  switch (rule->kind)
    {
    case ATTAIN_RULE_POINTS:
      if (isnan (points_over_target))
        return 0;
      score = 100 + points_over_target;
      break;
    case ATTAIN_RULE_FLOOR:
      if (isnan (attainment) || attainment * 10000 < rule->floor)
        return 0;
      score = attainment * 100;
      break;
    case ATTAIN_RULE_BANDS:
      if (isnan (attainment) || attainment * 10000 < rule->band_low)
        return 0;
      if (attainment * 10000 <= rule->band_high)
        score = attainment * 100;
      else
        score = rule->band_high / 100.0
                + (attainment * 100 - rule->band_high / 100.0) * rule->band_slope / 10000.0;
      break;
    case ATTAIN_RULE_LINEAR:
    default:
      if (isnan (attainment))
        return 0;
      score = attainment * 100;
      break;
    }
  return CLAMP (score, 0, cap);
}

static char *
points (int hundredths)
{
  char number[32];
  g_ascii_formatd (number, sizeof number, "%.1f", hundredths / 100.0);
  /* "120.0" reads as 120 */
  if (g_str_has_suffix (number, ".0"))
    number[strlen (number) - 2] = '\0';
  return g_strdup (number);
}

char *
attain_score_rule_describe (const AttainScoreRule *rule)
{
  g_autofree char *cap = points (rule->cap);
  g_autofree char *floor = points (rule->floor);
  g_autofree char *low = points (rule->band_low);
  g_autofree char *high = points (rule->band_high);

  switch (rule->kind)
    {
    case ATTAIN_RULE_FLOOR:
      /* Translators: a scoring rule, "0 below 80%, then linear, cap 120" */
      return g_strdup_printf (_ ("0 below %s%%, then linear, cap %s"), floor, cap);
    case ATTAIN_RULE_BANDS:
      {
        char slope_text[32];
        g_ascii_formatd (slope_text, sizeof slope_text, "%g", rule->band_slope / 10000.0);
        /* Translators: a scoring rule in bands: below 80% 0, linear to 100%, then 0.5 × the
         * excess, cap 130 */
        return g_strdup_printf (_ ("0 below %s%%, linear to %s%%, then %s × excess, cap %s"), low,
                                high, slope_text, cap);
      }
    case ATTAIN_RULE_POINTS:
      /* Translators: a scoring rule for scores such as NPS */
      return g_strdup_printf (_ ("100 + points above target, cap %s"), cap);
    case ATTAIN_RULE_LINEAR:
    default:
      /* Translators: the plain scoring rule, "linear, cap 120" */
      return g_strdup_printf (_ ("linear, cap %s"), cap);
    }
}

AttainScorecard *
attain_scorecard_new (const char *name)
{
  AttainScorecard *card = g_new0 (AttainScorecard, 1);

  card->name = g_strdup (name);
  card->kpi_weight = 10000;
  card->lines = g_array_new (FALSE, TRUE, sizeof (AttainScorecardLine));
  return card;
}

void
attain_scorecard_add_line (AttainScorecard       *card,
                           const char            *metric,
                           int                    weight,
                           const AttainScoreRule *rule)
{
  AttainScorecardLine line = { g_strdup (metric), weight, *rule };
  g_array_append_val (card->lines, line);
}

void
attain_scorecard_free (AttainScorecard *card)
{
  if (card == NULL)
    return;
  for (guint i = 0; i < card->lines->len; i++)
    g_free (g_array_index (card->lines, AttainScorecardLine, i).metric);
  g_array_unref (card->lines);
  g_free (card->name);
  g_free (card);
}

static char *
percent_of (int basis_points)
{
  char number[32];
  g_ascii_formatd (number, sizeof number, "%.2f", basis_points / 100.0);
  while (g_str_has_suffix (number, "0") && strchr (number, '.') != NULL)
    number[strlen (number) - 1] = '\0';
  if (g_str_has_suffix (number, "."))
    number[strlen (number) - 1] = '\0';
  return g_strdup_printf ("%s%%", number);
}

/* A weight as typed: "60", "60%", "0.75" or "99.25%", exact to the basis point (never a float:
 * 0.75 + 99.25 is 100). Returns basis points, or -1 with @error set. */
int
attain_parse_hundredths (const char *text, int max_hundredths)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  gsize            len = strlen (trimmed);
  gint64           whole = 0;
  int              fraction = 0, digits = 0;
  const char      *p = trimmed;

  if (len > 0 && trimmed[len - 1] == '%')
    trimmed[--len] = '\0';
  /* Bounded: a 2,000-digit "number" stops growing at the first digit past the maximum. */
  for (; *p >= '0' && *p <= '9' && whole <= max_hundredths / 100; p++)
    whole = whole * 10 + (*p - '0');
  if (*p == '.')
    {
      for (p++; *p >= '0' && *p <= '9' && digits < 99; p++, digits++)
        {
          if (digits < 2)
            fraction = fraction * 10 + (*p - '0');
          else if (*p != '0')
            digits = 98; /* a third decimal that is not zero: refused below */
        }
    }
  if (digits == 1)
    fraction *= 10;
  if (p == trimmed || *p != '\0' || digits >= 99 || whole * 100 + fraction > max_hundredths)
    return -1;
  return (int) (whole * 100 + fraction);
}

int
attain_parse_weight (const char *text, GError **error)
{
  int weight = attain_parse_hundredths (text, 10000);

  if (weight < 0)
    g_set_error (error, ATTAIN_SCORECARD_ERROR, ATTAIN_SCORECARD_ERROR_WEIGHTS,
                 _ ("“%s” is not a weight. Write a percentage from 0 to 100 with at most two "
                    "decimals, like 60 or 0.75."),
                 text ? text : "");
  return weight;
}

gboolean
attain_scorecard_validate (const AttainScorecard *card, GError **error)
{
  int total = 0;

  if (card->name == NULL || card->name[0] == '\0')
    {
      g_set_error (error, ATTAIN_SCORECARD_ERROR, ATTAIN_SCORECARD_ERROR_WEIGHTS,
                   _ ("Give the scorecard a name."));
      return FALSE;
    }
  if (card->kpi_weight + card->mbo_weight + card->feedback_weight != 10000)
    {
      g_autofree char *sum
          = percent_of (card->kpi_weight + card->mbo_weight + card->feedback_weight);
      g_set_error (error, ATTAIN_SCORECARD_ERROR, ATTAIN_SCORECARD_ERROR_WEIGHTS,
                   _ ("The KPI, MBO and 360 parts weigh %s together; they must total 100%%."), sum);
      return FALSE;
    }
  for (guint i = 0; i < card->lines->len; i++)
    {
      const AttainScorecardLine *line = &g_array_index (card->lines, AttainScorecardLine, i);
      if (attain_goal_metric_lookup (line->metric) == NULL
          || g_strcmp0 (attain_goal_metric_lookup (line->metric)->type, "capability") == 0)
        {
          g_set_error (error, ATTAIN_SCORECARD_ERROR, ATTAIN_SCORECARD_ERROR_METRIC,
                       _ ("Line %u: “%s” is not a KPI a scorecard can score. Use a result or "
                          "process metric such as revenue or collections."),
                       i + 1, line->metric);
          return FALSE;
        }
      if (line->rule.cap <= 0
          || (line->rule.kind == ATTAIN_RULE_BANDS && line->rule.band_low > line->rule.band_high))
        {
          g_set_error (error, ATTAIN_SCORECARD_ERROR, ATTAIN_SCORECARD_ERROR_RULE,
                       _ ("Line %u: the rule's cap must be above 0 and its lower band below its "
                          "upper band."),
                       i + 1);
          return FALSE;
        }
      total += line->weight;
    }
  if (card->kpi_weight > 0 && total != 10000)
    {
      g_autofree char *sum = percent_of (total);
      g_set_error (error, ATTAIN_SCORECARD_ERROR, ATTAIN_SCORECARD_ERROR_WEIGHTS,
                   _ ("The KPI lines weigh %s together; they must total 100%%."), sum);
      return FALSE;
    }
  return TRUE;
}

/* Saves @card as the newest version for its position, in one transaction: the version before
 * is retired (and stays, for the cycles that use it). */
gint64
attain_scorecard_save (AttainDb *db, AttainScorecard *card, GError **error)
{
  return attain_scorecard_save_over (db, card, -1, error);
}

static gint64
current_id (AttainDb *db, gint64 position_id, GError **error)
{
  sqlite3_stmt *stmt = attain_db_prepare (db,
                                          "SELECT id FROM scorecards WHERE coalesce (position_id, "
                                          "0) = ?1 AND retired = 0 ORDER BY version DESC LIMIT 1",
                                          error);
  gint64        id = 0;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, position_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

AttainScorecard *
attain_scorecard_current (AttainDb *db, gint64 position_id, GError **error)
{
  gint64 id = current_id (db, position_id, error);

  return id > 0 ? attain_scorecard_load (db, id, error) : NULL;
}

/* Compare-and-set: @expected_id is the version the editor started from (0: none yet, -1: do
 * not compare). Another window's save in between is refused, never overwritten. */
gint64
attain_scorecard_save_over (AttainDb *db, AttainScorecard *card, gint64 expected_id, GError **error)
{
  sqlite3_stmt *stmt;
  gint64        id;
  int           version = 1;

  if (!attain_scorecard_validate (card, error) || !attain_db_begin (db, error))
    return 0;
  if (expected_id >= 0)
    {
      gint64 now = current_id (db, card->position_id, error);
      if (now < 0)
        goto fail;
      if (now != expected_id)
        {
          g_set_error (error, ATTAIN_SCORECARD_ERROR, ATTAIN_SCORECARD_ERROR_CHANGED,
                       _ ("This scorecard was saved from another window meanwhile; nothing was "
                          "saved. Close and open it again to see that version."));
          goto fail;
        }
    }
  stmt = attain_db_prepare (
      db,
      "SELECT coalesce (MAX (version), 0) + 1 FROM scorecards WHERE coalesce (position_id, 0) = ?1",
      error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, card->position_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  stmt = attain_db_prepare (
      db, "UPDATE scorecards SET retired = 1 WHERE coalesce (position_id, 0) = ?1 AND retired = 0",
      error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, card->position_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      attain_db_set_error (db, error, _ ("Saving the scorecard"));
      goto fail;
    }
  sqlite3_reset (stmt);
  stmt = attain_db_prepare (db,
                            "INSERT INTO scorecards (position_id, version, name, kpi_weight, "
                            "mbo_weight, feedback_weight) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                            error);
  if (stmt == NULL)
    goto fail;
  if (card->position_id > 0)
    sqlite3_bind_int64 (stmt, 1, card->position_id);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_int (stmt, 2, version);
  sqlite3_bind_text (stmt, 3, card->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, card->kpi_weight);
  sqlite3_bind_int (stmt, 5, card->mbo_weight);
  sqlite3_bind_int (stmt, 6, card->feedback_weight);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      attain_db_set_error (db, error, _ ("Saving the scorecard"));
      goto fail;
    }
  sqlite3_reset (stmt);
  id = attain_db_last_insert_id (db);
  for (guint i = 0; i < card->lines->len; i++)
    {
      const AttainScorecardLine *line = &g_array_index (card->lines, AttainScorecardLine, i);
      stmt = attain_db_prepare (
          db,
          "INSERT INTO scorecard_lines (scorecard_id, position, metric, weight, rule, cap, floor, "
          "band_low, band_high, band_slope) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
          error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, (int) i + 1);
      sqlite3_bind_text (stmt, 3, line->metric, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 4, line->weight);
      sqlite3_bind_text (stmt, 5, attain_rule_kind_to_string (line->rule.kind), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 6, line->rule.cap);
      sqlite3_bind_int (stmt, 7, line->rule.floor);
      sqlite3_bind_int (stmt, 8, line->rule.band_low);
      sqlite3_bind_int (stmt, 9, line->rule.band_high);
      sqlite3_bind_int (stmt, 10, line->rule.band_slope);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          sqlite3_reset (stmt);
          attain_db_set_error (db, error, _ ("Saving the scorecard"));
          goto fail;
        }
      sqlite3_reset (stmt);
    }
  if (!attain_db_commit (db, error))
    goto fail;
  card->id = id;
  card->version = version;
  return id;

fail:
  attain_db_rollback (db);
  return 0;
}

AttainScorecard *
attain_scorecard_load (AttainDb *db, gint64 id, GError **error)
{
  g_autoptr (AttainScorecard) card = NULL;
  sqlite3_stmt *stmt = attain_db_prepare (
      db,
      "SELECT coalesce (position_id, 0), version, name, kpi_weight, mbo_weight, feedback_weight "
      "FROM scorecards WHERE id = ?1",
      error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_set_error (error, ATTAIN_SCORECARD_ERROR, ATTAIN_SCORECARD_ERROR_METRIC,
                   _ ("There is no scorecard %s."), number);
      return NULL;
    }
  card = attain_scorecard_new ((const char *) sqlite3_column_text (stmt, 2));
  card->id = id;
  card->position_id = sqlite3_column_int64 (stmt, 0);
  card->version = sqlite3_column_int (stmt, 1);
  card->kpi_weight = sqlite3_column_int (stmt, 3);
  card->mbo_weight = sqlite3_column_int (stmt, 4);
  card->feedback_weight = sqlite3_column_int (stmt, 5);
  sqlite3_reset (stmt);

  stmt = attain_db_prepare (db,
                            "SELECT metric, weight, rule, cap, floor, band_low, band_high, "
                            "band_slope FROM scorecard_lines WHERE scorecard_id = ?1 "
                            "ORDER BY position",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AttainScoreRule rule;
      AttainRuleKind  kind = ATTAIN_RULE_LINEAR;
      attain_rule_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &kind);
      attain_score_rule_init (&rule, kind);
      rule.cap = sqlite3_column_int (stmt, 3);
      rule.floor = sqlite3_column_int (stmt, 4);
      rule.band_low = sqlite3_column_int (stmt, 5);
      rule.band_high = sqlite3_column_int (stmt, 6);
      rule.band_slope = sqlite3_column_int (stmt, 7);
      attain_scorecard_add_line (card, (const char *) sqlite3_column_text (stmt, 0),
                                 sqlite3_column_int (stmt, 1), &rule);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Reading the scorecard"));
      return NULL;
    }
  return g_steal_pointer (&card);
}

/* The scorecard a person is scored on for @period: the version their review cycle started with,
 * else the current one of their position, else the current one for every position. NULL without
 * an error when none applies (the person's goals then weigh the lines). */
AttainScorecard *
attain_scorecard_for_person (AttainDb           *db,
                             gint64              person_id,
                             const AttainPeriod *period,
                             GError            **error)
{
  GDate            first, last;
  g_autofree char *first_iso = NULL, *last_iso = NULL;
  sqlite3_stmt    *stmt;
  gint64           id = 0;

  attain_period_bounds (period, &first, &last);
  first_iso = attain_date_to_iso (&first);
  last_iso = attain_date_to_iso (&last);
  stmt = attain_db_prepare (
      db,
      "SELECT coalesce ((SELECT m.scorecard_id FROM cycle_members m JOIN review_cycles c "
      "  ON c.id = m.cycle_id WHERE m.person_id = ?1 AND c.period_start = ?2 AND c.period_end = "
      "  ?3 AND m.scorecard_id IS NOT NULL ORDER BY c.id DESC LIMIT 1), "
      "(SELECT s.id FROM scorecards s JOIN people p ON p.position_id = s.position_id "
      "  WHERE p.id = ?1 AND s.retired = 0), "
      "(SELECT id FROM scorecards WHERE position_id IS NULL AND retired = 0), 0)",
      error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_text (stmt, 2, first_iso, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, last_iso, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id > 0 ? attain_scorecard_load (db, id, error) : NULL;
}

/* The weighted mean of the parts present (a NAN score is a part that is not there): a missing
 * part's weight is spread over the others, never divided by. @weight_present gets the weight of
 * the parts that were there (basis points), so the caller can say the composite renormalised. */
double
attain_composite (const double *scores, const int *weights, guint n_parts, int *weight_present)
{
  double sum = 0;
  int    present = 0;

  for (guint i = 0; i < n_parts; i++)
    if (!isnan (scores[i]) && weights[i] > 0)
      {
        sum += scores[i] * weights[i];
        present += weights[i];
      }
  if (weight_present != NULL)
    *weight_present = present;
  return present > 0 ? sum / present : NAN;
}

/* The band of a composite: S, A, B, C or D by the thresholds in Settings (hundredths). */
const char *
attain_rating_for (AttainDb *db, double composite)
{
  static const char *bands[] = { "S", "A", "B", "C" };
  static const char *keys[] = { "rating_s", "rating_a", "rating_b", "rating_c" };
  static const int   defaults[] = { 11000, 10000, 8500, 7000 };

  if (isnan (composite))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (bands); i++)
    if (composite * 100 >= attain_db_get_setting_int (db, keys[i], defaults[i]) - 1e-9)
      return bands[i];
  return "D";
}

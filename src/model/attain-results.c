/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-results.h"

#include <math.h>
#include <string.h>

#include "attain-feedback.h"
#include "attain-format.h"
#include "attain-gettext.h"
#include "attain-json.h"
#include "attain-metrics.h"
#include "attain-rating-grid.h"

/* The quark name is a string, not a subtraction. */
/* clang-format off */
G_DEFINE_QUARK (attain-promotion-error-quark, attain_promotion_error)
/* clang-format on */

/* S is 0, D is 4, anything else 5 (below every band). */
static int
band_rank (const char *band)
{
  static const char *const bands[] = { "S", "A", "B", "C", "D" };
  for (int i = 0; band != NULL && i < 5; i++)
    if (g_str_equal (band, bands[i]))
      return i;
  return 5;
}

static int
months_between (const GDate *from, const GDate *to)
{
  int months = ((int) g_date_get_year (to) - (int) g_date_get_year (from)) * 12
               + ((int) g_date_get_month (to) - (int) g_date_get_month (from));
  if (g_date_get_day (to) < g_date_get_day (from))
    months--;
  return months;
}

/* The positions one rank up: the next step of the ladder, or 0 at its top. */
static gint64
next_position (AttainDb *db, gint64 position_id, char **name)
{
  sqlite3_stmt *stmt = attain_db_prepare (
      db,
      "SELECT id, name FROM positions WHERE rank > (SELECT rank FROM positions WHERE id = ?1) "
      "ORDER BY rank LIMIT 1",
      NULL);
  gint64 id = 0;

  *name = NULL;
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, position_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      *name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  return id;
}

/* The latest signed-off rating of a review ending on or before @last_iso, or NULL. */
static char *
latest_rating (AttainDb *db, gint64 person_id, const char *last_iso)
{
  sqlite3_stmt *stmt = attain_db_prepare (
      db,
      "SELECT json_extract (s.figures, '$.rating') FROM reviews r JOIN review_snapshots s ON "
      "s.review_id = r.id WHERE r.person_id = ?1 AND r.signed_off_at IS NOT NULL AND "
      "r.period_end <= ?2 ORDER BY r.period_end DESC LIMIT 1",
      NULL);
  char *rating = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_text (stmt, 2, last_iso, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    rating = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return rating;
}

/* The sixth column is since when the person holds the position: the latest history row up to
 * ?2, else the hire date. */
#define UNIT_PEOPLE_SQL                                                                            \
  "SELECT p.id, p.name, p.employee_no, p.position_id, pos.name, coalesce ((SELECT max "            \
  "(h.from_date) FROM person_positions h WHERE h.person_id = p.id AND h.position_id = "            \
  "p.position_id AND h.from_date <= ?2), p.hired_on) FROM people p JOIN "                          \
  "org_closure c ON c.descendant_id = p.unit_id JOIN positions pos ON pos.id = p.position_id "     \
  "WHERE c.ancestor_id = ?1 AND p.active AND p.hired_on <= ?2 ORDER BY p.unit_id, p.id"

/* The people of @unit_id's tree employed by @last_iso, which must outlive the statement. */
static sqlite3_stmt *
unit_people (AttainDb *db, gint64 unit_id, const char *last_iso, GError **error)
{
  sqlite3_stmt *stmt = attain_db_prepare (db, UNIT_PEOPLE_SQL, error);

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, unit_id);
      sqlite3_bind_text (stmt, 2, last_iso, -1, SQLITE_STATIC);
    }
  return stmt;
}

JsonNode *
attain_promotion_candidates (AttainDb           *db,
                             gint64              unit_id,
                             const AttainPeriod *quarter,
                             const GDate        *today,
                             GError            **error)
{
  int n_quarters = CLAMP (attain_db_get_setting_int (db, "promotion_quarters", 3), 1, 8);
  int min_months = CLAMP (attain_db_get_setting_int (db, "promotion_months", 12), 0, 600);
  g_autofree char *min_rating = attain_db_get_setting (db, "promotion_min_rating", "A");
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autofree char *last_iso = NULL;
  GDate            first, last;
  sqlite3_stmt    *stmt;
  int              rc;

  attain_period_bounds (quarter, &first, &last);
  last_iso = attain_date_to_iso (&last);
  stmt = unit_people (db, unit_id, last_iso, error);
  if (stmt == NULL)
    return NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "quarters");
  json_builder_add_int_value (b, n_quarters);
  json_builder_set_member_name (b, "min_rating");
  json_builder_add_string_value (b, min_rating);
  json_builder_set_member_name (b, "min_months");
  json_builder_add_int_value (b, min_months);
  json_builder_set_member_name (b, "people");
  json_builder_begin_array (b);
  /* One row per person of the unit, N quarters each: bounded by the unit and the setting. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64      person = sqlite3_column_int64 (stmt, 0);
      AttainScope scope = { ATTAIN_SCOPE_PERSON, person };
      g_autoptr (GString) misses = g_string_new (NULL);
      g_autofree char *rating = latest_rating (db, person, last_iso);
      g_autofree char *next_name = NULL;
      gint64           next = next_position (db, sqlite3_column_int64 (stmt, 3), &next_name);
      GDate            hired;
      int              months = 0;
      gboolean         eligible = TRUE;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "person");
      json_builder_add_int_value (b, person);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, (const char *) sqlite3_column_text (stmt, 1));
      json_builder_set_member_name (b, "position");
      json_builder_add_string_value (b, (const char *) sqlite3_column_text (stmt, 4));
      json_builder_set_member_name (b, "attainments");
      json_builder_begin_array (b);
      for (int q = n_quarters - 1; q >= 0; q--)
        {
          AttainPeriod     period = attain_period_shift (quarter, -q);
          g_autofree char *label = attain_period_to_label (&period);
          g_autoptr (AttainMetrics) metrics
              = attain_metrics_compute_for_scoring (db, &scope, &period, today, error);
          double attainment;
          if (metrics == NULL)
            {
              sqlite3_reset (stmt);
              return NULL;
            }
          attainment = metrics->values[ATTAIN_METRIC_REVENUE].attainment;
          if (isnan (attainment))
            json_builder_add_null_value (b);
          else
            json_builder_add_double_value (b, attainment);
          if (isnan (attainment) || attainment < 1.0 - 1e-9)
            {
              eligible = FALSE;
              if (misses->len > 0)
                g_string_append (misses, "; ");
              if (isnan (attainment))
                /* Translators: a promotion condition missed: the quarter had no target */
                g_string_append_printf (misses, _ ("no revenue target in %s"), label);
              else
                {
                  g_autofree char *got = attain_format_percent (attainment);
                  char             short_by[32];
                  g_ascii_formatd (short_by, sizeof short_by, "%.1f", (1.0 - attainment) * 100);
                  /* Translators: a promotion condition missed: quarter, attainment, points short */
                  g_string_append_printf (misses, _ ("revenue %s in %s, %s points short of 100%%"),
                                          got, label, short_by);
                }
            }
        }
      json_builder_end_array (b);
      if (attain_date_parse_iso ((const char *) sqlite3_column_text (stmt, 5), &hired))
        months = months_between (&hired, &last);
      json_builder_set_member_name (b, "months");
      json_builder_add_int_value (b, months);
      if (months < min_months)
        {
          eligible = FALSE;
          if (misses->len > 0)
            g_string_append (misses, "; ");
          /* Translators: a promotion condition missed: months in the position, months needed */
          g_string_append_printf (misses, _ ("%d months in the position, %d needed"), months,
                                  min_months);
        }
      json_builder_set_member_name (b, "rating");
      if (rating != NULL)
        json_builder_add_string_value (b, rating);
      else
        json_builder_add_null_value (b);
      if (band_rank (rating) > band_rank (min_rating))
        {
          eligible = FALSE;
          if (misses->len > 0)
            g_string_append (misses, "; ");
          if (rating == NULL)
            g_string_append (misses, _ ("no signed-off rating yet"));
          else
            /* Translators: a promotion condition missed: the rating held, the one needed */
            g_string_append_printf (misses, _ ("rated %s, %s or better needed"), rating,
                                    min_rating);
        }
      json_builder_set_member_name (b, "next_position");
      if (next > 0)
        json_builder_add_string_value (b, next_name);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "eligible");
      json_builder_add_boolean_value (b, eligible);
      json_builder_set_member_name (b, "misses");
      if (misses->len > 0)
        json_builder_add_string_value (b, misses->str);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Reading the people of the unit"));
      return NULL;
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* The recognition rule, from the settings: the metric that ranks, the share of its target
 * one must reach to qualify, and the metric that breaks a tie (then the name). */
typedef struct
{
  AttainMetricId metric, tiebreak;
  int            min_percent;
} RecognitionRule;

static const char *const recognition_metrics[]
    = { "revenue", "gross_profit", "collections", "new_customers", NULL };

gboolean
attain_recognition_metric_allowed (const char *key)
{
  return key != NULL && g_strv_contains (recognition_metrics, key);
}

const char *const *
attain_recognition_metric_keys (void)
{
  return recognition_metrics;
}

static AttainMetricId
rule_metric (AttainDb *db, const char *key, const char *fallback)
{
  g_autofree char *text = attain_db_get_setting (db, key, fallback);
  AttainMetricId   metric;

  if (!attain_recognition_metric_allowed (text) || !attain_metric_from_key (text, &metric))
    attain_metric_from_key (fallback, &metric);
  return metric;
}

static void
recognition_rule (AttainDb *db, RecognitionRule *rule)
{
  rule->metric = rule_metric (db, "recognition_metric", "revenue");
  rule->tiebreak = rule_metric (db, "recognition_tiebreak", "collections");
  rule->min_percent
      = CLAMP (attain_db_get_setting_int (db, "recognition_min_attainment", 100), 0, 300);
}

static char *
metric_words (AttainMetricId metric)
{
  return g_utf8_strdown (_ (attain_metric_info (metric)->label), -1);
}

/* "Highest revenue among those at or above 100% of their revenue target; a tie goes to the
 * higher collections, then the name." */
static char *
rule_text (const RecognitionRule *rule)
{
  g_autofree char *metric = metric_words (rule->metric);
  g_autofree char *tiebreak = metric_words (rule->tiebreak);
  /* Translators: the recognition rule: the metric, the share of its target, the metric again,
   * the tie-break metric */
  return g_strdup_printf (_ ("Highest %s among those at or above %d%% of their %s target; a tie "
                             "goes to the higher %s, then the name."),
                          metric, rule->min_percent, metric, tiebreak);
}

typedef struct
{
  gint64 person;
  char  *name;
  double value, second, attainment;
} Entry;

static void
entry_clear (gpointer data)
{
  g_free (((Entry *) data)->name);
}

static int
compare_entries (gconstpointer a, gconstpointer b)
{
  const Entry *x = a, *y = b;
  if (x->value != y->value)
    return x->value < y->value ? 1 : -1;
  if (x->second != y->second)
    return x->second < y->second ? 1 : -1;
  return g_utf8_collate (x->name, y->name);
}

/* The figure as the pages show it: money in the company's currency, a count as a count. */
static void
add_value_text (JsonBuilder *b, AttainMetricId metric, double value, const char *currency)
{
  g_autofree char *text = attain_format_value (attain_metric_info (metric)->kind, value, currency,
                                               attain_number_style_default ());
  json_builder_set_member_name (b, "value_text");
  json_builder_add_string_value (b, text);
}

static const char *
recognition_title (const AttainPeriod *period)
{
  switch (period->kind)
    {
    case ATTAIN_PERIOD_MONTH:
      return _ ("Best salesperson of the month");
    case ATTAIN_PERIOD_QUARTER:
      return _ ("Sales champion of the quarter");
    case ATTAIN_PERIOD_YEAR:
    default:
      return _ ("Sales champion of the year");
    }
}

/* The recorded recognition of a unit's period, as JSON members of @b ("recorded": null when
 * none). */
static gboolean
add_recorded (AttainDb           *db,
              gint64              unit_id,
              const AttainPeriod *period,
              const char         *currency,
              JsonBuilder        *b,
              GError            **error)
{
  AttainMetricId metric;
  sqlite3_stmt  *stmt
      = attain_db_prepare (db,
                           "SELECT person_id, person_name, recorded_at, recorded_by, value, "
                           "attainment, metric FROM recognitions "
                           "WHERE unit_id = ?1 AND period_start = ?2 AND period_end = ?3",
                           error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  attain_db_bind_period (stmt, 2, period);
  rc = sqlite3_step (stmt);
  json_builder_set_member_name (b, "recorded");
  if (rc == SQLITE_ROW)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "person");
      json_builder_add_int_value (b, sqlite3_column_int64 (stmt, 0));
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, (const char *) sqlite3_column_text (stmt, 1));
      json_builder_set_member_name (b, "recorded_at");
      json_builder_add_string_value (b, (const char *) sqlite3_column_text (stmt, 2));
      json_builder_set_member_name (b, "recorded_by");
      json_builder_add_string_value (b, (const char *) sqlite3_column_text (stmt, 3));
      attain_json_add_number (b, "value", sqlite3_column_double (stmt, 4));
      if (attain_metric_from_key ((const char *) sqlite3_column_text (stmt, 6), &metric))
        add_value_text (b, metric, sqlite3_column_double (stmt, 4), currency);
      attain_json_add_number (b, "attainment", sqlite3_column_double (stmt, 5));
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Reading the recognitions"));
      return FALSE;
    }
  return TRUE;
}

JsonNode *
attain_recognition (AttainDb           *db,
                    gint64              unit_id,
                    const AttainPeriod *period,
                    const GDate        *today,
                    GError            **error)
{
  g_autoptr (GArray) entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autofree char *last_iso = NULL, *label = attain_period_to_label (period);
  g_autofree char *rule_words = NULL;
  g_autofree char *currency = attain_db_get_setting (db, "currency", "CNY");
  RecognitionRule  rule;
  GDate            first, last;
  sqlite3_stmt    *stmt;
  int              rc;

  recognition_rule (db, &rule);
  rule_words = rule_text (&rule);
  g_array_set_clear_func (entries, entry_clear);
  attain_period_bounds (period, &first, &last);
  last_iso = attain_date_to_iso (&last);
  stmt = unit_people (db, unit_id, last_iso, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AttainScope scope = { ATTAIN_SCOPE_PERSON, sqlite3_column_int64 (stmt, 0) };
      g_autoptr (AttainMetrics) metrics
          = attain_metrics_compute_for_scoring (db, &scope, period, today, error);
      Entry entry = { 0 };
      if (metrics == NULL)
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      entry.attainment = metrics->values[rule.metric].attainment;
      /* Only those at the rule's share of their target qualify; no target, no qualifying. */
      if (isnan (entry.attainment) || entry.attainment * 100 < rule.min_percent - 1e-9)
        continue;
      entry.person = scope.id;
      entry.name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry.value = metrics->values[rule.metric].value;
      entry.second = metrics->values[rule.tiebreak].value;
      if (isnan (entry.value))
        entry.value = 0;
      if (isnan (entry.second))
        entry.second = 0;
      g_array_append_val (entries, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Reading the people of the unit"));
      return NULL;
    }
  g_array_sort (entries, compare_entries);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "period");
  json_builder_add_string_value (b, label);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, recognition_title (period));
  json_builder_set_member_name (b, "metric");
  json_builder_add_string_value (b, attain_metric_info (rule.metric)->key);
  json_builder_set_member_name (b, "metric_label");
  json_builder_add_string_value (b, _ (attain_metric_info (rule.metric)->label));
  json_builder_set_member_name (b, "rule");
  json_builder_add_string_value (b, rule_words);
  json_builder_set_member_name (b, "winner");
  if (entries->len > 0)
    json_builder_add_int_value (b, g_array_index (entries, Entry, 0).person);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "reason");
  if (entries->len > 0)
    json_builder_add_string_value (b, rule_words);
  else
    {
      g_autofree char *metric = metric_words (rule.metric);
      /* Translators: nobody qualified: the share of the target, the metric */
      g_autofree char *nobody = g_strdup_printf (_ ("Nobody reached %d%% of their %s target."),
                                                 rule.min_percent, metric);
      json_builder_add_string_value (b, nobody);
    }
  json_builder_set_member_name (b, "ranking");
  json_builder_begin_array (b);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *e = &g_array_index (entries, Entry, i);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "person");
      json_builder_add_int_value (b, e->person);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, e->name);
      attain_json_add_number (b, "value", e->value);
      add_value_text (b, rule.metric, e->value, currency);
      attain_json_add_number (b, "second", e->second);
      attain_json_add_number (b, "attainment", e->attainment);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (!add_recorded (db, unit_id, period, currency, b, error))
    return NULL;
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

gint64
attain_recognition_record (AttainDb           *db,
                           gint64              unit_id,
                           const AttainPeriod *period,
                           const GDate        *today,
                           GError            **error)
{
  static const char *kinds[] = { "month", "quarter" };
  g_autoptr (JsonNode) recognition = NULL;
  g_autofree char *first_iso = NULL, *last_iso = NULL, *label = attain_period_to_label (period);
  JsonObject      *root, *winner = NULL;
  GDate            first, last;
  sqlite3_stmt    *stmt;
  gint64           id;

  if (period->kind != ATTAIN_PERIOD_MONTH && period->kind != ATTAIN_PERIOD_QUARTER)
    {
      g_set_error (error, ATTAIN_PROMOTION_ERROR, ATTAIN_PROMOTION_ERROR_INVALID,
                   _ ("Recognitions are for a month or a quarter; %s is neither. Nothing was "
                      "recorded."),
                   label);
      return 0;
    }
  attain_period_bounds (period, &first, &last);
  if (g_date_compare (today, &last) <= 0)
    {
      g_set_error (error, ATTAIN_PROMOTION_ERROR, ATTAIN_PROMOTION_ERROR_INVALID,
                   _ ("%s is not over yet: its winner is recorded once it has ended. Nothing was "
                      "recorded."),
                   label);
      return 0;
    }
  if (!attain_db_begin (db, error))
    return 0;
  /* Computed inside the write: what is recorded is what is on disk now. */
  recognition = attain_recognition (db, unit_id, period, today, error);
  if (recognition == NULL)
    goto fail;
  root = json_node_get_object (recognition);
  if (!json_object_get_null_member (root, "recorded"))
    {
      JsonObject *recorded = json_object_get_object_member (root, "recorded");
      g_set_error (error, ATTAIN_PROMOTION_ERROR, ATTAIN_PROMOTION_ERROR_PENDING,
                   _ ("The winner of %s was recorded on %s: %s. A record is history and is not "
                      "changed."),
                   label, json_object_get_string_member (recorded, "recorded_at"),
                   json_object_get_string_member (recorded, "name"));
      goto fail;
    }
  if (json_array_get_length (json_object_get_array_member (root, "ranking")) == 0)
    {
      g_set_error (error, ATTAIN_PROMOTION_ERROR, ATTAIN_PROMOTION_ERROR_INVALID,
                   _ ("Nobody qualifies in %s: %s Nothing was recorded."), label,
                   json_object_get_string_member (root, "reason"));
      goto fail;
    }
  winner = json_array_get_object_element (json_object_get_array_member (root, "ranking"), 0);
  first_iso = attain_date_to_iso (&first);
  last_iso = attain_date_to_iso (&last);
  stmt = attain_db_prepare (db,
                            "INSERT INTO recognitions (unit_id, period_kind, period_start, "
                            "period_end, person_id, person_name, title, metric, value, attainment, "
                            "rule, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                            "?11, ?12)",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_text (stmt, 2, kinds[period->kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, first_iso, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, last_iso, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, json_object_get_int_member (winner, "person"));
  sqlite3_bind_text (stmt, 6, json_object_get_string_member (winner, "name"), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, json_object_get_string_member (root, "title"), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, json_object_get_string_member (root, "metric"), -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 9, attain_json_get_number (winner, "value"));
  sqlite3_bind_double (stmt, 10, attain_json_get_number (winner, "attainment"));
  sqlite3_bind_text (stmt, 11, json_object_get_string_member (root, "rule"), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, g_get_user_name (), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      attain_db_set_error (db, error, _ ("Recording the recognition"));
      goto fail;
    }
  sqlite3_reset (stmt);
  id = attain_db_last_insert_id (db);
  if (!attain_db_commit (db, error))
    goto fail;
  return id;

fail:
  attain_db_rollback (db);
  return 0;
}

JsonNode *
attain_recognition_history (AttainDb *db, gint64 unit_id, GError **error)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autofree char *currency = attain_db_get_setting (db, "currency", "CNY");
  int fy_start = CLAMP (attain_db_get_setting_int (db, "fiscal_year_start_month", 1), 1, 12);
  sqlite3_stmt *stmt = attain_db_prepare (
      db,
      "SELECT r.period_kind, r.period_start, r.person_id, r.person_name, r.title, r.metric, "
      "r.value, r.attainment, r.rule, r.recorded_at FROM recognitions r WHERE ?1 = 0 OR EXISTS "
      "(SELECT 1 FROM org_closure c WHERE c.ancestor_id = ?1 AND c.descendant_id = r.unit_id) "
      "ORDER BY r.period_end DESC, r.period_kind = 'month', r.id DESC LIMIT 200",
      error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "history");
  json_builder_begin_array (b);
  /* At most 200 rows: fifteen years of months and quarters. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AttainPeriod     period;
      GDate            start;
      AttainMetricId   metric;
      g_autofree char *label = NULL;
      const char      *metric_key = (const char *) sqlite3_column_text (stmt, 5);
      if (!attain_date_parse_iso ((const char *) sqlite3_column_text (stmt, 1), &start))
        continue;
      period = attain_period_containing (
          attain_period_kind_from_string ((const char *) sqlite3_column_text (stmt, 0)), &start,
          fy_start);
      label = attain_period_to_label (&period);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "period");
      json_builder_add_string_value (b, label);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, (const char *) sqlite3_column_text (stmt, 0));
      json_builder_set_member_name (b, "person");
      json_builder_add_int_value (b, sqlite3_column_int64 (stmt, 2));
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, (const char *) sqlite3_column_text (stmt, 3));
      json_builder_set_member_name (b, "title");
      /* In the reader's language: the stored title is in the recorder's. */
      json_builder_add_string_value (b, recognition_title (&period));
      json_builder_set_member_name (b, "metric");
      json_builder_add_string_value (b, metric_key);
      json_builder_set_member_name (b, "metric_label");
      json_builder_add_string_value (b, attain_metric_from_key (metric_key, &metric)
                                            ? _ (attain_metric_info (metric)->label)
                                            : metric_key);
      attain_json_add_number (b, "value", sqlite3_column_double (stmt, 6));
      if (attain_metric_from_key (metric_key, &metric))
        add_value_text (b, metric, sqlite3_column_double (stmt, 6), currency);
      attain_json_add_number (b, "attainment", sqlite3_column_double (stmt, 7));
      json_builder_set_member_name (b, "rule");
      json_builder_add_string_value (b, (const char *) sqlite3_column_text (stmt, 8));
      json_builder_set_member_name (b, "recorded_at");
      json_builder_add_string_value (b, (const char *) sqlite3_column_text (stmt, 9));
      json_builder_end_object (b);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Reading the recognitions"));
      return NULL;
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

typedef struct
{
  const char *key;   /* the topic's key, for grouping */
  const char *label; /* untranslated */
  GPtrArray  *names; /* char*, "name (why)" */
  GArray     *ids;   /* gint64 */
} Topic;

static Topic *
topic_for (GPtrArray *topics, const char *key, const char *label)
{
  Topic *topic;
  for (guint i = 0; i < topics->len; i++)
    if (g_str_equal (((Topic *) g_ptr_array_index (topics, i))->key, key))
      return g_ptr_array_index (topics, i);
  topic = g_new0 (Topic, 1);
  topic->key = key;
  topic->label = label;
  topic->names = g_ptr_array_new_with_free_func (g_free);
  topic->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_ptr_array_add (topics, topic);
  return topic;
}

static void
topic_free (Topic *topic)
{
  g_ptr_array_unref (topic->names);
  g_array_unref (topic->ids);
  g_free (topic);
}

static int
compare_topics (gconstpointer a, gconstpointer b)
{
  const Topic *x = *(Topic **) a, *y = *(Topic **) b;
  if (x->ids->len != y->ids->len)
    return x->ids->len < y->ids->len ? 1 : -1;
  return g_strcmp0 (x->key, y->key);
}

JsonNode *
attain_training_needs (AttainDb           *db,
                       gint64              unit_id,
                       const AttainPeriod *period,
                       const GDate        *today,
                       GError            **error)
{
  static const struct
  {
    AttainMetricId metric;
    const char    *key, *label;
  } kpi_topics[] = {
    { ATTAIN_METRIC_REVENUE, "closing", N_ ("Closing deals") },
    { ATTAIN_METRIC_COLLECTIONS, "collecting", N_ ("Collecting receivables") },
    { ATTAIN_METRIC_NEW_CUSTOMERS, "prospecting", N_ ("Prospecting new customers") },
    { ATTAIN_METRIC_VISITS, "visits", N_ ("Planning customer visits") },
  };
  int rating_max = CLAMP (attain_db_get_setting_int (db, "training_rating_max", 2), 1, 4);
  int attainment_min
      = CLAMP (attain_db_get_setting_int (db, "training_attainment_min", 80), 1, 100);
  g_autoptr (GPtrArray) topics = g_ptr_array_new_with_free_func ((GDestroyNotify) topic_free);
  g_autoptr (GPtrArray) capabilities = attain_capability_metrics ();
  g_autoptr (GHashTable) ratings = attain_capability_ratings (db, period, error);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autofree char *last_iso = NULL;
  GDate            first, last;
  sqlite3_stmt    *stmt;
  double           elapsed;
  int              rc;

  if (ratings == NULL)
    return NULL;
  attain_period_bounds (period, &first, &last);
  last_iso = attain_date_to_iso (&last);
  elapsed = CLAMP (attain_period_elapsed_share (period, today), 0.0, 1.0);
  stmt = unit_people (db, unit_id, last_iso, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64      person = sqlite3_column_int64 (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      AttainScope scope = { ATTAIN_SCOPE_PERSON, person };
      g_autoptr (AttainMetrics) metrics
          = attain_metrics_compute_for_scoring (db, &scope, period, today, error);

      if (metrics == NULL)
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      for (guint c = 0; c < capabilities->len; c++)
        {
          const AttainGoalMetric *info = g_ptr_array_index (capabilities, c);
          g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", person, info->key);
          int              rating = GPOINTER_TO_INT (g_hash_table_lookup (ratings, key));
          if (rating >= 1 && rating <= rating_max)
            {
              Topic *topic = topic_for (topics, info->key, info->label);
              /* Translators: why training is suggested: a person, the capability's rating */
              g_ptr_array_add (topic->names, g_strdup_printf (_ ("%s (rated %d)"), name, rating));
              g_array_append_val (topic->ids, person);
            }
        }
      /* The 360 dimensions as others see them: the mean of the groups shown (never self), a
       * half point of leeway over the capability rule since these are means. */
      {
        AttainFeedbackResult feedback = { 0 };
        if (attain_feedback_result_for (db, person, period, &feedback) && feedback.released)
          for (guint d = 0; d < ATTAIN_FEEDBACK_N_DIMENSIONS; d++)
            {
              double sum = 0;
              guint  groups = 0;
              for (guint g = 0; g < ATTAIN_N_RATER_TYPES; g++)
                if (g != ATTAIN_RATER_SELF && feedback.groups[g].shown
                    && !isnan (feedback.groups[g].means[d]))
                  {
                    sum += feedback.groups[g].means[d];
                    groups++;
                  }
              if (groups > 0 && sum / groups <= rating_max + 0.5 + 1e-9)
                {
                  Topic *topic = topic_for (topics, attain_feedback_dimension_key (d),
                                            attain_feedback_dimension_untranslated (d));
                  char   mean[16];
                  g_ascii_formatd (mean, sizeof mean, "%.1f", sum / groups);
                  /* Translators: why training is suggested: a person, the 360 mean out of 5 */
                  g_ptr_array_add (topic->names,
                                   g_strdup_printf (_ ("%s (360: %s of 5)"), name, mean));
                  g_array_append_val (topic->ids, person);
                }
            }
        attain_feedback_result_clear (&feedback);
      }
      for (guint k = 0; k < G_N_ELEMENTS (kpi_topics); k++)
        {
          double attainment = metrics->values[kpi_topics[k].metric].attainment;
          /* A period still running is judged on pace: 40% of target a third of the way in is
           * not a need, 20% is. */
          if (!isnan (attainment) && attainment * 100 < attainment_min * elapsed - 1e-9)
            {
              Topic           *topic = topic_for (topics, kpi_topics[k].key, kpi_topics[k].label);
              g_autofree char *percent = attain_format_percent (attainment);
              /* Translators: why training is suggested: a person, the KPI's attainment */
              g_ptr_array_add (topic->names,
                               g_strdup_printf (_ ("%s (%s of target)"), name, percent));
              g_array_append_val (topic->ids, person);
            }
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Reading the people of the unit"));
      return NULL;
    }
  g_ptr_array_sort (topics, compare_topics);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "topics");
  json_builder_begin_array (b);
  for (guint i = 0; i < topics->len; i++)
    {
      Topic           *topic = g_ptr_array_index (topics, i);
      g_autofree char *summary = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "%s: %u person", "%s: %u people", topic->ids->len),
          _ (topic->label), topic->ids->len);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "topic");
      json_builder_add_string_value (b, topic->key);
      json_builder_set_member_name (b, "label");
      json_builder_add_string_value (b, _ (topic->label));
      json_builder_set_member_name (b, "summary");
      json_builder_add_string_value (b, summary);
      json_builder_set_member_name (b, "people");
      json_builder_begin_array (b);
      for (guint k = 0; k < topic->ids->len; k++)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "person");
          json_builder_add_int_value (b, g_array_index (topic->ids, gint64, k));
          json_builder_set_member_name (b, "why");
          json_builder_add_string_value (b, g_ptr_array_index (topic->names, k));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

gint64
attain_promotion_propose (AttainDb    *db,
                          gint64       person_id,
                          const GDate *effective_on,
                          const char  *reason,
                          GError     **error)
{
  g_autofree char *next_name = NULL, *day = attain_date_to_iso (effective_on);
  sqlite3_stmt    *stmt;
  gint64           position = 0, next, id;
  int              rc, waiting = 0;

  if (!attain_db_begin (db, error))
    return 0;
  /* Read inside the write: the position and any waiting proposal as they are on disk. */
  stmt = attain_db_prepare (db,
                            "SELECT position_id, (SELECT count (*) FROM promotions WHERE "
                            "person_id = ?1 AND applied_on IS NULL) FROM people WHERE id = ?1",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, person_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      position = sqlite3_column_int64 (stmt, 0);
      waiting = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (position == 0)
    {
      g_set_error (error, ATTAIN_PROMOTION_ERROR, ATTAIN_PROMOTION_ERROR_INVALID,
                   _ ("There is no such person. Nothing was changed."));
      goto fail;
    }
  if (waiting > 0)
    {
      g_set_error (error, ATTAIN_PROMOTION_ERROR, ATTAIN_PROMOTION_ERROR_PENDING,
                   _ ("A promotion of this person is already proposed and waits for its day. "
                      "Nothing was changed."));
      goto fail;
    }
  next = next_position (db, position, &next_name);
  if (next == 0)
    {
      g_set_error (error, ATTAIN_PROMOTION_ERROR, ATTAIN_PROMOTION_ERROR_TOP,
                   _ ("This person is already at the top of the career ladder: there is no "
                      "position to promote to. Nothing was changed."));
      goto fail;
    }
  stmt = attain_db_prepare (db,
                            "INSERT INTO promotions (person_id, from_position_id, to_position_id, "
                            "effective_on, reason, proposed_by) VALUES (?1, ?2, ?3, ?4, "
                            "nullif (trim (?5), ''), ?6)",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, position);
  sqlite3_bind_int64 (stmt, 3, next);
  sqlite3_bind_text (stmt, 4, day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, reason ? reason : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, g_get_user_name (), -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Saving the promotion"));
      goto fail;
    }
  id = attain_db_last_insert_id (db);
  if (!attain_db_commit (db, error))
    goto fail;
  return id;

fail:
  attain_db_rollback (db);
  return 0;
}

/* Runs one statement of the promotion being applied; FALSE with the error set. */
static gboolean
step_applying (AttainDb *db, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Applying the promotion"));
      return FALSE;
    }
  return TRUE;
}

int
attain_promotions_apply_due (AttainDb *db, const GDate *today, GError **error)
{
  g_autofree char *day = attain_date_to_iso (today);
  int              applied = 0;

  /* Most opens have nothing due: a read, not a write lock, tells. */
  {
    sqlite3_stmt *due = attain_db_prepare (
        db, "SELECT count (*) FROM promotions WHERE applied_on IS NULL AND effective_on <= ?1",
        error);
    int n = 0;
    if (due == NULL)
      return -1;
    sqlite3_bind_text (due, 1, day, -1, SQLITE_STATIC);
    if (sqlite3_step (due) == SQLITE_ROW)
      n = sqlite3_column_int (due, 0);
    sqlite3_reset (due);
    if (n == 0)
      return 0;
  }
  /* One proposal per transaction, read again each time: bounded by the proposals waiting. */
  for (int guard = 0; guard < 100000; guard++)
    {
      g_autofree char *effective = NULL;
      gint64           id = 0, person = 0, from = 0, to = 0;
      sqlite3_stmt    *stmt;

      if (!attain_db_begin (db, error))
        return -1;
      stmt = attain_db_prepare (db,
                                "SELECT id, person_id, from_position_id, to_position_id, "
                                "effective_on FROM promotions WHERE applied_on IS NULL AND "
                                "effective_on <= ?1 ORDER BY effective_on, id LIMIT 1",
                                error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          id = sqlite3_column_int64 (stmt, 0);
          person = sqlite3_column_int64 (stmt, 1);
          from = sqlite3_column_int64 (stmt, 2);
          to = sqlite3_column_int64 (stmt, 3);
          effective = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
        }
      sqlite3_reset (stmt);
      if (id == 0)
        {
          attain_db_rollback (db);
          return applied;
        }
      /* The history row first (the trigger then sees the change is recorded), then the
       * position, each only while the person still holds the position the proposal moves
       * from; a position changed meanwhile (by an import) leaves the proposal closed as moot. */
      stmt = attain_db_prepare (db,
                                "INSERT OR REPLACE INTO person_positions (person_id, position_id, "
                                "from_date) SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM people "
                                "WHERE id = ?1 AND position_id = ?4)",
                                error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, person);
      sqlite3_bind_int64 (stmt, 2, to);
      sqlite3_bind_text (stmt, 3, effective, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, from);
      if (!step_applying (db, stmt, error))
        goto fail;
      stmt = attain_db_prepare (
          db, "UPDATE people SET position_id = ?2 WHERE id = ?1 AND position_id = ?3", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, person);
      sqlite3_bind_int64 (stmt, 2, to);
      sqlite3_bind_int64 (stmt, 3, from);
      if (!step_applying (db, stmt, error))
        goto fail;
      stmt = attain_db_prepare (db, "UPDATE promotions SET applied_on = ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, day, -1, SQLITE_STATIC);
      if (!step_applying (db, stmt, error) || !attain_db_commit (db, error))
        goto fail;
      applied++;
    }
  return applied;

fail:
  attain_db_rollback (db);
  return -1;
}

char *
attain_recognition_current (AttainDb *db, const AttainScope *scope, gint64 unit_id, GError **error)
{
  g_autoptr (JsonNode) history = attain_recognition_history (db, unit_id, error);
  g_autoptr (GString) line = g_string_new (NULL);
  JsonArray *records;
  gboolean   seen_month = FALSE, seen_quarter = FALSE;
  guint      shown = 0;

  if (history == NULL)
    return NULL;
  records = json_object_get_array_member (json_node_get_object (history), "history");
  /* Newest first: a unit's current ones are its first quarter and first month; a person's
   * are their own two newest honours, whichever unit recorded them. */
  for (guint i = 0; i < json_array_get_length (records) && shown < 2; i++)
    {
      JsonObject *r = json_array_get_object_element (records, i);
      gboolean    month = g_strcmp0 (attain_json_get_string (r, "kind"), "month") == 0;
      if (scope->kind == ATTAIN_SCOPE_PERSON)
        {
          if ((gint64) attain_json_get_number (r, "person") != scope->id)
            continue;
        }
      else if ((month && seen_month) || (!month && seen_quarter))
        continue;
      seen_month |= month;
      seen_quarter |= !month;
      shown++;
      if (line->len > 0)
        g_string_append (line, " · ");
      /* Translators: a current recognition on the dashboard: title, period, name */
      g_string_append_printf (line, _ ("%s (%s): %s"), attain_json_get_string (r, "title"),
                              attain_json_get_string (r, "period"),
                              attain_json_get_string (r, "name"));
    }
  return g_string_free (g_steal_pointer (&line), FALSE);
}

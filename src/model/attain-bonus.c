/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-bonus.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "attain-format.h"
#include "attain-gettext.h"
#include "attain-people.h"
#include "attain-json.h"
#include "attain-metrics.h"
#include "attain-results.h"
#include "attain-scorecard.h"

/* The quark name is a string, not a subtraction. */
/* clang-format off */
G_DEFINE_QUARK (attain-bonus-error-quark, attain_bonus_error)
/* clang-format on */

static void
commission_line_free (gpointer data)
{
  AttainCommissionLine *line = data;
  g_free (line->line);
  g_clear_pointer (&line->tiers, g_array_unref);
  g_free (line);
}

AttainPayPlan *
attain_pay_plan_new (void)
{
  AttainPayPlan *plan = g_new0 (AttainPayPlan, 1);

  plan->curve = attain_curve_default ();
  plan->tiers = g_array_new (FALSE, TRUE, sizeof (AttainCommissionTier));
  g_array_set_size (plan->tiers, 1); /* one tier from 0% at 0% */
  plan->commission_base = g_strdup ("collections");
  plan->commission_mode = ATTAIN_COMMISSION_MARGINAL;
  plan->lines = g_ptr_array_new_with_free_func (commission_line_free);
  plan->curve_basis = ATTAIN_CURVE_BASIS_COMPOSITE;
  memcpy (plan->coefficients, (int[]){ 15000, 12000, 10000, 6000, 0 }, sizeof plan->coefficients);
  return plan;
}

void
attain_pay_plan_free (AttainPayPlan *plan)
{
  if (plan == NULL)
    return;
  g_clear_pointer (&plan->curve, g_array_unref);
  g_clear_pointer (&plan->tiers, g_array_unref);
  g_clear_pointer (&plan->lines, g_ptr_array_unref);
  g_free (plan->commission_base);
  g_free (plan);
}

/* [[a, b], ...] of two ints each, into an array of pairs of ints (both types are two ints). */
static GArray *
pairs_from_json (const char *text, gsize element_size)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  GArray    *out = g_array_new (FALSE, TRUE, element_size);
  JsonNode  *root;
  JsonArray *array;

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL))
    return out;
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_ARRAY (root))
    return out;
  array = json_node_get_array (root);
  /* A plan has a handful of points; a damaged row cannot make this loop long. */
  for (guint i = 0; i < json_array_get_length (array) && i < 64; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      int       pair[2];
      if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) != 2)
        continue;
      pair[0] = (int) json_array_get_int_element (json_node_get_array (node), 0);
      pair[1] = (int) json_array_get_int_element (json_node_get_array (node), 1);
      g_array_append_vals (out, pair, 1);
    }
  return out;
}

static char *
pairs_to_json (GArray *pairs)
{
  g_autoptr (GString) out = g_string_new ("[");

  for (guint i = 0; i < pairs->len; i++)
    {
      const int *pair = (const int *) (pairs->data + i * g_array_get_element_size (pairs));
      g_string_append_printf (out, "%s[%d,%d]", i > 0 ? "," : "", pair[0], pair[1]);
    }
  g_string_append_c (out, ']');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* {"line": [[a, b], ...], ...}: a damaged row gives no lines. */
static void
lines_from_json (AttainPayPlan *plan, const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *root;
  GList      *members;

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return;
  root = json_node_get_object (json_parser_get_root (parser));
  members = json_object_get_members (root);
  /* A plan names a handful of product lines. */
  for (GList *m = members; m != NULL && plan->lines->len < 64; m = m->next)
    {
      AttainCommissionLine *line = g_new0 (AttainCommissionLine, 1);
      g_autofree char      *pairs = json_to_string (json_object_get_member (root, m->data), FALSE);
      line->line = g_strdup (m->data);
      line->tiers = pairs_from_json (pairs, sizeof (AttainCommissionTier));
      g_ptr_array_add (plan->lines, line);
    }
  g_list_free (members);
}

static char *
lines_to_json (GPtrArray *lines)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (b);
  for (guint i = 0; lines != NULL && i < lines->len; i++)
    {
      AttainCommissionLine *line = g_ptr_array_index (lines, i);
      g_autofree char      *pairs = pairs_to_json (line->tiers);
      json_builder_set_member_name (b, line->line);
      json_builder_add_value (b, json_from_string (pairs, NULL));
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

static const char *const curve_bases[] = { "composite", "revenue", "rating" };

static AttainCurveBasis
curve_basis_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (curve_bases); i++)
    if (g_strcmp0 (text, curve_bases[i]) == 0)
      return (AttainCurveBasis) i;
  return ATTAIN_CURVE_BASIS_COMPOSITE;
}

#define PLAN_COLUMNS                                                                               \
  "SELECT id, coalesce (position_id, 0), fixed_monthly, bonus_monthly, curve, commission_base, "   \
  "commission_mode, commission_tiers, over_award, awards_in_pool, curve_basis, "                   \
  "json_extract (coefficients, '$.S'), json_extract (coefficients, '$.A'), "                       \
  "json_extract (coefficients, '$.B'), json_extract (coefficients, '$.C'), "                       \
  "json_extract (coefficients, '$.D'), coalesce (person_id, 0), champion_award, "                  \
  "new_customer_award, commission_lines FROM pay_plans "

/* The newest plan of a person (@person_id > 0) or of a position (0: every position). */
static AttainPayPlan *
plan_query (AttainDb *db, gint64 person_id, gint64 position_id, GError **error)
{
  sqlite3_stmt *stmt = attain_db_prepare (
      db,
      person_id > 0 ? PLAN_COLUMNS "WHERE person_id = ?2 ORDER BY id DESC LIMIT 1"
                    : PLAN_COLUMNS "WHERE coalesce (position_id, 0) = ?1 AND person_id IS NULL "
                                   "ORDER BY id DESC LIMIT 1",
      error);
  AttainPayPlan *plan = NULL;
  int            rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, position_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      plan = attain_pay_plan_new ();
      plan->id = sqlite3_column_int64 (stmt, 0);
      plan->position_id = sqlite3_column_int64 (stmt, 1);
      plan->fixed_monthly = sqlite3_column_int64 (stmt, 2);
      plan->bonus_monthly = sqlite3_column_int64 (stmt, 3);
      g_array_unref (plan->curve);
      plan->curve = pairs_from_json ((const char *) sqlite3_column_text (stmt, 4),
                                     sizeof (AttainCurvePoint));
      g_free (plan->commission_base);
      plan->commission_base = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      plan->commission_mode = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 6), "whole") == 0
                                  ? ATTAIN_COMMISSION_WHOLE
                                  : ATTAIN_COMMISSION_MARGINAL;
      g_array_unref (plan->tiers);
      plan->tiers = pairs_from_json ((const char *) sqlite3_column_text (stmt, 7),
                                     sizeof (AttainCommissionTier));
      plan->over_award = sqlite3_column_int64 (stmt, 8);
      plan->awards_in_pool = sqlite3_column_int (stmt, 9);
      plan->curve_basis = curve_basis_from_string ((const char *) sqlite3_column_text (stmt, 10));
      for (int b = 0; b < 5; b++)
        plan->coefficients[b] = sqlite3_column_int (stmt, 11 + b);
      plan->person_id = sqlite3_column_int64 (stmt, 16);
      plan->champion_award = sqlite3_column_int64 (stmt, 17);
      plan->new_customer_award = sqlite3_column_int64 (stmt, 18);
      lines_from_json (plan, (const char *) sqlite3_column_text (stmt, 19));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    attain_db_set_error (db, error, _ ("Reading the pay plans"));
  return plan;
}

AttainPayPlan *
attain_pay_plan_for_position (AttainDb *db, gint64 position_id, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  AttainPayPlan *plan = position_id > 0 ? plan_query (db, 0, position_id, &local_error) : NULL;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return plan != NULL ? plan : plan_query (db, 0, 0, error);
}

AttainPayPlan *
attain_pay_plan_for_person (AttainDb *db, gint64 person_id, gint64 position_id, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  AttainPayPlan *plan = person_id > 0 ? plan_query (db, person_id, 0, &local_error) : NULL;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return plan != NULL ? plan : attain_pay_plan_for_position (db, position_id, error);
}

gint64
attain_pay_plan_save (AttainDb *db, AttainPayPlan *plan, GError **error)
{
  return attain_pay_plan_save_over (db, plan, -1, error);
}

gint64
attain_pay_plan_save_over (AttainDb *db, AttainPayPlan *plan, gint64 expected_id, GError **error)
{
  g_autofree char *curve = NULL, *tiers = NULL, *lines = NULL;
  sqlite3_stmt    *stmt;
  int              rc;

  if (!attain_curve_validate ((const AttainCurvePoint *) plan->curve->data, plan->curve->len, error)
      || !attain_commission_tiers_validate ((const AttainCommissionTier *) plan->tiers->data,
                                            plan->tiers->len, error))
    return 0;
  for (guint i = 0; plan->lines != NULL && i < plan->lines->len; i++)
    {
      AttainCommissionLine *line = g_ptr_array_index (plan->lines, i);
      g_autoptr (GError) local_error = NULL;
      if (!attain_commission_tiers_validate ((const AttainCommissionTier *) line->tiers->data,
                                             line->tiers->len, &local_error))
        {
          /* Translators: a product line's tiers were refused: the line, why */
          g_set_error (error, ATTAIN_BONUS_ERROR, ATTAIN_BONUS_ERROR_INVALID,
                       _ ("Product line “%s”: %s"), line->line, local_error->message);
          return 0;
        }
    }
  for (int b = 0; b < 5; b++)
    if (plan->coefficients[b] < 0 || plan->coefficients[b] > 100000)
      {
        g_set_error (error, ATTAIN_BONUS_ERROR, ATTAIN_BONUS_ERROR_INVALID,
                     _ ("A rating's coefficient is between 0 and 10. Nothing was saved."));
        return 0;
      }
  if (plan->fixed_monthly < 0 || plan->bonus_monthly < 0 || plan->over_award < 0
      || plan->champion_award < 0 || plan->new_customer_award < 0)
    {
      g_set_error (error, ATTAIN_BONUS_ERROR, ATTAIN_BONUS_ERROR_INVALID,
                   _ ("Fixed pay, target bonus and awards cannot be negative. Nothing was saved."));
      return 0;
    }
  if (g_strcmp0 (plan->commission_base, "collections") != 0
      && g_strcmp0 (plan->commission_base, "revenue") != 0
      && g_strcmp0 (plan->commission_base, "gross_profit") != 0)
    {
      g_set_error (error, ATTAIN_BONUS_ERROR, ATTAIN_BONUS_ERROR_INVALID,
                   _ ("Commission is paid on collections, revenue or gross profit. Nothing was "
                      "saved."));
      return 0;
    }
  curve = pairs_to_json (plan->curve);
  tiers = pairs_to_json (plan->tiers);
  lines = lines_to_json (plan->lines);
  if (!attain_db_begin (db, error))
    return 0;
  if (plan->person_id > 0 && !attain_person_exists (db, plan->person_id))
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, plan->person_id);
      /* Translators: %s is a person's id number */
      g_set_error (error, ATTAIN_BONUS_ERROR, ATTAIN_BONUS_ERROR_INVALID,
                   _ ("Person %s is not in the database: nothing was saved."), id);
      attain_db_rollback (db);
      return 0;
    }
  /* Compare-and-set: the version the editor started from must still be the newest on disk. */
  if (expected_id >= 0)
    {
      g_autoptr (GError) local_error = NULL;
      g_autoptr (AttainPayPlan) on_disk
          = plan_query (db, plan->person_id, plan->position_id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          attain_db_rollback (db);
          return 0;
        }
      if ((on_disk != NULL ? on_disk->id : 0) != expected_id)
        {
          g_set_error (error, ATTAIN_BONUS_ERROR, ATTAIN_BONUS_ERROR_CHANGED,
                       _ ("This pay plan was changed elsewhere since it was opened. Nothing was "
                          "saved; open it again to see the change."));
          attain_db_rollback (db);
          return 0;
        }
    }
  stmt = attain_db_prepare (
      db,
      "INSERT INTO pay_plans (position_id, fixed_monthly, bonus_monthly, curve, commission_base, "
      "commission_mode, commission_tiers, over_award, awards_in_pool, curve_basis, coefficients, "
      "person_id, champion_award, new_customer_award, commission_lines) "
      "VALUES (nullif (?1, 0), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, json_object ('S', ?11, 'A', "
      "?12, 'B', ?13, 'C', ?14, 'D', ?15), nullif (?16, 0), ?17, ?18, ?19)",
      error);
  if (stmt == NULL)
    {
      attain_db_rollback (db);
      return 0;
    }
  sqlite3_bind_int64 (stmt, 1, plan->position_id);
  sqlite3_bind_int64 (stmt, 2, plan->fixed_monthly);
  sqlite3_bind_int64 (stmt, 3, plan->bonus_monthly);
  sqlite3_bind_text (stmt, 4, curve, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, plan->commission_base, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6,
                     plan->commission_mode == ATTAIN_COMMISSION_WHOLE ? "whole" : "marginal", -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, tiers, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, plan->over_award);
  sqlite3_bind_int (stmt, 9, plan->awards_in_pool ? 1 : 0);
  sqlite3_bind_text (stmt, 10, curve_bases[plan->curve_basis], -1, SQLITE_STATIC);
  for (int b = 0; b < 5; b++)
    sqlite3_bind_int (stmt, 11 + b, plan->coefficients[b]);
  sqlite3_bind_int64 (stmt, 16, plan->person_id);
  sqlite3_bind_int64 (stmt, 17, plan->champion_award);
  sqlite3_bind_int64 (stmt, 18, plan->new_customer_award);
  sqlite3_bind_text (stmt, 19, lines, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Saving the pay plan"));
      attain_db_rollback (db);
      return 0;
    }
  plan->id = attain_db_last_insert_id (db);
  if (!attain_db_commit (db, error))
    {
      attain_db_rollback (db);
      return 0;
    }
  return plan->id;
}

/* "a:b,c:d" of decimals with at most two places, each × @scale_a and × @scale_b hundredths. */
static GArray *
parse_pairs (const char *text, gsize element_size, const char *what, GError **error)
{
  g_auto (GStrv) items = g_strsplit (text != NULL ? text : "", ",", 65);
  g_autoptr (GArray) out = g_array_new (FALSE, TRUE, element_size);

  if (g_strv_length (items) > 64)
    {
      g_set_error (error, ATTAIN_BONUS_ERROR, ATTAIN_BONUS_ERROR_INVALID,
                   _ ("A %s has at most 64 points."), what);
      return NULL;
    }
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto (GStrv) halves = g_strsplit (g_strstrip (items[i]), ":", 3);
      int pair[2];
      /* Both halves are percentages or points with up to two decimals: × 100. */
      if (g_strv_length (halves) != 2
          || (pair[0] = attain_parse_hundredths (g_strstrip (halves[0]), 100000000)) < 0
          || (pair[1] = attain_parse_hundredths (g_strstrip (halves[1]), 100000000)) < 0)
        {
          g_set_error (error, ATTAIN_BONUS_ERROR, ATTAIN_BONUS_ERROR_INVALID,
                       _ ("“%s” in the %s is not a pair like 100:5 (two numbers with a colon)."),
                       items[i], what);
          return NULL;
        }
      g_array_append_vals (out, pair, 1);
    }
  return g_steal_pointer (&out);
}

GArray *
attain_curve_parse (const char *text, GError **error)
{
  /* score:payout% → hundredths of a point : basis points (a percent in hundredths is basis
   * points). */
  return parse_pairs (text, sizeof (AttainCurvePoint), _ ("payout curve"), error);
}

gboolean
attain_coefficients_parse (const char *text, int coefficients[5], GError **error)
{
  static const char *const bands[] = { "S", "A", "B", "C", "D" };
  g_auto (GStrv) items = g_strsplit (text != NULL ? text : "", ",", 6);
  gboolean seen[5] = { FALSE };

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto (GStrv) halves = g_strsplit (g_strstrip (items[i]), ":", 3);
      int band = -1, value;
      for (int b = 0; g_strv_length (halves) == 2 && b < 5; b++)
        if (g_ascii_strcasecmp (g_strstrip (halves[0]), bands[b]) == 0)
          band = b;
      if (band < 0 || (value = attain_parse_hundredths (g_strstrip (halves[1]), 100000)) < 0)
        {
          g_set_error (error, ATTAIN_BONUS_ERROR, ATTAIN_BONUS_ERROR_INVALID,
                       _ ("“%s” is not a rating's coefficient like A:120 (the band, a colon, the "
                          "percent)."),
                       items[i]);
          return FALSE;
        }
      coefficients[band] = value;
      seen[band] = TRUE;
    }
  for (int b = 0; b < 5; b++)
    if (!seen[b])
      {
        g_set_error (error, ATTAIN_BONUS_ERROR, ATTAIN_BONUS_ERROR_INVALID,
                     _ ("Give a coefficient for every rating, S, A, B, C and D; %s is missing."),
                     bands[b]);
        return FALSE;
      }
  return TRUE;
}

GArray *
attain_tiers_parse (const char *text, GError **error)
{
  return parse_pairs (text, sizeof (AttainCommissionTier), _ ("commission tiers"), error);
}

GPtrArray *
attain_commission_lines_parse (const char *text, GError **error)
{
  g_auto (GStrv) items = g_strsplit (text != NULL ? text : "", ";", 65);
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (commission_line_free);

  /* At most 64 lines, each its own tiers. */
  for (guint i = 0; items[i] != NULL && i < 64; i++)
    {
      char                 *item = g_strstrip (items[i]);
      char                 *eq = strrchr (item, '=');
      AttainCommissionLine *line;
      if (*item == '\0')
        continue;
      if (eq == NULL || eq == item)
        {
          g_set_error (error, ATTAIN_BONUS_ERROR, ATTAIN_BONUS_ERROR_INVALID,
                       _ ("“%s” is not a product line with its tiers. Write it like "
                          "“Services=0:5,100:8”, lines separated by “;”."),
                       item);
          return NULL;
        }
      *eq = '\0';
      line = g_new0 (AttainCommissionLine, 1);
      line->line = g_strdup (g_strstrip (item));
      line->tiers
          = parse_pairs (eq + 1, sizeof (AttainCommissionTier), _ ("commission tiers"), error);
      if (line->tiers == NULL)
        {
          commission_line_free (line);
          return NULL;
        }
      g_ptr_array_add (out, line);
    }
  return g_steal_pointer (&out);
}

char *
attain_commission_lines_to_text (GPtrArray *lines)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; lines != NULL && i < lines->len; i++)
    {
      AttainCommissionLine *line = g_ptr_array_index (lines, i);
      g_string_append_printf (out, "%s%s=", i > 0 ? "; " : "", line->line);
      for (guint k = 0; k < line->tiers->len; k++)
        {
          const AttainCommissionTier *tier = &g_array_index (line->tiers, AttainCommissionTier, k);
          g_autofree char            *from = attain_hundredths_text (tier->from);
          g_autofree char            *rate = attain_hundredths_text (tier->rate);
          g_string_append_printf (out, "%s%s:%s", k > 0 ? "," : "", from, rate);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* One person's line of the sheet, before the pool. */
/* Commission on money that went back (a cancelled deal, a refund) in a later period than the one
 * it was paid in: the reversal does not lower this period's base (its tier is set by this
 * period's own business), it is deducted at the rate that period paid. A reversal within the
 * period it was earned in simply lowers the base, as the rollup already counts it. */
typedef struct
{
  gint64       amount; /* fen that went back */
  char        *on;     /* when, ISO */
  AttainPeriod earned; /* the period of the same kind the money was paid commission in */
  gint64       paid_commission, paid_base; /* that period's commission and base: the rate */
  gint64       deduction;
} Reversal;

static void
reversal_clear (gpointer data)
{
  g_free (((Reversal *) data)->on);
}

typedef struct
{
  gint64   person_id;
  char    *name, *employee_no, *position;
  gboolean signed_off;
  double   composite;
  double   curve_score; /* where the person sits on the curve, in points; NAN off it */
  char    *rating;
  int      days;
  gint64   fixed, target_bonus, commission, variable, awards;
  gint64   commission_gross;  /* before the deductions for earlier money reversed */
  GArray  *reversals;         /* of Reversal */
  gint64   base, base_target; /* the commission's base and its target, fen */
  char    *commission_on;     /* the plan's base: collections, revenue or gross_profit */
  int      payout;
  gboolean awards_in_pool;
  gboolean planned; /* a pay plan applies to the person */
  char    *commission_formula, *commission_gross_formula, *variable_formula, *awards_formula;
  gint64   pooled, pooled_paid;
} Row;

static void
row_clear (gpointer data)
{
  Row *row = data;
  g_free (row->name);
  g_free (row->employee_no);
  g_free (row->position);
  g_free (row->rating);
  g_free (row->commission_formula);
  g_free (row->commission_gross_formula);
  g_free (row->variable_formula);
  g_free (row->awards_formula);
  g_clear_pointer (&row->reversals, g_array_unref);
  g_free (row->commission_on);
}

static int
band_index (const char *band)
{
  static const char *const bands[] = { "S", "A", "B", "C", "D" };
  for (int b = 0; band != NULL && b < 5; b++)
    if (g_str_equal (band, bands[b]))
      return b;
  return -1;
}

static AttainMetricId
base_metric (const char *base)
{
  if (g_strcmp0 (base, "revenue") == 0)
    return ATTAIN_METRIC_REVENUE;
  if (g_strcmp0 (base, "gross_profit") == 0)
    return ATTAIN_METRIC_GROSS_PROFIT;
  return ATTAIN_METRIC_COLLECTIONS;
}

static char *
percent_bp (gint64 bp)
{
  return attain_format_percent (bp / 10000.0);
}

/* "¥12,000,000.00 × 3.00% + ¥1,800,000.00 × 5.00% = ¥450,000.00" */
static char *
commission_formula (GArray *parts, gint64 total, const char *currency)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *sum = attain_format_money_exact (total, currency);

  for (guint i = 0; i < parts->len; i++)
    {
      const AttainCommissionPart *part = &g_array_index (parts, AttainCommissionPart, i);
      g_autofree char            *amount = attain_format_money_exact (part->amount, currency);
      g_autofree char            *rate = percent_bp (part->rate);
      g_string_append_printf (out, "%s%s × %s", i > 0 ? " + " : "", amount, rate);
    }
  g_string_append_printf (out, " = %s", sum);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The reversals dated in [from, to] of money counted before from. A refund's money was counted
 * when the same deal last collected before it; one without a deal or collection is taken to be
 * this period's. */
static gboolean
earlier_reversals (AttainDb           *db,
                   const char         *base,
                   gint64              person_id,
                   const AttainPeriod *period,
                   GArray             *out,
                   GError            **error)
{
  const char *sql
      = g_strcmp0 (base, "collections") == 0
            ? "SELECT f.amount, f.refunded_on, (SELECT max (c.collected_on) FROM collections c "
              "WHERE c.deal_id = f.deal_id AND c.collected_amount > 0 AND c.collected_on <= "
              "f.refunded_on) AS origin FROM refunds f WHERE f.owner_id = ?1 AND f.refunded_on "
              "BETWEEN ?2 AND ?3 AND origin < ?2 ORDER BY f.refunded_on, f.id"
        : g_strcmp0 (base, "gross_profit") == 0
            ? "SELECT r.gross_profit, r.reversed_on, d.closed_on FROM deal_reversals r JOIN deals "
              "d "
              "ON d.id = r.deal_id WHERE r.owner_id = ?1 AND r.reversed_on BETWEEN ?2 AND ?3 AND "
              "d.closed_on < ?2 ORDER BY r.reversed_on, r.id"
            : "SELECT r.amount, r.reversed_on, d.closed_on FROM deal_reversals r JOIN deals d ON "
              "d.id = r.deal_id WHERE r.owner_id = ?1 AND r.reversed_on BETWEEN ?2 AND ?3 AND "
              "d.closed_on < ?2 ORDER BY r.reversed_on, r.id";
  sqlite3_stmt *stmt = attain_db_prepare (db, sql, error);
  int           rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  attain_db_bind_period (stmt, 2, period);
  /* One row per reversal of one person in one period. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Reversal reversal = { 0 };
      GDate    origin;
      if (!attain_date_parse_iso ((const char *) sqlite3_column_text (stmt, 2), &origin))
        continue;
      reversal.amount = sqlite3_column_int64 (stmt, 0);
      reversal.on = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      reversal.earned = attain_period_containing (period->kind, &origin, period->fy_start_month);
      g_array_append_val (out, reversal);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Reading the reversals of a commission"));
      return FALSE;
    }
  return TRUE;
}

/* A product line's part of a person's base in the period: what it won (or collected) then, less
 * what of it went back within the period. Reversals of earlier money are outside the base. */
static gboolean
line_base (AttainDb           *db,
           const char         *base,
           gint64              person_id,
           const AttainPeriod *period,
           const char         *line,
           gint64             *out,
           GError            **error)
{
  const char *sql
      = g_strcmp0 (base, "collections") == 0
            ? "SELECT (SELECT coalesce (sum (c.collected_amount), 0) FROM collections c JOIN deals "
              "d ON d.id = c.deal_id WHERE c.owner_id = ?1 AND d.product_line = ?4 AND "
              "c.collected_on BETWEEN ?2 AND ?3) - (SELECT coalesce (sum (f.amount), 0) FROM "
              "refunds f JOIN deals d ON d.id = f.deal_id WHERE f.owner_id = ?1 AND "
              "d.product_line = ?4 AND f.refunded_on BETWEEN ?2 AND ?3 AND coalesce ((SELECT max "
              "(c.collected_on) FROM collections c WHERE c.deal_id = f.deal_id AND "
              "c.collected_amount > 0 AND c.collected_on <= f.refunded_on), ?2) >= ?2)"
        : g_strcmp0 (base, "gross_profit") == 0
            ? "SELECT (SELECT coalesce (sum (gross_profit), 0) FROM deals WHERE owner_id = ?1 AND "
              "status = 'won' AND product_line = ?4 AND closed_on BETWEEN ?2 AND ?3) - (SELECT "
              "coalesce (sum (r.gross_profit), 0) FROM deal_reversals r JOIN deals d ON d.id = "
              "r.deal_id WHERE r.owner_id = ?1 AND d.product_line = ?4 AND r.reversed_on BETWEEN "
              "?2 AND ?3 AND d.closed_on >= ?2)"
            : "SELECT (SELECT coalesce (sum (amount), 0) FROM deals WHERE owner_id = ?1 AND "
              "status = 'won' AND product_line = ?4 AND closed_on BETWEEN ?2 AND ?3) - (SELECT "
              "coalesce (sum (r.amount), 0) FROM deal_reversals r JOIN deals d ON d.id = "
              "r.deal_id WHERE r.owner_id = ?1 AND d.product_line = ?4 AND r.reversed_on BETWEEN "
              "?2 AND ?3 AND d.closed_on >= ?2)";
  sqlite3_stmt *stmt = attain_db_prepare (db, sql, error);
  int           rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  attain_db_bind_period (stmt, 2, period);
  sqlite3_bind_text (stmt, 4, line, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  *out = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      attain_db_set_error (db, error, _ ("Reading the commission by product line"));
      return FALSE;
    }
  return TRUE;
}

static char *
rate_text (gint64 commission, gint64 base)
{
  char rate[32];

  g_ascii_formatd (rate, sizeof rate - 1, "%.2f",
                   base > 0 ? 100.0 * (double) commission / (double) base : 0.0);
  strcat (rate, "%");
  return g_strdup (rate);
}

/* Commission with product lines of their own tiers: each tier table is read at the person's
 * attainment (the whole base against its target) as a rate, commission ÷ base; a line's share
 * of the base earns its table's rate, the rest the plan's. "运维服务 ¥100,000 × 5.00% + other
 * lines ¥452,174 × 2.00% = ¥14,043.48". */
static gboolean
commission_by_line (AttainDb            *db,
                    const AttainPayPlan *plan,
                    gint64               person_id,
                    const AttainPeriod  *period,
                    gint64               base,
                    gint64               target,
                    gint64              *commission,
                    char               **formula,
                    GError             **error)
{
  g_autoptr (GString) words = g_string_new (NULL);
  g_autofree char *currency = attain_db_get_setting (db, "currency", "CNY");
  gint64           rest = base, total = 0, plan_commission = *commission;

  for (guint i = 0; i < plan->lines->len; i++)
    {
      AttainCommissionLine *line = g_ptr_array_index (plan->lines, i);
      gint64                amount, at_rate, part;
      g_autofree char      *money = NULL, *rate = NULL;

      if (!line_base (db, plan->commission_base, person_id, period, line->line, &amount, error))
        return FALSE;
      amount = CLAMP (amount, 0, rest);
      if (amount == 0)
        continue;
      at_rate
          = attain_commission_compute ((const AttainCommissionTier *) line->tiers->data,
                                       line->tiers->len, plan->commission_mode, base, target, NULL);
      part = attain_pay_scale (at_rate, amount, base);
      rest -= amount;
      total += part;
      money = attain_format_money_exact (amount, currency);
      rate = rate_text (at_rate, base);
      g_string_append_printf (words, "%s%s %s × %s", words->len > 0 ? " + " : "", line->line, money,
                              rate);
    }
  if (words->len == 0)
    return TRUE; /* none of the lines sold anything: the plan's tiers as they are */
  {
    gint64           part = attain_pay_scale (plan_commission, rest, base);
    g_autofree char *money = attain_format_money_exact (rest, currency);
    g_autofree char *rate = rate_text (plan_commission, base);
    g_autofree char *sum = NULL;
    total += part;
    sum = attain_format_money_exact (total, currency);
    if (rest > 0)
      /* Translators: the commission formula's part for the product lines without tiers of
       * their own: the amount, the rate */
      g_string_append_printf (words, _ (" + other lines %s × %s"), money, rate);
    g_string_append_printf (words, " = %s", sum);
  }
  *commission = total;
  *formula = g_string_free (g_steal_pointer (&words), FALSE);
  return TRUE;
}

/* The base a period's commission is computed on: its figure with the reversals of earlier money
 * put back, and the commission before deductions. */
static gboolean
gross_commission (AttainDb            *db,
                  const AttainPayPlan *plan,
                  gint64               person_id,
                  const AttainPeriod  *period,
                  const GDate         *today,
                  AttainMetrics       *metrics_or_null,
                  GArray              *reversals,
                  gint64              *base,
                  gint64              *target,
                  gint64              *commission,
                  GArray              *parts,
                  char               **lines_formula,
                  GError             **error)
{
  AttainScope scope = { ATTAIN_SCOPE_PERSON, person_id };
  g_autoptr (AttainMetrics) computed = NULL;
  AttainMetrics           *metrics = metrics_or_null;
  const AttainMetricValue *value;

  if (metrics == NULL)
    metrics = computed = attain_metrics_compute_for_scoring (db, &scope, period, today, error);

  if (metrics == NULL
      || !earlier_reversals (db, plan->commission_base, person_id, period, reversals, error))
    return FALSE;
  value = &metrics->values[base_metric (plan->commission_base)];
  *base = isnan (value->value) ? 0 : (gint64) llround (value->value);
  *target = isnan (value->target) ? 0 : (gint64) llround (value->target);
  for (guint i = 0; i < reversals->len; i++)
    *base += g_array_index (reversals, Reversal, i).amount;
  *commission
      = attain_commission_compute ((const AttainCommissionTier *) plan->tiers->data,
                                   plan->tiers->len, plan->commission_mode, *base, *target, parts);
  if (plan->lines != NULL && plan->lines->len > 0 && *base > 0)
    return commission_by_line (db, plan, person_id, period, *base, *target, commission,
                               lines_formula, error);
  return TRUE;
}

/* The rate a period paid a person's commission at, as commission over base: an approved sheet's
 * figures when there is one (what was actually paid), else the period computed as its sheet
 * would be today. */
static gboolean
rate_paid (AttainDb            *db,
           const AttainPayPlan *plan,
           gint64               person_id,
           const AttainPeriod  *period,
           const GDate         *today,
           gint64              *commission,
           gint64              *base,
           GError             **error)
{
  sqlite3_stmt *stmt = attain_db_prepare (
      db,
      "SELECT coalesce (json_extract (p.value, '$.commission_gross'), json_extract (p.value, "
      "'$.commission')), json_extract (p.value, '$.commission_base') FROM bonus_sheets s, "
      "json_each (s.figures, '$.people') p WHERE s.approved_at IS NOT NULL AND s.period_start = ?1 "
      "AND s.period_end = ?2 AND json_extract (p.value, '$.person') = ?3 AND coalesce "
      "(json_extract (p.value, '$.commission_on'), ?4) = ?4 ORDER BY s.id LIMIT 1",
      error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  attain_db_bind_period (stmt, 1, period);
  sqlite3_bind_int64 (stmt, 3, person_id);
  /* A rate on another base (the plan changed from revenue to collections) is not this one's. */
  sqlite3_bind_text (stmt, 4, plan->commission_base, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *commission = sqlite3_column_int64 (stmt, 0);
      *base = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Reading an approved bonus sheet"));
      return FALSE;
    }
  {
    g_autoptr (GArray) earlier = g_array_new (FALSE, TRUE, sizeof (Reversal));
    gint64 target;
    g_array_set_clear_func (earlier, reversal_clear);
    g_autofree char *unused = NULL;
    return gross_commission (db, plan, person_id, period, today, NULL, earlier, base, &target,
                             commission, NULL, &unused, error);
  }
}

/* One reversal's deduction in words: "¥50,000 reversed on 2026-05-10 × 3.4%, the rate paid in
 * Q1 2026 = -¥1,700". */
static char *
reversal_formula (const Reversal *reversal, const char *currency)
{
  g_autofree char *amount = attain_format_money_exact (reversal->amount, currency);
  g_autofree char *deduction = attain_format_money_exact (-reversal->deduction, currency);
  g_autofree char *earned = attain_period_to_label (&reversal->earned);
  char             rate[32];

  /* Two decimals: an average rate such as 2.17% is not a tier's round figure. */
  g_ascii_formatd (rate, sizeof rate - 1, "%.2f",
                   reversal->paid_base > 0
                       ? 100.0 * (double) reversal->paid_commission / (double) reversal->paid_base
                       : 0.0);
  strcat (rate, "%");
  /* Translators: a commission deducted for money that went back: amount, date, rate, the period
   * the commission was paid in, the deduction (negative) */
  return g_strdup_printf (_ ("%s reversed on %s × %s, the rate paid in %s = %s"), amount,
                          reversal->on, rate, earned, deduction);
}

/* Each earlier reversal is deducted at its period's rate (commission ÷ base, rounded half away
 * from zero to the fen); the row's commission is what is left, which can be below zero. */
static gboolean
deduct_reversals (AttainDb            *db,
                  const AttainPayPlan *plan,
                  gint64               person_id,
                  const GDate         *today,
                  const char          *currency,
                  Row                 *row,
                  GArray              *parts,
                  GError             **error)
{
  g_autoptr (GString) formula = NULL;

  row->commission = row->commission_gross;
  /* With product lines of their own tiers, the formula came with the figure. */
  if (row->commission_gross_formula == NULL)
    row->commission_gross_formula = commission_formula (parts, row->commission_gross, currency);
  formula = g_string_new (row->commission_gross_formula);
  for (guint i = 0; i < row->reversals->len; i++)
    {
      Reversal        *reversal = &g_array_index (row->reversals, Reversal, i);
      g_autofree char *text = NULL;
      guint            j;

      /* Reversals of one period share its rate: look it up once. */
      for (j = 0; j < i; j++)
        if (attain_period_equal (&g_array_index (row->reversals, Reversal, j).earned,
                                 &reversal->earned))
          break;
      if (j < i)
        {
          reversal->paid_commission = g_array_index (row->reversals, Reversal, j).paid_commission;
          reversal->paid_base = g_array_index (row->reversals, Reversal, j).paid_base;
        }
      else if (!rate_paid (db, plan, person_id, &reversal->earned, today,
                           &reversal->paid_commission, &reversal->paid_base, error))
        return FALSE;
      reversal->deduction = reversal->paid_base > 0 ? attain_pay_scale (
                                reversal->amount, reversal->paid_commission, reversal->paid_base)
                                                    : 0;
      row->commission -= reversal->deduction;
      text = reversal_formula (reversal, currency);
      g_string_append_printf (formula, "; %s", text);
    }
  if (row->reversals->len > 0)
    {
      g_autofree char *net = attain_format_money_exact (row->commission, currency);
      /* Translators: the commission left after the deductions */
      g_string_append_printf (formula, _ ("; net %s"), net);
    }
  row->commission_formula = g_string_free (g_steal_pointer (&formula), FALSE);
  return TRUE;
}

static gint64
days_between (const GDate *a, const GDate *b)
{
  return (gint64) g_date_get_julian (b) - (gint64) g_date_get_julian (a) + 1;
}

/* Who is on the sheet: everyone in the unit's tree employed on any day of the period, with
 * the position they held at its end (from their dated history: a past period's sheet keeps the
 * title and plan of then) and their signed-off review's composite and rating (NULL without). */
#define SHEET_PEOPLE_SQL                                                                           \
  "SELECT p.id, p.name, p.employee_no, pos.id, pos.name, p.hired_on, p.left_on, "                  \
  "r.signed_off_at IS NOT NULL, json_extract (s.figures, '$.evaluation[7]'), "                     \
  "json_extract (s.figures, '$.rating') FROM people p JOIN org_closure c ON c.descendant_id = "    \
  "p.unit_id JOIN positions pos ON pos.id = coalesce ((SELECT h.position_id FROM "                 \
  "person_positions h WHERE h.person_id = p.id AND h.from_date <= ?3 ORDER BY h.from_date DESC "   \
  "LIMIT 1), p.position_id) LEFT JOIN reviews r ON r.person_id = p.id AND r.period_start = ?2 "    \
  "AND r.period_end = ?3 LEFT JOIN review_snapshots s ON s.review_id = r.id WHERE c.ancestor_id "  \
  "= ?1 AND p.hired_on <= ?3 AND (p.left_on IS NULL OR p.left_on >= ?2) ORDER BY p.unit_id, p.id"

/* Everyone with a plan of their own. */
static GHashTable *
people_with_own_plans (AttainDb *db, GError **error)
{
  g_autoptr (GHashTable) out = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt = attain_db_prepare (
      db, "SELECT DISTINCT person_id FROM pay_plans WHERE person_id IS NOT NULL", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  /* At most one row per person. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (out, g_memdup2 (&id, sizeof id));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Reading the pay plans"));
      return NULL;
    }
  return g_steal_pointer (&out);
}

/* The sheet unit's recognised winner of the period: the recorded one, else who leads by the
 * rule; 0 for nobody. */
static gboolean
recognised_winner (AttainDb           *db,
                   gint64              unit_id,
                   const AttainPeriod *period,
                   const GDate        *today,
                   gint64             *winner,
                   GError            **error)
{
  g_autoptr (JsonNode) recognition = attain_recognition (db, unit_id, period, today, error);
  JsonObject *root;

  if (recognition == NULL)
    return FALSE;
  root = json_node_get_object (recognition);
  if (!json_object_get_null_member (root, "recorded"))
    *winner
        = json_object_get_int_member (json_object_get_object_member (root, "recorded"), "person");
  else if (!json_object_get_null_member (root, "winner"))
    *winner = json_object_get_int_member (root, "winner");
  else
    *winner = 0;
  return TRUE;
}

/* The incentive awards and their formula: over-achievement (each full 10 points of revenue
 * attainment above 100%), the recognised winner's award, and one per new customer signed. */
static void
compute_awards (const AttainPayPlan *plan,
                const AttainMetrics *metrics,
                gboolean             champion,
                const AttainPeriod  *period,
                const char          *currency,
                Row                 *row)
{
  const AttainMetricValue *revenue = &metrics->values[ATTAIN_METRIC_REVENUE];
  double                   new_customers = metrics->values[ATTAIN_METRIC_NEW_CUSTOMERS].value;
  g_autoptr (GString) words = g_string_new (NULL);
  gint64 steps = 0, customers = isnan (new_customers) ? 0 : (gint64) llround (new_customers);

  if (!isnan (revenue->attainment) && revenue->attainment > 1.0)
    steps = (gint64) floor ((revenue->attainment - 1.0) * 10 + 1e-9);
  row->awards = 0;
  if (plan->over_award > 0 && steps > 0)
    {
      g_autofree char *each = attain_format_money_exact (plan->over_award, currency);
      row->awards += plan->over_award * steps;
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, steps);
      /* Translators: an award's part of the formula: how many 10-point steps, the amount each */
      g_string_append_printf (words, _ ("over-achievement %s × %s"), count, each);
    }
  if (plan->champion_award > 0 && champion)
    {
      g_autofree char *amount = attain_format_money_exact (plan->champion_award, currency);
      row->awards += plan->champion_award;
      g_string_append_printf (words, "%s%s %s", words->len > 0 ? " + " : "",
                              period->kind == ATTAIN_PERIOD_MONTH
                                  ? _ ("best salesperson of the month")
                                  : _ ("sales champion"),
                              amount);
    }
  if (plan->new_customer_award > 0 && customers > 0)
    {
      g_autofree char *each = attain_format_money_exact (plan->new_customer_award, currency);
      row->awards += plan->new_customer_award * customers;
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, customers);
      if (words->len > 0)
        g_string_append (words, " + ");
      /* Translators: an award's part of the formula: new customers signed, the amount each */
      g_string_append_printf (words, _ ("new customers %s × %s"), count, each);
    }
  if (row->awards > 0)
    {
      g_autofree char *total = attain_format_money_exact (row->awards, currency);
      g_string_append_printf (words, " = %s", total);
      row->awards_formula = g_string_free (g_steal_pointer (&words), FALSE);
    }
}

static gboolean
compute_rows (AttainDb           *db,
              gint64              unit_id,
              const AttainPeriod *period,
              const GDate        *today,
              const char         *currency,
              GArray             *rows,
              char              **curve,
              GError            **error)
{
  g_autoptr (GHashTable) plans = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        (GDestroyNotify) attain_pay_plan_free);
  g_autoptr (GHashTable) own_plans = NULL;
  g_autofree char *first_iso = NULL, *last_iso = NULL;
  GDate            first, last;
  gint64           period_days, champion = -1; /* the period's recognised winner, once asked */
  int              months = attain_period_n_months (period);
  sqlite3_stmt    *stmt;
  int              rc;

  attain_period_bounds (period, &first, &last);
  first_iso = attain_date_to_iso (&first);
  last_iso = attain_date_to_iso (&last);
  period_days = days_between (&first, &last);
  own_plans = people_with_own_plans (db, error);
  if (own_plans == NULL)
    return FALSE;
  stmt = attain_db_prepare (db, SHEET_PEOPLE_SQL, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_text (stmt, 2, first_iso, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, last_iso, -1, SQLITE_STATIC);
  /* One row per person of the unit: the loop is as long as the unit. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64      position_id = sqlite3_column_int64 (stmt, 3);
      AttainScope scope = { ATTAIN_SCOPE_PERSON, sqlite3_column_int64 (stmt, 0) };
      /* Plans are cached by position, and by the person's id negated for their own. */
      gint64         key = g_hash_table_contains (own_plans, &scope.id) ? -scope.id : position_id;
      AttainPayPlan *plan = g_hash_table_lookup (plans, &key);
      g_autoptr (AttainMetrics) metrics = NULL;
      g_autoptr (GArray) parts = g_array_new (FALSE, FALSE, sizeof (AttainCommissionPart));
      Row   row = { 0 };
      GDate from = first, to = last, date;

      if (plan == NULL && !g_hash_table_contains (plans, &key))
        {
          g_autoptr (GError) local_error = NULL;
          plan = key < 0 ? attain_pay_plan_for_person (db, scope.id, position_id, &local_error)
                         : attain_pay_plan_for_position (db, position_id, &local_error);
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              sqlite3_reset (stmt);
              return FALSE;
            }
          g_hash_table_insert (plans, g_memdup2 (&key, sizeof key), plan);
        }
      /* The sheet draws one curve: the first plan's (a unit's people usually share one). */
      if (plan != NULL && *curve == NULL && plan->curve_basis != ATTAIN_CURVE_BASIS_RATING)
        *curve = pairs_to_json (plan->curve);
      row.person_id = scope.id;
      row.name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row.employee_no = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      row.position = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      if (attain_date_parse_iso ((const char *) sqlite3_column_text (stmt, 5), &date)
          && g_date_compare (&date, &from) > 0)
        from = date;
      if (sqlite3_column_type (stmt, 6) != SQLITE_NULL
          && attain_date_parse_iso ((const char *) sqlite3_column_text (stmt, 6), &date)
          && g_date_compare (&date, &to) < 0)
        to = date;
      row.days = (int) MAX (0, days_between (&from, &to));
      row.signed_off = sqlite3_column_int (stmt, 7);
      row.composite
          = sqlite3_column_type (stmt, 8) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, 8);
      row.rating = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
      row.curve_score = NAN;

      metrics = attain_metrics_compute_for_scoring (db, &scope, period, today, error);
      if (metrics == NULL)
        {
          row_clear (&row);
          sqlite3_reset (stmt);
          return FALSE;
        }
      row.planned = plan != NULL;
      if (plan != NULL)
        {
          const AttainMetricValue *revenue = &metrics->values[ATTAIN_METRIC_REVENUE];

          row.fixed = attain_pay_scale (plan->fixed_monthly * months, row.days, period_days);
          row.target_bonus = attain_pay_scale (plan->bonus_monthly * months, row.days, period_days);
          row.commission_on = g_strdup (plan->commission_base);
          row.reversals = g_array_new (FALSE, TRUE, sizeof (Reversal));
          g_array_set_clear_func (row.reversals, reversal_clear);
          if (!gross_commission (db, plan, scope.id, period, today, metrics, row.reversals,
                                 &row.base, &row.base_target, &row.commission_gross, parts,
                                 &row.commission_gross_formula, error)
              || !deduct_reversals (db, plan, scope.id, today, currency, &row, parts, error))
            {
              row_clear (&row);
              sqlite3_reset (stmt);
              return FALSE;
            }
          row.awards_in_pool = plan->awards_in_pool;
          if (row.signed_off && !isnan (row.composite))
            {
              g_autofree char *target = attain_format_money_exact (row.target_bonus, currency);
              g_autofree char *share = NULL, *variable = NULL;
              char             score[32];
              int              band = band_index (row.rating);
              const AttainCurvePoint *points = (const AttainCurvePoint *) plan->curve->data;

              if (plan->curve_basis == ATTAIN_CURVE_BASIS_RATING)
                row.payout = band >= 0 ? plan->coefficients[band] : 0;
              else
                {
                  row.curve_score = plan->curve_basis == ATTAIN_CURVE_BASIS_REVENUE
                                        ? revenue->attainment * 100
                                        : row.composite;
                  row.payout = isnan (row.curve_score)
                                   ? 0
                                   : attain_curve_payout (points, plan->curve->len,
                                                          (int) llround (row.curve_score * 100));
                }
              row.variable = attain_pay_scale (row.target_bonus, row.payout, 10000);
              share = percent_bp (row.payout);
              variable = attain_format_money_exact (row.variable, currency);
              if (plan->curve_basis == ATTAIN_CURVE_BASIS_RATING)
                /* Translators: the variable part's formula: target bonus, coefficient, rating,
                 * result */
                row.variable_formula
                    = g_strdup_printf (_ ("%s × %s (coefficient of rating %s) = %s"), target, share,
                                       row.rating ? row.rating : "—", variable);
              else if (plan->curve_basis == ATTAIN_CURVE_BASIS_REVENUE)
                {
                  g_autofree char *attainment = attain_format_percent (revenue->attainment);
                  /* Translators: the variable part's formula: target bonus, curve share,
                   * revenue attainment, result */
                  row.variable_formula
                      = g_strdup_printf (_ ("%s × %s (revenue %s on the curve) = %s"), target,
                                         share, attainment, variable);
                }
              else
                {
                  g_ascii_formatd (score, sizeof score, "%.1f", row.composite);
                  /* Translators: the variable part's formula: target bonus, curve share, score,
                   * result */
                  row.variable_formula = g_strdup_printf (
                      _ ("%s × %s (score %s on the curve) = %s"), target, share, score, variable);
                }
              if (plan->champion_award > 0 && champion < 0
                  && !recognised_winner (db, unit_id, period, today, &champion, error))
                {
                  row_clear (&row);
                  sqlite3_reset (stmt);
                  return FALSE;
                }
              compute_awards (plan, metrics, scope.id == champion, period, currency, &row);
            }
        }
      row.pooled = row.variable + (row.awards_in_pool ? row.awards : 0);
      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Reading the people of the bonus sheet"));
      return FALSE;
    }
  return TRUE;
}

static void
add_money (JsonBuilder *b, const char *name, gint64 fen)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, fen);
}

static void
add_text (JsonBuilder *b, const char *name, const char *text)
{
  json_builder_set_member_name (b, name);
  if (text != NULL)
    json_builder_add_string_value (b, text);
  else
    json_builder_add_null_value (b);
}

/* The stored pool and approval of a sheet, if it has a row. */
static gboolean
sheet_state (AttainDb           *db,
             gint64              unit_id,
             const AttainPeriod *period,
             gint64             *pool,
             char              **approved_at,
             char              **figures,
             GError            **error)
{
  sqlite3_stmt *stmt = attain_db_prepare (
      db,
      "SELECT coalesce (pool, -1), approved_at, figures FROM bonus_sheets WHERE unit_id = ?1 AND "
      "period_start = ?2 AND period_end = ?3",
      error);
  int rc;

  *pool = -1;
  *approved_at = NULL;
  if (figures != NULL)
    *figures = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  attain_db_bind_period (stmt, 2, period);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *pool = sqlite3_column_int64 (stmt, 0);
      *approved_at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      if (figures != NULL)
        *figures = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Reading the bonus sheet"));
      return FALSE;
    }
  return TRUE;
}

static JsonNode *
compute_sheet (AttainDb           *db,
               gint64              unit_id,
               const AttainPeriod *period,
               const GDate        *today,
               gint64              pool,
               GError            **error)
{
  g_autofree char *currency = attain_db_get_setting (db, "currency", "CNY");
  g_autofree char *period_text = attain_period_to_string (period);
  g_autoptr (GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autofree gint64 *computed = NULL, *paid = NULL;
  g_autofree char   *curve = NULL;
  gint64             sum = 0, paid_sum = 0, totals[2] = { 0, 0 };
  guint              planned = 0;
  int                factor = 10000;

  g_array_set_clear_func (rows, row_clear);
  if (!compute_rows (db, unit_id, period, today, currency, rows, &curve, error))
    return NULL;
  computed = g_new0 (gint64, MAX (rows->len, 1));
  paid = g_new0 (gint64, MAX (rows->len, 1));
  for (guint i = 0; i < rows->len; i++)
    {
      computed[i] = MAX (0, g_array_index (rows, Row, i).pooled);
      planned += g_array_index (rows, Row, i).planned;
      sum += computed[i];
    }
  if (pool >= 0)
    {
      if (!attain_pool_scale (computed, rows->len, pool, paid, &factor, error))
        return NULL;
    }
  else
    memcpy (paid, computed, rows->len * sizeof *paid);

  json_builder_begin_object (b);
  add_text (b, "period", period_text);
  {
    g_autofree char *label = attain_period_to_label (period);
    add_text (b, "period_label", label);
  }
  json_builder_set_member_name (b, "unit");
  json_builder_add_int_value (b, unit_id);
  add_text (b, "currency", currency);
  json_builder_set_member_name (b, "people");
  json_builder_begin_array (b);
  for (guint i = 0; i < rows->len; i++)
    {
      Row   *row = &g_array_index (rows, Row, i);
      gint64 awards_outside = row->awards_in_pool ? 0 : row->awards;
      gint64 total = row->fixed + row->commission + row->variable + row->awards;
      gint64 total_paid = row->fixed + row->commission + paid[i] + awards_outside;

      paid_sum += paid[i];
      totals[0] += total;
      totals[1] += total_paid;
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "person");
      json_builder_add_int_value (b, row->person_id);
      add_text (b, "name", row->name);
      add_text (b, "employee_no", row->employee_no);
      add_text (b, "position", row->position);
      attain_json_add_number (b, "composite", row->composite);
      attain_json_add_number (b, "curve_score", row->curve_score);
      add_text (b, "rating", row->rating);
      json_builder_set_member_name (b, "days");
      json_builder_add_int_value (b, row->days);
      add_money (b, "fixed", row->fixed);
      add_money (b, "commission_base", row->base);
      add_money (b, "commission_target", row->base_target);
      add_money (b, "commission", row->commission);
      add_text (b, "commission_formula", row->commission_formula);
      add_text (b, "commission_on", row->commission_on);
      add_money (b, "commission_gross", row->commission_gross);
      add_text (b, "commission_gross_formula", row->commission_gross_formula);
      add_money (b, "commission_reversed", row->commission_gross - row->commission);
      json_builder_set_member_name (b, "commission_reversals");
      json_builder_begin_array (b);
      for (guint r = 0; row->reversals != NULL && r < row->reversals->len; r++)
        {
          const Reversal  *reversal = &g_array_index (row->reversals, Reversal, r);
          g_autofree char *earned = attain_period_to_string (&reversal->earned);
          g_autofree char *text = reversal_formula (reversal, currency);
          json_builder_begin_object (b);
          add_text (b, "on", reversal->on);
          add_money (b, "amount", reversal->amount);
          add_text (b, "earned", earned);
          add_money (b, "paid_commission", reversal->paid_commission);
          add_money (b, "paid_base", reversal->paid_base);
          add_money (b, "deduction", reversal->deduction);
          add_text (b, "formula", text);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      attain_json_add_number (b, "payout", row->payout / 10000.0);
      add_money (b, "target_bonus", row->target_bonus);
      add_money (b, "variable", row->variable);
      add_text (b, "variable_formula", row->variable_formula);
      add_money (b, "awards", row->awards);
      add_text (b, "awards_formula", row->awards_formula);
      add_money (b, "pooled", computed[i]);
      add_money (b, "pooled_paid", paid[i]);
      add_money (b, "total", total);
      add_money (b, "total_paid", total_paid);
      add_text (b, "missing",
                row->signed_off && !isnan (row->composite)
                    ? NULL
                    : _ ("No signed-off review for this period: no variable part"));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "pool");
  if (pool >= 0)
    json_builder_add_int_value (b, pool);
  else
    json_builder_add_null_value (b);
  add_money (b, "pooled", sum);
  add_money (b, "pooled_paid", paid_sum);
  attain_json_add_number (b, "factor", factor / 10000.0);
  add_money (b, "total", totals[0]);
  add_money (b, "total_paid", totals[1]);
  {
    g_autofree char *computed_text = attain_format_money_exact (sum, currency);
    g_autofree char *pool_text = pool >= 0 ? attain_format_money_exact (pool, currency) : NULL;
    g_autofree char *factor_text = percent_bp (factor);
    g_autofree char *words = NULL;
    if (pool < 0)
      words = g_strdup_printf (_ ("No pool is set: the variable parts are paid as computed, %s."),
                               computed_text);
    else if (sum <= pool)
      words = g_strdup_printf (_ ("The variable parts come to %s, within the pool of %s: each is "
                                  "paid in full."),
                               computed_text, pool_text);
    else
      words = g_strdup_printf (_ ("The variable parts come to %s, above the pool of %s: each is "
                                  "paid %s of its figure (pool ÷ computed), rounded to the fen so "
                                  "the paid column sums exactly to the pool."),
                               computed_text, pool_text, factor_text);
    add_text (b, "pool_formula", words);
  }
  json_builder_set_member_name (b, "approved");
  json_builder_add_boolean_value (b, FALSE);
  /* How many people a pay plan applies to: none means nothing is set up yet. */
  json_builder_set_member_name (b, "planned");
  json_builder_add_int_value (b, planned);
  json_builder_set_member_name (b, "curve");
  {
    g_autoptr (JsonNode) points = json_from_string (curve != NULL ? curve : "[]", NULL);
    json_builder_add_value (b, points != NULL
                                   ? g_steal_pointer (&points)
                                   : json_node_init_array (json_node_alloc (), json_array_new ()));
  }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

JsonNode *
attain_bonus_sheet (AttainDb           *db,
                    gint64              unit_id,
                    const AttainPeriod *period,
                    const GDate        *today,
                    GError            **error)
{
  g_autofree char *approved_at = NULL, *figures = NULL;
  gint64           pool;

  if (!sheet_state (db, unit_id, period, &pool, &approved_at, &figures, error))
    return NULL;
  if (approved_at != NULL && figures != NULL)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      if (json_parser_load_from_data (parser, figures, -1, error))
        return json_node_copy (json_parser_get_root (parser));
      return NULL;
    }
  return compute_sheet (db, unit_id, period, today, pool, error);
}

JsonNode *
attain_bonus_sheet_for_person (AttainDb           *db,
                               gint64              person_id,
                               const AttainPeriod *period,
                               const GDate        *today,
                               GError            **error)
{
  gint64        unit_id = 0;
  sqlite3_stmt *stmt = attain_db_prepare (
      db,
      "SELECT s.unit_id FROM bonus_sheets s, json_each (s.figures, '$.people') p WHERE "
      "s.approved_at IS NOT NULL AND s.period_start = ?1 AND s.period_end = ?2 AND json_extract "
      "(p.value, '$.person') = ?3 UNION ALL SELECT -unit_id FROM people WHERE id = ?3 LIMIT 1",
      error);
  int rc;

  if (stmt == NULL)
    return NULL;
  attain_db_bind_period (stmt, 1, period);
  sqlite3_bind_int64 (stmt, 3, person_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    unit_id = ABS (sqlite3_column_int64 (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, ATTAIN_BONUS_ERROR, ATTAIN_BONUS_ERROR_INVALID,
                     _ ("This person is not in the database."));
      else
        attain_db_set_error (db, error, _ ("Reading the bonus sheet"));
      return NULL;
    }
  return attain_bonus_sheet (db, unit_id, period, today, error);
}

static gboolean
refuse_approved (const char *approved_at, GError **error)
{
  if (approved_at == NULL)
    return TRUE;
  g_set_error (error, ATTAIN_BONUS_ERROR, ATTAIN_BONUS_ERROR_LOCKED,
               _ ("This bonus sheet was approved on %s and is locked: it keeps the figures it was "
                  "approved with. Nothing was changed."),
               approved_at);
  return FALSE;
}

static gboolean
upsert_sheet (AttainDb           *db,
              gint64              unit_id,
              const AttainPeriod *period,
              gint64              pool,
              const char         *figures,
              GError            **error)
{
  static const char *kinds[] = { "month", "quarter", "year" };
  sqlite3_stmt      *stmt = attain_db_prepare (
           db,
           "INSERT INTO bonus_sheets (unit_id, period_kind, period_start, period_end, pool, "
                "approved_at, "
                "approved_by, figures) VALUES (?1, ?2, ?3, ?4, nullif (?5, -1), CASE WHEN ?6 IS NULL THEN "
                "NULL ELSE strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') END, CASE WHEN ?6 IS NULL THEN NULL ELSE "
                "?7 END, ?6) ON CONFLICT (unit_id, period_start, period_end) DO UPDATE SET pool = "
                "excluded.pool, approved_at = excluded.approved_at, approved_by = excluded.approved_by, "
                "figures = excluded.figures",
           error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_text (stmt, 2, kinds[period->kind], -1, SQLITE_STATIC);
  attain_db_bind_period (stmt, 3, period);
  sqlite3_bind_int64 (stmt, 5, pool < 0 ? -1 : pool);
  if (figures != NULL)
    sqlite3_bind_text (stmt, 6, figures, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 6);
  sqlite3_bind_text (stmt, 7, g_get_user_name (), -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Saving the bonus sheet"));
      return FALSE;
    }
  return TRUE;
}

gboolean
attain_bonus_sheet_set_pool (AttainDb           *db,
                             gint64              unit_id,
                             const AttainPeriod *period,
                             gboolean            has_pool,
                             gint64              pool,
                             GError            **error)
{
  g_autofree char *approved_at = NULL;
  gint64           stored;

  if (has_pool && pool < 0)
    {
      g_set_error (error, ATTAIN_PAY_ERROR, ATTAIN_PAY_ERROR_POOL,
                   _ ("A bonus pool cannot be negative. Nothing was changed."));
      return FALSE;
    }
  if (!has_pool)
    pool = -1;
  if (!attain_db_begin (db, error))
    return FALSE;
  /* Read inside the write transaction: an approval in between is seen, not overwritten. */
  if (!sheet_state (db, unit_id, period, &stored, &approved_at, NULL, error)
      || !refuse_approved (approved_at, error)
      || !upsert_sheet (db, unit_id, period, pool, NULL, error) || !attain_db_commit (db, error))
    {
      attain_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

gboolean
attain_bonus_sheet_approve (AttainDb           *db,
                            gint64              unit_id,
                            const AttainPeriod *period,
                            const GDate        *today,
                            GError            **error)
{
  g_autofree char *approved_at = NULL, *figures = NULL;
  g_autoptr (JsonNode) sheet = NULL;
  gint64 pool;

  if (!attain_db_begin (db, error))
    return FALSE;
  /* Computed inside the transaction: what is approved is what is on disk now. */
  if (!sheet_state (db, unit_id, period, &pool, &approved_at, NULL, error)
      || !refuse_approved (approved_at, error))
    {
      attain_db_rollback (db);
      return FALSE;
    }
  sheet = compute_sheet (db, unit_id, period, today, pool, error);
  if (sheet == NULL)
    {
      attain_db_rollback (db);
      return FALSE;
    }
  json_object_set_boolean_member (json_node_get_object (sheet), "approved", TRUE);
  figures = json_to_string (sheet, FALSE);
  if (!upsert_sheet (db, unit_id, period, pool, figures, error) || !attain_db_commit (db, error))
    {
      attain_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

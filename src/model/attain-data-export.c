/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-data-export.h"

#include "attain-gettext.h"
#include <math.h>
#include <string.h>

#include "attain-bonus.h"
#include "attain-cycle.h"
#include "attain-import.h"
#include "attain-json.h"
#include "attain-metrics.h"
#include "attain-org.h"

static void
set_text_column (AttainTable *table, guint column, sqlite3_stmt *stmt, int index)
{
  if (sqlite3_column_type (stmt, index) != SQLITE_NULL)
    attain_table_set_text (table, column, (const char *) sqlite3_column_text (stmt, index));
}

AttainTable *
attain_export_org (AttainDb *db, GError **error)
{
  static const char *fields[] = { "employee_no", "name",       "position", "team",
                                  "region",      "manager_no", "hired_on", "left_on" };
  g_autoptr (AttainTable) table = attain_table_new (_ ("Organisation"), NULL);
  sqlite3_stmt *stmt;
  int           rc;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    attain_table_add_column (table, attain_import_field_label (fields[i]),
                             i >= 6 ? ATTAIN_COLUMN_DATE : ATTAIN_COLUMN_TEXT, i == 1 ? 14 : 18);
  stmt = attain_db_prepare (
      db,
      "SELECT p.employee_no, p.name, pos.key, pos.name, t.name, r.name, m.employee_no, p.hired_on, "
      "p.left_on FROM people p JOIN positions pos ON pos.id = p.position_id "
      "JOIN org_units t ON t.id = p.unit_id LEFT JOIN org_units r ON r.id = t.parent_id "
      "AND r.kind <> 'company' LEFT JOIN people m ON m.id = p.manager_id "
      "ORDER BY r.name, t.name, p.employee_no, p.name",
      error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      attain_table_add_row (table);
      set_text_column (table, 0, stmt, 0);
      set_text_column (table, 1, stmt, 1);
      attain_table_set_text (table, 2,
                             attain_position_label ((const char *) sqlite3_column_text (stmt, 2),
                                                    (const char *) sqlite3_column_text (stmt, 3)));
      set_text_column (table, 3, stmt, 4);
      set_text_column (table, 4, stmt, 5);
      set_text_column (table, 5, stmt, 6);
      set_text_column (table, 6, stmt, 7);
      set_text_column (table, 7, stmt, 8);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Reading the organisation"));
      return NULL;
    }
  return g_steal_pointer (&table);
}

AttainTable *
attain_export_deals (AttainDb *db, GError **error)
{
  static const struct
  {
    const char      *field;
    AttainColumnKind kind;
  } columns[] = {
    { "external_id", ATTAIN_COLUMN_TEXT },  { "title", ATTAIN_COLUMN_TEXT },
    { "owner_no", ATTAIN_COLUMN_TEXT },     { "owner", ATTAIN_COLUMN_TEXT },
    { "customer", ATTAIN_COLUMN_TEXT },     { "tier", ATTAIN_COLUMN_TEXT },
    { "product_line", ATTAIN_COLUMN_TEXT }, { "stage", ATTAIN_COLUMN_TEXT },
    { "amount", ATTAIN_COLUMN_MONEY },      { "gross_profit", ATTAIN_COLUMN_MONEY },
    { "created_on", ATTAIN_COLUMN_DATE },   { "expected_close", ATTAIN_COLUMN_DATE },
    { "closed_on", ATTAIN_COLUMN_DATE },
  };
  g_autoptr (AttainTable) table = attain_table_new (_ ("Deals"), NULL);
  sqlite3_stmt *stmt;
  int           rc;

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    attain_table_add_column (table, attain_import_field_label (columns[i].field), columns[i].kind,
                             i == 1 || i == 4 ? 28 : 14);
  stmt = attain_db_prepare (
      db,
      "SELECT IFNULL (d.external_id, 'attain-' || d.id), d.title, p.employee_no, p.name, c.name, "
      "c.tier, "
      "d.product_line, d.status, st.key, st.name, d.amount, d.gross_profit, d.created_on, "
      "d.expected_close, d.closed_on FROM deals d JOIN people p ON p.id = d.owner_id "
      "JOIN customers c ON c.id = d.customer_id JOIN stages st ON st.id = d.stage_id ORDER BY d.id",
      error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *status = (const char *) sqlite3_column_text (stmt, 7);
      attain_table_add_row (table);
      for (int c = 0; c < 7; c++)
        set_text_column (table, c, stmt, c);
      attain_table_set_text (
          table, 7,
          g_str_equal (status, "lost")
              ? g_dpgettext2 (GETTEXT_PACKAGE, "deal stage", "Lost")
              : attain_stage_label ((const char *) sqlite3_column_text (stmt, 8),
                                    (const char *) sqlite3_column_text (stmt, 9)));
      attain_table_set_number (table, 8, sqlite3_column_int64 (stmt, 10));
      attain_table_set_number (table, 9, sqlite3_column_int64 (stmt, 11));
      set_text_column (table, 10, stmt, 12);
      set_text_column (table, 11, stmt, 13);
      set_text_column (table, 12, stmt, 14);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Reading the deals"));
      return NULL;
    }
  return g_steal_pointer (&table);
}

static AttainColumnKind
column_kind (AttainValueKind kind)
{
  switch (kind)
    {
    case ATTAIN_VALUE_MONEY:
      return ATTAIN_COLUMN_MONEY;
    case ATTAIN_VALUE_RATE:
      return ATTAIN_COLUMN_RATE;
    case ATTAIN_VALUE_SCORE:
    case ATTAIN_VALUE_DAYS:
      return ATTAIN_COLUMN_SCORE;
    case ATTAIN_VALUE_COUNT:
    default:
      return ATTAIN_COLUMN_COUNT;
    }
}

/* Every metric of every person for a period, with the revenue target and attainment: the sheet
 * finance asks for at the end of a quarter. */
AttainTable *
attain_export_metrics (AttainDb *db, const AttainPeriod *period, const GDate *today, GError **error)
{
  g_autofree char *label = attain_period_to_label (period);
  g_autoptr (AttainTable) table = attain_table_new (_ ("Metrics"), label);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  guint         fixed = 5;

  attain_table_add_column (table, attain_import_field_label ("employee_no"), ATTAIN_COLUMN_TEXT,
                           12);
  attain_table_add_column (table, attain_import_field_label ("name"), ATTAIN_COLUMN_TEXT, 12);
  attain_table_add_column (table, attain_import_field_label ("team"), ATTAIN_COLUMN_TEXT, 16);
  attain_table_add_column (table, _ ("Revenue target"), ATTAIN_COLUMN_MONEY, 16);
  attain_table_add_column (table, _ ("Revenue attainment"), ATTAIN_COLUMN_RATE, 12);
  for (guint m = 0; m < ATTAIN_N_METRICS; m++)
    attain_table_add_column (table, _ (attain_metric_info (m)->label),
                             column_kind (attain_metric_info (m)->kind), 14);

  stmt = attain_db_prepare (
      db,
      "SELECT p.id, p.employee_no, p.name, t.name FROM people p JOIN org_units t ON t.id = "
      "p.unit_id "
      "WHERE p.active OR p.left_on >= ?1 ORDER BY t.name, p.employee_no, p.name",
      error);
  if (stmt == NULL)
    return NULL;
  {
    GDate            first, last;
    g_autofree char *start = NULL;
    attain_period_bounds (period, &first, &last);
    start = attain_date_to_iso (&first);
    sqlite3_bind_text (stmt, 1, start, -1, SQLITE_TRANSIENT);
  }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
      g_ptr_array_add (names, g_strdup_printf ("%s\x1f%s\x1f%s",
                                               sqlite3_column_text (stmt, 1)
                                                   ? (const char *) sqlite3_column_text (stmt, 1)
                                                   : "",
                                               sqlite3_column_text (stmt, 2),
                                               sqlite3_column_text (stmt, 3)));
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < ids->len; i++)
    {
      AttainScope scope = { ATTAIN_SCOPE_PERSON, g_array_index (ids, gint64, i) };
      g_autoptr (AttainMetrics) metrics = attain_metrics_compute (db, &scope, period, today, error);
      g_auto (GStrv) parts = g_strsplit (g_ptr_array_index (names, i), "\x1f", 3);

      if (metrics == NULL)
        return NULL;
      attain_table_add_row (table);
      if (*parts[0])
        attain_table_set_text (table, 0, parts[0]);
      attain_table_set_text (table, 1, parts[1]);
      attain_table_set_text (table, 2, parts[2]);
      attain_table_set_number (table, 3, metrics->values[ATTAIN_METRIC_REVENUE].target);
      attain_table_set_number (table, 4, metrics->values[ATTAIN_METRIC_REVENUE].attainment);
      for (guint m = 0; m < ATTAIN_N_METRICS; m++)
        attain_table_set_number (table, fixed + m, metrics->values[m].value);
    }
  return g_steal_pointer (&table);
}

static const char *
appeal_outcome_label (const char *outcome)
{
  if (g_strcmp0 (outcome, "upheld") == 0)
    return _ ("upheld");
  if (g_strcmp0 (outcome, "rejected") == 0)
    return _ ("rejected");
  return _ ("open");
}

/* A review cycle for HR: each member's parts, composite and rating, the calibration move with its
 * reason and the latest appeal's outcome, read from the same scores the evaluation page shows. */
AttainTable *
attain_export_scores (AttainDb *db, gint64 cycle_id, const GDate *today, GError **error)
{
  g_autoptr (JsonNode) scores = attain_cycle_scores_to_json (db, cycle_id, today, error);
  g_autoptr (AttainTable) table = NULL;
  JsonObject *root;
  JsonArray  *people;

  if (scores == NULL)
    return NULL;
  root = json_node_get_object (scores);
  people = json_object_get_array_member (root, "people");
  table = attain_table_new (_ ("Scores"), json_object_get_string_member (root, "name"));
  attain_table_add_column (table, attain_import_field_label ("employee_no"), ATTAIN_COLUMN_TEXT,
                           12);
  attain_table_add_column (table, attain_import_field_label ("name"), ATTAIN_COLUMN_TEXT, 12);
  attain_table_add_column (table, attain_import_field_label ("team"), ATTAIN_COLUMN_TEXT, 16);
  attain_table_add_column (table, _ ("Step"), ATTAIN_COLUMN_TEXT, 14);
  attain_table_add_column (table, _ ("Scorecard"), ATTAIN_COLUMN_TEXT, 18);
  attain_table_add_column (table, _ ("KPI score"), ATTAIN_COLUMN_SCORE, 10);
  attain_table_add_column (table, _ ("MBO score"), ATTAIN_COLUMN_SCORE, 10);
  attain_table_add_column (table, _ ("360 score"), ATTAIN_COLUMN_SCORE, 10);
  attain_table_add_column (table, _ ("Composite score"), ATTAIN_COLUMN_SCORE, 10);
  attain_table_add_column (table, _ ("Computed rating"), ATTAIN_COLUMN_TEXT, 10);
  attain_table_add_column (table, _ ("Rating"), ATTAIN_COLUMN_TEXT, 8);
  attain_table_add_column (table, _ ("Calibration reason"), ATTAIN_COLUMN_TEXT, 30);
  attain_table_add_column (table, _ ("Calibrated by"), ATTAIN_COLUMN_TEXT, 12);
  attain_table_add_column (table, _ ("Calibrated on"), ATTAIN_COLUMN_DATE, 12);
  attain_table_add_column (table, _ ("Appeal"), ATTAIN_COLUMN_TEXT, 10);
  attain_table_add_column (table, _ ("Appeal decided on"), ATTAIN_COLUMN_DATE, 12);

  for (guint i = 0; i < json_array_get_length (people); i++)
    {
      JsonObject *p = json_array_get_object_element (people, i);
      JsonNode   *appeal = json_object_get_member (p, "appeal");
      const char *rating = attain_json_get_string (p, "rating");
      const char *computed = json_object_has_member (p, "rating_computed")
                                 ? attain_json_get_string (p, "rating_computed")
                                 : rating;
      const char *at = attain_json_get_string (p, "calibrated_at");

      attain_table_add_row (table);
      attain_table_set_text (table, 0, attain_json_get_string (p, "employee_no"));
      attain_table_set_text (table, 1, attain_json_get_string (p, "name"));
      attain_table_set_text (table, 2, attain_json_get_string (p, "team"));
      attain_table_set_text (table, 3,
                             attain_cycle_state_label (attain_json_get_string (p, "state")));
      attain_table_set_text (table, 4, attain_json_get_string (p, "scorecard"));
      attain_table_set_number (table, 5, attain_json_get_number (p, "kpi"));
      attain_table_set_number (table, 6, attain_json_get_number (p, "mbo"));
      attain_table_set_number (table, 7, attain_json_get_number (p, "feedback"));
      attain_table_set_number (table, 8, attain_json_get_number (p, "composite"));
      attain_table_set_text (table, 9, computed);
      attain_table_set_text (table, 10, rating);
      attain_table_set_text (table, 11, attain_json_get_string (p, "calibration_reason"));
      attain_table_set_text (table, 12, attain_json_get_string (p, "calibrated_by"));
      if (at != NULL && strlen (at) >= 10)
        {
          g_autofree char *day = g_strndup (at, 10);
          attain_table_set_text (table, 13, day);
        }
      if (appeal != NULL && JSON_NODE_HOLDS_OBJECT (appeal))
        {
          JsonObject *a = json_node_get_object (appeal);
          attain_table_set_text (table, 14,
                                 appeal_outcome_label (attain_json_get_string (a, "outcome")));
          attain_table_set_text (table, 15, attain_json_get_string (a, "decided_on"));
        }
    }
  return g_steal_pointer (&table);
}

/* The bonus sheet for HR and finance: one row per person with the figures computed and paid,
 * read from the same sheet the shell and the pages show (an approved one as approved). */
AttainTable *
attain_export_bonus_sheet (AttainDb           *db,
                           gint64              unit_id,
                           const AttainPeriod *period,
                           const GDate        *today,
                           GError            **error)
{
  g_autoptr (JsonNode) sheet = attain_bonus_sheet (db, unit_id, period, today, error);
  g_autoptr (AttainTable) table = NULL;
  static const struct
  {
    const char      *member;
    const char      *title;
    AttainColumnKind kind;
    int              width;
  } columns[] = {
    { "employee_no", NULL, ATTAIN_COLUMN_TEXT, 12 },
    { "name", NULL, ATTAIN_COLUMN_TEXT, 12 },
    { "position", N_ ("Position"), ATTAIN_COLUMN_TEXT, 12 },
    { "composite", N_ ("Composite score"), ATTAIN_COLUMN_SCORE, 10 },
    { "rating", N_ ("Rating"), ATTAIN_COLUMN_TEXT, 8 },
    { "days", N_ ("Days in the period"), ATTAIN_COLUMN_COUNT, 10 },
    { "fixed", N_ ("Fixed pay"), ATTAIN_COLUMN_MONEY, 14 },
    { "commission_reversed", N_ ("Commission reversed"), ATTAIN_COLUMN_MONEY, 14 },
    { "commission", N_ ("Commission"), ATTAIN_COLUMN_MONEY, 14 },
    { "payout", N_ ("Curve payout"), ATTAIN_COLUMN_RATE, 10 },
    { "target_bonus", N_ ("Target bonus"), ATTAIN_COLUMN_MONEY, 14 },
    { "variable", N_ ("Variable part"), ATTAIN_COLUMN_MONEY, 14 },
    { "awards", N_ ("Awards"), ATTAIN_COLUMN_MONEY, 12 },
    { "total", N_ ("Total computed"), ATTAIN_COLUMN_MONEY, 14 },
    { "pooled_paid", N_ ("Variable paid (pool)"), ATTAIN_COLUMN_MONEY, 14 },
    { "total_paid", N_ ("Total paid"), ATTAIN_COLUMN_MONEY, 14 },
    { "missing", N_ ("Note"), ATTAIN_COLUMN_TEXT, 30 },
  };
  JsonObject *root;
  JsonArray  *people;

  if (sheet == NULL)
    return NULL;
  root = json_node_get_object (sheet);
  people = json_object_get_array_member (root, "people");
  table = attain_table_new (_ ("Bonus sheet"), json_object_get_string_member (root, "period"));
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    attain_table_add_column (table,
                             columns[c].title != NULL
                                 ? _ (columns[c].title)
                                 : attain_import_field_label (columns[c].member),
                             columns[c].kind, columns[c].width);
  for (guint i = 0; i < json_array_get_length (people); i++)
    {
      JsonObject *p = json_array_get_object_element (people, i);
      attain_table_add_row (table);
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        if (columns[c].kind == ATTAIN_COLUMN_TEXT)
          attain_table_set_text (table, c, attain_json_get_string (p, columns[c].member));
        else
          attain_table_set_number (table, c, attain_json_get_number (p, columns[c].member));
    }
  return g_steal_pointer (&table);
}

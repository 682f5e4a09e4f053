/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing a file is two steps. Prepare reads the whole file, finds its header, maps columns
 * and values, parses every cell and checks every row against the database, writing nothing.
 * Apply writes the prepared records in one transaction, with the sums brought up to date for
 * the people and customers touched, one audit entry and one row in imports: it happens whole or
 * not at all, and a cancel or a kill leaves the file as it was. */
#include "attain-import-private.h"

#include "attain-gettext.h"
#include <string.h>

#include "attain-goal.h"
#include "attain-org.h"
#include "attain-period.h"
#include "attain-rollup.h"

/* The quark name is a string, not a subtraction. */
/* clang-format off */
G_DEFINE_QUARK (attain-import-error-quark, attain_import_error)
/* clang-format on */

/* How many lines of the file may come before the header (title rows, notes). */
#define MAX_TITLE_ROWS 30
/* Rows the prepare step lists as rejected in full; the count covers the rest. */
#define MAX_PROBLEMS 1000

void
attain_import_record_free (Record *record)
{
  for (guint i = 0; i < N_FIELDS; i++)
    g_free (record->v[i].text);
  if (record->targets)
    g_array_unref (record->targets);
  g_free (record);
}

static void
problem_free (AttainImportProblem *problem)
{
  g_free (problem->column);
  g_free (problem->value);
  g_free (problem->message);
  g_free (problem->sentence);
  g_free (problem);
}

static void
unmapped_free (AttainImportUnmapped *unmapped)
{
  g_free (unmapped->field_key);
  g_free (unmapped->value);
  g_free (unmapped);
}

void
attain_import_plan_free (AttainImportPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->source);
  g_free (plan->file_name);
  g_free (plan->sha256);
  g_free (plan->company_name);
  g_free (plan->metric);
  g_free (plan->as_of);
  attain_sheet_free (plan->sheet);
  g_free (plan->column_fields);
  g_free (plan->period_columns);
  g_ptr_array_unref (plan->problems);
  g_ptr_array_unref (plan->unmapped);
  g_ptr_array_unref (plan->records);
  g_ptr_array_unref (plan->notes);
  g_free (plan);
}

void
attain_import_summary_clear (AttainImportSummary *summary)
{
  g_clear_pointer (&summary->notes, g_ptr_array_unref);
  memset (summary, 0, sizeof *summary);
}

const AttainSheet *
attain_import_plan_get_sheet (AttainImportPlan *plan)
{
  return plan->sheet;
}

guint
attain_import_plan_get_header_row (AttainImportPlan *plan)
{
  return plan->header_row;
}

const char *
attain_import_plan_get_column_field (AttainImportPlan *plan, guint column)
{
  if (column >= plan->n_columns || plan->column_fields[column] == N_FIELDS)
    return NULL;
  return attain_import_field (plan->column_fields[column])->key;
}

gint64
attain_import_plan_get_amount_unit (AttainImportPlan *plan)
{
  return plan->amount_unit;
}

GPtrArray *
attain_import_plan_get_problems (AttainImportPlan *plan)
{
  return plan->problems;
}

GPtrArray *
attain_import_plan_get_unmapped (AttainImportPlan *plan)
{
  return plan->unmapped;
}

guint
attain_import_plan_get_n_records (AttainImportPlan *plan)
{
  return plan->records->len;
}

const char *
attain_import_plan_get_sha256 (AttainImportPlan *plan)
{
  return plan->sha256;
}

/* Rows held back only because their period's review is signed off: the second confirmation
 * (allow_locked) lets them in. */
guint
attain_import_plan_get_n_locked (AttainImportPlan *plan)
{
  return plan->n_locked;
}

gboolean
attain_import_plan_is_period_column (AttainImportPlan *plan, guint column)
{
  return column < plan->n_columns && plan->period_columns[column].kind >= 0;
}

void
attain_import_plan_set_company_name (AttainImportPlan *plan, const char *name)
{
  g_free (plan->company_name);
  plan->company_name = g_strdup (name);
}

static const char *
header_text (AttainImportPlan *plan, guint column)
{
  return attain_sheet_cell (plan->sheet, plan->header_row, column);
}

static void
add_problem (AttainImportPlan *plan,
             guint             line,
             guint             column,
             const char       *value,
             const char       *sentence)
{
  AttainImportProblem *problem;

  plan->n_problems++;
  if (plan->problems->len >= MAX_PROBLEMS)
    return;
  problem = g_new0 (AttainImportProblem, 1);
  problem->line = line;
  problem->column = g_strdup (column < plan->n_columns ? header_text (plan, column) : "");
  problem->value = g_strdup (value ? value : "");
  problem->sentence = g_strdup (sentence);
  if (column < plan->n_columns)
    /* Translators: "Line 16, 负责人: no salesperson named …" */
    problem->message = g_strdup_printf (_ ("Line %u, %s: %s"), line, problem->column, sentence);
  else
    problem->message = g_strdup_printf (_ ("Line %u: %s"), line, sentence);
  g_ptr_array_add (plan->problems, problem);
}

static void
add_unmapped (AttainImportPlan *plan, FieldId id, const char *value, guint line)
{
  for (guint i = 0; i < plan->unmapped->len; i++)
    {
      AttainImportUnmapped *u = g_ptr_array_index (plan->unmapped, i);
      if (g_str_equal (u->field_key, attain_import_field (id)->key)
          && g_str_equal (u->value, value))
        {
          u->count++;
          return;
        }
    }
  {
    AttainImportUnmapped *u = g_new0 (AttainImportUnmapped, 1);
    u->field_key = g_strdup (attain_import_field (id)->key);
    u->value = g_strdup (value);
    u->first_line = line;
    u->count = 1;
    g_ptr_array_add (plan->unmapped, u);
  }
}

/* A targets grid's period columns: "1月", "2026-01", "Jan", "Q1", "一季度", "2026年第3季度". */
static PeriodColumn
period_of_header (const char *header)
{
  static const char *quarters_cn[] = { "一季度", "二季度", "三季度", "四季度" };
  PeriodColumn       column = { -1, 0, 0 };
  g_autofree char   *norm = attain_import_normalize (header);
  int                month;

  if (strlen (norm) >= 4 && g_ascii_isdigit (norm[0]) && g_ascii_isdigit (norm[1])
      && g_ascii_isdigit (norm[2]) && g_ascii_isdigit (norm[3]))
    {
      int year = atoi (norm);
      if (year >= 1990 && year <= 2200 && norm[4] != '\0')
        column.year = year;
    }
  for (int q = 0; q < 4; q++)
    {
      g_autofree char *q_text = g_strdup_printf ("q%d", q + 1);
      g_autofree char *q_cn = g_strdup_printf ("第%d季度", q + 1);
      g_autofree char *q_cn2 = g_strdup_printf ("%d季度", q + 1);
      if (g_str_has_suffix (norm, q_text) || g_str_has_suffix (norm, quarters_cn[q])
          || g_str_has_suffix (norm, q_cn) || g_str_has_suffix (norm, q_cn2))
        {
          column.kind = ATTAIN_PERIOD_QUARTER;
          column.index = q + 1;
          return column;
        }
    }
  if (attain_parse_month (header, &month))
    {
      column.kind = ATTAIN_PERIOD_MONTH;
      column.index = month;
      return column;
    }
  column.year = 0;
  return column;
}

static gboolean
is_total_text (const char *text)
{
  g_autofree char   *norm = attain_import_normalize (text);
  static const char *totals[]
      = { "合计",       "总计", "小计",     "總計", "合計",     "total",
          "grandtotal", "sum",  "subtotal", "全年", "年度合计", "全年合计" };
  for (guint i = 0; i < G_N_ELEMENTS (totals); i++)
    if (g_str_equal (norm, totals[i]))
      return TRUE;
  return FALSE;
}

static guint
score_header_row (const AttainImportOptions *options, const AttainSheetRow *row)
{
  guint    score = 0;
  gboolean seen[N_FIELDS] = { 0 };

  for (guint c = 0; c < row->n_cells; c++)
    {
      gint64  unit;
      FieldId id = attain_import_match_header (options, row->cells[c], &unit);
      if (id != N_FIELDS && !seen[id])
        {
          seen[id] = TRUE;
          score++;
        }
      else if (options->kind == ATTAIN_IMPORT_TARGETS && period_of_header (row->cells[c]).kind >= 0)
        score++;
    }
  return score;
}

/* The unit a title row states for all amounts: "单位：万元", "金额单位:万元", "(万元)". */
static gint64
unit_of_title_rows (AttainImportPlan *plan)
{
  for (guint r = 0; r < plan->header_row; r++)
    {
      const AttainSheetRow *row = g_ptr_array_index (plan->sheet->rows, r);
      for (guint c = 0; c < row->n_cells; c++)
        {
          g_autofree char *norm = attain_import_normalize (row->cells[c]);
          if (strstr (norm, "单位") != NULL || strstr (norm, "單位") != NULL
              || strstr (norm, "unit") != NULL)
            {
              if (strstr (norm, "亿元") != NULL)
                return 100000000;
              if (strstr (norm, "万元") != NULL || strstr (norm, "萬元") != NULL)
                return 10000;
              if (strstr (norm, "元") != NULL)
                return 1;
            }
        }
    }
  return 0;
}

typedef struct
{
  GHashTable *by_name;    /* name -> id, or -1 when two people share it */
  GHashTable *by_number;  /* employee number -> id */
  GHashTable *units;      /* normalized unit name -> id, or -1 when ambiguous */
  GHashTable *stages;     /* key -> position */
  GHashTable *external;   /* external ids seen in this file -> line */
  GHashTable *mapped;     /* "field\x1fraw text" -> mapped value, or "" when unknown */
  GHashTable *signed_off; /* people with at least one signed-off review */
} Lookups;

static void
lookups_clear (Lookups *lookups)
{
  g_clear_pointer (&lookups->by_name, g_hash_table_unref);
  g_clear_pointer (&lookups->by_number, g_hash_table_unref);
  g_clear_pointer (&lookups->units, g_hash_table_unref);
  g_clear_pointer (&lookups->stages, g_hash_table_unref);
  g_clear_pointer (&lookups->external, g_hash_table_unref);
  g_clear_pointer (&lookups->mapped, g_hash_table_unref);
  g_clear_pointer (&lookups->signed_off, g_hash_table_unref);
}

static void
insert_ambiguous (GHashTable *table, char *key, gint64 id)
{
  gpointer existing;
  if (g_hash_table_lookup_extended (table, key, NULL, &existing))
    {
      if (GPOINTER_TO_SIZE (existing) != (gsize) id)
        g_hash_table_replace (table, key, GSIZE_TO_POINTER ((gsize) -1));
      else
        g_free (key);
    }
  else
    g_hash_table_insert (table, key, GSIZE_TO_POINTER ((gsize) id));
}

static gboolean
load_lookups (AttainDb *db, Lookups *lookups, GError **error)
{
  sqlite3_stmt *stmt;

  lookups->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lookups->by_number = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lookups->units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lookups->stages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lookups->external = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lookups->mapped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  stmt = attain_db_prepare (db, "SELECT id, name, employee_no FROM people", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      insert_ambiguous (lookups->by_name, g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
                        id);
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        g_hash_table_insert (lookups->by_number,
                             g_strdup ((const char *) sqlite3_column_text (stmt, 2)),
                             GSIZE_TO_POINTER ((gsize) id));
    }
  sqlite3_reset (stmt);
  stmt = attain_db_prepare (db, "SELECT id, name FROM org_units", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    insert_ambiguous (lookups->units,
                      attain_import_normalize ((const char *) sqlite3_column_text (stmt, 1)),
                      sqlite3_column_int64 (stmt, 0));
  sqlite3_reset (stmt);
  lookups->signed_off = g_hash_table_new (NULL, NULL);
  stmt = attain_db_prepare (
      db, "SELECT DISTINCT person_id FROM reviews WHERE signed_off_at IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (lookups->signed_off,
                      GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (stmt, 0)));
  sqlite3_reset (stmt);
  stmt = attain_db_prepare (db, "SELECT key, position FROM stages WHERE key IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (lookups->stages, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         GINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
  sqlite3_reset (stmt);
  return TRUE;
}

/* Parses one cell into its field's value; on a bad cell, adds the row's problem and returns
 * FALSE. Empty cells leave the value unset. */
static gboolean
parse_cell (AttainImportPlan          *plan,
            const AttainImportOptions *options,
            Lookups                   *lookups,
            const AttainSheetRow      *row,
            guint                      column,
            gint64                     column_unit,
            Record                    *record)
{
  FieldId            id = plan->column_fields[column];
  const ImportField *field = attain_import_field (id);
  const char        *text = column < row->n_cells ? row->cells[column] : "";
  g_autofree char   *trimmed = g_strstrip (g_strdup (text));
  g_autoptr (GError) local_error = NULL;
  Value *value = &record->v[id];

  if (*trimmed == '\0')
    return TRUE;

  switch (field->type)
    {
    case T_TEXT:
      if (g_utf8_strlen (trimmed, -1) > 500)
        {
          add_problem (plan, row->line, column, trimmed,
                       _ ("the text is longer than 500 characters. Shorten it."));
          return FALSE;
        }
      value->text = g_steal_pointer (&trimmed);
      break;

    case T_PERSON:
      {
        gpointer    found;
        gboolean    by_number = id == F_OWNER_NO;
        GHashTable *table = by_number ? lookups->by_number : lookups->by_name;
        if (!g_hash_table_lookup_extended (table, trimmed, NULL, &found)
            && (by_number
                || !g_hash_table_lookup_extended (lookups->by_number, trimmed, NULL, &found)))
          {
            g_autofree char *sentence
                = by_number
                      ? g_strdup_printf (_ ("no salesperson has the employee number “%s”. Add "
                                            "them to the organisation or correct the number."),
                                         trimmed)
                      : g_strdup_printf (_ ("no salesperson named “%s”. Add them to the "
                                            "organisation or correct the name."),
                                         trimmed);
            add_problem (plan, row->line, column, trimmed, sentence);
            return FALSE;
          }
        if (GPOINTER_TO_SIZE (found) == (gsize) -1)
          {
            g_autofree char *sentence = g_strdup_printf (
                _ ("more than one person is named “%s”. Use a column of employee "
                   "numbers (工号) to tell them apart."),
                trimmed);
            add_problem (plan, row->line, column, trimmed, sentence);
            return FALSE;
          }
        value->num = (gint64) GPOINTER_TO_SIZE (found);
      }
      break;

    case T_AMOUNT:
      {
        gint64 yuan_per_unit = column_unit > 0         ? column_unit
                               : plan->amount_unit > 0 ? plan->amount_unit
                                                       : 1;
        if (!attain_parse_amount (trimmed, 100 * yuan_per_unit, &value->num, &local_error))
          {
            add_problem (plan, row->line, column, trimmed, local_error->message);
            return FALSE;
          }
      }
      break;

    case T_DATE:
      {
        GDate date;
        if (!attain_parse_date (trimmed, options->date_order, &date, &local_error))
          {
            add_problem (plan, row->line, column, trimmed, local_error->message);
            return FALSE;
          }
        value->text = attain_date_to_iso (&date);
      }
      break;

    case T_INT:
      if (!attain_parse_integer (trimmed, G_MININT32, G_MAXINT32, &value->num, &local_error))
        {
          add_problem (plan, row->line, column, trimmed, local_error->message);
          return FALSE;
        }
      break;

    case T_MONTH:
      {
        GDate            date;
        int              month;
        g_autofree char *padded = g_strconcat (trimmed, "-01", NULL);
        if (attain_parse_date (trimmed, options->date_order, &date, NULL)
            || attain_parse_date (padded, ATTAIN_DATE_ORDER_YMD, &date, NULL))
          value->num = attain_month_from_date (&date);
        else if (strlen (trimmed) >= 6 && attain_parse_month (trimmed, &month)
                 && atoi (trimmed) >= 1900)
          value->num = atoi (trimmed) * 100 + month;
        else
          {
            g_autofree char *sentence
                = g_strdup_printf (_ ("“%s” is not a month. Write it like 2026-03."), trimmed);
            add_problem (plan, row->line, column, trimmed, sentence);
            return FALSE;
          }
      }
      break;

    case T_UNIT:
      {
        g_autofree char *norm = attain_import_normalize (trimmed);
        gpointer         found;
        if (!g_hash_table_lookup_extended (lookups->units, norm, NULL, &found))
          {
            g_autofree char *sentence
                = g_strdup_printf (_ ("there is no region or team named “%s”. Import the "
                                      "organisation first or correct the name."),
                                   trimmed);
            add_problem (plan, row->line, column, trimmed, sentence);
            return FALSE;
          }
        if (GPOINTER_TO_SIZE (found) == (gsize) -1)
          {
            g_autofree char *sentence = g_strdup_printf (
                _ ("more than one unit is named “%s”. Rename one of them first."), trimmed);
            add_problem (plan, row->line, column, trimmed, sentence);
            return FALSE;
          }
        value->num = (gint64) GPOINTER_TO_SIZE (found);
      }
      break;

    case T_STAGE:
    case T_TIER:
    case T_ACTIVITY_KIND:
    case T_FEEDBACK_KIND:
    case T_METRIC:
      {
        /* A file repeats a handful of stage or tier values; map each once. */
        g_autofree char *cache_key = g_strdup_printf ("%d\x1f%s", id, trimmed);
        const char      *mapped = g_hash_table_lookup (lookups->mapped, cache_key);
        if (mapped == NULL)
          {
            mapped = attain_import_map_value (options, id, trimmed);
            g_hash_table_insert (lookups->mapped, g_steal_pointer (&cache_key),
                                 g_strdup (mapped ? mapped : ""));
          }
        if (mapped == NULL || *mapped == '\0')
          {
            g_autofree char *sentence = g_strdup_printf (
                _ ("“%s” is not in the mapping for %s. Map it to one of Attain’s "
                   "values in the mapping step (or with --map)."),
                trimmed, _ (field->label));
            add_problem (plan, row->line, column, trimmed, sentence);
            add_unmapped (plan, id, trimmed, row->line);
            return FALSE;
          }
        if (field->type == T_STAGE && !g_str_equal (mapped, "lost")
            && !g_hash_table_contains (lookups->stages, mapped))
          {
            g_autofree char *sentence
                = g_strdup_printf (_ ("the stage “%s” is mapped to “%s”, which this company’s "
                                      "pipeline does not have."),
                                   trimmed, mapped);
            add_problem (plan, row->line, column, trimmed, sentence);
            return FALSE;
          }
        if (field->type == T_METRIC && attain_goal_metric_lookup (mapped) == NULL)
          {
            g_autofree char *sentence
                = g_strdup_printf (_ ("“%s” is not a metric targets can be set for."), trimmed);
            add_problem (plan, row->line, column, trimmed, sentence);
            return FALSE;
          }
        value->text = g_strdup (mapped);
      }
      break;
    }
  value->set = TRUE;
  return TRUE;
}

static guint
column_of_field (AttainImportPlan *plan, FieldId id)
{
  for (guint c = 0; c < plan->n_columns; c++)
    if (plan->column_fields[c] == id)
      return c;
  return G_MAXUINT;
}

/* Checks that need the whole row: an owner, dates that go together, ranges. */
static gboolean
check_record (AttainImportPlan          *plan,
              const AttainImportOptions *options,
              Lookups                   *lookups,
              Record                    *r)
{
  AttainImportKind kind = plan->kind;
  Value           *v = r->v;

  if (kind != ATTAIN_IMPORT_ORG && kind != ATTAIN_IMPORT_MARKET && kind != ATTAIN_IMPORT_TARGETS)
    {
      if (v[F_OWNER].set && v[F_OWNER_NO].set && v[F_OWNER].num != v[F_OWNER_NO].num)
        {
          add_problem (plan, r->line, column_of_field (plan, F_OWNER), NULL,
                       _ ("the salesperson’s name and employee number belong to two different "
                          "people. Correct one of them."));
          return FALSE;
        }
      if (!v[F_OWNER].set && !v[F_OWNER_NO].set)
        {
          add_problem (plan, r->line, G_MAXUINT, NULL,
                       _ ("no salesperson is given. Every record belongs to a salesperson."));
          return FALSE;
        }
      if (!v[F_OWNER].set)
        v[F_OWNER] = (Value){ TRUE, v[F_OWNER_NO].num, NULL };
    }

  if (v[F_EXTERNAL_ID].set)
    {
      gpointer line;
      if (g_hash_table_lookup_extended (lookups->external, v[F_EXTERNAL_ID].text, NULL, &line))
        {
          g_autofree char *sentence
              = g_strdup_printf (_ ("the record id “%s” is also on line %u. Each record may appear "
                                    "once; remove the duplicate."),
                                 v[F_EXTERNAL_ID].text, GPOINTER_TO_UINT (line));
          add_problem (plan, r->line, column_of_field (plan, F_EXTERNAL_ID), v[F_EXTERNAL_ID].text,
                       sentence);
          return FALSE;
        }
      g_hash_table_insert (lookups->external, g_strdup (v[F_EXTERNAL_ID].text),
                           GUINT_TO_POINTER (r->line));
    }

  switch (kind)
    {
    case ATTAIN_IMPORT_DEALS:
      if (!v[F_STAGE].set || !v[F_AMOUNT].set || !v[F_CUSTOMER].set)
        {
          FieldId missing = !v[F_CUSTOMER].set ? F_CUSTOMER : !v[F_STAGE].set ? F_STAGE : F_AMOUNT;
          g_autofree char *sentence = g_strdup_printf (_ ("the %s is empty; a deal needs one."),
                                                       _ (attain_import_field (missing)->label));
          add_problem (plan, r->line, column_of_field (plan, missing), NULL, sentence);
          return FALSE;
        }
      if (v[F_AMOUNT].num < 0)
        {
          add_problem (plan, r->line, column_of_field (plan, F_AMOUNT), NULL,
                       _ ("a deal’s amount cannot be negative. Import a refund as a collection "
                          "reversal instead."));
          return FALSE;
        }
      if (g_str_equal (v[F_STAGE].text, "won") && !v[F_CLOSED_ON].set)
        {
          if (v[F_STAGE_DATE].set)
            v[F_CLOSED_ON] = (Value){ TRUE, 0, g_strdup (v[F_STAGE_DATE].text) };
          else
            {
              add_problem (plan, r->line, column_of_field (plan, F_CLOSED_ON), NULL,
                           _ ("a won deal needs its close date. Add the date it was won."));
              return FALSE;
            }
        }
      if (!v[F_CREATED_ON].set)
        {
          /* Exports without a creation date: the deal is taken to start when it was first seen
           * closing, which keeps the cycle at zero rather than inventing one. */
          const char *first = v[F_CLOSED_ON].set        ? v[F_CLOSED_ON].text
                              : v[F_STAGE_DATE].set     ? v[F_STAGE_DATE].text
                              : v[F_EXPECTED_CLOSE].set ? v[F_EXPECTED_CLOSE].text
                                                        : options->as_of;
          v[F_CREATED_ON] = (Value){ TRUE, 0, g_strdup (first) };
        }
      if (v[F_CLOSED_ON].set && g_strcmp0 (v[F_CLOSED_ON].text, v[F_CREATED_ON].text) < 0)
        {
          g_autofree char *sentence = g_strdup_printf (
              _ ("the deal closed on %s, before it was created (%s). Correct one "
                 "of the dates."),
              v[F_CLOSED_ON].text, v[F_CREATED_ON].text);
          add_problem (plan, r->line, column_of_field (plan, F_CLOSED_ON), v[F_CLOSED_ON].text,
                       sentence);
          return FALSE;
        }
      break;

    case ATTAIN_IMPORT_COLLECTIONS:
      if (!v[F_COLLECTED_AMOUNT].set)
        v[F_COLLECTED_AMOUNT] = (Value){ TRUE, 0, NULL };
      /* A negative amount collected is a refund (退款), dated by its collection date. */
      if (v[F_COLLECTED_AMOUNT].num < 0)
        {
          if (!v[F_COLLECTED_ON].set)
            {
              add_problem (plan, r->line, column_of_field (plan, F_COLLECTED_ON), NULL,
                           _ ("a refund needs the date the money was paid back. Add it as the "
                              "collection date."));
              return FALSE;
            }
          break;
        }
      if (!v[F_INVOICE_AMOUNT].set)
        v[F_INVOICE_AMOUNT] = (Value){ TRUE, v[F_COLLECTED_AMOUNT].num, NULL };
      if (v[F_INVOICE_AMOUNT].num < 0)
        {
          add_problem (plan, r->line, column_of_field (plan, F_INVOICE_AMOUNT), NULL,
                       _ ("an invoiced amount cannot be negative. Enter a refund as a negative "
                          "amount collected."));
          return FALSE;
        }
      if (!v[F_INVOICED_ON].set && !v[F_COLLECTED_ON].set)
        {
          add_problem (plan, r->line, column_of_field (plan, F_COLLECTED_ON), NULL,
                       _ ("the row has neither an invoice date nor a collection date. Add one."));
          return FALSE;
        }
      if (!v[F_INVOICED_ON].set)
        v[F_INVOICED_ON] = (Value){ TRUE, 0, g_strdup (v[F_COLLECTED_ON].text) };
      if (v[F_COLLECTED_AMOUNT].num > 0 && !v[F_COLLECTED_ON].set)
        {
          add_problem (plan, r->line, column_of_field (plan, F_COLLECTED_ON), NULL,
                       _ ("money was collected but the collection date is empty. Add the date."));
          return FALSE;
        }
      break;

    case ATTAIN_IMPORT_ACTIVITIES:
      if (!v[F_HAPPENED_ON].set || !v[F_ACTIVITY_KIND].set)
        {
          FieldId          missing = !v[F_HAPPENED_ON].set ? F_HAPPENED_ON : F_ACTIVITY_KIND;
          g_autofree char *sentence
              = g_strdup_printf (_ ("the %s is empty; an activity needs one."),
                                 _ (attain_import_field (missing)->label));
          add_problem (plan, r->line, column_of_field (plan, missing), NULL, sentence);
          return FALSE;
        }
      break;

    case ATTAIN_IMPORT_FEEDBACK:
      if (!v[F_GIVEN_ON].set)
        {
          add_problem (plan, r->line, column_of_field (plan, F_GIVEN_ON), NULL,
                       _ ("the date is empty; feedback needs the day it was given."));
          return FALSE;
        }
      if (!v[F_FEEDBACK_KIND].set)
        v[F_FEEDBACK_KIND]
            = (Value){ TRUE, 0,
                       g_strdup (v[F_SCORE].set || v[F_RECOMMEND].set ? "survey" : "complaint") };
      if (v[F_SCORE].set && (v[F_SCORE].num < 1 || v[F_SCORE].num > plan->scale))
        {
          g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, v[F_SCORE].num);
          g_autofree char *sentence = g_strdup_printf (
              _ ("the satisfaction score %s is outside 1–%d. Correct it, or choose "
                 "the 1–10 scale in the mapping."),
              value, plan->scale);
          add_problem (plan, r->line, column_of_field (plan, F_SCORE), value, sentence);
          return FALSE;
        }
      if (v[F_RECOMMEND].set && (v[F_RECOMMEND].num < 0 || v[F_RECOMMEND].num > 10))
        {
          g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, v[F_RECOMMEND].num);
          add_problem (plan, r->line, column_of_field (plan, F_RECOMMEND), value,
                       _ ("the recommend answer must be between 0 and 10."));
          return FALSE;
        }
      if (v[F_RESOLVED_ON].set && g_strcmp0 (v[F_RESOLVED_ON].text, v[F_GIVEN_ON].text) < 0)
        {
          add_problem (
              plan, r->line, column_of_field (plan, F_RESOLVED_ON), v[F_RESOLVED_ON].text,
              _ ("the complaint was resolved before it was opened. Correct one of the dates."));
          return FALSE;
        }
      break;

    case ATTAIN_IMPORT_MARKET:
      if (!v[F_UNIT].set || !v[F_MONTH].set || !v[F_MARKET_SIZE].set)
        {
          add_problem (plan, r->line, G_MAXUINT, NULL,
                       _ ("a market size row needs a region or team, a month and an amount."));
          return FALSE;
        }
      if (v[F_MARKET_SIZE].num < 0)
        {
          add_problem (plan, r->line, column_of_field (plan, F_MARKET_SIZE), NULL,
                       _ ("a market size cannot be negative."));
          return FALSE;
        }
      break;

    case ATTAIN_IMPORT_ORG:
      if (!v[F_NAME].set || !v[F_TEAM].set)
        {
          FieldId          missing = !v[F_NAME].set ? F_NAME : F_TEAM;
          g_autofree char *sentence
              = g_strdup_printf (_ ("the %s is empty; every person needs one."),
                                 _ (attain_import_field (missing)->label));
          add_problem (plan, r->line, column_of_field (plan, missing), NULL, sentence);
          return FALSE;
        }
      if (g_utf8_strlen (v[F_NAME].text, -1) > 100)
        {
          add_problem (
              plan, r->line, column_of_field (plan, F_NAME), NULL,
              _ ("the name is longer than 100 characters. Check that the columns are right."));
          return FALSE;
        }
      if (v[F_EMPLOYEE_NO].set)
        {
          g_autofree char *key = g_strconcat ("no:", v[F_EMPLOYEE_NO].text, NULL);
          gpointer         line;
          if (g_hash_table_lookup_extended (lookups->external, key, NULL, &line))
            {
              g_autofree char *sentence
                  = g_strdup_printf (_ ("the employee number “%s” is also on line %u. Each person "
                                        "may appear once."),
                                     v[F_EMPLOYEE_NO].text, GPOINTER_TO_UINT (line));
              add_problem (plan, r->line, column_of_field (plan, F_EMPLOYEE_NO),
                           v[F_EMPLOYEE_NO].text, sentence);
              return FALSE;
            }
          g_hash_table_insert (lookups->external, g_steal_pointer (&key),
                               GUINT_TO_POINTER (r->line));
        }
      if (v[F_LEFT_ON].set && v[F_HIRED_ON].set
          && g_strcmp0 (v[F_LEFT_ON].text, v[F_HIRED_ON].text) < 0)
        {
          add_problem (plan, r->line, column_of_field (plan, F_LEFT_ON), v[F_LEFT_ON].text,
                       _ ("the leave date is before the hire date. Correct one of them."));
          return FALSE;
        }
      break;

    case ATTAIN_IMPORT_TARGETS:
      if (!v[F_OWNER].set && !v[F_OWNER_NO].set && !v[F_UNIT].set)
        {
          add_problem (plan, r->line, G_MAXUINT, NULL,
                       _ ("the row names no salesperson, team or region the targets are for."));
          return FALSE;
        }
      if (v[F_OWNER_NO].set && !v[F_OWNER].set)
        v[F_OWNER] = (Value){ TRUE, v[F_OWNER_NO].num, NULL };
      break;

    case ATTAIN_IMPORT_N_KINDS:
      g_assert_not_reached ();
    }
  return TRUE;
}

static gboolean
parse_target_cells (AttainImportPlan          *plan,
                    const AttainImportOptions *options,
                    const AttainSheetRow      *row,
                    Record                    *record)
{
  const char *metric_key = record->v[F_METRIC].set ? record->v[F_METRIC].text : plan->metric;
  const AttainGoalMetric *metric = attain_goal_metric_lookup (metric_key);
  gboolean                ok = TRUE;

  record->targets = g_array_new (FALSE, FALSE, sizeof (TargetCell));
  for (guint c = 0; c < plan->n_columns; c++)
    {
      TargetCell cell;
      g_autoptr (GError) local_error = NULL;
      const char      *text = c < row->n_cells ? row->cells[c] : "";
      g_autofree char *trimmed = g_strstrip (g_strdup (text));

      if (plan->period_columns[c].kind < 0 || *trimmed == '\0')
        continue;
      cell.period = plan->period_columns[c];
      if (cell.period.year == 0)
        cell.period.year = options->year;
      if (metric->kind == ATTAIN_VALUE_MONEY)
        {
          if (!attain_parse_amount (trimmed, 100 * (plan->amount_unit > 0 ? plan->amount_unit : 1),
                                    &cell.value, &local_error))
            {
              add_problem (plan, row->line, c, trimmed, local_error->message);
              ok = FALSE;
              continue;
            }
        }
      else if (attain_goal_metric_is_rate (metric))
        {
          /* "90%" or "90" for a rate, "40" for NPS: the goal tree's own reading. */
          if (!attain_goal_parse_value (metric, trimmed, &cell.value, &local_error))
            {
              add_problem (plan, row->line, c, trimmed, local_error->message);
              ok = FALSE;
              continue;
            }
        }
      else if (!attain_parse_integer (trimmed, 0, G_MAXINT32, &cell.value, &local_error))
        {
          add_problem (plan, row->line, c, trimmed, local_error->message);
          ok = FALSE;
          continue;
        }
      if (cell.value < 0)
        {
          add_problem (plan, row->line, c, trimmed, _ ("a target cannot be negative."));
          ok = FALSE;
          continue;
        }
      g_array_append_val (record->targets, cell);
    }
  return ok;
}

/* Rows of deals, collections, activities and feedback dated in a period whose review of their
 * salesperson is signed off: a signed-off review keeps what it was signed on. */
static gboolean
touches_signed_off (AttainDb *db, gint64 person_id, const char *date)
{
  sqlite3_stmt *stmt;
  gboolean      found;

  if (date == NULL)
    return FALSE;
  stmt = attain_db_prepare (
      db,
      "SELECT 1 FROM reviews WHERE person_id = ?1 AND signed_off_at IS NOT NULL "
      "AND ?2 BETWEEN period_start AND period_end LIMIT 1",
      NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static const char *
record_date (AttainImportKind kind, Record *r)
{
  switch (kind)
    {
    case ATTAIN_IMPORT_DEALS:
      return r->v[F_CLOSED_ON].set ? r->v[F_CLOSED_ON].text : r->v[F_CREATED_ON].text;
    case ATTAIN_IMPORT_COLLECTIONS:
      return r->v[F_COLLECTED_ON].set ? r->v[F_COLLECTED_ON].text : r->v[F_INVOICED_ON].text;
    case ATTAIN_IMPORT_ACTIVITIES:
      return r->v[F_HAPPENED_ON].text;
    case ATTAIN_IMPORT_FEEDBACK:
      return r->v[F_GIVEN_ON].text;
    default:
      return NULL;
    }
}

AttainImportPlan *
attain_import_prepare (AttainDb                  *db,
                       const char                *path,
                       const AttainImportOptions *options,
                       GCancellable              *cancellable,
                       AttainImportProgress       progress,
                       gpointer                   user_data,
                       GError                   **error)
{
  g_autofree char *sha256 = NULL;
  g_autofree char *name = NULL;
  AttainSheet     *sheet;

  g_return_val_if_fail (db != NULL && path != NULL && options != NULL, NULL);

  sheet = attain_sheet_load (path, options->encoding, options->sheet_index, &sha256, error);
  if (sheet == NULL)
    return NULL;
  name = g_path_get_basename (path);
  return attain_import_prepare_sheet (db, sheet, name, sha256, options, cancellable, progress,
                                      user_data, error);
}

/* The same checks for rows that did not come from a file: a record entered by hand is one row
 * of a sheet whose headers are the field keys. Takes the sheet. */
AttainImportPlan *
attain_import_prepare_sheet (AttainDb                  *db,
                             AttainSheet               *sheet,
                             const char                *file_name,
                             const char                *sha256,
                             const AttainImportOptions *options,
                             GCancellable              *cancellable,
                             AttainImportProgress       progress,
                             gpointer                   user_data,
                             GError                   **error)
{
  g_autoptr (AttainImportPlan) plan = g_new0 (AttainImportPlan, 1);
  g_autofree gint64 *column_units = NULL;
  Lookups            lookups = { 0 };
  guint              best_score = 0, n_rows, n_locked = 0;
  gboolean           mapped[N_FIELDS] = { 0 };
  GDate              today;

  g_return_val_if_fail (db != NULL && sheet != NULL && options != NULL, NULL);

  plan->sheet = sheet;
  plan->sha256 = g_strdup (sha256 ? sha256 : "");
  plan->kind = options->kind;
  plan->source = g_strdup (options->source ? options->source : "file");
  plan->file_name = g_strdup (file_name);
  plan->scale = options->satisfaction_scale == 10 ? 10 : 5;
  plan->company_name = g_strdup (options->company_name);
  plan->metric = g_strdup (options->metric ? options->metric : "revenue");
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  plan->as_of = options->as_of ? g_strdup (options->as_of) : attain_date_to_iso (&today);
  plan->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  plan->unmapped = g_ptr_array_new_with_free_func ((GDestroyNotify) unmapped_free);
  plan->records = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_import_record_free);
  plan->notes = g_ptr_array_new_with_free_func (g_free);

  if (attain_goal_metric_lookup (plan->metric) == NULL)
    {
      g_set_error (error, ATTAIN_IMPORT_ERROR, ATTAIN_IMPORT_ERROR_PRESET,
                   _ ("“%s” is not a metric targets can be set for."), plan->metric);
      return NULL;
    }

  n_rows = plan->sheet->rows->len;

  /* The header is the row among the first ones that names most of this kind's fields. */
  for (guint r = 0; r < MIN (n_rows, MAX_TITLE_ROWS); r++)
    {
      guint score = score_header_row (options, g_ptr_array_index (plan->sheet->rows, r));
      if (score > best_score)
        {
          best_score = score;
          plan->header_row = r;
        }
    }
  if (best_score == 0)
    {
      g_set_error (error, ATTAIN_IMPORT_ERROR, ATTAIN_IMPORT_ERROR_NO_HEADER,
                   _ ("None of the first %d rows of “%s” looks like the header of a %s file. "
                      "Check that this is the right file, or map its columns in the mapping step "
                      "(or with a preset)."),
                   MAX_TITLE_ROWS, plan->file_name, attain_import_kind_label (options->kind));
      return NULL;
    }

  plan->amount_unit = options->amount_unit > 0 ? options->amount_unit : unit_of_title_rows (plan);
  {
    const AttainSheetRow *header = g_ptr_array_index (plan->sheet->rows, plan->header_row);
    plan->n_columns = header->n_cells;
  }
  plan->column_fields = g_new0 (FieldId, plan->n_columns);
  plan->period_columns = g_new0 (PeriodColumn, plan->n_columns);
  column_units = g_new0 (gint64, plan->n_columns);
  for (guint c = 0; c < plan->n_columns; c++)
    {
      FieldId id = attain_import_match_header (options, header_text (plan, c), &column_units[c]);
      plan->period_columns[c].kind = -1;
      /* A second column for a field already mapped is left out: the first one wins. */
      if (id != N_FIELDS && mapped[id])
        id = N_FIELDS;
      if (id != N_FIELDS)
        mapped[id] = TRUE;
      plan->column_fields[c] = id;
      if (id == N_FIELDS && options->kind == ATTAIN_IMPORT_TARGETS
          && !is_total_text (header_text (plan, c)))
        plan->period_columns[c] = period_of_header (header_text (plan, c));
    }

  /* Required columns. */
  {
    g_autoptr (GString) missing = g_string_new (NULL);
    guint    n = attain_import_n_fields (options->kind);
    gboolean needs_owner
        = options->kind == ATTAIN_IMPORT_DEALS || options->kind == ATTAIN_IMPORT_COLLECTIONS
          || options->kind == ATTAIN_IMPORT_ACTIVITIES || options->kind == ATTAIN_IMPORT_FEEDBACK;
    for (guint i = 0; i < n; i++)
      {
        FieldId id = attain_import_kind_field (options->kind, i);
        if (attain_import_field_required (options->kind, attain_import_field (id)->key)
            && !mapped[id])
          g_string_append_printf (missing, "%s“%s”", missing->len ? _ (", ") : "",
                                  _ (attain_import_field (id)->label));
      }
    if (needs_owner && !mapped[F_OWNER] && !mapped[F_OWNER_NO])
      g_string_append_printf (missing, "%s“%s”", missing->len ? _ (", ") : "",
                              _ (attain_import_field (F_OWNER)->label));
    if (options->kind == ATTAIN_IMPORT_TARGETS)
      {
        gboolean any_period = FALSE;
        for (guint c = 0; c < plan->n_columns; c++)
          any_period |= plan->period_columns[c].kind >= 0;
        if (!mapped[F_OWNER] && !mapped[F_OWNER_NO] && !mapped[F_UNIT])
          g_string_append_printf (missing, "%s“%s”", missing->len ? _ (", ") : "",
                                  _ (attain_import_field (F_OWNER)->label));
        if (!any_period)
          g_string_append_printf (missing, "%s%s", missing->len ? _ (", ") : "",
                                  _ ("month or quarter columns (1月, 2026-01, Q1, …)"));
      }
    if (missing->len > 0)
      {
        g_set_error (
            error, ATTAIN_IMPORT_ERROR, ATTAIN_IMPORT_ERROR_MISSING_COLUMN,
            _ ("“%s” has no column for %s (line %u is taken as the header). Map the "
               "columns in the mapping step or with a preset."),
            plan->file_name, missing->str,
            ((AttainSheetRow *) g_ptr_array_index (plan->sheet->rows, plan->header_row))->line);
        return NULL;
      }
  }

  if (!load_lookups (db, &lookups, error))
    {
      lookups_clear (&lookups);
      return NULL;
    }

  {
    AttainImportOptions copy = *options;
    /* Targets grids whose header has no year: this fiscal year. */
    if (copy.year == 0)
      copy.year = g_date_get_year (&today);
    copy.as_of = plan->as_of;

    for (guint r = plan->header_row + 1; r < n_rows; r++)
      {
        const AttainSheetRow *row = g_ptr_array_index (plan->sheet->rows, r);
        Record               *record;
        gboolean              ok = TRUE, is_total = FALSE;

        if (r % 4096 == 0)
          {
            if (g_cancellable_is_cancelled (cancellable))
              {
                lookups_clear (&lookups);
                g_set_error (error, ATTAIN_IMPORT_ERROR, ATTAIN_IMPORT_ERROR_CANCELLED,
                             _ ("The import was cancelled; nothing was written."));
                return NULL;
              }
            if (progress)
              progress (r, n_rows, user_data);
          }
        /* A total row ("合计") sums the rows above; it is never a person or a deal. */
        for (guint c = 0, seen = 0; c < row->n_cells && seen < 3; c++)
          if (*row->cells[c] != '\0')
            {
              seen++;
              is_total |= is_total_text (row->cells[c]);
            }
        if (is_total)
          {
            plan->skipped++;
            continue;
          }

        record = g_new0 (Record, 1);
        record->line = row->line;
        for (guint c = 0; c < plan->n_columns; c++)
          if (plan->column_fields[c] != N_FIELDS)
            ok &= parse_cell (plan, &copy, &lookups, row, c, column_units[c], record);
        if (ok && options->kind == ATTAIN_IMPORT_TARGETS)
          ok = parse_target_cells (plan, &copy, row, record);
        if (ok)
          ok = check_record (plan, &copy, &lookups, record);
        if (ok && !options->allow_locked && record->v[F_OWNER].set
            && g_hash_table_contains (lookups.signed_off,
                                      GSIZE_TO_POINTER ((gsize) record->v[F_OWNER].num))
            && touches_signed_off (db, record->v[F_OWNER].num, record_date (options->kind, record)))
          {
            n_locked++;
            plan->n_locked++;
            add_problem (
                plan, record->line, G_MAXUINT, NULL,
                _ ("the row falls in a period whose review of this salesperson is signed "
                   "off. Confirm the import of such rows (--allow-signed-off) or leave it out."));
            ok = FALSE;
          }
        if (ok)
          g_ptr_array_add (plan->records, record);
        else
          attain_import_record_free (record);
        /* Past the rows the mapping step previews, a row's text is in its record now: free it,
         * so a million-row file is not held twice. */
        if (r > plan->header_row + 100)
          {
            AttainSheetRow *done = g_ptr_array_index (plan->sheet->rows, r);
            g_strfreev (done->cells);
            done->cells = g_new0 (char *, 1);
            done->n_cells = 0;
          }
      }
  }
  if (plan->n_problems > plan->problems->len)
    g_ptr_array_add (
        plan->notes,
        g_strdup_printf (_ ("%u more rows were rejected; only the first %u are listed."),
                         plan->n_problems - plan->problems->len, plan->problems->len));
  if (plan->skipped > 0)
    g_ptr_array_add (plan->notes,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u total row was skipped.",
                                                   "%u total rows were skipped.", plan->skipped),
                                      plan->skipped));
  if (progress)
    progress (n_rows, n_rows, user_data);
  lookups_clear (&lookups);
  return g_steal_pointer (&plan);
}

/* A record entered by hand (deal, collection, activity, feedback, market size), checked like
 * an import row and written as an import of one row, so it is audited and can be undone. values
 * maps field keys to text as typed. On a rejected value, problems gets the sentences (with the
 * field's name) and nothing is written. */
gboolean
attain_record_add (AttainDb        *db,
                   AttainImportKind kind,
                   GHashTable      *values,
                   const char      *today,
                   GPtrArray      **problems,
                   GError         **error)
{
  g_autoptr (AttainSheet) sheet = attain_sheet_new ();
  g_autoptr (GPtrArray) header = g_ptr_array_new ();
  g_autoptr (GPtrArray) row = g_ptr_array_new ();
  g_autoptr (AttainImportPlan) plan = NULL;
  AttainImportOptions options;
  AttainImportSummary summary = { 0 };
  AttainSheetRow     *cells;
  gboolean            ok;

  g_return_val_if_fail (db != NULL && values != NULL, FALSE);

  attain_import_options_init (&options, kind);
  g_free (options.source);
  options.source = g_strdup ("manual");
  /* A record id that exists (from a CRM import, say) names the record to correct: it keeps the
   * source it came from, so the correction updates it instead of adding a second one. */
  if (g_hash_table_lookup (values, "external_id") != NULL)
    {
      static const char *tables[ATTAIN_IMPORT_N_KINDS] = {
        [ATTAIN_IMPORT_DEALS]
        = "SELECT source FROM deals WHERE external_id = ?1 ORDER BY id LIMIT 1",
        [ATTAIN_IMPORT_COLLECTIONS]
        = "SELECT source FROM collections WHERE external_id = ?1 ORDER BY id LIMIT 1",
        [ATTAIN_IMPORT_ACTIVITIES]
        = "SELECT source FROM activities WHERE external_id = ?1 ORDER BY id LIMIT 1",
        [ATTAIN_IMPORT_FEEDBACK]
        = "SELECT source FROM feedback WHERE external_id = ?1 ORDER BY id LIMIT 1",
      };
      sqlite3_stmt *stmt = tables[kind] ? attain_db_prepare (db, tables[kind], NULL) : NULL;
      if (stmt != NULL)
        {
          sqlite3_bind_text (stmt, 1, g_hash_table_lookup (values, "external_id"), -1,
                             SQLITE_TRANSIENT);
          if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
            {
              g_free (options.source);
              options.source = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
            }
          sqlite3_reset (stmt);
        }
    }
  options.as_of = g_strdup (today);
  options.amount_unit = 1;
  for (guint i = 0; i < attain_import_n_fields (kind); i++)
    {
      const char *key = attain_import_field_key (kind, i);
      const char *text = g_hash_table_lookup (values, key);
      if (text == NULL)
        continue;
      g_ptr_array_add (header, g_strdup (attain_import_field_label (key)));
      g_ptr_array_add (row, g_strdup (text));
      attain_import_options_set_column (&options, attain_import_field_label (key), key);
    }
  if (header->len == 0)
    {
      attain_import_options_clear (&options);
      g_set_error (error, ATTAIN_IMPORT_ERROR, ATTAIN_IMPORT_ERROR_MISSING_COLUMN,
                   _ ("Fill in the record first."));
      return FALSE;
    }
  cells = g_new0 (AttainSheetRow, 1);
  cells->line = 1;
  cells->n_cells = header->len;
  g_ptr_array_add (header, NULL);
  cells->cells = (char **) g_ptr_array_steal (header, NULL);
  g_ptr_array_add (sheet->rows, cells);
  cells = g_new0 (AttainSheetRow, 1);
  cells->line = 2;
  cells->n_cells = row->len;
  g_ptr_array_add (row, NULL);
  cells->cells = (char **) g_ptr_array_steal (row, NULL);
  g_ptr_array_add (sheet->rows, cells);
  sheet->encoding = g_strdup ("UTF-8");

  plan = attain_import_prepare_sheet (db, g_steal_pointer (&sheet), _ ("(entered by hand)"), NULL,
                                      &options, NULL, NULL, NULL, error);
  attain_import_options_clear (&options);
  if (plan == NULL)
    return FALSE;
  if (plan->problems->len > 0)
    {
      if (problems != NULL)
        {
          *problems = g_ptr_array_new_with_free_func (g_free);
          for (guint i = 0; i < plan->problems->len; i++)
            {
              AttainImportProblem *p = g_ptr_array_index (plan->problems, i);
              g_ptr_array_add (*problems,
                               *p->column ? g_strdup_printf (_ ("%s: %s"), p->column, p->sentence)
                                          : g_strdup (p->sentence));
            }
        }
      g_set_error (error, ATTAIN_IMPORT_ERROR, ATTAIN_IMPORT_ERROR_REJECTED_ROWS,
                   _ ("The record was not saved; correct it first."));
      return FALSE;
    }
  ok = attain_import_apply (db, plan, NULL, NULL, NULL, &summary, error);
  attain_import_summary_clear (&summary);
  return ok;
}

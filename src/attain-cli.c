/* SPDX-License-Identifier: GPL-3.0-or-later */
/* attain-cli: the model and charts from the shell, for tests, benchmarks and batch work. It
 * shares every line of logic with the window; it only parses arguments and prints. */
#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model/attain-bonus.h"
#include "model/attain-format.h"
#include "model/attain-parse.h"
#include "model/attain-results.h"
#include "model/attain-training.h"
#include "report/attain-certificate-report.h"
#include "model/attain-cycle.h"
#include "model/attain-dashboard.h"
#include "model/attain-feedback.h"
#include "model/attain-history.h"
#include "model/attain-scorecard.h"
#include "model/attain-self-assessment.h"
#include "model/attain-demo.h"
#include "model/attain-rollup.h"
#include "model/attain-goal-export.h"
#include "model/attain-goal-tree.h"
#include "model/attain-data-export.h"
#include "report/attain-bonus-report.h"
#include "report/attain-calibration-report.h"
#include "model/attain-i18n.h"
#include "model/attain-import.h"
#include "model/attain-people.h"
#include "report/attain-goal-report.h"
#include "report/attain-review-report.h"

static char *opt_database;
static char *opt_today;

static gboolean
resolve_today (GDate *today, GError **error)
{
  if (opt_today != NULL)
    {
      if (!attain_date_parse_iso (opt_today, today))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _ ("“%s” is not a date. Use a date like 2026-03-05."), opt_today);
          return FALSE;
        }
      return TRUE;
    }
  g_date_clear (today, 1);
  g_date_set_time_t (today, time (NULL));
  return TRUE;
}

/* Only the commands that put a company into a file (demo, import) create one; a mistyped path
 * given to any other command is said, not turned into a new empty database and folders. */
static AttainDb *
open_database (gboolean may_create, GError **error)
{
  g_autofree char *path = opt_database ? g_strdup (opt_database) : attain_db_default_path ();
  AttainDb        *db;
  GDate            today;

  if (!may_create && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (
          error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
          _ ("There is no database “%s”. Check the path, or make one with “attain-cli demo”, "
             "“attain-cli import” or by starting Attain."),
          path);
      return NULL;
    }
  db = attain_db_open (path, error);

  if (db != NULL)
    {
      g_autofree char *notice = attain_db_made_private_notice (db);
      if (notice != NULL)
        g_printerr ("%s\n", notice);
    }
  /* Leave dates that have come take effect, as when the window starts. */
  if (db != NULL && resolve_today (&today, NULL))
    {
      g_autofree char *iso = attain_date_to_iso (&today);
      attain_people_apply_leave_dates (db, iso, NULL);
    }
  return db;
}

static void
print_json (JsonNode *node)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static void
print_progress (double fraction, gpointer user_data)
{
  static int last = -1;
  int        percent = (int) (fraction * 100);

  if (percent / 10 != last / 10)
    g_printerr ("%d%%\n", percent);
  last = percent;
}

static int
command_demo (int argc, char **argv, GError **error)
{
  int          seed = 20261123, people = 60, years = 3;
  gint64       deals = 0;
  gboolean     quiet = FALSE;
  GOptionEntry entries[]
      = { { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_ ("Random seed (same seed, same company)"),
            "N" },
          { "people", 0, 0, G_OPTION_ARG_INT, &people, N_ ("Number of salespeople"), "N" },
          { "years", 0, 0, G_OPTION_ARG_INT, &years, N_ ("Years of history"), "N" },
          { "deals", 0, 0, G_OPTION_ARG_INT64, &deals,
            N_ ("Total number of deals (0: about 6 per person and month)"), "N" },
          { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_ ("Do not print progress"), NULL },
          { NULL } };
  g_autoptr (GOptionContext) context = g_option_context_new (_ ("demo — create the demo company"));
  g_autoptr (AttainDb) db = NULL;
  AttainDemoOptions options;
  GDate             today;
  gint64            start;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, error) || !resolve_today (&today, error))
    return 2;
  if (people < 1 || years < 1 || deals < 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("--people and --years must be at least 1, --deals at least 0."));
      return 2;
    }
  db = open_database (TRUE, error);
  if (db == NULL)
    return 1;

  attain_demo_options_init (&options, &today);
  options.seed = seed;
  options.people = people;
  options.years = years;
  options.deals = deals;
  start = g_get_monotonic_time ();
  if (!attain_demo_generate (db, &options, quiet ? NULL : print_progress, NULL, error))
    return 1;
  if (!quiet)
    g_printerr (_ ("Demo company created in %s (%.1f s).\n"), attain_db_get_path (db),
                (g_get_monotonic_time () - start) / 1e6);
  return 0;
}

static gboolean
parse_scope_and_period (AttainDb     *db,
                        const char   *unit,
                        const char   *person,
                        const char   *period_text,
                        AttainScope  *scope,
                        AttainPeriod *period,
                        GDate        *today,
                        GError      **error)
{
  int fy = attain_db_get_setting_int (db, "fiscal_year_start_month", 1);

  if (!resolve_today (today, error))
    return FALSE;
  if (unit != NULL && person != NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("Give either --unit or --person, not both."));
      return FALSE;
    }
  if (unit != NULL || person != NULL)
    {
      g_autofree char *text
          = g_strdup_printf ("%s:%s", unit ? "unit" : "person", unit ? unit : person);
      if (!attain_scope_parse (text, scope))
        {
          g_set_error (
              error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
              _ ("“%s” is not an id. Ids are whole numbers; list them with “attain-cli units”."),
              unit ? unit : person);
          return FALSE;
        }
    }
  else if (!attain_org_company (db, scope, error))
    return FALSE;

  if (period_text != NULL)
    return attain_period_parse (period_text, fy, period, error);
  *period = attain_period_containing (ATTAIN_PERIOD_QUARTER, today, fy);
  return TRUE;
}

static int
command_dashboard (int argc, char **argv, gboolean metrics_only, GError **error)
{
  g_autofree char *unit = NULL;
  g_autofree char *person = NULL;
  g_autofree char *period_text = NULL;
  gboolean         json = FALSE;
  GOptionEntry     entries[]
      = { { "period", 0, 0, G_OPTION_ARG_STRING, &period_text,
            N_ ("Period: 2026, 2026-Q3 or 2026-07 (default: this quarter)"), "P" },
          { "unit", 0, 0, G_OPTION_ARG_STRING, &unit,
            N_ ("Organisation unit id (default: the company)"), "ID" },
          { "person", 0, 0, G_OPTION_ARG_STRING, &person, N_ ("Person id"), "ID" },
          { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
          { NULL } };
  g_autoptr (GOptionContext) context
      = g_option_context_new (metrics_only ? _ ("metrics — every metric of a unit or person")
                                           : _ ("dashboard — the dashboard's data"));
  g_autoptr (AttainDb) db = NULL;
  AttainScope  scope;
  AttainPeriod period;
  GDate        today;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return 2;
  db = open_database (FALSE, error);
  if (db == NULL)
    return 1;
  if (!parse_scope_and_period (db, unit, person, period_text, &scope, &period, &today, error))
    return 2;

  if (metrics_only)
    {
      g_autoptr (AttainMetrics) metrics
          = attain_metrics_compute (db, &scope, &period, &today, error);
      if (metrics == NULL)
        return 1;
      if (json)
        {
          g_autoptr (JsonNode) node = attain_metrics_to_json (metrics);
          print_json (node);
        }
      else
        for (guint i = 0; i < ATTAIN_N_METRICS; i++)
          {
            g_autofree char *value = attain_metric_format (metrics, i, metrics->values[i].value);
            g_autofree char *target = attain_metric_format (metrics, i, metrics->values[i].target);
            g_autofree char *attainment = attain_format_percent (metrics->values[i].attainment);
            g_print ("%-28s %14s  %14s  %8s  %s\n", _ (attain_metric_info (i)->label), value,
                     target, attainment, attain_pace_to_label (metrics->values[i].pace));
          }
    }
  else
    {
      g_autoptr (AttainDashboard) dashboard
          = attain_dashboard_load (db, &scope, &period, &today, error);
      if (dashboard == NULL)
        return 1;
      if (json)
        {
          g_autoptr (JsonNode) node = attain_dashboard_to_json (dashboard);
          print_json (node);
        }
      else
        {
          g_print ("%s — %s\n", dashboard->scope_name, dashboard->period_label);
          for (guint i = 0; i < ATTAIN_DASHBOARD_N_CARDS; i++)
            {
              AttainMetricId   id = attain_dashboard_cards[i];
              g_autofree char *value = attain_metric_format (dashboard->metrics, id,
                                                             dashboard->metrics->values[id].value);
              g_print ("  %-28s %s\n", _ (attain_metric_info (id)->label), value);
            }
          for (guint i = 0; i < dashboard->ranking->len; i++)
            {
              AttainRankingRow *row = g_ptr_array_index (dashboard->ranking, i);
              g_autofree char  *attainment = attain_format_percent (row->attainment);
              g_print ("  %2u. %-20s %8s  %s\n", i + 1, row->name, attainment,
                       attain_pace_to_label (row->pace));
            }
        }
    }
  return 0;
}

static int
command_goals (int argc, char **argv, GError **error)
{
  g_autofree char *period_text = NULL;
  g_autofree char *metric = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *pdf = NULL;
  gboolean         json = FALSE;
  GOptionEntry     entries[] = {
        { "period", 0, 0, G_OPTION_ARG_STRING, &period_text,
          N_ ("Period: 2027 or 2027-Q1 (default: this year)"), "P" },
        { "metric", 0, 0, G_OPTION_ARG_STRING, &metric, N_ ("Metric (default: revenue)"), "KEY" },
        { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
        { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv, N_ ("Also write the tree as CSV"), "FILE" },
        { "xlsx", 0, 0, G_OPTION_ARG_FILENAME, &xlsx, N_ ("Also write the tree as Excel"), "FILE" },
        { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf, N_ ("Also write the printed tree as PDF"), "FILE" },
        { NULL }
  };
  g_autoptr (GOptionContext) context
      = g_option_context_new (_ ("goals — the goal decomposition tree"));
  g_autoptr (AttainDb) db = NULL;
  g_autoptr (AttainGoalTree) tree = NULL;
  AttainPeriod period;
  GDate        today;
  int          fy;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, error) || !resolve_today (&today, error))
    return 2;
  db = open_database (FALSE, error);
  if (db == NULL)
    return 1;
  fy = attain_db_get_setting_int (db, "fiscal_year_start_month", 1);
  if (period_text == NULL)
    period = attain_period_containing (ATTAIN_PERIOD_YEAR, &today, fy);
  else if (!attain_period_parse (period_text, fy, &period, error))
    return 2;
  tree = attain_goal_tree_load (db, &period, metric ? metric : "revenue", &today, error);
  if (tree == NULL)
    return error != NULL && (*error)->domain == ATTAIN_GOAL_ERROR ? 2 : 1;

  if ((csv != NULL && !attain_goal_tree_export_csv (tree, csv, error))
      || (xlsx != NULL && !attain_goal_tree_export_xlsx (tree, xlsx, error)))
    return 1;
  if (pdf != NULL)
    {
      g_autofree char *company = attain_db_get_setting (db, "company_name", NULL);
      g_autoptr (GPtrArray) documents
          = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_document_free);
      g_autofree char *period_label = attain_period_to_label (&tree->period);
      g_autofree char *title
          = g_strdup_printf (_ ("%s goals — %s"), _ (tree->info->label), period_label);

      g_ptr_array_add (documents, attain_goal_tree_report (tree, company, &today,
                                                           attain_report_language_for (NULL)));
      if (!attain_documents_write_pdf_full (documents, pdf, title, TRUE, error))
        return 1;
    }
  if (json)
    {
      g_autoptr (JsonNode) node = attain_goal_tree_to_json (tree);
      print_json (node);
      return 0;
    }
  for (guint i = 0; i < tree->nodes->len; i++)
    {
      AttainGoalNode  *node = attain_goal_tree_node (tree, i);
      g_autofree char *target = attain_goal_tree_format (
          tree, node->goal && node->goal->has_target ? (double) node->goal->target : NAN);
      g_autofree char *sum = attain_goal_tree_format (
          tree, node->n_children_with_target ? (double) node->children_sum : NAN);
      g_autofree char *actual = attain_goal_tree_format (tree, node->actual);
      g_autofree char *attainment = attain_format_percent (node->attainment);
      g_autofree char *smart = attain_goal_node_smart_text (tree, node);
      g_print ("%*s%-*s %16s %16s %16s %8s%s%s%s\n", node->depth * 2, "", 24 - node->depth * 2,
               node->name, target, sum, actual, attainment, node->has_gap ? "  ≠" : "",
               smart ? "  ⚠ " : "", smart ? smart : "");
    }
  return 0;
}

static void
print_report_progress (guint done, guint total, gpointer user_data)
{
  if (user_data != NULL)
    g_printerr ("%u/%u\n", done, total);
}

/* The calibration sheet of a cycle, the same pages the evaluation page prints. */
static int
write_calibration_sheet (gint64 cycle, const char *output, const char *language, GError **error)
{
  g_autoptr (AttainDb) db = open_database (FALSE, error);
  g_autoptr (JsonNode) scores = NULL;
  g_autoptr (GPtrArray) documents
      = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_document_free);
  g_autofree char *company = NULL;
  const char      *report_language;
  GDate            today;
  gboolean         written;

  if (db == NULL)
    return 1;
  if (!resolve_today (&today, error))
    return 2;
  scores = attain_cycle_scores_to_json (db, cycle, &today, error);
  if (scores == NULL)
    return 1;
  company = attain_db_get_setting (db, "company_name", NULL);
  report_language = attain_report_language_push (language);
  g_ptr_array_add (documents, attain_calibration_report (scores, company, &today, report_language));
  written = attain_documents_write_pdf (documents, output, _ ("Calibration"), error);
  attain_i18n_pop ();
  return written ? 0 : 1;
}

static int
command_report (int argc, char **argv, GError **error)
{
  g_autofree char *period_text = NULL;
  g_autofree char *person = NULL;
  g_autofree char *team = NULL;
  g_autofree char *scope_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *output_dir = NULL;
  g_autofree char *language = NULL;
  gboolean         quiet = FALSE, with_statement = FALSE;
  gint64           cycle = 0;
  GOptionEntry     entries[]
      = { { "person", 0, 0, G_OPTION_ARG_STRING, &person, N_ ("Person id"), "ID" },
          { "with-statement", 0, 0, G_OPTION_ARG_NONE, &with_statement,
            N_ ("Follow each review with the person's bonus statement (one PDF only)"), NULL },
          { "cycle", 0, 0, G_OPTION_ARG_INT64, &cycle, N_ ("Review cycle: its calibration sheet"),
            "ID" },
          { "team", 0, 0, G_OPTION_ARG_STRING, &team, N_ ("Unit id: everyone in it"), "ID" },
          { "period", 0, 0, G_OPTION_ARG_STRING, &period_text,
            N_ ("Period: 2026, 2026-Q3 or 2026-07 (default: this quarter)"), "P" },
          { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("One PDF file"), "FILE" },
          { "output-dir", 0, 0, G_OPTION_ARG_FILENAME, &output_dir,
            N_ ("A folder with one PDF a person"), "DIR" },
          { "language", 0, 0, G_OPTION_ARG_STRING, &language,
            N_ ("Report language: zh_CN, zh_TW or en"), "LANG" },
          { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_ ("Do not print progress"), NULL },
          { NULL } };
  g_autoptr (GOptionContext) context
      = g_option_context_new (_ ("report — print review reports to PDF"));
  g_autoptr (AttainDb) db = NULL;
  g_autoptr (GArray) people = NULL;
  AttainScope  scope;
  AttainPeriod period;
  GDate        today;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return 2;
  if (cycle > 0 && output != NULL && person == NULL && team == NULL)
    return write_calibration_sheet (cycle, output, language, error);
  if ((person == NULL) == (team == NULL) || (output == NULL) == (output_dir == NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("Give --person or --team, and --output FILE.pdf or --output-dir DIR."));
      return 2;
    }
  db = open_database (FALSE, error);
  if (db == NULL)
    return 1;
  if (!parse_scope_and_period (db, team, person, period_text, &scope, &period, &today, error))
    return 2;
  /* A unit or person that does not exist is a mistake to say, not an empty success. */
  if (!attain_org_describe (db, &scope, &scope_name, NULL, NULL, NULL, error))
    return 1;
  if (person != NULL)
    {
      people = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (people, scope.id);
    }
  else if ((people = attain_review_team_people (db, scope.id, error)) == NULL)
    return 1;
  if (people->len == 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("Nobody works in “%s” or the units under it, so no report was written."),
                   scope_name);
      return 1;
    }
  {
    /* The report's language is its own, whatever the shell's is. */
    const char *pango_language = attain_report_language_push (language);
    gboolean    ok = attain_review_reports_write (
           db, people, &period, &today, pango_language, with_statement, output, output_dir,
           print_report_progress, quiet ? NULL : GINT_TO_POINTER (1), error);
    attain_i18n_pop ();
    return ok ? 0 : 1;
  }
}

static void
print_import_progress (guint64 done, guint64 total, gpointer user_data)
{
  static int last = -1;
  int        percent = total ? (int) (done * 100 / total) : 100;
  if (percent / 10 != last / 10)
    g_printerr ("%s %d%%\n", (const char *) user_data, percent);
  last = percent;
}

static gboolean
parse_mapping_arguments (AttainImportOptions *options,
                         char               **columns,
                         char               **values,
                         GError             **error)
{
  for (char **c = columns; c && *c; c++)
    {
      const char      *eq = strrchr (*c, '=');
      g_autofree char *header = eq ? g_strndup (*c, eq - *c) : NULL;
      if (header == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _ ("“%s” is not a column mapping. Write it as “Header=field”, e.g. "
                          "“签约日期=closed_on”."),
                       *c);
          return FALSE;
        }
      attain_import_options_set_column (options, header, eq + 1);
    }
  for (char **v = values; v && *v; v++)
    {
      const char      *colon = strchr (*v, ':');
      const char      *eq = strrchr (*v, '=');
      g_autofree char *field = colon ? g_strndup (*v, colon - *v) : NULL;
      g_autofree char *value
          = colon && eq && eq > colon ? g_strndup (colon + 1, eq - colon - 1) : NULL;
      if (field == NULL || value == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _ ("“%s” is not a value mapping. Write it as “field:value=mapped”, e.g. "
                          "“stage:已下单=won”."),
                       *v);
          return FALSE;
        }
      attain_import_options_set_value (options, field, value, eq + 1);
    }
  return TRUE;
}

static void
json_member_int (JsonBuilder *builder, const char *name, gint64 value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
json_member_string (JsonBuilder *builder, const char *name, const char *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static JsonNode *
import_json (AttainImportPlan          *plan,
             const AttainImportOptions *options,
             const AttainImportSummary *summary,
             gboolean                   written)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  const AttainSheet    *sheet = attain_import_plan_get_sheet (plan);
  GPtrArray            *problems = attain_import_plan_get_problems (plan);
  GPtrArray            *unmapped = attain_import_plan_get_unmapped (plan);
  guint                 header = attain_import_plan_get_header_row (plan);
  const AttainSheetRow *header_row = g_ptr_array_index (sheet->rows, header);

  json_builder_begin_object (b);
  json_member_string (b, "kind", attain_import_kind_to_string (options->kind));
  json_member_string (b, "sha256", attain_import_plan_get_sha256 (plan));
  json_member_string (b, "encoding", sheet->encoding);
  json_member_int (b, "header_line", header_row->line);
  json_member_int (b, "amount_unit", attain_import_plan_get_amount_unit (plan));
  json_builder_set_member_name (b, "columns");
  json_builder_begin_array (b);
  for (guint c = 0; c < header_row->n_cells; c++)
    {
      const char *field = attain_import_plan_get_column_field (plan, c);
      json_builder_begin_object (b);
      json_member_string (b, "header", header_row->cells[c]);
      json_member_string (b, "field", field);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_member_int (b, "records", attain_import_plan_get_n_records (plan));
  json_builder_set_member_name (b, "written");
  json_builder_add_boolean_value (b, written);
  json_member_int (b, "added", summary->added);
  json_member_int (b, "updated", summary->updated);
  json_member_int (b, "unchanged", summary->unchanged);
  json_member_int (b, "skipped", summary->skipped);
  json_member_int (b, "rejected", problems->len);
  json_member_int (b, "import_id", summary->import_id);
  json_builder_set_member_name (b, "problems");
  json_builder_begin_array (b);
  for (guint i = 0; i < problems->len; i++)
    {
      AttainImportProblem *p = g_ptr_array_index (problems, i);
      json_builder_begin_object (b);
      json_member_int (b, "line", p->line);
      json_member_string (b, "column", p->column);
      json_member_string (b, "value", p->value);
      json_member_string (b, "message", p->message);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "unmapped");
  json_builder_begin_array (b);
  for (guint i = 0; i < unmapped->len; i++)
    {
      AttainImportUnmapped *u = g_ptr_array_index (unmapped, i);
      json_builder_begin_object (b);
      json_member_string (b, "field", u->field_key);
      json_member_string (b, "value", u->value);
      json_member_int (b, "rows", u->count);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "notes");
  json_builder_begin_array (b);
  for (guint i = 0; summary->notes && i < summary->notes->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (summary->notes, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static int
command_import (int argc, char **argv, GError **error)
{
  g_autofree char *preset = NULL, *encoding = NULL, *date_order = NULL, *company = NULL;
  g_autofree char *metric = NULL, *as_of = NULL, *show_preset = NULL, *save_preset = NULL;
  g_auto (GStrv) columns = NULL, values = NULL;
  int      sheet = 1, year = 0, scale = 5;
  gint64   amount_unit = 0;
  gboolean dry_run = FALSE, json = FALSE, list_presets = FALSE, undo = FALSE, allow_locked = FALSE;
  gboolean quiet = FALSE;
  GOptionEntry entries[]
      = { { "preset", 0, 0, G_OPTION_ARG_STRING, &preset,
            N_ ("Mapping preset: a name or a .json file"), "NAME" },
          { "sheet", 0, 0, G_OPTION_ARG_INT, &sheet,
            N_ ("Sheet of an XLSX workbook, from 1 (default: 1)"), "N" },
          { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding,
            N_ ("Text encoding: auto, utf-8, gb18030, big5, utf-16le"), "NAME" },
          { "date-order", 0, 0, G_OPTION_ARG_STRING, &date_order,
            N_ ("Order of 03/05/2026-style dates: ymd, mdy or dmy"), "ORDER" },
          { "amount-unit", 0, 0, G_OPTION_ARG_INT64, &amount_unit,
            N_ ("Yuan per unit of the file's amounts (10000 for 万元)"), "N" },
          { "scale", 0, 0, G_OPTION_ARG_INT, &scale, N_ ("Satisfaction scale: 5 or 10"), "N" },
          { "company", 0, 0, G_OPTION_ARG_STRING, &company,
            N_ ("Company name, when the organisation comes into an empty file"), "NAME" },
          { "year", 0, 0, G_OPTION_ARG_INT, &year,
            N_ ("Year of a targets grid whose header has none"), "YYYY" },
          { "metric", 0, 0, G_OPTION_ARG_STRING, &metric,
            N_ ("Metric of a targets grid without a metric column"), "KEY" },
          { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of,
            N_ ("Date of the export, for stage moves the file does not date"), "DATE" },
          { "column", 0, 0, G_OPTION_ARG_STRING_ARRAY, &columns,
            N_ ("Map a column: “Header=field” (field empty to ignore it)"), "MAP" },
          { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &values,
            N_ ("Map a value: “field:value=mapped”"), "MAP" },
          { "allow-signed-off", 0, 0, G_OPTION_ARG_NONE, &allow_locked,
            N_ ("Also import rows in periods with signed-off reviews"), NULL },
          { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
            N_ ("Check the file and print the summary; write nothing"), NULL },
          { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
          { "save-preset", 0, 0, G_OPTION_ARG_STRING, &save_preset,
            N_ ("Save this mapping as a preset"), "NAME" },
          { "list-presets", 0, 0, G_OPTION_ARG_NONE, &list_presets, N_ ("List the mapping presets"),
            NULL },
          { "show-preset", 0, 0, G_OPTION_ARG_STRING, &show_preset,
            N_ ("Print a mapping preset as JSON"), "NAME" },
          { "undo", 0, 0, G_OPTION_ARG_NONE, &undo, N_ ("Undo the last import"), NULL },
          { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_ ("Do not print progress"), NULL },
          { NULL } };
  g_autoptr (GOptionContext) context = g_option_context_new (
      _ ("import KIND FILE — kinds: org deals collections activities feedback market targets"));
  g_autoptr (AttainDb) db = NULL;
  g_autoptr (AttainImportPlan) plan = NULL;
  AttainImportOptions options;
  AttainImportSummary summary = { 0 };
  AttainImportKind    kind;
  gboolean            written = FALSE;
  GPtrArray          *problems;
  int                 status = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return 2;
  db = open_database (TRUE, error);
  if (db == NULL)
    return 1;

  if (list_presets)
    {
      g_auto (GStrv) names = attain_import_preset_names (db);
      for (char **n = names; *n; n++)
        g_print ("%s\n", *n);
      return 0;
    }
  if (undo)
    {
      gint64           id;
      g_autofree char *number = NULL;
      if (!attain_import_undo_last (db, &id, error))
        return 1;
      number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_print (_ ("Import %s was undone.\n"), number);
      return 0;
    }
  if (show_preset != NULL)
    {
      g_autofree char *text = NULL;
      gboolean         found = FALSE;
      for (guint k = 0; k < ATTAIN_IMPORT_N_KINDS && !found; k++)
        {
          attain_import_options_init (&options, k);
          if (attain_import_options_load_preset (&options, db, show_preset, NULL))
            {
              text = attain_import_options_to_json (&options, show_preset);
              found = TRUE;
            }
          attain_import_options_clear (&options);
        }
      if (!found)
        {
          attain_import_options_init (&options, ATTAIN_IMPORT_DEALS);
          attain_import_options_load_preset (&options, db, show_preset, error);
          attain_import_options_clear (&options);
          return 1;
        }
      g_print ("%s\n", text);
      return 0;
    }

  if (argc != 3 || !attain_import_kind_from_string (argv[1], &kind))
    {
      g_set_error (
          error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
          _ ("Give the kind of file and the file: attain-cli import deals FILE.csv. Kinds: org, "
             "deals, collections, activities, feedback, market, targets."));
      return 2;
    }
  attain_import_options_init (&options, kind);
  if (preset != NULL && !attain_import_options_load_preset (&options, db, preset, error))
    {
      attain_import_options_clear (&options);
      return 2;
    }
  if (encoding != NULL)
    {
      g_free (options.encoding);
      options.encoding = g_strdup (encoding);
    }
  if (date_order != NULL && !attain_date_order_parse (date_order, &options.date_order))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("The date order must be ymd, mdy or dmy, not “%s”."), date_order);
      attain_import_options_clear (&options);
      return 2;
    }
  if (amount_unit < 0 || (scale != 5 && scale != 10))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("--amount-unit must be positive and --scale 5 or 10."));
      attain_import_options_clear (&options);
      return 2;
    }
  if (amount_unit > 0)
    options.amount_unit = amount_unit;
  options.satisfaction_scale = scale;
  options.sheet_index = sheet - 1;
  options.company_name = g_strdup (company);
  options.year = year;
  options.metric = g_strdup (metric);
  /* The export's date for stage moves: --as-of, else the day the CLI takes as today. */
  options.as_of = g_strdup (as_of ? as_of : opt_today);
  options.allow_locked = allow_locked;
  if (!parse_mapping_arguments (&options, columns, values, error))
    {
      attain_import_options_clear (&options);
      return 2;
    }

  plan = attain_import_prepare (db, argv[2], &options, NULL,
                                quiet || json ? NULL : print_import_progress,
                                (gpointer) _ ("Reading"), error);
  if (plan == NULL)
    {
      attain_import_options_clear (&options);
      return 1;
    }
  if (save_preset != NULL && !attain_import_options_save_preset (&options, db, save_preset, error))
    {
      attain_import_options_clear (&options);
      return 1;
    }
  problems = attain_import_plan_get_problems (plan);
  if (problems->len > 0)
    status = 1;
  else if (!dry_run)
    {
      if (!attain_import_apply (db, plan, NULL, quiet || json ? NULL : print_import_progress,
                                (gpointer) _ ("Writing"), &summary, error))
        {
          attain_import_options_clear (&options);
          attain_import_summary_clear (&summary);
          return 1;
        }
      written = TRUE;
    }

  if (json)
    {
      g_autoptr (JsonNode) node = import_json (plan, &options, &summary, written);
      print_json (node);
    }
  else
    {
      for (guint i = 0; i < problems->len; i++)
        g_print ("%s\n", ((AttainImportProblem *) g_ptr_array_index (problems, i))->message);
      if (problems->len > 0)
        g_print (g_dngettext (GETTEXT_PACKAGE,
                              "%u row was rejected; nothing was imported. Correct it and import "
                              "the file again.\n",
                              "%u rows were rejected; nothing was imported. Correct them and "
                              "import the file again.\n",
                              problems->len),
                 problems->len);
      else if (dry_run)
        g_print (_ ("%u records are ready to import (dry run: nothing was written).\n"),
                 attain_import_plan_get_n_records (plan));
      else
        g_print (_ ("%s: %u added, %u updated, %u unchanged, 0 rejected.\n"),
                 attain_import_kind_label (kind), summary.added, summary.updated,
                 summary.unchanged);
      for (guint i = 0; summary.notes && i < summary.notes->len; i++)
        g_print ("%s\n", (const char *) g_ptr_array_index (summary.notes, i));
    }
  attain_import_options_clear (&options);
  attain_import_summary_clear (&summary);
  return status;
}

static int
command_export (int argc, char **argv, GError **error)
{
  g_autofree char *csv = NULL, *xlsx = NULL, *period_text = NULL;
  gint64           cycle = 0;
  GOptionEntry     entries[]
      = { { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv,
            N_ ("Write CSV (UTF-8 with BOM) to this file"), "FILE" },
          { "xlsx", 0, 0, G_OPTION_ARG_FILENAME, &xlsx, N_ ("Write Excel to this file"), "FILE" },
          { "period", 0, 0, G_OPTION_ARG_STRING, &period_text,
            N_ ("Period of the metrics (default: this quarter)"), "P" },
          { "cycle", 0, 0, G_OPTION_ARG_INT64, &cycle, N_ ("Review cycle of the scores"), "ID" },
          { NULL } };
  g_autoptr (GOptionContext) context
      = g_option_context_new (_ ("export org|deals|metrics|scores — for HR and finance"));
  g_autoptr (AttainDb) db = NULL;
  g_autoptr (AttainTable) table = NULL;
  GDate today;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, error) || !resolve_today (&today, error))
    return 2;
  if (argc != 2 || (csv == NULL && xlsx == NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("Give what to export and where: attain-cli export org|deals|metrics|scores "
                      "--csv FILE or --xlsx FILE."));
      return 2;
    }
  db = open_database (FALSE, error);
  if (db == NULL)
    return 1;
  if (g_str_equal (argv[1], "org"))
    table = attain_export_org (db, error);
  else if (g_str_equal (argv[1], "deals"))
    table = attain_export_deals (db, error);
  else if (g_str_equal (argv[1], "metrics"))
    {
      int          fy = attain_db_get_setting_int (db, "fiscal_year_start_month", 1);
      AttainPeriod period = attain_period_containing (ATTAIN_PERIOD_QUARTER, &today, fy);
      if (period_text != NULL && !attain_period_parse (period_text, fy, &period, error))
        return 2;
      table = attain_export_metrics (db, &period, &today, error);
    }
  else if (g_str_equal (argv[1], "scores"))
    {
      if (cycle <= 0)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _ ("Give the review cycle: attain-cli export scores --cycle ID (`attain-cli "
                          "cycle list` shows them)."));
          return 2;
        }
      table = attain_export_scores (db, cycle, &today, error);
    }
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("“%s” cannot be exported. Export org, deals, metrics or scores."), argv[1]);
      return 2;
    }
  if (table == NULL)
    return 1;
  if ((csv != NULL && !attain_table_write_csv (table, csv, error))
      || (xlsx != NULL && !attain_table_write_xlsx (table, xlsx, error)))
    return 1;
  if (xlsx != NULL)
    {
      g_autofree char *cut = attain_table_cut_notice (table);
      if (cut != NULL)
        g_printerr ("%s\n", cut);
    }
  return 0;
}

static int
command_backup (int argc, char **argv, gboolean restore, GError **error)
{
  g_autoptr (AttainDb) db = NULL;
  g_autofree char *kept = NULL;

  if (argc != 2)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   restore ? _ ("Give the backup file to restore: attain-cli restore FILE.")
                           : _ ("Give the file to write the backup to: attain-cli backup FILE."));
      return 2;
    }
  db = open_database (FALSE, error);
  if (db == NULL)
    return 1;
  if (!restore)
    {
      if (!attain_db_backup (db, argv[1], error))
        return 1;
      g_print (_ ("Backed up to %s.\n"), argv[1]);
      return 0;
    }
  if (!attain_db_restore (db, argv[1], &kept, error))
    return 1;
  g_print (_ ("Restored from %s. The data it replaced was kept in %s.\n"), argv[1], kept);
  return 0;
}

static int
command_units (GError **error)
{
  g_autoptr (AttainDb) db = open_database (FALSE, error);
  g_autoptr (GPtrArray) entries = NULL;

  if (db == NULL)
    return 1;
  entries = attain_org_list (db, error);
  if (entries == NULL)
    return 1;
  for (guint i = 0; i < entries->len; i++)
    {
      AttainOrgEntry  *entry = g_ptr_array_index (entries, i);
      g_autofree char *scope = attain_scope_to_string (&entry->scope);
      g_print ("%*s%-12s %s (%s)\n", entry->depth * 2, "", scope, entry->name, entry->kind_label);
    }
  return 0;
}

/* The file's health: SQLite's quick_check, then every summary recomputed from the records and
 * compared; with --repair the recomputed summaries replace the stored ones. */
static int
command_check (int argc, char **argv, GError **error)
{
  gboolean     repair = FALSE;
  GOptionEntry entries[] = { { "repair", 0, 0, G_OPTION_ARG_NONE, &repair,
                               N_ ("Replace summaries that differ with recomputed ones"), NULL },
                             { NULL } };
  g_autoptr (GOptionContext) context
      = g_option_context_new (_ ("— check the database and its summaries"));
  g_autoptr (AttainDb) db = NULL;
  g_autoptr (GString) report = g_string_new (NULL);
  g_autofree char *problems = NULL;
  guint64          different = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return 2;
  db = open_database (FALSE, error);
  if (db == NULL)
    return 1;
  if (!attain_db_quick_check (db, &problems, error))
    return 1;
  if (problems != NULL)
    {
      g_set_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_INVALID,
                   _ ("The database file is damaged:\n%sRestore it from a backup with “attain-cli "
                      "restore FILE”."),
                   problems);
      return 1;
    }
  if (!attain_rollup_check (db, repair, report, &different, error))
    return 1;
  if (different == 0)
    {
      g_print (_ ("The file is sound and every summary equals what the records add up to.\n"));
      return 0;
    }
  g_print (_ ("Summary rows that differ from the records (table: rows):\n%s"), report->str);
  if (repair)
    {
      g_print (_ ("They were recomputed from the records.\n"));
      return 0;
    }
  g_print (_ ("Run “attain-cli check --repair” to recompute them.\n"));
  return 1;
}

/* A scorecard version: --name, --position KEY (none: every position), --parts KPI,MBO,360 and a
 * --line metric=weight[:rule] per KPI line. */
/* A position by its key (sales_rep) or name, as --position gives it. */
static gboolean
position_id_of (AttainDb *db, const char *position, gint64 *out, GError **error)
{
  sqlite3_stmt *stmt
      = attain_db_prepare (db, "SELECT id FROM positions WHERE key = ?1 OR name = ?1", error);

  *out = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, position, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (*out == 0)
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _ ("“%s” is not a position. Use a key such as sales_rep or a position's name."),
                 position);
  return *out != 0;
}

static int
command_scorecard (int argc, char **argv, GError **error)
{
  g_autofree char *name = NULL, *position = NULL, *parts = NULL;
  g_auto (GStrv) lines = NULL;
  GOptionEntry entries[]
      = { { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_ ("The scorecard's name"), "NAME" },
          { "position", 0, 0, G_OPTION_ARG_STRING, &position,
            N_ ("Position key such as sales_rep (default: every position without its own)"),
            "KEY" },
          { "parts", 0, 0, G_OPTION_ARG_STRING, &parts,
            N_ ("Weights of the KPI, MBO and 360 parts in %, like 70,20,10"), "K,M,F" },
          { "line", 0, 0, G_OPTION_ARG_STRING_ARRAY, &lines,
            N_ ("A KPI line: metric=weight[:linear|floor|bands|points], repeated"), "LINE" },
          { NULL } };
  g_autoptr (GOptionContext) context
      = g_option_context_new (_ ("scorecard — save a new scorecard version"));
  g_autoptr (AttainDb) db = NULL;
  g_autoptr (AttainScorecard) card = NULL;
  gint64 id;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return 2;
  db = open_database (FALSE, error);
  if (db == NULL)
    return 1;
  card = attain_scorecard_new (name);
  if (position != NULL && !position_id_of (db, position, &card->position_id, error))
    return 2;
  if (parts != NULL)
    {
      g_auto (GStrv) weights = g_strsplit (parts, ",", -1);
      if (g_strv_length (weights) != 3)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _ ("--parts takes three weights, KPI, MBO and 360, like 70,20,10."));
          return 2;
        }
      if ((card->kpi_weight = attain_parse_weight (weights[0], error)) < 0
          || (card->mbo_weight = attain_parse_weight (weights[1], error)) < 0
          || (card->feedback_weight = attain_parse_weight (weights[2], error)) < 0)
        return 2;
    }
  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    {
      g_auto (GStrv) pair = g_strsplit (lines[i], "=", 2);
      g_auto (GStrv) weight_rule = pair[1] ? g_strsplit (pair[1], ":", 2) : NULL;
      AttainRuleKind  kind = ATTAIN_RULE_LINEAR;
      AttainScoreRule rule;
      int             weight;

      if (weight_rule == NULL
          || (weight_rule[1] != NULL && !attain_rule_kind_from_string (weight_rule[1], &kind)))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _ ("“%s” is not a line. Write metric=weight[:rule], like revenue=60:bands "
                          "(rules: linear, floor, bands, points)."),
                       lines[i]);
          return 2;
        }
      if ((weight = attain_parse_weight (weight_rule[0], error)) < 0)
        return 2;
      attain_score_rule_init (&rule, kind);
      attain_scorecard_add_line (card, pair[0], weight, &rule);
    }
  id = attain_scorecard_save (db, card, error);
  if (id == 0)
    return 1;
  g_print (_ ("Saved scorecard “%s”, version %d.\n"), card->name, card->version);
  return 0;
}

/* cycle start --period P [--unit ID] --name N | cycle list */
static int
command_cycle (int argc, char **argv, GError **error)
{
  g_autofree char *name = NULL, *unit = NULL, *period_text = NULL;
  GOptionEntry     entries[]
      = { { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_ ("The cycle's name"), "NAME" },
          { "unit", 0, 0, G_OPTION_ARG_STRING, &unit,
            N_ ("Organisation unit id (default: the company)"), "ID" },
          { "period", 0, 0, G_OPTION_ARG_STRING, &period_text,
            N_ ("Period: 2026, 2026-Q3 or 2026-07 (default: this quarter)"), "P" },
          { NULL } };
  g_autoptr (GOptionContext) context
      = g_option_context_new (_ ("cycle start|list — review cycles"));
  g_autoptr (AttainDb) db = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return 2;
  db = open_database (FALSE, error);
  if (db == NULL)
    return 1;
  if (argc >= 2 && g_str_equal (argv[1], "start"))
    {
      AttainScope  scope;
      AttainPeriod period;
      GDate        today;
      gint64       id;

      if (!parse_scope_and_period (db, unit, NULL, period_text, &scope, &period, &today, error))
        return 2;
      id = attain_cycle_start (db, name, &period, scope.id, error);
      if (id == 0)
        return 1;
      g_print ("%" G_GINT64_FORMAT "\n", id);
      return 0;
    }
  if (argc >= 2 && g_str_equal (argv[1], "list"))
    {
      g_autoptr (GPtrArray) cycles = attain_cycle_list (db, error);
      if (cycles == NULL)
        return 1;
      for (guint i = 0; i < cycles->len; i++)
        {
          AttainCycle     *cycle = g_ptr_array_index (cycles, i);
          g_autofree char *period = attain_period_to_string (&cycle->period);
          g_autofree char *id = g_strdup_printf ("%4" G_GINT64_FORMAT, cycle->id);
          /* Translators: one review cycle: id, name, period, people signed off of all */
          g_print (_ ("%s  %-28s %-8s %u of %u signed off\n"), id, cycle->name, period,
                   cycle->n_signed, cycle->n_members);
        }
      return 0;
    }
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _ ("Use “cycle start --period P [--unit ID] --name NAME” or “cycle list”."));
  return 2;
}

/* feedback assign --cycle ID --person ID --type T --name N | import FILE --cycle ID |
 * close --cycle ID | progress --cycle ID */
static int
command_feedback (int argc, char **argv, GError **error)
{
  gint64           cycle = 0, person = 0;
  g_autofree char *type = NULL, *name = NULL;
  GOptionEntry     entries[]
      = { { "cycle", 0, 0, G_OPTION_ARG_INT64, &cycle, N_ ("Review cycle id"), "ID" },
          { "person", 0, 0, G_OPTION_ARG_INT64, &person, N_ ("The person rated"), "ID" },
          { "type", 0, 0, G_OPTION_ARG_STRING, &type,
            N_ ("Rater type: superior, peer, subordinate, customer or self"), "T" },
          { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_ ("The rater's name"), "NAME" },
          { NULL } };
  g_autoptr (GOptionContext) context = g_option_context_new (
      _ ("feedback assign|import FILE|close|progress — 360-degree feedback"));
  g_autoptr (AttainDb) db = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return 2;
  db = open_database (FALSE, error);
  if (db == NULL)
    return 1;
  if (argc >= 2 && g_str_equal (argv[1], "assign"))
    {
      AttainRaterType  rater;
      g_autofree char *code = NULL;
      if (!attain_rater_type_parse (type, &rater))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _ ("--type is one of superior, peer, subordinate, customer or self."));
          return 2;
        }
      code = attain_feedback_assign (db, cycle, person, rater, name, error);
      if (code == NULL)
        return 1;
      g_print ("%s\n", code);
      return 0;
    }
  if (argc >= 3 && g_str_equal (argv[1], "import"))
    {
      guint    n = 0;
      gboolean reopened = FALSE;
      if (!attain_feedback_import (db, cycle, argv[2], &n, &reopened, error))
        return 1;
      g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u answer.\n", "Imported %u answers.\n", n),
               n);
      if (reopened)
        g_print (_ ("The collection had closed: these answers reopened it. Close it again to "
                    "release the results.\n"));
      return 0;
    }
  if (argc >= 2 && g_str_equal (argv[1], "close"))
    return attain_feedback_close (db, cycle, error) ? 0 : 1;
  if (argc >= 2 && g_str_equal (argv[1], "progress"))
    {
      g_autoptr (JsonNode) node = attain_feedback_progress_to_json (db, cycle, error);
      if (node == NULL)
        return 1;
      print_json (node);
      return 0;
    }
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _ ("Use “feedback assign”, “feedback import FILE”, “feedback close” or "
                  "“feedback progress”, each with --cycle ID."));
  return 2;
}

/* calibrate --cycle ID --person ID --rating B --reason TEXT */
static int
command_calibrate (int argc, char **argv, GError **error)
{
  gint64           cycle = 0, person = 0;
  g_autofree char *rating = NULL, *reason = NULL;
  GOptionEntry     entries[]
      = { { "cycle", 0, 0, G_OPTION_ARG_INT64, &cycle, N_ ("Review cycle id"), "ID" },
          { "person", 0, 0, G_OPTION_ARG_INT64, &person, N_ ("Person id"), "ID" },
          { "rating", 0, 0, G_OPTION_ARG_STRING, &rating, N_ ("The band: S, A, B, C or D"), "R" },
          { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_ ("Why the rating moves"), "TEXT" },
          { NULL } };
  g_autoptr (GOptionContext) context
      = g_option_context_new (_ ("calibrate — move a person's rating in a review cycle"));
  g_autoptr (AttainDb) db = NULL;
  g_autoptr (JsonNode) scores = NULL;
  GDate today;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return 2;
  db = open_database (FALSE, error);
  if (db == NULL || !resolve_today (&today, error))
    return 1;
  /* The band it moves from, as the scores give it now, is kept with the move. */
  scores = attain_cycle_scores_to_json (db, cycle, &today, error);
  if (scores == NULL)
    return 1;
  return attain_cycle_calibrate (db, cycle, person, rating, reason,
                                 attain_cycle_scores_rating (scores, person), error)
             ? 0
             : 1;
}

/* scores --cycle ID --json: every member's lines, parts, composite and rating. */
/* history --person ID: a person's record across periods, newest first, a line each. */
static int
command_history (int argc, char **argv, GError **error)
{
  gint64       person = 0;
  GOptionEntry entries[]
      = { { "person", 0, 0, G_OPTION_ARG_INT64, &person, N_ ("Person id"), "ID" }, { NULL } };
  g_autoptr (GOptionContext) context = g_option_context_new (
      _ ("history — a person's reviews, ratings, calibrations and appeals"));
  g_autoptr (AttainDb) db = NULL;
  g_autoptr (GPtrArray) history = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return 2;
  if (person <= 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("Give the person: attain-cli history --person ID (`attain-cli units` lists "
                      "them)."));
      return 2;
    }
  db = open_database (FALSE, error);
  if (db == NULL)
    return 1;
  history = attain_person_history (db, person, error);
  if (history == NULL)
    return 1;
  for (guint i = 0; i < history->len; i++)
    {
      AttainHistoryEntry *entry = g_ptr_array_index (history, i);
      g_print ("%s  %s — %s\n", entry->date, entry->title, entry->detail);
    }
  return 0;
}

/* self-assessment export --cycle ID --output-dir DIR | self-assessment import FILE... */
static int
command_self_assessment (int argc, char **argv, GError **error)
{
  gint64           cycle = 0;
  g_autofree char *output_dir = NULL;
  GOptionEntry     entries[]
      = { { "cycle", 0, 0, G_OPTION_ARG_INT64, &cycle, N_ ("Review cycle id"), "ID" },
          { "output-dir", 0, 0, G_OPTION_ARG_FILENAME, &output_dir,
            N_ ("A folder with one form a person"), "DIR" },
          { NULL } };
  g_autoptr (GOptionContext) context = g_option_context_new (
      _ ("self-assessment export|import — the forms salespeople fill in before the review"));
  g_autoptr (AttainDb) db = NULL;
  GDate today;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, error) || !resolve_today (&today, error))
    return 2;
  if (argc >= 2 && g_str_equal (argv[1], "export") && cycle > 0 && output_dir != NULL)
    {
      g_autoptr (JsonNode) scores = NULL;
      JsonArray   *people;
      AttainPeriod period;

      db = open_database (FALSE, error);
      if (db == NULL)
        return 1;
      scores = attain_cycle_scores_to_json (db, cycle, &today, error);
      if (scores == NULL
          || !attain_period_parse (
              json_object_get_string_member (json_node_get_object (scores), "period"),
              attain_db_get_setting_int (db, "fiscal_year_start_month", 1), &period, error))
        return 1;
      people = json_object_get_array_member (json_node_get_object (scores), "people");
      for (guint i = 0; i < json_array_get_length (people); i++)
        if (!attain_self_assessment_write_into (
                db,
                (gint64) json_object_get_double_member (json_array_get_object_element (people, i),
                                                        "person"),
                &period, &today, output_dir, error))
          return 1;
      g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u form into %s.\n",
                            "Wrote %u forms into %s.\n", json_array_get_length (people)),
               json_array_get_length (people), output_dir);
      return 0;
    }
  if (argc >= 3 && g_str_equal (argv[1], "import"))
    {
      db = open_database (FALSE, error);
      if (db == NULL)
        return 1;
      for (int i = 2; i < argc; i++)
        {
          g_autofree char *who = NULL;
          if (!attain_self_assessment_import (db, argv[i], &who, error))
            return 1;
          /* Translators: %s is the person whose form was imported, then the file */
          g_print (_ ("Imported the self-assessment of %s from %s.\n"), who ? who : "?", argv[i]);
        }
      return 0;
    }
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _ ("Use attain-cli self-assessment export --cycle ID --output-dir DIR, or "
                  "attain-cli self-assessment import FILE…"));
  return 2;
}

static int
command_scores (int argc, char **argv, GError **error)
{
  gint64       cycle = 0;
  gboolean     json = FALSE;
  GOptionEntry entries[]
      = { { "cycle", 0, 0, G_OPTION_ARG_INT64, &cycle, N_ ("Review cycle id"), "ID" },
          { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
          { NULL } };
  g_autoptr (GOptionContext) context
      = g_option_context_new (_ ("scores — every person's score in a review cycle"));
  g_autoptr (AttainDb) db = NULL;
  g_autoptr (JsonNode) node = NULL;
  GDate today;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return 2;
  db = open_database (FALSE, error);
  if (db == NULL || !resolve_today (&today, error))
    return 1;
  node = attain_cycle_scores_to_json (db, cycle, &today, error);
  if (node == NULL)
    return 1;
  if (json)
    print_json (node);
  else
    {
      JsonArray *people = json_object_get_array_member (json_node_get_object (node), "people");
      for (guint i = 0; i < json_array_get_length (people); i++)
        {
          JsonObject *p = json_array_get_object_element (people, i);
          JsonNode   *composite = json_object_get_member (p, "composite");
          const char *rating = json_object_get_null_member (p, "rating")
                                   ? "—"
                                   : json_object_get_string_member (p, "rating");
          g_print ("%-16s %8.1f  %s\n", json_object_get_string_member (p, "name"),
                   JSON_NODE_HOLDS_NULL (composite) ? NAN : json_node_get_double (composite),
                   rating);
        }
    }
  return 0;
}

/* pay-plan [--position KEY | --person ID] --fixed A --bonus A [--curve C] [--base B] [--mode M]
 * --tiers T [--over-award A] [--champion-award A] [--new-customer-award A] [--awards-in-pool]:
 * a new version of a position's (or one person's) pay plan. */
static int
command_pay_plan (int argc, char **argv, GError **error)
{
  g_autofree char *position = NULL, *fixed = NULL, *bonus = NULL, *curve = NULL, *base = NULL,
                  *mode = NULL, *tiers = NULL, *over = NULL, *basis = NULL, *coefficients = NULL,
                  *champion = NULL, *new_customer = NULL, *lines = NULL;
  gboolean     in_pool = FALSE;
  gint64       person = 0;
  GOptionEntry entries[] = {
    { "position", 0, 0, G_OPTION_ARG_STRING, &position,
      N_ ("Position key or name (default: every position without its own plan)"), "KEY" },
    { "person", 0, 0, G_OPTION_ARG_INT64, &person,
      N_ ("A plan for this person only, over their position's"), "ID" },
    { "champion-award", 0, 0, G_OPTION_ARG_STRING, &champion,
      N_ ("Award to the period's recognised winner (quarter champion, best of the month)"),
      "AMOUNT" },
    { "lines", 0, 0, G_OPTION_ARG_STRING, &lines,
      N_ ("Product lines with tiers of their own (e.g. Services=0:5,100:8; Systems=0:4)"), "L" },
    { "new-customer-award", 0, 0, G_OPTION_ARG_STRING, &new_customer,
      N_ ("Award for each new customer signed in the period"), "AMOUNT" },
    { "fixed", 0, 0, G_OPTION_ARG_STRING, &fixed, N_ ("Fixed pay a month"), "AMOUNT" },
    { "bonus", 0, 0, G_OPTION_ARG_STRING, &bonus, N_ ("Target bonus a month"), "AMOUNT" },
    { "curve", 0, 0, G_OPTION_ARG_STRING, &curve,
      N_ ("Payout curve as score:payout pairs, payout in percent (default "
          "60:50,100:100,120:150,150:200)"),
      "C" },
    { "base", 0, 0, G_OPTION_ARG_STRING, &base,
      N_ ("Commission base: collections, revenue or gross_profit"), "B" },
    { "mode", 0, 0, G_OPTION_ARG_STRING, &mode, N_ ("Commission tiers: marginal or whole"), "M" },
    { "tiers", 0, 0, G_OPTION_ARG_STRING, &tiers,
      N_ ("Commission tiers as attainment%:rate% (e.g. 0:3,100:5)"), "T" },
    { "over-award", 0, 0, G_OPTION_ARG_STRING, &over,
      N_ ("Award for each full 10 points of revenue attainment above 100%"), "AMOUNT" },
    { "basis", 0, 0, G_OPTION_ARG_STRING, &basis,
      N_ ("What the bonus follows: composite (score on the curve), revenue (attainment on the "
          "curve) or rating (its coefficient)"),
      "B" },
    { "coefficients", 0, 0, G_OPTION_ARG_STRING, &coefficients,
      N_ ("Each rating's coefficient in percent (default S:150,A:120,B:100,C:60,D:0)"), "C" },
    { "awards-in-pool", 0, 0, G_OPTION_ARG_NONE, &in_pool,
      N_ ("Awards come out of the bonus pool too"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context
      = g_option_context_new (_ ("pay-plan — save a new version of a position's pay plan"));
  g_autoptr (AttainDb) db = NULL;
  g_autoptr (AttainPayPlan) plan = attain_pay_plan_new ();
  gint64 id;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return 2;
  db = open_database (FALSE, error);
  if (db == NULL)
    return 1;
  if (position != NULL && !position_id_of (db, position, &plan->position_id, error))
    return 2;
  if ((fixed != NULL && !attain_parse_amount (fixed, 100, &plan->fixed_monthly, error))
      || (bonus != NULL && !attain_parse_amount (bonus, 100, &plan->bonus_monthly, error))
      || (over != NULL && !attain_parse_amount (over, 100, &plan->over_award, error))
      || (champion != NULL && !attain_parse_amount (champion, 100, &plan->champion_award, error))
      || (new_customer != NULL
          && !attain_parse_amount (new_customer, 100, &plan->new_customer_award, error)))
    return 2;
  plan->person_id = person;
  if (person > 0)
    plan->position_id = 0;
  if (curve != NULL)
    {
      GArray *parsed = attain_curve_parse (curve, error);
      if (parsed == NULL)
        return 2;
      g_array_unref (plan->curve);
      plan->curve = parsed;
    }
  if (lines != NULL)
    {
      GPtrArray *parsed = attain_commission_lines_parse (lines, error);
      if (parsed == NULL)
        return 2;
      g_ptr_array_unref (plan->lines);
      plan->lines = parsed;
    }
  if (tiers != NULL)
    {
      GArray *parsed = attain_tiers_parse (tiers, error);
      if (parsed == NULL)
        return 2;
      g_array_unref (plan->tiers);
      plan->tiers = parsed;
    }
  if (base != NULL)
    {
      g_free (plan->commission_base);
      plan->commission_base = g_strdup (base);
    }
  if (mode != NULL && !g_str_equal (mode, "marginal") && !g_str_equal (mode, "whole"))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("Commission tiers are “marginal” (each tier's rate on the part inside it) "
                      "or “whole” (the tier reached sets the rate for everything)."));
      return 2;
    }
  plan->commission_mode
      = g_strcmp0 (mode, "whole") == 0 ? ATTAIN_COMMISSION_WHOLE : ATTAIN_COMMISSION_MARGINAL;
  plan->awards_in_pool = in_pool;
  if (basis != NULL)
    {
      if (g_str_equal (basis, "composite"))
        plan->curve_basis = ATTAIN_CURVE_BASIS_COMPOSITE;
      else if (g_str_equal (basis, "revenue"))
        plan->curve_basis = ATTAIN_CURVE_BASIS_REVENUE;
      else if (g_str_equal (basis, "rating"))
        plan->curve_basis = ATTAIN_CURVE_BASIS_RATING;
      else
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _ ("The bonus follows “composite”, “revenue” or “rating”."));
          return 2;
        }
    }
  if (coefficients != NULL && !attain_coefficients_parse (coefficients, plan->coefficients, error))
    return 2;
  id = attain_pay_plan_save (db, plan, error);
  if (id == 0)
    return 1;
  g_print ("%" G_GINT64_FORMAT "\n", id);
  return 0;
}

/* bonus --period P [--unit ID] [--pool A | --no-pool] [--approve] [--json | --csv F | --xlsx F]
 * commission --period P [--unit ID] [--json]: the same sheet, its commission columns. */
static int
command_bonus (int argc, char **argv, gboolean commission_only, GError **error)
{
  g_autofree char *unit = NULL, *period_text = NULL, *pool = NULL, *csv = NULL, *xlsx = NULL,
                  *pdf = NULL, *statements = NULL;
  gboolean     json = FALSE, no_pool = FALSE, approve = FALSE;
  GOptionEntry entries[]
      = { { "unit", 0, 0, G_OPTION_ARG_STRING, &unit,
            N_ ("Organisation unit id (default: the company)"), "ID" },
          { "period", 0, 0, G_OPTION_ARG_STRING, &period_text,
            N_ ("Period: 2026, 2026-Q3 or 2026-07 (default: this quarter)"), "P" },
          { "pool", 0, 0, G_OPTION_ARG_STRING, &pool, N_ ("Set the bonus pool"), "AMOUNT" },
          { "no-pool", 0, 0, G_OPTION_ARG_NONE, &no_pool, N_ ("Remove the bonus pool"), NULL },
          { "approve", 0, 0, G_OPTION_ARG_NONE, &approve,
            N_ ("Approve the sheet: its figures are kept and it is locked"), NULL },
          { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
          { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv, N_ ("Write the sheet as CSV"), "FILE" },
          { "xlsx", 0, 0, G_OPTION_ARG_FILENAME, &xlsx, N_ ("Write the sheet as Excel"), "FILE" },
          { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf,
            N_ ("Write the printed sheet as PDF (landscape)"), "FILE" },
          { "statements", 0, 0, G_OPTION_ARG_FILENAME, &statements,
            N_ ("Write everyone's bonus statement as one PDF"), "FILE" },
          { NULL } };
  g_autoptr (GOptionContext) context = g_option_context_new (
      commission_only ? _ ("commission — each person's commission in a period, with its tiers")
                      : _ ("bonus — the bonus sheet of a unit for a period"));
  g_autoptr (AttainDb) db = NULL;
  g_autoptr (JsonNode) sheet = NULL;
  AttainScope  scope;
  AttainPeriod period;
  GDate        today;
  JsonArray   *people;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return 2;
  db = open_database (FALSE, error);
  if (db == NULL)
    return 1;
  if (!parse_scope_and_period (db, unit, NULL, period_text, &scope, &period, &today, error))
    return 2;
  if (!commission_only && (pool != NULL || no_pool))
    {
      gint64 amount = 0;
      if (pool != NULL && !attain_parse_amount (pool, 100, &amount, error))
        return 2;
      if (!attain_bonus_sheet_set_pool (db, scope.id, &period, pool != NULL, amount, error))
        return 1;
    }
  if (!commission_only && approve
      && !attain_bonus_sheet_approve (db, scope.id, &period, &today, error))
    return 1;
  if (!commission_only && (csv != NULL || xlsx != NULL))
    {
      g_autoptr (AttainTable) table
          = attain_export_bonus_sheet (db, scope.id, &period, &today, error);
      if (table == NULL || (csv != NULL && !attain_table_write_csv (table, csv, error))
          || (xlsx != NULL && !attain_table_write_xlsx (table, xlsx, error)))
        return 1;
      return 0;
    }
  sheet = attain_bonus_sheet (db, scope.id, &period, &today, error);
  if (sheet == NULL)
    return 1;
  if (!commission_only && (pdf != NULL || statements != NULL))
    {
      g_autoptr (GPtrArray) documents
          = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_document_free);
      g_autofree char *company = attain_db_get_setting (db, "company_name", NULL);
      g_autofree char *label = attain_period_to_label (&period);
      /* Translators: title of the printed bonus sheet, %s is the period */
      g_autofree char *title = g_strdup_printf (_ ("Bonus sheet — %s"), label);
      const char      *language = attain_report_language_for (NULL);

      if (pdf != NULL)
        {
          g_ptr_array_add (documents,
                           attain_bonus_sheet_report (sheet, title, company, &today, language));
          if (!attain_documents_write_pdf_full (documents, pdf, title, TRUE, error))
            return 1;
          g_ptr_array_set_size (documents, 0);
        }
      if (statements != NULL)
        {
          JsonArray *rows = json_object_get_array_member (json_node_get_object (sheet), "people");
          for (guint i = 0; i < json_array_get_length (rows); i++)
            g_ptr_array_add (documents, attain_bonus_statement_report (
                                            sheet,
                                            json_object_get_int_member (
                                                json_array_get_object_element (rows, i), "person"),
                                            company, &today, language));
          if (!attain_documents_write_pdf (documents, statements, title, error))
            return 1;
        }
      return 0;
    }
  people = json_object_get_array_member (json_node_get_object (sheet), "people");
  if (json && commission_only)
    {
      /* The sheet's commission columns only. */
      g_autoptr (JsonBuilder) b = json_builder_new ();
      g_autoptr (JsonNode) out = NULL;
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "period");
      json_builder_add_string_value (
          b, json_object_get_string_member (json_node_get_object (sheet), "period"));
      json_builder_set_member_name (b, "people");
      json_builder_begin_array (b);
      for (guint i = 0; i < json_array_get_length (people); i++)
        {
          JsonObject *p = json_array_get_object_element (people, i);
          json_builder_begin_object (b);
          for (guint k = 0; k < 4; k++)
            {
              static const char *members[]
                  = { "person", "name", "commission", "commission_formula" };
              json_builder_set_member_name (b, members[k]);
              json_builder_add_value (b, json_node_copy (json_object_get_member (p, members[k])));
            }
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      out = json_builder_get_root (b);
      print_json (out);
      return 0;
    }
  if (json)
    {
      print_json (sheet);
      return 0;
    }
  for (guint i = 0; i < json_array_get_length (people); i++)
    {
      JsonObject *p = json_array_get_object_element (people, i);
      const char *currency
          = json_object_get_string_member (json_node_get_object (sheet), "currency");
      g_autofree char *commission
          = attain_format_money_exact (json_object_get_int_member (p, "commission"), currency);
      g_autofree char *paid
          = attain_format_money_exact (json_object_get_int_member (p, "total_paid"), currency);
      if (commission_only)
        g_print ("%-16s %14s  %s\n", json_object_get_string_member (p, "name"), commission,
                 json_object_get_string_member (p, "commission_formula"));
      else
        g_print ("%-16s %14s %14s\n", json_object_get_string_member (p, "name"), commission, paid);
    }
  if (!commission_only)
    g_print ("%s\n", json_object_get_string_member (json_node_get_object (sheet), "pool_formula"));
  return 0;
}

/* training plan --course NAME --from DATE --to DATE --people ID,ID [--topic KEY] */
static int
training_plan (AttainDb   *db,
               const char *course,
               const char *from,
               const char *to,
               const char *people,
               const char *topic,
               GError    **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto (GStrv) parts = g_strsplit (people != NULL ? people : "", ",", -1);
  GDate  starts, ends;
  gint64 id;

  if (from == NULL || to == NULL || !attain_date_parse_iso (from, &starts)
      || !attain_date_parse_iso (to, &ends))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("Use “training plan --course NAME --from 2027-01-10 --to 2027-01-12 "
                      "--people 4,7 [--topic closing]”, with real dates."));
      return 2;
    }
  /* As many ids as were typed on one command line. */
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char  *end = NULL;
      gint64 person;
      g_strstrip (parts[i]);
      if (parts[i][0] == '\0')
        continue;
      person = g_ascii_strtoll (parts[i], &end, 10);
      if (end == NULL || *end != '\0' || person <= 0)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _ ("“%s” in --people is not a person id. Give ids separated by commas, "
                          "such as 4,7."),
                       parts[i]);
          return 2;
        }
      g_array_append_val (ids, person);
    }
  id = attain_training_plan_create (db, topic, course, &starts, &ends, (const gint64 *) ids->data,
                                    ids->len, error);
  if (id == 0)
    return 1;
  g_print ("%" G_GINT64_FORMAT "\n", id);
  return 0;
}

/* training edit --plan ID [--course NAME] [--from DATE] [--to DATE]: what is not given stays. */
static int
training_edit (AttainDb   *db,
               gint64      plan,
               const char *course,
               const char *from,
               const char *to,
               GError    **error)
{
  g_autofree char *was_course = NULL, *was_starts = NULL, *was_ends = NULL;
  sqlite3_stmt    *stmt = attain_db_prepare (
         db, "SELECT course, starts_on, ends_on FROM training_plans WHERE id = ?1", error);
  GDate starts, ends;

  if (stmt == NULL)
    return 1;
  sqlite3_bind_int64 (stmt, 1, plan);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      was_course = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      was_starts = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      was_ends = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (was_course == NULL || !attain_date_parse_iso (from != NULL ? from : was_starts, &starts)
      || !attain_date_parse_iso (to != NULL ? to : was_ends, &ends))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("Use “training edit --plan ID [--course NAME] [--from 2027-01-10] [--to "
                      "2027-01-12]” with a plan that exists and real dates."));
      return 2;
    }
  return attain_training_plan_update (db, plan, was_course, was_starts, was_ends,
                                      course != NULL ? course : was_course, &starts, &ends, error)
             ? 0
             : 1;
}

/* training status --plan ID --person ID --status planned|done|missed */
static int
training_status (AttainDb *db, gint64 plan, gint64 person, const char *status, GError **error)
{
  AttainTrainingStatus wanted, on_disk = ATTAIN_TRAINING_PLANNED;
  sqlite3_stmt        *stmt;

  if (plan <= 0 || person <= 0 || !attain_training_status_from_string (status, &wanted))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("Use “training status --plan ID --person ID --status done” (or planned, "
                      "missed)."));
      return 2;
    }
  /* The shell changes from what is on disk now; the set itself compares again. */
  stmt = attain_db_prepare (
      db, "SELECT status FROM training_attendees WHERE plan_id = ?1 AND person_id = ?2", error);
  if (stmt == NULL)
    return 1;
  sqlite3_bind_int64 (stmt, 1, plan);
  sqlite3_bind_int64 (stmt, 2, person);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    attain_training_status_from_string ((const char *) sqlite3_column_text (stmt, 0), &on_disk);
  sqlite3_reset (stmt);
  return attain_training_set_status (db, plan, person, on_disk, wanted, error) ? 0 : 1;
}

/* promotion --period QUARTER [--unit ID] [--json] | recognition [record | history] --period P
 * [--unit ID] [--json] [--certificate FILE] | training edit|remove --plan ID …
 * | training --period P [--unit ID] [--json] | training plan … | training status … */
static int
command_results (int argc, char **argv, const char *which, GError **error)
{
  gboolean         promotion = g_str_equal (which, "promotion");
  gboolean         training = g_str_equal (which, "training");
  g_autofree char *unit = NULL, *period_text = NULL, *on = NULL, *reason = NULL;
  g_autofree char *course = NULL, *from = NULL, *to = NULL, *people = NULL, *topic = NULL;
  g_autofree char *status = NULL, *certificate = NULL;
  gboolean         json = FALSE;
  gint64           person = 0, plan = 0;
  GOptionEntry     entries[] = {
        { "unit", 0, 0, G_OPTION_ARG_STRING, &unit, N_ ("Organisation unit id (default: the company)"),
          "ID" },
        { "course", 0, 0, G_OPTION_ARG_STRING, &course, N_ ("The course (training plan)"), "NAME" },
        { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_ ("First day (training plan)"), "DATE" },
        { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_ ("Last day (training plan)"), "DATE" },
        { "people", 0, 0, G_OPTION_ARG_STRING, &people,
          N_ ("Who attends, person ids separated by commas (training plan)"), "ID,ID" },
        { "topic", 0, 0, G_OPTION_ARG_STRING, &topic,
          N_ ("The need it answers, such as closing (training plan)"), "KEY" },
        { "plan", 0, 0, G_OPTION_ARG_INT64, &plan, N_ ("Training plan id (training status)"), "ID" },
        { "status", 0, 0, G_OPTION_ARG_STRING, &status,
          N_ ("planned, done or missed (training status)"), "STATUS" },
        { "certificate", 0, 0, G_OPTION_ARG_FILENAME, &certificate,
          N_ ("Write the winner's certificate as PDF (recognition)"), "FILE" },
        { "person", 0, 0, G_OPTION_ARG_INT64, &person, N_ ("Person id (promotion propose)"), "ID" },
        { "on", 0, 0, G_OPTION_ARG_STRING, &on,
          N_ ("The day the promotion takes effect (promotion propose)"), "DATE" },
        { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_ ("Why (promotion propose)"), "TEXT" },
        { "period", 0, 0, G_OPTION_ARG_STRING, &period_text,
          N_ ("Period: 2026, 2026-Q3 or 2026-07 (default: this quarter)"), "P" },
        { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
        { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (
      promotion  ? _ ("promotion — who may be promoted after a quarter, and who just misses")
      : training ? _ ("training — training needs of a unit in a period, by topic")
                 : _ ("recognition — the best salesperson of a month or the quarter's champion"));
  g_autoptr (AttainDb) db = NULL;
  g_autoptr (JsonNode) node = NULL;
  AttainScope  scope;
  AttainPeriod period;
  GDate        today;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return 2;
  db = open_database (FALSE, error);
  if (db == NULL)
    return 1;
  if (promotion && argc >= 2 && g_str_equal (argv[1], "propose"))
    {
      GDate  day;
      gint64 id;
      if (on == NULL || !attain_date_parse_iso (on, &day) || person <= 0)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _ ("Use “promotion propose --person ID --on 2027-01-01 [--reason TEXT]”."));
          return 2;
        }
      id = attain_promotion_propose (db, person, &day, reason, error);
      if (id == 0)
        return 1;
      g_print ("%" G_GINT64_FORMAT "\n", id);
      return 0;
    }
  if (training && argc >= 2 && g_str_equal (argv[1], "plan"))
    return training_plan (db, course, from, to, people, topic, error);
  if (training && argc >= 2 && g_str_equal (argv[1], "status"))
    return training_status (db, plan, person, status, error);
  if (training && argc >= 2 && g_str_equal (argv[1], "edit"))
    return training_edit (db, plan, course, from, to, error);
  if (training && argc >= 2 && g_str_equal (argv[1], "remove"))
    return attain_training_plan_delete (db, plan, error) ? 0 : 1;
  if (!parse_scope_and_period (db, unit, NULL, period_text, &scope, &period, &today, error))
    return 2;
  if (!promotion && !training && argc >= 2 && g_str_equal (argv[1], "record"))
    {
      gint64 id = attain_recognition_record (db, scope.id, &period, &today, error);
      if (id == 0)
        return 1;
      g_print ("%" G_GINT64_FORMAT "\n", id);
      return 0;
    }
  if (!promotion && !training && argc >= 2 && g_str_equal (argv[1], "history"))
    {
      g_autoptr (JsonNode) history = attain_recognition_history (db, scope.id, error);
      JsonArray *records;
      if (history == NULL)
        return 1;
      if (json)
        {
          print_json (history);
          return 0;
        }
      records = json_object_get_array_member (json_node_get_object (history), "history");
      for (guint i = 0; i < json_array_get_length (records); i++)
        {
          JsonObject *r = json_array_get_object_element (records, i);
          g_print ("%s\t%s\t%s\t%s\n", json_object_get_string_member (r, "period"),
                   json_object_get_string_member (r, "title"),
                   json_object_get_string_member (r, "name"),
                   json_object_get_string_member (r, "value_text"));
        }
      return 0;
    }
  if (promotion && argc >= 2 && g_str_equal (argv[1], "apply"))
    {
      int applied = attain_promotions_apply_due (db, &today, error);
      if (applied < 0)
        return 1;
      g_print ("%d\n", applied);
      return 0;
    }
  if (promotion && period.kind != ATTAIN_PERIOD_QUARTER)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("Promotion is judged after a quarter: give one like --period 2026-Q3."));
      return 2;
    }
  node = promotion  ? attain_promotion_candidates (db, scope.id, &period, &today, error)
         : training ? attain_training_needs (db, scope.id, &period, &today, error)
                    : attain_recognition (db, scope.id, &period, &today, error);
  if (node == NULL)
    return 1;
  if (training)
    {
      /* The plans beside the needs: what was suggested and what was booked. */
      JsonNode *plans = attain_training_plans (db, scope.id, &period, error);
      if (plans == NULL)
        return 1;
      json_object_set_member (json_node_get_object (node), "plans",
                              json_object_dup_member (json_node_get_object (plans), "plans"));
      json_node_unref (plans);
    }
  if (certificate != NULL && !promotion && !training)
    {
      g_autoptr (GPtrArray) documents
          = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_document_free);
      g_autofree char *company = attain_db_get_setting (db, "company_name", NULL);
      AttainDocument  *document = attain_certificate_for_recognition (
           node, company, &today, attain_report_language_for (NULL));
      if (document == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, "%s",
                       json_object_get_string_member (json_node_get_object (node), "reason"));
          return 1;
        }
      g_ptr_array_add (documents, document);
      if (!attain_documents_write_pdf_full (documents, certificate, _ ("Certificate"), TRUE, error))
        return 1;
      return 0;
    }
  if (json)
    print_json (node);
  else if (training)
    {
      JsonArray *plans = json_object_get_array_member (json_node_get_object (node), "plans");
      for (guint i = 0; i < json_array_get_length (plans); i++)
        {
          JsonObject *p = json_array_get_object_element (plans, i);
          JsonArray  *who = json_object_get_array_member (p, "people");
          g_print ("%s (%s – %s)\n", json_object_get_string_member (p, "course"),
                   json_object_get_string_member (p, "starts_on"),
                   json_object_get_string_member (p, "ends_on"));
          for (guint k = 0; k < json_array_get_length (who); k++)
            {
              JsonObject *a = json_array_get_object_element (who, k);
              g_print ("  %s: %s\n", json_object_get_string_member (a, "name"),
                       json_object_get_string_member (a, "status_label"));
            }
        }
      JsonArray *topics = json_object_get_array_member (json_node_get_object (node), "topics");
      for (guint i = 0; i < json_array_get_length (topics); i++)
        {
          JsonObject *t = json_array_get_object_element (topics, i);
          JsonArray  *people = json_object_get_array_member (t, "people");
          g_print ("%s\n", json_object_get_string_member (t, "summary"));
          for (guint k = 0; k < json_array_get_length (people); k++)
            g_print ("  %s\n", json_object_get_string_member (
                                   json_array_get_object_element (people, k), "why"));
        }
    }
  else if (promotion)
    {
      JsonArray *people = json_object_get_array_member (json_node_get_object (node), "people");
      for (guint i = 0; i < json_array_get_length (people); i++)
        {
          JsonObject *p = json_array_get_object_element (people, i);
          gboolean    eligible = json_object_get_boolean_member (p, "eligible");
          g_print ("%-16s %s\n", json_object_get_string_member (p, "name"),
                   eligible ? _ ("eligible") : json_object_get_string_member (p, "misses"));
        }
    }
  else
    {
      JsonArray *ranking = json_object_get_array_member (json_node_get_object (node), "ranking");
      g_print ("%s — %s\n", json_object_get_string_member (json_node_get_object (node), "title"),
               json_object_get_string_member (json_node_get_object (node), "period"));
      for (guint i = 0; i < json_array_get_length (ranking); i++)
        g_print (
            "%2u. %s\n", i + 1,
            json_object_get_string_member (json_array_get_object_element (ranking, i), "name"));
      if (json_array_get_length (ranking) == 0)
        g_print ("%s\n", json_object_get_string_member (json_node_get_object (node), "reason"));
    }
  return 0;
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  const char  *command;
  int          status;
  GOptionEntry entries[] = { { "database", 'd', 0, G_OPTION_ARG_FILENAME, &opt_database,
                               N_ ("Database file (default: the app's own)"), "FILE" },
                             { "today", 0, 0, G_OPTION_ARG_STRING, &opt_today,
                               N_ ("Pretend today is this date (YYYY-MM-DD)"), "DATE" },
                             { NULL } };
  g_autoptr (GOptionContext) context = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE,
                  g_getenv ("ATTAIN_LOCALEDIR") ? g_getenv ("ATTAIN_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_ ("COMMAND — demo, units, dashboard, metrics, goals, report, "
                                     "import, export, backup, restore, check, scorecard, cycle, "
                                     "scores, history, self-assessment, pay-plan, bonus, "
                                     "commission, promotion, recognition, training"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_set_summary (
      context, _ ("Commands:\n"
                  "  demo       create the demo company in an empty database\n"
                  "  units      list organisation units and people with their ids\n"
                  "  dashboard  the dashboard's data for a unit or person and period\n"
                  "  metrics    every metric for a unit or person and period\n"
                  "  goals      the goal decomposition tree for a period and metric\n"
                  "  report     review reports of a person or a team as PDF\n"
                  "  import     import an organisation, deals, collections, activities,\n"
                  "             feedback, market sizes or targets from CSV or XLSX\n"
                  "  export     the organisation, deals, every person's metrics or a cycle's\n"
                  "             scores as CSV or XLSX\n"
                  "  backup     write a consistent copy of the database\n"
                  "  restore    replace the data with a backup's, keeping the current data\n"
                  "  check      check the file and that every summary equals its records\n"
                  "  scorecard  save a new version of a scorecard template\n"
                  "  cycle      start or list review cycles\n"
                  "  scores     every person's scores, composite and rating in a cycle\n"
                  "  history    a person's reviews, ratings, calibrations and appeals\n"
                  "  self-assessment  export the forms salespeople fill in, import them back\n"
                  "  pay-plan   save a new version of a position's pay plan\n"
                  "  bonus      the bonus sheet of a unit for a period: pool, approval, CSV/XLSX\n"
                  "  commission each person's commission in a period, with its tiers\n"
                  "  promotion  who may be promoted after a quarter, and who just misses\n"
                  "  recognition  the month's best salesperson or the quarter's champion\n"
                  "  training   training needs of a unit in a period, by topic"));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (argc < 2)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("%s", help);
      return 2;
    }

  command = argv[1];
  if (g_str_equal (command, "demo"))
    status = command_demo (argc - 1, argv + 1, &error);
  else if (g_str_equal (command, "dashboard"))
    status = command_dashboard (argc - 1, argv + 1, FALSE, &error);
  else if (g_str_equal (command, "metrics"))
    status = command_dashboard (argc - 1, argv + 1, TRUE, &error);
  else if (g_str_equal (command, "units"))
    status = command_units (&error);
  else if (g_str_equal (command, "goals"))
    status = command_goals (argc - 1, argv + 1, &error);
  else if (g_str_equal (command, "report"))
    status = command_report (argc - 1, argv + 1, &error);
  else if (g_str_equal (command, "import") && argc > 2 && g_str_equal (argv[2], "360"))
    {
      /* "import 360 FILE --cycle ID" is "feedback import FILE --cycle ID". */
      argv[2] = (char *) "import";
      status = command_feedback (argc - 1, argv + 1, &error);
    }
  else if (g_str_equal (command, "import"))
    status = command_import (argc - 1, argv + 1, &error);
  else if (g_str_equal (command, "export"))
    status = command_export (argc - 1, argv + 1, &error);
  else if (g_str_equal (command, "backup"))
    status = command_backup (argc - 1, argv + 1, FALSE, &error);
  else if (g_str_equal (command, "restore"))
    status = command_backup (argc - 1, argv + 1, TRUE, &error);
  else if (g_str_equal (command, "check"))
    status = command_check (argc - 1, argv + 1, &error);
  else if (g_str_equal (command, "scorecard"))
    status = command_scorecard (argc - 1, argv + 1, &error);
  else if (g_str_equal (command, "cycle"))
    status = command_cycle (argc - 1, argv + 1, &error);
  else if (g_str_equal (command, "scores"))
    status = command_scores (argc - 1, argv + 1, &error);
  else if (g_str_equal (command, "feedback"))
    status = command_feedback (argc - 1, argv + 1, &error);
  else if (g_str_equal (command, "calibrate"))
    status = command_calibrate (argc - 1, argv + 1, &error);
  else if (g_str_equal (command, "history"))
    status = command_history (argc - 1, argv + 1, &error);
  else if (g_str_equal (command, "self-assessment"))
    status = command_self_assessment (argc - 1, argv + 1, &error);
  else if (g_str_equal (command, "pay-plan"))
    status = command_pay_plan (argc - 1, argv + 1, &error);
  else if (g_str_equal (command, "bonus"))
    status = command_bonus (argc - 1, argv + 1, FALSE, &error);
  else if (g_str_equal (command, "commission"))
    status = command_bonus (argc - 1, argv + 1, TRUE, &error);
  else if (g_str_equal (command, "promotion"))
    status = command_results (argc - 1, argv + 1, "promotion", &error);
  else if (g_str_equal (command, "recognition"))
    status = command_results (argc - 1, argv + 1, "recognition", &error);
  else if (g_str_equal (command, "training"))
    status = command_results (argc - 1, argv + 1, "training", &error);
  else
    {
      g_printerr (_ ("“%s” is not a command. Commands: demo, units, dashboard, metrics, goals, "
                     "report, import, export, backup, restore, check, scorecard, cycle, "
                     "scores, history, self-assessment, pay-plan, bonus, commission, promotion, "
                     "recognition, training.\n"),
                  command);
      return 2;
    }

  if (error != NULL)
    g_printerr ("%s\n", error->message);
  return status;
}

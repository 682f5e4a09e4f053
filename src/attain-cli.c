/* SPDX-License-Identifier: GPL-3.0-or-later */
/* attain-cli: the model and charts from the shell, for tests, benchmarks and batch work. It
 * shares every line of logic with the window; it only parses arguments and prints. */
#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>

#include "model/attain-dashboard.h"
#include "model/attain-demo.h"
#include "model/attain-goal-export.h"
#include "model/attain-goal-tree.h"
#include "report/attain-goal-report.h"
#include "report/attain-review-report.h"

static char *opt_database;
static char *opt_today;

static gboolean
resolve_today (GDate   *today,
               GError **error)
{
  if (opt_today != NULL)
    {
      if (!attain_date_parse_iso (opt_today, today))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("“%s” is not a date. Use a date like 2026-03-05."), opt_today);
          return FALSE;
        }
      return TRUE;
    }
  g_date_clear (today, 1);
  g_date_set_time_t (today, time (NULL));
  return TRUE;
}

static AttainDb *
open_database (GError **error)
{
  g_autofree char *path = opt_database ? g_strdup (opt_database) : attain_db_default_path ();
  return attain_db_open (path, error);
}

static void
print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static void
print_progress (double   fraction,
                gpointer user_data)
{
  static int last = -1;
  int percent = (int) (fraction * 100);

  if (percent / 10 != last / 10)
    g_printerr ("%d%%\n", percent);
  last = percent;
}

static int
command_demo (int      argc,
              char   **argv,
              GError **error)
{
  int seed = 20261123, people = 60, years = 3;
  gint64 deals = 0;
  gboolean quiet = FALSE;
  GOptionEntry entries[] = {
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Random seed (same seed, same company)"), "N" },
    { "people", 0, 0, G_OPTION_ARG_INT, &people, N_("Number of salespeople"), "N" },
    { "years", 0, 0, G_OPTION_ARG_INT, &years, N_("Years of history"), "N" },
    { "deals", 0, 0, G_OPTION_ARG_INT64, &deals, N_("Total number of deals (0: about 6 per person and month)"), "N" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Do not print progress"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("demo — create the demo company"));
  g_autoptr(AttainDb) db = NULL;
  AttainDemoOptions options;
  GDate today;
  gint64 start;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, error) || !resolve_today (&today, error))
    return 2;
  if (people < 1 || years < 1 || deals < 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--people and --years must be at least 1, --deals at least 0."));
      return 2;
    }
  db = open_database (error);
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
    g_printerr (_("Demo company created in %s (%.1f s).\n"), attain_db_get_path (db),
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
                   _("Give either --unit or --person, not both."));
      return FALSE;
    }
  if (unit != NULL || person != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%s:%s", unit ? "unit" : "person", unit ? unit : person);
      if (!attain_scope_parse (text, scope))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("“%s” is not an id. Ids are whole numbers; list them with “attain-cli units”."),
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
command_dashboard (int        argc,
                   char     **argv,
                   gboolean   metrics_only,
                   GError   **error)
{
  g_autofree char *unit = NULL;
  g_autofree char *person = NULL;
  g_autofree char *period_text = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "period", 0, 0, G_OPTION_ARG_STRING, &period_text, N_("Period: 2026, 2026-Q3 or 2026-07 (default: this quarter)"), "P" },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit, N_("Organisation unit id (default: the company)"), "ID" },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person, N_("Person id"), "ID" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (metrics_only ? _("metrics — every metric of a unit or person")
                                                                         : _("dashboard — the dashboard's data"));
  g_autoptr(AttainDb) db = NULL;
  AttainScope scope;
  AttainPeriod period;
  GDate today;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return 2;
  db = open_database (error);
  if (db == NULL)
    return 1;
  if (!parse_scope_and_period (db, unit, person, period_text, &scope, &period, &today, error))
    return 2;

  if (metrics_only)
    {
      g_autoptr(AttainMetrics) metrics = attain_metrics_compute (db, &scope, &period, &today, error);
      if (metrics == NULL)
        return 1;
      if (json)
        {
          g_autoptr(JsonNode) node = attain_metrics_to_json (metrics);
          print_json (node);
        }
      else
        for (guint i = 0; i < ATTAIN_N_METRICS; i++)
          {
            g_autofree char *value = attain_metric_format (metrics, i, metrics->values[i].value);
            g_autofree char *target = attain_metric_format (metrics, i, metrics->values[i].target);
            g_autofree char *attainment = attain_format_percent (metrics->values[i].attainment);
            g_print ("%-28s %14s  %14s  %8s  %s\n", _(attain_metric_info (i)->label), value, target,
                     attainment, attain_pace_to_label (metrics->values[i].pace));
          }
    }
  else
    {
      g_autoptr(AttainDashboard) dashboard = attain_dashboard_load (db, &scope, &period, &today, error);
      if (dashboard == NULL)
        return 1;
      if (json)
        {
          g_autoptr(JsonNode) node = attain_dashboard_to_json (dashboard);
          print_json (node);
        }
      else
        {
          g_print ("%s — %s\n", dashboard->scope_name, dashboard->period_label);
          for (guint i = 0; i < ATTAIN_DASHBOARD_N_CARDS; i++)
            {
              AttainMetricId id = attain_dashboard_cards[i];
              g_autofree char *value = attain_metric_format (dashboard->metrics, id,
                                                             dashboard->metrics->values[id].value);
              g_print ("  %-28s %s\n", _(attain_metric_info (id)->label), value);
            }
          for (guint i = 0; i < dashboard->ranking->len; i++)
            {
              AttainRankingRow *row = g_ptr_array_index (dashboard->ranking, i);
              g_autofree char *attainment = attain_format_percent (row->attainment);
              g_print ("  %2u. %-20s %8s  %s\n", i + 1, row->name, attainment,
                       attain_pace_to_label (row->pace));
            }
        }
    }
  return 0;
}

static int
command_goals (int        argc,
               char     **argv,
               GError   **error)
{
  g_autofree char *period_text = NULL;
  g_autofree char *metric = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *pdf = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "period", 0, 0, G_OPTION_ARG_STRING, &period_text, N_("Period: 2027 or 2027-Q1 (default: this year)"), "P" },
    { "metric", 0, 0, G_OPTION_ARG_STRING, &metric, N_("Metric (default: revenue)"), "KEY" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv, N_("Also write the tree as CSV"), "FILE" },
    { "xlsx", 0, 0, G_OPTION_ARG_FILENAME, &xlsx, N_("Also write the tree as Excel"), "FILE" },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf, N_("Also write the printed tree as PDF"), "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("goals — the goal decomposition tree"));
  g_autoptr(AttainDb) db = NULL;
  g_autoptr(AttainGoalTree) tree = NULL;
  AttainPeriod period;
  GDate today;
  int fy;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, error) || !resolve_today (&today, error))
    return 2;
  db = open_database (error);
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
      g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_document_free);
      g_autofree char *period_label = attain_period_to_label (&tree->period);
      g_autofree char *title = g_strdup_printf (_("%s goals — %s"), _(tree->info->label), period_label);

      g_ptr_array_add (documents, attain_goal_tree_report (tree, company, &today, attain_report_language_for (NULL)));
      if (!attain_documents_write_pdf_full (documents, pdf, title, TRUE, error))
        return 1;
    }
  if (json)
    {
      g_autoptr(JsonNode) node = attain_goal_tree_to_json (tree);
      print_json (node);
      return 0;
    }
  for (guint i = 0; i < tree->nodes->len; i++)
    {
      AttainGoalNode *node = attain_goal_tree_node (tree, i);
      g_autofree char *target = attain_goal_tree_format (tree, node->goal && node->goal->has_target ? (double) node->goal->target : NAN);
      g_autofree char *sum = attain_goal_tree_format (tree, node->n_children_with_target ? (double) node->children_sum : NAN);
      g_autofree char *actual = attain_goal_tree_format (tree, node->actual);
      g_autofree char *attainment = attain_format_percent (node->attainment);
      g_autofree char *smart = attain_goal_node_smart_text (tree, node);
      g_print ("%*s%-*s %16s %16s %16s %8s%s%s%s\n", node->depth * 2, "", 24 - node->depth * 2, node->name,
               target, sum, actual, attainment, node->has_gap ? "  ≠" : "", smart ? "  ⚠ " : "", smart ? smart : "");
    }
  return 0;
}

static void
print_report_progress (guint    done,
                       guint    total,
                       gpointer user_data)
{
  if (user_data != NULL)
    g_printerr ("%u/%u\n", done, total);
}

static int
command_report (int        argc,
                char     **argv,
                GError   **error)
{
  g_autofree char *period_text = NULL;
  g_autofree char *person = NULL;
  g_autofree char *team = NULL;
  g_autofree char *output = NULL;
  g_autofree char *output_dir = NULL;
  g_autofree char *language = NULL;
  gboolean quiet = FALSE;
  GOptionEntry entries[] = {
    { "person", 0, 0, G_OPTION_ARG_STRING, &person, N_("Person id"), "ID" },
    { "team", 0, 0, G_OPTION_ARG_STRING, &team, N_("Unit id: everyone in it"), "ID" },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period_text, N_("Period: 2026, 2026-Q3 or 2026-07 (default: this quarter)"), "P" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("One PDF file"), "FILE" },
    { "output-dir", 0, 0, G_OPTION_ARG_FILENAME, &output_dir, N_("A folder with one PDF a person"), "DIR" },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language, N_("Report language: zh_CN, zh_TW or en"), "LANG" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Do not print progress"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("report — print review reports to PDF"));
  g_autoptr(AttainDb) db = NULL;
  g_autoptr(GArray) people = NULL;
  AttainScope scope;
  AttainPeriod period;
  GDate today;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return 2;
  if ((person == NULL) == (team == NULL) || (output == NULL) == (output_dir == NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Give --person or --team, and --output FILE.pdf or --output-dir DIR."));
      return 2;
    }
  db = open_database (error);
  if (db == NULL)
    return 1;
  if (!parse_scope_and_period (db, team, person, period_text, &scope, &period, &today, error))
    return 2;
  if (person != NULL)
    {
      if (!attain_org_describe (db, &scope, NULL, NULL, NULL, NULL, error))
        return 1;
      people = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (people, scope.id);
    }
  else if ((people = attain_review_team_people (db, scope.id, error)) == NULL)
    return 1;
  if (!attain_review_reports_write (db, people, &period, &today, attain_report_language_for (NULL), output, output_dir,
                                    print_report_progress, quiet ? NULL : GINT_TO_POINTER (1), error))
    return 1;
  return 0;
}

static int
command_units (GError **error)
{
  g_autoptr(AttainDb) db = open_database (error);
  g_autoptr(GPtrArray) entries = NULL;

  if (db == NULL)
    return 1;
  entries = attain_org_list (db, error);
  if (entries == NULL)
    return 1;
  for (guint i = 0; i < entries->len; i++)
    {
      AttainOrgEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *scope = attain_scope_to_string (&entry->scope);
      g_print ("%*s%-12s %s (%s)\n", entry->depth * 2, "", scope, entry->name, entry->kind_label);
    }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *command;
  int status;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &opt_database, N_("Database file (default: the app's own)"), "FILE" },
    { "today", 0, 0, G_OPTION_ARG_STRING, &opt_today, N_("Pretend today is this date (YYYY-MM-DD)"), "DATE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;

  /* --language picks the catalog before gettext reads it: the report can be printed in another
   * language than the desktop's. */
  for (int i = 1; i + 1 < argc; i++)
    if (g_str_equal (argv[i], "--language"))
      g_setenv ("LANGUAGE", argv[i + 1], TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ATTAIN_LOCALEDIR") ? g_getenv ("ATTAIN_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("COMMAND — demo, units, dashboard, metrics, goals, report"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_set_summary (context,
                                _("Commands:\n"
                                  "  demo       create the demo company in an empty database\n"
                                  "  units      list organisation units and people with their ids\n"
                                  "  dashboard  the dashboard's data for a unit or person and period\n"
                                  "  metrics    every metric for a unit or person and period\n"
                                  "  goals      the goal decomposition tree for a period and metric\n"
                                  "  report     review reports of a person or a team as PDF"));
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
  else
    {
      g_printerr (_("“%s” is not a command. Commands: demo, units, dashboard, metrics, goals, report.\n"), command);
      return 2;
    }

  if (error != NULL)
    g_printerr ("%s\n", error->message);
  return status;
}

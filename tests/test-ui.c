/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The real window on a demo database, driven through the same actions its buttons use. */
#include "attain-test-util.h"

#include <adwaita.h>
#include <locale.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "attain-evaluation-page.h"
#include "attain-goal-dialog.h"
#include "attain-feedback-window.h"
#include "attain-rating-grid-window.h"
#include "model/attain-bonus.h"
#include "model/attain-results.h"
#include "model/attain-training.h"
#include "attain-pay-plan-dialog.h"
#include "attain-scorecard-dialog.h"
#include "attain-settings-window.h"
#include "attain-import-dialog.h"
#include "attain-record-dialog.h"
#include "attain-window.h"
#include "attain-person-item.h"
#include "attain-person-chooser.h"
#include "attain-review-goals-section.h"
#include "attain-review-interview-section.h"
#include "attain-review-text-section.h"
#include "model/attain-demo.h"
#include "model/attain-goal-item.h"
#include "model/attain-people.h"
#include "model/attain-review.h"
#include "model/attain-scorecard.h"
#include "model/attain-watch.h"

static char *dir;

static void
iterate_until (gboolean (*done) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
page_loaded (gpointer data)
{
  AttainDashboardPage *page = data;
  return !attain_dashboard_page_is_loading (page)
         && attain_dashboard_page_get_dashboard (page) != NULL;
}

static void
activate_and_wait (AttainDashboardPage *page, const char *action, GVariant *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (page), action, parameter));
  g_assert_true (attain_dashboard_page_is_loading (page));
  iterate_until (page_loaded, page);
}

static char *
expected_revenue (AttainDb *db, const char *scope_join, const char *from, const char *to)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce(sum(d.amount), 0) FROM deals d %s "
                                          "d.status = 'won' AND d.closed_on BETWEEN '%s' AND '%s'",
                                          scope_join, from, to);

  return attain_format_money_compact ((double) attain_test_query_int (db, sql), "CNY",
                                      ATTAIN_NUMBER_STYLE_WESTERN);
}

static AttainContext *
make_context (const char *name, gboolean with_demo, AttainDb **db_out)
{
  g_autofree char *path = attain_test_db_path (dir, name);
  g_autoptr (GError) error = NULL;
  AttainDb *db = attain_db_open (path, &error);
  GDate     today;

  g_assert_no_error (error);
  attain_test_date (&today, "2026-11-23");
  if (with_demo)
    {
      AttainDemoOptions options;
      attain_demo_options_init (&options, &today);
      g_assert_true (attain_demo_generate (db, &options, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  *db_out = attain_db_open (path, &error);
  g_assert_no_error (error);
  return attain_context_new (db, &today);
}

typedef gboolean (*WidgetTest) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find_widget (GtkWidget *root, WidgetTest test, gconstpointer data)
{
  if (test (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, test, data);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_text_section_of (GtkWidget *widget, gconstpointer field)
{
  g_autofree char *own = NULL;
  if (!ATTAIN_IS_REVIEW_TEXT_SECTION (widget))
    return FALSE;
  g_object_get (widget, "field", &own, NULL);
  return g_strcmp0 (own, field) == 0;
}

static gboolean
is_of_type (GtkWidget *widget, gconstpointer type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
is_entry_hinting (GtkWidget *widget, gconstpointer placeholder)
{
  return GTK_IS_ENTRY (widget)
         && g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (widget)), placeholder) == 0;
}

static gboolean
is_row_titled (GtkWidget *widget, gconstpointer title)
{
  return ADW_IS_PREFERENCES_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_label_with (GtkWidget *widget, gconstpointer text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static gboolean
has_action (GtkWidget *widget, gconstpointer action)
{
  return GTK_IS_ACTIONABLE (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static void
test_dashboard_actions (void)
{
  AttainDb *check = NULL;
  g_autoptr (AttainContext) context = make_context ("ui.db", TRUE, &check);
  AttainWindow        *window = attain_window_new (NULL, context, NULL);
  AttainDashboardPage *page = attain_window_get_dashboard_page (window);
  g_autofree char     *region_name = NULL;
  const char          *all = "WHERE";
  const char *east = "JOIN people p ON p.id = d.owner_id JOIN org_units t ON t.id = p.unit_id "
                     "WHERE t.parent_id = 2 AND";
  char       *expected;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (attain_window_get_visible_page (window), ==, "dashboard");
  iterate_until (page_loaded, page);

  /* Opens on the company and the current quarter (today is 23 November 2026). */
  g_assert_cmpstr (attain_dashboard_page_get_title (page), ==, "华辰智能科技有限公司");
  expected = expected_revenue (check, all, "2026-10-01", "2026-12-31");
  g_assert_cmpstr (
      attain_kpi_card_get_value_text (attain_dashboard_page_get_card (page, "revenue")), ==,
      expected);
  g_free (expected);
  g_assert_cmpuint (g_list_model_get_n_items (attain_dashboard_page_get_ranking (page)), ==, 3);
  /* Every KPI without a card has its row under the charts, and the pipeline its stages: the
   * weighted pipeline is today's open deals times their stages' probabilities. */
  {
    GtkWidget       *row = find_widget (GTK_WIDGET (page), is_row_titled, "Weighted pipeline");
    g_autofree char *expected = NULL;
    g_assert_nonnull (row);
    g_assert_nonnull (find_widget (GTK_WIDGET (page), is_row_titled, "Market share"));
    g_assert_nonnull (find_widget (GTK_WIDGET (page), is_row_titled, "Satisfaction (of 5)"));
    g_assert_nonnull (find_widget (GTK_WIDGET (page), is_row_titled, "Complaint rate"));
    g_assert_nonnull (find_widget (GTK_WIDGET (page), is_row_titled, "Complaint resolution time"));
    g_assert_nonnull (find_widget (GTK_WIDGET (page), is_row_titled, "Sales cycle"));
    expected = attain_format_money_compact (
        (double) attain_test_query_int (check,
                                        "SELECT CAST (round (total (d.amount * st.probability / "
                                        "100.0)) AS INTEGER) FROM deals d JOIN stages st ON "
                                        "st.id = d.stage_id WHERE d.status = 'open'"),
        "CNY", ATTAIN_NUMBER_STYLE_WESTERN);
    g_assert_nonnull (find_widget (row, is_label_with, expected));
    g_assert_nonnull (find_widget (GTK_WIDGET (page), is_row_titled, "Negotiation"));
  }
  /* NPS is a distance to its target in points, never "% attained"; revenue says how far it is
   * from its target in money and compares with last year and with last quarter. */
  {
    AttainKpiCard *nps = attain_dashboard_page_get_card (page, "nps");
    AttainKpiCard *revenue = attain_dashboard_page_get_card (page, "revenue");
    g_assert_nonnull (strstr (attain_kpi_card_get_target_text (nps), " vs target"));
    g_assert_null (strchr (attain_kpi_card_get_target_text (nps), '%'));
    g_assert_null (strchr (attain_kpi_card_get_change_text (nps), '%'));
    g_assert_nonnull (strstr (attain_kpi_card_get_target_text (revenue), "attained (-¥"));
    g_assert_nonnull (strstr (attain_kpi_card_get_change_text (revenue), "vs last year · "));
    g_assert_true (
        g_str_has_suffix (attain_kpi_card_get_change_text (revenue), "% vs last quarter"));
  }

  /* Switch to the year, the way the "Year" toggle does. */
  activate_and_wait (page, "session.period-kind", g_variant_new_string ("year"));
  expected = expected_revenue (check, all, "2026-01-01", "2026-12-31");
  g_assert_cmpstr (
      attain_kpi_card_get_value_text (attain_dashboard_page_get_card (page, "revenue")), ==,
      expected);
  g_free (expected);

  /* Previous period: 2025. */
  activate_and_wait (page, "session.previous-period", NULL);
  expected = expected_revenue (check, all, "2025-01-01", "2025-12-31");
  g_assert_cmpstr (
      attain_kpi_card_get_value_text (attain_dashboard_page_get_card (page, "revenue")), ==,
      expected);
  g_free (expected);
  /* 2025 is over: the revenue card says where it ended up against its target. */
  g_assert_cmpstr (attain_kpi_card_get_pace_text (attain_dashboard_page_get_card (page, "revenue")),
                   !=, "");

  /* Drill down into the first region, as activating its ranking row does. */
  activate_and_wait (page, "dashboard.show-unit", g_variant_new_string ("unit:2"));
  region_name = g_strdup (attain_dashboard_page_get_title (page));
  g_assert_cmpstr (region_name, ==, "华东区");
  expected = expected_revenue (check, east, "2025-01-01", "2025-12-31");
  g_assert_cmpstr (
      attain_kpi_card_get_value_text (attain_dashboard_page_get_card (page, "revenue")), ==,
      expected);
  g_free (expected);
  /* Its ranking lists its teams. */
  g_assert_cmpuint (
      g_list_model_get_n_items (attain_dashboard_page_get_ranking (page)), ==,
      attain_test_query_int (check, "SELECT count(*) FROM org_units WHERE parent_id = 2"));

  /* Back returns to the company, same period. */
  activate_and_wait (page, "dashboard.back", NULL);
  g_assert_cmpstr (attain_dashboard_page_get_title (page), ==, "华辰智能科技有限公司");
  expected = expected_revenue (check, all, "2025-01-01", "2025-12-31");
  g_assert_cmpstr (
      attain_kpi_card_get_value_text (attain_dashboard_page_get_card (page, "revenue")), ==,
      expected);
  g_free (expected);

  /* A person: their peers are ranked with them. */
  activate_and_wait (page, "dashboard.show-unit", g_variant_new_string ("person:3"));
  g_assert_cmpuint (g_list_model_get_n_items (attain_dashboard_page_get_ranking (page)), ==,
                    attain_test_query_int (check, "SELECT count(*) FROM people WHERE unit_id = "
                                                  "(SELECT unit_id FROM people WHERE id = 3)"));

  gtk_window_destroy (GTK_WINDOW (window));
  attain_db_close (check);
}

static gboolean
window_shows_dashboard (gpointer data)
{
  AttainWindow        *window = data;
  AttainDashboardPage *page = attain_window_get_dashboard_page (window);

  return g_strcmp0 (attain_window_get_visible_page (window), "dashboard") == 0
         && page_loaded (page);
}

/* The demo's Cancel button is shown only while the demo is being created. */
static gboolean
demo_button_enabled (gpointer data)
{
  GtkWidget *cancel = find_widget (GTK_WIDGET (data), has_action, "win.cancel-demo");
  return cancel != NULL && !gtk_widget_get_visible (cancel);
}

static void
test_empty_database_creates_demo (void)
{
  AttainDb *check = NULL;
  g_autoptr (AttainContext) context = make_context ("empty.db", FALSE, &check);
  AttainWindow *window = attain_window_new (NULL, context, NULL);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (attain_window_get_visible_page (window), ==, "empty");

  /* Cancel while it is being built: nothing is written, and it can be started again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.create-demo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-demo", NULL));
  iterate_until (demo_button_enabled, window);
  g_assert_cmpstr (attain_window_get_visible_page (window), ==, "empty");
  g_assert_cmpint (attain_test_query_int (check, "SELECT count(*) FROM people"), ==, 0);
  g_assert_cmpint (attain_test_query_int (check, "SELECT count(*) FROM deals"), ==, 0);

  /* The button on the empty page; the demo is built off the main thread. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.create-demo", NULL));
  iterate_until (window_shows_dashboard, window);
  g_assert_cmpint (attain_test_query_int (check, "SELECT count(*) FROM people"), ==, 60);
  g_assert_cmpstr (attain_dashboard_page_get_title (attain_window_get_dashboard_page (window)), ==,
                   "华辰智能科技有限公司");
  gtk_window_destroy (GTK_WINDOW (window));
  attain_db_close (check);
}

static gboolean
import_dialog_settled (gpointer data)
{
  AttainImportDialog *dialog = data;
  const char         *page = attain_import_dialog_get_page (dialog);
  return !attain_import_dialog_is_busy (dialog) && g_strcmp0 (page, "busy") != 0;
}

/* A new company from files: the organisation into an empty file, then a CRM export with a
 * stage the mapping does not know, mapped in the mapping step, and the figures on the
 * dashboard. */
static void
test_import_through_mapping_step (void)
{
  AttainDb *check = NULL;
  g_autoptr (AttainContext) context = make_context ("import.db", FALSE, &check);
  AttainWindow        *window = attain_window_new (NULL, context, NULL);
  AttainDashboardPage *page = attain_window_get_dashboard_page (window);
  g_autofree char *org = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "org.csv", NULL);
  g_autofree char *deals = g_build_filename (dir, "crm-deals.csv", NULL);
  g_autofree char *expected = NULL;
  AttainImportDialog *dialog;
  AttainImportPlan   *plan;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (attain_window_get_visible_page (window), ==, "empty");

  dialog = ATTAIN_IMPORT_DIALOG (attain_window_open_import (window, ATTAIN_IMPORT_ORG, org));
  iterate_until (import_dialog_settled, dialog);
  g_assert_cmpstr (attain_import_dialog_get_page (dialog), ==, "mapping");
  g_assert_cmpuint (attain_import_plan_get_n_records (attain_import_dialog_get_plan (dialog)), ==,
                    8);
  attain_import_dialog_set_company_name (dialog, "星河科技有限公司");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL));
  iterate_until (import_dialog_settled, dialog);
  g_assert_cmpstr (attain_import_dialog_get_page (dialog), ==, "done");
  g_assert_cmpint (attain_test_query_int (check, "SELECT count (*) FROM people"), ==, 8);
  /* The window leaves the empty page for the dashboard of the new company. */
  g_assert_cmpstr (attain_window_get_visible_page (window), ==, "dashboard");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (
      g_file_set_contents (deals,
                           "商机编号,负责人,客户名称,销售阶段,金额,创建时间,结单日期\n"
                           "U-1,周艳,上海启明软件有限公司,赢单,\"100,000\",2026-10-08,2026-11-02\n"
                           "U-2,张伟,苏州精工制造有限公司,已下单,50000,2026-10-10,2026-11-05\n",
                           -1, NULL));
  dialog = ATTAIN_IMPORT_DIALOG (attain_window_open_import (window, ATTAIN_IMPORT_DEALS, deals));
  iterate_until (import_dialog_settled, dialog);
  plan = attain_import_dialog_get_plan (dialog);
  /* 已下单 is no stage Attain knows: the row is rejected and listed, and nothing can be
   * imported until it is mapped. */
  g_assert_cmpuint (attain_import_plan_get_problems (plan)->len, ==, 1);
  g_assert_cmpuint (attain_import_plan_get_unmapped (plan)->len, ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL);
  iterate_until (import_dialog_settled, dialog);
  g_assert_cmpstr (attain_import_dialog_get_page (dialog), ==, "mapping");
  g_assert_cmpint (attain_test_query_int (check, "SELECT count (*) FROM deals"), ==, 0);

  /* The director maps it to Won in its row; the file is read again. */
  g_assert_true (attain_import_dialog_map_value (dialog, "stage", "已下单", "won"));
  iterate_until (import_dialog_settled, dialog);
  plan = attain_import_dialog_get_plan (dialog);
  g_assert_cmpuint (attain_import_plan_get_problems (plan)->len, ==, 0);
  g_assert_cmpuint (attain_import_plan_get_n_records (plan), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL));
  iterate_until (import_dialog_settled, dialog);
  g_assert_cmpstr (attain_import_dialog_get_page (dialog), ==, "done");
  g_assert_cmpint (
      attain_test_query_int (check, "SELECT count (*) FROM deals WHERE status = 'won'"), ==, 2);

  /* The dashboard of 2026-Q4 shows both deals won: 100,000 + 50,000. */
  iterate_until (page_loaded, page);
  expected = attain_format_money_compact (15000000.0, "CNY", ATTAIN_NUMBER_STYLE_WESTERN);
  g_assert_cmpstr (
      attain_kpi_card_get_value_text (attain_dashboard_page_get_card (page, "revenue")), ==,
      expected);
  g_assert_cmpstr (attain_dashboard_page_get_title (page), ==, "星河科技有限公司");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* 周艳's Q4 is signed off: a deal won in it is held back until the second confirmation. */
  g_assert_true (attain_db_exec (
      check,
      "INSERT INTO reviews (person_id, period_kind, period_start, period_end, signed_off_at) "
      "SELECT id, 'quarter', '2026-10-01', '2026-12-31', '2026-11-20T10:00:00Z' "
      "FROM people WHERE employee_no = 'E003'",
      NULL));
  g_assert_true (
      g_file_set_contents (deals,
                           "商机编号,负责人,客户名称,销售阶段,金额,创建时间,结单日期\n"
                           "U-3,周艳,上海启明软件有限公司,赢单,\"30,000\",2026-10-08,2026-11-10\n",
                           -1, NULL));
  dialog = ATTAIN_IMPORT_DIALOG (attain_window_open_import (window, ATTAIN_IMPORT_DEALS, deals));
  iterate_until (import_dialog_settled, dialog);
  g_assert_cmpuint (attain_import_plan_get_n_locked (attain_import_dialog_get_plan (dialog)), ==,
                    1);
  g_assert_true (attain_import_dialog_confirm_locked (dialog));
  iterate_until (import_dialog_settled, dialog);
  g_assert_cmpuint (attain_import_plan_get_problems (attain_import_dialog_get_plan (dialog))->len,
                    ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL));
  iterate_until (import_dialog_settled, dialog);
  g_assert_cmpint (
      attain_test_query_int (check, "SELECT count (*) FROM deals WHERE external_id = 'U-3'"), ==,
      1);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  attain_db_close (check);
}

/* The people page finds a person by pinyin initials and marks them as left through its form. */
static void
test_people_page (void)
{
  AttainDb *check = NULL;
  g_autoptr (AttainContext) context = make_context ("people.db", TRUE, &check);
  AttainWindow     *window = attain_window_new (NULL, context, NULL);
  AttainPeoplePage *page = attain_window_get_people_page (window);
  GListModel       *shown = attain_people_page_get_shown (page);
  g_autoptr (GObject) first = NULL;
  guint  all;
  gint64 id;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "people"));
  g_assert_cmpstr (attain_window_get_visible_page (window), ==, "people");
  all = g_list_model_get_n_items (shown);
  g_assert_cmpuint (all, ==,
                    attain_test_query_int (check, "SELECT count (*) FROM people WHERE active"));

  /* The demo's first person, found by the initials of their pinyin. */
  {
    g_autofree char *name = NULL;
    g_autofree char *key = NULL;
    sqlite3_stmt    *stmt = NULL;
    stmt = attain_db_prepare_uncached (check, "SELECT id, name FROM people ORDER BY id LIMIT 1",
                                       NULL);
    g_assert_nonnull (stmt);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    id = sqlite3_column_int64 (stmt, 0);
    name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    sqlite3_finalize (stmt);
    key = attain_pinyin_key (name);
    {
      /* The key is "pinyin initials joined": the initials are its second word. */
      g_auto (GStrv) words = g_strsplit (key, " ", -1);
      guint n = g_strv_length (words);
      attain_people_page_set_search (page, words[n - 2]);
    }
    g_assert_cmpuint (g_list_model_get_n_items (shown), >=, 1);
    g_assert_cmpuint (g_list_model_get_n_items (shown), <, all);
  }
  g_assert_true (attain_people_page_select (page, id));

  /* Their record across periods opens in its own window, named after them. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "people.history", NULL));
  {
    GtkWidget *history = attain_people_page_get_dialog (page);
    g_assert_true (ADW_IS_WINDOW (history));
    g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (history)), "History of "));
    gtk_window_destroy (GTK_WINDOW (history));
    g_assert_null (attain_people_page_get_dialog (page));
  }

  /* Mark as left today with nobody to take the deals: they drop out of the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "people.leave", NULL));
  g_assert_nonnull (attain_people_page_get_dialog (page));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (attain_people_page_get_dialog (page)), "leave");
  g_assert_cmpint (
      attain_test_query_int (
          check, "SELECT count (*) FROM people WHERE left_on = '2026-11-23' AND NOT active"),
      ==, 1);
  attain_people_page_set_search (page, "");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, all - 1);
  first = g_list_model_get_item (shown, 0);
  g_assert_nonnull (first);
  gtk_window_destroy (GTK_WINDOW (window));
  attain_db_close (check);
}

/* A company set up by hand: the company and a team, then the people page to add people. */
static gboolean
people_shown_one (gpointer data)
{
  return g_list_model_get_n_items (
             attain_people_page_get_shown (attain_window_get_people_page (data)))
         == 1;
}

static void
test_setup_by_hand (void)
{
  AttainDb *check = NULL;
  g_autoptr (AttainContext) context = make_context ("by-hand.db", FALSE, &check);
  AttainWindow *window = attain_window_new (NULL, context, NULL);
  GtkWidget    *dialog;

  gtk_window_present (GTK_WINDOW (window));
  dialog = attain_window_setup_by_hand (window);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "company"), "小微科技");
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "team"), "直销组");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "create");
  g_assert_cmpint (attain_test_query_int (
                       check,
                       "SELECT count (*) FROM org_units WHERE kind = 'team' AND name = '直销组' "
                       "AND parent_id = (SELECT id FROM org_units WHERE kind = 'company' AND name "
                       "= '小微科技')"),
                   ==, 1);
  g_assert_cmpstr (attain_window_get_visible_page (window), ==, "people");
  g_assert_true (attain_person_add (
      attain_context_get_db (context), "钱多多", "S001",
      attain_test_query_int (check, "SELECT id FROM org_units WHERE kind = 'team'"),
      attain_test_query_int (check, "SELECT id FROM positions WHERE rank = 1"), "2026-11-02", NULL,
      NULL));
  /* The commit alone tells the page: nobody calls anything by hand. */
  iterate_until (people_shown_one, window);
  gtk_window_destroy (GTK_WINDOW (window));
  attain_db_close (check);
}

/* A deal typed in by hand: a bad amount is named and nothing written, then the right one is
 * saved and counted. */
static void
test_record_by_hand (void)
{
  AttainDb *check = NULL;
  g_autoptr (AttainContext) context = make_context ("record.db", FALSE, &check);
  g_autofree char *org = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "org.csv", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainImportPlan) plan = NULL;
  AttainImportOptions options;
  AttainImportSummary summary = { 0 };
  AttainWindow       *window;
  AttainRecordDialog *dialog;

  attain_import_options_init (&options, ATTAIN_IMPORT_ORG);
  options.company_name = g_strdup ("星河科技有限公司");
  plan = attain_import_prepare (attain_context_get_db (context), org, &options, NULL, NULL, NULL,
                                &error);
  g_assert_true (attain_import_apply (attain_context_get_db (context), plan, NULL, NULL, NULL,
                                      &summary, &error));
  attain_import_summary_clear (&summary);
  attain_import_options_clear (&options);

  window = attain_window_new (NULL, context, NULL);
  gtk_window_present (GTK_WINDOW (window));
  dialog = ATTAIN_RECORD_DIALOG (attain_record_dialog_new (GTK_WINDOW (window), context));
  gtk_window_present (GTK_WINDOW (dialog));
  attain_record_dialog_set_kind (dialog, 0);
  attain_record_dialog_set_field (dialog, "owner", "周艳");
  attain_record_dialog_set_field (dialog, "customer", "甲乙丙有限公司");
  attain_record_dialog_set_field (dialog, "stage", "won");
  attain_record_dialog_set_field (dialog, "amount", "十二万");
  attain_record_dialog_set_field (dialog, "created_on", "2026-10-01");
  attain_record_dialog_set_field (dialog, "closed_on", "2026-11-02");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "record.save", NULL));
  g_assert_nonnull (attain_record_dialog_get_problems (dialog));
  g_assert_nonnull (strstr (attain_record_dialog_get_problems (dialog), "十二万"));
  g_assert_cmpint (attain_test_query_int (check, "SELECT count (*) FROM deals"), ==, 0);

  attain_record_dialog_set_field (dialog, "amount", "26.2万");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "record.save", NULL));
  g_assert_cmpint (attain_test_query_int (
                       check,
                       "SELECT amount FROM deals d JOIN people p ON p.id = d.owner_id "
                       "WHERE p.employee_no = 'E003' AND d.status = 'won' AND d.source = 'manual'"),
                   ==, 26200000);
  g_assert_cmpint (attain_test_query_int (
                       check,
                       "SELECT won_amount FROM month_stats WHERE scope_kind = 0 AND month = 202611 "
                       "AND scope_id = (SELECT id FROM org_units WHERE kind = 'company')"),
                   ==, 26200000);
  gtk_window_destroy (GTK_WINDOW (window));
  attain_db_close (check);
}

/* attain-cli imports the organisation while the window shows the empty page: the window
 * notices the other writer's commit and shows the company. */
static void
test_notices_other_writers (void)
{
  AttainDb *check = NULL;
  g_autoptr (AttainContext) context = make_context ("other-writer.db", FALSE, &check);
  AttainWindow    *window = attain_window_new (NULL, context, NULL);
  g_autofree char *org = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "org.csv", NULL);
  const char      *cli = g_getenv ("ATTAIN_CLI");
  int              status;

  if (cli == NULL)
    {
      g_test_skip ("ATTAIN_CLI is not set");
      gtk_window_destroy (GTK_WINDOW (window));
      attain_db_close (check);
      return;
    }
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (attain_window_get_visible_page (window), ==, "empty");
  g_assert_false (attain_context_check_file (context));
  {
    const char *argv[] = { cli,
                           "--database",
                           attain_context_get_db_path (context),
                           "import",
                           "org",
                           org,
                           "--company",
                           "星河科技有限公司",
                           "-q",
                           NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                 NULL, NULL, &status, NULL));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  g_assert_true (attain_context_check_file (context));
  g_assert_cmpstr (attain_window_get_visible_page (window), ==, "dashboard");
  /* Nothing new since: no reload. */
  g_assert_false (attain_context_check_file (context));
  gtk_window_destroy (GTK_WINDOW (window));
  attain_db_close (check);
}

static gboolean
goals_loaded (gpointer data)
{
  AttainGoalsPage *page = data;
  return !attain_goals_page_is_loading (page) && attain_goals_page_get_tree (page) != NULL;
}

static AttainGoalNode *
goal_node (AttainGoalsPage *page, const char *scope_text)
{
  AttainScope scope;
  int         index;

  g_assert_true (attain_scope_parse (scope_text, &scope));
  index = attain_goal_tree_find (attain_goals_page_get_tree (page), &scope);
  g_assert_cmpint (index, >=, 0);
  return attain_goal_tree_node (attain_goals_page_get_tree (page), index);
}

static AttainGoalItem *
find_row (AttainGoalsPage *page, const char *scope)
{
  GListModel *rows = attain_goals_page_get_rows (page);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (GtkTreeListRow) row = g_list_model_get_item (rows, i);
      AttainGoalItem *item = gtk_tree_list_row_get_item (row);
      if (g_strcmp0 (attain_goal_item_get_scope (item), scope) == 0)
        return item;
      g_object_unref (item);
    }
  return NULL;
}

static void
goals_activate_and_wait (AttainGoalsPage *page, const char *action, GVariant *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (page), action, parameter));
  iterate_until (goals_loaded, page);
}

static gboolean
dialog_closed (gpointer data)
{
  return attain_goals_page_get_dialog (data) == NULL;
}

static void
test_goals_page (void)
{
  AttainDb *check = NULL;
  g_autoptr (AttainContext) context = make_context ("goals.db", TRUE, &check);
  AttainWindow    *window = attain_window_new (NULL, context, NULL);
  AttainGoalsPage *page = attain_window_get_goals_page (window);
  g_autofree char *pdf = g_build_filename (dir, "goals-printed.pdf", NULL);
  g_autofree char *expected_gap = NULL;
  g_autoptr (AttainGoalItem) region_row = NULL;
  g_autoptr (AttainGoalItem) team_row = NULL;
  gint64            region_target, other_teams, audits;
  AttainGoalDialog *dialog;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "goals"));
  g_assert_cmpstr (attain_window_get_visible_page (window), ==, "goals");
  iterate_until (goals_loaded, page);
  /* The period is the window's, shared with the dashboard: this year. */
  goals_activate_and_wait (page, "session.period-kind", g_variant_new_string ("year"));

  /* Number columns' titles sit over their numbers, at the right. */
  {
    GtkWidget *title = find_widget (GTK_WIDGET (page), is_label_with, "Attainment");
    g_assert_nonnull (title);
    g_assert_cmpfloat (gtk_label_get_xalign (GTK_LABEL (title)), ==, 1.0);
  }

  /* Opens on this year's revenue: the company and its regions, without gaps. */
  g_assert_false (goal_node (page, "unit:2")->has_gap);
  region_row = find_row (page, "unit:2");
  g_assert_nonnull (region_row);
  g_assert_cmpstr (attain_goal_item_get_gap_text (region_row), ==, "");

  /* Type ¥30,000,000 into the first team's target cell, as the cell's Enter does. */
  region_target = attain_test_query_int (
      check, "SELECT target FROM goals WHERE owner_unit_id = 2 AND metric = 'revenue' "
             "AND period_kind = 'year' AND period_start = '2026-01-01'");
  other_teams = attain_test_query_int (
      check, "SELECT sum(target) FROM goals g JOIN org_units u ON u.id = g.owner_unit_id "
             "WHERE u.parent_id = 2 AND u.id <> 5 AND g.metric = 'revenue' "
             "AND g.period_kind = 'year' AND g.period_start = '2026-01-01'");
  goals_activate_and_wait (page, "goals.set-target",
                           g_variant_new ("(ss)", "unit:5", "30,000,000"));
  g_assert_cmpint (attain_test_query_int (
                       check,
                       "SELECT target FROM goals WHERE owner_unit_id = 5 AND metric = 'revenue' "
                       "AND period_kind = 'year' AND period_start = '2026-01-01'"),
                   ==, 3000000000);

  /* The region's row now shows the gap between its target and its teams' new sum. */
  g_assert_true (goal_node (page, "unit:2")->has_gap);
  g_assert_cmpint (goal_node (page, "unit:2")->gap, ==, region_target - (other_teams + 3000000000));
  {
    g_autofree char *gap
        = attain_format_money_exact (ABS (region_target - other_teams - 3000000000), "CNY");
    expected_gap = g_strdup_printf ("−%s", gap);
  }
  g_assert_cmpstr (attain_goal_item_get_gap_text (region_row), ==, expected_gap);
  team_row = find_row (page, "unit:5");
  g_assert_cmpstr (attain_goal_item_get_target_text (team_row), ==, "¥30,000,000");

  /* A word typed into a target cell is refused (the toast says why) and changes nothing. */
  audits = attain_test_query_int (check, "SELECT count(*) FROM audit_log");
  goals_activate_and_wait (page, "goals.set-target", g_variant_new ("(ss)", "unit:5", "abc"));
  g_assert_cmpint (attain_test_query_int (
                       check,
                       "SELECT target FROM goals WHERE owner_unit_id = 5 AND metric = 'revenue' "
                       "AND period_kind = 'year' AND period_start = '2026-01-01'"),
                   ==, 3000000000);
  g_assert_cmpint (attain_test_query_int (check, "SELECT count(*) FROM audit_log"), ==, audits);
  g_assert_cmpstr (attain_goal_item_get_target_text (team_row), ==, "¥30,000,000");

  /* Ctrl+Z: back to no gap. */
  goals_activate_and_wait (page, "goals.undo", NULL);
  g_assert_false (goal_node (page, "unit:2")->has_gap);
  g_assert_cmpstr (attain_goal_item_get_gap_text (region_row), ==, "");

  /* Bad input in the form: a deadline outside the year is refused where it was typed, and
   * nothing is written. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "goals.select", "s", "person:1"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "goals.edit", NULL));
  dialog = ATTAIN_GOAL_DIALOG (attain_goals_page_get_dialog (page));
  g_assert_nonnull (dialog);
  audits = attain_test_query_int (check, "SELECT count(*) FROM audit_log");
  attain_goal_dialog_set_field (dialog, "deadline", "2027-02-01");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "goal.save", NULL));
  g_assert_nonnull (strstr (attain_goal_dialog_get_error (dialog), "2027-02-01 lies outside"));
  g_assert_cmpint (attain_test_query_int (check, "SELECT count(*) FROM audit_log"), ==, audits);
  /* A weight that breaks the 100% is refused too. */
  attain_goal_dialog_set_field (dialog, "deadline", "2026-12-15");
  attain_goal_dialog_set_field (dialog, "weight", "50");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "goal.save", NULL));
  g_assert_nonnull (strstr (attain_goal_dialog_get_error (dialog), "must total 100%"));
  /* Fixed, it saves, closes and is in the tree. */
  attain_goal_dialog_set_field (dialog, "weight", "60");
  attain_goal_dialog_set_field (dialog, "agreed-on", "2026-01-10");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "goal.save", NULL));
  iterate_until (dialog_closed, page);
  iterate_until (goals_loaded, page);
  g_assert_cmpstr (goal_node (page, "person:1")->goal->deadline, ==, "2026-12-15");
  g_assert_cmpstr (goal_node (page, "person:1")->goal->agreed_on, ==, "2026-01-10");

  /* Print, through the same GtkPrintOperation as the print dialog, into a PDF. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "goals.print-to-file", "s", pdf));
  {
    g_autofree char *bytes = NULL;
    gsize            length = 0;
    g_assert_true (g_file_get_contents (pdf, &bytes, &length, NULL));
    g_assert_cmpuint (length, >, 10000);
    g_assert_true (g_str_has_prefix (bytes, "%PDF"));
  }

  /* Raise by… says what its number is: a percentage, with the sign beside the field. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "goals.select", "s", "unit:2"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "goals.raise", NULL));
  {
    GtkWindow *raise = attain_goals_page_get_dialog (page);
    GtkWidget *extra = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (raise));
    GtkWidget *sign = gtk_widget_get_last_child (extra);
    g_assert_true (GTK_IS_SPIN_BUTTON (gtk_widget_get_first_child (extra)));
    g_assert_true (GTK_IS_LABEL (sign));
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (sign)), ==, "%");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (raise), "cancel");
  }

  /* The quarter view: nobody has a quarterly revenue goal, so the company's row shows its
   * people's monthly goals for Q4 summed, marked as derived: the dashboard's Q4 target. */
  goals_activate_and_wait (page, "session.period-kind", g_variant_new_string ("quarter"));
  {
    g_autoptr (AttainGoalItem) company = find_row (page, "unit:1");
    g_autofree char *expected = attain_format_money_exact (
        attain_test_query_int (check, "SELECT sum(target) FROM goals WHERE owner_person_id IS "
                                      "NOT NULL AND metric = 'revenue' AND period_kind = 'month' "
                                      "AND period_start BETWEEN '2026-10-01' AND '2026-12-31'"),
        "CNY");
    g_assert_true (attain_goal_item_get_target_derived (company));
    g_assert_cmpstr (attain_goal_item_get_target_text (company), ==, expected);
  }
  goals_activate_and_wait (page, "session.period-kind", g_variant_new_string ("year"));

  /* A rate's target is set in the tree like any other: "92%" on the company's collection rate,
   * stored as 9200 basis points and shown as 92.0%; it cannot be split. */
  {
    GtkWidget *metric
        = find_widget (GTK_WIDGET (page), is_of_type, GSIZE_TO_POINTER (GTK_TYPE_DROP_DOWN));
    guint                   n, rate_index = 0;
    const AttainGoalMetric *metrics = attain_goal_metrics (&n);
    g_autoptr (AttainGoalItem) company = NULL;

    for (guint i = 0; i < n; i++)
      if (g_str_equal (metrics[i].key, "collection_rate"))
        rate_index = i;
    gtk_drop_down_set_selected (GTK_DROP_DOWN (metric), rate_index);
    iterate_until (goals_loaded, page);
    g_assert_cmpstr (attain_goals_page_get_tree (page)->metric, ==, "collection_rate");
    goals_activate_and_wait (page, "goals.set-target", g_variant_new ("(ss)", "unit:1", "92%"));
    g_assert_cmpint (attain_test_query_int (check, "SELECT target FROM goals WHERE owner_unit_id "
                                                   "= 1 AND metric = 'collection_rate' AND "
                                                   "period_kind = 'year' AND period_start = "
                                                   "'2026-01-01'"),
                     ==, 9200);
    company = find_row (page, "unit:1");
    g_assert_cmpstr (attain_goal_item_get_target_text (company), ==, "92.0%");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "goals.select", "s", "unit:1"));
    gtk_drop_down_set_selected (GTK_DROP_DOWN (metric), 0);
    iterate_until (goals_loaded, page);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "goals.select", "s", "unit:2"));
  }

  /* Split by Hand shows exact figures with separators, each part's share and a running total. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "goals.split-by-hand", NULL));
  {
    GtkWindow       *split = attain_goals_page_get_dialog (page);
    GtkWidget       *extra = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (split));
    GtkWidget       *list = gtk_widget_get_first_child (extra);
    GtkWidget       *given = gtk_widget_get_next_sibling (list);
    GtkWidget       *row = gtk_widget_get_first_child (list);
    g_autofree char *total = attain_format_money_exact (
        attain_test_query_int (check, "SELECT target FROM goals WHERE owner_unit_id = 2 AND "
                                      "metric = 'revenue' AND period_kind = 'year' AND "
                                      "period_start = '2026-01-01'"),
        "CNY");
    g_autofree char *first = attain_format_money_exact (
        attain_test_query_int (check, "SELECT g.target FROM goals g JOIN org_units u ON u.id = "
                                      "g.owner_unit_id WHERE u.parent_id = 2 AND g.metric = "
                                      "'revenue' AND g.period_kind = 'year' AND g.period_start = "
                                      "'2026-01-01' ORDER BY u.id LIMIT 1"),
        "CNY");
    g_autofree char *expected = g_strdup_printf ("Given out %s of %s", total, total);
    g_assert_true (ADW_IS_ENTRY_ROW (row));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, first);
    g_assert_nonnull (strchr (first, ','));
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (given)), ==, expected);
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (split), "cancel");
  }

  /* Splitting the region again, to the ¥1,000, over teams that agreed their targets: asked
   * first; then every part is whole thousands but the one that takes the odd remainder, the
   * parts add up to the region's target, and the teams' goals are proposed again. */
  g_assert_true (attain_db_exec (check,
                                 "UPDATE goals SET agreed_on = '2026-01-08' WHERE metric = "
                                 "'revenue' AND period_kind = 'year' AND owner_unit_id IN "
                                 "(SELECT id FROM org_units WHERE parent_id = 2)",
                                 NULL));
  attain_goals_page_reload (page);
  iterate_until (goals_loaded, page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "goals.select", "s", "unit:2"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "goals.split-evenly", NULL));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (attain_goals_page_get_dialog (page)), "split");
  g_assert_cmpstr (
      adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (attain_goals_page_get_dialog (page))), ==,
      "Change Agreed Goals?");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (attain_goals_page_get_dialog (page)), "change");
  iterate_until (goals_loaded, page);
  g_assert_cmpint (
      attain_test_query_int (check, "SELECT sum(g.target) FROM goals g JOIN org_units u ON u.id "
                                    "= g.owner_unit_id WHERE u.parent_id = 2 AND g.metric = "
                                    "'revenue' AND g.period_kind = 'year' AND g.period_start = "
                                    "'2026-01-01'"),
      ==, region_target);
  g_assert_cmpint (
      attain_test_query_int (check, "SELECT count(*) FROM goals g JOIN org_units u ON u.id = "
                                    "g.owner_unit_id WHERE u.parent_id = 2 AND g.metric = "
                                    "'revenue' AND g.period_start = '2026-01-01' AND g.period_kind "
                                    "= 'year' AND g.target % 100000 <> 0"),
      <=, 1);
  g_assert_cmpint (
      attain_test_query_int (check, "SELECT count(*) FROM goals g JOIN org_units u ON u.id = "
                                    "g.owner_unit_id WHERE u.parent_id = 2 AND g.metric = "
                                    "'revenue' AND g.period_start = '2026-01-01' AND g.period_kind "
                                    "= 'year' AND agreed_on IS NOT NULL"),
      ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  attain_db_close (check);
}

static gboolean
review_idle (gpointer data)
{
  return !attain_review_page_is_busy (data);
}

static gboolean
review_loaded (gpointer data)
{
  return !attain_review_page_is_loading (data);
}

/* Forms load on a worker: an action that changes person or period is followed by the load. */
static void
review_activate_and_wait (AttainReviewPage *page, const char *action, GVariant *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (page), action, parameter));
  iterate_until (review_loaded, page);
}

/* Reviews look back: the quarter before today's (2026-Q3), whatever the last test chose. */
static void
review_open_last_quarter (AttainReviewPage *page, const char *person)
{
  review_activate_and_wait (page, "session.period-kind", g_variant_new_string ("quarter"));
  review_activate_and_wait (page, "session.current-period", NULL);
  review_activate_and_wait (page, "session.previous-period", NULL);
  review_activate_and_wait (page, "review.select-person", g_variant_new_string (person));
}

/* The review form's controls: text areas say what belongs in them, the interview date can be
 * picked from a calendar, a next-period goal can be taken back, and the period button works
 * like the other pages' instead of looking disabled. */
static void
test_review_form_controls (void)
{
  AttainDb *check = NULL;
  g_autoptr (AttainContext) context = make_context ("controls.db", TRUE, &check);
  AttainWindow     *window = attain_window_new (NULL, context, NULL);
  AttainReviewPage *page = attain_window_get_review_page (window);
  GtkWidget        *widget, *section, *calendar;
  g_autoptr (GDateTime) day = g_date_time_new_local (2026, 10, 12, 0, 0, 0);
  gint64 goal_id;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "reviews"));
  review_open_last_quarter (page, "person:5");

  section = find_widget (GTK_WIDGET (page), is_text_section_of, "improvements");
  g_assert_nonnull (section);
  g_assert_cmpstr (
      attain_review_text_section_get_placeholder (ATTAIN_REVIEW_TEXT_SECTION (section)), ==,
      "Facts, not impressions: what happened, when, and what it cost.");
  attain_review_page_set_text (page, "improvements", "8 月两张发票 10 月才回款");
  g_assert_null (attain_review_text_section_get_placeholder (ATTAIN_REVIEW_TEXT_SECTION (section)));

  /* The calendar writes the day it was given into the interview date. */
  section = find_widget (GTK_WIDGET (page), is_of_type,
                         GSIZE_TO_POINTER (ATTAIN_TYPE_REVIEW_INTERVIEW_SECTION));
  widget = find_widget (section, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON));
  g_assert_nonnull (widget);
  calendar = gtk_popover_get_child (gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget)));
  gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
  {
    g_autofree char *date = attain_review_page_get_text (page, "interview_on");
    g_assert_cmpstr (date, ==, "2026-10-12");
  }

  /* A goal agreed and taken back leaves nothing in the goal tree. */
  attain_review_page_set_next_goal (page, 0, "2,000,000");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.add-next-goal", NULL));
  iterate_until (review_loaded, page);
  goal_id = attain_test_query_int (check, "SELECT id FROM goals WHERE review_id IS NOT NULL");
  g_assert_cmpint (goal_id, >, 0);
  section = find_widget (GTK_WIDGET (page), is_of_type,
                         GSIZE_TO_POINTER (ATTAIN_TYPE_REVIEW_GOALS_SECTION));
  g_assert_nonnull (find_widget (section, has_action, "goals-section.remove"));
  g_assert_true (gtk_widget_activate_action (section, "goals-section.remove", "x", goal_id));
  iterate_until (review_loaded, page);
  g_assert_cmpint (
      attain_test_query_int (check, "SELECT count(*) FROM goals WHERE review_id IS NOT NULL"), ==,
      0);
  g_assert_null (find_widget (section, has_action, "goals-section.remove"));

  /* The person picker finds people by pinyin initials and shows their team. */
  {
    GtkWidget *chooser = find_widget (GTK_WIDGET (page), is_of_type,
                                      GSIZE_TO_POINTER (ATTAIN_TYPE_PERSON_CHOOSER));
    GtkWidget *search = find_widget (chooser, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_SEARCH_ENTRY));
    GtkWidget *list = find_widget (chooser, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_LIST_VIEW));
    GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
    gboolean    found = FALSE;
    guint       everyone = g_list_model_get_n_items (shown);

    gtk_editable_set_text (GTK_EDITABLE (search), "cx");
    /* The search entry reports a change after a short pause, as it does while typing. */
    {
      gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
      while (g_list_model_get_n_items (shown) == everyone && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
    }
    g_assert_cmpuint (g_list_model_get_n_items (shown), <, everyone);
    for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
      {
        g_autoptr (AttainPersonItem) item = g_list_model_get_item (shown, i);
        const AttainPerson *person = attain_person_item_get_person (item);
        if (g_str_equal (person->name, "陈欣"))
          {
            found = TRUE;
            g_assert_cmpstr (person->team, !=, NULL);
          }
      }
    g_assert_true (found);
    gtk_editable_set_text (GTK_EDITABLE (search), "");
    {
      gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
      while (g_list_model_get_n_items (shown) < everyone && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
    }
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, everyone);
  }

  /* The period button is a control, as on the dashboard: back to the current period. */
  widget = find_widget (GTK_WIDGET (page), has_action, "session.current-period");
  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_get_sensitive (widget));

  gtk_window_destroy (GTK_WINDOW (window));
  attain_db_close (check);
}

static gboolean
is_header_button (GtkWidget *widget, gconstpointer label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_ancestor (widget, ADW_TYPE_HEADER_BAR) != NULL
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* In Chinese the window is 达成 (as About says), and header-bar buttons read 取消 and 保存, without
 * the "(_C)" mnemonic suffixes that GNOME keeps for dialogs' buttons only. */
static void
test_window_in_chinese (void)
{
  AttainDb *check = NULL;
  g_autoptr (AttainContext) context = NULL;
  AttainWindow *window;
  GtkWidget    *dialog;
  char         *old_locale = g_strdup (setlocale (LC_ALL, NULL));

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL
      || g_strcmp0 (g_dgettext ("attain", "Attain"), "Attain") == 0)
    {
      setlocale (LC_ALL, old_locale);
      g_free (old_locale);
      g_unsetenv ("LANGUAGE");
      g_test_skip ("no zh_CN.UTF-8 locale");
      return;
    }
  textdomain ("attain");
  context = make_context ("chinese.db", TRUE, &check);
  window = attain_window_new (NULL, context, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "达成");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-record", NULL));
  dialog = GTK_WIDGET (gtk_window_list_toplevels ()->data);
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = l->next)
    if (l->data != (gpointer) window && GTK_IS_WINDOW (l->data)
        && gtk_window_get_transient_for (l->data) == GTK_WINDOW (window))
      dialog = l->data;
  g_assert_nonnull (find_widget (dialog, is_header_button, "取消"));
  g_assert_nonnull (find_widget (dialog, is_header_button, "保存"));
  g_assert_null (find_widget (dialog, is_header_button, "取消(_C)"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  attain_db_close (check);

  textdomain ("messages");
  setlocale (LC_ALL, old_locale);
  g_free (old_locale);
  g_unsetenv ("LANGUAGE");
}

/* The keyboard-shortcuts window lists every shortcut the window and its pages answer to. */
static void
test_shortcuts_window_lists_every_shortcut (void)
{
  g_autoptr (GtkBuilder) builder
      = gtk_builder_new_from_resource ("/io/github/attain/Attain/gtk/help-overlay.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_autoptr (GString) listed = g_string_new (" ");
  const char *expected[]
      = { "<alt>1",         "<alt>2",          "<alt>3",      "<alt>4",         "<alt>5",
          "<ctrl>Page_Up",  "<ctrl>Page_Down", "<ctrl>comma", "<ctrl>question", "<ctrl>w",
          "<ctrl>q",        "<alt>Left",       "F5",          "<ctrl>r",        "<ctrl>z",
          "<ctrl><shift>z", "Delete",          "<ctrl>p",     "<ctrl>n",        "<ctrl>s",
          "Escape" };
  GSList *objects = gtk_builder_get_objects (builder);

  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        g_autofree char *accelerator = NULL;
        g_object_get (l->data, "accelerator", &accelerator, NULL);
        g_string_append_printf (listed, "%s ", accelerator);
      }
  g_slist_free (objects);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *word = g_strdup_printf (" %s ", expected[i]);
      if (strstr (listed->str, word) == NULL)
        g_error ("%s is not in the shortcuts window (it lists:%s)", expected[i], listed->str);
    }
  gtk_window_destroy (GTK_WINDOW (overlay));
}

static void
test_review_form_survives_restart (void)
{
  AttainDb *check = NULL;
  g_autoptr (AttainContext) context = make_context ("review.db", TRUE, &check);
  AttainWindow     *window = attain_window_new (NULL, context, NULL);
  AttainReviewPage *page = attain_window_get_review_page (window);
  g_autofree char  *team_dir = g_build_filename (dir, "team-reviews", NULL);
  g_autofree char  *pdf = g_build_filename (dir, "review-printed.pdf", NULL);
  static const struct
  {
    const char *field, *text;
  } fields[] = {
    { "reviewer", "王建国" },
    { "interview_on", "2026-10-12" },
    { "self_review",
      "本季度重点跟进华东区重点客户，完成恒达机械项目签约。\n第二段：回款方面仍需加强。" },
    { "strengths", "客户关系扎实" },
    { "improvements", "8 月两张发票 10 月才回款" },
    { "employee_view", "认可，希望增加产品演示支持" },
    { "training", "商务谈判技巧（11 月）" },
  };

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "reviews"));
  review_open_last_quarter (page, "person:5");
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    attain_review_page_set_text (page, fields[i].field, fields[i].text);
  attain_review_page_add_milestone (page, "每周复盘应收账款", "2026-12-31", "逾期应收低于 10%");
  attain_review_page_set_next_goal (page, 0, "2,000,000");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.add-next-goal", NULL));
  /* Nothing flushed by hand: closing the window is what a director does. */
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&context);

  g_assert_cmpint (
      attain_test_query_int (check, "SELECT count(*) FROM reviews WHERE person_id = 5 AND "
                                    "period_start = '2026-07-01' AND strengths = '客户关系扎实'"),
      ==, 1);
  g_assert_cmpint (attain_test_query_int (check, "SELECT count(*) FROM review_milestones"), ==, 1);
  /* The agreed goal is in the goal tree for Q4, owned by the salesperson. */
  g_assert_cmpint (
      attain_test_query_int (
          check, "SELECT target FROM goals WHERE review_id IS NOT NULL AND "
                 "owner_person_id = 5 AND period_start = '2026-10-01' AND metric = 'revenue'"),
      ==, 200000000);

  /* A new window on the same file: every field is back. */
  {
    AttainDb *again = NULL;
    g_autoptr (AttainContext) context2 = NULL;
    GDate today;
    g_autoptr (GError) error = NULL;
    g_autofree char *path = attain_test_db_path (dir, "review.db");

    again = attain_db_open (path, &error);
    g_assert_no_error (error);
    attain_test_date (&today, "2026-11-23");
    context2 = attain_context_new (again, &today);
    window = attain_window_new (NULL, context2, NULL);
    page = attain_window_get_review_page (window);
    gtk_window_present (GTK_WINDOW (window));
    review_open_last_quarter (page, "person:5");
    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      {
        g_autofree char *text = attain_review_page_get_text (page, fields[i].field);
        g_assert_cmpstr (text, ==, fields[i].text);
      }
    g_assert_true (attain_review_page_is_editable (page));
    g_assert_cmpuint (attain_review_page_get_review (page)->milestones->len, ==, 1);

    /* The whole team, one PDF each, written off the main thread. */
    g_assert_true (
        gtk_widget_activate_action (GTK_WIDGET (page), "review.export-team-to", "s", team_dir));
    g_assert_true (attain_review_page_is_busy (page));
    iterate_until (review_idle, page);
    {
      g_autoptr (GDir) folder = g_dir_open (team_dir, 0, NULL);
      guint files = 0;
      while (g_dir_read_name (folder) != NULL)
        files++;
      g_assert_cmpint (files, ==,
                       attain_test_query_int (check, "SELECT count(*) FROM people WHERE unit_id = "
                                                     "(SELECT unit_id FROM people WHERE id = 5)"));
    }
    /* Printed through the print operation into a PDF. */
    g_assert_true (
        gtk_widget_activate_action (GTK_WIDGET (page), "review.print-to-file", "s", pdf));
    iterate_until (review_idle, page);
    g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));

    /* The report's language is chosen per print, whatever the window's. */
    {
      static const struct
      {
        const char *language, *title;
      } cases[] = {
        { "zh_TW", "績效面談報告" },
        { "zh_CN", "绩效面谈报告" },
        { "en", "Performance Review" },
      };
      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          g_autofree char *file = g_strdup_printf ("%s/review-%s.pdf", dir, cases[i].language);
          const char      *argv[] = { "pdftotext", file, "-", NULL };
          g_autofree char *text = NULL;

          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.report-language",
                                                     "s", cases[i].language));
          g_assert_true (
              gtk_widget_activate_action (GTK_WIDGET (page), "review.print-to-file", "s", file));
          iterate_until (review_idle, page);
          if (!g_spawn_sync (NULL, (char **) argv, NULL,
                             G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text,
                             NULL, NULL, NULL))
            continue;
          g_assert_nonnull (strstr (text, cases[i].title));
        }
      /* And the window itself stays in its own language. */
      g_assert_cmpstr (g_dgettext ("attain", "Goals"), ==, "Goals");
    }
    gtk_window_destroy (GTK_WINDOW (window));
  }

  /* Signed off: the form opens read-only. */
  g_assert_true (attain_db_exec (
      check, "UPDATE reviews SET signed_off_at = '2026-11-20' WHERE person_id = 5", NULL));
  {
    g_autoptr (GError) error = NULL;
    g_autofree char *path = attain_test_db_path (dir, "review.db");
    AttainDb        *third = attain_db_open (path, &error);
    GDate            today;
    g_autoptr (AttainContext) context3 = NULL;

    attain_test_date (&today, "2026-11-23");
    context3 = attain_context_new (third, &today);
    window = attain_window_new (NULL, context3, NULL);
    page = attain_window_get_review_page (window);
    review_open_last_quarter (page, "person:5");
    g_assert_false (attain_review_page_is_editable (page));
    attain_review_page_set_text (page, "strengths", "想改也改不了");
    gtk_window_destroy (GTK_WINDOW (window));
  }
  g_assert_cmpint (attain_test_query_int (
                       check, "SELECT count(*) FROM reviews WHERE strengths = '客户关系扎实'"),
                   ==, 1);
  attain_db_close (check);
}

static void
count_loaded_cb (gpointer page, guint *count)
{
  (*count)++;
}

/* Five period switches inside 100 ms: the four overtaken loads are cancelled, so the page shows
 * (and announces) only the last period's figures, never one that finished late. */
static void
test_period_switches_race (void)
{
  AttainDb *check = NULL;
  g_autoptr (AttainContext) context = make_context ("race.db", TRUE, &check);
  AttainWindow        *window = attain_window_new (NULL, context, NULL);
  AttainDashboardPage *page = attain_window_get_dashboard_page (window);
  g_autofree char     *expected = NULL;
  guint                loaded = 0;
  gint64               started;

  gtk_window_present (GTK_WINDOW (window));
  iterate_until (page_loaded, page);
  /* From today's quarter, whatever kind the last test left in the settings. */
  if (attain_session_get_period (attain_context_get_session (context))->kind
      != ATTAIN_PERIOD_QUARTER)
    activate_and_wait (page, "session.period-kind", g_variant_new_string ("quarter"));
  if (!attain_period_equal (attain_session_get_period (attain_context_get_session (context)),
                            &(AttainPeriod){ ATTAIN_PERIOD_QUARTER, 2026, 4, 1 }))
    activate_and_wait (page, "session.current-period", NULL);

  g_signal_connect (page, "loaded", G_CALLBACK (count_loaded_cb), &loaded);
  started = g_get_monotonic_time ();
  for (guint i = 0; i < 5; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "session.previous-period", NULL));
  g_assert_cmpint (g_get_monotonic_time () - started, <, 100 * 1000);
  iterate_until (page_loaded, page);
  /* Let any late result arrive: none may. */
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_usleep (200 * 1000);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  /* 2026-Q4 minus five quarters: 2025-Q3. */
  g_assert_cmpuint (loaded, ==, 1);
  g_assert_cmpstr (attain_dashboard_page_get_dashboard (page)->period_label, ==, "Q3 2025");
  expected = expected_revenue (check, "WHERE", "2025-07-01", "2025-09-30");
  g_assert_cmpstr (
      attain_kpi_card_get_value_text (attain_dashboard_page_get_card (page, "revenue")), ==,
      expected);
  gtk_window_destroy (GTK_WINDOW (window));
  attain_db_close (check);
}

typedef struct
{
  gint64 last;
  gint64 worst;
} Heartbeat;

static gboolean
heartbeat_cb (gpointer data)
{
  Heartbeat *beat = data;
  gint64     now = g_get_monotonic_time ();

  beat->worst = MAX (beat->worst, now - beat->last);
  beat->last = now;
  return G_SOURCE_CONTINUE;
}

/* A team of 60 exported, one PDF each: gathering, layout and writing all run on the worker.
 * The main thread ran no model query and made no document layout meanwhile (counted), and the
 * worst gap of a 10 ms heartbeat is printed as a figure, not asserted. */
static void
test_team_export_off_main_thread (void)
{
  AttainDb *check = NULL;
  g_autoptr (AttainContext) context = make_context ("team60.db", TRUE, &check);
  AttainWindow     *window = attain_window_new (NULL, context, NULL);
  AttainReviewPage *page = attain_window_get_review_page (window);
  g_autofree char  *folder = g_build_filename (dir, "team-of-60", NULL);
  Heartbeat         beat = { 0 };
  guint             files = 0, source;

  g_assert_true (attain_db_exec (
      check, "UPDATE people SET unit_id = (SELECT unit_id FROM people WHERE id = 5)", NULL));
  g_assert_cmpint (attain_test_query_int (check, "SELECT count(*) FROM people WHERE active"), ==,
                   60);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "reviews"));
  review_open_last_quarter (page, "person:5");
  while (g_main_context_iteration (NULL, FALSE))
    ;

  attain_watch_thread (g_thread_self ());
  beat.last = g_get_monotonic_time ();
  source = g_timeout_add (10, heartbeat_cb, &beat);
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (page), "review.export-team-to", "s", folder));
  iterate_until (review_idle, page);
  g_source_remove (source);
  g_assert_cmpuint (attain_watched_thread_count (ATTAIN_WORK_QUERY), ==, 0);
  g_assert_cmpuint (attain_watched_thread_count (ATTAIN_WORK_LAYOUT), ==, 0);
  attain_watch_thread (NULL);
  g_test_message ("team of 60 exported; worst main-loop gap %.1f ms", beat.worst / 1000.0);
  {
    g_autoptr (GDir) dir_handle = g_dir_open (folder, 0, NULL);
    while (g_dir_read_name (dir_handle) != NULL)
      files++;
  }
  g_assert_cmpuint (files, ==, 60);
  gtk_window_destroy (GTK_WINDOW (window));
  attain_db_close (check);
}

static guint
app_windows (GDBusConnection *bus)
{
  g_autoptr (GVariant) reply = NULL;
  const char *xml = NULL;
  g_autoptr (GDBusNodeInfo) node = NULL;
  guint n = 0;

  reply = g_dbus_connection_call_sync (
      bus, "io.github.attain.Attain", "/io/github/attain/Attain/window",
      "org.freedesktop.DBus.Introspectable", "Introspect", NULL, G_VARIANT_TYPE ("(s)"),
      G_DBUS_CALL_FLAGS_NONE, 5000, NULL, NULL);
  if (reply == NULL)
    return 0;
  g_variant_get (reply, "(&s)", &xml);
  node = g_dbus_node_info_new_for_xml (xml, NULL);
  for (guint i = 0; node != NULL && node->nodes != NULL && node->nodes[i] != NULL; i++)
    n++;
  return n;
}

static gboolean
app_is_running (GDBusConnection *bus)
{
  g_autoptr (GVariant) reply = g_dbus_connection_call_sync (
      bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "NameHasOwner",
      g_variant_new ("(s)", "io.github.attain.Attain"), G_VARIANT_TYPE ("(b)"),
      G_DBUS_CALL_FLAGS_NONE, 5000, NULL, NULL);
  gboolean owned = FALSE;

  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

static int
run_app (const char *database)
{
  const char *argv[]
      = { g_getenv ("ATTAIN_APP"), "--database", database, "--today", "2026-11-23", NULL };
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                               &status, NULL));
  return status;
}

/* One instance, one window per file: a second start on the same file (by any path) raises its
 * window and exits, another file opens a second window, in the same process. */
static void
test_one_window_per_file (void)
{
  g_autoptr (GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autofree char *a = g_build_filename (dir, "single-a.db", NULL);
  g_autofree char *b = g_build_filename (dir, "single-b.db", NULL);
  g_autofree char *link = g_build_filename (dir, "single-link.db", NULL);
  const char *argv[] = { g_getenv ("ATTAIN_APP"), "--database", a, "--today", "2026-11-23", NULL };
  GPid        primary;
  gint64      deadline;
  int         status;

  if (bus == NULL || g_getenv ("ATTAIN_APP") == NULL)
    {
      g_test_skip ("needs a session bus (run under dbus-run-session) and the app");
      return;
    }
  g_assert_false (app_is_running (bus));
  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                &primary, NULL));
  for (deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC; app_windows (bus) < 1;)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (50 * 1000);
    }
  g_assert_cmpint (symlink (a, link), ==, 0);

  /* The same file, by its name and through a link: handed over, no second window. */
  g_assert_true (g_spawn_check_wait_status (run_app (a), NULL));
  g_assert_true (g_spawn_check_wait_status (run_app (link), NULL));
  g_assert_cmpuint (app_windows (bus), ==, 1);
  /* Another file: a second window of the same instance. */
  status = run_app (b);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  for (deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC; app_windows (bus) < 2;)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (50 * 1000);
    }
  g_assert_cmpuint (app_windows (bus), ==, 2);
  g_assert_true (g_file_test (b, G_FILE_TEST_EXISTS));

  g_dbus_connection_call_sync (bus, "io.github.attain.Attain", "/io/github/attain/Attain",
                               "org.gtk.Actions", "Activate",
                               g_variant_new ("(sava{sv})", "quit", NULL, NULL), NULL,
                               G_DBUS_CALL_FLAGS_NONE, 5000, NULL, NULL);
  for (deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
       waitpid (primary, &status, WNOHANG) == 0;)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (50 * 1000);
    }
  g_spawn_close_pid (primary);
}

/* What is typed is in the journal beside the database at once (0600), before any save; a
 * window that ends without saving (here: the journal put back as a kill -9 would leave it) has
 * its text saved by the next window on that file, and the journal goes once nothing waits. */
static void
test_review_journal_recovers_typing (void)
{
  AttainDb *check = NULL;
  g_autoptr (AttainContext) context = make_context ("journal.db", TRUE, &check);
  AttainWindow     *window = attain_window_new (NULL, context, NULL);
  AttainReviewPage *page = attain_window_get_review_page (window);
  g_autofree char  *db_path = attain_test_db_path (dir, "journal.db");
  g_autofree char  *journal = g_strconcat (db_path, ".drafts", NULL);
  g_autofree char  *kept = g_strconcat (db_path, ".drafts-at-crash", NULL);
  g_autofree char  *text = NULL;
  GStatBuf          st;

  gtk_window_present (GTK_WINDOW (window));
  review_open_last_quarter (page, "person:7");
  attain_review_page_set_text (page, "improvements", "回款周期偏长：8 月两张发票 10 月才回款");
  attain_review_page_add_milestone (page, "每周复盘应收账款", "2026-12-31", "逾期应收低于 10%");
  /* Not saved yet (the save waits 400 ms), but on disk. */
  g_assert_cmpint (attain_test_query_int (check, "SELECT count(*) FROM reviews WHERE person_id = 7 "
                                                 "AND improvements IS NOT NULL"),
                   ==, 0);
  g_assert_true (g_file_get_contents (journal, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "8 月两张发票"));
  g_assert_nonnull (strstr (text, "每周复盘应收账款"));
  g_assert_cmpint (g_stat (journal, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_set_contents (kept, text, -1, NULL));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (attain_test_query_int (check,
                                          "SELECT count(*) FROM review_milestones m JOIN reviews r "
                                          "ON r.id = m.review_id WHERE r.person_id = 7"),
                   ==, 1);

  /* As after a kill -9 before the save: the text is not in the file, the journal is. */
  g_assert_true (attain_db_exec (check,
                                 "UPDATE reviews SET improvements = NULL WHERE person_id = 7; "
                                 "DELETE FROM review_milestones WHERE review_id IN "
                                 "(SELECT id FROM reviews WHERE person_id = 7)",
                                 NULL));
  g_assert_cmpint (g_rename (kept, journal), ==, 0);
  {
    g_autoptr (GError) error = NULL;
    AttainDb *again = attain_db_open (db_path, &error);
    GDate     today;
    g_autoptr (AttainContext) context2 = NULL;

    g_assert_no_error (error);
    attain_test_date (&today, "2026-11-23");
    context2 = attain_context_new (again, &today);
    window = attain_window_new (NULL, context2, NULL);
    page = attain_window_get_review_page (window);
    gtk_window_present (GTK_WINDOW (window));
    for (gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
         g_file_test (journal, G_FILE_TEST_EXISTS);)
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, TRUE);
      }
    g_assert_cmpint (
        attain_test_query_int (check, "SELECT count(*) FROM reviews WHERE person_id = 7 AND "
                                      "improvements = '回款周期偏长：8 月两张发票 10 月才回款'"),
        ==, 1);
    g_assert_cmpint (
        attain_test_query_int (check, "SELECT count(*) FROM review_milestones m JOIN reviews r "
                                      "ON r.id = m.review_id WHERE r.person_id = 7"),
        ==, 1);
    gtk_window_destroy (GTK_WINDOW (window));
  }
  attain_db_close (check);
}

static gboolean
damage_known (gpointer window)
{
  return attain_window_get_damage (window) != NULL;
}

/* quick_check runs on a worker once the window is on screen: a sound file passes quietly, a
 * file with a damaged page says so (with an offer to restore) and refuses to be backed up. */
static void
test_damaged_file_is_noticed (void)
{
  g_autofree char *path = attain_test_db_path (dir, "damaged.db");
  g_autofree char *backup = g_build_filename (dir, "damaged-backup.db", NULL);
  g_autoptr (GError) error = NULL;
  AttainWindow *window;
  GDate         today;
  AttainDb     *db = attain_db_open (path, &error);

  g_assert_no_error (error);
  attain_test_date (&today, "2026-11-23");
  {
    AttainDemoOptions options;
    attain_demo_options_init (&options, &today);
    g_assert_true (attain_demo_generate (db, &options, NULL, NULL, &error));
  }
  {
    g_autoptr (AttainContext) sound = attain_context_new (db, &today);
    window = attain_window_new (NULL, sound, NULL);
    gtk_window_present (GTK_WINDOW (window));
    iterate_until (damage_known, window);
    g_assert_cmpstr (attain_window_get_damage (window), ==, "");
    gtk_window_destroy (GTK_WINDOW (window));
  }
  /* Every connection closed: the file is whole on disk. Then one page in the middle of the
   * deals is overwritten, as a failing disk would. */
  {
    g_autofree char *bytes = NULL;
    gsize            length;
    g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
    g_assert_cmpuint (length, >, 40 * 4096);
    memset (bytes + (length / 4096 / 2) * 4096, 0x5a, 4096);
    g_assert_true (g_file_set_contents (path, bytes, length, NULL));
  }
  db = attain_db_open (path, &error);
  g_assert_no_error (error);
  {
    g_autoptr (AttainContext) damaged = attain_context_new (db, &today);
    window = attain_window_new (NULL, damaged, NULL);
    gtk_window_present (GTK_WINDOW (window));
    iterate_until (damage_known, window);
    g_assert_cmpstr (attain_window_get_damage (window), !=, "");
    g_assert_false (attain_db_backup (attain_context_get_db (damaged), backup, &error));
    g_assert_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_DAMAGED);
    g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
    gtk_window_destroy (GTK_WINDOW (window));
  }
}

/* Review text is saved only over what it was typed over: another program's text in between is
 * not overwritten. The director is told, keeps their own text in the form, and can choose to
 * save it over the other version. */
static void
test_review_save_is_compare_and_set (void)
{
  AttainDb *check = NULL;
  g_autoptr (AttainContext) context = make_context ("cas.db", TRUE, &check);
  AttainWindow     *window = attain_window_new (NULL, context, NULL);
  AttainReviewPage *page = attain_window_get_review_page (window);
  const char       *reason = NULL;

  guint dashboard_loads = 0;

  gtk_window_present (GTK_WINDOW (window));
  review_open_last_quarter (page, "person:8");
  /* Review text saved as it is typed does not reload the dashboard behind it. */
  iterate_until (page_loaded, attain_window_get_dashboard_page (window));
  g_signal_connect (attain_window_get_dashboard_page (window), "loaded",
                    G_CALLBACK (count_loaded_cb), &dashboard_loads);
  attain_review_page_set_text (page, "strengths", "我的第一版");
  attain_review_page_flush (page);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (attain_dashboard_page_is_loading (attain_window_get_dashboard_page (window)));
  g_assert_cmpuint (dashboard_loads, ==, 0);
  g_assert_cmpint (attain_test_query_int (check,
                                          "SELECT count(*) FROM reviews WHERE person_id = 8 AND "
                                          "strengths = '我的第一版'"),
                   ==, 1);
  /* Meanwhile, another program. */
  g_assert_true (attain_db_exec (
      check, "UPDATE reviews SET strengths = '别处改的' WHERE person_id = 8", NULL));
  attain_review_page_set_text (page, "strengths", "我的第二版");
  attain_review_page_flush (page);
  g_assert_true (attain_review_page_has_unsaved (page, &reason));
  g_assert_nonnull (strstr (reason, "was changed elsewhere"));
  g_assert_cmpint (attain_test_query_int (check,
                                          "SELECT count(*) FROM reviews WHERE person_id = 8 AND "
                                          "strengths = '别处改的'"),
                   ==, 1);
  /* Kept in the form, and saved over the other version when the director says so. */
  {
    g_autofree char *text = attain_review_page_get_text (page, "strengths");
    g_assert_cmpstr (text, ==, "我的第二版");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.keep-my-text", NULL));
  g_assert_false (attain_review_page_has_unsaved (page, NULL));
  g_assert_cmpint (attain_test_query_int (check,
                                          "SELECT count(*) FROM reviews WHERE person_id = 8 AND "
                                          "strengths = '我的第二版'"),
                   ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
  attain_db_close (check);
}

static void
test_open_error_is_shown (void)
{
  AttainWindow *window
      = attain_window_new (NULL, NULL, "“x.db” was written by a newer version of Attain.");

  g_assert_cmpstr (attain_window_get_visible_page (window), ==, "error");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A review field typed while another program holds the file's write lock is kept, not dropped:
 * the save fails and stays pending with the text as typed (shown again when the form is
 * reloaded), the window does not close silently, and once the lock is gone the text is saved. */
static void
test_review_text_kept_when_busy (void)
{
  AttainDb *check = NULL;
  g_autoptr (AttainContext) context = make_context ("busy.db", TRUE, &check);
  AttainWindow     *window = attain_window_new (NULL, context, NULL);
  AttainReviewPage *page = attain_window_get_review_page (window);
  const char       *reason = NULL;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "reviews"));
  review_open_last_quarter (page, "person:6");
  attain_review_page_set_text (page, "strengths", "忙时输入的优点");
  g_assert_true (attain_db_exec (check, "BEGIN IMMEDIATE", NULL));
  attain_review_page_flush (page); /* waits out SQLite's busy timeout */
  g_assert_true (attain_review_page_has_unsaved (page, &reason));
  g_assert_nonnull (reason);

  /* Another person and back: the text is still there, as typed. */
  review_activate_and_wait (page, "review.select-person", g_variant_new_string ("person:5"));
  review_activate_and_wait (page, "review.select-person", g_variant_new_string ("person:6"));
  {
    g_autofree char *text = attain_review_page_get_text (page, "strengths");
    g_assert_cmpstr (text, ==, "忙时输入的优点");
  }
  /* Closing asks instead of losing it. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  g_assert_true (attain_db_exec (check, "COMMIT", NULL));
  attain_review_page_flush (page);
  g_assert_false (attain_review_page_has_unsaved (page, NULL));
  g_assert_cmpint (attain_test_query_int (check,
                                          "SELECT count(*) FROM reviews WHERE person_id = 6 AND "
                                          "strengths = '忙时输入的优点'"),
                   ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
  attain_db_close (check);
}

/* The evaluation page: a cycle started for the period shown lists everyone with a rating, and a
 * calibration move is refused without a reason and kept with it. */
static gboolean
evaluation_loaded (gpointer page)
{
  return !attain_evaluation_page_is_loading (page);
}

static gboolean
is_numeric_label (GtkWidget *widget, gconstpointer unused)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "numeric");
}

static gboolean
is_button_labelled (GtkWidget *widget, gconstpointer label)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
evaluation_offers_appeal (gpointer page)
{
  return !attain_evaluation_page_is_loading (page)
         && find_widget (GTK_WIDGET (attain_evaluation_page_get_members (page)), is_button_labelled,
                         "Appeal…")
                != NULL;
}

static gboolean
evaluation_offers_decision (gpointer page)
{
  return !attain_evaluation_page_is_loading (page)
         && find_widget (GTK_WIDGET (attain_evaluation_page_get_members (page)), is_button_labelled,
                         "Decide…")
                != NULL;
}

static gboolean
evaluation_exported (gpointer page)
{
  return !attain_evaluation_page_is_exporting (page);
}

static gboolean
is_row_subtitled_with (GtkWidget *widget, gconstpointer text)
{
  return ADW_IS_ACTION_ROW (widget)
         && strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), text) != NULL;
}

static void
calibrate_through_dialog (AttainEvaluationPage *page, gint64 person, const char *reason)
{
  GtkWidget *dialog, *box;

  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (page), "evaluation.calibrate", "x", person));
  dialog = attain_evaluation_page_get_dialog (page);
  g_assert_nonnull (dialog);
  box = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gtk_widget_get_first_child (box)), 0); /* S */
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_last_child (box)), reason);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "calibrate");
  g_assert_null (attain_evaluation_page_get_dialog (page));
}

static void
test_evaluation_page (void)
{
  AttainDb *check = NULL;
  g_autoptr (AttainContext) context = make_context ("evaluation.db", TRUE, &check);
  AttainWindow         *window = attain_window_new (NULL, context, NULL);
  AttainEvaluationPage *page;
  GtkWidget            *row;
  gint64                person;
  guint                 n_rows = 0;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "evaluation"));
  g_assert_cmpstr (attain_window_get_visible_page (window), ==, "evaluation");
  page = attain_window_get_evaluation_page (window);
  g_assert_cmpuint (g_list_model_get_n_items (attain_evaluation_page_get_cycles (page)), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "evaluation.start", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (attain_evaluation_page_get_cycles (page)), ==, 1);
  iterate_until (evaluation_loaded, page);
  for (row = gtk_widget_get_first_child (GTK_WIDGET (attain_evaluation_page_get_members (page)));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    n_rows++;
  /* Everyone active in the company, named after the period shown. */
  g_assert_cmpuint (n_rows, ==,
                    attain_test_query_int (check, "SELECT count (*) FROM people WHERE active"));
  {
    /* Named after the period shown, and for its days. */
    const AttainPeriod *period = attain_session_get_period (attain_context_get_session (context));
    GDate               first, last;
    g_autofree char    *label = attain_period_to_label (period);
    g_autofree char    *sql = NULL;
    g_autofree char    *from = NULL, *to = NULL;
    attain_period_bounds (period, &first, &last);
    from = attain_date_to_iso (&first);
    to = attain_date_to_iso (&last);
    sql = g_strdup_printf ("SELECT count (*) FROM review_cycles WHERE period_start = '%s' AND "
                           "period_end = '%s' AND name = 'Reviews of %s'",
                           from, to, label);
    g_assert_cmpint (attain_test_query_int (check, sql), ==, 1);
  }
  {
    g_autofree char *heading = g_strdup_printf ("%u people in the cycle", n_rows);
    g_assert_nonnull (strstr (attain_evaluation_page_get_heading (page), heading));
  }

  person = attain_test_query_int (check, "SELECT person_id FROM cycle_members ORDER BY person_id "
                                         "LIMIT 1");
  /* No reason: refused, nothing kept. */
  calibrate_through_dialog (page, person, "   ");
  g_assert_cmpint (attain_test_query_int (check, "SELECT count (*) FROM calibrations"), ==, 0);

  calibrate_through_dialog (page, person, "Won the Hangzhou tender after the quarter closed");
  g_assert_cmpint (
      attain_test_query_int (check, "SELECT count (*) FROM calibrations WHERE to_band = 'S' AND "
                                    "reason LIKE 'Won the Hangzhou%'"),
      ==, 1);
  iterate_until (evaluation_loaded, page);
  row = find_widget (GTK_WIDGET (attain_evaluation_page_get_members (page)), is_row_subtitled_with,
                     "calibrated: Won the Hangzhou tender");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "calibrated · "));

  /* Appeals: a signed-off member's row offers one; recorded with its reason, it shows its
   * deadline and is decided from the same row. */
  {
    AttainDb           *db = attain_context_get_db (context);
    const AttainPeriod *period = attain_session_get_period (attain_context_get_session (context));
    g_autoptr (AttainReview) review = attain_review_open (db, person, period, NULL);
    g_autoptr (GError) error = NULL;
    GDate      today;
    GtkWidget *dialog, *box, *child;
    gint64     appeal;

    attain_context_get_today (context, &today);
    g_assert_true (attain_review_set_field (db, review, "reviewer", "王经理", &error));
    g_assert_true (attain_review_set_field (db, review, "interview_on", "2026-11-20", &error));
    g_assert_true (attain_review_sign_off (db, review, &today, &error));
    g_assert_no_error (error);
    iterate_until (evaluation_offers_appeal, page);

    g_assert_true (
        gtk_widget_activate_action (GTK_WIDGET (page), "evaluation.appeal", "x", person));
    dialog = attain_evaluation_page_get_dialog (page);
    box = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
    child = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box)); /* the reason */
    gtk_editable_set_text (GTK_EDITABLE (child), "目标在季度中途上调，未与本人确认");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "record");
    appeal = attain_test_query_int (check, "SELECT id FROM appeals WHERE outcome = 'open' AND "
                                           "reason LIKE '目标在季度中途上调%'");
    g_assert_cmpint (appeal, >, 0);
    iterate_until (evaluation_offers_decision, page);

    g_assert_true (
        gtk_widget_activate_action (GTK_WIDGET (page), "evaluation.decide-appeal", "x", appeal));
    dialog = attain_evaluation_page_get_dialog (page);
    box = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
    gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_first_child (box)), "上调已于季初沟通");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "reject");
    g_assert_cmpint (attain_test_query_int (check,
                                            "SELECT count (*) FROM appeals WHERE outcome = "
                                            "'rejected' AND outcome_note = '上调已于季初沟通'"),
                     ==, 1);
    iterate_until (evaluation_loaded, page);
  }

  /* The rating grid: one keyboard field per person and capability, and a comment per person; a
   * bad value is named and saves nothing, a good one goes on the person's capability goal for
   * the period and the comment on their review, in the same save. */
  {
    GtkWidget *grid, *entry, *comment;
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "evaluation.rate", NULL));
    grid = attain_evaluation_page_get_dialog (page);
    g_assert_true (ATTAIN_IS_RATING_GRID_WINDOW (grid));
    entry = find_widget (grid, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_ENTRY));
    g_assert_nonnull (entry);
    g_assert_true (gtk_window_get_focus (GTK_WINDOW (grid)) == entry
                   || gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (grid)), entry));
    gtk_editable_set_text (GTK_EDITABLE (entry), "9");
    g_assert_true (gtk_widget_activate_action (grid, "grid.save", NULL));
    g_assert_nonnull (strstr (
        attain_rating_grid_window_get_error (ATTAIN_RATING_GRID_WINDOW (grid)), "“9” for "));
    g_assert_cmpint (attain_test_query_int (check, "SELECT count (*) FROM goals WHERE type = "
                                                   "'capability' AND rating IS NOT NULL"),
                     ==, 0);
    gtk_editable_set_text (GTK_EDITABLE (entry), "4");
    /* The first member's review is signed off: their comment is read-only, and a comment
     * forced into it is refused with their name, saving nothing. */
    comment = find_widget (grid, is_entry_hinting, "Why these ratings, in a line");
    g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (comment)));
    gtk_editable_set_text (GTK_EDITABLE (comment), "谈判稳健");
    g_assert_true (gtk_widget_activate_action (grid, "grid.save", NULL));
    g_assert_nonnull (strstr (
        attain_rating_grid_window_get_error (ATTAIN_RATING_GRID_WINDOW (grid)), "is locked"));
    g_assert_cmpint (attain_test_query_int (check, "SELECT count (*) FROM goals WHERE type = "
                                                   "'capability' AND rating IS NOT NULL"),
                     ==, 0);
    gtk_editable_set_text (GTK_EDITABLE (comment), "");
    for (GtkWidget *w
         = gtk_widget_get_parent (comment) != NULL ? gtk_widget_get_next_sibling (comment) : NULL;
         w != NULL; w = gtk_widget_get_next_sibling (w))
      if (is_entry_hinting (w, "Why these ratings, in a line")
          && gtk_editable_get_editable (GTK_EDITABLE (w)))
        {
          gtk_editable_set_text (GTK_EDITABLE (w), "谈判稳健，产品知识需加强");
          break;
        }
    g_assert_true (gtk_widget_activate_action (grid, "grid.save", NULL));
    g_assert_cmpint (attain_test_query_int (check, "SELECT count (*) FROM reviews WHERE "
                                                   "rating_comment = '谈判稳健，产品知识需加强'"),
                     ==, 1);
    g_assert_null (attain_evaluation_page_get_dialog (page));
    g_assert_cmpint (attain_test_query_int (check, "SELECT count (*) FROM goals WHERE type = "
                                                   "'capability' AND rating = 4"),
                     ==, 1);
    iterate_until (evaluation_loaded, page);
  }

  /* HR's sheet: one line per member after the titles, the move with its reason and band. */
  {
    g_autofree char *path = attain_test_db_path (dir, "scores.csv");
    g_autofree char *text = NULL;
    g_auto (GStrv) lines = NULL;
    guint found = 0;

    attain_evaluation_page_export (page, path, FALSE);
    g_assert_true (attain_evaluation_page_is_exporting (page));
    iterate_until (evaluation_exported, page);
    g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
    g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbf"));
    lines = g_strsplit (g_strchomp (text), "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, n_rows + 1);
    for (guint i = 1; lines[i] != NULL; i++)
      if (strstr (lines[i], ",S,Won the Hangzhou tender after the quarter closed,") != NULL)
        found++;
    g_assert_cmpuint (found, ==, 1);
  }

  /* Self-assessment forms: one workbook a person, written off the main thread; a form comes
   * back in through the same page. */
  {
    g_autofree char *forms = attain_test_db_path (dir, "forms");
    g_autoptr (GDir) folder = NULL;
    GSList     *paths = NULL;
    const char *name;
    guint       n_forms = 0;
    GError     *error = NULL;

    attain_evaluation_page_export_forms (page, forms);
    g_assert_true (attain_evaluation_page_is_exporting (page));
    iterate_until (evaluation_exported, page);
    folder = g_dir_open (forms, 0, NULL);
    g_assert_nonnull (folder);
    while ((name = g_dir_read_name (folder)) != NULL)
      {
        if (paths == NULL)
          paths = g_slist_prepend (paths, g_build_filename (forms, name, NULL));
        n_forms++;
      }
    g_assert_cmpuint (n_forms, ==, n_rows);
    g_assert_cmpuint (attain_evaluation_page_import_forms (page, paths, &error), ==, 1);
    g_assert_no_error (error);
    g_slist_free_full (paths, g_free);
  }

  /* The same forms on paper: built off the main thread, one job through the print operation. */
  {
    g_autofree char *pdf = attain_test_db_path (dir, "forms.pdf");
    const char      *argv[] = { "pdfinfo", pdf, NULL };
    g_autofree char *info = NULL;

    g_assert_true (
        gtk_widget_activate_action (GTK_WIDGET (page), "evaluation.print-forms-to-file", "s", pdf));
    g_assert_true (attain_evaluation_page_is_exporting (page));
    iterate_until (evaluation_exported, page);
    g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
    if (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, &info, NULL, NULL, NULL))
      {
        /* At least a page a person. */
        const char *line = strstr (info, "Pages:");
        g_assert_nonnull (line);
        g_assert_cmpuint ((guint) atoi (line + strlen ("Pages:")), >=, n_rows);
      }
  }

  /* The calibration sheet, through the print operation into a PDF: the move and its reason. */
  {
    g_autofree char *pdf = attain_test_db_path (dir, "calibration.pdf");
    const char      *argv[] = { "pdftotext", "-raw", pdf, "-", NULL };
    g_autofree char *text = NULL;
    g_autofree char *bytes = NULL;
    gsize            length = 0;

    g_assert_true (
        gtk_widget_activate_action (GTK_WIDGET (page), "evaluation.print-to-file", "s", pdf));
    g_assert_true (g_file_get_contents (pdf, &bytes, &length, NULL));
    g_assert_true (g_str_has_prefix (bytes, "%PDF"));
    if (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, &text, NULL, NULL, NULL))
      {
        g_assert_nonnull (strstr (text, "Calibration — Reviews of"));
        g_assert_nonnull (strstr (text, "Won the Hangzhou tender"));
        g_assert_nonnull (strstr (text, "People in order of composite score"));
      }
  }
  gtk_window_destroy (GTK_WINDOW (window));
  attain_db_close (check);
}

/* The scorecard editor: a position's version in use is shown; weights are exact decimals that
 * must total 100; saving writes a new version, never over one saved meanwhile elsewhere. */
static void
set_row_text (GtkWidget *dialog, const char *title, const char *text)
{
  GtkWidget *row = find_widget (dialog, is_row_titled, title);
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
test_scorecard_dialog (void)
{
  AttainDb *check = NULL;
  g_autoptr (AttainContext) context = make_context ("scorecards.db", TRUE, &check);
  AttainWindow         *window = attain_window_new (NULL, context, NULL);
  AttainEvaluationPage *page;
  GtkWidget            *dialog, *position;
  gint64                position_id, before;
  int                   versions;

  gtk_window_present (GTK_WINDOW (window));
  page = attain_window_get_evaluation_page (window);
  position_id = attain_test_query_int (check, "SELECT id FROM positions ORDER BY rank LIMIT 1");
  versions = (int) attain_test_query_int (
      check, "SELECT count (*) FROM scorecards WHERE coalesce (position_id, 0) = (SELECT id FROM "
             "positions ORDER BY rank LIMIT 1)");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "evaluation.scorecards", NULL));
  dialog = attain_evaluation_page_get_dialog (page);
  g_assert_true (ATTAIN_IS_SCORECARD_DIALOG (dialog));
  position = find_widget (dialog, is_row_titled, "Position");
  adw_combo_row_set_selected (ADW_COMBO_ROW (position), 1); /* the first position */

  /* 99.25 + 0.5 + 0 is not 100: refused with the sum, nothing saved. */
  set_row_text (dialog, "KPI part (%)", "99.25");
  set_row_text (dialog, "MBO part (%)", "0.5");
  set_row_text (dialog, "360-degree part (%)", "0");
  set_row_text (dialog, "Name", "Sales rep 2027");
  g_assert_true (gtk_widget_activate_action (dialog, "scorecard.save", NULL));
  g_assert_nonnull (attain_scorecard_dialog_get_error (ATTAIN_SCORECARD_DIALOG (dialog)));
  g_assert_nonnull (
      strstr (attain_scorecard_dialog_get_error (ATTAIN_SCORECARD_DIALOG (dialog)), "99.75"));
  /* A weight that is not a number names its field. */
  set_row_text (dialog, "MBO part (%)", "0,75");
  g_assert_true (gtk_widget_activate_action (dialog, "scorecard.save", NULL));
  g_assert_nonnull (strstr (attain_scorecard_dialog_get_error (ATTAIN_SCORECARD_DIALOG (dialog)),
                            "“0,75” in “MBO part (%)”"));
  g_assert_cmpint (attain_test_query_int (
                       check, "SELECT count (*) FROM scorecards WHERE name = 'Sales rep 2027'"),
                   ==, 0);

  /* 99.25 + 0.75 = 100 exactly: a new version, the one before retired. */
  set_row_text (dialog, "MBO part (%)", "0.75");
  g_assert_true (gtk_widget_activate_action (dialog, "scorecard.save", NULL));
  g_assert_null (attain_evaluation_page_get_dialog (page));
  {
    g_autofree char *sql = g_strdup_printf (
        "SELECT count (*) FROM scorecards WHERE position_id = %" G_GINT64_FORMAT
        " AND name = 'Sales rep 2027' AND kpi_weight = 9925 AND mbo_weight = 75 AND "
        "feedback_weight = 0 AND retired = 0 AND version = %d",
        position_id, versions + 1);
    g_assert_cmpint (attain_test_query_int (check, sql), ==, 1);
  }

  /* Another window saves a version while this one is open: this one's save is refused. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "evaluation.scorecards", NULL));
  dialog = attain_evaluation_page_get_dialog (page);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_widget (dialog, is_row_titled, "Position")), 1);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (AttainScorecard) other = attain_scorecard_current (check, position_id, &error);
    g_assert_nonnull (other);
    g_free (other->name);
    other->name = g_strdup ("From the other window");
    g_assert_cmpint (attain_scorecard_save (check, other, &error), >, 0);
  }
  before = attain_test_query_int (check, "SELECT count (*) FROM scorecards");
  set_row_text (dialog, "Name", "Overwrites nothing");
  g_assert_true (gtk_widget_activate_action (dialog, "scorecard.save", NULL));
  g_assert_nonnull (strstr (attain_scorecard_dialog_get_error (ATTAIN_SCORECARD_DIALOG (dialog)),
                            "another window"));
  g_assert_cmpint (attain_test_query_int (check, "SELECT count (*) FROM scorecards"), ==, before);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  attain_db_close (check);
}

/* The 360 window: a rater assigned gets a response code and shows in the progress as not yet
 * answered; the survey export imported with that code counts the answer; closing releases. */
static void
test_feedback_window (void)
{
  AttainDb *check = NULL;
  g_autoptr (AttainContext) context = make_context ("feedback.db", TRUE, &check);
  AttainWindow         *window = attain_window_new (NULL, context, NULL);
  AttainEvaluationPage *page;
  GtkWidget            *dialog;
  g_autofree char      *csv = attain_test_db_path (dir, "survey.csv");
  g_autofree char      *first = NULL;
  const char           *code;

  gtk_window_present (GTK_WINDOW (window));
  page = attain_window_get_evaluation_page (window);
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "evaluation"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "evaluation.start", NULL));
  iterate_until (evaluation_loaded, page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "evaluation.feedback", NULL));
  dialog = attain_evaluation_page_get_dialog (page);
  g_assert_true (ATTAIN_IS_FEEDBACK_WINDOW (dialog));
  g_assert_true (g_str_has_prefix (
      attain_feedback_window_get_state (ATTAIN_FEEDBACK_WINDOW (dialog)), "Collecting answers"));

  set_row_text (dialog, "Rater's name", "张同事");
  g_assert_true (gtk_widget_activate_action (dialog, "feedback.assign", NULL));
  code = attain_feedback_window_get_code (ATTAIN_FEEDBACK_WINDOW (dialog));
  g_assert_nonnull (code);
  g_assert_cmpint (attain_test_query_int (check, "SELECT count (*) FROM feedback_raters WHERE "
                                                 "rater_name = '张同事' AND rater_type = 'peer'"),
                   ==, 1);
  g_assert_nonnull (
      find_widget (dialog, is_row_subtitled_with, "0 of 1 answered · not yet: 张同事"));

  /* The printed questionnaire carries the code and the person rated, never the rater's name. */
  {
    g_autofree char *pdf = attain_test_db_path (dir, "questionnaires.pdf");
    const char      *argv[] = { "pdftotext", pdf, "-", NULL };
    g_autofree char *text = NULL;
    g_assert_true (gtk_widget_activate_action (dialog, "feedback.print-to-file", "s", pdf));
    g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
    if (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, &text, NULL, NULL, NULL))
      {
        g_assert_nonnull (strstr (text, code));
        g_assert_nonnull (strstr (text, "Person rated"));
        g_assert_null (strstr (text, "张同事"));
      }
  }

  {
    sqlite3_stmt *stmt = attain_db_prepare_uncached (
        check, "SELECT p.name FROM feedback_raters r JOIN people p ON p.id = r.person_id LIMIT 1",
        NULL);
    g_autofree char *text = NULL;
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    first = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
    text = g_strdup_printf ("被评人,关系,答题码,S1,S2,S3,C1,C2,C3,P1,P2,P3,R1,R2,R3,评语\n"
                            "%s,同事,%s,4,4,4,4,4,4,4,4,4,4,4,4,很好\n",
                            first, code);
    g_assert_true (g_file_set_contents (csv, text, -1, NULL));
  }
  /* A superior's paper questionnaire, typed in under its code. */
  {
    g_autofree char *paper_code = NULL;
    GtkWidget       *type_row = find_widget (dialog, is_row_titled, "Rater's relation");
    GtkWidget       *grid;
    guint            n_boxes = 0;

    adw_combo_row_set_selected (ADW_COMBO_ROW (type_row), 0); /* superior */
    set_row_text (dialog, "Rater's name", "王上级");
    g_assert_true (gtk_widget_activate_action (dialog, "feedback.assign", NULL));
    paper_code = g_strdup (attain_feedback_window_get_code (ATTAIN_FEEDBACK_WINDOW (dialog)));
    set_row_text (dialog, "Response code", paper_code);
    grid = find_widget (dialog, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_GRID));
    for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_ENTRY (child))
        {
          gtk_editable_set_text (GTK_EDITABLE (child), n_boxes == 0 ? "8" : "3");
          n_boxes++;
        }
    g_assert_cmpuint (n_boxes, ==, 12);
    /* An 8 is refused before anything is saved. */
    g_assert_true (gtk_widget_activate_action (dialog, "feedback.enter-paper", NULL));
    g_assert_cmpint (attain_test_query_int (check, "SELECT count (*) FROM feedback_pending"), ==,
                     0);
    gtk_editable_set_text (
        GTK_EDITABLE (find_widget (grid, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_ENTRY))), "3");
    g_assert_true (gtk_widget_activate_action (dialog, "feedback.enter-paper", NULL));
    g_assert_cmpint (attain_test_query_int (check, "SELECT count (*) FROM feedback_pending"), ==,
                     1);
  }
  g_assert_true (attain_feedback_window_import (ATTAIN_FEEDBACK_WINDOW (dialog), csv));
  g_assert_nonnull (find_widget (dialog, is_row_subtitled_with, "1 of 1 answered"));
  g_assert_true (gtk_widget_activate_action (dialog, "feedback.close", NULL));
  g_assert_true (g_str_has_prefix (
      attain_feedback_window_get_state (ATTAIN_FEEDBACK_WINDOW (dialog)), "Closed:"));
  g_assert_cmpint (attain_test_query_int (check, "SELECT count (*) FROM feedback_answers"), ==, 2);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  attain_db_close (check);
}

/* Every text a window shows: labels, typed text, tooltips, text views, of every toplevel. */
static void
collect_text (GtkWidget *widget, GString *out)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_label (GTK_LABEL (widget)));
  if (GTK_IS_EDITABLE (widget))
    g_string_append_printf (out, "%s\n", gtk_editable_get_text (GTK_EDITABLE (widget)));
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer   *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter      start, end;
      g_autofree char *text = NULL;
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      g_string_append_printf (out, "%s\n", text);
    }
  if (tooltip != NULL)
    g_string_append_printf (out, "%s\n", tooltip);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

static char *
screens_text (void)
{
  GString    *out = g_string_new (NULL);
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) window = g_list_model_get_item (toplevels, i);
      collect_text (window, out);
    }
  return g_string_free (out, FALSE);
}

/* Anonymity on screen: a person's superior, three named peers and two named subordinates answer
 * with marker comments; after the collection closes, nothing any window shows — the 360 window,
 * the Evaluation page, the person's review form — holds a rater's name, and the subordinates
 * (two answers, below the threshold of three) show nowhere: not their group, not their
 * comments. The peers' comments do show on the review form, so the walk does read it. */
static void
test_feedback_anonymity_on_screen (void)
{
  AttainDb *check = NULL;
  g_autoptr (AttainContext) context = make_context ("anonymity.db", TRUE, &check);
  g_autoptr (GError) error = NULL;
  AttainWindow         *window = attain_window_new (NULL, context, NULL);
  AttainEvaluationPage *page;
  AttainReviewPage     *review;
  GtkWidget            *dialog;
  g_autofree char      *csv = attain_test_db_path (dir, "anonymity.csv");
  g_autofree char      *person = NULL;
  g_autoptr (GString) rows
      = g_string_new ("被评人,关系,答题码,S1,S2,S3,C1,C2,C3,P1,P2,P3,R1,R2,R3,评语\n");
  const char *peers[] = { "PeerZhangMARK1", "PeerLiMARK2", "PeerWangMARK3" };
  const char *subs[] = { "SubChenMARK5", "SubZhouMARK6" };
  gint64      cycle;

  gtk_window_present (GTK_WINDOW (window));
  review = attain_window_get_review_page (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "review"));
  review_open_last_quarter (review, "person:5");
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "evaluation"));
  page = attain_window_get_evaluation_page (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "evaluation.start", NULL));
  iterate_until (evaluation_loaded, page);
  cycle = attain_test_query_int (check, "SELECT max (id) FROM review_cycles");
  {
    sqlite3_stmt *stmt
        = attain_db_prepare_uncached (check, "SELECT name FROM people WHERE id = 5", NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    person = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
  }
  {
    g_autofree char *boss
        = attain_feedback_assign (check, cycle, 5, ATTAIN_RATER_SUPERIOR, "BossMARK0", &error);
    g_assert_no_error (error);
    g_string_append_printf (rows, "%s,上级,%s,4,4,4,4,4,4,4,4,4,4,4,4,COMMENT-BOSS\n", person,
                            boss);
  }
  for (guint i = 0; i < G_N_ELEMENTS (peers); i++)
    {
      g_autofree char *code
          = attain_feedback_assign (check, cycle, 5, ATTAIN_RATER_PEER, peers[i], &error);
      g_assert_no_error (error);
      g_string_append_printf (rows, "%s,同事,%s,3,3,3,3,3,3,3,3,3,3,3,3,COMMENT-PEER-%u\n", person,
                              code, i);
    }
  for (guint i = 0; i < G_N_ELEMENTS (subs); i++)
    {
      g_autofree char *code
          = attain_feedback_assign (check, cycle, 5, ATTAIN_RATER_SUBORDINATE, subs[i], &error);
      g_assert_no_error (error);
      g_string_append_printf (rows, "%s,下属,%s,5,5,5,5,5,5,5,5,5,5,5,5,COMMENT-SUB-%u\n", person,
                              code, i);
    }
  g_assert_true (g_file_set_contents (csv, rows->str, -1, NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "evaluation.feedback", NULL));
  dialog = attain_evaluation_page_get_dialog (page);
  g_assert_true (ATTAIN_IS_FEEDBACK_WINDOW (dialog));
  g_assert_true (attain_feedback_window_import (ATTAIN_FEEDBACK_WINDOW (dialog), csv));
  g_assert_true (gtk_widget_activate_action (dialog, "feedback.close", NULL));
  g_assert_true (g_str_has_prefix (
      attain_feedback_window_get_state (ATTAIN_FEEDBACK_WINDOW (dialog)), "Closed:"));
  {
    g_autofree char *text = screens_text ();
    g_assert_null (strstr (text, "MARK"));
    g_assert_null (strstr (text, "COMMENT"));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate_until (evaluation_loaded, page);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "review"));
  review_activate_and_wait (review, "review.select-person", g_variant_new_string ("person:4"));
  review_activate_and_wait (review, "review.select-person", g_variant_new_string ("person:5"));
  {
    g_autofree char *text = screens_text ();
    g_assert_nonnull (strstr (text, "Peers"));
    for (guint i = 0; i < G_N_ELEMENTS (peers); i++)
      {
        g_autofree char *marker = g_strdup_printf ("COMMENT-PEER-%u", i);
        g_assert_nonnull (strstr (text, marker));
      }
    g_assert_null (strstr (text, "MARK"));
    g_assert_null (strstr (text, "COMMENT-SUB"));
    g_assert_null (strstr (text, "Subordinates"));
  }
  gtk_window_destroy (GTK_WINDOW (window));
  attain_db_close (check);
}

static gboolean
pay_loaded (gpointer page)
{
  return !attain_pay_page_is_loading (page);
}

/* The Pay page: the bonus sheet of the company for last quarter. A plan pays a flat 100% of a
 * ¥3,000-a-month target bonus (¥9,000 a quarter) from any score; one person's review is signed
 * off, so only she has a variable part: ¥9,000, and everyone else's row says why not. A pool of
 * ¥1,000 binds: the page says so and she is paid ¥1,000 of it. Approved through its dialog, the
 * sheet is locked: the pool field goes insensitive, a new pool is refused with a sentence, and
 * the CSV for finance is still written. */
static void
test_pay_page (void)
{
  AttainDb *check = NULL;
  g_autoptr (AttainContext) context = make_context ("pay.db", TRUE, &check);
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainPayPlan) plan = attain_pay_plan_new ();
  g_autofree char  *csv = attain_test_db_path (dir, "bonus.csv");
  g_autofree char  *text = NULL;
  AttainWindow     *window = attain_window_new (NULL, context, NULL);
  AttainReviewPage *review;
  AttainPayPage    *page;
  GtkWidget        *dialog;
  guint             rows = 0, without = 0;

  gtk_window_present (GTK_WINDOW (window));
  review = attain_window_get_review_page (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "reviews"));
  review_open_last_quarter (review, "person:5");
  {
    AttainPeriod period = *attain_session_get_period (attain_context_get_session (context));
    g_autoptr (AttainReview) signed_review = attain_review_open (check, 5, &period, &error);
    GDate today;
    attain_context_get_today (context, &today);
    g_assert_true (attain_review_set_field (check, signed_review, "reviewer", "王经理", &error));
    g_assert_true (
        attain_review_set_field (check, signed_review, "interview_on", "2026-10-08", &error));
    g_assert_true (attain_review_sign_off (check, signed_review, &today, &error));
    g_assert_no_error (error);
  }
  plan->bonus_monthly = 300000;
  g_array_unref (plan->curve);
  plan->curve = attain_curve_parse ("0:100", &error);
  g_assert_cmpint (attain_pay_plan_save (check, plan, &error), >, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "pay"));
  g_assert_cmpstr (attain_window_get_visible_page (window), ==, "pay");
  page = attain_window_get_pay_page (window);
  iterate_until (pay_loaded, page);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (attain_pay_page_get_rows (page)));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
      rows++;
      without += strstr (subtitle, "No signed-off review") != NULL;
    }
  g_assert_cmpuint (rows, >, 1);
  g_assert_cmpuint (without, ==, rows - 1);
  /* Sorted by total paid, highest first, as a spreadsheet column would. */
  {
    GtkWidget *sort
        = find_widget (GTK_WIDGET (page), is_of_type, GSIZE_TO_POINTER (GTK_TYPE_DROP_DOWN));
    double previous = G_MAXDOUBLE;
    guint  seen = 0;
    gtk_drop_down_set_selected (GTK_DROP_DOWN (sort), 2);
    for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (attain_pay_page_get_rows (page)));
         row != NULL; row = gtk_widget_get_next_sibling (row))
      {
        GtkWidget       *label = find_widget (row, is_numeric_label, NULL);
        g_autofree char *digits = NULL;
        GString         *kept = g_string_new (NULL);
        double           total;
        for (const char *c = gtk_label_get_label (GTK_LABEL (label)); *c != '\0'; c++)
          if (g_ascii_isdigit (*c) || *c == '.')
            g_string_append_c (kept, *c);
        digits = g_string_free (kept, FALSE);
        total = g_ascii_strtod (digits, NULL);
        g_assert_cmpfloat (total, <=, previous);
        previous = total;
        seen++;
      }
    g_assert_cmpuint (seen, ==, rows);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (sort), 0);
  }
  /* The quarter's recognition, and who may be promoted: in the demo nobody (everyone but one has
   * no signed-off rating), each row saying what is missing. */
  {
    g_autofree char *shown = screens_text ();
    g_assert_true (strstr (shown, "Sales champion of the quarter") != NULL
                   || strstr (shown, "Nobody reached 100% of their revenue target") != NULL);
    g_assert_null (strstr (shown, "Eligible:"));
    g_assert_nonnull (strstr (shown, "no signed-off rating yet"));
    /* Training needs by topic: in the demo some fall below 80% of their revenue target. */
    g_assert_nonnull (strstr (shown, "Training needs"));
    g_assert_nonnull (strstr (shown, "Closing deals: "));
  }
  g_assert_nonnull (strstr (attain_pay_page_get_summary (page), "No pool is set"));
  g_assert_nonnull (strstr (attain_pay_page_get_summary (page), "¥9,000"));

  /* A promotion proposed through its dialog: the day defaults to the day after the quarter. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "pay.propose", "x", (gint64) 5));
  dialog = attain_pay_page_get_dialog (page);
  {
    GtkWidget *box = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
    GtkWidget *day = gtk_widget_get_first_child (box);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (day)), ==, "2026-10-01");
    gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_next_sibling (day)), "连续超额完成");
  }
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "propose");
  g_assert_cmpint (attain_test_query_int (check, "SELECT count (*) FROM promotions WHERE "
                                                 "person_id = 5 AND effective_on = '2026-10-01' "
                                                 "AND reason = '连续超额完成'"),
                   ==, 1);
  g_assert_false (attain_pay_page_set_pool (page, "-5", &error));
  g_clear_error (&error);
  g_assert_true (attain_pay_page_set_pool (page, "1,000", &error));
  iterate_until (pay_loaded, page);
  g_assert_nonnull (strstr (attain_pay_page_get_summary (page), "above the pool of ¥1,000"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "pay.approve", NULL));
  dialog = attain_pay_page_get_dialog (page);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "approve");
  iterate_until (pay_loaded, page);
  g_assert_true (g_str_has_prefix (attain_pay_page_get_summary (page), "Approved:"));
  g_assert_false (gtk_widget_get_sensitive (
      find_widget (GTK_WIDGET (page), is_of_type, GSIZE_TO_POINTER (ADW_TYPE_ENTRY_ROW))));
  g_assert_false (attain_pay_page_set_pool (page, "2000", &error));
  g_assert_nonnull (strstr (error->message, "is locked"));
  g_clear_error (&error);
  g_assert_cmpint (attain_test_query_int (check, "SELECT pool FROM bonus_sheets"), ==, 100000);

  /* Printed: the sheet landscape with the approved figures, and a statement a person. */
  {
    g_autofree char *pdf = attain_test_db_path (dir, "bonus-sheet.pdf");
    g_autofree char *statements = attain_test_db_path (dir, "bonus-statements.pdf");
    g_autofree char *out = NULL;
    const char      *info[] = { "pdfinfo", statements, NULL };
    const char      *to_text[] = { "pdftotext", pdf, "-", NULL };
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "pay.print-to-file", "s", pdf));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "pay.print-statements-to-file",
                                               "s", statements));
    if (g_spawn_sync (NULL, (char **) to_text, NULL,
                      G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                      NULL, NULL))
      {
        g_assert_nonnull (strstr (out, "Total paid"));
        g_assert_nonnull (strstr (out, "Approved: the sheet keeps"));
        g_clear_pointer (&out, g_free);
      }
    if (g_spawn_sync (NULL, (char **) info, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, &out, NULL, NULL, NULL))
      {
        g_autofree char *pages = g_strdup_printf ("Pages:           %u", rows);
        g_assert_nonnull (strstr (out, pages));
      }
  }
  g_assert_true (attain_pay_page_export (page, csv, FALSE, &error));
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbf"));
  g_assert_nonnull (strstr (text, "1000.00"));

  /* Her review printed with the bonus statement added: the review's pages, then the statement
   * with the approved ¥1,000 of variable part paid. */
  {
    g_autofree char *pdf = attain_test_db_path (dir, "review-with-statement.pdf");
    g_autofree char *out = NULL;
    const char      *to_text[] = { "pdftotext", pdf, "-", NULL };
    g_assert_true (
        gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "reviews"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "review.with-statement", NULL));
    g_assert_true (
        gtk_widget_activate_action (GTK_WIDGET (review), "review.print-to-file", "s", pdf));
    iterate_until (review_idle, review);
    if (g_spawn_sync (NULL, (char **) to_text, NULL,
                      G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                      NULL, NULL))
      {
        const char *statement = strstr (out, "Bonus statement —");
        g_assert_nonnull (strstr (out, "Performance Review"));
        g_assert_nonnull (statement);
        g_assert_true (statement > strstr (out, "Performance Review"));
        g_assert_nonnull (strstr (statement, "¥1,000"));
      }
  }
  gtk_window_destroy (GTK_WINDOW (window));
  attain_db_close (check);
}

/* Settings ▸ Evaluation: a value saves its key; one the model refuses (A above S) goes back to
 * what is stored and changes nothing. */
static void
test_evaluation_settings (void)
{
  AttainDb *check = NULL;
  g_autoptr (AttainContext) context = make_context ("settings.db", FALSE, &check);
  AttainWindow *window = attain_window_new (NULL, context, NULL);
  GtkWidget    *settings = attain_settings_window_new (GTK_WINDOW (window), context);
  GtkWidget    *due, *a_band;

  due = find_widget (find_widget (settings, is_row_titled, "Reviews due after the period (days)"),
                     is_of_type, GSIZE_TO_POINTER (GTK_TYPE_SPIN_BUTTON));
  a_band = find_widget (find_widget (settings, is_row_titled, "A from"), is_of_type,
                        GSIZE_TO_POINTER (GTK_TYPE_SPIN_BUTTON));
  g_assert_nonnull (due);
  g_assert_nonnull (a_band);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (due)), ==, 30);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (due), 45);
  g_assert_cmpint (attain_db_get_setting_int (check, "review_due_days", 0), ==, 45);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (a_band)), ==, 100);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (a_band), 150);
  g_assert_cmpint (attain_db_get_setting_int (check, "rating_a", 10000), ==, 10000);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (a_band)), ==, 100);
  gtk_window_destroy (GTK_WINDOW (settings));
  gtk_window_destroy (GTK_WINDOW (window));
  attain_db_close (check);
}

/* Training booked from a need on the Pay page reaches the review. Last quarter (2026-Q3), the
 * "Closing deals" need is planned through its dialog with everyone ticked: a course of two days
 * in September with one attendee row a person. One attendee is marked done from the page; then,
 * behind the page's back, another program marks the same person missed: a change from the
 * stale "done" is refused with a sentence and the file keeps "missed". Renamed through its edit
 * dialog, the course shows in that person's Q3 review with its dates and "Missed"; nobody
 * attended it, so it can be removed, attendees and all. */
static void
test_training_plans (void)
{
  AttainDb *check = NULL;
  g_autoptr (AttainContext) context = make_context ("training.db", TRUE, &check);
  AttainWindow     *window = attain_window_new (NULL, context, NULL);
  AttainReviewPage *review;
  AttainPayPage    *page;
  GtkWidget        *dialog, *expander, *drop_down;
  gint64            needing, first;
  g_autofree char  *person = NULL;

  gtk_window_present (GTK_WINDOW (window));
  review = attain_window_get_review_page (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "reviews"));
  review_open_last_quarter (review, "person:5");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "pay"));
  page = attain_window_get_pay_page (window);
  iterate_until (pay_loaded, page);
  {
    g_autofree char *shown = screens_text ();
    g_assert_nonnull (strstr (shown, "No course booked for this period"));
  }
  {
    AttainPeriod period = *attain_session_get_period (attain_context_get_session (context));
    GDate        today;
    g_autoptr (GError) error = NULL;
    g_autoptr (JsonNode) needs = NULL;
    JsonArray *topics;
    attain_context_get_today (context, &today);
    needs = attain_training_needs (check, 1, &period, &today, &error);
    topics = json_object_get_array_member (json_node_get_object (needs), "topics");
    needing = 0;
    for (guint i = 0; i < json_array_get_length (topics); i++)
      if (g_str_equal (
              json_object_get_string_member (json_array_get_object_element (topics, i), "topic"),
              "closing"))
        needing = json_array_get_length (
            json_object_get_array_member (json_array_get_object_element (topics, i), "people"));
  }
  g_assert_cmpint (needing, >, 0);

  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (page), "pay.plan-training", "s", "closing"));
  dialog = attain_pay_page_get_dialog (page);
  {
    GtkWidget *box = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
    GtkWidget *course = gtk_widget_get_first_child (box);
    GtkWidget *from = gtk_widget_get_next_sibling (course);
    GtkWidget *to = gtk_widget_get_next_sibling (from);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (course)), ==, "Closing deals");
    gtk_editable_set_text (GTK_EDITABLE (course), "大客户谈判");
    gtk_editable_set_text (GTK_EDITABLE (from), "2026-09-20");
    gtk_editable_set_text (GTK_EDITABLE (to), "2026-09-21");
  }
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "plan");
  iterate_until (pay_loaded, page);
  g_assert_cmpint (attain_test_query_int (check, "SELECT count (*) FROM training_attendees a JOIN "
                                                 "training_plans t ON t.id = a.plan_id WHERE "
                                                 "t.course = '大客户谈判' AND t.topic = 'closing'"),
                   ==, needing);

  expander = find_widget (GTK_WIDGET (page), is_row_titled, "大客户谈判");
  g_assert_nonnull (expander);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander)),
                            "2026-09-20 to 2026-09-21 · 0 of"));
  drop_down = find_widget (expander, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_DROP_DOWN));
  first = attain_test_query_int (check, "SELECT a.person_id FROM training_attendees a JOIN people "
                                        "p ON p.id = a.person_id ORDER BY p.name, p.id LIMIT 1");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), ATTAIN_TRAINING_DONE);
  person = g_strdup_printf ("SELECT status = 'done' FROM training_attendees WHERE person_id = "
                            "%" G_GINT64_FORMAT,
                            first);
  g_assert_cmpint (attain_test_query_int (check, person), ==, 1);
  g_clear_pointer (&person, g_free);

  g_assert_true (
      attain_db_exec (check,
                      "UPDATE training_attendees SET status = 'missed' WHERE person_id = "
                      "(SELECT a.person_id FROM training_attendees a JOIN people p ON p.id "
                      "= a.person_id ORDER BY p.name, p.id LIMIT 1)",
                      NULL));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), ATTAIN_TRAINING_PLANNED);
  iterate_until (pay_loaded, page);
  person = g_strdup_printf ("SELECT status = 'missed' FROM training_attendees WHERE person_id = "
                            "%" G_GINT64_FORMAT,
                            first);
  g_assert_cmpint (attain_test_query_int (check, person), ==, 1);
  g_clear_pointer (&person, g_free);

  /* The course renamed through its edit dialog. */
  {
    gint64 plan = attain_test_query_int (check, "SELECT id FROM training_plans");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "pay.edit-training", "x", plan));
    dialog = attain_pay_page_get_dialog (page);
    gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_first_child (
                               adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog)))),
                           "大客户谈判实战");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
    iterate_until (pay_loaded, page);
    g_assert_cmpint (attain_test_query_int (check, "SELECT count (*) FROM training_plans WHERE "
                                                   "course = '大客户谈判实战'"),
                     ==, 1);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "reviews"));
  person = g_strdup_printf ("person:%" G_GINT64_FORMAT, first);
  review_activate_and_wait (review, "review.select-person", g_variant_new_string (person));
  {
    g_autofree char *shown = screens_text ();
    g_assert_nonnull (strstr (shown, "大客户谈判实战 · 2026-09-20 to 2026-09-21 · Missed"));
  }
  /* Nobody attended it: it can be removed, attendees and all. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "pay"));
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (page), "pay.remove-training", "x",
                                  attain_test_query_int (check, "SELECT id FROM training_plans")));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (attain_pay_page_get_dialog (page)), "remove");
  iterate_until (pay_loaded, page);
  g_assert_cmpint (attain_test_query_int (check, "SELECT count (*) FROM training_attendees"), ==,
                   0);
  g_assert_nonnull (
      find_widget (GTK_WIDGET (page), is_row_titled, "No course booked for this period"));
  gtk_window_destroy (GTK_WINDOW (window));
  attain_db_close (check);
}

/* Recognition from the Pay page, last quarter (2026-Q3): the leader's row offers Record… (the
 * quarter is over); recorded through its dialog, the row says when, the history has one row
 * naming the same person, and a second Record is not offered. The certificate prints to a PDF
 * naming them. The dashboard of the company then shows the recognition above its cards. The
 * rule is edited in Settings ▸ Results: "Ranked by" set to Collections is stored. */
static void
test_recognition (void)
{
  AttainDb *check = NULL;
  g_autoptr (AttainContext) context = make_context ("recognition.db", TRUE, &check);
  AttainWindow     *window = attain_window_new (NULL, context, NULL);
  AttainReviewPage *review;
  AttainPayPage    *page;
  GtkWidget        *dialog, *settings, *ranked_by;
  g_autofree char  *winner = NULL, *pdf = attain_test_db_path (dir, "certificate.pdf");

  gtk_window_present (GTK_WINDOW (window));
  review = attain_window_get_review_page (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "reviews"));
  review_open_last_quarter (review, "person:5");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "pay"));
  page = attain_window_get_pay_page (window);
  iterate_until (pay_loaded, page);
  g_assert_nonnull (find_widget (GTK_WIDGET (page), is_button_labelled, "Record…"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "pay.record-recognition", NULL));
  dialog = attain_pay_page_get_dialog (page);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "record");
  iterate_until (pay_loaded, page);
  g_assert_cmpint (attain_test_query_int (check, "SELECT count (*) FROM recognitions WHERE "
                                                 "period_start = '2026-07-01'"),
                   ==, 1);
  {
    sqlite3_stmt *stmt = attain_db_prepare (check, "SELECT person_name FROM recognitions", NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    winner = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_reset (stmt);
  }
  g_assert_null (find_widget (GTK_WIDGET (page), is_button_labelled, "Record…"));
  {
    g_autofree char *shown = screens_text ();
    g_assert_nonnull (strstr (shown, "Sales champion of the quarter — recorded on"));
    g_assert_nonnull (strstr (shown, "Q3 2026 · Sales champion of the quarter — Revenue"));
  }

  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (page), "pay.print-certificate-to-file", "s", pdf));
  {
    const char      *argv[] = { "pdftotext", pdf, "-", NULL };
    g_autofree char *out = NULL;
    if (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, &out, NULL, NULL, NULL))
      {
        g_assert_nonnull (strstr (out, "Certificate of Honour"));
        g_assert_nonnull (strstr (out, winner));
        g_assert_nonnull (strstr (out, "Sales champion of the quarter — Q3 2026"));
      }
  }

  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dashboard"));
  activate_and_wait (attain_window_get_dashboard_page (window), "dashboard.show-unit",
                     g_variant_new_string ("unit:1"));
  {
    g_autofree char *shown = screens_text ();
    g_autofree char *line = g_strdup_printf ("Sales champion of the quarter (Q3 2026): %s", winner);
    g_assert_nonnull (strstr (shown, line));
  }

  settings = attain_settings_window_new (GTK_WINDOW (window), context);
  ranked_by = find_widget (settings, is_row_titled, "Ranked by");
  g_assert_true (ADW_IS_COMBO_ROW (ranked_by));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (ranked_by)), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (ranked_by), 2);
  {
    g_autofree char *stored = attain_db_get_setting (check, "recognition_metric", NULL);
    g_assert_cmpstr (stored, ==, "collections");
  }
  gtk_window_destroy (GTK_WINDOW (settings));
  gtk_window_destroy (GTK_WINDOW (window));
  attain_db_close (check);
}

/* The pay plan in the window: the demo's plan opens with its figures as text (¥8,000 fixed, the
 * default curve, 2% then 4% on collections). Tiers with a typo are refused with the sentence
 * and nothing saved; corrected, with a ¥5,000 champion award, a new version is saved and the
 * dialog closes. Opened again while another program saves a version, the save is refused as
 * changed elsewhere. */
static void
test_pay_plan_dialog (void)
{
  AttainDb *check = NULL;
  g_autoptr (AttainContext) context = make_context ("payplan.db", TRUE, &check);
  AttainWindow  *window = attain_window_new (NULL, context, NULL);
  AttainPayPage *page;
  GtkWidget     *dialog;
  gint64         plans;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "pay"));
  page = attain_window_get_pay_page (window);
  iterate_until (pay_loaded, page);
  plans = attain_test_query_int (check, "SELECT count (*) FROM pay_plans");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "pay.edit-plan", NULL));
  dialog = attain_pay_page_get_dialog (page);
  g_assert_true (ATTAIN_IS_PAY_PLAN_DIALOG (dialog));
  g_assert_cmpstr (gtk_editable_get_text (
                       GTK_EDITABLE (find_widget (dialog, is_row_titled, "Fixed pay a month"))),
                   ==, "8000");
  g_assert_cmpstr (
      gtk_editable_get_text (GTK_EDITABLE (find_widget (dialog, is_row_titled, "Payout curve"))),
      ==, "60:50, 100:100, 120:150, 150:200");
  g_assert_cmpstr (gtk_editable_get_text (
                       GTK_EDITABLE (find_widget (dialog, is_row_titled, "Commission tiers"))),
                   ==, "0:2, 100:4");

  set_row_text (dialog, "Commission tiers", "0:3, abc");
  g_assert_true (gtk_widget_activate_action (dialog, "plan.save", NULL));
  g_assert_nonnull (attain_pay_plan_dialog_get_error (ATTAIN_PAY_PLAN_DIALOG (dialog)));
  g_assert_cmpint (attain_test_query_int (check, "SELECT count (*) FROM pay_plans"), ==, plans);
  set_row_text (dialog, "Commission tiers", "0:3, 100:5");
  set_row_text (dialog, "To the period’s recognised winner", "5,000");
  g_assert_true (gtk_widget_activate_action (dialog, "plan.save", NULL));
  g_assert_null (attain_pay_page_get_dialog (page));
  g_assert_cmpint (attain_test_query_int (check, "SELECT count (*) FROM pay_plans"), ==, plans + 1);
  g_assert_cmpint (attain_test_query_int (check, "SELECT champion_award FROM pay_plans ORDER BY "
                                                 "id DESC LIMIT 1"),
                   ==, 500000);
  g_assert_cmpint (attain_test_query_int (check,
                                          "SELECT commission_tiers = '[[0,300],[10000,500]]' "
                                          "FROM pay_plans ORDER BY id DESC LIMIT 1"),
                   ==, 1);
  iterate_until (pay_loaded, page);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "pay.edit-plan", NULL));
  dialog = attain_pay_page_get_dialog (page);
  {
    g_autoptr (AttainPayPlan) other = attain_pay_plan_new ();
    g_autoptr (GError) error = NULL;
    g_assert_cmpint (attain_pay_plan_save (check, other, &error), >, 0);
  }
  set_row_text (dialog, "Fixed pay a month", "9000");
  g_assert_true (gtk_widget_activate_action (dialog, "plan.save", NULL));
  g_assert_nonnull (strstr (attain_pay_plan_dialog_get_error (ATTAIN_PAY_PLAN_DIALOG (dialog)),
                            "changed elsewhere"));
  g_assert_cmpint (attain_test_query_int (check, "SELECT count (*) FROM pay_plans"), ==, plans + 2);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  attain_db_close (check);
}

/* A laptop's window: at 1,100 by 700 pixels, in Chinese, the sidebar stays beside the pages
 * (the dashboard's cards go three or two to a row instead of hiding it). */
static void
test_window_fits_laptop (void)
{
  AttainDb *check = NULL;
  g_autoptr (AttainContext) context = make_context ("laptop.db", TRUE, &check);
  AttainWindow *window = attain_window_new (NULL, context, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gtk_window_present (GTK_WINDOW (window));
  iterate_until (page_loaded, attain_window_get_dashboard_page (window));
  for (guint page = 0; page < 3; page++)
    {
      static const char *const names[] = { "dashboard", "reviews", "pay" };
      g_assert_true (
          gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", names[page]));
      for (int i = 0; i < 20; i++)
        g_main_context_iteration (NULL, FALSE);
      g_assert_false (attain_window_is_folded (window));
    }
  gtk_window_destroy (GTK_WINDOW (window));
  attain_db_close (check);
}

int
main (int argc, char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  /* The catalogs of this build, so per-print report languages have something to switch to. */
  bindtextdomain ("attain",
                  g_getenv ("ATTAIN_LOCALEDIR") ? g_getenv ("ATTAIN_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset ("attain", "UTF-8");
  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return 77;
    }
  adw_init ();
  attain_number_style_override (ATTAIN_NUMBER_STYLE_WESTERN);
  dir = attain_test_make_tmp_dir ();
  g_test_add_func ("/ui/dashboard-actions", test_dashboard_actions);
  g_test_add_func ("/ui/empty-database-creates-demo", test_empty_database_creates_demo);
  g_test_add_func ("/ui/open-error-is-shown", test_open_error_is_shown);
  g_test_add_func ("/ui/import-through-mapping-step", test_import_through_mapping_step);
  g_test_add_func ("/ui/people-page", test_people_page);
  g_test_add_func ("/ui/evaluation-page", test_evaluation_page);
  g_test_add_func ("/ui/scorecard-dialog", test_scorecard_dialog);
  g_test_add_func ("/ui/feedback-window", test_feedback_window);
  g_test_add_func ("/ui/feedback-anonymity-on-screen", test_feedback_anonymity_on_screen);
  g_test_add_func ("/ui/pay-page", test_pay_page);
  g_test_add_func ("/ui/training-plans", test_training_plans);
  g_test_add_func ("/ui/recognition", test_recognition);
  g_test_add_func ("/ui/pay-plan-dialog", test_pay_plan_dialog);
  g_test_add_func ("/ui/window-fits-laptop", test_window_fits_laptop);
  g_test_add_func ("/ui/evaluation-settings", test_evaluation_settings);
  g_test_add_func ("/ui/setup-by-hand", test_setup_by_hand);
  g_test_add_func ("/ui/record-by-hand", test_record_by_hand);
  g_test_add_func ("/ui/notices-other-writers", test_notices_other_writers);
  g_test_add_func ("/ui/goals-page", test_goals_page);
  g_test_add_func ("/ui/review-form-survives-restart", test_review_form_survives_restart);
  g_test_add_func ("/ui/review-form-controls", test_review_form_controls);
  g_test_add_func ("/ui/shortcuts-window", test_shortcuts_window_lists_every_shortcut);
  g_test_add_func ("/ui/window-in-chinese", test_window_in_chinese);
  g_test_add_func ("/ui/review-text-kept-when-busy", test_review_text_kept_when_busy);
  g_test_add_func ("/ui/period-switches-race", test_period_switches_race);
  g_test_add_func ("/ui/review-save-is-compare-and-set", test_review_save_is_compare_and_set);
  g_test_add_func ("/ui/damaged-file-is-noticed", test_damaged_file_is_noticed);
  g_test_add_func ("/ui/review-journal-recovers-typing", test_review_journal_recovers_typing);
  g_test_add_func ("/ui/one-window-per-file", test_one_window_per_file);
  g_test_add_func ("/ui/team-export-off-main-thread", test_team_export_off_main_thread);
  status = g_test_run ();
  attain_test_rm_rf (dir);
  g_free (dir);
  return status;
}

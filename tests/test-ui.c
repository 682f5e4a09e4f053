/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The real window on a demo database, driven through the same actions its buttons use. */
#include "attain-test-util.h"

#include <adwaita.h>

#include "attain-window.h"
#include "model/attain-demo.h"

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
  return !attain_dashboard_page_is_loading (page) && attain_dashboard_page_get_dashboard (page) != NULL;
}

static void
activate_and_wait (AttainDashboardPage *page,
                   const char          *action,
                   GVariant            *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (page), action, parameter));
  g_assert_true (attain_dashboard_page_is_loading (page));
  iterate_until (page_loaded, page);
}

static char *
expected_revenue (AttainDb   *db,
                  const char *scope_join,
                  const char *from,
                  const char *to)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce(sum(d.amount), 0) FROM deals d %s "
                                          "d.status = 'won' AND d.closed_on BETWEEN '%s' AND '%s'",
                                          scope_join, from, to);

  return attain_format_money_compact ((double) attain_test_query_int (db, sql), "CNY",
                                      ATTAIN_NUMBER_STYLE_WESTERN);
}

static AttainContext *
make_context (const char *name,
              gboolean    with_demo,
              AttainDb  **db_out)
{
  g_autofree char *path = attain_test_db_path (dir, name);
  g_autoptr(GError) error = NULL;
  AttainDb *db = attain_db_open (path, &error);
  GDate today;

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

static void
test_dashboard_actions (void)
{
  AttainDb *check = NULL;
  g_autoptr(AttainContext) context = make_context ("ui.db", TRUE, &check);
  AttainWindow *window = attain_window_new (NULL, context, NULL);
  AttainDashboardPage *page = attain_window_get_dashboard_page (window);
  g_autofree char *region_name = NULL;
  const char *all = "WHERE";
  const char *east = "JOIN people p ON p.id = d.owner_id JOIN org_units t ON t.id = p.unit_id WHERE t.parent_id = 2 AND";
  char *expected;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (attain_window_get_visible_page (window), ==, "dashboard");
  iterate_until (page_loaded, page);

  /* Opens on the company and the current quarter (today is 23 November 2026). */
  g_assert_cmpstr (attain_dashboard_page_get_title (page), ==, "华辰智能科技有限公司");
  expected = expected_revenue (check, all, "2026-10-01", "2026-12-31");
  g_assert_cmpstr (attain_kpi_card_get_value_text (attain_dashboard_page_get_card (page, "revenue")), ==, expected);
  g_free (expected);
  g_assert_cmpuint (g_list_model_get_n_items (attain_dashboard_page_get_ranking (page)), ==, 3);

  /* Switch to the year, the way the "Year" toggle does. */
  activate_and_wait (page, "dashboard.period-kind", g_variant_new_string ("year"));
  expected = expected_revenue (check, all, "2026-01-01", "2026-12-31");
  g_assert_cmpstr (attain_kpi_card_get_value_text (attain_dashboard_page_get_card (page, "revenue")), ==, expected);
  g_free (expected);

  /* Previous period: 2025. */
  activate_and_wait (page, "dashboard.previous-period", NULL);
  expected = expected_revenue (check, all, "2025-01-01", "2025-12-31");
  g_assert_cmpstr (attain_kpi_card_get_value_text (attain_dashboard_page_get_card (page, "revenue")), ==, expected);
  g_free (expected);
  /* 2025 is over: the revenue card says where it ended up against its target. */
  g_assert_cmpstr (attain_kpi_card_get_pace_text (attain_dashboard_page_get_card (page, "revenue")), !=, "");

  /* Drill down into the first region, as activating its ranking row does. */
  activate_and_wait (page, "dashboard.show-unit", g_variant_new_string ("unit:2"));
  region_name = g_strdup (attain_dashboard_page_get_title (page));
  g_assert_cmpstr (region_name, ==, "华东区");
  expected = expected_revenue (check, east, "2025-01-01", "2025-12-31");
  g_assert_cmpstr (attain_kpi_card_get_value_text (attain_dashboard_page_get_card (page, "revenue")), ==, expected);
  g_free (expected);
  /* Its ranking lists its teams. */
  g_assert_cmpuint (g_list_model_get_n_items (attain_dashboard_page_get_ranking (page)), ==,
                    attain_test_query_int (check, "SELECT count(*) FROM org_units WHERE parent_id = 2"));

  /* Back returns to the company, same period. */
  activate_and_wait (page, "dashboard.back", NULL);
  g_assert_cmpstr (attain_dashboard_page_get_title (page), ==, "华辰智能科技有限公司");
  expected = expected_revenue (check, all, "2025-01-01", "2025-12-31");
  g_assert_cmpstr (attain_kpi_card_get_value_text (attain_dashboard_page_get_card (page, "revenue")), ==, expected);
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
  AttainWindow *window = data;
  AttainDashboardPage *page = attain_window_get_dashboard_page (window);

  return g_strcmp0 (attain_window_get_visible_page (window), "dashboard") == 0 && page_loaded (page);
}

static void
test_empty_database_creates_demo (void)
{
  AttainDb *check = NULL;
  g_autoptr(AttainContext) context = make_context ("empty.db", FALSE, &check);
  AttainWindow *window = attain_window_new (NULL, context, NULL);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (attain_window_get_visible_page (window), ==, "empty");

  /* The button on the empty page; the demo is built off the main thread. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.create-demo", NULL));
  iterate_until (window_shows_dashboard, window);
  g_assert_cmpint (attain_test_query_int (check, "SELECT count(*) FROM people"), ==, 60);
  g_assert_cmpstr (attain_dashboard_page_get_title (attain_window_get_dashboard_page (window)), ==,
                   "华辰智能科技有限公司");
  gtk_window_destroy (GTK_WINDOW (window));
  attain_db_close (check);
}

static void
test_open_error_is_shown (void)
{
  AttainWindow *window = attain_window_new (NULL, NULL, "“x.db” was written by a newer version of Attain.");

  g_assert_cmpstr (attain_window_get_visible_page (window), ==, "error");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
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
  status = g_test_run ();
  attain_test_rm_rf (dir);
  g_free (dir);
  return status;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-application.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "attain-window.h"
#include "model/attain-people.h"

struct _AttainApplication
{
  AdwApplication parent_instance;
  char          *database_path;
  gboolean       demo;
  GDate          today;
  gboolean       quit_after_first_frame;
};

G_DEFINE_FINAL_TYPE (AttainApplication, attain_application, ADW_TYPE_APPLICATION)

static int
attain_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  AttainApplication *self = ATTAIN_APPLICATION (app);
  const char        *path = NULL;
  const char        *today = NULL;

  if (g_variant_dict_lookup (options, "database", "^&ay", &path))
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
      self->database_path = g_file_get_path (file);
    }
  g_variant_dict_lookup (options, "demo", "b", &self->demo);
  g_variant_dict_lookup (options, "quit-after-first-frame", "b", &self->quit_after_first_frame);
  if (g_variant_dict_lookup (options, "today", "&s", &today)
      && !attain_date_parse_iso (today, &self->today))
    {
      g_printerr (_ ("“%s” is not a date. Use a date like 2026-03-05.\n"), today);
      return 2;
    }
  /* One instance: a second start hands its file to the first, which raises that file's window
   * or opens another. Without a session bus GLib runs this process on its own. */
  if (!g_application_register (app, NULL, NULL))
    return -1;
  if (g_application_get_is_remote (app))
    {
      g_autofree char *path
          = self->database_path ? g_strdup (self->database_path) : attain_db_default_path ();
      g_autoptr (GFile) file = g_file_new_for_path (path);
      GDBusConnection *bus = g_application_get_dbus_connection (app);

      g_application_open (app, &file, 1, "");
      /* The call is queued on the bus: make sure it left before this process does. */
      if (bus != NULL)
        g_dbus_connection_flush_sync (bus, NULL, NULL);
      return 0;
    }
  return -1;
}

/* The same file whatever path names it: a symbolic link or another spelling of the folder
 * opens the window already showing it. */
static gboolean
same_file (const char *a, const char *b)
{
  GStatBuf         sa, sb;
  g_autofree char *ca = NULL;
  g_autofree char *cb = NULL;

  if (g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0)
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  ca = g_canonicalize_filename (a, NULL);
  cb = g_canonicalize_filename (b, NULL);
  return g_str_equal (ca, cb);
}

static GtkWindow *
window_for_file (AttainApplication *self, const char *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      AttainContext *context
          = ATTAIN_IS_WINDOW (l->data) ? attain_window_get_context (l->data) : NULL;

      if (context != NULL && same_file (attain_context_get_db_path (context), path))
        return l->data;
    }
  return NULL;
}

/* For the start-up benchmark: quits once a frame has been painted with the dashboard's data. */
static void
after_paint_cb (GdkFrameClock *clock, GtkWindow *window)
{
  AttainDashboardPage *page = attain_window_get_dashboard_page (ATTAIN_WINDOW (window));

  if (page != NULL
      && (attain_dashboard_page_is_loading (page)
          || attain_dashboard_page_get_dashboard (page) == NULL))
    return;
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

static void
on_window_realize_cb (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), window);
}

/* One window per database file: the one showing @path is raised, or a new one opens it. */
static void
open_database (AttainApplication *self, const char *path)
{
  GtkWindow *window = window_for_file (self, path);
  g_autoptr (AttainContext) context = NULL;
  g_autoptr (GError) error = NULL;
  AttainDb *db;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }
  db = attain_db_open (path, &error);
  if (!g_date_valid (&self->today))
    g_date_set_time_t (&self->today, time (NULL));
  if (db != NULL)
    {
      g_autofree char *today = attain_date_to_iso (&self->today);
      /* Leave dates that have come since the last start take effect now. */
      attain_people_apply_leave_dates (db, today, NULL);
      context = attain_context_new (db, &self->today);
    }
  window = GTK_WINDOW (
      attain_window_new (ADW_APPLICATION (self), context, error ? error->message : NULL));
  if (db != NULL)
    {
      g_autofree char *notice = attain_db_made_private_notice (db);
      if (notice != NULL)
        attain_window_add_toast (ATTAIN_WINDOW (window), notice);
      if (attain_db_is_read_only (db))
        {
          g_autofree char *text = g_strdup_printf (
              _ ("“%s” is read-only: you can look at it and print, but edits are not saved."),
              path);
          attain_window_add_lasting_toast (ATTAIN_WINDOW (window), text);
        }
    }
  if (self->demo && context != NULL && attain_db_is_empty (db))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.create-demo", NULL);
  if (self->quit_after_first_frame)
    g_signal_connect_after (window, "realize", G_CALLBACK (on_window_realize_cb), NULL);
  gtk_window_present (window);
}

static void
attain_application_activate (GApplication *app)
{
  AttainApplication *self = ATTAIN_APPLICATION (app);
  g_autofree char   *path
      = self->database_path ? g_strdup (self->database_path) : attain_db_default_path ();

  open_database (self, path);
}

static void
attain_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      if (path != NULL)
        open_database (ATTAIN_APPLICATION (app), path);
    }
}

static void
about_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char     *developers[] = { "The Attain developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app), "application-name", "Attain",
                         "application-icon", APP_ID, "version", PACKAGE_VERSION, "comments",
                         _ ("Sales performance management for sales directors: goals, "
                            "results, reviews and the printed review report."),
                         "developer-name", "The Attain developers", "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: put your names here, one per line */
                         "translator-credits", _ ("translator-credits"), NULL);
}

static void
quit_action (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
};

static void
attain_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (attain_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit",
                                         (const char *[]){ "<primary>q", NULL });
}

static void
attain_application_finalize (GObject *object)
{
  AttainApplication *self = ATTAIN_APPLICATION (object);

  g_free (self->database_path);
  G_OBJECT_CLASS (attain_application_parent_class)->finalize (object);
}

static void
attain_application_class_init (AttainApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = attain_application_finalize;
  app_class->activate = attain_application_activate;
  app_class->open = attain_application_open;
  app_class->startup = attain_application_startup;
  app_class->handle_local_options = attain_application_handle_local_options;
}

static void
attain_application_init (AttainApplication *self)
{
  const GOptionEntry entries[]
      = { { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
            N_ ("Open this database file (created if missing)"), N_ ("FILE") },
          { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
            N_ ("Create the demo company when the database is empty"), NULL },
          { "today", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, NULL,
            N_ ("Pretend today is this date"), N_ ("DATE") },
          { "quit-after-first-frame", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, NULL, "", NULL },
          { NULL } };

  g_date_clear (&self->today, 1);
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

AttainApplication *
attain_application_new (void)
{
  /* Unique: two windows on one file would edit it from two stale copies. Files given on the
   * command line open as with --database. */
  return g_object_new (ATTAIN_TYPE_APPLICATION, "application-id", APP_ID, "flags",
                       G_APPLICATION_HANDLES_OPEN, "resource-base-path", "/io/github/attain/Attain",
                       NULL);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-window.h"

#include <glib/gi18n.h>

#include "attain-goals-page.h"
#include "attain-review-page.h"
#include "model/attain-demo.h"

struct _AttainWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  GtkButton           *create_demo_button;
  GtkProgressBar      *demo_progress;
  AdwStatusPage       *error_page;
  AdwLeaflet          *leaflet;
  GtkStack            *pages;
  GtkListBox          *sidebar;
  GtkStack            *stack;
  AdwToastOverlay     *toast_overlay;

  /* Owned references */
  AttainContext       *context;
  GtkWidget           *dashboard_page;
  GtkWidget           *goals_page;
  GtkWidget           *review_page;
  guint                progress_source;
  gint                 demo_permille; /* written by the demo thread, polled by a timeout */
};

G_DEFINE_FINAL_TYPE (AttainWindow, attain_window, ADW_TYPE_APPLICATION_WINDOW)

typedef struct
{
  char         *path;
  AttainWindow *window; /* only touched on the main thread */
  GDate         today;
  gint         *permille;
} DemoJob;

static void
demo_job_free (DemoJob *job)
{
  g_free (job->path);
  g_free (job);
}

static void
demo_progress_cb (double   fraction,
                  gpointer user_data)
{
  g_atomic_int_set ((gint *) user_data, (gint) (fraction * 1000));
}

static void
create_demo_in_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  DemoJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AttainDb) db = attain_db_open (job->path, &error);
  AttainDemoOptions options;

  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  attain_demo_options_init (&options, &job->today);
  if (!attain_demo_generate (db, &options, demo_progress_cb, job->permille, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static gboolean
update_progress_cb (gpointer user_data)
{
  AttainWindow *self = user_data;

  gtk_progress_bar_set_fraction (self->demo_progress, g_atomic_int_get (&self->demo_permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
create_demo_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  AttainWindow *self = ATTAIN_WINDOW (source);
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->progress_source, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->demo_progress), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.create-demo", TRUE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.create-demo", FALSE);
  gtk_stack_set_visible_child_name (self->stack, "main");
  attain_context_emit_changed (self->context);
}

static void
create_demo_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AttainWindow *self = ATTAIN_WINDOW (widget);
  g_autoptr(GTask) task = NULL;
  DemoJob *job;

  if (self->context == NULL || !attain_db_is_empty (attain_context_get_db (self->context)))
    return;

  job = g_new0 (DemoJob, 1);
  job->path = g_strdup (attain_context_get_db_path (self->context));
  attain_context_get_today (self->context, &job->today);
  job->permille = &self->demo_permille;
  g_atomic_int_set (&self->demo_permille, 0);

  gtk_widget_action_set_enabled (widget, "win.create-demo", FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->demo_progress), TRUE);
  self->progress_source = g_timeout_add (100, update_progress_cb, self);

  /* The window stays alive until the thread ends (the task holds it), so the progress pointer
   * into it stays valid. */
  task = g_task_new (self, NULL, create_demo_done_cb, NULL);
  g_task_set_source_tag (task, create_demo_action);
  g_task_set_task_data (task, job, (GDestroyNotify) demo_job_free);
  g_task_run_in_thread (task, create_demo_in_thread);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AttainWindow *self = ATTAIN_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (gtk_stack_get_child_by_name (self->pages, name) == NULL)
    return;
  gtk_stack_set_visible_child_name (self->pages, name);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (row));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_sidebar_row_activated_cb (AttainWindow  *self,
                             GtkListBoxRow *row)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
attain_window_dispose (GObject *object)
{
  AttainWindow *self = ATTAIN_WINDOW (object);

  g_clear_handle_id (&self->progress_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATTAIN_TYPE_WINDOW);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (attain_window_parent_class)->dispose (object);
}

static void
attain_window_class_init (AttainWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = attain_window_dispose;

  g_type_ensure (ATTAIN_TYPE_DASHBOARD_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/attain/Attain/ui/attain-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AttainWindow, create_demo_button);
  gtk_widget_class_bind_template_child (widget_class, AttainWindow, demo_progress);
  gtk_widget_class_bind_template_child (widget_class, AttainWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, AttainWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AttainWindow, pages);
  gtk_widget_class_bind_template_child (widget_class, AttainWindow, sidebar);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, AttainWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AttainWindow, toast_overlay);

  gtk_widget_class_install_action (widget_class, "win.create-demo", NULL, create_demo_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-page", "s", "dashboard");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-page", "s", "goals");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-page", "s", "reviews");
}

static void
attain_window_init (AttainWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AttainWindow *
attain_window_new (AdwApplication *application,
                   AttainContext  *context,
                   const char     *open_error)
{
  AttainWindow *self = g_object_new (ATTAIN_TYPE_WINDOW, "application", application, NULL);

  if (context == NULL)
    {
      /* What went wrong, then what to do about it. */
      g_autofree char *text = g_strdup_printf ("%s\n\n%s", open_error ? open_error : "",
                                               _("Start Attain with --database FILE to open another file, or "
                                                 "check that the folder exists and can be written."));
      adw_status_page_set_description (self->error_page, text);
      gtk_stack_set_visible_child_name (self->stack, "error");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.create-demo", FALSE);
      return self;
    }

  self->context = g_object_ref (context);
  self->dashboard_page = attain_dashboard_page_new (context);
  gtk_stack_add_named (self->pages, self->dashboard_page, "dashboard");
  self->goals_page = attain_goals_page_new (context);
  gtk_stack_add_named (self->pages, self->goals_page, "goals");
  self->review_page = attain_review_page_new (context);
  gtk_stack_add_named (self->pages, self->review_page, "reviews");
  gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, 0));

  if (attain_db_is_empty (attain_context_get_db (context)))
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "main");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.create-demo", FALSE);
    }

  if (attain_context_get_settings (context) != NULL)
    {
      GSettings *settings = attain_context_get_settings (context);
      g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
    }
  return self;
}

AttainDashboardPage *
attain_window_get_dashboard_page (AttainWindow *self)
{
  g_return_val_if_fail (ATTAIN_IS_WINDOW (self), NULL);
  return self->dashboard_page ? ATTAIN_DASHBOARD_PAGE (self->dashboard_page) : NULL;
}

const char *
attain_window_get_visible_page (AttainWindow *self)
{
  const char *name;

  g_return_val_if_fail (ATTAIN_IS_WINDOW (self), NULL);
  name = gtk_stack_get_visible_child_name (self->stack);
  return g_strcmp0 (name, "main") == 0 ? gtk_stack_get_visible_child_name (self->pages) : name;
}

AttainReviewPage *
attain_window_get_review_page (AttainWindow *self)
{
  g_return_val_if_fail (ATTAIN_IS_WINDOW (self), NULL);
  return self->review_page ? ATTAIN_REVIEW_PAGE (self->review_page) : NULL;
}

AttainGoalsPage *
attain_window_get_goals_page (AttainWindow *self)
{
  g_return_val_if_fail (ATTAIN_IS_WINDOW (self), NULL);
  return self->goals_page ? ATTAIN_GOALS_PAGE (self->goals_page) : NULL;
}

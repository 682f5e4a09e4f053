/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-window.h"

#include "attain-accessible.h"

#include "model/attain-loader.h"

#include <glib/gi18n.h>

#include "attain-goals-page.h"
#include "attain-import-dialog.h"
#include "attain-evaluation-page.h"
#include "attain-pay-page.h"
#include "attain-people-page.h"
#include "attain-record-dialog.h"
#include "attain-settings-window.h"
#include "model/attain-settings.h"
#include "attain-review-page.h"
#include "model/attain-data-export.h"
#include "model/attain-demo.h"

struct _AttainWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  GtkButton       *create_demo_button;
  GtkProgressBar  *demo_progress;
  AdwStatusPage   *error_page;
  AdwLeaflet      *leaflet;
  GtkStack        *pages;
  GtkListBox      *sidebar;
  GtkStack        *stack;
  AdwToastOverlay *toast_overlay;

  /* Owned references */
  AttainContext *context;
  GtkWidget     *dashboard_page;
  GtkWidget     *goals_page;
  GtkWidget     *review_page;
  GtkWidget     *people_page;
  GtkWidget     *evaluation_page;
  GtkWidget     *pay_page;
  guint          progress_source;
  gint           demo_permille;    /* written by the demo thread, polled by a timeout */
  gboolean       close_anyway;     /* the user chose to close with unsaved review text */
  GCancellable  *check;            /* the file's quick_check, running after the first frame */
  GCancellable  *demo_cancellable; /* the demo company being created, while it is */
  GtkButton     *demo_cancel_button;
  char          *damage; /* what quick_check found, or "" once it found nothing */
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
demo_progress_cb (double fraction, gpointer user_data)
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
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainDb) db = attain_db_open (job->path, &error);
  AttainDemoOptions options;

  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  attain_demo_options_init (&options, &job->today);
  options.cancellable = cancellable;
  if (!attain_demo_generate (db, &options, demo_progress_cb, job->permille, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static gboolean
update_progress_cb (gpointer user_data)
{
  AttainWindow *self = user_data;

  gtk_progress_bar_set_fraction (self->demo_progress,
                                 g_atomic_int_get (&self->demo_permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
create_demo_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AttainWindow *self = ATTAIN_WINDOW (source);
  g_autoptr (GError) error = NULL;

  g_clear_handle_id (&self->progress_source, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->demo_progress), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->demo_cancel_button), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.create-demo", TRUE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Stopped by Cancel: the company was one transaction, rolled back whole. */
      gboolean cancelled = g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result)));
      adw_toast_overlay_add_toast (
          self->toast_overlay,
          adw_toast_new (cancelled ? _ ("The demo company was not created: nothing was written.")
                                   : error->message));
      g_clear_object (&self->demo_cancellable);
      return;
    }
  g_clear_object (&self->demo_cancellable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.create-demo", FALSE);
  gtk_stack_set_visible_child_name (self->stack, "main");
}

static void
create_demo_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainWindow *self = ATTAIN_WINDOW (widget);
  g_autoptr (GTask) task = NULL;
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
  g_clear_object (&self->demo_cancellable);
  self->demo_cancellable = g_cancellable_new ();
  gtk_widget_set_visible (GTK_WIDGET (self->demo_cancel_button), TRUE);
  task = g_task_new (self, self->demo_cancellable, create_demo_done_cb, NULL);
  g_task_set_source_tag (task, create_demo_action);
  g_task_set_task_data (task, job, (GDestroyNotify) demo_job_free);
  g_task_run_in_thread (task, create_demo_in_thread);
}

static void
cancel_demo_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainWindow *self = ATTAIN_WINDOW (widget);

  if (self->demo_cancellable != NULL)
    g_cancellable_cancel (self->demo_cancellable);
}

static void
on_is_active_cb (GtkWindow *window, GParamSpec *pspec, AttainContext *context)
{
  if (gtk_window_is_active (window))
    attain_context_check_file (context);
}

static void
show_main_if_filled (AttainWindow *self, guint changes)
{
  /* Review text, saved as it is typed, touches nothing shown here: no reload while typing. */
  if ((changes & ~ATTAIN_DB_CHANGE_REVIEWS) == 0)
    return;
  if (self->context == NULL || attain_db_is_empty (attain_context_get_db (self->context)))
    return;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.create-demo", FALSE);
  gtk_stack_set_visible_child_name (self->stack, "main");
}

static void
on_imported_cb (AttainWindow *self)
{
  show_main_if_filled (self, ATTAIN_DB_CHANGE_ALL);
}

/* Opens the mapping step for a file; tests call it directly, the file chooser below does for
 * the director. */
GtkWidget *
attain_window_open_import (AttainWindow *self, AttainImportKind kind, const char *path)
{
  GtkWidget *dialog;

  g_return_val_if_fail (ATTAIN_IS_WINDOW (self), NULL);
  dialog = attain_import_dialog_new (GTK_WINDOW (self), self->context, kind, path);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
import_response_cb (GtkNativeDialog *chooser, int response, AttainWindow *self)
{
  AttainImportKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "kind"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      if (path != NULL)
        attain_window_open_import (self, kind, path);
    }
  g_object_unref (chooser);
}

static void
import_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainWindow         *self = ATTAIN_WINDOW (widget);
  AttainImportKind      kind;
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) sheets = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();
  g_autofree char *title = NULL;

  if (self->context == NULL
      || !attain_import_kind_from_string (g_variant_get_string (parameter, NULL), &kind))
    return;
  title = g_strdup_printf (_ ("Import %s"), attain_import_kind_label (kind));
  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _ ("_Open"), _ ("_Cancel"));
  gtk_file_filter_set_name (sheets, _ ("Spreadsheets (CSV, Excel)"));
  gtk_file_filter_add_suffix (sheets, "csv");
  gtk_file_filter_add_suffix (sheets, "txt");
  gtk_file_filter_add_suffix (sheets, "xlsx");
  gtk_file_filter_add_mime_type (sheets, "text/csv");
  gtk_file_filter_add_mime_type (
      sheets, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), sheets);
  gtk_file_filter_set_name (all, _ ("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_object_set_data (G_OBJECT (chooser), "kind", GINT_TO_POINTER (kind));
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
undo_import_confirmed_cb (AdwMessageDialog *dialog, const char *response, AttainWindow *self)
{
  g_autoptr (GError) error = NULL;
  gint64 id;

  if (g_strcmp0 (response, "undo") != 0)
    return;
  if (!attain_import_undo_last (attain_context_get_db (self->context), &id, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_ ("The last import was undone.")));
  /* Undoing the organisation of a new file leaves it empty again. */
  if (attain_db_is_empty (attain_context_get_db (self->context)))
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.create-demo", TRUE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
}

static void
undo_import_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainWindow    *self = ATTAIN_WINDOW (widget);
  g_autofree char *file = NULL, *at = NULL, *body = NULL;
  AttainImportKind kind;
  guint            added, updated;
  GtkWidget       *dialog;

  if (self->context == NULL)
    return;
  if (!attain_import_last (attain_context_get_db (self->context), &kind, &file, &at, &added,
                           &updated))
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_ ("There is no import to undo: the last one was "
                                                     "undone already, or nothing was imported.")));
      return;
    }
  /* Translators: %s are the kind (Deals), the file name and when it was imported */
  body = g_strdup_printf (
      _ ("%s from “%s”, imported %s: its %u added records are removed and its %u updated "
         "records get their earlier values back."),
      attain_import_kind_label (kind), file, at, added, updated);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _ ("Undo the Last Import?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "undo",
                                    _ ("_Undo Import"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "undo",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (undo_import_confirmed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  char *db_path;
  char *destination;
} BackupJob;

static void
backup_job_free (BackupJob *job)
{
  g_free (job->db_path);
  g_free (job->destination);
  g_free (job);
}

static void
backup_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  BackupJob *job = task_data;
  g_autoptr (GError) error = NULL;
  /* Its own read connection: the copy is consistent while the window goes on writing. */
  g_autoptr (AttainDb) db = attain_db_open_reader (job->db_path, &error);

  if (db == NULL || !attain_db_backup (db, job->destination, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
backup_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AttainWindow *self = ATTAIN_WINDOW (source);
  BackupJob    *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    message = g_strdup (error->message);
  else
    message = g_strdup_printf (_ ("Backed up to %s."), job->destination);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
backup_response_cb (GtkNativeDialog *chooser, int response, AttainWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr (GTask) task = g_task_new (self, NULL, backup_done_cb, NULL);
      BackupJob *job = g_new0 (BackupJob, 1);

      job->db_path = g_strdup (attain_context_get_db_path (self->context));
      job->destination = g_file_get_path (file);
      g_task_set_task_data (task, job, (GDestroyNotify) backup_job_free);
      g_task_run_in_thread (task, backup_in_thread);
    }
  g_object_unref (chooser);
}

static void
backup_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainWindow         *self = ATTAIN_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: suggested file name of a backup, %s is today's date */
  g_autofree char *name = g_strdup_printf (_ ("attain-backup-%s.db"), stamp);

  if (self->context == NULL)
    return;
  chooser
      = gtk_file_chooser_native_new (_ ("Back Up"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                     _ ("_Back Up"), _ ("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (backup_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
restore_confirmed_cb (AdwMessageDialog *dialog, const char *response, AttainWindow *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");
  g_autoptr (GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "restore") != 0)
    return;
  if (!attain_db_restore (attain_context_get_db (self->context), path, &kept, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  message = g_strdup_printf (_ ("Restored. The data it replaced was kept in %s."), kept);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  show_main_if_filled (self, ATTAIN_DB_CHANGE_ALL);
}

static void
restore_response_cb (GtkNativeDialog *chooser, int response, AttainWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr (GError) error = NULL;
      GtkWidget *dialog;

      /* Check the file before asking: a damaged or foreign file is refused right away. */
      if (path == NULL || !attain_db_check_file (path, &error))
        {
          adw_toast_overlay_add_toast (
              self->toast_overlay,
              adw_toast_new (error ? error->message : _ ("The file cannot be read.")));
          g_object_unref (chooser);
          return;
        }
      dialog = adw_message_dialog_new (
          GTK_WINDOW (self), _ ("Replace All Data With the Backup?"),
          _ ("Every goal, result and review in this file is replaced by the backup’s. "
             "The current data is kept as a copy beside the file."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"),
                                        "restore", _ ("_Restore"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_object_set_data_full (G_OBJECT (dialog), "path", g_steal_pointer (&path), g_free);
      g_signal_connect_object (dialog, "response", G_CALLBACK (restore_confirmed_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  g_object_unref (chooser);
}

static void
restore_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainWindow         *self = ATTAIN_WINDOW (widget);
  GtkFileChooserNative *chooser;

  if (self->context == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_ ("Restore From Backup"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), _ ("_Cancel"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_response_cb (GtkNativeDialog *chooser, int response, AttainWindow *self)
{
  AttainTable *table = g_object_get_data (G_OBJECT (chooser), "table");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr (GError) error = NULL;
      g_autofree char *message = NULL;
      gboolean         xlsx = path != NULL && g_str_has_suffix (path, ".xlsx");

      if (path == NULL
          || !(xlsx ? attain_table_write_xlsx (table, path, &error)
                    : attain_table_write_csv (table, path, &error)))
        message = g_strdup (error ? error->message : _ ("The file cannot be written there."));
      else
        {
          g_autofree char *cut = xlsx ? attain_table_cut_notice (table) : NULL;
          g_autofree char *exported = g_strdup_printf (_ ("Exported to %s."), path);
          message = cut ? g_strconcat (exported, " ", cut, NULL) : g_steal_pointer (&exported);
        }
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
    }
  g_object_unref (chooser);
}

/* Asks where to save a table and writes it as Excel when the name ends in .xlsx, else as CSV;
 * takes the table. */
void
attain_window_export_table (AttainWindow *self, AttainTable *table, const char *suggested_name)
{
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) xlsx = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) csv = gtk_file_filter_new ();

  g_return_if_fail (ATTAIN_IS_WINDOW (self));
  chooser = gtk_file_chooser_native_new (
      _ ("Export"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));
  gtk_file_filter_set_name (xlsx, _ ("Excel (.xlsx)"));
  gtk_file_filter_add_suffix (xlsx, "xlsx");
  gtk_file_filter_set_name (csv, _ ("CSV (.csv)"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), xlsx);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  g_object_set_data_full (G_OBJECT (chooser), "table", table, (GDestroyNotify) attain_table_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainWindow *self = ATTAIN_WINDOW (widget);
  const char   *what = g_variant_get_string (parameter, NULL);
  g_autoptr (GError) error = NULL;
  AttainTable *table;

  if (self->context == NULL)
    return;
  table = g_str_equal (what, "deals")
              ? attain_export_deals (attain_context_get_db (self->context), &error)
              : attain_export_org (attain_context_get_db (self->context), &error);
  if (table == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  /* Translators: suggested file names of exports */
  attain_window_export_table (
      self, table, g_str_equal (what, "deals") ? _ ("deals.xlsx") : _ ("organisation.xlsx"));
}

static void
settings_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainWindow *self = ATTAIN_WINDOW (widget);

  if (self->context == NULL || attain_db_is_empty (attain_context_get_db (self->context)))
    return;
  gtk_window_present (GTK_WINDOW (attain_settings_window_new (GTK_WINDOW (self), self->context)));
}

static void
add_record_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainWindow *self = ATTAIN_WINDOW (widget);

  if (self->context == NULL || attain_db_is_empty (attain_context_get_db (self->context)))
    return;
  gtk_window_present (GTK_WINDOW (attain_record_dialog_new (GTK_WINDOW (self), self->context)));
}

static void
setup_validate (AdwMessageDialog *dialog)
{
  GtkEditable     *company = g_object_get_data (G_OBJECT (dialog), "company");
  GtkEditable     *team = g_object_get_data (G_OBJECT (dialog), "team");
  g_autofree char *c = g_strstrip (g_strdup (gtk_editable_get_text (company)));
  g_autofree char *t = g_strstrip (g_strdup (gtk_editable_get_text (team)));
  adw_message_dialog_set_response_enabled (dialog, "create", *c != '\0' && *t != '\0');
}

static void
setup_response_cb (AdwMessageDialog *dialog, const char *response, AttainWindow *self)
{
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "create") != 0)
    return;
  if (!attain_setup_company (
          attain_context_get_db (self->context),
          gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "company")),
          gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "region")),
          gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "team")), &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  show_main_if_filled (self, ATTAIN_DB_CHANGE_ALL);
  /* Next come the people: the page where they are added, and the settings. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", "people");
  gtk_widget_activate_action (GTK_WIDGET (self), "win.settings", NULL);
}

/* "Set Up by Hand": the company, its first region and team; people are then added on the
 * People page. */
GtkWidget *
attain_window_setup_by_hand (AttainWindow *self)
{
  GtkWidget  *dialog, *box;
  const char *labels[] = { N_ ("Company name"), N_ ("First region (optional)"), N_ ("First team") };
  const char *keys[] = { "company", "region", "team" };

  g_return_val_if_fail (ATTAIN_IS_WINDOW (self), NULL);
  if (self->context == NULL || !attain_db_is_empty (attain_context_get_db (self->context)))
    return NULL;
  dialog = adw_message_dialog_new (
      GTK_WINDOW (self), _ ("Set Up Your Company"),
      _ ("Start with the company and one team; add people, more teams and regions on the "
         "People page, and choose the currency and fiscal year in Settings."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkWidget *entry = gtk_entry_new ();
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _ (labels[i]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ (labels[i]), -1);
      gtk_box_append (GTK_BOX (box), entry);
      g_object_set_data (G_OBJECT (dialog), keys[i], entry);
      g_signal_connect_swapped (entry, "changed", G_CALLBACK (setup_validate), dialog);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "create",
                                    _ ("C_reate"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  setup_validate (ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (setup_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
setup_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  attain_window_setup_by_hand (ATTAIN_WINDOW (widget));
}

/* A page by its name, built and added on first use. */
static GtkWidget *
ensure_page (AttainWindow *self, const char *name)
{
  GtkWidget **slot = g_str_equal (name, "goals")        ? &self->goals_page
                     : g_str_equal (name, "reviews")    ? &self->review_page
                     : g_str_equal (name, "evaluation") ? &self->evaluation_page
                     : g_str_equal (name, "pay")        ? &self->pay_page
                     : g_str_equal (name, "people")     ? &self->people_page
                                                        : NULL;

  if (self->context == NULL)
    return NULL;
  if (slot == NULL)
    return gtk_stack_get_child_by_name (self->pages, name);
  if (*slot == NULL)
    {
      *slot = g_str_equal (name, "goals")        ? attain_goals_page_new (self->context)
              : g_str_equal (name, "reviews")    ? attain_review_page_new (self->context)
              : g_str_equal (name, "evaluation") ? attain_evaluation_page_new (self->context)
              : g_str_equal (name, "pay")        ? attain_pay_page_new (self->context)
                                                 : attain_people_page_new (self->context);
      gtk_stack_add_named (self->pages, *slot, name);
      attain_accessible_name_controls (*slot);
    }
  return *slot;
}

static void
print_review_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  GtkWidget *page = ensure_page (ATTAIN_WINDOW (widget), "reviews");

  if (page != NULL)
    attain_review_page_print (ATTAIN_REVIEW_PAGE (page));
}

static void
show_page_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainWindow *self = ATTAIN_WINDOW (widget);
  const char   *name = g_variant_get_string (parameter, NULL);

  if (ensure_page (self, name) == NULL)
    return;
  gtk_stack_set_visible_child_name (self->pages, name);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (row));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_sidebar_row_activated_cb (AttainWindow *self, GtkListBoxRow *row)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s",
                              gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
attain_window_dispose (GObject *object)
{
  AttainWindow *self = ATTAIN_WINDOW (object);

  g_clear_handle_id (&self->progress_source, g_source_remove);
  /* What was typed is written now, even if a load still holds the page for a moment longer. */
  if (self->review_page != NULL && self->context != NULL)
    attain_review_page_flush (ATTAIN_REVIEW_PAGE (self->review_page));
  g_cancellable_cancel (self->check);
  g_clear_object (&self->check);
  g_clear_object (&self->demo_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATTAIN_TYPE_WINDOW);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (attain_window_parent_class)->dispose (object);
}

static void
attain_window_finalize (GObject *object)
{
  g_free (ATTAIN_WINDOW (object)->damage);
  G_OBJECT_CLASS (attain_window_parent_class)->finalize (object);
}

static void
close_unsaved_response_cb (AdwMessageDialog *dialog, const char *response, AttainWindow *self)
{
  if (g_str_equal (response, "close"))
    {
      self->close_anyway = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

/* Never closes silently with review text that could not be saved: the last save is tried
 * once more, and if the file still refuses it, the user decides. */
static gboolean
attain_window_close_request (GtkWindow *window)
{
  AttainWindow     *self = ATTAIN_WINDOW (window);
  const char       *reason = NULL;
  AdwMessageDialog *dialog;

  if (self->close_anyway || self->review_page == NULL)
    return GTK_WINDOW_CLASS (attain_window_parent_class)->close_request (window);
  attain_review_page_flush (ATTAIN_REVIEW_PAGE (self->review_page));
  if (!attain_review_page_has_unsaved (ATTAIN_REVIEW_PAGE (self->review_page), &reason))
    return GTK_WINDOW_CLASS (attain_window_parent_class)->close_request (window);

  dialog = ADW_MESSAGE_DIALOG (
      adw_message_dialog_new (window, _ ("Some Review Text Is Not Saved"), NULL));
  adw_message_dialog_format_body (
      ADW_MESSAGE_DIALOG (dialog),
      _ ("What you typed in a review could not be saved: %s If you close now, it is lost. "
         "Keep the window open to try again, or copy the text elsewhere."),
      reason ? reason : "");
  adw_message_dialog_add_responses (dialog, "keep", _ ("_Keep Open"), "close",
                                    _ ("_Close and Lose It"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "close", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_unsaved_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
attain_window_class_init (AttainWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = attain_window_dispose;
  G_OBJECT_CLASS (klass)->finalize = attain_window_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = attain_window_close_request;

  g_type_ensure (ATTAIN_TYPE_DASHBOARD_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/attain/Attain/ui/attain-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AttainWindow, create_demo_button);
  gtk_widget_class_bind_template_child (widget_class, AttainWindow, demo_progress);
  gtk_widget_class_bind_template_child (widget_class, AttainWindow, demo_cancel_button);
  gtk_widget_class_bind_template_child (widget_class, AttainWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, AttainWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AttainWindow, pages);
  gtk_widget_class_bind_template_child (widget_class, AttainWindow, sidebar);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, AttainWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AttainWindow, toast_overlay);

  gtk_widget_class_install_action (widget_class, "win.create-demo", NULL, create_demo_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-demo", NULL, cancel_demo_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.print-review", NULL, print_review_action);
  gtk_widget_class_install_action (widget_class, "win.import", "s", import_action);
  gtk_widget_class_install_action (widget_class, "win.undo-import", NULL, undo_import_action);
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "win.settings", NULL, settings_action);
  gtk_widget_class_install_action (widget_class, "win.add-record", NULL, add_record_action);
  gtk_widget_class_install_action (widget_class, "win.setup", NULL, setup_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK,
                                       "win.settings", NULL);
  gtk_widget_class_install_action (widget_class, "win.backup", NULL, backup_action);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, restore_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-page", "s",
                                       "dashboard");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-page", "s",
                                       "goals");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-page", "s",
                                       "reviews");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-page", "s",
                                       "people");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK, "win.show-page", "s",
                                       "evaluation");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_6, GDK_ALT_MASK, "win.show-page", "s",
                                       "pay");
}

static void
attain_window_init (AttainWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  attain_accessible_name_controls (GTK_WIDGET (self));
}

static void
damaged_response_cb (AdwMessageDialog *dialog, const char *response, AttainWindow *self)
{
  if (g_str_equal (response, "restore"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.restore", NULL);
}

static void
check_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  /* Held weakly: a check still reading must not keep a closed window (and the review text it
   * writes when it goes) alive. */
  GWeakRef *weak = user_data;
  g_autoptr (AttainWindow) self = g_weak_ref_get (weak);
  g_autoptr (GError) error = NULL;
  g_autofree char *problems = attain_db_check_finish (result, &error);
  g_autofree char *body = NULL;
  GtkWidget       *dialog;

  g_weak_ref_clear (weak);
  g_free (weak);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || self->context == NULL)
    return;
  g_clear_object (&self->check);
  /* A check that could not run (the file went away) says that instead. */
  self->damage = g_strdup (problems ? problems : error->message);
  if (self->damage[0] == '\0')
    return;
  body = g_strdup_printf (_ ("SQLite found damaged pages in “%s”, so some figures or reviews may "
                             "be wrong or missing. Restore the latest backup (the data it "
                             "replaces is kept). What SQLite found:\n%s"),
                          attain_context_get_db_path (self->context), self->damage);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _ ("This File Is Damaged"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"), "restore",
                                    _ ("_Restore from a Backup…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (damaged_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Once the window is on screen: the check reads the whole file, which takes seconds on a large
 * one, so it never delays the first frame. */
static void
on_map_check_cb (AttainWindow *self)
{
  GWeakRef *weak;

  if (self->context == NULL || self->check != NULL || self->damage != NULL)
    return;
  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  self->check = g_cancellable_new ();
  attain_db_check_async (attain_context_get_db_path (self->context), self->check, check_done_cb,
                         weak);
}

/* What the background check found: NULL while it runs, "" for a sound file. */
const char *
attain_window_get_damage (AttainWindow *self)
{
  g_return_val_if_fail (ATTAIN_IS_WINDOW (self), NULL);
  return self->damage;
}

AttainWindow *
attain_window_new (AdwApplication *application, AttainContext *context, const char *open_error)
{
  AttainWindow *self = g_object_new (ATTAIN_TYPE_WINDOW, "application", application, NULL);

  if (context == NULL)
    {
      /* What went wrong, then what to do about it. */
      g_autofree char *text
          = g_strdup_printf ("%s\n\n%s", open_error ? open_error : "",
                             _ ("Start Attain with --database FILE to open another file, or "
                                "check that the folder exists and can be written."));
      adw_status_page_set_description (self->error_page, text);
      gtk_stack_set_visible_child_name (self->stack, "error");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.create-demo", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);
      return self;
    }

  self->context = g_object_ref (context);
  self->dashboard_page = attain_dashboard_page_new (context);
  gtk_stack_add_named (self->pages, self->dashboard_page, "dashboard");
  attain_accessible_name_controls (self->dashboard_page);
  /* The other pages are built the first time they are shown: the first frame only needs the
   * dashboard. */
  gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, 0));

  if (attain_db_is_empty (attain_context_get_db (context)))
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "main");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.create-demo", FALSE);
    }

  /* Writes by attain-cli or another process show up when the window gains focus, or within
   * a few seconds. */
  attain_context_watch_file (context);
  g_signal_connect_object (self, "notify::is-active", G_CALLBACK (on_is_active_cb), context, 0);
  g_signal_connect_object (context, "changed", G_CALLBACK (show_main_if_filled), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (on_map_check_cb), NULL);

  if (attain_context_get_settings (context) != NULL)
    {
      GSettings *settings = attain_context_get_settings (context);
      g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
    }
  return self;
}

/* A notice that stays until dismissed: what holds for as long as the file is open. */
void
attain_window_add_lasting_toast (AttainWindow *self, const char *text)
{
  AdwToast *toast;

  g_return_if_fail (ATTAIN_IS_WINDOW (self));
  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A one-line notice at the bottom of the window, such as what was done on opening the file. */
void
attain_window_add_toast (AttainWindow *self, const char *text)
{
  g_return_if_fail (ATTAIN_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
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
  return self->context ? ATTAIN_REVIEW_PAGE (ensure_page (self, "reviews")) : NULL;
}

AttainPayPage *
attain_window_get_pay_page (AttainWindow *self)
{
  g_return_val_if_fail (ATTAIN_IS_WINDOW (self), NULL);
  return self->context ? ATTAIN_PAY_PAGE (ensure_page (self, "pay")) : NULL;
}

AttainEvaluationPage *
attain_window_get_evaluation_page (AttainWindow *self)
{
  g_return_val_if_fail (ATTAIN_IS_WINDOW (self), NULL);
  return self->context ? ATTAIN_EVALUATION_PAGE (ensure_page (self, "evaluation")) : NULL;
}

AttainPeoplePage *
attain_window_get_people_page (AttainWindow *self)
{
  g_return_val_if_fail (ATTAIN_IS_WINDOW (self), NULL);
  return self->context ? ATTAIN_PEOPLE_PAGE (ensure_page (self, "people")) : NULL;
}

AttainGoalsPage *
attain_window_get_goals_page (AttainWindow *self)
{
  g_return_val_if_fail (ATTAIN_IS_WINDOW (self), NULL);
  return self->context ? ATTAIN_GOALS_PAGE (ensure_page (self, "goals")) : NULL;
}

/* NULL when the window shows why its file could not be opened. */
AttainContext *
attain_window_get_context (AttainWindow *self)
{
  g_return_val_if_fail (ATTAIN_IS_WINDOW (self), NULL);
  return self->context;
}

/* Whether the sidebar is folded away (the window too narrow for it beside the page). */
gboolean
attain_window_is_folded (AttainWindow *self)
{
  g_return_val_if_fail (ATTAIN_IS_WINDOW (self), FALSE);
  return adw_leaflet_get_folded (self->leaflet);
}

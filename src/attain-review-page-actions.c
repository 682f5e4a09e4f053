/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The review page's actions on a whole review: agreeing a next goal, sign-off, print and PDF,
 * for one person or the team. Documents are gathered and laid out on a worker; only the print dialog is the window's. */
#include "attain-review-page-private.h"

#include <glib/gi18n.h>

#include "attain-document-print.h"
#include "attain-person-chooser.h"
#include "model/attain-lock-exception.h"
#include "model/attain-private-file.h"
#include "report/attain-review-report.h"

void
attain_review_page_toast (AttainReviewPage *self, const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* An agreed goal enters the goal tree at once: written here, then the sheet is read again. */
static void
on_add_goal_cb (AttainReviewPage *self, const char *metric, const char *target)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainReview) review = NULL;
  AttainDb *db = attain_context_get_db (self->context);

  attain_review_page_flush (self);
  review = attain_review_open (db, self->person_id, &self->period, &error);
  if (review != NULL)
    attain_review_add_next_goal (db, review, metric, target, &error);
  attain_review_goals_section_added (self->goals_section, error);
  if (error == NULL)
    attain_review_page_load (self);
}

static void
on_remove_goal_cb (AttainReviewPage *self, gint64 goal_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainReview) review = NULL;
  AttainDb *db = attain_context_get_db (self->context);

  attain_review_page_flush (self);
  review = attain_review_open (db, self->person_id, &self->period, &error);
  if (review != NULL)
    attain_review_remove_next_goal (db, review, goal_id, &error);
  attain_review_goals_section_added (self->goals_section, error);
  attain_review_page_load (self);
}

static void
add_next_goal_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gtk_widget_activate_action (GTK_WIDGET (ATTAIN_REVIEW_PAGE (widget)->goals_section),
                              "goals-section.add", NULL);
}

/* Last period's plan marked at this meeting: the audited follow-up of a signed-off review. */
static void
on_follow_up_cb (AttainReviewPage *self, gint64 review_id, guint position, guint status)
{
  g_autoptr (GError) error = NULL;

  if (!attain_review_follow_up_milestone (attain_context_get_db (self->context), review_id,
                                          position, status, &error))
    {
      attain_review_page_toast (self, error->message);
      attain_review_page_load (self);
    }
}

/* What can be done now: a signed-off review is read, not edited; one batch at a time. */
void
attain_review_page_update_state (AttainReviewPage *self)
{
  gboolean         locked = attain_review_sheet_is_locked (self->sheet);
  gboolean         open = self->person_id != 0 && self->sheet != NULL;
  gboolean         idle = self->batch == NULL;
  g_autofree char *status = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.sign-off", open && !locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.print", open && idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.print-to-file", open && idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.export-pdf", open && idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.print-team", open && idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.export-team", open && idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.export-team-to", open && idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.cancel-batch", !idle);
  gtk_widget_set_sensitive (GTK_WIDGET (self->form_box), !self->loading);
  if (locked)
    status = g_strdup_printf (
        _ ("Signed off on %s. The review is locked; the next review picks up from here."),
        self->sheet->review->signed_off_at);
  else
    status = g_strdup (_ ("Draft. Everything is saved as you type."));
  gtk_label_set_label (self->status_label, status);
}

static void
sign_off_response_cb (AdwMessageDialog *dialog, const char *response, AttainReviewPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainReview) review = NULL;
  AttainDb *db = attain_context_get_db (self->context);
  GDate     today;

  if (!g_str_equal (response, "sign-off"))
    return;
  attain_review_page_flush (self);
  attain_context_get_today (self->context, &today);
  review = attain_review_open (db, self->person_id, &self->period, &error);
  if (review == NULL || !attain_review_sign_off (db, review, &today, &error))
    {
      attain_review_page_toast (self, error->message);
      return;
    }
  attain_review_page_load (self);
}

static void
sign_off_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainReviewPage *self = ATTAIN_REVIEW_PAGE (widget);
  GtkWidget        *dialog;

  /* Signing off cannot be undone, so it asks once. */
  dialog = adw_message_dialog_new (
      GTK_WINDOW (gtk_widget_get_root (widget)), _ ("Sign Off the Review?"),
      _ ("After sign-off the review is locked: notes, plan and goals can no longer "
         "be changed."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"),
                                    "sign-off", _ ("_Sign Off"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "sign-off",
                                              ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (sign_off_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* What a batch does with its documents once the worker has them. */
typedef struct
{
  AttainReviewPage *page;
  char             *pdf_path;  /* one PDF of all the documents, or NULL */
  char             *directory; /* written by the worker, or NULL */
  char             *print_to;  /* print without the dialog to this file (tests, scripts) */
  char             *title;
} Batch;

static void
batch_free (Batch *batch)
{
  g_object_unref (batch->page);
  g_free (batch->pdf_path);
  g_free (batch->directory);
  g_free (batch->print_to);
  g_free (batch->title);
  g_free (batch);
}

static gboolean
progress_tick_cb (gpointer data)
{
  AttainReviewPage *self = data;

  if (self->batch == NULL)
    {
      self->progress_source = 0;
      return G_SOURCE_REMOVE;
    }
  gtk_progress_bar_set_fraction (self->progress_bar, g_atomic_int_get (&self->progress) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
batch_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Batch            *batch = user_data;
  AttainReviewPage *self = batch->page;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) documents = attain_review_documents_finish (result, &error);
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));

  g_clear_object (&self->batch);
  /* The window was closed meanwhile: nothing left to show it in. */
  if (self->context == NULL)
    {
      batch_free (batch);
      return;
    }
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  attain_review_page_update_state (self);
  if (documents == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        attain_review_page_toast (self, error->message);
    }
  else if (batch->directory != NULL)
    {
      /* Translators: %s is a folder */
      g_autofree char *message
          = g_strdup_printf (_ ("The team's reviews are in “%s”"), batch->directory);
      attain_review_page_toast (self, message);
    }
  else if (batch->pdf_path != NULL)
    {
      g_autofree char *base = g_path_get_basename (batch->pdf_path);
      g_autofree char *message = g_strdup_printf (_ ("Saved “%s”"), base);
      attain_review_page_toast (self, message);
    }
  /* One print job for the whole batch: one dialog, also inside a sandbox. */
  else if (!attain_document_print_run (documents, batch->title, window,
                                       GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, batch->print_to,
                                       FALSE, &error))
    attain_review_page_toast (self, error->message);
  batch_free (batch);
}

/* One person's review, or (@team) everyone's in that person's team, built off the main
 * thread; then printed, written as one PDF, or (with @directory) written one file each. */
static void
run_batch (AttainReviewPage *self,
           gboolean          team,
           const char       *pdf_path,
           const char       *directory,
           const char       *print_to)
{
  g_autoptr (GArray) people = NULL;
  Batch *batch;
  GDate  today;

  attain_review_page_flush (self);
  if (self->person_id == 0 || self->batch != NULL)
    return;
  if (!team)
    {
      people = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (people, self->person_id);
    }
  batch = g_new0 (Batch, 1);
  batch->page = g_object_ref (self);
  batch->pdf_path = g_strdup (pdf_path);
  batch->directory = g_strdup (directory);
  batch->print_to = g_strdup (print_to);
  batch->title = g_strdup (team ? _ ("Performance reviews") : _ ("Performance review"));
  /* A single review's PDF is titled with the name, as before. */
  if (pdf_path != NULL && !team)
    {
      g_free (batch->title);
      batch->title = g_strdup (attain_person_chooser_get_label (self->person_chooser));
    }
  self->batch = g_cancellable_new ();
  g_atomic_int_set (&self->progress, 0);
  attain_review_page_update_state (self);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, directory ? _ ("Writing the team's reviews…")
                                                           : _ ("Preparing the reviews…"));
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  self->progress_source = g_timeout_add (100, progress_tick_cb, self);
  attain_context_get_today (self->context, &today);
  attain_review_documents_async (attain_context_get_db_path (self->context), people,
                                 self->person_id, &self->period, &today, self->report_language,
                                 self->with_statement && directory == NULL, directory, pdf_path,
                                 batch->title, &self->progress, self->batch, batch_done_cb, batch);
}

static void
print_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  run_batch (ATTAIN_REVIEW_PAGE (widget), FALSE, NULL, NULL,
             parameter ? g_variant_get_string (parameter, NULL) : NULL);
}

/* Printing from elsewhere (the dashboard): the session's person and period, loaded or not. */
void
attain_review_page_print (AttainReviewPage *self)
{
  g_return_if_fail (ATTAIN_IS_REVIEW_PAGE (self));
  run_batch (self, FALSE, NULL, NULL, NULL);
}

static void
print_team_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  run_batch (ATTAIN_REVIEW_PAGE (widget), TRUE, NULL, NULL, NULL);
}

static void
export_pdf_response_cb (GtkNativeDialog *chooser, int response, AttainReviewPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      run_batch (self, FALSE, path, NULL, NULL);
    }
  g_object_unref (chooser);
}

static void
export_pdf_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainReviewPage     *self = ATTAIN_REVIEW_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autofree char      *period = attain_period_to_string (&self->period);
  g_autofree char      *person
      = attain_file_name_part (attain_person_chooser_get_label (self->person_chooser), 60);
  /* Translators: suggested file name of a review PDF, %s are the name and the period */
  g_autofree char *name = g_strdup_printf (_ ("review-%s-%s.pdf"), person, period);

  attain_review_page_flush (self);
  chooser
      = gtk_file_chooser_native_new (_ ("Export as PDF"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                     GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_pdf_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_team_response_cb (GtkNativeDialog *chooser, int response, AttainReviewPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (folder);
      run_batch (self, TRUE, NULL, path, NULL);
    }
  g_object_unref (chooser);
}

static void
export_team_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainReviewPage     *self = ATTAIN_REVIEW_PAGE (widget);
  GtkFileChooserNative *chooser;

  /* A folder given as parameter (tests, scripts) skips the chooser. */
  if (parameter != NULL)
    {
      run_batch (self, TRUE, NULL, g_variant_get_string (parameter, NULL), NULL);
      return;
    }
  chooser = gtk_file_chooser_native_new (
      _ ("Export the Team's Reviews"), GTK_WINDOW (gtk_widget_get_root (widget)),
      GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _ ("_Export"), _ ("_Cancel"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_team_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cancel_batch_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_cancellable_cancel (ATTAIN_REVIEW_PAGE (widget)->batch);
}

void
attain_review_page_class_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_add_goal_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_goal_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_follow_up_cb);
  gtk_widget_class_install_action (widget_class, "review.add-next-goal", NULL,
                                   add_next_goal_action);
  gtk_widget_class_install_action (widget_class, "review.sign-off", NULL, sign_off_action);
  gtk_widget_class_install_action (widget_class, "review.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "review.print-to-file", "s", print_action);
  gtk_widget_class_install_action (widget_class, "review.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "review.print-team", NULL, print_team_action);
  gtk_widget_class_install_action (widget_class, "review.export-team", NULL, export_team_action);
  gtk_widget_class_install_action (widget_class, "review.export-team-to", "s", export_team_action);
  gtk_widget_class_install_action (widget_class, "review.cancel-batch", NULL, cancel_batch_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "review.print",
                                       NULL);
}

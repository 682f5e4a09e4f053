/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saving the review form: what is typed becomes a draft at once (and goes into the journal
 * beside the database), is saved on a worker shortly after the last keystroke, and is saved
 * on this thread before printing, signing off or closing. */
#include "attain-review-page-private.h"

#include <glib/gi18n.h>

#define SAVE_DELAY_MS 400
#define RETRY_DELAY_MS 2000

static gboolean save_timeout_cb (gpointer data);

/* Hands what was typed since the last collect to the drafts of the review on screen. */
void
attain_review_page_collect_edits (AttainReviewPage *self)
{
  g_autoptr (GPtrArray) edits = g_ptr_array_new ();

  if (self->sheet == NULL)
    return;
  FOR_EACH_SECTION (self, section)
    attain_review_section_collect (section, edits);
  for (guint i = 0; i < edits->len; i++)
    attain_review_drafts_add (self->drafts, self->person_id, &self->period,
                              g_ptr_array_index (edits, i));
}

/* Every draft on disk at every change: a crash loses at most the keystroke being made. */
static void
write_journal (AttainReviewPage *self)
{
  g_autoptr (GError) error = NULL;

  if (!attain_review_drafts_write_journal (self->drafts, self->journal, &error)
      && !self->journal_failed)
    {
      /* Said once: saving to the database still goes on. */
      self->journal_failed = TRUE;
      attain_review_page_toast (self, error->message);
    }
}

static void
saved (AttainReviewPage *self, gboolean retry, const GError *error)
{
  gboolean left = attain_review_drafts_count (self->drafts) > 0;

  /* A failure is said when it is new, not at every retry. Another writer's text in between is
   * the director's choice: keep theirs by reloading, or keep this text over it. */
  if (error != NULL && g_error_matches (error, ATTAIN_REVIEW_ERROR, ATTAIN_REVIEW_ERROR_CHANGED)
      && g_strcmp0 (error->message, self->unsaved_reason) != 0)
    {
      AdwToast *toast = adw_toast_new (error->message);
      adw_toast_set_button_label (toast, _ ("_Keep My Text"));
      adw_toast_set_action_name (toast, "review.keep-my-text");
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  else if (error != NULL && g_strcmp0 (error->message, self->unsaved_reason) != 0)
    attain_review_page_toast (self, error->message);
  g_clear_pointer (&self->unsaved_reason, g_free);
  if (left)
    self->unsaved_reason = g_strdup (error ? error->message : "");
  write_journal (self);
  if (retry && self->save_source == 0)
    self->save_source = g_timeout_add (RETRY_DELAY_MS, save_timeout_cb, self);
}

/* Writes whatever was typed since the last save now, on this thread: before printing, signing
 * off or closing. Each field is its own small transaction. A save that fails stays a draft with
 * the text as typed: a busy file is retried shortly, a wrong value when it is next edited; the
 * window asks before closing with any draft left. */
void
attain_review_page_flush (AttainReviewPage *self)
{
  g_autoptr (GError) error = NULL;
  gboolean retry = FALSE;

  g_return_if_fail (ATTAIN_IS_REVIEW_PAGE (self));

  g_clear_handle_id (&self->save_source, g_source_remove);
  attain_review_page_collect_edits (self);
  if (attain_review_drafts_count (self->drafts) == 0)
    return;
  attain_review_drafts_save (self->drafts, attain_context_get_db (self->context), &retry, &error);
  saved (self, retry, error);
}

typedef struct
{
  char               *path;
  AttainReviewDrafts *sent; /* what went to the worker */
  AttainReviewDrafts *left; /* what it could not save */
  gboolean            retry;
  GError             *error;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_free (job->path);
  attain_review_drafts_free (job->sent);
  attain_review_drafts_free (job->left);
  g_clear_error (&job->error);
  g_free (job);
}

/* Its own connection: a busy file makes this thread wait out SQLite's timeout, not the window. */
static void
save_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  SaveJob *job = data;
  g_autoptr (AttainDb) db = attain_db_open (job->path, &job->error);

  if (db != NULL)
    attain_review_drafts_save (job->left, db, &job->retry, &job->error);
  else
    job->retry = TRUE;
  g_task_return_boolean (task, TRUE);
}

static void
save_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AttainReviewPage *self = ATTAIN_REVIEW_PAGE (source);
  SaveJob          *job = g_task_get_task_data (G_TASK (result));

  self->saving = FALSE;
  attain_review_drafts_forget_saved (self->drafts, job->sent, job->left);
  if (self->context != NULL) /* not closed meanwhile */
    saved (self, job->retry, job->error);
}

static void
save_in_background (AttainReviewPage *self)
{
  g_autoptr (GTask) task = NULL;
  SaveJob *job;

  attain_review_page_collect_edits (self);
  if (attain_review_drafts_count (self->drafts) == 0)
    return;
  job = g_new0 (SaveJob, 1);
  job->path = g_strdup (attain_context_get_db_path (self->context));
  job->sent = attain_review_drafts_copy (self->drafts);
  job->left = attain_review_drafts_copy (self->drafts);
  self->saving = TRUE;
  task = g_task_new (self, NULL, save_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (task, save_in_thread);
}

/* After a flush: whether something typed could not be saved, and why (for the closing window). */
gboolean
attain_review_page_has_unsaved (AttainReviewPage *self, const char **reason)
{
  g_return_val_if_fail (ATTAIN_IS_REVIEW_PAGE (self), FALSE);

  if (reason != NULL)
    *reason = self->unsaved_reason;
  return attain_review_drafts_count (self->drafts) > 0;
}

static gboolean
save_timeout_cb (gpointer data)
{
  AttainReviewPage *self = data;

  /* One save at a time; the next starts once this one is back. */
  if (self->saving)
    return G_SOURCE_CONTINUE;
  self->save_source = 0;
  save_in_background (self);
  return G_SOURCE_REMOVE;
}

/* Saved shortly after the last keystroke: nothing typed waits for a Save button. The draft is
 * in the journal at once. */
void
attain_review_page_on_section_changed (AttainReviewPage *self)
{
  if (self->closing)
    return;
  attain_review_page_collect_edits (self);
  write_journal (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

/* A save soon, unless one is already due. */
void
attain_review_page_schedule_save (AttainReviewPage *self)
{
  if (attain_review_drafts_count (self->drafts) > 0 && self->save_source == 0)
    self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

/* Text typed before the last run ended without saving it (a crash, a kill) is saved now. */
void
attain_review_page_open_journal (AttainReviewPage *self)
{
  self->journal = g_strconcat (attain_context_get_db_path (self->context), ".drafts", NULL);
  if (attain_review_drafts_read_journal (self->drafts, self->journal) == 0)
    return;
  attain_review_page_toast (self, _ ("Review text typed before Attain last closed was recovered "
                                     "and is being saved."));
  attain_review_page_schedule_save (self);
}

/* After "changed elsewhere": what was typed here is saved over the other version. */
static void
keep_my_text_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainReviewPage *self = ATTAIN_REVIEW_PAGE (widget);

  attain_review_drafts_overrule (self->drafts);
  g_clear_pointer (&self->unsaved_reason, g_free);
  attain_review_page_flush (self);
}

void
attain_review_page_class_saving (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "review.keep-my-text", NULL, keep_my_text_action);
}

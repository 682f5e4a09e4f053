/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-review-page.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "attain-chart-view.h"
#include "attain-org-item.h"
#include "model/attain-dashboard.h"
#include "attain-document-print.h"
#include "model/attain-i18n.h"
#include "model/attain-metrics.h"
#include "model/attain-private-file.h"
#include "report/attain-review-report.h"

#define SAVE_DELAY_MS 400

/* The text fields of the form, by the review field each one saves. */
static const char *text_fields[] = { "self_review", "strengths", "improvements", "employee_view", "training" };

struct _AttainReviewPage
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkStack        *content_stack;
  AttainChartView *funnel_chart;
  AdwPreferencesGroup *score_group;
  AttainChartView *trend_chart;
  AdwEntryRow     *interview_on_row;
  GtkLabel        *next_error;
  GtkListBox      *next_list;
  GtkDropDown     *next_metric;
  GtkEntry        *next_target;
  GtkButton       *period_button;
  GtkMenuButton   *person_button;
  GtkListView     *person_list;
  GtkPopover      *person_popover;
  GtkSearchEntry  *person_search;
  GtkListBox      *plan_list;
  AdwPreferencesGroup *previous_group;
  GtkProgressBar  *progress_bar;
  GtkRevealer     *progress_revealer;
  AdwPreferencesGroup *results_group;
  AdwEntryRow     *reviewer_row;
  GtkLabel        *status_label;
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkTextView     *views[G_N_ELEMENTS (text_fields)];

  /* Owned references */
  AttainContext   *context;
  AttainReview    *review;        /* NULL until the first save creates it */
  gint64           person_id;
  AttainPeriod     period;
  GHashTable      *dirty;         /* field name → TRUE, saved by the next timeout */
  gboolean         plan_dirty;
  GPtrArray       *pending;       /* PendingSave: typed text whose save failed, kept until it is saved */
  char            *unsaved_reason; /* why the last save failed, while something is pending */
  guint            save_source;
  GtkStringFilter *person_filter;
  GPtrArray       *dynamic_rows;  /* rows added to preference groups, removed on reload */
  gboolean         loading;       /* filling the form: changes are not edits */
  gboolean         busy;          /* a team batch is running */
  gint             progress;      /* done × 1000 / total, written by the batch thread */
  char            *report_language; /* "" for the UI's, else zh_CN, zh_TW or en */
};

G_DEFINE_FINAL_TYPE (AttainReviewPage, attain_review_page, GTK_TYPE_WIDGET)

/* What was typed for one field (or the whole plan) of one person's review in one period, as
 * it was when typed: switching person or reloading the page cannot change or drop it. */
typedef struct
{
  gint64        person_id;
  AttainPeriod  period;
  char         *field;      /* a review field, or NULL for the improvement plan */
  char         *value;
  GPtrArray    *milestones; /* the plan, when field is NULL */
} PendingSave;

static void
pending_save_free (PendingSave *save)
{
  g_free (save->field);
  g_free (save->value);
  g_clear_pointer (&save->milestones, g_ptr_array_unref);
  g_free (save);
}

/* Newer text for the same field of the same review replaces what was waiting. */
static void
add_pending (AttainReviewPage *self,
             const char       *field,
             char             *value,
             GPtrArray        *milestones)
{
  PendingSave *save = g_new0 (PendingSave, 1);

  for (guint i = self->pending->len; i > 0; i--)
    {
      PendingSave *old = g_ptr_array_index (self->pending, i - 1);
      if (old->person_id == self->person_id && attain_period_equal (&old->period, &self->period)
          && g_strcmp0 (old->field, field) == 0)
        g_ptr_array_remove_index (self->pending, i - 1);
    }
  save->person_id = self->person_id;
  save->period = self->period;
  save->field = g_strdup (field);
  save->value = value;
  save->milestones = milestones;
  g_ptr_array_add (self->pending, save);
}

enum
{
  PROP_0,
  PROP_CONTEXT,
  PROP_PERIOD_KIND,
  PROP_REPORT_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
toast (AttainReviewPage *self,
       const char       *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static GPtrArray *
collect_milestones (AttainReviewPage *self)
{
  GPtrArray *milestones = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_milestone_free);
  static const char *statuses[] = { "planned", "in_progress", "done", "missed" };

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->plan_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      GtkWidget *what = gtk_widget_get_first_child (box);
      GtkWidget *due = gtk_widget_get_next_sibling (what);
      GtkWidget *measure = gtk_widget_get_next_sibling (due);
      GtkWidget *status = gtk_widget_get_next_sibling (measure);
      const char *what_text = gtk_editable_get_text (GTK_EDITABLE (what));

      if (what_text[0] == '\0')
        continue;
      g_ptr_array_add (milestones,
                       attain_milestone_new (what_text, gtk_editable_get_text (GTK_EDITABLE (due)),
                                             gtk_editable_get_text (GTK_EDITABLE (measure)),
                                             statuses[MIN (gtk_drop_down_get_selected (GTK_DROP_DOWN (status)), 3)]));
    }
  return milestones;
}

static gboolean
ensure_review (AttainReviewPage  *self,
               GError           **error)
{
  if (self->review != NULL)
    return TRUE;
  /* Created on the first keystroke, so browsing people leaves no empty reviews behind. */
  self->review = attain_review_open (attain_context_get_db (self->context), self->person_id, &self->period, error);
  return self->review != NULL;
}

static gboolean save_timeout_cb (gpointer data);

#define RETRY_DELAY_MS 2000

/* Writes whatever was typed since the last save. Each field is its own small transaction. A
 * save that fails stays pending with the text as typed: a busy file is retried shortly, a wrong
 * value when it is next edited; the window asks before closing with anything pending. */
void
attain_review_page_flush (AttainReviewPage *self)
{
  AttainDb *db = attain_context_get_db (self->context);
  GHashTableIter iter;
  gpointer key;
  gboolean retry = FALSE, told = FALSE;

  g_return_if_fail (ATTAIN_IS_REVIEW_PAGE (self));

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_hash_table_iter_init (&iter, self->dirty);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *field = key;
      char *value = NULL;

      if (g_str_equal (field, "reviewer"))
        value = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reviewer_row)));
      else if (g_str_equal (field, "interview_on"))
        value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->interview_on_row))));
      else
        for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
          if (g_str_equal (field, text_fields[i]))
            value = view_text (self->views[i]);
      add_pending (self, field, value, NULL);
      g_hash_table_iter_remove (&iter);
    }
  if (self->plan_dirty)
    {
      add_pending (self, NULL, NULL, collect_milestones (self));
      self->plan_dirty = FALSE;
    }

  /* Bounded: one entry a field of each review touched since the last successful save. */
  for (guint i = 0; i < self->pending->len;)
    {
      PendingSave *save = g_ptr_array_index (self->pending, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(AttainReview) other = NULL;
      AttainReview *review;
      gboolean ok;

      if (save->person_id == self->person_id && attain_period_equal (&save->period, &self->period))
        review = ensure_review (self, &error) ? self->review : NULL;
      else
        review = other = attain_review_open (db, save->person_id, &save->period, &error);
      if (review == NULL)
        ok = FALSE;
      else if (save->field != NULL)
        ok = attain_review_set_field (db, review, save->field, save->value, &error);
      else
        ok = attain_review_set_milestones (db, review, save->milestones, &error);
      /* Saved, or never can be: the review was signed off meanwhile. */
      if (ok || g_error_matches (error, ATTAIN_REVIEW_ERROR, ATTAIN_REVIEW_ERROR_LOCKED))
        {
          if (!ok && !told)
            toast (self, error->message);
          told |= !ok;
          g_ptr_array_remove_index (self->pending, i);
          continue;
        }
      retry |= !g_error_matches (error, ATTAIN_REVIEW_ERROR, ATTAIN_REVIEW_ERROR_INVALID);
      g_free (self->unsaved_reason);
      self->unsaved_reason = g_strdup (error->message);
      if (!told)
        toast (self, error->message);
      told = TRUE;
      i++;
    }
  if (self->pending->len == 0)
    g_clear_pointer (&self->unsaved_reason, g_free);
  if (retry)
    self->save_source = g_timeout_add (RETRY_DELAY_MS, save_timeout_cb, self);
}

/* After a flush: whether something typed could not be saved, and why (for the closing window). */
gboolean
attain_review_page_has_unsaved (AttainReviewPage  *self,
                                const char       **reason)
{
  g_return_val_if_fail (ATTAIN_IS_REVIEW_PAGE (self), FALSE);

  if (reason != NULL)
    *reason = self->unsaved_reason;
  return self->pending->len > 0;
}

static gboolean
save_timeout_cb (gpointer data)
{
  AttainReviewPage *self = data;

  self->save_source = 0;
  attain_review_page_flush (self);
  return G_SOURCE_REMOVE;
}

static void
mark_dirty (AttainReviewPage *self,
            const char       *field)
{
  if (self->loading)
    return;
  if (field != NULL)
    g_hash_table_add (self->dirty, (gpointer) g_intern_string (field));
  else
    self->plan_dirty = TRUE;
  /* Saved shortly after the last keystroke: nothing typed waits for a Save button. */
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
on_text_changed_cb (GtkTextBuffer    *buffer,
                    AttainReviewPage *self)
{
  mark_dirty (self, g_object_get_data (G_OBJECT (buffer), "field"));
}

static void
on_entry_changed_cb (GtkEditable      *editable,
                     AttainReviewPage *self)
{
  mark_dirty (self, g_object_get_data (G_OBJECT (editable), "field"));
}

static void
on_plan_changed_cb (AttainReviewPage *self)
{
  mark_dirty (self, NULL);
}

static void
add_milestone_row (AttainReviewPage      *self,
                   const AttainMilestone *milestone,
                   gboolean               locked)
{
  static const char *statuses[] = { "planned", "in_progress", "done", "missed" };
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *what = gtk_entry_new ();
  GtkWidget *due = gtk_entry_new ();
  GtkWidget *measure = gtk_entry_new ();
  GtkWidget *status;
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    gtk_string_list_append (labels, attain_milestone_status_label (statuses[i]));
  status = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_entry_set_placeholder_text (GTK_ENTRY (what), _("What"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (due), _("By (YYYY-MM-DD)"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (measure), _("How it is measured"));
  gtk_widget_set_hexpand (what, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (due), 12);
  gtk_widget_set_tooltip_text (remove, _("Remove the milestone"));
  gtk_widget_add_css_class (remove, "flat");
  if (milestone != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (what), milestone->what ? milestone->what : "");
      gtk_editable_set_text (GTK_EDITABLE (due), milestone->due_on ? milestone->due_on : "");
      gtk_editable_set_text (GTK_EDITABLE (measure), milestone->measure ? milestone->measure : "");
      for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
        if (g_strcmp0 (milestone->status, statuses[i]) == 0)
          gtk_drop_down_set_selected (GTK_DROP_DOWN (status), i);
    }
  gtk_box_append (GTK_BOX (box), what);
  gtk_box_append (GTK_BOX (box), due);
  gtk_box_append (GTK_BOX (box), measure);
  gtk_box_append (GTK_BOX (box), status);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_widget_set_sensitive (box, !locked);
  g_signal_connect_object (what, "changed", G_CALLBACK (on_plan_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (due, "changed", G_CALLBACK (on_plan_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (measure, "changed", G_CALLBACK (on_plan_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (status, "notify::selected", G_CALLBACK (on_plan_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_box_append (self->plan_list, box);
  /* Target before name: an action with a parameter must never see a button without one. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "i",
                                    gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (gtk_widget_get_parent (box))));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "review.remove-milestone");
}

static void
clear_dynamic_rows (AttainReviewPage *self)
{
  GtkWidget *child;

  for (guint i = 0; i < self->dynamic_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->dynamic_rows, i);
      AdwPreferencesGroup *group = g_object_get_data (G_OBJECT (row), "group");
      adw_preferences_group_remove (group, row);
    }
  g_ptr_array_set_size (self->dynamic_rows, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->plan_list))) != NULL)
    gtk_list_box_remove (self->plan_list, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->next_list))) != NULL)
    gtk_list_box_remove (self->next_list, child);
}

static void
add_group_row (AttainReviewPage    *self,
               AdwPreferencesGroup *group,
               const char          *title,
               const char          *subtitle,
               const char          *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (suffix != NULL)
    {
      GtkWidget *label = gtk_label_new (suffix);
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  g_object_set_data (G_OBJECT (row), "group", group);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->dynamic_rows, row);
}

static void
fill_next_goals (AttainReviewPage *self)
{
  g_autoptr(GPtrArray) goals = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->next_list))) != NULL)
    gtk_list_box_remove (self->next_list, child);
  if (self->review != NULL)
    goals = attain_review_next_goals (attain_context_get_db (self->context), self->review, NULL);
  for (guint i = 0; goals != NULL && i < goals->len; i++)
    {
      AttainGoal *goal = g_ptr_array_index (goals, i);
      const AttainGoalMetric *info = attain_goal_metric_lookup (goal->metric);
      g_autofree char *target = attain_format_target (goal, goal->target);
      g_autofree char *subtitle = g_strdup_printf ("%s – %s", goal->period_start, goal->period_end);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *label = gtk_label_new (target);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info ? _(info->label) : goal->metric);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_list_box_append (self->next_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->next_list), goals != NULL && goals->len > 0);
}

static void
update_state (AttainReviewPage *self)
{
  gboolean locked = self->review != NULL && attain_review_is_locked (self->review);
  gboolean open = self->person_id != 0;
  g_autofree char *status = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.sign-off", open && !locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.print", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.export-pdf", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.print-team", open && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.export-team", open && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.add-milestone", open && !locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.add-next-goal", open && !locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.interview-today", open && !locked);

  /* A signed-off review is read, not edited. */
  gtk_editable_set_editable (GTK_EDITABLE (self->reviewer_row), !locked);
  gtk_editable_set_editable (GTK_EDITABLE (self->interview_on_row), !locked);
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    gtk_text_view_set_editable (self->views[i], !locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_target), !locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_metric), !locked);

  if (locked)
    status = g_strdup_printf (_("Signed off on %s. The review is locked; the next review picks up from here."),
                              self->review->signed_off_at);
  else
    status = g_strdup (_("Draft. Everything is saved as you type."));
  gtk_label_set_label (self->status_label, status);
}

static void
load_form (AttainReviewPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AttainReview) previous = NULL;
  g_autoptr(AttainMetrics) metrics = NULL;
  g_autofree char *name = NULL;
  g_autofree char *position = NULL;
  g_autofree char *period_label = attain_period_to_label (&self->period);
  AttainDb *db = attain_context_get_db (self->context);
  AttainScope scope = { ATTAIN_SCOPE_PERSON, self->person_id };
  AttainPeriod last = attain_period_shift (&self->period, -1);
  const AttainGoalMetric *goal_metrics;
  guint n, lines = 0;
  GDate today;
  GPtrArray *pending_plan;

  attain_review_page_flush (self);
  g_clear_pointer (&self->review, attain_review_free);
  gtk_button_set_label (self->period_button, period_label);
  if (self->person_id == 0)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "none");
      update_state (self);
      return;
    }
  if (!attain_org_describe (db, &scope, &name, &position, NULL, NULL, &error))
    {
      toast (self, error->message);
      return;
    }
  adw_window_title_set_title (self->window_title, name);
  adw_window_title_set_subtitle (self->window_title, period_label);
  gtk_menu_button_set_label (self->person_button, name);

  self->loading = TRUE;
  self->review = attain_review_find (db, self->person_id, &self->period, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->reviewer_row), self->review && self->review->reviewer ? self->review->reviewer : "");
  gtk_editable_set_text (GTK_EDITABLE (self->interview_on_row),
                         self->review && self->review->interview_on ? self->review->interview_on : "");
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      const char *text = self->review ? attain_review_get_field (self->review, text_fields[i]) : NULL;
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->views[i]), text ? text : "", -1);
    }
  /* Text typed here that is still waiting to be saved shows as typed, not as the file has it. */
  pending_plan = NULL;
  for (guint i = 0; i < self->pending->len; i++)
    {
      PendingSave *save = g_ptr_array_index (self->pending, i);
      if (save->person_id != self->person_id || !attain_period_equal (&save->period, &self->period))
        continue;
      if (save->field != NULL)
        attain_review_page_set_text (self, save->field, save->value ? save->value : "");
      else
        pending_plan = save->milestones;
    }

  clear_dynamic_rows (self);
  /* Prepared from the data: the results the conversation starts from. */
  attain_context_get_today (self->context, &today);
  metrics = attain_metrics_compute (db, &scope, &self->period, &today, NULL);
  goal_metrics = attain_goal_metrics (&n);
  for (guint i = 0; metrics != NULL && i < n; i++)
    {
      AttainMetricId id;
      g_autofree char *target = NULL;
      g_autofree char *actual = NULL;
      g_autofree char *attainment = NULL;
      g_autofree char *subtitle = NULL;

      if (!attain_metric_from_key (goal_metrics[i].key, &id) || isnan (metrics->values[id].target))
        continue;
      target = attain_metric_format (metrics, id, metrics->values[id].target);
      actual = attain_metric_format (metrics, id, metrics->values[id].value);
      attainment = attain_format_percent (metrics->values[id].attainment);
      /* Translators: results line in the review form */
      subtitle = g_strdup_printf (_("Target %s · Actual %s · %s"), target, actual,
                                  attain_pace_to_label (metrics->values[id].pace));
      add_group_row (self, self->results_group, _(goal_metrics[i].label), subtitle, attainment);
      lines++;
    }
  if (lines == 0)
    add_group_row (self, self->results_group, _("No targets were set for this period."), NULL, NULL);

  /* The trend and funnel the report prints, drawn by the same code; and where the score stands. */
  {
    g_autoptr(AttainDashboard) dashboard = attain_dashboard_load (db, &scope, &self->period, &today, NULL);
    double weighted = NAN;
    g_autoptr(GArray) scored = NULL;
    g_autofree char *score = NULL;
    char number[32];

    if (dashboard != NULL)
      {
        attain_chart_view_set_trend (self->trend_chart, g_steal_pointer (&dashboard->trend));
        attain_chart_view_set_funnel (self->funnel_chart, g_steal_pointer (&dashboard->funnel));
      }
    if (metrics != NULL)
      scored = attain_review_result_lines (db, self->person_id, &self->period, metrics, &weighted, NULL);
    g_ascii_formatd (number, sizeof number, "%.1f", weighted);
    score = g_strdup (isnan (weighted) ? "—" : number);
    add_group_row (self, self->score_group, _("Weighted results score"),
                   _("Each metric scores its attainment × 100, at most 120, weighted as the goals weigh them."),
                   score);
    add_group_row (self, self->score_group, _("Composite score and rating"),
                   _("Given once the evaluation is set up."), "—");
    add_group_row (self, self->score_group, _("360-degree feedback"),
                   _("No 360-degree feedback has been collected for this period."), NULL);
  }

  previous = attain_review_find (db, self->person_id, &last, NULL);
  for (guint i = 0; previous != NULL && i < previous->milestones->len; i++)
    {
      AttainMilestone *m = g_ptr_array_index (previous->milestones, i);
      add_group_row (self, self->previous_group, m->what, m->due_on, attain_milestone_status_label (m->status));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->previous_group), previous != NULL && previous->milestones->len > 0);

  if (pending_plan != NULL)
    for (guint i = 0; i < pending_plan->len; i++)
      add_milestone_row (self, g_ptr_array_index (pending_plan, i), FALSE);
  else
    for (guint i = 0; self->review != NULL && i < self->review->milestones->len; i++)
      add_milestone_row (self, g_ptr_array_index (self->review->milestones, i), attain_review_is_locked (self->review));
  fill_next_goals (self);
  gtk_widget_set_visible (GTK_WIDGET (self->next_error), FALSE);
  self->loading = FALSE;

  gtk_stack_set_visible_child_name (self->content_stack, "form");
  update_state (self);
}

static void
select_person_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AttainReviewPage *self = ATTAIN_REVIEW_PAGE (widget);
  AttainScope scope;

  if (!attain_scope_parse (g_variant_get_string (parameter, NULL), &scope) || scope.kind != ATTAIN_SCOPE_PERSON)
    return;
  attain_review_page_flush (self);
  self->person_id = scope.id;
  load_form (self);
}

static void
on_person_list_activate_cb (AttainReviewPage *self,
                            guint             position)
{
  g_autoptr(AttainOrgItem) item = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (self->person_list)),
                                                         position);

  if (item == NULL)
    return;
  gtk_popover_popdown (self->person_popover);
  gtk_widget_activate_action (GTK_WIDGET (self), "review.select-person", "s", attain_org_item_get_scope (item));
}

static void
on_person_search_changed_cb (AttainReviewPage *self)
{
  gtk_string_filter_set_search (self->person_filter, gtk_editable_get_text (GTK_EDITABLE (self->person_search)));
}

static void
on_person_search_activate_cb (AttainReviewPage *self)
{
  on_person_list_activate_cb (self, 0);
}

static void
shift_period_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AttainReviewPage *self = ATTAIN_REVIEW_PAGE (widget);

  attain_review_page_flush (self);
  self->period = attain_period_shift (&self->period, g_str_equal (action_name, "review.next-period") ? 1 : -1);
  load_form (self);
}

static void
interview_today_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AttainReviewPage *self = ATTAIN_REVIEW_PAGE (widget);
  GDate today;
  g_autofree char *iso = NULL;

  attain_context_get_today (self->context, &today);
  iso = attain_date_to_iso (&today);
  gtk_editable_set_text (GTK_EDITABLE (self->interview_on_row), iso);
}

static void
add_milestone_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AttainReviewPage *self = ATTAIN_REVIEW_PAGE (widget);

  add_milestone_row (self, NULL, FALSE);
}

static void
remove_milestone_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  AttainReviewPage *self = ATTAIN_REVIEW_PAGE (widget);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->plan_list, g_variant_get_int32 (parameter));

  if (row == NULL)
    return;
  gtk_list_box_remove (self->plan_list, GTK_WIDGET (row));
  /* The remaining remove buttons point at their new positions. */
  for (GtkWidget *r = gtk_widget_get_first_child (GTK_WIDGET (self->plan_list)); r != NULL; r = gtk_widget_get_next_sibling (r))
    {
      GtkWidget *remove = gtk_widget_get_last_child (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (r)));
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "i", gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (r)));
    }
  mark_dirty (self, NULL);
}

static void
add_next_goal_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AttainReviewPage *self = ATTAIN_REVIEW_PAGE (widget);
  g_autoptr(GError) error = NULL;
  guint n, selected = gtk_drop_down_get_selected (self->next_metric);
  const AttainGoalMetric *metrics = attain_goal_metrics (&n);

  attain_review_page_flush (self);
  if (selected >= n || !ensure_review (self, &error)
      || !attain_review_add_next_goal (attain_context_get_db (self->context), self->review, metrics[selected].key,
                                       gtk_editable_get_text (GTK_EDITABLE (self->next_target)), &error))
    {
      gtk_label_set_label (self->next_error, error ? error->message : "");
      gtk_widget_set_visible (GTK_WIDGET (self->next_error), error != NULL);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->next_error), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->next_target), "");
  fill_next_goals (self);
  attain_context_emit_changed (self->context);
}

static void
on_next_target_activate_cb (AttainReviewPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "review.add-next-goal", NULL);
}

static void
sign_off_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      AttainReviewPage *self)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  if (!g_str_equal (response, "sign-off"))
    return;
  attain_review_page_flush (self);
  attain_context_get_today (self->context, &today);
  if (!ensure_review (self, &error) || !attain_review_sign_off (attain_context_get_db (self->context), self->review,
                                                               &today, &error))
    {
      toast (self, error->message);
      return;
    }
  load_form (self);
}

static void
sign_off_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AttainReviewPage *self = ATTAIN_REVIEW_PAGE (widget);
  GtkWidget *dialog;

  /* Signing off cannot be undone, so it asks once. */
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Sign Off the Review?"),
                                   _("After sign-off the review is locked: notes, plan and goals can no longer "
                                     "be changed."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "sign-off", _("_Sign Off"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "sign-off", ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (sign_off_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GPtrArray *
build_documents (AttainReviewPage  *self,
                 GArray            *people,
                 GError           **error)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_document_free);
  const char *pango_language;
  GDate today;

  attain_context_get_today (self->context, &today);
  /* In the report's own language, from its catalogue, without touching the process's
   * LANGUAGE; drawing and writing need no translations after this and may run anywhere. */
  pango_language = attain_report_language_push (self->report_language);
  for (guint i = 0; i < people->len; i++)
    {
      AttainDocument *document = attain_review_report_build (attain_context_get_db (self->context),
                                                             g_array_index (people, gint64, i), &self->period, &today,
                                                             pango_language, error);
      if (document == NULL)
        {
          attain_i18n_pop ();
          return NULL;
        }
      g_ptr_array_add (documents, document);
    }
  attain_i18n_pop ();
  return g_steal_pointer (&documents);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AttainReviewPage *self = ATTAIN_REVIEW_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) documents = NULL;

  attain_review_page_flush (self);
  g_array_append_val (people, self->person_id);
  documents = build_documents (self, people, &error);
  if (documents == NULL
      || !attain_document_print_run (documents, _("Performance review"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                   GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                   parameter ? g_variant_get_string (parameter, NULL) : NULL, FALSE, &error))
    toast (self, error->message);
}

static void
export_pdf_response_cb (GtkNativeDialog  *chooser,
                        int               response,
                        AttainReviewPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GPtrArray) documents = NULL;
      g_autoptr(GError) error = NULL;

      g_array_append_val (people, self->person_id);
      documents = build_documents (self, people, &error);
      if (documents == NULL || !attain_documents_write_pdf (documents, path, gtk_menu_button_get_label (self->person_button),
                                                            &error))
        toast (self, error->message);
      else
        {
          g_autofree char *base = g_file_get_basename (file);
          g_autofree char *message = g_strdup_printf (_("Saved “%s”"), base);
          toast (self, message);
        }
    }
  g_object_unref (chooser);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AttainReviewPage *self = ATTAIN_REVIEW_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *period = attain_period_to_string (&self->period);
  g_autofree char *person = attain_file_name_part (gtk_menu_button_get_label (self->person_button), 60);
  /* Translators: suggested file name of a review PDF, %s are the name and the period */
  g_autofree char *name = g_strdup_printf (_("review-%s-%s.pdf"), person, period);

  attain_review_page_flush (self);
  chooser = gtk_file_chooser_native_new (_("Export as PDF"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_pdf_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

typedef struct
{
  char         *db_path;
  gint64        person_id;
  AttainPeriod  period;
  GDate         today;
  char         *language;  /* the report's, "" for the window's */
  GPtrArray    *documents; /* built by the worker */
  char         *directory; /* NULL to print */
  gint         *progress;
} TeamJob;

static void
team_job_free (TeamJob *job)
{
  g_free (job->db_path);
  g_free (job->language);
  g_clear_pointer (&job->documents, g_ptr_array_unref);
  g_free (job->directory);
  g_free (job);
}

/* The whole batch off the main thread, data included: its own reader connection, the report's
 * catalogue current on this thread only, then layout and writing. */
static void
team_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  TeamJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AttainDb) db = attain_db_open_reader (job->db_path, &error);
  g_autoptr(GArray) people = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *period = attain_period_to_string (&job->period);
  const char *pango_language;
  AttainScope team;

  if (db == NULL
      || !attain_org_describe (db, &(AttainScope) { ATTAIN_SCOPE_PERSON, job->person_id }, NULL, NULL, &team, NULL, &error)
      || (people = attain_review_team_people (db, team.id, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  job->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_document_free);
  pango_language = attain_report_language_push (job->language);
  for (guint i = 0; i < people->len; i++)
    {
      gint64 id = g_array_index (people, gint64, i);
      char *name = NULL;
      AttainDocument *document = attain_review_report_build (db, id, &job->period, &job->today, pango_language, &error);

      if (document == NULL)
        {
          attain_i18n_pop ();
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_ptr_array_add (job->documents, document);
      attain_org_describe (db, &(AttainScope) { ATTAIN_SCOPE_PERSON, id }, &name, NULL, NULL, NULL, NULL);
      g_ptr_array_add (names, name ? name : g_strdup (""));
      g_atomic_int_set (job->progress, (gint) ((i + 1) * 500 / people->len));
    }
  attain_i18n_pop ();

  for (guint i = 0; job->directory != NULL && i < job->documents->len; i++)
    {
      if (!attain_review_report_write_into (g_ptr_array_index (job->documents, i), job->directory, period,
                                            g_array_index (people, gint64, i), g_ptr_array_index (names, i), &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_atomic_int_set (job->progress, 500 + (gint) ((i + 1) * 500 / job->documents->len));
    }
  g_task_return_boolean (task, TRUE);
}

static gboolean
team_progress_tick_cb (gpointer data)
{
  AttainReviewPage *self = data;

  gtk_progress_bar_set_fraction (self->progress_bar, g_atomic_int_get (&self->progress) / 1000.0);
  return self->busy ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
team_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  AttainReviewPage *self = ATTAIN_REVIEW_PAGE (source);
  TeamJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->busy = FALSE;
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  update_state (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    toast (self, error->message);
  else if (job->directory == NULL)
    {
      /* One print job for the whole team: one dialog, also inside a sandbox. */
      if (!attain_document_print_run (job->documents, _("Performance reviews"),
                                      GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                      GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, FALSE, &error))
        toast (self, error->message);
    }
  else
    {
      /* Translators: %s is a folder */
      g_autofree char *message = g_strdup_printf (_("The team's reviews are in “%s”"), job->directory);
      toast (self, message);
    }
}

static void
run_team_job (AttainReviewPage *self,
              const char       *directory)
{
  g_autoptr(GTask) task = NULL;
  TeamJob *job;

  attain_review_page_flush (self);
  job = g_new0 (TeamJob, 1);
  job->db_path = g_strdup (attain_context_get_db_path (self->context));
  job->person_id = self->person_id;
  job->period = self->period;
  attain_context_get_today (self->context, &job->today);
  job->language = g_strdup (self->report_language);
  job->directory = g_strdup (directory);
  job->progress = &self->progress;
  g_atomic_int_set (&self->progress, 0);

  self->busy = TRUE;
  update_state (self);
  gtk_progress_bar_set_text (self->progress_bar, directory ? _("Writing the team's reviews…")
                                                           : _("Preparing the team's reviews…"));
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  g_timeout_add (100, team_progress_tick_cb, self);

  task = g_task_new (self, NULL, team_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) team_job_free);
  g_task_run_in_thread (task, team_in_thread);
}

static void
print_team_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  run_team_job (ATTAIN_REVIEW_PAGE (widget), NULL);
}

static void
export_team_response_cb (GtkNativeDialog  *chooser,
                         int               response,
                         AttainReviewPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (folder);
      run_team_job (self, path);
    }
  g_object_unref (chooser);
}

static void
export_team_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AttainReviewPage *self = ATTAIN_REVIEW_PAGE (widget);
  GtkFileChooserNative *chooser;

  /* A folder given as parameter (tests, scripts) skips the chooser. */
  if (parameter != NULL)
    {
      run_team_job (self, g_variant_get_string (parameter, NULL));
      return;
    }
  chooser = gtk_file_chooser_native_new (_("Export the Team's Reviews"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Export"), _("_Cancel"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_team_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
set_period_kind (AttainReviewPage *self,
                 const char       *kind_text)
{
  AttainPeriodKind kind = g_strcmp0 (kind_text, "year") == 0 ? ATTAIN_PERIOD_YEAR : ATTAIN_PERIOD_QUARTER;
  GDate today;

  if (kind == self->period.kind)
    return;
  attain_review_page_flush (self);
  attain_context_get_today (self->context, &today);
  self->period = attain_period_with_kind (&self->period, kind, &today);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD_KIND]);
  load_form (self);
}

static void
reload_people (AttainReviewPage *self)
{
  g_autoptr(GListModel) items = attain_org_item_list (attain_context_get_db (self->context), NULL);
  GtkFilterListModel *people_only;
  GtkFilterListModel *filtered;
  GtkBoolFilter *is_person;

  if (items == NULL)
    return;
  is_person = gtk_bool_filter_new (gtk_property_expression_new (ATTAIN_TYPE_ORG_ITEM, NULL, "is-unit"));
  gtk_bool_filter_set_invert (is_person, TRUE);
  people_only = gtk_filter_list_model_new (g_steal_pointer (&items), GTK_FILTER (is_person));
  self->person_filter = gtk_string_filter_new (gtk_property_expression_new (ATTAIN_TYPE_ORG_ITEM, NULL, "name"));
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (people_only), GTK_FILTER (g_object_ref (self->person_filter)));
  gtk_list_view_set_model (self->person_list, GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (filtered))));
  g_object_unref (self->person_filter); /* held by the filter model */
}

static void
on_context_changed_cb (AttainReviewPage *self)
{
  if (self->person_id == 0)
    reload_people (self);
}

static void
attain_review_page_constructed (GObject *object)
{
  AttainReviewPage *self = ATTAIN_REVIEW_PAGE (object);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const AttainGoalMetric *metrics;
  GDate today;
  guint n;

  G_OBJECT_CLASS (attain_review_page_parent_class)->constructed (object);

  attain_context_get_today (self->context, &today);
  /* Reviews look back: the last full quarter. */
  self->period = attain_period_containing (ATTAIN_PERIOD_QUARTER, &today,
                                           attain_db_get_setting_int (attain_context_get_db (self->context),
                                                                      "fiscal_year_start_month", 1));
  self->period = attain_period_shift (&self->period, -1);
  metrics = attain_goal_metrics (&n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (labels, _(metrics[i].label));
  gtk_drop_down_set_model (self->next_metric, G_LIST_MODEL (labels));

  g_signal_connect_object (self->context, "changed", G_CALLBACK (on_context_changed_cb), self, G_CONNECT_SWAPPED);
  reload_people (self);
  load_form (self);
}

static void
attain_review_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AttainReviewPage *self = ATTAIN_REVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_PERIOD_KIND:
      g_value_set_string (value, attain_period_kind_to_string (self->period.kind));
      break;
    case PROP_REPORT_LANGUAGE:
      g_value_set_string (value, self->report_language);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attain_review_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AttainReviewPage *self = ATTAIN_REVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_PERIOD_KIND:
      set_period_kind (self, g_value_get_string (value));
      break;
    case PROP_REPORT_LANGUAGE:
      if (g_strcmp0 (self->report_language, g_value_get_string (value)) != 0)
        {
          g_free (self->report_language);
          self->report_language = g_strdup (g_value_get_string (value) ? g_value_get_string (value) : "");
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attain_review_page_dispose (GObject *object)
{
  AttainReviewPage *self = ATTAIN_REVIEW_PAGE (object);
  GtkWidget *child;

  /* Closing the window writes what was typed in the last moments. */
  if (self->context != NULL)
    attain_review_page_flush (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->dynamic_rows != NULL)
    g_ptr_array_set_size (self->dynamic_rows, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATTAIN_TYPE_REVIEW_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (attain_review_page_parent_class)->dispose (object);
}

static void
attain_review_page_finalize (GObject *object)
{
  AttainReviewPage *self = ATTAIN_REVIEW_PAGE (object);

  g_clear_pointer (&self->review, attain_review_free);
  g_clear_pointer (&self->dirty, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->unsaved_reason, g_free);
  g_clear_pointer (&self->dynamic_rows, g_ptr_array_unref);
  g_free (self->report_language);
  G_OBJECT_CLASS (attain_review_page_parent_class)->finalize (object);
}

static void
attain_review_page_class_init (AttainReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = attain_review_page_constructed;
  object_class->dispose = attain_review_page_dispose;
  object_class->finalize = attain_review_page_finalize;
  object_class->get_property = attain_review_page_get_property;
  object_class->set_property = attain_review_page_set_property;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, ATTAIN_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERIOD_KIND] = g_param_spec_string ("period-kind", NULL, NULL, "quarter",
                                                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* "" prints in the window's language; zh_CN, zh_TW or en switch one print or export. */
  properties[PROP_REPORT_LANGUAGE] = g_param_spec_string ("report-language", NULL, NULL, "",
                                                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ATTAIN_TYPE_ORG_ITEM);
  g_type_ensure (ATTAIN_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/attain/Attain/ui/attain-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AttainReviewPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewPage, funnel_chart);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewPage, score_group);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewPage, trend_chart);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewPage, interview_on_row);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewPage, next_error);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewPage, next_list);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewPage, next_metric);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewPage, next_target);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewPage, period_button);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewPage, person_button);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewPage, person_list);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewPage, person_popover);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewPage, person_search);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewPage, plan_list);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewPage, previous_group);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewPage, results_group);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewPage, reviewer_row);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewPage, window_title);
  gtk_widget_class_bind_template_child_full (widget_class, "self_review_view", FALSE, G_STRUCT_OFFSET (AttainReviewPage, views[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "strengths_view", FALSE, G_STRUCT_OFFSET (AttainReviewPage, views[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "improvements_view", FALSE, G_STRUCT_OFFSET (AttainReviewPage, views[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "employee_view_view", FALSE, G_STRUCT_OFFSET (AttainReviewPage, views[3]));
  gtk_widget_class_bind_template_child_full (widget_class, "training_view", FALSE, G_STRUCT_OFFSET (AttainReviewPage, views[4]));
  gtk_widget_class_bind_template_callback (widget_class, on_next_target_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_person_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_person_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_person_search_changed_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "review.select-person", "s", select_person_action);
  gtk_widget_class_install_action (widget_class, "review.previous-period", NULL, shift_period_action);
  gtk_widget_class_install_action (widget_class, "review.next-period", NULL, shift_period_action);
  gtk_widget_class_install_property_action (widget_class, "review.period-kind", "period-kind");
  gtk_widget_class_install_property_action (widget_class, "review.report-language", "report-language");
  gtk_widget_class_install_action (widget_class, "review.interview-today", NULL, interview_today_action);
  gtk_widget_class_install_action (widget_class, "review.add-milestone", NULL, add_milestone_action);
  gtk_widget_class_install_action (widget_class, "review.remove-milestone", "i", remove_milestone_action);
  gtk_widget_class_install_action (widget_class, "review.add-next-goal", NULL, add_next_goal_action);
  gtk_widget_class_install_action (widget_class, "review.sign-off", NULL, sign_off_action);
  gtk_widget_class_install_action (widget_class, "review.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "review.print-to-file", "s", print_action);
  gtk_widget_class_install_action (widget_class, "review.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "review.print-team", NULL, print_team_action);
  gtk_widget_class_install_action (widget_class, "review.export-team", NULL, export_team_action);
  gtk_widget_class_install_action (widget_class, "review.export-team-to", "s", export_team_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "review.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "review.previous-period", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "review.next-period", NULL);
}

static void
attain_review_page_init (AttainReviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->dirty = g_hash_table_new (NULL, NULL);
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_save_free);
  self->report_language = g_strdup ("");
  self->dynamic_rows = g_ptr_array_new ();
  g_object_set_data (G_OBJECT (self->reviewer_row), "field", (gpointer) "reviewer");
  g_object_set_data (G_OBJECT (self->interview_on_row), "field", (gpointer) "interview_on");
  g_signal_connect (self->reviewer_row, "changed", G_CALLBACK (on_entry_changed_cb), self);
  g_signal_connect (self->interview_on_row, "changed", G_CALLBACK (on_entry_changed_cb), self);
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->views[i]);
      g_object_set_data (G_OBJECT (buffer), "field", (gpointer) text_fields[i]);
      g_signal_connect (buffer, "changed", G_CALLBACK (on_text_changed_cb), self);
    }
}

GtkWidget *
attain_review_page_new (AttainContext *context)
{
  return g_object_new (ATTAIN_TYPE_REVIEW_PAGE, "context", context, NULL);
}

void
attain_review_page_set_text (AttainReviewPage *self,
                             const char       *field,
                             const char       *text)
{
  g_return_if_fail (ATTAIN_IS_REVIEW_PAGE (self));

  if (g_str_equal (field, "reviewer"))
    gtk_editable_set_text (GTK_EDITABLE (self->reviewer_row), text);
  else if (g_str_equal (field, "interview_on"))
    gtk_editable_set_text (GTK_EDITABLE (self->interview_on_row), text);
  else
    for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
      if (g_str_equal (field, text_fields[i]))
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->views[i]), text, -1);
}

char *
attain_review_page_get_text (AttainReviewPage *self,
                             const char       *field)
{
  g_return_val_if_fail (ATTAIN_IS_REVIEW_PAGE (self), NULL);

  if (g_str_equal (field, "reviewer"))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reviewer_row)));
  if (g_str_equal (field, "interview_on"))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->interview_on_row)));
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    if (g_str_equal (field, text_fields[i]))
      return view_text (self->views[i]);
  return NULL;
}

const AttainReview *
attain_review_page_get_review (AttainReviewPage *self)
{
  g_return_val_if_fail (ATTAIN_IS_REVIEW_PAGE (self), NULL);
  return self->review;
}

gboolean
attain_review_page_is_busy (AttainReviewPage *self)
{
  g_return_val_if_fail (ATTAIN_IS_REVIEW_PAGE (self), FALSE);
  return self->busy;
}

void
attain_review_page_add_milestone (AttainReviewPage *self,
                                  const char       *what,
                                  const char       *due_on,
                                  const char       *measure)
{
  g_autoptr(AttainMilestone) milestone = attain_milestone_new (what, due_on, measure, "planned");

  g_return_if_fail (ATTAIN_IS_REVIEW_PAGE (self));
  add_milestone_row (self, milestone, FALSE);
  mark_dirty (self, NULL);
}

gboolean
attain_review_page_is_editable (AttainReviewPage *self)
{
  g_return_val_if_fail (ATTAIN_IS_REVIEW_PAGE (self), FALSE);
  return gtk_text_view_get_editable (self->views[0]);
}

void
attain_review_page_set_next_goal (AttainReviewPage *self,
                                  guint             metric_index,
                                  const char       *target)
{
  g_return_if_fail (ATTAIN_IS_REVIEW_PAGE (self));
  gtk_drop_down_set_selected (self->next_metric, metric_index);
  gtk_editable_set_text (GTK_EDITABLE (self->next_target), target);
}

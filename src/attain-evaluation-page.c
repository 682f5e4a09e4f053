/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-evaluation-page.h"

#include <glib/gi18n.h>
#include <math.h>

#include "attain-chart-view.h"
#include "model/attain-cycle.h"
#include "model/attain-data-export.h"
#include "attain-date-button.h"
#include "model/attain-format.h"
#include "model/attain-lock-exception.h"
#include "model/attain-org.h"
#include "model/attain-review.h"
#include "model/attain-json.h"
#include "model/attain-loader.h"
#include "attain-document-print.h"
#include "attain-feedback-window.h"
#include "attain-rating-grid-window.h"
#include "attain-scorecard-dialog.h"
#include "model/attain-scorecard.h"
#include "model/attain-self-assessment.h"
#include "report/attain-calibration-report.h"
#include "report/attain-self-assessment-report.h"
#include "report/attain-review-report.h"

struct _AttainEvaluationPage
{
  GtkWidget parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  GtkDropDown     *cycle_dropdown;
  GtkLabel        *distribution_label;
  GtkLabel        *guideline_label;
  AttainChartView *rating_chart;
  GtkLabel        *states_label;
  GtkListBox      *members_list;

  AttainContext *context;
  GtkStringList *cycle_names;
  GArray        *cycle_ids; /* gint64, as the dropdown lists them */
  GCancellable  *load;
  GCancellable  *export_job;
  GtkWidget     *dialog;
  JsonNode      *scores; /* the cycle shown, as loaded: what the sheet prints */
  gboolean       filling;
  gboolean       stale; /* changed while out of sight */
};

G_DEFINE_FINAL_TYPE (AttainEvaluationPage, attain_evaluation_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

typedef struct
{
  gint64 cycle_id;
  GDate  today;
} ScoresRequest;

static gpointer
load_scores (AttainDb *db, gpointer request, GCancellable *cancellable, GError **error)
{
  ScoresRequest *r = request;
  return attain_cycle_scores_to_json (db, r->cycle_id, &r->today, error);
}

static void
toast (AttainEvaluationPage *self, const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static const char *const state_codes[]
    = { "draft", "self", "supervisor", "calibration", "interview", "signed" };

/* How many members stand at each step, in the workflow's order. */
static char *
states_summary (JsonArray *people)
{
  guint    counts[G_N_ELEMENTS (state_codes)] = { 0 };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (people); i++)
    {
      const char *state
          = attain_json_get_string (json_array_get_object_element (people, i), "state");
      for (guint s = 0; s < G_N_ELEMENTS (state_codes); s++)
        if (g_strcmp0 (state, state_codes[s]) == 0)
          counts[s]++;
    }
  for (guint s = 0; s < G_N_ELEMENTS (state_codes); s++)
    if (counts[s] > 0)
      {
        if (out->len > 0)
          g_string_append (out, " · ");
        /* Translators: how many people of a cycle stand at one step, e.g. "draft: 12" */
        g_string_append_printf (out, _ ("%s: %u"), attain_cycle_state_label (state_codes[s]),
                                counts[s]);
      }
  return g_string_free (out, FALSE);
}

/* A signed-off member can appeal; an open appeal shows its deadline (in the warning colour once
 * it has passed) and can be decided. */
static void
add_appeal_parts (AdwActionRow *row, JsonObject *p)
{
  JsonNode   *node = json_object_get_member (p, "appeal");
  JsonObject *appeal
      = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  gboolean open
      = appeal != NULL && g_strcmp0 (attain_json_get_string (appeal, "outcome"), "open") == 0;
  GtkWidget *button = NULL;

  if (open)
    {
      gboolean overdue = json_object_get_boolean_member (appeal, "overdue");
      /* Translators: an open appeal on a cycle member's row, %s is its deadline */
      g_autofree char *text = g_strdup_printf (overdue ? _ ("Appeal overdue since %s")
                                                       : _ ("Appeal open, decide by %s"),
                                               attain_json_get_string (appeal, "deadline"));
      GtkWidget *label = gtk_label_new (text);
      gtk_widget_add_css_class (label, overdue ? "error" : "warning");
      adw_action_row_add_suffix (row, label);
      button = gtk_button_new_with_label (_ ("Decide…"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "evaluation.decide-appeal");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x",
                                        (gint64) attain_json_get_number (appeal, "id"));
      gtk_widget_set_tooltip_text (button, _ ("Decide the appeal"));
    }
  else if (g_strcmp0 (attain_json_get_string (p, "state"), "signed") == 0)
    {
      button = gtk_button_new_with_label (_ ("Appeal…"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "evaluation.appeal");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x",
                                        (gint64) attain_json_get_number (p, "person"));
      gtk_widget_set_tooltip_text (button, _ ("Record the employee's appeal against the review"));
    }
  if (button != NULL)
    {
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      adw_action_row_add_suffix (row, button);
    }
}

/* "N open, M overdue" over the members' latest appeals; NULL without an open one. */
static char *
appeals_summary (JsonArray *people)
{
  guint n_open = 0, n_overdue = 0;

  for (guint i = 0; i < json_array_get_length (people); i++)
    {
      JsonNode *node = json_object_get_member (json_array_get_object_element (people, i), "appeal");
      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node)
          || g_strcmp0 (attain_json_get_string (json_node_get_object (node), "outcome"), "open")
                 != 0)
        continue;
      n_open++;
      if (json_object_get_boolean_member (json_node_get_object (node), "overdue"))
        n_overdue++;
    }
  if (n_open == 0)
    return NULL;
  /* Translators: the open appeals of a review cycle and how many of them are overdue */
  return g_strdup_printf (_ ("Appeals: %u open, %u overdue"), n_open, n_overdue);
}

static void
show_scores (AttainEvaluationPage *self, JsonNode *node)
{
  JsonObject      *root = json_node_get_object (node);
  JsonArray       *people = json_object_get_array_member (root, "people");
  GtkWidget       *child;
  g_autofree char *counts = NULL, *states = NULL;
  g_autofree char *guideline
      = attain_cycle_guideline_text (json_object_get_object_member (root, "distribution"));
  g_autoptr (GPtrArray) sorted = attain_calibration_members_sorted (node);
  AttainRatingDistribution distribution;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->members_list))) != NULL)
    gtk_list_box_remove (self->members_list, child);
  counts = g_strdup_printf (
      /* Translators: the heading of a review cycle's page */
      g_dngettext (GETTEXT_PACKAGE, "%u person in the cycle, in order of composite score",
                   "%u people in the cycle, in order of composite score",
                   json_array_get_length (people)),
      json_array_get_length (people));
  gtk_label_set_label (self->distribution_label, counts);
  gtk_label_set_label (self->guideline_label, guideline);
  attain_calibration_distribution (node, &distribution);
  attain_chart_view_set_rating (self->rating_chart, &distribution);
  states = states_summary (people);
  {
    const char *due = attain_json_get_string (root, "due_on");
    guint       n_late = 0;
    for (guint i = 0; i < json_array_get_length (people); i++)
      {
        JsonObject *p = json_array_get_object_element (people, i);
        if (json_object_has_member (p, "late") && json_object_get_boolean_member (p, "late"))
          n_late++;
      }
    if (due != NULL)
      {
        /* Translators: the cycle's due day and how many are late; "due 2026-10-30 · 3 late" */
        g_autofree char *more = g_strdup_printf (_ ("%s · due %s · %u late"), states, due, n_late);
        g_free (states);
        states = g_steal_pointer (&more);
      }
  }
  {
    g_autofree char *appeals = appeals_summary (people);
    if (appeals != NULL)
      {
        g_autofree char *both = g_strdup_printf ("%s · %s", states, appeals);
        g_free (states);
        states = g_steal_pointer (&both);
      }
  }
  gtk_label_set_label (self->states_label, states);

  for (guint i = 0; i < sorted->len; i++)
    {
      JsonObject *p = g_ptr_array_index (sorted, i);
      GtkWidget  *row = adw_action_row_new ();
      GtkWidget  *rating = gtk_label_new (
           attain_json_get_string (p, "rating") ? attain_json_get_string (p, "rating") : "—");
      GtkWidget       *calibrate = gtk_button_new_from_icon_name ("document-edit-symbolic");
      double           composite = attain_json_get_number (p, "composite");
      g_autofree char *subtitle = NULL;
      g_autofree char *number = attain_format_score (composite);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), attain_json_get_string (p, "name"));
      if (attain_json_get_string (p, "calibration_reason") != NULL)
        /* Translators: a member's line after calibration: state, composite, computed band, reason */
        subtitle = g_strdup_printf (_ ("%s · %s points · computed %s · calibrated: %s"),
                                    attain_cycle_state_label (attain_json_get_string (p, "state")),
                                    number,
                                    attain_json_get_string (p, "rating_computed")
                                        ? attain_json_get_string (p, "rating_computed")
                                        : "—",
                                    attain_json_get_string (p, "calibration_reason"));
      else
        /* Translators: a member's line: state, composite and scorecard */
        subtitle = g_strdup_printf (
            _ ("%s · %s points · %s"),
            attain_cycle_state_label (attain_json_get_string (p, "state")), number,
            attain_json_get_string (p, "scorecard") ? attain_json_get_string (p, "scorecard")
                                                    : _ ("goals' weights"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (rating, "title-3");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), rating);
      gtk_widget_set_valign (calibrate, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (calibrate, "flat");
      gtk_widget_set_tooltip_text (calibrate, _ ("Calibrate the rating"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (calibrate), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ ("Calibrate the rating"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (calibrate), "evaluation.calibrate");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (calibrate), "x",
                                        (gint64) attain_json_get_number (p, "person"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), calibrate);
      if (json_object_has_member (p, "late") && json_object_get_boolean_member (p, "late"))
        {
          GtkWidget *late = gtk_label_new (_ ("Late"));
          gtk_widget_add_css_class (late, "error");
          gtk_widget_set_tooltip_text (late, _ ("Not signed off by the cycle's due day"));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), late);
        }
      add_appeal_parts (ADW_ACTION_ROW (row), p);
      gtk_list_box_append (self->members_list, row);
    }
}

static void
scores_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AttainEvaluationPage *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = attain_load_finish (result, load_scores, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_object_unref (self);
      return;
    }
  g_clear_object (&self->load);
  if (node == NULL)
    toast (self, error->message);
  else
    {
      show_scores (self, node);
      g_clear_pointer (&self->scores, json_node_unref);
      self->scores = g_steal_pointer (&node);
    }
  g_object_unref (self);
}

static gint64
selected_cycle (AttainEvaluationPage *self)
{
  guint i = gtk_drop_down_get_selected (self->cycle_dropdown);
  return i < self->cycle_ids->len ? g_array_index (self->cycle_ids, gint64, i) : 0;
}

static void
load_selected (AttainEvaluationPage *self)
{
  ScoresRequest *request;
  gint64         cycle = selected_cycle (self);

  if (self->load != NULL)
    g_cancellable_cancel (self->load);
  g_clear_object (&self->load);
  gtk_stack_set_visible_child_name (self->stack, cycle > 0 ? "cycle" : "empty");
  /* A reload of the same cycle keeps what is shown (and printable) until the new scores come. */
  if (self->scores != NULL
      && (gint64) attain_json_get_number (json_node_get_object (self->scores), "cycle") != cycle)
    g_clear_pointer (&self->scores, json_node_unref);
  if (cycle == 0)
    return;
  request = g_new0 (ScoresRequest, 1);
  request->cycle_id = cycle;
  attain_context_get_today (self->context, &request->today);
  self->load = g_cancellable_new ();
  attain_load_async (attain_context_get_db_path (self->context), load_scores, request, g_free,
                     (GDestroyNotify) json_node_unref, load_scores, self->load, scores_loaded_cb,
                     g_object_ref (self));
}

/* The cycles, newest first; keeps the one chosen when it is still there. */
static void
reload (AttainEvaluationPage *self, gint64 choose)
{
  g_autoptr (GPtrArray) cycles = attain_cycle_list (attain_context_get_db (self->context), NULL);
  gint64 keep = choose > 0 ? choose : selected_cycle (self);
  guint  position = 0;

  self->filling = TRUE;
  gtk_string_list_splice (self->cycle_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->cycle_names)), NULL);
  g_array_set_size (self->cycle_ids, 0);
  for (guint i = 0; cycles != NULL && i < cycles->len; i++)
    {
      AttainCycle     *cycle = g_ptr_array_index (cycles, i);
      g_autofree char *period = attain_period_to_label (&cycle->period);
      g_autofree char *label = g_strdup_printf ("%s (%s)", cycle->name, period);
      gtk_string_list_append (self->cycle_names, label);
      g_array_append_val (self->cycle_ids, cycle->id);
      if (cycle->id == keep)
        position = i;
    }
  gtk_drop_down_set_selected (self->cycle_dropdown, position);
  self->filling = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->cycle_dropdown), self->cycle_ids->len > 0);
  load_selected (self);
}

static void
on_cycle_selected_cb (AttainEvaluationPage *self)
{
  if (!self->filling)
    load_selected (self);
}

/* A cycle for the window's period and the whole company, named after the period. */
static void
start_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainEvaluationPage *self = ATTAIN_EVALUATION_PAGE (widget);
  AttainSession        *session = attain_context_get_session (self->context);
  const AttainPeriod   *period = attain_session_get_period (session);
  g_autofree char      *label = attain_period_to_label (period);
  g_autofree char      *name = NULL;
  g_autofree char      *unit_name = NULL;
  g_autoptr (GError) error = NULL;
  AttainScope scope;
  gboolean    has_parent = FALSE;
  gint64      unit = 0, id;

  /* The unit the window shows (a region, a team), else the whole company. */
  if (attain_session_get_scope (session, &scope) && scope.kind == ATTAIN_SCOPE_UNIT
      && attain_org_describe (attain_context_get_db (self->context), &scope, &unit_name, NULL, NULL,
                              &has_parent, NULL)
      && has_parent)
    unit = scope.id;
  if (unit != 0)
    /* Translators: the name of a new review cycle: the period, then the unit */
    name = g_strdup_printf (_ ("Reviews of %s — %s"), label, unit_name);
  else
    /* Translators: the name of a new review cycle, %s is the period */
    name = g_strdup_printf (_ ("Reviews of %s"), label);
  id = attain_cycle_start (attain_context_get_db (self->context), name, period, unit, &error);
  if (id == 0)
    {
      toast (self, error->message);
      return;
    }
  reload (self, id);
}

static void
calibrate_response_cb (AdwMessageDialog *dialog, const char *response, AttainEvaluationPage *self)
{
  static const char *bands[] = { "S", "A", "B", "C", "D" };
  GtkDropDown       *band = g_object_get_data (G_OBJECT (dialog), "band");
  GtkEditable       *reason = g_object_get_data (G_OBJECT (dialog), "reason");
  gint64             person = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "person"));
  g_autoptr (GError) error = NULL;

  self->dialog = NULL;
  if (!g_str_equal (response, "calibrate"))
    return;
  if (!attain_cycle_calibrate (attain_context_get_db (self->context), selected_cycle (self), person,
                               bands[MIN (gtk_drop_down_get_selected (band), 4)],
                               gtk_editable_get_text (reason),
                               attain_cycle_scores_rating (self->scores, person), &error))
    {
      toast (self, error->message);
      return;
    }
  load_selected (self);
}

static void
calibrate_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainEvaluationPage *self = ATTAIN_EVALUATION_PAGE (widget);
  GtkWidget            *dialog, *box, *band, *reason;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _ ("Calibrate the Rating"),
                                   _ ("Every move is kept with its reason, who made it and when."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  band = gtk_drop_down_new_from_strings ((const char *[]){ "S", "A", "B", "C", "D", NULL });
  {
    /* Starts on the band the person holds now. */
    static const char *const bands[] = { "S", "A", "B", "C", "D" };
    const char *now = attain_cycle_scores_rating (self->scores, g_variant_get_int64 (parameter));
    guint       index = 2;
    for (guint b = 0; now != NULL && b < G_N_ELEMENTS (bands); b++)
      if (g_str_equal (now, bands[b]))
        index = b;
    gtk_drop_down_set_selected (GTK_DROP_DOWN (band), index);
  }
  gtk_widget_set_tooltip_text (band, _ ("The rating after calibration"));
  reason = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (reason), _ ("Why the rating moves"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reason), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Why the rating moves"), -1);
  gtk_box_append (GTK_BOX (box), band);
  gtk_box_append (GTK_BOX (box), reason);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  g_object_set_data (G_OBJECT (dialog), "band", band);
  g_object_set_data (G_OBJECT (dialog), "reason", reason);
  g_object_set_data (G_OBJECT (dialog), "person",
                     GSIZE_TO_POINTER ((gsize) g_variant_get_int64 (parameter)));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"),
                                    "calibrate", _ ("C_alibrate"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "calibrate",
                                              ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (calibrate_response_cb), self, 0);
  self->dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  gint64   cycle_id;
  GDate    today;
  char    *path;
  gboolean xlsx;
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_free (request->path);
  g_free (request);
}

/* Scoring everyone again takes a while in a big company: on the worker, like the page's load. */
static gpointer
export_scores (AttainDb *db, gpointer data, GCancellable *cancellable, GError **error)
{
  ExportRequest *r = data;
  g_autoptr (AttainTable) table = attain_export_scores (db, r->cycle_id, &r->today, error);

  if (table == NULL
      || !(r->xlsx ? attain_table_write_xlsx (table, r->path, error)
                   : attain_table_write_csv (table, r->path, error)))
    return NULL;
  return g_path_get_basename (r->path);
}

static void
exported_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AttainEvaluationPage *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = attain_load_finish (result, export_scores, &error);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = NULL;
      g_clear_object (&self->export_job);
      /* Translators: %s is a file name */
      message = name != NULL ? g_strdup_printf (_ ("Saved “%s”"), name) : g_strdup (error->message);
      toast (self, message);
    }
  g_object_unref (self);
}

void
attain_evaluation_page_export (AttainEvaluationPage *self, const char *path, gboolean xlsx)
{
  ExportRequest *request;

  g_return_if_fail (ATTAIN_IS_EVALUATION_PAGE (self));
  if (selected_cycle (self) == 0 || self->export_job != NULL)
    return;
  request = g_new0 (ExportRequest, 1);
  request->cycle_id = selected_cycle (self);
  attain_context_get_today (self->context, &request->today);
  request->path = g_strdup (path);
  request->xlsx = xlsx;
  self->export_job = g_cancellable_new ();
  attain_load_async (attain_context_get_db_path (self->context), export_scores, request,
                     (GDestroyNotify) export_request_free, g_free, export_scores, self->export_job,
                     exported_cb, g_object_ref (self));
}

gboolean
attain_evaluation_page_is_exporting (AttainEvaluationPage *self)
{
  g_return_val_if_fail (ATTAIN_IS_EVALUATION_PAGE (self), FALSE);
  return self->export_job != NULL;
}

static void
export_response_cb (GtkNativeDialog *chooser, int response, AttainEvaluationPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      attain_evaluation_page_export (
          self, path, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "xlsx")));
    }
  g_object_unref (chooser);
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainEvaluationPage *self = ATTAIN_EVALUATION_PAGE (widget);
  gboolean              xlsx = g_str_equal (action_name, "evaluation.export-xlsx");
  GtkFileChooserNative *chooser;
  g_autofree char      *name = NULL;
  guint                 i = gtk_drop_down_get_selected (self->cycle_dropdown);

  if (selected_cycle (self) == 0)
    return;
  /* Translators: suggested file name of a cycle's scores, %s is the cycle's name */
  name = g_strdup_printf (_ ("scores-%s.%s"), gtk_string_list_get_string (self->cycle_names, i),
                          xlsx ? "xlsx" : "csv");
  g_strdelimit (name, "/\\", '-');
  chooser = gtk_file_chooser_native_new (
      xlsx ? _ ("Export as Excel") : _ ("Export as CSV"), GTK_WINDOW (gtk_widget_get_root (widget)),
      GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "xlsx", GINT_TO_POINTER (xlsx));
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The calibration sheet of the cycle shown, through the print dialog (or into a PDF when the
 * action names a file). */
static void
print_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainEvaluationPage *self = ATTAIN_EVALUATION_PAGE (widget);
  g_autoptr (GPtrArray) documents
      = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_document_free);
  g_autoptr (GError) error = NULL;
  g_autofree char *company = NULL;
  GDate            today;

  if (self->scores == NULL)
    return;
  company = attain_db_get_setting (attain_context_get_db (self->context), "company_name", NULL);
  attain_context_get_today (self->context, &today);
  g_ptr_array_add (documents, attain_calibration_report (self->scores, company, &today,
                                                         attain_report_language_for (NULL)));
  if (!attain_document_print_run (
          documents, _ ("Calibration"), GTK_WINDOW (gtk_widget_get_root (widget)),
          GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
          parameter ? g_variant_get_string (parameter, NULL) : NULL, FALSE, &error))
    toast (self, error->message);
}

static void
on_scorecard_saved_cb (AttainEvaluationPage *self, gint64 id)
{
  g_autoptr (AttainScorecard) card
      = attain_scorecard_load (attain_context_get_db (self->context), id, NULL);

  if (card != NULL)
    {
      /* Translators: a scorecard's name and its new version number */
      g_autofree char *message
          = g_strdup_printf (_ ("Saved scorecard “%s”, version %d. Cycles started from now on use "
                                "it."),
                             card->name, card->version);
      toast (self, message);
    }
}

static void
on_dialog_destroyed_cb (AttainEvaluationPage *self)
{
  self->dialog = NULL;
}

static void
scorecards_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainEvaluationPage *self = ATTAIN_EVALUATION_PAGE (widget);
  GtkWidget            *dialog
      = attain_scorecard_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->context);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_scorecard_saved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_dialog_destroyed_cb), self,
                           G_CONNECT_SWAPPED);
  self->dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_ratings_saved_cb (AttainEvaluationPage *self, guint n_changed)
{
  g_autofree char *message = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "Saved %u rating.", "Saved %u ratings.", n_changed), n_changed);
  toast (self, message);
}

static void
feedback_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainEvaluationPage *self = ATTAIN_EVALUATION_PAGE (widget);
  GtkWidget            *window;

  if (self->scores == NULL)
    return;
  window = attain_feedback_window_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->context,
                                       self->scores);
  g_signal_connect_object (window, "destroy", G_CALLBACK (on_dialog_destroyed_cb), self,
                           G_CONNECT_SWAPPED);
  self->dialog = window;
  gtk_window_present (GTK_WINDOW (window));
}

/* The cycle's people, a row each, rated from the keyboard. */
static void
rate_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainEvaluationPage *self = ATTAIN_EVALUATION_PAGE (widget);
  GtkWidget            *window;

  if (self->scores == NULL)
    return;
  window = attain_rating_grid_window_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->context,
                                          self->scores);
  g_signal_connect_object (window, "saved", G_CALLBACK (on_ratings_saved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (window, "destroy", G_CALLBACK (on_dialog_destroyed_cb), self,
                           G_CONNECT_SWAPPED);
  self->dialog = window;
  gtk_window_present (GTK_WINDOW (window));
}

typedef struct
{
  GArray      *people; /* gint64 */
  AttainPeriod period;
  GDate        today;
  char        *directory;
} FormsRequest;

static void
forms_request_free (FormsRequest *request)
{
  g_array_unref (request->people);
  g_free (request->directory);
  g_free (request);
}

/* One form a person, on the worker: thousands of workbooks take a while. */
static gpointer
write_forms (AttainDb *db, gpointer data, GCancellable *cancellable, GError **error)
{
  FormsRequest *r = data;

  for (guint i = 0; i < r->people->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error)
          || !attain_self_assessment_write_into (db, g_array_index (r->people, gint64, i),
                                                 &r->period, &r->today, r->directory, error))
        return NULL;
    }
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %u self-assessment form into %s.",
                                       "Wrote %u self-assessment forms into %s.", r->people->len),
                          r->people->len, r->directory);
}

static void
forms_written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AttainEvaluationPage *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = attain_load_finish (result, write_forms, &error);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_object (&self->export_job);
      toast (self, message != NULL ? message : error->message);
    }
  g_object_unref (self);
}

void
attain_evaluation_page_export_forms (AttainEvaluationPage *self, const char *directory)
{
  JsonArray    *people;
  FormsRequest *request;
  int           fy;

  g_return_if_fail (ATTAIN_IS_EVALUATION_PAGE (self));
  if (self->scores == NULL || self->export_job != NULL)
    return;
  request = g_new0 (FormsRequest, 1);
  request->people = g_array_new (FALSE, FALSE, sizeof (gint64));
  people = json_object_get_array_member (json_node_get_object (self->scores), "people");
  for (guint i = 0; i < json_array_get_length (people); i++)
    {
      gint64 id
          = (gint64) attain_json_get_number (json_array_get_object_element (people, i), "person");
      g_array_append_val (request->people, id);
    }
  fy = attain_db_get_setting_int (attain_context_get_db (self->context), "fiscal_year_start_month",
                                  1);
  attain_period_parse (attain_json_get_string (json_node_get_object (self->scores), "period"), fy,
                       &request->period, NULL);
  attain_context_get_today (self->context, &request->today);
  request->directory = g_strdup (directory);
  self->export_job = g_cancellable_new ();
  attain_load_async (attain_context_get_db_path (self->context), write_forms, request,
                     (GDestroyNotify) forms_request_free, g_free, write_forms, self->export_job,
                     forms_written_cb, g_object_ref (self));
}

static void
forms_folder_cb (GtkNativeDialog *chooser, int response, AttainEvaluationPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (folder);
      attain_evaluation_page_export_forms (self, path);
    }
  g_object_unref (chooser);
}

static void
export_forms_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainEvaluationPage *self = ATTAIN_EVALUATION_PAGE (widget);
  GtkFileChooserNative *chooser;

  if (self->scores == NULL)
    return;
  chooser = gtk_file_chooser_native_new (
      _ ("Export Self-Assessment Forms"), GTK_WINDOW (gtk_widget_get_root (widget)),
      GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _ ("_Export"), _ ("_Cancel"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (forms_folder_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

typedef struct
{
  GArray      *people; /* gint64 */
  AttainPeriod period;
  GDate        today;
  char        *language;
  char        *pdf; /* NULL: the print dialog */
} PaperFormsRequest;

static void
paper_forms_request_free (PaperFormsRequest *request)
{
  g_array_unref (request->people);
  g_free (request->language);
  g_free (request->pdf);
  g_free (request);
}

/* Each form needs the person's results: built on the worker, printed on the main thread. */
static gpointer
build_paper_forms (AttainDb *db, gpointer data, GCancellable *cancellable, GError **error)
{
  PaperFormsRequest *r = data;
  g_autoptr (GPtrArray) documents
      = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_document_free);

  for (guint i = 0; i < r->people->len; i++)
    {
      g_autoptr (AttainReviewSheet) sheet = NULL;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      sheet = attain_review_sheet_load (db, g_array_index (r->people, gint64, i), &r->period,
                                        &r->today, error);
      if (sheet == NULL)
        return NULL;
      g_ptr_array_add (documents, attain_self_assessment_report (sheet, r->language));
    }
  return g_steal_pointer (&documents);
}

static void
paper_forms_built_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AttainEvaluationPage *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) documents = attain_load_finish (result, build_paper_forms, &error);
  const char *pdf = g_object_get_data (G_OBJECT (self->export_job), "pdf");

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_object_unref (self);
      return;
    }
  if (documents == NULL
      || !attain_document_print_run (documents, _ ("Self-assessment forms"),
                                     GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                     GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, pdf, FALSE, &error))
    toast (self, error->message);
  g_clear_object (&self->export_job);
  g_object_unref (self);
}

static void
print_forms_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainEvaluationPage *self = ATTAIN_EVALUATION_PAGE (widget);
  PaperFormsRequest    *request;
  JsonArray            *people;
  int                   fy;

  if (self->scores == NULL || self->export_job != NULL)
    return;
  request = g_new0 (PaperFormsRequest, 1);
  request->people = g_array_new (FALSE, FALSE, sizeof (gint64));
  people = json_object_get_array_member (json_node_get_object (self->scores), "people");
  for (guint i = 0; i < json_array_get_length (people); i++)
    {
      gint64 id
          = (gint64) attain_json_get_number (json_array_get_object_element (people, i), "person");
      g_array_append_val (request->people, id);
    }
  fy = attain_db_get_setting_int (attain_context_get_db (self->context), "fiscal_year_start_month",
                                  1);
  attain_period_parse (attain_json_get_string (json_node_get_object (self->scores), "period"), fy,
                       &request->period, NULL);
  attain_context_get_today (self->context, &request->today);
  request->language = g_strdup (attain_report_language_for (NULL));
  self->export_job = g_cancellable_new ();
  if (parameter != NULL)
    g_object_set_data_full (G_OBJECT (self->export_job), "pdf",
                            g_strdup (g_variant_get_string (parameter, NULL)), g_free);
  attain_load_async (attain_context_get_db_path (self->context), build_paper_forms, request,
                     (GDestroyNotify) paper_forms_request_free, (GDestroyNotify) g_ptr_array_unref,
                     build_paper_forms, self->export_job, paper_forms_built_cb,
                     g_object_ref (self));
}

/* Filled forms are small: each is read and written in one transaction, in turn; the first that
 * is refused stops the rest and says why (the ones before it are in). */
guint
attain_evaluation_page_import_forms (AttainEvaluationPage *self, GSList *paths, GError **error)
{
  guint n = 0;

  for (GSList *l = paths; l != NULL; l = l->next, n++)
    {
      g_autoptr (GError) local_error = NULL;
      if (!attain_self_assessment_import (attain_context_get_db (self->context), l->data, NULL,
                                          &local_error))
        {
          g_autofree char *base = g_path_get_basename (l->data);
          /* Translators: how many forms were imported before one was refused, its name, why */
          g_set_error (error, local_error->domain, local_error->code,
                       _ ("%u imported; “%s” was not: %s"), n, base, local_error->message);
          return n;
        }
    }
  return n;
}

static void
import_forms_cb (GtkNativeDialog *chooser, int response, AttainEvaluationPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      GListModel *files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      GSList     *paths = NULL;
      g_autoptr (GError) error = NULL;
      guint n;

      for (guint i = g_list_model_get_n_items (files); i > 0; i--)
        {
          g_autoptr (GFile) file = g_list_model_get_item (files, i - 1);
          paths = g_slist_prepend (paths, g_file_get_path (file));
        }
      g_object_unref (files);
      n = attain_evaluation_page_import_forms (self, paths, &error);
      g_slist_free_full (paths, g_free);
      if (error != NULL)
        toast (self, error->message);
      else
        {
          g_autofree char *message
              = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u self-assessment.",
                                              "Imported %u self-assessments.", n),
                                 n);
          toast (self, message);
        }
    }
  g_object_unref (chooser);
}

static void
import_forms_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainEvaluationPage *self = ATTAIN_EVALUATION_PAGE (widget);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (
      _ ("Import Filled Self-Assessments"), GTK_WINDOW (gtk_widget_get_root (widget)),
      GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Import"), _ ("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _ ("Excel workbook"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_forms_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
scores_period (AttainEvaluationPage *self, AttainPeriod *period)
{
  int fy = attain_db_get_setting_int (attain_context_get_db (self->context),
                                      "fiscal_year_start_month", 1);
  return self->scores != NULL
         && attain_period_parse (
             attain_json_get_string (json_node_get_object (self->scores), "period"), fy, period,
             NULL);
}

static void
appeal_response_cb (AdwMessageDialog *dialog, const char *response, AttainEvaluationPage *self)
{
  gint64 person = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "person"));
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainReview) review = NULL;
  AttainPeriod period;
  GDate        received, today;

  self->dialog = NULL;
  if (!g_str_equal (response, "record") || !scores_period (self, &period))
    return;
  if (!attain_date_parse_iso (
          gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "received")), &received))
    {
      toast (self, _ ("The day the employee received the report is not a date. Use a date like "
                      "2026-03-05; nothing was recorded."));
      return;
    }
  attain_context_get_today (self->context, &today);
  review = attain_review_find (attain_context_get_db (self->context), person, &period, &error);
  if (review == NULL
      || attain_appeal_record (
             attain_context_get_db (self->context), review->id, &received,
             gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "reason")),
             gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "handler")),
             gtk_check_button_get_active (g_object_get_data (G_OBJECT (dialog), "working")), &today,
             &error)
             == 0)
    toast (self, error != NULL ? error->message : _ ("There is no review to appeal against."));
}

static GtkWidget *
labelled_entry (GtkWidget *box, const char *label, const char *text)
{
  GtkWidget *entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_box_append (GTK_BOX (box), entry);
  return entry;
}

/* The employee's appeal against a signed-off review: the day they received the report sets the
 * deadline; the reason is required. */
static void
appeal_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainEvaluationPage *self = ATTAIN_EVALUATION_PAGE (widget);
  GtkWidget            *dialog, *box, *date_box, *received, *working;
  g_autofree char      *today_iso = NULL;
  GDate                 today;

  attain_context_get_today (self->context, &today);
  today_iso = attain_date_to_iso (&today);
  {
    int days = attain_db_get_setting_int (attain_context_get_db (self->context), "appeal_days", 15);
    /* Translators: %d is the number of days an appeal must be decided in (Settings) */
    g_autofree char *body = g_strdup_printf (
        _ ("An appeal is decided within %d days of the day the employee received the report. "
           "Upheld, it reopens the review; the decision is kept either way."),
        days);
    dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                     _ ("Record an Appeal"), body);
  }
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  date_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  received = labelled_entry (date_box, _ ("Report received on"), today_iso);
  gtk_widget_set_hexpand (received, TRUE);
  gtk_box_append (GTK_BOX (date_box), attain_date_button_new (GTK_EDITABLE (received)));
  gtk_box_append (GTK_BOX (box), date_box);
  g_object_set_data (G_OBJECT (dialog), "received", received);
  g_object_set_data (G_OBJECT (dialog), "reason",
                     labelled_entry (box, _ ("The employee's reason"), NULL));
  g_object_set_data (G_OBJECT (dialog), "handler", labelled_entry (box, _ ("Handled by"), NULL));
  working = gtk_check_button_new_with_label (_ ("Count working days (Monday to Friday)"));
  gtk_box_append (GTK_BOX (box), working);
  g_object_set_data (G_OBJECT (dialog), "working", working);
  g_object_set_data (G_OBJECT (dialog), "person",
                     GSIZE_TO_POINTER ((gsize) g_variant_get_int64 (parameter)));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "record",
                                    _ ("_Record Appeal"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "record",
                                              ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (appeal_response_cb), self, 0);
  self->dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
decide_response_cb (AdwMessageDialog *dialog, const char *response, AttainEvaluationPage *self)
{
  gint64 appeal = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "appeal"));
  g_autoptr (GError) error = NULL;
  GDate today;

  self->dialog = NULL;
  if (!g_str_equal (response, "uphold") && !g_str_equal (response, "reject"))
    return;
  attain_context_get_today (self->context, &today);
  if (!attain_appeal_decide (
          attain_context_get_db (self->context), appeal, g_str_equal (response, "uphold"),
          gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "note")), &today, &error))
    toast (self, error->message);
}

static void
decide_appeal_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainEvaluationPage *self = ATTAIN_EVALUATION_PAGE (widget);
  GtkWidget            *dialog, *box;

  dialog = adw_message_dialog_new (
      GTK_WINDOW (gtk_widget_get_root (widget)), _ ("Decide the Appeal"),
      _ ("Upheld, the review reopens for changes and is signed again; rejected, it stays as "
         "signed. The decision and its note are kept and cannot be changed."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_object_set_data (G_OBJECT (dialog), "note",
                     labelled_entry (box, _ ("Note on the decision"), NULL));
  g_object_set_data (G_OBJECT (dialog), "appeal",
                     GSIZE_TO_POINTER ((gsize) g_variant_get_int64 (parameter)));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "reject",
                                    _ ("_Reject"), "uphold", _ ("_Uphold and Reopen"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "uphold",
                                              ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (decide_response_cb), self, 0);
  self->dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_context_changed_cb (AttainEvaluationPage *self, guint changes)
{
  /* Every change can move a score or a step: reviews (sign-off, interview, appeals), goals
   * (ratings), data (results), cycles. Scoring everyone again is work: a page out of sight
   * only notes it and reloads when it is shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  reload (self, 0);
}

static void
attain_evaluation_page_map (GtkWidget *widget)
{
  AttainEvaluationPage *self = ATTAIN_EVALUATION_PAGE (widget);

  GTK_WIDGET_CLASS (attain_evaluation_page_parent_class)->map (widget);
  if (self->stale)
    {
      self->stale = FALSE;
      reload (self, 0);
    }
}

static void
attain_evaluation_page_constructed (GObject *object)
{
  AttainEvaluationPage *self = ATTAIN_EVALUATION_PAGE (object);

  G_OBJECT_CLASS (attain_evaluation_page_parent_class)->constructed (object);
  self->cycle_names = gtk_string_list_new (NULL);
  self->cycle_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_drop_down_set_model (self->cycle_dropdown, G_LIST_MODEL (self->cycle_names));
  g_signal_connect_object (self->cycle_dropdown, "notify::selected",
                           G_CALLBACK (on_cycle_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "changed", G_CALLBACK (on_context_changed_cb), self,
                           G_CONNECT_SWAPPED);
  reload (self, 0);
}

static void
attain_evaluation_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AttainEvaluationPage *self = ATTAIN_EVALUATION_PAGE (object);
  if (prop_id == PROP_CONTEXT)
    self->context = g_value_dup_object (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
attain_evaluation_page_dispose (GObject *object)
{
  AttainEvaluationPage *self = ATTAIN_EVALUATION_PAGE (object);
  GtkWidget            *child;

  if (self->load != NULL)
    g_cancellable_cancel (self->load);
  g_clear_object (&self->load);
  if (self->export_job != NULL)
    g_cancellable_cancel (self->export_job);
  g_clear_object (&self->export_job);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATTAIN_TYPE_EVALUATION_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->cycle_names);
  g_clear_pointer (&self->scores, json_node_unref);
  g_clear_pointer (&self->cycle_ids, g_array_unref);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (attain_evaluation_page_parent_class)->dispose (object);
}

static void
attain_evaluation_page_class_init (AttainEvaluationPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = attain_evaluation_page_constructed;
  object_class->set_property = attain_evaluation_page_set_property;
  object_class->dispose = attain_evaluation_page_dispose;
  widget_class->map = attain_evaluation_page_map;
  properties[PROP_CONTEXT]
      = g_param_spec_object ("context", NULL, NULL, ATTAIN_TYPE_CONTEXT,
                             G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ATTAIN_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/attain/Attain/ui/attain-evaluation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AttainEvaluationPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AttainEvaluationPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AttainEvaluationPage, cycle_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AttainEvaluationPage, distribution_label);
  gtk_widget_class_bind_template_child (widget_class, AttainEvaluationPage, guideline_label);
  gtk_widget_class_bind_template_child (widget_class, AttainEvaluationPage, members_list);
  gtk_widget_class_bind_template_child (widget_class, AttainEvaluationPage, rating_chart);
  gtk_widget_class_bind_template_child (widget_class, AttainEvaluationPage, states_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "evaluation.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "evaluation.calibrate", "x", calibrate_action);
  gtk_widget_class_install_action (widget_class, "evaluation.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "evaluation.scorecards", NULL, scorecards_action);
  gtk_widget_class_install_action (widget_class, "evaluation.rate", NULL, rate_action);
  gtk_widget_class_install_action (widget_class, "evaluation.feedback", NULL, feedback_action);
  gtk_widget_class_install_action (widget_class, "evaluation.appeal", "x", appeal_action);
  gtk_widget_class_install_action (widget_class, "evaluation.decide-appeal", "x",
                                   decide_appeal_action);
  gtk_widget_class_install_action (widget_class, "evaluation.export-forms", NULL,
                                   export_forms_action);
  gtk_widget_class_install_action (widget_class, "evaluation.print-forms", NULL,
                                   print_forms_action);
  gtk_widget_class_install_action (widget_class, "evaluation.print-forms-to-file", "s",
                                   print_forms_action);
  gtk_widget_class_install_action (widget_class, "evaluation.import-forms", NULL,
                                   import_forms_action);
  /* The same operation writing a PDF without a dialog: for tests and scripted runs. */
  gtk_widget_class_install_action (widget_class, "evaluation.print-to-file", "s", print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "evaluation.print", NULL);
  gtk_widget_class_install_action (widget_class, "evaluation.export-csv", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "evaluation.export-xlsx", NULL, export_action);
}

static void
attain_evaluation_page_init (AttainEvaluationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
attain_evaluation_page_new (AttainContext *context)
{
  return g_object_new (ATTAIN_TYPE_EVALUATION_PAGE, "context", context, NULL);
}

gboolean
attain_evaluation_page_is_loading (AttainEvaluationPage *self)
{
  g_return_val_if_fail (ATTAIN_IS_EVALUATION_PAGE (self), FALSE);
  return self->load != NULL;
}

GListModel *
attain_evaluation_page_get_cycles (AttainEvaluationPage *self)
{
  g_return_val_if_fail (ATTAIN_IS_EVALUATION_PAGE (self), NULL);
  return G_LIST_MODEL (self->cycle_names);
}

GtkListBox *
attain_evaluation_page_get_members (AttainEvaluationPage *self)
{
  g_return_val_if_fail (ATTAIN_IS_EVALUATION_PAGE (self), NULL);
  return self->members_list;
}

const char *
attain_evaluation_page_get_heading (AttainEvaluationPage *self)
{
  g_return_val_if_fail (ATTAIN_IS_EVALUATION_PAGE (self), NULL);
  return gtk_label_get_label (self->distribution_label);
}

GtkWidget *
attain_evaluation_page_get_dialog (AttainEvaluationPage *self)
{
  g_return_val_if_fail (ATTAIN_IS_EVALUATION_PAGE (self), NULL);
  return self->dialog;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-pay-page.h"

#include <glib/gi18n.h>
#include <math.h>

#include "attain-chart-view.h"
#include "model/attain-bonus.h"
#include "model/attain-data-export.h"
#include "model/attain-format.h"
#include "model/attain-json.h"
#include "model/attain-loader.h"
#include "model/attain-org.h"
#include "model/attain-parse.h"
#include "model/attain-results.h"
#include "model/attain-training.h"
#include "attain-document-print.h"
#include "attain-pay-plan-dialog.h"
#include "report/attain-bonus-report.h"
#include "report/attain-certificate-report.h"
#include "report/attain-review-report.h"

struct _AttainPayPage
{
  GtkWidget parent_instance;

  AttainContext   *context;
  AdwToastOverlay *toast_overlay;
  GtkLabel        *title_label;
  GtkButton       *period_button;
  GtkLabel        *summary_label;
  AdwEntryRow     *pool_row;
  GtkWidget       *approve_button;
  AttainChartView *curve_chart;
  GtkListBox      *rows;
  GtkDropDown     *sort_drop;
  GtkListBox      *recognition_rows;
  GtkListBox      *promotion_rows;
  GtkListBox      *training_rows;
  GtkListBox      *plan_rows;
  JsonNode        *training;    /* the needs as loaded: the topics a plan can be made for */
  JsonNode        *recognition; /* the period's recognition as loaded: for the certificate */
  JsonNode        *plans;       /* the training plans as shown: what an edit starts from */
  GCancellable    *load;
  GtkWidget       *dialog;
  JsonNode        *sheet;
  gint64           unit_id;
  AttainPeriod     period;
  gboolean         stale;
  gboolean         filling;
};

G_DEFINE_FINAL_TYPE (AttainPayPage, attain_pay_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

typedef struct
{
  gint64       unit_id;
  AttainPeriod period;
  GDate        today;
} SheetRequest;

/* The sheet, the period's recognition and (after a quarter) who may be promoted, in one load. */
static gpointer
load_sheet (AttainDb *db, gpointer request, GCancellable *cancellable, GError **error)
{
  SheetRequest *r = request;
  g_autoptr (JsonNode) sheet = attain_bonus_sheet (db, r->unit_id, &r->period, &r->today, error);
  g_autoptr (JsonNode) recognition = NULL;
  g_autoptr (JsonNode) promotion = NULL;
  g_autoptr (JsonNode) training = NULL;
  g_autoptr (JsonNode) plans = NULL;
  g_autoptr (JsonNode) history = NULL;
  JsonObject *out;

  if (sheet == NULL)
    return NULL;
  recognition = attain_recognition (db, r->unit_id, &r->period, &r->today, error);
  if (recognition == NULL)
    return NULL;
  history = attain_recognition_history (db, r->unit_id, error);
  if (history == NULL)
    return NULL;
  if (r->period.kind == ATTAIN_PERIOD_QUARTER)
    {
      promotion = attain_promotion_candidates (db, r->unit_id, &r->period, &r->today, error);
      if (promotion == NULL)
        return NULL;
    }
  training = attain_training_needs (db, r->unit_id, &r->period, &r->today, error);
  if (training == NULL)
    return NULL;
  plans = attain_training_plans (db, r->unit_id, &r->period, error);
  if (plans == NULL)
    return NULL;
  out = json_object_new ();
  json_object_set_member (out, "training", g_steal_pointer (&training));
  json_object_set_member (out, "training_plans", g_steal_pointer (&plans));
  json_object_set_member (out, "recognition_history", g_steal_pointer (&history));
  json_object_set_member (out, "sheet", g_steal_pointer (&sheet));
  json_object_set_member (out, "recognition", g_steal_pointer (&recognition));
  if (promotion != NULL)
    json_object_set_member (out, "promotion", g_steal_pointer (&promotion));
  return json_node_init_object (json_node_alloc (), out);
}

static void
toast (AttainPayPage *self, const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static char *
money (JsonObject *sheet, JsonObject *row, const char *member)
{
  return attain_format_money_exact ((gint64) attain_json_get_number (row, member),
                                    attain_json_get_string (sheet, "currency"));
}

/* One person: name, what the figure rests on, and the total paid; the formulas on hover. */
/* A question with Cancel and one answer (@response, @label, @appearance), @extra under the
 * text (or NULL), @answered called with the response; the caller adds its data, then
 * present () shows it as the page's dialog. */
static GtkWidget *
ask (AttainPayPage        *self,
     const char           *heading,
     const char           *body,
     GtkWidget            *extra,
     const char           *response,
     const char           *label,
     AdwResponseAppearance appearance,
     GCallback             answered)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, body);

  if (extra != NULL)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), extra);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), response,
                                    label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response, appearance);
  g_signal_connect_object (dialog, "response", answered, self, 0);
  return dialog;
}

static void
present (AttainPayPage *self, GtkWidget *dialog)
{
  self->dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A course's name and first and last days, as three labelled entries appended to @box. */
static void
course_entries (GtkWidget *box, const char *course, const char *first, const char *last)
{
  const char *texts[] = { course, first, last };
  const char *labels[] = { _ ("Course"), _ ("First day"), _ ("Last day") };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      GtkWidget *entry = gtk_entry_new ();
      gtk_editable_set_text (GTK_EDITABLE (entry), texts[i] != NULL ? texts[i] : "");
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), labels[i]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      labels[i], -1);
      gtk_widget_set_tooltip_text (entry, labels[i]);
      gtk_box_append (GTK_BOX (box), entry);
    }
}

/* The dialog keeps the three entries course_entries () put first in @box. */
static void
keep_course_entries (GtkWidget *dialog, GtkWidget *box)
{
  static const char *const keys[] = { "course", "first", "last" };
  GtkWidget               *entry = gtk_widget_get_first_child (box);

  for (guint i = 0; i < G_N_ELEMENTS (keys) && entry != NULL; i++)
    {
      g_object_set_data (G_OBJECT (dialog), keys[i], entry);
      entry = gtk_widget_get_next_sibling (entry);
    }
}

/* The dialog's first and last days, or FALSE after a toast that says which is not a date. */
static gboolean
read_course_dates (AttainPayPage *self, AdwMessageDialog *dialog, GDate *starts, GDate *ends)
{
  GtkEditable *entries[] = { g_object_get_data (G_OBJECT (dialog), "first"),
                             g_object_get_data (G_OBJECT (dialog), "last") };
  GDate       *dates[] = { starts, ends };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    if (!attain_date_parse_iso (gtk_editable_get_text (entries[i]), dates[i]))
      {
        g_autofree char *message
            = g_strdup_printf (_ ("“%s” is not a date. Use a date like 2027-01-01."),
                               gtk_editable_get_text (entries[i]));
        toast (self, message);
        return FALSE;
      }
  return TRUE;
}

typedef struct
{
  guint  index; /* the sheet's own order: by unit, then person */
  char  *name;
  double values[3]; /* total paid, commission, score */
} SortKeys;

static void
sort_keys_free (gpointer data)
{
  g_free (((SortKeys *) data)->name);
  g_free (data);
}

static GtkWidget *
person_row (JsonObject *sheet, JsonObject *p, guint index)
{
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *total;
  g_autofree char *paid = money (sheet, p, "total_paid");
  g_autofree char *commission = money (sheet, p, "commission");
  g_autofree char *variable = money (sheet, p, "pooled_paid");
  g_autoptr (GString) subtitle = g_string_new (attain_json_get_string (p, "position"));
  g_autoptr (GString) tooltip = g_string_new (NULL);
  double composite = attain_json_get_number (p, "composite");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), attain_json_get_string (p, "name"));
  if (attain_json_get_string (p, "missing") != NULL)
    g_string_append_printf (subtitle, " · %s", attain_json_get_string (p, "missing"));
  else
    {
      char             number[32];
      g_autofree char *payout = attain_format_percent (attain_json_get_number (p, "payout"));
      g_ascii_formatd (number, sizeof number, "%.1f", composite);
      /* Translators: a bonus sheet row: score, rating, curve payout, variable paid */
      g_string_append_printf (subtitle, _ (" · %s points, %s · curve %s · variable %s"), number,
                              attain_json_get_string (p, "rating"), payout, variable);
    }
  /* Translators: a bonus sheet row: the commission */
  g_string_append_printf (subtitle, _ (" · commission %s"), commission);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  g_string_append_printf (tooltip, _ ("Commission: %s"),
                          attain_json_get_string (p, "commission_formula"));
  if (attain_json_get_string (p, "variable_formula") != NULL)
    g_string_append_printf (tooltip, "\n%s %s", _ ("Variable part:"),
                            attain_json_get_string (p, "variable_formula"));
  gtk_widget_set_tooltip_text (row, tooltip->str);
  total = gtk_label_new (paid);
  gtk_widget_add_css_class (total, "heading");
  gtk_widget_add_css_class (total, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), total);
  {
    /* What the sort compares, kept on the row. */
    SortKeys *keys = g_new0 (SortKeys, 1);
    keys->index = index;
    keys->name = g_strdup (attain_json_get_string (p, "name"));
    keys->values[0] = attain_json_get_number (p, "total_paid");
    keys->values[1] = attain_json_get_number (p, "commission");
    keys->values[2] = composite;
    g_object_set_data_full (G_OBJECT (row), "sort-keys", keys, sort_keys_free);
  }
  return row;
}

static int
sort_rows (GtkListBoxRow *a, GtkListBoxRow *b, gpointer data)
{
  AttainPayPage  *self = data;
  const SortKeys *x = g_object_get_data (G_OBJECT (a), "sort-keys");
  const SortKeys *y = g_object_get_data (G_OBJECT (b), "sort-keys");
  guint order = self->sort_drop != NULL ? gtk_drop_down_get_selected (self->sort_drop) : 0;

  if (x == NULL || y == NULL)
    return 0;
  if (order == 1)
    return g_utf8_collate (x->name, y->name);
  if (order >= 2 && order <= 4)
    {
      double u = x->values[order - 2], v = y->values[order - 2];
      /* Highest first; a row without the figure (no score) goes last. */
      if (isnan (u) != isnan (v))
        return isnan (u) ? 1 : -1;
      if (!isnan (u) && u != v)
        return u < v ? 1 : -1;
    }
  return x->index < y->index ? -1 : x->index > y->index;
}

static void
on_sort_changed_cb (AttainPayPage *self)
{
  gtk_list_box_invalidate_sort (self->rows);
}

static void
clear_rows (GtkListBox *list)
{
  GtkWidget *child;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
add_plain_row (GtkListBox *list, const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_append (list, row);
}

/* The period's best salesperson (or why nobody), and after a quarter who may be promoted: those
 * eligible first, then those who miss with what they miss by. */
static GtkWidget *
row_button (GtkWidget *row, const char *label, const char *tooltip, const char *action)
{
  GtkWidget *button = gtk_button_new_with_label (label);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return button;
}

/* The recognitions recorded before, newest first: a few rows under the period's own. */
static void
show_recognition_history (AttainPayPage *self, JsonObject *history)
{
  JsonArray *records = json_object_get_array_member (history, "history");

  /* The six newest: the last two quarters and their months. */
  for (guint i = 0; i < json_array_get_length (records) && i < 6; i++)
    {
      JsonObject      *r = json_array_get_object_element (records, i);
      g_autofree char *attainment
          = attain_format_percent (attain_json_get_number (r, "attainment"));
      /* Translators: a recorded recognition: period, title, metric, figure, attainment */
      g_autofree char *subtitle = g_strdup_printf (
          _ ("%s · %s — %s %s, %s of target"), attain_json_get_string (r, "period"),
          attain_json_get_string (r, "title"), attain_json_get_string (r, "metric_label"),
          attain_json_get_string (r, "value_text"), attainment);
      add_plain_row (self->recognition_rows, attain_json_get_string (r, "name"), subtitle);
    }
}

static void
show_results (AttainPayPage *self,
              JsonObject    *recognition,
              JsonObject    *promotion,
              JsonObject    *history)
{
  JsonArray *ranking = json_object_get_array_member (recognition, "ranking");
  gboolean   recorded = !json_object_get_null_member (recognition, "recorded");
  GDate      first, last, today;

  clear_rows (self->recognition_rows);
  attain_period_bounds (&self->period, &first, &last);
  attain_context_get_today (self->context, &today);
  if (recorded)
    {
      JsonObject *r = json_object_get_object_member (recognition, "recorded");
      /* Translators: the period's recorded winner: title, when it was recorded */
      g_autofree char *subtitle = g_strdup_printf (_ ("%s — recorded on %s"),
                                                   attain_json_get_string (recognition, "title"),
                                                   attain_json_get_string (r, "recorded_at"));
      add_plain_row (self->recognition_rows, attain_json_get_string (r, "name"), subtitle);
      row_button (gtk_widget_get_last_child (GTK_WIDGET (self->recognition_rows)),
                  _ ("Print Certificate…"), _ ("Print the certificate of recognition"),
                  "pay.print-certificate");
    }
  else if (json_array_get_length (ranking) > 0)
    {
      JsonObject      *first = json_array_get_object_element (ranking, 0);
      g_autofree char *attainment
          = attain_format_percent (attain_json_get_number (first, "attainment"));
      /* Translators: the period's winner: title, the metric, its figure, attainment, the rule */
      g_autofree char *subtitle = g_strdup_printf (
          _ ("%s — %s %s, %s of target. %s"), attain_json_get_string (recognition, "title"),
          attain_json_get_string (recognition, "metric_label"),
          attain_json_get_string (first, "value_text"), attainment,
          attain_json_get_string (recognition, "reason"));
      GtkWidget *row;
      add_plain_row (self->recognition_rows, attain_json_get_string (first, "name"), subtitle);
      row = gtk_widget_get_last_child (GTK_WIDGET (self->recognition_rows));
      /* Recorded once the period is over: until then the lead can still change. */
      if (g_date_compare (&today, &last) > 0 && self->period.kind != ATTAIN_PERIOD_YEAR)
        row_button (row, _ ("Record…"), _ ("Record the winner in the history of recognitions"),
                    "pay.record-recognition");
      row_button (row, _ ("Print Certificate…"), _ ("Print the certificate of recognition"),
                  "pay.print-certificate");
    }
  else
    add_plain_row (self->recognition_rows, attain_json_get_string (recognition, "title"),
                   attain_json_get_string (recognition, "reason"));
  show_recognition_history (self, history);

  clear_rows (self->promotion_rows);
  if (promotion == NULL)
    {
      add_plain_row (self->promotion_rows, _ ("Promotion is judged after a quarter"),
                     _ ("Show a quarter to see who may be promoted."));
      return;
    }
  for (int pass = 0; pass < 2; pass++)
    {
      JsonArray *people = json_object_get_array_member (promotion, "people");
      for (guint i = 0; i < json_array_get_length (people); i++)
        {
          JsonObject *p = json_array_get_object_element (people, i);
          gboolean    eligible = json_object_get_boolean_member (p, "eligible");
          const char *next = attain_json_get_string (p, "next_position");
          if (eligible != (pass == 0))
            continue;
          if (eligible)
            {
              /* Translators: an eligible person's row: from one position to the next */
              g_autofree char *subtitle
                  = next != NULL ? g_strdup_printf (_ ("Eligible: %s → %s"),
                                                    attain_json_get_string (p, "position"), next)
                                 : g_strdup (_ ("Eligible, but already at the top of the ladder"));
              add_plain_row (self->promotion_rows, attain_json_get_string (p, "name"), subtitle);
              if (next != NULL)
                {
                  GtkWidget *row = gtk_widget_get_last_child (GTK_WIDGET (self->promotion_rows));
                  GtkWidget *button = gtk_button_new_with_label (_ ("Propose…"));
                  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
                  gtk_widget_set_tooltip_text (button,
                                               _ ("Propose the promotion, with the day it takes "
                                                  "effect"));
                  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "pay.propose");
                  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x",
                                                    (gint64) attain_json_get_number (p, "person"));
                  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
                }
            }
          else
            add_plain_row (self->promotion_rows, attain_json_get_string (p, "name"),
                           attain_json_get_string (p, "misses"));
        }
    }
}

/* Training needs by topic, most people first: who and why on each topic's row. */
static void
show_training (AttainPayPage *self, JsonObject *training)
{
  JsonArray *topics = json_object_get_array_member (training, "topics");

  clear_rows (self->training_rows);
  for (guint i = 0; i < json_array_get_length (topics); i++)
    {
      JsonObject *t = json_array_get_object_element (topics, i);
      JsonArray  *people = json_object_get_array_member (t, "people");
      g_autoptr (GString) who = g_string_new (NULL);
      for (guint k = 0; k < json_array_get_length (people); k++)
        g_string_append_printf (
            who, "%s%s", k > 0 ? _ ("; ") : "",
            attain_json_get_string (json_array_get_object_element (people, k), "why"));
      add_plain_row (self->training_rows, attain_json_get_string (t, "summary"), who->str);
      {
        GtkWidget *row = gtk_widget_get_last_child (GTK_WIDGET (self->training_rows));
        GtkWidget *button = gtk_button_new_with_label (_ ("Plan Training…"));
        gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
        gtk_widget_set_tooltip_text (button, _ ("Book a course on this topic for these people"));
        gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "pay.plan-training");
        gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s",
                                          attain_json_get_string (t, "topic"));
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      }
    }
  if (json_array_get_length (topics) == 0)
    add_plain_row (self->training_rows, _ ("No training need in this period"),
                   _ ("By default, suggested when a capability is rated 2 or lower, or a KPI is "
                      "below 80 percent of target."));
}

static void reload (AttainPayPage *self);

/* A status picked from an attendee's drop-down: compare-and-set from the status it showed. */
static void
on_status_selected_cb (GtkDropDown *drop_down, GParamSpec *pspec, AttainPayPage *self)
{
  g_autoptr (GError) error = NULL;
  AttainTrainingStatus shown
      = (AttainTrainingStatus) GPOINTER_TO_INT (g_object_get_data (G_OBJECT (drop_down), "shown"));
  AttainTrainingStatus wanted = (AttainTrainingStatus) gtk_drop_down_get_selected (drop_down);
  gint64 plan = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (drop_down), "plan"));
  gint64 person = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (drop_down), "person"));

  if (self->filling || wanted == shown)
    return;
  if (!attain_training_set_status (attain_context_get_db (self->context), plan, person, shown,
                                   wanted, &error))
    {
      toast (self, error->message);
      reload (self);
      return;
    }
  g_object_set_data (G_OBJECT (drop_down), "shown", GINT_TO_POINTER (wanted));
}

/* The courses booked for the unit's people that run in the period (or are overdue), each with
 * its attendees and whether they attended. */
static void
show_training_plans (AttainPayPage *self, JsonObject *loaded)
{
  JsonArray *plans = json_object_get_array_member (loaded, "plans");

  clear_rows (self->plan_rows);
  self->filling = TRUE;
  for (guint i = 0; i < json_array_get_length (plans); i++)
    {
      JsonObject *plan = json_array_get_object_element (plans, i);
      JsonArray  *people = json_object_get_array_member (plan, "people");
      GtkWidget  *expander = adw_expander_row_new ();
      /* Translators: a training plan's dates, first to last day */
      g_autofree char *dates
          = g_strdup_printf (_ ("%s to %s"), attain_json_get_string (plan, "starts_on"),
                             attain_json_get_string (plan, "ends_on"));
      guint done = 0;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                     attain_json_get_string (plan, "course"));
      for (guint k = 0; k < json_array_get_length (people); k++)
        {
          JsonObject       *who = json_array_get_object_element (people, k);
          GtkWidget        *row = adw_action_row_new ();
          const char *const labels[]
              = { attain_training_status_label (ATTAIN_TRAINING_PLANNED),
                  attain_training_status_label (ATTAIN_TRAINING_DONE),
                  attain_training_status_label (ATTAIN_TRAINING_MISSED), NULL };
          GtkWidget           *drop_down = gtk_drop_down_new_from_strings (labels);
          AttainTrainingStatus status = ATTAIN_TRAINING_PLANNED;

          attain_training_status_from_string (attain_json_get_string (who, "status"), &status);
          done += status == ATTAIN_TRAINING_DONE;
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                         attain_json_get_string (who, "name"));
          gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), status);
          gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          attain_json_get_string (who, "name"), -1);
          g_object_set_data (G_OBJECT (drop_down), "shown", GINT_TO_POINTER (status));
          g_object_set_data (G_OBJECT (drop_down), "plan",
                             GSIZE_TO_POINTER ((gsize) attain_json_get_number (plan, "id")));
          g_object_set_data (G_OBJECT (drop_down), "person",
                             GSIZE_TO_POINTER ((gsize) attain_json_get_number (who, "person")));
          g_signal_connect_object (drop_down, "notify::selected",
                                   G_CALLBACK (on_status_selected_cb), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), drop_down);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
        }
      {
        /* Translators: a training plan's subtitle: its dates, then how many attended */
        g_autofree char *subtitle = g_strdup_printf (_ ("%s · %u of %u done"), dates, done,
                                                     json_array_get_length (people));
        adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
      }
      for (guint b = 0; b < 2; b++)
        {
          GtkWidget  *button = gtk_button_new_from_icon_name (b == 0 ? "document-edit-symbolic"
                                                                     : "user-trash-symbolic");
          const char *tip = b == 0 ? _ ("Change the course or its dates") : _ ("Remove the plan");
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_tooltip_text (button, tip);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          tip, -1);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button),
                                          b == 0 ? "pay.edit-training" : "pay.remove-training");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x",
                                            (gint64) attain_json_get_number (plan, "id"));
          adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), button);
        }
      gtk_list_box_append (self->plan_rows, expander);
    }
  if (json_array_get_length (plans) == 0)
    add_plain_row (self->plan_rows, _ ("No course booked for this period"),
                   _ ("Plan training from a need above; each person’s next review shows it and "
                      "whether it was done."));
  self->filling = FALSE;
}

static JsonObject *
shown_plan (AttainPayPage *self, gint64 id)
{
  JsonArray *plans;

  if (self->plans == NULL)
    return NULL;
  plans = json_object_get_array_member (json_node_get_object (self->plans), "plans");
  for (guint i = 0; i < json_array_get_length (plans); i++)
    if ((gint64) attain_json_get_number (json_array_get_object_element (plans, i), "id") == id)
      return json_array_get_object_element (plans, i);
  return NULL;
}

static void
edit_training_response_cb (AdwMessageDialog *dialog, const char *response, AttainPayPage *self)
{
  GtkEditable *course = g_object_get_data (G_OBJECT (dialog), "course");
  JsonObject  *plan = g_object_get_data (G_OBJECT (dialog), "plan");
  g_autoptr (GError) error = NULL;
  GDate starts, ends;

  self->dialog = NULL;
  if (!g_str_equal (response, "save"))
    return;
  if (!read_course_dates (self, dialog, &starts, &ends))
    return;
  if (!attain_training_plan_update (
          attain_context_get_db (self->context), (gint64) attain_json_get_number (plan, "id"),
          attain_json_get_string (plan, "course"), attain_json_get_string (plan, "starts_on"),
          attain_json_get_string (plan, "ends_on"), gtk_editable_get_text (course), &starts, &ends,
          &error))
    {
      toast (self, error->message);
      reload (self);
      return;
    }
  toast (self, _ ("Training plan changed."));
  reload (self);
}

/* The course and its dates as shown, to correct; the change is compared with them on disk. */
static void
edit_training_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainPayPage *self = ATTAIN_PAY_PAGE (widget);
  JsonObject    *plan = shown_plan (self, g_variant_get_int64 (parameter));
  GtkWidget     *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget     *dialog;

  if (plan == NULL)
    return;
  course_entries (box, attain_json_get_string (plan, "course"),
                  attain_json_get_string (plan, "starts_on"),
                  attain_json_get_string (plan, "ends_on"));
  dialog = ask (self, _ ("Change the Training Plan"),
                _ ("The attendees and their statuses stay as they are."), box, "save", _ ("_Save"),
                ADW_RESPONSE_SUGGESTED, G_CALLBACK (edit_training_response_cb));
  keep_course_entries (dialog, box);
  g_object_set_data_full (G_OBJECT (dialog), "plan", json_object_ref (plan),
                          (GDestroyNotify) json_object_unref);
  present (self, dialog);
}

static void
remove_training_response_cb (AdwMessageDialog *dialog, const char *response, AttainPayPage *self)
{
  g_autoptr (GError) error = NULL;
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "plan"));

  self->dialog = NULL;
  if (!g_str_equal (response, "remove"))
    return;
  if (!attain_training_plan_delete (attain_context_get_db (self->context), id, &error))
    toast (self, error->message);
  else
    toast (self, _ ("Training plan removed."));
  reload (self);
}

static void
remove_training_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainPayPage   *self = ATTAIN_PAY_PAGE (widget);
  JsonObject      *plan = shown_plan (self, g_variant_get_int64 (parameter));
  g_autofree char *body = NULL;
  GtkWidget       *dialog;

  if (plan == NULL)
    return;
  /* Translators: the remove dialog: the course's name */
  body = g_strdup_printf (_ ("“%s” and its attendees are removed. A course someone attended is "
                             "kept as part of their record."),
                          attain_json_get_string (plan, "course"));
  dialog = ask (self, _ ("Remove the Training Plan?"), body, NULL, "remove", _ ("_Remove"),
                ADW_RESPONSE_DESTRUCTIVE, G_CALLBACK (remove_training_response_cb));
  g_object_set_data (G_OBJECT (dialog), "plan",
                     GSIZE_TO_POINTER ((gsize) g_variant_get_int64 (parameter)));
  present (self, dialog);
}

static JsonObject *
training_topic (AttainPayPage *self, const char *key)
{
  JsonArray *topics;

  if (self->training == NULL)
    return NULL;
  topics = json_object_get_array_member (json_node_get_object (self->training), "topics");
  for (guint i = 0; i < json_array_get_length (topics); i++)
    {
      JsonObject *t = json_array_get_object_element (topics, i);
      if (g_strcmp0 (attain_json_get_string (t, "topic"), key) == 0)
        return t;
    }
  return NULL;
}

static void
plan_training_response_cb (AdwMessageDialog *dialog, const char *response, AttainPayPage *self)
{
  GtkEditable *course = g_object_get_data (G_OBJECT (dialog), "course");
  GtkWidget   *people = g_object_get_data (G_OBJECT (dialog), "people");
  const char  *topic = g_object_get_data (G_OBJECT (dialog), "topic");
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GError) error = NULL;
  GDate starts, ends;

  self->dialog = NULL;
  if (!g_str_equal (response, "plan"))
    return;
  if (!read_course_dates (self, dialog, &starts, &ends))
    return;
  for (GtkWidget *check = gtk_widget_get_first_child (people); check != NULL;
       check = gtk_widget_get_next_sibling (check))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
      {
        gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "person"));
        g_array_append_val (ids, id);
      }
  if (attain_training_plan_create (attain_context_get_db (self->context), topic,
                                   gtk_editable_get_text (course), &starts, &ends,
                                   (const gint64 *) ids->data, ids->len, &error)
      == 0)
    {
      toast (self, error->message);
      return;
    }
  {
    g_autofree char *message
        = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Training planned for %u person.",
                                        "Training planned for %u people.", ids->len),
                           ids->len);
    toast (self, message);
  }
  reload (self);
}

/* A course for a topic's people (all ticked), from two weeks after today by default. */
static void
plan_training_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainPayPage   *self = ATTAIN_PAY_PAGE (widget);
  JsonObject      *topic = training_topic (self, g_variant_get_string (parameter, NULL));
  GtkWidget       *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget       *people = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget       *dialog;
  JsonArray       *who;
  g_autofree char *first_iso = NULL, *last_iso = NULL;
  GDate            day;

  if (topic == NULL)
    return;
  attain_context_get_today (self->context, &day);
  g_date_add_days (&day, 14);
  first_iso = attain_date_to_iso (&day);
  g_date_add_days (&day, 1);
  last_iso = attain_date_to_iso (&day);
  course_entries (box, attain_json_get_string (topic, "label"), first_iso, last_iso);
  who = json_object_get_array_member (topic, "people");
  /* The people of one topic of one unit. */
  for (guint k = 0; k < json_array_get_length (who); k++)
    {
      JsonObject *p = json_array_get_object_element (who, k);
      GtkWidget  *check = gtk_check_button_new_with_label (attain_json_get_string (p, "why"));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_object_set_data (G_OBJECT (check), "person",
                         GSIZE_TO_POINTER ((gsize) attain_json_get_number (p, "person")));
      gtk_box_append (GTK_BOX (people), check);
    }
  {
    GtkWidget *scrolled = gtk_scrolled_window_new ();
    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                    GTK_POLICY_AUTOMATIC);
    gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
    gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), people);
    gtk_box_append (GTK_BOX (box), scrolled);
  }
  dialog = ask (
      self, _ ("Plan Training"),
      _ ("Each person ticked attends the course; their next review lists it and whether it was "
         "done."),
      box, "plan", _ ("_Plan"), ADW_RESPONSE_SUGGESTED, G_CALLBACK (plan_training_response_cb));
  keep_course_entries (dialog, box);
  g_object_set_data (G_OBJECT (dialog), "people", people);
  g_object_set_data_full (G_OBJECT (dialog), "topic",
                          g_strdup (attain_json_get_string (topic, "topic")), g_free);
  present (self, dialog);
}

static void
show_sheet (AttainPayPage *self)
{
  JsonObject *sheet = json_node_get_object (self->sheet);
  JsonArray  *people = json_object_get_array_member (sheet, "people");
  gboolean    approved = json_object_get_boolean_member (sheet, "approved");
  JsonNode   *pool = json_object_get_member (sheet, "pool");
  g_autoptr (GArray) dots = g_array_new (FALSE, FALSE, sizeof (double));
  clear_rows (self->rows);
  for (guint i = 0; i < json_array_get_length (people); i++)
    {
      JsonObject *p = json_array_get_object_element (people, i);
      gtk_list_box_append (self->rows, person_row (sheet, p, i));
      if (attain_json_get_string (p, "missing") == NULL)
        {
          double dot[2]
              = { attain_json_get_number (p, "curve_score"), attain_json_get_number (p, "payout") };
          g_array_append_vals (dots, dot, 2);
        }
    }
  if (approved)
    gtk_label_set_label (self->summary_label,
                         _ ("Approved: the sheet keeps the figures it was approved with and is "
                            "locked."));
  else if (json_object_has_member (sheet, "planned")
           && json_object_get_int_member (sheet, "planned") == 0)
    gtk_label_set_label (self->summary_label,
                         _ ("No pay plan is set up yet, so the sheet only lists the people. Set "
                            "one up with Pay Plan…: fixed pay, target bonus, commission tiers and "
                            "the payout curve of a position."));
  else
    gtk_label_set_label (self->summary_label, attain_json_get_string (sheet, "pool_formula"));
  self->filling = TRUE;
  if (pool != NULL && !JSON_NODE_HOLDS_NULL (pool))
    {
      g_autofree char *text = attain_format_money_exact (json_node_get_int (pool), NULL);
      gtk_editable_set_text (GTK_EDITABLE (self->pool_row), text);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->pool_row), "");
  self->filling = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->pool_row), !approved);
  gtk_widget_set_visible (self->approve_button, !approved);
  {
    /* The sheet's curve, as [[score hundredths, payout basis points], ...]. */
    JsonArray *points = json_object_get_array_member (sheet, "curve");
    GArray    *curve = g_array_new (FALSE, FALSE, sizeof (AttainCurvePoint));
    for (guint i = 0; points != NULL && i < json_array_get_length (points) && i < 64; i++)
      {
        JsonArray       *pair = json_array_get_array_element (points, i);
        AttainCurvePoint point = { (int) json_array_get_int_element (pair, 0),
                                   (int) json_array_get_int_element (pair, 1) };
        g_array_append_val (curve, point);
      }
    gtk_widget_set_visible (GTK_WIDGET (self->curve_chart), curve->len > 0);
    attain_chart_view_set_payout (self->curve_chart, curve, g_steal_pointer (&dots));
  }
}

static void
sheet_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AttainPayPage *self = user_data;
  g_autoptr (GError) error = NULL;
  JsonNode *node = attain_load_finish (result, load_sheet, &error);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_object (&self->load);
      if (node == NULL)
        toast (self, error->message);
      else
        {
          JsonObject *loaded = json_node_get_object (node);
          g_clear_pointer (&self->sheet, json_node_unref);
          self->sheet = json_node_copy (json_object_get_member (loaded, "sheet"));
          show_sheet (self);
          show_training (self, json_object_get_object_member (loaded, "training"));
          g_clear_pointer (&self->training, json_node_unref);
          self->training = json_node_copy (json_object_get_member (loaded, "training"));
          g_clear_pointer (&self->plans, json_node_unref);
          self->plans = json_node_copy (json_object_get_member (loaded, "training_plans"));
          show_training_plans (self, json_object_get_object_member (loaded, "training_plans"));
          g_clear_pointer (&self->recognition, json_node_unref);
          self->recognition = json_node_copy (json_object_get_member (loaded, "recognition"));
          show_results (self, json_object_get_object_member (loaded, "recognition"),
                        json_object_has_member (loaded, "promotion")
                            ? json_object_get_object_member (loaded, "promotion")
                            : NULL,
                        json_object_get_object_member (loaded, "recognition_history"));
          json_node_unref (node);
        }
    }
  else if (node != NULL)
    json_node_unref (node);
  g_object_unref (self);
}

/* The window's unit (or the company when it shows a person) and period. */
static void
reload (AttainPayPage *self)
{
  AttainSession   *session = attain_context_get_session (self->context);
  SheetRequest    *request = g_new0 (SheetRequest, 1);
  AttainScope      scope;
  g_autofree char *name = NULL, *period = NULL, *title = NULL;

  if (!attain_session_get_scope (session, &scope) || scope.kind != ATTAIN_SCOPE_UNIT)
    attain_org_company (attain_context_get_db (self->context), &scope, NULL);
  self->unit_id = scope.id;
  self->period = *attain_session_get_period (session);
  attain_org_describe (attain_context_get_db (self->context), &scope, &name, NULL, NULL, NULL,
                       NULL);
  period = attain_period_to_label (&self->period);
  gtk_button_set_label (self->period_button, period);
  /* Translators: the bonus sheet's title: the unit, then the period */
  title = g_strdup_printf (_ ("Bonus sheet of %s — %s"), name ? name : "", period);
  gtk_label_set_label (self->title_label, title);

  if (self->load != NULL)
    g_cancellable_cancel (self->load);
  g_clear_object (&self->load);
  request->unit_id = self->unit_id;
  request->period = self->period;
  attain_context_get_today (self->context, &request->today);
  self->load = g_cancellable_new ();
  attain_load_async (attain_context_get_db_path (self->context), load_sheet, request, g_free,
                     (GDestroyNotify) json_node_unref, load_sheet, self->load, sheet_loaded_cb,
                     g_object_ref (self));
}

gboolean
attain_pay_page_set_pool (AttainPayPage *self, const char *text, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  gint64           pool = 0;

  g_return_val_if_fail (ATTAIN_IS_PAY_PAGE (self), FALSE);
  if ((trimmed[0] != '\0' && !attain_parse_amount (trimmed, 100, &pool, &local_error))
      || !attain_bonus_sheet_set_pool (attain_context_get_db (self->context), self->unit_id,
                                       &self->period, trimmed[0] != '\0', pool, &local_error))
    {
      toast (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  reload (self);
  return TRUE;
}

static void
on_pool_apply_cb (AttainPayPage *self)
{
  if (!self->filling)
    attain_pay_page_set_pool (self, gtk_editable_get_text (GTK_EDITABLE (self->pool_row)), NULL);
}

static void
approve_response_cb (AdwMessageDialog *dialog, const char *response, AttainPayPage *self)
{
  g_autoptr (GError) error = NULL;
  GDate today;

  self->dialog = NULL;
  if (!g_str_equal (response, "approve"))
    return;
  attain_context_get_today (self->context, &today);
  if (!attain_bonus_sheet_approve (attain_context_get_db (self->context), self->unit_id,
                                   &self->period, &today, &error))
    {
      toast (self, error->message);
      return;
    }
  reload (self);
}

static void
approve_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainPayPage *self = ATTAIN_PAY_PAGE (widget);
  GtkWidget     *dialog = ask (
          self, _ ("Approve the Bonus Sheet?"),
          _ ("The sheet keeps the figures it shows now, for HR and finance, and is locked: later "
                 "imports, reviews or a new pool no longer change it."),
          NULL, "approve", _ ("_Approve"), ADW_RESPONSE_SUGGESTED, G_CALLBACK (approve_response_cb));
  present (self, dialog);
}

static void
propose_response_cb (AdwMessageDialog *dialog, const char *response, AttainPayPage *self)
{
  GtkEditable *day = g_object_get_data (G_OBJECT (dialog), "day");
  GtkEditable *reason = g_object_get_data (G_OBJECT (dialog), "reason");
  gint64       person = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "person"));
  g_autoptr (GError) error = NULL;
  GDate date;

  self->dialog = NULL;
  if (!g_str_equal (response, "propose"))
    return;
  if (!attain_date_parse_iso (gtk_editable_get_text (day), &date))
    {
      /* Translators: a toast, %s is what was typed as the day */
      g_autofree char *message = g_strdup_printf (
          _ ("“%s” is not a date. Use a date like 2027-01-01."), gtk_editable_get_text (day));
      toast (self, message);
      return;
    }
  if (attain_promotion_propose (attain_context_get_db (self->context), person, &date,
                                gtk_editable_get_text (reason), &error)
      == 0)
    {
      toast (self, error->message);
      return;
    }
  toast (self, _ ("Promotion proposed: the position changes on its day."));
}

/* A promotion to the next step of the ladder, from the day after the period shown by default. */
static void
propose_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainPayPage   *self = ATTAIN_PAY_PAGE (widget);
  GtkWidget       *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget       *day = gtk_entry_new ();
  GtkWidget       *reason = gtk_entry_new ();
  GtkWidget       *dialog;
  g_autofree char *iso = NULL;
  GDate            first, last;

  attain_period_bounds (&self->period, &first, &last);
  g_date_add_days (&last, 1);
  iso = attain_date_to_iso (&last);
  gtk_editable_set_text (GTK_EDITABLE (day), iso);
  gtk_accessible_update_property (GTK_ACCESSIBLE (day), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("The day it takes effect"), -1);
  gtk_widget_set_tooltip_text (day, _ ("The day it takes effect"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (reason), _ ("Why the promotion"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reason), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Why the promotion"), -1);
  gtk_box_append (GTK_BOX (box), day);
  gtk_box_append (GTK_BOX (box), reason);
  dialog = ask (
      self, _ ("Propose a Promotion"),
      _ ("On the day it takes effect the person moves one step up the career ladder; their "
         "positions over time are kept."),
      box, "propose", _ ("_Propose"), ADW_RESPONSE_SUGGESTED, G_CALLBACK (propose_response_cb));
  g_object_set_data (G_OBJECT (dialog), "day", day);
  g_object_set_data (G_OBJECT (dialog), "reason", reason);
  g_object_set_data (G_OBJECT (dialog), "person",
                     GSIZE_TO_POINTER ((gsize) g_variant_get_int64 (parameter)));
  present (self, dialog);
}

static void
record_response_cb (AdwMessageDialog *dialog, const char *response, AttainPayPage *self)
{
  g_autoptr (GError) error = NULL;
  GDate today;

  self->dialog = NULL;
  if (!g_str_equal (response, "record"))
    return;
  attain_context_get_today (self->context, &today);
  if (attain_recognition_record (attain_context_get_db (self->context), self->unit_id,
                                 &self->period, &today, &error)
      == 0)
    {
      toast (self, error->message);
      return;
    }
  toast (self, _ ("Recorded in the history of recognitions."));
  reload (self);
}

static void
on_plan_saved_cb (AttainPayPlanDialog *dialog, gint64 id, AttainPayPage *self)
{
  self->dialog = NULL;
  toast (self, _ ("Pay plan saved as a new version."));
  reload (self);
}

static void
on_plan_closed_cb (GtkWindow *dialog, AttainPayPage *self)
{
  if (self->dialog == GTK_WIDGET (dialog))
    self->dialog = NULL;
}

static void
edit_plan_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainPayPage *self = ATTAIN_PAY_PAGE (widget);
  GtkWidget     *dialog
      = attain_pay_plan_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->context);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_plan_saved_cb), self, 0);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_plan_closed_cb), self, 0);
  self->dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Recording is for good: the dialog names who and says it cannot be taken back. */
static void
record_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainPayPage   *self = ATTAIN_PAY_PAGE (widget);
  JsonObject      *recognition;
  JsonArray       *ranking;
  g_autofree char *label = NULL, *body = NULL;
  GtkWidget       *dialog;

  if (self->recognition == NULL)
    return;
  recognition = json_node_get_object (self->recognition);
  ranking = json_object_get_array_member (recognition, "ranking");
  if (json_array_get_length (ranking) == 0)
    return;
  label = attain_period_to_label (&self->period);
  /* Translators: the record dialog: the person, the title, the period */
  body = g_strdup_printf (
      _ ("%s becomes %s of %s in the history of recognitions. A record is "
         "kept as it is and cannot be changed."),
      attain_json_get_string (json_array_get_object_element (ranking, 0), "name"),
      attain_json_get_string (recognition, "title"), label);
  dialog = ask (self, _ ("Record the Recognition?"), body, NULL, "record", _ ("_Record"),
                ADW_RESPONSE_SUGGESTED, G_CALLBACK (record_response_cb));
  present (self, dialog);
}

/* The certificate of the period's winner (the recorded one once recorded). */
static void
print_certificate_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainPayPage *self = ATTAIN_PAY_PAGE (widget);
  g_autoptr (GPtrArray) documents
      = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_document_free);
  g_autoptr (GError) error = NULL;
  g_autofree char *company = NULL;
  AttainDocument  *certificate;
  GDate            today;

  if (self->recognition == NULL)
    return;
  company = attain_db_get_setting (attain_context_get_db (self->context), "company_name", NULL);
  attain_context_get_today (self->context, &today);
  certificate = attain_certificate_for_recognition (self->recognition, company, &today,
                                                    attain_report_language_for (NULL));
  if (certificate == NULL)
    return;
  g_ptr_array_add (documents, certificate);
  if (!attain_document_print_run (
          documents, _ ("Certificate"), GTK_WINDOW (gtk_widget_get_root (widget)),
          GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
          parameter ? g_variant_get_string (parameter, NULL) : NULL, TRUE, &error))
    toast (self, error->message);
}

gboolean
attain_pay_page_export (AttainPayPage *self, const char *path, gboolean xlsx, GError **error)
{
  g_autoptr (AttainTable) table = NULL;
  GDate today;

  g_return_val_if_fail (ATTAIN_IS_PAY_PAGE (self), FALSE);
  attain_context_get_today (self->context, &today);
  table = attain_export_bonus_sheet (attain_context_get_db (self->context), self->unit_id,
                                     &self->period, &today, error);
  return table != NULL
         && (xlsx ? attain_table_write_xlsx (table, path, error)
                  : attain_table_write_csv (table, path, error));
}

static void
export_response_cb (GtkNativeDialog *chooser, int response, AttainPayPage *self)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  gboolean         xlsx = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "xlsx"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
      if (attain_pay_page_export (self, path, xlsx, &error))
        {
          /* Translators: a toast, %s is the file written */
          g_autofree char *message = g_strdup_printf (_ ("Bonus sheet written to %s"), path);
          toast (self, message);
        }
      else
        toast (self, error->message);
    }
  g_object_unref (chooser);
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainPayPage        *self = ATTAIN_PAY_PAGE (widget);
  gboolean              xlsx = g_str_equal (action_name, "pay.export-xlsx");
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (
      _ ("Export the Bonus Sheet"), GTK_WINDOW (gtk_widget_get_root (widget)),
      GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                     xlsx ? _ ("bonus-sheet.xlsx") : _ ("bonus-sheet.csv"));
  g_object_set_data (G_OBJECT (chooser), "xlsx", GINT_TO_POINTER (xlsx));
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The sheet (landscape) or everyone's statements (portrait), through the print dialog, or into
 * a PDF when the action names a file. */
static void
print_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainPayPage *self = ATTAIN_PAY_PAGE (widget);
  gboolean       statements = g_str_has_prefix (action_name, "pay.print-statements");
  g_autoptr (GPtrArray) documents
      = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_document_free);
  g_autoptr (GError) error = NULL;
  g_autofree char *company = NULL, *label = NULL, *title = NULL;
  const char      *language = attain_report_language_for (NULL);
  GDate            today;

  if (self->sheet == NULL)
    return;
  company = attain_db_get_setting (attain_context_get_db (self->context), "company_name", NULL);
  attain_context_get_today (self->context, &today);
  label = attain_period_to_label (&self->period);
  /* Translators: title of the printed bonus sheet, %s is the period */
  title = g_strdup_printf (_ ("Bonus sheet — %s"), label);
  if (statements)
    {
      JsonArray *people
          = json_object_get_array_member (json_node_get_object (self->sheet), "people");
      for (guint i = 0; i < json_array_get_length (people); i++)
        g_ptr_array_add (documents, attain_bonus_statement_report (
                                        self->sheet,
                                        (gint64) attain_json_get_number (
                                            json_array_get_object_element (people, i), "person"),
                                        company, &today, language));
    }
  else
    g_ptr_array_add (documents,
                     attain_bonus_sheet_report (self->sheet, title, company, &today, language));
  if (documents->len > 0
      && !attain_document_print_run (documents, title, GTK_WINDOW (gtk_widget_get_root (widget)),
                                     GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                     parameter ? g_variant_get_string (parameter, NULL) : NULL,
                                     !statements, &error))
    toast (self, error->message);
}

static void
on_changed_cb (AttainPayPage *self)
{
  /* Reviews, results, plans and the pool all move the sheet; one out of sight reloads when
   * shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  reload (self);
}

static void
attain_pay_page_map (GtkWidget *widget)
{
  AttainPayPage *self = ATTAIN_PAY_PAGE (widget);

  GTK_WIDGET_CLASS (attain_pay_page_parent_class)->map (widget);
  if (self->stale)
    {
      self->stale = FALSE;
      reload (self);
    }
}

static GtkWidget *
linked_box (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (box, "linked");
  return box;
}

static GtkWidget *
action_button (const char *label,
               const char *icon,
               const char *action,
               const char *target,
               const char *tooltip)
{
  GtkWidget *button = target != NULL ? gtk_toggle_button_new () : gtk_button_new ();

  if (label != NULL)
    gtk_button_set_label (GTK_BUTTON (button), label);
  if (icon != NULL)
    gtk_button_set_icon_name (GTK_BUTTON (button), icon);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (target != NULL)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

/* The page's title and the period switch every page of the window has. */
static GtkWidget *
build_header (AttainPayPage *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *kinds = linked_box ();
  GtkWidget *periods = linked_box ();

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_ ("Pay"), NULL));
  /* The title gives way to the controls rather than widening the window. */
  adw_header_bar_set_centering_policy (ADW_HEADER_BAR (header), ADW_CENTERING_POLICY_LOOSE);
  gtk_box_append (GTK_BOX (kinds),
                  action_button (_ ("Quarter"), NULL, "session.period-kind", "quarter", NULL));
  gtk_box_append (GTK_BOX (kinds),
                  action_button (_ ("Year"), NULL, "session.period-kind", "year", NULL));
  gtk_box_append (GTK_BOX (periods),
                  action_button (NULL, "go-previous-symbolic", "session.previous-period", NULL,
                                 _ ("Previous period (Ctrl+Page Up)")));
  self->period_button = GTK_BUTTON (
      action_button (NULL, NULL, "session.current-period", NULL, _ ("Go to the current period")));
  gtk_widget_set_size_request (GTK_WIDGET (self->period_button), 130, -1);
  gtk_box_append (GTK_BOX (periods), GTK_WIDGET (self->period_button));
  gtk_box_append (GTK_BOX (periods), action_button (NULL, "go-next-symbolic", "session.next-period",
                                                    NULL, _ ("Next period (Ctrl+Page Down)")));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), kinds);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), periods);
  return header;
}

static GtkWidget *
build_content (AttainPayPage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group = adw_preferences_group_new ();
  /* The actions wrap onto a second line in a narrow window instead of widening it. */
  GtkWidget *buttons = gtk_flow_box_new ();
  GtkWidget *csv = gtk_button_new_with_mnemonic (_ ("Export _CSV…"));
  GtkWidget *xlsx = gtk_button_new_with_mnemonic (_ ("Export _Excel…"));

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 30);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title_label, 0);
  gtk_label_set_wrap (self->title_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "title-2");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->title_label));

  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary_label, 0);
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->summary_label));

  self->pool_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->pool_row),
                                 _ ("Bonus pool (empty: none)"));
  adw_entry_row_set_show_apply_button (self->pool_row, TRUE);
  g_signal_connect_object (self->pool_row, "apply", G_CALLBACK (on_pool_apply_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->pool_row));
  gtk_box_append (GTK_BOX (box), group);

  self->approve_button = gtk_button_new_with_mnemonic (_ ("_Approve Sheet…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->approve_button), "pay.approve");
  gtk_widget_add_css_class (self->approve_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (csv), "pay.export-csv");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (xlsx), "pay.export-xlsx");
  gtk_flow_box_append (GTK_FLOW_BOX (buttons), self->approve_button);
  {
    GtkWidget *plan = gtk_button_new_with_mnemonic (_ ("Pay P_lan…"));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (plan), "pay.edit-plan");
    gtk_widget_set_tooltip_text (plan, _ ("Fixed pay, target bonus, curve, commission and awards"));
    gtk_flow_box_append (GTK_FLOW_BOX (buttons), plan);
  }
  {
    GtkWidget *print = gtk_button_new_with_mnemonic (_ ("_Print Sheet…"));
    GtkWidget *statements = gtk_button_new_with_mnemonic (_ ("Print _Statements…"));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (print), "pay.print");
    gtk_actionable_set_action_name (GTK_ACTIONABLE (statements), "pay.print-statements");
    gtk_widget_set_tooltip_text (print, _ ("Print the bonus sheet, landscape (Ctrl+P)"));
    gtk_widget_set_tooltip_text (statements, _ ("Print one bonus statement a person"));
    gtk_flow_box_append (GTK_FLOW_BOX (buttons), print);
    gtk_flow_box_append (GTK_FLOW_BOX (buttons), statements);
  }
  gtk_flow_box_append (GTK_FLOW_BOX (buttons), csv);
  gtk_flow_box_append (GTK_FLOW_BOX (buttons), xlsx);
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (buttons), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (buttons), 8);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (buttons), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (buttons), 6);
  gtk_box_append (GTK_BOX (box), buttons);

  self->curve_chart = ATTAIN_CHART_VIEW (g_object_new (ATTAIN_TYPE_CHART_VIEW, NULL));
  gtk_widget_set_size_request (GTK_WIDGET (self->curve_chart), -1, 240);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->curve_chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Payout curve with each person's score"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->curve_chart));

  {
    /* The sheet sorts like a spreadsheet column: the order people sit in the units, by name, or
     * highest first by total, commission or score. */
    const char *const orders[]
        = { _ ("Unit order"), _ ("Name"), _ ("Total paid"), _ ("Commission"), _ ("Score"), NULL };
    GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    GtkWidget *label = gtk_label_new_with_mnemonic (_ ("S_ort by"));
    self->sort_drop = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (orders));
    gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->sort_drop));
    gtk_widget_set_halign (bar, GTK_ALIGN_END);
    gtk_box_append (GTK_BOX (bar), label);
    gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->sort_drop));
    gtk_box_append (GTK_BOX (box), bar);
    g_signal_connect_object (self->sort_drop, "notify::selected", G_CALLBACK (on_sort_changed_cb),
                             self, G_CONNECT_SWAPPED);
  }
  self->rows = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->rows, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->rows), "boxed-list");
  gtk_list_box_set_sort_func (self->rows, sort_rows, self, NULL);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->rows));

  {
    static const char *const titles[]
        = { N_ ("Recognition"), N_ ("Promotion"), N_ ("Training needs"), N_ ("Training plans") };
    GtkListBox **lists[] = { &self->recognition_rows, &self->promotion_rows, &self->training_rows,
                             &self->plan_rows };
    for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
      {
        GtkWidget *heading = gtk_label_new (_ (titles[i]));
        gtk_label_set_xalign (GTK_LABEL (heading), 0);
        gtk_widget_add_css_class (heading, "heading");
        gtk_widget_set_margin_top (heading, 12);
        *lists[i] = GTK_LIST_BOX (gtk_list_box_new ());
        gtk_list_box_set_selection_mode (*lists[i], GTK_SELECTION_NONE);
        gtk_widget_add_css_class (GTK_WIDGET (*lists[i]), "boxed-list");
        gtk_box_append (GTK_BOX (box), heading);
        gtk_box_append (GTK_BOX (box), GTK_WIDGET (*lists[i]));
      }
  }
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, scrolled);
  gtk_widget_set_vexpand (GTK_WIDGET (self->toast_overlay), TRUE);
  {
    GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
    gtk_box_append (GTK_BOX (page), build_header (self));
    gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->toast_overlay));
    return page;
  }
}

static void
attain_pay_page_constructed (GObject *object)
{
  AttainPayPage *self = ATTAIN_PAY_PAGE (object);
  AttainSession *session = attain_context_get_session (self->context);

  G_OBJECT_CLASS (attain_pay_page_parent_class)->constructed (object);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "session",
                                  attain_session_get_actions (session));
  gtk_widget_set_parent (build_content (self), GTK_WIDGET (self));
  g_signal_connect_object (self->context, "changed", G_CALLBACK (on_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::period", G_CALLBACK (on_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::scope", G_CALLBACK (on_changed_cb), self,
                           G_CONNECT_SWAPPED);
  reload (self);
}

static void
attain_pay_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AttainPayPage *self = ATTAIN_PAY_PAGE (object);
  if (prop_id == PROP_CONTEXT)
    self->context = g_value_dup_object (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
attain_pay_page_dispose (GObject *object)
{
  AttainPayPage *self = ATTAIN_PAY_PAGE (object);
  GtkWidget     *child;

  if (self->load != NULL)
    g_cancellable_cancel (self->load);
  g_clear_object (&self->load);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->sheet, json_node_unref);
  g_clear_pointer (&self->training, json_node_unref);
  g_clear_pointer (&self->recognition, json_node_unref);
  g_clear_pointer (&self->plans, json_node_unref);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (attain_pay_page_parent_class)->dispose (object);
}

static void
attain_pay_page_class_init (AttainPayPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = attain_pay_page_constructed;
  object_class->set_property = attain_pay_page_set_property;
  object_class->dispose = attain_pay_page_dispose;
  widget_class->map = attain_pay_page_map;
  properties[PROP_CONTEXT]
      = g_param_spec_object ("context", NULL, NULL, ATTAIN_TYPE_CONTEXT,
                             G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "pay.approve", NULL, approve_action);
  gtk_widget_class_install_action (widget_class, "pay.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "pay.propose", "x", propose_action);
  gtk_widget_class_install_action (widget_class, "pay.plan-training", "s", plan_training_action);
  gtk_widget_class_install_action (widget_class, "pay.edit-training", "x", edit_training_action);
  gtk_widget_class_install_action (widget_class, "pay.remove-training", "x",
                                   remove_training_action);
  gtk_widget_class_install_action (widget_class, "pay.record-recognition", NULL, record_action);
  gtk_widget_class_install_action (widget_class, "pay.edit-plan", NULL, edit_plan_action);
  gtk_widget_class_install_action (widget_class, "pay.print-certificate", NULL,
                                   print_certificate_action);
  gtk_widget_class_install_action (widget_class, "pay.print-certificate-to-file", "s",
                                   print_certificate_action);
  gtk_widget_class_install_action (widget_class, "pay.print-statements", NULL, print_action);
  /* The same operations writing a PDF without a dialog: for tests and scripted runs. */
  gtk_widget_class_install_action (widget_class, "pay.print-to-file", "s", print_action);
  gtk_widget_class_install_action (widget_class, "pay.print-statements-to-file", "s", print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "pay.print",
                                       NULL);
  gtk_widget_class_install_action (widget_class, "pay.export-csv", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "pay.export-xlsx", NULL, export_action);
}

static void
attain_pay_page_init (AttainPayPage *self)
{
}

GtkWidget *
attain_pay_page_new (AttainContext *context)
{
  return g_object_new (ATTAIN_TYPE_PAY_PAGE, "context", context, NULL);
}

gboolean
attain_pay_page_is_loading (AttainPayPage *self)
{
  g_return_val_if_fail (ATTAIN_IS_PAY_PAGE (self), FALSE);
  return self->load != NULL;
}

GtkListBox *
attain_pay_page_get_rows (AttainPayPage *self)
{
  g_return_val_if_fail (ATTAIN_IS_PAY_PAGE (self), NULL);
  return self->rows;
}

const char *
attain_pay_page_get_summary (AttainPayPage *self)
{
  g_return_val_if_fail (ATTAIN_IS_PAY_PAGE (self), NULL);
  return gtk_label_get_label (self->summary_label);
}

GtkWidget *
attain_pay_page_get_dialog (AttainPayPage *self)
{
  g_return_val_if_fail (ATTAIN_IS_PAY_PAGE (self), NULL);
  return self->dialog;
}

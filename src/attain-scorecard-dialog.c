/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-scorecard-dialog.h"

#include "attain-edit-window.h"

#include <glib/gi18n.h>

#include "model/attain-goal.h"
#include "model/attain-people.h"
#include "model/attain-scorecard.h"

struct _AttainScorecardDialog
{
  AdwWindow parent_instance;

  AttainContext       *context;
  GPtrArray           *positions; /* AttainChoice; index 0 of the combo is "every position" */
  AdwComboRow         *position_row;
  AdwEntryRow         *name_row;
  AdwEntryRow         *kpi_row;
  AdwEntryRow         *mbo_row;
  AdwEntryRow         *feedback_row;
  AdwPreferencesGroup *lines_group;
  GPtrArray           *line_rows; /* AdwExpanderRow, in order */
  GtkLabel            *error_label;
  GtkLabel            *version_label;
  gint64               loaded_id; /* the version the form started from: compare-and-set */
};

G_DEFINE_FINAL_TYPE (AttainScorecardDialog, attain_scorecard_dialog, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static const AttainRuleKind rule_kinds[]
    = { ATTAIN_RULE_LINEAR, ATTAIN_RULE_FLOOR, ATTAIN_RULE_BANDS, ATTAIN_RULE_POINTS };

/* The goal metrics a KPI line can score: results and process figures, not capability ratings
 * (those are rated, not measured). */
static GPtrArray *
scorable_metrics (void)
{
  guint                   n;
  const AttainGoalMetric *metrics = attain_goal_metrics (&n);
  GPtrArray              *out = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (metrics[i].type, "capability") != 0)
      g_ptr_array_add (out, (gpointer) &metrics[i]);
  return out;
}

static char *
hundredths_text (int hundredths)
{
  char number[32];

  g_ascii_formatd (number, sizeof number, "%.2f", hundredths / 100.0);
  /* 120.00 → 120, 0.50 → 0.5: as a director writes them */
  if (strchr (number, '.') != NULL)
    {
      gsize len = strlen (number);
      while (len > 0 && number[len - 1] == '0')
        number[--len] = '\0';
      if (len > 0 && number[len - 1] == '.')
        number[--len] = '\0';
    }
  return g_strdup (number);
}

static GtkWidget *
entry_row (const char *title, int hundredths)
{
  GtkWidget       *row = adw_entry_row_new ();
  g_autofree char *text = hundredths_text (hundredths);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  return row;
}

static void
update_line_rows (AdwExpanderRow *expander)
{
  AdwComboRow *metric = g_object_get_data (G_OBJECT (expander), "metric");
  AdwComboRow *rule = g_object_get_data (G_OBJECT (expander), "rule");
  GPtrArray   *metrics = g_object_get_data (G_OBJECT (expander), "metrics");
  guint        kind = adw_combo_row_get_selected (rule);
  guint        m = adw_combo_row_get_selected (metric);

  gtk_widget_set_visible (g_object_get_data (G_OBJECT (expander), "floor"),
                          rule_kinds[MIN (kind, 3)] == ATTAIN_RULE_FLOOR);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (expander), "band_low"),
                          rule_kinds[MIN (kind, 3)] == ATTAIN_RULE_BANDS);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (expander), "band_high"),
                          rule_kinds[MIN (kind, 3)] == ATTAIN_RULE_BANDS);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (expander), "band_slope"),
                          rule_kinds[MIN (kind, 3)] == ATTAIN_RULE_BANDS);
  if (m < metrics->len)
    adw_preferences_row_set_title (
        ADW_PREFERENCES_ROW (expander),
        _ (((const AttainGoalMetric *) g_ptr_array_index (metrics, m))->label));
  {
    const char *weight = gtk_editable_get_text (g_object_get_data (G_OBJECT (expander), "weight"));
    /* Translators: a KPI line's summary: its weight in % and its rule */
    g_autofree char *subtitle = g_strdup_printf (
        _ ("%s%% · %s"), weight,
        adw_combo_row_get_selected_item (rule)
            ? gtk_string_object_get_string (adw_combo_row_get_selected_item (rule))
            : "");
    adw_expander_row_set_subtitle (expander, subtitle);
  }
}

static void
remove_line_cb (GtkButton *button, AttainScorecardDialog *self)
{
  GtkWidget *expander = g_object_get_data (G_OBJECT (button), "line");

  g_ptr_array_remove (self->line_rows, expander);
  adw_preferences_group_remove (self->lines_group, expander);
}

static void
add_line (AttainScorecardDialog *self, const AttainScorecardLine *line)
{
  g_autoptr (GPtrArray) metrics = scorable_metrics ();
  GtkStringList *metric_names = gtk_string_list_new (NULL);
  GtkStringList *rule_names = gtk_string_list_new (NULL);
  GtkWidget     *expander = adw_expander_row_new ();
  GtkWidget     *metric = adw_combo_row_new ();
  GtkWidget     *rule = adw_combo_row_new ();
  GtkWidget     *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget     *weight, *cap, *floor, *band_low, *band_high, *band_slope;
  guint          selected_metric = 0, selected_rule = 0;

  for (guint i = 0; i < metrics->len; i++)
    {
      const AttainGoalMetric *info = g_ptr_array_index (metrics, i);
      gtk_string_list_append (metric_names, _ (info->label));
      if (g_strcmp0 (info->key, line->metric) == 0)
        selected_metric = i;
    }
  gtk_string_list_append (rule_names, _ ("Linear, with a cap"));
  gtk_string_list_append (rule_names, _ ("Zero below a floor, then linear"));
  gtk_string_list_append (rule_names, _ ("Bands"));
  gtk_string_list_append (rule_names, _ ("Points against target (NPS)"));
  for (guint i = 0; i < G_N_ELEMENTS (rule_kinds); i++)
    if (rule_kinds[i] == line->rule.kind)
      selected_rule = i;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (metric), _ ("Metric"));
  adw_combo_row_set_model (ADW_COMBO_ROW (metric), G_LIST_MODEL (metric_names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (metric), selected_metric);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rule), _ ("Scoring rule"));
  adw_combo_row_set_model (ADW_COMBO_ROW (rule), G_LIST_MODEL (rule_names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (rule), selected_rule);
  weight = entry_row (_ ("Weight in the KPI part (%)"), line->weight);
  cap = entry_row (_ ("Cap (points)"), line->rule.cap);
  floor = entry_row (_ ("Floor (attainment in %)"), line->rule.floor);
  band_low = entry_row (_ ("Zero below (attainment in %)"), line->rule.band_low);
  band_high = entry_row (_ ("Linear up to (attainment in %)"), line->rule.band_high);
  band_slope = entry_row (_ ("Points per point above"), line->rule.band_slope / 100);

  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), metric);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), weight);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), rule);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), cap);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), floor);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), band_low);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), band_high);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), band_slope);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _ ("Remove the Line"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Remove the Line"), -1);
  g_object_set_data (G_OBJECT (remove), "line", expander);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_line_cb), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), remove);

  g_object_set_data (G_OBJECT (expander), "metric", metric);
  g_object_set_data (G_OBJECT (expander), "rule", rule);
  g_object_set_data (G_OBJECT (expander), "weight", weight);
  g_object_set_data (G_OBJECT (expander), "cap", cap);
  g_object_set_data (G_OBJECT (expander), "floor", floor);
  g_object_set_data (G_OBJECT (expander), "band_low", band_low);
  g_object_set_data (G_OBJECT (expander), "band_high", band_high);
  g_object_set_data (G_OBJECT (expander), "band_slope", band_slope);
  g_object_set_data_full (G_OBJECT (expander), "metrics", g_ptr_array_ref (metrics),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_swapped (metric, "notify::selected", G_CALLBACK (update_line_rows), expander);
  g_signal_connect_swapped (rule, "notify::selected", G_CALLBACK (update_line_rows), expander);
  g_signal_connect_swapped (weight, "changed", G_CALLBACK (update_line_rows), expander);
  update_line_rows (ADW_EXPANDER_ROW (expander));
  g_object_unref (metric_names);
  g_object_unref (rule_names);

  adw_preferences_group_add (self->lines_group, expander);
  g_ptr_array_add (self->line_rows, expander);
}

static void
clear_lines (AttainScorecardDialog *self)
{
  for (guint i = 0; i < self->line_rows->len; i++)
    adw_preferences_group_remove (self->lines_group, g_ptr_array_index (self->line_rows, i));
  g_ptr_array_set_size (self->line_rows, 0);
}

static gint64
chosen_position (AttainScorecardDialog *self)
{
  return attain_edit_window_chosen_position (self->position_row, self->positions);
}

static void
set_entry_hundredths (AdwEntryRow *row, int hundredths)
{
  g_autofree char *text = hundredths_text (hundredths);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* The form shows the version in use for the chosen position, or an empty card to start. */
static void
load_position (AttainScorecardDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainScorecard) card = attain_scorecard_current (
      attain_context_get_db (self->context), chosen_position (self), &error);

  clear_lines (self);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  self->loaded_id = card != NULL ? card->id : 0;
  if (card == NULL)
    {
      AttainScorecardLine line = { .metric = (char *) "revenue", .weight = 10000 };
      attain_score_rule_init (&line.rule, ATTAIN_RULE_LINEAR);
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
      set_entry_hundredths (self->kpi_row, 10000);
      set_entry_hundredths (self->mbo_row, 0);
      set_entry_hundredths (self->feedback_row, 0);
      add_line (self, &line);
      gtk_label_set_label (self->version_label,
                           error != NULL ? error->message
                                         : _ ("No scorecard yet: people of this position are "
                                              "scored on their goals' weights."));
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), card->name);
  set_entry_hundredths (self->kpi_row, card->kpi_weight);
  set_entry_hundredths (self->mbo_row, card->mbo_weight);
  set_entry_hundredths (self->feedback_row, card->feedback_weight);
  for (guint i = 0; i < card->lines->len; i++)
    add_line (self, &g_array_index (card->lines, AttainScorecardLine, i));
  {
    /* Translators: %d is the version number of the scorecard shown */
    g_autofree char *text = g_strdup_printf (
        _ ("Version %d. Saving writes version %d; review cycles already started keep the version "
           "they started with."),
        card->version, card->version + 1);
    gtk_label_set_label (self->version_label, text);
  }
}

static void
show_error (AttainScorecardDialog *self, const char *message)
{
  attain_edit_window_show_error (self->error_label, message);
}
/* Reads a hundredths field; on a bad value says which field and what it takes. */
static gboolean
read_hundredths (AttainScorecardDialog *self, GtkWidget *row, int max, int *out)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  *out = attain_parse_hundredths (text, max);
  if (*out < 0)
    {
      g_autofree char *limit = hundredths_text (max);
      /* Translators: a field of the scorecard holds something that is not a number: the text,
       * the field's title and the largest value it takes */
      g_autofree char *message = g_strdup_printf (
          _ ("“%s” in “%s” is not a number from 0 to %s with at most two "
             "decimals. Nothing was saved."),
          text, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), limit);
      gtk_widget_grab_focus (row);
      show_error (self, message);
      return FALSE;
    }
  return TRUE;
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainScorecardDialog *self = ATTAIN_SCORECARD_DIALOG (widget);
  g_autoptr (AttainScorecard) card
      = attain_scorecard_new (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  g_autoptr (GError) error = NULL;
  gint64 id;

  card->position_id = chosen_position (self);
  if (!read_hundredths (self, GTK_WIDGET (self->kpi_row), 10000, &card->kpi_weight)
      || !read_hundredths (self, GTK_WIDGET (self->mbo_row), 10000, &card->mbo_weight)
      || !read_hundredths (self, GTK_WIDGET (self->feedback_row), 10000, &card->feedback_weight))
    return;
  for (guint i = 0; i < self->line_rows->len; i++)
    {
      GObject        *line = g_ptr_array_index (self->line_rows, i);
      GPtrArray      *metrics = g_object_get_data (line, "metrics");
      guint           m = adw_combo_row_get_selected (g_object_get_data (line, "metric"));
      guint           kind = adw_combo_row_get_selected (g_object_get_data (line, "rule"));
      AttainScoreRule rule;
      int             weight, slope;

      attain_score_rule_init (&rule, rule_kinds[MIN (kind, 3)]);
      if (!read_hundredths (self, g_object_get_data (line, "weight"), 10000, &weight)
          || !read_hundredths (self, g_object_get_data (line, "cap"), 100000, &rule.cap)
          || !read_hundredths (self, g_object_get_data (line, "floor"), 100000, &rule.floor)
          || !read_hundredths (self, g_object_get_data (line, "band_low"), 100000, &rule.band_low)
          || !read_hundredths (self, g_object_get_data (line, "band_high"), 100000, &rule.band_high)
          || !read_hundredths (self, g_object_get_data (line, "band_slope"), 1000, &slope))
        return;
      rule.band_slope = slope * 100;
      attain_scorecard_add_line (
          card,
          ((const AttainGoalMetric *) g_ptr_array_index (metrics, MIN (m, metrics->len - 1)))->key,
          weight, &rule);
    }
  id = attain_scorecard_save_over (attain_context_get_db (self->context), card, self->loaded_id,
                                   &error);
  if (id == 0)
    {
      show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
add_line_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainScorecardDialog *self = ATTAIN_SCORECARD_DIALOG (widget);
  AttainScorecardLine    line = { .metric = (char *) "revenue", .weight = 0 };

  attain_score_rule_init (&line.rule, ATTAIN_RULE_LINEAR);
  add_line (self, &line);
  adw_expander_row_set_expanded (g_ptr_array_index (self->line_rows, self->line_rows->len - 1),
                                 TRUE);
}

static void
attain_scorecard_dialog_dispose (GObject *object)
{
  AttainScorecardDialog *self = ATTAIN_SCORECARD_DIALOG (object);

  g_clear_pointer (&self->positions, g_ptr_array_unref);
  g_clear_pointer (&self->line_rows, g_ptr_array_unref);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (attain_scorecard_dialog_parent_class)->dispose (object);
}

static void
attain_scorecard_dialog_class_init (AttainScorecardDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = attain_scorecard_dialog_dispose;
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_install_action (widget_class, "scorecard.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "scorecard.add-line", NULL, add_line_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "scorecard.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
attain_scorecard_dialog_init (AttainScorecardDialog *self)
{
  self->line_rows = g_ptr_array_new ();
}

static GtkWidget *
group_new (const char *title, const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  return group;
}

GtkWidget *
attain_scorecard_dialog_new (GtkWindow *parent, AttainContext *context)
{
  AttainScorecardDialog *self
      = g_object_new (ATTAIN_TYPE_SCORECARD_DIALOG, "modal", TRUE, "transient-for", parent,
                      "default-width", 560, "default-height", 720, "title", _ ("Scorecards"), NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *card_group = group_new (_ ("Scorecard"), NULL);
  GtkWidget *parts_group
      = group_new (_ ("Parts of the Composite"),
                   _ ("Weights in %, exact to two decimals; together 100. A part nobody has "
                      "(no MBO goals, no 360 answers) is left out and the others renormalised."));
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");

  self->context = g_object_ref (context);
  self->error_label
      = attain_edit_window_top (GTK_BOX (box), _ ("_Save New Version"), "scorecard.save");
  self->position_row = attain_edit_window_position_row (
      context, _ ("Every position without its own"), &self->positions);
  self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _ ("Name"));
  self->version_label = attain_edit_window_version_label ();
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (card_group), GTK_WIDGET (self->position_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (card_group), GTK_WIDGET (self->name_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (card_group), GTK_WIDGET (self->version_label));

  self->kpi_row = ADW_ENTRY_ROW (entry_row (_ ("KPI part (%)"), 10000));
  self->mbo_row = ADW_ENTRY_ROW (entry_row (_ ("MBO part (%)"), 0));
  self->feedback_row = ADW_ENTRY_ROW (entry_row (_ ("360-degree part (%)"), 0));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (parts_group), GTK_WIDGET (self->kpi_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (parts_group), GTK_WIDGET (self->mbo_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (parts_group), GTK_WIDGET (self->feedback_row));

  self->lines_group = ADW_PREFERENCES_GROUP (group_new (
      _ ("KPI Lines"), _ ("Each line scores a metric against the person's goal for the period; the "
                          "lines' weights total 100.")));
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_tooltip_text (add, _ ("Add a Line"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Add a Line"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "scorecard.add-line");
  adw_preferences_group_set_header_suffix (self->lines_group, add);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (card_group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (parts_group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->lines_group);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);

  g_signal_connect_swapped (self->position_row, "notify::selected", G_CALLBACK (load_position),
                            self);
  load_position (self);
  return GTK_WIDGET (self);
}

const char *
attain_scorecard_dialog_get_error (AttainScorecardDialog *self)
{
  g_return_val_if_fail (ATTAIN_IS_SCORECARD_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
             ? gtk_label_get_label (self->error_label)
             : NULL;
}

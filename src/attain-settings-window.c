/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-settings-window.h"

#include <glib/gi18n.h>

#include "model/attain-metrics.h"
#include "model/attain-results.h"
#include "model/attain-settings.h"

struct _AttainSettingsWindow
{
  AdwPreferencesWindow parent_instance;

  AdwEntryRow         *company_row;
  AdwComboRow         *currency_row;
  AdwComboRow         *fiscal_row;
  AdwPreferencesGroup *stages_group;
  GtkSpinButton       *tier_a;
  GtkSpinButton       *tier_b;
  GtkSpinButton       *tier_c;

  AttainContext *context;
  gboolean       filling;
};

G_DEFINE_FINAL_TYPE (AttainSettingsWindow, attain_settings_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char *const currencies[] = { "CNY", "HKD", "TWD", "USD", "EUR" };

static void
saved (AttainSettingsWindow *self, gboolean ok, GError *error)
{
  /* A saved setting reaches the pages through the context's "changed", as every commit does. */
  if (!ok)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                      adw_toast_new (error->message));
}

static void
on_company_apply_cb (AttainSettingsWindow *self)
{
  g_autoptr (GError) error = NULL;
  gboolean ok = attain_settings_set_company_name (
      attain_context_get_db (self->context),
      gtk_editable_get_text (GTK_EDITABLE (self->company_row)), &error);
  saved (self, ok, error);
}

static void
on_currency_changed_cb (AttainSettingsWindow *self)
{
  g_autoptr (GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->currency_row);

  if (self->filling || selected >= G_N_ELEMENTS (currencies))
    return;
  saved (self,
         attain_settings_set_currency (attain_context_get_db (self->context), currencies[selected],
                                       &error),
         error);
}

static void
on_fiscal_changed_cb (AttainSettingsWindow *self)
{
  g_autoptr (GError) error = NULL;

  if (self->filling)
    return;
  saved (self,
         attain_settings_set_int (attain_context_get_db (self->context), "fiscal_year_start_month",
                                  (int) adw_combo_row_get_selected (self->fiscal_row) + 1, &error),
         error);
}

static void
on_tier_changed_cb (AttainSettingsWindow *self, GtkSpinButton *button)
{
  g_autoptr (GError) error = NULL;
  const char *key = button == self->tier_a   ? "tier_weight_a"
                    : button == self->tier_b ? "tier_weight_b"
                                             : "tier_weight_c";

  if (self->filling)
    return;
  saved (self,
         attain_settings_set_int (attain_context_get_db (self->context), key,
                                  gtk_spin_button_get_value_as_int (button), &error),
         error);
}

static void
on_probability_changed_cb (GtkSpinButton *button, AttainSettingsWindow *self)
{
  g_autoptr (GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "stage"));

  if (self->filling)
    return;
  saved (self,
         attain_settings_set_probability (attain_context_get_db (self->context), id,
                                          gtk_spin_button_get_value_as_int (button), &error),
         error);
}

/* The evaluation's settings: each spin row saves its key, in the units the model keeps
 * (hundredths of a point for the bands). A value the model refuses goes back to the stored one. */
typedef struct
{
  const char *key;
  const char *title;
  const char *subtitle;
  double      min, max, step;
  int         fallback; /* as stored */
  int         scale;    /* stored = shown × scale */
  guint       digits;
} EvaluationSetting;

static void
on_evaluation_changed_cb (GtkSpinButton *button, AttainSettingsWindow *self)
{
  const EvaluationSetting *setting = g_object_get_data (G_OBJECT (button), "setting");
  g_autoptr (GError) error = NULL;
  AttainDb *db = attain_context_get_db (self->context);
  int       value = (int) (gtk_spin_button_get_value (button) * setting->scale + 0.5);

  if (self->filling)
    return;
  if (!attain_settings_set_int (db, setting->key, value, &error))
    {
      saved (self, FALSE, error);
      self->filling = TRUE;
      gtk_spin_button_set_value (
          button, (double) attain_db_get_setting_int (db, setting->key, setting->fallback)
                      / setting->scale);
      self->filling = FALSE;
    }
}

static void
add_spin_row (AttainSettingsWindow    *self,
              AttainDb                *db,
              AdwPreferencesGroup     *group,
              const EvaluationSetting *setting)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (setting->min, setting->max, setting->step);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ (setting->title));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _ (setting->subtitle));
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), setting->digits);
  gtk_spin_button_set_value (
      GTK_SPIN_BUTTON (spin),
      (double) attain_db_get_setting_int (db, setting->key, setting->fallback) / setting->scale);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ (setting->title), -1);
  g_object_set_data (G_OBJECT (spin), "setting", (gpointer) setting);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_evaluation_changed_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (group, row);
}

static void
add_evaluation_page (AttainSettingsWindow *self, AttainDb *db)
{
  static const EvaluationSetting bands[] = {
    { "rating_s", N_ ("S from"), N_ ("Composite score, points"), 0, 300, 0.5, 11000, 100, 1 },
    { "rating_a", N_ ("A from"), N_ ("Composite score, points"), 0, 300, 0.5, 10000, 100, 1 },
    { "rating_b", N_ ("B from"), N_ ("Composite score, points"), 0, 300, 0.5, 8500, 100, 1 },
    { "rating_c", N_ ("C from"), N_ ("Composite score, points; below it is D"), 0, 300, 0.5, 7000,
      100, 1 },
  };
  static const EvaluationSetting rules[] = {
    { "calibration_top_max", N_ ("S and A at most (%)"), N_ ("Calibration guideline"), 0, 100, 1,
      30, 1, 0 },
    { "calibration_bottom_min", N_ ("C and D at least (%)"), N_ ("Calibration guideline"), 0, 100,
      1, 10, 1, 0 },
    { "feedback_min_group", N_ ("360 groups shown from (answers)"),
      N_ ("Peers and subordinates; never fewer than 3"), 3, 10, 1, 3, 1, 0 },
    { "appeal_days", N_ ("Appeals decided within (days)"),
      N_ ("From the day the employee received the report"), 1, 90, 1, 15, 1, 0 },
    { "review_due_days", N_ ("Reviews due after the period (days)"),
      N_ ("A member not signed off by then is late"), 0, 365, 1, 30, 1, 0 },
  };
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *groups[2] = { adw_preferences_group_new (), adw_preferences_group_new () };
  const EvaluationSetting *lists[2] = { bands, rules };
  guint                    sizes[2] = { G_N_ELEMENTS (bands), G_N_ELEMENTS (rules) };

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _ ("Evaluation"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "starred-symbolic");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (groups[0]), _ ("Rating Bands"));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (groups[1]), _ ("Rules"));
  for (guint g = 0; g < 2; g++)
    {
      for (guint i = 0; i < sizes[g]; i++)
        add_spin_row (self, db, ADW_PREFERENCES_GROUP (groups[g]), &lists[g][i]);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (groups[g]));
    }
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
}

/* A word setting chosen from a list: each choice is stored as its key. */
typedef struct
{
  const char        *key;
  const char        *title;
  const char        *subtitle;
  const char        *fallback;
  const char *const *choices; /* stored keys, NULL-terminated; NULL for the recognition metrics */
  gboolean           metric_labels; /* show each key as its metric's label */
} ChoiceSetting;

static const char *const *
choices_of (const ChoiceSetting *setting)
{
  return setting->choices != NULL ? setting->choices : attain_recognition_metric_keys ();
}

static void
on_choice_changed_cb (AdwComboRow *row, GParamSpec *pspec, AttainSettingsWindow *self)
{
  const ChoiceSetting *setting = g_object_get_data (G_OBJECT (row), "setting");
  g_autoptr (GError) error = NULL;

  if (self->filling)
    return;
  if (!attain_settings_set_choice (attain_context_get_db (self->context), setting->key,
                                   choices_of (setting)[adw_combo_row_get_selected (row)], &error))
    saved (self, FALSE, error);
}

static void
add_choice_row (AttainSettingsWindow *self,
                AttainDb             *db,
                AdwPreferencesGroup  *group,
                const ChoiceSetting  *setting)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *stored = attain_db_get_setting (db, setting->key, setting->fallback);
  GtkWidget       *row = adw_combo_row_new ();
  guint            selected = 0;

  for (guint i = 0; choices_of (setting)[i] != NULL; i++)
    {
      const char    *key = choices_of (setting)[i];
      AttainMetricId metric;
      gtk_string_list_append (labels,
                              setting->metric_labels && attain_metric_from_key (key, &metric)
                                  ? _ (attain_metric_info (metric)->label)
                                  : key);
      if (g_strcmp0 (stored, key) == 0)
        selected = i;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ (setting->title));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _ (setting->subtitle));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_object_set_data (G_OBJECT (row), "setting", (gpointer) setting);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_choice_changed_cb), self, 0);
  adw_preferences_group_add (group, row);
}

/* How results are applied: who may be promoted, what suggests training, who is recognised. */
static void
add_results_page (AttainSettingsWindow *self, AttainDb *db)
{
  static const char *const       ratings[] = { "S", "A", "B", "C", NULL };
  static const EvaluationSetting promotion[] = {
    { "promotion_quarters", N_ ("Quarters at target"),
      N_ ("The last quarters all at or above 100% revenue attainment"), 1, 8, 1, 3, 1, 0 },
    { "promotion_months", N_ ("Months in the position"), N_ ("At least, by the quarter’s end"), 0,
      600, 1, 12, 1, 0 },
  };
  static const ChoiceSetting     promotion_rating = { "promotion_min_rating",
                                                      N_ ("Latest rating at least"),
                                                      N_ ("From the last signed-off review"),
                                                      "A",
                                                      ratings,
                                                      FALSE };
  static const EvaluationSetting training[] = {
    { "training_rating_max", N_ ("Capability rated at most"),
      N_ ("Suggests training in it, on the 1–5 scale"), 1, 4, 1, 2, 1, 0 },
    { "training_attainment_min", N_ ("KPI below (percent of target)"),
      N_ ("Suggests its topic; judged on pace while the period runs"), 1, 100, 1, 80, 1, 0 },
  };
  static const ChoiceSetting recognition_choices[] = {
    { "recognition_metric", N_ ("Ranked by"), N_ ("The highest figure wins"), "revenue", NULL,
      TRUE },
    { "recognition_tiebreak", N_ ("Ties broken by"), N_ ("Then by name"), "collections", NULL,
      TRUE },
  };
  static const EvaluationSetting recognition_min
      = { "recognition_min_attainment",
          N_ ("Qualifies from (percent of target)"),
          N_ ("Of the target of the metric it is ranked by"),
          0,
          300,
          5,
          100,
          1,
          0 };
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *groups[3] = { adw_preferences_group_new (), adw_preferences_group_new (),
                           adw_preferences_group_new () };

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _ ("Results"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "emblem-ok-symbolic");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (groups[0]), _ ("Promotion"));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (groups[1]), _ ("Training"));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (groups[2]), _ ("Recognition"));
  for (guint i = 0; i < G_N_ELEMENTS (promotion); i++)
    add_spin_row (self, db, ADW_PREFERENCES_GROUP (groups[0]), &promotion[i]);
  add_choice_row (self, db, ADW_PREFERENCES_GROUP (groups[0]), &promotion_rating);
  for (guint i = 0; i < G_N_ELEMENTS (training); i++)
    add_spin_row (self, db, ADW_PREFERENCES_GROUP (groups[1]), &training[i]);
  add_choice_row (self, db, ADW_PREFERENCES_GROUP (groups[2]), &recognition_choices[0]);
  add_spin_row (self, db, ADW_PREFERENCES_GROUP (groups[2]), &recognition_min);
  add_choice_row (self, db, ADW_PREFERENCES_GROUP (groups[2]), &recognition_choices[1]);
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (groups[g]));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
}

static void
attain_settings_window_dispose (GObject *object)
{
  AttainSettingsWindow *self = ATTAIN_SETTINGS_WINDOW (object);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATTAIN_TYPE_SETTINGS_WINDOW);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (attain_settings_window_parent_class)->dispose (object);
}

static void
attain_settings_window_class_init (AttainSettingsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = attain_settings_window_dispose;
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/attain/Attain/ui/attain-settings-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AttainSettingsWindow, company_row);
  gtk_widget_class_bind_template_child (widget_class, AttainSettingsWindow, currency_row);
  gtk_widget_class_bind_template_child (widget_class, AttainSettingsWindow, fiscal_row);
  gtk_widget_class_bind_template_child (widget_class, AttainSettingsWindow, stages_group);
  gtk_widget_class_bind_template_child (widget_class, AttainSettingsWindow, tier_a);
  gtk_widget_class_bind_template_child (widget_class, AttainSettingsWindow, tier_b);
  gtk_widget_class_bind_template_child (widget_class, AttainSettingsWindow, tier_c);
  gtk_widget_class_bind_template_callback (widget_class, on_company_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_currency_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_fiscal_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_tier_changed_cb);
}

static void
attain_settings_window_init (AttainSettingsWindow *self)
{
  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->filling = FALSE;
}

GtkWidget *
attain_settings_window_new (GtkWindow *parent, AttainContext *context)
{
  AttainSettingsWindow *self = g_object_new (ATTAIN_TYPE_SETTINGS_WINDOW, "transient-for", parent,
                                             "destroy-with-parent", TRUE, NULL);
  AttainDb             *db = attain_context_get_db (context);
  g_autoptr (GtkStringList) months = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) stages = attain_settings_stages (db, NULL);
  g_autofree char *company = attain_db_get_setting (db, "company_name", "");
  g_autofree char *currency = attain_db_get_setting (db, "currency", "CNY");

  self->context = g_object_ref (context);
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->company_row), company);
  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    if (g_str_equal (currency, currencies[i]))
      adw_combo_row_set_selected (self->currency_row, i);
  for (int m = 1; m <= 12; m++)
    {
      g_autoptr (GDateTime) date = g_date_time_new_utc (2026, m, 1, 0, 0, 0);
      g_autofree char *name = g_date_time_format (date, "%B");
      gtk_string_list_append (months, name);
    }
  adw_combo_row_set_model (self->fiscal_row, G_LIST_MODEL (months));
  adw_combo_row_set_selected (self->fiscal_row,
                              attain_db_get_setting_int (db, "fiscal_year_start_month", 1) - 1);
  gtk_spin_button_set_value (self->tier_a, attain_db_get_setting_int (db, "tier_weight_a", 3));
  gtk_spin_button_set_value (self->tier_b, attain_db_get_setting_int (db, "tier_weight_b", 2));
  gtk_spin_button_set_value (self->tier_c, attain_db_get_setting_int (db, "tier_weight_c", 1));
  for (guint i = 0; stages && i < stages->len; i++)
    {
      AttainStageSetting *stage = g_ptr_array_index (stages, i);
      GtkWidget          *row = adw_action_row_new ();
      GtkWidget          *spin = gtk_spin_button_new_with_range (0, 100, 5);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), stage->label);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), stage->probability);
      g_object_set_data (G_OBJECT (spin), "stage", GSIZE_TO_POINTER ((gsize) stage->id));
      g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_probability_changed_cb), self,
                               0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_preferences_group_add (self->stages_group, row);
    }
  add_evaluation_page (self, db);
  add_results_page (self, db);
  self->filling = FALSE;
  return GTK_WIDGET (self);
}

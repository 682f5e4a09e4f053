/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-import-dialog.h"

#include <glib/gi18n.h>

#include "model/attain-goal.h"
#include "model/attain-org.h"
#include "model/attain-period.h"

struct _AttainImportDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkButton           *cancel_button;
  GtkButton           *import_button;
  GtkStack            *stack;
  AdwStatusPage       *busy_page;
  AdwStatusPage       *failed_page;
  AdwStatusPage       *done_page;
  GtkProgressBar      *progress;
  GtkLabel            *summary_label;
  GtkLabel            *problems_label;
  GtkCheckButton      *locked_check;
  GtkLabel            *notes_label;
  AdwPreferencesGroup *problems_group;
  AdwPreferencesGroup *values_group;
  AdwPreferencesGroup *columns_group;
  AdwComboRow         *preset_row;
  AdwComboRow         *sheet_row;
  AdwComboRow         *encoding_row;
  AdwComboRow         *date_order_row;
  AdwComboRow         *amount_unit_row;
  AdwComboRow         *scale_row;
  AdwEntryRow         *company_row;
  AdwEntryRow         *preset_name_row;
  AdwActionRow        *year_row;
  GtkSpinButton       *year_spin;
  AdwComboRow         *metric_row;

  /* State */
  AttainContext      *context;
  AttainImportKind    kind;
  char               *path;
  AttainImportOptions options;
  AttainImportPlan   *plan;
  char              **preset_names; /* index 0 of preset_row is "none" */
  GPtrArray          *dynamic_rows; /* rows this dialog added to its groups */
  GCancellable       *cancellable;
  guint               progress_source;
  gint                progress_permille;
  gboolean            applying;
  gboolean            filling;    /* suppresses change handlers while rows are built */
  guint               generation; /* the latest prepare; older results are dropped */
};

G_DEFINE_FINAL_TYPE (AttainImportDialog, attain_import_dialog, ADW_TYPE_WINDOW)

enum
{
  IMPORTED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static const char *const encoding_names[] = { "auto", "utf-8", "gb18030", "big5", "utf-16le" };
static const gint64      amount_units[] = { 0, 1, 10000 };

typedef struct
{
  char               *db_path;
  char               *path;
  AttainImportOptions options;
  AttainImportPlan   *plan; /* apply: taken from the dialog, given back after */
  gint               *permille;
  guint               generation;
  AttainImportSummary summary;
} Job;

static void
job_free (Job *job)
{
  g_free (job->db_path);
  g_free (job->path);
  attain_import_options_clear (&job->options);
  g_clear_pointer (&job->plan, attain_import_plan_free);
  attain_import_summary_clear (&job->summary);
  g_free (job);
}

static void
progress_cb (guint64 done, guint64 total, gpointer user_data)
{
  g_atomic_int_set ((gint *) user_data, total ? (gint) (done * 1000 / total) : 1000);
}

static gboolean
update_progress_cb (gpointer user_data)
{
  AttainImportDialog *self = user_data;
  gtk_progress_bar_set_fraction (self->progress,
                                 g_atomic_int_get (&self->progress_permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
set_busy (AttainImportDialog *self, const char *title)
{
  g_atomic_int_set (&self->progress_permille, 0);
  gtk_progress_bar_set_fraction (self->progress, 0);
  adw_status_page_set_title (self->busy_page, title);
  gtk_stack_set_visible_child_name (self->stack, "busy");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", FALSE);
  if (self->progress_source == 0)
    self->progress_source = g_timeout_add (100, update_progress_cb, self);
}

static void
stop_progress (AttainImportDialog *self)
{
  g_clear_handle_id (&self->progress_source, g_source_remove);
}

static void
prepare_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainDb) db = attain_db_open_reader (job->db_path, &error);
  AttainImportPlan *plan;

  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  plan = attain_import_prepare (db, job->path, &job->options, cancellable, progress_cb,
                                job->permille, &error);
  if (plan == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, plan, (GDestroyNotify) attain_import_plan_free);
}

static void
clear_dynamic_rows (AttainImportDialog *self)
{
  for (guint i = 0; i < self->dynamic_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->dynamic_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);
      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->dynamic_rows, 0);
}

static void schedule_prepare (AttainImportDialog *self);

static void
on_column_changed_cb (AdwComboRow *row, GParamSpec *pspec, AttainImportDialog *self)
{
  guint       selected = adw_combo_row_get_selected (row);
  const char *header = g_object_get_data (G_OBJECT (row), "header");

  if (self->filling)
    return;
  attain_import_options_set_column (
      &self->options, header,
      selected == 0 ? "" : attain_import_field_key (self->kind, selected - 1));
  schedule_prepare (self);
}

static void
on_value_changed_cb (AdwComboRow *row, GParamSpec *pspec, AttainImportDialog *self)
{
  guint              selected = adw_combo_row_get_selected (row);
  const char        *field = g_object_get_data (G_OBJECT (row), "field");
  const char        *value = g_object_get_data (G_OBJECT (row), "value");
  const char *const *choices = attain_import_value_choices (field);

  if (self->filling || selected == 0 || choices == NULL)
    return;
  attain_import_options_set_value (&self->options, field, value, choices[selected - 1]);
  schedule_prepare (self);
}

static const char *
choice_label (const char *field, const char *choice)
{
  static const struct
  {
    const char *key;
    const char *label;
  } labels[] = {
    { "lost", NC_ ("deal stage", "Lost") },
    { "visit", N_ ("Visit") },
    { "call", N_ ("Call") },
    { "email", N_ ("Email") },
    { "demo", N_ ("Demo") },
    { "survey", N_ ("Satisfaction survey") },
    { "complaint", N_ ("Complaint") },
  };
  if (g_str_equal (field, "stage") && !g_str_equal (choice, "lost"))
    return attain_stage_label (choice, choice);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].key, choice))
      return g_str_equal (choice, "lost") ? g_dpgettext2 (NULL, "deal stage", labels[i].label)
                                          : _ (labels[i].label);
  return choice; /* tiers A, B, C */
}

/* The first few values of a column, so the director sees what it holds. */
static char *
column_samples (const AttainSheet *sheet, guint header_row, guint column)
{
  g_autoptr (GString) text = g_string_new (NULL);
  guint found = 0;

  for (guint r = header_row + 1; r < sheet->rows->len && found < 3 && r < header_row + 50; r++)
    {
      const char      *cell = attain_sheet_cell (sheet, r, column);
      g_autofree char *flat = NULL;
      if (*cell == '\0')
        continue;
      flat = g_strdelimit (g_utf8_substring (cell, 0, MIN (g_utf8_strlen (cell, -1), 24)), "\r\n",
                           ' ');
      g_string_append_printf (text, "%s%s", found ? " · " : "", flat);
      found++;
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_row (AttainImportDialog *self, AdwPreferencesGroup *group, GtkWidget *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->dynamic_rows, row);
}

static void
show_plan (AttainImportDialog *self)
{
  AttainImportPlan     *plan = self->plan;
  const AttainSheet    *sheet = attain_import_plan_get_sheet (plan);
  guint                 header = attain_import_plan_get_header_row (plan);
  const AttainSheetRow *header_row = g_ptr_array_index (sheet->rows, header);
  GPtrArray            *problems = attain_import_plan_get_problems (plan);
  GPtrArray            *unmapped = attain_import_plan_get_unmapped (plan);
  guint                 n_fields = attain_import_n_fields (self->kind);
  gint64                unit = attain_import_plan_get_amount_unit (plan);
  g_autofree char      *summary = NULL;
  g_autoptr (GString) problem_text = g_string_new (NULL);

  self->filling = TRUE;
  clear_dynamic_rows (self);

  if (gtk_widget_get_visible (GTK_WIDGET (self->amount_unit_row)))
    summary = g_strdup_printf (_ ("%u rows below the header on line %u · %s · amounts in %s. %u "
                                  "records are ready to import; %u rows are rejected."),
                               sheet->rows->len - header - 1, header_row->line,
                               g_strcmp0 (sheet->encoding, "XLSX") == 0 ? _ ("Excel workbook")
                                                                        : sheet->encoding,
                               unit == 10000       ? _ ("ten thousand yuan")
                               : unit == 100000000 ? _ ("hundred million yuan")
                                                   : _ ("yuan"),
                               attain_import_plan_get_n_records (plan), problems->len);
  else
    summary = g_strdup_printf (_ ("%u rows below the header on line %u · %s. %u records are ready "
                                  "to import; %u rows are rejected."),
                               sheet->rows->len - header - 1, header_row->line,
                               g_strcmp0 (sheet->encoding, "XLSX") == 0 ? _ ("Excel workbook")
                                                                        : sheet->encoding,
                               attain_import_plan_get_n_records (plan), problems->len);
  gtk_label_set_text (self->summary_label, summary);

  if (sheet->sheet_names != NULL && g_strv_length (sheet->sheet_names) > 1)
    {
      g_autoptr (GtkStringList) names
          = gtk_string_list_new ((const char *const *) sheet->sheet_names);
      adw_combo_row_set_model (self->sheet_row, G_LIST_MODEL (names));
      adw_combo_row_set_selected (self->sheet_row, sheet->sheet_index);
      gtk_widget_set_visible (GTK_WIDGET (self->sheet_row), TRUE);
    }

  for (guint c = 0; c < header_row->n_cells; c++)
    {
      const char      *field = attain_import_plan_get_column_field (plan, c);
      g_autofree char *samples = column_samples (sheet, header, c);
      GtkWidget       *row;

      if (attain_import_plan_is_period_column (plan, c))
        {
          row = adw_action_row_new ();
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                       _ ("Targets of this month or quarter"));
        }
      else
        {
          g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
          guint selected = 0;

          gtk_string_list_append (labels, _ ("Not imported"));
          for (guint i = 0; i < n_fields; i++)
            {
              const char      *key = attain_import_field_key (self->kind, i);
              g_autofree char *label
                  = attain_import_field_required (self->kind, key)
                        ? g_strdup_printf (_ ("%s (required)"), attain_import_field_label (key))
                        : g_strdup (attain_import_field_label (key));
              gtk_string_list_append (labels, label);
              if (g_strcmp0 (field, key) == 0)
                selected = i + 1;
            }
          row = adw_combo_row_new ();
          adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
          g_object_set_data_full (G_OBJECT (row), "header", g_strdup (header_row->cells[c]),
                                  g_free);
          g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_column_changed_cb), self,
                                   0);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), samples);
        }
      /* File text is not markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *header_row->cells[c]
                                                                    ? header_row->cells[c]
                                                                    : _ ("(no header)"));
      if (attain_import_plan_is_period_column (plan, c))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), samples);
      add_row (self, self->columns_group, row);
    }

  for (guint i = 0; i < unmapped->len; i++)
    {
      AttainImportUnmapped *u = g_ptr_array_index (unmapped, i);
      const char *const    *choices = attain_import_value_choices (u->field_key);
      g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
      g_autofree char *subtitle
          = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u row, line %u",
                                          "%s · %u rows, first on line %u", u->count),
                             attain_import_field_label (u->field_key), u->count, u->first_line);
      GtkWidget *row = adw_combo_row_new ();

      gtk_string_list_append (labels, _ ("Choose…"));
      for (guint k = 0; choices && choices[k]; k++)
        gtk_string_list_append (labels, choice_label (u->field_key, choices[k]));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), u->value);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      g_object_set_data_full (G_OBJECT (row), "field", g_strdup (u->field_key), g_free);
      g_object_set_data_full (G_OBJECT (row), "value", g_strdup (u->value), g_free);
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_value_changed_cb), self, 0);
      add_row (self, self->values_group, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->values_group), unmapped->len > 0);

  for (guint i = 0; i < problems->len && i < 100; i++)
    g_string_append_printf (problem_text, "%s%s", i ? "\n" : "",
                            ((AttainImportProblem *) g_ptr_array_index (problems, i))->message);
  if (problems->len > 100)
    g_string_append_printf (problem_text, "\n%s", _ ("… and more; the first 100 are listed."));
  gtk_label_set_text (self->problems_label, problem_text->str);
  /* Rows in signed-off periods come in only after a second, explicit confirmation. */
  if (attain_import_plan_get_n_locked (plan) > 0 || self->options.allow_locked)
    {
      g_autofree char *label
          = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Also import the %u row in a period whose review is "
                                          "signed off (that period’s figures change)",
                                          "Also import the %u rows in periods whose reviews are "
                                          "signed off (those periods’ figures change)",
                                          MAX (attain_import_plan_get_n_locked (plan), 1)),
                             MAX (attain_import_plan_get_n_locked (plan), 1));
      if (attain_import_plan_get_n_locked (plan) > 0)
        gtk_check_button_set_label (self->locked_check, label);
      gtk_widget_set_visible (GTK_WIDGET (self->locked_check), TRUE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group),
                          problems->len > 0 || self->options.allow_locked);

  gtk_widget_set_visible (GTK_WIDGET (self->scale_row), self->kind == ATTAIN_IMPORT_FEEDBACK);
  self->filling = FALSE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply",
                                 problems->len == 0 && attain_import_plan_get_n_records (plan) > 0);
  gtk_stack_set_visible_child_name (self->stack, "mapping");
}

static void
prepare_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AttainImportDialog *self = ATTAIN_IMPORT_DIALOG (source);
  Job                *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  AttainImportPlan *plan = g_task_propagate_pointer (G_TASK (result), &error);

  if (job->generation != self->generation)
    {
      g_clear_pointer (&plan, attain_import_plan_free);
      return;
    }
  stop_progress (self);
  if (plan == NULL)
    {
      if (g_error_matches (error, ATTAIN_IMPORT_ERROR, ATTAIN_IMPORT_ERROR_CANCELLED))
        {
          gtk_window_close (GTK_WINDOW (self));
          return;
        }
      adw_status_page_set_description (self->failed_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "failed");
      return;
    }
  g_clear_pointer (&self->plan, attain_import_plan_free);
  self->plan = plan;
  show_plan (self);
}

static void
start_prepare (AttainImportDialog *self)
{
  g_autoptr (GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  job->db_path = g_strdup (attain_context_get_db_path (self->context));
  job->path = g_strdup (self->path);
  attain_import_options_copy (&self->options, &job->options);
  job->permille = &self->progress_permille;
  job->generation = ++self->generation;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, _ ("Reading the File…"));

  /* The dialog stays alive until the thread ends (the task holds it), so the progress pointer
   * into it stays valid. */
  task = g_task_new (self, self->cancellable, prepare_done_cb, NULL);
  g_task_set_source_tag (task, start_prepare);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, prepare_in_thread);
}

static gboolean
prepare_idle_cb (gpointer user_data)
{
  AttainImportDialog *self = user_data;
  g_object_steal_data (G_OBJECT (self), "prepare-idle");
  start_prepare (self);
  return G_SOURCE_REMOVE;
}

/* Several combo rows can change in one turn of the main loop (a preset, say): read the file
 * once after them. */
static void
schedule_prepare (AttainImportDialog *self)
{
  if (g_object_get_data (G_OBJECT (self), "prepare-idle") != NULL)
    return;
  g_object_set_data (G_OBJECT (self), "prepare-idle", GUINT_TO_POINTER (1));
  g_idle_add_full (G_PRIORITY_DEFAULT, prepare_idle_cb, g_object_ref (self), g_object_unref);
}

static void
on_option_changed_cb (AttainImportDialog *self)
{
  guint selected;

  if (self->filling)
    return;
  selected = adw_combo_row_get_selected (self->encoding_row);
  g_free (self->options.encoding);
  self->options.encoding
      = g_strdup (encoding_names[MIN (selected, G_N_ELEMENTS (encoding_names) - 1)]);
  self->options.date_order
      = (AttainDateOrder) MIN (adw_combo_row_get_selected (self->date_order_row), 2);
  self->options.amount_unit
      = amount_units[MIN (adw_combo_row_get_selected (self->amount_unit_row), 2)];
  self->options.satisfaction_scale = adw_combo_row_get_selected (self->scale_row) == 1 ? 10 : 5;
  self->options.allow_locked = gtk_check_button_get_active (self->locked_check);
  if (gtk_widget_get_visible (GTK_WIDGET (self->sheet_row)))
    self->options.sheet_index = (int) adw_combo_row_get_selected (self->sheet_row);
  if (self->kind == ATTAIN_IMPORT_TARGETS)
    {
      guint                   n_metrics;
      const AttainGoalMetric *metrics = attain_goal_metrics (&n_metrics);
      guint                   metric = adw_combo_row_get_selected (self->metric_row);
      self->options.year = gtk_spin_button_get_value_as_int (self->year_spin);
      g_free (self->options.metric);
      self->options.metric = g_strdup (metrics[MIN (metric, n_metrics - 1)].key);
    }

  selected = adw_combo_row_get_selected (self->preset_row);
  if (selected > 0 && self->preset_names[selected - 1] != NULL)
    {
      g_autoptr (GError) error = NULL;
      AttainImportOptions fresh;
      attain_import_options_init (&fresh, self->kind);
      if (attain_import_options_load_preset (&fresh, attain_context_get_db (self->context),
                                             self->preset_names[selected - 1], &error))
        {
          fresh.sheet_index = self->options.sheet_index;
          fresh.allow_locked = self->options.allow_locked;
          g_free (fresh.encoding);
          fresh.encoding = g_strdup (self->options.encoding);
          attain_import_options_clear (&self->options);
          self->options = fresh;
          self->filling = TRUE;
          adw_combo_row_set_selected (self->date_order_row, self->options.date_order);
          self->filling = FALSE;
        }
      else
        {
          attain_import_options_clear (&fresh);
          adw_status_page_set_description (self->failed_page, error->message);
        }
    }
  schedule_prepare (self);
}

static void
apply_in_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainDb) db = attain_db_open (job->db_path, &error);

  if (db == NULL
      || !attain_import_apply (db, job->plan, cancellable, progress_cb, job->permille,
                               &job->summary, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
apply_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AttainImportDialog *self = ATTAIN_IMPORT_DIALOG (source);
  Job                *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) notes = g_string_new (NULL);
  g_autofree char *counts = NULL;

  stop_progress (self);
  self->applying = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.cancel", TRUE);
  /* The plan comes back, so the mapping can be shown again after a cancel or a failure. */
  self->plan = g_steal_pointer (&job->plan);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_plan (self);
      gtk_label_set_text (self->summary_label, error->message);
      return;
    }
  counts = g_strdup_printf (_ ("%u added, %u updated, %u unchanged."), job->summary.added,
                            job->summary.updated, job->summary.unchanged);
  g_string_append (notes, counts);
  for (guint i = 0; job->summary.notes && i < job->summary.notes->len; i++)
    g_string_append_printf (notes, "\n%s",
                            (const char *) g_ptr_array_index (job->summary.notes, i));
  gtk_label_set_text (self->notes_label, notes->str);
  gtk_stack_set_visible_child_name (self->stack, "done");
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), FALSE);
  g_signal_emit (self, signals[IMPORTED], 0);
}

static void
apply_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainImportDialog *self = ATTAIN_IMPORT_DIALOG (widget);
  g_autoptr (GTask) task = NULL;
  Job *job;

  if (self->plan == NULL || self->applying)
    return;
  if (gtk_widget_get_visible (GTK_WIDGET (self->company_row)))
    attain_import_plan_set_company_name (self->plan,
                                         gtk_editable_get_text (GTK_EDITABLE (self->company_row)));

  job = g_new0 (Job, 1);
  job->db_path = g_strdup (attain_context_get_db_path (self->context));
  job->plan = g_steal_pointer (&self->plan);
  job->permille = &self->progress_permille;
  self->applying = TRUE;

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, _ ("Importing…"));

  task = g_task_new (self, self->cancellable, apply_done_cb, NULL);
  g_task_set_source_tag (task, apply_action);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, apply_in_thread);
}

static void
cancel_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainImportDialog *self = ATTAIN_IMPORT_DIALOG (widget);

  /* Cancelling a write rolls it back and shows the mapping again; otherwise the dialog goes. */
  if (self->applying)
    {
      g_cancellable_cancel (self->cancellable);
      return;
    }
  g_cancellable_cancel (self->cancellable);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_preset_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainImportDialog *self = ATTAIN_IMPORT_DIALOG (widget);
  g_autoptr (GError) error = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->preset_name_row));

  if (!attain_import_options_save_preset (&self->options, attain_context_get_db (self->context),
                                          name, &error))
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->preset_name_row), error->message);
  else
    {
      g_autofree char *saved = g_strdup_printf (_ ("Saved as “%s”"), name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->preset_name_row), saved);
    }
}

static gboolean
close_request_cb (GtkWindow *window)
{
  AttainImportDialog *self = ATTAIN_IMPORT_DIALOG (window);

  /* While writing, closing means cancelling: the write is rolled back first. */
  if (self->applying)
    {
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }
  g_cancellable_cancel (self->cancellable);
  return FALSE;
}

static void
attain_import_dialog_dispose (GObject *object)
{
  AttainImportDialog *self = ATTAIN_IMPORT_DIALOG (object);

  stop_progress (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATTAIN_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (attain_import_dialog_parent_class)->dispose (object);
}

static void
attain_import_dialog_finalize (GObject *object)
{
  AttainImportDialog *self = ATTAIN_IMPORT_DIALOG (object);

  g_free (self->path);
  attain_import_options_clear (&self->options);
  g_clear_pointer (&self->plan, attain_import_plan_free);
  g_strfreev (self->preset_names);
  g_ptr_array_unref (self->dynamic_rows);
  G_OBJECT_CLASS (attain_import_dialog_parent_class)->finalize (object);
}

static void
attain_import_dialog_class_init (AttainImportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = attain_import_dialog_dispose;
  object_class->finalize = attain_import_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = close_request_cb;

  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/attain/Attain/ui/attain-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AttainImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AttainImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, AttainImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, AttainImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AttainImportDialog, busy_page);
  gtk_widget_class_bind_template_child (widget_class, AttainImportDialog, failed_page);
  gtk_widget_class_bind_template_child (widget_class, AttainImportDialog, done_page);
  gtk_widget_class_bind_template_child (widget_class, AttainImportDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, AttainImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AttainImportDialog, problems_label);
  gtk_widget_class_bind_template_child (widget_class, AttainImportDialog, locked_check);
  gtk_widget_class_bind_template_child (widget_class, AttainImportDialog, notes_label);
  gtk_widget_class_bind_template_child (widget_class, AttainImportDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, AttainImportDialog, values_group);
  gtk_widget_class_bind_template_child (widget_class, AttainImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, AttainImportDialog, preset_row);
  gtk_widget_class_bind_template_child (widget_class, AttainImportDialog, sheet_row);
  gtk_widget_class_bind_template_child (widget_class, AttainImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, AttainImportDialog, date_order_row);
  gtk_widget_class_bind_template_child (widget_class, AttainImportDialog, amount_unit_row);
  gtk_widget_class_bind_template_child (widget_class, AttainImportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, AttainImportDialog, company_row);
  gtk_widget_class_bind_template_child (widget_class, AttainImportDialog, preset_name_row);
  gtk_widget_class_bind_template_child (widget_class, AttainImportDialog, year_row);
  gtk_widget_class_bind_template_child (widget_class, AttainImportDialog, year_spin);
  gtk_widget_class_bind_template_child (widget_class, AttainImportDialog, metric_row);
  gtk_widget_class_bind_template_callback (widget_class, on_option_changed_cb);

  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "import.save-preset", NULL, save_preset_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
attain_import_dialog_init (AttainImportDialog *self)
{
  self->dynamic_rows = g_ptr_array_new ();
  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->filling = FALSE;
}

GtkWidget *
attain_import_dialog_new (GtkWindow       *parent,
                          AttainContext   *context,
                          AttainImportKind kind,
                          const char      *path)
{
  AttainImportDialog *self
      = g_object_new (ATTAIN_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  g_autoptr (GtkStringList) presets = gtk_string_list_new (NULL);
  g_autofree char *title = g_strdup_printf (_ ("Import %s"), attain_import_kind_label (kind));
  g_autofree char *base = g_path_get_basename (path);
  GDate            today;

  self->context = g_object_ref (context);
  self->kind = kind;
  self->path = g_strdup (path);
  attain_import_options_init (&self->options, kind);
  attain_context_get_today (context, &today);
  self->options.as_of = attain_date_to_iso (&today);

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, base);

  /* Only the presets of this kind of file. */
  self->filling = TRUE;
  {
    g_auto (GStrv) all = attain_import_preset_names (attain_context_get_db (context));
    g_autoptr (GPtrArray) mine = g_ptr_array_new ();
    gtk_string_list_append (presets, _ ("None (match columns by name)"));
    for (char **n = all; *n; n++)
      {
        AttainImportOptions probe;
        attain_import_options_init (&probe, kind);
        if (attain_import_options_load_preset (&probe, attain_context_get_db (context), *n, NULL))
          {
            gtk_string_list_append (presets, *n);
            g_ptr_array_add (mine, g_strdup (*n));
          }
        attain_import_options_clear (&probe);
      }
    g_ptr_array_add (mine, NULL);
    self->preset_names = (char **) g_ptr_array_free (g_steal_pointer (&mine), FALSE);
  }
  adw_combo_row_set_model (self->preset_row, G_LIST_MODEL (presets));
  gtk_widget_set_visible (GTK_WIDGET (self->preset_row),
                          g_list_model_get_n_items (G_LIST_MODEL (presets)) > 1);
  gtk_widget_set_visible (GTK_WIDGET (self->company_row),
                          kind == ATTAIN_IMPORT_ORG
                              && attain_db_is_empty (attain_context_get_db (context)));
  /* Amounts only matter where the file has them. */
  gtk_widget_set_visible (GTK_WIDGET (self->amount_unit_row),
                          kind != ATTAIN_IMPORT_ORG && kind != ATTAIN_IMPORT_ACTIVITIES
                              && kind != ATTAIN_IMPORT_FEEDBACK);
  if (kind == ATTAIN_IMPORT_TARGETS)
    {
      guint                   n_metrics;
      const AttainGoalMetric *metrics = attain_goal_metrics (&n_metrics);
      g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
      /* Rated capabilities are not planned in a grid of months. */
      for (guint i = 0; i < n_metrics; i++)
        if (metrics[i].stats_column != NULL)
          gtk_string_list_append (labels, _ (metrics[i].label));
      adw_combo_row_set_model (self->metric_row, G_LIST_MODEL (labels));
      gtk_spin_button_set_value (self->year_spin, g_date_get_year (&today));
      self->options.year = g_date_get_year (&today);
      gtk_widget_set_visible (GTK_WIDGET (self->year_row), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->metric_row), TRUE);
    }
  self->filling = FALSE;

  start_prepare (self);
  return GTK_WIDGET (self);
}

AttainImportPlan *
attain_import_dialog_get_plan (AttainImportDialog *self)
{
  g_return_val_if_fail (ATTAIN_IS_IMPORT_DIALOG (self), NULL);
  return self->plan;
}

gboolean
attain_import_dialog_is_busy (AttainImportDialog *self)
{
  g_return_val_if_fail (ATTAIN_IS_IMPORT_DIALOG (self), FALSE);
  return self->applying || self->progress_source != 0
         || g_object_get_data (G_OBJECT (self), "prepare-idle") != NULL;
}

const char *
attain_import_dialog_get_page (AttainImportDialog *self)
{
  g_return_val_if_fail (ATTAIN_IS_IMPORT_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

void
attain_import_dialog_set_company_name (AttainImportDialog *self, const char *name)
{
  g_return_if_fail (ATTAIN_IS_IMPORT_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->company_row), name);
}

/* Chooses a value's mapping in its row, as the director does with the combo row. */
gboolean
attain_import_dialog_map_value (AttainImportDialog *self,
                                const char         *field_key,
                                const char         *value,
                                const char         *mapped)
{
  g_return_val_if_fail (ATTAIN_IS_IMPORT_DIALOG (self), FALSE);

  for (guint i = 0; i < self->dynamic_rows->len; i++)
    {
      GObject           *row = g_ptr_array_index (self->dynamic_rows, i);
      const char *const *choices = attain_import_value_choices (field_key);
      if (g_strcmp0 (g_object_get_data (row, "field"), field_key) != 0
          || g_strcmp0 (g_object_get_data (row, "value"), value) != 0 || choices == NULL)
        continue;
      for (guint k = 0; choices[k]; k++)
        if (g_str_equal (choices[k], mapped))
          {
            adw_combo_row_set_selected (ADW_COMBO_ROW (row), k + 1);
            return TRUE;
          }
    }
  return FALSE;
}

/* The second confirmation for rows in signed-off periods, as ticking its box does. */
gboolean
attain_import_dialog_confirm_locked (AttainImportDialog *self)
{
  g_return_val_if_fail (ATTAIN_IS_IMPORT_DIALOG (self), FALSE);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->locked_check)))
    return FALSE;
  gtk_check_button_set_active (self->locked_check, TRUE);
  return TRUE;
}

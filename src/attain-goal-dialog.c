/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-goal-dialog.h"

#include "attain-date-button.h"

#include <glib/gi18n.h>
#include <math.h>

struct _AttainGoalDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  GtkLabel      *agreed_error;
  AdwEntryRow   *agreed_on_row;
  GtkLabel      *deadline_error;
  AdwEntryRow   *deadline_row;
  AdwEntryRow   *description_row;
  GtkLabel      *heading_label;
  AdwEntryRow   *proposed_by_row;
  AdwActionRow  *rating_row;
  GtkSpinButton *rating_spin;
  GtkLabel      *target_error;
  AdwEntryRow   *target_row;
  AdwEntryRow   *unit_row;
  GtkLabel      *weights_error;
  GtkListBox    *weights_list;
  GtkLabel      *weights_total;

  /* Owned references */
  AttainContext          *context;
  AttainGoalHistory      *history; /* the page's; lives as long as the page */
  AttainGoal             *before;  /* NULL for a new goal */
  AttainGoal             *goal;    /* what is being edited */
  GPtrArray              *others;  /* the owner's other goals in the period (weights) */
  GPtrArray              *spins;   /* GtkSpinButton per goal: [0] this goal, then others */
  AttainValueKind         kind;
  const AttainGoalMetric *info;
  char                   *error_text;
};

G_DEFINE_FINAL_TYPE (AttainGoalDialog, attain_goal_dialog, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (AttainGoalDialog *self, GtkLabel *label, const char *message)
{
  GtkLabel *labels[]
      = { self->target_error, self->deadline_error, self->weights_error, self->agreed_error };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    gtk_widget_set_visible (GTK_WIDGET (labels[i]), FALSE);
  g_free (self->error_text);
  self->error_text = g_strdup (message);
  if (label != NULL)
    {
      gtk_label_set_label (label, message);
      gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
    }
}

static void
update_total (AttainGoalDialog *self)
{
  double           total = 0;
  g_autofree char *text = NULL;
  char             number[32];

  for (guint i = 0; i < self->spins->len; i++)
    total += gtk_spin_button_get_value (g_ptr_array_index (self->spins, i));
  g_ascii_formatd (number, sizeof number, "%.2f", total);
  /* Translators: the sum of a person's goal weights, %s is a number like 100.00 */
  text = g_strdup_printf (_ ("Total %s%%"), number);
  gtk_label_set_label (self->weights_total, text);
  gtk_widget_set_css_classes (
      GTK_WIDGET (self->weights_total),
      (const char *[]){ "numeric", fabs (total - 100) < 0.005 || total == 0 ? "success" : "warning",
                        NULL });
}

static GtkSpinButton *
add_weight_row (AttainGoalDialog *self, const char *title, const char *subtitle, int weight)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 100, 5);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 2);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), weight / 100.0);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (update_total), self,
                           G_CONNECT_SWAPPED);
  gtk_list_box_append (self->weights_list, row);
  g_ptr_array_add (self->spins, spin);
  return GTK_SPIN_BUTTON (spin);
}

static char *
target_to_text (AttainGoalDialog *self, const AttainGoal *goal)
{
  if (!goal->has_target)
    return g_strdup ("");
  if (attain_goal_metric_is_rate (self->info))
    return attain_goal_format_value (self->info, (double) goal->target, NULL);
  if (self->kind == ATTAIN_VALUE_MONEY)
    {
      /* As the tree shows it, without the currency sign: 2,574,000 or 2,574,000.50. */
      g_autofree char *yuan = attain_format_grouped (goal->target / 100);
      if (goal->target % 100 == 0)
        return g_steal_pointer (&yuan);
      return g_strdup_printf ("%s.%02d", yuan, (int) (goal->target % 100));
    }
  return attain_format_grouped (goal->target);
}

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static char *
text_or_null (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (entry_text (row)));
  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

/* Replaces *@field by a copy of @text (which may point into *@field). */
static void
set_text (char **field, const char *text)
{
  char *copy = g_strdup (text);
  g_free (*field);
  *field = copy;
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainGoalDialog *self = ATTAIN_GOAL_DIALOG (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainGoal) after = attain_goal_copy (self->goal);
  g_autofree char *target = g_strstrip (g_strdup (entry_text (self->target_row)));
  AttainGoalEdit  *edit;
  GtkLabel        *where;

  if (target[0] == '\0')
    after->has_target = FALSE;
  else if (!attain_goal_parse_value (self->info, target, &after->target, &error))
    {
      show_error (self, self->target_error, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->target_row));
      return;
    }
  else
    after->has_target = TRUE;

  g_free (after->unit);
  after->unit = text_or_null (self->unit_row);
  set_text (&after->unit, attain_goal_word_code (after->unit));
  g_free (after->deadline);
  after->deadline = text_or_null (self->deadline_row);
  g_free (after->description);
  after->description = text_or_null (self->description_row);
  g_free (after->proposed_by);
  after->proposed_by = text_or_null (self->proposed_by_row);
  set_text (&after->proposed_by, attain_goal_word_code (after->proposed_by));
  g_free (after->agreed_on);
  after->agreed_on = text_or_null (self->agreed_on_row);
  after->rating = gtk_widget_get_visible (GTK_WIDGET (self->rating_row))
                      ? gtk_spin_button_get_value_as_int (self->rating_spin)
                      : 0;
  after->weight
      = (int) lround (gtk_spin_button_get_value (g_ptr_array_index (self->spins, 0)) * 100);

  edit = attain_goal_edit_new (_ ("Edit goal"));
  attain_goal_edit_add (edit, self->before, after);
  /* Weights are rebalanced in the same edit, so they total 100% when it lands. */
  for (guint i = 0; i < self->others->len; i++)
    {
      AttainGoal *other = g_ptr_array_index (self->others, i);
      g_autoptr (AttainGoal) changed = attain_goal_copy (other);
      changed->weight
          = (int) lround (gtk_spin_button_get_value (g_ptr_array_index (self->spins, i + 1)) * 100);
      attain_goal_edit_add (edit, other, changed);
    }

  if (attain_goal_edit_get_size (edit) == 0)
    {
      attain_goal_edit_free (edit);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  if (!attain_goal_history_apply (self->history, edit, &error))
    {
      /* Nothing was saved; the sentence goes next to the field it is about. */
      where = g_error_matches (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_DEADLINE)
                  ? self->deadline_error
              : g_error_matches (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_WEIGHTS)
                  ? self->weights_error
              : g_error_matches (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_AGREED)
                  ? self->agreed_error
                  : self->target_error;
      show_error (self, where, error->message);
      return;
    }
  show_error (self, NULL, NULL);
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
agreed_today_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainGoalDialog *self = ATTAIN_GOAL_DIALOG (widget);
  GDate             today;
  g_autofree char  *iso = NULL;

  attain_context_get_today (self->context, &today);
  iso = attain_date_to_iso (&today);
  gtk_editable_set_text (GTK_EDITABLE (self->agreed_on_row), iso);
}

static void
attain_goal_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ATTAIN_TYPE_GOAL_DIALOG);
  G_OBJECT_CLASS (attain_goal_dialog_parent_class)->dispose (object);
}

static void
attain_goal_dialog_finalize (GObject *object)
{
  AttainGoalDialog *self = ATTAIN_GOAL_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->before, attain_goal_free);
  g_clear_pointer (&self->goal, attain_goal_free);
  g_clear_pointer (&self->others, g_ptr_array_unref);
  g_clear_pointer (&self->spins, g_ptr_array_unref);
  g_free (self->error_text);
  G_OBJECT_CLASS (attain_goal_dialog_parent_class)->finalize (object);
}

static void
attain_goal_dialog_class_init (AttainGoalDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = attain_goal_dialog_dispose;
  object_class->finalize = attain_goal_dialog_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/attain/Attain/ui/attain-goal-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AttainGoalDialog, agreed_error);
  gtk_widget_class_bind_template_child (widget_class, AttainGoalDialog, agreed_on_row);
  gtk_widget_class_bind_template_child (widget_class, AttainGoalDialog, deadline_error);
  gtk_widget_class_bind_template_child (widget_class, AttainGoalDialog, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, AttainGoalDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, AttainGoalDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, AttainGoalDialog, proposed_by_row);
  gtk_widget_class_bind_template_child (widget_class, AttainGoalDialog, rating_row);
  gtk_widget_class_bind_template_child (widget_class, AttainGoalDialog, rating_spin);
  gtk_widget_class_bind_template_child (widget_class, AttainGoalDialog, target_error);
  gtk_widget_class_bind_template_child (widget_class, AttainGoalDialog, target_row);
  gtk_widget_class_bind_template_child (widget_class, AttainGoalDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, AttainGoalDialog, weights_error);
  gtk_widget_class_bind_template_child (widget_class, AttainGoalDialog, weights_list);
  gtk_widget_class_bind_template_child (widget_class, AttainGoalDialog, weights_total);

  gtk_widget_class_install_action (widget_class, "goal.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "goal.agreed-today", NULL, agreed_today_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "goal.save",
                                       NULL);
}

static void
attain_goal_dialog_init (AttainGoalDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->spins = g_ptr_array_new ();
  adw_entry_row_add_suffix (self->deadline_row,
                            attain_date_button_new (GTK_EDITABLE (self->deadline_row)));
  adw_entry_row_add_suffix (self->agreed_on_row,
                            attain_date_button_new (GTK_EDITABLE (self->agreed_on_row)));
}

static void
set_row (AdwEntryRow *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

GtkWidget *
attain_goal_dialog_new (GtkWindow            *parent,
                        AttainContext        *context,
                        AttainGoalHistory    *history,
                        const AttainGoalTree *tree,
                        guint                 index)
{
  AttainGoalDialog *self = g_object_new (ATTAIN_TYPE_GOAL_DIALOG, "transient-for", parent, NULL);
  AttainGoalNode   *node = attain_goal_tree_node (tree, index);
  g_autoptr (GPtrArray) all = NULL;
  g_autofree char *period = attain_period_to_label (&tree->period);
  g_autofree char *heading = NULL;
  g_autofree char *target = NULL;
  g_autofree char *target_title = NULL;
  gboolean         capability = g_strcmp0 (tree->info->type, "capability") == 0;

  self->context = g_object_ref (context);
  self->history = history;
  self->before = node->goal ? attain_goal_copy (node->goal) : NULL;
  self->goal = node->goal ? attain_goal_copy (node->goal)
                          : attain_goal_new (&node->scope, tree->metric, &tree->period);
  self->kind = tree->info->kind == ATTAIN_VALUE_MONEY ? ATTAIN_VALUE_MONEY : ATTAIN_VALUE_COUNT;
  self->info = tree->info;
  self->others = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_goal_free);

  /* Translators: goal form heading, "胡伟 — Revenue, Year 2026" */
  {
    g_autofree char *name = attain_isolate (node->name);
    heading = g_strdup_printf (_ ("%s — %s, %s"), name, _ (tree->info->label), period);
  }
  gtk_label_set_label (self->heading_label, heading);
  target_title = tree->info->kind == ATTAIN_VALUE_MONEY
                     /* Translators: target field title with the currency symbol */
                     ? g_strdup_printf (_ ("Target (%s)"), attain_currency_symbol (tree->currency))
                     : capability ? g_strdup (_ ("Level Expected (1–5)"))
                       : tree->info->kind == ATTAIN_VALUE_RATE ? g_strdup (_ ("Target (%)"))
                       : tree->info->kind == ATTAIN_VALUE_SCORE
                           ? g_strdup (_ ("Target (points, -100 to 100)"))
                           : g_strdup (_ ("Target"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->target_row), target_title);
  target = target_to_text (self, self->goal);
  set_row (self->target_row, target);
  set_row (self->unit_row, attain_goal_word_label (self->goal->unit));
  set_row (self->deadline_row, self->goal->deadline);
  set_row (self->description_row, self->goal->description);
  set_row (self->proposed_by_row, attain_goal_word_label (self->goal->proposed_by));
  set_row (self->agreed_on_row, self->goal->agreed_on);
  gtk_widget_set_visible (GTK_WIDGET (self->rating_row), capability);
  gtk_spin_button_set_value (self->rating_spin, self->goal->rating);

  /* This goal's weight first, then the owner's other goals in the same period. */
  add_weight_row (self, _ (tree->info->label), _ ("This goal"), self->goal->weight);
  all = attain_goals_of_owner (attain_context_get_db (context), &node->scope, &tree->period, NULL);
  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      AttainGoal             *other = g_ptr_array_index (all, i);
      const AttainGoalMetric *info = attain_goal_metric_lookup (other->metric);
      if (self->before != NULL && other->id == self->before->id)
        continue;
      add_weight_row (self, info ? _ (info->label) : other->metric, NULL, other->weight);
      g_ptr_array_add (self->others, attain_goal_copy (other));
    }
  update_total (self);
  return GTK_WIDGET (self);
}

void
attain_goal_dialog_set_field (AttainGoalDialog *self, const char *field, const char *text)
{
  g_return_if_fail (ATTAIN_IS_GOAL_DIALOG (self));

  if (g_str_equal (field, "target"))
    set_row (self->target_row, text);
  else if (g_str_equal (field, "deadline"))
    set_row (self->deadline_row, text);
  else if (g_str_equal (field, "agreed-on"))
    set_row (self->agreed_on_row, text);
  else if (g_str_equal (field, "weight"))
    gtk_spin_button_set_value (g_ptr_array_index (self->spins, 0), g_ascii_strtod (text, NULL));
}

const char *
attain_goal_dialog_get_error (AttainGoalDialog *self)
{
  g_return_val_if_fail (ATTAIN_IS_GOAL_DIALOG (self), NULL);
  return self->error_text;
}

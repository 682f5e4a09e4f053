/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-review-goals-section.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "model/attain-format.h"

/* The goals agreed for the next period. Adding one is a write of its own (it enters the goal
 * tree at once), so the section asks with "add-goal" and the page writes and reloads. */
struct _AttainReviewGoalsSection
{
  GtkWidget parent_instance;

  GtkListBox  *list;
  GtkDropDown *metric_dropdown;
  GtkEntry    *target_entry;
  GtkLabel    *error_label;
};

static void attain_review_goals_section_iface_init (AttainReviewSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AttainReviewGoalsSection,
                               attain_review_goals_section,
                               GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ATTAIN_TYPE_REVIEW_SECTION,
                                                      attain_review_goals_section_iface_init))

enum
{
  ADD_GOAL,
  REMOVE_GOAL,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
goals_set_sheet (AttainReviewSection *section, const AttainReviewSheet *sheet)
{
  AttainReviewGoalsSection *self = ATTAIN_REVIEW_GOALS_SECTION (section);
  gboolean                  locked = attain_review_sheet_is_locked (sheet);
  GtkWidget                *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < sheet->next_goals->len; i++)
    {
      AttainGoal             *goal = g_ptr_array_index (sheet->next_goals, i);
      const AttainGoalMetric *info = attain_goal_metric_lookup (goal->metric);
      g_autofree char        *target = attain_format_target (goal, goal->target);
      g_autofree char *subtitle = g_strdup_printf ("%s – %s", goal->period_start, goal->period_end);
      GtkWidget       *row = adw_action_row_new ();
      GtkWidget       *label = gtk_label_new (target);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     info ? _ (info->label) : goal->metric);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      /* Taken back while the review is open; once signed off it stays. */
      if (!locked)
        {
          GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
          gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (remove, "flat");
          gtk_widget_set_tooltip_text (remove, _ ("Remove the goal"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _ ("Remove the goal"), -1);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "goals-section.remove");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "x", goal->id);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
        }
      gtk_list_box_append (self->list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list), sheet->next_goals->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->target_entry), !locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->metric_dropdown), !locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goals-section.add", !locked);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
attain_review_goals_section_iface_init (AttainReviewSectionInterface *iface)
{
  iface->set_sheet = goals_set_sheet;
}

static void
add_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainReviewGoalsSection *self = ATTAIN_REVIEW_GOALS_SECTION (widget);
  guint                     n, selected = gtk_drop_down_get_selected (self->metric_dropdown);
  const AttainGoalMetric   *metrics = attain_goal_metrics (&n);

  if (selected < n)
    g_signal_emit (self, signals[ADD_GOAL], 0, metrics[selected].key,
                   gtk_editable_get_text (GTK_EDITABLE (self->target_entry)));
}

static void
remove_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  g_signal_emit (widget, signals[REMOVE_GOAL], 0, g_variant_get_int64 (parameter));
}

static void
on_target_activate_cb (AttainReviewGoalsSection *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "goals-section.add", NULL);
}

/* The page's answer to "add-goal": the sentence of what is wrong, or NULL when it was added. */
void
attain_review_goals_section_added (AttainReviewGoalsSection *self, const GError *error)
{
  g_return_if_fail (ATTAIN_IS_REVIEW_GOALS_SECTION (self));
  gtk_label_set_label (self->error_label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  if (error == NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->target_entry), "");
}

void
attain_review_goals_section_set_new_goal (AttainReviewGoalsSection *self,
                                          guint                     metric_index,
                                          const char               *target)
{
  g_return_if_fail (ATTAIN_IS_REVIEW_GOALS_SECTION (self));
  gtk_drop_down_set_selected (self->metric_dropdown, metric_index);
  gtk_editable_set_text (GTK_EDITABLE (self->target_entry), target);
}

static void
attain_review_goals_section_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ATTAIN_TYPE_REVIEW_GOALS_SECTION);
  /* The template's root has no id, so dispose_template leaves it. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (attain_review_goals_section_parent_class)->dispose (object);
}

static void
attain_review_goals_section_class_init (AttainReviewGoalsSectionClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = attain_review_goals_section_dispose;
  /* (metric key, target as typed) */
  signals[ADD_GOAL] = g_signal_new ("add-goal", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  /* (goal id) */
  signals[REMOVE_GOAL] = g_signal_new ("remove-goal", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/attain/Attain/ui/attain-review-goals-section.ui");
  gtk_widget_class_bind_template_child (widget_class, AttainReviewGoalsSection, list);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewGoalsSection, metric_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewGoalsSection, target_entry);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewGoalsSection, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_target_activate_cb);
  gtk_widget_class_install_action (widget_class, "goals-section.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "goals-section.remove", "x", remove_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
attain_review_goals_section_init (AttainReviewGoalsSection *self)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  const AttainGoalMetric *metrics;
  guint                   n;

  gtk_widget_init_template (GTK_WIDGET (self));
  metrics = attain_goal_metrics (&n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (labels, _ (metrics[i].label));
  gtk_drop_down_set_model (self->metric_dropdown, G_LIST_MODEL (labels));
}

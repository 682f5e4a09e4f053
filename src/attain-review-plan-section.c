/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-review-plan-section.h"

#include <adwaita.h>

#include "attain-milestone-item.h"
#include "attain-milestone-row.h"

/* The improvement plan agreed in the interview: milestones in a list store, one row each. The
 * plan is saved whole (its order is part of it), so any change hands over the whole list. */
struct _AttainReviewPlanSection
{
  GtkWidget parent_instance;

  GtkListBox *list;

  GListStore *milestones; /* AttainMilestoneItem */
  gboolean    changed;
  gboolean    filling;
  gboolean    locked;
};

static void attain_review_plan_section_iface_init (AttainReviewSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AttainReviewPlanSection,
                               attain_review_plan_section,
                               GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ATTAIN_TYPE_REVIEW_SECTION,
                                                      attain_review_plan_section_iface_init))

static void
mark_changed (AttainReviewPlanSection *self)
{
  if (self->filling)
    return;
  self->changed = TRUE;
  attain_review_section_emit_changed (ATTAIN_REVIEW_SECTION (self));
}

static void
on_remove_cb (AttainReviewPlanSection *self, AttainMilestoneItem *item)
{
  guint position;

  if (!self->locked && g_list_store_find (self->milestones, item, &position))
    {
      g_list_store_remove (self->milestones, position);
      mark_changed (self);
    }
}

static GtkWidget *
create_row_cb (gpointer item, gpointer data)
{
  AttainReviewPlanSection *self = data;
  GtkWidget               *row = attain_milestone_row_new (item);

  gtk_widget_set_sensitive (row, !self->locked);
  g_signal_connect_object (row, "remove", G_CALLBACK (on_remove_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (item, "notify", G_CALLBACK (mark_changed), self, G_CONNECT_SWAPPED);
  return row;
}

static void
show_milestones (AttainReviewPlanSection *self, GPtrArray *milestones)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; milestones != NULL && i < milestones->len; i++)
    g_ptr_array_add (items, attain_milestone_item_new (g_ptr_array_index (milestones, i)));
  self->filling = TRUE;
  g_list_store_splice (self->milestones, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->milestones)), items->pdata,
                       items->len);
  self->filling = FALSE;
}

static void
plan_set_sheet (AttainReviewSection *section, const AttainReviewSheet *sheet)
{
  AttainReviewPlanSection *self = ATTAIN_REVIEW_PLAN_SECTION (section);

  self->changed = FALSE;
  self->locked = attain_review_sheet_is_locked (sheet);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.add-milestone", !self->locked);
  show_milestones (self, sheet->review ? sheet->review->milestones : NULL);
}

static gboolean
plan_show_edit (AttainReviewSection *section, const AttainReviewEdit *edit)
{
  if (edit->field != NULL)
    return FALSE;
  show_milestones (ATTAIN_REVIEW_PLAN_SECTION (section), edit->milestones);
  return TRUE;
}

static void
plan_collect (AttainReviewSection *section, GPtrArray *edits)
{
  AttainReviewPlanSection *self = ATTAIN_REVIEW_PLAN_SECTION (section);
  GPtrArray               *milestones;
  guint                    n = g_list_model_get_n_items (G_LIST_MODEL (self->milestones));

  if (!self->changed)
    return;
  self->changed = FALSE;
  milestones = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_milestone_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AttainMilestoneItem) item
          = g_list_model_get_item (G_LIST_MODEL (self->milestones), i);
      AttainMilestone *milestone = attain_milestone_item_to_milestone (item);

      /* A row left empty is not a milestone. */
      if (milestone->what == NULL || milestone->what[0] == '\0')
        attain_milestone_free (milestone);
      else
        g_ptr_array_add (milestones, milestone);
    }
  g_ptr_array_add (edits, attain_review_edit_new (NULL, NULL, milestones));
}

static void
attain_review_plan_section_iface_init (AttainReviewSectionInterface *iface)
{
  iface->set_sheet = plan_set_sheet;
  iface->show_edit = plan_show_edit;
  iface->collect = plan_collect;
}

void
attain_review_plan_section_add (AttainReviewPlanSection *self, const AttainMilestone *milestone)
{
  g_autoptr (AttainMilestoneItem) item = NULL;

  g_return_if_fail (ATTAIN_IS_REVIEW_PLAN_SECTION (self));
  if (self->locked)
    return;
  item = attain_milestone_item_new (milestone);
  g_list_store_append (self->milestones, item);
  mark_changed (self);
}

static void
add_milestone_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  attain_review_plan_section_add (ATTAIN_REVIEW_PLAN_SECTION (widget), NULL);
}

static void
attain_review_plan_section_dispose (GObject *object)
{
  AttainReviewPlanSection *self = ATTAIN_REVIEW_PLAN_SECTION (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), ATTAIN_TYPE_REVIEW_PLAN_SECTION);
  /* The template's root has no id, so dispose_template leaves it. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->milestones);
  G_OBJECT_CLASS (attain_review_plan_section_parent_class)->dispose (object);
}

static void
attain_review_plan_section_class_init (AttainReviewPlanSectionClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = attain_review_plan_section_dispose;
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/attain/Attain/ui/attain-review-plan-section.ui");
  gtk_widget_class_bind_template_child (widget_class, AttainReviewPlanSection, list);
  gtk_widget_class_install_action (widget_class, "plan.add-milestone", NULL, add_milestone_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
attain_review_plan_section_init (AttainReviewPlanSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->milestones = g_list_store_new (ATTAIN_TYPE_MILESTONE_ITEM);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->milestones), create_row_cb, self, NULL);
}

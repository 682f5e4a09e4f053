/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-milestone-row.h"

#include "attain-date-button.h"

struct _AttainMilestoneRow
{
  GtkListBoxRow parent_instance;

  GtkEntry    *what_entry;
  GtkEntry    *due_entry;
  GtkEntry    *measure_entry;
  GtkDropDown *status_dropdown;
  GtkBox      *details_box;

  AttainMilestoneItem *item;
};

G_DEFINE_FINAL_TYPE (AttainMilestoneRow, attain_milestone_row, GTK_TYPE_LIST_BOX_ROW)

enum
{
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_remove_clicked_cb (AttainMilestoneRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0, self->item);
}

static void
attain_milestone_row_dispose (GObject *object)
{
  AttainMilestoneRow *self = ATTAIN_MILESTONE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), ATTAIN_TYPE_MILESTONE_ROW);
  g_clear_object (&self->item);
  G_OBJECT_CLASS (attain_milestone_row_parent_class)->dispose (object);
}

static void
attain_milestone_row_class_init (AttainMilestoneRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = attain_milestone_row_dispose;
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 1, ATTAIN_TYPE_MILESTONE_ITEM);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/attain/Attain/ui/attain-milestone-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AttainMilestoneRow, what_entry);
  gtk_widget_class_bind_template_child (widget_class, AttainMilestoneRow, due_entry);
  gtk_widget_class_bind_template_child (widget_class, AttainMilestoneRow, measure_entry);
  gtk_widget_class_bind_template_child (widget_class, AttainMilestoneRow, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AttainMilestoneRow, details_box);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked_cb);
}

static void
attain_milestone_row_init (AttainMilestoneRow *self)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (AttainMilestoneStatus s = 0; s < ATTAIN_MILESTONE_N_STATUSES; s++)
    gtk_string_list_append (labels, attain_milestone_status_label (s));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (labels));
  gtk_box_insert_child_after (self->details_box,
                              attain_date_button_new (GTK_EDITABLE (self->due_entry)),
                              GTK_WIDGET (self->due_entry));
}

GtkWidget *
attain_milestone_row_new (AttainMilestoneItem *item)
{
  AttainMilestoneRow *self = g_object_new (ATTAIN_TYPE_MILESTONE_ROW, NULL);
  const GBindingFlags flags = G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE;

  self->item = g_object_ref (item);
  g_object_bind_property (item, "what", self->what_entry, "text", flags);
  g_object_bind_property (item, "due-on", self->due_entry, "text", flags);
  g_object_bind_property (item, "measure", self->measure_entry, "text", flags);
  g_object_bind_property (item, "status", self->status_dropdown, "selected", flags);
  return GTK_WIDGET (self);
}

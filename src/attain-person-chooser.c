/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-person-chooser.h"

#include "attain-person-item.h"

struct _AttainPersonChooser
{
  GtkWidget parent_instance;

  GtkMenuButton  *button;
  GtkLabel       *label;
  GtkPopover     *popover;
  GtkSearchEntry *search;
  GtkListView    *list;

  GtkCustomFilter *filter; /* borrowed: the filter model holds it */
};

G_DEFINE_FINAL_TYPE (AttainPersonChooser, attain_person_chooser, GTK_TYPE_WIDGET)

enum
{
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_list_activate_cb (AttainPersonChooser *self, guint position)
{
  g_autoptr (AttainPersonItem) item
      = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (self->list)), position);
  g_autofree char *scope = NULL;

  if (item == NULL)
    return;
  scope = g_strdup_printf ("person:%" G_GINT64_FORMAT, attain_person_item_get_person (item)->id);
  gtk_popover_popdown (self->popover);
  g_signal_emit (self, signals[CHOSEN], 0, scope);
}

static void
on_search_changed_cb (AttainPersonChooser *self)
{
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Enter picks the first match, so typing a name and Enter is enough. */
static void
on_search_activate_cb (AttainPersonChooser *self)
{
  on_list_activate_cb (self, 0);
}

/* By name, employee number or pinyin ("cx" finds 陈欣), as on the People page. */
static gboolean
person_visible (gpointer item, gpointer data)
{
  AttainPersonChooser *self = data;
  const AttainPerson  *person = attain_person_item_get_person (item);

  return person->active
         && attain_person_matches (person, gtk_editable_get_text (GTK_EDITABLE (self->search)));
}

void
attain_person_chooser_reload (AttainPersonChooser *self, AttainDb *db)
{
  g_autoptr (GPtrArray) people = attain_people_list (db, NULL);
  GListStore         *store;
  GtkFilterListModel *filtered;

  g_return_if_fail (ATTAIN_IS_PERSON_CHOOSER (self));
  if (people == NULL)
    return;
  store = g_list_store_new (ATTAIN_TYPE_PERSON_ITEM);
  /* The list owns each person from here on. */
  g_ptr_array_set_free_func (people, NULL);
  for (guint i = 0; i < people->len; i++)
    {
      g_autoptr (AttainPersonItem) item = attain_person_item_new (g_ptr_array_index (people, i));
      g_list_store_append (store, item);
    }
  self->filter = gtk_custom_filter_new (person_visible, self, NULL);
  filtered
      = gtk_filter_list_model_new (G_LIST_MODEL (store), GTK_FILTER (g_object_ref (self->filter)));
  gtk_list_view_set_model (self->list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (filtered))));
  g_object_unref (self->filter);
}

void
attain_person_chooser_set_label (AttainPersonChooser *self, const char *label)
{
  g_return_if_fail (ATTAIN_IS_PERSON_CHOOSER (self));
  gtk_label_set_text (self->label, label);
  /* The button reads as the name it shows (the label is the button's child, not its label). */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
}

const char *
attain_person_chooser_get_label (AttainPersonChooser *self)
{
  g_return_val_if_fail (ATTAIN_IS_PERSON_CHOOSER (self), NULL);
  return gtk_label_get_text (self->label);
}

static void
attain_person_chooser_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ATTAIN_TYPE_PERSON_CHOOSER);
  G_OBJECT_CLASS (attain_person_chooser_parent_class)->dispose (object);
}

static void
attain_person_chooser_class_init (AttainPersonChooserClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = attain_person_chooser_dispose;
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  g_type_ensure (ATTAIN_TYPE_PERSON_ITEM);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/attain/Attain/ui/attain-person-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, AttainPersonChooser, label);
  gtk_widget_class_bind_template_child (widget_class, AttainPersonChooser, button);
  gtk_widget_class_bind_template_child (widget_class, AttainPersonChooser, popover);
  gtk_widget_class_bind_template_child (widget_class, AttainPersonChooser, search);
  gtk_widget_class_bind_template_child (widget_class, AttainPersonChooser, list);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
attain_person_chooser_init (AttainPersonChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (self->label), -1);
}

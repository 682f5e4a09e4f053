/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-edit-window.h"

#include <glib/gi18n.h>

#include "model/attain-people.h"

GtkLabel *
attain_edit_window_top (GtkBox *box, const char *save_label, const char *save_action)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_ ("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (save_label);
  GtkLabel  *error_label = GTK_LABEL (gtk_label_new (NULL));

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), save_action);
  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (box, header);

  gtk_label_set_wrap (error_label, TRUE);
  gtk_label_set_xalign (error_label, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (error_label), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (error_label), 18);
  gtk_widget_set_margin_top (GTK_WIDGET (error_label), 12);
  gtk_widget_add_css_class (GTK_WIDGET (error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (error_label), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (error_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Why nothing was saved"), -1);
  gtk_box_append (box, GTK_WIDGET (error_label));
  return error_label;
}

void
attain_edit_window_show_error (GtkLabel *error_label, const char *message)
{
  gtk_label_set_text (error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (error_label), TRUE);
}

AdwComboRow *
attain_edit_window_position_row (AttainContext *context,
                                 const char    *everyone_label,
                                 GPtrArray    **positions)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  *positions = attain_position_choices (attain_context_get_db (context), NULL);
  if (*positions == NULL)
    *positions = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_choice_free);
  gtk_string_list_append (names, everyone_label);
  for (guint i = 0; i < (*positions)->len; i++)
    gtk_string_list_append (names, ((AttainChoice *) g_ptr_array_index (*positions, i))->label);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("Position"));
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  return row;
}

gint64
attain_edit_window_chosen_position (AdwComboRow *row, GPtrArray *positions)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == 0 || selected > positions->len)
    return 0;
  return ((AttainChoice *) g_ptr_array_index (positions, selected - 1))->id;
}

GtkLabel *
attain_edit_window_version_label (void)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_xalign (label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  gtk_widget_set_margin_top (GTK_WIDGET (label), 6);
  return label;
}

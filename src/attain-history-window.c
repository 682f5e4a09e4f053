/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-history-window.h"

#include <glib/gi18n.h>

#include "model/attain-format.h"
#include "model/attain-history.h"

static const char *
kind_icon (AttainHistoryKind kind)
{
  switch (kind)
    {
    case ATTAIN_HISTORY_CALIBRATION:
      return "starred-symbolic";
    case ATTAIN_HISTORY_APPEAL:
      return "dialog-warning-symbolic";
    case ATTAIN_HISTORY_POSITION:
      return "avatar-default-symbolic";
    case ATTAIN_HISTORY_REVIEW:
    default:
      return "document-edit-symbolic";
    }
}

GtkWidget *
attain_history_window_new (GtkWindow  *parent,
                           AttainDb   *db,
                           gint64      person_id,
                           const char *person_name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) history = attain_person_history (db, person_id, &error);
  g_autofree char *name = attain_isolate (person_name);
  /* Translators: title of a person's history window, %s is the person's name */
  g_autofree char *title = g_strdup_printf (_ ("History of %s"), name);
  GtkWidget       *window
      = g_object_new (ADW_TYPE_WINDOW, "modal", TRUE, "transient-for", parent, "default-width", 560,
                      "default-height", 600, "title", title, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *content;

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, NULL));
  gtk_box_append (GTK_BOX (box), header);
  if (history == NULL || history->len == 0)
    {
      content = adw_status_page_new ();
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (content), "document-open-recent-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (content), history == NULL
                                                                ? _ ("The History Cannot Be Read")
                                                                : _ ("Nothing on Record Yet"));
      adw_status_page_set_description (
          ADW_STATUS_PAGE (content),
          history == NULL ? error->message
                          : _ ("Reviews, ratings, calibration moves and appeals show here as "
                               "they happen."));
    }
  else
    {
      GtkWidget *group = adw_preferences_group_new ();
      content = adw_preferences_page_new ();
      for (guint i = 0; i < history->len; i++)
        {
          AttainHistoryEntry *entry = g_ptr_array_index (history, i);
          GtkWidget          *row = adw_action_row_new ();
          g_autofree char    *subtitle = g_strdup_printf ("%s · %s", entry->date, entry->detail);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          adw_action_row_set_icon_name (ADW_ACTION_ROW (row), kind_icon (entry->kind));
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (content), ADW_PREFERENCES_GROUP (group));
    }
  gtk_widget_set_vexpand (content, TRUE);
  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (window), box);
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();
    gtk_shortcut_controller_add_shortcut (
        GTK_SHORTCUT_CONTROLLER (keys),
        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                          gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (window, keys);
  }
  return window;
}

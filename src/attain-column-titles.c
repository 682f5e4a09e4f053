/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-column-titles.h"

/* A column of figures reads right-aligned, and so should its title: GTK 4.8's column view has
 * no property for a title's alignment, so the titles of the numeric columns are aligned to the
 * end once the header exists (and again whenever it is mapped anew). */

static gboolean
in_header (GtkWidget *widget)
{
  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    if (g_strcmp0 (gtk_widget_get_css_name (w), "header") == 0)
      return TRUE;
  return FALSE;
}

static void
align_labels (GtkWidget *widget, GHashTable *titles)
{
  if (GTK_IS_LABEL (widget) && in_header (widget)
      && g_hash_table_contains (titles, gtk_label_get_label (GTK_LABEL (widget))))
    {
      gtk_label_set_xalign (GTK_LABEL (widget), 1.0);
      gtk_widget_set_hexpand (widget, TRUE);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    align_labels (child, titles);
}

static void
on_map_cb (GtkWidget *view, GHashTable *titles)
{
  align_labels (view, titles);
}

/* @titles: the (translated) titles of the columns holding figures. */
void
attain_column_view_align_numeric_titles (GtkColumnView *view, const char *const *titles)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  for (guint i = 0; titles[i] != NULL; i++)
    g_hash_table_add (set, g_strdup (titles[i]));
  g_signal_connect_data (view, "map", G_CALLBACK (on_map_cb), set,
                         (GClosureNotify) (void (*) (void)) g_hash_table_unref, 0);
}

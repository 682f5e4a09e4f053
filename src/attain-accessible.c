/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-accessible.h"

#include <adwaita.h>

/* What a screen reader says for a control. GTK 4.8 names a button after its label text as
 * written, mnemonic and all ("_Try Again Try Again"), and a button or menu button without a
 * label after its type ("GtkImage", "GtkMenuButton"). This gives each of them the name a
 * sighted user reads: the label without its mnemonic, else the tooltip. Decorative images (an
 * icon beside a label, an icon inside a named button) are hidden from the tree. */

static char *
without_mnemonic (const char *label)
{
  GString *out = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] == '_')
        g_string_append_c (out, *p++);
      else if (*p != '_')
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
set_name (GtkWidget *widget, const char *name)
{
  if (name != NULL && name[0] != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    -1);
}

static gboolean
has_text_sibling (GtkWidget *image)
{
  GtkWidget *parent = gtk_widget_get_parent (image);

  for (GtkWidget *c = parent ? gtk_widget_get_first_child (parent) : NULL; c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LABEL (c))
      return TRUE;
  return FALSE;
}

static GtkWidget *
first_label (GtkWidget *root)
{
  if (GTK_IS_LABEL (root))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = first_label (c);
      if (found != NULL)
        return found;
    }
  return NULL;
}

void
attain_accessible_name_controls (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_MENU_BUTTON (root))
    {
      /* A menu button's label may change (the unit or person chosen): its tooltip says what it
       * is for and stays right; the inner button still reads the label. */
      const char      *label = gtk_menu_button_get_label (GTK_MENU_BUTTON (root));
      g_autofree char *name = label ? without_mnemonic (label) : NULL;
      const char      *tooltip = gtk_widget_get_tooltip_text (root);
      const char      *chosen = tooltip != NULL ? tooltip : name;
      /* Its inner button then reads this and what it shows. */
      set_name (root, chosen);
    }
  else if (GTK_IS_BUTTON (root) && !GTK_IS_LINK_BUTTON (root))
    {
      /* A plain label is read as it changes; only a mnemonic or a missing label need help. */
      const char *label = gtk_button_get_label (GTK_BUTTON (root));
      if (label == NULL || label[0] == '\0')
        set_name (root, gtk_widget_get_tooltip_text (root));
      else if (gtk_button_get_use_underline (GTK_BUTTON (root)) && GTK_IS_TOGGLE_BUTTON (root))
        {
          g_autofree char *name = without_mnemonic (label);
          set_name (root, name);
        }
      else if (gtk_button_get_use_underline (GTK_BUTTON (root)))
        /* GTK 4.8 sets the raw label ("_Save") as the name and appends the label's text to it:
         * without it, the name is the text shown. */
        gtk_accessible_reset_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL);
    }
  else if (GTK_IS_DROP_DOWN (root))
    {
      /* Named by its tooltip; the button inside, which takes the focus, reads the same. */
      const char *tooltip = gtk_widget_get_tooltip_text (root);
      set_name (root, tooltip);
      if (gtk_widget_get_first_child (root) != NULL)
        set_name (gtk_widget_get_first_child (root), tooltip);
    }
  else if (GTK_IS_ENTRY (root) || GTK_IS_SEARCH_ENTRY (root))
    {
      /* An entry without a row title around it is named by what its placeholder asks for. */
      g_autofree char *placeholder = NULL;
      if (gtk_widget_get_ancestor (root, ADW_TYPE_PREFERENCES_ROW) == NULL)
        {
          g_object_get (root, "placeholder-text", &placeholder, NULL);
          set_name (root, placeholder);
        }
    }
  else if (GTK_IS_LIST_BOX_ROW (root) && !ADW_IS_PREFERENCES_ROW (root))
    {
      /* A row of an icon and a label (the sidebar) is named by its label. */
      GtkWidget *label = first_label (root);
      if (label != NULL)
        set_name (root, gtk_label_get_text (GTK_LABEL (label)));
    }
  else if (GTK_IS_IMAGE (root)
           && (gtk_widget_get_ancestor (root, GTK_TYPE_BUTTON) != NULL || has_text_sibling (root)
               || gtk_widget_get_ancestor (root, ADW_TYPE_PREFERENCES_ROW) != NULL))
    gtk_accessible_update_state (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    attain_accessible_name_controls (child);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-date-button.h"

#include <glib/gi18n.h>

#include "model/attain-period.h"

/* A calendar button beside a date field: the field still takes a typed YYYY-MM-DD (fast for
 * those who know the date), the popover lets the others pick the day. The field is the one
 * place the date lives; the calendar only reads it when opened and writes it when a day is
 * chosen. */

static GtkCalendar *
calendar_of (GtkMenuButton *button)
{
  return GTK_CALENDAR (gtk_popover_get_child (gtk_menu_button_get_popover (button)));
}

static void
on_day_selected_cb (GtkCalendar *calendar, GtkMenuButton *button)
{
  GtkEditable *target = g_object_get_data (G_OBJECT (button), "attain-date-target");
  g_autoptr (GDateTime) chosen = gtk_calendar_get_date (calendar);
  g_autofree char *iso = g_date_time_format (chosen, "%Y-%m-%d");

  if (target == NULL || !gtk_editable_get_editable (target))
    return;
  gtk_editable_set_text (target, iso);
  gtk_menu_button_popdown (button);
}

static void
on_popover_show_cb (GtkPopover *popover, GtkMenuButton *button)
{
  GtkEditable *target = g_object_get_data (G_OBJECT (button), "attain-date-target");
  GtkCalendar *calendar = calendar_of (button);
  GDate        date;

  g_date_clear (&date, 1);
  if (target != NULL && attain_date_parse_iso (gtk_editable_get_text (target), &date))
    {
      g_autoptr (GDateTime) shown = g_date_time_new_local (
          g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0);
      g_signal_handlers_block_by_func (calendar, on_day_selected_cb, button);
      gtk_calendar_select_day (calendar, shown);
      g_signal_handlers_unblock_by_func (calendar, on_day_selected_cb, button);
    }
}

GtkWidget *
attain_date_button_new (GtkEditable *target)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  g_return_val_if_fail (GTK_IS_EDITABLE (target), NULL);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _ ("Choose a date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Choose a date"), -1);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_object_set_data (G_OBJECT (button), "attain-date-target", target);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (on_day_selected_cb), button);
  g_signal_connect (popover, "show", G_CALLBACK (on_popover_show_cb), button);
  return button;
}

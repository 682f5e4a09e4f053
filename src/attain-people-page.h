/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "attain-context.h"

G_BEGIN_DECLS

#define ATTAIN_TYPE_PEOPLE_PAGE (attain_people_page_get_type ())
G_DECLARE_FINAL_TYPE (AttainPeoplePage, attain_people_page, ATTAIN, PEOPLE_PAGE, GtkWidget)

/* The organisation as a list: search by name, employee number or pinyin initials, filter by
 * team, and keep it current (add, move, change position, mark as left with a handover). */
GtkWidget  *attain_people_page_new (AttainContext *context);
GListModel *attain_people_page_get_shown (AttainPeoplePage *self);
void        attain_people_page_set_search (AttainPeoplePage *self, const char *text);
gboolean    attain_people_page_select (AttainPeoplePage *self, gint64 person_id);
GtkWidget  *attain_people_page_get_dialog (AttainPeoplePage *self);

G_END_DECLS

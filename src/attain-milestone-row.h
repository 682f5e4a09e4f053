/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "attain-milestone-item.h"

G_BEGIN_DECLS

#define ATTAIN_TYPE_MILESTONE_ROW (attain_milestone_row_get_type ())
G_DECLARE_FINAL_TYPE (AttainMilestoneRow,
                      attain_milestone_row,
                      ATTAIN,
                      MILESTONE_ROW,
                      GtkListBoxRow)

/* Edits @item in place; "remove" asks the list to take the item out. */
GtkWidget *attain_milestone_row_new (AttainMilestoneItem *item);

G_END_DECLS

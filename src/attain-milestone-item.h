/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "model/attain-review.h"

G_BEGIN_DECLS

#define ATTAIN_TYPE_MILESTONE_ITEM (attain_milestone_item_get_type ())
G_DECLARE_FINAL_TYPE (AttainMilestoneItem, attain_milestone_item, ATTAIN, MILESTONE_ITEM, GObject)

/* One milestone of an improvement plan as a list item: the rows edit its properties. */
AttainMilestoneItem *attain_milestone_item_new (const AttainMilestone *milestone);
AttainMilestone     *attain_milestone_item_to_milestone (AttainMilestoneItem *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/attain-people.h"

G_BEGIN_DECLS

#define ATTAIN_TYPE_PERSON_ITEM (attain_person_item_get_type ())
G_DECLARE_FINAL_TYPE (AttainPersonItem, attain_person_item, ATTAIN, PERSON_ITEM, GObject)

/* One row of the people page; takes the person. */
AttainPersonItem   *attain_person_item_new (AttainPerson *person);
const AttainPerson *attain_person_item_get_person (AttainPersonItem *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/attain-org.h"

G_BEGIN_DECLS

#define ATTAIN_TYPE_ORG_ITEM (attain_org_item_get_type ())
G_DECLARE_FINAL_TYPE (AttainOrgItem, attain_org_item, ATTAIN, ORG_ITEM, GObject)

/* A unit or person in the organisation picker, indented by depth. */
AttainOrgItem *attain_org_item_new (const AttainOrgEntry *entry);
const char    *attain_org_item_get_scope (AttainOrgItem *self);
GListModel    *attain_org_item_list (AttainDb *db, GError **error);

G_END_DECLS

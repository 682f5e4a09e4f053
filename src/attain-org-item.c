/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-org-item.h"

#include <gio/gio.h>

struct _AttainOrgItem
{
  GObject  parent_instance;
  char    *scope;
  char    *name;
  char    *detail;
  int      indent;
  gboolean is_unit;
};

G_DEFINE_FINAL_TYPE (AttainOrgItem, attain_org_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_SCOPE,
  PROP_NAME,
  PROP_DETAIL,
  PROP_INDENT,
  PROP_IS_UNIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
attain_org_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  AttainOrgItem *self = ATTAIN_ORG_ITEM (object);

  switch (prop_id)
    {
    case PROP_SCOPE:
      g_value_set_string (value, self->scope);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;
    case PROP_INDENT:
      g_value_set_int (value, self->indent);
      break;
    case PROP_IS_UNIT:
      g_value_set_boolean (value, self->is_unit);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attain_org_item_finalize (GObject *object)
{
  AttainOrgItem *self = ATTAIN_ORG_ITEM (object);

  g_free (self->scope);
  g_free (self->name);
  g_free (self->detail);
  G_OBJECT_CLASS (attain_org_item_parent_class)->finalize (object);
}

static void
attain_org_item_class_init (AttainOrgItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = attain_org_item_get_property;
  object_class->finalize = attain_org_item_finalize;

  properties[PROP_SCOPE] = g_param_spec_string ("scope", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, NULL, flags);
  properties[PROP_INDENT] = g_param_spec_int ("indent", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_IS_UNIT] = g_param_spec_boolean ("is-unit", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
attain_org_item_init (AttainOrgItem *self)
{
}

AttainOrgItem *
attain_org_item_new (const AttainOrgEntry *entry)
{
  AttainOrgItem *self = g_object_new (ATTAIN_TYPE_ORG_ITEM, NULL);

  self->scope = attain_scope_to_string (&entry->scope);
  self->name = g_strdup (entry->name);
  self->detail = g_strdup (entry->kind_label);
  self->indent = entry->depth * 18;
  self->is_unit = entry->scope.kind == ATTAIN_SCOPE_UNIT;
  return self;
}

const char *
attain_org_item_get_scope (AttainOrgItem *self)
{
  g_return_val_if_fail (ATTAIN_IS_ORG_ITEM (self), NULL);
  return self->scope;
}

GListModel *
attain_org_item_list (AttainDb *db, GError **error)
{
  g_autoptr (GPtrArray) entries = attain_org_list (db, error);
  GListStore *store;

  if (entries == NULL)
    return NULL;
  store = g_list_store_new (ATTAIN_TYPE_ORG_ITEM);
  for (guint i = 0; i < entries->len; i++)
    {
      g_autoptr (AttainOrgItem) item = attain_org_item_new (g_ptr_array_index (entries, i));
      g_list_store_append (store, item);
    }
  return G_LIST_MODEL (store);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-person-item.h"

#include <glib/gi18n.h>

struct _AttainPersonItem
{
  GObject       parent_instance;
  AttainPerson *person;
};

G_DEFINE_FINAL_TYPE (AttainPersonItem, attain_person_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_EMPLOYEE_NO,
  PROP_NAME,
  PROP_POSITION,
  PROP_TEAM,
  PROP_REGION,
  PROP_HIRED_ON,
  PROP_LEFT_ON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
attain_person_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  AttainPerson *p = ATTAIN_PERSON_ITEM (object)->person;

  switch (prop_id)
    {
    case PROP_EMPLOYEE_NO:
      g_value_set_string (value, p->employee_no ? p->employee_no : "");
      break;
    case PROP_NAME:
      g_value_set_string (value, p->name);
      break;
    case PROP_POSITION:
      g_value_set_string (value, p->position);
      break;
    case PROP_TEAM:
      g_value_set_string (value, p->team);
      break;
    case PROP_REGION:
      g_value_set_string (value, p->region ? p->region : "");
      break;
    case PROP_HIRED_ON:
      g_value_set_string (value, p->hired_on ? p->hired_on : "");
      break;
    case PROP_LEFT_ON:
      g_value_set_string (value, p->left_on ? p->left_on : "");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attain_person_item_finalize (GObject *object)
{
  attain_person_free (ATTAIN_PERSON_ITEM (object)->person);
  G_OBJECT_CLASS (attain_person_item_parent_class)->finalize (object);
}

static void
attain_person_item_class_init (AttainPersonItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const char   *names[]
      = { NULL, "employee-no", "name", "position", "team", "region", "hired-on", "left-on" };

  object_class->get_property = attain_person_item_get_property;
  object_class->finalize = attain_person_item_finalize;
  for (guint i = 1; i < N_PROPS; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL,
                                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
attain_person_item_init (AttainPersonItem *self)
{
}

AttainPersonItem *
attain_person_item_new (AttainPerson *person)
{
  AttainPersonItem *self = g_object_new (ATTAIN_TYPE_PERSON_ITEM, NULL);
  self->person = person;
  return self;
}

const AttainPerson *
attain_person_item_get_person (AttainPersonItem *self)
{
  g_return_val_if_fail (ATTAIN_IS_PERSON_ITEM (self), NULL);
  return self->person;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-milestone-item.h"

struct _AttainMilestoneItem
{
  GObject parent_instance;
  char   *what;
  char   *due_on;
  char   *measure;
  guint   status; /* AttainMilestoneStatus */
};

G_DEFINE_FINAL_TYPE (AttainMilestoneItem, attain_milestone_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_WHAT,
  PROP_DUE_ON,
  PROP_MEASURE,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
text_slot (AttainMilestoneItem *self, guint prop_id)
{
  return prop_id == PROP_WHAT     ? &self->what
         : prop_id == PROP_DUE_ON ? &self->due_on
                                  : &self->measure;
}

static void
attain_milestone_item_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AttainMilestoneItem *self = ATTAIN_MILESTONE_ITEM (object);

  if (prop_id == PROP_STATUS)
    g_value_set_uint (value, self->status);
  else
    g_value_set_string (value, *text_slot (self, prop_id));
}

/* Notifies only a real change: a row showing the item writes the same text back. */
static void
attain_milestone_item_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AttainMilestoneItem *self = ATTAIN_MILESTONE_ITEM (object);

  if (prop_id == PROP_STATUS)
    {
      guint status = MIN (g_value_get_uint (value), ATTAIN_MILESTONE_MISSED);
      if (status == self->status)
        return;
      self->status = status;
    }
  else
    {
      char      **slot = text_slot (self, prop_id);
      const char *text = g_value_get_string (value) ? g_value_get_string (value) : "";
      if (g_strcmp0 (*slot, text) == 0)
        return;
      g_free (*slot);
      *slot = g_strdup (text);
    }
  g_object_notify_by_pspec (object, pspec);
}

static void
attain_milestone_item_finalize (GObject *object)
{
  AttainMilestoneItem *self = ATTAIN_MILESTONE_ITEM (object);

  g_free (self->what);
  g_free (self->due_on);
  g_free (self->measure);
  G_OBJECT_CLASS (attain_milestone_item_parent_class)->finalize (object);
}

static void
attain_milestone_item_class_init (AttainMilestoneItemClass *klass)
{
  GObjectClass     *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = attain_milestone_item_finalize;
  object_class->get_property = attain_milestone_item_get_property;
  object_class->set_property = attain_milestone_item_set_property;

  properties[PROP_WHAT] = g_param_spec_string ("what", NULL, NULL, NULL, flags);
  properties[PROP_DUE_ON] = g_param_spec_string ("due-on", NULL, NULL, NULL, flags);
  properties[PROP_MEASURE] = g_param_spec_string ("measure", NULL, NULL, NULL, flags);
  properties[PROP_STATUS]
      = g_param_spec_uint ("status", NULL, NULL, 0, ATTAIN_MILESTONE_MISSED, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
attain_milestone_item_init (AttainMilestoneItem *self)
{
}

AttainMilestoneItem *
attain_milestone_item_new (const AttainMilestone *milestone)
{
  AttainMilestoneItem *self = g_object_new (ATTAIN_TYPE_MILESTONE_ITEM, NULL);

  /* Never NULL: an entry cannot show NULL. */
  self->what = g_strdup (milestone && milestone->what ? milestone->what : "");
  self->due_on = g_strdup (milestone && milestone->due_on ? milestone->due_on : "");
  self->measure = g_strdup (milestone && milestone->measure ? milestone->measure : "");
  self->status = milestone ? milestone->status : ATTAIN_MILESTONE_PLANNED;
  return self;
}

AttainMilestone *
attain_milestone_item_to_milestone (AttainMilestoneItem *self)
{
  g_return_val_if_fail (ATTAIN_IS_MILESTONE_ITEM (self), NULL);
  return attain_milestone_new (self->what, self->due_on, self->measure, self->status);
}

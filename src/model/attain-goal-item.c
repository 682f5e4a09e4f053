/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-goal-item.h"

#include "attain-gettext.h"
#include <math.h>

struct _AttainGoalItem
{
  GObject     parent_instance;
  guint       index; /* in the AttainGoalTree it was last filled from */
  char       *scope;
  char       *name;
  char       *detail;
  char       *target_text;
  char       *children_text;
  char       *gap_text;
  char       *actual_text;
  char       *attainment_text;
  char       *variance_text;
  double      attainment;
  char       *pace_text;
  char      **pace_classes;
  char       *agreed_text;
  char       *smart_text;
  gboolean    has_gap;
  gboolean    has_goal;
  gboolean    target_derived;
  GListStore *children;
};

G_DEFINE_FINAL_TYPE (AttainGoalItem, attain_goal_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_SCOPE,
  PROP_NAME,
  PROP_DETAIL,
  PROP_TARGET_TEXT,
  PROP_CHILDREN_TEXT,
  PROP_GAP_TEXT,
  PROP_ACTUAL_TEXT,
  PROP_ATTAINMENT_TEXT,
  PROP_VARIANCE_TEXT,
  PROP_ATTAINMENT,
  PROP_PACE_TEXT,
  PROP_PACE_CLASSES,
  PROP_AGREED_TEXT,
  PROP_SMART_TEXT,
  PROP_HAS_SMART_ISSUE,
  PROP_HAS_GAP,
  PROP_HAS_GOAL,
  PROP_TARGET_DERIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
attain_goal_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  AttainGoalItem *self = ATTAIN_GOAL_ITEM (object);

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
    case PROP_TARGET_TEXT:
      g_value_set_string (value, self->target_text);
      break;
    case PROP_CHILDREN_TEXT:
      g_value_set_string (value, self->children_text);
      break;
    case PROP_GAP_TEXT:
      g_value_set_string (value, self->gap_text);
      break;
    case PROP_ACTUAL_TEXT:
      g_value_set_string (value, self->actual_text);
      break;
    case PROP_ATTAINMENT_TEXT:
      g_value_set_string (value, self->attainment_text);
      break;
    case PROP_VARIANCE_TEXT:
      g_value_set_string (value, self->variance_text);
      break;
    case PROP_ATTAINMENT:
      g_value_set_double (value, self->attainment);
      break;
    case PROP_PACE_TEXT:
      g_value_set_string (value, self->pace_text);
      break;
    case PROP_PACE_CLASSES:
      g_value_set_boxed (value, self->pace_classes);
      break;
    case PROP_AGREED_TEXT:
      g_value_set_string (value, self->agreed_text);
      break;
    case PROP_SMART_TEXT:
      g_value_set_string (value, self->smart_text);
      break;
    case PROP_HAS_SMART_ISSUE:
      g_value_set_boolean (value, self->smart_text != NULL);
      break;
    case PROP_HAS_GAP:
      g_value_set_boolean (value, self->has_gap);
      break;
    case PROP_HAS_GOAL:
      g_value_set_boolean (value, self->has_goal);
      break;
    case PROP_TARGET_DERIVED:
      g_value_set_boolean (value, self->target_derived);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attain_goal_item_finalize (GObject *object)
{
  AttainGoalItem *self = ATTAIN_GOAL_ITEM (object);

  g_free (self->scope);
  g_free (self->name);
  g_free (self->detail);
  g_free (self->target_text);
  g_free (self->children_text);
  g_free (self->gap_text);
  g_free (self->actual_text);
  g_free (self->attainment_text);
  g_free (self->variance_text);
  g_free (self->pace_text);
  g_strfreev (self->pace_classes);
  g_free (self->agreed_text);
  g_free (self->smart_text);
  g_clear_object (&self->children);
  G_OBJECT_CLASS (attain_goal_item_parent_class)->finalize (object);
}

static void
attain_goal_item_class_init (AttainGoalItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = attain_goal_item_get_property;
  object_class->finalize = attain_goal_item_finalize;

  properties[PROP_SCOPE] = g_param_spec_string ("scope", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, NULL, flags);
  properties[PROP_TARGET_TEXT] = g_param_spec_string ("target-text", NULL, NULL, NULL, flags);
  properties[PROP_CHILDREN_TEXT] = g_param_spec_string ("children-text", NULL, NULL, NULL, flags);
  properties[PROP_GAP_TEXT] = g_param_spec_string ("gap-text", NULL, NULL, NULL, flags);
  properties[PROP_ACTUAL_TEXT] = g_param_spec_string ("actual-text", NULL, NULL, NULL, flags);
  properties[PROP_ATTAINMENT_TEXT]
      = g_param_spec_string ("attainment-text", NULL, NULL, NULL, flags);
  /* Actual minus target in the metric's unit: "-¥120,000.00", "-5.0 pts". */
  properties[PROP_VARIANCE_TEXT] = g_param_spec_string ("variance-text", NULL, NULL, NULL, flags);
  properties[PROP_ATTAINMENT]
      = g_param_spec_double ("attainment", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_PACE_TEXT] = g_param_spec_string ("pace-text", NULL, NULL, NULL, flags);
  properties[PROP_PACE_CLASSES]
      = g_param_spec_boxed ("pace-classes", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_AGREED_TEXT] = g_param_spec_string ("agreed-text", NULL, NULL, NULL, flags);
  properties[PROP_SMART_TEXT] = g_param_spec_string ("smart-text", NULL, NULL, NULL, flags);
  properties[PROP_HAS_SMART_ISSUE]
      = g_param_spec_boolean ("has-smart-issue", NULL, NULL, FALSE, flags);
  properties[PROP_HAS_GAP] = g_param_spec_boolean ("has-gap", NULL, NULL, FALSE, flags);
  properties[PROP_HAS_GOAL] = g_param_spec_boolean ("has-goal", NULL, NULL, FALSE, flags);
  /* The target shown is the sum of the monthly goals, not a goal of the period's own. */
  properties[PROP_TARGET_DERIVED]
      = g_param_spec_boolean ("target-derived", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
attain_goal_item_init (AttainGoalItem *self)
{
}

static void
set_text (AttainGoalItem *self, char **field, char *value, guint prop)
{
  if (g_strcmp0 (*field, value) == 0)
    {
      g_free (value);
      return;
    }
  g_free (*field);
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
fill (AttainGoalItem *self, const AttainGoalTree *tree, guint index)
{
  AttainGoalNode *node = attain_goal_tree_node (tree, index);
  gboolean        had_issue = self->smart_text != NULL;
  const char     *pace_class;

  self->index = index;
  set_text (self, &self->scope, attain_scope_to_string (&node->scope), PROP_SCOPE);
  set_text (self, &self->name, g_strdup (node->name), PROP_NAME);
  set_text (self, &self->detail, g_strdup (node->detail), PROP_DETAIL);
  set_text (self, &self->target_text,
            !isnan (attain_goal_node_target (node))
                ? attain_goal_tree_format (tree, attain_goal_node_target (node))
                : g_strdup (""),
            PROP_TARGET_TEXT);
  if (self->target_derived
      != (!(node->goal != NULL && node->goal->has_target) && !isnan (node->derived_target)))
    {
      self->target_derived = !self->target_derived;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_DERIVED]);
    }
  set_text (self, &self->children_text,
            node->n_children_with_target > 0 ? attain_goal_tree_format (tree, node->children_sum)
                                             : g_strdup (""),
            PROP_CHILDREN_TEXT);
  if (node->has_gap)
    {
      g_autofree char *amount = attain_goal_tree_format (tree, ABS (node->gap));
      /* Translators: the gap between a target and its children's sum; + means unassigned */
      set_text (self, &self->gap_text, g_strdup_printf ("%s%s", node->gap > 0 ? "+" : "−", amount),
                PROP_GAP_TEXT);
    }
  else
    set_text (self, &self->gap_text, g_strdup (""), PROP_GAP_TEXT);
  set_text (self, &self->actual_text, attain_goal_tree_format (tree, node->actual),
            PROP_ACTUAL_TEXT);
  set_text (self, &self->attainment_text, attain_format_percent (node->attainment),
            PROP_ATTAINMENT_TEXT);
  set_text (self, &self->variance_text, attain_goal_node_variance_text (tree, node),
            PROP_VARIANCE_TEXT);
  if (self->attainment != (isnan (node->attainment) ? -1 : node->attainment))
    {
      self->attainment = isnan (node->attainment) ? -1 : node->attainment;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTAINMENT]);
    }
  set_text (self, &self->pace_text, g_strdup (attain_pace_to_label (node->pace)), PROP_PACE_TEXT);
  pace_class = node->pace == ATTAIN_PACE_BEHIND  ? "pace-behind"
               : node->pace == ATTAIN_PACE_AHEAD ? "pace-ahead"
               : node->pace == ATTAIN_PACE_ON    ? "pace-on"
                                                 : "pace-none";
  if (self->pace_classes == NULL || g_strcmp0 (self->pace_classes[1], pace_class) != 0)
    {
      g_strfreev (self->pace_classes);
      self->pace_classes = g_strdupv ((char *[]){ "pace", (char *) pace_class, NULL });
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PACE_CLASSES]);
    }
  set_text (self, &self->agreed_text,
            node->goal && node->goal->agreed_on ? g_strdup (node->goal->agreed_on) : g_strdup (""),
            PROP_AGREED_TEXT);
  set_text (self, &self->smart_text, attain_goal_node_smart_text (tree, node), PROP_SMART_TEXT);
  if (had_issue != (self->smart_text != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_SMART_ISSUE]);
  if (self->has_gap != node->has_gap)
    {
      self->has_gap = node->has_gap;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_GAP]);
    }
  if (self->has_goal != (node->goal != NULL))
    {
      self->has_goal = node->goal != NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_GOAL]);
    }
}

GListModel *
attain_goal_items_build (const AttainGoalTree *tree)
{
  GListStore                 *roots = g_list_store_new (ATTAIN_TYPE_GOAL_ITEM);
  g_autofree AttainGoalItem **items = g_new0 (AttainGoalItem *, tree->nodes->len);

  for (guint i = 0; i < tree->nodes->len; i++)
    {
      AttainGoalNode *node = attain_goal_tree_node (tree, i);
      AttainGoalItem *item = g_object_new (ATTAIN_TYPE_GOAL_ITEM, NULL);

      fill (item, tree, i);
      items[i] = item;
      if (node->parent < 0)
        g_list_store_append (roots, item);
      else
        {
          AttainGoalItem *parent = items[node->parent];
          if (parent->children == NULL)
            parent->children = g_list_store_new (ATTAIN_TYPE_GOAL_ITEM);
          g_list_store_append (parent->children, item);
        }
      g_object_unref (item);
    }
  return G_LIST_MODEL (roots);
}

static void
update_list (GListModel *list, const AttainGoalTree *tree, guint *next, gboolean *ok)
{
  for (guint i = 0; i < g_list_model_get_n_items (list) && *ok; i++)
    {
      g_autoptr (AttainGoalItem) item = g_list_model_get_item (list, i);
      g_autofree char *scope = NULL;

      if (*next >= tree->nodes->len)
        {
          *ok = FALSE;
          return;
        }
      scope = attain_scope_to_string (&attain_goal_tree_node (tree, *next)->scope);
      if (g_strcmp0 (scope, item->scope) != 0)
        {
          *ok = FALSE;
          return;
        }
      fill (item, tree, (*next)++);
      if (item->children != NULL)
        update_list (G_LIST_MODEL (item->children), tree, next, ok);
    }
}

gboolean
attain_goal_items_update (GListModel *roots, const AttainGoalTree *tree)
{
  guint    next = 0;
  gboolean ok = TRUE;

  /* Same organisation, new figures: refresh each row where it stands. A changed organisation
   * (a different shape) returns FALSE and the caller builds afresh. */
  update_list (roots, tree, &next, &ok);
  return ok && next == tree->nodes->len;
}

GListModel *
attain_goal_item_get_children (AttainGoalItem *self)
{
  g_return_val_if_fail (ATTAIN_IS_GOAL_ITEM (self), NULL);
  return self->children ? G_LIST_MODEL (self->children) : NULL;
}

guint
attain_goal_item_get_index (AttainGoalItem *self)
{
  g_return_val_if_fail (ATTAIN_IS_GOAL_ITEM (self), 0);
  return self->index;
}

const char *
attain_goal_item_get_scope (AttainGoalItem *self)
{
  g_return_val_if_fail (ATTAIN_IS_GOAL_ITEM (self), NULL);
  return self->scope;
}

const char *
attain_goal_item_get_name (AttainGoalItem *self)
{
  g_return_val_if_fail (ATTAIN_IS_GOAL_ITEM (self), NULL);
  return self->name;
}

const char *
attain_goal_item_get_variance_text (AttainGoalItem *self)
{
  g_return_val_if_fail (ATTAIN_IS_GOAL_ITEM (self), NULL);
  return self->variance_text;
}

gboolean
attain_goal_item_get_target_derived (AttainGoalItem *self)
{
  g_return_val_if_fail (ATTAIN_IS_GOAL_ITEM (self), FALSE);
  return self->target_derived;
}

const char *
attain_goal_item_get_target_text (AttainGoalItem *self)
{
  g_return_val_if_fail (ATTAIN_IS_GOAL_ITEM (self), NULL);
  return self->target_text;
}

const char *
attain_goal_item_get_gap_text (AttainGoalItem *self)
{
  g_return_val_if_fail (ATTAIN_IS_GOAL_ITEM (self), NULL);
  return self->gap_text;
}

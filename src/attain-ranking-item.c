/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-ranking-item.h"

#include <glib/gi18n.h>
#include <math.h>

struct _AttainRankingItem
{
  GObject parent_instance;
  char   *scope;
  guint   rank;
  char   *name;
  char   *detail;
  double  actual;
  char   *actual_text;
  char   *target_text;
  char   *variance_text;
  double  attainment;
  char   *attainment_text;
  char   *pace_text;
  char  **pace_classes;
  char  **row_classes;
};

G_DEFINE_FINAL_TYPE (AttainRankingItem, attain_ranking_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_SCOPE,
  PROP_RANK,
  PROP_NAME,
  PROP_DETAIL,
  PROP_ACTUAL,
  PROP_ACTUAL_TEXT,
  PROP_TARGET_TEXT,
  PROP_VARIANCE_TEXT,
  PROP_ATTAINMENT,
  PROP_ATTAINMENT_TEXT,
  PROP_PACE_TEXT,
  PROP_PACE_CLASSES,
  PROP_ROW_CLASSES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
attain_ranking_item_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  AttainRankingItem *self = ATTAIN_RANKING_ITEM (object);

  switch (prop_id)
    {
    case PROP_SCOPE:
      g_value_set_string (value, self->scope);
      break;
    case PROP_RANK:
      g_value_set_uint (value, self->rank);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;
    case PROP_ACTUAL:
      g_value_set_double (value, self->actual);
      break;
    case PROP_ACTUAL_TEXT:
      g_value_set_string (value, self->actual_text);
      break;
    case PROP_TARGET_TEXT:
      g_value_set_string (value, self->target_text);
      break;
    case PROP_VARIANCE_TEXT:
      g_value_set_string (value, self->variance_text);
      break;
    case PROP_ATTAINMENT:
      g_value_set_double (value, self->attainment);
      break;
    case PROP_ATTAINMENT_TEXT:
      g_value_set_string (value, self->attainment_text);
      break;
    case PROP_PACE_TEXT:
      g_value_set_string (value, self->pace_text);
      break;
    case PROP_PACE_CLASSES:
      g_value_set_boxed (value, self->pace_classes);
      break;
    case PROP_ROW_CLASSES:
      g_value_set_boxed (value, self->row_classes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attain_ranking_item_finalize (GObject *object)
{
  AttainRankingItem *self = ATTAIN_RANKING_ITEM (object);

  g_free (self->scope);
  g_free (self->name);
  g_free (self->detail);
  g_free (self->actual_text);
  g_free (self->target_text);
  g_free (self->variance_text);
  g_free (self->attainment_text);
  g_free (self->pace_text);
  g_strfreev (self->pace_classes);
  g_strfreev (self->row_classes);
  G_OBJECT_CLASS (attain_ranking_item_parent_class)->finalize (object);
}

static void
attain_ranking_item_class_init (AttainRankingItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = attain_ranking_item_get_property;
  object_class->finalize = attain_ranking_item_finalize;

  /* Read-only: a ranking row is a snapshot; a refresh builds new items. */
  properties[PROP_SCOPE] = g_param_spec_string ("scope", NULL, NULL, NULL, flags);
  properties[PROP_RANK] = g_param_spec_uint ("rank", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, NULL, flags);
  properties[PROP_ACTUAL]
      = g_param_spec_double ("actual", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_ACTUAL_TEXT] = g_param_spec_string ("actual-text", NULL, NULL, NULL, flags);
  properties[PROP_TARGET_TEXT] = g_param_spec_string ("target-text", NULL, NULL, NULL, flags);
  /* Actual minus target, in money: "-¥120万". */
  properties[PROP_VARIANCE_TEXT] = g_param_spec_string ("variance-text", NULL, NULL, NULL, flags);
  properties[PROP_ATTAINMENT]
      = g_param_spec_double ("attainment", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_ATTAINMENT_TEXT]
      = g_param_spec_string ("attainment-text", NULL, NULL, NULL, flags);
  properties[PROP_PACE_TEXT] = g_param_spec_string ("pace-text", NULL, NULL, NULL, flags);
  properties[PROP_PACE_CLASSES]
      = g_param_spec_boxed ("pace-classes", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_ROW_CLASSES] = g_param_spec_boxed ("row-classes", NULL, NULL, G_TYPE_STRV, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
attain_ranking_item_init (AttainRankingItem *self)
{
}

AttainRankingItem *
attain_ranking_item_new (const AttainRankingRow *row, guint rank, const char *currency)
{
  AttainRankingItem *self;
  AttainNumberStyle  style = attain_number_style_default ();
  const char        *pace_class;

  g_return_val_if_fail (row != NULL, NULL);

  self = g_object_new (ATTAIN_TYPE_RANKING_ITEM, NULL);
  self->scope = attain_scope_to_string (&row->scope);
  self->rank = rank;
  self->name = g_strdup (row->name);
  self->detail = g_strdup (row->detail);
  self->actual = row->actual;
  self->actual_text = attain_format_money_compact (row->actual, currency, style);
  self->target_text = attain_format_money_compact (row->target, currency, style);
  self->variance_text
      = attain_format_difference (ATTAIN_VALUE_MONEY, row->actual - row->target, currency, style);
  /* Sorting puts rows without a target last. */
  self->attainment = isnan (row->attainment) ? -1.0 : row->attainment;
  self->attainment_text = attain_format_percent (row->attainment);
  self->pace_text = g_strdup (attain_pace_to_label (row->pace));
  pace_class = row->pace == ATTAIN_PACE_BEHIND  ? "pace-behind"
               : row->pace == ATTAIN_PACE_AHEAD ? "pace-ahead"
               : row->pace == ATTAIN_PACE_ON    ? "pace-on"
                                                : "pace-none";
  self->pace_classes = g_strdupv ((char *[]){ "pace", (char *) pace_class, NULL });
  self->row_classes
      = g_strdupv ((char *[]){ row->is_self ? "ranking-self" : "ranking-other", NULL });
  return self;
}

const char *
attain_ranking_item_get_scope (AttainRankingItem *self)
{
  g_return_val_if_fail (ATTAIN_IS_RANKING_ITEM (self), NULL);
  return self->scope;
}

const char *
attain_ranking_item_get_variance_text (AttainRankingItem *self)
{
  g_return_val_if_fail (ATTAIN_IS_RANKING_ITEM (self), NULL);
  return self->variance_text;
}

const char *
attain_ranking_item_get_name (AttainRankingItem *self)
{
  g_return_val_if_fail (ATTAIN_IS_RANKING_ITEM (self), NULL);
  return self->name;
}

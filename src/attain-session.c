/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-session.h"

struct _AttainSession
{
  GObject             parent_instance;
  GDate               today;
  AttainPeriod        period;
  AttainScope         scope;
  gboolean            has_scope;
  GSettings          *settings; /* remembers the period kind between runs; may be NULL */
  GSimpleActionGroup *actions;
};

G_DEFINE_FINAL_TYPE (AttainSession, attain_session, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_PERIOD,
  PROP_PERIOD_KIND,
  PROP_SCOPE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
attain_session_set_period (AttainSession *self, const AttainPeriod *period)
{
  gboolean kind_changed;

  g_return_if_fail (ATTAIN_IS_SESSION (self));
  if (attain_period_equal (period, &self->period))
    return;
  kind_changed = period->kind != self->period.kind;
  self->period = *period;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD]);
  if (kind_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD_KIND]);
}

static void
set_period_kind (AttainSession *self, const char *text)
{
  AttainPeriod period = attain_period_with_kind (
      &self->period, attain_period_kind_from_string (text), &self->today);

  if (self->settings != NULL && period.kind != self->period.kind)
    g_settings_set_string (self->settings, "period-kind",
                           attain_period_kind_to_string (period.kind));
  attain_session_set_period (self, &period);
}

static void
shift_activate_cb (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  AttainSession *self = data;
  AttainPeriod   period = attain_period_shift (
        &self->period, g_str_equal (g_action_get_name (G_ACTION (action)), "next-period") ? 1 : -1);

  attain_session_set_period (self, &period);
}

static void
current_activate_cb (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  AttainSession *self = data;
  AttainPeriod   period
      = attain_period_containing (self->period.kind, &self->today, self->period.fy_start_month);

  attain_session_set_period (self, &period);
}

static void
attain_session_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  AttainSession *self = ATTAIN_SESSION (object);

  switch (prop_id)
    {
    case PROP_PERIOD:
      g_value_set_pointer (value, &self->period);
      break;
    case PROP_PERIOD_KIND:
      g_value_set_string (value, attain_period_kind_to_string (self->period.kind));
      break;
    case PROP_SCOPE:
      g_value_set_pointer (value, self->has_scope ? &self->scope : NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attain_session_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  AttainSession *self = ATTAIN_SESSION (object);

  switch (prop_id)
    {
    case PROP_PERIOD_KIND:
      set_period_kind (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attain_session_finalize (GObject *object)
{
  AttainSession *self = ATTAIN_SESSION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->actions);
  G_OBJECT_CLASS (attain_session_parent_class)->finalize (object);
}

static void
attain_session_class_init (AttainSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = attain_session_finalize;
  object_class->get_property = attain_session_get_property;
  object_class->set_property = attain_session_set_property;

  /* A const AttainPeriod*, owned by the session. */
  properties[PROP_PERIOD] = g_param_spec_pointer (
      "period", NULL, NULL, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERIOD_KIND]
      = g_param_spec_string ("period-kind", NULL, NULL, "quarter",
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A const AttainScope*, or NULL before a company exists. */
  properties[PROP_SCOPE] = g_param_spec_pointer (
      "scope", NULL, NULL, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
attain_session_init (AttainSession *self)
{
  static const GActionEntry entries[] = {
    { .name = "previous-period", .activate = shift_activate_cb },
    { .name = "next-period", .activate = shift_activate_cb },
    { .name = "current-period", .activate = current_activate_cb },
  };
  g_autoptr (GPropertyAction) kind = NULL;

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries),
                                   self);
  kind = g_property_action_new ("period-kind", self, "period-kind");
  g_action_map_add_action (G_ACTION_MAP (self->actions), G_ACTION (kind));
}

/* Starts on the period containing @today, of the kind the director last chose. */
AttainSession *
attain_session_new (const GDate *today, int fy_start_month, GSettings *settings)
{
  AttainSession   *self = g_object_new (ATTAIN_TYPE_SESSION, NULL);
  AttainPeriodKind kind = ATTAIN_PERIOD_QUARTER;

  self->today = *today;
  if (settings != NULL)
    {
      g_autofree char *text = g_settings_get_string (settings, "period-kind");
      kind = attain_period_kind_from_string (text);
      self->settings = g_object_ref (settings);
    }
  self->period = attain_period_containing (kind, today, fy_start_month);
  return self;
}

const AttainPeriod *
attain_session_get_period (AttainSession *self)
{
  g_return_val_if_fail (ATTAIN_IS_SESSION (self), NULL);
  return &self->period;
}

/* Returns FALSE while nothing has been chosen (a file with no company yet). */
gboolean
attain_session_get_scope (AttainSession *self, AttainScope *scope)
{
  g_return_val_if_fail (ATTAIN_IS_SESSION (self), FALSE);
  if (self->has_scope && scope != NULL)
    *scope = self->scope;
  return self->has_scope;
}

void
attain_session_set_scope (AttainSession *self, const AttainScope *scope)
{
  g_return_if_fail (ATTAIN_IS_SESSION (self));
  if (self->has_scope && attain_scope_equal (scope, &self->scope))
    return;
  self->scope = *scope;
  self->has_scope = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCOPE]);
}

/* previous-period, next-period, current-period and period-kind, for each page to insert as
 * "session": one set of actions whatever page the keyboard is on. */
GActionGroup *
attain_session_get_actions (AttainSession *self)
{
  g_return_val_if_fail (ATTAIN_IS_SESSION (self), NULL);
  return G_ACTION_GROUP (self->actions);
}

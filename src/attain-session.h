/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "model/attain-org.h"
#include "model/attain-period.h"

G_BEGIN_DECLS

#define ATTAIN_TYPE_SESSION (attain_session_get_type ())
G_DECLARE_FINAL_TYPE (AttainSession, attain_session, ATTAIN, SESSION, GObject)

/* What the director is looking at across the pages: one period and one unit or person. The
 * pages read it and change it; each reloads when "period" or "scope" is notified. */
AttainSession *attain_session_new (const GDate *today, int fy_start_month, GSettings *settings);
const AttainPeriod *attain_session_get_period (AttainSession *self);
void                attain_session_set_period (AttainSession *self, const AttainPeriod *period);
gboolean            attain_session_get_scope (AttainSession *self, AttainScope *scope);
void                attain_session_set_scope (AttainSession *self, const AttainScope *scope);
GActionGroup       *attain_session_get_actions (AttainSession *self);

G_END_DECLS

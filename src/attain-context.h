/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "attain-session.h"
#include "model/attain-db.h"

G_BEGIN_DECLS

#define ATTAIN_TYPE_CONTEXT (attain_context_get_type ())
G_DECLARE_FINAL_TYPE (AttainContext, attain_context, ATTAIN, CONTEXT, GObject)

/* What every page needs: the database, today's date and the settings. Passed down as the
 * construct-only "context" property instead of living in globals. */
AttainContext *attain_context_new (AttainDb *db, const GDate *today);
AttainDb      *attain_context_get_db (AttainContext *self);
const char    *attain_context_get_db_path (AttainContext *self);
void           attain_context_get_today (AttainContext *self, GDate *today);
GSettings     *attain_context_get_settings (AttainContext *self);
AttainSession *attain_context_get_session (AttainContext *self);
gboolean       attain_context_check_file (AttainContext *self);
void           attain_context_watch_file (AttainContext *self);

G_END_DECLS

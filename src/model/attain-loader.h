/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "attain-db.h"
#include "attain-watch.h"

G_BEGIN_DECLS

/* Runs on a worker with a reader connection of its own; returns the loaded value or NULL with
 * @error. The connection is interrupted when the load's cancellable is cancelled. */
typedef gpointer (*AttainLoadFunc) (AttainDb     *db,
                                    gpointer      request,
                                    GCancellable *cancellable,
                                    GError      **error);

void     attain_load_async (const char         *path,
                            AttainLoadFunc      load,
                            gpointer            request,
                            GDestroyNotify      request_free,
                            GDestroyNotify      result_free,
                            gpointer            source_tag,
                            GCancellable       *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer            user_data);
gpointer attain_load_finish (GAsyncResult *result, gpointer source_tag, GError **error);

void  attain_db_check_async (const char         *path,
                             GCancellable       *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer            user_data);
char *attain_db_check_finish (GAsyncResult *result, GError **error);

G_END_DECLS

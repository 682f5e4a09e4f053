/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "attain-db.h"

#include <gio/gio.h>

G_BEGIN_DECLS

typedef void (*AttainProgressFunc) (double fraction, gpointer user_data);

typedef struct
{
  guint32 seed;
  guint   people; /* salespeople, default 60 */
  guint   years;  /* calendar years of history ending with today's, default 3 */
  guint64 deals;  /* total deals; 0 picks about 6 per person and month */
  /* Cancelled, nothing is written (the whole company is one transaction); NULL for none. */
  GCancellable *cancellable;
  GDate         today; /* nothing happens after this day */
} AttainDemoOptions;

void     attain_demo_options_init (AttainDemoOptions *options, const GDate *today);
gboolean attain_demo_generate (AttainDb                *db,
                               const AttainDemoOptions *options,
                               AttainProgressFunc       progress,
                               gpointer                 user_data,
                               GError                 **error);

G_END_DECLS

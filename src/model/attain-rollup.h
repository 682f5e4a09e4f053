/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "attain-db.h"

G_BEGIN_DECLS

gboolean attain_rollup_rebuild         (AttainDb  *db,
                                        GError   **error);
gboolean attain_rollup_touch_begin     (AttainDb  *db,
                                        GError   **error);
gboolean attain_rollup_touch_person    (AttainDb  *db,
                                        gint64     person_id,
                                        GError   **error);
gboolean attain_rollup_touch_customer  (AttainDb  *db,
                                        gint64     customer_id,
                                        GError   **error);
gboolean attain_rollup_refresh_touched (AttainDb  *db,
                                        GError   **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "attain-db.h"

G_BEGIN_DECLS

gboolean attain_rollup_rebuild (AttainDb  *db,
                                GError   **error);

G_END_DECLS

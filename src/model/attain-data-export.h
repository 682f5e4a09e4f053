/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "attain-db.h"
#include "attain-period.h"
#include "attain-table-export.h"

G_BEGIN_DECLS

/* What directors take to HR and finance. The organisation's columns are named like the
 * import's fields, so an exported organisation imports again unchanged. */
AttainTable *attain_export_org (AttainDb *db, GError **error);
AttainTable *attain_export_deals (AttainDb *db, GError **error);
AttainTable *attain_export_metrics (AttainDb           *db,
                                    const AttainPeriod *period,
                                    const GDate        *today,
                                    GError            **error);

AttainTable *
attain_export_scores (AttainDb *db, gint64 cycle_id, const GDate *today, GError **error);
AttainTable *attain_export_bonus_sheet (AttainDb           *db,
                                        gint64              unit_id,
                                        const AttainPeriod *period,
                                        const GDate        *today,
                                        GError            **error);

G_END_DECLS

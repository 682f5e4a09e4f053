/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "attain-db.h"

G_BEGIN_DECLS

gboolean attain_rollup_rebuild (AttainDb *db, GError **error);
gboolean attain_rollup_check (AttainDb *db,
                              gboolean  repair,
                              GString  *report,
                              guint64  *n_different,
                              GError  **error);
gboolean attain_rollup_touch_begin (AttainDb *db, GError **error);
gboolean attain_rollup_touch_person (AttainDb *db, gint64 person_id, GError **error);
gboolean attain_rollup_touch_customer (AttainDb *db, gint64 customer_id, GError **error);
gboolean attain_rollup_touch_units_of (AttainDb *db, gint64 person_id, GError **error);
gboolean attain_rollup_add_person_stats (AttainDb *db,
                                         gint64    person_id,
                                         int       month,
                                         gint64    won_amount,
                                         gint64    won_gross_profit,
                                         gint64    won_count,
                                         gint64    won_cycle_days,
                                         GError  **error);
gboolean attain_rollup_add_person_funnel (AttainDb *db,
                                          gint64    person_id,
                                          int       month,
                                          int       stage_position,
                                          gint64    count,
                                          gint64    amount,
                                          gint64    days,
                                          GError  **error);
gboolean attain_rollup_add_person_funnel_cohort (AttainDb *db,
                                                 gint64    person_id,
                                                 int       month,
                                                 int       stage_position,
                                                 int       to_month,
                                                 gint64    advanced,
                                                 gint64    won,
                                                 GError  **error);
gboolean attain_rollup_add_person_pipeline (AttainDb *db,
                                            gint64    person_id,
                                            int       stage_position,
                                            gint64    count,
                                            gint64    amount,
                                            double    weighted,
                                            GError  **error);
gboolean attain_rollup_sum_days (AttainDb *db, const char *from, const char *to, GError **error);
gboolean attain_rollup_refresh_touched (AttainDb *db, gint64 delta_import, GError **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "attain-db.h"
#include "attain-review.h"

G_BEGIN_DECLS

/* The only writes a signed-off review admits, each one audited transaction (migration 7). */
gboolean attain_review_follow_up_milestone (AttainDb             *db,
                                            gint64                review_id,
                                            guint                 position,
                                            AttainMilestoneStatus status,
                                            GError              **error);
gboolean attain_person_erase (AttainDb *db, gint64 person_id, const GDate *today, GError **error);

G_END_DECLS

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

/* Appeals (migration 11): recorded against a signed-off review; an upheld one reopens it. */
void   attain_appeal_deadline (const GDate *received, int days, gboolean working_days, GDate *out);
gint64 attain_appeal_record (AttainDb    *db,
                             gint64       review_id,
                             const GDate *received_on,
                             const char  *reason,
                             const char  *handler,
                             gboolean     working_days,
                             const GDate *today,
                             GError     **error);
gboolean attain_appeal_decide (AttainDb    *db,
                               gint64       appeal_id,
                               gboolean     upheld,
                               const char  *note,
                               const GDate *today,
                               GError     **error);
guint    attain_appeals_overdue (AttainDb *db, const GDate *today, GError **error);

G_END_DECLS

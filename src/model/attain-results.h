/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "attain-db.h"
#include "attain-org.h"
#include "attain-period.h"

G_BEGIN_DECLS

/* Who may be promoted after @quarter (a quarter): everyone of @unit_id's tree whose last N
 * quarters up to it (setting promotion_quarters, default 3) were all at or above 100% revenue
 * attainment, whose latest signed-off rating is at least the setting promotion_min_rating
 * (default A), and who has been in the company at least promotion_months (default 12) by the
 * quarter's end. As JSON: each person with every condition's figure, "eligible", the next step
 * of the ladder (positions by rank; none at the top), and for those who miss, which condition
 * fails and by how much. */
JsonNode *attain_promotion_candidates (AttainDb           *db,
                                       gint64              unit_id,
                                       const AttainPeriod *quarter,
                                       const GDate        *today,
                                       GError            **error);

#define ATTAIN_PROMOTION_ERROR (attain_promotion_error_quark ())

typedef enum
{
  ATTAIN_PROMOTION_ERROR_TOP,     /* already at the top of the ladder */
  ATTAIN_PROMOTION_ERROR_PENDING, /* a promotion is already proposed */
  ATTAIN_PROMOTION_ERROR_INVALID,
} AttainPromotionError;

GQuark attain_promotion_error_quark (void);
/* Proposes promoting @person_id to the next step of the ladder on @effective_on, with the
 * reason; refused at the top of the ladder or while another proposal waits. Returns its id. */
gint64 attain_promotion_propose (AttainDb    *db,
                                 gint64       person_id,
                                 const GDate *effective_on,
                                 const char  *reason,
                                 GError     **error);
/* Applies every proposal due by @today, each in one transaction with its history row: the
 * person's position changes and person_positions says from when. Returns how many, or -1. */
int attain_promotions_apply_due (AttainDb *db, const GDate *today, GError **error);

/* The best salesperson of @period (a month: 月度最佳; a quarter: 季度销售冠军) in @unit_id's
 * tree by the rule in the settings: the highest recognition_metric (default revenue) among
 * those at or above recognition_min_attainment percent (default 100) of its target, ties broken
 * by recognition_tiebreak (default collections), then by name. As JSON: the winner (or null
 * with the reason), the rule in words, the ranking of those who qualified, and the recorded
 * winner if the period's was recorded. */
JsonNode *attain_recognition (AttainDb           *db,
                              gint64              unit_id,
                              const AttainPeriod *period,
                              const GDate        *today,
                              GError            **error);
/* Records @period's winner in the history, computed inside the write; refused before the
 * period is over, when nobody qualifies, or once recorded (a record is never changed). */
gint64 attain_recognition_record (AttainDb           *db,
                                  gint64              unit_id,
                                  const AttainPeriod *period,
                                  const GDate        *today,
                                  GError            **error);
/* The recorded recognitions of @unit_id's tree (every unit's for 0), newest first (at most
 * 200). */
JsonNode *attain_recognition_history (AttainDb *db, gint64 unit_id, GError **error);
/* The current recognitions in words, for the dashboard: the newest recorded quarter champion
 * and best salesperson of the month of @unit_id's tree; for a person, their own two newest
 * honours (pass 0). "" when there are none; NULL on error. */
char *
attain_recognition_current (AttainDb *db, const AttainScope *scope, gint64 unit_id, GError **error);
/* The metrics a recognition may rank by (and break ties with), NULL-terminated. */
gboolean           attain_recognition_metric_allowed (const char *key);
const char *const *attain_recognition_metric_keys (void);

/* Training needs of @unit_id's tree for @period, grouped by topic across the team: a capability
 * rated at or below training_rating_max (default 2) suggests training in it; a KPI below
 * training_attainment_min percent of target (default 80; of the target's share so far while the
 * period runs, none before it starts) suggests its topic (revenue: closing
 * deals, collections: collecting receivables, new customers: prospecting, visits: planning
 * visits). As JSON: topics, most people first, each with its people and why. */
JsonNode *attain_training_needs (AttainDb           *db,
                                 gint64              unit_id,
                                 const AttainPeriod *period,
                                 const GDate        *today,
                                 GError            **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "charts/attain-rating-chart.h"
#include "report/attain-document.h"

G_BEGIN_DECLS

/* The calibration sheet of a review cycle, for the calibration meeting: the rating distribution
 * against the guideline (the screen's chart), then everyone in order of composite with the
 * computed and the calibrated band and each move's reason, and the signatures. @scores is what
 * attain_cycle_scores_to_json gives. */
AttainDocument *attain_calibration_report (JsonNode    *scores,
                                           const char  *company,
                                           const GDate *today,
                                           const char  *language);

/* The members of @scores, highest composite first, people without one last (JsonObject*). */
GPtrArray *attain_calibration_members_sorted (JsonNode *scores);
/* The distribution part of @scores, for the chart. */
void attain_calibration_distribution (JsonNode *scores, AttainRatingDistribution *out);

G_END_DECLS

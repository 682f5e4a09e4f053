/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "attain-review-section.h"

G_BEGIN_DECLS

#define ATTAIN_TYPE_REVIEW_PLAN_SECTION (attain_review_plan_section_get_type ())
G_DECLARE_FINAL_TYPE (AttainReviewPlanSection,
                      attain_review_plan_section,
                      ATTAIN,
                      REVIEW_PLAN_SECTION,
                      GtkWidget)

void attain_review_plan_section_add (AttainReviewPlanSection *self,
                                     const AttainMilestone   *milestone);

G_END_DECLS

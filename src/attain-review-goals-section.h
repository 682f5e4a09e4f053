/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "attain-review-section.h"

G_BEGIN_DECLS

#define ATTAIN_TYPE_REVIEW_GOALS_SECTION (attain_review_goals_section_get_type ())
G_DECLARE_FINAL_TYPE (AttainReviewGoalsSection,
                      attain_review_goals_section,
                      ATTAIN,
                      REVIEW_GOALS_SECTION,
                      GtkWidget)

void attain_review_goals_section_set_new_goal (AttainReviewGoalsSection *self,
                                               guint                     metric_index,
                                               const char               *target);
void attain_review_goals_section_added (AttainReviewGoalsSection *self, const GError *error);

G_END_DECLS

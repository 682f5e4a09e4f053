/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "attain-review-section.h"

G_BEGIN_DECLS

#define ATTAIN_TYPE_REVIEW_RESULTS_SECTION (attain_review_results_section_get_type ())
G_DECLARE_FINAL_TYPE (AttainReviewResultsSection,
                      attain_review_results_section,
                      ATTAIN,
                      REVIEW_RESULTS_SECTION,
                      GtkWidget)

G_END_DECLS

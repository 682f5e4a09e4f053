/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "attain-review-section.h"

G_BEGIN_DECLS

#define ATTAIN_TYPE_REVIEW_INTERVIEW_SECTION (attain_review_interview_section_get_type ())
G_DECLARE_FINAL_TYPE (AttainReviewInterviewSection,
                      attain_review_interview_section,
                      ATTAIN,
                      REVIEW_INTERVIEW_SECTION,
                      GtkWidget)

G_END_DECLS

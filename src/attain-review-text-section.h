/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "attain-review-section.h"

G_BEGIN_DECLS

#define ATTAIN_TYPE_REVIEW_TEXT_SECTION (attain_review_text_section_get_type ())
G_DECLARE_FINAL_TYPE (AttainReviewTextSection,
                      attain_review_text_section,
                      ATTAIN,
                      REVIEW_TEXT_SECTION,
                      GtkWidget)

/* The placeholder shown, or NULL while the field has text. */
const char *attain_review_text_section_get_placeholder (AttainReviewTextSection *self);

G_END_DECLS

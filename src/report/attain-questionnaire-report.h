/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/attain-feedback.h"
#include "report/attain-document.h"

G_BEGIN_DECLS

/* One rater's printed 360 questionnaire: the person rated, the rater's relation and response
 * code (never the rater's name), each dimension's statements with 1-5 boxes, room for a
 * comment. Typed in later under its code, it goes the same unlinked way as a survey's answers. */
AttainDocument *attain_questionnaire_report (const AttainQuestionnaire *questionnaire,
                                             const char                *company,
                                             const char                *cycle_name,
                                             const char                *language);

G_END_DECLS

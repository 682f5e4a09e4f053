/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/attain-review-sheet.h"
#include "report/attain-document.h"

G_BEGIN_DECLS

/* The self-assessment (述职) form on paper, the same as the Excel form: the period's results, a
 * 1-5 box row for each capability, lines for the text and the employee's signature. */
AttainDocument *attain_self_assessment_report (const AttainReviewSheet *sheet,
                                               const char              *language);

G_END_DECLS

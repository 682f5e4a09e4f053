/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "attain-chart-style.h"
#include "model/attain-feedback.h"

G_BEGIN_DECLS

/* The 360 result per dimension: the person's own rating beside the others' (the mean of the
 * rater groups that may be shown), on the 1-5 scale. The words are taken when the data is made,
 * in the language of the document being built. */
typedef struct
{
  char  *labels[ATTAIN_FEEDBACK_N_DIMENSIONS];
  double self[ATTAIN_FEEDBACK_N_DIMENSIONS];   /* NAN without a self-assessment */
  double others[ATTAIN_FEEDBACK_N_DIMENSIONS]; /* NAN without a group shown */
  char  *self_label;
  char  *others_label;
} AttainFeedbackChart;

AttainFeedbackChart *attain_feedback_chart_new (const AttainFeedbackResult *result);
void                 attain_feedback_chart_free (AttainFeedbackChart *chart);
void                 attain_feedback_chart_draw (cairo_t                   *cr,
                                                 const AttainFeedbackChart *chart,
                                                 const AttainChartStyle    *style,
                                                 double                     width,
                                                 double                     height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttainFeedbackChart, attain_feedback_chart_free)

G_END_DECLS

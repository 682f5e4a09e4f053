/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "attain-chart-style.h"

G_BEGIN_DECLS

/* A review cycle's ratings: how many people hold each band, S to D, and the calibration
 * guideline (the share of S and A at most top_max, of C and D at least bottom_min). */
typedef struct
{
  guint  counts[5];
  double top_max;
  double bottom_min;
} AttainRatingDistribution;

/* One column per band with its count and share; S and A, and C and D, bracketed with their
 * combined share against the guideline, in the warning colour when they miss it. */
void attain_rating_chart_draw (cairo_t                        *cr,
                               const AttainRatingDistribution *data,
                               const AttainChartStyle         *style,
                               double                          width,
                               double                          height);

/* The distribution in words, for a screen reader. */
char *attain_rating_chart_describe (const AttainRatingDistribution *data);

G_END_DECLS

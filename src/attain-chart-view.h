/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "charts/attain-rating-chart.h"
#include "model/attain-series.h"

G_BEGIN_DECLS

#define ATTAIN_TYPE_CHART_VIEW (attain_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (AttainChartView, attain_chart_view, ATTAIN, CHART_VIEW, GtkWidget)

/* Shows a trend or a funnel through the same cairo functions the printed report uses. The view
 * takes ownership of the data it is given. */
void attain_chart_view_set_trend (AttainChartView *self, AttainTrendData *trend);
void attain_chart_view_set_funnel (AttainChartView *self, AttainFunnelData *funnel);
void attain_chart_view_set_rating (AttainChartView *self, const AttainRatingDistribution *rating);
/* A payout curve (AttainCurvePoint) with each person's score and payout (doubles, two a person). */
void attain_chart_view_set_payout (AttainChartView *self, GArray *curve, GArray *people);
int  attain_chart_view_get_hover (AttainChartView *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/attain-series.h"
#include "attain-chart-style.h"

G_BEGIN_DECLS

/* One centred bar per stage, its width in proportion to the deal count, the count and value on
 * it, and the conversion from the stage above between the bars. */
void attain_funnel_chart_draw (cairo_t                *cr,
                               const AttainFunnelData *data,
                               const AttainChartStyle *style,
                               double                  width,
                               double                  height);

/* The funnel in words: each stage's deals, their amount and the share that went on. */
char *attain_funnel_chart_describe (const AttainFunnelData *data);
/* What the funnel counts, for its tooltip. */
const char *attain_funnel_chart_explanation (void);

G_END_DECLS

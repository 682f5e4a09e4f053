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

G_END_DECLS

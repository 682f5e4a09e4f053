/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/attain-series.h"
#include "attain-chart-style.h"

G_BEGIN_DECLS

/* Monthly actual as columns, target as a dashed line, last year as a line, with axes and a
 * legend. hover_index (-1 for none) draws a highlight and a box with that month's values. */
void attain_trend_chart_draw (cairo_t                *cr,
                              const AttainTrendData  *data,
                              const AttainChartStyle *style,
                              double                  width,
                              double                  height,
                              int                     hover_index);
int  attain_trend_chart_index_at (cairo_t                *cr,
                                  const AttainTrendData  *data,
                                  const AttainChartStyle *style,
                                  double                  width,
                                  double                  height,
                                  double                  x,
                                  double                  y);

/* The chart in words, for a screen reader: each month's actual, target and last year. */
char *attain_trend_chart_describe (const AttainTrendData *data);

G_END_DECLS

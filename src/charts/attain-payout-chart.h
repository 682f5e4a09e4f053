/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "attain-chart-style.h"
#include "model/attain-pay.h"

G_BEGIN_DECLS

/* A payout curve and the people on it: each person's composite score and the payout it earns
 * (a fraction of the target bonus). */
typedef struct
{
  GArray *curve;  /* AttainCurvePoint */
  GArray *people; /* double, two a person: score in points, payout as a fraction */
} AttainPayoutData;

AttainPayoutData *attain_payout_data_new (GArray *curve, GArray *people);
void              attain_payout_data_free (AttainPayoutData *data);

/* The curve as a line (nothing below its first point, flat past its last), the payout in percent
 * up the side, the curve's scores along the bottom, and a dot for each person. */
void attain_payout_chart_draw (cairo_t                *cr,
                               const AttainPayoutData *data,
                               const AttainChartStyle *style,
                               double                  width,
                               double                  height);
/* The curve's points and how many people are on it, for a screen reader. */
char *attain_payout_chart_describe (const AttainPayoutData *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttainPayoutData, attain_payout_data_free)

G_END_DECLS

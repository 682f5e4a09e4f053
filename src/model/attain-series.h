/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "attain-format.h"

G_BEGIN_DECLS

/* Plain data the chart functions draw; filled by the model, drawn on screen and on paper. */

typedef struct
{
  guint   n_points;
  char  **labels;       /* n_points x-axis labels */
  double *actual;       /* NAN where there is no data yet (future months) */
  double *target;       /* NAN where there is no target */
  double *previous;     /* same months last year */
  char   *actual_label; /* legend texts */
  char   *target_label;
  char   *previous_label;
  /* The period under review within the points (shaded), -1 for none; the running month whose
   * column holds only the days gone by (drawn as partial), -1 for none. */
  int               period_first;
  int               period_last;
  int               partial_index;
  char             *partial_label; /* legend text for the partial column */
  AttainValueKind   kind;
  char             *currency;
  AttainNumberStyle style;
} AttainTrendData;

typedef struct
{
  char  *name;
  gint64 count;
  double amount;     /* minor units */
  gint64 advanced;   /* of count, the deals that went on to a later stage by the period's end */
  double conversion; /* the previous stage's advanced / its count; NAN for the first stage */
  double mean_days;  /* mean days from creation to reaching this stage */
  gint64 open_count; /* deals sitting at this stage today (the pipeline) */
  double open_amount;
  double weighted_amount; /* open_amount × the stage's probability */
} AttainFunnelStage;

typedef struct
{
  guint              n_stages;
  AttainFunnelStage *stages;
  char              *currency;
  AttainNumberStyle  style;
} AttainFunnelData;

AttainTrendData  *attain_trend_data_new (guint n_points);
void              attain_trend_data_free (AttainTrendData *data);
AttainFunnelData *attain_funnel_data_new (guint n_stages);
void              attain_funnel_data_free (AttainFunnelData *data);
AttainTrendData  *attain_trend_data_copy (const AttainTrendData *data);
AttainFunnelData *attain_funnel_data_copy (const AttainFunnelData *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttainTrendData, attain_trend_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttainFunnelData, attain_funnel_data_free)

G_END_DECLS

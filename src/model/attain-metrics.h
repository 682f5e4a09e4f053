/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "attain-db.h"
#include "attain-format.h"
#include "attain-formulas.h"
#include "attain-org.h"
#include "attain-period.h"

G_BEGIN_DECLS

typedef enum
{
  ATTAIN_METRIC_REVENUE,
  ATTAIN_METRIC_GROSS_PROFIT,
  ATTAIN_METRIC_GROSS_MARGIN,
  ATTAIN_METRIC_COLLECTIONS,
  ATTAIN_METRIC_COLLECTION_RATE,
  ATTAIN_METRIC_DEALS_WON,
  ATTAIN_METRIC_AVERAGE_DEAL_SIZE,
  ATTAIN_METRIC_NEW_CUSTOMERS,
  ATTAIN_METRIC_NEW_LEADS,
  ATTAIN_METRIC_LEAD_TO_WON,
  ATTAIN_METRIC_SALES_CYCLE,
  ATTAIN_METRIC_PIPELINE,
  ATTAIN_METRIC_WEIGHTED_PIPELINE,
  ATTAIN_METRIC_VISITS,
  ATTAIN_METRIC_WEIGHTED_VISITS,
  ATTAIN_METRIC_MARKET_SHARE,
  ATTAIN_METRIC_NPS,
  ATTAIN_METRIC_SATISFACTION,
  ATTAIN_METRIC_SATISFIED_SHARE,
  ATTAIN_METRIC_COMPLAINT_RATE,
  ATTAIN_METRIC_RESOLUTION_DAYS,
  ATTAIN_N_METRICS
} AttainMetricId;

typedef struct
{
  const char     *key;   /* stable id, also goals.metric */
  const char     *label; /* untranslated; pass through _() */
  AttainValueKind kind;
  gboolean        cumulative; /* adds up over months (revenue) vs a rate or mean */
  gboolean        lower_is_better;
  int             target_scale; /* goals.target / target_scale = value's unit */
} AttainMetricInfo;

/* Sums over a scope and a range of months, read from the rollup tables. */
typedef struct
{
  gint64 won_amount;
  gint64 won_gross_profit;
  gint64 won_count;
  gint64 won_cycle_days;
  gint64 new_customers;
  gint64 collected;
  gint64 activities;
  gint64 visits;
  gint64 weighted_visits;
  gint64 surveys;
  double satisfaction_sum;
  gint64 satisfaction_top;
  gint64 recommend_answers;
  gint64 promoters;
  gint64 detractors;
  gint64 complaints;
  gint64 complaints_resolved;
  gint64 resolution_days;
  gint64 leads;       /* deals that entered the first stage in the range */
  gint64 leads_won;   /* deals that entered the won stage in the range */
  gint64 market_size; /* -1 when no market size is known for the scope */
} AttainStats;

typedef struct
{
  double     value;
  double     target;        /* NAN without a goal */
  double     attainment;    /* NAN without a target */
  double     variance;      /* value − target, in the metric's unit; NAN without a target */
  double     previous;      /* same period last year (the same stretch of it while running) */
  double     change;        /* growth for amounts and counts, difference for rates and scores */
  double     before;        /* the period before (quarter, month), NAN for a year */
  double     change_before; /* like change, against before */
  AttainPace pace;
} AttainMetricValue;

typedef struct
{
  AttainScope       scope;
  AttainPeriod      period;
  double            elapsed;
  char             *currency;
  AttainStats       current;
  AttainStats       previous;
  AttainStats       before;
  AttainMetricValue values[ATTAIN_N_METRICS];
} AttainMetrics;

const AttainMetricInfo *attain_metric_info (AttainMetricId metric);
/* Whether changes of the metric are differences in points (rates, scores) rather than %. */
gboolean attain_metric_change_in_points (const AttainMetricInfo *info);
/* Whether the metric is shown as a distance to its target rather than a share of it. */
gboolean attain_metric_target_in_points (const AttainMetricInfo *info);
gboolean attain_metric_from_key (const char *key, AttainMetricId *out);
char    *attain_metric_format (const AttainMetrics *metrics, AttainMetricId metric, double value);
gboolean attain_stats_query (AttainDb          *db,
                             const AttainScope *scope,
                             int                first_month,
                             int                last_month,
                             AttainStats       *out,
                             GError           **error);
void     attain_stats_to_values (const AttainStats *stats, double values[ATTAIN_N_METRICS]);
gboolean attain_targets_query (AttainDb           *db,
                               const AttainScope  *scope,
                               const AttainPeriod *period,
                               double              targets[ATTAIN_N_METRICS],
                               GError            **error);
AttainMetrics *attain_metrics_compute (AttainDb           *db,
                                       const AttainScope  *scope,
                                       const AttainPeriod *period,
                                       const GDate        *today,
                                       GError            **error);
/* The same without the comparisons (last year, the period before) and the open pipeline:
 * those stay NAN. What scoring reads, at a third of the queries. */
AttainMetrics *attain_metrics_compute_for_scoring (AttainDb           *db,
                                                   const AttainScope  *scope,
                                                   const AttainPeriod *period,
                                                   const GDate        *today,
                                                   GError            **error);
void           attain_metrics_free (AttainMetrics *metrics);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttainMetrics, attain_metrics_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "attain-metrics.h"
#include "attain-series.h"

G_BEGIN_DECLS

/* The seven KPI cards the dashboard shows, in order. */
#define ATTAIN_DASHBOARD_N_CARDS 7
extern const AttainMetricId attain_dashboard_cards[ATTAIN_DASHBOARD_N_CARDS];

typedef struct
{
  AttainScope scope;
  char       *name;
  char       *detail; /* kind of unit or position */
  double      actual; /* revenue, minor units */
  double      target;
  double      attainment;
  AttainPace  pace;
  gboolean    is_self; /* the person the dashboard is about, among their peers */
} AttainRankingRow;

typedef struct
{
  AttainScope       scope;
  char             *scope_name;
  char             *scope_kind;
  gboolean          has_parent;
  AttainScope       parent;
  char             *period_label;
  AttainMetrics    *metrics;
  AttainTrendData  *trend;
  AttainFunnelData *funnel;
  GPtrArray        *ranking; /* AttainRankingRow*, best attainment first */
  gboolean          ranking_is_peers;
  char             *recognition; /* the current recorded recognitions in words; "" for none */
} AttainDashboard;

AttainDashboard *attain_dashboard_load (AttainDb           *db,
                                        const AttainScope  *scope,
                                        const AttainPeriod *period,
                                        const GDate        *today,
                                        GError            **error);
void             attain_dashboard_load_async (const char         *path,
                                              const AttainScope  *scope,
                                              const AttainPeriod *period,
                                              const GDate        *today,
                                              GCancellable       *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer            user_data);
AttainDashboard *attain_dashboard_load_finish (GAsyncResult *result, GError **error);
void             attain_dashboard_free (AttainDashboard *dashboard);
JsonNode        *attain_dashboard_to_json (const AttainDashboard *dashboard);
JsonNode        *attain_metrics_to_json (const AttainMetrics *metrics);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttainDashboard, attain_dashboard_free)

G_END_DECLS

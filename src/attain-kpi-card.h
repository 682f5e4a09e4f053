/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "model/attain-metrics.h"

G_BEGIN_DECLS

#define ATTAIN_TYPE_KPI_CARD (attain_kpi_card_get_type ())
G_DECLARE_FINAL_TYPE (AttainKpiCard, attain_kpi_card, ATTAIN, KPI_CARD, GtkWidget)

GtkWidget  *attain_kpi_card_new (void);
void        attain_kpi_card_show_metric (AttainKpiCard       *self,
                                         const AttainMetrics *metrics,
                                         AttainMetricId       metric);
char       *attain_kpi_target_line (const AttainMetrics *metrics, AttainMetricId metric);
char       *attain_kpi_change_line (const AttainMetrics *metrics, AttainMetricId metric);
const char *attain_kpi_card_get_value_text (AttainKpiCard *self);
const char *attain_kpi_card_get_target_text (AttainKpiCard *self);
const char *attain_kpi_card_get_change_text (AttainKpiCard *self);
const char *attain_kpi_card_get_pace_text (AttainKpiCard *self);

G_END_DECLS

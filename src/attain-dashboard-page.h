/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "attain-context.h"
#include "attain-kpi-card.h"
#include "model/attain-dashboard.h"

G_BEGIN_DECLS

#define ATTAIN_TYPE_DASHBOARD_PAGE (attain_dashboard_page_get_type ())
G_DECLARE_FINAL_TYPE (AttainDashboardPage, attain_dashboard_page, ATTAIN, DASHBOARD_PAGE, GtkWidget)

GtkWidget             *attain_dashboard_page_new (AttainContext *context);
void                   attain_dashboard_page_reload (AttainDashboardPage *self);
gboolean               attain_dashboard_page_is_loading (AttainDashboardPage *self);
const AttainDashboard *attain_dashboard_page_get_dashboard (AttainDashboardPage *self);
AttainKpiCard *attain_dashboard_page_get_card (AttainDashboardPage *self, const char *metric_key);
GListModel    *attain_dashboard_page_get_ranking (AttainDashboardPage *self);
const char    *attain_dashboard_page_get_title (AttainDashboardPage *self);

G_END_DECLS

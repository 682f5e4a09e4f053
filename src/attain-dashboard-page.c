/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-dashboard-page.h"

#include "attain-column-titles.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "attain-window.h"
#include "model/attain-data-export.h"

#include "attain-chart-view.h"
#include "attain-org-item.h"
#include "attain-ranking-item.h"

struct _AttainDashboardPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkFlowBox      *cards_box;
  GtkBox          *recognition_box;
  GtkLabel        *recognition_label;
  GtkStack        *content_stack;
  AdwStatusPage   *error_page;
  AttainChartView *funnel_chart;
  GtkListBox      *figures_list;
  GtkListBox      *stages_list;
  GtkLabel        *funnel_caption;
  GtkButton       *period_button;
  GtkLabel        *ranking_caption;
  GtkBox          *ranking_section;
  GListStore      *ranking_store;
  GtkColumnView   *ranking_view;
  GtkSpinner      *spinner;
  AdwToastOverlay *toast_overlay;
  AttainChartView *trend_chart;
  GtkLabel        *trend_caption;
  GtkListView     *unit_list;
  GtkMenuButton   *unit_button;
  GtkLabel        *unit_label;
  GtkPopover      *unit_popover;
  GtkSearchEntry  *unit_search;
  AdwWindowTitle  *window_title;

  /* Owned references */
  AttainContext   *context;
  AttainDashboard *dashboard;
  GtkStringFilter *unit_filter;
  GArray          *history; /* AttainScope: where "back" returns to */
  AttainSession   *session; /* the period and scope shown; shared with the other pages */
  AttainScope      scope;
  AttainPeriod     period;
  AttainKpiCard   *cards[ATTAIN_DASHBOARD_N_CARDS];
  GCancellable    *load; /* the load in flight: a newer one cancels it */
  gboolean         loading;
};

G_DEFINE_FINAL_TYPE (AttainDashboardPage, attain_dashboard_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

enum
{
  LOADED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

static GtkWidget *
figure_row (const char *title, const char *subtitle, const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* Every metric that has no card (market share, satisfaction, complaints, the pipeline ...), with
 * the cards' target and comparison lines: nothing is left to the command line. */
static void
show_all_figures (AttainDashboardPage *self, const AttainMetrics *metrics)
{
  clear_list (self->figures_list);
  for (guint m = 0; m < ATTAIN_N_METRICS; m++)
    {
      g_autofree char *value = NULL, *target = NULL, *change = NULL, *subtitle = NULL;
      gboolean         on_card = FALSE;

      for (guint c = 0; c < ATTAIN_DASHBOARD_N_CARDS; c++)
        on_card |= attain_dashboard_cards[c] == m;
      if (on_card)
        continue;
      value = attain_metric_format (metrics, m, metrics->values[m].value);
      target = attain_kpi_target_line (metrics, m);
      change = attain_kpi_change_line (metrics, m);
      subtitle = change[0] != '\0' ? g_strdup_printf ("%s\n%s", target, change) : g_strdup (target);
      gtk_list_box_append (self->figures_list,
                           figure_row (_ (attain_metric_info (m)->label), subtitle, value));
    }
}

/* The open pipeline stage by stage: how many deals sit there, their amount and its weighting by
 * the stage's probability, and how long deals take to get there. */
static void
show_stages (AttainDashboardPage *self, const AttainFunnelData *funnel, const char *currency)
{
  clear_list (self->stages_list);
  for (guint i = 0; funnel != NULL && i < funnel->n_stages; i++)
    {
      const AttainFunnelStage *stage = &funnel->stages[i];
      AttainNumberStyle        style = attain_number_style_default ();
      g_autofree char *open = attain_format_money_compact (stage->open_amount, currency, style);
      g_autofree char *weighted
          = attain_format_money_compact (stage->weighted_amount, currency, style);
      g_autofree char *days
          = attain_format_value (ATTAIN_VALUE_DAYS, stage->mean_days, NULL, style);
      g_autofree char *subtitle = NULL;
      g_autofree char *count = NULL;

      /* Translators: a pipeline stage's line: open deals, their amount and the weighted amount,
       * then the mean time from a deal's creation to this stage */
      if (i == 0)
        /* Translators: the first pipeline stage's line: open deals and their amount */
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open deal · %s",
                                                 "%u open deals · %s", (gulong) stage->open_count),
                                    (guint) MIN (stage->open_count, G_MAXUINT), open);
      else
        subtitle = g_strdup_printf (
            g_dngettext (GETTEXT_PACKAGE, "%u open deal · %s · reached in %s",
                         "%u open deals · %s · reached in %s", (gulong) stage->open_count),
            (guint) MIN (stage->open_count, G_MAXUINT), open, days);
      /* Translators: the weighted amount of a stage's open deals */
      count = g_strdup_printf (_ ("Weighted %s"), weighted);
      gtk_list_box_append (self->stages_list, figure_row (stage->name, subtitle, count));
    }
}

static void
show_dashboard (AttainDashboardPage *self, AttainDashboard *dashboard)
{
  g_autofree char *period_label = NULL;
  AttainPeriod     fiscal_year = attain_period_fiscal_year (&self->period);

  g_clear_pointer (&self->dashboard, attain_dashboard_free);
  self->dashboard = dashboard;

  gtk_label_set_text (self->recognition_label, dashboard->recognition);
  gtk_widget_set_visible (GTK_WIDGET (self->recognition_box),
                          dashboard->recognition != NULL && dashboard->recognition[0] != '\0');
  adw_window_title_set_title (self->window_title, dashboard->scope_name);
  adw_window_title_set_subtitle (self->window_title, dashboard->scope_kind);
  gtk_label_set_text (self->unit_label, dashboard->scope_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->unit_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  dashboard->scope_name, -1);
  gtk_button_set_label (self->period_button, dashboard->period_label);

  for (guint i = 0; i < ATTAIN_DASHBOARD_N_CARDS; i++)
    attain_kpi_card_show_metric (self->cards[i], dashboard->metrics, attain_dashboard_cards[i]);

  period_label = attain_period_to_label (&fiscal_year);
  gtk_label_set_label (self->trend_caption, period_label);
  gtk_label_set_label (self->funnel_caption, dashboard->period_label);
  show_all_figures (self, dashboard->metrics);
  show_stages (self, dashboard->funnel, dashboard->metrics->currency);
  /* The chart views own what they draw. */
  attain_chart_view_set_trend (self->trend_chart, g_steal_pointer (&dashboard->trend));
  attain_chart_view_set_funnel (self->funnel_chart, g_steal_pointer (&dashboard->funnel));

  g_list_store_remove_all (self->ranking_store);
  for (guint i = 0; i < dashboard->ranking->len; i++)
    {
      g_autoptr (AttainRankingItem) item = attain_ranking_item_new (
          g_ptr_array_index (dashboard->ranking, i), i + 1, dashboard->metrics->currency);
      g_list_store_append (self->ranking_store, item);
    }
  gtk_label_set_label (self->ranking_caption, dashboard->ranking_is_peers
                                                  ? _ ("Team ranking by revenue attainment")
                                                  : _ ("Ranking by revenue attainment"));
  gtk_widget_set_visible (GTK_WIDGET (self->ranking_section), dashboard->ranking->len > 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.back",
                                 self->history->len > 0 || dashboard->has_parent);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.print-review",
                                 self->scope.kind == ATTAIN_SCOPE_PERSON);
}

static void
load_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (AttainDashboardPage) self = user_data;
  g_autoptr (GError) error = NULL;
  AttainDashboard *dashboard = attain_dashboard_load_finish (result, &error);

  /* Overtaken by a newer load (another period or unit), or the page is gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  gtk_spinner_set_spinning (self->spinner, FALSE);
  if (dashboard == NULL)
    {
      /* Keep nothing stale on screen: figures of another scope under this title would lie. */
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
      g_signal_emit (self, signals[LOADED], 0);
      return;
    }
  show_dashboard (self, dashboard);
  gtk_stack_set_visible_child_name (self->content_stack, "content");
  g_signal_emit (self, signals[LOADED], 0);
}

void
attain_dashboard_page_reload (AttainDashboardPage *self)
{
  g_autofree char *label = NULL;
  GDate            today;

  g_return_if_fail (ATTAIN_IS_DASHBOARD_PAGE (self));

  g_cancellable_cancel (self->load);
  g_clear_object (&self->load);
  self->load = g_cancellable_new ();
  self->loading = TRUE;
  gtk_spinner_set_spinning (self->spinner, TRUE);
  /* The period is known now; only the figures have to wait for the worker. */
  label = attain_period_to_label (&self->period);
  gtk_button_set_label (self->period_button, label);
  attain_context_get_today (self->context, &today);
  attain_dashboard_load_async (attain_context_get_db_path (self->context), &self->scope,
                               &self->period, &today, self->load, load_done_cb,
                               g_object_ref (self));
}

static void
go_to (AttainDashboardPage *self, const AttainScope *scope, gboolean remember)
{
  if (attain_scope_equal (scope, &self->scope))
    return;
  if (remember)
    g_array_append_val (self->history, self->scope);
  self->scope = *scope;
  attain_session_set_scope (self->session, scope);
  attain_dashboard_page_reload (self);
}

static void
show_unit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainDashboardPage *self = ATTAIN_DASHBOARD_PAGE (widget);
  AttainScope          scope;

  if (!attain_scope_parse (g_variant_get_string (parameter, NULL), &scope))
    {
      g_warning ("Not a scope: %s", g_variant_get_string (parameter, NULL));
      return;
    }
  go_to (self, &scope, TRUE);
}

static void
back_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainDashboardPage *self = ATTAIN_DASHBOARD_PAGE (widget);

  /* Back returns to where the director came from; with no history, up to the parent unit. */
  if (self->history->len > 0)
    {
      AttainScope previous = g_array_index (self->history, AttainScope, self->history->len - 1);
      g_array_set_size (self->history, self->history->len - 1);
      go_to (self, &previous, FALSE);
    }
  else if (self->dashboard != NULL && self->dashboard->has_parent)
    go_to (self, &self->dashboard->parent, FALSE);
}

/* The person's review for the period on screen: the session's, so the Reviews page prints it. */
static void
print_review_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  if (ATTAIN_DASHBOARD_PAGE (widget)->scope.kind == ATTAIN_SCOPE_PERSON)
    gtk_widget_activate_action (widget, "win.print-review", NULL);
}

static void
refresh_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  attain_dashboard_page_reload (ATTAIN_DASHBOARD_PAGE (widget));
}

static void
on_session_period_cb (AttainDashboardPage *self)
{
  self->period = *attain_session_get_period (self->session);
  attain_dashboard_page_reload (self);
}

static void
on_session_scope_cb (AttainDashboardPage *self)
{
  AttainScope scope;

  /* Another page chose a person or unit: the dashboard follows, and Back returns from it. */
  if (attain_session_get_scope (self->session, &scope)
      && !attain_scope_equal (&scope, &self->scope))
    go_to (self, &scope, self->dashboard != NULL);
}

static void
on_ranking_view_activate_cb (AttainDashboardPage *self, guint position)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (self->ranking_view));
  g_autoptr (AttainRankingItem) item = g_list_model_get_item (model, position);

  if (item != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "dashboard.show-unit", "s",
                                attain_ranking_item_get_scope (item));
}

static void
on_unit_list_activate_cb (AttainDashboardPage *self, guint position)
{
  g_autoptr (AttainOrgItem) item
      = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (self->unit_list)), position);

  if (item == NULL)
    return;
  gtk_popover_popdown (self->unit_popover);
  gtk_widget_activate_action (GTK_WIDGET (self), "dashboard.show-unit", "s",
                              attain_org_item_get_scope (item));
}

static void
on_unit_search_changed_cb (AttainDashboardPage *self)
{
  gtk_string_filter_set_search (self->unit_filter,
                                gtk_editable_get_text (GTK_EDITABLE (self->unit_search)));
}

static void
on_unit_search_activate_cb (AttainDashboardPage *self)
{
  /* Enter picks the first match, so typing a name and Enter is enough. */
  on_unit_list_activate_cb (self, 0);
}

static void
reload_org (AttainDashboardPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) items
      = attain_org_item_list (attain_context_get_db (self->context), &error);
  GtkFilterListModel *filtered;

  if (items == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  self->unit_filter
      = gtk_string_filter_new (gtk_property_expression_new (ATTAIN_TYPE_ORG_ITEM, NULL, "name"));
  filtered = gtk_filter_list_model_new (g_steal_pointer (&items),
                                        GTK_FILTER (g_object_ref (self->unit_filter)));
  gtk_list_view_set_model (self->unit_list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (filtered))));
  g_object_unref (self->unit_filter); /* the filter model holds it; keep a borrowed pointer */
}

static void
on_context_changed_cb (AttainDashboardPage *self, guint changes)
{
  /* Review text, saved as it is typed, touches nothing shown here: no reload while typing. */
  if ((changes & ~ATTAIN_DB_CHANGE_REVIEWS) == 0)
    return;
  /* A first company (the demo) starts the page at the top; later writes (goals) only refresh
   * what the director is looking at. */
  if (self->dashboard == NULL)
    {
      g_array_set_size (self->history, 0);
      if (!attain_org_company (attain_context_get_db (self->context), &self->scope, NULL))
        return;
      attain_session_set_scope (self->session, &self->scope);
      reload_org (self);
    }
  attain_dashboard_page_reload (self);
}

static void
attain_dashboard_page_constructed (GObject *object)
{
  AttainDashboardPage *self = ATTAIN_DASHBOARD_PAGE (object);

  G_OBJECT_CLASS (attain_dashboard_page_parent_class)->constructed (object);

  g_return_if_fail (self->context != NULL);
  self->session = g_object_ref (attain_context_get_session (self->context));
  self->period = *attain_session_get_period (self->session);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "session",
                                  attain_session_get_actions (self->session));
  g_signal_connect_object (self->session, "notify::period", G_CALLBACK (on_session_period_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::scope", G_CALLBACK (on_session_scope_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "changed", G_CALLBACK (on_context_changed_cb), self,
                           G_CONNECT_SWAPPED);
  if (attain_session_get_scope (self->session, &self->scope)
      || attain_org_company (attain_context_get_db (self->context), &self->scope, NULL))
    {
      attain_session_set_scope (self->session, &self->scope);
      reload_org (self);
      attain_dashboard_page_reload (self);
    }
}

static void
attain_dashboard_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AttainDashboardPage *self = ATTAIN_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attain_dashboard_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AttainDashboardPage *self = ATTAIN_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
export_metrics_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainDashboardPage *self = ATTAIN_DASHBOARD_PAGE (widget);
  GtkRoot             *root = gtk_widget_get_root (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *period = attain_period_to_string (&self->period);
  /* Translators: suggested file name, %s is the period (2026-Q3) */
  g_autofree char *name = g_strdup_printf (_ ("metrics-%s.xlsx"), period);
  AttainTable     *table;
  GDate            today;

  if (!ATTAIN_IS_WINDOW (root))
    return;
  attain_context_get_today (self->context, &today);
  /* Every person's metrics for the period the dashboard shows. */
  table = attain_export_metrics (attain_context_get_db (self->context), &self->period, &today,
                                 &error);
  if (table == NULL)
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
      return;
    }
  attain_window_export_table (ATTAIN_WINDOW (root), table, name);
}

static void
attain_dashboard_page_dispose (GObject *object)
{
  AttainDashboardPage *self = ATTAIN_DASHBOARD_PAGE (object);
  GtkWidget           *child;

  /* A load still running ends cancelled; its callback holds the page until then. */
  g_cancellable_cancel (self->load);
  g_clear_object (&self->load);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATTAIN_TYPE_DASHBOARD_PAGE);
  /* Template children without an id are not cleared by dispose_template. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->context);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (attain_dashboard_page_parent_class)->dispose (object);
}

static void
attain_dashboard_page_finalize (GObject *object)
{
  AttainDashboardPage *self = ATTAIN_DASHBOARD_PAGE (object);

  g_clear_pointer (&self->dashboard, attain_dashboard_free);
  g_clear_pointer (&self->history, g_array_unref);
  G_OBJECT_CLASS (attain_dashboard_page_parent_class)->finalize (object);
}

static void
attain_dashboard_page_class_init (AttainDashboardPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = attain_dashboard_page_constructed;
  object_class->dispose = attain_dashboard_page_dispose;
  object_class->finalize = attain_dashboard_page_finalize;
  object_class->get_property = attain_dashboard_page_get_property;
  object_class->set_property = attain_dashboard_page_set_property;

  properties[PROP_CONTEXT]
      = g_param_spec_object ("context", NULL, NULL, ATTAIN_TYPE_CONTEXT,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (ATTAIN_TYPE_CHART_VIEW);
  g_type_ensure (ATTAIN_TYPE_RANKING_ITEM);
  g_type_ensure (ATTAIN_TYPE_ORG_ITEM);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/attain/Attain/ui/attain-dashboard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AttainDashboardPage, cards_box);
  gtk_widget_class_bind_template_child (widget_class, AttainDashboardPage, recognition_box);
  gtk_widget_class_bind_template_child (widget_class, AttainDashboardPage, recognition_label);
  gtk_widget_class_bind_template_child (widget_class, AttainDashboardPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AttainDashboardPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, AttainDashboardPage, funnel_caption);
  gtk_widget_class_bind_template_child (widget_class, AttainDashboardPage, funnel_chart);
  gtk_widget_class_bind_template_child (widget_class, AttainDashboardPage, figures_list);
  gtk_widget_class_bind_template_child (widget_class, AttainDashboardPage, stages_list);
  gtk_widget_class_bind_template_child (widget_class, AttainDashboardPage, period_button);
  gtk_widget_class_bind_template_child (widget_class, AttainDashboardPage, ranking_caption);
  gtk_widget_class_bind_template_child (widget_class, AttainDashboardPage, ranking_section);
  gtk_widget_class_bind_template_child (widget_class, AttainDashboardPage, ranking_store);
  gtk_widget_class_bind_template_child (widget_class, AttainDashboardPage, ranking_view);
  gtk_widget_class_bind_template_child (widget_class, AttainDashboardPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, AttainDashboardPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AttainDashboardPage, trend_caption);
  gtk_widget_class_bind_template_child (widget_class, AttainDashboardPage, trend_chart);
  gtk_widget_class_bind_template_child (widget_class, AttainDashboardPage, unit_button);
  gtk_widget_class_bind_template_child (widget_class, AttainDashboardPage, unit_label);
  gtk_widget_class_bind_template_child (widget_class, AttainDashboardPage, unit_list);
  gtk_widget_class_bind_template_child (widget_class, AttainDashboardPage, unit_popover);
  gtk_widget_class_bind_template_child (widget_class, AttainDashboardPage, unit_search);
  gtk_widget_class_bind_template_child (widget_class, AttainDashboardPage, window_title);
  gtk_widget_class_bind_template_callback (widget_class, on_ranking_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_search_changed_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "dashboard.show-unit", "s", show_unit_action);
  gtk_widget_class_install_action (widget_class, "dashboard.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "dashboard.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "dashboard.print-review", NULL,
                                   print_review_action);
  gtk_widget_class_install_action (widget_class, "dashboard.export-metrics", NULL,
                                   export_metrics_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "dashboard.back",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "session.previous-period", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "session.next-period", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "dashboard.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "dashboard.refresh", NULL);
}

static void
attain_dashboard_page_init (AttainDashboardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  attain_column_view_align_numeric_titles (
      self->ranking_view,
      (const char *[]){ _ ("Revenue"), _ ("Target"), _ ("Variance"), _ ("Attainment"), NULL });

  gtk_stack_set_visible_child_name (self->content_stack, "content");
  self->history = g_array_new (FALSE, FALSE, sizeof (AttainScope));
  for (guint i = 0; i < ATTAIN_DASHBOARD_N_CARDS; i++)
    {
      self->cards[i] = ATTAIN_KPI_CARD (attain_kpi_card_new ());
      gtk_flow_box_append (self->cards_box, GTK_WIDGET (self->cards[i]));
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dashboard.back", FALSE);
}

GtkWidget *
attain_dashboard_page_new (AttainContext *context)
{
  return g_object_new (ATTAIN_TYPE_DASHBOARD_PAGE, "context", context, NULL);
}

gboolean
attain_dashboard_page_is_loading (AttainDashboardPage *self)
{
  g_return_val_if_fail (ATTAIN_IS_DASHBOARD_PAGE (self), FALSE);
  return self->loading;
}

const AttainDashboard *
attain_dashboard_page_get_dashboard (AttainDashboardPage *self)
{
  g_return_val_if_fail (ATTAIN_IS_DASHBOARD_PAGE (self), NULL);
  return self->dashboard;
}

AttainKpiCard *
attain_dashboard_page_get_card (AttainDashboardPage *self, const char *metric_key)
{
  g_return_val_if_fail (ATTAIN_IS_DASHBOARD_PAGE (self), NULL);

  for (guint i = 0; i < ATTAIN_DASHBOARD_N_CARDS; i++)
    if (g_strcmp0 (attain_metric_info (attain_dashboard_cards[i])->key, metric_key) == 0)
      return self->cards[i];
  return NULL;
}

GListModel *
attain_dashboard_page_get_ranking (AttainDashboardPage *self)
{
  g_return_val_if_fail (ATTAIN_IS_DASHBOARD_PAGE (self), NULL);
  return G_LIST_MODEL (gtk_column_view_get_model (self->ranking_view));
}

const char *
attain_dashboard_page_get_title (AttainDashboardPage *self)
{
  g_return_val_if_fail (ATTAIN_IS_DASHBOARD_PAGE (self), NULL);
  return adw_window_title_get_title (self->window_title);
}

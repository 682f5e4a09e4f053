/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-chart-view.h"

#include <glib/gi18n.h>

#include "charts/attain-funnel-chart.h"
#include "charts/attain-payout-chart.h"
#include "charts/attain-rating-chart.h"
#include "charts/attain-trend-chart.h"

struct _AttainChartView
{
  GtkWidget                 parent_instance;
  AttainTrendData          *trend;
  AttainFunnelData         *funnel;
  AttainRatingDistribution *rating;
  AttainPayoutData         *payout;
  int                       hover;
  cairo_surface_t *measure_surface; /* for hit tests outside snapshot, which measure text */
};

G_DEFINE_FINAL_TYPE (AttainChartView, attain_chart_view, GTK_TYPE_WIDGET)

static void
style_from_widget (GtkWidget *widget, AttainChartStyle *style)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA          fg, accent;

  attain_chart_style_init_light (style);
  /* Follow the theme so the chart stays readable in dark mode. */
  gtk_style_context_get_color (context, &fg);
  style->foreground = (AttainRgba){ fg.red, fg.green, fg.blue, fg.alpha };
  style->dim = (AttainRgba){ fg.red, fg.green, fg.blue, 0.65 };
  style->grid = (AttainRgba){ fg.red, fg.green, fg.blue, 0.12 };
  style->target = (AttainRgba){ fg.red, fg.green, fg.blue, 0.8 };
  if (gtk_style_context_lookup_color (context, "accent_bg_color", &accent))
    {
      style->actual = (AttainRgba){ accent.red, accent.green, accent.blue, 1.0 };
      style->highlight = (AttainRgba){ accent.red, accent.green, accent.blue, 0.12 };
    }
  {
    PangoContext               *pango = gtk_widget_get_pango_context (widget);
    const PangoFontDescription *font = pango_context_get_font_description (pango);
    int                         size = font ? pango_font_description_get_size (font) : 0;
    /* Font sizes are in points; the chart wants pixels. */
    if (size > 0)
      style->font_size = (double) size / PANGO_SCALE
                         * (pango_font_description_get_size_is_absolute (font) ? 1.0 : 96.0 / 72.0);
  }
}

static void
attain_chart_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  AttainChartView *self = ATTAIN_CHART_VIEW (widget);
  int              width = gtk_widget_get_width (widget);
  int              height = gtk_widget_get_height (widget);
  AttainChartStyle style;
  cairo_t         *cr;

  if (self->trend == NULL && self->funnel == NULL && self->rating == NULL && self->payout == NULL)
    return;

  style_from_widget (widget, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->trend != NULL)
    attain_trend_chart_draw (cr, self->trend, &style, width, height, self->hover);
  else if (self->funnel != NULL)
    attain_funnel_chart_draw (cr, self->funnel, &style, width, height);
  else if (self->payout != NULL)
    attain_payout_chart_draw (cr, self->payout, &style, width, height);
  else
    attain_rating_chart_draw (cr, self->rating, &style, width, height);
  cairo_destroy (cr);
}

/* A view shows one chart: setting one drops the others. */
static void
clear_data (AttainChartView *self)
{
  g_clear_pointer (&self->trend, attain_trend_data_free);
  g_clear_pointer (&self->funnel, attain_funnel_data_free);
  g_clear_pointer (&self->rating, g_free);
  g_clear_pointer (&self->payout, attain_payout_data_free);
}

static void
set_hover (AttainChartView *self, int hover)
{
  if (self->hover == hover)
    return;
  self->hover = hover;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion_cb (GtkEventControllerMotion *controller, double x, double y, AttainChartView *self)
{
  AttainChartStyle style;
  cairo_t         *cr;

  if (self->trend == NULL)
    return;
  style_from_widget (GTK_WIDGET (self), &style);
  cr = cairo_create (self->measure_surface);
  set_hover (self, attain_trend_chart_index_at (cr, self->trend, &style,
                                                gtk_widget_get_width (GTK_WIDGET (self)),
                                                gtk_widget_get_height (GTK_WIDGET (self)), x, y));
  cairo_destroy (cr);
}

static void
on_leave_cb (GtkEventControllerMotion *controller, AttainChartView *self)
{
  set_hover (self, -1);
}

static void
attain_chart_view_finalize (GObject *object)
{
  AttainChartView *self = ATTAIN_CHART_VIEW (object);

  clear_data (self);
  g_clear_pointer (&self->measure_surface, cairo_surface_destroy);
  G_OBJECT_CLASS (attain_chart_view_parent_class)->finalize (object);
}

static void
attain_chart_view_class_init (AttainChartViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = attain_chart_view_finalize;
  widget_class->snapshot = attain_chart_view_snapshot;
  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
attain_chart_view_init (AttainChartView *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Chart, no figures yet"), -1);
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->hover = -1;
  self->measure_surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
}

void
attain_chart_view_set_trend (AttainChartView *self, AttainTrendData *trend)
{
  g_return_if_fail (ATTAIN_IS_CHART_VIEW (self));

  clear_data (self);
  self->trend = trend;
  self->hover = -1;
  if (trend != NULL)
    {
      g_autofree char *description = attain_trend_chart_describe (trend);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ ("Revenue by month"), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      description, -1);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
attain_chart_view_set_funnel (AttainChartView *self, AttainFunnelData *funnel)
{
  g_return_if_fail (ATTAIN_IS_CHART_VIEW (self));

  clear_data (self);
  self->funnel = funnel;
  if (funnel != NULL)
    {
      g_autofree char *description = attain_funnel_chart_describe (funnel);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ ("Sales funnel"), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      description, -1);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), attain_funnel_chart_explanation ());
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
attain_chart_view_set_rating (AttainChartView *self, const AttainRatingDistribution *rating)
{
  g_autofree char *description = NULL;

  g_return_if_fail (ATTAIN_IS_CHART_VIEW (self));
  g_return_if_fail (rating != NULL);

  clear_data (self);
  self->rating = g_memdup2 (rating, sizeof *rating);
  description = attain_rating_chart_describe (rating);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Rating distribution"), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
attain_chart_view_get_hover (AttainChartView *self)
{
  g_return_val_if_fail (ATTAIN_IS_CHART_VIEW (self), -1);
  return self->hover;
}

void
attain_chart_view_set_payout (AttainChartView *self, GArray *curve, GArray *people)
{
  g_autofree char *description = NULL;

  g_return_if_fail (ATTAIN_IS_CHART_VIEW (self));
  clear_data (self);
  self->payout = attain_payout_data_new (curve, people);
  description = attain_payout_chart_describe (self->payout);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Payout curve"), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-trend-chart.h"

#include "model/attain-gettext.h"

#include <math.h>

typedef struct
{
  double         left, top, right, bottom;
  double         slot;
  double         axis_max;
  double         step;
  AttainAxisUnit unit;
  double         label_size;
} Geometry;

static char *
axis_label (const AttainTrendData *data, double value, AttainAxisUnit unit)
{
  g_autofree char *number
      = attain_format_axis_value (data->kind == ATTAIN_VALUE_MONEY ? value / 100.0 : value, unit);

  if (data->kind == ATTAIN_VALUE_MONEY)
    return g_strdup_printf ("%s%s", attain_currency_symbol (data->currency), number);
  return g_steal_pointer (&number);
}

static double
text_width (cairo_t                *cr,
            const AttainChartStyle *style,
            double                  size,
            const char             *text,
            double                 *height)
{
  g_autoptr (PangoLayout) layout = attain_chart_layout (cr, style, size, FALSE, text);
  double w, h;

  attain_chart_layout_size (layout, &w, &h);
  if (height != NULL)
    *height = h;
  return w;
}

#define LEGEND_ITEMS 4

/* Where each legend entry goes (x, and its row) within [left, right]: entries move to a new
 * row rather than run past the chart's edge. Returns the number of rows. */
static int
legend_positions (cairo_t                *cr,
                  const AttainTrendData  *data,
                  const AttainChartStyle *style,
                  double                  left,
                  double                  right,
                  double                  x_out[LEGEND_ITEMS],
                  int                     row_out[LEGEND_ITEMS])
{
  const char *labels[LEGEND_ITEMS]
      = { data->actual_label, data->target_label, data->previous_label, data->partial_label };
  double x = left;
  int    row = 0;

  for (int i = 0; i < LEGEND_ITEMS; i++)
    {
      double width;

      row_out[i] = -1;
      if (labels[i] == NULL)
        continue;
      width = 18 + text_width (cr, style, style->font_size * 0.9, labels[i], NULL);
      if (x > left && x + width > right)
        {
          row++;
          x = left;
        }
      x_out[i] = x;
      row_out[i] = row;
      x += width + 16;
    }
  return row + 1;
}

static void
compute_geometry (cairo_t                *cr,
                  const AttainTrendData  *data,
                  const AttainChartStyle *style,
                  double                  width,
                  double                  height,
                  Geometry               *g)
{
  double max = 0, label_h = 0, widest = 0;

  for (guint i = 0; i < data->n_points; i++)
    {
      if (isfinite (data->actual[i]))
        max = MAX (max, data->actual[i]);
      if (isfinite (data->target[i]))
        max = MAX (max, data->target[i]);
      if (isfinite (data->previous[i]))
        max = MAX (max, data->previous[i]);
    }
  if (max <= 0)
    max = data->kind == ATTAIN_VALUE_MONEY ? 100000 : 10;

  g->label_size = style->font_size * 0.9;
  g->step = attain_chart_nice_step (max, 4);
  g->axis_max = ceil (max / g->step) * g->step;
  g->unit = attain_axis_unit_for (
      data->kind == ATTAIN_VALUE_MONEY ? g->axis_max / 100.0 : g->axis_max, data->style);

  for (double v = 0; v <= g->axis_max + g->step / 2; v += g->step)
    {
      g_autofree char *label = axis_label (data, v, g->unit);
      widest = MAX (widest, text_width (cr, style, g->label_size, label, &label_h));
    }

  g->left = ceil (widest + 10);
  {
    double x[LEGEND_ITEMS];
    int    rows[LEGEND_ITEMS];
    int    n_rows = legend_positions (cr, data, style, g->left, width - 8, x, rows);
    g->top = ceil (style->font_size * (2.2 + 1.4 * (n_rows - 1)));
  }
  g->right = width - 8;
  g->bottom = height - ceil (label_h + 8);
  g->slot = data->n_points > 0 ? (g->right - g->left) / data->n_points : 0;
}

static double
y_of (const Geometry *g, double value)
{
  return g->bottom - (g->bottom - g->top) * (value / g->axis_max);
}

static void
draw_legend (cairo_t                *cr,
             const AttainTrendData  *data,
             const AttainChartStyle *style,
             const Geometry         *g)
{
  const char *labels[LEGEND_ITEMS]
      = { data->actual_label, data->target_label, data->previous_label, data->partial_label };
  const AttainRgba *colors[LEGEND_ITEMS]
      = { &style->actual, &style->target, &style->previous, &style->actual };
  double xs[LEGEND_ITEMS];
  int    rows[LEGEND_ITEMS];

  legend_positions (cr, data, style, g->left, g->right, xs, rows);
  for (int i = 0; i < LEGEND_ITEMS; i++)
    {
      g_autoptr (PangoLayout) layout = NULL;
      double w, h;
      double x = xs[i];
      double cy = style->font_size * (0.8 + 1.4 * rows[i]);

      if (labels[i] == NULL || rows[i] < 0)
        continue;
      attain_chart_set_color (cr, colors[i]);
      if (i == 0)
        {
          cairo_rectangle (cr, x, cy - 5, 12, 10);
          cairo_fill (cr);
        }
      else if (i == 3)
        {
          double dash[] = { 3, 2 };
          cairo_set_line_width (cr, 1);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_rectangle (cr, x + 0.5, cy - 4.5, 11, 9);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      else
        {
          double dash[] = { 4, 3 };
          cairo_set_line_width (cr, 2);
          if (i == 1)
            cairo_set_dash (cr, dash, 2, 0);
          cairo_move_to (cr, x, cy);
          cairo_line_to (cr, x + 14, cy);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      x += 18;
      layout = attain_chart_layout (cr, style, style->font_size * 0.9, FALSE, labels[i]);
      attain_chart_layout_size (layout, &w, &h);
      attain_chart_set_color (cr, &style->foreground);
      cairo_move_to (cr, x, cy - h / 2);
      pango_cairo_show_layout (cr, layout);
      x += w + 16;
    }
}

static void
draw_series_line (cairo_t          *cr,
                  const Geometry   *g,
                  const double     *values,
                  guint             n,
                  const AttainRgba *color,
                  gboolean          dashed)
{
  double   dash[] = { 5, 4 };
  gboolean drawing = FALSE;

  attain_chart_set_color (cr, color);
  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (dashed)
    cairo_set_dash (cr, dash, 2, 0);
  for (guint i = 0; i < n; i++)
    {
      double x = g->left + g->slot * (i + 0.5);
      if (!isfinite (values[i]))
        {
          drawing = FALSE;
          continue;
        }
      if (drawing)
        cairo_line_to (cr, x, y_of (g, values[i]));
      else
        cairo_move_to (cr, x, y_of (g, values[i]));
      drawing = TRUE;
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  for (guint i = 0; i < n; i++)
    if (isfinite (values[i]))
      {
        cairo_arc (cr, g->left + g->slot * (i + 0.5), y_of (g, values[i]), 2.5, 0, 2 * G_PI);
        cairo_fill (cr);
      }
}

static void
draw_tooltip (cairo_t                *cr,
              const AttainTrendData  *data,
              const AttainChartStyle *style,
              const Geometry         *g,
              int                     index)
{
  g_autoptr (GString) text = g_string_new (NULL);
  const double *series[3] = { data->actual, data->target, data->previous };
  const char   *names[3] = { data->actual_label, data->target_label, data->previous_label };
  g_autoptr (PangoLayout) layout = NULL;
  double w, h, x, y, pad = 6;

  g_string_append (text, data->labels[index]);
  for (int s = 0; s < 3; s++)
    {
      g_autofree char *value
          = attain_format_value (data->kind, series[s][index], data->currency, data->style);
      g_string_append_printf (text, "\n%s  %s", names[s], value);
    }

  layout = attain_chart_layout (cr, style, style->font_size * 0.9, FALSE, text->str);
  attain_chart_layout_size (layout, &w, &h);
  x = g->left + g->slot * (index + 1) + 4;
  if (x + w + 2 * pad > g->right)
    x = g->left + g->slot * index - w - 2 * pad - 4;
  x = MAX (x, 0);
  y = g->top + 4;

  attain_chart_set_color (cr, &style->tooltip_background);
  cairo_rectangle (cr, x, y, w + 2 * pad, h + 2 * pad);
  cairo_fill (cr);
  attain_chart_set_color (cr, &style->tooltip_foreground);
  cairo_move_to (cr, x + pad, y + pad);
  pango_cairo_show_layout (cr, layout);
}

void
attain_trend_chart_draw (cairo_t                *cr,
                         const AttainTrendData  *data,
                         const AttainChartStyle *style,
                         double                  width,
                         double                  height,
                         int                     hover_index)
{
  Geometry g;
  double   label_every = 1;
  double   widest_x = 0;

  g_return_if_fail (cr != NULL && data != NULL && style != NULL);
  if (width < 80 || height < 60 || data->n_points == 0)
    return;

  cairo_save (cr);
  compute_geometry (cr, data, style, width, height, &g);

  /* Horizontal grid and y labels; lines on half pixels stay crisp on screen. */
  for (double v = 0; v <= g.axis_max + g.step / 2; v += g.step)
    {
      g_autofree char *label = axis_label (data, v, g.unit);
      g_autoptr (PangoLayout) layout = attain_chart_layout (cr, style, g.label_size, FALSE, label);
      double y = floor (y_of (&g, v)) + 0.5, w, h;

      attain_chart_set_color (cr, &style->grid);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, g.left, y);
      cairo_line_to (cr, g.right, y);
      cairo_stroke (cr);

      attain_chart_layout_size (layout, &w, &h);
      attain_chart_set_color (cr, &style->dim);
      cairo_move_to (cr, g.left - 6 - w, y - h / 2);
      pango_cairo_show_layout (cr, layout);
    }

  /* The period under review, shaded behind its months. */
  if (data->period_first >= 0 && data->period_last >= data->period_first
      && (guint) data->period_last < data->n_points)
    {
      AttainRgba band = style->highlight;
      band.alpha = MIN (1.0, band.alpha * 1.6);
      attain_chart_set_color (cr, &band);
      cairo_rectangle (cr, g.left + g.slot * data->period_first, g.top,
                       g.slot * (data->period_last - data->period_first + 1), g.bottom - g.top);
      cairo_fill (cr);
    }

  if (hover_index >= 0 && (guint) hover_index < data->n_points)
    {
      attain_chart_set_color (cr, &style->highlight);
      cairo_rectangle (cr, g.left + g.slot * hover_index, g.top, g.slot, g.bottom - g.top);
      cairo_fill (cr);
    }

  /* The running month's column: outlined and lighter, it holds only the days gone by. */
  if (data->partial_index >= 0 && (guint) data->partial_index < data->n_points
      && isfinite (data->actual[data->partial_index]) && data->actual[data->partial_index] > 0)
    {
      AttainRgba light = style->actual;
      double     bar = MAX (2, g.slot * 0.55);
      double     x = g.left + g.slot * (data->partial_index + 0.5) - bar / 2;
      double     top = y_of (&g, data->actual[data->partial_index]);
      double     dash[] = { 3, 2 };

      light.alpha *= 0.35;
      attain_chart_set_color (cr, &light);
      cairo_rectangle (cr, round (x), round (top), round (bar), g.bottom - round (top));
      cairo_fill (cr);
      attain_chart_set_color (cr, &style->actual);
      cairo_set_line_width (cr, 1);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_rectangle (cr, round (x) + 0.5, round (top) + 0.5, round (bar) - 1,
                       g.bottom - round (top) - 1);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  /* Actual as columns. */
  attain_chart_set_color (cr, &style->actual);
  for (guint i = 0; i < data->n_points; i++)
    if (isfinite (data->actual[i]) && data->actual[i] > 0 && (int) i != data->partial_index)
      {
        double bar = MAX (2, g.slot * 0.55);
        double x = g.left + g.slot * (i + 0.5) - bar / 2;
        double top = y_of (&g, data->actual[i]);
        cairo_rectangle (cr, round (x), round (top), round (bar), g.bottom - round (top));
      }
  cairo_fill (cr);

  draw_series_line (cr, &g, data->previous, data->n_points, &style->previous, FALSE);
  draw_series_line (cr, &g, data->target, data->n_points, &style->target, TRUE);

  /* X labels, thinned when they would collide. */
  for (guint i = 0; i < data->n_points; i++)
    widest_x = MAX (widest_x, text_width (cr, style, g.label_size, data->labels[i], NULL));
  while (g.slot * label_every < widest_x + 4 && label_every < data->n_points)
    label_every++;
  for (guint i = 0; i < data->n_points; i += (guint) label_every)
    {
      g_autoptr (PangoLayout) layout
          = attain_chart_layout (cr, style, g.label_size, FALSE, data->labels[i]);
      double w, h;
      attain_chart_layout_size (layout, &w, &h);
      attain_chart_set_color (cr, &style->dim);
      cairo_move_to (cr, g.left + g.slot * (i + 0.5) - w / 2, g.bottom + 4);
      pango_cairo_show_layout (cr, layout);
    }

  /* Baseline. */
  attain_chart_set_color (cr, &style->dim);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, g.left, floor (g.bottom) + 0.5);
  cairo_line_to (cr, g.right, floor (g.bottom) + 0.5);
  cairo_stroke (cr);

  draw_legend (cr, data, style, &g);
  if (hover_index >= 0 && (guint) hover_index < data->n_points)
    draw_tooltip (cr, data, style, &g, hover_index);
  cairo_restore (cr);
}

int
attain_trend_chart_index_at (cairo_t                *cr,
                             const AttainTrendData  *data,
                             const AttainChartStyle *style,
                             double                  width,
                             double                  height,
                             double                  x,
                             double                  y)
{
  Geometry g;
  int      index;

  g_return_val_if_fail (cr != NULL && data != NULL && style != NULL, -1);
  if (width < 80 || height < 60 || data->n_points == 0)
    return -1;
  compute_geometry (cr, data, style, width, height, &g);
  if (x < g.left || x >= g.right || y < g.top || y > g.bottom || g.slot <= 0)
    return -1;
  index = (int) floor ((x - g.left) / g.slot);
  return index < (int) data->n_points ? index : -1;
}

char *
attain_trend_chart_describe (const AttainTrendData *data)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (data != NULL, NULL);
  for (guint i = 0; i < data->n_points; i++)
    {
      g_autofree char *actual
          = attain_format_value (data->kind, data->actual[i], data->currency, data->style);
      g_autofree char *target
          = attain_format_value (data->kind, data->target[i], data->currency, data->style);
      g_autofree char *previous
          = attain_format_value (data->kind, data->previous[i], data->currency, data->style);

      if (out->len > 0)
        g_string_append (out, _ ("; "));
      /* Translators: one month of the trend read aloud: month, actual, target, last year */
      g_string_append_printf (out, _ ("%s: %s, target %s, last year %s"), data->labels[i],
                              isnan (data->actual[i]) ? _ ("not yet") : actual, target, previous);
      if ((int) i == data->partial_index)
        g_string_append_printf (out, " (%s)", data->partial_label ? data->partial_label : "");
    }
  return g_string_free (out, FALSE);
}

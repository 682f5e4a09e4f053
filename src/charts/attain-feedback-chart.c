/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-feedback-chart.h"

#include "model/attain-gettext.h"
#include <math.h>

AttainFeedbackChart *
attain_feedback_chart_new (const AttainFeedbackResult *result)
{
  AttainFeedbackChart *chart = g_new0 (AttainFeedbackChart, 1);

  for (guint d = 0; d < ATTAIN_FEEDBACK_N_DIMENSIONS; d++)
    {
      double sum = 0;
      guint  n = 0;

      chart->labels[d] = g_strdup (attain_feedback_dimension_label (d));
      chart->self[d] = result->groups[ATTAIN_RATER_SELF].shown
                           ? result->groups[ATTAIN_RATER_SELF].means[d]
                           : NAN;
      /* Only groups that may be shown go into "others": one below the threshold stays out. */
      for (guint t = 0; t < ATTAIN_N_RATER_TYPES; t++)
        if (t != ATTAIN_RATER_SELF && result->groups[t].shown
            && !isnan (result->groups[t].means[d]))
          {
            sum += result->groups[t].means[d];
            n++;
          }
      chart->others[d] = n > 0 ? sum / n : NAN;
    }
  chart->self_label = g_strdup (_ ("Self"));
  chart->others_label = g_strdup (_ ("Others (mean of the groups shown)"));
  return chart;
}

void
attain_feedback_chart_free (AttainFeedbackChart *chart)
{
  if (chart == NULL)
    return;
  for (guint d = 0; d < ATTAIN_FEEDBACK_N_DIMENSIONS; d++)
    g_free (chart->labels[d]);
  g_free (chart->self_label);
  g_free (chart->others_label);
  g_free (chart);
}

static void
text_at (cairo_t                *cr,
         const AttainChartStyle *style,
         double                  size,
         const char             *text,
         double                  x,
         double                  cy,
         double                  align,
         double                 *width)
{
  g_autoptr (PangoLayout) layout = attain_chart_layout (cr, style, size, FALSE, text);
  double w, h;

  attain_chart_layout_size (layout, &w, &h);
  cairo_move_to (cr, x - w * align, cy - h / 2);
  pango_cairo_show_layout (cr, layout);
  if (width != NULL)
    *width = w;
}

static double
measure (cairo_t *cr, const AttainChartStyle *style, double size, const char *text)
{
  g_autoptr (PangoLayout) layout = attain_chart_layout (cr, style, size, FALSE, text);
  double w, h;

  attain_chart_layout_size (layout, &w, &h);
  return w;
}

void
attain_feedback_chart_draw (cairo_t                   *cr,
                            const AttainFeedbackChart *chart,
                            const AttainChartStyle    *style,
                            double                     width,
                            double                     height)
{
  double size = style->font_size * 0.9;
  double label_w = 0, left, right, top, row_h, bar_h;
  double legend_y = size * 0.8;

  g_return_if_fail (cr != NULL && chart != NULL && style != NULL);
  if (width < 160 || height < 60)
    return;
  cairo_save (cr);
  for (guint d = 0; d < ATTAIN_FEEDBACK_N_DIMENSIONS; d++)
    label_w = MAX (label_w, measure (cr, style, size, chart->labels[d]));
  left = label_w + 12;
  right = width - measure (cr, style, size, "5.0") - 8;
  top = size * 2.2;
  row_h = (height - top - size * 1.6) / ATTAIN_FEEDBACK_N_DIMENSIONS;
  bar_h = MAX (3, row_h * 0.32);

  /* Legend: the self colour, then the others'. */
  {
    double w = 0, x = left;
    attain_chart_set_color (cr, &style->previous);
    cairo_rectangle (cr, x, legend_y - size * 0.35, size * 0.7, size * 0.7);
    cairo_fill (cr);
    attain_chart_set_color (cr, &style->foreground);
    text_at (cr, style, size, chart->self_label, x + size, legend_y, 0, &w);
    x += size + w + size * 1.5;
    attain_chart_set_color (cr, &style->actual);
    cairo_rectangle (cr, x, legend_y - size * 0.35, size * 0.7, size * 0.7);
    cairo_fill (cr);
    attain_chart_set_color (cr, &style->foreground);
    text_at (cr, style, size, chart->others_label, x + size, legend_y, 0, NULL);
  }

  /* The scale, 1 to 5, with a line at each point. */
  for (int tick = 1; tick <= 5; tick++)
    {
      double x = round (left + (right - left) * (tick - 1) / 4.0) + 0.5;
      char   number[4];
      g_snprintf (number, sizeof number, "%d", tick);
      attain_chart_set_color (cr, &style->grid);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, top + row_h * ATTAIN_FEEDBACK_N_DIMENSIONS);
      cairo_stroke (cr);
      attain_chart_set_color (cr, &style->dim);
      text_at (cr, style, size, number, x, height - size * 0.7, 0.5, NULL);
    }

  for (guint d = 0; d < ATTAIN_FEEDBACK_N_DIMENSIONS; d++)
    {
      double       cy = top + row_h * (d + 0.5);
      const double values[2] = { chart->self[d], chart->others[d] };

      attain_chart_set_color (cr, &style->foreground);
      text_at (cr, style, size, chart->labels[d], label_w, cy, 1.0, NULL);
      for (guint b = 0; b < 2; b++)
        {
          double y = cy + (b == 0 ? -bar_h - 1 : 1);
          double x_end;
          char   number[16];

          if (isnan (values[b]))
            continue;
          /* A bar from the scale's start (1) to the mean. */
          x_end = left + (right - left) * (CLAMP (values[b], 1, 5) - 1) / 4.0;
          attain_chart_set_color (cr, b == 0 ? &style->previous : &style->actual);
          cairo_rectangle (cr, left, y, MAX (2, x_end - left), bar_h);
          cairo_fill (cr);
          g_ascii_formatd (number, sizeof number, "%.1f", values[b]);
          attain_chart_set_color (cr, &style->dim);
          text_at (cr, style, size * 0.9, number, MAX (2, x_end - left) + left + 4, y + bar_h / 2,
                   0, NULL);
        }
    }
  cairo_restore (cr);
}

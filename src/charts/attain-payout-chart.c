/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-payout-chart.h"

#include <math.h>

#include "model/attain-format.h"
#include "model/attain-gettext.h"

AttainPayoutData *
attain_payout_data_new (GArray *curve, GArray *people)
{
  AttainPayoutData *data = g_new0 (AttainPayoutData, 1);
  data->curve = curve;
  data->people = people;
  return data;
}

void
attain_payout_data_free (AttainPayoutData *data)
{
  if (data == NULL)
    return;
  g_clear_pointer (&data->curve, g_array_unref);
  g_clear_pointer (&data->people, g_array_unref);
  g_free (data);
}

static void
show_text (cairo_t                *cr,
           const AttainChartStyle *style,
           double                  size,
           const char             *text,
           double                  x,
           double                  y,
           double                  align)
{
  g_autoptr (PangoLayout) layout = attain_chart_layout (cr, style, size, FALSE, text);
  double w, h;

  attain_chart_layout_size (layout, &w, &h);
  cairo_move_to (cr, x - w * align, y - h / 2);
  pango_cairo_show_layout (cr, layout);
}

void
attain_payout_chart_draw (cairo_t                *cr,
                          const AttainPayoutData *data,
                          const AttainChartStyle *style,
                          double                  width,
                          double                  height)
{
  const AttainCurvePoint *points;
  double                  size = style->font_size * 0.85;
  double                  max_score = 0, max_payout = 0, step;
  double                  left, right, top, bottom;
  guint                   n;

  g_return_if_fail (cr != NULL && data != NULL && style != NULL);
  if (width < 160 || height < 100 || data->curve == NULL || data->curve->len == 0)
    return;
  points = (const AttainCurvePoint *) data->curve->data;
  n = data->curve->len;
  for (guint i = 0; i < n; i++)
    {
      max_score = MAX (max_score, points[i].score / 100.0);
      max_payout = MAX (max_payout, points[i].payout / 100.0);
    }
  for (guint i = 0; data->people != NULL && i < data->people->len / 2; i++)
    {
      const double *p = &g_array_index (data->people, double, i * 2);
      if (isfinite (p[0]))
        max_score = MAX (max_score, p[0]);
    }
  /* Room past the last point to show that the curve is flat there. */
  max_score = ceil (max_score * 1.15 / 10) * 10;
  step = attain_chart_nice_step (max_payout, 4);
  max_payout = ceil (max_payout / step) * step;

  cairo_save (cr);
  left = size * 4.2;
  right = width - size;
  top = size;
  bottom = height - size * 2.4;
#define X(score) (left + (right - left) * (score) / max_score)
#define Y(payout) (bottom - (bottom - top) * (payout) / max_payout)

  /* The payout scale and its grid. */
  cairo_set_line_width (cr, 1.0);
  for (double v = 0; v <= max_payout + 1e-9; v += step)
    {
      g_autofree char *label = attain_format_percent (v / 100.0);
      attain_chart_set_color (cr, &style->grid);
      cairo_move_to (cr, left, round (Y (v)) + 0.5);
      cairo_line_to (cr, right, round (Y (v)) + 0.5);
      cairo_stroke (cr);
      attain_chart_set_color (cr, &style->dim);
      show_text (cr, style, size, label, left - size * 0.4, Y (v), 1.0);
    }
  /* The curve's scores along the bottom. */
  attain_chart_set_color (cr, &style->dim);
  for (guint i = 0; i < n; i++)
    if (i == 0 || points[i].score != points[i - 1].score)
      {
        char score[32];
        g_ascii_formatd (score, sizeof score, "%.0f", points[i].score / 100.0);
        show_text (cr, style, size, score, X (points[i].score / 100.0), bottom + size * 1.2, 0.5);
      }

  /* The curve: nothing below the first point, then point to point, flat past the last. */
  attain_chart_set_color (cr, &style->target);
  cairo_set_line_width (cr, 2.0);
  cairo_move_to (cr, X (0), Y (0));
  cairo_line_to (cr, X (points[0].score / 100.0), Y (0));
  for (guint i = 0; i < n; i++)
    cairo_line_to (cr, X (points[i].score / 100.0), Y (points[i].payout / 100.0));
  cairo_line_to (cr, X (max_score), Y (points[n - 1].payout / 100.0));
  cairo_stroke (cr);

  /* A dot per person. */
  attain_chart_set_color (cr, &style->actual);
  for (guint i = 0; data->people != NULL && i < data->people->len / 2; i++)
    {
      const double *p = &g_array_index (data->people, double, i * 2);
      if (!isfinite (p[0]) || !isfinite (p[1]))
        continue;
      cairo_arc (cr, X (MIN (p[0], max_score)), Y (p[1] * 100), size * 0.35, 0, 2 * G_PI);
      cairo_fill (cr);
    }
#undef X
#undef Y
  cairo_restore (cr);
}

char *
attain_payout_chart_describe (const AttainPayoutData *data)
{
  GString *out = g_string_new (NULL);
  guint    people = data->people != NULL ? data->people->len / 2 : 0;

  for (guint i = 0; data->curve != NULL && i < data->curve->len; i++)
    {
      const AttainCurvePoint *p = &g_array_index (data->curve, AttainCurvePoint, i);
      g_autofree char        *payout = attain_format_percent (p->payout / 10000.0);
      char                    score[32];
      g_ascii_formatd (score, sizeof score, "%.0f", p->score / 100.0);
      if (out->len > 0)
        g_string_append (out, _ ("; "));
      /* Translators: one point of the payout curve read aloud: score, payout */
      g_string_append_printf (out, _ ("%s points pay %s"), score, payout);
    }
  g_string_append (out, ". ");
  g_string_append_printf (
      out,
      g_dngettext (GETTEXT_PACKAGE, "%u person on the curve.", "%u people on the curve.", people),
      people);
  return g_string_free (out, FALSE);
}

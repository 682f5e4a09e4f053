/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-funnel-chart.h"

#include "model/attain-gettext.h"
#include <math.h>

static void
show_text (cairo_t                *cr,
           const AttainChartStyle *style,
           double                  size,
           gboolean                bold,
           const char             *text,
           double                  x,
           double                  cy,
           double                  align, /* 0 left, 0.5 centre, 1 right of x */
           double                 *width_out)
{
  g_autoptr (PangoLayout) layout = attain_chart_layout (cr, style, size, bold, text);
  double w, h;

  attain_chart_layout_size (layout, &w, &h);
  cairo_move_to (cr, x - w * align, cy - h / 2);
  pango_cairo_show_layout (cr, layout);
  if (width_out != NULL)
    *width_out = w;
}

static double
measure (cairo_t *cr, const AttainChartStyle *style, double size, gboolean bold, const char *text)
{
  g_autoptr (PangoLayout) layout = attain_chart_layout (cr, style, size, bold, text);
  double w, h;

  attain_chart_layout_size (layout, &w, &h);
  return w;
}

void
attain_funnel_chart_draw (cairo_t                *cr,
                          const AttainFunnelData *data,
                          const AttainChartStyle *style,
                          double                  width,
                          double                  height)
{
  double name_w = 0, value_w = 0, first, row_h, conv_h, bar_h, area_left, area_w;
  double size = style->font_size * 0.9;

  g_return_if_fail (cr != NULL && data != NULL && style != NULL);
  if (width < 80 || height < 40 || data->n_stages == 0)
    return;

  cairo_save (cr);
  first = (double) data->stages[0].count;
  for (guint i = 0; i < data->n_stages; i++)
    first = MAX (first, (double) data->stages[i].count);
  if (first <= 0)
    {
      attain_chart_set_color (cr, &style->dim);
      show_text (cr, style, style->font_size, FALSE, _ ("No deals were created in this period."),
                 width / 2, height / 2, 0.5, NULL);
      cairo_restore (cr);
      return;
    }

  for (guint i = 0; i < data->n_stages; i++)
    {
      g_autofree char *amount
          = attain_format_money_compact (data->stages[i].amount, data->currency, data->style);
      name_w = MAX (name_w, measure (cr, style, size, FALSE, data->stages[i].name));
      value_w = MAX (value_w, measure (cr, style, size, FALSE, amount));
    }

  area_left = name_w + 12;
  area_w = width - area_left - value_w - 12;
  row_h = height / data->n_stages;
  conv_h = MIN (row_h * 0.4, size * 1.5);
  bar_h = MAX (6, row_h - conv_h);

  for (guint i = 0; i < data->n_stages; i++)
    {
      const AttainFunnelStage *stage = &data->stages[i];
      g_autofree char         *count = attain_format_grouped (stage->count);
      g_autofree char         *amount
          = attain_format_money_compact (stage->amount, data->currency, data->style);
      double top = i * row_h + conv_h;
      double cy = top + bar_h / 2;
      double bar_w = MAX (3, area_w * stage->count / first);
      double x = area_left + (area_w - bar_w) / 2;
      double count_w = measure (cr, style, size, TRUE, count);
      /* Deeper stages darker, the won stage green: progress reads top to bottom. */
      gboolean   last = i + 1 == data->n_stages;
      double     shade = data->n_stages > 1 ? (double) i / (data->n_stages - 1) : 0;
      AttainRgba fill = last ? (AttainRgba){ 0.18, 0.76, 0.49, 1.0 }
                             : (AttainRgba){ style->actual.red * (1 - 0.35 * shade),
                                             style->actual.green * (1 - 0.35 * shade),
                                             style->actual.blue * (1 - 0.2 * shade), 1.0 };

      attain_chart_set_color (cr, &fill);
      cairo_rectangle (cr, round (x), round (top), round (bar_w), round (bar_h));
      cairo_fill (cr);

      if (count_w + 8 < bar_w)
        {
          cairo_set_source_rgb (cr, 1, 1, 1);
          show_text (cr, style, size, TRUE, count, area_left + area_w / 2, cy, 0.5, NULL);
        }
      else
        {
          attain_chart_set_color (cr, &style->foreground);
          show_text (cr, style, size, TRUE, count, x + bar_w + 4, cy, 0, NULL);
        }

      attain_chart_set_color (cr, &style->foreground);
      show_text (cr, style, size, FALSE, stage->name, name_w, cy, 1.0, NULL);
      attain_chart_set_color (cr, &style->dim);
      show_text (cr, style, size, FALSE, amount, width, cy, 1.0, NULL);

      if (i > 0)
        {
          g_autofree char *percent = attain_format_percent (stage->conversion);
          g_autofree char *conversion = g_strdup_printf ("↓ %s", percent);
          attain_chart_set_color (cr, &style->dim);
          show_text (cr, style, size * 0.92, FALSE, conversion, area_left + area_w / 2,
                     i * row_h + conv_h / 2, 0.5, NULL);
        }
    }
  cairo_restore (cr);
}

const char *
attain_funnel_chart_explanation (void)
{
  return _ ("Each stage counts the deals that reached it in the period. The percentage between "
            "two stages is the share of the deals that reached the upper one in the period that "
            "went on to the next stage or a later one by the period's end: it never exceeds "
            "100%.");
}

char *
attain_funnel_chart_describe (const AttainFunnelData *data)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (data != NULL, NULL);
  for (guint i = 0; i < data->n_stages; i++)
    {
      const AttainFunnelStage *stage = &data->stages[i];
      g_autofree char         *count = attain_format_grouped (stage->count);
      g_autofree char         *amount
          = attain_format_money_compact (stage->amount, data->currency, data->style);

      if (out->len > 0)
        g_string_append (out, _ ("; "));
      /* Translators: one funnel stage read aloud: stage, deals that reached it, their amount */
      g_string_append_printf (out, _ ("%s: %s deals, %s"), stage->name, count, amount);
      if (!isnan (stage->conversion))
        {
          g_autofree char *share = attain_format_percent (stage->conversion);
          /* Translators: the share of the stage before that went on to this one */
          g_string_append_printf (out, _ (", %s of the stage before went on"), share);
        }
    }
  return g_string_free (out, FALSE);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-rating-chart.h"

#include "model/attain-format.h"
#include "model/attain-gettext.h"
#include <math.h>

static const char *const band_names[5] = { "S", "A", "B", "C", "D" };

static void
show_text (cairo_t                *cr,
           const AttainChartStyle *style,
           double                  size,
           gboolean                bold,
           const char             *text,
           double                  cx,
           double                  cy)
{
  g_autoptr (PangoLayout) layout = attain_chart_layout (cr, style, size, bold, text);
  double w, h;

  attain_chart_layout_size (layout, &w, &h);
  cairo_move_to (cr, cx - w / 2, cy - h / 2);
  pango_cairo_show_layout (cr, layout);
}

static guint
total_of (const AttainRatingDistribution *data)
{
  guint total = 0;
  for (guint b = 0; b < 5; b++)
    total += data->counts[b];
  return total;
}

/* A bracket under two neighbouring columns with their joint share and the guideline. */
static void
draw_group (cairo_t                *cr,
            const AttainChartStyle *style,
            double                  left,
            double                  right,
            double                  y,
            double                  size,
            const char             *text,
            gboolean                within)
{
  static const AttainRgba warning = { 0.90, 0.38, 0.0, 1.0 }; /* GNOME orange 5 */

  attain_chart_set_color (cr, within ? &style->dim : &warning);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, left, y - 4);
  cairo_line_to (cr, left, y);
  cairo_line_to (cr, right, y);
  cairo_line_to (cr, right, y - 4);
  cairo_stroke (cr);
  show_text (cr, style, size, !within, text, (left + right) / 2, y + size);
}

void
attain_rating_chart_draw (cairo_t                        *cr,
                          const AttainRatingDistribution *data,
                          const AttainChartStyle         *style,
                          double                          width,
                          double                          height)
{
  double size = style->font_size * 0.9;
  double column_w, chart_top, chart_bottom, max_count = 0;
  guint  total;

  g_return_if_fail (cr != NULL && data != NULL && style != NULL);
  if (width < 120 || height < 80)
    return;
  cairo_save (cr);
  total = total_of (data);
  if (total == 0)
    {
      attain_chart_set_color (cr, &style->dim);
      show_text (cr, style, style->font_size, FALSE, _ ("Nobody in this cycle has a rating yet."),
                 width / 2, height / 2);
      cairo_restore (cr);
      return;
    }
  for (guint b = 0; b < 5; b++)
    max_count = MAX (max_count, data->counts[b]);

  column_w = width / 5;
  chart_top = size * 2.2;                   /* room for the counts above the columns */
  chart_bottom = height - size * 2.0 * 2.4; /* the band names, then the groups' brackets */

  for (guint b = 0; b < 5; b++)
    {
      double           share = (double) data->counts[b] / total;
      double           bar_h = (chart_bottom - chart_top) * data->counts[b] / max_count;
      double           x = b * column_w + column_w * 0.2;
      g_autofree char *percent = attain_format_percent (share);
      g_autofree char *count = g_strdup_printf ("%u · %s", data->counts[b], percent);

      attain_chart_set_color (cr, &style->actual);
      cairo_rectangle (cr, round (x), round (chart_bottom - bar_h), round (column_w * 0.6),
                       round (bar_h));
      cairo_fill (cr);
      attain_chart_set_color (cr, &style->foreground);
      show_text (cr, style, size, FALSE, count, b * column_w + column_w / 2,
                 chart_bottom - bar_h - size * 0.9);
      show_text (cr, style, size * 1.15, TRUE, band_names[b], b * column_w + column_w / 2,
                 chart_bottom + size * 1.0);
    }
  attain_chart_set_color (cr, &style->grid);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, 0, round (chart_bottom) + 0.5);
  cairo_line_to (cr, width, round (chart_bottom) + 0.5);
  cairo_stroke (cr);

  {
    double           top = (double) (data->counts[0] + data->counts[1]) / total;
    double           bottom = (double) (data->counts[3] + data->counts[4]) / total;
    g_autofree char *top_share = attain_format_percent (top);
    g_autofree char *top_max = attain_format_percent (data->top_max);
    g_autofree char *bottom_share = attain_format_percent (bottom);
    g_autofree char *bottom_min = attain_format_percent (data->bottom_min);
    /* Translators: S and A's joint share against the guideline's maximum */
    g_autofree char *top_text = g_strdup_printf (_ ("S+A %s (at most %s)"), top_share, top_max);
    /* Translators: C and D's joint share against the guideline's minimum */
    g_autofree char *bottom_text
        = g_strdup_printf (_ ("C+D %s (at least %s)"), bottom_share, bottom_min);
    double y = chart_bottom + size * 2.4;

    draw_group (cr, style, column_w * 0.2, column_w * 1.8, y, size, top_text,
                top <= data->top_max + 1e-9);
    draw_group (cr, style, column_w * 3.2, column_w * 4.8, y, size, bottom_text,
                bottom >= data->bottom_min - 1e-9);
  }
  cairo_restore (cr);
}

char *
attain_rating_chart_describe (const AttainRatingDistribution *data)
{
  GString *out = g_string_new (NULL);
  guint    total;

  g_return_val_if_fail (data != NULL, NULL);
  total = total_of (data);
  for (guint b = 0; b < 5; b++)
    {
      g_autofree char *percent
          = attain_format_percent (total > 0 ? (double) data->counts[b] / total : NAN);
      if (out->len > 0)
        g_string_append (out, _ ("; "));
      /* Translators: one rating band read aloud: band, people, their share */
      g_string_append_printf (
          out,
          g_dngettext (GETTEXT_PACKAGE, "%s: %u person, %s", "%s: %u people, %s", data->counts[b]),
          band_names[b], data->counts[b], percent);
    }
  return g_string_free (out, FALSE);
}

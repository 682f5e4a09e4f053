/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Charts drawn to PNG through the same functions the window and the report use, then checked
 * pixel by pixel. The PNGs stay in the build folder for a look. */
#include "attain-test-util.h"
#include "charts/attain-funnel-chart.h"
#include "charts/attain-feedback-chart.h"
#include "charts/attain-rating-chart.h"
#include "charts/attain-trend-chart.h"

#include <math.h>

#define W 800
#define H 320

static cairo_surface_t *
white_surface (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cairo_t         *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_destroy (cr);
  return surface;
}

static void
pixel (cairo_surface_t *surface, int x, int y, int *r, int *g, int *b)
{
  guint32 value;

  cairo_surface_flush (surface);
  value = *(guint32 *) (cairo_image_surface_get_data (surface)
                        + y * cairo_image_surface_get_stride (surface) + x * 4);
  *r = (value >> 16) & 0xff;
  *g = (value >> 8) & 0xff;
  *b = value & 0xff;
}

static gboolean
is_actual_blue (int r, int g, int b)
{
  /* The light style's actual colour is rgb(54, 133, 227). */
  return ABS (r - 54) < 12 && ABS (g - 133) < 12 && ABS (b - 227) < 12;
}

static int
count_non_white (cairo_surface_t *surface)
{
  int count = 0, r, g, b;

  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++)
      {
        pixel (surface, x, y, &r, &g, &b);
        if (r < 250 || g < 250 || b < 250)
          count++;
      }
  return count;
}

static void
save (cairo_surface_t *surface, const char *name)
{
  g_autofree char *path = g_build_filename (
      g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".", name, NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
}

static AttainTrendData *
make_trend (void)
{
  AttainTrendData *data = attain_trend_data_new (12);

  data->kind = ATTAIN_VALUE_MONEY;
  data->currency = g_strdup ("CNY");
  data->style = ATTAIN_NUMBER_STYLE_SIMPLIFIED;
  data->actual_label = g_strdup ("销售额");
  data->target_label = g_strdup ("目标");
  data->previous_label = g_strdup ("去年同期");
  for (guint i = 0; i < 12; i++)
    {
      data->labels[i] = g_strdup_printf ("%u月", i + 1);
      /* Rising actuals (¥1M, ¥2M, ...), in fen; the last two months lie in the future. */
      data->actual[i] = i < 10 ? (i + 1) * 100000000.0 : NAN;
      data->target[i] = 600000000.0;
      data->previous[i] = 400000000.0;
    }
  return data;
}

static int
column_height (cairo_surface_t        *surface,
               const AttainTrendData  *data,
               const AttainChartStyle *style,
               int                     index)
{
  cairo_t *cr = cairo_create (surface);
  int      first = -1, last = -1, height = 0, r, g, b;

  /* Find the slot's x range through the chart's own hit test, then measure its column there. */
  for (int x = 0; x < W; x++)
    if (attain_trend_chart_index_at (cr, data, style, W, H, x, H / 2) == index)
      {
        if (first < 0)
          first = x;
        last = x;
      }
  cairo_destroy (cr);
  g_assert_cmpint (first, >=, 0);
  for (int y = 0; y < H; y++)
    {
      pixel (surface, (first + last) / 2, y, &r, &g, &b);
      if (is_actual_blue (r, g, b))
        height++;
    }
  return height;
}

static void
test_trend (void)
{
  g_autoptr (AttainTrendData) data = make_trend ();
  AttainChartStyle style;
  cairo_surface_t *surface = white_surface ();
  cairo_surface_t *hovered = white_surface ();
  cairo_t         *cr;
  int              h1, h5, h10, h11;

  attain_chart_style_init_light (&style);
  style.language = "zh-cn";
  cr = cairo_create (surface);
  attain_trend_chart_draw (cr, data, &style, W, H, -1);
  cairo_destroy (cr);
  save (surface, "chart-trend.png");

  g_assert_cmpint (count_non_white (surface), >, W * H / 20);
  h1 = column_height (surface, data, &style, 0);
  h5 = column_height (surface, data, &style, 4);
  h10 = column_height (surface, data, &style, 9);
  h11 = column_height (surface, data, &style, 10);
  /* Columns grow in proportion to the values: 1, 5 and 10 million (a pixel of rounding). */
  g_assert_cmpint (h1, >, 0);
  g_assert_cmpfloat_with_epsilon ((double) h10 / h5, 2.0, 0.05);
  g_assert_cmpfloat_with_epsilon ((double) h5 / h1, 5.0, 0.4);
  /* No column for a month without data. */
  g_assert_cmpint (h11, ==, 0);

  /* Hovering month 4 draws its box of values: many more dark pixels. */
  cr = cairo_create (hovered);
  attain_trend_chart_draw (cr, data, &style, W, H, 3);
  cairo_destroy (cr);
  save (hovered, "chart-trend-hover.png");
  g_assert_cmpint (count_non_white (hovered), >, count_non_white (surface) + 2000);

  /* Outside the plot there is no month to hover. */
  cr = cairo_create (surface);
  g_assert_cmpint (attain_trend_chart_index_at (cr, data, &style, W, H, 2, H / 2), ==, -1);
  g_assert_cmpint (attain_trend_chart_index_at (cr, data, &style, W, H, W - 20, H / 2), ==, 11);
  cairo_destroy (cr);

  cairo_surface_destroy (surface);
  cairo_surface_destroy (hovered);
}

static int
bar_width_at (cairo_surface_t *surface, int y)
{
  int count = 0, r, g, b;

  /* Bars are blue shades or, for the won stage, green; text and background are grey or white. */
  for (int x = 0; x < W; x++)
    {
      pixel (surface, x, y, &r, &g, &b);
      if (b > r + 60 || g > r + 60)
        count++;
    }
  return count;
}

static void
test_funnel (void)
{
  g_autoptr (AttainFunnelData) data = attain_funnel_data_new (5);
  const char      *names[] = { "线索", "需求确认", "方案报价", "商务谈判", "赢单" };
  const gint64     counts[] = { 200, 150, 90, 60, 30 };
  AttainChartStyle style;
  cairo_surface_t *surface = white_surface ();
  cairo_t         *cr;
  double           row_h = (double) H / 5, conv_h;
  int              widths[5];

  data->currency = g_strdup ("CNY");
  data->style = ATTAIN_NUMBER_STYLE_SIMPLIFIED;
  for (guint i = 0; i < 5; i++)
    {
      data->stages[i].name = g_strdup (names[i]);
      data->stages[i].count = counts[i];
      data->stages[i].amount = counts[i] * 12000000.0;
      data->stages[i].conversion = i > 0 ? (double) counts[i] / counts[i - 1] : NAN;
    }
  attain_chart_style_init_light (&style);
  style.language = "zh-cn";
  cr = cairo_create (surface);
  attain_funnel_chart_draw (cr, data, &style, W, H);
  cairo_destroy (cr);
  save (surface, "chart-funnel.png");

  conv_h = MIN (row_h * 0.4, style.font_size * 0.9 * 1.5);
  for (guint i = 0; i < 5; i++)
    {
      /* Sample a quarter into the bar, clear of the count printed in its middle. */
      int y = (int) (i * row_h + conv_h + (row_h - conv_h) * 0.2);
      widths[i] = bar_width_at (surface, y);
    }
  /* Widths follow the counts: 200 → 30 means the last bar is about 15% of the first. */
  for (guint i = 1; i < 5; i++)
    g_assert_cmpint (widths[i], <, widths[i - 1]);
  g_assert_cmpfloat_with_epsilon ((double) widths[4] / widths[0], 30.0 / 200.0, 0.03);

  cairo_surface_destroy (surface);
}

static void
test_funnel_empty (void)
{
  g_autoptr (AttainFunnelData) data = attain_funnel_data_new (3);
  AttainChartStyle style;
  cairo_surface_t *surface = white_surface ();
  cairo_t         *cr = cairo_create (surface);

  for (guint i = 0; i < 3; i++)
    data->stages[i].name = g_strdup ("x");
  attain_chart_style_init_light (&style);
  attain_funnel_chart_draw (cr, data, &style, W, H);
  cairo_destroy (cr);
  /* A sentence, no bars. */
  g_assert_cmpint (count_non_white (surface), >, 100);
  for (int y = 0; y < H; y += 4)
    g_assert_cmpint (bar_width_at (surface, y), ==, 0);
  cairo_surface_destroy (surface);
}

/* Blue pixels down the middle of a band's column: its bar's height. */
static int
band_height (cairo_surface_t *surface, guint band)
{
  int x = (int) (band * W / 5.0 + W / 10.0), r, g, b, height = 0;

  for (int y = 0; y < H; y++)
    {
      pixel (surface, x, y, &r, &g, &b);
      if (is_actual_blue (r, g, b))
        height++;
    }
  return height;
}

static int
count_warning_orange (cairo_surface_t *surface)
{
  int count = 0, r, g, b;

  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++)
      {
        pixel (surface, x, y, &r, &g, &b);
        /* GNOME orange 5, rgb(230, 97, 0), as the guideline's missed bracket. */
        if (ABS (r - 230) < 20 && ABS (g - 97) < 30 && b < 40)
          count++;
      }
  return count;
}

static void
test_rating (void)
{
  /* 1 · 2 · 4 · 2 · 1 of 10: S+A 30% (the guideline's maximum, allowed), C+D 30% (≥ 10%). */
  AttainRatingDistribution within = { { 1, 2, 4, 2, 1 }, 0.30, 0.10 };
  AttainRatingDistribution over = { { 3, 1, 1, 0, 0 }, 0.30, 0.10 };
  AttainRatingDistribution nobody = { { 0, 0, 0, 0, 0 }, 0.30, 0.10 };
  AttainChartStyle         style;
  cairo_surface_t         *surface = white_surface ();
  cairo_t                 *cr = cairo_create (surface);
  g_autofree char         *description = attain_rating_chart_describe (&within);
  int                      tallest;

  attain_chart_style_init_light (&style);
  attain_rating_chart_draw (cr, &within, &style, W, H);
  cairo_destroy (cr);
  cairo_surface_write_to_png (surface, "chart-rating.png");
  tallest = band_height (surface, 2);
  g_assert_cmpint (tallest, >, 100);
  /* Heights in proportion to the counts: S a quarter of B, A and C a half, D a quarter. */
  g_assert_cmpint (ABS (band_height (surface, 0) * 4 - tallest), <=, 4);
  g_assert_cmpint (ABS (band_height (surface, 1) * 2 - tallest), <=, 2);
  g_assert_cmpint (ABS (band_height (surface, 3) * 2 - tallest), <=, 2);
  g_assert_cmpint (ABS (band_height (surface, 4) * 4 - tallest), <=, 4);
  g_assert_cmpint (count_warning_orange (surface), ==, 0);
  g_assert_cmpstr (description, ==,
                   "S: 1 person, 10.0%; A: 2 people, 20.0%; B: 4 people, 40.0%; "
                   "C: 2 people, 20.0%; D: 1 person, 10.0%");
  cairo_surface_destroy (surface);

  /* S+A at 80% misses the guideline: its bracket turns orange; C and D have no bar. */
  surface = white_surface ();
  cr = cairo_create (surface);
  attain_rating_chart_draw (cr, &over, &style, W, H);
  cairo_destroy (cr);
  g_assert_cmpint (count_warning_orange (surface), >, 50);
  g_assert_cmpint (band_height (surface, 3), ==, 0);
  g_assert_cmpint (band_height (surface, 4), ==, 0);
  cairo_surface_destroy (surface);

  /* Nobody rated: a sentence, no bars. */
  surface = white_surface ();
  cr = cairo_create (surface);
  attain_rating_chart_draw (cr, &nobody, &style, W, H);
  cairo_destroy (cr);
  g_assert_cmpint (count_non_white (surface), >, 100);
  for (guint band = 0; band < 5; band++)
    g_assert_cmpint (band_height (surface, band), ==, 0);
  cairo_surface_destroy (surface);
}

/* The widest run of pixels of one colour on any row: a horizontal bar's length. */
static int
longest_run (cairo_surface_t *surface, gboolean (*is_colour) (int r, int g, int b))
{
  int best = 0, r, g, b;

  for (int y = 0; y < H; y++)
    {
      int run = 0;
      for (int x = 0; x < W; x++)
        {
          pixel (surface, x, y, &r, &g, &b);
          run = is_colour (r, g, b) ? run + 1 : 0;
          best = MAX (best, run);
        }
    }
  return best;
}

static gboolean
is_previous_orange (int r, int g, int b)
{
  /* The light style's previous colour is rgb(230, 145, 51). */
  return ABS (r - 230) < 12 && ABS (g - 145) < 12 && ABS (b - 51) < 12;
}

static void
test_feedback (void)
{
  AttainFeedbackResult result = { .released = TRUE };
  g_autoptr (AttainFeedbackChart) chart = NULL;
  AttainChartStyle style;
  cairo_surface_t *surface = white_surface ();
  cairo_t         *cr = cairo_create (surface);
  int              self_length, others_length;

  for (guint d = 0; d < ATTAIN_FEEDBACK_N_DIMENSIONS; d++)
    {
      result.groups[ATTAIN_RATER_SELF].means[d] = 5;
      result.groups[ATTAIN_RATER_SUPERIOR].means[d] = 3;
      /* Two peers: below the threshold, so never part of "others". */
      result.groups[ATTAIN_RATER_PEER].means[d] = 1;
      result.groups[ATTAIN_RATER_SUBORDINATE].means[d] = NAN;
      result.groups[ATTAIN_RATER_CUSTOMER].means[d] = NAN;
    }
  result.groups[ATTAIN_RATER_SELF].shown = TRUE;
  result.groups[ATTAIN_RATER_SUPERIOR].shown = TRUE;
  result.groups[ATTAIN_RATER_PEER].shown = FALSE;
  chart = attain_feedback_chart_new (&result);
  for (guint d = 0; d < ATTAIN_FEEDBACK_N_DIMENSIONS; d++)
    {
      g_assert_cmpfloat (chart->self[d], ==, 5);
      g_assert_cmpfloat (chart->others[d], ==, 3);
    }

  attain_chart_style_init_light (&style);
  attain_feedback_chart_draw (cr, chart, &style, W, H);
  cairo_destroy (cr);
  cairo_surface_write_to_png (surface, "chart-feedback.png");
  /* Bars start at 1 on the scale: 5 spans the whole scale, 3 half of it. */
  self_length = longest_run (surface, is_previous_orange);
  others_length = longest_run (surface, is_actual_blue);
  g_assert_cmpint (self_length, >, 300);
  g_assert_cmpint (ABS (self_length - 2 * others_length), <=, 4);
  cairo_surface_destroy (surface);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/charts/trend", test_trend);
  g_test_add_func ("/charts/funnel", test_funnel);
  g_test_add_func ("/charts/funnel-empty", test_funnel_empty);
  g_test_add_func ("/charts/rating", test_rating);
  g_test_add_func ("/charts/feedback", test_feedback);
  return g_test_run ();
}

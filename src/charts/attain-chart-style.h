/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue, alpha;
} AttainRgba;

/* Colors and text for one drawing target: the widget fills it from the theme, paper uses the
 * light defaults. Font sizes are in the target's own units (pixels on screen, points on paper). */
typedef struct
{
  AttainRgba  foreground;
  AttainRgba  dim;
  AttainRgba  grid;
  AttainRgba  actual;
  AttainRgba  target;
  AttainRgba  previous;
  AttainRgba  highlight;
  AttainRgba  tooltip_background;
  AttainRgba  tooltip_foreground;
  double      font_size;
  const char *language; /* "zh-cn", "zh-tw", "en"; NULL for the process default */
} AttainChartStyle;

void attain_chart_style_init_light (AttainChartStyle *style);
/* Paper: the light colours, text in points, glyphs of the report's language. */
void         attain_chart_style_init_paper (AttainChartStyle *style, const char *language);
void         attain_chart_set_color (cairo_t *cr, const AttainRgba *color);
PangoLayout *attain_chart_layout (cairo_t                *cr,
                                  const AttainChartStyle *style,
                                  double                  size,
                                  gboolean                bold,
                                  const char             *text);
void         attain_chart_layout_size (PangoLayout *layout, double *width, double *height);
double       attain_chart_nice_step (double max_value, int target_ticks);

G_END_DECLS

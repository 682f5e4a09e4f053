/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-chart-style.h"

#include <math.h>

void
attain_chart_style_init_light (AttainChartStyle *style)
{
  *style = (AttainChartStyle){
    .foreground = { 0.14, 0.14, 0.16, 1.0 },
    .dim = { 0.37, 0.37, 0.40, 1.0 },
    .grid = { 0.0, 0.0, 0.0, 0.10 },
    .actual = { 0.21, 0.52, 0.89, 1.0 }, /* GNOME blue 3 */
    .target = { 0.15, 0.16, 0.18, 0.85 },
    .previous = { 0.90, 0.57, 0.20, 1.0 }, /* GNOME orange 3 */
    .highlight = { 0.21, 0.52, 0.89, 0.12 },
    .tooltip_background = { 0.14, 0.14, 0.16, 0.92 },
    .tooltip_foreground = { 1.0, 1.0, 1.0, 1.0 },
    .font_size = 12.0,
    .language = NULL,
  };
}

void
attain_chart_style_init_paper (AttainChartStyle *style, const char *language)
{
  attain_chart_style_init_light (style);
  style->font_size = 8.0;
  style->language = language;
}

void
attain_chart_set_color (cairo_t *cr, const AttainRgba *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/* Text as cairo accepts it. GLib's UTF-8 admits the noncharacters U+FDD0..U+FDEF and U+xFFFE/U+xFFFF
 * that cairo's text output refuses: one such character in an imported name put the whole PDF's
 * cairo context in an error state (every later page blank, the file refused). They, and any
 * invalid byte, become U+FFFD. Returns NULL when @text is fine as it is. */
static char *
printable_text (const char *text)
{
  GString    *out = NULL;
  const char *p = text;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      gboolean bad = c == (gunichar) -1 || c == (gunichar) -2 || (c >= 0xFDD0 && c <= 0xFDEF)
                     || (c & 0xFFFE) == 0xFFFE;
      const char *next
          = bad && (c == (gunichar) -1 || c == (gunichar) -2) ? p + 1 : g_utf8_next_char (p);

      if (bad && out == NULL)
        out = g_string_new_len (text, p - text);
      if (bad)
        g_string_append (out, "\xef\xbf\xbd");
      else if (out != NULL)
        g_string_append_len (out, p, next - p);
      p = next;
    }
  return out != NULL ? g_string_free (out, FALSE) : NULL;
}

PangoLayout *
attain_chart_layout (cairo_t                *cr,
                     const AttainChartStyle *style,
                     double                  size,
                     gboolean                bold,
                     const char             *text)
{
  PangoLayout  *layout = pango_cairo_create_layout (cr);
  PangoContext *context = pango_layout_get_context (layout);
  /* The language alone does not pick the glyphs: fontconfig follows the process's locale for
   * "Sans", so a 繁體 report printed on a 简体 desktop came out in simplified forms. The CJK face
   * of the report's script is named first. */
  PangoFontDescription *font = pango_font_description_from_string (
      g_strcmp0 (style->language, "zh-tw") == 0   ? "Noto Sans CJK TC, Sans"
      : g_strcmp0 (style->language, "zh-cn") == 0 ? "Noto Sans CJK SC, Sans"
                                                  : "Sans");

  /* Without a language Pango picks Japanese glyph forms for Han text under a C locale; the
   * report may be printed in another language than the UI, so it is set explicitly. */
  if (style->language != NULL)
    pango_context_set_language (context, pango_language_from_string (style->language));
  /* Absolute size: the same number means pixels on screen and points on paper, whatever
   * resolution the surface reports. */
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_context_changed (layout);
  {
    g_autofree char *printable = printable_text (text);
    pango_layout_set_text (layout, printable != NULL ? printable : text, -1);
  }
  return layout;
}

void
attain_chart_layout_size (PangoLayout *layout, double *width, double *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *width = (double) logical.width / PANGO_SCALE;
  *height = (double) logical.height / PANGO_SCALE;
}

double
attain_chart_nice_step (double max_value, int target_ticks)
{
  double raw, magnitude, residual;

  if (max_value <= 0 || target_ticks < 1)
    return 1.0;
  raw = max_value / target_ticks;
  magnitude = pow (10, floor (log10 (raw)));
  residual = raw / magnitude;
  if (residual <= 1.0)
    return magnitude;
  if (residual <= 2.0)
    return 2 * magnitude;
  if (residual <= 2.5)
    return 2.5 * magnitude;
  if (residual <= 5.0)
    return 5 * magnitude;
  return 10 * magnitude;
}

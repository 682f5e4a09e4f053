/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-certificate-report.h"

#include "charts/attain-chart-style.h"
#include "model/attain-format.h"
#include "model/attain-gettext.h"
#include "model/attain-json.h"
#include "model/attain-period.h"

typedef struct
{
  char *company, *name, *title, *period, *citation, *date;
} Certificate;

static void
certificate_free (gpointer data)
{
  Certificate *c = data;
  g_free (c->company);
  g_free (c->name);
  g_free (c->title);
  g_free (c->period);
  g_free (c->citation);
  g_free (c->date);
  g_free (c);
}

/* One line of the certificate, centred at @y within @width, at most two lines ("…" after): a
 * 2,000-character name stays on the page. Returns the height used. */
static double
centred (cairo_t                *cr,
         const AttainChartStyle *style,
         const char             *text,
         double                  size,
         gboolean                bold,
         double                  width,
         double                  y)
{
  PangoLayout *layout = attain_chart_layout (cr, style, size, bold, text != NULL ? text : "");
  double       w, h;

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -2);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  attain_chart_layout_size (layout, &w, &h);
  cairo_move_to (cr, 0, y);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
  return h;
}

static void
draw_certificate (cairo_t *cr, double width, double height, const char *language, gpointer data)
{
  const Certificate *c = data;
  AttainChartStyle   style;
  const AttainRgba   accent = { 0.62, 0.11, 0.13, 1 }; /* the red of a seal */
  double             inner = width - 120, y;

  attain_chart_style_init_paper (&style, language);
  cairo_save (cr);
  /* A double frame: heavy outside, fine inside. */
  attain_chart_set_color (cr, &accent);
  cairo_set_line_width (cr, 3);
  cairo_rectangle (cr, 6, 6, width - 12, height - 12);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 0.8);
  cairo_rectangle (cr, 14, 14, width - 28, height - 28);
  cairo_stroke (cr);

  cairo_translate (cr, 60, 0);
  y = 52;
  attain_chart_set_color (cr, &accent);
  /* Translators: the heading of a printed certificate (荣誉证书) */
  y += centred (cr, &style, _ ("Certificate of Honour"), 34, TRUE, inner, y) + 30;
  attain_chart_set_color (cr, &style.dim);
  /* Translators: on a certificate, before the person's name */
  y += centred (cr, &style, _ ("Awarded to"), 13, FALSE, inner, y) + 10;
  attain_chart_set_color (cr, &style.foreground);
  y += centred (cr, &style, c->name, 30, TRUE, inner, y) + 22;
  {
    /* Translators: on a certificate: the title, then the period ("Sales champion of the
     * quarter — Q3 2026") */
    g_autofree char *line = g_strdup_printf (_ ("%s — %s"), c->title, c->period);
    y += centred (cr, &style, line, 18, TRUE, inner, y) + 14;
  }
  attain_chart_set_color (cr, &style.dim);
  centred (cr, &style, c->citation, 12, FALSE, inner, y);

  /* The company and the day, above a line to sign and seal. */
  attain_chart_set_color (cr, &style.foreground);
  {
    double       x = inner * 0.55, line_y = height - 96;
    PangoLayout *layout;
    double       w, h;
    cairo_set_line_width (cr, 0.6);
    cairo_move_to (cr, x, line_y);
    cairo_line_to (cr, inner, line_y);
    cairo_stroke (cr);
    layout = attain_chart_layout (cr, &style, 13, TRUE, c->company != NULL ? c->company : "");
    pango_layout_set_width (layout, (int) ((inner - x) * PANGO_SCALE));
    pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
    attain_chart_layout_size (layout, &w, &h);
    cairo_move_to (cr, x, line_y + 8);
    pango_cairo_show_layout (cr, layout);
    g_object_unref (layout);
    layout = attain_chart_layout (cr, &style, 11, FALSE, c->date);
    pango_layout_set_width (layout, (int) ((inner - x) * PANGO_SCALE));
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
    cairo_move_to (cr, x, line_y + 10 + h);
    pango_cairo_show_layout (cr, layout);
    g_object_unref (layout);
  }
  cairo_restore (cr);
}

AttainDocument *
attain_certificate_report (const AttainCertificate *certificate,
                           const GDate             *today,
                           const char              *language)
{
  Certificate    *c = g_new0 (Certificate, 1);
  AttainDocument *document;

  c->company = g_strdup (certificate->company);
  c->name = g_strdup (certificate->name);
  c->title = g_strdup (certificate->title);
  c->period = g_strdup (certificate->period);
  c->citation = g_strdup (certificate->citation);
  c->date = attain_date_to_iso (today);
  document = attain_document_new (language, certificate->company, NULL);
  attain_document_set_confidential (document, FALSE);
  /* The frame fills what the page leaves under its header. */
  attain_document_add_chart (document, 440, draw_certificate, c, certificate_free);
  return document;
}

AttainDocument *
attain_certificate_for_recognition (JsonNode    *recognition,
                                    const char  *company,
                                    const GDate *today,
                                    const char  *language)
{
  JsonObject      *root = json_node_get_object (recognition);
  JsonArray       *ranking = json_object_get_array_member (root, "ranking");
  JsonObject      *winner = NULL;
  g_autofree char *attainment = NULL, *citation = NULL;

  if (!json_object_get_null_member (root, "recorded"))
    winner = json_object_get_object_member (root, "recorded");
  else if (ranking != NULL && json_array_get_length (ranking) > 0)
    winner = json_array_get_object_element (ranking, 0);
  if (winner == NULL)
    return NULL;
  attainment = attain_format_percent (attain_json_get_number (winner, "attainment"));
  /* Translators: what earned a certificate: the metric, its figure, the attainment */
  citation
      = g_strdup_printf (_ ("%s %s, %s of target"), attain_json_get_string (root, "metric_label"),
                         attain_json_get_string (winner, "value_text"), attainment);
  {
    AttainCertificate certificate = { company, attain_json_get_string (winner, "name"),
                                      attain_json_get_string (root, "title"),
                                      attain_json_get_string (root, "period"), citation };
    return attain_certificate_report (&certificate, today, language);
  }
}

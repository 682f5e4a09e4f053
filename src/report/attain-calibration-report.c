/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-calibration-report.h"

#include "model/attain-cycle.h"
#include "model/attain-format.h"
#include "model/attain-gettext.h"
#include "model/attain-json.h"

static int
compare_composite_descending (gconstpointer a, gconstpointer b)
{
  double x = attain_json_get_number (*(JsonObject **) a, "composite");
  double y = attain_json_get_number (*(JsonObject **) b, "composite");

  if (isnan (x) || isnan (y))
    return isnan (x) - isnan (y);
  return (x < y) - (x > y);
}

GPtrArray *
attain_calibration_members_sorted (JsonNode *scores)
{
  JsonArray *people = json_object_get_array_member (json_node_get_object (scores), "people");
  GPtrArray *sorted = g_ptr_array_new ();

  for (guint i = 0; i < json_array_get_length (people); i++)
    g_ptr_array_add (sorted, json_array_get_object_element (people, i));
  /* Stable: equal composites keep the cycle's order. */
  g_ptr_array_sort (sorted, compare_composite_descending);
  return sorted;
}

void
attain_calibration_distribution (JsonNode *scores, AttainRatingDistribution *out)
{
  static const char *const bands[] = { "S", "A", "B", "C", "D" };
  JsonObject *d = json_object_get_object_member (json_node_get_object (scores), "distribution");

  out->top_max = attain_json_get_number (d, "top_max");
  out->bottom_min = attain_json_get_number (d, "bottom_min");
  for (guint b = 0; b < 5; b++)
    out->counts[b] = (guint) attain_json_get_number (d, bands[b]);
}

static void
draw_distribution (cairo_t *cr, double width, double height, const char *language, gpointer data)
{
  AttainChartStyle style;

  attain_chart_style_init_paper (&style, language);
  attain_rating_chart_draw (cr, data, &style, width, height);
}

AttainDocument *
attain_calibration_report (JsonNode    *scores,
                           const char  *company,
                           const GDate *today,
                           const char  *language)
{
  JsonObject      *root = json_node_get_object (scores);
  const char      *name = json_object_get_string_member (root, "name");
  g_autofree char *printed = attain_date_to_iso (today);
  /* Translators: page footer, %s is the date the page was printed */
  g_autofree char *footer = g_strdup_printf (_ ("Printed %s"), printed);
  g_autofree char *company_text = attain_isolate (company ? company : "");
  g_autofree char *name_text = attain_isolate (name);
  /* Translators: title of the printed calibration sheet, %s is the cycle's name */
  g_autofree char *title = g_strdup_printf (_ ("Calibration — %s"), name_text);
  g_autofree char *header = g_strdup_printf ("%s · %s", company_text, title);
  g_autoptr (GPtrArray) sorted = attain_calibration_members_sorted (scores);
  AttainRatingDistribution *distribution = g_new0 (AttainRatingDistribution, 1);
  AttainDocument           *document = attain_document_new (language, header, footer);
  const char               *titles[] = { "#",
                                         _ ("Full name"),
                                         _ ("Team"),
                                         _ ("Composite score"),
                                         _ ("Computed rating"),
                                         _ ("Rating"),
                                         _ ("Calibration reason"),
                                         NULL };
  static const double       shares[] = { 0.5, 1.6, 1.8, 1.2, 1.1, 0.9, 3.4 };
  static const double       aligns[] = { 1, 0, 0, 1, 0.5, 0.5, 0 };

  attain_calibration_distribution (scores, distribution);
  attain_document_add_title (document, title, company);
  attain_document_add_heading (document, _ ("Rating distribution"));
  attain_document_add_chart (document, 150, draw_distribution, distribution, g_free);
  {
    g_autofree char *guideline
        = attain_cycle_guideline_text (json_object_get_object_member (root, "distribution"));
    attain_document_add_paragraph (document, guideline);
  }

  attain_document_add_heading (document, _ ("People in order of composite score"));
  attain_document_add_table (document, titles, shares, aligns);
  for (guint i = 0; i < sorted->len; i++)
    {
      JsonObject      *p = g_ptr_array_index (sorted, i);
      g_autofree char *rank = g_strdup_printf ("%u", i + 1);
      double           composite = attain_json_get_number (p, "composite");
      g_autofree char *score = attain_format_score (composite);
      const char      *rating = attain_json_get_string (p, "rating");
      const char      *computed = json_object_has_member (p, "rating_computed")
                                      ? attain_json_get_string (p, "rating_computed")
                                      : rating;
      const char      *reason = attain_json_get_string (p, "calibration_reason");
      const char      *cells[]
          = { rank,
              attain_json_get_string (p, "name"),
              attain_json_get_string (p, "team") ? attain_json_get_string (p, "team") : "",
              score,
              computed ? computed : "—",
              rating ? rating : "—",
              reason ? reason : "",
              NULL };
      /* A moved band stands out: the meeting discusses those rows. */
      attain_document_add_table_row (document, cells, reason != NULL);
    }

  {
    const char *roles[] = { _ ("Director"), _ ("HR"), NULL };
    const char *names[] = { "", "", NULL };
    attain_document_add_heading (document, _ ("Signatures"));
    attain_document_add_signatures (document, roles, names);
  }
  return document;
}

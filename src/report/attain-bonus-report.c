/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-bonus-report.h"

#include <math.h>

#include "charts/attain-payout-chart.h"
#include "model/attain-format.h"
#include "model/attain-gettext.h"
#include "model/attain-json.h"
#include "model/attain-period.h"

static char *
money_of (JsonObject *sheet, JsonObject *row, const char *member)
{
  return attain_format_money_exact ((gint64) attain_json_get_number (row, member),
                                    attain_json_get_string (sheet, "currency"));
}

/* The sheet's curve and everyone with a variable part on it, for the chart. */
static AttainPayoutData *
payout_data (JsonObject *sheet)
{
  JsonArray *points = json_object_get_array_member (sheet, "curve");
  JsonArray *people = json_object_get_array_member (sheet, "people");
  GArray    *curve = g_array_new (FALSE, FALSE, sizeof (AttainCurvePoint));
  GArray    *dots = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; points != NULL && i < json_array_get_length (points) && i < 64; i++)
    {
      JsonArray       *pair = json_array_get_array_element (points, i);
      AttainCurvePoint point = { (int) json_array_get_int_element (pair, 0),
                                 (int) json_array_get_int_element (pair, 1) };
      g_array_append_val (curve, point);
    }
  for (guint i = 0; i < json_array_get_length (people); i++)
    {
      JsonObject *p = json_array_get_object_element (people, i);
      double      dot[2]
          = { attain_json_get_number (p, "curve_score"), attain_json_get_number (p, "payout") };
      if (attain_json_get_string (p, "missing") == NULL)
        g_array_append_vals (dots, dot, 2);
    }
  return attain_payout_data_new (curve, dots);
}

static void
draw_curve (cairo_t *cr, double width, double height, const char *language, gpointer data)
{
  AttainChartStyle style;

  attain_chart_style_init_paper (&style, language);
  attain_payout_chart_draw (cr, data, &style, width, height);
}

static char *
footer_for (const GDate *today)
{
  g_autofree char *printed = attain_date_to_iso (today);
  /* Translators: page footer, %s is the date the page was printed */
  return g_strdup_printf (_ ("Printed %s"), printed);
}

AttainDocument *
attain_bonus_sheet_report (JsonNode    *node,
                           const char  *title,
                           const char  *company,
                           const GDate *today,
                           const char  *language)
{
  JsonObject         *sheet = json_node_get_object (node);
  JsonArray          *people = json_object_get_array_member (sheet, "people");
  g_autofree char    *footer = footer_for (today);
  g_autofree char    *company_text = attain_isolate (company ? company : "");
  g_autofree char    *header = g_strdup_printf ("%s · %s", company_text, title);
  AttainDocument     *document = attain_document_new (language, header, footer);
  AttainPayoutData   *curve = payout_data (sheet);
  const char         *titles[] = { _ ("Employee no."),
                                   _ ("Full name"),
                                   _ ("Position"),
                                   _ ("Score"),
                                   _ ("Rating"),
                                   _ ("Commission"),
                                   _ ("Curve payout"),
                                   _ ("Target bonus"),
                                   _ ("Variable paid"),
                                   _ ("Awards"),
                                   _ ("Fixed pay"),
                                   _ ("Total paid"),
                                   NULL };
  static const double shares[] = { 1.0, 1.2, 1.2, 0.7, 0.75, 1.3, 0.9, 1.2, 1.25, 0.95, 1.2, 1.4 };
  static const double aligns[] = { 0, 0, 0, 1, 0.5, 1, 1, 1, 1, 1, 1, 1 };

  attain_document_add_title (document, title, company);
  if (curve->curve->len > 0)
    {
      attain_document_add_heading (document, _ ("Payout curve"));
      attain_document_add_chart (document, 140, draw_curve, curve,
                                 (GDestroyNotify) attain_payout_data_free);
    }
  else
    attain_payout_data_free (curve);
  attain_document_add_paragraph (document, attain_json_get_string (sheet, "pool_formula"));
  attain_document_add_table (document, titles, shares, aligns);
  for (guint i = 0; i < json_array_get_length (people); i++)
    {
      JsonObject      *p = json_array_get_object_element (people, i);
      g_autofree char *score = attain_format_score (attain_json_get_number (p, "composite"));
      g_autofree char *commission = money_of (sheet, p, "commission");
      g_autofree char *payout = attain_json_get_string (p, "missing") == NULL
                                    ? attain_format_percent (attain_json_get_number (p, "payout"))
                                    : g_strdup ("—");
      g_autofree char *target = money_of (sheet, p, "target_bonus");
      g_autofree char *variable = money_of (sheet, p, "pooled_paid");
      g_autofree char *awards = money_of (sheet, p, "awards");
      g_autofree char *fixed = money_of (sheet, p, "fixed");
      g_autofree char *total = money_of (sheet, p, "total_paid");
      const char      *no = attain_json_get_string (p, "employee_no");
      const char      *rating = attain_json_get_string (p, "rating");
      const char      *cells[] = { no ? no : "",
                              attain_json_get_string (p, "name"),
                              attain_json_get_string (p, "position"),
                              score,
                              rating ? rating : "—",
                              commission,
                              payout,
                              target,
                              variable,
                              awards,
                              fixed,
                              total,
                              NULL };
      attain_document_add_table_row (document, cells, FALSE);
    }
  {
    g_autofree char *total = money_of (sheet, sheet, "total_paid");
    g_autofree char *variable = money_of (sheet, sheet, "pooled_paid");
    const char      *cells[]
        = { _ ("Total"), "", "", "", "", "", "", "", variable, "", "", total, NULL };
    attain_document_add_table_row (document, cells, TRUE);
  }
  if (json_object_get_boolean_member (sheet, "approved"))
    attain_document_add_paragraph (
        document, _ ("Approved: the sheet keeps the figures it was approved with and is locked."));
  {
    const char *roles[] = { _ ("Director"), _ ("HR"), _ ("Finance"), NULL };
    const char *names[] = { "", "", "", NULL };
    attain_document_add_heading (document, _ ("Signatures"));
    attain_document_add_signatures (document, roles, names);
  }
  return document;
}

AttainDocument *
attain_bonus_statement_report (JsonNode    *node,
                               gint64       person_id,
                               const char  *company,
                               const GDate *today,
                               const char  *language)
{
  JsonObject      *sheet = json_node_get_object (node);
  JsonArray       *people = json_object_get_array_member (sheet, "people");
  JsonObject      *p = NULL;
  g_autofree char *footer = footer_for (today);
  AttainDocument  *document;

  for (guint i = 0; i < json_array_get_length (people); i++)
    if ((gint64) attain_json_get_number (json_array_get_object_element (people, i), "person")
        == person_id)
      p = json_array_get_object_element (people, i);
  if (p == NULL)
    return NULL;
  {
    /* Translators: title of a person's bonus statement, %s is the person */
    g_autofree char *title
        = g_strdup_printf (_ ("Bonus statement — %s"), attain_json_get_string (p, "name"));
    g_autofree char *header = g_strdup_printf ("%s · %s", company ? company : "", title);
    g_autofree char *days = g_strdup_printf ("%d", (int) attain_json_get_number (p, "days"));
    g_autofree char *score = attain_format_score (attain_json_get_number (p, "composite"));
    const char      *no = attain_json_get_string (p, "employee_no");
    const char      *rating = attain_json_get_string (p, "rating");
    const char      *fields[] = { _ ("Employee no."),
                             no ? no : "—",
                                  _ ("Position"),
                                  attain_json_get_string (p, "position"),
                                  _ ("Period"),
                                  attain_json_get_string (sheet, "period"),
                                  _ ("Days in the period"),
                                  days,
                                  _ ("Composite score"),
                                  score,
                                  _ ("Rating"),
                             rating ? rating : "—",
                                  NULL };
    document = attain_document_new (language, header, footer);
    attain_document_add_title (document, title, company);
    attain_document_add_fields (document, fields);
  }
  {
    const char         *titles[] = { _ ("Line"), _ ("How it is reached"), _ ("Amount"), NULL };
    static const double shares[] = { 1.2, 3.6, 1.2 };
    static const double aligns[] = { 0, 0, 1 };
    gboolean            has_gross = json_object_has_member (p, "commission_gross");
    g_autofree char    *fixed = money_of (sheet, p, "fixed");
    g_autofree char    *commission
        = money_of (sheet, p, has_gross ? "commission_gross" : "commission");
    g_autofree char *variable = money_of (sheet, p, "variable");
    g_autofree char *paid = money_of (sheet, p, "pooled_paid");
    g_autofree char *awards = money_of (sheet, p, "awards");
    g_autofree char *total = money_of (sheet, p, "total_paid");
    const char      *variable_how = attain_json_get_string (p, "variable_formula");
    const char      *commission_how
        = attain_json_get_string (p, has_gross ? "commission_gross_formula" : "commission_formula");
    JsonArray  *reversals = json_object_has_member (p, "commission_reversals")
                                ? json_object_get_array_member (p, "commission_reversals")
                                : NULL;
    const char *before[][3] = {
      { _ ("Fixed pay"), _ ("Monthly fixed pay for the days in the period"), fixed },
      { _ ("Commission"), commission_how, commission },
    };
    const char *after[][3] = {
      { _ ("Variable part"), variable_how ? variable_how : attain_json_get_string (p, "missing"),
        variable },
      { _ ("Variable paid"), attain_json_get_string (sheet, "pool_formula"), paid },
      { _ ("Awards"),
        attain_json_get_string (p, "awards_formula") ? attain_json_get_string (p, "awards_formula")
                                                     : _ ("No award in this period"),
        awards },
    };
    attain_document_add_heading (document, _ ("How the figure was reached"));
    attain_document_add_table (document, titles, shares, aligns);
    for (guint i = 0; i < G_N_ELEMENTS (before); i++)
      {
        const char *cells[]
            = { before[i][0], before[i][1] ? before[i][1] : "", before[i][2], NULL };
        attain_document_add_table_row (document, cells, FALSE);
      }
    /* Commission given back for earlier money that went back, one line each (a period has a
     * handful; the sheet's JSON bounds them to the reversals of one person). */
    for (guint i = 0; reversals != NULL && i < json_array_get_length (reversals); i++)
      {
        JsonObject      *reversal = json_array_get_object_element (reversals, i);
        g_autofree char *deduction
            = attain_format_money_exact (-(gint64) attain_json_get_number (reversal, "deduction"),
                                         attain_json_get_string (sheet, "currency"));
        const char *cells[] = { _ ("Commission reversed"),
                                attain_json_get_string (reversal, "formula"), deduction, NULL };
        attain_document_add_table_row (document, cells, FALSE);
      }
    for (guint i = 0; i < G_N_ELEMENTS (after); i++)
      {
        const char *cells[] = { after[i][0], after[i][1] ? after[i][1] : "", after[i][2], NULL };
        attain_document_add_table_row (document, cells, FALSE);
      }
    {
      const char *cells[] = { _ ("Total paid"), "", total, NULL };
      attain_document_add_table_row (document, cells, TRUE);
    }
  }
  {
    const char *roles[] = { _ ("Employee"), _ ("Manager"), NULL };
    const char *names[] = { attain_json_get_string (p, "name"), "", NULL };
    attain_document_add_heading (document, _ ("Signatures"));
    attain_document_add_signatures (document, roles, names);
  }
  return document;
}

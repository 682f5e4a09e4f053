/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-self-assessment-report.h"

#include "model/attain-format.h"
#include "model/attain-gettext.h"
#include "model/attain-rating-grid.h"

AttainDocument *
attain_self_assessment_report (const AttainReviewSheet *sheet, const char *language)
{
  const AttainMetrics *metrics = sheet->dashboard->metrics;
  g_autofree char     *period = attain_period_to_label (&sheet->period);
  g_autofree char     *name = attain_isolate (sheet->dashboard->scope_name);
  g_autofree char     *company = attain_isolate (sheet->company ? sheet->company : "");
  /* Translators: title of the self-assessment form: the person and the period */
  g_autofree char *title = g_strdup_printf (_ ("Self-assessment — %s — %s"), name, period);
  g_autofree char *header = g_strdup_printf ("%s · %s", company, title);
  g_autoptr (GPtrArray) capabilities = attain_capability_metrics ();
  g_autofree char *printed = attain_date_to_iso (&sheet->today);
  /* Translators: page footer, %s is the date the page was printed */
  g_autofree char *footer = g_strdup_printf (_ ("Printed %s"), printed);
  AttainDocument  *document = attain_document_new (language, header, footer);
  const char      *fields[] = { _ ("Full name"),
                                sheet->dashboard->scope_name,
                                _ ("Team"),
                           sheet->team ? sheet->team : "",
                                _ ("Period"),
                                period,
                                _ ("Position"),
                           sheet->dashboard->scope_kind ? sheet->dashboard->scope_kind : "",
                                NULL };

  attain_document_add_title (document, _ ("Self-assessment"), title);
  attain_document_add_fields (document, fields);
  attain_document_add_heading (document, _ ("Your results"));
  {
    const char  *titles[] = { _ ("Metric"), _ ("Target"), _ ("Actual"), _ ("Attainment"), NULL };
    const double shares[] = { 2.6, 1.6, 1.6, 1.2 };
    const double aligns[] = { 0, 1, 1, 1 };
    attain_document_add_table (document, titles, shares, aligns);
    for (guint i = 0; i < sheet->lines->len; i++)
      {
        AttainReviewLine        *line = &g_array_index (sheet->lines, AttainReviewLine, i);
        const AttainMetricValue *v = &metrics->values[line->metric];
        g_autofree char         *target = attain_metric_format (metrics, line->metric, v->target);
        g_autofree char         *actual = attain_metric_format (metrics, line->metric, v->value);
        g_autofree char         *attainment = attain_format_percent (v->attainment);
        const char              *cells[] = { _ (line->label), target, actual, attainment, NULL };
        attain_document_add_table_row (document, cells, FALSE);
      }
  }
  attain_document_add_heading (document, _ ("Your rating of your capabilities (1 to 5)"));
  {
    const char  *titles[] = { _ ("Capability"), "1", "2", "3", "4", "5", NULL };
    const double shares[] = { 4.0, 0.5, 0.5, 0.5, 0.5, 0.5 };
    const double aligns[] = { 0, 0.5, 0.5, 0.5, 0.5, 0.5 };
    attain_document_add_table (document, titles, shares, aligns);
    for (guint i = 0; i < capabilities->len; i++)
      {
        const AttainGoalMetric *info = g_ptr_array_index (capabilities, i);
        const char *cells[] = { _ (info->label), "□", "□", "□", "□", "□", NULL };
        attain_document_add_table_row (document, cells, FALSE);
      }
  }
  attain_document_add_heading (document,
                               _ ("Your self-assessment: what went well, what did not, what you "
                                  "need"));
  attain_document_add_writing_space (document, 9);
  {
    const char *roles[] = { _ ("Employee"), NULL };
    const char *names[] = { sheet->dashboard->scope_name, NULL };
    attain_document_add_signatures (document, roles, names);
  }
  return document;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-questionnaire-report.h"

#include "model/attain-format.h"
#include "model/attain-gettext.h"

AttainDocument *
attain_questionnaire_report (const AttainQuestionnaire *questionnaire,
                             const char                *company,
                             const char                *cycle_name,
                             const char                *language)
{
  g_autofree char *company_text = attain_isolate (company ? company : "");
  const char      *title = _ ("360-degree feedback questionnaire");
  g_autofree char *header = g_strdup_printf ("%s · %s", company_text, title);
  /* Translators: the questionnaire's footer; %s is the response code */
  g_autofree char    *footer = g_strdup_printf (_ ("Response code %s"), questionnaire->code);
  AttainDocument     *document = attain_document_new (language, header, footer);
  const char         *fields[] = { _ ("Person rated"),
                                   questionnaire->person,
                                   _ ("Your relation"),
                                   attain_rater_type_label (questionnaire->type),
                                   _ ("Response code"),
                                   questionnaire->code,
                                   _ ("Review cycle"),
                           cycle_name ? cycle_name : "",
                                   NULL };
  const char         *titles[] = { "", _ ("Statement"), "1", "2", "3", "4", "5", NULL };
  static const double shares[] = { 0.5, 5.0, 0.45, 0.45, 0.45, 0.45, 0.45 };
  static const double aligns[] = { 0, 0, 0.5, 0.5, 0.5, 0.5, 0.5 };

  attain_document_add_title (document, title, questionnaire->person);
  attain_document_add_fields (document, fields);
  attain_document_add_paragraph (
      document, _ ("Tick one box for each statement: 1 rarely, 2 sometimes, 3 often, 4 very "
                   "often, 5 always. Do not write your name. Answers from peers and subordinates "
                   "are shown only as averages of at least three, and never linked to who gave "
                   "them."));
  for (guint d = 0; d < ATTAIN_FEEDBACK_N_DIMENSIONS; d++)
    {
      attain_document_add_heading (document, attain_feedback_dimension_label (d));
      attain_document_add_table (document, titles, shares, aligns);
      for (guint q = 0; q < ATTAIN_FEEDBACK_QUESTIONS_PER_DIMENSION; q++)
        {
          g_autofree char *code = attain_feedback_question_code (d, q);
          const char      *cells[]
              = { code, attain_feedback_question_text (d, q), "□", "□", "□", "□", "□", NULL };
          attain_document_add_table_row (document, cells, FALSE);
        }
    }
  attain_document_add_heading (document, _ ("Comment"));
  attain_document_add_writing_space (document, 5);
  return document;
}

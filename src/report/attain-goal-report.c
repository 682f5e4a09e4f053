/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-goal-report.h"

#include "model/attain-gettext.h"

#include "model/attain-goal-export.h"

AttainDocument *
attain_goal_tree_report (const AttainGoalTree *tree,
                         const char           *company,
                         const GDate          *today,
                         const char           *language)
{
  g_autofree char *period = attain_period_to_label (&tree->period);
  /* Translators: printed goal tree title, "Revenue goals — Year 2026" */
  g_autofree char *title = g_strdup_printf (_ ("%s goals — %s"), _ (tree->info->label), period);
  g_autofree char *printed = attain_date_to_iso (today);
  /* Translators: page footer, %s is the date the page was printed */
  g_autofree char *footer = g_strdup_printf (_ ("Printed %s"), printed);
  g_autofree char *company_text = attain_isolate (company);
  g_autofree char *header = g_strdup_printf ("%s · %s", company_text, title);
  g_auto (GStrv) titles = attain_goal_tree_column_titles (tree);
  AttainDocument *document = attain_document_new (language, header, footer);
  /* Owner, kind, target, sum below, gap, actual, attainment, pace, agreed, SMART: the export's
   * columns without its level, which becomes indentation on paper. */
  static const double shares[] = { 2.4, 2.0, 1.45, 1.45, 1.15, 1.45, 0.95, 0.95, 1.15, 2.3 };
  static const double aligns[] = { 0, 0, 1, 1, 1, 1, 1, 0.5, 0.5, 0 };

  attain_document_add_title (document, title, company);
  attain_document_add_table (document, (const char *const *) titles + 1, shares, aligns);
  for (guint i = 0; i < tree->nodes->len; i++)
    {
      AttainGoalNode  *node = attain_goal_tree_node (tree, i);
      g_autofree char *target = node->goal && node->goal->has_target
                                    ? attain_goal_tree_format (tree, node->goal->target)
                                    : g_strdup ("");
      g_autofree char *sum = node->n_children_with_target
                                 ? attain_goal_tree_format (tree, node->children_sum)
                                 : g_strdup ("");
      g_autofree char *gap
          = node->has_gap ? attain_goal_tree_format (tree, node->gap) : g_strdup ("");
      g_autofree char *actual = attain_goal_tree_format (tree, node->actual);
      g_autofree char *attainment = attain_format_percent (node->attainment);
      g_autofree char *smart = attain_goal_node_smart_text (tree, node);
      const char      *cells[] = { node->name,
                                   node->detail,
                                   target,
                                   sum,
                                   gap,
                                   actual,
                                   attainment,
                                   attain_pace_to_label (node->pace),
                              node->goal && node->goal->agreed_on ? node->goal->agreed_on : "",
                              smart ? smart : "",
                                   NULL };
      guint            marked
          = (node->has_gap ? 1u << 4 : 0) | (node->pace == ATTAIN_PACE_BEHIND ? 1u << 6 : 0);

      attain_document_add_tree_row (document, cells, node->depth < 2, node->depth, marked);
    }
  return document;
}

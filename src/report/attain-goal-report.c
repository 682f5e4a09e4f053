/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-goal-report.h"

#include <glib/gi18n-lib.h>

#include "model/attain-goal-export.h"

AttainTableReport *
attain_goal_tree_report (const AttainGoalTree *tree,
                         const char           *company,
                         const char           *language)
{
  g_autofree char *period = attain_period_to_label (&tree->period);
  /* Translators: printed goal tree title, "Revenue goals — Year 2026" */
  g_autofree char *title = g_strdup_printf (_("%s goals — %s"), _(tree->info->label), period);
  g_auto(GStrv) titles = attain_goal_tree_column_titles (tree);
  AttainTableReport *report = attain_table_report_new (title, company, language);
  /* Level, owner, kind, target, sum below, gap, actual, attainment, pace, agreed, SMART. */
  static const double shares[] = { 0, 2.4, 2.0, 1.45, 1.45, 1.15, 1.45, 0.95, 0.95, 1.15, 2.3 };
  static const double align[] = { 0, 0, 0, 1, 1, 1, 1, 1, 0.5, 0.5, 0 };

  /* The level column of the file exports becomes indentation on paper. */
  for (guint c = 1; titles[c] != NULL; c++)
    attain_table_report_add_column (report, titles[c], shares[c], align[c]);

  for (guint i = 0; i < tree->nodes->len; i++)
    {
      AttainGoalNode *node = attain_goal_tree_node (tree, i);
      g_autofree char *target = node->goal && node->goal->has_target ? attain_goal_tree_format (tree, node->goal->target) : g_strdup ("");
      g_autofree char *sum = node->n_children_with_target ? attain_goal_tree_format (tree, node->children_sum) : g_strdup ("");
      g_autofree char *gap = node->has_gap ? attain_goal_tree_format (tree, node->gap) : g_strdup ("");
      g_autofree char *actual = attain_goal_tree_format (tree, node->actual);
      g_autofree char *attainment = attain_format_percent (node->attainment);
      g_autofree char *smart = attain_goal_node_smart_text (tree, node);
      const char *cells[] = { node->name, node->detail, target, sum, gap, actual, attainment,
                              attain_pace_to_label (node->pace),
                              node->goal && node->goal->agreed_on ? node->goal->agreed_on : "",
                              smart ? smart : "", NULL };

      attain_table_report_add_row (report, node->depth, node->depth < 2, cells);
      if (node->has_gap)
        attain_table_report_mark_cell (report, 4);
      if (node->pace == ATTAIN_PACE_BEHIND)
        attain_table_report_mark_cell (report, 7);
    }
  return report;
}

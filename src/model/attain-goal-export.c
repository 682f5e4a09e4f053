/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-goal-export.h"

#include <errno.h>
#include "attain-gettext.h"
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <xlsxwriter.h>

#include "attain-table-export.h"

char **
attain_goal_tree_column_titles (const AttainGoalTree *tree)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char        **titles;

  g_strv_builder_add (builder, _ ("Level"));
  g_strv_builder_add (builder, _ ("Owner"));
  g_strv_builder_add (builder, _ ("Kind"));
  g_strv_builder_add (builder, _ ("Target"));
  g_strv_builder_add (builder, _ ("Sum Below"));
  g_strv_builder_add (builder, _ ("Gap"));
  g_strv_builder_add (builder, _ ("Actual"));
  g_strv_builder_add (builder, _ ("Attainment"));
  g_strv_builder_add (builder, _ ("Pace"));
  g_strv_builder_add (builder, _ ("Agreed"));
  g_strv_builder_add (builder, _ ("SMART check"));
  titles = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return titles;
}

/* Money in the file is in yuan (not fen) with two decimals: what finance types into Excel. */
static double
in_file_units (const AttainGoalTree *tree, double value)
{
  /* A rate is a fraction (0.9 for 90%, formatted as a percentage), NPS its points. */
  if (attain_goal_metric_is_rate (tree->info))
    return value / tree->info->target_scale;
  return tree->info->kind == ATTAIN_VALUE_MONEY ? value / 100.0 : value;
}

static void
csv_number (GString *out, double value, int decimals)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return;
  g_ascii_formatd (number, sizeof number,
                   decimals == 2   ? "%.2f"
                   : decimals == 4 ? "%.4f"
                                   : "%.0f",
                   value);
  g_string_append (out, number);
}

gboolean
attain_goal_tree_export_csv (const AttainGoalTree *tree, const char *path, GError **error)
{
  g_autoptr (GString) out = g_string_new ("\xEF\xBB\xBF"); /* BOM: Chinese Excel reads UTF-8 then */
  g_auto (GStrv) titles = attain_goal_tree_column_titles (tree);
  int decimals = attain_goal_metric_is_rate (tree->info)  ? 4
                 : tree->info->kind == ATTAIN_VALUE_MONEY ? 2
                                                          : 0;

  g_return_val_if_fail (tree != NULL && path != NULL, FALSE);

  for (guint c = 0; titles[c] != NULL; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      attain_csv_append_cell (out, titles[c]);
    }
  g_string_append (out, "\r\n");

  for (guint i = 0; i < tree->nodes->len; i++)
    {
      AttainGoalNode  *node = attain_goal_tree_node (tree, i);
      g_autofree char *smart = attain_goal_node_smart_text (tree, node);
      gboolean         has_target = node->goal && node->goal->has_target;

      g_string_append_printf (out, "%d,", node->depth);
      attain_csv_append_cell (out, node->name);
      g_string_append_c (out, ',');
      attain_csv_append_cell (out, node->detail);
      g_string_append_c (out, ',');
      csv_number (out, has_target ? in_file_units (tree, node->goal->target) : NAN, decimals);
      g_string_append_c (out, ',');
      csv_number (out,
                  node->n_children_with_target ? in_file_units (tree, node->children_sum) : NAN,
                  decimals);
      g_string_append_c (out, ',');
      csv_number (out, node->has_gap ? in_file_units (tree, node->gap) : NAN, decimals);
      g_string_append_c (out, ',');
      csv_number (out, in_file_units (tree, node->actual), decimals);
      g_string_append_c (out, ',');
      csv_number (out, node->attainment, 4);
      g_string_append_c (out, ',');
      attain_csv_append_cell (out, attain_pace_to_label (node->pace));
      g_string_append_c (out, ',');
      attain_csv_append_cell (out, node->goal ? node->goal->agreed_on : NULL);
      g_string_append_c (out, ',');
      attain_csv_append_cell (out, smart);
      g_string_append (out, "\r\n");
    }

  if (!attain_write_file_atomic (path, out->str, out->len, error))
    {
      g_prefix_error (error, _ ("Could not save the goals as CSV: "));
      return FALSE;
    }
  return TRUE;
}

gboolean
attain_goal_tree_export_xlsx (const AttainGoalTree *tree, const char *path, GError **error)
{
  g_auto (GStrv) titles = attain_goal_tree_column_titles (tree);
  g_autofree char *period = attain_period_to_label (&tree->period);
  g_autofree char *title = g_strdup_printf ("%s — %s", _ (tree->info->label), period);
  lxw_workbook    *workbook;
  lxw_worksheet   *sheet;
  lxw_format      *header, *money, *count, *percent, *gap, *heading;
  lxw_format      *indent[8];
  g_autofree char *temporary = NULL;
  int              row = 2;

  g_return_val_if_fail (tree != NULL && path != NULL, FALSE);

  workbook = attain_xlsx_open (path, &temporary, error);
  if (workbook == NULL)
    return FALSE;
  sheet = workbook_add_worksheet (workbook, _ ("Goals"));
  heading = workbook_add_format (workbook);
  format_set_bold (heading);
  format_set_font_size (heading, 14);
  header = workbook_add_format (workbook);
  format_set_bold (header);
  format_set_bottom (header, LXW_BORDER_THIN);
  format_set_text_wrap (header);
  money = workbook_add_format (workbook);
  format_set_num_format (money, "#,##0.00");
  count = workbook_add_format (workbook);
  format_set_num_format (count, "#,##0");
  percent = workbook_add_format (workbook);
  format_set_num_format (percent, "0.0%");
  gap = workbook_add_format (workbook);
  format_set_num_format (gap, tree->info->kind == ATTAIN_VALUE_MONEY ? "#,##0.00" : "#,##0");
  format_set_font_color (gap, LXW_COLOR_RED);
  for (guint d = 0; d < G_N_ELEMENTS (indent); d++)
    {
      indent[d] = workbook_add_format (workbook);
      format_set_indent (indent[d], d);
      if (d < 2)
        format_set_bold (indent[d]);
    }

  worksheet_write_string (sheet, 0, 0, title, heading);
  for (guint c = 0; titles[c] != NULL; c++)
    worksheet_write_string (sheet, row - 1, c, titles[c], header);
  worksheet_freeze_panes (sheet, row, 2);
  worksheet_set_column (sheet, 0, 0, 6, NULL);
  worksheet_set_column (sheet, 1, 1, 28, NULL);
  worksheet_set_column (sheet, 2, 2, 16, NULL);
  worksheet_set_column (sheet, 3, 6, 18, NULL);
  worksheet_set_column (sheet, 7, 9, 12, NULL);
  worksheet_set_column (sheet, 10, 10, 60, NULL);

  for (guint i = 0; i < tree->nodes->len; i++, row++)
    {
      AttainGoalNode  *node = attain_goal_tree_node (tree, i);
      g_autofree char *smart = attain_goal_node_smart_text (tree, node);
      lxw_format      *number = tree->info->kind == ATTAIN_VALUE_MONEY  ? money
                                : tree->info->kind == ATTAIN_VALUE_RATE ? percent
                                                                        : count;

      worksheet_write_number (sheet, row, 0, node->depth, NULL);
      worksheet_write_string (sheet, row, 1, node->name,
                              indent[MIN ((guint) node->depth, G_N_ELEMENTS (indent) - 1)]);
      worksheet_write_string (sheet, row, 2, node->detail, NULL);
      if (node->goal && node->goal->has_target)
        worksheet_write_number (sheet, row, 3, in_file_units (tree, node->goal->target), number);
      if (node->n_children_with_target > 0)
        worksheet_write_number (sheet, row, 4, in_file_units (tree, node->children_sum), number);
      if (node->has_gap)
        worksheet_write_number (sheet, row, 5, in_file_units (tree, node->gap), gap);
      if (!isnan (node->actual))
        worksheet_write_number (sheet, row, 6, in_file_units (tree, node->actual), number);
      if (!isnan (node->attainment))
        worksheet_write_number (sheet, row, 7, node->attainment, percent);
      worksheet_write_string (sheet, row, 8, attain_pace_to_label (node->pace), NULL);
      if (node->goal && node->goal->agreed_on)
        worksheet_write_string (sheet, row, 9, node->goal->agreed_on, NULL);
      if (smart)
        worksheet_write_string (sheet, row, 10, smart, NULL);
    }

  return attain_xlsx_close (workbook, g_steal_pointer (&temporary), path, error);
}

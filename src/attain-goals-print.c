/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-goals-print.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "report/attain-goal-report.h"

static const char *
ui_language (void)
{
  const char *name = g_get_language_names ()[0];

  if (g_str_has_prefix (name, "zh_TW") || g_str_has_prefix (name, "zh_HK"))
    return "zh-tw";
  if (g_str_has_prefix (name, "zh"))
    return "zh-cn";
  return "en";
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                AttainTableReport *report)
{
  gtk_print_operation_set_n_pages (operation,
                                   attain_table_report_paginate (report, gtk_print_context_get_cairo_context (context),
                                                                 gtk_print_context_get_width (context),
                                                                 gtk_print_context_get_height (context)));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              AttainTableReport *report)
{
  attain_table_report_draw_page (report, gtk_print_context_get_cairo_context (context), page,
                                 gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         GtkWindow               *parent)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;
      GtkWidget *dialog;

      gtk_print_operation_get_error (operation, &error);
      dialog = adw_message_dialog_new (parent, _("Printing Failed"), error ? error->message : NULL);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  g_object_unref (operation);
}

gboolean
attain_goals_print_run (const AttainGoalTree  *tree,
                        GtkWindow             *parent,
                        const char            *export_path,
                        GError               **error)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  AttainTableReport *report = attain_goal_tree_report (tree, NULL, ui_language ());
  GtkPrintOperationResult result;

  /* A wide table: landscape A4 unless the dialog says otherwise. The report keeps its own
   * margins, so it draws on the full page in points. */
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, _("Goals"));
  gtk_print_operation_set_allow_async (operation, export_path == NULL);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  g_object_set_data_full (G_OBJECT (operation), "report", report, (GDestroyNotify) attain_table_report_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), report);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), report);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), parent);

  /* "done" follows every run, whatever its result, and releases the operation. */
  result = gtk_print_operation_run (operation,
                                    export_path ? GTK_PRINT_OPERATION_ACTION_EXPORT : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-document-print.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "report/attain-document.h"

typedef struct
{
  GPtrArray *documents;
  GArray    *first_page; /* the job's page number where each document starts */
} Job;

static void
job_free (Job *job)
{
  g_ptr_array_unref (job->documents);
  g_array_unref (job->first_page);
  g_free (job);
}

static void
begin_print_cb (GtkPrintOperation *operation, GtkPrintContext *context, Job *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  guint    total = 0;

  /* Paginated at the printer's paper size, so US Letter lays out as well as A4. */
  g_array_set_size (job->first_page, 0);
  for (guint i = 0; i < job->documents->len; i++)
    {
      g_array_append_val (job->first_page, total);
      total += attain_document_paginate (g_ptr_array_index (job->documents, i), cr,
                                         gtk_print_context_get_width (context),
                                         gtk_print_context_get_height (context));
    }
  gtk_print_operation_set_n_pages (operation, MAX (total, 1));
}

static void
draw_page_cb (GtkPrintOperation *operation, GtkPrintContext *context, int page, Job *job)
{
  guint document = 0;

  while (document + 1 < job->first_page->len
         && g_array_index (job->first_page, guint, document + 1) <= (guint) page)
    document++;
  attain_document_draw_page (
      g_ptr_array_index (job->documents, document), gtk_print_context_get_cairo_context (context),
      page - g_array_index (job->first_page, guint, document),
      gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

static void
done_cb (GtkPrintOperation *operation, GtkPrintOperationResult result, GtkWindow *parent)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && parent != NULL)
    {
      g_autoptr (GError) error = NULL;
      GtkWidget *dialog;

      gtk_print_operation_get_error (operation, &error);
      dialog
          = adw_message_dialog_new (parent, _ ("Printing Failed"), error ? error->message : NULL);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  g_object_unref (operation);
}

gboolean
attain_document_print_run (GPtrArray              *documents,
                           const char             *job_name,
                           GtkWindow              *parent,
                           GtkPrintOperationAction action,
                           const char             *export_path,
                           gboolean                landscape,
                           GError                **error)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  Job *job = g_new0 (Job, 1);

  job->documents = g_ptr_array_ref (documents);
  job->first_page = g_array_new (FALSE, FALSE, sizeof (guint));
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                   : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, job_name);
  /* Exports are synchronous: the file is there when run() returns. */
  gtk_print_operation_set_allow_async (operation, export_path == NULL);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  g_object_set_data_full (G_OBJECT (operation), "job", job, (GDestroyNotify) job_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), parent);

  /* "done" follows every run and releases the operation. */
  return gtk_print_operation_run (
             operation, export_path ? GTK_PRINT_OPERATION_ACTION_EXPORT : action, parent, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}

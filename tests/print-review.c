/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Renders one review through GtkPrintOperation (the app's print code, export action) into a PDF
 * print job for test-cups.sh to hand to a real CUPS queue. GTK 4.8.3 crashes in its own default
 * printer lookup when ACTION_PRINT runs without the dialog, so the job goes to CUPS with lp. */
#include <adwaita.h>

#include "attain-document-print.h"
#include "report/attain-review-report.h"

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainDb) db = NULL;
  g_autoptr (GPtrArray) documents
      = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_document_free);
  AttainDocument *document;
  AttainPeriod    period;
  GDate           today;

  if (argc != 5)
    {
      g_printerr ("usage: print-review DATABASE PERSON-ID PERIOD OUTPUT.pdf\n");
      return 2;
    }
  if (!gtk_init_check ())
    return 77;
  db = attain_db_open_reader (argv[1], &error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, 11, 2026);
  if (db == NULL || !attain_period_parse (argv[3], 1, &period, &error)
      || (document = attain_review_report_build (db, g_ascii_strtoll (argv[2], NULL, 10), &period,
                                                 &today, "zh-cn", &error))
             == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_ptr_array_add (documents, document);
  if (!attain_document_print_run (documents, "review", NULL, GTK_PRINT_OPERATION_ACTION_PRINT,
                                  argv[4], FALSE, &error))
    {
      g_printerr ("%s\n", error ? error->message : "printing failed");
      return 1;
    }
  return 0;
}

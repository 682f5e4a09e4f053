/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/attain-review-sheet.h"
#include "report/attain-document.h"

G_BEGIN_DECLS

typedef void (*AttainReportProgress) (guint done, guint total, gpointer user_data);

/* The printed review of one person for one period (domain.md §4). */
AttainDocument *attain_review_report_build (AttainDb           *db,
                                            gint64              person_id,
                                            const AttainPeriod *period,
                                            const GDate        *today,
                                            const char         *language,
                                            GError            **error);
AttainDocument *attain_review_report_from_sheet (AttainReviewSheet *sheet,
                                                 const GDate       *today,
                                                 const char        *language);
gboolean        attain_review_reports_write (AttainDb            *db,
                                             GArray              *person_ids,
                                             const AttainPeriod  *period,
                                             const GDate         *today,
                                             const char          *language,
                                             gboolean             with_statement,
                                             const char          *pdf_path,
                                             const char          *directory,
                                             AttainReportProgress progress,
                                             gpointer             user_data,
                                             GError             **error);
/* The person's bonus statement for @period, to follow their review: from the approved sheet
 * that has them, else their unit's as it computes now. NULL with no error when they were not
 * employed in the period; NULL with @error set when it could not be read. */
AttainDocument *attain_review_statement (AttainDb           *db,
                                         gint64              person_id,
                                         const AttainPeriod *period,
                                         const GDate        *today,
                                         const char         *language,
                                         GError            **error);
/* Writes @document as DIRECTORY/review-PERIOD-ID-NAME.pdf, creating the folder. */
gboolean    attain_review_report_write_into (AttainDocument *document,
                                             const char     *directory,
                                             const char     *period_text,
                                             gint64          person_id,
                                             const char     *person_name,
                                             GError        **error);
void        attain_review_documents_async (const char         *path,
                                           GArray             *person_ids,
                                           gint64              team_of,
                                           const AttainPeriod *period,
                                           const GDate        *today,
                                           const char         *language,
                                           gboolean            with_statement,
                                           const char         *directory,
                                           const char         *pdf_path,
                                           const char         *pdf_title,
                                           gint               *progress,
                                           GCancellable       *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer            user_data);
GPtrArray  *attain_review_documents_finish (GAsyncResult *result, GError **error);
const char *attain_report_language_for (const char *locale);
const char *attain_report_language_push (const char *language);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-review-sheet.h"

#include <string.h>

#include <math.h>

#include "attain-loader.h"

void
attain_review_sheet_free (AttainReviewSheet *sheet)
{
  if (sheet == NULL)
    return;
  g_free (sheet->company);
  g_free (sheet->team);
  g_clear_pointer (&sheet->dashboard, attain_dashboard_free);
  g_clear_pointer (&sheet->review, attain_review_free);
  g_clear_pointer (&sheet->previous, attain_review_free);
  g_clear_pointer (&sheet->lines, g_array_unref);
  g_clear_pointer (&sheet->next_goals, g_ptr_array_unref);
  attain_evaluation_clear (&sheet->evaluation);
  attain_feedback_result_clear (&sheet->feedback);
  g_free (sheet);
}

/* Reading never creates: a period without a review gives a sheet with an empty form. */
AttainReviewSheet *
attain_review_sheet_load (AttainDb           *db,
                          gint64              person_id,
                          const AttainPeriod *period,
                          const GDate        *today,
                          GError            **error)
{
  g_autoptr (AttainReviewSheet) sheet = g_new0 (AttainReviewSheet, 1);
  AttainScope  scope = { ATTAIN_SCOPE_PERSON, person_id };
  AttainPeriod last = attain_period_shift (period, -1);
  GError      *local_error = NULL;

  g_return_val_if_fail (db != NULL && period != NULL && today != NULL, NULL);

  sheet->person_id = person_id;
  sheet->period = *period;
  sheet->today = *today;
  sheet->weighted_score = NAN;
  sheet->company = attain_db_get_setting (db, "company_name", "");
  sheet->dashboard = attain_dashboard_load (db, &scope, period, today, error);
  if (sheet->dashboard == NULL)
    return NULL;
  if (!attain_org_describe (db, &sheet->dashboard->parent, &sheet->team, NULL, NULL, NULL, error))
    return NULL;
  sheet->review = attain_review_find (db, person_id, period, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  sheet->previous = attain_review_find (db, person_id, &last, NULL);
  if (!attain_review_evaluate (db, person_id, period, sheet->dashboard->metrics, &sheet->lines,
                               &sheet->evaluation, error))
    return NULL;
  sheet->weighted_score = sheet->evaluation.kpi;
  if (!attain_feedback_result_for (db, person_id, period, &sheet->feedback))
    memset (&sheet->feedback, 0, sizeof sheet->feedback);
  for (guint i = 0; i < sheet->lines->len; i++)
    sheet->total_weight += g_array_index (sheet->lines, AttainReviewLine, i).weight;
  if (sheet->review != NULL)
    sheet->next_goals = attain_review_next_goals (db, sheet->review, NULL);
  if (sheet->next_goals == NULL)
    sheet->next_goals = g_ptr_array_new ();
  return g_steal_pointer (&sheet);
}

gboolean
attain_review_sheet_is_locked (const AttainReviewSheet *sheet)
{
  return sheet != NULL && sheet->review != NULL && attain_review_is_locked (sheet->review);
}

typedef struct
{
  gint64       person_id;
  AttainPeriod period;
  GDate        today;
} SheetRequest;

static gpointer
load_sheet (AttainDb *db, gpointer data, GCancellable *cancellable, GError **error)
{
  SheetRequest *request = data;
  return attain_review_sheet_load (db, request->person_id, &request->period, &request->today,
                                   error);
}

void
attain_review_sheet_load_async (const char         *path,
                                gint64              person_id,
                                const AttainPeriod *period,
                                const GDate        *today,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  SheetRequest *request = g_new0 (SheetRequest, 1);

  request->person_id = person_id;
  request->period = *period;
  request->today = *today;
  attain_load_async (path, load_sheet, request, g_free, (GDestroyNotify) attain_review_sheet_free,
                     attain_review_sheet_load_async, cancellable, callback, user_data);
}

AttainReviewSheet *
attain_review_sheet_load_finish (GAsyncResult *result, GError **error)
{
  return attain_load_finish (result, attain_review_sheet_load_async, error);
}

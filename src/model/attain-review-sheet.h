/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "attain-dashboard.h"
#include "attain-feedback.h"
#include "attain-review.h"
#include "attain-training.h"

G_BEGIN_DECLS

/* Everything one person's review for one period shows and prints, read in one go: the form
 * on screen and the printed report are made from the same sheet. */
/* A capability as the person rated it in their self-assessment and as the supervisor did, 1-5
 * (0 for not rated). */
typedef struct
{
  const char *metric;
  const char *label; /* untranslated */
  int         self;
  int         supervisor;
} AttainCapabilityPair;

typedef struct
{
  gint64               person_id;
  AttainPeriod         period;
  GDate                today;          /* the day it was read for: pace, "printed on", "today" */
  char                *company;        /* the company's name as set in Settings */
  char                *team;           /* the unit the person belongs to */
  AttainDashboard     *dashboard;      /* name, position, metrics, trend and funnel */
  AttainReview        *review;         /* NULL while nothing was typed for this period */
  AttainReview        *previous;       /* last period's, for its improvement plan; may be NULL */
  GArray              *lines;          /* AttainReviewLine: the scored results */
  double               weighted_score; /* the KPI part; NAN without a scored line */
  AttainEvaluation     evaluation;     /* the parts, composite and rating */
  AttainFeedbackResult feedback;       /* released 360 results (released FALSE without) */
  int                  total_weight;   /* basis points */
  GPtrArray           *next_goals;     /* AttainGoal*: agreed for the next period */
  GArray              *capabilities;   /* AttainCapabilityPair, those rated by either side */
  GArray              *training;       /* AttainTrainingRecord: courses of the period, and done? */
  /* Signed off: the figures shown are those it printed then; TRUE when today's differ. */
  gboolean from_sign_off;
  gboolean changed_since_sign_off;
} AttainReviewSheet;

AttainReviewSheet *attain_review_sheet_load (AttainDb           *db,
                                             gint64              person_id,
                                             const AttainPeriod *period,
                                             const GDate        *today,
                                             GError            **error);
void               attain_review_sheet_load_async (const char         *path,
                                                   gint64              person_id,
                                                   const AttainPeriod *period,
                                                   const GDate        *today,
                                                   GCancellable       *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer            user_data);
AttainReviewSheet *attain_review_sheet_load_finish (GAsyncResult *result, GError **error);
void               attain_review_sheet_free (AttainReviewSheet *sheet);
gboolean           attain_review_sheet_is_locked (const AttainReviewSheet *sheet);
char              *attain_review_sheet_figures_to_json (const AttainReviewSheet *sheet);
gboolean           attain_review_sheet_apply_figures (AttainReviewSheet *sheet, const char *json);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttainReviewSheet, attain_review_sheet_free)

G_END_DECLS

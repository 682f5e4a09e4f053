/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "attain-goal-history.h"
#include "attain-metrics.h"
#include "attain-scorecard.h"

G_BEGIN_DECLS

#define ATTAIN_REVIEW_ERROR (attain_review_error_quark ())

typedef enum
{
  ATTAIN_REVIEW_ERROR_LOCKED,
  ATTAIN_REVIEW_ERROR_INVALID,
  ATTAIN_REVIEW_ERROR_CHANGED, /* another writer changed the field since the form showed it */
} AttainReviewError;

/* Where a milestone of an improvement plan stands; stored as its key (planned, in_progress,
 * done, missed) so the file reads without the program. */
typedef enum
{
  ATTAIN_MILESTONE_PLANNED,
  ATTAIN_MILESTONE_IN_PROGRESS,
  ATTAIN_MILESTONE_DONE,
  ATTAIN_MILESTONE_MISSED,
  ATTAIN_MILESTONE_N_STATUSES,
} AttainMilestoneStatus;

typedef struct
{
  char                 *what;
  char                 *due_on;
  char                 *measure;
  AttainMilestoneStatus status;
} AttainMilestone;

/* One person's one-on-one for one period. Every field is saved as it is typed, each save its
 * own transaction, so nothing typed is lost; once signed off the row is locked. */
typedef struct
{
  gint64       id;
  gint64       person_id;
  AttainPeriod period;
  char        *reviewer;
  char        *interview_on;
  char        *self_review;
  char        *strengths;
  char        *improvements;
  char        *employee_view;
  char        *training;
  char        *rating_comment; /* the supervisor's comment on the ratings */
  char        *signed_off_at;
  char        *revised_after_appeal_on; /* the day an upheld appeal reopened it, or NULL */
  GPtrArray   *milestones;              /* AttainMilestone* */
} AttainReview;

/* One scored line of a review: a counted metric with a target for the period. */
typedef struct
{
  AttainMetricId  metric;
  const char     *label;  /* untranslated */
  int             weight; /* basis points: the scorecard's, else the person's goals' */
  AttainScoreRule rule;   /* the scorecard's, else linear up to 120 */
  double          score;  /* by the rule; 0 without attainment */
} AttainReviewLine;

/* One objective in the MBO part: a goal of the person's outside the scorecard's KPI lines,
 * scored on its attainment (linear, up to 120), or a capability rated 1-5 as (r − 1) × 25. */
typedef struct
{
  const char *metric;     /* a goal metric key (static) */
  int         weight;     /* the goal's basis points; 0 when none of them is weighted */
  double      attainment; /* NAN for a rating */
  int         rating;     /* 1-5, 0 for an objective with attainment */
  double      score;
} AttainMboItem;

/* The parts of a person's evaluation and what they come to. A part that is not there (no MBO
 * ratings, no 360 yet) is NAN, and the composite is the mean over the parts present. */
typedef struct
{
  char       *scorecard;      /* the template's name, NULL when the goals' weights were used */
  double      kpi;            /* the weighted KPI lines */
  double      mbo;            /* the objectives' scores, weighted by their goals */
  GArray     *mbo_items;      /* AttainMboItem, NULL when there are none */
  double      feedback;       /* the 360 score */
  int         weights[3];     /* basis points of KPI, MBO and 360 */
  int         weight_present; /* of those, the parts that were there */
  double      composite;
  const char *rating; /* S, A, B, C, D; NULL without a composite */
} AttainEvaluation;

GQuark   attain_review_error_quark (void);
GArray  *attain_review_result_lines (AttainDb            *db,
                                     gint64               person_id,
                                     const AttainPeriod  *period,
                                     const AttainMetrics *metrics,
                                     double              *weighted_score,
                                     int                 *total_weight);
gboolean attain_review_evaluate (AttainDb            *db,
                                 gint64               person_id,
                                 const AttainPeriod  *period,
                                 const AttainMetrics *metrics,
                                 GArray             **lines,
                                 AttainEvaluation    *out,
                                 GError             **error);
void     attain_evaluation_clear (AttainEvaluation *evaluation);
char    *attain_evaluation_composite_text (const AttainEvaluation *evaluation);
char    *attain_evaluation_parts_text (const AttainEvaluation *evaluation);
char    *attain_evaluation_mbo_text (const AttainEvaluation *evaluation);
char    *attain_review_line_formula (const AttainReviewLine *line, const AttainMetrics *metrics);
AttainReview *
attain_review_open (AttainDb *db, gint64 person_id, const AttainPeriod *period, GError **error);
AttainReview *
attain_review_find (AttainDb *db, gint64 person_id, const AttainPeriod *period, GError **error);
void        attain_review_free (AttainReview *review);
gboolean    attain_review_is_locked (const AttainReview *review);
const char *attain_review_get_field (const AttainReview *review, const char *field);
gboolean    attain_review_set_field (AttainDb     *db,
                                     AttainReview *review,
                                     const char   *field,
                                     const char   *value,
                                     GError      **error);
/* Writes a text field of the person's review for @period (started when there is none) with its
 * audit row, compare-and-set against @base, inside the caller's transaction: for a window that
 * saves reviews and other things at once. A signed-off review refuses. */
gboolean attain_review_write_text_in_transaction (AttainDb           *db,
                                                  gint64              person_id,
                                                  const AttainPeriod *period,
                                                  const char         *field,
                                                  const char         *base,
                                                  const char         *value,
                                                  GError            **error);
gboolean attain_review_set_field_over (AttainDb     *db,
                                       AttainReview *review,
                                       const char   *field,
                                       const char   *base,
                                       const char   *value,
                                       GError      **error);
gboolean attain_review_set_milestones (AttainDb     *db,
                                       AttainReview *review,
                                       GPtrArray    *milestones,
                                       GError      **error);
gboolean attain_review_add_next_goal (AttainDb     *db,
                                      AttainReview *review,
                                      const char   *metric,
                                      const char   *target_text,
                                      GError      **error);
gboolean
attain_review_remove_next_goal (AttainDb *db, AttainReview *review, gint64 goal_id, GError **error);
GPtrArray *attain_review_next_goals (AttainDb *db, const AttainReview *review, GError **error);
gboolean
attain_review_sign_off (AttainDb *db, AttainReview *review, const GDate *today, GError **error);
AttainMilestone      *attain_milestone_new (const char           *what,
                                            const char           *due_on,
                                            const char           *measure,
                                            AttainMilestoneStatus status);
AttainMilestone      *attain_milestone_copy (const AttainMilestone *milestone);
void                  attain_milestone_free (AttainMilestone *milestone);
const char           *attain_milestone_status_label (AttainMilestoneStatus status);
const char           *attain_milestone_status_to_key (AttainMilestoneStatus status);
AttainMilestoneStatus attain_milestone_status_from_key (const char *key);
AttainPeriod          attain_review_next_period (const AttainReview *review);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttainReview, attain_review_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttainMilestone, attain_milestone_free)

GArray *attain_review_team_people (AttainDb *db, gint64 unit_id, GError **error);

G_END_DECLS

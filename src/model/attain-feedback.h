/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "attain-db.h"
#include "attain-period.h"

G_BEGIN_DECLS

#define ATTAIN_FEEDBACK_ERROR (attain_feedback_error_quark ())

typedef enum
{
  ATTAIN_FEEDBACK_ERROR_INVALID,
  ATTAIN_FEEDBACK_ERROR_FILE,
} AttainFeedbackError;

typedef enum
{
  ATTAIN_RATER_SUPERIOR,
  ATTAIN_RATER_PEER,
  ATTAIN_RATER_SUBORDINATE,
  ATTAIN_RATER_CUSTOMER,
  ATTAIN_RATER_SELF,
  ATTAIN_N_RATER_TYPES,
} AttainRaterType;

#define ATTAIN_FEEDBACK_N_DIMENSIONS 4
#define ATTAIN_FEEDBACK_QUESTIONS_PER_DIMENSION 3

typedef struct
{
  guint    n_answers;
  gboolean shown; /* enough answers to show (peers and subordinates need the threshold) */
  double   means[ATTAIN_FEEDBACK_N_DIMENSIONS]; /* 1-5, NAN without answers */
} AttainFeedbackGroup;

/* A person's 360 result from a closed collection: only what may be shown. */
typedef struct
{
  gboolean            released; /* the collection is closed */
  AttainFeedbackGroup groups[ATTAIN_N_RATER_TYPES];
  double              score;        /* points, (mean − 1) × 25 weighted over the groups shown */
  gboolean            renormalised; /* a weighted group was left out */
  GPtrArray          *comments;     /* shown groups' comments, shuffled */
} AttainFeedbackResult;

GQuark      attain_feedback_error_quark (void);
const char *attain_rater_type_to_string (AttainRaterType type);
const char *attain_rater_type_label (AttainRaterType type);
gboolean    attain_rater_type_parse (const char *text, AttainRaterType *out);
const char *attain_feedback_dimension_key (guint dimension);
const char *attain_feedback_dimension_label (guint dimension);
/* The label before translation, for those who translate it later (a topic's label). */
const char *attain_feedback_dimension_untranslated (guint dimension);
const char *attain_feedback_question_text (guint dimension, guint question);
/* The column a survey export gives the question: "S1" … "R3". */
char *attain_feedback_question_code (guint dimension, guint question);
/* The raters of a cycle who have not answered, for printing their questionnaires: the person
 * rated, the relation and the code, never the rater's name (the paper comes back to the
 * director). AttainQuestionnaire*. */
typedef struct
{
  char           *person;
  AttainRaterType type;
  char           *code;
} AttainQuestionnaire;

GPtrArray *attain_feedback_questionnaires (AttainDb *db, gint64 cycle_id, GError **error);
void       attain_questionnaire_free (AttainQuestionnaire *questionnaire);
char      *attain_feedback_assign (AttainDb       *db,
                                   gint64          cycle_id,
                                   gint64          person_id,
                                   AttainRaterType type,
                                   const char     *rater_name,
                                   GError        **error);
gboolean   attain_feedback_import (AttainDb   *db,
                                   gint64      cycle_id,
                                   const char *path,
                                   guint      *n_answers,
                                   gboolean   *reopened,
                                   GError    **error);
/* A paper questionnaire typed in under its response code: ratings per question (S1 … R3, 0 for
 * not ticked) and the comment, stored the same unlinked way as a survey's answers. */
gboolean attain_feedback_enter (
    AttainDb   *db,
    gint64      cycle_id,
    const char *code,
    const int   ratings[ATTAIN_FEEDBACK_N_DIMENSIONS * ATTAIN_FEEDBACK_QUESTIONS_PER_DIMENSION],
    const char *comment,
    gboolean   *reopened,
    GError    **error);
gboolean attain_feedback_close (AttainDb *db, gint64 cycle_id, GError **error);
gboolean attain_feedback_result (AttainDb             *db,
                                 gint64                cycle_id,
                                 gint64                person_id,
                                 AttainFeedbackResult *out,
                                 GError              **error);
void     attain_feedback_result_clear (AttainFeedbackResult *result);
gboolean attain_feedback_result_for (AttainDb             *db,
                                     gint64                person_id,
                                     const AttainPeriod   *period,
                                     AttainFeedbackResult *out);
double   attain_feedback_score_for (AttainDb *db, gint64 person_id, const AttainPeriod *period);
/* Whether the cycle's collection is closed (results released) and how often a late answer
 * reopened it; an untouched cycle is open, never reopened. */
gboolean  attain_feedback_state (AttainDb *db,
                                 gint64    cycle_id,
                                 gboolean *closed,
                                 int      *reopened,
                                 GError  **error);
JsonNode *attain_feedback_progress_to_json (AttainDb *db, gint64 cycle_id, GError **error);
void      attain_feedback_result_to_json (const AttainFeedbackResult *result, JsonBuilder *builder);

G_END_DECLS

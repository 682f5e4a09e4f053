/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "attain-db.h"
#include "attain-period.h"

G_BEGIN_DECLS

#define ATTAIN_TRAINING_ERROR (attain_training_error_quark ())

typedef enum
{
  ATTAIN_TRAINING_ERROR_INVALID, /* a course without a name, dates out of order, nobody */
  ATTAIN_TRAINING_ERROR_CHANGED, /* the status on disk is not the one the change started from */
} AttainTrainingError;

typedef enum
{
  ATTAIN_TRAINING_PLANNED,
  ATTAIN_TRAINING_DONE,
  ATTAIN_TRAINING_MISSED,
} AttainTrainingStatus;

/* One person's place on a training plan, as the review shows it. */
typedef struct
{
  gint64               plan_id;
  char                *topic; /* the need it answers; NULL when none was given */
  char                *course;
  char                *starts_on, *ends_on; /* ISO */
  AttainTrainingStatus status;
} AttainTrainingRecord;

GQuark      attain_training_error_quark (void);
const char *attain_training_status_to_string (AttainTrainingStatus status);
gboolean    attain_training_status_from_string (const char *text, AttainTrainingStatus *status);
const char *attain_training_status_label (AttainTrainingStatus status); /* translated */

/* Records a course on @topic (may be NULL) from @starts to @ends for @people, all planned, in
 * one transaction. Refused with a sentence, nothing saved: no course name, a name over 200
 * characters, an end before the start, nobody, or someone not in the database. */
gint64 attain_training_plan_create (AttainDb     *db,
                                    const char   *topic,
                                    const char   *course,
                                    const GDate  *starts,
                                    const GDate  *ends,
                                    const gint64 *people,
                                    guint         n_people,
                                    GError      **error);
/* Renames or re-dates a plan, compare-and-set: refused (CHANGED) unless its course and dates on
 * disk are still @was_course, @was_starts and @was_ends; the new ones are checked as when it
 * was made. */
gboolean attain_training_plan_update (AttainDb    *db,
                                      gint64       plan_id,
                                      const char  *was_course,
                                      const char  *was_starts,
                                      const char  *was_ends,
                                      const char  *course,
                                      const GDate *starts,
                                      const GDate *ends,
                                      GError     **error);
/* Removes a plan nobody has attended yet; one with an attendee marked done is history and is
 * refused, naming them. */
gboolean attain_training_plan_delete (AttainDb *db, gint64 plan_id, GError **error);
/* Sets one attendee's status, compare-and-set against @expected as it is on disk. */
gboolean attain_training_set_status (AttainDb            *db,
                                     gint64               plan_id,
                                     gint64               person_id,
                                     AttainTrainingStatus expected,
                                     AttainTrainingStatus status,
                                     GError             **error);

/* What the review of @period shows for @person_id: the courses that ran in the period (any day
 * of it), and those that ended before it still not done. By start date. */
GArray *attain_training_for_person (AttainDb           *db,
                                    gint64              person_id,
                                    const AttainPeriod *period,
                                    GError            **error);
GArray *attain_training_records_new (void);

/* The plans of @unit_id's people that run in @period or ended before it with someone not done:
 * each with its course, topic, dates and attendees (person, name, status). */
JsonNode *
attain_training_plans (AttainDb *db, gint64 unit_id, const AttainPeriod *period, GError **error);

G_END_DECLS

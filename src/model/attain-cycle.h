/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "attain-db.h"
#include "attain-period.h"

G_BEGIN_DECLS

#define ATTAIN_CYCLE_ERROR (attain_cycle_error_quark ())

typedef enum
{
  ATTAIN_CYCLE_ERROR_INVALID,
  ATTAIN_CYCLE_ERROR_NOT_FOUND,
} AttainCycleError;

typedef struct
{
  gint64       id;
  char        *name;
  AttainPeriod period;
  gint64       unit_id;
  guint        n_members;
  guint        n_signed;
  char        *due_on; /* ISO day the reviews are due, NULL for none */
} AttainCycle;

GQuark     attain_cycle_error_quark (void);
gint64     attain_cycle_start (AttainDb           *db,
                               const char         *name,
                               const AttainPeriod *period,
                               gint64              unit_id,
                               GError            **error);
GPtrArray *attain_cycle_list (AttainDb *db, GError **error);
void       attain_cycle_free (AttainCycle *cycle);
gboolean   attain_cycle_calibrate (AttainDb   *db,
                                   gint64      cycle_id,
                                   gint64      person_id,
                                   const char *to_band,
                                   const char *reason,
                                   const char *from_band,
                                   GError    **error);
/* A member's step in the workflow ("draft", "self", "supervisor", "calibration", "interview",
 * "signed", as the scores' "state" gives it) in words. */
const char *attain_cycle_state_label (const char *state);
/* A member's rating (after calibration) in what attain_cycle_scores_to_json gave, or NULL. */
const char *attain_cycle_scores_rating (JsonNode *scores, gint64 person_id);
/* The scores' "distribution" against the guideline in a sentence. */
char *attain_cycle_guideline_text (JsonObject *distribution);
JsonNode *
attain_cycle_scores_to_json (AttainDb *db, gint64 cycle_id, const GDate *today, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttainCycle, attain_cycle_free)

G_END_DECLS

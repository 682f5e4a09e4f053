/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "attain-goal-history.h"

G_BEGIN_DECLS

/* One capability rating (1-5, 0 for none) of one person for one period. */
typedef struct
{
  gint64      person_id;
  const char *metric; /* a capability goal metric key */
  int         rating;
  int         expected; /* the rating shown when it was given (0 for none): compare-and-set */
} AttainCapabilityRating;

/* The capability metrics (product knowledge, negotiation, ...): AttainGoalMetric*. */
GPtrArray *attain_capability_metrics (void);
/* Every capability rating given for @period, keyed "PERSON_ID:METRIC" → rating (GINT_TO_POINTER),
 * in one query. */
GHashTable *attain_capability_ratings (AttainDb *db, const AttainPeriod *period, GError **error);
/* Gives many ratings at once as one undoable goal edit: a rating goes on the person's
 * capability goal for the period, which is created (without an expected level) when there is
 * none. Compare-and-set against the goals as they are on disk; a goal of a signed-off review
 * refuses the whole edit and is named. */
gboolean attain_capability_ratings_save (AttainGoalHistory            *history,
                                         AttainDb                     *db,
                                         const AttainPeriod           *period,
                                         const AttainCapabilityRating *ratings,
                                         guint                         n_ratings,
                                         GError                      **error);

G_END_DECLS

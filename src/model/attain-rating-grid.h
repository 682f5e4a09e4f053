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

/* The supervisor's comment on one person's ratings for the period: the review's rating_comment.
 * @base is the comment the grid showed (NULL for none): compare-and-set. */
typedef struct
{
  gint64      person_id;
  const char *base;
  const char *comment;
} AttainRatingComment;

/* The capability metrics (product knowledge, negotiation, ...): AttainGoalMetric*. */
GPtrArray *attain_capability_metrics (void);
/* Every capability rating given for @period, keyed "PERSON_ID:METRIC" → rating (GINT_TO_POINTER),
 * in one query. */
GHashTable *attain_capability_ratings (AttainDb *db, const AttainPeriod *period, GError **error);
/* The comments on the ratings of @period, person id → comment (owned), in one query. */
GHashTable *attain_rating_comments (AttainDb *db, const AttainPeriod *period, GError **error);
/* Gives many ratings and comments at once, in one transaction: the ratings as one undoable goal
 * edit (a rating goes on the person's capability goal for the period, which is created without
 * an expected level when there is none), the comments on the people's reviews with their audit
 * rows. Compare-and-set against what is on disk; a signed-off review refuses the whole save and
 * is named. A changed comment is kept only when its review takes it. */
gboolean attain_capability_ratings_save (AttainGoalHistory            *history,
                                         AttainDb                     *db,
                                         const AttainPeriod           *period,
                                         const AttainCapabilityRating *ratings,
                                         guint                         n_ratings,
                                         const AttainRatingComment    *comments,
                                         guint                         n_comments,
                                         GError                      **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "attain-db.h"
#include "attain-format.h"
#include "attain-org.h"
#include "attain-period.h"

G_BEGIN_DECLS

#define ATTAIN_GOAL_ERROR (attain_goal_error_quark ())

/* Which field a goal error is about, so the form can put the sentence next to it. */
typedef enum
{
  ATTAIN_GOAL_ERROR_TARGET,
  ATTAIN_GOAL_ERROR_DEADLINE,
  ATTAIN_GOAL_ERROR_WEIGHTS,
  ATTAIN_GOAL_ERROR_SPLIT,
  ATTAIN_GOAL_ERROR_METRIC,
  ATTAIN_GOAL_ERROR_RATING,
  ATTAIN_GOAL_ERROR_AGREED,
  ATTAIN_GOAL_ERROR_NOTHING_TO_DO,
  ATTAIN_GOAL_ERROR_LOCKED,
  ATTAIN_GOAL_ERROR_CHANGED,
} AttainGoalError;

/* The metrics a goal tree can be drawn for: amounts and counts that add up from people to the
 * company, and capabilities that are rated 1-5 instead of counted. */
typedef struct
{
  const char     *key;
  const char     *label; /* untranslated */
  const char     *type;  /* result, process or capability */
  const char     *default_unit;
  AttainValueKind kind;
  const char     *stats_column; /* month_stats column with the actual, NULL for ratings */
  /* Rates (collection rate, margin, NPS, conversion) are a ratio of sums, never summed up the
   * tree: their SQL gives each scope's numerator, denominator and base (see attain-goal-tree.c).
   * goals.target / target_scale is the value: basis points for rates, hundredths for NPS. */
  const char *ratio_sql;
  int         target_scale;
} AttainGoalMetric;

typedef struct
{
  gint64      id;        /* 0 until saved */
  gint64      parent_id; /* 0 for none */
  AttainScope owner;
  char       *metric;
  char       *type;
  gboolean    has_target;
  gint64      target; /* minor units for money, counts, rating 1-5 for capabilities */
  char       *unit;
  char       *period_kind; /* month, quarter, year, custom */
  char       *period_start;
  char       *period_end;
  char       *deadline; /* ISO date or NULL */
  int         weight;   /* basis points of 100% */
  gboolean    lower_is_better;
  char       *description;
  char       *proposed_by;
  char       *agreed_on; /* ISO date the salesperson agreed, or NULL */
  int         rating;    /* capability rating given, 0 for none */
} AttainGoal;

GQuark attain_goal_error_quark (void);
/* A unit or proposer code ("CNY", "director") in the reader's language, and back. */
const char             *attain_goal_word_label (const char *code);
const char             *attain_goal_word_code (const char *text);
const AttainGoalMetric *attain_goal_metrics (guint *n_metrics);
const AttainGoalMetric *attain_goal_metric_lookup (const char *key);
gboolean                attain_goal_metric_is_rate (const AttainGoalMetric *info);
gboolean                attain_goal_parse_value (const AttainGoalMetric *info,
                                                 const char             *text,
                                                 gint64                 *out,
                                                 GError                **error);
char *attain_goal_format_value (const AttainGoalMetric *info, double stored, const char *currency);

AttainGoal *
attain_goal_new (const AttainScope *owner, const char *metric, const AttainPeriod *period);
AttainGoal *attain_goal_copy (const AttainGoal *goal);
void        attain_goal_free (AttainGoal *goal);
gboolean    attain_goal_equal (const AttainGoal *a, const AttainGoal *b);
void        attain_goal_set_period (AttainGoal *goal, const AttainPeriod *period);
gboolean    attain_goal_in_period (const AttainGoal *goal, const AttainPeriod *period);
AttainGoal *attain_goal_load (AttainDb *db, gint64 id, GError **error);
GPtrArray  *attain_goals_query (AttainDb   *db,
                                const char *where_sql,
                                const char *text1,
                                const char *text2,
                                const char *text3,
                                GError    **error);
GPtrArray  *attain_goals_of_owner (AttainDb           *db,
                                   const AttainScope  *owner,
                                   const AttainPeriod *period,
                                   GError            **error);

gboolean attain_parse_target (const char *text, AttainValueKind kind, gint64 *out, GError **error);
char    *attain_format_target (const AttainGoal *goal, gint64 value);
gboolean attain_goal_validate (const AttainGoal *goal, GError **error);
gboolean attain_goal_check_weights (GPtrArray *goals, GError **error);

/* Splits that never lose a fen: the parts always add up to the whole. */
void     attain_split_even (gint64 total, guint n, gint64 *parts);
gboolean attain_split_by_weights (gint64 total, const double *weights, guint n, gint64 *parts);
void     attain_split_round (gint64 *parts, guint n, gint64 unit);
gboolean attain_split_check_manual (gint64          total,
                                    const gint64   *parts,
                                    guint           n,
                                    const char     *currency,
                                    AttainValueKind kind,
                                    GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttainGoal, attain_goal_free)

G_END_DECLS

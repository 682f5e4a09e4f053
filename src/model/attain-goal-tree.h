/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "attain-formulas.h"
#include "attain-goal-history.h"

G_BEGIN_DECLS

typedef enum
{
  ATTAIN_SMART_NO_TARGET = 1 << 0,
  ATTAIN_SMART_NO_UNIT = 1 << 1,
  ATTAIN_SMART_NO_DEADLINE = 1 << 2,
  ATTAIN_SMART_ABOVE_HISTORY = 1 << 3, /* more than twice last year's actual */
  ATTAIN_SMART_BELOW_HISTORY = 1 << 4, /* below last year's actual */
} AttainSmartFlags;

typedef enum
{
  ATTAIN_SPLIT_EVEN,
  ATTAIN_SPLIT_LAST_YEAR, /* by last year's share of actuals (or seasonality, in time) */
  ATTAIN_SPLIT_BY_HAND,
} AttainSplitMethod;

typedef struct
{
  AttainScope scope;
  int         parent; /* index in the tree, -1 for the company */
  int         depth;
  char       *name;
  char       *detail;
  AttainGoal *goal; /* this owner's goal for the metric and period, or NULL */
  /* Without a goal of the period's own: the sum of the monthly goals it holds (a person's own,
   * or a unit's people's, as the dashboard counts them), NAN when there are none. */
  double     derived_target;
  guint      n_children;
  guint      n_children_with_target;
  gint64     children_sum;
  gboolean   has_gap; /* a target and children's targets that differ */
  gint64     gap;     /* target - children_sum */
  double     actual;  /* the whole subtree's, NAN for an unrated capability */
  double     last_year;
  double     base;       /* a rate's denominator this period: what a parent's mean weighs it by */
  double     attainment; /* actual / (own target, else children's sum) */
  AttainPace pace;
  guint      smart; /* AttainSmartFlags */
} AttainGoalNode;

typedef struct
{
  AttainPeriod            period;
  char                   *metric;
  const AttainGoalMetric *info;
  char                   *currency;
  double                  elapsed;
  GPtrArray              *nodes; /* AttainGoalNode*, depth first: a parent before its children */
} AttainGoalTree;

AttainGoalTree *attain_goal_tree_load (AttainDb           *db,
                                       const AttainPeriod *period,
                                       const char         *metric,
                                       const GDate        *today,
                                       GError            **error);
void            attain_goal_tree_load_async (const char         *path,
                                             const AttainPeriod *period,
                                             const char         *metric,
                                             const GDate        *today,
                                             GCancellable       *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer            user_data);
AttainGoalTree *attain_goal_tree_load_finish (GAsyncResult *result, GError **error);
void            attain_goal_tree_free (AttainGoalTree *tree);
AttainGoalNode *attain_goal_tree_node (const AttainGoalTree *tree, guint index);
int             attain_goal_tree_find (const AttainGoalTree *tree, const AttainScope *scope);
GArray         *attain_goal_tree_children (const AttainGoalTree *tree, guint index);
/* The node's target: its goal's, else its derived one, else NAN. */
double    attain_goal_node_target (const AttainGoalNode *node);
char     *attain_goal_node_variance_text (const AttainGoalTree *tree, const AttainGoalNode *node);
char     *attain_goal_node_smart_text (const AttainGoalTree *tree, const AttainGoalNode *node);
char     *attain_goal_tree_format (const AttainGoalTree *tree, double value);
JsonNode *attain_goal_tree_to_json (const AttainGoalTree *tree);

AttainGoalEdit *attain_goal_tree_split_children (const AttainGoalTree *tree,
                                                 guint                 index,
                                                 AttainSplitMethod     method,
                                                 const gint64         *parts,
                                                 gint64                round_to,
                                                 GError              **error);
AttainGoalEdit *attain_goal_tree_spread_over_months (AttainDb             *db,
                                                     const AttainGoalTree *tree,
                                                     guint                 index,
                                                     gint64                total,
                                                     GError              **error);
AttainGoalEdit *attain_goal_tree_split_in_time (AttainDb             *db,
                                                const AttainGoalTree *tree,
                                                guint                 index,
                                                AttainPeriodKind      into,
                                                AttainSplitMethod     method,
                                                GError              **error);
AttainGoalEdit *
attain_goal_tree_roll_up (const AttainGoalTree *tree, guint index, char **warning, GError **error);
AttainGoalEdit *
attain_goal_tree_raise (const AttainGoalTree *tree, guint index, double percent, GError **error);
AttainGoalEdit *attain_goal_tree_copy_last_year (AttainDb             *db,
                                                 AttainGoalHistory    *history,
                                                 const AttainGoalTree *tree,
                                                 GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttainGoalTree, attain_goal_tree_free)

G_END_DECLS

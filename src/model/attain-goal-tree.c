/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-goal-tree.h"

#include "attain-gettext.h"

#include "attain-json.h"
#include "attain-loader.h"
#include <math.h>
#include <string.h>

static void
node_free (AttainGoalNode *node)
{
  g_free (node->name);
  g_free (node->detail);
  g_clear_pointer (&node->goal, attain_goal_free);
  g_free (node);
}

void
attain_goal_tree_free (AttainGoalTree *tree)
{
  if (tree == NULL)
    return;
  g_free (tree->metric);
  g_free (tree->currency);
  g_clear_pointer (&tree->nodes, g_ptr_array_unref);
  g_free (tree);
}

AttainGoalNode *
attain_goal_tree_node (const AttainGoalTree *tree, guint index)
{
  g_return_val_if_fail (index < tree->nodes->len, NULL);
  return g_ptr_array_index (tree->nodes, index);
}

int
attain_goal_tree_find (const AttainGoalTree *tree, const AttainScope *scope)
{
  for (guint i = 0; i < tree->nodes->len; i++)
    if (attain_scope_equal (&attain_goal_tree_node (tree, i)->scope, scope))
      return i;
  return -1;
}

GArray *
attain_goal_tree_children (const AttainGoalTree *tree, guint index)
{
  GArray *children = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = index + 1; i < tree->nodes->len; i++)
    {
      AttainGoalNode *node = attain_goal_tree_node (tree, i);
      if (node->depth <= attain_goal_tree_node (tree, index)->depth)
        break;
      if (node->parent == (int) index)
        g_array_append_val (children, i);
    }
  return children;
}

static char *
owner_key (const AttainScope *scope)
{
  return attain_scope_to_string (scope);
}

char *
attain_goal_tree_format (const AttainGoalTree *tree, double value)
{
  if (isnan (value))
    return g_strdup ("—");
  return attain_goal_format_value (tree->info, value, tree->currency);
}

AttainGoalTree *
attain_goal_tree_load (AttainDb           *db,
                       const AttainPeriod *period,
                       const char         *metric,
                       const GDate        *today,
                       GError            **error)
{
  g_autoptr (AttainGoalTree) tree = g_new0 (AttainGoalTree, 1);
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GPtrArray) goals = NULL;
  g_autoptr (GHashTable) goal_by_owner
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) actual = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) planned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  AttainPeriod     last_year = attain_period_same_last_year (period);
  GDate            first, last;
  g_autofree char *first_iso = NULL;
  g_autofree char *last_iso = NULL;
  g_autoptr (GArray) stack = g_array_new (FALSE, FALSE, sizeof (int));
  double tolerance;

  g_return_val_if_fail (db != NULL && period != NULL && metric != NULL && today != NULL, NULL);

  tree->info = attain_goal_metric_lookup (metric);
  if (tree->info == NULL)
    {
      g_set_error (
          error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_METRIC,
          _ ("“%s” is not a metric goals can be set for. Use one of: revenue, collections, "
             "gross_profit, new_customers, deals_won, visits, weighted_visits, "
             "product_knowledge, negotiation."),
          metric);
      return NULL;
    }
  tree->period = *period;
  tree->metric = g_strdup (metric);
  tree->currency = attain_db_get_setting (db, "currency", "CNY");
  tree->elapsed = attain_period_elapsed_share (period, today);
  tree->nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);
  tolerance = attain_db_get_setting_int (db, "pace_tolerance_percent", 5) / 100.0;

  /* 1-2: the organisation, units and people, depth first. */
  entries = attain_org_list (db, error);
  if (entries == NULL)
    return NULL;

  /* 3: every goal for this metric and exactly this period, in one query. */
  attain_period_bounds (period, &first, &last);
  first_iso = attain_date_to_iso (&first);
  last_iso = attain_date_to_iso (&last);
  goals = attain_goals_query (db, "metric = ?1 AND period_start = ?2 AND period_end = ?3", metric,
                              first_iso, last_iso, error);
  if (goals == NULL)
    return NULL;
  for (guint i = 0; i < goals->len; i++)
    {
      AttainGoal *goal = g_ptr_array_index (goals, i);
      char       *key = owner_key (&goal->owner);
      if (!g_hash_table_contains (goal_by_owner, key))
        g_hash_table_insert (goal_by_owner, key, goal);
      else
        g_free (key);
    }

  /* 3b: the monthly goals each person and unit holds in the period: what a quarter (or a year)
   *     without a goal of its own is planned at, as the dashboard sums them. A person's month
   *     view has the month's goal itself. */
  if (tree->info->stats_column != NULL)
    {
      sqlite3_stmt *stmt = attain_db_prepare (
          db,
          "SELECT scope_kind, scope_id, SUM (target) FROM month_goals WHERE metric = ?1 "
          "AND month BETWEEN ?2 AND ?3 GROUP BY scope_kind, scope_id",
          error);
      int rc;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, metric, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, attain_period_first_month (period));
      sqlite3_bind_int (stmt, 3, attain_period_last_month (period));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          AttainScope scope = { sqlite3_column_int (stmt, 0), sqlite3_column_int64 (stmt, 1) };
          double     *sum = g_new (double, 1);
          *sum = sqlite3_column_double (stmt, 2);
          g_hash_table_insert (planned, owner_key (&scope), sum);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          attain_db_set_error (db, error, _ ("Reading the goals"));
          return NULL;
        }
    }

  /* 4: this year's and last year's actual of every unit and person, in one query. */
  if (tree->info->stats_column != NULL)
    {
      /* The column name comes from the constant metric table above, never from input. */
      g_autofree char *sql = g_strdup_printf (
          "SELECT scope_kind, scope_id, TOTAL (CASE WHEN month BETWEEN ?1 AND ?2 THEN %s END), "
          "TOTAL (CASE WHEN month BETWEEN ?3 AND ?4 THEN %s END) FROM month_stats "
          "WHERE month BETWEEN ?3 AND ?2 GROUP BY scope_kind, scope_id",
          tree->info->stats_column, tree->info->stats_column);
      sqlite3_stmt *stmt = NULL;
      int           rc;

      if ((stmt = attain_db_prepare_uncached (db, sql, NULL)) == NULL)
        {
          attain_db_set_error (db, error, _ ("Reading the results"));
          return NULL;
        }
      sqlite3_bind_int (stmt, 1, attain_period_first_month (period));
      sqlite3_bind_int (stmt, 2, attain_period_last_month (period));
      sqlite3_bind_int (stmt, 3, attain_period_first_month (&last_year));
      sqlite3_bind_int (stmt, 4, attain_period_last_month (&last_year));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          AttainScope scope = { sqlite3_column_int (stmt, 0), sqlite3_column_int64 (stmt, 1) };
          double     *values = g_new (double, 2);
          values[0] = sqlite3_column_double (stmt, 2);
          values[1] = sqlite3_column_double (stmt, 3);
          g_hash_table_insert (actual, owner_key (&scope), values);
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          attain_db_set_error (db, error, _ ("Reading the results"));
          return NULL;
        }
    }
  else if (attain_goal_metric_is_rate (tree->info))
    {
      /* A rate's actual is its own ratio of sums, in the goal's stored unit. */
      sqlite3_stmt *stmt = attain_db_prepare (db, tree->info->ratio_sql, error);
      int           rc;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int (stmt, 1, attain_period_first_month (period));
      sqlite3_bind_int (stmt, 2, attain_period_last_month (period));
      sqlite3_bind_int (stmt, 3, attain_period_first_month (&last_year));
      sqlite3_bind_int (stmt, 4, attain_period_last_month (&last_year));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          AttainScope scope = { sqlite3_column_int (stmt, 0), sqlite3_column_int64 (stmt, 1) };
          double     *values = g_new (double, 3);
          double      scale = tree->info->target_scale;
          values[0]
              = attain_ratio (sqlite3_column_double (stmt, 2), sqlite3_column_double (stmt, 3))
                * scale;
          values[1]
              = attain_ratio (sqlite3_column_double (stmt, 4), sqlite3_column_double (stmt, 5))
                * scale;
          values[2] = sqlite3_column_double (stmt, 6);
          g_hash_table_insert (actual, owner_key (&scope), values);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          attain_db_set_error (db, error, _ ("Reading the results"));
          return NULL;
        }
    }

  for (guint i = 0; i < entries->len; i++)
    {
      AttainOrgEntry  *entry = g_ptr_array_index (entries, i);
      AttainGoalNode  *node = g_new0 (AttainGoalNode, 1);
      g_autofree char *key = owner_key (&entry->scope);
      AttainGoal      *goal = g_hash_table_lookup (goal_by_owner, key);
      double          *values = g_hash_table_lookup (actual, key);

      node->scope = entry->scope;
      node->depth = entry->depth;
      node->name = g_strdup (entry->name);
      node->detail = g_strdup (entry->kind_label);
      node->goal = goal ? attain_goal_copy (goal) : NULL;
      node->derived_target = NAN;
      if (goal == NULL || !goal->has_target)
        {
          double *sum = g_hash_table_lookup (planned, key);
          if (sum != NULL)
            node->derived_target = *sum;
        }
      if (tree->info->stats_column != NULL)
        {
          node->actual = values ? values[0] : 0;
          node->last_year = values ? values[1] : 0;
        }
      else if (attain_goal_metric_is_rate (tree->info))
        {
          node->actual = values ? values[0] : NAN;
          node->last_year = values ? values[1] : NAN;
          node->base = values ? values[2] : 0;
        }
      else
        {
          node->actual = goal && goal->rating > 0 ? (double) goal->rating : NAN;
          node->last_year = NAN;
        }

      g_array_set_size (stack, entry->depth);
      node->parent = entry->depth > 0 ? g_array_index (stack, int, entry->depth - 1) : -1;
      g_array_append_val (stack, i);
      g_ptr_array_add (tree->nodes, node);
    }

  /* Children's sums bottom-up: a child always comes after its parent, so by the time a node is
   * reached all below it are done. A rate is never summed: a node without a rate target of its
   * own is planned at its children's targets weighted by their base (a team of ¥10M revenue
   * counts ten times one of ¥1M), or their plain mean when none has a base yet. */
  {
    gboolean           rate = attain_goal_metric_is_rate (tree->info);
    g_autofree double *weighted = g_new0 (double, tree->nodes->len);
    g_autofree double *bases = g_new0 (double, tree->nodes->len);
    g_autofree double *plain = g_new0 (double, tree->nodes->len);

    for (guint i = tree->nodes->len; i > 0; i--)
      {
        AttainGoalNode *node = g_ptr_array_index (tree->nodes, i - 1);
        AttainGoalNode *parent;
        double          target;

        if (rate && node->n_children_with_target > 0)
          {
            double mean = bases[i - 1] > 0 ? weighted[i - 1] / bases[i - 1]
                                           : plain[i - 1] / node->n_children_with_target;
            node->children_sum = (gint64) llround (mean);
            if (!(node->goal != NULL && node->goal->has_target))
              node->derived_target = (double) node->children_sum;
          }
        if (node->parent < 0)
          continue;
        parent = g_ptr_array_index (tree->nodes, node->parent);
        parent->n_children++;
        target = attain_goal_node_target (node);
        if (isnan (target))
          continue;
        parent->n_children_with_target++;
        if (rate)
          {
            weighted[node->parent] += target * node->base;
            bases[node->parent] += node->base;
            plain[node->parent] += target;
          }
        else
          parent->children_sum += (gint64) llround (target);
      }
  }

  for (guint i = 0; i < tree->nodes->len; i++)
    {
      AttainGoalNode *node = g_ptr_array_index (tree->nodes, i);
      gboolean        has_target = node->goal != NULL && node->goal->has_target;
      /* (double) everywhere: NAN is a float, and int64 ? : float would round to float. */
      double target = has_target                         ? (double) node->goal->target
                      : !isnan (node->derived_target)    ? node->derived_target
                      : node->n_children_with_target > 0 ? (double) node->children_sum
                                                         : NAN;

      node->has_gap = has_target && node->n_children_with_target > 0
                      && !attain_goal_metric_is_rate (tree->info)
                      && node->goal->target != node->children_sum;
      node->gap = node->has_gap ? node->goal->target - node->children_sum : 0;
      /* A group's attainment is its whole subtree's actual over its target: a ¥1M team and a
       * ¥10k rep never count the same, as an average of percentages would make them. */
      node->attainment = attain_attainment (node->actual, target, FALSE);
      node->pace = tree->info->stats_column != NULL
                       ? attain_pace_cumulative (node->attainment, tree->elapsed, tolerance)
                       : attain_pace_rate (node->attainment, tree->elapsed, tolerance);

      if (node->goal != NULL)
        {
          if (!node->goal->has_target)
            node->smart |= ATTAIN_SMART_NO_TARGET;
          if (node->goal->unit == NULL || node->goal->unit[0] == '\0')
            node->smart |= ATTAIN_SMART_NO_UNIT;
          if (node->goal->deadline == NULL || node->goal->deadline[0] == '\0')
            node->smart |= ATTAIN_SMART_NO_DEADLINE;
          if (has_target && node->last_year > 0 && node->goal->target > 2 * node->last_year)
            node->smart |= ATTAIN_SMART_ABOVE_HISTORY;
          if (has_target && node->last_year > 0 && node->goal->target < node->last_year)
            node->smart |= ATTAIN_SMART_BELOW_HISTORY;
        }
    }
  return g_steal_pointer (&tree);
}

/* Actual minus the node's target (its own, derived, else its children's sum) in the metric's
 * unit, signed; "" without a target or an actual. */
char *
attain_goal_node_variance_text (const AttainGoalTree *tree, const AttainGoalNode *node)
{
  double target = attain_goal_node_target (node);
  double variance;

  if (isnan (target) && node->n_children_with_target > 0)
    target = (double) node->children_sum;
  if (isnan (target) || isnan (node->actual))
    return g_strdup ("");
  variance = node->actual - target;
  if (tree->info->kind == ATTAIN_VALUE_RATE)
    return attain_format_points_change (variance * 100.0 / tree->info->target_scale);
  {
    g_autofree char *magnitude
        = attain_goal_format_value (tree->info, fabs (variance), tree->currency);
    if (llround (variance) == 0)
      return g_steal_pointer (&magnitude);
    return g_strdup_printf ("%s%s", variance < 0 ? "-" : "+", magnitude);
  }
}

double
attain_goal_node_target (const AttainGoalNode *node)
{
  if (node->goal != NULL && node->goal->has_target)
    return (double) node->goal->target;
  return node->derived_target;
}

char *
attain_goal_node_smart_text (const AttainGoalTree *tree, const AttainGoalNode *node)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *last = attain_goal_tree_format (tree, node->last_year);

  if (node->smart == 0)
    return NULL;
  if (node->smart & ATTAIN_SMART_NO_TARGET)
    g_ptr_array_add (parts, g_strdup (_ ("no target number")));
  if (node->smart & ATTAIN_SMART_NO_UNIT)
    g_ptr_array_add (parts, g_strdup (_ ("no unit")));
  if (node->smart & ATTAIN_SMART_NO_DEADLINE)
    g_ptr_array_add (parts, g_strdup (_ ("no deadline")));
  if (node->smart & ATTAIN_SMART_ABOVE_HISTORY)
    /* Translators: a goal far above history, %s is last year's actual */
    g_ptr_array_add (
        parts,
        g_strdup_printf (_ ("more than twice last year's %s: check it is achievable"), last));
  if (node->smart & ATTAIN_SMART_BELOW_HISTORY)
    /* Translators: a goal below history, %s is last year's actual */
    g_ptr_array_add (parts,
                     g_strdup_printf (_ ("below last year's %s: check it is challenging"), last));
  g_ptr_array_add (parts, NULL);
  /* Translators: separates the reasons a goal is not SMART */
  return g_strjoinv (_ ("; "), (char **) parts->pdata);
}

static void
node_to_json (const AttainGoalTree *tree, guint index, JsonBuilder *builder)
{
  AttainGoalNode *node = attain_goal_tree_node (tree, index);
  g_autoptr (GArray) children = attain_goal_tree_children (tree, index);
  g_autofree char *scope = attain_scope_to_string (&node->scope);
  g_autofree char *smart = attain_goal_node_smart_text (tree, node);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "scope");
  json_builder_add_string_value (builder, scope);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, node->name);
  json_builder_set_member_name (builder, "goal_id");
  if (node->goal)
    json_builder_add_int_value (builder, node->goal->id);
  else
    json_builder_add_null_value (builder);
  attain_json_add_number (builder, "target",
                          node->goal && node->goal->has_target ? (double) node->goal->target : NAN);
  attain_json_add_number (builder, "children_sum",
                          node->n_children_with_target > 0 ? (double) node->children_sum : NAN);
  attain_json_add_number (builder, "gap", node->has_gap ? (double) node->gap : NAN);
  attain_json_add_number (builder, "actual", node->actual);
  attain_json_add_number (builder, "last_year", node->last_year);
  attain_json_add_number (builder, "attainment", node->attainment);
  json_builder_set_member_name (builder, "pace");
  json_builder_add_string_value (builder, attain_pace_to_string (node->pace));
  json_builder_set_member_name (builder, "agreed_on");
  if (node->goal && node->goal->agreed_on)
    json_builder_add_string_value (builder, node->goal->agreed_on);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "smart");
  if (smart)
    json_builder_add_string_value (builder, smart);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "children");
  json_builder_begin_array (builder);
  for (guint i = 0; i < children->len; i++)
    node_to_json (tree, g_array_index (children, guint, i), builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

JsonNode *
attain_goal_tree_to_json (const AttainGoalTree *tree)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autofree char *period = attain_period_to_string (&tree->period);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "period");
  json_builder_add_string_value (builder, period);
  json_builder_set_member_name (builder, "metric");
  json_builder_add_string_value (builder, tree->metric);
  json_builder_set_member_name (builder, "unit");
  json_builder_add_string_value (
      builder, tree->info->kind == ATTAIN_VALUE_MONEY ? tree->currency : tree->info->default_unit);
  json_builder_set_member_name (builder, "tree");
  if (tree->nodes->len > 0)
    node_to_json (tree, 0, builder);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static AttainGoal *
goal_for_node (const AttainGoalTree *tree, const AttainGoalNode *node)
{
  if (node->goal != NULL)
    return attain_goal_copy (node->goal);
  return attain_goal_new (&node->scope, tree->metric, &tree->period);
}

static gboolean
require_target (const AttainGoalNode *node, GError **error)
{
  if (node->goal == NULL || !node->goal->has_target)
    {
      g_set_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_SPLIT,
                   _ ("%s has no target to split yet. Set one first."), node->name);
      return FALSE;
    }
  return TRUE;
}

/* A goal whose target an operation changes is no longer what its owner agreed to: it goes back
 * to proposed until agreed again. */
static void
reopen_if_changed (AttainGoal *after, const AttainGoal *before)
{
  if (before != NULL && before->agreed_on != NULL
      && (after->target != before->target || after->has_target != before->has_target))
    g_clear_pointer (&after->agreed_on, g_free);
}

AttainGoalEdit *
attain_goal_tree_split_children (const AttainGoalTree *tree,
                                 guint                 index,
                                 AttainSplitMethod     method,
                                 const gint64         *parts,
                                 gint64                round_to,
                                 GError              **error)
{
  AttainGoalNode *node = attain_goal_tree_node (tree, index);
  g_autoptr (GArray) children = attain_goal_tree_children (tree, index);
  g_autofree gint64 *amounts = NULL;
  g_autoptr (AttainGoalEdit) edit = NULL;
  const char *label;
  gint64      total;

  /* A target derived from the monthly goals splits like a goal of the period's own. */
  if (isnan (attain_goal_node_target (node)) && !require_target (node, error))
    return NULL;
  total = (gint64) llround (attain_goal_node_target (node));
  if (children->len == 0)
    {
      g_set_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_SPLIT,
                   _ ("%s has nobody below it to split the target among."), node->name);
      return NULL;
    }

  amounts = g_new0 (gint64, children->len);
  switch (method)
    {
    case ATTAIN_SPLIT_EVEN:
      attain_split_even (total, children->len, amounts);
      label = _ ("Split evenly");
      break;
    case ATTAIN_SPLIT_LAST_YEAR:
      {
        g_autofree double *weights = g_new0 (double, children->len);
        for (guint i = 0; i < children->len; i++)
          weights[i] = attain_goal_tree_node (tree, g_array_index (children, guint, i))->last_year;
        if (isnan (weights[0]) || !attain_split_by_weights (total, weights, children->len, amounts))
          {
            g_set_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_SPLIT,
                         _ ("Nobody below %s had results last year to take shares from. Split "
                            "evenly or by hand."),
                         node->name);
            return NULL;
          }
        label = _ ("Split by last year's share");
      }
      break;
    case ATTAIN_SPLIT_BY_HAND:
    default:
      g_return_val_if_fail (parts != NULL, NULL);
      if (!attain_split_check_manual (total, parts, children->len, tree->currency, tree->info->kind,
                                      error))
        return NULL;
      memcpy (amounts, parts, children->len * sizeof (gint64));
      label = _ ("Split by hand");
      break;
    }

  if (method != ATTAIN_SPLIT_BY_HAND)
    attain_split_round (amounts, children->len, round_to);
  edit = attain_goal_edit_new (label);
  for (guint i = 0; i < children->len; i++)
    {
      AttainGoalNode *child = attain_goal_tree_node (tree, g_array_index (children, guint, i));
      g_autoptr (AttainGoal) after = goal_for_node (tree, child);

      after->has_target = TRUE;
      after->target = amounts[i];
      after->parent_id = node->goal != NULL ? node->goal->id : 0;
      reopen_if_changed (after, child->goal);
      attain_goal_edit_add (edit, child->goal, after);
    }
  return g_steal_pointer (&edit);
}

/* A person's period without a goal of its own is planned by their monthly goals: a new total
 * for it goes to those months in proportion to their targets, exact to the fen, and the
 * period stays derived. */
AttainGoalEdit *
attain_goal_tree_spread_over_months (AttainDb             *db,
                                     const AttainGoalTree *tree,
                                     guint                 index,
                                     gint64                total,
                                     GError              **error)
{
  AttainGoalNode  *node = attain_goal_tree_node (tree, index);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, node->scope.id);
  g_autofree char *first = NULL, *last = NULL;
  g_autoptr (GPtrArray) months = NULL;
  g_autofree double *weights = NULL;
  g_autofree gint64 *parts = NULL;
  g_autoptr (AttainGoalEdit) edit = NULL;
  GDate from, to;

  attain_period_bounds (&tree->period, &from, &to);
  first = attain_date_to_iso (&from);
  last = attain_date_to_iso (&to);
  if (node->scope.kind == ATTAIN_SCOPE_PERSON)
    {
      months = attain_goals_query (db,
                                   "owner_person_id = CAST (?1 AS INTEGER) AND period_kind = "
                                   "'month' AND period_start >= ?2 AND period_end <= ?3 AND "
                                   "target IS NOT NULL",
                                   id, first, last, error);
      if (months == NULL)
        return NULL;
      for (guint i = months->len; i > 0; i--)
        if (g_strcmp0 (((AttainGoal *) g_ptr_array_index (months, i - 1))->metric, tree->metric)
            != 0)
          g_ptr_array_remove_index (months, i - 1);
    }
  if (months == NULL || months->len == 0 || isnan (node->derived_target))
    {
      g_set_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_SPLIT,
                   _ ("%s has no monthly goals in this period to spread the target over."),
                   node->name);
      return NULL;
    }
  weights = g_new0 (double, months->len);
  parts = g_new0 (gint64, months->len);
  for (guint i = 0; i < months->len; i++)
    weights[i] = ((AttainGoal *) g_ptr_array_index (months, i))->target;
  /* Months planned at zero share evenly. */
  if (!attain_split_by_weights (total, weights, months->len, parts))
    attain_split_even (total, months->len, parts);
  edit = attain_goal_edit_new (_ ("Spread over the months"));
  for (guint i = 0; i < months->len; i++)
    {
      AttainGoal *before = g_ptr_array_index (months, i);
      g_autoptr (AttainGoal) after = attain_goal_copy (before);
      after->target = parts[i];
      reopen_if_changed (after, before);
      attain_goal_edit_add (edit, before, after);
    }
  return g_steal_pointer (&edit);
}

AttainGoalEdit *
attain_goal_tree_split_in_time (AttainDb             *db,
                                const AttainGoalTree *tree,
                                guint                 index,
                                AttainPeriodKind      into,
                                AttainSplitMethod     method,
                                GError              **error)
{
  AttainGoalNode    *node = attain_goal_tree_node (tree, index);
  guint              n = into == ATTAIN_PERIOD_MONTH ? 12 : 4;
  g_autofree gint64 *amounts = g_new0 (gint64, n);
  g_autofree double *weights = g_new0 (double, n);
  g_autoptr (GPtrArray) existing = NULL;
  g_autoptr (AttainGoalEdit) edit = NULL;
  AttainPeriod first_part;
  GDate        start;

  if (!require_target (node, error))
    return NULL;
  if (tree->period.kind != ATTAIN_PERIOD_YEAR || into == ATTAIN_PERIOD_YEAR)
    {
      g_set_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_SPLIT,
                   _ ("Only a year's target splits into quarters or months."));
      return NULL;
    }

  attain_date_parse_iso (node->goal->period_start, &start);
  first_part = attain_period_containing (into, &start, tree->period.fy_start_month);

  if (method == ATTAIN_SPLIT_LAST_YEAR)
    {
      /* Seasonality: last year's actual of the same owner in each quarter or month. */
      for (guint i = 0; i < n; i++)
        {
          AttainPeriod     part = attain_period_shift (&first_part, i);
          AttainPeriod     before = attain_period_same_last_year (&part);
          sqlite3_stmt    *stmt = NULL;
          g_autofree char *sql = NULL;

          if (tree->info->stats_column == NULL)
            break;
          sql = g_strdup_printf ("SELECT TOTAL (%s) FROM month_stats WHERE scope_kind = ?1 AND "
                                 "scope_id = ?2 AND month BETWEEN ?3 AND ?4",
                                 tree->info->stats_column);
          if ((stmt = attain_db_prepare_uncached (db, sql, NULL)) == NULL)
            {
              attain_db_set_error (db, error, _ ("Reading the results"));
              return NULL;
            }
          sqlite3_bind_int (stmt, 1, node->scope.kind);
          sqlite3_bind_int64 (stmt, 2, node->scope.id);
          sqlite3_bind_int (stmt, 3, attain_period_first_month (&before));
          sqlite3_bind_int (stmt, 4, attain_period_last_month (&before));
          sqlite3_step (stmt);
          weights[i] = sqlite3_column_double (stmt, 0);
          sqlite3_finalize (stmt);
        }
      if (!attain_split_by_weights (node->goal->target, weights, n, amounts))
        {
          g_set_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_SPLIT,
                       _ ("%s had no results last year to take the seasons from. Split evenly."),
                       node->name);
          return NULL;
        }
    }
  else
    attain_split_even (node->goal->target, n, amounts);

  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, node->scope.id);
    existing = attain_goals_query (
        db,
        node->scope.kind == ATTAIN_SCOPE_UNIT
            ? "owner_unit_id = CAST (?1 AS INTEGER) AND metric = ?2 AND period_kind = ?3"
            : "owner_person_id = CAST (?1 AS INTEGER) AND metric = ?2 AND period_kind = ?3",
        id, tree->metric, into == ATTAIN_PERIOD_MONTH ? "month" : "quarter", error);
    if (existing == NULL)
      return NULL;
  }

  edit = attain_goal_edit_new (
      into == ATTAIN_PERIOD_MONTH
          ? (method == ATTAIN_SPLIT_LAST_YEAR ? _ ("Split into months by season")
                                              : _ ("Split into months evenly"))
          : (method == ATTAIN_SPLIT_LAST_YEAR ? _ ("Split into quarters by season")
                                              : _ ("Split into quarters evenly")));
  for (guint i = 0; i < n; i++)
    {
      AttainPeriod part = attain_period_shift (&first_part, i);
      AttainGoal  *before = NULL;
      g_autoptr (AttainGoal) after = NULL;

      for (guint j = 0; j < existing->len && before == NULL; j++)
        if (attain_goal_in_period (g_ptr_array_index (existing, j), &part))
          before = g_ptr_array_index (existing, j);
      after = before ? attain_goal_copy (before)
                     : attain_goal_new (&node->scope, tree->metric, &part);
      after->has_target = TRUE;
      after->target = amounts[i];
      after->parent_id = node->goal->id;
      after->weight = before ? before->weight : node->goal->weight;
      reopen_if_changed (after, before);
      attain_goal_edit_add (edit, before, after);
    }
  return g_steal_pointer (&edit);
}

AttainGoalEdit *
attain_goal_tree_roll_up (const AttainGoalTree *tree, guint index, char **warning, GError **error)
{
  AttainGoalNode *node = attain_goal_tree_node (tree, index);
  g_autoptr (AttainGoal) after = NULL;
  g_autoptr (AttainGoalEdit) edit = NULL;

  if (node->n_children_with_target == 0)
    {
      g_set_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_SPLIT,
                   _ ("Nobody below %s has a target yet, so there is nothing to add up."),
                   node->name);
      return NULL;
    }
  after = goal_for_node (tree, node);
  after->has_target = TRUE;
  after->target = node->children_sum;
  reopen_if_changed (after, node->goal);
  edit = attain_goal_edit_new (_ ("Fill from the children's sum"));
  attain_goal_edit_add (edit, node->goal, after);
  if (attain_goal_edit_get_size (edit) == 0)
    {
      g_set_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_NOTHING_TO_DO,
                   _ ("%s's target already equals its children's sum."), node->name);
      return NULL;
    }

  /* Bottom-up planning can contradict a target set from above: say so. */
  if (warning != NULL && node->parent >= 0)
    {
      AttainGoalNode *parent = attain_goal_tree_node (tree, node->parent);
      gint64          siblings = parent->children_sum
                        - (node->goal && node->goal->has_target ? node->goal->target : 0)
                        + node->children_sum;
      if (parent->goal != NULL && parent->goal->has_target && parent->goal->target != siblings)
        {
          g_autofree char *above = attain_goal_tree_format (tree, parent->goal->target);
          g_autofree char *sum = attain_goal_tree_format (tree, siblings);
          *warning
              = g_strdup_printf (_ ("%s's target of %s now differs from the sum below it, %s."),
                                 parent->name, above, sum);
        }
    }
  return g_steal_pointer (&edit);
}

static void
raise_subtree (const AttainGoalTree *tree, guint index, gint64 new_target, AttainGoalEdit *edit)
{
  AttainGoalNode *node = attain_goal_tree_node (tree, index);
  g_autoptr (AttainGoal) after = attain_goal_copy (node->goal);
  g_autoptr (GArray) children = attain_goal_tree_children (tree, index);
  g_autoptr (GArray) targeted = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree double *weights = NULL;
  g_autofree gint64 *parts = NULL;
  gint64             children_total;

  after->target = new_target;
  reopen_if_changed (after, node->goal);
  attain_goal_edit_add (edit, node->goal, after);

  /* Children keep their shares of the old target, so the parts still add up exactly. */
  for (guint i = 0; i < children->len; i++)
    {
      AttainGoalNode *child = attain_goal_tree_node (tree, g_array_index (children, guint, i));
      if (child->goal != NULL && child->goal->has_target)
        g_array_append_val (targeted, g_array_index (children, guint, i));
    }
  if (targeted->len == 0)
    return;
  weights = g_new0 (double, targeted->len);
  parts = g_new0 (gint64, targeted->len);
  for (guint i = 0; i < targeted->len; i++)
    weights[i] = attain_goal_tree_node (tree, g_array_index (targeted, guint, i))->goal->target;
  /* Where children added up to the target they still do; a gap scales with the target. */
  children_total = node->children_sum == node->goal->target
                       ? new_target
                       : (gint64) llroundl ((long double) node->children_sum * new_target
                                            / MAX (node->goal->target, 1));
  if (!attain_split_by_weights (children_total, weights, targeted->len, parts))
    return;
  for (guint i = 0; i < targeted->len; i++)
    raise_subtree (tree, g_array_index (targeted, guint, i), parts[i], edit);
}

AttainGoalEdit *
attain_goal_tree_raise (const AttainGoalTree *tree, guint index, double percent, GError **error)
{
  AttainGoalNode *node = attain_goal_tree_node (tree, index);
  g_autoptr (AttainGoalEdit) edit = NULL;
  g_autofree char *label = NULL;
  char             number[32];

  if (!require_target (node, error))
    return NULL;
  if (!isfinite (percent) || percent <= -100)
    {
      g_set_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_TARGET,
                   _ ("Raise by a percentage above -100%%."));
      return NULL;
    }
  g_ascii_formatd (number, sizeof number, "%g", percent);
  /* Translators: %s is a percentage like 10 */
  label = g_strdup_printf (_ ("Raise by %s%%"), number);
  edit = attain_goal_edit_new (label);
  raise_subtree (tree, index, (gint64) llround (node->goal->target * (1.0 + percent / 100.0)),
                 edit);
  return g_steal_pointer (&edit);
}

AttainGoalEdit *
attain_goal_tree_copy_last_year (AttainDb             *db,
                                 AttainGoalHistory    *history,
                                 const AttainGoalTree *tree,
                                 GError              **error)
{
  AttainPeriod last_year = attain_period_same_last_year (&tree->period);
  g_autoptr (GPtrArray) old_goals = NULL;
  g_autoptr (GHashTable) old_by_owner
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree gint64 *new_ids = g_new0 (gint64, tree->nodes->len);
  g_autoptr (AttainGoalEdit) edit = attain_goal_edit_new (_ ("Copy last year's goals"));
  GDate            first, last;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  attain_period_bounds (&last_year, &first, &last);
  a = attain_date_to_iso (&first);
  b = attain_date_to_iso (&last);
  old_goals = attain_goals_query (db, "metric = ?1 AND period_start = ?2 AND period_end = ?3",
                                  tree->metric, a, b, error);
  if (old_goals == NULL)
    return NULL;
  for (guint i = 0; i < old_goals->len; i++)
    {
      AttainGoal *goal = g_ptr_array_index (old_goals, i);
      g_hash_table_insert (old_by_owner, attain_scope_to_string (&goal->owner), goal);
    }

  for (guint i = 0; i < tree->nodes->len; i++)
    {
      AttainGoalNode  *node = attain_goal_tree_node (tree, i);
      g_autofree char *key = attain_scope_to_string (&node->scope);
      AttainGoal      *old = g_hash_table_lookup (old_by_owner, key);
      g_autoptr (AttainGoal) copy = NULL;

      new_ids[i] = node->goal ? node->goal->id : 0;
      if (node->goal != NULL || old == NULL)
        continue;
      copy = attain_goal_copy (old);
      copy->id = new_ids[i] = attain_goal_history_reserve_id (history, error);
      if (copy->id == 0)
        return NULL;
      attain_goal_set_period (copy, &tree->period);
      g_clear_pointer (&copy->deadline, g_free);
      copy->deadline = g_strdup (copy->period_end);
      /* A copy is a proposal: it is agreed again with the salesperson. */
      g_clear_pointer (&copy->agreed_on, g_free);
      copy->rating = 0;
      copy->parent_id = node->parent >= 0 ? new_ids[node->parent] : 0;
      attain_goal_edit_add (edit, NULL, copy);
    }
  if (attain_goal_edit_get_size (edit) == 0)
    {
      g_set_error (error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_NOTHING_TO_DO,
                   _ ("There is nothing to copy: last year had no goals for this metric, or every "
                      "owner already has one."));
      return NULL;
    }
  return g_steal_pointer (&edit);
}

typedef struct
{
  AttainPeriod period;
  char        *metric;
  GDate        today;
} GoalTreeRequest;

static void
goal_tree_request_free (GoalTreeRequest *request)
{
  g_free (request->metric);
  g_free (request);
}

static gpointer
load_goal_tree (AttainDb *db, gpointer data, GCancellable *cancellable, GError **error)
{
  GoalTreeRequest *request = data;
  return attain_goal_tree_load (db, &request->period, request->metric, &request->today, error);
}

/* The goal tree of @metric in @period, loaded on a worker from the file at @path. */
void
attain_goal_tree_load_async (const char         *path,
                             const AttainPeriod *period,
                             const char         *metric,
                             const GDate        *today,
                             GCancellable       *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer            user_data)
{
  GoalTreeRequest *request = g_new0 (GoalTreeRequest, 1);

  request->period = *period;
  request->metric = g_strdup (metric);
  request->today = *today;
  attain_load_async (path, load_goal_tree, request, (GDestroyNotify) goal_tree_request_free,
                     (GDestroyNotify) attain_goal_tree_free, attain_goal_tree_load_async,
                     cancellable, callback, user_data);
}

AttainGoalTree *
attain_goal_tree_load_finish (GAsyncResult *result, GError **error)
{
  return attain_load_finish (result, attain_goal_tree_load_async, error);
}

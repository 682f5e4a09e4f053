/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-goals-page.h"

#include "attain-column-titles.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "attain-goal-dialog.h"
#include "attain-document-print.h"
#include "report/attain-goal-report.h"
#include "report/attain-review-report.h"
#include "model/attain-format.h"
#include "model/attain-goal-export.h"
#include "model/attain-goal-item.h"

struct _AttainGoalsPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkDropDown         *metric_dropdown;
  GtkButton           *period_button;
  GtkLabel            *selection_label;
  GtkLabel            *smart_label;
  GtkSpinner          *spinner;
  GtkColumnViewColumn *target_column;
  AdwToastOverlay     *toast_overlay;
  GtkColumnView       *tree_view;
  AdwWindowTitle      *window_title;

  /* Owned references */
  AttainContext      *context;
  AttainGoalHistory  *history;
  AttainGoalTree     *tree;
  GListModel         *roots;
  GtkSingleSelection *selection;
  GtkWindow          *dialog; /* the open edit or split dialog, for tests */
  AttainSession      *session;
  AttainPeriod        period;
  char               *metric;
  char               *select_after_load;
  GCancellable       *load; /* the load in flight: a newer one cancels it */
  gboolean            loading;
};

G_DEFINE_FINAL_TYPE (AttainGoalsPage, attain_goals_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

enum
{
  LOADED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

static void
toast (AttainGoalsPage *self, const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static AttainGoalItem *
selected_item (AttainGoalsPage *self)
{
  GtkTreeListRow *row;

  if (self->selection == NULL)
    return NULL;
  row = gtk_single_selection_get_selected_item (self->selection);
  return row ? ATTAIN_GOAL_ITEM (gtk_tree_list_row_get_item (row)) : NULL;
}

static AttainGoalNode *
selected_node (AttainGoalsPage *self, guint *index)
{
  g_autoptr (AttainGoalItem) item = selected_item (self);

  if (item == NULL || self->tree == NULL)
    return NULL;
  if (index != NULL)
    *index = attain_goal_item_get_index (item);
  return attain_goal_tree_node (self->tree, attain_goal_item_get_index (item));
}

static void
update_actions (AttainGoalsPage *self)
{
  AttainGoalNode *node = selected_node (self, NULL);
  gboolean        has_target = node && node->goal && node->goal->has_target;
  /* A rate is not split, raised or added up: each owner's is its own. */
  gboolean rate = self->tree != NULL && attain_goal_metric_is_rate (self->tree->info);
  gboolean can_split
      = !rate && node && !isnan (attain_goal_node_target (node)) && node->n_children > 0;
  gboolean    year = self->period.kind == ATTAIN_PERIOD_YEAR;
  const char *undo = attain_goal_history_get_undo_label (self->history);
  const char *redo = attain_goal_history_get_redo_label (self->history);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goals.edit", node != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goals.split-evenly", can_split);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goals.split-by-share", can_split);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goals.split-by-hand", can_split);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goals.split-time",
                                 !rate && has_target && year);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goals.roll-up",
                                 !rate && node && node->n_children_with_target > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goals.raise", !rate && has_target);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goals.delete", node && node->goal);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goals.undo", undo != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "goals.redo", redo != NULL);
  gtk_label_set_label (self->selection_label, node ? node->name : "");
  {
    /* The selected goal's SMART reasons in words, not only behind the row's warning icon. */
    g_autofree char *smart = node ? attain_goal_node_smart_text (self->tree, node) : NULL;
    g_autofree char *line = smart ? g_strdup_printf ("⚠ %s", smart) : NULL;
    gtk_label_set_label (self->smart_label, line ? line : "");
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->smart_label), smart);
  }
}

static void
on_selection_changed_cb (AttainGoalsPage *self)
{
  update_actions (self);
}

static GListModel *
create_children_cb (gpointer item, gpointer user_data)
{
  GListModel *children = attain_goal_item_get_children (item);
  return children ? g_object_ref (children) : NULL;
}

static gboolean
select_scope (AttainGoalsPage *self, const char *scope)
{
  GtkTreeListModel *model;
  int               index = -1;
  g_autoptr (GArray) path = g_array_new (FALSE, FALSE, sizeof (guint));
  AttainScope wanted;

  if (self->tree == NULL || !attain_scope_parse (scope, &wanted))
    return FALSE;
  index = attain_goal_tree_find (self->tree, &wanted);
  if (index < 0)
    return FALSE;
  /* Open every ancestor so the row is there to select. */
  for (int i = index; i >= 0; i = attain_goal_tree_node (self->tree, i)->parent)
    g_array_prepend_val (path, i);
  model = GTK_TREE_LIST_MODEL (gtk_single_selection_get_model (self->selection));
  for (guint step = 0; step < path->len; step++)
    {
      guint target = g_array_index (path, guint, step);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
      for (guint position = 0; position < n; position++)
        {
          g_autoptr (GtkTreeListRow) row = gtk_tree_list_model_get_row (model, position);
          g_autoptr (AttainGoalItem) item = gtk_tree_list_row_get_item (row);
          if (attain_goal_item_get_index (item) != target)
            continue;
          if (step + 1 < path->len)
            gtk_tree_list_row_set_expanded (row, TRUE);
          else
            {
              gtk_single_selection_set_selected (self->selection, position);
              gtk_widget_activate_action (GTK_WIDGET (self->tree_view), "list.scroll-to-item", "u",
                                          position);
            }
          break;
        }
    }
  return TRUE;
}

static void
show_tree (AttainGoalsPage *self, AttainGoalTree *tree)
{
  g_autofree char *label = attain_period_to_label (&tree->period);

  g_clear_pointer (&self->tree, attain_goal_tree_free);
  self->tree = tree;
  adw_window_title_set_subtitle (self->window_title, label);

  if (self->roots == NULL || !attain_goal_items_update (self->roots, tree))
    {
      GtkTreeListModel *model;

      g_clear_object (&self->roots);
      self->roots = attain_goal_items_build (tree);
      model = gtk_tree_list_model_new (g_object_ref (self->roots), FALSE, FALSE, create_children_cb,
                                       NULL, NULL);
      g_clear_object (&self->selection);
      self->selection = gtk_single_selection_new (G_LIST_MODEL (model));
      gtk_single_selection_set_autoselect (self->selection, TRUE);
      g_signal_connect_object (self->selection, "selection-changed",
                               G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_column_view_set_model (self->tree_view, GTK_SELECTION_MODEL (self->selection));
      /* Open on the company and its regions: the level a director plans at first. */
      if (g_list_model_get_n_items (G_LIST_MODEL (model)) > 0)
        {
          g_autoptr (GtkTreeListRow) root = gtk_tree_list_model_get_row (model, 0);
          gtk_tree_list_row_set_expanded (root, TRUE);
        }
    }
  if (self->select_after_load != NULL)
    {
      select_scope (self, self->select_after_load);
      g_clear_pointer (&self->select_after_load, g_free);
    }
  update_actions (self);
}

static void
load_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (AttainGoalsPage) self = user_data;
  g_autoptr (GError) error = NULL;
  AttainGoalTree *tree = attain_goal_tree_load_finish (result, &error);

  /* Overtaken by a newer load (another period or metric), or the page is gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  gtk_spinner_set_spinning (self->spinner, FALSE);
  if (tree == NULL)
    toast (self, error->message);
  else
    show_tree (self, tree);
  g_signal_emit (self, signals[LOADED], 0);
}

void
attain_goals_page_reload (AttainGoalsPage *self)
{
  g_autofree char *label = NULL;
  GDate            today;

  g_return_if_fail (ATTAIN_IS_GOALS_PAGE (self));

  g_cancellable_cancel (self->load);
  g_clear_object (&self->load);
  self->load = g_cancellable_new ();
  label = attain_period_to_label (&self->period);
  gtk_button_set_label (self->period_button, label);
  self->loading = TRUE;
  gtk_spinner_set_spinning (self->spinner, TRUE);
  attain_context_get_today (self->context, &today);
  attain_goal_tree_load_async (attain_context_get_db_path (self->context), &self->period,
                               self->metric, &today, self->load, load_done_cb, g_object_ref (self));
}

/* Writes an edit (one transaction, audited, undoable) and shows the result. */
static gboolean
apply_edit (AttainGoalsPage *self, AttainGoalEdit *edit, GError **error)
{
  AttainGoalItem *item = selected_item (self);

  if (!attain_goal_history_apply (self->history, edit, error))
    {
      g_clear_object (&item);
      /* Changed elsewhere: show what is on disk now, as the sentence says. */
      if (error != NULL && g_error_matches (*error, ATTAIN_GOAL_ERROR, ATTAIN_GOAL_ERROR_CHANGED))
        attain_goals_page_reload (self);
      return FALSE;
    }
  if (item != NULL)
    {
      g_free (self->select_after_load);
      self->select_after_load = g_strdup (attain_goal_item_get_scope (item));
      g_object_unref (item);
    }
  attain_goals_page_reload (self);
  return TRUE;
}

static void
apply_now_or_toast (AttainGoalsPage *self, AttainGoalEdit *edit)
{
  g_autoptr (GError) error = NULL;

  if (!apply_edit (self, edit, &error))
    toast (self, error->message);
}

static void
reopen_response_cb (AdwMessageDialog *dialog, const char *response, AttainGoalsPage *self)
{
  AttainGoalEdit *edit = g_object_steal_data (G_OBJECT (dialog), "edit");

  self->dialog = NULL;
  if (g_str_equal (response, "change"))
    apply_now_or_toast (self, edit);
  else
    attain_goal_edit_free (edit);
}

/* Writes @edit, first asking when it changes goals their owners agreed to: those go back to
 * proposed, and a director should not learn that from the tree afterwards. */
static void
apply_or_toast (AttainGoalsPage *self, AttainGoalEdit *edit, GError *error)
{
  g_autoptr (GError) local_error = error;
  g_autoptr (GPtrArray) reopened = NULL;
  g_autoptr (GString) names = NULL;
  GtkWidget *dialog;

  if (edit == NULL)
    {
      toast (self, local_error->message);
      return;
    }
  reopened = attain_goal_edit_reopened (edit);
  if (reopened->len == 0 || self->tree == NULL)
    {
      apply_now_or_toast (self, edit);
      return;
    }
  names = g_string_new (NULL);
  for (guint i = 0; i < reopened->len && i < 8; i++)
    {
      const AttainGoal *goal = g_ptr_array_index (reopened, i);
      int               at = attain_goal_tree_find (self->tree, &goal->owner);
      if (names->len > 0)
        /* Translators: separates names in a list */
        g_string_append (names, _ (", "));
      g_string_append (names, at >= 0 ? attain_goal_tree_node (self->tree, at)->name : "?");
    }
  if (reopened->len > 8)
    g_string_append (names, _ (", …"));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _ ("Change Agreed Goals?"), NULL);
  adw_message_dialog_format_body (
      ADW_MESSAGE_DIALOG (dialog),
      g_dngettext (GETTEXT_PACKAGE,
                   "This changes %u goal its owner already agreed to (%s). It goes back to "
                   "proposed until it is agreed again.",
                   "This changes %u goals their owners already agreed to (%s). They go back to "
                   "proposed until they are agreed again.",
                   reopened->len),
      reopened->len, names->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "change",
                                    _ ("C_hange Them"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "change",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "edit", edit, (GDestroyNotify) attain_goal_edit_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (reopen_response_cb), self, 0);
  self->dialog = GTK_WINDOW (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Rounding offered for a split of money (in fen): exact, to the yuan, ¥100, ¥1,000, ¥10,000. */
static const gint64 split_rounding[] = { 1, 100, 10000, 100000, 1000000 };

static void
split_rounding_response_cb (AdwMessageDialog *dialog, const char *response, AttainGoalsPage *self)
{
  GtkDropDown *rounding = g_object_get_data (G_OBJECT (dialog), "rounding");
  gboolean     by_share = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "by-share"));
  guint        chosen = gtk_drop_down_get_selected (rounding);
  GError      *error = NULL;
  guint        index;

  self->dialog = NULL;
  if (!g_str_equal (response, "split") || selected_node (self, &index) == NULL)
    return;
  apply_or_toast (self,
                  attain_goal_tree_split_children (
                      self->tree, index, by_share ? ATTAIN_SPLIT_LAST_YEAR : ATTAIN_SPLIT_EVEN,
                      NULL, split_rounding[MIN (chosen, G_N_ELEMENTS (split_rounding) - 1)],
                      &error),
                  error);
}

/* Splitting money asks how to round the parts; the total stays exact to the fen. */
static void
ask_split_rounding (AttainGoalsPage *self, AttainGoalNode *node, gboolean by_share)
{
  g_autofree char *total = attain_goal_tree_format (self->tree, attain_goal_node_target (node));
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  const char *symbol = attain_currency_symbol (self->tree->currency);
  GtkWidget  *dialog, *dropdown;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   by_share ? _ ("Split by Last Year's Share") : _ ("Split Evenly"),
                                   NULL);
  adw_message_dialog_format_body (
      ADW_MESSAGE_DIALOG (dialog),
      _ ("Split %s’s target of %s among the %u below it. Round each part to:"), node->name, total,
      node->n_children);
  gtk_string_list_append (labels, _ ("The fen (exact)"));
  for (guint i = 1; i < G_N_ELEMENTS (split_rounding); i++)
    {
      g_autofree char *amount = attain_format_grouped (split_rounding[i] / 100);
      g_autofree char *label = g_strdup_printf ("%s%s", symbol, amount);
      gtk_string_list_append (labels, label);
    }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 3);
  gtk_widget_set_halign (dropdown, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Round each part to"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), dropdown);
  g_object_set_data (G_OBJECT (dialog), "rounding", dropdown);
  g_object_set_data (G_OBJECT (dialog), "by-share", GINT_TO_POINTER (by_share));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "split",
                                    _ ("_Split"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "split",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "split");
  g_signal_connect_object (dialog, "response", G_CALLBACK (split_rounding_response_cb), self, 0);
  self->dialog = GTK_WINDOW (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainGoalsPage *self = ATTAIN_GOALS_PAGE (widget);
  g_autoptr (GError) error = NULL;
  gboolean         redo = g_str_equal (action_name, "goals.redo");
  g_autofree char *label = g_strdup (redo ? attain_goal_history_get_redo_label (self->history)
                                          : attain_goal_history_get_undo_label (self->history));
  g_autofree char *message = NULL;

  if (!(redo ? attain_goal_history_redo (self->history, &error)
             : attain_goal_history_undo (self->history, &error)))
    {
      toast (self, error->message);
      return;
    }
  /* Translators: %s is what was undone or redone, such as "Split evenly" */
  message = g_strdup_printf (redo ? _ ("Redone: %s") : _ ("Undone: %s"), label);
  toast (self, message);
  attain_goals_page_reload (self);
}

static void
set_target_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainGoalsPage *self = ATTAIN_GOALS_PAGE (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainGoal) after = NULL;
  AttainGoalEdit  *edit;
  const char      *scope_text, *text;
  g_autofree char *stripped = NULL;
  AttainScope      scope;
  AttainGoalNode  *node;
  int              index;
  gint64           value = 0;

  g_variant_get (parameter, "(&s&s)", &scope_text, &text);
  if (self->tree == NULL || !attain_scope_parse (scope_text, &scope)
      || (index = attain_goal_tree_find (self->tree, &scope)) < 0)
    return;
  node = attain_goal_tree_node (self->tree, index);
  stripped = g_strstrip (g_strdup (text));
  if (stripped[0] == '\0' && node->goal == NULL)
    return;
  /* An emptied cell clears the number; the SMART column then asks for one. */
  if (stripped[0] != '\0' && !attain_goal_parse_value (self->tree->info, text, &value, &error))
    {
      toast (self, error->message);
      attain_goals_page_reload (self); /* put the stored figure back in the cell */
      return;
    }
  /* A person's derived total is their months': the new figure is spread over them. */
  if (node->goal == NULL && node->scope.kind == ATTAIN_SCOPE_PERSON
      && !attain_goal_metric_is_rate (self->tree->info) && !isnan (node->derived_target)
      && stripped[0] != '\0')
    {
      g_free (self->select_after_load);
      self->select_after_load = g_strdup (scope_text);
      apply_or_toast (self,
                      attain_goal_tree_spread_over_months (attain_context_get_db (self->context),
                                                           self->tree, (guint) index, value,
                                                           &error),
                      g_steal_pointer (&error));
      return;
    }
  after = node->goal ? attain_goal_copy (node->goal)
                     : attain_goal_new (&node->scope, self->tree->metric, &self->tree->period);
  after->has_target = stripped[0] != '\0';
  after->target = after->has_target ? value : 0;
  {
    /* Translators: undo label, %s is whose target changed */
    g_autofree char *name = attain_isolate (node->name);
    g_autofree char *label = g_strdup_printf (_ ("Target of %s"), name);
    edit = attain_goal_edit_new (label);
  }
  attain_goal_edit_add (edit, node->goal, after);
  if (attain_goal_edit_get_size (edit) == 0)
    {
      attain_goal_edit_free (edit);
      return;
    }
  g_free (self->select_after_load);
  self->select_after_load = g_strdup (scope_text);
  if (!attain_goal_history_apply (self->history, edit, &error))
    {
      toast (self, error->message);
      attain_goals_page_reload (self);
      return;
    }
  attain_goals_page_reload (self);
}

static void
select_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  select_scope (ATTAIN_GOALS_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
split_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainGoalsPage *self = ATTAIN_GOALS_PAGE (widget);
  GError          *error = NULL;
  AttainGoalEdit  *edit = NULL;
  guint            index;

  AttainGoalNode *node = selected_node (self, &index);
  gboolean        split_money = (g_str_equal (action_name, "goals.split-evenly")
                          || g_str_equal (action_name, "goals.split-by-share"))
                         && self->tree->info->kind == ATTAIN_VALUE_MONEY;

  if (node == NULL)
    return;
  if (split_money && !isnan (attain_goal_node_target (node)) && node->n_children > 0)
    {
      ask_split_rounding (self, node, g_str_equal (action_name, "goals.split-by-share"));
      return;
    }
  if (g_str_equal (action_name, "goals.split-evenly"))
    edit = attain_goal_tree_split_children (self->tree, index, ATTAIN_SPLIT_EVEN, NULL, 1, &error);
  else if (g_str_equal (action_name, "goals.split-by-share"))
    edit = attain_goal_tree_split_children (self->tree, index, ATTAIN_SPLIT_LAST_YEAR, NULL, 1,
                                            &error);
  else if (g_str_equal (action_name, "goals.roll-up"))
    {
      g_autofree char *warning = NULL;
      edit = attain_goal_tree_roll_up (self->tree, index, &warning, &error);
      if (edit != NULL && warning != NULL)
        toast (self, warning);
    }
  else if (g_str_equal (action_name, "goals.split-time"))
    {
      const char *how = g_variant_get_string (parameter, NULL);
      edit = attain_goal_tree_split_in_time (
          attain_context_get_db (self->context), self->tree, index,
          g_str_has_prefix (how, "month") ? ATTAIN_PERIOD_MONTH : ATTAIN_PERIOD_QUARTER,
          g_str_has_suffix (how, "season") ? ATTAIN_SPLIT_LAST_YEAR : ATTAIN_SPLIT_EVEN, &error);
    }
  apply_or_toast (self, edit, error);
}

static void
copy_last_year_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainGoalsPage *self = ATTAIN_GOALS_PAGE (widget);
  GError          *error = NULL;

  if (self->tree == NULL)
    return;
  apply_or_toast (self,
                  attain_goal_tree_copy_last_year (attain_context_get_db (self->context),
                                                   self->history, self->tree, &error),
                  error);
}

static void
delete_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainGoalsPage *self = ATTAIN_GOALS_PAGE (widget);
  g_autoptr (GError) error = NULL;
  AttainGoalNode  *node = selected_node (self, NULL);
  g_autofree char *label = NULL;
  AttainGoalEdit  *edit;
  AdwToast        *done;

  if (node == NULL || node->goal == NULL)
    return;
  /* Translators: undo label, %s is whose goal was deleted */
  {
    g_autofree char *name = attain_isolate (node->name);
    label = g_strdup_printf (_ ("Delete the goal of %s"), name);
  }
  edit = attain_goal_edit_new (label);
  if (!attain_goal_edit_add_delete_subtree (edit, attain_context_get_db (self->context), node->goal,
                                            &error)
      || !apply_edit (self, edit, &error))
    {
      toast (self, error->message);
      return;
    }
  /* Undo instead of "are you sure": the toast offers it right away. */
  done = adw_toast_new (label);
  adw_toast_set_button_label (done, _ ("_Undo"));
  adw_toast_set_action_name (done, "goals.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, done);
}

static void
raise_response_cb (AdwMessageDialog *dialog, const char *response, AttainGoalsPage *self)
{
  GtkSpinButton *spin = g_object_get_data (G_OBJECT (dialog), "percent");
  GError        *error = NULL;
  guint          index;

  self->dialog = NULL;
  if (!g_str_equal (response, "raise") || selected_node (self, &index) == NULL)
    return;
  apply_or_toast (
      self, attain_goal_tree_raise (self->tree, index, gtk_spin_button_get_value (spin), &error),
      error);
}

static void
raise_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainGoalsPage *self = ATTAIN_GOALS_PAGE (widget);
  AttainGoalNode  *node = selected_node (self, NULL);
  GtkWidget       *dialog, *spin, *box;

  if (node == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _ ("Raise Targets"),
                                   NULL);
  adw_message_dialog_format_body (
      ADW_MESSAGE_DIALOG (dialog),
      _ ("Raise the target of %s and every target split from it by a "
         "percentage. Each keeps its share, so the parts still add up."),
      node->name);
  spin = gtk_spin_button_new_with_range (-99, 500, 1);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 10);
  /* The number is a percentage: said beside it, as in a spreadsheet's format. */
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), spin);
  gtk_box_append (GTK_BOX (box), gtk_label_new ("%"));
  g_object_set_data (G_OBJECT (dialog), "percent", spin);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "raise",
                                    _ ("_Raise"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "raise",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "raise");
  g_signal_connect_object (dialog, "response", G_CALLBACK (raise_response_cb), self, 0);
  self->dialog = GTK_WINDOW (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  AttainGoalsPage *page;
  GPtrArray       *entries;
  GPtrArray       *shares; /* GtkLabel per entry: its share of the total */
  GtkLabel        *given;  /* the running total */
  GtkLabel        *remaining;
  gint64           total;
} HandSplit;

static void
hand_split_free (HandSplit *split)
{
  g_ptr_array_unref (split->entries);
  g_ptr_array_unref (split->shares);
  g_free (split);
}

/* An exact figure for an edit field: grouped, with fen only where there are any. */
static char *
exact_text (const AttainGoalTree *tree, gint64 value)
{
  return tree->info->kind == ATTAIN_VALUE_MONEY ? attain_format_money_exact (value, tree->currency)
                                                : attain_format_grouped (value);
}

static gboolean
hand_split_parts (HandSplit *split, gint64 *parts, GError **error)
{
  AttainValueKind kind = split->page->tree->info->kind == ATTAIN_VALUE_MONEY ? ATTAIN_VALUE_MONEY
                                                                             : ATTAIN_VALUE_COUNT;

  for (guint i = 0; i < split->entries->len; i++)
    {
      const char *text = gtk_editable_get_text (g_ptr_array_index (split->entries, i));
      parts[i] = 0;
      if (text[0] != '\0' && !attain_parse_target (text, kind, &parts[i], error))
        return FALSE;
    }
  return attain_split_check_manual (split->total, parts, split->entries->len,
                                    split->page->tree->currency, kind, error);
}

static void
on_hand_split_changed_cb (GtkEditable *editable, AdwMessageDialog *dialog)
{
  HandSplit         *split = g_object_get_data (G_OBJECT (dialog), "split");
  g_autofree gint64 *parts = g_new0 (gint64, split->entries->len);
  g_autoptr (GError) error = NULL;
  gboolean         ok = hand_split_parts (split, parts, &error);
  gint64           sum = 0;
  g_autofree char *sum_text = NULL, *total_text = NULL, *given = NULL;

  for (guint i = 0; i < split->entries->len; i++)
    {
      g_autofree char *share = split->total > 0
                                   ? attain_format_percent ((double) parts[i] / split->total)
                                   : g_strdup ("—");
      gtk_label_set_label (g_ptr_array_index (split->shares, i), share);
      sum += parts[i];
    }
  sum_text = exact_text (split->page->tree, sum);
  total_text = exact_text (split->page->tree, split->total);
  /* Translators: the running total of a split by hand, "Given out ¥1,200,000 of ¥1,500,000" */
  given = g_strdup_printf (_ ("Given out %s of %s"), sum_text, total_text);
  gtk_label_set_label (split->given, given);

  /* The running remainder: the sentence says what is left to give out, or what is wrong. */
  gtk_label_set_label (split->remaining, ok ? _ ("Every part is given out.") : error->message);
  gtk_widget_set_css_classes (GTK_WIDGET (split->remaining),
                              (const char *[]){ ok ? "success" : "error", NULL });
  adw_message_dialog_set_response_enabled (dialog, "split", ok);
}

static void
hand_split_response_cb (AdwMessageDialog *dialog, const char *response, AttainGoalsPage *self)
{
  HandSplit         *split = g_object_get_data (G_OBJECT (dialog), "split");
  g_autofree gint64 *parts = g_new0 (gint64, split->entries->len);
  GError            *error = NULL;
  guint              index;

  self->dialog = NULL;
  if (!g_str_equal (response, "split") || selected_node (self, &index) == NULL)
    return;
  if (!hand_split_parts (split, parts, &error))
    {
      apply_or_toast (self, NULL, error);
      return;
    }
  apply_or_toast (
      self,
      attain_goal_tree_split_children (self->tree, index, ATTAIN_SPLIT_BY_HAND, parts, 1, &error),
      error);
}

static void
split_by_hand_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainGoalsPage *self = ATTAIN_GOALS_PAGE (widget);
  guint            index;
  AttainGoalNode  *node = selected_node (self, &index);
  g_autoptr (GArray) children = NULL;
  g_autofree char *total = NULL;
  GtkWidget       *dialog, *box, *list;
  HandSplit       *split;

  if (node == NULL || isnan (attain_goal_node_target (node)))
    return;
  children = attain_goal_tree_children (self->tree, index);
  total = attain_goal_tree_format (self->tree, attain_goal_node_target (node));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _ ("Split by Hand"),
                                   NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _ ("Give out %s’s target of %s."),
                                  node->name, total);

  split = g_new0 (HandSplit, 1);
  split->page = self;
  split->total = (gint64) llround (attain_goal_node_target (node));
  split->entries = g_ptr_array_new ();
  split->shares = g_ptr_array_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < children->len; i++)
    {
      AttainGoalNode *child
          = attain_goal_tree_node (self->tree, g_array_index (children, guint, i));
      GtkWidget       *row = adw_entry_row_new ();
      GtkWidget       *share = gtk_label_new (NULL);
      g_autofree char *current
          = !isnan (attain_goal_node_target (child))
                ? exact_text (self->tree, (gint64) llround (attain_goal_node_target (child)))
                : g_strdup ("");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), child->name);
      gtk_editable_set_text (GTK_EDITABLE (row), current);
      gtk_widget_add_css_class (share, "dim-label");
      gtk_widget_add_css_class (share, "numeric");
      gtk_label_set_width_chars (GTK_LABEL (share), 6);
      gtk_label_set_xalign (GTK_LABEL (share), 1);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), share);
      g_ptr_array_add (split->shares, share);
      g_signal_connect (row, "changed", G_CALLBACK (on_hand_split_changed_cb), dialog);
      g_ptr_array_add (split->entries, row);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  split->given = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (split->given), "numeric");
  split->remaining = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (split->remaining, TRUE);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (split->given));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (split->remaining));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "split",
                                    _ ("_Split"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "split",
                                              ADW_RESPONSE_SUGGESTED);
  g_object_set_data_full (G_OBJECT (dialog), "split", split, (GDestroyNotify) hand_split_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (hand_split_response_cb), self, 0);
  if (split->entries->len > 0)
    on_hand_split_changed_cb (g_ptr_array_index (split->entries, 0), ADW_MESSAGE_DIALOG (dialog));
  self->dialog = GTK_WINDOW (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_dialog_saved_cb (AttainGoalsPage *self)
{
  AttainGoalItem *item = selected_item (self);

  if (item != NULL)
    {
      g_free (self->select_after_load);
      self->select_after_load = g_strdup (attain_goal_item_get_scope (item));
      g_object_unref (item);
    }
  attain_goals_page_reload (self);
}

static void
on_dialog_destroyed_cb (AttainGoalsPage *self)
{
  self->dialog = NULL;
}

static void
edit_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainGoalsPage *self = ATTAIN_GOALS_PAGE (widget);
  guint            index;
  AttainGoalNode  *node = selected_node (self, &index);
  GtkWidget       *dialog;

  if (node == NULL)
    return;
  dialog = attain_goal_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->context,
                                   self->history, self->tree, index);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_dialog_destroyed_cb), self,
                           G_CONNECT_SWAPPED);
  self->dialog = GTK_WINDOW (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_tree_view_activate_cb (AttainGoalsPage *self, guint position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "goals.edit", NULL);
}

static void
export_response_cb (GtkNativeDialog *chooser, int response, AttainGoalsPage *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  gboolean xlsx = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "xlsx"));

  if (response == GTK_RESPONSE_ACCEPT && self->tree != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
      if (!(xlsx ? attain_goal_tree_export_xlsx (self->tree, path, &error)
                 : attain_goal_tree_export_csv (self->tree, path, &error)))
        toast (self, error->message);
      else
        {
          g_autofree char *base = g_file_get_basename (file);
          /* Translators: %s is a file name */
          g_autofree char *message = g_strdup_printf (_ ("Saved “%s”"), base);
          toast (self, message);
        }
    }
  g_object_unref (chooser);
}

static void
export_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainGoalsPage      *self = ATTAIN_GOALS_PAGE (widget);
  gboolean              xlsx = g_str_equal (action_name, "goals.export-xlsx");
  GtkFileChooserNative *chooser;
  g_autofree char      *period = NULL;
  g_autofree char      *name = NULL;

  if (self->tree == NULL)
    return;
  period = attain_period_to_string (&self->tree->period);
  /* Translators: suggested file name, %s are the metric and the period; keep it short */
  name = g_strdup_printf (_ ("goals-%s-%s.%s"), self->tree->metric, period, xlsx ? "xlsx" : "csv");
  chooser = gtk_file_chooser_native_new (
      xlsx ? _ ("Export as Excel") : _ ("Export as CSV"), GTK_WINDOW (gtk_widget_get_root (widget)),
      GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "xlsx", GINT_TO_POINTER (xlsx));
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
print_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainGoalsPage *self = ATTAIN_GOALS_PAGE (widget);
  g_autoptr (GPtrArray) documents
      = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_document_free);
  g_autoptr (GError) error = NULL;
  g_autofree char *company = NULL;
  GDate            today;

  if (self->tree == NULL)
    return;
  company = attain_db_get_setting (attain_context_get_db (self->context), "company_name", NULL);
  attain_context_get_today (self->context, &today);
  g_ptr_array_add (documents, attain_goal_tree_report (self->tree, company, &today,
                                                       attain_report_language_for (NULL)));
  /* The same pages as the CLI's PDF, in landscape: ten columns. */
  if (!attain_document_print_run (documents, _ ("Goals"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                  GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                  parameter ? g_variant_get_string (parameter, NULL) : NULL, TRUE,
                                  &error))
    toast (self, error->message);
}

/* Goals are set for years and quarters; a month chosen on the dashboard shows its quarter,
 * since a month would be a sliver of the tree. */
static void
on_session_period_cb (AttainGoalsPage *self)
{
  const AttainPeriod *period = attain_session_get_period (self->session);
  GDate               today;

  attain_context_get_today (self->context, &today);
  self->period = period->kind == ATTAIN_PERIOD_MONTH
                     ? attain_period_with_kind (period, ATTAIN_PERIOD_QUARTER, &today)
                     : *period;
  attain_goals_page_reload (self);
}

static void
on_metric_selected_cb (AttainGoalsPage *self)
{
  guint                   n;
  const AttainGoalMetric *metrics = attain_goal_metrics (&n);
  guint                   selected = gtk_drop_down_get_selected (self->metric_dropdown);

  if (selected >= n || g_strcmp0 (self->metric, metrics[selected].key) == 0)
    return;
  g_free (self->metric);
  self->metric = g_strdup (metrics[selected].key);
  attain_goals_page_reload (self);
}

/* The target cell edits in place: type a figure, press Enter. */
static void
on_target_editing_cb (GtkEditableLabel *label, GParamSpec *pspec, GtkListItem *list_item)
{
  GtkTreeListRow *row;
  g_autoptr (AttainGoalItem) item = NULL;

  if (gtk_editable_label_get_editing (label))
    return;
  row = gtk_list_item_get_item (list_item);
  if (row == NULL)
    return;
  item = gtk_tree_list_row_get_item (row);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (label)),
                 attain_goal_item_get_target_text (item))
      == 0)
    return;
  gtk_widget_activate_action (GTK_WIDGET (label), "goals.set-target", "(ss)",
                              attain_goal_item_get_scope (item),
                              gtk_editable_get_text (GTK_EDITABLE (label)));
}

static void
target_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item)
{
  GtkWidget *label = gtk_editable_label_new ("");

  gtk_editable_set_alignment (GTK_EDITABLE (label), 1.0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_tooltip_text (label, _ ("Double-click to set the target"));
  g_signal_connect (label, "notify::editing", G_CALLBACK (on_target_editing_cb), list_item);
  gtk_list_item_set_child (list_item, label);
}

static void
target_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  g_autoptr (AttainGoalItem) item = gtk_tree_list_row_get_item (row);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  GBinding  *binding;

  binding = g_object_bind_property (item, "target-text", label, "text", G_BINDING_SYNC_CREATE);
  g_object_set_data (G_OBJECT (list_item), "binding", binding);
  /* A sum of the monthly goals is shown apart from a goal of the period's own. */
  if (attain_goal_item_get_target_derived (item))
    {
      gtk_widget_add_css_class (label, "derived-target");
      gtk_widget_set_tooltip_text (label, _ ("The sum of the monthly goals (no goal of its own for "
                                             "this period). Double-click to change it: a "
                                             "person's months change in proportion."));
    }
  else
    {
      gtk_widget_remove_css_class (label, "derived-target");
      gtk_widget_set_tooltip_text (label, _ ("Double-click to set the target"));
    }
}

static void
target_unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item)
{
  GBinding *binding = g_object_get_data (G_OBJECT (list_item), "binding");

  if (binding != NULL)
    g_binding_unbind (binding);
  g_object_set_data (G_OBJECT (list_item), "binding", NULL);
}

static void
on_context_changed_cb (AttainGoalsPage *self, guint changes)
{
  /* Review text, saved as it is typed, touches nothing shown here: no reload while typing. */
  if ((changes & ~ATTAIN_DB_CHANGE_REVIEWS) == 0)
    return;
  if (!self->loading
      && attain_org_company (attain_context_get_db (self->context), &(AttainScope){ 0 }, NULL))
    attain_goals_page_reload (self);
}

static void
attain_goals_page_constructed (GObject *object)
{
  AttainGoalsPage        *self = ATTAIN_GOALS_PAGE (object);
  GtkStringList          *labels = gtk_string_list_new (NULL);
  GtkListItemFactory     *factory;
  const AttainGoalMetric *metrics;
  GDate                   today;
  guint                   n;

  G_OBJECT_CLASS (attain_goals_page_parent_class)->constructed (object);

  self->session = g_object_ref (attain_context_get_session (self->context));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "session",
                                  attain_session_get_actions (self->session));
  g_signal_connect_object (self->session, "notify::period", G_CALLBACK (on_session_period_cb), self,
                           G_CONNECT_SWAPPED);
  attain_context_get_today (self->context, &today);
  self->period = *attain_session_get_period (self->session);
  if (self->period.kind == ATTAIN_PERIOD_MONTH)
    self->period = attain_period_with_kind (&self->period, ATTAIN_PERIOD_QUARTER, &today);
  self->metric = g_strdup ("revenue");
  self->history = attain_goal_history_new (attain_context_get_db (self->context));

  metrics = attain_goal_metrics (&n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (labels, _ (metrics[i].label));
  gtk_drop_down_set_model (self->metric_dropdown, G_LIST_MODEL (labels));
  g_object_unref (labels);
  gtk_drop_down_set_selected (self->metric_dropdown, 0);
  g_signal_connect_object (self->metric_dropdown, "notify::selected",
                           G_CALLBACK (on_metric_selected_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (target_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (target_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (target_unbind_cb), NULL);
  gtk_column_view_column_set_factory (self->target_column, factory);
  g_object_unref (factory);

  /* The dashboard's writes (the demo company) and ours reach each other through the context. */
  g_signal_connect_object (self->context, "changed", G_CALLBACK (on_context_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_actions (self);
  if (!attain_db_is_empty (attain_context_get_db (self->context)))
    attain_goals_page_reload (self);
}

static void
attain_goals_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  AttainGoalsPage *self = ATTAIN_GOALS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attain_goals_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AttainGoalsPage *self = ATTAIN_GOALS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attain_goals_page_dispose (GObject *object)
{
  AttainGoalsPage *self = ATTAIN_GOALS_PAGE (object);
  GtkWidget       *child;

  g_cancellable_cancel (self->load);
  g_clear_object (&self->load);
  if (self->dialog != NULL)
    gtk_window_destroy (g_steal_pointer (&self->dialog));
  gtk_widget_dispose_template (GTK_WIDGET (self), ATTAIN_TYPE_GOALS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->roots);
  g_clear_object (&self->context);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (attain_goals_page_parent_class)->dispose (object);
}

static void
attain_goals_page_finalize (GObject *object)
{
  AttainGoalsPage *self = ATTAIN_GOALS_PAGE (object);

  g_clear_pointer (&self->tree, attain_goal_tree_free);
  g_clear_pointer (&self->history, attain_goal_history_free);
  g_free (self->metric);
  g_free (self->select_after_load);
  G_OBJECT_CLASS (attain_goals_page_parent_class)->finalize (object);
}

static void
attain_goals_page_class_init (AttainGoalsPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = attain_goals_page_constructed;
  object_class->dispose = attain_goals_page_dispose;
  object_class->finalize = attain_goals_page_finalize;
  object_class->get_property = attain_goals_page_get_property;
  object_class->set_property = attain_goals_page_set_property;

  properties[PROP_CONTEXT]
      = g_param_spec_object ("context", NULL, NULL, ATTAIN_TYPE_CONTEXT,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (ATTAIN_TYPE_GOAL_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/attain/Attain/ui/attain-goals-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AttainGoalsPage, metric_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AttainGoalsPage, period_button);
  gtk_widget_class_bind_template_child (widget_class, AttainGoalsPage, selection_label);
  gtk_widget_class_bind_template_child (widget_class, AttainGoalsPage, smart_label);
  gtk_widget_class_bind_template_child (widget_class, AttainGoalsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, AttainGoalsPage, target_column);
  gtk_widget_class_bind_template_child (widget_class, AttainGoalsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AttainGoalsPage, tree_view);
  gtk_widget_class_bind_template_child (widget_class, AttainGoalsPage, window_title);
  gtk_widget_class_bind_template_callback (widget_class, on_tree_view_activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "goals.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "goals.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "goals.set-target", "(ss)", set_target_action);
  gtk_widget_class_install_action (widget_class, "goals.select", "s", select_action);
  gtk_widget_class_install_action (widget_class, "goals.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "goals.split-evenly", NULL, split_action);
  gtk_widget_class_install_action (widget_class, "goals.split-by-share", NULL, split_action);
  gtk_widget_class_install_action (widget_class, "goals.split-by-hand", NULL, split_by_hand_action);
  gtk_widget_class_install_action (widget_class, "goals.split-time", "s", split_action);
  gtk_widget_class_install_action (widget_class, "goals.roll-up", NULL, split_action);
  gtk_widget_class_install_action (widget_class, "goals.raise", NULL, raise_action);
  gtk_widget_class_install_action (widget_class, "goals.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "goals.copy-last-year", NULL,
                                   copy_last_year_action);
  gtk_widget_class_install_action (widget_class, "goals.export-csv", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "goals.export-xlsx", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "goals.print", NULL, print_action);
  /* The same operation writing a PDF without a dialog: for tests and scripted runs. */
  gtk_widget_class_install_action (widget_class, "goals.print-to-file", "s", print_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "goals.undo",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "goals.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "goals.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "goals.print",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "session.previous-period", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "session.next-period", NULL);
}

static void
attain_goals_page_init (AttainGoalsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  attain_column_view_align_numeric_titles (
      self->tree_view, (const char *[]){ _ ("Target"), _ ("Sum Below"), _ ("Gap"), _ ("Actual"),
                                         _ ("Attainment"), _ ("Variance"), NULL });
}

GtkWidget *
attain_goals_page_new (AttainContext *context)
{
  return g_object_new (ATTAIN_TYPE_GOALS_PAGE, "context", context, NULL);
}

gboolean
attain_goals_page_is_loading (AttainGoalsPage *self)
{
  g_return_val_if_fail (ATTAIN_IS_GOALS_PAGE (self), FALSE);
  return self->loading;
}

const AttainGoalTree *
attain_goals_page_get_tree (AttainGoalsPage *self)
{
  g_return_val_if_fail (ATTAIN_IS_GOALS_PAGE (self), NULL);
  return self->tree;
}

GListModel *
attain_goals_page_get_rows (AttainGoalsPage *self)
{
  g_return_val_if_fail (ATTAIN_IS_GOALS_PAGE (self), NULL);
  return self->selection ? G_LIST_MODEL (self->selection) : NULL;
}

GtkWindow *
attain_goals_page_get_dialog (AttainGoalsPage *self)
{
  g_return_val_if_fail (ATTAIN_IS_GOALS_PAGE (self), NULL);
  return self->dialog;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-pay-plan-dialog.h"

#include "attain-edit-window.h"

#include <glib/gi18n.h>

#include "model/attain-bonus.h"
#include "model/attain-format.h"
#include "model/attain-parse.h"
#include "model/attain-people.h"

struct _AttainPayPlanDialog
{
  AdwWindow parent_instance;

  AttainContext *context;
  GPtrArray     *positions; /* AttainChoice */
  gint64         loaded_id; /* the version opened, for compare-and-set; 0 for none yet */
  gboolean       filling;

  GtkLabel    *error_label;
  GtkLabel    *version_label;
  AdwComboRow *position_row;
  AdwEntryRow *fixed_row, *bonus_row;
  AdwComboRow *basis_row;
  AdwEntryRow *curve_row, *coefficients_row;
  AdwComboRow *base_row, *mode_row;
  AdwEntryRow *tiers_row, *lines_row;
  AdwEntryRow *over_row, *champion_row, *new_customer_row;
  GtkSwitch   *in_pool_switch;
};

G_DEFINE_FINAL_TYPE (AttainPayPlanDialog, attain_pay_plan_dialog, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static const char *const bases[] = { "collections", "revenue", "gross_profit" };

/* "60:50, 100:100" from pairs of hundredths: the same text the shell's --curve and --tiers
 * take. */
static char *
pairs_text (GArray *pairs)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < pairs->len; i++)
    {
      const int       *pair = (const int *) (pairs->data + i * g_array_get_element_size (pairs));
      g_autofree char *a = attain_hundredths_text (pair[0]), *b = attain_hundredths_text (pair[1]);
      g_string_append_printf (out, "%s%s:%s", i > 0 ? ", " : "", a, b);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
yuan_text (gint64 fen)
{
  if (fen % 100 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, fen / 100);
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", fen / 100, (int) (fen % 100));
}

static void
set_text (AdwEntryRow *row, char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_free (text);
}

static gint64
chosen_position (AttainPayPlanDialog *self)
{
  return attain_edit_window_chosen_position (self->position_row, self->positions);
}

/* Fills the rows from the chosen position's own plan (or the defaults when it has none). */
static void
load_plan (AttainPayPlanDialog *self)
{
  g_autoptr (GError) error = NULL;
  gint64 position = chosen_position (self);
  g_autoptr (AttainPayPlan) plan
      = attain_pay_plan_for_position (attain_context_get_db (self->context), position, &error);
  static const char *const bands = "SABCD";
  g_autoptr (GString) coefficients = g_string_new (NULL);

  /* The plan in force may be everyone's: editing it for this position makes the position's
   * own, so compare-and-set looks at the position's own version. */
  self->loaded_id = plan != NULL && plan->position_id == position ? plan->id : 0;
  if (plan == NULL)
    plan = attain_pay_plan_new ();
  self->filling = TRUE;
  set_text (self->fixed_row, yuan_text (plan->fixed_monthly));
  set_text (self->bonus_row, yuan_text (plan->bonus_monthly));
  adw_combo_row_set_selected (self->basis_row, plan->curve_basis);
  set_text (self->curve_row, pairs_text (plan->curve));
  for (int b = 0; b < 5; b++)
    {
      g_autofree char *value = attain_hundredths_text (plan->coefficients[b]);
      g_string_append_printf (coefficients, "%s%c:%s", b > 0 ? ", " : "", bands[b], value);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->coefficients_row), coefficients->str);
  for (guint i = 0; i < G_N_ELEMENTS (bases); i++)
    if (g_strcmp0 (plan->commission_base, bases[i]) == 0)
      adw_combo_row_set_selected (self->base_row, i);
  adw_combo_row_set_selected (self->mode_row, plan->commission_mode == ATTAIN_COMMISSION_WHOLE);
  set_text (self->tiers_row, pairs_text (plan->tiers));
  set_text (self->lines_row, attain_commission_lines_to_text (plan->lines));
  set_text (self->over_row, yuan_text (plan->over_award));
  set_text (self->champion_row, yuan_text (plan->champion_award));
  set_text (self->new_customer_row, yuan_text (plan->new_customer_award));
  gtk_switch_set_active (self->in_pool_switch, plan->awards_in_pool);
  if (self->loaded_id > 0)
    {
      g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT, self->loaded_id);
      /* Translators: the pay plan dialog: which version is open */
      g_autofree char *text = g_strdup_printf (_ ("Version %s. Saving writes a new version; "
                                                  "approved sheets keep their figures."),
                                               version);
      gtk_label_set_text (self->version_label, text);
    }
  else
    gtk_label_set_text (self->version_label,
                        position == 0 ? _ ("No plan yet: these are the defaults.")
                                      : _ ("This position follows the plan for every position; "
                                           "saving gives it its own."));
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  self->filling = FALSE;
}

static void
show_error (AttainPayPlanDialog *self, const char *message)
{
  attain_edit_window_show_error (self->error_label, message);
}
static gboolean
read_amount (AttainPayPlanDialog *self, AdwEntryRow *row, gint64 *out)
{
  g_autoptr (GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (attain_parse_amount (*text != '\0' ? text : "0", 100, out, &error))
    return TRUE;
  {
    /* Translators: a refused field: its title, then why */
    g_autofree char *message = g_strdup_printf (
        _ ("%s: %s Nothing was saved."), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
        error->message);
    show_error (self, message);
  }
  return FALSE;
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainPayPlanDialog *self = ATTAIN_PAY_PLAN_DIALOG (widget);
  g_autoptr (AttainPayPlan) plan = attain_pay_plan_new ();
  g_autoptr (GError) error = NULL;
  GArray *parsed;
  gint64  id;

  plan->position_id = chosen_position (self);
  if (!read_amount (self, self->fixed_row, &plan->fixed_monthly)
      || !read_amount (self, self->bonus_row, &plan->bonus_monthly)
      || !read_amount (self, self->over_row, &plan->over_award)
      || !read_amount (self, self->champion_row, &plan->champion_award)
      || !read_amount (self, self->new_customer_row, &plan->new_customer_award))
    return;
  plan->curve_basis = (AttainCurveBasis) MIN (adw_combo_row_get_selected (self->basis_row), 2);
  parsed = attain_curve_parse (gtk_editable_get_text (GTK_EDITABLE (self->curve_row)), &error);
  if (parsed == NULL)
    {
      show_error (self, error->message);
      return;
    }
  g_array_unref (plan->curve);
  plan->curve = parsed;
  parsed = attain_tiers_parse (gtk_editable_get_text (GTK_EDITABLE (self->tiers_row)), &error);
  if (parsed == NULL)
    {
      show_error (self, error->message);
      return;
    }
  g_array_unref (plan->tiers);
  plan->tiers = parsed;
  {
    GPtrArray *lines = attain_commission_lines_parse (
        gtk_editable_get_text (GTK_EDITABLE (self->lines_row)), &error);
    if (lines == NULL)
      {
        show_error (self, error->message);
        return;
      }
    g_ptr_array_unref (plan->lines);
    plan->lines = lines;
  }
  if (!attain_coefficients_parse (gtk_editable_get_text (GTK_EDITABLE (self->coefficients_row)),
                                  plan->coefficients, &error))
    {
      show_error (self, error->message);
      return;
    }
  g_free (plan->commission_base);
  plan->commission_base = g_strdup (bases[MIN (adw_combo_row_get_selected (self->base_row), 2)]);
  plan->commission_mode = adw_combo_row_get_selected (self->mode_row) == 1
                              ? ATTAIN_COMMISSION_WHOLE
                              : ATTAIN_COMMISSION_MARGINAL;
  plan->awards_in_pool = gtk_switch_get_active (self->in_pool_switch);
  id = attain_pay_plan_save_over (attain_context_get_db (self->context), plan, self->loaded_id,
                                  &error);
  if (id == 0)
    {
      show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_position_changed_cb (AttainPayPlanDialog *self)
{
  if (!self->filling)
    load_plan (self);
}

static void
attain_pay_plan_dialog_dispose (GObject *object)
{
  AttainPayPlanDialog *self = ATTAIN_PAY_PLAN_DIALOG (object);

  g_clear_pointer (&self->positions, g_ptr_array_unref);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (attain_pay_plan_dialog_parent_class)->dispose (object);
}

static void
attain_pay_plan_dialog_class_init (AttainPayPlanDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = attain_pay_plan_dialog_dispose;
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_install_action (widget_class, "plan.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "plan.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
attain_pay_plan_dialog_init (AttainPayPlanDialog *self)
{
}

static GtkWidget *
group_new (const char *title, const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  return group;
}

static AdwEntryRow *
entry_row (GtkWidget *group, const char *title)
{
  GtkWidget *row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return ADW_ENTRY_ROW (row);
}

static AdwComboRow *
combo_row (GtkWidget *group, const char *title, const char *const *labels)
{
  GtkWidget     *row = adw_combo_row_new ();
  GtkStringList *model = gtk_string_list_new (labels);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  g_object_unref (model);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return ADW_COMBO_ROW (row);
}

GtkWidget *
attain_pay_plan_dialog_new (GtkWindow *parent, AttainContext *context)
{
  AttainPayPlanDialog *self
      = g_object_new (ATTAIN_TYPE_PAY_PLAN_DIALOG, "modal", TRUE, "transient-for", parent,
                      "default-width", 560, "default-height", 760, "title", _ ("Pay Plan"), NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *plan_group = group_new (_ ("Plan"), NULL);
  GtkWidget *bonus_group = group_new (
      _ ("Performance Bonus"),
      _ ("The curve maps a score to a share of the target bonus, as score:payout points with the "
         "payout in percent; below the first point nothing is paid, two points at one score make "
         "a step, past the last it is flat. Coefficients are each rating’s payout in percent."));
  GtkWidget *commission_group = group_new (
      _ ("Commission"),
      _ ("Tiers as attainment:rate pairs in percent, from 0. “0:3, 100:5” pays 3 percent up to "
         "the target and 5 percent on the part above (marginal), or 5 percent on everything once "
         "the target is reached (whole). A product line can have tiers of its own, as "
         "“Services=0:5,100:8”, lines separated by “;”."));
  GtkWidget *awards_group
      = group_new (_ ("Incentive Awards"),
                   _ ("Paid on top of the variable part to people with a signed-off review."));
  const char *const basis_labels[]
      = { _ ("Composite score on the curve"), _ ("Revenue attainment on the curve"),
          _ ("The rating’s coefficient"), NULL };
  const char *const base_labels[] = { _ ("Collections"), _ ("Revenue"), _ ("Gross profit"), NULL };
  const char *const mode_labels[]
      = { _ ("Marginal, like tax brackets"), _ ("Whole: the tier reached sets the rate"), NULL };
  GtkWidget *pool_row = adw_action_row_new ();

  self->context = g_object_ref (context);
  self->error_label = attain_edit_window_top (GTK_BOX (box), _ ("_Save New Version"), "plan.save");
  self->position_row = attain_edit_window_position_row (
      context, _ ("Every position without its own plan"), &self->positions);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (plan_group), GTK_WIDGET (self->position_row));
  self->version_label = attain_edit_window_version_label ();
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (plan_group), GTK_WIDGET (self->version_label));
  self->fixed_row = entry_row (plan_group, _ ("Fixed pay a month"));
  self->bonus_row = entry_row (plan_group, _ ("Target bonus a month"));

  self->basis_row = combo_row (bonus_group, _ ("The bonus follows"), basis_labels);
  self->curve_row = entry_row (bonus_group, _ ("Payout curve"));
  self->coefficients_row = entry_row (bonus_group, _ ("Rating coefficients"));

  self->base_row = combo_row (commission_group, _ ("Commission on"), base_labels);
  self->mode_row = combo_row (commission_group, _ ("Tiers apply"), mode_labels);
  self->tiers_row = entry_row (commission_group, _ ("Commission tiers"));
  self->lines_row = entry_row (commission_group, _ ("Product lines with tiers of their own"));

  self->over_row
      = entry_row (awards_group, _ ("Each 10 points above 100 percent of the revenue target"));
  self->champion_row = entry_row (awards_group, _ ("To the period’s recognised winner"));
  self->new_customer_row = entry_row (awards_group, _ ("Each new customer signed"));
  self->in_pool_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->in_pool_switch), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (pool_row), _ ("Awards come out of the pool"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (pool_row), GTK_WIDGET (self->in_pool_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (pool_row),
                                         GTK_WIDGET (self->in_pool_switch));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (awards_group), pool_row);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (plan_group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (bonus_group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (commission_group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (awards_group));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);

  load_plan (self);
  g_signal_connect_object (self->position_row, "notify::selected",
                           G_CALLBACK (on_position_changed_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

const char *
attain_pay_plan_dialog_get_error (AttainPayPlanDialog *self)
{
  g_return_val_if_fail (ATTAIN_IS_PAY_PLAN_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
             ? gtk_label_get_text (self->error_label)
             : NULL;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-kpi-card.h"

#include <glib/gi18n.h>
#include <math.h>

struct _AttainKpiCard
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkLabel *change_label;
  GtkLabel *pace_label;
  GtkLabel *target_label;
  GtkLabel *title_label;
  GtkLabel *value_label;
};

G_DEFINE_FINAL_TYPE (AttainKpiCard, attain_kpi_card, GTK_TYPE_WIDGET)

static void
attain_kpi_card_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), ATTAIN_TYPE_KPI_CARD);
  /* Template children without an id are not cleared by dispose_template. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (attain_kpi_card_parent_class)->dispose (object);
}

static void
attain_kpi_card_class_init (AttainKpiCardClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = attain_kpi_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/attain/Attain/ui/attain-kpi-card.ui");
  gtk_widget_class_bind_template_child (widget_class, AttainKpiCard, change_label);
  gtk_widget_class_bind_template_child (widget_class, AttainKpiCard, pace_label);
  gtk_widget_class_bind_template_child (widget_class, AttainKpiCard, target_label);
  gtk_widget_class_bind_template_child (widget_class, AttainKpiCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, AttainKpiCard, value_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kpicard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
attain_kpi_card_init (AttainKpiCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (
      GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))), GTK_ORIENTATION_VERTICAL);
}

GtkWidget *
attain_kpi_card_new (void)
{
  return g_object_new (ATTAIN_TYPE_KPI_CARD, NULL);
}

static char *
format_change (const AttainMetricInfo *info, double change)
{
  /* Scores move in plain points ("+3.0"), rates in percentage points, the rest in %. */
  if (info->kind == ATTAIN_VALUE_SCORE)
    return attain_format_difference (ATTAIN_VALUE_SCORE, change, NULL, ATTAIN_NUMBER_STYLE_WESTERN);
  if (attain_metric_change_in_points (info))
    return attain_format_points_change (change * 100.0);
  return attain_format_change (change);
}

static const char *
pace_css_class (AttainPace pace)
{
  switch (pace)
    {
    case ATTAIN_PACE_BEHIND:
      return "pace-behind";
    case ATTAIN_PACE_AHEAD:
      return "pace-ahead";
    case ATTAIN_PACE_ON:
      return "pace-on";
    default:
      return "pace-none";
    }
}

/* What a card says under its figure, also used by the dashboard's list of all figures: the
 * target, how much of it is attained and the distance to it. */
char *
attain_kpi_target_line (const AttainMetrics *metrics, AttainMetricId metric)
{
  const AttainMetricInfo  *info = attain_metric_info (metric);
  const AttainMetricValue *v = &metrics->values[metric];
  char                    *target_line;

  if (isnan (v->target))
    target_line = g_strdup (_ ("No target set"));
  else
    {
      g_autofree char *target = attain_metric_format (metrics, metric, v->target);
      g_autofree char *variance = attain_format_difference (
          info->kind, v->variance, metrics->currency, attain_number_style_default ());
      if (attain_metric_target_in_points (info))
        /* Translators: on a KPI card for a score such as NPS: "Target 40 · -23.1 vs target" */
        target_line = g_strdup_printf (_ ("Target %s · %s vs target"), target, variance);
      else
        {
          g_autofree char *attainment = attain_format_percent (v->attainment);
          /* Translators: on a KPI card, "Target ¥1,200万 · 87.5% attained (-¥150万)": the
           * target, the share of it attained and actual minus target */
          target_line
              = g_strdup_printf (_ ("Target %s · %s attained (%s)"), target, attainment, variance);
        }
    }
  return target_line;
}

/* Against last year and against the period before; "" when there is nothing to compare. */
char *
attain_kpi_change_line (const AttainMetrics *metrics, AttainMetricId metric)
{
  const AttainMetricInfo  *info = attain_metric_info (metric);
  const AttainMetricValue *v = &metrics->values[metric];
  GString                 *change_line;

  change_line = g_string_new (NULL);
  if (!isnan (v->change))
    {
      g_autofree char *change = format_change (info, v->change);
      /* Translators: on a KPI card, the change against the same period of last year */
      g_string_append_printf (change_line, _ ("%s vs last year"), change);
    }
  if (!isnan (v->change_before))
    {
      g_autofree char *change = format_change (info, v->change_before);
      if (change_line->len > 0)
        g_string_append (change_line, " · ");
      g_string_append_printf (change_line,
                              metrics->period.kind == ATTAIN_PERIOD_MONTH
                                  /* Translators: on a KPI card, the change against last month */
                                  ? _ ("%s vs last month")
                                  /* Translators: on a KPI card, the change against last quarter */
                                  : _ ("%s vs last quarter"),
                              change);
    }
  return g_string_free (change_line, FALSE);
}

void
attain_kpi_card_show_metric (AttainKpiCard       *self,
                             const AttainMetrics *metrics,
                             AttainMetricId       metric)
{
  const AttainMetricInfo  *info;
  const AttainMetricValue *v;
  g_autofree char         *value = NULL;
  g_autofree char         *target_line = NULL;
  g_autofree char         *change_line = NULL;
  g_autofree char         *sentence = NULL;
  const char              *css[2] = { NULL, NULL };

  g_return_if_fail (ATTAIN_IS_KPI_CARD (self));
  g_return_if_fail (metrics != NULL);

  info = attain_metric_info (metric);
  v = &metrics->values[metric];

  gtk_label_set_label (self->title_label, _ (info->label));
  value = attain_metric_format (metrics, metric, v->value);
  gtk_label_set_label (self->value_label, value);

  target_line = attain_kpi_target_line (metrics, metric);
  gtk_label_set_label (self->target_label, target_line);
  change_line = attain_kpi_change_line (metrics, metric);
  gtk_label_set_label (self->change_label, change_line);
  /* Nothing to compare (a period that has not started): no line, rather than "— vs last year". */
  gtk_widget_set_visible (GTK_WIDGET (self->change_label), change_line[0] != '\0');
  gtk_widget_remove_css_class (GTK_WIDGET (self->change_label), "change-up");
  gtk_widget_remove_css_class (GTK_WIDGET (self->change_label), "change-down");
  if (!isnan (v->change) && v->change != 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->change_label),
                              (v->change > 0) != info->lower_is_better ? "change-up"
                                                                       : "change-down");

  gtk_label_set_label (self->pace_label, attain_pace_to_label (v->pace));
  gtk_widget_set_visible (GTK_WIDGET (self->pace_label), v->pace != ATTAIN_PACE_NONE);
  css[0] = pace_css_class (v->pace);
  gtk_widget_set_css_classes (GTK_WIDGET (self->pace_label),
                              (const char *[]){ "pace", css[0], NULL });
  gtk_widget_set_name (GTK_WIDGET (self), info->key);

  /* A screen reader reads the card as one sentence, in the order it is seen. */
  sentence = g_strdup_printf ("%s: %s. %s.%s%s%s%s", _ (info->label), value, target_line,
                              v->pace != ATTAIN_PACE_NONE ? " " : "",
                              v->pace != ATTAIN_PACE_NONE ? attain_pace_to_label (v->pace) : "",
                              change_line[0] != '\0' ? ". " : "", change_line);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, sentence,
                                  -1);
}

const char *
attain_kpi_card_get_target_text (AttainKpiCard *self)
{
  g_return_val_if_fail (ATTAIN_IS_KPI_CARD (self), NULL);
  return gtk_label_get_label (self->target_label);
}

const char *
attain_kpi_card_get_change_text (AttainKpiCard *self)
{
  g_return_val_if_fail (ATTAIN_IS_KPI_CARD (self), NULL);
  return gtk_label_get_label (self->change_label);
}

const char *
attain_kpi_card_get_value_text (AttainKpiCard *self)
{
  g_return_val_if_fail (ATTAIN_IS_KPI_CARD (self), NULL);
  return gtk_label_get_label (self->value_label);
}

const char *
attain_kpi_card_get_pace_text (AttainKpiCard *self)
{
  g_return_val_if_fail (ATTAIN_IS_KPI_CARD (self), NULL);
  return gtk_label_get_label (self->pace_label);
}

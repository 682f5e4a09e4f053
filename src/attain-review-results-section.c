/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-review-results-section.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "attain-chart-view.h"
#include "model/attain-format.h"

/* What the conversation starts from, prepared from the data: results against goals, the
 * trend and funnel the report prints (drawn by the same code), the score, and how last
 * period's plan went. Nothing here is typed. */
struct _AttainReviewResultsSection
{
  GtkWidget parent_instance;

  AdwPreferencesGroup *results_group;
  AttainChartView     *trend_chart;
  AttainChartView     *funnel_chart;
  AdwPreferencesGroup *score_group;
  AdwPreferencesGroup *previous_group;

  GPtrArray *rows; /* rows added to the groups, removed when the next sheet comes */
  gint64     previous_review;
  gboolean   filling;
};

static void attain_review_results_section_iface_init (AttainReviewSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AttainReviewResultsSection,
                               attain_review_results_section,
                               GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ATTAIN_TYPE_REVIEW_SECTION,
                                                      attain_review_results_section_iface_init))

static void
add_row (AttainReviewResultsSection *self,
         AdwPreferencesGroup        *group,
         const char                 *title,
         const char                 *subtitle,
         const char                 *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  /* Titles and subtitles are plain text: a comment or a goal may hold "&" or "<". */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (suffix != NULL)
    {
      GtkWidget *label = gtk_label_new (suffix);
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  g_object_set_data (G_OBJECT (row), "group", group);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

enum
{
  FOLLOW_UP,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_follow_up_cb (AttainReviewResultsSection *self, GParamSpec *pspec, AdwComboRow *row)
{
  if (self->filling)
    return;
  g_signal_emit (self, signals[FOLLOW_UP], 0, self->previous_review,
                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "position")),
                 adw_combo_row_get_selected (row));
}

static void
clear_rows (AttainReviewResultsSection *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      adw_preferences_group_remove (g_object_get_data (G_OBJECT (row), "group"), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

/* A 1-5 rating, "—" when not given. */
static const char *
rating_text (int rating)
{
  static const char *const texts[] = { "—", "1", "2", "3", "4", "5" };
  return texts[CLAMP (rating, 0, 5)];
}

static void
results_set_sheet (AttainReviewSection *section, const AttainReviewSheet *sheet)
{
  AttainReviewResultsSection *self = ATTAIN_REVIEW_RESULTS_SECTION (section);
  const AttainMetrics        *metrics = sheet->dashboard->metrics;
  g_autofree char            *score = NULL;
  char                        number[32];
  guint                       lines = 0;

  clear_rows (self);
  /* A signed-off review shows what it was signed with, and says when today's data differ. */
  if (sheet->from_sign_off)
    add_row (self, self->results_group, _ ("As signed off"),
             sheet->changed_since_sign_off
                 ? _ ("Data changed since sign-off (an import or a goal edit): the review keeps "
                      "the figures it was signed with.")
                 : _ ("The figures are those of the sign-off."),
             NULL);
  /* The lines the printed report scores, weighed as the goals weigh them. */
  for (guint i = 0; metrics != NULL && sheet->lines != NULL && i < sheet->lines->len; i++)
    {
      const AttainReviewLine  *line = &g_array_index (sheet->lines, AttainReviewLine, i);
      const AttainMetricValue *v = &metrics->values[line->metric];
      g_autofree char         *target = attain_metric_format (metrics, line->metric, v->target);
      g_autofree char         *actual = attain_metric_format (metrics, line->metric, v->value);
      g_autofree char         *weight = attain_format_percent (line->weight / 10000.0);
      g_autofree char         *subtitle = NULL;
      /* A score (NPS) is a distance to its target, never a share of it. */
      g_autofree char *attainment
          = attain_metric_target_in_points (attain_metric_info (line->metric))
                ? attain_format_difference (ATTAIN_VALUE_SCORE, v->variance, NULL,
                                            ATTAIN_NUMBER_STYLE_WESTERN)
                : attain_format_percent (v->attainment);

      /* Translators: results line in the review form: target, actual, pace and the goal's
       * weight */
      {
        g_autofree char *formula = attain_review_line_formula (line, metrics);
        g_autofree char *first
            = g_strdup_printf (_ ("Target %s · Actual %s · %s · weight %s"), target, actual,
                               attain_pace_to_label (v->pace), weight);
        /* The score with its numbers under the figures, as the report's table adds them up. */
        subtitle = g_strdup_printf ("%s\n%s", first, formula);
      }
      add_row (self, self->results_group, _ (line->label), subtitle, attainment);
      lines++;
    }
  if (lines == 0)
    add_row (self, self->results_group, _ ("No targets were set for this period."), NULL, NULL);

  /* The charts own what they draw: copies, the sheet stays whole for the page. */
  attain_chart_view_set_trend (self->trend_chart, attain_trend_data_copy (sheet->dashboard->trend));
  attain_chart_view_set_funnel (self->funnel_chart,
                                attain_funnel_data_copy (sheet->dashboard->funnel));

  g_ascii_formatd (number, sizeof number, "%.1f", sheet->weighted_score);
  score = g_strdup (isnan (sheet->weighted_score) ? "—" : number);
  add_row (self, self->score_group, _ ("Weighted results score"),
           sheet->evaluation.scorecard != NULL
               ? _ ("Each line scores by its scorecard rule, weighted as the scorecard weighs it.")
               : _ ("Each metric scores its attainment × 100, at most 120, weighted as the goals "
                    "weigh them."),
           score);
  {
    g_autofree char *composite = attain_evaluation_composite_text (&sheet->evaluation);
    g_autofree char *parts = attain_evaluation_parts_text (&sheet->evaluation);
    add_row (self, self->score_group, _ ("Composite score and rating"), parts, composite);
  }
  for (guint i = 0; sheet->capabilities != NULL && i < sheet->capabilities->len; i++)
    {
      AttainCapabilityPair *pair = &g_array_index (sheet->capabilities, AttainCapabilityPair, i);
      /* Translators: a capability's ratings on the review form: the person's own, the
       * supervisor's; "—" for not rated */
      g_autofree char *both
          = g_strdup_printf (_ ("Self-rating %s · supervisor's rating %s"),
                             rating_text (pair->self), rating_text (pair->supervisor));
      add_row (self, self->score_group, _ (pair->label), both, NULL);
    }
  if (!sheet->feedback.released)
    add_row (self, self->score_group, _ ("360-degree feedback"),
             _ ("No 360-degree feedback has been collected for this period."), NULL);
  else
    {
      char number[32];
      g_ascii_formatd (number, sizeof number, "%.1f", sheet->feedback.score);
      add_row (self, self->score_group, _ ("360-degree feedback"),
               sheet->feedback.renormalised
                   ? _ ("A group with too few answers is left out; the others' weights are "
                        "renormalised.")
                   : NULL,
               isnan (sheet->feedback.score) ? "—" : number);
      for (guint d = 0; d < ATTAIN_FEEDBACK_N_DIMENSIONS; d++)
        {
          g_autoptr (GString) means = g_string_new (NULL);
          for (guint t = 0; t < ATTAIN_N_RATER_TYPES; t++)
            if (sheet->feedback.groups[t].shown && !isnan (sheet->feedback.groups[t].means[d]))
              {
                char mean[32];
                g_ascii_formatd (mean, sizeof mean, "%.1f", sheet->feedback.groups[t].means[d]);
                if (means->len > 0)
                  g_string_append (means, " · ");
                g_string_append_printf (means, "%s %s", attain_rater_type_label (t), mean);
              }
          add_row (self, self->score_group, attain_feedback_dimension_label (d), means->str, NULL);
        }
      /* Only the comments of groups shown, already shuffled by the model: none says who. */
      for (guint i = 0; sheet->feedback.comments != NULL && i < sheet->feedback.comments->len; i++)
        add_row (self, self->score_group, _ ("360-degree comment"),
                 g_ptr_array_index (sheet->feedback.comments, i), NULL);
    }

  /* How last period's plan went is marked here, at the next meeting: its review is signed off,
   * so each change goes through the audited follow-up (the page writes it). */
  self->filling = TRUE;
  for (guint i = 0; sheet->previous != NULL && i < sheet->previous->milestones->len; i++)
    {
      AttainMilestone *m = g_ptr_array_index (sheet->previous->milestones, i);
      g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
      GtkWidget *row = adw_combo_row_new ();

      for (AttainMilestoneStatus status = 0; status < ATTAIN_MILESTONE_N_STATUSES; status++)
        gtk_string_list_append (labels, attain_milestone_status_label (status));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), m->what);
      if (m->due_on != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), m->due_on);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), m->status);
      g_object_set_data (G_OBJECT (row), "group", self->previous_group);
      g_object_set_data (G_OBJECT (row), "position", GUINT_TO_POINTER (i));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_follow_up_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->previous_group, row);
      g_ptr_array_add (self->rows, row);
    }
  self->previous_review = sheet->previous ? sheet->previous->id : 0;
  self->filling = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->previous_group),
                          sheet->previous != NULL && sheet->previous->milestones->len > 0);
}

static void
attain_review_results_section_iface_init (AttainReviewSectionInterface *iface)
{
  iface->set_sheet = results_set_sheet;
}

static void
attain_review_results_section_dispose (GObject *object)
{
  AttainReviewResultsSection *self = ATTAIN_REVIEW_RESULTS_SECTION (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), ATTAIN_TYPE_REVIEW_RESULTS_SECTION);
  /* The template's root has no id, so dispose_template leaves it. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (attain_review_results_section_parent_class)->dispose (object);
}

static void
attain_review_results_section_class_init (AttainReviewResultsSectionClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = attain_review_results_section_dispose;
  /* (review id, milestone position, AttainMilestoneStatus) of last period's plan */
  signals[FOLLOW_UP]
      = g_signal_new ("follow-up", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                      NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_UINT, G_TYPE_UINT);
  g_type_ensure (ATTAIN_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/attain/Attain/ui/attain-review-results-section.ui");
  gtk_widget_class_bind_template_child (widget_class, AttainReviewResultsSection, results_group);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewResultsSection, trend_chart);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewResultsSection, funnel_chart);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewResultsSection, score_group);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewResultsSection, previous_group);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
attain_review_results_section_init (AttainReviewResultsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

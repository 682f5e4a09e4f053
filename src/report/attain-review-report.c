/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-review-report.h"

#include "attain-bonus-report.h"
#include "model/attain-bonus.h"

#include "model/attain-loader.h"

#include "model/attain-gettext.h"
#include <glib/gstdio.h>
#include <math.h>
#include <unistd.h>
#include <fcntl.h>

#include "charts/attain-feedback-chart.h"
#include "charts/attain-funnel-chart.h"
#include "charts/attain-trend-chart.h"
#include "model/attain-dashboard.h"
#include "model/attain-private-file.h"

const char *
attain_report_language_for (const char *locale)
{
  if (locale == NULL)
    locale = g_get_language_names ()[0];
  if (g_str_has_prefix (locale, "zh_TW") || g_str_has_prefix (locale, "zh_HK")
      || g_str_has_prefix (locale, "zh-tw"))
    return "zh-tw";
  /* English reports still name Chinese people: simplified glyphs for them, not the Japanese
   * forms Pango picks for Han text without a language. */
  return "zh-cn";
}

/* Makes the report language's catalogue current for this thread and gives the Pango language
 * its layouts take; NULL or "" keeps the window's language. End with attain_i18n_pop (). */
const char *
attain_report_language_push (const char *language)
{
  if (language == NULL || language[0] == '\0')
    {
      attain_i18n_pop ();
      return attain_report_language_for (NULL);
    }
  attain_i18n_push (attain_catalogue_get (language));
  return attain_report_language_for (language);
}

static void
draw_trend (cairo_t *cr, double width, double height, const char *language, gpointer data)
{
  AttainChartStyle style;

  attain_chart_style_init_paper (&style, language);
  attain_trend_chart_draw (cr, data, &style, width, height, -1);
}

static void
draw_feedback (cairo_t *cr, double width, double height, const char *language, gpointer data)
{
  AttainChartStyle style;

  attain_chart_style_init_paper (&style, language);
  attain_feedback_chart_draw (cr, data, &style, width, height);
}

static void
draw_funnel (cairo_t *cr, double width, double height, const char *language, gpointer data)
{
  AttainChartStyle style;

  attain_chart_style_init_paper (&style, language);
  /* Centred at two thirds of the width: a funnel wider than that reads as a bar chart. */
  cairo_translate (cr, width / 6, 0);
  attain_funnel_chart_draw (cr, data, &style, width * 2 / 3, height);
}

/* The scored lines, as attain_review_result_lines() weighs them, with a weighted total. */
static void
add_results (AttainDocument *document, const AttainReviewSheet *sheet)
{
  const char          *titles[] = { _ ("Metric"),     _ ("Weight"), _ ("Target"), _ ("Actual"),
                                    _ ("Attainment"), _ ("Score"),  NULL };
  const double         shares[] = { 2.6, 1.0, 1.6, 1.6, 1.2, 1.0 };
  const double         aligns[] = { 0, 1, 1, 1, 1, 1 };
  const AttainMetrics *metrics = sheet->dashboard->metrics;
  GArray              *lines = sheet->lines;

  attain_document_add_table (document, titles, shares, aligns);
  for (guint i = 0; i < lines->len; i++)
    {
      AttainReviewLine        *line = &g_array_index (lines, AttainReviewLine, i);
      const AttainMetricValue *v = &metrics->values[line->metric];
      g_autofree char         *weight = attain_format_percent (line->weight / 10000.0);
      g_autofree char         *target = attain_metric_format (metrics, line->metric, v->target);
      g_autofree char         *actual = attain_metric_format (metrics, line->metric, v->value);
      /* A score (NPS) is a distance to its target, never a share of it. */
      g_autofree char *attainment
          = attain_metric_target_in_points (attain_metric_info (line->metric))
                ? attain_format_difference (ATTAIN_VALUE_SCORE, v->variance, NULL,
                                            ATTAIN_NUMBER_STYLE_WESTERN)
                : attain_format_percent (v->attainment);
      g_autofree char *score = attain_format_score (line->score);
      const char *cells[] = { _ (line->label), weight, target, actual, attainment, score, NULL };

      attain_document_add_table_row (document, cells, FALSE);
    }
  if (lines->len > 0)
    {
      g_autofree char *weight = attain_format_percent (sheet->total_weight / 10000.0);
      g_autofree char *total = attain_format_score (sheet->weighted_score);
      const char      *cells[] = { _ ("Weighted results score"), weight, "", "", "", total, NULL };
      attain_document_add_table_row (document, cells, TRUE);
    }
  else
    {
      const char *none[] = { _ ("No targets were set for this period."), "", "", "", "", "", NULL };
      attain_document_add_table_row (document, none, FALSE);
    }
}

/* Each dimension's mean by rater group, only the groups that may be shown, and the comments of
 * those groups in their shuffled order. */
static void
add_feedback (AttainDocument *document, const AttainFeedbackResult *feedback)
{
  g_autoptr (GPtrArray) titles = g_ptr_array_new ();
  double shares[ATTAIN_N_RATER_TYPES + 1], aligns[ATTAIN_N_RATER_TYPES + 1];
  guint  n = 0;

  if (!feedback->released)
    {
      attain_document_add_paragraph (
          document, _ ("No 360-degree feedback has been collected for this period."));
      return;
    }
  attain_document_add_chart (document, 110, draw_feedback, attain_feedback_chart_new (feedback),
                             (GDestroyNotify) attain_feedback_chart_free);
  g_ptr_array_add (titles, (gpointer) _ ("Dimension"));
  shares[0] = 3;
  aligns[0] = 0;
  for (guint t = 0; t < ATTAIN_N_RATER_TYPES; t++)
    if (feedback->groups[t].shown)
      {
        g_ptr_array_add (titles, (gpointer) attain_rater_type_label (t));
        shares[++n] = 1.3;
        aligns[n] = 1;
      }
  g_ptr_array_add (titles, NULL);
  attain_document_add_table (document, (const char *const *) titles->pdata, shares, aligns);
  for (guint d = 0; d < ATTAIN_FEEDBACK_N_DIMENSIONS; d++)
    {
      g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (cells, g_strdup (attain_feedback_dimension_label (d)));
      for (guint t = 0; t < ATTAIN_N_RATER_TYPES; t++)
        if (feedback->groups[t].shown)
          {
            char number[32];
            g_ascii_formatd (number, sizeof number, "%.1f", feedback->groups[t].means[d]);
            g_ptr_array_add (cells, g_strdup (isnan (feedback->groups[t].means[d]) ? "—" : number));
          }
      g_ptr_array_add (cells, NULL);
      attain_document_add_table_row (document, (const char *const *) cells->pdata, FALSE);
    }
  {
    g_autofree char *score = attain_format_score (feedback->score);
    /* Translators: the 360 score under its table; ratings 1-5 count as (r - 1) × 25 points */
    g_autofree char *line = g_strdup_printf (
        feedback->renormalised
            ? _ ("360 score: %s points (ratings 1–5 as (r − 1) × 25; a group with too few "
                 "answers is left out and the weights of the others renormalised).")
            : _ ("360 score: %s points (ratings 1–5 as (r − 1) × 25)."),
        score);
    attain_document_add_paragraph (document, line);
  }
  for (guint i = 0; feedback->comments != NULL && i < feedback->comments->len; i++)
    attain_document_add_paragraph (document, g_ptr_array_index (feedback->comments, i));
}

/* Text written in the meeting; while the review is open an empty section is ruled lines to
 * write on by hand, once signed off it says there was nothing. */
static void
add_text (AttainDocument *document, const char *text, gboolean writable)
{
  if ((text == NULL || text[0] == '\0') && writable)
    attain_document_add_writing_space (document, 5);
  else
    attain_document_add_paragraph (document, text);
}

static void
add_milestones (AttainDocument *document, GPtrArray *milestones, gboolean writable)
{
  const char  *titles[] = { _ ("What"), _ ("By"), _ ("How it is measured"), _ ("Status"), NULL };
  const double shares[] = { 3.2, 1.2, 2.6, 1.1 };
  const double aligns[] = { 0, 0.5, 0, 0.5 };

  if ((milestones == NULL || milestones->len == 0) && !writable)
    {
      attain_document_add_paragraph (document, _ ("No milestones were set."));
      return;
    }
  attain_document_add_table (document, titles, shares, aligns);
  /* A plan still to be agreed gets lines to write it on in the meeting. */
  if (milestones == NULL || milestones->len == 0)
    {
      attain_document_add_writing_space (document, 4);
      return;
    }
  for (guint i = 0; i < milestones->len; i++)
    {
      AttainMilestone *m = g_ptr_array_index (milestones, i);
      const char *cells[] = { m->what, m->due_on ? m->due_on : "", m->measure ? m->measure : "",
                              attain_milestone_status_label (m->status), NULL };
      attain_document_add_table_row (document, cells, FALSE);
    }
}

AttainDocument *
attain_review_report_build (AttainDb           *db,
                            gint64              person_id,
                            const AttainPeriod *period,
                            const GDate        *today,
                            const char         *language,
                            GError            **error)
{
  g_autoptr (AttainReviewSheet) sheet
      = attain_review_sheet_load (db, person_id, period, today, error);

  return sheet ? attain_review_report_from_sheet (sheet, today, language) : NULL;
}

/* The report is made from data only: what the review page shows, laid out for paper. The
 * sheet's trend and funnel move into the document's charts. */
AttainDocument *
attain_review_report_from_sheet (AttainReviewSheet *sheet, const GDate *today, const char *language)
{
  AttainDashboard    *dashboard = sheet->dashboard;
  const AttainReview *review = sheet->review;
  const AttainReview *previous = sheet->previous;
  GPtrArray          *next_goals = sheet->next_goals;
  const char         *company = sheet->company;
  const char         *team = sheet->team;
  g_autoptr (AttainDocument) document = NULL;
  g_autofree char *period_label = attain_period_to_label (&sheet->period);
  g_autofree char *header = NULL;
  g_autofree char *company_text = NULL;
  g_autofree char *name_text = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *status = NULL;
  gboolean         writable;
  g_autofree char *score = NULL;
  g_autofree char *printed = attain_date_to_iso (today);

  /* Names are isolated: a right-to-left override in one cannot reverse the rest of the line. */
  company_text = attain_isolate (company);
  name_text = attain_isolate (dashboard->scope_name);
  /* Translators: header of every page of a review: company · person · period */
  header = g_strdup_printf (_ ("%s · %s · %s"), company_text, name_text, period_label);
  /* Translators: footer of a printed review, %s is the date it was printed */
  footer = g_strdup_printf (_ ("Printed %s by Attain"), printed);
  document = attain_document_new (language, header, footer);

  /* Translators: %s is the person's name and the period */
  subtitle = g_strdup_printf (_ ("%s — %s"), name_text, period_label);
  attain_document_add_title (document, _ ("Performance Review"), subtitle);
  writable = review == NULL || review->signed_off_at == NULL;
  if (review && review->signed_off_at && review->revised_after_appeal_on)
    /* Translators: the status of a review signed again after an upheld appeal */
    status = g_strdup_printf (_ ("Signed off %s, revised after appeal on %s"),
                              review->signed_off_at, review->revised_after_appeal_on);
  else
    status = review && review->signed_off_at
                 ? g_strdup_printf (_ ("Signed off %s"), review->signed_off_at)
                 : g_strdup (_ ("Draft"));
  {
    const char *fields[]
        = { _ ("Company"), company,
            /* Translators: the person reviewed (姓名, not 名称) */
            C_ ("person", "Name"), dashboard->scope_name, _ ("Position"), dashboard->scope_kind,
            _ ("Team"), team, _ ("Period"), period_label, _ ("Reviewer"),
            review && review->reviewer ? review->reviewer : "", _ ("Interview date"),
            review && review->interview_on ? review->interview_on : "", _ ("Status"), status,
            NULL };
    attain_document_add_fields (document, fields);
  }

  attain_document_add_heading (document, _ ("Results against goals"));
  add_results (document, sheet);

  attain_document_add_heading (document, _ ("Revenue by month"));
  attain_document_add_chart (document, 170, draw_trend, g_steal_pointer (&dashboard->trend),
                             (GDestroyNotify) attain_trend_data_free);
  attain_document_add_heading (document, _ ("Sales funnel"));
  attain_document_add_chart (document, 120, draw_funnel, g_steal_pointer (&dashboard->funnel),
                             (GDestroyNotify) attain_funnel_data_free);

  attain_document_add_heading (document, _ ("360-degree feedback"));
  add_feedback (document, &sheet->feedback);
  if (sheet->capabilities != NULL && sheet->capabilities->len > 0)
    {
      const char *titles[]
          = { _ ("Capability"), _ ("Self-rating"), _ ("Supervisor's rating"), NULL };
      const double shares[] = { 3.0, 1.5, 1.5 };
      const double aligns[] = { 0, 0.5, 0.5 };

      attain_document_add_heading (document, _ ("Capabilities, self and supervisor (1 to 5)"));
      attain_document_add_table (document, titles, shares, aligns);
      for (guint i = 0; i < sheet->capabilities->len; i++)
        {
          AttainCapabilityPair *pair
              = &g_array_index (sheet->capabilities, AttainCapabilityPair, i);
          char        self[4], supervisor[4];
          const char *cells[4];

          g_snprintf (self, sizeof self, "%d", pair->self);
          g_snprintf (supervisor, sizeof supervisor, "%d", pair->supervisor);
          cells[0] = _ (pair->label);
          cells[1] = pair->self > 0 ? self : "—";
          cells[2] = pair->supervisor > 0 ? supervisor : "—";
          cells[3] = NULL;
          attain_document_add_table_row (document, cells, FALSE);
        }
    }
  attain_document_add_heading (document, _ ("Score and rating"));
  score = attain_format_score (sheet->weighted_score);
  {
    g_autofree char *composite = attain_evaluation_composite_text (&sheet->evaluation);
    g_autofree char *parts = attain_evaluation_parts_text (&sheet->evaluation);
    /* Translators: %s is a score like 87.5 */
    g_autofree char *line
        = g_strdup_printf (_ ("Weighted results score: %s points (100 points = every target "
                              "met; each line scores by its rule)."),
                           score);
    /* Translators: the composite score and rating in the report, then how it is made */
    g_autofree char *composite_line
        = g_strdup_printf (_ ("Composite score: %s (%s)."), composite, parts);
    attain_document_add_paragraph (document, line);
    attain_document_add_paragraph (document, composite_line);
    if (review != NULL && review->rating_comment != NULL)
      {
        /* Translators: the supervisor's comment on the ratings in the report */
        g_autofree char *comment
            = g_strdup_printf (_ ("Comment on the ratings: %s"), review->rating_comment);
        attain_document_add_paragraph (document, comment);
      }
  }

  attain_document_add_heading (document, _ ("Self-review"));
  add_text (document, review ? review->self_review : NULL, writable);
  attain_document_add_heading (document, _ ("Strengths"));
  add_text (document, review ? review->strengths : NULL, writable);
  attain_document_add_heading (document, _ ("Areas to improve"));
  add_text (document, review ? review->improvements : NULL, writable);
  attain_document_add_heading (document, _ ("The employee's view"));
  add_text (document, review ? review->employee_view : NULL, writable);

  if (previous != NULL && previous->milestones->len > 0)
    {
      attain_document_add_heading (document, _ ("Last period's improvement plan"));
      add_milestones (document, previous->milestones, FALSE);
    }
  attain_document_add_heading (document, _ ("Improvement plan"));
  add_milestones (document, review ? review->milestones : NULL, writable);

  attain_document_add_heading (document, _ ("Goals for the next period"));
  if (next_goals != NULL && next_goals->len > 0)
    {
      const char  *titles[] = { _ ("Metric"), _ ("Target"), _ ("Deadline"), NULL };
      const double shares[] = { 3, 2, 1.5 };
      const double aligns[] = { 0, 1, 0.5 };
      attain_document_add_table (document, titles, shares, aligns);
      for (guint i = 0; i < next_goals->len; i++)
        {
          AttainGoal             *goal = g_ptr_array_index (next_goals, i);
          const AttainGoalMetric *info = attain_goal_metric_lookup (goal->metric);
          g_autofree char        *target = attain_format_target (goal, goal->target);
          const char             *cells[] = { info ? _ (info->label) : goal->metric, target,
                                  goal->deadline ? goal->deadline : "", NULL };
          attain_document_add_table_row (document, cells, FALSE);
        }
    }
  else if (writable)
    {
      const char  *titles[] = { _ ("Metric"), _ ("Target"), _ ("Deadline"), NULL };
      const double shares[] = { 3, 2, 1.5 };
      const double aligns[] = { 0, 1, 0.5 };
      attain_document_add_table (document, titles, shares, aligns);
      attain_document_add_writing_space (document, 3);
    }
  else
    attain_document_add_paragraph (document, _ ("No goals were agreed for the next period yet."));
  attain_document_add_heading (document, _ ("Training"));
  /* The courses on record come first, each with whether it was done; the notes follow. */
  if (sheet->training != NULL && sheet->training->len > 0)
    {
      const char  *titles[] = { _ ("Course"), _ ("Dates"), _ ("Status"), NULL };
      const double shares[] = { 3, 2, 1 };
      const double aligns[] = { 0, 0, 0 };
      attain_document_add_table (document, titles, shares, aligns);
      for (guint i = 0; i < sheet->training->len; i++)
        {
          const AttainTrainingRecord *record
              = &g_array_index (sheet->training, AttainTrainingRecord, i);
          /* Translators: a course's dates, first to last day */
          g_autofree char *dates
              = g_strdup_printf (_ ("%s to %s"), record->starts_on, record->ends_on);
          const char *cells[]
              = { record->course, dates, attain_training_status_label (record->status), NULL };
          attain_document_add_table_row (document, cells, FALSE);
        }
    }
  add_text (document, review ? review->training : NULL, writable);

  {
    const char *roles[] = { _ ("Employee"), _ ("Manager"), _ ("HR"), NULL };
    /* The reviewer signs as the manager; HR's name is written in by hand. */
    const char *names[]
        = { dashboard->scope_name, review && review->reviewer ? review->reviewer : "", "", NULL };
    attain_document_add_heading (document, _ ("Signatures"));
    attain_document_add_signatures (document, roles, names);
  }
  return g_steal_pointer (&document);
}

gboolean
attain_review_report_write_into (AttainDocument *document,
                                 const char     *directory,
                                 const char     *period_text,
                                 gint64          person_id,
                                 const char     *person_name,
                                 GError        **error)
{
  g_autoptr (GPtrArray) one = g_ptr_array_new ();
  g_autofree char *file = NULL;
  g_autofree char *safe_name = NULL;
  gboolean         written;
  int              dirfd;

  /* Cheap when the folder exists; lets every caller skip its own check. */
  if (g_mkdir_with_parents (directory, 0700) != 0
      || (dirfd = open (directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _ ("Could not create the folder “%s”."), directory);
      return FALSE;
    }
  /* One file a person, named so a folder sorts by id and says whose it is. The name is made
   * safe, and the file is made relative to the folder, so that none lands outside it. */
  safe_name = attain_file_name_part (person_name, 60);
  file = g_strdup_printf ("review-%s-%04" G_GINT64_FORMAT "-%s.pdf", period_text, person_id,
                          safe_name);
  g_ptr_array_add (one, document);
  written = attain_documents_write_pdf_at (one, dirfd, file, person_name, error);
  close (dirfd);
  return written;
}

gboolean
attain_review_reports_write (AttainDb            *db,
                             GArray              *person_ids,
                             const AttainPeriod  *period,
                             const GDate         *today,
                             const char          *language,
                             gboolean             with_statement,
                             const char          *pdf_path,
                             const char          *directory,
                             AttainReportProgress progress,
                             gpointer             user_data,
                             GError             **error)
{
  g_autoptr (GPtrArray) documents
      = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_document_free);
  g_autofree char *period_text = attain_period_to_string (period);

  g_return_val_if_fail ((pdf_path == NULL) != (directory == NULL), FALSE);

  for (guint i = 0; i < person_ids->len; i++)
    {
      gint64          id = g_array_index (person_ids, gint64, i);
      AttainDocument *document
          = attain_review_report_build (db, id, period, today, language, error);

      if (document == NULL)
        return FALSE;
      if (directory != NULL)
        {
          g_autofree char *name = NULL;
          gboolean         written;

          attain_org_describe (db, &(AttainScope){ ATTAIN_SCOPE_PERSON, id }, &name, NULL, NULL,
                               NULL, NULL);
          written
              = attain_review_report_write_into (document, directory, period_text, id, name, error);
          attain_document_free (document);
          if (!written)
            return FALSE;
        }
      else
        g_ptr_array_add (documents, document);
      if (directory == NULL && with_statement)
        {
          g_autoptr (GError) local_error = NULL;
          AttainDocument *statement
              = attain_review_statement (db, id, period, today, language, &local_error);
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          if (statement != NULL)
            g_ptr_array_add (documents, statement);
        }
      if (progress != NULL)
        progress (i + 1, person_ids->len, user_data);
    }
  if (pdf_path != NULL)
    {
      /* Translators: PDF title of a batch of reviews, %s is the period */
      g_autofree char *title = g_strdup_printf (_ ("Performance reviews %s"), period_text);
      return attain_documents_write_pdf (documents, pdf_path, title, error);
    }
  return TRUE;
}

typedef struct
{
  GArray      *person_ids; /* NULL: the team of team_of */
  gint64       team_of;
  AttainPeriod period;
  GDate        today;
  char        *language;       /* the report's, "" for the window's */
  gboolean     with_statement; /* each review followed by the person's bonus statement */
  char        *directory;      /* NULL: the documents are returned, for printing */
  char        *pdf_path;       /* or all of them written into one PDF, with pdf_title */
  char        *pdf_title;
  gint        *progress; /* done × 1000 / total, for a progress bar; may be NULL */
} DocumentsRequest;

static void
documents_request_free (DocumentsRequest *request)
{
  g_clear_pointer (&request->person_ids, g_array_unref);
  g_free (request->language);
  g_free (request->directory);
  g_free (request->pdf_path);
  g_free (request->pdf_title);
  g_free (request);
}

/* Everything on the worker, data included: the people, their sheets, the report's catalogue
 * (current on this thread only), layout and the writing of the files. */
AttainDocument *
attain_review_statement (AttainDb           *db,
                         gint64              person_id,
                         const AttainPeriod *period,
                         const GDate        *today,
                         const char         *language,
                         GError            **error)
{
  g_autoptr (JsonNode) pay = attain_bonus_sheet_for_person (db, person_id, period, today, error);
  g_autofree char *company = NULL;

  if (pay == NULL)
    return NULL;
  company = attain_db_get_setting (db, "company_name", NULL);
  /* Nobody's statement when they were not employed in the period. */
  return attain_bonus_statement_report (pay, person_id, company, today, language);
}

static gpointer
build_documents (AttainDb *db, gpointer data, GCancellable *cancellable, GError **error)
{
  DocumentsRequest *request = data;
  g_autoptr (GPtrArray) documents
      = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_document_free);
  g_autoptr (GArray) people = request->person_ids ? g_array_ref (request->person_ids) : NULL;
  g_autofree char *period_text = attain_period_to_string (&request->period);
  const char      *pango_language;

  if (people == NULL)
    {
      AttainScope team;
      if (!attain_org_describe (db, &(AttainScope){ ATTAIN_SCOPE_PERSON, request->team_of }, NULL,
                                NULL, &team, NULL, error)
          || (people = attain_review_team_people (db, team.id, error)) == NULL)
        return NULL;
    }
  pango_language = attain_report_language_push (request->language);
  for (guint i = 0; i < people->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      gint64 id = g_array_index (people, gint64, i);
      g_autoptr (AttainReviewSheet) sheet
          = attain_review_sheet_load (db, id, &request->period, &request->today, error);
      AttainDocument *document;

      if (sheet == NULL)
        {
          attain_i18n_pop ();
          return NULL;
        }
      document = attain_review_report_from_sheet (sheet, &request->today, pango_language);
      if (request->directory != NULL)
        {
          gboolean written = attain_review_report_write_into (
              document, request->directory, period_text, id, sheet->dashboard->scope_name, error);
          attain_document_free (document);
          if (!written)
            {
              attain_i18n_pop ();
              return NULL;
            }
        }
      else
        g_ptr_array_add (documents, document);
      if (request->directory == NULL && request->with_statement)
        {
          g_autoptr (GError) local_error = NULL;
          AttainDocument *statement = attain_review_statement (
              db, id, &request->period, &request->today, pango_language, &local_error);
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              attain_i18n_pop ();
              return NULL;
            }
          if (statement != NULL)
            g_ptr_array_add (documents, statement);
        }
      if (request->progress != NULL)
        g_atomic_int_set (request->progress, (gint) ((i + 1) * 1000 / people->len));
    }
  attain_i18n_pop ();
  if (request->pdf_path != NULL
      && !attain_documents_write_pdf (documents, request->pdf_path, request->pdf_title, error))
    return NULL;
  return g_steal_pointer (&documents);
}

/* The reviews of @person_ids (or, when NULL, of everyone in @team_of's team) for @period, in
 * @language, built on a worker. With @directory each is written there as its own PDF and the
 * result is an empty array; with @pdf_path all go into that one PDF, titled @pdf_title; the
 * result holds the documents (for printing) in every case but @directory's. */
void
attain_review_documents_async (const char         *path,
                               GArray             *person_ids,
                               gint64              team_of,
                               const AttainPeriod *period,
                               const GDate        *today,
                               const char         *language,
                               gboolean            with_statement,
                               const char         *directory,
                               const char         *pdf_path,
                               const char         *pdf_title,
                               gint               *progress,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  DocumentsRequest *request = g_new0 (DocumentsRequest, 1);

  request->pdf_path = g_strdup (pdf_path);
  request->pdf_title = g_strdup (pdf_title);
  request->person_ids = person_ids ? g_array_ref (person_ids) : NULL;
  request->team_of = team_of;
  request->period = *period;
  request->today = *today;
  request->language = g_strdup (language ? language : "");
  request->with_statement = with_statement;
  request->directory = g_strdup (directory);
  request->progress = progress;
  attain_load_async (path, build_documents, request, (GDestroyNotify) documents_request_free,
                     (GDestroyNotify) g_ptr_array_unref, attain_review_documents_async, cancellable,
                     callback, user_data);
}

GPtrArray *
attain_review_documents_finish (GAsyncResult *result, GError **error)
{
  return attain_load_finish (result, attain_review_documents_async, error);
}

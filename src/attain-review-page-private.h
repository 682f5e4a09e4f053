/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "attain-person-chooser.h"
#include "attain-review-drafts.h"
#include "attain-review-goals-section.h"
#include "attain-review-page.h"
#include "attain-review-plan-section.h"

G_BEGIN_DECLS

/* Shared by the page (loading, saving, choosing) and its actions (attain-review-page-actions.c:
 * sign-off, print and export), as GNOME Text Editor splits its editor page. */
struct _AttainReviewPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkStack                 *content_stack;
  GtkBox                   *form_box; /* the sections, in the order the interview goes */
  AttainReviewGoalsSection *goals_section;
  AttainReviewPlanSection  *plan_section;
  GtkButton                *period_button;
  AttainPersonChooser      *person_chooser;
  GtkProgressBar           *progress_bar;
  GtkRevealer              *progress_revealer;
  GtkLabel                 *status_label;
  AdwToastOverlay          *toast_overlay;
  AdwWindowTitle           *window_title;

  /* Owned references */
  AttainContext      *context;
  AttainSession      *session;
  AttainReviewSheet  *sheet; /* what the form shows; NULL before the first load */
  gint64              person_id;
  AttainPeriod        period;
  AttainReviewDrafts *drafts;         /* typed, not saved yet */
  char               *unsaved_reason; /* why the last save failed, while drafts remain */
  guint               save_source;
  guint               progress_source; /* the progress bar's tick while a batch runs */
  gboolean            saving;          /* a save is running on a worker */
  gboolean            closing;         /* disposed: nothing is typed or saved any more */
  char               *journal;         /* DATABASE.drafts: the drafts, for after a crash */
  gboolean            journal_failed;
  GCancellable       *load;  /* the sheet load in flight */
  GCancellable       *batch; /* the print or export in flight */
  gboolean            loading;
  gint                progress;        /* done × 1000 / total, written by the batch's worker */
  char               *report_language; /* "" for the window's, else zh_CN, zh_TW or en */
  gboolean            with_statement;  /* printouts add the bonus statement */
};

void attain_review_page_toast (AttainReviewPage *self, const char *message);
void attain_review_page_update_state (AttainReviewPage *self);
void attain_review_page_load (AttainReviewPage *self);
/* Every section of the form, in order; new sections (scorecard, 360, rating) slot in by being
 * put into the form in the template. */
#define FOR_EACH_SECTION(self, section)                                                            \
  for (GtkWidget *section##_w = gtk_widget_get_first_child (GTK_WIDGET ((self)->form_box));        \
       section##_w != NULL; section##_w = gtk_widget_get_next_sibling (section##_w))               \
    for (AttainReviewSection *section                                                              \
         = ATTAIN_IS_REVIEW_SECTION (section##_w) ? ATTAIN_REVIEW_SECTION (section##_w) : NULL;    \
         section != NULL; section = NULL)

void attain_review_page_on_section_changed (AttainReviewPage *self);
void attain_review_page_collect_edits (AttainReviewPage *self);
void attain_review_page_schedule_save (AttainReviewPage *self);
void attain_review_page_open_journal (AttainReviewPage *self);
void attain_review_page_class_saving (GtkWidgetClass *widget_class);
void attain_review_page_class_actions (GtkWidgetClass *widget_class);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "attain-context.h"
#include "model/attain-review.h"

G_BEGIN_DECLS

#define ATTAIN_TYPE_REVIEW_PAGE (attain_review_page_get_type ())
G_DECLARE_FINAL_TYPE (AttainReviewPage, attain_review_page, ATTAIN, REVIEW_PAGE, GtkWidget)

GtkWidget *attain_review_page_new (AttainContext *context);
void     attain_review_page_set_text (AttainReviewPage *self, const char *field, const char *text);
char    *attain_review_page_get_text (AttainReviewPage *self, const char *field);
void     attain_review_page_flush (AttainReviewPage *self);
void     attain_review_page_print (AttainReviewPage *self);
gboolean attain_review_page_has_unsaved (AttainReviewPage *self, const char **reason);
const AttainReview *attain_review_page_get_review (AttainReviewPage *self);
gboolean            attain_review_page_is_busy (AttainReviewPage *self);
gboolean            attain_review_page_is_loading (AttainReviewPage *self);
gboolean            attain_review_page_is_editable (AttainReviewPage *self);
void                attain_review_page_add_milestone (AttainReviewPage *self,
                                                      const char       *what,
                                                      const char       *due_on,
                                                      const char       *measure);
void
attain_review_page_set_next_goal (AttainReviewPage *self, guint metric_index, const char *target);

G_END_DECLS

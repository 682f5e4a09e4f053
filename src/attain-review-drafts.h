/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "attain-review-section.h"

G_BEGIN_DECLS

/* What was typed into reviews and is not saved yet, for any person and period: kept as
 * typed until a save succeeds, so switching person, a reload or a busy file lose nothing. */
typedef struct _AttainReviewDrafts AttainReviewDrafts;

typedef void (*AttainReviewDraftFunc) (const AttainReviewEdit *edit, gpointer data);

AttainReviewDrafts *attain_review_drafts_new (void);
void                attain_review_drafts_free (AttainReviewDrafts *drafts);
void                attain_review_drafts_add (AttainReviewDrafts *drafts,
                                              gint64              person_id,
                                              const AttainPeriod *period,
                                              AttainReviewEdit   *edit);
gboolean            attain_review_drafts_save (AttainReviewDrafts *drafts,
                                               AttainDb           *db,
                                               gboolean           *retry,
                                               GError            **error);
void                attain_review_drafts_foreach (AttainReviewDrafts   *drafts,
                                                  gint64                person_id,
                                                  const AttainPeriod   *period,
                                                  AttainReviewDraftFunc func,
                                                  gpointer              data);
guint               attain_review_drafts_count (AttainReviewDrafts *drafts);
gboolean
attain_review_drafts_write_journal (AttainReviewDrafts *drafts, const char *path, GError **error);
void                attain_review_drafts_overrule (AttainReviewDrafts *drafts);
AttainReviewDrafts *attain_review_drafts_copy (AttainReviewDrafts *drafts);
void                attain_review_drafts_forget_saved (AttainReviewDrafts *drafts,
                                                       AttainReviewDrafts *sent,
                                                       AttainReviewDrafts *left);
guint attain_review_drafts_read_journal (AttainReviewDrafts *drafts, const char *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttainReviewDrafts, attain_review_drafts_free)

G_END_DECLS

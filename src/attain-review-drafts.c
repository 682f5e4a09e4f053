/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-review-drafts.h"

typedef struct
{
  gint64            person_id;
  AttainPeriod      period;
  AttainReviewEdit *edit;
} Draft;

struct _AttainReviewDrafts
{
  GPtrArray *drafts; /* Draft*, oldest first */
};

static void
draft_free (Draft *draft)
{
  attain_review_edit_free (draft->edit);
  g_free (draft);
}

AttainReviewDrafts *
attain_review_drafts_new (void)
{
  AttainReviewDrafts *drafts = g_new0 (AttainReviewDrafts, 1);

  drafts->drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) draft_free);
  return drafts;
}

void
attain_review_drafts_free (AttainReviewDrafts *drafts)
{
  if (drafts == NULL)
    return;
  g_ptr_array_unref (drafts->drafts);
  g_free (drafts);
}

/* Takes @edit. Newer text for the same field of the same review replaces what was waiting,
 * so the list holds at most one entry a field of each review touched. */
void
attain_review_drafts_add (AttainReviewDrafts *drafts,
                          gint64              person_id,
                          const AttainPeriod *period,
                          AttainReviewEdit   *edit)
{
  Draft *draft = g_new0 (Draft, 1);

  for (guint i = drafts->drafts->len; i > 0; i--)
    {
      Draft *old = g_ptr_array_index (drafts->drafts, i - 1);
      if (old->person_id == person_id && attain_period_equal (&old->period, period)
          && g_strcmp0 (old->edit->field, edit->field) == 0)
        g_ptr_array_remove_index (drafts->drafts, i - 1);
    }
  draft->person_id = person_id;
  draft->period = *period;
  draft->edit = edit;
  g_ptr_array_add (drafts->drafts, draft);
}

/* Writes every draft, each its own small transaction. A saved draft, and one that never can
 * be (the review was signed off meanwhile), leaves the list; one that failed stays, and
 * *@retry says whether trying again later may help (a busy file, not a wrong date). Returns
 * FALSE with the first failure's sentence in @error. */
gboolean
attain_review_drafts_save (AttainReviewDrafts *drafts,
                           AttainDb           *db,
                           gboolean           *retry,
                           GError            **error)
{
  gboolean ok = TRUE;

  *retry = FALSE;
  for (guint i = 0; i < drafts->drafts->len;)
    {
      Draft *draft = g_ptr_array_index (drafts->drafts, i);
      g_autoptr (GError) local_error = NULL;
      g_autoptr (AttainReview) review
          = attain_review_open (db, draft->person_id, &draft->period, &local_error);
      gboolean saved;

      if (review == NULL)
        saved = FALSE;
      else if (draft->edit->field != NULL)
        saved = attain_review_set_field (db, review, draft->edit->field, draft->edit->value,
                                         &local_error);
      else
        saved = attain_review_set_milestones (db, review, draft->edit->milestones, &local_error);
      if (saved || g_error_matches (local_error, ATTAIN_REVIEW_ERROR, ATTAIN_REVIEW_ERROR_LOCKED))
        g_ptr_array_remove_index (drafts->drafts, i);
      else
        {
          *retry
              |= !g_error_matches (local_error, ATTAIN_REVIEW_ERROR, ATTAIN_REVIEW_ERROR_INVALID);
          i++;
        }
      if (!saved && ok)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          ok = FALSE;
        }
    }
  return ok;
}

void
attain_review_drafts_foreach (AttainReviewDrafts   *drafts,
                              gint64                person_id,
                              const AttainPeriod   *period,
                              AttainReviewDraftFunc func,
                              gpointer              data)
{
  for (guint i = 0; i < drafts->drafts->len; i++)
    {
      Draft *draft = g_ptr_array_index (drafts->drafts, i);
      if (draft->person_id == person_id && attain_period_equal (&draft->period, period))
        func (draft->edit, data);
    }
}

guint
attain_review_drafts_count (AttainReviewDrafts *drafts)
{
  return drafts->drafts->len;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-review-drafts.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

typedef struct
{
  gint64            person_id;
  AttainPeriod      period;
  AttainReviewEdit *edit;
  guint64 serial; /* which typing it is: a newer draft of the same field has a higher one */
} Draft;

static guint64 last_serial;

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
        {
          /* The older text never reached the file: the newer goes over what the older did. */
          if (old->edit->has_base && edit->has_base)
            attain_review_edit_set_base (edit, old->edit->base);
          g_ptr_array_remove_index (drafts->drafts, i - 1);
        }
    }
  draft->person_id = person_id;
  draft->period = *period;
  draft->edit = edit;
  draft->serial = ++last_serial;
  g_ptr_array_add (drafts->drafts, draft);
}

/* "Keep my text": the drafts are saved over whatever is on disk now. */
void
attain_review_drafts_overrule (AttainReviewDrafts *drafts)
{
  for (guint i = 0; i < drafts->drafts->len; i++)
    ((Draft *) g_ptr_array_index (drafts->drafts, i))->edit->has_base = FALSE;
}

/* For a save on a worker: the same drafts, serials included, sharing nothing. */
AttainReviewDrafts *
attain_review_drafts_copy (AttainReviewDrafts *drafts)
{
  AttainReviewDrafts *copy = attain_review_drafts_new ();

  for (guint i = 0; i < drafts->drafts->len; i++)
    {
      Draft     *draft = g_ptr_array_index (drafts->drafts, i);
      Draft     *twin = g_new0 (Draft, 1);
      GPtrArray *milestones = NULL;

      if (draft->edit->milestones != NULL)
        {
          milestones = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_milestone_free);
          for (guint m = 0; m < draft->edit->milestones->len; m++)
            g_ptr_array_add (
                milestones, attain_milestone_copy (g_ptr_array_index (draft->edit->milestones, m)));
        }
      *twin = *draft;
      twin->edit = attain_review_edit_new (draft->edit->field, draft->edit->value, milestones);
      if (draft->edit->has_base)
        attain_review_edit_set_base (twin->edit, draft->edit->base);
      g_ptr_array_add (copy->drafts, twin);
    }
  return copy;
}

/* After a save of @sent elsewhere: the drafts it wrote (in @sent, no longer in @left) are
 * dropped here, unless something newer was typed for the same field meanwhile. */
void
attain_review_drafts_forget_saved (AttainReviewDrafts *drafts,
                                   AttainReviewDrafts *sent,
                                   AttainReviewDrafts *left)
{
  for (guint i = 0; i < sent->drafts->len; i++)
    {
      guint64  serial = ((Draft *) g_ptr_array_index (sent->drafts, i))->serial;
      gboolean still_left = FALSE;

      for (guint j = 0; j < left->drafts->len; j++)
        still_left |= ((Draft *) g_ptr_array_index (left->drafts, j))->serial == serial;
      for (guint j = 0; !still_left && j < drafts->drafts->len; j++)
        if (((Draft *) g_ptr_array_index (drafts->drafts, j))->serial == serial)
          {
            g_ptr_array_remove_index (drafts->drafts, j);
            break;
          }
    }
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
      else if (draft->edit->field != NULL && draft->edit->has_base)
        saved = attain_review_set_field_over (db, review, draft->edit->field, draft->edit->base,
                                              draft->edit->value, &local_error);
      else if (draft->edit->field != NULL)
        saved = attain_review_set_field (db, review, draft->edit->field, draft->edit->value,
                                         &local_error);
      else
        saved = attain_review_set_milestones (db, review, draft->edit->milestones, &local_error);
      if (saved || g_error_matches (local_error, ATTAIN_REVIEW_ERROR, ATTAIN_REVIEW_ERROR_LOCKED))
        g_ptr_array_remove_index (drafts->drafts, i);
      else
        {
          /* A busy file is tried again; a wrong date, or another writer's text in between,
           * waits for the director. */
          *retry |= !g_error_matches (local_error, ATTAIN_REVIEW_ERROR, ATTAIN_REVIEW_ERROR_INVALID)
                    && !g_error_matches (local_error, ATTAIN_REVIEW_ERROR,
                                         ATTAIN_REVIEW_ERROR_CHANGED);
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

/* The journal: every draft as typed, rewritten at each change so that a crash or kill -9
 * loses at most the keystroke being made. Written whole to a temporary name and renamed, 0600
 * (it holds review text); removed once nothing is waiting. */
gboolean
attain_review_drafts_write_journal (AttainReviewDrafts *drafts, const char *path, GError **error)
{
  g_autoptr (JsonBuilder) builder = NULL;
  g_autoptr (JsonGenerator) generator = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;

  if (drafts->drafts->len == 0)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), "%s: %s", path,
                       g_strerror (errno));
          return FALSE;
        }
      return TRUE;
    }
  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; i < drafts->drafts->len; i++)
    {
      Draft           *draft = g_ptr_array_index (drafts->drafts, i);
      g_autofree char *period = attain_period_to_string (&draft->period);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "person");
      json_builder_add_int_value (builder, draft->person_id);
      json_builder_set_member_name (builder, "period");
      json_builder_add_string_value (builder, period);
      json_builder_set_member_name (builder, "fy_start_month");
      json_builder_add_int_value (builder, draft->period.fy_start_month);
      if (draft->edit->field != NULL)
        {
          json_builder_set_member_name (builder, "field");
          json_builder_add_string_value (builder, draft->edit->field);
          json_builder_set_member_name (builder, "value");
          json_builder_add_string_value (builder, draft->edit->value ? draft->edit->value : "");
          if (draft->edit->has_base)
            {
              json_builder_set_member_name (builder, "over");
              json_builder_add_string_value (builder, draft->edit->base ? draft->edit->base : "");
            }
        }
      else
        {
          json_builder_set_member_name (builder, "plan");
          json_builder_begin_array (builder);
          for (guint m = 0; m < draft->edit->milestones->len; m++)
            {
              AttainMilestone *milestone = g_ptr_array_index (draft->edit->milestones, m);
              json_builder_begin_array (builder);
              json_builder_add_string_value (builder, milestone->what ? milestone->what : "");
              json_builder_add_string_value (builder, milestone->due_on ? milestone->due_on : "");
              json_builder_add_string_value (builder, milestone->measure ? milestone->measure : "");
              json_builder_add_string_value (builder,
                                             attain_milestone_status_to_key (milestone->status));
              json_builder_end_array (builder);
            }
          json_builder_end_array (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  return g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

static const char *
member_string (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
}

/* Takes back what a journal left: the drafts of a window that ended without saving them.
 * Returns how many; a journal that cannot be read (cut short, not ours) gives 0 and stays on
 * disk for the user to look at. */
guint
attain_review_drafts_read_journal (AttainReviewDrafts *drafts, const char *path)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonArray *array;
  guint      taken = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS) || !json_parser_load_from_file (parser, path, NULL)
      || !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    return 0;
  array = json_node_get_array (json_parser_get_root (parser));
  /* Bounded by the file: one entry a field of each review touched. */
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject  *object = json_array_get_object_element (array, i);
      const char  *period_text = object ? member_string (object, "period") : NULL;
      AttainPeriod period;
      JsonNode    *plan;

      if (period_text == NULL || !json_object_has_member (object, "person")
          || !attain_period_parse (
              period_text,
              (int) json_object_get_int_member_with_default (object, "fy_start_month", 1), &period,
              NULL))
        continue;
      plan = json_object_get_member (object, "plan");
      if (member_string (object, "field") != NULL)
        {
          AttainReviewEdit *edit = attain_review_edit_new (member_string (object, "field"),
                                                           member_string (object, "value"), NULL);
          if (member_string (object, "over") != NULL)
            attain_review_edit_set_base (edit, member_string (object, "over"));
          attain_review_drafts_add (drafts, json_object_get_int_member (object, "person"), &period,
                                    edit);
        }
      else if (plan != NULL && JSON_NODE_HOLDS_ARRAY (plan))
        {
          JsonArray *rows = json_node_get_array (plan);
          GPtrArray *milestones
              = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_milestone_free);

          for (guint m = 0; m < json_array_get_length (rows); m++)
            {
              JsonArray *row = json_array_get_array_element (rows, m);
              if (row == NULL || json_array_get_length (row) != 4)
                continue;
              g_ptr_array_add (milestones,
                               attain_milestone_new (json_array_get_string_element (row, 0),
                                                     json_array_get_string_element (row, 1),
                                                     json_array_get_string_element (row, 2),
                                                     attain_milestone_status_from_key (
                                                         json_array_get_string_element (row, 3))));
            }
          attain_review_drafts_add (drafts, json_object_get_int_member (object, "person"), &period,
                                    attain_review_edit_new (NULL, NULL, milestones));
        }
      else
        continue;
      taken++;
    }
  return taken;
}

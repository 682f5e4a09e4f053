/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-training.h"

#include <string.h>

#include "attain-gettext.h"
#include "attain-people.h"

/* The quark name is a string, not a subtraction. */
/* clang-format off */
G_DEFINE_QUARK (attain-training-error-quark, attain_training_error)
/* clang-format on */

#define COURSE_MAX_CHARS 200

static const char *const status_names[] = { "planned", "done", "missed" };

const char *
attain_training_status_to_string (AttainTrainingStatus status)
{
  return status_names[CLAMP ((int) status, 0, 2)];
}

gboolean
attain_training_status_from_string (const char *text, AttainTrainingStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (text, status_names[i]) == 0)
      {
        *status = (AttainTrainingStatus) i;
        return TRUE;
      }
  return FALSE;
}

const char *
attain_training_status_label (AttainTrainingStatus status)
{
  switch (status)
    {
    case ATTAIN_TRAINING_DONE:
      /* Translators: a training's status: the person attended it */
      return C_ ("training status", "Done");
    case ATTAIN_TRAINING_MISSED:
      /* Translators: a training's status: the person did not attend it */
      return C_ ("training status", "Missed");
    case ATTAIN_TRAINING_PLANNED:
    default:
      /* Translators: a training's status: not held yet, or not yet marked */
      return C_ ("training status", "Planned");
    }
}

static void
record_clear (gpointer data)
{
  AttainTrainingRecord *record = data;
  g_free (record->topic);
  g_free (record->course);
  g_free (record->starts_on);
  g_free (record->ends_on);
}

GArray *
attain_training_records_new (void)
{
  GArray *records = g_array_new (FALSE, TRUE, sizeof (AttainTrainingRecord));
  g_array_set_clear_func (records, record_clear);
  return records;
}

static gboolean
refuse (GError **error, AttainTrainingError code, char *message)
{
  g_set_error_literal (error, ATTAIN_TRAINING_ERROR, code, message);
  g_free (message);
  return FALSE;
}

static gboolean
validate (const char  *course,
          const GDate *starts,
          const GDate *ends,
          guint        n_people,
          char       **trimmed,
          GError     **error)
{
  glong length;

  *trimmed = g_strstrip (g_strdup (course != NULL ? course : ""));
  length = g_utf8_strlen (*trimmed, -1);
  if (length == 0)
    return refuse (error, ATTAIN_TRAINING_ERROR_INVALID,
                   g_strdup (_ ("A training plan needs the course’s name. Nothing was saved.")));
  if (length > COURSE_MAX_CHARS)
    return refuse (error, ATTAIN_TRAINING_ERROR_INVALID,
                   g_strdup_printf (_ ("A course’s name can have at most %d characters; this one "
                                       "has %ld. Shorten it; nothing was saved."),
                                    COURSE_MAX_CHARS, length));
  if (!g_date_valid (starts) || !g_date_valid (ends))
    return refuse (error, ATTAIN_TRAINING_ERROR_INVALID,
                   g_strdup (_ ("A training plan needs the days it starts and ends. Nothing was "
                                "saved.")));
  if (g_date_compare (ends, starts) < 0)
    {
      g_autofree char *s = attain_date_to_iso (starts), *e = attain_date_to_iso (ends);
      return refuse (error, ATTAIN_TRAINING_ERROR_INVALID,
                     g_strdup_printf (_ ("The course ends on %s, before it starts on %s. Correct "
                                         "the dates; nothing was saved."),
                                      e, s));
    }
  if (n_people == 0)
    return refuse (error, ATTAIN_TRAINING_ERROR_INVALID,
                   g_strdup (_ ("Choose at least one person to attend the course. Nothing was "
                                "saved.")));
  return TRUE;
}

gint64
attain_training_plan_create (AttainDb     *db,
                             const char   *topic,
                             const char   *course,
                             const GDate  *starts,
                             const GDate  *ends,
                             const gint64 *people,
                             guint         n_people,
                             GError      **error)
{
  g_autofree char *name = NULL, *starts_iso = NULL, *ends_iso = NULL;
  sqlite3_stmt    *stmt;
  gint64           plan_id;

  if (!validate (course, starts, ends, n_people, &name, error))
    return 0;
  starts_iso = attain_date_to_iso (starts);
  ends_iso = attain_date_to_iso (ends);
  if (!attain_db_begin (db, error))
    return 0;
  stmt = attain_db_prepare (db,
                            "INSERT INTO training_plans (topic, course, starts_on, ends_on, "
                            "created_by) VALUES (nullif (?1, ''), ?2, ?3, ?4, ?5)",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, topic, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, starts_iso, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, ends_iso, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, g_get_user_name (), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      attain_db_set_error (db, error, _ ("Saving the training plan"));
      goto fail;
    }
  sqlite3_reset (stmt);
  plan_id = attain_db_last_insert_id (db);
  stmt = attain_db_prepare (db,
                            "INSERT OR IGNORE INTO training_attendees (plan_id, person_id) "
                            "SELECT ?1, id FROM people WHERE id = ?2",
                            error);
  if (stmt == NULL)
    goto fail;
  /* As many as were chosen: the people of one unit. */
  for (guint i = 0; i < n_people; i++)
    {
      sqlite3_bind_int64 (stmt, 1, plan_id);
      sqlite3_bind_int64 (stmt, 2, people[i]);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          sqlite3_reset (stmt);
          attain_db_set_error (db, error, _ ("Saving the training plan"));
          goto fail;
        }
      sqlite3_reset (stmt);
      if (attain_db_changes (db) == 0 && !attain_person_exists (db, people[i]))
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, people[i]);
          /* Translators: %s is a person's id number */
          refuse (error, ATTAIN_TRAINING_ERROR_INVALID,
                  g_strdup_printf (_ ("Person %s is not in the database: nothing was saved."), id));
          goto fail;
        }
    }
  if (!attain_db_commit (db, error))
    goto fail;
  return plan_id;

fail:
  attain_db_rollback (db);
  return 0;
}

gboolean
attain_training_set_status (AttainDb            *db,
                            gint64               plan_id,
                            gint64               person_id,
                            AttainTrainingStatus expected,
                            AttainTrainingStatus status,
                            GError             **error)
{
  sqlite3_stmt *stmt;
  int           rc;

  if (!attain_db_begin (db, error))
    return FALSE;
  stmt = attain_db_prepare (db,
                            "SELECT status FROM training_attendees WHERE plan_id = ?1 AND "
                            "person_id = ?2",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        refuse (
            error, ATTAIN_TRAINING_ERROR_CHANGED,
            g_strdup (_ ("This person is not on that training plan, or it was changed elsewhere. "
                         "Nothing was changed.")));
      else
        attain_db_set_error (db, error, _ ("Reading the training plan"));
      goto fail;
    }
  {
    AttainTrainingStatus on_disk = ATTAIN_TRAINING_PLANNED;
    attain_training_status_from_string ((const char *) sqlite3_column_text (stmt, 0), &on_disk);
    sqlite3_reset (stmt);
    /* Compare-and-set: what the change started from must still be on disk. */
    if (on_disk != expected)
      {
        refuse (error, ATTAIN_TRAINING_ERROR_CHANGED,
                g_strdup_printf (_ ("This training was marked “%s” elsewhere in the meantime. "
                                    "Nothing was changed; look again and set it anew."),
                                 attain_training_status_label (on_disk)));
        goto fail;
      }
  }
  stmt = attain_db_prepare (db,
                            "UPDATE training_attendees SET status = ?3, updated_at = strftime "
                            "('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE plan_id = ?1 AND person_id = ?2",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_text (stmt, 3, attain_training_status_to_string (status), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Saving the training plan"));
      goto fail;
    }
  if (attain_db_commit (db, error))
    return TRUE;

fail:
  attain_db_rollback (db);
  return FALSE;
}

/* Courses that ran on any day of [first, last], or ended before first and are still planned. */
#define RUNS_IN_PERIOD "(t.starts_on <= ?3 AND (t.ends_on >= ?2 OR a.status = 'planned'))"

GArray *
attain_training_for_person (AttainDb           *db,
                            gint64              person_id,
                            const AttainPeriod *period,
                            GError            **error)
{
  g_autoptr (GArray) records = attain_training_records_new ();
  sqlite3_stmt *stmt = attain_db_prepare (
      db,
      "SELECT t.id, t.topic, t.course, t.starts_on, t.ends_on, a.status FROM training_attendees a "
      "JOIN training_plans t ON t.id = a.plan_id WHERE a.person_id = ?1 AND " RUNS_IN_PERIOD
      " ORDER BY t.starts_on, t.id",
      error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  attain_db_bind_period (stmt, 2, period);
  /* One row per course of one person. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AttainTrainingRecord record = { 0 };
      record.plan_id = sqlite3_column_int64 (stmt, 0);
      record.topic = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      record.course = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      record.starts_on = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      record.ends_on = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      attain_training_status_from_string ((const char *) sqlite3_column_text (stmt, 5),
                                          &record.status);
      g_array_append_val (records, record);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Reading the training plans"));
      return NULL;
    }
  return g_steal_pointer (&records);
}

JsonNode *
attain_training_plans (AttainDb *db, gint64 unit_id, const AttainPeriod *period, GError **error)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  sqlite3_stmt *stmt = attain_db_prepare (
      db,
      "SELECT t.id, t.topic, t.course, t.starts_on, t.ends_on, p.id, p.name, a.status FROM "
      "training_plans t JOIN training_attendees a ON a.plan_id = t.id JOIN people p ON p.id = "
      "a.person_id JOIN org_closure c ON c.descendant_id = p.unit_id WHERE c.ancestor_id = ?1 AND "
      "t.id IN (SELECT t.id FROM training_plans t JOIN training_attendees a ON a.plan_id = t.id "
      "WHERE " RUNS_IN_PERIOD ") ORDER BY t.starts_on, t.id, p.name, p.id",
      error);
  gint64 current = 0;
  int    rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  attain_db_bind_period (stmt, 2, period);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "plans");
  json_builder_begin_array (b);
  /* One row per attendee of the unit's plans in the period. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64               id = sqlite3_column_int64 (stmt, 0);
      AttainTrainingStatus status = ATTAIN_TRAINING_PLANNED;

      if (id != current)
        {
          if (current != 0)
            {
              json_builder_end_array (b);
              json_builder_end_object (b);
            }
          current = id;
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_int_value (b, id);
          for (int c = 1; c <= 4; c++)
            {
              static const char *const names[]
                  = { NULL, "topic", "course", "starts_on", "ends_on" };
              json_builder_set_member_name (b, names[c]);
              if (sqlite3_column_type (stmt, c) == SQLITE_NULL)
                json_builder_add_null_value (b);
              else
                json_builder_add_string_value (b, (const char *) sqlite3_column_text (stmt, c));
            }
          json_builder_set_member_name (b, "people");
          json_builder_begin_array (b);
        }
      attain_training_status_from_string ((const char *) sqlite3_column_text (stmt, 7), &status);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "person");
      json_builder_add_int_value (b, sqlite3_column_int64 (stmt, 5));
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, (const char *) sqlite3_column_text (stmt, 6));
      json_builder_set_member_name (b, "status");
      json_builder_add_string_value (b, attain_training_status_to_string (status));
      json_builder_set_member_name (b, "status_label");
      json_builder_add_string_value (b, attain_training_status_label (status));
      json_builder_end_object (b);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Reading the training plans"));
      return NULL;
    }
  if (current != 0)
    {
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

gboolean
attain_training_plan_update (AttainDb    *db,
                             gint64       plan_id,
                             const char  *was_course,
                             const char  *was_starts,
                             const char  *was_ends,
                             const char  *course,
                             const GDate *starts,
                             const GDate *ends,
                             GError     **error)
{
  g_autofree char *name = NULL, *starts_iso = NULL, *ends_iso = NULL;
  sqlite3_stmt    *stmt;
  int              rc;

  /* At least one attendee stays: the check on people does not apply to an edit. */
  if (!validate (course, starts, ends, 1, &name, error))
    return FALSE;
  starts_iso = attain_date_to_iso (starts);
  ends_iso = attain_date_to_iso (ends);
  if (!attain_db_begin (db, error))
    return FALSE;
  /* Compare-and-set in the statement itself: only the row as the editor saw it changes. */
  stmt = attain_db_prepare (db,
                            "UPDATE training_plans SET course = ?5, starts_on = ?6, ends_on = ?7 "
                            "WHERE id = ?1 AND course = ?2 AND starts_on = ?3 AND ends_on = ?4",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_text (stmt, 2, was_course, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, was_starts, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, was_ends, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, starts_iso, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, ends_iso, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Saving the training plan"));
      goto fail;
    }
  if (attain_db_changes (db) == 0)
    {
      refuse (error, ATTAIN_TRAINING_ERROR_CHANGED,
              g_strdup (_ ("This training plan was changed or removed elsewhere since it was "
                           "shown. Nothing was changed; look again.")));
      goto fail;
    }
  if (attain_db_commit (db, error))
    return TRUE;

fail:
  attain_db_rollback (db);
  return FALSE;
}

gboolean
attain_training_plan_delete (AttainDb *db, gint64 plan_id, GError **error)
{
  g_autofree char *attended = NULL;
  sqlite3_stmt    *stmt;
  int              rc;

  if (!attain_db_begin (db, error))
    return FALSE;
  /* Read inside the write: someone marked done meanwhile is seen. */
  stmt = attain_db_prepare (db,
                            "SELECT group_concat (p.name, ', ') FROM training_attendees a JOIN "
                            "people p ON p.id = a.person_id WHERE a.plan_id = ?1 AND a.status = "
                            "'done'",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    attended = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (attended != NULL)
    {
      refuse (error, ATTAIN_TRAINING_ERROR_INVALID,
              g_strdup_printf (_ ("%s attended this course: it is part of their record and is "
                                  "kept. Nothing was removed."),
                               attended));
      goto fail;
    }
  stmt = attain_db_prepare (db, "DELETE FROM training_plans WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Removing the training plan"));
      goto fail;
    }
  if (attain_db_changes (db) == 0)
    {
      refuse (error, ATTAIN_TRAINING_ERROR_CHANGED,
              g_strdup (_ ("There is no such training plan: it may have been removed "
                           "elsewhere. Nothing was changed.")));
      goto fail;
    }
  if (attain_db_commit (db, error))
    return TRUE;

fail:
  attain_db_rollback (db);
  return FALSE;
}

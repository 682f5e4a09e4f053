/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The sanctioned ways past the lock on signed-off reviews (migration 7): inside one
 * transaction, an audit entry, a permit naming it, the change, and the permit closed again.
 * The schema admits nothing else, whatever client writes. */
#include "attain-lock-exception.h"

#include "attain-gettext.h"

static gboolean
run (AttainDb *db, const char *sql, gint64 id, const char *text, GError **error)
{
  sqlite3_stmt *stmt = attain_db_prepare (db, sql, error);
  int           rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (text != NULL)
    sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return attain_db_set_error (db, error, _ ("Saving the change"));
  return TRUE;
}

/* The audit entry first, then the permit that must name it. */
static gboolean
permit (AttainDb   *db,
        const char *kind,
        gint64      review_id,
        gint64      person_id,
        const char *field,
        const char *old_value,
        const char *new_value,
        const char *reason,
        GError    **error)
{
  sqlite3_stmt *stmt = attain_db_prepare (
      db,
      "INSERT INTO audit_log (actor, entity, entity_id, field, old_value, new_value, reason) "
      "VALUES (?1, 'lock-exception', ?2, ?3, ?4, ?5, ?6)",
      error);
  gint64 audit_id;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, g_get_user_name (), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, review_id != 0 ? review_id : person_id);
  sqlite3_bind_text (stmt, 3, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, old_value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, new_value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, reason, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return attain_db_set_error (db, error, _ ("Writing the audit log"));
    }
  sqlite3_reset (stmt);
  audit_id = attain_db_last_insert_id (db);
  stmt = attain_db_prepare (db,
                            "INSERT INTO lock_permits (kind, review_id, person_id, audit_id) "
                            "VALUES (?1, nullif (?2, 0), nullif (?3, 0), ?4)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, review_id);
  sqlite3_bind_int64 (stmt, 3, person_id);
  sqlite3_bind_int64 (stmt, 4, audit_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return attain_db_set_error (db, error, _ ("Writing the audit log"));
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* How a milestone of a plan went, marked after the meeting (in the next review, typically):
 * on a signed-off review only its status changes, and the change is audited. */
gboolean
attain_review_follow_up_milestone (AttainDb             *db,
                                   gint64                review_id,
                                   guint                 position,
                                   AttainMilestoneStatus status,
                                   GError              **error)
{
  sqlite3_stmt    *stmt;
  g_autofree char *old_status = NULL;
  g_autofree char *what = NULL;
  gboolean         signed_off;
  const char      *new_status = attain_milestone_status_to_key (status);

  g_return_val_if_fail (db != NULL, FALSE);

  if (!attain_db_begin (db, error))
    return FALSE;
  /* Read inside the transaction: what is on disk, not what the form last showed. */
  stmt = attain_db_prepare (db,
                            "SELECT m.status, m.what, r.signed_off_at IS NOT NULL "
                            "FROM review_milestones m JOIN reviews r ON r.id = m.review_id "
                            "WHERE m.review_id = ?1 AND m.position = ?2",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, review_id);
  sqlite3_bind_int (stmt, 2, (int) position);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, ATTAIN_REVIEW_ERROR, ATTAIN_REVIEW_ERROR_INVALID,
                   _ ("That milestone is no longer in the plan; it may have been changed in "
                      "another window."));
      goto fail;
    }
  old_status = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  what = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  signed_off = sqlite3_column_int (stmt, 2);
  sqlite3_reset (stmt);
  if (g_strcmp0 (old_status, new_status) == 0)
    {
      attain_db_rollback (db);
      return TRUE;
    }
  if (signed_off
      && !permit (db, "milestone-status", review_id, 0, "milestone_status", old_status, new_status,
                  what, error))
    goto fail;
  stmt = attain_db_prepare (
      db, "UPDATE review_milestones SET status = ?3 WHERE review_id = ?1 AND position = ?2", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, review_id);
  sqlite3_bind_int (stmt, 2, (int) position);
  sqlite3_bind_text (stmt, 3, new_status, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      attain_db_set_error (db, error, _ ("Saving the change"));
      goto fail;
    }
  sqlite3_reset (stmt);
  if (!run (db, "UPDATE lock_permits SET closed = 1 WHERE review_id = ?1 AND NOT closed", review_id,
            NULL, error)
      || !attain_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  attain_db_rollback (db);
  return FALSE;
}

/* Erases what identifies a leaver once the retention period (Settings, 24 months by default)
 * has passed since they left: name and employee number, the text of their reviews and plans,
 * the values the audit log and the import history recorded about them. Figures stay (the
 * company's results), under "Former employee #ID". One audited transaction. */
gboolean
attain_person_erase (AttainDb *db, gint64 person_id, const GDate *today, GError **error)
{
  sqlite3_stmt    *stmt;
  g_autofree char *name = NULL;
  g_autofree char *left_on = NULL;
  g_autofree char *erased_name = NULL;
  g_autofree char *kept_until_text = NULL;
  int              retention;
  GDate            left, kept_until;
  char             number[24];

  g_return_val_if_fail (db != NULL && today != NULL, FALSE);

  g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, person_id);
  retention = CLAMP (attain_db_get_setting_int (db, "retention_months", 24), 0, 1200);
  if (!attain_db_begin (db, error))
    return FALSE;
  stmt = attain_db_prepare (db, "SELECT name, left_on FROM people WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, person_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_NOT_FOUND,
                   _ ("There is no person with the id %s."), number);
      goto fail;
    }
  name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  left_on = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);
  if (left_on == NULL || !attain_date_parse_iso (left_on, &left))
    {
      g_set_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_INVALID,
                   _ ("%s has not left, so their data is still needed. Mark them as left first; "
                      "it can be erased once the retention period has passed."),
                   name);
      goto fail;
    }
  kept_until = left;
  g_date_add_months (&kept_until, (guint) retention);
  if (g_date_compare (today, &kept_until) < 0)
    {
      kept_until_text = attain_date_to_iso (&kept_until);
      g_set_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_INVALID,
                   _ ("%s left on %s; their data is kept for %d months, until %s. It can be "
                      "erased from then on (the period is in Settings)."),
                   name, left_on, retention, kept_until_text);
      goto fail;
    }
  /* Translators: what an erased person is called from then on; %s is their number in Attain */
  erased_name = g_strdup_printf (_ ("Former employee #%s"), number);
  if (!permit (db, "purge", 0, person_id, "personal_data", NULL, NULL,
               "personal data erased after the retention period", error)
      || !run (db, "UPDATE people SET name = ?2, employee_no = NULL WHERE id = ?1", person_id,
               erased_name, error)
      || !run (db,
               "UPDATE reviews SET self_review = NULL, strengths = NULL, improvements = NULL, "
               "employee_view = NULL, training = NULL, rating_comment = NULL WHERE person_id = ?1",
               person_id, NULL, error)
      || !run (db,
               "UPDATE review_milestones SET what = '—', measure = NULL "
               "WHERE review_id IN (SELECT id FROM reviews WHERE person_id = ?1)",
               person_id, NULL, error)
      || !run (db,
               "UPDATE audit_log SET old_value = NULL, new_value = NULL "
               "WHERE entity <> 'lock-exception' AND ((entity = 'person' AND entity_id = ?1) "
               "OR (entity = 'review' AND entity_id IN "
               "(SELECT id FROM reviews WHERE person_id = ?1)))",
               person_id, NULL, error)
      || !run (db,
               "UPDATE import_changes SET before = json_set (before, '$.name', ?2, "
               "'$.employee_no', NULL) WHERE entity = 'person' AND entity_id = ?1 "
               "AND before IS NOT NULL",
               person_id, erased_name, error)
      /* The figures a signed report printed name the person too. */
      || !run (db,
               "DELETE FROM review_snapshots WHERE review_id IN "
               "(SELECT id FROM reviews WHERE person_id = ?1)",
               person_id, NULL, error)
      || !run (db, "UPDATE lock_permits SET closed = 1 WHERE person_id = ?1 AND NOT closed",
               person_id, NULL, error)
      || !attain_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  attain_db_rollback (db);
  return FALSE;
}

/* The last day to decide an appeal: @days calendar days after the employee received the report,
 * or @days working days (Monday to Friday) when asked. */
void
attain_appeal_deadline (const GDate *received, int days, gboolean working_days, GDate *out)
{
  *out = *received;
  if (!working_days)
    {
      g_date_add_days (out, MAX (days, 0));
      return;
    }
  for (int left = MAX (days, 0); left > 0;)
    {
      g_date_add_days (out, 1);
      if (g_date_get_weekday (out) <= G_DATE_FRIDAY)
        left--;
    }
}

gint64
attain_appeal_record (AttainDb    *db,
                      gint64       review_id,
                      const GDate *received_on,
                      const char  *reason,
                      const char  *handler,
                      gboolean     working_days,
                      const GDate *today,
                      GError     **error)
{
  g_autofree char *received = attain_date_to_iso (received_on);
  g_autofree char *lodged = attain_date_to_iso (today);
  g_autofree char *deadline_iso = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (reason ? reason : ""));
  sqlite3_stmt    *stmt;
  GDate            deadline;
  gboolean         signed_off = FALSE;
  gint64           id;

  if (trimmed[0] == '\0')
    {
      g_set_error (error, ATTAIN_REVIEW_ERROR, ATTAIN_REVIEW_ERROR_INVALID,
                   _ ("Write down the reason for the appeal, in the employee's words."));
      return 0;
    }
  attain_appeal_deadline (received_on, attain_db_get_setting_int (db, "appeal_days", 15),
                          working_days, &deadline);
  deadline_iso = attain_date_to_iso (&deadline);
  if (!attain_db_begin (db, error))
    return 0;
  stmt = attain_db_prepare (db, "SELECT signed_off_at IS NOT NULL FROM reviews WHERE id = ?1",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, review_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    signed_off = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (!signed_off)
    {
      g_set_error (error, ATTAIN_REVIEW_ERROR, ATTAIN_REVIEW_ERROR_INVALID,
                   _ ("Only a signed-off review can be appealed; this one can still be changed "
                      "in the form."));
      goto fail;
    }
  stmt = attain_db_prepare (db,
                            "INSERT INTO appeals (review_id, received_on, lodged_on, reason, "
                            "handler, deadline, working_days) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, review_id);
  sqlite3_bind_text (stmt, 2, received, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, lodged, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, trimmed, -1, SQLITE_STATIC);
  if (handler != NULL && handler[0] != '\0')
    sqlite3_bind_text (stmt, 5, handler, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 5);
  sqlite3_bind_text (stmt, 6, deadline_iso, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, working_days ? 1 : 0);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      attain_db_set_error (db, error, _ ("Saving the appeal"));
      goto fail;
    }
  sqlite3_reset (stmt);
  id = attain_db_last_insert_id (db);
  stmt = attain_db_prepare (db,
                            "INSERT INTO audit_log (actor, entity, entity_id, field, new_value, "
                            "reason) VALUES (?1, 'review', ?2, 'appeal', 'open', ?3)",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, g_get_user_name (), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, review_id);
  sqlite3_bind_text (stmt, 3, trimmed, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      attain_db_set_error (db, error, _ ("Writing the audit log"));
      goto fail;
    }
  sqlite3_reset (stmt);
  if (!attain_db_commit (db, error))
    goto fail;
  return id;

fail:
  attain_db_rollback (db);
  return 0;
}

/* Decides an appeal. Upheld, the review is reopened in the same transaction through an audited
 * permit: signed_off_at is cleared, the day is kept as revised_after_appeal_on, and the form can
 * be changed and signed again. */
gboolean
attain_appeal_decide (AttainDb    *db,
                      gint64       appeal_id,
                      gboolean     upheld,
                      const char  *note,
                      const GDate *today,
                      GError     **error)
{
  g_autofree char *day = attain_date_to_iso (today);
  g_autofree char *trimmed = g_strstrip (g_strdup (note ? note : ""));
  sqlite3_stmt    *stmt;
  gint64           review_id = 0, audit_id;
  gboolean         open = FALSE;

  if (trimmed[0] == '\0')
    {
      g_set_error (error, ATTAIN_REVIEW_ERROR, ATTAIN_REVIEW_ERROR_INVALID,
                   _ ("Say why the appeal is upheld or rejected: the note is kept with it."));
      return FALSE;
    }
  if (!attain_db_begin (db, error))
    return FALSE;
  stmt = attain_db_prepare (db, "SELECT review_id, outcome = 'open' FROM appeals WHERE id = ?1",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, appeal_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      review_id = sqlite3_column_int64 (stmt, 0);
      open = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (review_id == 0 || !open)
    {
      g_set_error (error, ATTAIN_REVIEW_ERROR, ATTAIN_REVIEW_ERROR_INVALID,
                   review_id == 0 ? _ ("There is no such appeal.")
                                  : _ ("That appeal is decided already; its outcome stays."));
      goto fail;
    }
  if (upheld)
    {
      stmt = attain_db_prepare (
          db,
          "INSERT INTO audit_log (actor, entity, entity_id, field, old_value, new_value, reason) "
          "VALUES (?1, 'lock-exception', ?2, 'appeal', 'signed off', 'reopened', ?3)",
          error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, g_get_user_name (), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, review_id);
      sqlite3_bind_text (stmt, 3, trimmed, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          sqlite3_reset (stmt);
          attain_db_set_error (db, error, _ ("Writing the audit log"));
          goto fail;
        }
      sqlite3_reset (stmt);
      audit_id = attain_db_last_insert_id (db);
      stmt = attain_db_prepare (db,
                                "INSERT INTO appeal_permits (appeal_id, review_id, audit_id) "
                                "VALUES (?1, ?2, ?3)",
                                error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, appeal_id);
      sqlite3_bind_int64 (stmt, 2, review_id);
      sqlite3_bind_int64 (stmt, 3, audit_id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          sqlite3_reset (stmt);
          attain_db_set_error (db, error, _ ("Writing the audit log"));
          goto fail;
        }
      sqlite3_reset (stmt);
      /* Reopened, the review prints live figures until it is signed again. */
      if (!run (db,
                "UPDATE reviews SET signed_off_at = NULL, revised_after_appeal_on = ?2 "
                "WHERE id = ?1",
                review_id, day, error)
          || !run (db, "DELETE FROM review_snapshots WHERE review_id = ?1", review_id, NULL, error)
          || !run (db, "UPDATE appeal_permits SET closed = 1 WHERE appeal_id = ?1", appeal_id, NULL,
                   error))
        goto fail;
    }
  stmt = attain_db_prepare (db,
                            "UPDATE appeals SET outcome = ?2, outcome_note = ?3, decided_on = ?4 "
                            "WHERE id = ?1",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, appeal_id);
  sqlite3_bind_text (stmt, 2, upheld ? "upheld" : "rejected", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, trimmed, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, day, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      attain_db_set_error (db, error, _ ("Saving the appeal"));
      goto fail;
    }
  sqlite3_reset (stmt);
  if (!attain_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  attain_db_rollback (db);
  return FALSE;
}

/* Open appeals past their deadline on @today. */
guint
attain_appeals_overdue (AttainDb *db, const GDate *today, GError **error)
{
  g_autofree char *day = attain_date_to_iso (today);
  sqlite3_stmt    *stmt = attain_db_prepare (
         db, "SELECT count (*) FROM appeals WHERE outcome = 'open' AND deadline < ?1", error);
  guint n = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

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
               "employee_view = NULL, training = NULL WHERE person_id = ?1",
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
      || !run (db, "UPDATE lock_permits SET closed = 1 WHERE person_id = ?1 AND NOT closed",
               person_id, NULL, error)
      || !attain_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  attain_db_rollback (db);
  return FALSE;
}

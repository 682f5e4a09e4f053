/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Keeping the organisation current by hand: add a person, move someone to another team, change
 * a position, mark someone as left and hand their open deals to a colleague. Each is one
 * transaction that checks the row on disk is still what the director saw (compare-and-set),
 * writes an audit entry and brings the sums of the people and units concerned up to date. */
#include "attain-people.h"

#include "attain-gettext.h"
#include <string.h>
#include <unicode/utrans.h>

#include "attain-org.h"
#include "attain-parse.h"
#include "attain-period.h"
#include "attain-rollup.h"

/* The quark name is a string, not a subtraction. */
/* clang-format off */
G_DEFINE_QUARK (attain-people-error-quark, attain_people_error)
/* clang-format on */

#define OPEN_END 999912

void
attain_person_free (AttainPerson *person)
{
  if (person == NULL)
    return;
  g_free (person->employee_no);
  g_free (person->name);
  g_free (person->position);
  g_free (person->team);
  g_free (person->region);
  g_free (person->hired_on);
  g_free (person->left_on);
  g_free (person->search_key);
  g_free (person);
}

void
attain_choice_free (AttainChoice *choice)
{
  if (choice == NULL)
    return;
  g_free (choice->label);
  g_free (choice);
}

/* "周艳" -> "zhou yan zy zhouyan": typing the pinyin, its initials or the name finds a person,
 * the way Chinese contact lists work. ICU's Han-Latin transliterator gives the pinyin; it is
 * opened once and used under a lock, as a transliterator is not safe across threads. */
char *
attain_pinyin_key (const char *name)
{
  static GMutex           lock;
  static UTransliterator *transliterator;
  static gboolean         tried;
  g_autofree gunichar2   *text = NULL;
  g_autofree char        *latin = NULL, *folded = NULL;
  g_autoptr (GString) initials = g_string_new (NULL);
  g_autoptr (GString) joined = g_string_new (NULL);
  glong n_chars = 0;

  if (name == NULL)
    return g_strdup ("");
  text = g_utf8_to_utf16 (name, -1, NULL, &n_chars, NULL);
  if (text == NULL)
    return g_utf8_casefold (name, -1);

  g_mutex_lock (&lock);
  if (!tried)
    {
      UErrorCode         status = U_ZERO_ERROR;
      static const UChar id[] = { 'H', 'a', 'n', '-', 'L', 'a', 't', 'i', 'n', ';', ' ', 'L',
                                  'a', 't', 'i', 'n', '-', 'A', 'S', 'C', 'I', 'I', 0 };
      transliterator = utrans_openU (id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
      if (U_FAILURE (status))
        transliterator = NULL;
      tried = TRUE;
    }
  if (transliterator != NULL)
    {
      int32_t capacity = (int32_t) n_chars * 8 + 16, length = (int32_t) n_chars,
              limit = (int32_t) n_chars;
      g_autofree UChar *buffer = g_new0 (UChar, capacity);
      UErrorCode        status = U_ZERO_ERROR;

      memcpy (buffer, text, n_chars * sizeof (UChar));
      utrans_transUChars (transliterator, buffer, &length, capacity, 0, &limit, &status);
      if (U_SUCCESS (status))
        latin = g_utf16_to_utf8 ((const gunichar2 *) buffer, length, NULL, NULL, NULL);
    }
  g_mutex_unlock (&lock);

  folded = g_utf8_casefold (latin ? latin : name, -1);
  {
    g_auto (GStrv) words = g_strsplit_set (folded, " -", -1);
    for (char **w = words; *w; w++)
      if (**w != '\0')
        {
          g_string_append_unichar (initials, g_utf8_get_char (*w));
          g_string_append (joined, *w);
        }
  }
  return g_strdup_printf ("%s %s %s", folded, initials->str, joined->str);
}

gboolean
attain_person_matches (const AttainPerson *person, const char *query)
{
  g_autofree char *folded = NULL;

  if (query == NULL || *query == '\0')
    return TRUE;
  folded = g_utf8_casefold (query, -1);
  g_strstrip (folded);
  if (*folded == '\0')
    return TRUE;
  return strstr (person->search_key, folded) != NULL || strstr (person->name, query) != NULL
         || (person->employee_no != NULL && g_str_has_prefix (person->employee_no, query));
}

GPtrArray *
attain_people_list (AttainDb *db, GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_person_free);
  sqlite3_stmt *stmt = attain_db_prepare (
      db,
      "SELECT p.id, p.unit_id, p.position_id, p.employee_no, p.name, pos.key, "
      "pos.name, t.name, r.name, p.hired_on, p.left_on, p.active "
      "FROM people p JOIN positions pos ON pos.id = p.position_id "
      "JOIN org_units t ON t.id = p.unit_id LEFT JOIN org_units r ON r.id = t.parent_id "
      "AND r.kind <> 'company' ORDER BY p.active DESC, r.name, t.name, p.employee_no, p.name",
      error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AttainPerson    *person = g_new0 (AttainPerson, 1);
      g_autofree char *pinyin = NULL;

      person->id = sqlite3_column_int64 (stmt, 0);
      person->unit_id = sqlite3_column_int64 (stmt, 1);
      person->position_id = sqlite3_column_int64 (stmt, 2);
      person->employee_no = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      person->name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      person->position
          = g_strdup (attain_position_label ((const char *) sqlite3_column_text (stmt, 5),
                                             (const char *) sqlite3_column_text (stmt, 6)));
      person->team = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      person->region = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
      person->hired_on = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
      person->left_on = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
      person->active = sqlite3_column_int (stmt, 11);
      pinyin = attain_pinyin_key (person->name);
      person->search_key
          = g_strdup_printf ("%s %s", pinyin, person->employee_no ? person->employee_no : "");
      g_ptr_array_add (out, person);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Reading the people"));
      return NULL;
    }
  return g_steal_pointer (&out);
}

static GPtrArray *
choices (AttainDb *db, const char *sql, gboolean positions, GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_choice_free);
  sqlite3_stmt *stmt = attain_db_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      AttainChoice *choice = g_new0 (AttainChoice, 1);
      const char   *a = (const char *) sqlite3_column_text (stmt, 1);
      const char   *b = (const char *) sqlite3_column_text (stmt, 2);
      choice->id = sqlite3_column_int64 (stmt, 0);
      if (positions)
        choice->label = g_strdup (attain_position_label (a, b));
      else
        /* Translators: a team under its region, e.g. "华东区 › 上海销售组" */
        choice->label = a ? g_strdup_printf (_ ("%s › %s"), a, b) : g_strdup (b);
      g_ptr_array_add (out, choice);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&out);
}

GPtrArray *
attain_team_choices (AttainDb *db, GError **error)
{
  return choices (
      db,
      "SELECT t.id, r.name, t.name FROM org_units t LEFT JOIN org_units r ON r.id = t.parent_id "
      "AND r.kind <> 'company' WHERE t.kind = 'team' AND t.closed_month IS NULL ORDER BY r.name, "
      "t.name",
      FALSE, error);
}

GPtrArray *
attain_position_choices (AttainDb *db, GError **error)
{
  return choices (db, "SELECT id, key, name FROM positions ORDER BY rank", TRUE, error);
}

static gboolean
audit (AttainDb   *db,
       const char *entity,
       gint64      id,
       const char *field,
       const char *old_value,
       const char *new_value,
       GError    **error)
{
  sqlite3_stmt *stmt = attain_db_prepare (
      db,
      "INSERT INTO audit_log (actor, entity, entity_id, field, old_value, new_value) "
      "VALUES ('user', ?1, ?2, ?3, ?4, ?5)",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  sqlite3_bind_text (stmt, 3, field, -1, SQLITE_STATIC);
  if (old_value)
    sqlite3_bind_text (stmt, 4, old_value, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 4);
  if (new_value)
    sqlite3_bind_text (stmt, 5, new_value, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 5);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return attain_db_set_error (db, error, _ ("Writing the audit log"));
  return TRUE;
}

static gboolean
exec_bound (AttainDb *db, const char *sql, gint64 a, gint64 b, gint64 c, GError **error)
{
  sqlite3_stmt *stmt = attain_db_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  sqlite3_bind_int64 (stmt, 3, c);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return attain_db_set_error (db, error, _ ("Saving the change"));
  return TRUE;
}

/* From from_month on, the person is in unit_id; before it, in the team(s) they were in. Runs
 * inside the caller's transaction. */
gboolean
attain_membership_move (AttainDb *db,
                        gint64    person_id,
                        gint64    unit_id,
                        int       from_month,
                        GError  **error)
{
  sqlite3_stmt *stmt
      = attain_db_prepare (db,
                           "SELECT from_month, unit_id FROM person_units WHERE person_id = ?1 "
                           "AND to_month = " G_STRINGIFY (OPEN_END),
                           error);
  int    open_from = -1;
  gint64 open_unit = 0;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      open_from = sqlite3_column_int (stmt, 0);
      open_unit = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (open_unit == unit_id)
    return TRUE;
  if (open_from > from_month)
    {
      g_set_error (
          error, ATTAIN_PEOPLE_ERROR, ATTAIN_PEOPLE_ERROR_INVALID,
          _ ("This person already moved after that month. Choose a date after their last move."));
      return FALSE;
    }
  if (open_from == from_month)
    return exec_bound (
        db, "UPDATE person_units SET unit_id = ?3 WHERE person_id = ?1 AND from_month = ?2",
        person_id, from_month, unit_id, error);
  if (open_from >= 0
      && !exec_bound (
          db, "UPDATE person_units SET to_month = ?3 WHERE person_id = ?1 AND from_month = ?2",
          person_id, open_from, attain_month_add (from_month, -1), error))
    return FALSE;
  return exec_bound (db,
                     "INSERT INTO person_units (person_id, unit_id, from_month, to_month) VALUES "
                     "(?1, ?3, ?2, " G_STRINGIFY (OPEN_END) ")",
                     person_id, from_month, unit_id, error);
}

static gboolean
unit_is_team (AttainDb *db, gint64 unit_id)
{
  sqlite3_stmt *stmt = attain_db_prepare (
      db, "SELECT 1 FROM org_units WHERE id = ?1 AND kind = 'team' AND closed_month IS NULL", NULL);
  gboolean found;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static gboolean
parse_date_field (const char *text, GDate *date, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  if (text == NULL || !attain_parse_date (text, ATTAIN_DATE_ORDER_YMD, date, &local_error))
    {
      g_set_error (error, ATTAIN_PEOPLE_ERROR, ATTAIN_PEOPLE_ERROR_INVALID, "%s",
                   local_error ? local_error->message : _ ("A date is needed, like 2026-03-05."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
finish (AttainDb *db, GError **error)
{
  if (!attain_rollup_refresh_touched (db, 0, error) || !attain_db_commit (db, error))
    {
      attain_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

gboolean
attain_person_add (AttainDb   *db,
                   const char *name,
                   const char *employee_no,
                   gint64      unit_id,
                   gint64      position_id,
                   const char *hired_on,
                   gint64     *out_id,
                   GError    **error)
{
  g_autofree char *clean_name = g_strstrip (g_strdup (name ? name : ""));
  g_autofree char *clean_no = g_strstrip (g_strdup (employee_no ? employee_no : ""));
  g_autofree char *hired_iso = NULL;
  sqlite3_stmt    *stmt;
  GDate            hired;
  gint64           id;

  g_return_val_if_fail (db != NULL, FALSE);

  if (*clean_name == '\0' || g_utf8_strlen (clean_name, -1) > 100)
    {
      g_set_error (error, ATTAIN_PEOPLE_ERROR, ATTAIN_PEOPLE_ERROR_INVALID,
                   _ ("Enter the person’s name (at most 100 characters)."));
      return FALSE;
    }
  if (!unit_is_team (db, unit_id))
    {
      g_set_error (error, ATTAIN_PEOPLE_ERROR, ATTAIN_PEOPLE_ERROR_INVALID,
                   _ ("Choose the team the person joins."));
      return FALSE;
    }
  if (!parse_date_field (hired_on, &hired, error))
    return FALSE;
  hired_iso = attain_date_to_iso (&hired);
  if (!attain_db_begin (db, error))
    return FALSE;
  if (*clean_no != '\0')
    {
      stmt = attain_db_prepare (db, "SELECT name FROM people WHERE employee_no = ?1", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, clean_no, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_set_error (
              error, ATTAIN_PEOPLE_ERROR, ATTAIN_PEOPLE_ERROR_INVALID,
              _ ("The employee number %s belongs to %s already. Each person has their own."),
              clean_no, (const char *) sqlite3_column_text (stmt, 0));
          sqlite3_reset (stmt);
          goto fail;
        }
      sqlite3_reset (stmt);
    }
  stmt = attain_db_prepare (db,
                            "INSERT INTO people (unit_id, position_id, name, hired_on, "
                            "employee_no) VALUES (?1, ?2, ?3, ?4, ?5)",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_int64 (stmt, 2, position_id);
  sqlite3_bind_text (stmt, 3, clean_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, hired_iso, -1, SQLITE_TRANSIENT);
  if (*clean_no != '\0')
    sqlite3_bind_text (stmt, 5, clean_no, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 5);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Adding the person"));
      goto fail;
    }
  id = attain_db_last_insert_id (db);
  if (!audit (db, "person", id, "added", NULL, clean_name, error) || !attain_db_commit (db, error))
    goto fail;
  if (out_id)
    *out_id = id;
  return TRUE;

fail:
  attain_db_rollback (db);
  return FALSE;
}

/* Reads the person's current value of a column inside the transaction, to compare with what
 * the director saw. */
static gboolean
check_unchanged (AttainDb *db, const char *sql, gint64 person_id, gint64 expected, GError **error)
{
  sqlite3_stmt *stmt = attain_db_prepare (db, sql, error);
  gboolean      same;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  same = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) == expected;
  sqlite3_reset (stmt);
  if (!same)
    g_set_error (error, ATTAIN_PEOPLE_ERROR, ATTAIN_PEOPLE_ERROR_CHANGED,
                 _ ("Someone changed this person in the meantime. The list was reloaded; check it "
                    "and try again."));
  return same;
}

gboolean
attain_person_move (AttainDb   *db,
                    gint64      person_id,
                    gint64      expected_unit_id,
                    gint64      unit_id,
                    const char *effective_on,
                    GError    **error)
{
  g_autofree char *old_text = g_strdup_printf ("%" G_GINT64_FORMAT, expected_unit_id);
  g_autofree char *new_text = g_strdup_printf ("%" G_GINT64_FORMAT, unit_id);
  GDate            effective;

  g_return_val_if_fail (db != NULL, FALSE);

  if (!unit_is_team (db, unit_id))
    {
      g_set_error (error, ATTAIN_PEOPLE_ERROR, ATTAIN_PEOPLE_ERROR_INVALID,
                   _ ("Choose the team the person moves to."));
      return FALSE;
    }
  if (!parse_date_field (effective_on, &effective, error) || !attain_db_begin (db, error))
    return FALSE;
  /* Sums are redone for every team they have been in, before and after the move. */
  if (!check_unchanged (db, "SELECT unit_id FROM people WHERE id = ?1", person_id, expected_unit_id,
                        error)
      || !attain_rollup_touch_begin (db, error)
      || !attain_rollup_touch_person (db, person_id, error)
      || !exec_bound (db, "UPDATE people SET unit_id = ?2 WHERE id = ?1 AND unit_id = ?3",
                      person_id, unit_id, expected_unit_id, error)
      || !attain_membership_move (db, person_id, unit_id, attain_month_from_date (&effective),
                                  error)
      || !attain_rollup_touch_person (db, person_id, error)
      || !audit (db, "person", person_id, "unit_id", old_text, new_text, error))
    {
      attain_db_rollback (db);
      return FALSE;
    }
  return finish (db, error);
}

gboolean
attain_person_set_position (AttainDb *db,
                            gint64    person_id,
                            gint64    expected_position_id,
                            gint64    position_id,
                            GError  **error)
{
  g_autofree char *old_text = g_strdup_printf ("%" G_GINT64_FORMAT, expected_position_id);
  g_autofree char *new_text = g_strdup_printf ("%" G_GINT64_FORMAT, position_id);

  g_return_val_if_fail (db != NULL, FALSE);

  if (!attain_db_begin (db, error))
    return FALSE;
  if (!check_unchanged (db, "SELECT position_id FROM people WHERE id = ?1", person_id,
                        expected_position_id, error)
      || !exec_bound (db, "UPDATE people SET position_id = ?2 WHERE id = ?1 AND position_id = ?3",
                      person_id, position_id, expected_position_id, error)
      || !audit (db, "person", person_id, "position_id", old_text, new_text, error)
      || !attain_db_commit (db, error))
    {
      attain_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

gboolean
attain_person_mark_left (AttainDb   *db,
                         gint64      person_id,
                         const char *left_on,
                         gint64      handover_to,
                         const char *today,
                         guint      *handed_over,
                         GError    **error)
{
  g_autofree char *left_iso = NULL;
  sqlite3_stmt    *stmt;
  GDate            left;
  guint            moved = 0;

  g_return_val_if_fail (db != NULL, FALSE);

  if (!parse_date_field (left_on, &left, error))
    return FALSE;
  if (handover_to == person_id)
    {
      g_set_error (error, ATTAIN_PEOPLE_ERROR, ATTAIN_PEOPLE_ERROR_INVALID,
                   _ ("Hand the open deals to someone else than the person who leaves."));
      return FALSE;
    }
  left_iso = attain_date_to_iso (&left);
  if (!attain_db_begin (db, error))
    return FALSE;
  if (!check_unchanged (db, "SELECT left_on IS NULL FROM people WHERE id = ?1", person_id, 1, error)
      || !attain_rollup_touch_begin (db, error)
      || !attain_rollup_touch_person (db, person_id, error))
    goto fail;
  stmt = attain_db_prepare (db, "UPDATE people SET left_on = ?2, active = (?2 > ?3) WHERE id = ?1",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_text (stmt, 2, left_iso, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, today, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Saving the change"));
      goto fail;
    }
  if (!audit (db, "person", person_id, "left_on", NULL, left_iso, error))
    goto fail;

  /* 客户交接: open deals go to the colleague, dated, one audit entry each; the history stays. */
  if (handover_to != 0)
    {
      g_autoptr (GArray) deals = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autofree char *from = g_strdup_printf ("%" G_GINT64_FORMAT, person_id);
      g_autofree char *to = g_strdup_printf ("%" G_GINT64_FORMAT, handover_to);

      stmt = attain_db_prepare (db, "SELECT id FROM deals WHERE owner_id = ?1 AND status = 'open'",
                                error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, person_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (deals, id);
        }
      sqlite3_reset (stmt);
      if (!attain_rollup_touch_person (db, handover_to, error))
        goto fail;
      for (guint i = 0; i < deals->len; i++)
        {
          gint64           deal = g_array_index (deals, gint64, i);
          g_autofree char *reason = g_strdup_printf ("handover %s", left_iso);
          if (!exec_bound (db, "UPDATE deals SET owner_id = ?2 WHERE id = ?1 AND owner_id = ?3",
                           deal, handover_to, person_id, error))
            goto fail;
          stmt = attain_db_prepare (db,
                                    "INSERT INTO audit_log (actor, entity, entity_id, field, "
                                    "old_value, new_value, reason) "
                                    "VALUES ('user', 'deal', ?1, 'owner_id', ?2, ?3, ?4)",
                                    error);
          if (stmt == NULL)
            goto fail;
          sqlite3_bind_int64 (stmt, 1, deal);
          sqlite3_bind_text (stmt, 2, from, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 3, to, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 4, reason, -1, SQLITE_TRANSIENT);
          if (sqlite3_step (stmt) != SQLITE_DONE)
            {
              attain_db_set_error (db, error, _ ("Writing the audit log"));
              goto fail;
            }
          moved++;
        }
    }
  if (handed_over)
    *handed_over = moved;
  return finish (db, error);

fail:
  attain_db_rollback (db);
  return FALSE;
}

/* Someone whose leave date has come is no longer active: they drop out of new goals and
 * rankings on that day, not only when the date was typed. */
gboolean
attain_people_apply_leave_dates (AttainDb *db, const char *today, GError **error)
{
  sqlite3_stmt *stmt = attain_db_prepare (
      db, "UPDATE people SET active = 0 WHERE active AND left_on IS NOT NULL AND left_on <= ?1",
      error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return attain_db_set_error (db, error, _ ("Saving the change"));
  return TRUE;
}

gboolean
attain_person_exists (AttainDb *db, gint64 person_id)
{
  sqlite3_stmt *stmt = attain_db_prepare (db, "SELECT 1 FROM people WHERE id = ?1", NULL);
  gboolean      exists;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return exists;
}

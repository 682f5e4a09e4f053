/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-history.h"

#include "attain-format.h"
#include "attain-gettext.h"
#include "attain-org.h"
#include "attain-period.h"

void
attain_history_entry_free (AttainHistoryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->date);
  g_free (entry->title);
  g_free (entry->detail);
  g_free (entry);
}

static void
add_entry (GPtrArray *out, AttainHistoryKind kind, const char *date, char *title, char *detail)
{
  AttainHistoryEntry *entry = g_new0 (AttainHistoryEntry, 1);

  entry->kind = kind;
  entry->date = g_strndup (date ? date : "", 10);
  entry->title = title;
  entry->detail = detail;
  g_ptr_array_add (out, entry);
}

static const char *
text_at (sqlite3_stmt *stmt, int column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static char *
period_label (const char *kind, const char *start, int fy_start_month)
{
  GDate            first;
  AttainPeriodKind period_kind = g_strcmp0 (kind, "month") == 0     ? ATTAIN_PERIOD_MONTH
                                 : g_strcmp0 (kind, "quarter") == 0 ? ATTAIN_PERIOD_QUARTER
                                                                    : ATTAIN_PERIOD_YEAR;
  AttainPeriod     period;

  if (!attain_date_parse_iso (start, &first))
    return g_strdup (start ? start : "");
  period = attain_period_containing (period_kind, &first, fy_start_month);
  return attain_period_to_label (&period);
}

static gboolean
add_reviews (AttainDb *db, gint64 person_id, int fy, GPtrArray *out, GError **error)
{
  sqlite3_stmt *stmt = attain_db_prepare (
      db,
      "SELECT r.period_kind, r.period_start, r.period_end, r.reviewer, r.interview_on, "
      "r.signed_off_at, json_extract (s.figures, '$.evaluation[7]'), "
      "json_extract (s.figures, '$.rating') FROM reviews r LEFT JOIN review_snapshots s ON "
      "s.review_id = r.id WHERE r.person_id = ?1",
      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *period = period_label (text_at (stmt, 0), text_at (stmt, 1), fy);
      const char      *reviewer = text_at (stmt, 3);
      const char      *interview = text_at (stmt, 4);
      const char      *signed_off = text_at (stmt, 5);
      GString         *detail = g_string_new (NULL);

      if (signed_off != NULL)
        {
          g_autofree char *day = g_strndup (signed_off, 10);
          /* Translators: a review's state in a person's history, %s is a date */
          g_string_append_printf (detail, _ ("Signed off on %s"), day);
          if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
            {
              g_autofree char *score = attain_format_score (sqlite3_column_double (stmt, 6));
              /* Translators: the composite score a review was signed with */
              g_string_append_printf (detail, _ (" · %s points"), score);
            }
          if (text_at (stmt, 7) != NULL)
            /* Translators: the rating band a review was signed with */
            g_string_append_printf (detail, _ (" · rating %s"), text_at (stmt, 7));
        }
      else if (interview != NULL)
        /* Translators: a review's state in a person's history, %s is a date */
        g_string_append_printf (detail, _ ("Interview held on %s, not signed off yet"), interview);
      else
        g_string_append (detail, _ ("Draft: no interview yet"));
      if (reviewer != NULL)
        /* Translators: who reviewed, in a person's history */
        g_string_append_printf (detail, _ (" · reviewer %s"), reviewer);
      add_entry (out, ATTAIN_HISTORY_REVIEW,
                 signed_off  ? signed_off
                 : interview ? interview
                             : text_at (stmt, 2),
                 /* Translators: a line of a person's history, %s is the period */
                 g_strdup_printf (_ ("Review of %s"), period), g_string_free (detail, FALSE));
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
add_calibrations (AttainDb *db, gint64 person_id, GPtrArray *out, GError **error)
{
  sqlite3_stmt *stmt = attain_db_prepare (
      db,
      "SELECT k.at, coalesce (k.from_band, '—'), k.to_band, k.reason, k.actor, c.name FROM "
      "calibrations k JOIN review_cycles c ON c.id = k.cycle_id WHERE k.person_id = ?1",
      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    add_entry (out, ATTAIN_HISTORY_CALIBRATION, text_at (stmt, 0),
               /* Translators: a line of a person's history, %s is the review cycle */
               g_strdup_printf (_ ("Calibrated in “%s”"), text_at (stmt, 5)),
               /* Translators: from band, to band, the reason, who moved it */
               g_strdup_printf (_ ("%s → %s: %s (by %s)"), text_at (stmt, 1), text_at (stmt, 2),
                                text_at (stmt, 3), text_at (stmt, 4)));
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
add_appeals (AttainDb *db, gint64 person_id, int fy, GPtrArray *out, GError **error)
{
  sqlite3_stmt *stmt = attain_db_prepare (
      db,
      "SELECT a.lodged_on, a.reason, a.outcome, a.decided_on, a.deadline, r.period_kind, "
      "r.period_start, a.outcome_note FROM appeals a JOIN reviews r ON r.id = a.review_id "
      "WHERE r.person_id = ?1",
      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *period = period_label (text_at (stmt, 5), text_at (stmt, 6), fy);
      const char      *outcome = text_at (stmt, 2);
      const char      *note = text_at (stmt, 7);
      char            *detail;

      if (g_strcmp0 (outcome, "upheld") == 0)
        /* Translators: an appeal in a person's history: its reason, the day decided, the note */
        detail = g_strdup_printf (_ ("%s · upheld on %s%s%s"), text_at (stmt, 1), text_at (stmt, 3),
                                  note ? ": " : "", note ? note : "");
      else if (g_strcmp0 (outcome, "rejected") == 0)
        detail = g_strdup_printf (_ ("%s · rejected on %s%s%s"), text_at (stmt, 1),
                                  text_at (stmt, 3), note ? ": " : "", note ? note : "");
      else
        /* Translators: an open appeal: its reason and the day it must be decided by */
        detail = g_strdup_printf (_ ("%s · open, to be decided by %s"), text_at (stmt, 1),
                                  text_at (stmt, 4));
      add_entry (out, ATTAIN_HISTORY_APPEAL, text_at (stmt, 0),
                 /* Translators: a line of a person's history, %s is the period */
                 g_strdup_printf (_ ("Appeal against the review of %s"), period), detail);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
add_position_changes (AttainDb *db, gint64 person_id, GPtrArray *out, GError **error)
{
  sqlite3_stmt *stmt = attain_db_prepare (
      db,
      "SELECT l.at, o.key, coalesce (o.name, '—'), n.key, coalesce (n.name, '—') FROM audit_log l "
      "LEFT JOIN positions o ON o.id = CAST (l.old_value AS INTEGER) "
      "LEFT JOIN positions n ON n.id = CAST (l.new_value AS INTEGER) "
      "WHERE l.entity = 'person' AND l.entity_id = ?1 AND l.field = 'position_id'",
      error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    add_entry (out, ATTAIN_HISTORY_POSITION, text_at (stmt, 0), g_strdup (_ ("Position changed")),
               /* Translators: the position before and after */
               g_strdup_printf (_ ("%s → %s"),
                                attain_position_label (text_at (stmt, 1), text_at (stmt, 2)),
                                attain_position_label (text_at (stmt, 3), text_at (stmt, 4))));
  sqlite3_reset (stmt);
  return TRUE;
}

static int
newest_first (gconstpointer a, gconstpointer b)
{
  const AttainHistoryEntry *x = *(AttainHistoryEntry **) a;
  const AttainHistoryEntry *y = *(AttainHistoryEntry **) b;
  return -g_strcmp0 (x->date, y->date);
}

GPtrArray *
attain_person_history (AttainDb *db, gint64 person_id, GError **error)
{
  g_autoptr (GPtrArray) out
      = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_history_entry_free);
  int fy = attain_db_get_setting_int (db, "fiscal_year_start_month", 1);

  if (!add_reviews (db, person_id, fy, out, error) || !add_calibrations (db, person_id, out, error)
      || !add_appeals (db, person_id, fy, out, error)
      || !add_position_changes (db, person_id, out, error))
    return NULL;
  g_ptr_array_sort (out, newest_first);
  return g_steal_pointer (&out);
}

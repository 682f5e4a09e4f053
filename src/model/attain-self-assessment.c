/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-self-assessment.h"

#include "attain-gettext.h"
#include "attain-private-file.h"
#include "attain-rating-grid.h"
#include "attain-review-sheet.h"
#include "attain-sheet.h"
#include "attain-table-export.h"

#include <string.h>

/* The hidden column J carries what the import reads: the form's key on its first row, the
 * capability of each rating row, and where the text is. Labels in the other columns may be in
 * any language, and the user may retype them; the keys stay. */
#define KEY_COLUMN 9
#define FORM_KEY "attain-self-assessment/1"

gboolean
attain_self_assessment_write_xlsx (AttainDb           *db,
                                   gint64              person_id,
                                   const AttainPeriod *period,
                                   const GDate        *today,
                                   const char         *path,
                                   GError            **error)
{
  g_autoptr (AttainReviewSheet) sheet
      = attain_review_sheet_load (db, person_id, period, today, error);
  g_autoptr (GPtrArray) capabilities = attain_capability_metrics ();
  g_autoptr (GHashTable) given = NULL;
  g_autofree char     *temporary = NULL;
  g_autofree char     *period_label = NULL, *period_text = NULL, *key = NULL, *title = NULL;
  lxw_workbook        *workbook;
  lxw_worksheet       *ws;
  lxw_format          *heading, *header, *input, *wrap_input, *label;
  lxw_row_col_options  hidden = { .hidden = 1 };
  lxw_data_validation  validation = { 0 };
  const AttainMetrics *metrics;
  int                  row;

  if (sheet == NULL)
    return FALSE;
  metrics = sheet->dashboard->metrics;
  period_label = attain_period_to_label (period);
  period_text = attain_period_to_string (period);
  key = g_strdup_printf ("%s/%" G_GINT64_FORMAT "/%s", FORM_KEY, person_id, period_text);
  /* Translators: title of the self-assessment form: the person and the period */
  title = g_strdup_printf (_ ("Self-assessment — %s — %s"), sheet->dashboard->scope_name,
                           period_label);
  if (sheet->review != NULL)
    given = attain_self_ratings (db, sheet->review->id, NULL);

  workbook = attain_xlsx_open (path, &temporary, error);
  if (workbook == NULL)
    return FALSE;
  ws = workbook_add_worksheet (workbook, _ ("Self-assessment"));
  heading = workbook_add_format (workbook);
  format_set_bold (heading);
  format_set_font_size (heading, 14);
  header = workbook_add_format (workbook);
  format_set_bold (header);
  format_set_bottom (header, LXW_BORDER_THIN);
  label = workbook_add_format (workbook);
  format_set_bold (label);
  input = workbook_add_format (workbook);
  format_set_unlocked (input);
  format_set_border (input, LXW_BORDER_THIN);
  format_set_bg_color (input, 0xFFF8DC);
  format_set_align (input, LXW_ALIGN_CENTER);
  wrap_input = workbook_add_format (workbook);
  format_set_unlocked (wrap_input);
  format_set_border (wrap_input, LXW_BORDER_THIN);
  format_set_bg_color (wrap_input, 0xFFF8DC);
  format_set_text_wrap (wrap_input);
  format_set_align (wrap_input, LXW_ALIGN_VERTICAL_TOP);

  worksheet_set_column (ws, 0, 0, 28, NULL);
  worksheet_set_column (ws, 1, 4, 16, NULL);
  worksheet_set_column_opt (ws, KEY_COLUMN, KEY_COLUMN, 10, NULL, &hidden);
  worksheet_write_string (ws, 0, 0, title, heading);
  worksheet_write_string (ws, 0, KEY_COLUMN, key, NULL);
  {
    const char *fields[][2] = {
      { _ ("Full name"), sheet->dashboard->scope_name },
      { _ ("Team"), sheet->team ? sheet->team : "" },
      { _ ("Period"), period_label },
    };
    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      {
        worksheet_write_string (ws, 2 + i, 0, fields[i][0], label);
        worksheet_write_string (ws, 2 + i, 1, fields[i][1], NULL);
      }
  }

  row = 6;
  worksheet_write_string (ws, row, 0, _ ("Your results"), heading);
  row++;
  {
    const char *titles[] = { _ ("Metric"), _ ("Target"), _ ("Actual"), _ ("Attainment") };
    for (guint c = 0; c < G_N_ELEMENTS (titles); c++)
      worksheet_write_string (ws, row, c, titles[c], header);
  }
  row++;
  for (guint i = 0; i < sheet->lines->len; i++, row++)
    {
      AttainReviewLine        *line = &g_array_index (sheet->lines, AttainReviewLine, i);
      const AttainMetricValue *v = &metrics->values[line->metric];
      g_autofree char         *target = attain_metric_format (metrics, line->metric, v->target);
      g_autofree char         *actual = attain_metric_format (metrics, line->metric, v->value);
      g_autofree char         *attainment = attain_format_percent (v->attainment);
      worksheet_write_string (ws, row, 0, _ (line->label), NULL);
      worksheet_write_string (ws, row, 1, target, NULL);
      worksheet_write_string (ws, row, 2, actual, NULL);
      worksheet_write_string (ws, row, 3, attainment, NULL);
    }

  row++;
  worksheet_write_string (ws, row, 0, _ ("Your rating of your capabilities (1 to 5)"), heading);
  row++;
  validation.validate = LXW_VALIDATION_TYPE_INTEGER;
  validation.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
  validation.minimum_number = 1;
  validation.maximum_number = 5;
  validation.error_message = (char *) _ ("Write a whole number from 1 to 5.");
  for (guint i = 0; i < capabilities->len; i++, row++)
    {
      const AttainGoalMetric *info = g_ptr_array_index (capabilities, i);
      g_autofree char        *cell_key = g_strdup_printf ("rating:%s", info->key);
      int rating = given ? GPOINTER_TO_INT (g_hash_table_lookup (given, info->key)) : 0;

      worksheet_write_string (ws, row, 0, _ (info->label), NULL);
      if (rating > 0)
        worksheet_write_number (ws, row, 1, rating, input);
      else
        worksheet_write_blank (ws, row, 1, input);
      worksheet_data_validation_cell (ws, row, 1, &validation);
      worksheet_write_string (ws, row, KEY_COLUMN, cell_key, NULL);
    }

  row++;
  worksheet_write_string (ws, row, 0,
                          _ ("Your self-assessment: what went well, what did not, what you "
                             "need"),
                          heading);
  row++;
  worksheet_merge_range (
      ws, row, 0, row + 11, 4,
      sheet->review && sheet->review->self_review ? sheet->review->self_review : "", wrap_input);
  worksheet_write_string (ws, row, KEY_COLUMN, "text", NULL);
  /* Only the fields to fill in can be changed: the results stay as printed. */
  worksheet_protect (ws, NULL, NULL);
  return attain_xlsx_close (workbook, g_steal_pointer (&temporary), path, error);
}

gboolean
attain_self_assessment_write_into (AttainDb           *db,
                                   gint64              person_id,
                                   const AttainPeriod *period,
                                   const GDate        *today,
                                   const char         *directory,
                                   GError            **error)
{
  g_autofree char *name = NULL, *safe = NULL, *period_text = NULL, *file = NULL, *path = NULL;
  sqlite3_stmt    *stmt = attain_db_prepare (db, "SELECT name FROM people WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _ ("Could not create the folder “%s”."), directory);
      return FALSE;
    }
  /* A name with "/" or 2,000 characters still makes one file inside the folder. */
  safe = attain_file_name_part (name ? name : "", 60);
  period_text = attain_period_to_string (period);
  file = g_strdup_printf ("self-assessment-%s-%04" G_GINT64_FORMAT "-%s.xlsx", period_text,
                          person_id, safe);
  path = g_build_filename (directory, file, NULL);
  return attain_self_assessment_write_xlsx (db, person_id, period, today, path, error);
}

GHashTable *
attain_self_ratings (AttainDb *db, gint64 review_id, GError **error)
{
  g_autoptr (GHashTable) out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = attain_db_prepare (
      db, "SELECT metric, rating FROM self_ratings WHERE review_id = ?1", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, review_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (out, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         GINT_TO_POINTER (sqlite3_column_int (stmt, 1)));
  sqlite3_reset (stmt);
  return g_steal_pointer (&out);
}

static gboolean
not_a_form (const char *path, GError **error)
{
  g_autofree char *base = g_path_get_basename (path);
  g_set_error (error, ATTAIN_SHEET_ERROR, ATTAIN_SHEET_ERROR_SYNTAX,
               _ ("“%s” is not a self-assessment form made by Attain. Export the forms from the "
                  "evaluation page and import the filled ones."),
               base);
  return FALSE;
}

/* A cell of a rating: "", "4" or "4.0" (Excel keeps numbers as decimals). */
static int
rating_of (const char *text)
{
  char  *end = NULL;
  double value;

  if (text == NULL || text[0] == '\0')
    return 0;
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || value != (int) value || value < 1 || value > 5)
    return -1;
  return (int) value;
}

gboolean
attain_self_assessment_import (AttainDb *db, const char *path, char **who, GError **error)
{
  g_autoptr (AttainSheet) sheet = attain_xlsx_read (path, 0, error);
  g_autoptr (AttainReview) review = NULL;
  g_autoptr (GArray) ratings = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GPtrArray) metrics = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) key = NULL;
  const char  *text = NULL;
  gint64       person_id;
  AttainPeriod period;
  int          fy;

  if (sheet == NULL)
    return FALSE;
  for (guint r = 0; r < sheet->rows->len; r++)
    {
      AttainSheetRow *row = g_ptr_array_index (sheet->rows, r);
      const char     *cell = row->n_cells > KEY_COLUMN ? row->cells[KEY_COLUMN] : "";

      if (g_str_has_prefix (cell, FORM_KEY "/") && key == NULL)
        key = g_strsplit (cell + strlen (FORM_KEY "/"), "/", 3);
      else if (g_str_has_prefix (cell, "rating:"))
        {
          const AttainGoalMetric *info = attain_goal_metric_lookup (cell + strlen ("rating:"));
          int rating = rating_of (row->n_cells > 1 ? g_strstrip (row->cells[1]) : "");
          if (info == NULL || g_strcmp0 (info->type, "capability") != 0)
            return not_a_form (path, error);
          if (rating < 0)
            {
              /* Translators: a bad self-rating: the row Excel shows, the capability, the text */
              g_set_error (error, ATTAIN_SHEET_ERROR, ATTAIN_SHEET_ERROR_SYNTAX,
                           _ ("Row %u (%s): “%s” is not a rating. Write a whole number from 1 to "
                              "5, or leave it empty. Nothing was imported."),
                           row->line, _ (info->label), row->cells[1]);
              return FALSE;
            }
          g_ptr_array_add (metrics, g_strdup (info->key));
          g_array_append_val (ratings, rating);
        }
      else if (g_str_equal (cell, "text"))
        text = row->n_cells > 0 ? row->cells[0] : "";
    }
  if (key == NULL || g_strv_length (key) != 2)
    return not_a_form (path, error);
  person_id = g_ascii_strtoll (key[0], NULL, 10);
  fy = attain_db_get_setting_int (db, "fiscal_year_start_month", 1);
  if (person_id <= 0 || !attain_period_parse (key[1], fy, &period, NULL))
    return not_a_form (path, error);

  review = attain_review_open (db, person_id, &period, error);
  if (review == NULL)
    return FALSE;
  if (attain_review_is_locked (review))
    {
      g_autofree char *label = attain_period_to_label (&period);
      g_set_error (error, ATTAIN_REVIEW_ERROR, ATTAIN_REVIEW_ERROR_LOCKED,
                   _ ("The review of %s is signed off; its self-assessment cannot change. "
                      "Nothing was imported."),
                   label);
      return FALSE;
    }
  if (!attain_db_begin (db, error))
    return FALSE;
  {
    sqlite3_stmt *stmt;
    for (guint i = 0; i < metrics->len; i++)
      {
        int rating = g_array_index (ratings, int, i);
        stmt = attain_db_prepare (
            db,
            rating > 0 ? "INSERT INTO self_ratings (review_id, metric, rating) VALUES (?1, ?2, ?3) "
                         "ON CONFLICT (review_id, metric) DO UPDATE SET rating = excluded.rating"
                       : "DELETE FROM self_ratings WHERE review_id = ?1 AND metric = ?2",
            error);
        if (stmt == NULL)
          goto fail;
        sqlite3_bind_int64 (stmt, 1, review->id);
        sqlite3_bind_text (stmt, 2, g_ptr_array_index (metrics, i), -1, SQLITE_TRANSIENT);
        if (rating > 0)
          sqlite3_bind_int (stmt, 3, rating);
        if (sqlite3_step (stmt) != SQLITE_DONE)
          {
            sqlite3_reset (stmt);
            attain_db_set_error (db, error, _ ("Saving the self-assessment"));
            goto fail;
          }
        sqlite3_reset (stmt);
      }
    if (text != NULL && g_strcmp0 (text, review->self_review ? review->self_review : "") != 0)
      {
        stmt = attain_db_prepare (
            db,
            "UPDATE reviews SET self_review = nullif (?2, ''), updated_at = strftime "
            "('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
            error);
        if (stmt == NULL)
          goto fail;
        sqlite3_bind_int64 (stmt, 1, review->id);
        sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
        if (sqlite3_step (stmt) != SQLITE_DONE)
          {
            sqlite3_reset (stmt);
            attain_db_set_error (db, error, _ ("Saving the self-assessment"));
            goto fail;
          }
        sqlite3_reset (stmt);
        stmt = attain_db_prepare (db,
                                  "INSERT INTO audit_log (actor, entity, entity_id, field, "
                                  "old_value, new_value, reason) VALUES (?1, 'review', ?2, "
                                  "'self_review', ?3, nullif (?4, ''), 'Self-assessment form')",
                                  error);
        if (stmt == NULL)
          goto fail;
        sqlite3_bind_text (stmt, 1, g_get_user_name (), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64 (stmt, 2, review->id);
        if (review->self_review != NULL)
          sqlite3_bind_text (stmt, 3, review->self_review, -1, SQLITE_TRANSIENT);
        else
          sqlite3_bind_null (stmt, 3);
        sqlite3_bind_text (stmt, 4, text, -1, SQLITE_TRANSIENT);
        if (sqlite3_step (stmt) != SQLITE_DONE)
          {
            sqlite3_reset (stmt);
            attain_db_set_error (db, error, _ ("Writing the audit log"));
            goto fail;
          }
        sqlite3_reset (stmt);
      }
  }
  if (!attain_db_commit (db, error))
    goto fail;
  if (who != NULL)
    {
      sqlite3_stmt *stmt = attain_db_prepare (db, "SELECT name FROM people WHERE id = ?1", NULL);
      *who = NULL;
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, person_id);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            *who = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          sqlite3_reset (stmt);
        }
    }
  return TRUE;

fail:
  attain_db_rollback (db);
  return FALSE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-settings.h"

#include "attain-results.h"

#include "attain-gettext.h"
#include <string.h>

#include "attain-org.h"
#include "attain-people.h"
#include "attain-rollup.h"

/* The quark name is a string, not a subtraction. */
/* clang-format off */
G_DEFINE_QUARK (attain-settings-error-quark, attain_settings_error)
/* clang-format on */

void
attain_stage_setting_free (AttainStageSetting *stage)
{
  if (stage == NULL)
    return;
  g_free (stage->label);
  g_free (stage);
}

static gboolean
invalid (GError **error, const char *message)
{
  g_set_error_literal (error, ATTAIN_SETTINGS_ERROR, ATTAIN_SETTINGS_ERROR_INVALID, message);
  return FALSE;
}

static char *
clean_name (const char *name)
{
  return g_strstrip (g_strdup (name ? name : ""));
}

static gboolean
check_name (const char *name, GError **error)
{
  if (*name == '\0' || g_utf8_strlen (name, -1) > 100)
    return invalid (error, _ ("Enter a name of at most 100 characters."));
  return TRUE;
}

/* Inside the caller's transaction. */
static gboolean
insert_unit (AttainDb   *db,
             gint64      parent_id,
             const char *kind,
             const char *name,
             gint64     *out_id,
             GError    **error)
{
  sqlite3_stmt *stmt;

  if (parent_id != 0)
    {
      stmt = attain_db_prepare (db, "SELECT 1 FROM org_units WHERE parent_id = ?1 AND name = ?2",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, parent_id);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          sqlite3_reset (stmt);
          g_set_error (error, ATTAIN_SETTINGS_ERROR, ATTAIN_SETTINGS_ERROR_INVALID,
                       _ ("There is a unit named “%s” there already. Choose another name."), name);
          return FALSE;
        }
      sqlite3_reset (stmt);
    }
  stmt = attain_db_prepare (db, "INSERT INTO org_units (parent_id, kind, name) VALUES (?1, ?2, ?3)",
                            error);
  if (stmt == NULL)
    return FALSE;
  if (parent_id != 0)
    sqlite3_bind_int64 (stmt, 1, parent_id);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return attain_db_set_error (db, error, _ ("Saving the organisation"));
  if (out_id)
    *out_id = attain_db_last_insert_id (db);
  return TRUE;
}

/* "Set Up by Hand": the company with its first region and team, so people can be added. */
gboolean
attain_setup_company (AttainDb   *db,
                      const char *company,
                      const char *region,
                      const char *team,
                      GError    **error)
{
  g_autofree char *c = clean_name (company), *r = clean_name (region), *t = clean_name (team);
  gint64           company_id, region_id = 0;

  if (!check_name (c, error) || !check_name (t, error) || (*r != '\0' && !check_name (r, error)))
    return FALSE;
  if (!attain_db_begin (db, error))
    return FALSE;
  if (!attain_db_is_empty (db))
    {
      attain_db_rollback (db);
      return invalid (error, _ ("This file holds a company already."));
    }
  if (!insert_unit (db, 0, "company", c, &company_id, error)
      || (*r != '\0' && !insert_unit (db, company_id, "region", r, &region_id, error))
      || !insert_unit (db, region_id ? region_id : company_id, "team", t, NULL, error)
      || !attain_db_set_setting (db, "company_name", c, error) || !attain_db_commit (db, error))
    {
      attain_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

gboolean
attain_org_add_unit (AttainDb   *db,
                     gint64      parent_id,
                     const char *kind,
                     const char *name,
                     gint64     *out_id,
                     GError    **error)
{
  g_autofree char *n = clean_name (name);

  g_return_val_if_fail (g_strcmp0 (kind, "team") == 0 || g_strcmp0 (kind, "region") == 0, FALSE);
  if (!check_name (n, error) || !attain_db_begin (db, error))
    return FALSE;
  if (!insert_unit (db, parent_id, kind, n, out_id, error) || !attain_db_commit (db, error))
    {
      attain_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

gboolean
attain_settings_set_company_name (AttainDb *db, const char *name, GError **error)
{
  g_autofree char *n = clean_name (name);
  sqlite3_stmt    *stmt;

  if (!check_name (n, error) || !attain_db_begin (db, error))
    return FALSE;
  stmt = attain_db_prepare (db, "UPDATE org_units SET name = ?1 WHERE kind = 'company'", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, n, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Saving the setting"));
      goto fail;
    }
  if (!attain_db_set_setting (db, "company_name", n, error) || !attain_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  attain_db_rollback (db);
  return FALSE;
}

gboolean
attain_settings_set_int (AttainDb *db, const char *key, int value, GError **error)
{
  g_autofree char *text = g_strdup_printf ("%d", value);
  gboolean         weights = g_str_has_prefix (key, "tier_weight_");

  if (g_str_equal (key, "fiscal_year_start_month") && (value < 1 || value > 12))
    return invalid (error, _ ("The fiscal year starts in a month from 1 to 12."));
  if (weights && (value < 0 || value > 100))
    return invalid (error, _ ("A tier weight is a whole number from 0 to 100."));
  {
    /* The evaluation's settings, each within what keeps it meaningful. */
    static const struct
    {
      const char *key;
      int         min, max;
    } evaluation[] = {
      { "rating_s", 0, 30000 },
      { "rating_a", 0, 30000 },
      { "rating_b", 0, 30000 },
      { "rating_c", 0, 30000 },
      { "calibration_top_max", 0, 100 },
      { "calibration_bottom_min", 0, 100 },
      { "feedback_min_group", 3, 10 },
      { "appeal_days", 1, 90 },
      { "review_due_days", 0, 365 },
      { "promotion_quarters", 1, 8 },
      { "promotion_months", 0, 600 },
      { "training_rating_max", 1, 4 },
      { "training_attainment_min", 1, 100 },
      { "recognition_min_attainment", 0, 300 },
    };
    gboolean known = weights || g_str_equal (key, "fiscal_year_start_month")
                     || g_str_equal (key, "pace_tolerance_percent");

    for (guint i = 0; i < G_N_ELEMENTS (evaluation); i++)
      if (g_str_equal (key, evaluation[i].key))
        {
          known = TRUE;
          if (value < evaluation[i].min || value > evaluation[i].max)
            return invalid (error, g_str_equal (key, "feedback_min_group")
                                       ? _ ("A 360 group is shown from 3 to 10 answers, never "
                                            "fewer than 3.")
                                       : _ ("That value is outside what this setting takes."));
        }
    if (!known)
      return invalid (error, _ ("This setting cannot be changed here."));
    /* The bands stay in order: S at or above A, A at or above B, B at or above C. */
    if (g_str_has_prefix (key, "rating_") && strlen (key) == strlen ("rating_s"))
      {
        static const char *const bands[] = { "rating_s", "rating_a", "rating_b", "rating_c" };
        static const int         defaults[] = { 11000, 10000, 8500, 7000 };
        int                      values[4];
        for (guint b = 0; b < 4; b++)
          values[b] = g_str_equal (key, bands[b])
                          ? value
                          : attain_db_get_setting_int (db, bands[b], defaults[b]);
        for (guint b = 0; b + 1 < 4; b++)
          if (values[b] < values[b + 1])
            return invalid (error, _ ("Each band starts at or above the next one: S ≥ A ≥ B ≥ C. "
                                      "Nothing was changed."));
      }
  }
  if (!attain_db_begin (db, error))
    return FALSE;
  /* Tier weights are part of the weighted-visit sums: they are redone with the change. */
  if (!attain_db_set_setting (db, key, text, error)
      || (weights && !attain_rollup_rebuild (db, error)) || !attain_db_commit (db, error))
    {
      attain_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

/* A setting that is one of a few words: the promotion's lowest rating, the recognition's
 * metric and tie-break. */
gboolean
attain_settings_set_choice (AttainDb *db, const char *key, const char *value, GError **error)
{
  static const char *const ratings[] = { "S", "A", "B", "C", "D", NULL };
  gboolean                 allowed;

  if (g_strcmp0 (key, "promotion_min_rating") == 0)
    allowed = value != NULL && g_strv_contains (ratings, value);
  else if (g_strcmp0 (key, "recognition_metric") == 0
           || g_strcmp0 (key, "recognition_tiebreak") == 0)
    allowed = value != NULL && attain_recognition_metric_allowed (value);
  else
    return invalid (error, _ ("This setting cannot be changed here."));
  if (!allowed)
    return invalid (error, _ ("That value is outside what this setting takes."));
  return attain_db_set_setting (db, key, value, error);
}

gboolean
attain_settings_set_currency (AttainDb *db, const char *code, GError **error)
{
  if (code == NULL || strlen (code) != 3 || !g_ascii_isupper (code[0]) || !g_ascii_isupper (code[1])
      || !g_ascii_isupper (code[2]))
    return invalid (error, _ ("A currency is a three-letter code such as CNY, HKD, TWD or USD."));
  return attain_db_set_setting (db, "currency", code, error);
}

GPtrArray *
attain_settings_stages (AttainDb *db, GError **error)
{
  g_autoptr (GPtrArray) out
      = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_stage_setting_free);
  sqlite3_stmt *stmt = attain_db_prepare (
      db, "SELECT id, position, key, name, probability FROM stages ORDER BY position", error);

  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      AttainStageSetting *stage = g_new0 (AttainStageSetting, 1);
      stage->id = sqlite3_column_int64 (stmt, 0);
      stage->position = sqlite3_column_int (stmt, 1);
      stage->label = g_strdup (attain_stage_label ((const char *) sqlite3_column_text (stmt, 2),
                                                   (const char *) sqlite3_column_text (stmt, 3)));
      stage->probability = sqlite3_column_int (stmt, 4);
      g_ptr_array_add (out, stage);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&out);
}

gboolean
attain_settings_set_probability (AttainDb *db, gint64 stage_id, int probability, GError **error)
{
  sqlite3_stmt *stmt;

  if (probability < 0 || probability > 100)
    return invalid (error, _ ("A stage’s probability is a whole number from 0 to 100."));
  if (!attain_db_begin (db, error))
    return FALSE;
  stmt = attain_db_prepare (db, "UPDATE stages SET probability = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, stage_id);
  sqlite3_bind_int (stmt, 2, probability);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Saving the setting"));
      goto fail;
    }
  /* The weighted pipeline is weighed with it. */
  if (!attain_rollup_rebuild (db, error) || !attain_db_commit (db, error))
    goto fail;
  return TRUE;

fail:
  attain_db_rollback (db);
  return FALSE;
}

GPtrArray *
attain_region_choices (AttainDb *db, GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_choice_free);
  sqlite3_stmt *stmt = attain_db_prepare (
      db,
      "SELECT id, name, kind FROM org_units WHERE kind IN ('company', 'region', 'product_line') "
      "ORDER BY kind <> 'company', name",
      error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      AttainChoice *choice = g_new0 (AttainChoice, 1);
      choice->id = sqlite3_column_int64 (stmt, 0);
      choice->label = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_ptr_array_add (out, choice);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&out);
}

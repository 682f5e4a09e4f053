/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writing a prepared import: one transaction that compares each record with what is on disk
 * (read inside the transaction, never remembered from the prepare step), adds or updates it,
 * records what it replaced so the import can be undone as a whole, and redoes the sums of the
 * people and customers it touched. */
#include "attain-import-private.h"

#include "attain-gettext.h"
#include <json-glib/json-glib.h>
#include <string.h>

#include "attain-goal.h"
#include "attain-org.h"
#include "attain-period.h"
#include "attain-people.h"
#include "attain-rollup.h"

#include <stdio.h>

typedef struct
{
  AttainDb         *db;
  AttainImportPlan *plan;
  gint64            import_id;
  GHashTable       *customers;      /* name -> id */
  GHashTable       *customer_tiers; /* name -> tier letter */
  GHashTable       *touched;        /* person ids whose sums are to be redone */
  /* What new deals add to the sums of their owners, keyed by (owner, month, stage): added to
   * the person rows at the end instead of recomputing those people from all their deals. */
  GHashTable          *delta_stats;
  GHashTable          *delta_funnel;
  GHashTable          *delta_pipeline;
  GHashTable          *delta_cohort; /* "owner month stage to_month" -> Delta (a advanced, b won) */
  int                  probabilities[16];
  gboolean             source_is_new; /* no deal of this source yet: nothing to compare with */
  GHashTable          *occurrences;   /* synthesized key -> times seen in this file */
  gint64               stage_ids[16]; /* by position */
  char                *stage_keys[16];
  int                  won_position;
  int                  n_positions;
  AttainImportSummary *summary;
} Writer;

static gboolean
step_done (Writer *w, sqlite3_stmt *stmt, GError **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return attain_db_set_error (w->db, error, _ ("Writing the import"));
  return TRUE;
}

static gboolean
note_change (Writer *w, const char *entity, gint64 entity_id, const char *before, GError **error)
{
  sqlite3_stmt *stmt
      = attain_db_prepare (w->db,
                           "INSERT INTO import_changes (import_id, entity, entity_id, before) "
                           "VALUES (?1, ?2, ?3, ?4)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, w->import_id);
  sqlite3_bind_text (stmt, 2, entity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, entity_id);
  if (before)
    sqlite3_bind_text (stmt, 4, before, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 4);
  return step_done (w, stmt, error);
}

/* The row as it is, as JSON, for undo: one SELECT per table with json_object. */
static char *
row_json (Writer *w, const char *sql, gint64 id)
{
  sqlite3_stmt *stmt = attain_db_prepare (w->db, sql, NULL);
  char         *json = NULL;
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    json = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return json;
}

static void
bind_text_or_null (sqlite3_stmt *stmt, int index, const char *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/* Records of a file without a record id are keyed by what identifies them there; the n-th
 * identical row is its own record, so re-reading the same file finds the same keys. */
static char *
synthesized_key (Writer *w, const char *first, ...)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *digest = NULL;
  char            *key;
  va_list          args;
  guint            n;

  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    {
      g_string_append (text, part);
      g_string_append_c (text, '\x1f');
    }
  va_end (args);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA1, text->str, text->len);
  n = GPOINTER_TO_UINT (g_hash_table_lookup (w->occurrences, digest)) + 1;
  g_hash_table_replace (w->occurrences, g_strdup (digest), GUINT_TO_POINTER (n));
  key = g_strdup_printf ("row:%.20s:%u", digest, n);
  return key;
}

/* Each person is marked once: the first mark records the units they sit in before any move. */
static gboolean
touch_person (Writer *w, gint64 person_id, GError **error)
{
  if (g_hash_table_contains (w->touched, &person_id))
    return TRUE;
  g_hash_table_add (w->touched, g_memdup2 (&person_id, sizeof person_id));
  return attain_rollup_touch_person (w->db, person_id, error);
}

static gboolean
customer_for (Writer     *w,
              const char *name,
              const char *tier,
              gint64     *out_id,
              char       *out_tier,
              GError    **error)
{
  sqlite3_stmt *stmt;
  gpointer      cached;

  if (g_hash_table_lookup_extended (w->customers, name, NULL, &cached)
      && (tier == NULL
          || GPOINTER_TO_INT (g_hash_table_lookup (w->customer_tiers, name)) == tier[0]))
    {
      *out_id = (gint64) GPOINTER_TO_SIZE (cached);
      *out_tier = (char) GPOINTER_TO_INT (g_hash_table_lookup (w->customer_tiers, name));
      return TRUE;
    }
  stmt = attain_db_prepare (
      w->db, "SELECT id, tier FROM customers WHERE name = ?1 ORDER BY id LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *out_id = sqlite3_column_int64 (stmt, 0);
      *out_tier = sqlite3_column_text (stmt, 1)[0];
      sqlite3_reset (stmt);
      /* A tier given in the file updates the customer: the CRM is the reference. */
      if (tier != NULL && tier[0] != *out_tier)
        {
          g_autofree char *before = g_strdup_printf ("{\"tier\":\"%c\"}", *out_tier);
          stmt = attain_db_prepare (w->db, "UPDATE customers SET tier = ?2 WHERE id = ?1", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, *out_id);
          sqlite3_bind_text (stmt, 2, tier, 1, SQLITE_TRANSIENT);
          if (!step_done (w, stmt, error) || !note_change (w, "customers", *out_id, before, error))
            return FALSE;
          *out_tier = tier[0];
        }
    }
  else
    {
      sqlite3_reset (stmt);
      stmt = attain_db_prepare (w->db, "INSERT INTO customers (name, tier) VALUES (?1, ?2)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, tier ? tier : "C", 1, SQLITE_TRANSIENT);
      if (!step_done (w, stmt, error))
        return FALSE;
      *out_id = attain_db_last_insert_id (w->db);
      *out_tier = tier ? tier[0] : 'C';
      if (!note_change (w, "customers", *out_id, NULL, error))
        return FALSE;
    }
  if (g_hash_table_contains (w->customers, name))
    {
      g_hash_table_replace (w->customer_tiers, g_strdup (name), GINT_TO_POINTER ((int) *out_tier));
      return TRUE;
    }
  g_hash_table_insert (w->customers, g_strdup (name), GSIZE_TO_POINTER ((gsize) *out_id));
  g_hash_table_insert (w->customer_tiers, g_strdup (name), GINT_TO_POINTER ((int) *out_tier));
  return attain_rollup_touch_customer (w->db, *out_id, error);
}

static gboolean
add_history (Writer     *w,
             gint64      deal_id,
             int         from_position,
             int         to_position,
             const char *first_date,
             const char *later_date,
             gboolean    record,
             GError    **error)
{
  /* A new deal's stages in one statement: a million-deal import writes four million entries. */
  static const char *insert_new[] = {
    NULL,
    "INSERT INTO deal_stage_history (deal_id, stage_id, entered_on) VALUES (?1, ?2, ?3)",
    "INSERT INTO deal_stage_history (deal_id, stage_id, entered_on) VALUES (?1, ?2, ?3), (?1, ?4, "
    "?5)",
    "INSERT INTO deal_stage_history (deal_id, stage_id, entered_on) VALUES (?1, ?2, ?3), (?1, ?4, "
    "?5), (?1, ?6, ?5)",
    "INSERT INTO deal_stage_history (deal_id, stage_id, entered_on) VALUES (?1, ?2, ?3), (?1, ?4, "
    "?5), (?1, ?6, ?5), "
    "(?1, ?7, ?5)",
    "INSERT INTO deal_stage_history (deal_id, stage_id, entered_on) VALUES (?1, ?2, ?3), (?1, ?4, "
    "?5), (?1, ?6, ?5), "
    "(?1, ?7, ?5), (?1, ?8, ?5)",
  };
  sqlite3_stmt *stmt;
  int           last = MIN (to_position, w->n_positions);

  if (!record && from_position <= 1 && last >= 1 && last < (int) G_N_ELEMENTS (insert_new))
    {
      stmt = attain_db_prepare (w->db, insert_new[last], error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, deal_id);
      sqlite3_bind_int64 (stmt, 2, w->stage_ids[1]);
      sqlite3_bind_text (stmt, 3, first_date, -1, SQLITE_TRANSIENT);
      if (last >= 2)
        {
          sqlite3_bind_int64 (stmt, 4, w->stage_ids[2]);
          sqlite3_bind_text (stmt, 5, later_date, -1, SQLITE_TRANSIENT);
        }
      for (int p = 3; p <= last; p++)
        sqlite3_bind_int64 (stmt, p + 3, w->stage_ids[p]);
      return step_done (w, stmt, error);
    }

  for (int p = MAX (from_position, 1); p <= to_position && p <= w->n_positions; p++)
    {
      stmt = attain_db_prepare (
          w->db,
          "INSERT OR IGNORE INTO deal_stage_history (deal_id, stage_id, entered_on) "
          "VALUES (?1, ?2, ?3)",
          error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, deal_id);
      sqlite3_bind_int64 (stmt, 2, w->stage_ids[p]);
      sqlite3_bind_text (stmt, 3, p == 1 ? first_date : later_date, -1, SQLITE_TRANSIENT);
      if (!step_done (w, stmt, error))
        return FALSE;
      /* A new deal's history goes with it on undo; entries added to an older deal are noted. */
      if (record && attain_db_changes (w->db) > 0)
        {
          g_autofree char *before
              = g_strdup_printf ("{\"stage_id\":%" G_GINT64_FORMAT "}", w->stage_ids[p]);
          if (!note_change (w, "deal_stage_history", deal_id, before, error))
            return FALSE;
        }
    }
  return TRUE;
}

static int
position_of_stage (Writer *w, gint64 stage_id)
{
  for (int p = 1; p <= w->n_positions; p++)
    if (w->stage_ids[p] == stage_id)
      return p;
  return 1;
}

static int
position_of_key (Writer *w, const char *key)
{
  for (int p = 1; p <= w->n_positions; p++)
    if (g_strcmp0 (w->stage_keys[p], key) == 0)
      return p;
  return 1;
}

typedef struct
{
  gint64 a, b, c, d;
  double weighted;
} Delta;

static int
month_of_iso (const char *iso)
{
  return atoi (iso) * 100 + atoi (iso + 5);
}

static gint64
days_between (const char *from, const char *to)
{
  GDate a, b;
  if (!attain_date_parse_iso (from, &a) || !attain_date_parse_iso (to, &b))
    return 0;
  return g_date_days_between (&a, &b);
}

static Delta *
delta_for (GHashTable *table, gint64 key)
{
  Delta *delta = g_hash_table_lookup (table, &key);
  if (delta == NULL)
    {
      delta = g_new0 (Delta, 1);
      g_hash_table_insert (table, g_memdup2 (&key, sizeof key), delta);
    }
  return delta;
}

/* A new deal's share of its owner's sums: the won month, one funnel entry per stage passed,
 * the open pipeline. The same figures the rebuild's statements derive from the rows. */
static void
add_new_deal_delta (Writer     *w,
                    gint64      owner,
                    const char *status,
                    int         position,
                    gint64      amount,
                    gint64      gross_profit,
                    const char *created_on,
                    const char *stage_date,
                    const char *closed_on)
{
  if (g_str_equal (status, "won"))
    {
      Delta *d = delta_for (w->delta_stats, owner << 24 | (gint64) month_of_iso (closed_on) << 4);
      d->a += amount;
      d->b += gross_profit;
      d->c += 1;
      d->d += days_between (created_on, closed_on);
    }
  for (int p = 1; p <= position && p <= w->n_positions; p++)
    {
      const char *date = p == 1 ? created_on : stage_date;
      Delta *d = delta_for (w->delta_funnel, owner << 24 | (gint64) month_of_iso (date) << 4 | p);
      d->a += 1;
      d->b += amount;
      d->c += days_between (created_on, date);
    }
  /* Every stage before the deal's own was left for the next one on the stage date. */
  for (int p = 1; p < position && p <= w->n_positions; p++)
    {
      const char      *date = p == 1 ? created_on : stage_date;
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT " %d %d %d", owner,
                                              month_of_iso (date), p, month_of_iso (stage_date));
      Delta           *d = g_hash_table_lookup (w->delta_cohort, key);
      if (d == NULL)
        {
          d = g_new0 (Delta, 1);
          g_hash_table_insert (w->delta_cohort, g_steal_pointer (&key), d);
        }
      d->a += 1;
      d->b += position == w->n_positions;
    }
  if (g_str_equal (status, "open"))
    {
      Delta *d = delta_for (w->delta_pipeline, owner << 24 | position);
      d->a += 1;
      d->b += amount;
      d->weighted += amount * w->probabilities[position] / 100.0;
    }
}

static gboolean
flush_deltas (Writer *w, GError **error)
{
  g_autoptr (GHashTable) people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GHashTable    *tables[] = { w->delta_stats, w->delta_funnel, w->delta_pipeline };
  GHashTableIter iter;
  gpointer       key, value;

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_hash_table_iter_init (&iter, tables[t]);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          gint64   k = *(gint64 *) key, owner = k >> 24;
          int      month = (int) (k >> 4 & 0xfffff), position = (int) (k & 0xf);
          Delta   *d = value;
          gboolean ok;

          /* Someone recomputed from the raw rows gets these deals that way. */
          if (g_hash_table_contains (w->touched, &owner))
            continue;
          if (t == 0)
            ok = attain_rollup_add_person_stats (w->db, owner, month, d->a, d->b, d->c, d->d,
                                                 error);
          else if (t == 1)
            ok = attain_rollup_add_person_funnel (w->db, owner, month, position, d->a, d->b, d->c,
                                                  error);
          else
            ok = attain_rollup_add_person_pipeline (w->db, owner, (int) (k & 0xffffff), d->a, d->b,
                                                    d->weighted, error);
          if (!ok)
            return FALSE;
          if (!g_hash_table_contains (people, &owner))
            {
              g_hash_table_add (people, g_memdup2 (&owner, sizeof owner));
              if (!attain_rollup_touch_units_of (w->db, owner, error))
                return FALSE;
            }
        }
    }
  g_hash_table_iter_init (&iter, w->delta_cohort);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 owner;
      int    month, position, to_month;
      Delta *d = value;

      if (sscanf (key, "%" G_GINT64_FORMAT " %d %d %d", &owner, &month, &position, &to_month) != 4
          || g_hash_table_contains (w->touched, &owner))
        continue;
      if (!attain_rollup_add_person_funnel_cohort (w->db, owner, month, position, to_month, d->a,
                                                   d->b, error))
        return FALSE;
      /* Its units were marked with the person's funnel entries of the same deals. */
    }
  return TRUE;
}

#define DEAL_JSON                                                                                  \
  "SELECT json_object ('owner_id', owner_id, 'customer_id', customer_id, 'title', title, "         \
  "'product_line', product_line, 'stage_id', stage_id, 'status', status, 'amount', amount, "       \
  "'gross_profit', gross_profit, 'created_on', created_on, 'expected_close', expected_close, "     \
  "'closed_on', closed_on, 'reversed_on', reversed_on) FROM deals WHERE id = ?1"

static gboolean
write_deal (Writer *w, Record *r, GError **error)
{
  Value           *v = r->v;
  g_autofree char *key = NULL;
  const char      *status = g_str_equal (v[F_STAGE].text, "won")    ? "won"
                            : g_str_equal (v[F_STAGE].text, "lost") ? "lost"
                                                                    : "open";
  const char      *closed_on = NULL, *stage_date;
  gint64           customer_id, deal_id = 0, old_owner = 0, old_stage = 0;
  char             tier;
  int              position;
  sqlite3_stmt    *stmt;
  gboolean         exists = FALSE, same = FALSE, was_won = FALSE, reversed = FALSE;

  key = v[F_EXTERNAL_ID].set
            ? g_strdup (v[F_EXTERNAL_ID].text)
            : synthesized_key (w, v[F_CUSTOMER].text, v[F_TITLE].text ? v[F_TITLE].text : "",
                               v[F_CREATED_ON].text, NULL);
  if (!customer_for (w, v[F_CUSTOMER].text, v[F_TIER].text, &customer_id, &tier, error))
    return FALSE;

  stmt = attain_db_prepare (
      w->db,
      "SELECT id, owner_id, stage_id, "
      "  (owner_id, customer_id, IFNULL (title, ''), IFNULL (product_line, ''), status, "
      "   amount, gross_profit, created_on, IFNULL (expected_close, ''), IFNULL (closed_on, '')) "
      "  IS (?3, ?4, IFNULL (?5, ''), IFNULL (?6, ''), ?7, ?8, IFNULL (?9, gross_profit), ?10, "
      "      IFNULL (?11, ''), IFNULL (?12, '')), status, reversed_on IS NOT NULL "
      "FROM deals WHERE source = ?1 AND external_id = ?2",
      error);
  if (stmt == NULL)
    return FALSE;

  if (g_str_equal (status, "won"))
    closed_on = v[F_CLOSED_ON].text;
  else if (g_str_equal (status, "lost"))
    closed_on = v[F_CLOSED_ON].set    ? v[F_CLOSED_ON].text
                : v[F_STAGE_DATE].set ? v[F_STAGE_DATE].text
                                      : w->plan->as_of;

  sqlite3_bind_text (stmt, 1, w->plan->source, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, v[F_OWNER].num);
  sqlite3_bind_int64 (stmt, 4, customer_id);
  bind_text_or_null (stmt, 5, v[F_TITLE].text);
  bind_text_or_null (stmt, 6, v[F_PRODUCT_LINE].text);
  sqlite3_bind_text (stmt, 7, status, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, v[F_AMOUNT].num);
  if (v[F_GROSS_PROFIT].set)
    sqlite3_bind_int64 (stmt, 9, v[F_GROSS_PROFIT].num);
  else
    sqlite3_bind_null (stmt, 9);
  sqlite3_bind_text (stmt, 10, v[F_CREATED_ON].text, -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 11, v[F_EXPECTED_CLOSE].text);
  bind_text_or_null (stmt, 12, closed_on);
  if (!w->source_is_new && sqlite3_step (stmt) == SQLITE_ROW)
    {
      exists = TRUE;
      deal_id = sqlite3_column_int64 (stmt, 0);
      old_owner = sqlite3_column_int64 (stmt, 1);
      old_stage = sqlite3_column_int64 (stmt, 2);
      same = sqlite3_column_int (stmt, 3);
      was_won = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 4), "won") == 0;
      reversed = sqlite3_column_int (stmt, 5);
    }
  sqlite3_reset (stmt);

  /* A won deal the newer export no longer calls won keeps its win where it was earned; the
   * reversal is a row of its own, dated when it happened. */
  if (exists && was_won && !g_str_equal (status, "won"))
    {
      g_autofree char *before = NULL;
      const char      *when = v[F_CLOSED_ON].set    ? v[F_CLOSED_ON].text
                              : v[F_STAGE_DATE].set ? v[F_STAGE_DATE].text
                                                    : w->plan->as_of;
      if (reversed)
        {
          w->summary->unchanged++;
          return TRUE;
        }
      before = row_json (w, DEAL_JSON, deal_id);
      if (!touch_person (w, old_owner, error) || !note_change (w, "deals", deal_id, before, error))
        return FALSE;
      stmt = attain_db_prepare (
          w->db,
          "INSERT INTO deal_reversals (deal_id, owner_id, amount, gross_profit, reversed_on, "
          "import_id) "
          "SELECT id, owner_id, amount, gross_profit, ?2, ?3 FROM deals WHERE id = ?1",
          error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, deal_id);
      sqlite3_bind_text (stmt, 2, when, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, w->import_id);
      if (!step_done (w, stmt, error))
        return FALSE;
      stmt = attain_db_prepare (w->db, "UPDATE deals SET reversed_on = ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, deal_id);
      sqlite3_bind_text (stmt, 2, when, -1, SQLITE_TRANSIENT);
      if (!step_done (w, stmt, error))
        return FALSE;
      w->summary->updated++;
      return TRUE;
    }

  /* Lost deals stay at the stage they were lost in; a CRM's "Closed Lost" does not say which. */
  if (g_str_equal (status, "lost"))
    position = exists ? position_of_stage (w, old_stage) : 1;
  else
    position = position_of_key (w, v[F_STAGE].text);
  if (same && w->stage_ids[position] != old_stage)
    same = FALSE;
  stage_date = v[F_STAGE_DATE].set           ? v[F_STAGE_DATE].text
               : g_str_equal (status, "won") ? closed_on
               : exists                      ? w->plan->as_of
                                             : v[F_CREATED_ON].text;

  if (same)
    {
      w->summary->unchanged++;
      return TRUE;
    }
  if (exists)
    {
      g_autofree char *before = row_json (w, DEAL_JSON, deal_id);
      int              old_position = position_of_stage (w, old_stage);

      if (!touch_person (w, old_owner, error) || !note_change (w, "deals", deal_id, before, error))
        return FALSE;
      stmt = attain_db_prepare (
          w->db,
          "UPDATE deals SET owner_id = ?2, customer_id = ?3, title = ?4, product_line = ?5, "
          "stage_id = ?6, status = ?7, amount = ?8, gross_profit = IFNULL (?9, gross_profit), "
          "created_on = ?10, expected_close = ?11, closed_on = ?12 WHERE id = ?1",
          error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, deal_id);
      sqlite3_bind_int64 (stmt, 2, v[F_OWNER].num);
      sqlite3_bind_int64 (stmt, 3, customer_id);
      bind_text_or_null (stmt, 4, v[F_TITLE].text);
      bind_text_or_null (stmt, 5, v[F_PRODUCT_LINE].text);
      sqlite3_bind_int64 (stmt, 6, w->stage_ids[position]);
      sqlite3_bind_text (stmt, 7, status, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 8, v[F_AMOUNT].num);
      if (v[F_GROSS_PROFIT].set)
        sqlite3_bind_int64 (stmt, 9, v[F_GROSS_PROFIT].num);
      else
        sqlite3_bind_null (stmt, 9);
      sqlite3_bind_text (stmt, 10, v[F_CREATED_ON].text, -1, SQLITE_TRANSIENT);
      bind_text_or_null (stmt, 11, v[F_EXPECTED_CLOSE].text);
      bind_text_or_null (stmt, 12, closed_on);
      if (!step_done (w, stmt, error))
        return FALSE;
      /* A stage move is a new entry in the deal's history, dated by the file. */
      if (position > old_position
          && !add_history (w, deal_id, old_position + 1, position, v[F_CREATED_ON].text, stage_date,
                           TRUE, error))
        return FALSE;
      w->summary->updated++;
    }
  else
    {
      stmt = attain_db_prepare (
          w->db,
          "INSERT INTO deals (owner_id, customer_id, title, product_line, stage_id, status, "
          "amount, gross_profit, created_on, expected_close, closed_on, source, external_id, "
          "import_id) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, IFNULL (?8, 0), ?9, ?10, ?11, ?12, ?13, ?14)",
          error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, v[F_OWNER].num);
      sqlite3_bind_int64 (stmt, 2, customer_id);
      bind_text_or_null (stmt, 3, v[F_TITLE].text);
      bind_text_or_null (stmt, 4, v[F_PRODUCT_LINE].text);
      sqlite3_bind_int64 (stmt, 5, w->stage_ids[position]);
      sqlite3_bind_text (stmt, 6, status, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 7, v[F_AMOUNT].num);
      if (v[F_GROSS_PROFIT].set)
        sqlite3_bind_int64 (stmt, 8, v[F_GROSS_PROFIT].num);
      else
        sqlite3_bind_null (stmt, 8);
      sqlite3_bind_text (stmt, 9, v[F_CREATED_ON].text, -1, SQLITE_TRANSIENT);
      bind_text_or_null (stmt, 10, v[F_EXPECTED_CLOSE].text);
      bind_text_or_null (stmt, 11, closed_on);
      sqlite3_bind_text (stmt, 12, w->plan->source, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 13, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 14, w->import_id);
      if (!step_done (w, stmt, error))
        return FALSE;
      deal_id = attain_db_last_insert_id (w->db);
      /* The stages before the one it is in were passed; an export gives no dates for them, so
       * they are dated when the file says the deal reached its stage. */
      if (!add_history (w, deal_id, 1, position, v[F_CREATED_ON].text, stage_date, FALSE, error))
        return FALSE;
      w->summary->added++;
      add_new_deal_delta (w, v[F_OWNER].num, status, position, v[F_AMOUNT].num,
                          v[F_GROSS_PROFIT].set ? v[F_GROSS_PROFIT].num : 0, v[F_CREATED_ON].text,
                          stage_date, closed_on);
      return TRUE;
    }
  return touch_person (w, v[F_OWNER].num, error);
}

static gint64
deal_of_reference (Writer *w, const char *reference)
{
  sqlite3_stmt *stmt;
  gint64        id = 0;

  if (reference == NULL)
    return 0;
  stmt = attain_db_prepare (
      w->db, "SELECT id FROM deals WHERE external_id = ?1 ORDER BY id LIMIT 1", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, reference, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* Collections, activities and feedback share one shape: a row keyed by (source, external id)
 * whose columns are compared as a whole and replaced as a whole. */
typedef struct
{
  const char *table;
  const char *select_sql; /* ?1 source ?2 key, then the columns: gives id, owner, same */
  const char *update_sql; /* ?1 id, then the columns */
  const char *insert_sql; /* ?1 source ?2 key, then the columns */
  const char *json_sql;
  int         n_columns;
} SimpleTable;

typedef struct
{
  gboolean    is_text;
  gboolean    is_null;
  gint64      num;
  const char *text;
} Column;

static void
bind_columns (sqlite3_stmt *stmt, int first, const Column *columns, int n)
{
  for (int i = 0; i < n; i++)
    {
      if (columns[i].is_null)
        sqlite3_bind_null (stmt, first + i);
      else if (columns[i].is_text)
        sqlite3_bind_text (stmt, first + i, columns[i].text, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_int64 (stmt, first + i, columns[i].num);
    }
}

static gboolean
write_simple (Writer            *w,
              const SimpleTable *table,
              const char        *key,
              gint64             owner_id,
              const Column      *columns,
              GError           **error)
{
  sqlite3_stmt *stmt = attain_db_prepare (w->db, table->select_sql, error);
  gint64        id = 0, old_owner = 0;
  gboolean      exists = FALSE, same = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, w->plan->source, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  bind_columns (stmt, 3, columns, table->n_columns);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      exists = TRUE;
      id = sqlite3_column_int64 (stmt, 0);
      old_owner = sqlite3_column_int64 (stmt, 1);
      same = sqlite3_column_int (stmt, 2);
    }
  sqlite3_reset (stmt);

  if (same)
    {
      w->summary->unchanged++;
      return TRUE;
    }
  if (exists)
    {
      g_autofree char *before = row_json (w, table->json_sql, id);
      if (!touch_person (w, old_owner, error) || !note_change (w, table->table, id, before, error))
        return FALSE;
      stmt = attain_db_prepare (w->db, table->update_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      bind_columns (stmt, 2, columns, table->n_columns);
      if (!step_done (w, stmt, error))
        return FALSE;
      w->summary->updated++;
    }
  else
    {
      stmt = attain_db_prepare (w->db, table->insert_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, w->plan->source, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
      bind_columns (stmt, 3, columns, table->n_columns);
      sqlite3_bind_int64 (stmt, 3 + table->n_columns, w->import_id);
      if (!step_done (w, stmt, error))
        return FALSE;
      w->summary->added++;
    }
  return touch_person (w, owner_id, error);
}

static const SimpleTable collections_table = {
  "collections",
  "SELECT id, owner_id, (deal_id, owner_id, invoice_amount, collected_amount, invoiced_on, "
  "collected_on) "
  "IS (?3, ?4, ?5, ?6, ?7, ?8) FROM collections WHERE source = ?1 AND external_id = ?2",
  "UPDATE collections SET deal_id = ?2, owner_id = ?3, invoice_amount = ?4, collected_amount = ?5, "
  "invoiced_on = ?6, collected_on = ?7 WHERE id = ?1",
  "INSERT INTO collections (source, external_id, deal_id, owner_id, invoice_amount, "
  "collected_amount, "
  "invoiced_on, collected_on, import_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
  "SELECT json_object ('deal_id', deal_id, 'owner_id', owner_id, 'invoice_amount', invoice_amount, "
  "'collected_amount', collected_amount, 'invoiced_on', invoiced_on, 'collected_on', collected_on) "
  "FROM collections WHERE id = ?1",
  6,
};

static const SimpleTable refunds_table = {
  "refunds",
  "SELECT id, owner_id, (owner_id, amount, refunded_on, deal_id) IS (?3, ?4, ?5, ?6) "
  "FROM refunds WHERE source = ?1 AND external_id = ?2",
  "UPDATE refunds SET owner_id = ?2, amount = ?3, refunded_on = ?4, deal_id = ?5 WHERE id = ?1",
  "INSERT INTO refunds (source, external_id, owner_id, amount, refunded_on, deal_id, import_id) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
  "SELECT json_object ('owner_id', owner_id, 'deal_id', deal_id, 'amount', amount, 'refunded_on', "
  "refunded_on) "
  "FROM refunds WHERE id = ?1",
  4,
};

static const SimpleTable activities_table = {
  "activities",
  "SELECT id, owner_id, (owner_id, customer_id, kind, tier, happened_on) IS (?3, ?4, ?5, ?6, ?7) "
  "FROM activities WHERE source = ?1 AND external_id = ?2",
  "UPDATE activities SET owner_id = ?2, customer_id = ?3, kind = ?4, tier = ?5, happened_on = ?6 "
  "WHERE id = ?1",
  "INSERT INTO activities (source, external_id, owner_id, customer_id, kind, tier, happened_on, "
  "import_id) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
  "SELECT json_object ('owner_id', owner_id, 'customer_id', customer_id, 'kind', kind, 'tier', "
  "tier, "
  "'happened_on', happened_on) FROM activities WHERE id = ?1",
  5,
};

static const SimpleTable feedback_table = {
  "feedback",
  "SELECT id, owner_id, (owner_id, customer_id, kind, score, scale_max, recommend, given_on, "
  "resolved_on) "
  "IS (?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) FROM feedback WHERE source = ?1 AND external_id = ?2",
  "UPDATE feedback SET owner_id = ?2, customer_id = ?3, kind = ?4, score = ?5, scale_max = ?6, "
  "recommend = ?7, given_on = ?8, resolved_on = ?9 WHERE id = ?1",
  "INSERT INTO feedback (source, external_id, owner_id, customer_id, kind, score, scale_max, "
  "recommend, "
  "given_on, resolved_on, import_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
  "SELECT json_object ('owner_id', owner_id, 'customer_id', customer_id, 'kind', kind, 'score', "
  "score, "
  "'scale_max', scale_max, 'recommend', recommend, 'given_on', given_on, 'resolved_on', "
  "resolved_on) "
  "FROM feedback WHERE id = ?1",
  8,
};

#define COL_INT(n) ((Column){ FALSE, FALSE, (n), NULL })
#define COL_TEXT(t) ((Column){ TRUE, (t) == NULL, 0, (t) })
#define COL_NULL ((Column){ FALSE, TRUE, 0, NULL })

static char *
owner_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static gboolean
write_collection (Writer *w, Record *r, GError **error)
{
  Value           *v = r->v;
  g_autofree char *owner = owner_text (v[F_OWNER].num);
  g_autofree char *invoice = g_strdup_printf ("%" G_GINT64_FORMAT, v[F_INVOICE_AMOUNT].num);
  gboolean         refund = v[F_COLLECTED_AMOUNT].num < 0;
  g_autofree char *refunded = g_strdup_printf ("%" G_GINT64_FORMAT, -v[F_COLLECTED_AMOUNT].num);
  g_autofree char *key
      = v[F_EXTERNAL_ID].set ? g_strdup (v[F_EXTERNAL_ID].text)
        : refund ? synthesized_key (w, owner, v[F_DEAL_REF].text ? v[F_DEAL_REF].text : "",
                                    "refund", v[F_COLLECTED_ON].text, refunded, NULL)
                 : synthesized_key (w, owner, v[F_DEAL_REF].text ? v[F_DEAL_REF].text : "",
                                    v[F_INVOICED_ON].text, invoice, NULL);
  gint64 deal_id;
  Column columns[6] = { COL_NULL,
                        COL_INT (v[F_OWNER].num),
                        COL_INT (v[F_INVOICE_AMOUNT].num),
                        COL_INT (v[F_COLLECTED_AMOUNT].num),
                        COL_TEXT (v[F_INVOICED_ON].text),
                        COL_TEXT (v[F_COLLECTED_ON].text) };
  deal_id = deal_of_reference (w, v[F_DEAL_REF].text);
  /* Money that went back: a refund row in the month it was paid back. */
  if (refund)
    {
      Column refund_columns[4]
          = { COL_INT (v[F_OWNER].num), COL_INT (-v[F_COLLECTED_AMOUNT].num),
              COL_TEXT (v[F_COLLECTED_ON].text), deal_id ? COL_INT (deal_id) : COL_NULL };
      return write_simple (w, &refunds_table, key, v[F_OWNER].num, refund_columns, error);
    }
  if (deal_id)
    columns[0] = COL_INT (deal_id);
  return write_simple (w, &collections_table, key, v[F_OWNER].num, columns, error);
}

static gboolean
write_activity (Writer *w, Record *r, GError **error)
{
  Value           *v = r->v;
  g_autofree char *owner = owner_text (v[F_OWNER].num);
  g_autofree char *key
      = v[F_EXTERNAL_ID].set
            ? g_strdup (v[F_EXTERNAL_ID].text)
            : synthesized_key (w, owner, v[F_CUSTOMER].text ? v[F_CUSTOMER].text : "",
                               v[F_ACTIVITY_KIND].text, v[F_HAPPENED_ON].text, NULL);
  gint64 customer_id = 0;
  char   tier = v[F_TIER].set ? v[F_TIER].text[0] : 'C';
  char   tier_text[2];

  if (v[F_CUSTOMER].set
      && !customer_for (w, v[F_CUSTOMER].text, v[F_TIER].text, &customer_id, &tier, error))
    return FALSE;
  tier_text[0] = tier;
  tier_text[1] = '\0';
  {
    Column columns[5] = { COL_INT (v[F_OWNER].num), customer_id ? COL_INT (customer_id) : COL_NULL,
                          COL_TEXT (v[F_ACTIVITY_KIND].text), COL_TEXT (tier_text),
                          COL_TEXT (v[F_HAPPENED_ON].text) };
    return write_simple (w, &activities_table, key, v[F_OWNER].num, columns, error);
  }
}

static gboolean
write_feedback (Writer *w, Record *r, GError **error)
{
  Value           *v = r->v;
  g_autofree char *owner = owner_text (v[F_OWNER].num);
  g_autofree char *key
      = v[F_EXTERNAL_ID].set
            ? g_strdup (v[F_EXTERNAL_ID].text)
            : synthesized_key (w, owner, v[F_CUSTOMER].text ? v[F_CUSTOMER].text : "",
                               v[F_FEEDBACK_KIND].text, v[F_GIVEN_ON].text, NULL);
  gint64   customer_id = 0;
  char     tier;
  gboolean survey = g_str_equal (v[F_FEEDBACK_KIND].text, "survey");

  if (v[F_CUSTOMER].set && !customer_for (w, v[F_CUSTOMER].text, NULL, &customer_id, &tier, error))
    return FALSE;
  {
    Column columns[8] = { COL_INT (v[F_OWNER].num),
                          customer_id ? COL_INT (customer_id) : COL_NULL,
                          COL_TEXT (v[F_FEEDBACK_KIND].text),
                          survey && v[F_SCORE].set ? COL_INT (v[F_SCORE].num) : COL_NULL,
                          survey && v[F_SCORE].set ? COL_INT (w->plan->scale) : COL_NULL,
                          survey && v[F_RECOMMEND].set ? COL_INT (v[F_RECOMMEND].num) : COL_NULL,
                          COL_TEXT (v[F_GIVEN_ON].text),
                          survey ? COL_NULL : COL_TEXT (v[F_RESOLVED_ON].text) };
    return write_simple (w, &feedback_table, key, v[F_OWNER].num, columns, error);
  }
}

static gboolean
write_market (Writer *w, Record *r, GError **error)
{
  Value        *v = r->v;
  sqlite3_stmt *stmt = attain_db_prepare (
      w->db, "SELECT amount FROM market_size WHERE unit_id = ?1 AND month = ?2", error);
  gboolean         exists = FALSE;
  gint64           old = 0;
  g_autofree char *before = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, v[F_UNIT].num);
  sqlite3_bind_int64 (stmt, 2, v[F_MONTH].num);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      exists = TRUE;
      old = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_reset (stmt);
  if (exists && old == v[F_MARKET_SIZE].num)
    {
      w->summary->unchanged++;
      return TRUE;
    }
  before
      = exists
            ? g_strdup_printf ("{\"month\":%" G_GINT64_FORMAT ",\"amount\":%" G_GINT64_FORMAT "}",
                               v[F_MONTH].num, old)
            : g_strdup_printf ("{\"month\":%" G_GINT64_FORMAT ",\"amount\":null}", v[F_MONTH].num);
  stmt = attain_db_prepare (w->db,
                            "INSERT INTO market_size (unit_id, month, amount) VALUES (?1, ?2, ?3) "
                            "ON CONFLICT (unit_id, month) DO UPDATE SET amount = excluded.amount",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, v[F_UNIT].num);
  sqlite3_bind_int64 (stmt, 2, v[F_MONTH].num);
  sqlite3_bind_int64 (stmt, 3, v[F_MARKET_SIZE].num);
  if (!step_done (w, stmt, error) || !note_change (w, "market_size", v[F_UNIT].num, before, error))
    return FALSE;
  if (exists)
    w->summary->updated++;
  else
    w->summary->added++;
  return TRUE;
}

static gboolean
write_targets (Writer *w, Record *r, GError **error)
{
  Value                  *v = r->v;
  const char             *metric_key = v[F_METRIC].set ? v[F_METRIC].text : w->plan->metric;
  const AttainGoalMetric *metric = attain_goal_metric_lookup (metric_key);
  int              fy_start = attain_db_get_setting_int (w->db, "fiscal_year_start_month", 1);
  g_autofree char *currency = attain_db_get_setting (w->db, "currency", "CNY");
  gboolean         person = v[F_OWNER].set;
  gint64           owner = person ? v[F_OWNER].num : v[F_UNIT].num;

  for (guint i = 0; i < r->targets->len; i++)
    {
      TargetCell  *cell = &g_array_index (r->targets, TargetCell, i);
      AttainPeriod period = { cell->period.kind, cell->period.year, cell->period.index, fy_start };
      GDate        first, last;
      g_autofree char *start = NULL, *end = NULL;
      const char      *kind = cell->period.kind == ATTAIN_PERIOD_MONTH ? "month" : "quarter";
      sqlite3_stmt    *stmt;
      gint64           goal_id = 0;
      gboolean         has_target = FALSE;
      gint64           old_target = 0;
      g_autofree char *old_agreed = NULL;

      attain_period_bounds (&period, &first, &last);
      start = attain_date_to_iso (&first);
      end = attain_date_to_iso (&last);
      stmt = attain_db_prepare (
          w->db,
          person
              ? "SELECT id, target, agreed_on FROM goals WHERE owner_person_id = ?1 AND metric = "
                "?2 "
                "AND period_kind = ?3 AND period_start = ?4 ORDER BY id LIMIT 1"
              : "SELECT id, target, agreed_on FROM goals WHERE owner_unit_id = ?1 AND metric = ?2 "
                "AND period_kind = ?3 AND period_start = ?4 ORDER BY id LIMIT 1",
          error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, owner);
      sqlite3_bind_text (stmt, 2, metric->key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, start, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          goal_id = sqlite3_column_int64 (stmt, 0);
          has_target = sqlite3_column_type (stmt, 1) != SQLITE_NULL;
          old_target = sqlite3_column_int64 (stmt, 1);
          old_agreed = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
        }
      sqlite3_reset (stmt);

      if (goal_id != 0 && has_target && old_target == cell->value
          && (!v[F_AGREED_ON].set || g_strcmp0 (old_agreed, v[F_AGREED_ON].text) == 0))
        {
          w->summary->unchanged++;
          continue;
        }
      if (goal_id != 0)
        {
          g_autofree char *before
              = row_json (w,
                          "SELECT json_object ('target', target, 'agreed_on', agreed_on) "
                          "FROM goals WHERE id = ?1",
                          goal_id);
          stmt = attain_db_prepare (
              w->db,
              "UPDATE goals SET target = ?2, agreed_on = IFNULL (?3, agreed_on) WHERE id = ?1",
              error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, goal_id);
          sqlite3_bind_int64 (stmt, 2, cell->value);
          bind_text_or_null (stmt, 3, v[F_AGREED_ON].text);
          if (!step_done (w, stmt, error) || !note_change (w, "goals", goal_id, before, error))
            return FALSE;
          w->summary->updated++;
        }
      else
        {
          /* Imported targets are proposals until the salesperson agrees; the file's agreed-on
           * column says when that happened. */
          stmt = attain_db_prepare (
              w->db,
              "INSERT INTO goals (owner_unit_id, owner_person_id, metric, type, target, unit, "
              "period_kind, period_start, period_end, deadline, proposed_by, agreed_on, import_id) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10, ?11, ?12)",
              error);
          if (stmt == NULL)
            return FALSE;
          if (person)
            {
              sqlite3_bind_null (stmt, 1);
              sqlite3_bind_int64 (stmt, 2, owner);
            }
          else
            {
              sqlite3_bind_int64 (stmt, 1, owner);
              sqlite3_bind_null (stmt, 2);
            }
          sqlite3_bind_text (stmt, 3, metric->key, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 4, metric->type, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 5, cell->value);
          sqlite3_bind_text (stmt, 6,
                             metric->kind == ATTAIN_VALUE_MONEY ? currency : metric->default_unit,
                             -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 7, kind, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 8, start, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 9, end, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 10, w->plan->source, -1, SQLITE_TRANSIENT);
          bind_text_or_null (stmt, 11, v[F_AGREED_ON].text);
          sqlite3_bind_int64 (stmt, 12, w->import_id);
          if (!step_done (w, stmt, error))
            return FALSE;
          w->summary->added++;
        }
      if (person && !touch_person (w, owner, error))
        return FALSE;
    }
  return TRUE;
}

/* Organisation: units by name, positions matched to the career ladder, people by employee
 * number (or by name when the file has none). */
typedef struct
{
  GHashTable *regions; /* name -> id */
  GHashTable *teams;   /* name -> id */
  GHashTable *positions;
  GPtrArray  *added_positions;
  gint64      company_id;
} OrgState;

static gint64
find_unit (Writer *w, const char *kind_sql, const char *name)
{
  sqlite3_stmt *stmt = attain_db_prepare (w->db, kind_sql, NULL);
  gint64        id = 0;
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static gboolean
insert_unit (Writer     *w,
             gint64      parent_id,
             const char *kind,
             const char *name,
             gint64     *out_id,
             GError    **error)
{
  sqlite3_stmt *stmt = attain_db_prepare (
      w->db, "INSERT INTO org_units (parent_id, kind, name) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  if (parent_id)
    sqlite3_bind_int64 (stmt, 1, parent_id);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
  if (!step_done (w, stmt, error))
    return FALSE;
  *out_id = attain_db_last_insert_id (w->db);
  return note_change (w, "org_units", *out_id, NULL, error);
}

static gboolean
position_for (Writer *w, OrgState *org, const char *name, gint64 *out_id, GError **error)
{
  g_autofree char *norm = attain_import_normalize (name);
  gpointer         found;
  sqlite3_stmt    *stmt;

  if (g_hash_table_lookup_extended (org->positions, norm, NULL, &found))
    {
      *out_id = (gint64) GPOINTER_TO_SIZE (found);
      return TRUE;
    }
  stmt = attain_db_prepare (w->db,
                            "INSERT INTO positions (rank, name) VALUES ((SELECT IFNULL (MAX "
                            "(rank), 0) + 1 FROM positions), ?1)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (!step_done (w, stmt, error))
    return FALSE;
  *out_id = attain_db_last_insert_id (w->db);
  g_hash_table_insert (org->positions, g_steal_pointer (&norm), GSIZE_TO_POINTER ((gsize) *out_id));
  g_ptr_array_add (org->added_positions, g_strdup (name));
  return note_change (w, "positions", *out_id, NULL, error);
}

static gboolean
org_begin (Writer *w, OrgState *org, GError **error)
{
  sqlite3_stmt *stmt;

  org->regions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  org->teams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  org->positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  org->added_positions = g_ptr_array_new_with_free_func (g_free);

  stmt = attain_db_prepare (w->db, "SELECT id FROM org_units WHERE kind = 'company'", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    org->company_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (org->company_id == 0)
    {
      if (w->plan->company_name == NULL || *w->plan->company_name == '\0')
        {
          g_set_error (error, ATTAIN_IMPORT_ERROR, ATTAIN_IMPORT_ERROR_NO_COMPANY,
                       _ ("This file holds no company yet. Give the company’s name (--company) to "
                          "create it with the organisation."));
          return FALSE;
        }
      if (!insert_unit (w, 0, "company", w->plan->company_name, &org->company_id, error)
          || !attain_db_set_setting (w->db, "company_name", w->plan->company_name, error))
        return FALSE;
    }

  /* Positions by their stored name and by their built-in name in this language, so that
   * "Sales Representative" and "销售代表" both find rank 1. */
  stmt = attain_db_prepare (w->db, "SELECT id, key, name FROM positions", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64      id = sqlite3_column_int64 (stmt, 0);
      const char *key = (const char *) sqlite3_column_text (stmt, 1);
      const char *name = (const char *) sqlite3_column_text (stmt, 2);
      g_hash_table_insert (org->positions, attain_import_normalize (name),
                           GSIZE_TO_POINTER ((gsize) id));
      if (key != NULL)
        {
          g_hash_table_insert (org->positions,
                               attain_import_normalize (attain_position_label (key, name)),
                               GSIZE_TO_POINTER ((gsize) id));
          g_hash_table_insert (org->positions, attain_import_normalize (key),
                               GSIZE_TO_POINTER ((gsize) id));
        }
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static void
org_clear (OrgState *org)
{
  g_clear_pointer (&org->regions, g_hash_table_unref);
  g_clear_pointer (&org->teams, g_hash_table_unref);
  g_clear_pointer (&org->positions, g_hash_table_unref);
  g_clear_pointer (&org->added_positions, g_ptr_array_unref);
}

#define PERSON_JSON                                                                                \
  "SELECT json_object ('unit_id', unit_id, 'position_id', position_id, 'name', name, 'hired_on', " \
  "hired_on, "                                                                                     \
  "'active', active, 'employee_no', employee_no, 'left_on', left_on, 'manager_id', manager_id) "   \
  "FROM people WHERE id = ?1"

/* A person's team memberships as they are, for undo. */
static gboolean
note_memberships (Writer *w, gint64 person_id, GError **error)
{
  g_autofree char *before
      = row_json (w,
                  "SELECT json_group_array (json_object ('unit_id', unit_id, 'from', from_month, "
                  "'to', to_month)) FROM person_units WHERE person_id = ?1",
                  person_id);
  return note_change (w, "person_units", person_id, before, error);
}

static gboolean
write_person (Writer *w, OrgState *org, Record *r, GError **error)
{
  Value        *v = r->v;
  gint64        region_id = 0, team_id, position_id = 0, person_id = 0;
  gpointer      found;
  sqlite3_stmt *stmt;
  gboolean      active = !v[F_LEFT_ON].set || g_strcmp0 (v[F_LEFT_ON].text, w->plan->as_of) > 0;
  const char   *hired_on = v[F_HIRED_ON].set ? v[F_HIRED_ON].text : w->plan->as_of;

  if (v[F_REGION].set)
    {
      if (g_hash_table_lookup_extended (org->regions, v[F_REGION].text, NULL, &found))
        region_id = (gint64) GPOINTER_TO_SIZE (found);
      else
        {
          region_id = find_unit (w,
                                 "SELECT id FROM org_units WHERE kind IN ('region', "
                                 "'product_line') AND name = ?1 ORDER BY id",
                                 v[F_REGION].text);
          if (region_id == 0
              && !insert_unit (w, org->company_id, "region", v[F_REGION].text, &region_id, error))
            return FALSE;
          g_hash_table_insert (org->regions, g_strdup (v[F_REGION].text),
                               GSIZE_TO_POINTER ((gsize) region_id));
        }
    }
  {
    g_autofree char *team_key
        = g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%s", region_id, v[F_TEAM].text);
    if (g_hash_table_lookup_extended (org->teams, team_key, NULL, &found))
      team_id = (gint64) GPOINTER_TO_SIZE (found);
    else
      {
        team_id = region_id ? find_unit (w,
                                         "SELECT id FROM org_units WHERE kind = 'team' AND name = "
                                         "?1 AND closed_month IS NULL ORDER BY parent_id = 0, id",
                                         v[F_TEAM].text)
                            : find_unit (w,
                                         "SELECT id FROM org_units WHERE kind = 'team' AND name = "
                                         "?1 AND closed_month IS NULL ORDER BY id",
                                         v[F_TEAM].text);
        if (team_id != 0 && region_id != 0)
          {
            /* The team exists under another region: from the export's month it continues as a
             * team of that region, with its people; the old team keeps the months before and
             * closes. Results stay where they were earned. */
            stmt
                = attain_db_prepare (w->db, "SELECT parent_id FROM org_units WHERE id = ?1", error);
            if (stmt == NULL)
              return FALSE;
            sqlite3_bind_int64 (stmt, 1, team_id);
            if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) != region_id)
              {
                g_autofree char *before
                    = g_strdup_printf ("{\"parent_id\":%" G_GINT64_FORMAT ",\"closed_month\":null}",
                                       (gint64) sqlite3_column_int64 (stmt, 0));
                int    month = month_of_iso (w->plan->as_of);
                gint64 old_team = team_id;
                g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
                sqlite3_stmt *people;

                sqlite3_reset (stmt);
                if (!insert_unit (w, region_id, "team", v[F_TEAM].text, &team_id, error))
                  return FALSE;
                people
                    = attain_db_prepare (w->db, "SELECT id FROM people WHERE unit_id = ?1", error);
                if (people == NULL)
                  return FALSE;
                sqlite3_bind_int64 (people, 1, old_team);
                while (sqlite3_step (people) == SQLITE_ROW)
                  {
                    gint64 id = sqlite3_column_int64 (people, 0);
                    g_array_append_val (ids, id);
                  }
                sqlite3_reset (people);
                for (guint i = 0; i < ids->len; i++)
                  {
                    gint64           id = g_array_index (ids, gint64, i);
                    g_autofree char *person_before = row_json (w, PERSON_JSON, id);
                    if (!touch_person (w, id, error) || !note_memberships (w, id, error)
                        || !note_change (w, "people", id, person_before, error))
                      return FALSE;
                    stmt = attain_db_prepare (w->db, "UPDATE people SET unit_id = ?2 WHERE id = ?1",
                                              error);
                    if (stmt == NULL)
                      return FALSE;
                    sqlite3_bind_int64 (stmt, 1, id);
                    sqlite3_bind_int64 (stmt, 2, team_id);
                    if (!step_done (w, stmt, error)
                        || !attain_membership_move (w->db, id, team_id, month, error))
                      return FALSE;
                  }
                stmt = attain_db_prepare (
                    w->db, "UPDATE org_units SET closed_month = ?2 WHERE id = ?1", error);
                if (stmt == NULL)
                  return FALSE;
                sqlite3_bind_int64 (stmt, 1, old_team);
                sqlite3_bind_int (stmt, 2, attain_month_add (month, -1));
                if (!step_done (w, stmt, error)
                    || !note_change (w, "org_units", old_team, before, error))
                  return FALSE;
                g_ptr_array_add (w->summary->notes,
                                 g_strdup_printf (_ ("The team “%s” moved to “%s”."),
                                                  v[F_TEAM].text, v[F_REGION].text));
              }
            else
              sqlite3_reset (stmt);
          }
        if (team_id == 0
            && !insert_unit (w, region_id ? region_id : org->company_id, "team", v[F_TEAM].text,
                             &team_id, error))
          return FALSE;
        g_hash_table_insert (org->teams, g_steal_pointer (&team_key),
                             GSIZE_TO_POINTER ((gsize) team_id));
      }
  }
  if (!position_for (w, org,
                     v[F_POSITION].set ? v[F_POSITION].text
                                       : attain_position_label ("sales_rep", "销售代表"),
                     &position_id, error))
    return FALSE;

  stmt = attain_db_prepare (w->db,
                            v[F_EMPLOYEE_NO].set
                                ? "SELECT id FROM people WHERE employee_no = ?1"
                                : "SELECT id FROM people WHERE name = ?1 AND employee_no IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, v[F_EMPLOYEE_NO].set ? v[F_EMPLOYEE_NO].text : v[F_NAME].text, -1,
                     SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    person_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (person_id != 0)
    {
      gboolean same;
      stmt = attain_db_prepare (
          w->db,
          "SELECT (unit_id, position_id, name, hired_on, active, IFNULL (left_on, '')) "
          "IS (?2, ?3, ?4, ?5, ?6, IFNULL (?7, '')) FROM people WHERE id = ?1",
          error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, person_id);
      sqlite3_bind_int64 (stmt, 2, team_id);
      sqlite3_bind_int64 (stmt, 3, position_id);
      sqlite3_bind_text (stmt, 4, v[F_NAME].text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, hired_on, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 6, active);
      bind_text_or_null (stmt, 7, v[F_LEFT_ON].text);
      same = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
      if (same)
        {
          w->summary->unchanged++;
          return TRUE;
        }
      {
        g_autofree char *before = row_json (w, PERSON_JSON, person_id);
        if (!touch_person (w, person_id, error)
            || !note_change (w, "people", person_id, before, error))
          return FALSE;
      }
      stmt = attain_db_prepare (
          w->db,
          "UPDATE people SET unit_id = ?2, position_id = ?3, name = ?4, hired_on = ?5, "
          "active = ?6, left_on = ?7 WHERE id = ?1",
          error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, person_id);
      w->summary->updated++;
    }
  else
    {
      stmt = attain_db_prepare (
          w->db,
          "INSERT INTO people (unit_id, position_id, name, hired_on, active, left_on, employee_no) "
          "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?1)",
          error);
      if (stmt == NULL)
        return FALSE;
      bind_text_or_null (stmt, 1, v[F_EMPLOYEE_NO].text);
      w->summary->added++;
    }
  sqlite3_bind_int64 (stmt, 2, team_id);
  sqlite3_bind_int64 (stmt, 3, position_id);
  sqlite3_bind_text (stmt, 4, v[F_NAME].text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, hired_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 6, active);
  bind_text_or_null (stmt, 7, v[F_LEFT_ON].text);
  if (!step_done (w, stmt, error))
    return FALSE;
  if (person_id == 0)
    {
      person_id = attain_db_last_insert_id (w->db);
      if (!note_change (w, "people", person_id, NULL, error))
        return FALSE;
    }
  /* A move in a newer export counts from the export's month: what came before stays with the
   * old team. */
  else if (!note_memberships (w, person_id, error)
           || !attain_membership_move (w->db, person_id, team_id, month_of_iso (w->plan->as_of),
                                       error))
    return FALSE;
  return touch_person (w, person_id, error);
}

static gboolean
write_managers (Writer *w, GError **error)
{
  for (guint i = 0; i < w->plan->records->len; i++)
    {
      Record       *r = g_ptr_array_index (w->plan->records, i);
      sqlite3_stmt *stmt;

      if (!r->v[F_MANAGER_NO].set || !r->v[F_EMPLOYEE_NO].set)
        continue;
      stmt = attain_db_prepare (
          w->db,
          "UPDATE people SET manager_id = (SELECT id FROM people WHERE employee_no = ?2) "
          "WHERE employee_no = ?1 AND manager_id IS NOT (SELECT id FROM people WHERE employee_no = "
          "?2)",
          error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, r->v[F_EMPLOYEE_NO].text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, r->v[F_MANAGER_NO].text, -1, SQLITE_TRANSIENT);
      if (!step_done (w, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* People of the company who are not in a newer organisation export: listed, never deleted. */
static void
note_missing_people (Writer *w)
{
  g_autoptr (GHashTable) in_file = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GString) names = g_string_new (NULL);
  sqlite3_stmt *stmt;
  guint         n = 0;

  for (guint i = 0; i < w->plan->records->len; i++)
    {
      Record *r = g_ptr_array_index (w->plan->records, i);
      if (r->v[F_EMPLOYEE_NO].set)
        g_hash_table_add (in_file, r->v[F_EMPLOYEE_NO].text);
    }
  if (g_hash_table_size (in_file) == 0)
    return;
  stmt = attain_db_prepare (w->db,
                            "SELECT name, employee_no FROM people WHERE employee_no IS NOT NULL "
                            "AND active ORDER BY employee_no",
                            NULL);
  if (stmt == NULL)
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *no = (const char *) sqlite3_column_text (stmt, 1);
      if (g_hash_table_contains (in_file, no))
        continue;
      if (n++ < 20)
        g_string_append_printf (names, "%s%s (%s)", names->len ? _ (", ") : "",
                                sqlite3_column_text (stmt, 0), no);
    }
  sqlite3_reset (stmt);
  if (n > 0)
    g_ptr_array_add (w->summary->notes,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u person is not in this file and was kept: "
                                                   "%s. Mark them as left if they have left.",
                                                   "%u people are not in this file and were kept: "
                                                   "%s. Mark them as left if they have left.",
                                                   n),
                                      n, names->str));
}

static gboolean
load_stages (Writer *w, GError **error)
{
  sqlite3_stmt *stmt = attain_db_prepare (
      w->db, "SELECT position, id, key, probability FROM stages ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int position = sqlite3_column_int (stmt, 0);
      if (position >= 1 && position < (int) G_N_ELEMENTS (w->stage_ids))
        {
          w->stage_ids[position] = sqlite3_column_int64 (stmt, 1);
          w->stage_keys[position] = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
          w->probabilities[position] = sqlite3_column_int (stmt, 3);
          w->n_positions = MAX (w->n_positions, position);
          if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "won") == 0)
            w->won_position = position;
        }
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
attain_import_apply (AttainDb            *db,
                     AttainImportPlan    *plan,
                     GCancellable        *cancellable,
                     AttainImportProgress progress,
                     gpointer             user_data,
                     AttainImportSummary *summary,
                     GError             **error)
{
  Writer        w = { 0 };
  OrgState      org = { 0 };
  sqlite3_stmt *stmt;
  g_autoptr (GError) local_error = NULL;
  guint n = plan->records->len;

  g_return_val_if_fail (db != NULL && plan != NULL && summary != NULL, FALSE);

  memset (summary, 0, sizeof *summary);
  summary->notes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < plan->notes->len; i++)
    g_ptr_array_add (summary->notes, g_strdup (g_ptr_array_index (plan->notes, i)));
  summary->skipped = plan->skipped;

  if (plan->n_problems > 0)
    {
      g_set_error (error, ATTAIN_IMPORT_ERROR, ATTAIN_IMPORT_ERROR_REJECTED_ROWS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u row of “%s” was rejected, so nothing was imported. Correct it "
                                "and import the file again.",
                                "%u rows of “%s” were rejected, so nothing was imported. Correct "
                                "them and import the file again.",
                                plan->n_problems),
                   plan->n_problems, plan->file_name);
      return FALSE;
    }

  w.db = db;
  w.plan = plan;
  w.summary = summary;
  w.customers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  w.occurrences = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  w.customer_tiers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  w.touched = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  w.delta_stats = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  w.delta_funnel = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  w.delta_cohort = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  w.delta_pipeline = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  /* A large import touches many index pages: a bigger page cache for this write keeps them in
   * memory instead of reading them back from the file (128 MB at most, given back after). */
  attain_db_exec (db, "PRAGMA cache_size = -131072", NULL);
  if (!attain_db_begin (db, &local_error))
    goto fail;
  if (!attain_rollup_touch_begin (db, &local_error) || !load_stages (&w, &local_error))
    goto fail;

  stmt = attain_db_prepare (
      db, "INSERT INTO imports (kind, file_name, sha256, source) VALUES (?1, ?2, ?3, ?4)",
      &local_error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, attain_import_kind_to_string (plan->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, plan->file_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, plan->sha256 ? plan->sha256 : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, plan->source, -1, SQLITE_TRANSIENT);
  if (!step_done (&w, stmt, &local_error))
    goto fail;
  w.import_id = attain_db_last_insert_id (db);

  if (plan->kind == ATTAIN_IMPORT_ORG && !org_begin (&w, &org, &local_error))
    goto fail;
  if (plan->kind == ATTAIN_IMPORT_DEALS)
    {
      /* Every row of a file is checked against what is on disk, unless nothing of its source
       * is: the first import of a CRM's export only adds (its ids are unique in the file). */
      stmt = attain_db_prepare (
          db, "SELECT 1 FROM deals WHERE source = ?1 AND external_id IS NOT NULL LIMIT 1",
          &local_error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, plan->source, -1, SQLITE_TRANSIENT);
      w.source_is_new = sqlite3_step (stmt) != SQLITE_ROW;
      sqlite3_reset (stmt);
    }

  for (guint i = 0; i < n; i++)
    {
      Record  *r = g_ptr_array_index (plan->records, i);
      gboolean ok = TRUE;

      if (i % 2048 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
            {
              g_clear_error (&local_error);
              g_set_error (&local_error, ATTAIN_IMPORT_ERROR, ATTAIN_IMPORT_ERROR_CANCELLED,
                           _ ("The import was cancelled; nothing was written."));
              goto fail;
            }
          if (progress)
            progress (i, n, user_data);
        }
      switch (plan->kind)
        {
        case ATTAIN_IMPORT_ORG:
          ok = write_person (&w, &org, r, &local_error);
          break;
        case ATTAIN_IMPORT_DEALS:
          ok = write_deal (&w, r, &local_error);
          break;
        case ATTAIN_IMPORT_COLLECTIONS:
          ok = write_collection (&w, r, &local_error);
          break;
        case ATTAIN_IMPORT_ACTIVITIES:
          ok = write_activity (&w, r, &local_error);
          break;
        case ATTAIN_IMPORT_FEEDBACK:
          ok = write_feedback (&w, r, &local_error);
          break;
        case ATTAIN_IMPORT_MARKET:
          ok = write_market (&w, r, &local_error);
          break;
        case ATTAIN_IMPORT_TARGETS:
          ok = write_targets (&w, r, &local_error);
          break;
        case ATTAIN_IMPORT_N_KINDS:
          g_assert_not_reached ();
        }
      if (!ok)
        {
          g_prefix_error (&local_error, _ ("Line %u: "), r->line);
          goto fail;
        }
    }
  if (plan->kind == ATTAIN_IMPORT_ORG)
    {
      if (!write_managers (&w, &local_error))
        goto fail;
      if (org.added_positions->len > 0)
        {
          g_ptr_array_add (org.added_positions, NULL);
          {
            g_autofree char *list = g_strjoinv (_ (", "), (char **) org.added_positions->pdata);
            g_ptr_array_add (
                summary->notes,
                g_strdup_printf (
                    _ ("Positions added to the career ladder: %s. Put them in order in Settings."),
                    list));
          }
          g_ptr_array_remove_index (org.added_positions, org.added_positions->len - 1);
        }
      note_missing_people (&w);
    }

  if (!flush_deltas (&w, &local_error)
      || !attain_rollup_refresh_touched (db, w.import_id, &local_error))
    goto fail;

  stmt = attain_db_prepare (
      db, "UPDATE imports SET added = ?2, updated = ?3, unchanged = ?4 WHERE id = ?1",
      &local_error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, w.import_id);
  sqlite3_bind_int (stmt, 2, summary->added);
  sqlite3_bind_int (stmt, 3, summary->updated);
  sqlite3_bind_int (stmt, 4, summary->unchanged);
  if (!step_done (&w, stmt, &local_error))
    goto fail;

  stmt = attain_db_prepare (db,
                            "INSERT INTO audit_log (actor, entity, entity_id, field, new_value) "
                            "VALUES ('import', 'import', ?1, ?2, "
                            "json_object ('file', ?3, 'sha256', ?4, 'source', ?5, 'added', ?6, "
                            "'updated', ?7, 'unchanged', ?8))",
                            &local_error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, w.import_id);
  sqlite3_bind_text (stmt, 2, attain_import_kind_to_string (plan->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, plan->file_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, plan->sha256 ? plan->sha256 : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, plan->source, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 6, summary->added);
  sqlite3_bind_int (stmt, 7, summary->updated);
  sqlite3_bind_int (stmt, 8, summary->unchanged);
  if (!step_done (&w, stmt, &local_error))
    goto fail;

  if (!attain_db_commit (db, &local_error))
    goto fail;
  attain_db_exec (db, "PRAGMA cache_size = -2000", NULL);
  summary->import_id = w.import_id;
  if (progress)
    progress (n, n, user_data);
  org_clear (&org);
  g_hash_table_unref (w.customers);
  g_hash_table_unref (w.occurrences);
  g_hash_table_unref (w.customer_tiers);
  g_hash_table_unref (w.touched);
  g_hash_table_unref (w.delta_stats);
  g_hash_table_unref (w.delta_funnel);
  g_hash_table_unref (w.delta_cohort);
  g_hash_table_unref (w.delta_pipeline);
  for (guint i = 0; i < G_N_ELEMENTS (w.stage_keys); i++)
    g_free (w.stage_keys[i]);
  return TRUE;

fail:
  attain_db_rollback (db);
  attain_db_exec (db, "PRAGMA cache_size = -2000", NULL);
  org_clear (&org);
  g_hash_table_unref (w.customers);
  g_hash_table_unref (w.occurrences);
  g_hash_table_unref (w.customer_tiers);
  g_hash_table_unref (w.touched);
  g_hash_table_unref (w.delta_stats);
  g_hash_table_unref (w.delta_funnel);
  g_hash_table_unref (w.delta_cohort);
  g_hash_table_unref (w.delta_pipeline);
  for (guint i = 0; i < G_N_ELEMENTS (w.stage_keys); i++)
    g_free (w.stage_keys[i]);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Undo takes back the last import that is not undone yet, and only while it is the newest:
 * an older import's records may have been changed by the newer one since. */
static const struct
{
  const char *entity;
  const char *delete_sql;
  const char *restore_sql; /* ?1 id, ?2 before (JSON) */
} undo_sql[] = {
  { "deal_stage_history",
    "DELETE FROM deal_stage_history WHERE deal_id = ?1 AND stage_id = json_extract (?2, "
    "'$.stage_id')",
    NULL },
  { "deals", "DELETE FROM deals WHERE id = ?1",
    "UPDATE deals SET owner_id = json_extract (?2, '$.owner_id'), customer_id = json_extract (?2, "
    "'$.customer_id'), "
    "title = json_extract (?2, '$.title'), product_line = json_extract (?2, '$.product_line'), "
    "stage_id = json_extract (?2, '$.stage_id'), status = json_extract (?2, '$.status'), "
    "amount = json_extract (?2, '$.amount'), gross_profit = json_extract (?2, '$.gross_profit'), "
    "created_on = json_extract (?2, '$.created_on'), expected_close = json_extract (?2, "
    "'$.expected_close'), "
    "closed_on = json_extract (?2, '$.closed_on'), reversed_on = json_extract (?2, "
    "'$.reversed_on') WHERE id = ?1" },
  { "collections", "DELETE FROM collections WHERE id = ?1",
    "UPDATE collections SET deal_id = json_extract (?2, '$.deal_id'), owner_id = json_extract (?2, "
    "'$.owner_id'), "
    "invoice_amount = json_extract (?2, '$.invoice_amount'), collected_amount = json_extract (?2, "
    "'$.collected_amount'), "
    "invoiced_on = json_extract (?2, '$.invoiced_on'), collected_on = json_extract (?2, "
    "'$.collected_on') WHERE id = ?1" },
  { "activities", "DELETE FROM activities WHERE id = ?1",
    "UPDATE activities SET owner_id = json_extract (?2, '$.owner_id'), customer_id = json_extract "
    "(?2, '$.customer_id'), "
    "kind = json_extract (?2, '$.kind'), tier = json_extract (?2, '$.tier'), happened_on = "
    "json_extract (?2, '$.happened_on') "
    "WHERE id = ?1" },
  { "feedback", "DELETE FROM feedback WHERE id = ?1",
    "UPDATE feedback SET owner_id = json_extract (?2, '$.owner_id'), customer_id = json_extract "
    "(?2, '$.customer_id'), "
    "kind = json_extract (?2, '$.kind'), score = json_extract (?2, '$.score'), scale_max = "
    "json_extract (?2, '$.scale_max'), "
    "recommend = json_extract (?2, '$.recommend'), given_on = json_extract (?2, '$.given_on'), "
    "resolved_on = json_extract (?2, '$.resolved_on') WHERE id = ?1" },
  { "refunds", NULL,
    "UPDATE refunds SET owner_id = json_extract (?2, '$.owner_id'), deal_id = json_extract (?2, "
    "'$.deal_id'), "
    "amount = json_extract (?2, '$.amount'), refunded_on = json_extract (?2, '$.refunded_on') "
    "WHERE id = ?1" },
  { "customers", "DELETE FROM customers WHERE id = ?1",
    "UPDATE customers SET tier = json_extract (?2, '$.tier') WHERE id = ?1" },
  { "market_size", NULL, NULL },
  { "goals", "DELETE FROM goals WHERE id = ?1",
    "UPDATE goals SET target = json_extract (?2, '$.target'), agreed_on = json_extract (?2, "
    "'$.agreed_on') WHERE id = ?1" },
  { "people", "DELETE FROM people WHERE id = ?1",
    "UPDATE people SET unit_id = json_extract (?2, '$.unit_id'), position_id = json_extract (?2, "
    "'$.position_id'), "
    "name = json_extract (?2, '$.name'), hired_on = json_extract (?2, '$.hired_on'), active = "
    "json_extract (?2, '$.active'), "
    "employee_no = json_extract (?2, '$.employee_no'), left_on = json_extract (?2, '$.left_on'), "
    "manager_id = json_extract (?2, '$.manager_id') WHERE id = ?1" },
  { "org_units", "DELETE FROM org_units WHERE id = ?1",
    "UPDATE org_units SET parent_id = json_extract (?2, '$.parent_id'), closed_month = "
    "json_extract (?2, '$.closed_month') WHERE id = ?1" },
  { "person_units", NULL,
    "INSERT INTO person_units (person_id, unit_id, from_month, to_month) SELECT ?1, json_extract "
    "(value, '$.unit_id'), "
    "json_extract (value, '$.from'), json_extract (value, '$.to') FROM json_each (?2)" },
  { "positions", "DELETE FROM positions WHERE id = ?1", NULL },
};

/* What "Undo Last Import" would take back, for its confirmation. */
gboolean
attain_import_last (AttainDb         *db,
                    AttainImportKind *kind,
                    char            **file_name,
                    char            **imported_at,
                    guint            *added,
                    guint            *updated)
{
  sqlite3_stmt *stmt
      = attain_db_prepare (db,
                           "SELECT kind, file_name, imported_at, added, updated, undone_at "
                           "FROM imports ORDER BY id DESC LIMIT 1",
                           NULL);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 5) == SQLITE_NULL
      && attain_import_kind_from_string ((const char *) sqlite3_column_text (stmt, 0), kind))
    {
      *file_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      *imported_at = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      *added = sqlite3_column_int (stmt, 3);
      *updated = sqlite3_column_int (stmt, 4);
      found = TRUE;
    }
  sqlite3_reset (stmt);
  return found;
}

gboolean
attain_import_undo_last (AttainDb *db, gint64 *undone_id, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gint64        import_id = 0;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) entities = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) befores = g_ptr_array_new_with_free_func (g_free);

  if (!attain_db_begin (db, error))
    return FALSE;
  stmt = attain_db_prepare (db, "SELECT id, undone_at FROM imports ORDER BY id DESC LIMIT 1",
                            &local_error);
  if (stmt == NULL)
    goto fail;
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 1) == SQLITE_NULL)
    import_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (import_id == 0)
    {
      g_set_error (&local_error, ATTAIN_IMPORT_ERROR, ATTAIN_IMPORT_ERROR_NO_HEADER,
                   _ ("There is no import to undo: the last one was undone already, or nothing was "
                      "imported."));
      goto fail;
    }
  /* The rows it added carry its id; they go first (a deal takes its history and its ties to
   * collections with it), then its other changes, newest first, so that a team goes before its
   * region and a person before their team. */
  {
    static const char *deletes[] = {
      "DELETE FROM collections WHERE import_id = ?1",
      "DELETE FROM activities WHERE import_id = ?1",
      "DELETE FROM feedback WHERE import_id = ?1",
      "DELETE FROM deal_reversals WHERE import_id = ?1",
      "DELETE FROM refunds WHERE import_id = ?1",
      "DELETE FROM deals WHERE import_id = ?1",
      "DELETE FROM goals WHERE import_id = ?1",
    };
    for (guint k = 0; k < G_N_ELEMENTS (deletes); k++)
      {
        stmt = attain_db_prepare (db, deletes[k], &local_error);
        if (stmt == NULL)
          goto fail;
        sqlite3_bind_int64 (stmt, 1, import_id);
        if (sqlite3_step (stmt) != SQLITE_DONE)
          {
            attain_db_set_error (db, &local_error, _ ("Undoing the import"));
            sqlite3_reset (stmt);
            goto fail;
          }
      }
  }
  stmt = attain_db_prepare (db,
                            "SELECT entity, entity_id, before FROM import_changes WHERE import_id "
                            "= ?1 ORDER BY rowid DESC",
                            &local_error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, import_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 1);
      g_ptr_array_add (entities, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_array_append_val (ids, id);
      g_ptr_array_add (befores, g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *entity = g_ptr_array_index (entities, i);
      const char *before = g_ptr_array_index (befores, i);
      gint64      id = g_array_index (ids, gint64, i);
      const char *sql = NULL;

      for (guint k = 0; k < G_N_ELEMENTS (undo_sql) && sql == NULL; k++)
        if (g_str_equal (entity, undo_sql[k].entity))
          sql = before == NULL || g_str_equal (entity, "deal_stage_history")
                    ? undo_sql[k].delete_sql
                    : undo_sql[k].restore_sql;
      if (g_str_equal (entity, "market_size"))
        {
          sql = before != NULL && strstr (before, "\"amount\":null") != NULL
                    ? "DELETE FROM market_size WHERE unit_id = ?1 AND month = json_extract (?2, "
                      "'$.month')"
                    : "UPDATE market_size SET amount = json_extract (?2, '$.amount') WHERE unit_id "
                      "= ?1 AND month = json_extract (?2, '$.month')";
        }
      if (sql == NULL)
        continue;
      if (g_str_equal (entity, "person_units"))
        {
          stmt = attain_db_prepare (db, "DELETE FROM person_units WHERE person_id = ?1",
                                    &local_error);
          if (stmt == NULL)
            goto fail;
          sqlite3_bind_int64 (stmt, 1, id);
          if (sqlite3_step (stmt) != SQLITE_DONE)
            {
              attain_db_set_error (db, &local_error, _ ("Undoing the import"));
              goto fail;
            }
        }
      stmt = attain_db_prepare (db, sql, &local_error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_bind_parameter_count (stmt) >= 2)
        {
          if (before)
            sqlite3_bind_text (stmt, 2, before, -1, SQLITE_TRANSIENT);
          else
            sqlite3_bind_null (stmt, 2);
        }
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          attain_db_set_error (db, &local_error, _ ("Undoing the import"));
          sqlite3_reset (stmt);
          goto fail;
        }
    }
  stmt = attain_db_prepare (
      db, "UPDATE imports SET undone_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
      &local_error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, import_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      attain_db_set_error (db, &local_error, _ ("Undoing the import"));
      goto fail;
    }
  stmt = attain_db_prepare (db,
                            "INSERT INTO audit_log (actor, entity, entity_id, field, new_value) "
                            "VALUES ('import', 'import', ?1, 'undo', NULL)",
                            &local_error);
  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, import_id);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (stmt != NULL)
        attain_db_set_error (db, &local_error, _ ("Undoing the import"));
      goto fail;
    }
  /* Undo is rare and may touch anything the import touched: the sums are rebuilt whole. */
  if (!attain_rollup_rebuild (db, &local_error) || !attain_db_commit (db, &local_error))
    goto fail;
  if (undone_id)
    *undone_id = import_id;
  return TRUE;

fail:
  attain_db_rollback (db);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

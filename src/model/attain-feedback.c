/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-feedback.h"

#include <math.h>
#include <string.h>

#include "attain-gettext.h"
#include "attain-json.h"
#include "attain-sheet.h"

/* clang-format off */
G_DEFINE_QUARK (attain-feedback-error-quark, attain_feedback_error)
/* clang-format on */

/* The questionnaire: four dimensions of three 1-5 questions each, keyed so that a survey tool's
 * export can name its columns by key (sales_1) or by short code (S1). */
static const struct
{
  const char *key;
  const char *code;
  const char *label;
} dimensions[ATTAIN_FEEDBACK_N_DIMENSIONS] = {
  { "sales", "S", N_ ("Sales skills") },
  { "customer", "C", N_ ("Customer relationship management") },
  { "professional", "P", N_ ("Professionalism") },
  { "compliance", "R", N_ ("Compliance") },
};
#define QUESTIONS_PER_DIMENSION ATTAIN_FEEDBACK_QUESTIONS_PER_DIMENSION

static const struct
{
  const char *key;
  const char *label;
  const char *words[4]; /* what a survey export calls it, Chinese and English */
} rater_types[ATTAIN_N_RATER_TYPES] = {
  { "superior", N_ ("Superior"), { "上级", "上級", "主管", "superior" } },
  { "peer", N_ ("Peers"), { "同事", "同级", "同級", "peer" } },
  { "subordinate", N_ ("Subordinates"), { "下属", "下屬", "下级", "subordinate" } },
  { "customer", N_ ("Customers"), { "客户", "客戶", "customer", "client" } },
  { "self", N_ ("Self"), { "本人", "自评", "自評", "self" } },
};

const char *
attain_rater_type_to_string (AttainRaterType type)
{
  return type < ATTAIN_N_RATER_TYPES ? rater_types[type].key : "self";
}

const char *
attain_rater_type_label (AttainRaterType type)
{
  return type < ATTAIN_N_RATER_TYPES ? _ (rater_types[type].label) : "";
}

gboolean
attain_rater_type_parse (const char *text, AttainRaterType *out)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *folded = g_utf8_casefold (trimmed, -1);

  for (guint t = 0; t < ATTAIN_N_RATER_TYPES; t++)
    {
      if (g_str_equal (folded, rater_types[t].key))
        {
          *out = t;
          return TRUE;
        }
      for (guint w = 0; w < G_N_ELEMENTS (rater_types[t].words); w++)
        if (g_str_equal (folded, rater_types[t].words[w]))
          {
            *out = t;
            return TRUE;
          }
    }
  return FALSE;
}

const char *
attain_feedback_dimension_key (guint dimension)
{
  return dimension < ATTAIN_FEEDBACK_N_DIMENSIONS ? dimensions[dimension].key : NULL;
}

const char *
attain_feedback_dimension_untranslated (guint dimension)
{
  return dimension < ATTAIN_FEEDBACK_N_DIMENSIONS ? dimensions[dimension].label : NULL;
}

const char *
attain_feedback_dimension_label (guint dimension)
{
  return dimension < ATTAIN_FEEDBACK_N_DIMENSIONS ? _ (dimensions[dimension].label) : NULL;
}

/* What each question asks, for the printed questionnaire; a survey tool's export names them by
 * code (S1 … R3) whatever words its form used. */
static const char *const question_texts[ATTAIN_FEEDBACK_N_DIMENSIONS][QUESTIONS_PER_DIMENSION] = {
  { N_ ("Finds out what the customer needs before proposing"),
    N_ ("Presents our offer convincingly and answers objections"),
    N_ ("Negotiates terms well and brings deals to a close") },
  { N_ ("Keeps in regular contact with customers"), N_ ("Resolves customers' problems promptly"),
    N_ ("Builds trust that lasts beyond a single deal") },
  { N_ ("Knows our products and the market well"),
    N_ ("Plans the work and follows through on commitments"),
    N_ ("Works well with colleagues and shares what works") },
  { N_ ("Follows the pricing, discount and contract rules"),
    N_ ("Keeps customer and deal records accurate and on time"),
    N_ ("Acts with integrity towards customers and the company") },
};

const char *
attain_feedback_question_text (guint dimension, guint question)
{
  return dimension < ATTAIN_FEEDBACK_N_DIMENSIONS && question < QUESTIONS_PER_DIMENSION
             ? _ (question_texts[dimension][question])
             : NULL;
}

char *
attain_feedback_question_code (guint dimension, guint question)
{
  return dimension < ATTAIN_FEEDBACK_N_DIMENSIONS && question < QUESTIONS_PER_DIMENSION
             ? g_strdup_printf ("%s%u", dimensions[dimension].code, question + 1)
             : NULL;
}

/* Peers and subordinates are the groups whose members must not be told apart. */
static gboolean
anonymous (AttainRaterType type)
{
  return type == ATTAIN_RATER_PEER || type == ATTAIN_RATER_SUBORDINATE;
}

static gboolean
ensure_collection (AttainDb *db, gint64 cycle_id, GError **error)
{
  sqlite3_stmt *stmt = attain_db_prepare (db,
                                          "INSERT OR IGNORE INTO feedback_collections (cycle_id) "
                                          "SELECT id FROM review_cycles WHERE id = ?1",
                                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cycle_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return attain_db_set_error (db, error, _ ("Saving the 360-degree feedback"));
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* A new rater for @person_id and the code printed on their questionnaire (or prefilled in the
 * survey): eight letters and digits that are never mistaken for each other. */
char *
attain_feedback_assign (AttainDb       *db,
                        gint64          cycle_id,
                        gint64          person_id,
                        AttainRaterType type,
                        const char     *rater_name,
                        GError        **error)
{
  static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  g_autofree char  *code = g_new0 (char, 9);
  sqlite3_stmt     *stmt;

  if (rater_name == NULL || rater_name[0] == '\0')
    {
      g_set_error (error, ATTAIN_FEEDBACK_ERROR, ATTAIN_FEEDBACK_ERROR_INVALID,
                   _ ("Name the rater, so that the progress view can say who has not answered."));
      return NULL;
    }
  if (!attain_db_begin (db, error))
    return NULL;
  if (!ensure_collection (db, cycle_id, error))
    goto fail;
  for (int attempt = 0; attempt < 16; attempt++)
    {
      for (int i = 0; i < 8; i++)
        code[i] = alphabet[g_random_int_range (0, sizeof alphabet - 1)];
      stmt = attain_db_prepare (
          db,
          "INSERT OR IGNORE INTO feedback_raters (code, cycle_id, person_id, rater_type, "
          "rater_name) SELECT ?1, m.cycle_id, m.person_id, ?3, ?4 FROM cycle_members m "
          "WHERE m.cycle_id = ?5 AND m.person_id = ?2",
          error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, person_id);
      sqlite3_bind_text (stmt, 3, attain_rater_type_to_string (type), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, rater_name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 5, cycle_id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          sqlite3_reset (stmt);
          attain_db_set_error (db, error, _ ("Saving the 360-degree feedback"));
          goto fail;
        }
      sqlite3_reset (stmt);
      if (attain_db_changes (db) == 1)
        {
          if (!attain_db_commit (db, error))
            goto fail;
          return g_steal_pointer (&code);
        }
      /* Nothing inserted: a code already taken, or nobody to rate. */
      stmt = attain_db_prepare (
          db, "SELECT count (*) FROM cycle_members WHERE cycle_id = ?1 AND person_id = ?2", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, cycle_id);
      sqlite3_bind_int64 (stmt, 2, person_id);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 0)
        {
          sqlite3_reset (stmt);
          g_set_error (error, ATTAIN_FEEDBACK_ERROR, ATTAIN_FEEDBACK_ERROR_INVALID,
                       _ ("That person is not in this review cycle: nobody was assigned."));
          goto fail;
        }
      sqlite3_reset (stmt);
    }
  g_set_error (error, ATTAIN_FEEDBACK_ERROR, ATTAIN_FEEDBACK_ERROR_INVALID,
               _ ("No free response code was found; try again."));
fail:
  attain_db_rollback (db);
  return NULL;
}

typedef enum
{
  COL_PERSON,
  COL_RELATION,
  COL_CODE,
  COL_COMMENT,
  COL_CUSTOMER,
  N_ROLES
} Role;

static const char *const role_headers[N_ROLES][8] = {
  [COL_PERSON] = { "被评人", "被评价人", "被評人", "姓名", "工号", "工號", "person", "employee" },
  [COL_RELATION]
  = { "关系", "關係", "评价关系", "評價關係", "relation", "rater type", "relationship", NULL },
  [COL_CODE] = { "答题码", "答題碼", "问卷码", "問卷碼", "code", "response code", "编码", NULL },
  [COL_COMMENT] = { "评语", "評語", "意见", "意見", "comment", "comments", "建议", NULL },
  [COL_CUSTOMER] = { "客户名称", "客戶名稱", "customer", "customer name", NULL, NULL, NULL, NULL },
};

/* A question column: "sales_2", or "S2" alone or at the start of a longer header. */
static int
question_of_header (const char *header)
{
  for (guint d = 0; d < ATTAIN_FEEDBACK_N_DIMENSIONS; d++)
    for (guint q = 1; q <= QUESTIONS_PER_DIMENSION; q++)
      {
        g_autofree char *key = g_strdup_printf ("%s_%u", dimensions[d].key, q);
        g_autofree char *code = g_strdup_printf ("%s%u", dimensions[d].code, q);
        gsize            n = strlen (code);
        if (g_ascii_strcasecmp (header, key) == 0
            || (g_ascii_strncasecmp (header, code, n) == 0
                && (header[n] == '\0' || header[n] == ' ' || header[n] == '.' || header[n] == ':'
                    || (guchar) header[n] >= 0x80)))
          return (int) (d * QUESTIONS_PER_DIMENSION + q - 1);
      }
  return -1;
}

typedef struct
{
  gint64          person_id;
  AttainRaterType type;
  char           *code;
  char           *scores; /* JSON */
  char           *comment;
  char           *customer;
} Answer;

static void
answer_clear (Answer *a)
{
  g_free (a->code);
  g_free (a->scores);
  g_free (a->comment);
  g_free (a->customer);
}

static gint64
person_of (AttainDb *db, gint64 cycle_id, const char *text)
{
  sqlite3_stmt *stmt = attain_db_prepare (
      db,
      "SELECT p.id FROM cycle_members m JOIN people p ON p.id = m.person_id WHERE m.cycle_id = ?1 "
      "AND (p.employee_no = ?2 OR p.name = ?2) ORDER BY p.employee_no = ?2 DESC LIMIT 2",
      NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, cycle_id);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* Every answer goes the same way, whether from a survey export or typed in from paper: its code
 * marked used (it must be this person's and relation's, not used yet), then the answers, in an
 * order that says nothing of where they came from, under random keys, waiting for the close.
 * One transaction; a late answer reopens a closed collection. */
static gboolean
store_answers (AttainDb *db,
               gint64    cycle_id,
               GArray   *answers,
               guint    *n_answers,
               gboolean *reopened,
               GError  **error)
{
  sqlite3_stmt *stmt;

  if (!attain_db_begin (db, error))
    return FALSE;
  if (!ensure_collection (db, cycle_id, error))
    goto fail;
  stmt
      = attain_db_prepare (db, "SELECT state FROM feedback_collections WHERE cycle_id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, cycle_id);
  if (sqlite3_step (stmt) == SQLITE_ROW
      && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "closed") == 0)
    *reopened = TRUE;
  sqlite3_reset (stmt);
  if (*reopened)
    {
      stmt = attain_db_prepare (db,
                                "UPDATE feedback_collections SET state = 'open', reopened = "
                                "reopened + 1 WHERE cycle_id = ?1",
                                error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, cycle_id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          sqlite3_reset (stmt);
          attain_db_set_error (db, error, _ ("Saving the 360-degree feedback"));
          goto fail;
        }
      sqlite3_reset (stmt);
    }

  /* Codes first: each must be this person's, of this relation, and not used yet. */
  for (guint i = 0; i < answers->len; i++)
    {
      Answer *a = &g_array_index (answers, Answer, i);
      stmt = attain_db_prepare (db,
                                "UPDATE feedback_raters SET used = 1 WHERE code = ?1 AND "
                                "cycle_id = ?2 AND person_id = ?3 AND rater_type = ?4 AND used = 0",
                                error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, a->code, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, cycle_id);
      sqlite3_bind_int64 (stmt, 3, a->person_id);
      sqlite3_bind_text (stmt, 4, attain_rater_type_to_string (a->type), -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          sqlite3_reset (stmt);
          attain_db_set_error (db, error, _ ("Saving the 360-degree feedback"));
          goto fail;
        }
      sqlite3_reset (stmt);
      if (attain_db_changes (db) != 1)
        {
          g_set_error (error, ATTAIN_FEEDBACK_ERROR, ATTAIN_FEEDBACK_ERROR_FILE,
                       _ ("Response code %s was not given to a rater of this person and "
                          "relation, or has answered already. Nothing was imported."),
                       a->code);
          goto fail;
        }
    }
  /* The answers, in an order that says nothing of the file's, under random keys. */
  for (guint i = answers->len; i > 1; i--)
    {
      guint  j = g_random_int_range (0, i);
      Answer tmp = g_array_index (answers, Answer, i - 1);
      g_array_index (answers, Answer, i - 1) = g_array_index (answers, Answer, j);
      g_array_index (answers, Answer, j) = tmp;
    }
  for (guint i = 0; i < answers->len; i++)
    {
      Answer *a = &g_array_index (answers, Answer, i);
      stmt = attain_db_prepare (db,
                                "INSERT INTO feedback_pending (shuffle_key, cycle_id, person_id, "
                                "rater_type, scores, comment, customer_name) VALUES "
                                "(randomblob (16), ?1, ?2, ?3, ?4, ?5, ?6)",
                                error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, cycle_id);
      sqlite3_bind_int64 (stmt, 2, a->person_id);
      sqlite3_bind_text (stmt, 3, attain_rater_type_to_string (a->type), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, a->scores, -1, SQLITE_STATIC);
      if (a->comment)
        sqlite3_bind_text (stmt, 5, a->comment, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, 5);
      if (a->customer)
        sqlite3_bind_text (stmt, 6, a->customer, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, 6);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          sqlite3_reset (stmt);
          attain_db_set_error (db, error, _ ("Saving the 360-degree feedback"));
          goto fail;
        }
      sqlite3_reset (stmt);
    }
  if (!attain_db_commit (db, error))
    goto fail;
  *n_answers = answers->len;
  return TRUE;

fail:
  attain_db_rollback (db);
  *reopened = FALSE;
  return FALSE;
}

/* Reads a survey export (CSV or XLSX: one row per response) and keeps its answers for the close,
 * in one transaction, or nothing with a sentence that names the line and column. An answer to a
 * closed collection reopens it, and @reopened says so. */
gboolean
attain_feedback_import (AttainDb   *db,
                        gint64      cycle_id,
                        const char *path,
                        guint      *n_answers,
                        gboolean   *reopened,
                        GError    **error)
{
  g_autoptr (AttainSheet) sheet = attain_sheet_load (path, NULL, 0, NULL, error);
  g_autoptr (GArray) answers = NULL;
  g_autoptr (GHashTable) codes_seen = g_hash_table_new (g_str_hash, g_str_equal);
  int roles[N_ROLES], questions[ATTAIN_FEEDBACK_N_DIMENSIONS * QUESTIONS_PER_DIMENSION];
  const AttainSheetRow *header;
  guint                 n_questions = 0;

  *n_answers = 0;
  *reopened = FALSE;
  if (sheet == NULL)
    return FALSE;
  if (sheet->rows->len == 0)
    {
      g_set_error (error, ATTAIN_FEEDBACK_ERROR, ATTAIN_FEEDBACK_ERROR_FILE,
                   _ ("The file is empty: there is nothing to import."));
      return FALSE;
    }
  header = g_ptr_array_index (sheet->rows, 0);
  for (guint r = 0; r < N_ROLES; r++)
    roles[r] = -1;
  for (guint q = 0; q < G_N_ELEMENTS (questions); q++)
    questions[q] = -1;
  for (guint c = 0; c < header->n_cells; c++)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (header->cells[c]));
      g_autofree char *folded = g_utf8_casefold (trimmed, -1);
      int              q = question_of_header (folded);
      if (q >= 0 && questions[q] < 0)
        {
          questions[q] = (int) c;
          n_questions++;
          continue;
        }
      for (guint r = 0; r < N_ROLES; r++)
        for (guint w = 0; w < G_N_ELEMENTS (role_headers[r]) && role_headers[r][w]; w++)
          if (roles[r] < 0 && g_str_equal (folded, role_headers[r][w]))
            roles[r] = (int) c;
    }
  if (roles[COL_PERSON] < 0 || roles[COL_RELATION] < 0 || roles[COL_CODE] < 0 || n_questions == 0)
    {
      g_set_error (
          error, ATTAIN_FEEDBACK_ERROR, ATTAIN_FEEDBACK_ERROR_FILE,
          _ ("The first row must name the columns: the person rated (被评人 or 工号), the rater's "
             "relation (关系: 上级, 同事, 下属, 客户, 本人), the response code (答题码) and the "
             "questions (S1…S3, C1…C3, P1…P3, R1…R3). Missing: %s."),
          roles[COL_PERSON] < 0     ? _ ("the person rated")
          : roles[COL_RELATION] < 0 ? _ ("the relation")
          : roles[COL_CODE] < 0     ? _ ("the response code")
                                    : _ ("the questions"));
      return FALSE;
    }

  answers = g_array_new (FALSE, TRUE, sizeof (Answer));
  g_array_set_clear_func (answers, (GDestroyNotify) answer_clear);
  for (guint i = 1; i < sheet->rows->len; i++)
    {
      const AttainSheetRow *row = g_ptr_array_index (sheet->rows, i);
      Answer                a = { 0 };
      g_autoptr (GString) scores = g_string_new ("{");
      const char *person
          = roles[COL_PERSON] < (int) row->n_cells ? row->cells[roles[COL_PERSON]] : "";
      const char *relation
          = roles[COL_RELATION] < (int) row->n_cells ? row->cells[roles[COL_RELATION]] : "";
      const char *code = roles[COL_CODE] < (int) row->n_cells ? row->cells[roles[COL_CODE]] : "";
      gboolean    blank = TRUE;

      for (guint c = 0; c < row->n_cells; c++)
        blank &= row->cells[c][0] == '\0';
      if (blank)
        continue;
      if ((a.person_id = person_of (db, cycle_id, person)) == 0)
        {
          g_set_error (error, ATTAIN_FEEDBACK_ERROR, ATTAIN_FEEDBACK_ERROR_FILE,
                       _ ("Line %u: “%s” is not anyone in this review cycle. Use their name or "
                          "employee number. Nothing was imported."),
                       row->line, person);
          return FALSE;
        }
      if (!attain_rater_type_parse (relation, &a.type))
        {
          g_set_error (error, ATTAIN_FEEDBACK_ERROR, ATTAIN_FEEDBACK_ERROR_FILE,
                       _ ("Line %u: “%s” is not a relation. Use 上级, 同事, 下属, 客户 or 本人. "
                          "Nothing was imported."),
                       row->line, relation);
          return FALSE;
        }
      a.code = g_strstrip (g_strdup (code));
      if (g_hash_table_contains (codes_seen, a.code))
        {
          g_set_error (error, ATTAIN_FEEDBACK_ERROR, ATTAIN_FEEDBACK_ERROR_FILE,
                       _ ("Line %u: the response code %s is used twice in the file. Nothing was "
                          "imported."),
                       row->line, a.code);
          answer_clear (&a);
          return FALSE;
        }
      for (guint q = 0; q < G_N_ELEMENTS (questions); q++)
        {
          const char *text;
          char       *end = NULL;
          gint64      value;
          if (questions[q] < 0 || questions[q] >= (int) row->n_cells)
            continue;
          text = row->cells[questions[q]];
          if (text[0] == '\0')
            continue;
          value = g_ascii_strtoll (text, &end, 10);
          if (end == text || *end != '\0' || value < 1 || value > 5)
            {
              g_set_error (error, ATTAIN_FEEDBACK_ERROR, ATTAIN_FEEDBACK_ERROR_FILE,
                           _ ("Line %u, column %u: “%s” is not a rating from 1 to 5. Nothing was "
                              "imported."),
                           row->line, (guint) questions[q] + 1, text);
              answer_clear (&a);
              return FALSE;
            }
          g_string_append_printf (
              scores, "%s\"%s_%u\":%" G_GINT64_FORMAT, scores->len > 1 ? "," : "",
              dimensions[q / QUESTIONS_PER_DIMENSION].key, q % QUESTIONS_PER_DIMENSION + 1, value);
        }
      g_string_append_c (scores, '}');
      a.scores = g_string_free (g_steal_pointer (&scores), FALSE);
      if (roles[COL_COMMENT] >= 0 && roles[COL_COMMENT] < (int) row->n_cells
          && row->cells[roles[COL_COMMENT]][0] != '\0')
        a.comment = g_strdup (row->cells[roles[COL_COMMENT]]);
      /* Only a customer's answer may carry who gave it. */
      if (a.type == ATTAIN_RATER_CUSTOMER && roles[COL_CUSTOMER] >= 0
          && roles[COL_CUSTOMER] < (int) row->n_cells && row->cells[roles[COL_CUSTOMER]][0] != '\0')
        a.customer = g_strdup (row->cells[roles[COL_CUSTOMER]]);
      g_array_append_val (answers, a);
      g_hash_table_add (codes_seen, g_array_index (answers, Answer, answers->len - 1).code);
    }

  return store_answers (db, cycle_id, answers, n_answers, reopened, error);
}

gboolean
attain_feedback_enter (
    AttainDb   *db,
    gint64      cycle_id,
    const char *code,
    const int   ratings[ATTAIN_FEEDBACK_N_DIMENSIONS * ATTAIN_FEEDBACK_QUESTIONS_PER_DIMENSION],
    const char *comment,
    gboolean   *reopened,
    GError    **error)
{
  g_autoptr (GArray) answers = g_array_new (FALSE, TRUE, sizeof (Answer));
  g_autoptr (GString) scores = g_string_new ("{");
  g_autofree char *trimmed = g_strstrip (g_strdup (code ? code : ""));
  sqlite3_stmt    *stmt;
  Answer           a = { 0 };
  gboolean         found = FALSE;
  guint            n = 0;

  *reopened = FALSE;
  g_array_set_clear_func (answers, (GDestroyNotify) answer_clear);
  /* The code says whom the paper is about and in which relation, as a survey row's columns do. */
  stmt = attain_db_prepare (db,
                            "SELECT person_id, rater_type FROM feedback_raters WHERE code = ?1 "
                            "AND cycle_id = ?2",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, cycle_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      a.person_id = sqlite3_column_int64 (stmt, 0);
      found = attain_rater_type_parse ((const char *) sqlite3_column_text (stmt, 1), &a.type);
    }
  sqlite3_reset (stmt);
  if (!found)
    {
      g_set_error (error, ATTAIN_FEEDBACK_ERROR, ATTAIN_FEEDBACK_ERROR_INVALID,
                   _ ("“%s” is not a response code of this review cycle. Check the code printed "
                      "on the questionnaire; nothing was saved."),
                   trimmed);
      return FALSE;
    }
  for (guint q = 0; q < ATTAIN_FEEDBACK_N_DIMENSIONS * QUESTIONS_PER_DIMENSION; q++)
    {
      if (ratings[q] < 0 || ratings[q] > 5)
        {
          g_autofree char *question = attain_feedback_question_code (q / QUESTIONS_PER_DIMENSION,
                                                                     q % QUESTIONS_PER_DIMENSION);
          g_set_error (error, ATTAIN_FEEDBACK_ERROR, ATTAIN_FEEDBACK_ERROR_INVALID,
                       _ ("%s: %d is not a rating from 1 to 5. Nothing was saved."), question,
                       ratings[q]);
          return FALSE;
        }
      if (ratings[q] == 0)
        continue;
      g_string_append_printf (scores, "%s\"%s_%u\":%d", scores->len > 1 ? "," : "",
                              dimensions[q / QUESTIONS_PER_DIMENSION].key,
                              q % QUESTIONS_PER_DIMENSION + 1, ratings[q]);
      n++;
    }
  if (n == 0)
    {
      g_set_error (error, ATTAIN_FEEDBACK_ERROR, ATTAIN_FEEDBACK_ERROR_INVALID,
                   _ ("The questionnaire has no rating ticked; nothing was saved."));
      return FALSE;
    }
  g_string_append_c (scores, '}');
  a.code = g_steal_pointer (&trimmed);
  a.scores = g_string_free (g_steal_pointer (&scores), FALSE);
  a.comment = comment != NULL && comment[0] != '\0' ? g_strdup (comment) : NULL;
  g_array_append_val (answers, a);
  return store_answers (db, cycle_id, answers, &n, reopened, error);
}

/* Closes the collection: the waiting answers move, shuffled and under new random keys, to the
 * answers kept, and their first copies are overwritten as they are deleted (secure_delete). */
gboolean
attain_feedback_close (AttainDb *db, gint64 cycle_id, GError **error)
{
  sqlite3_stmt *stmt;

  if (!attain_db_exec (db, "PRAGMA secure_delete = ON", error) || !attain_db_begin (db, error))
    return FALSE;
  if (!ensure_collection (db, cycle_id, error))
    goto fail;
  stmt = attain_db_prepare (db,
                            "INSERT INTO feedback_answers (shuffle_key, cycle_id, person_id, "
                            "rater_type, scores, comment, customer_name) SELECT randomblob (16), "
                            "cycle_id, person_id, rater_type, scores, comment, customer_name FROM "
                            "feedback_pending WHERE cycle_id = ?1 ORDER BY random ()",
                            error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, cycle_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      attain_db_set_error (db, error, _ ("Closing the 360-degree feedback"));
      goto fail;
    }
  sqlite3_reset (stmt);
  stmt = attain_db_prepare (db, "DELETE FROM feedback_pending WHERE cycle_id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, cycle_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      attain_db_set_error (db, error, _ ("Closing the 360-degree feedback"));
      goto fail;
    }
  sqlite3_reset (stmt);
  stmt = attain_db_prepare (
      db, "UPDATE feedback_collections SET state = 'closed' WHERE cycle_id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, cycle_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      attain_db_set_error (db, error, _ ("Closing the 360-degree feedback"));
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

static int
weight_of (AttainDb *db, AttainRaterType type)
{
  static const int defaults[ATTAIN_N_RATER_TYPES] = { 4000, 2500, 1500, 2000, 0 };
  g_autofree char *key = g_strdup_printf ("feedback_weight_%s", attain_rater_type_to_string (type));
  return attain_db_get_setting_int (db, key, defaults[type]);
}

/* The result only a closed collection gives: each group's means per dimension, a peer or
 * subordinate group only when it has at least the threshold's answers (never below 3), and the
 * score over the groups shown, their weights renormalised. */
gboolean
attain_feedback_result (AttainDb             *db,
                        gint64                cycle_id,
                        gint64                person_id,
                        AttainFeedbackResult *out,
                        GError              **error)
{
  int    min_group = MAX (3, MIN (10, attain_db_get_setting_int (db, "feedback_min_group", 3)));
  double sums[ATTAIN_N_RATER_TYPES][ATTAIN_FEEDBACK_N_DIMENSIONS] = { { 0 } };
  guint  counts[ATTAIN_N_RATER_TYPES][ATTAIN_FEEDBACK_N_DIMENSIONS] = { { 0 } };
  g_autoptr (GPtrArray) comments = g_ptr_array_new_with_free_func (g_free);
  GPtrArray    *comment_types = g_ptr_array_new ();
  double        weighted = 0;
  int           weights = 0, weights_all = 0;
  sqlite3_stmt *stmt;
  int           rc;

  memset (out, 0, sizeof *out);
  out->score = NAN;
  out->comments = g_ptr_array_new_with_free_func (g_free);
  for (guint t = 0; t < ATTAIN_N_RATER_TYPES; t++)
    for (guint d = 0; d < ATTAIN_FEEDBACK_N_DIMENSIONS; d++)
      out->groups[t].means[d] = NAN;

  stmt = attain_db_prepare (
      db, "SELECT state = 'closed' FROM feedback_collections WHERE cycle_id = ?1", error);
  if (stmt == NULL)
    {
      g_ptr_array_unref (comment_types);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, cycle_id);
  out->released = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (!out->released)
    {
      g_ptr_array_unref (comment_types);
      return TRUE;
    }

  stmt = attain_db_prepare (db,
                            "SELECT rater_type, scores, comment FROM feedback_answers WHERE "
                            "cycle_id = ?1 AND person_id = ?2 ORDER BY shuffle_key",
                            error);
  if (stmt == NULL)
    {
      g_ptr_array_unref (comment_types);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, cycle_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AttainRaterType type;
      g_autoptr (JsonParser) parser = json_parser_new ();
      if (!attain_rater_type_parse ((const char *) sqlite3_column_text (stmt, 0), &type))
        continue;
      out->groups[type].n_answers++;
      if (json_parser_load_from_data (parser, (const char *) sqlite3_column_text (stmt, 1), -1,
                                      NULL)
          && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        {
          JsonObject *scores = json_node_get_object (json_parser_get_root (parser));
          for (guint d = 0; d < ATTAIN_FEEDBACK_N_DIMENSIONS; d++)
            for (guint q = 1; q <= QUESTIONS_PER_DIMENSION; q++)
              {
                g_autofree char *key = g_strdup_printf ("%s_%u", dimensions[d].key, q);
                if (json_object_has_member (scores, key))
                  {
                    sums[type][d] += json_object_get_int_member (scores, key);
                    counts[type][d]++;
                  }
              }
        }
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        {
          g_ptr_array_add (comments, g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
          g_ptr_array_add (comment_types, GINT_TO_POINTER (type));
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_ptr_array_unref (comment_types);
      return attain_db_set_error (db, error, _ ("Reading the 360-degree feedback"));
    }

  for (guint t = 0; t < ATTAIN_N_RATER_TYPES; t++)
    {
      AttainFeedbackGroup *g = &out->groups[t];
      double               mean_sum = 0;
      guint                dims = 0;
      int                  w = weight_of (db, t);

      g->shown = g->n_answers > 0 && (!anonymous (t) || g->n_answers >= (guint) min_group);
      weights_all += g->n_answers > 0 || anonymous (t) ? w : 0;
      if (!g->shown)
        {
          /* Below the threshold a group says nothing, not even how it would have counted. */
          if (anonymous (t))
            g->n_answers = 0;
          continue;
        }
      for (guint d = 0; d < ATTAIN_FEEDBACK_N_DIMENSIONS; d++)
        if (counts[t][d] > 0)
          {
            g->means[d] = sums[t][d] / counts[t][d];
            mean_sum += g->means[d];
            dims++;
          }
      if (dims > 0 && w > 0)
        {
          weighted += (mean_sum / dims - 1) * 25 * w;
          weights += w;
        }
    }
  out->score = weights > 0 ? weighted / weights : NAN;
  out->renormalised = weights > 0 && weights < weights_all;
  for (guint i = 0; i < comments->len; i++)
    if (out->groups[GPOINTER_TO_INT (g_ptr_array_index (comment_types, i))].shown)
      g_ptr_array_add (out->comments, g_strdup (g_ptr_array_index (comments, i)));
  g_ptr_array_unref (comment_types);
  return TRUE;
}

void
attain_feedback_result_clear (AttainFeedbackResult *result)
{
  g_clear_pointer (&result->comments, g_ptr_array_unref);
}

/* The person's 360 result from the latest closed collection of a cycle for @period; FALSE (and
 * nothing to clear) without one. */
gboolean
attain_feedback_result_for (AttainDb             *db,
                            gint64                person_id,
                            const AttainPeriod   *period,
                            AttainFeedbackResult *out)
{
  GDate            first, last;
  g_autofree char *first_iso = NULL, *last_iso = NULL;
  sqlite3_stmt    *stmt;
  gint64           cycle = 0;

  attain_period_bounds (period, &first, &last);
  first_iso = attain_date_to_iso (&first);
  last_iso = attain_date_to_iso (&last);
  stmt = attain_db_prepare (
      db,
      "SELECT c.id FROM review_cycles c JOIN cycle_members m ON m.cycle_id = c.id "
      "JOIN feedback_collections f ON f.cycle_id = c.id AND f.state = 'closed' "
      "WHERE m.person_id = ?1 AND c.period_start = ?2 AND c.period_end = ?3 ORDER BY c.id DESC "
      "LIMIT 1",
      NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_text (stmt, 2, first_iso, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, last_iso, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    cycle = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return cycle != 0 && attain_feedback_result (db, cycle, person_id, out, NULL);
}

/* The 360 score of the person's latest closed collection for @period, NAN without one. */
double
attain_feedback_score_for (AttainDb *db, gint64 person_id, const AttainPeriod *period)
{
  AttainFeedbackResult result;
  double               score;

  if (!attain_feedback_result_for (db, person_id, period, &result))
    return NAN;
  score = result.score;
  attain_feedback_result_clear (&result);
  return score;
}

void
attain_feedback_result_to_json (const AttainFeedbackResult *result, JsonBuilder *builder)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "released");
  json_builder_add_boolean_value (builder, result->released);
  attain_json_add_number (builder, "score", result->score);
  json_builder_set_member_name (builder, "renormalised");
  json_builder_add_boolean_value (builder, result->renormalised);
  json_builder_set_member_name (builder, "groups");
  json_builder_begin_array (builder);
  for (guint t = 0; t < ATTAIN_N_RATER_TYPES; t++)
    {
      const AttainFeedbackGroup *g = &result->groups[t];
      /* A group too small to show is left out altogether. */
      if (!g->shown)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, attain_rater_type_to_string (t));
      attain_json_add_number (builder, "answers", g->n_answers);
      for (guint d = 0; d < ATTAIN_FEEDBACK_N_DIMENSIONS; d++)
        attain_json_add_number (builder, dimensions[d].key, g->means[d]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "comments");
  json_builder_begin_array (builder);
  for (guint i = 0; result->comments != NULL && i < result->comments->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (result->comments, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* Per person and rater type: how many were asked and how many answered, and who has not yet:
 * never who said what. */
JsonNode *
attain_feedback_progress_to_json (AttainDb *db, gint64 cycle_id, GError **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  sqlite3_stmt *stmt = attain_db_prepare (
      db,
      "SELECT r.person_id, p.name, r.rater_type, count (*), sum (r.used), "
      "group_concat (CASE WHEN r.used = 0 THEN r.rater_name END, '、') "
      "FROM feedback_raters r JOIN people p ON p.id = r.person_id WHERE r.cycle_id = ?1 "
      "GROUP BY r.person_id, r.rater_type ORDER BY r.person_id, r.rater_type",
      error);
  int rc;

  if (stmt == NULL)
    return NULL;
  json_builder_begin_array (builder);
  sqlite3_bind_int64 (stmt, 1, cycle_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      attain_json_add_number (builder, "person", (double) sqlite3_column_int64 (stmt, 0));
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 1));
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 2));
      attain_json_add_number (builder, "asked", sqlite3_column_int (stmt, 3));
      attain_json_add_number (builder, "answered", sqlite3_column_int (stmt, 4));
      json_builder_set_member_name (builder, "not_yet");
      json_builder_add_string_value (builder, sqlite3_column_type (stmt, 5) == SQLITE_NULL
                                                  ? ""
                                                  : (const char *) sqlite3_column_text (stmt, 5));
      json_builder_end_object (builder);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Reading the 360-degree feedback"));
      return NULL;
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

gboolean
attain_feedback_state (AttainDb *db,
                       gint64    cycle_id,
                       gboolean *closed,
                       int      *reopened,
                       GError  **error)
{
  sqlite3_stmt *stmt = attain_db_prepare (
      db, "SELECT state = 'closed', reopened FROM feedback_collections WHERE cycle_id = ?1", error);

  *closed = FALSE;
  *reopened = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cycle_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *closed = sqlite3_column_int (stmt, 0);
      *reopened = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

void
attain_questionnaire_free (AttainQuestionnaire *q)
{
  if (q == NULL)
    return;
  g_free (q->person);
  g_free (q->code);
  g_free (q);
}

GPtrArray *
attain_feedback_questionnaires (AttainDb *db, gint64 cycle_id, GError **error)
{
  g_autoptr (GPtrArray) out
      = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_questionnaire_free);
  /* Ordered by person and relation, never by when the rater was assigned. */
  sqlite3_stmt *stmt = attain_db_prepare (
      db,
      "SELECT p.name, r.rater_type, r.code FROM feedback_raters r JOIN people p ON p.id = "
      "r.person_id WHERE r.cycle_id = ?1 AND NOT r.used ORDER BY p.unit_id, p.id, r.rater_type, "
      "r.code",
      error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cycle_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AttainQuestionnaire *q = g_new0 (AttainQuestionnaire, 1);
      q->person = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      attain_rater_type_parse ((const char *) sqlite3_column_text (stmt, 1), &q->type);
      q->code = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (out, q);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Reading the 360-degree raters"));
      return NULL;
    }
  return g_steal_pointer (&out);
}

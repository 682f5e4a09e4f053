/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Imports of files shaped like real CRM and HR exports (fixtures in tests/fixtures/import),
 * checked against sums worked out by hand from the fixtures, and the ways an import must not
 * lose or half-write anything. Amounts in comments are yuan; the database holds fen. */
#include "attain-test-util.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "model/attain-import.h"
#include "model/attain-dashboard.h"
#include "model/attain-data-export.h"
#include "model/attain-parse.h"
#include "model/attain-people.h"
#include "model/attain-period.h"
#include "model/attain-rollup.h"
#include "model/attain-settings.h"
#include "model/attain-sheet.h"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);
}

/* ---- readers ---------------------------------------------------------------------------- */

static void
test_csv_quoting (void)
{
  const char *text = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n\r\nlast,,\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainSheet) sheet = attain_csv_parse (text, strlen (text), 0, &error);
  const AttainSheetRow *row;

  g_assert_no_error (error);
  g_assert_cmpint (sheet->separator, ==, ',');
  g_assert_cmpuint (sheet->rows->len, ==, 3);
  row = g_ptr_array_index (sheet->rows, 1);
  g_assert_cmpuint (row->line, ==, 2);
  g_assert_cmpstr (row->cells[0], ==, "x, y");
  g_assert_cmpstr (row->cells[1], ==, "say \"hi\"");
  g_assert_cmpstr (row->cells[2], ==, "two\nlines");
  /* The record after a quoted line break and a blank line starts on line 5 of the editor. */
  row = g_ptr_array_index (sheet->rows, 2);
  g_assert_cmpuint (row->line, ==, 5);
  g_assert_cmpuint (row->n_cells, ==, 3);
  g_assert_cmpstr (row->cells[2], ==, "");
}

static void
test_csv_separators (void)
{
  const char *semicolon = "名称;金额\n甲;1,5\n";
  const char *tab = "a\tb\tc\n1\t2\t3\n";
  const char *excel = "sep=;\na;b\n1;2\n";
  g_autoptr (AttainSheet) s1 = attain_csv_parse (semicolon, strlen (semicolon), 0, NULL);
  g_autoptr (AttainSheet) s2 = attain_csv_parse (tab, strlen (tab), 0, NULL);
  g_autoptr (AttainSheet) s3 = attain_csv_parse (excel, strlen (excel), 0, NULL);

  g_assert_cmpint (s1->separator, ==, ';');
  g_assert_cmpstr (attain_sheet_cell (s1, 1, 1), ==, "1,5");
  g_assert_cmpint (s2->separator, ==, '\t');
  g_assert_cmpstr (attain_sheet_cell (s2, 1, 2), ==, "3");
  g_assert_cmpuint (s3->rows->len, ==, 2);
  g_assert_cmpstr (attain_sheet_cell (s3, 0, 0), ==, "a");
  g_assert_cmpuint (((AttainSheetRow *) g_ptr_array_index (s3->rows, 0))->line, ==, 2);
}

static void
test_csv_unclosed_quote (void)
{
  const char *text = "a,b\n1,2\n3,\"never closed\n4,5\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainSheet) sheet = attain_csv_parse (text, strlen (text), 0, &error);

  g_assert_null (sheet);
  g_assert_error (error, ATTAIN_SHEET_ERROR, ATTAIN_SHEET_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "Line 3"));
}

static void
test_encodings (void)
{
  const char      *han = "负责人,金额\n周艳,1\n";
  g_autofree char *gb = g_convert (han, -1, "GB18030", "UTF-8", NULL, NULL, NULL);
  g_autofree char *big5 = g_convert ("負責人,金額\n", -1, "BIG5", "UTF-8", NULL, NULL, NULL);
  g_autofree char *utf16 = NULL;
  gsize            utf16_len = 0, len = 0;
  g_autofree char *out = NULL, *chosen = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GByteArray) bom16 = g_byte_array_new ();

  /* GB18030 is what a plain Chinese Excel/WPS CSV is; it is found without being asked for. */
  g_assert_cmpstr (attain_text_detect_encoding (gb, strlen (gb)), ==, "GB18030");
  out = attain_text_decode (gb, strlen (gb), "auto", &chosen, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, han);
  g_assert_cmpstr (chosen, ==, "GB18030");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&chosen, g_free);

  /* Big5 looks like GB18030 to detection, so the user chooses it. */
  out = attain_text_decode (big5, strlen (big5), "big5", &chosen, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, "負責人,金額\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&chosen, g_free);

  /* Excel's "Unicode text": UTF-16LE with a BOM. */
  utf16 = g_convert (han, -1, "UTF-16LE", "UTF-8", NULL, &utf16_len, NULL);
  g_byte_array_append (bom16, (const guint8 *) "\xff\xfe", 2);
  g_byte_array_append (bom16, (const guint8 *) utf16, utf16_len);
  out = attain_text_decode ((const char *) bom16->data, bom16->len, "auto", &chosen, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chosen, ==, "UTF-16LE");
  g_assert_cmpstr (out, ==, han);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&chosen, g_free);

  /* UTF-8 with a BOM: the BOM is not part of the first header. */
  out = attain_text_decode ("\xef\xbb\xbf"
                            "a,b",
                            6, "auto", &chosen, &len, &error);
  g_assert_cmpstr (out, ==, "a,b");
  g_clear_pointer (&out, g_free);

  /* Asked for UTF-8, a GB18030 file is refused with the line it fails on. */
  out = attain_text_decode (gb, strlen (gb), "utf-8", NULL, &len, &error);
  g_assert_null (out);
  g_assert_error (error, ATTAIN_SHEET_ERROR, ATTAIN_SHEET_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "Line 1"));
}

static void
test_xlsx (void)
{
  g_autofree char *path = fixture ("targets-2026.xlsx");
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainSheet) sheet = attain_xlsx_read (path, 0, &error);
  g_autoptr (AttainSheet) second = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (sheet->sheet_names[0], ==, "2026年目标");
  g_assert_cmpstr (sheet->sheet_names[1], ==, "活动");
  /* The merged title row, then the header on Excel's row 2. */
  g_assert_cmpstr (attain_sheet_cell (sheet, 0, 0), ==, "2026年销售额目标（单位：万元）");
  g_assert_cmpuint (((AttainSheetRow *) g_ptr_array_index (sheet->rows, 1))->line, ==, 2);
  g_assert_cmpstr (attain_sheet_cell (sheet, 1, 2), ==, "1月");
  g_assert_cmpstr (attain_sheet_cell (sheet, 3, 13), ==, "12.5");
  g_assert_cmpstr (attain_sheet_cell (sheet, 5, 14), ==, "297");

  /* Dates are serial numbers with a date format: a Chinese one and openpyxl's default. */
  second = attain_xlsx_read (path, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (attain_sheet_cell (second, 1, 3), ==, "2026-03-05");
  g_assert_cmpstr (attain_sheet_cell (second, 2, 3), ==, "2026-03-06");

  g_assert_null (attain_xlsx_read (path, 5, &error));
  g_assert_nonnull (strstr (error->message, "sheet 6"));
}

static void
test_xlsx_serials (void)
{
  g_autofree char *a = attain_xlsx_serial_to_iso (46086, FALSE);
  g_autofree char *b = attain_xlsx_serial_to_iso (59, FALSE);
  g_autofree char *c = attain_xlsx_serial_to_iso (61, FALSE);
  g_autofree char *d = attain_xlsx_serial_to_iso (44624, TRUE);

  g_assert_cmpstr (a, ==, "2026-03-05");
  g_assert_cmpstr (b, ==, "1900-02-28");
  g_assert_cmpstr (c, ==, "1900-03-01");
  /* The 1904 system counts 1,462 days fewer: 46086 - 1462. */
  g_assert_cmpstr (d, ==, "2026-03-05");
  g_assert_null (attain_xlsx_serial_to_iso (-3, FALSE));
}

/* ---- value parsers ---------------------------------------------------------------------- */

static void
test_amounts (void)
{
  struct
  {
    const char *text;
    gint64      unit;
    gint64      fen;
  } good[] = {
    { "1,234.56", 100, 123456 },
    { "¥26.2万", 100, 26200000 },
    { "￥1,200,000", 100, 120000000 },
    { "(1,000)", 100, -100000 },
    { "-5", 100, -500 },
    { "CNY 1,200,000.00", 100, 120000000 },
    { "1.2亿", 100, G_GINT64_CONSTANT (12000000000) },
    { "12.345", 100, 1235 },
    { "0.004", 100, 0 },
    { "26.2", 1000000, 26200000 },  /* a 万元 column */
    { "８８０００", 100, 8800000 }, /* full-width digits */
    { "1 234", 100, 123400 },
  };
  const char *bad[] = { "十二万", "", "abc", "1.2.3", "12%", "--5", "1e5" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 fen = 0;
      g_assert_true (attain_parse_amount (good[i].text, good[i].unit, &fen, &error));
      g_assert_no_error (error);
      g_assert_cmpint (fen, ==, good[i].fen);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      gint64 fen = 0;
      g_assert_false (attain_parse_amount (bad[i], 100, &fen, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, bad[i]));
    }
}

static void
test_dates (void)
{
  struct
  {
    const char     *text;
    AttainDateOrder order;
    const char     *iso;
  } good[] = {
    { "2026-03-05", ATTAIN_DATE_ORDER_YMD, "2026-03-05" },
    { "2026/3/5", ATTAIN_DATE_ORDER_YMD, "2026-03-05" },
    { "2026年3月5日", ATTAIN_DATE_ORDER_YMD, "2026-03-05" },
    { "2026.03.05", ATTAIN_DATE_ORDER_YMD, "2026-03-05" },
    { "03/05/2026", ATTAIN_DATE_ORDER_MDY, "2026-03-05" },
    { "05/03/2026", ATTAIN_DATE_ORDER_DMY, "2026-03-05" },
    { "2026-03-05 10:24:11", ATTAIN_DATE_ORDER_YMD, "2026-03-05" },
    { "2026-03-05T10:24:11Z", ATTAIN_DATE_ORDER_YMD, "2026-03-05" },
    { "20260305", ATTAIN_DATE_ORDER_YMD, "2026-03-05" },
    { "2024-02-29", ATTAIN_DATE_ORDER_YMD, "2024-02-29" },
  };
  const char *bad[] = { "2026-02-30", "2026-13-01", "03/05/2026", "yesterday", "2026年3月", "" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      GDate            date;
      g_autofree char *iso = NULL;
      g_assert_true (attain_parse_date (good[i].text, good[i].order, &date, NULL));
      iso = attain_date_to_iso (&date);
      g_assert_cmpstr (iso, ==, good[i].iso);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      GDate date;
      /* 03/05/2026 with year-first order is ambiguous: refused, never guessed. */
      g_assert_false (attain_parse_date (bad[i], ATTAIN_DATE_ORDER_YMD, &date, &error));
      g_assert_nonnull (error);
    }
}

static void
test_months (void)
{
  struct
  {
    const char *text;
    int         month;
  } cases[] = {
    { "1月", 1 },     { "十二月", 12 },   { "十一月", 11 }, { "Jan", 1 },   { "September", 9 },
    { "2026-07", 7 }, { "2026年3月", 3 }, { "M10", 10 },    { "Sept.", 9 },
  };
  int month;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (attain_parse_month (cases[i].text, &month));
      g_assert_cmpint (month, ==, cases[i].month);
    }
  g_assert_false (attain_parse_month ("Market", &month));
  g_assert_false (attain_parse_month ("13月", &month));
  g_assert_false (attain_parse_month ("全年合计", &month));
}

/* ---- imports ---------------------------------------------------------------------------- */

typedef struct
{
  char     *dir;
  char     *path;
  AttainDb *db;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = attain_test_make_tmp_dir ();
  f->path = attain_test_db_path (f->dir, "import.db");
  f->db = attain_db_open (f->path, NULL);
  g_assert_nonnull (f->db);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  attain_db_close (f->db);
  attain_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Imports a fixture and returns its summary; asserts it was accepted whole. */
static AttainImportSummary
import_ok (Fixture *f, AttainImportKind kind, const char *name, const char *preset)
{
  g_autofree char *path = fixture (name);
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainImportPlan) plan = NULL;
  AttainImportOptions options;
  AttainImportSummary summary = { 0 };

  attain_import_options_init (&options, kind);
  options.as_of = g_strdup ("2026-11-23");
  options.company_name = g_strdup ("星河科技有限公司");
  if (preset)
    {
      g_assert_true (attain_import_options_load_preset (&options, f->db, preset, &error));
      g_assert_no_error (error);
    }
  plan = attain_import_prepare (f->db, path, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < attain_import_plan_get_problems (plan)->len; i++)
    g_test_message ("%s", ((AttainImportProblem *) g_ptr_array_index (
                               attain_import_plan_get_problems (plan), i))
                              ->message);
  g_assert_cmpuint (attain_import_plan_get_problems (plan)->len, ==, 0);
  g_assert_true (attain_import_apply (f->db, plan, NULL, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  attain_import_options_clear (&options);
  return summary;
}

static gint64
query (Fixture *f, const char *sql)
{
  return attain_test_query_int (f->db, sql);
}

/* The sums kept by the import equal the sums rebuilt from scratch. */
static void
assert_rollups_match_rebuild (Fixture *f)
{
  {
    g_autofree char *digest_before = NULL, *digest_after = NULL;
    g_assert_true (attain_db_begin (f->db, NULL));
    digest_before = attain_test_database_digest (f->db);
    g_assert_true (attain_rollup_rebuild (f->db, NULL));
    digest_after = attain_test_database_digest (f->db);
    attain_db_rollback (f->db);
    g_assert_cmpstr (digest_before, ==, digest_after);
  }
}

static void
import_org_and_crm_deals (Fixture *f)
{
  AttainImportSummary s;

  s = import_ok (f, ATTAIN_IMPORT_ORG, "org.csv", NULL);
  g_assert_cmpuint (s.added, ==, 8);
  /* 销售总监 is not on the built-in ladder: it is added, and the summary says so. */
  g_assert_cmpuint (s.notes->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (s.notes, 0), "销售总监"));
  attain_import_summary_clear (&s);

  s = import_ok (f, ATTAIN_IMPORT_DEALS, "salesforce-opportunities.csv", "salesforce");
  g_assert_cmpuint (s.added, ==, 6);
  attain_import_summary_clear (&s);
  s = import_ok (f, ATTAIN_IMPORT_DEALS, "cn-crm-deals-gb18030.csv", "cn-crm");
  g_assert_cmpuint (s.added, ==, 4);
  g_assert_cmpuint (s.skipped, ==, 1); /* the 合计 row */
  attain_import_summary_clear (&s);
  s = import_ok (f, ATTAIN_IMPORT_DEALS, "odoo-crm.csv", "odoo");
  g_assert_cmpuint (s.added, ==, 3);
  attain_import_summary_clear (&s);
  s = import_ok (f, ATTAIN_IMPORT_DEALS, "zoho-deals.csv", "zoho");
  g_assert_cmpuint (s.added, ==, 3);
  attain_import_summary_clear (&s);
}

static void
test_org (Fixture *f, gconstpointer data)
{
  AttainImportSummary s = import_ok (f, ATTAIN_IMPORT_ORG, "org.csv", NULL);

  g_assert_cmpuint (s.added, ==, 8);
  attain_import_summary_clear (&s);
  g_assert_cmpint (
      query (
          f,
          "SELECT count (*) FROM org_units WHERE kind = 'company' AND name = '星河科技有限公司'"),
      ==, 1);
  g_assert_cmpint (query (f, "SELECT count (*) FROM org_units WHERE kind = 'region'"), ==, 2);
  g_assert_cmpint (query (f, "SELECT count (*) FROM org_units WHERE kind = 'team'"), ==, 2);
  /* Managers by employee number; the English position name finds the built-in rank 1. */
  g_assert_cmpint (query (f, "SELECT count (*) FROM people p JOIN people m ON m.id = p.manager_id "
                             "WHERE p.employee_no = 'E003' AND m.employee_no = 'E002'"),
                   ==, 1);
  g_assert_cmpint (query (f, "SELECT rank FROM positions JOIN people ON people.position_id = "
                             "positions.id WHERE employee_no = 'E008'"),
                   ==, 1);
  /* Someone who left keeps their record, no longer active. */
  g_assert_cmpint (query (f, "SELECT active FROM people WHERE employee_no = 'E007'"), ==, 0);
  g_assert_cmpint (
      query (f, "SELECT left_on = '2026-06-30' FROM people WHERE employee_no = 'E007'"), ==, 1);

  /* The same file again changes nothing. */
  s = import_ok (f, ATTAIN_IMPORT_ORG, "org.csv", NULL);
  g_assert_cmpuint (s.added, ==, 0);
  g_assert_cmpuint (s.updated, ==, 0);
  g_assert_cmpuint (s.unchanged, ==, 8);
  attain_import_summary_clear (&s);
}

static void
test_crm_deals_totals (Fixture *f, gconstpointer data)
{
  import_org_and_crm_deals (f);

  g_assert_cmpint (query (f, "SELECT count (*) FROM deals"), ==, 16);
  /* Won in 2026: Salesforce 1,200,000 + 96,000; 纷享销客 262,000 (26.2 万元) + 85,000;
   * Odoo 88,000; Zoho 1,050,000 = 2,781,000. */
  g_assert_cmpint (
      query (f, "SELECT sum (won_amount) FROM month_stats WHERE scope_kind = 0 AND scope_id = 1 "
                "AND month BETWEEN 202601 AND 202612"),
      ==, 278100000);
  /* March: 1,200,000 (Salesforce, 03/05/2026 month first) + 262,000 (2026/3/5). */
  g_assert_cmpint (query (f, "SELECT won_amount FROM month_stats WHERE scope_kind = 0 AND scope_id "
                             "= 1 AND month = 202603"),
                   ==, 146200000);
  /* 华东区: 周艳, 张伟, 李娜: 1,200,000 + 96,000 + 262,000 + 88,000 = 1,646,000. */
  g_assert_cmpint (
      query (f, "SELECT sum (won_amount) FROM month_stats m JOIN org_units u ON u.id = m.scope_id "
                "WHERE m.scope_kind = 0 AND u.name = '华东区'"),
      ==, 164600000);
  /* Open today: 480,000 + 260,500.50 + 30,000 + 1,200,000 + 35,000.50 + 64,000 + 18,500. */
  g_assert_cmpint (
      query (f,
             "SELECT sum (open_amount) FROM open_pipeline WHERE scope_kind = 0 AND scope_id = 1"),
      ==, 208800100);
  /* The deal name with a line break inside quotes, from a GB18030 file. */
  g_assert_cmpint (query (f, "SELECT count (*) FROM deals WHERE title = '智慧园区' || char (10) || "
                             "'二期' AND amount = 26200000"),
                   ==, 1);
  /* Three date styles of one file: 2026年2月10日, 2026/04/01, 2026年5月20日. */
  g_assert_cmpint (query (f, "SELECT count (*) FROM deals WHERE source = 'cn-crm' AND created_on "
                             "IN ('2026-02-10', '2026-04-01')"),
                   ==, 2);
  g_assert_cmpint (
      query (f, "SELECT count (*) FROM deals WHERE source = 'cn-crm' AND closed_on = '2026-05-20'"),
      ==, 1);
  /* Lost deals are closed and count for nothing won. */
  g_assert_cmpint (query (f, "SELECT count (*) FROM deals WHERE status = 'lost'"), ==, 3);
  /* Customers named in two files are one customer. */
  g_assert_cmpint (query (f, "SELECT count (*) FROM customers WHERE name = '上海启明软件有限公司'"),
                   ==, 1);
  assert_rollups_match_rebuild (f);
}

static void
test_reimport (Fixture *f, gconstpointer data)
{
  g_autofree char *after = NULL, *newer = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  AttainImportSummary s;
  gint64              audit_before;

  import_org_and_crm_deals (f);
  audit_before = query (f, "SELECT count (*) FROM audit_log");
  s = import_ok (f, ATTAIN_IMPORT_DEALS, "salesforce-opportunities.csv", "salesforce");
  g_assert_cmpuint (s.added, ==, 0);
  g_assert_cmpuint (s.updated, ==, 0);
  g_assert_cmpuint (s.unchanged, ==, 6);
  attain_import_summary_clear (&s);
  /* Only the import's own record is new: one imports row, one audit entry. */
  g_assert_cmpint (query (f, "SELECT count (*) FROM audit_log"), ==, audit_before + 1);

  /* A newer export: the negotiation deal is won on 11/20/2026. */
  {
    g_autofree char *original = fixture ("salesforce-opportunities.csv");
    g_assert_true (g_file_get_contents (original, &text, NULL, NULL));
  }
  {
    g_autoptr (GString) changed = g_string_new (text);
    g_string_replace (
        changed, "\"Negotiation/Review\",\"CNY 480,000.00\",\"75\",\"02/03/2026\",\"11/28/2026\"",
        "\"Closed Won\",\"CNY 480,000.00\",\"100\",\"02/03/2026\",\"11/20/2026\"", 1);
    newer = g_build_filename (f->dir, "salesforce-newer.csv", NULL);
    g_assert_true (g_file_set_contents (newer, changed->str, changed->len, NULL));
  }
  {
    AttainImportOptions options;
    g_autoptr (AttainImportPlan) plan = NULL;
    attain_import_options_init (&options, ATTAIN_IMPORT_DEALS);
    options.as_of = g_strdup ("2026-11-23");
    g_assert_true (attain_import_options_load_preset (&options, f->db, "salesforce", NULL));
    plan = attain_import_prepare (f->db, newer, &options, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (attain_import_apply (f->db, plan, NULL, NULL, NULL, &s, &error));
    g_assert_no_error (error);
    attain_import_options_clear (&options);
  }
  g_assert_cmpuint (s.updated, ==, 1);
  g_assert_cmpuint (s.unchanged, ==, 5);
  attain_import_summary_clear (&s);
  /* The stage move is an entry in the deal's history, dated by the file. */
  g_assert_cmpint (
      query (f, "SELECT count (*) FROM deal_stage_history h JOIN deals d ON d.id = h.deal_id "
                "JOIN stages s ON s.id = h.stage_id WHERE d.external_id = '0065g00000AbCdF' "
                "AND s.key = 'won' AND h.entered_on = '2026-11-20'"),
      ==, 1);
  g_assert_cmpint (query (f, "SELECT won_amount FROM month_stats WHERE scope_kind = 0 AND scope_id "
                             "= 1 AND month = 202611"),
                   ==, 48000000);
  assert_rollups_match_rebuild (f);

  /* Undo takes the newer export back as a whole. */
  g_assert_true (attain_import_undo_last (f->db, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (
      query (f, "SELECT count (*) FROM deal_stage_history h JOIN deals d ON d.id = h.deal_id "
                "JOIN stages s ON s.id = h.stage_id WHERE d.external_id = '0065g00000AbCdF' AND "
                "s.key = 'won'"),
      ==, 0);
  g_assert_cmpint (query (f, "SELECT count (*) FROM month_stats WHERE scope_kind = 0 AND scope_id "
                             "= 1 AND month = 202611 AND won_amount > 0"),
                   ==, 0);
  after = attain_test_database_digest (f->db);
  /* Back to the state before the newer export, but for the two imports' own records. */
  g_assert_cmpint (query (f, "SELECT count (*) FROM imports WHERE undone_at IS NOT NULL"), ==, 1);
  assert_rollups_match_rebuild (f);
}

static void
test_broken_file (Fixture *f, gconstpointer data)
{
  g_autofree char *path = fixture ("broken-deals.csv");
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainImportPlan) plan = NULL;
  AttainImportOptions options;
  AttainImportSummary s = { 0 };
  GPtrArray          *problems;
  guint               expected_lines[] = { 3, 4, 5, 7, 8 };

  s = import_ok (f, ATTAIN_IMPORT_ORG, "org.csv", NULL);
  attain_import_summary_clear (&s);
  before = attain_test_database_digest (f->db);

  attain_import_options_init (&options, ATTAIN_IMPORT_DEALS);
  plan = attain_import_prepare (f->db, path, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  problems = attain_import_plan_get_problems (plan);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected_lines));
  for (guint i = 0; i < problems->len; i++)
    {
      AttainImportProblem *p = g_ptr_array_index (problems, i);
      g_test_message ("%s", p->message);
      g_assert_cmpuint (p->line, ==, expected_lines[i]);
    }
  g_assert_cmpstr (((AttainImportProblem *) g_ptr_array_index (problems, 0))->message, ==,
                   "Line 3, 负责人: no salesperson named “不存在的人”. Add them to the "
                   "organisation or correct the name.");
  g_assert_nonnull (strstr (((AttainImportProblem *) g_ptr_array_index (problems, 1))->message,
                            "“十二万” is not a number"));
  /* The record with a line break in its customer starts on line 5; its date is impossible. */
  g_assert_nonnull (
      strstr (((AttainImportProblem *) g_ptr_array_index (problems, 2))->message, "2026-02-30"));
  g_assert_cmpuint (attain_import_plan_get_unmapped (plan)->len, ==, 1);
  g_assert_nonnull (
      strstr (((AttainImportProblem *) g_ptr_array_index (problems, 4))->message, "line 2"));

  /* Whole or not at all: applying refuses, and not a byte of the database changed. */
  g_assert_false (attain_import_apply (f->db, plan, NULL, NULL, NULL, &s, &error));
  g_assert_error (error, ATTAIN_IMPORT_ERROR, ATTAIN_IMPORT_ERROR_REJECTED_ROWS);
  attain_import_summary_clear (&s);
  after = attain_test_database_digest (f->db);
  g_assert_cmpstr (before, ==, after);

  /* Mapping the unknown stage is what the mapping step does; the row is then accepted. */
  attain_import_options_set_value (&options, "stage", "已搁置", "negotiation");
  g_clear_pointer (&plan, attain_import_plan_free);
  plan = attain_import_prepare (f->db, path, &options, NULL, NULL, NULL, &error);
  g_assert_cmpuint (attain_import_plan_get_problems (plan)->len, ==, 4);
  attain_import_options_clear (&options);
}

static void
test_targets_grid (Fixture *f, gconstpointer data)
{
  AttainImportSummary s = import_ok (f, ATTAIN_IMPORT_ORG, "org.csv", NULL);
  attain_import_summary_clear (&s);
  s = import_ok (f, ATTAIN_IMPORT_TARGETS, "targets-2026.xlsx", NULL);
  /* 3 people × 12 months; the 合计 row and the 全年合计 column are not targets. */
  g_assert_cmpuint (s.added, ==, 36);
  g_assert_cmpuint (s.skipped, ==, 1);
  attain_import_summary_clear (&s);
  /* Amounts in 万元 (the title row says so): 周艳 12 × 10 = 120 万; 张伟 117 万; 陈静 60 万. */
  g_assert_cmpint (query (f, "SELECT sum (target) FROM goals g JOIN people p ON p.id = "
                             "g.owner_person_id WHERE p.employee_no = 'E003'"),
                   ==, 120000000);
  g_assert_cmpint (query (f, "SELECT target FROM goals g JOIN people p ON p.id = g.owner_person_id "
                             "WHERE p.employee_no = 'E004' AND g.period_start = '2026-11-01'"),
                   ==, 12500000);
  g_assert_cmpint (query (f, "SELECT sum (target) FROM month_goals WHERE scope_kind = 0 AND "
                             "scope_id = 1 AND metric = 'revenue'"),
                   ==, 297000000);
  /* Imported targets are proposals until agreed. */
  g_assert_cmpint (query (f, "SELECT count (*) FROM goals WHERE agreed_on IS NULL"), ==, 36);
  assert_rollups_match_rebuild (f);
}

static void
test_activity_files_figures (Fixture *f, gconstpointer data)
{
  AttainImportSummary s = import_ok (f, ATTAIN_IMPORT_ORG, "org.csv", NULL);
  sqlite3_stmt       *stmt = NULL;

  attain_import_summary_clear (&s);
  s = import_ok (f, ATTAIN_IMPORT_ACTIVITIES, "activities.csv", NULL);
  attain_import_summary_clear (&s);
  s = import_ok (f, ATTAIN_IMPORT_FEEDBACK, "feedback.csv", NULL);
  attain_import_summary_clear (&s);
  s = import_ok (f, ATTAIN_IMPORT_MARKET, "market.csv", NULL);
  attain_import_summary_clear (&s);

  /* 周艳 in March: visits to an A and a B customer (weights 3 + 2) and one call. */
  stmt = attain_db_prepare_uncached (
      f->db,
      "SELECT visits, weighted_visits, activities, surveys, promoters, detractors "
      "FROM month_stats m JOIN people p ON p.id = m.scope_id "
      "WHERE m.scope_kind = 1 AND p.employee_no = ?1 AND month = 202603",
      NULL);
  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, "E003", -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 5);
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 3);
  /* Two surveys, recommend 10 and 9: two promoters, no detractor. */
  g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, 2);
  g_assert_cmpint (sqlite3_column_int (stmt, 4), ==, 2);
  g_assert_cmpint (sqlite3_column_int (stmt, 5), ==, 0);
  sqlite3_reset (stmt);
  /* 张伟: a demo, an email and a visit to a C customer; one survey (recommend 3) and a
   * complaint resolved in 4 days. */
  sqlite3_bind_text (stmt, 1, "E004", -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 3);
  g_assert_cmpint (sqlite3_column_int (stmt, 5), ==, 1);
  sqlite3_finalize (stmt);
  g_assert_cmpint (
      query (f, "SELECT complaints * 1000 + resolution_days FROM month_stats m JOIN people p "
                "ON p.id = m.scope_id WHERE m.scope_kind = 1 AND p.employee_no = 'E004' AND month "
                "= 202603"),
      ==, 1004);
  /* Market size 500 万元 for 华东区 in March. */
  g_assert_cmpint (query (f,
                          "SELECT amount FROM market_size m JOIN org_units u ON u.id = m.unit_id "
                          "WHERE u.name = '华东区' AND month = 202603"),
                   ==, 500000000);
  assert_rollups_match_rebuild (f);
}

static void
test_signed_off_period (Fixture *f, gconstpointer data)
{
  g_autofree char *path = fixture ("cn-crm-deals-gb18030.csv");
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainImportPlan) plan = NULL;
  AttainImportOptions options;
  AttainImportSummary s = import_ok (f, ATTAIN_IMPORT_ORG, "org.csv", NULL);

  attain_import_summary_clear (&s);
  g_assert_true (attain_db_exec (
      f->db,
      "INSERT INTO reviews (person_id, period_kind, period_start, period_end, signed_off_at) "
      "SELECT id, 'quarter', '2026-01-01', '2026-03-31', '2026-04-10T10:00:00Z' "
      "FROM people WHERE employee_no = 'E003'",
      NULL));
  attain_import_options_init (&options, ATTAIN_IMPORT_DEALS);
  g_assert_true (attain_import_options_load_preset (&options, f->db, "cn-crm", NULL));
  plan = attain_import_prepare (f->db, path, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  /* CN-001 of 周艳 was won on 2026-03-05, inside her signed-off Q1. */
  g_assert_cmpuint (attain_import_plan_get_problems (plan)->len, ==, 1);
  g_assert_cmpuint (
      ((AttainImportProblem *) g_ptr_array_index (attain_import_plan_get_problems (plan), 0))->line,
      ==, 4);
  g_clear_pointer (&plan, attain_import_plan_free);
  options.allow_locked = TRUE;
  plan = attain_import_prepare (f->db, path, &options, NULL, NULL, NULL, &error);
  g_assert_cmpuint (attain_import_plan_get_problems (plan)->len, ==, 0);
  attain_import_options_clear (&options);
}

static void
test_missing_people_listed (Fixture *f, gconstpointer data)
{
  g_autofree char *text = NULL;
  g_autofree char *newer = g_build_filename (f->dir, "org-newer.csv", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainImportPlan) plan = NULL;
  AttainImportOptions options;
  AttainImportSummary s = import_ok (f, ATTAIN_IMPORT_ORG, "org.csv", NULL);
  gboolean            listed = FALSE;

  attain_import_summary_clear (&s);
  {
    g_autofree char *original = fixture ("org.csv");
    g_assert_true (g_file_get_contents (original, &text, NULL, NULL));
  }
  {
    /* A newer HR export without John Smith, and 陈静 promoted. */
    g_autoptr (GString) changed = g_string_new (text);
    g_string_replace (
        changed, "E008,John Smith,Sales Representative,华北一组,华北区,E005,2025-03-03,\n", "", 1);
    g_string_replace (changed, "E006,陈静,销售代表", "E006,陈静,高级销售代表", 1);
    g_assert_true (g_file_set_contents (newer, changed->str, changed->len, NULL));
  }
  attain_import_options_init (&options, ATTAIN_IMPORT_ORG);
  plan = attain_import_prepare (f->db, newer, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (attain_import_apply (f->db, plan, NULL, NULL, NULL, &s, &error));
  g_assert_cmpuint (s.updated, ==, 1);
  g_assert_cmpuint (s.unchanged, ==, 6);
  for (guint i = 0; i < s.notes->len; i++)
    listed |= strstr (g_ptr_array_index (s.notes, i), "John Smith (E008)") != NULL;
  g_assert_true (listed);
  /* Listed, never deleted. */
  g_assert_cmpint (query (f, "SELECT active FROM people WHERE employee_no = 'E008'"), ==, 1);
  g_assert_cmpint (query (f, "SELECT rank FROM positions p JOIN people e ON e.position_id = p.id "
                             "WHERE e.employee_no = 'E006'"),
                   ==, 2);
  attain_import_summary_clear (&s);
  attain_import_options_clear (&options);
}

static void
test_no_header (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "noise.csv", NULL);
  g_autoptr (GError) error = NULL;
  AttainImportOptions options;
  AttainImportPlan   *plan;

  g_assert_true (g_file_set_contents (path, "foo,bar\n1,2\n", -1, NULL));
  attain_import_options_init (&options, ATTAIN_IMPORT_DEALS);
  plan = attain_import_prepare (f->db, path, &options, NULL, NULL, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, ATTAIN_IMPORT_ERROR, ATTAIN_IMPORT_ERROR_NO_HEADER);
  g_clear_error (&error);

  /* A header with a stage but no amount says which column is missing. */
  g_assert_true (g_file_set_contents (path, "负责人,客户名称,阶段\n周艳,甲,赢单\n", -1, NULL));
  plan = attain_import_prepare (f->db, path, &options, NULL, NULL, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, ATTAIN_IMPORT_ERROR, ATTAIN_IMPORT_ERROR_MISSING_COLUMN);
  g_assert_nonnull (strstr (error->message, "Amount"));
  attain_import_options_clear (&options);
}

static void
test_backup_restore (Fixture *f, gconstpointer data)
{
  g_autofree char *backup = g_build_filename (f->dir, "backup.db", NULL);
  g_autofree char *garbage = g_build_filename (f->dir, "garbage.db", NULL);
  g_autofree char *kept = NULL, *digest = NULL, *after = NULL;
  g_autoptr (GError) error = NULL;
  AttainImportSummary s = import_ok (f, ATTAIN_IMPORT_ORG, "org.csv", NULL);
  GStatBuf            st;

  attain_import_summary_clear (&s);
  digest = attain_test_database_digest (f->db);
  g_assert_true (attain_db_backup (f->db, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  s = import_ok (f, ATTAIN_IMPORT_DEALS, "odoo-crm.csv", "odoo");
  attain_import_summary_clear (&s);
  g_assert_cmpint (query (f, "SELECT count (*) FROM deals"), ==, 3);

  /* A file that is not a database is refused and nothing changes. */
  g_assert_true (g_file_set_contents (garbage, "not a database at all, just text", -1, NULL));
  g_assert_false (attain_db_restore (f->db, garbage, &kept, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (query (f, "SELECT count (*) FROM deals"), ==, 3);

  g_assert_true (attain_db_restore (f->db, backup, &kept, &error));
  g_assert_no_error (error);
  after = attain_test_database_digest (f->db);
  g_assert_cmpstr (after, ==, digest);
  /* What was replaced is kept beside the file. */
  g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_stat (kept, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* kill -9 of the CLI in the middle of an import of a few thousand rows: after reopening,
 * every table is as before, or (if the import had committed) as after a whole import. */
static void
test_kill_during_import (Fixture *f, gconstpointer data)
{
  const char      *cli = g_getenv ("ATTAIN_CLI");
  g_autofree char *csv = g_build_filename (f->dir, "many.csv", NULL);
  g_autofree char *before = NULL;
  g_autoptr (GString) text
      = g_string_new ("商机编号,负责人,客户名称,销售阶段,金额,创建时间,结单日期\n");
  AttainImportSummary s = import_ok (f, ATTAIN_IMPORT_ORG, "org.csv", NULL);
  static const char  *owners[] = { "周艳", "张伟", "陈静", "刘洋", "李娜" };
  guint               delays_ms[] = { 5, 40, 120, 250, 400, 550 };
  guint               killed = 0;

  if (cli == NULL)
    {
      g_test_skip ("ATTAIN_CLI is not set");
      return;
    }
  attain_import_summary_clear (&s);
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (text, "K-%u,%s,客户%u有限公司,%s,%u,2026-%02u-01,%s\n", i,
                            owners[i % 5], i % 700, i % 3 ? "赢单" : "商务谈判", 1000 + i,
                            1 + i % 9, i % 3 ? "2026-10-15" : "");
  g_assert_true (g_file_set_contents (csv, text->str, text->len, NULL));
  attain_db_close (f->db);
  f->db = attain_db_open (f->path, NULL);
  before = attain_test_database_digest (f->db);
  attain_db_close (f->db);
  f->db = NULL;

  for (guint k = 0; k < G_N_ELEMENTS (delays_ms); k++)
    {
      const char *argv[] = { cli, "--database", f->path, "import", "deals", csv, "-q", NULL };
      g_autoptr (GError) error = NULL;
      g_autofree char *now = NULL;
      GPid             pid;
      int              status;
      AttainDb        *db;

      g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                    G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                                    NULL, &pid, &error));
      g_usleep (delays_ms[k] * 1000);
      if (kill (pid, SIGKILL) == 0)
        killed++;
      waitpid (pid, &status, 0);
      g_spawn_close_pid (pid);

      db = attain_db_open (f->path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (
          attain_test_query_int (
              db, "SELECT count (*) = 0 FROM pragma_integrity_check WHERE integrity_check <> 'ok'"),
          ==, 1);
      now = attain_test_database_digest (db);
      if (attain_test_query_int (db, "SELECT count (*) FROM imports WHERE kind = 'deals'") == 0)
        g_assert_cmpstr (now, ==, before);
      else
        {
          /* It finished before the kill: all 20,000 deals, never part of them. */
          g_assert_cmpint (attain_test_query_int (db, "SELECT count (*) FROM deals"), ==, 20000);
          attain_db_close (db);
          break;
        }
      attain_db_close (db);
    }
  g_test_message ("killed %u imports", killed);
  f->db = attain_db_open (f->path, NULL);
}

static gint64
person_id (Fixture *f, const char *employee_no)
{
  g_autofree char *sql
      = g_strdup_printf ("SELECT id FROM people WHERE employee_no = '%s'", employee_no);
  return query (f, sql);
}

static gint64
unit_id (Fixture *f, const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM org_units WHERE name = '%s'", name);
  return query (f, sql);
}

/* A move keeps the history where it was earned; a handover moves the open deals, dated. */
static void
test_people_by_hand (Fixture *f, gconstpointer data)
{
  AttainImportSummary s = import_ok (f, ATTAIN_IMPORT_ORG, "org.csv", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) people = NULL;
  gint64   zhou, zhang, li, east_team, north_team, added;
  guint    handed = 0;
  gboolean found = FALSE;

  attain_import_summary_clear (&s);
  s = import_ok (f, ATTAIN_IMPORT_DEALS, "cn-crm-deals-gb18030.csv", "cn-crm");
  attain_import_summary_clear (&s);
  zhou = person_id (f, "E003");
  zhang = person_id (f, "E004");
  li = person_id (f, "E002");
  east_team = unit_id (f, "华东一组");
  north_team = unit_id (f, "华北一组");

  /* 周艳 moves to 华北一组 from July. Her March win (262,000) stays with 华东区. */
  g_assert_true (attain_person_move (f->db, zhou, east_team, north_team, "2026-07-01", &error));
  g_assert_no_error (error);
  g_assert_cmpint (
      query (f, "SELECT won_amount FROM month_stats m JOIN org_units u ON u.id = m.scope_id "
                "WHERE m.scope_kind = 0 AND u.name = '华东区' AND month = 202603"),
      ==, 26200000);
  g_assert_cmpint (
      query (f,
             "SELECT count (*) FROM month_stats m JOIN org_units u ON u.id = m.scope_id "
             "WHERE m.scope_kind = 0 AND u.name = '华北区' AND month = 202603 AND won_amount > 0"),
      ==, 0);
  assert_rollups_match_rebuild (f);

  /* The old team's Q1 ranking still lists her with her win; in Q4 she ranks in the new team. */
  {
    AttainScope  east = { ATTAIN_SCOPE_UNIT, east_team }, north = { ATTAIN_SCOPE_UNIT, north_team };
    AttainPeriod q1 = { ATTAIN_PERIOD_QUARTER, 2026, 1, 1 },
                 q4 = { ATTAIN_PERIOD_QUARTER, 2026, 4, 1 };
    GDate    today;
    gboolean in_east_q1 = FALSE, in_east_q4 = FALSE, in_north_q4 = FALSE;
    g_autoptr (AttainDashboard) a = NULL, b = NULL, c = NULL;

    attain_test_date (&today, "2026-11-23");
    a = attain_dashboard_load (f->db, &east, &q1, &today, &error);
    b = attain_dashboard_load (f->db, &east, &q4, &today, &error);
    c = attain_dashboard_load (f->db, &north, &q4, &today, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < a->ranking->len; i++)
      {
        AttainRankingRow *row = g_ptr_array_index (a->ranking, i);
        if (row->scope.id == zhou)
          {
            in_east_q1 = TRUE;
            g_assert_cmpfloat (row->actual, ==, 26200000);
          }
      }
    for (guint i = 0; i < b->ranking->len; i++)
      in_east_q4 |= ((AttainRankingRow *) g_ptr_array_index (b->ranking, i))->scope.id == zhou;
    for (guint i = 0; i < c->ranking->len; i++)
      in_north_q4 |= ((AttainRankingRow *) g_ptr_array_index (c->ranking, i))->scope.id == zhou;
    g_assert_true (in_east_q1);
    g_assert_false (in_east_q4);
    g_assert_true (in_north_q4);
  }

  /* What the window showed is no longer on disk: the second move is refused, nothing written. */
  g_assert_false (attain_person_move (f->db, zhou, east_team, north_team, "2026-08-01", &error));
  g_assert_error (error, ATTAIN_PEOPLE_ERROR, ATTAIN_PEOPLE_ERROR_CHANGED);
  g_clear_error (&error);
  g_assert_cmpint (query (f, "SELECT count (*) FROM person_units WHERE person_id = (SELECT id FROM "
                             "people WHERE employee_no = 'E003')"),
                   ==, 2);

  /* 张伟 leaves; his open 仓储物联网 (1,200,000) goes to 李娜. */
  g_assert_true (
      attain_person_mark_left (f->db, zhang, "2026-11-30", li, "2026-11-23", &handed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (handed, ==, 1);
  g_assert_cmpint (query (f, "SELECT sum (open_amount) FROM open_pipeline WHERE scope_kind = 1 AND "
                             "scope_id = (SELECT id FROM people WHERE employee_no = 'E002')"),
                   ==, 120000000);
  g_assert_cmpint (query (f, "SELECT count (*) FROM audit_log WHERE entity = 'deal' AND reason = "
                             "'handover 2026-11-30'"),
                   ==, 1);
  assert_rollups_match_rebuild (f);
  g_assert_false (
      attain_person_mark_left (f->db, zhang, "2026-12-01", 0, "2026-11-23", NULL, &error));
  g_assert_error (error, ATTAIN_PEOPLE_ERROR, ATTAIN_PEOPLE_ERROR_CHANGED);
  g_clear_error (&error);

  /* 张伟 left on 2026-11-30, after "today": active until that day comes. */
  g_assert_cmpint (query (f, "SELECT active FROM people WHERE employee_no = 'E004'"), ==, 1);
  g_assert_true (attain_people_apply_leave_dates (f->db, "2026-11-30", &error));
  g_assert_cmpint (query (f, "SELECT active FROM people WHERE employee_no = 'E004'"), ==, 0);

  /* A new person, then their duplicate employee number refused. */
  g_assert_true (attain_person_add (f->db, "赵磊", "E009", north_team,
                                    query (f, "SELECT id FROM positions WHERE rank = 1"),
                                    "2026-11-01", &added, &error));
  g_assert_no_error (error);
  g_assert_false (attain_person_add (f->db, "钱多", "E009", north_team,
                                     query (f, "SELECT id FROM positions WHERE rank = 1"),
                                     "2026-11-01", NULL, &error));
  g_assert_error (error, ATTAIN_PEOPLE_ERROR, ATTAIN_PEOPLE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "赵磊"));
  g_clear_error (&error);

  /* Search by pinyin initials, full pinyin and employee number. */
  people = attain_people_list (f->db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < people->len; i++)
    {
      AttainPerson *p = g_ptr_array_index (people, i);
      if (attain_person_matches (p, "zy"))
        {
          g_assert_cmpstr (p->name, ==, "周艳");
          found = TRUE;
        }
      if (g_str_equal (p->name, "赵磊"))
        {
          g_assert_true (attain_person_matches (p, "zhaolei"));
          g_assert_true (attain_person_matches (p, "E009"));
          g_assert_false (attain_person_matches (p, "zy"));
        }
    }
  g_assert_true (found);
}

/* The organisation exported as CSV and XLSX imports again with nothing changed; the deals
 * sheet carries amounts in yuan and real dates. */
static void
test_export_round_trip (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = g_build_filename (f->dir, "org-export.csv", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "org-export.xlsx", NULL);
  g_autofree char *deals = g_build_filename (f->dir, "deals-export.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainTable) org = NULL;
  g_autoptr (AttainTable) deal_table = NULL;
  const char         *files[] = { csv, xlsx };
  AttainImportSummary s = import_ok (f, ATTAIN_IMPORT_ORG, "org.csv", NULL);
  GStatBuf            st;

  attain_import_summary_clear (&s);
  s = import_ok (f, ATTAIN_IMPORT_DEALS, "cn-crm-deals-gb18030.csv", "cn-crm");
  attain_import_summary_clear (&s);
  org = attain_export_org (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (attain_table_write_csv (org, csv, &error));
  g_assert_true (attain_table_write_xlsx (org, xlsx, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (xlsx, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr (AttainImportPlan) plan = NULL;
      AttainImportOptions options;
      attain_import_options_init (&options, ATTAIN_IMPORT_ORG);
      options.as_of = g_strdup ("2026-11-23");
      plan = attain_import_prepare (f->db, files[i], &options, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (attain_import_plan_get_problems (plan)->len, ==, 0);
      g_assert_true (attain_import_apply (f->db, plan, NULL, NULL, NULL, &s, &error));
      g_assert_cmpuint (s.unchanged, ==, 8);
      g_assert_cmpuint (s.added + s.updated, ==, 0);
      attain_import_summary_clear (&s);
      attain_import_options_clear (&options);
    }

  deal_table = attain_export_deals (f->db, &error);
  g_assert_true (attain_table_write_csv (deal_table, deals, &error));
  g_assert_true (g_file_get_contents (deals, &text, NULL, NULL));
  /* BOM, the won deal in yuan with two decimals, the name with its line break quoted. */
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  g_assert_nonnull (strstr (text, "CN-001,\"智慧园区\n二期\",E003,周艳,上海启明软件有限公司,A,,Won,"
                                  "262000.00,0.00,2026-01-05,,2026-03-05"));
}

/* A 100,000-character name exported as Excel: the cell holds 32,767 characters ending in the
 * visible marker (libxlsxwriter left it empty), and the export says one text was cut. */
static void
test_export_long_text (Fixture *f, gconstpointer data)
{
  g_autofree char *xlsx = g_build_filename (f->dir, "long.xlsx", NULL);
  g_autofree char *long_name = g_strnfill (100000, 'L');
  g_autofree char *update
      = g_strdup_printf ("UPDATE people SET name = '%s' WHERE employee_no = 'E003'", long_name);
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainTable) org = NULL;
  g_autoptr (AttainSheet) sheet = NULL;
  g_autofree char    *notice = NULL;
  AttainImportSummary s = import_ok (f, ATTAIN_IMPORT_ORG, "org.csv", NULL);
  gboolean            found = FALSE;

  attain_import_summary_clear (&s);
  g_assert_true (attain_db_exec (f->db, update, &error));
  org = attain_export_org (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (attain_table_write_xlsx (org, xlsx, &error));
  g_assert_no_error (error);
  notice = attain_table_cut_notice (org);
  g_assert_nonnull (notice);
  g_assert_true (g_str_has_prefix (notice, "1 text was longer than an Excel cell holds"));

  sheet = attain_xlsx_read (xlsx, 0, &error);
  g_assert_no_error (error);
  for (guint r = 0; r < sheet->rows->len; r++)
    {
      AttainSheetRow *row = g_ptr_array_index (sheet->rows, r);
      for (guint c = 0; c < row->n_cells; c++)
        if (g_str_has_prefix (row->cells[c], "LLLL"))
          {
            g_assert_cmpint (g_utf8_strlen (row->cells[c], -1), ==, 32767);
            g_assert_true (
                g_str_has_suffix (row->cells[c], "… [cut: longer than an Excel cell holds]"));
            found = TRUE;
          }
    }
  g_assert_true (found);
}

static void
test_settings (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  AttainImportSummary s = import_ok (f, ATTAIN_IMPORT_ORG, "org.csv", NULL);

  attain_import_summary_clear (&s);
  s = import_ok (f, ATTAIN_IMPORT_ACTIVITIES, "activities.csv", NULL);
  attain_import_summary_clear (&s);
  /* 周艳's March visits: an A and a B customer, 3 + 2 by default; with A weighing 5, 5 + 2. */
  g_assert_true (attain_settings_set_int (f->db, "tier_weight_a", 5, &error));
  g_assert_no_error (error);
  g_assert_cmpint (
      query (f, "SELECT weighted_visits FROM month_stats m JOIN people p ON p.id = m.scope_id "
                "WHERE m.scope_kind = 1 AND p.employee_no = 'E003' AND month = 202603"),
      ==, 7);
  g_assert_false (attain_settings_set_int (f->db, "tier_weight_a", 101, &error));
  g_assert_error (error, ATTAIN_SETTINGS_ERROR, ATTAIN_SETTINGS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (attain_settings_set_int (f->db, "fiscal_year_start_month", 13, &error));
  g_clear_error (&error);
  g_assert_false (attain_settings_set_currency (f->db, "yuan", &error));
  g_clear_error (&error);
  g_assert_true (attain_settings_set_company_name (f->db, "星河集团", &error));
  g_assert_cmpint (
      query (f, "SELECT count (*) FROM org_units WHERE kind = 'company' AND name = '星河集团'"), ==,
      1);
  /* A file with a company is not set up again. */
  g_assert_false (attain_setup_company (f->db, "另一家", NULL, "一组", &error));
  g_assert_error (error, ATTAIN_SETTINGS_ERROR, ATTAIN_SETTINGS_ERROR_INVALID);
  assert_rollups_match_rebuild (f);
}

/* A correction typed by hand for a deal that came from a CRM updates that deal. */
static void
test_record_correction (Fixture *f, gconstpointer data)
{
  g_autoptr (GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  AttainImportSummary s = import_ok (f, ATTAIN_IMPORT_ORG, "org.csv", NULL);

  attain_import_summary_clear (&s);
  s = import_ok (f, ATTAIN_IMPORT_DEALS, "cn-crm-deals-gb18030.csv", "cn-crm");
  attain_import_summary_clear (&s);
  g_hash_table_insert (values, "external_id", "CN-002");
  g_hash_table_insert (values, "owner_no", "E004");
  g_hash_table_insert (values, "customer", "苏州精工制造有限公司");
  g_hash_table_insert (values, "stage", "won");
  g_hash_table_insert (values, "amount", "1,150,000");
  g_hash_table_insert (values, "created_on", "2026-02-10");
  g_hash_table_insert (values, "closed_on", "2026-11-20");
  g_assert_true (
      attain_record_add (f->db, ATTAIN_IMPORT_DEALS, values, "2026-11-23", &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query (f, "SELECT count (*) FROM deals WHERE external_id = 'CN-002'"), ==, 1);
  g_assert_cmpint (
      query (f, "SELECT amount FROM deals WHERE external_id = 'CN-002' AND status = 'won'"), ==,
      115000000);
  assert_rollups_match_rebuild (f);

  g_hash_table_insert (values, "closed_on", "2026-13-01");
  g_assert_false (
      attain_record_add (f->db, ATTAIN_IMPORT_DEALS, values, "2026-11-23", &problems, &error));
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "2026-13-01"));
  g_assert_null (strstr (g_ptr_array_index (problems, 0), "Line"));
}

/* A won deal a newer export calls lost, and a refund: dated rows in the month they happened;
 * the month of the win keeps its figure, and so does a signed-off review's quarter. */
static void
test_reversals (Fixture *f, gconstpointer data)
{
  g_autofree char *text = NULL, *path = fixture ("cn-crm-deals-gb18030.csv"), *newer = NULL;
  g_autofree char *refunds = g_build_filename (f->dir, "refunds.csv", NULL);
  g_autoptr (GError) error = NULL;
  AttainImportSummary s = import_ok (f, ATTAIN_IMPORT_ORG, "org.csv", NULL);
  const char *march = "SELECT won_amount FROM month_stats m JOIN people p ON p.id = m.scope_id "
                      "WHERE m.scope_kind = 1 "
                      "AND p.employee_no = 'E003' AND month = 202603";
  const char *november = "SELECT won_amount FROM month_stats m JOIN people p ON p.id = m.scope_id "
                         "WHERE m.scope_kind = 1 "
                         "AND p.employee_no = 'E003' AND month = 202611";

  attain_import_summary_clear (&s);
  s = import_ok (f, ATTAIN_IMPORT_DEALS, "cn-crm-deals-gb18030.csv", "cn-crm");
  attain_import_summary_clear (&s);
  /* 周艳's Q1 is signed off: the reversal in November still comes in, and Q1 keeps its win. */
  g_assert_true (attain_db_exec (
      f->db,
      "INSERT INTO reviews (person_id, period_kind, period_start, period_end, signed_off_at) "
      "SELECT id, 'quarter', '2026-01-01', '2026-03-31', '2026-04-10T10:00:00Z' "
      "FROM people WHERE employee_no = 'E003'",
      NULL));
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  {
    g_autofree char *utf8 = g_convert (text, -1, "UTF-8", "GB18030", NULL, NULL, NULL);
    g_autoptr (GString) changed = g_string_new (utf8);
    AttainImportOptions options;
    g_autoptr (AttainImportPlan) plan = NULL;

    g_string_replace (changed, "重要客户,赢单,26.2,2026-01-05,2026/3/5",
                      "重要客户,输单,26.2,2026-01-05,2026-11-10", 1);
    newer = g_build_filename (f->dir, "cn-newer.csv", NULL);
    g_assert_true (g_file_set_contents (newer, changed->str, changed->len, NULL));
    attain_import_options_init (&options, ATTAIN_IMPORT_DEALS);
    options.as_of = g_strdup ("2026-11-23");
    g_assert_true (attain_import_options_load_preset (&options, f->db, "cn-crm", NULL));
    plan = attain_import_prepare (f->db, newer, &options, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (attain_import_plan_get_problems (plan)->len, ==, 0);
    g_assert_true (attain_import_apply (f->db, plan, NULL, NULL, NULL, &s, &error));
    g_assert_cmpuint (s.updated, ==, 1);
    attain_import_summary_clear (&s);
    attain_import_options_clear (&options);
  }
  g_assert_cmpint (query (f, march), ==, 26200000);
  g_assert_cmpint (query (f, november), ==, -26200000);
  g_assert_cmpint (
      query (f, "SELECT count (*) FROM deal_reversals WHERE reversed_on = '2026-11-10'"), ==, 1);
  assert_rollups_match_rebuild (f);

  /* A refund of 50,000 in September, as a negative amount collected. */
  g_assert_true (g_file_set_contents (refunds,
                                      "回款编号,负责人,关联商机,回款金额,回款日期\n"
                                      "R-1,周艳,CN-001,\"-50,000\",2026-09-01\n",
                                      -1, NULL));
  {
    AttainImportOptions options;
    g_autoptr (AttainImportPlan) plan = NULL;
    attain_import_options_init (&options, ATTAIN_IMPORT_COLLECTIONS);
    plan = attain_import_prepare (f->db, refunds, &options, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (attain_import_plan_get_problems (plan)->len, ==, 0);
    g_assert_true (attain_import_apply (f->db, plan, NULL, NULL, NULL, &s, &error));
    attain_import_summary_clear (&s);
    attain_import_options_clear (&options);
  }
  g_assert_cmpint (query (f, "SELECT collected FROM month_stats m JOIN people p ON p.id = "
                             "m.scope_id WHERE m.scope_kind = 1 "
                             "AND p.employee_no = 'E003' AND month = 202609"),
                   ==, -5000000);
  assert_rollups_match_rebuild (f);
  g_assert_true (attain_import_undo_last (f->db, NULL, &error));
  g_assert_cmpint (query (f, "SELECT count (*) FROM refunds"), ==, 0);
}

/* A GBK file with a broken byte on line 3, and a name of 2,000 characters: each is named by its
 * line, and nothing is read past the broken byte. */
static void
test_hostile_files (Fixture *f, gconstpointer data)
{
  g_autofree char *gbk = g_build_filename (f->dir, "broken-gbk.csv", NULL);
  g_autofree char *long_name = g_build_filename (f->dir, "long-name.csv", NULL);
  g_autofree char *header
      = g_convert ("工号,姓名,团队\nE1,王五,一组\n", -1, "GB18030", "UTF-8", NULL, NULL, NULL);
  g_autoptr (GString) bytes = g_string_new (header);
  g_autoptr (GString) name = g_string_new ("工号,姓名,团队\nE1,");
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainImportPlan) plan = NULL;
  AttainImportOptions options;

  g_string_append (bytes, "E2,\x80\x80,x\n");
  g_assert_true (g_file_set_contents (gbk, bytes->str, bytes->len, NULL));
  attain_import_options_init (&options, ATTAIN_IMPORT_ORG);
  options.company_name = g_strdup ("X");
  plan = attain_import_prepare (f->db, gbk, &options, NULL, NULL, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, ATTAIN_SHEET_ERROR, ATTAIN_SHEET_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "3"));
  g_clear_error (&error);

  for (int i = 0; i < 2000; i++)
    g_string_append (name, "长");
  g_string_append (name, ",一组\n");
  g_assert_true (g_file_set_contents (long_name, name->str, name->len, NULL));
  plan = attain_import_prepare (f->db, long_name, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attain_import_plan_get_problems (plan)->len, ==, 1);
  g_assert_cmpuint (
      ((AttainImportProblem *) g_ptr_array_index (attain_import_plan_get_problems (plan), 0))->line,
      ==, 2);
  attain_import_options_clear (&options);
  g_assert_cmpint (query (f, "SELECT count (*) FROM people"), ==, 0);
}

/* The shell prints the same rows as the window and exits 1 when any row is rejected. */
static void
test_cli_import (Fixture *f, gconstpointer data)
{
  const char      *cli = g_getenv ("ATTAIN_CLI");
  g_autofree char *org = fixture ("org.csv"), *broken = fixture ("broken-deals.csv");
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root;
  int         status;

  if (cli == NULL)
    {
      g_test_skip ("ATTAIN_CLI is not set");
      return;
    }
  attain_db_close (f->db);
  {
    const char *argv[] = { cli,         "--database",       f->path, "import", "org", org,
                           "--company", "星河科技有限公司", NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                                 &err, &status, &error));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (out, "8 added"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *argv[] = { cli, "--database", f->path, "import", "deals", broken, "--json", NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                                 &err, &status, &error));
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 1);
    g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
    root = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpint (json_object_get_int_member (root, "rejected"), ==, 5);
    g_assert_false (json_object_get_boolean_member (root, "written"));
    g_assert_cmpint (
        json_object_get_int_member (
            json_array_get_object_element (json_object_get_array_member (root, "problems"), 0),
            "line"),
        ==, 3);
  }
  f->db = attain_db_open (f->path, NULL);
  g_assert_cmpint (query (f, "SELECT count (*) FROM deals"), ==, 0);
}

/* A newer HR export puts 华东一组 under 华北区 from July: the team goes on there with its
 * people; March stays with 华东区; undo brings the old tree back. */
static void
test_team_moves_region (Fixture *f, gconstpointer data)
{
  g_autofree char *text = NULL, *newer = g_build_filename (f->dir, "org-moved.csv", NULL);
  g_autoptr (GError) error = NULL;
  AttainImportSummary s = import_ok (f, ATTAIN_IMPORT_ORG, "org.csv", NULL);
  const char *east_march = "SELECT won_amount FROM month_stats m JOIN org_units u ON u.id = "
                           "m.scope_id WHERE m.scope_kind = 0 "
                           "AND u.name = '华东区' AND month = 202603";

  attain_import_summary_clear (&s);
  s = import_ok (f, ATTAIN_IMPORT_DEALS, "cn-crm-deals-gb18030.csv", "cn-crm");
  attain_import_summary_clear (&s);
  {
    g_autofree char *original = fixture ("org.csv");
    g_autoptr (GString) changed = NULL;
    g_assert_true (g_file_get_contents (original, &text, NULL, NULL));
    changed = g_string_new (text);
    g_string_replace (changed, "华东一组,华东区", "华东一组,华北区", 0);
    g_assert_true (g_file_set_contents (newer, changed->str, changed->len, NULL));
  }
  {
    AttainImportOptions options;
    g_autoptr (AttainImportPlan) plan = NULL;
    attain_import_options_init (&options, ATTAIN_IMPORT_ORG);
    options.as_of = g_strdup ("2026-07-15");
    plan = attain_import_prepare (f->db, newer, &options, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (attain_import_apply (f->db, plan, NULL, NULL, NULL, &s, &error));
    g_assert_no_error (error);
    attain_import_summary_clear (&s);
    attain_import_options_clear (&options);
  }
  /* March: 周艳's 262,000 and 张伟's nothing won stay with 华东区. */
  g_assert_cmpint (query (f, east_march), ==, 26200000);
  g_assert_cmpint (
      query (f, "SELECT count (*) FROM org_units t JOIN org_units r ON r.id = t.parent_id "
                "WHERE t.name = '华东一组' AND r.name = '华北区' AND t.closed_month IS NULL"),
      ==, 1);
  g_assert_cmpint (
      query (f, "SELECT t.closed_month FROM org_units t JOIN org_units r ON r.id = t.parent_id "
                "WHERE t.name = '华东一组' AND r.name = '华东区'"),
      ==, 202606);
  g_assert_cmpint (
      query (f,
             "SELECT count (*) FROM people p JOIN org_units t ON t.id = p.unit_id JOIN org_units r "
             "ON r.id = t.parent_id WHERE r.name = '华北区' AND t.name = '华东一组'"),
      ==, 4);
  assert_rollups_match_rebuild (f);

  g_assert_true (attain_import_undo_last (f->db, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query (f, east_march), ==, 26200000);
  g_assert_cmpint (query (f, "SELECT count (*) FROM org_units WHERE name = '华东一组'"), ==, 1);
  g_assert_cmpint (query (f, "SELECT count (*) FROM person_units"), ==, 8);
  g_assert_cmpint (query (f, "SELECT count (*) FROM org_units WHERE closed_month IS NOT NULL"), ==,
                   0);
}

static void
test_pinyin (void)
{
  g_autofree char *zhou = attain_pinyin_key ("周艳");
  g_autofree char *latin = attain_pinyin_key ("John Smith");

  g_assert_nonnull (strstr (zhou, "zhou yan"));
  g_assert_nonnull (strstr (zhou, " zy "));
  g_assert_nonnull (strstr (zhou, "zhouyan"));
  g_assert_nonnull (strstr (latin, " js "));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* The usual desktop umask: every file written must still be private (0600). */
  umask (022);

  g_test_add_func ("/import/csv/quoting", test_csv_quoting);
  g_test_add_func ("/import/csv/separators", test_csv_separators);
  g_test_add_func ("/import/csv/unclosed-quote", test_csv_unclosed_quote);
  g_test_add_func ("/import/encodings", test_encodings);
  g_test_add_func ("/import/xlsx", test_xlsx);
  g_test_add_func ("/import/xlsx/serials", test_xlsx_serials);
  g_test_add_func ("/import/values/amounts", test_amounts);
  g_test_add_func ("/import/values/dates", test_dates);
  g_test_add_func ("/import/values/months", test_months);
  g_test_add ("/import/org", Fixture, NULL, fixture_set_up, test_org, fixture_tear_down);
  g_test_add ("/import/deals/crm-totals", Fixture, NULL, fixture_set_up, test_crm_deals_totals,
              fixture_tear_down);
  g_test_add ("/import/deals/reimport", Fixture, NULL, fixture_set_up, test_reimport,
              fixture_tear_down);
  g_test_add ("/import/deals/broken-file", Fixture, NULL, fixture_set_up, test_broken_file,
              fixture_tear_down);
  g_test_add ("/import/targets-grid", Fixture, NULL, fixture_set_up, test_targets_grid,
              fixture_tear_down);
  g_test_add ("/import/activities-feedback-market", Fixture, NULL, fixture_set_up,
              test_activity_files_figures, fixture_tear_down);
  g_test_add ("/import/signed-off-period", Fixture, NULL, fixture_set_up, test_signed_off_period,
              fixture_tear_down);
  g_test_add ("/import/org/missing-people-listed", Fixture, NULL, fixture_set_up,
              test_missing_people_listed, fixture_tear_down);
  g_test_add ("/import/no-header", Fixture, NULL, fixture_set_up, test_no_header,
              fixture_tear_down);
  g_test_add ("/import/backup-restore", Fixture, NULL, fixture_set_up, test_backup_restore,
              fixture_tear_down);
  g_test_add_func ("/people/pinyin", test_pinyin);
  g_test_add ("/import/org/team-moves-region", Fixture, NULL, fixture_set_up,
              test_team_moves_region, fixture_tear_down);
  g_test_add ("/import/cli", Fixture, NULL, fixture_set_up, test_cli_import, fixture_tear_down);
  g_test_add ("/import/hostile-files", Fixture, NULL, fixture_set_up, test_hostile_files,
              fixture_tear_down);
  g_test_add ("/import/reversals", Fixture, NULL, fixture_set_up, test_reversals,
              fixture_tear_down);
  g_test_add ("/record/correction", Fixture, NULL, fixture_set_up, test_record_correction,
              fixture_tear_down);
  g_test_add ("/settings", Fixture, NULL, fixture_set_up, test_settings, fixture_tear_down);
  g_test_add ("/export/round-trip", Fixture, NULL, fixture_set_up, test_export_round_trip,
              fixture_tear_down);
  g_test_add ("/export/long-text", Fixture, NULL, fixture_set_up, test_export_long_text,
              fixture_tear_down);
  g_test_add ("/people/by-hand", Fixture, NULL, fixture_set_up, test_people_by_hand,
              fixture_tear_down);
  g_test_add ("/import/kill-during-import", Fixture, NULL, fixture_set_up, test_kill_during_import,
              fixture_tear_down);
  return g_test_run ();
}

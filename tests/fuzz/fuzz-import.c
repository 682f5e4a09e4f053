/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target for what reads untrusted import files: encoding detection and decoding, the CSV
 * reader and the value parsers on every cell. Built two ways: with libFuzzer (clang,
 * tests/fuzz/run-libfuzzer.sh) for long runs, and as a replay program for the test suite that
 * feeds the fixtures and a bounded number of deterministic mutations of them, under ASan in
 * ./run-tests. */
#include <glib.h>
#include <stdint.h>
#include <string.h>

#include "model/attain-parse.h"
#include "model/attain-period.h"
#include "model/attain-sheet.h"

static void
parse_cell (const char *cell)
{
  gint64   value;
  gboolean percent;
  GDate    date;
  int      month;

  attain_parse_decimal (cell, 2, &value, &percent, NULL);
  attain_parse_amount (cell, 100, &value, NULL);
  attain_parse_amount (cell, 1000000, &value, NULL);
  attain_parse_integer (cell, 0, 10, &value, NULL);
  for (int order = 0; order < 3; order++)
    attain_parse_date (cell, (AttainDateOrder) order, &date, NULL);
  attain_parse_month (cell, &month);
  /* The period parser of --period and the import's period columns: a period it accepts turns
   * back into text it accepts again, as the same period. */
  for (int fy = 1; fy <= 12; fy += 3)
    {
      AttainPeriod period, again;
      if (attain_period_parse (cell, fy, &period, NULL))
        {
          g_autofree char *text = attain_period_to_string (&period);
          g_autofree char *label = attain_period_to_label (&period);
          g_assert (attain_period_parse (text, fy, &again, NULL));
          g_assert (attain_period_equal (&period, &again));
          g_assert (label != NULL);
        }
    }
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static const char *encodings[] = { "auto", "gb18030", "big5", "utf-16le" };
  const char        *bytes = (const char *) data;

  for (guint e = 0; e < G_N_ELEMENTS (encodings); e++)
    {
      gsize        length = 0;
      char        *text = attain_text_decode (bytes, size, encodings[e], NULL, &length, NULL);
      AttainSheet *sheet;

      if (text == NULL)
        continue;
      g_assert (g_utf8_validate_len (text, length, NULL) || memchr (text, 0, length) != NULL);
      sheet = attain_csv_parse (text, length, 0, NULL);
      if (sheet != NULL)
        {
          guint last_line = 0;
          for (guint r = 0; r < sheet->rows->len; r++)
            {
              AttainSheetRow *row = g_ptr_array_index (sheet->rows, r);
              /* Lines only go forward, and every row has a cell. */
              g_assert (row->line > last_line && row->n_cells > 0);
              last_line = row->line;
              for (guint c = 0; c < row->n_cells && e == 0; c++)
                parse_cell (row->cells[c]);
            }
          attain_sheet_free (sheet);
        }
      g_free (text);
    }
  return 0;
}

#ifdef ATTAIN_FUZZ_REPLAY
/* Deterministic mutations: flip, insert and delete bytes, splice in quotes, separators and
 * line ends; enough to walk the parser's states in a few seconds. */
static GByteArray *
mutate (GRand *rand, const guint8 *seed, gsize length)
{
  static const char *tokens[]
      = { "\"", "\"\"", ",", ";", "\t",       "\r\n",         "\n",   "\r",   "万",   "年",
          "-",  "(",    ")", "%", "\xff\xfe", "\xef\xbb\xbf", "\x80", "\xc3", "sep=", "\0" };
  GByteArray *out = g_byte_array_new ();
  int         edits = g_rand_int_range (rand, 1, 8);

  g_byte_array_append (out, seed, length);
  for (int i = 0; i < edits; i++)
    {
      guint at = out->len ? g_rand_int_range (rand, 0, out->len) : 0;
      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0:
          if (out->len)
            out->data[at] ^= 1 << g_rand_int_range (rand, 0, 8);
          break;
        case 1:
          if (out->len)
            {
              /* MIN evaluates its arguments twice: draw first. */
              guint n = (guint) g_rand_int_range (rand, 1, 5);
              g_byte_array_remove_range (out, at, MIN (out->len - at, n));
            }
          break;
        default:
          {
            const char *token = tokens[g_rand_int_range (rand, 0, G_N_ELEMENTS (tokens))];
            gsize       n = *token ? strlen (token) : 1;
            GByteArray *copy = g_byte_array_new ();
            g_byte_array_append (copy, out->data, at);
            g_byte_array_append (copy, (const guint8 *) token, n);
            g_byte_array_append (copy, out->data + at, out->len - at);
            g_byte_array_unref (out);
            out = copy;
          }
        }
    }
  return out;
}

int
main (int argc, char *argv[])
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261201);
  const char *runs_env = g_getenv ("ATTAIN_FUZZ_RUNS");
  guint       runs = runs_env ? (guint) atoi (runs_env) : 4000;
  guint       executions = 0;

  for (int i = 1; i < argc; i++)
    {
      g_autofree char *contents = NULL;
      gsize            length;
      if (!g_file_get_contents (argv[i], &contents, &length, NULL))
        continue;
      LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
      executions++;
      for (guint r = 0; r < runs / MAX (argc - 1, 1); r++)
        {
          GByteArray *mutated = mutate (rand, (const guint8 *) contents, length);
          LLVMFuzzerTestOneInput (mutated->data, mutated->len);
          g_byte_array_unref (mutated);
          executions++;
        }
    }
  g_print ("%u executions, no crash\n", executions);
  return 0;
}
#endif

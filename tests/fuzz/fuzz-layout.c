/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target for the printed document's layout: arbitrary text (any length, unbroken runs,
 * newlines, right-to-left and combining marks) in titles, fields, paragraphs, tables and
 * indented tree rows, paginated and drawn on A4 portrait and landscape. Layout must finish
 * (every loop bounded), place every row and line, and stay within sane page counts. Built
 * like fuzz-import.c: with libFuzzer for long runs, and as a bounded replay in ./run-tests. */
#include <cairo.h>
#include <glib.h>
#include <stdint.h>
#include <string.h>

#include "report/attain-document.h"

/* Pieces of the input separated by 0x01; the first byte of each piece chooses what it becomes. */
static void
build (AttainDocument *document, const char *text, gsize length)
{
  g_autofree char *valid = g_utf8_make_valid (text, (gssize) length);
  g_auto (GStrv) pieces = g_strsplit (valid, "\001", 64);
  static const double shares[] = { 3, 1, 2, 1 };
  static const double xaligns[] = { 0, 1, 0.5, 1 };
  static const char  *titles[] = { "What", "By", "How it is measured", "Status", NULL };
  gboolean            in_table = FALSE;

  for (guint i = 0; pieces[i] != NULL; i++)
    {
      const char *piece = pieces[i];
      guint       kind = piece[0] != '\0' ? (guchar) piece[0] % 6 : 0;
      const char *rest = piece[0] != '\0' ? g_utf8_next_char (piece) : piece;

      if (kind != 4 && kind != 5)
        in_table = FALSE;
      switch (kind)
        {
        case 0:
          attain_document_add_title (document, rest, rest);
          break;
        case 1:
          {
            const char *fields[] = { rest, rest, "Period", rest, NULL };
            attain_document_add_fields (document, fields);
          }
          break;
        case 2:
          attain_document_add_heading (document, rest);
          break;
        case 3:
          attain_document_add_paragraph (document, rest);
          break;
        default:
          {
            const char *half = g_utf8_offset_to_pointer (rest, g_utf8_strlen (rest, -1) / 2);
            const char *cells[] = { rest, half, "", rest, NULL };
            if (!in_table)
              attain_document_add_table (document, titles, shares, xaligns);
            in_table = TRUE;
            if (kind == 4)
              attain_document_add_table_row (document, cells, i % 2 == 0);
            else
              attain_document_add_tree_row (document, cells, FALSE, (int) (strlen (rest) % 12),
                                            i % 16);
          }
        }
    }
  {
    const char *roles[] = { "Employee", "Manager", "HR", NULL };
    const char *names[] = { "陈欣", "", NULL, NULL };
    attain_document_add_writing_space (document, (guint) (length % 7));
    attain_document_add_signatures (document, roles, names);
  }
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  /* A recording surface keeps the drawing without the cost of writing a file. */
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t         *cr = cairo_create (surface);

  for (int landscape = 0; landscape < 2; landscape++)
    {
      double          width = landscape ? 841.89 : 595.276, height = landscape ? 595.276 : 841.89;
      AttainDocument *document = attain_document_new ("en", "Header", "Footer");
      guint           pages;

      build (document, (const char *) data, size);
      pages = attain_document_paginate (document, cr, width, height);
      /* At least a page, and never more pages than there are characters and blocks to fill them. */
      g_assert (pages >= 1 && pages <= 2 + size);
      for (guint page = 0; page < pages; page++)
        attain_document_draw_page (document, cr, page, width, height);
      attain_document_free (document);
    }
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    g_error ("drawing failed: %s", cairo_status_to_string (cairo_status (cr)));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return 0;
}

#ifdef ATTAIN_FUZZ_REPLAY
/* Deterministic inputs: runs of Han, Latin without spaces, spaces, newlines, right-to-left text,
 * combining marks, invalid bytes and noncharacters (U+FFFE, U+FDD0: GLib admits them, cairo's
 * text output does not), some many pages long. */
int
main (void)
{
  static const char *atoms[] = { "回款跟进",
                                 "X",
                                 "Xxxxxxxxxxxxxxxxxxxxxxxx",
                                 " ",
                                 "\n",
                                 "\t",
                                 "\u202e",
                                 "\u05d0\u05d1",
                                 "e\u0301",
                                 "\xff",
                                 "\xef\xbf\xbe",
                                 "\xef\xb7\x90",
                                 "\001",
                                 "\001\003",
                                 "\001\004",
                                 "\001\005",
                                 "\001\002",
                                 "🙂" };
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261201);
  const char *runs_env = g_getenv ("ATTAIN_FUZZ_RUNS");
  guint       runs = runs_env ? (guint) atoi (runs_env) : 120;

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr (GString) input = g_string_new (NULL);
      /* Mostly short inputs, every tenth one long: up to about 20,000 bytes. */
      guint n_atoms = (guint) g_rand_int_range (rand, 1, r % 10 == 0 ? 3000 : 200);
      for (guint a = 0; a < n_atoms; a++)
        {
          /* Long unbroken runs: repeat an atom many times in a row. */
          const char *atom = atoms[g_rand_int_range (rand, 0, G_N_ELEMENTS (atoms))];
          guint       repeat
              = g_rand_int_range (rand, 0, 8) == 0 ? (guint) g_rand_int_range (rand, 1, 40) : 1;
          for (guint k = 0; k < repeat; k++)
            g_string_append (input, atom);
        }
      LLVMFuzzerTestOneInput ((const uint8_t *) input->str, input->len);
    }
  g_print ("%u layouts, every one finished\n", runs);
  return 0;
}
#endif

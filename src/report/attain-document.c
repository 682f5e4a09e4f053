/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-document.h"
#include "model/attain-watch.h"

#include <cairo-pdf.h>
#include <unistd.h>
#include <errno.h>
#include "model/attain-gettext.h"
#include "model/attain-private-file.h"
#include <libintl.h>
#include <pango/pangocairo.h>

#include "charts/attain-chart-style.h"

#define MARGIN_X 51.0 /* 18 mm */
#define MARGIN_Y 48.0 /* 17 mm, with header and footer inside */
#define BODY_SIZE 9.5
#define SMALL_SIZE 8.0
#define HEADING_SIZE 11.5
#define TITLE_SIZE 18.0
#define CELL_PAD 3.0
#define GAP 8.0
#define WRITING_LINE 24.0

typedef enum
{
  BLOCK_TITLE,
  BLOCK_FIELDS,
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_TABLE,
  BLOCK_CHART,
  BLOCK_SIGNATURES,
  BLOCK_WRITING, /* ruled lines to write on by hand */
} BlockKind;

typedef struct
{
  char     **cells;
  gboolean   bold;
  int        indent; /* levels the first cell is indented by (a tree printed as a table) */
  guint      marked; /* bit per column drawn in the alert colour */
  double     height;
  GPtrArray *layouts; /* PangoLayout* a cell, kept for a row printed in slices over pages */
} TableRow;

typedef struct
{
  BlockKind              kind;
  char                  *text;
  char                  *subtitle;
  char                 **strings; /* fields: label, value, ...; table titles; signature roles */
  char                 **names;   /* signatures: the name printed under each line ("" for none) */
  guint                  n_lines; /* writing space */
  double                *shares;
  double                *xaligns;
  guint                  n_columns;
  GPtrArray             *rows; /* TableRow* */
  double                 chart_height;
  AttainDocumentDrawFunc draw;
  gpointer               data;
  GDestroyNotify         destroy;
  /* Measured by paginate. */
  PangoLayout *layout;    /* paragraphs */
  GArray      *line_tops; /* double per line, and the bottom as the last entry */
  double       height;    /* whole-block height (not for paragraphs and tables) */
  double       header_height;
} Block;

typedef struct
{
  guint  page;
  guint  block;
  double y;
  guint  first; /* line or row */
  guint  last;  /* exclusive */
  /* A table row taller than a page is printed in slices: the part of its text from slice_from up to
   * slice_to (in points from the top of its text). slice_to is 0 for a whole row. */
  double slice_from;
  double slice_to;
} Placement;

struct _AttainDocument
{
  char *header;
  char *footer;
  /* Translated when the document is made, so drawing (maybe on another thread, maybe after the
   * report language was switched back) needs no gettext. */
  char            *confidential; /* NULL for documents that are not marked */
  char            *page_format;
  char            *date_label;
  AttainChartStyle style;
  GPtrArray       *blocks;
  GArray          *placements;
  guint            n_pages;
};

static void
table_row_free (TableRow *row)
{
  g_strfreev (row->cells);
  g_clear_pointer (&row->layouts, g_ptr_array_unref);
  g_free (row);
}

static void
block_free (Block *block)
{
  g_free (block->text);
  g_free (block->subtitle);
  g_strfreev (block->strings);
  g_free (block->shares);
  g_free (block->xaligns);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_strfreev (block->names);
  g_clear_object (&block->layout);
  g_clear_pointer (&block->line_tops, g_array_unref);
  if (block->destroy != NULL)
    block->destroy (block->data);
  g_free (block);
}

AttainDocument *
attain_document_new (const char *language, const char *header, const char *footer)
{
  AttainDocument *document = g_new0 (AttainDocument, 1);

  document->header = g_strdup (header);
  document->footer = g_strdup (footer);
  /* Translators: marked at the top of every page of a review report */
  document->confidential = g_strdup (_ ("Confidential"));
  /* Translators: page footer of a printed review, "Page 2 of 3" */
  document->page_format = g_strdup (_ ("Page %u of %u"));
  /* Translators: under a signature line */
  document->date_label = g_strdup (_ ("Date:"));
  attain_chart_style_init_light (&document->style);
  document->style.language = g_intern_string (language);
  document->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  document->placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  return document;
}

void
attain_document_free (AttainDocument *document)
{
  if (document == NULL)
    return;
  g_free (document->header);
  g_free (document->footer);
  g_free (document->confidential);
  g_free (document->page_format);
  g_free (document->date_label);
  g_ptr_array_unref (document->blocks);
  g_array_unref (document->placements);
  g_free (document);
}

static Block *
add_block (AttainDocument *document, BlockKind kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  g_ptr_array_add (document->blocks, block);
  return block;
}

void
attain_document_add_title (AttainDocument *document, const char *title, const char *subtitle)
{
  Block *block = add_block (document, BLOCK_TITLE);

  block->text = g_strdup (title);
  block->subtitle = g_strdup (subtitle);
}

void
attain_document_add_fields (AttainDocument *document, const char *const *labels_and_values)
{
  add_block (document, BLOCK_FIELDS)->strings = g_strdupv ((char **) labels_and_values);
}

void
attain_document_add_heading (AttainDocument *document, const char *text)
{
  add_block (document, BLOCK_HEADING)->text = g_strdup (text);
}

void
attain_document_add_paragraph (AttainDocument *document, const char *text)
{
  add_block (document, BLOCK_PARAGRAPH)->text = g_strdup (text && text[0] ? text : "—");
}

void
attain_document_add_table (AttainDocument    *document,
                           const char *const *titles,
                           const double      *shares,
                           const double      *xaligns)
{
  Block *block = add_block (document, BLOCK_TABLE);

  block->strings = g_strdupv ((char **) titles);
  block->n_columns = g_strv_length (block->strings);
  block->shares = g_memdup2 (shares, sizeof (double) * block->n_columns);
  block->xaligns = g_memdup2 (xaligns, sizeof (double) * block->n_columns);
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) table_row_free);
}

void
attain_document_add_table_row (AttainDocument *document, const char *const *cells, gboolean bold)
{
  attain_document_add_tree_row (document, cells, bold, 0, 0);
}

void
attain_document_add_tree_row (AttainDocument    *document,
                              const char *const *cells,
                              gboolean           bold,
                              int                indent,
                              guint              marked)
{
  Block    *block = g_ptr_array_index (document->blocks, document->blocks->len - 1);
  TableRow *row = g_new0 (TableRow, 1);

  g_return_if_fail (block->kind == BLOCK_TABLE);
  row->cells = g_strdupv ((char **) cells);
  row->bold = bold;
  row->indent = indent;
  row->marked = marked;
  g_ptr_array_add (block->rows, row);
}

void
attain_document_set_confidential (AttainDocument *document, gboolean confidential)
{
  g_clear_pointer (&document->confidential, g_free);
  if (confidential)
    /* Translators: marked at the top of every page of a review report */
    document->confidential = g_strdup (_ ("Confidential"));
}

void
attain_document_add_chart (AttainDocument        *document,
                           double                 height,
                           AttainDocumentDrawFunc draw,
                           gpointer               data,
                           GDestroyNotify         destroy)
{
  Block *block = add_block (document, BLOCK_CHART);

  block->chart_height = height;
  block->draw = draw;
  block->data = data;
  block->destroy = destroy;
}

/* @names, as many as @roles, are printed under the lines (NULL or "" leaves room to write). */
void
attain_document_add_signatures (AttainDocument    *document,
                                const char *const *roles,
                                const char *const *names)
{
  Block *block = add_block (document, BLOCK_SIGNATURES);
  guint  n = g_strv_length ((char **) roles);

  block->strings = g_strdupv ((char **) roles);
  block->names = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    block->names[i] = g_strdup (names && names[i] ? names[i] : "");
}

/* Room to write by hand during the meeting: @n_lines ruled lines. */
void
attain_document_add_writing_space (AttainDocument *document, guint n_lines)
{
  add_block (document, BLOCK_WRITING)->n_lines = CLAMP (n_lines, 1, 20);
}

static PangoLayout *
text_layout (AttainDocument *document,
             cairo_t        *cr,
             const char     *text,
             double          size,
             gboolean        bold,
             double          width,
             double          xalign)
{
  PangoLayout *layout = attain_chart_layout (cr, &document->style, size, bold, text ? text : "");

  attain_watched_thread_note (ATTAIN_WORK_LAYOUT);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, xalign > 0.75   ? PANGO_ALIGN_RIGHT
                                      : xalign > 0.25 ? PANGO_ALIGN_CENTER
                                                      : PANGO_ALIGN_LEFT);
  return layout;
}

/* Lines that name things (a page header, a title's subtitle) stay within @lines lines, ending
 * in "…": a 2,000-character name would otherwise run over "Confidential" or fill the page. */
static PangoLayout *
bounded (PangoLayout *layout, double width, int lines)
{
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -lines);
  return layout;
}

/* A header field's value (a name, a period): bold, in half the width, at most four lines. The
 * same layout is measured and drawn, so the space kept is the space used. */
static PangoLayout *
field_value_layout (AttainDocument *document, cairo_t *cr, const char *text, double content)
{
  return bounded (text_layout (document, cr, text, BODY_SIZE, TRUE, content / 2 - 80, 0),
                  content / 2 - 80, 4);
}

static double
layout_height (PangoLayout *layout)
{
  double w, h;

  attain_chart_layout_size (layout, &w, &h);
  return h;
}

/* Shows the lines of @layout whose tops lie in [@from, @to), with the line at @from drawn at @y;
 * what a paragraph fragment or a slice of a tall table row shows. */
static void
show_layout_lines (cairo_t *cr, PangoLayout *layout, double x, double y, double from, double to)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      double         line_top;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line_top = (double) logical.y / PANGO_SCALE;
      if (line_top >= from && line_top < to)
        {
          int baseline = pango_layout_iter_get_baseline (iter);
          cairo_move_to (cr, x + (double) logical.x / PANGO_SCALE,
                         y + (double) baseline / PANGO_SCALE - from);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static double
column_x (const Block *block, guint column, double content)
{
  double total = 0, before = 0;

  for (guint c = 0; c < block->n_columns; c++)
    {
      total += block->shares[c];
      if (c < column)
        before += block->shares[c];
    }
  return content * before / total;
}

#define INDENT_STEP 10.0

static PangoLayout *
cell_layout (AttainDocument    *document,
             cairo_t           *cr,
             const Block       *block,
             const char *const *cells,
             guint              c,
             gboolean           bold,
             int                indent,
             double             content)
{
  double w = column_x (block, c + 1, content) - column_x (block, c, content) - 2 * CELL_PAD
             - (c == 0 ? indent * INDENT_STEP : 0);

  return text_layout (document, cr, cells[c], BODY_SIZE - 0.5, bold, w, block->xaligns[c]);
}

/* Where the slice of a too-tall row that starts at @from (points into its text) must end so that
 * every line it shows fits in @room: the top of the first line, in any cell, that would cross the
 * slice's bottom. Always past @from, so slicing ends. The row's cell layouts are built once. */
static double
row_slice_end (const TableRow *row, double from, double room)
{
  double end = row->height - 2 * CELL_PAD;

  for (guint c = 0; c < row->layouts->len; c++)
    {
      PangoLayoutIter *iter = pango_layout_get_iter (g_ptr_array_index (row->layouts, c));
      do
        {
          PangoRectangle logical;
          double         line_top, line_bottom;
          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          line_top = (double) logical.y / PANGO_SCALE;
          line_bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
          if (line_top >= from && line_bottom > from + room)
            {
              end = MIN (end, line_top);
              break;
            }
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }
  /* A single line taller than the room (it cannot happen at these sizes) still moves on. */
  return end > from ? end : from + room;
}

static double
measure_cells (AttainDocument    *document,
               cairo_t           *cr,
               const Block       *block,
               const char *const *cells,
               gboolean           bold,
               int                indent,
               double             content)
{
  double height = 0;

  for (guint c = 0; c < block->n_columns && cells[c] != NULL; c++)
    {
      g_autoptr (PangoLayout) layout
          = cell_layout (document, cr, block, cells, c, bold, indent, content);
      height = MAX (height, layout_height (layout));
    }
  return height + 2 * CELL_PAD;
}

static void
measure (AttainDocument *document, cairo_t *cr, Block *block, double content)
{
  switch (block->kind)
    {
    case BLOCK_TITLE:
      {
        g_autoptr (PangoLayout) title
            = text_layout (document, cr, block->text, TITLE_SIZE, TRUE, content, 0);
        g_autoptr (PangoLayout) subtitle = bounded (
            text_layout (document, cr, block->subtitle, BODY_SIZE + 1, FALSE, content, 0), content,
            3);
        block->height = layout_height (title) + layout_height (subtitle) + GAP;
      }
      break;
    case BLOCK_FIELDS:
      {
        guint n = g_strv_length (block->strings) / 2;
        block->height = 0;
        /* Two label-value pairs a line. */
        for (guint i = 0; i < n; i += 2)
          {
            double line = 0;
            for (guint k = i; k < MIN (i + 2, n); k++)
              {
                /* A label longer than its column wraps: its lines count too. */
                g_autoptr (PangoLayout) label
                    = text_layout (document, cr, block->strings[2 * k], BODY_SIZE, FALSE, 76, 0);
                g_autoptr (PangoLayout) value
                    = field_value_layout (document, cr, block->strings[2 * k + 1], content);
                line = MAX (line, MAX (layout_height (value), layout_height (label)));
              }
            block->height += line + 3;
          }
        block->height += GAP;
      }
      break;
    case BLOCK_HEADING:
      {
        g_autoptr (PangoLayout) layout
            = text_layout (document, cr, block->text, HEADING_SIZE, TRUE, content, 0);
        block->height = layout_height (layout) + 6 + 4;
      }
      break;
    case BLOCK_PARAGRAPH:
      {
        PangoLayoutIter *iter;
        double           bottom = 0;

        g_clear_object (&block->layout);
        g_clear_pointer (&block->line_tops, g_array_unref);
        block->layout = text_layout (document, cr, block->text, BODY_SIZE, FALSE, content, 0);
        pango_layout_set_spacing (block->layout, 2 * PANGO_SCALE);
        block->line_tops = g_array_new (FALSE, FALSE, sizeof (double));
        iter = pango_layout_get_iter (block->layout);
        do
          {
            PangoRectangle logical;
            double         top;
            pango_layout_iter_get_line_extents (iter, NULL, &logical);
            top = (double) logical.y / PANGO_SCALE;
            g_array_append_val (block->line_tops, top);
            bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
          }
        while (pango_layout_iter_next_line (iter));
        pango_layout_iter_free (iter);
        g_array_append_val (block->line_tops, bottom);
      }
      break;
    case BLOCK_TABLE:
      block->header_height = measure_cells (document, cr, block,
                                            (const char *const *) block->strings, TRUE, 0, content);
      for (guint r = 0; r < block->rows->len; r++)
        {
          TableRow *row = g_ptr_array_index (block->rows, r);
          row->height = measure_cells (document, cr, block, (const char *const *) row->cells,
                                       row->bold, row->indent, content);
        }
      break;
    case BLOCK_CHART:
      block->height = block->chart_height + GAP;
      break;
    case BLOCK_SIGNATURES:
      block->height = 86;
      break;
    case BLOCK_WRITING:
      block->height = block->n_lines * WRITING_LINE + GAP;
      break;
    }
}

static void
place (AttainDocument *document, guint page, guint block, double y, guint first, guint last)
{
  Placement placement = { page, block, y, first, last, 0, 0 };

  g_array_append_val (document->placements, placement);
}

guint
attain_document_paginate (AttainDocument *document, cairo_t *cr, double width, double height)
{
  double content = width - 2 * MARGIN_X;
  double top = MARGIN_Y + SMALL_SIZE * 2.5;
  double bottom = height - MARGIN_Y - SMALL_SIZE * 2.5;
  double y = top;
  guint  page = 0;

  g_array_set_size (document->placements, 0);
  for (guint b = 0; b < document->blocks->len; b++)
    measure (document, cr, g_ptr_array_index (document->blocks, b), content);

  for (guint b = 0; b < document->blocks->len; b++)
    {
      Block *block = g_ptr_array_index (document->blocks, b);

      if (block->kind == BLOCK_PARAGRAPH)
        {
          guint n_lines = block->line_tops->len - 1, first = 0;

          while (first < n_lines)
            {
              double start = g_array_index (block->line_tops, double, first);
              guint  last = first;
              while (last < n_lines
                     && y + g_array_index (block->line_tops, double, last + 1) - start <= bottom)
                last++;
              if (last == first && y <= top)
                last = first
                       + 1; /* a line taller than a page: print it, clipped, rather than hang */
              if (last == first)
                {
                  /* Not even one line fits: continue on the next page. */
                  page++;
                  y = top;
                  continue;
                }
              place (document, page, b, y, first, last);
              y += g_array_index (block->line_tops, double, last) - start;
              first = last;
              if (first < n_lines)
                {
                  page++;
                  y = top;
                }
            }
          y += GAP;
        }
      else if (block->kind == BLOCK_TABLE)
        {
          guint first = 0;

          do
            {
              double used = block->header_height;
              guint  last = first;
              while (last < block->rows->len
                     && y + used + ((TableRow *) g_ptr_array_index (block->rows, last))->height
                            <= bottom)
                used += ((TableRow *) g_ptr_array_index (block->rows, last++))->height;
              if (last == first && block->rows->len > 0)
                {
                  TableRow *row = g_ptr_array_index (block->rows, first);
                  double    page_room = bottom - top - block->header_height - 2 * CELL_PAD;
                  double    text = row->height - 2 * CELL_PAD, from = 0;

                  g_clear_pointer (&row->layouts, g_ptr_array_unref);
                  row->layouts = g_ptr_array_new_with_free_func (g_object_unref);
                  for (guint c = 0; c < block->n_columns && row->cells[c] != NULL; c++)
                    g_ptr_array_add (row->layouts, cell_layout (document, cr, block,
                                                                (const char *const *) row->cells, c,
                                                                row->bold, row->indent, content));

                  if (text <= page_room
                      || bottom - y - block->header_height - 2 * CELL_PAD < BODY_SIZE * 4)
                    {
                      /* It fits on a fresh page (or too little is left of this one to begin it here). */
                      if (y > top)
                        {
                          page++;
                          y = top;
                          continue;
                        }
                    }
                  /* This row alone is taller than a page (a milestone of thousands of characters):
                   * it flows in slices, starting where it is, each under the table's header. */
                  while (from < text)
                    {
                      double room
                          = MAX (bottom - y - block->header_height - 2 * CELL_PAD, BODY_SIZE * 2);
                      double    to = MIN (row_slice_end (row, from, room), text);
                      Placement slice = { page, b, y, first, first + 1, from, to };
                      g_array_append_val (document->placements, slice);
                      if (to < text)
                        {
                          page++;
                          y = top;
                        }
                      else
                        y += block->header_height + to - from + 2 * CELL_PAD;
                      from = to;
                    }
                  first++;
                  if (first < block->rows->len)
                    {
                      page++;
                      y = top;
                    }
                  continue;
                }
              place (document, page, b, y, first, last);
              y += used;
              first = last;
              if (first < block->rows->len)
                {
                  page++;
                  y = top;
                }
            }
          while (first < block->rows->len);
          y += GAP;
        }
      else
        {
          double needed = block->height;

          /* A heading keeps at least a few lines of what follows with it, and the whole of
           * what cannot break (a chart, the signatures, lines to write on): never alone at a
           * page's foot. */
          if (block->kind == BLOCK_HEADING && b + 1 < document->blocks->len)
            {
              const Block *next = g_ptr_array_index (document->blocks, b + 1);
              needed += next->kind == BLOCK_CHART || next->kind == BLOCK_SIGNATURES
                                || next->kind == BLOCK_WRITING
                            ? next->height + GAP
                            : BODY_SIZE * 4;
            }
          if (y + needed > bottom && y > top)
            {
              page++;
              y = top;
            }
          place (document, page, b, y, 0, 0);
          y += block->height;
        }
    }
  document->n_pages = page + 1;
  return document->n_pages;
}

static void
draw_cells (AttainDocument    *document,
            cairo_t           *cr,
            const Block       *block,
            const char *const *cells,
            gboolean           bold,
            int                indent,
            guint              marked,
            double             x0,
            double             y,
            double             content,
            double             slice_from,
            double             slice_to,
            GPtrArray         *layouts)
{
  for (guint c = 0; c < block->n_columns && cells[c] != NULL; c++)
    {
      double x = x0 + column_x (block, c, content) + (c == 0 ? indent * INDENT_STEP : 0);
      g_autoptr (PangoLayout) layout
          = layouts != NULL && c < layouts->len
                ? g_object_ref (g_ptr_array_index (layouts, c))
                : cell_layout (document, cr, block, cells, c, bold, indent, content);

      if (marked & (1u << c))
        cairo_set_source_rgb (cr, 0.75, 0.11, 0.16);
      else
        attain_chart_set_color (cr, &document->style.foreground);
      if (slice_to > 0)
        show_layout_lines (cr, layout, x + CELL_PAD, y + CELL_PAD, slice_from, slice_to);
      else
        {
          cairo_move_to (cr, x + CELL_PAD, y + CELL_PAD);
          pango_cairo_show_layout (cr, layout);
        }
    }
}

static void
draw_placement (AttainDocument *document, cairo_t *cr, const Placement *placement, double width)
{
  Block *block = g_ptr_array_index (document->blocks, placement->block);
  double content = width - 2 * MARGIN_X;
  double x = MARGIN_X, y = placement->y;

  attain_chart_set_color (cr, &document->style.foreground);
  switch (block->kind)
    {
    case BLOCK_TITLE:
      {
        g_autoptr (PangoLayout) title
            = text_layout (document, cr, block->text, TITLE_SIZE, TRUE, content, 0);
        g_autoptr (PangoLayout) subtitle = bounded (
            text_layout (document, cr, block->subtitle, BODY_SIZE + 1, FALSE, content, 0), content,
            3);
        cairo_move_to (cr, x, y);
        pango_cairo_show_layout (cr, title);
        attain_chart_set_color (cr, &document->style.dim);
        cairo_move_to (cr, x, y + layout_height (title));
        pango_cairo_show_layout (cr, subtitle);
      }
      break;
    case BLOCK_FIELDS:
      {
        guint n = g_strv_length (block->strings) / 2;
        for (guint i = 0; i < n; i += 2)
          {
            double line = 0;
            for (guint k = i; k < MIN (i + 2, n); k++)
              {
                double cx = x + (k - i) * content / 2;
                g_autoptr (PangoLayout) label
                    = text_layout (document, cr, block->strings[2 * k], BODY_SIZE, FALSE, 76, 0);
                g_autoptr (PangoLayout) value
                    = field_value_layout (document, cr, block->strings[2 * k + 1], content);
                attain_chart_set_color (cr, &document->style.dim);
                cairo_move_to (cr, cx, y);
                pango_cairo_show_layout (cr, label);
                attain_chart_set_color (cr, &document->style.foreground);
                cairo_move_to (cr, cx + 78, y);
                pango_cairo_show_layout (cr, value);
                line = MAX (line, MAX (layout_height (value), layout_height (label)));
              }
            y += line + 3;
          }
      }
      break;
    case BLOCK_HEADING:
      {
        g_autoptr (PangoLayout) layout
            = text_layout (document, cr, block->text, HEADING_SIZE, TRUE, content, 0);
        double h = layout_height (layout);
        cairo_move_to (cr, x, y + 4);
        pango_cairo_show_layout (cr, layout);
        cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
        cairo_set_line_width (cr, 1.2);
        cairo_move_to (cr, x, y + 4 + h + 2);
        cairo_line_to (cr, x + content, y + 4 + h + 2);
        cairo_stroke (cr);
      }
      break;
    case BLOCK_PARAGRAPH:
      {
        /* Show only this fragment's lines, each at its place relative to the first. */
        show_layout_lines (cr, block->layout, x, y,
                           g_array_index (block->line_tops, double, placement->first),
                           g_array_index (block->line_tops, double, placement->last));
      }
      break;
    case BLOCK_TABLE:
      cairo_set_source_rgb (cr, 0.93, 0.93, 0.94);
      cairo_rectangle (cr, x, y, content, block->header_height);
      cairo_fill (cr);
      attain_chart_set_color (cr, &document->style.foreground);
      draw_cells (document, cr, block, (const char *const *) block->strings, TRUE, 0, 0, x, y,
                  content, 0, 0, NULL);
      y += block->header_height;
      for (guint r = placement->first; r < placement->last; r++)
        {
          TableRow *row = g_ptr_array_index (block->rows, r);
          attain_chart_set_color (cr, &document->style.foreground);
          draw_cells (document, cr, block, (const char *const *) row->cells, row->bold, row->indent,
                      row->marked, x, y, content, placement->slice_from, placement->slice_to,
                      placement->slice_to > 0 ? row->layouts : NULL);
          y += placement->slice_to > 0 ? placement->slice_to - placement->slice_from + 2 * CELL_PAD
                                       : row->height;
          cairo_set_source_rgba (cr, 0, 0, 0, 0.15);
          cairo_set_line_width (cr, 0.5);
          cairo_move_to (cr, x, y);
          cairo_line_to (cr, x + content, y);
          cairo_stroke (cr);
        }
      break;
    case BLOCK_CHART:
      cairo_save (cr);
      cairo_translate (cr, x, y);
      block->draw (cr, content, block->chart_height, document->style.language, block->data);
      cairo_restore (cr);
      break;
    case BLOCK_SIGNATURES:
      {
        guint  n = g_strv_length (block->strings);
        double column = content / MAX (n, 1);
        for (guint i = 0; i < n; i++)
          {
            double cx = x + i * column;
            g_autoptr (PangoLayout) role
                = text_layout (document, cr, block->strings[i], BODY_SIZE, TRUE, column - 12, 0);
            g_autoptr (PangoLayout) name
                = text_layout (document, cr, block->names[i], BODY_SIZE, FALSE, column - 12, 0);
            g_autoptr (PangoLayout) date = text_layout (document, cr, document->date_label,
                                                        BODY_SIZE, FALSE, column - 12, 0);
            cairo_set_source_rgb (cr, 0, 0, 0);
            cairo_set_line_width (cr, 0.8);
            cairo_move_to (cr, cx, y + 30);
            cairo_line_to (cr, cx + column - 16, y + 30);
            cairo_stroke (cr);
            cairo_move_to (cr, cx, y + 33);
            pango_cairo_show_layout (cr, role);
            cairo_move_to (cr, cx, y + 49);
            pango_cairo_show_layout (cr, name);
            cairo_move_to (cr, cx, y + 66);
            pango_cairo_show_layout (cr, date);
          }
      }
      break;
    case BLOCK_WRITING:
      cairo_set_source_rgba (cr, 0, 0, 0, 0.35);
      cairo_set_line_width (cr, 0.5);
      for (guint i = 1; i <= block->n_lines; i++)
        {
          cairo_move_to (cr, x, y + i * WRITING_LINE);
          cairo_line_to (cr, x + content, y + i * WRITING_LINE);
          cairo_stroke (cr);
        }
      break;
    }
}

void
attain_document_draw_page (AttainDocument *document,
                           cairo_t        *cr,
                           guint           page,
                           double          width,
                           double          height)
{
  g_autofree char *number = NULL;
  const char      *confidential = document->confidential;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  /* The format is the translation of "Page %u of %u", checked by msgfmt --check. */
  number = g_strdup_printf (document->page_format, page + 1, document->n_pages);
#pragma GCC diagnostic pop
  cairo_save (cr);
  {
    g_autoptr (PangoLayout) left
        = text_layout (document, cr, document->header, SMALL_SIZE, FALSE, 0, 0);
    g_autoptr (PangoLayout) right
        = text_layout (document, cr, confidential ? confidential : "", SMALL_SIZE, TRUE, 0, 0);
    g_autoptr (PangoLayout) foot
        = text_layout (document, cr, document->footer, SMALL_SIZE, FALSE, 0, 0);
    g_autoptr (PangoLayout) pages = text_layout (document, cr, number, SMALL_SIZE, FALSE, 0, 0);
    double w, h;

    attain_chart_layout_size (right, &w, &h);
    bounded (left, width - 2 * MARGIN_X - w - 12, 1);
    attain_chart_set_color (cr, &document->style.dim);
    cairo_move_to (cr, MARGIN_X, MARGIN_Y);
    pango_cairo_show_layout (cr, left);
    attain_chart_layout_size (right, &w, &h);
    cairo_set_source_rgb (cr, 0.75, 0.11, 0.16);
    cairo_move_to (cr, width - MARGIN_X - w, MARGIN_Y);
    pango_cairo_show_layout (cr, right);
    attain_chart_set_color (cr, &document->style.dim);
    cairo_move_to (cr, MARGIN_X, height - MARGIN_Y - h);
    pango_cairo_show_layout (cr, foot);
    attain_chart_layout_size (pages, &w, &h);
    cairo_move_to (cr, width - MARGIN_X - w, height - MARGIN_Y - h);
    pango_cairo_show_layout (cr, pages);
  }
  for (guint i = 0; i < document->placements->len; i++)
    {
      Placement *placement = &g_array_index (document->placements, Placement, i);
      if (placement->page == page)
        draw_placement (document, cr, placement, width);
    }
  cairo_restore (cr);
}

gboolean
attain_documents_write_pdf (GPtrArray  *documents,
                            const char *path,
                            const char *title,
                            GError    **error)
{
  return attain_documents_write_pdf_full (documents, path, title, FALSE, error);
}

/* Draws every page of @documents onto @surface and finishes it; FALSE with the cairo error. */
static cairo_status_t
draw_documents (GPtrArray       *documents,
                cairo_surface_t *surface,
                double           width,
                double           height,
                const char      *title)
{
  cairo_status_t status;
  cairo_t       *cr;

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return cairo_surface_status (surface);
  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Attain");
  cr = cairo_create (surface);
  for (guint d = 0; d < documents->len; d++)
    {
      AttainDocument *document = g_ptr_array_index (documents, d);
      guint           pages = attain_document_paginate (document, cr, width, height);
      for (guint page = 0; page < pages; page++)
        {
          attain_document_draw_page (document, cr, page, width, height);
          cairo_show_page (cr);
        }
    }
  /* A drawing error is sticky and silent: every later page would come out blank. */
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  return status != CAIRO_STATUS_SUCCESS ? status : cairo_surface_status (surface);
}

/* A4, portrait for reviews, landscape for wide tables such as the goal tree. */
#define PAGE_WIDTH(landscape) ((landscape) ? 841.89 : 595.276)
#define PAGE_HEIGHT(landscape) ((landscape) ? 595.276 : 841.89)

gboolean
attain_documents_write_pdf_full (GPtrArray  *documents,
                                 const char *path,
                                 const char *title,
                                 gboolean    landscape,
                                 GError    **error)
{
  g_autofree char *temporary = attain_private_file_create (path, error);
  cairo_surface_t *surface;
  cairo_status_t   status;

  if (temporary == NULL)
    return FALSE;
  /* cairo writes into the private temporary file (it keeps its mode), renamed when complete. */
  surface = cairo_pdf_surface_create (temporary, PAGE_WIDTH (landscape), PAGE_HEIGHT (landscape));
  status
      = draw_documents (documents, surface, PAGE_WIDTH (landscape), PAGE_HEIGHT (landscape), title);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _ ("Could not write “%s”: %s"), path,
                   cairo_status_to_string (status));
      attain_private_file_discard (temporary);
      return FALSE;
    }
  return attain_private_file_commit (temporary, path, error);
}

static cairo_status_t
write_to_fd (void *closure, const unsigned char *data, unsigned int length)
{
  int fd = GPOINTER_TO_INT (closure);

  while (length > 0)
    {
      ssize_t written = write (fd, data, length);
      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        return CAIRO_STATUS_WRITE_ERROR;
      data += written;
      length -= (unsigned int) written;
    }
  return CAIRO_STATUS_SUCCESS;
}

/* As attain_documents_write_pdf(), into the file @name of the open folder @dirfd: the file is
 * made and written through descriptors relative to that folder, so a name cannot take it out. */
gboolean
attain_documents_write_pdf_at (GPtrArray  *documents,
                               int         dirfd,
                               const char *name,
                               const char *title,
                               GError    **error)
{
  g_autofree char *temporary = NULL;
  int              fd = attain_private_file_create_at (dirfd, name, &temporary, error);
  cairo_surface_t *surface;
  cairo_status_t   status;

  if (fd < 0)
    return FALSE;
  surface = cairo_pdf_surface_create_for_stream (write_to_fd, GINT_TO_POINTER (fd),
                                                 PAGE_WIDTH (FALSE), PAGE_HEIGHT (FALSE));
  status = draw_documents (documents, surface, PAGE_WIDTH (FALSE), PAGE_HEIGHT (FALSE), title);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _ ("Could not write “%s”: %s"), name,
                   cairo_status_to_string (status));
      attain_private_file_discard_at (dirfd, fd, temporary);
      return FALSE;
    }
  return attain_private_file_commit_at (dirfd, fd, temporary, name, error);
}

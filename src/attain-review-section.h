/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "model/attain-review-sheet.h"

G_BEGIN_DECLS

/* One change typed into the form: a review field's new text, or (field NULL) the whole
 * improvement plan. Saved as is, kept as is while the save fails. */
typedef struct
{
  char      *field;
  char      *value;
  GPtrArray *milestones; /* AttainMilestone*, when field is NULL */
  gboolean   has_base;   /* saved only over base, the text it was typed over */
  char      *base;
} AttainReviewEdit;

AttainReviewEdit      *
attain_review_edit_new (const char *field, const char *value, GPtrArray *milestones);
void attain_review_edit_set_base (AttainReviewEdit *edit, const char *base);
void attain_review_edit_free (AttainReviewEdit *edit);

#define ATTAIN_TYPE_REVIEW_SECTION (attain_review_section_get_type ())
G_DECLARE_INTERFACE (AttainReviewSection, attain_review_section, ATTAIN, REVIEW_SECTION, GtkWidget)

/* A part of the review form (results, interview, a text, the plan, next goals; later the
 * scorecard, 360 and rating). The page knows sections only through this interface:
 *   set_sheet:  show this review (locked when signed off); what was typed before is dropped
 *   show_edit:  put an edit that is not saved yet on screen; FALSE when not this section's
 *   collect:    hand over what was typed since the last collect, as edits
 *   get_text:   a field's text as on screen, or NULL when not this section's
 *   type_text:  put text into a field as if typed (scripts, tests); FALSE when not its own
 * A section emits "changed" when the director types; the page saves shortly after. */
struct _AttainReviewSectionInterface
{
  GTypeInterface parent_iface;

  void (*set_sheet) (AttainReviewSection *self, const AttainReviewSheet *sheet);
  gboolean (*show_edit) (AttainReviewSection *self, const AttainReviewEdit *edit);
  void (*collect) (AttainReviewSection *self, GPtrArray *edits);
  char *(*get_text) (AttainReviewSection *self, const char *field);
  gboolean (*type_text) (AttainReviewSection *self, const char *field, const char *text);
};

void attain_review_section_set_sheet (AttainReviewSection *self, const AttainReviewSheet *sheet);
gboolean attain_review_section_show_edit (AttainReviewSection *self, const AttainReviewEdit *edit);
void     attain_review_section_collect (AttainReviewSection *self, GPtrArray *edits);
char    *attain_review_section_get_text (AttainReviewSection *self, const char *field);
gboolean
attain_review_section_type_text (AttainReviewSection *self, const char *field, const char *text);
void attain_review_section_emit_changed (AttainReviewSection *self);

G_END_DECLS

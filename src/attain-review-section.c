/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-review-section.h"

G_DEFINE_INTERFACE (AttainReviewSection, attain_review_section, GTK_TYPE_WIDGET)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
attain_review_section_default_init (AttainReviewSectionInterface *iface)
{
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

AttainReviewEdit *
attain_review_edit_new (const char *field, const char *value, GPtrArray *milestones)
{
  AttainReviewEdit *edit = g_new0 (AttainReviewEdit, 1);

  edit->field = g_strdup (field);
  edit->value = g_strdup (value);
  edit->milestones = milestones;
  return edit;
}

void
attain_review_edit_set_base (AttainReviewEdit *edit, const char *base)
{
  g_free (edit->base);
  edit->base = g_strdup (base);
  edit->has_base = TRUE;
}

void
attain_review_edit_free (AttainReviewEdit *edit)
{
  if (edit == NULL)
    return;
  g_free (edit->base);
  g_free (edit->field);
  g_free (edit->value);
  g_clear_pointer (&edit->milestones, g_ptr_array_unref);
  g_free (edit);
}

void
attain_review_section_set_sheet (AttainReviewSection *self, const AttainReviewSheet *sheet)
{
  g_return_if_fail (ATTAIN_IS_REVIEW_SECTION (self));
  ATTAIN_REVIEW_SECTION_GET_IFACE (self)->set_sheet (self, sheet);
}

gboolean
attain_review_section_show_edit (AttainReviewSection *self, const AttainReviewEdit *edit)
{
  AttainReviewSectionInterface *iface;

  g_return_val_if_fail (ATTAIN_IS_REVIEW_SECTION (self), FALSE);
  iface = ATTAIN_REVIEW_SECTION_GET_IFACE (self);
  return iface->show_edit != NULL && iface->show_edit (self, edit);
}

void
attain_review_section_collect (AttainReviewSection *self, GPtrArray *edits)
{
  AttainReviewSectionInterface *iface;

  g_return_if_fail (ATTAIN_IS_REVIEW_SECTION (self));
  iface = ATTAIN_REVIEW_SECTION_GET_IFACE (self);
  if (iface->collect != NULL)
    iface->collect (self, edits);
}

char *
attain_review_section_get_text (AttainReviewSection *self, const char *field)
{
  AttainReviewSectionInterface *iface;

  g_return_val_if_fail (ATTAIN_IS_REVIEW_SECTION (self), NULL);
  iface = ATTAIN_REVIEW_SECTION_GET_IFACE (self);
  return iface->get_text != NULL ? iface->get_text (self, field) : NULL;
}

gboolean
attain_review_section_type_text (AttainReviewSection *self, const char *field, const char *text)
{
  AttainReviewSectionInterface *iface;

  g_return_val_if_fail (ATTAIN_IS_REVIEW_SECTION (self), FALSE);
  iface = ATTAIN_REVIEW_SECTION_GET_IFACE (self);
  return iface->type_text != NULL && iface->type_text (self, field, text);
}

void
attain_review_section_emit_changed (AttainReviewSection *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

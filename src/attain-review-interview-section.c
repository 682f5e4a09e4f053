/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-review-interview-section.h"

#include <adwaita.h>

#include "attain-date-button.h"

/* Who holds the one-on-one and when: the review's reviewer and interview_on fields. */
struct _AttainReviewInterviewSection
{
  GtkWidget parent_instance;

  AdwEntryRow *reviewer_row;
  AdwEntryRow *interview_on_row;
  GtkWidget   *date_button;

  gboolean reviewer_changed;
  gboolean interview_on_changed;
  char    *loaded[2]; /* reviewer, interview date as on disk: what the typing goes over */
  gboolean filling;
  GDate    today;
};

static void attain_review_interview_section_iface_init (AttainReviewSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AttainReviewInterviewSection,
                               attain_review_interview_section,
                               GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ATTAIN_TYPE_REVIEW_SECTION,
                                                      attain_review_interview_section_iface_init))

static AdwEntryRow *
row_of (AttainReviewInterviewSection *self, const char *field)
{
  if (g_strcmp0 (field, "reviewer") == 0)
    return self->reviewer_row;
  if (g_strcmp0 (field, "interview_on") == 0)
    return self->interview_on_row;
  return NULL;
}

static void
show_text (AttainReviewInterviewSection *self, AdwEntryRow *row, const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text ? text : "") == 0)
    return;
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  self->filling = FALSE;
}

static void
on_row_changed_cb (AttainReviewInterviewSection *self, GtkEditable *row)
{
  if (self->filling)
    return;
  if (row == GTK_EDITABLE (self->reviewer_row))
    self->reviewer_changed = TRUE;
  else
    self->interview_on_changed = TRUE;
  attain_review_section_emit_changed (ATTAIN_REVIEW_SECTION (self));
}

static void
interview_set_sheet (AttainReviewSection *section, const AttainReviewSheet *sheet)
{
  AttainReviewInterviewSection *self = ATTAIN_REVIEW_INTERVIEW_SECTION (section);
  gboolean                      locked = attain_review_sheet_is_locked (sheet);

  self->reviewer_changed = self->interview_on_changed = FALSE;
  self->today = sheet->today;
  for (guint i = 0; i < 2; i++)
    g_free (self->loaded[i]);
  self->loaded[0] = g_strdup (sheet->review ? sheet->review->reviewer : NULL);
  self->loaded[1] = g_strdup (sheet->review ? sheet->review->interview_on : NULL);
  show_text (self, self->reviewer_row, sheet->review ? sheet->review->reviewer : NULL);
  show_text (self, self->interview_on_row, sheet->review ? sheet->review->interview_on : NULL);
  gtk_editable_set_editable (GTK_EDITABLE (self->reviewer_row), !locked);
  gtk_editable_set_editable (GTK_EDITABLE (self->interview_on_row), !locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "interview.today", !locked);
  gtk_widget_set_sensitive (self->date_button, !locked);
}

static gboolean
interview_show_edit (AttainReviewSection *section, const AttainReviewEdit *edit)
{
  AttainReviewInterviewSection *self = ATTAIN_REVIEW_INTERVIEW_SECTION (section);
  AdwEntryRow                  *row = row_of (self, edit->field);

  if (row == NULL)
    return FALSE;
  show_text (self, row, edit->value);
  return TRUE;
}

/* The edit goes over what was on disk (or last handed over); that is then the text. */
static void
add_edit (GPtrArray *edits, const char *field, const char *text, char **loaded)
{
  AttainReviewEdit *edit = attain_review_edit_new (field, text, NULL);

  attain_review_edit_set_base (edit, *loaded);
  g_free (*loaded);
  *loaded = g_strdup (text);
  g_ptr_array_add (edits, edit);
}

static void
interview_collect (AttainReviewSection *section, GPtrArray *edits)
{
  AttainReviewInterviewSection *self = ATTAIN_REVIEW_INTERVIEW_SECTION (section);

  if (self->reviewer_changed)
    add_edit (edits, "reviewer", gtk_editable_get_text (GTK_EDITABLE (self->reviewer_row)),
              &self->loaded[0]);
  if (self->interview_on_changed)
    {
      g_autofree char *date
          = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->interview_on_row))));
      add_edit (edits, "interview_on", date, &self->loaded[1]);
    }
  self->reviewer_changed = self->interview_on_changed = FALSE;
}

static char *
interview_get_text (AttainReviewSection *section, const char *field)
{
  AdwEntryRow *row = row_of (ATTAIN_REVIEW_INTERVIEW_SECTION (section), field);

  return row ? g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))) : NULL;
}

static gboolean
interview_type_text (AttainReviewSection *section, const char *field, const char *text)
{
  AdwEntryRow *row = row_of (ATTAIN_REVIEW_INTERVIEW_SECTION (section), field);

  if (row == NULL || !gtk_editable_get_editable (GTK_EDITABLE (row)))
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  return TRUE;
}

static void
attain_review_interview_section_iface_init (AttainReviewSectionInterface *iface)
{
  iface->set_sheet = interview_set_sheet;
  iface->show_edit = interview_show_edit;
  iface->collect = interview_collect;
  iface->get_text = interview_get_text;
  iface->type_text = interview_type_text;
}

static void
today_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainReviewInterviewSection *self = ATTAIN_REVIEW_INTERVIEW_SECTION (widget);
  g_autofree char              *iso = attain_date_to_iso (&self->today);

  gtk_editable_set_text (GTK_EDITABLE (self->interview_on_row), iso);
}

static void
attain_review_interview_section_finalize (GObject *object)
{
  AttainReviewInterviewSection *self = ATTAIN_REVIEW_INTERVIEW_SECTION (object);

  g_free (self->loaded[0]);
  g_free (self->loaded[1]);
  G_OBJECT_CLASS (attain_review_interview_section_parent_class)->finalize (object);
}

static void
attain_review_interview_section_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ATTAIN_TYPE_REVIEW_INTERVIEW_SECTION);
  /* The template's root has no id, so dispose_template leaves it. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (attain_review_interview_section_parent_class)->dispose (object);
}

static void
attain_review_interview_section_class_init (AttainReviewInterviewSectionClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = attain_review_interview_section_dispose;
  G_OBJECT_CLASS (klass)->finalize = attain_review_interview_section_finalize;
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/attain/Attain/ui/attain-review-interview-section.ui");
  gtk_widget_class_bind_template_child (widget_class, AttainReviewInterviewSection, reviewer_row);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewInterviewSection,
                                        interview_on_row);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed_cb);
  gtk_widget_class_install_action (widget_class, "interview.today", NULL, today_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
attain_review_interview_section_init (AttainReviewInterviewSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->date_button = attain_date_button_new (GTK_EDITABLE (self->interview_on_row));
  adw_entry_row_add_suffix (self->interview_on_row, self->date_button);
}

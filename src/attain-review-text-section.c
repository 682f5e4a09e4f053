/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-review-text-section.h"

#include <glib/gi18n.h>

/* One free-text field of the review (self-review, strengths, areas to improve, the employee's
 * view, training), under its heading; which one is the "field" property. */
struct _AttainReviewTextSection
{
  GtkWidget parent_instance;

  GtkLabel    *title_label;
  GtkTextView *view;
  GtkLabel    *placeholder_label;
  GtkLabel    *records_label;

  char    *field;
  gboolean changed;
  char    *loaded;  /* the text on disk this field is typed over */
  gboolean filling; /* set by the program, not typed */
};

static void attain_review_text_section_iface_init (AttainReviewSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AttainReviewTextSection,
                               attain_review_text_section,
                               GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ATTAIN_TYPE_REVIEW_SECTION,
                                                      attain_review_text_section_iface_init))

enum
{
  PROP_0,
  PROP_FIELD,
  PROP_TITLE,
  PROP_PLACEHOLDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
view_text (AttainReviewTextSection *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (self->view), &start, &end);
  return gtk_text_buffer_get_text (gtk_text_view_get_buffer (self->view), &start, &end, FALSE);
}

/* Replaced only when it differs: reloading after a save keeps the cursor where it was. */
static void
show_text (AttainReviewTextSection *self, const char *text)
{
  g_autofree char *current = view_text (self);

  if (g_strcmp0 (current, text ? text : "") == 0)
    return;
  self->filling = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->view), text ? text : "", -1);
  self->filling = FALSE;
}

static void
update_placeholder (AttainReviewTextSection *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->placeholder_label),
                          gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (self->view))
                              == 0);
}

static void
on_buffer_changed_cb (AttainReviewTextSection *self)
{
  update_placeholder (self);
  if (self->filling)
    return;
  self->changed = TRUE;
  attain_review_section_emit_changed (ATTAIN_REVIEW_SECTION (self));
}

/* The training field shows the courses on record above the notes: one line each, with its
 * dates and whether it was done (as at sign-off once signed). */
static void
show_records (AttainReviewTextSection *self, const AttainReviewSheet *sheet)
{
  g_autoptr (GString) lines = g_string_new (NULL);

  for (guint i = 0; g_strcmp0 (self->field, "training") == 0 && sheet->training != NULL
                    && i < sheet->training->len;
       i++)
    {
      const AttainTrainingRecord *record
          = &g_array_index (sheet->training, AttainTrainingRecord, i);
      /* Translators: a course on the review form: name, first day, last day, status */
      if (i > 0)
        g_string_append_c (lines, '\n');
      g_string_append_printf (lines, _ ("%s · %s to %s · %s"), record->course, record->starts_on,
                              record->ends_on, attain_training_status_label (record->status));
    }
  gtk_label_set_text (self->records_label, lines->str);
  gtk_widget_set_visible (GTK_WIDGET (self->records_label), lines->len > 0);
}

static void
text_set_sheet (AttainReviewSection *section, const AttainReviewSheet *sheet)
{
  AttainReviewTextSection *self = ATTAIN_REVIEW_TEXT_SECTION (section);

  self->changed = FALSE;
  g_free (self->loaded);
  self->loaded
      = g_strdup (sheet->review ? attain_review_get_field (sheet->review, self->field) : NULL);
  show_text (self, self->loaded);
  gtk_text_view_set_editable (self->view, !attain_review_sheet_is_locked (sheet));
  show_records (self, sheet);
}

static gboolean
text_show_edit (AttainReviewSection *section, const AttainReviewEdit *edit)
{
  AttainReviewTextSection *self = ATTAIN_REVIEW_TEXT_SECTION (section);

  if (g_strcmp0 (edit->field, self->field) != 0)
    return FALSE;
  show_text (self, edit->value);
  return TRUE;
}

static void
text_collect (AttainReviewSection *section, GPtrArray *edits)
{
  AttainReviewTextSection *self = ATTAIN_REVIEW_TEXT_SECTION (section);
  g_autofree char         *text = NULL;

  if (!self->changed)
    return;
  self->changed = FALSE;
  text = view_text (self);
  g_ptr_array_add (edits, attain_review_edit_new (self->field, text, NULL));
  attain_review_edit_set_base (g_ptr_array_index (edits, edits->len - 1), self->loaded);
  g_free (self->loaded);
  self->loaded = g_steal_pointer (&text);
}

static char *
text_get_text (AttainReviewSection *section, const char *field)
{
  AttainReviewTextSection *self = ATTAIN_REVIEW_TEXT_SECTION (section);

  if (g_strcmp0 (field, self->field) != 0)
    return NULL;
  return view_text (self);
}

static gboolean
text_type_text (AttainReviewSection *section, const char *field, const char *text)
{
  AttainReviewTextSection *self = ATTAIN_REVIEW_TEXT_SECTION (section);

  if (g_strcmp0 (field, self->field) != 0 || !gtk_text_view_get_editable (self->view))
    return FALSE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->view), text, -1);
  return TRUE;
}

static void
attain_review_text_section_iface_init (AttainReviewSectionInterface *iface)
{
  iface->set_sheet = text_set_sheet;
  iface->show_edit = text_show_edit;
  iface->collect = text_collect;
  iface->get_text = text_get_text;
  iface->type_text = text_type_text;
}

static void
attain_review_text_section_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  AttainReviewTextSection *self = ATTAIN_REVIEW_TEXT_SECTION (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      g_free (self->field);
      self->field = g_value_dup_string (value);
      break;
    case PROP_TITLE:
      gtk_label_set_label (self->title_label, g_value_get_string (value));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      g_value_get_string (value), -1);
      break;
    case PROP_PLACEHOLDER:
      gtk_label_set_label (self->placeholder_label, g_value_get_string (value));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      g_value_get_string (value), -1);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attain_review_text_section_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  AttainReviewTextSection *self = ATTAIN_REVIEW_TEXT_SECTION (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;
    case PROP_TITLE:
      g_value_set_string (value, gtk_label_get_label (self->title_label));
      break;
    case PROP_PLACEHOLDER:
      g_value_set_string (value, gtk_label_get_label (self->placeholder_label));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attain_review_text_section_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ATTAIN_TYPE_REVIEW_TEXT_SECTION);
  /* The template's root has no id, so dispose_template leaves it. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (attain_review_text_section_parent_class)->dispose (object);
}

static void
attain_review_text_section_finalize (GObject *object)
{
  g_free (ATTAIN_REVIEW_TEXT_SECTION (object)->field);
  g_free (ATTAIN_REVIEW_TEXT_SECTION (object)->loaded);
  G_OBJECT_CLASS (attain_review_text_section_parent_class)->finalize (object);
}

static void
attain_review_text_section_class_init (AttainReviewTextSectionClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = attain_review_text_section_dispose;
  object_class->finalize = attain_review_text_section_finalize;
  object_class->get_property = attain_review_text_section_get_property;
  object_class->set_property = attain_review_text_section_set_property;

  /* The review field it edits: self_review, rating_comment, strengths, improvements,
   * employee_view, training. */
  properties[PROP_FIELD]
      = g_param_spec_string ("field", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE]
      = g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* What belongs in the field, shown while it is empty. */
  properties[PROP_PLACEHOLDER] = g_param_spec_string ("placeholder", NULL, NULL, NULL,
                                                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/attain/Attain/ui/attain-review-text-section.ui");
  gtk_widget_class_bind_template_child (widget_class, AttainReviewTextSection, title_label);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewTextSection, view);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewTextSection, placeholder_label);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewTextSection, records_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
attain_review_text_section_init (AttainReviewTextSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (gtk_text_view_get_buffer (self->view), "changed",
                           G_CALLBACK (on_buffer_changed_cb), self, G_CONNECT_SWAPPED);
}

const char *
attain_review_text_section_get_placeholder (AttainReviewTextSection *self)
{
  g_return_val_if_fail (ATTAIN_IS_REVIEW_TEXT_SECTION (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->placeholder_label))
             ? gtk_label_get_label (self->placeholder_label)
             : NULL;
}

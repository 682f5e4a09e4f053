/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-feedback-window.h"

#include <glib/gi18n.h>

#include "attain-document-print.h"
#include "model/attain-feedback.h"
#include "report/attain-questionnaire-report.h"
#include "report/attain-review-report.h"
#include "model/attain-json.h"

struct _AttainFeedbackWindow
{
  AdwWindow parent_instance;

  AttainContext       *context;
  gint64               cycle_id;
  char                *cycle_name;
  GArray              *people; /* gint64, as the person row lists them */
  AdwComboRow         *person_row;
  AdwComboRow         *type_row;
  AdwEntryRow         *name_row;
  GtkLabel            *code_label;
  GtkLabel            *state_label;
  AdwToastOverlay     *toasts;
  AdwPreferencesGroup *progress_group;
  GPtrArray           *progress_rows;
  char                *code;
  AdwEntryRow         *paper_code_row;
  AdwEntryRow         *paper_comment_row;
  GtkWidget *paper_entries[ATTAIN_FEEDBACK_N_DIMENSIONS * ATTAIN_FEEDBACK_QUESTIONS_PER_DIMENSION];
};

G_DEFINE_FINAL_TYPE (AttainFeedbackWindow, attain_feedback_window, ADW_TYPE_WINDOW)

static void
toast (AttainFeedbackWindow *self, const char *message)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

/* Counts per person and group, and the names still to answer: what may be said while the
 * collection is open. */
static void
refresh (AttainFeedbackWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) progress = attain_feedback_progress_to_json (
      attain_context_get_db (self->context), self->cycle_id, &error);
  gboolean closed;
  int      reopened;

  for (guint i = 0; i < self->progress_rows->len; i++)
    adw_preferences_group_remove (self->progress_group, g_ptr_array_index (self->progress_rows, i));
  g_ptr_array_set_size (self->progress_rows, 0);
  if (progress != NULL)
    {
      JsonArray *rows = json_node_get_array (progress);
      for (guint i = 0; i < json_array_get_length (rows) && i < 5000; i++)
        {
          JsonObject      *o = json_array_get_object_element (rows, i);
          AttainRaterType  type = ATTAIN_RATER_SELF;
          GtkWidget       *row = adw_action_row_new ();
          const char      *not_yet = attain_json_get_string (o, "not_yet");
          g_autofree char *title = NULL, *subtitle = NULL;

          attain_rater_type_parse (attain_json_get_string (o, "type"), &type);
          /* Translators: a progress row of the 360: the person rated and the rater group */
          title = g_strdup_printf (_ ("%s · %s"), attain_json_get_string (o, "name"),
                                   attain_rater_type_label (type));
          if (not_yet != NULL && not_yet[0] != '\0')
            /* Translators: answers in and asked, then who has not answered yet */
            subtitle = g_strdup_printf (_ ("%u of %u answered · not yet: %s"),
                                        (guint) attain_json_get_number (o, "answered"),
                                        (guint) attain_json_get_number (o, "asked"), not_yet);
          else
            subtitle = g_strdup_printf (_ ("%u of %u answered"),
                                        (guint) attain_json_get_number (o, "answered"),
                                        (guint) attain_json_get_number (o, "asked"));
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          adw_preferences_group_add (self->progress_group, row);
          g_ptr_array_add (self->progress_rows, row);
        }
    }
  if (attain_feedback_state (attain_context_get_db (self->context), self->cycle_id, &closed,
                             &reopened, NULL))
    {
      g_autofree char *text = NULL;
      if (closed)
        text = g_strdup (_ ("Closed: the results are released to the review forms and reports. "
                            "A late answer reopens the collection."));
      else if (reopened > 0)
        text = g_strdup (_ ("Reopened by a late answer: results are held back until it is "
                            "closed again."));
      else
        text = g_strdup (_ ("Collecting answers: results stay hidden until the collection is "
                            "closed, so no single answer can be told from the averages."));
      gtk_label_set_label (self->state_label, text);
    }
}

static void
assign_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainFeedbackWindow *self = ATTAIN_FEEDBACK_WINDOW (widget);
  guint                 p = adw_combo_row_get_selected (self->person_row);
  g_autoptr (GError) error = NULL;
  char *code;

  if (p >= self->people->len)
    return;
  code = attain_feedback_assign (
      attain_context_get_db (self->context), self->cycle_id,
      g_array_index (self->people, gint64, p),
      (AttainRaterType) MIN (adw_combo_row_get_selected (self->type_row), ATTAIN_N_RATER_TYPES - 1),
      gtk_editable_get_text (GTK_EDITABLE (self->name_row)), &error);
  if (code == NULL)
    {
      toast (self, error->message);
      return;
    }
  g_free (self->code);
  self->code = code;
  {
    /* Translators: the response code a rater enters in the survey; %s are the name and code */
    g_autofree char *text
        = g_strdup_printf (_ ("Response code for %s: %s"),
                           gtk_editable_get_text (GTK_EDITABLE (self->name_row)), code);
    gtk_label_set_label (self->code_label, text);
  }
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  refresh (self);
}

gboolean
attain_feedback_window_import (AttainFeedbackWindow *self, const char *path)
{
  g_autoptr (GError) error = NULL;
  gboolean reopened = FALSE;
  guint    n = 0;

  if (!attain_feedback_import (attain_context_get_db (self->context), self->cycle_id, path, &n,
                               &reopened, &error))
    {
      toast (self, error->message);
      return FALSE;
    }
  {
    g_autofree char *message = g_strdup_printf (
        reopened ? g_dngettext (GETTEXT_PACKAGE,
                                "Imported %u answer. It came after the close: the collection is "
                                "open again until you close it.",
                                "Imported %u answers. They came after the close: the collection "
                                "is open again until you close it.",
                                n)
                 : g_dngettext (GETTEXT_PACKAGE, "Imported %u answer.", "Imported %u answers.", n),
        n);
    toast (self, message);
  }
  refresh (self);
  return TRUE;
}

static void
import_response_cb (GtkNativeDialog *chooser, int response, AttainFeedbackWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      attain_feedback_window_import (self, path);
    }
  g_object_unref (chooser);
}

static void
import_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  GtkFileChooserNative *chooser
      = gtk_file_chooser_native_new (_ ("Import Survey Answers"), GTK_WINDOW (widget),
                                     GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Import"), _ ("_Cancel"));

  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* A returned paper questionnaire, typed in under its code: the same unlinked way as a survey's
 * answers. An empty box is a question not ticked. */
static void
enter_paper_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainFeedbackWindow *self = ATTAIN_FEEDBACK_WINDOW (widget);
  int                   ratings[G_N_ELEMENTS (self->paper_entries)];
  gboolean              reopened = FALSE;
  g_autoptr (GError) error = NULL;

  for (guint q = 0; q < G_N_ELEMENTS (self->paper_entries); q++)
    {
      g_autofree char *text
          = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->paper_entries[q]))));
      if (text[0] == '\0')
        ratings[q] = 0;
      else if (text[0] >= '1' && text[0] <= '5' && text[1] == '\0')
        ratings[q] = text[0] - '0';
      else
        {
          g_autofree char *question
              = attain_feedback_question_code (q / ATTAIN_FEEDBACK_QUESTIONS_PER_DIMENSION,
                                               q % ATTAIN_FEEDBACK_QUESTIONS_PER_DIMENSION);
          /* Translators: a bad box of a typed-in questionnaire: the question code, the text */
          g_autofree char *message = g_strdup_printf (
              _ ("%s: “%s” is not a rating from 1 to 5. Nothing was saved."), question, text);
          gtk_widget_grab_focus (self->paper_entries[q]);
          toast (self, message);
          return;
        }
    }
  if (!attain_feedback_enter (attain_context_get_db (self->context), self->cycle_id,
                              gtk_editable_get_text (GTK_EDITABLE (self->paper_code_row)), ratings,
                              gtk_editable_get_text (GTK_EDITABLE (self->paper_comment_row)),
                              &reopened, &error))
    {
      toast (self, error->message);
      return;
    }
  toast (self, reopened ? _ ("Saved. It came after the close: the collection is open again until "
                             "you close it.")
                        : _ ("Saved; it is kept apart from the code's rater."));
  gtk_editable_set_text (GTK_EDITABLE (self->paper_code_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->paper_comment_row), "");
  for (guint q = 0; q < G_N_ELEMENTS (self->paper_entries); q++)
    gtk_editable_set_text (GTK_EDITABLE (self->paper_entries[q]), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->paper_code_row));
  refresh (self);
}

static GtkWidget *
paper_group (AttainFeedbackWindow *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *save = gtk_button_new_with_mnemonic (_ ("Save _Answer"));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   _ ("Type In a Paper Questionnaire"));
  adw_preferences_group_set_description (
      ADW_PREFERENCES_GROUP (group),
      _ ("The code printed on it says whom it is about; what it says is kept apart from who "
         "answered, as with the survey."));
  self->paper_code_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->paper_code_row), _ ("Response code"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->paper_code_row));
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  for (guint d = 0; d < ATTAIN_FEEDBACK_N_DIMENSIONS; d++)
    {
      GtkWidget *label = gtk_label_new (attain_feedback_dimension_label (d));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_grid_attach (GTK_GRID (grid), label, 0, d, 1, 1);
      for (guint q = 0; q < ATTAIN_FEEDBACK_QUESTIONS_PER_DIMENSION; q++)
        {
          guint            i = d * ATTAIN_FEEDBACK_QUESTIONS_PER_DIMENSION + q;
          g_autofree char *code = attain_feedback_question_code (d, q);
          GtkWidget       *entry = gtk_entry_new ();
          gtk_entry_set_max_length (GTK_ENTRY (entry), 1);
          gtk_editable_set_width_chars (GTK_EDITABLE (entry), 3);
          gtk_entry_set_placeholder_text (GTK_ENTRY (entry), code);
          gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_DIGITS);
          gtk_widget_set_tooltip_text (entry, attain_feedback_question_text (d, q));
          gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          attain_feedback_question_text (d, q), -1);
          gtk_grid_attach (GTK_GRID (grid), entry, 1 + q, d, 1, 1);
          self->paper_entries[i] = entry;
        }
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), grid);
  self->paper_comment_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->paper_comment_row), _ ("Comment"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "feedback.enter-paper");
  gtk_widget_set_valign (save, GTK_ALIGN_CENTER);
  adw_entry_row_add_suffix (self->paper_comment_row, save);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->paper_comment_row));
  return group;
}

static void
close_collection_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainFeedbackWindow *self = ATTAIN_FEEDBACK_WINDOW (widget);
  g_autoptr (GError) error = NULL;

  if (!attain_feedback_close (attain_context_get_db (self->context), self->cycle_id, &error))
    toast (self, error->message);
  else
    toast (self, _ ("The collection is closed and the results are released."));
  refresh (self);
}

/* A questionnaire for every rater who has not answered, as one print job. */
static void
print_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainFeedbackWindow *self = ATTAIN_FEEDBACK_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) questionnaires = attain_feedback_questionnaires (
      attain_context_get_db (self->context), self->cycle_id, &error);
  g_autoptr (GPtrArray) documents
      = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_document_free);
  g_autofree char *company = NULL;

  if (questionnaires == NULL)
    {
      toast (self, error->message);
      return;
    }
  if (questionnaires->len == 0)
    {
      toast (self, _ ("Every rater has answered: there is no questionnaire left to print."));
      return;
    }
  company = attain_db_get_setting (attain_context_get_db (self->context), "company_name", NULL);
  for (guint i = 0; i < questionnaires->len; i++)
    g_ptr_array_add (documents, attain_questionnaire_report (g_ptr_array_index (questionnaires, i),
                                                             company, self->cycle_name,
                                                             attain_report_language_for (NULL)));
  if (!attain_document_print_run (documents, _ ("360-degree feedback questionnaires"),
                                  GTK_WINDOW (self), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                  parameter ? g_variant_get_string (parameter, NULL) : NULL, FALSE,
                                  &error))
    toast (self, error->message);
}

static void
attain_feedback_window_dispose (GObject *object)
{
  AttainFeedbackWindow *self = ATTAIN_FEEDBACK_WINDOW (object);

  g_clear_pointer (&self->people, g_array_unref);
  g_clear_pointer (&self->progress_rows, g_ptr_array_unref);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->cycle_name, g_free);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (attain_feedback_window_parent_class)->dispose (object);
}

static void
attain_feedback_window_class_init (AttainFeedbackWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = attain_feedback_window_dispose;
  gtk_widget_class_install_action (widget_class, "feedback.assign", NULL, assign_action);
  gtk_widget_class_install_action (widget_class, "feedback.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "feedback.close", NULL, close_collection_action);
  gtk_widget_class_install_action (widget_class, "feedback.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "feedback.enter-paper", NULL, enter_paper_action);
  /* The same operation writing a PDF without a dialog: for tests and scripted runs. */
  gtk_widget_class_install_action (widget_class, "feedback.print-to-file", "s", print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "feedback.print",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
attain_feedback_window_init (AttainFeedbackWindow *self)
{
  self->people = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->progress_rows = g_ptr_array_new ();
}

static GtkWidget *
wrapped_label (const char *css)
{
  GtkWidget *label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
  return label;
}

GtkWidget *
attain_feedback_window_new (GtkWindow *parent, AttainContext *context, JsonNode *scores)
{
  JsonObject           *root = json_node_get_object (scores);
  JsonArray            *members = json_object_get_array_member (root, "people");
  AttainFeedbackWindow *self = g_object_new (
      ATTAIN_TYPE_FEEDBACK_WINDOW, "modal", TRUE, "transient-for", parent, "default-width", 600,
      "default-height", 720, "title", _ ("360-Degree Feedback"), NULL);
  GtkWidget     *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget     *header = adw_header_bar_new ();
  GtkWidget     *import = gtk_button_new_with_mnemonic (_ ("_Import Answers…"));
  GtkWidget     *close = gtk_button_new_with_mnemonic (_ ("C_lose Collection"));
  GtkWidget     *page = adw_preferences_page_new ();
  GtkWidget     *assign_group = adw_preferences_group_new ();
  GtkWidget     *assign = gtk_button_new_with_mnemonic (_ ("_Assign"));
  GtkStringList *names = gtk_string_list_new (NULL);
  GtkStringList *types = gtk_string_list_new (NULL);
  GtkWidget     *state_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->context = g_object_ref (context);
  self->cycle_id = (gint64) attain_json_get_number (root, "cycle");
  self->cycle_name = g_strdup (attain_json_get_string (root, "name"));
  adw_header_bar_set_title_widget (
      ADW_HEADER_BAR (header),
      adw_window_title_new (_ ("360-Degree Feedback"), attain_json_get_string (root, "name")));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (import), "feedback.import");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (close), "feedback.close");
  gtk_widget_set_tooltip_text (close, _ ("Release the results; answers are stored unlinked from "
                                         "who gave them"));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), import);
  {
    GtkWidget *print = gtk_button_new_from_icon_name ("printer-symbolic");
    gtk_actionable_set_action_name (GTK_ACTIONABLE (print), "feedback.print");
    gtk_widget_set_tooltip_text (print, _ ("Print the Questionnaires of Raters Who Have Not "
                                           "Answered"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (print), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _ ("Print the Questionnaires of Raters Who Have Not "
                                       "Answered"),
                                    -1);
    adw_header_bar_pack_start (ADW_HEADER_BAR (header), print);
  }
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), close);
  gtk_box_append (GTK_BOX (box), header);

  self->state_label = GTK_LABEL (wrapped_label ("dim-label"));
  self->code_label = GTK_LABEL (wrapped_label ("heading"));
  gtk_box_append (GTK_BOX (state_box), GTK_WIDGET (self->state_label));
  gtk_box_append (GTK_BOX (state_box), GTK_WIDGET (self->code_label));
  {
    GtkWidget *state_group = adw_preferences_group_new ();
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (state_group), state_box);
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (state_group));
  }

  for (guint i = 0; i < json_array_get_length (members); i++)
    {
      JsonObject *p = json_array_get_object_element (members, i);
      gint64      id = (gint64) attain_json_get_number (p, "person");
      g_array_append_val (self->people, id);
      gtk_string_list_append (names, attain_json_get_string (p, "name"));
    }
  for (guint t = 0; t < ATTAIN_N_RATER_TYPES; t++)
    gtk_string_list_append (types, attain_rater_type_label (t));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (assign_group), _ ("Assign a Rater"));
  adw_preferences_group_set_description (
      ADW_PREFERENCES_GROUP (assign_group),
      _ ("Each rater gets a response code to enter in the survey (or on the printed "
         "questionnaire). Peers and subordinates are shown only as averages of at least three "
         "answers."));
  self->person_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->person_row), _ ("Person rated"));
  adw_combo_row_set_model (self->person_row, G_LIST_MODEL (names));
  self->type_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->type_row), _ ("Rater's relation"));
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (types));
  adw_combo_row_set_selected (self->type_row, ATTAIN_RATER_PEER);
  self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _ ("Rater's name"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (assign), "feedback.assign");
  gtk_widget_set_valign (assign, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (assign, "suggested-action");
  adw_entry_row_add_suffix (self->name_row, assign);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (assign_group), GTK_WIDGET (self->person_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (assign_group), GTK_WIDGET (self->type_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (assign_group), GTK_WIDGET (self->name_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (assign_group));
  g_object_unref (names);
  g_object_unref (types);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (paper_group (self)));

  self->progress_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->progress_group, _ ("Progress"));
  adw_preferences_group_set_description (
      self->progress_group, _ ("Counts and who has not answered yet; never who said what."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->progress_group);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, page);
  gtk_widget_set_vexpand (GTK_WIDGET (self->toasts), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), box);
  refresh (self);
  return GTK_WIDGET (self);
}

const char *
attain_feedback_window_get_code (AttainFeedbackWindow *self)
{
  g_return_val_if_fail (ATTAIN_IS_FEEDBACK_WINDOW (self), NULL);
  return self->code;
}

const char *
attain_feedback_window_get_state (AttainFeedbackWindow *self)
{
  g_return_val_if_fail (ATTAIN_IS_FEEDBACK_WINDOW (self), NULL);
  return gtk_label_get_label (self->state_label);
}

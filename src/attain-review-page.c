/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The review form: which person and period (the session's), loading their sheet on a worker,
 * and saving what is typed. What the form holds is in its sections (attain-review-*-section.c);
 * printing and sign-off are in attain-review-page-actions.c. */
#include "attain-review-page-private.h"

#include <glib/gi18n.h>

#include "attain-person-chooser.h"
#include "attain-review-interview-section.h"
#include "attain-review-results-section.h"
#include "attain-review-text-section.h"

#define SAVE_DELAY_MS 400
#define RETRY_DELAY_MS 2000

G_DEFINE_FINAL_TYPE (AttainReviewPage, attain_review_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CONTEXT,
  PROP_REPORT_LANGUAGE,
  PROP_WITH_STATEMENT,
  N_PROPS
};

enum
{
  LOADED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

static void
show_draft (const AttainReviewEdit *edit, gpointer data)
{
  AttainReviewPage *self = data;

  FOR_EACH_SECTION (self, section)
    if (attain_review_section_show_edit (section, edit))
      break;
}

static void
load_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (AttainReviewPage) self = user_data;
  g_autoptr (GError) error = NULL;
  AttainReviewSheet *sheet = attain_review_sheet_load_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  if (sheet == NULL)
    {
      attain_review_page_toast (self, error->message);
      attain_review_page_update_state (self);
      g_signal_emit (self, signals[LOADED], 0);
      return;
    }
  /* Anything typed while the sheet was on its way is kept, then shown over what the file has. */
  attain_review_page_collect_edits (self);
  g_clear_pointer (&self->sheet, attain_review_sheet_free);
  self->sheet = sheet;
  adw_window_title_set_title (self->window_title, sheet->dashboard->scope_name);
  attain_person_chooser_set_label (self->person_chooser, sheet->dashboard->scope_name);
  FOR_EACH_SECTION (self, section)
    attain_review_section_set_sheet (section, sheet);
  attain_review_drafts_foreach (self->drafts, self->person_id, &self->period, show_draft, self);
  gtk_stack_set_visible_child_name (self->content_stack, "form");
  attain_review_page_update_state (self);
  g_signal_emit (self, signals[LOADED], 0);
}

/* The session's person and period, read on a worker; a newer load cancels this one. */
void
attain_review_page_load (AttainReviewPage *self)
{
  g_autofree char *period_label = attain_period_to_label (&self->period);
  GDate            today;

  /* What was typed stays a draft of its own review and is saved on a worker: switching person
   * or period never waits for the file. */
  attain_review_page_collect_edits (self);
  attain_review_page_schedule_save (self);
  g_cancellable_cancel (self->load);
  g_clear_object (&self->load);
  gtk_button_set_label (self->period_button, period_label);
  adw_window_title_set_subtitle (self->window_title, period_label);
  if (self->person_id == 0)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "none");
      attain_review_page_update_state (self);
      return;
    }
  /* A sheet of someone else must not take what is typed now. */
  if (self->sheet != NULL
      && (self->sheet->person_id != self->person_id
          || !attain_period_equal (&self->sheet->period, &self->period)))
    g_clear_pointer (&self->sheet, attain_review_sheet_free);
  self->load = g_cancellable_new ();
  self->loading = TRUE;
  attain_review_page_update_state (self);
  attain_context_get_today (self->context, &today);
  attain_review_sheet_load_async (attain_context_get_db_path (self->context), self->person_id,
                                  &self->period, &today, self->load, load_done_cb,
                                  g_object_ref (self));
}

static void
on_session_cb (AttainReviewPage *self)
{
  AttainScope scope;
  gint64      person_id = self->person_id;

  /* A unit chosen elsewhere leaves the last person here. */
  if (attain_session_get_scope (self->session, &scope) && scope.kind == ATTAIN_SCOPE_PERSON)
    person_id = scope.id;
  if (person_id == self->person_id
      && attain_period_equal (&self->period, attain_session_get_period (self->session))
      && self->sheet != NULL)
    return;
  attain_review_page_collect_edits (self); /* into the drafts of the review being left */
  self->person_id = person_id;
  self->period = *attain_session_get_period (self->session);
  attain_review_page_load (self);
}

static void
select_person_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainReviewPage *self = ATTAIN_REVIEW_PAGE (widget);
  AttainScope       scope;

  if (attain_scope_parse (g_variant_get_string (parameter, NULL), &scope)
      && scope.kind == ATTAIN_SCOPE_PERSON)
    attain_session_set_scope (self->session, &scope);
}

static void
on_person_chosen_cb (AttainReviewPage *self, const char *scope)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "review.select-person", "s", scope);
}

/* Only the people list follows other writes: reloading the form would overwrite what is being
 * typed with what was saved a moment ago. */
static void
on_context_changed_cb (AttainReviewPage *self, guint changes)
{
  if (changes & ATTAIN_DB_CHANGE_ORG)
    attain_person_chooser_reload (self->person_chooser, attain_context_get_db (self->context));
}

static void
attain_review_page_constructed (GObject *object)
{
  AttainReviewPage *self = ATTAIN_REVIEW_PAGE (object);

  G_OBJECT_CLASS (attain_review_page_parent_class)->constructed (object);

  self->session = g_object_ref (attain_context_get_session (self->context));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "session",
                                  attain_session_get_actions (self->session));
  g_signal_connect_object (self->session, "notify::period", G_CALLBACK (on_session_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::scope", G_CALLBACK (on_session_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "changed", G_CALLBACK (on_context_changed_cb), self,
                           G_CONNECT_SWAPPED);
  FOR_EACH_SECTION (self, section)
    g_signal_connect_object (section, "changed", G_CALLBACK (attain_review_page_on_section_changed),
                             self, G_CONNECT_SWAPPED);
  attain_person_chooser_reload (self->person_chooser, attain_context_get_db (self->context));
  attain_review_page_open_journal (self);
  self->period = *attain_session_get_period (self->session);
  on_session_cb (self);
  attain_review_page_load (self);
}

static void
attain_review_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  AttainReviewPage *self = ATTAIN_REVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_REPORT_LANGUAGE:
      g_value_set_string (value, self->report_language);
      break;
    case PROP_WITH_STATEMENT:
      g_value_set_boolean (value, self->with_statement);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attain_review_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AttainReviewPage *self = ATTAIN_REVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_REPORT_LANGUAGE:
      if (g_strcmp0 (self->report_language, g_value_get_string (value)) != 0)
        {
          g_free (self->report_language);
          self->report_language
              = g_strdup (g_value_get_string (value) ? g_value_get_string (value) : "");
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_WITH_STATEMENT:
      if (self->with_statement != g_value_get_boolean (value))
        {
          self->with_statement = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
attain_review_page_dispose (GObject *object)
{
  AttainReviewPage *self = ATTAIN_REVIEW_PAGE (object);
  GtkWidget        *child;

  /* Closing the window writes what was typed in the last moments; what the widgets do while
   * they are taken down is not typing. */
  if (self->context != NULL && self->drafts != NULL)
    attain_review_page_flush (self);
  self->closing = TRUE;
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_cancellable_cancel (self->load);
  g_clear_object (&self->load);
  g_cancellable_cancel (self->batch);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATTAIN_TYPE_REVIEW_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (attain_review_page_parent_class)->dispose (object);
}

static void
attain_review_page_finalize (GObject *object)
{
  AttainReviewPage *self = ATTAIN_REVIEW_PAGE (object);

  g_clear_pointer (&self->sheet, attain_review_sheet_free);
  g_clear_pointer (&self->drafts, attain_review_drafts_free);
  g_clear_object (&self->batch);
  g_free (self->unsaved_reason);
  g_free (self->report_language);
  g_free (self->journal);
  G_OBJECT_CLASS (attain_review_page_parent_class)->finalize (object);
}

static void
attain_review_page_class_init (AttainReviewPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = attain_review_page_constructed;
  object_class->dispose = attain_review_page_dispose;
  object_class->finalize = attain_review_page_finalize;
  object_class->get_property = attain_review_page_get_property;
  object_class->set_property = attain_review_page_set_property;

  properties[PROP_CONTEXT]
      = g_param_spec_object ("context", NULL, NULL, ATTAIN_TYPE_CONTEXT,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* "" prints in the window's language; zh_CN, zh_TW or en switch one print or export. */
  properties[PROP_REPORT_LANGUAGE]
      = g_param_spec_string ("report-language", NULL, NULL, "",
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Prints and PDFs of a review add the person's bonus statement for the period after it. */
  properties[PROP_WITH_STATEMENT]
      = g_param_spec_boolean ("with-statement", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  /* After each sheet load that was not overtaken, shown or failed. */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (ATTAIN_TYPE_PERSON_CHOOSER);
  g_type_ensure (ATTAIN_TYPE_REVIEW_RESULTS_SECTION);
  g_type_ensure (ATTAIN_TYPE_REVIEW_INTERVIEW_SECTION);
  g_type_ensure (ATTAIN_TYPE_REVIEW_TEXT_SECTION);
  g_type_ensure (ATTAIN_TYPE_REVIEW_PLAN_SECTION);
  g_type_ensure (ATTAIN_TYPE_REVIEW_GOALS_SECTION);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/attain/Attain/ui/attain-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AttainReviewPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewPage, form_box);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewPage, goals_section);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewPage, plan_section);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewPage, period_button);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewPage, person_chooser);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AttainReviewPage, window_title);
  gtk_widget_class_bind_template_callback (widget_class, on_person_chosen_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "review.select-person", "s", select_person_action);
  gtk_widget_class_install_property_action (widget_class, "review.report-language",
                                            "report-language");
  gtk_widget_class_install_property_action (widget_class, "review.with-statement",
                                            "with-statement");
  attain_review_page_class_actions (widget_class);
  attain_review_page_class_saving (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "session.previous-period", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "session.next-period", NULL);
}

static void
attain_review_page_init (AttainReviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->drafts = attain_review_drafts_new ();
  self->report_language = g_strdup ("");
}

GtkWidget *
attain_review_page_new (AttainContext *context)
{
  return g_object_new (ATTAIN_TYPE_REVIEW_PAGE, "context", context, NULL);
}

/* As if typed: shown in its section and saved shortly. */
void
attain_review_page_set_text (AttainReviewPage *self, const char *field, const char *text)
{
  g_return_if_fail (ATTAIN_IS_REVIEW_PAGE (self));
  FOR_EACH_SECTION (self, section)
    if (attain_review_section_type_text (section, field, text))
      break;
}

char *
attain_review_page_get_text (AttainReviewPage *self, const char *field)
{
  g_return_val_if_fail (ATTAIN_IS_REVIEW_PAGE (self), NULL);

  FOR_EACH_SECTION (self, section)
    {
      char *text = attain_review_section_get_text (section, field);
      if (text != NULL)
        return text;
    }
  return NULL;
}

const AttainReview *
attain_review_page_get_review (AttainReviewPage *self)
{
  g_return_val_if_fail (ATTAIN_IS_REVIEW_PAGE (self), NULL);
  return self->sheet ? self->sheet->review : NULL;
}

gboolean
attain_review_page_is_busy (AttainReviewPage *self)
{
  g_return_val_if_fail (ATTAIN_IS_REVIEW_PAGE (self), FALSE);
  return self->batch != NULL;
}

gboolean
attain_review_page_is_loading (AttainReviewPage *self)
{
  g_return_val_if_fail (ATTAIN_IS_REVIEW_PAGE (self), FALSE);
  return self->loading;
}

void
attain_review_page_add_milestone (AttainReviewPage *self,
                                  const char       *what,
                                  const char       *due_on,
                                  const char       *measure)
{
  g_autoptr (AttainMilestone) milestone
      = attain_milestone_new (what, due_on, measure, ATTAIN_MILESTONE_PLANNED);

  g_return_if_fail (ATTAIN_IS_REVIEW_PAGE (self));
  attain_review_plan_section_add (self->plan_section, milestone);
}

gboolean
attain_review_page_is_editable (AttainReviewPage *self)
{
  g_return_val_if_fail (ATTAIN_IS_REVIEW_PAGE (self), FALSE);
  return self->sheet != NULL && !attain_review_sheet_is_locked (self->sheet);
}

void
attain_review_page_set_next_goal (AttainReviewPage *self, guint metric_index, const char *target)
{
  g_return_if_fail (ATTAIN_IS_REVIEW_PAGE (self));
  attain_review_goals_section_set_new_goal (self->goals_section, metric_index, target);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-people-page.h"

#include "attain-history-window.h"
#include "model/attain-lock-exception.h"

#include <glib/gi18n.h>

#include "attain-person-item.h"
#include "model/attain-format.h"
#include "model/attain-parse.h"
#include "model/attain-period.h"
#include "model/attain-settings.h"

struct _AttainPeoplePage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkSearchEntry *search_entry;
  GtkDropDown    *team_dropdown;
  GtkCheckButton *left_check;
  GtkColumnView  *column_view;
  GtkLabel       *count_label;

  /* Owned */
  AttainContext      *context;
  GListStore         *store;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GPtrArray          *teams;     /* AttainChoice*, index 0 of the dropdown is "all teams" */
  GPtrArray          *positions; /* AttainChoice* */
  GtkWidget          *dialog;    /* the open form, for tests */
};

G_DEFINE_FINAL_TYPE (AttainPeoplePage, attain_people_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static gboolean
person_visible (gpointer item, gpointer user_data)
{
  AttainPeoplePage   *self = user_data;
  const AttainPerson *person = attain_person_item_get_person (item);
  guint               team = gtk_drop_down_get_selected (self->team_dropdown);

  if (!person->active && !gtk_check_button_get_active (self->left_check))
    return FALSE;
  if (team != GTK_INVALID_LIST_POSITION && team > 0 && self->teams != NULL
      && team - 1 < self->teams->len
      && ((AttainChoice *) g_ptr_array_index (self->teams, team - 1))->id != person->unit_id)
    return FALSE;
  return attain_person_matches (person, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
update_count (AttainPeoplePage *self)
{
  guint            shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *text = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%u person shown of %u", "%u people shown of %u", shown), shown,
      g_list_model_get_n_items (G_LIST_MODEL (self->store)));
  gtk_label_set_text (self->count_label, text);
}

static void
on_filter_changed_cb (AttainPeoplePage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
reload (AttainPeoplePage *self)
{
  AttainDb *db = attain_context_get_db (self->context);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) people = attain_people_list (db, &error);
  g_autoptr (GtkStringList) team_labels = gtk_string_list_new (NULL);
  guint  selected_team = gtk_drop_down_get_selected (self->team_dropdown);
  gint64 selected_team_id = 0;

  if (self->teams != NULL && selected_team != GTK_INVALID_LIST_POSITION && selected_team > 0
      && selected_team - 1 < self->teams->len)
    selected_team_id = ((AttainChoice *) g_ptr_array_index (self->teams, selected_team - 1))->id;

  g_clear_pointer (&self->teams, g_ptr_array_unref);
  g_clear_pointer (&self->positions, g_ptr_array_unref);
  self->teams = attain_team_choices (db, NULL);
  self->positions = attain_position_choices (db, NULL);
  gtk_string_list_append (team_labels, _ ("All teams"));
  selected_team = 0;
  for (guint i = 0; self->teams && i < self->teams->len; i++)
    {
      AttainChoice *choice = g_ptr_array_index (self->teams, i);
      gtk_string_list_append (team_labels, choice->label);
      if (choice->id == selected_team_id)
        selected_team = i + 1;
    }
  gtk_drop_down_set_model (self->team_dropdown, G_LIST_MODEL (team_labels));
  gtk_drop_down_set_selected (self->team_dropdown, selected_team);

  g_list_store_remove_all (self->store);
  if (people == NULL)
    {
      gtk_label_set_text (self->count_label, error->message);
      return;
    }
  for (guint i = 0; i < people->len; i++)
    {
      g_autoptr (AttainPersonItem) item = attain_person_item_new (g_ptr_array_index (people, i));
      g_ptr_array_index (people, i) = NULL;
      g_list_store_append (self->store, item);
    }
  g_ptr_array_set_free_func (people, NULL);
  update_count (self);
}

static const AttainPerson *
selected_person (AttainPeoplePage *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->selection);
  return item ? attain_person_item_get_person (item) : NULL;
}

static void
done (AttainPeoplePage *self, const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL && message != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  reload (self);
}

static void
on_context_changed_cb (AttainPeoplePage *self, guint changes)
{
  /* Review text, saved as it is typed, touches nothing shown here: no reload while typing. */
  if ((changes & ~ATTAIN_DB_CHANGE_REVIEWS) == 0)
    return;
  reload (self);
}

/* ---- forms: a message dialog with fields whose Save response is enabled only while the
 * input is valid, with the sentence saying why not under the fields; nothing typed is lost. */

typedef struct
{
  GtkWidget *name;
  GtkWidget *number;
  GtkWidget *team;
  GtkWidget *position;
  GtkWidget *date;
  GtkWidget *colleague;
  GtkWidget *message;
  GArray    *colleague_ids;
} Form;

static void
form_free (Form *form)
{
  if (form->colleague_ids)
    g_array_unref (form->colleague_ids);
  g_free (form);
}

static GtkWidget *
add_field (GtkWidget *grid, int row, const char *label, GtkWidget *field)
{
  GtkWidget *title = gtk_label_new (label);
  gtk_label_set_xalign (GTK_LABEL (title), 1);
  gtk_widget_add_css_class (title, "dim-label");
  gtk_grid_attach (GTK_GRID (grid), title, 0, row, 1, 1);
  gtk_widget_set_hexpand (field, TRUE);
  gtk_grid_attach (GTK_GRID (grid), field, 1, row, 1, 1);
  return field;
}

static GtkWidget *
choice_dropdown (GPtrArray *choices, gint64 selected_id, const char *first)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  guint      selected = 0;
  GtkWidget *dropdown;

  if (first)
    gtk_string_list_append (labels, first);
  for (guint i = 0; choices && i < choices->len; i++)
    {
      AttainChoice *choice = g_ptr_array_index (choices, i);
      gtk_string_list_append (labels, choice->label);
      if (choice->id == selected_id)
        selected = i + (first ? 1 : 0);
    }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  return dropdown;
}

static gint64
choice_id (GPtrArray *choices, GtkWidget *dropdown, gboolean has_first)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown));
  if (selected == GTK_INVALID_LIST_POSITION || (has_first && selected == 0))
    return 0;
  selected -= has_first ? 1 : 0;
  return choices && selected < choices->len
             ? ((AttainChoice *) g_ptr_array_index (choices, selected))->id
             : 0;
}

static void
validate_form (AdwMessageDialog *dialog)
{
  Form       *form = g_object_get_data (G_OBJECT (dialog), "form");
  const char *response = g_object_get_data (G_OBJECT (dialog), "ok-response");
  g_autoptr (GError) error = NULL;
  g_autofree char *name
      = form->name ? g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->name))))
                   : NULL;
  const char *problem = NULL;
  GDate       date;

  if (name != NULL && *name == '\0')
    problem = _ ("Enter a name.");
  else if (form->date
           && !attain_parse_date (gtk_editable_get_text (GTK_EDITABLE (form->date)),
                                  ATTAIN_DATE_ORDER_YMD, &date, &error))
    problem = error->message;
  gtk_label_set_text (GTK_LABEL (form->message), problem ? problem : "");
  adw_message_dialog_set_response_enabled (dialog, response, problem == NULL);
}

static AdwMessageDialog *
form_dialog (AttainPeoplePage *self,
             const char       *heading,
             const char       *body,
             const char       *ok_response,
             const char       *ok_label,
             GtkWidget       **grid_out,
             Form            **form_out)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, body);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *grid = gtk_grid_new ();
  Form      *form = g_new0 (Form, 1);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  form->message = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (form->message), TRUE);
  gtk_widget_add_css_class (form->message, "error");
  gtk_box_append (GTK_BOX (box), grid);
  gtk_box_append (GTK_BOX (box), form->message);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"),
                                    ok_response, ok_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), ok_response,
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), ok_response);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "form", form, (GDestroyNotify) form_free);
  g_object_set_data (G_OBJECT (dialog), "ok-response", (gpointer) ok_response);
  self->dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->dialog);
  *grid_out = grid;
  *form_out = form;
  return ADW_MESSAGE_DIALOG (dialog);
}

static GtkWidget *
date_entry (AttainPeoplePage *self)
{
  GtkWidget       *entry = gtk_entry_new ();
  g_autofree char *iso = NULL;
  GDate            today;

  attain_context_get_today (self->context, &today);
  iso = attain_date_to_iso (&today);
  gtk_editable_set_text (GTK_EDITABLE (entry), iso);
  return entry;
}

static void
show_error (AttainPeoplePage *self, const GError *error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
  /* A change refused because the row moved on shows the list as it is on disk. */
  reload (self);
}

static void
add_response_cb (AdwMessageDialog *dialog, const char *response, AttainPeoplePage *self)
{
  Form *form = g_object_get_data (G_OBJECT (dialog), "form");
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "add") != 0)
    return;
  if (!attain_person_add (attain_context_get_db (self->context),
                          gtk_editable_get_text (GTK_EDITABLE (form->name)),
                          gtk_editable_get_text (GTK_EDITABLE (form->number)),
                          choice_id (self->teams, form->team, FALSE),
                          choice_id (self->positions, form->position, FALSE),
                          gtk_editable_get_text (GTK_EDITABLE (form->date)), NULL, &error))
    {
      show_error (self, error);
      return;
    }
  {
    g_autofree char *name = attain_isolate (gtk_editable_get_text (GTK_EDITABLE (form->name)));
    message = g_strdup_printf (_ ("%s was added."), name);
  }
  done (self, message);
}

static void
add_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainPeoplePage *self = ATTAIN_PEOPLE_PAGE (widget);
  GtkWidget        *grid;
  Form             *form;
  AdwMessageDialog *dialog;

  if (self->teams == NULL || self->teams->len == 0)
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
      if (overlay)
        adw_toast_overlay_add_toast (
            ADW_TOAST_OVERLAY (overlay),
            adw_toast_new (_ ("There is no team yet. Import the organisation first.")));
      return;
    }
  dialog = form_dialog (self, _ ("Add a Person"), NULL, "add", _ ("_Add"), &grid, &form);
  form->name = add_field (grid, 0, _ ("Full name"), gtk_entry_new ());
  form->number = add_field (grid, 1, _ ("Employee number"), gtk_entry_new ());
  form->team = add_field (grid, 2, _ ("Team"), choice_dropdown (self->teams, 0, NULL));
  form->position = add_field (grid, 3, _ ("Position"), choice_dropdown (self->positions, 0, NULL));
  form->date = add_field (grid, 4, _ ("Hire date"), date_entry (self));
  g_signal_connect_swapped (form->name, "changed", G_CALLBACK (validate_form), dialog);
  g_signal_connect_swapped (form->date, "changed", G_CALLBACK (validate_form), dialog);
  validate_form (dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
move_response_cb (AdwMessageDialog *dialog, const char *response, AttainPeoplePage *self)
{
  Form  *form = g_object_get_data (G_OBJECT (dialog), "form");
  gint64 person = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "person"));
  gint64 expected = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "expected"));
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "move") != 0)
    return;
  if (!attain_person_move (attain_context_get_db (self->context), person, expected,
                           choice_id (self->teams, form->team, FALSE),
                           gtk_editable_get_text (GTK_EDITABLE (form->date)), &error))
    {
      show_error (self, error);
      return;
    }
  done (self, _ ("Moved. Results before the move stay with the old team."));
}

static void
move_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainPeoplePage   *self = ATTAIN_PEOPLE_PAGE (widget);
  const AttainPerson *person = selected_person (self);
  g_autofree char    *heading = NULL;
  GtkWidget          *grid;
  Form               *form;
  AdwMessageDialog   *dialog;

  if (person == NULL)
    return;
  {
    g_autofree char *name = attain_isolate (person->name);
    heading = g_strdup_printf (_ ("Move %s to Another Team"), name);
  }
  dialog = form_dialog (self, heading,
                        _ ("Results up to the month before the move stay with the old team."),
                        "move", _ ("_Move"), &grid, &form);
  form->team
      = add_field (grid, 0, _ ("New team"), choice_dropdown (self->teams, person->unit_id, NULL));
  form->date = add_field (grid, 1, _ ("From"), date_entry (self));
  g_object_set_data (G_OBJECT (dialog), "person", GSIZE_TO_POINTER ((gsize) person->id));
  g_object_set_data (G_OBJECT (dialog), "expected", GSIZE_TO_POINTER ((gsize) person->unit_id));
  g_signal_connect_swapped (form->date, "changed", G_CALLBACK (validate_form), dialog);
  validate_form (dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (move_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
position_response_cb (AdwMessageDialog *dialog, const char *response, AttainPeoplePage *self)
{
  Form  *form = g_object_get_data (G_OBJECT (dialog), "form");
  gint64 person = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "person"));
  gint64 expected = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "expected"));
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0)
    return;
  if (!attain_person_set_position (attain_context_get_db (self->context), person, expected,
                                   choice_id (self->positions, form->position, FALSE), &error))
    {
      show_error (self, error);
      return;
    }
  done (self, _ ("The position was changed."));
}

static void
position_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainPeoplePage   *self = ATTAIN_PEOPLE_PAGE (widget);
  const AttainPerson *person = selected_person (self);
  g_autofree char    *heading = NULL;
  GtkWidget          *grid;
  Form               *form;
  AdwMessageDialog   *dialog;

  if (person == NULL)
    return;
  {
    g_autofree char *name = attain_isolate (person->name);
    heading = g_strdup_printf (_ ("Change the Position of %s"), name);
  }
  dialog = form_dialog (self, heading, NULL, "save", _ ("_Save"), &grid, &form);
  form->position = add_field (grid, 0, _ ("Position"),
                              choice_dropdown (self->positions, person->position_id, NULL));
  g_object_set_data (G_OBJECT (dialog), "person", GSIZE_TO_POINTER ((gsize) person->id));
  g_object_set_data (G_OBJECT (dialog), "expected", GSIZE_TO_POINTER ((gsize) person->position_id));
  validate_form (dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (position_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
leave_response_cb (AdwMessageDialog *dialog, const char *response, AttainPeoplePage *self)
{
  Form  *form = g_object_get_data (G_OBJECT (dialog), "form");
  gint64 person = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "person"));
  guint  selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (form->colleague));
  gint64 colleague = selected > 0 && selected != GTK_INVALID_LIST_POSITION
                             && selected - 1 < form->colleague_ids->len
                         ? g_array_index (form->colleague_ids, gint64, selected - 1)
                         : 0;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *today_iso = NULL;
  guint            handed = 0;
  GDate            today;

  if (g_strcmp0 (response, "leave") != 0)
    return;
  attain_context_get_today (self->context, &today);
  today_iso = attain_date_to_iso (&today);
  if (!attain_person_mark_left (attain_context_get_db (self->context), person,
                                gtk_editable_get_text (GTK_EDITABLE (form->date)), colleague,
                                today_iso, &handed, &error))
    {
      show_error (self, error);
      return;
    }
  message = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "Marked as left; %u open deal was handed over.",
                   "Marked as left; %u open deals were handed over.", handed),
      handed);
  done (self, message);
}

static void
history_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainPeoplePage   *self = ATTAIN_PEOPLE_PAGE (widget);
  const AttainPerson *person = selected_person (self);
  GtkWidget          *window;

  if (person == NULL)
    return;
  window
      = attain_history_window_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   attain_context_get_db (self->context), person->id, person->name);
  g_clear_weak_pointer (&self->dialog);
  self->dialog = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->dialog);
  gtk_window_present (GTK_WINDOW (window));
}

static void
leave_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainPeoplePage   *self = ATTAIN_PEOPLE_PAGE (widget);
  const AttainPerson *person = selected_person (self);
  g_autoptr (GtkStringList) colleagues = gtk_string_list_new (NULL);
  g_autofree char  *heading = NULL;
  GtkWidget        *grid;
  Form             *form;
  AdwMessageDialog *dialog;

  if (person == NULL || person->left_on != NULL)
    return;
  {
    g_autofree char *name = attain_isolate (person->name);
    heading = g_strdup_printf (_ ("Mark %s as Left"), name);
  }
  dialog = form_dialog (
      self, heading,
      _ ("They stay in past periods’ figures and reports, and drop out of new goals and rankings."),
      "leave", _ ("_Mark as Left"), &grid, &form);
  form->date = add_field (grid, 0, _ ("Leave date"), date_entry (self));
  form->colleague_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (colleagues, _ ("Nobody (the open deals stay theirs)"));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->store)); i++)
    {
      g_autoptr (AttainPersonItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      const AttainPerson *other = attain_person_item_get_person (item);
      if (other->id == person->id || !other->active)
        continue;
      gtk_string_list_append (colleagues, other->name);
      g_array_append_val (form->colleague_ids, other->id);
    }
  form->colleague
      = add_field (grid, 1, _ ("Hand open deals to"),
                   gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&colleagues)), NULL));
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (form->colleague), TRUE);
  g_object_set_data (G_OBJECT (dialog), "person", GSIZE_TO_POINTER ((gsize) person->id));
  g_signal_connect_swapped (form->date, "changed", G_CALLBACK (validate_form), dialog);
  validate_form (dialog);
  adw_message_dialog_set_response_appearance (dialog, "leave", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (leave_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
team_response_cb (AdwMessageDialog *dialog, const char *response, AttainPeoplePage *self)
{
  Form      *form = g_object_get_data (G_OBJECT (dialog), "form");
  GPtrArray *regions = g_object_get_data (G_OBJECT (dialog), "regions");
  AttainDb  *db = attain_context_get_db (self->context);
  g_autoptr (GError) error = NULL;
  g_autofree char *region_name
      = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->number))));
  gint64           parent = choice_id (regions, form->team, FALSE);
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "add") != 0)
    return;
  /* A new region goes under the company first; the team under it. */
  if (*region_name != '\0')
    {
      gint64 company
          = regions && regions->len ? ((AttainChoice *) g_ptr_array_index (regions, 0))->id : 0;
      if (!attain_org_add_unit (db, company, "region", region_name, &parent, &error))
        {
          show_error (self, error);
          return;
        }
    }
  if (!attain_org_add_unit (db, parent, "team", gtk_editable_get_text (GTK_EDITABLE (form->name)),
                            NULL, &error))
    {
      show_error (self, error);
      return;
    }
  {
    g_autofree char *name = attain_isolate (gtk_editable_get_text (GTK_EDITABLE (form->name)));
    message = g_strdup_printf (_ ("The team %s was added."), name);
  }
  done (self, message);
}

static void
add_team_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainPeoplePage *self = ATTAIN_PEOPLE_PAGE (widget);
  GPtrArray        *regions = attain_region_choices (attain_context_get_db (self->context), NULL);
  GtkWidget        *grid;
  Form             *form;
  AdwMessageDialog *dialog;

  if (regions == NULL || regions->len == 0)
    {
      g_clear_pointer (&regions, g_ptr_array_unref);
      return;
    }
  dialog = form_dialog (self, _ ("Add a Team"), NULL, "add", _ ("_Add"), &grid, &form);
  g_object_set_data_full (G_OBJECT (dialog), "regions", regions,
                          (GDestroyNotify) g_ptr_array_unref);
  form->name = add_field (grid, 0, _ ("Team name"), gtk_entry_new ());
  form->team = add_field (grid, 1, _ ("Under"), choice_dropdown (regions, 0, NULL));
  /* The employee-number slot of the form holds the optional new region here. */
  form->number = add_field (grid, 2, _ ("Or in a new region"), gtk_entry_new ());
  g_signal_connect_swapped (form->name, "changed", G_CALLBACK (validate_form), dialog);
  validate_form (dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (team_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
erase_response_cb (AdwMessageDialog *dialog, const char *response, AttainPeoplePage *self)
{
  gint64 person = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "person"));
  g_autoptr (GError) error = NULL;
  GDate today;

  if (g_strcmp0 (response, "erase") != 0)
    return;
  attain_context_get_today (self->context, &today);
  if (!attain_person_erase (attain_context_get_db (self->context), person, &today, &error))
    {
      show_error (self, error);
      return;
    }
  done (self, _ ("Their personal data was erased. Their figures stay, under a number."));
}

/* Personal information protection: a leaver's data is erased once it need not be kept. Asks
 * once, since it cannot be undone; the model says when the retention period has not passed. */
static void
erase_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainPeoplePage   *self = ATTAIN_PEOPLE_PAGE (widget);
  const AttainPerson *person = selected_person (self);
  g_autofree char    *name = NULL;
  g_autofree char    *heading = NULL;
  GtkWidget          *dialog;

  if (person == NULL || person->left_on == NULL)
    return;
  name = attain_isolate (person->name);
  heading = g_strdup_printf (_ ("Erase %s’s Personal Data?"), name);
  dialog = adw_message_dialog_new (
      GTK_WINDOW (gtk_widget_get_root (widget)), heading,
      _ ("Their name, employee number, the text of their reviews and plans, and what the audit "
         "log recorded of them are erased for good. Their results stay in the figures under a "
         "number. This cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "erase",
                                    _ ("_Erase"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "erase",
                                              ADW_RESPONSE_DESTRUCTIVE);
  g_object_set_data (G_OBJECT (dialog), "person", GSIZE_TO_POINTER ((gsize) person->id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (erase_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_selection_changed_cb (AttainPeoplePage *self)
{
  const AttainPerson *person = selected_person (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.move",
                                 person != NULL && person->active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.position", person != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.leave",
                                 person != NULL && person->left_on == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.erase",
                                 person != NULL && person->left_on != NULL);
}

static void
attain_people_page_constructed (GObject *object)
{
  AttainPeoplePage *self = ATTAIN_PEOPLE_PAGE (object);
  GtkSortListModel *sorted;

  G_OBJECT_CLASS (attain_people_page_parent_class)->constructed (object);
  self->store = g_list_store_new (ATTAIN_TYPE_PERSON_ITEM);
  self->filter = gtk_custom_filter_new (person_visible, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "changed", G_CALLBACK (on_context_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* Typing anywhere on the page searches, as in GNOME's lists. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  reload (self);
  on_selection_changed_cb (self);
}

static void
attain_people_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AttainPeoplePage *self = ATTAIN_PEOPLE_PAGE (object);
  if (prop_id == PROP_CONTEXT)
    self->context = g_value_dup_object (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
attain_people_page_dispose (GObject *object)
{
  AttainPeoplePage *self = ATTAIN_PEOPLE_PAGE (object);
  GtkWidget        *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ATTAIN_TYPE_PEOPLE_PAGE);
  /* Template children without an id are not cleared by dispose_template. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_pointer (&self->teams, g_ptr_array_unref);
  g_clear_pointer (&self->positions, g_ptr_array_unref);
  G_OBJECT_CLASS (attain_people_page_parent_class)->dispose (object);
}

static void
attain_people_page_class_init (AttainPeoplePageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = attain_people_page_constructed;
  object_class->set_property = attain_people_page_set_property;
  object_class->dispose = attain_people_page_dispose;
  properties[PROP_CONTEXT]
      = g_param_spec_object ("context", NULL, NULL, ATTAIN_TYPE_CONTEXT,
                             G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ATTAIN_TYPE_PERSON_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/attain/Attain/ui/attain-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AttainPeoplePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AttainPeoplePage, team_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AttainPeoplePage, left_check);
  gtk_widget_class_bind_template_child (widget_class, AttainPeoplePage, column_view);
  gtk_widget_class_bind_template_child (widget_class, AttainPeoplePage, count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "people.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "people.move", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "people.position", NULL, position_action);
  gtk_widget_class_install_action (widget_class, "people.leave", NULL, leave_action);
  gtk_widget_class_install_action (widget_class, "people.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "people.erase", NULL, erase_action);
  gtk_widget_class_install_action (widget_class, "people.add-team", NULL, add_team_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "people.add",
                                       NULL);
}

static void
attain_people_page_init (AttainPeoplePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
attain_people_page_new (AttainContext *context)
{
  return g_object_new (ATTAIN_TYPE_PEOPLE_PAGE, "context", context, NULL);
}

GListModel *
attain_people_page_get_shown (AttainPeoplePage *self)
{
  g_return_val_if_fail (ATTAIN_IS_PEOPLE_PAGE (self), NULL);
  return G_LIST_MODEL (self->selection);
}

void
attain_people_page_set_search (AttainPeoplePage *self, const char *text)
{
  g_return_if_fail (ATTAIN_IS_PEOPLE_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  on_filter_changed_cb (self);
}

gboolean
attain_people_page_select (AttainPeoplePage *self, gint64 person_id)
{
  GListModel *model = G_LIST_MODEL (self->selection);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (AttainPersonItem) item = g_list_model_get_item (model, i);
      if (attain_person_item_get_person (item)->id == person_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

GtkWidget *
attain_people_page_get_dialog (AttainPeoplePage *self)
{
  g_return_val_if_fail (ATTAIN_IS_PEOPLE_PAGE (self), NULL);
  return self->dialog;
}

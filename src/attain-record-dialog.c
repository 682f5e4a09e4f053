/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-record-dialog.h"

#include <glib/gi18n.h>

#include "model/attain-import.h"
#include "model/attain-org.h"
#include "model/attain-people.h"
#include "model/attain-period.h"

struct _AttainRecordDialog
{
  AdwWindow parent_instance;

  AdwComboRow         *kind_row;
  GtkLabel            *problems_label;
  AdwPreferencesGroup *fields_group;

  AttainContext *context;
  GPtrArray     *rows;   /* the field rows shown */
  GPtrArray     *people; /* AttainPerson*, active, for the salesperson row */
};

G_DEFINE_FINAL_TYPE (AttainRecordDialog, attain_record_dialog, ADW_TYPE_WINDOW)

static const AttainImportKind kinds[]
    = { ATTAIN_IMPORT_DEALS, ATTAIN_IMPORT_COLLECTIONS, ATTAIN_IMPORT_ACTIVITIES,
        ATTAIN_IMPORT_FEEDBACK, ATTAIN_IMPORT_MARKET };

static AttainImportKind
current_kind (AttainRecordDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);
  return kinds[MIN (selected, G_N_ELEMENTS (kinds) - 1)];
}

static void
build_fields (AttainRecordDialog *self)
{
  AttainImportKind kind = current_kind (self);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->fields_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_label), FALSE);

  for (guint i = 0; i < attain_import_n_fields (kind); i++)
    {
      const char        *key = attain_import_field_key (kind, i);
      const char *const *choices = attain_import_value_choices (key);
      g_autofree char   *title
          = attain_import_field_required (kind, key)
                ? g_strdup_printf (_ ("%s (required)"), attain_import_field_label (key))
                : g_strdup (attain_import_field_label (key));
      GtkWidget *row;

      /* The salesperson is chosen from the people; their employee number is not typed. */
      if (g_str_equal (key, "owner_no"))
        continue;
      if (g_str_equal (key, "owner"))
        {
          g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
          gtk_string_list_append (names, _ ("Choose…"));
          for (guint p = 0; p < self->people->len; p++)
            {
              AttainPerson    *person = g_ptr_array_index (self->people, p);
              g_autofree char *label
                  = person->employee_no
                        ? g_strdup_printf ("%s (%s)", person->name, person->employee_no)
                        : g_strdup (person->name);
              gtk_string_list_append (names, label);
            }
          row = adw_combo_row_new ();
          adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
        }
      else if (choices != NULL)
        {
          g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
          gtk_string_list_append (labels, _ ("Choose…"));
          for (guint k = 0; choices[k]; k++)
            gtk_string_list_append (labels,
                                    g_str_equal (key, "stage") && !g_str_equal (choices[k], "lost")
                                        ? attain_stage_label (choices[k], choices[k])
                                        : choices[k]);
          row = adw_combo_row_new ();
          adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
        }
      else
        row = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      g_object_set_data_full (G_OBJECT (row), "key", g_strdup (key), g_free);
      adw_preferences_group_add (self->fields_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
on_kind_changed_cb (AttainRecordDialog *self)
{
  build_fields (self);
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainRecordDialog *self = ATTAIN_RECORD_DIALOG (widget);
  g_autoptr (GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *today_iso = NULL;
  GDate            today;

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget  *row = g_ptr_array_index (self->rows, i);
      const char *key = g_object_get_data (G_OBJECT (row), "key");
      if (ADW_IS_COMBO_ROW (row))
        {
          guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));
          if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
            continue;
          if (g_str_equal (key, "owner"))
            {
              AttainPerson *person = g_ptr_array_index (self->people, selected - 1);
              if (person->employee_no)
                g_hash_table_insert (values, (gpointer) "owner_no", g_strdup (person->employee_no));
              else
                g_hash_table_insert (values, (gpointer) key, g_strdup (person->name));
            }
          else
            g_hash_table_insert (values, (gpointer) key,
                                 g_strdup (attain_import_value_choices (key)[selected - 1]));
        }
      else
        {
          const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
          if (*text != '\0')
            g_hash_table_insert (values, (gpointer) key, g_strdup (text));
        }
    }
  attain_context_get_today (self->context, &today);
  today_iso = attain_date_to_iso (&today);
  if (!attain_record_add (attain_context_get_db (self->context), current_kind (self), values,
                          today_iso, &problems, &error))
    {
      g_autoptr (GString) text = g_string_new (error->message);
      for (guint i = 0; problems && i < problems->len; i++)
        g_string_append_printf (text, "\n%s", (const char *) g_ptr_array_index (problems, i));
      gtk_label_set_text (self->problems_label, text->str);
      gtk_widget_set_visible (GTK_WIDGET (self->problems_label), TRUE);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
attain_record_dialog_dispose (GObject *object)
{
  AttainRecordDialog *self = ATTAIN_RECORD_DIALOG (object);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATTAIN_TYPE_RECORD_DIALOG);
  g_clear_object (&self->context);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  G_OBJECT_CLASS (attain_record_dialog_parent_class)->dispose (object);
}

static void
attain_record_dialog_class_init (AttainRecordDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = attain_record_dialog_dispose;
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/attain/Attain/ui/attain-record-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AttainRecordDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, AttainRecordDialog, problems_label);
  gtk_widget_class_bind_template_child (widget_class, AttainRecordDialog, fields_group);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed_cb);
  gtk_widget_class_install_action (widget_class, "record.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
attain_record_dialog_init (AttainRecordDialog *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
attain_record_dialog_new (GtkWindow *parent, AttainContext *context)
{
  AttainRecordDialog *self
      = g_object_new (ATTAIN_TYPE_RECORD_DIALOG, "transient-for", parent, NULL);
  g_autoptr (GPtrArray) all = attain_people_list (attain_context_get_db (context), NULL);

  self->context = g_object_ref (context);
  self->people = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_person_free);
  for (guint i = 0; all && i < all->len; i++)
    {
      AttainPerson *person = g_ptr_array_index (all, i);
      if (person->active)
        {
          g_ptr_array_add (self->people, person);
          g_ptr_array_index (all, i) = NULL;
        }
    }
  build_fields (self);
  return GTK_WIDGET (self);
}

void
attain_record_dialog_set_kind (AttainRecordDialog *self, guint index)
{
  adw_combo_row_set_selected (self->kind_row, index);
}

/* Fills a field as the director would; for the salesperson, the person's name. */
void
attain_record_dialog_set_field (AttainRecordDialog *self, const char *key, const char *text)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "key"), key) != 0)
        continue;
      if (!ADW_IS_COMBO_ROW (row))
        gtk_editable_set_text (GTK_EDITABLE (row), text);
      else if (g_str_equal (key, "owner"))
        {
          for (guint p = 0; p < self->people->len; p++)
            if (g_str_equal (((AttainPerson *) g_ptr_array_index (self->people, p))->name, text))
              adw_combo_row_set_selected (ADW_COMBO_ROW (row), p + 1);
        }
      else
        {
          const char *const *choices = attain_import_value_choices (key);
          for (guint k = 0; choices && choices[k]; k++)
            if (g_str_equal (choices[k], text))
              adw_combo_row_set_selected (ADW_COMBO_ROW (row), k + 1);
        }
    }
}

const char *
attain_record_dialog_get_problems (AttainRecordDialog *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->problems_label))
             ? gtk_label_get_text (self->problems_label)
             : NULL;
}

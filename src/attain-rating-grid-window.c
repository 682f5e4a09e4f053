/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-rating-grid-window.h"

#include <glib/gi18n.h>

#include "model/attain-format.h"
#include "model/attain-json.h"
#include "model/attain-rating-grid.h"

struct _AttainRatingGridWindow
{
  AdwWindow parent_instance;

  AttainContext     *context;
  AttainGoalHistory *history;
  AttainPeriod       period;
  GPtrArray         *metrics;         /* AttainGoalMetric*, the columns */
  GArray            *people;          /* gint64, the rows */
  GPtrArray         *names;           /* char*, the rows */
  GPtrArray         *entries;         /* GtkEntry*, row by row */
  GArray            *shown;           /* int, the rating each entry started from */
  GPtrArray         *comment_entries; /* GtkEntry*, one per row */
  GPtrArray         *comments_shown;  /* char*, the comment each row started from (NULL: none) */
  GtkLabel          *error_label;
};

G_DEFINE_FINAL_TYPE (AttainRatingGridWindow, attain_rating_grid_window, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static void
show_error (AttainRatingGridWindow *self, const char *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

/* "" → 0 (not rated), "1".."5" → the rating, anything else → -1. */
static int
rating_of (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (trimmed[0] == '\0')
    return 0;
  if (trimmed[0] >= '1' && trimmed[0] <= '5' && trimmed[1] == '\0')
    return trimmed[0] - '0';
  return -1;
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  AttainRatingGridWindow *self = ATTAIN_RATING_GRID_WINDOW (widget);
  g_autoptr (GArray) changes = g_array_new (FALSE, FALSE, sizeof (AttainCapabilityRating));
  g_autoptr (GArray) comments = g_array_new (FALSE, FALSE, sizeof (AttainRatingComment));
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < self->entries->len; i++)
    {
      GtkEditable           *entry = g_ptr_array_index (self->entries, i);
      guint                  row = i / self->metrics->len, column = i % self->metrics->len;
      int                    rating = rating_of (gtk_editable_get_text (entry));
      AttainCapabilityRating change;

      if (rating < 0)
        {
          const AttainGoalMetric *info = g_ptr_array_index (self->metrics, column);
          /* Translators: a bad cell of the rating grid: the text, the person, the capability */
          g_autofree char *message = g_strdup_printf (
              _ ("“%s” for %s, %s, is not a rating: write 1 to 5, or leave it empty. Nothing "
                 "was saved."),
              gtk_editable_get_text (entry), (const char *) g_ptr_array_index (self->names, row),
              _ (info->label));
          gtk_widget_grab_focus (GTK_WIDGET (entry));
          show_error (self, message);
          return;
        }
      if (rating == g_array_index (self->shown, int, i))
        continue;
      change.person_id = g_array_index (self->people, gint64, row);
      change.metric = ((const AttainGoalMetric *) g_ptr_array_index (self->metrics, column))->key;
      change.rating = rating;
      change.expected = g_array_index (self->shown, int, i);
      g_array_append_val (changes, change);
    }
  for (guint row = 0; row < self->comment_entries->len; row++)
    {
      const char         *base = g_ptr_array_index (self->comments_shown, row);
      AttainRatingComment comment;

      comment.comment = gtk_editable_get_text (g_ptr_array_index (self->comment_entries, row));
      if (g_strcmp0 (comment.comment, base ? base : "") == 0)
        continue;
      comment.person_id = g_array_index (self->people, gint64, row);
      comment.base = base;
      g_array_append_val (comments, comment);
    }
  if (changes->len + comments->len > 0
      && !attain_capability_ratings_save (
          self->history, attain_context_get_db (self->context), &self->period,
          (const AttainCapabilityRating *) changes->data, changes->len,
          (const AttainRatingComment *) comments->data, comments->len, &error))
    {
      show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, changes->len + comments->len);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Enter moves on like Tab: rating a column of people is one key per person. */
static void
on_entry_activate_cb (GtkEntry *entry, AttainRatingGridWindow *self)
{
  gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

static void
attain_rating_grid_window_dispose (GObject *object)
{
  AttainRatingGridWindow *self = ATTAIN_RATING_GRID_WINDOW (object);

  g_clear_pointer (&self->history, attain_goal_history_free);
  g_clear_pointer (&self->metrics, g_ptr_array_unref);
  g_clear_pointer (&self->people, g_array_unref);
  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->shown, g_array_unref);
  g_clear_pointer (&self->comment_entries, g_ptr_array_unref);
  g_clear_pointer (&self->comments_shown, g_ptr_array_unref);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (attain_rating_grid_window_parent_class)->dispose (object);
}

static void
attain_rating_grid_window_class_init (AttainRatingGridWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = attain_rating_grid_window_dispose;
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  gtk_widget_class_install_action (widget_class, "grid.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "grid.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
attain_rating_grid_window_init (AttainRatingGridWindow *self)
{
  self->people = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->entries = g_ptr_array_new ();
  self->shown = g_array_new (FALSE, FALSE, sizeof (int));
  self->comment_entries = g_ptr_array_new ();
  self->comments_shown = g_ptr_array_new_with_free_func (g_free);
  self->metrics = attain_capability_metrics ();
}

static GtkWidget *
cell_label (const char *text, gboolean heading)
{
  GtkWidget *label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

GtkWidget *
attain_rating_grid_window_new (GtkWindow *parent, AttainContext *context, JsonNode *scores)
{
  JsonObject             *root = json_node_get_object (scores);
  JsonArray              *members = json_object_get_array_member (root, "people");
  AttainRatingGridWindow *self = g_object_new (
      ATTAIN_TYPE_RATING_GRID_WINDOW, "modal", TRUE, "transient-for", parent, "default-width", 900,
      "default-height", 720, "title", _ ("Rate Capabilities"), NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_ ("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_ ("_Save Ratings"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *intro;
  g_autoptr (GHashTable) ratings = NULL;
  g_autoptr (GHashTable) comments = NULL;
  g_autoptr (GError) error = NULL;
  int fy;

  self->context = g_object_ref (context);
  self->history = attain_goal_history_new (attain_context_get_db (context));
  fy = attain_db_get_setting_int (attain_context_get_db (context), "fiscal_year_start_month", 1);
  if (!attain_period_parse (json_object_get_string_member (root, "period"), fy, &self->period,
                            &error))
    g_warning ("%s", error->message);
  ratings = attain_capability_ratings (attain_context_get_db (context), &self->period, NULL);
  comments = attain_rating_comments (attain_context_get_db (context), &self->period, NULL);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  {
    g_autofree char *period = attain_period_to_label (&self->period);
    adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                     adw_window_title_new (_ ("Rate Capabilities"), period));
  }
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "grid.save");
  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (box), header);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->error_label), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self->error_label), 18);
  gtk_widget_set_margin_top (GTK_WIDGET (self->error_label), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 18);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  intro = gtk_label_new (
      _ ("Each capability is rated 1 to 5 and counts as (rating − 1) × 25 "
         "points in the MBO part; the comment goes on the person's review. Tab or Enter moves "
         "on; Ctrl+S saves."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_widget_add_css_class (intro, "dim-label");
  gtk_grid_attach (GTK_GRID (grid), intro, 0, 0, 3 + self->metrics->len, 1);
  gtk_grid_attach (GTK_GRID (grid), cell_label (_ ("Full name"), TRUE), 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), cell_label (_ ("Team"), TRUE), 1, 1, 1, 1);
  for (guint c = 0; c < self->metrics->len; c++)
    gtk_grid_attach (
        GTK_GRID (grid),
        cell_label (_ (((const AttainGoalMetric *) g_ptr_array_index (self->metrics, c))->label),
                    TRUE),
        2 + c, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), cell_label (_ ("Comment"), TRUE), 2 + self->metrics->len, 1, 1,
                   1);

  for (guint r = 0; r < json_array_get_length (members); r++)
    {
      JsonObject *p = json_array_get_object_element (members, r);
      gint64      id = (gint64) attain_json_get_number (p, "person");
      const char *name = attain_json_get_string (p, "name");

      g_array_append_val (self->people, id);
      g_ptr_array_add (self->names, g_strdup (name));
      gtk_grid_attach (GTK_GRID (grid), cell_label (name, FALSE), 0, 2 + r, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell_label (attain_json_get_string (p, "team"), FALSE), 1,
                       2 + r, 1, 1);
      for (guint c = 0; c < self->metrics->len; c++)
        {
          const AttainGoalMetric *info = g_ptr_array_index (self->metrics, c);
          g_autofree char        *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", id, info->key);
          int        shown = ratings ? GPOINTER_TO_INT (g_hash_table_lookup (ratings, key)) : 0;
          GtkWidget *entry = gtk_entry_new ();
          /* Translators: the accessible name of a rating field: person, capability */
          g_autofree char *label = g_strdup_printf (_ ("%s: %s"), name, _ (info->label));

          if (shown > 0)
            {
              char text[2] = { (char) ('0' + shown), '\0' };
              gtk_editable_set_text (GTK_EDITABLE (entry), text);
            }
          gtk_entry_set_max_length (GTK_ENTRY (entry), 1);
          gtk_editable_set_width_chars (GTK_EDITABLE (entry), 3);
          gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 3);
          gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_DIGITS);
          gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "–");
          gtk_widget_set_halign (entry, GTK_ALIGN_START);
          gtk_widget_set_tooltip_text (entry, _ ("1 to 5; empty for not rated"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          label, -1);
          g_signal_connect (entry, "activate", G_CALLBACK (on_entry_activate_cb), self);
          gtk_grid_attach (GTK_GRID (grid), entry, 2 + c, 2 + r, 1, 1);
          g_ptr_array_add (self->entries, entry);
          g_array_append_val (self->shown, shown);
        }
      {
        const char *comment = comments ? g_hash_table_lookup (comments, &id) : NULL;
        GtkWidget  *entry = gtk_entry_new ();
        /* Translators: the accessible name of a comment field in the rating grid: person */
        g_autofree char *label = g_strdup_printf (_ ("Comment on %s’s ratings"), name);

        if (comment != NULL)
          gtk_editable_set_text (GTK_EDITABLE (entry), comment);
        /* A signed-off review takes no new comment; its ratings stay editable, and its report
         * keeps what it printed. */
        if (g_strcmp0 (attain_json_get_string (p, "state"), "signed") == 0)
          {
            gtk_editable_set_editable (GTK_EDITABLE (entry), FALSE);
            gtk_widget_set_tooltip_text (entry, _ ("Signed off: the review is locked"));
          }
        /* A comment is a line or two; the review form takes longer text. */
        gtk_entry_set_max_length (GTK_ENTRY (entry), 2000);
        gtk_widget_set_hexpand (entry, TRUE);
        gtk_editable_set_width_chars (GTK_EDITABLE (entry), 28);
        gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _ ("Why these ratings, in a line"));
        gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        label, -1);
        g_signal_connect (entry, "activate", G_CALLBACK (on_entry_activate_cb), self);
        gtk_grid_attach (GTK_GRID (grid), entry, 2 + self->metrics->len, 2 + r, 1, 1);
        g_ptr_array_add (self->comment_entries, entry);
        g_ptr_array_add (self->comments_shown, g_strdup (comment));
      }
    }
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1000);
  adw_clamp_set_child (ADW_CLAMP (clamp), grid);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self), box);
  if (self->entries->len > 0)
    gtk_window_set_focus (GTK_WINDOW (self), g_ptr_array_index (self->entries, 0));
  return GTK_WIDGET (self);
}

const char *
attain_rating_grid_window_get_error (AttainRatingGridWindow *self)
{
  g_return_val_if_fail (ATTAIN_IS_RATING_GRID_WINDOW (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
             ? gtk_label_get_label (self->error_label)
             : NULL;
}

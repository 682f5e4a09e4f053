/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-context.h"

#include "model/attain-results.h"

struct _AttainContext
{
  GObject        parent_instance;
  AttainDb      *db;
  GDate          today;
  GSettings     *settings;
  gint64         data_version; /* the file's, when the pages last reloaded */
  guint          watch_source;
  guint          commit_listener;
  AttainSession *session;
};

G_DEFINE_FINAL_TYPE (AttainContext, attain_context, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
attain_context_finalize (GObject *object)
{
  AttainContext *self = ATTAIN_CONTEXT (object);

  g_clear_handle_id (&self->watch_source, g_source_remove);
  g_clear_handle_id (&self->commit_listener, attain_db_remove_commit_listener);
  g_clear_object (&self->session);
  g_clear_pointer (&self->db, attain_db_close);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (attain_context_parent_class)->finalize (object);
}

static void
attain_context_class_init (AttainContextClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = attain_context_finalize;

  /* Emitted once per commit to the file, by this process (any thread, any connection) or
   * another, with the AttainDbChange flags of what changed; always on the main context. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
attain_context_init (AttainContext *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  /* An uninstalled run without the compiled schema keeps working, only forgetting sizes. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new (APP_ID);
}

static void
emit_changed (AttainContext *self, guint changes)
{
  self->data_version = attain_db_data_version (self->db);
  g_signal_emit (self, signals[CHANGED], 0, changes);
}

/* Commits of this process to the same file, whichever connection or thread made them. */
static void
commit_cb (const char *path, guint changes, gpointer data)
{
  AttainContext *self = data;

  if (g_strcmp0 (path, attain_db_get_path (self->db)) == 0)
    emit_changed (self, changes);
}

AttainContext *
attain_context_new (AttainDb *db, const GDate *today)
{
  AttainContext *self;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  self = g_object_new (ATTAIN_TYPE_CONTEXT, NULL);
  self->db = db;
  self->today = *today;
  /* Promotions whose day has come take effect when the file is opened; one that cannot be
   * written keeps them waiting for the next open. */
  attain_promotions_apply_due (db, today, NULL);
  self->data_version = attain_db_data_version (db);
  self->session = attain_session_new (
      today, attain_db_get_setting_int (db, "fiscal_year_start_month", 1), self->settings);
  self->commit_listener = attain_db_add_commit_listener (commit_cb, self, NULL);
  return self;
}

AttainDb *
attain_context_get_db (AttainContext *self)
{
  g_return_val_if_fail (ATTAIN_IS_CONTEXT (self), NULL);
  return self->db;
}

const char *
attain_context_get_db_path (AttainContext *self)
{
  g_return_val_if_fail (ATTAIN_IS_CONTEXT (self), NULL);
  return attain_db_get_path (self->db);
}

void
attain_context_get_today (AttainContext *self, GDate *today)
{
  g_return_if_fail (ATTAIN_IS_CONTEXT (self));
  *today = self->today;
}

GSettings *
attain_context_get_settings (AttainContext *self)
{
  g_return_val_if_fail (ATTAIN_IS_CONTEXT (self), NULL);
  return self->settings;
}

AttainSession *
attain_context_get_session (AttainContext *self)
{
  g_return_val_if_fail (ATTAIN_IS_CONTEXT (self), NULL);
  return self->session;
}

/* Another process (attain-cli importing, a second window's file) or a worker committed to the
 * file since the pages last reloaded: they reload. Returns whether anything had changed. */
gboolean
attain_context_check_file (AttainContext *self)
{
  g_return_val_if_fail (ATTAIN_IS_CONTEXT (self), FALSE);
  if (attain_db_data_version (self->db) == self->data_version)
    return FALSE;
  /* Another process: what it changed is not known, so everything reloads. */
  emit_changed (self, ATTAIN_DB_CHANGE_ALL);
  return TRUE;
}

static gboolean
watch_cb (gpointer data)
{
  attain_context_check_file (data);
  return G_SOURCE_CONTINUE;
}

/* Looks at the file every few seconds; the window also looks when it gains focus. */
void
attain_context_watch_file (AttainContext *self)
{
  g_return_if_fail (ATTAIN_IS_CONTEXT (self));
  if (self->watch_source == 0)
    self->watch_source = g_timeout_add_seconds (5, watch_cb, self);
}

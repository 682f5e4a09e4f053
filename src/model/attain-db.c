/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-db.h"

#include "attain-rollup.h"
#include "attain-watch.h"
#include "attain-private-file.h"

#include <errno.h>
#include <fcntl.h>
#include "attain-gettext.h"
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "attain-model-resources.h"

struct _AttainDb
{
  sqlite3    *handle;
  char       *path;
  GHashTable *statements; /* SQL text -> sqlite3_stmt*, prepared once per connection */
  int         version;
  gboolean    made_private; /* the file or its -wal/-shm could be read by others until opened */
  gboolean    read_only;    /* the file cannot be written by this user: shown, never changed */
  guint       changes;      /* AttainDbChange of the open transaction, from the update hook */
};

/* Whoever wants to hear of commits to a file: told once per commit, with what changed, on the
 * main context that was the thread's default when it started listening. */
typedef struct
{
  guint              id;
  AttainDbCommitFunc func;
  gpointer           data;
  GDestroyNotify     destroy;
  GMainContext      *context;
} CommitListener;

G_LOCK_DEFINE_STATIC (listeners);
static GList *listeners;
static guint  last_listener_id;

static const char *migrations[] = {
  "/io/github/attain/Attain/schema/001-initial.sql",
  "/io/github/attain/Attain/schema/002-defaults.sql",
  "/io/github/attain/Attain/schema/003-goal-ratings.sql",
  "/io/github/attain/Attain/schema/004-reviews.sql",
  "/io/github/attain/Attain/schema/005-import.sql",
  "/io/github/attain/Attain/schema/006-locks.sql",
  "/io/github/attain/Attain/schema/007-lock-exceptions.sql",
  "/io/github/attain/Attain/schema/008-funnel-cohorts.sql",
  "/io/github/attain/Attain/schema/009-scorecards.sql",
  "/io/github/attain/Attain/schema/010-feedback.sql",
  "/io/github/attain/Attain/schema/011-appeals.sql",
  "/io/github/attain/Attain/schema/012-calibration.sql",
  "/io/github/attain/Attain/schema/013-snapshots.sql",
  "/io/github/attain/Attain/schema/014-self-ratings.sql",
  "/io/github/attain/Attain/schema/015-scoring-indexes.sql",
  "/io/github/attain/Attain/schema/016-cycle-due.sql",
  "/io/github/attain/Attain/schema/017-rating-comment.sql",
  "/io/github/attain/Attain/schema/018-pay.sql",
  "/io/github/attain/Attain/schema/019-pay-basis.sql",
  "/io/github/attain/Attain/schema/020-promotions.sql",
  "/io/github/attain/Attain/schema/021-training.sql",
  "/io/github/attain/Attain/schema/022-recognition.sql",
  "/io/github/attain/Attain/schema/023-pay-awards.sql",
  "/io/github/attain/Attain/schema/024-commission-lines.sql",
};

/* The quark name is a string, not a subtraction. */
/* clang-format off */
G_DEFINE_QUARK (attain-db-error-quark, attain_db_error)
/* clang-format on */

/* Migrations after which the summary tables hold something new: the rebuild runs inside the
 * migration's transaction, so the file never has the new version with the old sums. */
static gboolean
migration_changes_rollups (int version)
{
  return version == 8;
}

int
attain_db_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

GBytes *
attain_db_migration_sql (int version)
{
  g_return_val_if_fail (version >= 1 && version <= (int) G_N_ELEMENTS (migrations), NULL);

  return g_resource_lookup_data (attain_model_get_resource (), migrations[version - 1],
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

char *
attain_db_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "attain", "attain.db", NULL);
}

gboolean
attain_db_set_error (AttainDb *db, GError **error, const char *what)
{
  g_set_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_QUERY,
               /* Translators: first %s is what failed, second is SQLite's own message */
               _ ("%s failed: %s"), what, sqlite3_errmsg (db->handle));
  return FALSE;
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

gboolean
attain_db_exec (AttainDb *db, const char *sql, GError **error)
{
  char *message = NULL;

  g_return_val_if_fail (db != NULL, FALSE);

  attain_watched_thread_note (ATTAIN_WORK_QUERY);
  if (sqlite3_exec (db->handle, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_QUERY,
                   _ ("The database could not run a command: %s"), message);
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
attain_db_prepare (AttainDb *db, const char *sql, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  attain_watched_thread_note (ATTAIN_WORK_QUERY);
  /* Keyed by the text: a statement is found again whatever string holds its SQL. */
  stmt = g_hash_table_lookup (db->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (db->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      attain_db_set_error (db, error, _ ("Preparing a query"));
      return NULL;
    }
  g_hash_table_insert (db->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
attain_db_begin (AttainDb *db, GError **error)
{
  /* Every write starts here, so a read-only file refuses each with the same sentence. */
  if (db->read_only && db->path != NULL)
    {
      g_set_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_READ_ONLY,
                   _ ("“%s” is read-only, so nothing can be changed in it. Make the file "
                      "writable for you (or copy it somewhere you can write) and open it again."),
                   db->path);
      return FALSE;
    }
  return attain_db_exec (db, "BEGIN IMMEDIATE", error);
}

gboolean
attain_db_commit (AttainDb *db, GError **error)
{
  return attain_db_exec (db, "COMMIT", error);
}

void
attain_db_rollback (AttainDb *db)
{
  if (!sqlite3_get_autocommit (db->handle))
    sqlite3_exec (db->handle, "ROLLBACK", NULL, NULL, NULL);
}

static int
read_user_version (sqlite3 *handle)
{
  sqlite3_stmt *stmt = NULL;
  int           version = -1;

  if (sqlite3_prepare_v2 (handle, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

static gboolean
migrate (AttainDb *db, GError **error)
{
  int latest = attain_db_latest_version ();

  db->version = read_user_version (db->handle);
  if (db->version < 0)
    {
      g_set_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_OPEN,
                   _ ("“%s” is not an Attain database, or it is damaged: %s"), db->path,
                   sqlite3_errmsg (db->handle));
      return FALSE;
    }

  if (db->version > latest)
    {
      g_set_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_NEWER_VERSION,
                   _ ("“%s” was written by a newer version of Attain (database version %d; this "
                      "version understands up to %d). The file was left unchanged. Open it with "
                      "a newer Attain."),
                   db->path, db->version, latest);
      return FALSE;
    }

  for (int version = db->version + 1; version <= latest; version++)
    {
      g_autoptr (GBytes) sql = attain_db_migration_sql (version);
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version);
      g_autoptr (GError) local_error = NULL;

      /* One transaction per migration: a failure leaves the file at the previous version. The
       * version is read again under the write lock: another process opening the same new file
       * at the same moment may have applied this migration already. */
      if (attain_db_begin (db, &local_error))
        {
          int now = read_user_version (db->handle);
          if (now >= version)
            {
              attain_db_rollback (db);
              db->version = now;
              version = now;
              continue;
            }
        }
      if (local_error != NULL || !attain_db_exec (db, g_bytes_get_data (sql, NULL), &local_error)
          || (migration_changes_rollups (version) && !attain_rollup_rebuild (db, &local_error))
          || !attain_db_exec (db, set_version, &local_error)
          || !attain_db_commit (db, &local_error))
        {
          attain_db_rollback (db);
          g_set_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_MIGRATION,
                       _ ("Could not upgrade “%s” to database version %d; it was left at version "
                          "%d. %s"),
                       db->path, version, version - 1, local_error->message);
          return FALSE;
        }
      db->version = version;
    }
  return TRUE;
}

typedef struct
{
  char              *path;
  guint              changes;
  AttainDbCommitFunc func;
  gpointer           data;
  guint              id;
} CommitNotice;

static gboolean
deliver_commit_cb (gpointer user_data)
{
  CommitNotice *notice = user_data;
  gboolean      still_listening;

  /* A listener removed after the commit was queued is not called. */
  G_LOCK (listeners);
  still_listening = FALSE;
  for (GList *l = listeners; l != NULL; l = l->next)
    still_listening |= ((CommitListener *) l->data)->id == notice->id;
  G_UNLOCK (listeners);
  if (still_listening)
    notice->func (notice->path, notice->changes, notice->data);
  return G_SOURCE_REMOVE;
}

static void
commit_notice_free (gpointer data)
{
  CommitNotice *notice = data;
  g_free (notice->path);
  g_free (notice);
}

/* Queued, never called from inside the hook: a listener may query the connection that is
 * still finishing its commit. */
static void
announce_commit (const char *path, guint changes)
{
  G_LOCK (listeners);
  for (GList *l = listeners; l != NULL; l = l->next)
    {
      CommitListener *listener = l->data;
      CommitNotice   *notice = g_new0 (CommitNotice, 1);
      g_autoptr (GSource) source = g_idle_source_new ();

      notice->path = g_strdup (path);
      notice->changes = changes;
      notice->func = listener->func;
      notice->data = listener->data;
      notice->id = listener->id;
      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, deliver_commit_cb, notice, commit_notice_free);
      g_source_attach (source, listener->context);
    }
  G_UNLOCK (listeners);
}

static guint
change_of_table (const char *table)
{
  static const struct
  {
    const char *prefix;
    guint       change;
  } kinds[] = {
    { "review", ATTAIN_DB_CHANGE_REVIEWS },    { "milestone", ATTAIN_DB_CHANGE_REVIEWS },
    { "goal", ATTAIN_DB_CHANGE_GOALS },        { "month_goal", ATTAIN_DB_CHANGE_GOALS },
    { "settings", ATTAIN_DB_CHANGE_SETTINGS }, { "stage", ATTAIN_DB_CHANGE_SETTINGS },
    { "people", ATTAIN_DB_CHANGE_ORG },        { "person_units", ATTAIN_DB_CHANGE_ORG },
    { "org_units", ATTAIN_DB_CHANGE_ORG },     { "positions", ATTAIN_DB_CHANGE_ORG },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_has_prefix (table, kinds[i].prefix))
      return kinds[i].change;
  /* Deals, collections, activities, imports and the sums made from them. */
  return ATTAIN_DB_CHANGE_RECORDS;
}

static void
update_hook_cb (void         *data,
                int           operation,
                const char   *database,
                const char   *table,
                sqlite3_int64 rowid)
{
  AttainDb *db = data;

  /* Scratch tables (temp) are nobody else's business. */
  if (!g_str_equal (table, "audit_log") && !g_str_equal (database, "temp"))
    db->changes |= change_of_table (table);
}

static void
rollback_hook_cb (void *data)
{
  ((AttainDb *) data)->changes = 0;
}

/* Called after a commit reached the write-ahead log, so only for commits that happened. It
 * replaces SQLite's automatic checkpoint, which is therefore done here. */
static int
wal_hook_cb (void *data, sqlite3 *handle, const char *database, int pages)
{
  AttainDb *db = data;
  guint     changes = db->changes;

  db->changes = 0;
  if (pages >= 1000)
    sqlite3_wal_checkpoint_v2 (handle, database, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
  if (changes != 0)
    announce_commit (db->path, changes);
  return SQLITE_OK;
}

guint
attain_db_add_commit_listener (AttainDbCommitFunc func, gpointer data, GDestroyNotify destroy)
{
  CommitListener *listener = g_new0 (CommitListener, 1);

  g_return_val_if_fail (func != NULL, 0);
  listener->func = func;
  listener->data = data;
  listener->destroy = destroy;
  listener->context = g_main_context_ref_thread_default ();
  G_LOCK (listeners);
  listener->id = ++last_listener_id;
  listeners = g_list_prepend (listeners, listener);
  G_UNLOCK (listeners);
  return listener->id;
}

void
attain_db_remove_commit_listener (guint id)
{
  CommitListener *found = NULL;

  G_LOCK (listeners);
  for (GList *l = listeners; l != NULL; l = l->next)
    if (((CommitListener *) l->data)->id == id)
      {
        found = l->data;
        listeners = g_list_delete_link (listeners, l);
        break;
      }
  G_UNLOCK (listeners);
  if (found == NULL)
    return;
  if (found->destroy != NULL)
    found->destroy (found->data);
  g_main_context_unref (found->context);
  g_free (found);
}

/* Writes that bypass the update hook (a restore through the backup API) say so themselves. */
void
attain_db_announce_change (AttainDb *db, guint changes)
{
  g_return_if_fail (db != NULL);
  announce_commit (db->path, changes);
}

static int
progress_cb (void *data)
{
  /* Non-zero interrupts the statement: a cancelled load stops inside SQLite. */
  return g_cancellable_is_cancelled (data);
}

void
attain_db_set_cancellable (AttainDb *db, GCancellable *cancellable)
{
  g_return_if_fail (db != NULL);
  if (cancellable != NULL)
    sqlite3_progress_handler (db->handle, 4000, progress_cb, cancellable);
  else
    sqlite3_progress_handler (db->handle, 0, NULL, NULL);
}

static AttainDb *
open_connection (const char *path, int flags, GError **error)
{
  g_autoptr (AttainDb) db = g_new0 (AttainDb, 1);

  db->path = g_strdup (path);
  db->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);

  if (sqlite3_open_v2 (path, &db->handle, flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_OPEN,
                   _ ("Could not open the database “%s”: %s"), path,
                   db->handle ? sqlite3_errmsg (db->handle) : g_strerror (ENOMEM));
      return NULL;
    }
  sqlite3_busy_timeout (db->handle, 5000);
  sqlite3_extended_result_codes (db->handle, 1);
  sqlite3_update_hook (db->handle, update_hook_cb, db);
  sqlite3_rollback_hook (db->handle, rollback_hook_cb, db);
  sqlite3_wal_hook (db->handle, wal_hook_cb, db);
  return g_steal_pointer (&db);
}

/* A database made before files were created private (or copied in under umask 022) may be
 * readable by other users, with its -wal and -shm beside it: they hold reviews, so they become
 * 0600. Returns whether anything had to change, so the user can be told once. */
static gboolean
make_private (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm" };
  gboolean    changed = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      GStatBuf         st;
      if (g_stat (file, &st) == 0 && S_ISREG (st.st_mode) && (st.st_mode & 0077) != 0
          && st.st_uid == getuid () && g_chmod (file, 0600) == 0)
        changed = TRUE;
    }
  return changed;
}

/* The sentence to tell the user once, when opening had to make the file private; else NULL. */
char *
attain_db_made_private_notice (AttainDb *db)
{
  if (!db->made_private)
    return NULL;
  return g_strdup_printf (
      _ ("Other users of this computer could read “%s”. It is now private to you."), db->path);
}

static AttainDb *
open_read_only (const char *path, GError **error)
{
  g_autoptr (AttainDb) db = open_connection (path, SQLITE_OPEN_READONLY, NULL);
  int version = db ? read_user_version (db->handle) : -1;

  /* A file in write-ahead-log mode needs its -shm beside it; in a folder this user cannot write
   * either, it is read as it stands on disk (no other writer is expected on such a file). */
  if (version < 0)
    {
      g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
      g_autofree char *immutable = uri ? g_strconcat (uri, "?immutable=1", NULL) : NULL;

      g_clear_pointer (&db, attain_db_close);
      if (immutable != NULL)
        db = open_connection (immutable, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
      version = db ? read_user_version (db->handle) : -1;
      if (db != NULL)
        {
          g_free (db->path);
          db->path = g_strdup (path);
        }
    }
  if (version < 0)
    {
      g_set_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_OPEN,
                   _ ("“%s” is read-only and could not be read: it is not an Attain database, or "
                      "it is damaged."),
                   path);
      return NULL;
    }
  if (version > attain_db_latest_version ())
    {
      migrate (db, error); /* only reports the refusal */
      return NULL;
    }
  if (version < attain_db_latest_version ())
    {
      g_set_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_READ_ONLY,
                   _ ("“%s” was made by an older Attain and must be updated before it can be "
                      "opened, but it is read-only. Make it writable for you and open it again."),
                   path);
      return NULL;
    }
  db->version = version;
  db->read_only = TRUE;
  attain_db_exec (db, "PRAGMA foreign_keys = ON", NULL);
  return g_steal_pointer (&db);
}

gboolean
attain_db_is_read_only (AttainDb *db)
{
  g_return_val_if_fail (db != NULL, FALSE);
  return db->read_only;
}

AttainDb *
attain_db_open (const char *path, GError **error)
{
  g_autoptr (AttainDb) db = NULL;
  g_autofree char *dir = NULL;
  gboolean         made_private = FALSE;

  g_return_val_if_fail (path != NULL, NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_OPEN,
                   _ ("Could not create the folder “%s” for the database: %s"), dir,
                   g_strerror (saved_errno));
      return NULL;
    }

  /* SQLite would create the file 0644 and its -wal/-shm copy that mode; review records are
   * personal data, so create it 0600 ourselves first. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL, 0600);
      if (fd < 0 && errno != EEXIST)
        {
          int saved_errno = errno;
          g_set_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_OPEN,
                       _ ("Could not create the database “%s”: %s"), path,
                       g_strerror (saved_errno));
          return NULL;
        }
      if (fd >= 0)
        close (fd);
    }
  else
    made_private = make_private (path);

  /* A file this user cannot write (its mode, a read-only disk) is opened to be looked at. */
  if (g_access (path, W_OK) != 0 && errno != ENOENT)
    return open_read_only (path, error);

  db = open_connection (path, SQLITE_OPEN_READWRITE, error);
  if (db == NULL)
    return NULL;
  db->made_private = made_private;

  /* Check the version before anything that could write (journal mode is a write). */
  if (read_user_version (db->handle) > attain_db_latest_version ())
    {
      migrate (db, error); /* only reports the refusal; writes nothing */
      return NULL;
    }

  {
    g_autoptr (GError) local_error = NULL;

    /* The first statements are where SQLite notices a file that is not a database. */
    if (!attain_db_exec (db, "PRAGMA journal_mode = WAL", &local_error)
        || !attain_db_exec (db, "PRAGMA synchronous = FULL", &local_error)
        || !attain_db_exec (db, "PRAGMA foreign_keys = ON", &local_error))
      {
        g_set_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_OPEN,
                     _ ("“%s” is not an Attain database, or it is damaged: %s"), path,
                     sqlite3_errmsg (db->handle));
        return NULL;
      }
  }
  if (!migrate (db, error))
    return NULL;

  return g_steal_pointer (&db);
}

AttainDb *
attain_db_open_reader (const char *path, GError **error)
{
  g_autoptr (AttainDb) db = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  db = open_connection (path, SQLITE_OPEN_READONLY, error);
  if (db == NULL)
    return NULL;

  db->version = read_user_version (db->handle);
  if (db->version != attain_db_latest_version ())
    {
      g_set_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_OPEN,
                   _ ("“%s” is at database version %d, but this version of Attain reads "
                      "version %d."),
                   path, db->version, attain_db_latest_version ());
      return NULL;
    }
  return g_steal_pointer (&db);
}

void
attain_db_close (AttainDb *db)
{
  if (db == NULL)
    return;
  g_clear_pointer (&db->statements, g_hash_table_unref);
  if (db->handle != NULL)
    sqlite3_close (db->handle);
  g_free (db->path);
  g_free (db);
}

gint64
attain_db_last_insert_id (AttainDb *db)
{
  g_return_val_if_fail (db != NULL, 0);
  return sqlite3_last_insert_rowid (db->handle);
}

int
attain_db_changes (AttainDb *db)
{
  g_return_val_if_fail (db != NULL, 0);
  return sqlite3_changes (db->handle);
}

/* For SQL put together at run time (never from user text): not cached; the caller finalizes
 * the statement. */
sqlite3_stmt *
attain_db_prepare_uncached (AttainDb *db, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (db != NULL && sql != NULL, NULL);
  attain_watched_thread_note (ATTAIN_WORK_QUERY);
  if (sqlite3_prepare_v2 (db->handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      attain_db_set_error (db, error, _ ("Preparing a query"));
      return NULL;
    }
  return stmt;
}

const char *
attain_db_get_path (AttainDb *db)
{
  g_return_val_if_fail (db != NULL, NULL);
  return db->path;
}

int
attain_db_get_version (AttainDb *db)
{
  g_return_val_if_fail (db != NULL, -1);
  return db->version;
}

char *
attain_db_get_setting (AttainDb *db, const char *key, const char *fallback)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (db != NULL, NULL);

  stmt = attain_db_prepare (db, "SELECT value FROM settings WHERE key = ?1", NULL);
  if (stmt == NULL)
    return g_strdup (fallback);
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      char *value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
      return value;
    }
  sqlite3_reset (stmt);
  return g_strdup (fallback);
}

int
attain_db_get_setting_int (AttainDb *db, const char *key, int fallback)
{
  g_autofree char *text = attain_db_get_setting (db, key, NULL);
  gint64           value;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, G_MININT, G_MAXINT, &value, NULL))
    return fallback;
  return (int) value;
}

gboolean
attain_db_set_setting (AttainDb *db, const char *key, const char *value, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (db != NULL, FALSE);

  stmt = attain_db_prepare (db,
                            "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return attain_db_set_error (db, error, _ ("Saving a setting"));
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
attain_db_is_empty (AttainDb *db)
{
  sqlite3_stmt *stmt;
  gboolean      empty = TRUE;

  g_return_val_if_fail (db != NULL, TRUE);

  stmt = attain_db_prepare (db, "SELECT EXISTS (SELECT 1 FROM org_units)", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    empty = sqlite3_column_int (stmt, 0) == 0;
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return empty;
}

/* Copies every page of `from` into `to` with SQLite's online backup API: a consistent snapshot
 * even while other connections write, without blocking them for long. */
static gboolean
copy_database (sqlite3 *from, sqlite3 *to, GError **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (to, "main", from, "main");
  int             rc;

  if (backup == NULL)
    {
      g_set_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_QUERY,
                   _ ("The copy could not start: %s"), sqlite3_errmsg (to));
      return FALSE;
    }
  do
    {
      rc = sqlite3_backup_step (backup, 256);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (20);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_QUERY, _ ("The copy failed: %s"),
                   sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

/* A backup file is written under a temporary name in the same folder, 0600, synced, then
 * renamed over the destination: a failed or killed backup never leaves a half file there. */
static gboolean
write_copy (sqlite3 *from, const char *destination, GError **error)
{
  g_autofree char *temporary = attain_private_file_create (destination, error);
  sqlite3         *to = NULL;
  gboolean         ok = FALSE;

  if (temporary == NULL)
    return FALSE;
  if (sqlite3_open_v2 (temporary, &to, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_set_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_OPEN,
                   _ ("Could not write the copy “%s”: %s"), destination,
                   to ? sqlite3_errmsg (to) : g_strerror (ENOMEM));
      goto out;
    }
  if (!copy_database (from, to, error))
    goto out;
  /* The copy is a single file: no -wal beside it. */
  sqlite3_exec (to, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close (to);
  to = NULL;
  ok = attain_private_file_commit (temporary, destination, error);
  g_clear_pointer (&temporary, g_free); /* committed or removed */

out:
  if (to != NULL)
    sqlite3_close (to);
  if (!ok)
    attain_private_file_discard (temporary);
  return ok;
}

gboolean
attain_db_backup (AttainDb *db, const char *destination, GError **error)
{
  g_autofree char *problems = NULL;

  g_return_val_if_fail (db != NULL && destination != NULL, FALSE);
  /* A copy of damaged pages would look like a good backup later. */
  if (!attain_db_quick_check (db, &problems, error))
    return FALSE;
  if (problems != NULL)
    {
      g_set_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_DAMAGED,
                   _ ("“%s” is damaged, so no backup was made: it would keep the damage. Restore "
                      "an earlier backup instead. SQLite found: %s"),
                   db->path, problems);
      return FALSE;
    }
  return write_copy (db->handle, destination, error);
}

/* Checks that a file is an Attain database this version can open: intact, not newer. */
gboolean
attain_db_check_file (const char *path, GError **error)
{
  sqlite3      *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean      ok = FALSE;
  int           version;

  if (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_OPEN, _ ("“%s” could not be opened: %s"),
                   path, handle ? sqlite3_errmsg (handle) : g_strerror (ENOMEM));
      goto out;
    }
  version = read_user_version (handle);
  if (version < 1
      || sqlite3_prepare_v2 (handle, "SELECT 1 FROM settings LIMIT 1", -1, &stmt, NULL)
             != SQLITE_OK)
    {
      g_set_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_INVALID,
                   _ ("“%s” is not an Attain database. Nothing was changed."), path);
      goto out;
    }
  sqlite3_finalize (stmt);
  stmt = NULL;
  if (version > attain_db_latest_version ())
    {
      g_set_error (
          error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_NEWER_VERSION,
          _ ("“%s” was written by a newer version of Attain (database version %d). Nothing "
             "was changed."),
          path, version);
      goto out;
    }
  if (sqlite3_prepare_v2 (handle, "PRAGMA integrity_check", -1, &stmt, NULL) != SQLITE_OK
      || sqlite3_step (stmt) != SQLITE_ROW
      || g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      g_set_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_INVALID,
                   _ ("“%s” is damaged (its integrity check failed). Nothing was changed."), path);
      goto out;
    }
  ok = TRUE;

out:
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return ok;
}

/* Replaces the open database's contents with a backup's, after keeping the current contents as
 * a copy beside the file. The replacement is one write transaction on the live file, so other
 * readers see the old data or the new, never a mix. */
gboolean
attain_db_restore (AttainDb *db, const char *backup_path, char **kept_copy, GError **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *previous = g_strdup_printf ("%s.before-restore-%s", db->path, stamp);
  sqlite3         *from = NULL;
  gboolean         ok;

  g_return_val_if_fail (db != NULL && backup_path != NULL, FALSE);

  if (!attain_db_check_file (backup_path, error))
    return FALSE;
  if (!write_copy (db->handle, previous, error))
    return FALSE;
  if (sqlite3_open_v2 (backup_path, &from, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_OPEN, _ ("“%s” could not be opened: %s"),
                   backup_path, from ? sqlite3_errmsg (from) : g_strerror (ENOMEM));
      sqlite3_close (from);
      return FALSE;
    }
  g_hash_table_remove_all (db->statements);
  ok = copy_database (from, db->handle, error);
  sqlite3_close (from);
  if (!ok)
    return FALSE;
  db->version = read_user_version (db->handle);
  if (!migrate (db, error))
    return FALSE;
  attain_db_announce_change (db, ATTAIN_DB_CHANGE_ALL);
  if (kept_copy != NULL)
    *kept_copy = g_steal_pointer (&previous);
  return TRUE;
}

/* Changes whenever another connection (another process, or a worker's) commits to the file:
 * how a window notices what it did not write itself. */
gint64
attain_db_data_version (AttainDb *db)
{
  sqlite3_stmt *stmt = NULL;
  gint64        version = -1;

  g_return_val_if_fail (db != NULL, -1);
  if (sqlite3_prepare_v2 (db->handle, "PRAGMA data_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

/* PRAGMA quick_check: the file's pages and indexes are sound. Returns FALSE with @error when
 * the check could not run; *@problems gets SQLite's findings, or NULL when the file is sound. */
gboolean
attain_db_quick_check (AttainDb *db, char **problems, GError **error)
{
  sqlite3_stmt *stmt = attain_db_prepare_uncached (db, "PRAGMA quick_check (20)", error);
  g_autoptr (GString) found = g_string_new (NULL);
  int rc;

  *problems = NULL;
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (line, "ok") != 0)
        g_string_append_printf (found, "%s\n", line ? line : "");
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      g_string_append_printf (found, "%s\n", sqlite3_errstr (rc));
    }
  if (found->len > 0)
    *problems = g_string_free (g_steal_pointer (&found), FALSE);
  return TRUE;
}

void
attain_db_bind_period (sqlite3_stmt *stmt, int index, const AttainPeriod *period)
{
  GDate first, last;

  attain_period_bounds (period, &first, &last);
  sqlite3_bind_text (stmt, index, attain_date_to_iso (&first), -1, g_free);
  sqlite3_bind_text (stmt, index + 1, attain_date_to_iso (&last), -1, g_free);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "attain-period.h"

G_BEGIN_DECLS

#define ATTAIN_DB_ERROR (attain_db_error_quark ())

typedef enum
{
  ATTAIN_DB_ERROR_OPEN,
  ATTAIN_DB_ERROR_NEWER_VERSION,
  ATTAIN_DB_ERROR_MIGRATION,
  ATTAIN_DB_ERROR_QUERY,
  ATTAIN_DB_ERROR_NOT_FOUND,
  ATTAIN_DB_ERROR_INVALID,
  ATTAIN_DB_ERROR_READ_ONLY,
  ATTAIN_DB_ERROR_DAMAGED,
} AttainDbError;

typedef struct _AttainDb AttainDb;

/* What a commit changed, for listeners that reload only what they show. */
typedef enum
{
  ATTAIN_DB_CHANGE_ORG = 1 << 0,
  ATTAIN_DB_CHANGE_RECORDS = 1 << 1,
  ATTAIN_DB_CHANGE_GOALS = 1 << 2,
  ATTAIN_DB_CHANGE_REVIEWS = 1 << 3,
  ATTAIN_DB_CHANGE_SETTINGS = 1 << 4,
  ATTAIN_DB_CHANGE_ALL = (1 << 5) - 1,
} AttainDbChange;

typedef void (*AttainDbCommitFunc) (const char *path, guint changes, gpointer data);

GQuark        attain_db_error_quark (void);
int           attain_db_latest_version (void);
char         *attain_db_default_path (void);
AttainDb     *attain_db_open (const char *path, GError **error);
AttainDb     *attain_db_open_reader (const char *path, GError **error);
void          attain_db_close (AttainDb *db);
gint64        attain_db_last_insert_id (AttainDb *db);
int           attain_db_changes (AttainDb *db);
sqlite3_stmt *attain_db_prepare_uncached (AttainDb *db, const char *sql, GError **error);
const char   *attain_db_get_path (AttainDb *db);
int           attain_db_get_version (AttainDb *db);
sqlite3_stmt *attain_db_prepare (AttainDb *db, const char *sql, GError **error);
gboolean      attain_db_exec (AttainDb *db, const char *sql, GError **error);
gboolean      attain_db_begin (AttainDb *db, GError **error);
gboolean      attain_db_commit (AttainDb *db, GError **error);
void          attain_db_rollback (AttainDb *db);
/* Binds @period's first and last days, as ISO dates, at @index and @index + 1. */
void     attain_db_bind_period (sqlite3_stmt *stmt, int index, const AttainPeriod *period);
gboolean attain_db_set_error (AttainDb *db, GError **error, const char *what);
char    *attain_db_get_setting (AttainDb *db, const char *key, const char *fallback);
int      attain_db_get_setting_int (AttainDb *db, const char *key, int fallback);
gboolean attain_db_set_setting (AttainDb *db, const char *key, const char *value, GError **error);
gboolean attain_db_is_empty (AttainDb *db);
gboolean attain_db_is_read_only (AttainDb *db);
char    *attain_db_made_private_notice (AttainDb *db);
gboolean attain_db_quick_check (AttainDb *db, char **problems, GError **error);
GBytes  *attain_db_migration_sql (int version);
gint64   attain_db_data_version (AttainDb *db);
gboolean attain_db_backup (AttainDb *db, const char *destination, GError **error);
gboolean attain_db_check_file (const char *path, GError **error);
gboolean
attain_db_restore (AttainDb *db, const char *backup_path, char **kept_copy, GError **error);

guint
     attain_db_add_commit_listener (AttainDbCommitFunc func, gpointer data, GDestroyNotify destroy);
void attain_db_remove_commit_listener (guint id);
void attain_db_announce_change (AttainDb *db, guint changes);
void attain_db_set_cancellable (AttainDb *db, GCancellable *cancellable);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttainDb, attain_db_close)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "attain-db.h"
#include "attain-parse.h"
#include "attain-sheet.h"

G_BEGIN_DECLS

#define ATTAIN_IMPORT_ERROR (attain_import_error_quark ())

typedef enum
{
  ATTAIN_IMPORT_ERROR_NO_HEADER,
  ATTAIN_IMPORT_ERROR_MISSING_COLUMN,
  ATTAIN_IMPORT_ERROR_REJECTED_ROWS,
  ATTAIN_IMPORT_ERROR_PRESET,
  ATTAIN_IMPORT_ERROR_CANCELLED,
  ATTAIN_IMPORT_ERROR_NO_COMPANY,
} AttainImportError;

typedef enum
{
  ATTAIN_IMPORT_ORG,
  ATTAIN_IMPORT_DEALS,
  ATTAIN_IMPORT_COLLECTIONS,
  ATTAIN_IMPORT_ACTIVITIES,
  ATTAIN_IMPORT_FEEDBACK,
  ATTAIN_IMPORT_MARKET,
  ATTAIN_IMPORT_TARGETS,
  ATTAIN_IMPORT_N_KINDS,
} AttainImportKind;

/* How a file is read and mapped. Columns and values a preset or the mapping step sets win over
 * what is matched automatically by name. */
typedef struct
{
  AttainImportKind kind;
  char            *source;      /* the preset's name, or "file"; kept with each record */
  char            *encoding;    /* "auto" or an encoding name */
  int              sheet_index; /* XLSX: 0-based */
  AttainDateOrder  date_order;
  gint64           amount_unit; /* 0: read from the header or title rows; else yuan per unit */
  int              satisfaction_scale; /* 5 or 10 */
  GHashTable      *columns;            /* normalized header -> field key ("" to ignore) */
  GHashTable      *values;             /* "field\x1fnormalized value" -> mapped value */
  char            *company_name;       /* org import into an empty file */
  int              year;               /* targets grid without years in its header; 0: this year */
  char            *metric;             /* targets grid without a metric column */
  char            *as_of;              /* the export's date, for stage moves without a date */
  gboolean         allow_locked;       /* second confirmation for periods with signed-off reviews */
} AttainImportOptions;

typedef struct
{
  guint line;
  char *column;
  char *value;
  char *message;  /* the whole sentence, naming line, column and value */
  char *sentence; /* what is wrong with the value, without line and column */
} AttainImportProblem;

/* A value of a mapped kind (stage, tier, activity or feedback type) no mapping knows. */
typedef struct
{
  char *field_key;
  char *value;
  guint first_line;
  guint count;
} AttainImportUnmapped;

typedef struct
{
  guint      added;
  guint      updated;
  guint      unchanged;
  guint      skipped; /* total rows and such */
  gint64     import_id;
  GPtrArray *notes; /* char*: sentences the director should read */
} AttainImportSummary;

typedef struct _AttainImportPlan AttainImportPlan;

typedef void (*AttainImportProgress) (guint64 done, guint64 total, gpointer user_data);

GQuark      attain_import_error_quark (void);
const char *attain_import_kind_to_string (AttainImportKind kind);
gboolean    attain_import_kind_from_string (const char *text, AttainImportKind *out);
const char *attain_import_kind_label (AttainImportKind kind);

void     attain_import_options_init (AttainImportOptions *options, AttainImportKind kind);
void     attain_import_options_clear (AttainImportOptions *options);
void     attain_import_options_copy (const AttainImportOptions *from, AttainImportOptions *to);
gboolean attain_import_options_load_preset (AttainImportOptions *options,
                                            AttainDb            *db,
                                            const char          *name_or_file,
                                            GError             **error);
gboolean attain_import_options_save_preset (const AttainImportOptions *options,
                                            AttainDb                  *db,
                                            const char                *name,
                                            GError                   **error);
char    *attain_import_options_to_json (const AttainImportOptions *options, const char *name);
void     attain_import_options_set_column (AttainImportOptions *options,
                                           const char          *header,
                                           const char          *field_key);
void     attain_import_options_set_value (AttainImportOptions *options,
                                          const char          *field_key,
                                          const char          *value,
                                          const char          *mapped);
char   **attain_import_preset_names (AttainDb *db);

/* Fields a kind's file can hold, in the order the mapping step lists them. */
guint              attain_import_n_fields (AttainImportKind kind);
const char        *attain_import_field_key (AttainImportKind kind, guint index);
const char        *attain_import_field_label (const char *field_key);
gboolean           attain_import_field_required (AttainImportKind kind, const char *field_key);
const char *const *attain_import_value_choices (const char *field_key);

AttainImportPlan  *attain_import_prepare (AttainDb                  *db,
                                          const char                *path,
                                          const AttainImportOptions *options,
                                          GCancellable              *cancellable,
                                          AttainImportProgress       progress,
                                          gpointer                   user_data,
                                          GError                   **error);
AttainImportPlan  *attain_import_prepare_sheet (AttainDb                  *db,
                                                AttainSheet               *sheet,
                                                const char                *file_name,
                                                const char                *sha256,
                                                const AttainImportOptions *options,
                                                GCancellable              *cancellable,
                                                AttainImportProgress       progress,
                                                gpointer                   user_data,
                                                GError                   **error);
const AttainSheet *attain_import_plan_get_sheet (AttainImportPlan *plan);
guint              attain_import_plan_get_header_row (AttainImportPlan *plan);
const char        *attain_import_plan_get_column_field (AttainImportPlan *plan, guint column);
gint64             attain_import_plan_get_amount_unit (AttainImportPlan *plan);
GPtrArray         *attain_import_plan_get_problems (AttainImportPlan *plan);
GPtrArray         *attain_import_plan_get_unmapped (AttainImportPlan *plan);
guint              attain_import_plan_get_n_records (AttainImportPlan *plan);
const char        *attain_import_plan_get_sha256 (AttainImportPlan *plan);
guint              attain_import_plan_get_n_locked (AttainImportPlan *plan);
gboolean           attain_import_plan_is_period_column (AttainImportPlan *plan, guint column);
void               attain_import_plan_set_company_name (AttainImportPlan *plan, const char *name);
gboolean           attain_import_apply (AttainDb            *db,
                                        AttainImportPlan    *plan,
                                        GCancellable        *cancellable,
                                        AttainImportProgress progress,
                                        gpointer             user_data,
                                        AttainImportSummary *summary,
                                        GError             **error);
void               attain_import_plan_free (AttainImportPlan *plan);
void               attain_import_summary_clear (AttainImportSummary *summary);

gboolean attain_record_add (AttainDb        *db,
                            AttainImportKind kind,
                            GHashTable      *values,
                            const char      *today,
                            GPtrArray      **problems,
                            GError         **error);
gboolean attain_import_last (AttainDb         *db,
                             AttainImportKind *kind,
                             char            **file_name,
                             char            **imported_at,
                             guint            *added,
                             guint            *updated);
gboolean attain_import_undo_last (AttainDb *db, gint64 *undone_id, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttainImportPlan, attain_import_plan_free)

G_END_DECLS

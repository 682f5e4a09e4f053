/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "attain-import.h"

G_BEGIN_DECLS

typedef enum
{
  T_TEXT,
  T_PERSON,
  T_AMOUNT,
  T_DATE,
  T_INT,
  T_STAGE,
  T_TIER,
  T_ACTIVITY_KIND,
  T_FEEDBACK_KIND,
  T_UNIT,
  T_MONTH,
  T_METRIC,
} FieldType;

typedef enum
{
  F_EXTERNAL_ID,
  F_TITLE,
  F_OWNER,
  F_OWNER_NO,
  F_CUSTOMER,
  F_TIER,
  F_PRODUCT_LINE,
  F_STAGE,
  F_AMOUNT,
  F_GROSS_PROFIT,
  F_CREATED_ON,
  F_EXPECTED_CLOSE,
  F_CLOSED_ON,
  F_STAGE_DATE,
  F_INVOICE_AMOUNT,
  F_COLLECTED_AMOUNT,
  F_INVOICED_ON,
  F_COLLECTED_ON,
  F_DEAL_REF,
  F_ACTIVITY_KIND,
  F_HAPPENED_ON,
  F_FEEDBACK_KIND,
  F_SCORE,
  F_RECOMMEND,
  F_GIVEN_ON,
  F_RESOLVED_ON,
  F_EMPLOYEE_NO,
  F_NAME,
  F_POSITION,
  F_TEAM,
  F_REGION,
  F_MANAGER_NO,
  F_HIRED_ON,
  F_LEFT_ON,
  F_UNIT,
  F_MONTH,
  F_MARKET_SIZE,
  F_METRIC,
  F_AGREED_ON,
  N_FIELDS,
} FieldId;

typedef struct
{
  const char *key;
  const char *label;
  FieldType   type;
  const char *synonyms;
} ImportField;

const ImportField *attain_import_field (FieldId id);
gboolean           attain_import_field_id (const char *key, FieldId *out);
FieldId            attain_import_kind_field (AttainImportKind kind, guint index);
gboolean           attain_import_kind_has_field (AttainImportKind kind, FieldId id);
char              *attain_import_normalize (const char *text);
FieldId
attain_import_match_header (const AttainImportOptions *options, const char *header, gint64 *unit);
const char *
attain_import_map_value (const AttainImportOptions *options, FieldId id, const char *text);

typedef struct
{
  gboolean set;
  gint64   num;
  char    *text;
} Value;

typedef struct
{
  int kind;  /* ATTAIN_PERIOD_MONTH or ATTAIN_PERIOD_QUARTER; -1 for not a period column */
  int year;  /* 0 when the header does not say */
  int index; /* month 1..12 or quarter 1..4 */
} PeriodColumn;

typedef struct
{
  PeriodColumn period;
  gint64       value;
} TargetCell;

typedef struct
{
  guint   line;
  Value   v[N_FIELDS];
  GArray *targets; /* TargetCell, targets grid only */
} Record;

struct _AttainImportPlan
{
  AttainImportKind kind;
  char            *source;
  char            *file_name;
  char            *sha256;
  char            *company_name;
  char            *metric;
  char            *as_of;
  int              scale;
  AttainSheet     *sheet;
  guint            header_row;
  guint            n_columns;
  FieldId         *column_fields;
  PeriodColumn    *period_columns;
  gint64           amount_unit;
  GPtrArray       *problems; /* AttainImportProblem* */
  guint            n_problems;
  GPtrArray       *unmapped; /* AttainImportUnmapped* */
  GPtrArray       *records;  /* Record* */
  GPtrArray       *notes;    /* char* */
  guint            skipped;
  guint            n_locked;
};

void attain_import_record_free (Record *record);

G_END_DECLS

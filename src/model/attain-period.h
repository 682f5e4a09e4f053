/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ATTAIN_PERIOD_ERROR (attain_period_error_quark ())

typedef enum
{
  ATTAIN_PERIOD_ERROR_INVALID,
} AttainPeriodError;

typedef enum
{
  ATTAIN_PERIOD_MONTH,
  ATTAIN_PERIOD_QUARTER,
  ATTAIN_PERIOD_YEAR,
} AttainPeriodKind;

/* A month is a calendar month. Quarters and years are fiscal: fiscal year N starts on the first
 * day of month fy_start_month of calendar year N (a year starting in April runs April N to
 * March N+1). Months are encoded as year * 100 + month, as in the rollup tables. */
typedef struct
{
  AttainPeriodKind kind;
  int              year;
  int              index;          /* month 1..12, quarter 1..4, 0 for a year */
  int              fy_start_month; /* 1..12 */
} AttainPeriod;

GQuark attain_period_error_quark (void);
gboolean
      attain_period_parse (const char *text, int fy_start_month, AttainPeriod *out, GError **error);
char *attain_period_to_string (const AttainPeriod *period);
char *attain_period_to_label (const AttainPeriod *period);
int   attain_period_first_month (const AttainPeriod *period);
int   attain_period_last_month (const AttainPeriod *period);
int   attain_period_n_months (const AttainPeriod *period);
void  attain_period_bounds (const AttainPeriod *period, GDate *first, GDate *last);
AttainPeriod attain_period_same_last_year (const AttainPeriod *period);
AttainPeriod attain_period_shift (const AttainPeriod *period, int steps);
AttainPeriod
attain_period_containing (AttainPeriodKind kind, const GDate *date, int fy_start_month);
AttainPeriod attain_period_fiscal_year (const AttainPeriod *period);
AttainPeriod
attain_period_with_kind (const AttainPeriod *period, AttainPeriodKind kind, const GDate *today);
AttainPeriodKind attain_period_kind_from_string (const char *text);
const char      *attain_period_kind_to_string (AttainPeriodKind kind);
double           attain_period_elapsed_share (const AttainPeriod *period, const GDate *today);
gboolean         attain_period_equal (const AttainPeriod *a, const AttainPeriod *b);

int      attain_month_add (int month, int n);
int      attain_month_from_date (const GDate *date);
gboolean attain_date_parse_iso (const char *text, GDate *out);
char    *attain_date_to_iso (const GDate *date);

G_END_DECLS

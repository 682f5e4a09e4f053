/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How large numbers are written: Chinese readers group by 万 (10^4) and 亿 (10^8), others by
 * thousand, million, billion. */
typedef enum
{
  ATTAIN_NUMBER_STYLE_WESTERN,
  ATTAIN_NUMBER_STYLE_SIMPLIFIED,  /* 万 亿 */
  ATTAIN_NUMBER_STYLE_TRADITIONAL, /* 萬 億 */
} AttainNumberStyle;

typedef enum
{
  ATTAIN_VALUE_MONEY, /* minor units */
  ATTAIN_VALUE_COUNT,
  ATTAIN_VALUE_RATE,  /* fraction, 0.5 = 50% */
  ATTAIN_VALUE_SCORE, /* plain number with one decimal (NPS, satisfaction) */
  ATTAIN_VALUE_DAYS,
} AttainValueKind;

typedef struct
{
  double      divisor;
  const char *suffix;
} AttainAxisUnit;

AttainNumberStyle attain_number_style_default (void);
void              attain_number_style_override (AttainNumberStyle style);
const char       *attain_currency_symbol (const char *currency);
char             *attain_format_grouped (gint64 value);
char             *attain_format_money (gint64 minor, const char *currency);
char             *attain_format_money_exact (gint64 minor, const char *currency);
char             *attain_format_compact (double value, AttainNumberStyle style);
char *attain_format_money_compact (double minor, const char *currency, AttainNumberStyle style);
char *attain_format_percent (double fraction);
/* A score on the 100-point scale with one decimal ("105.1"); "—" when undefined. */
char          *attain_format_score (double score);
char          *attain_format_change (double fraction);
char          *attain_format_points_change (double points);
char          *attain_format_value (AttainValueKind   kind,
                                    double            value,
                                    const char       *currency,
                                    AttainNumberStyle style);
char          *attain_format_difference (AttainValueKind   kind,
                                         double            difference,
                                         const char       *currency,
                                         AttainNumberStyle style);
AttainAxisUnit attain_axis_unit_for (double max_value, AttainNumberStyle style);
char          *attain_format_axis_value (double value, AttainAxisUnit unit);

char *attain_isolate (const char *text);
char *attain_hundredths_text (int value);
G_END_DECLS

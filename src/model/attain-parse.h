/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Numbers and dates as people write them in spreadsheets and CRM exports. Each parser takes a
 * cell's text and either gives an exact value or says, in a sentence, what is wrong. */

#define ATTAIN_PARSE_ERROR (attain_parse_error_quark ())

typedef enum
{
  ATTAIN_PARSE_ERROR_NUMBER,
  ATTAIN_PARSE_ERROR_DATE,
  ATTAIN_PARSE_ERROR_RANGE,
} AttainParseError;

typedef enum
{
  ATTAIN_DATE_ORDER_YMD,
  ATTAIN_DATE_ORDER_MDY, /* Salesforce US exports: 03/05/2026 is March 5 */
  ATTAIN_DATE_ORDER_DMY,
} AttainDateOrder;

GQuark   attain_parse_error_quark (void);
gboolean attain_parse_decimal (const char *text,
                               int         scale,
                               gint64     *out,
                               gboolean   *was_percent,
                               GError    **error);
gboolean
attain_parse_amount (const char *text, gint64 unit_minor, gint64 *out_minor, GError **error);
gboolean
attain_parse_integer (const char *text, gint64 min, gint64 max, gint64 *out, GError **error);
gboolean    attain_parse_date (const char *text, AttainDateOrder order, GDate *out, GError **error);
gboolean    attain_parse_month (const char *text, int *out_month);
gboolean    attain_date_order_parse (const char *text, AttainDateOrder *out);
const char *attain_date_order_to_string (AttainDateOrder order);

G_END_DECLS

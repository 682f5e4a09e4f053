/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "report/attain-document.h"

G_BEGIN_DECLS

/* The bonus sheet for HR and finance, landscape A4: the payout curve with everyone on it, one
 * row per person with every figure computed and paid, the totals, the pool's sentence and the
 * signatures. @sheet is what attain_bonus_sheet gives. */
AttainDocument *attain_bonus_sheet_report (JsonNode    *sheet,
                                           const char  *title,
                                           const char  *company,
                                           const GDate *today,
                                           const char  *language);
/* One person's bonus statement (A4 portrait): how the figure was reached, line by line. */
AttainDocument *attain_bonus_statement_report (JsonNode    *sheet,
                                               gint64       person_id,
                                               const char  *company,
                                               const GDate *today,
                                               const char  *language);

G_END_DECLS

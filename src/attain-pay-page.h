/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "attain-context.h"

G_BEGIN_DECLS

#define ATTAIN_TYPE_PAY_PAGE (attain_pay_page_get_type ())
G_DECLARE_FINAL_TYPE (AttainPayPage, attain_pay_page, ATTAIN, PAY_PAGE, GtkWidget)

/* The bonus sheet of the unit and period the window shows: each person's commission, curve
 * payout, variable part, awards and totals, the pool and its scaling, approval. */
GtkWidget  *attain_pay_page_new (AttainContext *context);
gboolean    attain_pay_page_is_loading (AttainPayPage *self);
GtkListBox *attain_pay_page_get_rows (AttainPayPage *self);
/* The pool's sentence, or the approval's: what the page says above the rows. */
const char *attain_pay_page_get_summary (AttainPayPage *self);
GtkWidget  *attain_pay_page_get_dialog (AttainPayPage *self);
/* Sets the pool from text ("12,000.00"; empty removes it); a refusal is shown as a toast and
 * returned. */
gboolean attain_pay_page_set_pool (AttainPayPage *self, const char *text, GError **error);
/* Writes the sheet for HR and finance, as CSV or XLSX. */
gboolean
attain_pay_page_export (AttainPayPage *self, const char *path, gboolean xlsx, GError **error);

G_END_DECLS

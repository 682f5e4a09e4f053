/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "attain-context.h"

G_BEGIN_DECLS

#define ATTAIN_TYPE_PAY_PLAN_DIALOG (attain_pay_plan_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AttainPayPlanDialog,
                      attain_pay_plan_dialog,
                      ATTAIN,
                      PAY_PLAN_DIALOG,
                      AdwWindow)

/* Edits the pay plan of a position (or of every position without its own): fixed pay and
 * target bonus, what the bonus follows and its curve or coefficients, commission and its tiers,
 * and the incentive awards. Saving writes a new version, compare-and-set against the version
 * it opened; the sheets already approved keep their figures. Emits "saved" with the new id. */
GtkWidget *attain_pay_plan_dialog_new (GtkWindow *parent, AttainContext *context);
/* The sentence shown when saving was refused, or NULL. */
const char *attain_pay_plan_dialog_get_error (AttainPayPlanDialog *self);

G_END_DECLS

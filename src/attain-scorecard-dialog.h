/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "attain-context.h"

G_BEGIN_DECLS

#define ATTAIN_TYPE_SCORECARD_DIALOG (attain_scorecard_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AttainScorecardDialog,
                      attain_scorecard_dialog,
                      ATTAIN,
                      SCORECARD_DIALOG,
                      AdwWindow)

/* Edits the scorecard template of a position: the parts' weights in the composite and the KPI
 * lines with their scoring rules. Saving writes a new version; the cycles that started on the
 * version before keep it. Emits "saved" with the new version's id. */
GtkWidget *attain_scorecard_dialog_new (GtkWindow *parent, AttainContext *context);
/* The sentence shown when saving was refused, or NULL. */
const char *attain_scorecard_dialog_get_error (AttainScorecardDialog *self);

G_END_DECLS

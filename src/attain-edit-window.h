/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "attain-context.h"

G_BEGIN_DECLS

/* The parts every window that edits a versioned template has (scorecards, pay plans). */

/* The header bar with Cancel and the save button (activating @save_action), then the hidden
 * line that says why nothing was saved; both appended to @box. Returns that line. */
GtkLabel *attain_edit_window_top (GtkBox *box, const char *save_label, const char *save_action);
/* Shows @message on the error line. */
void attain_edit_window_show_error (GtkLabel *error_label, const char *message);
/* A Position row: @everyone_label first (the template for every position without its own),
 * then the positions by rank, their choices kept in *@positions (AttainChoice). */
AdwComboRow *attain_edit_window_position_row (AttainContext *context,
                                              const char    *everyone_label,
                                              GPtrArray    **positions);
/* The chosen position's id, 0 for everyone's. */
gint64 attain_edit_window_chosen_position (AdwComboRow *row, GPtrArray *positions);
/* A dim line under a group saying which version is open. */
GtkLabel *attain_edit_window_version_label (void);

G_END_DECLS

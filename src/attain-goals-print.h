/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "model/attain-goal-tree.h"

G_BEGIN_DECLS

/* Prints the goal tree through the desktop's print dialog (CUPS, or the portal in a sandbox),
 * laid out by the same report code as the PDF export. With export_path it writes that PDF
 * through the same operation instead, without a dialog. */
gboolean attain_goals_print_run (const AttainGoalTree *tree,
                                 GtkWindow            *parent,
                                 const char           *export_path,
                                 GError              **error);

G_END_DECLS

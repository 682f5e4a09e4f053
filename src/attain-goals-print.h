/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "model/attain-goal-tree.h"

G_BEGIN_DECLS

/* Prints the goal tree through the desktop's print dialog (CUPS, or the portal in a sandbox),
 * laid out by the same report code as the PDF export. */
gboolean attain_goals_print_run (const AttainGoalTree *tree,
                                 GtkWindow            *parent,
                                 GError              **error);

G_END_DECLS

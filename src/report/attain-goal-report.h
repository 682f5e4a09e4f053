/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/attain-goal-tree.h"
#include "report/attain-document.h"

G_BEGIN_DECLS

/* The goal tree as a printed table: one row per unit and person, indented by level; gaps and
 * behind-pace attainment in red. Landscape A4 fits its ten columns. */
AttainDocument *attain_goal_tree_report (const AttainGoalTree *tree,
                                         const char           *company,
                                         const GDate          *today,
                                         const char           *language);

G_END_DECLS

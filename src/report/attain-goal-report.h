/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/attain-goal-tree.h"
#include "report/attain-table-report.h"

G_BEGIN_DECLS

AttainTableReport *attain_goal_tree_report (const AttainGoalTree *tree,
                                            const char           *company,
                                            const char           *language);

G_END_DECLS

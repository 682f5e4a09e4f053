/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "model/attain-db.h"

G_BEGIN_DECLS

/* A person's record across periods, newest first: reviews with the composite and rating they
 * were signed with, calibration moves, appeals and position changes. */
GtkWidget *attain_history_window_new (GtkWindow  *parent,
                                      AttainDb   *db,
                                      gint64      person_id,
                                      const char *person_name);

G_END_DECLS

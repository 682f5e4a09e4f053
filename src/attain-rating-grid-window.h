/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "attain-context.h"

G_BEGIN_DECLS

#define ATTAIN_TYPE_RATING_GRID_WINDOW (attain_rating_grid_window_get_type ())
G_DECLARE_FINAL_TYPE (AttainRatingGridWindow,
                      attain_rating_grid_window,
                      ATTAIN,
                      RATING_GRID_WINDOW,
                      AdwWindow)

/* Rates a whole cycle's capabilities from the keyboard: a row per person, a field per
 * capability (1 to 5, empty for not rated); Tab or Enter moves on, Ctrl+S saves every change as
 * one edit. @scores is what attain_cycle_scores_to_json gave for the cycle. Emits "saved" with
 * the number of ratings changed. */
GtkWidget *
attain_rating_grid_window_new (GtkWindow *parent, AttainContext *context, JsonNode *scores);
const char *attain_rating_grid_window_get_error (AttainRatingGridWindow *self);

G_END_DECLS

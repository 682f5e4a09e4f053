/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "attain-context.h"

G_BEGIN_DECLS

#define ATTAIN_TYPE_FEEDBACK_WINDOW (attain_feedback_window_get_type ())
G_DECLARE_FINAL_TYPE (AttainFeedbackWindow,
                      attain_feedback_window,
                      ATTAIN,
                      FEEDBACK_WINDOW,
                      AdwWindow)

/* A review cycle's 360-degree feedback: raters assigned with their response codes, the survey
 * tool's export imported, progress per person and rater group (counts and who has not answered,
 * never who said what), and the collection closed to release the results. @scores is what
 * attain_cycle_scores_to_json gave for the cycle. */
GtkWidget *attain_feedback_window_new (GtkWindow *parent, AttainContext *context, JsonNode *scores);
/* The code of the rater assigned last, for the test and for copying. */
const char *attain_feedback_window_get_code (AttainFeedbackWindow *self);
/* Imports a survey export as the Import button does. */
gboolean    attain_feedback_window_import (AttainFeedbackWindow *self, const char *path);
const char *attain_feedback_window_get_state (AttainFeedbackWindow *self);

G_END_DECLS

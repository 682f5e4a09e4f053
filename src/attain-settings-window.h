/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "attain-context.h"

G_BEGIN_DECLS

#define ATTAIN_TYPE_SETTINGS_WINDOW (attain_settings_window_get_type ())
G_DECLARE_FINAL_TYPE (AttainSettingsWindow,
                      attain_settings_window,
                      ATTAIN,
                      SETTINGS_WINDOW,
                      AdwPreferencesWindow)

/* The company's settings; every change is saved at once, as in GNOME's preferences. */
GtkWidget *attain_settings_window_new (GtkWindow *parent, AttainContext *context);

G_END_DECLS

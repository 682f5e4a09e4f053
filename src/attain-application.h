/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ATTAIN_TYPE_APPLICATION (attain_application_get_type ())
G_DECLARE_FINAL_TYPE (AttainApplication, attain_application, ATTAIN, APPLICATION, AdwApplication)

AttainApplication *attain_application_new (void);

G_END_DECLS

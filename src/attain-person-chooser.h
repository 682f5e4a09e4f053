/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "model/attain-db.h"

G_BEGIN_DECLS

#define ATTAIN_TYPE_PERSON_CHOOSER (attain_person_chooser_get_type ())
G_DECLARE_FINAL_TYPE (AttainPersonChooser, attain_person_chooser, ATTAIN, PERSON_CHOOSER, GtkWidget)

/* A button showing the chosen person that opens a searchable list of everyone; choosing emits
 * "chosen" with the person's scope ("person:ID"). */
void        attain_person_chooser_reload (AttainPersonChooser *self, AttainDb *db);
void        attain_person_chooser_set_label (AttainPersonChooser *self, const char *label);
const char *attain_person_chooser_get_label (AttainPersonChooser *self);

G_END_DECLS

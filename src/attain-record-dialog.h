/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "attain-context.h"

G_BEGIN_DECLS

#define ATTAIN_TYPE_RECORD_DIALOG (attain_record_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AttainRecordDialog, attain_record_dialog, ATTAIN, RECORD_DIALOG, AdwWindow)

/* A deal, collection, activity, feedback answer or market-size figure entered by hand, checked
 * like an import row; the form stays open with the sentences until it is right. */
GtkWidget *attain_record_dialog_new (GtkWindow *parent, AttainContext *context);
void       attain_record_dialog_set_kind (AttainRecordDialog *self, guint index);
void attain_record_dialog_set_field (AttainRecordDialog *self, const char *key, const char *text);
const char *attain_record_dialog_get_problems (AttainRecordDialog *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "attain-context.h"
#include "model/attain-import.h"

G_BEGIN_DECLS

#define ATTAIN_TYPE_IMPORT_DIALOG (attain_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AttainImportDialog, attain_import_dialog, ATTAIN, IMPORT_DIALOG, AdwWindow)

/* The mapping step of an import: reads the file off the main thread, shows what each column
 * and unknown value is taken for, lists the rows to correct, and imports whole or not at all,
 * with progress and Cancel. Emits "imported" once the import is committed. */
GtkWidget        *attain_import_dialog_new (GtkWindow       *parent,
                                            AttainContext   *context,
                                            AttainImportKind kind,
                                            const char      *path);
AttainImportPlan *attain_import_dialog_get_plan (AttainImportDialog *self);
gboolean          attain_import_dialog_is_busy (AttainImportDialog *self);
const char       *attain_import_dialog_get_page (AttainImportDialog *self);
void     attain_import_dialog_set_company_name (AttainImportDialog *self, const char *name);
gboolean attain_import_dialog_confirm_locked (AttainImportDialog *self);
gboolean attain_import_dialog_map_value (AttainImportDialog *self,
                                         const char         *field_key,
                                         const char         *value,
                                         const char         *mapped);

G_END_DECLS

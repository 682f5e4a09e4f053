/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void attain_column_view_align_numeric_titles (GtkColumnView *view, const char *const *titles);

G_END_DECLS

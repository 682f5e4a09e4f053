/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the sources of the model, charts and report in place of <glib/gi18n-lib.h>: the same
 * macros, looked up in the report's catalogue when one is current on this thread. */

#include <glib/gi18n-lib.h>
#include <string.h>

#include "attain-i18n.h"

#undef _
#define _(String) attain_gettext (String)
#undef C_
#define C_(Context, String) attain_pgettext (Context "\004" String, strlen (Context) + 1)

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Translations for the model, charts and report. A report can be in another language than the
 * window, and built on a worker thread: instead of switching the process's LANGUAGE, the
 * report's message catalogue is loaded from its .mo file and made current for the building
 * thread only (attain_i18n_push). Without one, strings follow the desktop's language. The
 * layers' own sources include attain-gettext.h, which points _() and C_() here. */

#include <glib.h>

G_BEGIN_DECLS

typedef struct _AttainCatalogue AttainCatalogue;

const AttainCatalogue *attain_catalogue_get (const char *language);
const char            *attain_catalogue_language (const AttainCatalogue *catalogue);
void                   attain_i18n_push (const AttainCatalogue *catalogue);
void                   attain_i18n_pop (void);
const AttainCatalogue *attain_i18n_current (void);
const char            *attain_gettext (const char *msgid);
const char            *attain_pgettext (const char *context_msgid, gsize msgid_offset);
const char            *attain_ngettext (const char *singular, const char *plural, gulong n);

G_END_DECLS

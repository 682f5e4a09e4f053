/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Work that must not run on the UI thread, counted there so a test can say it did not. */
typedef enum
{
  ATTAIN_WORK_QUERY,  /* a statement prepared or run on a connection */
  ATTAIN_WORK_LAYOUT, /* a Pango layout made for a document */
  ATTAIN_WORK_N_KINDS,
} AttainWork;

void  attain_watch_thread (GThread *thread);
void  attain_watched_thread_note (AttainWork work);
guint attain_watched_thread_count (AttainWork work);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-watch.h"

static GThread *watched_thread;
static gint     watched_counts[ATTAIN_WORK_N_KINDS];

/* The window's thread, for tests: from now on its queries and layouts are counted. */
void
attain_watch_thread (GThread *thread)
{
  watched_thread = thread;
  for (guint i = 0; i < ATTAIN_WORK_N_KINDS; i++)
    g_atomic_int_set (&watched_counts[i], 0);
}

void
attain_watched_thread_note (AttainWork work)
{
  if (watched_thread != NULL && g_thread_self () == watched_thread)
    g_atomic_int_inc (&watched_counts[work]);
}

guint
attain_watched_thread_count (AttainWork work)
{
  return (guint) g_atomic_int_get (&watched_counts[work]);
}

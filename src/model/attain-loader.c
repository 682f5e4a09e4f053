/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-loader.h"

/* The one piece of worker plumbing every load goes through: a reader connection per load (WAL
 * lets it read beside the window's writer), SQLite interrupted on cancel, and a cancelled load
 * never delivers a value, even one that finished just before the cancel. */

typedef struct
{
  char          *path;
  AttainLoadFunc load;
  gpointer       request;
  GDestroyNotify request_free;
  GDestroyNotify result_free;
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  if (job->request_free != NULL && job->request != NULL)
    job->request_free (job->request);
  g_free (job->path);
  g_free (job);
}

static void
load_in_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  LoadJob *job = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (AttainDb) db = NULL;
  gpointer result;

  if (g_task_return_error_if_cancelled (task))
    return;
  db = attain_db_open_reader (job->path, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  attain_db_set_cancellable (db, cancellable);
  result = job->load (db, job->request, cancellable, &error);
  attain_db_set_cancellable (db, NULL);
  if (g_cancellable_is_cancelled (cancellable))
    {
      if (result != NULL && job->result_free != NULL)
        job->result_free (result);
      g_task_return_error_if_cancelled (task);
      return;
    }
  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, job->result_free);
}

void
attain_load_async (const char         *path,
                   AttainLoadFunc      load,
                   gpointer            request,
                   GDestroyNotify      request_free,
                   GDestroyNotify      result_free,
                   gpointer            source_tag,
                   GCancellable       *cancellable,
                   GAsyncReadyCallback callback,
                   gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  LoadJob *job;

  g_return_if_fail (path != NULL && load != NULL);

  job = g_new0 (LoadJob, 1);
  job->path = g_strdup (path);
  job->load = load;
  job->request = request;
  job->request_free = request_free;
  job->result_free = result_free;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  g_task_run_in_thread (task, load_in_thread);
}

gpointer
attain_load_finish (GAsyncResult *result, gpointer source_tag, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static gpointer
check_file (AttainDb *db, gpointer request, GCancellable *cancellable, GError **error)
{
  char *problems = NULL;

  if (!attain_db_quick_check (db, &problems, error))
    return NULL;
  return problems ? problems : g_strdup ("");
}

/* PRAGMA quick_check on a worker: seconds on a large file, so never before the first frame.
 * The result is "" for a sound file, else SQLite's findings. */
void
attain_db_check_async (const char         *path,
                       GCancellable       *cancellable,
                       GAsyncReadyCallback callback,
                       gpointer            user_data)
{
  attain_load_async (path, check_file, NULL, NULL, g_free, attain_db_check_async, cancellable,
                     callback, user_data);
}

char *
attain_db_check_finish (GAsyncResult *result, GError **error)
{
  return attain_load_finish (result, attain_db_check_async, error);
}

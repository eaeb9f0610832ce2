/* plx-worker.h: a computation over a project run in a worker thread, on a
 * connection of its own, for the _async/_finish pairs of long analyses
 * (agreement, divergence).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plx-project.h"

G_BEGIN_DECLS

/* Computes from @options on @worker, the worker thread's own project;
 * returns the result or NULL with @error set. */
typedef gpointer (*PlxWorkerCompute) (PlxProject     *worker,
                                      gconstpointer   options,
                                      GError        **error);

void     plx_worker_run    (PlxProject          *project,
                            gpointer             source_tag,
                            PlxWorkerCompute     compute,
                            gpointer             options,
                            GDestroyNotify       options_free,
                            GDestroyNotify       result_free,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data);
gpointer plx_worker_finish (PlxProject          *project,
                            GAsyncResult        *result,
                            gpointer             source_tag,
                            GError             **error);

G_END_DECLS

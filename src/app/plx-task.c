/* plx-task.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-task"

#include <glib/gi18n.h>

#include "plx-task.h"

/* A dialog closed without an answer ends its task as a cancelled
 * operation would, in GLib's words, so callers test for one error only. */
void
plx_task_return_cancelled (GTask *task)
{
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", g_dgettext ("glib20", "Operation was cancelled"));
}

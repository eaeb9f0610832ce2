/* plx-task.h: what the app's dialogs with an _async/_finish pair share.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void plx_task_return_cancelled (GTask *task);

G_END_DECLS

/* plx-pandoc.h: the readers that go through pandoc's document tree.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plx-format.h"

G_BEGIN_DECLS

/* How long pandoc may take, and how much JSON it may write. */
#define PLX_PANDOC_TIMEOUT_SECONDS 60
#define PLX_PANDOC_MAX_OUTPUT ((gsize) 1024 * 1024 * 1024)

gboolean _plx_pandoc_read       (PlxReadJob   *job,
                                 const char   *pandoc_format,
                                 GBytes       *input,
                                 GError      **error);
gboolean _plx_pandoc_check_zip  (GBytes       *input,
                                 GError      **error);

G_END_DECLS

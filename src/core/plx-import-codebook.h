/* plx-import-codebook.h: a native file's codebook and memos (optional
 * members), for plx-importer.c.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plx-import-perspectives.h"
#include "plx-importer-private.h"

G_BEGIN_DECLS

gboolean _plx_import_read_codebook  (Importer    *im,
                                     JsonObject  *object,
                                     GError     **error);
gboolean _plx_import_write_codebook (Importer    *im,
                                     GError     **error);
gboolean _plx_import_write_memos    (Importer    *im,
                                     GError     **error);
void     _plx_import_codebook_clear (Importer    *im);

G_END_DECLS

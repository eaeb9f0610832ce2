/* plx-import-perspectives.h: the perspectives an import names, into the
 * project (private to the importer).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plx-project.h"

G_BEGIN_DECLS

/* A perspective as a native file lists it. */
typedef struct {
  char *name;
  char *color;    /* NULL: the project's next default */
  int   order;
  guint index;    /* in the file, to keep equal orders stable */
} PlxFilePerspective;

void     _plx_file_perspective_free         (gpointer     data);

guint    _plx_import_count_new_perspectives (PlxProject  *project,
                                             GPtrArray   *file_perspectives,
                                             GPtrArray   *names);
gboolean _plx_import_ensure_perspective     (PlxProject  *project,
                                             const char  *name,
                                             const char  *color,
                                             guint       *n_added,
                                             GError     **error);
gboolean _plx_import_native_perspectives    (PlxProject  *project,
                                             GPtrArray   *file_perspectives,
                                             guint       *n_added,
                                             GError     **error);

G_END_DECLS

/* plx-open-document.h: the document a window shows, as properties that
 * the window's widgets bind to.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plx-core.h"

G_BEGIN_DECLS

#define PLX_TYPE_OPEN_DOCUMENT (plx_open_document_get_type ())
G_DECLARE_FINAL_TYPE (PlxOpenDocument, plx_open_document, PLX, OPEN_DOCUMENT, GObject)

PlxOpenDocument   *plx_open_document_new              (void);
void               plx_open_document_set              (PlxOpenDocument   *self,
                                                       PlxProject        *project,
                                                       PlxDocument       *document,
                                                       PlxAnnotationList *annotations);
PlxProject        *plx_open_document_get_project      (PlxOpenDocument   *self);
PlxDocument       *plx_open_document_get_document     (PlxOpenDocument   *self);
PlxAnnotationList *plx_open_document_get_annotations  (PlxOpenDocument   *self);
gboolean           plx_open_document_get_shown        (PlxOpenDocument   *self);
const char        *plx_open_document_get_title        (PlxOpenDocument   *self);
const char        *plx_open_document_get_project_name (PlxOpenDocument   *self);
const char        *plx_open_document_get_window_title (PlxOpenDocument   *self);

G_END_DECLS

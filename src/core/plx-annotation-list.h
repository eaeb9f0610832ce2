/* plx-annotation-list.h: the annotations of one document, in document
 * order, kept in step with the project.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "plx-project.h"

G_BEGIN_DECLS

#define PLX_TYPE_ANNOTATION_LIST (plx_annotation_list_get_type ())
G_DECLARE_FINAL_TYPE (PlxAnnotationList, plx_annotation_list, PLX, ANNOTATION_LIST, GObject)

PlxAnnotationList *plx_annotation_list_new             (PlxProject        *project,
                                                        gint64             document_id,
                                                        GError           **error);
gint64             plx_annotation_list_get_document_id (PlxAnnotationList *self);
PlxAnnotation     *plx_annotation_list_find            (PlxAnnotationList *self,
                                                        const char        *uuid);
GPtrArray         *plx_annotation_list_at_offset       (PlxAnnotationList *self,
                                                        guint              offset);

PlxAnnotation     *plx_annotation_list_find_span     (PlxAnnotationList *self,
                                                     guint              start,
                                                     guint              end,
                                                     gint64             perspective_id);

G_END_DECLS

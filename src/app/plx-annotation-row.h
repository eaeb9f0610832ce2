/* plx-annotation-row.h: one passage as a card in a perception panel.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "plx-core.h"

G_BEGIN_DECLS

#define PLX_TYPE_ANNOTATION_ROW (plx_annotation_row_get_type ())
G_DECLARE_FINAL_TYPE (PlxAnnotationRow, plx_annotation_row, PLX, ANNOTATION_ROW, GtkWidget)

GtkWidget     *plx_annotation_row_new            (void);
PlxAnnotation *plx_annotation_row_get_annotation (PlxAnnotationRow *self);
void           plx_annotation_row_set_annotation (PlxAnnotationRow *self,
                                                  PlxAnnotation    *annotation);
void           plx_annotation_row_set_citation   (PlxAnnotationRow *self,
                                                  const char       *citation);
void           plx_annotation_row_set_perspective (PlxAnnotationRow *self,
                                                   PlxPerspective   *perspective);
const char    *plx_annotation_row_get_details    (PlxAnnotationRow *self);
void           plx_annotation_row_set_highlight  (PlxAnnotationRow *self,
                                                  const char       *folded);
PangoAttrList *plx_annotation_row_dup_attributes (PlxAnnotationRow *self,
                                                  gboolean          details);

G_END_DECLS

/* plx-change-set.h: one change a user (or an import, a merge, an undo)
 * makes to a project, as the list of things it changes, each as it was
 * and as it becomes.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plx-annotation.h"
#include "plx-attribute.h"
#include "plx-document.h"
#include "plx-document-value.h"
#include "plx-memo.h"
#include "plx-perspective.h"
#include "plx-theme.h"

G_BEGIN_DECLS

typedef enum {
  PLX_CHANGE_ANNOTATION,
  PLX_CHANGE_PERSPECTIVE,
  PLX_CHANGE_DOCUMENT,
  PLX_CHANGE_THEME,
  PLX_CHANGE_MEMO,
  PLX_CHANGE_ATTRIBUTE,
  PLX_CHANGE_VALUE,
} PlxChangeKind;

/* @before is NULL for something added, @after NULL for something removed;
 * both are PlxAnnotation, PlxPerspective, PlxDocument, PlxTheme, PlxMemo,
 * PlxAttribute or PlxDocumentValue, after @kind. */
typedef struct {
  PlxChangeKind  kind;
  gpointer       before;
  gpointer       after;
} PlxChange;

#define PLX_TYPE_CHANGE_SET (plx_change_set_get_type ())
G_DECLARE_FINAL_TYPE (PlxChangeSet, plx_change_set, PLX, CHANGE_SET, GObject)

PlxChangeSet    *plx_change_set_new             (void);
void             plx_change_set_add_annotation  (PlxChangeSet   *self,
                                                 PlxAnnotation  *before,
                                                 PlxAnnotation  *after);
void             plx_change_set_add_perspective (PlxChangeSet   *self,
                                                 PlxPerspective *before,
                                                 PlxPerspective *after);
void             plx_change_set_add_document    (PlxChangeSet   *self,
                                                 PlxDocument    *before,
                                                 PlxDocument    *after);
void             plx_change_set_add_theme       (PlxChangeSet   *self,
                                                 PlxTheme       *before,
                                                 PlxTheme       *after);
void             plx_change_set_add_memo        (PlxChangeSet   *self,
                                                 PlxMemo        *before,
                                                 PlxMemo        *after);
void             plx_change_set_add_attribute   (PlxChangeSet     *self,
                                                 PlxAttribute     *before,
                                                 PlxAttribute     *after);
void             plx_change_set_add_value       (PlxChangeSet     *self,
                                                 PlxDocumentValue *before,
                                                 PlxDocumentValue *after);
void             plx_change_set_append          (PlxChangeSet   *self,
                                                 PlxChangeSet   *other);
guint            plx_change_set_get_n_changes   (PlxChangeSet   *self);
const PlxChange *plx_change_set_get_change      (PlxChangeSet   *self,
                                                 guint           index);
void             plx_change_set_truncate        (PlxChangeSet   *self,
                                                 guint           n_changes);
gboolean         plx_change_set_is_empty        (PlxChangeSet   *self);
PlxChangeSet    *plx_change_set_dup_inverse     (PlxChangeSet   *self);

G_END_DECLS

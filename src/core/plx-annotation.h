/* plx-annotation.h: a passage tagged with one perspective and free themes.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "plx-document.h"

G_BEGIN_DECLS

/* Code points of context kept on each side of the quote. */
#define PLX_ANNOTATION_CONTEXT_LENGTH 32

#define PLX_TYPE_ANNOTATION (plx_annotation_get_type ())
G_DECLARE_FINAL_TYPE (PlxAnnotation, plx_annotation, PLX, ANNOTATION, GObject)

PlxAnnotation      *plx_annotation_new_for_range    (PlxDocument         *document,
                                                     guint                start,
                                                     guint                end,
                                                     gint64               perspective_id,
                                                     GError             **error);
PlxAnnotation      *plx_annotation_copy             (PlxAnnotation       *self);
gboolean            plx_annotation_equal            (PlxAnnotation       *a,
                                                     PlxAnnotation       *b);
int                 plx_annotation_compare          (PlxAnnotation       *a,
                                                     PlxAnnotation       *b);
gboolean            plx_annotation_check_text       (PlxAnnotation       *self,
                                                     PlxDocument         *document,
                                                     GError             **error);
void                plx_annotation_set_range        (PlxAnnotation       *self,
                                                     PlxDocument         *document,
                                                     guint                start,
                                                     guint                end);

const char         *plx_annotation_get_uuid         (PlxAnnotation       *self);
void                plx_annotation_set_uuid         (PlxAnnotation       *self,
                                                     const char          *uuid);
gint64              plx_annotation_get_document_id  (PlxAnnotation       *self);
void                plx_annotation_set_document_id  (PlxAnnotation       *self,
                                                     gint64               document_id);
gint64              plx_annotation_get_perspective_id (PlxAnnotation     *self);
void                plx_annotation_set_perspective_id (PlxAnnotation     *self,
                                                     gint64               perspective_id);
guint               plx_annotation_get_start        (PlxAnnotation       *self);
guint               plx_annotation_get_end          (PlxAnnotation       *self);
const char         *plx_annotation_get_quote        (PlxAnnotation       *self);
const char         *plx_annotation_get_prefix       (PlxAnnotation       *self);
const char         *plx_annotation_get_suffix       (PlxAnnotation       *self);
void                plx_annotation_set_selector     (PlxAnnotation       *self,
                                                     guint                start,
                                                     guint                end,
                                                     const char          *quote,
                                                     const char          *prefix,
                                                     const char          *suffix);
const char * const *plx_annotation_get_themes       (PlxAnnotation       *self);
void                plx_annotation_set_themes       (PlxAnnotation       *self,
                                                     const char * const  *themes);
gboolean            plx_annotation_has_theme        (PlxAnnotation       *self,
                                                     const char          *theme);
const char         *plx_annotation_get_note         (PlxAnnotation       *self);
void                plx_annotation_set_note         (PlxAnnotation       *self,
                                                     const char          *note);
const char         *plx_annotation_get_author       (PlxAnnotation       *self);
void                plx_annotation_set_author       (PlxAnnotation       *self,
                                                     const char          *author);
const char         *plx_annotation_get_modifier     (PlxAnnotation       *self);
void                plx_annotation_set_modifier     (PlxAnnotation       *self,
                                                     const char          *modifier);
const char         *plx_annotation_get_created      (PlxAnnotation       *self);
const char         *plx_annotation_get_modified     (PlxAnnotation       *self);
void                plx_annotation_set_times        (PlxAnnotation       *self,
                                                     const char          *created,
                                                     const char          *modified);
void                plx_annotation_touch            (PlxAnnotation       *self);

char              **plx_themes_normalize            (const char * const  *themes);

guint               plx_annotation_get_revision     (PlxAnnotation       *self);
void                plx_annotation_set_revision     (PlxAnnotation       *self,
                                                     guint                revision);
const char         *plx_annotation_get_ancestry     (PlxAnnotation       *self);
void                plx_annotation_set_ancestry     (PlxAnnotation       *self,
                                                     const char          *ancestry);

char               *plx_annotation_dup_revision_hash (PlxAnnotation      *self,
                                                      const char         *perspective_uuid);

G_END_DECLS

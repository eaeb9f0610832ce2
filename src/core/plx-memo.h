/* plx-memo.h: an analytic memo: about the project, a document, a
 * perspective or a theme, or free; it may cite passages by annotation
 * UUID (a citation outlives its passage and is then shown as broken).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  PLX_MEMO_PROJECT,
  PLX_MEMO_DOCUMENT,
  PLX_MEMO_PERSPECTIVE,
  PLX_MEMO_THEME,
  PLX_MEMO_FREE,
} PlxMemoKind;

#define PLX_TYPE_MEMO (plx_memo_get_type ())
G_DECLARE_FINAL_TYPE (PlxMemo, plx_memo, PLX, MEMO, GObject)

PlxMemo            *plx_memo_new            (const char         *uuid,
                                             PlxMemoKind         kind,
                                             const char         *target_uuid);
PlxMemo            *plx_memo_copy           (PlxMemo            *self);
gint64              plx_memo_get_id         (PlxMemo            *self);
void                plx_memo_set_id         (PlxMemo            *self,
                                             gint64              id);
const char         *plx_memo_get_uuid       (PlxMemo            *self);
PlxMemoKind         plx_memo_get_kind       (PlxMemo            *self);
void                plx_memo_set_kind       (PlxMemo            *self,
                                             PlxMemoKind         kind);
const char         *plx_memo_get_target_uuid (PlxMemo           *self);
void                plx_memo_set_target_uuid (PlxMemo           *self,
                                             const char         *target_uuid);
const char         *plx_memo_get_title      (PlxMemo            *self);
void                plx_memo_set_title      (PlxMemo            *self,
                                             const char         *title);
const char         *plx_memo_get_body       (PlxMemo            *self);
void                plx_memo_set_body       (PlxMemo            *self,
                                             const char         *body);
const char         *plx_memo_get_author     (PlxMemo            *self);
void                plx_memo_set_author     (PlxMemo            *self,
                                             const char         *author);
const char         *plx_memo_get_created    (PlxMemo            *self);
void                plx_memo_set_created    (PlxMemo            *self,
                                             const char         *created);
const char         *plx_memo_get_modified   (PlxMemo            *self);
void                plx_memo_set_modified   (PlxMemo            *self,
                                             const char         *modified);
guint               plx_memo_get_revision   (PlxMemo            *self);
void                plx_memo_set_revision   (PlxMemo            *self,
                                             guint               revision);
const char * const *plx_memo_get_citations  (PlxMemo            *self);
void                plx_memo_set_citations  (PlxMemo            *self,
                                             const char * const *annotation_uuids);

const char         *plx_memo_kind_to_string (PlxMemoKind         kind);
gboolean            plx_memo_kind_from_string (const char       *text,
                                             PlxMemoKind        *kind);

G_END_DECLS

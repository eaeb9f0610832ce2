/* plx-adjudication.h: where two coders disagree in a document, and a
 * curated layer (a coder such as "Consensus") made by deciding each
 * disagreement in turn.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plx-history.h"

G_BEGIN_DECLS

typedef enum {
  PLX_DISAGREEMENT_ONLY_A,       /* A marked a passage B did not */
  PLX_DISAGREEMENT_ONLY_B,
  PLX_DISAGREEMENT_PERSPECTIVE,  /* the same passage, another voice */
  PLX_DISAGREEMENT_THEMES,       /* the same passage and voice, other themes */
  PLX_DISAGREEMENT_EXTENT,       /* the same voice and themes, other limits */
} PlxDisagreementKind;

typedef struct {
  PlxDisagreementKind  kind;
  PlxAnnotation       *a;      /* NULL for ONLY_B */
  PlxAnnotation       *b;      /* NULL for ONLY_A */
  guint                start;  /* the union of the two */
  guint                end;
} PlxDisagreement;

typedef enum {
  PLX_ADJUDICATION_PENDING,
  PLX_ADJUDICATION_TAKE_A,
  PLX_ADJUDICATION_TAKE_B,
  PLX_ADJUDICATION_TAKE_BOTH,
  PLX_ADJUDICATION_TAKE_NEITHER,
  PLX_ADJUDICATION_EARLIER,      /* the curated layer had it already */
} PlxAdjudicationChoice;

GPtrArray *plx_disagreements_find (GPtrArray  *annotations,
                                   const char *coder_a,
                                   const char *coder_b,
                                   double      min_overlap);

#define PLX_TYPE_ADJUDICATION (plx_adjudication_get_type ())
G_DECLARE_FINAL_TYPE (PlxAdjudication, plx_adjudication, PLX, ADJUDICATION, GObject)

PlxAdjudication       *plx_adjudication_new           (PlxHistory       *history,
                                                       gint64            document_id,
                                                       const char       *coder_a,
                                                       const char       *coder_b,
                                                       const char       *curator,
                                                       GError          **error);
guint                  plx_adjudication_get_n_items   (PlxAdjudication  *self);
guint                  plx_adjudication_get_n_resolved (PlxAdjudication *self);
const PlxDisagreement *plx_adjudication_get_item      (PlxAdjudication  *self,
                                                       guint             index);
PlxAdjudicationChoice  plx_adjudication_get_choice    (PlxAdjudication  *self,
                                                       guint             index);
const char            *plx_adjudication_get_curated_uuid (PlxAdjudication *self,
                                                       guint             index);
guint                  plx_adjudication_next_pending  (PlxAdjudication  *self,
                                                       guint             from);
gboolean               plx_adjudication_resolve       (PlxAdjudication  *self,
                                                       guint             index,
                                                       PlxAdjudicationChoice choice,
                                                       GError          **error);
gboolean               plx_adjudication_undo          (PlxAdjudication  *self,
                                                       GError          **error);

G_END_DECLS

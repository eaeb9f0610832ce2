/* plx-merge.h: bringing the work done in one copy of a project into
 * another, matched by identity, with nothing lost.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plx-project.h"

G_BEGIN_DECLS

typedef enum {
  PLX_MERGE_BOTH_EDITED,      /* both copies changed the annotation apart */
  PLX_MERGE_EDITED_DELETED,   /* the target changed it, the source deleted it */
  PLX_MERGE_DELETED_EDITED,   /* the target deleted it, the source changed it */
} PlxMergeConflictKind;

/* A conflict is reported with both versions and resolved by no one: the
 * target keeps what it had until the user chooses. */
typedef struct {
  PlxMergeConflictKind  kind;
  char                 *uuid;
  PlxAnnotation        *mine;     /* the target's version; NULL when deleted there */
  PlxAnnotation        *theirs;   /* the source's version; NULL when deleted there */
} PlxMergeConflict;

typedef struct {
  guint      documents_added;
  guint      perspectives_added;
  guint      added;        /* annotations new to the target */
  guint      updated;      /* the source's newer version taken */
  guint      deleted;      /* deleted in the source, unchanged in the target */
  guint      unchanged;    /* the same, or the target's version is the newer */
  guint      kept_deleted; /* deleted in the target, unchanged in the source */
  GPtrArray *conflicts;    /* PlxMergeConflict */
} PlxMergeReport;

PlxMergeReport *plx_project_merge        (PlxProject      *target,
                                          PlxProject      *source,
                                          GError         **error);
void            plx_merge_report_free    (PlxMergeReport  *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlxMergeReport, plx_merge_report_free)

G_END_DECLS

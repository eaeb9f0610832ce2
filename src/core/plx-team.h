/* plx-team.h: several coders on copies of one project: handing the copies
 * out and merging any number of them back.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plx-merge.h"

G_BEGIN_DECLS

/* Everything a merge of several copies did, summed over the copies, with
 * each copy's own report beside it. */
typedef struct {
  guint      added;
  guint      updated;
  guint      deleted;
  guint      conflicts;
  guint      documents_added;
  guint      perspectives_added;
  GPtrArray *sources;   /* char *: the copies, in the order merged */
  GPtrArray *reports;   /* PlxMergeReport, one per source */
} PlxTeamMerge;

/* Called in the thread that merges, after each copy. */
typedef void (*PlxTeamProgress) (guint    done,
                                 guint    total,
                                 gpointer data);

char          *plx_team_copy_path        (const char          *project_path,
                                          const char          *folder,
                                          const char          *coder);
GPtrArray     *plx_team_hand_out         (PlxProject          *project,
                                          const char          *folder,
                                          const char * const  *coders,
                                          gboolean             without_annotations,
                                          GCancellable        *cancellable,
                                          GError             **error);
void           plx_team_hand_out_async   (PlxProject          *project,
                                          const char          *folder,
                                          const char * const  *coders,
                                          gboolean             without_annotations,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
GPtrArray     *plx_team_hand_out_finish  (PlxProject          *project,
                                          GAsyncResult        *result,
                                          GError             **error);

gboolean       plx_team_check_source     (PlxProject          *target,
                                          PlxProject          *source,
                                          const char          *source_name,
                                          GError             **error);
GPtrArray     *plx_team_name_matches     (PlxProject          *target,
                                          PlxProject          *source,
                                          GError             **error);
PlxTeamMerge  *plx_team_merge            (PlxProject          *target,
                                          const char * const  *sources,
                                          PlxTeamProgress      progress,
                                          gpointer             progress_data,
                                          GCancellable        *cancellable,
                                          GError             **error);
void           plx_team_merge_async      (PlxProject          *target,
                                          const char * const  *sources,
                                          PlxTeamProgress      progress,
                                          gpointer             progress_data,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
PlxTeamMerge  *plx_team_merge_finish     (PlxProject          *target,
                                          GAsyncResult        *result,
                                          GError             **error);
void           plx_team_merge_free       (PlxTeamMerge        *merge);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlxTeamMerge, plx_team_merge_free)

G_END_DECLS

/* plx-window.h: the essay beside the perception panels.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "plx-core.h"

G_BEGIN_DECLS

#define PLX_TYPE_WINDOW (plx_window_get_type ())
G_DECLARE_FINAL_TYPE (PlxWindow, plx_window, PLX, WINDOW, AdwApplicationWindow)

PlxWindow         *plx_window_new               (AdwApplication *application);
gboolean           plx_window_open_project      (PlxWindow      *self,
                                                 const char     *path,
                                                 GError        **error);
void               plx_window_show_opening      (PlxWindow      *self,
                                                 const char     *path);
void               plx_window_finish_opening    (PlxWindow      *self,
                                                 const char     *path,
                                                 GAsyncResult   *result);
void               plx_window_show_document     (PlxWindow      *self,
                                                 gint64          document_id);
gboolean           plx_window_get_loading       (PlxWindow      *self);
void               plx_window_add_document_file_async  (PlxWindow           *self,
                                                        GFile               *file,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean           plx_window_add_document_file_finish (PlxWindow           *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);
void               plx_window_add_document_files (PlxWindow     *self,
                                                 GListModel    *files);
PlxProject        *plx_window_get_project       (PlxWindow      *self);
PlxDocument       *plx_window_get_document      (PlxWindow      *self);
GtkTextView       *plx_window_get_text_view     (PlxWindow      *self);
gboolean           plx_window_get_compact       (PlxWindow      *self);
GtkSearchEntry    *plx_window_get_search_entry  (PlxWindow      *self);
GListModel        *plx_window_get_panel_model   (PlxWindow      *self,
                                                 gint64          perspective_id);
void               plx_window_show_open_error   (PlxWindow      *self,
                                                 const char     *path,
                                                 GError         *error);
char             **plx_window_dup_coders        (PlxWindow      *self);
PlxHistory        *plx_window_get_history       (PlxWindow      *self);
void               plx_window_hand_out          (PlxWindow          *self,
                                                 GFile              *folder,
                                                 const char * const *coders,
                                                 gboolean            without_annotations);
void               plx_window_merge_projects    (PlxWindow      *self,
                                                 GListModel     *files);
void               plx_window_show_error        (PlxWindow      *self,
                                                 const char     *heading,
                                                 GError         *error);

G_END_DECLS

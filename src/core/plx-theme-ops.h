/* plx-theme-ops.h: the codebook's operations. Each builds one change set
 * (themes and the passages that name them, as they were and become), so
 * that it is applied in one transaction by plx_project_apply() and undone
 * as one step by PlxHistory. A builder that meets bad input returns NULL
 * with an error naming what is wrong, and nothing has changed.
 *
 * Theme names are unique in the whole project (passages name their
 * themes by name); a theme is addressed by its UUID, its name, or its path
 * from the top of the tree ("security/guarantor" or "security › guarantor").
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "plx-change-set.h"
#include "plx-project.h"
#include "plx-theme.h"

G_BEGIN_DECLS

/* The separator of a theme's path as shown; "/" is read too. */
#define PLX_THEME_PATH_SEPARATOR " › "

GPtrArray    *plx_project_list_codebook        (PlxProject          *self,
                                                GError             **error);
PlxTheme     *plx_codebook_lookup              (GPtrArray           *codebook,
                                                const char          *uuid_name_or_path);
PlxTheme     *plx_project_find_theme           (PlxProject          *self,
                                                const char          *uuid_name_or_path,
                                                GError             **error);
char         *plx_codebook_dup_path            (GPtrArray           *codebook,
                                                PlxTheme            *theme);
guint         plx_codebook_get_depth           (GPtrArray           *codebook,
                                                PlxTheme            *theme);
GPtrArray    *plx_codebook_dup_children        (GPtrArray           *codebook,
                                                const char          *parent_uuid);
GPtrArray    *plx_codebook_dup_tree_order      (GPtrArray           *codebook);

PlxChangeSet *plx_theme_changes_create         (PlxProject          *project,
                                                const char          *name,
                                                const char          *parent_uuid,
                                                const char          *description,
                                                PlxTheme           **created,
                                                GError             **error);
PlxChangeSet *plx_theme_changes_rename         (PlxProject          *project,
                                                const char          *uuid,
                                                const char          *name,
                                                GError             **error);
PlxChangeSet *plx_theme_changes_define         (PlxProject          *project,
                                                PlxTheme            *edited,
                                                GError             **error);
PlxChangeSet *plx_theme_changes_move           (PlxProject          *project,
                                                const char          *uuid,
                                                const char          *parent_uuid,
                                                GError             **error);
PlxChangeSet *plx_theme_changes_merge          (PlxProject          *project,
                                                const char * const  *source_uuids,
                                                const char          *target_uuid,
                                                GError             **error);
PlxChangeSet *plx_theme_changes_split          (PlxProject          *project,
                                                const char          *uuid,
                                                const char          *new_name,
                                                const char * const  *annotation_uuids,
                                                PlxTheme           **created,
                                                GError             **error);
PlxChangeSet *plx_theme_changes_delete         (PlxProject          *project,
                                                const char          *uuid,
                                                GError             **error);

/* plx-theme-json.c */
void          plx_theme_build_json             (PlxTheme            *theme,
                                                GPtrArray           *codebook,
                                                JsonBuilder         *builder);
PlxTheme     *plx_theme_new_from_json          (JsonNode            *node,
                                                const char          *where,
                                                GError             **error);

G_END_DECLS

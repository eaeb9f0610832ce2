/* plx-application.h
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PLX_TYPE_APPLICATION (plx_application_get_type ())
G_DECLARE_FINAL_TYPE (PlxApplication, plx_application, PLX, APPLICATION, AdwApplication)

PlxApplication *plx_application_new                  (void);
char           *plx_application_dup_default_project  (void);
gboolean        plx_application_ensure_default_project (const char  *path,
                                                        GError     **error);

G_END_DECLS

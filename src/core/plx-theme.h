/* plx-theme.h: one theme of the codebook: its name, definition, inclusion
 * and exclusion notes, colour, parent, translated labels and the passages
 * picked as its typical examples.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The languages a label may be translated into (the UI's languages). */
#define PLX_THEME_LABEL_LANGUAGES "en", "ru", "hy", "az"
#define PLX_THEME_N_LABEL_LANGUAGES 4

#define PLX_TYPE_THEME (plx_theme_get_type ())
G_DECLARE_FINAL_TYPE (PlxTheme, plx_theme, PLX, THEME, GObject)

PlxTheme           *plx_theme_new             (const char         *uuid,
                                               const char         *name);
PlxTheme           *plx_theme_copy            (PlxTheme           *self);
gboolean            plx_theme_equal           (PlxTheme           *self,
                                               PlxTheme           *other);
gint64              plx_theme_get_id          (PlxTheme           *self);
void                plx_theme_set_id          (PlxTheme           *self,
                                               gint64              id);
const char         *plx_theme_get_uuid        (PlxTheme           *self);
const char         *plx_theme_get_name        (PlxTheme           *self);
void                plx_theme_set_name        (PlxTheme           *self,
                                               const char         *name);
const char         *plx_theme_get_description (PlxTheme           *self);
void                plx_theme_set_description (PlxTheme           *self,
                                               const char         *description);
const char         *plx_theme_get_inclusion   (PlxTheme           *self);
void                plx_theme_set_inclusion   (PlxTheme           *self,
                                               const char         *inclusion);
const char         *plx_theme_get_exclusion   (PlxTheme           *self);
void                plx_theme_set_exclusion   (PlxTheme           *self,
                                               const char         *exclusion);
const char         *plx_theme_get_color       (PlxTheme           *self);
void                plx_theme_set_color       (PlxTheme           *self,
                                               const char         *color);
const char         *plx_theme_get_parent_uuid (PlxTheme           *self);
void                plx_theme_set_parent_uuid (PlxTheme           *self,
                                               const char         *parent_uuid);
guint               plx_theme_get_revision    (PlxTheme           *self);
void                plx_theme_set_revision    (PlxTheme           *self,
                                               guint               revision);
const char         *plx_theme_get_label       (PlxTheme           *self,
                                               const char         *lang);
void                plx_theme_set_label       (PlxTheme           *self,
                                               const char         *lang,
                                               const char         *label);
const char         *plx_theme_get_display_label (PlxTheme         *self,
                                               const char         *lang);
char              **plx_theme_dup_label_languages (PlxTheme       *self);
const char * const *plx_theme_get_examples    (PlxTheme           *self);
void                plx_theme_set_examples    (PlxTheme           *self,
                                               const char * const *annotation_uuids);
gboolean            plx_theme_label_language_is_known (const char *lang);
void                plx_theme_assign          (PlxTheme           *self,
                                               PlxTheme           *other);

G_END_DECLS

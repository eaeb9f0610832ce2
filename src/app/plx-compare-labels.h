/* plx-compare-labels.h: the labels the Compare view's tables are made of,
 * each in the role a screen reader should read it in.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "plx-core.h"

G_BEGIN_DECLS

void       plx_compare_clear_grid            (GtkGrid           *grid);
GtkWidget *plx_compare_label_new             (const char        *text,
                                              float              xalign,
                                              const char        *css_class);
GtkWidget *plx_compare_label_new_with_role   (const char        *text,
                                              float              xalign,
                                              const char        *css_class,
                                              GtkAccessibleRole  role);
GtkWidget *plx_compare_perspective_label_new (PlxPerspective    *perspective,
                                              const char        *extra,
                                              GtkAccessibleRole  role);
void       plx_compare_attach_named_cell     (GtkGrid           *grid,
                                              const char        *text,
                                              const char        *row,
                                              const char        *column,
                                              int                left,
                                              int                top);

G_END_DECLS

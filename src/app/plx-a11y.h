/* plx-a11y.h: small helpers for what screen readers are told.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "plx-core.h"

G_BEGIN_DECLS

char *plx_a11y_join_list             (const char * const *items);
char *plx_a11y_describe_annotation   (PlxAnnotation      *annotation,
                                      const char         *perspective_name);
void  plx_a11y_name_dropdown         (GtkDropDown        *dropdown,
                                      const char         *name);
void  plx_a11y_name_menu_button      (GtkMenuButton      *button,
                                      const char         *name);
void  plx_a11y_follow_stack          (GtkWidget          *stack);
void  plx_a11y_follow_revealer       (GtkRevealer        *revealer);
void  plx_a11y_name_scroller         (GtkWidget          *child,
                                      const char         *name);

G_END_DECLS

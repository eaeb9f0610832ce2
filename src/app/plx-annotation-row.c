/* plx-annotation-row.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "plx-annotation-row.h"

struct _PlxAnnotationRow
{
  GtkBox         parent_instance;

  PlxAnnotation *annotation;

  /* Template widgets */
  GtkLabel      *quote_label;
  GtkMenuButton *menu_button;
  GtkFlowBox    *themes_box;
  GtkLabel      *note_label;
  GtkLabel      *meta_label;
};

G_DEFINE_FINAL_TYPE (PlxAnnotationRow, plx_annotation_row, GTK_TYPE_BOX)

static void
plx_annotation_row_dispose (GObject *object)
{
  PlxAnnotationRow *self = (PlxAnnotationRow *) object;

  g_clear_object (&self->annotation);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLX_TYPE_ANNOTATION_ROW);

  G_OBJECT_CLASS (plx_annotation_row_parent_class)->dispose (object);
}

static void
plx_annotation_row_class_init (PlxAnnotationRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = plx_annotation_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax_annotator/Parallax/ui/plx-annotation-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PlxAnnotationRow, quote_label);
  gtk_widget_class_bind_template_child (widget_class, PlxAnnotationRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PlxAnnotationRow, themes_box);
  gtk_widget_class_bind_template_child (widget_class, PlxAnnotationRow, note_label);
  gtk_widget_class_bind_template_child (widget_class, PlxAnnotationRow, meta_label);
}

GtkWidget *
plx_annotation_row_new (void)
{
  return g_object_new (PLX_TYPE_ANNOTATION_ROW, NULL);
}

PlxAnnotation *
plx_annotation_row_get_annotation (PlxAnnotationRow *self)
{
  g_return_val_if_fail (PLX_IS_ANNOTATION_ROW (self), NULL);
  return self->annotation;
}

static char *
format_time (const char *iso8601)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (iso8601, NULL);
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (utc == NULL)
    return g_strdup (iso8601);
  local = g_date_time_to_local (utc);
  now = g_date_time_new_now_local ();
  /* The cards are narrow: the year only when it is not this one. */
  if (g_date_time_get_year (local) == g_date_time_get_year (now))
    /* Translators: date and time of an annotation made this year, see strftime(3) */
    return g_date_time_format (local, _("%e %b, %H:%M"));
  /* Translators: date of an annotation made in another year, see strftime(3) */
  return g_date_time_format (local, _("%e %b %Y"));
}

static GMenuModel *
build_menu (PlxAnnotation *annotation)
{
  GMenu *menu = g_menu_new ();
  GMenu *section = g_menu_new ();
  const char *uuid = plx_annotation_get_uuid (annotation);
  g_autoptr(GMenuItem) item = NULL;

  item = g_menu_item_new (_("_Edit…"), NULL);
  g_menu_item_set_action_and_target (item, "win.edit-annotation", "s", uuid);
  g_menu_append_item (menu, item);
  g_clear_object (&item);

  item = g_menu_item_new (_("Set Extent to _Selection"), NULL);
  g_menu_item_set_action_and_target (item, "win.set-extent", "s", uuid);
  g_menu_append_item (menu, item);
  g_clear_object (&item);

  item = g_menu_item_new (_("_Delete"), NULL);
  g_menu_item_set_action_and_target (item, "win.delete-annotation", "s", uuid);
  g_menu_append_item (section, item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);
  return G_MENU_MODEL (menu);
}

static void
create_menu_cb (GtkMenuButton *menu_button,
                gpointer       user_data)
{
  PlxAnnotationRow *self = user_data;
  g_autoptr(GMenuModel) menu = NULL;

  if (self->annotation == NULL)
    return;
  menu = build_menu (self->annotation);
  gtk_menu_button_set_menu_model (menu_button, menu);
}

static void
plx_annotation_row_init (PlxAnnotationRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu_cb, self, NULL);
}

void
plx_annotation_row_set_annotation (PlxAnnotationRow *self,
                                   PlxAnnotation    *annotation)
{
  g_autofree char *created = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *accessible = NULL;
  const char * const *themes;
  const char *author;
  GtkWidget *child;

  g_return_if_fail (PLX_IS_ANNOTATION_ROW (self));

  if (!g_set_object (&self->annotation, annotation) || annotation == NULL)
    return;

  gtk_label_set_text (self->quote_label, plx_annotation_get_quote (annotation));
  gtk_label_set_text (self->note_label, plx_annotation_get_note (annotation));
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), *plx_annotation_get_note (annotation) != '\0');

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->themes_box))) != NULL)
    gtk_flow_box_remove (self->themes_box, child);
  themes = plx_annotation_get_themes (annotation);
  for (guint i = 0; themes[i] != NULL; i++)
    {
      GtkWidget *pill = gtk_label_new (themes[i]);

      gtk_widget_add_css_class (pill, "theme-pill");
      gtk_widget_set_halign (pill, GTK_ALIGN_START);
      gtk_label_set_ellipsize (GTK_LABEL (pill), PANGO_ELLIPSIZE_END);
      gtk_flow_box_append (self->themes_box, pill);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->themes_box), themes[0] != NULL);

  created = format_time (plx_annotation_get_created (annotation));
  author = plx_annotation_get_author (annotation);
  meta = *author ? g_strdup_printf ("%s · %s", author, g_strstrip (created)) : g_strdup (g_strstrip (created));
  gtk_label_set_text (self->meta_label, meta);

  /* The menu is built when opened: a popover per card would cost more
   * than the card itself, and a list view keeps a few hundred cards. */
  if (gtk_menu_button_get_popover (self->menu_button) != NULL)
    gtk_menu_button_set_menu_model (self->menu_button, NULL);

  accessible = g_strdup_printf (_("Passage: %s"), plx_annotation_get_quote (annotation));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

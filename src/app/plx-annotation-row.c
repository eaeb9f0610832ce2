/* plx-annotation-row.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "plx-annotation-row.h"

/* A card: quote, menu button, and one label for the rest. A list view
 * keeps about 200 cards per panel and lays them out again when a tagging
 * shifts them, so a card is as few widgets as it can be: a grid layout
 * instead of boxes, a plain button whose menu exists only while open. */
struct _PlxAnnotationRow
{
  GtkWidget      parent_instance;

  PlxAnnotation *annotation;
  GtkWidget     *menu;

  /* Template widgets */
  GtkLabel      *quote_label;
  GtkButton     *menu_button;
  GtkLabel      *details_label;
};

G_DEFINE_FINAL_TYPE (PlxAnnotationRow, plx_annotation_row, GTK_TYPE_WIDGET)

static void
plx_annotation_row_dispose (GObject *object)
{
  PlxAnnotationRow *self = (PlxAnnotationRow *) object;

  GtkWidget *child;

  g_clear_object (&self->annotation);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLX_TYPE_ANNOTATION_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

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
  gtk_widget_class_bind_template_child (widget_class, PlxAnnotationRow, details_label);
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

/* Themes, note, author and date in one label; themes are shaded runs of
 * text rather than pill widgets in a flow box, which made a card cost
 * twice as much. */
static char *
details_markup (PlxAnnotation *annotation)
{
  const char * const *themes = plx_annotation_get_themes (annotation);
  const char *note = plx_annotation_get_note (annotation);
  const char *author = plx_annotation_get_author (annotation);
  g_autofree char *created = format_time (plx_annotation_get_created (annotation));
  GString *markup = g_string_new (NULL);

  for (guint i = 0; themes[i] != NULL; i++)
    {
      g_autofree char *theme = g_markup_printf_escaped ("<span size=\"small\" background=\"#808080\" bgalpha=\"28%%\">\u2002%s\u2002</span>",
                                                        themes[i]);

      g_string_append (markup, i == 0 ? "" : " ");
      g_string_append (markup, theme);
    }
  if (themes[0] != NULL)
    g_string_append_c (markup, '\n');
  if (*note != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (note, -1);

      g_string_append (markup, escaped);
      g_string_append_c (markup, '\n');
    }
  {
    g_autofree char *meta = *author ? g_markup_printf_escaped ("%s · %s", author, g_strstrip (created))
                                    : g_markup_escape_text (g_strstrip (created), -1);

    g_string_append_printf (markup, "<span size=\"small\" alpha=\"60%%\">%s</span>", meta);
  }
  return g_string_free (markup, FALSE);
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

static gboolean
unparent_menu_cb (gpointer data)
{
  PlxAnnotationRow *self = data;

  if (self->menu != NULL && !gtk_widget_get_visible (self->menu))
    g_clear_pointer (&self->menu, gtk_widget_unparent);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

/* A closed menu goes once its activated item has run. */
static void
menu_closed_cb (PlxAnnotationRow *self)
{
  g_idle_add (unparent_menu_cb, g_object_ref (self));
}

static void
menu_clicked_cb (PlxAnnotationRow *self)
{
  g_autoptr(GMenuModel) model = NULL;

  if (self->annotation == NULL)
    return;
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  model = build_menu (self->annotation);
  self->menu = gtk_popover_menu_new_from_model (model);
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self->menu_button));
  g_signal_connect_swapped (self->menu, "closed", G_CALLBACK (menu_closed_cb), self);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
plx_annotation_row_init (PlxAnnotationRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->menu_button, "clicked", G_CALLBACK (menu_clicked_cb), self);
}

void
plx_annotation_row_set_annotation (PlxAnnotationRow *self,
                                   PlxAnnotation    *annotation)
{
  g_autofree char *details = NULL;
  g_autofree char *accessible = NULL;

  g_return_if_fail (PLX_IS_ANNOTATION_ROW (self));

  if (!g_set_object (&self->annotation, annotation) || annotation == NULL)
    return;

  gtk_label_set_text (self->quote_label, plx_annotation_get_quote (annotation));
  details = details_markup (annotation);
  gtk_label_set_markup (self->details_label, details);

  /* A list view reuses cards: an open menu was for the passage before. */
  g_clear_pointer (&self->menu, gtk_widget_unparent);

  accessible = g_strdup_printf (_("Passage: %s"), plx_annotation_get_quote (annotation));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/* plx-perspective-panel.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-perspective-panel"
#include <string.h>
#include <glib/gi18n.h>

#include "plx-annotation-row.h"
#include "plx-perspective-panel.h"
#include "plx-scrollable-bin.h"
#include "plx-wheel.h"

struct _PlxPerspectivePanel
{
  GtkBox              parent_instance;

  PlxPerspective     *perspective;
  PlxDocument        *document;      /* the passages' source, for citations */
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  char               *query_text;   /* casefolded, NULL for none */
  char              **query_themes;  /* any of them; NULL: every passage */
  guint               number;

  /* Template widgets */
  GtkDrawingArea     *swatch;
  GtkLabel           *name_label;
  GtkLabel           *count_label;
  GtkMenuButton      *menu_button;
  GtkStack           *stack;
  GtkLabel           *empty_label;
  GtkGridView        *list_view;
};

G_DEFINE_FINAL_TYPE (PlxPerspectivePanel, plx_perspective_panel, GTK_TYPE_BOX)

static gboolean
contains_folded (const char *haystack,
                 const char *needle_folded)
{
  g_autofree char *folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle_folded) != NULL;
}

static gboolean
matches (gpointer item,
         gpointer data)
{
  PlxPerspectivePanel *self = data;
  PlxAnnotation *annotation = item;

  if (self->query_themes != NULL)
    {
      gboolean any = FALSE;

      for (guint i = 0; !any && self->query_themes[i] != NULL; i++)
        any = plx_annotation_has_theme (annotation, self->query_themes[i]);
      if (!any)
        return FALSE;
    }
  if (self->query_text != NULL)
    {
      const char * const *themes = plx_annotation_get_themes (annotation);
      gboolean found = contains_folded (plx_annotation_get_quote (annotation), self->query_text) ||
                       contains_folded (plx_annotation_get_note (annotation), self->query_text);

      for (guint i = 0; !found && themes[i] != NULL; i++)
        found = contains_folded (themes[i], self->query_text);
      if (!found)
        return FALSE;
    }
  return TRUE;
}

static void
update_count (PlxPerspectivePanel *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *count = g_strdup_printf ("%u", n);
  g_autofree char *empty = NULL;

  gtk_label_set_text (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");

  if (self->query_text != NULL || self->query_themes != NULL)
    empty = g_strdup (_("No passages match the filter"));
  else if (self->number > 0 && self->number <= 9)
    empty = g_strdup_printf (_("No passages yet.\nSelect a passage in the text and press %u, or right-click it."), self->number);
  else
    empty = g_strdup (_("No passages yet.\nSelect a passage in the text and choose this perspective."));
  gtk_label_set_text (self->empty_label, empty);
}

static void
update_header (PlxPerspectivePanel *self)
{
  g_autofree char *accessible = g_strdup_printf (_("%s perspective"), plx_perspective_get_name (self->perspective));

  gtk_label_set_text (self->name_label, plx_perspective_get_name (self->perspective));
  gtk_widget_queue_draw (GTK_WIDGET (self->swatch));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  PlxPerspectivePanel *self = data;
  GdkRGBA color;

  if (self->perspective == NULL || !gdk_rgba_parse (&color, plx_perspective_get_color (self->perspective)))
    return;
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  gtk_list_item_set_child (item, plx_annotation_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             PlxPerspectivePanel      *self)
{
  PlxAnnotationRow *row = PLX_ANNOTATION_ROW (gtk_list_item_get_child (item));
  PlxAnnotation *annotation = gtk_list_item_get_item (item);
  g_autofree char *citation = NULL;

  if (self->document != NULL)
    citation = plx_document_dup_citation (self->document, plx_annotation_get_start (annotation),
                                          plx_annotation_get_end (annotation));
  plx_annotation_row_set_perspective (row, self->perspective);
  plx_annotation_row_set_citation (row, citation);
  plx_annotation_row_set_annotation (row, annotation);
  plx_annotation_row_set_highlight (row, self->query_text);
}

/* The cards on hand mark the new search: a card whose passage matched
 * before and after is not bound again. */
static void
highlight_rows (GtkWidget  *widget,
                const char *folded)
{
  if (PLX_IS_ANNOTATION_ROW (widget))
    {
      plx_annotation_row_set_highlight (PLX_ANNOTATION_ROW (widget), folded);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    highlight_rows (child, folded);
}

static void
row_activated_cb (PlxPerspectivePanel *self,
                  guint                position)
{
  g_autoptr(PlxAnnotation) annotation = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (annotation != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.reveal-annotation", "s",
                                plx_annotation_get_uuid (annotation));
}

/* The list of cards is one Tab stop, entered at the card focused last;
 * the arrow keys move from card to card. GTK 4.8's grid view otherwise
 * lets Tab walk its cards the first time round only, and from then on
 * land on the last card and leave: the order changed from one round to
 * the next. */
static gboolean
plx_perspective_panel_focus_vfunc (GtkWidget        *widget,
                                   GtkDirectionType  direction)
{
  PlxPerspectivePanel *self = PLX_PERSPECTIVE_PANEL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    {
      /* Nothing follows the list in the panel; the menu comes before. */
      if (direction == GTK_DIR_TAB_FORWARD)
        return FALSE;
      if (direction == GTK_DIR_TAB_BACKWARD)
        return gtk_widget_child_focus (GTK_WIDGET (self->menu_button), direction);
    }
  return GTK_WIDGET_CLASS (plx_perspective_panel_parent_class)->focus (widget, direction);
}

static GMenuModel *
build_menu (PlxPerspectivePanel *self)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) order = g_menu_new ();
  g_autoptr(GMenu) danger = g_menu_new ();
  gint64 id = plx_perspective_get_id (self->perspective);
  struct { GMenu *section; const char *label; const char *action; } items[] = {
    { menu, N_("_Rename…"), "win.rename-perspective" },
    { menu, N_("Change _Colour…"), "win.recolor-perspective" },
    { order, N_("Move _Left"), "win.move-perspective-left" },
    { order, N_("Move _Right"), "win.move-perspective-right" },
    { danger, N_("Re_move…"), "win.remove-perspective" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(items[i].label), NULL);

      g_menu_item_set_action_and_target (item, items[i].action, "x", id);
      g_menu_append_item (items[i].section, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (order));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (danger));
  return G_MENU_MODEL (menu);
}

static void
plx_perspective_panel_dispose (GObject *object)
{
  PlxPerspectivePanel *self = (PlxPerspectivePanel *) object;

  if (self->perspective != NULL)
    g_signal_handlers_disconnect_by_data (self->perspective, self);
  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_data (self->filtered, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLX_TYPE_PERSPECTIVE_PANEL);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->perspective);
  g_clear_object (&self->document);
  g_clear_pointer (&self->query_text, g_free);
  g_clear_pointer (&self->query_themes, g_strfreev);

  G_OBJECT_CLASS (plx_perspective_panel_parent_class)->dispose (object);
}

static void
plx_perspective_panel_class_init (PlxPerspectivePanelClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = plx_perspective_panel_dispose;
  widget_class->focus = plx_perspective_panel_focus_vfunc;

  g_type_ensure (PLX_TYPE_SCROLLABLE_BIN);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax_annotator/Parallax/ui/plx-perspective-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, PlxPerspectivePanel, swatch);
  gtk_widget_class_bind_template_child (widget_class, PlxPerspectivePanel, name_label);
  gtk_widget_class_bind_template_child (widget_class, PlxPerspectivePanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, PlxPerspectivePanel, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PlxPerspectivePanel, stack);
  gtk_widget_class_bind_template_child (widget_class, PlxPerspectivePanel, empty_label);
  gtk_widget_class_bind_template_child (widget_class, PlxPerspectivePanel, list_view);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
plx_perspective_panel_init (PlxPerspectivePanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Sideways, the wheel over the cards scrolls the row of panels around
   * them (before a narrowed window turns them into tabs). */
  plx_wheel_pass_through (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (self->list_view), GTK_TYPE_SCROLLED_WINDOW)));
}


GtkWidget *
plx_perspective_panel_new (PlxPerspective *perspective,
                           GListModel     *annotations)
{
  PlxPerspectivePanel *self = g_object_new (PLX_TYPE_PERSPECTIVE_PANEL, NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GMenuModel) menu = NULL;
  GtkNoSelection *selection;

  self->perspective = g_object_ref (perspective);
  self->filter = gtk_custom_filter_new (matches, self, NULL);
  /* Filtered only while there is a query: a filter, even one that keeps
   * everything, is run on every passage and tracked in a bitset. */
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (plx_perspective_passages_new (annotations,
                                                                                          plx_perspective_get_id (perspective))),
                                              NULL);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_grid_view_set_factory (self->list_view, factory);
  gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (row_activated_cb), self);

  gtk_drawing_area_set_draw_func (self->swatch, draw_swatch, self, NULL);
  g_signal_connect_swapped (perspective, "notify::name", G_CALLBACK (update_header), self);
  g_signal_connect_swapped (perspective, "notify::color", G_CALLBACK (update_header), self);
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (update_count), self);

  menu = build_menu (self);
  gtk_menu_button_set_menu_model (self->menu_button, menu);

  update_header (self);
  update_count (self);
  return GTK_WIDGET (self);
}

PlxPerspective *
plx_perspective_panel_get_perspective (PlxPerspectivePanel *self)
{
  g_return_val_if_fail (PLX_IS_PERSPECTIVE_PANEL (self), NULL);
  return self->perspective;
}

GListModel *
plx_perspective_panel_get_model (PlxPerspectivePanel *self)
{
  g_return_val_if_fail (PLX_IS_PERSPECTIVE_PANEL (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

/**
 * plx_perspective_panel_set_query:
 * @text: (nullable): words to find in the quote, the note or the themes
 * @themes: (nullable): show only passages with any of these themes
 */
void
plx_perspective_panel_set_query (PlxPerspectivePanel *self,
                                 const char          *text,
                                 const char * const  *themes)
{
  g_autofree char *folded = NULL;

  g_return_if_fail (PLX_IS_PERSPECTIVE_PANEL (self));

  if (text != NULL && *text != '\0')
    folded = g_utf8_casefold (text, -1);
  if (themes != NULL && themes[0] == NULL)
    themes = NULL;
  /* Refiltering rebinds every card the panel keeps, so the
   * same query, set again when the theme list is refreshed after a
   * tagging, must not refilter. */
  if (g_strcmp0 (folded, self->query_text) == 0 &&
      ((themes == NULL && self->query_themes == NULL) ||
       (themes != NULL && self->query_themes != NULL &&
        g_strv_equal ((const char * const *) self->query_themes, themes))))
    return;

  g_free (self->query_text);
  self->query_text = g_steal_pointer (&folded);
  g_strfreev (self->query_themes);
  self->query_themes = g_strdupv ((char **) themes);
  if (self->query_text == NULL && self->query_themes == NULL)
    gtk_filter_list_model_set_filter (self->filtered, NULL);
  else if (gtk_filter_list_model_get_filter (self->filtered) == NULL)
    gtk_filter_list_model_set_filter (self->filtered, GTK_FILTER (self->filter));
  else
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  highlight_rows (GTK_WIDGET (self->list_view), self->query_text);
  update_count (self);
}

/* Focus on the panel's passages (the one focused last, else the first),
 * or on its menu while it has none. */
void
plx_perspective_panel_focus (PlxPerspectivePanel *self)
{
  g_return_if_fail (PLX_IS_PERSPECTIVE_PANEL (self));

  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(PlxAnnotation) first = NULL;
  GtkWidget *focus;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0 || root == NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->menu_button));
      return;
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  focus = gtk_root_get_focus (root);
  if (focus != NULL && gtk_widget_get_ancestor (focus, PLX_TYPE_ANNOTATION_ROW) != NULL)
    return;

  /* Until a card has had the focus, the grid view takes it itself. */
  first = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);
  for (GtkWidget *cell = gtk_widget_get_first_child (GTK_WIDGET (self->list_view)); cell != NULL;
       cell = gtk_widget_get_next_sibling (cell))
    {
      GtkWidget *card = gtk_widget_get_first_child (cell);

      if (PLX_IS_ANNOTATION_ROW (card) && plx_annotation_row_get_annotation (PLX_ANNOTATION_ROW (card)) == first)
        {
          gtk_widget_grab_focus (card);
          return;
        }
    }
}

void
plx_perspective_panel_set_number (PlxPerspectivePanel *self,
                                  guint                number)
{
  g_return_if_fail (PLX_IS_PERSPECTIVE_PANEL (self));

  self->number = number;
  update_count (self);
}

/* The document the passages are in: each card then says where in it
 * ("p. 12, ¶ 14", "00:12:31"). Set before the panel is shown. */
void
plx_perspective_panel_set_document (PlxPerspectivePanel *self,
                                    PlxDocument         *document)
{
  g_return_if_fail (PLX_IS_PERSPECTIVE_PANEL (self));

  g_set_object (&self->document, document);
}

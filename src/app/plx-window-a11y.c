/* plx-window-a11y.c: the window by keyboard and screen reader: which
 * passages cover the caret, passage-to-passage moves, shortcuts to each
 * view and perspective panel, and pages not on screen hidden from the
 * accessibility tree.
 *
 * GTK 4.8 has no way to make a screen reader announce something, so what
 * is to be heard is given focus: the passages at the caret are a list in
 * a popover at the caret, each row named as the passage's card is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-window"

#include <glib/gi18n.h>

#include "plx-a11y.h"
#include "plx-perspective-panel.h"
#include "plx-window-private.h"

static const char *
perspective_name (PlxWindow     *self,
                  PlxAnnotation *annotation)
{
  PlxPerspective *perspective = plx_project_find_perspective (self->project,
                                                              plx_annotation_get_perspective_id (annotation));

  return perspective ? plx_perspective_get_name (perspective) : NULL;
}

static guint
caret_offset (PlxWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return (guint) gtk_text_iter_get_offset (&iter);
}

/* ---- the passages at the caret ---- */

static void
caret_row_activated_cb (PlxWindow     *self,
                        GtkListBoxRow *row)
{
  const char *uuid = g_object_get_data (G_OBJECT (row), "plx-uuid");

  gtk_popover_popdown (self->caret_popover);
  if (uuid != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.reveal-annotation", "s", uuid);
}

static GtkWidget *
caret_row_new (const char *text,
               const char *uuid)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), uuid != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  g_object_set_data_full (G_OBJECT (row), "plx-uuid", g_strdup (uuid), g_free);
  return row;
}

static void
passages_at_caret_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PlxWindow *self = PLX_WINDOW (widget);
  g_autoptr(GPtrArray) covering = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkWidget *child;
  GtkTextIter iter;
  GdkRectangle rect;
  g_autofree char *heading = NULL;
  guint offset;
  int x, y;

  if (self->annotations == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "annotate");
  offset = caret_offset (self);
  covering = plx_annotation_list_at_offset (self->annotations, offset);
  _plx_window_drop_hidden (self, covering);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->caret_list))) != NULL)
    gtk_list_box_remove (self->caret_list, child);
  for (guint i = 0; i < covering->len; i++)
    {
      PlxAnnotation *annotation = g_ptr_array_index (covering, i);
      g_autofree char *sentence = plx_a11y_describe_annotation (annotation, perspective_name (self, annotation));

      gtk_list_box_append (self->caret_list, caret_row_new (sentence, plx_annotation_get_uuid (annotation)));
    }
  if (covering->len == 0)
    gtk_list_box_append (self->caret_list, caret_row_new (_("No passage covers the caret"), NULL));

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u passage at the caret", "%u passages at the caret",
                                          covering->len), covering->len);
  gtk_label_set_text (self->caret_heading, heading);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->caret_list), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) offset);
  gtk_text_view_get_iter_location (self->text_view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y, &x, &y);
  rect.x = x;
  rect.y = y;
  rect.width = MAX (rect.width, 1);
  gtk_popover_set_pointing_to (self->caret_popover, &rect);
  gtk_popover_popup (self->caret_popover);
  gtk_widget_grab_focus (gtk_widget_get_first_child (GTK_WIDGET (self->caret_list)));
}

/* The text's description is the passages under the caret, read by a
 * screen reader's "where am I" and as the caret enters or leaves one;
 * set again only when they change, not at every step of the caret. */
static void
caret_moved_cb (PlxWindow *self)
{
  g_autoptr(GPtrArray) covering = NULL;
  g_autoptr(GString) key = g_string_new (NULL);
  g_autoptr(GString) description = g_string_new (NULL);

  if (self->text_view == NULL)
    return;
  if (self->annotations != NULL)
    {
      covering = plx_annotation_list_at_offset (self->annotations, caret_offset (self));
      _plx_window_drop_hidden (self, covering);
    }
  /* Which passages, in which revision and under which perspective name:
   * the sentences are only made when that changes. */
  for (guint i = 0; covering != NULL && i < covering->len; i++)
    {
      PlxAnnotation *annotation = g_ptr_array_index (covering, i);

      g_string_append_printf (key, "%s %u %s\n", plx_annotation_get_uuid (annotation),
                              plx_annotation_get_revision (annotation), perspective_name (self, annotation));
    }
  if (g_strcmp0 (key->str, g_object_get_data (G_OBJECT (self->text_view), "plx-a11y-caret")) == 0)
    return;
  g_object_set_data_full (G_OBJECT (self->text_view), "plx-a11y-caret", g_strdup (key->str), g_free);
  for (guint i = 0; covering != NULL && i < covering->len; i++)
    {
      PlxAnnotation *annotation = g_ptr_array_index (covering, i);
      g_autofree char *sentence = plx_a11y_describe_annotation (annotation, perspective_name (self, annotation));

      g_string_append (description, i == 0 ? "" : _("; "));
      g_string_append (description, sentence);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description->str, -1);
}

/* ---- from passage to passage ---- */

/* The passage the selection is exactly on, or -1. */
static int
selected_passage (PlxWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GListModel *list = G_LIST_MODEL (self->visible);
  GtkTextIter a, b;
  guint start, end;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &a, &b))
    return -1;
  start = (guint) gtk_text_iter_get_offset (&a);
  end = (guint) gtk_text_iter_get_offset (&b);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PlxAnnotation) annotation = g_list_model_get_item (list, i);

      if (plx_annotation_get_start (annotation) > start)
        break;
      if (plx_annotation_get_start (annotation) == start && plx_annotation_get_end (annotation) == end)
        return (int) i;
    }
  return -1;
}

/* Selects the next (or previous) passage after the one selected or the
 * caret, of the same perspective as the passage there when @same. */
static void
move_to_passage_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PlxWindow *self = PLX_WINDOW (widget);
  gboolean forward = g_str_has_prefix (action_name, "win.next");
  gboolean same = g_variant_get_boolean (parameter);
  GListModel *list;
  gint64 perspective_id = 0;
  guint offset, n;
  int current, found = -1;

  if (self->visible == NULL)
    return;
  list = G_LIST_MODEL (self->visible);
  n = g_list_model_get_n_items (list);
  offset = caret_offset (self);
  current = selected_passage (self);
  if (same)
    {
      g_autoptr(PlxAnnotation) here = NULL;

      if (current >= 0)
        here = g_list_model_get_item (list, (guint) current);
      else
        {
          g_autoptr(GPtrArray) covering = plx_annotation_list_at_offset (self->annotations, offset);

          _plx_window_drop_hidden (self, covering);

          if (covering->len > 0)
            here = g_object_ref (g_ptr_array_index (covering, 0));
        }
      if (here != NULL)
        perspective_id = plx_annotation_get_perspective_id (here);
    }
  if (current >= 0)
    {
      g_autoptr(PlxAnnotation) annotation = g_list_model_get_item (list, (guint) current);
      offset = plx_annotation_get_start (annotation);
    }

  for (guint k = 0; k < n && found < 0; k++)
    {
      guint i = forward ? k : n - 1 - k;
      g_autoptr(PlxAnnotation) annotation = g_list_model_get_item (list, i);
      guint start = plx_annotation_get_start (annotation);
      gboolean beyond;

      if (current >= 0)
        beyond = forward ? (int) i > current : (int) i < current;
      else
        beyond = forward ? start > offset : start < offset;
      if (beyond && (perspective_id == 0 || plx_annotation_get_perspective_id (annotation) == perspective_id))
        found = (int) i;
    }

  if (found < 0)
    {
      gtk_widget_error_bell (widget);
      _plx_window_toast (self, forward ? _("No passage after this one") : _("No passage before this one"));
      return;
    }
  {
    g_autoptr(PlxAnnotation) annotation = g_list_model_get_item (list, (guint) found);

    /* The caret at its start: the text's description says whose it is. */
    gtk_widget_activate_action (widget, "win.reveal-annotation", "s", plx_annotation_get_uuid (annotation));
  }
}

/* ---- views and panels ---- */

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PlxWindow *self = PLX_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (g_strcmp0 (name, "annotate") != 0 && g_strcmp0 (name, "compare") != 0)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, name);
  if (g_strcmp0 (name, "annotate") == 0)
    gtk_widget_grab_focus (self->document ? GTK_WIDGET (self->text_view) : GTK_WIDGET (self->document_stack));
  else
    gtk_widget_child_focus (GTK_WIDGET (self->compare_view), GTK_DIR_TAB_FORWARD);
}

static void
focus_panel_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PlxWindow *self = PLX_WINDOW (widget);
  int number = g_variant_get_int32 (parameter);
  GtkWidget *panel;

  if (number < 1 || (guint) number > self->panels->len)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  panel = g_ptr_array_index (self->panels, number - 1);
  adw_view_stack_set_visible_child_name (self->view_stack, "annotate");
  if (GTK_IS_STACK (gtk_widget_get_parent (panel)))
    gtk_stack_set_visible_child (GTK_STACK (gtk_widget_get_parent (panel)), panel);
  plx_perspective_panel_focus (PLX_PERSPECTIVE_PANEL (panel));
}

/* Enter on a map: the text at that offset, with the caret there. */
static void
read_at_offset_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PlxWindow *self = PLX_WINDOW (widget);

  gtk_widget_activate_action_variant (widget, "win.scroll-to-offset", parameter);
  if (self->document != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

void
_plx_window_a11y_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.passages-at-caret", NULL, passages_at_caret_action);
  gtk_widget_class_install_action (widget_class, "win.next-passage", "b", move_to_passage_action);
  gtk_widget_class_install_action (widget_class, "win.previous-passage", "b", move_to_passage_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.focus-panel", "i", focus_panel_action);
  gtk_widget_class_install_action (widget_class, "win.read-at-offset", "u", read_at_offset_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_ALT_MASK, "win.passages-at-caret", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_ALT_MASK, "win.passages-at-caret", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "win.next-passage", "b", FALSE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "win.previous-passage", "b", FALSE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK | GDK_SHIFT_MASK,
                                       "win.next-passage", "b", TRUE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK | GDK_SHIFT_MASK,
                                       "win.previous-passage", "b", TRUE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "win.show-view", "s", "annotate");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "win.show-view", "s", "compare");
  for (int i = 1; i <= 9; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, GDK_ALT_MASK, "win.focus-panel", "i", i);
}

void
_plx_window_a11y_init (PlxWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  plx_a11y_name_menu_button (self->theme_button, _("Theme filter"));
  plx_a11y_name_menu_button (self->coder_button, _("Coder filter"));
  plx_a11y_name_dropdown (self->document_dropdown, _("Document"));
  plx_a11y_name_dropdown (self->tabs_dropdown, _("Perspective"));
  plx_a11y_follow_stack (GTK_WIDGET (self->view_stack));
  plx_a11y_follow_stack (GTK_WIDGET (self->document_stack));
  plx_a11y_follow_stack (GTK_WIDGET (self->panels_stack));
  plx_a11y_follow_stack (GTK_WIDGET (self->tabs_stack));
  plx_a11y_follow_revealer (self->busy_revealer);
  plx_a11y_name_scroller (GTK_WIDGET (self->text_view), _("Document text"));
  plx_a11y_name_scroller (GTK_WIDGET (self->columns_box), _("Perspectives"));
  /* The tabs' switcher, in the scrolled window before the tabs. */
  if (GTK_IS_SCROLLED_WINDOW (gtk_widget_get_prev_sibling (GTK_WIDGET (self->tabs_stack))))
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_prev_sibling (GTK_WIDGET (self->tabs_stack))),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Perspectives"), -1);

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->text_view), "notify::cursor-position",
                            G_CALLBACK (caret_moved_cb), self);

  self->caret_heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->caret_heading), "heading");
  gtk_label_set_xalign (self->caret_heading, 0);
  self->caret_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->caret_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->caret_list), "boxed-list");
  g_signal_connect_swapped (self->caret_list, "row-activated", G_CALLBACK (caret_row_activated_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->caret_heading));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->caret_list));

  self->caret_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->caret_popover, box);
  gtk_popover_set_position (self->caret_popover, GTK_POS_BOTTOM);
  gtk_widget_set_parent (GTK_WIDGET (self->caret_popover), GTK_WIDGET (self->text_view));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->caret_popover),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Passages at the caret"), -1);
}

void
_plx_window_a11y_dispose (PlxWindow *self)
{
  /* The buffer can outlive the window's widgets. */
  if (self->text_view != NULL)
    g_signal_handlers_disconnect_by_func (gtk_text_view_get_buffer (self->text_view), caret_moved_cb, self);
  if (self->caret_popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->caret_popover));
      self->caret_popover = NULL;
    }
}

/* plx-window-tagging.c: a passage tagged from the text (the popover, the
 * digit keys, Ctrl+T) and the tooltip naming what covers a place.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-window"

#include <adwaita.h>
#include <string.h>
#include <glib/gi18n.h>

#include "plx-window-private.h"

static char *
author_name (PlxWindow *self)
{
  return _plx_window_dup_coder_name (self);
}

/* Tags [start, end) at once; the selection it came from is done with. */
gboolean
_plx_window_add_tag (PlxWindow          *self,
                     guint               start,
                     guint               end,
                     gint64              perspective_id,
                     const char * const *themes,
                     const char         *note)
{
  g_autoptr(PlxAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *author = author_name (self);

  annotation = plx_annotation_new_for_range (self->document, start, end, perspective_id, &error);
  if (annotation != NULL)
    {
      plx_annotation_set_themes (annotation, themes);
      plx_annotation_set_note (annotation, note);
      plx_annotation_set_author (annotation, author);
    }
  if (annotation == NULL || !plx_history_add_annotation (self->history, annotation, &error))
    {
      plx_window_show_error (self, _("Could Not Tag the Passage"), error);
      return FALSE;
    }
  _plx_window_clear_selection (self);
  return TRUE;
}

/* The same passage tagged twice with the same perspective is most likely
 * a slip: asked first. */
static void
tag_range (PlxWindow          *self,
           guint               start,
           guint               end,
           gint64              perspective_id,
           const char * const *themes,
           const char         *note)
{
  if (_plx_window_find_duplicate (self, start, end, perspective_id))
    _plx_window_ask_duplicate (self, start, end, perspective_id, themes, note);
  else
    _plx_window_add_tag (self, start, end, perspective_id, themes, note);
}

void
_plx_window_open_tag_popover (PlxWindow *self,
                              guint      start,
                              guint      end)
{
  g_autofree char *quote = plx_document_dup_range (self->document, start, MIN (end, start + 60));
  g_autofree char *title = g_strdup_printf (end - start > 60 ? _("Tag “%s…”") : _("Tag “%s”"), g_strstrip (quote));

  g_clear_pointer (&self->editing_uuid, g_free);
  self->tag_start = start;
  self->tag_end = end;
  plx_tag_popover_prepare (self->tag_popover, title, 0, NULL, "");
  _plx_window_popup_tag_popover (self);
}

/* A theme typed as a path ("security/guarantor", "security › guarantor")
 * names the codebook's theme there, or makes it under the parent the path
 * names (one undo step before the tagging); passages carry the name.
 * Without this the path became a flat theme called "security/guarantor".
 * A parent that does not exist is refused, and nothing changes. */
static gboolean
resolve_theme_paths (PlxWindow  *self,
                     char      **themes,
                     GError    **error)
{
  g_autoptr(GPtrArray) codebook = plx_project_list_codebook (self->project, error);
  g_autoptr(PlxChangeSet) created = plx_change_set_new ();

  if (codebook == NULL)
    return FALSE;
  for (guint i = 0; themes != NULL && themes[i] != NULL; i++)
    {
      PlxTheme *found = plx_codebook_lookup (codebook, themes[i]);
      g_autoptr(GString) unified = NULL;
      const char *slash;
      g_autofree char *parent_path = NULL;
      g_autofree char *name = NULL;
      PlxTheme *parent;
      g_autoptr(PlxChangeSet) changes = NULL;

      if (found != NULL)
        {
          g_free (themes[i]);
          themes[i] = g_strdup (plx_theme_get_name (found));
          continue;
        }
      unified = g_string_new (themes[i]);
      g_string_replace (unified, "›", "/", 0);
      if ((slash = strrchr (unified->str, '/')) == NULL)
        continue;  /* a new name: a new theme at the top, as ever */
      parent_path = g_strstrip (g_strndup (unified->str, (gsize) (slash - unified->str)));
      name = g_strstrip (g_strdup (slash + 1));
      parent = plx_codebook_lookup (codebook, parent_path);
      if (parent == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("There is no theme “%s” to put “%s” under"), parent_path, name);
          return FALSE;
        }
      changes = plx_theme_changes_create (self->project, name, plx_theme_get_uuid (parent), NULL, NULL, error);
      if (changes == NULL)
        return FALSE;
      plx_change_set_append (created, changes);
      g_free (themes[i]);
      themes[i] = g_steal_pointer (&name);
    }
  return plx_change_set_is_empty (created) || plx_history_apply_changes (self->history, created, error);
}

static void
tag_popover_save_cb (PlxWindow *self)
{
  g_auto(GStrv) themes = plx_tag_popover_dup_themes (self->tag_popover);
  gint64 perspective_id = plx_tag_popover_get_perspective_id (self->tag_popover);
  const char *note = plx_tag_popover_get_note (self->tag_popover);
  g_autoptr(GError) error = NULL;

  if (!resolve_theme_paths (self, themes, &error))
    {
      plx_window_show_error (self, _("Could Not Create the Theme"), error);
      return;
    }

  if (self->editing_uuid == NULL)
    {
      tag_range (self, self->tag_start, self->tag_end, perspective_id, (const char * const *) themes, note);
      return;
    }

  {
    g_autoptr(PlxAnnotation) annotation = plx_project_get_annotation (self->project, self->editing_uuid, &error);

    if (annotation != NULL)
      {
        plx_annotation_set_perspective_id (annotation, perspective_id);
        plx_annotation_set_themes (annotation, (const char * const *) themes);
        plx_annotation_set_note (annotation, note);
      }
    if (annotation == NULL || !plx_history_update_annotation (self->history, annotation, &error))
      plx_window_show_error (self, _("Could Not Save the Passage"), error);
    else
      _plx_window_clear_selection (self);
  }
}

static void
tag_selection_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PlxWindow *self = PLX_WINDOW (widget);
  int number = g_variant_get_int32 (parameter);
  GListModel *perspectives;
  guint start, end;

  if (!_plx_window_get_selection (self, &start, &end))
    {
      _plx_window_toast (self, _("Select a passage first"));
      return;
    }
  if (number <= 0)
    {
      _plx_window_open_tag_popover (self, start, end);
      return;
    }

  perspectives = plx_project_get_perspectives (self->project);
  if ((guint) number <= g_list_model_get_n_items (perspectives))
    {
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (perspectives, (guint) number - 1);
      tag_range (self, start, end, plx_perspective_get_id (perspective), NULL, "");
    }
}

/* Digits 1–9 on a selection tag it with that perspective at once; Escape
 * lets go of the selection. */
static gboolean
text_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     PlxWindow             *self)
{
  guint digit = gdk_keyval_to_unicode (keyval);
  guint start, end;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;
  if (keyval == GDK_KEY_Escape && _plx_window_get_selection (self, &start, &end))
    {
      _plx_window_clear_selection (self);
      return TRUE;
    }
  /* Only a selection the reader made: not what is left selected after
   * tagging, nor a passage shown from its card. */
  if (digit < '1' || digit > '9' || !self->selection_fresh || !_plx_window_get_selection (self, &start, &end))
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.tag-selection", "i", (int) (digit - '0'));
  return TRUE;
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  PlxWindow  *self)
{
  g_autoptr(GPtrArray) covering = NULL;
  g_autoptr(GString) text = NULL;
  GtkTextIter iter;
  int bx, by;

  if (self->annotations == NULL || keyboard)
    return FALSE;
  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    return FALSE;
  covering = plx_annotation_list_at_offset (self->annotations, (guint) gtk_text_iter_get_offset (&iter));
  _plx_window_drop_hidden (self, covering);
  if (covering->len == 0)
    return FALSE;

  text = g_string_new (NULL);
  for (guint i = 0; i < covering->len; i++)
    {
      PlxAnnotation *annotation = g_ptr_array_index (covering, i);
      PlxPerspective *perspective = plx_project_find_perspective (self->project, plx_annotation_get_perspective_id (annotation));
      g_autofree char *themes = g_strjoinv (", ", (char **) plx_annotation_get_themes (annotation));
      g_autofree char *line = g_markup_printf_escaped ("<span foreground=\"%s\">●</span> <b>%s</b>%s%s%s%s",
                                                       perspective ? plx_perspective_get_color (perspective) : "#888888",
                                                       perspective ? plx_perspective_get_name (perspective) : "?",
                                                       *themes ? " — " : "", themes,
                                                       *plx_annotation_get_note (annotation) ? "\n" : "",
                                                       plx_annotation_get_note (annotation));
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }
  gtk_tooltip_set_markup (tooltip, text->str);
  return TRUE;
}

void
_plx_window_tagging_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.tag-selection", "i", tag_selection_action);
  /* The same, for menus, which show it only while there is a selection. */
  gtk_widget_class_install_action (widget_class, "win.tag-as", "i", tag_selection_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.tag-selection", "i", 0);
}

void
_plx_window_tagging_init (PlxWindow *self)
{
  GtkEventController *keys;

  self->tag_popover = PLX_TAG_POPOVER (plx_tag_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->tag_popover), GTK_WIDGET (self->text_view));
  g_signal_connect_swapped (self->tag_popover, "save", G_CALLBACK (tag_popover_save_cb), self);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (keys, "plx-text-keys");
  g_signal_connect (keys, "key-pressed", G_CALLBACK (text_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), keys);

  g_signal_connect (self->text_view, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
}

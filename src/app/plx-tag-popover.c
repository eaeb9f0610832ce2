/* plx-tag-popover.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-tag-popover"
#include <string.h>
#include <glib/gi18n.h>

#include "plx-tag-popover.h"

struct _PlxTagPopover
{
  GtkPopover          parent_instance;

  GListModel         *perspectives;
  GPtrArray          *buttons;      /* GtkToggleButton, in perspective order */
  gint64              perspective_id;
  GtkListStore       *completions;
  GPtrArray          *codebook;     /* PlxTheme, for what typing names */
  GtkTreeIter         create_iter;  /* the "Create theme" row, while offered */
  gboolean            offering;
  char               *offer;        /* what that row says, or NULL */

  /* Template widgets */
  GtkLabel           *title_label;
  GtkFlowBox         *perspective_box;
  GtkEntry           *themes_entry;
  GtkTextView        *note_view;
  char               *note;      /* the last text read from note_view */
  GtkButton          *cancel_button;
  GtkButton          *save_button;
};

G_DEFINE_FINAL_TYPE (PlxTagPopover, plx_tag_popover, GTK_TYPE_POPOVER)

enum {
  SAVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
sync_buttons (PlxTagPopover *self)
{
  for (guint i = 0; i < self->buttons->len; i++)
    {
      GtkToggleButton *button = g_ptr_array_index (self->buttons, i);
      gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "perspective-id"));

      gtk_toggle_button_set_active (button, id == self->perspective_id);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), self->perspective_id != 0);
}

static void
perspective_toggled_cb (GtkToggleButton *button,
                        PlxTagPopover   *self)
{
  if (gtk_toggle_button_get_active (button))
    self->perspective_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "perspective-id"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), self->perspective_id != 0);
}

static void
draw_dot (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        data)
{
  GdkRGBA color;

  if (!gdk_rgba_parse (&color, data))
    return;
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
  cairo_fill (cr);
}

void
plx_tag_popover_set_perspectives (PlxTagPopover *self,
                                  GListModel    *perspectives)
{
  GtkWidget *child;
  GtkToggleButton *group = NULL;
  guint n;

  g_return_if_fail (PLX_IS_TAG_POPOVER (self));

  g_set_object (&self->perspectives, perspectives);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->perspective_box))) != NULL)
    gtk_flow_box_remove (self->perspective_box, child);
  g_ptr_array_set_size (self->buttons, 0);

  n = g_list_model_get_n_items (perspectives);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (perspectives, i);
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *dot = gtk_drawing_area_new ();
      g_autofree char *label = i < 9 ? g_strdup_printf ("%u  %s", i + 1, plx_perspective_get_name (perspective))
                                     : g_strdup (plx_perspective_get_name (perspective));
      GtkWidget *text = gtk_label_new (label);

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (dot), 12);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (dot), 12);
      gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (dot), draw_dot,
                                      g_strdup (plx_perspective_get_color (perspective)), g_free);
      gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), dot);
      gtk_box_append (GTK_BOX (box), text);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      plx_perspective_get_name (perspective), -1);
      g_object_set_data (G_OBJECT (button), "perspective-id", GSIZE_TO_POINTER (plx_perspective_get_id (perspective)));
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      g_signal_connect (button, "toggled", G_CALLBACK (perspective_toggled_cb), self);
      gtk_flow_box_append (self->perspective_box, button);
      g_ptr_array_add (self->buttons, button);
    }
  sync_buttons (self);
}

/* The completion's columns. */
enum {
  COLUMN_NAME,     /* what goes into the entry */
  COLUMN_PATH,     /* "security › guarantor", folded, for matching */
  COLUMN_MARKUP,   /* the path, and the definition below it, as shown */
};

static void
add_completion (PlxTagPopover *self,
                const char    *name,
                const char    *path,
                const char    *definition)
{
  g_autofree char *folded = g_utf8_casefold (path, -1);
  g_autofree char *markup = NULL;

  /* A definition tells two near names apart while typing. */
  if (definition != NULL && *definition != '\0')
    markup = g_markup_printf_escaped ("%s\n<small><span alpha=\"60%%\">%s</span></small>", path, definition);
  else
    markup = g_markup_escape_text (path, -1);
  gtk_list_store_insert_with_values (self->completions, NULL, -1, COLUMN_NAME, name, COLUMN_PATH, folded,
                                     COLUMN_MARKUP, markup, -1);
}

/**
 * plx_tag_popover_set_known_themes:
 * @themes: the themes in use, most used first
 * @codebook: (nullable): the project's #PlxTheme codebook
 *
 * What completion offers: the themes in use first, then the rest of the
 * codebook; each shown with its place in the tree and its definition.
 */
void
plx_tag_popover_set_known_themes (PlxTagPopover      *self,
                                  const char * const *themes,
                                  GPtrArray          *codebook)
{
  g_autoptr(GHashTable) offered = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order = codebook ? plx_codebook_dup_tree_order (codebook) : NULL;

  g_return_if_fail (PLX_IS_TAG_POPOVER (self));

  gtk_list_store_clear (self->completions);
  self->offering = FALSE;
  g_clear_pointer (&self->codebook, g_ptr_array_unref);
  if (codebook != NULL)
    self->codebook = g_ptr_array_ref (codebook);
  for (guint i = 0; themes != NULL && themes[i] != NULL; i++)
    {
      PlxTheme *theme = codebook ? plx_codebook_lookup (codebook, themes[i]) : NULL;
      g_autofree char *path = theme ? plx_codebook_dup_path (codebook, theme) : g_strdup (themes[i]);

      add_completion (self, themes[i], path, theme ? plx_theme_get_description (theme) : NULL);
      g_hash_table_add (offered, (gpointer) themes[i]);
    }
  for (guint i = 0; order != NULL && i < order->len; i++)
    {
      PlxTheme *theme = g_ptr_array_index (order, i);
      g_autofree char *path = NULL;

      if (g_hash_table_contains (offered, plx_theme_get_name (theme)))
        continue;
      path = plx_codebook_dup_path (codebook, theme);
      add_completion (self, plx_theme_get_name (theme), path, plx_theme_get_description (theme));
    }
}

/* Completion works on the theme being typed, after the last comma: it
 * matches the start of any name on the theme's path, so "sec" offers
 * "security › guarantor" as well as "security". */
static gboolean
match_last_theme (GtkEntryCompletion *completion,
                  const char         *key,
                  GtkTreeIter        *iter,
                  gpointer            data)
{
  PlxTagPopover *self = data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->themes_entry));
  const char *last = strrchr (text, ',');
  g_autofree char *path = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (last ? last + 1 : text));
  g_auto(GStrv) names = NULL;

  /* (The copy was leaked on every match, once per theme per key.) */
  typed = g_utf8_casefold (stripped, -1);
  if (*typed == '\0')
    return FALSE;
  gtk_tree_model_get (GTK_TREE_MODEL (self->completions), iter, COLUMN_PATH, &path, -1);
  /* The offer to create what is typed is there only while it is new. */
  if (path == NULL || *path == '\0')
    return TRUE;
  names = g_strsplit (path, PLX_THEME_PATH_SEPARATOR, -1);
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_has_prefix (names[i], typed))
      return TRUE;
  return FALSE;
}

/* Typing a name the codebook lacks offers to create it, under the theme
 * a path names ("security/guarantor"): the passage then carries a theme
 * placed in the tree, not a flat "security/guarantor". */
static void
update_offer (PlxTagPopover *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->themes_entry));
  const char *last = strrchr (text, ',');
  g_autofree char *typed = g_strstrip (g_strdup (last ? last + 1 : text));
  g_autofree char *markup = NULL;
  g_autoptr(GString) unified = g_string_new (typed);
  const char *slash;

  g_clear_pointer (&self->offer, g_free);
  g_string_replace (unified, "›", "/", 0);
  slash = strrchr (unified->str, '/');
  if (*typed != '\0' && (self->codebook == NULL || plx_codebook_lookup (self->codebook, typed) == NULL)
      && (slash == NULL || slash[1] != '\0'))
    {
      g_autofree char *parent = slash ? g_strstrip (g_strndup (unified->str, (gsize) (slash - unified->str))) : NULL;
      g_autofree char *name = g_strstrip (g_strdup (slash ? slash + 1 : typed));
      PlxTheme *under = parent && self->codebook ? plx_codebook_lookup (self->codebook, parent) : NULL;

      if (under != NULL)
        {
          g_autofree char *path = plx_codebook_dup_path (self->codebook, under);

          /* Translators: in the tag popover's completion: a theme made
           * under another, shown by its path. */
          self->offer = g_strdup_printf (_("Create theme “%s” under %s"), name, path);
        }
      else if (parent == NULL)
        self->offer = g_strdup_printf (_("Create theme “%s”"), name);
    }
  if (self->offer == NULL)
    {
      if (self->offering)
        gtk_list_store_remove (self->completions, &self->create_iter);
      self->offering = FALSE;
      return;
    }
  markup = g_markup_printf_escaped ("<i>%s</i>", self->offer);
  if (!self->offering)
    gtk_list_store_insert_with_values (self->completions, &self->create_iter, -1, COLUMN_NAME, typed, COLUMN_PATH, "",
                                       COLUMN_MARKUP, markup, -1);
  else
    gtk_list_store_set (self->completions, &self->create_iter, COLUMN_NAME, typed, COLUMN_MARKUP, markup, -1);
  self->offering = TRUE;
}

/* What the completion offers to create now, or NULL. */
const char *
plx_tag_popover_get_offer (PlxTagPopover *self)
{
  g_return_val_if_fail (PLX_IS_TAG_POPOVER (self), NULL);
  return self->offer;
}

static gboolean
match_selected_cb (GtkEntryCompletion *completion,
                   GtkTreeModel       *model,
                   GtkTreeIter        *iter,
                   PlxTagPopover      *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->themes_entry));
  const char *last = strrchr (text, ',');
  g_autofree char *candidate = NULL;
  g_autofree char *head = last ? g_strndup (text, (gsize) (last - text + 1)) : g_strdup ("");
  g_autofree char *joined = NULL;

  gtk_tree_model_get (model, iter, COLUMN_NAME, &candidate, -1);
  joined = g_strconcat (head, *head ? " " : "", candidate, ", ", NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->themes_entry), joined);
  gtk_editable_set_position (GTK_EDITABLE (self->themes_entry), -1);
  return TRUE;
}

static void
save_cb (PlxTagPopover *self)
{
  if (self->perspective_id == 0)
    return;
  g_signal_emit (self, signals[SAVE], 0);
  gtk_popover_popdown (GTK_POPOVER (self));
}

void
plx_tag_popover_select_number (PlxTagPopover *self,
                               guint          number)
{
  g_return_if_fail (PLX_IS_TAG_POPOVER (self));

  if (number == 0 || number > self->buttons->len)
    return;
  gtk_toggle_button_set_active (g_ptr_array_index (self->buttons, number - 1), TRUE);
}

/* Digits pick a perspective, unless the user is typing in an entry, where
 * Alt+digit does; Tab leaves the perspectives for the themes at once, and
 * Enter saves from anywhere but the note, where Ctrl+Enter does. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                PlxTagPopover         *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  gboolean in_entry = focus != NULL && (gtk_widget_is_ancestor (focus, GTK_WIDGET (self->themes_entry)) ||
                                        focus == GTK_WIDGET (self->note_view));
  gboolean in_perspectives = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->perspective_box));
  guint digit = gdk_keyval_to_unicode (keyval);
  GdkModifierType modifiers = state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK);

  if (digit >= '1' && digit <= '9' && (modifiers == GDK_ALT_MASK || (modifiers == 0 && !in_entry)))
    {
      plx_tag_popover_select_number (self, digit - '0');
      return TRUE;
    }
  if (keyval == GDK_KEY_Tab && modifiers == 0 && in_perspectives)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->themes_entry));
      return TRUE;
    }
  /* In the note, Enter starts a new line and Ctrl+Enter saves. */
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (!in_entry || modifiers == GDK_CONTROL_MASK))
    {
      save_cb (self);
      return TRUE;
    }
  return FALSE;
}

static void
focus_perspectives (PlxTagPopover *self)
{
  for (guint i = 0; i < self->buttons->len; i++)
    if (gtk_toggle_button_get_active (g_ptr_array_index (self->buttons, i)))
      {
        gtk_widget_grab_focus (g_ptr_array_index (self->buttons, i));
        return;
      }
  if (self->buttons->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->buttons, 0));
}

static void
plx_tag_popover_dispose (GObject *object)
{
  PlxTagPopover *self = (PlxTagPopover *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PLX_TYPE_TAG_POPOVER);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->offer, g_free);
  g_clear_pointer (&self->codebook, g_ptr_array_unref);
  g_clear_object (&self->perspectives);
  g_clear_object (&self->completions);
  g_clear_pointer (&self->buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (plx_tag_popover_parent_class)->dispose (object);
}

static void
plx_tag_popover_class_init (PlxTagPopoverClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = plx_tag_popover_dispose;

  signals[SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax_annotator/Parallax/ui/plx-tag-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, PlxTagPopover, title_label);
  gtk_widget_class_bind_template_child (widget_class, PlxTagPopover, perspective_box);
  gtk_widget_class_bind_template_child (widget_class, PlxTagPopover, themes_entry);
  gtk_widget_class_bind_template_child (widget_class, PlxTagPopover, note_view);
  gtk_widget_class_bind_template_child (widget_class, PlxTagPopover, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PlxTagPopover, save_button);
}

static void
plx_tag_popover_init (PlxTagPopover *self)
{
  GtkEntryCompletion *completion;
  GtkCellRenderer *renderer;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->buttons = g_ptr_array_new ();

  self->completions = gtk_list_store_new (3, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
  completion = gtk_entry_completion_new ();
  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (self->completions));
  renderer = gtk_cell_renderer_text_new ();
  gtk_cell_layout_pack_start (GTK_CELL_LAYOUT (completion), renderer, TRUE);
  gtk_cell_layout_add_attribute (GTK_CELL_LAYOUT (completion), renderer, "markup", COLUMN_MARKUP);
  gtk_entry_completion_set_match_func (completion, match_last_theme, self, NULL);
  g_signal_connect (completion, "match-selected", G_CALLBACK (match_selected_cb), self);
  gtk_entry_set_completion (self->themes_entry, completion);
  g_object_unref (completion);

  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_cb), self);
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (gtk_popover_popdown), self);
  g_signal_connect_swapped (self->themes_entry, "activate", G_CALLBACK (save_cb), self);
  g_signal_connect_swapped (self->themes_entry, "changed", G_CALLBACK (update_offer), self);

  g_signal_connect_swapped (self, "show", G_CALLBACK (focus_perspectives), self);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (keys, "plx-tag-keys");
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

GtkWidget *
plx_tag_popover_new (void)
{
  return g_object_new (PLX_TYPE_TAG_POPOVER, NULL);
}

void
plx_tag_popover_prepare (PlxTagPopover      *self,
                         const char         *title,
                         gint64              perspective_id,
                         const char * const *themes,
                         const char         *note)
{
  g_autofree char *joined = NULL;

  g_return_if_fail (PLX_IS_TAG_POPOVER (self));

  self->perspective_id = perspective_id;
  sync_buttons (self);
  gtk_label_set_text (self->title_label, title);
  joined = themes ? g_strjoinv (", ", (char **) themes) : g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (self->themes_entry), joined);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), note ? note : "", -1);
}

gint64
plx_tag_popover_get_perspective_id (PlxTagPopover *self)
{
  g_return_val_if_fail (PLX_IS_TAG_POPOVER (self), 0);
  return self->perspective_id;
}

char **
plx_tag_popover_dup_themes (PlxTagPopover *self)
{
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (PLX_IS_TAG_POPOVER (self), NULL);

  parts = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (self->themes_entry)), ",", -1);
  return plx_themes_normalize ((const char * const *) parts);
}

/* The note, without blank lines or spaces around it; owned by @self until
 * the next call. */
const char *
plx_tag_popover_get_note (PlxTagPopover *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (PLX_IS_TAG_POPOVER (self), NULL);

  buffer = gtk_text_view_get_buffer (self->note_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (self->note);
  self->note = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strstrip (self->note);
}

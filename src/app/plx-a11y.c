/* plx-a11y.c: what screen readers are told, where GTK 4.8 does not say it
 * by itself.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-a11y"

#include <glib/gi18n.h>

#include "plx-a11y.h"

/* "a", "a and b", "a, b and c": a list of themes as it is read aloud. */
char *
plx_a11y_join_list (const char * const *items)
{
  guint n = items ? g_strv_length ((char **) items) : 0;
  g_autoptr(GString) head = g_string_new (NULL);

  if (n == 0)
    return g_strdup ("");
  if (n == 1)
    return g_strdup (items[0]);
  for (guint i = 0; i + 1 < n; i++)
    {
      /* Translators: between the items of a list, except the last two */
      g_string_append (head, i == 0 ? "" : _(", "));
      g_string_append (head, items[i]);
    }
  /* Translators: the last two items of a list: "security and escalation" */
  return g_strdup_printf (_("%s and %s"), head->str, items[n - 1]);
}

/**
 * plx_a11y_describe_annotation:
 * @perspective_name: (nullable): the name of the passage's perspective
 *
 * Returns: the passage as one sentence: "Armenian: ‘the quote’, themes
 *   security and escalation, note …, by Anahit"
 */
char *
plx_a11y_describe_annotation (PlxAnnotation *annotation,
                              const char    *perspective_name)
{
  const char * const *themes = plx_annotation_get_themes (annotation);
  const char *note = plx_annotation_get_note (annotation);
  const char *author = plx_annotation_get_author (annotation);
  guint n_themes = g_strv_length ((char **) themes);
  GString *sentence = g_string_new (NULL);

  if (perspective_name != NULL)
    /* Translators: a passage read aloud: perspective, then the quote */
    g_string_append_printf (sentence, _("%s: ‘%s’"), perspective_name, plx_annotation_get_quote (annotation));
  else
    g_string_append_printf (sentence, _("‘%s’"), plx_annotation_get_quote (annotation));
  if (n_themes > 0)
    {
      g_autofree char *list = plx_a11y_join_list (themes);

      g_string_append (sentence, _(", "));
      /* Translators: part of a passage read aloud: "theme security" or
       * "themes security and escalation" */
      g_string_append_printf (sentence, g_dngettext (GETTEXT_PACKAGE, "theme %s", "themes %s", n_themes), list);
    }
  if (note != NULL && *note != '\0')
    {
      g_string_append (sentence, _(", "));
      /* Translators: part of a passage read aloud */
      g_string_append_printf (sentence, _("note %s"), note);
    }
  if (author != NULL && *author != '\0')
    {
      g_string_append (sentence, _(", "));
      /* Translators: part of a passage read aloud: who tagged it */
      g_string_append_printf (sentence, _("by %s"), author);
    }
  return g_string_free (sentence, FALSE);
}

/* The text the drop-down shows for its selected item. */
static char *
selected_text (GtkDropDown *dropdown)
{
  gpointer item = gtk_drop_down_get_selected_item (dropdown);
  GtkExpression *expression = gtk_drop_down_get_expression (dropdown);
  g_auto(GValue) value = G_VALUE_INIT;

  if (item == NULL)
    return NULL;
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (item));
  if (expression != NULL && gtk_expression_evaluate (expression, item, &value) && G_VALUE_HOLDS_STRING (&value))
    return g_value_dup_string (&value);
  return NULL;
}

static void
update_dropdown_name (GtkDropDown *dropdown)
{
  const char *name = g_object_get_data (G_OBJECT (dropdown), "plx-a11y-name");
  g_autofree char *selected = selected_text (dropdown);
  g_autofree char *label = NULL;

  /* Translators: a drop-down read aloud: its name, then what it shows */
  label = selected ? g_strdup_printf (_("%s: %s"), name, selected) : g_strdup (name);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE,
                                      -1);
}

/**
 * plx_a11y_name_dropdown:
 *
 * GTK 4.8's drop-down takes focus on an inner toggle button that has no
 * name of its own: a screen reader says "push button GtkToggleButton".
 * That button is named "@name: <what is selected>" from now on.
 */
void
plx_a11y_name_dropdown (GtkDropDown *dropdown,
                        const char  *name)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  g_object_set_data_full (G_OBJECT (dropdown), "plx-a11y-name", g_strdup (name), g_free);
  if (g_object_get_data (G_OBJECT (dropdown), "plx-a11y-followed") == NULL)
    {
      g_object_set_data (G_OBJECT (dropdown), "plx-a11y-followed", GINT_TO_POINTER (TRUE));
      g_signal_connect (dropdown, "notify::selected-item", G_CALLBACK (update_dropdown_name), NULL);
      g_signal_connect (dropdown, "notify::model", G_CALLBACK (update_dropdown_name), NULL);
    }
  update_dropdown_name (dropdown);
}

static void
update_menu_button_name (GtkMenuButton *button)
{
  const char *name = g_object_get_data (G_OBJECT (button), "plx-a11y-name");
  const char *shown = gtk_menu_button_get_label (button);
  g_autofree char *label = NULL;

  /* Translators: a drop-down read aloud: its name, then what it shows */
  label = shown ? g_strdup_printf (_("%s: %s"), name, shown) : g_strdup (name);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (button)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE,
                                      -1);
}

/**
 * plx_a11y_name_menu_button:
 *
 * As plx_a11y_name_dropdown(), for a menu button that shows what is
 * chosen in its label: its inner toggle button reads "@name: <label>".
 */
void
plx_a11y_name_menu_button (GtkMenuButton *button,
                           const char    *name)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));

  g_object_set_data_full (G_OBJECT (button), "plx-a11y-name", g_strdup (name), g_free);
  g_signal_connect (button, "notify::label", G_CALLBACK (update_menu_button_name), NULL);
  update_menu_button_name (button);
}

static void
update_pages (GtkWidget *stack)
{
  g_autoptr(GtkWidget) visible = NULL;

  g_object_get (stack, "visible-child", &visible, NULL);
  for (GtkWidget *child = gtk_widget_get_first_child (stack); child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, child != visible, -1);
}

/**
 * plx_a11y_follow_stack:
 * @stack: a GtkStack or an AdwViewStack
 *
 * A stack hides its other pages without making them invisible, and GTK
 * 4.8 exposes them as showing: a screen reader found the "No Document"
 * page and the whole Compare view while they were not on screen. Each
 * page but the visible one is marked hidden from now on.
 */
void
plx_a11y_follow_stack (GtkWidget *stack)
{
  g_return_if_fail (GTK_IS_WIDGET (stack));
  g_return_if_fail (g_object_class_find_property (G_OBJECT_GET_CLASS (stack), "visible-child") != NULL);

  g_signal_connect (stack, "notify::visible-child", G_CALLBACK (update_pages), NULL);
  update_pages (stack);
}

static void
update_revealer (GtkRevealer *revealer)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (revealer), GTK_ACCESSIBLE_STATE_HIDDEN,
                               !gtk_revealer_get_reveal_child (revealer), -1);
}

/* A concealed revealer is hidden from screen readers too, from the
 * moment it starts to fade out. */
void
plx_a11y_follow_revealer (GtkRevealer *revealer)
{
  g_return_if_fail (GTK_IS_REVEALER (revealer));

  g_signal_connect (revealer, "notify::reveal-child", G_CALLBACK (update_revealer), NULL);
  update_revealer (revealer);
}

/* Names the scrolled window around @child, which AT-SPI exposes as a
 * focusable scroll pane of its own. */
void
plx_a11y_name_scroller (GtkWidget  *child,
                        const char *name)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (child, GTK_TYPE_SCROLLED_WINDOW);

  g_return_if_fail (scroller != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (scroller), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

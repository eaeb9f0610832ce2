/* test-annotation-row.c: a passage card is as tall as what it shows (a
 * quote of at most four lines, themes, note and byline); it builds its
 * menu only when it is opened, for the passage it shows at that moment,
 * and drops it when the card is reused for another passage.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <string.h>

#include "plx-annotation-row.h"
#include "plx-core.h"

static void
iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static PlxAnnotation *
make_annotation (PlxDocument *document,
                 guint        start,
                 const char  *uuid)
{
  g_autoptr(GError) error = NULL;
  PlxAnnotation *annotation = plx_annotation_new_for_range (document, start, start + 5, 1, &error);

  g_assert_no_error (error);
  plx_annotation_set_uuid (annotation, uuid);
  return annotation;
}

/* The uuid every item of the open menu acts on. */
static void
assert_menu_targets (GMenuModel *menu,
                     const char *uuid)
{
  guint checked = 0;

  g_assert_nonnull (menu);
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET,
                                                                          G_VARIANT_TYPE_STRING);
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (section != NULL)
        {
          assert_menu_targets (section, uuid);
          checked++;
          continue;
        }
      g_assert_nonnull (target);
      g_assert_cmpstr (g_variant_get_string (target, NULL), ==, uuid);
      checked++;
    }
  g_assert_cmpuint (checked, >, 0);
}

/* The open menu of @button, or NULL. */
static GtkPopoverMenu *
open_menu (GtkWidget *button)
{
  for (GtkWidget *child = gtk_widget_get_first_child (button); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER_MENU (child))
      return GTK_POPOVER_MENU (child);
  return NULL;
}

static void
test_row_menu_is_built_when_opened (void)
{
  static const char text[] = "One passage here, and another one there.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxDocument) document = plx_document_new_from_data (text, sizeof text - 1, PLX_DOCUMENT_FORMAT_PLAIN,
                                                                "Test", &error);
  g_autoptr(PlxAnnotation) first = NULL;
  g_autoptr(PlxAnnotation) second = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *row = plx_annotation_row_new ();
  GtkWidget *button;
  GtkPopoverMenu *menu;

  g_assert_no_error (error);
  first = make_annotation (document, 0, "11111111-1111-4111-8111-111111111111");
  second = make_annotation (document, 20, "22222222-2222-4222-8222-222222222222");

  g_object_ref_sink (window);
  gtk_window_set_child (GTK_WINDOW (window), row);
  button = GTK_WIDGET (gtk_widget_get_template_child (row, PLX_TYPE_ANNOTATION_ROW, "menu_button"));
  plx_annotation_row_set_annotation (PLX_ANNOTATION_ROW (row), first);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  /* A card costs no menu until its button is pressed. */
  g_assert_null (open_menu (button));
  g_signal_emit_by_name (button, "clicked");
  iterate ();
  menu = open_menu (button);
  g_assert_nonnull (menu);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (menu)));
  assert_menu_targets (gtk_popover_menu_get_menu_model (menu), plx_annotation_get_uuid (first));

  /* Closed, it goes. */
  gtk_popover_popdown (GTK_POPOVER (menu));
  iterate ();
  g_assert_null (open_menu (button));

  /* A list view reuses the card for another passage: an open menu goes. */
  g_signal_emit_by_name (button, "clicked");
  iterate ();
  g_assert_nonnull (open_menu (button));
  plx_annotation_row_set_annotation (PLX_ANNOTATION_ROW (row), second);
  g_assert_null (open_menu (button));
  g_signal_emit_by_name (button, "clicked");
  iterate ();
  assert_menu_targets (gtk_popover_menu_get_menu_model (open_menu (button)), plx_annotation_get_uuid (second));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_object_unref (window);
}

static int
height_at (GtkWidget *row,
           int        width)
{
  int height;

  gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, width, &height, NULL, NULL, NULL);
  return height;
}

static void
test_row_size_follows_content (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(PlxAnnotation) short_quote = NULL;
  g_autoptr(PlxAnnotation) long_quote = NULL;
  g_autoptr(PlxAnnotation) longer_quote = NULL;
  const char *themes[] = { "arms sales", "mediation", NULL };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *row = plx_annotation_row_new ();
  int plain, with_note, tall, taller;

  for (int i = 0; i < 200; i++)
    g_string_append (text, "Армения и Азербайджан, Karabakh. ");
  document = plx_document_new_from_data (text->str, text->len, PLX_DOCUMENT_FORMAT_PLAIN, "Test", &error);
  g_assert_no_error (error);
  short_quote = plx_annotation_new_for_range (document, 0, 8, 1, &error);
  long_quote = plx_annotation_new_for_range (document, 0, 1000, 1, &error);
  longer_quote = plx_annotation_new_for_range (document, 0, 5000, 1, &error);
  g_assert_no_error (error);

  g_object_ref_sink (window);
  gtk_window_set_child (GTK_WINDOW (window), row);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  plx_annotation_row_set_annotation (PLX_ANNOTATION_ROW (row), short_quote);
  plain = height_at (row, 300);
  g_assert_cmpint (plain, >, 0);

  /* A note adds its lines; the details read as text. */
  plx_annotation_set_themes (short_quote, themes);
  plx_annotation_set_note (short_quote, "First line of the note\nand a second");
  plx_annotation_row_set_annotation (PLX_ANNOTATION_ROW (row), NULL);
  plx_annotation_row_set_annotation (PLX_ANNOTATION_ROW (row), short_quote);
  with_note = height_at (row, 300);
  g_assert_cmpint (with_note, >, plain);
  g_assert_nonnull (strstr (plx_annotation_row_get_details (PLX_ANNOTATION_ROW (row)), "arms sales"));
  g_assert_nonnull (strstr (plx_annotation_row_get_details (PLX_ANNOTATION_ROW (row)), "and a second"));

  /* A one-digit day reads "· 2 May", without the figure space GLib pads it with. */
  plx_annotation_set_author (short_quote, "Ani");
  plx_annotation_set_times (short_quote, "2025-05-02T10:30:00Z", "2025-05-02T10:30:00Z");
  plx_annotation_row_set_annotation (PLX_ANNOTATION_ROW (row), NULL);
  plx_annotation_row_set_annotation (PLX_ANNOTATION_ROW (row), short_quote);
  g_assert_nonnull (strstr (plx_annotation_row_get_details (PLX_ANNOTATION_ROW (row)), "Ani · 2 May 2025"));
  g_assert_null (strstr (plx_annotation_row_get_details (PLX_ANNOTATION_ROW (row)), "\u2007"));

  /* Where the passage is in its source comes first (issue 19), and
   * follows a change of citation on the same card. */
  plx_annotation_row_set_citation (PLX_ANNOTATION_ROW (row), "p. 12, ¶ 14");
  g_assert_nonnull (strstr (plx_annotation_row_get_details (PLX_ANNOTATION_ROW (row)), "p. 12, ¶ 14 · Ani · 2 May 2025"));
  plx_annotation_row_set_citation (PLX_ANNOTATION_ROW (row), NULL);
  g_assert_null (strstr (plx_annotation_row_get_details (PLX_ANNOTATION_ROW (row)), "p. 12"));

  /* A long quote takes four lines and no more. */
  plx_annotation_row_set_annotation (PLX_ANNOTATION_ROW (row), long_quote);
  tall = height_at (row, 300);
  plx_annotation_row_set_annotation (PLX_ANNOTATION_ROW (row), longer_quote);
  taller = height_at (row, 300);
  g_assert_cmpint (tall, >, plain);
  g_assert_cmpint (taller, ==, tall);

  /* Narrower, a short quote wraps but stays within its four lines. */
  plx_annotation_row_set_annotation (PLX_ANNOTATION_ROW (row), short_quote);
  g_assert_cmpint (height_at (row, 120), >=, with_note);
  g_assert_cmpint (height_at (row, 120), <=, height_at (row, 60));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_object_unref (window);
}

/* Issue 18, item 14: a search marks its matches on the card in any case,
 * on the text's own bytes even where folding changes the length ("ß"
 * folds to "ss"), and the marks go when the search does. */
static void
test_row_highlights_matches (void)
{
  static const char text[] = "Die Straße und die STRASSE, dann nichts.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxDocument) document = plx_document_new_from_data (text, sizeof text - 1, PLX_DOCUMENT_FORMAT_PLAIN,
                                                                "Test", &error);
  g_autoptr(PlxAnnotation) annotation = NULL;
  GtkWidget *row = plx_annotation_row_new ();
  g_autoptr(PangoAttrList) attrs = NULL;
  GSList *list;
  guint marks = 0;
  const char *quote;

  g_assert_no_error (error);
  annotation = plx_annotation_new_for_range (document, 0, 26, 1, &error);
  g_assert_no_error (error);
  g_object_ref_sink (row);
  plx_annotation_row_set_annotation (PLX_ANNOTATION_ROW (row), annotation);
  quote = plx_annotation_get_quote (annotation);
  g_assert_cmpstr (quote, ==, "Die Straße und die STRASSE");

  plx_annotation_row_set_highlight (PLX_ANNOTATION_ROW (row), "strasse");
  attrs = plx_annotation_row_dup_attributes (PLX_ANNOTATION_ROW (row), FALSE);
  list = pango_attr_list_get_attributes (attrs);
  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attribute = l->data;
      g_autofree char *marked = NULL;

      if (attribute->klass->type != PANGO_ATTR_BACKGROUND)
        continue;
      marked = g_strndup (quote + attribute->start_index, attribute->end_index - attribute->start_index);
      g_assert_cmpstr (marked, ==, marks == 0 ? "Straße" : "STRASSE");
      marks++;
    }
  g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);
  g_assert_cmpuint (marks, ==, 2);
  g_clear_pointer (&attrs, pango_attr_list_unref);

  plx_annotation_row_set_highlight (PLX_ANNOTATION_ROW (row), NULL);
  attrs = plx_annotation_row_dup_attributes (PLX_ANNOTATION_ROW (row), FALSE);
  list = pango_attr_list_get_attributes (attrs);
  for (GSList *l = list; l != NULL; l = l->next)
    g_assert_cmpint (((PangoAttribute *) l->data)->klass->type, !=, PANGO_ATTR_BACKGROUND);
  g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);
  g_object_unref (row);
}

int
main (int argc, char **argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/annotation-row/menu-built-when-opened", test_row_menu_is_built_when_opened);
  g_test_add_func ("/annotation-row/size-follows-content", test_row_size_follows_content);
  g_test_add_func ("/annotation-row/highlights-matches", test_row_highlights_matches);
  return g_test_run ();
}

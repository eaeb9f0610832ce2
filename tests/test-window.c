/* test-window.c: drives the real window through its actions and widgets.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <string.h>
#include <glib/gstdio.h>

#include "plx-application.h"
#include "plx-annotation-row.h"
#include "plx-core.h"
#include "plx-export-dialog.h"
#include "plx-highlighter.h"
#include "plx-test-gtk.h"
#include "plx-test-utils.h"
#include "plx-window.h"

/* Under AddressSanitizer: whole stacks for the allocations, so that
 * tests/lsan.supp can name GLib's first quark block by the library
 * constructor that made it (the file chooser of /window/export-dialog
 * takes the process past 2,048 quarks, where GLib drops that block on
 * purpose); the fast unwinder stops inside libglib. Unused otherwise. */
const char *__asan_default_options (void);

const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

typedef struct {
  char      *dir;
  char      *path;
  PlxWindow *window;
} Fixture;

static void
iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Documents load in a worker thread and then a slice per frame. */
static void
wait_for_document (PlxWindow *window)
{
  gint64 until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while ((plx_window_get_document (window) == NULL || plx_window_get_loading (window)) &&
         g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (plx_window_get_document (window));
  iterate ();
}

static PlxWindow *
open_window (const char *path)
{
  PlxWindow *window = plx_window_new (NULL);
  g_autoptr(GError) error = NULL;

  g_object_ref_sink (window);
  plx_window_open_project (window, path, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_document (window);
  return window;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* The memory settings backend lives as long as the process: each test
   * starts from the defaults, not from where the last one left off. */
  {
    g_autoptr(GSettings) settings = g_settings_new (PLX_APP_ID);
    g_autoptr(GSettingsSchema) schema = NULL;
    g_auto(GStrv) keys = NULL;

    g_object_get (settings, "settings-schema", &schema, NULL);
    keys = g_settings_schema_list_keys (schema);

    for (guint i = 0; keys[i] != NULL; i++)
      g_settings_reset (settings, keys[i]);
  }

  fixture->dir = plx_test_make_tempdir ();
  fixture->path = g_build_filename (fixture->dir, "test.parallax", NULL);
  plx_application_ensure_default_project (fixture->path, &error);
  g_assert_no_error (error);
  fixture->window = open_window (fixture->path);
}

static void
close_window (PlxWindow **window)
{
  gtk_window_destroy (GTK_WINDOW (*window));
  iterate ();
  g_clear_object (window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    close_window (&fixture->window);
  plx_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static PlxPerspective *
perspective_at (PlxWindow *window,
                guint      position)
{
  g_autoptr(PlxPerspective) perspective =
    g_list_model_get_item (plx_project_get_perspectives (plx_window_get_project (window)), position);
  return perspective;
}

/* Whether the character at @offset is highlighted for @perspective_id. */
static gboolean
highlighted (PlxWindow *window,
             int        offset,
             gint64     perspective_id)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (plx_window_get_text_view (window));
  g_autoptr(GSList) tags = NULL;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  tags = gtk_text_iter_get_tags (&iter);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      g_autoptr(GArray) ids = NULL;

      if (plx_highlighter_parse_tag (l->data, &ids))
        for (guint i = 0; i < ids->len; i++)
          if (g_array_index (ids, gint64, i) == perspective_id)
            return TRUE;
    }
  return FALSE;
}

static guint
rows_in_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxProject) other = plx_project_open (path, &error);
  g_autoptr(GPtrArray) annotations = NULL;

  g_assert_no_error (error);
  annotations = plx_project_list_annotations (other, NULL, &error);
  g_assert_no_error (error);
  return annotations->len;
}

static void
select_range (PlxWindow *window,
              int        start,
              int        end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (plx_window_get_text_view (window));
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, end);
  gtk_text_buffer_select_range (buffer, &a, &b);
}

static void
test_window_shows_essay (Fixture       *fixture,
                         gconstpointer  data)
{
  PlxDocument *document = plx_window_get_document (fixture->window);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (plx_window_get_text_view (fixture->window));
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  g_assert_nonnull (document);
  g_assert_true (g_str_has_prefix (plx_document_get_title (document), "Assessing Russia"));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  g_assert_cmpstr (text, ==, plx_document_get_text (document));
  g_assert_null (strstr (text, "Leave a Comment"));
  g_assert_cmpuint (g_list_model_get_n_items (plx_project_get_perspectives (plx_window_get_project (fixture->window))), ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_nonnull (plx_window_get_panel_model (fixture->window, plx_perspective_get_id (perspective_at (fixture->window, i))));
}

static void
test_window_tag_undo_redo_reopen (Fixture       *fixture,
                                  gconstpointer  data)
{
  gint64 armenian = plx_perspective_get_id (perspective_at (fixture->window, 0));
  gint64 russian = plx_perspective_get_id (perspective_at (fixture->window, 3));
  GListModel *panel = plx_window_get_panel_model (fixture->window, armenian);

  g_assert_cmpuint (g_list_model_get_n_items (panel), ==, 0);

  select_range (fixture->window, 200, 260);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.tag-selection", "i", 1);
  iterate ();

  g_assert_false (highlighted (fixture->window, 199, armenian));
  g_assert_true (highlighted (fixture->window, 200, armenian));
  g_assert_true (highlighted (fixture->window, 259, armenian));
  g_assert_false (highlighted (fixture->window, 260, armenian));
  g_assert_cmpuint (g_list_model_get_n_items (panel), ==, 1);
  g_assert_cmpuint (rows_in_file (fixture->path), ==, 1);

  /* An overlapping passage of another perspective keeps both visible. */
  select_range (fixture->window, 240, 300);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.tag-selection", "i", 4);
  iterate ();
  g_assert_true (highlighted (fixture->window, 250, armenian));
  g_assert_true (highlighted (fixture->window, 250, russian));
  g_assert_false (highlighted (fixture->window, 230, russian));
  g_assert_cmpuint (rows_in_file (fixture->path), ==, 2);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  iterate ();
  g_assert_false (highlighted (fixture->window, 200, armenian));
  g_assert_false (highlighted (fixture->window, 250, russian));
  g_assert_cmpuint (g_list_model_get_n_items (panel), ==, 0);
  g_assert_cmpuint (rows_in_file (fixture->path), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL);
  iterate ();
  g_assert_true (highlighted (fixture->window, 200, armenian));
  g_assert_cmpuint (g_list_model_get_n_items (panel), ==, 1);
  g_assert_cmpuint (rows_in_file (fixture->path), ==, 1);

  close_window (&fixture->window);
  fixture->window = open_window (fixture->path);
  panel = plx_window_get_panel_model (fixture->window, armenian);
  g_assert_cmpuint (g_list_model_get_n_items (panel), ==, 1);
  g_assert_true (highlighted (fixture->window, 200, armenian));
  g_assert_false (highlighted (fixture->window, 260, armenian));
}

static void
test_window_delete_and_undo (Fixture       *fixture,
                             gconstpointer  data)
{
  gint64 western = plx_perspective_get_id (perspective_at (fixture->window, 2));
  GListModel *panel = plx_window_get_panel_model (fixture->window, western);
  g_autoptr(PlxAnnotation) annotation = NULL;

  select_range (fixture->window, 500, 540);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.tag-selection", "i", 3);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (panel), ==, 1);
  annotation = g_list_model_get_item (panel, 0);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-annotation", "s",
                              plx_annotation_get_uuid (annotation));
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (panel), ==, 0);
  g_assert_false (highlighted (fixture->window, 510, western));
  g_assert_cmpuint (rows_in_file (fixture->path), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (panel), ==, 1);
  g_assert_true (highlighted (fixture->window, 510, western));
  g_assert_cmpuint (rows_in_file (fixture->path), ==, 1);
}

/* A search result's mark: black on yellow (theme chips have a grey
 * background of their own). */
static gboolean
is_mark (PangoAttribute *attribute)
{
  PangoColor *color = &((PangoAttrColor *) attribute)->color;

  return attribute->klass->type == PANGO_ATTR_BACKGROUND &&
         color->red == 0xf8f8 && color->green == 0xe4e4 && color->blue == 0x5c5c;
}

/* Whether @attrs mark bytes [@start, @end) as a search result. */
static gboolean
has_mark (PangoAttrList *attrs,
          guint          start,
          guint          end)
{
  GSList *list = pango_attr_list_get_attributes (attrs);
  gboolean found = FALSE;

  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attribute = l->data;

      if (is_mark (attribute) && attribute->start_index == start && attribute->end_index == end)
        found = TRUE;
    }
  g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);
  return found;
}

static gboolean
has_any_mark (PangoAttrList *attrs)
{
  GSList *list = pango_attr_list_get_attributes (attrs);
  gboolean found = FALSE;

  for (GSList *l = list; l != NULL; l = l->next)
    found |= is_mark (l->data);
  g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);
  return found;
}

/* The card on screen showing @annotation. */
static PlxAnnotationRow *
find_card (GtkWidget     *widget,
           PlxAnnotation *annotation)
{
  if (PLX_IS_ANNOTATION_ROW (widget) && gtk_widget_get_mapped (widget) &&
      plx_annotation_row_get_annotation (PLX_ANNOTATION_ROW (widget)) != NULL &&
      g_strcmp0 (plx_annotation_get_uuid (plx_annotation_row_get_annotation (PLX_ANNOTATION_ROW (widget))),
                 plx_annotation_get_uuid (annotation)) == 0)
    return PLX_ANNOTATION_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      PlxAnnotationRow *row = find_card (child, annotation);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static void
test_window_filter (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 armenian = plx_perspective_get_id (perspective_at (fixture->window, 0));
  GListModel *panel = plx_window_get_panel_model (fixture->window, armenian);
  PlxProject *project = plx_window_get_project (fixture->window);
  g_autoptr(PlxAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  const char *themes[] = { "arms sales", NULL };

  annotation = plx_annotation_new_for_range (plx_window_get_document (fixture->window), 10, 30, armenian, &error);
  g_assert_no_error (error);
  plx_annotation_set_themes (annotation, themes);
  plx_project_add_annotation (project, annotation, &error);
  g_assert_no_error (error);
  select_range (fixture->window, 400, 420);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.tag-selection", "i", 1);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (panel), ==, 2);

  {
    GtkWidget *search = GTK_WIDGET (plx_window_get_search_entry (fixture->window));

    g_assert_nonnull (search);
    gtk_editable_set_text (GTK_EDITABLE (search), "ARMS");
    g_signal_emit_by_name (search, "search-changed");
    iterate ();
    g_assert_cmpuint (g_list_model_get_n_items (panel), ==, 1);
    /* Issue 18, item 14: the card marks what was found, whatever its
     * case: here in its themes. */
    {
      PlxAnnotationRow *card = find_card (GTK_WIDGET (fixture->window), annotation);
      g_autoptr(PangoAttrList) details = NULL;
      g_autoptr(PangoAttrList) quote = NULL;
      const char *found;

      g_assert_nonnull (card);
      details = plx_annotation_row_dup_attributes (card, TRUE);
      quote = plx_annotation_row_dup_attributes (card, FALSE);
      found = strstr (plx_annotation_row_get_details (card), "arms sales");
      g_assert_nonnull (found);
      g_assert_true (has_mark (details, (guint) (found - plx_annotation_row_get_details (card)),
                               (guint) (found - plx_annotation_row_get_details (card)) + 4));
      g_assert_false (has_any_mark (quote));
    }

    /* And in its quote: a card that stays on screen marks the new words. */
    {
      const char *text = plx_annotation_get_quote (annotation);
      const char *begin = g_utf8_offset_to_pointer (text, 3);
      const char *end = g_utf8_offset_to_pointer (text, 9);
      g_autofree char *part = g_strndup (begin, (gsize) (end - begin));
      g_autofree char *upper = g_utf8_strup (part, -1);
      PlxAnnotationRow *card;
      g_autoptr(PangoAttrList) quote = NULL;

      gtk_editable_set_text (GTK_EDITABLE (search), upper);
      g_signal_emit_by_name (search, "search-changed");
      iterate ();
      card = find_card (GTK_WIDGET (fixture->window), annotation);
      g_assert_nonnull (card);
      quote = plx_annotation_row_dup_attributes (card, FALSE);
      g_assert_true (has_mark (quote, (guint) (begin - text), (guint) (end - text)));
    }

    gtk_editable_set_text (GTK_EDITABLE (search), "");
    g_signal_emit_by_name (search, "search-changed");
    iterate ();
    g_assert_cmpuint (g_list_model_get_n_items (panel), ==, 2);
    {
      PlxAnnotationRow *card = find_card (GTK_WIDGET (fixture->window), annotation);
      g_autoptr(PangoAttrList) quote = NULL;
      g_autoptr(PangoAttrList) details = NULL;

      g_assert_nonnull (card);
      quote = plx_annotation_row_dup_attributes (card, FALSE);
      details = plx_annotation_row_dup_attributes (card, TRUE);
      g_assert_false (has_any_mark (quote));
      g_assert_false (has_any_mark (details));
    }
  }
}

static void
run_frames (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static int
top_offset (PlxWindow *window)
{
  GtkTextView *view = plx_window_get_text_view (window);
  GdkRectangle visible;
  GtkTextIter iter;

  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_at_location (view, &iter, visible.x, visible.y);
  return gtk_text_iter_get_offset (&iter);
}

/* Closing and reopening shows the same document at the same place, in a
 * window of the same size. */
static void
test_window_restores_state (Fixture       *fixture,
                            gconstpointer  data)
{
  gint64 russian = plx_perspective_get_id (perspective_at (fixture->window, 3));
  GListModel *panel = plx_window_get_panel_model (fixture->window, russian);
  g_autoptr(PlxAnnotation) annotation = NULL;
  int before, after, width, height;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  select_range (fixture->window, 25000, 25040);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.tag-selection", "i", 4);
  annotation = g_list_model_get_item (panel, 0);
  select_range (fixture->window, 0, 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.reveal-annotation", "s",
                              plx_annotation_get_uuid (annotation));
  for (int i = 0; i < 200 && top_offset (fixture->window) < 20000; i++)
    run_frames (50);
  run_frames (500);
  before = top_offset (fixture->window);
  g_assert_cmpint (before, >, 20000);

  gtk_window_close (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  iterate ();

  fixture->window = open_window (fixture->path);
  for (int i = 0; i < 200 && ABS (top_offset (fixture->window) - before) >= 200; i++)
    run_frames (50);
  after = top_offset (fixture->window);
  g_assert_cmpint (ABS (after - before), <, 200);
  gtk_window_get_default_size (GTK_WINDOW (fixture->window), &width, &height);
  g_assert_cmpint (width, ==, 1200);
  g_assert_cmpint (height, ==, 800);
}

/* Waits, frame by frame, for the window to reach the wanted layout; the
 * machine may be busy, so the limit is generous. */
static gboolean
wait_for_compact (PlxWindow *window,
                  gboolean   compact)
{
  for (int i = 0; i < 100 && plx_window_get_compact (window) != compact; i++)
    run_frames (50);
  return plx_window_get_compact (window) == compact;
}

static void
test_window_adapts_to_width (Fixture       *fixture,
                             gconstpointer  data)
{
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1600, 1000);
  g_assert_true (wait_for_compact (fixture->window, FALSE));

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 700);
  g_assert_true (wait_for_compact (fixture->window, TRUE));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 900);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1600, 1000);
  g_assert_true (wait_for_compact (fixture->window, FALSE));
}

/* Another writer (parallax-cli, another window) changes the project: the
 * window shows it without a restart. */
static void
test_window_follows_other_writers (Fixture       *fixture,
                                   gconstpointer  data)
{
  gint64 western = plx_perspective_get_id (perspective_at (fixture->window, 2));
  GListModel *panel = plx_window_get_panel_model (fixture->window, western);
  g_autoptr(PlxProject) other = NULL;
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(PlxAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;

  other = plx_project_open (fixture->path, &error);
  g_assert_no_error (error);
  document = plx_project_load_document (other, plx_document_get_id (plx_window_get_document (fixture->window)), &error);
  g_assert_no_error (error);
  annotation = plx_annotation_new_for_range (document, 300, 330, western, &error);
  g_assert_no_error (error);
  plx_project_add_annotation (other, annotation, &error);
  g_assert_no_error (error);
  plx_project_rename_perspective (other, western, "Западный", &error);
  g_assert_no_error (error);

  for (int i = 0; i < 100 && g_strcmp0 (plx_perspective_get_name (perspective_at (fixture->window, 2)), "Западный") != 0; i++)
    run_frames (50);
  run_frames (200);
  g_assert_cmpstr (plx_perspective_get_name (perspective_at (fixture->window, 2)), ==, "Западный");
  panel = plx_window_get_panel_model (fixture->window, western);
  g_assert_cmpuint (g_list_model_get_n_items (panel), ==, 1);
  g_assert_true (highlighted (fixture->window, 310, western));

  /* And the window's own changes reach the other connection. */
  select_range (fixture->window, 400, 420);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.tag-selection", "i", 3);
  g_assert_cmpuint (rows_in_file (fixture->path), ==, 2);
}

static void
added_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      data)
{
  GError **error = data;

  g_assert_false (plx_window_add_document_file_finish (PLX_WINDOW (object), result, error));
}

static void
test_window_bad_document (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *bad = g_build_filename (fixture->dir, "latin1.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (bad);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autofree char *before = plx_test_file_checksum (fixture->path);
  g_autofree char *after = NULL;
  PlxDocument *shown = plx_window_get_document (fixture->window);

  g_file_set_contents (bad, "caf\xe9 au lait", -1, &error);
  g_assert_no_error (error);

  plx_window_add_document_file_async (fixture->window, file, NULL, added_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, PLX_ERROR, (int) PLX_ERROR_INVALID_DOCUMENT);
  g_assert_nonnull (strstr (error->message, "byte offset 3"));
  g_assert_nonnull (strstr (error->message, "latin1.txt"));
  g_assert_true (plx_window_get_document (fixture->window) == shown);

  documents = plx_project_list_documents (plx_window_get_project (fixture->window), NULL);
  g_assert_cmpuint (documents->len, ==, 1);
  after = plx_test_file_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

/* Writes @contents to @name, adds it to the project through the window and
 * waits until the window shows it. */
static void
add_document (Fixture    *fixture,
              const char *name,
              const char *contents)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gint64 shown = plx_document_get_id (plx_window_get_document (fixture->window));

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  plx_window_add_document_file_async (fixture->window, file, NULL, NULL, NULL);
  for (int i = 0; i < 600 && (plx_window_get_document (fixture->window) == NULL ||
                              plx_document_get_id (plx_window_get_document (fixture->window)) == shown ||
                              plx_window_get_loading (fixture->window)); i++)
    run_frames (50);
  g_assert_cmpint (plx_document_get_id (plx_window_get_document (fixture->window)), !=, shown);
}

/* A Markdown file is added, opened in the window, and the switcher then
 * goes back to the essay. */
static void
test_window_add_and_switch_documents (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 essay_id = plx_document_get_id (plx_window_get_document (fixture->window));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (plx_window_get_text_view (fixture->window));
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  add_document (fixture, "notes.md", "# Заметки\n\nԵրևան, Bakı, Москва.\n");

  g_assert_cmpstr (plx_document_get_title (plx_window_get_document (fixture->window)), ==, "Заметки");
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  g_assert_cmpstr (text, ==, "Заметки\nԵրևան, Bakı, Москва.");

  plx_window_show_document (fixture->window, essay_id);
  wait_for_document (fixture->window);
  g_assert_cmpint (plx_document_get_id (plx_window_get_document (fixture->window)), ==, essay_id);

  /* Adding a document is undone like any other change, and redone. */
  {
    g_autoptr(GPtrArray) documents = NULL;

    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
    wait_for_document (fixture->window);
    documents = plx_project_list_documents (plx_window_get_project (fixture->window), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (documents->len, ==, 1);
    g_assert_cmpint (plx_document_get_id (plx_window_get_document (fixture->window)), ==, essay_id);
    g_clear_pointer (&documents, g_ptr_array_unref);

    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL);
    documents = plx_project_list_documents (plx_window_get_project (fixture->window), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (documents->len, ==, 2);
    g_assert_cmpstr (plx_document_get_title (g_ptr_array_index (documents, 1)), ==, "Заметки");
  }
}

/* Lines that follow each other take one stretch of the paragraph tag
 * (a tag per line cost 4 MB on a book); every line of text still has it,
 * and a blank line between paragraphs does not. */
static void
test_window_paragraph_runs (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (plx_window_get_text_view (fixture->window));
  GtkTextTag *paragraph = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "paragraph");
  GtkTextIter iter;
  guint toggles = 0;

  add_document (fixture, "verses.txt", "Ge1:1 In the beginning.\nGe1:2 And the earth.\nGe1:3 Light.\n\nЕрևան, Bakı, Москва.\n");
  g_assert_cmpint (gtk_text_buffer_get_line_count (buffer), >=, 5);

  for (int line = 0; line < 5; line++)
    {
      gtk_text_buffer_get_iter_at_line (buffer, &iter, line);
      g_assert_cmpint (gtk_text_iter_has_tag (&iter, paragraph), ==, line != 3);
    }

  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (gtk_text_iter_forward_to_tag_toggle (&iter, paragraph))
    toggles++;
  /* On at the first verse, off after the third, on and off around the
   * last line (the start of the buffer is not a toggle the search finds). */
  g_assert_cmpuint (toggles, ==, 3);
}

/* Cancelling a load leaves the window without a document (not half of
 * one, nor a busy bar that never goes), and the next load works. */
static void
test_window_cancel_load (Fixture       *fixture,
                         gconstpointer  data)
{
  gint64 essay_id = plx_document_get_id (plx_window_get_document (fixture->window));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (plx_window_get_text_view (fixture->window));

  plx_window_show_document (fixture->window, essay_id);
  g_assert_true (plx_window_get_loading (fixture->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.cancel-busy", NULL));
  for (int i = 0; i < 100 && plx_window_get_loading (fixture->window); i++)
    run_frames (50);

  g_assert_false (plx_window_get_loading (fixture->window));
  g_assert_null (plx_window_get_document (fixture->window));
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, 0);
  g_assert_false (plx_test_busy_bar_shown (fixture->window));

  plx_window_show_document (fixture->window, essay_id);
  wait_for_document (fixture->window);
  g_assert_cmpint (plx_document_get_id (plx_window_get_document (fixture->window)), ==, essay_id);
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), >, 1000);
}

static GAsyncResult *
open_project_in_worker (const char *path)
{
  GAsyncResult *result = NULL;

  plx_project_open_async (path, 0, NULL, plx_test_keep_result, &result);
  plx_test_wait_for_result (&result);
  return result;
}

/* At start-up the project is opened and its document read while GTK
 * starts; the window shows that it is opening, then the document, with
 * no second parse. Cancelled, it is left without a project; a file that
 * is not a project is refused with the usual message. */
static void
test_window_opening (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(PlxWindow) window = g_object_ref_sink (plx_window_new (NULL));
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *not_a_project = g_build_filename (fixture->dir, "notes.parallax", NULL);
  PlxDocument *shown = plx_window_get_document (fixture->window);
  AdwMessageDialog *message;

  plx_window_show_opening (window, fixture->path);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (plx_test_busy_bar_shown (window));
  result = open_project_in_worker (fixture->path);
  plx_window_finish_opening (window, fixture->path, result);
  g_clear_object (&result);
  g_assert_true (plx_window_get_loading (window));
  wait_for_document (window);
  g_assert_cmpstr (plx_project_get_path (plx_window_get_project (window)), ==, fixture->path);
  g_assert_cmpint (plx_document_get_id (plx_window_get_document (window)), ==, plx_document_get_id (shown));
  g_assert_cmpint (gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (plx_window_get_text_view (window))), ==,
                   g_utf8_strlen (plx_document_get_text (shown), -1));
  g_assert_false (plx_test_busy_bar_shown (window));
  close_window (&window);

  window = g_object_ref_sink (plx_window_new (NULL));
  plx_window_show_opening (window, fixture->path);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-busy", NULL));
  result = open_project_in_worker (fixture->path);
  plx_window_finish_opening (window, fixture->path, result);
  g_clear_object (&result);
  run_frames (50);
  g_assert_null (plx_window_get_project (window));
  g_assert_false (plx_window_get_loading (window));
  g_assert_false (plx_test_busy_bar_shown (window));
  close_window (&window);

  g_assert_true (g_file_set_contents (not_a_project, "Հայաստան, Azərbaycan, Россия\n", -1, NULL));
  window = g_object_ref_sink (plx_window_new (NULL));
  plx_window_show_opening (window, not_a_project);
  gtk_window_present (GTK_WINDOW (window));
  result = open_project_in_worker (not_a_project);
  plx_window_finish_opening (window, not_a_project, result);
  iterate ();
  g_assert_null (plx_window_get_project (window));
  g_assert_false (plx_test_busy_bar_shown (window));
  message = plx_test_message_over (window);
  g_assert_nonnull (message);
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Could Not Open the Project");
  gtk_window_destroy (GTK_WINDOW (message));
  close_window (&window);
}

/* The widgets of @type inside @widget, in the order they are shown. */
static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static GtkWidget *
nth_widget (GtkWidget *widget,
            GType      type,
            guint      n)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (widget, type, found);
  g_assert_cmpuint (found->len, >, n);
  return g_ptr_array_index (found, n);
}

/* Several files at once (the file chooser's selection, or a drop): each
 * good one is added, the last is shown, and the refusals are told in one
 * message naming each file. */
static void
test_window_add_several_documents (Fixture       *fixture,
                                   gconstpointer  data)
{
  const char *names[] = { "one.md", "latin1.txt", "two.txt" };
  const char *contents[] = { "# One\n\nThe first text.", "caf\xe9 au lait", "The second text." };
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GPtrArray) documents = NULL;
  AdwMessageDialog *message = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      g_file_set_contents (path, contents[i], -1, &error);
      g_assert_no_error (error);
      g_list_store_append (files, file);
    }
  plx_window_add_document_files (fixture->window, G_LIST_MODEL (files));
  for (int i = 0; i < 600 && (message = plx_test_message_over (fixture->window)) == NULL; i++)
    run_frames (50);
  g_assert_nonnull (message);
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Could Not Add 1 Document");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "latin1.txt"));
  g_assert_null (strstr (adw_message_dialog_get_body (message), "two.txt"));
  gtk_window_destroy (GTK_WINDOW (message));

  documents = plx_project_list_documents (plx_window_get_project (fixture->window), NULL);
  g_assert_cmpuint (documents->len, ==, 3);
  for (int i = 0; i < 200 && plx_window_get_loading (fixture->window); i++)
    run_frames (50);
  g_assert_cmpstr (plx_document_get_title (plx_window_get_document (fixture->window)), ==, "two");
}

/* Exports through the Export dialog with @format and @scope (rows of its
 * combo rows) into @name in the fixture's folder, checking the name the
 * file chooser offers ends in @extension; returns the file's contents. */
static char *
export_through_dialogs (Fixture    *fixture,
                        guint       format,
                        guint       scope,
                        const char *extension,
                        gboolean    text_expected)
{
  g_autofree char *path = NULL;
  g_autofree char *offered = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkFileChooser *chooser = NULL;
  GtkCheckButton *text;
  char *contents = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export", NULL));
  dialog = plx_test_message_over (fixture->window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Export Annotations");
  text = GTK_CHECK_BUTTON (nth_widget (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, 0));
  adw_combo_row_set_selected (ADW_COMBO_ROW (nth_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, 0)), format);
  adw_combo_row_set_selected (ADW_COMBO_ROW (nth_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, 1)), scope);
  /* The text goes along by default with a whole project, and only the
   * native format (row 0) can carry it. */
  g_assert_cmpint (gtk_check_button_get_active (text), ==, scope == 1);
  g_assert_cmpint (gtk_widget_is_sensitive (GTK_WIDGET (text)), ==, format == 0);
  adw_message_dialog_response (dialog, "choose");
  gtk_window_destroy (GTK_WINDOW (dialog));

  for (int i = 0; i < 100 && (chooser = plx_test_file_chooser_over (fixture->window)) == NULL; i++)
    run_frames (20);
  g_assert_nonnull (chooser);
  offered = gtk_file_chooser_get_current_name (chooser);
  g_assert_true (g_str_has_suffix (offered, extension));
  /* It opens beside the project. */
  path = g_build_filename (fixture->dir, offered, NULL);
  run_frames (300);
  file = gtk_file_chooser_get_file (chooser);
  g_assert_cmpstr (g_file_peek_path (file), ==, path);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  for (int i = 0; i < 250 && (!g_file_test (path, G_FILE_TEST_EXISTS) || plx_test_busy_bar_shown (fixture->window)); i++)
    run_frames (20);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  /* The native format's documents carry "source", the text, or not. */
  if (format == 0)
    g_assert_cmpint (strstr (contents, "\"source\"") != NULL, ==, text_expected);
  return contents;
}

/* Issue 18, items 3 and 6: the file name offered follows the format, and
 * a whole project is exported with its text (so that it can be imported
 * into another project) unless the user says otherwise. */
static void
test_window_export_dialog (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *csv = NULL;
  g_autofree char *w3c = NULL;
  g_autofree char *native = NULL;
  g_autofree char *project = NULL;

  select_range (fixture->window, 200, 260);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.tag-selection", "i", 1);

  /* Cancelled, it asks for no file and exports nothing. */
  {
    AdwMessageDialog *dialog;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export", NULL));
    dialog = plx_test_message_over (fixture->window);
    g_assert_true (PLX_IS_EXPORT_DIALOG (dialog));
    adw_message_dialog_response (dialog, "cancel");
    gtk_window_destroy (GTK_WINDOW (dialog));
    run_frames (20);
    g_assert_null (plx_test_message_over (fixture->window));
    g_assert_null (plx_test_file_chooser_over (fixture->window));
    g_assert_false (plx_test_busy_bar_shown (fixture->window));
  }

  csv = export_through_dialogs (fixture, 2, 0, ".csv", FALSE);
  g_assert_false (g_str_has_prefix (csv, "{"));
  g_assert_nonnull (strstr (csv, "\n"));
  w3c = export_through_dialogs (fixture, 1, 0, ".jsonld", FALSE);
  g_assert_nonnull (strstr (w3c, "http://www.w3.org/ns/anno.jsonld"));
  native = export_through_dialogs (fixture, 0, 0, ".json", FALSE);
  g_assert_true (g_str_has_prefix (native, "{"));
  project = export_through_dialogs (fixture, 0, 1, "test.json", TRUE);

  /* Which brings the passage into a project without the essay. */
  {
    g_autofree char *other_path = g_build_filename (fixture->dir, "other.parallax", NULL);
    g_autofree char *export_path = g_build_filename (fixture->dir, "test.json", NULL);
    g_autoptr(GFile) export_file = g_file_new_for_path (export_path);
    g_autoptr(PlxProject) other = NULL;
    g_autoptr(PlxImportReport) report = NULL;
    g_autoptr(GError) error = NULL;

    other = plx_project_create (other_path, &error);
    g_assert_no_error (error);
    report = plx_import_file (other, export_file, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (report->added, ==, 1);
    g_assert_cmpuint (rows_in_file (other_path), ==, 1);
  }
}

/* Issue 18, item 4: a document with a long title neither makes the window
 * wide (the switcher shortens it) nor moves the header when documents are
 * switched. */
static void
test_window_long_title (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *switcher = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->window), PLX_TYPE_WINDOW, "document_dropdown"));
  gint64 essay_id = plx_document_get_id (plx_window_get_document (fixture->window));
  g_autoptr(GString) markdown = g_string_new ("# A very long title");
  int before_min, after_min, essay_width, long_width, nat;

  gtk_widget_measure (GTK_WIDGET (fixture->window), GTK_ORIENTATION_HORIZONTAL, -1, &before_min, &nat, NULL, NULL);
  for (int i = 0; i < 12; i++)
    g_string_append (markdown, ", which goes on and on");
  g_string_append (markdown, "\n\nText.\n");
  add_document (fixture, "long.md", markdown->str);
  run_frames (100);
  g_assert_true (gtk_widget_get_visible (switcher));
  g_assert_cmpint (strlen (plx_document_get_title (plx_window_get_document (fixture->window))), >, 200);

  gtk_widget_measure (GTK_WIDGET (fixture->window), GTK_ORIENTATION_HORIZONTAL, -1, &after_min, &nat, NULL, NULL);
  g_assert_cmpint (after_min, <=, 800);
  g_assert_cmpint (after_min, <=, before_min + 300);
  long_width = gtk_widget_get_width (switcher);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (switcher), ==, plx_document_get_title (plx_window_get_document (fixture->window)));

  plx_window_show_document (fixture->window, essay_id);
  wait_for_document (fixture->window);
  run_frames (100);
  essay_width = gtk_widget_get_width (switcher);
  g_assert_cmpint (essay_width, ==, long_width);
}

static void
keep_error_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      data)
{
  GError **error = data;

  if (plx_window_add_document_file_finish (PLX_WINDOW (object), result, error))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "added");
}

/* Issue 18, item 14: adding a file whose text the project has already
 * asks first; cancelled, nothing is added; confirmed, it is. */
static void
test_window_same_text_twice (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (copy);
  PlxProject *project = plx_window_get_project (fixture->window);
  AdwMessageDialog *dialog = NULL;
  const char *responses[] = { "cancel", "add" };

  add_document (fixture, "notes.md", "# Заметки\n\nЕрևան, Bakı, Москва.\n");
  g_assert_true (g_file_set_contents (copy, "# Заметки\n\nЕрևան, Bakı, Москва.\n", -1, NULL));

  for (guint r = 0; r < G_N_ELEMENTS (responses); r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) documents = NULL;

      plx_window_add_document_file_async (fixture->window, file, NULL, keep_error_cb, &error);
      for (int i = 0; i < 300 && (dialog = plx_test_message_over (fixture->window)) == NULL; i++)
        run_frames (20);
      g_assert_nonnull (dialog);
      g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Add the Same Text Again?");
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“Заметки”"));
      adw_message_dialog_response (dialog, responses[r]);
      gtk_window_destroy (GTK_WINDOW (dialog));
      for (int i = 0; i < 300 && error == NULL; i++)
        run_frames (20);
      documents = plx_project_list_documents (project, NULL);
      if (r == 0)
        {
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
          g_assert_cmpuint (documents->len, ==, 2);
        }
      else
        {
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
          g_assert_cmpuint (documents->len, ==, 3);
        }
    }
}

static GtkCheckButton *
theme_check (PlxWindow  *window,
             const char *label)
{
  GtkWidget *box = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), PLX_TYPE_WINDOW, "theme_box"));

  for (GtkWidget *check = gtk_widget_get_first_child (box); check != NULL; check = gtk_widget_get_next_sibling (check))
    if (g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (check)), label) == 0)
      return GTK_CHECK_BUTTON (check);
  return NULL;
}

/* Issue 18, item 14: the theme filter takes several themes at once (a
 * passage with any of them shows), and "All Themes" lets go of them. */
static void
test_window_several_themes (Fixture       *fixture,
                            gconstpointer  data)
{
  gint64 armenian = plx_perspective_get_id (perspective_at (fixture->window, 0));
  GListModel *panel = plx_window_get_panel_model (fixture->window, armenian);
  PlxProject *project = plx_window_get_project (fixture->window);
  GtkMenuButton *button = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (fixture->window), PLX_TYPE_WINDOW, "theme_button"));
  const char *themes[][2] = { { "war", NULL }, { "oil", NULL }, { "peace", NULL } };

  for (guint i = 0; i < G_N_ELEMENTS (themes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PlxAnnotation) annotation = plx_annotation_new_for_range (plx_window_get_document (fixture->window),
                                                                          100 * i, 100 * i + 20, armenian, &error);

      g_assert_no_error (error);
      plx_annotation_set_themes (annotation, themes[i]);
      g_assert_true (plx_project_add_annotation (project, annotation, &error));
    }
  for (int i = 0; i < 100 && theme_check (fixture->window, "peace") == NULL; i++)
    run_frames (20);
  g_assert_cmpuint (g_list_model_get_n_items (panel), ==, 3);
  g_assert_true (gtk_check_button_get_active (theme_check (fixture->window, "All Themes")));

  gtk_check_button_set_active (theme_check (fixture->window, "war"), TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (panel), ==, 1);
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "war");
  g_assert_false (gtk_check_button_get_active (theme_check (fixture->window, "All Themes")));
  gtk_check_button_set_active (theme_check (fixture->window, "oil"), TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (panel), ==, 2);
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "2 themes");

  /* Kept when the list is refreshed after another change. */
  select_range (fixture->window, 900, 920);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.tag-selection", "i", 1);
  run_frames (600);
  g_assert_true (gtk_check_button_get_active (theme_check (fixture->window, "oil")));
  g_assert_cmpuint (g_list_model_get_n_items (panel), ==, 2);

  gtk_check_button_set_active (theme_check (fixture->window, "All Themes"), TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (panel), ==, 4);
  g_assert_false (gtk_check_button_get_active (theme_check (fixture->window, "war")));
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "All Themes");
}

int
main (int argc, char **argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/window/shows-essay", Fixture, NULL, fixture_set_up, test_window_shows_essay, fixture_tear_down);
  g_test_add ("/window/tag-undo-redo-reopen", Fixture, NULL, fixture_set_up, test_window_tag_undo_redo_reopen, fixture_tear_down);
  g_test_add ("/window/delete-and-undo", Fixture, NULL, fixture_set_up, test_window_delete_and_undo, fixture_tear_down);
  g_test_add ("/window/filter", Fixture, NULL, fixture_set_up, test_window_filter, fixture_tear_down);
  g_test_add ("/window/restores-state", Fixture, NULL, fixture_set_up, test_window_restores_state, fixture_tear_down);
  g_test_add ("/window/adapts-to-width", Fixture, NULL, fixture_set_up, test_window_adapts_to_width, fixture_tear_down);
  g_test_add ("/window/follows-other-writers", Fixture, NULL, fixture_set_up, test_window_follows_other_writers, fixture_tear_down);
  g_test_add ("/window/add-several-documents", Fixture, NULL, fixture_set_up, test_window_add_several_documents, fixture_tear_down);
  g_test_add ("/window/add-and-switch-documents", Fixture, NULL, fixture_set_up, test_window_add_and_switch_documents, fixture_tear_down);
  g_test_add ("/window/bad-document", Fixture, NULL, fixture_set_up, test_window_bad_document, fixture_tear_down);
  g_test_add ("/window/cancel-load", Fixture, NULL, fixture_set_up, test_window_cancel_load, fixture_tear_down);
  g_test_add ("/window/paragraph-runs", Fixture, NULL, fixture_set_up, test_window_paragraph_runs, fixture_tear_down);
  g_test_add ("/window/opening", Fixture, NULL, fixture_set_up, test_window_opening, fixture_tear_down);
  g_test_add ("/window/long-title", Fixture, NULL, fixture_set_up, test_window_long_title, fixture_tear_down);
  g_test_add ("/window/same-text-twice", Fixture, NULL, fixture_set_up, test_window_same_text_twice, fixture_tear_down);
  g_test_add ("/window/several-themes", Fixture, NULL, fixture_set_up, test_window_several_themes, fixture_tear_down);
  g_test_add ("/window/export-dialog", Fixture, NULL, fixture_set_up, test_window_export_dialog, fixture_tear_down);
  return g_test_run ();
}

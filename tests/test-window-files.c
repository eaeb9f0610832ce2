/* test-window-files.c: the project and its documents as files: Save a
 * Copy, the log folded into the file when the window lets go, a
 * document's info edited, a document removed and brought back.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <string.h>

#include "plx-core.h"
#include "plx-document-info-dialog.h"
#include "plx-pdf-preview-dialog.h"
#include "plx-source-fixtures.h"
#include "plx-test-gtk.h"
#include "plx-test-utils.h"
#include "plx-window.h"

/* Under AddressSanitizer: whole stacks for the allocations, so that
 * tests/lsan.supp can name GLib's first quark block by the library
 * constructor that made it (Save a Copy's file chooser takes the process
 * past 2,048 quarks, where GLib drops that block on purpose), as
 * test-window.c does. Unused otherwise. */
const char *__asan_default_options (void);

const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

typedef PlxTestWindowFixture Fixture;

/* Tags the document's first @length characters in the window's project,
 * as another part of the app would: the change waits in SQLite's log. */
static void
tag_start (PlxWindow *window,
           guint      length)
{
  PlxProject *project = plx_window_get_project (window);
  PlxPerspective *perspective = g_list_model_get_item (plx_project_get_perspectives (project), 0);
  g_autoptr(PlxAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;

  annotation = plx_annotation_new_for_range (plx_window_get_document (window), 0, length,
                                             plx_perspective_get_id (perspective), &error);
  g_assert_no_error (error);
  g_assert_true (plx_project_add_annotation (project, annotation, &error));
  g_assert_no_error (error);
  g_object_unref (perspective);
}

/* Save a Copy… offers a name beside the project, writes the whole project
 * there in the background, and leaves the project as it was. */
static void
test_save_copy (void)
{
  Fixture fixture = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *offered = NULL;
  g_autoptr(GFile) file = NULL;
  GtkFileChooser *chooser = NULL;

  plx_test_window_open (&fixture, 1200, 800);
  tag_start (fixture.window, 12);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.save-copy", NULL));
  for (int i = 0; i < 100 && (chooser = plx_test_file_chooser_over (fixture.window)) == NULL; i++)
    plx_test_run_frames (20);
  g_assert_nonnull (chooser);
  offered = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (offered, ==, "test (copy).parallax");
  path = g_build_filename (fixture.dir, offered, NULL);
  plx_test_run_frames (300);
  file = gtk_file_chooser_get_file (chooser);
  g_assert_cmpstr (g_file_peek_path (file), ==, path);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  for (int i = 0; i < 250 && (!g_file_test (path, G_FILE_TEST_EXISTS) || plx_test_busy_bar_shown (fixture.window)); i++)
    plx_test_run_frames (20);
  g_assert_false (plx_test_busy_bar_shown (fixture.window));
  g_assert_null (plx_test_message_over (fixture.window));
  g_assert_cmpuint (plx_test_count_in_file_alone (path), ==, 1);
  /* The window goes on with its own project. */
  g_assert_cmpstr (plx_project_get_path (plx_window_get_project (fixture.window)), ==, fixture.path);
  plx_test_window_close (&fixture);
}

/* While open, the last changes wait in the log beside the file; once the
 * window lets go of the project, the file alone holds them, though the
 * connection lives on (here, held by the test; in the app, by a worker). */
static void
test_close_folds_log (void)
{
  Fixture fixture = { 0 };
  g_autoptr(PlxProject) kept = NULL;

  plx_test_window_open (&fixture, 1200, 800);
  kept = g_object_ref (plx_window_get_project (fixture.window));
  tag_start (fixture.window, 12);
  g_assert_cmpuint (plx_test_count_in_file_alone (fixture.path), ==, 0);

  gtk_widget_set_visible (GTK_WIDGET (fixture.window), FALSE);
  plx_test_run_frames (600);
  gtk_window_destroy (GTK_WINDOW (fixture.window));
  plx_test_iterate ();
  g_clear_object (&fixture.window);
  g_assert_cmpuint (plx_test_count_in_file_alone (fixture.path), ==, 1);
  g_clear_object (&kept);
  plx_test_remove_tree (fixture.dir);
  g_free (fixture.dir);
  g_free (fixture.path);
}

static GtkEditable *
info_row (AdwMessageDialog *dialog,
          const char       *name)
{
  GObject *row = gtk_widget_get_template_child (GTK_WIDGET (dialog), PLX_TYPE_DOCUMENT_INFO_DIALOG, name);

  g_assert_nonnull (row);
  return GTK_EDITABLE (row);
}

/* Document Info… (Alt+Return) edits the title and what is known of the
 * document as one undoable step; the window's title and the switcher
 * follow at once, and a blank title cannot be saved. */
static void
test_document_info (void)
{
  Fixture fixture = { 0 };
  PlxProject *project;
  AdwMessageDialog *dialog = NULL;
  g_autoptr(PlxDocument) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  plx_test_window_open (&fixture, 1200, 800);
  project = plx_window_get_project (fixture.window);
  id = plx_document_get_id (plx_window_get_document (fixture.window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.document-info", NULL));
  for (int i = 0; i < 50 && (dialog = plx_test_message_over (fixture.window)) == NULL; i++)
    plx_test_run_frames (20);
  g_assert_true (PLX_IS_DOCUMENT_INFO_DIALOG (dialog));
  g_assert_cmpstr (gtk_editable_get_text (info_row (dialog, "title_row")), ==,
                   plx_document_get_title (plx_window_get_document (fixture.window)));

  gtk_editable_set_text (info_row (dialog, "title_row"), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (info_row (dialog, "title_row"), " Russia’s role, revised ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (info_row (dialog, "author_row"), "Ani Hakobyan");
  gtk_editable_set_text (info_row (dialog, "date_row"), "2013-05-01");
  adw_message_dialog_response (dialog, "save");
  plx_test_run_frames (100);

  stored = plx_project_load_document (project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plx_document_get_title (stored), ==, "Russia’s role, revised");
  g_assert_cmpstr (plx_document_get_meta (stored, PLX_DOCUMENT_META_AUTHOR), ==, "Ani Hakobyan");
  g_assert_cmpstr (plx_document_get_meta (stored, PLX_DOCUMENT_META_DATE), ==, "2013-05-01");
  g_assert_cmpstr (plx_document_get_title (plx_window_get_document (fixture.window)), ==, "Russia’s role, revised");
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (fixture.window)), "Russia’s role, revised"));

  /* One step back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.undo", NULL));
  plx_test_run_frames (100);
  g_clear_object (&stored);
  stored = plx_project_load_document (project, id, &error);
  g_assert_cmpstr (plx_document_get_meta (stored, PLX_DOCUMENT_META_AUTHOR), ==, "");
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (fixture.window)), "revised"));
  plx_test_window_close (&fixture);
}

static GtkEditable *
find_entry_row (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_ENTRY_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return GTK_EDITABLE (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkEditable *found = find_entry_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
value_of (PlxProject *project,
          gint64      document_id,
          const char *attribute)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) attributes = plx_project_list_attributes (project, &error);
  g_autoptr(GPtrArray) values = plx_project_list_values (project, document_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < values->len; i++)
    if (plx_attributes_lookup (attributes, plx_document_value_get_attribute_uuid (g_ptr_array_index (values, i))) ==
        plx_attributes_lookup (attributes, attribute))
      return g_strdup (plx_document_value_get_value (g_ptr_array_index (values, i)));
  return NULL;
}

/* The project's attributes are rows of Document Info: a value of the
 * wrong type is marked where it is typed and cannot be saved; saved, the
 * values go with the title as one step back. */
static void
test_document_info_attributes (void)
{
  Fixture fixture = { 0 };
  PlxProject *project;
  AdwMessageDialog *dialog = NULL;
  g_autoptr(PlxChangeSet) outlet = NULL;
  g_autoptr(PlxChangeSet) published = NULL;
  g_autoptr(GError) error = NULL;
  GtkEditable *outlet_row, *published_row;
  g_autofree char *value = NULL;
  gint64 id;

  plx_test_window_open (&fixture, 1200, 800);
  project = plx_window_get_project (fixture.window);
  id = plx_document_get_id (plx_window_get_document (fixture.window));
  outlet = plx_attribute_changes_define (project, "outlet", PLX_ATTRIBUTE_CATEGORY, &error);
  g_assert_true (plx_project_apply (project, outlet, &error));
  published = plx_attribute_changes_define (project, "published", PLX_ATTRIBUTE_DATE, &error);
  g_assert_true (plx_project_apply (project, published, &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.document-info", NULL));
  for (int i = 0; i < 50 && (dialog = plx_test_message_over (fixture.window)) == NULL; i++)
    plx_test_run_frames (20);
  g_assert_true (PLX_IS_DOCUMENT_INFO_DIALOG (dialog));
  outlet_row = find_entry_row (GTK_WIDGET (dialog), "outlet");
  published_row = find_entry_row (GTK_WIDGET (dialog), "published");
  g_assert_nonnull (outlet_row);
  g_assert_nonnull (published_row);
  g_assert_cmpstr (gtk_editable_get_text (published_row), ==, "");

  gtk_editable_set_text (published_row, "last spring");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (published_row), "error"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (published_row)), "not a date"));
  gtk_editable_set_text (published_row, " 2021-03 ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (published_row), "error"));
  gtk_editable_set_text (outlet_row, "Carnegie");
  gtk_editable_set_text (info_row (dialog, "title_row"), "Russia’s role, dated");
  adw_message_dialog_response (dialog, "save");
  plx_test_run_frames (100);

  value = value_of (project, id, "published");
  g_assert_cmpstr (value, ==, "2021-03");
  g_clear_pointer (&value, g_free);
  value = value_of (project, id, "outlet");
  g_assert_cmpstr (value, ==, "Carnegie");
  g_clear_pointer (&value, g_free);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.undo", NULL));
  plx_test_run_frames (100);
  g_assert_null (value_of (project, id, "published"));
  g_assert_null (value_of (project, id, "outlet"));
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (fixture.window)), "dated"));
  plx_test_window_close (&fixture);
}

/* Remove Document takes the document with its passages, at once, and
 * Undo (on the toast, or Ctrl+Z) brings both back whole. */
static void
test_remove_document (void)
{
  Fixture fixture = { 0 };
  PlxProject *project;
  g_autoptr(GError) error = NULL;
  gint64 id;

  plx_test_window_open (&fixture, 1200, 800);
  project = plx_window_get_project (fixture.window);
  id = plx_document_get_id (plx_window_get_document (fixture.window));
  tag_start (fixture.window, 12);
  tag_start (fixture.window, 30);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.remove-document", NULL));
  plx_test_run_frames (200);
  g_assert_null (plx_window_get_document (fixture.window));
  g_assert_cmpuint (plx_project_count_annotations (project, NULL, &error), ==, 0);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (fixture.window)) &&
                  gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.document-info", NULL) &&
                  plx_test_message_over (fixture.window) != NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.undo", NULL));
  for (int i = 0; i < 100 && (plx_window_get_document (fixture.window) == NULL || plx_window_get_loading (fixture.window)); i++)
    plx_test_run_frames (20);
  g_assert_nonnull (plx_window_get_document (fixture.window));
  g_assert_cmpint (plx_document_get_id (plx_window_get_document (fixture.window)), ==, id);
  g_assert_cmpuint (plx_project_count_annotations (project, NULL, &error), ==, 2);
  g_assert_no_error (error);
  plx_test_window_close (&fixture);
}

static void
keep_result (GObject      *object,
             GAsyncResult *result,
             gpointer      data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* Waits for a dialog over the window other than @not. */
static AdwMessageDialog *
wait_for_dialog (PlxWindow        *window,
                 AdwMessageDialog *not)
{
  AdwMessageDialog *dialog = NULL;

  for (int i = 0; i < 250; i++)
    {
      dialog = plx_test_message_over (window);
      if (dialog != NULL && dialog != not)
        return dialog;
      plx_test_run_frames (20);
    }
  g_assert_not_reached ();
}

/* As a click on one of its buttons: the answer, then the dialog closes
 * (adw_message_dialog_response() alone leaves it open). */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
added (PlxWindow    *window,
       GAsyncResult *result,
       GError      **error)
{
  g_assert_nonnull (result);
  return plx_window_add_document_file_finish (window, result, error);
}

/* Waits for the window to show the document it opens. */
static void
wait_for_document (PlxWindow *window)
{
  for (int i = 0; i < 500 && (plx_window_get_document (window) == NULL || plx_window_get_loading (window)); i++)
    plx_test_run_frames (20);
  g_assert_false (plx_window_get_loading (window));
}

/* The text of the project's last document. */
static char *
last_text (PlxWindow *window)
{
  g_autoptr(GPtrArray) documents = plx_project_list_documents (plx_window_get_project (window), NULL);

  g_assert_nonnull (documents);
  return g_strdup (plx_document_get_text (g_ptr_array_index (documents, documents->len - 1)));
}

/* A PDF's running lines (a header, page numbers) are shown struck through
 * before anything is added; kept, they are in the text; left out, not. */
static void
test_pdf_preview (void)
{
  Fixture fixture = { 0 };
  g_autofree char *pdf = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkTextBuffer *buffer;
  GtkTextIter iter, start, end;
  g_autofree char *shown = NULL;
  const char *header = "Caucasus Review — Spring 2024 report";

  plx_test_window_open (&fixture, 1200, 800);
  pdf = g_build_filename (fixture.dir, "report.pdf", NULL);
  plx_fixture_write_report_pdf (pdf);
  file = g_file_new_for_path (pdf);

  /* Kept. */
  plx_window_add_document_file_async (fixture.window, file, NULL, keep_result, &result);
  dialog = wait_for_dialog (fixture.window, NULL);
  g_assert_true (PLX_IS_PDF_PREVIEW_DIALOG (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "struck through"));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (dialog), PLX_TYPE_PDF_PREVIEW_DIALOG, "text_view")));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_nonnull (strstr (shown, header));
  g_assert_nonnull (strstr (shown, "Page 2"));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, g_utf8_pointer_to_offset (shown, strstr (shown, header)));
  g_assert_true (gtk_text_iter_has_tag (&iter, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "dropped")));
  respond (dialog, "keep");
  for (int i = 0; i < 500 && result == NULL; i++)
    plx_test_run_frames (20);
  g_assert_true (added (fixture.window, result, &error));
  g_assert_no_error (error);
  {
    g_autofree char *text = last_text (fixture.window);

    g_assert_nonnull (strstr (text, header));
  }

  /* Left out. */
  wait_for_document (fixture.window);
  g_clear_object (&result);
  plx_window_add_document_file_async (fixture.window, file, NULL, keep_result, &result);
  dialog = wait_for_dialog (fixture.window, NULL);
  respond (dialog, "add");
  for (int i = 0; i < 500 && result == NULL; i++)
    plx_test_run_frames (20);
  g_assert_true (added (fixture.window, result, &error));
  {
    g_autofree char *text = last_text (fixture.window);

    g_assert_null (strstr (text, header));
  }

  /* Cancelled: nothing is added. */
  wait_for_document (fixture.window);
  g_clear_object (&result);
  plx_window_add_document_file_async (fixture.window, file, NULL, keep_result, &result);
  dialog = wait_for_dialog (fixture.window, NULL);
  respond (dialog, "cancel");
  for (int i = 0; i < 500 && result == NULL; i++)
    plx_test_run_frames (20);
  g_assert_false (added (fixture.window, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  {
    g_autoptr(GPtrArray) documents = plx_project_list_documents (plx_window_get_project (fixture.window), NULL);

    g_assert_cmpuint (documents->len, ==, 3);
  }
  plx_test_window_close (&fixture);
}

/* An encrypted PDF asks for its password; a wrong one asks again, saying
 * so; the right one opens it. */
static void
test_pdf_password (void)
{
  Fixture fixture = { 0 };
  g_autofree char *locked = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  AdwMessageDialog *again;

  plx_test_window_open (&fixture, 1200, 800);
  locked = plx_fixture_write_encrypted_pdf (fixture.dir, "secret");
  file = g_file_new_for_path (locked);
  plx_window_add_document_file_async (fixture.window, file, NULL, keep_result, &result);

  dialog = wait_for_dialog (fixture.window, NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "Is Protected"));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "not-it");
  respond (dialog, "open");
  again = wait_for_dialog (fixture.window, dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (again), "the password given does not open it"));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (again)), "secret");
  respond (again, "open");

  for (int i = 0; i < 500 && result == NULL; i++)
    plx_test_run_frames (20);
  /* The fixture's one page is an image: opened, it has no text to add,
   * which the right password is what lets the reader find out. */
  g_assert_false (added (fixture.window, result, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_DOCUMENT);
  g_assert_nonnull (strstr (error->message, "no text"));
  {
    g_autoptr(GPtrArray) documents = plx_project_list_documents (plx_window_get_project (fixture.window), NULL);

    g_assert_cmpuint (documents->len, ==, 1);
  }
  plx_test_window_close (&fixture);
}

/* Issue 24, item 2: annotations made in Hypothesis name no perspective:
 * Import asks which one, then takes them into the shown document (the
 * project has no document at their page's address), placed by quote. */
static void
test_import_other_tool (void)
{
  static const char hypothesis[] =
    "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"type\": \"Annotation\","
    " \"id\": \"https://hypothes.is/a/x2bC9mQWEe6d1w\", \"creator\": \"acct:ani@hypothes.is\","
    " \"body\": [{\"type\": \"TextualBody\", \"value\": \"Deadlock, in their words.\"},"
    "          {\"type\": \"TextualBody\", \"purpose\": \"tagging\", \"value\": \"stalemate\"}],"
    " \"target\": [{\"source\": \"https://example.org/essay\", \"selector\": ["
    "   {\"type\": \"TextQuoteSelector\", \"exact\": \"has reached its deepest deadlock\"}]}]}";
  Fixture fixture = { 0 };
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GError) error = NULL;
  GtkFileChooser *chooser = NULL;
  AdwMessageDialog *dialog;
  PlxProject *project;
  PlxAnnotation *imported;

  plx_test_window_open (&fixture, 1200, 800);
  project = plx_window_get_project (fixture.window);
  path = g_build_filename (fixture.dir, "hypothesis.jsonld", NULL);
  g_assert_true (g_file_set_contents (path, hypothesis, -1, &error));
  file = g_file_new_for_path (path);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.import", NULL));
  for (int i = 0; i < 100 && (chooser = plx_test_file_chooser_over (fixture.window)) == NULL; i++)
    plx_test_run_frames (20);
  g_assert_nonnull (chooser);
  g_assert_true (gtk_file_chooser_set_file (chooser, file, NULL));
  plx_test_run_frames (300);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  dialog = wait_for_dialog (fixture.window, NULL);
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Import into Which Perspective?");
  g_assert_cmpuint (plx_project_count_annotations (project, NULL, &error), ==, 0);
  /* The fourth default perspective: Russian. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog)), 3);
  respond (dialog, "import");
  for (int i = 0; i < 250 && plx_project_count_annotations (project, NULL, NULL) == 0; i++)
    plx_test_run_frames (20);

  annotations = plx_project_list_annotations (project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (annotations->len, ==, 1);
  imported = g_ptr_array_index (annotations, 0);
  g_assert_cmpstr (plx_annotation_get_quote (imported), ==, "has reached its deepest deadlock");
  g_assert_cmpstr (plx_perspective_get_name (plx_project_find_perspective (project, plx_annotation_get_perspective_id (imported))),
                   ==, "Russian");
  g_assert_cmpstr (plx_annotation_get_themes (imported)[0], ==, "stalemate");
  g_assert_cmpstr (plx_annotation_get_note (imported), ==, "Deadlock, in their words.");
  plx_test_window_close (&fixture);
}

int
main (int argc, char **argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window-files/save-copy", test_save_copy);
  g_test_add_func ("/window-files/close-folds-log", test_close_folds_log);
  g_test_add_func ("/window-files/document-info", test_document_info);
  g_test_add_func ("/window-files/document-info-attributes", test_document_info_attributes);
  g_test_add_func ("/window-files/remove-document", test_remove_document);
  g_test_add_func ("/window-files/pdf-preview", test_pdf_preview);
  g_test_add_func ("/window-files/pdf-password", test_pdf_password);
  g_test_add_func ("/window-files/import-other-tool", test_import_other_tool);
  return g_test_run ();
}

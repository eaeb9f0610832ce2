/* test-codebook-sidebar.c: the codebook beside the text (issue 20): F9
 * shows it, its rows follow the core's codebook, and renaming and merging
 * from it change panels and themes at once, each undone in one step.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <string.h>

#include "plx-codebook-sidebar.h"
#include "plx-tag-popover.h"
#include "plx-core.h"
#include "plx-test-gtk.h"
#include "plx-test-utils.h"
#include "plx-window.h"

typedef PlxTestWindowFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  plx_test_window_open (fixture, 1400, 900);
  plx_test_run_frames (200);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  plx_test_window_close (fixture);
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether a visible label under @widget says exactly @text. */
static gboolean
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child) && find_label (child, text))
      return TRUE;
  return FALSE;
}

static gint64
perspective_id (PlxWindow *window,
                guint      position)
{
  g_autoptr(PlxPerspective) perspective =
    g_list_model_get_item (plx_project_get_perspectives (plx_window_get_project (window)), position);
  return plx_perspective_get_id (perspective);
}

static char *
tag (PlxWindow          *window,
     guint               start,
     guint               end,
     guint               perspective,
     const char * const *themes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxAnnotation) annotation =
    plx_annotation_new_for_range (plx_window_get_document (window), start, end,
                                  perspective_id (window, perspective), &error);

  g_assert_no_error (error);
  plx_annotation_set_themes (annotation, themes);
  g_assert_true (plx_project_add_annotation (plx_window_get_project (window), annotation, &error));
  g_assert_no_error (error);
  return g_strdup (plx_annotation_get_uuid (annotation));
}

/* The themes on the cards of perspective @position's panel, joined. */
static char *
panel_themes (PlxWindow *window,
              guint      position)
{
  GListModel *cards = plx_window_get_panel_model (window, perspective_id (window, position));
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(PlxAnnotation) card = g_list_model_get_item (cards, i);
      g_autofree char *joined = g_strjoinv (",", (char **) plx_annotation_get_themes (card));

      g_string_append_printf (text, "%s[%s]", text->len ? " " : "", joined);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
project_themes (PlxWindow *window)
{
  g_auto(GStrv) themes = plx_project_list_themes (plx_window_get_project (window), NULL);

  return g_strjoinv (",", themes);
}

/* The names of the rows the sidebar shows, in order. */
static char *
row_names (PlxCodebookSidebar *sidebar)
{
  GListModel *rows = plx_codebook_sidebar_get_rows (sidebar);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);

      g_string_append_printf (text, "%s%*s%s", text->len ? "," : "", (int) gtk_tree_list_row_get_depth (row), "",
                              plx_theme_get_name (gtk_tree_list_row_get_item (row)));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Waits (up to 5 s: ASan is slow) until @widget is mapped or not. */
static void
wait_mapped (GtkWidget *widget,
             gboolean   mapped)
{
  for (int i = 0; i < 100 && gtk_widget_get_mapped (widget) != mapped; i++)
    plx_test_run_frames (50);
}

static void
undo (PlxWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  plx_test_run_frames (50);
}

static void
test_sidebar_rename_merge (Fixture       *fixture,
                           gconstpointer  data)
{
  PlxWindow *window = fixture->window;
  PlxProject *project = plx_window_get_project (window);
  PlxCodebookSidebar *sidebar = PLX_CODEBOOK_SIDEBAR (find_widget (GTK_WIDGET (window), PLX_TYPE_CODEBOOK_SIDEBAR));
  GtkRevealer *revealer = GTK_REVEALER (gtk_widget_get_ancestor (GTK_WIDGET (sidebar), GTK_TYPE_REVEALER));
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxChangeSet) changes = NULL;
  g_autoptr(PlxTheme) security = NULL;
  g_autoptr(PlxTheme) guarantor = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *text = NULL;
  g_autoptr(PlxTheme) safety = NULL;
  g_autoptr(PlxTheme) border = NULL;
  AdwMessageDialog *dialog;

  g_assert_nonnull (sidebar);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  /* The codebook through the core: security › guarantor, and passages
   * with "safety" and "border" that mean much the same. */
  changes = plx_theme_changes_create (project, "security", NULL, "Threats to safety", &security, &error);
  g_assert_no_error (error);
  g_assert_true (plx_project_apply (project, changes, &error));
  g_clear_object (&changes);
  changes = plx_theme_changes_create (project, "guarantor", plx_theme_get_uuid (security), NULL, &guarantor, &error);
  g_assert_no_error (error);
  g_assert_true (plx_project_apply (project, changes, &error));
  g_clear_object (&changes);
  a = tag (window, 10, 40, 0, (const char *[]) { "safety", "mediation", NULL });
  b = tag (window, 50, 80, 1, (const char *[]) { "border", NULL });
  c = tag (window, 90, 120, 0, (const char *[]) { "border", "safety", NULL });
  plx_test_run_frames (50);

  /* F9 shows it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.codebook", NULL);
  plx_test_run_frames (300);
  wait_mapped (GTK_WIDGET (sidebar), TRUE);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (sidebar)));
  text = row_names (sidebar);
  g_assert_cmpstr (text, ==, "border,mediation,safety,security");
  g_clear_pointer (&text, g_free);
  g_assert_true (plx_codebook_sidebar_select_theme (sidebar, plx_theme_get_uuid (guarantor)));
  text = row_names (sidebar);
  g_assert_cmpstr (text, ==, "border,mediation,safety,security, guarantor");
  g_clear_pointer (&text, g_free);

  /* Counts per perspective, rolled up: safety is Armenian only. */
  safety = plx_project_find_theme (project, "safety", &error);
  border = plx_project_find_theme (project, "border", &error);
  g_assert_no_error (error);
  text = plx_codebook_sidebar_dup_counts_text (sidebar, plx_theme_get_uuid (safety));
  g_assert_cmpstr (text, ==, "Armenian 2, Azerbaijani 0, Western 0, Russian 0");
  g_clear_pointer (&text, g_free);

  /* Rename from the sidebar: cards, the project's themes and the row. */
  g_assert_true (plx_codebook_sidebar_select_theme (sidebar, plx_theme_get_uuid (safety)));
  g_assert_true (plx_codebook_sidebar_get_selected (sidebar) != NULL);
  gtk_widget_activate_action (GTK_WIDGET (sidebar), "codebook.rename-to", "(ss)", plx_theme_get_uuid (safety), "safety threats");
  plx_test_run_frames (50);
  g_assert_null (plx_test_message_over (window));
  text = panel_themes (window, 0);
  g_assert_cmpstr (text, ==, "[safety threats,mediation] [border,safety threats]");
  g_clear_pointer (&text, g_free);
  text = project_themes (window);
  g_assert_nonnull (strstr (text, "safety threats"));
  g_clear_pointer (&text, g_free);
  text = row_names (sidebar);
  g_assert_cmpstr (text, ==, "border,mediation,safety threats,security, guarantor");
  g_clear_pointer (&text, g_free);

  /* A name taken: the core's message, nothing changed. */
  gtk_widget_activate_action (GTK_WIDGET (sidebar), "codebook.rename-to", "(ss)", plx_theme_get_uuid (safety), "border");
  plx_test_run_frames (50);
  dialog = plx_test_message_over (window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "border"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  text = panel_themes (window, 0);
  g_assert_cmpstr (text, ==, "[safety threats,mediation] [border,safety threats]");
  g_clear_pointer (&text, g_free);

  /* Merging a theme into itself is refused the same way. */
  gtk_widget_activate_action (GTK_WIDGET (sidebar), "codebook.merge-into", "(ss)",
                              plx_theme_get_uuid (border), plx_theme_get_uuid (border));
  plx_test_run_frames (50);
  dialog = plx_test_message_over (window);
  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Merge border into safety threats: every passage carries the target
   * once, keeps its other themes; border is gone from rows and project. */
  gtk_widget_activate_action (GTK_WIDGET (sidebar), "codebook.merge-into", "(ss)",
                              plx_theme_get_uuid (border), plx_theme_get_uuid (safety));
  plx_test_run_frames (50);
  g_assert_null (plx_test_message_over (window));
  text = panel_themes (window, 0);
  g_assert_cmpstr (text, ==, "[safety threats,mediation] [safety threats]");
  g_clear_pointer (&text, g_free);
  text = panel_themes (window, 1);
  g_assert_cmpstr (text, ==, "[safety threats]");
  g_clear_pointer (&text, g_free);
  text = project_themes (window);
  g_assert_null (strstr (text, "border"));
  g_clear_pointer (&text, g_free);
  text = row_names (sidebar);
  g_assert_cmpstr (text, ==, "mediation,safety threats,security, guarantor");
  g_clear_pointer (&text, g_free);
  text = plx_codebook_sidebar_dup_counts_text (sidebar, plx_theme_get_uuid (safety));
  g_assert_cmpstr (text, ==, "Armenian 2, Azerbaijani 1, Western 0, Russian 0");
  g_clear_pointer (&text, g_free);
  g_assert_cmpstr (plx_theme_get_name (plx_codebook_sidebar_get_selected (sidebar)), ==, "safety threats");

  /* One undo brings border back with its passages; the next the name. */
  undo (window);
  text = panel_themes (window, 0);
  g_assert_cmpstr (text, ==, "[safety threats,mediation] [border,safety threats]");
  g_clear_pointer (&text, g_free);
  text = panel_themes (window, 1);
  g_assert_cmpstr (text, ==, "[border]");
  g_clear_pointer (&text, g_free);
  text = row_names (sidebar);
  g_assert_cmpstr (text, ==, "border,mediation,safety threats,security, guarantor");
  g_clear_pointer (&text, g_free);
  undo (window);
  text = panel_themes (window, 0);
  g_assert_cmpstr (text, ==, "[safety,mediation] [border,safety]");
  g_clear_pointer (&text, g_free);
  text = project_themes (window);
  g_assert_null (strstr (text, "safety threats"));
  g_assert_nonnull (strstr (text, "safety"));
  g_clear_pointer (&text, g_free);
  text = row_names (sidebar);
  g_assert_cmpstr (text, ==, "border,mediation,safety,security, guarantor");
  g_clear_pointer (&text, g_free);

  /* The search keeps matches and the themes above them. */
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (sidebar), GTK_TYPE_SEARCH_ENTRY)), "GUAR");
  plx_test_run_frames (300);
  /* The entry waits before it searches; longer under ASan. */
  for (int i = 0; i < 100; i++)
    {
      text = row_names (sidebar);
      if (g_strcmp0 (text, "security, guarantor") == 0)
        break;
      g_clear_pointer (&text, g_free);
      plx_test_run_frames (50);
    }
  g_clear_pointer (&text, g_free);
  text = row_names (sidebar);
  g_assert_cmpstr (text, ==, "security, guarantor");
  g_clear_pointer (&text, g_free);

  /* F9 again hides it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.codebook", NULL);
  plx_test_run_frames (50);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
}

static PlxCodebookSidebar *
open_sidebar (PlxWindow *window)
{
  PlxCodebookSidebar *sidebar = PLX_CODEBOOK_SIDEBAR (find_widget (GTK_WIDGET (window), PLX_TYPE_CODEBOOK_SIDEBAR));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.codebook", NULL);
  plx_test_run_frames (300);
  wait_mapped (GTK_WIDGET (sidebar), TRUE);
  return sidebar;
}

static PlxTheme *
make_theme (PlxProject *project,
            const char *name,
            PlxTheme   *parent,
            const char *definition)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxChangeSet) changes = NULL;
  PlxTheme *theme = NULL;

  changes = plx_theme_changes_create (project, name, parent ? plx_theme_get_uuid (parent) : NULL, definition, &theme, &error);
  g_assert_no_error (error);
  g_assert_true (plx_project_apply (project, changes, &error));
  g_assert_no_error (error);
  return theme;
}

/* The page's passage rows as "quote|caption", in order. */
static char *
page_rows (PlxCodebookSidebar *sidebar)
{
  PlxCodebookSidebarPage *page = plx_codebook_sidebar_get_page (sidebar);
  GtkListBox *list = plx_codebook_sidebar_page_get_passages (page);
  g_autoptr(GString) text = g_string_new (NULL);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      GtkWidget *box = gtk_list_box_row_get_child (row);
      GtkWidget *labels = gtk_widget_get_last_child (box);
      GtkWidget *quote = gtk_widget_get_first_child (labels);
      GtkWidget *caption = gtk_widget_get_last_child (labels);

      g_string_append_printf (text, "%s%s|%s", text->len ? "\n" : "", gtk_label_get_text (GTK_LABEL (quote)),
                              gtk_label_get_text (GTK_LABEL (caption)));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The theme page: definition, notes, every passage across documents
 * (children on request), a jump to another document's passage, Back. */
static void
test_theme_page (Fixture       *fixture,
                 gconstpointer  data)
{
  PlxWindow *window = fixture->window;
  PlxProject *project = plx_window_get_project (window);
  PlxDocument *essay = plx_window_get_document (window);
  PlxCodebookSidebar *sidebar = open_sidebar (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxTheme) security = make_theme (project, "security", NULL, "Threats to safety and their guarantees");
  g_autoptr(PlxTheme) guarantor = make_theme (project, "guarantor", security, NULL);
  g_autoptr(PlxTheme) edited = plx_theme_copy (security);
  g_autoptr(PlxChangeSet) changes = NULL;
  g_autoptr(PlxDocument) other = NULL;
  g_autoptr(PlxAnnotation) far = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *text = NULL, *expected = NULL;
  g_autofree char *qa = NULL, *qb = NULL, *qc = NULL;
  const char *letter = "A letter from the other side: the guarantor must keep the peace.";
  PlxCodebookSidebarPage *page;
  GtkListBox *list;
  GtkWidget *focus;

  plx_theme_set_inclusion (edited, "Talk of protection");
  plx_theme_set_exclusion (edited, "Economic safety nets");
  changes = plx_theme_changes_define (project, edited, &error);
  g_assert_no_error (error);
  g_assert_true (plx_project_apply (project, changes, &error));
  g_clear_object (&changes);

  a = tag (window, 10, 40, 0, (const char *[]) { "security", NULL });
  b = tag (window, 50, 80, 1, (const char *[]) { "guarantor", NULL });
  c = tag (window, 90, 120, 0, (const char *[]) { "mediation", "guarantor", "security", NULL });
  qa = plx_document_dup_range (essay, 10, 40);
  qb = plx_document_dup_range (essay, 50, 80);
  qc = plx_document_dup_range (essay, 90, 120);

  /* A passage in a second document. */
  other = plx_document_new_from_data (letter, strlen (letter), PLX_DOCUMENT_FORMAT_PLAIN, "Letter", &error);
  g_assert_no_error (error);
  g_assert_true (plx_project_add_document (project, other, &error));
  g_assert_no_error (error);
  far = plx_annotation_new_for_range (other, 34, 48, perspective_id (window, 2), &error);
  g_assert_no_error (error);
  plx_annotation_set_themes (far, (const char *[]) { "guarantor", NULL });
  g_assert_true (plx_project_add_annotation (project, far, &error));
  g_assert_no_error (error);
  plx_test_run_frames (50);

  /* Activating a row (Enter) opens its page in place of the tree. */
  g_assert_null (plx_codebook_sidebar_get_page (sidebar));
  g_assert_true (plx_codebook_sidebar_select_theme (sidebar, plx_theme_get_uuid (security)));
  gtk_widget_activate_action (GTK_WIDGET (sidebar), "codebook.open", NULL);
  plx_test_run_frames (50);
  page = plx_codebook_sidebar_get_page (sidebar);
  g_assert_nonnull (page);
  g_assert_cmpstr (plx_codebook_sidebar_page_get_uuid (page), ==, plx_theme_get_uuid (security));
  g_assert_true (find_label (GTK_WIDGET (page), "Threats to safety and their guarantees"));
  g_assert_true (find_label (GTK_WIDGET (page), "Talk of protection"));
  g_assert_true (find_label (GTK_WIDGET (page), "Economic safety nets"));
  g_assert_true (find_label (GTK_WIDGET (page), "2 Passages"));
  /* The keyboard is on the first passage. */
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (page)));

  /* Its own passages, in document order; with the themes under it, the
   * guarantor's too (in both documents), each once. */
  text = page_rows (sidebar);
  expected = g_strdup_printf ("%s|Armenian · %s\n%s|Armenian · %s", qa, plx_document_get_title (essay),
                              qc, plx_document_get_title (essay));
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&expected, g_free);
  plx_codebook_sidebar_page_set_include_children (page, TRUE);
  text = page_rows (sidebar);
  expected = g_strdup_printf ("%s|Armenian · %s\n%s|Azerbaijani · guarantor · %s\n%s|Armenian · %s\n"
                              "guarantor must|Western · guarantor · Letter",
                              qa, plx_document_get_title (essay), qb, plx_document_get_title (essay),
                              qc, plx_document_get_title (essay));
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  g_assert_true (find_label (GTK_WIDGET (page), "4 Passages"));

  /* A change committed elsewhere shows on the page: a loses the theme. */
  {
    g_autoptr(PlxAnnotation) annotation = plx_project_get_annotation (project, a, &error);

    g_assert_no_error (error);
    plx_annotation_set_themes (annotation, (const char *[]) { "mediation", NULL });
    g_assert_true (plx_project_update_annotation (project, annotation, &error));
    g_assert_no_error (error);
    plx_test_run_frames (50);
    plx_codebook_sidebar_page_get_passages (page);
    g_assert_true (find_label (GTK_WIDGET (page), "3 Passages"));
    plx_annotation_set_themes (annotation, (const char *[]) { "security", NULL });
    g_assert_true (plx_project_update_annotation (project, annotation, &error));
    g_assert_no_error (error);
    plx_test_run_frames (50);
    plx_codebook_sidebar_page_get_passages (page);
    g_assert_true (find_label (GTK_WIDGET (page), "4 Passages"));
  }

  /* Activating the letter's passage opens the letter and selects it. */
  list = plx_codebook_sidebar_page_get_passages (page);
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 3));
  for (int i = 0; i < 200 && (plx_window_get_loading (window) || plx_document_get_id (plx_window_get_document (window)) != plx_document_get_id (other)); i++)
    plx_test_run_frames (10);
  plx_test_run_frames (50);
  g_assert_cmpint (plx_document_get_id (plx_window_get_document (window)), ==, plx_document_get_id (other));
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (plx_window_get_text_view (window));
    GtkTextIter start, end;

    g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
    g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, 34);
    g_assert_cmpint (gtk_text_iter_get_offset (&end), ==, 48);
  }

  /* Back (Escape) returns to the tree on the same theme. */
  gtk_widget_activate_action (GTK_WIDGET (sidebar), "codebook.back", NULL);
  plx_test_run_frames (50);
  g_assert_null (plx_codebook_sidebar_get_page (sidebar));
  g_assert_cmpstr (plx_theme_get_name (plx_codebook_sidebar_get_selected (sidebar)), ==, "security");

  /* A theme deleted while its page shows takes the reader back. */
  gtk_widget_activate_action (GTK_WIDGET (sidebar), "codebook.open", NULL);
  plx_test_run_frames (50);
  g_assert_nonnull (plx_codebook_sidebar_get_page (sidebar));
  gtk_widget_activate_action (GTK_WIDGET (sidebar), "codebook.delete-theme", "s", plx_theme_get_uuid (security));
  plx_test_run_frames (50);
  g_assert_null (plx_codebook_sidebar_get_page (sidebar));
}

static guint
count_memos (PlxProject *project)
{
  g_autoptr(GPtrArray) memos = plx_project_list_memos (project, NULL);

  return memos ? memos->len : 0;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n) != NULL)
    n++;
  return n;
}

/* The text of the first label under @widget. */
static const char *
first_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      const char *text = first_label (child);

      if (text != NULL)
        return text;
    }
  return NULL;
}

/* Memos in the sidebar: made, edited and saved on Back, each one undo
 * step; a passage cited from its card's menu, shown by its quote and as
 * broken once the passage is gone; deleted with Undo. */
static void
test_memos (Fixture       *fixture,
            gconstpointer  data)
{
  PlxWindow *window = fixture->window;
  PlxProject *project = plx_window_get_project (window);
  PlxCodebookSidebar *sidebar = open_sidebar (window);
  PlxCodebookSidebarMemos *memos = plx_codebook_sidebar_get_memos (sidebar);
  g_autoptr(PlxTheme) security = make_theme (project, "security", NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *a = tag (window, 10, 40, 0, (const char *[]) { "security", NULL });
  g_autofree char *quote = plx_document_dup_range (plx_window_get_document (window), 10, 40);
  g_autofree char *quoted = g_strdup_printf ("“%s”", quote);
  PlxMemo *editing;
  GtkTextBuffer *buffer;

  plx_codebook_sidebar_show_memos (sidebar);
  plx_test_run_frames (50);
  g_assert_cmpuint (count_rows (plx_codebook_sidebar_memos_get_list (memos)), ==, 0);

  /* A project memo: made at once (one step), written, saved on Back. */
  gtk_widget_activate_action (GTK_WIDGET (memos), "memos.new", "(ss)", "project", "");
  plx_test_run_frames (50);
  if (plx_test_message_over (window) != NULL)
    g_error ("%s", adw_message_dialog_get_body (plx_test_message_over (window)));
  editing = plx_codebook_sidebar_memos_get_editing (memos);
  g_assert_nonnull (editing);
  g_assert_cmpint (plx_memo_get_kind (editing), ==, PLX_MEMO_PROJECT);
  g_assert_cmpuint (count_memos (project), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (plx_codebook_sidebar_memos_get_title_entry (memos)), "Where they meet");
  buffer = gtk_text_view_get_buffer (plx_codebook_sidebar_memos_get_body_view (memos));
  gtk_text_buffer_set_text (buffer, "Both sides name Russia as guarantor.", -1);
  gtk_widget_activate_action (GTK_WIDGET (memos), "memos.back", NULL);
  plx_test_run_frames (50);
  g_assert_null (plx_codebook_sidebar_memos_get_editing (memos));
  {
    g_autoptr(GPtrArray) list = plx_project_list_memos (project, &error);
    PlxMemo *memo = g_ptr_array_index (list, 0);

    g_assert_cmpstr (plx_memo_get_title (memo), ==, "Where they meet");
    g_assert_cmpstr (plx_memo_get_body (memo), ==, "Both sides name Russia as guarantor.");
    g_assert_cmpstr (plx_memo_get_author (memo), !=, "");
  }
  g_assert_cmpuint (count_rows (plx_codebook_sidebar_memos_get_list (memos)), ==, 1);
  g_assert_cmpstr (first_label (GTK_WIDGET (gtk_list_box_get_row_at_index (plx_codebook_sidebar_memos_get_list (memos), 0))),
                   ==, "Where they meet");

  /* Undo takes back the edit, then the memo. */
  undo (window);
  {
    g_autoptr(GPtrArray) list = plx_project_list_memos (project, &error);

    g_assert_cmpuint (list->len, ==, 1);
    g_assert_cmpstr (plx_memo_get_title (g_ptr_array_index (list, 0)), ==, "Project memo");
  }
  undo (window);
  g_assert_cmpuint (count_memos (project), ==, 0);
  g_assert_cmpuint (count_rows (plx_codebook_sidebar_memos_get_list (memos)), ==, 0);

  /* A theme memo citing a passage from its card's menu. */
  gtk_widget_activate_action (GTK_WIDGET (memos), "memos.new", "(ss)", "theme", plx_theme_get_uuid (security));
  plx_test_run_frames (50);
  editing = plx_codebook_sidebar_memos_get_editing (memos);
  g_assert_nonnull (editing);
  g_assert_cmpint (plx_memo_get_kind (editing), ==, PLX_MEMO_THEME);
  g_assert_cmpstr (plx_memo_get_target_uuid (editing), ==, plx_theme_get_uuid (security));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cite-in-memo", "s", a);
  plx_test_run_frames (50);
  editing = plx_codebook_sidebar_memos_get_editing (memos);
  g_assert_cmpstr (plx_memo_get_citations (editing)[0], ==, a);
  g_assert_cmpuint (count_rows (plx_codebook_sidebar_memos_get_list (memos)), ==, 1);
  g_assert_cmpstr (first_label (GTK_WIDGET (gtk_list_box_get_row_at_index (plx_codebook_sidebar_memos_get_list (memos), 0))),
                   ==, quoted);

  /* The passage deleted: a broken citation, shown, not an error. */
  g_assert_true (plx_project_delete_annotation (project, a, &error));
  g_assert_no_error (error);
  plx_test_run_frames (50);
  g_assert_cmpstr (first_label (GTK_WIDGET (gtk_list_box_get_row_at_index (plx_codebook_sidebar_memos_get_list (memos), 0))),
                   ==, "Broken citation: the passage no longer exists");
  g_assert_null (plx_test_message_over (window));

  /* Delete, with Undo. */
  gtk_widget_activate_action (GTK_WIDGET (memos), "memos.delete", NULL);
  plx_test_run_frames (50);
  g_assert_null (plx_codebook_sidebar_memos_get_editing (memos));
  g_assert_cmpuint (count_memos (project), ==, 0);
  undo (window);
  g_assert_cmpuint (count_memos (project), ==, 1);
  g_assert_cmpuint (count_rows (plx_codebook_sidebar_memos_get_list (memos)), ==, 1);
}

static PlxTagPopover *
open_tag_popover (PlxWindow *window,
                  guint      start,
                  guint      end)
{
  GtkWidget *view = GTK_WIDGET (plx_window_get_text_view (window));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  PlxTagPopover *popover = NULL;
  GtkTextIter a, b;

  /* The popover closed by the last save is gone first. */
  for (GtkWidget *child = gtk_widget_get_first_child (view); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (PLX_IS_TAG_POPOVER (child))
      wait_mapped (child, FALSE);
  plx_test_run_frames (100);
  gtk_text_buffer_get_iter_at_offset (buffer, &a, (int) start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, (int) end);
  gtk_text_buffer_select_range (buffer, &a, &b);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-selection", "i", 0);
  for (GtkWidget *child = gtk_widget_get_first_child (view); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (PLX_IS_TAG_POPOVER (child))
      popover = PLX_TAG_POPOVER (child);
  g_assert_nonnull (popover);
  for (int i = 0; i < 50 && !gtk_widget_get_mapped (GTK_WIDGET (popover)); i++)
    plx_test_run_frames (20);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  return popover;
}

static GtkEntry *
themes_entry (PlxTagPopover *popover)
{
  return GTK_ENTRY (gtk_widget_get_template_child (GTK_WIDGET (popover), PLX_TYPE_TAG_POPOVER, "themes_entry"));
}

/* The window lists the codebook for the popover 300 ms after a change
 * (longer under ASan): waits until @name is known, not offered. */
static void
wait_known (PlxTagPopover *popover,
            const char    *name)
{
  for (int i = 0; i < 100; i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (themes_entry (popover)), name);
      if (plx_tag_popover_get_offer (popover) == NULL)
        return;
      plx_test_run_frames (50);
    }
  g_assert_null (plx_tag_popover_get_offer (popover));
}

/* Issue 20, item 6: a new theme typed in the tag popover is offered for
 * creation, under the parent its path names; the passage carries the
 * theme, placed in the tree (before: a flat "security/guarantor"). */
static void
test_create_from_popover (Fixture       *fixture,
                          gconstpointer  data)
{
  PlxWindow *window = fixture->window;
  PlxProject *project = plx_window_get_project (window);
  g_autoptr(PlxTheme) security = make_theme (project, "security", NULL, NULL);
  g_autoptr(PlxTheme) guarantor = NULL;
  g_autoptr(GError) error = NULL;
  PlxTagPopover *popover;
  AdwMessageDialog *dialog;
  g_autofree char *text = NULL;
  guint before;

  popover = open_tag_popover (window, 10, 40);
  wait_known (popover, "security");
  /* A prefix is offered too, after the themes it completes to. */
  gtk_editable_set_text (GTK_EDITABLE (themes_entry (popover)), "secur");
  g_assert_cmpstr (plx_tag_popover_get_offer (popover), ==, "Create theme “secur”");
  gtk_editable_set_text (GTK_EDITABLE (themes_entry (popover)), "security");
  g_assert_null (plx_tag_popover_get_offer (popover));
  gtk_editable_set_text (GTK_EDITABLE (themes_entry (popover)), "mediation, brand new");
  g_assert_cmpstr (plx_tag_popover_get_offer (popover), ==, "Create theme “brand new”");
  gtk_editable_set_text (GTK_EDITABLE (themes_entry (popover)), "mediation, security/guarantor");
  g_assert_cmpstr (plx_tag_popover_get_offer (popover), ==, "Create theme “guarantor” under security");

  /* Saved: guarantor is made under security, the passage carries it. */
  plx_tag_popover_select_number (popover, 2);
  g_signal_emit_by_name (themes_entry (popover), "activate");
  plx_test_run_frames (50);
  g_assert_null (plx_test_message_over (window));
  guarantor = plx_project_find_theme (project, "security/guarantor", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plx_theme_get_name (guarantor), ==, "guarantor");
  g_assert_cmpstr (plx_theme_get_parent_uuid (guarantor), ==, plx_theme_get_uuid (security));
  text = panel_themes (window, 1);
  g_assert_cmpstr (text, ==, "[mediation,guarantor]");
  g_clear_pointer (&text, g_free);
  text = project_themes (window);
  g_assert_null (strstr (text, "/"));
  g_clear_pointer (&text, g_free);

  /* The path of a theme there now names it. */
  popover = open_tag_popover (window, 50, 80);
  wait_known (popover, "security › guarantor");
  plx_tag_popover_select_number (popover, 1);
  g_signal_emit_by_name (themes_entry (popover), "activate");
  plx_test_run_frames (50);
  text = panel_themes (window, 0);
  g_assert_cmpstr (text, ==, "[guarantor]");
  g_clear_pointer (&text, g_free);

  /* A parent that does not exist: a clear message, nothing made. */
  before = count_memos (project);
  popover = open_tag_popover (window, 90, 120);
  gtk_editable_set_text (GTK_EDITABLE (themes_entry (popover)), "economy/sanctions");
  g_assert_null (plx_tag_popover_get_offer (popover));
  plx_tag_popover_select_number (popover, 1);
  g_signal_emit_by_name (themes_entry (popover), "activate");
  plx_test_run_frames (50);
  dialog = plx_test_message_over (window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "economy"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  text = panel_themes (window, 0);
  g_assert_cmpstr (text, ==, "[guarantor]");
  g_clear_pointer (&text, g_free);
  text = project_themes (window);
  g_assert_null (strstr (text, "sanctions"));
  g_clear_pointer (&text, g_free);
  g_assert_cmpuint (count_memos (project), ==, before);

  /* Undo: the second tag, the first, then the theme made for it. */
  undo (window);
  g_assert_cmpuint (g_list_model_get_n_items (plx_window_get_panel_model (window, perspective_id (window, 0))), ==, 0);
  text = panel_themes (window, 1);
  g_assert_cmpstr (text, ==, "[mediation,guarantor]");
  g_clear_pointer (&text, g_free);
  undo (window);
  g_assert_cmpuint (g_list_model_get_n_items (plx_window_get_panel_model (window, perspective_id (window, 1))), ==, 0);
  g_clear_object (&guarantor);
  guarantor = plx_project_find_theme (project, "guarantor", NULL);
  g_assert_nonnull (guarantor);
  g_clear_object (&guarantor);
  undo (window);
  guarantor = plx_project_find_theme (project, "guarantor", NULL);
  g_assert_null (guarantor);
}

/* The row (a GtkTreeExpander) showing theme @name. */
static GtkWidget *
row_of (GtkWidget  *widget,
        const char *name)
{
  if (GTK_IS_TREE_EXPANDER (widget) && gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (widget)) != NULL
      && g_strcmp0 (plx_theme_get_name (gtk_tree_list_row_get_item (gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (widget)))), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = row_of (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gpointer
controller_of (GtkWidget *widget,
               GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;  /* the widget keeps it */
    }
  return NULL;
}

/* What dragging the row of @from gives, dropped on @onto (a row, or the
 * list's free space). */
static gboolean
drag_and_drop (GtkWidget *from,
               GtkWidget *onto)
{
  GtkDragSource *source = controller_of (from, GTK_TYPE_DRAG_SOURCE);
  GtkDropTarget *target = controller_of (onto, GTK_TYPE_DROP_TARGET);
  g_autoptr(GdkContentProvider) content = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean dropped = FALSE;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (source);
  g_assert_nonnull (target);
  g_signal_emit_by_name (source, "prepare", 1.0, 1.0, &content);
  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &value, &error));
  g_assert_no_error (error);
  g_signal_emit_by_name (target, "drop", &value, 1.0, 1.0, &dropped);
  plx_test_run_frames (100);
  return dropped;
}

/* Issue 20, item 2: drag to re-parent, one undo step; a cycle refused;
 * the list's free space is the top; Move Under… is the keyboard's way. */
static void
test_drag_reparent (Fixture       *fixture,
                    gconstpointer  data)
{
  PlxWindow *window = fixture->window;
  PlxProject *project = plx_window_get_project (window);
  PlxCodebookSidebar *sidebar = open_sidebar (window);
  g_autoptr(PlxTheme) security = make_theme (project, "security", NULL, NULL);
  g_autoptr(PlxTheme) guarantor = make_theme (project, "guarantor", security, NULL);
  g_autoptr(PlxTheme) mediation = make_theme (project, "mediation", NULL, NULL);
  GtkWidget *list = GTK_WIDGET (gtk_widget_get_ancestor (row_of (GTK_WIDGET (sidebar), "security"), GTK_TYPE_LIST_VIEW));
  AdwMessageDialog *dialog;
  g_autofree char *text = NULL;

  plx_test_run_frames (100);
  g_assert_true (plx_codebook_sidebar_select_theme (sidebar, plx_theme_get_uuid (guarantor)));
  plx_test_run_frames (100);
  text = row_names (sidebar);
  g_assert_cmpstr (text, ==, "mediation,security, guarantor");
  g_clear_pointer (&text, g_free);

  /* guarantor onto mediation: under it. */
  g_assert_true (drag_and_drop (row_of (GTK_WIDGET (sidebar), "guarantor"), row_of (GTK_WIDGET (sidebar), "mediation")));
  g_assert_null (plx_test_message_over (window));
  g_clear_object (&guarantor);
  guarantor = plx_project_find_theme (project, "guarantor", NULL);
  g_assert_cmpstr (plx_theme_get_parent_uuid (guarantor), ==, plx_theme_get_uuid (mediation));
  text = row_names (sidebar);
  g_assert_cmpstr (text, ==, "mediation, guarantor,security");
  g_clear_pointer (&text, g_free);

  /* One undo puts it back. */
  undo (window);
  g_clear_object (&guarantor);
  guarantor = plx_project_find_theme (project, "guarantor", NULL);
  g_assert_cmpstr (plx_theme_get_parent_uuid (guarantor), ==, plx_theme_get_uuid (security));

  /* security onto its own child: the core's message, nothing moved. */
  g_assert_true (plx_codebook_sidebar_select_theme (sidebar, plx_theme_get_uuid (guarantor)));
  plx_test_run_frames (100);
  drag_and_drop (row_of (GTK_WIDGET (sidebar), "security"), row_of (GTK_WIDGET (sidebar), "guarantor"));
  dialog = plx_test_message_over (window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "security"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_object (&security);
  security = plx_project_find_theme (project, "security", NULL);
  g_assert_true (plx_theme_get_parent_uuid (security) == NULL || *plx_theme_get_parent_uuid (security) == '\0');

  /* A theme onto itself does nothing. */
  g_assert_false (drag_and_drop (row_of (GTK_WIDGET (sidebar), "mediation"), row_of (GTK_WIDGET (sidebar), "mediation")));

  /* guarantor onto the free space: to the top. */
  g_assert_true (drag_and_drop (row_of (GTK_WIDGET (sidebar), "guarantor"), list));
  g_clear_object (&guarantor);
  guarantor = plx_project_find_theme (project, "guarantor", NULL);
  g_assert_true (plx_theme_get_parent_uuid (guarantor) == NULL || *plx_theme_get_parent_uuid (guarantor) == '\0');
  text = row_names (sidebar);
  g_assert_cmpstr (text, ==, "guarantor,mediation,security");
  g_clear_pointer (&text, g_free);
  /* A top theme dropped there again: no step. */
  g_assert_false (drag_and_drop (row_of (GTK_WIDGET (sidebar), "guarantor"), list));

  /* The keyboard's way, the action Move Under… ends in. */
  gtk_widget_activate_action (GTK_WIDGET (sidebar), "codebook.move-under", "(ss)",
                              plx_theme_get_uuid (guarantor), plx_theme_get_uuid (security));
  plx_test_run_frames (100);
  g_clear_object (&guarantor);
  guarantor = plx_project_find_theme (project, "guarantor", NULL);
  g_assert_cmpstr (plx_theme_get_parent_uuid (guarantor), ==, plx_theme_get_uuid (security));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/codebook-sidebar/rename-merge-undo", Fixture, NULL, fixture_set_up, test_sidebar_rename_merge, fixture_tear_down);
  g_test_add ("/codebook-sidebar/theme-page", Fixture, NULL, fixture_set_up, test_theme_page, fixture_tear_down);
  g_test_add ("/codebook-sidebar/memos", Fixture, NULL, fixture_set_up, test_memos, fixture_tear_down);
  g_test_add ("/codebook-sidebar/create-from-popover", Fixture, NULL, fixture_set_up, test_create_from_popover, fixture_tear_down);
  g_test_add ("/codebook-sidebar/drag-reparent", Fixture, NULL, fixture_set_up, test_drag_reparent, fixture_tear_down);
  return g_test_run ();
}

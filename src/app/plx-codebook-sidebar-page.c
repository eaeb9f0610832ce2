/* plx-codebook-sidebar-page.c: one theme of the codebook, in full: its
 * definition, inclusion and exclusion notes, anchor examples, and every
 * passage tagged with it in every document (with the themes under it on
 * request), each of which takes the reader to the passage.
 *
 * The passages are read from the project (all documents, not just the
 * one shown) again at idle after each committed change, so that a tag
 * added, a merge or an undo shows at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-codebook"

#include <glib/gi18n.h>

#include "plx-codebook-sidebar-page.h"

struct _PlxCodebookSidebarPage
{
  GtkBox          parent_instance;

  PlxProject     *project;
  PlxThemeTree   *tree;
  char           *uuid;
  guint           refresh_source;

  GtkLabel       *title_label;
  GtkLabel       *definition_label;
  GtkLabel       *inclusion_heading;
  GtkLabel       *inclusion_label;
  GtkLabel       *exclusion_heading;
  GtkLabel       *exclusion_label;
  GtkLabel       *examples_heading;
  GtkListBox     *examples_list;
  GtkLabel       *passages_heading;
  GtkCheckButton *children_check;
  GtkListBox     *passages_list;
};

G_DEFINE_FINAL_TYPE (PlxCodebookSidebarPage, plx_codebook_sidebar_page, GTK_TYPE_BOX)

enum {
  PASSAGE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
draw_bar (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        data)
{
  GdkRGBA color;

  if (!gdk_rgba_parse (&color, data))
    return;
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
}

/* A passage as a row: a bar in its perspective's colour, the quote, and
 * where it is (document · perspective, and the theme when it is one
 * under the page's). */
static GtkWidget *
passage_row_new (PlxCodebookSidebarPage *self,
                 PlxAnnotation          *annotation,
                 GHashTable             *titles,
                 const char             *via_theme)
{
  PlxPerspective *perspective = plx_project_find_perspective (self->project, plx_annotation_get_perspective_id (annotation));
  const char *title = g_hash_table_lookup (titles, &(gint64) { plx_annotation_get_document_id (annotation) });
  const char *perspective_name = perspective ? plx_perspective_get_name (perspective) : "";
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *bar = gtk_drawing_area_new ();
  GtkWidget *quote = gtk_label_new (plx_annotation_get_quote (annotation));
  g_autofree char *where = NULL;
  g_autofree char *spoken = NULL;
  GtkWidget *caption;

  /* The perspective first: a long title is what gets cut. */
  if (via_theme != NULL)
    {
      /* Translators: under a quote: the perspective · the theme (one
       * under the page's) it carries. */
      g_autofree char *who = g_strdup_printf (_("%s · %s"), perspective_name, via_theme);

      /* Translators: under a quote: the perspective · the document's title. */
      where = g_strdup_printf (_("%s · %s"), who, title ? title : "");
    }
  else
    where = g_strdup_printf (_("%s · %s"), perspective_name, title ? title : "");
  caption = gtk_label_new (where);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (bar), 4);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (bar), draw_bar,
                                  g_strdup (perspective ? plx_perspective_get_color (perspective) : "#888888"), g_free);
  gtk_label_set_xalign (GTK_LABEL (quote), 0);
  gtk_label_set_wrap (GTK_LABEL (quote), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (quote), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (quote), 4);
  gtk_label_set_ellipsize (GTK_LABEL (quote), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (text), quote);
  gtk_box_append (GTK_BOX (text), caption);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), text);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  spoken = g_strdup_printf ("%s, %s", plx_annotation_get_quote (annotation), where);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  gtk_widget_set_tooltip_text (row, _("Show the passage in its document"));
  g_object_set_data_full (G_OBJECT (row), "uuid", g_strdup (plx_annotation_get_uuid (annotation)), g_free);
  g_object_set_data (G_OBJECT (row), "document-id", GSIZE_TO_POINTER (plx_annotation_get_document_id (annotation)));
  return row;
}

static GtkWidget *
placeholder_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
set_note (GtkLabel   *heading,
          GtkLabel   *label,
          const char *text)
{
  gboolean shown = text != NULL && *text != '\0';

  gtk_label_set_text (label, shown ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (heading), shown);
  gtk_widget_set_visible (GTK_WIDGET (label), shown);
}

/* The theme and, when asked, every theme under it, in tree order. */
static void
collect_themes (PlxCodebookSidebarPage *self,
                PlxTheme               *theme,
                GPtrArray              *themes,
                guint                   depth)
{
  GListModel *children;

  g_ptr_array_add (themes, theme);
  if (!gtk_check_button_get_active (self->children_check) || depth >= 64)
    return;
  children = plx_theme_tree_get_children (self->tree, theme);
  for (guint i = 0; children != NULL && i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(PlxTheme) child = g_list_model_get_item (children, i);

      collect_themes (self, child, themes, depth + 1);
    }
}

static int
compare_passages (gconstpointer a,
                  gconstpointer b)
{
  PlxAnnotation *x = *(PlxAnnotation * const *) a;
  PlxAnnotation *y = *(PlxAnnotation * const *) b;

  if (plx_annotation_get_document_id (x) != plx_annotation_get_document_id (y))
    return plx_annotation_get_document_id (x) < plx_annotation_get_document_id (y) ? -1 : 1;
  if (plx_annotation_get_start (x) != plx_annotation_get_start (y))
    return plx_annotation_get_start (x) < plx_annotation_get_start (y) ? -1 : 1;
  return (int) plx_annotation_get_perspective_id (x) - (int) plx_annotation_get_perspective_id (y);
}

static void
fill (PlxCodebookSidebarPage *self)
{
  PlxTheme *theme = self->tree && self->uuid ? plx_theme_tree_find (self->tree, self->uuid) : NULL;
  g_autoptr(GHashTable) titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) via = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GPtrArray) themes = g_ptr_array_new ();
  g_autoptr(GPtrArray) passages = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) documents = NULL;
  g_autofree char *path = NULL;
  g_autofree char *heading = NULL;
  const char * const *examples;
  guint n_examples = 0;

  clear_list (self->examples_list);
  clear_list (self->passages_list);
  if (theme == NULL)
    {
      gtk_label_set_text (self->title_label, "");
      return;
    }

  path = plx_codebook_dup_path (plx_theme_tree_get_codebook (self->tree), theme);
  gtk_label_set_text (self->title_label, path);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), path);
  if (*plx_theme_get_description (theme) != '\0')
    {
      gtk_label_set_text (self->definition_label, plx_theme_get_description (theme));
      gtk_widget_remove_css_class (GTK_WIDGET (self->definition_label), "dim-label");
    }
  else
    {
      gtk_label_set_text (self->definition_label, _("No definition yet. Define… says what the theme covers."));
      gtk_widget_add_css_class (GTK_WIDGET (self->definition_label), "dim-label");
    }
  set_note (self->inclusion_heading, self->inclusion_label, plx_theme_get_inclusion (theme));
  set_note (self->exclusion_heading, self->exclusion_label, plx_theme_get_exclusion (theme));

  documents = plx_project_list_document_summaries (self->project, NULL);
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      PlxDocumentSummary *summary = &g_array_index (documents, PlxDocumentSummary, i);

      g_hash_table_insert (titles, g_memdup2 (&summary->id, sizeof summary->id), g_strdup (summary->title));
    }

  examples = plx_theme_get_examples (theme);
  for (guint i = 0; examples != NULL && examples[i] != NULL; i++)
    {
      g_autoptr(PlxAnnotation) example = plx_project_get_annotation (self->project, examples[i], NULL);

      if (example != NULL)
        {
          gtk_list_box_append (self->examples_list, passage_row_new (self, example, titles, NULL));
          n_examples++;
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->examples_heading), n_examples > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->examples_list), n_examples > 0);

  /* A passage with the theme and one under it is listed once. */
  collect_themes (self, theme, themes, 0);
  for (guint t = 0; t < themes->len; t++)
    {
      PlxTheme *each = g_ptr_array_index (themes, t);
      PlxAnnotationQuery query = { 0, 0, plx_theme_get_name (each) };
      g_autoptr(GPtrArray) found = plx_project_list_annotations (self->project, &query, NULL);

      for (guint i = 0; found != NULL && i < found->len; i++)
        {
          PlxAnnotation *annotation = g_ptr_array_index (found, i);

          if (g_hash_table_contains (seen, plx_annotation_get_uuid (annotation)))
            continue;
          g_hash_table_add (seen, (gpointer) plx_annotation_get_uuid (annotation));
          if (each != theme)
            g_hash_table_insert (via, annotation, (gpointer) plx_theme_get_name (each));
          g_ptr_array_add (passages, g_object_ref (annotation));
        }
    }
  g_ptr_array_sort (passages, compare_passages);
  for (guint i = 0; i < passages->len; i++)
    {
      PlxAnnotation *annotation = g_ptr_array_index (passages, i);

      gtk_list_box_append (self->passages_list,
                           passage_row_new (self, annotation, titles, g_hash_table_lookup (via, annotation)));
    }
  heading = g_strdup_printf (ngettext ("%u Passage", "%u Passages", passages->len), passages->len);
  gtk_label_set_text (self->passages_heading, heading);
}

static gboolean
refresh_cb (gpointer data)
{
  PlxCodebookSidebarPage *self = data;

  self->refresh_source = 0;
  fill (self);
  return G_SOURCE_REMOVE;
}

/* Queues a reading of the theme and its passages again, while the page
 * shows: every commit would otherwise query the passages (tagging must
 * stay instant), and showing a theme reads them anyway. */
void
plx_codebook_sidebar_page_refresh (PlxCodebookSidebarPage *self)
{
  g_return_if_fail (PLX_IS_CODEBOOK_SIDEBAR_PAGE (self));

  if (self->refresh_source == 0 && self->uuid != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->refresh_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_cb, self, NULL);
}

static void
children_toggled_cb (PlxCodebookSidebarPage *self)
{
  fill (self);
}

static void
row_activated_cb (GtkListBox             *list,
                  GtkListBoxRow          *row,
                  PlxCodebookSidebarPage *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (row), "uuid");
  gint64 document_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "document-id"));

  if (uuid != NULL)
    g_signal_emit (self, signals[PASSAGE_ACTIVATED], 0, document_id, uuid);
}

void
plx_codebook_sidebar_page_set_project (PlxCodebookSidebarPage *self,
                                       PlxProject             *project,
                                       PlxThemeTree           *tree)
{
  g_return_if_fail (PLX_IS_CODEBOOK_SIDEBAR_PAGE (self));

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  g_set_object (&self->tree, tree);
  g_clear_pointer (&self->uuid, g_free);
  if (project != NULL)
    g_signal_connect_swapped (project, "changes-committed", G_CALLBACK (plx_codebook_sidebar_page_refresh), self);
  fill (self);
}

/* Shows the theme @uuid; FALSE when there is none. */
gboolean
plx_codebook_sidebar_page_show_theme (PlxCodebookSidebarPage *self,
                                      const char             *uuid)
{
  g_return_val_if_fail (PLX_IS_CODEBOOK_SIDEBAR_PAGE (self), FALSE);

  if (self->tree == NULL || uuid == NULL || plx_theme_tree_find (self->tree, uuid) == NULL)
    return FALSE;
  g_free (self->uuid);
  self->uuid = g_strdup (uuid);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  fill (self);
  return TRUE;
}

const char *
plx_codebook_sidebar_page_get_uuid (PlxCodebookSidebarPage *self)
{
  g_return_val_if_fail (PLX_IS_CODEBOOK_SIDEBAR_PAGE (self), NULL);
  return self->uuid;
}

GtkListBox *
plx_codebook_sidebar_page_get_passages (PlxCodebookSidebarPage *self)
{
  g_return_val_if_fail (PLX_IS_CODEBOOK_SIDEBAR_PAGE (self), NULL);

  if (self->refresh_source != 0)
    {
      g_clear_handle_id (&self->refresh_source, g_source_remove);
      fill (self);
    }
  return self->passages_list;
}

void
plx_codebook_sidebar_page_set_include_children (PlxCodebookSidebarPage *self,
                                                gboolean                include)
{
  g_return_if_fail (PLX_IS_CODEBOOK_SIDEBAR_PAGE (self));
  gtk_check_button_set_active (self->children_check, include);
}

/* Puts the keyboard on the first passage (or the toggle). */
void
plx_codebook_sidebar_page_focus (PlxCodebookSidebarPage *self)
{
  GtkListBoxRow *first;

  g_return_if_fail (PLX_IS_CODEBOOK_SIDEBAR_PAGE (self));

  first = gtk_list_box_get_row_at_index (self->passages_list, 0);
  if (first == NULL || !gtk_widget_grab_focus (GTK_WIDGET (first)))
    gtk_widget_grab_focus (GTK_WIDGET (self->children_check));
}

static void
plx_codebook_sidebar_page_dispose (GObject *object)
{
  PlxCodebookSidebarPage *self = PLX_CODEBOOK_SIDEBAR_PAGE (object);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_object (&self->project);
  g_clear_object (&self->tree);
  g_clear_pointer (&self->uuid, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLX_TYPE_CODEBOOK_SIDEBAR_PAGE);
  G_OBJECT_CLASS (plx_codebook_sidebar_page_parent_class)->dispose (object);
}

static void
plx_codebook_sidebar_page_class_init (PlxCodebookSidebarPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plx_codebook_sidebar_page_dispose;

  /**
   * PlxCodebookSidebarPage::passage-activated:
   * @document_id: the passage's document
   * @uuid: the passage
   */
  signals[PASSAGE_ACTIVATED] =
    g_signal_new ("passage-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax_annotator/Parallax/ui/plx-codebook-sidebar-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PlxCodebookSidebarPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, PlxCodebookSidebarPage, definition_label);
  gtk_widget_class_bind_template_child (widget_class, PlxCodebookSidebarPage, inclusion_heading);
  gtk_widget_class_bind_template_child (widget_class, PlxCodebookSidebarPage, inclusion_label);
  gtk_widget_class_bind_template_child (widget_class, PlxCodebookSidebarPage, exclusion_heading);
  gtk_widget_class_bind_template_child (widget_class, PlxCodebookSidebarPage, exclusion_label);
  gtk_widget_class_bind_template_child (widget_class, PlxCodebookSidebarPage, examples_heading);
  gtk_widget_class_bind_template_child (widget_class, PlxCodebookSidebarPage, examples_list);
  gtk_widget_class_bind_template_child (widget_class, PlxCodebookSidebarPage, passages_heading);
  gtk_widget_class_bind_template_child (widget_class, PlxCodebookSidebarPage, children_check);
  gtk_widget_class_bind_template_child (widget_class, PlxCodebookSidebarPage, passages_list);
  gtk_widget_class_bind_template_callback (widget_class, children_toggled_cb);
}

static void
plx_codebook_sidebar_page_init (PlxCodebookSidebarPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_placeholder (self->passages_list, placeholder_new (_("No passage carries this theme yet.")));
  g_signal_connect (self->passages_list, "row-activated", G_CALLBACK (row_activated_cb), self);
  g_signal_connect (self->examples_list, "row-activated", G_CALLBACK (row_activated_cb), self);
}

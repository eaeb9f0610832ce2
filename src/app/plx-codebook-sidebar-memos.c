/* plx-codebook-sidebar-memos.c: the project's memos beside the text: a
 * list (the project memo, memos on documents, perspectives and themes,
 * free memos), and an editor with the memo's title, text and cited
 * passages.
 *
 * Every change is a change set through the history (plx_memo_changes_*),
 * so Ctrl+Z in the window undoes it as one step: a new memo, an edit
 * (saved on Back, or when another memo opens), a citation added or
 * removed, a deletion (which also offers Undo in a toast). While typing,
 * the text view's own undo takes back keystrokes. A citation whose
 * passage is gone is shown as broken, never an error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-codebook"

#include <glib/gi18n.h>

#include "plx-codebook-sidebar-memos.h"
#include "plx-window.h"

struct _PlxCodebookSidebarMemos
{
  GtkBox          parent_instance;

  PlxProject     *project;
  PlxHistory     *history;
  char           *theme_uuid;    /* the theme selected in the tree, for "Memo on …" */
  PlxMemo        *editing;       /* the memo open, as stored when opened or saved */
  GPtrArray      *citations;     /* the editor's citations (annotation UUIDs) */
  guint           refresh_source;
  gboolean        saving;

  GtkStack       *stack;
  GtkMenuButton  *new_button;
  GtkListBox     *memo_list;
  GtkLabel       *about_label;
  GtkEntry       *title_entry;
  GtkTextView    *body_view;
  GtkLabel       *citations_heading;
  GtkListBox     *citation_list;
};

G_DEFINE_FINAL_TYPE (PlxCodebookSidebarMemos, plx_codebook_sidebar_memos, GTK_TYPE_BOX)

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
show_error (PlxCodebookSidebarMemos *self,
            const char              *heading,
            GError                  *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (PLX_IS_WINDOW (root))
    plx_window_show_error (PLX_WINDOW (root), heading, error);
  else
    g_warning ("%s: %s", heading, error->message);
}

/* Applies @changes (or shows the builder's @build_error) as one step. */
static gboolean
apply (PlxCodebookSidebarMemos *self,
       PlxChangeSet            *changes,
       GError                  *build_error,
       const char              *heading)
{
  g_autoptr(PlxChangeSet) owned = changes;
  g_autoptr(GError) error = build_error;

  if (owned != NULL && self->history != NULL && !plx_history_apply_changes (self->history, owned, &error))
    g_clear_object (&owned);
  if (owned == NULL)
    {
      show_error (self, heading, error);
      return FALSE;
    }
  return TRUE;
}

static PlxDocument *
shown_document (PlxCodebookSidebarMemos *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return PLX_IS_WINDOW (root) ? plx_window_get_document (PLX_WINDOW (root)) : NULL;
}

static PlxPerspective *
find_perspective (PlxCodebookSidebarMemos *self,
                  const char              *uuid)
{
  GListModel *perspectives = plx_project_get_perspectives (self->project);

  for (guint i = 0; i < g_list_model_get_n_items (perspectives); i++)
    {
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (perspectives, i);

      if (g_strcmp0 (plx_perspective_get_uuid (perspective), uuid) == 0)
        return perspective;  /* the project's list keeps it */
    }
  return NULL;
}

/* What a memo is about, as a line under its title. */
static char *
dup_about (PlxCodebookSidebarMemos *self,
           PlxMemo                 *memo)
{
  const char *target = plx_memo_get_target_uuid (memo);

  switch (plx_memo_get_kind (memo))
    {
    case PLX_MEMO_PROJECT:
      return g_strdup (_("Project memo"));
    case PLX_MEMO_DOCUMENT:
      {
        PlxDocument *document = shown_document (self);

        if (document != NULL && g_strcmp0 (plx_document_get_uuid (document), target) == 0)
          return g_strdup_printf (_("On the document “%s”"), plx_document_get_title (document));
        return g_strdup (_("On another document"));
      }
    case PLX_MEMO_PERSPECTIVE:
      {
        PlxPerspective *perspective = find_perspective (self, target);

        return perspective ? g_strdup_printf (_("On the perspective “%s”"), plx_perspective_get_name (perspective))
                           : g_strdup (_("On a perspective"));
      }
    case PLX_MEMO_THEME:
      {
        g_autoptr(PlxTheme) theme = plx_project_find_theme (self->project, target, NULL);

        return theme ? g_strdup_printf (_("On the theme “%s”"), plx_theme_get_name (theme))
                     : g_strdup (_("On a theme"));
      }
    case PLX_MEMO_FREE:
    default:
      return g_strdup (_("Free memo"));
    }
}

static GtkWidget *
memo_row_new (PlxCodebookSidebarMemos *self,
              PlxMemo                 *memo)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  const char *title = plx_memo_get_title (memo);
  GtkWidget *heading = gtk_label_new (*title ? title : _("Untitled Memo"));
  g_autofree char *about = dup_about (self, memo);
  GtkWidget *caption = gtk_label_new (about);
  g_autofree char *spoken = g_strdup_printf ("%s, %s", gtk_label_get_text (GTK_LABEL (heading)), about);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_ellipsize (GTK_LABEL (heading), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (box), heading);
  /* A title that still says what the memo is about needs no second line. */
  gtk_box_append (GTK_BOX (box), caption);
  gtk_widget_set_visible (caption, g_strcmp0 (about, gtk_label_get_text (GTK_LABEL (heading))) != 0);
  if (*plx_memo_get_body (memo) != '\0')
    {
      GtkWidget *body = gtk_label_new (plx_memo_get_body (memo));

      gtk_label_set_xalign (GTK_LABEL (body), 0);
      gtk_label_set_wrap (GTK_LABEL (body), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (body), 2);
      gtk_label_set_ellipsize (GTK_LABEL (body), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (body, "caption");
      gtk_box_append (GTK_BOX (box), body);
    }
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  g_object_set_data_full (G_OBJECT (row), "uuid", g_strdup (plx_memo_get_uuid (memo)), g_free);
  return row;
}

/* The project memo first, then by kind, each kind newest first. */
static int
compare_memos (gconstpointer a,
               gconstpointer b)
{
  PlxMemo *x = *(PlxMemo * const *) a;
  PlxMemo *y = *(PlxMemo * const *) b;

  if (plx_memo_get_kind (x) != plx_memo_get_kind (y))
    return (int) plx_memo_get_kind (x) - (int) plx_memo_get_kind (y);
  return -g_strcmp0 (plx_memo_get_modified (x), plx_memo_get_modified (y));
}

static void
fill_list (PlxCodebookSidebarMemos *self)
{
  g_autoptr(GPtrArray) memos = self->project ? plx_project_list_memos (self->project, NULL) : NULL;

  clear_list (self->memo_list);
  if (memos == NULL)
    return;
  g_ptr_array_sort (memos, compare_memos);
  for (guint i = 0; i < memos->len; i++)
    gtk_list_box_append (self->memo_list, memo_row_new (self, g_ptr_array_index (memos, i)));
}

static void
fill_citations (PlxCodebookSidebarMemos *self)
{
  clear_list (self->citation_list);
  for (guint i = 0; i < self->citations->len; i++)
    {
      const char *uuid = g_ptr_array_index (self->citations, i);
      g_autoptr(PlxAnnotation) passage = plx_project_get_annotation (self->project, uuid, NULL);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *quote;
      GtkWidget *remove = gtk_button_new_from_icon_name ("edit-delete-symbolic");

      if (passage != NULL)
        {
          g_autofree char *quoted = g_strdup_printf (_("“%s”"), plx_annotation_get_quote (passage));

          quote = gtk_label_new (quoted);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_widget_set_tooltip_text (row, _("Show the passage in its document"));
          g_object_set_data (G_OBJECT (row), "document-id", GSIZE_TO_POINTER (plx_annotation_get_document_id (passage)));
        }
      else
        {
          quote = gtk_label_new (_("Broken citation: the passage no longer exists"));
          gtk_widget_add_css_class (quote, "dim-label");
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
        }
      gtk_label_set_xalign (GTK_LABEL (quote), 0);
      gtk_label_set_wrap (GTK_LABEL (quote), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (quote), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (quote), 3);
      gtk_label_set_ellipsize (GTK_LABEL (quote), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (quote, TRUE);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (remove, _("Remove Citation"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Citation"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "memos.uncite");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", uuid);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_widget_set_margin_start (box, 8);
      gtk_box_append (GTK_BOX (box), quote);
      gtk_box_append (GTK_BOX (box), remove);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data_full (G_OBJECT (row), "uuid", g_strdup (uuid), g_free);
      gtk_list_box_append (self->citation_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->citations_heading), self->citations->len > 0);
  gtk_widget_set_visible (gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (self->citation_list))),
                          self->citations->len > 0);
}

static char *
dup_body (PlxCodebookSidebarMemos *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Puts @memo (as stored) in the editor. */
static void
load_editor (PlxCodebookSidebarMemos *self,
             PlxMemo                 *memo)
{
  const char * const *citations = plx_memo_get_citations (memo);
  g_autofree char *about = dup_about (self, memo);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);

  g_set_object (&self->editing, memo);
  gtk_label_set_text (self->about_label, about);
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), plx_memo_get_title (memo));
  /* Opening a memo is not a step the text view's undo takes back. */
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, plx_memo_get_body (memo), -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  g_ptr_array_set_size (self->citations, 0);
  for (guint i = 0; citations != NULL && citations[i] != NULL; i++)
    g_ptr_array_add (self->citations, g_strdup (citations[i]));
  fill_citations (self);
}

static gboolean
strv_equal_array (const char * const *strv,
                  GPtrArray          *array)
{
  guint n = strv ? g_strv_length ((char **) strv) : 0;

  if (n != array->len)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (strv[i], g_ptr_array_index (array, i)) != 0)
      return FALSE;
  return TRUE;
}

/* Saves the editor's memo if it changed: one undo step. */
static gboolean
save_editor (PlxCodebookSidebarMemos *self)
{
  g_autofree char *body = NULL;
  const char *title;
  g_autoptr(PlxMemo) edited = NULL;
  g_autoptr(PlxMemo) stored = NULL;
  GError *error = NULL;
  PlxChangeSet *changes;

  if (self->editing == NULL || self->project == NULL)
    return TRUE;
  body = dup_body (self);
  title = gtk_editable_get_text (GTK_EDITABLE (self->title_entry));
  if (g_strcmp0 (title, plx_memo_get_title (self->editing)) == 0
      && g_strcmp0 (body, plx_memo_get_body (self->editing)) == 0
      && strv_equal_array (plx_memo_get_citations (self->editing), self->citations))
    return TRUE;
  edited = plx_memo_copy (self->editing);
  plx_memo_set_title (edited, title);
  plx_memo_set_body (edited, body);
  g_ptr_array_add (self->citations, NULL);
  plx_memo_set_citations (edited, (const char * const *) self->citations->pdata);
  g_ptr_array_set_size (self->citations, self->citations->len - 1);
  changes = plx_memo_changes_edit (self->project, edited, &error);
  self->saving = TRUE;
  if (!apply (self, changes, error, _("Could Not Save the Memo")))
    {
      self->saving = FALSE;
      return FALSE;
    }
  self->saving = FALSE;
  stored = plx_project_find_memo (self->project, plx_memo_get_uuid (edited), NULL);
  if (stored != NULL)
    g_set_object (&self->editing, stored);
  return TRUE;
}

static void
show_list (PlxCodebookSidebarMemos *self)
{
  g_clear_object (&self->editing);
  gtk_stack_set_visible_child_name (self->stack, "list");
  fill_list (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "memos.back", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "memos.delete", FALSE);
}

static void
open_memo (PlxCodebookSidebarMemos *self,
           const char              *uuid)
{
  g_autoptr(PlxMemo) memo = NULL;

  if (!save_editor (self))
    return;
  memo = plx_project_find_memo (self->project, uuid, NULL);
  if (memo == NULL)
    return;
  load_editor (self, memo);
  gtk_stack_set_visible_child_name (self->stack, "editor");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "memos.back", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "memos.delete", TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

/* After any committed change (an undo among them): the list again, and
 * the memo open as it is now, or the list if it is gone. */
static gboolean
refresh_cb (gpointer data)
{
  PlxCodebookSidebarMemos *self = data;

  self->refresh_source = 0;
  if (self->editing != NULL)
    {
      g_autoptr(PlxMemo) stored = plx_project_find_memo (self->project, plx_memo_get_uuid (self->editing), NULL);

      if (stored == NULL)
        show_list (self);
      else if (plx_memo_get_revision (stored) != plx_memo_get_revision (self->editing))
        load_editor (self, stored);
      else
        fill_citations (self);
    }
  else
    fill_list (self);
  return G_SOURCE_REMOVE;
}

static void
mapped_cb (PlxCodebookSidebarMemos *self)
{
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->project != NULL)
    refresh_cb (self);
}

/* Only while shown (a commit must stay cheap); shown again, it reads. */
static void
changes_committed_cb (PlxCodebookSidebarMemos *self)
{
  if (self->refresh_source == 0 && !self->saving && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->refresh_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_cb, self, NULL);
}

static char *
author_name (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, "io.github.parallax_annotator.Parallax", TRUE) : NULL;

  if (schema != NULL && g_settings_schema_has_key (schema, "author"))
    {
      g_autoptr(GSettings) settings = g_settings_new ("io.github.parallax_annotator.Parallax");
      g_autofree char *configured = g_settings_get_string (settings, "author");

      if (*configured != '\0')
        return g_steal_pointer (&configured);
    }
  return g_strdup (g_get_real_name ());
}

/* ---- actions ---- */

/* (kind, target UUID or ""): a new memo, opened. */
static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PlxCodebookSidebarMemos *self = PLX_CODEBOOK_SIDEBAR_MEMOS (widget);
  const char *kind_name;
  const char *target;
  PlxMemoKind kind;
  g_autoptr(PlxMemo) memo = NULL;
  g_autofree char *author = author_name ();
  GError *error = NULL;
  PlxChangeSet *changes = NULL;

  g_variant_get (parameter, "(&s&s)", &kind_name, &target);
  if (self->project == NULL)
    return;
  if (!plx_memo_kind_from_string (kind_name, &kind))
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("“%s” is not a kind of memo"), kind_name);
  else
    {
      g_autofree char *about = NULL;

      memo = plx_memo_new (NULL, kind, target);
      /* A memo needs a title or a text: what it is about, to start. */
      about = dup_about (self, memo);
      plx_memo_set_title (memo, about);
      plx_memo_set_author (memo, author);
      changes = plx_memo_changes_add (self->project, memo, &error);
    }
  if (apply (self, changes, error, _("Could Not Add the Memo")))
    open_memo (self, plx_memo_get_uuid (memo));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlxCodebookSidebarMemos *self = PLX_CODEBOOK_SIDEBAR_MEMOS (widget);
  g_autofree char *uuid = self->editing ? g_strdup (plx_memo_get_uuid (self->editing)) : NULL;

  if (!save_editor (self))
    return;
  show_list (self);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->memo_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "uuid"), uuid) == 0)
      {
        gtk_widget_grab_focus (row);
        return;
      }
  gtk_widget_grab_focus (GTK_WIDGET (self->new_button));
}

static void
undo_toast_cb (AdwToast  *toast,
               GtkWidget *widget)
{
  gtk_widget_activate_action (widget, "win.undo", NULL);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlxCodebookSidebarMemos *self = PLX_CODEBOOK_SIDEBAR_MEMOS (widget);
  g_autofree char *uuid = self->editing ? g_strdup (plx_memo_get_uuid (self->editing)) : NULL;
  GtkWidget *overlay;
  GError *error = NULL;
  PlxChangeSet *changes;

  if (uuid == NULL)
    return;
  /* Unsaved edits go with it; Undo brings back the memo as saved. */
  changes = plx_memo_changes_delete (self->project, uuid, &error);
  if (!apply (self, changes, error, _("Could Not Delete the Memo")))
    return;
  show_list (self);
  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      AdwToast *toast = adw_toast_new (_("Memo deleted"));

      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_toast_cb), widget, 0);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->new_button));
}

/* s: an annotation UUID; the memo open cites it (saved at once), or a
 * new free memo does. */
static void
cite_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlxCodebookSidebarMemos *self = PLX_CODEBOOK_SIDEBAR_MEMOS (widget);
  const char *uuid = g_variant_get_string (parameter, NULL);

  if (self->project == NULL)
    return;
  if (self->editing == NULL)
    gtk_widget_activate_action (widget, "memos.new", "(ss)", plx_memo_kind_to_string (PLX_MEMO_FREE), "");
  if (self->editing == NULL)
    return;
  for (guint i = 0; i < self->citations->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->citations, i), uuid) == 0)
      return;
  g_ptr_array_add (self->citations, g_strdup (uuid));
  if (!save_editor (self))
    g_ptr_array_set_size (self->citations, self->citations->len - 1);
  fill_citations (self);
}

static void
uncite_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlxCodebookSidebarMemos *self = PLX_CODEBOOK_SIDEBAR_MEMOS (widget);
  const char *uuid = g_variant_get_string (parameter, NULL);

  for (guint i = 0; i < self->citations->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->citations, i), uuid) == 0)
      {
        g_ptr_array_remove_index (self->citations, i);
        save_editor (self);
        fill_citations (self);
        return;
      }
}

static void
memo_activated_cb (PlxCodebookSidebarMemos *self,
                   GtkListBoxRow           *row)
{
  open_memo (self, g_object_get_data (G_OBJECT (row), "uuid"));
}

static void
citation_activated_cb (PlxCodebookSidebarMemos *self,
                       GtkListBoxRow           *row)
{
  gint64 document_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "document-id"));

  if (document_id != 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.reveal-passage", "(xs)", document_id,
                                (const char *) g_object_get_data (G_OBJECT (row), "uuid"));
}

/* The New menu, made when it opens: what is shown and selected now. */
static void
build_new_menu (GtkMenuButton *button,
                gpointer       data)
{
  PlxCodebookSidebarMemos *self = data;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) perspectives_menu = g_menu_new ();
  PlxDocument *document = shown_document (self);
  g_autoptr(PlxTheme) theme = NULL;
  GListModel *perspectives;
  g_autoptr(GMenuItem) item = NULL;

  item = g_menu_item_new (_("_Project Memo"), NULL);
  g_menu_item_set_action_and_target (item, "memos.new", "(ss)", plx_memo_kind_to_string (PLX_MEMO_PROJECT), "");
  g_menu_append_item (menu, item);
  g_clear_object (&item);
  item = g_menu_item_new (_("_Free Memo"), NULL);
  g_menu_item_set_action_and_target (item, "memos.new", "(ss)", plx_memo_kind_to_string (PLX_MEMO_FREE), "");
  g_menu_append_item (menu, item);
  g_clear_object (&item);
  if (document != NULL)
    {
      item = g_menu_item_new (_("On This _Document"), NULL);
      g_menu_item_set_action_and_target (item, "memos.new", "(ss)", plx_memo_kind_to_string (PLX_MEMO_DOCUMENT),
                                         plx_document_get_uuid (document));
      g_menu_append_item (menu, item);
      g_clear_object (&item);
    }
  if (self->theme_uuid != NULL && self->project != NULL
      && (theme = plx_project_find_theme (self->project, self->theme_uuid, NULL)) != NULL)
    {
      g_autofree char *label = g_strdup_printf (_("On the Theme “%s”"), plx_theme_get_name (theme));

      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "memos.new", "(ss)", plx_memo_kind_to_string (PLX_MEMO_THEME),
                                         plx_theme_get_uuid (theme));
      g_menu_append_item (menu, item);
      g_clear_object (&item);
    }
  perspectives = self->project ? plx_project_get_perspectives (self->project) : NULL;
  for (guint i = 0; perspectives != NULL && i < g_list_model_get_n_items (perspectives); i++)
    {
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (perspectives, i);

      item = g_menu_item_new (plx_perspective_get_name (perspective), NULL);
      g_menu_item_set_action_and_target (item, "memos.new", "(ss)", plx_memo_kind_to_string (PLX_MEMO_PERSPECTIVE),
                                         plx_perspective_get_uuid (perspective));
      g_menu_append_item (perspectives_menu, item);
      g_clear_object (&item);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (perspectives_menu)) > 0)
    g_menu_append_submenu (menu, _("On a _Perspective"), G_MENU_MODEL (perspectives_menu));
  gtk_menu_button_set_menu_model (self->new_button, G_MENU_MODEL (menu));
}

/* ---- public ---- */

void
plx_codebook_sidebar_memos_set_project (PlxCodebookSidebarMemos *self,
                                        PlxProject              *project,
                                        PlxHistory              *history)
{
  g_return_if_fail (PLX_IS_CODEBOOK_SIDEBAR_MEMOS (self));

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_set_object (&self->project, project);
  g_set_object (&self->history, history);
  if (project != NULL)
    g_signal_connect_swapped (project, "changes-committed", G_CALLBACK (changes_committed_cb), self);
  show_list (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "memos.new", project != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "memos.cite", project != NULL);
}

/* The theme selected in the codebook, offered in New; NULL for none. */
void
plx_codebook_sidebar_memos_set_theme (PlxCodebookSidebarMemos *self,
                                      const char              *uuid)
{
  g_return_if_fail (PLX_IS_CODEBOOK_SIDEBAR_MEMOS (self));

  g_free (self->theme_uuid);
  self->theme_uuid = g_strdup (uuid);
}

/* The memo open in the editor, as last saved; NULL on the list. */
PlxMemo *
plx_codebook_sidebar_memos_get_editing (PlxCodebookSidebarMemos *self)
{
  g_return_val_if_fail (PLX_IS_CODEBOOK_SIDEBAR_MEMOS (self), NULL);
  return self->editing;
}

GtkListBox *
plx_codebook_sidebar_memos_get_list (PlxCodebookSidebarMemos *self)
{
  g_return_val_if_fail (PLX_IS_CODEBOOK_SIDEBAR_MEMOS (self), NULL);

  if (self->refresh_source != 0)
    {
      g_clear_handle_id (&self->refresh_source, g_source_remove);
      refresh_cb (self);
    }
  return gtk_stack_get_visible_child (self->stack) == gtk_stack_get_child_by_name (self->stack, "list")
         ? self->memo_list : self->citation_list;
}

GtkEntry *
plx_codebook_sidebar_memos_get_title_entry (PlxCodebookSidebarMemos *self)
{
  g_return_val_if_fail (PLX_IS_CODEBOOK_SIDEBAR_MEMOS (self), NULL);
  return self->title_entry;
}

GtkTextView *
plx_codebook_sidebar_memos_get_body_view (PlxCodebookSidebarMemos *self)
{
  g_return_val_if_fail (PLX_IS_CODEBOOK_SIDEBAR_MEMOS (self), NULL);
  return self->body_view;
}

static void
plx_codebook_sidebar_memos_dispose (GObject *object)
{
  PlxCodebookSidebarMemos *self = PLX_CODEBOOK_SIDEBAR_MEMOS (object);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_object (&self->editing);
  g_clear_object (&self->history);
  g_clear_object (&self->project);
  g_clear_pointer (&self->theme_uuid, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLX_TYPE_CODEBOOK_SIDEBAR_MEMOS);
  G_OBJECT_CLASS (plx_codebook_sidebar_memos_parent_class)->dispose (object);
}

static void
plx_codebook_sidebar_memos_finalize (GObject *object)
{
  PlxCodebookSidebarMemos *self = PLX_CODEBOOK_SIDEBAR_MEMOS (object);

  g_ptr_array_unref (self->citations);
  G_OBJECT_CLASS (plx_codebook_sidebar_memos_parent_class)->finalize (object);
}

static void
plx_codebook_sidebar_memos_class_init (PlxCodebookSidebarMemosClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plx_codebook_sidebar_memos_dispose;
  object_class->finalize = plx_codebook_sidebar_memos_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax_annotator/Parallax/ui/plx-codebook-sidebar-memos.ui");
  gtk_widget_class_bind_template_child (widget_class, PlxCodebookSidebarMemos, stack);
  gtk_widget_class_bind_template_child (widget_class, PlxCodebookSidebarMemos, new_button);
  gtk_widget_class_bind_template_child (widget_class, PlxCodebookSidebarMemos, memo_list);
  gtk_widget_class_bind_template_child (widget_class, PlxCodebookSidebarMemos, about_label);
  gtk_widget_class_bind_template_child (widget_class, PlxCodebookSidebarMemos, title_entry);
  gtk_widget_class_bind_template_child (widget_class, PlxCodebookSidebarMemos, body_view);
  gtk_widget_class_bind_template_child (widget_class, PlxCodebookSidebarMemos, citations_heading);
  gtk_widget_class_bind_template_child (widget_class, PlxCodebookSidebarMemos, citation_list);

  gtk_widget_class_install_action (widget_class, "memos.new", "(ss)", new_action);
  gtk_widget_class_install_action (widget_class, "memos.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "memos.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "memos.cite", "s", cite_action);
  gtk_widget_class_install_action (widget_class, "memos.uncite", "s", uncite_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "memos.back", NULL);
}

static void
plx_codebook_sidebar_memos_init (PlxCodebookSidebarMemos *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->citations = g_ptr_array_new_with_free_func (g_free);
  placeholder = gtk_label_new (_("No memos yet. A memo keeps an analytic thought: about the project, a document, a perspective or a theme."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->memo_list, placeholder);
  g_signal_connect_swapped (self->memo_list, "row-activated", G_CALLBACK (memo_activated_cb), self);
  g_signal_connect_swapped (self->citation_list, "row-activated", G_CALLBACK (citation_activated_cb), self);
  gtk_menu_button_set_create_popup_func (self->new_button, build_new_menu, self, NULL);
  g_signal_connect (self, "map", G_CALLBACK (mapped_cb), NULL);
  show_list (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "memos.new", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "memos.cite", FALSE);
}

/* plx-codebook-sidebar.c: the codebook beside the text.
 *
 * A GtkListView over a GtkTreeListModel of PlxThemeTree's live lists: the
 * rows are the same PlxTheme objects the tree updates in place, so a
 * rename shows without rebuilding. The counts per perspective come from a
 * PlxThemeRollup remade (at idle) when the codebook or the passages change.
 * Every operation builds a change set with plx_theme_changes_*() and
 * applies it through the history: one undo step, nothing half-done; the
 * core's error is shown as it is, since it names the theme and the
 * problem.
 *
 * The counts are in plx-codebook-sidebar-counts.c, drag and drop in
 * plx-codebook-sidebar-dnd.c. The dialogs (plx-codebook-sidebar-dialogs.c)
 * and drops end in actions with parameters ("codebook.rename-to",
 * "codebook.move-under", …), so keyboard, menu, mouse and tests take one
 * path.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-codebook"

#include <glib/gi18n.h>

#include "plx-codebook-sidebar-memos.h"
#include "plx-codebook-sidebar-page.h"
#include "plx-codebook-sidebar-private.h"

G_DEFINE_FINAL_TYPE (PlxCodebookSidebar, plx_codebook_sidebar, GTK_TYPE_BOX)

static void
show_error (PlxCodebookSidebar *self,
            const char         *heading,
            GError             *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Applies @changes as one undo step; NULL changes carry the builder's
 * error. */
static gboolean
apply (PlxCodebookSidebar *self,
       PlxChangeSet       *changes,
       GError             *build_error,
       const char         *heading)
{
  g_autoptr(PlxChangeSet) owned = changes;
  g_autoptr(GError) error = build_error;

  if (owned != NULL && !plx_history_apply_changes (self->history, owned, &error))
    g_clear_object (&owned);
  if (owned == NULL)
    {
      show_error (self, heading, error);
      return FALSE;
    }
  return TRUE;
}

/* ---- rows ---- */

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  PlxCodebookSidebar *self = user_data;
  GListModel *children;

  if (self->tree == NULL)
    return NULL;
  children = plx_theme_tree_get_children (self->tree, item);
  /* The same list for as long as the theme lives: children added later
   * show up in it, so every theme may expand. */
  return children ? g_object_ref (children) : NULL;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           PlxCodebookSidebar       *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *counts = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (counts, "numeric");
  gtk_widget_add_css_class (counts, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), counts);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  g_object_set_data (G_OBJECT (expander), "name", name);
  g_object_set_data (G_OBJECT (expander), "counts", counts);
  _plx_codebook_sidebar_dnd_setup_row (self, expander);
  gtk_list_item_set_child (item, expander);
}

/* The tree list forgets which rows were open when a list it holds is
 * changed around them (a merge, a rename that reorders): the sidebar
 * remembers them by UUID and opens them again. */
static void
row_expanded_cb (PlxCodebookSidebar *self,
                 GParamSpec         *pspec,
                 GtkTreeListRow     *row)
{
  PlxTheme *theme = gtk_tree_list_row_get_item (row);

  if (theme == NULL || (self->tree_model != NULL && gtk_tree_list_model_get_autoexpand (self->tree_model)))
    return;
  if (gtk_tree_list_row_get_expanded (row))
    g_hash_table_add (self->expanded, g_strdup (plx_theme_get_uuid (theme)));
  else
    g_hash_table_remove (self->expanded, plx_theme_get_uuid (theme));
}

static void
reopen_rows (PlxCodebookSidebar *self)
{
  GListModel *rows = G_LIST_MODEL (self->tree_model);

  if (rows == NULL || g_hash_table_size (self->expanded) == 0)
    return;
  /* Opening a row adds its children after it, so the loop sees them. */
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      PlxTheme *theme = gtk_tree_list_row_get_item (row);

      if (theme != NULL && !gtk_tree_list_row_get_expanded (row)
          && g_hash_table_contains (self->expanded, plx_theme_get_uuid (theme)))
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          PlxCodebookSidebar       *self)
{
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  PlxTheme *theme = gtk_tree_list_row_get_item (row);
  GtkLabel *name = g_object_get_data (G_OBJECT (expander), "name");
  GtkLabel *counts = g_object_get_data (G_OBJECT (expander), "counts");
  GBinding *binding;

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  g_signal_connect_swapped (row, "notify::expanded", G_CALLBACK (row_expanded_cb), self);
  binding = g_object_bind_property (theme, "name", name, "label", G_BINDING_SYNC_CREATE);
  g_object_set_data (G_OBJECT (expander), "binding", binding);
  gtk_widget_set_tooltip_text (GTK_WIDGET (name), *plx_theme_get_description (theme) ? plx_theme_get_description (theme) : NULL);
  g_object_set_data_full (G_OBJECT (counts), "theme", g_object_ref (theme), g_object_unref);
  _plx_codebook_sidebar_update_counts_label (self, counts);
  g_ptr_array_add (self->count_labels, counts);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            PlxCodebookSidebar       *self)
{
  GtkWidget *expander = gtk_list_item_get_child (item);
  GBinding *binding = g_object_get_data (G_OBJECT (expander), "binding");
  GtkLabel *counts = g_object_get_data (G_OBJECT (expander), "counts");

  if (binding != NULL)
    g_binding_unbind (binding);
  if (gtk_list_item_get_item (item) != NULL)
    g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), row_expanded_cb, self);
  g_object_set_data (G_OBJECT (expander), "binding", NULL);
  g_object_set_data (G_OBJECT (counts), "theme", NULL);
  g_ptr_array_remove_fast (self->count_labels, counts);
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
}

/* The search keeps a theme whose name holds the text, and the themes
 * above it, so a match is seen where it sits. */
static gboolean
theme_matches (PlxCodebookSidebar *self,
               PlxTheme           *theme,
               const char         *folded_query,
               guint               depth)
{
  g_autofree char *folded = g_utf8_casefold (plx_theme_get_name (theme), -1);
  GListModel *children;

  if (strstr (folded, folded_query) != NULL)
    return TRUE;
  children = plx_theme_tree_get_children (self->tree, theme);
  for (guint i = 0; children != NULL && depth < 64 && i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(PlxTheme) child = g_list_model_get_item (children, i);

      if (theme_matches (self, child, folded_query, depth + 1))
        return TRUE;
    }
  return FALSE;
}

static gboolean
filter_row (gpointer item,
            gpointer user_data)
{
  PlxCodebookSidebar *self = user_data;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *folded = NULL;

  if (*query == '\0' || self->tree == NULL)
    return TRUE;
  folded = g_utf8_casefold (query, -1);
  return theme_matches (self, gtk_tree_list_row_get_item (item), folded, 0);
}

static void
search_changed_cb (PlxCodebookSidebar *self)
{
  gboolean searching = *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0';

  /* While searching every theme is open, so matches below show. */
  if (self->tree_model != NULL && gtk_tree_list_model_get_autoexpand (self->tree_model) != searching)
    {
      gtk_tree_list_model_set_autoexpand (self->tree_model, searching);
      if (searching)
        for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->tree_model)); i++)
          {
            g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree_model), i);

            gtk_tree_list_row_set_expanded (row, TRUE);
          }
    }
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
update_actions (PlxCodebookSidebar *self)
{
  gboolean has_project = self->tree != NULL && self->history != NULL;
  gboolean selected = has_project && plx_codebook_sidebar_get_selected (self) != NULL;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "codebook.new", has_project);
  gtk_widget_action_set_enabled (widget, "codebook.create", has_project);
  gtk_widget_action_set_enabled (widget, "codebook.open", selected);
  gtk_widget_action_set_enabled (widget, "codebook.back",
                                 g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "theme") == 0);
  gtk_widget_action_set_enabled (widget, "codebook.rename", selected);
  gtk_widget_action_set_enabled (widget, "codebook.define", selected);
  gtk_widget_action_set_enabled (widget, "codebook.move", selected);
  gtk_widget_action_set_enabled (widget, "codebook.merge", selected);
  gtk_widget_action_set_enabled (widget, "codebook.delete", selected);
  gtk_widget_action_set_enabled (widget, "codebook.rename-to", has_project);
  gtk_widget_action_set_enabled (widget, "codebook.define-as", has_project);
  gtk_widget_action_set_enabled (widget, "codebook.move-under", has_project);
  gtk_widget_action_set_enabled (widget, "codebook.merge-into", has_project);
  gtk_widget_action_set_enabled (widget, "codebook.delete-theme", has_project);
}

static void
tree_changed_cb (PlxCodebookSidebar *self)
{
  gboolean empty = self->tree == NULL
                   || g_list_model_get_n_items (plx_theme_tree_get_roots (self->tree)) == 0;
  const char *shown = plx_codebook_sidebar_page_get_uuid (self->page);
  gboolean on_page = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "theme") == 0;

  /* The page stays while its theme does (a rename, a move); a theme
   * merged away or deleted takes the reader back to the tree. */
  if (on_page && shown != NULL && self->tree != NULL && plx_theme_tree_find (self->tree, shown) != NULL)
    plx_codebook_sidebar_page_refresh (self->page);
  else
    {
      gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "tree");
      gtk_widget_set_visible (self->search_bar, TRUE);
    }
  reopen_rows (self);
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  _plx_codebook_sidebar_queue_rollup (self);
  update_actions (self);
}

/* ---- public ---- */

void
plx_codebook_sidebar_set_annotations (PlxCodebookSidebar *self,
                                      GListModel         *annotations)
{
  g_return_if_fail (PLX_IS_CODEBOOK_SIDEBAR (self));

  if (self->annotations == annotations)
    return;
  if (self->annotations != NULL)
    g_signal_handlers_disconnect_by_data (self->annotations, self);
  g_set_object (&self->annotations, annotations);
  if (annotations != NULL)
    g_signal_connect_swapped (annotations, "items-changed", G_CALLBACK (_plx_codebook_sidebar_queue_rollup), self);
  _plx_codebook_sidebar_queue_rollup (self);
}

void
plx_codebook_sidebar_set_project (PlxCodebookSidebar *self,
                                  PlxProject         *project,
                                  PlxHistory         *history)
{
  g_autoptr(GError) error = NULL;
  GListModel *roots = NULL;

  g_return_if_fail (PLX_IS_CODEBOOK_SIDEBAR (self));

  if (self->tree != NULL)
    g_signal_handlers_disconnect_by_data (self->tree, self);
  gtk_filter_list_model_set_model (self->filtered, NULL);
  g_clear_object (&self->tree_model);
  g_clear_object (&self->tree);
  g_clear_object (&self->rollup);
  if (self->project != project)
    g_hash_table_remove_all (self->expanded);
  g_set_object (&self->project, project);
  g_set_object (&self->history, history);
  if (project != NULL)
    {
      self->tree = plx_theme_tree_new (project, &error);
      if (self->tree == NULL)
        g_warning ("The codebook could not be read: %s", error->message);
    }
  if (self->tree != NULL)
    {
      g_signal_connect_swapped (self->tree, "changed", G_CALLBACK (tree_changed_cb), self);
      roots = g_object_ref (plx_theme_tree_get_roots (self->tree));
      self->tree_model = gtk_tree_list_model_new (roots, FALSE, FALSE, create_children, self, NULL);
      gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (self->tree_model));
      search_changed_cb (self);
    }
  plx_codebook_sidebar_page_set_project (self->page, project, self->tree);
  plx_codebook_sidebar_memos_set_project (self->memos, project, history);
  gtk_stack_set_visible_child_name (self->stack, "tree");
  tree_changed_cb (self);
}

PlxTheme *
plx_codebook_sidebar_get_selected (PlxCodebookSidebar *self)
{
  GtkTreeListRow *row;

  g_return_val_if_fail (PLX_IS_CODEBOOK_SIDEBAR (self), NULL);

  row = gtk_single_selection_get_selected_item (self->selection);
  return row ? gtk_tree_list_row_get_item (row) : NULL;
}

/* The rows shown (GtkTreeListRow of PlxTheme), after the search. */
GListModel *
plx_codebook_sidebar_get_rows (PlxCodebookSidebar *self)
{
  g_return_val_if_fail (PLX_IS_CODEBOOK_SIDEBAR (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

/* Selects the theme @uuid, opening the themes above it. */
gboolean
plx_codebook_sidebar_select_theme (PlxCodebookSidebar *self,
                                   const char         *uuid)
{
  GListModel *rows = G_LIST_MODEL (self->filtered);

  g_return_val_if_fail (PLX_IS_CODEBOOK_SIDEBAR (self), FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      PlxTheme *theme = gtk_tree_list_row_get_item (row);

      if (g_strcmp0 (plx_theme_get_uuid (theme), uuid) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          return TRUE;
        }
      /* Open a row whose theme is an ancestor: its children follow it. */
      if (!gtk_tree_list_row_get_expanded (row) && self->tree != NULL)
        {
          PlxTheme *found = plx_theme_tree_find (self->tree, uuid);

          for (int depth = 0; found != NULL && depth < 64; depth++)
            {
              const char *parent = plx_theme_get_parent_uuid (found);

              if (parent == NULL || *parent == '\0')
                break;
              if (g_strcmp0 (parent, plx_theme_get_uuid (theme)) == 0)
                {
                  gtk_tree_list_row_set_expanded (row, TRUE);
                  g_hash_table_add (self->expanded, g_strdup (plx_theme_get_uuid (theme)));
                  break;
                }
              found = plx_theme_tree_find (self->tree, parent);
            }
        }
    }
  return FALSE;
}

/* What the row of @uuid says for its counts, as read out ("Armenian 2,
 * Azerbaijani 0, …"): for tests and screen readers. */
char *
plx_codebook_sidebar_dup_counts_text (PlxCodebookSidebar *self,
                                      const char         *uuid)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GListModel *perspectives;
  int row;

  g_return_val_if_fail (PLX_IS_CODEBOOK_SIDEBAR (self), NULL);

  if (self->rollup_source != 0)
    {
      g_source_remove (self->rollup_source);
      _plx_codebook_sidebar_remake_rollup (self);
    }
  if (self->rollup == NULL || (row = plx_theme_rollup_find (self->rollup, uuid)) < 0)
    return NULL;
  perspectives = plx_project_get_perspectives (self->project);
  for (guint p = 0; p < MIN (g_list_model_get_n_items (perspectives), plx_theme_rollup_get_n_perspectives (self->rollup)); p++)
    {
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (perspectives, p);

      g_string_append_printf (text, "%s%s %u", text->len ? ", " : "", plx_perspective_get_name (perspective),
                              plx_theme_rollup_get_count (self->rollup, row, p, PLX_ROLLUP_ROLLED));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---- operations ---- */

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlxCodebookSidebar *self = PLX_CODEBOOK_SIDEBAR (widget);
  const char *name;
  const char *parent;
  g_autoptr(PlxTheme) created = NULL;
  GError *error = NULL;
  PlxChangeSet *changes;

  g_variant_get (parameter, "(&s&s)", &name, &parent);
  changes = plx_theme_changes_create (self->project, name, *parent ? parent : NULL, NULL, &created, &error);
  if (apply (self, changes, error, _("Could Not Create the Theme")) && created != NULL)
    plx_codebook_sidebar_select_theme (self, plx_theme_get_uuid (created));
}

static void
rename_to_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PlxCodebookSidebar *self = PLX_CODEBOOK_SIDEBAR (widget);
  const char *uuid;
  const char *name;
  GError *error = NULL;
  PlxChangeSet *changes;

  g_variant_get (parameter, "(&s&s)", &uuid, &name);
  changes = plx_theme_changes_rename (self->project, uuid, name, &error);
  apply (self, changes, error, _("Could Not Rename the Theme"));
}

static void
define_as_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PlxCodebookSidebar *self = PLX_CODEBOOK_SIDEBAR (widget);
  const char *uuid;
  const char *definition;
  g_autoptr(PlxTheme) edited = NULL;
  PlxTheme *theme;
  GError *error = NULL;
  PlxChangeSet *changes = NULL;

  g_variant_get (parameter, "(&s&s)", &uuid, &definition);
  theme = self->tree ? plx_theme_tree_find (self->tree, uuid) : NULL;
  if (theme == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no theme “%s”"), uuid);
  else
    {
      edited = plx_theme_copy (theme);
      plx_theme_set_description (edited, definition);
      changes = plx_theme_changes_define (self->project, edited, &error);
    }
  apply (self, changes, error, _("Could Not Define the Theme"));
}

static void
move_under_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PlxCodebookSidebar *self = PLX_CODEBOOK_SIDEBAR (widget);
  const char *uuid;
  const char *parent;
  GError *error = NULL;
  PlxChangeSet *changes;

  g_variant_get (parameter, "(&s&s)", &uuid, &parent);
  changes = plx_theme_changes_move (self->project, uuid, *parent ? parent : NULL, &error);
  if (apply (self, changes, error, _("Could Not Move the Theme")))
    plx_codebook_sidebar_select_theme (self, uuid);
}

static void
merge_into_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PlxCodebookSidebar *self = PLX_CODEBOOK_SIDEBAR (widget);
  const char *source;
  const char *target;
  const char *sources[2] = { NULL, NULL };
  GError *error = NULL;
  PlxChangeSet *changes;

  g_variant_get (parameter, "(&s&s)", &source, &target);
  sources[0] = source;
  changes = plx_theme_changes_merge (self->project, sources, target, &error);
  if (apply (self, changes, error, _("Could Not Merge the Themes")))
    plx_codebook_sidebar_select_theme (self, target);
}

static void
delete_theme_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PlxCodebookSidebar *self = PLX_CODEBOOK_SIDEBAR (widget);
  GError *error = NULL;
  PlxChangeSet *changes;

  changes = plx_theme_changes_delete (self->project, g_variant_get_string (parameter, NULL), &error);
  apply (self, changes, error, _("Could Not Delete the Theme"));
}

/* ---- the theme page ---- */

/* Shows the page of the theme @uuid in place of the tree. */
gboolean
plx_codebook_sidebar_open_theme (PlxCodebookSidebar *self,
                                 const char         *uuid)
{
  g_return_val_if_fail (PLX_IS_CODEBOOK_SIDEBAR (self), FALSE);

  if (!plx_codebook_sidebar_page_show_theme (self->page, uuid))
    return FALSE;
  plx_codebook_sidebar_select_theme (self, uuid);
  gtk_widget_set_visible (self->search_bar, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "theme");
  update_actions (self);
  plx_codebook_sidebar_page_focus (self->page);
  return TRUE;
}

PlxCodebookSidebarPage *
plx_codebook_sidebar_get_page (PlxCodebookSidebar *self)
{
  g_return_val_if_fail (PLX_IS_CODEBOOK_SIDEBAR (self), NULL);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "theme") == 0 ? self->page : NULL;
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlxCodebookSidebar *self = PLX_CODEBOOK_SIDEBAR (widget);
  PlxTheme *theme = plx_codebook_sidebar_get_selected (self);

  if (theme != NULL)
    plx_codebook_sidebar_open_theme (self, plx_theme_get_uuid (theme));
}

static void
row_activated_cb (PlxCodebookSidebar *self,
                  guint               position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (row != NULL)
    plx_codebook_sidebar_open_theme (self, plx_theme_get_uuid (gtk_tree_list_row_get_item (row)));
}

/* Back to the tree, on the theme the page showed. */
static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlxCodebookSidebar *self = PLX_CODEBOOK_SIDEBAR (widget);
  g_autofree char *uuid = g_strdup (plx_codebook_sidebar_page_get_uuid (self->page));
  guint selected;

  gtk_widget_set_visible (self->search_bar, TRUE);
  tree_changed_cb (self);
  gtk_stack_set_visible_child_name (self->stack,
                                    self->tree && g_list_model_get_n_items (plx_theme_tree_get_roots (self->tree)) ? "tree" : "empty");
  update_actions (self);
  if (uuid != NULL)
    plx_codebook_sidebar_select_theme (self, uuid);
  selected = gtk_single_selection_get_selected (self->selection);
  if (selected != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", selected);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
passage_activated_cb (PlxCodebookSidebar *self,
                      gint64              document_id,
                      const char         *uuid)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.reveal-passage", "(xs)", document_id, uuid);
}

/* ---- questions ---- */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  _plx_codebook_sidebar_ask_new (PLX_CODEBOOK_SIDEBAR (widget));
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlxTheme *theme = plx_codebook_sidebar_get_selected (PLX_CODEBOOK_SIDEBAR (widget));

  if (theme != NULL)
    _plx_codebook_sidebar_ask_rename (PLX_CODEBOOK_SIDEBAR (widget), theme);
}

static void
define_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlxTheme *theme = plx_codebook_sidebar_get_selected (PLX_CODEBOOK_SIDEBAR (widget));

  if (theme != NULL)
    _plx_codebook_sidebar_ask_define (PLX_CODEBOOK_SIDEBAR (widget), theme);
}

static void
choose_theme (PlxCodebookSidebar *self,
              gboolean            merge)
{
  PlxTheme *theme = plx_codebook_sidebar_get_selected (self);

  if (theme != NULL && self->tree != NULL)
    _plx_codebook_sidebar_ask_target (self, theme, plx_theme_tree_get_codebook (self->tree), merge);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  choose_theme (PLX_CODEBOOK_SIDEBAR (widget), TRUE);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  choose_theme (PLX_CODEBOOK_SIDEBAR (widget), FALSE);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlxTheme *theme = plx_codebook_sidebar_get_selected (PLX_CODEBOOK_SIDEBAR (widget));

  /* No question: the passages keep their other themes and Ctrl+Z brings
   * it back whole. */
  if (theme != NULL)
    gtk_widget_activate_action (widget, "codebook.delete-theme", "s", plx_theme_get_uuid (theme));
}

/* ---- the context menu ---- */

static void
row_pressed_cb (GtkGestureClick    *gesture,
                int                 n_press,
                double              x,
                double              y,
                PlxCodebookSidebar *self)
{
  GtkWidget *list = GTK_WIDGET (self->list_view);
  GtkWidget *picked = gtk_widget_pick (list, x, y, GTK_PICK_DEFAULT);
  GtkPopover *menu = g_object_get_data (G_OBJECT (self), "menu");

  /* Select the row under the pointer first, as a left click would. */
  for (GtkWidget *w = picked; w != NULL && w != list; w = gtk_widget_get_parent (w))
    if (GTK_IS_TREE_EXPANDER (w))
      {
        GtkTreeListRow *row = gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (w));

        if (row != NULL)
          plx_codebook_sidebar_select_theme (self, plx_theme_get_uuid (gtk_tree_list_row_get_item (row)));
        break;
      }
  gtk_popover_set_pointing_to (menu, &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (menu);
}

static void
menu_key_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PlxCodebookSidebar *self = PLX_CODEBOOK_SIDEBAR (widget);

  gtk_popover_set_pointing_to (g_object_get_data (G_OBJECT (self), "menu"), NULL);
  gtk_popover_popup (g_object_get_data (G_OBJECT (self), "menu"));
}

/* ---- the type ---- */

static void
selection_changed_cb (PlxCodebookSidebar *self)
{
  PlxTheme *theme = plx_codebook_sidebar_get_selected (self);

  plx_codebook_sidebar_memos_set_theme (self->memos, theme ? plx_theme_get_uuid (theme) : NULL);
  update_actions (self);
}

static void
view_changed_cb (PlxCodebookSidebar *self)
{
  update_actions (self);
}

/* ---- memos ---- */

/* Shows the memos view, the keyboard in it. */
void
plx_codebook_sidebar_show_memos (PlxCodebookSidebar *self)
{
  g_return_if_fail (PLX_IS_CODEBOOK_SIDEBAR (self));

  gtk_stack_set_visible_child_name (self->views, "memos");
  gtk_widget_child_focus (GTK_WIDGET (self->memos), GTK_DIR_TAB_FORWARD);
}

/* The memo open cites the passage @uuid, or a new free memo does. */
void
plx_codebook_sidebar_cite_passage (PlxCodebookSidebar *self,
                                   const char         *uuid)
{
  g_return_if_fail (PLX_IS_CODEBOOK_SIDEBAR (self));

  gtk_stack_set_visible_child_name (self->views, "memos");
  gtk_widget_activate_action (GTK_WIDGET (self->memos), "memos.cite", "s", uuid);
}

PlxCodebookSidebarMemos *
plx_codebook_sidebar_get_memos (PlxCodebookSidebar *self)
{
  g_return_val_if_fail (PLX_IS_CODEBOOK_SIDEBAR (self), NULL);
  return self->memos;
}

static void
plx_codebook_sidebar_dispose (GObject *object)
{
  PlxCodebookSidebar *self = PLX_CODEBOOK_SIDEBAR (object);
  GtkWidget *menu = g_object_get_data (object, "menu");

  if (menu != NULL)
    {
      g_object_set_data (object, "menu", NULL);
      gtk_widget_unparent (menu);
    }
  plx_codebook_sidebar_set_annotations (self, NULL);
  if (self->tree != NULL)
    g_signal_handlers_disconnect_by_data (self->tree, self);
  /* Last: the calls above may queue it. */
  g_clear_handle_id (&self->rollup_source, g_source_remove);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->tree_model);
  g_clear_object (&self->tree);
  g_clear_object (&self->rollup);
  g_clear_object (&self->history);
  g_clear_object (&self->project);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLX_TYPE_CODEBOOK_SIDEBAR);
  G_OBJECT_CLASS (plx_codebook_sidebar_parent_class)->dispose (object);
}

static void
plx_codebook_sidebar_finalize (GObject *object)
{
  PlxCodebookSidebar *self = PLX_CODEBOOK_SIDEBAR (object);

  g_ptr_array_unref (self->count_labels);
  g_hash_table_unref (self->expanded);
  G_OBJECT_CLASS (plx_codebook_sidebar_parent_class)->finalize (object);
}

static void
plx_codebook_sidebar_class_init (PlxCodebookSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plx_codebook_sidebar_dispose;
  object_class->finalize = plx_codebook_sidebar_finalize;

  g_type_ensure (PLX_TYPE_CODEBOOK_SIDEBAR_PAGE);
  g_type_ensure (PLX_TYPE_CODEBOOK_SIDEBAR_MEMOS);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax_annotator/Parallax/ui/plx-codebook-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, PlxCodebookSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PlxCodebookSidebar, list_view);
  gtk_widget_class_bind_template_child (widget_class, PlxCodebookSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, PlxCodebookSidebar, theme_menu);
  gtk_widget_class_bind_template_child (widget_class, PlxCodebookSidebar, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PlxCodebookSidebar, page);
  gtk_widget_class_bind_template_child (widget_class, PlxCodebookSidebar, views);
  gtk_widget_class_bind_template_child (widget_class, PlxCodebookSidebar, memos);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, passage_activated_cb);

  gtk_widget_class_install_action (widget_class, "codebook.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "codebook.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "codebook.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "codebook.back", NULL);

  gtk_widget_class_install_action (widget_class, "codebook.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "codebook.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "codebook.define", NULL, define_action);
  gtk_widget_class_install_action (widget_class, "codebook.move", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "codebook.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "codebook.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "codebook.menu", NULL, menu_key_action);
  /* What the dialogs end in: (name, parent UUID or ""), (UUID, name),
   * (UUID, definition), (UUID, parent UUID or ""), (source, target). */
  gtk_widget_class_install_action (widget_class, "codebook.create", "(ss)", create_action);
  gtk_widget_class_install_action (widget_class, "codebook.rename-to", "(ss)", rename_to_action);
  gtk_widget_class_install_action (widget_class, "codebook.define-as", "(ss)", define_as_action);
  gtk_widget_class_install_action (widget_class, "codebook.move-under", "(ss)", move_under_action);
  gtk_widget_class_install_action (widget_class, "codebook.merge-into", "(ss)", merge_into_action);
  gtk_widget_class_install_action (widget_class, "codebook.delete-theme", "s", delete_theme_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "codebook.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "codebook.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "codebook.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "codebook.menu", NULL);
}

static void
plx_codebook_sidebar_init (PlxCodebookSidebar *self)
{
  GtkListItemFactory *factory;
  GtkGesture *click;
  GtkWidget *menu;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->count_labels = g_ptr_array_new ();
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->filter = gtk_custom_filter_new (filter_row, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (selection_changed_cb), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  menu = gtk_popover_menu_new_from_model (self->theme_menu);
  gtk_popover_set_has_arrow (GTK_POPOVER (menu), FALSE);
  gtk_widget_set_halign (menu, GTK_ALIGN_START);
  gtk_widget_set_parent (menu, GTK_WIDGET (self->list_view));
  g_object_set_data (G_OBJECT (self), "menu", menu);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (row_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (click));
  _plx_codebook_sidebar_dnd_init (self);

  update_actions (self);
}

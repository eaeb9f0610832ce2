/* plx-search-view.c: the Search view (Ctrl+Shift+F): a search entry, the
 * hits of every document as keyword in context, grouped by document and
 * marked with the perspectives already tagging them; Enter opens a hit's
 * passage in its document (the "hit-activated" signal), and "Code
 * Selected…" / "Code All…" tag hits through the tag popover, after a
 * preview, as one step to undo.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-search-view"

#include <glib/gi18n.h>

#include "plx-search-view.h"
#include "plx-tag-popover.h"

struct _PlxSearchView
{
  GtkWidget       parent_instance;

  GtkWidget      *box;
  GtkSearchEntry *entry;
  GtkLabel       *status_label;
  GtkStack       *stack;
  AdwStatusPage  *none_page;
  GtkListBox     *list;
  GtkWidget      *code_selected_button;
  GtkWidget      *code_all_button;

  PlxProject     *project;
  PlxHistory     *history;
  GListStore     *hits;
  GtkWidget      *popover;       /* PlxTagPopover, while coding */
  gboolean        coding_all;
  char           *author;
  guint           rerun_source;
  gboolean        stale;         /* changed while hidden: search again when shown */
  gboolean        truncated;     /* more hits than shown */
  GPtrArray      *coding;        /* the hits "Code…" is about */
};

G_DEFINE_FINAL_TYPE (PlxSearchView, plx_search_view, GTK_TYPE_WIDGET)

enum {
  HIT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
count_selected (PlxSearchView *self)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->hits)); i++)
    {
      g_autoptr(PlxSearchHit) hit = g_list_model_get_item (G_LIST_MODEL (self->hits), i);
      n += plx_search_hit_get_selected (hit);
    }
  return n;
}

static void
update_actions (PlxSearchView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->hits));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "search.code-all", self->history != NULL && n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "search.code-selected",
                                 self->history != NULL && count_selected (self) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "search.equivalences", self->project != NULL);
}

/* ---- rows ---- */

static char *
context_markup (PlxSearchHit *hit)
{
  g_autofree char *left = g_markup_escape_text (plx_search_hit_get_left (hit), -1);
  g_autofree char *match = g_markup_escape_text (plx_search_hit_get_match (hit), -1);
  g_autofree char *right = g_markup_escape_text (plx_search_hit_get_right (hit), -1);

  /* Black on yellow, as a search result is marked in the text. */
  return g_strdup_printf ("…%s<span background=\"#f6d32d\" foreground=\"#000000\" weight=\"bold\">%s</span>%s…",
                          left, match, right);
}

static void
selected_changed_cb (PlxSearchView *self)
{
  update_actions (self);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  PlxSearchView *self = user_data;
  PlxSearchHit *hit = item;
  const char * const *perspectives = plx_search_hit_get_perspectives (hit);
  g_autofree char *markup = context_markup (hit);
  g_autofree char *accessible = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  g_object_bind_property (hit, "selected", check, "active", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (hit, "notify::selected", G_CALLBACK (selected_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_tooltip_text (check, _("Choose for Code Selected…"));
  gtk_box_append (GTK_BOX (box), check);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  if (perspectives[0] != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", (char **) perspectives);
      GtkWidget *tagged = gtk_label_new (names);

      gtk_widget_add_css_class (tagged, "dim-label");
      gtk_widget_add_css_class (tagged, "caption");
      gtk_widget_set_tooltip_text (tagged, _("Perspectives already tagging this passage"));
      gtk_box_append (GTK_BOX (box), tagged);
      /* TRANSLATORS: read out for a search hit: the hit, then the perspectives tagging it */
      accessible = g_strdup_printf (_("%s; tagged by %s"), plx_search_hit_get_match (hit), names);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible ? accessible : plx_search_hit_get_match (hit), -1);
  return row;
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  PlxSearchView *self = user_data;
  g_autoptr(PlxSearchHit) hit = g_list_model_get_item (G_LIST_MODEL (self->hits), gtk_list_box_row_get_index (row));
  g_autoptr(PlxSearchHit) previous = before ? g_list_model_get_item (G_LIST_MODEL (self->hits),
                                                                     gtk_list_box_row_get_index (before)) : NULL;
  GtkWidget *header;

  if (hit == NULL ||
      (previous != NULL && plx_search_hit_get_document_id (previous) == plx_search_hit_get_document_id (hit)))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_label_new (plx_search_hit_get_document_title (hit));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_ellipsize (GTK_LABEL (header), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_set_margin_top (header, before ? 18 : 8);
  gtk_widget_set_margin_bottom (header, 4);
  gtk_widget_add_css_class (header, "heading");
  gtk_list_box_row_set_header (row, header);
}

/* ---- searching ---- */

static void
run_search (PlxSearchView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  gboolean truncated = FALSE;

  g_clear_handle_id (&self->rerun_source, g_source_remove);
  if (self->project == NULL || *trimmed == '\0')
    {
      g_list_store_remove_all (self->hits);
      gtk_label_set_text (self->status_label, "");
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_actions (self);
      return;
    }
  hits = plx_search_run (self->project, text, 0, PLX_SEARCH_VIEW_LIMIT, &truncated, &error);
  self->truncated = hits != NULL && truncated;
  if (hits == NULL)
    {
      g_list_store_remove_all (self->hits);
      gtk_label_set_text (self->status_label, "");
      adw_status_page_set_title (self->none_page, _("Cannot Search"));
      adw_status_page_set_description (self->none_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "none");
      update_actions (self);
      return;
    }
  g_list_store_splice (self->hits, 0, g_list_model_get_n_items (G_LIST_MODEL (self->hits)), hits->pdata, hits->len);
  if (hits->len == 0)
    {
      g_autofree char *description = g_strdup_printf (_("No document holds “%s”, in any spelling search knows."),
                                                      text);

      gtk_label_set_text (self->status_label, "");
      adw_status_page_set_title (self->none_page, _("No Results"));
      adw_status_page_set_description (self->none_page, description);
      gtk_stack_set_visible_child_name (self->stack, "none");
    }
  else
    {
      g_autofree char *status = NULL;
      g_autofree char *in = NULL;
      guint n_documents = 0;

      /* Hits come document by document. */
      for (guint i = 0; i < hits->len; i++)
        if (i == 0 || plx_search_hit_get_document_id (g_ptr_array_index (hits, i)) !=
                      plx_search_hit_get_document_id (g_ptr_array_index (hits, i - 1)))
          n_documents++;
      in = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %u document", "in %u documents", n_documents),
                            n_documents);
      if (truncated)
        /* TRANSLATORS: %u is the number of hits shown, %s "in N documents" */
        status = g_strdup_printf (_("The first %u hits %s; narrow the search to see the rest"), hits->len, in);
      else
        status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hit %s", "%u hits %s", hits->len),
                                  hits->len, in);
      gtk_label_set_text (self->status_label, status);
      gtk_stack_set_visible_child_name (self->stack, "results");
    }
  update_actions (self);
}

static gboolean
rerun_cb (gpointer data)
{
  PlxSearchView *self = data;

  self->rerun_source = 0;
  run_search (self);
  return G_SOURCE_REMOVE;
}

/* A change (a tag, a document) changes hits and their marks. Hidden, the
 * view waits until it is shown: tagging in the text must not pay for
 * rebuilding a thousand rows nobody sees. */
static void
project_changed_cb (PlxSearchView *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->hits)) == 0)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->stale = TRUE;
  else if (self->rerun_source == 0)
    self->rerun_source = g_idle_add (rerun_cb, self);
}

static void
plx_search_view_map (GtkWidget *widget)
{
  PlxSearchView *self = PLX_SEARCH_VIEW (widget);

  GTK_WIDGET_CLASS (plx_search_view_parent_class)->map (widget);
  if (self->stale)
    {
      self->stale = FALSE;
      run_search (self);
    }
}

static void
row_activated_cb (PlxSearchView *self,
                  GtkListBoxRow *row)
{
  g_autoptr(PlxSearchHit) hit = g_list_model_get_item (G_LIST_MODEL (self->hits), gtk_list_box_row_get_index (row));

  if (hit != NULL)
    g_signal_emit (self, signals[HIT_ACTIVATED], 0, hit);
}

/* Enter in the entry opens the first hit. */
static void
entry_activate_cb (PlxSearchView *self)
{
  GtkListBoxRow *row;

  run_search (self);
  row = gtk_list_box_get_row_at_index (self->list, 0);
  if (row != NULL)
    row_activated_cb (self, row);
}

static void
stop_search_cb (PlxSearchView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
}

/* Down from the entry goes to the hits; Space on a hit checks it. */
static gboolean
entry_key_cb (PlxSearchView   *self,
              guint            keyval,
              guint            keycode,
              GdkModifierType  state)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, 0);

  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) || row == NULL)
    return FALSE;
  gtk_list_box_select_row (self->list, row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  return TRUE;
}

static gboolean
list_key_cb (PlxSearchView   *self,
             guint            keyval,
             guint            keycode,
             GdkModifierType  state)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);
  g_autoptr(PlxSearchHit) hit = NULL;

  if (keyval != GDK_KEY_space || row == NULL)
    return FALSE;
  hit = g_list_model_get_item (G_LIST_MODEL (self->hits), gtk_list_box_row_get_index (row));
  plx_search_hit_set_selected (hit, !plx_search_hit_get_selected (hit));
  return TRUE;
}

/* ---- search and code ---- */

typedef struct {
  PlxSearchView *view;
  PlxChangeSet  *changes;
} Coding;

static void
coding_free (Coding *coding)
{
  g_object_unref (coding->view);
  g_object_unref (coding->changes);
  g_free (coding);
}

static void
show_error (PlxSearchView *self,
            const char    *heading,
            GError        *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
preview_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Coding           *coding)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "tag") == 0 && coding->view->history != NULL &&
      !plx_history_apply_changes (coding->view->history, coding->changes, &error))
    show_error (coding->view, _("Could Not Tag the Hits"), error);
}

/* The hits checked, or all of them: beyond the ones shown too, searched
 * again without the limit (the preview says how many). */
static GPtrArray *
chosen_hits (PlxSearchView *self)
{
  GPtrArray *hits;

  if (self->coding_all && self->truncated)
    {
      hits = plx_search_run (self->project, gtk_editable_get_text (GTK_EDITABLE (self->entry)), 0, 0, NULL, NULL);
      if (hits != NULL)
        return hits;
    }
  hits = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->hits)); i++)
    {
      PlxSearchHit *hit = g_list_model_get_item (G_LIST_MODEL (self->hits), i);

      if (self->coding_all || plx_search_hit_get_selected (hit))
        g_ptr_array_add (hits, hit);
      else
        g_object_unref (hit);
    }
  return hits;
}

/* The popover chose a perspective and themes: what would change is shown
 * first, and tagged only when confirmed. */
static void
popover_save_cb (PlxSearchView *self)
{
  PlxTagPopover *popover = PLX_TAG_POPOVER (self->popover);
  g_autoptr(GPtrArray) hits = g_steal_pointer (&self->coding);
  g_auto(GStrv) themes = plx_tag_popover_dup_themes (popover);
  const char *note = plx_tag_popover_get_note (popover);
  gint64 perspective_id = plx_tag_popover_get_perspective_id (popover);
  PlxPerspective *perspective = plx_project_find_perspective (self->project, perspective_id);
  g_autoptr(PlxChangeSet) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  guint skipped = 0;
  guint n;
  GtkWidget *dialog;
  Coding *coding;

  gtk_popover_popdown (GTK_POPOVER (popover));
  if (perspective == NULL || hits == NULL)
    return;
  changes = plx_search_code_changes (self->project, hits, perspective_id, (const char * const *) themes,
                                     self->author, &skipped, &error);
  if (changes == NULL)
    {
      show_error (self, _("Could Not Tag the Hits"), error);
      return;
    }
  n = plx_change_set_get_n_changes (changes);
  for (guint i = 0; i < n && note != NULL && *note != '\0'; i++)
    plx_annotation_set_note (plx_change_set_get_change (changes, i)->after, note);

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Tag %u Hit?", "Tag %u Hits?", n), n);
  g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u hit will be tagged with “%s”",
                                             "%u hits will be tagged with “%s”", n),
                          n, plx_perspective_get_name (perspective));
  if (themes != NULL && themes[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", themes);
      g_string_append_printf (body, _(" and the themes %s"), joined);
    }
  g_string_append (body, ". ");
  if (skipped > 0)
    g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "%u is tagged so already and is left out. ",
                                               "%u are tagged so already and are left out. ", skipped),
                            skipped);
  g_string_append (body, _("Undo takes all of it back in one step."));

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "tag", _("_Tag"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "tag", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "tag", n > 0);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), n > 0 ? "tag" : "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  coding = g_new0 (Coding, 1);
  coding->view = g_object_ref (self);
  coding->changes = g_steal_pointer (&changes);
  g_signal_connect_data (dialog, "response", G_CALLBACK (preview_response_cb), coding,
                         (GClosureNotify) (void (*) (void)) coding_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
code_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlxSearchView *self = PLX_SEARCH_VIEW (widget);
  g_autoptr(GPtrArray) hits = NULL;
  g_auto(GStrv) themes = NULL;
  g_autoptr(GPtrArray) codebook = NULL;
  g_autofree char *title = NULL;
  GListModel *perspectives;
  g_autoptr(PlxPerspective) first = NULL;
  GtkWidget *anchor;

  if (self->project == NULL)
    return;
  self->coding_all = g_str_equal (action_name, "search.code-all");
  hits = chosen_hits (self);
  if (hits->len == 0)
    return;
  g_clear_pointer (&self->coding, g_ptr_array_unref);
  self->coding = g_ptr_array_ref (hits);
  anchor = self->coding_all ? self->code_all_button : self->code_selected_button;
  if (self->popover == NULL)
    {
      self->popover = plx_tag_popover_new ();
      g_signal_connect_swapped (self->popover, "save", G_CALLBACK (popover_save_cb), self);
    }
  if (gtk_widget_get_parent (self->popover) != anchor)
    {
      if (gtk_widget_get_parent (self->popover) != NULL)
        {
          g_object_ref (self->popover);
          gtk_widget_unparent (self->popover);
          gtk_widget_set_parent (self->popover, anchor);
          g_object_unref (self->popover);
        }
      else
        gtk_widget_set_parent (self->popover, anchor);
    }
  perspectives = plx_project_get_perspectives (self->project);
  first = g_list_model_get_item (perspectives, 0);
  themes = plx_project_list_themes (self->project, NULL);
  codebook = plx_project_list_codebook (self->project, NULL);
  plx_tag_popover_set_perspectives (PLX_TAG_POPOVER (self->popover), perspectives);
  plx_tag_popover_set_known_themes (PLX_TAG_POPOVER (self->popover), (const char * const *) themes, codebook);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Code %u Hit", "Code %u Hits", hits->len), hits->len);
  plx_tag_popover_prepare (PLX_TAG_POPOVER (self->popover), title, first ? plx_perspective_get_id (first) : 0,
                           NULL, NULL);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

/* ---- equivalences ---- */

static void
equivalences_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          PlxSearchView    *self)
{
  GtkTextView *view = g_object_get_data (G_OBJECT (dialog), "text-view");
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;

  if (self->project == NULL)
    return;
  if (g_strcmp0 (response, "save") == 0)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      groups = plx_search_parse_equivalences (text, &error);
    }
  else if (g_strcmp0 (response, "defaults") == 0)
    groups = plx_search_default_equivalences ();
  else
    return;
  if (groups == NULL || !plx_search_set_equivalences (self->project, groups, &error))
    {
      show_error (self, _("Could Not Save the Equivalent Names"), error);
      return;
    }
  run_search (self);
}

static void
equivalences_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PlxSearchView *self = PLX_SEARCH_VIEW (widget);
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkWidget *dialog;
  GtkWidget *scroller;
  GtkWidget *view;

  if (self->project == NULL)
    return;
  groups = plx_search_list_equivalences (self->project, &error);
  if (groups == NULL)
    {
      show_error (self, _("Could Not Read the Equivalent Names"), error);
      return;
    }
  text = plx_search_format_equivalences (groups);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Equivalent Names"),
                                   _("Search takes the spellings on one line for one name. Separate them with “=”; "
                                     "a spelling ending in * stands for every word starting so."));
  view = gtk_text_view_new ();
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Equivalent Names"), -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 260);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroller), 520);
  gtk_widget_add_css_class (scroller, "card");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  g_object_set_data (G_OBJECT (dialog), "text-view", view);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "defaults", _("_Restore Defaults"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (equivalences_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- the widget ---- */

static void
plx_search_view_dispose (GObject *object)
{
  PlxSearchView *self = PLX_SEARCH_VIEW (object);

  g_clear_handle_id (&self->rerun_source, g_source_remove);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);
  g_clear_object (&self->history);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLX_TYPE_SEARCH_VIEW);
  G_OBJECT_CLASS (plx_search_view_parent_class)->dispose (object);
}

static void
plx_search_view_finalize (GObject *object)
{
  PlxSearchView *self = PLX_SEARCH_VIEW (object);

  g_clear_object (&self->hits);
  g_clear_pointer (&self->coding, g_ptr_array_unref);
  g_free (self->author);
  G_OBJECT_CLASS (plx_search_view_parent_class)->finalize (object);
}

static void
plx_search_view_class_init (PlxSearchViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plx_search_view_dispose;
  object_class->finalize = plx_search_view_finalize;
  widget_class->map = plx_search_view_map;

  /* A hit was chosen: show its passage in its document. */
  signals[HIT_ACTIVATED] = g_signal_new ("hit-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, PLX_TYPE_SEARCH_HIT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/parallax_annotator/Parallax/ui/plx-search-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PlxSearchView, box);
  gtk_widget_class_bind_template_child (widget_class, PlxSearchView, entry);
  gtk_widget_class_bind_template_child (widget_class, PlxSearchView, status_label);
  gtk_widget_class_bind_template_child (widget_class, PlxSearchView, stack);
  gtk_widget_class_bind_template_child (widget_class, PlxSearchView, none_page);
  gtk_widget_class_bind_template_child (widget_class, PlxSearchView, list);
  gtk_widget_class_bind_template_child (widget_class, PlxSearchView, code_selected_button);
  gtk_widget_class_bind_template_child (widget_class, PlxSearchView, code_all_button);
  gtk_widget_class_install_action (widget_class, "search.code-selected", NULL, code_action);
  gtk_widget_class_install_action (widget_class, "search.code-all", NULL, code_action);
  gtk_widget_class_install_action (widget_class, "search.equivalences", NULL, equivalences_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
plx_search_view_init (PlxSearchView *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->hits = g_list_store_new (PLX_TYPE_SEARCH_HIT);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->hits), create_row, self, NULL);
  gtk_list_box_set_header_func (self->list, header_func, self, NULL);
  gtk_list_box_set_activate_on_single_click (self->list, FALSE);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (run_search), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect_swapped (self->entry, "stop-search", G_CALLBACK (stop_search_cb), self);

  keys = gtk_event_controller_key_new ();
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (entry_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);
  keys = gtk_event_controller_key_new ();
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (list_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), keys);
  update_actions (self);
}

/* Searches @project; @history takes search-and-code's steps (NULL: the
 * view only searches). */
void
plx_search_view_set_project (PlxSearchView *self,
                             PlxProject    *project,
                             PlxHistory    *history)
{
  g_return_if_fail (PLX_IS_SEARCH_VIEW (self));

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  g_set_object (&self->history, history);
  if (project != NULL)
    {
      g_signal_connect_swapped (project, "changes-committed", G_CALLBACK (project_changed_cb), self);
      g_signal_connect_swapped (project, "external-change", G_CALLBACK (project_changed_cb), self);
    }
  run_search (self);
}

void
plx_search_view_focus_entry (PlxSearchView *self)
{
  g_return_if_fail (PLX_IS_SEARCH_VIEW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

/* Who tags, in search-and-code. */
void
plx_search_view_set_author (PlxSearchView *self,
                            const char    *author)
{
  g_return_if_fail (PLX_IS_SEARCH_VIEW (self));
  g_free (self->author);
  self->author = g_strdup (author);
}

/* The hits shown (PlxSearchHit), in order. */
GListModel *
plx_search_view_get_hits (PlxSearchView *self)
{
  g_return_val_if_fail (PLX_IS_SEARCH_VIEW (self), NULL);
  return G_LIST_MODEL (self->hits);
}

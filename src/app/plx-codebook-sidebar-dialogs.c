/* plx-codebook-sidebar-dialogs.c: the codebook sidebar's questions (a
 * name, a definition, a target theme). Each ends in one of the sidebar's
 * actions with parameters ("codebook.rename-to", "codebook.merge-into",
 * …), so keyboard, menu and tests take one path.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-codebook"

#include <glib/gi18n.h>

#include "plx-codebook-sidebar-private.h"
#include "plx-name-dialog.h"

typedef struct {
  PlxCodebookSidebar *self;
  char               *uuid;
  char               *action;
} Request;

static void
request_free (Request *request)
{
  g_object_unref (request->self);
  g_free (request->uuid);
  g_free (request->action);
  g_free (request);
}

static Request *
request_new (PlxCodebookSidebar *self,
             const char         *uuid,
             const char         *action)
{
  Request *request = g_new0 (Request, 1);

  request->self = g_object_ref (self);
  request->uuid = g_strdup (uuid);
  request->action = g_strdup (action);
  return request;
}

static void
name_answered_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Request *request = user_data;
  g_autofree char *name = plx_name_dialog_ask_finish (result, NULL);

  if (name != NULL && request->uuid == NULL)
    gtk_widget_activate_action (GTK_WIDGET (request->self), request->action, "(ss)", name, "");
  else if (name != NULL)
    gtk_widget_activate_action (GTK_WIDGET (request->self), request->action, "(ss)",
                                request->uuid, name);
  request_free (request);
}

static GtkWindow *
parent_window (PlxCodebookSidebar *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
_plx_codebook_sidebar_ask_new (PlxCodebookSidebar *self)
{

  /* A new theme goes at the top; Move Under… places it. */
  plx_name_dialog_ask_async (parent_window (self), _("New Theme"), "", _("C_reate"), NULL,
                             name_answered_cb, request_new (self, NULL, "codebook.create"));
}

void
_plx_codebook_sidebar_ask_rename (PlxCodebookSidebar *self,
                                  PlxTheme           *theme)
{
  plx_name_dialog_ask_async (parent_window (self), _("Rename Theme"), plx_theme_get_name (theme), _("_Rename"),
                             NULL, name_answered_cb,
                             request_new (self, plx_theme_get_uuid (theme), "codebook.rename-to"));
}

static void
define_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Request          *request)
{
  GtkTextBuffer *buffer = g_object_get_data (G_OBJECT (dialog), "buffer");

  if (g_strcmp0 (response, "accept") == 0)
    {
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
      gtk_widget_activate_action (GTK_WIDGET (request->self), "codebook.define-as", "(ss)", request->uuid, text);
    }
}

void
_plx_codebook_sidebar_ask_define (PlxCodebookSidebar *self,
                                  PlxTheme           *theme)
{
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  GtkWidget *scroller;
  GtkWidget *view;

  /* Translators: the heading of the dialog editing a theme's definition. */
  heading = g_strdup_printf (_("Define “%s”"), plx_theme_get_name (theme));
  dialog = adw_message_dialog_new (parent_window (self), heading,
                                   _("What the theme covers, so that every coder applies it alike."));
  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_add_css_class (view, "card");
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), plx_theme_get_description (theme), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Definition"), -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 120);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "accept", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "accept", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "accept");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "buffer", gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));
  g_signal_connect_data (dialog, "response", G_CALLBACK (define_response_cb),
                         request_new (self, plx_theme_get_uuid (theme), NULL),
                         (GClosureNotify) (void (*) (void)) request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

/* Merge Into… and Move Under…: a choice among the other themes (by path),
 * and for a move the top of the tree first. */
static void
choose_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Request          *request)
{
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (dialog), "dropdown");
  GPtrArray *uuids = g_object_get_data (G_OBJECT (dialog), "uuids");
  guint chosen = gtk_drop_down_get_selected (dropdown);

  if (g_strcmp0 (response, "accept") == 0 && chosen < uuids->len)
    gtk_widget_activate_action (GTK_WIDGET (request->self), request->action, "(ss)",
                                request->uuid, (const char *) g_ptr_array_index (uuids, chosen));
}

void
_plx_codebook_sidebar_ask_target (PlxCodebookSidebar *self,
                                  PlxTheme           *theme,
                                  GPtrArray          *codebook,
                                  gboolean            merge)
{
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GtkStringList) paths = gtk_string_list_new (NULL);
  GPtrArray *uuids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  GtkWidget *dropdown;

  order = plx_codebook_dup_tree_order (codebook);
  if (!merge)
    {
      gtk_string_list_append (paths, _("Top Level"));
      g_ptr_array_add (uuids, g_strdup (""));
    }
  for (guint i = 0; i < order->len; i++)
    {
      PlxTheme *other = g_ptr_array_index (order, i);
      g_autofree char *path = NULL;

      if (g_strcmp0 (plx_theme_get_uuid (other), plx_theme_get_uuid (theme)) == 0)
        continue;
      path = plx_codebook_dup_path (codebook, other);
      gtk_string_list_append (paths, path);
      g_ptr_array_add (uuids, g_strdup (plx_theme_get_uuid (other)));
    }

  /* Translators: %s is a theme's name. */
  heading = g_strdup_printf (merge ? _("Merge “%s” Into…") : _("Move “%s” Under…"), plx_theme_get_name (theme));
  dialog = adw_message_dialog_new (parent_window (self), heading,
                                   merge ? _("Its passages will carry the chosen theme instead, its children go under it, and it is removed. Undo brings it back.")
                                         : _("The theme and everything under it move under the chosen theme."));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&paths)), NULL);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  merge ? _("Target theme") : _("New parent"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), dropdown);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "accept", merge ? _("_Merge") : _("_Move"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "accept",
                                              merge ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "accept", uuids->len > 0);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "accept");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "dropdown", dropdown);
  g_object_set_data_full (G_OBJECT (dialog), "uuids", uuids, (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_data (dialog, "response", G_CALLBACK (choose_response_cb),
                         request_new (self, plx_theme_get_uuid (theme), merge ? "codebook.merge-into" : "codebook.move-under"),
                         (GClosureNotify) (void (*) (void)) request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

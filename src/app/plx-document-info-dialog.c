/* plx-document-info-dialog.c: the user's facts (title, author or outlet,
 * date, address, language, the project's attributes) are edited; the file's (name, SHA-256, reader,
 * when it was added) are shown to be copied, never edited, since citations
 * and re-imports rely on them.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-document-info-dialog"

#include <glib/gi18n.h>

#include "plx-document-info-dialog.h"
#include "plx-task.h"

struct _PlxDocumentInfoDialog
{
  AdwMessageDialog      parent_instance;

  GTask                *task;
  AdwEntryRow          *title_row;
  AdwEntryRow          *author_row;
  AdwEntryRow          *date_row;
  AdwEntryRow          *url_row;
  AdwEntryRow          *language_row;
  AdwPreferencesGroup  *source_group;
  AdwPreferencesGroup  *attributes_group;
  GPtrArray            *attribute_rows;  /* AdwEntryRow, each with its "attribute" */
};

/* What the dialog gives back: the title and facts, and the attributes'
 * values as typed, in their stored form. */
typedef struct {
  GStrv       info;
  GHashTable *values;  /* attribute UUID → value, "" for none */
} Edited;

static void
edited_free (Edited *edited)
{
  g_strfreev (edited->info);
  g_clear_pointer (&edited->values, g_hash_table_unref);
  g_free (edited);
}

G_DEFINE_FINAL_TYPE (PlxDocumentInfoDialog, plx_document_info_dialog, ADW_TYPE_MESSAGE_DIALOG)

static AdwEntryRow *
meta_row (PlxDocumentInfoDialog *self,
          PlxDocumentMeta        meta)
{
  AdwEntryRow *rows[PLX_DOCUMENT_N_META] = { self->author_row, self->date_row, self->url_row, self->language_row };

  return rows[meta];
}

static char *
stripped (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* The value @row holds in its stored form ("" for none), or NULL with
 * @error saying why it is not one of its attribute's. */
static char *
attribute_value (AdwEntryRow  *row,
                 GError      **error)
{
  PlxAttribute *attribute = g_object_get_data (G_OBJECT (row), "attribute");
  g_autofree char *text = stripped (row);

  if (*text == '\0')
    return g_steal_pointer (&text);
  return plx_attribute_normalize_value (attribute, text, error);
}

/* A document needs a title, and each attribute a value of its type (or
 * none): Save waits for them; a wrong value says why where it is typed. */
static void
title_changed_cb (PlxDocumentInfoDialog *self)
{
  g_autofree char *title = stripped (self->title_row);
  gboolean valid = *title != '\0';

  for (guint i = 0; self->attribute_rows != NULL && i < self->attribute_rows->len; i++)
    {
      AdwEntryRow *row = g_ptr_array_index (self->attribute_rows, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *value = attribute_value (row, &error);

      if (value == NULL)
        gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), error != NULL ? error->message : NULL);
      valid = valid && value != NULL;
    }
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", valid);
}

static void
response_cb (PlxDocumentInfoDialog *self,
             const char            *response)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autofree char *title = NULL;
  Edited *edited;

  if (task == NULL || g_task_return_error_if_cancelled (task))
    return;
  title = stripped (self->title_row);
  if (g_strcmp0 (response, "save") != 0 || *title == '\0')
    {
      plx_task_return_cancelled (task);
      return;
    }
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, title);
  for (guint m = 0; m < PLX_DOCUMENT_N_META; m++)
    {
      g_autofree char *value = stripped (meta_row (self, (PlxDocumentMeta) m));

      g_strv_builder_add (builder, value);
    }
  edited = g_new0 (Edited, 1);
  edited->info = g_strv_builder_end (builder);
  edited->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < self->attribute_rows->len; i++)
    {
      AdwEntryRow *row = g_ptr_array_index (self->attribute_rows, i);
      PlxAttribute *attribute = g_object_get_data (G_OBJECT (row), "attribute");
      char *value = attribute_value (row, NULL);

      if (value != NULL)
        g_hash_table_insert (edited->values, g_strdup (plx_attribute_get_uuid (attribute)), value);
    }
  g_task_return_pointer (task, edited, (GDestroyNotify) edited_free);
}

static void
copy_clicked_cb (GtkButton *button,
                 const char *value)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), value);
}

/* A fact of the file; @copyable ones (a hash) get a button that copies
 * them, as libadwaita 1.2's rows cannot make their subtitle selectable. */
static void
add_fact (PlxDocumentInfoDialog *self,
          const char            *title,
          const char            *value,
          gboolean               copyable)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;
  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  if (copyable)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("edit-copy-symbolic");

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Copy"));
      g_signal_connect_data (button, "clicked", G_CALLBACK (copy_clicked_cb), g_strdup (value),
                             (GClosureNotify) (void (*) (void)) g_free, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  adw_preferences_group_add (self->source_group, row);
}

/* A row per attribute of the project, holding the document's value; the
 * rows keep their attribute (the UUID the values are given back by). */
static void
show_attributes (PlxDocumentInfoDialog *self,
                 PlxProject            *project,
                 PlxDocument           *document)
{
  g_autoptr(GPtrArray) attributes = plx_project_list_attributes (project, NULL);
  g_autoptr(GPtrArray) values = plx_project_list_values (project, plx_document_get_id (document), NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->attributes_group), attributes != NULL && attributes->len > 0);
  for (guint i = 0; attributes != NULL && i < attributes->len; i++)
    {
      PlxAttribute *attribute = g_ptr_array_index (attributes, i);
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), plx_attribute_get_name (attribute));
      adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "attribute", g_object_ref (attribute), g_object_unref);
      for (guint v = 0; values != NULL && v < values->len; v++)
        if (g_strcmp0 (plx_document_value_get_attribute_uuid (g_ptr_array_index (values, v)),
                       plx_attribute_get_uuid (attribute)) == 0)
          gtk_editable_set_text (GTK_EDITABLE (row), plx_document_value_get_value (g_ptr_array_index (values, v)));
      g_signal_connect_swapped (row, "changed", G_CALLBACK (title_changed_cb), self);
      adw_preferences_group_add (self->attributes_group, row);
      g_ptr_array_add (self->attribute_rows, row);
    }
}

static void
show_document (PlxDocumentInfoDialog *self,
               PlxDocument           *document)
{
  const PlxFormat *format = plx_format_for_document (plx_document_get_format (document));
  g_autofree char *reader = NULL;
  g_autofree char *length = NULL;
  g_autofree char *added = NULL;
  g_autoptr(GDateTime) added_time = NULL;

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), plx_document_get_title (document));
  for (guint m = 0; m < PLX_DOCUMENT_N_META; m++)
    gtk_editable_set_text (GTK_EDITABLE (meta_row (self, (PlxDocumentMeta) m)),
                           plx_document_get_meta (document, (PlxDocumentMeta) m));

  /* Translators: a document's format, then the reader that read it and its version */
  reader = g_strdup_printf (_("%s (read by “%s”, version %u)"), format != NULL ? _(format->name) : "",
                            plx_document_get_reader (document), plx_document_get_reader_version (document));
  length = g_strdup_printf (ngettext ("%'u character", "%'u characters", plx_document_get_length (document)),
                            plx_document_get_length (document));
  /* Stored in UTC (ISO 8601), shown in the user's zone and words. */
  if (plx_document_get_added (document) != NULL)
    added_time = g_date_time_new_from_iso8601 (plx_document_get_added (document), NULL);
  if (added_time != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (added_time);

      added = g_date_time_format (local, "%c");
    }
  add_fact (self, _("File"), plx_document_get_original_name (document), FALSE);
  add_fact (self, _("SHA-256 of the File"), plx_document_get_original_sha256 (document), TRUE);
  add_fact (self, _("Format"), reader, FALSE);
  add_fact (self, _("Added"), added, FALSE);
  add_fact (self, _("Text"), length, FALSE);
}

static void
plx_document_info_dialog_dispose (GObject *object)
{
  PlxDocumentInfoDialog *self = PLX_DOCUMENT_INFO_DIALOG (object);

  /* Closed or destroyed before a response: the caller still hears back. */
  if (self->task != NULL)
    plx_task_return_cancelled (self->task);
  g_clear_object (&self->task);
  g_clear_pointer (&self->attribute_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLX_TYPE_DOCUMENT_INFO_DIALOG);
  G_OBJECT_CLASS (plx_document_info_dialog_parent_class)->dispose (object);
}

static void
plx_document_info_dialog_class_init (PlxDocumentInfoDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plx_document_info_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax_annotator/Parallax/ui/plx-document-info-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PlxDocumentInfoDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, PlxDocumentInfoDialog, author_row);
  gtk_widget_class_bind_template_child (widget_class, PlxDocumentInfoDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, PlxDocumentInfoDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, PlxDocumentInfoDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, PlxDocumentInfoDialog, source_group);
  gtk_widget_class_bind_template_child (widget_class, PlxDocumentInfoDialog, attributes_group);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, response_cb);
}

static void
plx_document_info_dialog_init (PlxDocumentInfoDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->attribute_rows = g_ptr_array_new ();
}

/**
 * plx_document_info_dialog_edit_async:
 *
 * Shows @document's title, what is known of it and its values of
 * @project's attributes for editing, and where it came from. The finish
 * function gives the edited values, stripped: the title, then one string
 * per #PlxDocumentMeta in order ("" for none); and in *@values each
 * attribute's value by its UUID, in its stored form ("" for none). Any way
 * of not saving ends in %G_IO_ERROR_CANCELLED.
 */
void
plx_document_info_dialog_edit_async (GtkWindow           *parent,
                                     PlxProject          *project,
                                     PlxDocument         *document,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  PlxDocumentInfoDialog *self;

  g_return_if_fail (PLX_IS_DOCUMENT (document));

  self = g_object_new (PLX_TYPE_DOCUMENT_INFO_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  show_document (self, document);
  show_attributes (self, project, document);
  self->task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, plx_document_info_dialog_edit_async);
  if (cancellable != NULL)
    g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (gtk_window_close), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self));
}

GStrv
plx_document_info_dialog_edit_finish (GAsyncResult  *result,
                                      GHashTable   **values,
                                      GError       **error)
{
  Edited *edited;
  GStrv info;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == plx_document_info_dialog_edit_async, NULL);

  edited = g_task_propagate_pointer (G_TASK (result), error);
  if (edited == NULL)
    return NULL;
  info = g_steal_pointer (&edited->info);
  if (values != NULL)
    *values = g_steal_pointer (&edited->values);
  edited_free (edited);
  return info;
}

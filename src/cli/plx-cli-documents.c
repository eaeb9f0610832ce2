/* plx-cli-documents.c: parallax-cli init, add-document, documents and formats.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "parallax-cli"

#include "plx-cli.h"

int
plx_cli_init (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = plx_cli_command_context ("PROJECT", _("Create a new, empty project with the four default perspectives."));
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!plx_cli_parse_args (context, &argc, &argv, 1, &status))
    return status;
  project = plx_project_create (argv[1], &error);
  return project ? EXIT_SUCCESS : plx_cli_fail (error);
}

int
plx_cli_add_document (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = plx_cli_command_context ("PROJECT FILE", _("Add a UTF-8 plain text or Markdown (.md) document; prints its id."));
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("Title instead of the one found in the file"), N_("TITLE") },
    { NULL }
  };
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!plx_cli_parse_args (context, &argc, &argv, 2, &status))
    return status;

  file = g_file_new_for_commandline_arg (argv[2]);
  document = plx_document_new_from_file (file, NULL, &error);
  if (document == NULL)
    return plx_cli_fail (error);
  if (title != NULL)
    plx_document_set_title (document, title);
  project = plx_project_open (argv[1], &error);
  if (project == NULL || !plx_project_add_document (project, document, &error))
    return plx_cli_fail (error);
  g_print ("%" G_GINT64_FORMAT "\n", plx_document_get_id (document));
  return EXIT_SUCCESS;
}

int
plx_cli_documents (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = plx_cli_command_context ("PROJECT", _("List the documents: id, characters, content hash, title."));
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!plx_cli_parse_args (context, &argc, &argv, 1, &status))
    return status;
  project = plx_project_open_for_reading (argv[1], &error);
  if (project == NULL || (documents = plx_project_list_documents (project, &error)) == NULL)
    return plx_cli_fail (error);
  for (guint i = 0; i < documents->len; i++)
    {
      PlxDocument *document = g_ptr_array_index (documents, i);
      g_autoptr(GString) line = g_string_new (NULL);

      g_string_printf (line, "%" G_GINT64_FORMAT "\t%u\t", plx_document_get_id (document),
                       plx_document_get_length (document));
      plx_cli_append_tsv_cell (line, plx_document_get_content_hash (document));
      g_string_append_c (line, '\t');
      plx_cli_append_tsv_cell (line, plx_document_get_title (document));
      g_string_append_c (line, '\n');
      plx_cli_write_out (line->str, line->len);
    }
  return EXIT_SUCCESS;
}

/* The format registry: what documents can be read from and what
 * annotations can be exchanged in. */
int
plx_cli_formats (int argc, char **argv)
{
  g_autoptr(GOptionContext) context =
    plx_cli_command_context ("", _("List the formats: id, role, import/export, extensions, name."));
  const PlxFormat * const *formats;
  guint n = 0;
  int status;

  if (!plx_cli_parse_args (context, &argc, &argv, 0, &status))
    return status;
  formats = plx_formats_list (&n);
  for (guint i = 0; i < n; i++)
    {
      const PlxFormat *format = formats[i];
      g_autofree char *extensions = g_strjoinv (",", (char **) format->extensions);
      g_autoptr(GString) line = g_string_new (NULL);

      g_string_printf (line, "%s\t%s\t%s%s\t%s\t%s\n", format->id,
                       format->role == PLX_FORMAT_DOCUMENT ? "document" : "exchange",
                       format->abilities & PLX_FORMAT_CAN_IMPORT ? "import" : "",
                       format->abilities & PLX_FORMAT_CAN_EXPORT
                         ? (format->abilities & PLX_FORMAT_CAN_IMPORT ? ",export" : "export") : "",
                       extensions, _(format->name));
      plx_cli_write_out (line->str, line->len);
    }
  return EXIT_SUCCESS;
}

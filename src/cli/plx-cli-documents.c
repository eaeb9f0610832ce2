/* plx-cli-documents.c: parallax-cli init, add-document, document-info, cite, documents
 * and formats.
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
  g_autoptr(GOptionContext) context =
    plx_cli_command_context ("PROJECT FILE", _("Add a document (plain text, Markdown, PDF, DOCX, ODT, EPUB, HTML, RTF, "
                                       "WebVTT, SRT or a transcript; “formats” lists them); prints its id. "
                                       "The format is told from the file’s content and name."));
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *format = NULL;
  g_autofree char *password_file = NULL;
  g_autofree char *password = NULL;
  char *meta[PLX_DOCUMENT_N_META] = { NULL, };
  GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("Title instead of the one found in the file"), N_("TITLE") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Read the file as this format (an id from “formats”)"), N_("FORMAT") },
    { "author", 0, 0, G_OPTION_ARG_STRING, &meta[PLX_DOCUMENT_META_AUTHOR], N_("Its author or outlet"), N_("NAME") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &meta[PLX_DOCUMENT_META_DATE], N_("Its date"), N_("DATE") },
    { "url", 0, 0, G_OPTION_ARG_STRING, &meta[PLX_DOCUMENT_META_URL], N_("Where it was found"), N_("URL") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &meta[PLX_DOCUMENT_META_LANGUAGE], N_("Its language"), N_("CODE") },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      N_("An encrypted PDF’s password, as the first line of FILE (not on the command line, where others see it)"),
      N_("FILE") },
    { NULL }
  };
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (plx_cli_parse_args (context, &argc, &argv, 2, &status))
    {
      /* Read first: a file that cannot be read leaves the project alone. */
      if (password_file != NULL && g_file_get_contents (password_file, &password, NULL, &error))
        password[strcspn (password, "\r\n")] = '\0';
      file = g_file_new_for_commandline_arg (argv[2]);
      if (error == NULL)
        document = plx_document_new_from_file_as (file, format, password, PLX_READ_FLAGS_NONE, NULL, &error);
      if (document != NULL)
        {
          if (title != NULL)
            plx_document_set_title (document, title);
          for (guint m = 0; m < PLX_DOCUMENT_N_META; m++)
            if (meta[m] != NULL)
              plx_document_set_meta (document, m, meta[m]);
          project = plx_project_open (argv[1], &error);
        }
      status = project != NULL && plx_project_add_document (project, document, &error) ? EXIT_SUCCESS : plx_cli_fail (error);
      if (status == EXIT_SUCCESS)
        g_print ("%" G_GINT64_FORMAT "\n", plx_document_get_id (document));
    }
  for (guint m = 0; m < PLX_DOCUMENT_N_META; m++)
    g_free (meta[m]);
  return status;
}

/* Where a document came from, one "key<TAB>value" a line. */
int
plx_cli_document_info (int argc, char **argv)
{
  g_autoptr(GOptionContext) context =
    plx_cli_command_context ("PROJECT ID", _("Show where a document came from: file, SHA-256, format, reader, "
                                     "import time, author, date, URL, language."));
  static const char * const meta_keys[PLX_DOCUMENT_N_META] = { "author", "date", "url", "language" };
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;
  guint n_locators = 0;
  int status;

  if (!plx_cli_parse_args (context, &argc, &argv, 2, &status))
    return status;
  if (!plx_cli_parse_id (argv[2], &id))
    return plx_cli_usage_error (context, _("ID is a document id, a positive number"));
  project = plx_project_open_for_reading (argv[1], &error);
  if (project == NULL || (document = plx_project_load_document (project, id, &error)) == NULL)
    return plx_cli_fail (error);
  plx_document_get_locators (document, &n_locators);
  g_string_append_printf (out, "title\t%s\nformat\t%s\nreader\t%s %u\nfile\t%s\nsha256\t%s\nadded\t%s\n",
                          plx_document_get_title (document), plx_document_format_to_string (plx_document_get_format (document)),
                          plx_document_get_reader (document), plx_document_get_reader_version (document),
                          plx_document_get_original_name (document), plx_document_get_original_sha256 (document),
                          plx_document_get_added (document) ? plx_document_get_added (document) : "");
  for (guint m = 0; m < PLX_DOCUMENT_N_META; m++)
    g_string_append_printf (out, "%s\t%s\n", meta_keys[m], plx_document_get_meta (document, m));
  g_string_append_printf (out, "characters\t%u\nlocators\t%u\n", plx_document_get_length (document), n_locators);
  plx_cli_write_out (out->str, out->len);
  return EXIT_SUCCESS;
}

/* An annotation's citation: "p. 12, ¶ 14", "00:12:31, Speaker". */
int
plx_cli_cite (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = plx_cli_command_context ("PROJECT UUID", _("Print where an annotation’s passage is, as it is cited."));
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(PlxAnnotation) annotation = NULL;
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *citation = NULL;
  int status;

  if (!plx_cli_parse_args (context, &argc, &argv, 2, &status))
    return status;
  project = plx_project_open_for_reading (argv[1], &error);
  if (project == NULL || (annotation = plx_project_get_annotation (project, argv[2], &error)) == NULL ||
      (document = plx_project_load_document (project, plx_annotation_get_document_id (annotation), &error)) == NULL)
    return plx_cli_fail (error);
  citation = plx_document_dup_citation (document, plx_annotation_get_start (annotation), plx_annotation_get_end (annotation));
  g_print ("%s\n", citation);
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

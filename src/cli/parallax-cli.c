/* parallax-cli.c: the project from the command line, over the same core
 * as the app. Exit status: 0 success, 1 failure, 2 bad usage.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "parallax-cli"
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <gio/gunixoutputstream.h>

#include "plx-cli-output.h"
#include "plx-core.h"

#define EXIT_USAGE 2

typedef int (*CommandFunc) (int argc, char **argv);

typedef struct {
  const char  *name;
  const char  *args;
  const char  *summary;
  CommandFunc  run;
} Command;

static int
fail (GError *error)
{
  g_printerr ("parallax-cli: %s\n", error->message);
  return EXIT_FAILURE;
}

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  /* One line, like every other error: scripts read the first line. */
  g_printerr (_("parallax-cli: %s (see “%s --help”)\n"), message, g_get_prgname ());
  (void) context;
  return EXIT_USAGE;
}

/* Parses options and requires exactly @n_positional arguments after the
 * command name; on failure the exit status is already decided. */
static gboolean
parse_args (GOptionContext  *context,
            int             *argc,
            char          ***argv,
            int              n_positional,
            int             *status)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = usage_error (context, error->message);
      return FALSE;
    }
  if (*argc - 1 != n_positional)
    {
      *status = usage_error (context, *argc - 1 < n_positional ? _("missing arguments")
                                                                : _("too many arguments"));
      return FALSE;
    }
  return TRUE;
}

static GOptionContext *
command_context (const char *args,
                 const char *summary)
{
  GOptionContext *context = g_option_context_new (args);

  g_option_context_set_summary (context, summary);
  g_option_context_set_help_enabled (context, TRUE);
  return context;
}

static PlxPerspective *
lookup_perspective (PlxProject  *project,
                    const char  *name_or_id,
                    GError     **error)
{
  PlxPerspective *perspective = plx_project_find_perspective_by_name (project, name_or_id);
  char *end = NULL;
  gint64 id;

  if (perspective != NULL)
    return perspective;
  id = g_ascii_strtoll (name_or_id, &end, 10);
  if (end != name_or_id && *end == '\0' && (perspective = plx_project_find_perspective (project, id)) != NULL)
    return perspective;
  g_set_error (error, PLX_ERROR, PLX_ERROR_UNKNOWN_PERSPECTIVE,
               _("There is no perspective “%s” in this project"), name_or_id);
  return NULL;
}

static int
cmd_init (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = command_context ("PROJECT", _("Create a new, empty project with the four default perspectives."));
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!parse_args (context, &argc, &argv, 1, &status))
    return status;
  project = plx_project_create (argv[1], &error);
  return project ? EXIT_SUCCESS : fail (error);
}

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  char *end = NULL;

  if (text == NULL)
    return FALSE;
  *id = g_ascii_strtoll (text, &end, 10);
  return end != text && *end == '\0' && *id > 0;
}

static int
cmd_add_document (int argc, char **argv)
{
  g_autoptr(GOptionContext) context =
    command_context ("PROJECT FILE", _("Add a document (plain text, Markdown, PDF, DOCX, ODT, EPUB, HTML, RTF, "
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
  if (parse_args (context, &argc, &argv, 2, &status))
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
      status = project != NULL && plx_project_add_document (project, document, &error) ? EXIT_SUCCESS : fail (error);
      if (status == EXIT_SUCCESS)
        g_print ("%" G_GINT64_FORMAT "\n", plx_document_get_id (document));
    }
  for (guint m = 0; m < PLX_DOCUMENT_N_META; m++)
    g_free (meta[m]);
  return status;
}

/* Where a document came from, one "key<TAB>value" a line. */
static int
cmd_document_info (int argc, char **argv)
{
  g_autoptr(GOptionContext) context =
    command_context ("PROJECT ID", _("Show where a document came from: file, SHA-256, format, reader, "
                                     "import time, author, date, URL, language."));
  static const char * const meta_keys[PLX_DOCUMENT_N_META] = { "author", "date", "url", "language" };
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;
  guint n_locators = 0;
  int status;

  if (!parse_args (context, &argc, &argv, 2, &status))
    return status;
  if (!parse_id (argv[2], &id))
    return usage_error (context, _("ID is a document id, a positive number"));
  project = plx_project_open (argv[1], &error);
  if (project == NULL || (document = plx_project_load_document (project, id, &error)) == NULL)
    return fail (error);
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
static int
cmd_cite (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = command_context ("PROJECT UUID", _("Print where an annotation’s passage is, as it is cited."));
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(PlxAnnotation) annotation = NULL;
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *citation = NULL;
  int status;

  if (!parse_args (context, &argc, &argv, 2, &status))
    return status;
  project = plx_project_open (argv[1], &error);
  if (project == NULL || (annotation = plx_project_get_annotation (project, argv[2], &error)) == NULL ||
      (document = plx_project_load_document (project, plx_annotation_get_document_id (annotation), &error)) == NULL)
    return fail (error);
  citation = plx_document_dup_citation (document, plx_annotation_get_start (annotation), plx_annotation_get_end (annotation));
  g_print ("%s\n", citation);
  return EXIT_SUCCESS;
}

static int
cmd_documents (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = command_context ("PROJECT", _("List the documents: id, characters, content hash, title."));
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!parse_args (context, &argc, &argv, 1, &status))
    return status;
  project = plx_project_open (argv[1], &error);
  if (project == NULL || (documents = plx_project_list_documents (project, &error)) == NULL)
    return fail (error);
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
static int
cmd_formats (int argc, char **argv)
{
  g_autoptr(GOptionContext) context =
    command_context ("", _("List the formats: id, role, import/export, extensions, name."));
  const PlxFormat * const *formats;
  guint n = 0;
  int status;

  if (!parse_args (context, &argc, &argv, 0, &status))
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


/* A character offset: decimal digits only, so that "0x10" or "010" are
 * not taken as 16 or 8, as GOption's integers would. */
typedef enum { OFFSET_OK, OFFSET_NOT_DECIMAL, OFFSET_TOO_LARGE } OffsetParse;

static OffsetParse
parse_offset (const char *text,
              guint      *offset)
{
  guint64 value = 0;

  if (*text == '\0')
    return OFFSET_NOT_DECIMAL;
  for (const char *p = text; *p; p++)
    {
      if (!g_ascii_isdigit (*p))
        return OFFSET_NOT_DECIMAL;
      value = value * 10 + (guint64) (*p - '0');
      if (value > G_MAXUINT)
        return OFFSET_TOO_LARGE;
    }
  *offset = (guint) value;
  return OFFSET_OK;
}

static int
cmd_annotate (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = command_context ("PROJECT", _("Tag the characters START to END (code points, END excluded) of a document; prints the annotation’s UUID."));
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(PlxAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *document_arg = NULL;
  g_autofree char *perspective_arg = NULL;
  g_autofree char *note = NULL;
  g_autofree char *author = NULL;
  g_autofree char *start_arg = NULL;
  g_autofree char *end_arg = NULL;
  g_auto(GStrv) tags = NULL;
  gint64 document_id = 0;
  guint start = 0, end = 0;
  OffsetParse start_ok, end_ok;
  PlxPerspective *perspective;
  GOptionEntry entries[] = {
    { "document", 'd', 0, G_OPTION_ARG_STRING, &document_arg, N_("Document id"), N_("ID") },
    { "start", 's', 0, G_OPTION_ARG_STRING, &start_arg, N_("First character, counted from 0"), "N" },
    { "end", 'e', 0, G_OPTION_ARG_STRING, &end_arg, N_("Character after the last one"), "M" },
    { "perspective", 'p', 0, G_OPTION_ARG_STRING, &perspective_arg, N_("Perspective name or id"), N_("NAME") },
    { "tag", 't', 0, G_OPTION_ARG_STRING_ARRAY, &tags, N_("A theme; repeat for several"), N_("THEME") },
    { "note", 'n', 0, G_OPTION_ARG_STRING, &note, N_("A note"), N_("TEXT") },
    { "author", 'a', 0, G_OPTION_ARG_STRING, &author, N_("Who made it (default: your user name)"), N_("NAME") },
    { NULL }
  };
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_args (context, &argc, &argv, 1, &status))
    return status;
  if (document_arg == NULL || perspective_arg == NULL || start_arg == NULL || end_arg == NULL)
    return usage_error (context, _("--document, --start, --end and --perspective are required"));
  if (!parse_id (document_arg, &document_id))
    return usage_error (context, _("--document takes a document id, a positive number"));
  start_ok = parse_offset (start_arg, &start);
  end_ok = parse_offset (end_arg, &end);
  if (start_ok == OFFSET_NOT_DECIMAL || end_ok == OFFSET_NOT_DECIMAL)
    return usage_error (context, _("--start and --end take a number of characters in decimal digits, from 0"));
  if (start_ok == OFFSET_TOO_LARGE || end_ok == OFFSET_TOO_LARGE)
    return usage_error (context, _("--start and --end are too large"));

  project = plx_project_open (argv[1], &error);
  if (project == NULL ||
      (document = plx_project_load_document (project, document_id, &error)) == NULL ||
      (perspective = lookup_perspective (project, perspective_arg, &error)) == NULL ||
      (annotation = plx_annotation_new_for_range (document, start, end,
                                                  plx_perspective_get_id (perspective), &error)) == NULL)
    return fail (error);

  plx_annotation_set_themes (annotation, (const char * const *) tags);
  plx_annotation_set_note (annotation, note);
  plx_annotation_set_author (annotation, author ? author : g_get_real_name ());
  if (!plx_project_add_annotation (project, annotation, &error))
    return fail (error);
  g_print ("%s\n", plx_annotation_get_uuid (annotation));
  return EXIT_SUCCESS;
}

static const char *
perspective_name (PlxProject *project,
                  gint64      id)
{
  PlxPerspective *perspective = plx_project_find_perspective (project, id);
  return perspective ? plx_perspective_get_name (perspective) : "";
}

static void
print_tsv (PlxProject *project,
           GPtrArray  *annotations)
{
  g_autoptr(GString) out = g_string_new ("uuid\tdocument\tstart\tend\tperspective\tthemes\tnote\tauthor\tcreated\tmodified\tquote\n");

  for (guint i = 0; i < annotations->len; i++)
    {
      PlxAnnotation *a = g_ptr_array_index (annotations, i);
      g_autofree char *themes = g_strjoinv (";", (char **) plx_annotation_get_themes (a));

      plx_cli_append_tsv_cell (out, plx_annotation_get_uuid (a));
      g_string_append_printf (out, "\t%" G_GINT64_FORMAT "\t%u\t%u\t", plx_annotation_get_document_id (a),
                              plx_annotation_get_start (a), plx_annotation_get_end (a));
      plx_cli_append_tsv_cell (out, perspective_name (project, plx_annotation_get_perspective_id (a)));
      g_string_append_c (out, '\t');
      plx_cli_append_tsv_cell (out, themes);
      g_string_append_c (out, '\t');
      plx_cli_append_tsv_cell (out, plx_annotation_get_note (a));
      g_string_append_c (out, '\t');
      plx_cli_append_tsv_cell (out, plx_annotation_get_author (a));
      g_string_append_c (out, '\t');
      plx_cli_append_tsv_cell (out, plx_annotation_get_created (a));
      g_string_append_c (out, '\t');
      plx_cli_append_tsv_cell (out, plx_annotation_get_modified (a));
      g_string_append_c (out, '\t');
      plx_cli_append_tsv_cell (out, plx_annotation_get_quote (a));
      g_string_append_c (out, '\n');
    }
  plx_cli_write_out (out->str, out->len);
}

static gboolean
print_json (PlxProject  *project,
            GPtrArray   *annotations,
            GError     **error)
{
  g_autoptr(JsonArray) array = json_array_sized_new (annotations->len);
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autofree char *text = NULL;

  for (guint i = 0; i < annotations->len; i++)
    {
      if (!plx_export_check_annotation (g_ptr_array_index (annotations, i), error))
        return FALSE;
      json_array_add_element (array, plx_export_annotation_to_json (project, g_ptr_array_index (annotations, i)));
    }
  json_node_set_array (root, array);
  if ((text = plx_export_json_to_string (root, TRUE, error)) == NULL)
    return FALSE;
  g_print ("%s\n", text);
  return TRUE;
}

static int
cmd_list (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = command_context ("PROJECT", _("List annotations in document order."));
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *document_arg = NULL;
  g_autofree char *perspective_arg = NULL;
  g_autofree char *tag = NULL;
  g_autofree char *format = NULL;
  PlxAnnotationQuery query = { 0, 0, NULL };
  GOptionEntry entries[] = {
    { "document", 'd', 0, G_OPTION_ARG_STRING, &document_arg, N_("Only this document"), N_("ID") },
    { "perspective", 'p', 0, G_OPTION_ARG_STRING, &perspective_arg, N_("Only this perspective"), N_("NAME") },
    { "tag", 't', 0, G_OPTION_ARG_STRING, &tag, N_("Only annotations with this theme"), N_("THEME") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("tsv (default) or json"), N_("FORMAT") },
    { NULL }
  };
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_args (context, &argc, &argv, 1, &status))
    return status;
  if (format != NULL && g_strcmp0 (format, "tsv") != 0 && g_strcmp0 (format, "json") != 0)
    return usage_error (context, _("--format takes tsv or json"));
  if (document_arg != NULL && !parse_id (document_arg, &query.document_id))
    return usage_error (context, _("--document takes a document id, a positive number"));

  project = plx_project_open (argv[1], &error);
  if (project == NULL)
    return fail (error);
  if (perspective_arg != NULL)
    {
      PlxPerspective *perspective = lookup_perspective (project, perspective_arg, &error);
      if (perspective == NULL)
        return fail (error);
      query.perspective_id = plx_perspective_get_id (perspective);
    }
  query.theme = tag;
  annotations = plx_project_list_annotations (project, &query, &error);
  if (annotations == NULL)
    return fail (error);

  if (g_strcmp0 (format, "json") == 0)
    {
      if (!print_json (project, annotations, &error))
        return fail (error);
    }
  else
    print_tsv (project, annotations);
  return EXIT_SUCCESS;
}

static int
cmd_delete (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = command_context ("PROJECT UUID", _("Delete an annotation."));
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!parse_args (context, &argc, &argv, 2, &status))
    return status;
  if (!plx_text_is_uuid (argv[2]))
    return usage_error (context, _("UUID must look like 123e4567-e89b-12d3-a456-426614174000"));
  project = plx_project_open (argv[1], &error);
  if (project == NULL || !plx_project_delete_annotation (project, argv[2], &error))
    return fail (error);
  return EXIT_SUCCESS;
}

static int
cmd_perspectives (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = command_context ("PROJECT [list | add NAME | rename NAME NEW-NAME | recolor NAME #RRGGBB | move NAME POSITION | remove NAME]",
                                                       _("List or change the perspectives."));
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *color = NULL;
  g_autofree char *move_to = NULL;
  const char *action;
  PlxPerspective *perspective = NULL;
  GOptionEntry entries[] = {
    { "color", 'c', 0, G_OPTION_ARG_STRING, &color, N_("Colour for “add”, as #rrggbb"), N_("COLOR") },
    { "move-to", 'm', 0, G_OPTION_ARG_STRING, &move_to, N_("For “remove”: give its passages to this perspective instead of deleting them"), N_("NAME") },
    { NULL }
  };
  static const struct { const char *name; int n_args; } actions[] = {
    { "list", 0 }, { "add", 1 }, { "rename", 2 }, { "recolor", 2 }, { "move", 2 }, { "remove", 1 },
  };
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  int n_args = -1;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &parse_error))
    return usage_error (context, parse_error->message);
  if (argc < 2)
    return usage_error (context, _("missing arguments"));
  action = argc >= 3 ? argv[2] : "list";
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (g_strcmp0 (actions[i].name, action) == 0)
      n_args = actions[i].n_args;
  if (n_args < 0)
    return usage_error (context, _("unknown action; use list, add, rename, recolor, move or remove"));
  if (argc != MAX (2, 3 + n_args) && !(argc == 2 && n_args == 0))
    return usage_error (context, _("wrong number of arguments for this action"));
  /* Names and colours are text, converted as GOption converts option
   * values: bytes that are not text in the locale's encoding are refused. */
  texts = g_ptr_array_new_with_free_func (g_free);
  for (int i = 3; i < argc; i++)
    {
      char *text = g_locale_to_utf8 (argv[i], -1, NULL, NULL, NULL);

      if (text == NULL)
        return usage_error (context, _("a name or colour is not valid text in this locale’s encoding"));
      g_ptr_array_add (texts, text);
      argv[i] = text;
    }

  project = plx_project_open (argv[1], &error);
  if (project == NULL)
    return fail (error);

  if (n_args > 0 && g_strcmp0 (action, "add") != 0 &&
      (perspective = lookup_perspective (project, argv[3], &error)) == NULL)
    return fail (error);

  if (g_strcmp0 (action, "add") == 0)
    {
      if (plx_project_add_perspective (project, argv[3], color, &error) == NULL)
        return fail (error);
    }
  else if (g_strcmp0 (action, "rename") == 0)
    {
      if (!plx_project_rename_perspective (project, plx_perspective_get_id (perspective), argv[4], &error))
        return fail (error);
    }
  else if (g_strcmp0 (action, "recolor") == 0)
    {
      if (!plx_project_recolor_perspective (project, plx_perspective_get_id (perspective), argv[4], &error))
        return fail (error);
    }
  else if (g_strcmp0 (action, "move") == 0)
    {
      gint64 position;
      char *end = NULL;

      position = g_ascii_strtoll (argv[4], &end, 10);
      if (end == argv[4] || *end != '\0' || position < 0)
        return usage_error (context, _("POSITION is a number, 0 for the first place"));
      if (!plx_project_move_perspective (project, plx_perspective_get_id (perspective), (guint) position, &error))
        return fail (error);
    }
  else if (g_strcmp0 (action, "remove") == 0)
    {
      gint64 move_to_id = 0;

      if (move_to != NULL)
        {
          PlxPerspective *target = lookup_perspective (project, move_to, &error);
          if (target == NULL)
            return fail (error);
          move_to_id = plx_perspective_get_id (target);
        }
      if (!plx_project_remove_perspective (project, plx_perspective_get_id (perspective), move_to_id, &error))
        return fail (error);
    }
  else
    {
      GListModel *perspectives = plx_project_get_perspectives (project);

      for (guint i = 0; i < g_list_model_get_n_items (perspectives); i++)
        {
          g_autoptr(PlxPerspective) p = g_list_model_get_item (perspectives, i);
          PlxAnnotationQuery query = { 0, plx_perspective_get_id (p), NULL };

          g_autoptr(GString) line = g_string_new (NULL);

          g_string_printf (line, "%" G_GINT64_FORMAT "\t%d\t", plx_perspective_get_id (p), plx_perspective_get_position (p));
          plx_cli_append_tsv_cell (line, plx_perspective_get_color (p));
          g_string_append_printf (line, "\t%u\t", plx_project_count_annotations (project, &query, NULL));
          plx_cli_append_tsv_cell (line, plx_perspective_get_name (p));
          g_string_append_c (line, '\n');
          plx_cli_write_out (line->str, line->len);
        }
    }
  return EXIT_SUCCESS;
}

static int
cmd_check (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = command_context ("PROJECT", _("Check the project’s integrity: the database, its links, and that every quote still matches its text."));
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  int status;

  if (!parse_args (context, &argc, &argv, 1, &status))
    return status;
  project = plx_project_open (argv[1], &error);
  if (project == NULL)
    return fail (error);
  if (!plx_project_check (project, report, &error))
    {
      if (error != NULL)
        return fail (error);
      g_printerr ("%s", report->str);
      g_printerr ("parallax-cli: %s\n", _("the project has problems (listed above)"));
      return EXIT_FAILURE;
    }
  g_print ("ok\n");
  return EXIT_SUCCESS;
}

static int
cmd_export (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = command_context ("PROJECT", _("Export the annotations as native JSON, W3C Web Annotation JSON-LD or CSV, to FILE or to standard output."));
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_arg = NULL;
  g_autofree char *document_arg = NULL;
  g_autofree char *output = NULL;
  gboolean include_text = FALSE;
  PlxExportFormat format;
  gint64 document_id = 0;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_arg, N_("native, w3c or csv"), N_("FORMAT") },
    { "document", 'd', 0, G_OPTION_ARG_STRING, &document_arg, N_("Only this document"), N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of standard output"), N_("FILE") },
    { "include-text", 0, 0, G_OPTION_ARG_NONE, &include_text, N_("Native format: carry the documents’ text too"), NULL },
    { NULL }
  };
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_args (context, &argc, &argv, 1, &status))
    return status;
  if (format_arg == NULL || !plx_export_format_from_string (format_arg, &format))
    return usage_error (context, _("--format takes native, w3c or csv"));
  if (document_arg != NULL && !parse_id (document_arg, &document_id))
    return usage_error (context, _("--document takes a document id, a positive number"));

  project = plx_project_open (argv[1], &error);
  if (project == NULL)
    return fail (error);
  if (output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      if (!plx_export_to_file (project, format, document_id, include_text ? PLX_EXPORT_FLAGS_INCLUDE_TEXT : PLX_EXPORT_FLAGS_NONE,
                               file, NULL, &error))
        return fail (error);
    }
  else
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

      if (!plx_export_to_stream (project, format, document_id, include_text ? PLX_EXPORT_FLAGS_INCLUDE_TEXT : PLX_EXPORT_FLAGS_NONE,
                                 out, NULL, &error))
        return fail (error);
    }
  return EXIT_SUCCESS;
}

static int
cmd_import (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = command_context ("PROJECT FILE", _("Import annotations from native JSON or W3C Web Annotation JSON-LD (told apart by content). All or nothing: a file with any error changes nothing."));
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(PlxImportReport) report = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!parse_args (context, &argc, &argv, 2, &status))
    return status;
  project = plx_project_open (argv[1], &error);
  if (project == NULL)
    return fail (error);
  file = g_file_new_for_commandline_arg (argv[2]);
  report = plx_import_file (project, file, NULL, &error);
  if (report == NULL)
    return fail (error);

  for (guint i = 0; i < report->orphans->len; i++)
    g_printerr ("parallax-cli: %s %s\n", _("orphaned:"), (const char *) g_ptr_array_index (report->orphans, i));
  g_print (_("%u added, %u updated, %u skipped, %u orphaned\n"),
           report->added, report->updated, report->skipped, report->orphaned);
  if (report->perspectives_added > 0 || report->documents_added > 0)
    {
      g_autofree char *perspectives = g_strdup_printf (ngettext ("%u perspective", "%u perspectives", report->perspectives_added),
                                                       report->perspectives_added);
      g_autofree char *documents = g_strdup_printf (ngettext ("%u document", "%u documents", report->documents_added),
                                                    report->documents_added);

      /* Translators: "1 perspective and 2 documents added" */
      g_print (_("%s and %s added\n"), perspectives, documents);
    }
  return EXIT_SUCCESS;
}

/* Each table under a "# name" line, tables apart by a blank line. */
static void
append_stats_tsv (GString       *out,
                  PlxStatistics *stats)
{
  PlxDocument *document = plx_statistics_get_document (stats);

  g_string_append_printf (out, "# document\t%" G_GINT64_FORMAT "\t", plx_document_get_id (document));
  plx_cli_append_tsv_cell (out, plx_document_get_title (document));
  g_string_append_c (out, '\n');
  for (guint table = 0; table < PLX_STATISTICS_N_TABLES; table++)
    {
      g_autoptr(GPtrArray) rows = plx_statistics_build_table (stats, table);

      g_string_append_printf (out, "\n# %s\n", plx_statistics_table_to_string (table));
      for (guint r = 0; r < rows->len; r++)
        {
          char **cells = g_ptr_array_index (rows, r);

          for (guint c = 0; cells[c] != NULL; c++)
            {
              if (c > 0)
                g_string_append_c (out, '\t');
              plx_cli_append_tsv_cell (out, cells[c]);
            }
          g_string_append_c (out, '\n');
        }
    }
}

static int
cmd_stats (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = command_context ("PROJECT", _("Compare the perspectives: passages, characters covered and share per perspective; passages per theme; coverage per section; overlaps and co-occurrence."));
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *document_arg = NULL;
  g_autofree char *format = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) tsv = g_string_new (NULL);
  gint64 document_id = 0;
  gboolean json;
  GOptionEntry entries[] = {
    { "document", 'd', 0, G_OPTION_ARG_STRING, &document_arg, N_("Only this document (default: every document)"), N_("ID") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("json (default) or tsv"), N_("FORMAT") },
    { NULL }
  };
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_args (context, &argc, &argv, 1, &status))
    return status;
  if (format != NULL && g_strcmp0 (format, "tsv") != 0 && g_strcmp0 (format, "json") != 0)
    return usage_error (context, _("--format takes json or tsv"));
  if (document_arg != NULL && !parse_id (document_arg, &document_id))
    return usage_error (context, _("--document takes a document id, a positive number"));
  json = g_strcmp0 (format, "tsv") != 0;

  project = plx_project_open (argv[1], &error);
  if (project == NULL)
    return fail (error);
  if (document_id != 0)
    {
      PlxDocument *document = plx_project_load_document (project, document_id, &error);

      if (document == NULL)
        return fail (error);
      documents = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (documents, document);
    }
  else if ((documents = plx_project_list_documents (project, &error)) == NULL)
    return fail (error);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "documents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < documents->len; i++)
    {
      PlxDocument *document = g_ptr_array_index (documents, i);
      PlxAnnotationQuery query = { plx_document_get_id (document), 0, NULL };
      g_autoptr(GPtrArray) annotations = plx_project_list_annotations (project, &query, &error);
      g_autoptr(GListStore) store = g_list_store_new (PLX_TYPE_ANNOTATION);
      g_autoptr(PlxStatistics) stats = NULL;

      if (annotations == NULL)
        return fail (error);
      g_list_store_splice (store, 0, 0, annotations->pdata, annotations->len);
      stats = plx_statistics_new (document, plx_project_get_perspectives (project), G_LIST_MODEL (store));
      if (json)
        plx_statistics_build_json (stats, builder);
      else
        {
          if (i > 0)
            g_string_append_c (tsv, '\n');
          append_stats_tsv (tsv, stats);
        }
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      g_autofree char *text = plx_export_json_to_string (root, TRUE, &error);

      if (text == NULL)
        return fail (error);
      g_print ("%s\n", text);
    }
  else
    plx_cli_write_out (tsv->str, tsv->len);
  return EXIT_SUCCESS;
}

static int
cmd_salvage (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = command_context ("DAMAGED NEW", _("Copy every document, perspective and annotation that can still be read from a damaged project into a new project; the damaged file is not changed."));
  g_autoptr(PlxSalvageReport) report = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!parse_args (context, &argc, &argv, 2, &status))
    return status;
  report = plx_project_salvage (argv[1], argv[2], &error);
  if (report == NULL)
    return fail (error);
  for (guint i = 0; i < report->problems->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (report->problems, i));
  g_print (_("Saved %u documents, %u perspectives and %u annotations to %s; %u annotations were lost%s\n"),
           report->documents, report->perspectives, report->annotations, argv[2], report->annotations_lost,
           report->complete ? "" : _(" (some parts of the file could not be read)"));
  return EXIT_SUCCESS;
}

static const Command commands[] = {
  { "init", "PROJECT", N_("Create a new project"), cmd_init },
  { "add-document", "PROJECT FILE [--format FORMAT]", N_("Add a document, print its id"), cmd_add_document },
  { "documents", "PROJECT", N_("List the documents"), cmd_documents },
  { "document-info", "PROJECT ID", N_("Show where a document came from"), cmd_document_info },
  { "cite", "PROJECT UUID", N_("Print an annotation’s citation (page, paragraph, time)"), cmd_cite },
  { "annotate", "PROJECT --document ID --start N --end M --perspective NAME", N_("Tag a passage, print its UUID"), cmd_annotate },
  { "list", "PROJECT", N_("List annotations (tsv or json)"), cmd_list },
  { "delete", "PROJECT UUID", N_("Delete an annotation"), cmd_delete },
  { "perspectives", "PROJECT [ACTION …]", N_("List, add, rename, recolour, move or remove perspectives"), cmd_perspectives },
  { "check", "PROJECT", N_("Check the project’s integrity"), cmd_check },
  { "export", "PROJECT --format native|w3c|csv [-o FILE]", N_("Export annotations (native JSON, W3C JSON-LD, CSV)"), cmd_export },
  { "import", "PROJECT FILE", N_("Import annotations (native JSON or W3C JSON-LD)"), cmd_import },
  { "stats", "PROJECT [--document ID] [--format json|tsv]", N_("Compare the perspectives: coverage, themes, sections, overlaps"), cmd_stats },
  { "formats", "", N_("List the document and exchange formats"), cmd_formats },
  { "salvage", "DAMAGED NEW", N_("Copy what is readable from a damaged project into a new one"), cmd_salvage },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n", _("Usage: parallax-cli COMMAND [OPTION…] ARGUMENTS"));
  fprintf (stream, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-14s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “parallax-cli COMMAND --help” for a command’s options."));
}

static int run_command (int argc, char **argv);

int
main (int argc, char **argv)
{
  int status;
  int saved_errno;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("parallax-cli");
  plx_cli_output_init ();

  status = run_command (argc, argv);
  /* Output that could not be written is a failure, as any other. */
  if (status == EXIT_SUCCESS && (saved_errno = plx_cli_output_finish ()) != 0)
    {
      g_printerr ("parallax-cli: %s: %s\n", _("cannot write to standard output"), g_strerror (saved_errno));
      return EXIT_FAILURE;
    }
  return status;
}

static int
run_command (int    argc,
             char **argv)
{
  if (argc < 2)
    return usage_error (NULL, _("missing command"));
  if (g_strcmp0 (argv[1], "--help") == 0 || g_strcmp0 (argv[1], "-h") == 0 || g_strcmp0 (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return EXIT_SUCCESS;
    }
  if (g_strcmp0 (argv[1], "--version") == 0)
    {
      g_print ("parallax-cli %s\n", PLX_VERSION);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (argv[1], commands[i].name) == 0)
      {
        g_autofree char *prgname = g_strdup_printf ("parallax-cli %s", commands[i].name);
        g_set_prgname (prgname);
        return commands[i].run (argc - 1, argv + 1);
      }

  {
    g_autofree char *message = g_strdup_printf (_("unknown command “%s”"), argv[1]);
    return usage_error (NULL, message);
  }
}

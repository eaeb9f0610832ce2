/* plx-cli-annotations.c: parallax-cli annotate, list, delete and perspectives.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "parallax-cli"
#include <json-glib/json-glib.h>

#include "plx-cli.h"

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

int
plx_cli_annotate (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = plx_cli_command_context ("PROJECT", _("Tag the characters START to END (code points, END excluded) of a document; prints the annotation’s UUID."));
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
  if (!plx_cli_parse_args (context, &argc, &argv, 1, &status))
    return status;
  if (document_arg == NULL || perspective_arg == NULL || start_arg == NULL || end_arg == NULL)
    return plx_cli_usage_error (context, _("--document, --start, --end and --perspective are required"));
  if (!plx_cli_parse_id (document_arg, &document_id))
    return plx_cli_usage_error (context, _("--document takes a document id, a positive number"));
  start_ok = parse_offset (start_arg, &start);
  end_ok = parse_offset (end_arg, &end);
  if (start_ok == OFFSET_NOT_DECIMAL || end_ok == OFFSET_NOT_DECIMAL)
    return plx_cli_usage_error (context, _("--start and --end take a number of characters in decimal digits, from 0"));
  if (start_ok == OFFSET_TOO_LARGE || end_ok == OFFSET_TOO_LARGE)
    return plx_cli_usage_error (context, _("--start and --end are too large"));

  project = plx_project_open (argv[1], &error);
  if (project == NULL ||
      (document = plx_project_load_document (project, document_id, &error)) == NULL ||
      (perspective = plx_cli_lookup_perspective (project, perspective_arg, &error)) == NULL ||
      (annotation = plx_annotation_new_for_range (document, start, end,
                                                  plx_perspective_get_id (perspective), &error)) == NULL)
    return plx_cli_fail (error);

  plx_annotation_set_themes (annotation, (const char * const *) tags);
  plx_annotation_set_note (annotation, note);
  plx_annotation_set_author (annotation, author ? author : g_get_real_name ());
  if (!plx_project_add_annotation (project, annotation, &error))
    return plx_cli_fail (error);
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

int
plx_cli_list (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = plx_cli_command_context ("PROJECT", _("List annotations in document order."));
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
  if (!plx_cli_parse_args (context, &argc, &argv, 1, &status))
    return status;
  if (format != NULL && g_strcmp0 (format, "tsv") != 0 && g_strcmp0 (format, "json") != 0)
    return plx_cli_usage_error (context, _("--format takes tsv or json"));
  if (document_arg != NULL && !plx_cli_parse_id (document_arg, &query.document_id))
    return plx_cli_usage_error (context, _("--document takes a document id, a positive number"));

  project = plx_project_open_for_reading (argv[1], &error);
  if (project == NULL)
    return plx_cli_fail (error);
  if (perspective_arg != NULL)
    {
      PlxPerspective *perspective = plx_cli_lookup_perspective (project, perspective_arg, &error);
      if (perspective == NULL)
        return plx_cli_fail (error);
      query.perspective_id = plx_perspective_get_id (perspective);
    }
  query.theme = tag;
  annotations = plx_project_list_annotations (project, &query, &error);
  if (annotations == NULL)
    return plx_cli_fail (error);

  if (g_strcmp0 (format, "json") == 0)
    {
      if (!print_json (project, annotations, &error))
        return plx_cli_fail (error);
    }
  else
    print_tsv (project, annotations);
  return EXIT_SUCCESS;
}

int
plx_cli_delete (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = plx_cli_command_context ("PROJECT UUID", _("Delete an annotation."));
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!plx_cli_parse_args (context, &argc, &argv, 2, &status))
    return status;
  if (!plx_text_is_uuid (argv[2]))
    return plx_cli_usage_error (context, _("UUID must look like 123e4567-e89b-12d3-a456-426614174000"));
  project = plx_project_open (argv[1], &error);
  if (project == NULL || !plx_project_delete_annotation (project, argv[2], &error))
    return plx_cli_fail (error);
  return EXIT_SUCCESS;
}

int
plx_cli_perspectives (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = plx_cli_command_context ("PROJECT [list | add NAME | rename NAME NEW-NAME | recolor NAME #RRGGBB | move NAME POSITION | remove NAME]",
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
    return plx_cli_usage_error (context, parse_error->message);
  if (argc < 2)
    return plx_cli_usage_error (context, _("missing arguments"));
  action = argc >= 3 ? argv[2] : "list";
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (g_strcmp0 (actions[i].name, action) == 0)
      n_args = actions[i].n_args;
  if (n_args < 0)
    return plx_cli_usage_error (context, _("unknown action; use list, add, rename, recolor, move or remove"));
  if (argc != MAX (2, 3 + n_args) && !(argc == 2 && n_args == 0))
    return plx_cli_usage_error (context, _("wrong number of arguments for this action"));
  /* Names and colours are text, converted as GOption converts option
   * values: bytes that are not text in the locale's encoding are refused. */
  texts = g_ptr_array_new_with_free_func (g_free);
  for (int i = 3; i < argc; i++)
    {
      char *text = g_locale_to_utf8 (argv[i], -1, NULL, NULL, NULL);

      if (text == NULL)
        return plx_cli_usage_error (context, _("a name or colour is not valid text in this locale’s encoding"));
      g_ptr_array_add (texts, text);
      argv[i] = text;
    }

  /* Listing needs no writing: a read-only project can be listed. */
  project = n_args == 0 ? plx_project_open_for_reading (argv[1], &error) : plx_project_open (argv[1], &error);
  if (project == NULL)
    return plx_cli_fail (error);

  if (n_args > 0 && g_strcmp0 (action, "add") != 0 &&
      (perspective = plx_cli_lookup_perspective (project, argv[3], &error)) == NULL)
    return plx_cli_fail (error);

  if (g_strcmp0 (action, "add") == 0)
    {
      if (plx_project_add_perspective (project, argv[3], color, &error) == NULL)
        return plx_cli_fail (error);
    }
  else if (g_strcmp0 (action, "rename") == 0)
    {
      if (!plx_project_rename_perspective (project, plx_perspective_get_id (perspective), argv[4], &error))
        return plx_cli_fail (error);
    }
  else if (g_strcmp0 (action, "recolor") == 0)
    {
      if (!plx_project_recolor_perspective (project, plx_perspective_get_id (perspective), argv[4], &error))
        return plx_cli_fail (error);
    }
  else if (g_strcmp0 (action, "move") == 0)
    {
      gint64 position;
      char *end = NULL;

      position = g_ascii_strtoll (argv[4], &end, 10);
      if (end == argv[4] || *end != '\0' || position < 0)
        return plx_cli_usage_error (context, _("POSITION is a number, 0 for the first place"));
      if (!plx_project_move_perspective (project, plx_perspective_get_id (perspective), (guint) position, &error))
        return plx_cli_fail (error);
    }
  else if (g_strcmp0 (action, "remove") == 0)
    {
      gint64 move_to_id = 0;

      if (move_to != NULL)
        {
          PlxPerspective *target = plx_cli_lookup_perspective (project, move_to, &error);
          if (target == NULL)
            return plx_cli_fail (error);
          move_to_id = plx_perspective_get_id (target);
        }
      if (!plx_project_remove_perspective (project, plx_perspective_get_id (perspective), move_to_id, &error))
        return plx_cli_fail (error);
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

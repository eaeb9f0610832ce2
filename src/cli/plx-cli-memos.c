/* plx-cli-memos.c: parallax-cli memos: list, add, show (and delete),
 * each memo with its author, times and the passages it cites.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "parallax-cli"

#include "plx-cli.h"

static void
write_string (GString *out)
{
  plx_cli_write_out (out->str, out->len);
}

/* What a memo is about, as a person reads it: the document's title, the
 * perspective's or theme's name; "" for project and free memos. */
static char *
describe_target (PlxProject *project,
                 PlxMemo    *memo,
                 GPtrArray  *codebook,
                 gint64     *document_id)
{
  const char *target = plx_memo_get_target_uuid (memo);

  *document_id = 0;
  switch (plx_memo_get_kind (memo))
    {
    case PLX_MEMO_DOCUMENT:
      {
        g_autoptr(GPtrArray) documents = plx_project_list_documents (project, NULL);

        for (guint i = 0; documents != NULL && i < documents->len; i++)
          if (g_strcmp0 (plx_document_get_uuid (g_ptr_array_index (documents, i)), target) == 0)
            {
              *document_id = plx_document_get_id (g_ptr_array_index (documents, i));
              return g_strdup (plx_document_get_title (g_ptr_array_index (documents, i)));
            }
        break;
      }
    case PLX_MEMO_PERSPECTIVE:
      {
        GListModel *perspectives = plx_project_get_perspectives (project);

        for (guint i = 0; i < g_list_model_get_n_items (perspectives); i++)
          {
            g_autoptr(PlxPerspective) perspective = g_list_model_get_item (perspectives, i);

            if (g_strcmp0 (plx_perspective_get_uuid (perspective), target) == 0)
              return g_strdup (plx_perspective_get_name (perspective));
          }
        break;
      }
    case PLX_MEMO_THEME:
      {
        PlxTheme *theme = plx_codebook_lookup (codebook, target);

        if (theme != NULL)
          return plx_codebook_dup_path (codebook, theme);
        break;
      }
    case PLX_MEMO_PROJECT:
    case PLX_MEMO_FREE:
    default:
      return g_strdup ("");
    }
  /* What it was about has gone (deleted since): say so, with its UUID. */
  return g_strdup_printf (_("(gone: %s)"), target);
}

/* The target a user names: a document by id or title, a perspective by
 * name, a theme by name, path or UUID. */
static char *
resolve_target (PlxProject   *project,
                PlxMemoKind   kind,
                const char   *about,
                GPtrArray    *codebook,
                GError      **error)
{
  if (kind == PLX_MEMO_PROJECT || kind == PLX_MEMO_FREE)
    {
      if (about != NULL)
        {
          g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                       _("A %s memo is not about anything in particular: leave out --about"),
                       plx_memo_kind_to_string (kind));
          return NULL;
        }
      return g_strdup ("");
    }
  if (about == NULL)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT, _("A %s memo needs --about"),
                   plx_memo_kind_to_string (kind));
      return NULL;
    }
  if (kind == PLX_MEMO_DOCUMENT)
    {
      g_autoptr(GPtrArray) documents = plx_project_list_documents (project, error);
      gint64 id = 0;

      if (documents == NULL)
        return NULL;
      plx_cli_parse_id (about, &id);
      for (guint i = 0; i < documents->len; i++)
        {
          PlxDocument *document = g_ptr_array_index (documents, i);

          if (plx_document_get_id (document) == id || g_strcmp0 (plx_document_get_title (document), about) == 0 ||
              g_strcmp0 (plx_document_get_uuid (document), about) == 0)
            return g_strdup (plx_document_get_uuid (document));
        }
      g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND, _("There is no document “%s” in this project"), about);
      return NULL;
    }
  if (kind == PLX_MEMO_PERSPECTIVE)
    {
      PlxPerspective *perspective = plx_cli_lookup_perspective (project, about, error);

      return perspective ? g_strdup (plx_perspective_get_uuid (perspective)) : NULL;
    }
  {
    PlxTheme *theme = plx_codebook_lookup (codebook, about);

    if (theme == NULL)
      {
        g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND, _("There is no theme “%s” in this project"), about);
        return NULL;
      }
    return g_strdup (plx_theme_get_uuid (theme));
  }
}

static void
build_memo_json (PlxProject  *project,
                 PlxMemo     *memo,
                 GPtrArray   *codebook,
                 GPtrArray   *resolved,
                 JsonBuilder *builder)
{
  gint64 document_id = 0;
  g_autofree char *about = describe_target (project, memo, codebook, &document_id);

  json_builder_begin_object (builder);
  plx_memo_build_json (memo, plx_memo_get_kind (memo) == PLX_MEMO_PROJECT || plx_memo_get_kind (memo) == PLX_MEMO_FREE
                               ? NULL : plx_memo_get_target_uuid (memo),
                       0, builder);
  json_builder_set_member_name (builder, "about_name");
  json_builder_add_string_value (builder, about);
  if (resolved != NULL)
    {
      json_builder_set_member_name (builder, "citations");
      json_builder_begin_array (builder);
      for (guint i = 0; i < resolved->len; i++)
        {
          PlxAnnotation *annotation = g_ptr_array_index (resolved, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "uuid");
          json_builder_add_string_value (builder, plx_memo_get_citations (memo)[i]);
          json_builder_set_member_name (builder, "broken");
          json_builder_add_boolean_value (builder, annotation == NULL);
          if (annotation != NULL)
            {
              PlxPerspective *perspective =
                plx_project_find_perspective (project, plx_annotation_get_perspective_id (annotation));

              json_builder_set_member_name (builder, "quote");
              json_builder_add_string_value (builder, plx_annotation_get_quote (annotation));
              json_builder_set_member_name (builder, "perspective");
              json_builder_add_string_value (builder, perspective ? plx_perspective_get_name (perspective) : "");
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

static gboolean
write_json (JsonBuilder  *builder,
            GError      **error)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = plx_export_json_to_string (root, TRUE, error);

  if (text == NULL)
    return FALSE;
  plx_cli_write_out (text, strlen (text));
  plx_cli_write_out ("\n", 1);
  return TRUE;
}

/* One line a memo: UUID, kind, what it is about, author, modified, number
 * of citations (and how many are broken), title. */
/* Whether @memo's title or text holds @needle (case-folded, NFC). */
static gboolean
memo_matches (PlxMemo    *memo,
              const char *needle)
{
  g_autofree char *text = NULL;
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;

  if (needle == NULL || *needle == '\0')
    return TRUE;
  text = g_strconcat (plx_memo_get_title (memo), "\n", plx_memo_get_body (memo), NULL);
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  folded = g_utf8_casefold (normal ? normal : text, -1);
  return strstr (folded, needle) != NULL;
}

static int
list_memos (PlxProject *project,
            const char *search,
            gboolean    json)
{
  g_autofree char *needle = NULL;

  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) memos = plx_project_list_memos (project, &error);
  g_autoptr(GPtrArray) codebook = plx_project_list_codebook (project, &error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (memos == NULL || codebook == NULL)
    return plx_cli_fail (error);
  if (search != NULL)
    {
      g_autofree char *normal = g_utf8_normalize (search, -1, G_NORMALIZE_NFC);
      needle = g_utf8_casefold (normal ? normal : search, -1);
    }
  json_builder_begin_array (builder);
  for (guint i = 0; i < memos->len; i++)
    {
      PlxMemo *memo = g_ptr_array_index (memos, i);
      g_autoptr(GPtrArray) resolved = plx_memo_resolve_citations (memo, project, &error);
      g_autoptr(GString) line = g_string_new (NULL);
      g_autofree char *about = NULL;
      gint64 document_id;
      guint broken = 0;

      if (resolved == NULL)
        return plx_cli_fail (error);
      if (!memo_matches (memo, needle))
        continue;
      if (json)
        {
          build_memo_json (project, memo, codebook, resolved, builder);
          continue;
        }
      for (guint c = 0; c < resolved->len; c++)
        broken += g_ptr_array_index (resolved, c) == NULL;
      about = describe_target (project, memo, codebook, &document_id);
      g_string_append_printf (line, "%s\t%s\t", plx_memo_get_uuid (memo), plx_memo_kind_to_string (plx_memo_get_kind (memo)));
      plx_cli_append_tsv_cell (line, about);
      g_string_append_c (line, '\t');
      plx_cli_append_tsv_cell (line, plx_memo_get_author (memo));
      g_string_append_printf (line, "\t%s\t%u\t%u\t", plx_memo_get_modified (memo), resolved->len, broken);
      plx_cli_append_tsv_cell (line, plx_memo_get_title (memo));
      g_string_append_c (line, '\n');
      write_string (line);
    }
  json_builder_end_array (builder);
  if (json && !write_json (builder, &error))
    return plx_cli_fail (error);
  return EXIT_SUCCESS;
}

static int
show_memo (PlxProject *project,
           const char *uuid,
           gboolean    json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxMemo) memo = plx_project_find_memo (project, uuid, &error);
  g_autoptr(GPtrArray) codebook = NULL;
  g_autoptr(GPtrArray) resolved = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *about = NULL;
  gint64 document_id;

  if (memo == NULL || (codebook = plx_project_list_codebook (project, &error)) == NULL ||
      (resolved = plx_memo_resolve_citations (memo, project, &error)) == NULL)
    return plx_cli_fail (error);
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      build_memo_json (project, memo, codebook, resolved, builder);
      return write_json (builder, &error) ? EXIT_SUCCESS : plx_cli_fail (error);
    }

  about = describe_target (project, memo, codebook, &document_id);
  plx_cli_append_terminal_safe (out, plx_memo_get_title (memo), -1);
  g_string_append_c (out, '\n');
  g_string_append_printf (out, "%s: %s\n", _("Kind"), plx_memo_kind_to_string (plx_memo_get_kind (memo)));
  if (*about != '\0')
    {
      g_string_append_printf (out, "%s: ", _("About"));
      plx_cli_append_terminal_safe (out, about, -1);
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out, "%s: ", _("Author"));
  plx_cli_append_terminal_safe (out, plx_memo_get_author (memo), -1);
  g_string_append_printf (out, "\n%s: %s\n%s: %s\n\n", _("Created"), plx_memo_get_created (memo),
                          _("Modified"), plx_memo_get_modified (memo));
  plx_cli_append_terminal_safe (out, plx_memo_get_body (memo), -1);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < resolved->len; i++)
    {
      PlxAnnotation *annotation = g_ptr_array_index (resolved, i);

      g_string_append_printf (out, "[%u] %s ", i + 1, plx_memo_get_citations (memo)[i]);
      if (annotation == NULL)
        g_string_append (out, _("(broken: the passage no longer exists)"));
      else
        {
          PlxPerspective *perspective =
            plx_project_find_perspective (project, plx_annotation_get_perspective_id (annotation));

          plx_cli_append_terminal_safe (out, perspective ? plx_perspective_get_name (perspective) : "", -1);
          g_string_append (out, ": “");
          plx_cli_append_terminal_safe (out, plx_annotation_get_quote (annotation), -1);
          g_string_append (out, "”");
        }
      g_string_append_c (out, '\n');
    }
  write_string (out);
  return EXIT_SUCCESS;
}

int
plx_cli_memos (int argc, char **argv)
{
  g_autoptr(GOptionContext) context =
    plx_cli_command_context ("PROJECT [list | add --kind KIND [--about WHAT] --title TITLE | show UUID | delete UUID]",
                             _("List, add, show or delete memos. KIND is project, document, perspective, theme or "
                               "free; WHAT names the document (id or title), perspective or theme."));
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(PlxChangeSet) changes = NULL;
  g_autofree char *format = NULL;
  g_autofree char *kind_name = NULL;
  g_autofree char *about = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *body_file = NULL;
  g_autofree char *author = NULL;
  g_autofree char *search = NULL;
  g_auto(GStrv) cites = NULL;
  const char *action;
  gboolean json;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("For “list” and “show”: tsv (default) or json"), N_("FORMAT") },
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_name, N_("For “add”: project, document, perspective, theme or free"), N_("KIND") },
    { "about", 'a', 0, G_OPTION_ARG_STRING, &about, N_("For “add”: the document, perspective or theme it is about"), N_("WHAT") },
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, N_("For “add”: its title"), N_("TITLE") },
    { "body", 'b', 0, G_OPTION_ARG_STRING, &body, N_("For “add”: its text"), N_("TEXT") },
    { "body-file", 0, 0, G_OPTION_ARG_FILENAME, &body_file, N_("For “add”: read its text from a file"), N_("FILE") },
    { "author", 0, 0, G_OPTION_ARG_STRING, &author, N_("For “add”: who wrote it"), N_("NAME") },
    { "search", 's', 0, G_OPTION_ARG_STRING, &search, N_("For “list”: only memos whose title or text holds TEXT (case ignored)"), N_("TEXT") },
    { "cite", 'c', 0, G_OPTION_ARG_STRING_ARRAY, &cites, N_("For “add”: a passage it cites (annotation UUID); repeat for more"), N_("UUID") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &parse_error))
    return plx_cli_usage_error (context, parse_error->message);
  if (argc < 2)
    return plx_cli_usage_error (context, _("missing arguments"));
  if (format != NULL && g_strcmp0 (format, "tsv") != 0 && g_strcmp0 (format, "json") != 0)
    return plx_cli_usage_error (context, _("--format takes tsv or json"));
  json = g_strcmp0 (format, "json") == 0;
  action = argc >= 3 ? argv[2] : "list";

  if (g_strcmp0 (action, "list") == 0 || g_strcmp0 (action, "show") == 0)
    {
      if (argc != (g_strcmp0 (action, "show") == 0 ? 4 : MIN (argc, 3)))
        return plx_cli_usage_error (context, _("wrong number of arguments for this action"));
      project = plx_project_open_for_reading (argv[1], &error);
      if (project == NULL)
        return plx_cli_fail (error);
      return g_strcmp0 (action, "show") == 0 ? show_memo (project, argv[3], json) : list_memos (project, search, json);
    }

  if (g_strcmp0 (action, "add") == 0)
    {
      g_autoptr(PlxMemo) memo = NULL;
      g_autoptr(GPtrArray) codebook = NULL;
      g_autofree char *target = NULL;
      g_autofree char *file_text = NULL;
      PlxMemoKind kind;

      if (argc != 3)
        return plx_cli_usage_error (context, _("wrong number of arguments for this action"));
      if (kind_name == NULL || !plx_memo_kind_from_string (kind_name, &kind))
        return plx_cli_usage_error (context, _("--kind takes project, document, perspective, theme or free"));
      if (body != NULL && body_file != NULL)
        return plx_cli_usage_error (context, _("give --body or --body-file, not both"));
      if (body_file != NULL)
        {
          gsize length = 0;

          if (!g_file_get_contents (body_file, &file_text, &length, &error))
            return plx_cli_fail (error);
          if (!g_utf8_validate_len (file_text, length, NULL))
            return plx_cli_usage_error (context, _("the --body-file is not UTF-8 text"));
        }
      project = plx_project_open (argv[1], &error);
      if (project == NULL || (codebook = plx_project_list_codebook (project, &error)) == NULL ||
          (target = resolve_target (project, kind, about, codebook, &error)) == NULL)
        return plx_cli_fail (error);
      memo = plx_memo_new (NULL, kind, target);
      plx_memo_set_title (memo, title);
      plx_memo_set_body (memo, file_text ? file_text : body);
      plx_memo_set_author (memo, author);
      plx_memo_set_citations (memo, (const char * const *) cites);
      changes = plx_memo_changes_add (project, memo, &error);
      if (changes == NULL || !plx_project_apply (project, changes, &error))
        return plx_cli_fail (error);
      {
        g_autoptr(GString) line = g_string_new (plx_memo_get_uuid (memo));
        g_string_append_c (line, '\n');
        write_string (line);
      }
      return EXIT_SUCCESS;
    }

  if (g_strcmp0 (action, "delete") == 0)
    {
      if (argc != 4)
        return plx_cli_usage_error (context, _("wrong number of arguments for this action"));
      project = plx_project_open (argv[1], &error);
      if (project == NULL || (changes = plx_memo_changes_delete (project, argv[3], &error)) == NULL ||
          !plx_project_apply (project, changes, &error))
        return plx_cli_fail (error);
      return EXIT_SUCCESS;
    }
  return plx_cli_usage_error (context, _("unknown action; use list, add, show or delete"));
}

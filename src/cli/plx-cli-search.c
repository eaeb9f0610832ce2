/* plx-cli-search.c: search across a project's documents, keyword in
 * context; search-and-code; the equivalences search knows.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "parallax-cli"

#include <stdlib.h>

#include "plx-cli.h"

/* More hits than this are tagged only when asked with --yes. */
#define CODE_WITHOUT_ASKING 1000

static void
append_hit_json (JsonBuilder  *builder,
                 PlxSearchHit *hit)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, plx_search_hit_get_start (hit));
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, plx_search_hit_get_end (hit));
  json_builder_set_member_name (builder, "left");
  json_builder_add_string_value (builder, plx_search_hit_get_left (hit));
  json_builder_set_member_name (builder, "match");
  json_builder_add_string_value (builder, plx_search_hit_get_match (hit));
  json_builder_set_member_name (builder, "right");
  json_builder_add_string_value (builder, plx_search_hit_get_right (hit));
  json_builder_set_member_name (builder, "perspectives");
  json_builder_begin_array (builder);
  for (const char * const *p = plx_search_hit_get_perspectives (hit); *p != NULL; p++)
    json_builder_add_string_value (builder, *p);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static gboolean
build_json (GString     *out,
            GPtrArray   *hits,
            const char  *query,
            gboolean     truncated,
            GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  gint64 document = 0;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "query");
  json_builder_add_string_value (builder, query);
  json_builder_set_member_name (builder, "hits");
  json_builder_add_int_value (builder, hits->len);
  json_builder_set_member_name (builder, "truncated");
  json_builder_add_boolean_value (builder, truncated);
  json_builder_set_member_name (builder, "documents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < hits->len; i++)
    {
      PlxSearchHit *hit = g_ptr_array_index (hits, i);

      if (plx_search_hit_get_document_id (hit) != document)
        {
          if (document != 0)
            {
              json_builder_end_array (builder);
              json_builder_end_object (builder);
            }
          document = plx_search_hit_get_document_id (hit);
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, document);
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, plx_search_hit_get_document_title (hit));
          json_builder_set_member_name (builder, "hits");
          json_builder_begin_array (builder);
        }
      append_hit_json (builder, hit);
    }
  if (document != 0)
    {
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  if ((json = plx_export_json_to_string (root, TRUE, error)) == NULL)
    return FALSE;
  g_string_append (out, json);
  g_string_append_c (out, '\n');
  return TRUE;
}

static void
build_tsv (GString   *out,
           GPtrArray *hits)
{
  g_string_append (out, "document\ttitle\tstart\tend\tleft\tmatch\tright\tperspectives\n");
  for (guint i = 0; i < hits->len; i++)
    {
      PlxSearchHit *hit = g_ptr_array_index (hits, i);
      g_autofree char *perspectives = g_strjoinv (",", (char **) plx_search_hit_get_perspectives (hit));

      g_string_append_printf (out, "%" G_GINT64_FORMAT "\t", plx_search_hit_get_document_id (hit));
      plx_cli_append_tsv_cell (out, plx_search_hit_get_document_title (hit));
      g_string_append_printf (out, "\t%u\t%u\t", plx_search_hit_get_start (hit), plx_search_hit_get_end (hit));
      plx_cli_append_tsv_cell (out, plx_search_hit_get_left (hit));
      g_string_append_c (out, '\t');
      plx_cli_append_tsv_cell (out, plx_search_hit_get_match (hit));
      g_string_append_c (out, '\t');
      plx_cli_append_tsv_cell (out, plx_search_hit_get_right (hit));
      g_string_append_c (out, '\t');
      plx_cli_append_tsv_cell (out, perspectives);
      g_string_append_c (out, '\n');
    }
}

/* For a person: each document's title, then its hits, one a line. */
static void
build_text (GString    *out,
            GPtrArray  *hits,
            gboolean    truncated)
{
  gint64 document = 0;

  for (guint i = 0; i < hits->len; i++)
    {
      PlxSearchHit *hit = g_ptr_array_index (hits, i);
      const char * const *perspectives = plx_search_hit_get_perspectives (hit);

      if (plx_search_hit_get_document_id (hit) != document)
        {
          document = plx_search_hit_get_document_id (hit);
          g_string_append_printf (out, "%s%s (%" G_GINT64_FORMAT ")\n", i > 0 ? "\n" : "",
                                  plx_search_hit_get_document_title (hit), document);
        }
      g_string_append_printf (out, "  %u–%u  …%s[%s]%s…", plx_search_hit_get_start (hit), plx_search_hit_get_end (hit),
                              plx_search_hit_get_left (hit), plx_search_hit_get_match (hit),
                              plx_search_hit_get_right (hit));
      if (perspectives[0] != NULL)
        {
          g_autofree char *names = g_strjoinv (", ", (char **) perspectives);
          /* TRANSLATORS: after a search hit, the perspectives tagging it */
          g_string_append_printf (out, "  %s", names);
        }
      g_string_append_c (out, '\n');
    }
  if (hits->len == 0)
    g_string_append_printf (out, "%s\n", _("No hits"));
  else if (truncated)
    g_string_append_printf (out, "\n%s\n", _("More hits were left out (see --limit)"));
}

static int
code_hits (PlxProject  *project,
           GPtrArray   *hits,
           const char  *perspective_arg,
           char       **themes,
           const char  *author,
           gboolean     yes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxChangeSet) changes = NULL;
  PlxPerspective *perspective;
  guint skipped = 0;
  guint n;

  perspective = plx_cli_lookup_perspective (project, perspective_arg, &error);
  if (perspective == NULL)
    return plx_cli_fail (error);
  if (hits->len > CODE_WITHOUT_ASKING && !yes)
    {
      g_printerr (_("parallax-cli: %u hits would be tagged with “%s”; nothing was changed. Narrow the search, "
                    "or add --yes to tag them all\n"), hits->len, plx_perspective_get_name (perspective));
      return EXIT_FAILURE;
    }
  changes = plx_search_code_changes (project, hits, plx_perspective_get_id (perspective),
                                     (const char * const *) themes, author ? author : g_get_real_name (),
                                     &skipped, &error);
  if (changes == NULL)
    return plx_cli_fail (error);
  n = plx_change_set_get_n_changes (changes);
  if (n > 0 && !plx_project_apply (project, changes, &error))
    return plx_cli_fail (error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Tagged %u hit with “%s”", "Tagged %u hits with “%s”", n),
           n, plx_perspective_get_name (perspective));
  if (skipped > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "; %u was tagged so already", "; %u were tagged so already", skipped),
             skipped);
  g_print ("\n");
  return EXIT_SUCCESS;
}

int
plx_cli_search (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = plx_cli_command_context ("PROJECT QUERY", _("Search every document for QUERY: words, \"a phrase\", a prefix*, a OR b. Case, diacritics, Azerbaijani’s two scripts and the project’s equivalences do not matter. With --code, tag the hits."));
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) equivalences = NULL;
  g_autoptr(PlxSearchQuery) query = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *document_arg = NULL;
  g_autofree char *format = NULL;
  g_autofree char *limit_arg = NULL;
  g_autofree char *code = NULL;
  g_autofree char *author = NULL;
  g_autofree char *described = NULL;
  g_auto(GStrv) themes = NULL;
  gboolean yes = FALSE;
  gboolean truncated = FALSE;
  gint64 document_id = 0;
  guint64 limit = 0;
  GOptionEntry entries[] = {
    { "document", 'd', 0, G_OPTION_ARG_STRING, &document_arg, N_("Only this document (default: every document)"), N_("ID") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("text (default), tsv or json"), N_("FORMAT") },
    { "limit", 'l', 0, G_OPTION_ARG_STRING, &limit_arg, N_("At most N hits (default: all)"), "N" },
    { "code", 'c', 0, G_OPTION_ARG_STRING, &code, N_("Tag every hit with this perspective (name or id), as one change"), N_("PERSPECTIVE") },
    { "theme", 't', 0, G_OPTION_ARG_STRING_ARRAY, &themes, N_("With --code: a theme; repeat for several"), N_("THEME") },
    { "author", 'a', 0, G_OPTION_ARG_STRING, &author, N_("With --code: who tags (default: your user name)"), N_("NAME") },
    { "yes", 'y', 0, G_OPTION_ARG_NONE, &yes, N_("With --code: tag more than 1,000 hits too"), NULL },
    { NULL }
  };
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!plx_cli_parse_args (context, &argc, &argv, 2, &status))
    return status;
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json") && !g_str_equal (format, "tsv"))
    return plx_cli_usage_error (context, _("--format takes text, tsv or json"));
  if (document_arg != NULL && !plx_cli_parse_id (document_arg, &document_id))
    return plx_cli_usage_error (context, _("--document takes a document id, a positive number"));
  if (limit_arg != NULL &&
      (!g_ascii_string_to_unsigned (limit_arg, 10, 1, G_MAXUINT32, &limit, NULL)))
    return plx_cli_usage_error (context, _("--limit takes a whole number from 1 to 4294967295"));
  if (code == NULL && (themes != NULL || author != NULL || yes))
    return plx_cli_usage_error (context, _("--theme, --author and --yes go with --code"));
  if (code != NULL && (format != NULL || limit_arg != NULL))
    return plx_cli_usage_error (context, _("--code tags every hit: it takes neither --format nor --limit"));

  project = code != NULL ? plx_project_open (argv[1], &error) : plx_project_open_for_reading (argv[1], &error);
  if (project == NULL)
    return plx_cli_fail (error);
  if (document_id != 0)
    {
      g_autoptr(PlxDocument) document = plx_project_load_document (project, document_id, &error);
      if (document == NULL)
        return plx_cli_fail (error);
    }
  if ((equivalences = plx_search_list_equivalences (project, &error)) == NULL ||
      (query = plx_search_query_parse (argv[2], equivalences, &error)) == NULL ||
      (hits = plx_search_run (project, argv[2], document_id, (guint) limit, &truncated, &error)) == NULL)
    return plx_cli_fail (error);
  if (code != NULL)
    return code_hits (project, hits, code, themes, author, yes);

  described = plx_search_query_describe (query);
  if (g_strcmp0 (format, "json") == 0)
    {
      if (!build_json (out, hits, described, truncated, &error))
        return plx_cli_fail (error);
    }
  else if (g_strcmp0 (format, "tsv") == 0)
    build_tsv (out, hits);
  else
    {
      g_autoptr(GString) text = g_string_new (NULL);

      build_text (text, hits, truncated);
      plx_cli_append_terminal_safe (out, text->str, (gssize) text->len);
    }
  plx_cli_write_out (out->str, out->len);
  return EXIT_SUCCESS;
}

/* ---- equivalences ---- */

static int
list_equivalences (PlxProject *project,
                   const char *format)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  if ((groups = plx_search_list_equivalences (project, &error)) == NULL)
    return plx_cli_fail (error);
  if (g_strcmp0 (format, "json") == 0)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *json = NULL;

      json_builder_begin_array (builder);
      for (guint g = 0; g < groups->len; g++)
        {
          json_builder_begin_array (builder);
          for (char **t = g_ptr_array_index (groups, g); *t != NULL; t++)
            json_builder_add_string_value (builder, *t);
          json_builder_end_array (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      if ((json = plx_export_json_to_string (root, TRUE, &error)) == NULL)
        return plx_cli_fail (error);
      g_string_append_printf (out, "%s\n", json);
    }
  else if (g_strcmp0 (format, "tsv") == 0)
    {
      for (guint g = 0; g < groups->len; g++)
        {
          char **terms = g_ptr_array_index (groups, g);

          for (guint t = 0; terms[t] != NULL; t++)
            {
              if (t > 0)
                g_string_append_c (out, '\t');
              plx_cli_append_tsv_cell (out, terms[t]);
            }
          g_string_append_c (out, '\n');
        }
    }
  else
    {
      g_autofree char *text = plx_search_format_equivalences (groups);
      plx_cli_append_terminal_safe (out, text, -1);
    }
  plx_cli_write_out (out->str, out->len);
  return EXIT_SUCCESS;
}

int
plx_cli_equivalences (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = plx_cli_command_context ("PROJECT [list | add TERM TERM… | remove TERM… | reset]",
                                                               _("The names search takes for one: “add Artsakh Арцах” makes them one (joining a group either is in), “remove” takes terms out, “reset” brings back the defaults. A term ending in * stands for every word starting so."));
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;
  const char *action;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("For list: text (default), tsv or json"), N_("FORMAT") },
    { NULL }
  };
  int status;
  gboolean ok;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!plx_cli_parse_args (context, &argc, &argv, PLX_CLI_AT_LEAST (1), &status))
    return status;
  action = argc > 2 ? argv[2] : "list";
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json") && !g_str_equal (format, "tsv"))
    return plx_cli_usage_error (context, _("--format takes text, tsv or json"));
  if (g_str_equal (action, "list"))
    {
      if (argc > 3)
        return plx_cli_usage_error (context, _("list takes no terms"));
      project = plx_project_open_for_reading (argv[1], &error);
      if (project == NULL)
        return plx_cli_fail (error);
      return list_equivalences (project, format);
    }
  if (format != NULL)
    return plx_cli_usage_error (context, _("--format goes with list"));
  if (g_str_equal (action, "add") || g_str_equal (action, "remove"))
    {
      if (argc < 4)
        return plx_cli_usage_error (context, g_str_equal (action, "add") ? _("add takes the terms to make one")
                                                                         : _("remove takes the terms to take out"));
    }
  else if (g_str_equal (action, "reset"))
    {
      if (argc > 3)
        return plx_cli_usage_error (context, _("reset takes no terms"));
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("Unknown action “%s”: use list, add, remove or reset"), action);
      return plx_cli_usage_error (context, message);
    }

  project = plx_project_open (argv[1], &error);
  if (project == NULL)
    return plx_cli_fail (error);
  if (g_str_equal (action, "add"))
    ok = plx_search_add_equivalence (project, (const char * const *) argv + 3, &error);
  else if (g_str_equal (action, "remove"))
    ok = plx_search_remove_equivalence (project, (const char * const *) argv + 3, &error);
  else
    {
      g_autoptr(GPtrArray) defaults = plx_search_default_equivalences ();
      ok = plx_search_set_equivalences (project, defaults, &error);
    }
  if (!ok)
    return plx_cli_fail (error);
  return EXIT_SUCCESS;
}

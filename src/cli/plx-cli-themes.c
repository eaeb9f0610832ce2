/* plx-cli-themes.c: parallax-cli themes: the codebook as a tree with
 * counts per perspective, and its operations, each one undoable step.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "parallax-cli"

#include "plx-cli.h"

static void
write_line (GString *line)
{
  g_string_append_c (line, '\n');
  plx_cli_write_out (line->str, line->len);
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

static PlxThemeRollup *
count_all (PlxProject  *project,
           GPtrArray   *codebook,
           GError     **error)
{
  PlxAnnotationQuery query = { 0, 0, NULL };
  g_autoptr(GPtrArray) annotations = plx_project_list_annotations (project, &query, error);
  g_autoptr(GListStore) store = g_list_store_new (PLX_TYPE_ANNOTATION);

  if (annotations == NULL)
    return NULL;
  g_list_store_splice (store, 0, 0, annotations->pdata, annotations->len);
  return plx_theme_rollup_new (codebook, plx_project_get_perspectives (project), G_LIST_MODEL (store));
}

/* A header, then one line per theme, depth first: the name indented two
 * spaces a level, its UUID, then per perspective its own passages and
 * those with its sub-themes, then both totals. */
static int
list_themes (PlxProject *project,
             gboolean    json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) codebook = plx_project_list_codebook (project, &error);
  g_autoptr(PlxThemeRollup) counts = NULL;
  guint n_perspectives;

  if (codebook == NULL || (counts = count_all (project, codebook, &error)) == NULL)
    return plx_cli_fail (error);
  n_perspectives = plx_theme_rollup_get_n_perspectives (counts);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      GListModel *perspectives = plx_project_get_perspectives (project);

      json_builder_begin_array (builder);
      for (guint r = 0; r < plx_theme_rollup_get_n_rows (counts); r++)
        {
          json_builder_begin_object (builder);
          plx_theme_build_json (plx_theme_rollup_get_theme (counts, r), codebook, builder);
          json_builder_set_member_name (builder, "depth");
          json_builder_add_int_value (builder, plx_theme_rollup_get_depth (counts, r));
          for (guint level = 0; level < 2; level++)
            {
              json_builder_set_member_name (builder, level == 0 ? "passages" : "passages_with_subthemes");
              json_builder_begin_object (builder);
              for (guint p = 0; p < n_perspectives; p++)
                {
                  g_autoptr(PlxPerspective) perspective = g_list_model_get_item (perspectives, p);

                  json_builder_set_member_name (builder, plx_perspective_get_name (perspective));
                  json_builder_add_int_value (builder, plx_theme_rollup_get_count (counts, r, p, (PlxRollupLevel) level));
                }
              json_builder_end_object (builder);
            }
          json_builder_set_member_name (builder, "total");
          json_builder_add_int_value (builder, plx_theme_rollup_get_total (counts, r, PLX_ROLLUP_OWN));
          json_builder_set_member_name (builder, "total_with_subthemes");
          json_builder_add_int_value (builder, plx_theme_rollup_get_total (counts, r, PLX_ROLLUP_ROLLED));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      return write_json (builder, &error) ? EXIT_SUCCESS : plx_cli_fail (error);
    }

  {
    g_autoptr(GPtrArray) table = plx_theme_rollup_build_table (counts, FALSE);
    char **header = g_ptr_array_index (table, 0);
    g_autoptr(GString) line = g_string_new (NULL);

    /* Theme, UUID, then the table's counts (its path and level columns
     * are the indentation here). */
    plx_cli_append_tsv_cell (line, _("Theme"));
    g_string_append_c (line, '\t');
    plx_cli_append_tsv_cell (line, "UUID");
    for (guint c = 2; header[c] != NULL; c++)
      {
        g_string_append_c (line, '\t');
        plx_cli_append_tsv_cell (line, header[c]);
      }
    write_line (line);
    for (guint r = 0; r < plx_theme_rollup_get_n_rows (counts); r++)
      {
        char **cells = g_ptr_array_index (table, r + 1);
        g_autofree char *indented = g_strdup_printf ("%*s%s", (int) (2 * plx_theme_rollup_get_depth (counts, r)), "",
                                                     plx_theme_get_name (plx_theme_rollup_get_theme (counts, r)));

        g_string_truncate (line, 0);
        plx_cli_append_tsv_cell (line, indented);
        g_string_append_c (line, '\t');
        plx_cli_append_tsv_cell (line, plx_theme_get_uuid (plx_theme_rollup_get_theme (counts, r)));
        for (guint c = 2; cells[c] != NULL; c++)
          g_string_append_printf (line, "\t%s", cells[c]);
        write_line (line);
      }
  }
  return EXIT_SUCCESS;
}

/* The theme named by UUID, name or path, as a UUID. */
static const char *
theme_uuid (GPtrArray   *codebook,
            const char  *text,
            GError     **error)
{
  PlxTheme *theme = plx_codebook_lookup (codebook, text);

  if (theme == NULL)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND, _("There is no theme “%s” in this project"), text);
      return NULL;
    }
  return plx_theme_get_uuid (theme);
}

int
plx_cli_themes (int argc, char **argv)
{
  g_autoptr(GOptionContext) context =
    plx_cli_command_context ("PROJECT [list | add NAME | rename THEME NEW-NAME | define THEME | move THEME [PARENT] | "
                             "merge THEME… --into THEME | split THEME NEW-NAME UUID… | delete THEME]",
                             _("List the codebook as a tree with counts per perspective, or change it. A THEME is "
                               "its name, its path (security/guarantor) or its UUID."));
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(GPtrArray) codebook = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(PlxChangeSet) changes = NULL;
  g_autoptr(PlxTheme) created = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *format = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *definition = NULL;
  g_autofree char *inclusion = NULL;
  g_autofree char *exclusion = NULL;
  g_autofree char *color = NULL;
  g_autofree char *into = NULL;
  g_auto(GStrv) labels = NULL;
  g_auto(GStrv) examples = NULL;
  gboolean no_examples = FALSE;
  const char *action;
  int n_args;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("For “list”: tsv (default) or json"), N_("FORMAT") },
    { "parent", 'p', 0, G_OPTION_ARG_STRING, &parent, N_("For “add”: the theme to put it under"), N_("THEME") },
    { "definition", 'd', 0, G_OPTION_ARG_STRING, &definition, N_("For “add” and “define”: what the theme means"), N_("TEXT") },
    { "inclusion", 0, 0, G_OPTION_ARG_STRING, &inclusion, N_("For “define”: when to use it"), N_("TEXT") },
    { "exclusion", 0, 0, G_OPTION_ARG_STRING, &exclusion, N_("For “define”: when not to use it"), N_("TEXT") },
    { "color", 'c', 0, G_OPTION_ARG_STRING, &color, N_("For “define”: a colour as #rrggbb, or “none”"), N_("COLOR") },
    { "label", 'l', 0, G_OPTION_ARG_STRING_ARRAY, &labels, N_("For “define”: a translated label, as LANG=TEXT (en, ru, hy, az; empty TEXT removes it)"), N_("LANG=TEXT") },
    { "example", 'e', 0, G_OPTION_ARG_STRING_ARRAY, &examples, N_("For “define”: a passage (annotation UUID) tagged with the theme, as an anchor example"), N_("UUID") },
    { "no-examples", 0, 0, G_OPTION_ARG_NONE, &no_examples, N_("For “define”: drop its anchor examples"), NULL },
    { "into", 0, 0, G_OPTION_ARG_STRING, &into, N_("For “merge”: the theme the others become"), N_("THEME") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &parse_error))
    return plx_cli_usage_error (context, parse_error->message);
  if (argc < 2)
    return plx_cli_usage_error (context, _("missing arguments"));
  if (format != NULL && g_strcmp0 (format, "tsv") != 0 && g_strcmp0 (format, "json") != 0)
    return plx_cli_usage_error (context, _("--format takes tsv or json"));
  action = argc >= 3 ? argv[2] : "list";
  n_args = argc - 3;

  /* Names are text, converted as GOption converts option values. */
  texts = g_ptr_array_new_with_free_func (g_free);
  for (int i = 3; i < argc; i++)
    {
      char *text = g_locale_to_utf8 (argv[i], -1, NULL, NULL, NULL);

      if (text == NULL)
        return plx_cli_usage_error (context, _("a name is not valid text in this locale’s encoding"));
      g_ptr_array_add (texts, text);
      argv[i] = text;
    }

  if (g_strcmp0 (action, "list") == 0)
    {
      if (argc > 3)
        return plx_cli_usage_error (context, _("wrong number of arguments for this action"));
      project = plx_project_open_for_reading (argv[1], &error);
      if (project == NULL)
        return plx_cli_fail (error);
      return list_themes (project, g_strcmp0 (format, "json") == 0);
    }

  if ((g_strcmp0 (action, "add") == 0 && n_args != 1) || (g_strcmp0 (action, "rename") == 0 && n_args != 2) ||
      (g_strcmp0 (action, "define") == 0 && n_args != 1) ||
      (g_strcmp0 (action, "move") == 0 && n_args != 1 && n_args != 2) ||
      (g_strcmp0 (action, "merge") == 0 && n_args < 1) || (g_strcmp0 (action, "split") == 0 && n_args < 3) ||
      (g_strcmp0 (action, "delete") == 0 && n_args != 1))
    return plx_cli_usage_error (context, _("wrong number of arguments for this action"));
  if (g_strcmp0 (action, "merge") == 0 && into == NULL)
    return plx_cli_usage_error (context, _("“merge” needs --into THEME"));

  project = plx_project_open (argv[1], &error);
  if (project == NULL)
    return plx_cli_fail (error);
  codebook = plx_project_list_codebook (project, &error);
  if (codebook == NULL)
    return plx_cli_fail (error);

  if (g_strcmp0 (action, "add") == 0)
    {
      const char *parent_uuid = NULL;

      if (parent != NULL && (parent_uuid = theme_uuid (codebook, parent, &error)) == NULL)
        return plx_cli_fail (error);
      changes = plx_theme_changes_create (project, argv[3], parent_uuid, definition, &created, &error);
    }
  else if (g_strcmp0 (action, "rename") == 0)
    {
      const char *uuid = theme_uuid (codebook, argv[3], &error);

      if (uuid == NULL)
        return plx_cli_fail (error);
      changes = plx_theme_changes_rename (project, uuid, argv[4], &error);
    }
  else if (g_strcmp0 (action, "define") == 0)
    {
      PlxTheme *theme = plx_codebook_lookup (codebook, argv[3]);
      g_autoptr(PlxTheme) edited = NULL;

      if (theme == NULL)
        {
          g_set_error (&error, PLX_ERROR, PLX_ERROR_NOT_FOUND, _("There is no theme “%s” in this project"), argv[3]);
          return plx_cli_fail (error);
        }
      edited = plx_theme_copy (theme);
      if (definition != NULL)
        plx_theme_set_description (edited, definition);
      if (inclusion != NULL)
        plx_theme_set_inclusion (edited, inclusion);
      if (exclusion != NULL)
        plx_theme_set_exclusion (edited, exclusion);
      if (color != NULL)
        plx_theme_set_color (edited, g_strcmp0 (color, "none") == 0 ? "" : color);
      for (guint i = 0; labels != NULL && labels[i] != NULL; i++)
        {
          const char *equals = strchr (labels[i], '=');
          g_autofree char *lang = NULL;

          if (equals == NULL || equals == labels[i])
            return plx_cli_usage_error (context, _("--label takes LANG=TEXT, for example ru=гарант"));
          lang = g_strndup (labels[i], (gsize) (equals - labels[i]));
          plx_theme_set_label (edited, lang, equals + 1);
        }
      if (no_examples || examples != NULL)
        plx_theme_set_examples (edited, (const char * const *) examples);
      changes = plx_theme_changes_define (project, edited, &error);
    }
  else if (g_strcmp0 (action, "move") == 0)
    {
      const char *uuid = theme_uuid (codebook, argv[3], &error);
      const char *parent_uuid = NULL;

      if (uuid == NULL || (n_args == 2 && (parent_uuid = theme_uuid (codebook, argv[4], &error)) == NULL))
        return plx_cli_fail (error);
      changes = plx_theme_changes_move (project, uuid, parent_uuid, &error);
    }
  else if (g_strcmp0 (action, "merge") == 0)
    {
      g_autoptr(GPtrArray) sources = g_ptr_array_new ();
      const char *target = theme_uuid (codebook, into, &error);

      if (target == NULL)
        return plx_cli_fail (error);
      for (int i = 3; i < argc; i++)
        {
          const char *uuid = theme_uuid (codebook, argv[i], &error);

          if (uuid == NULL)
            return plx_cli_fail (error);
          g_ptr_array_add (sources, (gpointer) uuid);
        }
      g_ptr_array_add (sources, NULL);
      changes = plx_theme_changes_merge (project, (const char * const *) sources->pdata, target, &error);
    }
  else if (g_strcmp0 (action, "split") == 0)
    {
      const char *uuid = theme_uuid (codebook, argv[3], &error);
      g_autoptr(GPtrArray) chosen = g_ptr_array_new ();

      if (uuid == NULL)
        return plx_cli_fail (error);
      for (int i = 5; i < argc; i++)
        g_ptr_array_add (chosen, argv[i]);
      g_ptr_array_add (chosen, NULL);
      changes = plx_theme_changes_split (project, uuid, argv[4], (const char * const *) chosen->pdata, &created,
                                         &error);
    }
  else if (g_strcmp0 (action, "delete") == 0)
    {
      const char *uuid = theme_uuid (codebook, argv[3], &error);

      if (uuid == NULL)
        return plx_cli_fail (error);
      changes = plx_theme_changes_delete (project, uuid, &error);
    }
  else
    return plx_cli_usage_error (context, _("unknown action; use list, add, rename, define, move, merge, split or delete"));

  if (changes == NULL || !plx_project_apply (project, changes, &error))
    return plx_cli_fail (error);
  /* A theme made (add, split) is printed by UUID, as annotate prints. */
  if (created != NULL)
    {
      g_autoptr(GString) line = g_string_new (plx_theme_get_uuid (created));
      write_line (line);
    }
  return EXIT_SUCCESS;
}

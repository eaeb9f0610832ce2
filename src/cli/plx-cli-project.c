/* plx-cli-project.c: parallax-cli check, export, import, stats, salvage and set-log-aside.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "parallax-cli"
#include <json-glib/json-glib.h>
#include <gio/gunixoutputstream.h>

#include "plx-cli.h"

int
plx_cli_check (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = plx_cli_command_context ("PROJECT", _("Check the project’s integrity: the database, its links, and that every quote still matches its text."));
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  int status;

  if (!plx_cli_parse_args (context, &argc, &argv, 1, &status))
    return status;
  project = plx_project_open_for_reading (argv[1], &error);
  if (project == NULL)
    return plx_cli_fail (error);
  if (!plx_project_check (project, report, &error))
    {
      if (error != NULL)
        return plx_cli_fail (error);
      g_printerr ("%s", report->str);
      g_printerr ("parallax-cli: %s\n", _("the project has problems (listed above)"));
      return EXIT_FAILURE;
    }
  g_print ("ok\n");
  return EXIT_SUCCESS;
}

int
plx_cli_export (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = plx_cli_command_context ("PROJECT", _("Export the annotations as native JSON, W3C Web Annotation JSON-LD, CSV, a REFI-QDA project (qdpx: for NVivo, ATLAS.ti, MAXQDA, QualCoder) or a REFI-QDA codebook (qdc), to FILE or to standard output."));
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_arg = NULL;
  g_autofree char *document_arg = NULL;
  g_autofree char *output = NULL;
  gboolean include_text = FALSE;
  PlxExportFormat format;
  gint64 document_id = 0;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_arg, N_("native, w3c, csv, qdpx or qdc"), N_("FORMAT") },
    { "document", 'd', 0, G_OPTION_ARG_STRING, &document_arg, N_("Only this document"), N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of standard output"), N_("FILE") },
    { "include-text", 0, 0, G_OPTION_ARG_NONE, &include_text, N_("Native format: carry the documents’ text too"), NULL },
    { NULL }
  };
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!plx_cli_parse_args (context, &argc, &argv, 1, &status))
    return status;
  if (format_arg == NULL || !plx_export_format_from_string (format_arg, &format))
    return plx_cli_usage_error (context, _("--format takes native, w3c, csv, qdpx or qdc"));
  if (document_arg != NULL && !plx_cli_parse_id (document_arg, &document_id))
    return plx_cli_usage_error (context, _("--document takes a document id, a positive number"));

  project = plx_project_open_for_reading (argv[1], &error);
  if (project == NULL)
    return plx_cli_fail (error);
  if (output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      if (!plx_export_to_file (project, format, document_id, include_text ? PLX_EXPORT_FLAGS_INCLUDE_TEXT : PLX_EXPORT_FLAGS_NONE,
                               file, NULL, &error))
        return plx_cli_fail (error);
    }
  else
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

      if (!plx_export_to_stream (project, format, document_id, include_text ? PLX_EXPORT_FLAGS_INCLUDE_TEXT : PLX_EXPORT_FLAGS_NONE,
                                 out, NULL, &error))
        return plx_cli_fail (error);
    }
  return EXIT_SUCCESS;
}

int
plx_cli_copy (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = plx_cli_command_context ("PROJECT NEW", _("Write a whole copy of the project to NEW: one consistent state, even while someone works in it, and everything it holds (unlike copying the file alone while the project is open)."));
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!plx_cli_parse_args (context, &argc, &argv, 2, &status))
    return status;
  project = plx_project_open_for_reading (argv[1], &error);
  if (project == NULL)
    return plx_cli_fail (error);
  file = g_file_new_for_commandline_arg (argv[2]);
  if (!plx_export_copy_to_file (project, file, NULL, &error))
    return plx_cli_fail (error);
  return EXIT_SUCCESS;
}

int
plx_cli_import (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = plx_cli_command_context ("PROJECT FILE", _("Import annotations from native JSON, W3C Web Annotation JSON-LD, a REFI-QDA project (.qdpx) or a REFI-QDA codebook (.qdc), told apart by content. All or nothing: a file with any error changes nothing."));
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(PlxImportReport) report = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *perspectives_code = NULL;
  g_autofree char *perspective = NULL;
  gint64 document_id = 0;
  PlxImportOptions options = { NULL };
  GOptionEntry entries[] = {
    { "perspectives-code", 0, 0, G_OPTION_ARG_STRING, &perspectives_code,
      N_("REFI-QDA: the top-level code whose codes become the perspectives (default: one named Perspectives), or none: every code becomes a theme"), N_("NAME") },
    { "perspective", 0, 0, G_OPTION_ARG_STRING, &perspective,
      N_("W3C annotations from Hypothesis, Recogito and other tools (no “classifying” body): the perspective they are imported into, created if missing"), N_("NAME") },
    { "document", 0, 0, G_OPTION_ARG_INT64, &document_id,
      N_("W3C annotations whose target is neither a document of the project nor its source URL: the document they go to"), N_("ID") },
    { NULL }
  };
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!plx_cli_parse_args (context, &argc, &argv, 2, &status))
    return status;
  options.perspectives_code = perspectives_code;
  options.perspective = perspective;
  options.document_id = document_id;
  project = plx_project_open (argv[1], &error);
  if (project == NULL)
    return plx_cli_fail (error);
  file = g_file_new_for_commandline_arg (argv[2]);
  report = plx_import_file_with_options (project, file, &options, NULL, &error);
  if (report == NULL)
    return plx_cli_fail (error);

  for (guint i = 0; report->notices != NULL && i < report->notices->len; i++)
    g_printerr ("parallax-cli: %s %s\n", _("note:"), (const char *) g_ptr_array_index (report->notices, i));

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
  if (report->themes_added + report->themes_updated + report->memos_added + report->memos_updated > 0)
    g_print (_("codebook: %u themes added, %u updated; memos: %u added, %u updated\n"),
             report->themes_added, report->themes_updated, report->memos_added, report->memos_updated);
  return EXIT_SUCCESS;
}

static void
append_rows_tsv (GString   *out,
                 GPtrArray *rows)
{
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

/* Each table under a "# name" line, tables apart by a blank line; last,
 * the themes at both levels of the codebook ("# theme-tree"). */
static void
append_stats_tsv (GString        *out,
                  PlxStatistics  *stats,
                  PlxThemeRollup *rollup)
{
  PlxDocument *document = plx_statistics_get_document (stats);

  g_string_append_printf (out, "# document\t%" G_GINT64_FORMAT "\t", plx_document_get_id (document));
  plx_cli_append_tsv_cell (out, plx_document_get_title (document));
  g_string_append_c (out, '\n');
  for (guint table = 0; table < PLX_STATISTICS_N_TABLES; table++)
    {
      g_autoptr(GPtrArray) rows = plx_statistics_build_table (stats, table);

      g_string_append_printf (out, "\n# %s\n", plx_statistics_table_to_string (table));
      append_rows_tsv (out, rows);
    }
  {
    g_autoptr(GPtrArray) rows = plx_theme_rollup_build_table (rollup, TRUE);

    g_string_append (out, "\n# theme-tree\n");
    append_rows_tsv (out, rows);
  }
}

int
plx_cli_stats (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = plx_cli_command_context ("PROJECT", _("Compare the perspectives: passages, characters covered and share per perspective; passages per theme; coverage per section; overlaps and co-occurrence."));
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *document_arg = NULL;
  g_autofree char *format = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) tsv = g_string_new (NULL);
  g_autoptr(GPtrArray) codebook = NULL;
  g_autoptr(GPtrArray) trees = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  gint64 document_id = 0;
  gboolean json;
  GOptionEntry entries[] = {
    { "document", 'd', 0, G_OPTION_ARG_STRING, &document_arg, N_("Only this document (default: every document)"), N_("ID") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("json (default) or tsv"), N_("FORMAT") },
    { NULL }
  };
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!plx_cli_parse_args (context, &argc, &argv, 1, &status))
    return status;
  if (format != NULL && g_strcmp0 (format, "tsv") != 0 && g_strcmp0 (format, "json") != 0)
    return plx_cli_usage_error (context, _("--format takes json or tsv"));
  if (document_arg != NULL && !plx_cli_parse_id (document_arg, &document_id))
    return plx_cli_usage_error (context, _("--document takes a document id, a positive number"));
  json = g_strcmp0 (format, "tsv") != 0;

  project = plx_project_open_for_reading (argv[1], &error);
  if (project == NULL)
    return plx_cli_fail (error);
  if (document_id != 0)
    {
      PlxDocument *document = plx_project_load_document (project, document_id, &error);

      if (document == NULL)
        return plx_cli_fail (error);
      documents = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (documents, document);
    }
  else if ((documents = plx_project_list_documents (project, &error)) == NULL)
    return plx_cli_fail (error);
  if ((codebook = plx_project_list_codebook (project, &error)) == NULL)
    return plx_cli_fail (error);

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
      g_autoptr(PlxThemeRollup) rollup = NULL;

      if (annotations == NULL)
        return plx_cli_fail (error);
      g_list_store_splice (store, 0, 0, annotations->pdata, annotations->len);
      stats = plx_statistics_new (document, plx_project_get_perspectives (project), G_LIST_MODEL (store));
      rollup = plx_theme_rollup_new (codebook, plx_project_get_perspectives (project), G_LIST_MODEL (store));
      if (json)
        {
          g_autoptr(JsonBuilder) tree = json_builder_new ();

          plx_statistics_build_json (stats, builder);
          plx_theme_rollup_build_json (rollup, tree, TRUE);
          g_ptr_array_add (trees, json_builder_get_root (tree));
        }
      else
        {
          if (i > 0)
            g_string_append_c (tsv, '\n');
          append_stats_tsv (tsv, stats, rollup);
        }
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      JsonArray *per_document = json_object_get_array_member (json_node_get_object (root), "documents");
      g_autofree char *text = NULL;

      /* Each document's themes at both levels of the codebook. */
      for (guint i = 0; i < trees->len; i++)
        json_object_set_member (json_array_get_object_element (per_document, i), "theme_tree",
                                json_node_ref (g_ptr_array_index (trees, i)));
      text = plx_export_json_to_string (root, TRUE, &error);

      if (text == NULL)
        return plx_cli_fail (error);
      g_print ("%s\n", text);
    }
  else
    plx_cli_write_out (tsv->str, tsv->len);
  return EXIT_SUCCESS;
}

int
plx_cli_salvage (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = plx_cli_command_context ("DAMAGED NEW", _("Copy every document, perspective and annotation that can still be read from a damaged project into a new project; the damaged file is not changed."));
  g_autoptr(PlxSalvageReport) report = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!plx_cli_parse_args (context, &argc, &argv, 2, &status))
    return status;
  report = plx_project_salvage (argv[1], argv[2], &error);
  if (report == NULL)
    return plx_cli_fail (error);
  for (guint i = 0; i < report->problems->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (report->problems, i));
  {
    g_autofree char *documents = g_strdup_printf (ngettext ("%u document", "%u documents", report->documents),
                                                  report->documents);
    g_autofree char *perspectives = g_strdup_printf (ngettext ("%u perspective", "%u perspectives", report->perspectives),
                                                     report->perspectives);
    g_autofree char *annotations = g_strdup_printf (ngettext ("%u annotation", "%u annotations", report->annotations),
                                                    report->annotations);
    g_autofree char *lost = g_strdup_printf (ngettext ("%u annotation was lost", "%u annotations were lost",
                                                       report->annotations_lost),
                                             report->annotations_lost);

    /* Translators: "Saved 1 document, 4 perspectives and 60 annotations to
     * NEW.parallax; 0 annotations were lost", then perhaps why */
    g_print (_("Saved %s, %s and %s to %s; %s%s\n"), documents, perspectives, annotations, argv[2], lost,
             report->complete ? "" : _(" (some parts of the file could not be read)"));
  }
  return EXIT_SUCCESS;
}

int
plx_cli_set_log_aside (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = plx_cli_command_context ("PROJECT", _("Rename the write-ahead log (PROJECT-wal) that does not belong to the project, so that the project opens as its file holds it; the log is kept under its new name, which is printed."));
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;
  int status;

  if (!plx_cli_parse_args (context, &argc, &argv, 1, &status))
    return status;
  if (!plx_project_set_log_aside (argv[1], &aside, &error))
    return plx_cli_fail (error);
  g_print ("%s\n", aside);
  return EXIT_SUCCESS;
}

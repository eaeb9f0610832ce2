/* plx-cli-attributes.c: parallax-cli attributes — document attributes
 * defined, set, listed as a table, and assigned in bulk from a CSV file.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "parallax-cli"

#include "plx-attribute-ops.h"
#include "plx-cli.h"

static void
write_string (GString *out)
{
  plx_cli_write_out (out->str, out->len);
}

/* The value @document_id holds for @attribute, or NULL. */
static const char *
value_of (GHashTable   *values,
          gint64        document_id,
          PlxAttribute *attribute)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%s", document_id, plx_attribute_get_uuid (attribute));

  return g_hash_table_lookup (values, key);
}

/* Every document, a column per attribute; or the definitions (JSON). */
static int
list_table (PlxProject *project,
            gboolean    json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) attributes = plx_project_list_attributes (project, &error);
  g_autoptr(GPtrArray) values = attributes ? plx_project_list_values (project, 0, &error) : NULL;
  g_autoptr(GArray) summaries = values ? plx_project_list_document_summaries (project, &error) : NULL;
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) out = g_string_new (NULL);

  if (summaries == NULL)
    return plx_cli_fail (error);
  for (guint i = 0; i < values->len; i++)
    {
      PlxDocumentValue *value = g_ptr_array_index (values, i);

      g_hash_table_insert (by_key, g_strdup_printf ("%" G_GINT64_FORMAT "/%s", plx_document_value_get_document_id (value),
                                                    plx_document_value_get_attribute_uuid (value)),
                           (gpointer) plx_document_value_get_value (value));
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "attributes");
      json_builder_begin_array (builder);
      for (guint a = 0; a < attributes->len; a++)
        {
          PlxAttribute *attribute = g_ptr_array_index (attributes, a);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "uuid");
          json_builder_add_string_value (builder, plx_attribute_get_uuid (attribute));
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, plx_attribute_get_name (attribute));
          json_builder_set_member_name (builder, "type");
          json_builder_add_string_value (builder, plx_attribute_type_to_string (plx_attribute_get_value_type (attribute)));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "documents");
      json_builder_begin_array (builder);
      for (guint d = 0; d < summaries->len; d++)
        {
          const PlxDocumentSummary *summary = &g_array_index (summaries, PlxDocumentSummary, d);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, summary->id);
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, summary->title);
          json_builder_set_member_name (builder, "values");
          json_builder_begin_object (builder);
          for (guint a = 0; a < attributes->len; a++)
            {
              const char *value = value_of (by_key, summary->id, g_ptr_array_index (attributes, a));

              if (value == NULL)
                continue;
              json_builder_set_member_name (builder, plx_attribute_get_name (g_ptr_array_index (attributes, a)));
              json_builder_add_string_value (builder, value);
            }
          json_builder_end_object (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      text = plx_export_json_to_string (root, TRUE, &error);
      if (text == NULL)
        return plx_cli_fail (error);
      g_string_append_printf (out, "%s\n", text);
      write_string (out);
      return EXIT_SUCCESS;
    }

  g_string_append (out, "id\ttitle");
  for (guint a = 0; a < attributes->len; a++)
    {
      g_string_append_c (out, '\t');
      plx_cli_append_tsv_cell (out, plx_attribute_get_name (g_ptr_array_index (attributes, a)));
    }
  g_string_append_c (out, '\n');
  for (guint d = 0; d < summaries->len; d++)
    {
      const PlxDocumentSummary *summary = &g_array_index (summaries, PlxDocumentSummary, d);

      g_string_append_printf (out, "%" G_GINT64_FORMAT "\t", summary->id);
      plx_cli_append_tsv_cell (out, summary->title);
      for (guint a = 0; a < attributes->len; a++)
        {
          const char *value = value_of (by_key, summary->id, g_ptr_array_index (attributes, a));

          g_string_append_c (out, '\t');
          plx_cli_append_tsv_cell (out, value != NULL ? value : "");
        }
      g_string_append_c (out, '\n');
    }
  write_string (out);
  return EXIT_SUCCESS;
}

static int
list_defined (PlxProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) attributes = plx_project_list_attributes (project, &error);
  g_autoptr(GString) out = g_string_new ("name\ttype\tuuid\n");

  if (attributes == NULL)
    return plx_cli_fail (error);
  for (guint a = 0; a < attributes->len; a++)
    {
      PlxAttribute *attribute = g_ptr_array_index (attributes, a);

      plx_cli_append_tsv_cell (out, plx_attribute_get_name (attribute));
      g_string_append_printf (out, "\t%s\t%s\n", plx_attribute_type_to_string (plx_attribute_get_value_type (attribute)),
                              plx_attribute_get_uuid (attribute));
    }
  write_string (out);
  return EXIT_SUCCESS;
}

/* What an import does (or, with --dry-run, would do), change by change. */
static void
describe_changes (PlxProject   *project,
                  PlxChangeSet *changes,
                  GString      *out)
{
  g_autoptr(GPtrArray) attributes = plx_project_list_attributes (project, NULL);
  guint set = 0, cleared = 0;

  for (guint i = 0; i < plx_change_set_get_n_changes (changes); i++)
    {
      const PlxChange *change = plx_change_set_get_change (changes, i);
      PlxDocumentValue *value = change->after != NULL ? change->after : change->before;
      PlxAttribute *attribute = attributes ? plx_attributes_lookup (attributes, plx_document_value_get_attribute_uuid (value)) : NULL;

      g_string_append_printf (out, "%" G_GINT64_FORMAT "\t", plx_document_value_get_document_id (value));
      plx_cli_append_tsv_cell (out, attribute != NULL ? plx_attribute_get_name (attribute) : "");
      g_string_append_c (out, '\t');
      plx_cli_append_tsv_cell (out, change->before != NULL ? plx_document_value_get_value (change->before) : "");
      g_string_append_c (out, '\t');
      plx_cli_append_tsv_cell (out, change->after != NULL ? plx_document_value_get_value (change->after) : "");
      g_string_append_c (out, '\n');
      if (change->after != NULL)
        set++;
      else
        cleared++;
    }
  g_string_prepend (out, "document\tattribute\tbefore\tafter\n");
  /* Translators: what importing a CSV file of attributes changes */
  g_string_append_printf (out, _("%u values set, %u cleared\n"), set, cleared);
}

int
plx_cli_attributes (int argc, char **argv)
{
  g_autoptr(GOptionContext) context =
    plx_cli_command_context ("PROJECT [list | defined | define NAME --type TYPE | rename NAME NEW-NAME | delete NAME | "
                             "set DOCUMENT NAME VALUE | unset DOCUMENT NAME | import FILE.csv]",
                             _("Document attributes (outlet, side, date…): list them as a table of documents, define, "
                               "rename or delete them, set a document’s value, or assign values from a CSV file of "
                               "document,attribute,value rows. TYPE is text, category, number or date; DOCUMENT is an "
                               "id or a title."));
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(PlxChangeSet) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *format = NULL;
  g_autofree char *type_name = NULL;
  gboolean dry_run = FALSE;
  const char *action;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("For “list”: tsv (default) or json"), N_("FORMAT") },
    { "type", 't', 0, G_OPTION_ARG_STRING, &type_name, N_("For “define”: text, category, number or date"), N_("TYPE") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("For “import”: show what would change, change nothing"), NULL },
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

  if (g_strcmp0 (action, "list") == 0 || g_strcmp0 (action, "defined") == 0)
    {
      if (argc > 3)
        return plx_cli_usage_error (context, _("wrong number of arguments for this action"));
      project = plx_project_open_for_reading (argv[1], &error);
      if (project == NULL)
        return plx_cli_fail (error);
      return g_strcmp0 (action, "defined") == 0 ? list_defined (project)
                                                 : list_table (project, g_strcmp0 (format, "json") == 0);
    }

  if (g_strcmp0 (action, "define") == 0)
    {
      PlxAttributeType type = PLX_ATTRIBUTE_TEXT;

      if (argc != 4)
        return plx_cli_usage_error (context, _("wrong number of arguments for this action"));
      if (type_name != NULL && !plx_attribute_type_from_string (type_name, &type))
        return plx_cli_usage_error (context, _("--type takes text, category, number or date"));
      project = plx_project_open (argv[1], &error);
      if (project != NULL)
        changes = plx_attribute_changes_define (project, argv[3], type, &error);
    }
  else if (g_strcmp0 (action, "rename") == 0 || g_strcmp0 (action, "delete") == 0)
    {
      gboolean rename = g_strcmp0 (action, "rename") == 0;

      if (argc != (rename ? 5 : 4))
        return plx_cli_usage_error (context, _("wrong number of arguments for this action"));
      project = plx_project_open (argv[1], &error);
      if (project != NULL)
        changes = rename ? plx_attribute_changes_rename (project, argv[3], argv[4], &error)
                         : plx_attribute_changes_delete (project, argv[3], &error);
    }
  else if (g_strcmp0 (action, "set") == 0 || g_strcmp0 (action, "unset") == 0)
    {
      gboolean set = g_strcmp0 (action, "set") == 0;
      g_autoptr(GArray) summaries = NULL;
      gint64 id = 0;

      if (argc != (set ? 6 : 5))
        return plx_cli_usage_error (context, _("wrong number of arguments for this action"));
      project = plx_project_open (argv[1], &error);
      if (project != NULL && (summaries = plx_project_list_document_summaries (project, &error)) != NULL &&
          plx_document_summaries_resolve (summaries, argv[3], &id, &error))
        changes = plx_attribute_changes_set (project, id, argv[4], set ? argv[5] : NULL, &error);
    }
  else if (g_strcmp0 (action, "import") == 0)
    {
      g_autofree char *csv = NULL;
      gsize length = 0;

      if (argc != 4)
        return plx_cli_usage_error (context, _("wrong number of arguments for this action"));
      if (!g_file_get_contents (argv[3], &csv, &length, &error))
        return plx_cli_fail (error);
      project = dry_run ? plx_project_open_for_reading (argv[1], &error) : plx_project_open (argv[1], &error);
      if (project != NULL)
        changes = plx_attribute_changes_from_csv (project, csv, length, &error);
      if (changes != NULL)
        {
          g_autoptr(GString) out = g_string_new (NULL);

          describe_changes (project, changes, out);
          if (!dry_run && !plx_project_apply (project, changes, &error))
            return plx_cli_fail (error);
          write_string (out);
          return EXIT_SUCCESS;
        }
    }
  else
    return plx_cli_usage_error (context, _("unknown action; use list, defined, define, rename, delete, set, unset or import"));

  if (changes == NULL || !plx_project_apply (project, changes, &error))
    return plx_cli_fail (error);
  return EXIT_SUCCESS;
}

/* plx-cli-coders.c: parallax-cli annotators and merge, for a team whose
 * coders work on copies of one project.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "parallax-cli"

#include "plx-cli.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

typedef struct {
  guint       passages;
  GHashTable *documents;   /* gint64 * */
} CoderCount;

static void
coder_count_free (gpointer data)
{
  CoderCount *count = data;

  g_hash_table_unref (count->documents);
  g_free (count);
}

int
plx_cli_annotators (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = plx_cli_command_context ("PROJECT", _("List the coders (the passages’ authors), with their passages and the documents they worked on."));
  g_autoptr(PlxProject) project = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GHashTable) coders = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, coder_count_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new ("author\tpassages\tdocuments\n");
  g_autoptr(GError) error = NULL;
  PlxAnnotationQuery query = { 0, 0, NULL };
  int status;

  if (!plx_cli_parse_args (context, &argc, &argv, 1, &status))
    return status;
  project = plx_project_open_for_reading (argv[1], &error);
  if (project == NULL || (annotations = plx_project_list_annotations (project, &query, &error)) == NULL)
    return plx_cli_fail (error);

  for (guint i = 0; i < annotations->len; i++)
    {
      PlxAnnotation *a = g_ptr_array_index (annotations, i);
      const char *author = plx_annotation_get_author (a);
      gint64 document = plx_annotation_get_document_id (a);
      CoderCount *count = g_hash_table_lookup (coders, author);

      if (count == NULL)
        {
          count = g_new0 (CoderCount, 1);
          count->documents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
          g_hash_table_insert (coders, (gpointer) author, count);
          g_ptr_array_add (names, (gpointer) author);
        }
      count->passages++;
      g_hash_table_add (count->documents, g_memdup2 (&document, sizeof document));
    }
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      CoderCount *count = g_hash_table_lookup (coders, name);

      plx_cli_append_tsv_cell (out, name);
      g_string_append_printf (out, "\t%u\t%u\n", count->passages, g_hash_table_size (count->documents));
    }
  plx_cli_write_out (out->str, out->len);
  return EXIT_SUCCESS;
}

/* A copy shares documents with its target; a project of another corpus
 * would bring all of its own in, which is an import, not a merge. */
static gboolean
shares_a_document (PlxProject  *target,
                   PlxProject  *source,
                   const char  *source_path,
                   GError     **error)
{
  g_autoptr(GPtrArray) mine = plx_project_list_documents (target, error);
  g_autoptr(GPtrArray) theirs = mine ? plx_project_list_documents (source, error) : NULL;
  g_autoptr(GHashTable) uuids = g_hash_table_new (g_str_hash, g_str_equal);

  if (theirs == NULL)
    return FALSE;
  if (mine->len == 0 || theirs->len == 0)
    return TRUE;
  for (guint i = 0; i < mine->len; i++)
    g_hash_table_add (uuids, (gpointer) plx_document_get_uuid (g_ptr_array_index (mine, i)));
  for (guint i = 0; i < theirs->len; i++)
    if (g_hash_table_contains (uuids, plx_document_get_uuid (g_ptr_array_index (theirs, i))))
      return TRUE;
  g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
               _("%s shares no document with the target: it is not a copy of the same project, so nothing was "
                 "merged (to bring its annotations in, export them and import the file)"), source_path);
  return FALSE;
}

static const char *
conflict_kind (PlxMergeConflictKind kind)
{
  switch (kind)
    {
    case PLX_MERGE_BOTH_EDITED:
      return "both-edited";
    case PLX_MERGE_EDITED_DELETED:
      return "edited-here-deleted-there";
    case PLX_MERGE_DELETED_EDITED:
    default:
      return "deleted-here-edited-there";
    }
}

static void
append_version (GString       *out,
                PlxProject    *project,
                PlxAnnotation *a)
{
  PlxPerspective *perspective;

  if (a == NULL)
    {
      g_string_append (out, "\t(deleted)");
      return;
    }
  perspective = plx_project_find_perspective (project, plx_annotation_get_perspective_id (a));
  g_string_append_printf (out, "\t%u-%u ", plx_annotation_get_start (a), plx_annotation_get_end (a));
  plx_cli_append_tsv_cell (out, perspective ? plx_perspective_get_name (perspective) : "?");
  g_string_append_c (out, ' ');
  plx_cli_append_tsv_cell (out, plx_annotation_get_author (a));
  g_string_append (out, ": ");
  plx_cli_append_tsv_cell (out, plx_annotation_get_note (a));
}

int
plx_cli_merge (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = plx_cli_command_context ("TARGET SOURCE…", _("Bring the work done in copies of a project into TARGET, by identity: what a copy added, changed or deleted is taken; an annotation both changed apart is kept as it is in TARGET and listed as a conflict with both versions."));
  g_autoptr(PlxProject) target = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!plx_cli_parse_args (context, &argc, &argv, PLX_CLI_AT_LEAST (2), &status))
    return status;
  target = plx_project_open (argv[1], &error);
  if (target == NULL)
    return plx_cli_fail (error);

  for (int i = 2; i < argc; i++)
    {
      g_autoptr(PlxProject) source = plx_project_open_for_reading (argv[i], &error);
      g_autoptr(PlxMergeReport) report = NULL;
      g_autoptr(GString) out = g_string_new (NULL);

      if (source == NULL || !shares_a_document (target, source, argv[i], &error) ||
          (report = plx_project_merge (target, source, &error)) == NULL)
        return plx_cli_fail (error);

      g_autoptr(GString) name = g_string_new (NULL);

      plx_cli_append_terminal_safe (name, argv[i], -1);
      /* Translators: a merge's summary; labels before numbers, so that no plural is needed */
      g_string_append_printf (out, _("%s: added %u, updated %u, deleted %u, unchanged %u, kept deleted %u, "
                                     "conflicts %u; new documents %u, new perspectives %u\n"),
                              name->str, report->added, report->updated, report->deleted, report->unchanged, report->kept_deleted,
                              report->conflicts->len, report->documents_added, report->perspectives_added);
      for (guint c = 0; c < report->conflicts->len; c++)
        {
          PlxMergeConflict *conflict = g_ptr_array_index (report->conflicts, c);

          g_string_append_printf (out, "conflict\t%s\t%s", conflict_kind (conflict->kind), conflict->uuid);
          append_version (out, target, conflict->mine);
          append_version (out, target, conflict->theirs);
          g_string_append_c (out, '\n');
        }
      plx_cli_write_out (out->str, out->len);
    }
  return EXIT_SUCCESS;
}

/* test-export-import.c: native JSON, W3C Web Annotation and CSV out, and
 * back in, all or nothing.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <json-glib/json-glib.h>

#include "plx-core.h"
#include "plx-test-utils.h"

typedef struct {
  char        *dir;
  char        *path;
  PlxProject  *project;
  PlxDocument *essay;
  char        *essay_source;
} Fixture;

static PlxProject *
new_project (const char *dir,
             const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  PlxProject *project = plx_project_create (path, &error);

  g_assert_no_error (error);
  return project;
}

static PlxDocument *
add_document (PlxProject *project,
              const char *source)
{
  g_autoptr(GError) error = NULL;
  PlxDocument *document = plx_document_new_from_data (source, strlen (source), PLX_DOCUMENT_FORMAT_MARKDOWN, NULL, &error);

  g_assert_no_error (error);
  plx_project_add_document (project, document, &error);
  g_assert_no_error (error);
  return document;
}

static gint64
perspective_id (PlxProject *project,
                const char *name)
{
  PlxPerspective *perspective = plx_project_find_perspective_by_name (project, name);

  g_assert_nonnull (perspective);
  return plx_perspective_get_id (perspective);
}

/* Tags the first occurrence of @quote. */
static PlxAnnotation *
annotate (PlxProject          *project,
          PlxDocument         *document,
          const char          *quote,
          const char          *perspective,
          const char * const  *themes,
          const char          *note)
{
  g_autoptr(GError) error = NULL;
  const char *text = plx_document_get_text (document);
  const char *found = strstr (text, quote);
  PlxAnnotation *annotation;
  guint start;

  g_assert_nonnull (found);
  start = plx_document_byte_to_offset (document, (gsize) (found - text));
  annotation = plx_annotation_new_for_range (document, start, start + (guint) g_utf8_strlen (quote, -1),
                                             perspective_id (project, perspective), &error);
  g_assert_no_error (error);
  plx_annotation_set_themes (annotation, themes);
  plx_annotation_set_note (annotation, note);
  plx_annotation_set_author (annotation, "Ani Hakobyan");
  plx_project_add_annotation (project, annotation, &error);
  g_assert_no_error (error);
  return annotation;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *essay_path = plx_test_essay_path ();

  f->dir = plx_test_make_tempdir ();
  f->project = new_project (f->dir, "a.plx");
  f->path = g_strdup (plx_project_get_path (f->project));
  f->essay_source = plx_test_read_file (essay_path, NULL);
  f->essay = add_document (f->project, f->essay_source);

  g_object_unref (annotate (f->project, f->essay, "Minsk Group co-chair countries", "Western",
                                                 (const char *[]) { "mediation", "OSCE, Minsk", NULL },
                                                 "The co-chairs: “France, Russia and the U.S.”"));
  g_object_unref (annotate (f->project, f->essay, "Russia bears the lion’s share of the blame", "Russian",
                                                 (const char *[]) { "blame", "Россия", NULL },
                                                 "Line one\nline \"two\", with a comma"));
  g_object_unref (annotate (f->project, f->essay, "Safarov affair", "Armenian",
                                                 (const char *[]) { "Հայաստան", "Azərbaycan", NULL }, ""));
  g_object_unref (annotate (f->project, f->essay, "war rhetoric", "Azerbaijani", NULL,
                                                 "ռազմական հռետորաբանություն — военная риторика"));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->essay);
  g_clear_object (&f->project);
  plx_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->essay_source);
}

static char *
export_file (PlxProject      *project,
             PlxExportFormat  format,
             PlxExportFlags   flags,
             const char      *dir,
             const char      *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  plx_export_to_file (project, format, 0, flags, file, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static PlxImportReport *
import_file (PlxProject  *project,
             const char  *path,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return plx_import_file (project, file, NULL, error);
}

static void
assert_counts (PlxImportReport *report,
               guint            added,
               guint            updated,
               guint            skipped,
               guint            orphaned)
{
  g_assert_nonnull (report);
  g_assert_cmpuint (report->added, ==, added);
  g_assert_cmpuint (report->updated, ==, updated);
  g_assert_cmpuint (report->skipped, ==, skipped);
  g_assert_cmpuint (report->orphaned, ==, orphaned);
  g_assert_cmpuint (report->orphans->len, ==, orphaned);
}

static JsonNode *
parse_file (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

static JsonNode *
native_annotations (const char *path)
{
  g_autoptr(JsonNode) root = parse_file (path);

  return json_node_ref (json_object_get_member (json_node_get_object (root), "annotations"));
}

static JsonNode *
w3c_items (const char *path)
{
  g_autoptr(JsonNode) root = parse_file (path);
  JsonObject *first = json_object_get_object_member (json_node_get_object (root), "first");

  return json_node_ref (json_object_get_member (first, "items"));
}

static void
assert_json_equal (JsonNode *a,
                   JsonNode *b)
{
  if (!json_node_equal (a, b))
    {
      g_autofree char *text_a = json_to_string (a, TRUE);
      g_autofree char *text_b = json_to_string (b, TRUE);

      g_assert_cmpstr (text_a, ==, text_b);
    }
}

static char *
list_annotations (PlxProject *project)
{
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  annotations = plx_project_list_annotations (project, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < annotations->len; i++)
    {
      PlxAnnotation *a = g_ptr_array_index (annotations, i);
      g_autofree char *themes = g_strjoinv ("|", (char **) plx_annotation_get_themes (a));

      g_string_append_printf (out, "%s %u-%u %" G_GINT64_FORMAT " %s %s %s\n", plx_annotation_get_uuid (a),
                              plx_annotation_get_start (a), plx_annotation_get_end (a),
                              plx_annotation_get_perspective_id (a), themes,
                              plx_annotation_get_note (a), plx_annotation_get_modified (a));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static guint
count_annotations (PlxProject *project)
{
  g_autoptr(GError) error = NULL;
  guint n = plx_project_count_annotations (project, NULL, &error);

  g_assert_no_error (error);
  return n;
}

/* ---- round trips ---- */

static void
round_trip (Fixture         *f,
            PlxExportFormat  format,
            JsonNode      *(*annotations_of) (const char *path))
{
  g_autofree char *first = export_file (f->project, format, PLX_EXPORT_FLAGS_NONE, f->dir, "first");
  g_autoptr(PlxProject) fresh = new_project (f->dir, "fresh.plx");
  g_autoptr(PlxDocument) copy = add_document (fresh, f->essay_source);
  g_autoptr(PlxImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *second = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *listed_a = NULL;
  g_autofree char *listed_b = NULL;

  report = import_file (fresh, first, &error);
  g_assert_no_error (error);
  assert_counts (report, 4, 0, 0, 0);

  second = export_file (fresh, format, PLX_EXPORT_FLAGS_NONE, f->dir, "second");
  before = annotations_of (first);
  after = annotations_of (second);
  assert_json_equal (before, after);

  listed_a = list_annotations (f->project);
  listed_b = list_annotations (fresh);
  g_assert_cmpstr (listed_a, ==, listed_b);
}

static void
test_native_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  round_trip (f, PLX_EXPORT_FORMAT_NATIVE, native_annotations);
}

/* "name color position" of each perspective, in order. */
static char *
describe_perspectives (PlxProject *project)
{
  GListModel *perspectives = plx_project_get_perspectives (project);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (perspectives); i++)
    {
      g_autoptr(PlxPerspective) p = g_list_model_get_item (perspectives, i);

      g_string_append_printf (out, "%s %s %d\n", plx_perspective_get_name (p), plx_perspective_get_color (p),
                              plx_perspective_get_position (p));
    }
  return g_string_free (out, FALSE);
}

/* Into a fresh project the native format restores the perspectives'
 * colours and order; a project in use keeps its own. */
static void
test_native_keeps_perspectives (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *restored = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *in_use_before = NULL;
  g_autoptr(PlxProject) fresh = new_project (f->dir, "fresh.plx");
  g_autoptr(PlxProject) in_use = new_project (f->dir, "in-use.plx");
  g_autoptr(PlxDocument) fresh_essay = add_document (fresh, f->essay_source);
  g_autoptr(PlxDocument) in_use_essay = add_document (in_use, f->essay_source);
  g_autoptr(PlxImportReport) report = NULL;

  g_assert_true (plx_project_recolor_perspective (f->project, perspective_id (f->project, "Western"), "#123456", &error));
  g_assert_true (plx_project_move_perspective (f->project, perspective_id (f->project, "Russian"), 0, &error));
  g_assert_nonnull (plx_project_add_perspective (f->project, "Turkish", "#abcdef", &error));
  g_assert_true (plx_project_move_perspective (f->project, perspective_id (f->project, "Turkish"), 1, &error));
  g_assert_no_error (error);
  path = export_file (f->project, PLX_EXPORT_FORMAT_NATIVE, PLX_EXPORT_FLAGS_NONE, f->dir, "perspectives.json");
  expected = describe_perspectives (f->project);

  report = import_file (fresh, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->perspectives_added, ==, 1);
  restored = describe_perspectives (fresh);
  g_assert_cmpstr (restored, ==, expected);

  /* A project with annotations keeps its colours and order; only what
   * it lacks is added, at the end, in the file's colour. */
  g_object_unref (annotate (in_use, in_use_essay, "Safarov affair", "Western", NULL, "mine"));
  g_assert_true (plx_project_recolor_perspective (in_use, perspective_id (in_use, "Western"), "#000000", &error));
  in_use_before = describe_perspectives (in_use);
  g_clear_pointer (&report, plx_import_report_free);
  report = import_file (in_use, path, &error);
  g_assert_no_error (error);
  kept = describe_perspectives (in_use);
  g_assert_true (g_str_has_prefix (kept, in_use_before));
  g_assert_cmpstr (kept + strlen (in_use_before), ==, "Turkish #abcdef 4\n");
}

static void
test_w3c_round_trip (Fixture       *f,
                     gconstpointer  data)
{
  round_trip (f, PLX_EXPORT_FORMAT_W3C, w3c_items);
}

static void
test_native_carries_text (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = export_file (f->project, PLX_EXPORT_FORMAT_NATIVE, PLX_EXPORT_FLAGS_INCLUDE_TEXT, f->dir, "with-text.json");
  g_autofree char *bare = export_file (f->project, PLX_EXPORT_FORMAT_NATIVE, PLX_EXPORT_FLAGS_NONE, f->dir, "bare.json");
  g_autoptr(PlxProject) empty = new_project (f->dir, "empty.plx");
  g_autoptr(PlxImportReport) report = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;

  /* Without the text, a missing document is an error… */
  report = import_file (empty, bare, &error);
  g_assert_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND);
  g_assert_null (report);
  g_assert_nonnull (strstr (error->message, "documents[0]"));
  g_clear_error (&error);
  g_assert_cmpuint (count_annotations (empty), ==, 0);

  /* …with it, the document comes along. */
  report = import_file (empty, path, &error);
  g_assert_no_error (error);
  assert_counts (report, 4, 0, 0, 0);
  g_assert_cmpuint (report->documents_added, ==, 1);
  documents = plx_project_list_documents (empty, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 1);
  g_assert_cmpstr (plx_document_get_content_hash (g_ptr_array_index (documents, 0)), ==,
                   plx_document_get_content_hash (f->essay));
}

static void
test_document_filter (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(PlxDocument) other = add_document (f->project, "# Another text\n\nShort and about nothing.\n");
  g_autoptr(PlxAnnotation) one = annotate (f->project, other, "nothing", "Western", NULL, "");
  g_autofree char *path = g_build_filename (f->dir, "filtered.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  plx_export_to_file (f->project, PLX_EXPORT_FORMAT_NATIVE, plx_document_get_id (other), PLX_EXPORT_FLAGS_NONE, file, NULL, &error);
  g_assert_no_error (error);
  root = parse_file (path);
  object = json_node_get_object (root);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "documents")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "annotations")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "themes")), ==, 0);

  plx_export_to_file (f->project, PLX_EXPORT_FORMAT_NATIVE, 999, PLX_EXPORT_FLAGS_NONE, file, NULL, &error);
  g_assert_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND);
}

/* ---- matching by UUID ---- */

/* Counts the annotations each announced change set touches. */
static void
count_changes (PlxProject   *project,
               PlxChangeSet *changes,
               guint        *n)
{
  for (guint i = 0; i < plx_change_set_get_n_changes (changes); i++)
    if (plx_change_set_get_change (changes, i)->kind == PLX_CHANGE_ANNOTATION)
      (*n)++;
}

static void
test_added_updated_skipped (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *v1 = export_file (f->project, PLX_EXPORT_FORMAT_NATIVE, PLX_EXPORT_FLAGS_NONE, f->dir, "v1.json");
  g_autoptr(PlxProject) other = new_project (f->dir, "other.plx");
  g_autoptr(PlxDocument) copy = add_document (other, f->essay_source);
  g_autoptr(PlxImportReport) report = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(PlxAnnotation) edited = NULL;
  g_autoptr(PlxAnnotation) fresh = NULL;
  g_autoptr(PlxAnnotation) there = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *v2 = NULL;
  guint changes = 0;

  g_signal_connect (other, "changes-committed", G_CALLBACK (count_changes), &changes);

  report = import_file (other, v1, &error);
  g_assert_no_error (error);
  assert_counts (report, 4, 0, 0, 0);
  g_assert_cmpuint (changes, ==, 4);
  g_clear_pointer (&report, plx_import_report_free);

  /* The same file again changes nothing. */
  report = import_file (other, v1, &error);
  g_assert_no_error (error);
  assert_counts (report, 0, 0, 4, 0);
  g_assert_cmpuint (changes, ==, 4);
  g_clear_pointer (&report, plx_import_report_free);

  /* One edited later, one new: updated and added, the rest skipped. */
  annotations = plx_project_list_annotations (f->project, NULL, &error);
  g_assert_no_error (error);
  edited = plx_annotation_copy (g_ptr_array_index (annotations, 1));
  plx_annotation_set_note (edited, "revised");
  plx_annotation_touch (edited);
  plx_project_update_annotation (f->project, edited, &error);
  g_assert_no_error (error);
  fresh = annotate (f->project, f->essay, "Nagorno-Karabakh peace talks", "Western", NULL, "new");
  v2 = export_file (f->project, PLX_EXPORT_FORMAT_W3C, PLX_EXPORT_FLAGS_NONE, f->dir, "v2.jsonld");

  report = import_file (other, v2, &error);
  g_assert_no_error (error);
  assert_counts (report, 1, 1, 3, 0);
  g_assert_cmpuint (changes, ==, 6);
  g_clear_pointer (&report, plx_import_report_free);
  there = plx_project_get_annotation (other, plx_annotation_get_uuid (edited), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plx_annotation_get_note (there), ==, "revised");

  /* The older file does not undo the newer edit. */
  report = import_file (other, v1, &error);
  g_assert_no_error (error);
  assert_counts (report, 0, 0, 4, 0);
  g_clear_object (&there);
  there = plx_project_get_annotation (other, plx_annotation_get_uuid (edited), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plx_annotation_get_note (there), ==, "revised");
}

/* ---- edited documents ---- */

static void
edited_document (Fixture         *f,
                 PlxExportFormat  format)
{
  const char *insert = "An editor’s foreword, added later.\n\n";
  const char *removed = "Safarov affair";
  g_autofree char *path = export_file (f->project, format, PLX_EXPORT_FLAGS_NONE, f->dir, "before-edit");
  g_autoptr(GString) edited = g_string_new (f->essay_source);
  const char *body = strstr (edited->str, "\n\n") + 2;
  g_autoptr(PlxProject) other = new_project (f->dir, "edited.plx");
  g_autoptr(PlxDocument) document = NULL;
  g_autoptr(PlxImportReport) report = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GError) error = NULL;
  guint shift;
  char *gone;

  /* Text inserted after the title shifts every offset; one quoted passage
   * is reworded away. */
  g_string_insert (edited, body - edited->str, insert);
  gone = strstr (edited->str, removed);
  memcpy (gone, "Safarov matter", strlen (removed));
  document = add_document (other, edited->str);
  g_assert_cmpstr (plx_document_get_title (document), ==, plx_document_get_title (f->essay));
  /* Markdown turns the inserted paragraph break into one line end. */
  shift = plx_document_get_length (document) - plx_document_get_length (f->essay);
  g_assert_cmpuint (shift, >, 30);

  report = import_file (other, path, &error);
  g_assert_no_error (error);
  assert_counts (report, 3, 0, 0, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (report->orphans, 0), removed));

  before = plx_project_list_annotations (f->project, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < before->len; i++)
    {
      PlxAnnotation *original = g_ptr_array_index (before, i);
      g_autoptr(PlxAnnotation) moved = NULL;

      if (strcmp (plx_annotation_get_quote (original), removed) == 0)
        {
          g_autoptr(GError) missing = NULL;

          moved = plx_project_get_annotation (other, plx_annotation_get_uuid (original), &missing);
          g_assert_error (missing, PLX_ERROR, PLX_ERROR_NOT_FOUND);
          continue;
        }
      moved = plx_project_get_annotation (other, plx_annotation_get_uuid (original), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (plx_annotation_get_start (moved), ==,
                        plx_annotation_get_start (original) + shift);
      g_assert_cmpstr (plx_annotation_get_quote (moved), ==, plx_annotation_get_quote (original));
      plx_annotation_check_text (moved, document, &error);
      g_assert_no_error (error);
    }
}

static void
test_edited_document_native (Fixture       *f,
                             gconstpointer  data)
{
  edited_document (f, PLX_EXPORT_FORMAT_NATIVE);
}

static void
test_edited_document_w3c (Fixture       *f,
                          gconstpointer  data)
{
  edited_document (f, PLX_EXPORT_FORMAT_W3C);
}

static void
test_ambiguous_quote_is_orphaned (Fixture       *f,
                                  gconstpointer  data)
{
  const char *text = "# Twice\n\nThe same words. The same words.\n";
  const char *changed = "# Twice\n\nNew start. The same words, and the same words.\n";
  g_autoptr(PlxProject) source = new_project (f->dir, "twice.plx");
  g_autoptr(PlxDocument) document = add_document (source, text);
  g_autoptr(PlxAnnotation) annotation = annotate (source, document, "same words", "Western", NULL, "");
  g_autofree char *path = export_file (source, PLX_EXPORT_FORMAT_NATIVE, PLX_EXPORT_FLAGS_NONE, f->dir, "twice.json");
  g_autoptr(PlxProject) other = new_project (f->dir, "twice-edited.plx");
  g_autoptr(PlxDocument) edited = add_document (other, changed);
  g_autoptr(PlxImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  /* Neither occurrence keeps both sides of the context, and each keeps
   * one: no telling which was meant. */
  report = import_file (other, path, &error);
  g_assert_no_error (error);
  assert_counts (report, 0, 0, 0, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (report->orphans, 0), "occurs 2 times"));
  g_assert_cmpuint (count_annotations (other), ==, 0);
}

/* ---- bad files change nothing ---- */

typedef struct {
  char *checksum;
  char *annotations;
  guint n_perspectives;
} Snapshot;

static void
snapshot_take (Snapshot   *s,
               PlxProject *project)
{
  g_autofree char *wal = g_strconcat (plx_project_get_path (project), "-wal", NULL);
  g_autofree char *main_sum = plx_test_file_checksum (plx_project_get_path (project));
  g_autofree char *wal_sum = g_file_test (wal, G_FILE_TEST_EXISTS) ? plx_test_file_checksum (wal) : g_strdup ("-");

  s->checksum = g_strconcat (main_sum, wal_sum, NULL);
  s->annotations = list_annotations (project);
  s->n_perspectives = g_list_model_get_n_items (plx_project_get_perspectives (project));
}

static void
snapshot_assert_same (Snapshot   *s,
                      PlxProject *project)
{
  Snapshot now;

  snapshot_take (&now, project);
  g_assert_cmpstr (now.checksum, ==, s->checksum);
  g_assert_cmpstr (now.annotations, ==, s->annotations);
  g_assert_cmpuint (now.n_perspectives, ==, s->n_perspectives);
  g_free (now.checksum);
  g_free (now.annotations);
}

static void
snapshot_clear (Snapshot *s)
{
  g_free (s->checksum);
  g_free (s->annotations);
}

static char *
samples_dir (const char *kind)
{
  const char *conformance = g_getenv ("PLX_CONFORMANCE");

  g_assert_nonnull (conformance);
  return g_build_filename (conformance, "w3c-web-annotation-tests", "samples", kind, NULL);
}

static GPtrArray *
sample_files (const char *kind)
{
  g_autofree char *dir = samples_dir (kind);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  g_assert_cmpuint (paths->len, >, 30);
  return paths;
}

static void
test_w3c_incorrect_refused (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) paths = sample_files ("incorrect");
  Snapshot before;

  snapshot_take (&before, f->project);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(PlxImportReport) report = NULL;
      g_autoptr(GError) error = NULL;

      report = import_file (f->project, path, &error);
      g_test_message ("%s", error ? error->message : "accepted");
      g_assert_null (report);
      g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE);
      g_assert_true (g_str_has_prefix (error->message, path));
      snapshot_assert_same (&before, f->project);
    }
  snapshot_clear (&before);
}

/* Most incorrect samples also have a trailing comma or several ids; with
 * those mended, each must still be refused for the fault it was written
 * to show. */
static char *
mend (const char *path)
{
  g_autofree char *text = plx_test_read_file (path, NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  JsonNode *id;

  for (const char *p = text; *p; p++)
    {
      if (*p == ',')
        {
          const char *q = p + 1;

          while (g_ascii_isspace (*q))
            q++;
          if (*q == '}' || *q == ']')
            continue;
        }
      g_string_append_c (out, *p);
    }
  if (!json_parser_load_from_data (parser, out->str, -1, NULL))
    return NULL;
  object = json_node_get_object (json_parser_get_root (parser));
  id = json_object_get_member (object, "id");
  if (id != NULL && JSON_NODE_HOLDS_ARRAY (id) && !g_str_has_suffix (path, "anno7.json"))
    json_object_set_string_member (object, "id", json_array_get_string_element (json_node_get_array (id), 0));
  return json_to_string (json_parser_get_root (parser), FALSE);
}

static void
test_w3c_incorrect_mended_refused (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GPtrArray) paths = sample_files ("incorrect");
  Snapshot before;

  snapshot_take (&before, f->project);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *mended = mend (path);
      g_autoptr(PlxImportReport) report = NULL;
      g_autoptr(GError) error = NULL;

      if (mended == NULL)
        continue;  /* anno1.json: not JSON at all */
      report = plx_import_data (f->project, path, mended, strlen (mended), &error);
      g_test_message ("%s", error ? error->message : "accepted");
      g_assert_null (report);
      /* anno15.json only misspells "language", which leaves it a valid
       * annotation of a web page, as another tool writes one: it asks for
       * a perspective first; given one, the page is not in the project. */
      if (g_str_has_suffix (path, "anno15.json"))
        {
          g_autofree char *file_path = g_build_filename (f->dir, "anno15-mended.json", NULL);
          g_autoptr(GFile) file = g_file_new_for_path (file_path);
          PlxImportOptions options = { NULL, "Western", 0 };
          g_autoptr(GError) again = NULL;

          g_assert_error (error, PLX_ERROR, PLX_ERROR_PERSPECTIVE_NEEDED);
          g_assert_true (g_file_set_contents (file_path, mended, -1, NULL));
          g_assert_null (plx_import_file_with_options (f->project, file, &options, NULL, &again));
          g_assert_error (again, PLX_ERROR, PLX_ERROR_NOT_FOUND);
        }
      else
        g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE);
      snapshot_assert_same (&before, f->project);
    }
  snapshot_clear (&before);
}

static void
test_w3c_correct_reported (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) paths = sample_files ("correct");
  Snapshot before;

  snapshot_take (&before, f->project);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(PlxImportReport) report = NULL;
      g_autoptr(GError) error = NULL;

      g_autoptr(GFile) file = g_file_new_for_path (path);
      PlxImportOptions options = { NULL, "Western", 0 };

      /* Web pages' annotations, as other tools write them: without a
       * perspective they ask for one; with it, their page is not here. */
      report = import_file (f->project, path, &error);
      g_assert_null (report);
      g_assert_true (g_error_matches (error, PLX_ERROR, PLX_ERROR_PERSPECTIVE_NEEDED) ||
                     g_error_matches (error, PLX_ERROR, PLX_ERROR_NOT_FOUND));
      g_clear_error (&error);
      report = plx_import_file_with_options (f->project, file, &options, NULL, &error);
      g_test_message ("%s", error ? error->message : "accepted");
      g_assert_null (report);
      g_assert_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND);
      g_assert_true (strstr (error->message, "which is not a document of this project") != NULL ||
                     strstr (error->message, "which is not in the file") != NULL);
      snapshot_assert_same (&before, f->project);
    }
  snapshot_clear (&before);
}

/* Sets the member at @location ("first/items/2/exact": member names and
 * array indices) of the JSON file at @path to @value; returns the text. */
static char *
corrupt (const char *path,
         const char *location,
         JsonNode   *value)
{
  g_autoptr(JsonNode) root = parse_file (path);
  g_auto(GStrv) steps = g_strsplit (location, "/", -1);
  JsonNode *node = root;
  guint n = g_strv_length (steps);

  for (guint i = 0; i + 1 < n; i++)
    {
      if (g_ascii_isdigit (steps[i][0]))
        node = json_array_get_element (json_node_get_array (node), (guint) g_ascii_strtoull (steps[i], NULL, 10));
      else
        node = json_object_get_member (json_node_get_object (node), steps[i]);
    }
  json_object_set_member (json_node_get_object (node), steps[n - 1], value);
  return json_to_string (root, TRUE);
}

static void
assert_refused (Fixture    *f,
                const char *text,
                int         code,
                const char *expected)
{
  g_autoptr(PlxImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  Snapshot before;

  snapshot_take (&before, f->project);
  report = plx_import_data (f->project, "bad.json", text, strlen (text), &error);
  g_assert_null (report);
  g_assert_error (error, PLX_ERROR, code);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, expected);
  snapshot_assert_same (&before, f->project);
  snapshot_clear (&before);
}

static void
test_json_path_in_errors (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *w3c = export_file (f->project, PLX_EXPORT_FORMAT_W3C, PLX_EXPORT_FLAGS_NONE, f->dir, "paths.jsonld");
  g_autofree char *native = export_file (f->project, PLX_EXPORT_FORMAT_NATIVE, PLX_EXPORT_FLAGS_NONE, f->dir, "paths.json");
  g_autofree char *bad_exact = corrupt (w3c, "first/items/2/target/selector/0/exact", json_node_init_int (json_node_alloc (), 42));
  g_autofree char *bad_start = corrupt (native, "annotations/1/start", json_node_init_string (json_node_alloc (), "ten"));
  g_autofree char *bad_time = corrupt (native, "annotations/3/modified", json_node_init_string (json_node_alloc (), "last Tuesday"));
  g_autofree char *bad_version = corrupt (native, "version", json_node_init_int (json_node_alloc (), 2));
  g_autofree char *bad_colour = corrupt (native, "perspectives/1/color", json_node_init_string (json_node_alloc (), "blue"));

  assert_refused (f, bad_exact, PLX_ERROR_INVALID_FILE, "bad.json: first.items[2].target.selector[0].exact: must be a string");
  assert_refused (f, bad_start, PLX_ERROR_INVALID_FILE, "bad.json: annotations[1].start: must be a whole number");
  assert_refused (f, bad_time, PLX_ERROR_INVALID_FILE, "annotations[3].modified: “last Tuesday” is not an ISO 8601");
  assert_refused (f, bad_version, PLX_ERROR_INVALID_FILE, "version 2 of the Parallax format");
  assert_refused (f, bad_colour, PLX_ERROR_INVALID_FILE, "perspectives[1].color");
  assert_refused (f, "{\"format\": \"parallax\", \"version\": 1, \"perspectives\": [], \"documents\": []}",
                  PLX_ERROR_INVALID_FILE, "“annotations” is missing");
  assert_refused (f, "[1, 2", PLX_ERROR_INVALID_FILE, "bad.json: not valid JSON");
  /* Where, in words, not json-glib's "<data>:3:13: Parse error:" (issue 18). */
  assert_refused (f, "{\n \"format\": \"parallax\",\n \"x\": [1, 2,,]\n}\n", PLX_ERROR_INVALID_FILE,
                  "bad.json: not valid JSON at line 3, column 13: unexpected character");
}

/* An error met only while writing (a perspective already added) must still
 * leave the project as it was, in the file and in memory. */
static void
test_all_or_nothing (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *native = export_file (f->project, PLX_EXPORT_FORMAT_NATIVE, PLX_EXPORT_FLAGS_NONE, f->dir, "aon.json");
  g_autoptr(JsonNode) root = parse_file (native);
  JsonObject *object = json_node_get_object (root);
  JsonArray *perspectives = json_object_get_array_member (object, "perspectives");
  JsonArray *documents = json_object_get_array_member (object, "documents");
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(PlxProject) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JsonObject *stranger;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, "Kurdish");
  json_builder_set_member_name (builder, "color");
  json_builder_add_string_value (builder, "#56B4E9");
  json_builder_end_object (builder);
  json_array_add_element (perspectives, json_builder_get_root (builder));
  stranger = json_object_new ();
  json_object_set_int_member (stranger, "id", 7);
  json_object_set_string_member (stranger, "title", "A text this project has never seen");
  json_object_set_string_member (stranger, "content_hash", "0000000000000000000000000000000000000000000000000000000000000000");
  json_array_add_object_element (documents, stranger);
  text = json_to_string (root, FALSE);

  assert_refused (f, text, PLX_ERROR_NOT_FOUND, "documents[1]: the document “A text this project has never seen”");
  g_assert_null (plx_project_find_perspective_by_name (f->project, "Kurdish"));

  g_clear_object (&f->essay);
  g_clear_object (&f->project);
  reopened = plx_project_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_null (plx_project_find_perspective_by_name (reopened, "Kurdish"));
  g_assert_cmpuint (count_annotations (reopened), ==, 4);
}

static void
test_duplicate_uuid (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *native = export_file (f->project, PLX_EXPORT_FORMAT_NATIVE, PLX_EXPORT_FLAGS_NONE, f->dir, "dup.json");
  g_autoptr(JsonNode) root = parse_file (native);
  JsonArray *annotations = json_object_get_array_member (json_node_get_object (root), "annotations");
  g_autofree char *text = NULL;

  json_array_add_element (annotations, json_node_copy (json_array_get_element (annotations, 0)));
  text = json_to_string (root, FALSE);
  assert_refused (f, text, PLX_ERROR_INVALID_FILE, "annotations[4]: the annotation");
}

static void
test_limits (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GString) deep = g_string_new (NULL);

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  assert_refused (f, deep->str, PLX_ERROR_INVALID_FILE, "nested more than 64 levels");

  /* Brackets inside strings are text, not nesting. */
  g_string_assign (deep, "{\"format\": \"parallax\", \"version\": 1, \"note\": \"");
  for (guint i = 0; i < 1000; i++)
    g_string_append (deep, "[{");
  g_string_append (deep, "\"}");
  assert_refused (f, deep->str, PLX_ERROR_INVALID_FILE, "“perspectives” is missing");
}

/* ---- CSV ---- */

/* An RFC 4180 reader, to check the writer against. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;

  while (*p)
    {
      if (*p == '"')
        {
          for (p++; !(*p == '"' && p[1] != '"'); p++)
            {
              g_assert_true (*p != '\0');
              if (*p == '"')
                p++;
              g_string_append_c (field, *p);
            }
          p++;
        }
      else
        while (*p && *p != ',' && *p != '\r')
          {
            g_assert_true (*p != '\n' && *p != '"');
            g_string_append_c (field, *p++);
          }
      g_ptr_array_add (row, g_strdup (field->str));
      g_string_truncate (field, 0);
      if (*p == ',')
        p++;
      else
        {
          g_assert_true (p[0] == '\r' && p[1] == '\n');
          p += 2;
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
        }
    }
  g_ptr_array_unref (row);
  return rows;
}

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path = export_file (f->project, PLX_EXPORT_FORMAT_CSV, PLX_EXPORT_FLAGS_NONE, f->dir, "out.csv");
  g_autofree char *text = plx_test_read_file (path, NULL);
  g_autoptr(GPtrArray) rows = parse_csv (text);
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *header;

  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_true (g_str_has_prefix (text, "uuid,document_id,document_title,start,end,perspective,themes,note,"));
  g_assert_nonnull (strstr (text, "\"Line one\nline \"\"two\"\", with a comma\""));

  annotations = plx_project_list_annotations (f->project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, annotations->len + 1);
  header = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (header->len, ==, 14);
  for (guint i = 0; i < annotations->len; i++)
    {
      PlxAnnotation *a = g_ptr_array_index (annotations, i);
      GPtrArray *row = g_ptr_array_index (rows, i + 1);
      g_autofree char *themes = g_strjoinv ("; ", (char **) plx_annotation_get_themes (a));
      g_autofree char *start = g_strdup_printf ("%u", plx_annotation_get_start (a));
      PlxPerspective *perspective = plx_project_find_perspective (f->project, plx_annotation_get_perspective_id (a));

      g_assert_cmpuint (row->len, ==, 14);
      g_assert_cmpstr (g_ptr_array_index (row, 0), ==, plx_annotation_get_uuid (a));
      g_assert_cmpstr (g_ptr_array_index (row, 2), ==, plx_document_get_title (f->essay));
      g_assert_cmpstr (g_ptr_array_index (row, 3), ==, start);
      g_assert_cmpstr (g_ptr_array_index (row, 5), ==, plx_perspective_get_name (perspective));
      g_assert_cmpstr (g_ptr_array_index (row, 6), ==, themes);
      g_assert_cmpstr (g_ptr_array_index (row, 7), ==, plx_annotation_get_note (a));
      g_assert_cmpstr (g_ptr_array_index (row, 8), ==, "Ani Hakobyan");
      g_assert_cmpstr (g_ptr_array_index (row, 11), ==, plx_annotation_get_quote (a));
      g_assert_cmpstr (g_ptr_array_index (row, 12), ==, plx_annotation_get_prefix (a));
      g_assert_cmpstr (g_ptr_array_index (row, 13), ==, plx_annotation_get_suffix (a));
    }
  g_assert_nonnull (strstr (text, "Հայաստան; Azərbaycan"));
  g_assert_nonnull (strstr (text, "\"mediation; OSCE, Minsk\""));
}

/* A note or theme a spreadsheet would run as a formula arrives as text. */
static void
test_csv_formulas (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GPtrArray *row;

  g_object_unref (annotate (f->project, f->essay, "Nagorno-Karabakh", "Western",
                            (const char *[]) { "@risk", NULL }, "=HYPERLINK(\"http://evil.example\",\"click\")"));
  path = export_file (f->project, PLX_EXPORT_FORMAT_CSV, PLX_EXPORT_FLAGS_NONE, f->dir, "out.csv");
  text = plx_test_read_file (path, NULL);
  rows = parse_csv (text);
  row = NULL;
  for (guint i = 1; i < rows->len; i++)
    if (g_str_has_suffix (g_ptr_array_index ((GPtrArray *) g_ptr_array_index (rows, i), 6), "@risk"))
      row = g_ptr_array_index (rows, i);
  g_assert_nonnull (row);
  g_assert_cmpstr (g_ptr_array_index (row, 6), ==, "'@risk");
  g_assert_cmpstr (g_ptr_array_index (row, 7), ==, "'=HYPERLINK(\"http://evil.example\",\"click\")");
  g_assert_null (strstr (text, ",=HYPERLINK"));
  g_assert_null (strstr (text, ",\"=HYPERLINK"));
}

static void
test_export_write_failure (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "no-such-dir", "out.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (plx_export_to_file (f->project, PLX_EXPORT_FORMAT_NATIVE, 0, PLX_EXPORT_FLAGS_NONE, file, NULL, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_STORAGE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/export-import/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("native/round-trip", test_native_round_trip);
  ADD ("w3c/round-trip", test_w3c_round_trip);
  ADD ("native/keeps-perspectives", test_native_keeps_perspectives);
  ADD ("native/carries-text", test_native_carries_text);
  ADD ("document-filter", test_document_filter);
  ADD ("added-updated-skipped", test_added_updated_skipped);
  ADD ("edited-document/native", test_edited_document_native);
  ADD ("edited-document/w3c", test_edited_document_w3c);
  ADD ("edited-document/ambiguous", test_ambiguous_quote_is_orphaned);
  ADD ("w3c/incorrect-samples-refused", test_w3c_incorrect_refused);
  ADD ("w3c/incorrect-samples-mended-refused", test_w3c_incorrect_mended_refused);
  ADD ("w3c/correct-samples-reported", test_w3c_correct_reported);
  ADD ("errors/json-path", test_json_path_in_errors);
  ADD ("errors/all-or-nothing", test_all_or_nothing);
  ADD ("errors/duplicate-uuid", test_duplicate_uuid);
  ADD ("errors/limits", test_limits);
  ADD ("csv", test_csv);
  ADD ("csv-formulas", test_csv_formulas);
  ADD ("export/write-failure", test_export_write_failure);
#undef ADD

  return g_test_run ();
}

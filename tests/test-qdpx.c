/* test-qdpx.c: REFI-QDA exchange. Every export validates against the
 * official schemas (tests/conformance/refi-qda, checked with libxml2);
 * a project comes back from a .qdpx identical; hand-made files with
 * drifting offsets, a BOM, nested codes, users and notes import with the
 * drift corrected and reported; hostile archives change nothing.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <archive.h>
#include <archive_entry.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "plx-core.h"
#include "plx-test-utils.h"

typedef struct {
  char        *dir;
  char        *path;
  PlxProject  *project;
  PlxDocument *essay;
  PlxDocument *plain;
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

static gint64
perspective_id (PlxProject *project,
                const char *name)
{
  PlxPerspective *perspective = plx_project_find_perspective_by_name (project, name);

  g_assert_nonnull (perspective);
  return plx_perspective_get_id (perspective);
}

static void
annotate (PlxProject         *project,
          PlxDocument        *document,
          guint               start,
          guint               end,
          const char         *perspective,
          const char * const *themes,
          const char         *note,
          const char         *author)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxAnnotation) annotation = plx_annotation_new_for_range (document, start, end,
                                                                      perspective_id (project, perspective), &error);

  g_assert_no_error (error);
  plx_annotation_set_themes (annotation, themes);
  plx_annotation_set_note (annotation, note);
  plx_annotation_set_author (annotation, author);
  plx_project_add_annotation (project, annotation, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *essay_path = plx_test_essay_path ();
  g_autoptr(GFile) essay = g_file_new_for_path (essay_path);
  g_autoptr(GError) error = NULL;
  const char *text = "Armenian: Հայաստանի Հանրապետություն, Երևան.\n"
                     "Azerbaijani: Azərbaycan Respublikası, Bakı — ğ ş ı ö ü ç.\n"
                     "Russian: Российская Федерация, Москва. Emoji: 🕊️ 👩‍👩‍👧.\n";
  const char *t1[] = { "mediation", "security", NULL };
  const char *t2[] = { "security", NULL };
  const char *none[] = { NULL };

  f->dir = plx_test_make_tempdir ();
  f->path = g_build_filename (f->dir, "source.parallax", NULL);
  f->project = plx_project_create (f->path, &error);
  g_assert_no_error (error);
  f->essay = plx_document_new_from_file (essay, NULL, &error);
  g_assert_no_error (error);
  plx_project_add_document (f->project, f->essay, &error);
  g_assert_no_error (error);
  f->plain = plx_document_new_from_data (text, strlen (text), PLX_DOCUMENT_FORMAT_PLAIN, "Names", &error);
  g_assert_no_error (error);
  plx_project_add_document (f->project, f->plain, &error);
  g_assert_no_error (error);

  annotate (f->project, f->essay, 0, 40, "Russian", t1, "A note\nover two lines, with <markup> & “quotes”", "Ani Hakobyan");
  annotate (f->project, f->essay, 0, 40, "Armenian", t2, "", "Elnur Mammadov");
  annotate (f->project, f->essay, 100, 260, "Western", none, "", "");
  annotate (f->project, f->plain, 10, 35, "Armenian", t1, "Հայերեն նշում", "Ani Hakobyan");
  annotate (f->project, f->plain, 100, 130, "Russian", none, "Заметка", "Иван Петров");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->essay);
  g_clear_object (&f->plain);
  g_clear_object (&f->project);
  plx_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static char *
export_file (PlxProject      *project,
             PlxExportFormat  format,
             const char      *dir,
             const char      *name)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  plx_export_to_file (project, format, 0, PLX_EXPORT_FLAGS_NONE, file, NULL, &error);
  g_assert_no_error (error);
  return path;
}

/* ---- archives ---- */

/* Every entry of the zip at @path, by name. */
static GHashTable *
unzip (const char *path)
{
  GHashTable *entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;

  archive_read_support_format_zip (archive);
  g_assert_cmpint (archive_read_open_filename (archive, path, 65536), ==, ARCHIVE_OK);
  while (archive_read_next_header (archive, &entry) == ARCHIVE_OK)
    {
      g_autoptr(GByteArray) data = g_byte_array_new ();
      char buffer[65536];
      la_ssize_t got;

      while ((got = archive_read_data (archive, buffer, sizeof buffer)) > 0)
        g_byte_array_append (data, (const guint8 *) buffer, (guint) got);
      g_assert_cmpint (got, ==, 0);
      g_hash_table_insert (entries, g_strdup (archive_entry_pathname (entry)),
                           g_byte_array_free_to_bytes (g_steal_pointer (&data)));
    }
  archive_read_free (archive);
  return entries;
}

/* Writes a zip of @names and @contents (NULL-terminated pairs); a
 * content of NULL is @bomb_size zero bytes. */
static char *
make_zip (const char  *dir,
          const char  *file_name,
          gsize        bomb_size,
          ...)
{
  char *path = g_build_filename (dir, file_name, NULL);
  struct archive *archive = archive_write_new ();
  const char *name;
  va_list args;

  archive_write_set_format_zip (archive);
  g_assert_cmpint (archive_write_open_filename (archive, path), ==, ARCHIVE_OK);
  va_start (args, bomb_size);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *content = va_arg (args, const char *);
      struct archive_entry *entry = archive_entry_new ();
      gsize size = content ? strlen (content) : bomb_size;

      archive_entry_set_pathname (entry, name);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_size (entry, (la_int64_t) size);
      g_assert_cmpint (archive_write_header (archive, entry), ==, ARCHIVE_OK);
      if (content != NULL)
        g_assert_cmpint (archive_write_data (archive, content, size), ==, (la_ssize_t) size);
      else
        {
          g_autofree char *zeros = g_malloc0 (1024 * 1024);

          for (gsize done = 0; done < size; done += 1024 * 1024)
            g_assert_cmpint (archive_write_data (archive, zeros, 1024 * 1024), ==, 1024 * 1024);
        }
      archive_entry_free (entry);
    }
  va_end (args);
  archive_write_close (archive);
  archive_write_free (archive);
  return path;
}

/* ---- schema ---- */

static void
assert_valid (GBytes     *xml,
              const char *schema_name)
{
  g_autofree char *xsd = g_build_filename (g_getenv ("PLX_CONFORMANCE"), "refi-qda", schema_name, NULL);
  xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt (xsd);
  xmlSchemaPtr schema = xmlSchemaParse (parser);
  xmlSchemaValidCtxtPtr valid = xmlSchemaNewValidCtxt (schema);
  gsize size;
  const char *data = g_bytes_get_data (xml, &size);
  xmlDocPtr doc = xmlReadMemory (data, (int) size, NULL, NULL, XML_PARSE_NONET);

  g_assert_nonnull (schema);
  g_assert_nonnull (doc);
  g_assert_cmpint (xmlSchemaValidateDoc (valid, doc), ==, 0);
  xmlFreeDoc (doc);
  xmlSchemaFreeValidCtxt (valid);
  xmlSchemaFree (schema);
  xmlSchemaFreeParserCtxt (parser);
}

static void
test_export_validates (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *qdpx = export_file (f->project, PLX_EXPORT_FORMAT_QDPX, f->dir, "out.qdpx");
  g_autofree char *qdc = export_file (f->project, PLX_EXPORT_FORMAT_QDC, f->dir, "out.qdc");
  g_autoptr(GHashTable) entries = unzip (qdpx);
  g_autofree char *text_name = g_strconcat ("Sources/", plx_document_get_uuid (f->plain), ".txt", NULL);
  g_autofree char *essay_name = g_strconcat ("Sources/", plx_document_get_uuid (f->essay), ".txt", NULL);
  g_autofree char *original_name = g_strconcat ("Sources/", plx_document_get_uuid (f->essay), ".md", NULL);
  g_autoptr(GBytes) codebook = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *codebook_text = NULL;
  GBytes *project, *text;
  gsize length;

  project = g_hash_table_lookup (entries, "project.qde");
  g_assert_nonnull (project);
  assert_valid (project, "Project.xsd");
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (project, NULL), (gssize) g_bytes_get_size (project),
                                  "name=\"Иван Петров\""));

  /* Each document's text as Parallax counts in it; the original too. */
  text = g_hash_table_lookup (entries, text_name);
  g_assert_nonnull (text);
  g_assert_cmpmem (g_bytes_get_data (text, NULL), g_bytes_get_size (text),
                   plx_document_get_text (f->plain), plx_document_get_text_bytes (f->plain));
  g_assert_nonnull (g_hash_table_lookup (entries, essay_name));
  g_assert_nonnull (g_hash_table_lookup (entries, original_name));
  g_assert_cmpuint (g_hash_table_size (entries), ==, 4);

  g_file_get_contents (qdc, &codebook_text, &length, &error);
  g_assert_no_error (error);
  codebook = g_bytes_new (codebook_text, length);
  assert_valid (codebook, "Codebook.xsd");
  g_assert_nonnull (strstr (codebook_text, "name=\"Perspectives\""));
  g_assert_nonnull (strstr (codebook_text, "name=\"mediation\""));

  /* Exporting twice gives the same XML: GUIDs are derived, not random. */
  {
    g_autofree char *again = export_file (f->project, PLX_EXPORT_FORMAT_QDPX, f->dir, "again.qdpx");
    g_autoptr(GHashTable) second = unzip (again);
    g_autofree char *a = g_strndup (g_bytes_get_data (project, NULL), g_bytes_get_size (project));
    GBytes *b_bytes = g_hash_table_lookup (second, "project.qde");
    g_autofree char *b = g_strndup (g_bytes_get_data (b_bytes, NULL), g_bytes_get_size (b_bytes));

    /* Past the Project element, whose modifiedDateTime is the export's. */
    g_assert_cmpstr (strstr (a, "<Users>"), ==, strstr (b, "<Users>"));
  }
}

/* The native export without its time of export. */
static char *
native_without_time (PlxProject *project,
                     const char *dir,
                     const char *name)
{
  g_autofree char *path = export_file (project, PLX_EXPORT_FORMAT_NATIVE, dir, name);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "\"exported\"") == NULL)
      g_string_append_printf (out, "%s\n", lines[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *qdpx = export_file (f->project, PLX_EXPORT_FORMAT_QDPX, f->dir, "trip.qdpx");
  g_autoptr(PlxProject) copy = new_project (f->dir, "copy.parallax");
  g_autoptr(GFile) file = g_file_new_for_path (qdpx);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxImportReport) report = NULL;
  g_autoptr(PlxImportReport) again = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) documents = NULL;

  /* Perspectives in another order and colour than the defaults. */
  plx_project_move_perspective (f->project, perspective_id (f->project, "Russian"), 0, &error);
  g_assert_no_error (error);
  plx_project_recolor_perspective (f->project, perspective_id (f->project, "Western"), "#123456", &error);
  g_assert_no_error (error);
  g_free (qdpx);
  qdpx = export_file (f->project, PLX_EXPORT_FORMAT_QDPX, f->dir, "trip.qdpx");

  report = plx_import_file (copy, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->format, ==, PLX_IMPORT_FORMAT_QDPX);
  g_assert_cmpuint (report->added, ==, 5);
  g_assert_cmpuint (report->orphaned, ==, 0);
  g_assert_cmpuint (report->documents_added, ==, 2);
  g_assert_cmpuint (report->notices->len, ==, 0);

  before = native_without_time (f->project, f->dir, "before.json");
  after = native_without_time (copy, f->dir, "after.json");
  g_assert_cmpstr (before, ==, after);

  /* The documents keep their GUIDs and the essay its Markdown original. */
  documents = plx_project_list_documents (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plx_document_get_uuid (g_ptr_array_index (documents, 0)), ==, plx_document_get_uuid (f->essay));
  g_assert_cmpint (plx_document_get_format (g_ptr_array_index (documents, 0)), ==, PLX_DOCUMENT_FORMAT_MARKDOWN);
  g_assert_cmpstr (plx_document_get_uuid (g_ptr_array_index (documents, 1)), ==, plx_document_get_uuid (f->plain));

  /* Again: the same annotations, nothing added. */
  again = plx_import_file (copy, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->added, ==, 0);
  g_assert_cmpuint (again->skipped, ==, 5);
}

/* ---- hand-made files ---- */

#define USER_A "11111111-1111-4111-8111-111111111111"
#define USER_B "{22222222-2222-4222-8222-222222222222}"
#define GROUP "aaaaaaaa-0000-4000-8000-000000000001"
#define P_EAST "aaaaaaaa-0000-4000-8000-000000000002"
#define P_WEST "aaaaaaaa-0000-4000-8000-000000000003"
#define T_PARENT "aaaaaaaa-0000-4000-8000-000000000004"
#define T_CHILD "aaaaaaaa-0000-4000-8000-000000000005"
#define SOURCE "bbbbbbbb-0000-4000-8000-000000000001"
#define NOTE "cccccccc-0000-4000-8000-000000000001"

/* A text written on Windows: a BOM and CRLF line ends. In the file's
 * code points "second" starts at 1 + 6 + 2 = 9 (BOM, "first.", CRLF);
 * in Parallax's text, at 7. */
#define CRLF_TEXT "\xEF\xBB\xBF" "first.\r\nsecond line\r\nthird line\r\n"

static char *
qde (const char *selections)
{
  return g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"hand\" origin=\"test\">\n"
    "<Users><User guid=\"" USER_A "\" name=\"Ani\"/><User guid=\"" USER_B "\" name=\"Elnur\"/></Users>\n"
    "<CodeBook><Codes>\n"
    " <Code guid=\"" GROUP "\" name=\"Perspectives\" isCodable=\"false\">\n"
    "  <Code guid=\"" P_EAST "\" name=\"East\" isCodable=\"true\" color=\"#c00\"/>\n"
    "  <Code guid=\"" P_WEST "\" name=\"West\" isCodable=\"true\" color=\"#0000CC\"/>\n"
    " </Code>\n"
    " <Code guid=\"" T_PARENT "\" name=\"economy\" isCodable=\"true\"><Description>money</Description>\n"
    "  <Code guid=\"" T_CHILD "\" name=\"trade\" isCodable=\"true\"/>\n"
    " </Code>\n"
    "</Codes></CodeBook>\n"
    "<Sources><TextSource guid=\"" SOURCE "\" name=\"Windows text\" plainTextPath=\"internal://" SOURCE ".txt\">\n"
    "%s"
    "</TextSource></Sources>\n"
    "<Notes><Note guid=\"" NOTE "\" name=\"n\"><PlainTextContent>a note</PlainTextContent></Note></Notes>\n"
    "</Project>\n", selections);
}

static char *
selection (const char *guid,
           const char *name,
           int         start,
           int         end,
           const char *codes)
{
  return g_strdup_printf ("<PlainTextSelection guid=\"%s\"%s%s%s startPosition=\"%d\" endPosition=\"%d\" "
                          "creatingUser=\"" USER_B "\" creationDateTime=\"2023-02-01T10:00:00\">%s</PlainTextSelection>\n",
                          guid, name ? " name=\"" : "", name ? name : "", name ? "\"" : "", start, end, codes);
}

#define CODING(n, code) "<Coding guid=\"dddddddd-0000-4000-8000-00000000000" n "\"><CodeRef targetGUID=\"" code "\"/></Coding>"

static PlxAnnotation *
find_annotation (PlxProject *project,
                 const char *uuid)
{
  g_autoptr(GError) error = NULL;
  PlxAnnotation *a = plx_project_get_annotation (project, uuid, &error);

  g_assert_no_error (error);
  g_assert_nonnull (a);
  return a;
}

/* Appends @piece to @all and frees it. */
static void
take (GString *all,
      char    *piece)
{
  g_string_append (all, piece);
  g_free (piece);
}

static gboolean
notices_have (PlxImportReport *report,
              const char      *needle)
{
  for (guint i = 0; i < report->notices->len; i++)
    if (strstr (g_ptr_array_index (report->notices, i), needle) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_drift (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(PlxProject) project = new_project (f->dir, "drift.parallax");
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *selections = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxImportReport) report = NULL;
  g_autoptr(PlxAnnotation) second = NULL;
  g_autoptr(PlxAnnotation) third = NULL;
  g_autoptr(PlxAnnotation) first = NULL;
  g_autoptr(PlxAnnotation) line = NULL;
  g_auto(GStrv) themes = NULL;
  PlxPerspective *east;

  /* "second" counted in the file's code points: BOM and CRLF. */
  take (all, selection ("eeeeeeee-0000-4000-8000-000000000001", "second", 9, 15,
             CODING ("1", P_EAST) CODING ("2", T_CHILD) "<NoteRef targetGUID=\"" NOTE "\"/>"));
  /* "third" with CRLF counted but not the BOM: 6 + 2 + 11 + 2 = 21. */
  take (all, selection ("eeeeeeee-0000-4000-8000-000000000002", "third", 21, 26, CODING ("3", P_WEST)));
  /* Counted as Parallax does: no correction. */
  take (all, selection ("eeeeeeee-0000-4000-8000-000000000003", "first", 0, 5, CODING ("4", P_WEST) CODING ("5", T_PARENT)));
  /* "third" again, in the file's code points: 1 + 6 + 2 + 11 + 2. */
  take (all, selection ("eeeeeeee-0000-4000-8000-000000000007", "third", 22, 27, CODING ("9", P_EAST)));
  /* Without a name: follows the file's majority (the BOM and CRLF). */
  take (all, selection ("eeeeeeee-0000-4000-8000-000000000004", NULL, 16, 20, CODING ("6", P_EAST)));
  /* A name nothing explains: kept aside. */
  take (all, selection ("eeeeeeee-0000-4000-8000-000000000005", "nowhere", 0, 5, CODING ("7", P_EAST)));
  /* Outside the text: kept aside. */
  take (all, selection ("eeeeeeee-0000-4000-8000-000000000006", NULL, 30, 900, CODING ("8", P_EAST)));
  selections = g_string_free (g_steal_pointer (&all), FALSE);
  xml = qde (selections);
  path = make_zip (f->dir, "drift.qdpx", 0, "project.qde", xml, "Sources/" SOURCE ".txt", CRLF_TEXT, NULL);
  file = g_file_new_for_path (path);

  {
    g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
    assert_valid (bytes, "Project.xsd");
  }
  report = plx_import_file (project, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 5);
  g_assert_cmpuint (report->orphaned, ==, 2);
  g_assert_cmpuint (report->documents_added, ==, 1);

  second = find_annotation (project, "eeeeeeee-0000-4000-8000-000000000001");
  g_assert_cmpstr (plx_annotation_get_quote (second), ==, "second");
  g_assert_cmpuint (plx_annotation_get_start (second), ==, 7);
  g_assert_cmpstr (plx_annotation_get_note (second), ==, "a note");
  g_assert_cmpstr (plx_annotation_get_author (second), ==, "Elnur");
  g_assert_cmpstr (plx_annotation_get_created (second), ==, "2023-02-01T10:00:00.000Z");
  g_assert_cmpstr (plx_annotation_get_themes (second)[0], ==, "trade");
  east = plx_project_find_perspective_by_name (project, "East");
  g_assert_nonnull (east);
  g_assert_cmpint (plx_annotation_get_perspective_id (second), ==, plx_perspective_get_id (east));
  g_assert_cmpstr (plx_perspective_get_color (east), ==, "#cc0000");
  g_assert_cmpstr (plx_perspective_get_uuid (east), ==, P_EAST);

  third = find_annotation (project, "eeeeeeee-0000-4000-8000-000000000002");
  g_assert_cmpstr (plx_annotation_get_quote (third), ==, "third");
  first = find_annotation (project, "eeeeeeee-0000-4000-8000-000000000003");
  g_assert_cmpstr (plx_annotation_get_quote (first), ==, "first");
  g_assert_cmpstr (plx_annotation_get_themes (first)[0], ==, "economy");
  line = find_annotation (project, "eeeeeeee-0000-4000-8000-000000000004");
  g_assert_cmpstr (plx_annotation_get_quote (line), ==, "line");

  /* Each correction is reported with its reason; the rest too. */
  g_assert_true (notices_have (report, "eeeeeeee-0000-4000-8000-000000000001"));
  g_assert_true (notices_have (report, "byte-order mark"));
  g_assert_true (notices_have (report, "line ends counted as two characters"));
  g_assert_false (notices_have (report, "eeeeeeee-0000-4000-8000-000000000003"));
  /* The codes' nesting and descriptions make the codebook. */
  {
    g_autoptr(PlxTheme) trade = plx_project_find_theme (project, "trade", &error);
    g_autoptr(PlxTheme) economy = plx_project_find_theme (project, "economy", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (plx_theme_get_uuid (trade), ==, T_CHILD);
    g_assert_cmpstr (plx_theme_get_parent_uuid (trade), ==, T_PARENT);
    g_assert_cmpstr (plx_theme_get_uuid (economy), ==, T_PARENT);
    g_assert_cmpstr (plx_theme_get_description (economy), ==, "money");
    g_assert_cmpuint (report->themes_added, ==, 2);
  }
  g_assert_nonnull (strstr (g_ptr_array_index (report->orphans, 0), "nowhere"));
  g_assert_nonnull (strstr (g_ptr_array_index (report->orphans, 1), "outside the text"));

  themes = plx_project_list_themes (project, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) themes, "trade"));
  g_assert_true (g_strv_contains ((const char * const *) themes, "economy"));
}

static void
test_no_perspectives (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(PlxProject) project = new_project (f->dir, "none.parallax");
  g_autofree char *selections = selection ("eeeeeeee-0000-4000-8000-000000000001", "second", 9, 15,
                                           CODING ("1", P_EAST) CODING ("2", T_CHILD));
  g_autofree char *xml = qde (selections);
  g_autofree char *path = make_zip (f->dir, "none.qdpx", 0, "project.qde", xml, "Sources/" SOURCE ".txt", CRLF_TEXT, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxImportReport) report = NULL;
  g_autoptr(PlxAnnotation) a = NULL;
  PlxImportOptions none = { "none" };
  PlxImportOptions missing = { "Viewpoints" };

  g_assert_null (plx_import_file_with_options (project, file, &missing, NULL, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE);
  g_assert_nonnull (strstr (error->message, "“Viewpoints”"));
  g_assert_nonnull (strstr (error->message, "“Perspectives”, “economy”"));
  g_clear_error (&error);

  report = plx_import_file_with_options (project, file, &none, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 1);
  a = find_annotation (project, "eeeeeeee-0000-4000-8000-000000000001");
  g_assert_cmpstr (plx_annotation_get_themes (a)[0], ==, "East");
  g_assert_cmpstr (plx_annotation_get_themes (a)[1], ==, "trade");
  g_assert_cmpint (plx_annotation_get_perspective_id (a), ==, perspective_id (project, "Imported"));
  g_assert_null (plx_project_find_perspective_by_name (project, "East"));
}

/* A text in NFD: Parallax keeps it in NFC, so offsets without a quote
 * cannot be checked; with one they can. Through parallax-cli. */
static void
test_nfd_cli (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *xml = NULL;
  g_autofree char *path = NULL;
  g_autofree char *project = g_build_filename (f->dir, "nfd.parallax", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  /* "café au lait", the é as e + U+0301: 13 code points in the file. */
  const char *nfd = "cafe\xcc\x81 au lait\n";

  take (all, selection ("eeeeeeee-0000-4000-8000-000000000001", "au lait", 6, 13, CODING ("1", P_EAST) CODING ("2", T_CHILD)));
  take (all, selection ("eeeeeeee-0000-4000-8000-000000000002", NULL, 6, 13, CODING ("3", P_WEST)));
  xml = qde (all->str);
  path = make_zip (f->dir, "nfd.qdpx", 0, "project.qde", xml, "Sources/" SOURCE ".txt", nfd, NULL);
  {
    const char *init[] = { g_getenv ("PLX_CLI"), "init", project, NULL };
    const char *import[] = { g_getenv ("PLX_CLI"), "import", project, path, "--perspectives-code", "none", NULL };

    g_spawn_sync (NULL, (char **) init, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_cmpint (status, ==, 0);
    g_spawn_sync (NULL, (char **) import, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
    g_assert_cmpint (status, ==, 0);
  }
  /* The quoted selection is placed where its text is (one character
   * earlier in NFC), the other kept aside. */
  g_assert_nonnull (strstr (out, "1 added, 0 updated, 0 skipped, 1 orphaned"));
  g_assert_nonnull (strstr (err, "normalised (NFC)"));
  g_assert_nonnull (strstr (err, "eeeeeeee-0000-4000-8000-000000000002"));
  g_assert_nonnull (strstr (err, "were replaced by 5–12"));
  g_clear_pointer (&out, g_free);
  {
    const char *list[] = { g_getenv ("PLX_CLI"), "list", project, "--format", "tsv", NULL };

    g_spawn_sync (NULL, (char **) list, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
    g_assert_no_error (error);
  }
  g_assert_nonnull (strstr (out, "Imported"));
  g_assert_nonnull (strstr (out, "East"));
}

/* The shape NVivo for Windows writes (as described by other importers'
 * tests): no Perspectives code, nested codes, selections with an empty
 * name, the texts in a folder "sources/", namespaces declared beside. */
static void
test_nvivo_shape (Fixture       *f,
                  gconstpointer  data)
{
  const char *xml =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<Project xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" name=\"Untitled\" origin=\"NVivo\" "
    "creationDateTime=\"2025-02-21T15:09:07Z\" basePath=\"\" xmlns=\"urn:QDA-XML:project:1.0\">\n"
    "<Users><User guid=\"" USER_A "\" name=\"Coder\"/></Users>\n"
    "<CodeBook><Codes><Code guid=\"" T_PARENT "\" name=\"Risk\" isCodable=\"true\">"
    "<Code guid=\"" T_CHILD "\" name=\"Personal risk\" isCodable=\"true\"/></Code></Codes></CodeBook>\n"
    "<Sources><TextSource guid=\"" SOURCE "\" name=\"interview\" richTextPath=\"internal://" SOURCE ".docx\" "
    "plainTextPath=\"internal://" SOURCE ".txt\" creationDateTime=\"2025-06-11T16:24:07Z\">\n"
    "<PlainTextSelection guid=\"eeeeeeee-0000-4000-8000-000000000001\" name=\"\" startPosition=\"4\" endPosition=\"11\" "
    "creatingUser=\"" USER_A "\"><Coding guid=\"dddddddd-0000-4000-8000-000000000001\">"
    "<CodeRef targetGUID=\"" T_CHILD "\"/></Coding></PlainTextSelection>\n"
    "</TextSource></Sources></Project>\n";
  g_autoptr(PlxProject) project = new_project (f->dir, "nvivo.parallax");
  g_autofree char *path = make_zip (f->dir, "nvivo.qdpx", 0, "project.qde", xml,
                                    "sources/" SOURCE ".txt", "The vaccine question came up.", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxImportReport) report = NULL;
  g_autoptr(PlxAnnotation) a = NULL;

  report = plx_import_file (project, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 1);
  a = find_annotation (project, "eeeeeeee-0000-4000-8000-000000000001");
  g_assert_cmpstr (plx_annotation_get_quote (a), ==, "vaccine");
  g_assert_cmpstr (plx_annotation_get_author (a), ==, "Coder");
  g_assert_cmpstr (plx_annotation_get_themes (a)[0], ==, "Personal risk");
  g_assert_cmpint (plx_annotation_get_perspective_id (a), ==, perspective_id (project, "Imported"));
  g_assert_true (notices_have (report, "no perspective code"));
}

/* ---- hostile files: refused, and the project unchanged ---- */

static char *
project_state (PlxProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = plx_project_list_documents (project, &error);
  g_autoptr(GPtrArray) annotations = plx_project_list_annotations (project, NULL, &error);
  GListModel *perspectives = plx_project_get_perspectives (project);

  g_assert_no_error (error);
  return g_strdup_printf ("%u documents, %u annotations, %u perspectives", documents->len, annotations->len,
                          g_list_model_get_n_items (perspectives));
}

static void
assert_refused (Fixture    *f,
                const char *path,
                const char *expected)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = project_state (f->project);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *checksum = plx_test_file_checksum (f->path);
  g_autofree char *wal_checksum = g_file_test (wal, G_FILE_TEST_EXISTS) ? plx_test_file_checksum (wal) : g_strdup ("none");
  g_autofree char *after = NULL;
  g_autofree char *checksum_after = NULL;
  g_autofree char *wal_after = NULL;

  g_assert_null (plx_import_file (f->project, file, NULL, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_FILE);
  g_test_message ("%s", error->message);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not say “%s”", error->message, expected);
  after = project_state (f->project);
  g_assert_cmpstr (before, ==, after);
  checksum_after = plx_test_file_checksum (f->path);
  g_assert_cmpstr (checksum, ==, checksum_after);
  /* Nor its write-ahead log: nothing was written at all. */
  wal_after = g_file_test (wal, G_FILE_TEST_EXISTS) ? plx_test_file_checksum (wal) : g_strdup ("none");
  g_assert_cmpstr (wal_checksum, ==, wal_after);
}

static void
test_hostile (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *one = selection ("eeeeeeee-0000-4000-8000-000000000001", "second", 9, 15, CODING ("1", P_EAST));
  g_autofree char *good = qde (one);
  g_autofree char *path = NULL;
  g_autofree char *bad = NULL;

  path = make_zip (f->dir, "up.qdpx", 0, "project.qde", good, "../escape.txt", "x", NULL);
  assert_refused (f, path, "“../escape.txt”, a path that leads outside it");
  g_clear_pointer (&path, g_free);
  path = make_zip (f->dir, "abs.qdpx", 0, "project.qde", good, "/etc/passwd", "x", NULL);
  assert_refused (f, path, "“/etc/passwd”, a path that leads outside it");
  g_clear_pointer (&path, g_free);

  /* 100 MiB of zeros packs into about 100 KiB. */
  path = make_zip (f->dir, "bomb.qdpx", 0, "project.qde", good, "Sources/" SOURCE ".txt", NULL, NULL);
  g_clear_pointer (&path, g_free);
  path = make_zip (f->dir, "bomb.qdpx", (gsize) 100 * 1024 * 1024, "project.qde", good, "Sources/" SOURCE ".txt", NULL, NULL);
  assert_refused (f, path, "zip bomb");
  g_clear_pointer (&path, g_free);

  /* The schema: a code without isCodable, named with its line. */
  bad = g_strdup (good);
  memcpy (strstr (bad, "isCodable=\"true\" color=\"#c00\""), "isCodabl_=\"true\"", strlen ("isCodabl_=\"true\""));
  path = make_zip (f->dir, "schema.qdpx", 0, "project.qde", bad, "Sources/" SOURCE ".txt", CRLF_TEXT, NULL);
  assert_refused (f, path, "line 6:");
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&bad, g_free);

  /* Missing source file. */
  path = make_zip (f->dir, "missing.qdpx", 0, "project.qde", good, NULL);
  assert_refused (f, path, "is missing from the archive");
  g_clear_pointer (&path, g_free);

  /* A GUID the project gives another text. */
  bad = g_strdup (good);
  {
    g_auto(GStrv) parts = g_strsplit (bad, SOURCE, -1);

    g_clear_pointer (&bad, g_free);
    bad = g_strjoinv (plx_document_get_uuid (f->essay), parts);
  }
  {
    g_autofree char *text_name = g_strconcat ("Sources/", plx_document_get_uuid (f->essay), ".txt", NULL);

    path = make_zip (f->dir, "collide.qdpx", 0, "project.qde", bad, text_name, CRLF_TEXT, NULL);
  }
  assert_refused (f, path, "this project’s document");
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&bad, g_free);

  /* A selection GUID of an annotation in another document. */
  {
    g_autoptr(GPtrArray) annotations = plx_project_list_annotations (f->project, NULL, NULL);
    const char *taken = plx_annotation_get_uuid (g_ptr_array_index (annotations, 0));
    g_autofree char *sel = selection (taken, "second", 9, 15, CODING ("1", P_EAST));

    bad = qde (sel);
    path = make_zip (f->dir, "collide2.qdpx", 0, "project.qde", bad, "Sources/" SOURCE ".txt", CRLF_TEXT, NULL);
    assert_refused (f, path, "an annotation in another document");
    g_clear_pointer (&path, g_free);
    g_clear_pointer (&bad, g_free);
  }

  /* A code inside itself. */
  bad = g_strdup (good);
  {
    g_auto(GStrv) parts = g_strsplit (bad, "<Code guid=\"" T_CHILD "\"", 2);

    g_clear_pointer (&bad, g_free);
    bad = g_strjoinv ("<Code guid=\"" T_PARENT "\"", parts);
  }
  path = make_zip (f->dir, "cycle.qdpx", 0, "project.qde", bad, "Sources/" SOURCE ".txt", CRLF_TEXT, NULL);
  assert_refused (f, path, "nested inside itself");
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&bad, g_free);

  /* Entities. */
  bad = g_strconcat ("<?xml version=\"1.0\"?>\n<!DOCTYPE Project [<!ENTITY a \"aaaa\">]>\n",
                     strstr (good, "<Project"), NULL);
  path = make_zip (f->dir, "doctype.qdpx", 0, "project.qde", bad, "Sources/" SOURCE ".txt", CRLF_TEXT, NULL);
  assert_refused (f, path, "DOCTYPE");
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&bad, g_free);

  /* Not a project at all. */
  path = make_zip (f->dir, "empty.qdpx", 0, "readme.txt", "hello", NULL);
  assert_refused (f, path, "no project.qde");
}

static void
test_codebook (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *qdc = export_file (f->project, PLX_EXPORT_FORMAT_QDC, f->dir, "book.qdc");
  g_autoptr(PlxProject) project = new_project (f->dir, "book.parallax");
  g_autoptr(GFile) file = g_file_new_for_path (qdc);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxImportReport) report = NULL;

  plx_project_remove_perspective (project, perspective_id (project, "Western"), 0, &error);
  g_assert_no_error (error);
  report = plx_import_file (project, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->format, ==, PLX_IMPORT_FORMAT_QDC);
  g_assert_cmpuint (report->perspectives_added, ==, 1);
  g_assert_nonnull (plx_project_find_perspective_by_name (project, "Western"));
  /* The codebook comes whole, used or not, with its themes' UUIDs. */
  {
    g_autoptr(GPtrArray) theirs = plx_project_list_codebook (f->project, &error);
    g_autoptr(GPtrArray) ours = plx_project_list_codebook (project, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (theirs->len, >, 0);
    g_assert_cmpuint (report->themes_added, ==, theirs->len);
    for (guint i = 0; i < theirs->len; i++)
      {
        PlxTheme *theme = g_ptr_array_index (theirs, i);
        PlxTheme *here = plx_codebook_lookup (ours, plx_theme_get_uuid (theme));

        g_assert_nonnull (here);
        g_assert_cmpstr (plx_theme_get_name (here), ==, plx_theme_get_name (theme));
      }
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/qdpx/export-validates", Fixture, NULL, fixture_set_up, test_export_validates, fixture_tear_down);
  g_test_add ("/qdpx/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/qdpx/drift", Fixture, NULL, fixture_set_up, test_drift, fixture_tear_down);
  g_test_add ("/qdpx/no-perspectives", Fixture, NULL, fixture_set_up, test_no_perspectives, fixture_tear_down);
  g_test_add ("/qdpx/nfd-cli", Fixture, NULL, fixture_set_up, test_nfd_cli, fixture_tear_down);
  g_test_add ("/qdpx/nvivo-shape", Fixture, NULL, fixture_set_up, test_nvivo_shape, fixture_tear_down);
  g_test_add ("/qdpx/hostile", Fixture, NULL, fixture_set_up, test_hostile, fixture_tear_down);
  g_test_add ("/qdpx/codebook", Fixture, NULL, fixture_set_up, test_codebook, fixture_tear_down);
  return g_test_run ();
}

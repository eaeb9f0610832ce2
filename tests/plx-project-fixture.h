/* plx-project-fixture.h: a new project in a temporary folder, and helpers
 * to fill it, shared by the project's tests.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <string.h>
#include <glib/gstdio.h>

#include "plx-core.h"
#include "plx-test-utils.h"
#include "plx-test-pg.h"

#define MULTILINGUAL \
  "Armenian: Հայաստանի Հանրապետություն, Երևան.\n" \
  "Azerbaijani: Azərbaycan Respublikası, Bakı — ğ ş ı ö ü ç.\n" \
  "Russian: Российская Федерация, Москва.\n" \
  "Emoji: peace 🕊️, family 👩‍👩‍👧, flags 🇦🇲🇦🇿.\n" \
  "Combining: q\xcc\x87 and å.\n"

/* A storage backend the project tests run against: each test that goes
 * through the project's interface runs once per entry of
 * plx_test_backends: the SQLite file, and a database on a throw-away
 * PostgreSQL server (tests/plx-test-pg.c). */
typedef struct {
  const char  *name;
  const char  *file_name;
  PlxProject *(*create) (const char *location, GError **error);
  PlxProject *(*open)   (const char *location, GError **error);
} PlxTestBackend;

G_GNUC_UNUSED static const PlxTestBackend plx_test_backends[] = {
  { "sqlite", "test.parallax", plx_project_create, plx_project_open },
  { "pg", "test.parallax", plx_test_pg_create_project, plx_test_pg_open_project },
};

typedef struct {
  char                 *dir;
  char                 *path;
  PlxProject           *project;
  const PlxTestBackend *backend;
} Fixture;

/* @data: the PlxTestBackend, or NULL for the SQLite file. */
G_GNUC_UNUSED static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->backend = data != NULL ? data : &plx_test_backends[0];
  fixture->dir = plx_test_make_tempdir ();
  fixture->path = g_build_filename (fixture->dir, fixture->backend->file_name, NULL);
  fixture->project = fixture->backend->create (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->project);
}

G_GNUC_UNUSED static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->project);
  plx_test_remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

G_GNUC_UNUSED static void
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->project);
  fixture->project = fixture->backend->open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->project);
}

G_GNUC_UNUSED static PlxDocument *
add_essay (PlxProject *project)
{
  g_autofree char *path = plx_test_essay_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlxDocument *document = plx_document_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (plx_project_add_document (project, document, &error));
  g_assert_no_error (error);
  g_assert_cmpint (plx_document_get_id (document), >, 0);
  return document;
}

G_GNUC_UNUSED static PlxDocument *
add_text (PlxProject *project,
          const char *text,
          const char *title)
{
  g_autoptr(GError) error = NULL;
  PlxDocument *document = plx_document_new_from_data (text, strlen (text), PLX_DOCUMENT_FORMAT_PLAIN, title, &error);

  g_assert_no_error (error);
  g_assert_true (plx_project_add_document (project, document, &error));
  g_assert_no_error (error);
  return document;
}

G_GNUC_UNUSED static gint64
perspective_id (PlxProject *project,
                const char *name)
{
  PlxPerspective *perspective = plx_project_find_perspective_by_name (project, name);

  g_assert_nonnull (perspective);
  return plx_perspective_get_id (perspective);
}

/* The code-point offset of the first @needle in @document. */
G_GNUC_UNUSED static guint
find_offset (PlxDocument *document,
             const char  *needle)
{
  const char *text = plx_document_get_text (document);
  const char *found = strstr (text, needle);

  g_assert_nonnull (found);
  return plx_document_byte_to_offset (document, (gsize) (found - text));
}

G_GNUC_UNUSED static PlxAnnotation *
annotate (PlxProject   *project,
          PlxDocument  *document,
          const char   *needle,
          const char   *perspective,
          const char  **themes,
          const char   *note,
          const char   *author)
{
  g_autoptr(GError) error = NULL;
  guint start = find_offset (document, needle);
  guint end = start + (guint) g_utf8_strlen (needle, -1);
  PlxAnnotation *annotation = plx_annotation_new_for_range (document, start, end,
                                                            perspective_id (project, perspective), &error);

  g_assert_no_error (error);
  g_assert_cmpstr (plx_annotation_get_quote (annotation), ==, needle);
  plx_annotation_set_themes (annotation, themes);
  plx_annotation_set_note (annotation, note);
  plx_annotation_set_author (annotation, author);
  g_assert_true (plx_project_add_annotation (project, annotation, &error));
  g_assert_no_error (error);
  return annotation;
}

G_GNUC_UNUSED static GPtrArray *
list (PlxProject *project,
      gint64      document_id,
      gint64      perspective,
      const char *theme)
{
  PlxAnnotationQuery query = { document_id, perspective, theme };
  g_autoptr(GError) error = NULL;
  GPtrArray *annotations = plx_project_list_annotations (project, &query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (annotations);
  return annotations;
}

G_GNUC_UNUSED static void
assert_strv (const char * const *got,
             const char * const *expected)
{
  g_assert_cmpuint (g_strv_length ((char **) got), ==, g_strv_length ((char **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (got[i], ==, expected[i]);
}

/* test-merge.c: two copies of a project edited apart, merged by identity:
 * nothing lost, deletions kept, conflicts reported with both versions.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "plx-project-fixture.h"

static void
edit_note (PlxProject *project,
           const char *uuid,
           const char *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxAnnotation) annotation = plx_project_get_annotation (project, uuid, &error);

  g_assert_no_error (error);
  plx_annotation_set_note (annotation, note);
  plx_annotation_touch (annotation);
  g_assert_true (plx_project_update_annotation (project, annotation, &error));
  g_assert_no_error (error);
}

static void
edit_themes (PlxProject  *project,
             const char  *uuid,
             const char **themes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxAnnotation) annotation = plx_project_get_annotation (project, uuid, &error);

  g_assert_no_error (error);
  plx_annotation_set_themes (annotation, themes);
  g_assert_true (plx_project_update_annotation (project, annotation, &error));
  g_assert_no_error (error);
}

static void
delete (PlxProject *project,
        const char *uuid)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (plx_project_delete_annotation (project, uuid, &error));
  g_assert_no_error (error);
}

static PlxAnnotation *
find (PlxProject *project,
      const char *uuid)
{
  g_autoptr(GPtrArray) all = plx_project_list_annotations (project, NULL, NULL);

  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (plx_annotation_get_uuid (g_ptr_array_index (all, i)), uuid) == 0)
      return g_object_ref (g_ptr_array_index (all, i));
  return NULL;
}

static const PlxMergeConflict *
conflict_for (PlxMergeReport *report,
              const char     *uuid)
{
  for (guint i = 0; i < report->conflicts->len; i++)
    {
      const PlxMergeConflict *conflict = g_ptr_array_index (report->conflicts, i);

      if (g_strcmp0 (conflict->uuid, uuid) == 0)
        return conflict;
    }
  return NULL;
}

static void
test_merge_copies (void)
{
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *path_a = g_build_filename (dir, "a.parallax", NULL);
  g_autofree char *path_b = g_build_filename (dir, "b.parallax", NULL);
  g_autofree char *copy = NULL;
  g_autofree char *b_before = NULL;
  g_autofree char *b_after = NULL;
  g_autoptr(PlxProject) a = NULL;
  g_autoptr(PlxProject) b = NULL;
  g_autoptr(PlxMergeReport) report = NULL;
  g_autoptr(PlxMergeReport) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlxDocument) essay = NULL;
  g_autoptr(PlxDocument) multi = NULL;
  g_autoptr(PlxDocument) report_doc = NULL;
  g_autoptr(PlxAnnotation) n_a = NULL;
  g_autoptr(PlxAnnotation) n_b = NULL;
  g_autoptr(PlxAnnotation) n_c = NULL;
  g_autoptr(GPtrArray) merged = NULL;
  const char *needles[] = { "arms dealer", "Minsk Process", "Kazan", "Moscow", "peacekeeping", "Azerbaijan", "Armenia" };
  const char *perspectives[] = { "Russian", "Armenian", "Western", "Azerbaijani" };
  const char *b_themes[] = { "mediation", "leverage", NULL };
  const char *b_themes_final[] = { "leverage", NULL };
  char *uuids[8];
  gsize length = 0;

  /* One project with eight passages, copied as a coder would copy it. */
  a = plx_project_create (path_a, &error);
  g_assert_no_error (error);
  essay = add_essay (a);
  multi = add_text (a, MULTILINGUAL, "Multilingual");
  for (guint i = 0; i < 7; i++)
    {
      g_autoptr(PlxAnnotation) made = annotate (a, essay, needles[i], perspectives[i % 4], NULL, "first reading", "Anahit");
      uuids[i] = g_strdup (plx_annotation_get_uuid (made));
    }
  {
    g_autoptr(PlxAnnotation) made = annotate (a, multi, "Москва", "Russian", NULL, "", "Anahit");
    uuids[7] = g_strdup (plx_annotation_get_uuid (made));
  }
  g_clear_object (&a);
  copy = plx_test_read_file (path_a, &length);
  g_assert_true (g_file_set_contents (path_b, copy, (gssize) length, &error));
  g_assert_no_error (error);

  a = plx_project_open (path_a, &error);
  g_assert_no_error (error);
  b = plx_project_open (path_b, &error);
  g_assert_no_error (error);

  /* Coder A. */
  edit_note (a, uuids[0], "A: a seller to both sides");
  delete (a, uuids[1]);
  edit_note (a, uuids[4], "A: peacekeepers as leverage");
  delete (a, uuids[5]);
  edit_note (a, uuids[6], "A: kept");
  n_a = annotate (a, essay, "cease-fire", "Western", NULL, "A's new passage", "Anahit");

  /* Coder B: twice on one passage, a new perspective, a new document. */
  edit_themes (b, uuids[2], b_themes);
  edit_themes (b, uuids[2], b_themes_final);
  delete (b, uuids[3]);
  edit_note (b, uuids[4], "B: peacekeepers as presence");
  edit_note (b, uuids[5], "B: edited what A deleted");
  delete (b, uuids[6]);
  g_assert_nonnull (plx_project_add_perspective (b, "Turkish", NULL, &error));
  g_assert_no_error (error);
  n_b = annotate (b, essay, "Karabakh", "Turkish", NULL, "B's new passage", "Boris");
  report_doc = add_text (b, "A report from Shusha.\nTalks resumed in Moscow.\n", "Report");
  n_c = annotate (b, report_doc, "Talks resumed", "Russian", NULL, "", "Boris");
  g_clear_object (&b);
  b_before = plx_test_file_checksum (path_b);

  b = plx_project_open (path_b, &error);
  g_assert_no_error (error);
  report = plx_project_merge (a, b, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);

  g_assert_cmpuint (report->added, ==, 2);          /* n_b, n_c */
  g_assert_cmpuint (report->updated, ==, 1);        /* uuids[2], B's second edit */
  g_assert_cmpuint (report->deleted, ==, 1);        /* uuids[3] */
  g_assert_cmpuint (report->kept_deleted, ==, 1);   /* uuids[1] */
  g_assert_cmpuint (report->unchanged, ==, 2);      /* uuids[0] (A's is newer), uuids[7] */
  g_assert_cmpuint (report->documents_added, ==, 1);
  g_assert_cmpuint (report->perspectives_added, ==, 1);
  g_assert_cmpuint (report->conflicts->len, ==, 3);

  /* Both edited: reported with both versions, A's kept. */
  {
    const PlxMergeConflict *both = conflict_for (report, uuids[4]);
    g_autoptr(PlxAnnotation) kept = find (a, uuids[4]);

    g_assert_nonnull (both);
    g_assert_cmpint (both->kind, ==, PLX_MERGE_BOTH_EDITED);
    g_assert_cmpstr (plx_annotation_get_note (both->mine), ==, "A: peacekeepers as leverage");
    g_assert_cmpstr (plx_annotation_get_note (both->theirs), ==, "B: peacekeepers as presence");
    g_assert_cmpstr (plx_annotation_get_note (kept), ==, "A: peacekeepers as leverage");
  }
  /* Deleted by A, edited by B: reported, stays deleted. */
  {
    const PlxMergeConflict *gone = conflict_for (report, uuids[5]);

    g_assert_nonnull (gone);
    g_assert_cmpint (gone->kind, ==, PLX_MERGE_DELETED_EDITED);
    g_assert_null (gone->mine);
    g_assert_cmpstr (plx_annotation_get_note (gone->theirs), ==, "B: edited what A deleted");
    g_assert_null (find (a, uuids[5]));
  }
  /* Edited by A, deleted by B: reported, A's edit kept. */
  {
    const PlxMergeConflict *kept = conflict_for (report, uuids[6]);
    g_autoptr(PlxAnnotation) still = find (a, uuids[6]);

    g_assert_nonnull (kept);
    g_assert_cmpint (kept->kind, ==, PLX_MERGE_EDITED_DELETED);
    g_assert_null (kept->theirs);
    g_assert_nonnull (still);
    g_assert_cmpstr (plx_annotation_get_note (still), ==, "A: kept");
  }

  /* Nothing lost, deletions kept; the state survives reopening. */
  g_clear_object (&a);
  a = plx_project_open (path_a, &error);
  g_assert_no_error (error);
  {
    g_autoptr(PlxAnnotation) first = find (a, uuids[0]);
    g_autoptr(PlxAnnotation) third = find (a, uuids[2]);
    g_autoptr(PlxAnnotation) theirs_new = find (a, plx_annotation_get_uuid (n_b));
    g_autoptr(PlxAnnotation) in_report = find (a, plx_annotation_get_uuid (n_c));
    g_autoptr(PlxAnnotation) mine_new = find (a, plx_annotation_get_uuid (n_a));
    g_autoptr(PlxAnnotation) untouched = find (a, uuids[7]);
    PlxPerspective *turkish = plx_project_find_perspective_by_name (a, "Turkish");

    g_assert_cmpstr (plx_annotation_get_note (first), ==, "A: a seller to both sides");
    g_assert_true (g_strv_equal (plx_annotation_get_themes (third), b_themes_final));
    g_assert_cmpuint (plx_annotation_get_revision (third), ==, 3);
    g_assert_nonnull (turkish);
    g_assert_cmpint (plx_annotation_get_perspective_id (theirs_new), ==, plx_perspective_get_id (turkish));
    g_assert_cmpstr (plx_annotation_get_author (theirs_new), ==, "Boris");
    g_assert_nonnull (in_report);
    g_assert_cmpstr (plx_annotation_get_quote (in_report), ==, "Talks resumed");
    g_assert_nonnull (mine_new);
    g_assert_nonnull (untouched);
    g_assert_null (find (a, uuids[1]));
    g_assert_null (find (a, uuids[3]));
  }
  merged = plx_project_list_annotations (a, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (merged->len, ==, 8);
  {
    g_autoptr(GString) check = g_string_new (NULL);

    g_assert_true (plx_project_check (a, check, &error));
    g_assert_no_error (error);
  }

  /* Merging again changes nothing and reports the same conflicts. */
  again = plx_project_merge (a, b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->added + again->updated + again->deleted, ==, 0);
  g_assert_cmpuint (again->documents_added + again->perspectives_added, ==, 0);
  g_assert_cmpuint (again->conflicts->len, ==, 3);

  /* The source is only read. */
  g_clear_object (&b);
  b_after = plx_test_file_checksum (path_b);
  g_assert_cmpstr (b_after, ==, b_before);

  for (guint i = 0; i < G_N_ELEMENTS (uuids); i++)
    g_free (uuids[i]);
  g_clear_object (&a);
  plx_test_remove_tree (dir);
}

static guint
count_all (PlxProject *project)
{
  g_autoptr(GError) error = NULL;
  guint n = plx_project_count_annotations (project, NULL, &error);

  g_assert_no_error (error);
  return n;
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer data)
{
  GArray *calls = data;

  g_assert_cmpuint (total, ==, 3);
  g_array_append_val (calls, done);
}

/* Copies handed out per coder (blank or not), coded apart and merged back
 * at once: nothing lost, the blank copies delete nothing, one conflict;
 * a bad copy among them leaves the project as it was. */
static void
test_team_hand_out_and_merge (void)
{
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *blank_dir = g_build_filename (dir, "blank", NULL);
  g_autofree char *full_dir = g_build_filename (dir, "full", NULL);
  g_autofree char *path = g_build_filename (dir, "essay.parallax", NULL);
  g_autofree char *junk = g_build_filename (dir, "junk.parallax", NULL);
  g_autoptr(PlxProject) lead = NULL;
  g_autoptr(PlxDocument) essay = NULL;
  g_autoptr(PlxAnnotation) kept = NULL;
  g_autoptr(PlxAnnotation) gone = NULL;
  g_autoptr(PlxAnnotation) after = NULL;
  g_autoptr(GPtrArray) blank = NULL;
  g_autoptr(GPtrArray) full = NULL;
  g_autoptr(GPtrArray) refused = NULL;
  g_autoptr(PlxTeamMerge) merge = NULL;
  g_autoptr(PlxTeamMerge) failed = NULL;
  g_autoptr(GArray) calls = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  const char *blank_coders[] = { "Anahit", "Leyla", NULL };
  const char *full_coders[] = { "Gulnar", NULL };
  const char *twice[] = { "Anahit", "Anahit", NULL };
  const char *nameless[] = { "Anahit", " ", NULL };
  const char *alike[] = { "A/B", "A_B", NULL };
  const char *needles[] = { "Kazan", "Moscow", "peacekeeping" };
  const char *sources[4] = { NULL };
  const char *with_junk[3] = { NULL };

  g_assert_cmpint (g_mkdir (blank_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (full_dir, 0700), ==, 0);
  lead = plx_project_create (path, &error);
  g_assert_no_error (error);
  essay = add_essay (lead);
  kept = annotate (lead, essay, "arms dealer", "Russian", NULL, "", "Lead");
  gone = annotate (lead, essay, "Minsk Process", "Western", NULL, "", "Lead");

  /* Bad input: no copy made. */
  g_assert_null (plx_team_hand_out (lead, blank_dir, twice, TRUE, NULL, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_null (plx_team_hand_out (lead, blank_dir, nameless, TRUE, NULL, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "Coder 2"));
  g_clear_error (&error);
  g_assert_null (plx_team_hand_out (lead, blank_dir, alike, TRUE, NULL, &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE);
  g_clear_error (&error);
  {
    g_autoptr(GDir) listing = g_dir_open (blank_dir, 0, NULL);
    g_assert_null (g_dir_read_name (listing));
  }

  blank = plx_team_hand_out (lead, blank_dir, blank_coders, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (blank->len, ==, 2);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (blank, 1), "essay – Leyla.parallax"));
  full = plx_team_hand_out (lead, full_dir, full_coders, FALSE, NULL, &error);
  g_assert_no_error (error);
  /* A copy already there is a coder's work: never overwritten. */
  refused = plx_team_hand_out (lead, blank_dir, blank_coders, TRUE, NULL, &error);
  g_assert_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE);
  g_assert_null (refused);
  g_clear_error (&error);

  for (guint i = 0; i < 3; i++)
    {
      const char *copy_path = i < 2 ? g_ptr_array_index (blank, i) : g_ptr_array_index (full, 0);
      g_autoptr(PlxProject) copy = plx_project_open (copy_path, &error);
      g_autoptr(GPtrArray) documents = NULL;
      g_autoptr(PlxDocument) text = NULL;
      g_autoptr(PlxAnnotation) made = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (count_all (copy), ==, i < 2 ? 0 : 2);
      documents = plx_project_list_documents (copy, &error);
      g_assert_cmpuint (documents->len, ==, 1);
      g_assert_cmpstr (plx_document_get_uuid (g_ptr_array_index (documents, 0)), ==, plx_document_get_uuid (essay));
      text = plx_project_load_document (copy, plx_document_get_id (g_ptr_array_index (documents, 0)), &error);
      g_assert_no_error (error);
      made = annotate (copy, text, needles[i], "Armenian", NULL, "", full_coders[0]);
      if (i == 2)
        {
          edit_note (copy, plx_annotation_get_uuid (kept), "Gulnar's reading");
          delete (copy, plx_annotation_get_uuid (gone));
        }
      sources[i] = g_ptr_array_index (i < 2 ? blank : full, i < 2 ? i : 0);
    }
  /* The lead edits what Gulnar edited too: a conflict. */
  edit_note (lead, plx_annotation_get_uuid (kept), "the lead's reading");

  /* A broken copy among them: nothing at all is merged. */
  g_assert_true (g_file_set_contents (junk, "not a project", -1, NULL));
  with_junk[0] = sources[0];
  with_junk[1] = junk;
  failed = plx_team_merge (lead, with_junk, NULL, NULL, NULL, &error);
  g_assert_null (failed);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Nothing was merged"));
  g_clear_error (&error);
  g_assert_cmpuint (count_all (lead), ==, 2);

  merge = plx_team_merge (lead, sources, progress_cb, calls, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calls->len, ==, 3);
  g_assert_cmpuint (g_array_index (calls, guint, 2), ==, 3);
  g_assert_cmpuint (merge->reports->len, ==, 3);
  g_assert_cmpuint (merge->added, ==, 3);
  g_assert_cmpuint (merge->updated, ==, 0);
  g_assert_cmpuint (merge->deleted, ==, 1);
  g_assert_cmpuint (merge->conflicts, ==, 1);
  /* The lead's passage stays as the lead has it; the blank copies took
   * nothing away. */
  g_assert_cmpuint (count_all (lead), ==, 4);
  after = find (lead, plx_annotation_get_uuid (kept));
  g_assert_nonnull (after);
  g_assert_cmpstr (plx_annotation_get_note (after), ==, "the lead's reading");
  g_assert_null (find (lead, plx_annotation_get_uuid (gone)));

  g_clear_object (&lead);
  plx_test_remove_tree (dir);
}

/* Perspectives made apart with the same names are found before merging,
 * and a project of another corpus is refused. */
static void
test_team_name_matches (void)
{
  g_autofree char *dir = plx_test_make_tempdir ();
  g_autofree char *path_a = g_build_filename (dir, "a.parallax", NULL);
  g_autofree char *path_b = g_build_filename (dir, "b.parallax", NULL);
  g_autoptr(PlxProject) a = NULL;
  g_autoptr(PlxProject) b = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(PlxDocument) essay = NULL;
  g_autoptr(PlxDocument) other = NULL;
  g_autoptr(GError) error = NULL;

  a = plx_project_create (path_a, &error);
  g_assert_no_error (error);
  b = plx_project_create (path_b, &error);
  g_assert_no_error (error);
  matches = plx_team_name_matches (a, b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, g_list_model_get_n_items (plx_project_get_perspectives (a)));
  g_assert_cmpstr (g_ptr_array_index (matches, 0), ==, "perspective “Armenian”");
  g_clear_pointer (&matches, g_ptr_array_unref);
  matches = plx_team_name_matches (a, a, &error);
  g_assert_cmpuint (matches->len, ==, 0);

  essay = add_essay (a);
  other = add_text (b, MULTILINGUAL, "Multilingual");
  g_assert_false (plx_team_check_source (a, b, "b.parallax", &error));
  g_assert_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "b.parallax shares no document"));
  g_clear_error (&error);
  g_assert_false (plx_team_check_source (a, a, "a.parallax", &error));
  g_assert_nonnull (strstr (error->message, "is the project itself"));

  g_clear_object (&a);
  g_clear_object (&b);
  plx_test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/merge/copies", test_merge_copies);
  g_test_add_func ("/core/team/hand-out-and-merge", test_team_hand_out_and_merge);
  g_test_add_func ("/core/team/name-matches", test_team_name_matches);
  return g_test_run ();
}

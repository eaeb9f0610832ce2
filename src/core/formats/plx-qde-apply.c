/* plx-qde-apply.c: a checked REFI-QDA file into the project, inside the
 * transaction plx-qde-read.c opened: perspectives, new documents, then
 * one passage per selection and perspective.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-format-qdpx"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "plx-error.h"
#include "plx-import-perspectives.h"
#include "plx-project-private.h"
#include "plx-qde-read-private.h"
#include "plx-text.h"
#include "plx-theme-ops.h"

/* ---- writing ---- */

static gboolean
newer (const char *a,
       const char *b)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time_a = g_date_time_new_from_iso8601 (a, utc);
  g_autoptr(GDateTime) time_b = g_date_time_new_from_iso8601 (b, utc);

  return time_a != NULL && time_b != NULL && g_date_time_compare (time_a, time_b) > 0;
}

const char *
_plx_qde_unassigned_name (void)
{
  return _("Imported");
}

static gboolean
write_perspectives (Reader      *r,
                    GError     **error)
{
  g_autoptr(GPtrArray) file_perspectives = g_ptr_array_new_with_free_func (_plx_file_perspective_free);

  for (guint i = 0; i < r->code_list->len; i++)
    {
      Code *code = g_ptr_array_index (r->code_list, i);
      PlxFilePerspective *p;

      if (code->role != CODE_PERSPECTIVE)
        continue;
      if (plx_project_find_perspective_by_name (r->project, code->name) == NULL)
        {
          if (_plx_project_add_perspective_as (r->project, code->name, code->color, code->guid, error) == NULL)
            return FALSE;
          r->report->perspectives_added++;
        }
      p = g_new0 (PlxFilePerspective, 1);
      p->name = g_strdup (code->name);
      p->color = g_strdup (code->color);
      p->order = (int) file_perspectives->len;
      p->index = file_perspectives->len;
      g_ptr_array_add (file_perspectives, p);
    }
  if (r->unassigned > 0 &&
      !_plx_import_ensure_perspective (r->project, _plx_qde_unassigned_name (), NULL, &r->report->perspectives_added, error))
    return FALSE;
  return _plx_import_native_perspectives (r->project, file_perspectives, &r->report->perspectives_added, error);
}

static gboolean
write_selection (Reader      *r,
                 Source      *source,
                 Selection   *s,
                 GError     **error)
{
  g_autoptr(GPtrArray) themes = g_ptr_array_new ();
  g_autoptr(GPtrArray) perspectives = g_ptr_array_new ();

  for (guint c = 0; c < s->codes->len; c++)
    {
      Code *code = g_ptr_array_index (s->codes, c);

      if (code->role == CODE_PERSPECTIVE)
        g_ptr_array_add (perspectives, code);
      else if (*code->name != '\0' && !g_ptr_array_find_with_equal_func (themes, code->name, g_str_equal, NULL))
        g_ptr_array_add (themes, code->name);
    }
  g_ptr_array_add (themes, NULL);
  if (perspectives->len == 0)
    g_ptr_array_add (perspectives, NULL);

  /* One passage per perspective: the first keeps the selection's GUID. */
  for (guint i = 0; i < perspectives->len; i++)
    {
      Code *code = g_ptr_array_index (perspectives, i);
      PlxPerspective *perspective = plx_project_find_perspective_by_name (r->project, code ? code->name : _plx_qde_unassigned_name ());
      g_autoptr(PlxAnnotation) annotation = g_object_new (PLX_TYPE_ANNOTATION, NULL);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *uuid = i == 0 ? g_strdup (s->guid) : _plx_qdpx_derived_guid (s->guid, code->guid);
      g_autoptr(PlxAnnotation) old = NULL;

      plx_annotation_set_uuid (annotation, uuid);
      plx_annotation_set_range (annotation, source->document, s->at_start, s->at_end);
      plx_annotation_set_perspective_id (annotation, plx_perspective_get_id (perspective));
      plx_annotation_set_themes (annotation, (const char * const *) themes->pdata);
      plx_annotation_set_note (annotation, s->note);
      plx_annotation_set_author (annotation, s->author);
      plx_annotation_set_times (annotation, s->created, s->modified);

      if (!source->is_new && g_hash_table_contains (r->project_uuids, uuid))
        old = plx_project_get_annotation (r->project, uuid, NULL);
      if (old != NULL && (plx_annotation_equal (old, annotation) || !newer (s->modified, plx_annotation_get_modified (old))))
        {
          r->report->skipped++;
          continue;
        }
      if (old != NULL ? !plx_project_update_annotation (r->project, annotation, &local_error)
                      : !plx_project_add_annotation (r->project, annotation, &local_error))
        return _plx_qde_fail (r, error, s->line, "%s", local_error->message);
      if (old != NULL)
        r->report->updated++;
      else
        r->report->added++;
    }
  return TRUE;
}

/* The file's theme codes become the codebook, parents first (the file
 * nests them, so its order has them first), with their GUIDs as UUIDs and
 * their descriptions as definitions. A theme the project has already, by
 * GUID or by name, is kept as it is. */
static gboolean
write_codebook (Reader  *r,
                GError **error)
{
  /* Code → the UUID of its theme here */
  g_autoptr(GHashTable) uuids = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  for (guint i = 0; i < r->code_list->len; i++)
    {
      Code *code = g_ptr_array_index (r->code_list, i);
      g_autoptr(GPtrArray) codebook = NULL;
      g_autoptr(PlxChangeSet) changes = NULL;
      g_autoptr(PlxTheme) theme = NULL;
      g_autoptr(GError) local_error = NULL;
      PlxTheme *existing;

      if (code->role != CODE_THEME || *code->name == '\0')
        continue;
      if ((codebook = plx_project_list_codebook (r->project, error)) == NULL)
        return FALSE;
      if ((existing = plx_codebook_lookup (codebook, code->guid)) == NULL)
        existing = plx_codebook_lookup (codebook, code->name);
      if (existing != NULL && (g_strcmp0 (plx_theme_get_uuid (existing), code->guid) == 0 ||
                               g_strcmp0 (plx_theme_get_name (existing), code->name) == 0))
        {
          g_hash_table_insert (uuids, code, g_strdup (plx_theme_get_uuid (existing)));
          continue;
        }
      theme = plx_theme_new (code->guid, code->name);
      plx_theme_set_description (theme, code->description ? code->description : "");
      if (code->parent != NULL)
        plx_theme_set_parent_uuid (theme, g_hash_table_lookup (uuids, code->parent));
      changes = plx_change_set_new ();
      plx_change_set_add_theme (changes, NULL, theme);
      if (!plx_project_apply (r->project, changes, &local_error))
        return _plx_qde_fail (r, error, code->line, "%s", local_error->message);
      g_hash_table_insert (uuids, code, g_strdup (code->guid));
      r->report->themes_added++;
    }
  return TRUE;
}

gboolean
_plx_qde_write_all (Reader      *r,
           GError     **error)
{
  if (!write_perspectives (r, error) || !write_codebook (r, error))
    return FALSE;
  for (guint i = 0; i < r->sources->len; i++)
    {
      Source *source = g_ptr_array_index (r->sources, i);

      if (!source->is_new)
        continue;
      if (!plx_project_add_document (r->project, source->document, error))
        return FALSE;
      r->report->documents_added++;
    }
  for (guint i = 0; i < r->sources->len; i++)
    {
      Source *source = g_ptr_array_index (r->sources, i);

      for (guint j = 0; j < source->selections->len; j++)
        {
          Selection *s = g_ptr_array_index (source->selections, j);

          if (s->placed && !write_selection (r, source, s, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Refuses a file that would take the project past its perspectives. */
gboolean
_plx_qde_check_perspective_count (Reader      *r,
                         GError     **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint existing = g_list_model_get_n_items (plx_project_get_perspectives (r->project));

  for (guint i = 0; i < r->code_list->len; i++)
    {
      Code *code = g_ptr_array_index (r->code_list, i);

      if (code->role == CODE_PERSPECTIVE && plx_project_find_perspective_by_name (r->project, code->name) == NULL)
        g_hash_table_add (names, g_utf8_casefold (code->name, -1));
    }
  if (r->unassigned > 0 && plx_project_find_perspective_by_name (r->project, _plx_qde_unassigned_name ()) == NULL)
    g_hash_table_add (names, g_utf8_casefold (_plx_qde_unassigned_name (), -1));
  if (existing + g_hash_table_size (names) > PLX_IMPORT_MAX_PERSPECTIVES)
    return _plx_qde_fail (r, error, 0, _("the file would add %u perspectives to the %u this project has; a project holds at most %d"),
                 g_hash_table_size (names), existing, PLX_IMPORT_MAX_PERSPECTIVES);
  return TRUE;
}


/* plx-project.c: the project as the rest of Parallax sees it: the model
 * (perspectives, documents, annotations), validation and change signals.
 * Rows are read and written through a PlxStore.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-project"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "plx-error.h"
#include "plx-project-private.h"
#include "plx-sqlite-store.h"
#include "plx-pg-store.h"
#include "plx-text.h"

G_DEFINE_FINAL_TYPE (PlxProject, plx_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

enum {
  CHANGES_COMMITTED,
  EXTERNAL_CHANGE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Okabe–Ito: told apart under the common colour-vision deficiencies. */
static const struct {
  const char *name;
  const char *color;
} default_perspectives[] = {
  { N_("Armenian"), "#E69F00" },
  { N_("Azerbaijani"), "#0072B2" },
  { N_("Western"), "#009E73" },
  { N_("Russian"), "#CC79A7" },
};

static const char *spare_colors[] = {
  "#56B4E9", "#D55E00", "#F0E442", "#000000",
};


static void
plx_project_finalize (GObject *object)
{
  PlxProject *self = (PlxProject *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->perspectives);
  g_clear_pointer (&self->documents, g_hash_table_unref);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_object (&self->pending);

  G_OBJECT_CLASS (plx_project_parent_class)->finalize (object);
}

static void
plx_project_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PlxProject *self = PLX_PROJECT (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, plx_project_get_path (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plx_project_class_init (PlxProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plx_project_finalize;
  object_class->get_property = plx_project_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PlxProject::changes-committed:
   * @changes: what changed, each thing as it was and as it is now
   *
   * Emitted once for each change made through plx_project_apply() (and
   * the functions built on it), after it is committed: a change made
   * inside an outer transaction is announced, with the others, when that
   * one commits, and never when it is rolled back.
   */
  signals[CHANGES_COMMITTED] =
    g_signal_new ("changes-committed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PLX_TYPE_CHANGE_SET);

  /**
   * PlxProject::external-change:
   *
   * Emitted by plx_project_sync_external_changes() when another connection
   * (another process or window) committed changes; the perspectives have
   * been reloaded already, annotation lists should reload theirs.
   */
  signals[EXTERNAL_CHANGE] =
    g_signal_new ("external-change", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
plx_project_init (PlxProject *self)
{
  self->perspectives = g_list_store_new (PLX_TYPE_PERSPECTIVE);
  self->documents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->marks = g_array_new (FALSE, FALSE, sizeof (guint));
  self->pending = plx_change_set_new ();
}

void
_plx_project_emit_committed (PlxProject   *self,
                             PlxChangeSet *changes)
{
  g_signal_emit (self, signals[CHANGES_COMMITTED], 0, changes);
}

gboolean
_plx_project_load_perspectives (PlxProject  *self,
                                GError     **error)
{
  g_autoptr(GPtrArray) loaded = plx_store_list_perspectives (self->store, error);

  if (loaded == NULL)
    return FALSE;
  g_list_store_splice (self->perspectives, 0, g_list_model_get_n_items (G_LIST_MODEL (self->perspectives)),
                       loaded->pdata, loaded->len);
  return TRUE;
}

/* Whether the perspectives in memory are those in the store, so that an
 * unrelated change elsewhere does not rebuild every panel. */
static gboolean
perspectives_match_store (PlxProject *self)
{
  g_autoptr(GPtrArray) stored = plx_store_list_perspectives (self->store, NULL);
  GListModel *model = G_LIST_MODEL (self->perspectives);

  if (stored == NULL || stored->len != g_list_model_get_n_items (model))
    return FALSE;
  for (guint i = 0; i < stored->len; i++)
    {
      g_autoptr(PlxPerspective) known = g_list_model_get_item (model, i);
      PlxPerspective *row = g_ptr_array_index (stored, i);

      if (plx_perspective_get_id (known) != plx_perspective_get_id (row) ||
          g_strcmp0 (plx_perspective_get_name (known), plx_perspective_get_name (row)) != 0 ||
          g_strcmp0 (plx_perspective_get_color (known), plx_perspective_get_color (row)) != 0 ||
          plx_perspective_get_position (known) != plx_perspective_get_position (row))
        return FALSE;
    }
  return TRUE;
}

/**
 * plx_project_new_for_store:
 * @store: an open store
 *
 * The project over @store, whichever backend it is.
 */
PlxProject *
plx_project_new_for_store (PlxStore  *store,
                           GError   **error)
{
  g_autoptr(PlxProject) self = NULL;

  g_return_val_if_fail (PLX_IS_STORE (store), NULL);

  self = g_object_new (PLX_TYPE_PROJECT, NULL);
  self->store = g_object_ref (store);
  if (!_plx_project_load_perspectives (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

PlxStore *
plx_project_get_store (PlxProject *self)
{
  g_return_val_if_fail (PLX_IS_PROJECT (self), NULL);
  return self->store;
}

static PlxProject *
open_project (const char  *path,
              gboolean     check,
              GError     **error)
{
  g_autoptr(PlxStore) store = NULL;

  /* A postgresql:// URI names a team project on a server. */
  if (plx_pg_store_is_uri (path))
    store = plx_pg_store_open (path, error);
  else
    store = plx_sqlite_store_open (path, check, error);
  return store != NULL ? plx_project_new_for_store (store, error) : NULL;
}

PlxProject *
plx_project_open (const char  *path,
                  GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  return open_project (path, TRUE, error);
}

/**
 * plx_project_open_for_reading:
 *
 * Opens the project at @path for commands that only read it: as
 * plx_project_open() when it can be written, and read-only when its file
 * or folder is read-only (then every change fails with
 * %PLX_ERROR_READ_ONLY).
 */
PlxProject *
plx_project_open_for_reading (const char  *path,
                              GError     **error)
{
  g_autoptr(PlxStore) store = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  if (plx_pg_store_is_uri (path))
    store = plx_pg_store_open (path, error);
  else
    store = plx_sqlite_store_open_for_reading (path, error);
  return store != NULL ? plx_project_new_for_store (store, error) : NULL;
}

/**
 * plx_project_set_log_aside:
 * @path: a project refused with %PLX_ERROR_FOREIGN_LOG
 * @aside_path: (out) (transfer full): where the log was moved
 *
 * Moves the write-ahead log that does not belong to the project at @path
 * out of the way (it is renamed, not deleted), so that the project opens
 * as its file holds it. Refuses when the log is the project's own.
 */
gboolean
plx_project_set_log_aside (const char  *path,
                           char       **aside_path,
                           GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (aside_path != NULL, FALSE);
  return plx_sqlite_store_set_log_aside (path, aside_path, error);
}

/* ---- opening in a worker ---- */

typedef struct {
  char        *path;
  gint64       wanted_document;
  PlxProject  *project;
  PlxDocument *document;
} OpenJob;

static void
open_job_free (gpointer data)
{
  OpenJob *job = data;

  g_free (job->path);
  g_clear_object (&job->project);
  g_clear_object (&job->document);
  g_free (job);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenJob *job = task_data;
  g_autoptr(GArray) summaries = NULL;
  g_autoptr(GError) error = NULL;
  gint64 shown;

  job->project = plx_project_open (job->path, &error);
  if (job->project == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  summaries = plx_project_list_document_summaries (job->project, &error);
  if (summaries == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  shown = plx_document_summaries_pick (summaries, job->wanted_document);
  if (shown != 0 && !g_cancellable_is_cancelled (cancellable) &&
      (job->document = plx_project_load_document (job->project, shown, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * plx_project_open_async:
 * @wanted_document: the document to read with the project, if it has it;
 *   else the newest one is read
 *
 * Opens the project at @path as plx_project_open() does, and reads the
 * document that is to be shown, in a worker thread: an application can
 * do it while its toolkit starts. The project and the document are handed
 * to the main thread with plx_project_open_finish().
 */
void
plx_project_open_async (const char          *path,
                        gint64               wanted_document,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  OpenJob *job = g_new0 (OpenJob, 1);

  g_return_if_fail (path != NULL);

  job->path = g_strdup (path);
  job->wanted_document = wanted_document;
  g_task_set_source_tag (task, plx_project_open_async);
  g_task_set_task_data (task, job, open_job_free);
  g_task_run_in_thread (task, open_thread);
}

/**
 * plx_project_open_finish:
 * @document: (out) (transfer full) (nullable): the document read, or
 *   %NULL when the project has none
 */
PlxProject *
plx_project_open_finish (GAsyncResult  *result,
                         PlxDocument  **document,
                         GError       **error)
{
  OpenJob *job;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (document != NULL, NULL);

  *document = NULL;
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  job = g_task_get_task_data (G_TASK (result));
  *document = g_steal_pointer (&job->document);
  return g_steal_pointer (&job->project);
}

/* The document a window shows on opening a project: the one it showed
 * last time, else the newest. 0 when there is none. */
gint64
plx_document_summaries_pick (GArray *summaries,
                             gint64  wanted_document)
{
  gint64 shown = 0;

  g_return_val_if_fail (summaries != NULL, 0);

  for (guint i = 0; i < summaries->len; i++)
    {
      shown = g_array_index (summaries, PlxDocumentSummary, i).id;
      if (shown == wanted_document)
        break;
    }
  return shown;
}

/**
 * plx_document_summaries_resolve:
 * @id_or_title: a document as a user names it: its id or, failing that,
 *   its exact title
 *
 * Returns: whether it names one document, whose id is then in *@id
 */
gboolean
plx_document_summaries_resolve (GArray      *summaries,
                                const char  *id_or_title,
                                gint64      *id,
                                GError     **error)
{
  guint matches = 0;
  char *end = NULL;
  gint64 wanted;

  g_return_val_if_fail (summaries != NULL && id_or_title != NULL, FALSE);

  wanted = g_ascii_strtoll (id_or_title, &end, 10);
  if (end != id_or_title && *end == '\0')
    for (guint i = 0; i < summaries->len; i++)
      if (g_array_index (summaries, PlxDocumentSummary, i).id == wanted)
        {
          *id = wanted;
          return TRUE;
        }
  for (guint i = 0; i < summaries->len; i++)
    if (g_strcmp0 (g_array_index (summaries, PlxDocumentSummary, i).title, id_or_title) == 0)
      {
        *id = g_array_index (summaries, PlxDocumentSummary, i).id;
        matches++;
      }
  if (matches == 1)
    return TRUE;
  if (matches > 1)
    g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                 _("Several documents are titled “%s”; name one by its id"), id_or_title);
  else
    g_set_error (error, PLX_ERROR, PLX_ERROR_NOT_FOUND, _("There is no document “%s” in this project"),
                 id_or_title);
  return FALSE;
}

/**
 * plx_project_open_another:
 * @self: a project opened with plx_project_open()
 *
 * Opens a second connection to the same project, for a worker thread.
 */
PlxProject *
plx_project_open_another (PlxProject  *self,
                          GError     **error)
{
  g_autoptr(PlxStore) store = NULL;

  g_return_val_if_fail (PLX_IS_PROJECT (self), NULL);

  store = plx_store_open_another (self->store, error);
  return store != NULL ? plx_project_new_for_store (store, error) : NULL;
}

/* Picks up what other connections committed since the last call. Returns
 * whether anything changed; cheap when nothing did, so it can be polled. */
gboolean
plx_project_sync_external_changes (PlxProject  *self,
                                   GError     **error)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (PLX_IS_PROJECT (self), FALSE);

  if (self->marks->len > 0 || !plx_store_poll_external (self->store, &changed, error) || !changed)
    return FALSE;

  /* Documents are immutable once added, so cached ones stay valid. */
  if (!perspectives_match_store (self) && !_plx_project_load_perspectives (self, error))
    return FALSE;
  g_signal_emit (self, signals[EXTERNAL_CHANGE], 0);
  return TRUE;
}

PlxProject *
plx_project_create (const char  *path,
                    GError     **error)
{
  g_autoptr(GPtrArray) perspectives = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PlxStore) store = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (default_perspectives); i++)
    g_ptr_array_add (perspectives, plx_perspective_new (0, _(default_perspectives[i].name),
                                                        default_perspectives[i].color, (int) i));
  if (plx_pg_store_is_uri (path))
    store = plx_pg_store_create (path, perspectives, error);
  else
    store = plx_sqlite_store_create (path, perspectives, error);
  return store != NULL ? plx_project_new_for_store (store, error) : NULL;
}

/**
 * plx_project_is_server_location:
 *
 * Whether @location names a team project on a PostgreSQL server (a
 * postgresql:// or postgres:// URI) rather than a project file; both open
 * with plx_project_open() and the functions like it.
 */
gboolean
plx_project_is_server_location (const char *location)
{
  return plx_pg_store_is_uri (location);
}

/**
 * plx_project_add_team_member:
 * @name: a PostgreSQL login role, made if it does not exist
 * @role: "reader", "coder", "lead" or "admin"
 *
 * Gives @name that role, and no other, in a team project; the server
 * enforces it (docs/team-server.md). Refused for a project file.
 */
gboolean
plx_project_add_team_member (PlxProject  *self,
                             const char  *name,
                             const char  *role,
                             GError     **error)
{
  g_return_val_if_fail (PLX_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (name != NULL && role != NULL, FALSE);

  if (!PLX_IS_PG_STORE (self->store))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                   _("%s is a project file: only a team project on a server has members and roles"),
                   plx_store_get_location (self->store));
      return FALSE;
    }
  return plx_pg_store_add_member (PLX_PG_STORE (self->store), name, role, error);
}

const char *
plx_project_get_path (PlxProject *self)
{
  g_return_val_if_fail (PLX_IS_PROJECT (self), NULL);
  return plx_store_get_location (self->store);
}

/* ---- perspectives ---- */

GListModel *
plx_project_get_perspectives (PlxProject *self)
{
  g_return_val_if_fail (PLX_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->perspectives);
}

guint
_plx_project_perspective_index (PlxProject *self,
                   gint64      id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->perspectives));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (G_LIST_MODEL (self->perspectives), i);

      if (plx_perspective_get_id (perspective) == id)
        return i;
    }
  return G_MAXUINT;
}

PlxPerspective *
plx_project_find_perspective (PlxProject *self,
                              gint64      id)
{
  guint index;
  g_autoptr(PlxPerspective) perspective = NULL;

  g_return_val_if_fail (PLX_IS_PROJECT (self), NULL);

  index = _plx_project_perspective_index (self, id);
  if (index == G_MAXUINT)
    return NULL;
  perspective = g_list_model_get_item (G_LIST_MODEL (self->perspectives), index);
  return perspective;  /* the store keeps it alive */
}

PlxPerspective *
plx_project_find_perspective_by_name (PlxProject *self,
                                      const char *name)
{
  g_autofree char *wanted = NULL;
  guint n;

  g_return_val_if_fail (PLX_IS_PROJECT (self), NULL);

  wanted = g_utf8_casefold (name, -1);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->perspectives));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlxPerspective) perspective = g_list_model_get_item (G_LIST_MODEL (self->perspectives), i);
      g_autofree char *folded = g_utf8_casefold (plx_perspective_get_name (perspective), -1);

      if (strcmp (folded, wanted) == 0)
        return perspective;
    }
  return NULL;
}

gboolean
_plx_project_check_perspective_name (PlxProject  *self,
                        const char  *name,
                        gint64       except_id,
                        GError     **error)
{
  PlxPerspective *existing;

  if (name == NULL || *name == '\0' || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT, _("A perspective needs a name"));
      return FALSE;
    }
  existing = plx_project_find_perspective_by_name (self, name);
  if (existing != NULL && plx_perspective_get_id (existing) != except_id)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_DUPLICATE,
                   _("There is already a perspective named “%s”"), plx_perspective_get_name (existing));
      return FALSE;
    }
  return TRUE;
}

gboolean
_plx_project_check_color (const char  *color,
             GError     **error)
{
  if (!plx_perspective_color_is_valid (color))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a colour; write it as #rrggbb, for example #E69F00"),
                   color ? color : "");
      return FALSE;
    }
  return TRUE;
}

const char *
_plx_project_next_spare_color (PlxProject *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->perspectives));

  for (guint c = 0; c < G_N_ELEMENTS (spare_colors); c++)
    {
      gboolean used = FALSE;

      for (guint i = 0; i < n && !used; i++)
        {
          g_autoptr(PlxPerspective) perspective = g_list_model_get_item (G_LIST_MODEL (self->perspectives), i);
          used = g_ascii_strcasecmp (plx_perspective_get_color (perspective), spare_colors[c]) == 0;
        }
      if (!used)
        return spare_colors[c];
    }
  return spare_colors[n % G_N_ELEMENTS (spare_colors)];
}

/* ---- documents ---- */

PlxDocument *
plx_project_load_document (PlxProject  *self,
                           gint64       id,
                           GError     **error)
{
  PlxDocument *document;

  g_return_val_if_fail (PLX_IS_PROJECT (self), NULL);

  document = g_hash_table_lookup (self->documents, &id);
  if (document != NULL)
    return g_object_ref (document);

  document = plx_store_load_document (self->store, id, error);
  if (document != NULL)
    g_hash_table_insert (self->documents, g_memdup2 (&id, sizeof id), g_object_ref (document));
  return document;
}

typedef struct {
  PlxProject *project;
  gint64      id;
} LoadJob;

static void
load_job_free (gpointer data)
{
  LoadJob *job = data;

  g_clear_object (&job->project);
  g_free (job);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadJob *job = task_data;
  g_autoptr(PlxProject) worker = NULL;
  g_autoptr(GError) error = NULL;
  PlxDocument *document = NULL;

  worker = plx_project_open_another (job->project, &error);
  if (worker != NULL)
    document = plx_project_load_document (worker, job->id, &error);
  if (document == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, document, g_object_unref);
}

/**
 * plx_project_load_document_async:
 *
 * Reads a document on a connection of its own in a worker thread, so that
 * a long text does not hold up the caller's main loop. The document joins
 * @self's cache in plx_project_load_document_finish().
 */
void
plx_project_load_document_async (PlxProject          *self,
                                 gint64               id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadJob *job;
  PlxDocument *cached;

  g_return_if_fail (PLX_IS_PROJECT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, plx_project_load_document_async);
  cached = g_hash_table_lookup (self->documents, &id);
  if (cached != NULL)
    {
      g_task_return_pointer (task, g_object_ref (cached), g_object_unref);
      return;
    }
  job = g_new0 (LoadJob, 1);
  job->project = g_object_ref (self);
  job->id = id;
  g_task_set_task_data (task, job, load_job_free);
  g_task_run_in_thread (task, load_thread);
}

PlxDocument *
plx_project_load_document_finish (PlxProject    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_autoptr(PlxDocument) document = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  document = g_task_propagate_pointer (G_TASK (result), error);
  if (document == NULL)
    return NULL;
  plx_project_adopt_document (self, document);
  return g_steal_pointer (&document);
}

/* Ids and titles without touching any text (even length() would read a
 * book-length source through): what a document menu needs. */
GArray *
plx_project_list_document_summaries (PlxProject  *self,
                                     GError     **error)
{
  g_return_val_if_fail (PLX_IS_PROJECT (self), NULL);
  return plx_store_list_documents (self->store, error);
}

/* Takes a document read elsewhere (another thread, on its own
 * connection) into this project's cache, so it is not read twice. */
void
plx_project_adopt_document (PlxProject  *self,
                            PlxDocument *document)
{
  gint64 id = plx_document_get_id (document);

  g_return_if_fail (PLX_IS_PROJECT (self));

  if (!g_hash_table_contains (self->documents, &id))
    g_hash_table_insert (self->documents, g_memdup2 (&id, sizeof id), g_object_ref (document));
}

GPtrArray *
plx_project_list_documents (PlxProject  *self,
                            GError     **error)
{
  g_autoptr(GArray) summaries = NULL;
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (PLX_IS_PROJECT (self), NULL);

  summaries = plx_store_list_documents (self->store, error);
  if (summaries == NULL)
    return NULL;
  for (guint i = 0; i < summaries->len; i++)
    {
      PlxDocument *document = plx_project_load_document (self, g_array_index (summaries, PlxDocumentSummary, i).id,
                                                         error);

      if (document == NULL)
        return NULL;
      g_ptr_array_add (documents, document);
    }
  return g_steal_pointer (&documents);
}

/**
 * plx_project_dup_document_original:
 *
 * The bytes of the file document @id was read from, to export it again.
 */
GBytes *
plx_project_dup_document_original (PlxProject  *self,
                                   gint64       id,
                                   GError     **error)
{
  g_return_val_if_fail (PLX_IS_PROJECT (self), NULL);
  return plx_store_load_original (self->store, id, error);
}

/**
 * plx_project_set_document_info:
 * @meta: (array fixed-size=4): author or outlet, date, URL and language
 *   (PlxDocumentMeta order); "" or %NULL for none
 *
 * Changes what the user knows of document @id, as one change set like any
 * other (announced by ::changes-committed, undone by its inverse). The
 * document the project hands out is a new one once the change is stored.
 */
gboolean
plx_project_set_document_info (PlxProject         *self,
                               gint64              id,
                               const char         *title,
                               const char * const *meta,
                               GError            **error)
{
  g_autoptr(PlxChangeSet) changes = NULL;

  g_return_val_if_fail (PLX_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (meta != NULL, FALSE);

  changes = _plx_project_changes_set_document_info (self, id, title, meta, error);
  return changes != NULL && plx_project_apply (self, changes, error);
}

/* ---- annotations ---- */

gboolean
_plx_project_validate_annotation (PlxProject     *self,
                     PlxAnnotation  *annotation,
                     GError        **error)
{
  g_autoptr(PlxDocument) document = NULL;
  gint64 perspective_id = plx_annotation_get_perspective_id (annotation);

  if (!plx_text_is_uuid (plx_annotation_get_uuid (annotation)))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a UUID"), plx_annotation_get_uuid (annotation));
      return FALSE;
    }
  if (plx_project_find_perspective (self, perspective_id) == NULL)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_UNKNOWN_PERSPECTIVE,
                   _("There is no perspective with id %" PRId64 " in this project"), perspective_id);
      return FALSE;
    }
  if (!plx_text_is_iso8601 (plx_annotation_get_created (annotation)) ||
      !plx_text_is_iso8601 (plx_annotation_get_modified (annotation)))
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                   _("The annotation’s times “%s” and “%s” must be ISO 8601 date-times"),
                   plx_annotation_get_created (annotation), plx_annotation_get_modified (annotation));
      return FALSE;
    }
  document = plx_project_load_document (self, plx_annotation_get_document_id (annotation), error);
  return document != NULL && plx_annotation_check_text (annotation, document, error);
}

GPtrArray *
plx_project_list_annotations (PlxProject                *self,
                              const PlxAnnotationQuery  *query,
                              GError                   **error)
{
  g_return_val_if_fail (PLX_IS_PROJECT (self), NULL);
  return plx_store_list_annotations (self->store, query, error);
}

guint
plx_project_count_annotations (PlxProject                *self,
                               const PlxAnnotationQuery  *query,
                               GError                   **error)
{
  guint count = 0;

  g_return_val_if_fail (PLX_IS_PROJECT (self), 0);

  if (!plx_store_count_annotations (self->store, query, &count, error))
    return 0;
  return count;
}

PlxAnnotation *
plx_project_get_annotation (PlxProject  *self,
                            const char  *uuid,
                            GError     **error)
{
  g_return_val_if_fail (PLX_IS_PROJECT (self), NULL);
  return plx_store_get_annotation (self->store, uuid, error);
}

/* Themes in use, most used first, for completion and filters. */
char **
plx_project_list_themes (PlxProject  *self,
                         GError     **error)
{
  g_return_val_if_fail (PLX_IS_PROJECT (self), NULL);
  return plx_store_list_themes (self->store, error);
}

/* What was deleted, for a merge to see. */
GArray *
plx_project_list_tombstones (PlxProject  *self,
                             GError     **error)
{
  g_return_val_if_fail (PLX_IS_PROJECT (self), NULL);
  return plx_store_list_tombstones (self->store, error);
}

/* Puts every committed change into the project file itself, so the file
 * alone holds the project: done when a window lets go of it. */
gboolean
plx_project_checkpoint (PlxProject  *self,
                        GError     **error)
{
  g_return_val_if_fail (PLX_IS_PROJECT (self), FALSE);
  return plx_store_checkpoint (self->store, error);
}

/* A full check: the store's own, every document's stored text, and that
 * every stored quote is still the text at its offsets. Problems go to @report; the return value says
 * whether there were none. */
gboolean
plx_project_check (PlxProject  *self,
                   GString     *report,
                   GError     **error)
{
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GArray) summaries = NULL;
  g_autoptr(GError) store_error = NULL;
  guint problems = 0;

  g_return_val_if_fail (PLX_IS_PROJECT (self), FALSE);

  if (!plx_store_check (self->store, report, &store_error))
    {
      if (store_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&store_error));
          return FALSE;
        }
      problems++;
    }

  /* Every document's stored text, read afresh (not from the cache):
   * valid UTF-8 and the hash it was stored with, annotated or not. */
  summaries = plx_store_list_documents (self->store, error);
  if (summaries == NULL)
    return FALSE;
  for (guint i = 0; i < summaries->len; i++)
    {
      gint64 id = g_array_index (summaries, PlxDocumentSummary, i).id;
      g_autoptr(PlxDocument) document = NULL;
      g_autoptr(GError) local_error = NULL;

      document = plx_store_load_document (self->store, id, &local_error);
      if (document == NULL)
        {
          g_string_append_printf (report, "document %" G_GINT64_FORMAT ": %s\n", id, local_error->message);
          problems++;
        }
    }

  annotations = plx_project_list_annotations (self, NULL, error);
  if (annotations == NULL)
    return FALSE;
  for (guint i = 0; i < annotations->len; i++)
    {
      PlxAnnotation *annotation = g_ptr_array_index (annotations, i);
      g_autoptr(GError) local_error = NULL;

      if (!_plx_project_validate_annotation (self, annotation, &local_error))
        {
          g_string_append_printf (report, "annotation %s: %s\n",
                                  plx_annotation_get_uuid (annotation), local_error->message);
          problems++;
        }
    }
  return problems == 0;
}

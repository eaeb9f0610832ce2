/* plx-agreement.c: a project's passages, grouped by their author (the
 * coder), turned into reliability tables and measured. Three questions
 * are kept apart: where the passages are (unitizing, over character
 * positions), whose voice a passage is (its perspective, on passages the
 * coders both marked) and what it is about (its themes, as sets).
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-agreement"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "plx-agreement.h"
#include "plx-error.h"
#include "plx-worker.h"

/* Resamples are drawn from a fixed seed: the same project gives the same
 * intervals on every run and machine. */
#define BOOTSTRAP_SEED 20261203u

typedef struct {
  guint  document;      /* index into the documents */
  guint  coder;
  guint  start;
  guint  end;
  int    perspective;   /* index into the project's perspectives */
  int    themes;        /* index into the distinct theme sets */
  const char * const *theme_names;
} Passage;

/* Passages of different coders taken as one: each coder at most once. */
typedef struct {
  guint  start;
  guint  end;
  int   *passage;       /* per coder: index into the passages, or -1 */
  guint  document;      /* index into the documents */
} Unit;

typedef struct {
  PlxProject  *project;
  const PlxAgreementOptions *options;
  GPtrArray   *coders;          /* char *, sorted */
  GPtrArray   *documents;       /* PlxDocument */
  GArray      *passages;        /* Passage */
  GArray      *units;           /* Unit */
  GPtrArray   *theme_sets;      /* GStrv, distinct, sorted members */
  GHashTable  *theme_set_index; /* joined key → index + 1 */
  double      *masi;            /* theme_sets² distances */
  GPtrArray   *rows;
} Agreement;

void
plx_agreement_row_free (PlxAgreementRow *row)
{
  if (row == NULL)
    return;
  g_free (row->measure);
  g_free (row->aspect);
  g_free (row->group);
  g_free (row->coders);
  g_free (row);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static int
theme_set_for (Agreement          *ag,
               const char * const *themes)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autofree char *key = NULL;
  gpointer found;

  for (guint t = 0; themes[t] != NULL; t++)
    g_ptr_array_add (sorted, (gpointer) themes[t]);
  g_ptr_array_sort (sorted, compare_strings);
  g_ptr_array_add (sorted, NULL);
  key = g_strjoinv ("\x1f", (char **) sorted->pdata);
  if ((found = g_hash_table_lookup (ag->theme_set_index, key)) != NULL)
    return GPOINTER_TO_INT (found) - 1;
  g_ptr_array_add (ag->theme_sets, g_strdupv ((char **) sorted->pdata));
  g_hash_table_insert (ag->theme_set_index, g_steal_pointer (&key), GINT_TO_POINTER (ag->theme_sets->len));
  return (int) ag->theme_sets->len - 1;
}

static int
perspective_index (PlxProject *project,
                   gint64      id)
{
  GListModel *perspectives = plx_project_get_perspectives (project);

  for (guint i = 0; i < g_list_model_get_n_items (perspectives); i++)
    {
      g_autoptr(PlxPerspective) p = g_list_model_get_item (perspectives, i);

      if (plx_perspective_get_id (p) == id)
        return (int) i;
    }
  return PLX_AGREEMENT_MISSING;
}

static int
coder_index (Agreement  *ag,
             const char *author)
{
  for (guint c = 0; c < ag->coders->len; c++)
    if (strcmp (g_ptr_array_index (ag->coders, c), author) == 0)
      return (int) c;
  return -1;
}

static double
jaccard (guint a_start, guint a_end, guint b_start, guint b_end)
{
  guint common = MIN (a_end, b_end) > MAX (a_start, b_start) ? MIN (a_end, b_end) - MAX (a_start, b_start) : 0;
  guint all = MAX (a_end, b_end) - MIN (a_start, b_start);

  return all > 0 ? (double) common / all : 0.0;
}

static int
compare_passages (gconstpointer a,
                  gconstpointer b)
{
  const Passage *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return (int) x->coder - (int) y->coder;
}

/* Each passage joins the unit it overlaps most (Jaccard, at least the
 * threshold) that has no passage of its coder yet, or starts one. */
static void
build_units (Agreement *ag,
             guint      document,
             Passage   *passages,
             guint      n_passages,
             guint      first_passage)
{
  guint first_unit = ag->units->len;
  guint longest = 0;

  for (guint i = 0; i < n_passages; i++)
    {
      Passage *p = &passages[i];
      double best_overlap = 0;
      int best = -1;

      longest = MAX (longest, p->end - p->start);
      /* Units are made in order of start; none starting a passage's
       * length before this one can overlap it. */
      for (guint u = ag->units->len; u > first_unit; u--)
        {
          Unit *unit = &g_array_index (ag->units, Unit, u - 1);
          double overlap;

          if (unit->start + longest < p->start)
            break;
          if (unit->passage[p->coder] >= 0)
            continue;
          overlap = jaccard (unit->start, unit->end, p->start, p->end);
          if (overlap >= ag->options->min_overlap && overlap > best_overlap)
            {
              best_overlap = overlap;
              best = (int) u - 1;
            }
        }
      if (best < 0)
        {
          Unit unit = { p->start, p->end, g_new (int, ag->coders->len), document };

          for (guint c = 0; c < ag->coders->len; c++)
            unit.passage[c] = -1;
          g_array_append_val (ag->units, unit);
          best = (int) ag->units->len - 1;
        }
      g_array_index (ag->units, Unit, best).passage[p->coder] = (int) (first_passage + i);
    }
}

static void
unit_clear (gpointer data)
{
  g_free (((Unit *) data)->passage);
}

static gboolean
load (Agreement  *ag,
      GError    **error)
{
  g_autoptr(GHashTable) authors = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) per_document = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  if (ag->options->document_id != 0)
    {
      PlxDocument *document = plx_project_load_document (ag->project, ag->options->document_id, error);

      if (document == NULL)
        return FALSE;
      ag->documents = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (ag->documents, document);
    }
  else if ((ag->documents = plx_project_list_documents (ag->project, error)) == NULL)
    return FALSE;

  for (guint d = 0; d < ag->documents->len; d++)
    {
      PlxAnnotationQuery query = { plx_document_get_id (g_ptr_array_index (ag->documents, d)), 0, NULL };
      GPtrArray *annotations = plx_project_list_annotations (ag->project, &query, error);

      if (annotations == NULL)
        return FALSE;
      g_ptr_array_add (per_document, annotations);
      for (guint i = 0; i < annotations->len; i++)
        g_hash_table_add (authors, (gpointer) plx_annotation_get_author (g_ptr_array_index (annotations, i)));
    }

  ag->coders = g_ptr_array_new_with_free_func (g_free);
  if (ag->options->coders != NULL)
    for (guint c = 0; ag->options->coders[c] != NULL; c++)
      {
        if (!g_hash_table_contains (authors, ag->options->coders[c]))
          {
            g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                         _("No passage in this project is by “%s”"), ag->options->coders[c]);
            return FALSE;
          }
        if (coder_index (ag, ag->options->coders[c]) < 0)
          g_ptr_array_add (ag->coders, g_strdup (ag->options->coders[c]));
      }
  else
    {
      GHashTableIter iter;
      gpointer author;

      g_hash_table_iter_init (&iter, authors);
      while (g_hash_table_iter_next (&iter, &author, NULL))
        g_ptr_array_add (ag->coders, g_strdup (author));
    }
  g_ptr_array_sort (ag->coders, compare_strings);
  if (ag->coders->len < 2)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                   _("Agreement needs the passages of at least two coders (authors); this has %u"),
                   ag->coders->len);
      return FALSE;
    }
  /* Each coder is a bit in a stretch's mask. */
  if (ag->coders->len > 32)
    {
      g_set_error (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT,
                   _("Agreement compares at most 32 coders at once; choose them with --coders"));
      return FALSE;
    }

  for (guint d = 0; d < per_document->len; d++)
    {
      GPtrArray *annotations = g_ptr_array_index (per_document, d);
      guint first = ag->passages->len;

      for (guint i = 0; i < annotations->len; i++)
        {
          PlxAnnotation *a = g_ptr_array_index (annotations, i);
          int coder = coder_index (ag, plx_annotation_get_author (a));
          Passage p;

          if (coder < 0)
            continue;
          p.document = d;
          p.coder = (guint) coder;
          p.start = plx_annotation_get_start (a);
          p.end = plx_annotation_get_end (a);
          p.perspective = perspective_index (ag->project, plx_annotation_get_perspective_id (a));
          p.themes = theme_set_for (ag, plx_annotation_get_themes (a));
          p.theme_names = (const char * const *) g_ptr_array_index (ag->theme_sets, p.themes);
          g_array_append_val (ag->passages, p);
        }
      qsort (&g_array_index (ag->passages, Passage, first), ag->passages->len - first, sizeof (Passage),
             compare_passages);
      build_units (ag, d, &g_array_index (ag->passages, Passage, first), ag->passages->len - first, first);
    }

  ag->masi = g_new (double, (gsize) ag->theme_sets->len * ag->theme_sets->len);
  for (guint i = 0; i < ag->theme_sets->len; i++)
    for (guint j = 0; j < ag->theme_sets->len; j++)
      ag->masi[i * ag->theme_sets->len + j] =
        plx_agreement_masi_distance (g_ptr_array_index (ag->theme_sets, i), g_ptr_array_index (ag->theme_sets, j));
  return TRUE;
}

/* ---- tables ---- */

/* Which coders, which stretch of which documents, and what is asked. */
typedef enum {
  ASPECT_PERSPECTIVE,     /* the perspective */
  ASPECT_THEMES,          /* the set of themes */
  ASPECT_PERSPECTIVE_IS,  /* whether it is one perspective */
  ASPECT_THEME_HAS,       /* whether it has one theme */
} Aspect;

typedef struct {
  const guint *coders;    /* indexes into ag->coders */
  guint        n_coders;
  Aspect       aspect;
  int          perspective;
  const char  *theme;
  int          document;  /* -1: all */
  guint        start;     /* within that document */
  guint        end;
} Scope;

typedef struct {
  GArray *values;    /* int, n_coders per unit */
  GArray *weights;   /* double */
  guint   n_coders;
} Table;

static void
table_init (Table *t,
            guint  n_coders)
{
  t->values = g_array_new (FALSE, FALSE, sizeof (int));
  t->weights = g_array_new (FALSE, FALSE, sizeof (double));
  t->n_coders = n_coders;
}

static void
table_clear (Table *t)
{
  g_array_unref (t->values);
  g_array_unref (t->weights);
}

static PlxReliabilityTable
table_view (Table        *t,
            guint         n_values,
            const double *distance)
{
  PlxReliabilityTable view = {
    t->weights->len, t->n_coders, n_values,
    (const int *) (gpointer) t->values->data, (const double *) (gpointer) t->weights->data, distance,
  };
  return view;
}

static int
passage_value (const Passage *p,
               const Scope   *scope)
{
  switch (scope->aspect)
    {
    case ASPECT_PERSPECTIVE:
      return p->perspective;
    case ASPECT_THEMES:
      return p->themes;
    case ASPECT_PERSPECTIVE_IS:
      return p->perspective == scope->perspective;
    case ASPECT_THEME_HAS:
    default:
      return g_strv_contains (p->theme_names, scope->theme);
    }
}

static gboolean
unit_in_scope (const Unit  *unit,
               const Scope *scope)
{
  if (scope->document < 0)
    return TRUE;
  return unit->document == (guint) scope->document && unit->start >= scope->start && unit->start < scope->end;
}

/* One row per unit in scope, a value per coder; for a yes/no question
 * only the units where some coder says yes, as a passage none of them
 * gave that perspective or theme says nothing about it. Returns the
 * number of pairable units. */
static guint
unit_table (Agreement   *ag,
            const Scope *scope,
            Table       *t)
{
  gboolean yes_no = scope->aspect == ASPECT_PERSPECTIVE_IS || scope->aspect == ASPECT_THEME_HAS;
  g_autofree int *row = g_new (int, scope->n_coders);
  guint pairable = 0;

  table_init (t, scope->n_coders);
  for (guint u = 0; u < ag->units->len; u++)
    {
      Unit *unit = &g_array_index (ag->units, Unit, u);
      gboolean any_yes = FALSE;
      guint present = 0;
      double one = 1.0;

      if (!unit_in_scope (unit, scope))
        continue;
      for (guint c = 0; c < scope->n_coders; c++)
        {
          int passage = unit->passage[scope->coders[c]];

          row[c] = passage < 0 ? PLX_AGREEMENT_MISSING
                               : passage_value (&g_array_index (ag->passages, Passage, passage), scope);
          present += row[c] != PLX_AGREEMENT_MISSING;
          any_yes |= row[c] == 1;
        }
      if (present == 0 || (yes_no && !any_yes))
        continue;
      g_array_append_vals (t->values, row, scope->n_coders);
      g_array_append_val (t->weights, one);
      pairable += present >= 2;
    }
  return pairable;
}

typedef struct {
  guint position;
  guint coder;
  int   delta;
} Edge;

static int
compare_edges (gconstpointer a,
               gconstpointer b)
{
  const Edge *x = a, *y = b;

  return x->position < y->position ? -1 : x->position > y->position;
}

/* Unitizing: every character of the scope is a unit on which each coder
 * says "inside one of my passages" (1) or not (0); runs of characters on
 * which nobody changes their answer are one row weighing their length.
 * ASPECT_PERSPECTIVE_IS counts only that perspective's passages. Returns
 * the number of characters. */
static guint
position_table (Agreement   *ag,
                const Scope *scope,
                Table       *t)
{
  g_autofree int *depth = g_new0 (int, scope->n_coders);
  g_autofree int *row = g_new (int, scope->n_coders);
  g_autofree int *coder_slot = g_new (int, ag->coders->len);
  guint characters = 0;

  table_init (t, scope->n_coders);
  for (guint c = 0; c < ag->coders->len; c++)
    coder_slot[c] = -1;
  for (guint c = 0; c < scope->n_coders; c++)
    coder_slot[scope->coders[c]] = (int) c;

  for (guint d = 0; d < ag->documents->len; d++)
    {
      g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (Edge));
      guint from = 0, to = plx_document_get_length (g_ptr_array_index (ag->documents, d));
      guint position;

      if (scope->document >= 0 && (guint) scope->document != d)
        continue;
      if (scope->document >= 0)
        {
          from = MIN (scope->start, to);
          to = MIN (scope->end, to);
        }
      for (guint i = 0; i < ag->passages->len; i++)
        {
          const Passage *p = &g_array_index (ag->passages, Passage, i);
          Edge open, close;

          if (p->document != d || coder_slot[p->coder] < 0 || p->start >= to || p->end <= from)
            continue;
          if (scope->aspect == ASPECT_PERSPECTIVE_IS && p->perspective != scope->perspective)
            continue;
          open = (Edge) { MAX (p->start, from), (guint) coder_slot[p->coder], +1 };
          close = (Edge) { MIN (p->end, to), (guint) coder_slot[p->coder], -1 };
          g_array_append_val (edges, open);
          g_array_append_val (edges, close);
        }
      g_array_sort (edges, compare_edges);
      memset (depth, 0, sizeof (int) * scope->n_coders);
      position = from;
      for (guint e = 0; e <= edges->len; e++)
        {
          guint next = e < edges->len ? g_array_index (edges, Edge, e).position : to;

          if (next > position)
            {
              double weight = next - position;
              gboolean same_as_last = t->weights->len > 0;

              for (guint c = 0; c < scope->n_coders; c++)
                {
                  row[c] = depth[c] > 0;
                  if (same_as_last && g_array_index (t->values, int, (t->weights->len - 1) * scope->n_coders + c) != row[c])
                    same_as_last = FALSE;
                }
              if (same_as_last)
                g_array_index (t->weights, double, t->weights->len - 1) += weight;
              else
                {
                  g_array_append_vals (t->values, row, scope->n_coders);
                  g_array_append_val (t->weights, weight);
                }
              characters += next - position;
              position = next;
            }
          if (e < edges->len)
            depth[g_array_index (edges, Edge, e).coder] += g_array_index (edges, Edge, e).delta;
        }
    }
  return characters;
}

/* ---- rows ---- */

static void
add_row (Agreement                 *ag,
         const char                *measure,
         const char                *aspect,
         const char                *group,
         const char                *coders,
         const PlxReliabilityTable *table,
         PlxAgreementMeasure        compute,
         guint                      units)
{
  PlxAgreementRow *row = g_new0 (PlxAgreementRow, 1);

  row->measure = g_strdup (measure);
  row->aspect = g_strdup (aspect);
  row->group = g_strdup (group);
  row->coders = g_strdup (coders);
  row->units = units;
  row->value = compute (table);
  row->ci_low = row->ci_high = NAN;
  if (ag->options->n_samples > 0 && isfinite (row->value))
    plx_agreement_bootstrap (table, compute, ag->options->n_samples,
                             BOOTSTRAP_SEED ^ g_str_hash (measure) ^ g_str_hash (group) ^ g_str_hash (coders),
                             &row->ci_low, &row->ci_high);
  g_ptr_array_add (ag->rows, row);
}

static void
measure_unitizing (Agreement  *ag,
                   Scope      *scope,
                   const char *group,
                   const char *coders)
{
  Table t;
  guint characters;
  PlxReliabilityTable view;

  characters = position_table (ag, scope, &t);
  view = table_view (&t, 2, NULL);
  add_row (ag, "alpha_u", "unitizing", group, coders, &view, plx_agreement_alpha, characters);
  add_row (ag, "percent", "unitizing", group, coders, &view, plx_agreement_percent, characters);
  table_clear (&t);
}

static void
measure_units (Agreement  *ag,
               Scope      *scope,
               const char *group,
               const char *coders)
{
  GListModel *perspectives = plx_project_get_perspectives (ag->project);
  gboolean yes_no = scope->aspect == ASPECT_PERSPECTIVE_IS || scope->aspect == ASPECT_THEME_HAS;
  const char *aspect = scope->aspect == ASPECT_THEMES || scope->aspect == ASPECT_THEME_HAS ? "themes" : "attribution";
  Table t;
  guint pairable;
  PlxReliabilityTable view;

  pairable = unit_table (ag, scope, &t);
  if (yes_no)
    view = table_view (&t, 2, NULL);
  else if (scope->aspect == ASPECT_THEMES)
    view = table_view (&t, MAX (ag->theme_sets->len, 1), ag->masi);
  else
    view = table_view (&t, MAX (g_list_model_get_n_items (perspectives), 1), NULL);

  if (scope->aspect == ASPECT_THEMES)
    add_row (ag, "alpha_masi", aspect, group, coders, &view, plx_agreement_alpha, pairable);
  else
    add_row (ag, "alpha_nominal", aspect, group, coders, &view, plx_agreement_alpha, pairable);
  if (scope->aspect == ASPECT_PERSPECTIVE && scope->n_coders == 2)
    add_row (ag, "cohen_kappa", aspect, group, coders, &view, plx_agreement_cohen_kappa, pairable);
  if (scope->aspect == ASPECT_PERSPECTIVE)
    add_row (ag, "fleiss_kappa", aspect, group, coders, &view, plx_agreement_fleiss_kappa, pairable);
  add_row (ag, "percent", aspect, group, coders, &view, plx_agreement_percent, pairable);
  table_clear (&t);
}

static char *
join_coders (Agreement   *ag,
             const guint *coders,
             guint        n_coders)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint c = 0; c < n_coders; c++)
    {
      const char *name = g_ptr_array_index (ag->coders, coders[c]);

      if (c > 0)
        g_string_append (joined, ", ");
      g_string_append (joined, *name != '\0' ? name : "?");
    }
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

/* Where, whose and what, for one set of coders over one scope. */
static void
measure_all (Agreement  *ag,
             Scope      *scope,
             const char *group)
{
  g_autofree char *coders = join_coders (ag, scope->coders, scope->n_coders);

  scope->aspect = ASPECT_PERSPECTIVE;
  measure_unitizing (ag, scope, group, coders);
  measure_units (ag, scope, group, coders);
  scope->aspect = ASPECT_THEMES;
  measure_units (ag, scope, group, coders);
}

static void
measure_groups (Agreement   *ag,
                const guint *all,
                guint        n_all)
{
  g_autofree char *coders = join_coders (ag, all, n_all);
  GListModel *perspectives = plx_project_get_perspectives (ag->project);
  Scope scope = { all, n_all, ASPECT_PERSPECTIVE, 0, NULL, -1, 0, 0 };

  switch (ag->options->by)
    {
    case PLX_AGREEMENT_BY_PERSPECTIVE:
      for (guint i = 0; i < g_list_model_get_n_items (perspectives); i++)
        {
          g_autoptr(PlxPerspective) p = g_list_model_get_item (perspectives, i);

          scope.aspect = ASPECT_PERSPECTIVE_IS;
          scope.perspective = (int) i;
          measure_unitizing (ag, &scope, plx_perspective_get_name (p), coders);
          measure_units (ag, &scope, plx_perspective_get_name (p), coders);
        }
      break;
    case PLX_AGREEMENT_BY_THEME:
      {
        g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
        g_autoptr(GPtrArray) themes = g_ptr_array_new ();

        for (guint s = 0; s < ag->theme_sets->len; s++)
          for (char **t = g_ptr_array_index (ag->theme_sets, s); *t != NULL; t++)
            if (g_hash_table_add (seen, *t))
              g_ptr_array_add (themes, *t);
        g_ptr_array_sort (themes, compare_strings);
        for (guint i = 0; i < themes->len; i++)
          {
            scope.aspect = ASPECT_THEME_HAS;
            scope.theme = g_ptr_array_index (themes, i);
            measure_units (ag, &scope, scope.theme, coders);
          }
      }
      break;
    case PLX_AGREEMENT_BY_SECTION:
      for (guint d = 0; d < ag->documents->len; d++)
        {
          PlxDocument *document = g_ptr_array_index (ag->documents, d);
          guint n_sections;
          const PlxSection *sections = plx_document_get_sections (document, &n_sections);

          for (guint i = 0; i < n_sections; i++)
            {
              g_autofree char *group = ag->documents->len > 1
                                       ? g_strdup_printf ("%s › %s", plx_document_get_title (document), sections[i].title)
                                       : g_strdup (sections[i].title);

              scope.document = (int) d;
              scope.start = sections[i].start;
              scope.end = sections[i].end;
              measure_all (ag, &scope, group);
            }
        }
      break;
    case PLX_AGREEMENT_BY_NONE:
    default:
      measure_all (ag, &scope, "");
      /* With more than two coders, each pair too: who agrees with whom. */
      for (guint a = 0; n_all > 2 && a < n_all; a++)
        for (guint b = a + 1; b < n_all; b++)
          {
            guint pair[2] = { all[a], all[b] };
            Scope pair_scope = { pair, 2, ASPECT_PERSPECTIVE, 0, NULL, -1, 0, 0 };

            measure_all (ag, &pair_scope, "");
          }
      break;
    }
}

/**
 * plx_agreement_compute:
 *
 * Measures how far the coders (the passages' authors) agree. Fails with a
 * message, not a NAN, when there are fewer than two coders; a measure that
 * is not defined on the data (no passage both coders marked, a single
 * value throughout) is NAN with its unit count, so the reader sees why.
 *
 * Returns: (transfer container) (element-type PlxAgreementRow): the rows
 */
GPtrArray *
plx_agreement_compute (PlxProject                *project,
                       const PlxAgreementOptions *options,
                       GError                   **error)
{
  Agreement ag = { project, options, };
  g_autofree guint *all = NULL;
  GPtrArray *rows = NULL;

  g_return_val_if_fail (PLX_IS_PROJECT (project), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  ag.passages = g_array_new (FALSE, FALSE, sizeof (Passage));
  ag.units = g_array_new (FALSE, FALSE, sizeof (Unit));
  g_array_set_clear_func (ag.units, unit_clear);
  ag.theme_sets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  ag.theme_set_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ag.rows = g_ptr_array_new_with_free_func ((GDestroyNotify) plx_agreement_row_free);

  if (load (&ag, error))
    {
      all = g_new (guint, ag.coders->len);
      for (guint c = 0; c < ag.coders->len; c++)
        all[c] = c;
      measure_groups (&ag, all, ag.coders->len);
      rows = g_steal_pointer (&ag.rows);
    }

  g_clear_pointer (&ag.rows, g_ptr_array_unref);
  g_clear_pointer (&ag.coders, g_ptr_array_unref);
  g_clear_pointer (&ag.documents, g_ptr_array_unref);
  g_array_unref (ag.passages);
  g_array_unref (ag.units);
  g_ptr_array_unref (ag.theme_sets);
  g_hash_table_unref (ag.theme_set_index);
  g_free (ag.masi);
  return rows;
}

typedef struct {
  PlxAgreementOptions  options;
  GStrv                coders;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_strfreev (job->coders);
  g_free (job);
}

static gpointer
compute_in_worker (PlxProject     *worker,
                   gconstpointer   data,
                   GError        **error)
{
  return plx_agreement_compute (worker, &((const Job *) data)->options, error);
}

/**
 * plx_agreement_compute_async:
 *
 * plx_agreement_compute() in a worker thread, on a connection of its own:
 * a thousand resamples of every measure take a while on a large project.
 */
void
plx_agreement_compute_async (PlxProject                *project,
                             const PlxAgreementOptions *options,
                             GCancellable              *cancellable,
                             GAsyncReadyCallback        callback,
                             gpointer                   user_data)
{
  Job *job;

  g_return_if_fail (PLX_IS_PROJECT (project));
  g_return_if_fail (options != NULL);

  job = g_new0 (Job, 1);
  job->options = *options;
  job->coders = g_strdupv ((char **) options->coders);
  job->options.coders = (const char * const *) job->coders;
  plx_worker_run (project, plx_agreement_compute_async, compute_in_worker, job, job_free,
                  (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
plx_agreement_compute_finish (PlxProject    *project,
                              GAsyncResult  *result,
                              GError       **error)
{
  return plx_worker_finish (project, result, plx_agreement_compute_async, error);
}

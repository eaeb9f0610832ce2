/* plx-statistics.c
 *
 * Everything is sort and sweep over plain arrays: the annotations are read
 * once into Passage structs, sorted by perspective and start, and each
 * perspective's union of ranges is built in one pass. Coverage, overlaps,
 * sections and co-occurrence then walk those unions (a few thousand ranges
 * at most) instead of the annotations, so 20,000 passages stay far below a
 * frame budget's worth of milliseconds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-statistics"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "plx-statistics.h"

typedef struct {
  guint start;
  guint end;
} Range;

typedef struct {
  guint start;
  guint end;
  guint perspective;
  guint index;        /* into self->annotations */
} Passage;

typedef struct {
  guint   passages;
  guint   characters;
  guint   overlapping;
  GArray *untagged;   /* guint annotation indices */
  GArray *union_;     /* Range, sorted and disjoint */
} PerspectiveStats;

typedef struct {
  const char  *name;  /* borrowed from an annotation we hold */
  GArray     **cells; /* n_perspectives arrays of guint */
  guint        total;
  double       dominance;
  int          dominant;
} ThemeRow;

typedef struct {
  char  *title;
  guint  start;
  guint  end;
} Section;

struct _PlxStatistics
{
  GObject           parent_instance;

  PlxDocument      *document;
  GPtrArray        *perspectives;   /* PlxPerspective */
  GPtrArray        *annotations;    /* PlxAnnotation, document order */
  guint             length;
  guint             covered;
  guint             contested;

  guint             n_perspectives;
  PerspectiveStats *per;
  GArray           *themes;         /* ThemeRow, sorted by name */
  GArray           *sections;       /* Section */
  guint            *section_characters;  /* n_sections × n_perspectives */
  guint            *section_passages;
  guint            *co_characters;       /* n_perspectives² */
  guint            *co_passages;
};

G_DEFINE_FINAL_TYPE (PlxStatistics, plx_statistics, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_LENGTH,
  PROP_N_PASSAGES,
  PROP_COVERED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const table_names[PLX_STATISTICS_N_TABLES] = {
  "perspectives", "themes", "sections", "cooccurrence", "cooccurrence-passages",
};

/* Computation */

static int
compare_annotations (gconstpointer a,
                     gconstpointer b)
{
  return plx_annotation_compare (*(PlxAnnotation **) a, *(PlxAnnotation **) b);
}

static int
compare_theme_rows (gconstpointer a,
                    gconstpointer b)
{
  return g_utf8_collate (((const ThemeRow *) a)->name, ((const ThemeRow *) b)->name);
}

static guint
intersection_length (GArray *a,
                     GArray *b)
{
  guint i = 0, j = 0, total = 0;

  while (i < a->len && j < b->len)
    {
      const Range *ra = &g_array_index (a, Range, i);
      const Range *rb = &g_array_index (b, Range, j);
      guint lo = MAX (ra->start, rb->start);
      guint hi = MIN (ra->end, rb->end);

      if (hi > lo)
        total += hi - lo;
      if (ra->end < rb->end)
        i++;
      else
        j++;
    }
  return total;
}

static void
build_sections (PlxStatistics *self)
{
  guint n_sections = 0;
  const PlxSection *sections = plx_document_get_sections (self->document, &n_sections);
  guint first = n_sections > 0 ? sections[0].start : self->length;

  if (first > 0 || n_sections == 0)
    {
      Section intro = { g_strdup (plx_document_get_title (self->document)), 0, first };
      g_array_append_val (self->sections, intro);
    }
  for (guint i = 0; i < n_sections; i++)
    {
      Section section = { g_strdup (sections[i].title), sections[i].start, sections[i].end };
      g_array_append_val (self->sections, section);
    }
}

/* The section holding @offset; sections are contiguous from 0. */
static guint
section_at (PlxStatistics *self,
            guint          offset)
{
  guint lo = 0, hi = self->sections->len;

  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->sections, Section, mid).start <= offset)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

static void
compute (PlxStatistics *self,
         GListModel    *annotations)
{
  guint P = self->n_perspectives;
  guint n_items = g_list_model_get_n_items (annotations);
  gint64 document_id = plx_document_get_id (self->document);
  g_autoptr(GArray) passages = g_array_sized_new (FALSE, FALSE, sizeof (Passage), n_items);
  g_autoptr(GHashTable) theme_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gint64 *ids = g_new (gint64, MAX (P, 1));
  guint active = 0, previous = 0;

  for (guint p = 0; p < P; p++)
    ids[p] = plx_perspective_get_id (g_ptr_array_index (self->perspectives, p));

  /* Keep the annotations that belong here, in document order, so cells
   * and indices come out in reading order. */
  for (guint i = 0; i < n_items; i++)
    {
      PlxAnnotation *annotation = g_list_model_get_item (annotations, i);
      gint64 perspective_id = plx_annotation_get_perspective_id (annotation);
      gint64 annotation_document = plx_annotation_get_document_id (annotation);
      gboolean known = FALSE;

      for (guint p = 0; p < P && !known; p++)
        known = ids[p] == perspective_id;
      if (!known || (document_id != 0 && annotation_document != 0 && annotation_document != document_id))
        {
          g_object_unref (annotation);
          continue;
        }
      g_ptr_array_add (self->annotations, annotation);
    }
  /* PlxAnnotationList is already in this order; only sort when needed. */
  for (guint i = 1; i < self->annotations->len; i++)
    if (plx_annotation_compare (g_ptr_array_index (self->annotations, i - 1),
                                g_ptr_array_index (self->annotations, i)) > 0)
      {
        g_ptr_array_sort (self->annotations, compare_annotations);
        break;
      }

  for (guint i = 0; i < self->annotations->len; i++)
    {
      PlxAnnotation *annotation = g_ptr_array_index (self->annotations, i);
      gint64 perspective_id = plx_annotation_get_perspective_id (annotation);
      const char * const *themes = plx_annotation_get_themes (annotation);
      Passage passage;

      passage.start = MIN (plx_annotation_get_start (annotation), self->length);
      passage.end = CLAMP (plx_annotation_get_end (annotation), passage.start, self->length);
      passage.index = i;
      passage.perspective = 0;
      while (ids[passage.perspective] != perspective_id)
        passage.perspective++;
      g_array_append_val (passages, passage);
      self->per[passage.perspective].passages++;

      if (themes == NULL || themes[0] == NULL)
        g_array_append_val (self->per[passage.perspective].untagged, i);
      for (guint t = 0; themes != NULL && themes[t] != NULL; t++)
        {
          gpointer found;
          ThemeRow *row;

          if (!g_hash_table_lookup_extended (theme_index, themes[t], NULL, &found))
            {
              ThemeRow new_row = { themes[t], g_new0 (GArray *, MAX (P, 1)), 0, 0.0, -1 };

              for (guint p = 0; p < P; p++)
                new_row.cells[p] = g_array_new (FALSE, FALSE, sizeof (guint));
              found = GUINT_TO_POINTER (self->themes->len);
              g_array_append_val (self->themes, new_row);
              g_hash_table_insert (theme_index, (gpointer) themes[t], found);
            }
          row = &g_array_index (self->themes, ThemeRow, GPOINTER_TO_UINT (found));
          /* A theme listed twice on one passage still counts it once. */
          if (row->cells[passage.perspective]->len == 0 ||
              g_array_index (row->cells[passage.perspective], guint,
                             row->cells[passage.perspective]->len - 1) != i)
            g_array_append_val (row->cells[passage.perspective], i);
        }
    }

  /* Themes: totals and dominance, then sort by name. */
  for (guint t = 0; t < self->themes->len; t++)
    {
      ThemeRow *row = &g_array_index (self->themes, ThemeRow, t);
      guint best = 0;
      gboolean tied = FALSE;

      for (guint p = 0; p < P; p++)
        {
          guint n = row->cells[p]->len;

          row->total += n;
          if (n > best)
            {
              best = n;
              row->dominant = (int) p;
              tied = FALSE;
            }
          else if (n == best && n > 0)
            tied = TRUE;
        }
      if (tied)
        row->dominant = -1;
      row->dominance = row->total > 0 ? (double) best / row->total : 0.0;
    }
  g_array_sort (self->themes, compare_theme_rows);

  /* Unions: one sweep per perspective over its passages. The passages are
   * in document order, so a stable counting sort by perspective leaves
   * each perspective's run sorted by start, without a comparison sort. */
  {
    g_autofree guint *offsets = g_new0 (guint, P + 1);
    g_autoptr(GArray) sorted = g_array_sized_new (FALSE, FALSE, sizeof (Passage), passages->len);

    for (guint p = 0; p < P; p++)
      offsets[p + 1] = offsets[p] + self->per[p].passages;
    g_array_set_size (sorted, passages->len);
    for (guint i = 0; i < passages->len; i++)
      {
        const Passage *passage = &g_array_index (passages, Passage, i);
        g_array_index (sorted, Passage, offsets[passage->perspective]++) = *passage;
      }
    g_array_unref (passages);
    passages = g_steal_pointer (&sorted);
  }
  for (guint i = 0; i < passages->len; i++)
    {
      const Passage *passage = &g_array_index (passages, Passage, i);
      GArray *union_ = self->per[passage->perspective].union_;
      Range *last = union_->len > 0 ? &g_array_index (union_, Range, union_->len - 1) : NULL;

      if (passage->end <= passage->start)
        continue;
      if (last != NULL && passage->start <= last->end)
        last->end = MAX (last->end, passage->end);
      else
        {
          Range range = { passage->start, passage->end };
          g_array_append_val (union_, range);
        }
    }

  /* Whole-document coverage and contested characters: a merge of the
   * perspectives' unions (few lists, each sorted), counting how many are
   * open between consecutive boundaries. */
  {
    g_autofree guint *next = g_new0 (guint, MAX (P, 1));
    g_autofree gboolean *inside = g_new0 (gboolean, MAX (P, 1));

    for (guint p = 0; p < P; p++)
      {
        GArray *union_ = self->per[p].union_;

        for (guint r = 0; r < union_->len; r++)
          self->per[p].characters += g_array_index (union_, Range, r).end - g_array_index (union_, Range, r).start;
      }
    while (TRUE)
      {
        guint position = G_MAXUINT;

        for (guint p = 0; p < P; p++)
          if (next[p] < self->per[p].union_->len)
            {
              const Range *range = &g_array_index (self->per[p].union_, Range, next[p]);
              position = MIN (position, inside[p] ? range->end : range->start);
            }
        if (position == G_MAXUINT)
          break;
        if (active >= 1)
          self->covered += position - previous;
        if (active >= 2)
          self->contested += position - previous;
        /* Ranges of one union never touch, so each list moves one step. */
        for (guint p = 0; p < P; p++)
          if (next[p] < self->per[p].union_->len)
            {
              const Range *range = &g_array_index (self->per[p].union_, Range, next[p]);

              if (inside[p] && range->end == position)
                {
                  inside[p] = FALSE;
                  next[p]++;
                  active--;
                }
              else if (!inside[p] && range->start == position)
                {
                  inside[p] = TRUE;
                  active++;
                }
            }
        previous = position;
      }
  }

  /* Co-occurrence: linear merges of two unions, and for passages a walk
   * of each perspective's passages along the other unions. */
  for (guint p = 0; p < P; p++)
    for (guint q = p; q < P; q++)
      {
        guint shared = p == q ? self->per[p].characters
                              : intersection_length (self->per[p].union_, self->per[q].union_);

        self->co_characters[p * P + q] = shared;
        self->co_characters[q * P + p] = shared;
      }
  {
    /* Each perspective's passages are a run sorted by start, so a cursor
     * per other union only moves forward. */
    g_autofree guint *cursor = g_new0 (guint, MAX (P, 1));
    guint run = G_MAXUINT;

    for (guint i = 0; i < passages->len; i++)
      {
        const Passage *passage = &g_array_index (passages, Passage, i);
        guint p = passage->perspective;
        gboolean any = FALSE;

        if (p != run)
          {
            memset (cursor, 0, sizeof (guint) * P);
            run = p;
          }
        if (passage->end <= passage->start)
          continue;
        for (guint q = 0; q < P; q++)
          {
            GArray *union_ = self->per[q].union_;

            if (q == p)
              continue;
            while (cursor[q] < union_->len && g_array_index (union_, Range, cursor[q]).end <= passage->start)
              cursor[q]++;
            if (cursor[q] < union_->len && g_array_index (union_, Range, cursor[q]).start < passage->end)
              {
                self->co_passages[p * P + q]++;
                any = TRUE;
              }
          }
        if (any)
          self->per[p].overlapping++;
      }
  }
  for (guint p = 0; p < P; p++)
    self->co_passages[p * P + p] = self->per[p].passages;

  /* Sections: the unions clipped to each section, and passages counted in
   * every section they touch. */
  build_sections (self);
  self->section_characters = g_new0 (guint, MAX (self->sections->len * P, 1));
  self->section_passages = g_new0 (guint, MAX (self->sections->len * P, 1));
  for (guint p = 0; p < P; p++)
    {
      GArray *union_ = self->per[p].union_;
      guint r = 0;

      for (guint s = 0; s < self->sections->len; s++)
        {
          const Section *section = &g_array_index (self->sections, Section, s);

          while (r < union_->len && g_array_index (union_, Range, r).end <= section->start)
            r++;
          for (guint k = r; k < union_->len; k++)
            {
              const Range *range = &g_array_index (union_, Range, k);
              guint lo = MAX (range->start, section->start);
              guint hi = MIN (range->end, section->end);

              if (range->start >= section->end)
                break;
              if (hi > lo)
                self->section_characters[s * P + p] += hi - lo;
            }
        }
    }
  for (guint i = 0; i < passages->len; i++)
    {
      const Passage *passage = &g_array_index (passages, Passage, i);
      guint s = section_at (self, passage->start);

      do
        self->section_passages[s * P + passage->perspective]++;
      while (++s < self->sections->len &&
             g_array_index (self->sections, Section, s).start < passage->end);
    }
}

/* GObject */

static void
plx_statistics_finalize (GObject *object)
{
  PlxStatistics *self = (PlxStatistics *) object;

  for (guint p = 0; p < self->n_perspectives; p++)
    {
      g_clear_pointer (&self->per[p].untagged, g_array_unref);
      g_clear_pointer (&self->per[p].union_, g_array_unref);
    }
  g_clear_pointer (&self->per, g_free);
  for (guint t = 0; t < self->themes->len; t++)
    {
      ThemeRow *row = &g_array_index (self->themes, ThemeRow, t);

      for (guint p = 0; p < self->n_perspectives; p++)
        g_array_unref (row->cells[p]);
      g_free (row->cells);
    }
  g_clear_pointer (&self->themes, g_array_unref);
  for (guint s = 0; s < self->sections->len; s++)
    g_free (g_array_index (self->sections, Section, s).title);
  g_clear_pointer (&self->sections, g_array_unref);
  g_clear_pointer (&self->section_characters, g_free);
  g_clear_pointer (&self->section_passages, g_free);
  g_clear_pointer (&self->co_characters, g_free);
  g_clear_pointer (&self->co_passages, g_free);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_clear_pointer (&self->perspectives, g_ptr_array_unref);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (plx_statistics_parent_class)->finalize (object);
}

static void
plx_statistics_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PlxStatistics *self = PLX_STATISTICS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_LENGTH:
      g_value_set_uint (value, self->length);
      break;
    case PROP_N_PASSAGES:
      g_value_set_uint (value, self->annotations->len);
      break;
    case PROP_COVERED:
      g_value_set_uint (value, self->covered);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plx_statistics_class_init (PlxStatisticsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plx_statistics_finalize;
  object_class->get_property = plx_statistics_get_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PLX_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LENGTH] =
    g_param_spec_uint ("length", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PASSAGES] =
    g_param_spec_uint ("n-passages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COVERED] =
    g_param_spec_uint ("covered", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plx_statistics_init (PlxStatistics *self)
{
  self->perspectives = g_ptr_array_new_with_free_func (g_object_unref);
  self->annotations = g_ptr_array_new_with_free_func (g_object_unref);
  self->themes = g_array_new (FALSE, FALSE, sizeof (ThemeRow));
  self->sections = g_array_new (FALSE, FALSE, sizeof (Section));
}

/**
 * plx_statistics_new:
 * @document: the document
 * @perspectives: a list of PlxPerspective, in the order to report them
 * @annotations: a list of PlxAnnotation of @document
 *
 * Returns: (transfer full): the statistics, computed now
 */
PlxStatistics *
plx_statistics_new (PlxDocument *document,
                    GListModel  *perspectives,
                    GListModel  *annotations)
{
  PlxStatistics *self;
  guint P;

  g_return_val_if_fail (PLX_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (perspectives), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (annotations), NULL);

  self = g_object_new (PLX_TYPE_STATISTICS, NULL);
  self->document = g_object_ref (document);
  self->length = plx_document_get_length (document);

  P = g_list_model_get_n_items (perspectives);
  for (guint p = 0; p < P; p++)
    g_ptr_array_add (self->perspectives, g_list_model_get_item (perspectives, p));
  self->n_perspectives = P;
  self->per = g_new0 (PerspectiveStats, MAX (P, 1));
  for (guint p = 0; p < P; p++)
    {
      self->per[p].untagged = g_array_new (FALSE, FALSE, sizeof (guint));
      self->per[p].union_ = g_array_new (FALSE, FALSE, sizeof (Range));
    }
  self->co_characters = g_new0 (guint, MAX (P * P, 1));
  self->co_passages = g_new0 (guint, MAX (P * P, 1));

  compute (self, annotations);
  return self;
}

/* Accessors */

PlxDocument *
plx_statistics_get_document (PlxStatistics *self)
{
  g_return_val_if_fail (PLX_IS_STATISTICS (self), NULL);
  return self->document;
}

guint
plx_statistics_get_length (PlxStatistics *self)
{
  g_return_val_if_fail (PLX_IS_STATISTICS (self), 0);
  return self->length;
}

guint
plx_statistics_get_n_passages (PlxStatistics *self)
{
  g_return_val_if_fail (PLX_IS_STATISTICS (self), 0);
  return self->annotations->len;
}

/* Characters covered by any perspective. */
guint
plx_statistics_get_covered (PlxStatistics *self)
{
  g_return_val_if_fail (PLX_IS_STATISTICS (self), 0);
  return self->covered;
}

guint
plx_statistics_get_contested (PlxStatistics *self)
{
  g_return_val_if_fail (PLX_IS_STATISTICS (self), 0);
  return self->contested;
}

PlxAnnotation *
plx_statistics_get_annotation (PlxStatistics *self,
                               guint          index)
{
  g_return_val_if_fail (PLX_IS_STATISTICS (self), NULL);
  g_return_val_if_fail (index < self->annotations->len, NULL);
  return g_ptr_array_index (self->annotations, index);
}

guint
plx_statistics_get_n_perspectives (PlxStatistics *self)
{
  g_return_val_if_fail (PLX_IS_STATISTICS (self), 0);
  return self->n_perspectives;
}

PlxPerspective *
plx_statistics_get_perspective (PlxStatistics *self,
                                guint          perspective)
{
  g_return_val_if_fail (PLX_IS_STATISTICS (self), NULL);
  g_return_val_if_fail (perspective < self->n_perspectives, NULL);
  return g_ptr_array_index (self->perspectives, perspective);
}

int
plx_statistics_find_perspective (PlxStatistics *self,
                                 gint64         perspective_id)
{
  g_return_val_if_fail (PLX_IS_STATISTICS (self), -1);

  for (guint p = 0; p < self->n_perspectives; p++)
    if (plx_perspective_get_id (g_ptr_array_index (self->perspectives, p)) == perspective_id)
      return (int) p;
  return -1;
}

#define CHECK_PERSPECTIVE(self, p, value) \
  g_return_val_if_fail (PLX_IS_STATISTICS (self), value); \
  g_return_val_if_fail ((p) < (self)->n_perspectives, value)

guint
plx_statistics_get_passages (PlxStatistics *self,
                             guint          perspective)
{
  CHECK_PERSPECTIVE (self, perspective, 0);
  return self->per[perspective].passages;
}

guint
plx_statistics_get_characters (PlxStatistics *self,
                               guint          perspective)
{
  CHECK_PERSPECTIVE (self, perspective, 0);
  return self->per[perspective].characters;
}

double
plx_statistics_get_share (PlxStatistics *self,
                          guint          perspective)
{
  CHECK_PERSPECTIVE (self, perspective, 0.0);
  return self->length > 0 ? (double) self->per[perspective].characters / self->length : 0.0;
}

guint
plx_statistics_get_overlapping (PlxStatistics *self,
                                guint          perspective)
{
  CHECK_PERSPECTIVE (self, perspective, 0);
  return self->per[perspective].overlapping;
}

const guint *
plx_statistics_get_untagged (PlxStatistics *self,
                             guint          perspective,
                             guint         *n_passages)
{
  *n_passages = 0;
  CHECK_PERSPECTIVE (self, perspective, NULL);
  *n_passages = self->per[perspective].untagged->len;
  return (const guint *) (gpointer) self->per[perspective].untagged->data;
}

guint
plx_statistics_get_n_themes (PlxStatistics *self)
{
  g_return_val_if_fail (PLX_IS_STATISTICS (self), 0);
  return self->themes->len;
}

#define CHECK_THEME(self, t, value) \
  g_return_val_if_fail (PLX_IS_STATISTICS (self), value); \
  g_return_val_if_fail ((t) < (self)->themes->len, value)

const char *
plx_statistics_get_theme (PlxStatistics *self,
                          guint          theme)
{
  CHECK_THEME (self, theme, NULL);
  return g_array_index (self->themes, ThemeRow, theme).name;
}

int
plx_statistics_find_theme (PlxStatistics *self,
                           const char    *name)
{
  g_return_val_if_fail (PLX_IS_STATISTICS (self), -1);

  for (guint t = 0; t < self->themes->len; t++)
    if (g_strcmp0 (g_array_index (self->themes, ThemeRow, t).name, name) == 0)
      return (int) t;
  return -1;
}

const guint *
plx_statistics_get_cell (PlxStatistics *self,
                         guint          theme,
                         guint          perspective,
                         guint         *n_passages)
{
  GArray *cell;

  *n_passages = 0;
  CHECK_THEME (self, theme, NULL);
  g_return_val_if_fail (perspective < self->n_perspectives, NULL);

  cell = g_array_index (self->themes, ThemeRow, theme).cells[perspective];
  *n_passages = cell->len;
  return (const guint *) (gpointer) cell->data;
}

guint
plx_statistics_get_theme_total (PlxStatistics *self,
                                guint          theme)
{
  CHECK_THEME (self, theme, 0);
  return g_array_index (self->themes, ThemeRow, theme).total;
}

double
plx_statistics_get_theme_dominance (PlxStatistics *self,
                                    guint          theme)
{
  CHECK_THEME (self, theme, 0.0);
  return g_array_index (self->themes, ThemeRow, theme).dominance;
}

int
plx_statistics_get_theme_dominant (PlxStatistics *self,
                                   guint          theme)
{
  CHECK_THEME (self, theme, -1);
  return g_array_index (self->themes, ThemeRow, theme).dominant;
}

guint
plx_statistics_get_n_sections (PlxStatistics *self)
{
  g_return_val_if_fail (PLX_IS_STATISTICS (self), 0);
  return self->sections->len;
}

#define CHECK_SECTION(self, s, value) \
  g_return_val_if_fail (PLX_IS_STATISTICS (self), value); \
  g_return_val_if_fail ((s) < (self)->sections->len, value)

const char *
plx_statistics_get_section_title (PlxStatistics *self,
                                  guint          section)
{
  CHECK_SECTION (self, section, NULL);
  return g_array_index (self->sections, Section, section).title;
}

void
plx_statistics_get_section_range (PlxStatistics *self,
                                  guint          section,
                                  guint         *start,
                                  guint         *end)
{
  g_return_if_fail (PLX_IS_STATISTICS (self));
  g_return_if_fail (section < self->sections->len);

  if (start != NULL)
    *start = g_array_index (self->sections, Section, section).start;
  if (end != NULL)
    *end = g_array_index (self->sections, Section, section).end;
}

guint
plx_statistics_get_section_characters (PlxStatistics *self,
                                       guint          section,
                                       guint          perspective)
{
  CHECK_SECTION (self, section, 0);
  g_return_val_if_fail (perspective < self->n_perspectives, 0);
  return self->section_characters[section * self->n_perspectives + perspective];
}

guint
plx_statistics_get_section_passages (PlxStatistics *self,
                                     guint          section,
                                     guint          perspective)
{
  CHECK_SECTION (self, section, 0);
  g_return_val_if_fail (perspective < self->n_perspectives, 0);
  return self->section_passages[section * self->n_perspectives + perspective];
}

/* The part of the section the perspective covers, 0 to 1. */
double
plx_statistics_get_section_share (PlxStatistics *self,
                                  guint          section,
                                  guint          perspective)
{
  const Section *s;

  CHECK_SECTION (self, section, 0.0);
  g_return_val_if_fail (perspective < self->n_perspectives, 0.0);

  s = &g_array_index (self->sections, Section, section);
  if (s->end <= s->start)
    return 0.0;
  return (double) self->section_characters[section * self->n_perspectives + perspective] / (s->end - s->start);
}

guint
plx_statistics_get_cooccurrence (PlxStatistics *self,
                                 guint          perspective,
                                 guint          other)
{
  CHECK_PERSPECTIVE (self, perspective, 0);
  g_return_val_if_fail (other < self->n_perspectives, 0);
  return self->co_characters[perspective * self->n_perspectives + other];
}

guint
plx_statistics_get_cooccurrence_passages (PlxStatistics *self,
                                          guint          perspective,
                                          guint          other)
{
  CHECK_PERSPECTIVE (self, perspective, 0);
  g_return_val_if_fail (other < self->n_perspectives, 0);
  return self->co_passages[perspective * self->n_perspectives + other];
}

/* Tables */

static char *
format_share (double share)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* Not locale-dependent: a CSV with "0,25" would split the cell. */
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.4f", share));
}

static const char *
perspective_name (PlxStatistics *self,
                  guint          p)
{
  return plx_perspective_get_name (g_ptr_array_index (self->perspectives, p));
}

/* Rows are built as GPtrArrays of strings, then frozen into GStrvs. */
static GPtrArray *
row_new (void)
{
  return g_ptr_array_new ();
}

static void
row_add (GPtrArray  *row,
         char       *cell)
{
  g_ptr_array_add (row, cell);
}

static void
table_add_row (GPtrArray *table,
               GPtrArray *row)
{
  g_ptr_array_add (row, NULL);
  g_ptr_array_add (table, g_ptr_array_free (row, FALSE));
}

GPtrArray *
plx_statistics_build_table (PlxStatistics      *self,
                            PlxStatisticsTable  table)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint P;
  GPtrArray *row;

  g_return_val_if_fail (PLX_IS_STATISTICS (self), rows);
  P = self->n_perspectives;

  switch (table)
    {
    case PLX_STATISTICS_TABLE_PERSPECTIVES:
      row = row_new ();
      for (const char * const *h = (const char * const[]) { "perspective", "color", "passages", "characters",
                                                           "share", "overlapping", "untagged", NULL }; *h; h++)
        row_add (row, g_strdup (*h));
      table_add_row (rows, row);
      for (guint p = 0; p < P; p++)
        {
          row = row_new ();
          row_add (row, g_strdup (perspective_name (self, p)));
          row_add (row, g_strdup (plx_perspective_get_color (g_ptr_array_index (self->perspectives, p))));
          row_add (row, g_strdup_printf ("%u", self->per[p].passages));
          row_add (row, g_strdup_printf ("%u", self->per[p].characters));
          row_add (row, format_share (plx_statistics_get_share (self, p)));
          row_add (row, g_strdup_printf ("%u", self->per[p].overlapping));
          row_add (row, g_strdup_printf ("%u", self->per[p].untagged->len));
          table_add_row (rows, row);
        }
      break;

    case PLX_STATISTICS_TABLE_THEMES:
      row = row_new ();
      row_add (row, g_strdup ("theme"));
      row_add (row, g_strdup ("total"));
      row_add (row, g_strdup ("dominance"));
      row_add (row, g_strdup ("dominant"));
      for (guint p = 0; p < P; p++)
        row_add (row, g_strdup (perspective_name (self, p)));
      table_add_row (rows, row);
      for (guint t = 0; t < self->themes->len; t++)
        {
          const ThemeRow *theme = &g_array_index (self->themes, ThemeRow, t);

          row = row_new ();
          row_add (row, g_strdup (theme->name));
          row_add (row, g_strdup_printf ("%u", theme->total));
          row_add (row, format_share (theme->dominance));
          row_add (row, g_strdup (theme->dominant >= 0 ? perspective_name (self, (guint) theme->dominant) : ""));
          for (guint p = 0; p < P; p++)
            row_add (row, g_strdup_printf ("%u", theme->cells[p]->len));
          table_add_row (rows, row);
        }
      /* Passages without a theme, as the Compare view's "No theme" row:
       * an empty theme, which no theme can be. */
      {
        guint total = 0, best = 0;
        int dominant = -1;

        for (guint p = 0; p < P; p++)
          {
            guint n = self->per[p].untagged->len;

            total += n;
            if (n > best)
              {
                best = n;
                dominant = (int) p;
              }
            else if (n == best && n > 0)
              dominant = -1;
          }
        if (total > 0)
          {
            row = row_new ();
            row_add (row, g_strdup (""));
            row_add (row, g_strdup_printf ("%u", total));
            row_add (row, format_share ((double) best / total));
            row_add (row, g_strdup (dominant >= 0 ? perspective_name (self, (guint) dominant) : ""));
            for (guint p = 0; p < P; p++)
              row_add (row, g_strdup_printf ("%u", self->per[p].untagged->len));
            table_add_row (rows, row);
          }
      }
      break;

    case PLX_STATISTICS_TABLE_SECTIONS:
      row = row_new ();
      row_add (row, g_strdup ("section"));
      row_add (row, g_strdup ("start"));
      row_add (row, g_strdup ("end"));
      for (guint p = 0; p < P; p++)
        {
          row_add (row, g_strdup_printf ("%s characters", perspective_name (self, p)));
          row_add (row, g_strdup_printf ("%s passages", perspective_name (self, p)));
        }
      table_add_row (rows, row);
      for (guint s = 0; s < self->sections->len; s++)
        {
          const Section *section = &g_array_index (self->sections, Section, s);

          row = row_new ();
          row_add (row, g_strdup (section->title));
          row_add (row, g_strdup_printf ("%u", section->start));
          row_add (row, g_strdup_printf ("%u", section->end));
          for (guint p = 0; p < P; p++)
            {
              row_add (row, g_strdup_printf ("%u", self->section_characters[s * P + p]));
              row_add (row, g_strdup_printf ("%u", self->section_passages[s * P + p]));
            }
          table_add_row (rows, row);
        }
      break;

    case PLX_STATISTICS_TABLE_COOCCURRENCE:
    case PLX_STATISTICS_TABLE_COOCCURRENCE_PASSAGES:
      {
        guint *values = table == PLX_STATISTICS_TABLE_COOCCURRENCE ? self->co_characters : self->co_passages;

        row = row_new ();
        row_add (row, g_strdup ("perspective"));
        for (guint p = 0; p < P; p++)
          row_add (row, g_strdup (perspective_name (self, p)));
        table_add_row (rows, row);
        for (guint p = 0; p < P; p++)
          {
            row = row_new ();
            row_add (row, g_strdup (perspective_name (self, p)));
            for (guint q = 0; q < P; q++)
              row_add (row, g_strdup_printf ("%u", values[p * P + q]));
            table_add_row (rows, row);
          }
      }
      break;

    default:
      g_return_val_if_reached (rows);
    }
  return rows;
}

const char *
plx_statistics_table_to_string (PlxStatisticsTable table)
{
  g_return_val_if_fail ((guint) table < PLX_STATISTICS_N_TABLES, NULL);
  return table_names[table];
}

gboolean
plx_statistics_table_from_string (const char         *name,
                                  PlxStatisticsTable *table)
{
  for (guint i = 0; i < PLX_STATISTICS_N_TABLES; i++)
    if (g_strcmp0 (name, table_names[i]) == 0)
      {
        *table = (PlxStatisticsTable) i;
        return TRUE;
      }
  return FALSE;
}

/* RFC 4180: fields holding a comma, a quote or a line break are quoted,
 * quotes inside doubled; records end in CRLF. */
void
plx_csv_append_row (GString            *out,
                    const char * const *cells)
{
  for (guint i = 0; cells[i] != NULL; i++)
    {
      const char *cell = cells[i];

      if (i > 0)
        g_string_append_c (out, ',');
      if (strpbrk (cell, ",\"\r\n") == NULL)
        {
          g_string_append (out, cell);
          continue;
        }
      g_string_append_c (out, '"');
      for (const char *c = cell; *c; c++)
        {
          if (*c == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *c);
        }
      g_string_append_c (out, '"');
    }
  g_string_append (out, "\r\n");
}

char *
plx_statistics_to_csv (PlxStatistics      *self,
                       PlxStatisticsTable  table)
{
  g_autoptr(GPtrArray) rows = NULL;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (PLX_IS_STATISTICS (self), g_string_free (out, FALSE));

  rows = plx_statistics_build_table (self, table);
  for (guint i = 0; i < rows->len; i++)
    plx_csv_append_row (out, g_ptr_array_index (rows, i));
  return g_string_free (out, FALSE);
}

gboolean
plx_statistics_save_csv (PlxStatistics       *self,
                         PlxStatisticsTable   table,
                         GFile               *file,
                         GCancellable        *cancellable,
                         GError             **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (PLX_IS_STATISTICS (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  csv = plx_statistics_to_csv (self, table);
  return g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, error);
}

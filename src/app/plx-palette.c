/* plx-palette.c
 *
 * The project gives a new perspective the next of a few spare colours,
 * whatever the others are: the fifth, sky blue, was hard to tell from the
 * second's blue. The window picks instead, from Okabe–Ito's and Paul
 * Tol's palettes (both told apart under the common colour-vision
 * deficiencies), the colour farthest from every colour in use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-palette"

#include <math.h>
#include <stdio.h>

#include "plx-core.h"
#include "plx-palette.h"

static const char *palette[] = {
  "#E69F00", "#0072B2", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442",
  "#882255", "#117733", "#332288", "#44AA99", "#999933", "#AA4499", "#661100",
};

static gboolean
parse (const char *color,
       double      rgb[3])
{
  unsigned int r, g, b;

  if (color == NULL || sscanf (color, "#%02x%02x%02x", &r, &g, &b) != 3)
    return FALSE;
  rgb[0] = r;
  rgb[1] = g;
  rgb[2] = b;
  return TRUE;
}

static double
redmean (const double x[3],
         const double y[3])
{
  double mean = (x[0] + y[0]) / 2;
  double dr = x[0] - y[0], dg = x[1] - y[1], db = x[2] - y[2];

  return sqrt ((2 + mean / 256) * dr * dr + 4 * dg * dg + (2 + (255 - mean) / 256) * db * db);
}

/**
 * plx_palette_distance:
 *
 * How far apart two #rrggbb colours look as the highlighter shows them,
 * tinting the text at 28 %: the smaller of the distances over the light
 * and over the dark style's background, by the "redmean" weighting of
 * RGB distance. G_MAXDOUBLE if either does not parse.
 */
double
plx_palette_distance (const char *a,
                      const char *b)
{
  static const double backgrounds[2][3] = { { 255, 255, 255 }, { 30, 30, 30 } };
  const double alpha = 0.28;
  double x[3], y[3], nearest = G_MAXDOUBLE;

  if (!parse (a, x) || !parse (b, y))
    return G_MAXDOUBLE;
  for (guint i = 0; i < G_N_ELEMENTS (backgrounds); i++)
    {
      double tx[3], ty[3];

      for (guint c = 0; c < 3; c++)
        {
          tx[c] = alpha * x[c] + (1 - alpha) * backgrounds[i][c];
          ty[c] = alpha * y[c] + (1 - alpha) * backgrounds[i][c];
        }
      nearest = MIN (nearest, redmean (tx, ty));
    }
  return nearest;
}

/**
 * plx_palette_pick:
 * @perspectives: (nullable): the project's PlxPerspectives
 *
 * Returns: the palette's colour farthest from all of @perspectives'.
 */
const char *
plx_palette_pick (GListModel *perspectives)
{
  guint n = perspectives ? g_list_model_get_n_items (perspectives) : 0;
  const char *best = palette[0];
  double best_distance = -1;

  for (guint c = 0; c < G_N_ELEMENTS (palette); c++)
    {
      double nearest = G_MAXDOUBLE;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PlxPerspective) perspective = g_list_model_get_item (perspectives, i);

          nearest = MIN (nearest, plx_palette_distance (palette[c], plx_perspective_get_color (perspective)));
        }
      if (nearest > best_distance)
        {
          best = palette[c];
          best_distance = nearest;
        }
    }
  return best;
}

/**
 * plx_palette_for_name:
 *
 * A colour for a coder who chose none: the same for the same name on
 * every machine, so that colleagues see each other alike.
 */
const char *
plx_palette_for_name (const char *name)
{
  return palette[g_str_hash (name != NULL ? name : "") % G_N_ELEMENTS (palette)];
}

/**
 * plx_palette_for_coder:
 * @coders: (nullable): the project's coders, sorted
 *
 * A colour for a coder who chose none: by the coder's place among
 * @coders, so that up to fourteen coders are told apart (names alone
 * collide), else by the name.
 */
const char *
plx_palette_for_coder (const char         *name,
                       const char * const *coders)
{
  for (guint i = 0; coders != NULL && coders[i] != NULL; i++)
    if (g_strcmp0 (coders[i], name) == 0)
      return palette[i % G_N_ELEMENTS (palette)];
  return plx_palette_for_name (name);
}

/* plx-adjudication-window.c: the coders compared in place. A document map
 * draws a lane per coder and one for the curated layer; the disagreements
 * are listed beside it, and the one in hand is decided with a key: A, B,
 * T (both), N (neither), E (take and edit), Left and Right to move,
 * Ctrl+Z to undo a decision. Every decision goes through the main
 * window's history (PlxAdjudication), so it is undone there too.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-adjudication-window"

#include <glib/gi18n.h>

#include "plx-adjudication-window.h"
#include "plx-document-map.h"
#include "plx-palette.h"

struct _PlxAdjudicationWindow
{
  AdwWindow        parent_instance;

  PlxHistory      *history;
  PlxProject      *project;
  PlxDocument     *document;
  PlxAdjudication *session;
  char            *coders[3];     /* A, B, the curated layer */
  GStrv            project_coders; /* for their colours */
  guint            current;
  char            *progress;

  GtkDropDown     *a_dropdown;
  GtkDropDown     *b_dropdown;
  GtkEntry        *curator_entry;
  GtkWidget       *map;
  GtkLabel        *progress_label;
  GtkLabel        *kind_label;
  GtkLabel        *a_label;
  GtkLabel        *b_label;
  GtkListBox      *list;
  GtkWidget       *decide_box;
};

G_DEFINE_FINAL_TYPE (PlxAdjudicationWindow, plx_adjudication_window, ADW_TYPE_WINDOW)

static const char *
kind_label (PlxDisagreementKind kind)
{
  switch (kind)
    {
    case PLX_DISAGREEMENT_ONLY_A:
      return _("Only A marked it");
    case PLX_DISAGREEMENT_ONLY_B:
      return _("Only B marked it");
    case PLX_DISAGREEMENT_PERSPECTIVE:
      return _("Another perspective");
    case PLX_DISAGREEMENT_THEMES:
      return _("Other themes");
    case PLX_DISAGREEMENT_EXTENT:
    default:
      return _("Other limits");
    }
}

static const char *
choice_label (PlxAdjudicationChoice choice)
{
  switch (choice)
    {
    case PLX_ADJUDICATION_TAKE_A:
      return _("A taken");
    case PLX_ADJUDICATION_TAKE_B:
      return _("B taken");
    case PLX_ADJUDICATION_TAKE_BOTH:
      return _("Both taken");
    case PLX_ADJUDICATION_TAKE_NEITHER:
      return _("Neither taken");
    case PLX_ADJUDICATION_EARLIER:
      return _("Decided earlier");
    case PLX_ADJUDICATION_PENDING:
    default:
      return _("Undecided");
    }
}

static char *
describe (PlxAdjudicationWindow *self,
          const char            *coder,
          PlxAnnotation         *annotation)
{
  PlxPerspective *perspective;
  g_autofree char *themes = NULL;

  if (annotation == NULL)
    /* Translators: %s is a coder; they did not mark the passage */
    return g_strdup_printf (_("%s: nothing"), coder);
  perspective = plx_project_find_perspective (self->project, plx_annotation_get_perspective_id (annotation));
  themes = g_strjoinv (", ", (char **) plx_annotation_get_themes (annotation));
  /* Translators: a coder's passage: coder, perspective, offsets, themes, quote */
  return g_strdup_printf (_("%s: %s, %u–%u, themes: %s\n“%s”"), coder,
                          perspective ? plx_perspective_get_name (perspective) : "?",
                          plx_annotation_get_start (annotation), plx_annotation_get_end (annotation),
                          *themes != '\0' ? themes : "—", plx_annotation_get_quote (annotation));
}

/* The map's lanes: one made-up perspective per coder, in the coder's
 * colour; each passage moved into its coder's lane. */
static void
update_map (PlxAdjudicationWindow *self)
{
  g_autoptr(GListStore) lanes = g_list_store_new (PLX_TYPE_PERSPECTIVE);
  g_autoptr(GListStore) passages = g_list_store_new (PLX_TYPE_ANNOTATION);
  g_autoptr(GPtrArray) annotations = NULL;
  PlxAnnotationQuery query = { plx_document_get_id (self->document), 0, NULL };

  for (guint c = 0; c < 3; c++)
    {
      g_autoptr(PlxPerspective) lane = plx_perspective_new (c + 1, self->coders[c],
                                                                  plx_palette_for_coder (self->coders[c], (const char * const *) self->project_coders),
                                                                  c);

      g_list_store_append (lanes, lane);
    }
  annotations = plx_project_list_annotations (self->project, &query, NULL);
  for (guint i = 0; annotations != NULL && i < annotations->len; i++)
    {
      PlxAnnotation *a = g_ptr_array_index (annotations, i);

      for (guint c = 0; c < 3; c++)
        if (g_strcmp0 (plx_annotation_get_author (a), self->coders[c]) == 0)
          {
            g_autoptr(PlxAnnotation) copy = plx_annotation_copy (a);

            plx_annotation_set_perspective_id (copy, c + 1);
            g_list_store_append (passages, copy);
          }
    }
  plx_document_map_set_model (PLX_DOCUMENT_MAP (self->map), self->document, G_LIST_MODEL (lanes), G_LIST_MODEL (passages));
}

static void
update_list (PlxAdjudicationWindow *self)
{
  GtkWidget *child;
  guint n = plx_adjudication_get_n_items (self->session);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < n; i++)
    {
      const PlxDisagreement *d = plx_adjudication_get_item (self->session, i);
      /* Translators: a disagreement in the list: its number, offsets, kind and state */
      g_autofree char *text = g_strdup_printf (_("%u. %u–%u · %s · %s"), i + 1, d->start, d->end, kind_label (d->kind),
                                               choice_label (plx_adjudication_get_choice (self->session, i)));
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_list_box_append (self->list, label);
    }
}

static void
update (PlxAdjudicationWindow *self)
{
  guint n = plx_adjudication_get_n_items (self->session);
  const PlxDisagreement *d;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *kind = NULL;

  g_free (self->progress);
  /* Translators: adjudication's progress, "37 of 120 resolved" */
  self->progress = g_strdup_printf (ngettext ("%u of %u resolved", "%u of %u resolved", n),
                                    plx_adjudication_get_n_resolved (self->session), n);
  gtk_label_set_text (self->progress_label, self->progress);
  update_list (self);
  update_map (self);
  gtk_widget_set_sensitive (self->decide_box, n > 0);
  if (n == 0)
    {
      gtk_label_set_text (self->kind_label, _("The two coders agree on every passage of this document."));
      gtk_label_set_text (self->a_label, "");
      gtk_label_set_text (self->b_label, "");
      return;
    }
  d = plx_adjudication_get_item (self->session, self->current);
  kind = g_strdup_printf ("%u. %s · %s", self->current + 1, kind_label (d->kind),
                          choice_label (plx_adjudication_get_choice (self->session, self->current)));
  gtk_label_set_text (self->kind_label, kind);
  a = describe (self, self->coders[0], d->a);
  b = describe (self, self->coders[1], d->b);
  gtk_label_set_text (self->a_label, a);
  gtk_label_set_text (self->b_label, b);
  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, (int) self->current));
  /* The main window shows the passage. */
  if (gtk_window_get_transient_for (GTK_WINDOW (self)) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self))),
                                "win.scroll-to-offset", "u", d->start);
}

static void
show_error (PlxAdjudicationWindow *self,
            GError                *error)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Adjudicate"),
                                                                         error->message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
take_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlxAdjudicationWindow *self = PLX_ADJUDICATION_WINDOW (widget);
  PlxAdjudicationChoice choice = (PlxAdjudicationChoice) g_variant_get_int32 (parameter);
  g_autoptr(GError) error = NULL;
  guint n;

  if (self->session == NULL || (n = plx_adjudication_get_n_items (self->session)) == 0)
    return;
  if (!plx_adjudication_resolve (self->session, self->current, choice, &error))
    {
      show_error (self, error);
      return;
    }
  if (plx_adjudication_next_pending (self->session, self->current) < n)
    self->current = plx_adjudication_next_pending (self->session, self->current);
  update (self);
}

/* E: the coder's passage taken (A's, else B's), then edited in the main
 * window's popover. */
static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlxAdjudicationWindow *self = PLX_ADJUDICATION_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const PlxDisagreement *d;
  guint index = self->current;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (self->session == NULL || plx_adjudication_get_n_items (self->session) == 0)
    return;
  d = plx_adjudication_get_item (self->session, index);
  if (!plx_adjudication_resolve (self->session, index, d->a ? PLX_ADJUDICATION_TAKE_A : PLX_ADJUDICATION_TAKE_B, &error))
    {
      show_error (self, error);
      return;
    }
  update (self);
  if (parent != NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (parent), "win.edit-annotation", "s",
                                  plx_adjudication_get_curated_uuid (self->session, index));
      gtk_window_present (parent);
    }
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlxAdjudicationWindow *self = PLX_ADJUDICATION_WINDOW (widget);
  int step = g_variant_get_int32 (parameter);
  guint n;

  if (self->session == NULL || (n = plx_adjudication_get_n_items (self->session)) == 0)
    return;
  self->current = (guint) (((int) self->current + step + (int) n) % (int) n);
  update (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlxAdjudicationWindow *self = PLX_ADJUDICATION_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->session == NULL)
    return;
  if (!plx_adjudication_undo (self->session, &error))
    {
      if (!g_error_matches (error, PLX_ERROR, PLX_ERROR_INVALID_ARGUMENT))
        show_error (self, error);
      return;
    }
  update (self);
}

static void
row_activated_cb (GtkListBox            *list,
                  GtkListBoxRow         *row,
                  PlxAdjudicationWindow *self)
{
  self->current = (guint) gtk_list_box_row_get_index (row);
  update (self);
}

/**
 * plx_adjudication_window_start:
 *
 * Compares @coder_a with @coder_b in the document, deciding into
 * @curator's layer.
 */
gboolean
plx_adjudication_window_start (PlxAdjudicationWindow  *self,
                               const char             *coder_a,
                               const char             *coder_b,
                               const char             *curator,
                               GError                **error)
{
  g_autoptr(PlxAdjudication) session = NULL;

  g_return_val_if_fail (PLX_IS_ADJUDICATION_WINDOW (self), FALSE);

  session = plx_adjudication_new (self->history, plx_document_get_id (self->document), coder_a, coder_b, curator, error);
  if (session == NULL)
    return FALSE;
  g_set_object (&self->session, session);
  for (guint c = 0; c < 3; c++)
    g_free (self->coders[c]);
  self->coders[0] = g_strdup (coder_a);
  self->coders[1] = g_strdup (coder_b);
  self->coders[2] = g_strdup (curator);
  self->current = MIN (plx_adjudication_next_pending (session, 0), MAX (plx_adjudication_get_n_items (session), 1) - 1);
  update (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->list));
  return TRUE;
}

static void
start_clicked_cb (PlxAdjudicationWindow *self)
{
  g_autoptr(GError) error = NULL;
  GtkStringObject *a = gtk_drop_down_get_selected_item (self->a_dropdown);
  GtkStringObject *b = gtk_drop_down_get_selected_item (self->b_dropdown);

  if (!plx_adjudication_window_start (self, a ? gtk_string_object_get_string (a) : NULL,
                                      b ? gtk_string_object_get_string (b) : NULL,
                                      gtk_editable_get_text (GTK_EDITABLE (self->curator_entry)), &error))
    show_error (self, error);
}

static GtkWidget *
key_button (const char *label,
            const char *tooltip,
            const char *action,
            GVariant   *target)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

static void
plx_adjudication_window_dispose (GObject *object)
{
  PlxAdjudicationWindow *self = PLX_ADJUDICATION_WINDOW (object);

  g_clear_object (&self->session);
  g_clear_object (&self->history);
  g_clear_object (&self->project);
  g_clear_object (&self->document);
  for (guint c = 0; c < 3; c++)
    g_clear_pointer (&self->coders[c], g_free);
  g_clear_pointer (&self->progress, g_free);
  g_clear_pointer (&self->project_coders, g_strfreev);
  G_OBJECT_CLASS (plx_adjudication_window_parent_class)->dispose (object);
}

static void
plx_adjudication_window_class_init (PlxAdjudicationWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const struct { guint key; PlxAdjudicationChoice choice; } takes[] = {
    { GDK_KEY_a, PLX_ADJUDICATION_TAKE_A }, { GDK_KEY_b, PLX_ADJUDICATION_TAKE_B },
    { GDK_KEY_t, PLX_ADJUDICATION_TAKE_BOTH }, { GDK_KEY_n, PLX_ADJUDICATION_TAKE_NEITHER },
  };

  G_OBJECT_CLASS (klass)->dispose = plx_adjudication_window_dispose;
  gtk_widget_class_install_action (widget_class, "adjudication.take", "i", take_action);
  gtk_widget_class_install_action (widget_class, "adjudication.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "adjudication.step", "i", step_action);
  gtk_widget_class_install_action (widget_class, "adjudication.undo", NULL, undo_action);
  for (guint i = 0; i < G_N_ELEMENTS (takes); i++)
    gtk_widget_class_add_binding_action (widget_class, takes[i].key, 0, "adjudication.take", "i", takes[i].choice);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, 0, "adjudication.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "adjudication.step", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "adjudication.step", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "adjudication.undo", NULL);
}

static void
plx_adjudication_window_init (PlxAdjudicationWindow *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *setup = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *start = gtk_button_new_with_mnemonic (_("_Compare"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *header = adw_header_bar_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Adjudication"));
  gtk_window_set_default_size (GTK_WINDOW (self), 820, 620);
  gtk_box_append (GTK_BOX (content), header);

  self->a_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  self->b_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->a_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Coder A"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->b_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Coder B"), -1);
  self->curator_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (self->curator_entry), _("Consensus"));
  gtk_entry_set_placeholder_text (self->curator_entry, _("Curated layer"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->curator_entry), _("The coder whose passages are the decisions"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->curator_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Curated layer"), -1);
  gtk_widget_add_css_class (start, "suggested-action");
  g_signal_connect_swapped (start, "clicked", G_CALLBACK (start_clicked_cb), self);
  gtk_box_append (GTK_BOX (setup), gtk_label_new (_("A:")));
  gtk_box_append (GTK_BOX (setup), GTK_WIDGET (self->a_dropdown));
  gtk_box_append (GTK_BOX (setup), gtk_label_new (_("B:")));
  gtk_box_append (GTK_BOX (setup), GTK_WIDGET (self->b_dropdown));
  gtk_box_append (GTK_BOX (setup), gtk_label_new (_("Into:")));
  gtk_box_append (GTK_BOX (setup), GTK_WIDGET (self->curator_entry));
  gtk_box_append (GTK_BOX (setup), start);
  gtk_widget_set_margin_start (setup, 12);
  gtk_widget_set_margin_end (setup, 12);
  gtk_widget_set_margin_top (setup, 12);
  gtk_box_append (GTK_BOX (content), setup);

  self->map = plx_document_map_new ();
  gtk_widget_set_tooltip_text (self->map, _("Lanes: coder A, coder B, the curated layer"));
  gtk_widget_set_size_request (self->map, 60, -1);
  gtk_box_append (GTK_BOX (body), self->map);

  self->progress_label = GTK_LABEL (gtk_label_new (""));
  gtk_widget_add_css_class (GTK_WIDGET (self->progress_label), "title-3");
  gtk_label_set_xalign (self->progress_label, 0);
  self->kind_label = GTK_LABEL (gtk_label_new (_("Choose two coders and the layer to decide into, then Compare.")));
  gtk_label_set_xalign (self->kind_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->kind_label), "heading");
  self->a_label = GTK_LABEL (gtk_label_new (""));
  self->b_label = GTK_LABEL (gtk_label_new (""));
  for (guint i = 0; i < 2; i++)
    {
      GtkLabel *label = i == 0 ? self->a_label : self->b_label;

      gtk_label_set_wrap (label, TRUE);
      gtk_label_set_xalign (label, 0);
      gtk_label_set_selectable (label, FALSE);
    }
  self->decide_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (self->decide_box), key_button (_("Take _A"), _("Take A’s passage (A)"), "adjudication.take", g_variant_new_int32 (PLX_ADJUDICATION_TAKE_A)));
  gtk_box_append (GTK_BOX (self->decide_box), key_button (_("Take _B"), _("Take B’s passage (B)"), "adjudication.take", g_variant_new_int32 (PLX_ADJUDICATION_TAKE_B)));
  gtk_box_append (GTK_BOX (self->decide_box), key_button (_("_Both"), _("Take both passages (T)"), "adjudication.take", g_variant_new_int32 (PLX_ADJUDICATION_TAKE_BOTH)));
  gtk_box_append (GTK_BOX (self->decide_box), key_button (_("_Neither"), _("Take neither (N)"), "adjudication.take", g_variant_new_int32 (PLX_ADJUDICATION_TAKE_NEITHER)));
  gtk_box_append (GTK_BOX (self->decide_box), key_button (_("_Edit…"), _("Take A’s passage (or B’s) and edit it (E)"), "adjudication.edit", NULL));
  gtk_box_append (GTK_BOX (self->decide_box), key_button (_("_Undo"), _("Undo the last decision (Ctrl+Z)"), "adjudication.undo", NULL));
  gtk_widget_set_sensitive (self->decide_box, FALSE);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Disagreements"), -1);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_widget_set_vexpand (scrolled, TRUE);

  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->progress_label));
  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->kind_label));
  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->a_label));
  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->b_label));
  gtk_box_append (GTK_BOX (side), self->decide_box);
  gtk_box_append (GTK_BOX (side), scrolled);
  gtk_widget_set_hexpand (side, TRUE);
  gtk_box_append (GTK_BOX (body), side);
  gtk_widget_set_margin_start (body, 12);
  gtk_widget_set_margin_end (body, 12);
  gtk_widget_set_margin_top (body, 12);
  gtk_widget_set_margin_bottom (body, 12);
  gtk_widget_set_vexpand (body, TRUE);
  gtk_box_append (GTK_BOX (content), body);
  adw_window_set_content (ADW_WINDOW (self), content);
}

/**
 * plx_adjudication_window_new:
 * @history: the main window's, so that decisions are undone there too
 * @coders: the project's coders to choose A and B from
 */
GtkWidget *
plx_adjudication_window_new (GtkWindow          *parent,
                             PlxHistory         *history,
                             PlxDocument        *document,
                             const char * const *coders)
{
  PlxAdjudicationWindow *self = g_object_new (PLX_TYPE_ADJUDICATION_WINDOW, "transient-for", parent, NULL);
  g_autoptr(GtkStringList) a = gtk_string_list_new (coders);
  g_autoptr(GtkStringList) b = gtk_string_list_new (coders);

  self->history = g_object_ref (history);
  self->project = g_object_ref (plx_history_get_project (history));
  self->document = g_object_ref (document);
  self->project_coders = g_strdupv ((char **) coders);
  gtk_drop_down_set_model (self->a_dropdown, G_LIST_MODEL (a));
  gtk_drop_down_set_model (self->b_dropdown, G_LIST_MODEL (b));
  if (g_list_model_get_n_items (G_LIST_MODEL (b)) > 1)
    gtk_drop_down_set_selected (self->b_dropdown, 1);
  return GTK_WIDGET (self);
}

PlxAdjudication *
plx_adjudication_window_get_session (PlxAdjudicationWindow *self)
{
  g_return_val_if_fail (PLX_IS_ADJUDICATION_WINDOW (self), NULL);
  return self->session;
}

guint
plx_adjudication_window_get_current (PlxAdjudicationWindow *self)
{
  g_return_val_if_fail (PLX_IS_ADJUDICATION_WINDOW (self), 0);
  return self->current;
}

const char *
plx_adjudication_window_get_progress (PlxAdjudicationWindow *self)
{
  g_return_val_if_fail (PLX_IS_ADJUDICATION_WINDOW (self), NULL);
  return self->progress;
}

GtkWidget *
plx_adjudication_window_get_map (PlxAdjudicationWindow *self)
{
  g_return_val_if_fail (PLX_IS_ADJUDICATION_WINDOW (self), NULL);
  return self->map;
}

/* plx-window-private.h: shared by the files that make up PlxWindow.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "plx-codebook-sidebar.h"
#include "plx-compare-view.h"
#include "plx-document-map.h"
#include "plx-highlighter.h"
#include "plx-open-document.h"
#include "plx-search-view.h"
#include "plx-tag-popover.h"
#include "plx-window.h"

G_BEGIN_DECLS

struct _PlxWindow
{
  AdwApplicationWindow  parent_instance;

  /* Owned references */
  GSettings            *settings;
  PlxProject           *project;
  PlxHistory           *history;
  PlxDocument          *document;
  PlxAnnotationList    *annotations;
  PlxHighlighter       *highlighter;
  GPtrArray            *panels;
  GArray               *document_summaries; /* PlxDocumentSummary, for the menu */
  GHashTable           *chosen_themes;    /* the theme filter's, a set */
  GHashTable           *enabled_actions;  /* action name → 1 disabled, 2 enabled */
  gboolean              updating_themes;
  PlxTagPopover        *tag_popover;
  char                 *editing_uuid;    /* NULL: the popover tags a new passage */
  guint                 tag_start;
  guint                 tag_end;
  GtkTextTag           *flash_tag;
  guint                 flash_source;
  guint                 themes_source;
  gboolean              narrow;
  guint                 layout_source;
  guint                 scroll_tick;
  guint                 scroll_frames_left;
  double                scroll_yalign;
  guint                 popup_tick;       /* the popover waits for its passage */
  guint                 popup_frames_left;
  gboolean              popup_seen;
  GdkRectangle          popup_rect;
  gboolean              selection_fresh;  /* made by the reader, not yet tagged */
  gboolean              selecting;        /* the window itself moves the selection */
  guint                 click_popup_source; /* a double click, unless a third follows */
  GMenu                *text_menu;        /* tagging, in the text's context menus */
  GtkWidget            *text_menu_popover; /* the right-click menu */
  GCancellable         *busy_cancellable; /* the long task under way */

  /* Layers by coder (plx-window-coders.c) */
  GtkFilterListModel   *visible;          /* the passages shown, over annotations */
  GtkCustomFilter      *coder_filter;
  GHashTable           *hidden_coders;    /* author names, a set */
  char                 *blind_as;         /* blind coding: the user's name then; NULL: off */
  GCancellable         *opening_cancellable; /* a project opened elsewhere */
  guint                 sync_source;

  /* A document being put into the view, a slice at a time. */
  GCancellable         *load_cancellable;
  gint64                load_document_id; /* to read once the busy bar is in; 0: none */
  gulong                load_reveal_handler;
  PlxDocument          *loading;
  guint                 fill_source;
  gsize                 fill_byte;
  guint                 fill_chars;
  guint                 fill_block;
  int                   pending_scroll;   /* offset to show once loaded, or -1 */
  char                 *pending_reveal;   /* a passage to show once loaded, or NULL */

  /* Template objects */
  PlxOpenDocument      *current;          /* what the header and title show */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *window_title;
  GtkDropDown          *document_dropdown;
  GtkStack             *document_stack;
  GtkScrolledWindow    *text_scroller;
  GtkTextView          *text_view;
  GtkSearchEntry       *search_entry;
  GtkMenuButton        *theme_button;
  GtkMenuButton        *coder_button;
  GtkBox               *coder_box;
  GtkBox               *theme_box;
  GtkStack             *panels_stack;
  GtkBox               *columns_box;
  GtkStack             *tabs_stack;
  GtkWidget            *tabs_squeezer;
  GtkDropDown          *tabs_dropdown;
  GtkRevealer          *busy_revealer;
  GtkLabel             *busy_label;
  GtkProgressBar       *busy_progress;
  AdwViewStack         *view_stack;
  PlxCompareView       *compare_view;
  PlxDocumentMap       *document_map;
  GtkRevealer          *codebook_revealer;
  PlxCodebookSidebar   *codebook_sidebar;

  /* The passages at the caret (plx-window-a11y.c) */
  GtkPopover           *caret_popover;
  GtkLabel             *caret_heading;
  GtkListBox           *caret_list;

  PlxSearchView        *search_view;      /* plx-window-search.c */
};


void _plx_window_update_actions     (PlxWindow      *self);
void _plx_window_rebuild_panels     (PlxWindow      *self);
void _plx_window_clear_panels       (PlxWindow      *self);
void _plx_window_document_shown     (PlxWindow      *self);
void _plx_window_scroll_to_offset   (PlxWindow      *self,
                                     guint           offset,
                                     gboolean        to_top);
void _plx_window_busy_begin         (PlxWindow      *self,
                                     const char     *label);
void _plx_window_busy_progress      (PlxWindow      *self,
                                     double          fraction);
void _plx_window_busy_end           (PlxWindow      *self);
void _plx_window_document_init      (PlxWindow      *self);
void _plx_window_coders_class_init  (GtkWidgetClass *widget_class);
void _plx_window_team_class_init    (GtkWidgetClass *widget_class);
void _plx_window_coders_init        (PlxWindow      *self);
void _plx_window_coders_dispose     (PlxWindow      *self);
char *_plx_window_dup_coder_name    (PlxWindow      *self);
char *_plx_window_dup_coder_color   (PlxWindow      *self,
                                     const char     *coder);
void _plx_window_update_coder       (PlxWindow      *self);
gboolean _plx_window_coder_shown    (PlxWindow      *self,
                                     PlxAnnotation  *annotation);
void _plx_window_drop_hidden        (PlxWindow      *self,
                                     GPtrArray      *covering);
GListModel *_plx_window_show_annotations (PlxWindow         *self,
                                          PlxAnnotationList *annotations);
void _plx_window_set_coder_shown    (PlxWindow      *self,
                                     const char     *coder,
                                     gboolean        shown);
void _plx_window_set_blind          (PlxWindow      *self,
                                     gboolean        blind);
void _plx_window_add_init           (PlxWindow      *self);
void _plx_window_add_document_filters (PlxWindow    *self,
                                     GtkFileChooser *chooser);
void _plx_window_documents_changed  (PlxWindow      *self);
void _plx_window_stop_scrolling     (PlxWindow      *self);
void _plx_window_tagging_class_init (GtkWidgetClass *widget_class);
void _plx_window_tagging_init       (PlxWindow      *self);
void _plx_window_document_changes   (PlxWindow      *self,
                                     PlxChangeSet   *changes);
void _plx_window_document_class_init (GtkWidgetClass *widget_class);
void _plx_window_document_dispose   (PlxWindow      *self);
void _plx_window_refresh_documents  (PlxWindow      *self);
void _plx_window_show_read_document (PlxWindow      *self,
                                     PlxDocument    *document);
void _plx_window_refresh_themes     (PlxWindow      *self);
void _plx_window_codebook_class_init (GtkWidgetClass *widget_class);
void _plx_window_search_class_init  (GtkWidgetClass *widget_class);
void _plx_window_search_init        (PlxWindow      *self);
void _plx_window_search_set_project (PlxWindow      *self);
void _plx_window_apply_query        (PlxWindow      *self);
void _plx_window_toast              (PlxWindow      *self,
                                     const char     *title);
void _plx_window_io_class_init      (GtkWidgetClass *widget_class);
void _plx_window_actions_class_init (GtkWidgetClass *widget_class);
gboolean _plx_window_get_selection  (PlxWindow      *self,
                                     guint          *start,
                                     guint          *end);
void _plx_window_io_start           (PlxWindow      *self);
void _plx_window_io_stop            (PlxWindow      *self);
void _plx_window_a11y_class_init    (GtkWidgetClass *widget_class);
void _plx_window_a11y_init          (PlxWindow      *self);
void _plx_window_a11y_dispose       (PlxWindow      *self);
void _plx_window_popup_tag_popover  (PlxWindow      *self);
void _plx_window_cancel_popup       (PlxWindow      *self);
gboolean _plx_window_add_tag        (PlxWindow          *self,
                                     guint               start,
                                     guint               end,
                                     gint64              perspective_id,
                                     const char * const *themes,
                                     const char         *note);
void _plx_window_clear_selection    (PlxWindow      *self);
void _plx_window_text_menu_init     (PlxWindow      *self);
void _plx_window_update_text_menu   (PlxWindow      *self);
void _plx_window_open_tag_popover   (PlxWindow      *self,
                                     guint           start,
                                     guint           end);
void _plx_window_text_pressed       (PlxWindow      *self,
                                     int             n_press,
                                     double          x,
                                     double          y,
                                     GtkGestureClick *gesture);
void _plx_window_text_released      (PlxWindow      *self,
                                     int             n_press,
                                     double          x,
                                     double          y,
                                     GtkGestureClick *gesture);
void _plx_window_select_for_reader  (PlxWindow      *self,
                                     const GtkTextIter *start,
                                     const GtkTextIter *end);
void _plx_window_selection_moved    (PlxWindow      *self,
                                     const GtkTextIter *location,
                                     GtkTextMark    *mark);
PlxAnnotation *_plx_window_find_duplicate (PlxWindow *self,
                                           guint      start,
                                           guint      end,
                                           gint64     perspective_id);
void _plx_window_ask_duplicate      (PlxWindow          *self,
                                     guint               start,
                                     guint               end,
                                     gint64              perspective_id,
                                     const char * const *themes,
                                     const char         *note);

G_END_DECLS

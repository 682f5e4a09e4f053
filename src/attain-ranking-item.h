/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "model/attain-dashboard.h"

G_BEGIN_DECLS

#define ATTAIN_TYPE_RANKING_ITEM (attain_ranking_item_get_type ())
G_DECLARE_FINAL_TYPE (AttainRankingItem, attain_ranking_item, ATTAIN, RANKING_ITEM, GObject)

/* One row of the dashboard's ranking, as properties a GtkColumnView template can bind. */
AttainRankingItem             *
attain_ranking_item_new (const AttainRankingRow *row, guint rank, const char *currency);
const char *attain_ranking_item_get_scope (AttainRankingItem *self);
const char *attain_ranking_item_get_name (AttainRankingItem *self);
const char *attain_ranking_item_get_variance_text (AttainRankingItem *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "attain-db.h"

G_BEGIN_DECLS

typedef enum
{
  ATTAIN_HISTORY_REVIEW,
  ATTAIN_HISTORY_CALIBRATION,
  ATTAIN_HISTORY_APPEAL,
  ATTAIN_HISTORY_POSITION,
} AttainHistoryKind;

/* One line of a person's record: what happened, on which day, in words. */
typedef struct
{
  AttainHistoryKind kind;
  char             *date; /* ISO day */
  char             *title;
  char             *detail;
} AttainHistoryEntry;

/* Everything of a person's record across periods, newest first: each review with its state,
 * the composite and rating it was signed with, calibration moves with their reasons, appeals
 * and their outcomes, and position changes. */
GPtrArray *attain_person_history (AttainDb *db, gint64 person_id, GError **error);
void       attain_history_entry_free (AttainHistoryEntry *entry);

G_END_DECLS

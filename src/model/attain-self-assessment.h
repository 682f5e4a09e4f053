/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "attain-db.h"
#include "attain-period.h"

G_BEGIN_DECLS

/* The self-assessment (述职) a salesperson fills in before the review: an Excel form per person,
 * prefilled with the period's results, with a field for their own rating (1-5) of each
 * capability and one for their self-assessment text. The filled form imports back into the
 * person's review for the period, whole or not at all. */
gboolean attain_self_assessment_write_xlsx (AttainDb           *db,
                                            gint64              person_id,
                                            const AttainPeriod *period,
                                            const GDate        *today,
                                            const char         *path,
                                            GError            **error);
/* One file per person into @directory: self-assessment-PERIOD-ID-NAME.xlsx. */
gboolean attain_self_assessment_write_into (AttainDb           *db,
                                            gint64              person_id,
                                            const AttainPeriod *period,
                                            const GDate        *today,
                                            const char         *directory,
                                            GError            **error);
/* Reads a filled form into the review it was made for: the ratings and the text, in one
 * transaction; refused (with the row) for a rating outside 1-5, a file that is not such a
 * form, or a review that is signed off. @who is set to the person's name. */
gboolean attain_self_assessment_import (AttainDb *db, const char *path, char **who, GError **error);
/* The self-ratings given in a review: metric key → rating (GINT_TO_POINTER). */
GHashTable *attain_self_ratings (AttainDb *db, gint64 review_id, GError **error);

G_END_DECLS

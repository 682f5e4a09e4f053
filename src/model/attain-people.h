/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "attain-db.h"

G_BEGIN_DECLS

#define ATTAIN_PEOPLE_ERROR (attain_people_error_quark ())

typedef enum
{
  ATTAIN_PEOPLE_ERROR_INVALID,
  ATTAIN_PEOPLE_ERROR_CHANGED,
} AttainPeopleError;

/* One person of the organisation as the people page lists them. */
typedef struct
{
  gint64   id;
  gint64   unit_id;
  gint64   position_id;
  char    *employee_no;
  char    *name;
  char    *position;
  char    *team;
  char    *region;
  char    *hired_on;
  char    *left_on;
  gboolean active;
  char    *search_key; /* name, employee number, pinyin and its initials, folded */
} AttainPerson;

/* A unit or position to choose from. */
typedef struct
{
  gint64 id;
  char  *label;
} AttainChoice;

GQuark     attain_people_error_quark (void);
GPtrArray *attain_people_list (AttainDb *db, GError **error);
GPtrArray *attain_team_choices (AttainDb *db, GError **error);
GPtrArray *attain_position_choices (AttainDb *db, GError **error);
char      *attain_pinyin_key (const char *name);
gboolean   attain_person_matches (const AttainPerson *person, const char *query);
gboolean   attain_membership_move (AttainDb *db,
                                   gint64    person_id,
                                   gint64    unit_id,
                                   int       from_month,
                                   GError  **error);
gboolean   attain_person_add (AttainDb   *db,
                              const char *name,
                              const char *employee_no,
                              gint64      unit_id,
                              gint64      position_id,
                              const char *hired_on,
                              gint64     *out_id,
                              GError    **error);
gboolean   attain_person_move (AttainDb   *db,
                               gint64      person_id,
                               gint64      expected_unit_id,
                               gint64      unit_id,
                               const char *effective_on,
                               GError    **error);
gboolean   attain_person_set_position (AttainDb *db,
                                       gint64    person_id,
                                       gint64    expected_position_id,
                                       gint64    position_id,
                                       GError  **error);
gboolean   attain_person_mark_left (AttainDb   *db,
                                    gint64      person_id,
                                    const char *left_on,
                                    gint64      handover_to,
                                    const char *today,
                                    guint      *handed_over,
                                    GError    **error);
gboolean   attain_people_apply_leave_dates (AttainDb *db, const char *today, GError **error);
void       attain_person_free (AttainPerson *person);
void       attain_choice_free (AttainChoice *choice);

gboolean attain_person_exists (AttainDb *db, gint64 person_id);

G_END_DECLS

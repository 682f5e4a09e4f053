/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "model/attain-db.h"

G_BEGIN_DECLS

char     *attain_test_make_tmp_dir (void);
char     *attain_test_db_path (const char *dir, const char *name);
void      attain_test_rm_rf (const char *dir);
AttainDb *attain_test_small_company (const char *path);
gint64    attain_test_query_int (AttainDb *db, const char *sql);
void      attain_test_date (GDate *date, const char *iso);
char     *attain_test_database_digest (AttainDb *db);
char     *attain_test_database_digest_without_times (AttainDb *db);

/* Ids in the small company, see attain_test_small_company(). */
enum
{
  SMALL_COMPANY = 1,
  SMALL_REGION_EAST = 2,
  SMALL_TEAM_ONE = 3,
  SMALL_TEAM_TWO = 4,
  SMALL_REGION_WEST = 5,
  SMALL_TEAM_EMPTY = 6,
  SMALL_PERSON_A = 1,
  SMALL_PERSON_B = 2,
  SMALL_PERSON_D = 3,
};

G_END_DECLS

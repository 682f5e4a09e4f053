/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "attain-db.h"

G_BEGIN_DECLS

#define ATTAIN_SETTINGS_ERROR (attain_settings_error_quark ())

typedef enum
{
  ATTAIN_SETTINGS_ERROR_INVALID,
} AttainSettingsError;

typedef struct
{
  gint64 id;
  int    position;
  char  *label;
  int    probability;
} AttainStageSetting;

/* The company's settings as the settings window and "Set Up by Hand" edit them. Every change is
 * one transaction; one that changes what the sums weigh (stage probabilities, tier weights)
 * rebuilds the sums in the same transaction. */
GQuark   attain_settings_error_quark (void);
gboolean attain_setup_company (AttainDb   *db,
                               const char *company,
                               const char *region,
                               const char *team,
                               GError    **error);
gboolean attain_org_add_unit (AttainDb   *db,
                              gint64      parent_id,
                              const char *kind,
                              const char *name,
                              gint64     *out_id,
                              GError    **error);
gboolean attain_settings_set_company_name (AttainDb *db, const char *name, GError **error);
gboolean attain_settings_set_int (AttainDb *db, const char *key, int value, GError **error);
gboolean attain_settings_set_currency (AttainDb *db, const char *code, GError **error);
gboolean
attain_settings_set_choice (AttainDb *db, const char *key, const char *value, GError **error);
GPtrArray *attain_settings_stages (AttainDb *db, GError **error);
gboolean
attain_settings_set_probability (AttainDb *db, gint64 stage_id, int probability, GError **error);
GPtrArray *attain_region_choices (AttainDb *db, GError **error);
void       attain_stage_setting_free (AttainStageSetting *stage);

G_END_DECLS

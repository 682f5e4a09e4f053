/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "attain-db.h"

G_BEGIN_DECLS

typedef enum
{
  ATTAIN_SCOPE_UNIT,
  ATTAIN_SCOPE_PERSON,
} AttainScopeKind;

/* What a dashboard or a metric is about: an org unit (with everything under it) or one person. */
typedef struct
{
  AttainScopeKind kind;
  gint64          id;
} AttainScope;

typedef struct
{
  AttainScope scope;
  gint64      parent_unit_id; /* 0 for the company */
  int         depth;          /* 0 for the company */
  char       *name;
  char       *kind_label; /* "Region", "Team", or the person's position */
} AttainOrgEntry;

gboolean    attain_scope_parse (const char *text, AttainScope *out);
char       *attain_scope_to_string (const AttainScope *scope);
gboolean    attain_scope_equal (const AttainScope *a, const AttainScope *b);
gboolean    attain_org_company (AttainDb *db, AttainScope *out, GError **error);
GPtrArray  *attain_org_list (AttainDb *db, GError **error);
gboolean    attain_org_describe (AttainDb          *db,
                                 const AttainScope *scope,
                                 char             **name,
                                 char             **kind_label,
                                 AttainScope       *parent,
                                 gboolean          *has_parent,
                                 GError           **error);
const char *attain_unit_kind_label (const char *kind);
const char *attain_position_label (const char *key, const char *name);
const char *attain_stage_label (const char *key, const char *name);
void        attain_org_entry_free (AttainOrgEntry *entry);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "attain-org.h"

#include "attain-gettext.h"
#include <stdio.h>

gboolean
attain_scope_parse (const char *text, AttainScope *out)
{
  gint64      id;
  const char *number;

  g_return_val_if_fail (text != NULL, FALSE);

  if (g_str_has_prefix (text, "unit:"))
    {
      out->kind = ATTAIN_SCOPE_UNIT;
      number = text + 5;
    }
  else if (g_str_has_prefix (text, "person:"))
    {
      out->kind = ATTAIN_SCOPE_PERSON;
      number = text + 7;
    }
  else
    return FALSE;

  if (!g_ascii_string_to_signed (number, 10, 1, G_MAXINT64, &id, NULL))
    return FALSE;
  out->id = id;
  return TRUE;
}

char *
attain_scope_to_string (const AttainScope *scope)
{
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT,
                          scope->kind == ATTAIN_SCOPE_UNIT ? "unit" : "person", scope->id);
}

gboolean
attain_scope_equal (const AttainScope *a, const AttainScope *b)
{
  return a->kind == b->kind && a->id == b->id;
}

const char *
attain_unit_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "company") == 0)
    return _ ("Company");
  if (g_strcmp0 (kind, "region") == 0)
    return _ ("Region");
  if (g_strcmp0 (kind, "product_line") == 0)
    return _ ("Product line");
  if (g_strcmp0 (kind, "team") == 0)
    return _ ("Team");
  return kind;
}

const char *
attain_position_label (const char *key, const char *name)
{
  /* Built-in ladder rows follow the UI language; renamed or added rows show their own name. */
  if (g_strcmp0 (key, "sales_rep") == 0)
    return _ ("Sales representative");
  if (g_strcmp0 (key, "senior_sales_rep") == 0)
    return _ ("Senior sales representative");
  if (g_strcmp0 (key, "team_lead") == 0)
    return _ ("Team lead");
  if (g_strcmp0 (key, "sales_manager") == 0)
    return _ ("Sales manager");
  if (g_strcmp0 (key, "senior_sales_manager") == 0)
    return _ ("Senior sales manager");
  return name;
}

const char *
attain_stage_label (const char *key, const char *name)
{
  if (g_strcmp0 (key, "lead") == 0)
    return C_ ("deal stage", "Lead");
  if (g_strcmp0 (key, "qualified") == 0)
    return C_ ("deal stage", "Qualified");
  if (g_strcmp0 (key, "proposal") == 0)
    return C_ ("deal stage", "Proposal");
  if (g_strcmp0 (key, "negotiation") == 0)
    return C_ ("deal stage", "Negotiation");
  if (g_strcmp0 (key, "won") == 0)
    return C_ ("deal stage", "Won");
  return name;
}

void
attain_org_entry_free (AttainOrgEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->name);
  g_free (entry->kind_label);
  g_free (entry);
}

gboolean
attain_org_company (AttainDb *db, AttainScope *out, GError **error)
{
  sqlite3_stmt *stmt;

  stmt = attain_db_prepare (
      db, "SELECT id FROM org_units WHERE parent_id IS NULL ORDER BY id LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_NOT_FOUND,
                   _ ("The database has no company yet. Create the demo company or import an "
                      "organisation first."));
      return FALSE;
    }
  out->kind = ATTAIN_SCOPE_UNIT;
  out->id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static void
append_unit (AttainDb   *db,
             GPtrArray  *out,
             GHashTable *children,
             GHashTable *people,
             gint64      unit_id,
             gint64      parent_id,
             int         depth,
             GHashTable *names,
             GHashTable *kinds)
{
  AttainOrgEntry *entry = g_new0 (AttainOrgEntry, 1);
  GPtrArray      *kids;
  GPtrArray      *members;

  entry->scope = (AttainScope){ ATTAIN_SCOPE_UNIT, unit_id };
  entry->parent_unit_id = parent_id;
  entry->depth = depth;
  entry->name = g_strdup (g_hash_table_lookup (names, &unit_id));
  entry->kind_label = g_strdup (attain_unit_kind_label (g_hash_table_lookup (kinds, &unit_id)));
  g_ptr_array_add (out, entry);

  members = g_hash_table_lookup (people, &unit_id);
  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      AttainOrgEntry *person = g_ptr_array_index (members, i);
      person->depth = depth + 1;
      g_ptr_array_add (out, person);
      members->pdata[i] = NULL;
    }

  kids = g_hash_table_lookup (children, &unit_id);
  for (guint i = 0; kids != NULL && i < kids->len; i++)
    append_unit (db, out, children, people, *(gint64 *) g_ptr_array_index (kids, i), unit_id,
                 depth + 1, names, kinds);
}

GPtrArray *
attain_org_list (AttainDb *db, GError **error)
{
  g_autoptr (GPtrArray) out
      = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_org_entry_free);
  g_autoptr (GHashTable) names
      = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr (GHashTable) kinds
      = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr (GHashTable) children = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                           (GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GHashTable) people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         (GDestroyNotify) g_ptr_array_unref);
  gint64        root = 0;
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (db != NULL, NULL);

  stmt = attain_db_prepare (db, "SELECT id, parent_id, kind, name FROM org_units ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64     id = sqlite3_column_int64 (stmt, 0);
      gint64     parent = sqlite3_column_int64 (stmt, 1);
      GPtrArray *kids;

      g_hash_table_insert (names, g_memdup2 (&id, sizeof id),
                           g_strdup ((const char *) sqlite3_column_text (stmt, 3)));
      g_hash_table_insert (kinds, g_memdup2 (&id, sizeof id),
                           g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
      if (sqlite3_column_type (stmt, 1) == SQLITE_NULL)
        {
          if (root == 0)
            root = id;
          continue;
        }
      kids = g_hash_table_lookup (children, &parent);
      if (kids == NULL)
        {
          kids = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (children, g_memdup2 (&parent, sizeof parent), kids);
        }
      g_ptr_array_add (kids, g_memdup2 (&id, sizeof id));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Reading the organisation"));
      return NULL;
    }

  stmt = attain_db_prepare (db,
                            "SELECT p.id, p.unit_id, p.name, pos.key, pos.name FROM people p "
                            "JOIN positions pos ON pos.id = p.position_id "
                            "WHERE p.active ORDER BY p.unit_id, pos.rank DESC, p.id",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64          unit = sqlite3_column_int64 (stmt, 1);
      AttainOrgEntry *entry = g_new0 (AttainOrgEntry, 1);
      GPtrArray      *members = g_hash_table_lookup (people, &unit);

      entry->scope = (AttainScope){ ATTAIN_SCOPE_PERSON, sqlite3_column_int64 (stmt, 0) };
      entry->parent_unit_id = unit;
      entry->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      entry->kind_label
          = g_strdup (attain_position_label ((const char *) sqlite3_column_text (stmt, 3),
                                             (const char *) sqlite3_column_text (stmt, 4)));
      if (members == NULL)
        {
          members = g_ptr_array_new_with_free_func ((GDestroyNotify) attain_org_entry_free);
          g_hash_table_insert (people, g_memdup2 (&unit, sizeof unit), members);
        }
      g_ptr_array_add (members, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      attain_db_set_error (db, error, _ ("Reading the people"));
      return NULL;
    }

  if (root != 0)
    append_unit (db, out, children, people, root, 0, 0, names, kinds);
  return g_steal_pointer (&out);
}

gboolean
attain_org_describe (AttainDb          *db,
                     const AttainScope *scope,
                     char             **name,
                     char             **kind_label,
                     AttainScope       *parent,
                     gboolean          *has_parent,
                     GError           **error)
{
  sqlite3_stmt *stmt;

  if (scope->kind == ATTAIN_SCOPE_UNIT)
    stmt = attain_db_prepare (db, "SELECT name, kind, NULL, parent_id FROM org_units WHERE id = ?1",
                              error);
  else
    stmt = attain_db_prepare (db,
                              "SELECT p.name, pos.key, pos.name, p.unit_id FROM people p "
                              "JOIN positions pos ON pos.id = p.position_id WHERE p.id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, scope->id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, scope->id);

      sqlite3_reset (stmt);
      if (scope->kind == ATTAIN_SCOPE_UNIT)
        g_set_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_NOT_FOUND,
                     _ ("There is no organisation unit with id %s. List the units with "
                        "“attain-cli units”."),
                     id);
      else
        g_set_error (error, ATTAIN_DB_ERROR, ATTAIN_DB_ERROR_NOT_FOUND,
                     _ ("There is no person with id %s. List the people with “attain-cli units”."),
                     id);
      return FALSE;
    }

  if (name != NULL)
    *name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (kind_label != NULL)
    {
      if (scope->kind == ATTAIN_SCOPE_UNIT)
        *kind_label
            = g_strdup (attain_unit_kind_label ((const char *) sqlite3_column_text (stmt, 1)));
      else
        *kind_label
            = g_strdup (attain_position_label ((const char *) sqlite3_column_text (stmt, 1),
                                               (const char *) sqlite3_column_text (stmt, 2)));
    }
  if (has_parent != NULL)
    *has_parent = sqlite3_column_type (stmt, 3) != SQLITE_NULL;
  if (parent != NULL)
    *parent = (AttainScope){ ATTAIN_SCOPE_UNIT, sqlite3_column_int64 (stmt, 3) };
  sqlite3_reset (stmt);
  return TRUE;
}

/* plx-pg-roles.c: who may do what in a team project, enforced by the
 * server itself (GRANTs and row-level security), not by the client:
 *   reader  reads everything;
 *   coder   adds passages and memos, and edits and deletes only their own;
 *   lead    edits anyone's, and manages perspectives, themes and documents;
 *   admin   a lead who also hands out the roles.
 * Each role is a PostgreSQL group role named after the database
 * (plx_DATABASE_coder…); a person is a login role that belongs to one of
 * them, and their passages are those whose annotator bears their login
 * name. The owner of the tables (who made the project) is not bound by
 * the policies.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "plx-pg"

#include <glib/gi18n-lib.h>

#include "plx-error.h"
#include "plx-pg-store-private.h"

static const char roles_sql[] =
  "CREATE OR REPLACE FUNCTION plx_role (kind text) RETURNS text LANGUAGE sql STABLE "
  "  AS $$ SELECT 'plx_' || left (current_database (), 40) || '_' || kind $$;"
  "DO $$"
  "DECLARE"
  "  kind text;"
  "BEGIN"
  "  FOREACH kind IN ARRAY ARRAY['reader', 'coder', 'lead', 'admin'] LOOP"
  "    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = plx_role (kind)) THEN"
  "      EXECUTE format ('CREATE ROLE %I NOLOGIN', plx_role (kind));"
  "    END IF;"
  "  END LOOP;"
  "  EXECUTE format ('GRANT %I TO %I', plx_role ('reader'), plx_role ('coder'));"
  "  EXECUTE format ('GRANT %I TO %I', plx_role ('coder'), plx_role ('lead'));"
  "  FOREACH kind IN ARRAY ARRAY['reader', 'coder', 'lead'] LOOP"
  "    EXECUTE format ('GRANT %I TO %I WITH ADMIN OPTION', plx_role (kind), plx_role ('admin'));"
  "  END LOOP;"
  "  EXECUTE format ('GRANT CONNECT ON DATABASE %I TO %I', current_database (), plx_role ('reader'));"
  "  EXECUTE format ('GRANT USAGE ON SCHEMA public TO %I', plx_role ('reader'));"
  "  EXECUTE format ('GRANT SELECT ON ALL TABLES IN SCHEMA public TO %I', plx_role ('reader'));"
  "  EXECUTE format ('GRANT INSERT, UPDATE, DELETE ON annotations, annotation_themes, tombstones, memos, "
  "    memo_citations TO %I', plx_role ('coder'));"
  "  EXECUTE format ('GRANT INSERT ON annotators, themes TO %I', plx_role ('coder'));"
  "  EXECUTE format ('GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO %I', plx_role ('coder'));"
  "  EXECUTE format ('GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', plx_role ('lead'));"
  "END $$;"
  "CREATE OR REPLACE FUNCTION plx_is_lead () RETURNS boolean LANGUAGE sql STABLE "
  "  AS $$ SELECT pg_has_role (plx_role ('lead'), 'MEMBER') $$;"
  "CREATE OR REPLACE FUNCTION plx_me () RETURNS bigint LANGUAGE sql STABLE "
  "  AS $$ SELECT id FROM annotators WHERE name = current_user $$;"
  /* Passages: everyone reads; a coder writes their own only. */
  "ALTER TABLE annotations ENABLE ROW LEVEL SECURITY;"
  "CREATE POLICY everyone_reads ON annotations FOR SELECT USING (true);"
  "CREATE POLICY own_or_lead_adds ON annotations FOR INSERT "
  "  WITH CHECK (plx_is_lead () OR creator_id = plx_me ());"
  "CREATE POLICY own_or_lead_changes ON annotations FOR UPDATE "
  "  USING (plx_is_lead () OR creator_id = plx_me ()) WITH CHECK (plx_is_lead () OR creator_id = plx_me ());"
  "CREATE POLICY own_or_lead_deletes ON annotations FOR DELETE "
  "  USING (plx_is_lead () OR creator_id = plx_me ());"
  "ALTER TABLE annotation_themes ENABLE ROW LEVEL SECURITY;"
  "CREATE POLICY everyone_reads ON annotation_themes FOR SELECT USING (true);"
  "CREATE POLICY own_or_lead_writes ON annotation_themes FOR ALL "
  "  USING (plx_is_lead () OR EXISTS (SELECT FROM annotations a WHERE a.uuid = annotation_uuid "
  "                                   AND a.creator_id = plx_me ())) "
  "  WITH CHECK (plx_is_lead () OR EXISTS (SELECT FROM annotations a WHERE a.uuid = annotation_uuid "
  "                                        AND a.creator_id = plx_me ()));"
  /* A coder can name only themself as an annotator. */
  "ALTER TABLE annotators ENABLE ROW LEVEL SECURITY;"
  "CREATE POLICY everyone_reads ON annotators FOR SELECT USING (true);"
  "CREATE POLICY self_or_lead_adds ON annotators FOR INSERT WITH CHECK (plx_is_lead () OR name = current_user);"
  "CREATE POLICY lead_changes ON annotators FOR UPDATE USING (plx_is_lead ());"
  "CREATE POLICY lead_deletes ON annotators FOR DELETE USING (plx_is_lead ());"
  /* Memos as passages. */
  "ALTER TABLE memos ENABLE ROW LEVEL SECURITY;"
  "CREATE POLICY everyone_reads ON memos FOR SELECT USING (true);"
  "CREATE POLICY own_or_lead_writes ON memos FOR ALL "
  "  USING (plx_is_lead () OR author_id = plx_me ()) WITH CHECK (plx_is_lead () OR author_id = plx_me ());"
  "ALTER TABLE memo_citations ENABLE ROW LEVEL SECURITY;"
  "CREATE POLICY everyone_reads ON memo_citations FOR SELECT USING (true);"
  "CREATE POLICY own_or_lead_writes ON memo_citations FOR ALL "
  "  USING (plx_is_lead () OR EXISTS (SELECT FROM memos m WHERE m.id = memo_id AND m.author_id = plx_me ())) "
  "  WITH CHECK (plx_is_lead () OR EXISTS (SELECT FROM memos m WHERE m.id = memo_id "
  "                                        AND m.author_id = plx_me ()));"
  /* A person gets one role of the project; made a login role if new. */
  "CREATE OR REPLACE FUNCTION plx_add_member (member text, kind text) RETURNS void LANGUAGE plpgsql AS $$"
  "DECLARE"
  "  other text;"
  "BEGIN"
  "  IF kind IS NULL OR kind NOT IN ('reader', 'coder', 'lead', 'admin') THEN"
  "    RAISE EXCEPTION 'unknown role \"%\" (reader, coder, lead or admin)', kind USING ERRCODE = '22023';"
  "  END IF;"
  "  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = member) THEN"
  "    EXECUTE format ('CREATE ROLE %I LOGIN', member);"
  "  END IF;"
  "  FOREACH other IN ARRAY ARRAY['reader', 'coder', 'lead', 'admin'] LOOP"
  "    IF pg_has_role (member, plx_role (other), 'MEMBER') AND other <> kind THEN"
  "      EXECUTE format ('REVOKE %I FROM %I', plx_role (other), member);"
  "    END IF;"
  "  END LOOP;"
  "  EXECUTE format ('GRANT %I TO %I', plx_role (kind), member);"
  "END $$;";

/* Makes the roles and the policies; run by plx_pg_store_create() inside
 * its transaction, by a role that may create roles. */
gboolean
_plx_pg_setup_roles (PlxPgStore  *self,
                     GError     **error)
{
  g_autoptr(PGresult) result = PQexec (self->conn, roles_sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    {
      g_autoptr(GError) local_error = NULL;

      _plx_pg_error (self, result, &local_error);
      g_set_error (error, PLX_ERROR, local_error->code,
                   _("Could not set up the roles of the team project (it takes a role that may create roles): %s"),
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * plx_pg_store_add_member:
 * @name: a PostgreSQL login role, made if it does not exist
 * @role: "reader", "coder", "lead" or "admin"
 *
 * Gives @name that role in the project (and no other of its roles).
 */
gboolean
plx_pg_store_add_member (PlxPgStore  *self,
                         const char  *name,
                         const char  *role,
                         GError     **error)
{
  PlxPgParams params = { 0, };

  g_return_val_if_fail (PLX_IS_PG_STORE (self), FALSE);

  _plx_pg_param_text (&params, name);
  _plx_pg_param_text (&params, role);
  return _plx_pg_run (self, "SELECT plx_add_member ($1, $2)", &params, error);
}

-- Hand-written: the audit log is append-only in the database itself, for every role.
-- UPDATE and DELETE raise per row, TRUNCATE per statement. Only a table owner or superuser can
-- step around this (ALTER TABLE ... DISABLE TRIGGER, session_replication_role), which is why the
-- service should run as kim_consent_app below, and why verification does not trust the trigger.
CREATE FUNCTION "kim_audit_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only: % on % refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "AuditEntry_append_only" BEFORE UPDATE OR DELETE ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION "kim_audit_append_only"();
CREATE TRIGGER "AuditEntry_no_truncate" BEFORE TRUNCATE ON "AuditEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "kim_audit_append_only"();
CREATE TRIGGER "AuditAnchor_append_only" BEFORE UPDATE OR DELETE ON "AuditAnchor"
  FOR EACH ROW EXECUTE FUNCTION "kim_audit_append_only"();
CREATE TRIGGER "AuditAnchor_no_truncate" BEFORE TRUNCATE ON "AuditAnchor"
  FOR EACH STATEMENT EXECUTE FUNCTION "kim_audit_append_only"();
CREATE TRIGGER "AuditClientAnchor_append_only" BEFORE UPDATE OR DELETE ON "AuditClientAnchor"
  FOR EACH ROW EXECUTE FUNCTION "kim_audit_append_only"();
CREATE TRIGGER "AuditClientAnchor_no_truncate" BEFORE TRUNCATE ON "AuditClientAnchor"
  FOR EACH STATEMENT EXECUTE FUNCTION "kim_audit_append_only"();

-- The role the consent service's queries should run as (a login role that is a member of it):
-- it may read and append to the audit log, record and revoke grants, and nothing else; it owns
-- nothing, so it can neither disable the triggers nor change the tables. Roles belong to the
-- whole PostgreSQL cluster: created once, granted per schema. Where the migrating role may not
-- create roles, this is skipped with a notice and the operator creates it (see README).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kim_consent_app') THEN
    BEGIN
      CREATE ROLE kim_consent_app NOLOGIN;
    EXCEPTION
      -- another schema's migration created it at the same moment
      WHEN duplicate_object OR unique_violation THEN NULL;
      WHEN insufficient_privilege THEN
        RAISE NOTICE 'cannot create role kim_consent_app here; create it and grant its privileges as the README says';
        RETURN;
    END;
  END IF;
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO kim_consent_app', current_schema());
  GRANT SELECT, INSERT ON "AuditEntry", "AuditAnchor", "AuditClientAnchor" TO kim_consent_app;
  GRANT USAGE ON SEQUENCE "AuditEntry_seq_seq" TO kim_consent_app;
  GRANT SELECT, INSERT, UPDATE ON "Grant" TO kim_consent_app;
  GRANT SELECT ON "_prisma_migrations" TO kim_consent_app;
END $$;

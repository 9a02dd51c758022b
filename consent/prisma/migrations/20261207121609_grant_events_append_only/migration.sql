-- Hand-written: a grant is a record and a sequence of events, never edited. Before, the service's
-- role could UPDATE "Grant": an attack run un-revoked a grant and added HEALTH to it, and the
-- chain saw nothing. Now the role may read and append grants, their events and their chain
-- links, nothing else, and the same triggers as the audit log refuse changes for every role.
CREATE TRIGGER "Grant_append_only" BEFORE UPDATE OR DELETE ON "Grant"
  FOR EACH ROW EXECUTE FUNCTION "kim_audit_append_only"();
CREATE TRIGGER "Grant_no_truncate" BEFORE TRUNCATE ON "Grant"
  FOR EACH STATEMENT EXECUTE FUNCTION "kim_audit_append_only"();
CREATE TRIGGER "GrantEvent_append_only" BEFORE UPDATE OR DELETE ON "GrantEvent"
  FOR EACH ROW EXECUTE FUNCTION "kim_audit_append_only"();
CREATE TRIGGER "GrantEvent_no_truncate" BEFORE TRUNCATE ON "GrantEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "kim_audit_append_only"();
CREATE TRIGGER "GrantEventLink_append_only" BEFORE UPDATE OR DELETE ON "GrantEventLink"
  FOR EACH ROW EXECUTE FUNCTION "kim_audit_append_only"();
CREATE TRIGGER "GrantEventLink_no_truncate" BEFORE TRUNCATE ON "GrantEventLink"
  FOR EACH STATEMENT EXECUTE FUNCTION "kim_audit_append_only"();

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kim_consent_app') THEN
    REVOKE UPDATE, DELETE, TRUNCATE ON "Grant" FROM kim_consent_app;
    GRANT SELECT, INSERT ON "Grant", "GrantEvent", "GrantEventLink" TO kim_consent_app;
    GRANT USAGE ON SEQUENCE "GrantEvent_seq_seq" TO kim_consent_app;
  END IF;
END $$;

-- Hand-written: who holds a client is history that decides who may record consent, so it is
-- append-only like the audit log, and the service's role may read and append it, nothing else.
CREATE TRIGGER "ClientTeamEvent_append_only" BEFORE UPDATE OR DELETE ON "ClientTeamEvent"
  FOR EACH ROW EXECUTE FUNCTION "kim_audit_append_only"();
CREATE TRIGGER "ClientTeamEvent_no_truncate" BEFORE TRUNCATE ON "ClientTeamEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "kim_audit_append_only"();

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kim_consent_app') THEN
    GRANT SELECT, INSERT ON "ClientTeamEvent" TO kim_consent_app;
    GRANT USAGE ON SEQUENCE "ClientTeamEvent_seq_seq" TO kim_consent_app;
  END IF;
END $$;

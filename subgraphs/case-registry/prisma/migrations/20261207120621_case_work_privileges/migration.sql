-- Hand-written: case work is written through the hub now, so the service's role may register
-- clients, change exactly the columns case work changes (holding town, status, case manager,
-- closing), and append case events — still nothing else: no DELETE anywhere, no UPDATE of
-- identity, and the case history is append-only for every role.
CREATE FUNCTION "kim_case_event_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the case history is append-only: % on % refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "CaseEvent_append_only" BEFORE UPDATE OR DELETE ON "CaseEvent"
  FOR EACH ROW EXECUTE FUNCTION "kim_case_event_append_only"();
CREATE TRIGGER "CaseEvent_no_truncate" BEFORE TRUNCATE ON "CaseEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "kim_case_event_append_only"();

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kim_case_registry_app') THEN
    GRANT SELECT ON "CaseEvent" TO kim_case_registry_app;
    GRANT INSERT ON "Client", "CaseEvent" TO kim_case_registry_app;
    GRANT UPDATE ("town", "status", "caseManagerId", "closedOn", "closingReason") ON "Client" TO kim_case_registry_app;
    GRANT USAGE ON SEQUENCE "CaseEvent_seq_seq" TO kim_case_registry_app;
  END IF;
END $$;

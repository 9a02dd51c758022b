-- Hand-written (issue 15): client ids that are never given twice, and erasure after the
-- retention period.
--
-- 1. Client numbers come from a sequence, not from the highest id + 1: a number handed out is
--    gone even when its intake rolls back (after the consent service has already recorded the
--    holder) or its client is erased later, so no id ever names two people. It starts after the
--    highest id there is; the demo's seeding moves it past the seeded ids (seed.ts).
CREATE SEQUENCE "Client_number_seq" AS bigint MINVALUE 1 START WITH 1;
SELECT setval('"Client_number_seq"', max(substr("id", 3)::bigint)) FROM "Client" WHERE "id" ~ '^K-[0-9]+$' HAVING count(*) > 0;

-- 2. The case history stays append-only for every role, except for rows the erasure function
--    below deletes: it runs as the owner and says so for its own transaction. The service's role
--    has no DELETE privilege, so setting the flag itself gets it nothing.
CREATE OR REPLACE FUNCTION "kim_case_event_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('kim.erasing', true) = 'on' AND current_user <> 'kim_case_registry_app' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'the case history is append-only: % on % refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;

-- 3. Erases one closed case (§ 84 SGB X, Art. 17 GDPR): only when the case was closed at least
--    `retention_days` days ago (UTC date), refused otherwise. Deletes the client's notes, goals,
--    referrals, case history and the client record itself; nothing of the client stays here.
--    Returns false when there is no such client (already erased, or never registered).
CREATE FUNCTION "kim_erase_case_registry_client"(client text, retention_days integer) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  case_status text;
  closed date;
BEGIN
  IF retention_days IS NULL OR retention_days < 0 THEN
    RAISE EXCEPTION 'retention_days must be 0 or more' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT "status", "closedOn" INTO case_status, closed FROM "Client" WHERE "id" = client FOR UPDATE;
  IF NOT FOUND THEN
    RETURN false;
  END IF;
  IF case_status <> 'CLOSED' OR closed IS NULL OR closed > (now() AT TIME ZONE 'UTC')::date - retention_days THEN
    RAISE EXCEPTION 'retention period not over: the case was not closed % days ago', retention_days
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM set_config('kim.erasing', 'on', true);
  DELETE FROM "CaseNote" WHERE "kimClientId" = client;
  DELETE FROM "Goal" WHERE "kimClientId" = client;
  DELETE FROM "Referral" WHERE "kimClientId" = client;
  DELETE FROM "CaseEvent" WHERE "kimClientId" = client;
  DELETE FROM "Client" WHERE "id" = client;
  PERFORM set_config('kim.erasing', 'off', true);
  RETURN true;
END
$$;
REVOKE ALL ON FUNCTION "kim_erase_case_registry_client"(text, integer) FROM PUBLIC;

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kim_case_registry_app') THEN
    GRANT USAGE ON SEQUENCE "Client_number_seq" TO kim_case_registry_app;
    GRANT EXECUTE ON FUNCTION "kim_erase_case_registry_client"(text, integer) TO kim_case_registry_app;
  END IF;
END $$;

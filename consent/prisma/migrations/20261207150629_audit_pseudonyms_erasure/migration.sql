-- Hand-written: erasure of a client's consent data (§ 84 SGB X, Art. 17 GDPR) with the audit
-- chain kept verifiable.
--
-- 1. Existing audit rows hash over the client's KIM id, so they cannot be pseudonymised without
--    breaking every hash, anchor and exported head after them. Their clients keep their id as
--    their pseudonym (rows appended for them later continue the same client chain); only clients
--    whose first entry comes after this migration get a random pseudonym. Erasing a client of
--    the first kind deletes the mapping and the grants, but the old rows still name the id (see
--    README, Retention).
INSERT INTO "AuditPseudonym" ("kimClientId", "pseudonym")
SELECT DISTINCT "kimClientId", "kimClientId" FROM "AuditClientAnchor";

-- 2. Grants, their events and links and the holder history stay append-only for every role, with
--    one exception: rows deleted by the erasure function below, which runs as the owner and says
--    so for its own transaction. The service's role has no DELETE privilege, so setting the flag
--    itself gets it nothing.
CREATE FUNCTION "kim_append_only_unless_erasing"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('kim.erasing', true) = 'on' AND current_user <> 'kim_consent_app' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'the audit log is append-only: % on % refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;

DROP TRIGGER "Grant_append_only" ON "Grant";
DROP TRIGGER "GrantEvent_append_only" ON "GrantEvent";
DROP TRIGGER "GrantEventLink_append_only" ON "GrantEventLink";
DROP TRIGGER "ClientTeamEvent_append_only" ON "ClientTeamEvent";
CREATE TRIGGER "Grant_append_only" BEFORE UPDATE OR DELETE ON "Grant"
  FOR EACH ROW EXECUTE FUNCTION "kim_append_only_unless_erasing"();
CREATE TRIGGER "GrantEvent_append_only" BEFORE UPDATE OR DELETE ON "GrantEvent"
  FOR EACH ROW EXECUTE FUNCTION "kim_append_only_unless_erasing"();
CREATE TRIGGER "GrantEventLink_append_only" BEFORE UPDATE OR DELETE ON "GrantEventLink"
  FOR EACH ROW EXECUTE FUNCTION "kim_append_only_unless_erasing"();
CREATE TRIGGER "ClientTeamEvent_append_only" BEFORE UPDATE OR DELETE ON "ClientTeamEvent"
  FOR EACH ROW EXECUTE FUNCTION "kim_append_only_unless_erasing"();

-- 3. Erases one client: only once no team has held the client for `retention_days` days by the
--    database's clock (the case registry records the end of the case at closing), refused
--    otherwise. Deletes the client's grants, grant events and their links (keeping the grant ids
--    in "ErasedGrant", which the chain's entries name anyway), the holder history and the
--    pseudonym's mapping. The audit entries stay as they are: under a pseudonym nobody can
--    resolve any more. A client no KIM team ever held here (no holder history: an id another
--    agency asked about, e.g. after the client's erasure) has only a mapping, erased once it is
--    `retention_days` old. Returns false when nothing of the client was here.
CREATE FUNCTION "kim_erase_consent_client"(client text, retention_days integer) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
  holder text;
  ended timestamptz;
  known boolean;
BEGIN
  IF retention_days IS NULL OR retention_days < 0 THEN
    RAISE EXCEPTION 'retention_days must be 0 or more' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT "team", "at" INTO holder, ended FROM "ClientTeamEvent" WHERE "kimClientId" = client ORDER BY "seq" DESC LIMIT 1;
  known := FOUND OR EXISTS (SELECT 1 FROM "AuditPseudonym" WHERE "kimClientId" = client)
    OR EXISTS (SELECT 1 FROM "Grant" WHERE "kimClientId" = client);
  IF NOT known THEN
    RETURN false;
  END IF;
  IF NOT FOUND THEN
    SELECT "createdAt" INTO ended FROM "AuditPseudonym" WHERE "kimClientId" = client;
    IF EXISTS (SELECT 1 FROM "Grant" WHERE "kimClientId" = client) THEN
      ended := NULL;
    END IF;
  END IF;
  IF holder IS NOT NULL OR ended IS NULL OR ended > now() - make_interval(days => retention_days) THEN
    RAISE EXCEPTION 'retention period not over: the client''s case has not ended % days ago', retention_days
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM set_config('kim.erasing', 'on', true);
  INSERT INTO "ErasedGrant" ("grantId") SELECT "id" FROM "Grant" WHERE "kimClientId" = client ON CONFLICT DO NOTHING;
  DELETE FROM "GrantEventLink" WHERE "eventSeq" IN (SELECT "seq" FROM "GrantEvent" WHERE "kimClientId" = client);
  DELETE FROM "GrantEvent" WHERE "kimClientId" = client;
  DELETE FROM "Grant" WHERE "kimClientId" = client;
  DELETE FROM "ClientTeamEvent" WHERE "kimClientId" = client;
  DELETE FROM "AuditPseudonym" WHERE "kimClientId" = client;
  PERFORM set_config('kim.erasing', 'off', true);
  RETURN true;
END
$$;
REVOKE ALL ON FUNCTION "kim_erase_consent_client"(text, integer) FROM PUBLIC;

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kim_consent_app') THEN
    GRANT SELECT, INSERT ON "AuditPseudonym" TO kim_consent_app;
    GRANT SELECT ON "ErasedGrant" TO kim_consent_app;
    GRANT EXECUTE ON FUNCTION "kim_erase_consent_client"(text, integer) TO kim_consent_app;
  END IF;
END $$;

-- Hand-written: a grant event counts as chained through its GrantEventLink, and the service's role
-- may insert links (it appends them with their events). A link that no chain entry of its own
-- event backs (auditSeq 0, or an entry of something else) would make a forged grant count. The
-- rule is enforced where the row is written, so that reads take the link alone: the link must
-- name the event's own entry — a `GRANT_<type>` entry of the same grant carrying the link's hash.
-- The role cannot switch triggers off; a superuser could, and verification reports what it wrote
-- (GRANT_ALTERED).
CREATE FUNCTION "kim_grant_event_link_backed"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM "GrantEvent" e JOIN "AuditEntry" a ON a."seq" = NEW."auditSeq"
    WHERE e."seq" = NEW."eventSeq" AND a."grantId" = e."grantId" AND a."reason" = 'GRANT_' || e."type" AND a."grantEventHash" = NEW."hash"
  ) THEN
    RAISE EXCEPTION 'GrantEventLink % names no chain entry of its event', NEW."eventSeq" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "GrantEventLink_backed" BEFORE INSERT ON "GrantEventLink"
  FOR EACH ROW EXECUTE FUNCTION "kim_grant_event_link_backed"();

-- Hand-written: every grant recorded before the event log becomes events, so that no history is
-- lost when the revocation columns go: RECORDED at its recording time by its recorder, and for a
-- revoked grant WITHDRAWN at its revocation time by whoever revoked it, with the reason given.
-- Who recorded them is known by user only (agency and role: 'UNKNOWN'). These events are not yet
-- in the audit chain (a migration holds no signing key): the consent service chains every event
-- without a GrantEventLink when it starts, before any of them decides anything.
INSERT INTO "GrantEvent" ("grantId", "kimClientId", "type", "at", "subject", "agency", "role", "reason")
SELECT e."grantId", e."kimClientId", e."type", e."at", e."subject", 'UNKNOWN', 'UNKNOWN', e."reason"
FROM (
  SELECT "id" AS "grantId", "kimClientId", 'RECORDED' AS "type", "recordedAt" AS "at", "recordedBy" AS "subject", NULL::text AS "reason", 0 AS "n"
  FROM "Grant"
  UNION ALL
  SELECT "id", "kimClientId", 'WITHDRAWN', "revokedAt", COALESCE("revokedBy", 'unknown'), COALESCE("revocationReason", 'no reason was recorded'), 1
  FROM "Grant" WHERE "revokedAt" IS NOT NULL
) e
ORDER BY e."at", e."grantId", e."n";

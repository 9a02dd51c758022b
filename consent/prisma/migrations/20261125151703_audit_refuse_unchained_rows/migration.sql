-- Hand-written. The next migration adds each client's own chain and the signed anchors; rows
-- written before it have neither, and their client hashes cannot be computed here (the anchors
-- need the consent service's signing key). Refuse clearly instead of failing on NOT NULL:
-- archive the old log (it still verifies with the previous release) and empty the table, or, for
-- the demo, delete the .data folder.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM "AuditEntry") THEN
    RAISE EXCEPTION 'AuditEntry holds entries written before per-client chains and signed anchors; archive and empty it before upgrading (demo: delete .data)';
  END IF;
END $$;

-- Hand-written: the case plan, notes and referrals are written through the hub. The service's
-- role may add goals, notes and referrals, change a goal's status and due date, and record a
-- referral's first contact and outcome — nothing else, and it deletes nothing.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kim_case_registry_app') THEN
    GRANT INSERT ON "Goal", "CaseNote", "Referral" TO kim_case_registry_app;
    GRANT UPDATE ("status", "dueDate") ON "Goal" TO kim_case_registry_app;
    GRANT UPDATE ("firstContactAt", "outcome", "outcomeAt") ON "Referral" TO kim_case_registry_app;
  END IF;
END $$;

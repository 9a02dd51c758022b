-- Referral reasons become codes of the list `sendReferral` takes (ReferralReason): seeded
-- referrals held German free text. Each text maps to the code it meant; psychosocial
-- counselling keeps its health meaning (PSYCHOSOCIAL_COUNSELLING, served under HEALTH).
UPDATE "Referral" SET "reason" = CASE "reason"
  WHEN 'Verlängerung des Aufenthaltstitels' THEN 'RESIDENCE_MATTERS'
  WHEN 'Beschäftigungserlaubnis beantragen' THEN 'RESIDENCE_MATTERS'
  WHEN 'Beratung zur Einbürgerung' THEN 'NATURALISATION'
  WHEN 'Klärung der Wohnsitzauflage' THEN 'RESIDENCE_MATTERS'
  WHEN 'Klärung der Passpflicht' THEN 'RESIDENCE_MATTERS'
  WHEN 'Antrag auf Bürgergeld' THEN 'BENEFITS'
  WHEN 'Vermittlung in Arbeit' THEN 'JOB_SEARCH'
  WHEN 'Förderung einer Weiterbildung' THEN 'VOCATIONAL_TRAINING'
  WHEN 'Kostenübernahme für das Anerkennungsverfahren' THEN 'RECOGNITION_OF_QUALIFICATIONS'
  WHEN 'Berufsberatung' THEN 'VOCATIONAL_TRAINING'
  WHEN 'Anerkennung ausländischer Abschlüsse' THEN 'RECOGNITION_OF_QUALIFICATIONS'
  WHEN 'Ausbildungsvermittlung' THEN 'VOCATIONAL_TRAINING'
  WHEN 'Zulassung zum Integrationskurs' THEN 'LANGUAGE_COURSE'
  WHEN 'Berufssprachkurs beantragen' THEN 'LANGUAGE_COURSE'
  WHEN 'Begleitung beim Übergang Schule–Beruf' THEN 'VOCATIONAL_TRAINING'
  WHEN 'Jugendintegrationskurs' THEN 'LANGUAGE_COURSE'
  WHEN 'Gruppenangebot für junge Erwachsene' THEN 'MIGRATION_COUNSELLING'
  WHEN 'Migrationsberatung' THEN 'MIGRATION_COUNSELLING'
  WHEN 'Schuldnerberatung' THEN 'DEBT_COUNSELLING'
  WHEN 'Begleitung bei der Wohnungssuche' THEN 'HOUSING'
  WHEN 'Psychosoziale Beratung' THEN 'PSYCHOSOCIAL_COUNSELLING'
  ELSE "reason" END;

-- From now on only codes of the list are stored (the API checks them; this keeps a bad row out
-- whatever writes it). A code added to the list needs a migration that widens this.
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_reason_listed" CHECK ("reason" IN (
  'LANGUAGE_COURSE', 'RECOGNITION_OF_QUALIFICATIONS', 'JOB_SEARCH', 'VOCATIONAL_TRAINING', 'RESIDENCE_MATTERS', 'NATURALISATION',
  'MIGRATION_COUNSELLING', 'HOUSING', 'BENEFITS', 'DEBT_COUNSELLING', 'PSYCHOSOCIAL_COUNSELLING'
)) NOT VALID;

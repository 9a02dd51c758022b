-- Hand-written: the role this service's queries should run as (a login role that is a member of
-- it, with WELFARE_MIGRATION_DATABASE_URL set to the schema's owner). Through the hub the
-- service only reads, so the role may only read: it owns nothing and can change nothing.
-- Roles belong to the whole PostgreSQL cluster: created once, granted per schema. Where the
-- migrating role may not create roles, this is skipped with a notice (see README).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kim_welfare_app') THEN
    BEGIN
      CREATE ROLE kim_welfare_app NOLOGIN;
    EXCEPTION
      -- another schema's migration created it at the same moment
      WHEN duplicate_object OR unique_violation THEN NULL;
      WHEN insufficient_privilege THEN
        RAISE NOTICE 'cannot create role kim_welfare_app here; create it and grant it SELECT as the README says';
        RETURN;
    END;
  END IF;
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO kim_welfare_app', current_schema());
  EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO kim_welfare_app', current_schema());
  -- Tables later migrations create are readable too, without each having to remember it.
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT ON TABLES TO kim_welfare_app', current_schema());
END $$;

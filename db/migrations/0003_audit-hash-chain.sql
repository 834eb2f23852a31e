-- Every audit event carries the hash of the one before it. The content hashed is fixed here, in one function,
-- used both when an event is written and when `sightline audit verify` checks the chain.
CREATE FUNCTION audit_event_content(e audit_event) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT concat_ws('|',
    e.seq::text,
    e.id::text,
    to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    coalesce(e.actor_account_id::text, ''),
    coalesce(e.actor_agency_id::text, ''),
    coalesce(e.actor_api_client_id::text, ''),
    e.action,
    e.subject_type,
    e.subject_id,
    coalesce(e.person_id::text, ''),
    coalesce(e.request_id, ''),
    coalesce(e.reason, ''),
    e.details::text)
$$;
--> statement-breakpoint
CREATE FUNCTION audit_event_hash(prev_hash text, e audit_event) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(prev_hash || '|' || audit_event_content(e), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- Writers queue here, in commit order of this lock: the chain position (seq) and the previous hash are read
-- under it, so two transactions can never chain onto the same predecessor.
CREATE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(74160830);
  SELECT seq, hash INTO last_seq, last_hash FROM audit_event ORDER BY seq DESC LIMIT 1;
  NEW.seq := coalesce(last_seq, 0) + 1;
  NEW.prev_hash := coalesce(last_hash, '');
  NEW.hash := audit_event_hash(NEW.prev_hash, NEW);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_chain();
--> statement-breakpoint
-- On PostgreSQL the application connects as a member of sightline_app, which may add audit events but never
-- change or remove them (the owner that runs migrations keeps full rights; the triggers stop it too).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sightline_app') THEN
    CREATE ROLE sightline_app NOLOGIN;
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'could not create role sightline_app; create it and re-run the grants in migration 0003';
END
$$;
--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sightline_app') THEN
    GRANT USAGE ON SCHEMA public TO sightline_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO sightline_app;
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO sightline_app;
    REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM sightline_app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO sightline_app;
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO sightline_app;
  END IF;
END
$$;

-- Every audit event carries the hash of the one before it. What is hashed is fixed here, in one function, used
-- both when an event is written and when `sightline audit verify` checks the chain.
-- The columns are passed one by one rather than as the row: building a row value for every event made
-- verification twice as slow, and a STABLE SQL function of plain values is inlined into the caller's query.
CREATE FUNCTION audit_event_hash(
  prev_hash text, seq bigint, id bigint, occurred_at timestamptz, actor_account_id uuid, actor_agency_id uuid,
  actor_api_client_id uuid, action text, subject_type text, subject_id text, person_id uuid, request_id text,
  reason text, details jsonb
) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(prev_hash || '|' || concat_ws('|',
    seq::text,
    id::text,
    (extract(epoch FROM occurred_at) * 1000000)::bigint::text,
    coalesce(actor_account_id::text, ''),
    coalesce(actor_agency_id::text, ''),
    coalesce(actor_api_client_id::text, ''),
    action,
    subject_type,
    subject_id,
    coalesce(person_id::text, ''),
    coalesce(request_id, ''),
    coalesce(reason, ''),
    details::text), 'UTF8')), 'hex')
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
  NEW.hash := audit_event_hash(NEW.prev_hash, NEW.seq, NEW.id, NEW.occurred_at, NEW.actor_account_id, NEW.actor_agency_id,
    NEW.actor_api_client_id, NEW.action, NEW.subject_type, NEW.subject_id, NEW.person_id, NEW.request_id, NEW.reason,
    NEW.details);
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

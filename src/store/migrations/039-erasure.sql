-- Erasure (docs/retention.md, "Erasure"): the personal data of an event can be removed while the hash chain and every
-- checkpoint still verify. An event's chain link covers its id, recorded_at and content_hash (src/audit/event-chain.ts),
-- never the data itself, so the data can go and the link stays: `imketen verify` recomputes the content hash from the
-- data while it is there, and takes the stored content_hash (covered by the link) once it is erased.
--
-- An erasure clears `data` and `refs` of the events of the streams an approved request names and sets `erased_at`;
-- nothing else of the row may change, and only for a request a second administrator approved (the database checks
-- both: the append-only trigger is narrowed to exactly this one update). Existing rows and chains are untouched.
-- STORED DATA: never change the meaning of a column in place; add a migration.
ALTER TABLE events ALTER COLUMN data DROP NOT NULL;
ALTER TABLE events ADD COLUMN erased_at timestamptz;
ALTER TABLE events ADD CONSTRAINT events_erased_has_no_data CHECK ((data IS NULL) = (erased_at IS NOT NULL));

CREATE OR REPLACE FUNCTION reject_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD.data IS NOT NULL AND NEW.data IS NULL AND NEW.erased_at IS NOT NULL AND NEW.refs = '{}'
     AND NEW.seq = OLD.seq AND NEW.id = OLD.id AND NEW.stream = OLD.stream AND NEW.kind = OLD.kind AND NEW.type = OLD.type
     AND NEW.date = OLD.date AND NEW.recorded_at = OLD.recorded_at AND NEW.content_hash = OLD.content_hash
     AND NEW.prev_hash = OLD.prev_hash AND NEW.hash = OLD.hash
     AND NEW.import_id IS NOT DISTINCT FROM OLD.import_id AND NEW.origin_file IS NOT DISTINCT FROM OLD.origin_file
     AND NEW.origin_line IS NOT DISTINCT FROM OLD.origin_line
     AND EXISTS (SELECT 1 FROM account_approvals a WHERE a.kind = 'retention.erase' AND a.status = 'approved'
                 AND a.decided_by <> a.requested_by AND a.change -> 'streams' ? OLD.stream) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'the event log is append-only: % on events is not allowed (only an approved erasure may clear an event''s data)', TG_OP
    USING ERRCODE = 'integrity_constraint_violation';
END
$$;

-- The review decisions about a person's hits go with the person's erasure (their reasons are free text about the
-- person); otherwise they stay append-only.
CREATE OR REPLACE FUNCTION reject_hit_review_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND EXISTS (
       SELECT 1 FROM screening_hits h JOIN account_approvals a ON a.kind = 'retention.erase' AND a.status = 'approved'
       WHERE h.id = OLD.hit_id AND (a.change -> 'persons' ? h.person_id OR (h.source = 'registry' AND a.change -> 'persons' ? h.counterpart))) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'review decisions are append-only: % on hit_reviews is not allowed', TG_OP
    USING ERRCODE = 'integrity_constraint_violation';
END
$$;

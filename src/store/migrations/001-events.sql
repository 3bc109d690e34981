-- The registry: an append-only log of dated events (docs/domain.md §5), and the imports that brought them.
-- STORED DATA: never change the meaning of a column in place; add a migration.

CREATE TABLE imports (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  started_at  timestamptz NOT NULL,
  -- The files of this import, in the order given; events point into it with origin_file.
  sources     text[] NOT NULL,
  events_added     integer,
  events_unchanged integer
);

CREATE TABLE events (
  -- Order of arrival in the whole registry: the last tie-breaker within a stream.
  seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id           text NOT NULL UNIQUE,
  stream       text NOT NULL,
  kind         text NOT NULL,
  type         text NOT NULL,
  date         date NOT NULL,                -- valid time: the legal date of the fact
  recorded_at  timestamptz NOT NULL,         -- transaction time: when the registry learned it
  data         jsonb NOT NULL,
  -- The streams this event's data refers to (person/P-0042, exclusion/IF-2023-017): checked on import.
  refs         text[] NOT NULL DEFAULT '{}',
  -- SHA-256 of the canonical JSON of stream, type, date and data: the same id with the same content is a no-op.
  content_hash text NOT NULL,
  import_id    bigint REFERENCES imports (id),
  origin_file  smallint,                     -- index into imports.sources (1-based)
  origin_line  integer,
  -- Tamper evidence: the hash of the event before it in order of arrival, and this event's own hash
  -- (src/audit/hash-chain.ts). Editing or deleting any event breaks every link after it.
  prev_hash    text NOT NULL,
  hash         text NOT NULL
);

CREATE INDEX events_by_stream ON events (stream, seq);
CREATE INDEX events_by_type_date ON events (type, date);
CREATE INDEX events_by_import ON events (import_id);
CREATE INDEX events_retractions ON events ((data ->> 'event')) WHERE type = 'retracted';

-- Append-only, enforced by the database itself: no UPDATE, DELETE or TRUNCATE of events, whoever asks.
CREATE FUNCTION reject_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the event log is append-only: % on events is not allowed', TG_OP
    USING ERRCODE = 'integrity_constraint_violation';
END
$$;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION reject_event_change();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION reject_event_change();

-- Projection, rebuildable from the events: the bitemporal history of every case's state. A row says: from
-- valid_from until valid_until (exclusive, null = open-ended) the case was in `phase` with `attributes`, as the
-- registry knew it from recorded_from until recorded_until (exclusive, null = still known so).
CREATE TABLE case_segments (
  stream          text NOT NULL,
  kind            text NOT NULL,
  phase           text NOT NULL,
  attributes      jsonb NOT NULL,
  valid_from      date NOT NULL,
  valid_until     date,
  recorded_from   timestamptz NOT NULL,
  recorded_until  timestamptz,
  since_event     text NOT NULL
);
CREATE INDEX case_segments_by_stream ON case_segments (stream);
CREATE INDEX case_segments_by_kind ON case_segments (kind, phase, valid_from);

-- Published reports: frozen figures, the transaction time they were computed as of, and a SHA-256 of the JSON.
CREATE TABLE published_reports (
  year          integer PRIMARY KEY,
  published_at  timestamptz NOT NULL,
  as_recorded_at timestamptz NOT NULL,
  report        jsonb NOT NULL,
  sha256        text NOT NULL
);

-- Computed reports, valid while the log has not grown past log_position.
CREATE TABLE report_cache (
  key           text PRIMARY KEY,
  log_position  bigint NOT NULL,
  tables        jsonb NOT NULL
);

-- Pseudonymised analysis (docs/retention.md, "Pseudonymised analysis"): per case the facts the trend figures and
-- researchers need — its kind, its phases with the dates they began, 1F decisions and departures with their dates —
-- keyed by a keyed-hash pseudonym of the case (HMAC-SHA256 with a key held outside the database), with the
-- principal person's pseudonym. No names, dates of birth, nationalities, free text or registry ids. An erasure
-- (migration 039) clears the events' data but never these rows: the figures outlive the identities.
CREATE TABLE analysis_facts (
  case_pseudonym    text PRIMARY KEY,
  person_pseudonym  text,
  kind              text NOT NULL,
  facts             jsonb NOT NULL,
  recorded_at       timestamptz NOT NULL
);
CREATE INDEX analysis_facts_kind ON analysis_facts (kind);

-- How far the event log was read into analysis_facts (one row).
CREATE TABLE analysis_position (
  one       boolean PRIMARY KEY DEFAULT true CHECK (one),
  position  bigint NOT NULL
);

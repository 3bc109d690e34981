-- The evidence standing projection (README, "What each case rests on"): per evidence item what R8 needs of it as the
-- registry knows it now — its originator's conditions and consent, its availability, its verification, its source —
-- and its standing element links. Derived from the event log alone (src/store/evidence-standing.ts): refreshed for
-- the items an import touches in the import's own transaction, removed with an erasure of the item, rebuilt by
-- `imketen rebuild`; filled from the log when this migration is applied (src/store/migrate.ts).
--
-- It answers "now" only: every event of the item, whatever its legal date, and every retraction. `latest_date` is the
-- latest legal date among the item's events: for a date before the latest of them (an event dated ahead), and for
-- every "as recorded at" moment, the evidence-at-risk list reads the event log instead (src/store/proof-reads.ts).
-- STORED DATA: never change the meaning of a column in place; add a migration.
CREATE TABLE evidence_standing (
  stream             text PRIMARY KEY,          -- evidence/<id>
  title              text NOT NULL,
  source_type        text NOT NULL,
  -- The originator the conditions name, else the source's name; null when neither is recorded.
  originator         text,
  available          boolean NOT NULL,
  unavailable_since  date,
  unavailable_reason text,
  conditions         text,                      -- lead-only, evidence-with-consent, evidence; null: none recorded
  consent            text NOT NULL,             -- none, asked, given, refused
  verification       text NOT NULL,             -- verified, unverified, failed
  latest_date        date NOT NULL
);
CREATE INDEX evidence_standing_latest_date ON evidence_standing (latest_date);
-- The evidence-at-risk list starts from the items of one originator (as the list names it) or one source type.
CREATE INDEX evidence_standing_originator ON evidence_standing (lower(coalesce(originator, source_type)));
CREATE INDEX evidence_standing_source_type ON evidence_standing (source_type);

CREATE TABLE evidence_element_links (
  stream      text NOT NULL,                    -- evidence/<id>
  case_stream text NOT NULL,                    -- criminal/<id> or exclusion/<id>
  offence     text NOT NULL,
  element     text NOT NULL,
  relation    text NOT NULL                     -- supports, contradicts, context
);
CREATE INDEX evidence_element_links_by_stream ON evidence_element_links (stream);
CREATE INDEX evidence_element_links_by_element ON evidence_element_links (case_stream, offence, element);

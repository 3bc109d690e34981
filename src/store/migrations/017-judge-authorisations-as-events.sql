-- R3: an authorisation of the investigating judge is now an event in the log (`criminal.judge-authorisation` on the
-- criminal case it was given in), checked like every event and retractable; a share of 1F information under the bill
-- is one too (`exclusion.information-shared`). The policy reads both from the events at access time.
--
-- The old table is no longer read or written. Its rows were registered without the checks R3 requires (an existing
-- criminal case with the person as suspect, a capped validity), so they are not turned into events: they would grant
-- access on an unchecked basis. They are kept, renamed, for the record; the OM registers the judge's authorisations
-- it holds again (POST /api/authorisations or `imketen authorisation register`).
ALTER TABLE judge_authorisations RENAME TO judge_authorisations_before_events;
ALTER INDEX judge_authorisations_by_person RENAME TO judge_authorisations_before_events_by_person;
COMMENT ON TABLE judge_authorisations_before_events IS
  'Unchecked R3 authorisations registered before migration 017; no longer read. R3 authorisations are criminal.judge-authorisation events.';

-- The policy asks on every read of a 1F file by the OM for the authorisations about the person, and the OM's read of
-- shared information for the shares about a person: small partial indexes on those event types.
CREATE INDEX events_judge_authorisations_by_person ON events ((data ->> 'person')) WHERE type = 'criminal.judge-authorisation';
CREATE INDEX events_shares_by_person ON events ((data ->> 'person')) WHERE type = 'exclusion.information-shared';

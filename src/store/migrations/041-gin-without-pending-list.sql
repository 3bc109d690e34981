-- The GIN indexes over events.refs and access_log.persons answer "which of these persons are named in a case the
-- role reads" on every person search and list. With GIN's fast update, new rows wait in a pending list that every
-- lookup scans in full until a vacuum merges it: after a bulk import or a day of appends a search spent 40-70 ms
-- there instead of under 1 ms (README, "Several servers on one PostgreSQL"). Without it each append updates the
-- index itself, a small, steady cost.
ALTER INDEX events_by_refs SET (fastupdate = off);
ALTER INDEX access_log_by_person SET (fastupdate = off);
-- Merge what is pending now (an index without fast update still holds its old pending list until then).
SELECT gin_clean_pending_list('events_by_refs'::regclass);
SELECT gin_clean_pending_list('access_log_by_person'::regclass);

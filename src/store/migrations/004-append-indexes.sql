-- Small imports (the API appends one or a few events at a time) on a large registry. The import pipeline looks up
-- "the events of this import" in order of arrival and "the streams this import touched"; after one bulk import the
-- planner believes every import holds thousands of events (import_id has few distinct values) and scans the whole
-- table: 1–2 s per append on a million events. An index in the order the pipeline reads, and the truthful
-- expectation that an import holds few of the events, bring each lookup under a millisecond.
CREATE INDEX events_by_import_seq ON events (import_id, seq);
ALTER TABLE events ALTER COLUMN import_id SET (n_distinct = -0.05);
ANALYZE events;

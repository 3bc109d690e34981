/**
 * The bitemporal rule, written once as SQL fragments (README, "The report"): an event of the log counts once the
 * registry knew it and stops counting once a retraction of it was known; a case_segments row holds on a legal date
 * D as known at a moment T when D falls in its valid interval and T in its recorded interval. Each fragment takes
 * the SQL of its parameters (e.g. `$4::timestamptz`), so one query can place them where it needs.
 */

/**
 * Event `alias` of the `events` table stands as recorded at `moment`: recorded by then, not retracted by then, and
 * not erased (an erased event's data is gone: docs/retention.md).
 */
export function visibleAsRecordedAt(alias: string, moment: string): string {
  return `${alias}.recorded_at <= ${moment} AND ${alias}.data IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM events r WHERE r.type = 'retracted' AND r.stream = ${alias}.stream AND r.data ->> 'event' = ${alias}.id AND r.recorded_at <= ${moment})`;
}

/** A case_segments row holds on legal date `date` as the registry knew it at `moment`. */
export function segmentOnDate(date: string, moment: string): string {
  return `valid_from <= ${date} AND (valid_until IS NULL OR valid_until > ${date})
    AND recorded_from <= ${moment} AND (recorded_until IS NULL OR recorded_until > ${moment})`;
}

/**
 * The reads of the registry that the segments projection does not answer: which streams exist among candidates,
 * which criminal cases have victims, the hearings scheduled, the 1F decisions of a year, the persons a role may list,
 * pages of the log for export, and the persons some streams name. Each returns rows; the operations
 * (src/operations) make them into answers. "As recorded at" is the one fragment of bitemporal.ts.
 */
import { visibleAsRecordedAt } from './bitemporal.js';
import type { Queryable } from './db.js';
import type { StoredEvent } from './event-store.js';

/** Which of the candidate stream names exist in the log. */
export async function existingStreams(tx: Queryable, candidates: readonly string[]): Promise<string[]> {
  const rows = await tx.query<{ stream: string }>('SELECT DISTINCT stream FROM events WHERE stream = ANY($1::text[])', [candidates]);
  return rows.map((row) => row.stream);
}

/** The criminal cases with a victim registered on or before `date`, as recorded at `asRecordedAt`, in stream order. */
export async function casesWithVictims(tx: Queryable, query: { date: string; asRecordedAt: string }): Promise<string[]> {
  const rows = await tx.query<{ stream: string }>(
    `SELECT DISTINCT e.stream FROM events e
     WHERE e.type = 'criminal.victim-registered' AND e.date <= $1::date AND ${visibleAsRecordedAt('e', '$2::timestamptz')}
     ORDER BY e.stream`,
    [query.date, query.asRecordedAt],
  );
  return rows.map((row) => row.stream);
}

export interface HearingRow {
  stream: string;
  date: string;
  court: string;
  scheduledOn: string;
}

/** Hearings scheduled for `from` or later (criminal.hearing-scheduled), as recorded at a moment, soonest first. */
export async function scheduledHearings(tx: Queryable, query: { from: string; asRecordedAt: string }): Promise<HearingRow[]> {
  return tx.query<HearingRow>(
    `SELECT e.stream, e.data ->> 'date' AS date, e.data ->> 'court' AS court, e.date AS "scheduledOn" FROM events e
     WHERE e.type = 'criminal.hearing-scheduled' AND e.data ->> 'date' >= $1 AND ${visibleAsRecordedAt('e', '$2::timestamptz')}
     ORDER BY e.data ->> 'date', e.stream`,
    [query.from, query.asRecordedAt],
  );
}

/** The 1F decisions (exclusion.decided) dated in [from, until], as recorded at a moment, latest first. */
export async function exclusionDecisions(tx: Queryable, query: { from: string; until: string; asRecordedAt: string }): Promise<{ stream: string; date: string }[]> {
  return tx.query<{ stream: string; date: string }>(
    `SELECT e.stream, e.date FROM events e
     WHERE e.type = 'exclusion.decided' AND e.date BETWEEN $1::date AND $2::date AND ${visibleAsRecordedAt('e', '$3::timestamptz')}
     ORDER BY e.date DESC, e.stream`,
    [query.from, query.until, query.asRecordedAt],
  );
}

/** Person ids (in id order, after a cursor) named by a case of one of `kinds`. */
export async function pagePersonIds(tx: Queryable, query: { kinds: readonly string[]; after?: string; limit: number }): Promise<string[]> {
  if (query.kinds.length === 0) return [];
  const rows = await tx.query<{ stream: string }>(
    `SELECT p.stream FROM events p
     WHERE p.type = 'person.registered' AND p.stream > $1
       AND EXISTS (SELECT 1 FROM events e WHERE e.refs @> ARRAY[p.stream] AND e.kind = ANY($2::text[]))
     ORDER BY p.stream LIMIT $3`,
    [`person/${query.after ?? ''}`, query.kinds, query.limit],
  );
  return rows.map((row) => row.stream.slice('person/'.length));
}

export interface ExportRow extends StoredEvent {
  refs: string[];
}

/** One page of the log in order of arrival, only the given kinds (and stream). */
export async function pageExport(
  tx: Queryable, query: { kinds: readonly string[]; stream?: string; afterSeq: number; limit: number },
): Promise<ExportRow[]> {
  return tx.query<ExportRow>(
    `SELECT seq, id, stream, type, date, recorded_at AS "recordedAt", data, refs, import_id AS "importId",
            origin_file AS "originFile", origin_line AS "originLine"
     FROM events WHERE seq > $1 AND kind = ANY($2::text[]) AND ($3::text IS NULL OR stream = $3)
       AND data IS NOT NULL AND type <> 'retention.erased' -- erasures stay in the store (docs/retention.md)
     ORDER BY seq LIMIT $4`,
    [query.afterSeq, query.kinds, query.stream ?? null, query.limit],
  );
}

/** The person ids the given streams name (for the access log of lists and explanations). */
export async function personsOfStreams(tx: Queryable, streams: readonly string[]): Promise<string[]> {
  if (streams.length === 0) return [];
  const rows = await tx.query<{ ref: string }>(
    `SELECT DISTINCT ref FROM events CROSS JOIN LATERAL unnest(refs) AS r(ref)
     WHERE stream = ANY($1::text[]) AND ref LIKE 'person/%' ORDER BY ref`,
    [streams],
  );
  return rows.map((row) => row.ref.slice('person/'.length));
}

/**
 * The reads of screening and cross-referencing that are not hits or watchlists (hits-store.ts, watchlist-store.ts):
 * the events of the persons, what the cases name, the case kinds that name each person, the list entries behind
 * hits, and the row lock a review takes on its hit.
 */
import type { RecordedEvent } from '../domain/event.js';
import type { WatchlistEntry } from '../matching/api.js';
import type { Queryable } from './db.js';

/** Erased events (data cleared) and erasure records are no person data to screen (docs/retention.md, "Erasure"). */
const READABLE = "data IS NOT NULL AND type <> 'retention.erased'";

/** Every event of every person stream, in stream and log order. */
export async function personEvents(tx: Queryable): Promise<RecordedEvent[]> {
  return tx.query<RecordedEvent>(
    `SELECT seq, id, stream, type, date, recorded_at AS "recordedAt", data FROM events WHERE kind = 'person' AND ${READABLE} ORDER BY stream, seq`,
  );
}

/** The events of these person streams, in stream and log order. */
export async function personEventsOf(tx: Queryable, streams: readonly string[]): Promise<RecordedEvent[]> {
  return tx.query<RecordedEvent>(
    `SELECT seq, id, stream, type, date, recorded_at AS "recordedAt", data FROM events WHERE stream = ANY($1::text[]) AND ${READABLE} ORDER BY stream, seq`,
    [streams],
  );
}

/** The person streams with an event after log position `after`, up to `upTo`. */
export async function personStreamsChanged(tx: Queryable, after: number, upTo: number): Promise<string[]> {
  const rows = await tx.query<{ stream: string }>(
    `SELECT DISTINCT stream FROM events WHERE seq > $1 AND seq <= $2 AND kind = 'person'`, [after, upTo],
  );
  return rows.map((row) => row.stream);
}

/** The data of the events of these streams that are not retractions and were never retracted. */
export async function unretractedData(tx: Queryable, streams: readonly string[]): Promise<Record<string, unknown>[]> {
  const rows = await tx.query<{ data: Record<string, unknown> }>(
    `SELECT data FROM events e
     WHERE stream = ANY($1::text[]) AND type NOT IN ('retracted', 'retention.erased') AND data IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM events r WHERE r.type = 'retracted' AND r.stream = e.stream AND r.data ->> 'event' = e.id)`,
    [streams],
  );
  return rows.map((row) => row.data);
}

/** The case kinds that name each person (any reference: suspect, person, victim, subject). */
export async function caseKindsOfPersons(tx: Queryable): Promise<Map<string, string[]>> {
  const rows = await tx.query<{ ref: string; kinds: string[] }>(
    `SELECT ref, array_agg(DISTINCT kind ORDER BY kind) AS kinds
     FROM events CROSS JOIN LATERAL unnest(refs) AS r(ref)
     WHERE ref LIKE 'person/%' AND kind <> 'person'
     GROUP BY ref`,
  );
  return new Map(rows.map((row) => [row.ref.slice('person/'.length), row.kinds]));
}

/** The list entries with these content hashes, keyed `watchlistId:contentHash`. */
export async function watchlistEntriesByHash(tx: Queryable, contentHashes: readonly string[]): Promise<Map<string, WatchlistEntry>> {
  const rows = await tx.query<{ watchlistId: number; contentHash: string; entry: WatchlistEntry }>(
    `SELECT DISTINCT ON (watchlist_id, content_hash) watchlist_id AS "watchlistId", content_hash AS "contentHash", entry
     FROM watchlist_entries WHERE content_hash = ANY($1::text[])`,
    [contentHashes],
  );
  return new Map(rows.map((row) => [`${row.watchlistId}:${row.contentHash}`, row.entry]));
}

/** Locks a hit's row for the rest of the transaction; false when there is no such hit. */
export async function lockHit(tx: Queryable, hitId: number): Promise<boolean> {
  const [locked] = await tx.query('SELECT id FROM screening_hits WHERE id = $1 FOR UPDATE', [hitId]);
  return locked !== undefined;
}

/**
 * The SQL of an import (src/import/import-events.ts holds its passes): the imports table, the references no stream
 * answers, the judge's authorisations an import added, which touched streams have history, and the temporary list
 * of streams to replay later.
 */
import type { Queryable } from './db.js';

/** Opens an import's row; returns its id. `organisations` is null when no source names one. */
export async function insertImport(tx: Queryable, row: { startedAt: string; sources: readonly string[]; organisations: readonly (string | null)[] | null }): Promise<number> {
  const [inserted] = await tx.query<{ id: number }>(
    'INSERT INTO imports (started_at, sources, source_organisations) VALUES ($1, $2::text[], $3::text[]) RETURNING id',
    [row.startedAt, row.sources, row.organisations],
  );
  return inserted!.id;
}

export async function recordImportCounts(tx: Queryable, importId: number, counts: { added: number; unchanged: number }): Promise<void> {
  await tx.query('UPDATE imports SET events_added = $2, events_unchanged = $3 WHERE id = $1', [importId, counts.added, counts.unchanged]);
}

export interface DanglingReference {
  id: string;
  stream: string;
  type: string;
  date: string;
  data: Record<string, unknown>;
  originFile: number;
  originLine: number;
  /** The stream named that has no event. */
  ref: string;
}

/** The events of an import naming a stream that has no event, in log order, at most `limit`. */
export async function danglingReferences(tx: Queryable, importId: number, limit: number): Promise<DanglingReference[]> {
  return tx.query<DanglingReference>(
    `SELECT e.id, e.stream, e.type, e.date, e.data, e.origin_file AS "originFile", e.origin_line AS "originLine", r.ref
     FROM events e CROSS JOIN LATERAL unnest(e.refs) AS r(ref)
     WHERE e.import_id = $1 AND NOT EXISTS (SELECT 1 FROM events t WHERE t.stream = r.ref)
     ORDER BY e.seq LIMIT $2`,
    [importId, limit],
  );
}

export interface ImportedEventOfType {
  date: string;
  data: Record<string, string>;
  originFile: number;
  originLine: number;
  /** The 1F file the event names (data.exclusionCase) is about the event's person, or it names none. */
  fileAboutPerson: boolean;
}

/** The events of a type an import added, in log order, at most `limit`, with whether their 1F file is the person's. */
export async function importedEventsOfType(tx: Queryable, importId: number, type: string, limit: number): Promise<ImportedEventOfType[]> {
  return tx.query<ImportedEventOfType>(
    `SELECT to_char(e.date, 'YYYY-MM-DD') AS date, e.data, e.origin_file AS "originFile", e.origin_line AS "originLine",
            (e.data ->> 'exclusionCase' IS NULL OR EXISTS (
              SELECT 1 FROM events x WHERE x.stream = 'exclusion/' || (e.data ->> 'exclusionCase') AND x.type = 'exclusion.opened'
                AND x.data ->> 'person' = e.data ->> 'person')) AS "fileAboutPerson"
     FROM events e WHERE e.import_id = $1 AND e.type = $2 ORDER BY e.seq LIMIT $3`,
    [importId, type, limit],
  );
}

/**
 * For each stream with the seq of its first event in this import: whether it had events before the import
 * (seq ≤ `lastSeqBefore`) and whether this import added events to it before that one.
 */
export async function streamHistory(
  tx: Queryable, streams: ReadonlyArray<readonly [stream: string, firstSeq: number]>, lastSeqBefore: number,
): Promise<{ stream: string; before: boolean; earlierInImport: boolean }[]> {
  return tx.query<{ stream: string; before: boolean; earlierInImport: boolean }>(
    `SELECT s.stream,
       EXISTS (SELECT FROM events e WHERE e.stream = s.stream AND e.seq <= $3) AS before,
       EXISTS (SELECT FROM events e WHERE e.stream = s.stream AND e.seq > $3 AND e.seq < s.first_seq) AS "earlierInImport"
     FROM unnest($1::text[], $2::bigint[]) AS s(stream, first_seq)`,
    [streams.map(([stream]) => stream), streams.map(([, firstSeq]) => firstSeq), lastSeqBefore],
  );
}

/** Adds streams to the transaction's temporary list of streams to replay later (created on first use). */
export async function noteStreamsForLater(tx: Queryable, streams: readonly string[], createTable: boolean): Promise<void> {
  if (createTable) await tx.exec('CREATE TEMPORARY TABLE IF NOT EXISTS replay_later (stream text PRIMARY KEY) ON COMMIT DROP');
  await tx.query('INSERT INTO replay_later SELECT unnest($1::text[]) ON CONFLICT DO NOTHING', [streams]);
}

/** A page of the streams to replay later, after `after` in name order. */
export async function streamsForLater(tx: Queryable, after: string, limit: number): Promise<string[]> {
  return (await tx.query<{ stream: string }>('SELECT stream FROM replay_later WHERE stream > $1 ORDER BY stream LIMIT $2', [after, limit])).map((row) => row.stream);
}

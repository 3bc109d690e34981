/**
 * The SQL of the event log: appending events, reading streams and the whole log. Rows in, rows out; the import
 * pipeline and the reports decide what they mean.
 */
import type { RecordedEvent, StreamKind } from '../domain/event.js';
import type { Queryable } from './db.js';

/** An event ready to be stored, with what the store keeps beside it. */
export interface EventRow {
  id: string;
  stream: string;
  kind: StreamKind;
  type: string;
  date: string;
  recordedAt: string;
  /** null: an erased event (an import of an export with erasures), stored with its content hash only. */
  data: Record<string, unknown> | null;
  /** `data` as JSON text, when the caller has it already (any key order). */
  dataJson?: string;
  refs: string[];
  contentHash: string;
  originFile: number | null;
  originLine: number | null;
  prevHash: string;
  hash: string;
}

/** A stored event with where it came from. */
export interface StoredEvent extends RecordedEvent {
  importId: number | null;
  originFile: number | null;
  originLine: number | null;
}

/** The rows of a batch as one array parameter per column ($1–$13), unnested in order (column n). */
const BATCH_ROWS = `unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::timestamptz[], $7::jsonb[], $8::text[], $9::text[],
                 $10::smallint[], $11::integer[], $12::text[], $13::text[])
  WITH ORDINALITY AS batch (id, stream, kind, type, date, recorded_at, data, refs, content_hash, origin_file, origin_line, prev_hash, hash, n)`;

// An erased event comes with no data and is stored as erased at the time of storing (migration 039).
const INSERT_BATCH = `INSERT INTO events (id, stream, kind, type, date, recorded_at, data, refs, content_hash, import_id, origin_file, origin_line, prev_hash, hash, erased_at)
  SELECT id, stream, kind, type, date, recorded_at, data, string_to_array(refs, ' '), content_hash, $14, origin_file, origin_line, prev_hash, hash,
    CASE WHEN data IS NULL THEN now() END
  FROM batch`;

function batchParameters(importId: number | null, rows: readonly EventRow[]): unknown[] {
  return [
    rows.map((row) => row.id),
    rows.map((row) => row.stream),
    rows.map((row) => row.kind),
    rows.map((row) => row.type),
    rows.map((row) => row.date),
    rows.map((row) => row.recordedAt),
    rows.map((row) => (row.data === null ? null : row.dataJson ?? JSON.stringify(row.data))),
    // Stream names contain no spaces (validated), so a space-joined list is a safe way to pass text[][] rows.
    rows.map((row) => row.refs.join(' ')),
    rows.map((row) => row.contentHash),
    rows.map((row) => row.originFile),
    rows.map((row) => row.originLine),
    rows.map((row) => row.prevHash),
    rows.map((row) => row.hash),
    importId,
  ];
}

/**
 * Appends a batch in one statement (one array parameter per column: fast on both engines; docs/architecture.md, stack traps).
 * The caller has left out ids already stored and chained the rows (prevHash, hash) onto the log's last hash;
 * an id stored meanwhile is left alone. Returns the ids that were added, with their sequence numbers.
 */
export async function appendEvents(tx: Queryable, importId: number | null, rows: readonly EventRow[]): Promise<Map<string, number>> {
  if (rows.length === 0) return new Map();
  const inserted = await tx.query<{ id: string; seq: number }>(
    `WITH batch AS (SELECT * FROM ${BATCH_ROWS})
     ${INSERT_BATCH} ORDER BY n ON CONFLICT (id) DO NOTHING RETURNING id, seq`,
    batchParameters(importId, rows),
  );
  return new Map(inserted.map((row) => [row.id, row.seq]));
}

export interface StoredIdentity {
  id: string;
  contentHash: string;
  recordedAt: string;
}

/**
 * Appends a batch in one statement unless one of its ids is already stored: then nothing is added, and what is
 * stored under those ids comes back, so the caller can leave them out and chain the rest anew. An import of new
 * events — the usual case — so costs one round trip a batch, not a lookup and then an insert.
 */
export async function appendUnlessStored(
  tx: Queryable, importId: number | null, rows: readonly EventRow[],
): Promise<{ added: Map<string, number>; stored: Map<string, StoredIdentity> }> {
  const added = new Map<string, number>();
  const stored = new Map<string, StoredIdentity>();
  if (rows.length === 0) return { added, stored };
  const result = await tx.query<{ id: string; seq: number | null; contentHash: string; recordedAt: string }>(
    `WITH batch AS MATERIALIZED (SELECT * FROM ${BATCH_ROWS}),
       stored AS MATERIALIZED (SELECT id, content_hash, recorded_at FROM events WHERE id IN (SELECT id FROM batch)),
       added AS (${INSERT_BATCH} WHERE NOT EXISTS (SELECT FROM stored) ORDER BY n RETURNING id, seq)
     SELECT id, NULL::bigint AS seq, content_hash AS "contentHash", recorded_at AS "recordedAt" FROM stored
     UNION ALL SELECT id, seq, NULL, NULL FROM added`,
    batchParameters(importId, rows),
  );
  for (const { id, seq, contentHash, recordedAt } of result) {
    if (seq === null) stored.set(id, { id, contentHash, recordedAt });
    else added.set(id, seq);
  }
  return { added, stored };
}

const STORED_EVENT_COLUMNS = `seq, id, stream, type, date, recorded_at AS "recordedAt", data,
  import_id AS "importId", origin_file AS "originFile", origin_line AS "originLine"`;

/**
 * What replay reads: erased events (their data is gone) and the erasure records are left out, so a stream whose
 * events were erased replays as a stream that holds nothing (docs/retention.md, "What an erasure leaves").
 */
export const ERASURE_EVENT = 'retention.erased';
const READABLE = `data IS NOT NULL AND type <> '${ERASURE_EVENT}'`;

/** All events of the given streams, in order of arrival, grouped by stream (erased ones left out). */
export async function readStreams(tx: Queryable, streams: readonly string[]): Promise<Map<string, StoredEvent[]>> {
  const rows = await tx.query<StoredEvent>(
    `SELECT ${STORED_EVENT_COLUMNS} FROM events WHERE stream = ANY($1::text[]) AND ${READABLE} ORDER BY stream, seq`,
    [streams],
  );
  const byStream = new Map<string, StoredEvent[]>();
  for (const row of rows) {
    const list = byStream.get(row.stream);
    if (list) list.push(row);
    else byStream.set(row.stream, [row]);
  }
  return byStream;
}

export async function readStream(tx: Queryable, stream: string): Promise<StoredEvent[]> {
  return (await readStreams(tx, [stream])).get(stream) ?? [];
}

/** A stored event as the log holds it, erased or not: an erased one has no data, only its content hash. */
export type LoggedEvent = Omit<StoredEvent, 'data'> & { data: Record<string, unknown> | null; contentHash: string; erased: boolean };

/**
 * Pages through the whole log in order of arrival, `pageSize` events at a time (bounded memory). Erased events and
 * erasure records are left out unless `withErased` (the export, which carries them as such).
 */
export function readLog(tx: Queryable, options: { stream?: string; pageSize?: number; withErased: true }): AsyncGenerator<LoggedEvent[]>;
export function readLog(tx: Queryable, options?: { stream?: string; pageSize?: number; withErased?: false }): AsyncGenerator<StoredEvent[]>;
export async function* readLog(tx: Queryable, options: { stream?: string; pageSize?: number; withErased?: boolean } = {}): AsyncGenerator<StoredEvent[] | LoggedEvent[]> {
  const pageSize = options.pageSize ?? 5000;
  const columns = `${STORED_EVENT_COLUMNS}, content_hash AS "contentHash", data IS NULL AS erased`;
  const readable = options.withErased ? 'true' : READABLE;
  let after = 0;
  for (;;) {
    const page = options.stream === undefined
      ? await tx.query<LoggedEvent>(`SELECT ${columns} FROM events WHERE seq > $1 AND ${readable} ORDER BY seq LIMIT $2`, [after, pageSize])
      : await tx.query<LoggedEvent>(
        `SELECT ${columns} FROM events WHERE stream = $3 AND seq > $1 AND ${readable} ORDER BY seq LIMIT $2`,
        [after, pageSize, options.stream],
      );
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1]!.seq;
  }
}

/** The position of the newest event: a report computed at one position stays valid until the log grows. */
export async function logPosition(tx: Queryable): Promise<number> {
  const [row] = await tx.query<{ position: number | null }>('SELECT max(seq) AS position FROM events');
  return row?.position ?? 0;
}

export async function streamExists(tx: Queryable, stream: string): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM events WHERE stream = $1 LIMIT 1', [stream]);
  return rows.length > 0;
}

/** The sequence number and hash of the newest event, if any: what the next appended event chains onto. */
export async function lastEvent(tx: Queryable): Promise<{ seq: number; hash: string } | undefined> {
  const [row] = await tx.query<{ seq: number; hash: string }>('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1');
  return row;
}

export interface ChainedEvent {
  seq: number;
  id: string;
  stream: string;
  type: string;
  date: string;
  recordedAt: string;
  /** null once erased: the chain then rests on the stored content hash. */
  data: Record<string, unknown> | null;
  contentHash: string;
  prevHash: string;
  hash: string;
}

/** Pages through the event log with its hash chain, in order of arrival. */
export async function* readEventChain(tx: Queryable, pageSize = 10_000): AsyncGenerator<ChainedEvent[]> {
  let after = 0;
  for (;;) {
    const page = await tx.query<ChainedEvent>(
      `SELECT seq, id, stream, type, date, recorded_at AS "recordedAt", data, content_hash AS "contentHash", prev_hash AS "prevHash", hash
       FROM events WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [after, pageSize],
    );
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1]!.seq;
  }
}

/** The streams whose events name `stream` in their data (e.g. the cases of a person), through the GIN index on refs. */
export async function streamsNaming(tx: Queryable, stream: string): Promise<string[]> {
  const rows = await tx.query<{ stream: string }>('SELECT DISTINCT stream FROM events WHERE refs @> ARRAY[$1]::text[] ORDER BY stream', [stream]);
  return rows.map((row) => row.stream);
}

/** The type of an event of a stream, if stored. */
export async function eventType(tx: Queryable, stream: string, eventId: string): Promise<string | undefined> {
  const [row] = await tx.query<{ type: string }>('SELECT type FROM events WHERE stream = $1 AND id = $2', [stream, eventId]);
  return row?.type;
}

/** The ids of the events an import added. */
export async function eventIdsOfImport(tx: Queryable, importId: number): Promise<Set<string>> {
  return new Set((await tx.query<{ id: string }>('SELECT id FROM events WHERE import_id = $1', [importId])).map((row) => row.id));
}

/** The events of a stream recorded after `since` and by `until`, in order of recording. */
export async function eventsRecordedBetween(
  tx: Queryable, stream: string, since: string, until: string,
): Promise<{ eventId: string; type: string; date: string; recordedAt: string; data: Record<string, unknown> }[]> {
  return tx.query<{ eventId: string; type: string; date: string; recordedAt: string; data: Record<string, unknown> }>(
    `SELECT id AS "eventId", type, date, recorded_at AS "recordedAt", data FROM events
     WHERE stream = $1 AND recorded_at > $2::timestamptz AND recorded_at <= $3::timestamptz ORDER BY recorded_at, seq`,
    [stream, since, until],
  );
}

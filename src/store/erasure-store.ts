/**
 * The SQL of an erasure (docs/retention.md, "Erasure"): what an erasure of some streams would touch, clearing their
 * events' data (migration 039 lets the database accept only that, and only for an approved request), removing what
 * the projections, the screening and the evidence register derived from it, and rewriting the touched tables so
 * that no dead copy of a removed row stays in the database files.
 */
import type { Db, Queryable } from './db.js';
import { EVIDENCE_STANDING_TABLES, removeEvidenceStanding } from './evidence-standing.js';

/** The tables an erasure writes to: rewritten afterwards (VACUUM FULL) so that no old row version survives. */
export const ERASURE_TABLES = ['events', 'case_segments', ...EVIDENCE_STANDING_TABLES, 'screening_hits', 'hit_reviews', 'screening_state', 'evidence_files'] as const;

export interface ErasureScope {
  streams: readonly string[];
  /** The person ids (P-0042) among the streams: their screening hits and state go too. */
  persons: readonly string[];
}

export interface ErasureEffect {
  /** Per stream: its events whose data would be erased, by type (counts only). */
  streams: { stream: string; events: number; types: Record<string, number>; alreadyErased: number }[];
  eventIds: string[];
  /** Evidence files attached by the streams' events and by no event outside them. */
  files: string[];
  /** Evidence files the streams attach that other (kept) events attach too: kept. */
  filesKept: string[];
  caseSegments: number;
  screeningHits: number;
  hitReviews: number;
  screeningState: number;
  /** Published reports (years): their frozen figures stay; their explanations are shown as counts. */
  publishedReports: number[];
}

export async function erasureEffect(tx: Queryable, scope: ErasureScope): Promise<ErasureEffect> {
  const streams = [...scope.streams];
  const persons = [...scope.persons];
  const perType = await tx.query<{ stream: string; type: string; events: number; erased: number }>(
    `SELECT stream, type, count(*) FILTER (WHERE data IS NOT NULL)::int AS events, count(*) FILTER (WHERE data IS NULL)::int AS erased
     FROM events WHERE stream = ANY($1::text[]) AND type <> 'retention.erased' GROUP BY stream, type ORDER BY stream, type`,
    [streams],
  );
  const byStream = new Map<string, ErasureEffect['streams'][number]>();
  for (const row of perType) {
    const entry = byStream.get(row.stream) ?? { stream: row.stream, events: 0, types: {}, alreadyErased: 0 };
    entry.events += row.events;
    entry.alreadyErased += row.erased;
    if (row.events > 0) entry.types[row.type] = row.events;
    byStream.set(row.stream, entry);
  }
  const ids = await tx.query<{ id: string }>(
    "SELECT id FROM events WHERE stream = ANY($1::text[]) AND data IS NOT NULL AND type <> 'retention.erased' ORDER BY seq",
    [streams],
  );
  const files = await tx.query<{ sha256: string; elsewhere: boolean }>(
    `SELECT DISTINCT e.data ->> 'sha256' AS sha256,
       EXISTS (SELECT 1 FROM events o WHERE o.type = 'evidence.file-attached' AND o.data ->> 'sha256' = e.data ->> 'sha256'
               AND NOT (o.stream = ANY($1::text[]))) AS elsewhere
     FROM events e WHERE e.type = 'evidence.file-attached' AND e.stream = ANY($1::text[]) AND e.data IS NOT NULL ORDER BY 1`,
    [streams],
  );
  const [counts] = await tx.query<{ segments: number; hits: number; reviews: number; state: number }>(
    `SELECT (SELECT count(*) FROM case_segments WHERE stream = ANY($1::text[]))::int AS segments,
       (SELECT count(*) FROM screening_hits WHERE ${HITS_OF_PERSONS})::int AS hits,
       (SELECT count(*) FROM hit_reviews WHERE hit_id IN (SELECT id FROM screening_hits WHERE ${HITS_OF_PERSONS}))::int AS reviews,
       (SELECT count(*) FROM screening_state WHERE person_id = ANY($2::text[]))::int AS state`,
    [streams, persons],
  );
  const reports = await tx.query<{ year: number }>('SELECT year FROM published_reports ORDER BY year');
  return {
    streams: streams.map((stream) => byStream.get(stream) ?? { stream, events: 0, types: {}, alreadyErased: 0 }),
    eventIds: ids.map((row) => row.id),
    files: files.filter((row) => !row.elsewhere).map((row) => row.sha256),
    filesKept: files.filter((row) => row.elsewhere).map((row) => row.sha256),
    caseSegments: counts!.segments,
    screeningHits: counts!.hits,
    hitReviews: counts!.reviews,
    screeningState: counts!.state,
    publishedReports: reports.map((row) => row.year),
  };
}

/** The hits of the persons in parameter `param` (a text[]), on either side of a pair. */
const hitsOf = (param: string) => `(person_id = ANY(${param}::text[]) OR (source = 'registry' AND counterpart = ANY(${param}::text[])))`;
const HITS_OF_PERSONS = hitsOf('$2');

/**
 * Clears the data of the streams' events and removes what was derived from it. The database refuses the update
 * unless an approved retention.erase request names the streams (migration 039). Returns how many events were erased.
 */
export async function eraseStreams(tx: Queryable, scope: ErasureScope, files: readonly string[], at: string): Promise<number> {
  const streams = [...scope.streams];
  const persons = [...scope.persons];
  const erased = await tx.query<{ id: string }>(
    `UPDATE events SET data = NULL, refs = '{}', erased_at = $2
     WHERE stream = ANY($1::text[]) AND data IS NOT NULL AND type <> 'retention.erased' RETURNING id`,
    [streams, at],
  );
  await tx.query('DELETE FROM case_segments WHERE stream = ANY($1::text[])', [streams]);
  await removeEvidenceStanding(tx, streams);
  await tx.query(`DELETE FROM hit_reviews WHERE hit_id IN (SELECT id FROM screening_hits WHERE ${hitsOf('$1')})`, [persons]);
  await tx.query(`DELETE FROM screening_hits WHERE ${hitsOf('$1')}`, [persons]);
  await tx.query('DELETE FROM screening_state WHERE person_id = ANY($1::text[])', [persons]);
  await tx.query('DELETE FROM evidence_files WHERE sha256 = ANY($1::text[])', [[...files]]);
  return erased.length;
}

/** Whether an approved erasure request was carried out already (its erasure records are in the log). */
export async function erasureExecuted(tx: Queryable, requestId: number): Promise<boolean> {
  const rows = await tx.query("SELECT 1 FROM events WHERE type = 'retention.erased' AND (data ->> 'request')::bigint = $1 LIMIT 1", [requestId]);
  return rows.length > 0;
}

export interface Compaction {
  tables: string[];
  /** Whether the write-ahead log that held the removed rows was removed too (PGlite: yes; PostgreSQL: the server's). */
  walRemoved: boolean;
  note?: string;
}

/**
 * Rewrites the touched tables and their indexes into new files (the old files are unlinked), so that the removed
 * rows survive neither as dead tuples nor in the table files. Runs outside a transaction (VACUUM cannot run in one).
 *
 * The write-ahead log still holds the rows as they were written. On PGlite this process is the whole server: with
 * WAL recycling off, two segment switches and checkpoints make the segments that held them be deleted instead of
 * reused (a recycled segment keeps its old bytes). On PostgreSQL the WAL (and any WAL archive) is the server's: the
 * segments are recycled by its checkpointer in time; `note` says so (docs/retention.md).
 */
export async function compactErasedTables(db: Db): Promise<Compaction> {
  for (const table of ERASURE_TABLES) await db.exec(`VACUUM FULL ${table}`);
  if (db.engine === 'pglite') {
    await db.exec('SET wal_recycle = off');
    try {
      for (let round = 0; round < 2; round += 1) {
        await db.exec('CHECKPOINT');
        await db.query('SELECT pg_switch_wal()');
      }
      await db.exec('CHECKPOINT');
    } finally {
      await db.exec('RESET wal_recycle');
    }
    return { tables: [...ERASURE_TABLES], walRemoved: true };
  }
  try {
    await db.exec('CHECKPOINT');
  } catch {
    // CHECKPOINT needs superuser or pg_checkpoint; the server's own checkpoints come in time.
  }
  return {
    tables: [...ERASURE_TABLES], walRemoved: false,
    note: 'PostgreSQL keeps the old rows in its write-ahead log (and WAL archive, if any) until the server recycles those segments',
  };
}

/** An erasure request as the administrators' page lists it: what it names (stream ids, rule, ground), never content. */
export interface ErasureRequestRow {
  id: number;
  streams: string[];
  rule: string;
  legalGround: string;
  requestedBy: string;
  requestedAt: string;
  status: 'pending' | 'approved' | 'rejected';
  decidedBy: string | null;
  decidedAt: string | null;
  executed: boolean;
}

/** The erasure requests (approvals of kind retention.erase), newest first, with whether each was carried out. */
export async function listErasureRequests(tx: Queryable, limit: number): Promise<ErasureRequestRow[]> {
  return tx.query<ErasureRequestRow>(
    `SELECT a.id, ARRAY(SELECT jsonb_array_elements_text(a.change -> 'streams')) AS streams, a.change ->> 'rule' AS rule,
            a.change ->> 'legalGround' AS "legalGround", r.username AS "requestedBy", a.requested_at AS "requestedAt", a.status,
            d.username AS "decidedBy", a.decided_at AS "decidedAt",
            EXISTS (SELECT 1 FROM events e WHERE e.type = 'retention.erased' AND (e.data ->> 'request')::bigint = a.id) AS executed
     FROM account_approvals a JOIN accounts r ON r.id = a.requested_by LEFT JOIN accounts d ON d.id = a.decided_by
     WHERE a.kind = 'retention.erase' ORDER BY a.id DESC LIMIT $1`,
    [limit],
  );
}

/**
 * Importing interchange-format v1 events: all or nothing, idempotent by event id, in bounded memory.
 *
 * One transaction holds the whole import, so a failure — a bad line, a crash, a SIGKILL — leaves the store exactly
 * as it was. Three passes inside it:
 *  1. lines: JSON, the v1 schema, recordedAt; rows are appended in batches (an id already stored with the same
 *     content is a no-op, with other content an error);
 *  2. references: every person or case a new event names exists, in this import or the store (one SQL query);
 *  3. streams: every stream the import touched is replayed in date order with its stored events — late arrivals
 *     and retractions included — through its state machine, and its projection rows are rebuilt.
 * Passes 2 and 3 run only on a file whose lines are all well-formed, so their errors are not noise.
 */
import { ImketenError, type Problem } from '../domain/errors.js';
import { parseStreamName, CASE_KINDS, type CaseKind, type StreamKind } from '../domain/event.js';
import { validateEvent } from '../domain/events/schema.js';
import { replayStream } from '../domain/replay.js';
import type { Db, Queryable } from '../store/db.js';
import { canonicalJson, sha256Hex } from '../store/canonical-json.js';
import { appendEvents, appendUnlessStored, lastEventHash, readStreams, type EventRow, type StoredEvent } from '../store/event-store.js';
import { CHAIN_LOCKS, chainHash, GENESIS_HASH, lockChain } from '../audit/hash-chain.js';
import { replaceSegments, segmentRowsOf, type SegmentRow } from '../store/segments.js';
import { ProblemList } from './problem-list.js';
import { readLines, type ImportSource } from './sources.js';

export interface ImportProgress {
  source: string;
  bytes: number;
  totalBytes?: number;
  lines: number;
  phase: 'reading' | 'checking';
}

export interface ImportOptions {
  /** The clock: the time the registry learns the events (their recordedAt when the file gives none). */
  now: () => Date;
  maxProblems?: number;
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportSummary {
  importId: number;
  lines: number;
  added: number;
  unchanged: number;
  streams: number;
}

const CASE_KIND_SET: ReadonlySet<StreamKind> = new Set(CASE_KINDS);

/** Thrown inside the transaction to roll it back when problems were found; never escapes this module. */
const ROLLBACK = Symbol('rollback');

export async function importEvents(db: Db, sources: readonly ImportSource[], options: ImportOptions): Promise<ImportSummary> {
  const problems = new ProblemList(options.maxProblems ?? 50);
  const summary = await db.transaction(async (tx) => {
    const importedAt = options.now().toISOString();
    const [row] = await tx.query<{ id: number }>(
      'INSERT INTO imports (started_at, sources) VALUES ($1, $2::text[]) RETURNING id',
      [importedAt, sources.map((source) => source.name)],
    );
    const importId = row!.id;
    const rollBackOnProblems = () => { if (!problems.empty) throw ROLLBACK; };
    const counts = await appendLines(tx, importId, importedAt, sources, problems, options);
    rollBackOnProblems();
    await checkReferences(tx, importId, sources, problems);
    rollBackOnProblems();
    const streams = await replayTouchedStreams(tx, importId, sources, problems, options);
    rollBackOnProblems();
    await tx.query('UPDATE imports SET events_added = $2, events_unchanged = $3 WHERE id = $1', [importId, counts.added, counts.unchanged]);
    return { importId, ...counts, streams };
  }).catch((error: unknown) => {
    if (error === ROLLBACK) return undefined;
    throw error;
  });
  if (!summary) throw rejection(problems);
  return summary;
}

function rejection(problems: ProblemList): ImketenError {
  const more = problems.count > problems.items.length ? ` (showing the first ${problems.items.length})` : '';
  return new ImketenError(
    'IMPORT_REJECTED',
    `Import rejected: ${problems.count} problem${problems.count === 1 ? '' : 's'} found${more}. Nothing was stored.`,
    problems.items,
  );
}

interface PendingEvent extends EventRow {
  /** Whether the file itself gave recordedAt (then a re-import must agree with the stored one). */
  recordedAtGiven: boolean;
}

async function appendLines(
  tx: Queryable, importId: number, importedAt: string, sources: readonly ImportSource[], problems: ProblemList, options: ImportOptions,
): Promise<{ lines: number; added: number; unchanged: number }> {
  const batchSize = options.batchSize ?? 1000;
  let lines = 0;
  let added = 0;
  let unchanged = 0;
  let batch: PendingEvent[] = [];

  // The hash chain: each new event chains onto the one appended before it (src/audit/hash-chain.ts).
  await lockChain(tx, CHAIN_LOCKS.events);
  let lastHash = (await lastEventHash(tx)) ?? GENESIS_HASH;
  // Where the chain will end if every batch so far turns out new: the next batch is chained onto it while the
  // one before is still being written, and chained anew only when that one held events already stored.
  let expectedHash = lastHash;

  const conflict = (event: PendingEvent, source: ImportSource) => problems.add({
    file: source.name, line: event.originLine ?? undefined, field: 'id', code: 'EVENT_ID_CONFLICT',
    message: `event id '${event.id}' is already stored with other content; an event is never changed: retract it and record a new one`,
  });
  const isRepeat = (event: PendingEvent, earlier: { contentHash: string; recordedAt: string }) =>
    earlier.contentHash === event.contentHash && (!event.recordedAtGiven || earlier.recordedAt === event.recordedAt);

  /** Leaves out ids repeated within the batch (a repeat is unchanged, other content a conflict) and chains the rest. */
  const prepare = (pending: PendingEvent[], source: ImportSource) => {
    const fresh = new Map<string, PendingEvent>();
    for (const event of pending) {
      const earlier = fresh.get(event.id);
      if (!earlier) fresh.set(event.id, event);
      else if (isRepeat(event, earlier)) unchanged += 1;
      else conflict(event, source);
    }
    const rows = [...fresh.values()];
    const chainedOnto = expectedHash;
    expectedHash = chainRows(rows, chainedOnto);
    return { rows, chainedOnto };
  };

  const flush = async ({ rows, chainedOnto }: ReturnType<typeof prepare>, source: ImportSource) => {
    if (chainedOnto !== lastHash) chainRows(rows, lastHash);
    const attempt = await appendUnlessStored(tx, importId, rows);
    let fresh = rows;
    if (attempt.stored.size > 0) {
      // Some ids are stored already (a file imported again, or an event repeated across batches): keep the rest.
      fresh = rows.filter((event) => {
        const earlier = attempt.stored.get(event.id);
        if (!earlier) return true;
        if (isRepeat(event, earlier)) unchanged += 1;
        else conflict(event, source);
        return false;
      });
      chainRows(fresh, lastHash);
      // Under the chain lock nobody else appends, so every fresh event must be added.
      if ((await appendEvents(tx, importId, fresh)).size !== fresh.length) throw new Error('events were appended outside the chain lock');
    } else if (attempt.added !== rows.length) throw new Error('events were appended outside the chain lock');
    added += fresh.length;
    if (fresh.length > 0) lastHash = fresh[fresh.length - 1]!.hash;
  };

  // One batch is written while the next is parsed, validated and chained: on PostgreSQL the two run on different
  // cores. Batches still reach the store one at a time and in order, as the hash chain needs.
  let inFlight: Promise<void> = Promise.resolve();
  const dispatch = async (source: ImportSource) => {
    if (batch.length === 0) return;
    const prepared = prepare(batch, source);
    batch = [];
    await inFlight;
    inFlight = flush(prepared, source);
    inFlight.catch(() => undefined); // awaited at the next dispatch or at the end; not an unhandled rejection
  };

  for (const [index, source] of sources.entries()) {
    let bytes = 0;
    const report = (phase: ImportProgress['phase']) => options.onProgress?.({ source: source.name, bytes, totalBytes: source.size, lines, phase });
    for await (const { line, text } of readLines(source, (read) => { bytes = read; })) {
      lines += 1;
      if (text.trim() === '') continue;
      const event = parseLine(text, importedAt, { file: source.name, line }, problems);
      if (event) batch.push({ ...event, originFile: index + 1, originLine: line });
      if (batch.length >= batchSize) {
        await dispatch(source);
        report('reading');
      }
      if (problems.full) break;
    }
    await dispatch(source);
    await inFlight;
    report('reading');
    if (problems.full) break;
  }
  return { lines, added, unchanged };
}

/** Chains `rows` in order onto `prevHash`; returns the hash the chain ends with. */
function chainRows(rows: PendingEvent[], prevHash: string): string {
  let last = prevHash;
  for (const row of rows) {
    row.prevHash = last;
    row.hash = last = chainHash(last, chainLink(row));
  }
  return last;
}

function parseLine(
  text: string, importedAt: string, where: { file: string; line: number }, problems: ProblemList,
): Omit<PendingEvent, 'originFile' | 'originLine'> | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    problems.add({ ...where, code: 'INVALID_EVENT', message: `not valid JSON (${(error as Error).message})` });
    return undefined;
  }
  const result = validateEvent(raw);
  if (!result.ok) {
    for (const problem of result.problems) problems.add({ ...where, ...problem, code: 'INVALID_EVENT' });
    return undefined;
  }
  const { event, references } = result;
  const recordedAt = event.recordedAt ?? importedAt;
  if (recordedAt > importedAt) {
    problems.add({ ...where, field: 'recordedAt', code: 'INVALID_EVENT', message: `recordedAt ${recordedAt} lies in the future: the registry cannot have learned it yet` });
    return undefined;
  }
  const kind = parseStreamName(event.stream)!.kind;
  return {
    id: event.id,
    stream: event.stream,
    kind,
    type: event.type,
    date: event.date,
    recordedAt,
    recordedAtGiven: event.recordedAt !== undefined,
    data: event.data,
    refs: [...new Set(references.map((reference) => reference.stream))],
    contentHash: eventContentHash(event),
    prevHash: '',
    hash: '',
  };
}

/**
 * The content of an event, as a hash: SHA-256 of the canonical JSON of its stream, type, date and data. The same
 * id with the same content hash is a repeat (a no-op); the hash chain covers it too.
 */
export function eventContentHash(event: { stream: string; type: string; date: string; data: Record<string, unknown> }): string {
  return sha256Hex(canonicalJson({ stream: event.stream, type: event.type, date: event.date, data: event.data }));
}

/** What an event's link in the hash chain covers: its id, when it was recorded, and its content (by hash). */
export function chainLink(event: { id: string; recordedAt: string; contentHash: string }): unknown {
  return { id: event.id, recordedAt: event.recordedAt, contentHash: event.contentHash };
}

/** Pass 2: every stream a new event refers to must exist. */
async function checkReferences(tx: Queryable, importId: number, sources: readonly ImportSource[], problems: ProblemList): Promise<void> {
  const missing = await tx.query<{ id: string; stream: string; type: string; date: string; data: Record<string, unknown>; originFile: number; originLine: number; ref: string }>(
    `SELECT e.id, e.stream, e.type, e.date, e.data, e.origin_file AS "originFile", e.origin_line AS "originLine", r.ref
     FROM events e CROSS JOIN LATERAL unnest(e.refs) AS r(ref)
     WHERE e.import_id = $1 AND NOT EXISTS (SELECT 1 FROM events t WHERE t.stream = r.ref)
     ORDER BY e.seq LIMIT $2`,
    [importId, problems.limit],
  );
  for (const row of missing) {
    const result = validateEvent({ id: row.id, stream: row.stream, type: row.type, date: row.date, data: row.data });
    const field = result.ok ? result.references.find((reference) => reference.stream === row.ref)?.field : undefined;
    const [kind, id] = row.ref.split('/');
    problems.add({
      file: sources[row.originFile - 1]?.name, line: row.originLine, field, code: 'REFERENCE_NOT_FOUND',
      message: `refers to ${kind} '${id}', which is neither in this import nor in the registry`,
    });
  }
}

/** Pass 3: replay every touched stream through its state machine and rebuild its projection rows. */
async function replayTouchedStreams(
  tx: Queryable, importId: number, sources: readonly ImportSource[], problems: ProblemList, options: ImportOptions,
): Promise<number> {
  // A temporary table of the touched streams lets us page through them by key: no repeated scans, bounded memory.
  await tx.exec('CREATE TEMPORARY TABLE IF NOT EXISTS touched_streams (stream text PRIMARY KEY, is_new boolean NOT NULL) ON COMMIT DROP');
  await tx.query(
    `INSERT INTO touched_streams (stream, is_new)
     SELECT stream, bool_and(import_id = $1) FROM events
     WHERE stream IN (SELECT DISTINCT stream FROM events WHERE import_id = $1)
     GROUP BY stream`,
    [importId],
  );
  // While one page of streams is replayed in JavaScript, the next is read and the previous one's projection rows
  // are written: on PostgreSQL the database works on the other core.
  const pageSize = 2000;
  const fetchPage = async (after: string) => {
    const page = await tx.query<{ stream: string; isNew: boolean }>(
      'SELECT stream, is_new AS "isNew" FROM touched_streams WHERE stream > $1 ORDER BY stream LIMIT $2',
      [after, pageSize],
    );
    return page.length === 0 ? undefined : { page, events: await readStreams(tx, page.map((row) => row.stream)) };
  };
  let next = fetchPage('');
  let writing: Promise<void> = Promise.resolve();
  let done = 0;
  try {
    for (let current = await next; current; current = await next) {
      const { page, events } = current;
      next = fetchPage(page[page.length - 1]!.stream);
      next.catch(() => undefined); // awaited at the top of the loop or in finally
      const segments: SegmentRow[] = [];
      for (const { stream } of page) {
        const streamEvents = events.get(stream) ?? [];
        const kind = parseStreamName(stream)!.kind;
        const replay = replayStream(kind, streamEvents);
        if (!replay.ok) {
          problems.add(streamProblem(stream, streamEvents, replay, importId, sources));
          if (problems.full) return done;
          continue;
        }
        if (CASE_KIND_SET.has(kind)) segments.push(...segmentRowsOf(stream, kind as CaseKind, streamEvents));
      }
      const allNew = page.every((row) => row.isNew);
      await writing;
      writing = replaceSegments(tx, allNew ? [] : page.filter((row) => !row.isNew).map((row) => row.stream), segments, allNew);
      writing.catch(() => undefined);
      done += page.length;
      options.onProgress?.({ source: 'streams', bytes: done, lines: done, phase: 'checking' });
    }
    await writing;
    return done;
  } finally {
    // Nothing may still run on the transaction once it ends, whether it commits or rolls back.
    await Promise.allSettled([next, writing]);
  }
}

/** Names the line of the offending event when it came with this import, else the stream's first new line. */
function streamProblem(
  stream: string, events: StoredEvent[], failure: { eventId: string; code: string; message: string }, importId: number, sources: readonly ImportSource[],
): Problem {
  const offending = events.find((event) => event.id === failure.eventId);
  const located = offending?.importId === importId ? offending : events.find((event) => event.importId === importId);
  return {
    file: located?.originFile ? sources[located.originFile - 1]?.name : undefined,
    line: located?.originLine ?? undefined,
    code: failure.code === 'TRANSITION_NOT_ALLOWED' ? 'TRANSITION_NOT_ALLOWED' : 'INVALID_EVENT',
    message: `${stream}: event '${failure.eventId}' — ${failure.message}`,
  };
}

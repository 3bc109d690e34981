/**
 * Importing interchange-format v1 events: all or nothing, idempotent by event id, in bounded memory.
 *
 * One transaction holds the whole import, so a failure — a bad line, a crash, a SIGKILL — leaves the store exactly
 * as it was. Three passes inside it:
 *  1. lines: JSON, the v1 schema, recordedAt; rows are appended in batches (an id already stored with the same
 *     content is a no-op, with other content an error);
 *  2. references: every person or case a new event names exists, in this import or the store (one SQL query);
 *     and an authorisation of the investigating judge keeps to R3 (./check-judge-authorisations.ts); a witness's
 *     statement is a witness-statement of the witness's case (./check-witness-statements.ts);
 *     and an authorisation of the investigating judge keeps to R3 (./check-judge-authorisations.ts); an evidence
 *     item's link to an element names an offence of its case and an element of it (./check-element-links.ts);
 *  3. streams: every stream the import touched is replayed in date order with its stored events — late arrivals
 *     and retractions included — through its state machine, and its projection rows are rebuilt. This pass runs
 *     alongside the first (./stream-replayer.ts), but its problems are reported only for a file whose lines and
 *     references are all sound, so that they are not noise.
 */
import { ImketenError } from '../domain/errors.js';
import { parseStreamName } from '../domain/event.js';
import { validateEvent } from '../domain/events/schema.js';
import type { Db, Queryable } from '../store/db.js';
import { canonicalJson } from '../store/canonical-json.js';
import { danglingReferences, insertImport, recordImportCounts } from '../store/import-store.js';
import { refreshEvidenceStandingOfImport } from '../store/evidence-standing.js';
import { appendEvents, appendUnlessStored, ERASURE_EVENT, lastEvent, type EventRow, type StoredEvent } from '../store/event-store.js';
import { CHAIN_LOCKS, chainHash, GENESIS_HASH, lockChain } from '../audit/hash-chain.js';
import { chainLink, contentHashOfCanonicalData } from '../audit/event-chain.js';
import { dayOfImport } from '../input/day-of-import.js';
import { checkStrictValue, jsonLongerThan, parseStrictJson, type StrictJsonResult } from '../input/strict-json.js';
import { tooLong } from '../input/utf8-lines.js';
import { INPUT_LIMITS } from '../domain/input-limits.js';
import { ProblemList } from './problem-list.js';
import { readLines, type ImportSource } from './sources.js';
import { StreamReplayer } from './stream-replayer.js';
import { PseudonymAssigner } from './witness-pseudonyms.js';
import { checkJudgeAuthorisations } from './check-judge-authorisations.js';
import { checkWitnessStatements } from './check-witness-statements.js';
import { checkElementLinks } from './check-element-links.js';
import { elementsConfig } from '../config/elements.js';
import type { ElementsConfig } from '../domain/rules/elements-config.js';
import { ruleConfig } from '../config/rules.js';
import type { RuleConfig } from '../domain/rules/rule-config.js';

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
  /** How many appended events may wait in memory to be replayed (./stream-replayer.ts). */
  replayCapacity?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** The law's durations the import checks (R3's validity cap); default config/rules.json. */
  rules?: RuleConfig;
  /** The elements of crimes an element link must name (R8); default config/elements.json. */
  elements?: ElementsConfig;
  /**
   * Accept erased events (`"erased": true` with their content hash) and erasure records (`retention.erased`), as an
   * export of a store with erasures holds them (docs/retention.md): only for an operator's import, never the API.
   */
  acceptErasures?: boolean;
}

export interface ImportSummary {
  importId: number;
  lines: number;
  added: number;
  unchanged: number;
  streams: number;
  /** Of the events added, those whose recordedAt the file gave (the rest got the time of import). */
  recordedAtKept: number;
}

/** Thrown inside the transaction to roll it back when problems were found; never escapes this module. */
const ROLLBACK = Symbol('rollback');

export async function importEvents(db: Db, sources: readonly ImportSource[], options: ImportOptions): Promise<ImportSummary> {
  const problems = new ProblemList(options.maxProblems ?? 50);
  const summary = await db.transaction(async (tx) => {
    const now = options.now();
    const importedAt = now.toISOString();
    const importId = await insertImport(tx, {
      startedAt: importedAt, sources: sources.map((source) => source.name),
      organisations: sources.some((source) => source.organisation) ? sources.map((source) => source.organisation ?? null) : null,
    });
    const rollBackOnProblems = () => { if (!problems.empty) throw ROLLBACK; };
    // The hash chain: each new event chains onto the one appended before it (src/audit/hash-chain.ts).
    await lockChain(tx, CHAIN_LOCKS.events);
    const last = await lastEvent(tx);
    const streamProblems = new ProblemList(problems.limit);
    const replayer = new StreamReplayer(tx, { importId, lastSeqBefore: last?.seq ?? 0, sources, problems: streamProblems, capacity: options.replayCapacity, onProgress: options.onProgress });
    const counts = await appendLines(tx, { importId, importedAt, today: dayOfImport(now), lastHash: last?.hash ?? GENESIS_HASH }, sources, replayer, problems, options);
    rollBackOnProblems();
    await checkReferences(tx, importId, sources, problems);
    rollBackOnProblems();
    await checkJudgeAuthorisations(tx, importId, sources, problems, options.rules ?? ruleConfig());
    rollBackOnProblems();
    await checkWitnessStatements(tx, importId, sources, problems);
    await checkElementLinks(tx, importId, sources, problems, options.elements ?? elementsConfig());
    rollBackOnProblems();
    const streams = await replayer.finish();
    for (const problem of streamProblems.items) problems.add(problem);
    rollBackOnProblems();
    await refreshEvidenceStandingOfImport(tx, importId);
    await recordImportCounts(tx, importId, counts);
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
  tx: Queryable, start: { importId: number; importedAt: string; today: string; lastHash: string }, sources: readonly ImportSource[],
  replayer: StreamReplayer, problems: ProblemList, options: ImportOptions,
): Promise<{ lines: number; added: number; unchanged: number; recordedAtKept: number }> {
  const { importId } = start;
  const batchSize = options.batchSize ?? 1000;
  let lines = 0;
  let added = 0;
  let unchanged = 0;
  let recordedAtKept = 0;
  let batch: PendingEvent[] = [];
  const pseudonyms = new PseudonymAssigner(tx);

  let lastHash = start.lastHash;
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
    let seqs = attempt.added;
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
      seqs = await appendEvents(tx, importId, fresh);
    }
    // Under the chain lock nobody else appends, so every fresh event must be added.
    if (seqs.size !== fresh.length) throw new Error('events were appended outside the chain lock');
    added += fresh.length;
    recordedAtKept += fresh.filter((event) => event.recordedAtGiven).length;
    if (fresh.length > 0) lastHash = fresh[fresh.length - 1]!.hash;
    // Erased events and erasure records hold nothing to replay (src/store/event-store.ts, readStreams).
    const readable = fresh.filter((event) => event.data !== null && event.type !== ERASURE_EVENT);
    await replayer.appended(readable.map((event) => storedEvent(event, seqs.get(event.id)!, importId)));
  };

  // One batch is written while the next is parsed, validated and chained: on PostgreSQL the two run on different
  // cores. Batches still reach the store one at a time and in order, as the hash chain needs.
  let inFlight: Promise<void> = Promise.resolve();
  const dispatch = async (source: ImportSource) => {
    if (batch.length === 0) return;
    const pending = batch;
    batch = [];
    // Witnesses registered without a pseudonym get the registry's before they are hashed and chained.
    for (const [index, code] of await pseudonyms.assign(pending)) pending[index] = withData(pending[index]!, { ...pending[index]!.data, pseudonym: code });
    const prepared = prepare(pending, source);
    await inFlight;
    inFlight = flush(prepared, source);
    inFlight.catch(() => undefined); // awaited at the next dispatch or at the end; not an unhandled rejection
  };

  for (const [index, source] of sources.entries()) {
    let bytes = 0;
    const report = (phase: ImportProgress['phase']) => options.onProgress?.({ source: source.name, bytes, totalBytes: source.size, lines, phase });
    for await (const { line, json, problem } of readJson(source, (read) => { bytes = read; })) {
      lines += 1;
      if (problem !== undefined) problems.add({ file: source.name, line, code: 'INVALID_EVENT', message: problem });
      if (json === undefined) continue;
      const event = parseLine(json, start, { file: source.name, line, fileIndex: index + 1 }, problems, options.acceptErasures === true);
      if (event) batch.push(event);
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
  return { lines, added, unchanged, recordedAtKept };
}

/** The event with other data: its canonical JSON and content hash follow. */
function withData(event: PendingEvent, data: Record<string, unknown>): PendingEvent {
  const dataJson = canonicalJson(data);
  return { ...event, data, dataJson, contentHash: contentHashOfCanonicalData(event, dataJson) };
}

function storedEvent(event: PendingEvent, seq: number, importId: number): StoredEvent {
  const { id, stream, type, date, recordedAt, data, originFile, originLine } = event;
  return { seq, id, stream, type, date, recordedAt, data: data ?? {}, importId, originFile, originLine };
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

/**
 * The lines of a source as strictly checked JSON: a text line parsed (parseStrictJson), an object checked the same
 * way (checkStrictValue, and the line-length limit its JSON text would have). Blank lines are left out.
 */
async function* readJson(source: ImportSource, onBytes: (bytes: number) => void): AsyncGenerator<{ line: number; json?: StrictJsonResult; problem?: string }> {
  if ('values' in source) {
    for (const [index, value] of source.values.entries()) {
      const line = index + 1;
      if (jsonLongerThan(value, INPUT_LIMITS.lineBytes)) yield { line, problem: tooLong(INPUT_LIMITS.lineBytes) };
      else yield { line, json: checkStrictValue(value) };
    }
    return;
  }
  for await (const { line, text, problem } of readLines(source, onBytes)) {
    yield text === undefined || text.trim() === '' ? { line, ...(problem === undefined ? {} : { problem }) } : { line, json: parseStrictJson(text) };
  }
}

function parseLine(
  json: StrictJsonResult, clock: { importedAt: string; today: string }, origin: { file: string; line: number; fileIndex: number }, problems: ProblemList,
  acceptErasures: boolean,
): PendingEvent | undefined {
  const where = { file: origin.file, line: origin.line };
  if (!json.ok) {
    problems.add({ ...where, ...(json.field ? { field: json.field } : {}), code: 'INVALID_EVENT', message: json.message });
    return undefined;
  }
  if (isErasureLine(json.value)) {
    if (!acceptErasures) {
      problems.add({ ...where, code: 'INVALID_EVENT', message: 'erased events and erasure records are accepted only by an operator\'s import of an export (imketen import)' });
      return undefined;
    }
    const parsed = parseErasureLine(json.value, clock.importedAt);
    if (typeof parsed === 'string') {
      problems.add({ ...where, code: 'INVALID_EVENT', message: parsed });
      return undefined;
    }
    return { ...parsed, originFile: origin.fileIndex, originLine: origin.line };
  }
  const { importedAt, today } = clock;
  const result = validateEvent(json.value, { today });
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
  const dataJson = canonicalJson(event.data);
  return {
    id: event.id,
    stream: event.stream,
    kind,
    type: event.type,
    date: event.date,
    recordedAt,
    recordedAtGiven: event.recordedAt !== undefined,
    data: event.data,
    dataJson,
    refs: [...new Set(references.map((reference) => reference.stream))],
    contentHash: contentHashOfCanonicalData(event, dataJson),
    originFile: origin.fileIndex,
    originLine: origin.line,
    prevHash: '',
    hash: '',
  };
}

function isErasureLine(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const line = value as Record<string, unknown>;
  return 'erased' in line || line.type === ERASURE_EVENT;
}

/**
 * An erased event as an export carries it (id, stream, type, date, recordedAt, contentHash, "erased": true), or an
 * erasure record (a `retention.erased` event with its data): stored as they were, so that they chain as they did.
 */
function parseErasureLine(value: unknown, importedAt: string): Omit<PendingEvent, 'originFile' | 'originLine'> | string {
  const line = value as Record<string, unknown>;
  const { id, stream, type, date, recordedAt } = line;
  if ([id, stream, type, date, recordedAt].some((field) => typeof field !== 'string')) {
    return 'an erased event or erasure record needs id, stream, type, date and recordedAt as text';
  }
  const streamName = parseStreamName(stream as string);
  if (!streamName) return `not a stream name: '${String(stream)}'`;
  if ((recordedAt as string) > importedAt) return `recordedAt ${String(recordedAt)} lies in the future`;
  const envelope = { id: id as string, stream: stream as string, kind: streamName.kind, type: type as string, date: date as string, recordedAt: recordedAt as string };
  if (line.erased !== undefined) {
    const allowed = new Set(['id', 'stream', 'type', 'date', 'recordedAt', 'contentHash', 'erased']);
    const unknown = Object.keys(line).find((key) => !allowed.has(key));
    if (unknown) return `an erased event carries no '${unknown}': its data was erased`;
    if (line.erased !== true) return 'erased must be true';
    if (typeof line.contentHash !== 'string' || !/^[0-9a-f]{64}$/.test(line.contentHash)) return 'an erased event needs its contentHash (64 hex digits)';
    return { ...envelope, recordedAtGiven: true, data: null, refs: [], contentHash: line.contentHash, prevHash: '', hash: '' };
  }
  const data = line.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'an erasure record needs its data as an object';
  const dataJson = canonicalJson(data);
  return {
    ...envelope, recordedAtGiven: true, data: data as Record<string, unknown>, dataJson, refs: [],
    contentHash: contentHashOfCanonicalData(envelope, dataJson), prevHash: '', hash: '',
  };
}

/** Pass 2: every stream a new event refers to must exist. */
async function checkReferences(tx: Queryable, importId: number, sources: readonly ImportSource[], problems: ProblemList): Promise<void> {
  const missing = await danglingReferences(tx, importId, problems.limit);
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


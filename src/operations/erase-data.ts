/**
 * Erasure of personal data past its retention term (docs/retention.md, "Erasure"), as a procedure: a dry run shows
 * what an erasure of some streams would touch; a request waits for a second administrator's approval (the four-eyes
 * rule of src/accounts/approvals.ts, kind `retention.erase`; the database refuses the requester as approver and
 * refuses to clear any event's data without an approved request); once approved, the erasure is carried out:
 * an erasure record (`retention.erased`) is chained onto each stream, the streams' event data is cleared, what was
 * derived from it is removed (projections, screening hits and reviews, the evidence register and the files), and
 * the touched tables are rewritten so no copy remains in the database files.
 *
 * Whole streams are erased: a stream with part of its events gone would replay into a state no rule describes. A
 * person is erased with the streams of theirs that are due; what the log then says of them is that events with these
 * ids, types and dates existed and were erased on this ground — never what they held.
 */
import { eventContentHash, chainLink } from '../audit/event-chain.js';
import { chainHash, CHAIN_LOCKS, GENESIS_HASH, lockChain } from '../audit/hash-chain.js';
import { decideApproval, findApproval, requestApproval, type Approval } from '../accounts/approvals.js';
import { CASE_KINDS, parseStreamName, type CaseKind } from '../domain/event.js';
import { recordAnalysisFacts } from './record-analysis.js';
import { streamsNamedByTaskKey } from '../domain/task/state.js';
import { ImketenError } from '../domain/errors.js';
import type { Db, Queryable } from '../store/db.js';
import { compactErasedTables, erasureEffect, type Compaction, erasureExecuted, eraseStreams, type ErasureEffect } from '../store/erasure-store.js';
export { listErasureRequests, type ErasureRequestRow } from '../store/erasure-store.js';
import { appendEvents, ERASURE_EVENT, lastEvent, type EventRow } from '../store/event-store.js';
import { findAccountByUsername, lockApproval } from '../store/accounts-store.js';
import type { Policy } from '../policy/policy.js';
import type { FileStore } from '../store/file-store/file-store.js';

export interface ErasureRequest {
  /** The streams to erase, e.g. person/P-0042 and criminal/SZ-2019-004. */
  streams: string[];
  /** The retention rule that makes them due (config/rules.json, retention). */
  rule: string;
  /** The legal ground, e.g. "Wpg art. 14: term of 5 years after closing ended". */
  legalGround: string;
}

interface StoredRequest extends ErasureRequest {
  persons: string[];
}

export interface ErasureOutcome {
  request: number;
  events: number;
  files: number;
  filesMissing: number;
  streams: string[];
  compaction?: Compaction;
}

/**
 * The account an administrator names (the CLI's --by, the API's signed-in user): enabled, and of a role the policy
 * lets erase (config/policy.json, `retention.erase`).
 */
export async function erasingAdministrator(tx: Queryable, policy: Policy, username: string): Promise<{ id: number; username: string }> {
  const account = await findAccountByUsername(tx, username);
  if (!account || account.disabled) throw new ImketenError('ACCOUNT_NOT_FOUND', `No enabled account '${username}'.`);
  if ((policy.actions['retention.erase']?.grants?.[account.role] ?? []).length === 0) {
    throw new ImketenError('FORBIDDEN', `Account '${username}' (role ${account.role}) may not erase data: the policy's action retention.erase grants it no role of theirs.`);
  }
  return { id: account.id, username: account.username };
}

/** Checks the streams named (known form, stored) and derives the persons among them. */
async function scopeOf(tx: Queryable, request: ErasureRequest): Promise<StoredRequest> {
  const streams = [...new Set(request.streams)].sort();
  if (streams.length === 0) throw new ImketenError('INVALID_INPUT', 'An erasure names at least one stream (e.g. person/P-0042).');
  if (!request.rule.trim()) throw new ImketenError('INVALID_INPUT', 'An erasure names the retention rule that makes the data due (--rule).');
  if (!request.legalGround.trim()) throw new ImketenError('INVALID_INPUT', 'An erasure names its legal ground (--ground).');
  for (const stream of streams) {
    if (!parseStreamName(stream)) throw new ImketenError('INVALID_INPUT', `Not a stream name: '${stream}' (expected <kind>/<id>, e.g. person/P-0042).`);
  }
  const stored = new Set((await tx.query<{ stream: string }>('SELECT DISTINCT stream FROM events WHERE stream = ANY($1::text[])', [streams])).map((row) => row.stream));
  const unknown = streams.filter((stream) => !stored.has(stream));
  if (unknown.length > 0) throw new ImketenError('INVALID_INPUT', `No events of ${unknown.join(', ')} in the registry: nothing to erase there.`);
  const persons = streams.filter((stream) => stream.startsWith('person/')).map((stream) => stream.slice('person/'.length));
  const tasks = await tasksAbout(tx, streams, persons);
  return { streams: [...new Set([...streams, ...tasks])].sort(), persons, rule: request.rule.trim(), legalGround: request.legalGround.trim() };
}

/**
 * The inbox tasks that go with the streams erased (docs/retention.md, "Inbox tasks"): those whose key names one of
 * them, and those about a screening hit or cross-reference of an erased person (the erasure deletes the hits).
 */
async function tasksAbout(tx: Queryable, streams: readonly string[], persons: readonly string[]): Promise<string[]> {
  const tasks = await tx.query<{ stream: string; key: string }>(
    "SELECT DISTINCT stream, data ->> 'task' AS key FROM events WHERE kind = 'task' AND data IS NOT NULL AND type <> 'retention.erased' ORDER BY stream",
  );
  if (tasks.length === 0) return [];
  const hits = persons.length === 0 ? new Set<string>()
    : new Set((await tx.query<{ id: string }>('SELECT id::text AS id FROM screening_hits WHERE person_id = ANY($1::text[]) OR counterpart = ANY($1::text[])', [persons])).map((row) => row.id));
  const erased = new Set(streams);
  return tasks.filter((task) => {
    if (streamsNamedByTaskKey(task.key ?? '').some((name) => erased.has(name))) return true;
    const [kind, hit] = (task.key ?? '').split(':');
    return (kind === 'screening-hit' || kind === 'cross-reference') && hit !== undefined && hits.has(hit);
  }).map((task) => task.stream);
}

/** The dry run: what an erasure of these streams would touch. Writes nothing. */
export async function planErasure(tx: Queryable, request: ErasureRequest): Promise<ErasureEffect> {
  return erasureEffect(tx, await scopeOf(tx, request));
}

/** Stores the erasure as a request for a second administrator (POST /api/approvals/{id}, `imketen retention erase --approve`). */
export async function requestErasure(tx: Queryable, request: ErasureRequest, requestedBy: number, now: Date): Promise<{ approval: Approval; effect: ErasureEffect }> {
  const scope = await scopeOf(tx, request);
  const effect = await erasureEffect(tx, scope);
  const events = effect.streams.reduce((sum, stream) => sum + stream.events, 0);
  const approval = await requestApproval(tx, {
    kind: 'retention.erase',
    summary: `erase the data of ${events} events of ${scope.streams.length} stream(s) (${scope.streams.join(', ')}) under rule ${scope.rule}`,
    change: scope as unknown as Record<string, never>,
    requestedBy,
  }, now);
  return { approval, effect };
}

/**
 * A second administrator approves or rejects an erasure request (the requester is refused, here and by the
 * database). Approving changes nothing yet; executeErasure carries it out.
 */
export async function decideErasure(tx: Queryable, policy: Policy, requestId: number, decision: 'approve' | 'reject', decidedBy: number, now: Date): Promise<Approval> {
  const found = await findApproval(tx, requestId);
  if (!found || found.kind !== 'retention.erase') throw new ImketenError('ACCOUNT_NOT_FOUND', `No erasure request with id ${requestId}.`);
  return (await decideApproval(tx, policy, requestId, decision, decidedBy, now)).approval;
}

/**
 * Carries out an approved erasure. The event log's part is one transaction (erasure records chained, data
 * cleared, derived rows removed); then the files go from the file store and the touched tables are rewritten.
 */
export async function executeErasure(
  db: Db, files: FileStore | undefined, requestId: number, executedBy: string, now: Date, analysisKey?: Buffer,
): Promise<ErasureOutcome> {
  const at = now.toISOString();
  const { outcome, fileList } = await db.transaction(async (tx) => {
    const row = await lockApproval(tx, requestId);
    if (!row || row.kind !== 'retention.erase') throw new ImketenError('ACCOUNT_NOT_FOUND', `No erasure request with id ${requestId}.`);
    if (row.status !== 'approved') throw new ImketenError('INVALID_INPUT', `Erasure request ${requestId} is ${row.status}: a second administrator must approve it first.`);
    if (await erasureExecuted(tx, requestId)) throw new ImketenError('INVALID_INPUT', `Erasure request ${requestId} was carried out already.`);
    const approval = (await findApproval(tx, requestId))!;
    const scope = row.change as StoredRequest;
    const effect = await erasureEffect(tx, scope);
    await lockChain(tx, CHAIN_LOCKS.events);
    const last = await lastEvent(tx);
    let prevHash = last?.hash ?? GENESIS_HASH;
    const records: EventRow[] = [];
    const eventsOf = await tx.query<{ stream: string; ids: string[] }>(
      `SELECT stream, array_agg(id ORDER BY seq) AS ids FROM events
       WHERE stream = ANY($1::text[]) AND data IS NOT NULL AND type <> '${ERASURE_EVENT}' GROUP BY stream ORDER BY stream`,
      [scope.streams],
    );
    for (const [index, { stream, ids }] of eventsOf.entries()) {
      const data = {
        request: requestId, rule: scope.rule, legalGround: scope.legalGround,
        requestedBy: approval.requestedBy, approvedBy: approval.decidedBy, executedBy,
        events: ids, files: stream.startsWith('evidence/') ? effect.files.length : 0,
      };
      const event = { id: `erasure-${requestId}-${index + 1}`, stream, type: ERASURE_EVENT, date: at.slice(0, 10), data };
      const contentHash = eventContentHash(event);
      const hash = chainHash(prevHash, chainLink({ id: event.id, recordedAt: at, contentHash }));
      records.push({ ...event, kind: parseStreamName(stream)!.kind, recordedAt: at, refs: [], contentHash, originFile: null, originLine: null, prevHash, hash });
      prevHash = hash;
    }
    // The pseudonymised analysis facts of the case streams are recorded as they are now, before their data goes:
    // the trend figures outlive the identities (docs/retention.md, "Pseudonymised analysis").
    if (analysisKey) await recordAnalysisFacts(tx, scope.streams.filter((stream) => CASE_KINDS.includes(parseStreamName(stream)!.kind as CaseKind)), analysisKey, now);
    await appendEvents(tx, null, records);
    const erased = await eraseStreams(tx, scope, effect.files, at);
    const outcome: ErasureOutcome = { request: requestId, events: erased, files: effect.files.length, filesMissing: 0, streams: scope.streams };
    return { outcome, fileList: effect.files };
  });
  for (const sha256 of fileList) {
    if (!files || !(await files.remove(sha256))) outcome.filesMissing += 1;
  }
  outcome.compaction = await compactErasedTables(db);
  return outcome;
}

/**
 * The one way the server writes events: every route that appends (POST /api/events, POST /api/retractions, and
 * any route to come) calls `appendChecked`. It refuses a client's transaction time (the server owns recordedAt),
 * asks the policy per kind (events.append / events.retract) and per event (the write policy,
 * src/policy/write-policy.ts), then imports through the group-commit queue with the access-log entry in the same
 * transaction. A refusal is logged too, and stores nothing.
 */
import type { FastifyRequest } from 'fastify';
import { ImketenError, type Problem } from '../domain/errors.js';
import { parseStreamName, STREAM_KINDS } from '../domain/event.js';
import { referencesOf } from '../domain/events/schema.js';
import { registryFacts } from '../policy/registry-facts.js';
import { writeFacts } from '../screening/write-facts.js';
import { authorizeWrite } from '../policy/write-policy.js';
import { REQUEST_SOURCE } from './append-queue.js';
import { accessEntry, guard, today, type ServerContext } from './context.js';
import { AccessDenied } from './http-errors.js';
import { checkRecordingRoles } from './recording-check.js';

export interface EventToAppend {
  id: string;
  stream: string;
  type: string;
  date: string;
  recordedAt?: string;
  data: Record<string, unknown>;
}

/**
 * Event types whose data the server derives itself and a client never sends, with the route that writes each:
 * `evidence.file-attached` carries the hash, size and media type the upload computed from the bytes it received (a
 * client that could send one would attach bytes it never had, or state a hash the store does not hold); the task
 * events of the inbox carry the signed-in user and organisation, and are written only for a task in that user's own
 * inbox (a client that could send one would note work it cannot see, or in another's name).
 */
const DERIVED_BY_SERVER = new Map<string, string>([
  ['evidence.file-attached', 'the upload (POST /api/evidence/{id}/files), which computes the hash, size and media type from the bytes; send the file there'],
  ['task.assigned', 'the inbox (POST /api/inbox/tasks/assignments), for a task in your own inbox'],
  ['task.marked-done', 'the inbox (POST /api/inbox/tasks/completions), for a task in your own inbox'],
  ['task.reopened', 'the inbox (POST /api/inbox/tasks/reopenings), for a task in your own inbox'],
]);

export async function appendChecked(
  request: FastifyRequest, context: ServerContext, action: 'events.append' | 'events.retract', events: readonly EventToAppend[],
  options: { derivedByServer?: boolean } = {},
) {
  const principal = request.principal!;
  if (!options.derivedByServer) refuseServerDerived(events);
  const kinds = new Set<string>();
  for (const [index, event] of events.entries()) {
    const parsed = parseStreamName(event.stream);
    if (!parsed) {
      throw new ImketenError('INVALID_INPUT', `events[${index}].stream must be <kind>/<id> with kind one of ${STREAM_KINDS.join(', ')}, got '${event.stream}'.`, [
        { field: `events[${index}].stream`, message: `unknown stream '${event.stream}'` },
      ]);
    }
    kinds.add(parsed.kind);
  }
  const persons = personsOf(events);
  let legalBasis = '';
  for (const kind of kinds) {
    const granted = await guard(request, context, action, { kind, stream: events.length === 1 ? events[0]!.stream : undefined, personIds: persons });
    legalBasis = legalBasis ? `${legalBasis}; ${granted.legalBasis}` : granted.legalBasis;
  }
  await checkRecordingRoles(request, context, action, events, persons);
  refuseClientTransactionTime(events);
  const entry = accessEntry(request, context, principal, {
    action, resource: events.length === 1 ? events[0]!.stream : `events:${[...new Set(events.map((event) => event.stream))].slice(0, 20).join(',')}`,
    persons, legalBasis, outcome: 'allowed', reason: null,
  });
  const decision = await authorizeWrite(context.policy, principal, events, { date: today(context), facts: registryFacts(context.db, context.now()), writes: writeFacts(context.db) });
  if (!decision.allowed) {
    await context.accessLog.log({ ...entry, outcome: 'denied', legalBasis: null, reason: decision.reason });
    throw new AccessDenied('FORBIDDEN', decision.reason, decision.allowingBases, { key: 'writeRefused', params: { type: events.length === 1 ? events[0]!.type : '' } });
  }
  entry.legalBasis = `${legalBasis}; ${decision.legalBasis}`;
  try {
    const summary = await context.appends.append(events, entry);
    context.metrics.countAppend('committed', summary.added);
    queueRescreening(request, context, events);
    request.accessLogged = true;
    return { ...summary, eventIds: events.map((event) => event.id) };
  } catch (error) {
    if (error instanceof ImketenError) {
      context.metrics.countAppend('refused', 0);
      // The refused write is logged too (its own, short transaction), then the problems name events[i].
      await context.accessLog.log({ ...entry, at: context.now().toISOString(), outcome: 'denied', legalBasis: null, reason: error.message });
      const all = (code: string) => error.code === 'IMPORT_REJECTED' && error.problems.length > 0 && error.problems.every((problem) => problem.code === code);
      const code = all('INVALID_EVENT') ? 'INVALID_EVENT' : all('EVENT_ID_CONFLICT') ? 'EVENT_ID_CONFLICT' : error.code;
      throw new ImketenError(code, error.message.replace('Import rejected', 'Events rejected'), error.problems.map((problem) => relocate(problem)));
    }
    throw error;
  }
}

/**
 * Over the API the transaction time is the server's: the time the registry learned the event. A client's recordedAt
 * would let it rewrite what the registry knew when (a published report "as recorded" would change), so it is refused;
 * an operator's import at the server keeps the interchange format's rule and is logged (src/import/operator-import.ts).
 */
function refuseClientTransactionTime(events: readonly EventToAppend[]): void {
  const problems: Problem[] = events.flatMap((event, index) => (event.recordedAt === undefined ? [] : [{
    field: `events[${index}].recordedAt`, code: 'INVALID_EVENT',
    message: 'leave recordedAt out: the server records the time it learns an event (an operator import at the server may keep a partner export\'s times)',
  }]));
  if (problems.length > 0) {
    throw new ImketenError('INVALID_EVENT', `Events rejected: the server sets recordedAt (the transaction time) on every API write; ${problems.length} event${problems.length === 1 ? '' : 's'} sent one. Nothing was stored.`, problems);
  }
}

function refuseServerDerived(events: readonly EventToAppend[]): void {
  const problems: Problem[] = events.flatMap((event, index) => (DERIVED_BY_SERVER.has(event.type) ? [{
    field: `events[${index}].type`, code: 'INVALID_EVENT',
    message: `${event.type} is written by ${DERIVED_BY_SERVER.get(event.type)!}`,
  }] : []));
  if (problems.length > 0) {
    throw new ImketenError('INVALID_EVENT', `Events rejected: ${problems[0]!.message}. Nothing was stored.`, problems);
  }
}

/** The persons a request concerns (for the access log): person streams written to, and every person named. */
function personsOf(events: readonly EventToAppend[]): string[] {
  const ids = new Set<string>();
  for (const event of events) {
    const parsed = parseStreamName(event.stream);
    if (parsed?.kind === 'person') ids.add(parsed.id);
    for (const reference of referencesOf(event.data)) if (reference.stream.startsWith('person/')) ids.add(reference.stream.slice('person/'.length));
  }
  return [...ids].sort();
}

function relocate(problem: Problem): Problem {
  if (problem.file !== REQUEST_SOURCE || problem.line === undefined) return problem;
  const { file: _file, ...rest } = problem;
  return { ...rest, field: `events[${problem.line - 1}]${problem.field ? `.${problem.field}` : ''}` };
}

/**
 * Persons whose events were just added are screened again against every list, in the background (README,
 * "Background jobs"); a queue that cannot take the job is logged, never fails the append that already committed.
 */
function queueRescreening(request: FastifyRequest, context: ServerContext, events: readonly EventToAppend[]): void {
  if (!context.jobs) return;
  const persons = [...new Set(events.filter((event) => event.stream.startsWith('person/')).map((event) => event.stream.slice('person/'.length)))];
  if (persons.length === 0) return;
  context.jobs.send('rescreen-persons', { persons }).catch((error: Error) => request.log.error({ err: error }, 'could not queue the re-screening of changed persons'));
}

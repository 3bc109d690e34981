/**
 * Writing and exporting events. Appends go through the one import pipeline (`importEvents`): the same validation,
 * all or nothing, hash-chained; the access-log entry of the write is committed in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ImketenError, type Problem } from '../../domain/errors.js';
import { parseStreamName, STREAM_KINDS } from '../../domain/event.js';
import { toInterchangeLine } from '../../export/export-events.js';
import { grantedKinds } from '../../policy/authorize.js';
import { REQUEST_SOURCE } from '../append-queue.js';
import { accessEntry, guard, today, type App, type ServerContext } from '../context.js';
import { pageExport } from '../repositories/registry-queries.js';
import { EventInputSchema } from '../schemas.js';
import { checkRecordingRoles } from '../recording-check.js';


const ImportResultSchema = Type.Object({
  importId: Type.Integer(),
  added: Type.Integer({ description: 'Events stored by this request.' }),
  unchanged: Type.Integer({ description: 'Events already stored with the same content (idempotent).' }),
  streams: Type.Integer(),
  eventIds: Type.Array(Type.String()),
});

const PERSON_FIELDS = ['suspect', 'person', 'victim'];

function personsOf(events: readonly { stream: string; data: Record<string, unknown> }[]): string[] {
  const ids = new Set<string>();
  for (const event of events) {
    const parsed = parseStreamName(event.stream);
    if (parsed?.kind === 'person') ids.add(parsed.id);
    for (const field of PERSON_FIELDS) if (typeof event.data[field] === 'string') ids.add(event.data[field] as string);
    if (Array.isArray(event.data.subjects)) for (const subject of event.data.subjects) if (typeof subject === 'string') ids.add(subject);
  }
  return [...ids].sort();
}

export function registerEventRoutes(app: App, context: ServerContext): void {
  app.post('/api/events', {
    config: { action: 'events.append' },
    schema: {
      tags: ['events'], summary: 'Append events (interchange format v1): one or many, all or nothing',
      description: 'The same checks as `imketen import`: schema, references, the state machine of every touched stream. One bad event and nothing is stored; '
        + 'the problems name the event (events[i]) and field. Sending the same events again changes nothing.',
      body: Type.Object({ events: Type.Array(EventInputSchema, { minItems: 1 }) }, { additionalProperties: false }),
      response: { 200: ImportResultSchema, 201: ImportResultSchema },
    },
  }, async (request, reply) => {
    const events = request.body.events;
    if (events.length > context.config.maxEventsPerRequest) {
      throw new ImketenError('PAYLOAD_TOO_LARGE', `At most ${context.config.maxEventsPerRequest} events per request; send the rest in further requests.`);
    }
    const summary = await appendChecked(request, context, 'events.append', events);
    return reply.code(summary.added > 0 ? 201 : 200).send(summary);
  });

  app.post('/api/retractions', {
    config: { action: 'events.retract' },
    schema: {
      tags: ['events'], summary: 'Retract an earlier event of a stream',
      description: 'Records a `retracted` event: from its recordedAt on, every figure ignores the retracted event; earlier knowledge still shows it. Nothing is deleted.',
      body: Type.Object({
        stream: Type.String({ minLength: 3, maxLength: 200 }),
        event: Type.String({ minLength: 1, maxLength: 200 }),
        reason: Type.String({ minLength: 1, maxLength: 2000 }),
        date: Type.Optional(Type.String({ format: 'date' })),
        id: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'The id of the retraction event (default: generated).' })),
      }, { additionalProperties: false }),
      response: { 200: ImportResultSchema, 201: ImportResultSchema },
    },
  }, async (request, reply) => {
    const body = request.body;
    const retraction = {
      id: body.id ?? `rt-${randomUUID()}`, stream: body.stream, type: 'retracted', date: body.date ?? today(context),
      data: { event: body.event, reason: body.reason },
    };
    const summary = await appendChecked(request, context, 'events.retract', [retraction]);
    return reply.code(summary.added > 0 ? 201 : 200).send(summary);
  });

  app.get('/api/export', {
    config: { action: 'export.read' },
    schema: {
      tags: ['events'], summary: 'Export as interchange format v1 (JSON Lines), a page at a time',
      description: 'The events of the kinds you may export, in order of arrival. The header X-Next-After gives the cursor of the next page (absent on the last).',
      querystring: Type.Object({
        stream: Type.Optional(Type.String({ maxLength: 200 })),
        after: Type.Optional(Type.Integer({ minimum: 0 })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1000 })),
      }, { additionalProperties: false }),
      response: { 200: Type.String({ description: 'application/x-ndjson' }) },
    },
  }, async (request, reply) => {
    const principal = request.principal!;
    const stream = request.query.stream;
    let kinds = grantedKinds(context.policy, principal.role, 'export.read');
    let granted;
    if (stream !== undefined) {
      const parsed = parseStreamName(stream);
      if (!parsed) throw new ImketenError('INVALID_INPUT', `stream must be <kind>/<id> with kind one of ${STREAM_KINDS.join(', ')}, got '${stream}'.`);
      granted = await guard(request, context, 'export.read', { kind: parsed.kind, stream });
      kinds = [parsed.kind];
    } else {
      granted = await guard(request, context, 'export.read', { kind: kinds[0] ?? 'none', personIds: [] });
    }
    const limit = request.query.limit ?? 1000;
    const rows = await pageExport(context.db, { kinds, stream, afterSeq: request.query.after ?? 0, limit: limit + 1 });
    const page = rows.slice(0, limit);
    const persons = new Set<string>();
    for (const row of page) for (const ref of row.refs) if (ref.startsWith('person/')) persons.add(ref.slice(7));
    for (const row of page) if (row.stream.startsWith('person/')) persons.add(row.stream.slice(7));
    await granted.log({ resource: `export:${stream ?? kinds.join(',')}`, persons: [...persons].sort() });
    if (rows.length > limit && page.length > 0) reply.header('x-next-after', String(page[page.length - 1]!.seq));
    reply.type('application/x-ndjson; charset=utf-8');
    return page.map((row) => toInterchangeLine(row)).join('');
  });
}

/** Checks every event's stream against the policy, then imports them with the access-log entry in the same transaction. */
export async function appendChecked(
  request: FastifyRequest, context: ServerContext, action: 'events.append' | 'events.retract',
  events: readonly { id: string; stream: string; type: string; date: string; recordedAt?: string; data: Record<string, unknown> }[],
) {
  const principal = request.principal!;
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
  const entry = accessEntry(request, context, principal, {
    action, resource: events.length === 1 ? events[0]!.stream : `events:${[...new Set(events.map((event) => event.stream))].slice(0, 20).join(',')}`,
    persons, legalBasis, outcome: 'allowed', reason: null,
  });
  try {
    const summary = await context.appends.append(events, entry);
    request.accessLogged = true;
    return { ...summary, eventIds: events.map((event) => event.id) };
  } catch (error) {
    if (error instanceof ImketenError) {
      // The refused write is logged too (its own, short transaction), then the problems name events[i].
      await context.accessLog.log({ ...entry, at: context.now().toISOString(), outcome: 'denied', legalBasis: null, reason: error.message });
      const all = (code: string) => error.code === 'IMPORT_REJECTED' && error.problems.length > 0 && error.problems.every((problem) => problem.code === code);
      const code = all('INVALID_EVENT') ? 'INVALID_EVENT' : all('EVENT_ID_CONFLICT') ? 'EVENT_ID_CONFLICT' : error.code;
      throw new ImketenError(code, error.message.replace('Import rejected', 'Events rejected'), error.problems.map((problem) => relocate(problem)));
    }
    throw error;
  }
}

function relocate(problem: Problem): Problem {
  if (problem.file !== REQUEST_SOURCE || problem.line === undefined) return problem;
  const { file: _file, ...rest } = problem;
  return { ...rest, field: `events[${problem.line - 1}]${problem.field ? `.${problem.field}` : ''}` };
}

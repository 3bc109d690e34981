/**
 * Writing and exporting events. Appends go through appendChecked (../checked-append.ts): the write policy, then the
 * one import pipeline — the same validation, all or nothing, hash-chained, with the access-log entry in the same
 * transaction.
 */
import { randomUUID } from 'node:crypto';
import { Type } from 'typebox';
import { ImketenError } from '../../domain/errors.js';
import { HttpError } from '../http-errors.js';
import { parseStreamName, STREAM_KINDS } from '../../domain/event.js';
import { toInterchangeLine } from '../../export/export-events.js';
import { referencesWithoutPersons, withoutIdentity } from '../../domain/witness/identity.js';
import { withheldWitnessStreams } from '../../operations/witness-streams.js';
import { identifiesFor } from '../witness-identity.js';
import { grantedKinds } from '../../policy/authorize.js';
import { appendChecked } from '../checked-append.js';
import { guard, today, type App, type ServerContext } from '../context.js';
import { pageExport } from '../repositories/registry-queries.js';
import { EventInputSchema, FileResponse } from '../schemas.js';


const ImportResultSchema = Type.Object({
  importId: Type.Integer(),
  added: Type.Integer({ description: 'Events stored by this request.' }),
  unchanged: Type.Integer({ description: 'Events already stored with the same content (idempotent).' }),
  streams: Type.Integer(),
  eventIds: Type.Array(Type.String()),
});

export function registerEventRoutes(app: App, context: ServerContext): void {
  app.post('/api/events', {
    config: { action: 'events.append' },
    schema: {
      tags: ['events'], summary: 'Append events (interchange format v1): one or many, all or nothing',
      description: 'First the write policy (403: a stream, person or case you may not read, a type your role may not write; docs/server.md), then '
        + 'the same checks as `imketen import`: schema, references, the state machine of every touched stream. recordedAt is the server\'s (400 when sent). One bad event and nothing is stored; '
        + 'the problems name the event (events[i]) and field. Sending the same events again changes nothing.',
      body: Type.Object({ events: Type.Array(EventInputSchema, { minItems: 1 }) }, { additionalProperties: false }),
      response: { 200: ImportResultSchema, 201: ImportResultSchema },
    },
  }, async (request, reply) => {
    const events = request.body.events;
    if (events.length > context.config.maxEventsPerRequest) {
      throw new HttpError('PAYLOAD_TOO_LARGE', `At most ${context.config.maxEventsPerRequest} events per request; send the rest in further requests.`);
    }
    const summary = await appendChecked(request, context, 'events.append', events);
    return reply.code(summary.added > 0 ? 201 : 200).send(summary);
  });

  app.post('/api/retractions', {
    config: { action: 'events.retract' },
    schema: {
      tags: ['events'], summary: 'Retract an earlier event of a stream',
      description: 'Records a `retracted` event: from its recordedAt on, every figure ignores the retracted event; earlier knowledge still shows it. Nothing is deleted. '
        + 'Only on a stream you may write, of an event your own organisation wrote (or an operator imported) and whose type your role may write.',
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
      response: { 200: FileResponse('The events, one JSON object per line (README, "The interchange format").', ['application/x-ndjson']) },
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
    // A protected witness's identity leaves only for the roles named for the case (README, "Witnesses").
    const withheld = await withheldWitnessStreams(context.db, rows.map((row) => row.stream), identifiesFor(context, request));
    const page = rows.slice(0, limit).map((row) => (withheld.has(row.stream) ? { ...withoutIdentity(row), refs: referencesWithoutPersons(row.refs) } : row));
    const persons = new Set<string>();
    for (const row of page) for (const ref of row.refs) if (ref.startsWith('person/')) persons.add(ref.slice(7));
    for (const row of page) if (row.stream.startsWith('person/')) persons.add(row.stream.slice(7));
    await granted.log({ resource: `export:${stream ?? kinds.join(',')}`, persons: [...persons].sort() });
    if (rows.length > limit && page.length > 0) reply.header('x-next-after', String(page[page.length - 1]!.seq));
    reply.type('application/x-ndjson; charset=utf-8');
    return page.map((row) => toInterchangeLine(row)).join('');
  });
}

/**
 * Erasure over the API (docs/retention.md, "Erasure"): the administrator's due list, the dry run, the request, the
 * second administrator's decision and the execution — each a call of src/operations/erase-data.ts (the same steps as
 * `imketen retention erase`), under the policy action `retention.erase`. Every call is in the access log with the
 * person ids concerned; what the administrator sees is ids, kinds, rules, dates and counts, never content.
 */
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { ruleConfig } from '../../config/rules.js';
import { parseDate, parseAsOf } from '../../domain/as-of.js';
import { ImketenError } from '../../domain/errors.js';
import { RETENTION_PARTNERS, type RetentionPartner } from '../../domain/rules/retention-config.js';
import { decideErasure, executeErasure, listErasureRequests, planErasure, requestErasure, type ErasureRequest } from '../../operations/erase-data.js';
import { listErasureDue } from '../../operations/list-erasure-due.js';
import { accessEntry, guard, type App, type ServerContext } from '../context.js';
import { Bilingual, Date_ } from '../schemas.js';

const RequestBody = Type.Object({
  streams: Type.Array(Type.String({ minLength: 3, maxLength: 120 }), { minItems: 1, maxItems: 50 }),
  rule: Type.String({ minLength: 1, maxLength: 100 }),
  legalGround: Type.String({ minLength: 1, maxLength: 300 }),
}, { additionalProperties: false });

const EffectSchema = Type.Object({
  streams: Type.Array(Type.Object({ stream: Type.String(), events: Type.Integer(), types: Type.Record(Type.String(), Type.Integer()), alreadyErased: Type.Integer() })),
  files: Type.Integer({ description: 'evidence files that would be removed' }),
  filesKept: Type.Integer({ description: 'evidence files kept: other, kept events attach them too' }),
  caseSegments: Type.Integer(), screeningHits: Type.Integer(), hitReviews: Type.Integer(), screeningState: Type.Integer(),
  publishedReports: Type.Array(Type.Integer()),
});

const ErasureRequestSchema = Type.Object({
  id: Type.Integer(), streams: Type.Array(Type.String()), rule: Type.String(), legalGround: Type.String(),
  requestedBy: Type.String(), requestedAt: Type.String(), status: Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')]),
  decidedBy: Type.Union([Type.String(), Type.Null()]), decidedAt: Type.Union([Type.String(), Type.Null()]), executed: Type.Boolean(),
});

/** The acting administrator's account: erasures are requested, decided and carried out by people, never by tokens. */
function actor(request: FastifyRequest): { id: number; username: string } {
  const id = request.principal?.accountId;
  if (id === undefined) throw new ImketenError('FORBIDDEN', 'An erasure is requested, decided and carried out by a signed-in administrator, not by an API token.');
  return { id, username: request.principal!.username };
}

const personsOf = (streams: readonly string[]) => streams.filter((stream) => stream.startsWith('person/')).map((stream) => stream.slice('person/'.length));

export function registerErasureRoutes(app: App, context: ServerContext): void {
  app.get('/api/retention/erasure/due', {
    config: { action: 'retention.erase' },
    schema: {
      tags: ['retention'], operationId: 'listErasureDue',
      summary: "The administrator's due list: streams past their retention term (due, or held and by what), by id, kind, rule and dates — no names, dates of birth or free text",
      querystring: Type.Object({ partner: Type.Optional(Type.Union(RETENTION_PARTNERS.map((partner) => Type.Literal(partner)))), on: Type.Optional(Date_) }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          date: Type.String(),
          entries: Type.Array(Type.Object({
            partner: Type.String(), rule: Type.String(), law: Type.String(), lawName: Bilingual, article: Type.String(), data: Bilingual, stream: Type.String(), kind: Type.String(),
            persons: Type.Array(Type.String()), status: Type.Union([Type.Literal('due'), Type.Literal('held')]), startedOn: Type.String(), dueOn: Type.String(),
            holds: Type.Array(Type.Object({ kind: Type.String(), source: Type.String(), until: Type.Union([Type.String(), Type.Null()]) })),
          })),
        }),
      },
    },
  }, async (request) => {
    const granted = await guard(request, context, 'retention.erase', { kind: 'retention-erasure', personIds: [] });
    const asOf = { ...parseAsOf({}, context.now()), date: parseDate(request.query.on, context.now(), 'on') };
    const entries = await listErasureDue(context.db, { asOf, partner: request.query.partner as RetentionPartner | undefined }, ruleConfig());
    await granted.log({ resource: `retention-erasure:due${request.query.partner ? `:${request.query.partner}` : ''}`, persons: [...new Set(entries.flatMap((entry) => entry.persons))].sort() });
    return { date: asOf.date, entries };
  });

  app.post('/api/retention/erasure/dry-run', {
    config: { action: 'retention.erase' },
    schema: {
      tags: ['retention'], operationId: 'planErasure',
      summary: 'The dry run: what an erasure of these streams would touch — counts per stream and event type, projection rows, hits, files, published reports; writes nothing',
      body: RequestBody,
      response: { 200: EffectSchema },
    },
  }, async (request) => {
    const granted = await guard(request, context, 'retention.erase', { kind: 'retention-erasure', personIds: [] });
    const effect = await planErasure(context.db, request.body as ErasureRequest);
    await granted.log({ resource: 'retention-erasure:dry-run', persons: personsOf(request.body.streams) });
    return effectOut(effect);
  });

  app.get('/api/retention/erasure/requests', {
    config: { action: 'retention.erase' },
    schema: {
      tags: ['retention'], operationId: 'listErasureRequests',
      summary: 'The erasure requests, newest first: the streams, rule and ground, who requested and decided, and whether it was carried out',
      querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(ErasureRequestSchema) }) },
    },
  }, async (request) => {
    const granted = await guard(request, context, 'retention.erase', { kind: 'retention-erasure', personIds: [] });
    const items = await listErasureRequests(context.db, request.query.limit ?? 100);
    await granted.log({ resource: 'retention-erasure:requests', persons: [...new Set(items.flatMap((item) => personsOf(item.streams)))].sort() });
    return { items };
  });

  app.post('/api/retention/erasure/requests', {
    config: { action: 'retention.erase' },
    schema: {
      tags: ['retention'], operationId: 'requestErasure',
      summary: "Request an erasure: stored for a second administrator's approval (the requester may not approve it)",
      body: RequestBody,
      response: { 201: Type.Object({ request: ErasureRequestSchema, effect: EffectSchema }) },
    },
  }, async (request, reply) => {
    const granted = await guard(request, context, 'retention.erase', { kind: 'retention-erasure', personIds: [] });
    const admin = actor(request);
    const { approval, effect } = await context.db.transaction((tx) => requestErasure(tx, request.body as ErasureRequest, admin.id, context.now()));
    await granted.log({ resource: `approval/${approval.id}:erasure-request`, persons: personsOf(request.body.streams) });
    const stored = (await listErasureRequests(context.db, 500)).find((item) => item.id === approval.id)!;
    return reply.code(201).send({ request: stored, effect: effectOut(effect) });
  });

  app.post('/api/retention/erasure/requests/:id/decision', {
    config: { action: 'retention.erase' },
    schema: {
      tags: ['retention'], operationId: 'decideErasure',
      summary: "A second administrator approves or rejects an erasure request; the one who requested it is refused",
      params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
      body: Type.Object({ decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]) }, { additionalProperties: false }),
      response: { 200: ErasureRequestSchema },
    },
  }, async (request) => {
    const granted = await guard(request, context, 'retention.erase', { kind: 'retention-erasure', personIds: [] });
    const admin = actor(request);
    const resource = `approval/${request.params.id}:erasure-${request.body.decision}`;
    try {
      await context.db.transaction((tx) => decideErasure(tx, context.policy, request.params.id, request.body.decision, admin.id, context.now()));
    } catch (error) {
      // A refused decision changed nothing, but the attempt is on record.
      if (error instanceof ImketenError && error.code === 'FORBIDDEN') {
        await context.accessLog.log(accessEntry(request, context, request.principal!, {
          action: 'retention.erase', resource, persons: [], legalBasis: null, outcome: 'denied', reason: error.message,
        }));
      }
      throw error;
    }
    const decided = (await listErasureRequests(context.db, 500)).find((item) => item.id === request.params.id)!;
    await granted.log({ resource, persons: personsOf(decided.streams) });
    return decided;
  });

  app.post('/api/retention/erasure/requests/:id/execution', {
    config: { action: 'retention.erase' },
    schema: {
      tags: ['retention'], operationId: 'executeErasure',
      summary: 'Carry out an approved erasure: erasure records chained, event data cleared, projections, hits and files removed, tables rewritten; the chain still verifies',
      params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
      response: {
        200: Type.Object({
          request: Type.Integer(), events: Type.Integer(), files: Type.Integer(), filesMissing: Type.Integer(), streams: Type.Array(Type.String()),
          compaction: Type.Optional(Type.Object({ tables: Type.Array(Type.String()), walRemoved: Type.Boolean(), note: Type.Optional(Type.String()) })),
        }),
      },
    },
  }, async (request) => {
    const granted = await guard(request, context, 'retention.erase', { kind: 'retention-erasure', personIds: [] });
    const admin = actor(request);
    const outcome = await executeErasure(context.db, context.files?.store, request.params.id, admin.username, context.now(), context.analysisKey);
    await granted.log({ resource: `approval/${request.params.id}:erasure-execution`, persons: personsOf(outcome.streams) });
    return outcome;
  });
}

function effectOut(effect: Awaited<ReturnType<typeof planErasure>>) {
  return {
    streams: effect.streams, files: effect.files.length, filesKept: effect.filesKept.length, caseSegments: effect.caseSegments,
    screeningHits: effect.screeningHits, hitReviews: effect.hitReviews, screeningState: effect.screeningState, publishedReports: effect.publishedReports,
  };
}

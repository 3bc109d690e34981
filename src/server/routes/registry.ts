/**
 * Persons and cases: lists at a date, one stream's timeline and state. Every access is decided by the policy
 * and logged with its legal basis.
 */
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { isCalendarDate } from '../../domain/dates.js';
import { ImketenError } from '../../domain/errors.js';
import { CASE_KINDS, parseStreamName, type CaseKind } from '../../domain/event.js';
import { authorize, readableKinds } from '../../policy/authorize.js';
import { registryFacts } from '../../policy/registry-facts.js';
import { parseAsRecordedAt } from '../../registry/as-recorded-at.js';
import { summarisePersons, viewStream, type StreamView } from '../../registry/stream-view.js';
import { guard, pageOf, today, type App, type ServerContext } from '../context.js';
import { pageCases, pagePersonIds } from '../repositories/registry-queries.js';
import { CaseKindSchema, Date_, EntityId, Page, PageQuery, PersonSummarySchema, StreamViewSchema, Time } from '../schemas.js';
import { restrictView } from '../views.js';

const AtQuery = {
  date: Type.Optional(Date_),
  asRecordedAt: Type.Optional(Time),
};

export function registerRegistryRoutes(app: App, context: ServerContext): void {
  app.get('/api/persons', {
    config: { action: 'persons.list' },
    schema: {
      tags: ['registry'], summary: 'The persons you may see, in id order',
      querystring: Type.Object({ ...PageQuery }, { additionalProperties: false }),
      response: { 200: Page(PersonSummarySchema, 'A page of persons.') },
    },
  }, async (request) => {
    const granted = await guard(request, context, 'persons.list', { kind: 'person' });
    const limit = request.query.limit ?? 100;
    const ids = await pagePersonIds(context.db, { kinds: readableKinds(context.policy, request.principal!.role), after: request.query.after, limit: limit + 1 });
    const page = pageOf(ids, limit, (id) => id);
    const items = await summarisePersons(context.db, page.items);
    await granted.log({ persons: page.items, resource: 'persons' });
    return { items, next: page.next };
  });

  app.get('/api/persons/:id', {
    config: { action: 'stream.read' },
    schema: {
      tags: ['registry'], summary: 'One person: timeline, state and the cases naming them that you may read',
      params: Type.Object({ id: EntityId }),
      querystring: Type.Object(AtQuery, { additionalProperties: false }),
      response: { 200: StreamViewSchema },
    },
  }, async (request) => readStream(request, context, `person/${request.params.id}`, request.query));

  app.get('/api/cases', {
    config: { action: 'cases.list' },
    schema: {
      tags: ['registry'], summary: 'Cases of a kind with their phase on a date, as known at a time',
      querystring: Type.Object({ kind: CaseKindSchema, phase: Type.Optional(Type.String({ maxLength: 50 })), ...AtQuery, ...PageQuery }, { additionalProperties: false }),
      response: {
        200: Page(Type.Object({ stream: Type.String(), phase: Type.String(), attributes: Type.Record(Type.String(), Type.Unknown()), validFrom: Type.String(), sinceEvent: Type.String() }), 'A page of cases, in stream order.'),
      },
    },
  }, async (request) => {
    const kind = request.query.kind as CaseKind;
    const granted = await guard(request, context, 'cases.list', { kind, personIds: [] });
    const limit = request.query.limit ?? 100;
    const rows = await pageCases(context.db, {
      kind, date: request.query.date ?? today(context), asRecordedAt: asRecorded(request.query.asRecordedAt, context), phase: request.query.phase,
      after: request.query.after, limit: limit + 1,
    });
    const page = pageOf(rows, limit, (row) => row.stream);
    await granted.log({ resource: `cases:${kind}`, persons: [] });
    return page;
  });

  app.get('/api/cases/:kind/:id', {
    config: { action: 'stream.read' },
    schema: {
      tags: ['registry'], summary: "One case's timeline and its state on a date",
      params: Type.Object({ kind: CaseKindSchema, id: EntityId }),
      querystring: Type.Object(AtQuery, { additionalProperties: false }),
      response: { 200: StreamViewSchema },
    },
  }, async (request) => readStream(request, context, `${request.params.kind}/${request.params.id}`, request.query));
}

function asRecorded(text: string | undefined, context: ServerContext): string {
  return text === undefined ? context.now().toISOString() : parseAsRecordedAt(text);
}

async function readStream(request: FastifyRequest, context: ServerContext, stream: string, query: { date?: string; asRecordedAt?: string }) {
  const kind = parseStreamName(stream)!.kind;
  const granted = await guard(request, context, 'stream.read', { kind, stream });
  if (query.date !== undefined && !isCalendarDate(query.date)) throw new ImketenError('INVALID_INPUT', `date must be a calendar date YYYY-MM-DD, got '${query.date}'.`);
  const view = await viewStream(context.db, stream, {
    date: query.date ?? today(context), asRecordedAt: query.asRecordedAt === undefined ? undefined : parseAsRecordedAt(query.asRecordedAt),
  });
  if (view.timeline.length === 0) {
    throw new ImketenError('CASE_NOT_FOUND', `No ${stream} in the registry${query.asRecordedAt ? ` as recorded at ${query.asRecordedAt}` : ''}.`);
  }
  const cases = await visibleCases(request, context, view);
  const shown = restrictView({ ...view, cases }, granted.view);
  const persons = [...new Set([...(kind === 'person' ? [parseStreamName(stream)!.id] : []), ...shown.persons.map((person) => person.id)])];
  await granted.log({ persons });
  return {
    stream: shown.stream, kind: shown.kind, id: shown.id, date: shown.date, asRecordedAt: shown.asRecordedAt ?? null, state: shown.state,
    timeline: shown.timeline.map((entry) => ({ event: eventOut(entry.event), ...(entry.retractedBy ? { retractedBy: entry.retractedBy } : {}) })),
    persons: shown.persons, cases: shown.cases, legalBasis: granted.legalBasis, view: granted.view ?? null,
  };
}

function eventOut(event: StreamView['events'][number]) {
  return { seq: event.seq, id: event.id, stream: event.stream, type: event.type, date: event.date, recordedAt: event.recordedAt, data: event.data };
}

/** A person's cases, only those the caller may read (each decided by the policy, without logging: not shown yet). */
async function visibleCases(request: FastifyRequest, context: ServerContext, view: StreamView): Promise<string[]> {
  if (view.cases.length === 0) return [];
  const readable = new Set(readableKinds(context.policy, request.principal!.role));
  const visible: string[] = [];
  const facts = registryFacts(context.db, context.now());
  for (const stream of view.cases) {
    const kind = parseStreamName(stream)?.kind;
    if (!kind || !(CASE_KINDS as readonly string[]).includes(kind)) continue;
    if (readable.has(kind)) { visible.push(stream); continue; }
    const decision = await authorize(context.policy, request.principal, 'stream.read', { kind, stream }, { date: today(context), facts });
    if (decision.allowed) visible.push(stream);
  }
  return visible;
}

/**
 * Persons and cases: lists at a date, one stream's timeline and state, what the rules derive for a case, the events
 * a case allows now, what the policy withholds about a person. Every access is decided by the policy and logged with
 * its legal basis; each handler parses, calls one operation (src/operations) and shapes the answer.
 */
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { ruleConfig } from '../../config/rules.js';
import { ImketenError } from '../../domain/errors.js';
import { CASE_KINDS, parseStreamName, type CaseKind, type StreamKind } from '../../domain/event.js';
import { caseTimeline, deriveCase, timelineRecorders } from '../../operations/case-timeline.js';
import { listAllowedEvents } from '../../operations/list-allowed-events.js';
import { listCasePage } from '../../operations/list-cases.js';
import { listWithheld } from '../../operations/list-withheld.js';
import { authorize, readableKinds } from '../../policy/authorize.js';
import { registryFacts } from '../../policy/registry-facts.js';
import { summarisePersons, type StreamView } from '../../registry/stream-view.js';
import { streamExists } from '../../store/event-store.js';
import { pagePersonIds } from '../../store/registry-reads.js';
import { asOfQuery, guard, pageOf, today, type App, type ServerContext } from '../context.js';
import { Bilingual, CaseKindSchema, Date_, EntityId, Page, PageQuery, PersonSummarySchema, StreamViewSchema, Time } from '../schemas.js';
import { restrictView } from '../../registry/restrict-view.js';

const FormFieldSchema = Type.Object({
  name: Type.String(), kind: Type.String(), required: Type.Boolean(),
  options: Type.Optional(Type.Array(Type.String())), pattern: Type.Optional(Type.String()),
  vocabulary: Type.Optional(Type.Union([Type.Literal('courts'), Type.Literal('channels'), Type.Literal('topics')], { description: 'A text field whose value the form picks from this controlled vocabulary (GET /api/vocabularies); the event keeps the text.' })),
});

/** The streams whose allowed events a form asks for: every case kind, an evidence item, a witness. */
const AllowedEventsKind = Type.Union([...CASE_KINDS, 'evidence' as const, 'witness' as const].map((kind) => Type.Literal(kind)));

const AtQuery = {
  date: Type.Optional(Date_),
  asRecordedAt: Type.Optional(Time),
};

export function registerRegistryRoutes(app: App, context: ServerContext): void {
  app.get('/api/persons', {
    config: { action: 'persons.list' },
    schema: {
      tags: ['registry'], operationId: 'listPersons', summary: 'The persons you may see, in id order',
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
      tags: ['registry'], operationId: 'showPerson', summary: 'One person: timeline, state and the cases naming them that you may read',
      params: Type.Object({ id: EntityId }),
      querystring: Type.Object(AtQuery, { additionalProperties: false }),
      response: { 200: StreamViewSchema },
    },
  }, async (request) => readStream(request, context, `person/${request.params.id}`, request.query));

  app.get('/api/cases', {
    config: { action: 'cases.list' },
    schema: {
      tags: ['registry'], operationId: 'listCases',
      summary: 'Cases of a kind with their phase on a date, as known at a time: sorted, narrowed by phase or text, a page at a time',
      querystring: Type.Object({
        kind: CaseKindSchema, phase: Type.Optional(Type.String({ maxLength: 50 })),
        q: Type.Optional(Type.String({ maxLength: 100, description: 'Text in the case id or in a name of a person the case names (case-insensitive).' })),
        sort: Type.Optional(Type.Union([Type.Literal('case'), Type.Literal('since')], { description: 'By case id (default) or by the day the case entered its phase.' })),
        order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')], { description: 'Ascending (default) or descending.' })),
        ...AtQuery, ...PageQuery,
      }, { additionalProperties: false }),
      response: {
        200: Page(Type.Object({
          stream: Type.String(), phase: Type.String(), attributes: Type.Record(Type.String(), Type.Unknown()), validFrom: Type.String(), sinceEvent: Type.String(),
          person: Type.Union([PersonSummarySchema, Type.Null()]),
          situation: Type.Union([Type.String(), Type.Null()], { description: 'The situation (country or conflict) as recorded; for extradition the requesting state.' }),
          court: Type.Union([Type.String(), Type.Null()]),
          nextHearing: Type.Union([Type.Object({ date: Type.String(), court: Type.String() }), Type.Null()]),
        }), 'A page of cases in the requested order.'),
      },
    },
  }, async (request) => {
    const kind = request.query.kind as CaseKind;
    const granted = await guard(request, context, 'cases.list', { kind, personIds: [] });
    const page = await listCasePage(context.db, {
      kind, asOf: asOfQuery(request.query, context), phase: request.query.phase, text: request.query.q,
      sort: request.query.sort, order: request.query.order, after: request.query.after, limit: request.query.limit ?? 100,
    });
    await granted.log({ resource: `cases:${kind}`, persons: [...new Set(page.items.flatMap((item) => (item.person ? [item.person.id] : [])))] });
    return page;
  });

  app.get('/api/cases/:kind/:id', {
    config: { action: 'stream.read' },
    schema: {
      tags: ['registry'], operationId: 'showCase', summary: "One case's timeline and its state on a date",
      params: Type.Object({ kind: CaseKindSchema, id: EntityId }),
      querystring: Type.Object(AtQuery, { additionalProperties: false }),
      response: { 200: StreamViewSchema },
    },
  }, async (request) => readStream(request, context, `${request.params.kind}/${request.params.id}`, request.query));

  app.get('/api/cases/:kind/:id/derived', {
    config: { action: 'stream.read' },
    schema: {
      tags: ['registry'], operationId: 'deriveCase',
      summary: 'What the rules derive for a case now: R1 punishability, R2 consequences of a 1F decision, R5 victims owed information',
      params: Type.Object({ kind: CaseKindSchema, id: EntityId }),
      querystring: Type.Object(AtQuery, { additionalProperties: false }),
      response: {
        200: Type.Object({
          sentences: Type.Array(Bilingual), exclusion: Type.Optional(Type.Unknown()), prosecution: Type.Optional(Type.Unknown()),
          reassessment: Type.Optional(Type.Object({
            lastAssessment: Type.Union([Type.String(), Type.Null()]), status: Type.Union([Type.Literal('due'), Type.Literal('current')]),
            dueDate: Type.Union([Type.String(), Type.Null()]),
            change: Type.Union([Type.Object({ country: Type.String(), date: Type.String(), change: Bilingual }), Type.Null()]),
            explanation: Bilingual,
          }, { description: 'R7: a departure dossier with an Article 3 barrier — its last assessment, and whether (and since when) a reassessment is due.' })),
        }),
      },
    },
  }, async (request) => {
    const stream = `${request.params.kind}/${request.params.id}`;
    const granted = await guard(request, context, 'stream.read', { kind: request.params.kind, stream });
    await mustExist(context, stream);
    const { view, derived } = await deriveCase(context.db, { stream, asOf: asOfQuery(request.query, context) }, ruleConfig());
    await granted.log({ persons: view.persons.map((person) => person.id) });
    // DT&V's view of a 1F file is the decision and its consequences, not the acts: no R1 assessment of them.
    if (granted.view === 'decision-and-consequences') {
      return { sentences: derived.exclusion?.explanation ?? [], ...(derived.exclusion ? { exclusion: derived.exclusion } : {}) };
    }
    return {
      sentences: derived.sentences, ...(derived.exclusion ? { exclusion: derived.exclusion } : {}), ...(derived.prosecution ? { prosecution: derived.prosecution } : {}),
      ...(derived.reassessment ? { reassessment: derived.reassessment } : {}),
    };
  });

  app.get('/api/cases/:kind/:id/allowed-events', {
    config: { action: 'stream.read' },
    schema: {
      tags: ['registry'], operationId: 'listAllowedEvents',
      summary: 'The events the state machine allows on this case now, with the fields of each (for a form); empty when you may not add events here',
      description: 'Also for an evidence item (`evidence`) or a witness (`witness`). Only the event types a write rule gives your role are offered; '
        + '`opens` names the streams of this case you may start (evidence.registered, witness.registered).',
      params: Type.Object({ kind: AllowedEventsKind, id: EntityId }),
      response: {
        200: Type.Object({
          today: Type.String(), phase: Type.String(), opens: Type.Array(Type.String()),
          mayAppend: Type.Boolean(), mayRetract: Type.Boolean(), refusal: Type.Union([Type.String(), Type.Null()]),
          events: Type.Array(Type.Object({ type: Type.String(), fields: Type.Array(FormFieldSchema) })),
        }),
      },
    },
  }, async (request) => {
    const kind = request.params.kind as StreamKind;
    const stream = `${kind}/${request.params.id}`;
    const granted = await guard(request, context, 'stream.read', { kind, stream });
    await mustExist(context, stream);
    const { persons, answer } = await listAllowedEvents(context.db, context.policy, { principal: request.principal, kind, stream, today: today(context), now: context.now() });
    await granted.log({ persons });
    return answer;
  });

  app.get('/api/persons/:id/withheld', {
    config: { action: 'stream.read' },
    schema: {
      tags: ['registry'], operationId: 'listWithheld',
      summary: "What the policy withholds from you about a person: the kinds of case naming them that you may not read, how many, and which legal basis would allow it (never the ids of those cases)",
      params: Type.Object({ id: EntityId }),
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ kind: Type.String(), count: Type.Integer(), reason: Type.String(), allowingBases: Type.Array(Type.String()) })) }) },
    },
  }, async (request) => {
    const stream = `person/${request.params.id}`;
    const granted = await guard(request, context, 'stream.read', { kind: 'person', stream });
    await mustExist(context, stream);
    const items = await listWithheld(context.db, context.policy, { principal: request.principal, person: request.params.id, today: today(context), now: context.now() });
    await granted.log({ persons: [request.params.id], resource: `${stream}:withheld` });
    return { items };
  });
}

async function mustExist(context: ServerContext, stream: string): Promise<void> {
  if (!(await streamExists(context.db, stream))) throw new ImketenError('CASE_NOT_FOUND', `No ${stream} in the registry.`);
}

async function readStream(request: FastifyRequest, context: ServerContext, stream: string, query: { date?: string; asRecordedAt?: string }) {
  const kind = parseStreamName(stream)!.kind;
  const granted = await guard(request, context, 'stream.read', { kind, stream });
  const view = await caseTimeline(context.db, { stream, asOf: asOfQuery(query, context) });
  if (view.timeline.length === 0) {
    throw new ImketenError('CASE_NOT_FOUND', `No ${stream} in the registry${query.asRecordedAt ? ` as recorded at ${query.asRecordedAt}` : ''}.`);
  }
  const cases = await visibleCases(request, context, view);
  const shown = restrictView({ ...view, cases }, granted.view);
  const persons = [...new Set([...(kind === 'person' ? [parseStreamName(stream)!.id] : []), ...shown.persons.map((person) => person.id)])];
  const recorders = await timelineRecorders(context.db, shown);
  await granted.log({ persons });
  return {
    stream: shown.stream, kind: shown.kind, id: shown.id, date: shown.date, asRecordedAt: shown.asRecordedAt ?? null, state: shown.state,
    timeline: shown.timeline.map((entry) => ({
      event: eventOut(entry.event), recordedBy: recorders.get(entry.event.id) ?? null, ...(entry.retractedBy ? { retractedBy: entry.retractedBy } : {}),
    })),
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

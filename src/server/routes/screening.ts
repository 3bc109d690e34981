/**
 * Screening and matching over the API: the watchlists, screening names or registry persons against a list, the hits
 * and their review, the hit/no-hit cross-references of a person, and person search by name. Every access is decided
 * by the policy and, for person data, logged with its legal basis; a cross-reference shows another partner's person
 * only where stream.read on that person is allowed (src/screening/cross-references-for.ts).
 */
import { Type } from 'typebox';
import { ImketenError } from '../../domain/errors.js';
import type { CaseKind } from '../../domain/event.js';
import { DEFAULT_THRESHOLD } from '../../matching/api.js';
import { authorize, readableKinds } from '../../policy/authorize.js';
import { registryFacts } from '../../policy/registry-facts.js';
import { crossReferencesFor } from '../../screening/cross-references-for.js';
import { describeHits, type HitView } from '../../screening/describe-hits.js';
import { DECISIONS, findHit, findHits, type Decision, type HitStatus } from '../../store/hits-store.js';
import { importWatchlist, LIST_FORMATS } from '../../screening/import-watchlist.js';
import { listVersionChanges } from '../../screening/list-version-changes.js';
import { listWatchlists } from '../../screening/list-watchlists.js';
import { HIT_SORTS, pageHits, type HitSort } from '../../screening/page-hits.js';
import { reviewHit } from '../../screening/review-hit.js';
import { checkScreenOptions, openList, screenQuery } from '../../screening/screen-queries.js';
import { screenRegistry, type RegistryScreeningSummary } from '../../screening/screen-registry.js';
import { SEARCH_THRESHOLD, searchPersons } from '../../screening/search-persons.js';
import { visiblePersons } from '../../store/visible-persons.js';
import { requireWatchlist } from '../../store/watchlist-store.js';
import { streamExists } from '../../store/event-store.js';
import { accessEntry, guard, readCursor, today, writeCursor, type App, type ServerContext } from '../context.js';
import { AccessDenied } from '../http-errors.js';
import { CaseKindSchema, EntityId, Page, PageQuery, PersonSummarySchema } from '../schemas.js';

const EntrySummarySchema = Type.Object({
  names: Type.Array(Type.String()), kind: Type.Union([Type.String(), Type.Null()]), birthDates: Type.Array(Type.String()), nationalities: Type.Array(Type.String()),
});

const WatchlistChangesSchema = Type.Object({
  list: Type.String(), version: Type.Integer(), importedAt: Type.String(),
  added: Type.Integer(), removed: Type.Integer(), changed: Type.Integer(),
  entries: Type.Array(Type.Object({
    entryId: Type.String(),
    change: Type.Union([Type.Literal('added'), Type.Literal('removed'), Type.Literal('changed')]),
    before: Type.Union([EntrySummarySchema, Type.Null()]),
    after: Type.Union([EntrySummarySchema, Type.Null()]),
  })),
  truncated: Type.Boolean({ description: 'More entries changed than are listed.' }),
});

const ListName = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$', description: 'A watchlist name, e.g. un-sc.' });
const Threshold = Type.Number({ minimum: 0, maximum: 1, description: `Hits scoring at least this (default ${DEFAULT_THRESHOLD}).` });
const Explanation = Type.Unknown({ description: 'Why the hit scored what it did: the closest names part by part, and what birth date and nationality did to the score.' });

const HitSchema = Type.Object({
  id: Type.Integer({ description: 'The hit number, for reviews.' }),
  source: Type.String({ description: "'watchlist', or 'registry' for a cross-reference." }),
  list: Type.Union([Type.String(), Type.Null()]),
  listVersion: Type.Union([Type.Integer(), Type.Null()]),
  personId: Type.String(),
  counterpart: Type.String({ description: 'The list entry id (or, for a cross-reference, the other person).' }),
  score: Type.Number(),
  explanation: Explanation,
  status: Type.String({ description: 'open, unsure, confirmed or rejected: the last decision on the current data of both sides.' }),
  current: Type.Boolean({ description: 'Whether the latest screening still finds the pair.' }),
  firstFoundAt: Type.String(),
  lastFoundAt: Type.String(),
  lastDecision: Type.Union([Type.Null(), Type.Object({
    decision: Type.String(), reason: Type.String(), reviewedBy: Type.String(), reviewedAt: Type.String(),
    onCurrentData: Type.Boolean({ description: 'false: made before the data of a side changed; the hit is open again.' }),
  })]),
  person: PersonSummarySchema,
  entry: Type.Optional(Type.Unknown({ description: 'The list entry as screened.' })),
});

const RunSchema = Type.Object({
  list: Type.String(),
  version: Type.Integer(),
  threshold: Type.Number(),
  personsInScope: Type.Integer(),
  personsFull: Type.Integer({ description: 'Screened against the whole list.' }),
  personsDelta: Type.Integer({ description: 'Screened against the entries added or changed since their last screening.' }),
  personsSkipped: Type.Integer({ description: 'Nothing changed on either side since their last screening.' }),
  hitsFound: Type.Integer(),
  hitsGone: Type.Integer(),
});

function hitOut(hit: HitView) {
  return {
    id: hit.id, source: hit.source, list: hit.list, listVersion: hit.listVersion, personId: hit.personId, counterpart: hit.counterpart,
    score: hit.score, explanation: hit.explanation, status: hit.status, current: hit.current, firstFoundAt: hit.firstFoundAt,
    lastFoundAt: hit.lastFoundAt, lastDecision: hit.lastDecision, person: hit.person, ...(hit.entry ? { entry: hit.entry } : {}),
  };
}

function runOut(summary: RegistryScreeningSummary) {
  const { list, version, threshold, personsInScope, personsFull, personsDelta, personsSkipped, hitsFound, hitsGone } = summary;
  return { list, version, threshold, personsInScope, personsFull, personsDelta, personsSkipped, hitsFound, hitsGone };
}

export function registerScreeningRoutes(app: App, context: ServerContext): void {
  app.get('/api/watchlists', {
    config: { action: 'watchlists.read' },
    schema: {
      tags: ['screening'], summary: 'The watchlists with their versions (newest first) and sizes',
      response: {
        200: Type.Object({
          items: Type.Array(Type.Object({
            name: Type.String(),
            versions: Type.Array(Type.Object({
              version: Type.Integer(), importedAt: Type.String(), format: Type.String(), sources: Type.Array(Type.String()),
              entries: Type.Integer(), added: Type.Integer(), removed: Type.Integer(), changed: Type.Integer(),
            })),
          })),
        }),
      },
    },
  }, async (request) => {
    await guard(request, context, 'watchlists.read', { kind: 'watchlist' });
    return { items: await listWatchlists(context.db) };
  });

  app.get('/api/watchlists/:name/versions/:version/changes', {
    config: { action: 'watchlists.read' },
    schema: {
      tags: ['screening'], operationId: 'listWatchlistChanges',
      summary: 'What a version of a watchlist changed against the version before it: the entries added, removed and changed (at most 200 listed)',
      params: Type.Object({ name: ListName, version: Type.Integer({ minimum: 1 }) }),
      response: { 200: WatchlistChangesSchema },
    },
  }, async (request) => {
    await guard(request, context, 'watchlists.read', { kind: 'watchlist' });
    return listVersionChanges(context.db, request.params.name, request.params.version);
  });

  app.post('/api/watchlists/:name/versions', {
    config: { action: 'watchlists.import' },
    schema: {
      tags: ['screening'], operationId: 'importWatchlist',
      summary: 'Upload a new version of a watchlist (UN XML, OFAC sdn.csv with alt.csv, or JSON Lines): all or nothing, compared with the current version by entry id and content',
      params: Type.Object({ name: ListName }),
      body: Type.Object({
        files: Type.Array(Type.Object({
          name: Type.String({ minLength: 1, maxLength: 255 }),
          content: Type.String({ maxLength: 20_000_000, description: 'The file as text (UTF-8)' }),
        }, { additionalProperties: false }), { minItems: 1, maxItems: 2 }),
        format: Type.Optional(Type.Union(LIST_FORMATS.map((format) => Type.Literal(format)))),
      }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          list: Type.String(), format: Type.String(), version: Type.Integer(), newVersion: Type.Boolean(),
          entries: Type.Integer(), added: Type.Integer(), removed: Type.Integer(), changed: Type.Integer(), unchanged: Type.Integer(),
        }),
      },
    },
  }, async (request) => {
    const granted = await guard(request, context, 'watchlists.import', { kind: 'watchlist' });
    const files = request.body.files.map((file) => ({ name: file.name, bytes: new TextEncoder().encode(file.content) }));
    const summary = await importWatchlist(context.db, files, { name: request.params.name, ...(request.body.format ? { format: request.body.format } : {}), now: context.now });
    await granted.log({ resource: `watchlist/${summary.list}`, persons: [] });
    return summary;
  });

  app.post('/api/watchlists/:name/screening', {
    config: { action: 'screening.query' },
    schema: {
      tags: ['screening'], summary: 'Screen names against a watchlist: per query, the hits at or above the threshold, best first, with their explanation (nothing is stored)',
      params: Type.Object({ name: ListName }),
      body: Type.Object({
        queries: Type.Array(Type.Object({
          id: Type.String({ minLength: 1, maxLength: 200 }),
          name: Type.String({ minLength: 1, maxLength: 500 }),
          birthDate: Type.Optional(Type.String({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$', description: 'YYYY, YYYY-MM or YYYY-MM-DD' })),
          nationality: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 3166-1 alpha-3' })),
        }, { additionalProperties: false }), { minItems: 1, maxItems: 1000 }),
        threshold: Type.Optional(Threshold),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })),
      }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          list: Type.String(), version: Type.Integer(),
          results: Type.Array(Type.Object({ query: Type.String(), hits: Type.Array(Type.Object({ id: Type.String(), score: Type.Number(), explanation: Explanation })) })),
        }),
      },
    },
  }, async (request) => {
    await guard(request, context, 'screening.query', { kind: 'watchlist' });
    const options = checkScreenOptions(request.body.threshold, request.body.limit);
    const started = performance.now();
    const { list, version, index } = await openList(context.db, request.params.name);
    const results = request.body.queries.map((query) => screenQuery(index, query, options));
    context.metrics.observeScreening((performance.now() - started) / 1000);
    return { list: list.name, version, results };
  });

  app.post('/api/persons/:id/screening', {
    config: { action: 'screening.run' },
    schema: {
      tags: ['screening'], summary: "Screen one person of the registry against a watchlist; the person's hits on that list are stored for review and returned",
      params: Type.Object({ id: EntityId }),
      body: Type.Object({ list: ListName, threshold: Type.Optional(Threshold) }, { additionalProperties: false }),
      response: { 200: Type.Object({ run: RunSchema, hits: Type.Array(HitSchema) }) },
    },
  }, async (request) => {
    const stream = `person/${request.params.id}`;
    const granted = await guard(request, context, 'screening.run', { kind: 'person', stream });
    if (!(await streamExists(context.db, stream))) throw new ImketenError('CASE_NOT_FOUND', `No ${stream} in the registry.`);
    const started = performance.now();
    const summary = await screenRegistry(context.db, {
      list: request.body.list, scope: { person: request.params.id }, ...checkScreenOptions(request.body.threshold, undefined), by: request.principal!.username, now: context.now,
    });
    context.metrics.observeScreening((performance.now() - started) / 1000);
    const list = await requireWatchlist(context.db, request.body.list);
    const hits = await describeHits(context.db, (await findHits(context.db, { source: 'watchlist', watchlistId: list.id, person: request.params.id })));
    await granted.log({ persons: [request.params.id], resource: `screening:${list.name}:${stream}` });
    return { run: runOut(summary), hits: hits.map(hitOut) };
  });

  app.post('/api/screening/runs', {
    config: { action: 'screening.run' },
    schema: {
      tags: ['screening'], summary: 'Screen the persons of a case kind (e.g. every open 1F investigation) against a watchlist; returns the hits raised for review',
      body: Type.Object({
        list: ListName, kind: CaseKindSchema, phase: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,40}$' })), threshold: Type.Optional(Threshold),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ run: RunSchema, raised: Type.Array(HitSchema) }) },
    },
  }, async (request) => {
    const kind = request.body.kind as CaseKind;
    const granted = await guard(request, context, 'screening.run', { kind, personIds: [] });
    const summary = await screenRegistry(context.db, {
      list: request.body.list, scope: { kind, ...(request.body.phase ? { phase: request.body.phase } : {}) },
      ...checkScreenOptions(request.body.threshold, undefined), by: request.principal!.username, now: context.now,
    });
    const raised = await describeHits(context.db, summary.raised);
    await granted.log({ persons: [...new Set(raised.map((hit) => hit.personId))], resource: `screening:${summary.list}:${kind}${request.body.phase ? `:${request.body.phase}` : ''}` });
    return { run: runOut(summary), raised: raised.map(hitOut) };
  });

  app.get('/api/screening/hits', {
    config: { action: 'screening.hits' },
    schema: {
      tags: ['screening'],
      summary: 'Watchlist hits on the persons you may see, a page at a time: by default those waiting for review (open and unsure), best score first',
      description: "Sorted by score (default, highest first), date found, list or status, the hit id breaking ties; narrowed by status, list, the partner's files the person is named in (kind: only persons named in a case of that kind, e.g. criminal for the OM's, exclusion for the IND's) and a name (q). `next` is an opaque cursor: pass it as `after` with the same sort and order; a cursor that is not one (or for another order) is refused with 400 INVALID_CURSOR.",
      querystring: Type.Object({
        list: Type.Optional(ListName),
        person: Type.Optional(EntityId),
        status: Type.Optional(Type.Union([Type.Literal('review'), Type.Literal('open'), Type.Literal('unsure'), Type.Literal('confirmed'), Type.Literal('rejected'), Type.Literal('all')], { description: "'review' (default) = open and unsure; rejected = dismissed" })),
        kind: Type.Optional(CaseKindSchema),
        q: Type.Optional(Type.String({ maxLength: 100, description: "Text in a name of the person or of the list entry, or the person's id (case-insensitive)." })),
        sort: Type.Optional(Type.Union(HIT_SORTS.map((sort) => Type.Literal(sort)), { description: 'score (default), date (first found), list or status (open, unsure, confirmed, rejected)' })),
        order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')], { description: 'Default: desc for score and date, asc for list and status.' })),
        ...PageQuery,
      }, { additionalProperties: false }),
      response: { 200: Page(HitSchema, 'A page of hits in the requested order.') },
    },
  }, async (request) => {
    const granted = await guard(request, context, 'screening.hits', { kind: 'person' });
    const status: string = request.query.status ?? 'review';
    const statuses: HitStatus[] | undefined = status === 'all' ? undefined : status === 'review' ? ['open', 'unsure'] : [status as HitStatus];
    const sort: HitSort = request.query.sort ?? 'score';
    const order = request.query.order ?? (sort === 'score' || sort === 'date' ? 'desc' : 'asc');
    const after = request.query.after === undefined ? undefined : readCursor(request.query.after, { sort, order });
    const watchlistId = request.query.list ? (await requireWatchlist(context.db, request.query.list)).id : undefined;
    const page = await pageHits(context.db, {
      ...(watchlistId !== undefined ? { watchlistId } : {}), ...(request.query.person ? { person: request.query.person } : {}), ...(statuses ? { statuses } : {}),
      readableKinds: readableKinds(context.policy, request.principal!.role), ...(request.query.kind ? { kind: request.query.kind } : {}),
      ...(request.query.q?.trim() ? { text: request.query.q } : {}), sort, order, ...(after ? { after } : {}), limit: request.query.limit ?? 100,
    });
    await granted.log({ persons: [...new Set(page.items.map((hit) => hit.personId))], resource: 'screening-hits' });
    return { items: page.items.map(hitOut), next: page.next ? writeCursor({ sort, order, ...page.next }) : null };
  });

  app.post('/api/persons/:id/hits/:hit/reviews', {
    config: { action: 'screening.review' },
    schema: {
      tags: ['screening'], summary: "Review a hit on a person: confirm, reject or mark unsure, with a reason (logged, never changed; a later decision takes over)",
      params: Type.Object({ id: EntityId, hit: Type.Integer({ minimum: 1 }) }),
      body: Type.Object({
        decision: Type.Union(DECISIONS.map((decision) => Type.Literal(decision))),
        reason: Type.String({ minLength: 1, maxLength: 2000 }),
      }, { additionalProperties: false }),
      response: { 200: HitSchema },
    },
  }, async (request) => {
    const granted = await guard(request, context, 'screening.review', { kind: 'person', stream: `person/${request.params.id}` });
    const hit = await findHit(context.db, request.params.hit);
    const about = hit && (hit.personId === request.params.id || (hit.source === 'registry' && hit.counterpart === request.params.id));
    if (!hit || !about) throw new ImketenError('CASE_NOT_FOUND', `No hit ${request.params.hit} on person ${request.params.id}.`);
    const other = hit.source === 'registry' ? (hit.personId === request.params.id ? hit.counterpart : hit.personId) : undefined;
    // a cross-reference is judged by someone who may read both persons: hit/no-hit holds for reviews too, so the
    // refusal names neither the other person nor why the policy refuses them
    if (other) {
      const decision = await authorize(context.policy, request.principal, 'stream.read', { kind: 'person', stream: `person/${other}` }, { date: today(context), facts: registryFacts(context.db, context.now()) });
      if (!decision.allowed) {
        await context.accessLog.log(accessEntry(request, context, request.principal!, {
          action: 'screening.review', resource: `hit:${hit.id}`, persons: [request.params.id, other], legalBasis: null, outcome: 'denied', reason: decision.reason,
        }));
        throw new AccessDenied('FORBIDDEN', `Refused: hit ${hit.id} pairs ${request.params.id} with a person in another partner's files whom you may not read; only someone who may read both persons reviews it.`);
      }
    }
    const { hit: reviewed } = await reviewHit(context.db, { hitId: hit.id, decision: request.body.decision as Decision, reason: request.body.reason, by: request.principal!.username, now: context.now });
    const [view] = await describeHits(context.db, [reviewed]);
    await granted.log({ persons: [request.params.id, ...(other ? [other] : [])], resource: `hit:${hit.id}` });
    return hitOut(view!);
  });

  app.get('/api/persons/:id/cross-references', {
    config: { action: 'crossref.read' },
    schema: {
      tags: ['screening'],
      summary: "Hit/no-hit: whether the person probably is a person in another partner's files. Who, and how close, only where the policy lets you read that person",
      params: Type.Object({ id: EntityId }),
      response: {
        200: Type.Object({
          person: Type.String(),
          hit: Type.Boolean({ description: 'Whether the registry holds a probable match for the person at all.' }),
          matchElsewhere: Type.Boolean({ description: "A possible match exists in files you may not read: no details without a legal basis." }),
          matches: Type.Array(Type.Object({
            hitId: Type.Integer(), person: PersonSummarySchema, score: Type.Number(), status: Type.String(), explanation: Explanation,
            legalBasis: Type.String({ description: 'The basis on which you see this person.' }),
          })),
          notice: Type.Union([Type.String(), Type.Null()]),
        }),
      },
    },
  }, async (request) => {
    const stream = `person/${request.params.id}`;
    const granted = await guard(request, context, 'crossref.read', { kind: 'person', stream });
    if (!(await streamExists(context.db, stream))) throw new ImketenError('CASE_NOT_FOUND', `No ${stream} in the registry.`);
    const { view, shownPersons } = await crossReferencesFor(context.db, context.policy, request.principal!, request.params.id, today(context));
    await granted.log({ persons: shownPersons, resource: `${stream}:cross-references` });
    return view;
  });

  app.get('/api/matching/persons', {
    config: { action: 'persons.search' },
    schema: {
      tags: ['screening'], summary: 'Persons you may see whose names match, with the screening matcher (any script, transliterations, aliases), best first',
      querystring: Type.Object({
        name: Type.String({ minLength: 2, maxLength: 200 }),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
        threshold: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: `default ${SEARCH_THRESHOLD}` })),
      }, { additionalProperties: false }),
      response: {
        200: Type.Object({ items: Type.Array(Type.Object({ person: PersonSummarySchema, score: Type.Number(), explanation: Explanation })) }),
      },
    },
  }, async (request) => {
    const granted = await guard(request, context, 'persons.search', { kind: 'person' });
    const kinds = readableKinds(context.policy, request.principal!.role);
    const matches = await searchPersons(context.db, request.query.name, {
      limit: request.query.limit ?? 20, ...(request.query.threshold !== undefined ? { threshold: request.query.threshold } : {}),
      visible: (ids) => visiblePersons(context.db, ids, kinds),
    });
    await granted.log({ persons: matches.map((match) => match.person.id), resource: 'person-search' });
    return {
      items: matches.map((match) => ({
        person: { id: match.person.id, names: match.person.names, birthDate: match.person.birthDate, nationalities: match.person.nationalities },
        score: match.score, explanation: match.explanation,
      })),
    };
  });
}

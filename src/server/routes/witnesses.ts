/**
 * Witnesses over HTTP (README, "Witnesses"): a case's witnesses, one witness's stream, the witnesses at risk and the
 * potential new witnesses. A protected witness's identity is shown only to the roles config/policy.json grants
 * `witness-identity.read` for the witness's case; everybody else sees the pseudonym, here and in the access log
 * (which then names no person for the witness). Registering a witness and its other events: POST /api/events.
 */
import { Type } from 'typebox';
import { ruleConfig } from '../../config/rules.js';
import { ImketenError } from '../../domain/errors.js';
import { eventsForReader } from '../../domain/witness/identity.js';
import { listCaseWitnesses, summaryOf } from '../../operations/list-case-witnesses.js';
import { listPotentialWitnesses } from '../../operations/list-potential-witnesses.js';
import { listWitnessesAtRisk } from '../../operations/list-witnesses-at-risk.js';
import { statementElements } from '../../operations/statement-elements.js';
import { elementsConfig } from '../../config/elements.js';
import { readWitnesses } from '../../operations/witness-streams.js';
import { grantedKinds } from '../../policy/authorize.js';
import { asOfQuery, guard, type App, type ServerContext } from '../context.js';
import { identifiesFor } from '../witness-identity.js';
import { Bilingual, Date_, EntityId, Time } from '../schemas.js';

const AtQuery = { date: Type.Optional(Date_), asRecordedAt: Type.Optional(Time) };
const Country = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 3166-1 alpha-3, e.g. SYR.' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const WitnessSummarySchema = Type.Object({
  id: Type.String(), case: Type.String(), code: Type.String({ description: 'The pseudonym code, e.g. A-12.' }),
  person: Nullable(Type.String()), name: Nullable(Type.String()), pseudonym: Bilingual,
  withheld: Type.Boolean({ description: 'The identity is withheld from you: a protected witness (Sv 226a ff.) of a case you are not named for.' }),
  protection: Type.String(), statements: Type.Array(Type.String()),
  availability: Type.Object({ status: Type.String(), since: Nullable(Type.String()), country: Nullable(Type.String()) }),
  countryChanges: Type.Array(Type.Object({ date: Type.String(), change: Bilingual })),
});

const ElementRefSchema = Type.Object({ offence: Type.String(), element: Type.String(), evidence: Type.String() });


/** The persons an access to witnesses names in the access log: only those whose identity was shown. */
function shownPersons(witnesses: readonly { person: string | null }[]): string[] {
  return [...new Set(witnesses.flatMap((witness) => (witness.person ? [witness.person] : [])))].sort();
}

export function registerWitnessRoutes(app: App, context: ServerContext): void {
  app.get('/api/cases/:kind/:id/witnesses', {
    config: { action: 'witnesses.list' },
    schema: {
      tags: ['witnesses'], operationId: 'listCaseWitnesses', summary: 'The witnesses of a criminal case or 1F file (pseudonym where the identity is withheld)',
      params: Type.Object({ kind: Type.Union([Type.Literal('criminal'), Type.Literal('exclusion')]), id: EntityId }),
      querystring: Type.Object(AtQuery, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(WitnessSummarySchema) }) },
    },
  }, async (request) => {
    const caseStream = `${request.params.kind}/${request.params.id}`;
    const granted = await guard(request, context, 'witnesses.list', { kind: request.params.kind, stream: caseStream, personIds: [] });
    const items = await listCaseWitnesses(context.db, { caseStream, asOf: asOfQuery(request.query, context), mayIdentify: identifiesFor(context, request), situations: ruleConfig().countrySituations ?? [] });
    await granted.log({ resource: `${caseStream}/witnesses`, persons: shownPersons(items) });
    return { items };
  });

  app.get('/api/witnesses/:id', {
    config: { action: 'stream.read' },
    schema: {
      tags: ['witnesses'], operationId: 'showWitness', summary: "One witness: the summary and the stream's events (identity withheld where the policy says)",
      params: Type.Object({ id: EntityId }),
      querystring: Type.Object(AtQuery, { additionalProperties: false }),
      response: {
        200: Type.Object({
          witness: WitnessSummarySchema,
          timeline: Type.Array(Type.Object({ id: Type.String(), type: Type.String(), date: Type.String(), recordedAt: Type.String(), data: Type.Record(Type.String(), Type.Unknown()) })),
          legalBasis: Type.String(),
        }),
      },
    },
  }, async (request) => {
    const stream = `witness/${request.params.id}`;
    const granted = await guard(request, context, 'stream.read', { kind: 'witness', stream, personIds: [] });
    const asOf = asOfQuery(request.query, context);
    const [witness] = await readWitnesses(context.db, [stream], asOf, identifiesFor(context, request));
    if (!witness) throw new ImketenError('STREAM_NOT_FOUND', `No witness ${request.params.id} is registered (on ${asOf.date}, as recorded at ${asOf.recordedAt}).`);
    const summary = summaryOf(witness, ruleConfig().countrySituations ?? [], asOf.date);
    const known = witness.events.filter((event) => event.recordedAt <= asOf.recordedAt && event.date <= asOf.date);
    await granted.log({ resource: stream, persons: shownPersons([summary]) });
    return {
      witness: summary,
      timeline: eventsForReader(known, summary.withheld).map(({ id, type, date, recordedAt, data }) => ({ id, type, date, recordedAt, data })),
      legalBasis: granted.legalBasis,
    };
  });

  app.get('/api/witnesses/at-risk', {
    config: { action: 'witnesses-at-risk.list' },
    schema: {
      tags: ['witnesses'], operationId: 'listWitnessesAtRisk',
      summary: 'Cases resting on statements of witnesses no longer available, or living in a country whose situation changed',
      querystring: Type.Object({ ...AtQuery, country: Type.Optional(Country) }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          items: Type.Array(Type.Object({
            case: Type.String(), evidence: Type.Array(Type.String()),
            elements: Nullable(Type.Array(ElementRefSchema)),
            witnesses: Type.Array(Type.Intersect([WitnessSummarySchema, Type.Object({ reasons: Type.Array(Type.String()) })])),
          })),
        }),
      },
    },
  }, async (request) => {
    const kinds = grantedKinds(context.policy, request.principal!.role, 'witnesses-at-risk.list');
    const granted = await guard(request, context, 'witnesses-at-risk.list', { kind: kinds[0] ?? 'none', personIds: [] });
    const items = await listWitnessesAtRisk(context.db, {
      asOf: asOfQuery(request.query, context), country: request.query.country, situations: ruleConfig().countrySituations ?? [],
      mayReadCase: (caseStream) => kinds.includes(caseStream.slice(0, caseStream.indexOf('/'))), mayIdentify: identifiesFor(context, request),
      elementsOf: statementElements(context.db, elementsConfig()),
    });
    await granted.log({ resource: `witnesses-at-risk${request.query.country ? `:${request.query.country}` : ''}`, persons: shownPersons(items.flatMap((item) => item.witnesses)) });
    return { items };
  });

  app.get('/api/witnesses/potential', {
    config: { action: 'potential-witnesses.list' },
    schema: {
      tags: ['witnesses'], operationId: 'listPotentialWitnesses',
      summary: 'Witnesses who were unwilling to testify and whose country\'s situation changed since (for the police)',
      querystring: Type.Object({ ...AtQuery, country: Type.Optional(Country) }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          items: Type.Array(Type.Intersect([WitnessSummarySchema, Type.Object({
            unwillingSince: Type.String(), changed: Type.Object({ date: Type.String(), change: Bilingual, source: Type.String() }),
          })])),
        }),
      },
    },
  }, async (request) => {
    const kinds = grantedKinds(context.policy, request.principal!.role, 'potential-witnesses.list');
    const granted = await guard(request, context, 'potential-witnesses.list', { kind: kinds[0] ?? 'none', personIds: [] });
    const items = await listPotentialWitnesses(context.db, {
      asOf: asOfQuery(request.query, context), country: request.query.country, situations: ruleConfig().countrySituations ?? [],
      mayReadCase: (caseStream) => kinds.includes(caseStream.slice(0, caseStream.indexOf('/'))), mayIdentify: identifiesFor(context, request),
    });
    await granted.log({ resource: `potential-witnesses${request.query.country ? `:${request.query.country}` : ''}`, persons: shownPersons(items) });
    return { items };
  });
}

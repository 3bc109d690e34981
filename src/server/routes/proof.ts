/**
 * What each case rests on over HTTP (README, "What each case rests on"; R8): the proof matrix of a criminal case or
 * 1F file as recorded at any moment, and the evidence-at-risk list of the cases the caller may read. The links,
 * conditions, consent and availability themselves are events (POST /api/events, through the write policy).
 */
import { Type } from 'typebox';
import { elementsConfig } from '../../config/elements.js';
import { SOURCE_TYPES } from '../../domain/evidence/events.js';
import { listCaseElements } from '../../operations/list-case-elements.js';
import { listEvidenceAtRisk } from '../../operations/list-evidence-at-risk.js';
import { showProofMatrix } from '../../operations/show-proof-matrix.js';
import { authorize } from '../../policy/authorize.js';
import { registryFacts } from '../../policy/registry-facts.js';
import { asOfQuery, guard, today, type App, type ServerContext } from '../context.js';
import { Bilingual, Date_, EntityId, Time } from '../schemas.js';

const AtQuery = { date: Type.Optional(Date_), asRecordedAt: Type.Optional(Time) };
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const CaseKind = Type.Union([Type.Literal('criminal'), Type.Literal('exclusion')]);

const ProofMatrixSchema = Type.Object({
  case: Type.String(),
  kind: Type.String(),
  offences: Type.Array(Type.Object({
    offence: Type.String(), label: Bilingual, linked: Type.Boolean(),
    crimes: Type.Array(Type.Object({ crime: Type.String(), label: Bilingual, article: Type.String() })),
  })),
  elements: Type.Array(Type.Object({
    offence: Type.String(), crime: Nullable(Type.String()), element: Type.String(), kind: Type.String(), label: Bilingual,
    source: Type.Object({ article: Type.String(), eoc: Type.Optional(Type.String()), other: Type.Optional(Type.String()) }),
    status: Type.Union([Type.Literal('proven'), Type.Literal('lead-only'), Type.Literal('unsupported')]),
    reason: Bilingual, unverifiedOnly: Type.Boolean(),
    cells: Type.Array(Type.Object({
      item: Type.String(), relation: Type.String(), weight: Type.String(), reasoning: Type.String(), linkedOn: Type.String(),
      verification: Type.String(), counts: Type.Boolean(), blocker: Nullable(Type.String()), why: Bilingual,
    })),
  })),
  items: Type.Array(Type.Object({
    id: Type.String(), title: Type.String(), kind: Type.String(), sourceType: Type.String(), originator: Nullable(Type.String()),
    available: Type.Boolean(), availability: Type.Union([Type.Object({ reason: Type.String(), date: Type.String() }), Type.Null()]),
    conditions: Type.String(), conditionsRecorded: Type.Boolean(), consent: Type.String(), verification: Type.String(), leadOnly: Type.Boolean(),
  })),
  summary: Type.Object({ proven: Type.Integer(), leadOnly: Type.Integer(), unsupported: Type.Integer() }),
  asOf: Type.Object({ date: Type.String(), recordedAt: Type.String() }),
}, { $id: 'ProofMatrix' });

const ElementAtRiskSchema = Type.Object({
  case: Type.String(), offence: Type.String(), element: Type.String(), label: Bilingual,
  status: Type.Union([Type.Literal('at-risk'), Type.Literal('lost')]), originator: Type.String(),
  items: Type.Array(Type.Object({
    id: Type.String(), title: Type.String(), sourceType: Type.String(), available: Type.Boolean(),
    unavailableSince: Nullable(Type.String()), unavailableReason: Nullable(Type.String()),
  })),
}, { $id: 'ElementAtRisk' });

const CaseOffenceElementsSchema = Type.Object({
  offence: Type.String(), label: Bilingual,
  crimes: Type.Array(Type.Object({
    crime: Type.String(), label: Bilingual, article: Type.String(),
    elements: Type.Array(Type.Object({ element: Type.String(), kind: Type.String(), label: Bilingual })),
  })),
}, { $id: 'CaseOffenceElements' });

export function registerProofRoutes(app: App, context: ServerContext): void {
  app.get('/api/cases/:kind/:id/proof', {
    config: { action: 'proof.read' },
    schema: {
      tags: ['evidence'], operationId: 'showProofMatrix', summary: 'The proof matrix of a criminal case or 1F file: each element against the evidence (R8)',
      description: 'Every element of the offences of a criminal case (or of the grounds of Art. 1F of a 1F file), its status by R8 (proven, lead-only, '
        + 'unsupported) and the evidence items linked to it with relation, weight, verification and what keeps an item from counting; on `date`, as '
        + 'the registry knew it at `asRecordedAt`.',
      params: Type.Object({ kind: CaseKind, id: EntityId }),
      querystring: Type.Object(AtQuery, { additionalProperties: false }),
      response: { 200: ProofMatrixSchema },
    },
  }, async (request) => {
    const caseStream = `${request.params.kind}/${request.params.id}`;
    const granted = await guard(request, context, 'proof.read', { kind: request.params.kind, stream: caseStream });
    const matrix = await showProofMatrix(context.db, { kind: request.params.kind, id: request.params.id, asOf: asOfQuery(request.query, context), elements: elementsConfig() });
    await granted.log({ resource: `${caseStream}/proof` });
    return matrix;
  });

  app.get('/api/cases/:kind/:id/elements', {
    config: { action: 'proof.read' },
    schema: {
      tags: ['evidence'], operationId: 'listCaseElements', summary: 'The elements evidence of this case may be linked to: per offence it concerns, its crimes and their elements',
      description: 'A criminal case: the offences it was opened for; a 1F file: the grounds of Art. 1F — each with its crimes and their elements from '
        + 'config/elements.json (id, kind, Dutch and English label). The form to link an evidence item to an element offers these.',
      params: Type.Object({ kind: CaseKind, id: EntityId }),
      response: { 200: Type.Object({ items: Type.Array(CaseOffenceElementsSchema) }) },
    },
  }, async (request) => {
    const caseStream = `${request.params.kind}/${request.params.id}`;
    const granted = await guard(request, context, 'proof.read', { kind: request.params.kind, stream: caseStream });
    const items = await listCaseElements(context.db, { kind: request.params.kind, id: request.params.id, asOf: asOfQuery({}, context), elements: elementsConfig() });
    await granted.log({ resource: `${caseStream}/elements` });
    return { items };
  });

  app.get('/api/evidence-at-risk', {
    config: { action: 'evidence-at-risk.list' },
    schema: {
      tags: ['evidence'], operationId: 'listEvidenceAtRisk', summary: 'Elements that would lose their only proof if an originator\'s material became unavailable, and those that did',
      description: 'Of the criminal cases or 1F files (`kind`) the caller may read: `at-risk` elements are proven now only by the originator\'s material '
        + '(what-if it became unavailable); `lost` elements are not proven now but would be if its unavailable material were available again (R8).',
      querystring: Type.Object({
        kind: CaseKind,
        originator: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
        sourceType: Type.Optional(Type.Union(SOURCE_TYPES.map((value) => Type.Literal(value)))),
        ...AtQuery,
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ date: Type.String(), items: Type.Array(ElementAtRiskSchema) }) },
    },
  }, async (request) => {
    const { kind, originator, sourceType } = request.query;
    const granted = await guard(request, context, 'evidence-at-risk.list', { kind, personIds: [] });
    const asOf = asOfQuery(request.query, context);
    const facts = registryFacts(context.db, context.now());
    const mayReadCase = async (caseStream: string) => caseStream.startsWith(`${kind}/`)
      && (await authorize(context.policy, request.principal, 'proof.read', { kind, stream: caseStream }, { date: today(context), facts })).allowed;
    const items = await listEvidenceAtRisk(context.db, { asOf, elements: elementsConfig(), originator, sourceType, mayReadCase });
    await granted.log({ resource: `evidence-at-risk:${kind}` });
    return { date: asOf.date, items };
  });
}

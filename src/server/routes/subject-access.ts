/**
 * Data-subject requests (docs/retention.md, "Data-subject requests"): the export of what the registry holds about a
 * person that the caller's partner may disclose, as JSON or PDF, with what is withheld and why. Policy action
 * `subject-access.read` (config/policy.json); the export reads through the policy as the caller and is logged with
 * the person.
 */
import { Type } from 'typebox';
import { exportDataSubject } from '../../operations/export-data-subject.js';
import { renderDataSubjectPdf } from '../../operations/render-data-subject-pdf.js';
import { asOfQuery, guard, today, type App, type ServerContext } from '../context.js';
import { EntityId } from '../schemas.js';

const EventOut = Type.Object({ id: Type.String(), type: Type.String(), date: Type.String(), recordedAt: Type.String(), data: Type.Record(Type.String(), Type.Unknown()) });
const StreamOut = Type.Object({
  stream: Type.String(), kind: Type.String(), roles: Type.Array(Type.String()), phase: Type.String(), legalBasis: Type.String(), events: Type.Array(EventOut),
});
const GroundOut = Type.Object({ code: Type.String(), law: Type.String(), text: Type.Object({ nl: Type.String(), en: Type.String() }) });

export const DataSubjectExportSchema = Type.Object({
  person: Type.String(),
  requestedBy: Type.Object({ username: Type.String(), organisation: Type.String(), role: Type.String() }),
  date: Type.String(), generatedAt: Type.String(),
  identity: Type.Union([Type.Object({ names: Type.Array(Type.String()), birthDate: Type.Union([Type.String(), Type.Null()]), nationalities: Type.Array(Type.String()), legalBasis: Type.String() }), Type.Null()]),
  personEvents: Type.Array(EventOut),
  cases: Type.Array(StreamOut),
  witnessRecords: Type.Array(StreamOut),
  evidence: Type.Array(Type.Object({
    case: Type.String(), id: Type.String(), kind: Type.String(), title: Type.String(), sourceType: Type.String(), acquiredOn: Type.String(), method: Type.String(),
    files: Type.Integer(), verification: Type.Object({ source: Type.Union([Type.String(), Type.Null()]), technical: Type.Union([Type.String(), Type.Null()]), content: Type.Union([Type.String(), Type.Null()]) }),
  })),
  screeningHits: Type.Array(Type.Object({
    source: Type.String(), list: Type.Union([Type.String(), Type.Null()]), counterpart: Type.Union([Type.String(), Type.Null()]), score: Type.Number(), status: Type.String(),
    firstFoundAt: Type.String(), lastFoundAt: Type.String(),
  })),
  accessLog: Type.Array(Type.Object({
    at: Type.String(), organisation: Type.String(), role: Type.String(), action: Type.String(), resource: Type.String(), purpose: Type.String(),
    legalBasis: Type.Union([Type.String(), Type.Null()]), outcome: Type.String(),
  })),
  withheld: Type.Array(Type.Object({ what: Type.String(), kind: Type.Union([Type.String(), Type.Null()]), count: Type.Union([Type.Integer(), Type.Null()]), ground: GroundOut })),
});

export function registerSubjectAccessRoutes(app: App, context: ServerContext): void {
  app.get('/api/persons/:id/subject-access', {
    config: { action: 'subject-access.read' },
    schema: {
      tags: ['registry'], operationId: 'exportDataSubject',
      summary: "A data-subject request: what the registry holds about the person that your partner may disclose (record, cases, witness records, evidence, screening hits, your partner's reads of the data), and what is withheld on which ground; JSON, or PDF with ?format=pdf",
      params: Type.Object({ id: EntityId }),
      querystring: Type.Object({
        format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('pdf')])),
        lang: Type.Optional(Type.Union([Type.Literal('nl'), Type.Literal('en')])),
      }, { additionalProperties: false }),
      response: { 200: Type.Union([DataSubjectExportSchema, Type.String({ description: 'application/pdf' })]) },
    },
  }, async (request, reply) => {
    const person = request.params.id;
    const granted = await guard(request, context, 'subject-access.read', { kind: 'person', stream: `person/${person}` });
    const result = await exportDataSubject(context.db, context.policy, {
      principal: request.principal!, person, today: today(context), now: context.now(), asOf: asOfQuery({}, context),
    });
    await granted.log({ persons: [person], resource: `person/${person}:subject-access` });
    if (request.query.format !== 'pdf') return result;
    const pdf = await renderDataSubjectPdf(result, request.query.lang ?? 'nl');
    reply.type('application/pdf').header('content-disposition', `attachment; filename="inzage-${person}.pdf"`);
    return reply.send(pdf as unknown as string);
  });
}

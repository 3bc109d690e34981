/**
 * Authorisations of the investigating judge (R3). Each is a `criminal.judge-authorisation` event on the criminal
 * case it was given in; POST here is a front for appending it (the same pipeline and checks as POST /api/events,
 * and only the role the policy names may record it). Read by the OM, the IND and the auditor.
 */
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { ImketenError } from '../../domain/errors.js';
import { authorize, readableKinds } from '../../policy/authorize.js';
import { authorisationOf, judgeAuthorisationEvent, listAuthorisations, type JudgeAuthorisation } from '../../policy/judge-authorisations.js';
import { registryFacts } from '../../policy/registry-facts.js';
import { streamExists } from '../../store/event-store.js';
import { guard, pageOf, today, type App, type ServerContext } from '../context.js';
import { AuthorisationSchema, Date_, EntityId, Page } from '../schemas.js';
import { appendChecked } from '../checked-append.js';

export function registerAuthorisationRoutes(app: App, context: ServerContext): void {
  app.post('/api/authorisations', {
    config: { action: 'authorisations.register' },
    schema: {
      tags: ['authorisations'],
      summary: "Register an authorisation of the investigating judge (R3): records criminal.judge-authorisation on the criminal case",
      description: 'The case must exist, be open and have the person as its suspect; the 1F file, when named, must be about the person; the '
        + 'validity runs from the decision on and is capped by config/rules.json (durations.judgeAuthorisationMaxMonths). Retract it with POST /api/retractions.',
      body: Type.Object({
        decisionReference: Type.String({ minLength: 1, maxLength: 200 }),
        court: Type.String({ minLength: 1, maxLength: 200, description: 'The court of the investigating judge, e.g. Rechtbank Den Haag.' }),
        personId: EntityId,
        criminalCase: EntityId,
        exclusionCase: Type.Optional(EntityId),
        validFrom: Date_,
        validUntil: Date_,
        decidedOn: Type.Optional({ ...Date_, description: "The day of the judge's decision (default today)." }),
      }, { additionalProperties: false }),
      response: { 201: AuthorisationSchema },
    },
  }, async (request, reply) => {
    await guard(request, context, 'authorisations.register', { kind: 'authorisations' });
    const body = request.body;
    if (!(await streamExists(context.db, `criminal/${body.criminalCase}`))) {
      throw new ImketenError('REFERENCE_NOT_FOUND', `No criminal case '${body.criminalCase}': an authorisation of the investigating judge is given in an existing criminal case against the person.`, [
        { field: 'criminalCase', message: `unknown criminal case '${body.criminalCase}'`, code: 'REFERENCE_NOT_FOUND' },
      ]);
    }
    const event = judgeAuthorisationEvent({ ...body, decidedOn: body.decidedOn ?? today(context) });
    await appendChecked(request, context, 'events.append', [event]);
    return reply.code(201).send(authorisationOf({ ...event, recordedAt: context.now().toISOString() }));
  });

  app.get('/api/authorisations', {
    config: { action: 'authorisations.read' },
    schema: {
      tags: ['authorisations'], summary: 'List authorisations of the investigating judge, as known now (retracted ones left out)',
      querystring: Type.Object({
        person: Type.Optional(EntityId),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
        after: Type.Optional(Type.Integer({ minimum: 0 })),
      }, { additionalProperties: false }),
      response: { 200: Page(AuthorisationSchema, 'A page of authorisations.') },
    },
  }, async (request) => {
    const granted = await guard(request, context, 'authorisations.read', { kind: 'authorisations', personIds: request.query.person ? [request.query.person] : [] });
    const limit = request.query.limit ?? 100;
    const rows = await listAuthorisations(context.db, { personId: request.query.person, afterSeq: request.query.after ?? 0, limit: limit + 1, recordedAsOf: context.now() });
    const page = pageOf(rows, limit, (row) => String(row.seq));
    const listed = page.items.map(({ seq: _seq, ...item }) => item);
    const items = granted.view === 'readable-persons-only' ? await readableOnly(request, context, listed) : listed;
    await granted.log({ resource: 'authorisations', persons: [...new Set(items.map((row) => row.personId))] });
    return { next: page.next, items };
  });
}

/**
 * The view `readable-persons-only` (the IND): authorisations about persons the caller may read, and without the id
 * of a criminal case it may not read — an authorisation must not tell who else is a suspect, nor in which case.
 */
async function readableOnly(request: FastifyRequest, context: ServerContext, rows: JudgeAuthorisation[]): Promise<JudgeAuthorisation[]> {
  const facts = registryFacts(context.db, context.now());
  const readsCriminal = readableKinds(context.policy, request.principal!.role).includes('criminal');
  const shown: JudgeAuthorisation[] = [];
  for (const row of rows) {
    const decision = await authorize(context.policy, request.principal, 'stream.read', { kind: 'person', stream: `person/${row.personId}` }, { date: today(context), facts });
    if (decision.allowed) shown.push(readsCriminal ? row : { ...row, criminalCase: null });
  }
  return shown;
}

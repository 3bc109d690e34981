/**
 * Authorisations of the investigating judge (R3), registered by the OM and read by the OM, the IND and the auditor.
 */
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { authorize, readableKinds } from '../../policy/authorize.js';
import { listAuthorisations, registerAuthorisation, type JudgeAuthorisation } from '../../policy/judge-authorisations.js';
import { registryFacts } from '../../policy/registry-facts.js';
import { guard, pageOf, today, type App, type ServerContext } from '../context.js';
import { AuthorisationSchema, Date_, EntityId, Page } from '../schemas.js';

export function registerAuthorisationRoutes(app: App, context: ServerContext): void {
  app.post('/api/authorisations', {
    config: { action: 'authorisations.register' },
    schema: {
      tags: ['authorisations'], summary: "Register an authorisation of the investigating judge (R3): the judge's decision, its scope and validity",
      body: Type.Object({
        decisionReference: Type.String({ minLength: 1, maxLength: 200 }),
        personId: EntityId,
        exclusionCase: Type.Optional(EntityId),
        criminalCase: Type.Optional(EntityId),
        validFrom: Date_,
        validUntil: Date_,
      }, { additionalProperties: false }),
      response: { 201: AuthorisationSchema },
    },
  }, async (request, reply) => {
    await guard(request, context, 'authorisations.register', { kind: 'authorisations' });
    return reply.code(201).send(await registerAuthorisation(context.db, request.body, request.principal!.username, context.now()));
  });

  app.get('/api/authorisations', {
    config: { action: 'authorisations.read' },
    schema: {
      tags: ['authorisations'], summary: 'List authorisations of the investigating judge',
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
    const page = pageOf(await listAuthorisations(context.db, { personId: request.query.person, afterId: request.query.after ?? 0, limit: limit + 1 }), limit, (row) => String(row.id));
    const items = granted.view === 'readable-persons-only' ? await readableOnly(request, context, page.items) : page.items;
    await granted.log({ resource: 'authorisations', persons: [...new Set(items.map((row) => row.personId))] });
    return { items, next: page.next };
  });
}

/**
 * The view `readable-persons-only` (the IND): authorisations about persons the caller may read, and without the id
 * of a criminal case it may not read — an authorisation must not tell who else is a suspect, nor in which case.
 */
async function readableOnly(request: FastifyRequest, context: ServerContext, rows: JudgeAuthorisation[]): Promise<JudgeAuthorisation[]> {
  const facts = registryFacts(context.db);
  const readsCriminal = readableKinds(context.policy, request.principal!.role).includes('criminal');
  const shown: JudgeAuthorisation[] = [];
  for (const row of rows) {
    const decision = await authorize(context.policy, request.principal, 'stream.read', { kind: 'person', stream: `person/${row.personId}` }, { date: today(context), facts });
    if (decision.allowed) shown.push(readsCriminal ? row : { ...row, criminalCase: null });
  }
  return shown;
}

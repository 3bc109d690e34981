/**
 * The bill on sharing 1F information (config/policy.json `bill-1f-sharing`): the OM reads the parts of 1F files the
 * IND shared with it (`exclusion.information-shared`), never the rest of a file, and only while the bill is in force;
 * the IND reads what it shared. Every read is logged with the person asked about and the persons it shows.
 */
import { Type } from 'typebox';
import { listShares } from '../../registry/shared-information.js';
import { guard, pageOf, today, type App, type ServerContext } from '../context.js';
import { EntityId, Page, SharedInformationSchema } from '../schemas.js';

export function registerSharedInformationRoutes(app: App, context: ServerContext): void {
  app.get('/api/shared-information', {
    config: { action: 'shared-information.read' },
    schema: {
      tags: ['authorisations'], summary: 'What the IND shared of its 1F files with the OM under the bill, per person or 1F file',
      querystring: Type.Object({
        person: Type.Optional(EntityId),
        case: Type.Optional(EntityId),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
        after: Type.Optional(Type.Integer({ minimum: 0 })),
      }, { additionalProperties: false }),
      response: { 200: Page(SharedInformationSchema, 'A page of shares: the parts shared, nothing else of the file.') },
    },
  }, async (request) => {
    const { person, case: exclusionCase } = request.query;
    const granted = await guard(request, context, 'shared-information.read', {
      kind: 'exclusion', stream: exclusionCase ? `exclusion/${exclusionCase}` : undefined, personIds: person ? [person] : exclusionCase ? undefined : [],
    });
    // Under a sharing regime (the OM) only what was shared with the caller's organisation, from the regime's
    // effective date; the IND, whose files they are, sees every share it made.
    const regime = granted.basis.startsWith('regime:') ? context.policy.sharing.find((candidate) => `regime:${candidate.id}` === granted.basis) : undefined;
    const limit = request.query.limit ?? 100;
    const rows = await listShares(context.db, {
      personId: person, exclusionCase, recipient: regime ? request.principal!.organisation : undefined, from: regime?.effectiveFrom,
      until: today(context), recordedAsOf: context.now(), afterSeq: request.query.after ?? 0, limit: limit + 1,
    });
    const page = pageOf(rows, limit, (row) => String(row.seq));
    await granted.log({ resource: exclusionCase ? `shared-information:exclusion/${exclusionCase}` : `shared-information${person ? `:person/${person}` : ''}`, persons: [...new Set([...(person ? [person] : []), ...page.items.map((row) => row.personId)])].sort() });
    return { ...page, items: page.items.map(({ seq: _seq, ...item }) => item) };
  });
}

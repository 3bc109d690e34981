/**
 * Retention (docs/retention.md): the due list of one partner, for that partner's own role (config/policy.json,
 * `retention.read`). Parses, calls the operation listRetentionDue, shapes the answer and logs the access.
 */
import { Type } from 'typebox';
import { ruleConfig } from '../../config/rules.js';
import { parseAsOf, parseDate } from '../../domain/as-of.js';
import type { RetentionPartner } from '../../domain/rules/retention-config.js';
import { listRetentionDue } from '../../operations/list-retention-due.js';
import { guard, type App, type ServerContext } from '../context.js';
import { Bilingual, Date_, Time } from '../schemas.js';

const CASE_PARTNERS = ['tim', 'om', 'ind', 'dtv'] as const;

const HoldSchema = Type.Object({
  kind: Type.Union([Type.Literal('open-case'), Type.Literal('pending-appeal'), Type.Literal('legal-hold'), Type.Literal('entry-ban')]),
  source: Type.String(), until: Type.Union([Type.String(), Type.Null()]), reason: Bilingual,
});

export function registerRetentionRoutes(app: App, context: ServerContext): void {
  app.get('/api/retention/due', {
    config: { action: 'retention.read' },
    schema: {
      tags: ['retention'], operationId: 'listRetentionDue',
      summary: "A partner's data past its retention term on a date: due for removal, or held (open case, pending appeal, legal hold, entry ban), with the rule and the reason",
      querystring: Type.Object({
        partner: Type.Optional(Type.Union(CASE_PARTNERS.map((partner) => Type.Literal(partner)))),
        on: Type.Optional(Date_), asRecordedAt: Type.Optional(Time),
      }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          date: Type.String(), partner: Type.String(),
          entries: Type.Array(Type.Object({
            partner: Type.String(), rule: Type.String(), law: Type.String(), article: Type.String(), data: Bilingual,
            stream: Type.String(), kind: Type.String(), persons: Type.Array(Type.String()),
            status: Type.Union([Type.Literal('due'), Type.Literal('held')]),
            startedOn: Type.String(), dueOn: Type.String(), reason: Bilingual, holds: Type.Array(HoldSchema),
          })),
        }),
      },
    },
  }, async (request) => {
    // Without a partner, the caller's own organisation (TIM, OM, IND, DTV); the policy refuses any other.
    const partner = (request.query.partner ?? request.principal?.organisation.toLowerCase() ?? 'tim') as RetentionPartner;
    const granted = await guard(request, context, 'retention.read', { kind: `retention:${partner}`, personIds: [] });
    const asOf = { ...parseAsOf({ asRecordedAt: request.query.asRecordedAt }, context.now()), date: parseDate(request.query.on, context.now(), 'on') };
    const entries = await listRetentionDue(context.db, { asOf, partner }, ruleConfig());
    await granted.log({ resource: `retention:${partner}`, persons: [...new Set(entries.flatMap((entry) => entry.persons))].sort() });
    return { date: asOf.date, partner, entries };
  });
}

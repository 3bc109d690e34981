/**
 * The auditor's view of the access log: newest or oldest first, paged in the store, narrowed to a person, a user,
 * a case and a period of Dutch days.
 */
import { Type } from 'typebox';
import { queryAccessLog } from '../../access-log/access-log.js';
import { addDays } from '../../domain/dates.js';
import { ImketenError } from '../../domain/errors.js';
import { startOfDutchDay } from '../../input/dutch-day-start.js';
import { guard, pageOf, type App, type ServerContext } from '../context.js';
import { AccessLogRowSchema, Date_, EntityId, Page } from '../schemas.js';

export function registerAccessLogRoutes(app: App, context: ServerContext): void {
  app.get('/api/access-log', {
    config: { action: 'access-log.read' },
    schema: {
      tags: ['audit'],
      summary: "The access log, oldest or newest first: all of it, or the accesses to one person's data (person=P-0042), by one user (user=om.demo), to one case (case=SZ-2026-002), between two Dutch days",
      querystring: Type.Object({
        person: Type.Optional(EntityId),
        user: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
        case: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'A case id (SZ-2026-002) or stream (criminal/SZ-2026-002)' })),
        from: Type.Optional(Date_),
        to: Type.Optional(Date_),
        order: Type.Optional(Type.Union([Type.Literal('oldest'), Type.Literal('newest')], { default: 'oldest' })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
        after: Type.Optional(Type.Integer({ minimum: 0, description: 'The cursor `next` of the previous page' })),
      }, { additionalProperties: false }),
      response: { 200: Page(AccessLogRowSchema, 'A page of access-log entries, hash-chained.') },
    },
  }, async (request) => {
    await guard(request, context, 'access-log.read', { kind: 'access-log' });
    const { person, user, from, to, order } = request.query;
    if (from !== undefined && to !== undefined && to < from) throw new ImketenError('INVALID_INPUT', `The period runs from ${from} to ${to}: the last day lies before the first.`);
    await context.accessLog.flush();
    const limit = request.query.limit ?? 100;
    const rows = await queryAccessLog(context.db, {
      person, username: user, resource: request.query.case,
      from: from === undefined ? undefined : startOfDutchDay(from), until: to === undefined ? undefined : startOfDutchDay(addDays(to, 1)),
      order: order ?? 'oldest', afterSeq: request.query.after ?? 0, limit: limit + 1,
    });
    return pageOf(rows, limit, (row) => String(row.seq));
  });
}

/**
 * The auditor's view of the access log: every access to one person's data, or every access one user made.
 */
import { Type } from 'typebox';
import { queryAccessLog } from '../../access-log/access-log.js';
import { ImketenError } from '../../domain/errors.js';
import { guard, pageOf, type App, type ServerContext } from '../context.js';
import { AccessLogRowSchema, EntityId, Page } from '../schemas.js';

export function registerAccessLogRoutes(app: App, context: ServerContext): void {
  app.get('/api/access-log', {
    config: { action: 'access-log.read' },
    schema: {
      tags: ['audit'], summary: "Accesses to one person's data (person=P-0042) or by one user (user=om.demo), in order",
      querystring: Type.Object({
        person: Type.Optional(EntityId),
        user: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
        after: Type.Optional(Type.Integer({ minimum: 0 })),
      }, { additionalProperties: false }),
      response: { 200: Page(AccessLogRowSchema, 'A page of access-log entries, hash-chained.') },
    },
  }, async (request) => {
    await guard(request, context, 'access-log.read', { kind: 'access-log' });
    const { person, user } = request.query;
    if (person === undefined && user === undefined) throw new ImketenError('INVALID_INPUT', 'Give person (a person id) or user (a username): the access log is read per person or per user.');
    await context.accessLog.flush();
    const limit = request.query.limit ?? 100;
    return pageOf(await queryAccessLog(context.db, { person, username: user, afterSeq: request.query.after ?? 0, limit: limit + 1 }), limit, (row) => String(row.seq));
  });
}

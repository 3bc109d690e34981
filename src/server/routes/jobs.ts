/** The background jobs (README, "Background jobs"): what is queued, running, done or failed, with its progress. */
import { Type } from 'typebox';
import { listJobs } from '../../jobs/list-jobs.js';
import { guard, type App, type ServerContext } from '../context.js';

const JobSchema = Type.Object({
  id: Type.String(),
  queue: Type.String({ description: 'screen-registry (after a list update) or rescreen-persons (after changes to persons)' }),
  state: Type.Union([Type.Literal('created'), Type.Literal('retry'), Type.Literal('active'), Type.Literal('completed'), Type.Literal('cancelled'), Type.Literal('failed')]),
  retryCount: Type.Integer(),
  retryLimit: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  startedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  completedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  done: Type.Integer({ description: 'Steps done' }),
  total: Type.Union([Type.Integer(), Type.Null()], { description: 'Steps in all, once known' }),
  note: Type.Union([Type.String(), Type.Null()], { description: 'What the job is doing or did' }),
  error: Type.Union([Type.String(), Type.Null()], { description: 'Why the last attempt failed' }),
});

export function registerJobRoutes(app: App, context: ServerContext): void {
  app.get('/api/jobs', {
    config: { action: 'jobs.read' },
    schema: {
      tags: ['system'], operationId: 'listJobs', summary: 'The newest background jobs (unfinished ones and those of the last 12 hours), newest first, with state and progress',
      querystring: Type.Object({
        queue: Type.Optional(Type.String({ pattern: '^[a-z-]{1,40}$' })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(JobSchema) }) },
    },
  }, async (request) => {
    await guard(request, context, 'jobs.read', { kind: 'jobs' });
    return { items: await listJobs(context.db, { limit: request.query.limit, queue: request.query.queue }) };
  });
}

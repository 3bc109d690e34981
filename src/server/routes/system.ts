import { Type } from 'typebox';
import type { App, ServerContext } from '../context.js';

export function registerSystemRoutes(app: App, context: ServerContext): void {
  app.get('/api/health', {
    config: { action: 'health.read' },
    schema: { tags: ['system'], summary: 'Liveness', security: [], response: { 200: Type.Object({ status: Type.Literal('ok'), engine: Type.String() }) } },
  }, async () => ({ status: 'ok' as const, engine: context.db.engine }));

  app.get('/api/openapi.json', {
    config: { action: 'docs.read' },
    schema: { hide: true },
  }, async () => app.swagger());

  app.get('/api/policy', {
    config: { action: 'policy.read' },
    schema: {
      tags: ['system'], summary: 'The access policy in force (config/policy.json, with the configured regime switches)',
      response: { 200: Type.Object({ version: Type.Integer(), roles: Type.Record(Type.String(), Type.Unknown()), actions: Type.Record(Type.String(), Type.Unknown()), sharing: Type.Array(Type.Unknown()) }) },
    },
  }, async () => context.policy);
}

/**
 * What a load balancer and a monitoring system ask, outside /api and before any sign-in: GET /health (the process
 * answers), GET /ready (the database answers and its schema is the one this code expects) and GET /metrics
 * (Prometheus text). None of them reads a session or touches heavy work (README, "Health and metrics").
 */
import { timingSafeEqual } from 'node:crypto';
import { Type } from 'typebox';
import { ImketenError } from '../../domain/errors.js';
import { listMigrations } from '../../store/migrate.js';
import type { App, ServerContext } from '../context.js';
import { AccessDenied } from '../http-errors.js';

/** How long /ready waits for the database before it answers that it is not ready. */
const READY_TIMEOUT_MS = 2000;

const Liveness = Type.Object({ status: Type.Literal('ok') });
const Readiness = Type.Object({ status: Type.Literal('ready'), engine: Type.String(), migrations: Type.Integer() });

export function registerHealthRoutes(app: App, context: ServerContext): void {
  const expected = listMigrations().map((migration) => migration.version);

  app.get('/health', {
    config: { bare: true },
    schema: { tags: ['system'], operationId: 'getLiveness', summary: 'Liveness: the process answers (never touches the database)', security: [], response: { 200: Liveness } },
  }, async () => ({ status: 'ok' as const }));

  app.get('/ready', {
    config: { bare: true },
    schema: {
      tags: ['system'], operationId: 'getReadiness', security: [],
      summary: 'Readiness: the database answers within 2 s and holds exactly the migrations of this version (503 otherwise)',
      response: { 200: Readiness },
    },
  }, async () => {
    const applied = await withTimeout(context.db.query<{ version: number }>('SELECT version FROM schema_migrations'), READY_TIMEOUT_MS)
      .catch((error: Error) => { throw new ImketenError('DATABASE_UNAVAILABLE', `Not ready: the database does not answer (${error.message}).`); });
    const have = new Set(applied.map((row) => row.version));
    const missing = expected.filter((version) => !have.has(version));
    const unknown = [...have].filter((version) => !expected.includes(version));
    if (missing.length > 0) throw new ImketenError('DATABASE_UNAVAILABLE', `Not ready: the database lacks migrations ${missing.join(', ')}; they are applied when a server of this version starts.`);
    if (unknown.length > 0) throw new ImketenError('DATABASE_UNAVAILABLE', `Not ready: the database has migrations ${unknown.join(', ')} that this version does not know; a newer imketen migrated it.`);
    return { status: 'ready' as const, engine: context.db.engine, migrations: have.size };
  });

  app.get('/metrics', {
    config: { bare: true },
    schema: {
      tags: ['system'], operationId: 'getMetrics', security: [{ metricsToken: [] }],
      summary: 'Prometheus metrics (text exposition format): with IMKETEN_METRICS_TOKEN as bearer token, or from the server\'s own host when no token is set',
      response: { 200: { description: 'The metrics as Prometheus text', content: { 'text/plain': { schema: Type.String() } } } },
    },
  }, async (request, reply) => {
    const token = context.config.metricsToken;
    if (token) {
      const given = Buffer.from(/^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '');
      const wanted = Buffer.from(token);
      if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
        throw new AccessDenied('UNAUTHENTICATED', 'The metrics need the metrics token: send Authorization: Bearer <IMKETEN_METRICS_TOKEN>.');
      }
    } else if (!isLoopback(request.ip)) {
      throw new AccessDenied('FORBIDDEN', 'The metrics are served only to the server\'s own host unless a metrics token is configured (IMKETEN_METRICS_TOKEN).');
    }
    const text = await context.metrics.registry.metrics();
    return reply.type(context.metrics.registry.contentType).send(text);
  });
}

function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms); });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

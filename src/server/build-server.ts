/**
 * The HTTP server, importable without listening: `buildServer(deps)` returns a ready fastify instance (tests use
 * `inject`; `imketen serve`/`start` call `listen`). Routes validate and translate; the policy decides access; the
 * services and repositories below hold the logic and the SQL.
 */
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyError } from 'fastify';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { TokenCache } from '../accounts/api-tokens.js';
import { SharedSignInThrottle } from '../accounts/shared-login-throttle.js';
import { createFigureCache } from '../reports/figure-cache.js';
import { shareNamedSchemas } from './openapi-components.js';
import { addExamples, loadApiExamples } from './openapi-examples.js';
import { OPERATION_IDS } from './operation-ids.js';
import { accessLogWriter } from '../access-log/access-log-writer.js';
import { AppendQueue } from './append-queue.js';
import { createServerMetrics } from './metrics.js';
import { followChanges } from './follow-changes.js';
import { AnalysisRefresher } from './analysis-refresher.js';
import { CHANNELS, listenForChanges } from '../store/notifications.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { ImketenError } from '../domain/errors.js';
import type { Policy } from '../policy/policy.js';
import type { Db } from '../store/db.js';
import { authenticate, checkRoute } from './authenticate.js';
import type { ServerConfig } from './config.js';
import type { App, ServerContext } from './context.js';
import { HttpError, problemOf, RateLimited } from './http-errors.js';
import { registerRoutes } from './routes/index.js';
import { NAMED_SCHEMAS, ProblemSchema } from './schemas.js';
import { useStrictJsonBodies } from './strict-json-body.js';
import { webApp } from './web/web-app.js';
import type { CaptureSigner } from '../capture/manifest.js';
import type { FileStore } from '../store/file-store/file-store.js';

export interface ServerDeps {
  db: Db;
  config: Readonly<ServerConfig>;
  policy: Policy;
  now?: () => Date;
  /** The background job queue this server works; stopped (drained) when the server closes. */
  jobs?: JobQueue;
  /** The evidence file store (README, "The file store") and the upload limit in bytes. */
  files?: { store: FileStore; uploadLimit: number };
  /** Listen for changes other processes make to the store and follow them (./follow-changes.ts; imketen start/serve). */
  followChanges?: boolean;
  /** Signs the manifests of captures asked for over the API (the server's checkpoint key); absent: captures answer 503. */
  captureSigner?: CaptureSigner;
  /** The key of the analysis pseudonyms (docs/retention.md): an erasure records the cases' analysis facts first. */
  analysisKey?: Buffer;
  /** SMTP is configured: digests are sent (README, "Notifications"). */
  mailConfigured?: boolean;
}

export interface RegisteredRoute {
  method: string;
  url: string;
  action: string;
  /** The string-typed inputs the route's schema declares (security tests feed them hostile strings). */
  stringInputs: { params: string[]; query: string[]; body: string[] };
}

function stringProperties(schema: unknown): string[] {
  const properties = (schema as { properties?: Record<string, { type?: string; anyOf?: { type?: string }[] }> } | undefined)?.properties ?? {};
  return Object.entries(properties)
    .filter(([, property]) => property.type === 'string' || property.anyOf?.some((option) => option.type === 'string'))
    .map(([name]) => name);
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route with its policy action (the role × endpoint matrix test walks these). */
    imketenRoutes: RegisteredRoute[];
    imketenContext: ServerContext;
  }
}

const DOCS_PREFIX = '/api/docs';

export async function buildServer(deps: ServerDeps): Promise<App> {
  const { db, config, policy } = deps;
  const context: ServerContext = {
    db, config, policy,
    now: deps.now ?? (() => new Date()),
    accessLog: accessLogWriter(db),
    loginThrottle: new SharedSignInThrottle(db, config.login),
    tokens: new TokenCache(config.tokenCacheSeconds * 1000),
    appends: new AppendQueue(db, deps.now ?? (() => new Date())),
    figures: createFigureCache(),
    metrics: createServerMetrics(db),
    jobs: deps.jobs,
    ...(deps.files ? { files: deps.files } : {}),
    ...(deps.captureSigner ? { captureSigner: deps.captureSigner } : {}),
    ...(deps.analysisKey ? { analysisKey: deps.analysisKey } : {}),
    mailConfigured: deps.mailConfigured === true,
  };
  const app = Fastify({
    logger: { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  useStrictJsonBodies(app);
  app.decorate('imketenRoutes', [] as RegisteredRoute[]);
  app.decorate('imketenContext', context);
  const validators = new Map<string, Map<string, ReturnType<typeof Compile>>>();

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) {
      if ((route.config as { bare?: boolean } | undefined)?.bare) addProblemResponses(route.schema, ['401', '403', '404', '500', '503']);
      return;
    }
    route.config ??= {};
    const config = route.config as { action?: string };
    if (route.url.startsWith(DOCS_PREFIX)) config.action ??= 'docs.read';
    const action = config.action;
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((method) => method !== 'HEAD');
    if (!action || !policy.actions[action]) {
      throw new Error(`route ${methods.join(',')} ${route.url} has ${action ? `action '${action}', which is not in the access policy` : 'no policy action'}: add it to config/policy.json`);
    }
    const schema = route.schema as { params?: unknown; querystring?: unknown; body?: unknown } | undefined;
    const stringInputs = { params: stringProperties(schema?.params), query: stringProperties(schema?.querystring), body: stringProperties(schema?.body) };
    for (const method of methods) app.imketenRoutes.push({ method, url: route.url, action, stringInputs });
    if (route.url.startsWith(DOCS_PREFIX)) return;
    route.schema ??= {};
    // The OpenAPI document says, per operation, what the access policy allows (generated from the policy file).
    const described = route.schema as { description?: string; summary?: string; operationId?: string };
    described.operationId ??= OPERATION_IDS[`${methods[0]} ${route.url}`];
    if (!described.description?.includes('**Access policy**')) described.description = [described.description, `**Access policy** — action \`${action}\`: ${describeAccess(policy, action)}`].filter(Boolean).join('\n\n');
    const responses = addProblemResponses(route.schema, ['400', '401', '403', '404', '413', '415', '422', '423', '429', '500']);
    const compiled = new Map<string, ReturnType<typeof Compile>>();
    for (const [status, schema] of Object.entries(responses)) {
      const content = (schema as { content?: Record<string, { schema: TSchema }> }).content;
      const single = content ? Object.values(content)[0]?.schema : schema;
      if (single && typeof single === 'object' && 'type' in single) compiled.set(status, Compile(single as TSchema));
    }
    for (const method of methods) validators.set(`${method} ${route.url}`, compiled);
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'imketen API',
        version: '1',
        license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
        description: 'The registry of the Dutch international crimes chain. Every request names who asks (session cookie or API token) and may name why (X-Purpose); '
          + 'the access policy (config/policy.json, GET /api/policy) decides, and every access to person-level data is logged with its legal basis. '
          + 'Errors are RFC 9457 problem details; lists are paginated (limit, after → next).\n\n**Roles**: '
          + Object.entries(policy.roles).map(([role, definition]) => `\`${role}\` — ${definition.label} (${definition.organisation})`).join('; ') + '.\n\n'
          + '**Sharing regimes** (R3): ' + policy.sharing.map((regime) => `\`${regime.id}\` — ${regime.label}; ${regime.enabled ? 'on' : 'off'}, effective from ${regime.effectiveFrom}`).join('; ') + '. '
          + 'Each operation below says which roles its action grants. See docs/server.md.',
      },
      // Same origin as the document: a partner's generated client takes the host it was given.
      servers: [{ url: '/', description: 'this imketen server' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'imketen_session', description: 'Sign in with POST /api/session; send X-CSRF-Token on changes.' },
          apiToken: { type: 'http', scheme: 'bearer', description: 'An API token (imk_…) of a partner system.' },
          metricsToken: { type: 'http', scheme: 'bearer', description: 'The metrics token of the server (IMKETEN_METRICS_TOKEN), for GET /metrics.' },
        },
      },
      security: [{ session: [] }, { apiToken: [] }],
    },
    // Named schemas (an $id in schemas.ts) keep their name under components.schemas.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    transformObject: (documents) => addExamples(shareNamedSchemas((documents as { openapiObject: Record<string, unknown> }).openapiObject, NAMED_SCHEMAS), loadApiExamples()),
  });
  await app.register(fastifySwaggerUi, { routePrefix: DOCS_PREFIX, uiConfig: { docExpansion: 'list' } });

  app.addHook('onRequest', authenticate(context));
  app.addHook('onResponse', async (request, reply) => {
    context.metrics.observeRequest(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
  });
  // PostgreSQL text cannot hold NUL characters: refuse them as input instead of failing in the database.
  app.addHook('preValidation', async (request) => {
    for (const [where, value] of [['query', request.query], ['path', request.params], ['body', request.body]] as const) {
      if (containsNul(value)) throw new ImketenError('INVALID_INPUT', `The ${where} contains a NUL character (\\u0000), which no field may hold.`);
    }
  });
  app.addHook('preHandler', checkRoute(context));

  if (config.validateResponses) {
    app.addHook('preSerialization', async (request, reply, payload) => {
      const compiled = validators.get(`${request.method} ${request.routeOptions.url}`);
      if (!compiled || payload === null || typeof payload !== 'object' || Buffer.isBuffer(payload)) return payload;
      const status = String(reply.statusCode);
      const validator = compiled.get(status) ?? compiled.get(`${status[0]}xx`) ?? compiled.get('default');
      if (validator && !validator.Check(payload)) {
        const first = [...validator.Errors(payload)][0];
        request.log.error({ status, error: first }, 'response does not match its schema');
        throw new Error(`response does not match its schema at ${first?.instancePath || '/'}: ${first?.message}`);
      }
      return payload;
    });
  }

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    if (!request.url.startsWith(DOCS_PREFIX)) {
      reply.header('cache-control', 'no-store');
      // A route may let its own pages frame a response (an evidence file's inline preview: SAMEORIGIN); all else is never framed.
      if (!reply.hasHeader('x-frame-options')) reply.header('x-frame-options', 'DENY');
    }
    const action = request.routeOptions.config?.action;
    // Safety net: person-level data never leaves without its access-log entry.
    if (action && policy.actions[action]?.personLevel && reply.statusCode < 300 && request.principal && !request.accessLogged) {
      request.log.error({ action }, 'person-level response without an access-log entry');
      reply.code(500).type('application/problem+json');
      return JSON.stringify(problemOf(new ImketenError('DATABASE_UNAVAILABLE', 'The access could not be logged, so nothing is shown.')));
    }
    return payload;
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = toImketenError(error, config.bodyLimitBytes);
    if (!known) request.log.error({ err: error }, 'unexpected error');
    const problem = problemOf(known ?? new ImketenError('DATABASE_UNAVAILABLE', `An unexpected error occurred; it has been logged as request ${request.id}.`), request.url.split('?')[0]);
    if (!known) { problem.status = 500; problem.title = 'Internal error'; problem.code = 'INTERNAL'; problem.type = 'urn:imketen:problem:internal'; }
    if (error instanceof RateLimited) reply.header('retry-after', String(error.retryAfterSeconds));
    return reply.code(problem.status).type('application/problem+json').send(problem);
  });

  app.setNotFoundHandler((request, reply) => {
    const problem = problemOf(new HttpError('ROUTE_NOT_FOUND', `There is no ${request.method} ${request.url.split('?')[0]} in this API. The OpenAPI document at /api/openapi.json lists every endpoint.`));
    return reply.code(404).type('application/problem+json').send(problem);
  });

  await registerRoutes(app, context);
  await app.register(webApp);
  const notifications = deps.followChanges ? listenForChanges(db, { onError: (error) => app.log.warn({ err: error }, 'change notifications') }) : undefined;
  if (notifications) followChanges(context, notifications, (error) => app.log.warn({ err: error }, 'following a change'));
  if (notifications && context.analysisKey) {
    // the analysis facts follow the log (docs/retention.md, "Pseudonymised analysis"): refreshed after writes, never by a read
    const analysis = new AnalysisRefresher(db, context.analysisKey, context.now, (error) => app.log.warn({ err: error }, 'refreshing the analysis facts'));
    context.analysis = analysis;
    notifications.on(CHANNELS.events, () => analysis.schedule());
    notifications.onResync(() => analysis.schedule());
    analysis.schedule();
  }
  app.addHook('onClose', async () => {
    await context.appends.idle();
    await context.accessLog.flush();
    await context.jobs?.stop();
    await notifications?.close();
    await context.analysis?.close();
  });
  await app.ready();
  return app;
}

/** Declares the problem answers (RFC 9457) a route may give, beside its own responses; returns them all. */
function addProblemResponses(schema: unknown, statuses: readonly string[]): Record<string, unknown> {
  const responses = ((schema as { response?: Record<string, unknown> }).response ??= {});
  for (const status of statuses) {
    responses[status] ??= { description: 'RFC 9457 problem details (application/problem+json).', content: { 'application/problem+json': { schema: ProblemSchema } } };
  }
  return responses;
}

/** One line per action for the OpenAPI document: who may, on which data, under which condition. */
function describeAccess(policy: Policy, action: string): string {
  const definition = policy.actions[action]!;
  if (definition.public) return 'public (no sign-in).';
  if (definition.authenticated) return 'every signed-in role.';
  const grants = Object.entries(definition.grants ?? {}).map(([role, list]) => `${role} (${list.map((grant) => `${grant.kinds.join(', ')}${grant.condition ? ` when ${grant.condition}` : ''}${grant.view ? `, view ${grant.view}` : ''}`).join('; ')})`);
  const regimes = policy.sharing.filter((regime) => regime.actions.includes(action)).map((regime) => `${regime.roles.join(', ')} under ${regime.id} (${regime.enabled ? 'on' : 'off'}, from ${regime.effectiveFrom}; requires ${regime.requires.join(' and ') || 'nothing more'})`);
  return `${[...grants, ...regimes].join('; ') || 'nobody'}.${definition.personLevel ? ' Every access is written to the access log with its legal basis.' : ''}`;
}

function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(containsNul);
  // A streamed upload body (POST /api/evidence/{id}/files) is the request stream itself: bytes, not fields.
  if (value && typeof value === 'object' && typeof (value as { pipe?: unknown }).pipe === 'function') return false;
  if (value && typeof value === 'object') return Object.entries(value).some(([key, inner]) => key.includes('\u0000') || containsNul(inner));
  return false;
}

function toImketenError(error: FastifyError, bodyLimit: number): ImketenError | HttpError | undefined {
  if (error instanceof ImketenError || error instanceof HttpError) return error;
  if (error.validation) {
    const where = error.validationContext ?? 'request';
    const problems = error.validation.map((issue) => {
      const path = `${where}${issue.instancePath.replaceAll('/', '.')}`;
      const extra = issue.keyword === 'additionalProperties' ? ` '${String((issue.params as { additionalProperty?: string }).additionalProperty)}'` : '';
      const allowed = issue.keyword === 'enum' || issue.keyword === 'const' ? `: ${JSON.stringify((issue.params as { allowedValues?: unknown; allowedValue?: unknown }).allowedValues ?? (issue.params as { allowedValue?: unknown }).allowedValue)}` : '';
      return { field: path, message: `${path} ${issue.message ?? 'is invalid'}${extra}${allowed}` };
    });
    const unknown = problems.filter((problem) => /must NOT have additional properties/.test(problem.message));
    const message = unknown.length > 0
      ? `The ${where} has unknown fields: ${unknown.map((problem) => problem.message.split("'")[1]).join(', ')}. Remove them (see /api/openapi.json).`
      : `The ${where} is not valid: ${problems.map((problem) => problem.message).join('; ')}.`;
    return new ImketenError('INVALID_INPUT', message, problems.map((problem) => ({ field: problem.field, message: problem.message })));
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpError('PAYLOAD_TOO_LARGE', `The request body is larger than the limit of ${bodyLimit} bytes. Send the events in smaller batches.`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ImketenError('INVALID_INPUT', 'The body is empty but declared as JSON: send a JSON object.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new ImketenError('INVALID_INPUT', `The body is not valid JSON: ${error.message}.`);
    default:
      break;
  }
  if (error instanceof SyntaxError || (error.statusCode === 400 && /JSON/i.test(error.message))) {
    return new ImketenError('INVALID_INPUT', `The body is not valid JSON: ${error.message}.`);
  }
  if (error.statusCode === 413) return new HttpError('PAYLOAD_TOO_LARGE', `The request body is larger than the limit of ${bodyLimit} bytes.`);
  if (error.statusCode === 415) return new HttpError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) return new ImketenError('INVALID_INPUT', error.message);
  const code = (error as { code?: string }).code;
  if (code === 'ECONNREFUSED' || code === '57P01') return new ImketenError('DATABASE_UNAVAILABLE', 'The database is unavailable; try again shortly.');
  return undefined;
}

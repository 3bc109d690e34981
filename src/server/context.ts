/**
 * What every route gets: the store, the policy, the configuration, the clock, the access-log writer, and `guard`,
 * the one way a handler asks the policy and records the access.
 */
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { TokenCache } from '../accounts/api-tokens.js';
import type { AppendQueue } from './append-queue.js';
import type { SharedSignInThrottle } from '../accounts/shared-login-throttle.js';
import type { AccessLogWriter } from '../access-log/access-log-writer.js';
import type { AccessEntry } from '../access-log/access-log.js';
import { authorize, type Decision, type Resource } from '../policy/authorize.js';
import type { Policy, ViewName } from '../policy/policy.js';
import type { Principal } from '../policy/principal.js';
import { registryFacts } from '../policy/registry-facts.js';
import { parseAsOf, type AsOf, type AsOfInput } from '../domain/as-of.js';
import type { FigureCache } from '../reports/figure-cache.js';
import type { ServerMetrics } from './metrics.js';
import type { CaptureSigner } from '../capture/manifest.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { AnalysisRefresher } from './analysis-refresher.js';
import type { Db } from '../store/db.js';
import type { FileStore } from '../store/file-store/file-store.js';
import type { ServerConfig } from './config.js';
import { ImketenError } from '../domain/errors.js';
import { AccessDenied } from './http-errors.js';

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;

export interface ServerContext {
  db: Db;
  policy: Policy;
  config: Readonly<ServerConfig>;
  now: () => Date;
  accessLog: AccessLogWriter;
  /** Failed sign-ins, counted in the store so every server on it slows an attacker alike. */
  loginThrottle: SharedSignInThrottle;
  tokens: TokenCache;
  appends: AppendQueue;
  /** The report figures this server has computed, until the log grows (reads never write the store). */
  figures: FigureCache;
  /** The Prometheus metrics of this server (GET /metrics). */
  metrics: ServerMetrics;
  /** The background job queue, when this server works one (imketen start/serve); tests build servers without. */
  jobs?: JobQueue;
  /** The evidence file store and the largest upload it takes (bytes); absent: the evidence file routes answer 503. */
  files?: { store: FileStore; uploadLimit: number };
  /** Signs the manifests of web captures asked for over the API; absent: POST …/evidence-captures answers 503. */
  captureSigner?: CaptureSigner;
  /** The key of the analysis pseudonyms; absent (tests): an erasure records no analysis facts. */
  analysisKey?: Buffer;
  /** Refreshes the analysis facts after writes (with the key and change notifications: imketen start/serve). */
  analysis?: AnalysisRefresher;
  /** Whether SMTP is configured, so that digests are sent (README, "Notifications"); the preference page says so. */
  mailConfigured?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
    /** The session of a cookie-authenticated request (token in the cookie, and its CSRF token). */
    session?: { token: string; csrfToken: string };
    /** Why a presented credential was refused (bad or revoked token), for routes that need one. */
    authFailure?: string;
    /** Set once the access of a person-level request has been logged. */
    accessLogged?: boolean;
    /** The session's account must choose a new password first (an administrator reset it): only PASSWORD_CHANGE_ACTIONS pass. */
    passwordChangeRequired?: boolean;
  }
  interface FastifyContextConfig {
    /** The policy action of the route (config/policy.json): every /api route declares one. */
    action?: string;
    /** An operational route outside /api (health, readiness, metrics): no session is looked up for it. */
    bare?: boolean;
  }
}

export interface Granted {
  legalBasis: string;
  /** What allowed it: `grant:<role>…` or `regime:<sharing regime id>`. */
  basis: string;
  view?: ViewName;
  personIds: string[];
  /** Records the access (allowed) in the chained access log; resolves once committed. */
  log(details?: { persons?: string[]; resource?: string }): Promise<void>;
}

/** The time axis of a request's query (date, asRecordedAt), parsed once: today and now when not given. */
export function asOfQuery(query: AsOfInput, context: ServerContext): AsOf {
  return parseAsOf(query, context.now());
}

/** Today's legal date by the server's clock. */
export function today(context: ServerContext): string {
  return context.now().toISOString().slice(0, 10);
}

export function purposeOf(request: FastifyRequest, context: ServerContext, principal: Principal): string {
  const header = request.headers['x-purpose'];
  const given = Array.isArray(header) ? header[0] : header;
  if (given && given.trim()) return given.trim().slice(0, 200);
  return context.policy.roles[principal.role]?.defaultPurpose ?? 'unspecified';
}

export function accessEntry(
  request: FastifyRequest, context: ServerContext, principal: Principal,
  fields: { action: string; resource: string; persons: string[]; legalBasis: string | null; outcome: 'allowed' | 'denied'; reason: string | null },
): AccessEntry {
  return {
    at: context.now().toISOString(),
    principalKind: principal.kind,
    accountId: principal.accountId ?? null,
    tokenId: principal.tokenId ?? null,
    username: principal.username,
    organisation: principal.organisation,
    role: principal.role,
    purpose: purposeOf(request, context, principal),
    requestId: String(request.id),
    ...fields,
  };
}

/**
 * Asks the policy whether the request may perform `action` on `resource`. A refusal of person-level data is
 * logged and thrown as 403 with the reason and the bases that would allow it; an allowed access returns a
 * `log` the handler calls once it knows exactly which persons it shows.
 */
export async function guard(request: FastifyRequest, context: ServerContext, action: string, resource?: Resource): Promise<Granted> {
  const principal = request.principal;
  const decision: Decision = await authorize(context.policy, principal, action, resource, { date: today(context), facts: registryFacts(context.db, context.now()) });
  const personLevel = context.policy.actions[action]?.personLevel === true;
  const target = resource?.stream ?? resource?.kind ?? action;
  if (!decision.allowed) {
    if (personLevel && principal) {
      await context.accessLog.log(accessEntry(request, context, principal, {
        action, resource: target, persons: decision.personIds, legalBasis: null, outcome: 'denied', reason: decision.reason,
      }));
    }
    // The real reason names persons and cases; it is for the access log (the auditor), not for the caller.
    if (decision.status === 403 && principal && resource?.stream && !WRITE_ACTIONS.has(action)) throw refusalOf(principal, resource.stream, decision.allowingBases);
    throw new AccessDenied(decision.status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN', decision.reason, decision.allowingBases, decision.status === 401 ? undefined : { key: 'actionRefused', params: { action } });
  }
  return {
    legalBasis: decision.legalBasis,
    basis: decision.basis,
    view: decision.view,
    personIds: decision.personIds,
    async log(details = {}) {
      if (!personLevel || !principal) return;
      await context.accessLog.log(accessEntry(request, context, principal, {
        action, resource: details.resource ?? target, persons: details.persons ?? decision.personIds, legalBasis: decision.legalBasis, outcome: 'allowed', reason: null,
      }));
      request.accessLogged = true;
    },
  };
}

/** Appends and retractions: their refusals are the write policy's (routes/events.ts). */
const WRITE_ACTIONS = new Set(['events.append', 'events.retract']);

/**
 * The refusal of one person or case, the same whether it exists or not: it names only what the caller asked for,
 * and the legal bases that would allow such access (they follow from the policy, not from the stream). A route
 * that finds a stream missing after the policy allowed it answers 404 only to roles that may read every stream of
 * its kind, for whom existence is no secret.
 */
export function refusalOf(principal: Principal, stream: string, allowingBases: readonly string[]): AccessDenied {
  return new AccessDenied('FORBIDDEN', `Refused: ${principal.role} (${principal.organisation}) may not see ${stream}: it does not exist, or the access policy does not let you see it. What would allow it is listed in allowingBases.`, allowingBases, { key: 'notVisible', params: { stream } });
}

/** Cursor pagination over a sorted key: fetch limit + 1 to know whether there is a next page. */
export function pageOf<T>(rows: T[], limit: number, cursor: (row: T) => string): { items: T[]; next: string | null } {
  const items = rows.slice(0, limit);
  return { items, next: rows.length > limit && items.length > 0 ? cursor(items[items.length - 1]!) : null };
}

/**
 * An opaque cursor for lists sorted in memory by a key other than their id: the sort, the order, the last row's key
 * and id, base64url-encoded JSON. The client passes it back as it got it; `readCursor` refuses, with INVALID_CURSOR
 * (400), a cursor that is not one of ours or was handed out for another sort or order.
 */
export interface CursorPosition { sort: string; order: 'asc' | 'desc'; key: string | number; id: number }

export function writeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.sort, position.order, position.key, position.id]), 'utf8').toString('base64url');
}

export function readCursor(cursor: string, expected: { sort: string; order: 'asc' | 'desc' }): CursorPosition {
  const refuse = (why: string) => new ImketenError('INVALID_CURSOR', `The cursor 'after' is not valid for this list: ${why}. Start again from the first page (without 'after') and pass the 'next' of each page as it is.`, [], { key: 'invalidCursor' });
  let parsed: unknown;
  try {
    parsed = /^[A-Za-z0-9_-]+$/.test(cursor) ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw refuse('it is not a cursor this server handed out');
  const [sort, order, key, id] = parsed as unknown[];
  if (typeof sort !== 'string' || (order !== 'asc' && order !== 'desc') || (typeof key !== 'string' && typeof key !== 'number') || !Number.isSafeInteger(id)) {
    throw refuse('it is not a cursor this server handed out');
  }
  if (sort !== expected.sort || order !== expected.order) throw refuse(`it was handed out for sort ${sort} ${order}, not ${expected.sort} ${expected.order}`);
  return { sort, order, key, id: id as number };
}

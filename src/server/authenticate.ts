/**
 * Who sent a request: an API token (Authorization: Bearer imk_…) or a session cookie. Then, per route: public
 * actions pass; others need a principal; cookie sessions must send their CSRF token on state-changing requests;
 * a role the policy grants nothing for the action is refused here, before any handler runs.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { findSessionPrincipal } from '../accounts/sessions.js';
import { authorize, rolesGranted } from '../policy/authorize.js';
import { registryFacts } from '../policy/registry-facts.js';
import { accessEntry, today, type ServerContext } from './context.js';
import { ImketenError } from '../domain/errors.js';
import { AccessDenied, HttpError } from './http-errors.js';

export const SESSION_COOKIE = 'imketen_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What a session whose password an administrator reset may do: see who it is, change the password, sign out. */
export const PASSWORD_CHANGE_ACTIONS: ReadonlySet<string> = new Set(['session.login', 'session.read', 'session.password', 'session.logout']);

export function authenticate(context: ServerContext) {
  return async (request: FastifyRequest): Promise<void> => {
    if (request.routeOptions.config?.bare) return;
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const token = match ? await context.tokens.find(context.db, match[1]!, context.now()) : undefined;
      if (!token) {
        request.authFailure = 'The API token is unknown, expired or revoked. Ask an administrator of imketen for a new one.';
        return;
      }
      request.principal = { kind: 'token', tokenId: token.id, username: `token:${token.id}:${token.name}`, organisation: token.organisation, role: token.role };
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) {
      const found = await findSessionPrincipal(context.db, cookie, context.now());
      if (!found) return;
      request.principal = { kind: 'user', accountId: found.accountId, username: found.username, organisation: found.organisation, role: found.role };
      request.session = { token: cookie, csrfToken: found.csrfToken };
      // Refused before the body is even read: such a session may only see who it is, change the password or sign out.
      if (found.mustChangePassword) {
        request.passwordChangeRequired = true;
        const action = request.routeOptions.config?.action;
        if (action && !PASSWORD_CHANGE_ACTIONS.has(action)) {
          throw new ImketenError('PASSWORD_CHANGE_REQUIRED', 'An administrator has reset the password of this account: choose a new password first (POST /api/session/password); until then this session can do nothing else.', [], { key: 'passwordChangeRequired' });
        }
      }
    }
  };
}

export function checkRoute(context: ServerContext) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const action = request.routeOptions.config.action;
    if (!action) return;
    const definition = context.policy.actions[action]!;
    if (definition.public) return;
    if (request.authFailure) throw new AccessDenied('UNAUTHENTICATED', request.authFailure);
    const principal = request.principal;
    if (!principal) throw new AccessDenied('UNAUTHENTICATED', 'You are not signed in. Sign in (POST /api/session) or send an API token (Authorization: Bearer …).', [], { key: 'notSignedIn' });
    if (request.session && !SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      const given = Buffer.from(typeof header === 'string' ? header : '');
      const expected = Buffer.from(request.session.csrfToken);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new HttpError('CSRF_TOKEN_INVALID', 'This request changes data but lacks the CSRF token of your session: send the csrfToken from POST or GET /api/session in the X-CSRF-Token header.');
      }
    }
    if (definition.authenticated) return;
    if (!rolesGranted(context.policy, action).includes(principal.role)) {
      // No grant or regime at all for this role: refuse before the handler, with the policy's reason.
      const decision = await authorize(context.policy, principal, action, undefined, { date: today(context), facts: registryFacts(context.db, context.now()) });
      const reason = decision.allowed ? 'refused' : decision.reason;
      if (definition.personLevel) {
        await context.accessLog.log(accessEntry(request, context, principal, { action, resource: request.url.split('?')[0]!, persons: [], legalBasis: null, outcome: 'denied', reason }));
      }
      throw new AccessDenied('FORBIDDEN', reason, decision.allowed ? [] : decision.allowingBases, { key: 'actionRefused', params: { action } });
    }
  };
}

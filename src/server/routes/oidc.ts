/**
 * Single sign-on endpoints (only active when IMKETEN_OIDC_ISSUER is configured): start, and the provider's callback.
 */
import { Type } from 'typebox';
import { oidcLogin } from '../../accounts/oidc-login.js';
import { createSession } from '../../accounts/sessions.js';
import { HttpError } from '../http-errors.js';
import type { App, ServerContext } from '../context.js';
import { setSessionCookie } from '../cookies.js';
import { PrincipalSchema } from '../schemas.js';

const PENDING_COOKIE = 'imketen_oidc';

export async function registerOidcRoutes(app: App, context: ServerContext): Promise<void> {
  const login = context.config.oidc ? oidcLogin(context.config.oidc, context.db, context.policy) : undefined;
  const configured = () => {
    if (!login) throw new HttpError('ROUTE_NOT_FOUND', 'Single sign-on is not configured on this server (IMKETEN_OIDC_ISSUER).');
    return login;
  };

  app.get('/api/auth/oidc/login', {
    config: { action: 'session.login' },
    schema: { tags: ['session'], summary: 'Sign in through single sign-on: redirects to the identity provider', security: [], response: { 302: Type.Null({ description: 'To the identity provider (the Location header).' }) } },
  }, async (_request, reply) => {
    const { url, key } = await configured().begin(context.now());
    // SameSite=Lax: the provider's redirect back to us is a cross-site top-level navigation that must carry it.
    reply.setCookie(PENDING_COOKIE, key, { path: '/api/auth/oidc', httpOnly: true, sameSite: 'lax', secure: 'auto', maxAge: 600 });
    return reply.redirect(url, 302);
  });

  app.get('/api/auth/oidc/callback', {
    config: { action: 'session.login' },
    schema: {
      tags: ['session'], summary: "The identity provider's redirect back: opens a session", security: [],
      querystring: Type.Object({}, { additionalProperties: Type.String({ maxLength: 4000 }) }),
      response: { 200: Type.Object({ principal: PrincipalSchema, csrfToken: Type.String(), expiresAt: Type.String() }), 303: Type.Null() },
    },
  }, async (request, reply) => {
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
    const account = await configured().complete(request.cookies[PENDING_COOKIE], query, context.now());
    reply.clearCookie(PENDING_COOKIE, { path: '/api/auth/oidc' });
    const { token, session } = await createSession(context.db, account, 'oidc', context.now(), context.config.sessionTtlMinutes);
    setSessionCookie(reply, token, context.config.sessionTtlMinutes * 60);
    // A browser arrives here by the provider's redirect: send it on to the application, which reads its session
    // (and CSRF token) from GET /api/session. Other clients get the session as JSON, as from POST /api/session.
    // Browsers put text/html first in Accept when they navigate.
    if ((request.headers.accept ?? '').trimStart().startsWith('text/html')) return reply.redirect('/', 303);
    return {
      principal: { kind: 'user', accountId: account.id, username: account.username, organisation: account.organisation, role: account.role },
      csrfToken: session.csrfToken, expiresAt: session.expiresAt,
    };
  });
}

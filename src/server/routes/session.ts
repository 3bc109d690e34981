import { Type } from 'typebox';
import { passwordLogin } from '../../accounts/login.js';
import { createSession, deleteSession } from '../../accounts/sessions.js';
import { ImketenError } from '../../domain/errors.js';
import type { App, ServerContext } from '../context.js';
import { clearSessionCookie, setSessionCookie } from '../cookies.js';
import { RateLimited } from '../http-errors.js';
import { PrincipalSchema } from '../schemas.js';

const SessionSchema = Type.Object({
  principal: PrincipalSchema,
  csrfToken: Type.String({ description: 'Send it as X-CSRF-Token on every request that changes data.' }),
  expiresAt: Type.Optional(Type.String()),
});

export function registerSessionRoutes(app: App, context: ServerContext): void {
  app.post('/api/session', {
    config: { action: 'session.login' },
    schema: {
      tags: ['session'], summary: 'Sign in with username and password', security: [],
      description: 'Opens a new session (a new cookie every time: no session fixation). Failed attempts are throttled per username and per client address with growing delays (429 with Retry-After); no account is ever locked. Every failure gets the same answer, whether the account exists, is disabled or the password is wrong.',
      body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 100 }), password: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false }),
      response: { 200: SessionSchema },
    },
  }, async (request, reply) => {
    const now = context.now();
    const { username } = request.body;
    // Before any look-up: the same wait for a known, an unknown and a disabled username.
    const wait = await context.loginThrottle.wait(username, request.ip, now.getTime());
    if (wait > 0) throw new RateLimited(`Too many failed sign-in attempts: wait ${wait} seconds before trying again.`, wait, { key: 'signInThrottled', params: { seconds: wait } });
    // Whatever session the client had is ended: the new session gets a fresh token (session fixation).
    if (request.session) await deleteSession(context.db, request.session.token);
    const account = await passwordLogin(context.db, request.body).catch(async (error: unknown) => {
      await context.loginThrottle.fail(username, request.ip, now.getTime());
      throw error;
    });
    await context.loginThrottle.succeed(username);
    const { token, session } = await createSession(context.db, account, 'password', now, context.config.sessionTtlMinutes);
    setSessionCookie(reply, token, context.config.sessionTtlMinutes * 60);
    return {
      principal: { kind: 'user', accountId: account.id, username: account.username, organisation: account.organisation, role: account.role },
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt,
    };
  });

  app.get('/api/session', {
    config: { action: 'session.read' },
    schema: { tags: ['session'], summary: 'Who am I (and the CSRF token of my session)', response: { 200: SessionSchema } },
  }, async (request) => {
    const principal = request.principal!;
    return { principal: { ...principal }, csrfToken: request.session?.csrfToken ?? '' };
  });

  app.delete('/api/session', {
    config: { action: 'session.logout' },
    schema: { tags: ['session'], summary: 'Sign out', response: { 204: Type.Null() } },
  }, async (request, reply) => {
    if (!request.session) throw new ImketenError('INVALID_INPUT', 'There is no session to end: API tokens are revoked by an administrator (DELETE /api/tokens/{id}).');
    await deleteSession(context.db, request.session.token);
    clearSessionCookie(reply);
    return reply.code(204).send(null);
  });
}

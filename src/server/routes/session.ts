import { Type } from 'typebox';
import { passwordLogin } from '../../accounts/login.js';
import { createSession, deleteSession } from '../../accounts/sessions.js';
import { appendAccess } from '../../access-log/access-log.js';
import { updateOwnPassword } from '../../accounts/password-change.js';
import { MIN_PASSWORD_LENGTH } from '../../accounts/passwords.js';
import { ImketenError } from '../../domain/errors.js';
import { accessEntry, type App, type ServerContext } from '../context.js';
import { clearSessionCookie, setSessionCookie } from '../cookies.js';
import { RateLimited } from '../http-errors.js';
import { PrincipalSchema } from '../schemas.js';

const SessionSchema = Type.Object({
  principal: PrincipalSchema,
  csrfToken: Type.String({ description: 'Send it as X-CSRF-Token on every request that changes data.' }),
  expiresAt: Type.Optional(Type.String()),
  passwordChangeRequired: Type.Boolean({ description: 'An administrator reset the password: until POST /api/session/password this session may do nothing else (every other route answers 403 PASSWORD_CHANGE_REQUIRED).' }),
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
      passwordChangeRequired: account.mustChangePassword,
    };
  });

  app.post('/api/session/password', {
    config: { action: 'session.password' },
    schema: {
      tags: ['session'], operationId: 'updateOwnPassword',
      summary: 'Change my own password: the current one, and a new one that meets the rules and differs from it',
      description: "Required after an administrator's reset (the sign-in answers passwordChangeRequired: true and every other route 403 PASSWORD_CHANGE_REQUIRED); allowed at any time. Ends the account's other sessions; this one stays signed in. Logged in the access log as account.password-change.",
      body: Type.Object({
        currentPassword: Type.String({ minLength: 1, maxLength: 1000 }),
        newPassword: Type.String({ minLength: 1, maxLength: 1000, description: `At least ${MIN_PASSWORD_LENGTH} characters, not the current password.` }),
      }, { additionalProperties: false }),
      response: { 200: SessionSchema },
    },
  }, async (request) => {
    const principal = request.principal!;
    if (principal.kind !== 'user' || !request.session) throw new ImketenError('INVALID_INPUT', 'An API token has no password: only a signed-in person changes their own password.');
    const now = context.now();
    const wait = await context.loginThrottle.wait(principal.username, request.ip, now.getTime());
    if (wait > 0) throw new RateLimited(`Too many failed attempts: wait ${wait} seconds before trying again.`, wait, { key: 'signInThrottled', params: { seconds: wait } });
    const account = await context.db.transaction(async (tx) => {
      const changed = await updateOwnPassword(tx, { username: principal.username, sessionToken: request.session!.token }, request.body);
      await appendAccess(tx, accessEntry(request, context, principal, {
        action: 'account.password-change', resource: `account/${changed.username}`, persons: [], legalBasis: 'the account holder changes their own password', outcome: 'allowed',
        reason: request.passwordChangeRequired ? "own new password chosen after an administrator's reset" : 'own password changed (other sessions ended)',
      }));
      return changed;
    }).catch(async (error: unknown) => {
      // A wrong current password counts as a failed sign-in: the password change is no way around the throttle.
      if (error instanceof ImketenError && error.reason?.key === 'currentPasswordWrong') await context.loginThrottle.fail(principal.username, request.ip, now.getTime());
      throw error;
    });
    return {
      principal: { kind: 'user', accountId: account.id, username: account.username, organisation: account.organisation, role: account.role },
      csrfToken: request.session.csrfToken,
      passwordChangeRequired: false,
    };
  });

  app.get('/api/session', {
    config: { action: 'session.read' },
    schema: { tags: ['session'], summary: 'Who am I (and the CSRF token of my session)', response: { 200: SessionSchema } },
  }, async (request) => {
    const principal = request.principal!;
    return { principal: { ...principal }, csrfToken: request.session?.csrfToken ?? '', passwordChangeRequired: request.passwordChangeRequired === true };
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

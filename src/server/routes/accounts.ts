/**
 * Account and API-token management: the administrator's work (accounts.manage, tokens.manage). No case data here.
 */
import { Type } from 'typebox';
import { createAccount, listAccounts, updateAccount } from '../../accounts/accounts.js';
import { issueToken, listTokens, revokeToken } from '../../accounts/api-tokens.js';
import { guard, pageOf, type App, type ServerContext } from '../context.js';
import { AccountSchema, ApiTokenSchema, Page } from '../schemas.js';

const IdPage = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  after: Type.Optional(Type.Integer({ minimum: 0 })),
};

export function registerAccountRoutes(app: App, context: ServerContext): void {
  app.get('/api/accounts', {
    config: { action: 'accounts.manage' },
    schema: { tags: ['accounts'], summary: 'List accounts', querystring: Type.Object(IdPage, { additionalProperties: false }), response: { 200: Page(AccountSchema, 'A page of accounts.') } },
  }, async (request) => {
    await guard(request, context, 'accounts.manage', { kind: 'accounts' });
    const limit = request.query.limit ?? 100;
    return pageOf(await listAccounts(context.db, { afterId: request.query.after ?? 0, limit: limit + 1 }), limit, (row) => String(row.id));
  });

  app.post('/api/accounts', {
    config: { action: 'accounts.manage' },
    schema: {
      tags: ['accounts'], summary: 'Create an account (password, or a single sign-on identity)',
      body: Type.Object({
        username: Type.String({ minLength: 2, maxLength: 63 }),
        displayName: Type.String({ minLength: 1, maxLength: 200 }),
        role: Type.String({ minLength: 1, maxLength: 50 }),
        password: Type.Optional(Type.String({ minLength: 12, maxLength: 1000 })),
        oidcIssuer: Type.Optional(Type.String({ maxLength: 500 })),
        oidcSubject: Type.Optional(Type.String({ maxLength: 500 })),
      }, { additionalProperties: false }),
      response: { 201: AccountSchema },
    },
  }, async (request, reply) => {
    await guard(request, context, 'accounts.manage', { kind: 'accounts' });
    return reply.code(201).send(await createAccount(context.db, context.policy, request.body, context.now()));
  });

  app.patch('/api/accounts/:id', {
    config: { action: 'accounts.manage' },
    schema: {
      tags: ['accounts'], summary: 'Disable or enable, unlock, set a new password or role (ends the account\'s sessions)',
      params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
      body: Type.Object({
        disabled: Type.Optional(Type.Boolean()),
        unlock: Type.Optional(Type.Boolean()),
        password: Type.Optional(Type.String({ minLength: 12, maxLength: 1000 })),
        role: Type.Optional(Type.String({ maxLength: 50 })),
      }, { additionalProperties: false }),
      response: { 200: AccountSchema },
    },
  }, async (request) => {
    await guard(request, context, 'accounts.manage', { kind: 'accounts' });
    return updateAccount(context.db, context.policy, request.params.id, request.body);
  });

  app.get('/api/tokens', {
    config: { action: 'tokens.manage' },
    schema: { tags: ['accounts'], summary: 'List API tokens', querystring: Type.Object(IdPage, { additionalProperties: false }), response: { 200: Page(ApiTokenSchema, 'A page of API tokens.') } },
  }, async (request) => {
    await guard(request, context, 'tokens.manage', { kind: 'tokens' });
    const limit = request.query.limit ?? 100;
    return pageOf(await listTokens(context.db, { afterId: request.query.after ?? 0, limit: limit + 1 }), limit, (row) => String(row.id));
  });

  app.post('/api/tokens', {
    config: { action: 'tokens.manage' },
    schema: {
      tags: ['accounts'], summary: 'Issue an API token for a partner system (one organisation and role); the secret is shown once',
      body: Type.Object({
        name: Type.String({ minLength: 1, maxLength: 100 }),
        role: Type.String({ minLength: 1, maxLength: 50 }),
        expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
      }, { additionalProperties: false }),
      response: { 201: Type.Object({ token: Type.String(), apiToken: ApiTokenSchema }) },
    },
  }, async (request, reply) => {
    await guard(request, context, 'tokens.manage', { kind: 'tokens' });
    return reply.code(201).send(await issueToken(context.db, context.policy, request.body, request.principal!.accountId, context.now()));
  });

  app.delete('/api/tokens/:id', {
    config: { action: 'tokens.manage' },
    schema: { tags: ['accounts'], summary: 'Revoke an API token (at once)', params: Type.Object({ id: Type.Integer({ minimum: 1 }) }), response: { 200: ApiTokenSchema } },
  }, async (request) => {
    await guard(request, context, 'tokens.manage', { kind: 'tokens' });
    const revoked = await revokeToken(context.db, request.params.id, context.now());
    context.tokens.forget(revoked.id);
    return revoked;
  });
}

/**
 * Account and API-token management: the administrator's work (accounts.manage, tokens.manage). No case data here.
 * Separation of duties (src/accounts/approvals.ts): what would let an account or a token read case data is a
 * request until a second administrator approves it (202); taking access away takes effect at once. Every change,
 * request and decision is written to the access log in the same transaction as the change itself.
 */
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { appendAccess } from '../../access-log/access-log.js';
import { checkAccountChange, checkNewAccount, createAccount, findAccountById, findAccountByUsername, listAccounts, updateAccount, type AccountChange } from '../../accounts/accounts.js';
import { issueToken, listTokens, revokeToken } from '../../accounts/api-tokens.js';
import { decideApproval, listApprovals, requestApproval, roleNeedsSecondAdministrator, type Approval, type ApprovalChange, type ApprovalKind } from '../../accounts/approvals.js';
import { hashPassword } from '../../accounts/passwords.js';
import { ImketenError } from '../../domain/errors.js';
import type { Queryable } from '../../store/db.js';
import { accessEntry, guard, pageOf, type App, type Granted, type ServerContext } from '../context.js';
import { AccountSchema, ApiTokenSchema, ApprovalSchema, Page } from '../schemas.js';

const IdPage = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  after: Type.Optional(Type.Integer({ minimum: 0 })),
};

const Pending = (description: string) => Type.Object({ approval: ApprovalSchema }, { description });

/** One row of the access log for an administrative act: who did what to which account or token, and the outcome. */
function adminLog(
  tx: Queryable, request: FastifyRequest, context: ServerContext, granted: Granted,
  act: { action: string; resource: string; detail: string; outcome?: 'allowed' | 'denied' },
): Promise<number[]> {
  return appendAccess(tx, adminEntry(request, context, granted, act));
}

function adminEntry(request: FastifyRequest, context: ServerContext, granted: Granted, act: { action: string; resource: string; detail: string; outcome?: 'allowed' | 'denied' }) {
  const outcome = act.outcome ?? 'allowed';
  return accessEntry(request, context, request.principal!, {
    action: act.action, resource: act.resource, persons: [], legalBasis: outcome === 'allowed' ? granted.legalBasis : null, outcome, reason: act.detail,
  });
}

/** The acting administrator's account: requests and decisions are made by people, never by tokens. */
function actor(request: FastifyRequest): number {
  const id = request.principal?.accountId;
  if (id === undefined) throw new ImketenError('FORBIDDEN', 'Account and token changes are made by a signed-in administrator, not by an API token.');
  return id;
}

export function registerAccountRoutes(app: App, context: ServerContext): void {
  const needsApproval = (role: string) => roleNeedsSecondAdministrator(context.policy, role);

  async function submitRequest(
    tx: Queryable, httpRequest: FastifyRequest, granted: Granted,
    what: { kind: ApprovalKind; resource: string; summary: string; change: ApprovalChange; accountId?: number; tokenId?: number },
  ): Promise<Approval> {
    const approval = await requestApproval(tx, { ...what, requestedBy: actor(httpRequest) }, context.now());
    await adminLog(tx, httpRequest, context, granted, {
      action: what.kind, resource: what.resource, detail: `requested: ${what.summary}; waits for a second administrator (approval ${approval.id})`,
    });
    return approval;
  }

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
      description: 'An account whose role reads case data (or administers, or audits) is created only when a second administrator approves the request (202); others at once (201). A password given here is temporary: at the first sign-in the account must choose its own (mustChangePassword).',
      body: Type.Object({
        username: Type.String({ minLength: 2, maxLength: 63 }),
        displayName: Type.String({ minLength: 1, maxLength: 200 }),
        role: Type.String({ minLength: 1, maxLength: 50 }),
        password: Type.Optional(Type.String({ minLength: 12, maxLength: 1000 })),
        oidcIssuer: Type.Optional(Type.String({ maxLength: 500 })),
        oidcSubject: Type.Optional(Type.String({ maxLength: 500 })),
      }, { additionalProperties: false }),
      response: { 201: AccountSchema, 202: Pending('The request, waiting for a second administrator.') },
    },
  }, async (request, reply) => {
    const granted = await guard(request, context, 'accounts.manage', { kind: 'accounts' });
    const { password, ...rest } = request.body;
    checkNewAccount(context.policy, request.body);
    // Hashed before the transaction: Argon2id takes a while, the transaction should not. A password an
    // administrator typed for someone else is temporary, as after a reset: the account must choose its own.
    const account = { ...rest, ...(password === undefined ? {} : { passwordHash: await hashPassword(password), mustChangePassword: true }) };
    const resource = `account/${account.username}`;
    if (needsApproval(account.role)) {
      if (await findAccountByUsername(context.db, account.username)) throw new ImketenError('ACCOUNT_EXISTS', `An account '${account.username}' already exists.`);
      const approval = await context.db.transaction((tx) => submitRequest(tx, request, granted, {
        kind: 'account.create', resource, summary: `create account ${account.username} with role ${account.role}`, change: { account },
      }));
      return reply.code(202).send({ approval });
    }
    const created = await context.db.transaction(async (tx) => {
      const row = await createAccount(tx, context.policy, account, context.now());
      await adminLog(tx, request, context, granted, { action: 'account.create', resource, detail: `created with role ${row.role} (${row.organisation})` });
      return row;
    });
    return reply.code(201).send(created);
  });

  app.patch('/api/accounts/:id', {
    config: { action: 'accounts.manage' },
    schema: {
      tags: ['accounts'], summary: 'Disable or enable, unlock, set a new password or role (ends the account\'s sessions)',
      description: 'Disabling and unlocking take effect at once. A role that reads case data, a new password or re-enabling of an account with such a role waits for a second administrator (202, with the requests); what needs no approval is done at once.',
      params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
      body: Type.Object({
        disabled: Type.Optional(Type.Boolean()),
        unlock: Type.Optional(Type.Boolean()),
        password: Type.Optional(Type.String({ minLength: 12, maxLength: 1000 })),
        role: Type.Optional(Type.String({ maxLength: 50 })),
      }, { additionalProperties: false }),
      response: {
        200: AccountSchema,
        202: Type.Object({ account: AccountSchema, approvals: Type.Array(ApprovalSchema) }, { description: 'Done what needs no approval; the rest waits for a second administrator.' }),
      },
    },
  }, async (request, reply) => {
    const granted = await guard(request, context, 'accounts.manage', { kind: 'accounts' });
    const body = request.body;
    const target = await findAccountById(context.db, request.params.id);
    if (!target) throw new ImketenError('ACCOUNT_NOT_FOUND', `No account with id ${request.params.id}.`);
    checkAccountChange(context.policy, body);
    const resource = `account/${target.username}`;
    const passwordHash = body.password === undefined ? undefined : await hashPassword(body.password);
    const roleAfter = body.role ?? target.role;
    const now: AccountChange = {};
    const acts: { action: string; detail: string }[] = [];
    const requests: { kind: ApprovalKind; summary: string; change: ApprovalChange }[] = [];
    if (body.disabled === true && !target.disabled) { now.disabled = true; acts.push({ action: 'account.disable', detail: 'disabled (its sessions ended)' }); }
    if (body.disabled === false && target.disabled) {
      if (needsApproval(roleAfter)) requests.push({ kind: 'account.enable', summary: `enable account ${target.username} (${roleAfter})`, change: { disabled: false } });
      else { now.disabled = false; acts.push({ action: 'account.enable', detail: 'enabled' }); }
    }
    if (body.unlock) acts.push({ action: 'account.unlock', detail: 'sign-in delays cleared' });
    if (body.role !== undefined && body.role !== target.role) {
      if (needsApproval(body.role)) requests.push({ kind: 'account.role', summary: `give account ${target.username} the role ${body.role} (now ${target.role})`, change: { role: body.role } });
      else { now.role = body.role; acts.push({ action: 'account.role', detail: `role ${target.role} → ${body.role}` }); }
    }
    if (passwordHash !== undefined) {
      // Whoever sets the password of a case-reading account could sign in as it: four eyes.
      if (needsApproval(target.role) || needsApproval(roleAfter)) requests.push({ kind: 'account.password', summary: `set a new password for account ${target.username} (${target.role})`, change: { passwordHash } });
      else { now.passwordHash = passwordHash; acts.push({ action: 'account.password', detail: 'new password set (its sessions ended)' }); }
    }
    const result = await context.db.transaction(async (tx) => {
      const account = Object.keys(now).length > 0 ? await updateAccount(tx, context.policy, target.id, now) : target;
      for (const act of acts) await adminLog(tx, request, context, granted, { ...act, resource });
      const approvals: Approval[] = [];
      for (const item of requests) approvals.push(await submitRequest(tx, request, granted, { ...item, resource, accountId: target.id }));
      return { account, approvals };
    });
    if (body.unlock) await context.loginThrottle.succeed(target.username);
    if (result.approvals.length === 0) return reply.code(200).send(result.account);
    return reply.code(202).send(result);
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
      description: 'Expires after the server\'s tokenExpiryDays (90 by default) unless an earlier expiresAt is given. A token for a role that reads case data works only once a second administrator approves it (202).',
      body: Type.Object({
        name: Type.String({ minLength: 1, maxLength: 100 }),
        role: Type.String({ minLength: 1, maxLength: 50 }),
        expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
      }, { additionalProperties: false }),
      response: {
        201: Type.Object({ token: Type.String(), apiToken: ApiTokenSchema }),
        202: Type.Object({ token: Type.String(), apiToken: ApiTokenSchema, approval: ApprovalSchema }, { description: 'Issued, but it opens nothing until a second administrator approves it.' }),
      },
    },
  }, async (request, reply) => {
    const granted = await guard(request, context, 'tokens.manage', { kind: 'tokens' });
    const pending = needsApproval(request.body.role);
    const result = await context.db.transaction(async (tx) => {
      const issued = await issueToken(tx, context.policy, request.body, actor(request), context.now(), { expiryDays: context.config.tokenExpiryDays, pendingApproval: pending });
      const { apiToken } = issued;
      const resource = `token/${apiToken.id}`;
      if (!pending) {
        await adminLog(tx, request, context, granted, { action: 'token.issue', resource, detail: `issued '${apiToken.name}' with role ${apiToken.role}, expires ${apiToken.expiresAt}` });
        return issued;
      }
      const approval = await submitRequest(tx, request, granted, {
        kind: 'token.issue', resource, tokenId: apiToken.id, change: {},
        summary: `activate API token ${apiToken.id} '${apiToken.name}' with role ${apiToken.role}, expires ${apiToken.expiresAt}`,
      });
      return { ...issued, approval };
    });
    return reply.code('approval' in result ? 202 : 201).send(result);
  });

  app.delete('/api/tokens/:id', {
    config: { action: 'tokens.manage' },
    schema: { tags: ['accounts'], summary: 'Revoke an API token (at once)', params: Type.Object({ id: Type.Integer({ minimum: 1 }) }), response: { 200: ApiTokenSchema } },
  }, async (request) => {
    const granted = await guard(request, context, 'tokens.manage', { kind: 'tokens' });
    const revoked = await context.db.transaction(async (tx) => {
      const row = await revokeToken(tx, request.params.id, context.now());
      await adminLog(tx, request, context, granted, { action: 'token.revoke', resource: `token/${row.id}`, detail: `revoked '${row.name}' (${row.role})` });
      return row;
    });
    context.tokens.forget(revoked.id);
    return revoked;
  });

  app.get('/api/approvals', {
    config: { action: 'accounts.manage' },
    schema: {
      tags: ['accounts'], summary: 'Requests for a second administrator\'s approval (separation of duties), oldest first',
      querystring: Type.Object({ ...IdPage, status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')])) }, { additionalProperties: false }),
      response: { 200: Page(ApprovalSchema, 'A page of approval requests.') },
    },
  }, async (request) => {
    await guard(request, context, 'accounts.manage', { kind: 'accounts' });
    const limit = request.query.limit ?? 100;
    return pageOf(await listApprovals(context.db, { afterId: request.query.after ?? 0, limit: limit + 1, status: request.query.status }), limit, (row) => String(row.id));
  });

  app.post('/api/approvals/:id', {
    config: { action: 'accounts.manage' },
    schema: {
      tags: ['accounts'], summary: 'Approve (and so apply) or reject another administrator\'s request',
      params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
      body: Type.Object({ decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]) }, { additionalProperties: false }),
      response: { 200: ApprovalSchema },
    },
  }, async (request) => {
    const granted = await guard(request, context, 'accounts.manage', { kind: 'accounts' });
    const action = `approval.${request.body.decision}`;
    const resource = `approval/${request.params.id}`;
    try {
      return await context.db.transaction(async (tx) => {
        const { approval } = await decideApproval(tx, context.policy, request.params.id, request.body.decision, actor(request), context.now());
        await adminLog(tx, request, context, granted, { action, resource, detail: `${approval.status}: ${approval.summary} (requested by ${approval.requestedBy})` });
        return approval;
      });
    } catch (error) {
      // A refused decision changed nothing, but the attempt is on record.
      if (error instanceof ImketenError && error.code === 'FORBIDDEN') {
        await context.accessLog.log(adminEntry(request, context, granted, { action, resource, detail: error.message, outcome: 'denied' }));
      }
      throw error;
    }
  });
}

/**
 * A password an administrator reset is temporary: the sign-in succeeds only to the change-password step
 * (passwordChangeRequired), every other route refuses with 403 PASSWORD_CHANGE_REQUIRED, and once the account has
 * chosen its own password — meeting the rules, not the current one — it works again. The change is an account
 * event in the access log. So is a password an administrator gives a new account. A user may change their own
 * password at any time, too.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createAccount } from '../../accounts/accounts.js';
import { TEST_ENGINES } from '../../store/testing/test-stores.js';
import { sessionCookie, startTestServer, TEST_PASSWORD, type Client, type TestServer } from '../testing/test-server.js';

const TEMPORARY = 'tijdelijk wachtwoord 2026';
const CHOSEN = 'mijn eigen wachtwoord 2026';

describe('a reset password must be changed before anything else', () => {
  let server: TestServer;
  let first: Client;
  let second: Client;
  before(async () => {
    server = await startTestServer(TEST_ENGINES[0]!);
    first = await server.signIn('admin', 'beheer.een');
    second = await server.signIn('admin', 'beheer.twee');
  });
  after(async () => { await server?.close(); });

  async function signInAs(username: string, password: string): Promise<{ client: Client; body: { passwordChangeRequired: boolean; csrfToken: string } }> {
    const response = await server.anonymous.request('POST', '/api/session', { username, password });
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json<{ passwordChangeRequired: boolean; csrfToken: string }>();
    const cookie = sessionCookie(response);
    const client: Client = {
      cookie, csrfToken: body.csrfToken,
      request: (method, url, payload, headers = {}) => server.app.inject({ method: method as 'GET', url, payload: payload as object | undefined, headers: { ...headers, cookie, 'x-csrf-token': body.csrfToken } }),
    };
    return { client, body };
  }

  it('reset (with a second administrator) → sign-in to the change step only → other routes refused → change → works', async () => {
    const account = await createAccount(server.store.db, server.policy, { username: 'agent.reset', displayName: 'Agent Reset', role: 'police', password: TEST_PASSWORD }, server.clock.now);
    const before = await signInAs('agent.reset', TEST_PASSWORD);
    assert.equal(before.body.passwordChangeRequired, false);
    assert.equal((await before.client.request('GET', '/api/cases?kind=criminal')).statusCode, 200);

    // The reset of a case-reading account waits for a second administrator; approved, it ends the account's sessions.
    const reset = await first.request('PATCH', `/api/accounts/${account.id}`, { password: TEMPORARY });
    assert.equal(reset.statusCode, 202, reset.body);
    const approval = reset.json<{ approvals: Array<{ id: number }> }>().approvals[0]!;
    const approved = await second.request('POST', `/api/approvals/${approval.id}`, { decision: 'approve' });
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal((await before.client.request('GET', '/api/session')).statusCode, 401, 'the old session ended');
    const listed = (await first.request('GET', '/api/accounts')).json<{ items: Array<{ username: string; mustChangePassword: boolean }> }>();
    assert.equal(listed.items.find((item) => item.username === 'agent.reset')?.mustChangePassword, true);

    const { client, body } = await signInAs('agent.reset', TEMPORARY);
    assert.equal(body.passwordChangeRequired, true);
    for (const [method, url] of [['GET', '/api/cases?kind=criminal'], ['GET', '/api/persons'], ['GET', '/api/inbox'], ['GET', '/api/policy'], ['POST', '/api/events']] as const) {
      const refused = await client.request(method, url, method === 'POST' ? { events: [] } : undefined);
      assert.equal(refused.statusCode, 403, `${method} ${url}: ${refused.body}`);
      assert.deepEqual([refused.json<{ code: string }>().code, refused.json<{ type: string }>().type, refused.json<{ reason: { key: string } }>().reason.key],
        ['PASSWORD_CHANGE_REQUIRED', 'urn:imketen:problem:password-change-required', 'passwordChangeRequired'], `${method} ${url}`);
    }
    const session = await client.request('GET', '/api/session');
    assert.equal(session.statusCode, 200);
    assert.equal(session.json<{ passwordChangeRequired: boolean }>().passwordChangeRequired, true);

    // The rules: the current password must be right, the new one long enough and not the current one.
    const cases: Array<[{ currentPassword: string; newPassword: string }, string]> = [
      [{ currentPassword: TEMPORARY, newPassword: TEMPORARY }, 'passwordUnchanged'],
      [{ currentPassword: TEMPORARY, newPassword: 'kort' }, 'passwordTooShort'],
      [{ currentPassword: 'niet het wachtwoord', newPassword: CHOSEN }, 'currentPasswordWrong'],
    ];
    for (const [payload, key] of cases) {
      const refused = await client.request('POST', '/api/session/password', payload);
      assert.equal(refused.statusCode, 400, refused.body);
      assert.deepEqual([refused.json<{ code: string }>().code, refused.json<{ reason: { key: string } }>().reason.key], ['INVALID_INPUT', key]);
    }
    assert.equal((await client.request('GET', '/api/cases?kind=criminal')).statusCode, 403, 'still refused');

    const changed = await client.request('POST', '/api/session/password', { currentPassword: TEMPORARY, newPassword: CHOSEN });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json<{ passwordChangeRequired: boolean }>().passwordChangeRequired, false);
    assert.equal((await client.request('GET', '/api/cases?kind=criminal')).statusCode, 200, 'the same session now works');
    assert.equal((await server.anonymous.request('POST', '/api/session', { username: 'agent.reset', password: TEMPORARY })).statusCode, 401, 'the temporary password is gone');
    const again = await signInAs('agent.reset', CHOSEN);
    assert.equal(again.body.passwordChangeRequired, false);

    const [logged] = await server.store.db.query<{ action: string; username: string; resource: string; outcome: string }>(
      "SELECT action, username, resource, outcome FROM access_log WHERE action = 'account.password-change' ORDER BY seq DESC LIMIT 1",
    );
    assert.deepEqual(logged, { action: 'account.password-change', username: 'agent.reset', resource: 'account/agent.reset', outcome: 'allowed' });
  });

  it('a reset that needs no second administrator forces the change too', async () => {
    const account = await createAccount(server.store.db, server.policy, { username: 'min.reset', displayName: 'Min Reset', role: 'ministry', password: TEST_PASSWORD }, server.clock.now);
    const reset = await first.request('PATCH', `/api/accounts/${account.id}`, { password: TEMPORARY });
    assert.equal(reset.statusCode, 200, reset.body);
    assert.equal(reset.json<{ mustChangePassword: boolean }>().mustChangePassword, true);
    const { client, body } = await signInAs('min.reset', TEMPORARY);
    assert.equal(body.passwordChangeRequired, true);
    assert.equal((await client.request('GET', '/api/reports/trends')).json<{ code: string }>().code, 'PASSWORD_CHANGE_REQUIRED');
    assert.equal((await client.request('DELETE', '/api/session')).statusCode, 204, 'signing out is allowed');
  });

  it('a password an administrator gives a new account is temporary as well; an account without one (sign-on) has nothing to change', async () => {
    const created = await first.request('POST', '/api/accounts', { username: 'min.nieuw', displayName: 'Min Nieuw', role: 'ministry', password: TEMPORARY });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json<{ mustChangePassword: boolean }>().mustChangePassword, true);
    const { client, body } = await signInAs('min.nieuw', TEMPORARY);
    assert.equal(body.passwordChangeRequired, true);
    assert.equal((await client.request('GET', '/api/reports/trends')).json<{ code: string }>().code, 'PASSWORD_CHANGE_REQUIRED');
    assert.equal((await client.request('POST', '/api/session/password', { currentPassword: TEMPORARY, newPassword: CHOSEN })).statusCode, 200);
    assert.equal((await client.request('GET', '/api/reports/trends')).statusCode, 200);

    // through a second administrator, for a role that reads case data
    const requested = await first.request('POST', '/api/accounts', { username: 'agent.nieuw', displayName: 'Agent Nieuw', role: 'police', password: TEMPORARY });
    assert.equal(requested.statusCode, 202, requested.body);
    const approved = await second.request('POST', `/api/approvals/${requested.json<{ approval: { id: number } }>().approval.id}`, { decision: 'approve' });
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal((await signInAs('agent.nieuw', TEMPORARY)).body.passwordChangeRequired, true);

    const sso = await first.request('POST', '/api/accounts', { username: 'min.sso', displayName: 'Min SSO', role: 'ministry', oidcIssuer: 'https://login.example', oidcSubject: 'min-sso-1' });
    assert.equal(sso.statusCode, 201, sso.body);
    assert.equal(sso.json<{ mustChangePassword: boolean }>().mustChangePassword, false);
  });

  it('lets a user change their own password at any time, ending their other sessions', async () => {
    await createAccount(server.store.db, server.policy, { username: 'om.self', displayName: 'OM Self', role: 'prosecutor', password: TEST_PASSWORD }, server.clock.now);
    const other = await signInAs('om.self', TEST_PASSWORD);
    const { client } = await signInAs('om.self', TEST_PASSWORD);
    const changed = await client.request('POST', '/api/session/password', { currentPassword: TEST_PASSWORD, newPassword: CHOSEN });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal((await client.request('GET', '/api/cases?kind=criminal')).statusCode, 200);
    assert.equal((await other.client.request('GET', '/api/session')).statusCode, 401, 'the other session ended');
    assert.equal((await signInAs('om.self', CHOSEN)).body.passwordChangeRequired, false);
    const token = await server.token('prosecutor');
    const byToken = await token.client.request('POST', '/api/session/password', { currentPassword: 'x', newPassword: CHOSEN });
    assert.equal(byToken.statusCode, 400, byToken.body);
  });
});

/**
 * Separation of duties (issue 10, item 5): the administrator manages accounts and tokens but cannot, alone, give
 * itself, another account or an API token a role that reads case data; a second administrator must approve. Every
 * account, role and token change is in the access log; tokens expire by default.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TEST_ENGINES } from '../store/testing/test-stores.js';
import { loadFixture } from './testing/fixture.js';
import { startTestServer, TEST_PASSWORD, type Client, type TestServer } from './testing/test-server.js';

interface Problem { code: string; detail: string; status: number }
interface Approval { id: number; kind: string; status: string; requestedBy: string }

describe('separation of duties', () => {
  let server: TestServer;
  let first: Client;
  let second: Client;
  let auditor: Client;

  const accountId = async (username: string) => (await server.store.db.query<{ id: number }>('SELECT id FROM accounts WHERE username = $1', [username]))[0]!.id;
  const signInAs = (username: string, password = TEST_PASSWORD) => server.anonymous.request('POST', '/api/session', { username, password });

  before(async () => {
    server = await startTestServer(TEST_ENGINES[0]!);
    await loadFixture(server.store.db);
    first = await server.signIn('admin', 'beheer.een');
    second = await server.signIn('admin', 'beheer.twee');
    auditor = await server.signIn('auditor', 'toezicht');
  });
  after(async () => { await server?.close(); });

  test('an administrator alone cannot issue a token that reads case data; a second administrator can approve it', async () => {
    const issued = await first.request('POST', '/api/tokens', { name: 'om-koppeling', role: 'prosecutor' });
    assert.equal(issued.statusCode, 202, issued.body);
    const { token, approval } = issued.json<{ token: string; approval: Approval }>();
    assert.equal(approval.status, 'pending');
    const asToken = (url: string) => server.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    assert.equal((await asToken('/api/cases/criminal/SZ-1')).statusCode, 401, 'the token reads nothing before approval');
    const own = await first.request('POST', `/api/approvals/${approval.id}`, { decision: 'approve' });
    assert.equal(own.statusCode, 403, 'nobody approves their own request');
    assert.equal(own.json<Problem>().code, 'FORBIDDEN');
    assert.equal((await asToken('/api/cases/criminal/SZ-1')).statusCode, 401);
    const approved = await second.request('POST', `/api/approvals/${approval.id}`, { decision: 'approve' });
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal(approved.json<Approval>().status, 'approved');
    assert.equal((await asToken('/api/cases/criminal/SZ-1')).statusCode, 200);
  });

  test('an administrator cannot make itself a prosecutor by changing its own role and signing in again', async () => {
    const self = await accountId('beheer.een');
    const changed = await first.request('PATCH', `/api/accounts/${self}`, { role: 'prosecutor' });
    assert.equal(changed.statusCode, 202, changed.body);
    const again = await signInAs('beheer.een');
    assert.equal(again.statusCode, 200);
    assert.equal(again.json<{ principal: { role: string } }>().principal.role, 'admin');
    const cookie = again.cookies.find((candidate) => candidate.name === 'imketen_session')!;
    const read = await server.app.inject({ method: 'GET', url: '/api/cases/criminal/SZ-1', headers: { cookie: `imketen_session=${cookie.value}` } });
    assert.equal(read.statusCode, 403);
    // The pending request is visible to the other administrator, who may reject it.
    const pending = (await second.request('GET', '/api/approvals')).json<{ items: Approval[] }>().items.filter((item) => item.status === 'pending');
    assert.ok(pending.some((item) => item.kind === 'account.role' && item.requestedBy === 'beheer.een'), JSON.stringify(pending));
    const request = pending.find((item) => item.kind === 'account.role')!;
    assert.equal((await second.request('POST', `/api/approvals/${request.id}`, { decision: 'reject' })).json<Approval>().status, 'rejected');
    first = await server.signIn('admin', 'beheer.een');
  });

  test('creating a case-reading account and resetting its password need a second administrator; a ministry account does not', async () => {
    const created = await first.request('POST', '/api/accounts', { username: 'om.nieuw', displayName: 'OM nieuw', role: 'prosecutor', password: 'a long enough password' });
    assert.equal(created.statusCode, 202, created.body);
    assert.equal((await signInAs('om.nieuw', 'a long enough password')).statusCode, 401, 'no account before approval');
    const { approval } = created.json<{ approval: Approval }>();
    assert.equal((await second.request('POST', `/api/approvals/${approval.id}`, { decision: 'approve' })).statusCode, 200);
    assert.equal((await signInAs('om.nieuw', 'a long enough password')).statusCode, 200);

    const reset = await first.request('PATCH', `/api/accounts/${await accountId('om.nieuw')}`, { password: 'the administrator knows this one' });
    assert.equal(reset.statusCode, 202, reset.body);
    assert.equal((await signInAs('om.nieuw', 'the administrator knows this one')).statusCode, 401, 'the new password is not in force before approval');
    assert.equal((await signInAs('om.nieuw', 'a long enough password')).statusCode, 200);

    const ministry = await first.request('POST', '/api/accounts', { username: 'min.nieuw', displayName: 'Ministerie', role: 'ministry', password: 'a long enough password' });
    assert.equal(ministry.statusCode, 201, ministry.body);
    const disabled = await first.request('PATCH', `/api/accounts/${await accountId('om.nieuw')}`, { disabled: true });
    assert.equal(disabled.statusCode, 200, 'taking access away needs no second pair of eyes');
  });

  test('every account, role and token change and every approval is in the access log', async () => {
    const log = await auditor.request('GET', '/api/access-log?user=beheer.een&limit=500');
    assert.equal(log.statusCode, 200, log.body);
    const actions = log.json<{ items: { action: string; resource: string; outcome: string }[] }>().items.map((row) => `${row.action} ${row.resource} ${row.outcome}`);
    for (const expected of [/^token\.issue token\/\d+ allowed/, /^approval\.approve approval\/\d+ denied/, /^account\.role account\/beheer\.een allowed/, /^account\.create account\/om\.nieuw allowed/, /^account\.password account\/om\.nieuw allowed/, /^account\.create account\/min\.nieuw allowed/, /^account\.disable account\/om\.nieuw allowed/]) {
      assert.ok(actions.some((action) => expected.test(action)), `${expected} in ${actions.join('\n')}`);
    }
    const approvals = (await auditor.request('GET', '/api/access-log?user=beheer.twee&limit=500')).json<{ items: { action: string }[] }>().items.map((row) => row.action);
    assert.ok(approvals.includes('approval.approve') && approvals.includes('approval.reject'), approvals.join(', '));
  });

  test('tokens expire after the configured default, and may not outlive it', async () => {
    const quick = await startTestServer(TEST_ENGINES[0]!, { config: { tokenExpiryDays: 7 } });
    try {
      const admin = await quick.signIn('admin', 'beheer.kort');
      const issued = await admin.request('POST', '/api/tokens', { name: 'min', role: 'ministry' });
      assert.equal(issued.statusCode, 201, issued.body);
      assert.equal(issued.json<{ apiToken: { expiresAt: string } }>().apiToken.expiresAt, new Date(quick.clock.now.getTime() + 7 * 86_400_000).toISOString());
      const tooLong = await admin.request('POST', '/api/tokens', { name: 'min2', role: 'ministry', expiresAt: '2030-01-01T00:00:00Z' });
      assert.equal(tooLong.statusCode, 400);
      assert.match(tooLong.json<Problem>().detail, /7 days/);
    } finally {
      await quick.close();
    }
  });
});

/**
 * The administrator's account list in the app (issue 17): an account whose sign-ins failed shows how many and when
 * (the sign-in throttle of migration 034), an unlock clears them, and a role that reads case data waits for a second
 * administrator (202) while the account keeps its role.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_ENGINES } from '../../store/testing/test-stores.js';
import { startTestServer, TEST_PASSWORD, type Client, type TestServer } from '../testing/test-server.js';

interface Row { id: number; username: string; role: string; signInFailures: number; lastSignInFailure: string | null; signInDelayedUntil: string | null }

describe('the account list for the administrator', () => {
  let server: TestServer;
  let admin: Client;
  before(async () => {
    server = await startTestServer(TEST_ENGINES[0]!);
    admin = await server.signIn('admin');
    await server.signIn('ministry', 'm.proef');
  });
  after(async () => { await server?.close(); });

  const row = async (username: string) => {
    const response = await admin.request('GET', '/api/accounts');
    assert.equal(response.statusCode, 200, response.body);
    return response.json<{ items: Row[] }>().items.find((item) => item.username === username)!;
  };

  it('shows the failed sign-ins of an account, and an unlock clears them', async () => {
    assert.equal((await row('m.proef')).signInFailures, 0);
    for (let attempt = 0; attempt < 3; attempt++) {
      const response = await server.anonymous.request('POST', '/api/session', { username: 'M.Proef', password: `wrong ${TEST_PASSWORD}` });
      assert.ok([401, 429].includes(response.statusCode), response.body);
    }
    const failed = await row('m.proef');
    assert.equal(failed.signInFailures, 3);
    assert.equal(failed.lastSignInFailure, server.clock.now.toISOString());
    const unlocked = await admin.request('PATCH', `/api/accounts/${failed.id}`, { unlock: true });
    assert.equal(unlocked.statusCode, 200, unlocked.body);
    assert.deepEqual([(await row('m.proef')).signInFailures, (await row('m.proef')).lastSignInFailure], [0, null]);
  });

  it('makes a role that reads case data a request for a second administrator; the account keeps its role meanwhile', async () => {
    const { id } = await row('m.proef');
    const response = await admin.request('PATCH', `/api/accounts/${id}`, { role: 'police' });
    assert.equal(response.statusCode, 202, response.body);
    const { approvals } = response.json<{ approvals: { kind: string; accountId: number; status: string }[] }>();
    assert.deepEqual(approvals.map((approval) => [approval.kind, approval.accountId, approval.status]), [['account.role', id, 'pending']]);
    assert.equal((await row('m.proef')).role, 'ministry');
  });
});

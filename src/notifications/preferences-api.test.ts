/**
 * GET/PUT /api/me/notification-preferences: every signed-in person reads and changes only their own digest
 * preferences; a digest needs an address; an API token has none.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../server/testing/test-server.js';
import { TEST_ENGINES } from '../store/testing/test-stores.js';

const URL = '/api/me/notification-preferences';

describe('notification preferences over the API', () => {
  let server: TestServer;
  before(async () => { server = await startTestServer(TEST_ENGINES[0]!); });
  after(async () => { await server?.close(); });

  it('starts off, keeps what the user chose, and shows each user only their own', async () => {
    const om = await server.signIn('prosecutor');
    const first = await om.request('GET', URL);
    assert.equal(first.statusCode, 200, first.body);
    assert.deepEqual(first.json(), {
      enabled: false, frequency: 'daily', language: 'nl', email: null, lastSentAt: null, mailConfigured: false,
      availableKinds: ['victim-information', 'hearing', 'screening-hit', 'cross-reference', 'authorisation-expiring'],
      kinds: ['victim-information', 'article3-reassessment', 'hearing', 'screening-hit', 'cross-reference', 'authorisation-expiring'],
    });
    const chosen = { enabled: true, frequency: 'weekly', kinds: ['cross-reference', 'hearing'], language: 'en', email: ' om.test@om.example ' };
    const saved = await om.request('PUT', URL, chosen);
    assert.equal(saved.statusCode, 200, saved.body);
    assert.deepEqual(saved.json(), { ...chosen, kinds: ['hearing', 'cross-reference'], email: 'om.test@om.example', lastSentAt: null, mailConfigured: false, availableKinds: first.json<{ availableKinds: string[] }>().availableKinds });
    assert.deepEqual((await om.request('GET', URL)).json<{ email: string }>().email, 'om.test@om.example');
    const police = await server.signIn('police');
    assert.equal((await police.request('GET', URL)).json<{ email: string | null }>().email, null, 'another user sees their own, not the prosecutor\'s');
  });

  it('refuses a digest without an address, an address that is not one, an unknown kind, a change without the CSRF token, and an API token', async () => {
    const dtv = await server.signIn('dtv');
    const base = { enabled: true, frequency: 'daily', kinds: ['article3-reassessment'], language: 'nl' };
    const noAddress = await dtv.request('PUT', URL, { ...base, email: null });
    assert.equal(noAddress.statusCode, 400);
    assert.match(noAddress.json<{ detail: string }>().detail, /needs an e-mail address/);
    assert.equal((await dtv.request('PUT', URL, { ...base, email: 'a@b.example, c@d.example' })).statusCode, 400);
    assert.equal((await dtv.request('PUT', URL, { ...base, email: 'dtv@dtv.example', kinds: ['everything'] })).statusCode, 400);
    assert.equal((await dtv.request('PUT', URL, { ...base, email: 'dtv@dtv.example' }, { 'x-csrf-token': 'wrong' })).statusCode, 403);
    const { client } = await server.token('police');
    const token = await client.request('GET', URL);
    assert.equal(token.statusCode, 400);
    assert.match(token.json<{ detail: string }>().detail, /API token has none/);
  });
});

/**
 * GET /api/access-log as the auditor's page asks it (issue 17): newest first, a page at a time by cursor, for one
 * case, between two Dutch days; a period that ends before it begins is refused with a code.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { appendAccess, type AccessEntry } from '../access-log/access-log.js';
import { TEST_ENGINES } from '../store/testing/test-stores.js';
import { startTestServer, type Client, type TestServer } from './testing/test-server.js';

interface Row { seq: number; at: string; resource: string; username: string }
interface PageOf { items: Row[]; next: string | null }

const entry = (at: string, resource: string): AccessEntry => ({
  at, principalKind: 'user', accountId: 1, tokenId: null, username: 'om.reader', organisation: 'OM', role: 'prosecutor',
  action: 'stream.read', resource, persons: ['P-1'], purpose: 'test', legalBasis: 'Wjsg', outcome: 'allowed', reason: null, requestId: null,
});

describe('the access log route', () => {
  let server: TestServer;
  let auditor: Client;
  before(async () => {
    server = await startTestServer(TEST_ENGINES[0]!, { now: new Date('2026-11-28T10:00:00Z') });
    // Twenty reads of one case, one a day from 1 to 20 November at 23:30 UTC (00:30 the next Dutch day).
    await server.store.db.transaction((tx) => appendAccess(tx, Array.from({ length: 20 }, (_, n) => entry(`2026-11-${String(n + 1).padStart(2, '0')}T23:30:00.000Z`, n % 2 ? 'criminal/SZ-2026-002' : 'criminal/SZ-2026-003'))));
    auditor = await server.signIn('auditor', 'toezicht.reader');
  });
  after(async () => { await server?.close(); });

  const get = async (query: string) => {
    const response = await auditor.request('GET', `/api/access-log?${query}`);
    assert.equal(response.statusCode, 200, response.body);
    return response.json<PageOf>();
  };

  test('lists the newest first and pages on with the cursor until the last page', async () => {
    const first = await get('case=SZ-2026-002&order=newest&limit=4');
    assert.deepEqual(first.items.map((row) => row.at.slice(0, 10)), ['2026-11-20', '2026-11-18', '2026-11-16', '2026-11-14']);
    assert.ok(first.next);
    const second = await get(`case=SZ-2026-002&order=newest&limit=4&after=${first.next}`);
    assert.deepEqual(second.items.map((row) => row.at.slice(0, 10)), ['2026-11-12', '2026-11-10', '2026-11-08', '2026-11-06']);
    assert.ok(second.next);
    const last = await get(`case=SZ-2026-002&order=newest&limit=4&after=${second.next}`);
    assert.deepEqual([last.items.length, last.next], [2, null]);
  });

  test('reads the period as Dutch days: 23:30 UTC on 4 November is 5 November in the Netherlands', async () => {
    const period = await get('from=2026-11-05&to=2026-11-07&order=newest');
    assert.deepEqual(period.items.map((row) => row.at), ['2026-11-06T23:30:00.000Z', '2026-11-05T23:30:00.000Z', '2026-11-04T23:30:00.000Z']);
  });

  test('refuses a period that ends before it begins, with a code the app can translate', async () => {
    const response = await auditor.request('GET', '/api/access-log?from=2026-11-07&to=2026-11-05');
    assert.equal(response.statusCode, 400, response.body);
    assert.equal(response.json<{ code: string }>().code, 'INVALID_INPUT');
  });
});

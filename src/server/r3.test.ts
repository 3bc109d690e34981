/**
 * R3 through the API: the OM reads a suspect's 1F file only with a registered authorisation of the investigating
 * judge, in force on the day — or, once switched on and in force, under the bill. Every attempt is logged.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TEST_ENGINES } from '../store/testing/test-stores.js';
import { loadFixture } from './testing/fixture.js';
import { startTestServer, type Client, type TestServer } from './testing/test-server.js';

interface Problem { code: string; detail: string; allowingBases: string[] }
interface AccessRow { action: string; resource: string; outcome: string; legalBasis: string | null; reason: string | null; username: string; purpose: string; persons: string[] }

describe('R3: the OM and 1F files (the law today)', () => {
  let server: TestServer;
  let om: Client;
  let auditor: Client;

  before(async () => {
    server = await startTestServer(TEST_ENGINES[0]!, { now: new Date('2026-06-15T10:00:00Z') });
    await loadFixture(server.store.db);
    om = await server.signIn('prosecutor', 'om.officer');
    auditor = await server.signIn('auditor');
  });
  after(async () => { await server?.close(); });

  test('without an authorisation of the investigating judge the read is refused, saying why and which basis would allow it', async () => {
    const response = await om.request('GET', '/api/cases/exclusion/IF-S', undefined, { 'x-purpose': 'prosecution of SZ-1' });
    assert.equal(response.statusCode, 403);
    const problem = response.json<Problem>();
    // Why exactly (no authorisation for P-S) is for the access log; the answer names no person (issue 10, item 6).
    assert.doesNotMatch(problem.detail, /P-S/);
    assert.ok(problem.allowingBases.some((basis) => basis.includes('r3-investigating-judge')), problem.allowingBases.join(' | '));
    assert.ok(problem.allowingBases.some((basis) => basis.includes('bill-1f-sharing')));
  });

  test('with a valid authorisation it is allowed, and logged with the judge\'s decision as legal basis', async () => {
    const registered = await om.request('POST', '/api/authorisations', {
      decisionReference: 'RC 26/0077', personId: 'P-S', exclusionCase: 'IF-S', criminalCase: 'SZ-1', validFrom: '2026-06-01', validUntil: '2026-06-30',
    });
    assert.equal(registered.statusCode, 201, registered.body);
    const response = await om.request('GET', '/api/cases/exclusion/IF-S', undefined, { 'x-purpose': 'prosecution of SZ-1' });
    assert.equal(response.statusCode, 200, response.body);
    assert.match(response.json<{ legalBasis: string }>().legalBasis, /RC 26\/0077/);

    const log = await auditor.request('GET', '/api/access-log?person=P-S');
    assert.equal(log.statusCode, 200, log.body);
    const reads = log.json<{ items: AccessRow[] }>().items.filter((row) => row.resource === 'exclusion/IF-S');
    assert.deepEqual(reads.map((row) => row.outcome), ['denied', 'allowed']);
    assert.equal(reads[1]!.username, 'om.officer');
    assert.equal(reads[1]!.purpose, 'prosecution of SZ-1');
    assert.match(reads[1]!.legalBasis!, /RC 26\/0077/);
    assert.match(reads[0]!.reason!, /no authorisation/);
    const byUser = await auditor.request('GET', '/api/access-log?user=om.officer');
    assert.ok(byUser.json<{ items: AccessRow[] }>().items.length >= 2);
  });

  test('the authorisation covers only its own scope: another person\'s 1F file stays closed', async () => {
    const response = await om.request('GET', '/api/cases/exclusion/IF-1');
    assert.equal(response.statusCode, 403);
  });

  test('after its end date the read is refused again', async () => {
    server.clock.now = new Date('2026-07-01T08:00:00Z');
    try {
      // A new day, a new session (sessions last hours).
      const response = await (await server.signIn('prosecutor', 'om.officer')).request('GET', '/api/cases/exclusion/IF-S');
      assert.equal(response.statusCode, 403);
      const log = await (await server.signIn('auditor')).request('GET', '/api/access-log?user=om.officer');
      const refusals = log.json<{ items: AccessRow[] }>().items.filter((row) => row.resource === 'exclusion/IF-S' && row.outcome === 'denied');
      assert.match(refusals[refusals.length - 1]!.reason!, /on 2026-07-01/);
    } finally {
      server.clock.now = new Date('2026-06-15T10:00:00Z');
    }
  });
});

describe('R3: the bill (a second policy with an effective date, switched on by configuration)', () => {
  let server: TestServer;
  let om: Client;

  before(async () => {
    server = await startTestServer(TEST_ENGINES[0]!, { policy: { enableRegimes: ['bill-1f-sharing'] }, now: new Date('2027-06-30T10:00:00Z') });
    await loadFixture(server.store.db);
    om = await server.signIn('prosecutor');
  });
  after(async () => { await server?.close(); });

  test('before its effective date the OM still needs the judge', async () => {
    const response = await om.request('GET', '/api/cases/exclusion/IF-S');
    assert.equal(response.statusCode, 403);
    assert.ok(response.json<Problem>().allowingBases.some((basis) => /bill-1f-sharing.*not in force before 2027-07-01/.test(basis)));
  });

  test('from its effective date the OM reads a suspect\'s 1F file without an authorisation, on the bill as basis', async () => {
    server.clock.now = new Date('2027-07-01T09:00:00Z');
    om = await server.signIn('prosecutor');
    const response = await om.request('GET', '/api/cases/exclusion/IF-S');
    assert.equal(response.statusCode, 200, response.body);
    assert.match(response.json<{ legalBasis: string }>().legalBasis, /bill-1f-sharing/);
    const rows = await server.store.db.query<{ legal_basis: string }>("SELECT legal_basis FROM access_log WHERE resource = 'exclusion/IF-S' AND outcome = 'allowed'");
    assert.equal(rows.length, 1);
    assert.match(rows[0]!.legal_basis, /bill-1f-sharing/);
  });
});

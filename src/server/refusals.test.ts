/**
 * Refusals that reveal nothing (issue 10, item 6): "does not exist" and "may not see" get the same answer on every
 * read route; no answer names a stream or person the caller may not read; the access log keeps the real reason.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { importEvents } from '../import/import-events.js';
import { textSource } from '../import/sources.js';
import { TEST_ENGINES } from '../store/testing/test-stores.js';
import { loadFixture } from './testing/fixture.js';
import { startTestServer, type Client, type TestServer } from './testing/test-server.js';

/** Read routes with an id, and for each role an existing id it may not read beside one that does not exist. */
const PAIRS: { role: string; existing: string; missing: string; hidden: string[] }[] = [
  { role: 'prosecutor', existing: '/api/cases/exclusion/IF-1', missing: '/api/cases/exclusion/IF-NONE', hidden: ['P-X'] },
  { role: 'police', existing: '/api/cases/exclusion/IF-S', missing: '/api/cases/exclusion/IF-NONE', hidden: ['P-S'] },
  { role: 'ind-1f', existing: '/api/cases/criminal/SZ-1', missing: '/api/cases/criminal/SZ-NONE', hidden: ['P-S'] },
  { role: 'dtv', existing: '/api/cases/exclusion/IF-S', missing: '/api/cases/exclusion/IF-NONE', hidden: ['P-S'] },
  { role: 'police', existing: '/api/persons/P-X', missing: '/api/persons/P-NONE', hidden: [] },
  { role: 'dtv', existing: '/api/persons/P-S', missing: '/api/persons/P-NONE', hidden: [] },
  { role: 'prosecutor', existing: '/api/cases/exclusion/IF-1/derived', missing: '/api/cases/exclusion/IF-NONE/derived', hidden: ['P-X'] },
  { role: 'prosecutor', existing: '/api/cases/exclusion/IF-1/allowed-events', missing: '/api/cases/exclusion/IF-NONE/allowed-events', hidden: ['P-X'] },
  { role: 'police', existing: '/api/persons/P-X/withheld', missing: '/api/persons/P-NONE/withheld', hidden: [] },
  { role: 'police', existing: '/api/persons/P-X/cross-references', missing: '/api/persons/P-NONE/cross-references', hidden: [] },
  { role: 'ind-1f', existing: '/api/export?stream=criminal/SZ-1', missing: '/api/export?stream=criminal/SZ-NONE', hidden: ['P-S'] },
];

/** The answer with the id the caller gave taken out: what is left must be the same for both. */
function answer(response: { statusCode: number; body: string; headers: Record<string, unknown> }, given: string): string {
  const id = given.split(/[/?=]/).find((part) => /^(IF|SZ|P)-/.test(part))!;
  return `${response.statusCode} ${String(response.headers['content-type'])} ${response.body.replaceAll(id, '<id>')}`;
}

describe('refusals that reveal nothing', () => {
  let server: TestServer;
  const clients = new Map<string, Client>();

  before(async () => {
    server = await startTestServer(TEST_ENGINES[0]!);
    await loadFixture(server.store.db);
    // A suspect the IND has no file on, with an authorisation of the investigating judge.
    await importEvents(server.store.db, [textSource('extra', [
      { id: 'x-po', stream: 'person/P-O', type: 'person.registered', date: '1960-01-01', data: { names: ['Otto Other'] }, recordedAt: '2026-01-10T09:00:00.000Z' },
      { id: 'x-co', stream: 'criminal/SZ-O', type: 'criminal.opened', date: '2025-01-01', data: { suspect: 'P-O', offences: ['torture'] }, recordedAt: '2026-01-10T09:00:00.000Z' },
    ].map((event) => JSON.stringify(event)).join('\n'))], { now: () => new Date('2026-01-10T10:00:00.000Z') });
    for (const role of ['police', 'prosecutor', 'ind-1f', 'dtv', 'auditor']) clients.set(role, await server.signIn(role));
  });
  after(async () => { await server?.close(); });

  test('an existing id the caller may not read and an id that does not exist get the same answer', async () => {
    for (const pair of PAIRS) {
      const client = clients.get(pair.role)!;
      const existing = await client.request('GET', pair.existing);
      const missing = await client.request('GET', pair.missing);
      assert.ok(existing.statusCode >= 400, `${pair.role} ${pair.existing} is refused: ${existing.statusCode}`);
      assert.equal(answer(existing, pair.existing), answer(missing, pair.missing), `${pair.role}: ${pair.existing} vs ${pair.missing}`);
      for (const id of pair.hidden) assert.ok(!existing.body.includes(id), `${pair.role} ${pair.existing} names ${id}: ${existing.body}`);
    }
  });

  test('the refusal still says which legal basis would allow the access (R3 for the prosecutor)', async () => {
    const refused = await clients.get('prosecutor')!.request('GET', '/api/cases/exclusion/IF-1');
    assert.equal(refused.statusCode, 403);
    const problem = refused.json<{ code: string; detail: string; allowingBases: string[] }>();
    assert.equal(problem.code, 'FORBIDDEN');
    assert.ok(problem.allowingBases.some((basis) => /investigating judge/.test(basis)), problem.allowingBases.join(' | '));
  });

  test('the access log keeps the real reason of a refusal for the auditor', async () => {
    await clients.get('prosecutor')!.request('GET', '/api/cases/exclusion/IF-1');
    const log = await clients.get('auditor')!.request('GET', '/api/access-log?person=P-X&limit=500');
    const rows = log.json<{ items: { username: string; resource: string; outcome: string; reason: string | null }[] }>().items;
    const refusal = rows.find((row) => row.username === 'prosecutor' && row.resource === 'exclusion/IF-1' && row.outcome === 'denied');
    assert.ok(refusal, JSON.stringify(rows));
    assert.match(refusal.reason!, /P-X is not a suspect in an open criminal case/);
  });

  test('what is withheld about a person is said by kind and legal basis, without the ids of the cases withheld', async () => {
    const ind = await clients.get('ind-1f')!.request('GET', '/api/persons/P-S/withheld');
    assert.equal(ind.statusCode, 200, ind.body);
    const items = ind.json<{ items: { kind: string; count: number; reason: string; allowingBases: string[] }[] }>().items;
    assert.deepEqual(items.map((item) => `${item.kind} ${item.count}`).sort(), ['criminal 1', 'extradition 1', 'intake 1']);
    for (const id of ['SZ-1', 'IN-1', 'EX-1']) assert.ok(!ind.body.includes(id), `withheld names ${id}: ${ind.body}`);
    assert.ok(items.every((item) => item.reason.length > 0));

    const om = await clients.get('prosecutor')!.request('GET', '/api/persons/P-S/withheld');
    const withheld = om.json<{ items: { kind: string; reason: string; allowingBases: string[] }[] }>().items.find((item) => item.kind === 'exclusion')!;
    assert.ok(!om.body.includes('IF-S'), om.body);
    assert.ok(withheld.allowingBases.some((basis) => /investigating judge/.test(basis)), 'the prosecutor still learns that R3 would allow it');
  });

  test('the IND sees authorisations only for persons it has a 1F file on', async () => {
    const om = clients.get('prosecutor')!;
    const registered = await om.request('POST', '/api/authorisations', { decisionReference: 'RC 26/0001', court: 'Rechtbank Den Haag', personId: 'P-O', criminalCase: 'SZ-O', decidedOn: '2026-06-01', validFrom: '2026-06-01', validUntil: '2026-06-30' });
    assert.equal(registered.statusCode, 201, registered.body);
    const all = await clients.get('ind-1f')!.request('GET', '/api/authorisations');
    assert.equal(all.statusCode, 200, all.body);
    assert.ok(!all.body.includes('P-O'), all.body);
    const one = await clients.get('ind-1f')!.request('GET', '/api/authorisations?person=P-O');
    assert.deepEqual(one.json<{ items: unknown[] }>().items, []);
    assert.ok((await clients.get('auditor')!.request('GET', '/api/authorisations')).body.includes('P-O'), 'the auditor sees every authorisation');
  });
});

/**
 * What each case rests on over the API (README, "What each case rests on"; R8): who may link evidence to elements and
 * record an originator's conditions (the roles of the case, through the write policy), the proof matrix and the
 * evidence-at-risk list per role, and the access log.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importEvents } from '../../import/import-events.js';
import { textSource } from '../../import/sources.js';
import { TEST_ENGINES } from '../../store/testing/test-stores.js';
import { startTestServer, type Client, type TestServer } from '../testing/test-server.js';

const ROLES = ['police', 'prosecutor', 'ind-1f', 'dtv', 'ministry', 'admin', 'auditor'] as const;
const registration = (cases: Record<string, string[]>, source: object) => ({
  ...cases, kind: 'mechanism-material', title: 'Materiaal van een mechanisme (fictief)', source, acquired: { date: '2026-05-01', by: 'OM', method: 'handover' },
});
const FIXTURE = [
  { id: 'p1', stream: 'person/P-1', type: 'person.registered', date: '1970-01-01', data: { names: ['Fictieve Verdachte'] } },
  { id: 'p2', stream: 'person/P-2', type: 'person.registered', date: '1970-01-01', data: { names: ['Fictieve Vreemdeling'] } },
  { id: 'c1', stream: 'criminal/SZ-1', type: 'criminal.opened', date: '2025-01-01', data: { suspect: 'P-1', offences: ['torture'] } },
  { id: 'x1', stream: 'exclusion/IF-1', type: 'exclusion.opened', date: '2025-01-01', data: { person: 'P-2' } },
  { id: 'e1', stream: 'evidence/M-1', type: 'evidence.registered', date: '2026-05-02', data: registration({ criminalCases: ['SZ-1'] }, { type: 'un-mechanism', name: 'UNIMEK' }) },
  { id: 'e2', stream: 'evidence/M-2', type: 'evidence.registered', date: '2026-05-02', data: registration({ exclusionCases: ['IF-1'] }, { type: 'un-mechanism', name: 'UNIMEK' }) },
];
const linkEvent = (id: string, stream: string, data: object) => ({ events: [{ id, stream, type: 'evidence.element-linked', date: '2026-06-02', data: { ...data, relation: 'supports', reasoning: 'fictief', weight: 'strong' } }] });

describe('the proof matrix and evidence at risk over the API', () => {
  let server: TestServer;
  const clients = new Map<string, Client>();
  before(async () => {
    server = await startTestServer(TEST_ENGINES[0]!);
    await importEvents(server.store.db, [textSource('fixture', FIXTURE.map((event) => JSON.stringify({ ...event, recordedAt: '2026-06-01T09:00:00Z' })).join('\n'))], { now: () => new Date('2026-06-01T10:00:00Z') });
    for (const role of ROLES) clients.set(role, await server.signIn(role));
  });
  after(async () => { await server?.close(); });

  it('the write policy: the case roles link elements and record conditions; others may not; a link outside the case\'s offences is refused', async () => {
    const police = clients.get('police')!;
    assert.equal((await police.request('POST', '/api/events', linkEvent('l1', 'evidence/M-1', { criminalCase: 'SZ-1', offence: 'torture', element: 'torture.purpose' }))).statusCode, 201);
    const wrong = await police.request('POST', '/api/events', linkEvent('l2', 'evidence/M-1', { criminalCase: 'SZ-1', offence: 'genocide', element: 'ctx.genocide.group' }));
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /does not concern 'genocide'/);
    for (const role of ['ind-1f', 'dtv', 'ministry', 'auditor'] as const) {
      const response = await clients.get(role)!.request('POST', '/api/events', linkEvent(`l-${role}`, 'evidence/M-1', { criminalCase: 'SZ-1', offence: 'torture', element: 'torture.ill-treatment' }));
      assert.equal(response.statusCode, 403, `${role} may not link evidence of a criminal case`);
    }
    const ind = clients.get('ind-1f')!;
    assert.equal((await ind.request('POST', '/api/events', linkEvent('l3', 'evidence/M-2', { exclusionCase: 'IF-1', offence: '1F-a', element: '1F-a.crime' }))).statusCode, 201);
    const conditions = { events: [{ id: 'k1', stream: 'evidence/M-1', type: 'evidence.conditions-set', date: '2026-06-03', data: { conditions: 'lead-only', originator: 'UNIMEK' } }] };
    assert.equal((await clients.get('dtv')!.request('POST', '/api/events', conditions)).statusCode, 403);
    assert.equal((await clients.get('prosecutor')!.request('POST', '/api/events', conditions)).statusCode, 201);
  });

  it('role × endpoint: the matrix and the list for the case roles only, each its own kind', async () => {
    for (const role of ROLES) {
      const criminal = await clients.get(role)!.request('GET', '/api/cases/criminal/SZ-1/proof');
      const exclusion = await clients.get(role)!.request('GET', '/api/cases/exclusion/IF-1/proof');
      assert.equal(criminal.statusCode, role === 'police' || role === 'prosecutor' ? 200 : 403, `${role} criminal`);
      assert.equal(exclusion.statusCode, role === 'ind-1f' ? 200 : 403, `${role} exclusion`);
    }
    const matrix = (await clients.get('prosecutor')!.request('GET', '/api/cases/criminal/SZ-1/proof')).json<{ elements: { element: string; status: string }[] }>();
    assert.equal(matrix.elements.find((row) => row.element === 'torture.purpose')?.status, 'lead-only');
    const risk = (await clients.get('ind-1f')!.request('GET', '/api/evidence-at-risk?kind=exclusion&sourceType=un-mechanism')).json<{ items: { case: string; element: string; status: string }[] }>();
    assert.deepEqual(risk.items.map((row) => [row.case, row.element, row.status]), [['exclusion/IF-1', '1F-a.crime', 'at-risk']]);
    assert.equal((await clients.get('ind-1f')!.request('GET', '/api/evidence-at-risk?kind=criminal')).statusCode, 403);
    assert.deepEqual((await clients.get('police')!.request('GET', '/api/evidence-at-risk?kind=criminal')).json<{ items: unknown[] }>().items, []);
    type Offences = { items: { offence: string; crimes: { elements: { element: string }[] }[] }[] };
    const elements = (await clients.get('prosecutor')!.request('GET', '/api/cases/criminal/SZ-1/elements')).json<Offences>().items;
    assert.deepEqual(elements.map((offence) => offence.offence), ['torture'], 'only the offences the case was opened for');
    assert.ok(elements[0]!.crimes.some((crime) => crime.elements.some((element) => element.element === 'torture.purpose')));
    const grounds = (await clients.get('ind-1f')!.request('GET', '/api/cases/exclusion/IF-1/elements')).json<Offences>().items;
    assert.deepEqual(grounds.map((ground) => ground.offence), ['1F-a', '1F-b', '1F-c']);
    assert.equal((await clients.get('ind-1f')!.request('GET', '/api/cases/criminal/SZ-1/elements')).statusCode, 403);
    const logged = await server.store.db.query<{ resource: string }>("SELECT resource FROM access_log WHERE resource LIKE '%proof' OR resource LIKE 'evidence-at-risk%'");
    assert.ok(logged.some((row) => row.resource === 'criminal/SZ-1/proof'));
  });
});

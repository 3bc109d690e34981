/**
 * Witnesses over the API (README, "Witnesses"): who may register and change a witness (every role tried), a
 * statement must be a witness statement of the witness's case, and a protected witness's identity reaches only the
 * roles the policy names for the case — checked in every output that returns witness data: the case's witness list,
 * the witness's stream read, the risk lists, the export and the access log.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importEvents } from '../../import/import-events.js';
import { textSource } from '../../import/sources.js';
import { TEST_ENGINES } from '../../store/testing/test-stores.js';
import { startTestServer, type Client, type TestServer } from '../testing/test-server.js';

const ROLES = ['police', 'prosecutor', 'ind-1f', 'dtv', 'ministry', 'admin', 'auditor'] as const;
const statement = (cases: Record<string, string[]>, kind = 'witness-statement') => ({
  ...cases, kind, title: 'Verklaring (fictief)', source: { type: 'witness' }, acquired: { date: '2024-03-01', by: 'TIM', method: 'interview' },
});
/** The identity of the protected witnesses: none of it may reach a role without witness-identity.read. */
const SECRETS = ['P-W1', 'Fictieve Getuige Een', 'P-W3', 'Fictieve Getuige Drie'];

const FIXTURE = [
  { id: 'p1', stream: 'person/P-1', type: 'person.registered', date: '1970-01-01', data: { names: ['Fictieve Verdachte'] } },
  { id: 'p2', stream: 'person/P-2', type: 'person.registered', date: '1970-01-01', data: { names: ['Fictieve Vreemdeling'] } },
  { id: 'pw1', stream: 'person/P-W1', type: 'person.registered', date: '1980-01-01', data: { names: ['Fictieve Getuige Een'] } },
  { id: 'pw3', stream: 'person/P-W3', type: 'person.registered', date: '1980-01-01', data: { names: ['Fictieve Getuige Drie'] } },
  { id: 'c1', stream: 'criminal/SZ-1', type: 'criminal.opened', date: '2023-01-01', data: { suspect: 'P-1', offences: ['war-crimes'] } },
  { id: 'x1', stream: 'exclusion/IF-1', type: 'exclusion.opened', date: '2023-01-01', data: { person: 'P-2' } },
  { id: 'es1', stream: 'evidence/ES-1', type: 'evidence.registered', date: '2024-03-01', data: statement({ criminalCases: ['SZ-1'] }) },
  { id: 'es2', stream: 'evidence/ES-2', type: 'evidence.registered', date: '2024-03-01', data: statement({ criminalCases: ['SZ-1'] }) },
  { id: 'es3', stream: 'evidence/ES-3', type: 'evidence.registered', date: '2024-03-01', data: statement({ criminalCases: ['SZ-1'] }) },
  { id: 'es4', stream: 'evidence/ES-4', type: 'evidence.registered', date: '2024-03-01', data: statement({ exclusionCases: ['IF-1'] }) },
  { id: 'ep', stream: 'evidence/EP-1', type: 'evidence.registered', date: '2024-03-01', data: statement({ criminalCases: ['SZ-1'] }, 'photo') },
  // W-1: threatened witness, returned to Syria after the fall of the regime
  { id: 'w1', stream: 'witness/W-1', type: 'witness.registered', date: '2024-03-01', data: { criminalCase: 'SZ-1', person: 'P-W1', pseudonym: 'A-12', country: 'NLD' } },
  { id: 'w1p', stream: 'witness/W-1', type: 'witness.protection-set', date: '2024-03-02', data: { measure: 'threatened', decisionReference: 'RC 24/001 (fictief)' } },
  { id: 'w1s', stream: 'witness/W-1', type: 'witness.statement-linked', date: '2024-03-03', data: { evidence: 'ES-1' } },
  { id: 'w1a', stream: 'witness/W-1', type: 'witness.availability-changed', date: '2025-01-15', data: { status: 'returned', country: 'SYR' } },
  // W-2: an open witness, available in the Netherlands
  { id: 'w2', stream: 'witness/W-2', type: 'witness.registered', date: '2024-03-01', data: { criminalCase: 'SZ-1', name: 'Open Getuige', pseudonym: 'B-3', country: 'NLD' } },
  { id: 'w2s', stream: 'witness/W-2', type: 'witness.statement-linked', date: '2024-03-03', data: { evidence: 'ES-2' } },
  // W-3: anonymous witness who became unwilling before 2024-12-08
  { id: 'w3', stream: 'witness/W-3', type: 'witness.registered', date: '2024-03-01', data: { criminalCase: 'SZ-1', person: 'P-W3', name: 'Fictieve Getuige Drie', pseudonym: 'C-7', country: 'SYR' } },
  { id: 'w3p', stream: 'witness/W-3', type: 'witness.protection-set', date: '2024-03-02', data: { measure: 'anonymous' } },
  { id: 'w3s', stream: 'witness/W-3', type: 'witness.statement-linked', date: '2024-03-03', data: { evidence: 'ES-3' } },
  { id: 'w3a', stream: 'witness/W-3', type: 'witness.availability-changed', date: '2024-06-01', data: { status: 'unwilling' } },
  // W-4: a witness in the IND's 1F file, unreachable
  { id: 'w4', stream: 'witness/W-4', type: 'witness.registered', date: '2024-03-01', data: { exclusionCase: 'IF-1', name: 'Getuige Vier (fictief)', pseudonym: 'D-1', country: 'IRQ' } },
  { id: 'w4s', stream: 'witness/W-4', type: 'witness.statement-linked', date: '2024-03-03', data: { evidence: 'ES-4' } },
  { id: 'w4a', stream: 'witness/W-4', type: 'witness.availability-changed', date: '2025-02-01', data: { status: 'unreachable' } },
];

describe('witnesses over the API', () => {
  let server: TestServer;
  const clients = new Map<string, Client>();
  const events = (...list: Record<string, unknown>[]) => ({ events: list });

  before(async () => {
    server = await startTestServer(TEST_ENGINES[0]!);
    await importEvents(server.store.db, [textSource('fixture', FIXTURE.map((event) => JSON.stringify({ ...event, recordedAt: '2025-06-01T09:00:00Z' })).join('\n'))], { now: () => new Date('2025-06-01T10:00:00Z') });
    for (const role of ROLES) clients.set(role, await server.signIn(role));
  });
  after(async () => { await server?.close(); });

  it('the case list shows the identity to the police and the pseudonym to the prosecutor', async () => {
    const police = await clients.get('police')!.request('GET', '/api/cases/criminal/SZ-1/witnesses');
    assert.equal(police.statusCode, 200);
    const byId = (body: string) => new Map(JSON.parse(body).items.map((item: { id: string }) => [item.id, item]));
    const seen = byId(police.body) as Map<string, { person: string | null; withheld: boolean; pseudonym: { nl: string } }>;
    assert.equal(seen.get('W-1')!.person, 'P-W1');
    assert.equal(seen.get('W-1')!.withheld, false);
    const prosecutor = await clients.get('prosecutor')!.request('GET', '/api/cases/criminal/SZ-1/witnesses');
    assert.equal(prosecutor.statusCode, 200);
    const shown = byId(prosecutor.body) as Map<string, { person: string | null; name: string | null; withheld: boolean; pseudonym: { nl: string } }>;
    assert.deepEqual([...shown.keys()].sort(), ['W-1', 'W-2', 'W-3']);
    assert.deepEqual([shown.get('W-1')!.person, shown.get('W-1')!.withheld, shown.get('W-1')!.pseudonym.nl], [null, true, 'getuige A-12']);
    assert.equal(shown.get('W-2')!.name, 'Open Getuige', 'an unprotected witness is named to every reader of the case');
    for (const secret of SECRETS) assert.ok(!prosecutor.body.includes(secret), `the prosecutor's list holds ${secret}`);
    // the IND reads only the witnesses of its own 1F files
    assert.equal((await clients.get('ind-1f')!.request('GET', '/api/cases/criminal/SZ-1/witnesses')).statusCode, 403);
    assert.equal((await clients.get('dtv')!.request('GET', '/api/cases/criminal/SZ-1/witnesses')).statusCode, 403);
  });

  it("the witness's stream read withholds person and name from its events for the prosecutor, not for the police", async () => {
    const prosecutor = await clients.get('prosecutor')!.request('GET', '/api/witnesses/W-1');
    assert.equal(prosecutor.statusCode, 200);
    const body = prosecutor.json<{ timeline: { type: string; data: Record<string, unknown> }[]; witness: { withheld: boolean } }>();
    assert.equal(body.witness.withheld, true);
    assert.deepEqual(body.timeline.find((event) => event.type === 'witness.registered')!.data, { criminalCase: 'SZ-1', pseudonym: 'A-12', country: 'NLD' });
    for (const secret of SECRETS) assert.ok(!prosecutor.body.includes(secret), `the prosecutor's stream read holds ${secret}`);
    const police = await clients.get('police')!.request('GET', '/api/witnesses/W-3');
    assert.ok(police.body.includes('P-W3') && police.body.includes('Fictieve Getuige Drie'));
    // as recorded before the measure, the measure is still there as the registry knows it now: the identity stays withheld
    const earlier = await clients.get('prosecutor')!.request('GET', '/api/witnesses/W-3?date=2024-03-01');
    assert.equal(earlier.statusCode, 200);
    for (const secret of SECRETS) assert.ok(!earlier.body.includes(secret), `an earlier date shows ${secret}`);
    assert.equal((await clients.get('ind-1f')!.request('GET', '/api/witnesses/W-1')).statusCode, 403);
    assert.equal((await clients.get('police')!.request('GET', '/api/witnesses/W-4')).statusCode, 403);
  });

  it('the risk lists: cases resting on witnesses no longer available or in a changed country; unwilling witnesses for the police', async () => {
    const atRisk = await clients.get('prosecutor')!.request('GET', '/api/witnesses/at-risk');
    assert.equal(atRisk.statusCode, 200);
    const items = atRisk.json<{ items: { case: string; evidence: string[]; elements: null; witnesses: { id: string; reasons: string[] }[] }[] }>().items;
    assert.deepEqual(items.map((item) => item.case), ['criminal/SZ-1']);
    assert.deepEqual(items[0]!.evidence, ['ES-1', 'ES-3']);
    assert.deepEqual(items[0]!.elements, [], 'the proof matrix links no element to these statements');
    assert.deepEqual(items[0]!.witnesses.map((witness) => [witness.id, witness.reasons]), [['W-1', ['unavailable', 'country-situation-changed']], ['W-3', ['unavailable', 'country-situation-changed']]]);
    for (const secret of SECRETS) assert.ok(!atRisk.body.includes(secret), `the prosecutor's risk list holds ${secret}`);
    const syria = (await clients.get('police')!.request('GET', '/api/witnesses/at-risk?country=IRQ')).json<{ items: unknown[] }>();
    assert.deepEqual(syria.items, [], 'the police do not see the IND\'s witness in Iraq');
    const ind = (await clients.get('ind-1f')!.request('GET', '/api/witnesses/at-risk')).json<{ items: { case: string; witnesses: { reasons: string[] }[] }[] }>();
    assert.deepEqual(ind.items.map((item) => [item.case, item.witnesses[0]!.reasons]), [['exclusion/IF-1', ['unavailable']]]);
    // before the fall of the regime, W-1 had not returned and Syria's change was not there yet: only the unwilling W-3
    const before = (await clients.get('prosecutor')!.request('GET', '/api/witnesses/at-risk?date=2024-12-01')).json<{ items: { witnesses: { id: string; reasons: string[] }[] }[] }>();
    assert.deepEqual(before.items[0]!.witnesses.map((witness) => [witness.id, witness.reasons]), [['W-3', ['unavailable']]]);

    const potential = await clients.get('police')!.request('GET', '/api/witnesses/potential?country=SYR');
    assert.equal(potential.statusCode, 200);
    const found = potential.json<{ items: { id: string; person: string; unwillingSince: string; changed: { date: string } }[] }>().items;
    assert.deepEqual(found.map((item) => [item.id, item.person, item.unwillingSince, item.changed.date]), [['W-3', 'P-W3', '2024-06-01', '2024-12-08']]);
    assert.equal((await clients.get('prosecutor')!.request('GET', '/api/witnesses/potential')).statusCode, 403);
    assert.deepEqual((await clients.get('police')!.request('GET', '/api/witnesses/potential?country=IRQ')).json<{ items: unknown[] }>().items, []);
  });

  it('the access log names the person of a protected witness only for the accesses that showed it', async () => {
    await clients.get('prosecutor')!.request('GET', '/api/witnesses/W-1');
    await clients.get('prosecutor')!.request('GET', '/api/cases/criminal/SZ-1/witnesses');
    await clients.get('police')!.request('GET', '/api/witnesses/W-1');
    const log = await clients.get('auditor')!.request('GET', '/api/access-log?limit=500');
    assert.equal(log.statusCode, 200);
    const entries = log.json<{ items: { role: string; resource: string; persons: string[] }[] }>().items;
    const prosecutors = entries.filter((entry) => entry.role === 'prosecutor');
    assert.ok(prosecutors.some((entry) => entry.resource === 'witness/W-1'));
    for (const entry of prosecutors) for (const secret of SECRETS) assert.ok(!entry.persons.includes(secret), `${entry.resource} logged ${secret} for the prosecutor`);
    assert.ok(entries.some((entry) => entry.role === 'police' && entry.resource === 'witness/W-1' && entry.persons.includes('P-W1')));
  });

  it('the export holds no witness stream for roles without an export grant for witnesses', async () => {
    const all = await clients.get('prosecutor')!.request('GET', '/api/export?limit=10000');
    assert.equal(all.statusCode, 200);
    assert.ok(!all.body.includes('"witness/'), 'witness streams are not exported over the API');
    for (const secret of SECRETS.filter((value) => value.startsWith('P-'))) assert.ok(!all.body.includes(`"${secret}"`), `the export holds ${secret}`);
    assert.equal((await clients.get('prosecutor')!.request('GET', '/api/export?stream=witness/W-1')).statusCode, 403);
  });

  it("registering a witness is for the case's owners; a protective measure is the police's; every role tried", async () => {
    const register = (role: string, stream: string, data: Record<string, unknown>) => clients.get(role)!.request('POST', '/api/events', events({ id: `reg-${role}-${stream.replace('/', '-')}`, stream, type: 'witness.registered', date: '2025-05-01', data }));
    const onCriminal = { criminalCase: 'SZ-1', name: 'Nieuwe Getuige (fictief)' };
    const onExclusion = { exclusionCase: 'IF-1', name: 'Nieuwe Getuige (fictief)' };
    const answers: Record<string, [number, number]> = {};
    for (const role of ROLES) {
      answers[role] = [(await register(role, `witness/N-${role}-c`, onCriminal)).statusCode, (await register(role, `witness/N-${role}-x`, onExclusion)).statusCode];
    }
    assert.deepEqual(answers, {
      police: [201, 403], prosecutor: [201, 403], 'ind-1f': [403, 201], dtv: [403, 403], ministry: [403, 403], admin: [403, 403], auditor: [403, 403],
    });
    // The registry gave each new witness a code unused on its case, which its readers see
    const registered = await server.store.db.query<{ stream: string; code: string; caseId: string }>(
      "SELECT stream, data ->> 'pseudonym' AS code, COALESCE(data ->> 'criminalCase', data ->> 'exclusionCase') AS \"caseId\" FROM events WHERE type = 'witness.registered'",
    );
    for (const caseId of ['SZ-1', 'IF-1']) {
      const codes = registered.filter((row) => row.caseId === caseId).map((row) => row.code);
      assert.equal(new Set(codes).size, codes.length, `the codes on ${caseId} differ`);
    }
    const assigned = registered.find((row) => row.stream === 'witness/N-police-c')!.code;
    assert.match(assigned, /^[A-HJ-NP-Z]-[1-9][0-9]?$/);
    const read = await clients.get('prosecutor')!.request('GET', '/api/witnesses/N-police-c');
    assert.equal(read.json<{ witness: { code: string } }>().witness.code, assigned);
    // A code the client chooses is refused, for the roles that may register (others are refused by the policy first)
    const chosen = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, (await register(role, `witness/K-${role}-c`, { ...onCriminal, pseudonym: 'C-7' })).statusCode] as const)));
    assert.deepEqual(chosen, { police: 400, prosecutor: 400, 'ind-1f': 403, dtv: 403, ministry: 403, admin: 403, auditor: 403 });
    const protect = (role: string, id: string) => clients.get(role)!.request('POST', '/api/events', events({ id, stream: 'witness/W-2', type: 'witness.protection-set', date: '2025-05-02', data: { measure: 'shielded' } }));
    assert.equal((await protect('prosecutor', 'prot-om')).statusCode, 403, 'a role that sees the pseudonym cannot set or lift a measure');
    assert.equal((await protect('ind-1f', 'prot-ind')).statusCode, 403);
    assert.equal((await protect('police', 'prot-tim')).statusCode, 201);
    const lift = await clients.get('prosecutor')!.request('POST', '/api/retractions', { stream: 'witness/W-1', event: 'w1p', reason: 'test' });
    assert.equal(lift.statusCode, 403, 'nor retract one');
    const moved = await clients.get('prosecutor')!.request('POST', '/api/events', events({ id: 'av-om', stream: 'witness/W-2', type: 'witness.availability-changed', date: '2025-05-03', data: { status: 'returned', country: 'SYR' } }));
    assert.equal(moved.statusCode, 201);
  });

  it('a statement is a witness statement of the same case; the state machine refuses what the witness cannot do', async () => {
    const link = (id: string, evidence: string) => clients.get('police')!.request('POST', '/api/events', events({ id, stream: 'witness/W-2', type: 'witness.statement-linked', date: '2025-05-04', data: { evidence } }));
    const photo = await link('l-photo', 'EP-1');
    assert.equal(photo.statusCode, 422, photo.body);
    assert.match(photo.body, /EP-1 is a photo, not a witness-statement/);
    const other = await link('l-other', 'ES-4');
    assert.notEqual(other.statusCode, 201);
    const missing = await link('l-missing', 'ES-404');
    assert.notEqual(missing.statusCode, 201);
    assert.equal((await link('l-again', 'ES-2')).statusCode, 422, 'a statement is linked once');
  });
});

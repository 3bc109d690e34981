/**
 * Witnesses keep the interchange format's rules (README, "Witnesses"): references to the case, the person and the
 * statements checked, a statement only of kind witness-statement and of the witness's case, all or nothing,
 * retraction as recorded, the hash chain, and an export that imports again to the same log.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { verifyLog } from '../audit/verify-store.js';
import { EVENT_LOG } from '../audit/event-chain.js';
import { parseAsOf } from '../domain/as-of.js';
import { listCaseWitnesses } from '../operations/list-case-witnesses.js';
import { OPERATOR_IDENTIFIES } from '../operations/witness-streams.js';
import { TEST_ENGINES, type TestStore } from '../store/testing/test-stores.js';
import { importEvents } from './import-events.js';
import { textSource } from './sources.js';
import { exportRoundTrip } from '../export/testing/round-trip.js';

const now = () => new Date('2026-06-15T10:00:00Z');
const statement = (cases: Record<string, string[]>, kind = 'witness-statement') => ({ ...cases, kind, title: 'Verklaring (fictief)', source: { type: 'witness' }, acquired: { date: '2025-01-05', by: 'TIM', method: 'interview' } });
const LINES = [
  { id: 'p1', stream: 'person/P-1', type: 'person.registered', date: '1970-01-01', recordedAt: '2026-01-01T09:00:00Z', data: { names: ['Fictieve Verdachte'] } },
  { id: 'p2', stream: 'person/P-2', type: 'person.registered', date: '1980-01-01', recordedAt: '2026-01-01T09:00:00Z', data: { names: ['Fictieve Getuige'] } },
  { id: 'c1', stream: 'criminal/SZ-1', type: 'criminal.opened', date: '2025-01-01', recordedAt: '2026-01-01T09:00:00Z', data: { suspect: 'P-1', offences: ['war-crimes'] } },
  { id: 'c2', stream: 'criminal/SZ-2', type: 'criminal.opened', date: '2025-01-01', recordedAt: '2026-01-01T09:00:00Z', data: { suspect: 'P-1', offences: ['torture'] } },
  { id: 'e1', stream: 'evidence/E-1', type: 'evidence.registered', date: '2025-01-05', recordedAt: '2026-01-02T09:00:00Z', data: statement({ criminalCases: ['SZ-1'] }) },
  { id: 'e2', stream: 'evidence/E-2', type: 'evidence.registered', date: '2025-01-05', recordedAt: '2026-01-02T09:00:00Z', data: statement({ criminalCases: ['SZ-2'] }) },
  { id: 'e3', stream: 'evidence/E-3', type: 'evidence.registered', date: '2025-01-05', recordedAt: '2026-01-02T09:00:00Z', data: statement({ criminalCases: ['SZ-1'] }, 'photo') },
  { id: 'w1', stream: 'witness/W-1', type: 'witness.registered', date: '2025-01-05', recordedAt: '2026-01-03T09:00:00Z', data: { criminalCase: 'SZ-1', person: 'P-2', pseudonym: 'A-12', country: 'NLD' } },
  { id: 'w2', stream: 'witness/W-1', type: 'witness.protection-set', date: '2025-01-06', recordedAt: '2026-01-03T09:01:00Z', data: { measure: 'threatened' } },
  { id: 'w3', stream: 'witness/W-1', type: 'witness.statement-linked', date: '2025-01-07', recordedAt: '2026-01-03T09:02:00Z', data: { evidence: 'E-1' } },
  { id: 'w4', stream: 'witness/W-1', type: 'witness.availability-changed', date: '2025-02-10', recordedAt: '2026-02-11T09:00:00Z', data: { status: 'returned', country: 'SYR' } },
  { id: 'w5', stream: 'witness/W-1', type: 'retracted', date: '2026-02-12', recordedAt: '2026-02-12T09:00:00Z', data: { event: 'w4', reason: 'verwisseld (fictief)' } },
];
const jsonl = (lines: readonly object[]) => lines.map((line) => JSON.stringify(line)).join('\n');
const rejectsWith = (pattern: RegExp) => (error: Error & { problems?: { message: string }[] }) => error.problems?.some((problem) => pattern.test(problem.message)) === true;

describe('witnesses in the interchange format', () => {
  const stores: TestStore[] = [];
  const open = async () => { const store = await TEST_ENGINES[0]!.open(); stores.push(store); return store; };
  after(async () => { for (const store of stores) await store.dispose(); });

  it('imports, retracts as recorded, keeps the hash chain, and exports to a file that imports to the same log', async () => {
    const first = await open();
    await importEvents(first.db, [textSource('witnesses.jsonl', jsonl(LINES))], { now });
    const status = async (recordedAt: string) => (await listCaseWitnesses(first.db, {
      caseStream: 'criminal/SZ-1', asOf: parseAsOf({ asRecordedAt: recordedAt }, now()), mayIdentify: OPERATOR_IDENTIFIES, situations: [],
    }))[0]!.availability.status;
    assert.equal(await status('2026-02-11T12:00:00Z'), 'returned');
    assert.equal(await status('2026-02-13T00:00:00Z'), 'available');
    const chain = await verifyLog(first.db, EVENT_LOG);
    assert.deepEqual([chain.entries, chain.broken], [LINES.length, undefined]);
    const { exported, again } = await exportRoundTrip(first.db, (await open()).db, now);
    assert.deepEqual(again, exported);
    assert.ok(exported.some((line) => line.includes('"witness.statement-linked"')));
  });

  it('refuses a statement of another kind or another case, a missing reference, and stores nothing then', async () => {
    const store = await open();
    const base = LINES.slice(0, 8);
    const link = (evidence: string) => ({ id: 'w9', stream: 'witness/W-1', type: 'witness.statement-linked', date: '2025-01-08', data: { evidence } });
    await assert.rejects(importEvents(store.db, [textSource('photo.jsonl', jsonl([...base, link('E-3')]))], { now }), rejectsWith(/E-3 is a photo, not a witness-statement/));
    await assert.rejects(importEvents(store.db, [textSource('other.jsonl', jsonl([...base, link('E-2')]))], { now }), rejectsWith(/E-2 does not belong to criminal\/SZ-1/));
    await assert.rejects(importEvents(store.db, [textSource('missing.jsonl', jsonl([...base, link('E-404')]))], { now }), rejectsWith(/evidence 'E-404'/));
    const noCase = { ...LINES[7]!, id: 'w0', stream: 'witness/W-0', data: { criminalCase: 'SZ-404', name: 'X (fictief)', pseudonym: 'B-2' } };
    await assert.rejects(importEvents(store.db, [textSource('nocase.jsonl', jsonl([...base, noCase]))], { now }), rejectsWith(/criminal 'SZ-404'/));
    assert.deepEqual(await store.db.query('SELECT id FROM events'), []);
  });

  it('gives a registration without a pseudonym a code unused on its case, keeps a given one (older events), and keeps the code when the file comes again', async () => {
    const store = await open();
    await importEvents(store.db, [textSource('witnesses.jsonl', jsonl(LINES))], { now });
    // 40 more witnesses on SZ-1 without a code, in two batches of one import; one on SZ-2
    const more = Array.from({ length: 40 }, (_, index) => ({
      id: `n${index}`, stream: `witness/N-${index}`, type: 'witness.registered', date: '2025-03-01', recordedAt: '2026-03-01T09:00:00Z',
      data: { criminalCase: 'SZ-1', name: `Getuige ${index} (fictief)` },
    }));
    const other = { id: 'n-other', stream: 'witness/N-other', type: 'witness.registered', date: '2025-03-01', recordedAt: '2026-03-01T09:00:00Z', data: { criminalCase: 'SZ-2', name: 'Getuige (fictief)' } };
    const file = jsonl([...more, other]);
    await importEvents(store.db, [textSource('more.jsonl', file)], { now, batchSize: 25 });
    const codes = async () => new Map((await store.db.query<{ stream: string; code: string }>(
      "SELECT stream, data ->> 'pseudonym' AS code FROM events WHERE type = 'witness.registered' AND data ->> 'criminalCase' = 'SZ-1' ORDER BY stream",
    )).map((row) => [row.stream, row.code]));
    const onCase = await codes();
    assert.equal(onCase.size, 41);
    assert.equal(onCase.get('witness/W-1'), 'A-12', 'the code an older event carries stays');
    assert.equal(new Set(onCase.values()).size, 41, 'every witness of the case has a code of its own');
    for (const code of onCase.values()) assert.match(code, /^[A-HJ-NP-Z]-[1-9][0-9]?$/);
    const witnesses = await listCaseWitnesses(store.db, { caseStream: 'criminal/SZ-1', asOf: parseAsOf({}, now()), mayIdentify: () => false, situations: [] });
    assert.equal(witnesses.find((witness) => witness.id === 'N-3')!.code, onCase.get('witness/N-3'), 'the list shows the stored code');
    const again = await importEvents(store.db, [textSource('more.jsonl', file)], { now });
    assert.deepEqual([again.added, again.unchanged], [0, 41], 'the same file again is unchanged: each registration keeps its code');
    assert.deepEqual(await codes(), onCase);
    const chain = await verifyLog(store.db, EVENT_LOG);
    assert.equal(chain.broken, undefined);
  });
});

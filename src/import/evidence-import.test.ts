/**
 * Evidence items keep the interchange format's rules (README, "The interchange format"): references to their cases
 * checked, all or nothing, retraction, the hash chain, and an export that imports again to the same log.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { verifyLog } from '../audit/verify-store.js';
import { EVENT_LOG } from '../audit/event-chain.js';
import { showEvidence } from '../operations/show-evidence.js';
import { parseAsOf } from '../domain/as-of.js';
import { TEST_ENGINES, type TestStore } from '../store/testing/test-stores.js';
import { importEvents } from './import-events.js';
import { textSource } from './sources.js';
import { exportRoundTrip } from '../export/testing/round-trip.js';

const now = () => new Date('2026-06-15T10:00:00Z');
const registration = { criminalCases: ['SZ-1'], kind: 'video', title: 'Video (fictief)', source: { type: 'open-source' }, acquired: { date: '2026-01-05', by: 'TIM', method: 'capture' } };
const LINES = [
  { id: 'p1', stream: 'person/P-1', type: 'person.registered', date: '1970-01-01', recordedAt: '2026-01-01T09:00:00Z', data: { names: ['Fictieve Verdachte'] } },
  { id: 'c1', stream: 'criminal/SZ-1', type: 'criminal.opened', date: '2025-01-01', recordedAt: '2026-01-01T09:00:00Z', data: { suspect: 'P-1', offences: ['war-crimes'] } },
  { id: 'x1', stream: 'exclusion/IF-1', type: 'exclusion.opened', date: '2025-01-01', recordedAt: '2026-01-01T09:00:00Z', data: { person: 'P-1' } },
  { id: 'e1', stream: 'evidence/E-1', type: 'evidence.registered', date: '2026-01-05', recordedAt: '2026-01-06T09:00:00Z', data: registration },
  { id: 'e2', stream: 'evidence/E-1', type: 'evidence.file-attached', date: '2026-01-05', recordedAt: '2026-01-06T09:01:00Z', data: { sha256: 'a'.repeat(64), size: 10, mediaType: 'video/mp4', fileName: 'clip.mp4', url: 'https://example.org/v/1', capturedAt: '2026-01-05T08:00:00Z', tool: 'imketen 0.1.0' } },
  { id: 'e3', stream: 'evidence/E-1', type: 'evidence.linked', date: '2026-02-01', recordedAt: '2026-02-01T09:00:00Z', data: { exclusionCase: 'IF-1' } },
  { id: 'e4', stream: 'evidence/E-1', type: 'evidence.verified', date: '2026-02-02', recordedAt: '2026-02-02T09:00:00Z', data: { step: 'content', outcome: 'confirmed', method: 'geolocatie (fictief)' } },
  { id: 'e5', stream: 'evidence/E-1', type: 'retracted', date: '2026-02-03', recordedAt: '2026-02-03T09:00:00Z', data: { event: 'e3', reason: 'verkeerd dossier' } },
];
const jsonl = (lines: readonly object[]) => lines.map((line) => JSON.stringify(line)).join('\n');

describe('evidence in the interchange format', () => {
  const stores: TestStore[] = [];
  const open = async () => { const store = await TEST_ENGINES[0]!.open(); stores.push(store); return store; };
  after(async () => { for (const store of stores) await store.dispose(); });

  it('imports, retracts bitemporally, keeps the hash chain, and exports to a file that imports to the same log', async () => {
    const first = await open();
    await importEvents(first.db, [textSource('evidence.jsonl', jsonl(LINES))], { now });
    const at = (recordedAt: string) => parseAsOf({ asRecordedAt: recordedAt }, now());
    assert.deepEqual((await showEvidence(first.db, { id: 'E-1', asOf: at('2026-02-02T12:00:00Z') })).cases, ['criminal/SZ-1', 'exclusion/IF-1']);
    assert.deepEqual((await showEvidence(first.db, { id: 'E-1', asOf: at('2026-02-04T00:00:00Z') })).cases, ['criminal/SZ-1']);
    const chain = await verifyLog(first.db, EVENT_LOG);
    assert.deepEqual([chain.entries, chain.broken], [LINES.length, undefined]);
    const { exported, again } = await exportRoundTrip(first.db, (await open()).db, now);
    assert.deepEqual(again, exported);
    assert.ok(exported.some((line) => line.includes('"evidence.file-attached"')));
  });

  it('checks the references to its cases, and stores nothing of a file with one bad line', async () => {
    const store = await open();
    const bad = [...LINES.slice(0, 4), { id: 'e9', stream: 'evidence/E-2', type: 'evidence.registered', date: '2026-01-05', data: { ...registration, criminalCases: ['SZ-404'] } }];
    await assert.rejects(importEvents(store.db, [textSource('bad.jsonl', jsonl(bad))], { now }), (error: Error & { problems?: { field?: string; line?: number }[] }) =>
      error.problems?.some((problem) => problem.line === 5 && problem.field === 'data.criminalCases[0]') === true);
    assert.deepEqual(await store.db.query('SELECT id FROM events'), []);
    const unlinkLast = [...LINES.slice(0, 4), { id: 'e9', stream: 'evidence/E-1', type: 'evidence.unlinked', date: '2026-01-06', data: { criminalCase: 'SZ-1' } }];
    await assert.rejects(importEvents(store.db, [textSource('bad.jsonl', jsonl(unlinkLast))], { now }), (error: Error & { problems?: { message: string }[] }) =>
      error.problems?.some((problem) => /only case/.test(problem.message)) === true);
    assert.deepEqual(await store.db.query('SELECT id FROM events'), []);
  });
});

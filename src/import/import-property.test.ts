/**
 * Property: random valid criminal-case streams import; a random corruption of such a file is refused and stores
 * nothing. Runs on PGlite (the property is about the pipeline, not the engine).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { EventInput } from '../domain/event.js';
import { validHistory, type Step } from '../testing/criminal-histories.js';
import { ImketenError } from '../domain/errors.js';
import { logPosition } from '../store/event-store.js';
import { TEST_ENGINES, type TestStore } from '../store/testing/test-stores.js';
import { jsonl } from '../testing/event-factory.js';
import { importEvents } from './import-events.js';
import { textSource } from './sources.js';

/** Ways to break a file; each must be refused. */
const corruptions: Record<string, (events: EventInput[], at: number) => string> = {
  'not JSON': (events, at) => jsonl(events).split('\n').map((line, i) => (i === at ? line.slice(0, -3) : line)).join('\n'),
  'impossible date': (events, at) => jsonl(events.map((e, i) => (i === at ? { ...e, date: '2025-02-30' } : e))),
  'unknown type': (events, at) => jsonl(events.map((e, i) => (i === at ? { ...e, type: `${e.type}-x` } : e))),
  'unknown field': (events, at) => jsonl(events.map((e, i) => (i === at ? { ...e, data: { ...e.data, remark: 'x' } } : e))),
  'unknown reference': (events) => jsonl(events.map((e) => (e.type === 'criminal.opened' ? { ...e, data: { ...e.data, suspect: 'P-nobody' } } : e))),
  'event before the opening': (events, at) => jsonl(events.map((e, i) => (i === at ? { ...e, date: '2000-01-01' } : e))),
};

describe('importing random streams (property)', () => {
  const engine = TEST_ENGINES[0]!;
  let store: TestStore;
  before(async () => { store = await engine.open(); });
  after(async () => { await store?.dispose(); });
  const now = () => new Date('2026-01-01T00:00:00Z');
  const stepArb = fc.array(fc.constantFrom<Step>('arrest', 'indict', 'judge', 'appeal', 'cassation', 'close'), { minLength: 0, maxLength: 12 });
  const gapsArb = fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 5 });
  let run = 0;

  it('imports every valid random stream', async () => {
    await fc.assert(fc.asyncProperty(stepArb, gapsArb, async (steps, gaps) => {
      run += 1;
      const events = validHistory(run, steps, gaps);
      const summary = await importEvents(store.db, [textSource('valid.jsonl', jsonl(events))], { now });
      assert.equal(summary.added, events.length);
    }), { numRuns: 40 });
  });

  it('refuses every corrupted file and stores nothing of it', async () => {
    const corruptionArb = fc.constantFrom(...Object.keys(corruptions));
    await fc.assert(fc.asyncProperty(stepArb, gapsArb, corruptionArb, fc.nat(), async (steps, gaps, corruption, pick) => {
      run += 1;
      // Arrested first, so the case has at least one event after its opening to corrupt.
      const events = validHistory(run, ['arrest', ...steps], gaps);
      const at = 2 + (pick % (events.length - 2));
      const text = corruptions[corruption]!(events, at);
      const before = await logPosition(store.db);
      await assert.rejects(importEvents(store.db, [textSource('corrupt.jsonl', text)], { now }), (error) => error instanceof ImketenError && error.code === 'IMPORT_REJECTED');
      assert.equal(await logPosition(store.db), before);
    }), { numRuns: 60 });
  });
});

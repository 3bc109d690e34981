/**
 * The replay pass under memory pressure: with room for only a few events, streams are replayed early, touched
 * again, read back from the store, or existed before the import. Whatever the path, the projection must be the
 * one a rebuild from the log alone gives, and a broken stream must be reported at its line.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { EventInput } from '../domain/event.js';
import { ImketenError } from '../domain/errors.js';
import type { Db } from '../store/db.js';
import { rebuildProjections } from '../store/rebuild-projections.js';
import { TEST_ENGINES, type TestStore } from '../store/testing/test-stores.js';
import { validHistory, type Step } from '../testing/criminal-histories.js';
import { EventFactory, jsonl } from '../testing/event-factory.js';
import { importEvents } from './import-events.js';
import { textSource } from './sources.js';

const now = () => new Date('2026-01-01T00:00:00Z');

async function projection(db: Db): Promise<string[]> {
  const rows = await db.query(
    `SELECT stream, phase, attributes, valid_from, valid_until, recorded_from, recorded_until, since_event
     FROM case_segments ORDER BY stream, recorded_from, valid_from, since_event`,
  );
  return rows.map((row) => JSON.stringify(row));
}

/** Merges histories into one sequence that keeps each history's own order, choosing by `picks`. */
function interleave(histories: EventInput[][], picks: number[]): EventInput[] {
  const queues = histories.map((history) => [...history]);
  const merged: EventInput[] = [];
  for (let i = 0; queues.some((queue) => queue.length > 0); i++) {
    const open = queues.filter((queue) => queue.length > 0);
    merged.push(open[(picks[i % picks.length] ?? 0) % open.length]!.shift()!);
  }
  return merged;
}

for (const engine of TEST_ENGINES) {
  describe(`replaying streams with little memory on ${engine.name}`, { skip: engine.skip }, () => {
    let store: TestStore;
    before(async () => { store = await engine.open(); });
    after(async () => { await store?.dispose(); });
    let run = 0;

    it('builds the same projection as a rebuild, whichever way each stream was replayed', async () => {
      const stepArb = fc.array(fc.constantFrom<Step>('arrest', 'indict', 'judge', 'appeal', 'cassation', 'close'), { maxLength: 8 });
      const historiesArb = fc.array(fc.tuple(stepArb, fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 6 });
      await fc.assert(fc.asyncProperty(
        historiesArb, fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 2 }),
        fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }),
        async (histories, picks, cuts, replayCapacity, batchSize) => {
          const events = interleave(histories.map(([steps, gaps]) => validHistory(++run, steps, gaps)), picks);
          // Cut into consecutive imports: each keeps a prefix of every history, so each is valid on its own.
          const bounds = [0, ...cuts.map((cut) => Math.floor(cut * events.length)).sort((a, b) => a - b), events.length];
          for (let i = 0; i + 1 < bounds.length; i++) {
            const part = events.slice(bounds[i], bounds[i + 1]);
            if (part.length === 0) continue;
            const summary = await importEvents(store.db, [textSource(`part-${i}.jsonl`, jsonl(part))], { now, replayCapacity, batchSize });
            assert.equal(summary.added, part.length);
            assert.equal(summary.streams, new Set(part.map((event) => event.stream)).size);
          }
          const imported = await projection(store.db);
          await rebuildProjections(store.db);
          assert.deepEqual(imported, await projection(store.db));
        },
      ), { numRuns: engine.name === 'pglite' ? 40 : 15 });
    });

    it('names the line of an event that breaks a stream replayed early and touched again', async () => {
      const f = new EventFactory('late');
      const others = Array.from({ length: 6 }, (_, i) => f.person(`P-other-${i}`));
      const events = [
        f.person('P-late'),
        f.criminalOpened('SZ-late', 'P-late', '2020-03-01'),
        ...others,
        f.event('criminal/SZ-late', 'criminal.indicted', '2019-06-01', { court: 'Rechtbank Den Haag' }),
      ];
      const error = await importEvents(store.db, [textSource('late.jsonl', jsonl(events))], { now, replayCapacity: 2, batchSize: 1 })
        .then(() => assert.fail('expected a rejection'), (caught: unknown) => caught);
      assert.ok(error instanceof ImketenError && error.code === 'IMPORT_REJECTED');
      assert.equal(error.problems.length, 1);
      assert.equal(error.problems[0]!.file, 'late.jsonl');
      assert.equal(error.problems[0]!.line, events.length);
      assert.match(error.problems[0]!.message, /criminal\/SZ-late/);
    });

    it('replays a stream stored by an earlier import with its new events, and names the new line', async () => {
      const f = new EventFactory('two');
      await importEvents(store.db, [textSource('first.jsonl', jsonl([f.person('P-two'), f.criminalOpened('SZ-two', 'P-two', '2020-03-01')]))], { now });
      const second = [f.person('P-two-b'), f.event('criminal/SZ-two', 'criminal.opened', '2021-01-01', { suspect: 'P-two', offences: ['torture'] })];
      const error = await importEvents(store.db, [textSource('second.jsonl', jsonl(second))], { now, replayCapacity: 1, batchSize: 1 })
        .then(() => assert.fail('expected a rejection'), (caught: unknown) => caught);
      assert.ok(error instanceof ImketenError);
      assert.deepEqual(error.problems.map((problem) => [problem.file, problem.line, problem.code]), [['second.jsonl', 2, 'TRANSITION_NOT_ALLOWED']]);
    });
  });
}

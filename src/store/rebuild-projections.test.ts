import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Readable } from 'node:stream';
import { demoJsonLines } from '../demo/generate-demo.js';
import { importEvents } from '../import/import-events.js';
import { streamSource } from '../import/sources.js';
import { rebuildProjections } from './rebuild-projections.js';
import { TEST_ENGINES, type TestStore } from './testing/test-stores.js';

const snapshot = (store: TestStore) => store.db.query(
  `SELECT stream, kind, phase, attributes, valid_from, valid_until, recorded_from, recorded_until, since_event
   FROM case_segments ORDER BY stream, recorded_from, valid_from`,
);

describe('the projections', () => {
  let store: TestStore;
  before(async () => {
    store = await TEST_ENGINES[0]!.open();
    await importEvents(store.db, [streamSource('demo', Readable.from(demoJsonLines({ scale: 1 })))], { now: () => new Date('2026-11-28T00:00:00Z') });
  });
  after(async () => { await store?.dispose(); });

  it('are rebuilt from the events alone into exactly what the imports built', async () => {
    const built = await snapshot(store);
    assert.ok(built.length > 1000);
    await store.db.exec('DELETE FROM case_segments');
    const result = await rebuildProjections(store.db);
    assert.equal(result.segments, built.length);
    assert.deepEqual(await snapshot(store), built);
  });
});

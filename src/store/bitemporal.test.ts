import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importEvents } from '../import/import-events.js';
import { textSource } from '../import/sources.js';
import { EventFactory, jsonl } from '../testing/event-factory.js';
import { segmentOnDate, visibleAsRecordedAt } from './bitemporal.js';
import { TEST_ENGINES, type TestStore } from './testing/test-stores.js';

const KNOWN = '2026-01-10T09:00:00.000Z';
const RETRACTED_AT = '2026-02-10T09:00:00.000Z';

describe('the bitemporal rule as SQL fragments', () => {
  let store: TestStore;
  const f = new EventFactory('bt');
  const arrest = f.event('criminal/SZ-1', 'criminal.suspect-arrested', '2024-02-01');
  before(async () => {
    store = await TEST_ENGINES[0]!.open();
    const load = (events: object[], at: string) => importEvents(store.db, [textSource('s.jsonl', jsonl(events.map((event) => ({ ...event, recordedAt: at }))))], { now: () => new Date(at) });
    await load([f.person('P-1'), f.criminalOpened('SZ-1', 'P-1', '2024-01-01'), arrest], KNOWN);
    await load([f.event('criminal/SZ-1', 'retracted', '2024-03-01', { event: arrest.id, reason: 'wrong person' })], RETRACTED_AT);
  });
  after(async () => { await store?.dispose(); });

  const visible = async (moment: string) => (await store.db.query<{ id: string }>(
    `SELECT e.id FROM events e WHERE e.type = 'criminal.suspect-arrested' AND ${visibleAsRecordedAt('e', '$1::timestamptz')}`, [moment],
  )).map((row) => row.id);
  const phase = async (date: string, moment: string) => (await store.db.query<{ phase: string }>(
    `SELECT phase FROM case_segments WHERE stream = 'criminal/SZ-1' AND ${segmentOnDate('$1::date', '$2::timestamptz')}`, [date, moment],
  )).map((row) => row.phase);

  it('an event stands from its recording until a retraction of it is recorded', async () => {
    assert.deepEqual(await visible('2026-01-01T00:00:00.000Z'), [], 'not known yet');
    assert.deepEqual(await visible(KNOWN), [arrest.id]);
    assert.deepEqual(await visible('2026-02-01T00:00:00.000Z'), [arrest.id]);
    assert.deepEqual(await visible(RETRACTED_AT), [], 'retracted');
  });

  it('a case holds one phase on a date as known at a moment', async () => {
    assert.deepEqual(await phase('2023-12-31', KNOWN), [], 'not opened yet on that date');
    assert.deepEqual(await phase('2024-01-15', KNOWN), ['investigation']);
    assert.equal((await phase('2024-02-15', KNOWN)).length, 1);
    assert.deepEqual(await phase('2024-02-15', '2026-01-01T00:00:00.000Z'), [], 'nothing was known then');
    assert.deepEqual(await phase('2024-02-15', RETRACTED_AT), await phase('2024-01-15', RETRACTED_AT), 'the retracted arrest changes nothing any more');
  });
});

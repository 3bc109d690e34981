import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { appendEvents, readLog, readStream, type EventRow } from './event-store.js';
import { TEST_ENGINES, type TestStore } from './testing/test-stores.js';

function eventRow(overrides: Partial<EventRow> = {}): EventRow {
  return {
    id: 'ev-1', stream: 'person/P-1', kind: 'person', type: 'person.registered', date: '2020-01-02',
    recordedAt: '2020-01-03T10:00:00.000Z', data: { names: ['Amina Yusuf'] }, refs: [], contentHash: 'h1',
    originFile: null, originLine: null, prevHash: 'p', hash: 'h', ...overrides,
  };
}

for (const engine of TEST_ENGINES) {
  describe(`the event log on ${engine.name}`, { skip: engine.skip }, () => {
    let store: TestStore;
    before(async () => { store = await engine.open(); });
    after(async () => { await store?.dispose(); });

    it('stores events and returns dates, times and sequence numbers in one shape on every engine', async () => {
      const added = await appendEvents(store.db, null, [eventRow(), eventRow({ id: 'ev-2', type: 'person.alias-added', date: '2021-05-06', data: { name: 'Amina Youssef' } })]);
      assert.deepEqual([...added.keys()], ['ev-1', 'ev-2']);
      assert.ok(added.get('ev-2')! > added.get('ev-1')!);
      const events = await readStream(store.db, 'person/P-1');
      assert.equal(events.length, 2);
      assert.equal(events[0]!.date, '2020-01-02');
      assert.equal(events[0]!.recordedAt, '2020-01-03T10:00:00.000Z');
      assert.equal(typeof events[0]!.seq, 'number');
      assert.ok(events[1]!.seq > events[0]!.seq);
      assert.deepEqual(events[1]!.data, { name: 'Amina Youssef' });
    });

    it('leaves an id that is already stored alone and says so', async () => {
      const added = await appendEvents(store.db, null, [eventRow({ data: { names: ['Other'] } }), eventRow({ id: 'ev-3', stream: 'person/P-2' })]);
      assert.deepEqual([...added.keys()], ['ev-3']);
      assert.deepEqual((await readStream(store.db, 'person/P-1'))[0]!.data, { names: ['Amina Yusuf'] });
    });

    it('refuses to update, delete or truncate an event, whoever asks: the log is append-only', async () => {
      await assert.rejects(store.db.query("UPDATE events SET date = '2000-01-01' WHERE id = 'ev-1'"), /append-only/);
      await assert.rejects(store.db.query("DELETE FROM events WHERE id = 'ev-1'"), /append-only/);
      await assert.rejects(store.db.query('TRUNCATE events CASCADE'), /append-only/);
      assert.equal((await readStream(store.db, 'person/P-1')).length, 2);
    });

    it('pages through the whole log in order of arrival', async () => {
      const pages = [];
      for await (const page of readLog(store.db, { pageSize: 2 })) pages.push(page.map((event) => event.id));
      assert.deepEqual(pages, [['ev-1', 'ev-2'], ['ev-3']]);
    });
  });
}

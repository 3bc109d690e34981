/**
 * What a version of a watchlist changed (the watchlists page of the web app): by entry id against the version
 * before it — added, removed, changed with the entry before and after — and the counts the import recorded.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ImketenError } from '../domain/errors.js';
import { TEST_ENGINES, type TestStore } from '../store/testing/test-stores.js';
import { importWatchlist } from './import-watchlist.js';
import { listVersionChanges } from './list-version-changes.js';
import { clock, textFile } from './testing/fixtures.js';

const lines = (...entries: object[]) => entries.map((entry) => JSON.stringify(entry)).join('\n') + '\n';
const karel = { id: 'A', names: ['Karel Voorbeeld'], birthDates: ['1970'], nationalities: ['NLD'], kind: 'person' };
const stichting = { id: 'B', names: ['Stichting Proefwind'], kind: 'organization' };
const anna = { id: 'C', names: ['Anna Fictief'] };

describe('what a watchlist version changed', () => {
  let store: TestStore;
  before(async () => {
    store = await TEST_ENGINES[0]!.open();
    await importWatchlist(store.db, [textFile('v1.jsonl', lines(karel, stichting))], { name: 'proef', now: clock() });
    await importWatchlist(store.db, [textFile('v2.jsonl', lines({ ...karel, names: ['Karel Voorbeeld', 'Carel Voorbeelt'] }, anna))], { name: 'proef', now: clock() });
  });
  after(async () => { await store?.dispose(); });

  it('lists the first version as all added', async () => {
    const first = await listVersionChanges(store.db, 'proef', 1);
    assert.deepEqual([first.added, first.removed, first.changed], [2, 0, 0]);
    assert.deepEqual(first.entries.map((entry) => [entry.entryId, entry.change]), [['A', 'added'], ['B', 'added']]);
  });

  it('lists what the second version added, removed and changed, with the entry before and after', async () => {
    const second = await listVersionChanges(store.db, 'proef', 2);
    assert.deepEqual([second.added, second.removed, second.changed, second.truncated], [1, 1, 1, false]);
    assert.deepEqual(second.entries.map((entry) => [entry.entryId, entry.change]), [['A', 'changed'], ['B', 'removed'], ['C', 'added']]);
    const changed = second.entries[0]!;
    assert.deepEqual(changed.before?.names, ['Karel Voorbeeld']);
    assert.deepEqual(changed.after?.names, ['Karel Voorbeeld', 'Carel Voorbeelt']);
    assert.deepEqual(second.entries[1]!.before, { names: ['Stichting Proefwind'], kind: 'organization', birthDates: [], nationalities: [] });
    assert.equal(second.entries[1]!.after, null);
  });

  it('lists at most the limit, and says so', async () => {
    const short = await listVersionChanges(store.db, 'proef', 2, 2);
    assert.equal(short.entries.length, 2);
    assert.equal(short.truncated, true);
  });

  it('refuses a version or a list that does not exist', async () => {
    await assert.rejects(listVersionChanges(store.db, 'proef', 3), (error) => error instanceof ImketenError && error.code === 'WATCHLIST_NOT_FOUND');
    await assert.rejects(listVersionChanges(store.db, 'geen', 1), (error) => error instanceof ImketenError && error.code === 'WATCHLIST_NOT_FOUND');
  });
});

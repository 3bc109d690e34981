import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ImketenError } from '../domain/errors.js';
import { TEST_ENGINES, type TestStore } from '../store/testing/test-stores.js';
import { importWatchlist } from './import-watchlist.js';
import { listWatchlists } from './list-watchlists.js';
import { clock, fixtureFile, fixtureText, listJsonl, textFile } from './testing/fixtures.js';
import { currentEntries, entriesAtVersion, requireWatchlist } from '../store/watchlist-store.js';

async function rejection(work: Promise<unknown>): Promise<ImketenError> {
  try {
    await work;
  } catch (error) {
    assert.ok(error instanceof ImketenError, String(error));
    return error;
  }
  assert.fail('expected the import to be rejected');
}

for (const engine of TEST_ENGINES) {
  describe(`importing watchlists on ${engine.name}`, { skip: engine.skip }, () => {
    let store: TestStore;
    before(async () => { store = await engine.open(); });
    after(async () => { await store?.dispose(); });

    it('imports the excerpt of the UN consolidated list, detecting its format', async () => {
      const summary = await importWatchlist(store.db, [fixtureFile('matching/un-consolidated-excerpt.xml')], { name: 'un-sc', now: clock() });
      assert.deepEqual(summary, { list: 'un-sc', format: 'un-xml', version: 1, newVersion: true, entries: 5, added: 5, removed: 0, changed: 0, unchanged: 0 });
      const list = await requireWatchlist(store.db, 'un-sc');
      const anwari = (await currentEntries(store.db, list.id)).find((row) => row.entryId === 'TAi.005');
      assert.ok(anwari?.entry.names.includes('محمد طاهر أنوري'));
      assert.deepEqual(anwari?.entry.birthDates, ['1961']);
    });

    it('imports the OFAC SDN list from sdn.csv and alt.csv (Latin-1, CRLF), in either order', async () => {
      const summary = await importWatchlist(store.db, [fixtureFile('matching/ofac-alt-excerpt.csv', 'alt.csv'), fixtureFile('matching/ofac-sdn-excerpt.csv', 'sdn.csv')], { name: 'ofac-sdn', now: clock() });
      assert.deepEqual([summary.format, summary.entries, summary.added], ['ofac-csv', 4, 4]);
      const list = await requireWatchlist(store.db, 'ofac-sdn');
      const shalish = (await currentEntries(store.db, list.id)).find((row) => row.entryId === 'OFAC-8868');
      assert.ok(shalish?.entry.names.includes('SHALEESH, Dhu Himma'));
      assert.deepEqual(shalish?.entry.nationalities, ['SYR']);
    });

    it('imports the generic JSON Lines format, with --format or detected', async () => {
      const summary = await importWatchlist(store.db, [fixtureFile('matching/watchlist.jsonl')], { name: 'own', format: 'jsonl', now: clock() });
      assert.deepEqual([summary.format, summary.entries], ['jsonl', 4]);
    });

    it('versions a list: a re-import reports entries added, removed and changed, and keeps the older version readable', async () => {
      const v1 = listJsonl([
        { id: 'A', names: ['Mohammed al-Hassan'], birthDates: ['1976'] },
        { id: 'B', names: ['Olena Kovalenko'] },
        { id: 'C', names: ['Ivan Petrov'] },
      ]);
      const v2 = listJsonl([
        { id: 'A', names: ['Mohammed al-Hassan'], birthDates: ['1976'] },
        { id: 'B', names: ['Olena Kovalenko', 'Олена Коваленко'] },
        { id: 'D', names: ['Abd al-Rahman Khalaf'] },
      ]);
      await importWatchlist(store.db, [textFile('v1.jsonl', v1)], { name: 'versions', now: clock(new Date('2026-01-01T00:00:00Z')) });
      const second = await importWatchlist(store.db, [textFile('v2.jsonl', v2)], { name: 'versions', now: clock(new Date('2026-02-01T00:00:00Z')) });
      assert.deepEqual(second, { list: 'versions', format: 'jsonl', version: 2, newVersion: true, entries: 3, added: 1, removed: 1, changed: 1, unchanged: 1 });
      const again = await importWatchlist(store.db, [textFile('v2-again.jsonl', v2)], { name: 'versions', now: clock(new Date('2026-03-01T00:00:00Z')) });
      assert.deepEqual([again.version, again.newVersion, again.unchanged], [2, false, 3]);
      const list = await requireWatchlist(store.db, 'versions');
      assert.deepEqual((await entriesAtVersion(store.db, list.id, 1)).map((row) => row.entryId), ['A', 'B', 'C']);
      assert.deepEqual((await currentEntries(store.db, list.id)).map((row) => [row.entryId, row.entry.names.length]), [['A', 1], ['B', 2], ['D', 1]]);
      assert.deepEqual((await currentEntries(store.db, list.id, 1)).map((row) => row.entryId), ['B', 'D']);

      const lists = await listWatchlists(store.db);
      const versions = lists.find((item) => item.name === 'versions');
      assert.deepEqual(versions?.versions.map((version) => [version.version, version.entries, version.added, version.removed, version.changed, version.sources]), [
        [2, 3, 1, 1, 1, ['v2.jsonl']],
        [1, 3, 3, 0, 0, ['v1.jsonl']],
      ]);
      assert.equal(versions?.versions[0]?.sourceHashes[0]?.length, 64);
    });

    it('stores nothing when a file is refused, naming file, line and field', async () => {
      const error = await rejection(importWatchlist(store.db, [fixtureFile('matching/watchlist-bad.jsonl')], { name: 'bad', now: clock() }));
      assert.equal(error.code, 'IMPORT_REJECTED');
      assert.ok(error.problems.some((problem) => problem.file === 'watchlist-bad.jsonl' && problem.line === 3 && problem.field === 'birthDates[0]'));
      assert.equal((await listWatchlists(store.db)).some((list) => list.name === 'bad'), false);

      // a list already imported stays at its version when its next file is refused
      const broken = fixtureText('matching/un-consolidated-excerpt.xml').replace('</FIRST_NAME>', '</FIRST>');
      const xmlError = await rejection(importWatchlist(store.db, [textFile('broken.xml', broken)], { name: 'un-sc', now: clock() }));
      assert.match(xmlError.message, /broken\.xml:\d+/);
      const unSc = (await listWatchlists(store.db)).find((list) => list.name === 'un-sc');
      assert.deepEqual(unSc?.versions.map((version) => version.version), [1]);
    });

    it('refuses files of mixed formats, an undetectable file, a bad list name and an empty list', async () => {
      const mixed = await rejection(importWatchlist(store.db, [fixtureFile('matching/watchlist.jsonl'), fixtureFile('matching/un-consolidated-excerpt.xml')], { name: 'x', now: clock() }));
      assert.match(mixed.message, /different formats/);
      const unknown = await rejection(importWatchlist(store.db, [textFile('list.txt', 'just text')], { name: 'x', now: clock() }));
      assert.match(unknown.message, /Cannot tell the format of list\.txt: give --format/);
      const badName = await rejection(importWatchlist(store.db, [fixtureFile('matching/watchlist.jsonl')], { name: 'my list', now: clock() }));
      assert.equal(badName.code, 'INVALID_INPUT');
      const empty = await rejection(importWatchlist(store.db, [textFile('empty.jsonl', '\n')], { name: 'x', format: 'jsonl', now: clock() }));
      assert.match(empty.message, /no entries found/);
      const twice = await rejection(importWatchlist(store.db, [textFile('a.jsonl', listJsonl([{ id: 'A', names: ['X Y'] }])), textFile('b.jsonl', listJsonl([{ id: 'A', names: ['Z W'] }]))], { name: 'x', now: clock() }));
      assert.match(twice.message, /entry id 'A' is also in a\.jsonl/);
    });
  });
}

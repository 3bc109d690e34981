import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { importEvents } from '../import/import-events.js';
import { textSource } from '../import/sources.js';
import { openStore } from '../store/open-store.js';
import { TEST_ENGINES, type TestStore } from '../store/testing/test-stores.js';
import { EventFactory, jsonl } from '../testing/event-factory.js';
import { findHits, reviewsOf } from '../store/hits-store.js';
import { importWatchlist } from './import-watchlist.js';
import { reviewHit, reviewHits } from './review-hit.js';
import { screenRegistry } from './screen-registry.js';
import { clock, listJsonl, loadRegistry, textFile } from './testing/fixtures.js';

const LIST_V1 = listJsonl([
  { id: 'UN-1', names: ['Mohamad El Hassan'], birthDates: ['1976'], nationalities: ['SYR'] },
  { id: 'UN-2', names: ['Olena Kovalenko'], birthDates: ['1981-04-12'] },
  { id: 'UN-3', names: ['Deutsche Bank AG'] },
]);
// UN-2 removed, UN-3 changed, UN-4 added: a name like P-4's
const LIST_V2 = listJsonl([
  { id: 'UN-1', names: ['Mohamad El Hassan'], birthDates: ['1976'], nationalities: ['SYR'] },
  { id: 'UN-3', names: ['Deutsche Bank AG', 'DB'] },
  { id: 'UN-4', names: ['Ahmed Example'] },
]);

const pairs = (hits: ReadonlyArray<{ personId: string; counterpart: string }>) => hits.map((hit) => `${hit.personId}~${hit.counterpart}`).sort();

for (const engine of TEST_ENGINES) {
  describe(`screening the registry against a list on ${engine.name}`, { skip: engine.skip }, () => {
    let store: TestStore;
    before(async () => {
      store = await engine.open();
      await loadRegistry(store.db);
      await importWatchlist(store.db, [textFile('list-v1.jsonl', LIST_V1)], { name: 'un', now: clock(new Date('2026-02-01T00:00:00Z')) });
    });
    after(async () => { await store?.dispose(); });

    it('screens persons of a case kind in a phase, stores the hits with their explanation and raises them for review', async () => {
      const run = await screenRegistry(store.db, { list: 'un', scope: { kind: 'exclusion', phase: 'open' }, by: 'tester', now: clock() });
      assert.deepEqual([run.personsInScope, run.personsFull, run.personsDelta], [1, 1, 0]);
      assert.deepEqual(pairs(run.raised), ['P-2~UN-1']);
      const [hit] = run.raised;
      assert.ok(hit && hit.score >= 0.7 && hit.status === 'open' && hit.list === 'un');
      assert.match(JSON.stringify(hit.explanation), /Mohamad El Hassan/);
    });

    it('screens every person, and a second run with nothing changed screens nobody and raises nothing', async () => {
      const run = await screenRegistry(store.db, { list: 'un', by: 'tester', now: clock() });
      assert.deepEqual([run.personsInScope, run.personsFull, run.personsSkipped], [4, 3, 1]);
      assert.deepEqual(pairs(run.raised), ['P-1~UN-1', 'P-3~UN-2']);
      const again = await screenRegistry(store.db, { list: 'un', by: 'tester', now: clock() });
      assert.deepEqual([again.personsFull, again.personsDelta, again.personsSkipped, again.raised.length], [0, 0, 4, 0]);
      assert.deepEqual(pairs(await findHits(store.db, { source: 'watchlist' })), ['P-1~UN-1', 'P-2~UN-1', 'P-3~UN-2']);
    });

    it('remembers a rejection: the pair is not raised again unless the data of a side changes', async () => {
      const [hit] = await findHits(store.db, { source: 'watchlist', person: 'P-1' });
      const { review } = await reviewHit(store.db, { hitId: hit!.id, decision: 'rejected', reason: 'other person: born elsewhere', by: 'analyst.a', now: clock() });
      assert.equal(review.decision, 'rejected');
      // forced to look again at everyone (another threshold screens all persons against the whole list)
      const full = await screenRegistry(store.db, { list: 'un', threshold: 0.69, by: 'tester', now: clock() });
      assert.equal(full.personsFull, 4);
      assert.deepEqual(pairs(full.raised), []);
      assert.equal((await findHits(store.db, { ids: [hit!.id] }))[0]?.status, 'rejected');

      // the person's data change: the same pair is raised again, the old decision kept in the log
      const f = new EventFactory('chg');
      await importEvents(store.db, [textSource('alias.jsonl', jsonl([f.event('person/P-1', 'person.alias-added', '2026-02-10', { name: 'Abu Hassan' })]))], { now: clock() });
      const changed = await screenRegistry(store.db, { list: 'un', threshold: 0.69, by: 'tester', now: clock() });
      assert.deepEqual([changed.personsFull, changed.personsSkipped], [1, 3]);
      assert.deepEqual(pairs(changed.raised), ['P-1~UN-1']);
      const reopened = (await findHits(store.db, { ids: [hit!.id] }))[0]!;
      assert.equal(reopened.status, 'open');
      assert.deepEqual([reopened.lastDecision?.decision, reopened.lastDecision?.onCurrentData], ['rejected', false]);
      assert.deepEqual((await reviewsOf(store.db, hit!.id)).map((row) => [row.decision, row.reviewedBy, row.reason]), [['rejected', 'analyst.a', 'other person: born elsewhere']]);
    });

    it('after a list update screens only the entries added or changed, and retires the hits on removed entries', async () => {
      const update = await importWatchlist(store.db, [textFile('list-v2.jsonl', LIST_V2)], { name: 'un', now: clock(new Date('2026-03-01T00:00:00Z')) });
      assert.deepEqual([update.version, update.added, update.removed, update.changed], [2, 1, 1, 1]);
      const run = await screenRegistry(store.db, { list: 'un', threshold: 0.69, by: 'tester', now: clock() });
      assert.deepEqual([run.version, run.personsFull, run.personsDelta], [2, 0, 4]);
      assert.deepEqual(pairs(run.raised), ['P-4~UN-4']);
      assert.equal(run.hitsGone, 1);
      assert.deepEqual(pairs(await findHits(store.db, { source: 'watchlist' })), ['P-1~UN-1', 'P-2~UN-1', 'P-4~UN-4']);
      const gone = await findHits(store.db, { source: 'watchlist', currentOnly: false, person: 'P-3' });
      assert.deepEqual(gone.map((hit) => hit.current), [false]);
    });

    it('refuses a review without a reason, of an unknown hit, and of a hit no longer found', async () => {
      const [open] = await findHits(store.db, { source: 'watchlist', person: 'P-4' });
      await assert.rejects(reviewHit(store.db, { hitId: open!.id, decision: 'confirmed', reason: '  ', by: 'a', now: clock() }), /Give the reason/);
      await assert.rejects(reviewHit(store.db, { hitId: 999_999, decision: 'confirmed', reason: 'x', by: 'a', now: clock() }), /No hit 999999/);
      const [gone] = await findHits(store.db, { source: 'watchlist', currentOnly: false, person: 'P-3' });
      await assert.rejects(reviewHit(store.db, { hitId: gone!.id, decision: 'rejected', reason: 'x', by: 'a', now: clock() }), /no longer found/);
    });

    it('reviews many hits all or none: one that cannot be decided records none of them', async () => {
      const [open] = await findHits(store.db, { source: 'watchlist', person: 'P-4' });
      const [gone] = await findHits(store.db, { source: 'watchlist', currentOnly: false, person: 'P-3' });
      const before = (await reviewsOf(store.db, open!.id)).length;
      const decide = (hitId: number) => ({ hitId, decision: 'unsure' as const, reason: 'team review of a whole run', by: 'team', now: clock() });
      await assert.rejects(reviewHits(store.db, [decide(open!.id), decide(gone!.id)]), /no longer found/);
      assert.equal((await reviewsOf(store.db, open!.id)).length, before, 'the first decision was rolled back');
      await assert.rejects(reviewHits(store.db, [decide(open!.id), { ...decide(open!.id), reason: ' ' }]), /Give the reason/);
      assert.equal(await reviewHits(store.db, [decide(open!.id)]), 1);
      assert.equal((await findHits(store.db, { ids: [open!.id] }))[0]?.status, 'unsure');
    });

    it('keeps review decisions append-only in the database itself', async () => {
      await assert.rejects(store.db.query("UPDATE hit_reviews SET decision = 'confirmed'"), /append-only/);
      await assert.rejects(store.db.query('DELETE FROM hit_reviews'), /append-only/);
    });
  });
}

describe('review decisions persist across restarts of the store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'imketen-screening-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a decision taken before a restart still holds after it, and the next run does not raise the pair', async () => {
    const config = { dataDir: join(dir, 'data') };
    const first = await openStore(config);
    let hitId: number;
    try {
      await loadRegistry(first);
      await importWatchlist(first, [textFile('list.jsonl', LIST_V1)], { name: 'un', now: clock() });
      const run = await screenRegistry(first, { list: 'un', by: 'tester', now: clock() });
      hitId = run.raised.find((hit) => hit.personId === 'P-2')!.id;
      await reviewHit(first, { hitId, decision: 'confirmed', reason: 'same father, same birth year', by: 'analyst.b', now: clock() });
      await reviewHit(first, { hitId, decision: 'unsure', reason: 'second look: the birth date differs in another source', by: 'analyst.c', now: clock() });
    } finally {
      await first.close();
    }
    const second = await openStore(config);
    try {
      const [hit] = await findHits(second, { ids: [hitId] });
      assert.equal(hit?.status, 'unsure');
      assert.deepEqual((await reviewsOf(second, hitId)).map((row) => [row.decision, row.reviewedBy]), [['confirmed', 'analyst.b'], ['unsure', 'analyst.c']]);
      const again = await screenRegistry(second, { list: 'un', threshold: 0.69, by: 'tester', now: clock() });
      assert.equal(again.personsFull, 4);
      assert.deepEqual(again.raised, []);
    } finally {
      await second.close();
    }
  });
});

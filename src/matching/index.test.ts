import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MatchIndex } from './index.js';
import type { WatchlistEntry } from './person-score.js';

const entries: WatchlistEntry[] = [
  { id: 'A', names: ['Mohammed al-Hassan', 'محمد الحسن'], birthDates: ['1976-10-05'], nationalities: ['IRQ'] },
  { id: 'B', names: ['Mahmoud Abbas'], birthDates: ['1935'] },
  { id: 'C', names: ['Vladimir Vladimirovich Putin', 'Владимир Путин'] },
  { id: 'D', names: ['Hasan Nasrallah'] },
  ...Array.from({ length: 200 }, (_, n) => ({ id: `F${n}`, names: [`Filler${n} Person${n % 17}`] })),
];

describe('MatchIndex', () => {
  it('finds the entry by any spelling of its name, best first, with an explanation', () => {
    const index = MatchIndex.from(entries);
    const result = index.search({ name: 'Muhammad Alhasan', birthDates: ['1976'] });
    assert.equal(result.query, 'Muhammad Alhasan');
    assert.equal(result.hits[0]?.id, 'A');
    assert.ok(result.hits[0]?.explanation.name.parts.length);
    assert.equal(index.search('Putin Vladimir').hits[0]?.id, 'C');
    assert.equal(index.search('محمد الحسن').hits[0]?.id, 'A');
  });

  it('takes candidates from the keys, not from every entry', () => {
    const index = MatchIndex.from(entries);
    const query = { names: [], birthDates: [], nationalities: [] };
    assert.deepEqual(index.candidates(query, 100), []);
    const hits = index.search({ name: 'Hasan Nasrallah' }, { threshold: 0 }).hits.map((hit) => hit.id);
    assert.ok(hits.includes('D'));
    assert.ok(!hits.some((id) => id.startsWith('F')), 'unrelated entries are never scored');
  });

  it('keeps only hits at or above the threshold, at most limit of them', () => {
    const index = MatchIndex.from(entries);
    assert.deepEqual(index.search('Daniel Tusk').hits, []);
    assert.ok(index.search('Person3', { threshold: 0, limit: 2 }).hits.length <= 2);
  });

  it('forgets removed entries and replaces entries added again', () => {
    const index = MatchIndex.from(entries);
    assert.equal(index.remove('D'), true);
    assert.equal(index.remove('D'), false);
    assert.deepEqual(index.search('Hasan Nasrallah').hits, []);
    index.add({ id: 'A', names: ['Hasan Nasrallah'] });
    assert.equal(index.search('Hasan Nasrallah').hits[0]?.id, 'A');
    assert.deepEqual(index.search('Mohammed al-Hassan').hits, []);
    assert.equal(index.size, entries.length - 1);
  });
});

/**
 * Candidate retrieval (keys.ts, index.ts): which list entries get scored at all. A held-out alias that gets no
 * candidate can never be found, whatever the scoring (src/matching/README.md, "Where the misses are").
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MatchIndex } from './index.js';
import { coarseSoundKey } from './normalize.js';
import type { WatchlistEntry } from './person-score.js';

const GIVEN = ['Yusuf', 'Khalid', 'Tariq', 'Hamza', 'Bilal', 'Faris', 'Ziyad', 'Anwar', 'Rashid', 'Nabil', 'Jamil', 'Karim', 'Walid', 'Samir',
  'Adnan', 'Imad', 'Ghassan', 'Marwan', 'Nizar', 'Qasim', 'Raed', 'Talal', 'Usama', 'Wael', 'Yahya', 'Zuhair', 'Amjad', 'Basil', 'Fadi', 'Hisham'];
const SURNAMES = ['Haddad', 'Khoury', 'Nassar', 'Saab', 'Tannous', 'Zein', 'Aoun', 'Bitar', 'Daher', 'Farah', 'Ghanem', 'Hayek', 'Issa', 'Jaber',
  'Kassem', 'Layous', 'Maalouf', 'Najjar', 'Qabbani', 'Rizk', 'Sfeir', 'Touma', 'Wehbe', 'Yazbek', 'Zoghbi', 'Abboud', 'Barakat', 'Chidiac', 'Dagher', 'Eid'];

/** Many entries that share the query's common parts and differ in one part: only a key can pick the right one. */
function crowd(shared: string, target: WatchlistEntry): MatchIndex {
  return MatchIndex.from([
    ...GIVEN.map((given, n) => ({ id: `C${n}`, names: [`${shared} ${given}`] })),
    ...SURNAMES.map((surname, n) => ({ id: `S${n}`, names: [`${surname}, ${GIVEN[n]}`] })),
    target,
  ]);
}

/** Whether the target is among the candidates the index scores for this query (default number of candidates). */
function isCandidate(index: MatchIndex, query: string, target: string): boolean {
  return index.search({ name: query, kind: 'person' }, { threshold: 0, limit: 100 }).hits.some((hit) => hit.id === target);
}

describe('coarse sound keys (retrieval only)', () => {
  it('Persian and Arabic: q, gh, k and g are one class (Baqeri / Bagheri, Qasim / Ghasem)', () => {
    assert.equal(coarseSoundKey('baqeri'), coarseSoundKey('bagheri'));
    assert.equal(coarseSoundKey('qasim'), coarseSoundKey('ghasem'));
  });
  it('Malay and Indonesian renderings of Arabic names: s and sh (Soleh / Sholeh), a final h written or not', () => {
    assert.equal(coarseSoundKey('soleh'), coarseSoundKey('sholeh'));
    assert.equal(coarseSoundKey('ismail'), coarseSoundKey('ishmael'));
  });
  it('Korean McCune–Reischauer and Revised Romanisation: ch / j, k / g, one syllable keeps its vowel (Jo / Cho)', () => {
    assert.equal(coarseSoundKey('jo'), coarseSoundKey('cho'));
    assert.equal(coarseSoundKey('kyu'), coarseSoundKey('gyu'));
    assert.equal(coarseSoundKey('chae'), coarseSoundKey('jae'));
    assert.notEqual(coarseSoundKey('jo'), coarseSoundKey('pak'));
  });
  it('Chinese Wade–Giles and pinyin: hs / x, ch / zh (Hsu / Xu, Chou / Zhou)', () => {
    assert.equal(coarseSoundKey('hsu'), coarseSoundKey('xu'));
    assert.equal(coarseSoundKey('chou'), coarseSoundKey('zhou'));
  });
  it('Russian passport and German transliterations: w / v (Wladimir / Vladimir)', () => {
    assert.equal(coarseSoundKey('wladimir'), coarseSoundKey('vladimir'));
  });
  it('keeps different names apart', () => {
    assert.notEqual(coarseSoundKey('hassan'), coarseSoundKey('hussein') + 'x');
    assert.notEqual(coarseSoundKey('khalid'), coarseSoundKey('walid'));
    assert.notEqual(coarseSoundKey('rashid'), coarseSoundKey('hamid'));
  });
});

describe('candidates', () => {
  it('a rendering of the one part that tells the entries apart still finds the entry (Soleh / Sholeh)', () => {
    const index = crowd('IBRAHIM, Muhammad', { id: 'T', names: ['IBRAHIM, Muhammad Sholeh'] });
    assert.ok(isCandidate(index, 'IBRAHIM, Muhammad Soleh', 'T'));
    assert.equal(index.search({ name: 'IBRAHIM, Muhammad Soleh', kind: 'person' }).hits[0]?.id, 'T');
  });

  it('a Persian q / gh rendering of the surname finds the entry among namesakes (Baqeri / Bagheri)', () => {
    const index = crowd('Mohammad', { id: 'T', names: ['BAGHERI, Mohammad'] });
    assert.ok(isCandidate(index, 'BAQERI, Mohammad', 'T'));
  });

  it('a Korean surname in the other romanisation finds the entry (Jo / Cho)', () => {
    const index = MatchIndex.from([
      ...['KIM', 'RI', 'PAK', 'KANG', 'YUN', 'HAN', 'KWON', 'RYU', 'HONG', 'MUN', 'SON', 'PAEK', 'HWANG', 'KO', 'NAM', 'SONG', 'AN', 'HYON']
        .map((surname, n) => ({ id: `K${n}`, names: [`${surname}, Chol`] })),
      ...['Yong Su', 'Myong Il', 'Kyong Ho'].map((given, n) => ({ id: `J${n}`, names: [`JO, ${given}`] })),
      { id: 'T', names: ["CHO, Ch'o'l"] },
    ]);
    assert.ok(isCandidate(index, 'JO, Chol', 'T'));
  });
});

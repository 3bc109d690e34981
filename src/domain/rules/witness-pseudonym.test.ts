import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assignWitnessPseudonyms, pickPseudonym, PSEUDONYM_CAPACITY, pseudonymLabel } from './witness-pseudonym.js';

const KEY = 'test-key-0123456789abcdef';

describe('pseudonyms of protected witnesses', () => {
  it('gives a code of a letter and a number, shown as "getuige A-12"', () => {
    const code = assignWitnessPseudonyms('SZ-2023-004', ['P-0042'], KEY).get('P-0042') as string;
    assert.match(code, /^[A-HJ-NP-Z]-([1-9]|[1-9][0-9])$/);
    assert.deepEqual(pseudonymLabel(code), { nl: `getuige ${code}`, en: `witness ${code}` });
  });

  it('is stable for a case and witness, whatever else is asked', () => {
    const once = assignWitnessPseudonyms('SZ-2023-004', ['P-0042'], KEY).get('P-0042');
    const again = assignWitnessPseudonyms('SZ-2023-004', ['P-0042'], KEY).get('P-0042');
    assert.equal(once, again);
  });

  it('keeps the codes of earlier witnesses when more are registered', () => {
    const witnesses = Array.from({ length: 300 }, (_, index) => `P-${String(index).padStart(4, '0')}`);
    const first = assignWitnessPseudonyms('SZ-2023-004', witnesses.slice(0, 100), KEY);
    const all = assignWitnessPseudonyms('SZ-2023-004', witnesses, KEY);
    for (const [witness, code] of first) assert.equal(all.get(witness), code, witness);
    assert.equal(new Set(all.values()).size, 300, 'every witness of a case has its own code');
  });

  it('differs between cases and between keys, so a code says nothing across cases', () => {
    const witnesses = Array.from({ length: 50 }, (_, index) => `P-${index}`);
    const one = assignWitnessPseudonyms('SZ-2023-004', witnesses, KEY);
    const other = assignWitnessPseudonyms('SZ-2024-011', witnesses, KEY);
    const otherKey = assignWitnessPseudonyms('SZ-2023-004', witnesses, 'another-key-0123456789');
    assert.ok(witnesses.filter((witness) => one.get(witness) === other.get(witness)).length < 5);
    assert.ok(witnesses.filter((witness) => one.get(witness) === otherKey.get(witness)).length < 5);
  });

  it('does not contain the witness id, and ignores a witness listed twice', () => {
    const codes = assignWitnessPseudonyms('SZ-2023-004', ['P-0042', 'P-0042', 'P-0043'], KEY);
    assert.equal(codes.size, 2);
    for (const code of codes.values()) assert.ok(!code.includes('0042') && !code.includes('0043'));
  });

  it('refuses a key too short to keep the mapping secret', () => {
    assert.throws(() => assignWitnessPseudonyms('SZ-2023-004', ['P-1'], 'short'), /at least 16 bytes, got 5/);
  });

  it('fills the whole code space of a case before it refuses', () => {
    const witnesses = Array.from({ length: PSEUDONYM_CAPACITY }, (_, index) => `W${index}`);
    assert.equal(new Set(assignWitnessPseudonyms('C', witnesses, KEY).values()).size, PSEUDONYM_CAPACITY);
    assert.throws(() => assignWitnessPseudonyms('C', [...witnesses, 'one-more'], KEY), /more protected witnesses than pseudonyms \(2376\)/);
  });

  it('the registry draws a code among those the case does not use, and says so when none is left', () => {
    const used = new Set<string>();
    let draws = 0;
    const random = (n: number) => { draws += 1; return (draws * 7919) % n; };
    for (let index = 0; index < PSEUDONYM_CAPACITY; index += 1) {
      const code = pickPseudonym('criminal/SZ-1', used, random);
      assert.match(code, /^[A-HJ-NP-Z]-([1-9]|[1-9][0-9])$/);
      assert.ok(!used.has(code), code);
      used.add(code);
    }
    assert.throws(() => pickPseudonym('criminal/SZ-1', used, random), /more witnesses than pseudonyms/);
    assert.equal(pickPseudonym('criminal/SZ-1', new Set(), () => 0), 'A-1', 'the index chooses among the free codes');
    assert.equal(pickPseudonym('criminal/SZ-1', new Set(['A-1']), () => 0), 'A-2');
  });
});

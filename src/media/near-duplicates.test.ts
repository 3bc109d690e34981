import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { hammingDistance } from './hamming.js';
import { NearDuplicateIndex } from './near-duplicates.js';

const hex64 = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map((value) => value.toString(16).padStart(16, '0'));

/** `hash` with the given bit positions (0 = lowest) flipped. */
const flip = (hash: string, bits: number[]) =>
  bits.reduce((value, bit) => value ^ (1n << BigInt(bit)), BigInt(`0x${hash}`)).toString(16).padStart(16, '0');

describe('hammingDistance', () => {
  it('counts differing bits', () => {
    assert.equal(hammingDistance('0000000000000000', 'ffffffffffffffff'), 64);
    assert.equal(hammingDistance('8000000000000001', '0000000000000000'), 2);
    assert.equal(hammingDistance('ABCDEF0123456789', 'abcdef0123456789'), 0);
    assert.throws(() => hammingDistance('xyz', '0000000000000000'), /16 hexadecimal digits/);
  });
});

describe('NearDuplicateIndex', () => {
  it('answers nearest first, ties by id, within the distance only', () => {
    const index = new NearDuplicateIndex();
    const base = '0123456789abcdef';
    index.add('far', flip(base, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));
    index.add('b', flip(base, [63, 20]));
    index.add('a', flip(base, [5, 40]));
    index.add('same', base);
    index.add('same', flip(base, [17])); // a second frame of the same item
    assert.deepEqual(index.query(base, 4), [
      { id: 'same', distance: 0 },
      { id: 'same', distance: 1 },
      { id: 'a', distance: 2 },
      { id: 'b', distance: 2 },
    ]);
    assert.equal(index.size, 5);
    assert.deepEqual(index.query(base, 0), [{ id: 'same', distance: 0 }]);
  });

  it('refuses a distance that is no whole number from 0 to 64', () => {
    const index = new NearDuplicateIndex();
    for (const bad of [-1, 2.5, 65, Number.NaN]) assert.throws(() => index.query('0000000000000000', bad), /whole number from 0 to 64/);
  });

  it('answers exactly what a comparison with every entry answers, for every distance', () => {
    // Enough entries that the first query builds the tables (a few thousand); later additions are scanned.
    const fillers = fc.sample(hex64, { numRuns: 3000, seed: 12 });
    fc.assert(
      fc.property(
        fc.array(hex64, { minLength: 1, maxLength: 60 }),
        fc.array(fc.integer({ min: 0, max: 63 }), { maxLength: 20 }),
        fc.integer({ min: 0, max: 64 }),
        (hashes, bits, maxDistance) => {
          const index = new NearDuplicateIndex();
          fillers.forEach((hash, i) => index.add(`f${i}`, hash));
          // Near copies of the first hash, so that small radii find something.
          const add = (hash: string, i: number) => index.add(`h${i}`, i % 2 === 0 ? flip(hashes[0]!, bits.slice(0, i % 21)) : hash);
          hashes.slice(0, 30).forEach(add);
          const query = flip(hashes[0]!, bits.slice(0, 3));
          assert.deepEqual(index.query(query, maxDistance), index.scan(query, maxDistance));
          hashes.slice(30).forEach((hash, i) => add(hash, i + 30));
          assert.deepEqual(index.query(query, maxDistance), index.scan(query, maxDistance));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('finds a hash at exactly the radius whose every 16-bit block differs (the pigeonhole bound), tabled or not', () => {
    for (let radius = 0; radius <= 20; radius += 1) {
      const perBlock = Math.floor(radius / 4);
      // perBlock bits in each block, the remainder in the lowest block: exactly `radius` bits in all.
      const bits = [0, 16, 32, 48].flatMap((start, block) =>
        Array.from({ length: perBlock + (block === 0 ? radius % 4 : 0) }, (_, i) => start + i));
      const base = 'f0e1d2c3b4a59687';
      const copy = flip(base, bits);
      assert.equal(hammingDistance(base, copy), radius);
      const index = new NearDuplicateIndex();
      for (let i = 0; i < 3000; i += 1) index.add(`f${i}`, flip('0123456789abcdef', [i % 64, (i * 7) % 64, (i * 13) % 64]));
      index.add('copy', copy);
      assert.deepEqual(index.query(base, radius).filter((hit) => hit.id === 'copy'), [{ id: 'copy', distance: radius }], `radius ${radius} (tabled)`);
      index.add('copy again', copy);
      assert.deepEqual(index.query(base, radius).filter((hit) => hit.id.startsWith('copy')).length, 2, `radius ${radius} (added later)`);
      assert.deepEqual(index.query(base, Math.max(0, radius - 1)).filter((hit) => hit.id.startsWith('copy')), radius === 0 ? [{ id: 'copy', distance: 0 }, { id: 'copy again', distance: 0 }] : []);
    }
  });

  it('grows past its first capacity', () => {
    const index = new NearDuplicateIndex();
    for (let i = 0; i < 5000; i += 1) index.add(`n${i}`, i.toString(16).padStart(16, '0'));
    assert.deepEqual(index.query('0000000000001387', 0), [{ id: 'n4999', distance: 0 }]);
    // 0, the 13 powers of two below 5000, and the 76 sums of two of them below 5000.
    assert.equal(index.query('0000000000000000', 2).length, 1 + 13 + 76);
  });
});

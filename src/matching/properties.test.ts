/** Properties of name scoring that must hold for any names, checked on names built from parts of several traditions. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MatchIndex } from './index.js';
import { compareNames } from './score.js';

const PARTS = [
  'Muhammad', 'Mohamed', 'Saleh', 'Salih', 'Iyad', 'Eyad', 'Khalil', 'Abd al-Rahman', 'Abdurrahman', 'Tikriti', 'al-Jubouri', 'Hassan',
  'Husayn', 'Pak', 'Il', 'Kyu', 'Gyu', 'Ri', 'Jae', 'Chae', 'Kim', 'Jong', 'Chol', 'Xu', 'Hsu', 'Zhigang', 'Aleksandr', 'Alexander',
  'Dugin', 'Ivanova', 'Sergeyevich', 'Garcia', 'Rios', 'Tomasa', 'Zambada', 'Niebla', 'Ismael', 'Maria', 'de', 'Jansen', 'Pieter',
];
const nameParts = fc.uniqueArray(fc.constantFrom(...PARTS), { minLength: 2, maxLength: 4 });
const name = nameParts.map((parts) => parts.join(' '));
const score = (a: string, b: string): number => compareNames(a, b).score;

describe('properties of name scoring', () => {
  it('a name always matches itself best', () => {
    fc.assert(fc.property(name, name, (a, b) => score(a, a) === 1 && score(a, a) >= score(a, b)));
  });

  it('a name is found first among other names by the index', () => {
    fc.assert(fc.property(fc.uniqueArray(name, { minLength: 2, maxLength: 12 }), (names) => {
      const index = MatchIndex.from(names.map((text, position) => ({ id: String(position), names: [text] })));
      return names.every((text) => index.search(text, { threshold: 0 }).hits[0]?.score === 1);
    }));
  });

  it('reordering the parts of a name changes its score little', () => {
    fc.assert(fc.property(nameParts, name, fc.nat(), (parts, b, seed) => {
      const a = parts.join(' ');
      const rotated = [...parts.slice(seed % parts.length), ...parts.slice(0, seed % parts.length)].join(' ');
      const difference = Math.abs(score(a, b) - score(rotated, b));
      assert.ok(difference <= 0.05, `${a} / ${rotated} against ${b}: ${score(a, b)} / ${score(rotated, b)}`);
    }));
  });

  it('adding an unrelated part never raises a score', () => {
    fc.assert(fc.property(name, name, fc.constantFrom('Qwertzuiop', 'Vrbnkx', 'Ozymandias'), (a, b, unrelated) => {
      assert.ok(score(`${a} ${unrelated}`, b) <= score(a, b), `${a} + ${unrelated} against ${b}`);
    }));
  });
});

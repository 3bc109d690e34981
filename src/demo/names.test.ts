import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCountryCode } from '../domain/countries.js';
import { NAME_REGIONS } from './names.js';

/**
 * Family names the pools must never hold: those of persons convicted or tried for international crimes (in the
 * Netherlands and elsewhere) and of well-known public figures of the regions. A demo person must not look like one.
 */
const KEPT_OUT = [
  'Assad', 'Makhlouf', 'Mamlouk', 'Raslan', 'Gharib', 'Saleh', 'Aziz', 'Majid', 'Douri', 'Baghdadi',
  'Karzai', 'Massoud', 'Jalalzoy', 'Faqirzada', 'Heshmat', 'Hotak', 'Nouri', 'Mousavi', 'Bagheri', 'Ghasemi',
  'Bagosora', 'Kabuga', 'Mugimba', 'Iyamuremye', 'Basebya', 'Mpambara', 'Habyarimana', 'Bizimana', 'Munyaneza',
  'Shevchenko', 'Melnyk', 'Tkachenko', 'Marchenko', 'Zinchenko', 'Sokolov', 'Novikov', 'Makarov', 'Lebedev',
  'Alemu', 'Mengistu', 'Afwerki', 'Rajapaksa', 'Prabhakaran', 'Taylor', 'Massaquoi', 'Weah', 'Sirleaf', 'Kouwenhoven',
];

describe('the name pools', () => {
  const regions = Object.entries(NAME_REGIONS);

  it('hold no family name of a known war criminal or public figure', () => {
    for (const [region, pools] of regions) {
      for (const family of pools.family) {
        for (const spelling of family.latin) {
          const words = spelling.toLowerCase().split(/[\s-]+/);
          const hit = KEPT_OUT.find((name) => words.some((word) => [name.toLowerCase(), `al${name.toLowerCase()}`].includes(word)));
          assert.equal(hit, undefined, `${region}: ${spelling}`);
        }
      }
    }
  });

  it('give every region a valid nationality and names of both genders', () => {
    for (const [region, pools] of regions) {
      assert.ok(isCountryCode(pools.nationality), region);
      assert.ok(pools.given.male.length >= 4 && pools.given.female.length >= 4 && pools.family.length >= 8, region);
    }
  });

  it('spell the Arabic-script and Cyrillic names in their own script', () => {
    const arabic = /^[\u0600-\u06FF\u200C ]+$/;
    const cyrillic = /^[\u0400-\u04FF ]+$/;
    for (const [region, pools] of regions) {
      for (const forms of [...pools.given.male, ...pools.given.female, ...pools.family]) {
        if (forms.native === undefined) continue;
        assert.ok(arabic.test(forms.native) || cyrillic.test(forms.native), `${region}: ${forms.native}`);
      }
    }
  });
});

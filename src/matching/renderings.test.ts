import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { abdAllahRule, hypocoristicRule, renderingDistance } from './renderings.js';

/** The rules a rendering used, asserting it needed no typo. */
function rules(a: string, b: string): string {
  const rendering = renderingDistance(a, b);
  assert.equal(rendering.typos, 0, `${a} / ${b} should be a rendering, not a typo: ${JSON.stringify(rendering)}`);
  assert.ok(rendering.cost <= 0.45, `${a} / ${b} costs ${rendering.cost}`);
  return rendering.rules.join('; ');
}

describe('renderings: one name in another romanisation', () => {
  it('Arabic: short vowels, doubled consonants, q/k, dh/z and the assimilated article', () => {
    assert.match(rules('saleh', 'salih'), /vowel rendering: e ↔ i/);
    assert.match(rules('eyad', 'iyad'), /vowel rendering: e ↔ i/);
    assert.match(rules('mohamed', 'muhammad'), /o ↔ u.*e ↔ a.*doubled letter/);
    assert.match(rules('qasim', 'kasim'), /Arabic transliteration: q ↔ k/);
    assert.match(rules('bahadhiq', 'bahaziq'), /Arabic transliteration: dh ↔ z/);
    assert.match(rules('jamalaldin', 'jamaleddine'), /Arabic article assimilation: ald ↔ ed/);
    assert.match(rules('husayn', 'hussein'), /ay ↔ ei/);
  });

  it('Korean: McCune–Reischauer against Revised Romanisation', () => {
    assert.match(rules('chae', 'jae'), /Korean\/Chinese romanisation: ch ↔ j/);
    assert.match(rules('kyu', 'gyu'), /k ↔ g/);
    assert.match(rules('pom', 'bom'), /p ↔ b/);
    assert.match(rules('chon', 'jeon'), /ch ↔ j.*Korean romanisation: o ↔ eo/);
  });

  it('Chinese: Wade–Giles against pinyin', () => {
    assert.match(rules('hsu', 'xu'), /Wade–Giles \/ pinyin\): hs ↔ x/);
    assert.match(rules('chang', 'zhang'), /ch ↔ zh/);
    assert.match(rules('tsai', 'cai'), /ts ↔ c/);
  });

  it('Russian: BGN, GOST and passport systems, and the feminine surname', () => {
    assert.match(rules('yuriy', 'iurii'), /y ↔ i/);
    assert.match(rules('zhukov', 'jukov'), /Russian transliteration \(BGN \/ GOST \/ passport\): zh ↔ j/);
    assert.match(rules('aleksandr', 'alexandr'), /ks ↔ x/);
    assert.match(rules('ivanova', 'ivanov'), /Russian surname: -ov ↔ -ova/);
  });

  it('Spanish and Portuguese spellings', () => {
    assert.match(rules('cortez', 'cortes'), /Spanish\/Portuguese spelling: z ↔ s/);
    assert.match(rules('vasquez', 'vazquez'), /z ↔ s|s ↔ z/);
  });

  it('short forms of given names (hypocoristics), either way round, and only between a short and a full form', () => {
    assert.match(hypocoristicRule('sasha', 'aleksandr') ?? '', /hypocoristic\): Sasha ↔ Aleksandr/);
    assert.match(hypocoristicRule('oleksandr', 'sasha') ?? '', /hypocoristic/);
    assert.match(hypocoristicRule('paco', 'francisco') ?? '', /hypocoristic/);
    assert.match(hypocoristicRule('bill', 'william') ?? '', /hypocoristic/);
    assert.equal(hypocoristicRule('sasha', 'pavel'), undefined);
    assert.equal(hypocoristicRule('pepe', 'paco'), undefined);
    assert.equal(hypocoristicRule('william', 'robert'), undefined);
  });

  it("'Abd Allah in one word: the vowel after 'Abd is a rendering (Abdullah / Abdallah / Abdellah / Abdollah)", () => {
    assert.match(abdAllahRule('abdullah', 'abdallah') ?? '', /'Abd Allah: the vowel after 'Abd \(u ↔ a\)/);
    assert.match(abdAllahRule('abdollah', 'abdulla') ?? '', /o ↔ u/);
    assert.equal(abdAllahRule('abdullah', 'abdullah'), undefined);
    // another name after 'Abd is no rendering of Allah
    assert.equal(abdAllahRule('abdullah', 'abdulhadi'), undefined);
  });

  it('keeps a different vowel or consonant a typo: Jamal is not Jamil, Baqi is not Bari', () => {
    for (const [a, b] of [['jamal', 'jamil'], ['baqi', 'bari'], ['maria', 'mario'], ['hassan', 'hussein']]) {
      assert.ok(renderingDistance(a as string, b as string).typos >= 1, `${a} / ${b}`);
    }
  });
});

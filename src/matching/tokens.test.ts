import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { prepareName } from './tokens.js';

const kinds = (name: string): string[] => prepareName(name).tokens.map((token) => `${token.forms.latin[0]}:${token.kind}`);

describe('name parts', () => {
  it('treats the Arabic article as a particle, attached or not', () => {
    assert.deepEqual(kinds('Mohammed al-Hassan'), ['mohammed:word', 'al:particle', 'hassan:word']);
    assert.deepEqual(kinds('Mohamad El Hassan'), ['mohamad:word', 'el:particle', 'hassan:word']);
    const glued = prepareName('Muhammad Alhasan').tokens[1];
    assert.equal(glued?.stem?.latin[0], 'hasan');
    assert.equal(prepareName('محمد الحسن').tokens[1]?.forms.native, 'حسن');
  });

  it("makes one part of 'Abd and its name however it is written", () => {
    const forms = ['Abd al-Rahman', 'Abdul Rahman', 'Abdulrahman', 'Abdurrahman', 'Abdel Rahman'].map((name) => prepareName(name).tokens.map((token) => token.forms.latin[0]));
    for (const parts of forms) assert.deepEqual(parts, ['abdrahman']);
    assert.deepEqual(prepareName('عبد الرحمن').tokens.map((token) => token.forms.skeletons[0]), ['bdrhmn']);
    assert.deepEqual(prepareName('عبدالرحمن').tokens.map((token) => token.forms.skeletons[0]), ['bdrhmn']);
  });

  it('marks bin/ibn as connectors and the names around them', () => {
    const tokens = prepareName('Mohammed bin Salman Al Saud').tokens;
    assert.deepEqual(tokens.map((token) => token.kind), ['word', 'connector', 'word', 'particle', 'word']);
    assert.equal(tokens[0]?.role, 'given');
    assert.equal(tokens[2]?.role, 'patronym');
  });

  it('puts "LAST, First" in reading order', () => {
    const name = prepareName('NASRALLAH, Hasan');
    assert.equal(name.reordered, true);
    assert.deepEqual(name.tokens.map((token) => token.text), ['Hasan', 'NASRALLAH']);
  });

  it('recognises titles, initials and legal forms', () => {
    assert.deepEqual(kinds('Dr. Rami Makhlouf'), ['dr:title', 'rami:word', 'makhlouf:word']);
    assert.deepEqual(kinds('J. Juncker'), ['j:initial', 'juncker:word']);
    assert.deepEqual(kinds('Open Joint Stock Company Gazprom'), ['ojsc:legal', 'gazprom:word']);
    assert.deepEqual(kinds('Siemens Aktiengeselschaft'), ['siemens:word', 'ag:legal']);
  });

  it('reads digits typed for letters and number words', () => {
    assert.deepEqual(kinds('Ig0r Sech1n'), ['igor:word', 'sechin:word']);
    assert.deepEqual(kinds('Brigade Forty-Four'), ['brigade:word', '44:number']);
  });
});

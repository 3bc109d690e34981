/** Right-to-left words put in visual order for pdfkit, each word left in logical order for fontkit to shape. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasRightToLeft, visualFragments } from './bidi.js';

// Fictional names.
const ARABIC = 'ياسين الفخراني';

describe('visualFragments', () => {
  it('leaves left-to-right text (Latin with diacritics, Cyrillic) as one fragment', () => {
    assert.deepEqual(visualFragments('Željko Đurić, Мирослава Ткачук'), ['Željko Đurić, Мирослава Ткачук']);
    assert.equal(hasRightToLeft('Željko Đurić, Мирослава Ткачук'), false);
  });

  it('puts the words of an Arabic name in right-to-left order, each word a fragment in logical order', () => {
    assert.equal(hasRightToLeft(ARABIC), true);
    assert.deepEqual(visualFragments(`Namen: ${ARABIC}, Zoë Ünal`), ['Namen: ', 'الفخراني', ' ', 'ياسين', ', Zoë Ünal']);
    assert.deepEqual(visualFragments(ARABIC), ['الفخراني', ' ', 'ياسين']);
  });

  it('cuts a word that mixes scripts, so each right-to-left word is shaped alone', () => {
    assert.deepEqual(visualFragments(`(${ARABIC})`), ['(', 'الفخراني', ' ', 'ياسين', ')']);
  });
});

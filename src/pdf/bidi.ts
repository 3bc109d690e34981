/**
 * Right-to-left text for pdfkit, which writes runs left to right and has no bidirectional algorithm. fontkit (inside
 * pdfkit) does shape an Arabic or Hebrew word and lays its glyphs out right to left, but only when the word is
 * handed over alone: pdfkit lays out text word by word (split at spaces), and a word mixing scripts ("(أحمد)") is
 * shaped by the script of its first letter. So a paragraph is
 *
 * 1. reordered to visual order by the Unicode Bidirectional Algorithm (bidi-js, paragraph direction left to right:
 *    the documents are Dutch or English), brackets mirrored;
 * 2. cut into fragments: each right-to-left word (its letters and marks) alone, turned back into logical order for
 *    fontkit to shape and reverse, and the left-to-right text between them as it is.
 *
 * The fragments are written one after another on one line (pdfkit's `continued`). A paragraph is ordered as if it
 * were one line: when a mixed paragraph wraps, its right-to-left words keep the order of the whole paragraph. The
 * documents hold right-to-left script in names and short values, which do not wrap.
 */
import bidiModule from 'bidi-js';

// bidi-js is CommonJS whose module.exports is the factory; its types declare it as an ES default export, which
// TypeScript (NodeNext) reads as the module object.
const bidiFactory = bidiModule as unknown as (typeof import('bidi-js'))['default'];
const bidi = bidiFactory();

/** Hebrew, Arabic, Syriac, Thaana, NKo … and the Hebrew and Arabic presentation forms. */
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const RIGHT_TO_LEFT_RUN = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]+/g;

export function hasRightToLeft(text: string): boolean {
  return RIGHT_TO_LEFT.test(text);
}

/** The text in visual order, as fragments to write left to right; each right-to-left word in logical order. */
export function visualFragments(text: string): string[] {
  if (!hasRightToLeft(text)) return [text];
  const levels = bidi.getEmbeddingLevels(text, 'ltr');
  const mirrored = bidi.getMirroredCharactersMap(text, levels.levels);
  const units = text.split('').map((unit, index) => mirrored.get(index) ?? unit);
  for (const [start = 0, end = -1] of bidi.getReorderSegments(text, levels)) {
    const reversed = units.slice(start, end + 1).reverse();
    units.splice(start, reversed.length, ...reversed);
  }
  const visual = units.join('');
  const fragments: string[] = [];
  let last = 0;
  for (const match of visual.matchAll(RIGHT_TO_LEFT_RUN)) {
    if (match.index > last) fragments.push(visual.slice(last, match.index));
    fragments.push([...match[0]].reverse().join(''));
    last = match.index + match[0].length;
  }
  if (last < visual.length) fragments.push(visual.slice(last));
  return fragments;
}

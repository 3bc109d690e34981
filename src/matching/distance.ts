/**
 * String distances of the matcher. Plain edit distance comes from `fastest-levenshtein` (bit-parallel, the
 * fastest in JS); we add the one case it counts as two edits that a typist makes as one: two adjacent letters
 * swapped. The two distances written here are matching policy, not general string metrics: they weigh edits by
 * how Latin transliterations of Arabic (and of scripts without written vowels) actually differ.
 */
import { distance as levenshtein } from 'fastest-levenshtein';

/**
 * Edit distance where an adjacent transposition ("Donlad" for "Donald") counts as one edit.
 * @example typoDistance('donlad', 'donald') // 1
 */
export function typoDistance(a: string, b: string): number {
  const d = levenshtein(a, b);
  if (d === 2 && a.length === b.length) {
    let first = -1;
    let differences = 0;
    for (let index = 0; index < a.length; index++) {
      if (a[index] !== b[index]) {
        if (differences === 0) first = index;
        differences++;
      }
    }
    if (differences === 2 && a[first] === b[first + 1] && a[first + 1] === b[first]) return 1;
  }
  return d;
}

let buffer = new Float64Array(256);

/** A scratch table for the dynamic programmes below, reused between calls (they never nest). */
function scratch(size: number): Float64Array {
  if (buffer.length < size) buffer = new Float64Array(size * 2);
  return buffer;
}

/** Plain Levenshtein distance over code points (for same-script comparisons of non-Latin text). */
export function editDistance(a: string, b: string): number {
  return levenshtein(a, b);
}

/**
 * Consonant classes that transliterations confuse, with the cost of taking one for the other (1 = unrelated).
 * G = j/g/gh/dj/zh, X = kh, S = sh/ch. d/z and t/s are close because Persian and Urdu read ذ ض ظ as z and ث as s;
 * k/G because ق is g in Maghrebi and Gulf spellings (Gaddafi, Belgacem).
 */
const NEAR: ReadonlyMap<string, number> = new Map([
  ['Xh', 0.3], ['Xk', 0.5], ['kG', 0.3], ['sz', 0.3], ['sS', 0.5], ['td', 0.5], ['dz', 0.15], ['ts', 0.3], ['bp', 0.3],
  ['fv', 0.5], ['vw', 0.3], ['lr', 0.7], ['mn', 0.7], ['Gz', 0.5], ['Gy', 0.7], ['SG', 0.7], ['zS', 0.7], ['fp', 0.5],
]);

function consonantCost(a: string, b: string): number {
  if (a === b) return 0;
  return NEAR.get(a + b) ?? NEAR.get(b + a) ?? 1;
}

/** Dropping or adding these costs less: semivowels and h are written or not from one spelling to the next. */
function skeletonIndelCost(symbol: string): number {
  if (symbol === 'y' || symbol === 'w') return 0.3;
  if (symbol === 'h') return 0.5;
  return 1;
}

/**
 * Weighted edit distance between two consonant skeletons (see normalize.ts): related consonant classes and
 * dropped semivowels or h cost less than a real difference.
 * @example skeletonDistance('hsyn', 'hsn') // 0.3 (Husayn / Hassan)
 */
export function skeletonDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const table = scratch(rows * cols);
  table[0] = 0;
  for (let i = 1; i < rows; i++) table[i * cols] = (table[(i - 1) * cols] ?? 0) + skeletonIndelCost(a[i - 1] ?? '');
  for (let j = 1; j < cols; j++) table[j] = (table[j - 1] ?? 0) + skeletonIndelCost(b[j - 1] ?? '');
  for (let i = 1; i < rows; i++) {
    const ai = a[i - 1] ?? '';
    for (let j = 1; j < cols; j++) {
      const bj = b[j - 1] ?? '';
      let best = (table[(i - 1) * cols + j - 1] ?? 0) + consonantCost(ai, bj);
      best = Math.min(best, (table[(i - 1) * cols + j] ?? 0) + skeletonIndelCost(ai));
      best = Math.min(best, (table[i * cols + j - 1] ?? 0) + skeletonIndelCost(bj));
      if (i > 1 && j > 1 && ai === b[j - 2] && a[i - 2] === bj) best = Math.min(best, (table[(i - 2) * cols + j - 2] ?? 0) + 1);
      table[i * cols + j] = best;
    }
  }
  return table[rows * cols - 1] ?? 0;
}

// --- Arabic script against a Latin spelling --------------------------------------------------------------------

/** One sound of a spelling: a consonant class, or a vowel with what it can stand for. */
export interface Sound {
  /** consonant class (see normalize.ts), or 'V' for a vowel */
  readonly kind: string;
  /** for vowels: the letter (Latin) or the long vowel (Arabic: a, u, i, '*' for any, 'H' for final h/ة) */
  readonly vowel?: string;
}

const LATIN_DIGRAPHS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(t?sch|tch|sh|ch|cz|sz)/, 'S'], [/^kh/, 'X'], [/^(gh|dj|zh)/, 'G'], [/^th/, 't'], [/^dh/, 'd'], [/^ph/, 'f'],
  [/^(ck|q)/, 'k'], [/^(ts|tz)/, 'z'],
];
const LATIN_SINGLE: Readonly<Record<string, string>> = { j: 'G', g: 'G', c: 'k', x: 'X', v: 'v', w: 'w' };

/** The sounds of a lower-case ASCII Latin spelling; doubled letters count once. */
export function latinSounds(ascii: string): Sound[] {
  const s = ascii.replace(/[^a-z]/g, '');
  const sounds: Sound[] = [];
  let index = 0;
  while (index < s.length) {
    const rest = s.slice(index);
    let matched = false;
    for (const [pattern, kind] of LATIN_DIGRAPHS) {
      const found = pattern.exec(rest);
      if (found) {
        sounds.push({ kind });
        index += found[0].length;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const char = s[index] ?? '';
    if ('aeiou'.includes(char)) sounds.push({ kind: 'V', vowel: char });
    else if (char === 'c' && 'eiy'.includes(s[index + 1] ?? '')) sounds.push({ kind: 's' });
    else sounds.push({ kind: LATIN_SINGLE[char] ?? char });
    index++;
  }
  const collapsed: Sound[] = [];
  for (const sound of sounds) {
    const previous = collapsed[collapsed.length - 1];
    if (previous && previous.kind === sound.kind && (sound.kind !== 'V' || previous.vowel === sound.vowel)) continue;
    collapsed.push(sound);
  }
  return collapsed;
}

const ARABIC_CONSONANT: Readonly<Record<string, string>> = {
  'ب': 'b', 'پ': 'p', 'ت': 't', 'ث': 't', 'ج': 'G', 'چ': 'S', 'ح': 'h', 'خ': 'X', 'د': 'd', 'ذ': 'd', 'ر': 'r',
  'ز': 'z', 'ژ': 'G', 'س': 's', 'ش': 'S', 'ص': 's', 'ض': 'd', 'ط': 't', 'ظ': 'z', 'غ': 'G', 'ف': 'f', 'ڤ': 'v',
  'ق': 'k', 'ك': 'k', 'گ': 'G', 'ل': 'l', 'م': 'm', 'ن': 'n', 'ه': 'h',
};

/**
 * The sounds of a unified Arabic-script word: consonant classes, and the long vowels its letters write
 * (ا = a, و = u or w, ي = i or y). Short vowels are not written, ʿayn and hamza have no Latin letter.
 */
export function arabicSounds(word: string): Sound[] {
  const letters = [...word];
  const sounds: Sound[] = [];
  letters.forEach((letter, index) => {
    const last = index === letters.length - 1;
    if (letter === 'ا') sounds.push({ kind: 'V', vowel: index === 0 ? '*' : 'a' });
    else if (letter === 'و') sounds.push(index === 0 ? { kind: 'w' } : { kind: 'V', vowel: 'u' });
    else if (letter === 'ي') sounds.push(index === 0 ? { kind: 'y' } : { kind: 'V', vowel: 'i' });
    else if (letter === 'ه' && last && index > 0) sounds.push({ kind: 'V', vowel: 'H' });
    else {
      const kind = ARABIC_CONSONANT[letter];
      if (kind) sounds.push({ kind });
    }
  });
  const collapsed: Sound[] = [];
  for (const sound of sounds) {
    const previous = collapsed[collapsed.length - 1];
    if (previous && sound.kind !== 'V' && previous.kind === sound.kind) continue;
    collapsed.push(sound);
  }
  return collapsed;
}

const LONG_VOWEL_READINGS: Readonly<Record<string, string>> = { a: 'aeo', u: 'uow', i: 'iey', '*': 'aeiou', H: 'ae' };

/** Pairs of Arabic consonants that Latin spellings write with a digraph of one sound class (see latinSounds). */
const DIGRAPH_READINGS: ReadonlyMap<string, string> = new Map([['sh', 'S'], ['kh', 'X'], ['th', 't'], ['dh', 'd'], ['Gh', 'G']]);

/** Cost of reading Arabic sound `arabic` as Latin sound `latin`. */
function substitutionCost(arabic: Sound, latin: Sound): number {
  if (arabic.kind === 'V') {
    const readings = LONG_VOWEL_READINGS[arabic.vowel ?? ''] ?? '';
    if (latin.kind === 'V') return readings.includes(latin.vowel ?? '') ? 0 : arabic.vowel === 'H' ? 0.3 : 0.35;
    if (arabic.vowel === 'H') return latin.kind === 'h' ? 0 : 1;
    if (latin.kind === 'w' || latin.kind === 'v') return arabic.vowel === 'u' ? 0.1 : 1;
    if (latin.kind === 'y') return arabic.vowel === 'i' ? 0 : 1;
    return 1;
  }
  if (latin.kind === 'V') return 1;
  return consonantCost(arabic.kind, latin.kind);
}

/** Cost of a Latin sound with no Arabic counterpart: short vowels are free to write. */
function latinExtraCost(latin: Sound): number {
  if (latin.kind === 'V') return 0.02;
  if (latin.kind === 'h') return 0.4;
  if (latin.kind === 'y' || latin.kind === 'w') return 0.3;
  return 1;
}

/** Cost of an Arabic sound the Latin spelling does not write. */
function arabicMissingCost(arabic: Sound): number {
  if (arabic.kind === 'V') return arabic.vowel === 'H' ? 0.1 : arabic.vowel === '*' ? 0.3 : 0.6;
  if (arabic.kind === 'h') return 0.5;
  if (arabic.kind === 'w' || arabic.kind === 'y') return 0.4;
  return 1;
}

/**
 * How far a Latin spelling is from an Arabic-script word, read as a transliteration: unwritten short vowels are
 * nearly free, the long vowels ا و ي must appear as a fitting vowel, consonants compare by class.
 * Returns the distance and the number of Arabic sounds (for normalising).
 * @example arabicLatinDistance('محمد', 'mohammed').distance // 0.15
 */
export function arabicLatinDistance(arabicWord: string | readonly Sound[], latinAscii: string | readonly Sound[]): { distance: number; sounds: number } {
  const a = typeof arabicWord === 'string' ? arabicSounds(arabicWord) : arabicWord;
  const b = typeof latinAscii === 'string' ? latinSounds(latinAscii) : latinAscii;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const table = scratch(rows * cols);
  table[0] = 0;
  for (let i = 1; i < rows; i++) table[i * cols] = (table[(i - 1) * cols] ?? 0) + arabicMissingCost(a[i - 1] as Sound);
  for (let j = 1; j < cols; j++) table[j] = (table[j - 1] ?? 0) + latinExtraCost(b[j - 1] as Sound);
  for (let i = 1; i < rows; i++) {
    const ai = a[i - 1] as Sound;
    for (let j = 1; j < cols; j++) {
      const bj = b[j - 1] as Sound;
      let best = (table[(i - 1) * cols + j - 1] ?? 0) + substitutionCost(ai, bj);
      best = Math.min(best, (table[(i - 1) * cols + j] ?? 0) + arabicMissingCost(ai));
      best = Math.min(best, (table[i * cols + j - 1] ?? 0) + latinExtraCost(bj));
      // two Arabic letters that a Latin digraph writes as one sound: س+ح "Ishaq" (sh), ك+ح "Lakhal" (kh), ت+ه (th)
      if (i >= 2 && DIGRAPH_READINGS.get(`${(a[i - 2] as Sound).kind}${ai.kind}`) === bj.kind) {
        best = Math.min(best, (table[(i - 2) * cols + j - 1] ?? 0) + 0.1);
      }
      table[i * cols + j] = best;
    }
  }
  return { distance: table[rows * cols - 1] ?? 0, sounds: a.length };
}

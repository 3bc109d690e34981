/**
 * Splits a name into its parts and gives every part the forms the matcher compares: its own script, Latin
 * readings, spelling folds, consonant skeletons and phonetic codes. Parts get a kind (word, initial, particle,
 * title, legal form, ...) and a weight: a title weighs nearly nothing, an article little, a given name or
 * surname fully.
 */
import { doubleMetaphone } from 'double-metaphone';
import { typoDistance } from './distance.js';
import {
  ABJAD_SCRIPTS, SYLLABIC_SCRIPTS, arabicSkeletons, cyrillicLanguage, detectScript, foldSpelling, foldUnicode, latinSkeleton,
  keySkeleton, romanizeArabic, stripArabicArticle, stripLatinArticle, toAscii, transliterateCyrillic, unifyArabic,
} from './normalize.js';
import type { CyrillicLanguage, Script } from './normalize.js';
import {
  ABD_FORMS, ARTICLES, LEGAL_FORMS, LONGEST_LEGAL_FORM, MINOR_PARTICLES, NUMBER_WORDS, PATRONYMIC_CONNECTORS, STOP_WORDS,
  TITLES, WORD_ABBREVIATIONS,
} from './particles.js';

/** The forms of one written word, independent of where it stands in a name. Shared between names (interned). */
export interface WordForms {
  /** Unique per distinct form, for caching comparisons. */
  readonly id: number;
  readonly script: Script;
  /** The word in its own script, unified (Arabic letter variants) and lower-cased: compared within one script. */
  readonly native: string;
  /** Latin readings, lower-case ASCII; the first is the primary one. Cyrillic may give a Russian and a Ukrainian one. */
  readonly latin: readonly string[];
  /** `foldSpelling` of each Latin reading. */
  readonly folded: readonly string[];
  /** Consonant skeletons (see normalize.ts), one per distinct reading. */
  readonly skeletons: readonly string[];
  /** Double Metaphone codes of the Latin readings; empty for scripts without written vowels. */
  readonly phonetic: readonly string[];
  /** Vowels are not written (Arabic, Hebrew) or lost in romanisation: compare across scripts by skeleton only. */
  readonly abjad: boolean;
  /** Each character is a syllable (Han, Hangul, Kana). */
  readonly syllabic: boolean;
}

export type TokenKind = 'word' | 'initial' | 'particle' | 'connector' | 'title' | 'legal' | 'stopword' | 'number';

/** One part of a name. */
export interface NameToken {
  /** The part as written in the name (after Unicode folding), for explanations. */
  readonly text: string;
  readonly kind: TokenKind;
  readonly forms: WordForms;
  /** A second reading without a glued article ("Alhassan" → "hassan"). */
  readonly stem?: WordForms;
  /** For an 'Abd compound: the name after 'Abd ("Abdul Saifullah" → "saifullah"), since lists drop the 'Abd at times. */
  readonly abdStem?: WordForms;
  /** How much the part says about identity, 0..1. */
  readonly weight: number;
  /** For legal forms and numbers: the canonical value ("ag", "44"). */
  readonly canonical?: string;
  /** An Arabic article (al-, el-, ad-, ...): all of them are the same particle. */
  readonly article: boolean;
  /** 'given' for the first name before "bin/ibn", 'patronym' for the name right after it. */
  readonly role?: 'given' | 'patronym';
  /** Position in the name, after comma reordering. */
  readonly position: number;
  /** The last of two or more surnames written before the comma ("VANOY RAMIREZ, Ramiro", "RENDON DE PULIDO,
   *  Rosalinda"): in Spanish and Portuguese names the mother's or a married name, which aliases vary. */
  readonly secondSurname?: boolean;
}

/** A name ready for comparison. */
export interface PreparedName {
  readonly raw: string;
  readonly tokens: readonly NameToken[];
  /** The name was written "Last, First" and has been put in reading order. */
  readonly reordered: boolean;
  readonly script: Script;
  /** How many full parts (kind 'word') the name has. */
  readonly fullParts: number;
  /** The name has a legal form: it names an organisation. */
  readonly organisation: boolean;
}

/** The most parts a name is read with; the rest is ignored. */
export const MAX_NAME_PARTS = 30;

/** Weights per kind: the policy of how much each kind of part counts. */
export const KIND_WEIGHTS: Readonly<Record<TokenKind, number>> = {
  word: 1,
  initial: 0.6,
  number: 0.5,
  particle: 0.25,
  connector: 0.2,
  legal: 0.2,
  stopword: 0.05,
  title: 0.05,
};
/** Articles (al-, el-, ad-, ...) weigh less than other particles: they are written or left out at will. */
const ARTICLE_WEIGHT = 0.1;

// --- Word forms, interned ------------------------------------------------------------------------------------

const MAX_CACHED_FORMS = 500_000;
const formsCache = new Map<string, WordForms>();
let nextFormsId = 1;

function uniq(values: readonly string[]): string[] {
  return [...new Set(values.filter((value) => value.length > 0))];
}

function phoneticCodes(latin: readonly string[]): string[] {
  const codes: string[] = [];
  for (const reading of latin) {
    if (!/[a-z]/.test(reading)) continue;
    const [primary, secondary] = doubleMetaphone(reading);
    codes.push(primary, secondary);
  }
  return uniq(codes);
}

/**
 * The forms of one word. `word` is already folded (foldUnicode) and, for Arabic, unified; `cyrillic` says which
 * Cyrillic system(s) to use.
 */
export function wordForms(written: string, script: Script, cyrillic: CyrillicLanguage = 'unknown'): WordForms {
  // case says nothing about a name: "MUHAMMAD" and "Muhammad" share their forms (and their cached comparisons)
  const word = written.toLowerCase();
  const cacheKey = `${script}|${cyrillic}|${word}`;
  const cached = formsCache.get(cacheKey);
  if (cached) return cached;
  let native = word.toLowerCase();
  let latin: string[];
  let skeletons: string[];
  if (script === 'arabic') {
    native = unifyArabic(word);
    latin = [romanizeArabic(native)];
    skeletons = arabicSkeletons(native);
  } else {
    if (script === 'cyrillic') {
      const languages: Array<Exclude<CyrillicLanguage, 'unknown'>> =
        cyrillic === 'unknown' ? ['ru', 'uk'] : cyrillic === 'uk' ? ['uk', 'ru'] : [cyrillic];
      latin = uniq(languages.map((language) => transliterateCyrillic(native, language).replace(/[^a-z0-9]/g, '')));
    } else {
      latin = uniq([toAscii(word).replace(/[^a-z0-9]/g, '')]);
    }
    skeletons = uniq(latin.map(latinSkeleton));
  }
  if (latin.length === 0) latin = [''];
  const abjad = ABJAD_SCRIPTS.has(script);
  const forms: WordForms = {
    id: nextFormsId++,
    script,
    native,
    latin,
    folded: uniq(latin.map(foldSpelling)),
    skeletons: skeletons.length > 0 ? skeletons : [''],
    phonetic: abjad ? [] : phoneticCodes(latin),
    abjad,
    syllabic: SYLLABIC_SCRIPTS.has(script),
  };
  if (formsCache.size >= MAX_CACHED_FORMS) formsCache.clear();
  formsCache.set(cacheKey, forms);
  return forms;
}

/** The index keys' skeleton of a word's forms (see keySkeleton). */
export function keySkeletons(forms: WordForms): string[] {
  return uniq(forms.skeletons.map(keySkeleton));
}

// --- Splitting a name ------------------------------------------------------------------------------------------

const LOOK_ALIKE_LETTERS: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g' };

interface RawWord {
  text: string;
  script: Script;
}

/** Splits on spaces, hyphens, dots, slashes, brackets and other punctuation; Latin apostrophes are dropped inside words. */
function splitWords(name: string): RawWord[] {
  const words: RawWord[] = [];
  for (const piece of name.split(/[\s\-‐/\\.,;:()[\]{}"!?*+=_|<>#~]+/u)) {
    if (!piece) continue;
    const script = detectScript(piece);
    const ampersandParts = piece.split('&');
    ampersandParts.forEach((part, index) => {
      if (index > 0) words.push({ text: 'and', script: 'latin' });
      let text = part;
      if (script !== 'arabic' && script !== 'hebrew') text = text.replace(/['’]/g, '');
      // digits typed for look-alike letters inside a word: "Ig0r Sech1n"
      if (/\p{L}/u.test(text) && /[0-9]/.test(text) && !/^[0-9]+(st|nd|rd|th)$/i.test(text)) text = text.replace(/[013457890]/g, (digit) => LOOK_ALIKE_LETTERS[digit] ?? digit);
      if (text && /[\p{L}\p{N}]/u.test(text)) words.push({ text, script });
    });
  }
  return words;
}

/** "LAST, First" → "First LAST" when the name has exactly one comma and the part after it is not a legal form. */
function toReadingOrder(name: string): { text: string; reordered: boolean; given?: string } {
  const parts = name.split(',');
  if (parts.length !== 2) return { text: name, reordered: false };
  const [last = '', first = ''] = parts.map((part) => part.trim());
  if (!last || !first) return { text: name, reordered: false };
  const firstWords = splitWords(first).map((word) => toAscii(word.text).replace(/[^a-z0-9]/g, ''));
  if (firstWords.length === 0 || LEGAL_FORMS.has(firstWords.join(' ')) || firstWords.every((word) => LEGAL_FORMS.has(word))) {
    return { text: name, reordered: false };
  }
  return { text: `${first} ${last}`, reordered: true, given: first };
}

/** Marks the last surname when the part before the comma holds two or more full parts (Latin script only). */
function markSecondSurname(drafts: DraftToken[], givenDrafts: number): void {
  const surnames: number[] = [];
  for (let index = givenDrafts; index < drafts.length; index++) {
    const draft = drafts[index];
    // an article or bin/ibn marks an Arabic name, whose parts are no double surname
    if (draft?.article || draft?.kind === 'connector' || draft?.abdStem) return;
    if (draft?.kind === 'word' && !draft.article && !draft.forms.abjad && !draft.forms.syllabic) surnames.push(index);
  }
  const last = surnames.at(-1);
  if (surnames.length >= 2 && last !== undefined) drafts[last] = { ...(drafts[last] as DraftToken), secondSurname: true };
}

interface DraftToken {
  text: string;
  kind: TokenKind;
  forms: WordForms;
  stem?: WordForms;
  abdStem?: WordForms;
  canonical?: string;
  article?: boolean;
  role?: 'given' | 'patronym';
  secondSurname?: boolean;
}

const ABD_GLUED = /^abd(?:[aeiou]{1,2}l|[aeiou]{1,2})?([a-z]{3,})$/;

/** "Abdul" and its forms, also with two letters swapped ("Adbul", "Abudl"; not "Ahdal", a name of its own). */
function isAbdForm(word: string): boolean {
  if (ABD_FORMS.has(word)) return true;
  // an anagram of "abd" and two letters has a, b and d: most five-letter words stop here
  if (word.length !== 5 || !word.includes('b') || !word.includes('d') || ABDALLAH.test(word)) return false;
  const letters = [...word].sort().join('');
  return ABD_ANAGRAMS.some(([form, sorted]) => sorted === letters && typoDistance(form, word) === 1);
}

/** The five-letter forms of 'Abd with their letters sorted, for isAbdForm. */
const ABD_ANAGRAMS: ReadonlyArray<readonly [string, string]> = ['abdul', 'abdel', 'abdal', 'abdol'].map((form) => [form, [...form].sort().join('')] as const);

/**
 * Whether a word is the Arabic article: al/el/ul before any name part; the assimilated forms (ad-, ar-, as-,
 * ash-, at-, az-, an-, ud-, ur-, ...) only before a part that starts with their consonant (ad-Din, ash-Shami,
 * ur-Rahman), so that a Korean "Il", an English "Ed" or a Turkish "Er" stays a name part of its own.
 */
function isArticle(word: string, next: string | undefined): boolean {
  if (!ARTICLES.has(word) || next === undefined) return false;
  if (word === 'al' || word === 'el' || word === 'ul') return true;
  const consonant = word.slice(1);
  return next.startsWith(consonant) && next.length > consonant.length;
}

/** 'Abd Allah in its one-word spellings (Abdallah, Abdullah, Abdulla, Abdellah, Abdollah): a name, not 'Abd + a name. */
const ABDALLAH = /^abd[aeiou]?l?lah?$/;

function classify(primary: string, script: Script, wordCount: number, next?: string): { kind: TokenKind; canonical?: string; article?: boolean } {
  if (/^[0-9]+$/.test(primary)) return { kind: 'number', canonical: String(Number(primary)) };
  const numberWord = NUMBER_WORDS.get(primary);
  if (numberWord !== undefined && !(primary.length <= 3 && /^[ivx]+$/.test(primary) && wordCount <= 2)) {
    return { kind: 'number', canonical: String(numberWord) };
  }
  if (SYLLABIC_SCRIPTS.has(script)) return { kind: 'word' };
  if (wordCount > 1 && TITLES.has(primary)) return { kind: 'title' };
  if (wordCount > 1 && isArticle(primary, next)) return { kind: 'particle', article: true };
  if (wordCount > 2 && PATRONYMIC_CONNECTORS.has(primary)) return { kind: 'connector' };
  if (wordCount > 1 && MINOR_PARTICLES.has(primary)) return { kind: 'particle' };
  if (wordCount > 1 && STOP_WORDS.has(primary)) return { kind: 'stopword' };
  if (primary.length === 1 && /[a-z]/.test(primary)) return { kind: 'initial' };
  return { kind: 'word' };
}

/** Turns the raw words of a name into draft tokens: script forms, kinds, Arabic articles and 'Abd compounds. */
function draftTokens(words: readonly RawWord[], cyrillic: CyrillicLanguage): DraftToken[] {
  const drafts: DraftToken[] = [];
  for (const [position, word] of words.entries()) {
    if (word.script === 'arabic') {
      let unified = unifyArabic(word.text);
      // 'Abd glued to its name: عبدالرحمن = عبد الرحمن
      const glued = unified.startsWith('عبدال') && [...unified].length >= 7;
      if (glued) unified = unified.slice(3);
      // the article is not a part of its own in Arabic script: it is written together with the name
      unified = stripArabicArticle(unified) ?? unified;
      const forms = wordForms(glued ? `عبد${unified}` : unified, 'arabic');
      const primary = forms.latin[0] ?? '';
      const kind = primary === 'bn' || primary === 'ibn' || primary === 'abn' ? 'connector' : primary === 'abu' || primary === 'abw' ? 'particle' : 'word';
      drafts.push({ text: word.text, kind, forms, ...(glued ? { abdStem: wordForms(unified, 'arabic') } : {}) });
      continue;
    }
    const forms = wordForms(word.text, word.script, cyrillic);
    const primary = forms.latin[0] ?? '';
    // the next word matters only after an article (ad-Din); reading it for every word costs
    const next = ARTICLES.has(primary) ? words[position + 1] : undefined;
    const classified = classify(primary, word.script, words.length, next ? toAscii(next.text).replace(/[^a-z0-9]/g, '') : undefined);
    const draft: DraftToken = { text: word.text, forms, ...classified };
    if (classified.kind === 'word' && !forms.abjad && !forms.syllabic) {
      const stem = stripLatinArticle(primary);
      if (stem) draft.stem = wordForms(stem, 'latin');
      const abd = ABDALLAH.test(primary) ? undefined : ABD_GLUED.exec(primary);
      if (abd?.[1] && !ABD_FORMS.has(primary)) {
        // Abdurrahman = Abd ar-Rahman: drop the assimilated article's doubled letter
        const rest = abd[1].replace(/^([^aeiou])\1/, '$1');
        const name = stripLatinArticle(rest) ?? rest;
        draft.forms = wordForms(`abd${name}`, 'latin');
        draft.abdStem = wordForms(name, 'latin');
      }
    }
    drafts.push(draft);
  }
  return mergeAbdCompounds(drafts);
}

/** "Abdul Rahman", "Abd al-Rahman", "عبد الرحمن" → one part "abd" + name, as the glued spellings are. */
function mergeAbdCompounds(drafts: DraftToken[]): DraftToken[] {
  const out: DraftToken[] = [];
  for (let index = 0; index < drafts.length; index++) {
    const draft = drafts[index];
    if (!draft) continue;
    const isAbd = draft.forms.script === 'arabic' ? draft.forms.native === 'عبد' : isAbdForm(draft.forms.latin[0] ?? '');
    if (isAbd && draft.kind === 'word') {
      let next = index + 1;
      while (drafts[next]?.article) next++;
      const target = drafts[next];
      if (target && target.kind === 'word' && target.forms.script === draft.forms.script) {
        const text = drafts.slice(index, next + 1).map((part) => part.text).join(' ');
        const rest = target.stem ?? target.forms;
        const forms = draft.forms.script === 'arabic'
          ? wordForms(`عبد${rest.native}`, 'arabic')
          : wordForms(`abd${rest.latin[0] ?? ''}`, 'latin');
        out.push({ text, kind: 'word', forms, abdStem: rest });
        index = next;
        continue;
      }
    }
    out.push(draft);
  }
  return out;
}

/** A word of a legal-form phrase, allowing one typo in longer words ("Aktiengeselschaft", "Joynt Stock Compan"). */
function legalWordMatches(phraseWord: string, word: string): boolean {
  if (phraseWord === word) return true;
  return phraseWord.length >= 5 && Math.abs(phraseWord.length - word.length) <= 1 && typoDistance(phraseWord, word) <= 1;
}

function findLegalForm(drafts: readonly DraftToken[], index: number): { length: number; code: string } | undefined {
  const first = drafts[index]?.forms.latin[0] ?? '';
  const candidates = LEGAL_PHRASES_BY_FIRST_LETTER.get(first.charAt(0));
  if (!candidates) return undefined;
  for (let length = Math.min(LONGEST_LEGAL_FORM, drafts.length - index); length >= 1; length--) {
    const words = drafts.slice(index, index + length).map((draft) => draft.forms.latin[0] ?? '');
    const exact = LEGAL_FORMS.get(words.join(' '));
    if (exact !== undefined) return { length, code: exact };
    for (const [phrase, code] of candidates) {
      if (phrase.length === length && phrase.every((part, position) => legalWordMatches(part, words[position] ?? ''))) return { length, code };
    }
  }
  return undefined;
}

/** Legal-form phrases by the first letter of their first word (a typo in the first letter is not looked for). */
const LEGAL_PHRASES_BY_FIRST_LETTER: ReadonlyMap<string, ReadonlyArray<readonly [readonly string[], string]>> = (() => {
  const map = new Map<string, Array<readonly [readonly string[], string]>>();
  for (const [phrase, code] of LEGAL_FORMS) {
    const words = phrase.split(' ');
    const letter = phrase.charAt(0);
    map.set(letter, [...(map.get(letter) ?? []), [words, code] as const]);
  }
  return map;
})();
const ALLOWED_FIRST: ReadonlySet<string> = new Set(['ooo', 'ojsc', 'jsc', 'cjsc', 'pjsc', 'pt', 'llc', 'ano']);

/** Finds legal forms ("joint stock company", "Sp. z o.o.") and turns each into one legal token. */
function markLegalForms(drafts: DraftToken[]): DraftToken[] {
  const out: DraftToken[] = [];
  for (let index = 0; index < drafts.length; index++) {
    const found = findLegalForm(drafts, index);
    // a legal form is never the whole name; a one-word form that starts a name only when it is one that stands
    // first by custom ("OOO Gazprom", "PT Astra"), not "AG Barr"
    if (found && found.length < drafts.length && !(index === 0 && found.length === 1 && !ALLOWED_FIRST.has(found.code))) {
      const slice = drafts.slice(index, index + found.length);
      out.push({ text: slice.map((draft) => draft.text).join(' '), kind: 'legal', canonical: found.code, forms: wordForms(found.code, 'latin') });
      index += found.length - 1;
      continue;
    }
    const draft = drafts[index];
    if (draft) out.push(draft);
  }
  return out;
}

/** "forty four" → 44; abbreviations of organisation words ("Int'l" → international). */
function combineNumbersAndAbbreviations(drafts: DraftToken[]): DraftToken[] {
  const out: DraftToken[] = [];
  for (const draft of drafts) {
    const previous = out[out.length - 1];
    if (draft.kind === 'number' && previous?.kind === 'number' && previous.canonical && draft.canonical) {
      const tens = Number(previous.canonical);
      const units = Number(draft.canonical);
      if (tens >= 20 && tens % 10 === 0 && units > 0 && units < 10) {
        const canonical = String(tens + units);
        out[out.length - 1] = { text: `${previous.text} ${draft.text}`, kind: 'number', canonical, forms: wordForms(canonical, 'latin') };
        continue;
      }
    }
    if (draft.kind === 'number' && draft.canonical && draft.forms.latin[0] !== draft.canonical) {
      out.push({ ...draft, forms: wordForms(draft.canonical, 'latin') });
      continue;
    }
    const expansion = draft.kind === 'word' ? WORD_ABBREVIATIONS.get(draft.forms.latin[0] ?? '') : undefined;
    out.push(expansion ? { ...draft, forms: wordForms(expansion, 'latin') } : draft);
  }
  return out;
}

/** Marks the father's name after bin/ibn/ben and the given name before the first connector. */
function markRoles(drafts: DraftToken[]): void {
  const firstConnector = drafts.findIndex((draft) => draft.kind === 'connector');
  if (firstConnector < 0) return;
  let given = firstConnector - 1;
  while (given >= 0 && drafts[given]?.article) given--;
  if (given >= 0 && drafts[given]?.kind === 'word') drafts[given] = { ...(drafts[given] as DraftToken), role: 'given' };
  drafts.forEach((draft, index) => {
    if (draft.kind !== 'connector') return;
    let next = index + 1;
    while (drafts[next]?.article) next++;
    const target = drafts[next];
    if (target?.kind === 'word') drafts[next] = { ...target, role: 'patronym' };
  });
}

/**
 * Prepares a name for matching.
 * @example prepareName('al-Hassan, Mohammed').tokens.map((t) => t.text) // ['Mohammed', 'al', 'Hassan']
 */
export function prepareName(name: string): PreparedName {
  const folded = foldUnicode(name);
  const { text, reordered, given } = toReadingOrder(folded);
  const words = splitWords(text);
  const script = detectScript(text);
  const cyrillic = script === 'cyrillic' || words.some((word) => word.script === 'cyrillic') ? cyrillicLanguage(text) : 'unknown';
  let drafts = draftTokens(words, cyrillic);
  drafts = markLegalForms(drafts);
  drafts = combineNumbersAndAbbreviations(drafts);
  markRoles(drafts);
  if (given !== undefined && script === 'latin') markSecondSurname(drafts, draftTokens(splitWords(given), cyrillic).length);
  // a "name" of more parts is a text, not a name; the scoring keeps positions in the bits of a number
  if (drafts.length > MAX_NAME_PARTS) drafts = drafts.slice(0, MAX_NAME_PARTS);
  const tokens: NameToken[] = drafts.map((draft, position) => ({
    text: draft.text,
    kind: draft.kind,
    forms: draft.forms,
    ...(draft.stem ? { stem: draft.stem } : {}),
    ...(draft.abdStem ? { abdStem: draft.abdStem } : {}),
    weight: draft.article ? ARTICLE_WEIGHT : KIND_WEIGHTS[draft.kind],
    article: draft.article === true,
    ...(draft.canonical !== undefined ? { canonical: draft.canonical } : {}),
    ...(draft.role ? { role: draft.role } : {}),
    ...(draft.secondSurname ? { secondSurname: true } : {}),
    position,
  }));
  return {
    raw: name,
    tokens,
    reordered,
    script,
    fullParts: tokens.filter((token) => token.kind === 'word').length,
    organisation: tokens.some((token) => token.kind === 'legal'),
  };
}

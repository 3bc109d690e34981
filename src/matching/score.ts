/**
 * Pair scoring of two names: which parts correspond, how (exact, transliteration, phonetic, typo, initial,
 * compound), and one score 0..1 with the reasons for every deduction. The score is a signal for a person, never
 * a decision: the explanation is part of the result, not an afterthought.
 *
 * How the score is made (matching policy, tuned on the OpenSanctions name benchmark, see bench/matching):
 * - parts are aligned one-to-one, or two or three adjacent parts to one ("Alisher Usmanov" / "AlisherUsmanov");
 * - every aligned pair that is not identical costs its weight × (1 − similarity);
 * - parts both names have but that do not correspond (a *conflict*: "Daniel Tusk" / "Donald Tusk") cost much:
 *   two different given names are evidence of two different people;
 * - parts only one name has (a middle name, a patronymic, a title) cost little: lists and partners often leave
 *   them out;
 * - a name matched on one part only, when the other has more, costs extra ("Walijan" / "Walijan Abdul Ghafoor").
 */
import { arabicLatinDistance, arabicSounds, editDistance, latinSounds, skeletonDistance, typoDistance } from './distance.js';
import type { Sound } from './distance.js';
import { wordForms } from './tokens.js';
import type { NameToken, PreparedName, WordForms } from './tokens.js';
import { prepareName } from './tokens.js';
import { LEGAL_FORM_FAMILIES } from './particles.js';
import { abdAllahRule, firstLettersRelated, hypocoristicRule, nameGroupRule, renderingDistance } from './renderings.js';
import type { Rendering } from './renderings.js';

export type MatchHow = 'exact' | 'transliteration' | 'spelling' | 'phonetic' | 'typo' | 'initial' | 'abbreviation' | 'compound';

/** How two name parts (or a part and two or three adjacent parts) correspond. */
export interface PartMatch {
  /** The part(s) of the query name, as written. */
  readonly query: string;
  /** The part(s) of the entry's name, as written. */
  readonly entry: string;
  readonly how: MatchHow;
  /** 0..1 */
  readonly similarity: number;
  /** Edit distance for typos. */
  readonly distance?: number;
  /** A human-readable detail: the readings compared, the rule applied. */
  readonly detail?: string;
  /** The rule that made the correspondence, named ("vowel rendering: e ↔ i", "same spelling", "typo (1 edit)"). */
  readonly rule: string;
}

const RULE_NAMES: Readonly<Record<MatchHow, string>> = {
  exact: 'same spelling', transliteration: 'transliteration', spelling: 'spelling variant', phonetic: 'same sound',
  typo: 'typo', initial: 'initial', abbreviation: 'abbreviation', compound: 'written as one part',
};

function ruleOf(result: FormComparison): string {
  if (result.how === 'typo') return `typo (${result.distance ?? 1} edit${(result.distance ?? 1) === 1 ? '' : 's'})${result.detail ? `: ${result.detail}` : ''}`;
  return result.detail ?? RULE_NAMES[result.how];
}

/** A deduction from the score, with its reason. */
export interface ScoreDeduction {
  readonly reason: string;
  readonly amount: number;
}

/** The result of comparing two names. */
export interface NameComparison {
  readonly score: number;
  readonly queryName: string;
  readonly entryName: string;
  readonly parts: readonly PartMatch[];
  /** Parts of the query name with no counterpart in the entry's name. */
  readonly unmatchedQuery: readonly string[];
  /** Parts of the entry's name with no counterpart in the query. */
  readonly unmatchedEntry: readonly string[];
  readonly deductions: readonly ScoreDeduction[];
}

interface FormComparison {
  similarity: number;
  how: MatchHow;
  distance?: number;
  detail?: string;
  /** Matched only after dropping 'Abd from one side. */
  abdDropped?: boolean;
  /** One part of one name is the initials of several parts of the other ("PLA", "JC"). */
  acronym?: boolean;
}

/** Policy constants. Changing one changes every score: rerun bench/matching/quality.ts. */
export const SCORING = {
  /** Below this a pair of parts is not taken as corresponding at all. */
  minPairSimilarity: 0.62,
  /** Cost per unit of weight of a part both names have but that does not correspond. */
  conflictCost: 0.42,
  /** Cost per unit of weight of a part only one name has, for the first three such parts. */
  extraCost: 0.05,
  /** The same when fewer than half of the longer name's full parts correspond. */
  extraCostLowCoverage: 0.08,
  /** Cost when only one full part corresponds and the other name has two, three, or four and more full parts. */
  singlePartCost: [0.12, 0.18, 0.24],
  /** The single-part cost is multiplied by this when that part is all one name has ("Abdul Baqi"). */
  containedSinglePart: 0.5,
  /** Cost when no full part corresponds (only initials, particles or legal forms do). */
  noFullPartCost: 0.3,
  /** Cost when the names differ only in their second surname (Spanish/Portuguese double surnames). */
  secondSurnameCost: 0.15,
  /** Cost when corresponding parts stand in a different order. */
  reorderCost: 0.03,
  /** Cost when a given name on one side is the father's name (after bin/ibn) on the other. */
  patronymSwapCost: 0.3,
  /** Similarities of the kinds of correspondence. */
  spellingVariant: 0.95,
  transliterationExact: 0.97,
  /** An Arabic-script part read as its Latin spelling: the best similarity, and the cost per unit of distance
   *  per sound. Arabic writes no short vowels, so even a perfect reading is a reading. */
  arabicReading: 0.98,
  arabicDistanceCost: 1.0,
  phonetic: 0.9,
  /** A part written in another romanisation (renderings.ts): the best similarity, and what each unit of rule
   *  cost takes off it (one rule costs 0.1–0.3). */
  renderingBest: 0.985,
  /** What one typo takes off a part's similarity, times 1 / its length. */
  typoWeight: 1,
  /** What a typo in the first letter (one no rendering rule relates) takes off besides. */
  firstLetterTypo: 0.1,
  renderingCost: 0.15,
  /** More rule cost than this is not one name in two renderings ("Olga" / "Oleg": two vowels written or not). */
  renderingMaxCost: 0.45,
  /** Two forms of one given name in related languages (renderings.ts, nameGroupRule). */
  nameGroup: 0.93,
  compoundFactor: 0.97,
  initial: 0.85,
  abbreviation: 0.66,
  /** A short form of a given name that is not its first letters (renderings.ts, hypocoristicRule: Nadia / Nadezhda,
   *  Pepe / José): as alike as a long abbreviation. */
  hypocoristic: 0.86,
  /** The rule cost of another vowel after 'Abd in 'Abd Allah written as one word (Abdullah / Abdallah). */
  abdAllahVowel: 0.1,
  /** The same when the shorter part has at least four letters ("Alex" / "Alexander", "Kakha" / "Kakhaber"): a
   *  short form, not a clipped syllable. */
  longAbbreviation: 0.86,
  /** Similarity factor when one name has 'Abd before a name the other has alone ("Abdul Saifullah" / "Saifullah"). */
  abdDropped: 0.88,
  /** Cost per unit of weight of a word only one organisation name has ("Deutsche Bank Trust Company"). */
  organisationExtraCost: 0.3,
} as const;

// --- Comparing two parts ---------------------------------------------------------------------------------------

/** Similarity of an edit distance at a length: a typo in a long name costs less than in a short one. */
export function typoSimilarity(distance: number, length: number): number {
  if (distance === 0) return 1;
  const base = 1 - (SCORING.typoWeight * distance) / Math.max(length, 1);
  return Math.max(0, distance >= 3 ? base - 0.1 * (distance - 2) : base);
}

function bestTypo(a: readonly string[], b: readonly string[]): { distance: number; length: number; sim: number } {
  let best = { distance: Infinity, length: 1, sim: 0 };
  for (const x of a) {
    for (const y of b) {
      const distance = typoDistance(x, y);
      const length = Math.max(x.length, y.length);
      const sim = typoSimilarity(distance, length);
      if (sim > best.sim || best.distance === Infinity) best = { distance, length, sim };
    }
  }
  return best;
}

function sharesAny(a: readonly string[], b: readonly string[], minLength = 1): boolean {
  for (const x of a) if (x.length >= minLength && b.includes(x)) return true;
  return false;
}

/** Two parts written with full vowels (Latin, Cyrillic, Greek, ... after romanisation). */
function compareAlphabetic(a: WordForms, b: WordForms, crossScript: boolean): FormComparison | undefined {
  if (sharesAny(a.latin, b.latin)) {
    return crossScript
      ? { similarity: SCORING.transliterationExact, how: 'transliteration', detail: `both read "${a.latin.find((x) => b.latin.includes(x))}"` }
      : { similarity: 1, how: 'exact' };
  }
  if (sharesAny(a.folded, b.folded)) {
    const folded = a.folded.find((x) => b.folded.includes(x));
    return { similarity: SCORING.spellingVariant, how: crossScript ? 'transliteration' : 'spelling', detail: `same spelling after folding: "${folded}"` };
  }
  // lengths too far apart for any typo reading or shared sound to reach a correspondence: stop here (most
  // comparisons are of unrelated parts, so this is the common case)
  const la = (a.folded[0] ?? '').length;
  const lb = (b.folded[0] ?? '').length;
  // one given name in the forms of related languages (Oleksandr / Aleksandr, Pavlo / Pavel, Mohd / Muhammad)
  const groupRule = nameGroupRule(a.latin[0] ?? '', a.folded[0] ?? '', b.latin[0] ?? '', b.folded[0] ?? '');
  let group: FormComparison | undefined = groupRule ? { similarity: SCORING.nameGroup, how: 'transliteration', detail: `${groupRule}: ${a.latin[0]} ↔ ${b.latin[0]}` } : undefined;
  // a short form of a given name that is not its first letters (Nadia / Nadezhda, Pepe / José, Sander / Alexander)
  const shortForm = group ? undefined : hypocoristicRule(a.latin[0] ?? '', b.latin[0] ?? '') ?? hypocoristicRule(a.folded[0] ?? '', b.folded[0] ?? '');
  if (shortForm) group = { similarity: SCORING.hypocoristic, how: 'abbreviation', detail: shortForm };
  // 'Abd Allah in one word with another vowel after 'Abd (Abdullah / Abdallah / Abdollah): a rendering
  const abdAllah = group ? undefined : abdAllahRule(a.latin[0] ?? '', b.latin[0] ?? '');
  if (abdAllah) group = { similarity: SCORING.renderingBest - SCORING.renderingCost * SCORING.abdAllahVowel, how: 'transliteration', detail: abdAllah };
  if (Math.abs(la - lb) / Math.max(la, lb, 1) > 1 - SCORING.minPairSimilarity && Math.abs(la - lb) > 2 && !crossScript) return group;
  // typos are counted on the spellings as written and as folded: folding can turn one typo into two ("innocnet")
  const folded = bestTypo(a.folded, b.folded);
  const written = bestTypo(a.latin, b.latin);
  const typo = written.sim > folded.sim ? written : folded;
  let result: FormComparison | undefined = typo.sim > 0
    ? { similarity: typo.sim, how: 'typo', distance: typo.distance }
    : undefined;
  // Same sound, different letters (Qaddafi/Gaddafi, Ahmadinezhad/Ahmadinejad), but only when the spellings are
  // close: vowels tell Mohammed from Mahmoud, which share every consonant.
  const closeEnough = typo.length <= 5 ? typo.distance <= 1 : typo.length <= 9 ? typo.distance <= 2 : typo.distance <= typo.length / 4;
  if (closeEnough) {
    const phonetic = sharesAny(a.phonetic, b.phonetic, 3);
    const skeleton = sharesAny(a.skeletons, b.skeletons, 3);
    if ((phonetic || skeleton) && SCORING.phonetic > (result?.similarity ?? 0)) {
      result = { similarity: SCORING.phonetic, how: 'phonetic', distance: typo.distance, detail: phonetic ? 'same Double Metaphone code' : 'same consonants' };
    }
  }
  // renderings: another romanisation of the same name (Saleh/Salih, Gyu/Kyu) costs little; a typo stays a typo
  // (rules change a letter or two each and never the whole start: most unrelated parts are skipped here)
  if (typo.distance > 0 && typo.distance <= (typo.length <= 5 ? 2 : 3) && Math.abs(la - lb) <= 2 && firstLettersRelated(a.latin[0] ?? '', b.latin[0] ?? '')) {
    const rendering = renderingOf(a.latin, b.latin);
    if (rendering && rendering.typos === 0 && rendering.cost <= SCORING.renderingMaxCost) {
      const similarity = SCORING.renderingBest - SCORING.renderingCost * rendering.cost;
      if (similarity > (result?.similarity ?? 0)) result = { similarity, how: 'transliteration', detail: rendering.rules.join('; ') };
    }
  }
  if (group && group.similarity > (result?.similarity ?? 0)) result = group;
  // a typo in the first letter that no rule relates ("Kamal" / "Jamal", "Jafari" / "Safari") is more often
  // another name than a slip: variants of one name keep their start
  if (result?.how === 'typo' && !crossScript && !firstLettersRelated(a.folded[0] ?? '', b.folded[0] ?? '')) {
    result = { ...result, similarity: Math.max(0, result.similarity - SCORING.firstLetterTypo), detail: 'another first letter' };
  }
  if (crossScript && result && result.how !== 'transliteration') {
    result = { ...result, detail: `${result.detail ? `${result.detail}; ` : ''}read as "${a.latin[0]}" / "${b.latin[0]}"` };
  }
  return result;
}

/** The best rendering distance between the readings of two parts (fewest typos, then lowest cost). */
function renderingOf(a: readonly string[], b: readonly string[]): Rendering | undefined {
  let best: Rendering | undefined;
  for (const x of a) {
    for (const y of b) {
      const rendering = renderingDistance(x, y);
      if (!best || rendering.typos < best.typos || (rendering.typos === best.typos && rendering.cost < best.cost)) best = rendering;
    }
  }
  return best;
}

const soundsCache = new Map<string, readonly Sound[]>();

function cachedSounds(text: string, arabic: boolean): readonly Sound[] {
  const key = (arabic ? 'a' : 'l') + text;
  let sounds = soundsCache.get(key);
  if (!sounds) {
    if (soundsCache.size > 200_000) soundsCache.clear();
    sounds = arabic ? arabicSounds(text) : latinSounds(text);
    soundsCache.set(key, sounds);
  }
  return sounds;
}

/** An Arabic-script part against a part in another script (read in Latin letters). */
function compareArabicWith(arabic: WordForms, other: WordForms): FormComparison | undefined {
  let best = Infinity;
  let sounds = 1;
  let reading = '';
  const arabicPart = cachedSounds(arabic.native, true);
  for (const latin of other.latin) {
    const result = arabicLatinDistance(arabicPart, cachedSounds(latin, false));
    if (result.distance < best) {
      best = result.distance;
      sounds = result.sounds;
      reading = latin;
    }
  }
  if (best === Infinity) return undefined;
  const similarity = Math.max(0, SCORING.arabicReading - (SCORING.arabicDistanceCost * best) / Math.max(sounds, 2));
  // the detail is only worth its string for parts that may correspond
  if (similarity < SCORING.minPairSimilarity) return { similarity, how: 'transliteration' };
  return { similarity, how: 'transliteration', detail: `"${arabic.native}" read as "${reading}" (distance ${best.toFixed(2)})` };
}

/** Two parts in scripts compared by consonant skeleton only (Hebrew, Indic, ... against anything). */
function compareSkeletons(a: WordForms, b: WordForms): FormComparison | undefined {
  let best = Infinity;
  let length = 1;
  for (const x of a.skeletons) {
    for (const y of b.skeletons) {
      const d = skeletonDistance(x, y);
      if (d < best) {
        best = d;
        length = Math.max(x.length, y.length, 2);
      }
    }
  }
  if (best === Infinity) return undefined;
  const similarity = Math.max(0, 0.92 - (1.2 * best) / length);
  if (similarity < SCORING.minPairSimilarity) return { similarity, how: 'transliteration' };
  return { similarity, how: 'transliteration', detail: `consonants "${a.skeletons[0]}" / "${b.skeletons[0]}"` };
}

/** Two parts in the same non-Latin script: compared as written. */
function compareSameScript(a: WordForms, b: WordForms): FormComparison | undefined {
  if (a.native === b.native) return { similarity: 1, how: 'exact' };
  const chars = (text: string): string[] => [...text];
  const length = Math.max(chars(a.native).length, chars(b.native).length);
  const distance = editDistance(a.native, b.native);
  if (a.syllabic) {
    // each character is a syllable: one different character is a different name
    return { similarity: Math.max(0, 0.75 * (1 - distance / length)), how: 'typo', distance };
  }
  const sim = typoSimilarity(distance, length);
  return { similarity: sim, how: 'typo', distance };
}

const formsCache = new Map<number, Map<number, FormComparison | null>>();
let cachedComparisons = 0;
const MAX_CACHED_COMPARISONS = 1_000_000;

/**
 * Compares the forms of two words. Symmetric. Cached: the same two spellings are compared once.
 * @example compareForms(wordForms('Mohammed', 'latin'), wordForms('محمد', 'arabic')).how // 'transliteration'
 */
const EXACT: FormComparison = Object.freeze({ similarity: 1, how: 'exact' });

export function compareForms(a: WordForms, b: WordForms): FormComparison | undefined {
  if (a.id === b.id) return EXACT;
  const low = a.id < b.id ? a.id : b.id;
  const high = a.id < b.id ? b.id : a.id;
  let row = formsCache.get(low);
  const cached = row?.get(high);
  if (cached !== undefined) return cached ?? undefined;
  let result: FormComparison | undefined;
  if (a.script === b.script && a.script !== 'latin') {
    result = compareSameScript(a, b);
    if (a.script === 'cyrillic' || a.script === 'greek') {
      const viaLatin = compareAlphabetic(a, b, false);
      if (viaLatin && viaLatin.similarity > (result?.similarity ?? 0)) result = viaLatin;
    }
  } else if (a.script === 'arabic' || b.script === 'arabic') {
    if (a.script === 'arabic' && b.script === 'arabic') result = compareSameScript(a, b);
    else if (a.script === 'arabic' && !b.abjad) result = compareArabicWith(a, b);
    else if (b.script === 'arabic' && !a.abjad) result = compareArabicWith(b, a);
    else result = compareSkeletons(a, b);
  } else if (a.abjad || b.abjad || a.syllabic !== b.syllabic) {
    result = compareSkeletons(a, b);
  } else {
    result = compareAlphabetic(a, b, a.script !== b.script);
  }
  if (cachedComparisons >= MAX_CACHED_COMPARISONS) {
    formsCache.clear();
    cachedComparisons = 0;
    row = undefined;
  }
  if (!row) {
    row = new Map();
    formsCache.set(low, row);
  }
  row.set(high, result ?? null);
  cachedComparisons++;
  return result;
}

function firstLetter(forms: WordForms): string {
  return forms.abjad ? '' : (forms.latin[0] ?? '').charAt(0);
}

/** Compares two parts with their kinds: initials, particles, legal forms and numbers have rules of their own. */
export function compareTokens(a: NameToken, b: NameToken): FormComparison | undefined {
  if (a.kind === 'initial' || b.kind === 'initial') {
    if (a.kind === 'initial' && b.kind === 'initial') return a.forms.latin[0] === b.forms.latin[0] ? { similarity: 1, how: 'exact' } : undefined;
    const [initial, word] = a.kind === 'initial' ? [a, b] : [b, a];
    if (word.kind !== 'word') return undefined;
    const letter = initial.forms.latin[0] ?? '';
    const first = firstLetter(word.forms);
    if (first && first === letter) return { similarity: SCORING.initial, how: 'initial', detail: `"${initial.text}" is the initial of "${word.text}"` };
    return undefined;
  }
  if (a.kind === 'legal' && b.kind === 'legal') {
    if (a.canonical === b.canonical) return { similarity: 1, how: a.text === b.text ? 'exact' : 'spelling', detail: `both "${a.canonical}"` };
    const x = LEGAL_FORM_FAMILIES.get(a.canonical ?? '');
    const y = LEGAL_FORM_FAMILIES.get(b.canonical ?? '');
    return x && y && (x === y || x === 'any' || y === 'any') ? { similarity: 0.9, how: 'spelling', detail: `legal forms of one family: "${a.canonical}" / "${b.canonical}"` } : undefined;
  }
  if (a.kind === 'legal' || b.kind === 'legal' || a.kind === 'number' || b.kind === 'number') {
    if (a.kind !== b.kind) return undefined;
    return a.canonical === b.canonical ? { similarity: 1, how: a.text === b.text ? 'exact' : 'spelling', detail: `both "${a.canonical}"` } : undefined;
  }
  if (a.kind === 'connector' && b.kind === 'connector') {
    return a.forms.latin[0] === b.forms.latin[0] ? { similarity: 1, how: 'exact' } : { similarity: 1, how: 'transliteration', detail: 'bin = ibn = ben' };
  }
  if (a.article && b.article) {
    return a.forms.latin[0] === b.forms.latin[0] ? { similarity: 1, how: 'exact' } : { similarity: 1, how: 'transliteration', detail: 'the same article' };
  }
  if ((a.kind === 'particle' || a.kind === 'title' || a.kind === 'stopword') && a.kind === b.kind) {
    const result = compareForms(a.forms, b.forms);
    return result && result.similarity >= 0.9 ? result : undefined;
  }
  if (a.kind !== b.kind && (a.kind !== 'word' || b.kind !== 'word')) {
    // a word against a particle or title: only when spelt the same (a name part taken for a particle)
    const result = compareForms(a.forms, b.forms);
    return result && result.similarity >= 0.95 ? result : undefined;
  }
  let best = compareForms(a.forms, b.forms);
  if ((best?.similarity ?? 0) >= 0.97) return best;
  // two theophoric compounds ('Abd al-Baqi / 'Abd al-Bari) are as alike as the names after 'Abd: the shared
  // 'Abd says nothing
  if (a.abdStem && b.abdStem) {
    const stems = compareForms(a.abdStem, b.abdStem);
    if (!stems || stems.similarity < SCORING.minPairSimilarity) return undefined;
    if (stems.similarity < (best?.similarity ?? 0)) {
      // derived once per comparison of the stems (compareForms' results are cached): this runs for every pair
      // of 'Abd compounds compared
      let derived = abdStemReadings.get(stems);
      if (!derived) {
        derived = { ...stems, detail: `'Abd al-… compared by the name after 'Abd${stems.detail ? `: ${stems.detail}` : ''}` };
        abdStemReadings.set(stems, derived);
      }
      best = derived;
    }
  }
  // a glued article: "Alhassan" against "Hassan"
  if (a.stem || b.stem) {
    best = viaReading(best, a.stem, b.forms, 0.97, 'article written together with the name', false);
    best = viaReading(best, a.forms, b.stem, 0.97, 'article written together with the name', false);
    best = viaReading(best, a.stem, b.stem, 0.97, 'article written together with the name', false);
  }
  // 'Abd dropped: "Abdul Saifullah" against "Saifullah"
  if (a.abdStem || b.abdStem) {
    best = viaReading(best, a.abdStem, b.forms, SCORING.abdDropped, "'Abd written on one side only", true);
    best = viaReading(best, a.forms, b.abdStem, SCORING.abdDropped, "'Abd written on one side only", true);
  }
  // an abbreviation: "Ben" for "Benjamin"
  if ((best?.similarity ?? 0) < SCORING.abbreviation && !a.forms.abjad && !b.forms.abjad && !a.forms.syllabic && !b.forms.syllabic) {
    const x = a.forms.folded[0] ?? '';
    const y = b.forms.folded[0] ?? '';
    const [short, long] = x.length <= y.length ? [x, y] : [y, x];
    if (short.length >= 3 && long.length - short.length >= 2 && long.startsWith(short)) {
      best = { similarity: short.length >= 4 ? SCORING.longAbbreviation : SCORING.abbreviation, how: 'abbreviation', detail: `"${short}" abbreviates "${long}"` };
    }
  }
  return best;
}

/** The comparison through another reading of a part (without its article, without 'Abd), if it is better. */
function viaReading(best: FormComparison | undefined, x: WordForms | undefined, y: WordForms | undefined, factor: number, note: string, abdDropped: boolean): FormComparison | undefined {
  if (!x || !y) return best;
  const result = compareForms(x, y);
  if (!result || result.similarity * factor <= (best?.similarity ?? 0)) return best;
  const cache = abdDropped ? abdReadings : articleReadings;
  let derived = cache.get(result);
  if (!derived) {
    derived = { ...result, similarity: result.similarity * factor, ...(abdDropped ? { abdDropped } : {}), detail: `${result.detail ? `${result.detail}; ` : ''}${note}` };
    cache.set(result, derived);
  }
  return derived;
}

const articleReadings = new WeakMap<FormComparison, FormComparison>();
const abdReadings = new WeakMap<FormComparison, FormComparison>();
const abdStemReadings = new WeakMap<FormComparison, FormComparison>();

// --- Aligning two names -----------------------------------------------------------------------------------------

interface Candidate {
  a: readonly number[];
  b: readonly number[];
  result: FormComparison;
  weight: number;
}

const joinedCache = new Map<string, WordForms | null>();

function joinForms(tokens: readonly NameToken[]): WordForms | undefined {
  const key = tokens.map((token) => token.forms.id).join(',');
  const cached = joinedCache.get(key);
  if (cached !== undefined) return cached ?? undefined;
  if (joinedCache.size > 500_000) joinedCache.clear();
  const joined = joinFormsUncached(tokens);
  joinedCache.set(key, joined ?? null);
  return joined;
}

function joinFormsUncached(tokens: readonly NameToken[]): WordForms | undefined {
  const script = tokens[0]?.forms.script;
  if (!script || tokens.some((token) => token.forms.script !== script || token.kind === 'title' || token.kind === 'legal' || token.kind === 'number')) return undefined;
  if (script === 'arabic') return wordForms(tokens.map((token) => token.forms.native).join(''), 'arabic');
  if (script === 'latin') return wordForms(tokens.map((token) => token.forms.latin[0] ?? '').join(''), 'latin');
  return wordForms(tokens.map((token) => token.forms.native).join(''), script);
}

const MERGEABLE: ReadonlySet<string> = new Set(['word', 'particle', 'connector']);

/**
 * Adjacent parts of one name against one part of the other: "Alisher Usmanov" = "AlisherUsmanov", "A.B.C." = "ABC",
 * and initials written together: "JC" = "Jean-Claude", "PLA" = "People's Liberation Army".
 */
/** Whether two spellings begin alike: same first letter, or same first consonant class. */
function startsAlike(a: WordForms, b: WordForms): boolean {
  if (!a.abjad && !b.abjad && (a.latin[0] ?? '').charAt(0) === (b.latin[0] ?? '').charAt(0)) return true;
  if ((a.skeletons[0] ?? '').charAt(0) === (b.skeletons[0] ?? '').charAt(0)) return true;
  // another romanisation of the first sound: Wade–Giles "Chih-kang" written as pinyin "Zhigang"
  if (a.abjad || b.abjad) return false;
  const x = a.latin[0] ?? '';
  const y = b.latin[0] ?? '';
  if (!firstLettersRelated(x, y)) return false;
  const key = `${x.slice(0, 4)}|${y.slice(0, 4)}`;
  let alike = startsAlikeCache.get(key);
  if (alike === undefined) {
    // three letters against three or four: one romanisation writes a sound in two letters that the other writes
    // in one (pinyin "Jinping" / Wade–Giles "Chin-ping", "Zedong" / "Tse-tung")
    alike = renderingDistance(x.slice(0, 3), y.slice(0, 3)).typos === 0 ||
      renderingDistance(x.slice(0, 3), y.slice(0, 4)).typos === 0 ||
      renderingDistance(x.slice(0, 4), y.slice(0, 3)).typos === 0;
    if (startsAlikeCache.size > 100_000) startsAlikeCache.clear();
    startsAlikeCache.set(key, alike);
  }
  return alike;
}

const startsAlikeCache = new Map<string, boolean>();

/** A name written as one part ("Jamaleddine" / "Jamal al-Din") is one name: its difference weighs as much as one
 *  part's, not as the joined parts' together (matching policy, tuned on the development half). */
const COMPOUND_WEIGHT_SHARE = 0.75;

function pushMerge(out: Candidate[], flip: boolean, single: NameToken, group: readonly NameToken[], result: FormComparison): void {
  const positions = group.map((token) => token.position);
  const weight = result.acronym ? single.weight : Math.max(single.weight, COMPOUND_WEIGHT_SHARE * weightOf(group));
  out.push(flip ? { a: single1(single.position), b: positions, result, weight } : { a: positions, b: single1(single.position), result, weight });
}

/** Positions as bits of a number: names have at most MAX_NAME_PARTS parts (tokens.ts), so 31 bits suffice. */
function hasBit(mask: number, position: number): boolean {
  return ((mask >>> position) & 1) === 1;
}

function mergeCandidates(short: readonly NameToken[], long: readonly NameToken[], flip: boolean, out: Candidate[], settledShort: number, settledLong: number): void {
  if (short.every((token) => token.kind !== 'word' || hasBit(settledShort, token.position))) return;
  for (let start = 0; start < long.length; start++) {
    const first = long[start] as NameToken;
    let groupLength = 0;
    let allInitials = true;
    let anyWord = false;
    let allSettled = true;
    let anyInitial = false;
    for (let size = 1; size <= 3 && start + size <= long.length; size++) {
      const token = long[start + size - 1] as NameToken;
      if (token.kind !== 'initial' && !MERGEABLE.has(token.kind)) break;
      groupLength += (token.forms.folded[0] ?? '').length;
      allInitials &&= token.kind === 'initial';
      anyInitial ||= token.kind === 'initial';
      anyWord ||= token.kind === 'word';
      allSettled &&= hasBit(settledLong, token.position);
      if (size < 2 || allSettled || (!allInitials && (!anyWord || anyInitial))) continue;
      // cheap tests first, without building anything: a part written as one starts like the first of the joined
      // parts and is about as long; initials written together are as many letters as there are parts
      let plausible = false;
      let acronymPossible = false;
      for (const single of short) {
        if (single.kind !== 'word' || hasBit(settledShort, single.position)) continue;
        if (!allInitials && !first.forms.abjad && !first.forms.syllabic && (single.forms.latin[0] ?? '').length === size) acronymPossible = true;
        if (startsAlike(single.forms, first.forms) && (single.forms.abjad || first.forms.abjad || Math.abs((single.forms.folded[0] ?? '').length - groupLength) <= 3)) plausible = true;
      }
      if (!plausible && !acronymPossible) continue;
      const group = long.slice(start, start + size);
      const initials = acronymPossible ? group.map((part) => (part.forms.latin[0] ?? '').charAt(0)).join('') : '';
      const joined = plausible ? joinForms(group) : undefined;
      const joinedLength = (joined?.folded[0] ?? '').length;
      for (const single of short) {
        if (single.kind !== 'word' || hasBit(settledShort, single.position)) continue;
        if (initials && single.forms.latin[0] === initials && !single.forms.abjad) {
          pushMerge(out, flip, single, group, { similarity: SCORING.initial, how: 'initial', acronym: true, detail: `"${single.text}" are the initials of "${group.map((part) => part.text).join(' ')}"` });
          continue;
        }
        if (!joined || !startsAlike(single.forms, joined)) continue;
        const singleLength = (single.forms.folded[0] ?? '').length;
        if (!single.forms.abjad && !joined.abjad && Math.abs(singleLength - joinedLength) > 3) continue;
        const result = compareForms(joined, single.forms);
        if (!result || result.similarity < 0.88) continue;
        pushMerge(out, flip, single, group, { ...result, similarity: result.similarity * SCORING.compoundFactor, how: 'compound', detail: `"${group.map((part) => part.text).join(' ')}" written as one part${result.how !== 'exact' ? ` (${result.how})` : ''}` });
      }
    }
  }
}

/** One position as a shared, frozen one-element array: aligning makes one per pair of parts compared, and
 *  never changes them. */
const SINGLE_POSITIONS: ReadonlyArray<readonly number[]> = Array.from({ length: 32 }, (_, position) => Object.freeze([position]));

function single1(position: number): readonly number[] {
  return SINGLE_POSITIONS[position] ?? [position];
}

function align(a: PreparedName, b: PreparedName): Candidate[] {
  const candidates: Candidate[] = [];
  for (const x of a.tokens) {
    for (const y of b.tokens) {
      const result = compareTokens(x, y);
      if (!result || result.similarity < SCORING.minPairSimilarity) continue;
      const weight = result.how === 'initial' ? Math.min(x.weight, y.weight) : Math.max(x.weight, y.weight);
      candidates.push({ a: single1(x.position), b: single1(y.position), result, weight });
    }
  }
  if (a.tokens.length > 1 || b.tokens.length > 1) {
    // parts that already correspond well to a single part need not be tried joined
    let settledA = 0;
    let settledB = 0;
    for (const candidate of candidates) {
      if (candidate.result.similarity < 0.9) continue;
      settledA |= 1 << (candidate.a[0] ?? 0);
      settledB |= 1 << (candidate.b[0] ?? 0);
    }
    mergeCandidates(b.tokens, a.tokens, false, candidates, settledB, settledA);
    mergeCandidates(a.tokens, b.tokens, true, candidates, settledA, settledB);
  }
  // best correspondences first; among equals, the one that keeps the order and joins fewer parts
  candidates.sort((x, y) =>
    y.result.similarity * y.weight - x.result.similarity * x.weight ||
    y.result.similarity - x.result.similarity ||
    Math.abs((x.a[0] ?? 0) - (x.b[0] ?? 0)) - Math.abs((y.a[0] ?? 0) - (y.b[0] ?? 0)) ||
    x.a.length + x.b.length - (y.a.length + y.b.length) ||
    (x.a[0] ?? 0) + (x.b[0] ?? 0) - ((y.a[0] ?? 0) + (y.b[0] ?? 0)),
  );
  let usedA = 0;
  let usedB = 0;
  const chosen: Candidate[] = [];
  for (const candidate of candidates) {
    let maskA = 0;
    let maskB = 0;
    for (const position of candidate.a) maskA |= 1 << position;
    for (const position of candidate.b) maskB |= 1 << position;
    if ((usedA & maskA) !== 0 || (usedB & maskB) !== 0) continue;
    chosen.push(candidate);
    usedA |= maskA;
    usedB |= maskB;
  }
  return chosen;
}

function sameSpelling(a: PreparedName, b: PreparedName): boolean {
  if (a.tokens.length !== b.tokens.length) return false;
  for (let index = 0; index < a.tokens.length; index++) {
    const x = a.tokens[index] as NameToken;
    const y = b.tokens[index] as NameToken;
    if (x.forms.id !== y.forms.id || x.kind !== y.kind) return false;
  }
  return true;
}

function initialsOnly(name: PreparedName, positions: readonly number[]): boolean {
  for (const position of positions) if (name.tokens[position]?.kind !== 'initial') return false;
  return true;
}

function countWords(name: PreparedName, positions: readonly number[]): number {
  let words = 0;
  for (const position of positions) if (name.tokens[position]?.kind === 'word') words++;
  return words;
}

/** The information of the most telling full part among positions of a name. */
function informationOf(name: PreparedName, positions: readonly number[], rarity: PartRarity): number {
  let most = 0;
  for (const position of positions) {
    const token = name.tokens[position];
    if (token?.kind === 'word') most = Math.max(most, rarity(token));
  }
  return most;
}

/** The parts hold one second surname (and particles such as "de") and no other full part. */
function onlySecondSurnames(tokens: readonly NameToken[]): boolean {
  let seconds = 0;
  for (const token of tokens) {
    if (token.secondSurname) seconds++;
    else if (token.kind === 'word' || token.kind === 'initial') return false;
  }
  return seconds === 1;
}

function weightOf(tokens: readonly NameToken[]): number {
  let sum = 0;
  for (const token of tokens) sum += token.weight;
  return sum;
}

/** An initial that contradicts a name ("Hans O. Friedrich" / "Hans Joachim Friedrich") is as strong as a different name. */
function conflictWeightOf(tokens: readonly NameToken[]): number {
  let sum = 0;
  for (const token of tokens) sum += token.kind === 'initial' ? 1 : token.kind === 'legal' ? LEGAL_CONFLICT_WEIGHT : token.weight;
  return sum;
}

/** Two legal forms of different families (AG / GmbH) weigh more against each other than a legal form weighs. */
const LEGAL_CONFLICT_WEIGHT = 0.6;

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}


/**
 * Compares two prepared names. Symmetric in its score: compareNames(a, b).score = compareNames(b, a).score.
 */
export function comparePreparedNames(query: PreparedName, entry: PreparedName, rarity?: PartRarity): NameComparison {
  return evaluate(query, entry, true, rarity) as NameComparison;
}

/**
 * The score alone, without building the explanation: for ranking many names, of which few are shown. With
 * `below`, a name that already scores under it after aligning may return that partial score, which is also under
 * it (the rest only deducts): its exact score is not needed.
 */
export function scorePreparedNames(query: PreparedName, entry: PreparedName, rarity?: PartRarity, below?: number): number {
  return evaluate(query, entry, false, rarity, below) as number;
}

/**
 * How much a name part says about identity, from how many entries of the list (or registry) searched have it:
 * 1 for a part no entry or one entry has, down to RARITY.floor for "Muhammad" or "Kim". Only an index knows it
 * (index.ts); names compared on their own (compareNames) are scored without it.
 */
export type PartRarity = (token: NameToken) => number;

/** How rarity changes a score (matching policy; tuned on the development half of bench/matching/heldout.ts). */
export const RARITY = {
  /** The least a part can say. */
  floor: 0.1,
  /** Below this much information in the corresponding parts, a match rests on common names: it costs. */
  enoughInformation: 2,
  /** Cost per unit of information missing below enoughInformation. */
  commonPartsCost: 0.3,
  /** A conflict costs less when the corresponding parts say much: factor 1 at this much information... */
  conflictFullAt: 1.0,
  /** ...and this much less per unit of information above it, down to conflictFloor. */
  conflictRelief: 0.35,
  conflictFloor: 0.5,
  /** Information of the query's parts the entry lacks, beyond this share of the corresponding information, costs unmatchedCost a unit. */
  /** The common-parts cost is multiplied by this when every full part of the query is found in the entry. */
  completeFactor: 0.3,
  /** When every full part of the entry is found in the query, the factor goes from completeFactor towards 1 by
   *  this times the share of the information that lies in the query's other parts. */
  extraInformationWeight: 0.7,
  unmatchedAllowance: 1,
  unmatchedCost: 0.15,
} as const;

function evaluate(query: PreparedName, entry: PreparedName, explain: boolean, rarity?: PartRarity, below?: number): NameComparison | number {
  // the same name in the same spelling (up to case): nothing to align
  if (!explain && sameSpelling(query, entry)) return 1;
  const chosen = align(query, entry);
  const deductions: ScoreDeduction[] = [];
  let score = 1;
  let usedQuery = 0;
  let usedEntry = 0;
  const parts: Array<{ position: number; part: PartMatch }> = [];
  let fullMatches = 0;
  let initialMatches = 0;
  let personAcronymUsed = false;
  let matchedInformation = 0;
  for (const candidate of chosen) {
    for (const position of candidate.a) usedQuery |= 1 << position;
    for (const position of candidate.b) usedEntry |= 1 << position;
    const queryWords = countWords(query, candidate.a);
    const entryWords = countWords(entry, candidate.b);
    if ((queryWords > 0 && entryWords > 0) || (queryWords > 0 && initialsOnly(entry, candidate.b)) || (entryWords > 0 && initialsOnly(query, candidate.a))) {
      // initials written together stand for a whole organisation ("PLA"), never for a person by themselves: "Kim"
      // read as the initials of "Khalil Il Muhammad" is no name that corresponds
      const personAcronym = candidate.result.acronym === true && !query.organisation && !entry.organisation;
      personAcronymUsed ||= personAcronym;
      if (candidate.result.how === 'initial' && (!candidate.result.acronym || personAcronym)) initialMatches += Math.max(queryWords, entryWords);
      else fullMatches += Math.max(queryWords, entryWords);
    }
    if (rarity && queryWords > 0 && entryWords > 0) matchedInformation += candidate.result.similarity * Math.min(informationOf(query, candidate.a, rarity), informationOf(entry, candidate.b, rarity));
    const deficit = candidate.weight * (1 - candidate.result.similarity);
    if (deficit > 0.0005) score -= deficit;
    if (explain) parts.push({ position: Math.min(...candidate.a), part: {
      query: candidate.a.map((position) => query.tokens[position]?.text ?? '').join(' '),
      entry: candidate.b.map((position) => entry.tokens[position]?.text ?? '').join(' '),
      how: candidate.result.how,
      similarity: round(candidate.result.similarity),
      ...(candidate.result.distance !== undefined && candidate.result.how === 'typo' ? { distance: candidate.result.distance } : {}),
      ...(candidate.result.detail ? { detail: candidate.result.detail } : {}),
      rule: ruleOf(candidate.result),
    } });
  }
  // everything after this deducts: a score already under `below` (by more than rounding) stays under it
  if (!explain && below !== undefined && score < below - 0.001) return Math.max(0, score);
  const pairDeficit = 1 - score;
  if (explain && pairDeficit > 0.0005) deductions.push({ reason: 'parts that correspond but are not identical', amount: round(pairDeficit) });

  // 'Abd dropped on one side while the other has another name where 'Abd stands ("Abdul Jan" / "Mohammad Jan"):
  // that is a different name, not a shorter one
  for (const candidate of chosen) {
    if (!candidate.result.abdDropped || candidate.a.length !== 1 || candidate.b.length !== 1) continue;
    const queryToken = query.tokens[candidate.a[0] ?? -1];
    const entryToken = entry.tokens[candidate.b[0] ?? -1];
    const [plainName, plainToken] = queryToken?.abdStem ? [entry, entryToken] : [query, queryToken];
    const before = plainName.tokens[(plainToken?.position ?? 0) - 1];
    if (before && before.kind === 'word' && !hasBit(plainName === query ? usedQuery : usedEntry, before.position)) {
      if (plainName === query) usedQuery |= 1 << before.position;
      else usedEntry |= 1 << before.position;
      score -= SCORING.conflictCost;
      if (explain) deductions.push({ reason: `'Abd on one side, "${before.text}" on the other`, amount: SCORING.conflictCost });
    }
  }
  const unmatchedQueryTokens = query.tokens.filter((token) => !hasBit(usedQuery, token.position));
  const unmatchedEntryTokens = entry.tokens.filter((token) => !hasBit(usedEntry, token.position));
  // a name whose every full part is found in the other is a shorter form of it ("Abdul Baqi" in "Abdul Baqi Basir Awal Shah")
  const contained = (query.fullParts > 0 && !unmatchedQueryTokens.some((token) => token.kind === 'word')) ||
    (entry.fullParts > 0 && !unmatchedEntryTokens.some((token) => token.kind === 'word'));
  const unmatchedQueryWeight = weightOf(unmatchedQueryTokens);
  const unmatchedEntryWeight = weightOf(unmatchedEntryTokens);
  let conflict = Math.min(conflictWeightOf(unmatchedQueryTokens), conflictWeightOf(unmatchedEntryTokens));
  let secondSurnamesDiffer = false;
  // only the second surnames differ, given names and first surnames correspond ("Vanoy Ramirez, Ramiro" / "Vanoy
  // Murillo, Ramiro"): aliases vary the mother's or a married name; that costs, but less than another name
  if (conflict > 0.0005 && onlySecondSurnames(unmatchedQueryTokens) && onlySecondSurnames(unmatchedEntryTokens) && fullMatches >= 2) {
    score -= SCORING.secondSurnameCost;
    if (explain) deductions.push({ reason: `second surnames that differ (Spanish/Portuguese double surname): ${unmatchedQueryTokens.map((token) => token.text).join(' ')} / ${unmatchedEntryTokens.map((token) => token.text).join(' ')}`, amount: SCORING.secondSurnameCost });
    conflict = 0;
    secondSurnamesDiffer = true;
  }
  if (conflict > 0.0005) {
    // two different parts where the corresponding ones are rare ("Zambada Niebla, Monica del Rocio" / "... del
    // Rosario") are more often one person's aliases than two people; where they are common, two people
    const relief = rarity ? Math.max(RARITY.conflictFloor, 1 - RARITY.conflictRelief * Math.max(0, matchedInformation - RARITY.conflictFullAt)) : 1;
    const amount = SCORING.conflictCost * conflict * relief;
    score -= amount;
    if (explain) deductions.push({ reason: `parts that differ: ${unmatchedQueryTokens.map((token) => token.text).join(' ')} / ${unmatchedEntryTokens.map((token) => token.text).join(' ')}`, amount: round(amount) });
  }
  const extra = secondSurnamesDiffer ? 0 : Math.max(0, Math.max(unmatchedQueryWeight, unmatchedEntryWeight) - conflict);
  if (extra > 0.0005) {
    // an organisation with one more word is usually another one (a subsidiary, a branch); a person with one
    // more name is usually the same person written more fully
    const organisation = query.organisation || entry.organisation;
    // a series number is part of an organisation's name: "Fund II" is not "Fund"
    const extraWords = (unmatchedQueryWeight > unmatchedEntryWeight ? unmatchedQueryTokens : unmatchedEntryTokens).filter((token) => token.kind === 'word' || token.kind === 'number').length;
    // parts only one name has cost more when fewer than half of its full parts correspond
    const longerFull = Math.max(query.fullParts, entry.fullParts);
    const perPart = fullMatches + initialMatches < longerFull / 2 && !contained ? SCORING.extraCostLowCoverage : SCORING.extraCost;
    const amount = organisation && extraWords > 0 ? SCORING.organisationExtraCost * Math.min(extraWords, 2) : perPart * Math.min(extra, 3);
    score -= amount;
    const side = unmatchedQueryWeight > unmatchedEntryWeight ? unmatchedQueryTokens : unmatchedEntryTokens;
    if (explain) deductions.push({ reason: `parts only one name has: ${side.map((token) => token.text).join(' ')}`, amount: round(amount) });
  }
  const fullParts = Math.max(query.fullParts, entry.fullParts);
  if (fullMatches === 0 && personAcronymUsed) {
    // "AQ Khan" is "Abdul Qadeer Khan" because Khan corresponds; "Kim" alone is no reading of "Khalil Il Muhammad"
    score = 0;
    if (explain) deductions.push({ reason: "a person's initials written together, and no name part corresponds", amount: 1 });
  } else if (fullMatches === 0 && fullParts >= 1) {
    score -= SCORING.noFullPartCost;
    if (explain) deductions.push({ reason: 'no full name part corresponds', amount: SCORING.noFullPartCost });
  } else if (fullMatches + initialMatches <= 1 && fullParts >= 2) {
    const amount = (SCORING.singlePartCost[Math.min(fullParts, 4) - 2] ?? 0) * (contained ? SCORING.containedSinglePart : 1);
    score -= amount;
    if (explain) deductions.push({ reason: 'only one full name part corresponds', amount });
  }
  // the information of the query's full parts that the entry does not have
  let unmatchedInformation = 0;
  if (rarity && fullMatches > 0) {
    // rare parts of the query that the entry does not have, weighed against what corresponds: "Fadlallah,
    // Muhammad Husayn" is not "Husayn, Muhammad"
    // a father's name after bin/ibn/ben/ould (the nasab) names the father: an entry without it is a shorter name
    for (const token of unmatchedQueryTokens) if (token.kind === 'word' && token.role !== 'patronym') unmatchedInformation += rarity(token);
    const excess = unmatchedInformation - RARITY.unmatchedAllowance * matchedInformation;
    if (excess > 0.0005) {
      const amount = RARITY.unmatchedCost * excess;
      score -= amount;
      if (explain) deductions.push({ reason: `rare parts only the query has: ${unmatchedQueryTokens.filter((token) => token.kind === 'word').map((token) => token.text).join(' ')}`, amount: round(amount) });
    }
  }
  if (rarity && fullMatches > 0 && matchedInformation < RARITY.enoughInformation) {
    // common parts say little, but when every full part of the query is found in the entry nothing the
    // screener knows speaks against them; when every full part of the entry is found in the query ("Ibrahim,
    // Ayman Ahmad" / "Ibrahim, Ayman"), only what the query's other parts say does
    const queryContained = !unmatchedQueryTokens.some((token) => token.kind === 'word');
    const entryContained = entry.fullParts >= 2 && !unmatchedEntryTokens.some((token) => token.kind === 'word');
    const factor = queryContained || secondSurnamesDiffer
      ? RARITY.completeFactor
      : entryContained
        ? RARITY.completeFactor + (1 - RARITY.completeFactor) * Math.min(1, RARITY.extraInformationWeight * unmatchedInformation / (unmatchedInformation + matchedInformation))
        : 1;
    const amount = RARITY.commonPartsCost * (RARITY.enoughInformation - matchedInformation) * factor;
    score -= amount;
    if (explain) deductions.push({ reason: `the corresponding parts are common in the list (information ${matchedInformation.toFixed(2)} of ${RARITY.enoughInformation})`, amount: round(amount) });
  }
  let inversions = false;
  for (let i = 0; i < chosen.length && !inversions; i++) {
    for (let j = i + 1; j < chosen.length; j++) {
      const x = chosen[i] as Candidate;
      const y = chosen[j] as Candidate;
      if (((x.a[0] ?? 0) - (y.a[0] ?? 0)) * ((x.b[0] ?? 0) - (y.b[0] ?? 0)) < 0) {
        inversions = true;
        break;
      }
    }
  }
  if (inversions) {
    score -= SCORING.reorderCost;
    if (explain) deductions.push({ reason: 'parts in a different order', amount: SCORING.reorderCost });
  }
  const swapped = chosen.some((candidate) => {
    const x = query.tokens[candidate.a[0] ?? -1];
    const y = entry.tokens[candidate.b[0] ?? -1];
    return candidate.a.length === 1 && candidate.b.length === 1 && x?.role && y?.role && x.role !== y.role;
  });
  if (swapped) {
    score -= SCORING.patronymSwapCost;
    if (explain) deductions.push({ reason: "a given name on one side is the father's name (after bin/ibn) on the other", amount: SCORING.patronymSwapCost });
  }
  if (!explain) return round(Math.max(0, Math.min(1, score)));
  return {
    score: round(Math.max(0, Math.min(1, score))),
    queryName: query.raw,
    entryName: entry.raw,
    parts: parts.sort((x, y) => x.position - y.position).map(({ part }) => part),
    unmatchedQuery: unmatchedQueryTokens.map((token) => token.text),
    unmatchedEntry: unmatchedEntryTokens.map((token) => token.text),
    deductions,
  };
}

/**
 * Compares two names as written.
 * @example compareNames('Mohammed al-Hassan', 'محمد الحسن').score // ≈ 0.9
 */
export function compareNames(query: string, entry: string): NameComparison {
  return comparePreparedNames(prepareName(query), prepareName(entry));
}

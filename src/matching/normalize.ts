/**
 * Normalisation of names before matching: Unicode folding, script detection, Arabic letter-variant unification,
 * transliteration to Latin, spelling folds and consonant skeletons.
 *
 * Libraries: `any-ascii` transliterates every script we have no rules for (Greek, Armenian, Georgian, Hebrew, CJK,
 * Indic, ...) and strips Latin diacritics including the letters NFD cannot decompose (ø, ł, ß, æ). We write our own
 * rules only where a per-character table cannot be right:
 * - Cyrillic: the romanisation depends on the language (Ukrainian г = h, и = y; Russian г = g, и = i) and on the
 *   position (initial е = ye); lists mix the Russian (BGN/PCGN) and Ukrainian (2010 national) systems, so we give
 *   both readings when the text does not tell which language it is.
 * - Arabic and Persian: the script writes no short vowels, so no romanisation can be "the" Latin spelling of a name.
 *   We compare such names by consonant skeleton (see `arabicSkeleton`), with the letter classes that Latin
 *   transliterations of Arabic actually confuse (ق = q/k/g, ث = th/s/t, ذ = dh/z/d, ...).
 */
import anyAscii from 'any-ascii';

export type Script = 'latin' | 'arabic' | 'cyrillic' | 'greek' | 'hebrew' | 'han' | 'hangul' | 'kana' | 'other';

/**
 * Scripts that write no (or not all) vowels, or whose romanisation loses them: compare by consonant skeleton.
 * Brahmic scripts (Devanagari, Thai, Khmer, ...) fall in 'other' and are treated the same way: their inherent
 * vowels disappear in any-ascii's output ("नरेन्द्र" → "nrendr").
 */
export const ABJAD_SCRIPTS: ReadonlySet<Script> = new Set(['arabic', 'hebrew', 'other']);

/** Scripts whose characters are syllables: one different character is a different name part (习近平 ≠ 习近朋). */
export const SYLLABIC_SCRIPTS: ReadonlySet<Script> = new Set(['han', 'hangul', 'kana']);

const SCRIPT_PATTERNS: ReadonlyArray<readonly [Script, RegExp]> = [
  ['latin', /\p{Script=Latin}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['han', /\p{Script=Han}/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
];

/**
 * The dominant script of a text: the one most of its letters belong to. Digits and punctuation do not count;
 * a text without letters is 'latin'.
 * @example detectScript('محمد الحسن') // 'arabic'
 */
export function detectScript(text: string): Script {
  // nearly all names in lists are plain ASCII: no need to look at each letter
  if (/^[\x20-\x7e]*$/.test(text)) return 'latin';
  const counts = new Map<Script, number>();
  for (const char of text) {
    const script = scriptOf(char);
    if (script) counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  let best: Script = 'latin';
  let bestCount = 0;
  for (const [script, count] of counts) {
    if (count > bestCount) {
      best = script;
      bestCount = count;
    }
  }
  return best;
}

/** The script of one character, undefined for what is not a letter. */
function scriptOf(char: string): Script | undefined {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x80) return /[A-Za-z]/.test(char) ? 'latin' : undefined;
  if (code >= 0x0600 && code <= 0x06ff) return /\p{L}/u.test(char) ? 'arabic' : undefined;
  if (code >= 0x0400 && code <= 0x04ff) return 'cyrillic';
  if (!/\p{L}/u.test(char)) return undefined;
  for (const [name, pattern] of SCRIPT_PATTERNS) if (pattern.test(char)) return name;
  return 'other';
}

/**
 * Unicode folding that every name goes through first: NFKC (Arabic presentation forms, full-width letters and
 * ligatures become plain letters), invisible characters removed (zero-width (non-)joiners, bidi marks, soft
 * hyphen, BOM), every apostrophe-like sign (’ ‘ ʿ ʾ ` ´) becomes ', every dash becomes -, whitespace collapses.
 */
export function foldUnicode(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u00AD\uFEFF]/g, '')
    .replace(/[\u2018\u2019\u201B\u2032\u02BB\u02BC\u02BE\u02BF\u0060\u00B4\u02B9\u02C8]/g, "'")
    .replace(/[\u201C\u201D\u201E\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212\u30FB\u00B7\u2027]/g, (char) => (char === '\u30FB' || char === '\u00B7' || char === '\u2027' ? ' ' : '-'))
    .replace(/\s+/g, ' ')
    .trim();
}

// --- Arabic and Persian ---------------------------------------------------------------------------------------

const ARABIC_LETTER_VARIANTS: Readonly<Record<string, string>> = {
  // alef with hamza above/below, madda, wasla → bare alef
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا',
  // Persian yeh, alef maksura, Urdu yeh barree, yeh with hamza → yeh
  'ی': 'ي', 'ى': 'ي', 'ې': 'ي', 'ۍ': 'ي', 'ے': 'ي', 'ئ': 'ي',
  // Persian keheh, swash kaf → kaf
  'ک': 'ك', 'ڪ': 'ك',
  // teh marbuta, heh goal, heh doachashmee, heh with yeh → heh
  'ة': 'ه', 'ۃ': 'ه', 'ہ': 'ه', 'ھ': 'ه', 'ۀ': 'ه',
  // waw with hamza → waw
  'ؤ': 'و',
};

/**
 * Unifies the Arabic-script letters that are written differently for the same name (ي/ی/ى, ك/ک, أ/إ/آ → ا,
 * ة → ه, ؤ → و) and removes harakat (short-vowel marks, shadda, sukun, tanwin), Quranic marks and tatweel.
 * Arabic-Indic and Persian digits become ASCII digits.
 * @example unifyArabic('مُحَمَّـد') // 'محمد'
 */
export function unifyArabic(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if ((code >= 0x064b && code <= 0x065f) || code === 0x0670 || (code >= 0x06d6 && code <= 0x06ed) || code === 0x0640) continue;
    if (code >= 0x0660 && code <= 0x0669) out += String(code - 0x0660);
    else if (code >= 0x06f0 && code <= 0x06f9) out += String(code - 0x06f0);
    else out += ARABIC_LETTER_VARIANTS[char] ?? char;
  }
  return out;
}

/** Readable romanisation of unified Arabic letters, for explanations and for the distance to Latin spellings. */
const ARABIC_TO_LATIN: Readonly<Record<string, string>> = {
  'ا': 'a', 'ب': 'b', 'پ': 'p', 'ت': 't', 'ث': 'th', 'ج': 'j', 'چ': 'ch', 'ح': 'h', 'خ': 'kh', 'د': 'd', 'ذ': 'dh',
  'ر': 'r', 'ز': 'z', 'ژ': 'zh', 'س': 's', 'ش': 'sh', 'ص': 's', 'ض': 'd', 'ط': 't', 'ظ': 'z', 'ع': '', 'غ': 'gh',
  'ف': 'f', 'ڤ': 'v', 'ق': 'q', 'ك': 'k', 'گ': 'g', 'ل': 'l', 'م': 'm', 'ن': 'n', 'ه': 'h', 'و': 'u', 'ي': 'i', 'ء': '',
};

/**
 * Romanises one unified Arabic-script word the way most Latin lists would start: consonants as in the usual
 * English transliteration, long vowels from their letters (ا = a, و = u/w, ي = i/y); short vowels are unknown.
 * @example romanizeArabic('محمد') // 'mhmd'
 */
export function romanizeArabic(word: string): string {
  const letters = [...word];
  let out = '';
  letters.forEach((letter, index) => {
    const next = letters[index + 1];
    if ((letter === 'و' || letter === 'ي') && (index === 0 || next === 'ا')) out += letter === 'و' ? 'w' : 'y';
    else if (letter === 'ه' && index === letters.length - 1 && index > 0 && letters[index - 1] !== 'ا') out += 'a';
    else out += ARABIC_TO_LATIN[letter] ?? anyAscii(letter).toLowerCase();
  });
  return out.replace(/[^a-z0-9]/g, '');
}

/**
 * Consonant classes shared by Arabic letters and their Latin spellings. One symbol per class:
 * G = ج/غ/گ/ژ and Latin j, g, gh, dj, zh (Egyptian "Gamal" = "Jamal"); X = خ and Latin kh; S = ش/چ and Latin
 * sh, ch, sch; k = ق/ك and Latin k, q, c; t = ت/ط/ث and Latin t, th; d = د/ض/ذ and Latin d, dh; s = س/ص;
 * z = ز/ظ; h = ح/ه/ة. Semivowels و/ي stay as w/y: they are long vowels as often as consonants, and the
 * distance makes them cheap to drop. Alef, hamza and ʿayn have no consonant value in Latin spellings.
 */
const ARABIC_SKELETON: Readonly<Record<string, string>> = {
  'ب': 'b', 'پ': 'p', 'ت': 't', 'ث': 't', 'ج': 'G', 'چ': 'S', 'ح': 'h', 'خ': 'X', 'د': 'd', 'ذ': 'd', 'ر': 'r',
  'ز': 'z', 'ژ': 'G', 'س': 's', 'ش': 'S', 'ص': 's', 'ض': 'd', 'ط': 't', 'ظ': 'z', 'غ': 'G', 'ف': 'f', 'ڤ': 'v',
  'ق': 'k', 'ك': 'k', 'گ': 'G', 'ل': 'l', 'م': 'm', 'ن': 'n', 'ه': 'h', 'و': 'w', 'ي': 'y',
  'ا': '', 'ء': '', 'ع': '',
};

/** Consonant skeleton of a unified Arabic-script word (see ARABIC_SKELETON). */
export function arabicSkeleton(word: string): string {
  let out = '';
  for (const letter of word) out += ARABIC_SKELETON[letter] ?? '';
  return finishSkeleton(out);
}

/** Persian and Urdu read ذ ض ظ as z, ث as s, و as v: the skeleton of that reading, when it differs. */
const PERSIAN_READING: Readonly<Record<string, string>> = { 'ذ': 'z', 'ض': 'z', 'ظ': 'z', 'ث': 's', 'و': 'v' };

/** The skeletons of an Arabic-script word: the Arabic reading, and the Persian one when it differs. */
export function arabicSkeletons(word: string): string[] {
  const arabic = arabicSkeleton(word);
  let persian = '';
  for (const letter of word) persian += PERSIAN_READING[letter] ?? ARABIC_SKELETON[letter] ?? '';
  persian = finishSkeleton(persian);
  // two letters that Latin spellings write as one digraph: س+ح in "Ishaq" (sh), ك+ح in "Lakhal" (kh)
  const digraphs = arabic.replace(/sh/g, 'S').replace(/kh/g, 'X').replace(/th/g, 't').replace(/dh/g, 'd');
  return [...new Set([arabic, persian, digraphs])];
}

/**
 * Consonant skeleton of an ASCII Latin spelling, in the same classes as `arabicSkeleton`, so that
 * "Mohammed", "Muhammad" and "محمد" all give "mhmd", and "al-Hassan", "Hasan" and "الحسن" give "hsn".
 * @example latinSkeleton('husayn') // 'hsyn'
 */
export function latinSkeleton(ascii: string): string {
  const s = ascii
    .replace(/[^a-z]/g, '')
    .replace(/t?sch|tch|sh|ch|cz|sz/g, 'S')
    .replace(/kh/g, 'X')
    .replace(/gh|dj|zh|j|g/g, 'G')
    .replace(/th/g, 't')
    .replace(/dh/g, 'd')
    .replace(/ph/g, 'f')
    .replace(/ck|q/g, 'k')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c/g, 'k')
    .replace(/^x/, 's')
    .replace(/x/g, 'ks')
    .replace(/ts|tz/g, 'z')
    .replace(/^y(?=[aeiou])/, 'Y')
    .replace(/^w/, 'W')
    .replace(/[aeiou]/g, '')
    .replace(/Y/g, 'y')
    .replace(/W/g, 'w');
  return finishSkeleton(s);
}

/** Collapses doubled consonants and drops a final h (Arabic ة and Latin -ah are written or not at will). */
function finishSkeleton(skeleton: string): string {
  let out = '';
  for (const char of skeleton) if (out[out.length - 1] !== char) out += char;
  if (out.length > 1 && out.endsWith('h')) out = out.slice(0, -1);
  return out;
}

/**
 * The skeleton used as an index key: without the semivowels w and y after the first letter, since one spelling
 * writes them ("Yusuf" → ysf, "يوسف" → ywsf) and another does not.
 */
export function keySkeleton(skeleton: string): string {
  return skeleton.length <= 1 ? skeleton : skeleton[0] + skeleton.slice(1).replace(/[wy]/g, '');
}

/**
 * A coarse sound key of a Latin reading, for finding candidates only (keys.ts): the consonant classes that
 * romanisations of one name swap are one letter — sibilants and affricates (s, sh, ch, j, zh, z, ts, x: Soleh /
 * Sholeh, Jo / Cho, Xu / Hsu / Zhou), velars (k, g, q, gh, kh: Baqeri / Bagheri, Gyu / Kyu), t/d, p/b, f/v/w —, an h
 * after a consonant or at the end is dropped, and vowels and semivowels are left out. A name of one consonant
 * keeps its vowels, folded to a, i (e, i, y) and u (o, u), so that Korean and Chinese syllables get a key ("Jo" and
 * "Cho": su). Never compared for a score: scoring names the rule of each correspondence.
 * @example coarseSoundKey('bagheri') // 'bkr'; coarseSoundKey('baqeri') // 'bkr'
 */
export function coarseSoundKey(ascii: string): string {
  const s = ascii
    .replace(/[^a-z]/g, '')
    .replace(/^hs/, 's')
    .replace(/t?sch|tch|sh|ch|cz|sz|zh|dzh|dj|dz|j|ts|tz|z|x|c(?=[eiy])/g, 's')
    .replace(/kh|gh|ck|q|c|g/g, 'k')
    .replace(/th|dh|d/g, 't')
    .replace(/ph|bh|p/g, 'b')
    .replace(/^w/, 'v')
    .replace(/[vf]/g, 'f')
    .replace(/(?<=[^aeiouy])h|h$/g, '');
  let consonants = '';
  for (const char of s) {
    if ('aeiouyw'.includes(char)) continue;
    if (consonants[consonants.length - 1] !== char) consonants += char;
  }
  if (consonants.length >= 2) return consonants;
  let syllable = '';
  for (const char of s.replace(/[eiy]/g, 'i').replace(/[ou]/g, 'u').replace(/w/g, '')) if (syllable[syllable.length - 1] !== char) syllable += char;
  return syllable;
}

/**
 * Splits off the Arabic article ال from a unified Arabic-script word ("الحسن" → "حسن"), keeping words where the
 * rest would be too short to be a name part. Returns undefined when the word has no article.
 */
export function stripArabicArticle(word: string): string | undefined {
  if (word.startsWith('ال') && [...word].length >= 4) return word.slice(2);
  return undefined;
}

// --- Cyrillic ----------------------------------------------------------------------------------------------------

export type CyrillicLanguage = 'ru' | 'uk' | 'sr' | 'unknown';

/**
 * Which language a Cyrillic text is in, from the letters only one of them uses. 'unknown' when nothing tells
 * (many Ukrainian names have no і, ї, є or ґ): then both readings are given.
 */
export function cyrillicLanguage(text: string): CyrillicLanguage {
  const lower = text.toLowerCase();
  if (/[ієїґ]/.test(lower)) return 'uk';
  if (/[ђјљњћџ]/.test(lower)) return 'sr';
  if (/[ыэъё]/.test(lower)) return 'ru';
  return 'unknown';
}

/** Russian: BGN/PCGN as used by most sanctions lists (е, ё initially and after vowels = ye/yo). */
const RUSSIAN: Readonly<Record<string, string>> = {
  'а': 'a', 'б': 'b', 'в': 'v', 'г': 'g', 'д': 'd', 'е': 'e', 'ё': 'e', 'ж': 'zh', 'з': 'z', 'и': 'i', 'й': 'y',
  'к': 'k', 'л': 'l', 'м': 'm', 'н': 'n', 'о': 'o', 'п': 'p', 'р': 'r', 'с': 's', 'т': 't', 'у': 'u', 'ф': 'f',
  'х': 'kh', 'ц': 'ts', 'ч': 'ch', 'ш': 'sh', 'щ': 'shch', 'ъ': '', 'ы': 'y', 'ь': '', 'э': 'e', 'ю': 'yu', 'я': 'ya',
  // letters of other Cyrillic alphabets, read as their usual Latin spelling
  'і': 'i', 'ї': 'yi', 'є': 'ye', 'ґ': 'g', 'ў': 'u', 'ғ': 'g', 'қ': 'k', 'ң': 'ng', 'ө': 'o', 'ұ': 'u', 'ү': 'u',
  'һ': 'h', 'ә': 'a', 'ђ': 'dj', 'ј': 'j', 'љ': 'lj', 'њ': 'nj', 'ћ': 'c', 'џ': 'dz',
};

/** Ukrainian: the 2010 national system (Cabinet resolution 55): г = h, и = y, і = i, є/ї/ю/я = ie/i/iu/ia inside words. */
const UKRAINIAN: Readonly<Record<string, string>> = {
  ...RUSSIAN, 'г': 'h', 'ґ': 'g', 'и': 'y', 'і': 'i', 'ї': 'i', 'є': 'ie', 'й': 'i', 'ю': 'iu', 'я': 'ia', 'щ': 'shch',
};

/** Serbian Cyrillic: the official Latin alphabet (Gaj), diacritics dropped as in most lists (č, ć = c; š = s; ž = z). */
const SERBIAN: Readonly<Record<string, string>> = {
  ...RUSSIAN, 'ж': 'z', 'х': 'h', 'ц': 'c', 'ч': 'c', 'ш': 's', 'ђ': 'dj', 'ј': 'j', 'љ': 'lj', 'њ': 'nj', 'ћ': 'c', 'џ': 'dz',
};

const CYRILLIC_VOWELS = new Set([...'аеёиоуыэюяіїєәөұү']);

/**
 * Transliterates Cyrillic text to lower-case ASCII in the given language's system; letters that are not
 * Cyrillic pass through any-ascii.
 * @example transliterateCyrillic('Владимир Путин', 'ru') // 'vladimir putin'
 */
export function transliterateCyrillic(text: string, language: Exclude<CyrillicLanguage, 'unknown'>): string {
  const table = language === 'uk' ? UKRAINIAN : language === 'sr' ? SERBIAN : RUSSIAN;
  const chars = [...text.toLowerCase()];
  let out = '';
  chars.forEach((char, index) => {
    const previous = index === 0 ? undefined : chars[index - 1];
    const atWordStart = previous === undefined || !/\p{L}/u.test(previous);
    const afterVowelOrSign = previous !== undefined && (CYRILLIC_VOWELS.has(previous) || previous === 'ь' || previous === 'ъ' || previous === "'");
    if (language === 'uk' && atWordStart && 'єїйюя'.includes(char)) {
      out += { 'є': 'ye', 'ї': 'yi', 'й': 'y', 'ю': 'yu', 'я': 'ya' }[char] ?? '';
    } else if (language === 'ru' && (char === 'е' || char === 'ё') && (atWordStart || afterVowelOrSign)) {
      out += char === 'е' ? 'ye' : 'yo';
    } else if (language === 'uk' && char === 'г' && previous === 'з') {
      out += 'gh';
    } else if (char in table) {
      out += table[char];
    } else if (char === "'") {
      // the Ukrainian apostrophe separates sounds; it is not written in Latin
    } else {
      out += anyAscii(char).toLowerCase();
    }
  });
  return out;
}

// --- Latin -------------------------------------------------------------------------------------------------------

/**
 * Lower-case ASCII of any text: Latin diacritics stripped, other scripts transliterated by any-ascii.
 * @example toAscii('Erdoğan') // 'erdogan'
 */
export function toAscii(text: string): string {
  return anyAscii(text).toLowerCase();
}

/**
 * Folds the spelling variation that romanisation systems produce for the same sound, so that these compare as
 * equal: ph/f, kh/h, w/v, y/i (Zelenskyy/Zelensky/Zelenskiy), ou/oo/u (Mahmoud/Mahmood/Mahmud), ee/i
 * (Saeed/Said), dj/j, tch/ch, sch/sh, cz/ch, q/k, c/k but before e, i, y, doubled letters, initial ye/e
 * (Yevgeny/Evgeny), final -h after a vowel (Abdullah/Abdulla).
 * @example foldSpelling('mahmood') === foldSpelling('mahmud') // true
 */
export function foldSpelling(ascii: string): string {
  let s = ascii.replace(/[^a-z0-9]/g, '');
  if (/^[0-9]+$/.test(s)) return s;
  s = s
    .replace(/ph/g, 'f')
    .replace(/kh/g, 'h')
    .replace(/tch/g, 'ch')
    .replace(/t?sch/g, 'sh')
    .replace(/cz/g, 'ch')
    .replace(/dj/g, 'j')
    .replace(/ck/g, 'k')
    .replace(/q/g, 'k')
    .replace(/c(?![eiyh])/g, 'k')
    .replace(/w/g, 'v')
    .replace(/ou|oo/g, 'u')
    .replace(/ee/g, 'i')
    .replace(/(?<=[a-z])[iy]j$/, 'i')
    .replace(/^ye/, 'e')
    .replace(/y/g, 'i');
  let out = '';
  for (const char of s) if (out[out.length - 1] !== char) out += char;
  if (out.length > 3 && /[aeiou]h$/.test(out)) out = out.slice(0, -1);
  return out;
}

/**
 * Splits off a Latin-script article written as one word with its name ("Alhassan", "Elhassan", "Alrawi"):
 * only when a consonant follows, so that Ali, Alisher and Elena keep their letters. The result is an
 * alternative reading, never a replacement: "Albert" gives "bert" too, which matches nothing it should not.
 */
export function stripLatinArticle(ascii: string): string | undefined {
  const match = /^(?:al|el|ul)([b-df-hj-np-tv-z][a-z]{2,})$/.exec(ascii);
  if (!match?.[1]) return undefined;
  const rest = match[1];
  // "all-ah" (Allah), "ell-..." keep their doubled l: a doubled l after al is the article plus l-initial name
  return rest;
}

/**
 * Renderings: the ordinary ways one name is written in Latin letters by different romanisation systems and
 * habits, which are variation and not error. "Eyad" and "Iyad", "Saleh" and "Salih" (Arabic short vowels),
 * "Gyu" and "Kyu", "Chae" and "Jae" (Korean McCune–Reischauer and Revised Romanisation), "Hsu" and "Xu" (Wade–Giles
 * and pinyin), "Yuriy" and "Iurii" (Russian BGN and passport systems), "Cortez" and "Cortes" (Spanish).
 *
 * `renderingDistance` is an edit distance in which a rendering rule costs a fraction of an edit and anything else
 * (a real typo) a whole one; it says which rules it used, so that an explanation can name them. Matching policy:
 * every rule and its cost is here, in one table.
 */

/** A rendering rule: two spellings of one sound, what it costs (an edit is 1), and its name in explanations. */
interface Rule {
  readonly a: string;
  readonly b: string;
  readonly cost: number;
  readonly name: string;
}

const ARABIC = 'Arabic transliteration';
const VOWELS = 'vowel rendering';
const KOREAN = 'Korean romanisation';
const CHINESE = 'Chinese romanisation (Wade–Giles / pinyin)';
const EAST_ASIAN = 'Korean/Chinese romanisation';
const RUSSIAN = 'Russian transliteration (BGN / GOST / passport)';
const SPANISH = 'Spanish/Portuguese spelling';

const RULES: readonly Rule[] = [
  // short vowels that Arabic does not write, and vowel digraphs of one sound
  { a: 'a', b: 'e', cost: 0.15, name: VOWELS }, { a: 'e', b: 'i', cost: 0.15, name: VOWELS }, { a: 'o', b: 'u', cost: 0.15, name: VOWELS },
  { a: 'i', b: 'y', cost: 0.1, name: VOWELS }, { a: 'e', b: 'y', cost: 0.2, name: VOWELS }, { a: 'u', b: 'w', cost: 0.2, name: VOWELS },
  { a: 'ou', b: 'u', cost: 0.1, name: VOWELS }, { a: 'ou', b: 'o', cost: 0.15, name: VOWELS }, { a: 'ee', b: 'i', cost: 0.1, name: VOWELS },
  { a: 'ie', b: 'i', cost: 0.15, name: VOWELS }, { a: 'ei', b: 'ay', cost: 0.1, name: VOWELS }, { a: 'ai', b: 'ay', cost: 0.05, name: VOWELS },
  { a: 'ei', b: 'ey', cost: 0.05, name: VOWELS }, { a: 'ai', b: 'ei', cost: 0.1, name: VOWELS }, { a: 'ay', b: 'ey', cost: 0.1, name: VOWELS },
  { a: 'ai', b: 'e', cost: 0.2, name: VOWELS }, { a: 'ae', b: 'a', cost: 0.2, name: VOWELS }, { a: 'ue', b: 'u', cost: 0.15, name: VOWELS },
  { a: 'oe', b: 'o', cost: 0.15, name: VOWELS },
  // Arabic consonants Latin spellings write in several ways
  { a: 'q', b: 'k', cost: 0.1, name: ARABIC }, { a: 'q', b: 'g', cost: 0.2, name: ARABIC }, { a: 'k', b: 'c', cost: 0.1, name: ARABIC },
  { a: 'dh', b: 'z', cost: 0.15, name: ARABIC }, { a: 'dh', b: 'd', cost: 0.15, name: ARABIC }, { a: 'th', b: 's', cost: 0.2, name: ARABIC },
  { a: 'th', b: 't', cost: 0.15, name: ARABIC }, { a: 'gh', b: 'g', cost: 0.15, name: ARABIC }, { a: 'gh', b: 'q', cost: 0.25, name: ARABIC },
  { a: 'kh', b: 'h', cost: 0.15, name: ARABIC }, { a: 'kh', b: 'k', cost: 0.3, name: ARABIC }, { a: 'j', b: 'g', cost: 0.3, name: ARABIC },
  { a: 'j', b: 'dj', cost: 0.1, name: ARABIC }, { a: 'sh', b: 'ch', cost: 0.2, name: ARABIC }, { a: 'w', b: 'v', cost: 0.15, name: ARABIC },
  { a: 'ph', b: 'f', cost: 0.1, name: ARABIC }, { a: 'z', b: 'd', cost: 0.3, name: ARABIC }, { a: 'x', b: 'kh', cost: 0.2, name: ARABIC },
  { a: 'x', b: 'h', cost: 0.3, name: ARABIC },
  // the article assimilated inside a compound written as one word: Jamal al-Din / Jamaleddine / Jamaluddin
  ...['d', 'r', 's', 't', 'z', 'n'].flatMap((sun) => ['a', 'e', 'u'].map((vowel) => ({ a: `al${sun}`, b: `${vowel}${sun}`, cost: 0.1, name: 'Arabic article assimilation' }))),
  // Korean: McCune–Reischauer against Revised Romanisation (aspiration marks are dropped before comparing)
  { a: 'ch', b: 'j', cost: 0.2, name: EAST_ASIAN }, { a: 'k', b: 'g', cost: 0.2, name: EAST_ASIAN }, { a: 't', b: 'd', cost: 0.25, name: EAST_ASIAN },
  { a: 'p', b: 'b', cost: 0.25, name: EAST_ASIAN }, { a: 'eo', b: 'o', cost: 0.15, name: KOREAN }, { a: 'eo', b: 'u', cost: 0.2, name: KOREAN },
  { a: 'eu', b: 'u', cost: 0.15, name: KOREAN }, { a: 'ae', b: 'e', cost: 0.15, name: KOREAN }, { a: 'ri', b: 'li', cost: 0.2, name: KOREAN }, { a: 'ry', b: 'y', cost: 0.2, name: KOREAN },
  { a: 's', b: 'sh', cost: 0.2, name: KOREAN }, { a: 'ri', b: 'yi', cost: 0.2, name: KOREAN },
  { a: 'wo', b: 'o', cost: 0.2, name: KOREAN },
  // Chinese: Wade–Giles against pinyin
  { a: 'hs', b: 'x', cost: 0.1, name: CHINESE }, { a: 'ch', b: 'zh', cost: 0.1, name: CHINESE }, { a: 'ch', b: 'q', cost: 0.1, name: CHINESE },
  { a: 'ts', b: 'z', cost: 0.1, name: CHINESE }, { a: 'ts', b: 'c', cost: 0.1, name: CHINESE }, { a: 'tz', b: 'z', cost: 0.1, name: CHINESE },
  { a: 'j', b: 'r', cost: 0.3, name: CHINESE }, { a: 'ih', b: 'i', cost: 0.1, name: CHINESE }, { a: 'ung', b: 'ong', cost: 0.15, name: CHINESE },
  // Russian: BGN/PCGN, GOST, passport (ICAO) and German/French habits
  { a: 'zh', b: 'j', cost: 0.2, name: RUSSIAN }, { a: 'kh', b: 'x', cost: 0.2, name: RUSSIAN }, { a: 'ts', b: 'tz', cost: 0.1, name: RUSSIAN },
  { a: 'shch', b: 'sch', cost: 0.1, name: RUSSIAN }, { a: 'shch', b: 'shh', cost: 0.1, name: RUSSIAN }, { a: 'sch', b: 'sh', cost: 0.15, name: RUSSIAN },
  { a: 'ye', b: 'e', cost: 0.1, name: RUSSIAN }, { a: 'ye', b: 'je', cost: 0.1, name: RUSSIAN }, { a: 'yu', b: 'iu', cost: 0.1, name: RUSSIAN },
  { a: 'yu', b: 'ju', cost: 0.1, name: RUSSIAN }, { a: 'ya', b: 'ia', cost: 0.1, name: RUSSIAN }, { a: 'ya', b: 'ja', cost: 0.1, name: RUSSIAN },
  { a: 'yo', b: 'e', cost: 0.2, name: RUSSIAN }, { a: 'y', b: 'j', cost: 0.15, name: RUSSIAN }, { a: 'iy', b: 'y', cost: 0.1, name: RUSSIAN },
  { a: 'iy', b: 'i', cost: 0.1, name: RUSSIAN }, { a: 'ij', b: 'y', cost: 0.1, name: RUSSIAN }, { a: 'iy', b: 'ij', cost: 0.1, name: RUSSIAN },
  { a: 'ks', b: 'x', cost: 0.1, name: RUSSIAN }, { a: 'f', b: 'v', cost: 0.3, name: RUSSIAN }, { a: 'tsch', b: 'ch', cost: 0.15, name: RUSSIAN },
  { a: 'tch', b: 'ch', cost: 0.15, name: RUSSIAN }, { a: 'ova', b: 'ov', cost: 0.2, name: 'Russian surname: -ov ↔ -ova' },
  { a: 'eva', b: 'ev', cost: 0.2, name: 'Russian surname: -ev ↔ -eva' }, { a: 'ina', b: 'in', cost: 0.25, name: 'Russian surname: -in ↔ -ina' },
  { a: 'skaya', b: 'sky', cost: 0.2, name: 'Russian surname: -sky ↔ -skaya' }, { a: 'g', b: 'h', cost: 0.3, name: 'Ukrainian/Belarusian transliteration' },
  // Spanish and Portuguese
  { a: 'z', b: 's', cost: 0.25, name: SPANISH }, { a: 'b', b: 'v', cost: 0.25, name: SPANISH }, { a: 'c', b: 's', cost: 0.3, name: SPANISH },
  { a: 'll', b: 'y', cost: 0.25, name: SPANISH }, { a: 'nh', b: 'n', cost: 0.2, name: SPANISH }, { a: 'ny', b: 'n', cost: 0.2, name: SPANISH },
];

/** Pairs of first letters that a rule relates ("cz" for ch/zh, "hx" for hs/x): to skip the rest cheaply. */
export const RELATED_FIRST_LETTERS: ReadonlySet<string> = new Set(RULES.flatMap((rule) => [`${rule.a.charAt(0)}${rule.b.charAt(0)}`, `${rule.b.charAt(0)}${rule.a.charAt(0)}`]));

/** RELATED_FIRST_LETTERS as a table by character codes: checked for every pair of parts compared, without building a string. */
const RELATED_TABLE = new Uint8Array(128 * 128);
for (const pair of RELATED_FIRST_LETTERS) RELATED_TABLE[pair.charCodeAt(0) * 128 + pair.charCodeAt(1)] = 1;

/** Whether two words begin with the same letter or with letters a rule relates. */
export function firstLettersRelated(a: string, b: string): boolean {
  const x = a.charCodeAt(0);
  const y = b.charCodeAt(0);
  if (x === y) return true;
  return x < 128 && y < 128 && RELATED_TABLE[x * 128 + y] === 1;
}

/** Letters whose writing or omission is a rendering: short vowels, semivowels, h. */
const INDEL: Readonly<Record<string, Rule>> = {
  a: { a: 'a', b: '', cost: 0.35, name: 'short vowel written or not' },
  e: { a: 'e', b: '', cost: 0.35, name: 'short vowel written or not' },
  i: { a: 'i', b: '', cost: 0.35, name: 'short vowel written or not' },
  o: { a: 'o', b: '', cost: 0.35, name: 'short vowel written or not' },
  u: { a: 'u', b: '', cost: 0.35, name: 'short vowel written or not' },
  y: { a: 'y', b: '', cost: 0.25, name: 'semivowel written or not' },
  w: { a: 'w', b: '', cost: 0.25, name: 'semivowel written or not' },
  h: { a: 'h', b: '', cost: 0.3, name: 'h written or not' },
};

/** Rules by the last letter of their longer side, both directions, for the dynamic programme. */
const RULES_BY_END = new Map<string, Array<{ x: string; y: string; rule: Rule }>>();
for (const rule of RULES) {
  for (const [x, y] of [[rule.a, rule.b], [rule.b, rule.a]] as const) {
    const key = `${x.slice(-1)}${y.slice(-1)}`;
    RULES_BY_END.set(key, [...(RULES_BY_END.get(key) ?? []), { x, y, rule }]);
  }
}
/** RULES_BY_END by the character codes of the two last letters (the programme looks it up for every cell). */
const RULES_BY_END_CODES: Array<Array<{ x: string; y: string; rule: Rule }> | undefined> = new Array(128 * 128);
for (const [key, rules] of RULES_BY_END) {
  if (key.charCodeAt(0) < 128 && key.charCodeAt(1) < 128) RULES_BY_END_CODES[key.charCodeAt(0) * 128 + key.charCodeAt(1)] = rules;
}

export interface Rendering {
  /** Whole edits that no rule explains (typos). */
  readonly typos: number;
  /** The summed cost of the rendering rules used. */
  readonly cost: number;
  /** The rules used, as "name: x ↔ y", in order of the word. */
  readonly rules: readonly string[];
  /** A doubled letter was written once on one side. */
  readonly doubled: boolean;
}

const FINAL_E = /([b-df-hj-np-tv-z])e$/;

function collapseDoubles(word: string): string {
  let out = '';
  for (const char of word) if (out[out.length - 1] !== char) out += char;
  return out;
}

/** Steps of the programme: 0 match, 1 rule, 2 typo substitution, 3 delete from a, 4 insert from b. */
let costs = new Float64Array(0);
let typos = new Int32Array(0);
let steps = new Int32Array(0);
let ruleAt: Array<{ rule: Rule; x: string; y: string } | undefined> = [];

const RULE_EPSILON = 1e-9;

/**
 * The rendering distance of two lower-case ASCII spellings: the cheapest way from one to the other where the
 * rules above cost their fraction and any other edit 1 (counted as a typo).
 * @example renderingDistance('eyad', 'iyad') // { typos: 0, cost: 0.15, rules: ['vowel rendering: e ↔ i'], doubled: false }
 */
export function renderingDistance(first: string, second: string): Rendering {
  let a = collapseDoubles(first);
  let b = collapseDoubles(second);
  // a French final -e after a consonant (Eddine, Abderrahmane, Rodrigue) is not pronounced
  let finalE = false;
  if (FINAL_E.test(a) !== FINAL_E.test(b)) {
    finalE = true;
    a = a.replace(FINAL_E, '$1');
    b = b.replace(FINAL_E, '$1');
  }
  // "Muhammad" / "Mohamed": a letter doubled on one side only
  const doubled = first.length - a.length !== second.length - b.length;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const size = rows * cols;
  if (costs.length < size) {
    costs = new Float64Array(size * 2);
    typos = new Int32Array(size * 2);
    steps = new Int32Array(size * 2);
    ruleAt = new Array<{ rule: Rule; x: string; y: string } | undefined>(size * 2);
  }
  costs[0] = 0;
  typos[0] = 0;
  for (let i = 1; i < rows; i++) setIndel(i * cols, (i - 1) * cols, a[i - 1] ?? '', 3);
  for (let j = 1; j < cols; j++) setIndel(j, j - 1, b[j - 1] ?? '', 4);
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cell = i * cols + j;
      const ai = a[i - 1] ?? '';
      const bj = b[j - 1] ?? '';
      const diagonal = (i - 1) * cols + j - 1;
      let bestCost = costs[diagonal]!;
      let bestTypos = typos[diagonal]! + (ai === bj ? 0 : 1);
      let step = ai === bj ? 0 : 2;
      let rule: { rule: Rule; x: string; y: string } | undefined;
      // a typo weighs more than every rule of a word put together, so that rules are preferred over typos
      const codeA = a.charCodeAt(i - 1);
      const codeB = b.charCodeAt(j - 1);
      const candidates = codeA < 128 && codeB < 128 ? RULES_BY_END_CODES[codeA * 128 + codeB] : RULES_BY_END.get(ai + bj);
      if (candidates) {
        for (const candidate of candidates) {
          const { x, y } = candidate;
          if (x.length > i || y.length > j || !a.startsWith(x, i - x.length) || !b.startsWith(y, j - y.length)) continue;
          const from = (i - x.length) * cols + j - y.length;
          const candidateCost = costs[from]! + candidate.rule.cost;
          const candidateTypos = typos[from]!;
          if (candidateTypos * 100 + candidateCost < bestTypos * 100 + bestCost - RULE_EPSILON) {
            bestCost = candidateCost;
            bestTypos = candidateTypos;
            step = 1;
            rule = candidate;
          }
        }
      }
      const deleteRule = INDEL[ai];
      const up = (i - 1) * cols + j;
      const upCost = costs[up]! + (deleteRule?.cost ?? 0);
      const upTypos = typos[up]! + (deleteRule ? 0 : 1);
      if (upTypos * 100 + upCost < bestTypos * 100 + bestCost - RULE_EPSILON) {
        bestCost = upCost;
        bestTypos = upTypos;
        step = 3;
        rule = undefined;
      }
      const insertRule = INDEL[bj];
      const left = i * cols + j - 1;
      const leftCost = costs[left]! + (insertRule?.cost ?? 0);
      const leftTypos = typos[left]! + (insertRule ? 0 : 1);
      if (leftTypos * 100 + leftCost < bestTypos * 100 + bestCost - RULE_EPSILON) {
        bestCost = leftCost;
        bestTypos = leftTypos;
        step = 4;
        rule = undefined;
      }
      // two letters swapped: one typo
      if (i > 1 && j > 1 && ai === b[j - 2] && a[i - 2] === bj && ai !== bj) {
        const swap = (i - 2) * cols + j - 2;
        if ((typos[swap]! + 1) * 100 + costs[swap]! < bestTypos * 100 + bestCost - RULE_EPSILON) {
          bestCost = costs[swap]!;
          bestTypos = typos[swap]! + 1;
          step = 5;
          rule = undefined;
        }
      }
      costs[cell] = bestCost;
      typos[cell] = bestTypos;
      steps[cell] = step;
      ruleAt[cell] = rule;
    }
  }
  // walk back to name the rules used; a vowel dropped next to another vowel added is one vowel for another
  // ("Jamal" / "Jamil"): not a rendering but a typo
  const used: string[] = [];
  let extraTypos = 0;
  let refund = 0;
  let previous: { kind: number; vowel: boolean } | undefined;
  let i = a.length;
  let j = b.length;
  while (i > 0 || j > 0) {
    const cell = i * cols + j;
    const step = i === 0 ? 4 : j === 0 ? 3 : steps[cell]!;
    if (step === 3 || step === 4) {
      const letter = step === 3 ? (a[i - 1] ?? '') : (b[j - 1] ?? '');
      const rule = INDEL[letter];
      const vowel = rule !== undefined && 'aeiou'.includes(letter);
      if (vowel && previous?.vowel && previous.kind !== step) {
        used.pop();
        extraTypos++;
        refund += 2 * rule.cost;
        previous = undefined;
      } else {
        if (rule) used.push(step === 3 ? `${rule.name}: ${letter} ↔ –` : `${rule.name}: – ↔ ${letter}`);
        previous = { kind: step, vowel };
      }
      if (step === 3) i--;
      else j--;
      continue;
    }
    previous = undefined;
    if (step === 0 || step === 2) {
      i--;
      j--;
    } else if (step === 1) {
      const found = ruleAt[cell] as { rule: Rule; x: string; y: string };
      used.push(`${found.rule.name}: ${found.x || '–'} ↔ ${found.y || '–'}`);
      i -= found.x.length;
      j -= found.y.length;
    } else {
      i -= 2;
      j -= 2;
    }
  }
  const end = a.length * cols + b.length;
  const rules = used.reverse();
  if (doubled) rules.push('doubled letter written once');
  if (finalE) rules.push('French final -e');
  return { typos: typos[end]! + extraTypos, cost: Math.max(0, costs[end]! - refund) + (doubled ? 0.05 : 0) + (finalE ? 0.1 : 0), rules, doubled };

  function setIndel(cell: number, from: number, letter: string, kind: number): void {
    const rule = INDEL[letter];
    costs[cell] = costs[from]! + (rule?.cost ?? 0);
    typos[cell] = typos[from]! + (rule ? 0 : 1);
    steps[cell] = kind;
    ruleAt[cell] = undefined;
  }
}

/**
 * Given names whose forms in related languages differ by more than the rules above: the Ukrainian, Russian and
 * Belarusian forms of one name (Oleksandr / Aleksandr, Mykola / Nikolai, Pavlo / Pavel), in their usual
 * romanisations, and the Malay abbreviations of Muhammad. A correspondence within a group is a rendering.
 */
const NAME_GROUPS: ReadonlyArray<{ readonly name: string; readonly forms: readonly string[] }> = [
  ...[
    ['oleksandr', 'olexandr', 'aleksandr', 'alexandr', 'alexander', 'aleksander', 'aliaksandr', 'alyaksandr'],
    ['oleksiy', 'oleksii', 'olexiy', 'olexii', 'aleksey', 'alexey', 'aleksei', 'alexei', 'aleksej', 'aliaksei'],
    ['mykola', 'mikola', 'nikolai', 'nikolay', 'nikolaj', 'mikalai'],
    ['pavlo', 'pavel', 'paval'],
    ['petro', 'pyotr', 'petr', 'piotr'],
    ['andriy', 'andrii', 'andrey', 'andrei', 'andrej', 'andrei'],
    ['dmytro', 'dmitry', 'dmitriy', 'dmitrii', 'dmitri', 'dzmitry'],
    ['serhiy', 'serhii', 'sergey', 'sergei', 'sergiy', 'sergii', 'sergej', 'siarhei'],
    ['volodymyr', 'vladimir', 'uladzimir'],
    ['yuriy', 'yurii', 'yuri', 'yury', 'iurii', 'jurij', 'yurij'],
    ['mykhailo', 'mykhaylo', 'mikhail', 'mikhailo', 'mikhael', 'mikhas'],
    ['hryhoriy', 'hryhorii', 'grigory', 'grigoriy', 'grigorii', 'grigori', 'ryhor'],
    ['yevhen', 'yevgeny', 'yevgeniy', 'evgeny', 'evgeniy', 'evgenii', 'yauhen'],
    ['vasyl', 'vasily', 'vasiliy', 'vasilii', 'vasili', 'vasil'],
    ['anatoliy', 'anatolii', 'anatoly', 'anatoli'],
    ['ihor', 'igor', 'ihar'],
    ['oleh', 'oleg', 'aleh'],
    ['olha', 'olga', 'volha'],
    ['kateryna', 'ekaterina', 'yekaterina', 'katsiaryna'],
    ['tetyana', 'tetiana', 'tatiana', 'tatyana', 'tatsiana'],
    ['hanna', 'anna', 'ganna'],
  ].map((forms) => ({ name: 'Ukrainian/Russian/Belarusian forms of one given name', forms })),
  { name: 'Malay abbreviation of Muhammad', forms: ['mohd', 'muhd', 'mohamad', 'mohammad', 'muhammad', 'mohamed', 'mohammed', 'muhammed'] },
];

const NAME_GROUP_OF = new Map<string, number>();
NAME_GROUPS.forEach((group, index) => {
  for (const form of group.forms) if (!NAME_GROUP_OF.has(form)) NAME_GROUP_OF.set(form, index);
});

/**
 * The rule by which two parts are forms of one given name in related languages, if they are: each part as
 * written (lower case) and folded.
 * @example nameGroupRule('oleksandr', 'oleksandr', 'aleksandr', 'aleksandr') // 'Ukrainian/Russian/Belarusian forms of one given name'
 */
export function nameGroupRule(written: string, folded: string, otherWritten: string, otherFolded: string): string | undefined {
  const x = NAME_GROUP_OF.get(written) ?? NAME_GROUP_OF.get(folded);
  if (x === undefined) return undefined;
  const y = NAME_GROUP_OF.get(otherWritten) ?? NAME_GROUP_OF.get(otherFolded);
  return x === y ? NAME_GROUPS[x]?.name : undefined;
}

/**
 * Short forms (hypocoristics) of given names that are not the name's first letters, so that the abbreviation
 * rule of score.ts does not find them: Russian diminutives (Nadia / Nadezhda, Sasha / Aleksandr), Spanish and
 * Portuguese ones (Pepe / José, Paco / Francisco, Nacho / Ignacio), English, Dutch and German ones (Bill / William,
 * Sander / Alexander, Hans / Johannes). One short form may belong to several names (Sasha: Aleksandr, Aleksandra;
 * Beto: Alberto, Roberto, Humberto). Each row: the full forms (spellings in several languages), then " | ", then
 * the short forms. Widely attested forms only: a short form that is also a name of its own in the lists' other
 * traditions is left out.
 */
const HYPOCORISTICS: ReadonlyArray<readonly [readonly string[], readonly string[]]> = [
  // Russian, Ukrainian, Belarusian
  'aleksandr alexandr alexander aleksander oleksandr aleksandra alexandra | sasha sascha sashka shura',
  'nadezhda nadezda nadiya | nadia nadya nadja',
  'nikolai nikolay mykola | kolya kolia',
  'vladimir volodymyr | volodya volodia vova',
  'mikhail mykhailo | misha mischa',
  'dmitri dmitry dmitriy dmytro | dima',
  'sergei sergey serhiy | seryozha serezha',
  'aleksei alexei aleksey alexey oleksiy | alyosha alesha lyosha',
  'ekaterina yekaterina kateryna | katya katia',
  'tatiana tatyana tetiana | tanya tania',
  'natalia natalya nataliya | natasha',
  'yevgeny evgeny yevgeniy evgeniy yevhen | zhenya',
  'ivan | vanya vania',
  'pavel pavlo | pasha',
  'yelena elena olena | lena',
  'anastasia anastasiya | nastya nastia',
  'svetlana | sveta',
  'lyudmila ludmila | lyuda',
  'vyacheslav | slava',
  'konstantin kostiantyn | kostya kostia',
  'anatoly anatoliy | tolya tolia',
  'viktor victor | vitya vitia',
  'grigory grigoriy hryhoriy | grisha',
  // Spanish and Portuguese
  'jose josef joseph | pepe chepe',
  'francisco | paco pancho kiko',
  'ignacio | nacho',
  'jesus | chucho chuy',
  'guadalupe | lupe',
  'alberto roberto humberto | beto',
  'eduardo | lalo',
  'enrique | quique',
  'manuel | manolo',
  'rafael | rafa',
  'dolores | lola',
  'rosario | charo',
  'guillermo | memo',
  'salvador | chava',
  'concepcion | concha conchita',
  // English, Dutch, German
  'william willem wilhelm | bill billy willy wim',
  'robert roberto | bob bobby',
  'richard ricardo | rick ricky dick',
  'james | jim jimmy',
  'michael | mike',
  'alexander alejandro alessandro | sander sandro',
  'anthony antonio anton | tony toni',
  'edward eduardo edouard | eddie ted',
  'charles carlos | charlie chuck',
  'margaret | maggie peggy',
  'elizabeth | liz beth betty',
  'johannes johann | hans',
  'andrew andres | andy drew',
  'stephen steven | steve',
  'christopher christoph cristobal | chris',
].map((row) => {
  const [full = '', short = ''] = row.split(' | ');
  return [full.split(' '), short.split(' ')] as const;
});

const HYPOCORISTIC_FULL = new Map<string, number[]>();
const HYPOCORISTIC_SHORT = new Map<string, number[]>();
HYPOCORISTICS.forEach(([full, short], index) => {
  for (const form of full) HYPOCORISTIC_FULL.set(form, [...(HYPOCORISTIC_FULL.get(form) ?? []), index]);
  for (const form of short) HYPOCORISTIC_SHORT.set(form, [...(HYPOCORISTIC_SHORT.get(form) ?? []), index]);
});

/**
 * The rule by which one part is a short form (hypocoristic) of the other's given name, if it is: each part
 * folded to ASCII lower case. Two full forms or two short forms are not related by it.
 * @example hypocoristicRule('nadia', 'nadezhda') // 'short form of a given name (hypocoristic): Nadia ↔ Nadezhda'
 */
export function hypocoristicRule(a: string, b: string): string | undefined {
  const related = (short: string, full: string): boolean => {
    const rows = HYPOCORISTIC_SHORT.get(short);
    const fulls = HYPOCORISTIC_FULL.get(full);
    return rows !== undefined && fulls !== undefined && rows.some((row) => fulls.includes(row));
  };
  if (!related(a, b) && !related(b, a)) return undefined;
  const title = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
  return `short form of a given name (hypocoristic): ${title(a)} ↔ ${title(b)}`;
}

/** 'Abd Allah written as one word, with the vowel after 'Abd and the final h as the romanisations write them. */
const ABD_ALLAH = /^abd[aeiou]?l?lah?$/;

/**
 * The rule by which two one-word spellings of 'Abd Allah correspond (Abdullah / Abdallah / Abdellah / Abdollah /
 * Abdulla): the vowel after 'Abd is the case ending (-u, -a) or the regional or Persian vowel (-e-, -o-), so it is
 * a rendering, not a typo. Each part folded to ASCII lower case.
 * @example abdAllahRule('abdullah', 'abdallah') // "'Abd Allah: the vowel after 'Abd (u ↔ a)"
 */
export function abdAllahRule(a: string, b: string): string | undefined {
  if (a === b || !ABD_ALLAH.test(a) || !ABD_ALLAH.test(b)) return undefined;
  const vowel = (text: string): string => (/^abd([aeiou])/.exec(text)?.[1] ?? '–');
  return `'Abd Allah: the vowel after 'Abd (${vowel(a)} ↔ ${vowel(b)})`;
}

/**
 * Index keys of name parts: what a query and an entry must share to be compared at all. A key is cheap and
 * forgiving; the scoring (score.ts) is exact and explains itself. Kinds of key, by prefix:
 * - `f:` the folded spelling (same spelling up to romanisation variants),
 * - `m:` a Double Metaphone code (same sound: Qaddafi/Gaddafi),
 * - `s:` the consonant skeleton without semivowels (across scripts: Mohammed/محمد),
 * - `p:` the first five letters (names written together: "AlisherUsmanov", a typo near the end),
 * - `r:` a coarse sound key (normalize.ts, coarseSoundKey): the consonant classes romanisations swap as one
 *   (Soleh / Sholeh, Baqeri / Bagheri, Jo / Cho), for renderings the other keys tell apart.
 * Titles, articles, connectors, legal forms, initials and numbers make no keys: they say too little to find
 * anyone by.
 */
import { coarseSoundKey, keySkeleton } from './normalize.js';
import { keySkeletons } from './tokens.js';
import type { NameToken, PreparedName, WordForms } from './tokens.js';

/** How much a shared key of each kind says, relative to its rarity. */
export const KEY_KIND_WEIGHTS: Readonly<Record<string, number>> = { f: 1, m: 0.7, s: 0.7, p: 0.5, r: 0.5 };

function formsKeys(forms: WordForms, out: Set<string>): void {
  if (!forms.abjad && !forms.syllabic) {
    for (const folded of forms.folded) {
      if (folded.length >= 2) out.add(`f:${folded}`);
      if (folded.length >= 6) out.add(`p:${folded.slice(0, 5)}`);
    }
    // the primary code only: the alternate one (Germanic/Slavic readings) adds candidates, rarely the right one
    const code = forms.phonetic[0];
    if (code && code.length >= 2) out.add(`m:${code}`);
    for (const latin of forms.latin) {
      const coarse = coarseSoundKey(latin);
      if (coarse.length >= 2) out.add(`r:${coarse}`);
    }
  } else if (forms.syllabic) {
    out.add(`f:${forms.native}`);
  }
  for (const skeleton of keySkeletons(forms)) if (skeleton.length >= 2) out.add(`s:${skeleton}`);
}

/** The keys of one name part. */
export function tokenKeys(token: NameToken): Set<string> {
  const keys = new Set<string>();
  if (token.kind !== 'word' && !(token.kind === 'particle' && !token.article)) return keys;
  formsKeys(token.forms, keys);
  if (token.stem) formsKeys(token.stem, keys);
  if (token.abdStem) formsKeys(token.abdStem, keys);
  return keys;
}

/**
 * The keys of a name, per part (the index counts each part once, however many of its keys match). Two adjacent
 * parts also give the keys of their concatenation, for names written in one or two words ("Wali Jan" /
 * "Walijan", "شمس الدين" / "Shamsuddin").
 */
export function nameKeys(name: PreparedName): Array<Set<string>> {
  const parts = name.tokens.map(tokenKeys).filter((keys) => keys.size > 0);
  const words = name.tokens.filter((token) => token.kind === 'word');
  for (let index = 0; index + 1 < words.length; index++) {
    const first = words[index] as NameToken;
    const second = words[index + 1] as NameToken;
    if (first.forms.script !== second.forms.script || first.forms.syllabic) continue;
    const keys = new Set<string>();
    const skeleton = keySkeleton(`${first.forms.skeletons[0] ?? ''}${second.forms.skeletons[0] ?? ''}`);
    if (skeleton.length >= 2) keys.add(`s:${skeleton}`);
    if (!first.forms.abjad) keys.add(`f:${first.forms.folded[0] ?? ''}${second.forms.folded[0] ?? ''}`);
    parts.push(keys);
  }
  return parts;
}

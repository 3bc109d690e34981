/**
 * The held-out evaluation set (issue 14): built from the OFAC SDN list so that no matching rule was tuned on it.
 * Construction, all deterministic (seed HELDOUT_SEED):
 * - persons: the SDN rows of type "individual". Their strong aliases are the rows of alt.csv (types aka, fka,
 *   nka); the weak a.k.a.s stand in the remarks ("a.k.a. 'ABU ALI'") and are never used.
 * - negatives: NEGATIVE_SHARE of the persons, drawn at random, are taken out of the list entirely; their primary
 *   name is screened and any hit is a false one (a relative with the same surname counts against us too: a
 *   screener sees it as a hit).
 * - positives: of every other person with at least one strong alias that is not merely another name of the
 *   person with its parts reordered or in other case/punctuation, one such alias is drawn and removed from the
 *   list; the alias is screened against the list, and the right answer is the person's entry.
 * - split: the persons (positives and negatives alike) are shuffled once and cut in two: the development half
 *   (rules may be tuned on it, its misses may be printed) and the test half (reported, never looked into).
 * Queries are the name only: no birth date or nationality, so the figures are those of name matching. Each query
 * also carries the person's own birth dates and nationalities from the list (`birthDates`, `nationalities`), for
 * the second view heldout.ts prints: screening as the registry screens, with what it knows of the person.
 *
 * Findable by name (a second row in the report, besides all aliases; `sharesNamePart`): an alias counts as
 * sharing a name part with the person when one of its parts and one part of another name the list keeps for the
 * person are alike under a NEUTRAL criterion that uses none of the matcher's rules (no renderings, no phonetic
 * keys, no rarity, no particle lists): both names ASCII-folded (accents off) and lowercased, apostrophes dropped,
 * split on everything that is not a letter or digit; parts of fewer than 3 characters are left out (initials,
 * "al", "de"); two parts are alike when they are equal, or begin with the same 3 letters, or both have 4 or more
 * letters and differ by at most 2 edits (Levenshtein). Aliases outside it ("CARDONA RIBILLAS, Alejandro" for "CANO
 * CORREA, Jhon Eidelber") are other identities of the person: no name matcher can find them by name. The
 * criterion is deliberately generous (a shared "Abdul" or "Mohammed" counts), so the subset is an upper bound on
 * what name matching can find, not a set chosen to flatter the matcher.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parseOfacCsv } from '../../src/matching/api.js';
import type { WatchlistEntry } from '../../src/matching/api.js';
import { traditionOf } from './traditions.js';
import type { Tradition } from './traditions.js';
import { mulberry32 } from '../../src/demo/prng.js';

export const HELDOUT_SEED = 14;
/** The share of persons left out of the list, to screen as people who are not on it. */
export const NEGATIVE_SHARE = 0.15;

export type Half = 'dev' | 'test';

export interface HeldoutQuery {
  readonly name: string;
  /** The entry that should be found; undefined for a negative (the person is not on the list). */
  readonly target: string | undefined;
  readonly tradition: Tradition;
  readonly half: Half;
  /** For an alias: whether it shares a name part with another name of the person (neutral criterion,
   *  sharesNamePart); undefined for a negative. */
  readonly sharesPart?: boolean;
  /** The person's birth dates and nationalities as the list has them (for an alias: its own entry's). */
  readonly birthDates?: readonly string[];
  readonly nationalities?: readonly string[];
}

export interface HeldoutSet {
  /** The OFAC list without the held-out aliases and without the negative persons. */
  readonly entries: WatchlistEntry[];
  readonly queries: HeldoutQuery[];
  /** Persons whose every strong alias is only a reordering of another of their names (left out). */
  readonly trivialOnly: number;
}

function shuffle<T>(items: T[], rand: () => number): T[] {
  for (let index = items.length - 1; index > 0; index--) {
    const other = Math.floor(rand() * (index + 1));
    [items[index], items[other]] = [items[other] as T, items[index] as T];
  }
  return items;
}

/** A name's parts, case- and punctuation-folded and sorted: two names with the same key differ in order only. */
function orderFreeKey(name: string): string {
  return name.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).sort().join(' ');
}

function readRows(path: string): string[][] {
  let text = readFileSync(path, 'latin1').trimEnd();
  if (text.endsWith(String.fromCharCode(0x1a))) text = text.slice(0, -1);
  return parse(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as string[][];
}

const clean = (field: string | undefined): string => ((field ?? '').trim() === '-0-' ? '' : (field ?? '').trim());

/** A name's parts for the neutral criterion: ASCII-folded, lowercased, apostrophes dropped, 3 characters or more. */
export function neutralParts(name: string): string[] {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/['\u2019\u2018`\u02bf\u02be]/g, '')
    .split(/[^a-z0-9]+/).filter((part) => part.length >= 3);
}

/** Plain Levenshtein distance (insert, delete, substitute: 1 each), for the neutral criterion only. */
function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** Two parts alike under the neutral criterion: equal, the same first 3 letters, or (4+ letters each) ≤ 2 edits. */
export function partsAlike(a: string, b: string): boolean {
  if (a === b || a.slice(0, 3) === b.slice(0, 3)) return true;
  return a.length >= 4 && b.length >= 4 && Math.abs(a.length - b.length) <= 2 && levenshtein(a, b) <= 2;
}

/**
 * Whether an alias shares at least one name part with any of the other names (the neutral criterion in the
 * header: no rule of the matcher is used).
 * @example sharesNamePart('IYAD NAZMI SALIH', ['Eyad Nazmi Saleh Khalil']) // true ("nazmi")
 */
export function sharesNamePart(alias: string, others: readonly string[]): boolean {
  const parts = neutralParts(alias);
  return others.some((other) => neutralParts(other).some((part) => parts.some((mine) => partsAlike(mine, part))));
}

/** Builds the held-out set from the OFAC folder (sdn.csv, alt.csv). */
export function buildHeldoutSet(ofacDir: string): HeldoutSet {
  const sdnPath = join(ofacDir, 'sdn.csv');
  const altPath = join(ofacDir, 'alt.csv');
  const entries = parseOfacCsv(readFileSync(sdnPath, 'latin1'), readFileSync(altPath, 'latin1'));
  const rows = new Map(readRows(sdnPath).map((row) => [`OFAC-${clean(row[0])}`, { program: clean(row[3]), remarks: clean(row[11]) }]));
  const strongAliases = new Map<string, string[]>();
  for (const row of readRows(altPath)) {
    const id = `OFAC-${clean(row[0])}`;
    if (!['aka', 'fka', 'nka'].includes(clean(row[2]))) continue;
    strongAliases.set(id, [...(strongAliases.get(id) ?? []), clean(row[3])]);
  }
  const rand = mulberry32(HELDOUT_SEED);
  const persons = shuffle(entries.filter((entry) => entry.kind === 'person').map((entry) => entry.id).sort(), rand);
  const negativeCount = Math.round(persons.length * NEGATIVE_SHARE);
  const negatives = new Set(persons.slice(0, negativeCount));
  // the split is made over all persons at once, so that it does not depend on which of them have aliases
  const half = new Map(persons.map((id, position) => [id, position % 2 === 0 ? 'dev' : 'test'] as const));
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const queries: HeldoutQuery[] = [];
  const heldOut = new Map<string, string>();
  let trivialOnly = 0;
  for (const id of [...persons].sort()) {
    const entry = byId.get(id) as WatchlistEntry;
    const row = rows.get(id) ?? { program: '', remarks: '' };
    const tradition = traditionOf(row.remarks, entry.names, row.program);
    const known = { ...(entry.birthDates ? { birthDates: entry.birthDates } : {}), ...(entry.nationalities ? { nationalities: entry.nationalities } : {}) };
    if (negatives.has(id)) {
      queries.push({ name: entry.names[0] ?? '', target: undefined, tradition, half: half.get(id) ?? 'test', ...known });
      continue;
    }
    const aliases = strongAliases.get(id) ?? [];
    if (aliases.length === 0) continue;
    const usable = aliases.filter((alias) => {
      const key = orderFreeKey(alias);
      return entry.names.filter((name) => name !== alias).every((name) => orderFreeKey(name) !== key);
    });
    if (usable.length === 0) {
      trivialOnly++;
      continue;
    }
    const alias = usable[Math.floor(rand() * usable.length)] as string;
    heldOut.set(id, alias);
    const others = entry.names.filter((name) => name !== alias);
    queries.push({ name: alias, target: id, tradition, half: half.get(id) ?? 'test', sharesPart: sharesNamePart(alias, others), ...known });
  }
  const listed = entries
    .filter((entry) => !negatives.has(entry.id))
    .map((entry) => (heldOut.has(entry.id) ? { ...entry, names: entry.names.filter((name) => name !== heldOut.get(entry.id)) } : entry));
  return { entries: listed, queries, trivialOnly };
}

/**
 * For each negative, whether a person on the list has the same name (the same parts in any order) or a name
 * that holds every part of it ("Saleh, Ali Abdullah" in "Saleh, Ahmed Ali Abdullah": a father beside his son),
 * under the neutral criterion's parts compared literally (no renderings). The issue asks that a name whose parts
 * are all found in an entry's name score well, so these negatives are hits for any matcher that does so: a floor
 * under the share of negatives with a hit.
 */
export function namesakesOf(set: HeldoutSet): Map<HeldoutQuery, 'same name' | 'contained'> {
  const names = set.entries.filter((entry) => entry.kind === 'person').flatMap((entry) => entry.names.map(neutralParts));
  const sameKeys = new Set(names.map((parts) => [...parts].sort().join(' ')));
  const found = new Map<HeldoutQuery, 'same name' | 'contained'>();
  for (const query of set.queries) {
    if (query.target !== undefined) continue;
    const parts = neutralParts(query.name);
    if (parts.length === 0) continue;
    if (sameKeys.has([...parts].sort().join(' '))) found.set(query, 'same name');
    else if (names.some((name) => parts.every((part) => name.includes(part)))) found.set(query, 'contained');
  }
  return found;
}

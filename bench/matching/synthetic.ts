/**
 * Synthetic growth of the real lists for the throughput benchmark: entries recombined from real name parts,
 * spelling variants, typos and dropped parts, and queries that are variants of entries or on no list.
 * Deterministic (seeded), so that every run screens the same lists and queries.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseOfacCsv, parseUnXml } from '../../src/matching/api.js';
import type { ScreeningQuery, WatchlistEntry } from '../../src/matching/api.js';
import { mulberry32 } from '../../src/demo/prng.js';

const rand = mulberry32(20250419);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;

/** Spelling variants lists really contain, applied at random. */
const SPELLINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/mohammed|muhammad|mohammad|mohamed/i, 'Muhammad'], [/ou/i, 'u'], [/ee/i, 'i'], [/\bal-/i, 'el '], [/\bAbdul /i, 'Abd al-'],
  [/y$/i, 'i'], [/kh/i, 'h'], [/ss/i, 's'], [/v/i, 'w'], [/ei/i, 'ay'],
];

function typo(word: string): string {
  if (word.length < 4) return word;
  const at = 1 + Math.floor(rand() * (word.length - 2));
  const kind = rand();
  const letter = String.fromCharCode(97 + Math.floor(rand() * 26));
  if (kind < 0.33) return word.slice(0, at) + word.slice(at + 1);
  if (kind < 0.66) return word.slice(0, at) + letter + word.slice(at + 1);
  return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
}

function variant(name: string): string {
  let words = name.replace(',', '').split(/\s+/).filter(Boolean);
  const roll = rand();
  if (roll < 0.3) words = words.map((word) => (rand() < 0.3 ? typo(word) : word));
  else if (roll < 0.5 && words.length > 2) words.splice(1 + Math.floor(rand() * (words.length - 2)), 1);
  else if (roll < 0.65 && words.length > 1) words.push(words.shift() as string);
  else {
    let text = words.join(' ');
    for (const [pattern, replacement] of SPELLINGS) if (rand() < 0.3) text = text.replace(pattern, replacement);
    return text;
  }
  return words.join(' ');
}

export function syntheticWorkload(dir: string, entryCount: number, queryCount: number): {
  real: number;
  entries: WatchlistEntry[];
  queries: ScreeningQuery[];
  /** For queries made from an entry: that entry's id, by query position. */
  sources: Map<number, string>;
} {
const sources = new Map<number, string>();
const real: WatchlistEntry[] = [
  ...parseUnXml(readFileSync(join(dir, 'un-sc-consolidated-list-2025-04-19.xml'), 'utf8'), 'un.xml'),
  ...parseOfacCsv(readFileSync(join(dir, 'ofac-sdn-2021-04', 'sdn.csv'), 'latin1'), readFileSync(join(dir, 'ofac-sdn-2021-04', 'alt.csv'), 'latin1')),
];
const people = real.filter((entry) => entry.kind === 'person');
const partsByPosition: string[][] = [[], [], []];
for (const entry of people) {
  const words = (entry.names[0] ?? '').replace(',', '').split(/\s+/).filter(Boolean);
  words.forEach((word, position) => partsByPosition[Math.min(position, 2)]?.push(word));
}
const syntheticName = (): string => {
  const size = 2 + Math.floor(rand() * 3);
  return Array.from({ length: size }, (_, position) => pick(partsByPosition[Math.min(position, 2)] ?? [])).join(' ');
};
const birthDate = (): string => {
  const year = 1940 + Math.floor(rand() * 60);
  return rand() < 0.4 ? String(year) : `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
};
const nationalities = ['AFG', 'IRQ', 'SYR', 'IRN', 'RUS', 'UKR', 'PRK', 'SOM', 'YEM', 'LBY', 'PAK', 'SDN'];

const entries: WatchlistEntry[] = [...real];
while (entries.length < entryCount) {
  const base = rand() < 0.5 ? pick(people) : undefined;
  const primary = base ? variant(base.names[0] ?? '') : syntheticName();
  const aliases = Array.from({ length: Math.floor(rand() * 3) }, () => variant(primary));
  entries.push({
    id: `SYN-${entries.length}`,
    names: [primary, ...aliases],
    kind: 'person',
    birthDates: [birthDate()],
    nationalities: [pick(nationalities)],
  });
}

const queries: ScreeningQuery[] = [];
while (queries.length < queryCount) {
  const roll = rand();
  if (roll < 0.6) {
    const entry = pick(entries);
    queries.push({ name: variant(pick(entry.names)), ...(entry.birthDates && rand() < 0.5 ? { birthDates: [...entry.birthDates] } : {}) });
    sources.set(queries.length - 1, entry.id);
  } else if (roll < 0.8) {
    const entry = pick(entries);
    queries.push({ name: pick(entry.names) });
    sources.set(queries.length - 1, entry.id);
  } else {
    queries.push({ name: syntheticName(), birthDates: [birthDate()] });
  }
}
  return { real: real.length, entries, queries, sources };
}

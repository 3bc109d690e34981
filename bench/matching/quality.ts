/**
 * Quality benchmarks of the matcher (figures printed, nothing asserted):
 * 1. OpenSanctions' nomenklatura name benchmark: precision, recall and F1 at DEFAULT_THRESHOLD, beside
 *    OpenSanctions' own logic-v2 results on the same pairs, and a threshold sweep (how the default was chosen).
 * 2. yente's UN positives (untreated and treated) against the UN consolidated list: recall@1 and @10.
 * 3. Names in Arabic script against the UN list with every non-Latin name removed: recall@1 and @10.
 *
 * Run: node --import tsx bench/matching/quality.ts [--data DIR]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_THRESHOLD, MatchIndex, compareNames, detectScript, parseUnXml } from '../../src/matching/api.js';
import type { ScreeningQuery, WatchlistEntry } from '../../src/matching/api.js';
import { dataDir, percent, readCsv } from './data.js';

interface Counts { tp: number; fp: number; fn: number; tn: number }

function f1(counts: Counts): { precision: number; recall: number; f1: number } {
  const precision = counts.tp / Math.max(1, counts.tp + counts.fp);
  const recall = counts.tp / Math.max(1, counts.tp + counts.fn);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

function count(pairs: ReadonlyArray<{ predicted: boolean; actual: boolean }>): Counts {
  const counts: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const { predicted, actual } of pairs) {
    if (predicted && actual) counts.tp++;
    else if (predicted) counts.fp++;
    else if (actual) counts.fn++;
    else counts.tn++;
  }
  return counts;
}

function line(label: string, counts: Counts): string {
  const { precision, recall, f1: f } = f1(counts);
  return `${label.padEnd(44)} P ${precision.toFixed(3)}  R ${recall.toFixed(3)}  F1 ${f.toFixed(3)}  (TP ${counts.tp}, FP ${counts.fp}, FN ${counts.fn}, TN ${counts.tn})`;
}

const dir = dataDir();
const bench = join(dir, 'opensanctions-bench');

// --- 1. name pairs ---
const cases = readCsv(join(bench, 'nomenklatura_name_bench_cases.csv'));
const frozen = readCsv(join(bench, 'nomenklatura_name_bench_logicv2-frozen.csv'));
const started = performance.now();
const scored = cases.map((row) => ({ row, score: compareNames(row.name1 ?? '', row.name2 ?? '').score, actual: row.is_match === 'true' }));
const elapsed = performance.now() - started;
console.log(`\n1. nomenklatura name benchmark: ${cases.length} labelled pairs (${(elapsed / cases.length).toFixed(2)} ms a pair)`);
console.log(line(`imketen, threshold ${DEFAULT_THRESHOLD}`, count(scored.map((x) => ({ predicted: x.score >= DEFAULT_THRESHOLD, actual: x.actual })))));
for (const schema of ['Person', 'Company', 'Organization']) {
  console.log(line(`  of which ${schema}`, count(scored.filter((x) => x.row.schema === schema).map((x) => ({ predicted: x.score >= DEFAULT_THRESHOLD, actual: x.actual })))));
}
const key = (row: Record<string, string>): string => `${row.name1}\u0000${row.name2}\u0000${row.schema}`;
const frozenKeys = new Set(frozen.map(key));
const same = scored.filter((x) => frozenKeys.has(key(x.row)));
console.log(line(`imketen on the ${same.length} pairs OpenSanctions scored`, count(same.map((x) => ({ predicted: x.score >= DEFAULT_THRESHOLD, actual: x.actual })))));
console.log(line('OpenSanctions logic-v2 (frozen), own threshold', count(frozen.map((row) => ({ predicted: row.predicted_match === 'true', actual: row.is_match === 'true' })))));
console.log('threshold sweep (imketen):');
for (const threshold of [0.6, 0.65, 0.7, 0.75, 0.8, 0.85]) {
  console.log(line(`  ${threshold.toFixed(2)}`, count(scored.map((x) => ({ predicted: x.score >= threshold, actual: x.actual })))));
}

// --- 2. UN positives ---
const unText = readFileSync(join(dir, 'un-sc-consolidated-list-2025-04-19.xml'), 'utf8');
const entries = parseUnXml(unText, 'un-sc-consolidated-list-2025-04-19.xml');
const index = MatchIndex.from(entries);
const sortedTokens = (name: string): string => name.toLowerCase().split(/[\s,]+/).filter(Boolean).sort().join(' ');
const byName = new Map<string, string>();
for (const entry of entries) for (const name of entry.names) if (!byName.has(sortedTokens(name))) byName.set(sortedTokens(name), entry.id);

function recall(label: string, queries: ReadonlyArray<{ query: ScreeningQuery; target: string }>, search: (query: ScreeningQuery, threshold: number) => readonly string[]): void {
  for (const [threshold, note] of [[DEFAULT_THRESHOLD, `threshold ${DEFAULT_THRESHOLD}`], [0, 'ranking only (threshold 0)']] as const) {
    let at1 = 0;
    let at10 = 0;
    const started = performance.now();
    for (const { query, target } of queries) {
      const ids = search(query, threshold);
      if (ids[0] === target) at1++;
      if (ids.slice(0, 10).includes(target)) at10++;
    }
    const ms = (performance.now() - started) / queries.length;
    console.log(`${label.padEnd(44)} ${note.padEnd(28)} recall@1 ${percent(at1 / queries.length)}  recall@10 ${percent(at10 / queries.length)}  (${queries.length} queries, ${ms.toFixed(2)} ms each)`);
  }
}

console.log(`\n2. yente UN positives against the UN list (${entries.length} entries)`);
const untreated = readCsv(join(bench, 'yente_positives_un_untreated.csv'));
const treated = readCsv(join(bench, 'yente_positives_un_treated.csv'));
const toQuery = (row: Record<string, string>): ScreeningQuery => ({
  name: row.full_name ?? '',
  ...(row.date_of_birth ? { birthDates: [row.date_of_birth] } : {}),
  ...(row.nationality ? { nationalities: [row.nationality] } : {}),
});
const targets = untreated.map((row) => byName.get(sortedTokens(row.full_name ?? '')));
const withTarget = <T>(rows: readonly T[], make: (row: T) => ScreeningQuery): Array<{ query: ScreeningQuery; target: string }> =>
  rows.flatMap((row, position) => (targets[position] ? [{ query: make(row), target: targets[position] as string }] : []));
console.log(`(${targets.filter(Boolean).length} of ${untreated.length} untreated names found among the list's names; the others are left out)`);
const indexSearch = (query: ScreeningQuery, threshold: number): string[] => index.search(query, { threshold, limit: 10 }).hits.map((hit) => hit.id);
recall('untreated (name, birth date, nationality)', withTarget(untreated, toQuery), indexSearch);
recall('treated (typos, reordering, changed dates)', withTarget(treated, toQuery), indexSearch);
recall('treated, name only', withTarget(treated, (row) => ({ name: row.full_name ?? '' })), indexSearch);

// --- 3. Arabic script against Latin-only entries ---
const latinOnly: WatchlistEntry[] = entries.map((entry) => ({ ...entry, names: entry.names.filter((name) => detectScript(name) === 'latin') }));
const latinIndex = MatchIndex.from(latinOnly.filter((entry) => entry.names.length > 0));
const arabicQueries = entries.flatMap((entry) => entry.names.filter((name) => detectScript(name) === 'arabic').map((name) => ({ query: { name }, target: entry.id })));
console.log(`\n3. names in Arabic script against the UN list without its original-script names`);
recall('Arabic-script name only', arabicQueries, (query, threshold) => latinIndex.search(query, { threshold, limit: 10 }).hits.map((hit) => hit.id));

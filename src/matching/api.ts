/**
 * The public API of the matcher. Matching is a signal for a person, never an automatic decision: every hit
 * carries the explanation of its score.
 *
 * @example
 * const index = MatchIndex.from(parseUnXml(readFileSync('consolidated.xml', 'utf8'), 'consolidated.xml'));
 * const result = index.search({ name: 'Mohamad El Hassan', birthDates: ['1976'], nationalities: ['IRQ'] });
 * // { query: 'Mohamad El Hassan', hits: [{ id: '...', score: 0.86, explanation: { name: { parts: [...] }, birthDate: ..., nationality: ... } }] }
 */
export { MatchIndex } from './index.js';
export type { Hit, ScreeningResult, SearchOptions } from './index.js';
export { DEFAULT_THRESHOLD, scorePerson } from './person-score.js';
export type { HitExplanation, PersonScore, ScreeningQuery, WatchlistEntry } from './person-score.js';
export { compareNames } from './score.js';
export type { MatchHow, NameComparison, PartMatch, ScoreDeduction } from './score.js';
export type { DateComparison, DateOutcome } from './dates.js';
export type { NationalityComparison, NationalityOutcome } from './countries.js';
export { detectScript, transliterateCyrillic, unifyArabic } from './normalize.js';
export type { Script } from './normalize.js';
export { parseUnXml } from './watchlists/un-xml.js';
export { parseOfacCsv } from './watchlists/ofac-csv.js';
export { parseJsonl } from './watchlists/jsonl.js';
export { detectFormat } from './watchlists/detect-format.js';
export type { WatchlistFormat } from './watchlists/detect-format.js';
import { MatchIndex } from './index.js';
import type { ScreeningResult, SearchOptions } from './index.js';
import type { ScreeningQuery } from './person-score.js';

/**
 * Screens queries against an index: one result per query, hits at or above the threshold, best first.
 */
export function screen(index: MatchIndex, queries: Iterable<ScreeningQuery | string>, options: SearchOptions = {}): ScreeningResult[] {
  const results: ScreeningResult[] = [];
  for (const query of queries) results.push(index.search(query, options));
  return results;
}

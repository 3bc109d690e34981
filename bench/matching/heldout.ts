/**
 * Held-out evaluation of the matcher (issue 14): strong aliases of OFAC SDN persons that the list no longer
 * carries, screened against the list, and persons left out of the list as negatives (construction in
 * heldout-set.ts). Prints, per half and per naming tradition (traditions.ts): recall@1 and recall@10 at the
 * default threshold and by ranking alone, the share of negatives with any hit at the default threshold, and a
 * calibration table (score bucket → share of hits that are the right person). Each table is printed twice: for
 * all held-out aliases, and for the aliases that share a name part with another name of the person under the
 * neutral criterion of heldout-set.ts (`sharesNamePart`: no rule of the matcher); the rest are other identities.
 *
 * Rules are tuned on the development half only; by default only the test half is printed.
 *
 * Run: node --import tsx bench/matching/heldout.ts [--data DIR] [--half test|dev|both] [--misses N]
 *   --misses N  prints N missed aliases and N negatives with a hit, of the development half only
 *   --diagnose  splits the development half's misses by cause: the right entry is no candidate at all (candidate
 *               generation), a candidate ranked below 10, ranked first but under the threshold, or above the
 *               threshold but not first (scoring); with --misses N also N aliases that get no candidate
 *   --sweep     per half: R@1, R@10 and negatives with a hit at thresholds 0.60–0.85. A monotone recalibration of
 *               the score (isotonic or per band) keeps the order of hits, so at the fixed threshold it is one of
 *               these rows: it moves recall and negatives along this curve and cannot move the curve
 *
 * Besides name only, every half is also screened as the registry screens a person: with the person's birth dates
 * and nationalities as the list has them (heldout-set.ts). And it prints what bounds any name matcher on this
 * set: the aliases that share no name part with the person's other names, and the negatives who have a listed
 * person's very name or whose every name part is in one listed person's name (namesakesOf).
 */
import { join } from 'node:path';
import { DEFAULT_THRESHOLD, MatchIndex } from '../../src/matching/api.js';
import type { Hit } from '../../src/matching/api.js';
import { argument, dataDir, percent } from './data.js';
import { buildHeldoutSet, namesakesOf } from './heldout-set.js';
import type { Half, HeldoutQuery } from './heldout-set.js';
import { TRADITIONS } from './traditions.js';

const halfArgument = argument('half') ?? 'test';
if (!['test', 'dev', 'both'].includes(halfArgument)) {
  console.error(`--half must be test, dev or both, not "${halfArgument}".`);
  process.exit(2);
}
const halves: Half[] = halfArgument === 'both' ? ['dev', 'test'] : [halfArgument as Half];
const misses = Number(argument('misses') ?? 0);
const diagnose = process.argv.includes('--diagnose');
const sweep = process.argv.includes('--sweep');

const set = buildHeldoutSet(join(dataDir(), 'ofac-sdn-2021-04'));
const index = MatchIndex.from(set.entries);
const CALIBRATION_FLOOR = 0.5;

interface Outcome {
  readonly query: HeldoutQuery;
  /** Hits at or above CALIBRATION_FLOOR, best first (at most 10), ranked with threshold 0. */
  readonly hits: readonly Hit[];
  /** The hits of a screening at the default threshold, best first (at most 10). With birth dates they can differ
   *  from `hits` above the threshold: agreement only raises a name score at or above the threshold searched with. */
  readonly found: readonly Hit[];
  /** Rank of the target by ranking alone (threshold 0), 1-based; undefined when not among the first 10. */
  readonly rank: number | undefined;
}

/** Screens every query of the halves asked for: by name only, or with the person's birth dates and nationalities. */
function screenQueries(withDates: boolean): Outcome[] {
  return set.queries.filter((query) => halves.includes(query.half)).map((query) => {
    // the held-out queries are persons: an organisation's entry that holds a person's name is no hit for them
    const known = withDates ? { ...(query.birthDates ? { birthDates: query.birthDates } : {}), ...(query.nationalities ? { nationalities: query.nationalities } : {}) } : {};
    const screened = { name: query.name, kind: 'person' as const, ...known };
    const ranked = index.search(screened, { threshold: 0, limit: 10 }).hits;
    const position = query.target === undefined ? -1 : ranked.findIndex((hit) => hit.id === query.target);
    const found = index.search(screened, { threshold: DEFAULT_THRESHOLD, limit: 10 }).hits;
    return { query, hits: ranked.filter((hit) => hit.score >= CALIBRATION_FLOOR), found, rank: position >= 0 ? position + 1 : undefined };
  });
}

const started = performance.now();
const outcomes = screenQueries(false);
const elapsed = performance.now() - started;
const outcomesWithDates = screenQueries(true);
const namesakes = namesakesOf(set);

const atThreshold = (outcome: Outcome): readonly Hit[] => outcome.found;
const rankAtThreshold = (outcome: Outcome): number | undefined => {
  const position = atThreshold(outcome).findIndex((hit) => hit.id === outcome.query.target);
  return position >= 0 ? position + 1 : undefined;
};

function row(label: string, group: readonly Outcome[]): string {
  const positives = group.filter((outcome) => outcome.query.target !== undefined);
  const negatives = group.filter((outcome) => outcome.query.target === undefined);
  const share = (count: number, of: number): string => (of === 0 ? '   -  ' : percent(count / of).padStart(6));
  const at = (k: number): number => positives.filter((outcome) => (rankAtThreshold(outcome) ?? Infinity) <= k).length;
  const ranked = (k: number): number => positives.filter((outcome) => (outcome.rank ?? Infinity) <= k).length;
  const falseHits = negatives.filter((outcome) => atThreshold(outcome).length > 0).length;
  return `${label.padEnd(24)} ${String(positives.length).padStart(5)}  ${share(at(1), positives.length)}  ${share(at(10), positives.length)}   ${share(ranked(1), positives.length)}  ${share(ranked(10), positives.length)}   ${String(negatives.length).padStart(5)}  ${share(falseHits, negatives.length)}`;
}

console.log(`Held-out OFAC SDN aliases: ${set.entries.length} entries in the list, ${set.queries.length} queries in all (${set.trivialOnly} persons left out whose aliases only reorder their other names); seed and construction in bench/matching/heldout-set.ts`);
console.log(`screened ${outcomes.length} queries in ${(elapsed / 1000).toFixed(1)} s`);
for (const half of halves) {
  const group = outcomes.filter((outcome) => outcome.query.half === half);
  console.log(`\n${half === 'test' ? 'TEST half (report this one)' : 'DEVELOPMENT half (tuned on)'}: threshold ${DEFAULT_THRESHOLD}`);
  console.log(`${'tradition'.padEnd(24)} ${'alias'.padStart(5)}  ${'R@1'.padStart(6)}  ${'R@10'.padStart(6)}   ${'rank@1'.padStart(6)}  ${'rank@10'.padStart(6)}  ${'negat.'.padStart(5)}  ${'any hit'.padStart(6)}`);
  console.log(row('all', group));
  for (const tradition of TRADITIONS) {
    const part = group.filter((outcome) => outcome.query.tradition === tradition);
    if (part.length > 0) console.log(row(`  ${tradition}`, part));
  }
  console.log('(R@k: the right entry among the first k hits at the threshold; rank@k: the same by ranking alone, threshold 0;');
  console.log(' any hit: share of persons not on the list with at least one hit at the threshold)');
  // the same, for the aliases that share a name part with another name of the person under the neutral
  // criterion of heldout-set.ts (sharesNamePart); the others are other identities no name matcher can find.
  // The negatives are the same persons in both tables.
  const findable = group.filter((outcome) => outcome.query.target === undefined || outcome.query.sharesPart === true);
  const aliases = group.filter((outcome) => outcome.query.target !== undefined).length;
  const shared = findable.filter((outcome) => outcome.query.target !== undefined).length;
  console.log(`aliases sharing a name part with another name of the person (neutral criterion, heldout-set.ts): ${shared} of ${aliases} (${percent(shared / Math.max(1, aliases))})`);
  console.log(row('all (sharing a part)', findable));
  for (const tradition of TRADITIONS) {
    const part = findable.filter((outcome) => outcome.query.tradition === tradition);
    if (part.length > 0) console.log(row(`  ${tradition}`, part));
  }
  const withDates = outcomesWithDates.filter((outcome) => outcome.query.half === half);
  const dated = withDates.filter((outcome) => (outcome.query.birthDates ?? []).length > 0).length;
  console.log(`with the person's birth dates and nationalities as the list has them, as registry screening sends them (${dated} of ${withDates.length} queries have a birth date):`);
  console.log(row('all (with birth date)', withDates));
  for (const tradition of TRADITIONS) {
    const part = withDates.filter((outcome) => outcome.query.tradition === tradition);
    if (part.length > 0) console.log(row(`  ${tradition}`, part));
  }
  const negatives = group.filter((outcome) => outcome.query.target === undefined);
  const same = negatives.filter((outcome) => namesakes.get(outcome.query) === 'same name').length;
  const contained = negatives.filter((outcome) => namesakes.get(outcome.query) !== undefined).length;
  console.log(`bounds for any name matcher: ${aliases - shared} of ${aliases} aliases (${percent((aliases - shared) / Math.max(1, aliases))}) share no name part with the person's other names;`);
  console.log(`  ${same} of ${negatives.length} negatives (${percent(same / Math.max(1, negatives.length))}) have a listed person's very name, and ${contained} (${percent(contained / Math.max(1, negatives.length))}) have every name part in one listed person's name (heldout-set.ts, namesakesOf)`);
  console.log('calibration: hits by score (the 10 best of every query, positives and negatives), share that is the right person');
  const buckets = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0001];
  for (let bucket = 0; bucket + 1 < buckets.length; bucket++) {
    const low = buckets[bucket] as number;
    const high = buckets[bucket + 1] as number;
    let total = 0;
    let right = 0;
    for (const outcome of group) {
      for (const hit of outcome.hits) {
        if (hit.score < low || hit.score >= high) continue;
        total++;
        if (hit.id === outcome.query.target) right++;
      }
    }
    console.log(`  score ${low.toFixed(2)}–${Math.min(high, 1).toFixed(2)}  ${String(total).padStart(6)} hits  ${total ? percent(right / total).padStart(6) : '    - '} right`);
  }
}

if (sweep) {
  for (const half of halves) {
    const group = outcomes.filter((outcome) => outcome.query.half === half);
    const positives = group.filter((outcome) => outcome.query.target !== undefined);
    const negatives = group.filter((outcome) => outcome.query.target === undefined);
    console.log(`\nthreshold sweep (${half} half): threshold, R@1, R@10, negatives with a hit`);
    for (const threshold of [0.6, 0.625, 0.65, 0.675, 0.7, 0.725, 0.75, 0.775, 0.8, 0.85]) {
      const above = (outcome: Outcome): Hit[] => outcome.hits.filter((hit) => hit.score >= threshold);
      const at = (k: number): number => positives.filter((outcome) => above(outcome).slice(0, k).some((hit) => hit.id === outcome.query.target)).length;
      const falseHits = negatives.filter((outcome) => above(outcome).length > 0).length;
      console.log(`  ${threshold.toFixed(3)}  ${percent(at(1) / positives.length).padStart(6)}  ${percent(at(10) / positives.length).padStart(6)}  ${percent(falseHits / negatives.length).padStart(6)}`);
    }
  }
}

if (misses > 0) {
  const dev = outcomes.filter((outcome) => outcome.query.half === 'dev');
  if (dev.length === 0) console.log('\n--misses prints the development half only: add --half dev or --half both');
  const show = (hit: Hit | undefined): string => (hit ? `${hit.id} ${hit.explanation.name.entryName} (${hit.score})` : '-');
  console.log('\nmissed aliases (development half):');
  for (const outcome of dev.filter((item) => item.query.target !== undefined && rankAtThreshold(item) !== 1).slice(0, misses)) {
    const entry = index.get(outcome.query.target as string);
    console.log(`  [${outcome.query.tradition}] ${outcome.query.name}  →  want ${outcome.query.target} (${entry?.names.slice(0, 4).join(' | ')}), rank ${outcome.rank ?? '>10'}; best ${show(outcome.hits[0])}`);
  }
  console.log('\nnegatives with a hit (development half):');
  for (const outcome of dev.filter((item) => item.query.target === undefined && atThreshold(item).length > 0).slice(0, misses)) {
    console.log(`  [${outcome.query.tradition}] ${outcome.query.name}  →  ${show(outcome.hits[0])}`);
  }
}

if (diagnose) {
  const positives = outcomes.filter((item) => item.query.half === 'dev' && item.query.target !== undefined);
  const causes = { first: 0, 'above the threshold, not first': 0, 'ranked first, under the threshold': 0, 'ranked 2-10, under the threshold': 0, 'a candidate ranked below 10': 0, 'no candidate (keys miss it)': 0 };
  const CANDIDATE_PROBE = 10_000;
  const uncandidated: Outcome[] = [];
  // per cause, also how many of the aliases share a name part with another name of the person (neutral criterion)
  const sharing: Record<keyof typeof causes, number> = { first: 0, 'above the threshold, not first': 0, 'ranked first, under the threshold': 0, 'ranked 2-10, under the threshold': 0, 'a candidate ranked below 10': 0, 'no candidate (keys miss it)': 0 };
  for (const outcome of positives) {
    const atRank = rankAtThreshold(outcome);
    let cause: keyof typeof causes;
    if (atRank === 1) cause = 'first';
    else if (atRank !== undefined) cause = 'above the threshold, not first';
    else if (outcome.rank === 1) cause = 'ranked first, under the threshold';
    else if (outcome.rank !== undefined) cause = 'ranked 2-10, under the threshold';
    else {
      const hits = index.search(outcome.query.name, { threshold: 0, limit: CANDIDATE_PROBE, candidates: CANDIDATE_PROBE }).hits;
      if (hits.some((hit) => hit.id === outcome.query.target)) cause = 'a candidate ranked below 10';
      else {
        cause = 'no candidate (keys miss it)';
        uncandidated.push(outcome);
      }
    }
    causes[cause]++;
    if (outcome.query.sharesPart) sharing[cause]++;
  }
  console.log(`\nmisses by cause (development half, ${positives.length} aliases; last column: of them sharing a name part, neutral criterion):`);
  for (const [cause, count] of Object.entries(causes)) console.log(`  ${cause.padEnd(36)} ${String(count).padStart(5)}  ${percent(count / positives.length).padStart(6)}  ${String(sharing[cause as keyof typeof causes]).padStart(5)}`);
  if (misses > 0) {
    // with --misses N: the aliases no key finds, beside the names the list still has for the person
    console.log('\naliases that get no candidate (development half), with the names the list has for the person:');
    for (const outcome of uncandidated.slice(0, misses)) {
      console.log(`  [${outcome.query.tradition}] ${outcome.query.name}  →  ${index.get(outcome.query.target as string)?.names.slice(0, 4).join(' | ')}`);
    }
  }
}

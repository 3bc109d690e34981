/**
 * Screening the registry's persons against a watchlist, and remembering the hits for review.
 *
 * Only what changed is screened again: a person screened before against an older version of the list, whose data
 * did not change since, is screened only against the entries added or changed since that version (and loses the
 * hits on entries changed or removed since); a person whose data changed, or who was never screened against the
 * list, is screened against the whole list. A person screened against the current version with unchanged data is
 * skipped.
 */
import { ImketenError } from '../domain/errors.js';
import { DEFAULT_THRESHOLD, MatchIndex } from '../matching/api.js';
import type { Db } from '../store/db.js';
import { insertRun, saveScreeningState, screeningState, type FoundHit, type HitRow, type ScreeningStateRow } from '../store/hits-store.js';
import { recordHits } from './record-hits.js';
import { registryPersonsInScope } from './persons-in-scope.js';
import type { PersonScope, RegistryPerson } from './registry-persons.js';
import { openList } from './screen-queries.js';
import { screenPerson } from './screen-person.js';
import { timeSlicer } from './time-slices.js';
import { entriesAtVersion, entriesClosedSince, type StoredEntry } from '../store/watchlist-store.js';

export interface RegistryScreeningOptions {
  list: string;
  scope?: PersonScope;
  threshold?: number;
  /** At most this many hits per person, default 10. */
  limit?: number;
  /** Who starts the run (recorded). */
  by: string;
  now: () => Date;
}

export interface RegistryScreeningSummary {
  runId: number;
  list: string;
  version: number;
  threshold: number;
  personsInScope: number;
  /** Screened against the whole list (new to this list, or their data changed). */
  personsFull: number;
  /** Screened against the entries added or changed since their last screening. */
  personsDelta: number;
  /** Nothing changed on either side since their last screening. */
  personsSkipped: number;
  hitsFound: number;
  hitsGone: number;
  /** New hits, or hits whose data changed, that wait for review. */
  raised: HitRow[];
}

/**
 * @example await screenRegistry(db, { list: 'un-sc', scope: { kind: 'exclusion', phase: 'open' }, by: 'j.jansen', now: () => new Date() })
 */
export async function screenRegistry(db: Db, options: RegistryScreeningOptions): Promise<RegistryScreeningSummary> {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const scope = options.scope ?? {};
  if (scope.phase && !scope.kind) throw new ImketenError('INVALID_INPUT', 'A phase belongs to a case kind: give --kind with --phase.');
  const now = options.now();
  const at = now.toISOString();
  const { list, version, index } = await openList(db, options.list);
  const persons = await registryPersonsInScope(db, scope, now);
  const state = await screeningState(db, 'watchlist', list.id, scope.person !== undefined ? persons.map((person) => person.id) : undefined);

  const full: RegistryPerson[] = [];
  const deltaBySince = new Map<number, RegistryPerson[]>();
  let skipped = 0;
  for (const person of persons) {
    const last = state.get(person.id);
    if (!last || last.personHash !== person.dataHash || last.threshold !== threshold || last.listVersion > version) full.push(person);
    else if (last.listVersion < version) deltaBySince.set(last.listVersion, [...(deltaBySince.get(last.listVersion) ?? []), person]);
    else skipped++;
  }

  const found: FoundHit[] = [];
  let entries: StoredEntry[] | undefined;
  const hashOf = new Map<string, string>();
  const entryHashes = async () => {
    if (!entries) {
      entries = await entriesAtVersion(db, list.id, version);
      for (const row of entries) hashOf.set(row.entryId, row.contentHash);
    }
    return hashOf;
  };
  const collect = async (searchIndex: MatchIndex, person: RegistryPerson) => {
    const hits = screenPerson(searchIndex, person, { threshold, ...(options.limit ? { limit: options.limit } : {}) });
    if (hits.length === 0) return;
    const hashes = await entryHashes();
    for (const hit of hits) {
      found.push({ counterpart: hit.id, personId: person.id, score: hit.score, explanation: hit.explanation, personHash: person.dataHash, counterpartHash: hashes.get(hit.id) ?? '' });
    }
  };
  // a run over the registry takes seconds: between persons the event loop serves other requests (./time-slices.ts)
  const slice = timeSlicer();
  for (const person of full) {
    await collect(index, person);
    await slice();
  }
  // per person: which stored pairs this run looked at again (all of a fully screened person's; a delta person's
  // pairs with entries changed or removed since its last screening)
  const reevaluatedEntries = new Map<string, Set<string> | 'all'>(full.map((person) => [person.id, 'all']));
  for (const [since, group] of deltaBySince) {
    await entryHashes();
    const changed = entries!.filter((row) => row.validFromVersion > since).map((row) => row.entry);
    const closed = await entriesClosedSince(db, list.id, since);
    for (const person of group) reevaluatedEntries.set(person.id, closed);
    if (changed.length === 0) continue;
    const deltaIndex = MatchIndex.from(changed);
    for (const person of group) {
      await collect(deltaIndex, person);
      await slice();
    }
  }
  // an unscoped run also retires the hits of persons no longer in the registry as such (merged into another)
  const everyone = !scope.kind && scope.person === undefined;
  const present = new Set(persons.map((person) => person.id));

  const screened = [...full, ...[...deltaBySince.values()].flat()];
  return db.transaction(async (tx) => {
    const recorded = await recordHits(tx, {
      source: 'watchlist', watchlistId: list.id, listVersion: version, found, at,
      reevaluated: (pair) => {
        const looked = reevaluatedEntries.get(pair.personId);
        if (looked === 'all') return true;
        if (looked) return looked.has(pair.counterpart);
        return everyone && !present.has(pair.personId);
      },
    });
    await saveScreeningState(tx, 'watchlist', list.id, screened.map((person): ScreeningStateRow => ({ personId: person.id, personHash: person.dataHash, listVersion: version, threshold })), at);
    const personsDelta = screened.length - full.length;
    const runId = await insertRun(tx, {
      source: 'watchlist', watchlistId: list.id, listVersion: version, startedAt: at, startedBy: options.by,
      scope: { ...scope }, threshold, personsInScope: persons.length, personsFull: full.length, personsDelta,
      hitsFound: recorded.found, hitsRaised: recorded.raised.length,
    });
    return {
      runId, list: list.name, version, threshold, personsInScope: persons.length, personsFull: full.length, personsDelta, personsSkipped: skipped,
      hitsFound: recorded.found, hitsGone: recorded.gone, raised: recorded.raised,
    };
  });
}

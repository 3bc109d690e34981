/**
 * Hits as a reviewer sees them: the registry person's names beside the list entry's (or the other person's), the
 * score with its explanation, the status and the last decision.
 */
import type { WatchlistEntry } from '../matching/api.js';
import { summarisePersons, type PersonSummary } from '../registry/stream-view.js';
import type { Queryable } from '../store/db.js';
import type { HitRow } from '../store/hits-store.js';
import { watchlistEntriesByHash } from '../store/screening-reads.js';

export interface HitView extends HitRow {
  person: PersonSummary;
  /** The list entry as screened (watchlist hits). */
  entry?: WatchlistEntry;
  /** The other person (cross-reference hits). */
  otherPerson?: PersonSummary;
}

export async function describeHits(tx: Queryable, hits: readonly HitRow[]): Promise<HitView[]> {
  if (hits.length === 0) return [];
  const personIds = [...new Set(hits.flatMap((hit) => (hit.source === 'registry' ? [hit.personId, hit.counterpart] : [hit.personId])))];
  const persons = new Map((await summarisePersons(tx, personIds)).map((person) => [person.id, person]));
  const watchlistHits = hits.filter((hit) => hit.source === 'watchlist');
  const entries = watchlistHits.length > 0 ? await watchlistEntriesByHash(tx, watchlistHits.map((hit) => hit.counterpartHash)) : new Map<string, WatchlistEntry>();
  return hits.map((hit) => {
    const person = persons.get(hit.personId) ?? { id: hit.personId, names: [], birthDate: null, nationalities: [] };
    if (hit.source === 'registry') {
      return { ...hit, person, otherPerson: persons.get(hit.counterpart) ?? { id: hit.counterpart, names: [], birthDate: null, nationalities: [] } };
    }
    const entry = entries.get(`${hit.watchlistId}:${hit.counterpartHash}`);
    return { ...hit, person, ...(entry ? { entry } : {}) };
  });
}

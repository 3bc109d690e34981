/**
 * Screening one registry person against an index: every name of the person (registered names, aliases, names of
 * persons merged into it) is a query with the person's birth date and nationalities; an entry's score is its best
 * over those names.
 */
import { DEFAULT_THRESHOLD, type Hit, type MatchIndex } from '../matching/api.js';
import type { RegistryPerson } from './registry-persons.js';

/** The hits of a person, best first. */
export function screenPerson(index: MatchIndex, person: RegistryPerson, options: { threshold?: number; limit?: number } = {}): Hit[] {
  const best = new Map<string, Hit>();
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const limit = options.limit ?? 10;
  for (const name of person.names) {
    const result = index.search(
      { name, kind: 'person', ...(person.birthDate ? { birthDates: [person.birthDate] } : {}), ...(person.nationalities.length ? { nationalities: person.nationalities } : {}) },
      // score more candidates than the matcher's default: a common name has many namesakes, and a cut among them
      // would drop pairs a reviewer should see
      { threshold, limit, candidates: Math.max(30, limit * 3) },
    );
    for (const hit of result.hits) {
      const earlier = best.get(hit.id);
      if (!earlier || hit.score > earlier.score) best.set(hit.id, hit);
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
}

/**
 * Searching the registry's persons by name with the same matcher as screening: any script, any transliteration.
 * The index over the registry is kept in the process and updated as the log grows (./registry-index.ts).
 */
import { ImketenError } from '../domain/errors.js';
import type { HitExplanation, MatchIndex } from '../matching/api.js';
import type { Queryable } from '../store/db.js';
import { registryIndexOf } from './registry-index.js';
import type { RegistryPerson } from './registry-persons.js';

/**
 * The default threshold of a search: lower than screening's, since a searcher often types part of a name
 * ("Hassan") and looks at the list, while a screening hit asks a person to act.
 */
export const SEARCH_THRESHOLD = 0.6;

export interface PersonMatch {
  person: Pick<RegistryPerson, 'id' | 'names' | 'birthDate' | 'nationalities' | 'absorbed'>;
  score: number;
  explanation: HitExplanation;
}

export interface SearchOptions {
  limit?: number;
  threshold?: number;
  /** Only these persons may be returned (the persons the caller may see). */
  visible?: (ids: string[]) => Promise<Set<string>>;
}

/** @example await searchPersons(db, 'Mohamad El Hassan', { limit: 10 }) */
export async function searchPersons(tx: Queryable, name: string, options: SearchOptions = {}): Promise<PersonMatch[]> {
  const text = name.trim();
  if (text.length < 2) throw new ImketenError('INVALID_INPUT', 'Give at least two characters of a name to search for.');
  const limit = options.limit ?? 20;
  const { index, persons } = await registryIndex(tx);
  // ask for more than the limit when some may be filtered out as not visible
  const result = index.search(text, { threshold: options.threshold ?? SEARCH_THRESHOLD, limit: options.visible ? limit * 5 : limit, candidates: Math.max(50, limit * 5) });
  // the persons as the index found them, taken before anything is awaited: the index may be updated meanwhile
  const matches = result.hits.map((hit) => {
    const { id, names, birthDate, nationalities, absorbed } = persons.get(hit.id)!;
    return { person: { id, names, birthDate, nationalities, absorbed }, score: hit.score, explanation: hit.explanation };
  });
  const visible = options.visible ? await options.visible(matches.map((match) => match.person.id)) : undefined;
  return matches.filter((match) => !visible || visible.has(match.person.id)).slice(0, limit);
}

async function registryIndex(tx: Queryable): Promise<{ index: MatchIndex; persons: ReadonlyMap<string, RegistryPerson> }> {
  return registryIndexOf(tx).current(tx);
}

/**
 * The registry's persons in a screening's scope, taken from the registry index that person search keeps up to date
 * (./registry-index.ts) instead of replaying every person's events for each run. Re-screening the persons an append
 * changed (a background job per append, README "Background jobs") then costs those persons, not the registry: before,
 * every such job replayed all persons on the event loop, and searches and health checks waited for it.
 * Same persons as loadRegistryPersons (./registry-persons.ts), which stays the reference the index is tested against.
 */
import type { Queryable } from '../store/db.js';
import { registryIndexOf } from './registry-index.js';
import { subjectsOfCases, type PersonScope, type RegistryPerson } from './registry-persons.js';

export async function registryPersonsInScope(db: Queryable, scope: PersonScope = {}, now: Date = new Date()): Promise<RegistryPerson[]> {
  const { persons } = await registryIndexOf(db).current(db);
  let chosen: RegistryPerson[];
  if (scope.person !== undefined) {
    const person = persons.get(scope.person) ?? survivorOfAbsorbed(persons, scope.person);
    chosen = person ? [person] : [];
  } else {
    chosen = [...persons.values()];
  }
  if (scope.kind) {
    const survivorOf = survivorsByAbsorbed(persons);
    const inScope = new Set((await subjectsOfCases(db, scope.kind, scope.phase, now)).map((id) => survivorOf.get(id) ?? id));
    chosen = chosen.filter((person) => inScope.has(person.id));
  }
  return chosen.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The person another was merged into (the index holds survivors only, each with the ids merged into it). */
function survivorOfAbsorbed(persons: ReadonlyMap<string, RegistryPerson>, id: string): RegistryPerson | undefined {
  for (const person of persons.values()) if (person.absorbed.includes(id)) return person;
  return undefined;
}

function survivorsByAbsorbed(persons: ReadonlyMap<string, RegistryPerson>): Map<string, string> {
  return new Map([...persons.values()].flatMap((person) => person.absorbed.map((absorbed) => [absorbed, person.id] as const)));
}

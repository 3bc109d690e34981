/**
 * The registry's persons as matching sees them: every name (registered names and aliases, in any script), the
 * birth date and nationalities, and a hash of exactly that data, so a screening knows when a person changed.
 * A person merged into another is not matched on its own: its names count for the person it was merged into.
 */
import type { CaseKind, RecordedEvent } from '../domain/event.js';
import type { PersonState } from '../domain/person/state.js';
import { stateAt } from '../domain/replay.js';
import type { WatchlistEntry } from '../matching/api.js';
import type { Queryable } from '../store/db.js';
import { canonicalJson, sha256Hex } from '../store/canonical-json.js';
import { casesAt } from '../store/segments.js';
import { personEvents, unretractedData } from '../store/screening-reads.js';

export interface RegistryPerson {
  id: string;
  /** Own names first, then those of persons merged into this one. */
  names: string[];
  birthDate: string | null;
  nationalities: string[];
  /** SHA-256 of the data matching reads: names, birth date, nationalities. */
  dataHash: string;
  /** The persons merged into this one. */
  absorbed: string[];
}

export interface PersonScope {
  /** Only the persons a case of this kind is about (suspect, person, subjects), … */
  kind?: CaseKind;
  /** … in this phase on `date`, as the registry knows it now. */
  phase?: string;
  /** Only this person (or the person it was merged into). */
  person?: string;
}

/** The data fields naming the person a case is about (victims are named in a case, but it is not about them). */
const SUBJECT_FIELDS = ['suspect', 'person', 'subjects'] as const;

/**
 * The persons of the registry (all, or those in scope), as of now. Merged persons are left out and their names
 * added to the person they were merged into.
 */
export async function loadRegistryPersons(tx: Queryable, scope: PersonScope = {}, now: Date = new Date()): Promise<RegistryPerson[]> {
  const states = personStates(await personEvents(tx));
  const survivorOf = (id: string) => survivorIn(states, id);
  const absorbed = absorbedBySurvivor(states, states.keys());

  let ids: string[] = [...states.keys()].filter((id) => states.get(id)!.phase !== 'merged' || survivorOf(id) === id);
  if (scope.kind) {
    const inScope = new Set((await subjectsOfCases(tx, scope.kind, scope.phase, now)).map(survivorOf));
    ids = ids.filter((id) => inScope.has(id));
  }
  if (scope.person !== undefined) {
    const wanted = states.has(scope.person) ? survivorOf(scope.person) : scope.person;
    ids = ids.filter((id) => id === wanted);
  }
  return ids.sort().map((id) => registryPersonOf(id, states, absorbed.get(id) ?? []));
}

/** The state of each person stream (by person id) from its events in stream and log order; unopened ones left out. */
export function personStates(rows: readonly RecordedEvent[]): Map<string, PersonState> {
  const streams = new Map<string, RecordedEvent[]>();
  for (const row of rows) {
    const list = streams.get(row.stream);
    if (list) list.push(row);
    else streams.set(row.stream, [row]);
  }
  const states = new Map<string, PersonState>();
  for (const [stream, events] of streams) {
    const state = stateAt('person', events, '9999-12-31') as PersonState;
    if (state.phase !== 'not-opened') states.set(stream.slice('person/'.length), state);
  }
  return states;
}

/** The person `id` counts for: itself, or the end of its chain of merges. */
export function survivorIn(states: ReadonlyMap<string, PersonState>, id: string): string {
  let current = id;
  for (let hops = 0; hops < 100; hops++) {
    const next = states.get(current)?.mergedInto;
    if (!next || !states.has(next)) return current;
    current = next;
  }
  return current; // a cycle of merges: stop where we are rather than loop
}

/** The persons merged into each survivor, from the ids that may be merged (all, or those known to be). */
export function absorbedBySurvivor(states: ReadonlyMap<string, PersonState>, candidates: Iterable<string>): Map<string, string[]> {
  const absorbed = new Map<string, string[]>();
  for (const id of candidates) {
    if (states.get(id)?.phase !== 'merged') continue;
    const survivor = survivorIn(states, id);
    if (survivor !== id) absorbed.set(survivor, [...(absorbed.get(survivor) ?? []), id]);
  }
  return absorbed;
}

/** A survivor as matching sees it: its own names first, then those of the persons merged into it. */
export function registryPersonOf(id: string, states: ReadonlyMap<string, PersonState>, absorbedIds: readonly string[]): RegistryPerson {
  const own = states.get(id)!;
  const absorbed = [...absorbedIds].sort();
  const others = absorbed.map((other) => states.get(other)!);
  const names = [...new Set([...own.names, ...others.flatMap((state) => state.names)])];
  const nationalities = [...new Set([...own.nationalities, ...others.flatMap((state) => state.nationalities)])].sort();
  const birthDate = own.birthDate ?? others.find((state) => state.birthDate)?.birthDate ?? null;
  return { id, names, birthDate, nationalities, dataHash: personDataHash({ names, birthDate, nationalities }), absorbed };
}

/** The hash of what matching reads of a person; the order of names does not matter. */
export function personDataHash(data: { names: readonly string[]; birthDate: string | null; nationalities: readonly string[] }): string {
  return sha256Hex(canonicalJson({ names: [...data.names].sort(), birthDate: data.birthDate, nationalities: [...data.nationalities].sort() }));
}

/** A registry person in the shape the matcher indexes and screens. */
export function asMatchEntry(person: RegistryPerson): WatchlistEntry {
  return {
    id: person.id,
    names: person.names,
    ...(person.birthDate ? { birthDates: [person.birthDate] } : {}),
    ...(person.nationalities.length ? { nationalities: person.nationalities } : {}),
    kind: 'person',
  };
}

/** The persons the cases of a kind (in a phase, today) are about, from the events not retracted. */
export async function subjectsOfCases(tx: Queryable, kind: CaseKind, phase: string | undefined, now: Date): Promise<string[]> {
  const cases = await casesAt(tx, { kind, date: now.toISOString().slice(0, 10), asRecordedAt: now.toISOString(), ...(phase ? { phases: [phase] } : {}) });
  if (cases.length === 0) return [];
  const persons = new Set<string>();
  for (const data of await unretractedData(tx, cases.map((item) => item.stream))) {
    for (const field of SUBJECT_FIELDS) {
      const value = data[field];
      if (typeof value === 'string') persons.add(value);
      else if (Array.isArray(value)) for (const item of value) if (typeof item === 'string') persons.add(item);
    }
  }
  return [...persons];
}

/**
 * The match index over the registry's persons that person search uses, kept up to date instead of rebuilt: it
 * remembers the log position it reflects, and before a search reads what the log gained since — the person streams
 * with new events — and replaces only the entries of the persons those change (a merge changes the person merged
 * and the one it was merged into). One appended person costs one entry, not a new index of every person.
 *
 * The first build (and a rebuild, should the log ever shrink: a restore) reads every person and gives the event loop
 * back every few milliseconds (./time-slices.ts), so the server keeps answering meanwhile.
 *
 * One index per store object, shared by every search of the process; updates run one after the other. Whether it is
 * current is decided by the store's log position on every search, so several servers on one database never search
 * a stale index; a server that is told of new events (LISTEN/NOTIFY, src/store/notifications.ts) updates it ahead of
 * the next search.
 */
import type { RecordedEvent } from '../domain/event.js';
import type { PersonState } from '../domain/person/state.js';
import { stateAt } from '../domain/replay.js';
import { MatchIndex } from '../matching/api.js';
import type { Queryable } from '../store/db.js';
import { logPosition } from '../store/event-store.js';
import { personEvents, personEventsOf, personStreamsChanged } from '../store/screening-reads.js';
import { noteIndex } from './match-index-cache.js';
import { asMatchEntry, registryPersonOf, survivorIn, type RegistryPerson } from './registry-persons.js';
import { timeSlicer } from './time-slices.js';

/** At least this many replaced entries (and more than there are persons) before the index is built anew. */
const REBUILD_AFTER_UPDATES = 50_000;

export interface RegistrySnapshot {
  index: MatchIndex;
  persons: ReadonlyMap<string, RegistryPerson>;
  /** The log position the index reflects. */
  position: number;
}

export class RegistryIndex {
  private index = new MatchIndex();
  private states = new Map<string, PersonState>();
  /** The persons merged into another (their survivor may change when any person on the chain changes). */
  private merged = new Set<string>();
  private persons = new Map<string, RegistryPerson>();
  private position = -1;
  private turn: Promise<unknown> = Promise.resolve();
  /** How many persons the updates so far replaced (tests and metrics). */
  updatedPersons = 0;
  builds = 0;
  /** updatedPersons at the last build: a removed entry leaves a slot behind, so many updates call for a rebuild. */
  private updatedAtBuild = 0;

  /** The index as of the store's current log position (updated first when the log grew). */
  current(tx: Queryable): Promise<RegistrySnapshot> {
    const next = this.turn.then(() => this.bringUpToDate(tx));
    this.turn = next.catch(() => undefined);
    return next;
  }

  private async bringUpToDate(tx: Queryable): Promise<RegistrySnapshot> {
    const position = await logPosition(tx);
    const worn = this.updatedPersons - this.updatedAtBuild > Math.max(REBUILD_AFTER_UPDATES, this.persons.size);
    if (position < this.position || this.position < 0 || worn) await this.build(tx, position);
    else if (position > this.position) await this.update(tx, position);
    noteIndex(this, { kind: 'registry', entries: this.index.size, builtAt: Date.now() });
    return { index: this.index, persons: this.persons, position: this.position };
  }

  private async build(tx: Queryable, position: number): Promise<void> {
    const slice = timeSlicer();
    // Read up to `position` only: what is appended meanwhile comes with the next update.
    const rows = (await personEvents(tx)).filter((row) => row.seq <= position);
    const states = await statesInSlices(rows, slice);
    const merged = new Set([...states].filter(([, state]) => state.phase === 'merged').map(([id]) => id));
    const absorbed = new Map<string, string[]>();
    for (const id of merged) {
      const survivor = survivorIn(states, id);
      if (survivor !== id) absorbed.set(survivor, [...(absorbed.get(survivor) ?? []), id]);
    }
    const index = new MatchIndex();
    const persons = new Map<string, RegistryPerson>();
    for (const id of [...states.keys()].sort()) {
      if (merged.has(id) && survivorIn(states, id) !== id) continue;
      const person = registryPersonOf(id, states, absorbed.get(id) ?? []);
      persons.set(id, person);
      index.add(asMatchEntry(person));
      await slice();
    }
    Object.assign(this, { index, states, merged, persons, position });
    this.builds += 1;
    this.updatedAtBuild = this.updatedPersons;
  }

  private async update(tx: Queryable, position: number): Promise<void> {
    const streams = await personStreamsChanged(tx, this.position, position);
    if (streams.length > 0) {
      const ids = streams.map((stream) => stream.slice('person/'.length));
      const before = ids.map((id) => survivorIn(this.states, id));
      const events = (await personEventsOf(tx, streams)).filter((row) => row.seq <= position);
      const fresh = await statesInSlices(events, timeSlicer());
      // A person whose events are gone was erased (docs/retention.md, "Erasure"): MatchIndex.remove would leave their
      // name keys in the postings, so the index is rebuilt without them instead.
      if (ids.some((id) => !fresh.has(id) && this.states.has(id))) {
        await this.build(tx, position);
        return;
      }
      for (const id of ids) {
        const state = fresh.get(id);
        if (state) this.states.set(id, state);
        else this.states.delete(id);
        if (state?.phase === 'merged') this.merged.add(id);
        else this.merged.delete(id);
      }
      const after = ids.map((id) => survivorIn(this.states, id));
      for (const id of new Set([...ids, ...before, ...after])) this.refreshPerson(id);
    }
    this.position = position;
  }

  /** Puts the person's entry as the states now say, or takes it out (gone, or merged into another). */
  private refreshPerson(id: string): void {
    if (!this.states.has(id) || survivorIn(this.states, id) !== id) {
      if (this.persons.delete(id)) this.index.remove(id);
      return;
    }
    const absorbed = [...this.merged].filter((other) => other !== id && survivorIn(this.states, other) === id);
    const person = registryPersonOf(id, this.states, absorbed);
    const earlier = this.persons.get(id);
    this.persons.set(id, person);
    if (earlier?.dataHash !== person.dataHash) {
      this.index.add(asMatchEntry(person));
      this.updatedPersons += 1;
    }
  }
}

/** The person states by id from events in stream and log order, a stream at a time between turns of the event loop. */
async function statesInSlices(rows: readonly RecordedEvent[], slice: () => Promise<void> | undefined): Promise<Map<string, PersonState>> {
  const states = new Map<string, PersonState>();
  let start = 0;
  while (start < rows.length) {
    const stream = rows[start]!.stream;
    let end = start + 1;
    while (end < rows.length && rows[end]!.stream === stream) end++;
    const state = stateAt('person', rows.slice(start, end), '9999-12-31') as PersonState;
    if (state.phase !== 'not-opened') states.set(stream.slice('person/'.length), state);
    start = end;
    await slice();
  }
  return states;
}

const indexes = new WeakMap<object, RegistryIndex>();

/** The registry index of a store, created on first use. */
export function registryIndexOf(store: object): RegistryIndex {
  let index = indexes.get(store);
  if (!index) indexes.set(store, (index = new RegistryIndex()));
  return index;
}

/**
 * Merging two registry persons found to be the same person, and undoing it. A merge needs a confirmed
 * cross-reference hit between them: matching proposes, a person decides, and only then do the records join. The
 * merge is an event (person.merged, an extension of interchange format v1) on the absorbed person's stream; undoing
 * it retracts that event, so the history shows both.
 */
import { ImketenError } from '../domain/errors.js';
import type { RecordedEvent } from '../domain/event.js';
import { RETRACTED } from '../domain/events/retraction.js';
import type { PersonState } from '../domain/person/state.js';
import { stateAt } from '../domain/replay.js';
import { operatorImport } from '../import/operator-import.js';
import { textSource } from '../import/sources.js';
import { loadPolicy, type Policy } from '../policy/policy.js';
import { registryFacts } from '../policy/registry-facts.js';
import { writeFacts } from './write-facts.js';
import { confirmedMatchProblem } from '../policy/write-policy.js';
import type { Db } from '../store/db.js';
import { readStreams } from '../store/event-store.js';

export interface MergeInput {
  /** The person absorbed: it lives on in `into`. */
  person: string;
  into: string;
  reason: string;
  now: () => Date;
  /** The access policy the reviewer of the match is checked against (default config/policy.json). */
  policy?: Policy;
}

/** @returns the id of the person.merged event */
export async function mergePersons(db: Db, input: MergeInput): Promise<{ eventId: string }> {
  if (input.person === input.into) throw new ImketenError('INVALID_INPUT', `A person cannot be merged into itself (${input.person}).`);
  if (!input.reason.trim()) throw new ImketenError('INVALID_INPUT', 'Give the reason for the merge: it is recorded in the event.');
  const states = await personStates(db, [input.person, input.into]);
  for (const id of [input.person, input.into]) {
    const state = states.get(id);
    if (!state) throw new ImketenError('CASE_NOT_FOUND', `No person ${id} in the registry.`);
    if (state.phase === 'merged') {
      throw new ImketenError('TRANSITION_NOT_ALLOWED', `${id} was already merged into ${state.mergedInto} on ${state.mergedOn}: merge with ${state.mergedInto} instead, or undo that merge first.`);
    }
  }
  const now = input.now();
  // the same rule as a merge over the API (src/policy/write-policy.ts): a confirmed match whose reviewer reads both
  const problem = await confirmedMatchProblem(input.policy ?? loadPolicy(), input.person, input.into, {
    date: now.toISOString().slice(0, 10), facts: registryFacts(db), writes: writeFacts(db),
  });
  if (problem) {
    throw new ImketenError('INVALID_INPUT', `${problem} (\`imketen persons cross-reference\`, then \`imketen hits confirm HIT --reason ...\`).`);
  }
  const eventId = `${input.person}-merged-${compactTime(now)}`;
  await operatorImport(db, [textSource('merge', JSON.stringify({
    id: eventId, stream: `person/${input.person}`, type: 'person.merged', date: now.toISOString().slice(0, 10), data: { into: input.into, reason: input.reason.trim() },
  }))], { now: () => now, command: 'imketen persons merge' });
  return { eventId };
}

/** Undoes the standing merge of a person by retracting its person.merged event. */
export async function undoMerge(db: Db, input: { person: string; reason: string; now: () => Date }): Promise<{ eventId: string; retracted: string; wasMergedInto: string }> {
  if (!input.reason.trim()) throw new ImketenError('INVALID_INPUT', 'Give the reason for undoing the merge: it is recorded in the retraction.');
  const events = (await readStreams(db, [`person/${input.person}`])).get(`person/${input.person}`) ?? [];
  if (events.length === 0) throw new ImketenError('CASE_NOT_FOUND', `No person ${input.person} in the registry.`);
  const state = stateAt('person', events, '9999-12-31') as PersonState;
  if (state.phase !== 'merged') throw new ImketenError('TRANSITION_NOT_ALLOWED', `${input.person} is not merged into another person: there is nothing to undo.`);
  const retracted = new Set(events.filter((event) => event.type === RETRACTED).map((event) => String(event.data.event)));
  const merge = events.filter((event) => event.type === 'person.merged' && !retracted.has(event.id)).at(-1)!;
  const now = input.now();
  const eventId = `${input.person}-unmerged-${compactTime(now)}`;
  await operatorImport(db, [textSource('undo merge', JSON.stringify({
    id: eventId, stream: `person/${input.person}`, type: RETRACTED, date: now.toISOString().slice(0, 10), data: { event: merge.id, reason: input.reason.trim() },
  }))], { now: () => now, command: 'imketen persons unmerge' });
  return { eventId, retracted: merge.id, wasMergedInto: state.mergedInto! };
}

async function personStates(db: Db, ids: readonly string[]): Promise<Map<string, PersonState>> {
  const streams = await readStreams(db, ids.map((id) => `person/${id}`));
  const states = new Map<string, PersonState>();
  for (const id of ids) {
    const events: RecordedEvent[] = streams.get(`person/${id}`) ?? [];
    if (events.length > 0) states.set(id, stateAt('person', events, '9999-12-31') as PersonState);
  }
  return states;
}

function compactTime(now: Date): string {
  return now.toISOString().replace(/[-:.]/g, '').replace('T', '-').replace('Z', '');
}

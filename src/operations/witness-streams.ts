/**
 * The witnesses as a reader sees them (README, "Witnesses"): each witness stream replayed on the date asked, as known
 * at the moment asked, and its identity withheld unless the reader may see it (src/domain/witness/identity.ts).
 * Shared by the witness list, the risk lists and the stream read; the caller says whom the reader may identify.
 */
import type { AsOf } from '../domain/as-of.js';
import type { RecordedEvent } from '../domain/event.js';
import { stateAt } from '../domain/replay.js';
import { identityOf, identityWithheld, type WitnessIdentity } from '../domain/witness/identity.js';
import type { WitnessState } from '../domain/witness/state.js';
import type { Queryable } from '../store/db.js';
import { readStreams } from '../store/event-store.js';

/** Whether the reader may see the identity of a protected witness of this case (`criminal/…`, `exclusion/…`). */
export type MayIdentify = (caseStream: string) => boolean;
/** The operator at the command line reads the registry itself: every identity. */
export const OPERATOR_IDENTIFIES: MayIdentify = () => true;

/** The far legal date: the state with every event the registry knows now, for whether a witness is protected. */
const LATEST = '9999-12-31';

export interface ReadWitness {
  id: string;
  stream: string;
  state: WitnessState;
  identity: WitnessIdentity;
  events: RecordedEvent[];
}

/** The witness streams given, as the reader sees them on the date; streams not registered then are left out. */
export async function readWitnesses(tx: Queryable, streams: readonly string[], asOf: AsOf, mayIdentify: MayIdentify): Promise<ReadWitness[]> {
  const byStream = await readStreams(tx, streams);
  const witnesses: ReadWitness[] = [];
  for (const stream of streams) {
    const events = byStream.get(stream) ?? [];
    const state = stateAt('witness', events, asOf.date, asOf.recordedAt);
    if (state.phase !== 'registered' || !state.caseStream) continue;
    const latest = stateAt('witness', events, LATEST);
    const withheld = identityWithheld(latest, mayIdentify(latest.caseStream ?? state.caseStream)) || identityWithheld(state, mayIdentify(state.caseStream));
    witnesses.push({ id: stream.slice('witness/'.length), stream, state, identity: identityOf(state, withheld), events });
  }
  return witnesses;
}

/** Whether a witness stream's identity is withheld from the reader, as the registry knows it now. */
export function withheldNow(events: readonly RecordedEvent[], mayIdentify: MayIdentify): boolean {
  const latest = stateAt('witness', events, LATEST);
  return latest.caseStream !== null && identityWithheld(latest, mayIdentify(latest.caseStream));
}

/** Of the given streams, the witness streams whose identity is withheld from the reader (exports, lists of events). */
export async function withheldWitnessStreams(tx: Queryable, streams: readonly string[], mayIdentify: MayIdentify): Promise<Set<string>> {
  const witnessStreams = [...new Set(streams.filter((stream) => stream.startsWith('witness/')))];
  if (witnessStreams.length === 0) return new Set();
  const byStream = await readStreams(tx, witnessStreams);
  return new Set(witnessStreams.filter((stream) => withheldNow(byStream.get(stream) ?? [], mayIdentify)));
}

/**
 * Replay: the state of a stream, and its history, from its stored events (docs/domain.md §4–§5). The store calls
 * `replayStream` before it accepts an event; reports read `segments` (valid time) and `bitemporalSegments`
 * (valid time × transaction time, for figures "as the registry knew it at time T").
 */
import { compareEvents } from './event.js';
import type { RecordedEvent, StreamKind } from './event.js';
import { RETRACTED } from './events/event-types.js';
import { NOT_OPENED } from './machine.js';
import type { Attributes, StreamState } from './machine.js';
import { MACHINES } from './machines.js';
import type { StateByKind, StateMachine } from './machines.js';

/** A stretch of valid time in which a stream's phase and attributes did not change. */
export interface Segment {
  /** The first day of the stretch, YYYY-MM-DD. */
  from: string;
  /** The day the next change took effect (exclusive), or null while it lasts. */
  until: string | null;
  phase: string;
  attributes: Attributes;
  /** The event that brought the stream into this phase and these attributes. */
  sinceEventId: string;
}

/** A segment as the registry knew it during a stretch of transaction time [recordedFrom, recordedUntil). */
export interface BitemporalSegment extends Segment {
  recordedFrom: string;
  /** null: the registry still knows it so. */
  recordedUntil: string | null;
}

export type ReplayFailureCode = 'TRANSITION_NOT_ALLOWED' | 'INVALID_RETRACTION';

export type ReplayResult<State = StreamState> =
  | { ok: true; state: State; segments: Segment[] }
  | { ok: false; eventId: string; code: ReplayFailureCode; message: string };

type AnyMachine = StateMachine<StreamState, RecordedEvent>;

function machineOf(kind: StreamKind): AnyMachine {
  // Safe: every event reaching a machine passed validateEvent and is checked against `eventTypes` below.
  return MACHINES[kind] as unknown as AnyMachine;
}

/**
 * Replays all stored events of one stream, retractions included: drops each retraction and the event it
 * retracts, orders the rest (date, recordedAt, arrival), checks every event against the state machine and
 * evolves. The first refused event or invalid retraction ends the replay with its id and a message.
 */
export function replayStream<Kind extends StreamKind>(
  kind: Kind,
  events: readonly RecordedEvent[],
): ReplayResult<StateByKind[Kind]> {
  const retracted = new Set<string>();
  const byId = new Map<string, RecordedEvent>();
  for (const event of events) byId.set(event.id, event);
  const retractions = events.filter((event) => event.type === RETRACTED).sort((a, b) => a.seq - b.seq);
  for (const retraction of retractions) {
    const targetId = retraction.data.event;
    const target = typeof targetId === 'string' ? byId.get(targetId) : undefined;
    const fail = (message: string) => ({ ok: false as const, eventId: retraction.id, code: 'INVALID_RETRACTION' as const, message });
    if (!target || target.seq >= retraction.seq) {
      return fail(`retraction ${retraction.id} must name an earlier event of this stream; ${String(targetId)} is not one`);
    }
    if (target.type === RETRACTED) {
      return fail(`retraction ${retraction.id} names another retraction (${target.id}): a retraction cannot be retracted; to restore the event, record it again under a new id`);
    }
    if (retracted.has(target.id)) return fail(`event ${target.id} was already retracted; retraction ${retraction.id} is redundant`);
    retracted.add(target.id);
  }

  const visible = events.filter((event) => event.type !== RETRACTED && !retracted.has(event.id)).sort(compareEvents);
  const trace = extendTrace(machineOf(kind), kind, undefined, visible, false);
  if ('failure' in trace) return trace.failure;
  return { ok: true, state: trace.state as StateByKind[Kind], segments: segmentsOf(trace) };
}

/** The segment in force on a date, if the stream existed then. */
export function segmentAt(segments: readonly Segment[], date: string): Segment | undefined {
  for (const segment of segments) {
    if (segment.from <= date && (segment.until === null || date < segment.until)) return segment;
  }
  return undefined;
}

/**
 * The state of a stream on a date, as the registry knew it at `asRecordedAt` (default: everything it knows).
 * Lenient: an event refused by the state machine is skipped, since past knowledge may hold invalid versions.
 */
export function stateAt<Kind extends StreamKind>(
  kind: Kind,
  events: readonly RecordedEvent[],
  date: string,
  asRecordedAt?: string,
): StateByKind[Kind] {
  const known = asRecordedAt === undefined ? events : events.filter((event) => event.recordedAt <= asRecordedAt);
  const visible = visibleEvents(known).filter((event) => event.date <= date);
  const trace = extendTrace(machineOf(kind), kind, undefined, visible, true);
  return ('failure' in trace ? machineOf(kind).initialState : trace.state) as StateByKind[Kind];
}

/**
 * The valid-time history of a stream for every version of the registry's knowledge of it: one version per
 * distinct recordedAt, holding the events recorded until then minus the retractions recorded until then and
 * their targets. Each version is replayed leniently. A segment that stays the same across consecutive versions
 * is one row; `recordedUntil` is the recordedAt of the first version that no longer has it.
 */
export function bitemporalSegments(kind: StreamKind, events: readonly RecordedEvent[]): BitemporalSegment[] {
  const machine = machineOf(kind);
  const sorted = [...events].sort(compareEvents);
  const versions = [...new Set(events.map((event) => event.recordedAt))].sort();
  const rows: BitemporalSegment[] = [];
  // The rows of the previous version, in the order of their drafts (by valid-time `from`).
  let open: Array<{ draft: DraftSegment; row: BitemporalSegment }> = [];
  let trace: Trace | undefined;

  for (const recordedAt of versions) {
    const known = sorted.filter((event) => event.recordedAt <= recordedAt);
    const result = extendTrace(machine, kind, trace, withoutRetracted(known), true);
    if ('failure' in result) continue; // cannot happen when lenient; keeps the types honest
    trace = result;

    // Both lists are ordered by `from`, and `from` is unique within a version: one walk pairs them up.
    const next: typeof open = [];
    let previous = 0;
    for (const draft of draftSegments(trace)) {
      while (previous < open.length && (open[previous] as (typeof open)[number]).draft.from < draft.from) {
        (open[previous++] as (typeof open)[number]).row.recordedUntil = recordedAt;
      }
      const candidate = open[previous];
      if (candidate && candidate.draft.from === draft.from) {
        previous++;
        if (candidate.draft.until === draft.until && candidate.draft.key === draft.key) {
          next.push(candidate);
          continue;
        }
        candidate.row.recordedUntil = recordedAt;
      }
      const state = trace.states[draft.stateIndex] as StreamState;
      const row: BitemporalSegment = {
        from: draft.from,
        until: draft.until,
        phase: state.phase,
        attributes: state.attributes,
        sinceEventId: draft.sinceEventId,
        recordedFrom: recordedAt,
        recordedUntil: null,
      };
      rows.push(row);
      next.push({ draft, row });
    }
    while (previous < open.length) (open[previous++] as (typeof open)[number]).row.recordedUntil = recordedAt;
    open = next;
  }
  return rows;
}

/** The events a body of knowledge shows: without retractions and without the events they validly retract. */
/** The events as known: retracted ones and their retractions left out, in stream order. */
export function visibleEvents(known: readonly RecordedEvent[]): RecordedEvent[] {
  return withoutRetracted([...known].sort(compareEvents));
}

/** `visibleEvents` for a list already in stream order, which it keeps. */
function withoutRetracted(sorted: readonly RecordedEvent[]): RecordedEvent[] {
  let retracted: Set<string> | undefined;
  for (const event of sorted) {
    if (event.type !== RETRACTED) continue;
    const target = sorted.find((candidate) => candidate.id === event.data.event);
    if (target && target.seq < event.seq && target.type !== RETRACTED) (retracted ??= new Set()).add(target.id);
  }
  return sorted.filter((event) => event.type !== RETRACTED && !retracted?.has(event.id));
}

/**
 * The replay of a sorted list of events, event by event: `states[i]` and `keys[i]` after `events[i]`. Kept so
 * that the next version of the same stream only replays from the first event that differs: in the common case
 * (events arrive in date order) that is just the new events.
 */
interface Trace {
  initialKey: string;
  events: readonly RecordedEvent[];
  states: StreamState[];
  keys: string[];
  state: StreamState;
}

function extendTrace(
  machine: AnyMachine,
  kind: StreamKind,
  previous: Trace | undefined,
  events: readonly RecordedEvent[],
  lenient: boolean,
): Trace | { failure: ReplayResult<never> & { ok: false } } {
  const initialKey = previous?.initialKey ?? segmentKey(machine.initialState.phase, machine.initialState.attributes);
  let shared = 0;
  if (previous) {
    const limit = Math.min(previous.events.length, events.length);
    while (shared < limit && previous.events[shared] === events[shared]) shared++;
  }
  const states = previous ? previous.states.slice(0, shared) : [];
  const keys = previous ? previous.keys.slice(0, shared) : [];
  let state = shared > 0 ? (states[shared - 1] as StreamState) : machine.initialState;
  let key = shared > 0 ? (keys[shared - 1] as string) : initialKey;

  for (let index = shared; index < events.length; index++) {
    const event = events[index] as RecordedEvent;
    const refusal = machine.eventTypes.has(event.type)
      ? machine.checkTransition(state, event)
      : { message: `event type ${event.type} does not belong on a ${kind} stream` };
    if (refusal) {
      if (!lenient) {
        return { failure: { ok: false, eventId: event.id, code: 'TRANSITION_NOT_ALLOWED', message: refusal.message } };
      }
    } else {
      state = machine.evolve(state, event);
      key = segmentKey(state.phase, state.attributes);
    }
    states.push(state);
    keys.push(key);
  }
  return { initialKey, events, states, keys, state };
}

/** A segment before it becomes one: its state is known by index into the trace, its identity by key. */
interface DraftSegment {
  from: string;
  until: string | null;
  key: string;
  stateIndex: number;
  sinceEventId: string;
}

/**
 * The segments of a trace. The state at a date includes every event dated on or before it, so only the state
 * at the end of each date counts; a date whose end state equals the current segment's starts no new segment.
 */
function draftSegments(trace: Trace): DraftSegment[] {
  const { events, states, keys } = trace;
  const drafts: DraftSegment[] = [];
  let current: DraftSegment | undefined;
  let currentKey = trace.initialKey;
  let index = 0;
  while (index < events.length) {
    const date = (events[index] as RecordedEvent).date;
    let changedBy: string | undefined;
    let before = index === 0 ? trace.initialKey : (keys[index - 1] as string);
    for (; index < events.length && (events[index] as RecordedEvent).date === date; index++) {
      const key = keys[index] as string;
      if (key !== before) changedBy = (events[index] as RecordedEvent).id;
      before = key;
    }
    const endKey = keys[index - 1] as string;
    if (endKey === currentKey) continue;
    if (current) current.until = date;
    currentKey = endKey;
    if ((states[index - 1] as StreamState).phase === NOT_OPENED) {
      current = undefined;
      continue;
    }
    current = { from: date, until: null, key: endKey, stateIndex: index - 1, sinceEventId: changedBy ?? (events[index - 1] as RecordedEvent).id };
    drafts.push(current);
  }
  return drafts;
}

function toSegment(trace: Trace, draft: DraftSegment): Segment {
  const state = trace.states[draft.stateIndex] as StreamState;
  return { from: draft.from, until: draft.until, phase: state.phase, attributes: state.attributes, sinceEventId: draft.sinceEventId };
}

function segmentsOf(trace: Trace): Segment[] {
  return draftSegments(trace).map((draft) => toSegment(trace, draft));
}

function segmentKey(phase: string, attributes: Attributes): string {
  return `${phase}\u0000${JSON.stringify(attributes)}`;
}

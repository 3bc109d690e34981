/**
 * The state machine of every stream kind, looked up by kind: the one place the replay learns which `evolve`
 * and `checkTransition` belong to a stream.
 */
import type { StreamKind } from './event.js';
import type { CriminalEvent } from './criminal/events.js';
import * as criminalState from './criminal/state.js';
import type { CriminalState } from './criminal/state.js';
import * as criminalTransitions from './criminal/transitions.js';
import type { DepartureEvent } from './departure/events.js';
import * as departureState from './departure/state.js';
import type { DepartureState } from './departure/state.js';
import * as departureTransitions from './departure/transitions.js';
import type { EvidenceEvent } from './evidence/events.js';
import * as evidenceState from './evidence/state.js';
import type { EvidenceState } from './evidence/state.js';
import * as evidenceTransitions from './evidence/transitions.js';
import { EVENT_TYPES_BY_KIND } from './events/event-types.js';
import type { ExclusionEvent } from './exclusion/events.js';
import * as exclusionState from './exclusion/state.js';
import type { ExclusionState } from './exclusion/state.js';
import * as exclusionTransitions from './exclusion/transitions.js';
import type { ExtraditionEvent } from './extradition/events.js';
import * as extraditionState from './extradition/state.js';
import type { ExtraditionState } from './extradition/state.js';
import * as extraditionTransitions from './extradition/transitions.js';
import type { IntakeEvent } from './intake/events.js';
import * as intakeState from './intake/state.js';
import type { IntakeState } from './intake/state.js';
import * as intakeTransitions from './intake/transitions.js';
import type { TransitionError } from './machine.js';
import type { MlaEvent } from './mla/events.js';
import * as mlaState from './mla/state.js';
import type { MlaState } from './mla/state.js';
import * as mlaTransitions from './mla/transitions.js';
import type { PersonEvent } from './person/events.js';
import * as personState from './person/state.js';
import type { PersonState } from './person/state.js';
import * as personTransitions from './person/transitions.js';
import type { TaskEvent } from './task/events.js';
import * as taskState from './task/state.js';
import type { TaskState } from './task/state.js';
import * as taskTransitions from './task/transitions.js';
import type { WitnessEvent } from './witness/events.js';
import * as witnessState from './witness/state.js';
import type { WitnessState } from './witness/state.js';
import * as witnessTransitions from './witness/transitions.js';

export interface StateByKind {
  person: PersonState;
  criminal: CriminalState;
  extradition: ExtraditionState;
  exclusion: ExclusionState;
  departure: DepartureState;
  intake: IntakeState;
  mla: MlaState;
  evidence: EvidenceState;
  witness: WitnessState;
  task: TaskState;
}

export interface EventByKind {
  person: PersonEvent;
  criminal: CriminalEvent;
  extradition: ExtraditionEvent;
  exclusion: ExclusionEvent;
  departure: DepartureEvent;
  intake: IntakeEvent;
  mla: MlaEvent;
  evidence: EvidenceEvent;
  witness: WitnessEvent;
  task: TaskEvent;
}

export type AnyStreamState = StateByKind[StreamKind];

export interface StateMachine<State, Event> {
  initialState: State;
  evolve(state: State, event: Event): State;
  checkTransition(state: State, event: Event): TransitionError | undefined;
  /** The event types this machine understands (`retracted` is handled by the replay, not here). */
  eventTypes: ReadonlySet<string>;
}

function machine<State, Event>(
  kind: StreamKind,
  stateModule: { initialState: State; evolve(state: State, event: Event): State },
  transitions: { checkTransition(state: State, event: Event): TransitionError | undefined },
): StateMachine<State, Event> {
  return {
    initialState: stateModule.initialState,
    evolve: stateModule.evolve,
    checkTransition: transitions.checkTransition,
    eventTypes: new Set(EVENT_TYPES_BY_KIND[kind]),
  };
}

export const MACHINES: { readonly [Kind in StreamKind]: StateMachine<StateByKind[Kind], EventByKind[Kind]> } = {
  person: machine('person', personState, personTransitions),
  criminal: machine('criminal', criminalState, criminalTransitions),
  extradition: machine('extradition', extraditionState, extraditionTransitions),
  exclusion: machine('exclusion', exclusionState, exclusionTransitions),
  departure: machine('departure', departureState, departureTransitions),
  intake: machine('intake', intakeState, intakeTransitions),
  mla: machine('mla', mlaState, mlaTransitions),
  evidence: machine('evidence', evidenceState, evidenceTransitions),
  witness: machine('witness', witnessState, witnessTransitions),
  task: machine('task', taskState, taskTransitions),
};

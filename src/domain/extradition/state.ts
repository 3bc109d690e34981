/** The state of an extradition case (uitlevering): the proceedings it is in and, at the end, its outcome. */
import { assertNever, NOT_OPENED } from '../machine.js';
import type { Attributes } from '../machine.js';
import type { EXTRADITION_OUTCOMES, ExtraditionEvent, ExtraditionProceeding } from './events.js';

export type ExtraditionPhase = typeof NOT_OPENED | 'received' | ExtraditionProceeding | 'concluded';
export type ExtraditionOutcome = (typeof EXTRADITION_OUTCOMES)[number];

export interface ExtraditionState {
  phase: ExtraditionPhase;
  attributes: Attributes;
  person: string | null;
  requestingState: string | null;
  receivedOn: string | null;
  outcome: ExtraditionOutcome | null;
  concludedOn: string | null;
}

export const initialState: ExtraditionState = {
  phase: NOT_OPENED,
  attributes: {},
  person: null,
  requestingState: null,
  receivedOn: null,
  outcome: null,
  concludedOn: null,
};

export function evolve(state: ExtraditionState, event: ExtraditionEvent): ExtraditionState {
  const next = apply(state, event);
  return { ...next, attributes: { requestingState: next.requestingState, outcome: next.outcome } };
}

function apply(state: ExtraditionState, event: ExtraditionEvent): ExtraditionState {
  switch (event.type) {
    case 'extradition.requested':
      return {
        ...state,
        phase: 'received',
        person: event.data.person,
        requestingState: event.data.requestingState,
        receivedOn: event.date,
      };
    case 'extradition.phase-entered':
      return { ...state, phase: event.data.phase };
    case 'extradition.concluded':
      return { ...state, phase: 'concluded', outcome: event.data.outcome, concludedOn: event.date };
    default:
      return assertNever(event);
  }
}

/** The state of a report intake (aangifte / melding): received, then assessed with an outcome. */
import { assertNever, NOT_OPENED } from '../machine.js';
import type { Attributes } from '../machine.js';
import type { INTAKE_OUTCOMES, IntakeEvent } from './events.js';

export type IntakePhase = typeof NOT_OPENED | 'received' | 'assessed';
export type IntakeOutcome = (typeof INTAKE_OUTCOMES)[number];

export interface IntakeState {
  phase: IntakePhase;
  attributes: Attributes;
  from: string | null;
  situation: string | null;
  subjects: string[];
  receivedOn: string | null;
  outcome: IntakeOutcome | null;
  criminalCase: string | null;
  assessedOn: string | null;
}

export const initialState: IntakeState = {
  phase: NOT_OPENED,
  attributes: {},
  from: null,
  situation: null,
  subjects: [],
  receivedOn: null,
  outcome: null,
  criminalCase: null,
  assessedOn: null,
};

export function evolve(state: IntakeState, event: IntakeEvent): IntakeState {
  const next = apply(state, event);
  return { ...next, attributes: { outcome: next.outcome } };
}

function apply(state: IntakeState, event: IntakeEvent): IntakeState {
  switch (event.type) {
    case 'intake.received':
      return {
        ...state,
        phase: 'received',
        from: event.data.from ?? null,
        situation: event.data.situation ?? null,
        subjects: event.data.subjects ?? [],
        receivedOn: event.date,
      };
    case 'intake.assessed':
      return {
        ...state,
        phase: 'assessed',
        outcome: event.data.outcome,
        criminalCase: event.data.criminalCase ?? null,
        assessedOn: event.date,
      };
    default:
      return assertNever(event);
  }
}

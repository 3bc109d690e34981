/**
 * The state of a departure dossier (DT&V 1F dossier). The Article 3 barrier is false until an assessment says
 * it is present; it may change while the dossier is open (R7: reassessment when a country's situation changes).
 */
import { assertNever, NOT_OPENED } from '../machine.js';
import type { Attributes } from '../machine.js';
import type { DepartureEvent, DepartureMode } from './events.js';

export type DeparturePhase = typeof NOT_OPENED | 'open' | 'departed' | 'closed';

export interface DepartureState {
  phase: DeparturePhase;
  attributes: Attributes;
  person: string | null;
  exclusionCase: string | null;
  openedOn: string | null;
  article3Barrier: boolean;
  /** The date of the last assessment of the Article 3 barrier, if any. */
  article3AssessedOn: string | null;
  mode: DepartureMode | null;
  endedOn: string | null;
  closedReason: string | null;
}

export const initialState: DepartureState = {
  phase: NOT_OPENED,
  attributes: {},
  person: null,
  exclusionCase: null,
  openedOn: null,
  article3Barrier: false,
  article3AssessedOn: null,
  mode: null,
  endedOn: null,
  closedReason: null,
};

export function evolve(state: DepartureState, event: DepartureEvent): DepartureState {
  const next = apply(state, event);
  return { ...next, attributes: { article3Barrier: next.article3Barrier, mode: next.mode } };
}

function apply(state: DepartureState, event: DepartureEvent): DepartureState {
  switch (event.type) {
    case 'departure.opened':
      return {
        ...state,
        phase: 'open',
        person: event.data.person,
        exclusionCase: event.data.exclusionCase ?? null,
        openedOn: event.date,
      };
    case 'departure.article3-barrier':
      return { ...state, article3Barrier: event.data.present, article3AssessedOn: event.date };
    case 'departure.departed':
      return { ...state, phase: 'departed', mode: event.data.mode, endedOn: event.date };
    case 'departure.closed':
      return { ...state, phase: 'closed', closedReason: event.data.reason, endedOn: event.date };
    default:
      return assertNever(event);
  }
}

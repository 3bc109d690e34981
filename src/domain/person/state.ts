/** The state of a person stream: the names (any script) and identifying details the chain knows. */
import { assertNever, NOT_OPENED } from '../machine.js';
import type { Attributes } from '../machine.js';
import type { PersonEvent } from './events.js';

/** `merged`: the person was found to be another registered person and lives on there (`mergedInto`). */
export type PersonPhase = typeof NOT_OPENED | 'registered' | 'merged';

export interface PersonState {
  phase: PersonPhase;
  attributes: Attributes;
  /** The registered names first, then the aliases in the order they were added; no duplicates. */
  names: string[];
  birthDate: string | null;
  nationalities: string[];
  gender: string | null;
  registeredOn: string | null;
  /** The person this one was merged into, and the legal date of the merge; null unless merged. */
  mergedInto: string | null;
  mergedOn: string | null;
  /** The legal holds placed on the person, in order (docs/retention.md); `liftedOn` null while it stands. */
  legalHolds: PersonLegalHold[];
}

export interface PersonLegalHold {
  eventId: string;
  placedOn: string;
  reason: string;
  legalGround: string | null;
  liftedOn: string | null;
}

export const initialState: PersonState = {
  phase: NOT_OPENED,
  attributes: {},
  names: [],
  birthDate: null,
  nationalities: [],
  gender: null,
  registeredOn: null,
  mergedInto: null,
  mergedOn: null,
  legalHolds: [],
};

export function evolve(state: PersonState, event: PersonEvent): PersonState {
  const next = apply(state, event);
  return { ...next, attributes: { nameCount: next.names.length, ...(next.mergedInto ? { mergedInto: next.mergedInto } : {}) } };
}

function apply(state: PersonState, event: PersonEvent): PersonState {
  switch (event.type) {
    case 'person.registered':
      return {
        ...state,
        phase: 'registered',
        names: [...new Set(event.data.names)],
        birthDate: event.data.birthDate ?? null,
        nationalities: event.data.nationalities ?? [],
        gender: event.data.gender ?? null,
        registeredOn: event.date,
      };
    case 'person.alias-added':
      return state.names.includes(event.data.name) ? state : { ...state, names: [...state.names, event.data.name] };
    case 'person.legal-hold-placed':
      return { ...state, legalHolds: [...state.legalHolds, { eventId: event.id, placedOn: event.date, reason: event.data.reason, legalGround: event.data.legalGround ?? null, liftedOn: null }] };
    case 'person.legal-hold-lifted':
      return { ...state, legalHolds: state.legalHolds.map((hold) => (hold.eventId === event.data.hold ? { ...hold, liftedOn: event.date } : hold)) };
    case 'person.merged':
      return { ...state, phase: 'merged', mergedInto: event.data.into, mergedOn: event.date };
    default:
      return assertNever(event);
  }
}

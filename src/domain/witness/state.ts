/** The state of a witness: their case, identity, protective measure, statements and availability (docs/domain.md §4). */
import { assertNever, NOT_OPENED } from '../machine.js';
import type { Attributes } from '../machine.js';
import type { AvailabilityStatus, ProtectionMeasure, WitnessEvent } from './events.js';

export type WitnessPhase = typeof NOT_OPENED | 'registered';

export interface AvailabilityEntry { date: string; status: AvailabilityStatus; country: string | null; notes: string | null; eventId: string }

export interface WitnessState {
  phase: WitnessPhase;
  attributes: Attributes;
  /** The case stream (`criminal/…` or `exclusion/…`) the witness is heard in. */
  caseStream: string | null;
  person: string | null;
  name: string | null;
  pseudonym: string | null;
  protection: ProtectionMeasure;
  /** The evidence ids of the witness's statements, in the order they were linked. */
  statements: string[];
  availability: AvailabilityStatus;
  /** Where the witness lives as last recorded (registration, then availability changes that name a country). */
  country: string | null;
  /** The date of the last availability change (or of the registration). */
  availableSince: string | null;
  history: AvailabilityEntry[];
}

export const initialState: WitnessState = {
  phase: NOT_OPENED,
  attributes: {},
  caseStream: null,
  person: null,
  name: null,
  pseudonym: null,
  protection: 'none',
  statements: [],
  availability: 'available',
  country: null,
  availableSince: null,
  history: [],
};

/** Whether the witness's identity is withheld from whoever the policy does not name (a measure other than none). */
export function isProtected(state: Pick<WitnessState, 'protection'>): boolean {
  return state.protection !== 'none';
}

export function evolve(state: WitnessState, event: WitnessEvent): WitnessState {
  const next = apply(state, event);
  return { ...next, attributes: { protection: next.protection, availability: next.availability, statements: next.statements.length } };
}

function apply(state: WitnessState, event: WitnessEvent): WitnessState {
  switch (event.type) {
    case 'witness.registered': {
      const { criminalCase, exclusionCase, person, name, pseudonym, country } = event.data;
      return {
        ...state,
        phase: 'registered',
        caseStream: criminalCase !== undefined ? `criminal/${criminalCase}` : `exclusion/${exclusionCase}`,
        person: person ?? null,
        name: name ?? null,
        pseudonym: pseudonym ?? null,
        country: country ?? null,
        availableSince: event.date,
      };
    }
    case 'witness.protection-set':
      return { ...state, protection: event.data.measure };
    case 'witness.statement-linked':
      return { ...state, statements: [...state.statements, event.data.evidence] };
    case 'witness.availability-changed': {
      const entry: AvailabilityEntry = { date: event.date, status: event.data.status, country: event.data.country ?? null, notes: event.data.notes ?? null, eventId: event.id };
      return { ...state, availability: event.data.status, country: event.data.country ?? state.country, availableSince: event.date, history: [...state.history, entry] };
    }
    default:
      return assertNever(event);
  }
}

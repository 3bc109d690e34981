/**
 * The state of a criminal case (strafzaak) and how each event changes it. Pure: the replay checks every event
 * with `checkTransition` before it reaches `evolve`, so `evolve` trusts its input.
 */
import type { Act, Offence } from '../events/fields.js';
import { assertNever, NOT_OPENED } from '../machine.js';
import type { Attributes } from '../machine.js';
import type { CLOSE_REASONS, CriminalEvent, Instance } from './events.js';

export type CriminalPhase = typeof NOT_OPENED | 'investigation' | Instance | 'closed';
export type CloseReason = (typeof CLOSE_REASONS)[number];

export interface Judgment {
  eventId: string;
  date: string;
  instance: Instance;
  outcome: 'convicted' | 'acquitted' | 'other';
  ecli: string | null;
}

export interface Hearing {
  eventId: string;
  /** The day of the hearing. */
  date: string;
  court: string;
  scheduledOn: string;
}

/** An authorisation of the investigating judge recorded on the case (R3), while not retracted. */
export interface JudgeAuthorisationOnCase {
  eventId: string;
  /** The day of the judge's decision. */
  date: string;
  decisionReference: string;
  court: string;
  person: string;
  exclusionCase: string | null;
  validFrom: string;
  validUntil: string;
}

export interface CriminalState {
  phase: CriminalPhase;
  attributes: Attributes;
  suspect: string | null;
  offences: Offence[];
  acts: Act[];
  situation: string | null;
  openedOn: string | null;
  suspectArrested: boolean;
  court: string | null;
  /** The judgment given in the current phase's instance; cleared when the case moves to another instance. */
  judgment: Judgment | null;
  /** Every judgment, in order, including those a later instance or a referral set aside. */
  judgments: Judgment[];
  closedOn: string | null;
  closedReason: CloseReason | null;
  victims: string[];
  /** Every hearing scheduled, in order of scheduling. */
  hearings: Hearing[];
  /** The investigating judge's authorisations recorded on this case (R3), in order of their decisions. */
  judgeAuthorisations: JudgeAuthorisationOnCase[];
}

export const initialState: CriminalState = {
  phase: NOT_OPENED,
  attributes: {},
  suspect: null,
  offences: [],
  acts: [],
  situation: null,
  openedOn: null,
  suspectArrested: false,
  court: null,
  judgment: null,
  judgments: [],
  closedOn: null,
  closedReason: null,
  victims: [],
  hearings: [],
  judgeAuthorisations: [],
};

export function evolve(state: CriminalState, event: CriminalEvent): CriminalState {
  const next = apply(state, event);
  return next === state ? state : { ...next, attributes: attributesOf(next) };
}

function attributesOf(state: CriminalState): Attributes {
  return {
    suspectArrested: state.suspectArrested,
    judgmentOutcome: state.judgment?.outcome ?? null,
    closedReason: state.closedReason,
  };
}

function apply(state: CriminalState, event: CriminalEvent): CriminalState {
  switch (event.type) {
    case 'criminal.opened':
      return {
        ...state,
        phase: 'investigation',
        suspect: event.data.suspect,
        offences: event.data.offences,
        acts: event.data.acts ?? [],
        situation: event.data.situation ?? null,
        openedOn: event.date,
      };
    case 'criminal.suspect-arrested':
      return { ...state, suspectArrested: true };
    case 'criminal.indicted':
      return { ...state, phase: 'first-instance', court: event.data.court };
    case 'criminal.judgment': {
      const judgment: Judgment = {
        eventId: event.id,
        date: event.date,
        instance: event.data.instance,
        outcome: event.data.outcome,
        ecli: event.data.ecli ?? null,
      };
      return { ...state, judgment, judgments: [...state.judgments, judgment] };
    }
    case 'criminal.appeal-lodged':
      return { ...state, phase: 'appeal', judgment: null };
    case 'criminal.cassation-lodged':
      return { ...state, phase: 'cassation', judgment: null };
    case 'criminal.referred-back':
      return { ...state, phase: 'appeal', judgment: null, court: event.data.court ?? state.court };
    case 'criminal.closed':
      return { ...state, phase: 'closed', closedOn: event.date, closedReason: event.data.reason };
    case 'criminal.victim-registered':
      return { ...state, victims: [...state.victims, event.data.victim] };
    case 'criminal.hearing-scheduled':
      return { ...state, hearings: [...state.hearings, { eventId: event.id, date: event.data.date, court: event.data.court, scheduledOn: event.date }] };
    case 'criminal.judge-authorisation': {
      const { decisionReference, court, person, exclusionCase, validFrom, validUntil } = event.data;
      const authorisation = { eventId: event.id, date: event.date, decisionReference, court, person, exclusionCase: exclusionCase ?? null, validFrom, validUntil };
      return { ...state, judgeAuthorisations: [...state.judgeAuthorisations, authorisation] };
    }
    case 'criminal.victim-informed':
      // Informing a victim changes no phase; R5 (victim-information.ts) reads these events themselves.
      return state;
    default:
      return assertNever(event);
  }
}

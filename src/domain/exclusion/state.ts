/**
 * The state of an exclusion case (Art. 1F, IND Unit 1F).
 *
 * Phases: `open` (being examined, or awaiting a new decision after an annulment), `suspended` (held, e.g. while
 * the CJEU ruling C-663/21 was studied), `decided` (a decision stands and no appeal is pending), `appeal` (an
 * appeal is pending at `appealForum`) and `closed`. The decision itself is kept apart from the phase, because a
 * district court's annulment may be reversed by the Council of State: the decision then stands again.
 */
import { assertNever, NOT_OPENED } from '../machine.js';
import type { Attributes } from '../machine.js';
import type { AppealForum, ExclusionEvent, ExclusionGround } from './events.js';

export type ExclusionPhase = typeof NOT_OPENED | 'open' | 'suspended' | 'decided' | 'appeal' | 'closed';

export interface ExclusionDecision {
  eventId: string;
  date: string;
  outcome: 'applied' | 'not-applied';
  grounds: ExclusionGround[];
  /** Whether removal would breach Art. 3 ECHR, as the decision found; null when it does not say. */
  article3Barrier: boolean | null;
}

export interface AppealRuling {
  forum: AppealForum;
  outcome: 'upheld' | 'annulled';
  date: string;
}

/** A share of selected parts of this file (the bill), while not retracted. */
export interface ExclusionShare {
  eventId: string;
  date: string;
  recipient: string;
}

export interface ExclusionState {
  phase: ExclusionPhase;
  attributes: Attributes;
  person: string | null;
  openedOn: string | null;
  suspendedOn: string | null;
  /** The latest decision, standing or annulled (see `decisionAnnulled`). */
  decision: ExclusionDecision | null;
  decisionAnnulled: boolean;
  /** The pending appeal's forum, while in phase `appeal`. */
  appealForum: AppealForum | null;
  /** The last ruling on an appeal against the latest decision; cleared by a new decision. */
  lastRuling: AppealRuling | null;
  closedOn: string | null;
  closedReason: string | null;
  /** The shares of selected parts of this file with the OM (the bill), in order. */
  shares: ExclusionShare[];
}

export const initialState: ExclusionState = {
  phase: NOT_OPENED,
  attributes: {},
  person: null,
  openedOn: null,
  suspendedOn: null,
  decision: null,
  decisionAnnulled: false,
  appealForum: null,
  lastRuling: null,
  closedOn: null,
  closedReason: null,
  shares: [],
};

/** The decision that stands: the latest one, unless it was annulled. */
export function standingDecision(state: ExclusionState): ExclusionDecision | null {
  return state.decision && !state.decisionAnnulled ? state.decision : null;
}

export function evolve(state: ExclusionState, event: ExclusionEvent): ExclusionState {
  const next = apply(state, event);
  const decision = standingDecision(next);
  return {
    ...next,
    attributes: {
      outcome: decision?.outcome ?? null,
      grounds: decision && decision.grounds.length > 0 ? decision.grounds.join(',') : null,
      article3Barrier: decision?.article3Barrier ?? null,
      appealForum: next.appealForum,
    },
  };
}

function apply(state: ExclusionState, event: ExclusionEvent): ExclusionState {
  switch (event.type) {
    case 'exclusion.opened':
      return { ...state, phase: 'open', person: event.data.person, openedOn: event.date };
    case 'exclusion.suspended':
      return { ...state, phase: 'suspended', suspendedOn: event.date };
    case 'exclusion.resumed':
      return { ...state, phase: 'open', suspendedOn: null };
    case 'exclusion.decided': {
      const { grounds } = event.data;
      const decision: ExclusionDecision = {
        eventId: event.id,
        date: event.date,
        outcome: event.data.outcome,
        grounds: grounds === undefined ? [] : typeof grounds === 'string' ? [grounds] : [...new Set(grounds)],
        article3Barrier: event.data.article3Barrier ?? null,
      };
      return { ...state, phase: 'decided', decision, decisionAnnulled: false, lastRuling: null };
    }
    case 'exclusion.appeal-lodged':
      return { ...state, phase: 'appeal', appealForum: event.data.forum };
    case 'exclusion.appeal-decided': {
      const annulled = event.data.outcome === 'annulled';
      return {
        ...state,
        // An annulled decision leaves the case open, awaiting a new decision (docs/domain.md §4).
        phase: annulled ? 'open' : 'decided',
        decisionAnnulled: annulled,
        appealForum: null,
        lastRuling: { forum: event.data.forum, outcome: event.data.outcome, date: event.date },
      };
    }
    case 'exclusion.closed':
      return { ...state, phase: 'closed', appealForum: null, closedOn: event.date, closedReason: event.data.reason ?? null };
    case 'exclusion.information-shared':
      // A disclosure, not a step in the examination: the phase stays.
      return { ...state, shares: [...state.shares, { eventId: event.id, date: event.date, recipient: event.data.recipient }] };
    default:
      return assertNever(event);
  }
}

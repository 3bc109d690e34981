/** The state of a mutual legal assistance request (rechtshulpverzoek), outgoing or incoming. */
import { assertNever, NOT_OPENED } from '../machine.js';
import type { Attributes } from '../machine.js';
import type { MlaEvent } from './events.js';

export type MlaPhase = typeof NOT_OPENED | 'sent' | 'received' | 'answered' | 'closed';

export interface MlaState {
  phase: MlaPhase;
  attributes: Attributes;
  /** Outgoing: the Netherlands asked another state (`mla.sent`); incoming: another state asked (`mla.received`). */
  direction: 'outgoing' | 'incoming' | null;
  /** The other state, ISO 3166-1 alpha-3. */
  state: string | null;
  legalBasis: string | null;
  subject: string | null;
  openedOn: string | null;
  answeredOn: string | null;
  closedOn: string | null;
}

export const initialState: MlaState = {
  phase: NOT_OPENED,
  attributes: {},
  direction: null,
  state: null,
  legalBasis: null,
  subject: null,
  openedOn: null,
  answeredOn: null,
  closedOn: null,
};

export function evolve(state: MlaState, event: MlaEvent): MlaState {
  const next = apply(state, event);
  return { ...next, attributes: { direction: next.direction, state: next.state } };
}

function apply(state: MlaState, event: MlaEvent): MlaState {
  switch (event.type) {
    case 'mla.sent':
    case 'mla.received':
      return {
        ...state,
        phase: event.type === 'mla.sent' ? 'sent' : 'received',
        direction: event.type === 'mla.sent' ? 'outgoing' : 'incoming',
        state: event.data.state,
        legalBasis: event.data.legalBasis ?? null,
        subject: event.data.subject ?? null,
        openedOn: event.date,
      };
    case 'mla.answered':
      return { ...state, phase: 'answered', answeredOn: event.date };
    case 'mla.closed':
      return { ...state, phase: 'closed', closedOn: event.date };
    default:
      return assertNever(event);
  }
}

/**
 * The state machine of a departure dossier (docs/domain.md §4): open, with an Article 3 barrier that may change, until
 * the alien departs (which closes the dossier) or the dossier is closed for another reason.
 */
import { checkOpening, refuse } from '../machine.js';
import type { TransitionError } from '../machine.js';
import type { DepartureEvent } from './events.js';
import type { DepartureState } from './state.js';

const OPENERS = ['departure.opened'];

export function checkTransition(state: DepartureState, event: DepartureEvent): TransitionError | undefined {
  const opening = checkOpening('departure', state.phase, event.type, OPENERS);
  if (opening || event.type === 'departure.opened') return opening;
  if (state.phase === 'open') return undefined;
  const ended = state.phase === 'departed' ? `the alien departed (${state.mode})` : `the dossier was closed`;
  return refuse(`${event.type} needs an open dossier; ${ended} on ${state.endedOn}`);
}

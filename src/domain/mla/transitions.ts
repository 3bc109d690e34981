/**
 * The state machine of a legal assistance request (docs/domain.md §4): sent or received → answered → closed. A request
 * may also be closed unanswered (withdrawn, or no answer will come).
 */
import { checkOpening, refuse } from '../machine.js';
import type { TransitionError } from '../machine.js';
import type { MlaEvent } from './events.js';
import type { MlaState } from './state.js';

const OPENERS = ['mla.sent', 'mla.received'];

export function checkTransition(state: MlaState, event: MlaEvent): TransitionError | undefined {
  const opening = checkOpening('mla', state.phase, event.type, OPENERS);
  if (opening || event.type === 'mla.sent' || event.type === 'mla.received') return opening;
  if (state.phase === 'closed') return refuse(`${event.type} cannot follow the closing of the request on ${state.closedOn}`);
  if (event.type === 'mla.answered' && state.phase === 'answered') {
    return refuse(`mla.answered needs an unanswered request; it was answered on ${state.answeredOn}`);
  }
  return undefined;
}

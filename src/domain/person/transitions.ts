/**
 * A person stream starts with person.registered; aliases may be added at any time after. A merge ends the
 * stream's life of its own: after person.merged nothing more is recorded on it (the person lives on in the
 * stream it was merged into) until the merge is retracted.
 */
import { checkOpening, refuse } from '../machine.js';
import type { TransitionError } from '../machine.js';
import type { PersonEvent } from './events.js';
import type { PersonState } from './state.js';

const OPENERS = ['person.registered'];

export function checkTransition(state: PersonState, event: PersonEvent): TransitionError | undefined {
  const opening = checkOpening('person', state.phase, event.type, OPENERS);
  if (opening) return opening;
  if (state.phase === 'merged') {
    return refuse(`${event.type} is not allowed: this person was merged into ${state.mergedInto} on ${state.mergedOn}; record it on ${state.mergedInto}, or retract the merge first`);
  }
  if (event.type === 'person.legal-hold-lifted') {
    const hold = state.legalHolds.find((item) => item.eventId === event.data.hold);
    if (!hold) return refuse(`person.legal-hold-lifted names ${event.data.hold}, which is no legal hold placed on this person`);
    if (hold.liftedOn !== null) return refuse(`the legal hold ${hold.eventId} was already lifted on ${hold.liftedOn}`);
  }
  return undefined;
}

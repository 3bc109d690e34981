/** A person stream starts with person.registered; aliases may be added at any time after. */
import { checkOpening } from '../machine.js';
import type { TransitionError } from '../machine.js';
import type { PersonEvent } from './events.js';
import type { PersonState } from './state.js';

const OPENERS = ['person.registered'];

export function checkTransition(state: PersonState, event: PersonEvent): TransitionError | undefined {
  return checkOpening('person', state.phase, event.type, OPENERS);
}

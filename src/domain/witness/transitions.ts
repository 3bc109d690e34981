/**
 * The rules of a witness (docs/domain.md §4): it starts with witness.registered; a measure is set only when it
 * changes; a statement is linked once; availability changes only to another status (or country), and nothing
 * changes it after the witness died. That a statement is a witness statement of the same case is checked against
 * the evidence stream when the event is written (src/import/check-witness-statements.ts).
 */
import { checkOpening, refuse } from '../machine.js';
import type { TransitionError } from '../machine.js';
import type { WitnessEvent } from './events.js';
import type { WitnessState } from './state.js';

const OPENERS = ['witness.registered'];

export function checkTransition(state: WitnessState, event: WitnessEvent): TransitionError | undefined {
  const opening = checkOpening('witness', state.phase, event.type, OPENERS);
  if (opening || event.type === 'witness.registered') return opening;
  switch (event.type) {
    case 'witness.protection-set':
      return event.data.measure === state.protection ? refuse(`the witness's protective measure is already ${state.protection}`) : undefined;
    case 'witness.statement-linked':
      return state.statements.includes(event.data.evidence) ? refuse(`statement ${event.data.evidence} is already linked to this witness`) : undefined;
    case 'witness.availability-changed': {
      if (state.availability === 'deceased') return refuse(`the witness died on ${state.availableSince ?? 'an earlier date'}: their availability no longer changes (retract that event if it was wrong)`);
      const sameCountry = event.data.country === undefined || event.data.country === state.country;
      return event.data.status === state.availability && sameCountry ? refuse(`the witness is already ${state.availability}${state.country ? ` (${state.country})` : ''}`) : undefined;
    }
    default:
      return undefined;
  }
}

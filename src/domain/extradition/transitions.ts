/**
 * The state machine of an extradition case (docs/domain.md §4): received → court-first → court-cassation → minister →
 * civil-first → civil-appeal → civil-cassation → concluded. Phases may be skipped forward, never entered again
 * or backwards; concluded ends the case.
 */
import { checkOpening, refuse } from '../machine.js';
import type { TransitionError } from '../machine.js';
import { EXTRADITION_PROCEEDINGS } from './proceedings.js';
import type { ExtraditionEvent } from './events.js';
import type { ExtraditionState } from './state.js';

const OPENERS = ['extradition.requested'];

/** The place of each phase in the only order allowed; `received` comes before all proceedings. */
const ORDER: ReadonlyMap<string, number> = new Map([
  ['received', 0],
  ...EXTRADITION_PROCEEDINGS.map((phase, index) => [phase, index + 1] as const),
]);

export function checkTransition(state: ExtraditionState, event: ExtraditionEvent): TransitionError | undefined {
  const opening = checkOpening('extradition', state.phase, event.type, OPENERS);
  if (opening || event.type === 'extradition.requested') return opening;
  if (state.phase === 'concluded') {
    return refuse(`${event.type} cannot follow the conclusion of the case on ${state.concludedOn} (${state.outcome})`);
  }
  if (event.type === 'extradition.phase-entered') {
    const target = event.data.phase;
    if ((ORDER.get(target) ?? 0) <= (ORDER.get(state.phase) ?? 0)) {
      const later = EXTRADITION_PROCEEDINGS.slice(ORDER.get(state.phase) ?? 0);
      return refuse(
        `extradition phase ${target} cannot be entered from phase ${state.phase}: phases only move forward` +
          (later.length > 0 ? ` (next possible: ${later.join(', ')})` : ''),
      );
    }
  }
  return undefined;
}

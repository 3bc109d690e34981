/** The state machine of a report intake (docs/domain.md §4): received → assessed, once. */
import { checkOpening, refuse } from '../machine.js';
import type { TransitionError } from '../machine.js';
import type { IntakeEvent } from './events.js';
import type { IntakeState } from './state.js';

const OPENERS = ['intake.received'];

export function checkTransition(state: IntakeState, event: IntakeEvent): TransitionError | undefined {
  const opening = checkOpening('intake', state.phase, event.type, OPENERS);
  if (opening || event.type === 'intake.received') return opening;
  if (state.phase === 'assessed') {
    return refuse(`intake.assessed cannot follow the assessment of ${state.assessedOn} (${state.outcome}); a report is assessed once`);
  }
  return undefined;
}

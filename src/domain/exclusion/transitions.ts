/**
 * The state machine of an exclusion case (docs/domain.md §4): open ⇄ suspended; a decision only while open; an appeal to
 * the district court against a decision, a further appeal to the Council of State against the district court's
 * ruling (by either side, so also after an annulment); an annulment leads to a new decision; closed from any
 * phase but closed.
 */
import { checkOpening, refuse } from '../machine.js';
import type { TransitionError } from '../machine.js';
import type { ExclusionEvent } from './events.js';
import type { ExclusionState } from './state.js';

const OPENERS = ['exclusion.opened'];

export function checkTransition(state: ExclusionState, event: ExclusionEvent): TransitionError | undefined {
  const opening = checkOpening('exclusion', state.phase, event.type, OPENERS);
  if (opening || event.type === 'exclusion.opened') return opening;
  if (event.type === 'exclusion.information-shared') {
    // Information from a closed file may still be shared; a share is about the file's own person only.
    return event.data.person === state.person
      ? undefined
      : refuse(`a share of this 1F file can only be about its person ${state.person}, not ${event.data.person}`);
  }
  if (state.phase === 'closed') {
    return refuse(`${event.type} cannot follow the closing of the case on ${state.closedOn}`);
  }

  switch (event.type) {
    case 'exclusion.suspended':
      return state.phase === 'open'
        ? undefined
        : refuse(`exclusion.suspended needs phase open; the case is in phase ${state.phase}`);
    case 'exclusion.resumed':
      return state.phase === 'suspended'
        ? undefined
        : refuse(`exclusion.resumed needs a suspended case; the case is in phase ${state.phase}`);
    case 'exclusion.decided':
      if (state.phase === 'open') return undefined;
      if (state.phase === 'suspended') {
        return refuse(`exclusion.decided needs an open case; it is suspended since ${state.suspendedOn}: resume it first`);
      }
      return refuse(
        `exclusion.decided: the decision of ${state.decision?.date} stands (phase ${state.phase}); ` +
          'a new decision needs an appeal ruling that annuls it',
      );
    case 'exclusion.appeal-lodged':
      if (event.data.forum === 'district-court') {
        if (state.phase === 'decided' && state.lastRuling === null) return undefined;
        return refuse(
          `an appeal to the district court needs a decision not yet ruled on in appeal; the case is in phase ${state.phase}` +
            (state.lastRuling ? ` and the ${state.lastRuling.forum} ruled on ${state.lastRuling.date}` : ''),
        );
      }
      if (state.lastRuling?.forum === 'district-court' && (state.phase === 'decided' || state.phase === 'open')) {
        return undefined;
      }
      return refuse(
        `an appeal to the council-of-state needs a district-court ruling on the current decision; the case is in phase ${state.phase}` +
          (state.lastRuling ? ` and the last ruling came from the ${state.lastRuling.forum}` : ' without one'),
      );
    case 'exclusion.appeal-decided':
      if (state.phase !== 'appeal') {
        return refuse(`exclusion.appeal-decided needs a pending appeal; the case is in phase ${state.phase}`);
      }
      if (event.data.forum !== state.appealForum) {
        return refuse(`exclusion.appeal-decided by the ${event.data.forum}, but the pending appeal is before the ${state.appealForum}`);
      }
      return undefined;
    case 'exclusion.closed':
      return undefined;
  }
}

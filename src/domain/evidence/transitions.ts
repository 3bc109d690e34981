/**
 * The rules of an evidence item (docs/domain.md §4): it starts with evidence.registered; a file is attached once (the
 * same bytes again add nothing); custody passes only from the one who holds the item; it is linked to a case once and
 * always belongs to at least one case.
 */
import { checkOpening, refuse } from '../machine.js';
import type { TransitionError } from '../machine.js';
import type { EvidenceEvent } from './events.js';
import { caseStreamOf, type EvidenceState } from './state.js';

const OPENERS = ['evidence.registered'];

export function checkTransition(state: EvidenceState, event: EvidenceEvent): TransitionError | undefined {
  const opening = checkOpening('evidence', state.phase, event.type, OPENERS);
  if (opening || event.type === 'evidence.registered') return opening;
  switch (event.type) {
    case 'evidence.file-attached': {
      const same = state.files.find((file) => file.sha256 === event.data.sha256);
      return same ? refuse(`the file ${event.data.sha256} is already attached to this item (event ${same.eventId}, as ${same.fileName})`) : undefined;
    }
    case 'evidence.custody-transferred':
      return event.data.from === state.custodian
        ? undefined
        : refuse(`custody passes from the one who holds the item: ${state.custodian ?? 'nobody'} holds it, not ${event.data.from}`);
    case 'evidence.linked': {
      const stream = caseStreamOf(event.data);
      return state.cases.includes(stream) ? refuse(`the item is already linked to ${stream}`) : undefined;
    }
    case 'evidence.unlinked': {
      const stream = caseStreamOf(event.data);
      if (!state.cases.includes(stream)) return refuse(`the item is not linked to ${stream}`);
      if (state.cases.length === 1) return refuse(`${stream} is the item's only case: link it to another case first, or retract its registration`);
      return undefined;
    }
    default:
      return undefined;
  }
}

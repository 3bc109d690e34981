/**
 * The rules of an evidence item (docs/domain.md §4): it starts with evidence.registered; a file is attached once (the
 * same bytes again add nothing); custody passes only from the one who holds the item; it is linked to a case once and
 * always belongs to at least one case.
 */
import { checkOpening, refuse } from '../machine.js';
import type { TransitionError } from '../machine.js';
import type { EvidenceEvent } from './events.js';
import { caseStreamOf, sameElement, type EvidenceState } from './state.js';

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
      const linked = state.elementLinks.filter((link) => link.case === stream);
      if (linked.length > 0) return refuse(`the item is linked to ${linked.length} element(s) of ${stream} (${linked.map((link) => link.element).join(', ')}): unlink them first (evidence.element-unlinked)`);
      return undefined;
    }
    case 'evidence.element-linked': {
      const stream = caseStreamOf(event.data);
      if (!state.cases.includes(stream)) return refuse(`the item is not linked to ${stream}: link it to the case first (evidence.linked)`);
      const target = { case: stream, offence: event.data.offence, element: event.data.element };
      const same = state.elementLinks.find((link) => sameElement(link, target));
      return same ? refuse(`the item is already linked to element ${event.data.element} of ${event.data.offence} of ${stream} (event ${same.eventId}); unlink it first to change the link`) : undefined;
    }
    case 'evidence.element-unlinked': {
      const stream = caseStreamOf(event.data);
      const target = { case: stream, offence: event.data.offence, element: event.data.element };
      return state.elementLinks.some((link) => sameElement(link, target)) ? undefined : refuse(`the item is not linked to element ${event.data.element} of ${event.data.offence} of ${stream}`);
    }
    case 'evidence.consent-requested':
    case 'evidence.consent-given':
    case 'evidence.consent-refused': {
      if (state.conditions?.conditions !== 'evidence-with-consent') {
        return refuse(`consent is asked for under the conditions evidence-with-consent; the item's conditions are ${state.conditions?.conditions ?? 'not recorded'} (record them first: evidence.conditions-set)`);
      }
      if (event.type === 'evidence.consent-requested' && state.consent === 'given') return refuse(`consent was given already (on ${state.consentSince})`);
      if (event.type === 'evidence.consent-given' && state.consent === 'given') return refuse(`consent was given already (on ${state.consentSince})`);
      if (event.type === 'evidence.consent-refused' && state.consent === 'refused') return refuse(`consent was refused already (on ${state.consentSince})`);
      return undefined;
    }
    case 'evidence.availability-changed':
      return event.data.available === state.available
        ? refuse(`the item is ${state.available ? 'available' : 'unavailable'} already${state.availability ? ` (since ${state.availability.date}: ${state.availability.reason})` : ''}`)
        : undefined;
    default:
      return undefined;
  }
}

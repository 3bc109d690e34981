/**
 * The state machine of a criminal case (docs/domain.md §4): investigation → first-instance → appeal → cassation, each
 * instance ending in a judgment; cassation may refer the case back to appeal; any open phase may close.
 */
import { checkOpening, refuse } from '../machine.js';
import type { TransitionError } from '../machine.js';
import type { CriminalEvent } from './events.js';
import type { CriminalState } from './state.js';

const OPENERS = ['criminal.opened'];

/** What may still happen after a case is closed: the victims keep their right to information (R5). */
const AFTER_CLOSING = new Set(['criminal.victim-registered', 'criminal.victim-informed']);

export function checkTransition(state: CriminalState, event: CriminalEvent): TransitionError | undefined {
  const opening = checkOpening('criminal', state.phase, event.type, OPENERS);
  if (opening || event.type === 'criminal.opened') return opening;

  if (state.phase === 'closed' && !AFTER_CLOSING.has(event.type)) {
    return refuse(
      `${event.type} cannot follow the closing of the case on ${state.closedOn} (${state.closedReason}); ` +
        'only victim registrations and victim information may follow',
    );
  }

  switch (event.type) {
    case 'criminal.suspect-arrested':
      return undefined;
    case 'criminal.indicted':
      if (state.phase !== 'investigation') {
        return refuse(`criminal.indicted needs the investigation phase; the case is already in phase ${state.phase}`);
      }
      return undefined;
    case 'criminal.judgment': {
      const { instance } = event.data;
      if (state.phase === 'investigation') {
        return refuse(`criminal.judgment needs an indictment first; the case is in phase investigation`);
      }
      if (instance !== state.phase) {
        return refuse(`a judgment of instance ${instance} needs the case in phase ${instance}; the case is in phase ${state.phase}`);
      }
      if (state.judgment) {
        return refuse(
          `the ${instance} judgment was already given on ${state.judgment.date} (${state.judgment.eventId}); ` +
            'a further judgment needs an appeal, a cassation or a referral first',
        );
      }
      return undefined;
    }
    case 'criminal.appeal-lodged':
      return needsJudgment(state, 'criminal.appeal-lodged', 'first-instance');
    case 'criminal.cassation-lodged':
      return needsJudgment(state, 'criminal.cassation-lodged', 'appeal');
    case 'criminal.referred-back':
      return needsJudgment(state, 'criminal.referred-back', 'cassation');
    case 'criminal.closed':
      return undefined;
    case 'criminal.hearing-scheduled':
      // A hearing belongs to a case before a court: after the indictment, while it is open.
      if (state.phase === 'investigation') {
        return refuse('criminal.hearing-scheduled needs an indictment first: the case is in phase investigation');
      }
      if (event.data.date < event.date) {
        return refuse(`a hearing on ${event.data.date} cannot be scheduled on ${event.date}, after the day itself`);
      }
      return undefined;
    case 'criminal.judge-authorisation':
      // R3: the judge authorises the demand for this suspect's 1F file in this case; the validity cap is a rule of
      // config/rules.json, checked on import (src/import/check-judge-authorisations.ts).
      if (event.data.person !== state.suspect) {
        return refuse(`an authorisation of the investigating judge on this case must name its suspect ${state.suspect}, not ${event.data.person}`);
      }
      if (event.data.validUntil < event.data.validFrom) {
        return refuse(`the authorisation's validUntil ${event.data.validUntil} lies before its validFrom ${event.data.validFrom}`);
      }
      if (event.data.validFrom < event.date) {
        return refuse(`the authorisation cannot be valid from ${event.data.validFrom}, before the judge's decision of ${event.date}`);
      }
      return undefined;
    case 'criminal.victim-registered':
      if (state.victims.includes(event.data.victim)) {
        return refuse(`victim ${event.data.victim} is already registered on this case`);
      }
      return undefined;
    case 'criminal.victim-informed':
      if (!state.victims.includes(event.data.victim)) {
        return refuse(
          `criminal.victim-informed needs victim ${event.data.victim} to be registered on this case first ` +
            '(criminal.victim-registered)',
        );
      }
      return undefined;
  }
}

function needsJudgment(
  state: CriminalState,
  type: string,
  instance: 'first-instance' | 'appeal' | 'cassation',
): TransitionError | undefined {
  if (state.phase === instance && state.judgment) return undefined;
  const where = state.phase === instance ? `the case is in phase ${instance} without a judgment yet` : `the case is in phase ${state.phase}`;
  const judgment = instance === 'first-instance' ? 'a first-instance' : `${article(instance)} ${instance}`;
  return refuse(`${type} needs ${judgment} judgment; ${where}`);
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

/**
 * Mutual legal assistance requests (rechtshulpverzoeken): those the prosecutor sends abroad during an
 * investigation, and those other states send to the Netherlands.
 */
import type { CalendarDate } from '../domain/dates.js';
import type { EventInput } from '../domain/event.js';
import { dateIn, daysAfter, sinceYear, yearOf } from './calendar.js';
import type { Window } from './calendar.js';
import type { Rng } from './prng.js';
import type { SituationName } from './situations.js';
import { StreamBuilder } from './stream-builder.js';
import type { DemoContext } from './stream-builder.js';

/** The states an investigation of each situation typically asks: the state itself, neighbours, partner states. */
const STATES_ASKED: Record<SituationName, readonly string[]> = {
  syria: ['DEU', 'SWE', 'FRA', 'TUR', 'LBN', 'JOR'],
  iraq: ['IRQ', 'DEU', 'SWE', 'BEL'],
  rwanda: ['RWA', 'BEL', 'FRA'],
  afghanistan: ['DEU', 'GBR', 'PAK'],
  ukraine: ['UKR', 'POL', 'DEU', 'LTU'],
  'sri-lanka': ['CHE', 'GBR', 'DEU'],
  liberia: ['LBR', 'SLE', 'GHA', 'BEL'],
  ethiopia: ['ETH', 'KEN', 'SWE'],
  eritrea: ['ITA', 'SWE', 'DEU', 'ETH'],
  iran: ['SWE', 'DEU', 'GBR'],
};

const EU_MEMBER_STATES = new Set(['DEU', 'SWE', 'FRA', 'BEL', 'ITA', 'POL', 'LTU']);
const COUNCIL_OF_EUROPE_PARTNERS = new Set(['GBR', 'CHE', 'UKR', 'TUR']);

const WHAT_IS_ASKED = [
  'hearing of witnesses',
  'documents from the civil registry',
  'prison and detention records',
  'a site visit by the investigating judge',
  'telecommunication data',
  'military personnel records',
  'the results of a forensic examination',
];

const WHAT_IS_ASKED_OF_US = [
  'information on a person residing in the Netherlands',
  'hearing of a witness living in the Netherlands',
  'bank records',
  'the transfer of seized evidence',
];

/** The treaty a request rests on; the European Investigation Order applies between member states from 2017-05-22. */
function legalBasis(state: string, date: CalendarDate): string {
  if (EU_MEMBER_STATES.has(state)) {
    return date >= '2017-05-22'
      ? 'Directive 2014/41/EU (European Investigation Order)'
      : 'EU Convention on Mutual Assistance in Criminal Matters (2000)';
  }
  if (COUNCIL_OF_EUROPE_PARTNERS.has(state)) return 'European Convention on Mutual Assistance in Criminal Matters (1959)';
  return 'reciprocity';
}

function request(context: DemoContext, rng: Rng, direction: 'sent' | 'received', state: string, subject: string, date: CalendarDate): StreamBuilder {
  const mla = new StreamBuilder(context, rng, 'mla', context.ids.nextCase('mla', yearOf(date)));
  mla.add(`mla.${direction}`, date, { state, legalBasis: legalBasis(state, date), subject });
  if (rng.chance(0.85)) {
    const answered = daysAfter(rng, date, 45, 330);
    mla.add('mla.answered', answered);
    mla.add('mla.closed', daysAfter(rng, answered, 5, 60));
  } else if (rng.chance(0.5)) {
    mla.add('mla.closed', daysAfter(rng, date, 300, 700));
  }
  return mla;
}

/** One request the prosecutor sends abroad while investigating a case of the situation. */
export function outgoingRequest(context: DemoContext, rng: Rng, situation: SituationName, within: Window): EventInput[] {
  const state = rng.pick(STATES_ASKED[situation]);
  return request(context, rng, 'sent', state, rng.pick(WHAT_IS_ASKED), dateIn(rng, within)).events;
}

/** Requests other states sent to the Netherlands over the years. */
export function* incomingRequests(context: DemoContext, rng: Rng): Generator<EventInput> {
  const askingStates = ['RWA', 'UKR', 'DEU', 'BEL', 'FRA', 'SWE', 'USA', 'IRQ'];
  for (let index = 0; index < 12; index += 1) {
    const draw = rng.fork(index);
    const state = draw.pick(askingStates);
    const window = sinceYear(state === 'UKR' ? 2022 : 2011);
    yield* request(context, draw, 'received', state, draw.pick(WHAT_IS_ASKED_OF_US), dateIn(draw, window)).events;
  }
}

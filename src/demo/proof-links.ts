/**
 * What the demo's cases rest on (README, "What each case rests on"; R8): per replica, fictional material of the
 * fictional UN mechanism for Noordland (OOM-Noordland) on two criminal cases and one 1F file — one item usable as
 * evidence, one usable with the mechanism's consent (given, until its mandate ended on 2025-09-30 and the material
 * became unavailable), one a lead only — and links of these and the cases' own items to the elements of their
 * offences. So the proof matrix shows proven, lead-only and unsupported elements, and the evidence-at-risk list
 * shows elements at risk (only the mechanism's material proves them) and lost (it did). All of it is fictional.
 */
import { elementsConfig } from '../config/elements.js';
import { addDays } from '../domain/dates.js';
import type { CalendarDate } from '../domain/dates.js';
import type { EventInput } from '../domain/event.js';
import { offenceElements } from '../domain/rules/case-elements.js';
import type { Rng } from './prng.js';
import { StreamBuilder, type DemoContext } from './stream-builder.js';

export const DEMO_ORIGINATOR = 'OOM-Noordland (fictief)';
const MECHANISM = 'Onafhankelijk Onderzoeksmechanisme van de VN voor Noordland (fictief)';
const TIM = 'Team Internationale Misdrijven (politie)';
const IND = 'IND, unit 1F';
/** The day the fictional mechanism's mandate ended. */
const MANDATE_ENDED: CalendarDate = '2025-09-30';

/** Watches the generated events for the offences each criminal case was opened for, passing every event on. */
export class OffenceSightings {
  readonly offences = new Map<string, string[]>();

  *watch(events: Iterable<EventInput>): Generator<EventInput> {
    for (const event of events) {
      if (event.type === 'criminal.opened') this.offences.set(event.stream, (event.data.offences as string[]) ?? []);
      yield event;
    }
  }
}

interface CaseItems { caseStream: string; items: { stream: string; date: CalendarDate; recordedAt: string }[] }

export function* proofLinks(context: DemoContext, rng: Rng, sightings: OffenceSightings, evidence: readonly EventInput[]): Generator<EventInput> {
  const byCase = new Map<string, CaseItems>();
  for (const event of evidence) {
    if (event.type !== 'evidence.registered') continue;
    const cases = [...((event.data.criminalCases as string[] | undefined) ?? []).map((id) => `criminal/${id}`), ...((event.data.exclusionCases as string[] | undefined) ?? []).map((id) => `exclusion/${id}`)];
    for (const caseStream of cases) {
      const entry = byCase.get(caseStream) ?? { caseStream, items: [] };
      entry.items.push({ stream: event.stream, date: event.date, recordedAt: event.recordedAt ?? '' });
      byCase.set(caseStream, entry);
    }
  }
  const config = elementsConfig();
  const criminal = [...byCase.values()].filter((entry) => entry.caseStream.startsWith('criminal/'))
    .map((entry) => ({ ...entry, offence: (sightings.offences.get(entry.caseStream) ?? []).find((offence) => offenceElements(config, offence)) }))
    .filter((entry) => entry.offence !== undefined).slice(0, 2);
  const exclusion = [...byCase.values()].filter((entry) => entry.caseStream.startsWith('exclusion/')).slice(0, 1).map((entry) => ({ ...entry, offence: '1F-a' }));
  let serial = 0;
  for (const entry of [...criminal, ...exclusion]) {
    const offence = entry.offence!;
    const elements = offenceElements(config, offence)!.crimes[0]!.elements.map((item) => item.id);
    const caseField = entry.caseStream.startsWith('criminal/') ? { criminalCase: entry.caseStream.slice('criminal/'.length) } : { exclusionCase: entry.caseStream.slice('exclusion/'.length) };
    const caseList = entry.caseStream.startsWith('criminal/') ? { criminalCases: [caseField.criminalCase!] } : { exclusionCases: [caseField.exclusionCase!] };
    const latest = entry.items.reduce((max, item) => (item.date > max ? item.date : max), '');
    const recordedFloor = entry.items.reduce((max, item) => (item.recordedAt > max ? item.recordedAt : max), '');
    const acquiredOn = addDays(latest, rng.int(5, 20));
    const linkOn = addDays(acquiredOn, rng.int(10, 30));
    const by = entry.caseStream.startsWith('criminal/') ? TIM : IND;
    const link = (builder: StreamBuilder, element: string | undefined, relation: string, reasoning: string, weight: string) => {
      if (element) builder.add('evidence.element-linked', linkOn, { ...caseField, offence, element, relation, reasoning, weight });
    };
    const newItem = (title: string) => {
      serial += 1;
      const id = `BW-OOM-${String(serial).padStart(2, '0')}${context.ids.replica === 1 ? '' : `-R${context.ids.replica}`}`;
      const builder = new StreamBuilder(context, rng.fork(id), 'evidence', id, recordedFloor);
      builder.add('evidence.registered', acquiredOn, {
        ...caseList, kind: 'mechanism-material', title, source: { type: 'un-mechanism', name: MECHANISM, reference: `OOM-NL/2024/${String(100 + serial)} (fictief)` },
        acquired: { date: acquiredOn, by, method: 'legal-assistance' }, language: 'en',
      });
      return builder;
    };
    // usable as evidence: the only proof of the second element (at risk should the mechanism's material go)
    const usable = newItem('Getuigenverklaringen uit het archief van het mechanisme (fictief)');
    usable.add('evidence.conditions-set', acquiredOn, { conditions: 'evidence', originator: DEMO_ORIGINATOR });
    usable.add('evidence.verified', addDays(acquiredOn, 3), { step: 'source', outcome: 'confirmed', method: 'herkomst bevestigd door het mechanisme (fictief)' });
    link(usable, elements[0], 'supports', 'De verklaringen beschrijven de gedraging in detail (fictief).', 'moderate');
    link(usable, elements[1], 'supports', 'Alleen het archief van het mechanisme beschrijft dit (fictief).', 'strong');
    // usable with consent, given; then the mandate ended and the material became unavailable: the third element is lost
    const withConsent = newItem('Interne rapportage van het mechanisme (fictief)');
    withConsent.add('evidence.conditions-set', acquiredOn, { conditions: 'evidence-with-consent', originator: DEMO_ORIGINATOR, consentNeededFor: ['disclosure', 'court-use'] });
    withConsent.add('evidence.consent-requested', addDays(acquiredOn, 2), { from: DEMO_ORIGINATOR, for: ['court-use'], reference: 'rechtshulpverzoek (fictief)' });
    withConsent.add('evidence.consent-given', addDays(acquiredOn, 9), { by: DEMO_ORIGINATOR, for: ['court-use'] });
    link(withConsent, elements[2], 'supports', 'De rapportage noemt de verdachte bij naam (fictief).', 'strong');
    const ended = linkOn > MANDATE_ENDED ? addDays(linkOn, 20) : MANDATE_ENDED;
    withConsent.add('evidence.availability-changed', ended, { available: false, reason: 'het mandaat van het OOM-Noordland is geëindigd; het archief is niet meer toegankelijk (fictief)' });
    // a lead only: the fourth element has nothing else
    const lead = newItem('Analyse van het mechanisme, alleen als aanwijzing (fictief)');
    lead.add('evidence.conditions-set', acquiredOn, { conditions: 'lead-only', originator: DEMO_ORIGINATOR });
    link(lead, elements[3], 'supports', 'Wijst op de rol van de verdachte; alleen als aanwijzing verstrekt (fictief).', 'weak');
    // the case's own first item proves the first element too, and gives context to the last
    const own = new StreamBuilder(context, rng.fork(`own-${entry.caseStream}`), 'evidence', entry.items[0]!.stream.slice('evidence/'.length), recordedFloor);
    link(own, elements[0], 'supports', 'Eigen bewijs van het team (fictief).', 'strong');
    if (elements.length > 5) link(own, elements.at(-1), 'context', 'Achtergrond bij de situatie (fictief).', 'weak');
    yield* usable.events;
    yield* withConsent.events;
    yield* lead.events;
    yield* own.events;
  }
}

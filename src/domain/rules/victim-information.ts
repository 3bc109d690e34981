/**
 * R5, the victim's right to information (Sv art. 51ac; docs/domain.md §3): a registered victim is told about the start
 * and progress of the case. Two duties can fall due: (a) the periodic update of the police victim protocol
 * during a long case, counted from the last time the victim was informed (or from the registration), and
 * (b) notice of each key event (indictment, judgment, closing) within the notification period. The periods are
 * configuration; the as-of date is an argument, never the clock.
 *
 * What a piece of information discharges (docs/domain.md §3, R5): information that names its `duties` discharges
 * exactly those — the periodic update and/or the key events it names; information about something else clears
 * no duty. Older information without `duties` keeps the reading of format v1 before the field existed: it counts
 * as the periodic update, as notice of the key event named in `concerning`, and as notice of every key event dated
 * on or before it.
 */
import { PERIODIC_UPDATE } from '../criminal/events.js';
import { addDays, addMonths, dateInWords } from '../dates.js';
import type { Bilingual, RuleConfig } from './rule-config.js';

/** The events of the criminal stream as far as this rule needs them, as shown (retractions applied), sorted. */
export interface CaseEvent {
  id: string;
  type: string;
  date: string;
  data: Record<string, unknown>;
}

/** The events a victim has a right to hear about within the notification period. */
export const KEY_EVENT_TYPES: readonly string[] = ['criminal.indicted', 'criminal.judgment', 'criminal.closed'];

/** How the explanations name the key events (the web labels them itself from `eventType`). */
const KEY_EVENT_NAMES: Readonly<Record<string, Bilingual>> = {
  'criminal.indicted': { nl: 'Dagvaarding', en: 'Indictment' },
  'criminal.judgment': { nl: 'Uitspraak', en: 'Judgment' },
  'criminal.closed': { nl: 'Afsluiting van de zaak', en: 'Closing of the case' },
};

/** The duties a piece of information names, or undefined for older information that names none. */
export function dutiesOf(information: CaseEvent): readonly string[] | undefined {
  const duties = information.data.duties;
  return Array.isArray(duties) ? duties.filter((duty): duty is string => typeof duty === 'string') : undefined;
}

/** Whether information counts as the periodic update: it names it, or (older data) it names no duties at all. */
function countsAsPeriodicUpdate(information: CaseEvent): boolean {
  const duties = dutiesOf(information);
  return duties === undefined || duties.includes(PERIODIC_UPDATE);
}

/** Whether information told the victim of a key event: it names the event; older data also by its date. */
function toldOf(information: CaseEvent, event: CaseEvent): boolean {
  const duties = dutiesOf(information);
  if (duties !== undefined) return duties.includes(event.id);
  return information.data.concerning === event.id || information.date >= event.date;
}

export interface InformationDuty {
  kind: 'periodic-update' | 'key-event';
  /** The last day on which the victim can be informed in time. */
  dueDate: string;
  overdue: boolean;
  /** For a key event: the event the victim must hear about. */
  eventId: string | null;
  eventType: string | null;
  /** For a key event: its date. */
  eventDate: string | null;
  /** The day the period runs from: the key event's date, or the last update (or the registration). */
  since: string;
  explanation: Bilingual;
}

export interface VictimInformationStatus {
  victim: string;
  registeredOn: string | null;
  lastInformed: { eventId: string; date: string; about: string; concerning: string | null } | null;
  /** Every duty open on the as-of date, overdue or not, earliest due first. */
  duties: InformationDuty[];
  overdue: boolean;
  /** The overdue duties: why the victim should have been informed, and by when. */
  reasons: InformationDuty[];
}

/** R5: the information status of one victim of a criminal case on a date. */
export function victimInformationStatus(
  events: readonly CaseEvent[],
  victim: string,
  asOf: string,
  config: RuleConfig,
): VictimInformationStatus {
  const known = events.filter((event) => event.date <= asOf);
  const registration = known.find((event) => event.type === 'criminal.victim-registered' && event.data.victim === victim);
  if (!registration) {
    return { victim, registeredOn: null, lastInformed: null, duties: [], overdue: false, reasons: [] };
  }
  const informed = known.filter((event) => event.type === 'criminal.victim-informed' && event.data.victim === victim);
  const last = informed.at(-1);
  const lastInformed = last
    ? { eventId: last.id, date: last.date, about: String(last.data.about ?? ''), concerning: typeof last.data.concerning === 'string' ? last.data.concerning : null }
    : null;

  const duties: InformationDuty[] = [];
  const closed = known.some((event) => event.type === 'criminal.closed');
  // The periodic update belongs to a running case: once closed, the notice of the closing takes over.
  if (!closed) {
    const lastUpdate = informed.filter(countsAsPeriodicUpdate).at(-1);
    const since = lastUpdate?.date ?? registration.date;
    const months = config.durations.victimPeriodicUpdateMonths;
    const dueDate = addMonths(since, months);
    duties.push({
      kind: 'periodic-update',
      dueDate,
      overdue: asOf > dueDate,
      eventId: null,
      eventType: null,
      eventDate: null,
      since,
      explanation: lastUpdate
        ? {
            nl: `Periodieke update elke ${months} maanden: laatste update op ${dateInWords(since, 'nl')}, uiterlijk ${dateInWords(dueDate, 'nl')} opnieuw.`,
            en: `Periodic update every ${months} months: last update on ${dateInWords(since, 'en')}, next by ${dateInWords(dueDate, 'en')}.`,
          }
        : {
            nl: `Periodieke update elke ${months} maanden: nog geen update sinds de registratie op ${dateInWords(since, 'nl')}, uiterlijk ${dateInWords(dueDate, 'nl')}.`,
            en: `Periodic update every ${months} months: no update since registration on ${dateInWords(since, 'en')}, due by ${dateInWords(dueDate, 'en')}.`,
          },
    });
  }

  const days = config.durations.victimKeyEventNotificationDays;
  for (const event of known) {
    if (!KEY_EVENT_TYPES.includes(event.type) || event.date <= registration.date) continue;
    if (informed.some((information) => toldOf(information, event))) continue;
    const dueDate = addDays(event.date, days);
    const what = KEY_EVENT_NAMES[event.type] ?? { nl: event.type, en: event.type };
    duties.push({
      kind: 'key-event',
      dueDate,
      overdue: asOf > dueDate,
      eventId: event.id,
      eventType: event.type,
      eventDate: event.date,
      since: event.date,
      explanation: {
        nl: `${what.nl} op ${dateInWords(event.date, 'nl')}: het slachtoffer moet binnen ${days} dagen worden geïnformeerd, uiterlijk ${dateInWords(dueDate, 'nl')}.`,
        en: `${what.en} on ${dateInWords(event.date, 'en')}: the victim must be informed within ${days} days, by ${dateInWords(dueDate, 'en')}.`,
      },
    });
  }

  duties.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  const reasons = duties.filter((duty) => duty.overdue);
  return { victim, registeredOn: registration.date, lastInformed, duties, overdue: reasons.length > 0, reasons };
}

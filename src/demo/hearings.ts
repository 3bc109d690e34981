/**
 * Upcoming court hearings (`criminal.hearing-scheduled`, an extension of format v1) for the demo's criminal cases
 * that are before a court at the demo horizon: each gets one hearing after the demo's "today" (2026-11-28), by the end of March 2027,
 * scheduled on the horizon. A hearing changes no phase and no report figure. Hearing events have an id series of
 * their own (`hz-<case>`) and draw from their own random source, so adding them leaves every other event id and
 * every other random draw as it was.
 */
import { addDays } from '../domain/dates.js';
import type { CalendarDate } from '../domain/dates.js';
import type { EventInput } from '../domain/event.js';
import { DEMO_HORIZON, RECORDING_DEADLINE, dateIn } from './calendar.js';
import type { Rng } from './prng.js';

/**
 * Hearings fall in this window: from the days after the demo's "today" to the end of March, so most lie within the
 * inbox's 90 days and the first ones are to be prepared now.
 */
const HEARING_WINDOW = ['2026-12-01', '2027-03-26'] as const;

/** The phase a criminal case is in after its events, by the events that move it (docs/domain.md §4). */
const PHASE_AFTER: Readonly<Record<string, string>> = {
  'criminal.opened': 'investigation',
  'criminal.indicted': 'first-instance',
  'criminal.appeal-lodged': 'appeal',
  'criminal.cassation-lodged': 'cassation',
  'criminal.referred-back': 'appeal',
  'criminal.closed': 'closed',
};

const COURT_OF: Readonly<Record<string, string>> = {
  'first-instance': 'Rechtbank Den Haag',
  appeal: 'Gerechtshof Den Haag',
  cassation: 'Hoge Raad der Nederlanden',
};

/** The hearing of a case before a court, or undefined for a case under investigation or closed. */
export function upcomingHearing(rng: Rng, caseId: string, events: readonly EventInput[]): EventInput | undefined {
  const phase = phaseAfter(events);
  let court: string | undefined;
  for (const event of events) {
    if (event.type === 'criminal.referred-back' && typeof event.data.court === 'string') court = event.data.court;
  }
  const before = COURT_OF[phase];
  if (before === undefined) return undefined;
  const latest = events.reduce((max, event) => (event.recordedAt! > max ? event.recordedAt! : max), '');
  let recordedAt = `${addDays(DEMO_HORIZON, rng.int(1, 10))}T${String(rng.int(8, 16)).padStart(2, '0')}:15:00Z`;
  if (recordedAt <= latest) recordedAt = `${new Date(Date.parse(latest) + 10 * 60_000).toISOString().slice(0, 19)}Z`;
  if (recordedAt > RECORDING_DEADLINE) recordedAt = RECORDING_DEADLINE;
  return {
    id: `hz-${caseId}`,
    stream: `criminal/${caseId}`,
    type: 'criminal.hearing-scheduled',
    date: DEMO_HORIZON,
    recordedAt,
    data: { date: weekday(dateIn(rng, HEARING_WINDOW)), court: phase === 'appeal' && court ? court : before },
  };
}

/** The phase of a criminal case after its events (`not-opened` before any). */
export function phaseAfter(events: readonly EventInput[]): string {
  let phase = 'not-opened';
  for (const event of events) phase = PHASE_AFTER[event.type] ?? phase;
  return phase;
}

/** Courts sit on weekdays: a Saturday or Sunday moves to the Monday after. */
function weekday(date: CalendarDate): CalendarDate {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 6 ? addDays(date, 2) : day === 0 ? addDays(date, 1) : date;
}

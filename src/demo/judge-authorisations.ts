/**
 * Authorisations of the investigating judge (`criminal.judge-authorisation`, R3) in the demo: most criminal cases
 * still open at the demo horizon have one for their suspect, decided in 2026 and valid for four to six months, so
 * that some expire in the weeks after the demo's "today" (2026-11-28: the OM's inbox lists them) and others later.
 * An authorisation changes no phase and no report figure. Its events have an id series of their own
 * (`ja-<case>`) and draw from their own random source, so adding them leaves every other event id and random draw
 * as it was.
 */
import { addDays } from '../domain/dates.js';
import type { CalendarDate } from '../domain/dates.js';
import type { EventInput } from '../domain/event.js';
import { DEMO_HORIZON, RECORDING_DEADLINE, dateIn, laterOf } from './calendar.js';
import { phaseAfter } from './hearings.js';
import type { Rng } from './prng.js';

/** The share of open cases with an authorisation. */
const SHARE = 0.7;
/** When they end: a third in the month after the demo's "today", the rest in the first months of 2027. */
const EXPIRING_SOON: readonly [CalendarDate, CalendarDate] = ['2026-11-30', '2026-12-24'];
const LATER: readonly [CalendarDate, CalendarDate] = ['2027-01-08', '2027-03-19'];

/** The authorisation on a case open at the horizon, or undefined (closed, or none drawn). */
export function judgeAuthorisation(rng: Rng, caseId: string, suspect: string, events: readonly EventInput[]): EventInput | undefined {
  const phase = phaseAfter(events);
  if (phase === 'closed' || phase === 'not-opened' || !rng.chance(SHARE)) return undefined;
  const validUntil = dateIn(rng, rng.chance(0.35) ? EXPIRING_SOON : LATER);
  const lastDate = events.reduce((max, event) => (event.date > max ? event.date : max), '');
  // at most six months (config/rules.json judgeAuthorisationMaxMonths); on or after the case's latest event
  let decidedOn = addDays(validUntil, -rng.int(120, 175));
  if (decidedOn > DEMO_HORIZON) decidedOn = DEMO_HORIZON;
  decidedOn = laterOf(decidedOn, lastDate);
  const latest = events.reduce((max, event) => (event.recordedAt! > max ? event.recordedAt! : max), '');
  let recordedAt = `${addDays(decidedOn, rng.int(1, 4))}T${String(rng.int(8, 16)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00Z`;
  if (recordedAt <= latest) recordedAt = `${new Date(Date.parse(latest) + 10 * 60_000).toISOString().slice(0, 19)}Z`;
  if (recordedAt > RECORDING_DEADLINE) recordedAt = RECORDING_DEADLINE;
  return {
    id: `ja-${caseId}`,
    stream: `criminal/${caseId}`,
    type: 'criminal.judge-authorisation',
    date: decidedOn,
    recordedAt,
    data: {
      decisionReference: `RC ${decidedOn.slice(2, 4)}/${String(rng.int(100, 999)).padStart(4, '0')}`,
      court: 'Rechtbank Den Haag',
      person: suspect,
      validFrom: decidedOn,
      validUntil,
    },
  };
}

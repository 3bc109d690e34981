/**
 * The demo registry's calendar: the period it covers, date windows, and random dates drawn inside them.
 * A window is a pair of calendar dates, both included; every trajectory says in which window each step falls,
 * which is what keeps the report figures exact whatever the random draws.
 */
import { addDays } from '../domain/dates.js';
import type { CalendarDate } from '../domain/dates.js';
import type { Rng } from './prng.js';

/** The first legal date of the demo registry. */
export const DEMO_FIRST_DATE = '2010-01-01';
/** The last legal date an event may carry: later steps of a trajectory are left out (they have not happened yet). */
export const DEMO_HORIZON = '2026-09-30';
/** Every event is recorded (transaction time) before this instant, so an import on or after 2026-11-01 takes all. */
export const RECORDING_DEADLINE = '2026-10-31T17:00:00Z';

export type Window = readonly [from: CalendarDate, to: CalendarDate];

export function inYear(year: number): Window {
  return [`${year}-01-01`, `${year}-12-31`];
}

export function inYears(first: number, last: number): Window {
  return [`${first}-01-01`, `${last}-12-31`];
}

/** From the start of a year up to the demo horizon. */
export function sinceYear(first: number): Window {
  return [`${first}-01-01`, DEMO_HORIZON];
}

export function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, 4));
}

export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function laterOf(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a > b ? a : b;
}

export function earlierOf(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a < b ? a : b;
}

/** A date in the window, both ends included. */
export function dateIn(rng: Rng, [from, to]: Window): CalendarDate {
  const span = daysBetween(from, to);
  if (span < 0) throw new RangeError(`empty window ${from}..${to}`);
  return addDays(from, rng.int(0, span));
}

/** A date `min` to `max` days after `date`. */
export function daysAfter(rng: Rng, date: CalendarDate, min: number, max: number): CalendarDate {
  return addDays(date, rng.int(min, max));
}

/**
 * Draws one date per window, strictly increasing with at least `minGapDays` between neighbours. A backward pass
 * first finds the latest each date may be so the later ones still fit; then each date is drawn between the
 * earliest and latest it may be. Throws when the windows cannot hold such dates: a mistake in a trajectory table.
 */
export function increasingDates(rng: Rng, windows: readonly Window[], minGapDays: number): CalendarDate[] {
  const latest: CalendarDate[] = new Array<CalendarDate>(windows.length);
  for (let index = windows.length - 1; index >= 0; index -= 1) {
    const own = windows[index]![1];
    const next = latest[index + 1];
    latest[index] = next === undefined ? own : earlierOf(own, addDays(next, -minGapDays));
  }
  const dates: CalendarDate[] = [];
  for (const [index, [from]] of windows.entries()) {
    const previous = dates[index - 1];
    const earliest = previous === undefined ? from : laterOf(from, addDays(previous, minGapDays));
    if (earliest > latest[index]!) {
      throw new RangeError(`windows ${JSON.stringify(windows)} cannot hold dates ${minGapDays} days apart`);
    }
    dates.push(dateIn(rng, [earliest, latest[index]!]));
  }
  return dates;
}

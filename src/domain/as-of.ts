/**
 * The time axis of every read, parsed once at the edge (command-line option or query field) into one value: the
 * legal date looked at (valid time) and the moment of the registry's knowledge (transaction time). Every operation
 * takes an `AsOf`; none parses text about time.
 */
import { isCalendarDate } from './dates.js';
import { InvalidField } from './errors.js';

export interface AsOf {
  /** The legal date the state is taken on (YYYY-MM-DD). */
  date: string;
  /** As the registry knew it at this moment (ISO 8601, UTC). */
  recordedAt: string;
  /** Whether the caller named the moment (shown back as given) or it is simply now. */
  recordedAtGiven: boolean;
}

/** What a caller may give: both optional; a missing date is today, a missing moment is now. */
export interface AsOfInput {
  date?: string;
  asRecordedAt?: string;
}

export function parseAsOf(input: AsOfInput, now: Date): AsOf {
  return {
    date: parseDate(input.date, now),
    recordedAt: input.asRecordedAt === undefined ? now.toISOString() : parseRecordedAt(input.asRecordedAt),
    recordedAtGiven: input.asRecordedAt !== undefined,
  };
}

/** A legal date the caller gave, or today. */
export function parseDate(text: string | undefined, now: Date, field = 'date'): string {
  if (text === undefined) return now.toISOString().slice(0, 10);
  if (!isCalendarDate(text)) throw new InvalidField(field, 'a calendar date YYYY-MM-DD', text);
  return text;
}

/**
 * An "as recorded at" moment: an ISO 8601 time, or a bare date meaning the end of that day (everything recorded on
 * it is known). Returns it in the store's normal form.
 */
export function parseRecordedAt(text: string): string {
  const value = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T23:59:59.999Z`) : new Date(text);
  // Years outside 0001–9999 are no time the registry can have recorded anything at (and PostgreSQL refuses year 0).
  if (Number.isNaN(value.getTime()) || value.getUTCFullYear() < 1 || value.getUTCFullYear() > 9999) throw new InvalidField('asRecordedAt', 'a date or an ISO 8601 time such as 2026-01-15T12:00:00Z', text);
  return value.toISOString();
}

/** The moment the view is "as recorded at" when the caller named one, else undefined (a view of now). */
export function givenRecordedAt(asOf: AsOf): string | undefined {
  return asOf.recordedAtGiven ? asOf.recordedAt : undefined;
}

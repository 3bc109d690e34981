/**
 * Dates of the domain: calendar dates (valid time, `YYYY-MM-DD`), partial dates for alleged acts (`YYYY`,
 * `YYYY-MM`, `YYYY-MM-DD`) and ISO timestamps (transaction time). Pure functions on strings: the domain never
 * reads the clock, and a `YYYY-MM-DD` string orders correctly with plain string comparison.
 */

/** A date in the calendar, `YYYY-MM-DD`. */
export type CalendarDate = string;

/** How precisely a partial date is known. */
export type DatePrecision = 'year' | 'month' | 'day';

/** A date known to the year, the month or the day, with the first and last day it may stand for. */
export interface PartialDate {
  text: string;
  precision: DatePrecision;
  earliest: CalendarDate;
  latest: CalendarDate;
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
// ISO 8601 extended format with a zone (Z or ±hh:mm / ±hhmm / ±hh): without a zone the instant is ambiguous.
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)$/;
/** UTC with seconds and up to milliseconds: the form normaliseTimestamp returns, but for the fraction's padding. */
const UTC_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?Z$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The number of days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function formatDate(year: number, month: number, day: number): CalendarDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

// There is no year 0000 (1 BC is followed by AD 1), and PostgreSQL refuses it: the calendar starts at 0001.
function isValidDay(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** True for a real calendar date `YYYY-MM-DD`: 2024-02-29 yes, 2025-02-30 and 2025-13-45 no. */
export function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  return isValidDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Reads a partial date (`1994`, `2012-03`, `2013-05-20`); undefined when it is not one. */
export function parsePartialDate(value: string): PartialDate | undefined {
  const match = PARTIAL_DATE.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < 1) return undefined;
  if (match[2] === undefined) {
    return { text: value, precision: 'year', earliest: formatDate(year, 1, 1), latest: formatDate(year, 12, 31) };
  }
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  if (match[3] === undefined) {
    return {
      text: value,
      precision: 'month',
      earliest: formatDate(year, month, 1),
      latest: formatDate(year, month, daysInMonth(year, month)),
    };
  }
  const day = Number(match[3]);
  if (!isValidDay(year, month, day)) return undefined;
  return { text: value, precision: 'day', earliest: value, latest: value };
}

export function isPartialDate(value: string): boolean {
  return parsePartialDate(value) !== undefined;
}

/**
 * Compares two partial dates at their precision: `1994` is before `1995-03`, but `1994` and `1994-06-01`
 * overlap, since the year may stand for that very day.
 */
export function comparePartialDates(a: PartialDate, b: PartialDate): 'before' | 'after' | 'overlaps' {
  if (a.latest < b.earliest) return 'before';
  if (a.earliest > b.latest) return 'after';
  return 'overlaps';
}

function isValidTime(hour: string, minute: string, second: string): boolean {
  return Number(hour) <= 23 && Number(minute) <= 59 && Number(second) <= 59;
}

/**
 * Normalises an ISO 8601 timestamp with a zone to the form of `Date.prototype.toISOString()`
 * (`2024-12-12T09:30:00.000Z`), so that string comparison orders instants. Undefined when it is not one.
 */
export function normaliseTimestamp(value: string): string | undefined {
  // Most timestamps arrive in UTC already (every export writes that form): then checking the fields is enough.
  const utc = UTC_TIMESTAMP.exec(value);
  if (utc) {
    const [, year, month, day, hour, minute, second, millis] = utc;
    const valid = isValidDay(Number(year), Number(month), Number(day)) && isValidTime(hour!, minute!, second!);
    return valid ? `${year}-${month}-${day}T${hour}:${minute}:${second}.${(millis ?? '').padEnd(3, '0')}Z` : undefined;
  }
  const match = TIMESTAMP.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  if (!isValidDay(Number(year), Number(month), Number(day)) || !isValidTime(hour!, minute!, second ?? '00')) return undefined;
  let offset = zone ?? 'Z';
  if (offset !== 'Z') {
    const hours = offset.slice(1, 3);
    const minutes = offset.length > 3 ? offset.slice(-2) : '00';
    if (Number(hours) > 23 || Number(minutes) > 59) return undefined;
    offset = `${offset[0]}${hours}:${minutes}`;
  }
  // Date keeps milliseconds only; finer fractions are cut, not rounded, so an instant never moves forward.
  const millis = (fraction ?? '.000').slice(1, 4).padEnd(3, '0');
  const instant = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second ?? '00'}.${millis}${offset}`);
  if (Number.isNaN(instant.getTime()) || instant.getUTCFullYear() < 1) return undefined;
  return instant.toISOString();
}

export function isTimestamp(value: string): boolean {
  return normaliseTimestamp(value) !== undefined;
}

function parts(date: CalendarDate): [number, number, number] {
  const match = CALENDAR_DATE.exec(date);
  if (!match || !isValidDay(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw new RangeError(`not a calendar date: ${date}`);
  }
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** Adds (or with a negative number subtracts) days: `addDays('2024-02-28', 2)` is `2024-03-01`. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const [year, month, day] = parts(date);
  const instant = new Date(Date.UTC(year, month - 1, day + days));
  return formatDate(instant.getUTCFullYear(), instant.getUTCMonth() + 1, instant.getUTCDate());
}

/**
 * Adds months, keeping the day of the month where it exists and otherwise taking the month's last day:
 * `addMonths('2024-08-31', 6)` is `2025-02-28`.
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [year, month, day] = parts(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const newYear = Math.floor(monthIndex / 12);
  const newMonth = monthIndex - newYear * 12 + 1;
  return formatDate(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

export function addYears(date: CalendarDate, years: number): CalendarDate {
  return addMonths(date, years * 12);
}

/** The calendar date (UTC) of a normalised timestamp. */
export function dateOfTimestamp(timestamp: string): CalendarDate {
  return timestamp.slice(0, 10);
}

const MONTHS: Record<'nl' | 'en', readonly string[]> = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/**
 * A date as people write it in the sentences the rules explain themselves with: "17 oktober 2021", "17 October 2021";
 * a partial date at its precision ("oktober 2021", "2021"). Anything else stays as it is.
 */
export function dateInWords(date: string, lang: 'nl' | 'en'): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match) return date;
  const [, year, month, day] = match;
  if (!month) return year!;
  const name = MONTHS[lang][Number(month) - 1];
  if (!name) return date;
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

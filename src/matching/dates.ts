/**
 * Birth dates at any precision ("1976", "1976-10", "1976-10-05", a range "1963/1968") and how two of them
 * compare *at the precision they share*: a year-only date never contradicts a full date of the same year.
 */

/** A birth date as known: a year range, and month and day when known. */
export interface BirthDate {
  readonly text: string;
  readonly fromYear: number;
  readonly toYear: number;
  readonly month?: number;
  readonly day?: number;
}

export type DateOutcome = 'agree' | 'compatible' | 'near' | 'conflict' | 'unknown';

/** The comparison of the birth dates of a query and an entry. */
export interface DateComparison {
  readonly outcome: DateOutcome;
  /** The precision at which the dates agree: 'day', 'month' or 'year'. */
  readonly precision?: 'day' | 'month' | 'year';
  readonly query?: string;
  readonly entry?: string;
  readonly detail: string;
}

const FULL = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;
const RANGE = /^(\d{4})\s*(?:\/|\.\.|–|-\s)\s*(\d{4})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Parses a birth date strictly: "YYYY", "YYYY-MM", "YYYY-MM-DD" or a year range "YYYY/YYYY".
 * Returns an error message for anything else (for importers, which must say what is wrong).
 */
export function parseBirthDateStrict(text: string): BirthDate | string {
  const trimmed = text.trim();
  const range = RANGE.exec(trimmed);
  if (range) {
    const fromYear = Number(range[1]);
    const toYear = Number(range[2]);
    if (toYear < fromYear) return `year range "${text}" ends before it starts`;
    return { text: trimmed, fromYear, toYear };
  }
  const match = FULL.exec(trimmed);
  if (!match) return `"${text}" is not a date: use YYYY, YYYY-MM, YYYY-MM-DD or a range YYYY/YYYY`;
  const year = Number(match[1]);
  if (year < 1800 || year > 2100) return `year ${year} is out of range`;
  if (match[2] === undefined) return { text: trimmed, fromYear: year, toYear: year };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return `month ${match[2]} does not exist`;
  if (match[3] === undefined) return { text: trimmed, fromYear: year, toYear: year, month };
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return `day ${match[3]} does not exist in ${year}-${String(month).padStart(2, '0')}`;
  return { text: trimmed, fromYear: year, toYear: year, month, day };
}

/**
 * Parses a birth date leniently, for queries typed by people: an impossible day or month is dropped (the rest
 * still counts), anything unreadable gives undefined.
 * @example parseBirthDate('1974-01-32') // { fromYear: 1974, toYear: 1974, month: 1 }
 */
export function parseBirthDate(text: string): BirthDate | undefined {
  const strict = parseBirthDateStrict(text);
  if (typeof strict !== 'string') return strict;
  const match = FULL.exec(text.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < 1800 || year > 2100) return undefined;
  const month = Number(match[2]);
  if (month >= 1 && month <= 12) return { text: text.trim(), fromYear: year, toYear: year, month };
  return { text: text.trim(), fromYear: year, toYear: year };
}

const RANK: Readonly<Record<DateOutcome, number>> = { agree: 4, compatible: 3, near: 2, conflict: 1, unknown: 0 };

function comparePair(a: BirthDate, b: BirthDate): Omit<DateComparison, 'query' | 'entry'> {
  const overlap = a.fromYear <= b.toYear && b.fromYear <= a.toYear;
  const exactYears = a.fromYear === a.toYear && b.fromYear === b.toYear;
  if (!overlap) {
    const gap = Math.min(Math.abs(a.fromYear - b.toYear), Math.abs(b.fromYear - a.toYear));
    return gap <= 1
      ? { outcome: 'near', detail: `years ${gap} apart` }
      : { outcome: 'conflict', detail: `years differ by ${gap}` };
  }
  if (!exactYears) return { outcome: 'compatible', precision: 'year', detail: 'the year falls in the range' };
  if (a.month === undefined || b.month === undefined) {
    return a.month === b.month
      ? { outcome: 'agree', precision: 'year', detail: 'same year (both year only)' }
      : { outcome: 'compatible', precision: 'year', detail: 'same year; one date is known to the year only' };
  }
  if (a.month !== b.month) {
    const swapped = a.day !== undefined && b.day !== undefined && a.day === b.month && a.month === b.day;
    return { outcome: 'near', detail: swapped ? 'same year, day and month swapped' : 'same year, different month' };
  }
  if (a.day === undefined || b.day === undefined) {
    return a.day === b.day
      ? { outcome: 'agree', precision: 'month', detail: 'same year and month' }
      : { outcome: 'compatible', precision: 'month', detail: 'same year and month; one date has no day' };
  }
  return a.day === b.day
    ? { outcome: 'agree', precision: 'day', detail: 'same date' }
    : { outcome: 'near', detail: 'same year and month, different day' };
}

/**
 * Compares the birth dates of a query and an entry: the best-agreeing pair counts (people have several recorded
 * birth dates). 'unknown' when either side has none.
 */
export function compareBirthDates(query: readonly BirthDate[], entry: readonly BirthDate[]): DateComparison {
  if (query.length === 0 || entry.length === 0) return { outcome: 'unknown', detail: query.length === 0 ? 'no birth date in the query' : 'no birth date in the entry' };
  let best: DateComparison | undefined;
  for (const a of query) {
    for (const b of entry) {
      const result = { ...comparePair(a, b), query: a.text, entry: b.text };
      if (!best || RANK[result.outcome] > RANK[best.outcome] || (result.outcome === best.outcome && precisionRank(result) > precisionRank(best))) best = result;
    }
  }
  return best as DateComparison;
}

function precisionRank(result: DateComparison): number {
  return result.precision === 'day' ? 3 : result.precision === 'month' ? 2 : result.precision === 'year' ? 1 : 0;
}

/**
 * Dates, times and figures written the way a Dutch (or English) reader of the letter to parliament expects them.
 * Intl does the language work; this file only fixes the locale, the time zone and the pattern.
 */
import { ImketenError } from '../../domain/errors.js';
import type { Language } from '../report.js';
import { label } from './labels.js';
import { dateInWords } from '../../domain/dates.js';

/** en-GB rather than en-US: day before month ("31 December 2025"), as in the English versions of Dutch letters. */
const LOCALES: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

/**
 * The registry stores transaction times in UTC; the people who sign the letter read Dutch time. Converting here
 * (and only here) keeps the JSON in UTC while "Stand van de registratie per" shows the clock they saw.
 */
const READER_TIME_ZONE = 'Europe/Amsterdam';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Intl formatters are costly to build and a report formats hundreds of figures: one per language, built when first used.
const FIGURE_FORMATS = new Map<Language, Intl.NumberFormat>();
let readerClock: Intl.DateTimeFormat | undefined;

function formatterOf<F>(formats: Map<Language, F>, lang: Language, build: (locale: string) => F): F {
  let format = formats.get(lang);
  if (!format) formats.set(lang, (format = build(LOCALES[lang])));
  return format;
}

/**
 * A calendar date (YYYY-MM-DD) in words: `formatDate('2025-12-31', 'nl')` is "31 december 2025",
 * in English "31 December 2025". Throws INVALID_INPUT on anything that is not a real date.
 */
export function formatDate(isoDate: string, lang: Language): string {
  const match = ISO_DATE.exec(isoDate);
  const date = match ? new Date(`${isoDate}T00:00:00Z`) : undefined;
  // new Date() rolls 2025-02-30 over into March: compare the day back to catch it.
  if (!match || !date || Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(match[3])) {
    throw new ImketenError('INVALID_INPUT', `"${isoDate}" is not a date of the form YYYY-MM-DD: check the report's referenceDates.`);
  }
  return dateInWords(isoDate, lang);
}

/**
 * A transaction time (ISO 8601) as Dutch clock time: `formatRecordedAt('2026-11-28T10:00:00Z', 'nl')` is
 * "28 november 2026, 11:00 uur"; in English "28 November 2026, 11:00 CET".
 */
export function formatRecordedAt(isoTimestamp: string, lang: Language): string {
  const instant = new Date(isoTimestamp);
  if (Number.isNaN(instant.getTime())) {
    throw new ImketenError('INVALID_INPUT', `"${isoTimestamp}" is not an ISO 8601 time: check the report's asRecordedAt.`);
  }
  readerClock ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: READER_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short',
  });
  const parts = readerClock.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  const date = formatDate(`${part('year')}-${part('month')}-${part('day')}`, lang);
  const time = `${part('hour')}:${part('minute')}`;
  const suffix = label('timeSuffix', lang) || part('timeZoneName');
  return `${date}, ${time} ${suffix}`;
}

/** A figure with the thousands separator of the language: 1234 is "1.234" in Dutch and "1,234" in English. */
export function formatFigure(value: number, lang: Language): string {
  return formatterOf(FIGURE_FORMATS, lang, (locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })).format(value);
}

/** The span of the report's column years with an en dash, as in the letter's title: "2024–2025". */
export function formatYearSpan(columns: readonly number[]): string {
  const first = columns[0];
  const last = columns[columns.length - 1];
  if (first === undefined || last === undefined) return '';
  return first === last ? String(first) : `${first}–${last}`;
}

import { dayOfImport } from './day-of-import.js';

/**
 * The instant a Dutch calendar day begins (midnight in Europe/Amsterdam, CET or CEST), ISO 8601 UTC: for filters
 * on recorded times by the days a Dutch user names.
 * @example startOfDutchDay('2026-07-01') // '2026-06-30T22:00:00.000Z'
 */
export function startOfDutchDay(date: string): string {
  const midnightUtc = Date.parse(`${date}T00:00:00.000Z`);
  if (Number.isNaN(midnightUtc)) throw new RangeError(`not a date: ${date}`);
  for (const hours of [1, 2]) {
    const candidate = new Date(midnightUtc - hours * 3_600_000);
    if (dayOfImport(candidate) === date && dayOfImport(new Date(candidate.getTime() - 1)) !== date) return candidate.toISOString();
  }
  throw new RangeError(`no Dutch midnight found for ${date}`);
}

// en-CA formats a date as YYYY-MM-DD.
const DUTCH_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The day of import, in the Netherlands (the registry's legal dates are Dutch days): a legal date after it is a fact
 * the registry cannot know yet. Computed from the clock the caller is given; the domain never reads the clock.
 * @example dayOfImport(new Date('2026-06-30T22:30:00Z')) // '2026-07-01'
 */
export function dayOfImport(now: Date): string {
  return DUTCH_DAY.format(now);
}

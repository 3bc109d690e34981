/**
 * Which period a digest belongs to, on the clock of the Netherlands (Europe/Amsterdam): a daily digest is the
 * day's ('daily:2026-12-02'), a weekly one the ISO week's ('weekly:2026-W49'). A digest is due from `sendHour` on
 * its day (weekly: from Monday on; a server that was down then sends it later in the same week). One digest per
 * user and period: the period key is what src/store/digest-store.ts claims.
 */
const TIME_ZONE = 'Europe/Amsterdam';

const parts = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' });

/** The local date ('YYYY-MM-DD') and hour (0–23) in the Netherlands at `at`. */
export function localTime(at: Date): { date: string; hour: number } {
  const values = Object.fromEntries(parts.formatToParts(at).map((part) => [part.type, part.value]));
  return { date: `${values.year}-${values.month}-${values.day}`, hour: Number(values.hour) };
}

/** ISO 8601 week of a calendar date: '2026-W49'. */
export function isoWeek(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = (day.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(day.getTime() + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export interface DigestPeriod {
  key: string;
  /** Whether the digest of this period may be sent at `at` (its day has reached the send hour). */
  due: boolean;
  /** The local date the period is read at (the date of the digest's reads). */
  date: string;
}

export function digestPeriod(at: Date, frequency: 'daily' | 'weekly', sendHour: number): DigestPeriod {
  const { date, hour } = localTime(at);
  if (frequency === 'daily') return { key: `daily:${date}`, due: hour >= sendHour, date };
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return { key: `weekly:${isoWeek(date)}`, due: weekday > 0 || hour >= sendHour, date };
}

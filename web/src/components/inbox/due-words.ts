/** A due date in words, relative to the day of the inbox: "al 3 maanden te laat", "uiterlijk over 5 dagen", "uiterlijk vandaag". */
import type { TFunction } from 'i18next';

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The span between two days in the largest whole unit: days below two months, then months below two years, then years. */
export function spanInWords(t: TFunction, days: number): string {
  const size = Math.abs(days);
  if (size < 60) return t('inbox.relative.days', { count: size });
  if (size < 730) return t('inbox.relative.months', { count: Math.floor(size / 30.44) });
  return t('inbox.relative.years', { count: Math.floor(size / 365.25) });
}

export function dueInWords(t: TFunction, dueDate: string, today: string): string {
  const days = daysBetween(today, dueDate);
  if (days === 0) return t('inbox.dueToday');
  if (days < 0) return t('inbox.overdueSince', { when: spanInWords(t, days) });
  return t('inbox.dueIn', { when: t('inbox.relative.inFuture', { span: spanInWords(t, days) }) });
}

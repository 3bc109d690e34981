/**
 * Dates, times and numbers as the user's language writes them. Legal dates are calendar dates (no time zone);
 * recorded times are instants, shown in Dutch time.
 */
import type { TFunction } from 'i18next';

const LOCALES = { nl: 'nl-NL', en: 'en-GB' } as const;
const locale = (language: string) => LOCALES[language === 'en' ? 'en' : 'nl'];

export function formatDate(date: string | null | undefined, language: string): string {
  if (!date) return '—';
  const precise = /^\d{4}-\d{2}-\d{2}/.test(date);
  if (!precise) return date;
  return new Intl.DateTimeFormat(locale(language), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date.slice(0, 10)}T00:00:00Z`));
}

export function formatDateTime(instant: string | null | undefined, language: string): string {
  if (!instant) return '—';
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(new Date(instant));
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(locale(language)).format(value);
}

/** A match score (0–1) with two decimals, e.g. 0,93. */
export function formatScore(value: number, language: string): string {
  return new Intl.NumberFormat(locale(language), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

/** A change of a score, signed, e.g. +0,02 or −0,10. */
export function formatEffect(value: number, language: string): string {
  return new Intl.NumberFormat(locale(language), { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(value);
}

/** The label of a domain code (phase, event type, field, value), or the code itself when no label exists. */
export function labelOf(t: TFunction, group: 'phase' | 'eventType' | 'field' | 'value' | 'kind' | 'kindPlural' | 'role' | 'organisation', code: string): string {
  // Codes such as `criminal.opened` hold dots, i18next's key separator: separate the group by '|' instead.
  const translate = t as unknown as (key: string, options: { defaultValue: string; keySeparator: string }) => string;
  return translate(`${group}|${code}`, { defaultValue: code, keySeparator: '|' });
}

/**
 * The phase of a case of one kind in words. A phase code can mean different things per kind: a 1F file's `appeal` is
 * an appeal at the district court (beroep) or, after its ruling, at the Council of State (hoger beroep); a criminal
 * case's `appeal` is at the court of appeal. Given the pending appeal's forum, the label names the court.
 */
export function phaseLabel(t: TFunction, kind: string, phase: string, appealForum?: string | null): string {
  const translate = t as unknown as (key: string, options: { defaultValue: string; keySeparator: string }) => string;
  if (appealForum && phase === 'appeal') return translate(`appealAt|${appealForum}`, { defaultValue: labelOf(t, 'phase', phase), keySeparator: '|' });
  return translate(`phaseOf|${kind}.${phase}`, { defaultValue: labelOf(t, 'phase', phase), keySeparator: '|' });
}

/** An action of the policy in words ("Dossier ingezien"); an unknown one stays its code. */
export function actionLabel(t: TFunction, action: string): string {
  const translate = t as unknown as (key: string, options: { defaultValue: string; keySeparator: string }) => string;
  return translate(`accessAction|${action}`, { defaultValue: action, keySeparator: '|' });
}

/**
 * A legal basis as the policy names it, with the marker of what was not yet confirmed from a primary source
 * ("(verify)" in config/policy.json) in the reader's words.
 */
export function legalBasisText(t: TFunction, basis: string): string {
  return basis.replace(/\s*\(verify\)/g, ` (${t('common.unconfirmed')})`);
}

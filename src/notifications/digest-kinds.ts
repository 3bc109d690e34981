/**
 * The kinds of waiting work a digest counts (README, "Notifications") — the kinds of the task inbox
 * (src/operations/list-waiting-work.ts) — each with the page of the web app where the user finds them. A digest
 * carries a count per kind and these links: never names, case numbers or other details, and never the links of
 * single items (those name a case or person), because the e-mail leaves the system.
 */
import { WAITING_KINDS, type WaitingKind } from '../operations/list-waiting-work.js';

export const DIGEST_KINDS = WAITING_KINDS;
export type DigestKind = WaitingKind;

export function isDigestKind(value: string): value is DigestKind {
  return (DIGEST_KINDS as readonly string[]).includes(value);
}

/** Where the user finds the items of a kind (a path of the web app; the digest puts the public address before it). */
export const DIGEST_KIND_PAGES: Record<DigestKind, string> = {
  'victim-information': '/victims',
  'article3-reassessment': '/cases?kind=departure',
  hearing: '/cases?kind=criminal',
  'screening-hit': '/screening',
  'cross-reference': '/screening',
  'authorisation-expiring': '/',
};

/** The preference page (linked from every digest, to change or stop it). */
export const PREFERENCES_PAGE = '/settings/notifications';

export type DigestCounts = Partial<Record<DigestKind, { count: number; overdue: number }>>;

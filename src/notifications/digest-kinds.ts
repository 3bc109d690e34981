/**
 * The kinds of waiting work a digest counts (README, "Notifications") — the kinds of the task inbox
 * (src/operations/list-waiting-work.ts). A digest carries a count per kind and a link to the inbox: never names, case
 * numbers or other details, and never the links of single items (those name a case or person), because the e-mail
 * leaves the system.
 */
import { WAITING_KINDS, type WaitingKind } from '../operations/list-waiting-work.js';

export const DIGEST_KINDS = WAITING_KINDS;
export type DigestKind = WaitingKind;

export function isDigestKind(value: string): value is DigestKind {
  return (DIGEST_KINDS as readonly string[]).includes(value);
}

/** Where the user finds the items: the task inbox of the web app (the digest puts the public address before it). */
export const INBOX_PAGE = '/inbox';

/** The preference page (linked from every digest, to change or stop it). */
export const PREFERENCES_PAGE = '/settings/notifications';

export type DigestCounts = Partial<Record<DigestKind, { count: number; overdue: number }>>;

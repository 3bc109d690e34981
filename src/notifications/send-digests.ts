/**
 * Sends the digests that are due (README, "Notifications"): for every user who turned the digest on, once per
 * period (day or ISO week, src/notifications/digest-period.ts), the counts of the waiting work of the kinds they
 * chose, read from the task inbox as that user — their own principal, so the read policy decides exactly as when
 * they open the inbox — and mailed over SMTP. Nothing waiting: no mail.
 *
 * Once per period, also with several servers or commands on one database: each digest is claimed in
 * notification_digests (migration 040) before anything is read or sent, and only one claim wins. The row then
 * records what was sent (to whom, when, the counts, the message id) or that nothing waited; a failed send gives the
 * claim up, so the next run tries again. Every read made for a digest is written to the access log as the user's,
 * with the purpose "e-mail digest".
 */
import { appendAccess, type AccessEntry } from '../access-log/access-log.js';
import type { MailConfig } from '../config/mail-config.js';
import { parseAsOf } from '../domain/as-of.js';
import type { RuleConfig } from '../domain/rules/rule-config.js';
import { listWaitingWork } from '../operations/list-waiting-work.js';
import type { Policy } from '../policy/policy.js';
import type { Principal } from '../policy/principal.js';
import type { Db } from '../store/db.js';
import { claimDigest, completeDigest, digestClaimed, listDigestRecipients, releaseDigest, type DigestRecipientRow } from '../store/digest-store.js';
import { isDigestKind, type DigestCounts } from './digest-kinds.js';
import { digestPeriod } from './digest-period.js';
import { createMailer, type Mailer } from './mail-transport.js';
import { renderDigest, waitingKinds } from './render-digest.js';

/** The purpose the access log records for the reads of a digest. */
export const DIGEST_PURPOSE = 'e-mail digest of waiting work (README, "Notifications")';
/** A claim left 'sending' this long (its server died mid-send) may be taken over. */
const STALE_CLAIM_MS = 15 * 60_000;

export interface SendDigestsOptions {
  mail: MailConfig;
  policy: Policy;
  rules: RuleConfig;
  now: () => Date;
  /** Who sends (a server's or command's name): recorded with each claim. */
  by: string;
  /** Say what would be sent, send nothing and claim nothing (the counts are read, and that read is logged). */
  dryRun?: boolean;
  /** The transport (tests and the job reuse one); by default one is opened from `mail` and closed afterwards. */
  mailer?: Mailer;
}

export type DigestStatus = 'sent' | 'empty' | 'already-done' | 'not-due' | 'would-send' | 'failed';

export interface DigestOutcome {
  username: string;
  period: string;
  status: DigestStatus;
  counts?: DigestCounts;
  error?: string;
}

export async function sendDueDigests(db: Db, options: SendDigestsOptions): Promise<DigestOutcome[]> {
  const recipients = await listDigestRecipients(db);
  let mailer = options.mailer;
  const opened = !mailer && !options.dryRun && recipients.length > 0;
  if (opened) mailer = createMailer(options.mail);
  try {
    const outcomes: DigestOutcome[] = [];
    for (const recipient of recipients) outcomes.push(await digestFor(db, recipient, mailer, options));
    return outcomes;
  } finally {
    if (opened) mailer!.close();
  }
}

async function digestFor(db: Db, recipient: DigestRecipientRow, mailer: Mailer | undefined, options: SendDigestsOptions): Promise<DigestOutcome> {
  const now = options.now();
  const period = digestPeriod(now, recipient.frequency, options.mail.sendHour);
  const base = { username: recipient.username, period: period.key };
  if (!period.due) return { ...base, status: 'not-due' };
  if (options.dryRun) {
    if (await digestClaimed(db, recipient.accountId, period.key)) return { ...base, status: 'already-done' };
    return { ...base, status: 'would-send', counts: await countWaitingWork(db, recipient, period.date, now, options) };
  }
  const claimed = await claimDigest(db, { accountId: recipient.accountId, period: period.key, by: options.by, at: now.toISOString(), staleBefore: new Date(now.getTime() - STALE_CLAIM_MS).toISOString() });
  if (!claimed) return { ...base, status: 'already-done' };
  try {
    const counts = await countWaitingWork(db, recipient, period.date, now, options);
    if (waitingKinds(counts).length === 0) {
      await completeDigest(db, { accountId: recipient.accountId, period: period.key, by: options.by, status: 'empty', at: options.now().toISOString(), counts: flatten(counts) });
      return { ...base, status: 'empty', counts };
    }
    const message = renderDigest({ language: recipient.language, frequency: recipient.frequency, username: recipient.username, counts, publicUrl: options.mail.publicUrl });
    const sent = await mailer!.send({ to: recipient.email!, language: recipient.language, ...message });
    await completeDigest(db, {
      accountId: recipient.accountId, period: period.key, by: options.by, status: 'sent', at: options.now().toISOString(),
      recipient: recipient.email!, language: recipient.language, counts: flatten(counts), messageId: sent.messageId,
    });
    return { ...base, status: 'sent', counts };
  } catch (error) {
    await releaseDigest(db, recipient.accountId, period.key, options.by);
    return { ...base, status: 'failed', error: (error as Error).message };
  }
}

/** The user's waiting work of the kinds they chose, counted, read as the user (and the reads logged as theirs). */
async function countWaitingWork(db: Db, recipient: DigestRecipientRow, date: string, now: Date, options: SendDigestsOptions): Promise<DigestCounts> {
  const principal: Principal = { kind: 'user', accountId: recipient.accountId, username: recipient.username, organisation: recipient.organisation, role: recipient.role };
  const work = await listWaitingWork(db, { principal, asOf: parseAsOf({ date }, now) }, { policy: options.policy, rules: options.rules });
  const chosen = new Set(recipient.kinds.filter(isDigestKind));
  const counts: DigestCounts = {};
  for (const item of work.items) {
    if (!chosen.has(item.kind)) continue;
    const entry = counts[item.kind] ??= { count: 0, overdue: 0 };
    entry.count += 1;
    if (item.overdue) entry.overdue += 1;
  }
  const entries: AccessEntry[] = work.accesses.map((access) => ({
    at: now.toISOString(), principalKind: 'user', accountId: recipient.accountId, tokenId: null, username: recipient.username,
    organisation: recipient.organisation, role: recipient.role, action: access.action, resource: access.resource, persons: access.persons,
    purpose: options.dryRun ? `${DIGEST_PURPOSE}, dry run` : DIGEST_PURPOSE, legalBasis: access.legalBasis, outcome: 'allowed', reason: null,
    requestId: `digest:${recipient.accountId}:${date}`,
  }));
  if (entries.length > 0) await db.transaction((tx) => appendAccess(tx, entries));
  return counts;
}

function flatten(counts: DigestCounts): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).flatMap(([kind, value]) => [[kind, value.count], [`${kind}:overdue`, value.overdue]]));
}

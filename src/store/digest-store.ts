/**
 * The SQL of notifications (migration 040): users' digest preferences, and the claims and records of the digests
 * composed for them (README, "Notifications").
 */
import type { Queryable } from './db.js';

export interface PreferenceRow {
  accountId: number;
  enabled: boolean;
  frequency: 'daily' | 'weekly';
  kinds: string[];
  language: 'nl' | 'en';
  email: string | null;
  updatedAt: string;
}

export interface DigestRecipientRow extends PreferenceRow {
  username: string;
  organisation: string;
  role: string;
}

export interface DigestRow {
  accountId: number;
  period: string;
  status: 'sending' | 'sent' | 'empty';
  claimedAt: string;
  claimedBy: string;
  sentAt: string | null;
  recipient: string | null;
  language: string | null;
  counts: Record<string, number> | null;
  messageId: string | null;
}

const PREFERENCE_COLUMNS = `p.account_id AS "accountId", p.enabled, p.frequency, p.kinds, p.language, p.email, p.updated_at AS "updatedAt"`;

export async function readPreferences(tx: Queryable, accountId: number): Promise<PreferenceRow | undefined> {
  const [row] = await tx.query<PreferenceRow>(`SELECT ${PREFERENCE_COLUMNS} FROM notification_preferences p WHERE p.account_id = $1`, [accountId]);
  return row;
}

export async function writePreferences(tx: Queryable, row: PreferenceRow): Promise<void> {
  await tx.query(
    `INSERT INTO notification_preferences (account_id, enabled, frequency, kinds, language, email, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (account_id) DO UPDATE SET enabled = EXCLUDED.enabled, frequency = EXCLUDED.frequency, kinds = EXCLUDED.kinds,
       language = EXCLUDED.language, email = EXCLUDED.email, updated_at = EXCLUDED.updated_at`,
    [row.accountId, row.enabled, row.frequency, row.kinds, row.language, row.email, row.updatedAt],
  );
}

/** The accounts that asked for a digest and gave an address (disabled accounts left out), in account order. */
export async function listDigestRecipients(tx: Queryable): Promise<DigestRecipientRow[]> {
  return tx.query<DigestRecipientRow>(
    `SELECT ${PREFERENCE_COLUMNS}, a.username, a.organisation, a.role
     FROM notification_preferences p JOIN accounts a ON a.id = p.account_id
     WHERE p.enabled AND p.email IS NOT NULL AND cardinality(p.kinds) > 0 AND NOT a.disabled
     ORDER BY p.account_id`,
  );
}

/**
 * Claims the digest of (account, period) for `by`; true when this caller won it. A claim left 'sending' for longer
 * than `staleBefore` (its server died mid-send) may be taken over.
 */
export async function claimDigest(tx: Queryable, claim: { accountId: number; period: string; by: string; at: string; staleBefore: string }): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO notification_digests (account_id, period, status, claimed_at, claimed_by) VALUES ($1, $2, 'sending', $3, $4)
     ON CONFLICT (account_id, period) DO UPDATE SET claimed_at = EXCLUDED.claimed_at, claimed_by = EXCLUDED.claimed_by
       WHERE notification_digests.status = 'sending' AND notification_digests.claimed_at < $5
     RETURNING account_id`,
    [claim.accountId, claim.period, claim.at, claim.by, claim.staleBefore],
  );
  return rows.length === 1;
}

/** Whether a digest of (account, period) is already sent, found empty or being sent. */
export async function digestClaimed(tx: Queryable, accountId: number, period: string): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM notification_digests WHERE account_id = $1 AND period = $2', [accountId, period]);
  return rows.length > 0;
}

export async function completeDigest(tx: Queryable, done: { accountId: number; period: string; by: string; status: 'sent' | 'empty'; at: string; recipient?: string; language?: string; counts?: Record<string, number>; messageId?: string }): Promise<void> {
  await tx.query(
    `UPDATE notification_digests SET status = $3, sent_at = $4, recipient = $5, language = $6, counts = $7, message_id = $8
     WHERE account_id = $1 AND period = $2 AND claimed_by = $9`,
    [done.accountId, done.period, done.status, done.at, done.recipient ?? null, done.language ?? null, done.counts ? JSON.stringify(done.counts) : null, done.messageId ?? null, done.by],
  );
}

/** Gives a claim up (the send failed): the next run tries again. */
export async function releaseDigest(tx: Queryable, accountId: number, period: string, by: string): Promise<void> {
  await tx.query(`DELETE FROM notification_digests WHERE account_id = $1 AND period = $2 AND claimed_by = $3 AND status = 'sending'`, [accountId, period, by]);
}

export async function listDigests(tx: Queryable, accountId?: number): Promise<DigestRow[]> {
  return tx.query<DigestRow>(
    `SELECT account_id AS "accountId", period, status, claimed_at AS "claimedAt", claimed_by AS "claimedBy", sent_at AS "sentAt",
            recipient, language, counts, message_id AS "messageId"
     FROM notification_digests WHERE ($1::bigint IS NULL OR account_id = $1) ORDER BY claimed_at, account_id`,
    [accountId ?? null],
  );
}

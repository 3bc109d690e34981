/**
 * Sessions: a random 256-bit token in an HttpOnly cookie, a new one at every sign-in (no session fixation), and
 * only its SHA-256 in the database. Each session carries its CSRF token.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../store/db.js';
import type { Account } from './accounts.js';

export interface Session {
  accountId: number;
  csrfToken: string;
  expiresAt: string;
  method: 'password' | 'oidc';
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

export async function createSession(
  tx: Queryable, account: Pick<Account, 'id'>, method: Session['method'], now: Date, ttlMinutes: number,
): Promise<{ token: string; session: Session }> {
  const token = randomToken();
  const session: Session = { accountId: account.id, csrfToken: randomToken(), expiresAt: new Date(now.getTime() + ttlMinutes * 60_000).toISOString(), method };
  await tx.query(
    'INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, expires_at, method) VALUES ($1, $2, $3, $4, $5, $6)',
    [sha256(token), account.id, session.csrfToken, now.toISOString(), session.expiresAt, method],
  );
  return { token, session };
}

export async function findSession(tx: Queryable, token: string, now: Date): Promise<Session | undefined> {
  const [row] = await tx.query<Session>(
    `SELECT account_id AS "accountId", csrf_token AS "csrfToken", expires_at AS "expiresAt", method
     FROM sessions WHERE token_hash = $1 AND expires_at > $2::timestamptz`,
    [sha256(token), now.toISOString()],
  );
  return row;
}

export async function deleteSession(tx: Queryable, token: string): Promise<void> {
  await tx.query('DELETE FROM sessions WHERE token_hash = $1', [sha256(token)]);
}

export interface SessionPrincipal {
  accountId: number;
  username: string;
  organisation: string;
  role: string;
  csrfToken: string;
}

/** The signed-in account of a session token, in one query; undefined when unknown, expired or disabled. */
export async function findSessionPrincipal(tx: Queryable, token: string, now: Date): Promise<SessionPrincipal | undefined> {
  const [row] = await tx.query<SessionPrincipal>(
    `SELECT a.id AS "accountId", a.username, a.organisation, a.role, s.csrf_token AS "csrfToken"
     FROM sessions s JOIN accounts a ON a.id = s.account_id
     WHERE s.token_hash = $1 AND s.expires_at > $2::timestamptz AND NOT a.disabled`,
    [sha256(token), now.toISOString()],
  );
  return row;
}

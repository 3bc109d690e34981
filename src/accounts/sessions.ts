/**
 * Sessions: a random 256-bit token in an HttpOnly cookie, a new one at every sign-in (no session fixation), and
 * only its SHA-256 in the database. Each session carries its CSRF token.
 */
import { createHash, randomBytes } from 'node:crypto';
import { deleteSessionByHash, findSessionByHash, findSessionPrincipalByHash, insertSession, type Account, type Session, type SessionPrincipal } from '../store/accounts-store.js';
import type { Queryable } from '../store/db.js';

export type { Session, SessionPrincipal } from '../store/accounts-store.js';

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
  await insertSession(tx, sha256(token), session, now.toISOString());
  return { token, session };
}

export async function findSession(tx: Queryable, token: string, now: Date): Promise<Session | undefined> {
  return findSessionByHash(tx, sha256(token), now.toISOString());
}

export async function deleteSession(tx: Queryable, token: string): Promise<void> {
  await deleteSessionByHash(tx, sha256(token));
}

/** The signed-in account of a session token, in one query; undefined when unknown, expired or disabled. */
export async function findSessionPrincipal(tx: Queryable, token: string, now: Date): Promise<SessionPrincipal | undefined> {
  return findSessionPrincipalByHash(tx, sha256(token), now.toISOString());
}

/**
 * Signing in with a password: Argon2id verification, lockout after repeated failures (per account), and a
 * throttle per client address and username against guessing across accounts. The messages never say whether
 * the account exists.
 */
import { ImketenError } from '../domain/errors.js';
import type { Db } from '../store/db.js';
import { findAccountByUsername, recordFailedLogin, recordSuccessfulLogin, type Account } from './accounts.js';
import { burnVerification, verifyPassword } from './passwords.js';

export interface LoginLimits {
  /** Failed logins in a row that lock the account. */
  maxFailures: number;
  lockoutMinutes: number;
  /** Attempts allowed per client address within `throttleWindowSeconds`. */
  throttleAttempts: number;
  throttleWindowSeconds: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { maxFailures: 5, lockoutMinutes: 15, throttleAttempts: 20, throttleWindowSeconds: 60 };

/** A sliding-window counter of failed attempts per key, in memory (one server process). */
export class Throttle {
  private readonly failures = new Map<string, number[]>();
  constructor(private readonly limit: number, private readonly windowMs: number) {}

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((time) => time > now - this.windowMs);
  }

  /** The seconds to wait before the next attempt, or 0. */
  wait(key: string, now: number): number {
    const recent = this.recent(key, now);
    return recent.length >= this.limit ? Math.max(1, Math.ceil((recent[0]! + this.windowMs - now) / 1000)) : 0;
  }

  /** Counts a failed attempt. */
  fail(key: string, now: number): void {
    const recent = this.recent(key, now);
    recent.push(now);
    this.failures.set(key, recent);
    if (this.failures.size > 10_000) for (const [k] of this.failures) if (this.recent(k, now).length === 0) this.failures.delete(k);
  }
}

const WRONG = 'Wrong username or password.';

export async function passwordLogin(
  db: Db, credentials: { username: string; password: string }, limits: LoginLimits, now: Date,
): Promise<Account> {
  const account = await findAccountByUsername(db, credentials.username);
  if (!account || account.passwordHash === null) {
    await burnVerification(credentials.password);
    throw new ImketenError('UNAUTHENTICATED', WRONG);
  }
  if (account.lockedUntil !== null && account.lockedUntil > now.toISOString()) {
    throw new ImketenError('ACCOUNT_LOCKED', `This account is locked after ${limits.maxFailures} failed sign-ins until ${account.lockedUntil}. Wait, or ask an administrator to unlock it.`);
  }
  const ok = await verifyPassword(account.passwordHash, credentials.password);
  if (!ok) {
    const locked = await recordFailedLogin(db, account.id, limits.maxFailures, new Date(now.getTime() + limits.lockoutMinutes * 60_000));
    if (locked) throw new ImketenError('ACCOUNT_LOCKED', `Too many failed sign-ins: this account is locked for ${limits.lockoutMinutes} minutes.`);
    throw new ImketenError('UNAUTHENTICATED', WRONG);
  }
  if (account.disabled) throw new ImketenError('UNAUTHENTICATED', 'This account is disabled. Ask an administrator.');
  await recordSuccessfulLogin(db, account.id);
  const { passwordHash: _hash, ...rest } = account;
  return rest;
}

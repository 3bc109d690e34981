/**
 * Signing in with a password: Argon2id verification, the same answer and the same work for every failure — an
 * unknown user (verified against a dummy hash), a wrong password, a disabled account — so the answer never says
 * whether an account exists or is disabled. Guessing is slowed down by src/accounts/login-throttle.ts, not by a lock.
 */
import { ImketenError } from '../domain/errors.js';
import type { Db } from '../store/db.js';
import { findAccountByUsername, recordSuccessfulLogin, type Account } from './accounts.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';

export const WRONG_CREDENTIALS = 'Wrong username or password.';

export async function passwordLogin(db: Db, credentials: { username: string; password: string }): Promise<Account> {
  const account = await findAccountByUsername(db, credentials.username);
  // Always one Argon2id verification, against the dummy hash when there is no account or no password.
  const ok = await verifyPassword(account?.passwordHash ?? await dummyPasswordHash(), credentials.password);
  if (!account || account.passwordHash === null || !ok || account.disabled) throw new ImketenError('UNAUTHENTICATED', WRONG_CREDENTIALS, [], { key: 'wrongCredentials' });
  await recordSuccessfulLogin(db, account.id);
  const { passwordHash: _hash, ...rest } = account;
  return rest;
}

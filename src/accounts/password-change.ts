/**
 * An account changes its own password: after an administrator's reset it must (migration 044 — until then its
 * session may do nothing else: src/server/authenticate.ts), and at any time it may. The current password is
 * verified; the new one must meet the password rules (MIN_PASSWORD_LENGTH) and differ from the current one. The
 * account's other sessions end; the one that changed it stays signed in. The route logs the change as an account
 * event in the access log (account.password-change).
 */
import { ImketenError } from '../domain/errors.js';
import { deleteOtherSessionsOfAccount, findAccountByUsername, setOwnPasswordRow, type Account } from '../store/accounts-store.js';
import type { Queryable } from '../store/db.js';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.js';
import { sha256 } from './sessions.js';

/** The rules a new password must meet, before any hashing: long enough, and not the current one. */
export function checkNewPassword(current: string, next: string): void {
  if (next.length < MIN_PASSWORD_LENGTH) {
    throw new ImketenError('INVALID_INPUT', `The new password must have at least ${MIN_PASSWORD_LENGTH} characters.`, [{ message: 'too short', field: 'newPassword' }], { key: 'passwordTooShort', params: { min: MIN_PASSWORD_LENGTH } });
  }
  if (next === current) {
    throw new ImketenError('INVALID_INPUT', 'The new password must differ from the current one.', [{ message: 'unchanged', field: 'newPassword' }], { key: 'passwordUnchanged' });
  }
}

export async function updateOwnPassword(
  tx: Queryable, who: { username: string; sessionToken?: string }, passwords: { currentPassword: string; newPassword: string },
): Promise<Account> {
  checkNewPassword(passwords.currentPassword, passwords.newPassword);
  const account = await findAccountByUsername(tx, who.username);
  if (!account || account.passwordHash === null || account.disabled) {
    throw new ImketenError('INVALID_INPUT', 'This account signs in without a password of imketen (single sign-on): its password is changed there.');
  }
  if (!(await verifyPassword(account.passwordHash, passwords.currentPassword))) {
    throw new ImketenError('INVALID_INPUT', 'The current password is not right.', [{ message: 'wrong', field: 'currentPassword' }], { key: 'currentPasswordWrong' });
  }
  const row = await setOwnPasswordRow(tx, account.id, await hashPassword(passwords.newPassword));
  await deleteOtherSessionsOfAccount(tx, account.id, who.sessionToken ? sha256(who.sessionToken) : '');
  return row!;
}

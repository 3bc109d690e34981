/**
 * Accounts: the rules around them (create, find, disable, unlock); the SQL is src/store/accounts-store.ts. Roles and organisations must be the
 * policy's.
 */
import { ImketenError } from '../domain/errors.js';
import type { Policy } from '../policy/policy.js';
import type { Queryable } from '../store/db.js';
import { deleteSessionsOfAccount, findAccountById, insertAccount, updateAccountRow, type Account } from '../store/accounts-store.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords.js';

export type { Account, AccountWithHash } from '../store/accounts-store.js';
export { countAccounts, findAccountById, findAccountByOidc, findAccountByUsername, listAccounts, recordSuccessfulLogin } from '../store/accounts-store.js';

export interface NewAccount {
  username: string;
  displayName: string;
  role: string;
  password?: string;
  /** The Argon2id hash of the password, when it was hashed earlier (an account waiting for approval). */
  passwordHash?: string;
  oidcIssuer?: string;
  oidcSubject?: string;
  demo?: boolean;
  /** An administrator typed the password for someone else: it is temporary, to be changed at the first sign-in. */
  mustChangePassword?: boolean;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,62}$/;

/** The checks of a new account that need no database: name, role, password or sign-on identity. */
export function checkNewAccount(policy: Policy, input: NewAccount): void {
  if (!USERNAME.test(input.username)) {
    throw new ImketenError('INVALID_INPUT', `username must be 2–63 characters: lower-case letters, digits, '.', '_' or '-', got '${input.username}'.`);
  }
  if (!policy.roles[input.role]) throw new ImketenError('INVALID_INPUT', `Unknown role '${input.role}'. Roles: ${Object.keys(policy.roles).join(', ')}.`);
  if (input.password !== undefined && input.password.length < MIN_PASSWORD_LENGTH) {
    throw new ImketenError('INVALID_INPUT', `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  if (input.password === undefined && input.passwordHash === undefined && input.oidcSubject === undefined) {
    throw new ImketenError('INVALID_INPUT', 'An account needs a password or a single sign-on identity.');
  }
}

export async function createAccount(tx: Queryable, policy: Policy, input: NewAccount, now: Date): Promise<Account> {
  checkNewAccount(policy, input);
  const role = policy.roles[input.role]!;
  const passwordHash = input.passwordHash ?? (input.password === undefined ? null : await hashPassword(input.password));
  const account = await insertAccount(tx, {
    username: input.username, displayName: input.displayName, organisation: role.organisation, role: input.role, passwordHash,
    oidcIssuer: input.oidcIssuer ?? null, oidcSubject: input.oidcSubject ?? null, demo: input.demo ?? false, createdAt: now.toISOString(),
    mustChangePassword: passwordHash !== null && input.mustChangePassword === true,
  });
  if (!account) throw new ImketenError('ACCOUNT_EXISTS', `An account '${input.username}' (or with that sign-on identity) already exists.`);
  return account;
}

export interface AccountChange {
  disabled?: boolean;
  unlock?: boolean;
  password?: string;
  /** A new password already hashed (a reset that waited for approval). */
  passwordHash?: string;
  role?: string;
}

/** The checks of an account change that need no database. */
export function checkAccountChange(policy: Policy, change: AccountChange): void {
  if (change.role !== undefined && !policy.roles[change.role]) {
    throw new ImketenError('INVALID_INPUT', `Unknown role '${change.role}'. Roles: ${Object.keys(policy.roles).join(', ')}.`);
  }
  if (change.password !== undefined && change.password.length < MIN_PASSWORD_LENGTH) {
    throw new ImketenError('INVALID_INPUT', `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
}

export async function updateAccount(tx: Queryable, policy: Policy, id: number, change: AccountChange): Promise<Account> {
  const account = await findAccountById(tx, id);
  if (!account) throw new ImketenError('ACCOUNT_NOT_FOUND', `No account with id ${id}.`);
  checkAccountChange(policy, change);
  const passwordHash = change.passwordHash ?? (change.password === undefined ? null : await hashPassword(change.password));
  const role = change.role ?? account.role;
  const row = await updateAccountRow(tx, id, {
    disabled: change.disabled ?? null, unlock: change.unlock ?? false, passwordHash, role, organisation: policy.roles[role]!.organisation,
  });
  // A disabled account, a new password or a new role ends every session of the account.
  if (change.disabled || passwordHash !== null || change.role !== undefined) {
    await deleteSessionsOfAccount(tx, id);
  }
  return row!;
}

/**
 * Accounts: the SQL and the rules around it (create, find, disable, unlock). Roles and organisations must be the
 * policy's.
 */
import { ImketenError } from '../domain/errors.js';
import type { Policy } from '../policy/policy.js';
import type { Queryable } from '../store/db.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords.js';

export interface Account {
  id: number;
  username: string;
  displayName: string;
  organisation: string;
  role: string;
  disabled: boolean;
  failedLogins: number;
  lockedUntil: string | null;
  demo: boolean;
  createdAt: string;
  oidcIssuer: string | null;
  oidcSubject: string | null;
}

export interface AccountWithHash extends Account {
  passwordHash: string | null;
}

const COLUMNS = `id, username, display_name AS "displayName", organisation, role, disabled, failed_logins AS "failedLogins",
  locked_until AS "lockedUntil", demo, created_at AS "createdAt", oidc_issuer AS "oidcIssuer", oidc_subject AS "oidcSubject"`;

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
  const rows = await tx.query<Account>(
    `INSERT INTO accounts (username, display_name, organisation, role, password_hash, oidc_issuer, oidc_subject, demo, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
    [input.username, input.displayName, role.organisation, input.role, passwordHash, input.oidcIssuer ?? null, input.oidcSubject ?? null, input.demo ?? false, now.toISOString()],
  );
  if (rows.length === 0) throw new ImketenError('ACCOUNT_EXISTS', `An account '${input.username}' (or with that sign-on identity) already exists.`);
  return rows[0]!;
}

export async function findAccountByUsername(tx: Queryable, username: string): Promise<AccountWithHash | undefined> {
  const [row] = await tx.query<AccountWithHash>(`SELECT ${COLUMNS}, password_hash AS "passwordHash" FROM accounts WHERE username = $1`, [username]);
  return row;
}

export async function findAccountById(tx: Queryable, id: number): Promise<Account | undefined> {
  const [row] = await tx.query<Account>(`SELECT ${COLUMNS} FROM accounts WHERE id = $1`, [id]);
  return row;
}

export async function findAccountByOidc(tx: Queryable, issuer: string, subject: string): Promise<Account | undefined> {
  const [row] = await tx.query<Account>(`SELECT ${COLUMNS} FROM accounts WHERE oidc_issuer = $1 AND oidc_subject = $2`, [issuer, subject]);
  return row;
}

export async function listAccounts(tx: Queryable, page: { afterId: number; limit: number }): Promise<Account[]> {
  return tx.query<Account>(`SELECT ${COLUMNS} FROM accounts WHERE id > $1 ORDER BY id LIMIT $2`, [page.afterId, page.limit]);
}

export async function countAccounts(tx: Queryable): Promise<number> {
  const [row] = await tx.query<{ count: number }>('SELECT count(*)::integer AS count FROM accounts');
  return row?.count ?? 0;
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
  const [row] = await tx.query<Account>(
    `UPDATE accounts SET disabled = coalesce($2, disabled),
       failed_logins = CASE WHEN $3 THEN 0 ELSE failed_logins END,
       locked_until = CASE WHEN $3 THEN NULL ELSE locked_until END,
       password_hash = coalesce($4, password_hash), role = $5, organisation = $6
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, change.disabled ?? null, change.unlock ?? false, passwordHash, role, policy.roles[role]!.organisation],
  );
  // A disabled account, a new password or a new role ends every session of the account.
  if (change.disabled || passwordHash !== null || change.role !== undefined) {
    await tx.query('DELETE FROM sessions WHERE account_id = $1', [id]);
  }
  return row!;
}

export async function recordSuccessfulLogin(tx: Queryable, id: number): Promise<void> {
  await tx.query('UPDATE accounts SET failed_logins = 0, locked_until = NULL WHERE id = $1', [id]);
}

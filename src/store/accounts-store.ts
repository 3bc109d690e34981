/**
 * The SQL of accounts, sessions, API tokens and the four-eyes approvals (src/accounts holds their rules). Tokens
 * and sessions are stored as SHA-256 hashes; the callers hash.
 */
import type { Queryable } from './db.js';

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
  /** Its password was set by an administrator: it must choose its own before doing anything else (migration 044). */
  mustChangePassword: boolean;
}

export interface AccountWithHash extends Account {
  passwordHash: string | null;
}

const ACCOUNT_COLUMNS = `id, username, display_name AS "displayName", organisation, role, disabled, failed_logins AS "failedLogins",
  locked_until AS "lockedUntil", demo, created_at AS "createdAt", oidc_issuer AS "oidcIssuer", oidc_subject AS "oidcSubject",
  must_change_password AS "mustChangePassword"`;

export interface AccountRow {
  username: string;
  displayName: string;
  organisation: string;
  role: string;
  passwordHash: string | null;
  oidcIssuer: string | null;
  oidcSubject: string | null;
  demo: boolean;
  createdAt: string;
  /** The password was set by an administrator for someone else: at the first sign-in it must be changed. */
  mustChangePassword: boolean;
}

/** Inserts an account; undefined when the username or the sign-on identity is taken. */
export async function insertAccount(tx: Queryable, row: AccountRow): Promise<Account | undefined> {
  const [account] = await tx.query<Account>(
    `INSERT INTO accounts (username, display_name, organisation, role, password_hash, oidc_issuer, oidc_subject, demo, created_at, must_change_password)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING RETURNING ${ACCOUNT_COLUMNS}`,
    [row.username, row.displayName, row.organisation, row.role, row.passwordHash, row.oidcIssuer, row.oidcSubject, row.demo, row.createdAt, row.mustChangePassword],
  );
  return account;
}

export async function findAccountByUsername(tx: Queryable, username: string): Promise<AccountWithHash | undefined> {
  const [row] = await tx.query<AccountWithHash>(`SELECT ${ACCOUNT_COLUMNS}, password_hash AS "passwordHash" FROM accounts WHERE username = $1`, [username]);
  return row;
}

export async function findAccountById(tx: Queryable, id: number): Promise<Account | undefined> {
  const [row] = await tx.query<Account>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = $1`, [id]);
  return row;
}

export async function findAccountByOidc(tx: Queryable, issuer: string, subject: string): Promise<Account | undefined> {
  const [row] = await tx.query<Account>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE oidc_issuer = $1 AND oidc_subject = $2`, [issuer, subject]);
  return row;
}

/** An account as the administrator's list shows it: with the sign-in throttle's count of failures (migration 034). */
export interface ListedAccount extends Account {
  /** Failed sign-ins in a row under this username (the throttle forgets them after a quiet while), or 0. */
  signInFailures: number;
  lastSignInFailure: string | null;
  /** No sign-in under this username is answered before this time (null: none waits). */
  signInDelayedUntil: string | null;
}

export async function listAccounts(tx: Queryable, page: { afterId: number; limit: number }): Promise<ListedAccount[]> {
  const rows = await tx.query<ListedAccount>(
    `SELECT a.*, coalesce(f.failures, 0) AS "signInFailures", f.last_failure AS "lastSignInFailure", f.not_before AS "signInDelayedUntil"
     FROM (SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id > $1 ORDER BY id LIMIT $2) a
     LEFT JOIN sign_in_failures f ON f.scope = 'account' AND f.key = lower(btrim(a.username))
     ORDER BY a.id`,
    [page.afterId, page.limit],
  );
  const iso = (value: string | null) => (value === null ? null : new Date(value).toISOString());
  return rows.map((row) => ({ ...row, lastSignInFailure: iso(row.lastSignInFailure), signInDelayedUntil: iso(row.signInDelayedUntil) }));
}

/** The accounts of an organisation that are not disabled, by display name: the colleagues a task can be assigned to. */
export async function activeAccountsOf(tx: Queryable, organisation: string): Promise<Account[]> {
  return tx.query<Account>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE organisation = $1 AND NOT disabled ORDER BY display_name, username`, [organisation]);
}

export async function countAccounts(tx: Queryable): Promise<number> {
  const [row] = await tx.query<{ count: number }>('SELECT count(*)::integer AS count FROM accounts');
  return row?.count ?? 0;
}

/** Whether some demo account exists. */
export async function hasDemoAccounts(tx: Queryable): Promise<boolean> {
  return (await tx.query('SELECT 1 FROM accounts WHERE demo LIMIT 1')).length > 0;
}

/** The organisation and role of an account, by username. */
export async function roleOfAccount(tx: Queryable, username: string): Promise<{ organisation: string; role: string } | undefined> {
  const [row] = await tx.query<{ organisation: string; role: string }>('SELECT organisation, role FROM accounts WHERE username = $1', [username]);
  return row;
}

/**
 * Changes an account's row: null/undefined keeps a column; `unlock` clears failed sign-ins and the lock; a new
 * password sets whether the account must change it (an administrator's: yes; the account's own: no).
 */
export async function updateAccountRow(
  tx: Queryable, id: number,
  change: { disabled: boolean | null; unlock: boolean; passwordHash: string | null; role: string; organisation: string; mustChangePassword?: boolean },
): Promise<Account | undefined> {
  const [row] = await tx.query<Account>(
    `UPDATE accounts SET disabled = coalesce($2, disabled),
       failed_logins = CASE WHEN $3 THEN 0 ELSE failed_logins END,
       locked_until = CASE WHEN $3 THEN NULL ELSE locked_until END,
       password_hash = coalesce($4, password_hash), role = $5, organisation = $6,
       must_change_password = CASE WHEN $4::text IS NULL THEN must_change_password ELSE coalesce($7, true) END
     WHERE id = $1 RETURNING ${ACCOUNT_COLUMNS}`,
    [id, change.disabled, change.unlock, change.passwordHash, change.role, change.organisation, change.mustChangePassword ?? null],
  );
  return row;
}

/** The account's own new password: stored, the obligation to change it cleared. */
export async function setOwnPasswordRow(tx: Queryable, id: number, passwordHash: string): Promise<Account | undefined> {
  const [row] = await tx.query<Account>(
    `UPDATE accounts SET password_hash = $2, must_change_password = false WHERE id = $1 RETURNING ${ACCOUNT_COLUMNS}`, [id, passwordHash],
  );
  return row;
}

/** Ends every session of an account but one (the one that changed the password stays signed in). */
export async function deleteOtherSessionsOfAccount(tx: Queryable, accountId: number, keepTokenHash: string): Promise<void> {
  await tx.query('DELETE FROM sessions WHERE account_id = $1 AND token_hash <> $2', [accountId, keepTokenHash]);
}

export async function recordSuccessfulLogin(tx: Queryable, id: number): Promise<void> {
  await tx.query('UPDATE accounts SET failed_logins = 0, locked_until = NULL WHERE id = $1', [id]);
}

// --- sessions ---

export interface Session {
  accountId: number;
  csrfToken: string;
  expiresAt: string;
  method: 'password' | 'oidc';
}

export async function insertSession(tx: Queryable, tokenHash: string, session: Session, createdAt: string): Promise<void> {
  await tx.query(
    'INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, expires_at, method) VALUES ($1, $2, $3, $4, $5, $6)',
    [tokenHash, session.accountId, session.csrfToken, createdAt, session.expiresAt, session.method],
  );
}

/** The session of a token hash unless it expired by `now`. */
export async function findSessionByHash(tx: Queryable, tokenHash: string, now: string): Promise<Session | undefined> {
  const [row] = await tx.query<Session>(
    `SELECT account_id AS "accountId", csrf_token AS "csrfToken", expires_at AS "expiresAt", method
     FROM sessions WHERE token_hash = $1 AND expires_at > $2::timestamptz`,
    [tokenHash, now],
  );
  return row;
}

export async function deleteSessionByHash(tx: Queryable, tokenHash: string): Promise<void> {
  await tx.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

export async function deleteSessionsOfAccount(tx: Queryable, accountId: number): Promise<void> {
  await tx.query('DELETE FROM sessions WHERE account_id = $1', [accountId]);
}

export interface SessionPrincipal {
  accountId: number;
  username: string;
  organisation: string;
  role: string;
  csrfToken: string;
  /** The account must choose a new password before anything else (migration 044). */
  mustChangePassword: boolean;
}

/** The signed-in account of a session token hash, in one query; undefined when unknown, expired or disabled. */
export async function findSessionPrincipalByHash(tx: Queryable, tokenHash: string, now: string): Promise<SessionPrincipal | undefined> {
  const [row] = await tx.query<SessionPrincipal>(
    `SELECT a.id AS "accountId", a.username, a.organisation, a.role, s.csrf_token AS "csrfToken", a.must_change_password AS "mustChangePassword"
     FROM sessions s JOIN accounts a ON a.id = s.account_id
     WHERE s.token_hash = $1 AND s.expires_at > $2::timestamptz AND NOT a.disabled`,
    [tokenHash, now],
  );
  return row;
}

// --- API tokens ---

export interface ApiToken {
  id: number;
  name: string;
  organisation: string;
  role: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  /** Issued for a role that reads case data and not yet approved by a second administrator: it opens nothing. */
  pendingApproval: boolean;
}

const TOKEN_COLUMNS = `id, name, organisation, role, created_at AS "createdAt", expires_at AS "expiresAt", revoked_at AS "revokedAt",
  pending_approval AS "pendingApproval"`;

export async function insertToken(
  tx: Queryable,
  row: { name: string; organisation: string; role: string; secretHash: string; createdBy: number | null; createdAt: string; expiresAt: string; pendingApproval: boolean },
): Promise<ApiToken> {
  const [apiToken] = await tx.query<ApiToken>(
    `INSERT INTO api_tokens (name, organisation, role, secret_hash, created_by, created_at, expires_at, pending_approval)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${TOKEN_COLUMNS}`,
    [row.name, row.organisation, row.role, row.secretHash, row.createdBy, row.createdAt, row.expiresAt, row.pendingApproval],
  );
  return apiToken!;
}

export async function clearTokenPending(tx: Queryable, id: number): Promise<ApiToken | undefined> {
  const [row] = await tx.query<ApiToken>(`UPDATE api_tokens SET pending_approval = false WHERE id = $1 RETURNING ${TOKEN_COLUMNS}`, [id]);
  return row;
}

export async function findTokenWithHash(tx: Queryable, id: number): Promise<(ApiToken & { secretHash: string }) | undefined> {
  const [row] = await tx.query<ApiToken & { secretHash: string }>(`SELECT ${TOKEN_COLUMNS}, secret_hash AS "secretHash" FROM api_tokens WHERE id = $1`, [id]);
  return row;
}

/** Marks a token revoked (the first revocation's time stays). */
export async function markTokenRevoked(tx: Queryable, id: number, at: string): Promise<ApiToken | undefined> {
  const [row] = await tx.query<ApiToken>(
    `UPDATE api_tokens SET revoked_at = coalesce(revoked_at, $2::timestamptz) WHERE id = $1 RETURNING ${TOKEN_COLUMNS}`, [id, at],
  );
  return row;
}

export async function listTokens(tx: Queryable, page: { afterId: number; limit: number }): Promise<ApiToken[]> {
  return tx.query<ApiToken>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE id > $1 ORDER BY id LIMIT $2`, [page.afterId, page.limit]);
}

/** The organisation and role of an API token, by id. */
export async function roleOfToken(tx: Queryable, id: number): Promise<{ organisation: string; role: string } | undefined> {
  const [row] = await tx.query<{ organisation: string; role: string }>('SELECT organisation, role FROM api_tokens WHERE id = $1', [id]);
  return row;
}

// --- approvals (the four-eyes rule) ---

export type ApprovalKind = 'account.create' | 'account.role' | 'account.password' | 'account.enable' | 'token.issue' | 'retention.erase';

export interface Approval {
  id: number;
  kind: ApprovalKind;
  accountId: number | null;
  tokenId: number | null;
  summary: string;
  requestedBy: string;
  requestedAt: string;
  status: 'pending' | 'approved' | 'rejected';
  decidedBy: string | null;
  decidedAt: string | null;
}

const APPROVAL_COLUMNS = `a.id, a.kind, a.account_id AS "accountId", a.token_id AS "tokenId", a.summary, r.username AS "requestedBy",
  a.requested_at AS "requestedAt", a.status, d.username AS "decidedBy", a.decided_at AS "decidedAt"`;
const APPROVAL_FROM = 'account_approvals a JOIN accounts r ON r.id = a.requested_by LEFT JOIN accounts d ON d.id = a.decided_by';

export async function insertApproval(
  tx: Queryable,
  row: { kind: ApprovalKind; accountId: number | null; tokenId: number | null; summary: string; change: unknown; requestedBy: number; requestedAt: string },
): Promise<number> {
  const [inserted] = await tx.query<{ id: number }>(
    `INSERT INTO account_approvals (kind, account_id, token_id, summary, change, requested_by, requested_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [row.kind, row.accountId, row.tokenId, row.summary, JSON.stringify(row.change), row.requestedBy, row.requestedAt],
  );
  return inserted!.id;
}

export async function findApproval(tx: Queryable, id: number): Promise<Approval | undefined> {
  const [row] = await tx.query<Approval>(`SELECT ${APPROVAL_COLUMNS} FROM ${APPROVAL_FROM} WHERE a.id = $1`, [id]);
  return row;
}

export async function listApprovals(tx: Queryable, page: { afterId: number; limit: number; status?: Approval['status'] }): Promise<Approval[]> {
  return tx.query<Approval>(
    `SELECT ${APPROVAL_COLUMNS} FROM ${APPROVAL_FROM} WHERE a.id > $1 AND ($3::text IS NULL OR a.status = $3) ORDER BY a.id LIMIT $2`,
    [page.afterId, page.limit, page.status ?? null],
  );
}

export interface PendingRequestRow {
  kind: ApprovalKind;
  accountId: number | null;
  tokenId: number | null;
  change: unknown;
  requestedBy: number;
  status: string;
}

/** A request with its change, its row locked for the rest of the transaction. */
export async function lockApproval(tx: Queryable, id: number): Promise<PendingRequestRow | undefined> {
  const [row] = await tx.query<PendingRequestRow>(
    `SELECT kind, account_id AS "accountId", token_id AS "tokenId", change, requested_by AS "requestedBy", status
     FROM account_approvals WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return row;
}

export async function recordApprovalDecision(tx: Queryable, id: number, status: 'approved' | 'rejected', decidedBy: number, at: string): Promise<void> {
  await tx.query('UPDATE account_approvals SET status = $2, decided_by = $3, decided_at = $4 WHERE id = $1', [id, status, decidedBy, at]);
}

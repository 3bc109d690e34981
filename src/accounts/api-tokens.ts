/**
 * API tokens for partner systems that push events: each acts as one role of one organisation, can expire, and
 * can be revoked at once. The token is `imk_<id>_<secret>`; only the SHA-256 of the secret is stored.
 */
import { timingSafeEqual } from 'node:crypto';
import { ImketenError } from '../domain/errors.js';
import type { Policy } from '../policy/policy.js';
import { clearTokenPending, findTokenWithHash, insertToken, markTokenRevoked, type ApiToken } from '../store/accounts-store.js';
import type { Queryable } from '../store/db.js';
import { randomToken, sha256 } from './sessions.js';

export type { ApiToken } from '../store/accounts-store.js';
export { listTokens } from '../store/accounts-store.js';

/** How long a token lives when the request names no expiry, and the longest it may live (docs/server.md). */
export const DEFAULT_TOKEN_EXPIRY_DAYS = 90;

export async function issueToken(
  tx: Queryable, policy: Policy, input: { name: string; role: string; expiresAt?: string }, createdBy: number | undefined, now: Date,
  options: { expiryDays?: number; pendingApproval?: boolean } = {},
): Promise<{ token: string; apiToken: ApiToken }> {
  const role = policy.roles[input.role];
  if (!role) throw new ImketenError('INVALID_INPUT', `Unknown role '${input.role}'. Roles: ${Object.keys(policy.roles).join(', ')}.`);
  if (input.role === 'admin' || input.role === 'auditor') {
    throw new ImketenError('INVALID_INPUT', `API tokens are for partner systems that exchange case data; role '${input.role}' is for people only.`);
  }
  const expiryDays = options.expiryDays ?? DEFAULT_TOKEN_EXPIRY_DAYS;
  const latest = new Date(now.getTime() + expiryDays * 86_400_000);
  if (input.expiresAt !== undefined && !(new Date(input.expiresAt).getTime() > now.getTime())) {
    throw new ImketenError('INVALID_INPUT', `expiresAt must be a time in the future, got '${input.expiresAt}'.`);
  }
  if (input.expiresAt !== undefined && new Date(input.expiresAt).getTime() > latest.getTime()) {
    throw new ImketenError('INVALID_INPUT', `expiresAt may lie at most ${expiryDays} days ahead (until ${latest.toISOString()}; the server's tokenExpiryDays), got '${input.expiresAt}'. Issue a new token when this one expires.`);
  }
  const expiresAt = input.expiresAt === undefined ? latest.toISOString() : new Date(input.expiresAt).toISOString();
  const secret = randomToken();
  const apiToken = await insertToken(tx, {
    name: input.name, organisation: role.organisation, role: input.role, secretHash: sha256(secret), createdBy: createdBy ?? null,
    createdAt: now.toISOString(), expiresAt, pendingApproval: options.pendingApproval ?? false,
  });
  return { token: `imk_${apiToken.id}_${secret}`, apiToken };
}

/** A second administrator approved the token: from now on it works. */
export async function activateToken(tx: Queryable, id: number): Promise<ApiToken> {
  const row = await clearTokenPending(tx, id);
  if (!row) throw new ImketenError('ACCOUNT_NOT_FOUND', `No API token with id ${id}.`);
  return row;
}

/** The token's record when it is valid now; undefined when unknown, wrong, expired or revoked. */
export async function findValidToken(tx: Queryable, token: string, now: Date): Promise<ApiToken | undefined> {
  const match = /^imk_(\d{1,15})_([A-Za-z0-9_-]{20,100})$/.exec(token);
  if (!match) return undefined;
  const row = await findTokenWithHash(tx, Number(match[1]));
  if (!row) return undefined;
  const given = Buffer.from(sha256(match[2]!));
  if (given.length !== row.secretHash.length || !timingSafeEqual(given, Buffer.from(row.secretHash))) return undefined;
  if (row.revokedAt !== null || row.pendingApproval) return undefined;
  if (row.expiresAt !== null && row.expiresAt <= now.toISOString()) return undefined;
  const { secretHash: _secret, ...apiToken } = row;
  return apiToken;
}

export async function revokeToken(tx: Queryable, id: number, now: Date): Promise<ApiToken> {
  const row = await markTokenRevoked(tx, id, now.toISOString());
  if (!row) throw new ImketenError('ACCOUNT_NOT_FOUND', `No API token with id ${id}.`);
  return row;
}

/**
 * Valid tokens remembered for a few seconds, so a partner system's stream of requests does not cost a database
 * look-up each. A revocation forgets the token at once, in every server on the store (the database notifies them:
 * src/server/follow-changes.ts); without that notification a server follows within `ttlMs`. Expiry is checked on
 * every use.
 */
export class TokenCache {
  private readonly entries = new Map<string, { apiToken: ApiToken; until: number }>();
  constructor(private readonly ttlMs: number) {}

  async find(tx: Queryable, token: string, now: Date): Promise<ApiToken | undefined> {
    const key = sha256(token);
    const hit = this.entries.get(key);
    if (hit && hit.until > Date.now() && (hit.apiToken.expiresAt === null || hit.apiToken.expiresAt > now.toISOString())) return hit.apiToken;
    const found = await findValidToken(tx, token, now);
    if (found && this.ttlMs > 0) {
      if (this.entries.size > 10_000) this.entries.clear();
      this.entries.set(key, { apiToken: found, until: Date.now() + this.ttlMs });
    } else {
      this.entries.delete(key);
    }
    return found;
  }

  forget(id: number): void {
    for (const [key, entry] of this.entries) if (entry.apiToken.id === id) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}

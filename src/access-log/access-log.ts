/**
 * The access log (Wpg-style): one row per access to person-level data — who, when, what, purpose, legal basis,
 * outcome — hash-chained like the event log (src/audit/hash-chain.ts), so that no row can be edited, removed or
 * slipped in without breaking every link after it. `imketen verify` recomputes the chain from `readAccessLog` and
 * `accessEntryContent`.
 * STORED DATA: the hash covers exactly `accessEntryContent`; changing it breaks every stored chain (needs a migration).
 */
import { CHAIN_LOCKS, chainHash, GENESIS_HASH, lockChain } from '../audit/hash-chain.js';
import { insertAccessRows, lastAccessHash, type AccessEntry } from '../store/access-log-store.js';
import type { Queryable } from '../store/db.js';

export type { AccessEntry, AccessLogFilter, AccessLogRow } from '../store/access-log-store.js';
export { queryAccessLog, readAccessLog } from '../store/access-log-store.js';

/** Exactly what an access-log row's hash covers: every column but seq, prev_hash and hash. */
export function accessEntryContent(row: AccessEntry): unknown {
  return {
    at: row.at,
    principalKind: row.principalKind,
    accountId: row.accountId,
    tokenId: row.tokenId,
    username: row.username,
    organisation: row.organisation,
    role: row.role,
    action: row.action,
    resource: row.resource,
    persons: row.persons,
    purpose: row.purpose,
    legalBasis: row.legalBasis,
    outcome: row.outcome,
    reason: row.reason,
    requestId: row.requestId,
  };
}

/**
 * Appends entries to the chain inside the caller's transaction, under the chain lock (one writer at a time, so
 * the chain never forks). Returns their sequence numbers.
 */
export async function appendAccess(tx: Queryable, entry: AccessEntry | readonly AccessEntry[]): Promise<number[]> {
  const entries = Array.isArray(entry) ? entry as readonly AccessEntry[] : [entry as AccessEntry];
  if (entries.length === 0) return [];
  await lockChain(tx, CHAIN_LOCKS.accessLog);
  let prev = (await lastAccessHash(tx)) ?? GENESIS_HASH;
  const prevs: string[] = [];
  const hashes: string[] = [];
  for (const item of entries) {
    prevs.push(prev);
    prev = chainHash(prev, accessEntryContent(item));
    hashes.push(prev);
  }
  return insertAccessRows(tx, entries, prevs, hashes);
}

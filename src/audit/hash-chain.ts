/**
 * Hash chains for tamper evidence: every entry of a log carries the hash of the entry before it, so editing or
 * deleting any entry breaks every link after it. `imketen verify` recomputes the chains.
 *
 * hash(entry) = SHA-256( prevHash ‖ "\n" ‖ canonical JSON of the entry's content ), hex; the first entry's prevHash
 * is GENESIS_HASH.
 */
import { canonicalJson, sha256Hex } from '../store/canonical-json.js';
import type { Queryable } from '../store/db.js';

export const GENESIS_HASH = '0'.repeat(64);

export function chainHash(prevHash: string, content: unknown): string {
  return sha256Hex(`${prevHash}\n${canonicalJson(content)}`);
}

/** Advisory lock keys: one chain at a time appends, so two writers never fork a chain. */
export const CHAIN_LOCKS = { events: 7_210_001, accessLog: 7_210_002 } as const;

/**
 * Serialises the appends to one chain until the end of the transaction (PostgreSQL; PGlite has one connection
 * and runs one transaction at a time anyway, and supports the same function).
 */
export async function lockChain(tx: Queryable, key: number): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [key]);
}

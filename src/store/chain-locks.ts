/** The locks that keep a hash chain (src/audit/hash-chain.ts) from forking: one chain at a time appends. */
import type { Queryable } from './db.js';

/** Advisory lock keys: one chain at a time appends, so two writers never fork a chain. */
export const CHAIN_LOCKS = { events: 7_210_001, accessLog: 7_210_002 } as const;

/**
 * Serialises the appends to one chain until the end of the transaction (PostgreSQL; PGlite has one connection
 * and runs one transaction at a time anyway, and supports the same function).
 */
export async function lockChain(tx: Queryable, key: number): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [key]);
}

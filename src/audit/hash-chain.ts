/**
 * Hash chains for tamper evidence: every entry of a log carries the hash of the entry before it, so editing or
 * deleting any entry breaks every link after it. `imketen verify` recomputes the chains.
 *
 * hash(entry) = SHA-256( prevHash ‖ "\n" ‖ canonical JSON of the entry's content ), hex; the first entry's prevHash
 * is GENESIS_HASH.
 */
import { canonicalJson, sha256Hex } from '../store/canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

export function chainHash(prevHash: string, content: unknown): string {
  return sha256Hex(`${prevHash}\n${canonicalJson(content)}`);
}

export { CHAIN_LOCKS, lockChain } from '../store/chain-locks.js';

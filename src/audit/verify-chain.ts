/**
 * Recomputes a hash chain from the first entry on and names the first broken link: an entry whose content no
 * longer gives its hash (edited), or whose prevHash is not the hash of the entry before it (an entry before it was
 * deleted, inserted or edited).
 */
import { chainHash, GENESIS_HASH } from './hash-chain.js';

export interface ChainedRow {
  seq: number;
  prevHash: string;
  hash: string;
}

export interface ChainBreak {
  seq: number;
  reason: 'edited' | 'link-broken';
  message: string;
}

export interface ChainCheck {
  entries: number;
  /** The last hash of the chain as verified (GENESIS_HASH for an empty log). */
  head: string;
  broken?: ChainBreak;
}

export async function verifyChain<Row extends ChainedRow>(
  pages: AsyncIterable<Row[]>, contentOf: (row: Row) => unknown, describe: (row: Row) => string,
): Promise<ChainCheck> {
  let previous = GENESIS_HASH;
  let entries = 0;
  for await (const page of pages) {
    for (const row of page) {
      if (row.prevHash !== previous) {
        return { entries, head: previous, broken: { seq: row.seq, reason: 'link-broken', message: `${describe(row)} does not follow the entry before it: an entry before it was deleted, inserted or changed` } };
      }
      if (chainHash(row.prevHash, contentOf(row)) !== row.hash) {
        return { entries, head: previous, broken: { seq: row.seq, reason: 'edited', message: `${describe(row)} was changed after it was recorded: its content no longer gives its hash` } };
      }
      previous = row.hash;
      entries += 1;
    }
  }
  return { entries, head: previous };
}

/**
 * `imketen verify` and `imketen checkpoint`: the tamper evidence of the store. Every hash-chained log is
 * recomputed from its first entry; checkpoints (stored ones and those a partner kept) are checked with consistency
 * proofs; new checkpoints are signed over the logs as they stand. Each log describes its own chain (a ChainedLog:
 * EVENT_LOG in ./event-chain.ts, ACCESS_LOG in src/access-log/access-log-chain.ts); the caller names the logs, so
 * audit/ does not depend on the access log, which builds on it (docs/architecture.md).
 */
import type { Queryable } from '../store/db.js';
import {
  checkConsistency, checkKeptInStore, checkpointDigest, checkSequence, leavesOf, listCheckpoints, signCheckpoint, storeCheckpoint,
  type Checkpoint, type ConsistencyCheck, type LogName, type SigningKey,
} from './checkpoints.js';
import { chainHash } from './hash-chain.js';
import { rootHash } from './merkle.js';
import { verifyChain, type ChainCheck, type ChainedRow } from './verify-chain.js';

/** A hash-chained log the store keeps: how to read its entries in order, and what each entry's link covers. */
export interface ChainedLog<Row extends ChainedRow = ChainedRow> {
  name: LogName;
  pages(tx: Queryable): AsyncIterable<Row[]>;
  contentOf(row: Row): unknown;
  describe(row: Row): string;
}

export interface LogVerification extends ChainCheck {
  log: LogName;
  hashes: string[];
}

/** Walks one log's chain; returns its verdict and the chain hashes of the entries verified. */
export async function verifyLog(tx: Queryable, log: ChainedLog): Promise<LogVerification> {
  const hashes: string[] = [];
  async function* collecting() {
    for await (const page of log.pages(tx)) {
      yield page;
      for (const row of page) hashes.push(entryHash(log, row));
    }
  }
  const check = await verifyChain(collecting(), log.contentOf, log.describe);
  return { log: log.name, ...check, hashes };
}

export interface StoreVerification {
  logs: Omit<LogVerification, 'hashes'>[];
  checkpoints: (ConsistencyCheck & { checkpoint: Checkpoint })[];
  /** Checkpoints missing from the store: gaps in its numbered chain, or kept copies it no longer holds. */
  sequence: ConsistencyCheck[];
  ok: boolean;
}

export async function verifyStore(tx: Queryable, logs: readonly ChainedLog[], keptCheckpoints: readonly Checkpoint[] = []): Promise<StoreVerification> {
  const verdicts: Omit<LogVerification, 'hashes'>[] = [];
  const checkpoints: StoreVerification['checkpoints'] = [];
  const stored = await listCheckpoints(tx);
  for (const log of logs) {
    const { hashes, ...verdict } = await verifyLog(tx, log);
    verdicts.push(verdict);
    // verifyLog stops at the first broken link; consistency is judged on every entry present.
    const leaves = leavesOf(verdict.broken ? await allHashes(tx, log) : hashes);
    for (const checkpoint of [...stored, ...keptCheckpoints].filter((item) => item.log === log.name)) {
      checkpoints.push({ checkpoint, ...checkConsistency(checkpoint, leaves) });
    }
  }
  const sequence = [...checkSequence(stored), ...keptCheckpoints.flatMap((kept) => checkKeptInStore(kept, stored) ?? [])];
  return { logs: verdicts, checkpoints, sequence, ok: verdicts.every((log) => !log.broken) && checkpoints.every((check) => check.ok) && sequence.length === 0 };
}

/**
 * The Merkle leaves cover each entry's hash recomputed from its content, not the stored hash column: an entry
 * edited in place changes its leaf, whether or not the intruder also rewrote the stored hashes.
 */
function entryHash(log: ChainedLog, row: ChainedRow): string {
  return chainHash(row.prevHash, log.contentOf(row));
}

async function allHashes(tx: Queryable, log: ChainedLog): Promise<string[]> {
  const hashes: string[] = [];
  for await (const page of log.pages(tx)) for (const row of page) hashes.push(entryHash(log, row));
  return hashes;
}

/** Signs and stores a checkpoint of every chained log as it stands now. */
export async function createCheckpoints(tx: Queryable, logs: readonly ChainedLog[], key: SigningKey, now: () => Date): Promise<Checkpoint[]> {
  const created: Checkpoint[] = [];
  const stored = await listCheckpoints(tx);
  let last = stored[stored.length - 1];
  // Numbered on from the last one (or from the count of older, unnumbered ones); a concurrent run fails on the
  // unique number instead of forking the chain.
  let number = last?.number ?? stored.length;
  for (const log of logs) {
    const hashes = await allHashes(tx, log);
    number += 1;
    const checkpoint = signCheckpoint(key, {
      log: log.name, treeSize: hashes.length, rootHash: rootHash(leavesOf(hashes)).toString('hex'), timestamp: now().toISOString(),
      number, previous: last ? checkpointDigest(last) : '',
    });
    await storeCheckpoint(tx, checkpoint);
    created.push(checkpoint);
    last = checkpoint;
  }
  return created;
}

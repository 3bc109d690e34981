/**
 * Signed checkpoints of a log, as Certificate Transparency publishes signed tree heads: the size of the log, the
 * Merkle tree head over its entries' chain hashes, the time, and an Ed25519 signature. A partner that keeps a
 * checkpoint can later ask for a consistency proof and check, with only the checkpoint and the proof, that the log
 * still begins with exactly the entries the checkpoint covered — nothing before it rewritten or removed.
 * Checkpoints are numbered and chained (each signs the digest of the one before it), so that a checkpoint removed
 * from the store shows: as a gap in the store, or as a number a partner kept that the store no longer has.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ImketenError } from '../domain/errors.js';
import type { Checkpoint, LogName } from '../store/checkpoints-store.js';
import { sha256Hex } from '../store/canonical-json.js';
import { consistencyProof, leafHash, rootHash, verifyConsistency, type Hash } from './merkle.js';

export type { Checkpoint, LogName } from '../store/checkpoints-store.js';
export { listCheckpoints, storeCheckpoint } from '../store/checkpoints-store.js';

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: string;
  keyId: string;
}

/** The exact bytes a checkpoint's signature covers. */
export function signedText(checkpoint: Pick<Checkpoint, 'log' | 'treeSize' | 'rootHash' | 'timestamp' | 'number' | 'previous'>): string {
  const head = `log ${checkpoint.log}\nsize ${checkpoint.treeSize}\nroot ${checkpoint.rootHash}\ntime ${checkpoint.timestamp}\n`;
  if (checkpoint.number === undefined) return `imketen checkpoint v1\n${head}`;
  return `imketen checkpoint v2\nnumber ${checkpoint.number}\nprevious ${checkpoint.previous ?? ''}\n${head}`;
}

/** What the next checkpoint records of this one: the SHA-256 of its signed text and signature. */
export function checkpointDigest(checkpoint: Checkpoint): string {
  return sha256Hex(`${signedText(checkpoint)}signature ${checkpoint.signature}\n`);
}

/** How a checkpoint is named in messages. */
export function describeCheckpoint(checkpoint: Pick<Checkpoint, 'log' | 'treeSize' | 'number'>): string {
  return `checkpoint ${checkpoint.number === undefined ? '' : `${checkpoint.number} `}of ${checkpoint.log} at size ${checkpoint.treeSize}`;
}

/** Reads the signing key, creating it (readable by its owner only) on first use. */
export function loadSigningKey(path: string): SigningKey {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(path, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    chmodSync(path, 0o600);
  }
  const privateKey = createPrivateKey(readFileSync(path));
  const publicDer = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  return { privateKey, publicKey: publicDer.toString('base64'), keyId: sha256Hex(publicDer.toString('hex')).slice(0, 16) };
}

export function signCheckpoint(
  key: SigningKey, head: { log: LogName; treeSize: number; rootHash: string; timestamp: string; number?: number; previous?: string },
): Checkpoint {
  const signature = sign(null, Buffer.from(signedText(head)), key.privateKey).toString('base64');
  return { ...head, keyId: key.keyId, publicKey: key.publicKey, signature };
}

export function checkpointSignatureValid(checkpoint: Checkpoint): boolean {
  try {
    const publicKey = createPublicKey({ key: Buffer.from(checkpoint.publicKey, 'base64'), format: 'der', type: 'spki' });
    return verify(null, Buffer.from(signedText(checkpoint)), publicKey, Buffer.from(checkpoint.signature, 'base64'));
  } catch {
    return false;
  }
}

/** The Merkle leaves of a log: one per entry, over its chain hash, in order of arrival. */
export function leavesOf(chainHashes: readonly string[]): Hash[] {
  return chainHashes.map((hash) => leafHash(Buffer.from(hash, 'hex')));
}

/** The store's checkpoints must be numbered 1, 2, 3, … and each must record the digest of the one before it. */
export function checkSequence(stored: readonly Checkpoint[]): ConsistencyCheck[] {
  const problems: ConsistencyCheck[] = [];
  stored.forEach((checkpoint, index) => {
    if (checkpoint.number === undefined) return;
    const before = index > 0 ? stored[index - 1] : undefined;
    const expected = before?.number === undefined ? index + 1 : before.number + 1;
    if (checkpoint.number > expected) {
      const missing = checkpoint.number - 1 === expected ? `checkpoint ${expected} is` : `checkpoints ${expected} to ${checkpoint.number - 1} are`;
      problems.push({ ok: false, message: `${missing} missing from the store (the next one kept is ${describeCheckpoint(checkpoint)}): checkpoints were removed` });
    } else if (checkpoint.previous !== (before ? checkpointDigest(before) : '')) {
      problems.push({ ok: false, message: `${describeCheckpoint(checkpoint)} does not follow the checkpoint before it in the store: checkpoints were removed or replaced` });
    }
  });
  return problems;
}

/** A checkpoint a partner kept must still be in the store, unchanged. */
export function checkKeptInStore(kept: Checkpoint, stored: readonly Checkpoint[]): ConsistencyCheck | undefined {
  if (kept.number === undefined) return undefined;
  const found = stored.find((checkpoint) => checkpoint.number === kept.number);
  if (!found) return { ok: false, message: `checkpoint ${kept.number} (${kept.log} at size ${kept.treeSize}) is missing from the store: checkpoints were removed` };
  if (found.signature !== kept.signature) return { ok: false, message: `checkpoint ${kept.number} in the store is not the one kept (${kept.log} at size ${kept.treeSize}): it was replaced` };
  return undefined;
}

export interface ConsistencyCheck {
  ok: boolean;
  message: string;
  proof?: string[];
}

/** Checks a kept checkpoint against the log of today: signature, size, and a consistency proof. */
export function checkConsistency(checkpoint: Checkpoint, leaves: readonly Hash[]): ConsistencyCheck {
  if (!checkpointSignatureValid(checkpoint)) {
    return { ok: false, message: `${describeCheckpoint(checkpoint)}: the signature does not verify` };
  }
  if (checkpoint.treeSize > leaves.length) {
    return { ok: false, message: `${describeCheckpoint(checkpoint)}: the log now has only ${leaves.length} entries — entries were removed` };
  }
  const proof = consistencyProof(leaves, checkpoint.treeSize);
  const ok = verifyConsistency(checkpoint.treeSize, leaves.length, Buffer.from(checkpoint.rootHash, 'hex'), rootHash(leaves), proof);
  return {
    ok,
    proof: proof.map((hash) => hash.toString('hex')),
    message: ok
      ? `${describeCheckpoint(checkpoint)} (${checkpoint.timestamp}): the log still begins with exactly those entries`
      : `${describeCheckpoint(checkpoint)} (${checkpoint.timestamp}): entries before it were rewritten`,
  };
}

/** Reads a checkpoint file: one checkpoint, or the list `imketen checkpoint -o` writes (one per log). */
export function parseCheckpoints(text: string, source: string): Checkpoint[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ImketenError('INVALID_INPUT', `${source}: not a checkpoint (not JSON: ${(error as Error).message}).`);
  }
  const items = Array.isArray(value) ? value : [value];
  if (items.length === 0) throw new ImketenError('INVALID_INPUT', `${source}: the list holds no checkpoint.`);
  return items.map((item, index) => {
    const where = Array.isArray(value) ? `${source}, checkpoint [${index}]` : source;
    if (typeof item !== 'object' || item === null) throw new ImketenError('INVALID_INPUT', `${where}: not a checkpoint (not an object).`);
    const candidate = item as Partial<Checkpoint>;
    for (const field of ['log', 'treeSize', 'rootHash', 'timestamp', 'publicKey', 'signature'] as const) {
      if (candidate[field] === undefined) throw new ImketenError('INVALID_INPUT', `${where}: not a checkpoint (field ${field} is missing).`);
    }
    return candidate as Checkpoint;
  });
}

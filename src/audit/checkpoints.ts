/**
 * Signed checkpoints of a log, as Certificate Transparency publishes signed tree heads: the size of the log, the
 * Merkle tree head over its entries' chain hashes, the time, and an Ed25519 signature. A partner that keeps a
 * checkpoint can later ask for a consistency proof and check, with only the checkpoint and the proof, that the log
 * still begins with exactly the entries the checkpoint covered — nothing before it rewritten or removed.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ImketenError } from '../domain/errors.js';
import type { Queryable } from '../store/db.js';
import { sha256Hex } from '../store/canonical-json.js';
import { consistencyProof, leafHash, rootHash, verifyConsistency, type Hash } from './merkle.js';

export type LogName = 'events' | 'access-log';

export interface Checkpoint {
  log: LogName;
  treeSize: number;
  /** Hex. */
  rootHash: string;
  timestamp: string;
  keyId: string;
  /** The signer's Ed25519 public key, SPKI DER in base64: enough to check the signature. */
  publicKey: string;
  /** Base64 Ed25519 signature over `signedText`. */
  signature: string;
}

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: string;
  keyId: string;
}

/** The exact bytes a checkpoint's signature covers. */
export function signedText(checkpoint: Pick<Checkpoint, 'log' | 'treeSize' | 'rootHash' | 'timestamp'>): string {
  return `imketen checkpoint v1\nlog ${checkpoint.log}\nsize ${checkpoint.treeSize}\nroot ${checkpoint.rootHash}\ntime ${checkpoint.timestamp}\n`;
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

export function signCheckpoint(key: SigningKey, head: { log: LogName; treeSize: number; rootHash: string; timestamp: string }): Checkpoint {
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

export async function storeCheckpoint(tx: Queryable, checkpoint: Checkpoint): Promise<void> {
  await tx.query(
    `INSERT INTO checkpoints (log, tree_size, root_hash, created_at, key_id, public_key, signature)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [checkpoint.log, checkpoint.treeSize, checkpoint.rootHash, checkpoint.timestamp, checkpoint.keyId, checkpoint.publicKey, checkpoint.signature],
  );
}

export async function listCheckpoints(tx: Queryable, log?: LogName): Promise<Checkpoint[]> {
  return tx.query<Checkpoint>(
    `SELECT log, tree_size AS "treeSize", root_hash AS "rootHash", created_at AS "timestamp", key_id AS "keyId",
            public_key AS "publicKey", signature
     FROM checkpoints WHERE $1::text IS NULL OR log = $1 ORDER BY id`,
    [log ?? null],
  );
}

export interface ConsistencyCheck {
  ok: boolean;
  message: string;
  proof?: string[];
}

/** Checks a kept checkpoint against the log of today: signature, size, and a consistency proof. */
export function checkConsistency(checkpoint: Checkpoint, leaves: readonly Hash[]): ConsistencyCheck {
  if (!checkpointSignatureValid(checkpoint)) {
    return { ok: false, message: `checkpoint of ${checkpoint.log} at size ${checkpoint.treeSize}: the signature does not verify` };
  }
  if (checkpoint.treeSize > leaves.length) {
    return { ok: false, message: `checkpoint of ${checkpoint.log} at size ${checkpoint.treeSize}: the log now has only ${leaves.length} entries — entries were removed` };
  }
  const proof = consistencyProof(leaves, checkpoint.treeSize);
  const ok = verifyConsistency(checkpoint.treeSize, leaves.length, Buffer.from(checkpoint.rootHash, 'hex'), rootHash(leaves), proof);
  return {
    ok,
    proof: proof.map((hash) => hash.toString('hex')),
    message: ok
      ? `checkpoint of ${checkpoint.log} at size ${checkpoint.treeSize} (${checkpoint.timestamp}): the log still begins with exactly those entries`
      : `checkpoint of ${checkpoint.log} at size ${checkpoint.treeSize} (${checkpoint.timestamp}): entries before it were rewritten`,
  };
}

export function parseCheckpoint(text: string, source: string): Checkpoint {
  let value: Partial<Checkpoint>;
  try {
    value = JSON.parse(text) as Partial<Checkpoint>;
  } catch (error) {
    throw new ImketenError('INVALID_INPUT', `${source}: not a checkpoint (not JSON: ${(error as Error).message}).`);
  }
  for (const field of ['log', 'treeSize', 'rootHash', 'timestamp', 'publicKey', 'signature'] as const) {
    if (value[field] === undefined) throw new ImketenError('INVALID_INPUT', `${source}: not a checkpoint (field ${field} is missing).`);
  }
  return value as Checkpoint;
}

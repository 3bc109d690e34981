/** The SQL of the signed checkpoints of the logs (src/audit/checkpoints.ts signs and checks them). */
import type { Queryable } from './db.js';

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
  /** Its place among the store's checkpoints, from 1 without gaps (absent on checkpoints of text v1). */
  number?: number;
  /** `checkpointDigest` of the checkpoint before it, '' for the first (absent on text v1). */
  previous?: string;
}

export async function storeCheckpoint(tx: Queryable, checkpoint: Checkpoint): Promise<void> {
  await tx.query(
    `INSERT INTO checkpoints (log, tree_size, root_hash, created_at, key_id, public_key, signature, number, previous)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [checkpoint.log, checkpoint.treeSize, checkpoint.rootHash, checkpoint.timestamp, checkpoint.keyId, checkpoint.publicKey, checkpoint.signature,
      checkpoint.number ?? null, checkpoint.previous ?? null],
  );
}

export async function listCheckpoints(tx: Queryable, log?: LogName): Promise<Checkpoint[]> {
  const rows = await tx.query<Omit<Checkpoint, 'number' | 'previous'> & { number: number | string | null; previous: string | null }>(
    `SELECT log, tree_size AS "treeSize", root_hash AS "rootHash", created_at AS "timestamp", key_id AS "keyId",
            public_key AS "publicKey", signature, number, previous
     FROM checkpoints WHERE $1::text IS NULL OR log = $1 ORDER BY id`,
    [log ?? null],
  );
  return rows.map(({ number, previous, ...rest }) => (number === null ? rest : { ...rest, number: Number(number), previous: previous ?? '' }));
}

/**
 * Near-duplicates of an evidence item's images among all evidence (README, "Evidence"): the same scene posted by
 * several accounts, re-encoded or resized, found by the Hamming distance of 64-bit perceptual hashes. Only items the
 * caller may read are named (`mayRead`); the others are left out without a trace.
 */
import type { AsOf } from '../domain/as-of.js';
import type { Queryable } from '../store/db.js';
import { perceptualHashesWithStreams } from '../store/evidence-files.js';
import { NearDuplicates } from '../evidence/near-duplicates.js';
import { showEvidence } from './show-evidence.js';

export interface NearDuplicateHit {
  /** The file of this item. */
  sha256: string;
  /** The other item and its file. */
  evidence: string;
  otherSha256: string;
  /** Bits of 64 that differ: 0 is the same picture, up to about 10 a resized or re-encoded copy. */
  distance: number;
}

export const DEFAULT_MAX_DISTANCE = 10;

export async function findNearDuplicates(
  tx: Queryable,
  request: { id: string; asOf: AsOf; maxDistance?: number; mayRead: (stream: string) => Promise<boolean> },
): Promise<NearDuplicateHit[]> {
  const item = await showEvidence(tx, { id: request.id, asOf: request.asOf });
  const all = await perceptualHashesWithStreams(tx);
  const index = new NearDuplicates(all.map((row) => ({ key: `${row.stream} ${row.sha256}`, hash: row.perceptualHash })));
  const hits: NearDuplicateHit[] = [];
  const readable = new Map<string, boolean>();
  for (const file of item.files) {
    const hash = file.derived?.perceptualHash;
    if (!hash) continue;
    for (const { key, distance } of index.query(hash, request.maxDistance ?? DEFAULT_MAX_DISTANCE)) {
      const [stream, otherSha256] = key.split(' ') as [string, string];
      if (stream === item.stream) continue;
      if (!readable.has(stream)) readable.set(stream, await request.mayRead(stream));
      if (!readable.get(stream)) continue;
      hits.push({ sha256: file.sha256, evidence: stream.slice('evidence/'.length), otherSha256, distance });
    }
  }
  return hits.sort((a, b) => a.distance - b.distance || a.evidence.localeCompare(b.evidence));
}

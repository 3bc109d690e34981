/**
 * The near-duplicate look-up the evidence register uses: the media library's index of 64-bit perceptual hashes
 * (multi-index hashing, src/media/near-duplicates.ts), keyed by evidence stream and file.
 */
import { NearDuplicateIndex } from '../media/index.js';

export interface Keyed { key: string; hash: string }

export class NearDuplicates {
  private readonly index = new NearDuplicateIndex();

  constructor(entries: readonly Keyed[]) {
    for (const entry of entries) this.index.add(entry.key, entry.hash);
  }

  query(hash: string, maxDistance: number): { key: string; distance: number }[] {
    return this.index.query(hash, maxDistance).map((hit) => ({ key: hit.id, distance: hit.distance }));
  }
}

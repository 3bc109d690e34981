/**
 * The near-duplicate look-up the evidence register uses, over the media library's index of 64-bit perceptual hashes.
 */
export interface Keyed { key: string; hash: string }

export class NearDuplicates {
  private readonly entries: { key: string; value: bigint }[];

  constructor(entries: readonly Keyed[]) {
    this.entries = entries.map((entry) => ({ key: entry.key, value: BigInt(`0x${entry.hash}`) }));
  }

  query(hash: string, maxDistance: number): { key: string; distance: number }[] {
    const value = BigInt(`0x${hash}`);
    const found: { key: string; distance: number }[] = [];
    for (const entry of this.entries) {
      let bits = entry.value ^ value;
      let distance = 0;
      while (bits > 0n) { distance += Number(bits & 1n); bits >>= 1n; }
      if (distance <= maxDistance) found.push({ key: entry.key, distance });
    }
    return found;
  }
}

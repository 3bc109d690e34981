/**
 * Finding near-duplicate images among many (issue 12: "the same scene posted by several accounts, re-encoded or
 * resized") by the Hamming distance of their 64-bit perceptual hashes, with multi-index hashing: each hash is
 * filed under its four 16-bit blocks. Two hashes at most r bits apart agree within ⌊r/4⌋ bits on at least one
 * block (pigeonhole), so a query looks up, per block, every 16-bit value within ⌊r/4⌋ bits of its own and checks
 * only the hashes filed there. From r = 16 on, that enumeration outgrows a plain scan, which is used instead.
 * `npm run bench -- --only media` measures a query among 100,000 hashes.
 */
import { hashHalves, popcount32 } from './hamming.js';

export interface NearDuplicate {
  id: string;
  /** Hamming distance to the queried hash, 0–64. */
  distance: number;
}

const BLOCKS = 4;
const BUCKETS = 1 << 16;
/** Above this radius per block the index is not worth it (2,517 values per block at 4, growing fast). */
const MAX_BLOCK_RADIUS = 3;

/** Every 16-bit mask with at most `radius` bits set, fewest bits first; computed once per radius. */
const masksByRadius = new Map<number, Uint16Array>();
function masksWithin(radius: number): Uint16Array {
  let masks = masksByRadius.get(radius);
  if (!masks) {
    const all = Array.from({ length: BUCKETS }, (_, mask) => mask).filter((mask) => popcount32(mask) <= radius);
    masks = Uint16Array.from(all.sort((a, b) => popcount32(a) - popcount32(b)));
    masksByRadius.set(radius, masks);
  }
  return masks;
}

const blocksOf = (high: number, low: number) => [high >>> 16, high & 0xffff, low >>> 16, low & 0xffff] as const;

export class NearDuplicateIndex {
  private ids: string[] = [];
  private high = new Uint32Array(1024);
  private low = new Uint32Array(1024);
  /** buckets[block][value]: positions of the hashes whose block has that value. */
  private readonly buckets: (number[] | undefined)[][] = Array.from({ length: BLOCKS }, () => new Array<number[] | undefined>(BUCKETS));
  /** Per position, the number of the last query that checked it (so each hash is checked once per query). */
  private seen = new Uint32Array(1024);
  private queryNumber = 0;

  /** How many hashes the index holds. */
  get size(): number {
    return this.ids.length;
  }

  /** Files a hash (16 hex digits) under an id. An id may be added more than once (e.g. several video frames). */
  add(id: string, hash: string): void {
    const [high, low] = hashHalves(hash);
    const position = this.ids.length;
    if (position === this.high.length) this.grow();
    this.ids.push(id);
    this.high[position] = high;
    this.low[position] = low;
    blocksOf(high, low).forEach((value, block) => {
      const bucket = this.buckets[block]![value];
      if (bucket) bucket.push(position);
      else this.buckets[block]![value] = [position];
    });
  }

  /** Every entry at most `maxDistance` bits from `hash`, nearest first (then by id). */
  query(hash: string, maxDistance: number): NearDuplicate[] {
    checkDistance(maxDistance);
    const blockRadius = Math.floor(maxDistance / BLOCKS);
    if (blockRadius > MAX_BLOCK_RADIUS) return this.scan(hash, maxDistance);
    const [high, low] = hashHalves(hash);
    this.queryNumber = (this.queryNumber + 1) >>> 0;
    if (this.queryNumber === 0) {
      this.seen.fill(0);
      this.queryNumber = 1;
    }
    const found: NearDuplicate[] = [];
    const masks = masksWithin(blockRadius);
    blocksOf(high, low).forEach((value, block) => {
      const buckets = this.buckets[block]!;
      for (const mask of masks) {
        const bucket = buckets[value ^ mask];
        if (!bucket) continue;
        for (const position of bucket) {
          if (this.seen[position] === this.queryNumber) continue;
          this.seen[position] = this.queryNumber;
          const distance = popcount32(this.high[position]! ^ high) + popcount32(this.low[position]! ^ low);
          if (distance <= maxDistance) found.push({ id: this.ids[position]!, distance });
        }
      }
    });
    return sortFound(found);
  }

  /** The same answer as `query`, by comparing with every entry (for large radii, and to check the index). */
  scan(hash: string, maxDistance: number): NearDuplicate[] {
    checkDistance(maxDistance);
    const [high, low] = hashHalves(hash);
    const found: NearDuplicate[] = [];
    for (let position = 0; position < this.ids.length; position += 1) {
      const distance = popcount32(this.high[position]! ^ high) + popcount32(this.low[position]! ^ low);
      if (distance <= maxDistance) found.push({ id: this.ids[position]!, distance });
    }
    return sortFound(found);
  }

  private grow(): void {
    const capacity = this.high.length * 2;
    const resize = (old: Uint32Array) => {
      const next = new Uint32Array(capacity);
      next.set(old);
      return next;
    };
    this.high = resize(this.high);
    this.low = resize(this.low);
    this.seen = resize(this.seen);
  }
}

function checkDistance(maxDistance: number): void {
  if (!Number.isInteger(maxDistance) || maxDistance < 0 || maxDistance > 64) {
    throw new Error(`The largest Hamming distance of a near-duplicate query is a whole number from 0 to 64, not ${maxDistance}`);
  }
}

const sortFound = (found: NearDuplicate[]) =>
  found.sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

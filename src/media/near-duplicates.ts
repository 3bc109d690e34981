/**
 * Finding near-duplicate images among many (issue 12: "the same scene posted by several accounts, re-encoded or
 * resized") by the Hamming distance of their 64-bit perceptual hashes, with multi-index hashing: each hash is
 * filed under its four 16-bit blocks. Two hashes at most r bits apart agree within ⌊r/4⌋ bits on at least one
 * block (pigeonhole), so a query looks up, per block, every 16-bit value within ⌊r/4⌋ bits of its own and checks
 * only the hashes filed there. From r = 16 on, that enumeration outgrows a plain scan, which is used instead.
 * The tables are built at the first query (and rebuilt when many entries were added since); entries added after
 * the last build are scanned.
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

/** Entries added since the tables were last built are scanned; past this many (or 1/16 of all) they are rebuilt. */
const PENDING_LIMIT = 2048;

export class NearDuplicateIndex {
  private ids: string[] = [];
  private high = new Uint32Array(1024);
  private low = new Uint32Array(1024);
  /** How many entries (the first ones) the tables cover; later ones are scanned. */
  private tabled = 0;
  /**
   * Per block, the positions of the tabled entries grouped by the block's value (a counting sort): the entries
   * whose block has value v are members[block][offsets[block][v] … offsets[block][v + 1]).
   */
  private offsets: Uint32Array[] = [];
  private members: Uint32Array[] = [];
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
  }

  /** Every entry at most `maxDistance` bits from `hash`, nearest first (then by id). */
  query(hash: string, maxDistance: number): NearDuplicate[] {
    checkDistance(maxDistance);
    const blockRadius = Math.floor(maxDistance / BLOCKS);
    if (blockRadius > MAX_BLOCK_RADIUS) return this.scan(hash, maxDistance);
    const pending = this.ids.length - this.tabled;
    if (pending > Math.max(PENDING_LIMIT, this.ids.length / 16)) this.buildTables();
    const [high, low] = hashHalves(hash);
    const found: NearDuplicate[] = [];
    const check = (position: number) => {
      const distance = popcount32(this.high[position]! ^ high) + popcount32(this.low[position]! ^ low);
      if (distance <= maxDistance) found.push({ id: this.ids[position]!, distance });
    };
    const stamp = this.nextQueryNumber();
    const masks = masksWithin(blockRadius);
    blocksOf(high, low).forEach((value, block) => {
      const offsets = this.offsets[block];
      const members = this.members[block];
      if (!offsets || !members) return;
      for (const mask of masks) {
        const bucket = value ^ mask;
        for (let at = offsets[bucket]!, end = offsets[bucket + 1]!; at < end; at += 1) {
          const position = members[at]!;
          if (this.seen[position] === stamp) continue;
          this.seen[position] = stamp;
          check(position);
        }
      }
    });
    for (let position = this.tabled; position < this.ids.length; position += 1) check(position);
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

  /** Files every entry under its four blocks (a counting sort per block). */
  private buildTables(): void {
    const count = this.ids.length;
    this.offsets = [];
    this.members = [];
    for (let block = 0; block < BLOCKS; block += 1) {
      const blockValue = (position: number) => {
        const half = block < 2 ? this.high[position]! : this.low[position]!;
        return block % 2 === 0 ? half >>> 16 : half & 0xffff;
      };
      const offsets = new Uint32Array(BUCKETS + 1);
      for (let position = 0; position < count; position += 1) {
        const value = blockValue(position) + 1;
        offsets[value] = offsets[value]! + 1;
      }
      for (let value = 0; value < BUCKETS; value += 1) offsets[value + 1] = offsets[value + 1]! + offsets[value]!;
      const next = offsets.slice(0, BUCKETS);
      const members = new Uint32Array(count);
      for (let position = 0; position < count; position += 1) {
        const value = blockValue(position);
        members[next[value]!] = position;
        next[value] = next[value]! + 1;
      }
      this.offsets.push(offsets);
      this.members.push(members);
    }
    this.tabled = count;
  }

  private nextQueryNumber(): number {
    this.queryNumber = (this.queryNumber + 1) >>> 0;
    if (this.queryNumber === 0) {
      this.seen.fill(0);
      this.queryNumber = 1;
    }
    return this.queryNumber;
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

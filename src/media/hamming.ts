/** 64-bit hashes as 16 hex digits, and the number of bits in which two differ. */

const HASH = /^[0-9a-f]{16}$/;

/** Checks a 16-hex-digit hash (either case) and returns it in lower case. */
export function normaliseHash(hash: string): string {
  const lower = hash.toLowerCase();
  if (!HASH.test(lower)) throw new Error(`A perceptual hash is 16 hexadecimal digits, not '${hash}'`);
  return lower;
}

/** The hash as its high and low 32-bit halves (unsigned). */
export function hashHalves(hash: string): [high: number, low: number] {
  const lower = normaliseHash(hash);
  return [Number.parseInt(lower.slice(0, 8), 16) >>> 0, Number.parseInt(lower.slice(8), 16) >>> 0];
}

/** The number of set bits of a 32-bit integer. */
export function popcount32(value: number): number {
  let v = value >>> 0;
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** The Hamming distance of two 64-bit hashes (0–64). */
export function hammingDistance(a: string, b: string): number {
  const [aHigh, aLow] = hashHalves(a);
  const [bHigh, bLow] = hashHalves(b);
  return popcount32(aHigh ^ bHigh) + popcount32(aLow ^ bLow);
}

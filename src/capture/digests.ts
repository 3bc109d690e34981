/**
 * WARC digests (`WARC-Block-Digest`, `WARC-Payload-Digest`): `algorithm:value`, where tools write the value in
 * base32 (sha1, as Heritrix and warcio do) or in hex (sha256, as Browsertrix does). Both forms are read; imketen
 * writes `sha256:` with hex, as every other hash in imketen.
 */
import { createHash, type Hash } from 'node:crypto';

export type DigestCheck = 'ok' | 'mismatch' | 'absent' | 'unsupported';

const ALGORITHMS: Record<string, { node: string; bytes: number }> = {
  sha1: { node: 'sha1', bytes: 20 },
  sha256: { node: 'sha256', bytes: 32 },
  sha512: { node: 'sha512', bytes: 64 },
  md5: { node: 'md5', bytes: 16 },
};

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Decode(text: string): Buffer | undefined {
  const clean = text.toUpperCase().replace(/=+$/, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) return undefined;
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The algorithm and the raw digest bytes of a WARC digest value, or undefined if it names no algorithm known here. */
export function parseDigest(value: string): { algorithm: string; bytes: Buffer } | undefined {
  const colon = value.indexOf(':');
  if (colon < 0) return undefined;
  const algorithm = value.slice(0, colon).trim().toLowerCase().replace('-', '');
  const encoded = value.slice(colon + 1).trim();
  const spec = ALGORITHMS[algorithm];
  if (!spec) return undefined;
  const bytes = /^[0-9a-f]+$/i.test(encoded) && encoded.length === spec.bytes * 2 ? Buffer.from(encoded, 'hex') : base32Decode(encoded);
  return bytes?.length === spec.bytes ? { algorithm, bytes } : undefined;
}

/** Hashes bytes as they stream past, for a digest a record declares. */
export class DigestChecker {
  private readonly expected: { algorithm: string; bytes: Buffer } | undefined;
  private readonly hash: Hash | undefined;

  constructor(readonly declared: string | undefined) {
    this.expected = declared === undefined ? undefined : parseDigest(declared);
    this.hash = this.expected ? createHash(ALGORITHMS[this.expected.algorithm]!.node) : undefined;
  }

  update(chunk: Buffer): void {
    this.hash?.update(chunk);
  }

  result(): DigestCheck {
    if (this.declared === undefined) return 'absent';
    if (!this.expected || !this.hash) return 'unsupported';
    return this.hash.digest().equals(this.expected.bytes) ? 'ok' : 'mismatch';
  }
}

export function sha256Digest(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

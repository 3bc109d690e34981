/**
 * The file store of the evidence register (README, "The file store"): content-addressed by SHA-256. A file is stored
 * under the hash of its bytes, computed while they stream in (bounded memory, whatever the size); identical bytes
 * are stored once; a stored file is never replaced; reading re-checks the hash and refuses bytes that no longer match.
 * Two backends share this contract and one test suite: the data directory (disk-file-store.ts) and any S3-compatible
 * object store (s3-file-store.ts).
 */
import { createHash } from 'node:crypto';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { ImketenError } from '../../domain/errors.js';

export interface PutOptions {
  /** Refuse a file larger than this many bytes (FILE_TOO_LARGE); nothing is stored. */
  maxBytes?: number;
  /** How many of the first bytes to return (`head`), for sniffing the media type. Default 4,100. */
  headBytes?: number;
  /**
   * Called with the hash once the bytes are all in and hashed, before they are stored under it: the evidence register
   * claims the upload here (src/store/evidence-files.ts), so that a refused upload's clean-up never takes bytes another
   * upload is about to rely on. If it throws, nothing is stored.
   */
  beforeStore?: (sha256: string) => Promise<void>;
}

export interface PutResult {
  sha256: string;
  size: number;
  /** False when the same bytes were stored already (nothing was written). */
  created: boolean;
  /** The first bytes of the file. */
  head: Buffer;
}

export type FileCheck = 'ok' | 'missing' | 'corrupt';

export interface FileStore {
  /** Where the files are, for messages (`disk:/data/files`, `s3://bucket/prefix`). */
  readonly location: string;
  /** Streams the bytes in while hashing them and stores them under their hash, unless stored already. */
  put(source: AsyncIterable<Uint8Array>, options?: PutOptions): Promise<PutResult>;
  has(sha256: string): Promise<boolean>;
  /** The size of a stored file, or undefined when it is not there. */
  size(sha256: string): Promise<number | undefined>;
  /**
   * The bytes of a stored file, after re-hashing them: FILE_NOT_FOUND when absent, FILE_CORRUPT when they no longer
   * match the hash (nothing of them is returned). The stream checks the hash again as it goes and fails at its end
   * should the bytes change in between.
   */
  get(sha256: string): Promise<Readable>;
  /** Re-hashes a stored file; `onBytes` reports progress. */
  check(sha256: string, onBytes?: (bytes: number) => void): Promise<FileCheck>;
  /** Removes a stored file for good (an approved erasure, docs/retention.md); true when it was there. */
  remove(sha256: string): Promise<boolean>;
  /** The hashes of every stored file (for verify-files: stored bytes no event attaches). */
  list(): AsyncIterable<string>;
  close(): Promise<void>;
}

const SHA256 = /^[0-9a-f]{64}$/;

export function assertSha256(sha256: string): void {
  if (!SHA256.test(sha256)) throw new ImketenError('INVALID_INPUT', `Not a SHA-256 digest: '${sha256.slice(0, 80)}' (64 lower-case hexadecimal characters).`);
}

export function tooLarge(maxBytes: number): ImketenError {
  return new ImketenError('FILE_TOO_LARGE', `The file is larger than the limit of ${maxBytes.toLocaleString('en')} bytes (IMKETEN_UPLOAD_LIMIT); nothing was stored.`);
}

export function notFound(sha256: string, location: string): ImketenError {
  return new ImketenError('FILE_NOT_FOUND', `The file ${sha256} is not in the file store (${location}).`);
}

export function corrupt(sha256: string, location: string, actual?: string): ImketenError {
  return new ImketenError('FILE_CORRUPT', `The stored file ${sha256} in ${location} does not match its hash${actual ? ` (its bytes hash to ${actual})` : ''}: it was changed or damaged after it was stored. It is refused; restore it from a backup.`);
}

/**
 * A pass-through that hashes and counts the bytes, keeps the first `headBytes` and refuses more than `maxBytes`.
 * The stores pipe every upload through it.
 */
export class HashingCounter extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  private readonly headChunks: Buffer[] = [];
  private headSize = 0;

  constructor(private readonly maxBytes: number = Number.POSITIVE_INFINITY, private readonly headBytes = 4100) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      callback(tooLarge(this.maxBytes));
      return;
    }
    this.hash.update(chunk);
    if (this.headSize < this.headBytes) {
      const part = chunk.subarray(0, this.headBytes - this.headSize);
      this.headChunks.push(Buffer.from(part));
      this.headSize += part.length;
    }
    callback(null, chunk);
  }

  get head(): Buffer {
    return Buffer.concat(this.headChunks);
  }
}

/** A readable that passes the bytes on and fails at the end when they do not hash to `sha256`. */
export function verifyingStream(source: Readable, sha256: string, location: string): Readable {
  const hash = createHash('sha256');
  const check = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
    flush(callback) {
      const actual = hash.digest('hex');
      callback(actual === sha256 ? null : corrupt(sha256, location, actual));
    },
  });
  source.on('error', (error) => check.destroy(error));
  return source.pipe(check);
}

/** Hashes a readable to its end. */
export async function hashOf(source: AsyncIterable<Uint8Array>, onBytes?: (bytes: number) => void): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of source) {
    hash.update(chunk);
    onBytes?.(chunk.length);
  }
  return hash.digest('hex');
}

/** A byte source from a buffer, for small files and tests. */
export function bytesSource(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  return Readable.from([Buffer.from(bytes)]);
}

/**
 * Storing the bytes of an evidence file (README, "Evidence"): streamed into the file store while hashed, the media
 * type sniffed from the content, what the bytes say about themselves derived once and recorded by hash. The event
 * (evidence.file-attached) is appended by the caller, through the write policy, only after the bytes are safely
 * stored: a crash before leaves at most bytes no event names, never an event without its bytes.
 * A refused event (policy, conflict, unknown item) leaves nothing behind: the caller appends through `settleUpload`,
 * which removes the bytes again unless an event attaches them or another upload of the same bytes is under way
 * (a claim taken before the bytes got their hash name; src/store/evidence-files.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Db } from '../store/db.js';
import { abandonUpload, claimUpload, evidenceFiles, recordEvidenceFile, releaseUpload } from '../store/evidence-files.js';
import type { FileStore } from '../store/file-store/file-store.js';
import { deriveFacts, type DerivedFacts } from './media-port.js';

export interface StoredUpload extends DerivedFacts {
  sha256: string;
  size: number;
  /** False when the same bytes were stored before. */
  created: boolean;
  /** This upload's claim on the bytes, until settleUpload ends it. */
  claim: string;
}

/** The largest image whose metadata and perceptual hash are derived (read whole into memory). */
const DERIVE_LIMIT = 64 * 1024 * 1024;

export async function storeUpload(db: Db, files: FileStore, source: AsyncIterable<Uint8Array>, options: { maxBytes: number; now: Date }): Promise<StoredUpload> {
  const claim = randomUUID();
  const put = await files.put(source, { maxBytes: options.maxBytes, beforeStore: (sha256) => claimUpload(db, sha256, claim, options.now.toISOString()) });
  const stored = { sha256: put.sha256, size: put.size, created: put.created, claim };
  try {
    const known = (await evidenceFiles(db, [put.sha256])).get(put.sha256);
    if (known) return { ...stored, mediaType: known.mediaType, perceptualHash: known.perceptualHash, metadata: known.metadata };
    const facts = await deriveFacts(put.head, async () => (put.size <= DERIVE_LIMIT ? readAll(await files.get(put.sha256)) : new Uint8Array()));
    await recordEvidenceFile(db, { sha256: put.sha256, size: put.size, ...facts, firstStoredAt: options.now.toISOString() });
    return { ...stored, ...facts };
  } catch (error) {
    await abandonUpload(db, put.sha256, claim, async () => { await files.remove(put.sha256); }).catch(() => undefined);
    throw error;
  }
}

/**
 * Appends the event(s) that attach stored bytes (`append`). Accepted: the claim ends, the events keep the bytes.
 * Refused or failed: the bytes are removed unless an event attaches them or another upload of them is under way, and
 * the refusal is passed on. Should the removal itself fail, the refusal is still what the caller hears; the bytes are
 * left for verify-files, which names stored files no event attaches.
 */
export async function settleUpload<T>(db: Db, files: FileStore, stored: Pick<StoredUpload, 'sha256' | 'claim'>, append: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await append();
  } catch (error) {
    await abandonUpload(db, stored.sha256, stored.claim, async () => { await files.remove(stored.sha256); }).catch(() => undefined);
    throw error;
  }
  await releaseUpload(db, stored.sha256, stored.claim);
  return result;
}

async function readAll(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A file name as it may be stored: the last part of a path (a browser or client may send `C:\\fakepath\\x.jpg`),
 * without control characters, at most 255 characters; `bestand` when nothing is left.
 */
export function sanitiseFileName(raw: string): string {
  const last = raw.split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = last.normalize('NFC').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 255);
  return clean === '' || clean === '.' || clean === '..' ? 'bestand' : clean;
}

/**
 * Reads the entries of a ZIP file (as a WACZ is) from its central directory, ZIP64 included, and streams one entry
 * at a time (stored or deflated), never more bytes than the directory declares: a lying entry cannot expand
 * without bound. Enough for WACZ; no encryption, no multi-disk archives.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline, Readable, Transform } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { ImketenError } from '../domain/errors.js';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

export interface ZipLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
  /**
   * The most an entry may expand (uncompressed ÷ compressed size), for entries above RATIO_FLOOR bytes: deflate
   * reaches about 1,032:1 on zeros, ordinary web content 2–20:1. Undefined: no limit.
   */
  maxCompressionRatio?: number;
}

/** Entries smaller than this are not held to the ratio: a few kilobytes of zeros are no bomb. */
export const RATIO_FLOOR = 1024 * 1024;

/**
 * Why an entry's name is refused, or undefined when it is a plain relative path: nothing here writes entries to disk,
 * but a name that climbs out (`../x`), is absolute (`/x`, `C:x`), uses backslashes or control characters is a sign of
 * a crafted archive, and would be dangerous to whoever unpacks it later.
 */
export function unsafeEntryName(name: string): string | undefined {
  if (name === '') return 'it is empty';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'it holds control characters';
  if (name.includes('\\')) return 'it holds a backslash';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'it is an absolute path';
  if (name.split('/').some((part) => part === '..')) return "it climbs out of the archive ('..')";
  return undefined;
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const invalid = (path: string, message: string) => new ImketenError('INVALID_INPUT', `${path}: not a readable ZIP file: ${message}`);

async function readAt(handle: import('node:fs/promises').FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** The central directory's entries, refused above the limits before anything is expanded. */
export async function listZipEntries(path: string, limits: ZipLimits): Promise<ZipEntry[]> {
  const handle = await open(path, 'r');
  try {
    const { size: fileSize } = await handle.stat();
    const tailLength = Math.min(fileSize, 22 + 0xffff);
    const tail = await readAt(handle, fileSize - tailLength, tailLength);
    let eocd = -1;
    for (let index = tail.length - 22; index >= 0; index--) if (tail.readUInt32LE(index) === EOCD) { eocd = index; break; }
    if (eocd < 0) throw invalid(path, 'no end of central directory record');
    let count = tail.readUInt16LE(eocd + 10);
    let directorySize = tail.readUInt32LE(eocd + 12);
    let directoryOffset = tail.readUInt32LE(eocd + 16);
    if ((count === 0xffff || directoryOffset === 0xffffffff) && eocd >= 20 && tail.readUInt32LE(eocd - 20) === EOCD64_LOCATOR) {
      const record = await readAt(handle, Number(tail.readBigUInt64LE(eocd - 20 + 8)), 56);
      if (record.length < 56 || record.readUInt32LE(0) !== EOCD64) throw invalid(path, 'bad ZIP64 end of central directory record');
      count = Number(record.readBigUInt64LE(32));
      directorySize = Number(record.readBigUInt64LE(40));
      directoryOffset = Number(record.readBigUInt64LE(48));
    }
    if (count > limits.maxEntries) {
      throw new ImketenError('INVALID_INPUT', `${path}: the archive has ${count} entries, more than the limit of ${limits.maxEntries}`);
    }
    if (directoryOffset + directorySize > fileSize) throw invalid(path, 'the central directory lies beyond the end of the file');
    const directory = await readAt(handle, directoryOffset, directorySize);
    const entries: ZipEntry[] = [];
    let total = 0;
    let at = 0;
    for (let index = 0; index < count; index++) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL) throw invalid(path, `central directory entry ${index + 1} at offset ${directoryOffset + at} is damaged`);
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      const entry: ZipEntry = {
        name: directory.subarray(at + 46, at + 46 + nameLength).toString('utf8'),
        method: directory.readUInt16LE(at + 10),
        compressedSize: directory.readUInt32LE(at + 20),
        size: directory.readUInt32LE(at + 24),
        localHeaderOffset: directory.readUInt32LE(at + 42),
      };
      if ((directory.readUInt16LE(at + 8) & 1) !== 0) throw invalid(path, `entry '${entry.name}' is encrypted`);
      readZip64(directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry);
      const unsafe = unsafeEntryName(entry.name);
      if (unsafe) throw new ImketenError('INVALID_INPUT', `${path}: entry ${index + 1} has an unsafe name ('${entry.name.slice(0, 120)}'): ${unsafe}`);
      if (limits.maxCompressionRatio !== undefined && entry.size > RATIO_FLOOR && entry.size > entry.compressedSize * limits.maxCompressionRatio) {
        throw new ImketenError('INVALID_INPUT', `${path}: entry '${entry.name}' expands ${Math.round(entry.size / Math.max(entry.compressedSize, 1))} times (${entry.compressedSize} to ${entry.size} bytes), more than the limit of ${limits.maxCompressionRatio}: a zip bomb, or not an archive to import`);
      }
      total += entry.size;
      if (total > limits.maxUncompressedBytes) {
        throw new ImketenError('INVALID_INPUT', `${path}: the archive expands to more than the limit of ${limits.maxUncompressedBytes} bytes (at entry '${entry.name}')`);
      }
      entries.push(entry);
      at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/** ZIP64's extra field holds the sizes and offset that did not fit, in this order, only those that did not. */
function readZip64(extra: Buffer, entry: ZipEntry): void {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = () => { const value = Number(extra.readBigUInt64LE(field)); field += 8; return value; };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
    }
    at += 4 + length;
  }
}

/** A stream of the entry's uncompressed bytes; it fails if they exceed the declared size. */
export async function openZipEntry(path: string, entry: ZipEntry): Promise<Readable> {
  const handle = await open(path, 'r');
  let local: Buffer;
  try {
    local = await readAt(handle, entry.localHeaderOffset, 30);
  } finally {
    await handle.close();
  }
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL) throw invalid(path, `entry '${entry.name}': no local header at offset ${entry.localHeaderOffset}`);
  const start = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (entry.compressedSize === 0) return Readable.from([]);
  let seen = 0;
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > entry.size) done(invalid(path, `entry '${entry.name}' expands beyond its declared ${entry.size} bytes`));
      else done(null, chunk);
    },
  });
  if (entry.method !== 0 && entry.method !== 8) {
    throw invalid(path, `entry '${entry.name}' uses compression method ${entry.method}; only stored and deflate are read`);
  }
  const raw = createReadStream(path, { start, end: start + entry.compressedSize - 1 });
  // pipeline passes an error of any stage on to the last, which the caller reads.
  if (entry.method === 0) return pipeline(raw, guard, () => {});
  return pipeline(raw, createInflateRaw(), guard, () => {});
}

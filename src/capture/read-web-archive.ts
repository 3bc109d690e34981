/**
 * Reads web archives made by other tools (Browsertrix, ArchiveWeb.page, auto-archiver) or by `captureUrl`: WARC
 * (`.warc`, `.warc.gz`) and WACZ (a ZIP with `archive/*.warc[.gz]`, `datapackage.json` listing every file with
 * its hash, `pages/pages.jsonl`). It lists the records with their digests and checks every digest it can; a
 * mismatch is reported in `problems`, not thrown. Bytes that are not a web archive, and an archive above the
 * expansion limits, throw an ImketenError naming the file (and the record's offset).
 */
import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { ImketenError } from '../domain/errors.js';
import { listZipEntries, openZipEntry, RATIO_FLOOR, type ZipEntry } from './zip-read.js';
import { readWarcStream, type WarcRecordInfo } from './warc-read.js';

export interface WebArchiveLimits {
  /** Entries of a WACZ. */
  maxEntries: number;
  /** Uncompressed bytes of all WARC data (and of a WACZ's entries) together. */
  maxUncompressedBytes: number;
  maxRecords: number;
  /** How many times a WACZ entry or a gzipped WARC may expand (above 1 MiB; zip-read.ts, RATIO_FLOOR). */
  maxCompressionRatio: number;
}

export const DEFAULT_WEB_ARCHIVE_LIMITS: WebArchiveLimits = {
  maxEntries: 10_000,
  maxUncompressedBytes: 20 * 1024 ** 3,
  maxRecords: 1_000_000,
  maxCompressionRatio: 200,
};

export interface WebArchiveRecord extends WarcRecordInfo {
  /** The WARC file the record is in: the path given, or the entry of the WACZ. */
  file: string;
}

export interface WaczResourceCheck {
  path: string;
  declaredHash: string | undefined;
  declaredBytes: number | undefined;
  check: 'ok' | 'mismatch' | 'missing' | 'unsupported';
}

export interface WebArchive {
  path: string;
  format: 'warc' | 'wacz';
  records: WebArchiveRecord[];
  /** WACZ only: the resources of datapackage.json and whether each file's hash and size agree. */
  resources?: WaczResourceCheck[];
  /** WACZ only: the pages of pages/pages.jsonl. */
  pages?: { url: string; ts?: string; title?: string }[];
  /** WACZ only: datapackage.json's `software` and `created`, when given. */
  software?: string;
  created?: string;
  /** Every digest that did not match, every resource missing or altered: one line each, naming file and offset. */
  problems: string[];
}

const invalid = (message: string) => new ImketenError('INVALID_INPUT', message);

/** Reads one WARC stream (gunzipping it if asked) into `archive`, counting against the limits. */
async function readWarcInto(
  source: Readable, file: string, gzipped: boolean, archive: WebArchive, limits: WebArchiveLimits, budget: { bytes: number },
): Promise<void> {
  let compressed = 0;
  if (gzipped) source.on('data', (chunk: Buffer) => { compressed += chunk.length; });
  const stream = gzipped ? source.pipe(createGunzip()) : source;
  if (gzipped) source.on('error', (error) => stream.destroy(error));
  let expanded = 0;
  async function* counted(): AsyncIterable<Buffer> {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      budget.bytes += chunk.length;
      expanded += chunk.length;
      if (budget.bytes > limits.maxUncompressedBytes) {
        throw invalid(`${file}: the archive expands to more than the limit of ${limits.maxUncompressedBytes} bytes`);
      }
      // What gunzip produced against what it has read so far (it reads ahead, so this errs on the lenient side).
      if (gzipped && expanded > RATIO_FLOOR && expanded > compressed * limits.maxCompressionRatio) {
        throw invalid(`${file}: the gzipped WARC expands more than ${limits.maxCompressionRatio} times (${compressed} bytes read became ${expanded}): a gzip bomb, or not an archive to import`);
      }
      yield chunk;
    }
  }
  try {
    await readWarcStream(counted(), file, (record) => {
      if (archive.records.length >= limits.maxRecords) throw invalid(`${file}: more than the limit of ${limits.maxRecords} records`);
      archive.records.push({ ...record, file });
      const where = `${file}: ${record.type} record at offset ${record.offset}${record.targetUri ? ` (${record.targetUri})` : ''}`;
      if (record.blockCheck === 'mismatch') archive.problems.push(`${where}: WARC-Block-Digest does not match the block`);
      if (record.payloadCheck === 'mismatch') archive.problems.push(`${where}: WARC-Payload-Digest does not match the payload`);
    });
  } catch (error) {
    if (error instanceof ImketenError) throw error;
    throw invalid(`${file}: cannot be read as ${gzipped ? 'gzipped ' : ''}WARC: ${(error as Error).message}`);
  } finally {
    stream.destroy();
    source.destroy();
  }
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function hashEntry(path: string, entry: ZipEntry, algorithm: string): Promise<{ digest: string; bytes: number }> {
  const hash = createHash(algorithm);
  let bytes = 0;
  for await (const chunk of await openZipEntry(path, entry) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { digest: hash.digest('hex'), bytes };
}

interface DataPackage {
  resources?: { path?: unknown; hash?: unknown; bytes?: unknown }[];
  software?: unknown;
  created?: unknown;
}

async function readWacz(path: string, limits: WebArchiveLimits): Promise<WebArchive> {
  const entries = await listZipEntries(path, limits);
  const archive: WebArchive = { path, format: 'wacz', records: [], problems: [], resources: [], pages: [] };
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const packageEntry = byName.get('datapackage.json');
  if (!packageEntry) throw invalid(`${path}: not a WACZ: it has no datapackage.json`);
  if (packageEntry.size > 16 * 1024 * 1024) throw invalid(`${path}: datapackage.json is larger than 16 MiB`);
  let datapackage: DataPackage;
  try {
    datapackage = JSON.parse((await readAll(await openZipEntry(path, packageEntry))).toString('utf8')) as DataPackage;
  } catch (error) {
    throw invalid(`${path}: datapackage.json is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(datapackage.resources)) throw invalid(`${path}: datapackage.json has no 'resources' list`);
  if (typeof datapackage.software === 'string') archive.software = datapackage.software.slice(0, 500);
  if (typeof datapackage.created === 'string') archive.created = datapackage.created.slice(0, 100);
  for (const [index, resource] of datapackage.resources.entries()) {
    if (typeof resource?.path !== 'string') throw invalid(`${path}: datapackage.json resource ${index + 1} has no 'path'`);
    const declaredHash = typeof resource.hash === 'string' ? resource.hash : undefined;
    const declaredBytes = typeof resource.bytes === 'number' ? resource.bytes : undefined;
    const entry = byName.get(resource.path);
    const check: WaczResourceCheck = { path: resource.path, declaredHash, declaredBytes, check: 'ok' };
    const match = declaredHash ? /^(sha256|md5|sha1):([0-9a-f]+)$/i.exec(declaredHash) : null;
    if (!entry) check.check = 'missing';
    else if (!match) check.check = 'unsupported';
    else {
      const actual = await hashEntry(path, entry, match[1]!.toLowerCase());
      if (actual.digest !== match[2]!.toLowerCase() || (declaredBytes !== undefined && actual.bytes !== declaredBytes)) check.check = 'mismatch';
    }
    if (check.check === 'missing') archive.problems.push(`${path}: datapackage.json lists '${resource.path}', which the archive does not hold`);
    if (check.check === 'mismatch') archive.problems.push(`${path}: '${resource.path}' does not match the hash or size in datapackage.json`);
    archive.resources!.push(check);
  }
  const budget = { bytes: 0 };
  for (const entry of entries.filter((item) => /^archive\/[^/]+\.warc(\.gz)?$/i.test(item.name))) {
    await readWarcInto(await openZipEntry(path, entry), `${path}!${entry.name}`, /\.gz$/i.test(entry.name), archive, limits, budget);
  }
  const pagesEntry = byName.get('pages/pages.jsonl');
  if (pagesEntry) {
    const lines = (await readAll(await openZipEntry(path, pagesEntry))).toString('utf8').split('\n');
    for (const [index, line] of lines.entries()) {
      if (line.trim() === '') continue;
      let page: { url?: unknown; ts?: unknown; title?: unknown; format?: unknown };
      try {
        page = JSON.parse(line) as typeof page;
      } catch {
        throw invalid(`${path}!pages/pages.jsonl line ${index + 1}: not valid JSON`);
      }
      if (typeof page.url !== 'string') continue; // the header line ({"format": "json-pages-1.0", …})
      archive.pages!.push({
        url: page.url, ...(typeof page.ts === 'string' ? { ts: page.ts } : {}), ...(typeof page.title === 'string' ? { title: page.title } : {}),
      });
    }
  }
  return archive;
}

/** Reads a `.warc`, `.warc.gz` or `.wacz` file; the format is told by the file's first bytes, not its name. */
export async function readWebArchive(path: string, limits: WebArchiveLimits = DEFAULT_WEB_ARCHIVE_LIMITS): Promise<WebArchive> {
  const head = await readAll(createReadStream(path, { start: 0, end: 3 })).catch((error: Error) => {
    throw invalid(`${path}: cannot be read: ${error.message}`);
  });
  if (head.length >= 4 && head.readUInt32LE(0) === 0x04034b50) return readWacz(path, limits);
  const gzipped = head[0] === 0x1f && head[1] === 0x8b;
  if (!gzipped && head.toString('latin1') !== 'WARC') throw invalid(`${path}: not a WARC, gzipped WARC or WACZ file (it starts with neither 'WARC', gzip nor ZIP bytes)`);
  const archive: WebArchive = { path, format: 'warc', records: [], problems: [] };
  await readWarcInto(createReadStream(path), path, gzipped, archive, limits, { bytes: 0 });
  return archive;
}

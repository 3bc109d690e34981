/**
 * Writes a court bundle: one ZIP with the evidence files under `files/`, `manifest.json`, `manifest.pdf` and
 * `manifest.sha256` (sha256sum lines for every other entry). The files stream through (bounded memory, ZIP64
 * past 4 GB) and are hashed on the way: a file whose bytes no longer match the SHA-256 the register holds stops
 * the bundle, so a bundle never carries a file its manifest misdescribes. The ZIP is written under a temporary
 * name beside the target, flushed to disk and renamed, so a failed run leaves no half bundle under the name.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import yazl from 'yazl';
import {
  bundleNameProblem, COURT_BUNDLE_FORMAT, FILES_FOLDER, isSha256, MANIFEST_JSON, MANIFEST_PDF, MANIFEST_SHA256, sha256sumLines,
  type CourtBundleManifest, type CourtBundleManifestJson,
} from './manifest.js';
import { renderManifestPdf } from './manifest-pdf.js';

export interface CourtBundleSource {
  /** Where the bytes are read from (e.g. the file store's path for the hash). */
  sourcePath: string;
  /** The SHA-256 the register holds for the file; the bytes read must match it. */
  sha256: string;
  /** The path under `files/` in the bundle; the manifest's files name it so. */
  nameInBundle: string;
}

export interface CourtBundleInput {
  manifest: CourtBundleManifest;
  files: CourtBundleSource[];
}

export interface WrittenCourtBundle {
  path: string;
  /** SHA-256 and size of the ZIP itself (to record, e.g., in a disclosure). */
  sha256: string;
  size: number;
  fileCount: number;
}

/** A mistake in what the caller asked to bundle (names, hashes, manifest and files disagreeing). */
export class CourtBundleInputError extends Error {
  override name = 'CourtBundleInputError';
}

/** Checks that the files and the manifest describe each other; returns the manifest's size per bundle name. */
function checkInput({ manifest, files }: CourtBundleInput): Map<string, number> {
  const problems: string[] = [];
  if (Number.isNaN(Date.parse(manifest.generatedAt))) problems.push(`generatedAt '${manifest.generatedAt}' is not an ISO 8601 time`);
  const sources = new Map<string, CourtBundleSource>();
  const lowerNames = new Set<string>();
  for (const file of files) {
    const problem = bundleNameProblem(file.nameInBundle);
    if (problem) problems.push(`file name '${file.nameInBundle}' ${problem}`);
    if (!isSha256(file.sha256)) problems.push(`file '${file.nameInBundle}': '${file.sha256}' is no lowercase hexadecimal SHA-256`);
    // Unique ignoring case, so that the bundle unpacks to as many files on Windows and macOS too.
    if (lowerNames.has(file.nameInBundle.toLowerCase())) problems.push(`file name '${file.nameInBundle}' occurs twice (case ignored)`);
    lowerNames.add(file.nameInBundle.toLowerCase());
    sources.set(file.nameInBundle, file);
  }
  const sizes = new Map<string, number>();
  for (const item of manifest.items) {
    for (const file of item.files) {
      const source = sources.get(file.name);
      if (!source) problems.push(`item ${item.id} lists '${file.name}', which is not among the files to bundle`);
      else if (source.sha256 !== file.sha256) problems.push(`item ${item.id}: '${file.name}' has SHA-256 ${file.sha256} in the manifest but ${source.sha256} among the files`);
      if (!Number.isSafeInteger(file.size) || file.size < 0) problems.push(`item ${item.id}: '${file.name}' has no valid size`);
      const earlier = sizes.get(file.name);
      if (earlier !== undefined && earlier !== file.size) problems.push(`'${file.name}' is listed with two sizes`);
      sizes.set(file.name, file.size);
    }
  }
  for (const name of sources.keys()) if (!sizes.has(name)) problems.push(`file '${name}' is in no item of the manifest`);
  if (problems.length > 0) throw new CourtBundleInputError(`Cannot write the court bundle: ${problems.join('; ')}`);
  return sizes;
}

/** Passes bytes through while hashing them; fails at the end when hash or size differ from what was expected. */
class CheckingTap extends Transform {
  private readonly hash = createHash('sha256');
  private size = 0;
  constructor(private readonly file: CourtBundleSource, private readonly expectedSize: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    callback(null, chunk);
  }
  override _flush(callback: TransformCallback): void {
    const actual = this.hash.digest('hex');
    if (actual !== this.file.sha256) {
      callback(new Error(`${this.file.sourcePath} (${this.file.nameInBundle}) has SHA-256 ${actual}, not ${this.file.sha256} as registered: the bundle was not written`));
    } else if (this.size !== this.expectedSize) {
      callback(new Error(`${this.file.sourcePath} (${this.file.nameInBundle}) has ${this.size} bytes, not ${this.expectedSize} as in the manifest: the bundle was not written`));
    } else callback();
  }
}

/** Writes the bundle to `outZipPath` (replacing nothing half-way: written aside, then renamed). */
export async function writeCourtBundle(input: CourtBundleInput, outZipPath: string): Promise<WrittenCourtBundle> {
  const sizes = checkInput(input);
  const { manifest, files } = input;
  const manifestJson: CourtBundleManifestJson = { format: COURT_BUNDLE_FORMAT, ...manifest };
  const jsonBytes = Buffer.from(`${JSON.stringify(manifestJson, null, 2)}\n`, 'utf8');
  const pdfBytes = await renderManifestPdf(manifest);
  const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
  const sumBytes = Buffer.from(sha256sumLines([
    [MANIFEST_JSON, sha256(jsonBytes)],
    [MANIFEST_PDF, sha256(pdfBytes)],
    ...files.map((file): [string, string] => [FILES_FOLDER + file.nameInBundle, file.sha256]),
  ]), 'utf8');

  const mtime = new Date(manifest.generatedAt);
  const zip = new yazl.ZipFile();
  // yazl does not listen for errors of the streams it reads: a source's error reaches the writer through this.
  let failSource: (error: Error) => void = () => {};
  const sourceFailed = new Promise<never>((_, reject) => {
    failSource = reject;
  });
  sourceFailed.catch(() => {}); // handled by the race below; a second failure after the first is not news
  zip.addBuffer(jsonBytes, MANIFEST_JSON, { mtime });
  zip.addBuffer(pdfBytes, MANIFEST_PDF, { mtime, compress: false });
  zip.addBuffer(sumBytes, MANIFEST_SHA256, { mtime });
  for (const file of files) {
    // Media files are compressed already: stored as they are, which also keeps large files fast.
    zip.addReadStreamLazy(FILES_FOLDER + file.nameInBundle, { mtime, compress: false }, (callback) => {
      const tap = new CheckingTap(file, sizes.get(file.nameInBundle)!);
      const source = createReadStream(file.sourcePath);
      source.on('error', (error) => tap.destroy(new Error(`Cannot read ${file.sourcePath} (${file.nameInBundle}): ${error.message}`)));
      tap.on('error', failSource);
      callback(null, source.pipe(tap));
    });
  }
  zip.end();

  const partial = join(dirname(outZipPath), `.${basename(outZipPath)}.${randomBytes(6).toString('hex')}.partial`);
  const zipHash = createHash('sha256');
  let zipSize = 0;
  const out = createWriteStream(partial, { flags: 'wx' });
  try {
    const written = new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      out.on('error', reject);
      out.on('finish', resolve);
      zip.outputStream.on('data', (chunk: Buffer) => {
        zipHash.update(chunk);
        zipSize += chunk.length;
      });
      zip.outputStream.pipe(out);
    });
    await Promise.race([written, sourceFailed]);
    const handle = await open(partial, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, outZipPath);
  } catch (error) {
    zip.outputStream.unpipe();
    if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()).destroy());
    await rm(partial, { force: true });
    throw error;
  }
  return { path: outZipPath, sha256: zipHash.digest('hex'), size: zipSize, fileCount: files.length };
}

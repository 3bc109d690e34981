/**
 * Checks a court bundle as anyone receiving it can (`imketen evidence verify-bundle FILE.zip`): every file under
 * `files/` is re-hashed and compared with manifest.json; files the manifest lists but the bundle lacks, files the
 * bundle holds but the manifest does not list, and files whose bytes differ are named, as is a manifest.sha256 or
 * manifest.pdf that disagrees. Nothing is unpacked: every entry is streamed through SHA-256, so a bundle of any
 * size is checked in bounded memory (manifest.json itself is read whole, up to MAX_MANIFEST_BYTES).
 *
 * What this cannot show: a bundle whose files, manifest.json and manifest.sha256 were all replaced consistently.
 * Against that, compare the SHA-256 of the whole ZIP with the one the register recorded when it was made.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import {
  COURT_BUNDLE_FORMAT, FILES_FOLDER, isSha256, MANIFEST_JSON, MANIFEST_PDF, MANIFEST_SHA256, parseSha256sum,
  type CourtBundleManifestJson,
} from './manifest.js';

export type CourtBundleProblemKind = 'missing' | 'extra' | 'corrupt' | 'duplicate' | 'unreadable' | 'inconsistent';

export interface CourtBundleProblem {
  /** The entry's path in the ZIP (`files/…`, `manifest.json`, …), or the ZIP's own name when it cannot be opened. */
  file: string;
  problem: CourtBundleProblemKind;
  /** What exactly, in a sentence (English; the command line may print its own words per `problem`). */
  detail: string;
}

export interface CourtBundleVerification {
  ok: boolean;
  problems: CourtBundleProblem[];
  /** The manifest as read (when it could be read), e.g. to print the case and items. */
  manifest?: CourtBundleManifestJson;
  /** How many files under files/ were hashed, and their bytes. */
  checkedFiles: number;
  checkedBytes: number;
}

export const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

const openZip = (path: string) =>
  new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (error, zip) => (error ? reject(error) : resolve(zip))));

function readEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

const openEntry = (zip: yauzl.ZipFile, entry: yauzl.Entry) =>
  new Promise<Readable>((resolve, reject) => zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream))));

/** SHA-256 and size of an entry's bytes; `keep` also returns the bytes (for the small manifest files). */
async function hashEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, keep = false): Promise<{ sha256: string; size: number; bytes?: Buffer }> {
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of await openEntry(zip, entry)) {
    const buffer = chunk as Buffer;
    hash.update(buffer);
    size += buffer.length;
    if (keep) chunks.push(buffer);
  }
  return { sha256: hash.digest('hex'), size, ...(keep ? { bytes: Buffer.concat(chunks) } : {}) };
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The files manifest.json lists: bundle path → expected SHA-256 and size; with what is wrong with the manifest. */
function expectedFiles(manifest: CourtBundleManifestJson): { expected: Map<string, { sha256: string; size: number }>; problems: string[] } {
  const expected = new Map<string, { sha256: string; size: number }>();
  const problems: string[] = [];
  if (manifest.format !== COURT_BUNDLE_FORMAT) problems.push(`format is '${String(manifest.format)}', not '${COURT_BUNDLE_FORMAT}'`);
  if (!Array.isArray(manifest.items)) return { expected, problems: [...problems, 'it has no items list'] };
  for (const item of manifest.items) {
    for (const file of Array.isArray(item?.files) ? item.files : []) {
      if (typeof file?.name !== 'string' || !isSha256(file.sha256) || !Number.isSafeInteger(file.size)) {
        problems.push(`item ${String(item.id)} has a file without a valid name, SHA-256 or size`);
        continue;
      }
      const path = FILES_FOLDER + file.name;
      const earlier = expected.get(path);
      if (earlier && (earlier.sha256 !== file.sha256 || earlier.size !== file.size)) problems.push(`${path} is listed twice with different hashes or sizes`);
      expected.set(path, { sha256: file.sha256, size: file.size });
    }
  }
  return { expected, problems };
}

/** Verifies the court bundle at `zipPath`. Never throws for a bad bundle: every fault is a problem in the answer. */
export async function verifyCourtBundle(zipPath: string): Promise<CourtBundleVerification> {
  const problems: CourtBundleProblem[] = [];
  const report = (file: string, problem: CourtBundleProblemKind, detail: string) => problems.push({ file, problem, detail });
  let zip: yauzl.ZipFile;
  let entries: yauzl.Entry[];
  try {
    zip = await openZip(zipPath);
    entries = await readEntries(zip);
  } catch (error) {
    report(basename(zipPath), 'unreadable', `not a readable ZIP file: ${message(error)}`);
    return { ok: false, problems, checkedFiles: 0, checkedBytes: 0 };
  }
  try {
    const byName = new Map<string, yauzl.Entry>();
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue; // a folder entry
      if (byName.has(entry.fileName)) report(entry.fileName, 'duplicate', 'the ZIP holds two entries under this name');
      else byName.set(entry.fileName, entry);
    }

    // The manifest files first: they say what the rest must be.
    const manifests = new Map<string, { sha256: string; size: number; bytes?: Buffer }>();
    for (const name of [MANIFEST_JSON, MANIFEST_PDF, MANIFEST_SHA256]) {
      const entry = byName.get(name);
      if (!entry) {
        report(name, 'missing', 'the bundle has no such entry');
        continue;
      }
      if (name !== MANIFEST_PDF && entry.uncompressedSize > MAX_MANIFEST_BYTES) {
        report(name, 'unreadable', `larger than ${MAX_MANIFEST_BYTES} bytes`);
        continue;
      }
      try {
        manifests.set(name, await hashEntry(zip, entry, name !== MANIFEST_PDF));
      } catch (error) {
        report(name, 'corrupt', `cannot be read from the ZIP: ${message(error)}`);
      }
    }

    let manifest: CourtBundleManifestJson | undefined;
    const jsonBytes = manifests.get(MANIFEST_JSON)?.bytes;
    if (jsonBytes) {
      try {
        manifest = JSON.parse(jsonBytes.toString('utf8')) as CourtBundleManifestJson;
      } catch (error) {
        report(MANIFEST_JSON, 'unreadable', `not valid JSON: ${message(error)}`);
      }
    }
    const { expected, problems: manifestProblems } = manifest ? expectedFiles(manifest) : { expected: new Map<string, { sha256: string; size: number }>(), problems: [] };
    for (const detail of manifestProblems) report(MANIFEST_JSON, 'unreadable', detail);

    // manifest.sha256 must agree with manifest.json and with the manifest files' own bytes.
    const sums = manifests.get(MANIFEST_SHA256)?.bytes;
    if (sums) {
      const { hashes, unreadable } = parseSha256sum(sums.toString('utf8'));
      if (unreadable.length > 0) report(MANIFEST_SHA256, 'unreadable', `${unreadable.length} line(s) are no sha256sum lines, e.g. '${unreadable[0]!.slice(0, 80)}'`);
      for (const name of [MANIFEST_JSON, MANIFEST_PDF]) {
        const actual = manifests.get(name)?.sha256;
        if (actual && hashes.get(name) !== actual) report(name, 'corrupt', `SHA-256 is ${actual}, manifest.sha256 says ${hashes.get(name) ?? 'nothing'}`);
      }
      if (manifest) {
        const listed = [...hashes].filter(([path]) => path.startsWith(FILES_FOLDER));
        const disagreeing = listed.filter(([path, sha256]) => expected.get(path)?.sha256 !== sha256).map(([path]) => path);
        const absent = [...expected.keys()].filter((path) => !hashes.has(path));
        if (disagreeing.length + absent.length > 0) {
          report(MANIFEST_SHA256, 'inconsistent', `disagrees with manifest.json on ${[...disagreeing, ...absent].slice(0, 5).join(', ')}${disagreeing.length + absent.length > 5 ? ', …' : ''}`);
        }
      }
    }

    // Every file the manifest lists, re-hashed; every other entry is extra.
    let checkedFiles = 0;
    let checkedBytes = 0;
    for (const [path, want] of expected) {
      const entry = byName.get(path);
      if (!entry) {
        report(path, 'missing', 'listed in manifest.json but not in the bundle');
        continue;
      }
      try {
        const { sha256, size } = await hashEntry(zip, entry);
        checkedFiles += 1;
        checkedBytes += size;
        if (sha256 !== want.sha256) report(path, 'corrupt', `SHA-256 is ${sha256}, manifest.json says ${want.sha256}`);
        else if (size !== want.size) report(path, 'corrupt', `${size} bytes, manifest.json says ${want.size}`);
      } catch (error) {
        report(path, 'corrupt', `cannot be read from the ZIP: ${message(error)}`);
      }
    }
    const known = new Set([MANIFEST_JSON, MANIFEST_PDF, MANIFEST_SHA256, ...expected.keys()]);
    for (const name of byName.keys()) {
      if (!known.has(name)) report(name, 'extra', manifest ? 'in the bundle but not listed in manifest.json' : 'in the bundle, and no manifest.json lists it');
    }
    return { ok: problems.length === 0, problems, ...(manifest ? { manifest } : {}), checkedFiles, checkedBytes };
  } finally {
    zip.close();
  }
}

/**
 * The manifest of a court bundle (issue 12, "A court bundle"): per evidence item its files with their SHA-256,
 * its provenance (source, acquisition), its chain of custody and its verification steps (the Berkeley Protocol's
 * source, technical and content verification). The caller (the evidence register) fills it from the item's
 * events; this library writes it into the bundle as JSON and PDF and checks a bundle against it.
 */

/** The value of `format` in every manifest.json this library writes. */
export const COURT_BUNDLE_FORMAT = 'imketen-court-bundle/1';

export interface CourtBundleFile {
  /** The file's path inside the bundle's `files/` folder (as `nameInBundle` when writing), e.g. `E-12/photo.jpg`. */
  name: string;
  /** Lowercase hexadecimal SHA-256 of the bytes. */
  sha256: string;
  size: number;
  /** Media type sniffed from the content. */
  mediaType: string;
  /** For captures: the page captured, when, and with what. */
  url?: string;
  capturedAt?: string;
  tool?: string;
}

export interface CourtBundleCustodyStep {
  /** When the evidence changed hands (ISO 8601). */
  at: string;
  from: string;
  to: string;
  purpose: string;
}

export interface CourtBundleVerificationStep {
  at: string;
  /** The Berkeley Protocol's verification step. */
  step: 'source' | 'technical' | 'content';
  outcome: string;
  method: string;
  by?: string;
  notes?: string;
}

export interface CourtBundleItem {
  id: string;
  title: string;
  /** The evidence kind of the register, e.g. `photo`, `web-capture`, `witness-statement`. */
  kind: string;
  source: { type: string; name?: string; reference?: string };
  acquired: { date: string; by: string; method: string; location?: string };
  description?: string;
  files: CourtBundleFile[];
  custody: CourtBundleCustodyStep[];
  verification: CourtBundleVerificationStep[];
}

export interface CourtBundleManifest {
  /** The case the bundle is made for. */
  caseId: string;
  /** When the bundle was made (ISO 8601); also the time stamp of every entry in the ZIP. */
  generatedAt: string;
  /** Who made it (organisation or user), printed on the PDF. */
  generatedBy?: string;
  items: CourtBundleItem[];
}

/** manifest.json as written: the manifest with the format marker first. */
export type CourtBundleManifestJson = { format: typeof COURT_BUNDLE_FORMAT } & CourtBundleManifest;

/** The fixed entries of a bundle beside `files/`. */
export const MANIFEST_JSON = 'manifest.json';
export const MANIFEST_PDF = 'manifest.pdf';
export const MANIFEST_SHA256 = 'manifest.sha256';
export const FILES_FOLDER = 'files/';

const SHA256 = /^[0-9a-f]{64}$/;
export const isSha256 = (value: unknown): value is string => typeof value === 'string' && SHA256.test(value);

/**
 * Why `name` cannot be a path inside `files/`, or undefined when it can: relative, `/`-separated, no empty, `.` or
 * `..` segment, no backslash, colon or control character (so it unpacks to the same place on every system).
 */
export function bundleNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > 240) return 'must be 1 to 240 characters';
  if (name.startsWith('/')) return 'must be relative';
  if (/[\\:]/.test(name) || [...name].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) return 'must not contain a backslash, a colon or a control character';
  if (name.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) return "must not contain an empty, '.' or '..' segment";
  return undefined;
}

/** The lines of manifest.sha256, as `sha256sum` writes and checks them (`sha256sum -c manifest.sha256`). */
export const sha256sumLines = (entries: readonly [path: string, sha256: string][]) =>
  entries.map(([path, sha256]) => `${sha256}  ${path}\n`).join('');

/** Reads manifest.sha256 lines back: path → sha256. Lines it cannot read are returned apart. */
export function parseSha256sum(text: string): { hashes: Map<string, string>; unreadable: string[] } {
  const hashes = new Map<string, string>();
  const unreadable: string[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line.replace(/\r$/, ''));
    if (match) hashes.set(match[2]!, match[1]!);
    else unreadable.push(line);
  }
  return { hashes, unreadable };
}

/**
 * Importing a watchlist: the UN Security Council consolidated list (XML), the OFAC SDN list (sdn.csv with its
 * alt.csv) or the generic JSON Lines format, read by the matcher's importers. A list is versioned: a re-import is
 * compared with the current version by entry id and content hash, and a new version records what was added, removed
 * and changed. All or nothing: one transaction, and a file the importer refuses stores nothing.
 */
import { createHash } from 'node:crypto';
import { detectFormat, parseJsonl, parseOfacCsv, parseUnXml, type WatchlistEntry, type WatchlistFormat } from '../matching/api.js';
import { ImketenError } from '../domain/errors.js';
import { dayOfImport } from '../input/day-of-import.js';
import { decodeUtf8, NOT_UTF8 } from '../input/utf8-lines.js';
import type { Db } from '../store/db.js';
import { canonicalJson, sha256Hex } from '../store/canonical-json.js';
import {
  closeEntries, currentEntryHashes, insertEntries, insertVersion, latestVersion, lockOrCreateWatchlist,
} from '../store/watchlist-store.js';

/** The formats a user names (`--format`); OFAC's two files are one list. */
export const LIST_FORMATS = ['un-xml', 'ofac-csv', 'jsonl'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

export interface WatchlistFile {
  /** The name errors and the version record use: the path as given. */
  name: string;
  bytes: Uint8Array;
}

export interface WatchlistImportSummary {
  list: string;
  format: ListFormat;
  /** The version after the import; the same as before when nothing changed. */
  version: number;
  /** Whether this import made a new version. */
  newVersion: boolean;
  entries: number;
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
}

/** A list name: what `--list` takes later, so short and without spaces. */
const LIST_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * Imports one version of a list from its files.
 * @example await importWatchlist(db, [{ name: 'consolidated.xml', bytes }], { name: 'un-sc', now: () => new Date() })
 */
export async function importWatchlist(
  db: Db, files: readonly WatchlistFile[], options: { name: string; format?: ListFormat; now: () => Date },
): Promise<WatchlistImportSummary> {
  if (!LIST_NAME.test(options.name)) {
    throw new ImketenError('INVALID_INPUT', `A list name is 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit; got '${options.name}'.`);
  }
  if (files.length === 0) throw new ImketenError('INVALID_INPUT', 'Give the file(s) of the list.');
  const { format, entries } = parseListFiles(files, options.format, dayOfImport(options.now()));
  if (entries.length === 0) {
    throw new ImketenError('IMPORT_REJECTED', `${files.map((file) => file.name).join(', ')}: no entries found. Nothing was stored; is this the right file?`);
  }
  const hashed = entries.map((entry) => ({ entry, contentHash: entryHash(entry) }));
  return db.transaction(async (tx) => {
    const importedAt = options.now().toISOString();
    const list = await lockOrCreateWatchlist(tx, options.name, importedAt);
    const previous = await latestVersion(tx, list.id);
    const current = await currentEntryHashes(tx, list.id);
    const fresh = hashed.filter((row) => !current.has(row.entry.id));
    const changed = hashed.filter((row) => current.has(row.entry.id) && current.get(row.entry.id) !== row.contentHash);
    const seen = new Set(hashed.map((row) => row.entry.id));
    const removed = [...current.keys()].filter((id) => !seen.has(id));
    const unchanged = hashed.length - fresh.length - changed.length;
    const summary = { list: list.name, format, entries: hashed.length, added: fresh.length, removed: removed.length, changed: changed.length, unchanged };
    if (previous && fresh.length + changed.length + removed.length === 0) return { ...summary, version: previous.version, newVersion: false };

    const version = (previous?.version ?? 0) + 1;
    await closeEntries(tx, list.id, [...changed.map((row) => row.entry.id), ...removed], version);
    await insertEntries(tx, list.id, version, [...fresh, ...changed]);
    await insertVersion(tx, {
      watchlistId: list.id, version, importedAt, format, sources: files.map((file) => file.name), sourceHashes: files.map((file) => createHash('sha256').update(file.bytes).digest('hex')),
      entries: hashed.length, added: fresh.length, removed: removed.length, changed: changed.length,
    });
    return { ...summary, version, newVersion: true };
  });
}

/** The content hash of an entry: what a re-import compares, and what a review decision holds for. */
export function entryHash(entry: WatchlistEntry): string {
  return sha256Hex(canonicalJson(entry));
}

function listFormatOf(format: WatchlistFormat): ListFormat {
  return format === 'ofac-sdn-csv' || format === 'ofac-alt-csv' ? 'ofac-csv' : format;
}

/** Reads the files with the matcher's importers; throws IMPORT_REJECTED (file, line, field) or INVALID_INPUT. */
function parseListFiles(files: readonly WatchlistFile[], given: ListFormat | undefined, today: string): { format: ListFormat; entries: WatchlistEntry[] } {
  // Detect on a UTF-8 reading: the markers detection looks for are ASCII, so a Latin-1 file reads the same there.
  const detected = files.map((file) => ({ file, detected: detectFormat(file.name, Buffer.from(file.bytes).toString('utf8')) }));
  const undetected = detected.filter((item) => item.detected === undefined);
  let format = given;
  if (!format) {
    if (undetected.length > 0) {
      throw new ImketenError('INVALID_INPUT', `Cannot tell the format of ${undetected.map((item) => item.file.name).join(', ')}: give --format (${LIST_FORMATS.join(', ')}).`);
    }
    const formats = [...new Set(detected.map((item) => listFormatOf(item.detected!)))];
    if (formats.length > 1) {
      throw new ImketenError('INVALID_INPUT', `The files are of different formats (${detected.map((item) => `${item.file.name}: ${item.detected}`).join(', ')}): import one list at a time.`);
    }
    format = formats[0]!;
  }
  switch (format) {
    case 'un-xml': {
      if (files.length !== 1) throw new ImketenError('INVALID_INPUT', `The UN consolidated list is one XML file; got ${files.length} files.`);
      const file = files[0]!;
      return { format, entries: parseUnXml(decode(file, false), file.name, { today }) };
    }
    case 'ofac-csv': {
      // sdn.csv and (optionally) alt.csv, told apart by content, then by name
      const sdn = detected.filter((item) => item.detected === 'ofac-sdn-csv' || (item.detected !== 'ofac-alt-csv' && !/alt\.csv$/i.test(item.file.name)));
      const alt = detected.filter((item) => !sdn.includes(item));
      if (sdn.length !== 1 || alt.length > 1) {
        throw new ImketenError('INVALID_INPUT', `The OFAC SDN list is sdn.csv and, optionally, its alt.csv; got ${files.map((file) => file.name).join(', ')}.`);
      }
      const sdnFile = sdn[0]!.file;
      const altFile = alt[0]?.file;
      return {
        format,
        entries: parseOfacCsv(decode(sdnFile, true), altFile ? decode(altFile, true) : '', { sdn: sdnFile.name, ...(altFile ? { alt: altFile.name } : {}) }, { today }),
      };
    }
    case 'jsonl': {
      const entries: WatchlistEntry[] = [];
      const where = new Map<string, string>();
      for (const file of files) {
        for (const entry of parseJsonl(decode(file, false), file.name, { today })) {
          const earlier = where.get(entry.id);
          if (earlier) throw new ImketenError('IMPORT_REJECTED', `${file.name}: entry id '${entry.id}' is also in ${earlier}. Nothing was stored; an id names one entry of the list.`);
          where.set(entry.id, file.name);
          entries.push(entry);
        }
      }
      return { format, entries };
    }
  }
}

/** Strict UTF-8 (src/input), or for the legacy OFAC files, which are Latin-1, Latin-1 when the bytes are not UTF-8. */
function decode(file: WatchlistFile, latin1Allowed: boolean): string {
  const decoded = decodeUtf8(file.bytes);
  if ('text' in decoded) return decoded.text;
  if (latin1Allowed) return Buffer.from(file.bytes).toString('latin1');
  throw new ImketenError('IMPORT_REJECTED', `${file.name}:${decoded.badLine}: ${NOT_UTF8}. Nothing was stored.`, [
    { file: file.name, line: decoded.badLine, message: NOT_UTF8, code: 'IMPORT_REJECTED' },
  ]);
}

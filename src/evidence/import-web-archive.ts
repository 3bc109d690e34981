/**
 * `imketen evidence import-archive`: a WARC or WACZ made by another tool (Browsertrix, ArchiveWeb.page, auto-archiver)
 * becomes an evidence item (README, "Evidence"). Every record's digest and every WACZ resource hash is checked first;
 * any mismatch refuses the whole archive, naming the record. Then the archive file is stored and the item registered
 * (kind web-capture, source open-source with the archived address) with the file attached — one import, all or
 * nothing; a refused import leaves no bytes (settleUpload). The expansion limits are read-web-archive.ts's.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { readWebArchive, DEFAULT_WEB_ARCHIVE_LIMITS, type WebArchive, type WebArchiveLimits } from '../capture/read-web-archive.js';
import { ImketenError } from '../domain/errors.js';
import { importEvents } from '../import/import-events.js';
import { textSource } from '../import/sources.js';
import type { Db } from '../store/db.js';
import type { FileStore } from '../store/file-store/file-store.js';
import { sanitiseFileName, settleUpload, storeUpload } from './store-upload.js';

export interface ImportArchiveOptions {
  /** `criminal/ID` or `exclusion/ID`. */
  caseStream: string;
  id: string;
  title?: string;
  acquiredBy: string;
  method: 'capture' | 'download';
  sourceName?: string;
  maxBytes: number;
  now: () => Date;
  limits?: WebArchiveLimits;
}

export interface ImportedArchive {
  id: string;
  format: WebArchive['format'];
  records: number;
  urls: string[];
  sha256: string;
  size: number;
  capturedAt?: string;
  tool?: string;
}

/** `20260302100001` (a CDX timestamp, as some pages.jsonl hold) or an ISO time, as ISO 8601 with its zone. */
function isoTime(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const cdx = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value);
  if (cdx) return `${cdx[1]}-${cdx[2]}-${cdx[3]}T${cdx[4]}:${cdx[5]}:${cdx[6]}Z`;
  return Number.isNaN(Date.parse(value)) || !/(Z|[+-]\d{2}:?\d{2})$/.test(value) ? undefined : value;
}

const httpUrl = (value: string | undefined): value is string => value !== undefined && /^https?:\/\//i.test(value) && value.length <= 10_000;

/** The addresses the archive preserves (a WACZ's pages first, then every response's target), its time and its tool. */
export function describeArchive(archive: WebArchive): { urls: string[]; capturedAt?: string; tool?: string } {
  const responses = archive.records.filter((record) => (record.type === 'response' || record.type === 'resource') && httpUrl(record.targetUri));
  const urls = [...new Set([...(archive.pages ?? []).map((page) => page.url).filter(httpUrl), ...responses.map((record) => record.targetUri!)])];
  const main = urls[0];
  const capturedAt = isoTime(archive.pages?.find((page) => page.url === main)?.ts) ?? isoTime(responses.find((record) => record.targetUri === main)?.date);
  const software = archive.software ?? archive.records.find((record) => record.type === 'warcinfo' && record.info?.software)?.info?.software;
  return { urls, ...(capturedAt ? { capturedAt } : {}), ...(software ? { tool: software.slice(0, 500) } : {}) };
}

/** What the reading proved the bytes to be: a WACZ, a WARC; a gzipped WARC keeps what its bytes were sniffed as. */
function archiveMediaType(format: WebArchive['format'], sniffed: string): string {
  if (format === 'wacz') return 'application/wacz';
  return sniffed === 'application/gzip' ? sniffed : 'application/warc';
}

export async function importWebArchive(db: Db, files: FileStore, path: string, options: ImportArchiveOptions): Promise<ImportedArchive> {
  const before = await stat(path).catch((error: Error) => { throw new ImketenError('INVALID_INPUT', `${path}: cannot be read: ${error.message}`); });
  const archive = await readWebArchive(path, options.limits ?? DEFAULT_WEB_ARCHIVE_LIMITS);
  if (archive.problems.length > 0) {
    const shown = archive.problems.slice(0, 10).join('\n  ');
    throw new ImketenError('TAMPER_DETECTED', `${path}: ${archive.problems.length} record${archive.problems.length === 1 ? '' : 's'} or file${archive.problems.length === 1 ? '' : 's'} of the archive do not match their digests; nothing was imported:\n  ${shown}${archive.problems.length > 10 ? `\n  … and ${archive.problems.length - 10} more` : ''}`);
  }
  const { urls, capturedAt, tool } = describeArchive(archive);
  if (urls.length === 0) throw new ImketenError('INVALID_INPUT', `${path}: the archive holds no response or resource record of an http(s) address; nothing to register.`);
  const stored = await storeUpload(db, files, createReadStream(path), { maxBytes: options.maxBytes, now: options.now() });
  return settleUpload(db, files, stored, async () => {
    const after = await stat(path);
    // The checks above read the file; the bytes stored are those of a second read. The same size and time of change
    // say it was the same file (an operator's file at the server, not a client's).
    if (after.size !== before.size || after.mtimeMs !== before.mtimeMs || stored.size !== before.size) {
      throw new ImketenError('INVALID_INPUT', `${path}: the file changed while it was imported; nothing was imported.`);
    }
    const today = options.now().toISOString().slice(0, 10);
    const [kind, caseId] = options.caseStream.split('/') as [string, string];
    const fileName = sanitiseFileName(basename(path));
    const listed = urls.slice(0, 20).join(', ');
    const registration = {
      id: `ev-${options.id}-registered`, stream: `evidence/${options.id}`, type: 'evidence.registered', date: today,
      data: {
        [kind === 'criminal' ? 'criminalCases' : 'exclusionCases']: [caseId], kind: 'web-capture',
        title: (options.title ?? `Web archive of ${urls[0]}`).slice(0, 500),
        source: { type: 'open-source', reference: urls[0]!.slice(0, 2000), ...(options.sourceName ? { name: options.sourceName } : {}) },
        acquired: { date: today, by: options.acquiredBy, method: options.method },
        description: `Imported ${archive.format.toUpperCase()} ${fileName}: ${archive.records.length} records, every digest checked; ${urls.length} archived address${urls.length === 1 ? '' : 'es'}: ${listed}${urls.length > 20 ? ', …' : ''}`.slice(0, 4000),
      },
    };
    const attached = {
      id: `ev-${randomUUID()}`, stream: `evidence/${options.id}`, type: 'evidence.file-attached', date: today,
      data: {
        sha256: stored.sha256, size: stored.size, mediaType: archiveMediaType(archive.format, stored.mediaType), fileName,
        url: urls[0], ...(capturedAt ? { capturedAt } : {}), ...(tool ? { tool } : {}),
      },
    };
    await importEvents(db, [textSource(`evidence import-archive ${fileName}`, [registration, attached].map((event) => JSON.stringify(event)).join('\n'))], { now: options.now });
    return { id: options.id, format: archive.format, records: archive.records.length, urls, sha256: stored.sha256, size: stored.size, ...(capturedAt ? { capturedAt } : {}), ...(tool ? { tool } : {}) };
  });
}

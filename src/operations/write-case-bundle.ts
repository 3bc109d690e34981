/**
 * A case's court bundle (README, "Evidence"): the files of the evidence items of a case, with the manifest of
 * provenance, custody and verification, written by src/court-bundle. Shared by `imketen evidence bundle` and the
 * download route; `mayRead` leaves out the items the caller may not read (the route's policy), so a bundle never
 * carries more than its recipient could see one by one.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { writeCourtBundle, type CourtBundleItem, type CourtBundleSource, type WrittenCourtBundle } from '../court-bundle/index.js';
import type { AsOf } from '../domain/as-of.js';
import type { Queryable } from '../store/db.js';
import type { FileStore } from '../store/file-store/file-store.js';
import { listCaseEvidence } from './list-case-evidence.js';
import { showEvidence } from './show-evidence.js';

export interface CaseBundleRequest {
  caseStream: string;
  asOf: AsOf;
  /** Where the ZIP goes (written under a temporary name and renamed). */
  output: string;
  generatedAt: string;
  generatedBy: string;
  /** Whether the caller may read an evidence stream; items it may not read are left out. Default: all. */
  mayRead?: (stream: string) => Promise<boolean>;
}

export interface WrittenCaseBundle extends WrittenCourtBundle {
  /** What went in: per item its files' hashes (for the access log and the caller's report). */
  items: { id: string; files: string[] }[];
}

export async function writeCaseBundle(tx: Queryable, files: FileStore, request: CaseBundleRequest): Promise<WrittenCaseBundle> {
  // The store re-checks each file's hash as it is copied out; the bundle writer checks it once more as it zips.
  const temporary = await mkdtemp(join(tmpdir(), 'imketen-bundle-'));
  try {
    const items: CourtBundleItem[] = [];
    const sources: CourtBundleSource[] = [];
    for (const summary of await listCaseEvidence(tx, { caseStream: request.caseStream, asOf: request.asOf })) {
      if (request.mayRead && !(await request.mayRead(`evidence/${summary.id}`))) continue;
      const item = await showEvidence(tx, { id: summary.id, asOf: request.asOf });
      const nameOf = (fileName: string) => `${item.id}/${fileName}`;
      for (const file of item.files) {
        const path = join(temporary, file.sha256);
        await pipeline(await files.get(file.sha256), createWriteStream(path));
        sources.push({ sourcePath: path, sha256: file.sha256, nameInBundle: nameOf(file.fileName) });
      }
      const r = item.registration;
      items.push({
        id: item.id, title: r.title, kind: r.kind, source: r.source, acquired: r.acquired, ...(r.description ? { description: r.description } : {}),
        files: item.files.map((file) => ({
          name: nameOf(file.fileName), sha256: file.sha256, size: file.size, mediaType: file.mediaType,
          ...(file.url ? { url: file.url } : {}), ...(file.capturedAt ? { capturedAt: file.capturedAt } : {}), ...(file.tool ? { tool: file.tool } : {}),
        })),
        custody: item.custody.map((entry) => ({ at: entry.date, from: entry.from, to: entry.to, purpose: entry.purpose })),
        verification: item.verifications.map((entry) => ({ at: entry.date, step: entry.step as 'source', outcome: entry.outcome, method: entry.method, ...(entry.notes ? { notes: entry.notes } : {}) })),
      });
    }
    const written = await writeCourtBundle({
      manifest: { caseId: request.caseStream, generatedAt: request.generatedAt, generatedBy: request.generatedBy, items }, files: sources,
    }, request.output);
    return { ...written, items: items.map((item) => ({ id: item.id, files: item.files.map((file) => file.sha256) })) };
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }
}

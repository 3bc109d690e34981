/**
 * An operator at the server attaches a file to an evidence item (`imketen evidence attach`, `capture`): the bytes are
 * stored first, then `evidence.file-attached` is imported — all or nothing, like every import; a refused import
 * leaves no bytes behind (settleUpload).
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { importEvents } from '../import/import-events.js';
import { textSource } from '../import/sources.js';
import type { Db } from '../store/db.js';
import type { FileStore } from '../store/file-store/file-store.js';
import { sanitiseFileName, settleUpload, storeUpload, type StoredUpload } from './store-upload.js';

export interface AttachOptions {
  maxBytes: number;
  now: () => Date;
  date?: string;
  fileName?: string;
  capture?: { url?: string; capturedAt?: string; tool?: string };
  /** The event's id; a fresh one when left out (the demo gives its own, the same on every load). */
  eventId?: string;
}

export async function attachFile(db: Db, files: FileStore, evidenceId: string, path: string, options: AttachOptions): Promise<StoredUpload & { eventId: string; fileName: string }> {
  const stored = await storeUpload(db, files, createReadStream(path), { maxBytes: options.maxBytes, now: options.now() });
  const fileName = sanitiseFileName(options.fileName ?? basename(path));
  const capture = Object.fromEntries(Object.entries(options.capture ?? {}).filter(([, value]) => value !== undefined));
  const event = {
    id: options.eventId ?? `ev-${randomUUID()}`, stream: `evidence/${evidenceId}`, type: 'evidence.file-attached', date: options.date ?? options.now().toISOString().slice(0, 10),
    data: { sha256: stored.sha256, size: stored.size, mediaType: stored.mediaType, fileName, ...capture },
  };
  await settleUpload(db, files, stored, () => importEvents(db, [textSource(`evidence attach ${fileName}`, JSON.stringify(event))], { now: options.now }));
  return { ...stored, eventId: event.id, fileName };
}

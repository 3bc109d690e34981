/**
 * Stores the demo's evidence files (evidence-files.ts) through the attach path of `imketen evidence attach`
 * (src/evidence/attach-file.ts): into the file store, hashed, media type sniffed, image metadata and perceptual hash
 * derived, then `evidence.file-attached` imported. A file already attached to its item is left alone, so loading the
 * demo twice changes nothing.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventInput } from '../domain/event.js';
import { attachFile } from '../evidence/attach-file.js';
import type { Db } from '../store/db.js';
import { attachedFiles } from '../store/evidence-files.js';
import type { FileStore } from '../store/file-store/file-store.js';
import { demoFileBytes } from './evidence-files.js';
import { demoEvidenceFiles } from './evidence-items.js';

/** Attaches the files of the items registered by these events (the first replica's); returns how many were new. */
export async function attachDemoFiles(db: Db, files: FileStore, registrations: readonly EventInput[], options: { maxBytes: number; now: () => Date }): Promise<number> {
  const planned = demoEvidenceFiles(registrations);
  if (planned.length === 0) return 0;
  const present = new Set((await attachedFiles(db)).map((file) => `${file.stream} ${file.fileName}`));
  const dir = await mkdtemp(join(tmpdir(), 'imketen-demo-files-'));
  let attached = 0;
  try {
    for (const [index, { evidenceId, date, file, capture }] of planned.entries()) {
      if (present.has(`evidence/${evidenceId} ${file.name}`)) continue;
      const path = join(dir, `${index}-${file.name}`);
      await writeFile(path, demoFileBytes(file));
      await attachFile(db, files, evidenceId, path, {
        maxBytes: options.maxBytes, now: options.now, date, fileName: file.name, eventId: `ev-demo-file-${evidenceId}-${file.name}`,
        ...(capture ? { capture: { ...capture, capturedAt: `${date}T10:00:00Z` } } : {}),
      });
      attached += 1;
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return attached;
}

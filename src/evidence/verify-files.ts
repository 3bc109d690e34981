/**
 * `imketen evidence verify-files`: re-hashes every file the event log attaches and names what is missing or corrupt,
 * and names the stored files no event attaches (README, "Evidence").
 */
import type { Queryable } from '../store/db.js';
import { attachedFiles, unreferencedFiles } from '../store/evidence-files.js';
import type { FileCheck, FileStore } from '../store/file-store/file-store.js';

export interface FileVerdict { sha256: string; stream: string; fileName: string; size: number; result: FileCheck }

export interface VerifyProgress {
  /** Called once with the number of files and bytes to check. */
  start?(files: number, bytes: number): void;
  /** Bytes hashed so far (increments). */
  bytes?(count: number): void;
  file?(verdict: FileVerdict): void;
}

export async function verifyFiles(db: Queryable, files: FileStore, progress: VerifyProgress = {}): Promise<FileVerdict[]> {
  const attached = await attachedFiles(db);
  progress.start?.(attached.length, attached.reduce((sum, file) => sum + file.size, 0));
  const verdicts: FileVerdict[] = [];
  for (const file of attached) {
    const result = await files.check(file.sha256, progress.bytes);
    const verdict = { ...file, result };
    progress.file?.(verdict);
    verdicts.push(verdict);
  }
  return verdicts;
}

/**
 * The stored files that no event attaches and no upload under way claims: what a crash between storing the bytes and
 * committing their event left, or bytes put there behind the registry's back. Not corruption — the registry relies
 * on none of them — but named, so that an operator can find out where they came from.
 */
export async function unreferencedStoredFiles(db: Queryable, files: FileStore): Promise<string[]> {
  const found: string[] = [];
  let batch: string[] = [];
  const flush = async () => {
    found.push(...await unreferencedFiles(db, batch));
    batch = [];
  };
  for await (const sha256 of files.list()) {
    batch.push(sha256);
    if (batch.length >= 1000) await flush();
  }
  await flush();
  return found;
}

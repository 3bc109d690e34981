/**
 * The backup as a file: gzip-compressed, written to FILE.partial and renamed once complete (so a failed backup never
 * leaves a file that looks whole), and read back line by line with a clear message when it is no gzip or is cut.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { installAnalysisKey, type AnalysisKeyInstall } from '../config/analysis-key.js';
import { ImketenError } from '../domain/errors.js';
import type { Db } from '../store/db.js';
import type { BackupSummary } from './format.js';
import { restoreBackup, type RestoreOptions, type RestoreSummary } from './restore-backup.js';
import { writeBackup } from './write-backup.js';

/** `analysisKey`: the key of the analysis pseudonyms, kept in the backup (docs/retention.md, "The analysis key"). */
export async function writeBackupFile(db: Db, path: string, now: () => Date, analysisKey?: Buffer): Promise<BackupSummary> {
  const partial = `${path}.partial`;
  const file = createWriteStream(partial, { mode: 0o600 });
  const gzip = createGzip();
  gzip.pipe(file);
  const failed = new Promise<never>((_, reject) => {
    file.once('error', (error) => reject(new ImketenError('INVALID_INPUT', `Cannot write the backup to ${path}: ${error.message}.`)));
  });
  failed.catch(() => undefined);
  try {
    const summary = await Promise.race([writeBackup(db, async (text) => {
      if (!gzip.write(text)) await Promise.race([once(gzip, 'drain'), failed]);
    }, now, analysisKey), failed]);
    gzip.end();
    await Promise.race([once(file, 'close'), failed]);
    renameSync(partial, path);
    return summary;
  } catch (error) {
    gzip.destroy();
    file.destroy();
    rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * Restores the backup; when it holds the analysis key and `analysisKeyFile` is given, installs the key there once the
 * store is committed (src/config/analysis-key.ts): the restored pseudonyms are the original's.
 */
export async function restoreBackupFile(
  db: Db, path: string, options: Omit<RestoreOptions, 'source'> & { analysisKeyFile?: string },
): Promise<RestoreSummary & { analysisKeyInstalled?: AnalysisKeyInstall }> {
  const summary = await restoreBackup(db, backupLines(path), { ...(options.replace !== undefined ? { replace: options.replace } : {}), source: path });
  if (!summary.analysisKey || !options.analysisKeyFile) return summary;
  return { ...summary, analysisKeyInstalled: installAnalysisKey(options.analysisKeyFile, summary.analysisKey) };
}

async function* backupLines(path: string): AsyncGenerator<string> {
  const gunzip = createGunzip();
  const file = createReadStream(path);
  let failure: Error | undefined;
  file.once('error', (error) => { failure = error; gunzip.destroy(error); });
  gunzip.once('error', (error) => { failure ??= error; });
  file.pipe(gunzip);
  try {
    for await (const line of createInterface({ input: gunzip, crlfDelay: Infinity })) yield line;
  } catch (error) {
    failure ??= error as Error;
  }
  if (failure) {
    const code = (failure as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') throw new ImketenError('INVALID_INPUT', `Cannot read the backup ${path}: ${failure.message}.`);
    throw new ImketenError('INVALID_INPUT', `The backup ${path} is damaged or no backup at all (${failure.message}). Nothing was restored.`);
  }
}

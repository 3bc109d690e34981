/**
 * The key of the analysis pseudonyms (docs/retention.md, "Pseudonymised analysis"): 32 random bytes in a file outside
 * the database (IMKETEN_ANALYSIS_KEY, default <data dir>/keys/analysis-hmac.key), created on first use, mode 0600.
 * Whoever holds the database but not this key cannot turn a pseudonym back into a registry id by trying them all;
 * whoever holds the key can (registry ids are few and guessable): it is a secret like the checkpoint signing key,
 * readable by the server's user only, and kept in every backup (src/backup) so that a restore keeps the pseudonyms.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function loadAnalysisKey(path: string): Buffer {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, randomBytes(32).toString('hex'), { mode: 0o600 });
    chmodSync(path, 0o600);
  }
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'hex');
  if (key.length < 32) throw new Error(`The analysis key ${path} holds fewer than 32 bytes (64 hex digits).`);
  return key;
}

/** What a restore did with the key file: written (none was there), already the same, or another one moved aside. */
export type AnalysisKeyInstall = { status: 'written' | 'same'; path: string } | { status: 'replaced'; path: string; movedTo: string };

/**
 * Installs the key a backup holds at `path` (mode 0600). A different key already there belongs to no restored
 * pseudonym any more: it is moved aside (`<path>.before-restore-<time>`), never deleted.
 */
export function installAnalysisKey(path: string, key: Buffer, now: Date = new Date()): AnalysisKeyInstall {
  const hex = key.toString('hex');
  mkdirSync(dirname(path), { recursive: true });
  if (existsSync(path)) {
    if (readFileSync(path, 'utf8').trim() === hex) return { status: 'same', path };
    const movedTo = `${path}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(path, movedTo);
    writeFileSync(path, hex, { mode: 0o600 });
    chmodSync(path, 0o600);
    return { status: 'replaced', path, movedTo };
  }
  writeFileSync(path, hex, { mode: 0o600 });
  chmodSync(path, 0o600);
  return { status: 'written', path };
}

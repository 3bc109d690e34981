/**
 * The key of the analysis pseudonyms (docs/retention.md, "Pseudonymised analysis"): 32 random bytes in a file outside
 * the database (IMKETEN_ANALYSIS_KEY, default <data dir>/keys/analysis-hmac.key), created on first use, mode 0600.
 * Whoever holds the database but not this key cannot turn a pseudonym back into a registry id by trying them all.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

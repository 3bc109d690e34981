/**
 * A SIGKILL in the middle of a large import leaves the store exactly as it was, and the next run succeeds.
 * Runs the real command line in a child process and kills it while it is writing.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openDb } from '../store/db.js';
import { openStore } from '../store/open-store.js';
import { logPosition } from '../store/event-store.js';
import { createPostgresDatabase, TEST_ENGINES } from '../store/testing/test-stores.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'imketen.js');
const work = mkdtempSync(join(tmpdir(), 'imketen-crash-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** Enough persons that an import takes several seconds on either engine. */
function largeFile(lines: number): string {
  const path = join(work, `persons-${lines}.jsonl`);
  const chunks: string[] = [];
  for (let n = 1; n <= lines; n++) {
    chunks.push(JSON.stringify({ id: `ev-${n}`, stream: `person/P-${n}`, type: 'person.registered', date: '2020-01-01', data: { names: [`Person ${n}`] } }));
  }
  writeFileSync(path, `${chunks.join('\n')}\n`);
  return path;
}

/**
 * Runs `imketen import`; with `killAtProgressLine` n, SIGKILLs it when it reports its n-th batch read: by then it has
 * written batches inside its open transaction (each report follows the write of the batch before), and it has more
 * than 50 batches to go.
 */
function runImport(file: string, env: NodeJS.ProcessEnv, killAtProgressLine?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const args = killAtProgressLine === undefined ? [BIN, 'import', file] : [BIN, 'import', '--progress-lines', file];
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (killAtProgressLine !== undefined && (stderr.match(/^reading .*: \d+\/\d+$/gm) ?? []).length >= killAtProgressLine) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => resolve({ code, signal, stderr }));
  });
}

for (const engine of TEST_ENGINES) {
  describe(`an import killed halfway on ${engine.name}`, { skip: engine.skip }, () => {
    it('leaves the store as it was, and the next import succeeds', { timeout: 900_000 }, async () => {
      const file = largeFile(60_000);
      const database = engine.name === 'postgres' ? await createPostgresDatabase() : undefined;
      const config = database ? { databaseUrl: database.url, dataDir: '' } : { dataDir: join(work, 'store') };
      const env = database ? { DATABASE_URL: database.url } : { IMKETEN_DATA_DIR: config.dataDir, DATABASE_URL: '' };
      try {
        // Create the store first: this test is about an interrupted import, not an interrupted initdb.
        await (await openStore(config)).close();
        const killed = await runImport(file, env, 5);
        assert.equal(killed.signal, 'SIGKILL', `the import finished before it could be killed (exit ${killed.code}): ${killed.stderr}`);

        const db = await openDb(config);
        try {
          assert.equal(await logPosition(db), 0, 'no event of the killed import may remain');
        } finally {
          await db.close();
        }

        const again = await runImport(file, env);
        assert.equal(again.code, 0, again.stderr);
        assert.match(again.stderr, /Imported 60000 new events/);
      } finally {
        await database?.drop();
      }
    });
  });
}

/**
 * kill -9 in the middle of an upload (README, "The file store"): the real `imketen evidence attach` in a child process
 * reads a named pipe this test writes into; once it has taken in many megabytes (so it has written them to its
 * temporary file) it is killed with SIGKILL while the upload is still open. Afterwards no file is stored under any
 * hash, no evidence.file-attached event exists, the temporary file left behind is removed when the store next opens,
 * and `imketen verify` finds the chains intact.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openDb } from '../db.js';
import { readStream } from '../event-store.js';
import { openDiskFileStore } from './disk-file-store.js';

const BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'imketen.js');
const work = mkdtempSync(join(tmpdir(), 'imketen-upload-crash-'));
const dataDir = join(work, 'store');
const filesDir = join(dataDir, 'files');
const env = { ...process.env, DATABASE_URL: '', IMKETEN_DATA_DIR: dataDir, IMKETEN_FILE_STORE: '', IMKETEN_FILE_DIR: '', IMKETEN_LOG_LEVEL: 'error' };
after(() => rmSync(work, { recursive: true, force: true }));

interface Run { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

function imketen(args: string[]): { done: Promise<Run>; kill: () => void } {
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => { stdout += chunk; });
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const done = new Promise<Run>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { done, kill: () => child.kill('SIGKILL') };
}

/** Every file under a directory, recursively (paths relative to it). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** Writes `chunks` chunks of 1 MiB into the pipe; resolves when the reader has taken all but what a pipe buffers. */
function feed(pipe: ReturnType<typeof createWriteStream>, chunks: number): Promise<void> {
  const chunk = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < chunk.length; i += 1) chunk[i] = (i * 31 + 7) & 0xff;
  return new Promise((resolve, reject) => {
    let written = 0;
    const next = () => {
      if (written === chunks) { resolve(); return; }
      written += 1;
      pipe.write(chunk, (error) => (error ? reject(error) : next()));
    };
    next();
  });
}

describe('an upload killed with SIGKILL', () => {
  it('leaves neither a file under a hash nor an event, and the next open removes its temporary file', { timeout: 300_000 }, async () => {
    const setup = join(work, 'setup.jsonl');
    writeFileSync(setup, [
      { id: 'p1', stream: 'person/P-1', type: 'person.registered', date: '1970-01-01', data: { names: ['Fictieve Verdachte'] } },
      { id: 'c1', stream: 'criminal/SZ-1', type: 'criminal.opened', date: '2025-01-01', data: { suspect: 'P-1', offences: ['war-crimes'] } },
    ].map((line) => JSON.stringify(line)).join('\n'));
    const imported = await imketen(['import', setup]).done;
    assert.equal(imported.code, 0, imported.stderr);
    const added = await imketen(['evidence', 'add', 'BEW-CRASH', '--criminal-case', 'SZ-1', '--kind', 'video', '--title', 'Fictieve opname', '--source-type', 'open-source',
      '--acquired-by', 'NOVT', '--method', 'download', '--acquired-on', '2025-03-01']).done;
    assert.equal(added.code, 0, added.stderr);

    const fifo = join(work, 'opname.mp4');
    execFileSync('mkfifo', [fifo]);
    const attach = imketen(['evidence', 'attach', 'BEW-CRASH', fifo]);
    // Opening the pipe for writing waits for the command to open it for reading (after it opened the store).
    const pipe = createWriteStream(fifo);
    pipe.on('error', () => { /* EPIPE once the reader is killed */ });
    let exitedEarly: Run | undefined;
    void attach.done.then((run) => { exitedEarly = run; });
    // 32 MiB taken from the pipe: the upload streams with back-pressure, so all but a few buffers of it have been
    // hashed and written to the temporary file; the pipe stays open, so the upload cannot have finished.
    await feed(pipe, 32);
    assert.equal(exitedEarly, undefined, `the command ended before it was killed: ${exitedEarly?.stderr}`);
    attach.kill();
    const killed = await attach.done;
    pipe.destroy();
    assert.equal(killed.signal, 'SIGKILL', `exit ${killed.code}: ${killed.stderr}`);

    assert.deepEqual(filesUnder(join(filesDir, 'sha256')), [], 'no file may be stored under a hash');
    const leftovers = readdirSync(join(filesDir, 'tmp'));
    assert.equal(leftovers.length, 1, `the killed upload leaves its temporary file: ${leftovers.join(', ')}`);
    assert.match(leftovers[0]!, /\.part$/);
    // it was killed while writing: most of what it took from the pipe is in the temporary file
    assert.ok(statSync(join(filesDir, 'tmp', leftovers[0]!)).size >= 16 * 1024 * 1024, 'the upload had written to its temporary file');

    const db = await openDb({ dataDir });
    try {
      const events = await readStream(db, 'evidence/BEW-CRASH');
      assert.deepEqual(events.map((event) => event.type), ['evidence.registered'], 'no evidence.file-attached may be recorded');
    } finally {
      await db.close();
    }

    await (await openDiskFileStore(filesDir)).close();
    assert.deepEqual(readdirSync(join(filesDir, 'tmp')), [], 'the next open removes what the killed upload left');

    const verified = await imketen(['verify']).done;
    assert.equal(verified.code, 0, verified.stderr + verified.stdout);
    const checked = await imketen(['evidence', 'verify-files']).done;
    assert.equal(checked.code, 0, checked.stderr + checked.stdout);
  });
});

import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, describe, test } from 'node:test';
import { acquireStoreLock, holderAlive, lockPath, processStart, readLockHolder, type LockHolder } from './store-lock.js';

const work = mkdtempSync(join(tmpdir(), 'imketen-store-lock-'));
after(() => rmSync(work, { recursive: true, force: true }));
let dirs = 0;
const freshDir = () => join(work, `store-${(dirs += 1)}`);

function writeLock(dataDir: string, holder: Partial<LockHolder> & Pick<LockHolder, 'pid' | 'startTime'>): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(lockPath(dataDir), JSON.stringify({ role: 'command', command: 'imketen import', since: '2026-12-01T10:00:00.000Z', nonce: 'n', ...holder }));
}

/** A process that has run and is gone, with the start time it had: what a holder killed with -9 leaves behind. */
async function deadProcess(): Promise<{ pid: number; startTime: number }> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('spawn', resolve));
  const startTime = processStart(child.pid!)!.startTime;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  return { pid: child.pid!, startTime };
}

describe('the lock of an embedded store', () => {
  test('is taken by the first process and names it; a second attempt learns who holds it', async () => {
    const dataDir = freshDir();
    const first = await acquireStoreLock(dataDir, { role: 'server', command: 'imketen start' });
    assert.ok('acquired' in first);
    const holder = readLockHolder(dataDir)!;
    assert.equal(holder.pid, process.pid);
    assert.equal(holder.startTime, processStart(process.pid)!.startTime);
    assert.equal(holder.role, 'server');
    const second = await acquireStoreLock(dataDir, { role: 'command', command: 'imketen import' });
    assert.ok('heldBy' in second);
    assert.equal(second.heldBy.command, 'imketen start');
    assert.equal(second.heldBy.nonce, holder.nonce);
    first.acquired.release();
    assert.equal(existsSync(lockPath(dataDir)), false);
    const third = await acquireStoreLock(dataDir, { role: 'command', command: 'imketen import' });
    assert.ok('acquired' in third);
    third.acquired.release();
  });

  test('records the socket of a server atomically, and release leaves another holder\'s file alone', async () => {
    const dataDir = freshDir();
    const attempt = await acquireStoreLock(dataDir, { role: 'server', command: 'imketen start' });
    assert.ok('acquired' in attempt);
    attempt.acquired.update({ socket: '/x/imketen-socket/.s.PGSQL.5432' });
    assert.equal(readLockHolder(dataDir)!.socket, '/x/imketen-socket/.s.PGSQL.5432');
    // Someone replaced the file (by hand, say): releasing must not remove what is not ours.
    writeLock(dataDir, { pid: process.pid, startTime: processStart(process.pid)!.startTime, nonce: 'someone-else' });
    attempt.acquired.release();
    assert.equal(readLockHolder(dataDir)!.nonce, 'someone-else');
  });

  test('is taken over when its holder was killed', async () => {
    const dataDir = freshDir();
    const dead = await deadProcess();
    writeLock(dataDir, dead);
    assert.equal(holderAlive(dead), false);
    const attempt = await acquireStoreLock(dataDir, { role: 'command', command: 'imketen import' });
    assert.ok('acquired' in attempt, 'a dead holder\'s lock was not taken over');
    assert.equal(readLockHolder(dataDir)!.pid, process.pid);
    attempt.acquired.release();
  });

  test('is taken over when its pid now belongs to another process (a different start time)', async () => {
    const dataDir = freshDir();
    const me = processStart(process.pid)!.startTime;
    writeLock(dataDir, { pid: process.pid, startTime: me - 1 });
    assert.equal(holderAlive({ pid: process.pid, startTime: me - 1 }), false);
    assert.equal(holderAlive({ pid: process.pid, startTime: me }), true);
    const attempt = await acquireStoreLock(dataDir, { role: 'command', command: 'imketen import' });
    assert.ok('acquired' in attempt, 'a reused pid was taken for the holder');
    attempt.acquired.release();
  });

  test('is not taken from a live holder, nor is a file that is not a lock kept', async () => {
    const dataDir = freshDir();
    writeLock(dataDir, { pid: process.pid, startTime: processStart(process.pid)!.startTime });
    assert.ok('heldBy' in await acquireStoreLock(dataDir, { role: 'command', command: 'imketen import' }));
    writeFileSync(lockPath(dataDir), 'not json');
    const attempt = await acquireStoreLock(dataDir, { role: 'command', command: 'imketen import' });
    assert.ok('acquired' in attempt);
    attempt.acquired.release();
  });

  describe('with processes racing for it', () => {
    const CONTENDER = join(import.meta.dirname, 'testing', 'lock-contender.ts');

    async function race(dataDir: string, count: number): Promise<string[]> {
      const children: ChildProcess[] = [];
      const answers: Promise<string>[] = [];
      const ready: Promise<void>[] = [];
      for (let n = 0; n < count; n += 1) {
        const child = spawn(process.execPath, ['--import', 'tsx', CONTENDER, dataDir], { stdio: ['pipe', 'pipe', 'inherit'] });
        children.push(child);
        const lines = createInterface({ input: child.stdout! });
        const iterator = lines[Symbol.asyncIterator]();
        ready.push(iterator.next().then((line) => assert.equal(line.value, 'ready')));
        answers.push(ready[n]!.then(() => iterator.next()).then((line) => String(line.value)));
      }
      await Promise.all(ready);
      for (const child of children) child.stdin!.write('go\n');
      const results = await Promise.all(answers);
      for (const child of children) child.stdin!.end();
      await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))));
      return results;
    }

    test('exactly one of them gets a free lock', { timeout: 180_000 }, async () => {
      const dataDir = freshDir();
      const results = await race(dataDir, 5);
      assert.equal(results.filter((result) => result === 'acquired').length, 1, results.join(', '));
      assert.equal(results.filter((result) => result.startsWith('held by ')).length, 4, results.join(', '));
      assert.equal(existsSync(lockPath(dataDir)), false, 'the winner released the lock at exit');
    });

    test('exactly one of them takes over a dead holder\'s lock', { timeout: 180_000 }, async () => {
      const dataDir = freshDir();
      writeLock(dataDir, await deadProcess());
      const results = await race(dataDir, 5);
      assert.equal(results.filter((result) => result === 'acquired').length, 1, results.join(', '));
      const winners = new Set(results.filter((result) => result.startsWith('held by ')));
      assert.equal(winners.size, 1, `the others all name one holder: ${results.join(', ')}`);
    });
  });
});

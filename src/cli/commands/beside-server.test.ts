/**
 * The command line beside a running server on the embedded store (README, "The command line beside the server"),
 * with real processes: the server's own appends before, during and after an import, a report publication, a
 * watchlist import and a checkpoint made by the command line are all kept once the server stops, in one unbroken
 * chain; a second server is refused; a command holding the store keeps other commands and a server out; after
 * kill -9 of the server the next command and the next server open the store without any clean-up.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { issueToken } from '../../accounts/api-tokens.js';
import { loadPolicy } from '../../policy/policy.js';
import { loadFixture } from '../../server/testing/fixture.js';
import { openStore } from '../../store/open-store.js';
import { socketPathOf } from '../../store/pglite-socket.js';
import { lockPath, readLockHolder } from '../../store/store-lock.js';
import { spawnServer, type ServerProcess } from '../../server/testing/server-process.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const BIN = join(ROOT, 'bin', 'imketen.js');
const WATCHLIST = join(ROOT, 'test', 'fixtures', 'matching', 'watchlist.jsonl');
const work = mkdtempSync(join(tmpdir(), 'imketen-beside-server-'));
const dataDir = join(work, 'store');
const env = { ...process.env, DATABASE_URL: '', IMKETEN_DATA_DIR: dataDir, IMKETEN_DEMO_ACCOUNTS: 'false', IMKETEN_LOG_LEVEL: 'error', IMKETEN_CHECKPOINT_KEY: join(work, 'checkpoint.pem') };
let token = '';
const children = new Set<ChildProcess>();
after(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

interface Run { code: number | null; stdout: string; stderr: string }

/** Runs the command line to its end (asynchronously: the test keeps appending meanwhile). */
function imketen(args: string[], input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.on('exit', (code) => {
      children.delete(child);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input ?? '');
  });
}

type Server = ServerProcess;

async function startServer(): Promise<Server> {
  const server = await spawnServer('serve', env);
  children.add(server.child);
  void server.exited.then(() => children.delete(server.child));
  return server;
}

async function stop(server: Server, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  server.child.kill(signal);
  await server.exited;
}

/** Appends one event through the API; resolves with its id once acknowledged. */
async function appendThroughApi(url: string, tag: string): Promise<string> {
  const event = { id: `api-${tag}`, stream: `intake/IN-API-${tag}`, type: 'intake.received', date: '2025-05-01', data: { subjects: ['P-S'] } };
  const response = await fetch(`${url}/api/events`, {
    method: 'POST', body: JSON.stringify({ events: [event] }), headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  });
  assert.equal(response.status, 201, await response.text());
  return event.id;
}

/** Keeps appending through the API until stopped; the ids it got acknowledged. */
function appendWhile(url: string, tag: string): { stop(): Promise<string[]> } {
  const acknowledged: string[] = [];
  let running = true;
  const loop = (async () => {
    for (let n = 0; running; n += 1) acknowledged.push(await appendThroughApi(url, `${tag}-${n}`));
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return acknowledged;
    },
  };
}

function jsonLines(events: object[]): string {
  return events.map((event) => JSON.stringify(event)).join('\n');
}

/**
 * Resolves once the store's lock names `pid` as its holder, looking at the lock on every change in the data directory
 * (the lock file is linked into place whole); rejects with the message `failed` gives if that comes first.
 */
async function lockTakenBy(pid: number, failed: Promise<string>): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const watcher = watch(dataDir);
  try {
    await new Promise<void>((resolve, reject) => {
      const check = () => { if (readLockHolder(dataDir)?.pid === pid) resolve(); };
      watcher.on('change', check);
      watcher.on('error', reject);
      void failed.then((message) => reject(new Error(message)));
      check();
    });
  } finally {
    watcher.close();
  }
}

describe('the command line beside a server on the embedded store', () => {
  before(async () => {
    const db = await openStore({ dataDir });
    try {
      await loadFixture(db);
      token = (await issueToken(db, loadPolicy(), { name: 'beside-server', role: 'police' }, undefined, new Date())).token;
    } finally {
      await db.close();
    }
  });

  test('keeps every write of the command line and of the server, in one unbroken chain', { timeout: 900_000 }, async () => {
    const importFile = join(work, 'partner.jsonl');
    writeFileSync(importFile, jsonLines([
      { id: 'cli-p1', stream: 'person/P-CLI-1', type: 'person.registered', date: '1971-03-04', data: { names: ['Jan Fictief'] } },
      { id: 'cli-c1', stream: 'criminal/SZ-CLI-1', type: 'criminal.opened', date: '2025-02-01', data: { suspect: 'P-CLI-1', offences: ['war-crimes'] } },
    ]));
    const server = await startServer();
    const acknowledged: string[] = [];
    try {
      acknowledged.push(await appendThroughApi(server.url, 'before'));
      const caseUrl = `${server.url}/api/cases/criminal/SZ-CLI-1`;
      assert.equal((await fetch(caseUrl, { headers: { authorization: `Bearer ${token}` } })).status, 404);

      // Each command runs while the server keeps appending.
      const steps: [string, string[], RegExp][] = [
        ['import', ['import', importFile], /Imported 2 new events/],
        ['publish', ['report', 'publish', '--year', '2025'], /Published the report for 2025/],
        ['watchlist', ['watchlist', 'import', WATCHLIST, '--name', 'test-list'], /test-list/],
        ['checkpoint', ['checkpoint'], /"rootHash"/],
      ];
      for (const [tag, args, expected] of steps) {
        const load = appendWhile(server.url, tag);
        const run = await imketen(args);
        acknowledged.push(...await load.stop());
        assert.equal(run.code, 0, `${args.join(' ')}: ${run.stderr}`);
        assert.match(run.stdout + run.stderr, expected);
      }
      acknowledged.push(await appendThroughApi(server.url, 'after'));

      // The server sees what came in through its socket.
      const read = await fetch(caseUrl, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(read.status, 200, await read.text());

      const second = await imketen(['serve', '--port', '0']);
      assert.equal(second.code, 7);
      assert.match(second.stderr, /Another imketen server, `imketen serve` \(pid \d+, since .*\), already serves the embedded database in /);
    } finally {
      await stop(server);
    }
    assert.equal(existsSync(lockPath(dataDir)), false, 'the server released its lock');

    const db = await openStore({ dataDir });
    try {
      const ids = new Set((await db.query<{ id: string }>('SELECT id FROM events')).map((row) => row.id));
      for (const id of [...acknowledged, 'cli-p1', 'cli-c1']) assert.ok(ids.has(id), `acknowledged event ${id} was lost`);
      assert.ok(acknowledged.length >= 6, `only ${acknowledged.length} appends through the API`);
      assert.deepEqual((await db.query('SELECT year FROM published_reports')).map((row) => row.year), [2025]);
      assert.deepEqual((await db.query('SELECT name FROM watchlists')).map((row) => row.name), ['test-list']);
      assert.ok((await db.query('SELECT 1 FROM checkpoints')).length > 0, 'the checkpoint was lost');
    } finally {
      await db.close();
    }
    const verify = await imketen(['verify']);
    assert.equal(verify.code, 0, verify.stderr);
    assert.match(verify.stdout, /events: \d+ entries, chain intact/);
    assert.match(verify.stdout, /access-log: \d+ entries, chain intact/);
  });

  test('a command that holds the store keeps other commands and a server out, and they write nothing', { timeout: 600_000 }, async () => {
    // `import -` holds the store while it waits for its standard input.
    const holder = spawn(process.execPath, [BIN, 'import', '-'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    children.add(holder);
    let holderErr = '';
    holder.stderr.on('data', (chunk) => { holderErr += chunk; });
    const holderExit = new Promise<number | null>((resolve) => holder.on('exit', resolve));
    await lockTakenBy(holder.pid!, holderExit.then(() => `the holding import ended early: ${holderErr}`));
    const other = join(work, 'other.jsonl');
    writeFileSync(other, jsonLines([{ id: 'cli-refused', stream: 'person/P-REFUSED', type: 'person.registered', date: '1980-01-01', data: { names: ['Refused Person'] } }]));
    const refused = await imketen(['import', other]);
    assert.equal(refused.code, 7);
    assert.match(refused.stderr, new RegExp(`in use by \`imketen import\` \\(pid ${holder.pid}, since .*\\)\\. Nothing was written`));
    const server = await imketen(['serve', '--port', '0']);
    assert.equal(server.code, 7);
    assert.match(server.stderr, new RegExp(`in use by \`imketen import\` \\(pid ${holder.pid}`));

    holder.stdin.end(jsonLines([{ id: 'cli-held', stream: 'person/P-HELD', type: 'person.registered', date: '1980-01-01', data: { names: ['Held Person'] } }]));
    assert.equal(await holderExit, 0, holderErr);
    const exported = await imketen(['export']);
    assert.match(exported.stdout, /"cli-held"/);
    assert.doesNotMatch(exported.stdout, /"cli-refused"/);
  });

  test('after kill -9 of the server, the next command and the next server open the store without clean-up', { timeout: 600_000 }, async () => {
    const killed = await startServer();
    const before = await appendThroughApi(killed.url, 'before-kill');
    await stop(killed, 'SIGKILL');
    // What the killed server left behind.
    assert.equal(readLockHolder(dataDir)?.pid, killed.child.pid);
    assert.ok(existsSync(socketPathOf(dataDir)), 'the killed server left its socket file');

    const exported = await imketen(['export', '--stream', `intake/IN-API-before-kill`]);
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(exported.stdout, new RegExp(`"${before}"`));

    const server = await startServer();
    try {
      assert.equal(readLockHolder(dataDir)?.pid, server.child.pid);
      const file = join(work, 'after-kill.jsonl');
      writeFileSync(file, jsonLines([{ id: 'cli-after-kill', stream: 'person/P-AFTER', type: 'person.registered', date: '1980-01-01', data: { names: ['After Kill'] } }]));
      const imported = await imketen(['import', file]);
      assert.equal(imported.code, 0, imported.stderr);
      await appendThroughApi(server.url, 'after-kill');
    } finally {
      await stop(server);
    }
    const verify = await imketen(['verify']);
    assert.equal(verify.code, 0, verify.stderr);
    assert.match(verify.stdout, /events: \d+ entries, chain intact/);
  });
});

/**
 * Sharing the embedded store on a socket: a client's statement never runs inside the server's transaction nor the
 * server's inside a client's, clients do not mix their statements, and a client that goes away mid-transaction
 * leaves nothing behind.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { openPgliteThroughSocket, type Db, type PgliteDb } from './db.js';
import { socketPathOf } from './pglite-socket.js';
import { TEST_ENGINES, type TestStore } from './testing/test-stores.js';

const work = mkdtempSync(join(tmpdir(), 'imketen-pglite-socket-'));
const path = socketPathOf(work);
const socketDir = join(work, 'imketen-socket');
let store: TestStore;
let server: PgliteDb;
let client: Db;

/** Whether `promise` has settled, to look at later without waiting for it. */
function watch(promise: Promise<unknown>): { settled: boolean } {
  const state = { settled: false };
  promise.then(() => { state.settled = true; }, () => { state.settled = true; });
  return state;
}

describe('the embedded store shared on a socket', () => {
  before(async () => {
    store = await TEST_ENGINES[0]!.open();
    server = store.db as PgliteDb;
    await server.exec('CREATE TABLE shared_test (v text NOT NULL)');
    await server.shareOnSocket(path);
    client = await openPgliteThroughSocket(socketDir, 'the test server');
  });
  after(async () => {
    await client.close();
    await store.dispose();
    rmSync(work, { recursive: true, force: true });
  });

  test('is reachable only by its owner', () => {
    assert.equal(statSync(socketDir).mode & 0o777, 0o700);
    assert.equal(statSync(path).mode & 0o777, 0o600);
  });

  test('a client\'s write waits for the server\'s transaction, and survives its rollback', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    const inServer = server.transaction(async (tx) => {
      await tx.query("INSERT INTO shared_test VALUES ('server, rolled back')");
      await held;
      // The client's statement has reached the session's gate meanwhile: it must not have run in here.
      const seen = (await tx.query<{ v: string }>('SELECT v FROM shared_test')).map((row) => row.v);
      throw new Error(`roll back; seen: ${seen.join(', ')}`);
    }).catch((error: Error) => error.message);
    const fromClient = client.query("INSERT INTO shared_test VALUES ('client, acknowledged')");
    const clientWrite = watch(fromClient);
    await server.whenSessionWaiters(1);
    assert.equal(clientWrite.settled, false, 'the client wrote inside the server\'s transaction');
    release();
    assert.equal(await inServer, 'roll back; seen: server, rolled back', 'the client wrote inside the server\'s transaction');
    await fromClient;
    assert.deepEqual((await server.query<{ v: string }>('SELECT v FROM shared_test')).map((row) => row.v), ['client, acknowledged']);
    await server.exec('DELETE FROM shared_test');
  });

  test('the server\'s write waits for a client\'s transaction, and survives its rollback', async () => {
    const connection = new pg.Client({ host: socketDir, port: 5432, user: 'postgres', database: 'postgres' });
    await connection.connect();
    try {
      await connection.query('BEGIN');
      await connection.query("INSERT INTO shared_test VALUES ('client, rolled back')");
      const fromServer = server.query("INSERT INTO shared_test VALUES ('server, acknowledged')");
      const serverWrite = watch(fromServer);
      await server.whenSessionWaiters(1);
      // A further step of the client's transaction, while the server's write waits: it must not have run in it.
      const seen = (await connection.query<{ v: string }>('SELECT v FROM shared_test')).rows.map((row) => row.v);
      assert.deepEqual(seen, ['client, rolled back'], 'the server wrote inside the client\'s transaction');
      assert.equal(serverWrite.settled, false, 'the server wrote inside the client\'s transaction');
      await connection.query('ROLLBACK');
      await fromServer;
    } finally {
      await connection.end();
    }
    assert.deepEqual((await server.query<{ v: string }>('SELECT v FROM shared_test')).map((row) => row.v), ['server, acknowledged']);
    await server.exec('DELETE FROM shared_test');
  });

  test('a client that disconnects mid-transaction leaves nothing, and lets the others in', async () => {
    const connection = new pg.Client({ host: socketDir, port: 5432, user: 'postgres', database: 'postgres' });
    await connection.connect();
    connection.on('error', () => undefined);
    await connection.query('BEGIN');
    await connection.query("INSERT INTO shared_test VALUES ('abandoned')");
    const fromServer = server.query("INSERT INTO shared_test VALUES ('after the abandoned one')");
    (connection as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    await fromServer;
    assert.deepEqual((await client.query<{ v: string }>('SELECT v FROM shared_test')).map((row) => row.v), ['after the abandoned one']);
    await server.exec('DELETE FROM shared_test');
  });

  test('clients sending at once each get the answers to their own statements', async () => {
    const clients = await Promise.all([1, 2, 3].map(() => openPgliteThroughSocket(socketDir, 'the test server')));
    try {
      // Large parameters arrive in several chunks: a client's messages are then handled across several turns.
      const answers = await Promise.all(clients.flatMap((db, k) => Array.from({ length: 6 }, async (_, n) => {
        const text = String(k).repeat(200_000 + n * 1000 + k);
        const [row] = k === 1
          ? await db.query<{ n: number }>('SELECT length($1::text)::integer AS n', [text])
          : await db.query<{ n: number }>('SELECT octet_length($1::text)::integer + 0 AS n, 1 AS other', [text]);
        return row!.n === text.length;
      })));
      assert.ok(answers.every(Boolean), 'a client got the answer to another client\'s statement');
    } finally {
      await Promise.all(clients.map((db) => db.close()));
    }
  });
});

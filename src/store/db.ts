/**
 * One SQL dialect, PostgreSQL's, on two engines: the embedded PGlite (a real Postgres compiled to WASM, persisted in
 * a directory) and a PostgreSQL server through `pg`. Both return the same JavaScript values: int8 as number (our
 * sequence numbers stay far below 2^53), date as 'YYYY-MM-DD', timestamptz as an ISO 8601 UTC string. A command
 * beside a running server reaches the server's PGlite through `pg` too (./pglite-socket.ts): engine 'pglite', the
 * same SQL, `pg`'s parsers.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import type pg from 'pg';
import type { StoreConfig } from '../config/runtime.js';
import { ImketenError } from '../domain/errors.js';
import { shareOnSocket, type SharedSocket } from './pglite-socket.js';
import { SessionGate } from './session-gate.js';

export type Engine = 'pglite' | 'postgres';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs one or more statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly engine: Engine;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** The connection pool of a PostgreSQL connection (metrics); the embedded store has none. */
  poolStats?(): PoolStats;
  /** The embedded store: calls `onNotify` with the payload of every NOTIFY on `channel`; resolves to stop listening. */
  listen?(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  /** A PostgreSQL connection: a new connection of its own, outside the pool (LISTEN holds its connection; ./notifications.ts). */
  dedicatedClient?(): pg.Client;
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

const INT8 = 20;
const DATE = 1082;
const TIMESTAMPTZ = 1184;

/** The server's text form of a timestamptz in UTC, with 0–6 fraction digits: '2024-12-12 09:30:00.123+00'. */
const UTC_TIMESTAMP_TEXT = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00$/;

/**
 * '2024-12-12 09:30:00.123+00' → '2024-12-12T09:30:00.123Z'. Every session runs in UTC, so the usual form is
 * rearranged as text (millions of rows are read back on a large import); anything else goes through Date.
 */
export function timestampToIso(text: string): string {
  const utc = UTC_TIMESTAMP_TEXT.exec(text);
  if (utc) return `${utc[1]}T${utc[2]}.${(utc[3] ?? '').slice(0, 3).padEnd(3, '0')}Z`;
  return new Date(text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')).toISOString();
}

const parsers: Record<number, (text: string) => unknown> = {
  [INT8]: (text) => Number(text),
  [DATE]: (text) => text,
  [TIMESTAMPTZ]: timestampToIso,
};

export async function openDb(config: StoreConfig): Promise<Db> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(config.dataDir);
}

export interface PgliteDb extends Db {
  /** The whole database as a tarball, to start other in-memory databases from (test templates). */
  dumpDataDir(): Promise<File | Blob>;
  /** Serves this store to other processes on a Unix socket (./pglite-socket.ts); closed with the store. */
  shareOnSocket(path: string): Promise<SharedSocket>;
  /** Resolves once `count` statements or transactions wait for the one session (./session-gate.ts). */
  whenSessionWaiters(count: number): Promise<void>;
}

/**
 * Opens the embedded store; `dataDir` undefined gives an in-memory database (tests), started from `template`
 * (a `dumpDataDir` tarball) when given.
 */
export async function openPglite(dataDir?: string, template?: File | Blob): Promise<PgliteDb> {
  // PGlite fails with ENOENT when the parent of its directory is missing (docs/architecture.md, stack traps).
  if (dataDir) mkdirSync(dirname(dataDir), { recursive: true });
  let lite: PGlite;
  try {
    lite = await PGlite.create(dataDir, { loadDataDir: template, parsers: { [pgliteTypes.INT8]: parsers[INT8]!, [pgliteTypes.DATE]: parsers[DATE]!, [pgliteTypes.TIMESTAMPTZ]: parsers[TIMESTAMPTZ]! } });
  } catch (error) {
    throw new ImketenError('DATABASE_UNAVAILABLE', `Cannot open the embedded database in ${dataDir}: ${(error as Error).message}. Is another imketen process using it?`);
  }
  await lite.exec("SET TimeZone = 'UTC'");
  const wrap = (target: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<T>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  });
  // The one session is shared with the commands connected through a socket, if any: every query and transaction
  // of this process takes the gate, as each of theirs does (./session-gate.ts).
  const gate = new SessionGate();
  const direct = wrap(lite);
  let shared: SharedSocket | undefined;
  return {
    engine: 'pglite',
    query: (sql, params) => gate.run(() => direct.query(sql, params)),
    exec: (sql) => gate.run(() => direct.exec(sql)),
    transaction: (work) => gate.run(() => lite.transaction((tx) => work(wrap(tx)))),
    async close() {
      // The socket first: closing it ends its clients' transactions, which need the gate.
      await shared?.close();
      await gate.run(() => lite.close());
    },
    dumpDataDir: () => gate.run(() => lite.dumpDataDir('none')),
    async listen(channel, onNotify) {
      const stop = await gate.run(() => lite.listen(channel, onNotify));
      return () => gate.run(() => stop());
    },
    async shareOnSocket(path) {
      shared = await shareOnSocket(lite, gate, path);
      return shared;
    },
    whenSessionWaiters: (count) => gate.whenWaiting(count),
  };
}

export interface PoolOptions {
  /** Told when the pool drops a connection the server closed (tests wait for it instead of sleeping). */
  onConnectionLost?: (error: Error) => void;
}

export async function openPostgres(url: string, options: PoolOptions = {}): Promise<Db> {
  return openPool('postgres', { connectionString: url }, `PostgreSQL at ${redactUrl(url)}`, options);
}

/**
 * Connects to the embedded store of the server that holds it, through the socket in `socketDir` (./pglite-socket.ts):
 * the same PGlite files, reached like a PostgreSQL server.
 */
export async function openPgliteThroughSocket(socketDir: string, serverName: string): Promise<Db> {
  // Every setting given, so that PGHOST, PGPORT, PGSSLMODE and the like in the environment do not send it elsewhere.
  return openPool('pglite', { host: socketDir, port: 5432, user: 'postgres', database: 'postgres', ssl: false }, serverName);
}

async function openPool(engine: Engine, connection: pg.PoolConfig, name: string, options: PoolOptions = {}): Promise<Db> {
  // Loaded here, not at the top: a command on the embedded store never needs it (start-up time, docs/architecture.md).
  const { default: pg } = await import('pg');
  const settings: pg.ClientConfig = {
    ...connection,
    // Every session in UTC, set at connection start (no extra query racing the first one).
    options: '-c TimeZone=UTC',
    types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => parsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser },
  };
  const pool = new pg.Pool({ ...settings, max: 4 });
  // An idle pooled connection that the server closes (a restart, an administrator) is reported here; without a
  // listener that would end the process. The pool drops it (then tells `onConnectionLost`) and opens a new one for
  // the next query.
  pool.on('error', (error) => options.onConnectionLost?.(error));
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end();
    throw new ImketenError('DATABASE_UNAVAILABLE', `Cannot connect to ${name}: ${(error as Error).message}.`);
  }
  const wrap = (target: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query(sql, params as unknown[]);
      return result.rows as T[];
    },
    async exec(sql: string) {
      await target.query(sql);
    },
  });
  return {
    engine,
    ...wrap(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    dedicatedClient: () => new pg.Client(settings),
  };
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

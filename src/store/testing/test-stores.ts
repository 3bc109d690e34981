/**
 * Real databases for tests: the embedded PGlite, and the PostgreSQL server on 127.0.0.1:5432 when there is one.
 * Each test gets its own empty, migrated store. Outside CI a missing server makes the PostgreSQL variants skip
 * with a line saying how to enable them; under CI=true they run, and a missing server fails them.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type Db, type Engine } from '../db.js';
import { migrate } from '../migrate.js';

export const POSTGRES_ADMIN_URL = process.env.IMKETEN_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestStore {
  db: Db;
  /** A connection URL when the store is a PostgreSQL database (for tests that run the CLI against it). */
  url?: string;
  dispose(): Promise<void>;
}

export interface TestEngine {
  name: Engine;
  /** Why the engine cannot run here, or false. Pass it as node:test's `skip` option. */
  skip: string | false;
  open(): Promise<TestStore>;
}

let pgliteTemplate: Promise<File | Blob> | undefined;

/** A fresh, migrated PGlite store, loaded from a template migrated once per process (docs/architecture.md, stack traps). */
async function openTestPglite(): Promise<TestStore> {
  pgliteTemplate ??= (async () => {
    const db = await openPglite();
    await migrate(db);
    const dump = await db.dumpDataDir();
    await db.close();
    return dump;
  })();
  const db = await openPglite(undefined, await pgliteTemplate);
  return { db, dispose: () => db.close() };
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** A fresh database on the PostgreSQL server, dropped on dispose. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `imketen_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const cleaner = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await cleaner.connect();
      await cleaner.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleaner.end();
    },
  };
}

async function openTestPostgres(): Promise<TestStore> {
  const database = await createPostgresDatabase();
  const db = await openPostgres(database.url);
  await migrate(db);
  return { db, url: database.url, async dispose() { await db.close(); await database.drop(); } };
}

const serverAvailable = await postgresReachable();
const inCi = process.env.CI === 'true';

export const TEST_ENGINES: readonly TestEngine[] = [
  { name: 'pglite', skip: false, open: openTestPglite },
  {
    name: 'postgres',
    skip: serverAvailable || inCi
      ? false
      : `no PostgreSQL server at ${POSTGRES_ADMIN_URL}: start one (or set IMKETEN_TEST_POSTGRES_URL) to run these tests too`,
    open: openTestPostgres,
  },
];

/**
 * Versioned migrations: the numbered .sql files beside this module, each applied once, in order, in a transaction,
 * and recorded in schema_migrations. Runs at every start; a no-op when the store is current.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db, Queryable } from './db.js';
import { rebuildEvidenceStanding } from './evidence-standing.js';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Migration {
  version: number;
  name: string;
  /** The migration's SQL, read from its file when asked for (a current store needs none of it). */
  readonly sql: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((name) => /^\d{3}-.*\.sql$/.test(name))
    .sort()
    .map((name) => ({ version: Number(name.slice(0, 3)), name, get sql() { return readFileSync(join(dir, name), 'utf8'); } }));
}

/**
 * What a migration needs done beyond its SQL, in its transaction: a projection it creates is filled from the event
 * log by the same code that keeps it (so the SQL is written once).
 */
const FOLLOW_UPS: Readonly<Record<number, (tx: Queryable) => Promise<unknown>>> = {
  36: rebuildEvidenceStanding,
};

/** Serialises migrating processes (and, on PostgreSQL, their `CREATE TABLE IF NOT EXISTS`). */
const MIGRATION_LOCK = 7_210_000;

/**
 * Applies the migrations the store lacks; returns the names of those applied. Safe when several processes start at
 * once (commands beside a server, several servers on one PostgreSQL database): each migration is applied under a
 * lock, and only if it is still missing once the lock is held.
 */
export async function migrate(db: Db): Promise<string[]> {
  const [known] = await db.query<{ exists: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS exists");
  if (!known?.exists) {
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    });
  }
  const applied = new Set((await db.query<{ version: number }>('SELECT version FROM schema_migrations')).map((row) => row.version));
  const done: string[] = [];
  for (const migration of listMigrations()) {
    if (applied.has(migration.version)) continue;
    const appliedHere = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const meanwhile = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (meanwhile.length > 0) return false;
      await tx.exec(migration.sql);
      await FOLLOW_UPS[migration.version]?.(tx);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      return true;
    });
    if (appliedHere) done.push(migration.name);
  }
  return done;
}

/**
 * One server at a time through the first-start work (loading the demo registry and accounts into an empty store):
 * servers started together on one empty PostgreSQL database would otherwise each load it. A session lock on a
 * connection of its own, since that work runs in many transactions. PGlite is one process: nothing to wait for.
 */
import type { Db } from './db.js';

const STARTUP_LOCK = 7_210_003;

export async function withStartupLock<T>(db: Db, work: () => Promise<T>): Promise<T> {
  if (db.engine !== 'postgres' || !db.dedicatedClient) return work();
  const client = db.dedicatedClient();
  client.on('error', () => undefined); // a lost connection releases the lock; the work's own queries report errors
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
    return await work();
  } finally {
    await client.end().catch(() => undefined); // ending the session releases its lock
  }
}

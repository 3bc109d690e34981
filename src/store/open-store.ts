import type { StoreConfig } from '../config/runtime.js';
import { openDb, type Db } from './db.js';
import { migrate } from './migrate.js';

/** Opens the configured store and brings its schema up to date. */
export async function openStore(config: StoreConfig): Promise<Db> {
  const db = await openDb(config);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

import { basename } from 'node:path';
import type { StoreConfig } from '../config/runtime.js';
import { openDb, type Db } from './db.js';
import { openEmbeddedStore } from './embedded-store.js';
import { migrate } from './migrate.js';

export interface OpenStoreOptions {
  /** What opens the store (`imketen import`): the embedded store's lock names it to whoever finds the store in use. */
  command?: string;
  /** A server: on the embedded store, it holds the store and shares it with commands (./embedded-store.ts). */
  serve?: boolean;
}

/**
 * Opens the configured store and brings its schema up to date. The embedded store is opened under its lock, or
 * through the server that holds it; a PostgreSQL server needs neither (any number of processes share it).
 */
export async function openStore(config: StoreConfig, options: OpenStoreOptions = {}): Promise<Db> {
  if (!config.databaseUrl) {
    return openEmbeddedStore(config.dataDir, { command: options.command ?? basename(process.argv[1] ?? 'node'), serve: options.serve });
  }
  const db = await openDb(config);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

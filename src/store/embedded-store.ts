/**
 * Opening the embedded store (PGlite in a data directory) so that no acknowledged write is ever lost to another
 * process: a process takes the directory's lock (./store-lock.ts) before it opens the files. A server shares the
 * store on a socket in the directory (./pglite-socket.ts); a command that finds a server holding the store goes
 * through that socket instead of opening the files; a command that finds another command holding it says which,
 * and stops before writing anything.
 */
import { dirname } from 'node:path';
import { ImketenError } from '../domain/errors.js';
import { openPglite, openPgliteThroughSocket, type Db } from './db.js';
import { migrate } from './migrate.js';
import { MAX_SOCKET_PATH_BYTES, socketPathOf } from './pglite-socket.js';
import { acquireStoreLock, holderAlive, removeIfPresent, type LockAttempt, type LockHolder, type StoreLock } from './store-lock.js';

export interface EmbeddedOpenOptions {
  /** What opens the store, as the user typed it (`imketen import`): named to whoever finds the store in use. */
  command: string;
  /** A server: holds the store and shares it with commands on a socket. */
  serve?: boolean;
  /** How long a command waits for a server that holds the store but does not listen yet (it is opening it). */
  serverStartTimeoutMs?: number;
}

export async function openEmbeddedStore(dataDir: string, options: EmbeddedOpenOptions): Promise<Db> {
  if (options.serve) return openServedStore(dataDir, options.command);
  const deadline = Date.now() + (options.serverStartTimeoutMs ?? 120_000);
  for (;;) {
    const attempt = await lockOf(dataDir, 'command', options.command);
    if ('acquired' in attempt) return openHeld(dataDir, attempt.acquired);
    const holder = attempt.heldBy;
    if (holder.role !== 'server') throw inUse(dataDir, holder, 'command');
    if (holder.socket) {
      const db = await openThroughServer(holder);
      if (db) return db;
    }
    // A server that is opening the store (or stopping): look again shortly.
    if (Date.now() > deadline) {
      throw new ImketenError('DATABASE_UNAVAILABLE', `The embedded database in ${dataDir} is held by ${describe(holder)}, which does not accept commands; nothing was written. Try again when it is running, or stop it.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function lockOf(dataDir: string, role: LockHolder['role'], command: string): Promise<LockAttempt> {
  try {
    return await acquireStoreLock(dataDir, { role, command });
  } catch (error) {
    throw new ImketenError('DATABASE_UNAVAILABLE', `Cannot open the embedded database in ${dataDir}: ${(error as Error).message}.`);
  }
}

/** The store opened by this process alone, under its lock. */
async function openHeld(dataDir: string, lock: StoreLock): Promise<Db> {
  try {
    // A socket left by a server that was killed: its lock was stale, so nobody listens on it.
    removeIfPresent(socketPathOf(dataDir));
    const db = await openPglite(dataDir);
    await migrateOrClose(db);
    return { ...db, close: async () => { try { await db.close(); } finally { lock.release(); } } };
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function openServedStore(dataDir: string, command: string): Promise<Db> {
  const path = socketPathOf(dataDir);
  if (Buffer.byteLength(path) > MAX_SOCKET_PATH_BYTES) {
    throw new ImketenError('DATABASE_UNAVAILABLE', `The data directory's path is too long for the socket through which commands reach the server (${path}: at most ${MAX_SOCKET_PATH_BYTES} bytes). Use a shorter --data-dir.`);
  }
  const attempt = await lockOf(dataDir, 'server', command);
  if ('heldBy' in attempt) throw inUse(dataDir, attempt.heldBy, 'server');
  const lock = attempt.acquired;
  try {
    const db = await openPglite(dataDir);
    await migrateOrClose(db);
    try {
      await db.shareOnSocket(path);
      lock.update({ socket: path });
    } catch (error) {
      await db.close();
      throw error;
    }
    return { ...db, close: async () => { try { await db.close(); } finally { lock.release(); } } };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** The server's store through its socket; undefined when the server went away meanwhile (look at the lock again). */
async function openThroughServer(holder: LockHolder): Promise<Db | undefined> {
  let db: Db;
  try {
    db = await openPgliteThroughSocket(dirname(holder.socket!), describe(holder));
  } catch (error) {
    if (!holderAlive(holder)) return undefined;
    throw error;
  }
  await migrateOrClose(db);
  return db;
}

async function migrateOrClose(db: Db): Promise<void> {
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
}

function describe(holder: LockHolder): string {
  return `\`${holder.command}\` (pid ${holder.pid}, since ${holder.since})`;
}

function inUse(dataDir: string, holder: LockHolder, opener: 'server' | 'command'): ImketenError {
  if (opener === 'server' && holder.role === 'server') {
    return new ImketenError('DATABASE_UNAVAILABLE', `Another imketen server, ${describe(holder)}, already serves the embedded database in ${dataDir}. Stop it first, or give this server its own --data-dir.`);
  }
  const advice = opener === 'server'
    ? 'Start the server when it has finished.'
    : 'Nothing was written. Try again when it has finished; while a server (`imketen start`) runs, commands share the store through it.';
  return new ImketenError('DATABASE_UNAVAILABLE', `The embedded database in ${dataDir} is in use by ${describe(holder)}. ${advice}`);
}

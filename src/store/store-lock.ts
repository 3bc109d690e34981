/**
 * Exclusive access to an embedded store: two processes that open one PGlite data directory overwrite each other's
 * writes without a word, so a process holds a lock file in the directory for as long as it has the store open.
 *
 * The lock file names its holder — pid, the process's start time, what it is (a server or a command) and, for a
 * server, the socket on which it shares the store — so that another process can tell the user who holds the store
 * or reach it through that server. A holder that died (kill -9, a crash) leaves its file behind; the next process
 * finds the holder dead and takes the lock over. The start time (from /proc/<pid>/stat) tells a live holder from an
 * unrelated process that was given the same pid later.
 */
import { createHash, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, realpathSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';

export const LOCK_FILE_NAME = 'imketen.lock';

export interface LockHolder {
  pid: number;
  /** Start time of the process in clock ticks since boot (/proc/<pid>/stat, field 22); null where there is no /proc. */
  startTime: number | null;
  /** A server shares the store with commands through `socket` once it listens; a command keeps it to itself. */
  role: 'server' | 'command';
  /** What the holder runs, for messages: `imketen start`, `imketen import`. */
  command: string;
  /** When it took the lock (ISO 8601). */
  since: string;
  /** The Unix socket on which a server shares the store (PostgreSQL wire protocol), once it listens. */
  socket?: string;
  /** Tells this holder's file from any other, so that a process only ever removes its own. */
  nonce: string;
}

export interface StoreLock {
  readonly path: string;
  readonly holder: LockHolder;
  /** Rewrites the holder's details (the socket, once the server listens); atomic for readers. */
  update(changes: Pick<LockHolder, 'socket'>): void;
  /** Removes the lock file if it is still this holder's. Also done at process exit. */
  release(): void;
}

export type LockAttempt = { acquired: StoreLock } | { heldBy: LockHolder };

export function lockPath(dataDir: string): string {
  return join(dataDir, LOCK_FILE_NAME);
}

/**
 * The process's start time and whether it is a zombie (exited, not yet reaped: as dead as a holder gets), from
 * /proc/<pid>/stat; undefined when the process does not exist or there is no /proc.
 */
export function processStart(pid: number): { startTime: number; zombie: boolean } | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // "pid (comm) state ppid …": comm may hold spaces and parentheses, so count the fields after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const startTime = Number(fields[19]);
  return Number.isFinite(startTime) ? { startTime, zombie: fields[0] === 'Z' } : undefined;
}

/** Whether the process the lock file names is still running (and is the same process, not a reused pid). */
export function holderAlive(holder: Pick<LockHolder, 'pid' | 'startTime'>): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: it exists, but belongs to another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const current = processStart(holder.pid);
  if (!current) return holder.startTime === null || !existsProcDir();
  return !current.zombie && (holder.startTime === null || current.startTime === holder.startTime);
}

function existsProcDir(): boolean {
  return processStart(process.pid) !== undefined;
}

/** The holder named in the lock file; undefined when there is no lock file (or it is not one of ours). */
export function readLockHolder(dataDir: string): LockHolder | undefined {
  const current = readLockHolderOrGarbage(lockPath(dataDir));
  return typeof current === 'object' ? current : undefined;
}

/**
 * Takes the lock of `dataDir` for this process, or says who holds it. A lock file whose holder is dead is removed
 * first. The file appears whole or not at all: it is written under a private name and hard-linked into place,
 * which fails when a lock file exists (exclusive, like O_EXCL, but never seen half-written).
 */
export async function acquireStoreLock(dataDir: string, who: { role: LockHolder['role']; command: string }): Promise<LockAttempt> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return withAcquireMutex(dataDir, () => {
    const path = lockPath(dataDir);
    for (;;) {
      const current = readLockHolderOrGarbage(path);
      if (current === 'none') {
        const holder: LockHolder = {
          pid: process.pid, startTime: processStart(process.pid)?.startTime ?? null, role: who.role, command: who.command,
          since: new Date().toISOString(), nonce: randomBytes(12).toString('hex'),
        };
        const draft = `${path}.${process.pid}.${holder.nonce}`;
        writeFileSync(draft, JSON.stringify(holder), { mode: 0o600, flush: true });
        try {
          linkSync(draft, path);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue; // someone was quicker: look again
          throw error;
        } finally {
          unlinkSync(draft);
        }
        return { acquired: heldLock(path, holder) };
      }
      if (current !== 'garbage' && holderAlive(current)) return { heldBy: current };
      // The holder is dead (or the file is not a lock we wrote): nobody else removes it while we hold the mutex.
      removeIfPresent(path);
    }
  });
}

function readLockHolderOrGarbage(path: string): LockHolder | 'none' | 'garbage' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'none';
    throw error;
  }
  try {
    const holder = JSON.parse(text) as LockHolder;
    return Number.isInteger(holder.pid) && typeof holder.nonce === 'string' ? holder : 'garbage';
  } catch {
    return 'garbage';
  }
}

function heldLock(path: string, initial: LockHolder): StoreLock {
  let holder = initial;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    const current = readLockHolderOrGarbage(path);
    if (typeof current === 'object' && current.nonce === holder.nonce) removeIfPresent(path);
  };
  process.on('exit', release);
  return {
    path,
    get holder() { return holder; },
    update(changes) {
      if (released) return;
      holder = { ...holder, ...changes };
      const draft = `${path}.${process.pid}.${holder.nonce}`;
      writeFileSync(draft, JSON.stringify(holder), { mode: 0o600, flush: true });
      renameSync(draft, path);
    },
    release,
  };
}

export function removeIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Serialises the processes that inspect and take one data directory's lock, so that two of them never both judge
 * the same dead holder's file stale and each take the lock. The mutex is a Unix socket in Linux's abstract namespace:
 * the kernel frees it when its process dies, so it can never be left behind. Held for a few milliseconds.
 * Elsewhere the exclusive link alone guards the lock (a race remains only on a stale lock).
 */
async function withAcquireMutex<T>(dataDir: string, work: () => T): Promise<T> {
  if (process.platform !== 'linux') return work();
  const name = `\0imketen-store-lock-${createHash('sha256').update(realpathSync(dataDir)).digest('hex').slice(0, 40)}`;
  const server = createServer();
  for (let delay = 2; ; delay = Math.min(delay * 2, 50)) {
    const bound = await new Promise<boolean>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) => (error.code === 'EADDRINUSE' ? resolve(false) : reject(error));
      server.once('error', onError);
      server.listen(name, () => {
        server.removeListener('error', onError);
        resolve(true);
      });
    });
    if (bound) break;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
  try {
    return work();
  } finally {
    await closeServer(server);
  }
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

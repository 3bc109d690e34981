/**
 * A server shares its embedded store with the command line: it serves its PGlite over the PostgreSQL wire protocol
 * on a Unix socket in the data directory, and a command connects with `pg` as it would to a PostgreSQL server
 * (README, "The command line beside the server"). Only the directory's owner reaches the socket: it lies in a
 * directory of mode 0700 and has mode 0600 itself.
 *
 * The protocol is spoken by @electric-sql/pglite-socket's connection handler. Its own multiplexer is not used: it
 * runs each client's message by itself, so a statement of one client may run inside another's transaction — or
 * inside a transaction of the server's own — and be rolled back with it after it was acknowledged. Here every
 * client takes the session gate (./session-gate.ts), as the server's own queries do, for a whole exchange (up to
 * ReadyForQuery) and keeps it for as long as its transaction is open.
 */
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler } from '@electric-sql/pglite-socket';
import { chmodSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { dirname, join } from 'node:path';
import type { SessionGate } from './session-gate.js';
import { removeIfPresent } from './store-lock.js';

/** The socket's directory inside the data directory: `pg` and psql connect with `host` = this directory. */
export const SOCKET_DIR_NAME = 'imketen-socket';
/** The file name PostgreSQL clients look for in a socket directory (for the default port, 5432). */
export const SOCKET_FILE_NAME = '.s.PGSQL.5432';
/** sun_path holds 108 bytes with its terminating NUL. */
export const MAX_SOCKET_PATH_BYTES = 107;

export function socketPathOf(dataDir: string): string {
  return join(dataDir, SOCKET_DIR_NAME, SOCKET_FILE_NAME);
}

export interface SharedSocket {
  readonly path: string;
  /** Stops accepting, ends every connection (rolling back an open transaction) and removes the socket file. */
  close(): Promise<void>;
}

type QueryQueue = ConstructorParameters<typeof PGLiteSocketHandler>[0]['queryQueue'];

const TERMINATE = 0x58; // 'X'
/** Messages after which the backend answers ReadyForQuery: startup (no type byte), Query, Sync, FunctionCall. */
const EXCHANGE_ENDS = new Set([0x00, 0x51, 0x53, 0x46]);
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);

/**
 * Runs the messages of the socket's clients on the shared session, one client's exchange or transaction at a time.
 * It has the shape of pglite-socket's internal queue, which its connection handler calls.
 */
class GatedQueue {
  private holder: number | undefined;
  private release: (() => void) | undefined;
  /** Each client's messages run in the order they came (the handler may hand over the next before the last ran). */
  private readonly tails = new Map<number, Promise<unknown>>();
  private readonly gone = new Set<number>();

  constructor(private readonly lite: PGlite, private readonly gate: SessionGate) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    const run = (this.tails.get(handlerId) ?? Promise.resolve()).catch(() => undefined).then(() => this.execute(handlerId, message, onData));
    this.tails.set(handlerId, run);
    return run;
  }

  private async execute(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    if (this.gone.has(handlerId)) throw new Error('Handler disconnected');
    // Terminate would end the one backend everybody shares: the connection closes, and detaching cleans up.
    if (message[0] === TERMINATE) return 0;
    if (this.holder !== handlerId) {
      this.release = await this.gate.acquire();
      this.holder = handlerId;
      if (this.gone.has(handlerId)) {
        this.letGo();
        throw new Error('Handler disconnected');
      }
    }
    let size = 0;
    try {
      await this.lite.runExclusive(() => this.lite.execProtocolRawStream(message, {
        onRawData: (data) => {
          size += data.length;
          onData(data);
        },
      }));
    } finally {
      if (EXCHANGE_ENDS.has(message[0]!) && !this.lite.isInTransaction()) this.letGo();
    }
    return size;
  }

  private letGo(): void {
    this.holder = undefined;
    const release = this.release;
    this.release = undefined;
    release?.();
  }

  getQueueLength(): number {
    return this.tails.size;
  }

  clearQueueForHandler(handlerId: number): void {
    this.gone.add(handlerId);
  }

  /** A client went away: end what it left half done (an exchange, a transaction), and let the next one in. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    await (this.tails.get(handlerId) ?? Promise.resolve()).catch(() => undefined);
    this.tails.delete(handlerId);
    this.gone.delete(handlerId);
    if (this.holder !== handlerId) return;
    try {
      await this.lite.runExclusive(() => this.lite.execProtocolRawStream(SYNC, { onRawData: () => undefined }));
      if (this.lite.isInTransaction()) await this.lite.exec('ROLLBACK');
    } finally {
      this.letGo();
    }
  }
}

/** Serves `lite` on a Unix socket at `path` (its directory is created with mode 0700). */
export async function shareOnSocket(lite: PGlite, gate: SessionGate, path: string, options: { maxConnections?: number } = {}): Promise<SharedSocket> {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  // A socket file left by a server that was killed; the caller holds the store's lock, so it is nobody's now.
  removeIfPresent(path);
  const queue = new GatedQueue(lite, gate);
  const handlers = new Set<PGLiteSocketHandler>();
  const server: Server = createServer((socket) => {
    const handler = new PGLiteSocketHandler({ queryQueue: queue as unknown as QueryQueue, closeOnDetach: true });
    handlers.add(handler);
    const forget = () => handlers.delete(handler);
    handler.addEventListener('close', forget);
    handler.addEventListener('error', forget);
    handler.attach(socket).catch(() => {
      forget();
      socket.destroy();
    });
  });
  server.maxConnections = options.maxConnections ?? 32;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  chmodSync(path, 0o600);
  return {
    path,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...handlers].map((handler) => handler.detach(true)));
      handlers.clear();
      await closed;
      removeIfPresent(path);
    },
  };
}

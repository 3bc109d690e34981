/**
 * Group commit for the access log: reads from many requests are logged together, one short transaction (and one
 * chain lock) per batch, and a request is answered only after its entry is committed — so no read is ever served
 * without its log entry, and the chain lock does not serialise every single request (PGlite runs one query
 * at a time; docs/architecture.md, stack traps).
 */
import type { Db } from '../store/db.js';
import { appendAccess, type AccessEntry } from './access-log.js';

export interface AccessLogWriter {
  /** Resolves once the entry is committed to the chained log; rejects if it could not be. */
  log(entry: AccessEntry): Promise<void>;
  /** Waits for everything queued. */
  flush(): Promise<void>;
}

export function accessLogWriter(db: Db, options: { maxBatch?: number } = {}): AccessLogWriter {
  const maxBatch = options.maxBatch ?? 500;
  let queue: { entry: AccessEntry; resolve: () => void; reject: (error: unknown) => void }[] = [];
  let running: Promise<void> | undefined;

  const drain = async () => {
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        await db.transaction((tx) => appendAccess(tx, batch.map((item) => item.entry)));
        for (const item of batch) item.resolve();
      } catch (error) {
        for (const item of batch) item.reject(error);
      }
    }
  };
  const kick = () => {
    running ??= drain().finally(() => { running = undefined; if (queue.length > 0) kick(); });
  };
  return {
    log(entry) {
      return new Promise<void>((resolve, reject) => {
        queue.push({ entry, resolve, reject });
        kick();
      });
    },
    async flush() {
      while (running) await running;
    },
  };
}

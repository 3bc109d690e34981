/**
 * Group commit for appends: the requests that arrive while an import runs are imported together in the next one —
 * one transaction, one pass through the hash-chain lock — which is how the API keeps up with many partner systems
 * pushing a few events each. Each request stays all-or-nothing: when a combined import is refused, its requests
 * are imported one by one, so a bad request fails alone and its problems name its own events.
 */
import { appendAccess, type AccessEntry } from '../access-log/access-log.js';
import { ImketenError } from '../domain/errors.js';
import type { EventInput } from '../domain/event.js';
import { importEvents } from '../import/import-events.js';
import { objectSource, type ImportSource } from '../import/sources.js';
import type { Db } from '../store/db.js';
import { eventIdsOfImport } from '../store/event-store.js';

export interface AppendResult {
  importId: number;
  added: number;
  unchanged: number;
  streams: number;
}

interface Pending {
  events: readonly EventInput[];
  entry: AccessEntry;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/** The name problems carry for a request's events (lines are events[i] + 1). */
export const REQUEST_SOURCE = 'request';

export class AppendQueue {
  private queue: Pending[] = [];
  private running: Promise<void> | undefined;

  constructor(private readonly db: Db, private readonly now: () => Date, private readonly maxBatchEvents = 1000) {}

  /** Imports the events with their access-log entry in the same transaction; resolves once committed. */
  append(events: readonly EventInput[], entry: AccessEntry): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ events, entry, resolve, reject });
      this.running ??= this.drain().finally(() => { this.running = undefined; });
    });
  }

  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch: Pending[] = [];
      let size = 0;
      while (this.queue.length > 0 && (batch.length === 0 || size + this.queue[0]!.events.length <= this.maxBatchEvents)) {
        const next = this.queue.shift()!;
        batch.push(next);
        size += next.events.length;
      }
      if (batch.length === 1) {
        await this.importOne(batch[0]!);
        continue;
      }
      try {
        const results = await this.importTogether(batch);
        batch.forEach((item, index) => item.resolve(results[index]!));
      } catch (error) {
        if (!(error instanceof ImketenError)) {
          for (const item of batch) item.reject(error);
          continue;
        }
        // Someone's request is wrong: import them one by one so only that one fails.
        for (const item of batch) await this.importOne(item);
      }
    }
  }

  private async importOne(item: Pending): Promise<void> {
    try {
      const summary = await importEvents(this.withEntries([item.entry]), [requestSource(REQUEST_SOURCE, item)], { now: this.now });
      item.resolve({ importId: summary.importId, added: summary.added, unchanged: summary.unchanged, streams: summary.streams });
    } catch (error) {
      item.reject(error);
    }
  }

  private async importTogether(batch: Pending[]): Promise<AppendResult[]> {
    const summary = await importEvents(
      this.withEntries(batch.map((item) => ({ ...item.entry }))),
      batch.map((item, index) => requestSource(`${REQUEST_SOURCE}#${index}`, item)),
      { now: this.now },
    );
    const added = await eventIdsOfImport(this.db, summary.importId);
    return batch.map((item) => {
      const ids = new Set(item.events.map((event) => event.id));
      const mine = [...ids].filter((id) => added.has(id)).length;
      return { importId: summary.importId, added: mine, unchanged: item.events.length - mine, streams: new Set(item.events.map((event) => event.stream)).size };
    });
  }

  /** The store, with the access-log entries of the writes appended inside the import's own transaction. */
  private withEntries(entries: AccessEntry[]): Db {
    const db = this.db;
    return {
      ...db,
      transaction: (work) => db.transaction(async (tx) => {
        const result = await work(tx);
        await appendAccess(tx, entries);
        return result;
      }),
    };
  }
}

/** One request's events as an import source, marked with the organisation that sent them (the write policy reads it). */
function requestSource(name: string, item: Pending): ImportSource {
  return { ...objectSource(name, item.events), organisation: item.entry.organisation };
}

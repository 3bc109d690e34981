/**
 * Keeps the pseudonymised analysis facts (docs/retention.md, "Pseudonymised analysis") following the registry with
 * no one running a command: the server refreshes them whenever the event log grew (the `imketen_events` change
 * notification, src/store/notifications.ts, sent at commit by whichever process wrote), once at start and after a
 * lost listening connection. Requests never write: the trends endpoint only reads the facts and says how far they
 * go ("bijgewerkt tot").
 *
 * Each refresh is one transaction (src/operations/record-analysis.ts): the facts of every case changed since the
 * position last read and the new position commit together, so a crash mid-refresh leaves the facts as they were
 * and the next refresh does the work again. Several servers on one PostgreSQL take turns (the refresh locks
 * `analysis_position`); one refresh waiting is enough, since it reads everything the log holds when it runs.
 */
import { refreshAnalysis } from '../operations/record-analysis.js';
import { analysisPosition } from '../store/analysis-store.js';
import type { Db } from '../store/db.js';

export class AnalysisRefresher {
  private running: Promise<void> | undefined;
  private again = false;
  private closed = false;
  private waiters: { position: number; resolve: () => void }[] = [];

  constructor(private readonly db: Db, private readonly key: Buffer, private readonly now: () => Date, private readonly onError: (error: Error) => void) {}

  /** Brings the facts up to the log's end soon (coalesced: a refresh already waiting takes this change in too). */
  schedule(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.schedule();
      }
    });
  }

  /** Resolves once the facts have been refreshed up to at least this log position (tests, and a clean shutdown). */
  async until(position: number): Promise<void> {
    if ((await analysisPosition(this.db)) >= position) return;
    await new Promise<void>((resolve) => {
      this.waiters.push({ position, resolve });
      this.schedule();
    });
  }

  /** Stops scheduling and waits for a running refresh to commit. */
  async close(): Promise<void> {
    this.closed = true;
    this.again = false;
    await this.running;
  }

  private async run(): Promise<void> {
    try {
      await this.db.transaction((tx) => refreshAnalysis(tx, this.key, this.now()));
      const position = await analysisPosition(this.db);
      const done = this.waiters.filter((waiter) => waiter.position <= position);
      this.waiters = this.waiters.filter((waiter) => waiter.position > position);
      for (const waiter of done) waiter.resolve();
    } catch (error) {
      this.onError(error as Error);
    }
  }
}

/**
 * PGlite is one PostgreSQL session. When a server shares it with commands (./pglite-socket.ts), every user of that
 * session — the server's own queries and transactions, and each connected command — takes this gate first and keeps
 * it until its query or transaction is over, so that nobody's statement ever runs inside someone else's
 * transaction. First come, first served.
 */
export class SessionGate {
  private last: Promise<void> = Promise.resolve();
  /** How many users have asked for the session and not been let in yet. */
  private waiting = 0;
  private readonly watchers = new Set<{ count: number; notify: () => void }>();

  /** Waits for every earlier holder; resolves with the function that lets the next one in. */
  acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => { release = () => resolve(); });
    const turn = this.last.then(() => {
      this.waiting -= 1;
      return release;
    });
    this.last = turn.then(() => released);
    this.waiting += 1;
    for (const watcher of this.watchers) if (this.waiting >= watcher.count) watcher.notify();
    return turn;
  }

  /**
   * Resolves once `count` users wait at the gate at the same time: a statement is then known to be held back (tests
   * wait for this instead of for time).
   */
  whenWaiting(count: number): Promise<void> {
    if (this.waiting >= count) return Promise.resolve();
    return new Promise((resolve) => {
      const watcher = { count, notify: () => { this.watchers.delete(watcher); resolve(); } };
      this.watchers.add(watcher);
    });
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

/**
 * PGlite is one PostgreSQL session. When a server shares it with commands (./pglite-socket.ts), every user of that
 * session — the server's own queries and transactions, and each connected command — takes this gate first and keeps
 * it until its query or transaction is over, so that nobody's statement ever runs inside someone else's
 * transaction. First come, first served.
 */
export class SessionGate {
  private last: Promise<void> = Promise.resolve();

  /** Waits for every earlier holder; resolves with the function that lets the next one in. */
  acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => { release = () => resolve(); });
    const turn = this.last.then(() => release);
    this.last = turn.then(() => released);
    return turn;
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

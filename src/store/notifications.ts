/**
 * Change notifications between the processes on one store (PostgreSQL LISTEN/NOTIFY). The database sends them
 * itself, at commit, from triggers (migration 038): `imketen_events` when the event log grew, `imketen_watchlists`
 * (`<watchlist id>:<version>`) when a list has a new version, `imketen_tokens` (`<token id>`) when an API token was
 * revoked or changed. A server listens and brings what it holds in memory up to date at once.
 *
 * On PostgreSQL the listener has a connection of its own, outside the pool; when that connection is lost it
 * reconnects (waiting longer each time, at most RECONNECT_MAX_MS) and then tells `onResync`: notifications sent in
 * between are lost, so whatever depends on them must look again. On PGlite every writer is this process or a command
 * beside it, and PGlite delivers NOTIFY to its own listeners; no reconnect is needed.
 *
 * Notifications only make things faster: every cache that listens also checks what it holds against the store
 * (the log position, the list version) before it answers, so a lost notification never gives a stale answer.
 */
import type pg from 'pg';
import type { Db } from './db.js';

export const CHANNELS = { events: 'imketen_events', watchlists: 'imketen_watchlists', tokens: 'imketen_tokens' } as const;
export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];

const RECONNECT_FIRST_MS = 100;
const RECONNECT_MAX_MS = 5_000;

export interface Notifications {
  /** Calls `handler` with the payload of every notification on `channel`. */
  on(channel: Channel, handler: (payload: string) => void): void;
  /** Calls `handler` after a lost listening connection is back: notifications may have been missed. */
  onResync(handler: () => void): void;
  /** Resolves once listening on every channel (tests wait for it before writing). */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

export interface NotificationOptions {
  /** Told when the listening connection is lost or cannot be opened (the server logs it). */
  onError?: (error: Error) => void;
}

/** Starts listening on every channel of CHANNELS; undefined when the store cannot (a command's socket connection). */
export function listenForChanges(db: Db, options: NotificationOptions = {}): Notifications | undefined {
  const handlers = new Map<string, Array<(payload: string) => void>>();
  const resyncs: Array<() => void> = [];
  const deliver = (channel: string, payload: string) => {
    for (const handler of handlers.get(channel) ?? []) {
      try {
        handler(payload);
      } catch (error) {
        options.onError?.(error as Error);
      }
    }
  };
  const common = {
    on(channel: Channel, handler: (payload: string) => void) {
      handlers.set(channel, [...(handlers.get(channel) ?? []), handler]);
    },
    onResync(handler: () => void) {
      resyncs.push(handler);
    },
  };
  if (db.listen) {
    const listen = db.listen.bind(db);
    const stops = Promise.all(Object.values(CHANNELS).map((channel) => listen(channel, (payload) => deliver(channel, payload))));
    return {
      ...common,
      ready: stops.then(() => undefined),
      async close() {
        for (const stop of await stops) await stop();
      },
    };
  }
  if (db.dedicatedClient) {
    const connect = db.dedicatedClient.bind(db);
    const listener = new PostgresListener(connect, deliver, () => { for (const resync of resyncs) resync(); }, options.onError);
    return { ...common, ready: listener.ready, close: () => listener.close() };
  }
  return undefined;
}

/** One connection that LISTENs on every channel, and reconnects when it is lost. */
class PostgresListener {
  readonly ready: Promise<void>;
  private client: pg.Client | undefined;
  private closed = false;
  private retry: NodeJS.Timeout | undefined;
  private wait = RECONNECT_FIRST_MS;
  private markReady!: () => void;

  constructor(
    private readonly connect: () => pg.Client,
    private readonly deliver: (channel: string, payload: string) => void,
    private readonly resync: () => void,
    private readonly onError: ((error: Error) => void) | undefined,
  ) {
    this.ready = new Promise((resolve) => { this.markReady = resolve; });
    void this.open(false);
  }

  private async open(again: boolean): Promise<void> {
    if (this.closed) return;
    const client = this.connect();
    this.client = client;
    // An 'error' without a listener would end the process; a lost connection is an error and an 'end'.
    client.on('error', (error) => this.onError?.(error));
    client.on('end', () => this.lost(client));
    client.on('notification', (message) => this.deliver(message.channel, message.payload ?? ''));
    try {
      await client.connect();
      await client.query(Object.values(CHANNELS).map((channel) => `LISTEN ${channel}`).join('; '));
    } catch (error) {
      this.onError?.(error as Error);
      this.lost(client);
      return;
    }
    this.wait = RECONNECT_FIRST_MS;
    this.markReady();
    if (again) this.resync();
  }

  private lost(client: pg.Client): void {
    if (this.client !== client || this.closed) return;
    this.client = undefined;
    void client.end().catch(() => undefined);
    this.retry = setTimeout(() => { void this.open(true); }, this.wait);
    this.wait = Math.min(this.wait * 2, RECONNECT_MAX_MS);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}

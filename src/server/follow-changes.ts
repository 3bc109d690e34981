/**
 * Several servers on one database behave as one (README, "Several servers on one PostgreSQL"): what a server holds
 * in memory is brought up to date when the database tells it that another process changed the store
 * (src/store/notifications.ts) —
 *
 * - new events: the registry's match index takes them in now, not at the next search (src/screening/registry-index.ts);
 * - a new watchlist version: its match index is built now, so the first screening against it waits for nothing;
 * - an API token revoked or changed: it is forgotten at once, not when its few cached seconds run out.
 *
 * Sessions, the sign-in throttle, the job queue and both hash chains live in the database already; report figures,
 * list versions and the registry index are checked against the store on every use. After a lost listening
 * connection (missed notifications) the token cache is emptied and the registry index brought up to date.
 */
import { registryIndexOf } from '../screening/registry-index.js';
import { watchlistIndex } from '../screening/match-index-cache.js';
import { CHANNELS, type Notifications } from '../store/notifications.js';
import type { ServerContext } from './context.js';

export function followChanges(context: ServerContext, notifications: Notifications, onError: (error: Error) => void): void {
  const db = context.db;
  let registryPending = false;
  const updateRegistry = () => {
    // one update waiting is enough: it reads everything the log holds when it runs
    if (registryPending) return;
    registryPending = true;
    setImmediate(() => {
      registryPending = false;
      registryIndexOf(db).current(db).catch(onError);
    });
  };
  notifications.on(CHANNELS.events, updateRegistry);
  notifications.on(CHANNELS.watchlists, (payload) => {
    const [id, version] = payload.split(':').map(Number);
    if (Number.isInteger(id) && Number.isInteger(version)) watchlistIndex(db, id!, version!).catch(onError);
  });
  notifications.on(CHANNELS.tokens, (payload) => context.tokens.forget(Number(payload)));
  notifications.onResync(() => {
    context.tokens.clear();
    updateRegistry();
  });
  // the first search should not wait for the index of every person either
  updateRegistry();
}

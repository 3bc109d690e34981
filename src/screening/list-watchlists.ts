/** The watchlists with their versions and sizes, for `imketen watchlist list` and the API. */
import type { Queryable } from '../store/db.js';
import { listVersions, type WatchlistRow, type WatchlistVersionRow } from '../store/watchlist-store.js';

export interface WatchlistListing extends WatchlistRow {
  /** Newest first. */
  versions: WatchlistVersionRow[];
}

export async function listWatchlists(tx: Queryable): Promise<WatchlistListing[]> {
  return listVersions(tx);
}

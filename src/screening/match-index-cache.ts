/**
 * Match indexes kept in the process: building one over a large list takes seconds, screening against it
 * milliseconds. Keyed per store (a WeakMap on the Db object) and per list version, so a new version builds a new
 * index (the registry's own index is updated in place instead: ./registry-index.ts).
 */
import { MatchIndex } from '../matching/api.js';
import type { Db, Queryable } from '../store/db.js';
import { entriesAtVersion } from '../store/watchlist-store.js';
import { timeSlicer } from './time-slices.js';

const MAX_PER_STORE = 4;
const caches = new WeakMap<object, Map<string, Promise<MatchIndex>>>();

/** An index this process holds: what it covers, how many entries, since when (the server's metrics read these). */
export interface IndexStats {
  /** 'registry' (the persons of the registry) or 'watchlist'. */
  kind: string;
  entries: number;
  builtAt: number;
}

const MAX_TRACKED = 16;
const live = new Map<object, IndexStats>();

/** Records an index held elsewhere in the process (the registry's, ./registry-index.ts) for the metrics. */
export function noteIndex(owner: object, stats: IndexStats): void {
  live.delete(owner);
  live.set(owner, stats);
  while (live.size > MAX_TRACKED) live.delete(live.keys().next().value!);
}

/** The indexes built and still cached in this process. */
export function indexStats(): IndexStats[] {
  return [...live.values()];
}

/** The cached index for `key`, or the one `build` makes (the oldest is dropped beyond a few per store). */
export function cachedIndex(store: Db | Queryable, key: string, build: () => Promise<MatchIndex>): Promise<MatchIndex> {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new Map()));
  const found = cache.get(key);
  if (found) {
    // most recently used last
    cache.delete(key);
    cache.set(key, found);
    return found;
  }
  const built = build();
  cache.set(key, built);
  built.then((index) => {
    // Stores closed without evicting their indexes (tests open many) must not keep them alive here (MAX_TRACKED).
    if (cache.get(key) === built) noteIndex(built, { kind: key.split(':')[0]!, entries: index.size, builtAt: Date.now() });
  }, () => cache.delete(key));
  while (cache.size > MAX_PER_STORE) {
    const oldest = cache.keys().next().value!;
    live.delete(cache.get(oldest)! as object);
    cache.delete(oldest);
  }
  return built;
}

/**
 * The index of a list's entries at `version`, built an entry at a time between turns of the event loop (a list of
 * tens of thousands of entries takes seconds; the server answers other requests meanwhile).
 */
export function watchlistIndex(store: Db | Queryable, watchlistId: number, version: number): Promise<MatchIndex> {
  return cachedIndex(store, `watchlist:${watchlistId}:${version}`, async () => {
    const rows = await entriesAtVersion(store, watchlistId, version);
    const index = new MatchIndex();
    const slice = timeSlicer();
    for (const row of rows) {
      index.add(row.entry);
      await slice();
    }
    return index;
  });
}

/**
 * The figures of recent reports, kept in memory by whoever computes reports over time (the server creates one with
 * its context): figures as of now depend only on the log's contents, so they stay valid until the log grows; figures
 * as of an explicit time are kept the same way (a later import may carry an older recordedAt). A read never writes
 * the store: the cache lives and dies with its owner.
 */
import type { Queryable } from '../store/db.js';
import { logPosition } from '../store/event-store.js';

/** How many reports to remember: a page of trends and a few years' reports, as of now and as of a few moments. */
const CAPACITY = 64;

export interface FigureCache {
  /** The figures for `key` at the log's current position, computed by `compute` when not known yet. */
  get<T>(tx: Queryable, key: string, compute: () => Promise<T>): Promise<T>;
  /** How many times figures were computed rather than remembered (for tests). */
  readonly computations: number;
}

export function createFigureCache(capacity = CAPACITY): FigureCache {
  const entries = new Map<string, { position: number; value: unknown }>();
  let computations = 0;
  return {
    get computations() { return computations; },
    async get<T>(tx: Queryable, key: string, compute: () => Promise<T>): Promise<T> {
      const position = await logPosition(tx);
      const known = entries.get(key);
      if (known && known.position === position) return known.value as T;
      const value = await compute();
      computations += 1;
      entries.delete(key);
      entries.set(key, { position, value });
      if (entries.size > capacity) entries.delete(entries.keys().next().value!);
      return value;
    },
  };
}

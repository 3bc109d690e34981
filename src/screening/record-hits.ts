/**
 * Recording what a screening found: new pairs become hits, pairs found again are refreshed, and pairs the
 * screening looked at again but no longer found stop being current. A pair is raised (shown for review) when it
 * is new, when the data of either side changed since it was last found, or when it comes back; a pair reviewed on
 * the same data keeps its decision, so a rejected pair is not raised again unless the data change.
 */
import type { Queryable } from '../store/db.js';
import { findHits, hitKey, hitKeys, insertHits, markNotCurrent, updateHits, type FoundHit, type HitRow, type HitSource } from '../store/hits-store.js';

export interface RecordedHits {
  /** Hits found by this screening. */
  found: number;
  /** Hits raised for review: new, changed or back, and open. */
  raised: HitRow[];
  /** Hits no longer found. */
  gone: number;
}

export async function recordHits(
  tx: Queryable,
  input: {
    source: HitSource;
    watchlistId: number | null;
    listVersion: number | null;
    found: readonly FoundHit[];
    /** Whether the screening looked at this stored pair again (then not finding it means it is gone). */
    reevaluated: (pair: { personId: string; counterpart: string }) => boolean;
    at: string;
  },
): Promise<RecordedHits> {
  const existing = await hitKeys(tx, input.source, input.watchlistId);
  const foundKeys = new Set<string>();
  const raisedIds: number[] = [];
  const fresh: FoundHit[] = [];
  const again: Array<{ id: number; hit: FoundHit }> = [];
  for (const hit of input.found) {
    const key = hitKey(hit.counterpart, hit.personId);
    if (foundKeys.has(key)) continue;
    foundKeys.add(key);
    const stored = existing.get(key);
    if (!stored) {
      fresh.push(hit);
      continue;
    }
    if (stored.personHash !== hit.personHash || stored.counterpartHash !== hit.counterpartHash || !stored.current) raisedIds.push(stored.id);
    again.push({ id: stored.id, hit });
  }
  raisedIds.push(...await insertHits(tx, input.source, input.watchlistId, input.listVersion, fresh, input.at));
  await updateHits(tx, again, input.listVersion, input.at);
  const gone = [...existing.entries()]
    .filter(([key, stored]) => stored.current && !foundKeys.has(key) && input.reevaluated(stored))
    .map(([, stored]) => stored.id);
  await markNotCurrent(tx, gone);
  const raised = raisedIds.length ? await findHits(tx, { ids: raisedIds, statuses: ['open'] }) : [];
  return { found: foundKeys.size, raised, gone: gone.length };
}

/**
 * How many cases of a kind are in each phase on a date, as known at a moment; departure dossiers also counted by
 * Article 3 barrier.
 */
import type { CaseKind } from '../domain/event.js';
import type { Queryable } from '../store/db.js';
import type { AsOf } from '../domain/as-of.js';
import { listCases } from './list-cases.js';

export interface PhaseCount {
  phase: string;
  count: number;
  withArticle3Barrier?: number;
}

export async function countPhases(tx: Queryable, request: { kind: CaseKind; asOf: AsOf }): Promise<PhaseCount[]> {
  const phases = new Map<string, PhaseCount>();
  const departure = request.kind === 'departure';
  for (const item of await listCases(tx, request)) {
    const entry = phases.get(item.phase) ?? { phase: item.phase, count: 0, ...(departure ? { withArticle3Barrier: 0 } : {}) };
    entry.count += 1;
    if (departure && item.attributes.article3Barrier === true) entry.withArticle3Barrier! += 1;
    phases.set(item.phase, entry);
  }
  return [...phases.values()];
}

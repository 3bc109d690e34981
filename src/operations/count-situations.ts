/**
 * Criminal cases per situation (Syria, Iraq, …) on a date, as known at a moment: open and closed; the largest first.
 */
import type { Queryable } from '../store/db.js';
import { readStreams } from '../store/event-store.js';
import type { AsOf } from '../domain/as-of.js';
import { listCases } from './list-cases.js';

export interface SituationCount {
  situation: string | null;
  open: number;
  closed: number;
}

export async function countSituations(tx: Queryable, request: { asOf: AsOf }): Promise<SituationCount[]> {
  const cases = await listCases(tx, { kind: 'criminal', asOf: request.asOf });
  const streams = await readStreams(tx, cases.map((item) => item.stream));
  const bySituation = new Map<string | null, SituationCount>();
  for (const item of cases) {
    const opened = streams.get(item.stream)?.find((event) => event.type === 'criminal.opened');
    const situation = typeof opened?.data.situation === 'string' ? opened.data.situation : null;
    const entry = bySituation.get(situation) ?? { situation, open: 0, closed: 0 };
    if (item.phase === 'closed') entry.closed += 1; else entry.open += 1;
    bySituation.set(situation, entry);
  }
  return [...bySituation.values()].sort((a, b) => b.open + b.closed - (a.open + a.closed) || String(a.situation).localeCompare(String(b.situation)));
}

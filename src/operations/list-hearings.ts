/**
 * Upcoming court hearings of open criminal cases (criminal.hearing-scheduled) from a day on, soonest first.
 */
import type { Queryable } from '../store/db.js';
import { scheduledHearings } from '../store/registry-reads.js';
import type { AsOf } from '../domain/as-of.js';
import { listCases } from './list-cases.js';

export interface Hearing {
  case: string;
  date: string;
  court: string;
  phase: string;
  scheduledOn: string;
}

/** `asOf`: the cases' phases on its date as known at its moment; `from`: the first day of hearings shown. */
export async function listHearings(tx: Queryable, request: { asOf: AsOf; from: string; limit: number }): Promise<Hearing[]> {
  const rows = await scheduledHearings(tx, { from: request.from, asRecordedAt: request.asOf.recordedAt });
  const phases = new Map((await listCases(tx, { kind: 'criminal', asOf: request.asOf })).map((item) => [item.stream, item.phase]));
  return rows
    .filter((row) => phases.has(row.stream) && phases.get(row.stream) !== 'closed')
    .slice(0, request.limit)
    .map((row) => ({ case: row.stream, date: row.date, court: row.court, phase: phases.get(row.stream)!, scheduledOn: String(row.scheduledOn).slice(0, 10) }));
}

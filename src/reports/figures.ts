/**
 * The figures of the report's rows: stock counts from the case_segments projection, flow counts from the event log,
 * both "as recorded at" a transaction time (the SQL: src/store/segments.ts, src/store/flow-events.ts).
 */
import type { CaseKind } from '../domain/event.js';
import type { Queryable } from '../store/db.js';
import { countFlow as countFlowEvents, flowEvents as flowEventsOf, type FlowEvent } from '../store/flow-events.js';
import { casesAt, countCasesAt } from '../store/segments.js';
import type { FlowRow, StockRow } from './definitions.js';

export type { FlowEvent };

export interface Period {
  /** First day of the column's year. */
  from: string;
  /** The reference date: last day counted. */
  until: string;
  asRecordedAt: string;
}

/** Counts per value of `field` of the events of `type` dated in the period. */
export const countFlow = (tx: Queryable, type: string, field: string, period: Period) => countFlowEvents(tx, type, field, period);

export async function flowEvents(tx: Queryable, row: FlowRow, period: Period): Promise<FlowEvent[]> {
  return flowEventsOf(tx, { type: row.eventType, field: row.where.field, value: row.where.value }, period);
}

/** Counts of cases of `kind` in `phases`, split by one attribute, on the reference date. */
export async function countStock(
  tx: Queryable, kind: CaseKind, phases: readonly string[], attribute: string | undefined, period: Period,
): Promise<(row: StockRow) => number> {
  const counts = await countCasesAt(tx, { kind, phases, date: period.until, asRecordedAt: period.asRecordedAt, attribute });
  return (row) => counts
    .filter((count) => row.phases.includes(count.phase))
    .filter((count) => !row.attribute || count.attribute === String(row.attribute.value) || (row.attribute.value === false && count.attribute === null))
    .reduce((sum, count) => sum + count.count, 0);
}

export interface StockCase {
  stream: string;
  phase: string;
  since: string;
  sinceEvent: string;
}

export async function stockCases(tx: Queryable, row: StockRow, period: Period): Promise<StockCase[]> {
  const cases = await casesAt(tx, { kind: row.kind, date: period.until, asRecordedAt: period.asRecordedAt, phases: row.phases });
  return cases
    .filter((item) => !row.attribute || (item.attributes[row.attribute.name] ?? false) === row.attribute.value)
    .map((item) => ({ stream: item.stream, phase: item.phase, since: item.validFrom, sinceEvent: item.sinceEvent }));
}

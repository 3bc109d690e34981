/**
 * The SQL behind the figures: stock counts from the case_segments projection, flow counts from the event log, both
 * "as recorded at" a transaction time (an event counts once the registry knew it, and stops counting once it was
 * retracted).
 */
import type { CaseKind } from '../domain/event.js';
import type { Queryable } from '../store/db.js';
import { casesAt, countCasesAt } from '../store/segments.js';
import type { FlowRow, StockRow } from './definitions.js';

export interface Period {
  /** First day of the column's year. */
  from: string;
  /** The reference date: last day counted. */
  until: string;
  asRecordedAt: string;
}

const VISIBLE_AT = `e.recorded_at <= $4::timestamptz
  AND NOT EXISTS (SELECT 1 FROM events r WHERE r.type = 'retracted' AND r.data ->> 'event' = e.id AND r.recorded_at <= $4::timestamptz)`;

/** Counts per value of `field` of the events of `type` dated in the period. */
export async function countFlow(tx: Queryable, type: string, field: string, period: Period): Promise<Map<string, number>> {
  const rows = await tx.query<{ value: string | null; count: number }>(
    `SELECT e.data ->> $5::text AS value, count(*)::integer AS count FROM events e
     WHERE e.type = $1 AND e.date BETWEEN $2::date AND $3::date AND ${VISIBLE_AT}
     GROUP BY 1`,
    [type, period.from, period.until, period.asRecordedAt, field],
  );
  return new Map(rows.map((row) => [row.value ?? '', row.count]));
}

export interface FlowEvent {
  eventId: string;
  stream: string;
  date: string;
  recordedAt: string;
}

export async function flowEvents(tx: Queryable, row: FlowRow, period: Period): Promise<FlowEvent[]> {
  return tx.query<FlowEvent>(
    `SELECT e.id AS "eventId", e.stream, e.date, e.recorded_at AS "recordedAt" FROM events e
     WHERE e.type = $1 AND e.date BETWEEN $2::date AND $3::date AND ${VISIBLE_AT} AND e.data ->> $5::text = $6
     ORDER BY e.date, e.stream`,
    [row.eventType, period.from, period.until, period.asRecordedAt, row.where.field, row.where.value],
  );
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

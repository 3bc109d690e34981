/**
 * The SQL of the report's flow rows: events of a type dated in a period, as recorded at a moment (bitemporal.ts).
 */
import { visibleAsRecordedAt } from './bitemporal.js';
import type { Queryable } from './db.js';

export interface FlowPeriod {
  /** First day counted. */
  from: string;
  /** Last day counted. */
  until: string;
  asRecordedAt: string;
}

/** Counts per value of `field` of the events of `type` dated in the period. */
export async function countFlow(tx: Queryable, type: string, field: string, period: FlowPeriod): Promise<Map<string, number>> {
  const rows = await tx.query<{ value: string | null; count: number }>(
    `SELECT e.data ->> $5::text AS value, count(*)::integer AS count FROM events e
     WHERE e.type = $1 AND e.date BETWEEN $2::date AND $3::date AND ${visibleAsRecordedAt('e', '$4::timestamptz')}
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

/** The events of `type` dated in the period whose `field` has `value`, by date. */
export async function flowEvents(tx: Queryable, query: { type: string; field: string; value: string }, period: FlowPeriod): Promise<FlowEvent[]> {
  return tx.query<FlowEvent>(
    `SELECT e.id AS "eventId", e.stream, e.date, e.recorded_at AS "recordedAt" FROM events e
     WHERE e.type = $1 AND e.date BETWEEN $2::date AND $3::date AND ${visibleAsRecordedAt('e', '$4::timestamptz')} AND e.data ->> $5::text = $6
     ORDER BY e.date, e.stream`,
    [query.type, period.from, period.until, period.asRecordedAt, query.field, query.value],
  );
}

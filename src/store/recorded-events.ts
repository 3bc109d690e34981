/**
 * Pages of the events of one type as the registry knew them at a moment (bitemporal.ts): the judge's authorisations
 * and the information shared about 1F decisions are read this way.
 */
import { visibleAsRecordedAt } from './bitemporal.js';
import type { Queryable } from './db.js';

export interface TypedEventRow {
  seq: number;
  id: string;
  stream: string;
  /** YYYY-MM-DD */
  date: string;
  recordedAt: Date | string;
  data: Record<string, unknown>;
}

export interface TypedEventFilter {
  type: string;
  /** Only events naming this person. */
  personId?: string | undefined;
  /** Only events of this stream. */
  stream?: string | undefined;
  /** Only events whose data's `recipient` is this. */
  recipient?: string | undefined;
  /** Only events dated on or after this day. */
  from?: string | undefined;
  /** Only events dated on or before this day. */
  until?: string | undefined;
  afterSeq?: number | undefined;
  limit: number;
  recordedAsOf: Date;
}

/** The events of a type recorded by `recordedAsOf` and not retracted by then, in log order. */
export async function eventsOfType(tx: Queryable, filter: TypedEventFilter): Promise<TypedEventRow[]> {
  return tx.query<TypedEventRow>(
    `SELECT s.seq::int AS seq, s.id, s.stream, to_char(s.date, 'YYYY-MM-DD') AS date, s.recorded_at AS "recordedAt", s.data
     FROM events s
     WHERE s.type = $1 AND ($2::text IS NULL OR s.refs @> ARRAY['person/' || $2]::text[]) AND ($3::text IS NULL OR s.stream = $3)
       AND ($4::text IS NULL OR s.data ->> 'recipient' = $4) AND ($5::date IS NULL OR s.date >= $5::date) AND ($6::date IS NULL OR s.date <= $6::date)
       AND s.seq > $7 AND ${visibleAsRecordedAt('s', '$9::timestamptz')}
     ORDER BY s.seq LIMIT $8`,
    [filter.type, filter.personId ?? null, filter.stream ?? null, filter.recipient ?? null, filter.from ?? null, filter.until ?? null,
      filter.afterSeq ?? 0, filter.limit, filter.recordedAsOf.toISOString()],
  );
}

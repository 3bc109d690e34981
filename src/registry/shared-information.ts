/**
 * What the IND shared of its 1F files under the bill (`exclusion.information-shared`, README, the interchange
 * format): per share the parts it selected — acts (where, when, which conduct), role, grounds, summary — and
 * nothing else of the file. Read as the registry knows it at `recordedAsOf`: a retracted share is gone.
 */
import type { Act } from '../domain/events/fields.js';
import type { Queryable } from '../store/db.js';

export const SHARE_TYPE = 'exclusion.information-shared';

export interface SharedInformation {
  /** The id of the share event. */
  id: string;
  exclusionCase: string;
  personId: string;
  recipient: string;
  /** The day of the share. */
  date: string;
  recordedAt: string;
  /** The parts shared, exactly as the IND selected them. */
  parts: { acts?: Act[]; role?: string; grounds?: string | string[]; summary?: string };
}

export interface ShareFilter {
  personId?: string;
  exclusionCase?: string;
  /** Only shares with this recipient (the OM reads only what was shared with it). */
  recipient?: string;
  /** Only shares dated on or after this day (a regime's effective date). */
  from?: string;
  /** Only shares dated on or before this day. */
  until: string;
  recordedAsOf: Date;
  afterSeq?: number;
  limit: number;
}

export async function listShares(tx: Queryable, filter: ShareFilter): Promise<Array<SharedInformation & { seq: number }>> {
  const rows = await tx.query<{ seq: number; id: string; stream: string; date: string; recordedAt: Date | string; data: Record<string, unknown> }>(
    `SELECT s.seq::int AS seq, s.id, s.stream, to_char(s.date, 'YYYY-MM-DD') AS date, s.recorded_at AS "recordedAt", s.data
     FROM events s
     WHERE s.type = $1 AND ($2::text IS NULL OR s.refs @> ARRAY['person/' || $2]::text[]) AND ($3::text IS NULL OR s.stream = 'exclusion/' || $3)
       AND ($4::text IS NULL OR s.data ->> 'recipient' = $4) AND ($5::date IS NULL OR s.date >= $5::date) AND s.date <= $6::date
       AND s.seq > $7 AND s.recorded_at <= $9::timestamptz
       AND NOT EXISTS (SELECT 1 FROM events r WHERE r.type = 'retracted' AND r.data ->> 'event' = s.id AND r.stream = s.stream
                         AND r.recorded_at <= $9::timestamptz)
     ORDER BY s.seq LIMIT $8`,
    [SHARE_TYPE, filter.personId ?? null, filter.exclusionCase ?? null, filter.recipient ?? null, filter.from ?? null, filter.until,
      filter.afterSeq ?? 0, filter.limit, filter.recordedAsOf.toISOString()],
  );
  return rows.map((row) => {
    const { recipient, person, ...parts } = row.data as { recipient: string; person: string } & SharedInformation['parts'];
    return {
      seq: Number(row.seq), id: row.id, exclusionCase: row.stream.slice('exclusion/'.length), personId: person, recipient,
      date: row.date, recordedAt: new Date(row.recordedAt).toISOString(), parts,
    };
  });
}

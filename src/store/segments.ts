/**
 * The SQL of the case_segments projection: the bitemporal state history of every case, rebuilt per stream from
 * its events whenever the stream changes. Stock figures and case lists read it.
 */
import type { CaseKind, RecordedEvent } from '../domain/event.js';
import { bitemporalSegments } from '../domain/replay.js';
import { segmentOnDate } from './bitemporal.js';
import type { Queryable } from './db.js';

export interface SegmentRow {
  stream: string;
  kind: CaseKind;
  phase: string;
  attributes: Record<string, unknown>;
  validFrom: string;
  validUntil: string | null;
  recordedFrom: string;
  recordedUntil: string | null;
  sinceEvent: string;
}

/** The projection rows of one case: its bitemporal phase history, replayed from all its events. */
export function segmentRowsOf(stream: string, kind: CaseKind, events: readonly RecordedEvent[]): SegmentRow[] {
  return bitemporalSegments(kind, events).map((segment) => ({
    stream,
    kind,
    phase: segment.phase,
    attributes: segment.attributes,
    validFrom: segment.from,
    validUntil: segment.until,
    recordedFrom: segment.recordedFrom,
    recordedUntil: segment.recordedUntil,
    sinceEvent: segment.sinceEventId,
  }));
}

/** Replaces the projection rows of `streams` by `rows` (which may hold rows for a subset of them). */
export async function replaceSegments(tx: Queryable, streams: readonly string[], rows: readonly SegmentRow[], streamsAreNew = false): Promise<void> {
  if (!streamsAreNew && streams.length > 0) {
    await tx.query('DELETE FROM case_segments WHERE stream = ANY($1::text[])', [streams]);
  }
  const chunk = 5000;
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    await tx.query(
      `INSERT INTO case_segments (stream, kind, phase, attributes, valid_from, valid_until, recorded_from, recorded_until, since_event)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::date[], $6::date[], $7::timestamptz[], $8::timestamptz[], $9::text[])`,
      [
        part.map((row) => row.stream),
        part.map((row) => row.kind),
        part.map((row) => row.phase),
        part.map((row) => JSON.stringify(row.attributes)),
        part.map((row) => row.validFrom),
        part.map((row) => row.validUntil),
        part.map((row) => row.recordedFrom),
        part.map((row) => row.recordedUntil),
        part.map((row) => row.sinceEvent),
      ],
    );
  }
}

export interface CaseAt {
  stream: string;
  phase: string;
  attributes: Record<string, unknown>;
  validFrom: string;
  sinceEvent: string;
}

/**
 * The cases of one kind as they stood on `date`, as the registry knew it at `asRecordedAt`: one row per case that
 * existed then, in stream order (after a stream cursor and up to a limit when paged). The SQL that every stock figure
 * and case list stands on.
 */
export async function casesAt(
  tx: Queryable,
  query: { kind: CaseKind; date: string; asRecordedAt: string; phases?: readonly string[]; after?: string; limit?: number },
): Promise<CaseAt[]> {
  return tx.query<CaseAt>(
    `SELECT stream, phase, attributes, valid_from AS "validFrom", since_event AS "sinceEvent"
     FROM case_segments
     WHERE kind = $1 AND ${segmentOnDate('$2::date', '$3::timestamptz')}
       AND ($4::text[] IS NULL OR phase = ANY($4::text[])) AND stream > $5
     ORDER BY stream LIMIT $6`,
    [query.kind, query.date, query.asRecordedAt, query.phases ?? null, query.after ?? '', query.limit ?? null],
  );
}

export interface PhaseCount {
  phase: string;
  /** The value of the requested attribute, as text ('true', 'false') or null. */
  attribute: string | null;
  count: number;
}

/**
 * Counts of cases per phase (and per one attribute) on `date` as known at `asRecordedAt`, for the given phases only:
 * the (kind, phase, valid_from) index then skips the bulk of the history, the cases long closed.
 */
export async function countCasesAt(
  tx: Queryable,
  query: { kind: CaseKind; date: string; asRecordedAt: string; phases: readonly string[]; attribute?: string },
): Promise<PhaseCount[]> {
  return tx.query<PhaseCount>(
    `SELECT phase, attributes ->> $4::text AS attribute, count(*)::integer AS count
     FROM case_segments
     WHERE kind = $1 AND phase = ANY($5::text[]) AND ${segmentOnDate('$2::date', '$3::timestamptz')}
     GROUP BY 1, 2`,
    [query.kind, query.date, query.asRecordedAt, query.attribute ?? '', query.phases],
  );
}

export type CaseSort = 'case' | 'since';
export type SortOrder = 'asc' | 'desc';

/**
 * One page of the cases of a kind on `date` as known at `asRecordedAt`, sorted by case id or by the day the case
 * entered its phase, either way, with a keyset cursor (`after`: the last row's `id` for sort 'case', its
 * `validFrom|stream` for sort 'since'), so a page costs the same however deep. `text` narrows to cases whose id, or
 * a name of a person the case names (as registered or added as alias), contains it (case-insensitive).
 */
export async function pageCasesAt(
  tx: Queryable,
  query: {
    kind: CaseKind; date: string; asRecordedAt: string; phases?: readonly string[]; text?: string;
    sort: CaseSort; order: SortOrder; after?: string; limit: number;
  },
): Promise<CaseAt[]> {
  const descending = query.order === 'desc';
  const comparison = descending ? '<' : '>';
  const direction = descending ? 'DESC' : 'ASC';
  const [cursorDate, cursorStream] = query.sort === 'since' && query.after ? splitSinceCursor(query.after) : [null, query.after ?? null];
  const keyset = query.sort === 'since'
    ? `($7::date IS NULL OR (valid_from, stream) ${comparison} ($7::date, $8::text))`
    : `($7::text IS NULL OR stream ${comparison} $7::text)`;
  const order = query.sort === 'since' ? `valid_from ${direction}, stream ${direction}` : `stream ${direction}`;
  const pattern = query.text ? `%${query.text.replace(/[\\%_]/g, (character) => `\\${character}`)}%` : null;
  return tx.query<CaseAt>(
    `SELECT stream, phase, attributes, valid_from AS "validFrom", since_event AS "sinceEvent"
     FROM case_segments s
     WHERE kind = $1 AND ${segmentOnDate('$2::date', '$3::timestamptz')}
       AND ($4::text[] IS NULL OR phase = ANY($4::text[]))
       AND ($5::text IS NULL OR stream ILIKE $5 OR EXISTS (
         SELECT 1 FROM events o JOIN events p ON p.stream = ANY(o.refs)
         WHERE o.stream = s.stream AND p.type IN ('person.registered', 'person.alias-added') AND p.data::text ILIKE $5))
       AND ${keyset}
     ORDER BY ${order} LIMIT $6`,
    [query.kind, query.date, query.asRecordedAt, query.phases ?? null, pattern, query.limit, ...(query.sort === 'since' ? [cursorDate, cursorStream] : [cursorStream])],
  );
}

/** The cursor of sort 'since': `2024-05-01|criminal/SZ-2019-004`. */
export function sinceCursor(row: Pick<CaseAt, 'validFrom' | 'stream'>): string {
  return `${String(row.validFrom).slice(0, 10)}|${row.stream}`;
}

function splitSinceCursor(cursor: string): [string | null, string | null] {
  const match = /^(\d{4}-\d{2}-\d{2})\|(.+)$/.exec(cursor);
  return match ? [match[1]!, match[2]!] : [null, null];
}

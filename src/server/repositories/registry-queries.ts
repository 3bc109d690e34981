/**
 * The SQL the API needs beyond the CLI's: paged case lists, the persons a role may see, export pages with the
 * persons they concern.
 */
import type { CaseKind } from '../../domain/event.js';
import type { Queryable } from '../../store/db.js';
import type { StoredEvent } from '../../store/event-store.js';

export interface CaseRow {
  stream: string;
  phase: string;
  attributes: Record<string, unknown>;
  validFrom: string;
  sinceEvent: string;
}

/** The cases of one kind on `date` as known at `asRecordedAt`, after a stream cursor (the segments projection). */
export async function pageCases(
  tx: Queryable, query: { kind: CaseKind; date: string; asRecordedAt: string; phase?: string; after?: string; limit: number },
): Promise<CaseRow[]> {
  return tx.query<CaseRow>(
    `SELECT stream, phase, attributes, valid_from AS "validFrom", since_event AS "sinceEvent"
     FROM case_segments
     WHERE kind = $1
       AND valid_from <= $2::date AND (valid_until IS NULL OR valid_until > $2::date)
       AND recorded_from <= $3::timestamptz AND (recorded_until IS NULL OR recorded_until > $3::timestamptz)
       AND ($4::text IS NULL OR phase = $4) AND stream > $5
     ORDER BY stream LIMIT $6`,
    [query.kind, query.date, query.asRecordedAt, query.phase ?? null, query.after ?? '', query.limit],
  );
}

/** Person ids (in id order, after a cursor) named by a case of one of `kinds`. */
export async function pagePersonIds(tx: Queryable, query: { kinds: readonly string[]; after?: string; limit: number }): Promise<string[]> {
  if (query.kinds.length === 0) return [];
  const rows = await tx.query<{ stream: string }>(
    `SELECT p.stream FROM events p
     WHERE p.type = 'person.registered' AND p.stream > $1
       AND EXISTS (SELECT 1 FROM events e WHERE e.refs @> ARRAY[p.stream] AND e.kind = ANY($2::text[]))
     ORDER BY p.stream LIMIT $3`,
    [`person/${query.after ?? ''}`, query.kinds, query.limit],
  );
  return rows.map((row) => row.stream.slice('person/'.length));
}

export interface ExportRow extends StoredEvent {
  refs: string[];
}

/** One page of the log in order of arrival, only the given kinds (and stream). */
export async function pageExport(
  tx: Queryable, query: { kinds: readonly string[]; stream?: string; afterSeq: number; limit: number },
): Promise<ExportRow[]> {
  return tx.query<ExportRow>(
    `SELECT seq, id, stream, type, date, recorded_at AS "recordedAt", data, refs, import_id AS "importId",
            origin_file AS "originFile", origin_line AS "originLine"
     FROM events WHERE seq > $1 AND kind = ANY($2::text[]) AND ($3::text IS NULL OR stream = $3)
     ORDER BY seq LIMIT $4`,
    [query.afterSeq, query.kinds, query.stream ?? null, query.limit],
  );
}

/** The person ids the given streams name (for the access log of lists and explanations). */
export async function personsOfStreams(tx: Queryable, streams: readonly string[]): Promise<string[]> {
  if (streams.length === 0) return [];
  const rows = await tx.query<{ ref: string }>(
    `SELECT DISTINCT ref FROM events CROSS JOIN LATERAL unnest(refs) AS r(ref)
     WHERE stream = ANY($1::text[]) AND ref LIKE 'person/%' ORDER BY ref`,
    [streams],
  );
  return rows.map((row) => row.ref.slice('person/'.length));
}

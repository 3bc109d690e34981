/**
 * The SQL of the proof matrix and the evidence-at-risk list (R8, README "What each case rests on"): the offences a
 * case was opened for, the element links an import added, and every element link standing now with what R8 needs of
 * its item (availability, the originator's conditions and consent, verification, source), read straight from the
 * event log under the bitemporal rule (./bitemporal.ts).
 */
import type { Queryable } from './db.js';
import { visibleAsRecordedAt } from './bitemporal.js';

export interface ImportedElementLink {
  caseStream: string;
  offence: string;
  element: string;
  /** The offences of criminal.opened of the case (null: not a criminal case, or none known). */
  caseOffences: string[] | null;
  originFile: number;
  originLine: number;
}

/** The element links an import added, each with the offences its (criminal) case was opened for. */
export async function importedElementLinks(tx: Queryable, importId: number, limit: number): Promise<ImportedElementLink[]> {
  return tx.query<ImportedElementLink>(
    `SELECT COALESCE('criminal/' || (e.data ->> 'criminalCase'), 'exclusion/' || (e.data ->> 'exclusionCase')) AS "caseStream",
            e.data ->> 'offence' AS offence, e.data ->> 'element' AS element,
            (SELECT array_agg(DISTINCT o.value) FROM events c CROSS JOIN LATERAL jsonb_array_elements_text(c.data -> 'offences') AS o(value)
              WHERE c.stream = 'criminal/' || (e.data ->> 'criminalCase') AND c.type = 'criminal.opened'
                AND NOT EXISTS (SELECT 1 FROM events r WHERE r.type = 'retracted' AND r.stream = c.stream AND r.data ->> 'event' = c.id)) AS "caseOffences",
            e.origin_file AS "originFile", e.origin_line AS "originLine"
     FROM events e WHERE e.import_id = $1 AND e.type = 'evidence.element-linked' ORDER BY e.seq LIMIT $2`,
    [importId, limit],
  );
}

/** One standing link of an evidence item to an element, with what R8 needs of the item (as the registry knows it). */
export interface StandingElementLink {
  item: string;
  title: string;
  caseStream: string;
  offence: string;
  element: string;
  relation: 'supports' | 'contradicts' | 'context';
  sourceType: string;
  /** The originator its conditions name, else the source's name; null when neither is recorded. */
  originator: string | null;
  available: boolean;
  unavailableSince: string | null;
  unavailableReason: string | null;
  conditions: 'lead-only' | 'evidence-with-consent' | 'evidence' | null;
  consent: 'none' | 'asked' | 'given' | 'refused';
  verification: 'verified' | 'unverified' | 'failed';
}

const EVIDENCE_TYPES = [
  'evidence.registered', 'evidence.verified', 'evidence.element-linked', 'evidence.element-unlinked', 'evidence.conditions-set',
  'evidence.consent-requested', 'evidence.consent-given', 'evidence.consent-refused', 'evidence.availability-changed',
];

/**
 * Every standing element link of the (case, offence, element) groups with a supporting item that matches the
 * material asked about (originator and/or source type; all material when neither is given) or that is no longer
 * available — on `date` as the registry knew it at `moment`. The latest event of a kind wins in the log's order of a
 * stream (date, recordedAt, arrival), as the replay does; the import validated every stream in that order.
 */
export async function standingElementLinks(
  tx: Queryable, request: { date: string; moment: string; originator?: string; sourceType?: string },
): Promise<StandingElementLink[]> {
  const rows = await tx.query<StandingElementLink & { confirmed: number | string; failed: boolean | null }>(
    `WITH ${EVIDENCE_TYPES.map((type) => `"${type}" AS MATERIALIZED (
       SELECT e.stream, e.date, e.recorded_at, e.seq, e.data FROM events e
       WHERE e.type = '${type}' AND e.date <= $1::date AND ${visibleAsRecordedAt('e', '$2::timestamptz')}
     )`).join(',\n     ')},
     links AS (
       SELECT l.stream, COALESCE('criminal/' || (l.data ->> 'criminalCase'), 'exclusion/' || (l.data ->> 'exclusionCase')) AS case_stream,
              l.data ->> 'offence' AS offence, l.data ->> 'element' AS element, l.data ->> 'relation' AS relation
       FROM "evidence.element-linked" l
       WHERE NOT EXISTS (SELECT 1 FROM "evidence.element-unlinked" u WHERE u.stream = l.stream
               AND u.data ->> 'offence' = l.data ->> 'offence' AND u.data ->> 'element' = l.data ->> 'element'
               AND COALESCE(u.data ->> 'criminalCase', '') = COALESCE(l.data ->> 'criminalCase', '')
               AND COALESCE(u.data ->> 'exclusionCase', '') = COALESCE(l.data ->> 'exclusionCase', '')
               AND (u.date, u.recorded_at, u.seq) > (l.date, l.recorded_at, l.seq))
     ),
     reg AS (
       SELECT DISTINCT ON (stream) stream, data -> 'source' ->> 'type' AS source_type, data -> 'source' ->> 'name' AS source_name, data ->> 'title' AS title
       FROM "evidence.registered" ORDER BY stream, date, recorded_at, seq
     ),
     avail AS (
       SELECT DISTINCT ON (stream) stream, (data ->> 'available')::boolean AS available, data ->> 'reason' AS reason, date
       FROM "evidence.availability-changed" ORDER BY stream, date DESC, recorded_at DESC, seq DESC
     ),
     cond AS (
       SELECT DISTINCT ON (stream) stream, data ->> 'conditions' AS conditions, data ->> 'originator' AS originator, date, recorded_at, seq
       FROM "evidence.conditions-set" ORDER BY stream, date DESC, recorded_at DESC, seq DESC
     ),
     consent AS (
       SELECT DISTINCT ON (c.stream) c.stream, c.type
       FROM (SELECT *, 'evidence.consent-requested' AS type FROM "evidence.consent-requested"
             UNION ALL SELECT *, 'evidence.consent-given' FROM "evidence.consent-given"
             UNION ALL SELECT *, 'evidence.consent-refused' FROM "evidence.consent-refused") c
         JOIN cond k ON k.stream = c.stream AND (c.date, c.recorded_at, c.seq) > (k.date, k.recorded_at, k.seq)
       ORDER BY c.stream, c.date DESC, c.recorded_at DESC, c.seq DESC
     ),
     ver AS (
       SELECT stream, bool_or(outcome = 'refuted') AS failed, count(*) FILTER (WHERE outcome = 'confirmed') AS confirmed FROM (
         SELECT DISTINCT ON (stream, data ->> 'step') stream, data ->> 'outcome' AS outcome
         FROM "evidence.verified" ORDER BY stream, data ->> 'step', date DESC, recorded_at DESC, seq DESC
       ) steps GROUP BY stream
     ),
     rows AS (
       SELECT substr(l.stream, length('evidence/') + 1) AS item, COALESCE(reg.title, '') AS title, l.case_stream AS "caseStream", l.offence, l.element, l.relation,
              COALESCE(reg.source_type, 'other') AS "sourceType", COALESCE(cond.originator, reg.source_name) AS originator,
              COALESCE(avail.available, true) AS available,
              CASE WHEN avail.available = false THEN to_char(avail.date, 'YYYY-MM-DD') END AS "unavailableSince",
              CASE WHEN avail.available = false THEN avail.reason END AS "unavailableReason",
              cond.conditions,
              CASE consent.type WHEN 'evidence.consent-requested' THEN 'asked' WHEN 'evidence.consent-given' THEN 'given'
                                WHEN 'evidence.consent-refused' THEN 'refused' ELSE 'none' END AS consent,
              COALESCE(ver.confirmed, 0) AS confirmed, ver.failed
       FROM links l LEFT JOIN reg USING (stream) LEFT JOIN avail USING (stream) LEFT JOIN cond USING (stream)
         LEFT JOIN consent USING (stream) LEFT JOIN ver USING (stream)
     ),
     candidates AS (
       SELECT DISTINCT "caseStream", offence, element FROM rows
       WHERE relation = 'supports' AND (NOT available OR (
         ($3::text IS NULL OR lower(originator) = lower($3::text)) AND ($4::text IS NULL OR "sourceType" = $4::text)))
     )
     SELECT rows.* FROM rows JOIN candidates USING ("caseStream", offence, element)
     ORDER BY "caseStream", offence, element, item`,
    [request.date, request.moment, request.originator ?? null, request.sourceType ?? null],
  );
  return rows.map(({ confirmed, failed, ...row }) => ({
    ...row,
    verification: failed ? 'failed' : Number(confirmed) >= 3 ? 'verified' : 'unverified',
  }));
}

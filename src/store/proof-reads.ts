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
 * The CTEs that replay the standing of evidence items from the log (the latest event of a kind wins in the log's order
 * of a stream: date, recordedAt, arrival, as the replay does; the import validated every stream in that order):
 * `links` (the standing element links), `reg`, `avail`, `cond`, `consent` and `ver` (per item). Over the events on
 * legal date `date` or before, as the registry knew them at `moment`; of the streams in `scope` (an SQL text[]) only
 * when one is given. Shared by the evidence-at-risk list as recorded at any moment (below) and by the evidence
 * standing projection (./evidence-standing.ts), which runs them over every event.
 */
export function evidenceStandingCtes(date: string, moment: string, scope?: string): string {
  return `${EVIDENCE_TYPES.map((type) => `"${type}" AS MATERIALIZED (
       SELECT e.stream, e.date, e.recorded_at, e.seq, e.data FROM events e
       WHERE e.type = '${type}' AND e.date <= ${date} AND ${visibleAsRecordedAt('e', moment)}${scope ? ` AND e.stream = ANY(${scope})` : ''}
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
     )`;
}

/**
 * The standing of an item as columns, from the CTEs above joined on its stream (each may be missing): title, source
 * type, originator, availability (and since when, why), conditions, consent, verification (three confirmed steps and
 * none refuted: verified).
 */
export const EVIDENCE_STANDING_COLUMNS = `COALESCE(reg.title, '') AS title, COALESCE(reg.source_type, 'other') AS source_type,
       COALESCE(cond.originator, reg.source_name) AS originator, COALESCE(avail.available, true) AS available,
       CASE WHEN avail.available = false THEN avail.date END AS unavailable_since,
       CASE WHEN avail.available = false THEN avail.reason END AS unavailable_reason,
       cond.conditions,
       CASE consent.type WHEN 'evidence.consent-requested' THEN 'asked' WHEN 'evidence.consent-given' THEN 'given'
                         WHEN 'evidence.consent-refused' THEN 'refused' ELSE 'none' END AS consent,
       CASE WHEN ver.failed THEN 'failed' WHEN COALESCE(ver.confirmed, 0) >= 3 THEN 'verified' ELSE 'unverified' END AS verification`;

/** The joins EVIDENCE_STANDING_COLUMNS reads, onto a relation that has `stream`. */
export const EVIDENCE_STANDING_JOINS = 'LEFT JOIN reg USING (stream) LEFT JOIN avail USING (stream) LEFT JOIN cond USING (stream) LEFT JOIN consent USING (stream) LEFT JOIN ver USING (stream)';

/**
 * From `rows` (one per standing element link, with the item's standing as StandingElementLink's columns): those of
 * the (case, offence, element) groups with a supporting item of the material asked about (originator and source
 * type: SQL text parameters, null for any; an item's originator is its source type when none is recorded, as the
 * list names it). Only such a group can be at risk or lost through that material.
 */
const candidateRows = (originator: string, sourceType: string) => `candidates AS (
       SELECT DISTINCT "caseStream", offence, element FROM rows
       WHERE relation = 'supports' AND ${materialIs(originator, sourceType, 'coalesce(originator, "sourceType")', '"sourceType"')}
     )
     SELECT rows.* FROM rows JOIN candidates USING ("caseStream", offence, element)
     ORDER BY "caseStream", offence, element, item`;

/** Whether an item is of the material asked about (parameters `originator`, `sourceType`; null for any). */
const materialIs = (originator: string, sourceType: string, originatorColumn: string, sourceTypeColumn: string) =>
  `(${originator}::text IS NULL OR lower(${originatorColumn}) = lower(${originator}::text)) AND (${sourceType}::text IS NULL OR ${sourceTypeColumn} = ${sourceType}::text)`;

/** StandingElementLink's columns from `standing` columns named as EVIDENCE_STANDING_COLUMNS names them. */
const LINK_ROW_COLUMNS = `substr(l.stream, length('evidence/') + 1) AS item, s.title, l.case_stream AS "caseStream", l.offence, l.element, l.relation,
              s.source_type AS "sourceType", s.originator, s.available, to_char(s.unavailable_since, 'YYYY-MM-DD') AS "unavailableSince",
              s.unavailable_reason AS "unavailableReason", s.conditions, s.consent, s.verification`;

/** What the evidence-at-risk list asks for: material of an originator and/or a source type (all material when neither). */
export interface MaterialFilter {
  originator?: string;
  sourceType?: string;
}

/**
 * Every standing element link of the (case, offence, element) groups with a supporting item of the material asked
 * about (originator and/or source type; all material when neither is given) — on `date` as the registry knew it at `moment`, replayed from the event log. For now (no earlier moment,
 * no earlier date than any item's events), the projection gives the same rows faster (./evidence-standing.ts).
 */
export async function standingElementLinks(
  tx: Queryable, request: { date: string; moment: string } & MaterialFilter,
): Promise<StandingElementLink[]> {
  return tx.query<StandingElementLink>(
    `WITH ${evidenceStandingCtes('$1::date', '$2::timestamptz')},
     standing AS (SELECT stream, ${EVIDENCE_STANDING_COLUMNS} FROM (SELECT DISTINCT stream FROM links) items ${EVIDENCE_STANDING_JOINS}),
     rows AS (SELECT ${LINK_ROW_COLUMNS} FROM links l JOIN standing s USING (stream)),
     ${candidateRows('$3', '$4')}`,
    [request.date, request.moment, request.originator ?? null, request.sourceType ?? null],
  );
}

/**
 * The same rows as standingElementLinks for now, read from the evidence standing projection (migration 036): from the
 * items of the material asked about (by index), to the groups they support, to every link of those groups.
 */
export async function currentElementLinks(tx: Queryable, request: MaterialFilter): Promise<StandingElementLink[]> {
  return tx.query<StandingElementLink>(
    `WITH matched AS (
       SELECT stream FROM evidence_standing WHERE ${materialIs('$1', '$2', 'coalesce(originator, source_type)', 'source_type')}
     ),
     groups AS (
       SELECT DISTINCT l.case_stream, l.offence, l.element FROM evidence_element_links l JOIN matched USING (stream) WHERE l.relation = 'supports'
     )
     SELECT ${LINK_ROW_COLUMNS}
     FROM groups g JOIN evidence_element_links l USING (case_stream, offence, element) JOIN evidence_standing s ON s.stream = l.stream
     ORDER BY "caseStream", offence, element, item`,
    [request.originator ?? null, request.sourceType ?? null],
  );
}

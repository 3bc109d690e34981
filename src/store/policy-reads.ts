/**
 * The look-ups behind the access and write policies (src/policy/conditions.ts RegistryFacts, write-policy.ts
 * WriteFacts): small indexed reads on the event log, the case projection, the imports and the accounts. The judge's
 * authorisations are read as the registry knew them at a moment (bitemporal.ts).
 */
import { visibleAsRecordedAt } from './bitemporal.js';
import type { Queryable } from './db.js';

/** Whether some event of a case of these kinds names the person. */
export async function personNamedInKinds(tx: Queryable, personId: string, kinds: readonly string[]): Promise<boolean> {
  if (kinds.length === 0) return false;
  const rows = await tx.query('SELECT 1 FROM events WHERE refs @> ARRAY[$1]::text[] AND kind = ANY($2::text[]) LIMIT 1', [`person/${personId}`, kinds]);
  return rows.length > 0;
}

/** The ids of the persons the events of a stream name, sorted. */
export async function personsNamedInStream(tx: Queryable, stream: string): Promise<string[]> {
  const rows = await tx.query<{ ref: string }>(
    "SELECT DISTINCT ref FROM events CROSS JOIN LATERAL unnest(refs) AS r(ref) WHERE stream = $1 AND ref LIKE 'person/%' ORDER BY ref",
    [stream],
  );
  return rows.map((row) => row.ref.slice('person/'.length));
}

/** The first (by stream name) criminal case with the person as its suspect that is not closed on `date`, as known now. */
export async function openCriminalCaseOfSuspect(tx: Queryable, personId: string, date: string): Promise<string | undefined> {
  const [row] = await tx.query<{ stream: string }>(
    `SELECT e.stream FROM events e JOIN case_segments s ON s.stream = e.stream
     WHERE e.type = 'criminal.opened' AND e.refs @> ARRAY[$1]::text[] AND e.data ->> 'suspect' = $2
       AND s.phase <> 'closed' AND s.valid_from <= $3::date AND (s.valid_until IS NULL OR s.valid_until > $3::date)
       AND s.recorded_until IS NULL
     ORDER BY e.stream LIMIT 1`,
    [`person/${personId}`, personId, date],
  );
  return row?.stream;
}

export interface JudgeAuthorisationRow {
  id: string;
  stream: string;
  decisionReference: string;
  validFrom: string;
  validUntil: string;
}

/**
 * The judge's authorisation about the person in force on `date` for this exclusion case (or for any), in a criminal
 * case not closed then, as recorded at `recordedAsOf`: the one valid longest.
 */
export async function judgeAuthorisationInForce(
  tx: Queryable, query: { personId: string; exclusionCase: string; date: string; recordedAsOf: string },
): Promise<JudgeAuthorisationRow | undefined> {
  const [row] = await tx.query<JudgeAuthorisationRow>(
    `SELECT a.id, a.stream, a.data ->> 'decisionReference' AS "decisionReference", a.data ->> 'validFrom' AS "validFrom",
            a.data ->> 'validUntil' AS "validUntil"
     FROM events a
     WHERE a.type = 'criminal.judge-authorisation' AND a.data ->> 'person' = $2 AND a.refs @> ARRAY[$1]::text[]
       AND (a.data ->> 'exclusionCase' IS NULL OR a.data ->> 'exclusionCase' = $3)
       AND a.data ->> 'validFrom' <= $4 AND a.data ->> 'validUntil' >= $4 AND ${visibleAsRecordedAt('a', '$5::timestamptz')}
       AND EXISTS (SELECT 1 FROM case_segments s WHERE s.stream = a.stream AND s.phase <> 'closed'
                     AND s.valid_from <= $4::date AND (s.valid_until IS NULL OR s.valid_until > $4::date) AND s.recorded_until IS NULL)
     ORDER BY a.data ->> 'validUntil' DESC, a.seq LIMIT 1`,
    [`person/${query.personId}`, query.personId, query.exclusionCase, query.date, query.recordedAsOf],
  );
  return row;
}

/** Who wrote an event: its stream, type, data and the organisation of its import's source file (migration 015). */
export async function eventWriter(tx: Queryable, eventId: string): Promise<{ stream: string; type: string; organisation: string | null; data: Record<string, unknown> } | undefined> {
  const [row] = await tx.query<{ stream: string; type: string; organisation: string | null; data: Record<string, unknown> }>(
    `SELECT e.stream, e.type, e.data, i.source_organisations[e.origin_file] AS organisation
     FROM events e LEFT JOIN imports i ON i.id = e.import_id WHERE e.id = $1`,
    [eventId],
  );
  return row ? { stream: row.stream, type: row.type, organisation: row.organisation ?? null, data: row.data ?? {} } : undefined;
}

/** The organisation whose import registered the person, if known. */
export async function personRegisteredBy(tx: Queryable, personId: string): Promise<string | null> {
  const [row] = await tx.query<{ organisation: string | null }>(
    `SELECT i.source_organisations[e.origin_file] AS organisation
     FROM events e LEFT JOIN imports i ON i.id = e.import_id
     WHERE e.stream = $1 AND e.type = 'person.registered' ORDER BY e.seq LIMIT 1`,
    [`person/${personId}`],
  );
  return row?.organisation ?? null;
}

/**
 * Who recorded each of these events: the organisation of the API request that sent it, or null for an operator's
 * import at the server (CLI, demo) — as the imports table keeps it (migration 015).
 */
export async function eventRecorders(tx: Queryable, eventIds: readonly string[]): Promise<Map<string, string | null>> {
  if (eventIds.length === 0) return new Map();
  const rows = await tx.query<{ id: string; organisation: string | null }>(
    `SELECT e.id, i.source_organisations[e.origin_file] AS organisation
     FROM events e LEFT JOIN imports i ON i.id = e.import_id WHERE e.id = ANY($1::text[])`,
    [eventIds],
  );
  return new Map(rows.map((row) => [row.id, row.organisation ?? null]));
}

/**
 * The SQL of the pseudonymised analysis data (migration 042, docs/retention.md "Pseudonymised analysis"): per-case
 * facts keyed by pseudonym, and how far the event log was read into them.
 */
import type { Queryable } from './db.js';

export interface AnalysisRow {
  casePseudonym: string;
  personPseudonym: string | null;
  kind: string;
  facts: Record<string, unknown>;
}

export async function upsertAnalysisRows(tx: Queryable, rows: readonly AnalysisRow[], at: string): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO analysis_facts (case_pseudonym, person_pseudonym, kind, facts, recorded_at)
     SELECT c, p, k, f, $5::timestamptz FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[]) AS r (c, p, k, f)
     ON CONFLICT (case_pseudonym) DO UPDATE SET person_pseudonym = EXCLUDED.person_pseudonym, kind = EXCLUDED.kind,
       facts = EXCLUDED.facts, recorded_at = EXCLUDED.recorded_at`,
    [rows.map((row) => row.casePseudonym), rows.map((row) => row.personPseudonym), rows.map((row) => row.kind), rows.map((row) => JSON.stringify(row.facts)), at],
  );
}

export async function readAnalysisRows(tx: Queryable): Promise<AnalysisRow[]> {
  return tx.query<AnalysisRow>(
    'SELECT case_pseudonym AS "casePseudonym", person_pseudonym AS "personPseudonym", kind, facts FROM analysis_facts ORDER BY kind, case_pseudonym',
  );
}

export async function analysisPosition(tx: Queryable): Promise<number> {
  const [row] = await tx.query<{ position: number }>('SELECT position FROM analysis_position');
  return row ? Number(row.position) : 0;
}

export async function setAnalysisPosition(tx: Queryable, position: number): Promise<void> {
  await tx.query('INSERT INTO analysis_position (one, position) VALUES (true, $1) ON CONFLICT (one) DO UPDATE SET position = EXCLUDED.position', [position]);
}

/** The case streams with an event in the log after `after`, up to `upTo` (erased and erasure records included). */
export async function caseStreamsChanged(tx: Queryable, after: number, upTo: number): Promise<string[]> {
  const rows = await tx.query<{ stream: string }>(
    `SELECT DISTINCT stream FROM events WHERE seq > $1 AND seq <= $2 AND kind IN ('criminal', 'exclusion', 'departure', 'extradition', 'intake', 'mla')
     ORDER BY stream`,
    [after, upTo],
  );
  return rows.map((row) => row.stream);
}

/** Refreshes take turns: held until the transaction ends (on PGlite, one connection, it never waits). */
export async function lockAnalysis(tx: Queryable): Promise<void> {
  await tx.query('LOCK TABLE analysis_position IN SHARE ROW EXCLUSIVE MODE');
}

/** How far the facts follow the log: the position read, the recording time of the event there, and the log's end. */
export async function analysisFreshness(tx: Queryable): Promise<{ position: number; updatedTo: string | null; logPosition: number }> {
  const [row] = await tx.query<{ position: number | null; recorded_at: Date | string | null; log: number | null }>(
    `SELECT p.position, e.recorded_at, (SELECT max(seq) FROM events) AS log
     FROM (SELECT (SELECT position FROM analysis_position) AS position) p LEFT JOIN events e ON e.seq = p.position`,
  );
  const at = row?.recorded_at;
  return {
    position: Number(row?.position ?? 0),
    updatedTo: at ? new Date(at).toISOString() : null,
    logPosition: Number(row?.log ?? 0),
  };
}

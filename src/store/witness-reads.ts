/**
 * The SQL behind witnesses (README, "Witnesses"): the witness streams of a case, of a person, and the statement
 * links an import added. Everything else is read as streams and replayed (src/domain/witness).
 */
import type { Queryable } from './db.js';

/** The witness streams whose events name the case stream (`criminal/…`, `exclusion/…`), by stream name. */
export async function witnessStreamsNaming(tx: Queryable, caseStream: string): Promise<string[]> {
  const rows = await tx.query<{ stream: string }>(
    "SELECT DISTINCT stream FROM events WHERE kind = 'witness' AND refs @> ARRAY[$1]::text[] ORDER BY stream",
    [caseStream],
  );
  return rows.map((row) => row.stream);
}

/** Every witness stream, by stream name (the risk lists read them all; a registry holds thousands, not millions). */
export async function allWitnessStreams(tx: Queryable): Promise<string[]> {
  const rows = await tx.query<{ stream: string }>("SELECT DISTINCT stream FROM events WHERE kind = 'witness' ORDER BY stream");
  return rows.map((row) => row.stream);
}

export interface ImportedStatementLink { stream: string; evidence: string; date: string; originFile: number; originLine: number }

/** The `witness.statement-linked` events an import added, in log order, at most `limit`. */
export async function importedStatementLinks(tx: Queryable, importId: number, limit: number): Promise<ImportedStatementLink[]> {
  return tx.query<ImportedStatementLink>(
    `SELECT stream, data ->> 'evidence' AS evidence, to_char(date, 'YYYY-MM-DD') AS date, origin_file AS "originFile", origin_line AS "originLine"
     FROM events WHERE import_id = $1 AND type = 'witness.statement-linked' ORDER BY seq LIMIT $2`,
    [importId, limit],
  );
}

/**
 * The pseudonym codes of every witness ever registered on the cases (`criminal/…`, `exclusion/…`), retracted
 * registrations included (a code once shown is not given to another witness); by case stream.
 */
export async function pseudonymsOnCases(tx: Queryable, caseStreams: readonly string[]): Promise<Map<string, Set<string>>> {
  const rows = await tx.query<{ caseStream: string; code: string }>(
    `SELECT c.case_stream AS "caseStream", c.code FROM (
       SELECT COALESCE('criminal/' || (data ->> 'criminalCase'), 'exclusion/' || (data ->> 'exclusionCase')) AS case_stream, data ->> 'pseudonym' AS code
       FROM events WHERE type = 'witness.registered' AND data ? 'pseudonym'
     ) c WHERE c.case_stream = ANY($1::text[])`,
    [[...caseStreams]],
  );
  const codes = new Map<string, Set<string>>(caseStreams.map((stream) => [stream, new Set<string>()]));
  for (const row of rows) codes.get(row.caseStream)?.add(row.code);
  return codes;
}

/** The pseudonyms stored with the witness registrations of these event ids (a repeated import keeps them). */
export async function storedPseudonyms(tx: Queryable, eventIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await tx.query<{ id: string; code: string }>(
    "SELECT id, data ->> 'pseudonym' AS code FROM events WHERE id = ANY($1::text[]) AND type = 'witness.registered' AND data ? 'pseudonym'",
    [[...eventIds]],
  );
  return new Map(rows.map((row) => [row.id, row.code]));
}

/**
 * Which of some persons a role may see in lists: those named in a case of a kind the role reads (the same rule as
 * GET /api/persons and the policy's person-named-in-readable-case).
 */
import type { Queryable } from '../store/db.js';

export async function visiblePersons(tx: Queryable, ids: readonly string[], readableKinds: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0 || readableKinds.length === 0) return new Set();
  const rows = await tx.query<{ ref: string }>(
    `SELECT DISTINCT ref FROM events CROSS JOIN LATERAL unnest(refs) AS r(ref)
     WHERE refs && $1::text[] AND ref = ANY($1::text[]) AND kind = ANY($2::text[])`,
    [ids.map((id) => `person/${id}`), readableKinds],
  );
  return new Set(rows.map((row) => row.ref.slice('person/'.length)));
}

/**
 * The SQL behind the policy's conditions (conditions.ts RegistryFacts): small indexed look-ups on the event log,
 * the case projection and the judge's authorisations.
 */
import { parseStreamName } from '../domain/event.js';
import type { Queryable } from '../store/db.js';
import type { JudgeAuthorisationRef, RegistryFacts } from './conditions.js';

export function registryFacts(tx: Queryable): RegistryFacts {
  const named = async (personId: string, kinds: readonly string[]) => {
    if (kinds.length === 0) return false;
    const rows = await tx.query('SELECT 1 FROM events WHERE refs @> ARRAY[$1]::text[] AND kind = ANY($2::text[]) LIMIT 1', [`person/${personId}`, kinds]);
    return rows.length > 0;
  };
  return {
    async personsOfStream(stream) {
      const parsed = parseStreamName(stream);
      if (!parsed) return [];
      if (parsed.kind === 'person') return [parsed.id];
      const rows = await tx.query<{ ref: string }>(
        "SELECT DISTINCT ref FROM events CROSS JOIN LATERAL unnest(refs) AS r(ref) WHERE stream = $1 AND ref LIKE 'person/%' ORDER BY ref",
        [stream],
      );
      return rows.map((row) => row.ref.slice('person/'.length));
    },
    personNamedInKinds: named,
    personHasDepartureDossier: (personId) => named(personId, ['departure']),
    async suspectInOpenCriminalCase(personId, date) {
      const [row] = await tx.query<{ stream: string }>(
        `SELECT e.stream FROM events e JOIN case_segments s ON s.stream = e.stream
         WHERE e.type = 'criminal.opened' AND e.refs @> ARRAY[$1]::text[] AND e.data ->> 'suspect' = $2
           AND s.phase <> 'closed' AND s.valid_from <= $3::date AND (s.valid_until IS NULL OR s.valid_until > $3::date)
           AND s.recorded_until IS NULL
         ORDER BY e.stream LIMIT 1`,
        [`person/${personId}`, personId, date],
      );
      return row?.stream;
    },
    async judgeAuthorisationInForce(personId, exclusionStream, date) {
      const exclusionCase = parseStreamName(exclusionStream)?.id ?? exclusionStream;
      const [row] = await tx.query<JudgeAuthorisationRef>(
        `SELECT id, decision_reference AS "decisionReference", valid_from AS "validFrom", valid_until AS "validUntil"
         FROM judge_authorisations
         WHERE person_id = $1 AND (exclusion_case IS NULL OR exclusion_case = $2) AND valid_from <= $3::date AND valid_until >= $3::date
         ORDER BY valid_until DESC, id LIMIT 1`,
        [personId, exclusionCase, date],
      );
      return row;
    },
  };
}
